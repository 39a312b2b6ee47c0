/*
 * tests/unit/test_binary.c — the binary (send/receive) forms of estimate,
 * edtf, geopoint and country: every value round-trips, the bytes are those
 * the wire format says, and every malformed payload is an SN_ERR_BINARY
 * error worded "invalid binary <type>: ...".
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "country.h"
#include "edtf.h"
#include "estimate.h"
#include "geopoint.h"
#include "sn_binary.h"

static void
assert_binary_error(const sn_error *err, const char *message)
{
	assert_int_equal(err->status, SN_ERR_BINARY);
	assert_string_equal(err->message, message);
	assert_true(err->detail[0] != '\0');
}

/* A payload that a decode function refuses, and its message (NULL: any). */
typedef struct bad_payload
{
	const char *bytes;
	size_t		len;
	const char *message;
} bad_payload;

/*
 * The core decode function (bytes, length, ctype *out, error) refuses each
 * payload of the array bad, with an SN_ERR_BINARY error and its message.
 */
#define assert_refused(decode, ctype, bad) \
	do { \
		for (size_t i_ = 0; i_ < sizeof(bad) / sizeof((bad)[0]); i_++) \
		{ \
			ctype		v_; \
			sn_error	err_; \
			\
			if (decode((bad)[i_].bytes, (bad)[i_].len, &v_, &err_)) \
				fail_msg("payload %zu (%zu bytes) was accepted", i_, (bad)[i_].len); \
			if ((bad)[i_].message) \
				assert_binary_error(&err_, (bad)[i_].message); \
			else \
				assert_int_equal(err_.status, SN_ERR_BINARY); \
		} \
	} while (0)

/* ---- estimate ---------------------------------------------------------- */

static void
estimate_round_trips(void **state)
{
	static const char *const texts[] = {
		"0", "2400", "~1000", "700..1000", "700..850..1000", "~700..1000", ">=2001",
		"<=400", "2001..2500..", "?", "9223372036854775807", "~0..9223372036854775807",
	};

	for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++)
	{
		sn_estimate e,
					back;
		sn_error	err;
		unsigned char buf[SN_ESTIMATE_BINARY_SIZE];

		assert_true(sn_estimate_parse(texts[i], strlen(texts[i]), &e, &err));
		assert_int_equal(sn_estimate_encode(&e, buf), SN_ESTIMATE_BINARY_SIZE);
		assert_true(sn_estimate_decode(buf, sizeof(buf), &back, &err));
		assert_int_equal(sn_estimate_cmp(&e, &back), 0);
	}
}

static void
estimate_bytes_are_the_documented_ones(void **state)
{
	sn_estimate e;
	sn_error	err;
	unsigned char buf[SN_ESTIMATE_BINARY_SIZE];
	static const unsigned char want[SN_ESTIMATE_BINARY_SIZE] = {
		1, 0x07,
		0, 0, 0, 0, 0, 0, 0x02, 0xBC,	/* 700 */
		0, 0, 0, 0, 0, 0, 0x03, 0xE8,	/* 1000 */
		0, 0, 0, 0, 0, 0, 0x03, 0x52,	/* 850 */
	};

	assert_true(sn_estimate_parse("~700..850..1000", 15, &e, &err));
	sn_estimate_encode(&e, buf);
	assert_memory_equal(buf, want, sizeof(want));
}

