/*
 * tests/fuzz/fuzz_geopoint_binary.c — geopoint's binary receive on arbitrary
 * bytes.
 *
 * Properties checked: decoding never crashes; it either gives a position in
 * range (latitude in [-90, 90], longitude in (-180, 180], both finite) whose
 * encoding decodes to the same bits, or fails with SN_ERR_BINARY and a
 * NUL-terminated message starting "invalid binary geopoint: ".
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "geopoint.h"
#include "fuzz_binary.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	sn_geopoint p,
				back;
	sn_error	err;
	unsigned char buf[SN_GEOPOINT_BINARY_SIZE];

	sn_error_clear(&err);
	if (sn_geopoint_decode(data, size, &p, &err))
	{
		if (!isfinite(p.lat) || !isfinite(p.lon) || p.lat < -90 || p.lat > 90 ||
			p.lon <= -180 || p.lon > 180)
			abort();
		sn_geopoint_encode(&p, buf);
		if (!sn_geopoint_decode(buf, sizeof(buf), &back, &err) ||
			memcmp(&p.lat, &back.lat, sizeof(double)) != 0 ||
			memcmp(&p.lon, &back.lon, sizeof(double)) != 0)
			abort();
	}
	else
		check_binary_refusal(&err, "geopoint");
	return 0;
}
