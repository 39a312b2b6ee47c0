/*
 * tests/fuzz/fuzz_geopoint.c — geopoint text input on arbitrary bytes.
 *
 * Properties checked on every input: parsing never reads past the input
 * (libFuzzer hands us a buffer without a NUL) and either fails with a status
 * and a message or yields a canonical point (latitude in [-90, 90], longitude
 * in (-180, 180], no negative zero); that point's canonical text and its WKT
 * both read back to the same bytes; the GeoJSON fits its buffer; the distance
 * to a fixed point is finite and at most half a meridian, and dwithin agrees
 * with it; the index key contains the point.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "geopoint.h"
#include "geopoint_index.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	sn_geopoint p,
				q;
	sn_error	err;
	char		buf[SN_GEOPOINT_TEXT_MAX];
	size_t		n;
	char	   *copy = malloc(size ? size : 1);

	/* a private copy, so that ASan catches any read past the end */
	memcpy(copy, data, size);
	if (!sn_geopoint_parse(copy, size, &p, &err))
	{
		if (err.status == SN_OK || err.message[0] == '\0')
			abort();
		free(copy);
		return 0;
	}
	free(copy);
	if (!(p.lat >= -90 && p.lat <= 90 && p.lon > -180 && p.lon <= 180) ||
		signbit(p.lat) != (p.lat < 0) || signbit(p.lon) != (p.lon < 0))
		abort();

	n = sn_geopoint_format(&p, buf, sizeof(buf));
	if (n == 0 || n >= sizeof(buf) || !sn_geopoint_parse(buf, n, &q, &err) ||
		memcmp(&p, &q, sizeof(p)) != 0)
		abort();
	n = sn_geopoint_to_wkt(&p, buf, sizeof(buf));
	if (n == 0 || n >= sizeof(buf) || !sn_geopoint_parse(buf, n, &q, &err) ||
		memcmp(&p, &q, sizeof(p)) != 0)
		abort();
	n = sn_geopoint_to_geojson(&p, buf, sizeof(buf));
	if (n == 0 || n >= sizeof(buf))
		abort();

	{
		sn_geopoint bamako = {12.6392, -8.0029};
		double		d = sn_geopoint_distance(&p, &bamako);
		double		e[3];
		sn_geobox	box;

		if (!(d >= 0 && d <= 20003931.5))
			abort();
		if (!sn_geopoint_dwithin(&p, &bamako, d) ||
			(d > 0.01 && sn_geopoint_dwithin(&p, &bamako, d - 0.005)))
			abort();
		sn_geopoint_ecef(&bamako, e);
		sn_geobox_from_point(&p, &box);
		if (sn_geobox_distance_lower_bound(&box, e) > d ||
			sn_geobox_distance_upper_bound(&box, e) < d)
			abort();
	}
	return 0;
}