static void
estimate_refuses_bad_payloads(void **state)
{
	sn_estimate e;
	sn_error	err;
	unsigned char buf[SN_ESTIMATE_BINARY_SIZE] = {1, 0};

	assert_false(sn_estimate_decode(buf, 25, &e, &err));
	assert_binary_error(&err, "invalid binary estimate: expected 26 bytes, got 25");
	assert_false(sn_estimate_decode(buf, 0, &e, &err));
	assert_binary_error(&err, "invalid binary estimate: expected 26 bytes, got 0");

	buf[0] = 2;
	assert_false(sn_estimate_decode(buf, sizeof(buf), &e, &err));
	assert_binary_error(&err, "invalid binary estimate: unknown version 2 (this server reads version 1)");
	buf[0] = 1;

	buf[1] = 0x08;
	assert_false(sn_estimate_decode(buf, sizeof(buf), &e, &err));
	assert_binary_error(&err, "invalid binary estimate: unknown flag bits 0x08");

	buf[1] = 0;					/* unbounded, no best, yet a high of 5 */
	buf[17] = 5;
	assert_false(sn_estimate_decode(buf, sizeof(buf), &e, &err));
	assert_binary_error(&err, "invalid binary estimate: an absent bound or best value is not zero");

	buf[1] = 0x02;				/* bounded 10..5 */
	buf[9] = 10;
	assert_false(sn_estimate_decode(buf, sizeof(buf), &e, &err));
	assert_int_equal(err.status, SN_ERR_BINARY);
	assert_true(strncmp(err.message, "invalid binary estimate: ", 25) == 0);

	buf[1] = 0;					/* a negative low */
	buf[17] = 0;
	buf[9] = 0;
	buf[2] = 0x80;
	assert_false(sn_estimate_decode(buf, sizeof(buf), &e, &err));
	assert_int_equal(err.status, SN_ERR_BINARY);
}

/* ---- edtf -------------------------------------------------------------- */

static void
edtf_round_trips(void **state)
{
	static const char *const texts[] = {
		"2022", "2022-08", "2022-08-13", "2013/2022", "2022-07~", "2022-XX", "../2014",
		"2014/..", "/2022", "2022-24", "Y170000002", "-0044-03-15", "2004-06-11?",
		"2022-08-15T11:00:00Z", "1950S2", "156X-12-25",
	};

	for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++)
	{
		sn_edtf	v,
					back;
		sn_error	err;
		char		buf[SN_EDTF_BINARY_MAX],
					text[SN_EDTF_TEXT_MAX];
		size_t		n;

		assert_true(sn_edtf_parse(texts[i], strlen(texts[i]), &v, &err));
		n = sn_edtf_encode(&v, buf);
		assert_int_equal(buf[0], SN_EDTF_BINARY_VERSION);
		assert_int_equal(n, 1 + sn_edtf_format(&v, text, sizeof(text)));
		assert_memory_equal(buf + 1, text, n - 1);
		assert_true(sn_edtf_decode(buf, n, &back, &err));
		assert_int_equal(sn_edtf_cmp(&v, &back), 0);
	}
}

static void
edtf_refuses_bad_payloads(void **state)
{
	static const bad_payload bad[] = {
		{"", 0, "invalid binary edtf: expected at least 2 bytes, got 0"},
		{"\001", 1, "invalid binary edtf: expected at least 2 bytes, got 1"},
		{"\0022022", 5, "invalid binary edtf: unknown version 2 (this server reads version 1)"},
		{"\001202\377", 5, "invalid binary edtf: byte 4 of the text is 0xff"},
		{"\001202\n", 5, "invalid binary edtf: byte 4 of the text is 0x0a"},
		{"\0012022-13", 8, "invalid binary edtf: invalid input syntax for type edtf: \"2022-13\""},
	};

	assert_refused(sn_edtf_decode, sn_edtf, bad);
}

/* ---- geopoint ---------------------------------------------------------- */

static void
geopoint_round_trips_bit_for_bit(void **state)
{
	static const double pts[][2] = {
		{12.6392, -8.0029}, {0, 180}, {-90, 0}, {90, -179.999999999}, {1e-300, -1e-300},
		{14.35, -3.6104},
	};

	for (size_t i = 0; i < sizeof(pts) / sizeof(pts[0]); i++)
	{
		sn_geopoint p,
					back;
		sn_error	err;
		unsigned char buf[SN_GEOPOINT_BINARY_SIZE];

		assert_true(sn_geopoint_make(pts[i][0], pts[i][1], &p, &err));
		assert_int_equal(sn_geopoint_encode(&p, buf), SN_GEOPOINT_BINARY_SIZE);
		assert_true(sn_geopoint_decode(buf, sizeof(buf), &back, &err));
		assert_memory_equal(&p.lat, &back.lat, sizeof(double));
		assert_memory_equal(&p.lon, &back.lon, sizeof(double));
	}
}

