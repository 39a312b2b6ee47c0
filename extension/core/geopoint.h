/*
 * extension/core/geopoint.h
 *
 * A position on the earth: WGS84 geodetic latitude and longitude in degrees.
 *
 * Canonical values: latitude in [-90, 90], longitude in (-180, 180], both
 * finite, and never negative zero (so that equal positions have equal bytes,
 * which the hash opclass relies on).  Every constructor (text input, binary
 * input, geopoint(lat, lon), the cast from point) goes through
 * sn_geopoint_make(), which validates and normalises.
 *
 * Distances are geodesics on the WGS84 ellipsoid, in metres, computed with
 * Karney's algorithm from PROJ (geodesic.h), accurate to about 15 nanometres.
 *
 * Ordering (btree) is by latitude, then longitude: a total order that is
 * consistent with equality, nothing geographic.  Equality is equality of the
 * canonical coordinates, so the two poles written with different longitudes
 * ("90N 0E" and "90N 45E") are different values at distance 0.
 */
#ifndef SN_GEOPOINT_H
#define SN_GEOPOINT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sn_error.h"

typedef struct sn_geopoint
{
	double		lat;			/* degrees north, [-90, 90] */
	double		lon;			/* degrees east, (-180, 180] */
} sn_geopoint;

/* The WGS84 ellipsoid. */
#define SN_WGS84_A		6378137.0
#define SN_WGS84_F		(1.0 / 298.257223563)

/*
 * Longest text sn_geopoint_format() (and to_wkt, to_geojson) can produce,
 * NUL included.  A coordinate printed in plain decimal notation takes at most
 * 3 integer digits, a point, 340 fraction digits (the smallest subnormal
 * double needs 324 leading zeros and 17 significant digits) and a sign or
 * hemisphere letter.
 */
#define SN_GEOPOINT_COORD_MAX	352
#define SN_GEOPOINT_TEXT_MAX	(2 * SN_GEOPOINT_COORD_MAX + 64)

/*
 * Validate and normalise: latitude must lie in [-90, 90]; longitude in
 * [-360, 360] is brought into (-180, 180] (so -180 becomes 180); NaN and
 * infinities are refused.  On failure fills err (SN_ERR_RANGE, naming the
 * coordinate) and returns false.
 */
extern bool sn_geopoint_make(double lat, double lon, sn_geopoint *out, sn_error *err);

/*
 * Read the text forms people paste (see geopoint.c for the grammar):
 *   12.6392, -8.0029                  latitude first, as map tools copy it
 *   12.6392N 8.0029W   N12.6392 W8.0029   (either order, letters decide)
 *   12°38′21″N 8°0′10″W   12°38'21"N 8°0'10"W   12°38.35'N 8°0.17'W
 *   POINT(-8.0029 12.6392)            WKT, longitude first
 *   SRID=4326;POINT(-8.0029 12.6392)  EWKT (any other SRID is an error)
 * len bytes of s are read (no NUL needed).  Errors: SN_ERR_SYNTAX quoting the
 * input, SN_ERR_RANGE naming the coordinate.
 */
extern bool sn_geopoint_parse(const char *s, size_t len, sn_geopoint *out, sn_error *err);

/*
 * The canonical text form, "12.6392N 8.0029W": latitude then longitude, each
 * the shortest decimal that reads back to the same double, with hemisphere
 * letters (N for latitude >= 0, E for longitude >= 0).  Writes a NUL-terminated
 * string into buf (at least SN_GEOPOINT_TEXT_MAX bytes); returns its length.
 */
extern size_t sn_geopoint_format(const sn_geopoint *p, char *buf, size_t bufsize);

/* "POINT(-8.0029 12.6392)": WKT, longitude first, shortest round-trip digits. */
extern size_t sn_geopoint_to_wkt(const sn_geopoint *p, char *buf, size_t bufsize);

/* {"type":"Point","coordinates":[-8.0029,12.6392]}: GeoJSON (RFC 7946). */
extern size_t sn_geopoint_to_geojson(const sn_geopoint *p, char *buf, size_t bufsize);

/*
 * Shortest decimal (plain notation, no exponent) that reads back to x with
 * strtod; x must be finite.  Returns the length written (buf needs
 * SN_GEOPOINT_COORD_MAX bytes).
 */
extern size_t sn_format_shortest(double x, char *buf, size_t bufsize);

/* Total order: latitude, then longitude.  Returns -1, 0 or 1. */
extern int	sn_geopoint_cmp(const sn_geopoint *a, const sn_geopoint *b);

/* Geodesic distance on WGS84 in metres (Karney; PROJ's geod_inverse). */
extern double sn_geopoint_distance(const sn_geopoint *a, const sn_geopoint *b);

/*
 * Is b within radius metres of a (geodesic)?  NaN radius must be refused by
 * the caller; a negative radius is never satisfied.
 */
extern bool sn_geopoint_dwithin(const sn_geopoint *a, const sn_geopoint *b, double radius);

/* The same, given both points' ECEF positions (sn_geopoint_ecef). */
extern bool sn_geopoint_dwithin_ecef(const sn_geopoint *a, const double ea[3],
									 const sn_geopoint *b, const double eb[3],
									 double radius);

/* Check a radius argument: finite or +Infinity, not NaN. */
extern bool sn_geopoint_check_radius(double radius, sn_error *err);

/*
 * The binary form (send/receive): latitude then longitude, each the bits of
 * an IEEE 754 double, big-endian (as float8send writes them).  Decoding
 * validates as sn_geopoint_make does; errors are SN_ERR_BINARY, worded
 * "invalid binary geopoint: ..." (sn_binary.h).
 */
#define SN_GEOPOINT_BINARY_SIZE 16
extern size_t sn_geopoint_encode(const sn_geopoint *p, unsigned char out[SN_GEOPOINT_BINARY_SIZE]);
extern bool sn_geopoint_decode(const unsigned char *in, size_t len, sn_geopoint *out,
							   sn_error *err);

#endif							/* SN_GEOPOINT_H */
