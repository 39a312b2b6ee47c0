/*
 * tests/unit/test_geopoint.c — reading, writing and measuring geopoints.
 *
 * Reference distances: the WGS84 quadrants (a*pi/2 along the equator,
 * 10001965.729 m along a meridian), GeographicLib's documented example
 * JFK–LHR (5551759.400319 m), and PROJ's `geod -I +ellps=WGS84` for the
 * sample places (Bamako–Niamey 1102580.147 m, Paris–Bamako 4128054.046 m).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "geopoint.h"
#include "unit_helpers.h"

UNIT_PARSE_OK(sn_geopoint, sn_geopoint_parse)
UNIT_CANONICAL(sn_geopoint, sn_geopoint_format, SN_GEOPOINT_TEXT_MAX)

static sn_status
parse_status(const char *s, sn_error *err)
{
	sn_geopoint p;

	if (sn_geopoint_parse(s, strlen(s), &p, err))
		fail_msg("\"%s\" was accepted", s);
	return err->status;
}

static void
assert_point(const char *s, double lat, double lon)
{
	sn_geopoint p = parse_ok(s);

	if (p.lat != lat || p.lon != lon)
		fail_msg("\"%s\" read as %.17g, %.17g; expected %.17g, %.17g", s, p.lat, p.lon, lat, lon);
}

static void
every_input_form_reads_bamako(void **state)
{
	assert_point("12.6392, -8.0029", 12.6392, -8.0029);
	assert_point("12.6392,-8.0029", 12.6392, -8.0029);
	assert_point("12.6392 -8.0029", 12.6392, -8.0029);
	assert_point("  12.6392 ,  -8.0029  ", 12.6392, -8.0029);
	assert_point("+12.6392, -8.0029", 12.6392, -8.0029);
	assert_point("12.6392°, -8.0029°", 12.6392, -8.0029);
	assert_point("12.6392N 8.0029W", 12.6392, -8.0029);
	assert_point("12.6392n 8.0029w", 12.6392, -8.0029);
	assert_point("12.6392N, 8.0029W", 12.6392, -8.0029);
	assert_point("12.6392 N 8.0029 W", 12.6392, -8.0029);
	assert_point("8.0029W 12.6392N", 12.6392, -8.0029);
	assert_point("N12.6392 W8.0029", 12.6392, -8.0029);
	assert_point("N 12.6392, W 8.0029", 12.6392, -8.0029);
	assert_point("12.6392N 8.0029O", 12.6392, -8.0029);	/* French: ouest */
	assert_point("12.6392°N 8.0029°W", 12.6392, -8.0029);
	assert_point("POINT(-8.0029 12.6392)", 12.6392, -8.0029);
	assert_point("point ( -8.0029   12.6392 )", 12.6392, -8.0029);
	assert_point("SRID=4326;POINT(-8.0029 12.6392)", 12.6392, -8.0029);
	assert_point("srid=4326; POINT(-8.0029 12.6392)", 12.6392, -8.0029);
	assert_point("POINT(-8.0029e0 1.26392E1)", 12.6392, -8.0029);
	assert_point("12.6392\xC2\xA0-8.0029", 12.6392, -8.0029);	/* no-break space */
	/* exponents as programs print them (PostgreSQL's float8 output, printf %g) */
	assert_point("23.41923, -3e-05", 23.41923, -3e-05);
	assert_point("1e+01, 2E-1", 10, 0.2);
	assert_point("1.5e-05N 2e-06W", 1.5e-05, -2e-06);
	/* "E" without a sign is East */
	assert_point("8E12N", 12, 8);
}

static void
degrees_minutes_seconds(void **state)
{
	double		lat = 12 + (38 + 21 / 60.0) / 60.0;
	double		lon = -(8 + (0 + 10 / 60.0) / 60.0);

	assert_point("12°38′21″N 8°0′10″W", lat, lon);
	assert_point("12°38'21\"N 8°0'10\"W", lat, lon);
	assert_point("12° 38′ 21″ N, 8° 0′ 10″ W", lat, lon);
	assert_point("12º38’21”N 8º0’10”W", lat, lon);
}