static void
geopoint_bytes_are_float8send(void **state)
{
	sn_geopoint p;
	sn_error	err;
	unsigned char buf[SN_GEOPOINT_BINARY_SIZE];
	static const unsigned char want[SN_GEOPOINT_BINARY_SIZE] = {
		0x3F, 0xF0, 0, 0, 0, 0, 0, 0,	/* 1.0 */
		0xC0, 0, 0, 0, 0, 0, 0, 0,	/* -2.0 */
	};

	assert_true(sn_geopoint_make(1.0, -2.0, &p, &err));
	sn_geopoint_encode(&p, buf);
	assert_memory_equal(buf, want, sizeof(want));
}

static void
geopoint_refuses_bad_payloads(void **state)
{
	sn_geopoint p;
	sn_error	err;
	unsigned char buf[SN_GEOPOINT_BINARY_SIZE] = {0};

	assert_false(sn_geopoint_decode(buf, 15, &p, &err));
	assert_binary_error(&err, "invalid binary geopoint: expected 16 bytes, got 15");
	sn_put_f64be(buf, 91.0);
	sn_put_f64be(buf + 8, 0.0);
	assert_false(sn_geopoint_decode(buf, sizeof(buf), &p, &err));
	assert_int_equal(err.status, SN_ERR_BINARY);
	assert_true(strncmp(err.message, "invalid binary geopoint: ", 25) == 0);
	sn_put_f64be(buf, 0.0);
	memset(buf + 8, 0xFF, 8);	/* a NaN longitude */
	assert_false(sn_geopoint_decode(buf, sizeof(buf), &p, &err));
	assert_int_equal(err.status, SN_ERR_BINARY);
}

/* ---- country ----------------------------------------------------------- */

static void
country_round_trips_every_country(void **state)
{
	for (size_t i = 0; i < sn_country_count(); i++)
	{
		sn_country	c = sn_country_value_at(i),
					back;
		sn_error	err;
		char		buf[SN_COUNTRY_BINARY_SIZE];

		assert_int_equal(sn_country_encode(c, buf), SN_COUNTRY_BINARY_SIZE);
		assert_memory_equal(buf, sn_country_at(i)->iso3, 3);
		assert_true(sn_country_decode(buf, sizeof(buf), &back, &err));
		assert_int_equal(back, c);
	}
}

static void
country_refuses_bad_payloads(void **state)
{
	static const bad_payload bad[] = {
		{"MLIX", 4, "invalid binary country: expected 3 bytes, got 4"},
		{"", 0, "invalid binary country: expected 3 bytes, got 0"},
		{"mli", 3, "invalid binary country: not an upper-case ISO 3166-1 alpha-3 code of the table"},
		{"QQQ", 3, "invalid binary country: not an upper-case ISO 3166-1 alpha-3 code of the table"},
		{"M\0I", 3, NULL},
	};

	assert_refused(sn_country_decode, sn_country, bad);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(estimate_round_trips),
		cmocka_unit_test(estimate_bytes_are_the_documented_ones),
		cmocka_unit_test(estimate_refuses_bad_payloads),
		cmocka_unit_test(edtf_round_trips),
		cmocka_unit_test(edtf_refuses_bad_payloads),
		cmocka_unit_test(geopoint_round_trips_bit_for_bit),
		cmocka_unit_test(geopoint_bytes_are_float8send),
		cmocka_unit_test(geopoint_refuses_bad_payloads),
		cmocka_unit_test(country_round_trips_every_country),
		cmocka_unit_test(country_refuses_bad_payloads),
	};

	sn_country_init();
	return cmocka_run_group_tests_name("binary forms", tests, NULL, NULL);
}
