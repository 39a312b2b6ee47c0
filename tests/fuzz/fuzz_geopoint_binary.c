/*
 * tests/fuzz/fuzz_geopoint_binary.c — geopoint's binary receive on arbitrary
 * bytes.
 *
 * Properties checked (FUZZ_BINARY_FORM): decoding never crashes; it either
 * gives a position in range (latitude in [-90, 90], longitude in (-180, 180],
 * both finite) whose encoding decodes to the same bits and encodes to the
 * same bytes again, or fails with SN_ERR_BINARY and a NUL-terminated message
 * starting "invalid binary geopoint: ".
 */
#include <math.h>

#include "geopoint.h"
#include "fuzz_binary.h"

static bool
in_range(const sn_geopoint *p)
{
	return isfinite(p->lat) && isfinite(p->lon) && p->lat >= -90 && p->lat <= 90 &&
		p->lon > -180 && p->lon <= 180;
}

/* the same bits: -0 and 0 are told apart */
static bool
same_bits(const sn_geopoint *a, const sn_geopoint *b)
{
	return memcmp(&a->lat, &b->lat, sizeof(double)) == 0 &&
		memcmp(&a->lon, &b->lon, sizeof(double)) == 0;
}

FUZZ_BINARY_FORM("geopoint", sn_geopoint, sn_geopoint_decode, sn_geopoint_encode,
				 in_range(v), same_bits,
				 SN_GEOPOINT_BINARY_SIZE, SN_GEOPOINT_BINARY_SIZE, unsigned char)