static void
degrees_minutes_seconds_more(void **state)
{
	double		lat = 12 + (38 + 21 / 60.0) / 60.0;

	assert_point("12°38′21″N 8°W", lat, -8);
	assert_point("12°38′21.5″N 8°W", 12 + (38 + 21.5 / 60.0) / 60.0, -8);
	assert_point("12°38.35′N 8°0.17′W", 12 + 38.35 / 60.0, -(0.17 / 60.0 + 8));
	assert_point("12°38′ 8°0′", 12 + 38 / 60.0, 8);	/* no letters: lat first */
	assert_point("-12°38′, 8°", -(12 + 38 / 60.0), 8);
	assert_point("12° 8°", 12, 8);
}

static void
longitude_is_normalised(void **state)
{
	assert_point("0, -180", 0, 180);
	assert_point("0, 180", 0, 180);
	assert_point("0, 190", 0, -170);
	assert_point("0, -190", 0, 170);
	assert_point("0, 360", 0, 0);
	assert_point("0, -360", 0, 0);
	assert_point("0N 180W", 0, 180);
	assert_point("POINT(-359.5 0)", 0, 0.5);
}

static void
negative_zero_is_canonical(void **state)
{
	sn_geopoint p = parse_ok("-0, -0");
	char		buf[SN_GEOPOINT_TEXT_MAX];

	/* never negative zero */
	assert_false(signbit(p.lat));
	assert_false(signbit(p.lon));
	sn_geopoint_format(&p, buf, sizeof(buf));
	assert_string_equal(buf, "0N 0E");
	assert_true(sn_geopoint_make(-0.0, -180.0, &p, &(sn_error) {0}));
	assert_false(signbit(p.lat));
	assert_true(p.lon == 180.0);
}

static void
bad_input_is_a_syntax_error(void **state)
{
	static const char *const bad[] = {
		"", "   ", "abc", "12.6392", "12.6392,", ", -8", "12.6392 -8.0029 3",
		"1,2,3", "12.6392-8.0029", "12N 8", "12 8W", "-12N 8W", "12N 8S", "8E 9W",
		"N12N 8W", "12NN 8W", "12.5°30′N 8W", "12°30.5′15″N 8W", "12°38''N 8W",
		"12′ 8", "12″N 8W", "NaN, 0", "Infinity, 0", "0x10, 0", "1e5, 3", "12,5,",
		"POINT", "POINT()", "POINT(1)", "POINT(1 2 3)", "POINT Z (1 2 3)", "POINT EMPTY",
		"POINT(1,2)", "POINT(1 2) x", "LINESTRING(0 0, 1 1)", "SRID=3857;POINT(1 2)",
		"SRID=4326;LINESTRING(0 0,1 1)", "SRID=;POINT(1 2)", "SRID=4326 POINT(1 2)",
		"POINT(NaN 0)", "POINT(-8.0029 12.6392", "12.6392, -8.0029\x01", "12.6392\xC2, 8",
		"12 . 5, 8", ".,.", "--1, 2", "1, +-2",
		NULL
	};

	for (const char *const *s = bad; *s; s++)
	{
		sn_error	err;

		if (parse_status(*s, &err) != SN_ERR_SYNTAX)
			fail_msg("\"%s\": status %d, %s", *s, err.status, err.message);
		assert_non_null(strstr(err.message, "invalid input syntax for type geopoint"));
		assert_true(err.detail[0] != '\0');
	}
}

static void
out_of_range_names_the_coordinate(void **state)
{
	/* each input, and the word its message names */
	static const unit_case cases[] = {
		{"95, 10", "latitude"},
		{"-90.000001, 10", "latitude"},
		{"10, 360.5", "longitude"},
		{"91N 8W", "latitude"},
		{"8W 91S", "latitude"},
		{"10N 181W", "longitude"},
		{"POINT(-8 95)", "latitude"},
		{"POINT(1e400 0)", "longitude"},
		{"12°60′N 8W", "minutes"},
		{"12°59′60″N 8W", "seconds"},
	};
	sn_error	err;

	for (size_t i = 0; i < UNIT_LENGTH(cases); i++)
	{
		if (parse_status(cases[i].in, &err) != SN_ERR_RANGE)
			fail_msg("\"%s\": status %d, %s", cases[i].in, err.status, err.message);
		if (strstr(err.message, cases[i].want) == NULL)
			fail_msg("\"%s\": the message \"%s\" does not name %s", cases[i].in, err.message, cases[i].want);
	}
	/* the input is quoted */
	assert_int_equal(parse_status("95, 10", &err), SN_ERR_RANGE);
	assert_non_null(strstr(err.message, "\"95, 10\""));
}

static void
make_validates(void **state)
{
	sn_geopoint p;
	sn_error	err;

	assert_true(sn_geopoint_make(90, 180, &p, &err));
	assert_true(sn_geopoint_make(-90, -179.999, &p, &err));
	assert_false(sn_geopoint_make(NAN, 0, &p, &err));
	assert_int_equal(err.status, SN_ERR_RANGE);
	assert_non_null(strstr(err.message, "latitude"));
	assert_false(sn_geopoint_make(0, INFINITY, &p, &err));
	assert_non_null(strstr(err.message, "longitude"));
	assert_false(sn_geopoint_make(90.5, 0, &p, &err));
	assert_string_equal(err.message, "latitude 90.5 is out of range for type geopoint");
	assert_false(sn_geopoint_make(0, -400, &p, &err));
	assert_string_equal(err.message, "longitude -400 is out of range for type geopoint");
}

static void
format_is_canonical(void **state)
{
	static const unit_case cases[] = {
		{"12.6392, -8.0029", "12.6392N 8.0029W"},
		{"-33.9, 151.2", "33.9S 151.2E"},
		{"0.0001, 100", "0.0001N 100E"},
		{"POINT(1e-7 -1.5e-10)", "0.00000000015S 0.0000001E"},
	};
	char		buf[SN_GEOPOINT_TEXT_MAX];
	sn_geopoint p = parse_ok("12.6392, -8.0029");

	assert_cases(canonical, cases);
	sn_geopoint_to_wkt(&p, buf, sizeof(buf));
	assert_string_equal(buf, "POINT(-8.0029 12.6392)");
	sn_geopoint_to_geojson(&p, buf, sizeof(buf));
	assert_string_equal(buf, "{\"type\":\"Point\",\"coordinates\":[-8.0029,12.6392]}");
	/* a short buffer gets what fits, as with snprintf; the length is the whole */
	assert_int_equal(sn_geopoint_format(&p, buf, 8), 16);
	assert_string_equal(buf, "12.6392");
	assert_int_equal(sn_geopoint_to_wkt(&p, buf, 1), 22);
	assert_string_equal(buf, "");
	assert_int_equal(sn_geopoint_to_geojson(&p, buf, 0), 48);
}

static void
format_shortest_digits(void **state)
{
	static const struct
	{
		double		x;
		const char *text;
	}			cases[] = {
		{0.1, "0.1"},
		{1.0 / 3.0, "0.3333333333333333"},
		{100, "100"},
		{-180, "-180"},
		{1e-5, "0.00001"},
	};
	char		buf[SN_GEOPOINT_COORD_MAX];

	for (size_t i = 0; i < UNIT_LENGTH(cases); i++)
	{
		sn_format_shortest(cases[i].x, buf, sizeof(buf));
		assert_string_equal(buf, cases[i].text);
	}
	sn_format_shortest(5e-324, buf, sizeof(buf));
	assert_int_equal(strtod(buf, NULL), 5e-324);
	assert_int_equal(strncmp(buf, "0.000", 5), 0);
}

/*
 * The rule sn_format_shortest() follows, written out with printf: the value
 * rounded to 15 significant digits if that reads back, else 16, else 17,
 * trailing zeros dropped, in plain notation (printf's %f to the decimal of
 * the last digit kept: rounding there gives the same digits).
 */
static void
shortest_by_printf(double x, char *out, size_t outsize)
{
	char		tmp[40];
	int			nd,
				decimals;
	double		ax = fabs(x);

	if (ax == 0.0)
	{
		snprintf(out, outsize, "0");
		return;
	}
	for (int prec = 15; prec <= 17; prec++)
	{
		snprintf(tmp, sizeof(tmp), "%.*e", prec - 1, ax);
		if (prec == 17 || strtod(tmp, NULL) == ax)
			break;
	}
	/* tmp is "d.ddd...e<exponent>": the digits up to the last that is not 0 */
	nd = 1;
	for (int i = 2; tmp[i] != 'e'; i++)
		if (tmp[i] != '0')
			nd = i;
	decimals = nd - 1 - atoi(strchr(tmp, 'e') + 1);
	snprintf(out, outsize, "%.*f", decimals > 0 ? decimals : 0, x);
}

static void
check_shortest(double x)
{
	char		got[SN_GEOPOINT_COORD_MAX],
				want[SN_GEOPOINT_COORD_MAX];

	sn_format_shortest(x, got, sizeof(got));
	shortest_by_printf(x, want, sizeof(want));
	if (strcmp(got, want) != 0)
		fail_msg("%.17g printed as \"%s\", the rule gives \"%s\"", x, got, want);
}

/*
 * Numbers typed with a few decimals take a fast path (no printf): it must
 * print what the rule prints, for short decimals, for full-precision values,
 * and next to the edges (powers of two and of ten, their neighbours).
 */
static void
format_shortest_follows_the_rule(void **state)
{
	uint64_t	seed = 2022;

	for (int i = 0; i < 300000; i++)
	{
		double		x;

		seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
		if (i % 3 == 0)
		{
			/* a decimal with 0 to 12 decimals, up to a million */
			int			decimals = (int) ((seed >> 20) % 13);

			x = (double) ((seed >> 24) % 1000000000000ULL) / pow(10.0, decimals);
			x = fmod(x, 1e6);
		}
		else if (i % 3 == 1)
			x = ((double) (seed >> 11) * 0x1p-53) * 360.0 - 180.0;
		else
		{
			/* next to a power of two or of ten */
			int			e = (int) ((seed >> 33) % 60) - 30;
			double		edge = (seed >> 40) & 1 ? ldexp(1.0, e) : pow(10.0, e / 3);

			x = (seed >> 41) & 1 ? nextafter(edge, 0.0) : nextafter(edge, INFINITY);
			if ((seed >> 42) & 1)
				x = edge;
		}
		check_shortest(x);
		check_shortest(-x);
	}
	check_shortest(0.1);
	check_shortest(12.63921);
	check_shortest(-8.00292);
	check_shortest(0.99999999999999989);
	check_shortest(9.9999999999999982);
	check_shortest(999999999999999.0);
	check_shortest(1e15);
	check_shortest(123456789012345.6);
	check_shortest(5e-324);
}

/* Every value prints and reads back to exactly the same doubles. */
static void
round_trip_random(void **state)
{
	char		buf[SN_GEOPOINT_TEXT_MAX];
	uint64_t	seed = 12345;

	for (int i = 0; i < 200000; i++)
	{
		sn_geopoint p,
					q;
		sn_error	err;
		double		lat,
					lon;

		seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
		if (i % 4 == 0)
		{
			/* arbitrary bit patterns in range */
			uint64_t	bits = seed >> 2;

			memcpy(&lat, &bits, sizeof(lat));
			lat = fmod(fabs(lat), 90.0);
			if (isnan(lat))
				lat = 1.0;
			lon = -fmod(fabs((double) (seed >> 11) * 0x1p-53 * 1e-300), 180.0);
		}
		else
		{
			lat = ((double) (seed >> 11) * 0x1p-53) * 180.0 - 90.0;
			lon = ((double) ((seed * 31) >> 11) * 0x1p-53) * 360.0 - 180.0;
			if (i % 4 == 2)
				lat = round(lat * 1e4) / 1e4;	/* typical pasted decimals */
		}
		assert_true(sn_geopoint_make(lat, lon, &p, &err));
		sn_geopoint_format(&p, buf, sizeof(buf));
		if (!sn_geopoint_parse(buf, strlen(buf), &q, &err))
			fail_msg("\"%s\" does not read back: %s", buf, err.message);
		if (memcmp(&p, &q, sizeof(p)) != 0)
			fail_msg("\"%s\" read back as %.17g %.17g, was %.17g %.17g", buf, q.lat, q.lon, p.lat, p.lon);
		sn_geopoint_to_wkt(&p, buf, sizeof(buf));
		assert_true(sn_geopoint_parse(buf, strlen(buf), &q, &err));
		assert_memory_equal(&p, &q, sizeof(p));
	}
}

/* The fast decimal path agrees with strtod. */
static void
fast_decimals_match_strtod(void **state)
{
	uint64_t	seed = 99;
	char		s[64],
				buf[160];

	for (int i = 0; i < 100000; i++)
	{
		sn_geopoint p;
		sn_error	err;
		int			digits;

		seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
		digits = (int) ((seed >> 33) % 16);
		snprintf(s, sizeof(s), "%.*f", digits, ((double) (seed >> 11) * 0x1p-53) * 90.0);
		snprintf(buf, sizeof(buf), "%s, %s", s, s);
		assert_true(sn_geopoint_parse(buf, strlen(buf), &p, &err));
		if (p.lat != strtod(s, NULL))
			fail_msg("%s read as %.17g", s, p.lat);
	}
}

static void
assert_distance(const char *a, const char *b, double expected, double tolerance)
{
	sn_geopoint p = parse_ok(a),
				q = parse_ok(b);
	double		d = sn_geopoint_distance(&p, &q),
				r = sn_geopoint_distance(&q, &p);

	if (fabs(d - expected) > tolerance)
		fail_msg("%s to %s: %.6f m, expected %.6f m", a, b, d, expected);
	if (fabs(d - r) > 1e-6)
		fail_msg("%s to %s: not symmetric (%.9f, %.9f)", a, b, d, r);
}

static void
known_distances(void **state)
{
	/* sample places, against PROJ's geod(1) */
	assert_distance("12.6392, -8.0029", "13.5116, 2.1254", 1102580.147, 0.001);	/* Bamako–Niamey */
	assert_distance("48.8566, 2.3522", "12.6392, -8.0029", 4128054.046, 0.001);	/* Paris–Bamako */
	/* published values */
	assert_distance("40.6, -73.8", "51.6, -0.5", 5551759.400319, 0.000001);	/* JFK–LHR, GeographicLib */
	assert_distance("0, 0", "0, 90", 10018754.171394, 0.000001);	/* a * pi / 2 */
	assert_distance("0, 0", "90, 0", 10001965.729, 0.001);	/* meridian quadrant */
	assert_distance("12.6392, -8.0029", "12.6392, -8.0029", 0, 0);
}

static void
antimeridian_poles_antipodes(void **state)
{
	/* across the antimeridian: short, whichever way longitudes are written */
	assert_distance("12, 179.9", "12, -179.9", 21780.530, 0.001);
	assert_distance("0, 180", "0, -179.999", 111.319, 0.001);
	assert_distance("0N 180E", "0N 180W", 0, 0);
	/* poles: longitude does not matter there */
	assert_distance("90, 0", "90, 123", 0, 1e-9);
	assert_distance("90, 0", "-90, 0", 20003931.459, 0.001);
	assert_distance("89.9, 0", "89.9, 180", 22338.796, 0.001);
	assert_distance("-90, 45", "-89, -135", 111693.9, 0.1);
	/* antipodes and near-antipodes, where Vincenty fails to converge */
	assert_distance("0, 0", "0, 180", 20003931.459, 0.001);
	assert_distance("0, 0", "0.5, 179.5", 19936288.579, 0.001);
}

static void
dwithin_agrees_with_distance(void **state)
{
	uint64_t	seed = 7;

	for (int i = 0; i < 50000; i++)
	{
		sn_geopoint a,
					b;
		sn_error	err;
		double		d,
					r;

		double		spread = i % 2 ? 2 : 60;
		double		lat2;

		seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
		assert_true(sn_geopoint_make(((double) (seed >> 11) * 0x1p-53) * 180 - 90,
									 ((double) ((seed * 3) >> 11) * 0x1p-53) * 360 - 180, &a, &err));
		seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
		lat2 = a.lat + ((double) (seed >> 11) * 0x1p-53 - 0.5) * spread;
		if (lat2 > 90 || lat2 < -90)
			lat2 = a.lat;
		assert_true(sn_geopoint_make(lat2, a.lon + ((double) ((seed * 5) >> 11) * 0x1p-53 - 0.5) * spread,
									 &b, &err));
		d = sn_geopoint_distance(&a, &b);
		/* radii just below, at and above the distance, and random ones */
		r = d * ((double) ((seed * 7) >> 11) * 0x1p-53 * 2);
		assert_int_equal(sn_geopoint_dwithin(&a, &b, r), d <= r);
		assert_true(sn_geopoint_dwithin(&a, &b, d));
		assert_false(sn_geopoint_dwithin(&a, &b, nextafter(d, 0)) && d > 0);
		assert_true(sn_geopoint_dwithin(&a, &b, d + 0.0005));
		if (d > 0.002)
			assert_false(sn_geopoint_dwithin(&a, &b, d - 0.0005));
	}
	{
		sn_geopoint a = parse_ok("0, 0");

		assert_false(sn_geopoint_dwithin(&a, &a, -1));
		assert_true(sn_geopoint_dwithin(&a, &a, 0));
		assert_true(sn_geopoint_dwithin(&a, &a, INFINITY));
	}
}

static void
ordering_is_lat_then_lon(void **state)
{
	sn_geopoint a = parse_ok("10, 50"),
				b = parse_ok("11, -50"),
				c = parse_ok("11, -40");

	assert_int_equal(sn_geopoint_cmp(&a, &b), -1);
	assert_int_equal(sn_geopoint_cmp(&b, &c), -1);
	assert_int_equal(sn_geopoint_cmp(&c, &a), 1);
	assert_int_equal(sn_geopoint_cmp(&c, &c), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_input_form_reads_bamako),
		cmocka_unit_test(degrees_minutes_seconds),
		cmocka_unit_test(degrees_minutes_seconds_more),
		cmocka_unit_test(longitude_is_normalised),
		cmocka_unit_test(negative_zero_is_canonical),
		cmocka_unit_test(bad_input_is_a_syntax_error),
		cmocka_unit_test(out_of_range_names_the_coordinate),
		cmocka_unit_test(make_validates),
		cmocka_unit_test(format_is_canonical),
		cmocka_unit_test(format_shortest_digits),
		cmocka_unit_test(format_shortest_follows_the_rule),
		cmocka_unit_test(round_trip_random),
		cmocka_unit_test(fast_decimals_match_strtod),
		cmocka_unit_test(known_distances),
		cmocka_unit_test(antimeridian_poles_antipodes),
		cmocka_unit_test(dwithin_agrees_with_distance),
		cmocka_unit_test(ordering_is_lat_then_lon),
	};

	return cmocka_run_group_tests_name("geopoint", tests, NULL, NULL);
}
