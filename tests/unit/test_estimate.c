/*
 * tests/unit/test_estimate.c — the estimate value: canonical text, checks,
 * the total order, containment and arithmetic (extension/core/estimate.c).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "estimate.h"

static sn_estimate
parse_ok(const char *s)
{
	sn_estimate e;
	sn_error	err;

	sn_error_clear(&err);
	if (!sn_estimate_parse(s, strlen(s), &e, &err))
		fail_msg("\"%s\" refused: %s (%s)", s, err.message, err.detail);
	assert_true(sn_estimate_is_valid(&e));
	return e;
}

static sn_status
parse_status(const char *s)
{
	sn_estimate e;
	sn_error	err;

	sn_error_clear(&err);
	if (sn_estimate_parse(s, strlen(s), &e, &err))
		fail_msg("\"%s\" accepted", s);
	assert_int_not_equal(err.status, SN_OK);
	assert_non_null(strstr(err.message, "estimate"));
	return err.status;
}

static const char *
fmt(const sn_estimate *e, char *buf)
{
	sn_estimate_format(e, buf);
	return buf;
}

static void
assert_fields(const char *s, int64_t low, int64_t high, int64_t best, bool approx)
{
	sn_estimate e = parse_ok(s);

	assert_int_equal(e.low, low);
	assert_int_equal(e.high, high);
	assert_int_equal(e.best, best);
	assert_int_equal(sn_estimate_is_approx(&e), approx);
}

/* Every row of the canonical table, and its meaning */
static void
canonical_forms_mean_what_the_table_says(void **state)
{
	const int64_t U = SN_ESTIMATE_UNBOUNDED,
				N = SN_ESTIMATE_NO_BEST;

	assert_fields("2400", 2400, 2400, 2400, false);
	assert_fields("~1000", 1000, 1000, 1000, true);
	assert_fields("700..1000", 700, 1000, N, false);
	assert_fields("700..850..1000", 700, 1000, 850, false);
	assert_fields("~700..1000", 700, 1000, N, true);
	assert_fields(">=2001", 2001, U, N, false);
	assert_fields("<=400", 0, 400, N, false);
	assert_fields("?", 0, U, N, false);
	assert_fields("2001..2500..", 2001, U, 2500, false);
	assert_fields("9223372036854775807", INT64_MAX, INT64_MAX, INT64_MAX, false);
}

static void
canonical_forms_round_trip(void **state)
{
	static const char *const forms[] = {
		"2400", "0", "~1000", "~0", "700..1000", "700..850..1000", "~700..1000",
		"~700..850..1000", ">=2001", "~>=2001", "<=400", "~<=400", "?",
		"2001..2500..", "~2001..2001..", "0..0..400", "0..400..400",
		"9223372036854775807", ">=9223372036854775807", "<=9223372036854775807",
		"9223372036854775806..9223372036854775807",
	};
	char		buf[SN_ESTIMATE_TEXT_MAX];

	for (size_t i = 0; i < sizeof(forms) / sizeof(forms[0]); i++)
	{
		sn_estimate e = parse_ok(forms[i]);

		assert_string_equal(fmt(&e, buf), forms[i]);
	}
}

static void
variants_normalise(void **state)
{
	static const char *const pairs[][2] = {
		{"2,400", "2400"}, {"2 400", "2400"}, {"2\xc2\xa0" "400", "2400"},
		{"1\xe2\x80\xaf" "000\xe2\x80\xaf" "000", "1000000"}, {"1,000,000", "1000000"},
		{"  ~ 700 .. 1,000  ", "~700..1000"}, {"\t42\n", "42"}, {"007", "7"},
		{">2000", ">=2001"}, {"< 401", "<=400"}, {">=0", "?"}, {"~>=0", "?"},
		{"<=0", "0"}, {"2001..", ">=2001"}, {"..400", "<=400"}, {"0..400", "<=400"},
		{"5..5", "5"}, {"5..5..5", "5"}, {"~5..5", "~5"}, {"12,345..67 890", "12345..67890"},
		{"~..400", "~<=400"}, {">9223372036854775806", ">=9223372036854775807"},
	};
	char		buf[SN_ESTIMATE_TEXT_MAX];

	for (size_t i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++)
	{
		sn_estimate e = parse_ok(pairs[i][0]);

		assert_string_equal(fmt(&e, buf), pairs[i][1]);
	}
}

static void
malformed_text_is_a_syntax_error(void **state)
{
	static const char *const bad[] = {
		"", " ", "abc", "-5", "+5", "1.5", "1e3", "~", "~?", "??", "? 5",
		"..", "...", "700...1000", "700..850..1000..2000", "..400..", ">=", ">= -1",
		"=>5", "<=>5", "~~5", "5~", "1,00", "1,0000", "12,34", "1234,567",
		"1,000,00", "1 0000", "700 1000", "1,000 000", "2.400", "1_000", "about 1000",
		"1000..700", "700..1200..1000", "700..600..1000", "2001..1000..",
		"5\xc2\xa0" "00", "1,000\xc2\xa0" "000",
	};

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(parse_status(bad[i]), SN_ERR_SYNTAX);
}

static void
counts_beyond_64_bits_are_out_of_range(void **state)
{
	assert_int_equal(parse_status("9223372036854775808"), SN_ERR_RANGE);
	assert_int_equal(parse_status("18446744073709551616"), SN_ERR_RANGE);
	assert_int_equal(parse_status("99999999999999999999999"), SN_ERR_RANGE);
	assert_int_equal(parse_status(">9223372036854775807"), SN_ERR_RANGE);
	assert_int_equal(parse_status("<0"), SN_ERR_RANGE);
	assert_int_equal(parse_status("0..9223372036854775808"), SN_ERR_RANGE);
	assert_int_equal(parse_status("9,223,372,036,854,775,808"), SN_ERR_RANGE);
	parse_ok("9,223,372,036,854,775,807");
}

static void
error_reports_quote_and_locate(void **state)
{
	sn_estimate e;
	sn_error	err;
	char		big[2000];

	assert_false(sn_estimate_parse("700..x", 6, &e, &err));
	assert_string_equal(err.message, "invalid input syntax for type estimate: \"700..x\"");
	assert_int_equal(err.position, 5);
	assert_non_null(strstr(err.detail, "character 6"));
	assert_true(err.hint[0] != '\0');

	memset(big, '1', sizeof(big));
	assert_false(sn_estimate_parse(big, sizeof(big), &e, &err));
	assert_int_equal(err.status, SN_ERR_RANGE);
	assert_true(strlen(err.message) < SN_ERROR_MESSAGE_LEN);
	assert_non_null(strstr(err.message, "..."));

	/* not NUL-terminated: only len bytes are read */
	assert_true(sn_estimate_parse("12345", 2, &e, &err));
	assert_int_equal(e.low, 12);
}

static void
make_checks_order_and_sign(void **state)
{
	sn_estimate e;
	sn_error	err;

	assert_true(sn_estimate_make(700, true, 1000, true, 850, false, &e, &err));
	assert_false(sn_estimate_make(1000, true, 700, false, 0, false, &e, &err));
	assert_int_equal(err.status, SN_ERR_INVALID_PARAMETER);
	assert_false(sn_estimate_make(700, true, 1000, true, 1001, false, &e, &err));
	assert_int_equal(err.status, SN_ERR_INVALID_PARAMETER);
	assert_false(sn_estimate_make(700, false, 0, true, 699, false, &e, &err));
	assert_int_equal(err.status, SN_ERR_INVALID_PARAMETER);
	assert_false(sn_estimate_make(-1, true, 5, false, 0, false, &e, &err));
	assert_int_equal(err.status, SN_ERR_RANGE);
	/* normal form: low == high carries its best; unknown is never approximate */
	assert_true(sn_estimate_make(5, true, 5, false, 0, true, &e, &err));
	assert_int_equal(e.best, 5);
	assert_true(sn_estimate_make(0, false, 0, false, 0, true, &e, &err));
	assert_int_equal(e.flags, 0);
	assert_true(sn_estimate_make(0, false, 0, true, 0, true, &e, &err));
	assert_int_equal(e.flags, SN_ESTIMATE_APPROX);
}

static void
best_is_stated_else_midpoint_half_up(void **state)
{
	int64_t		b;
	sn_estimate e;

	e = parse_ok("700..850..1000");
	assert_true(sn_estimate_best(&e, &b));
	assert_int_equal(b, 850);
	e = parse_ok("700..1000");
	assert_true(sn_estimate_best(&e, &b));
	assert_int_equal(b, 850);
	e = parse_ok("0..1");
	assert_true(sn_estimate_best(&e, &b));
	assert_int_equal(b, 1);
	e = parse_ok("0..9223372036854775807");
	assert_true(sn_estimate_best(&e, &b));
	assert_int_equal(b, INT64_C(4611686018427387904));
	e = parse_ok("9223372036854775806..9223372036854775807");
	assert_true(sn_estimate_best(&e, &b));
	assert_int_equal(b, INT64_MAX);
	e = parse_ok(">=2001");
	assert_false(sn_estimate_best(&e, &b));
	e = parse_ok("?");
	assert_false(sn_estimate_best(&e, &b));
	e = parse_ok("2001..2500..");
	assert_true(sn_estimate_best(&e, &b));
	assert_int_equal(b, 2500);
}

/* The order, as a list that must already be sorted, each strictly below the next */
static void
total_order(void **state)
{
	static const char *const sorted[] = {
		"0", "<=400", "<=9223372036854775807", "?",
		"700", "~700",
		"700..800..1000", "~700..800..1000", "700..850..1000", "700..1000", "~700..1000",
		"700..700..", "700..9223372036854775807..", ">=700", "~>=700",
		"1000", "~1000", "9223372036854775807", "~9223372036854775807",
	};
	size_t		n = sizeof(sorted) / sizeof(sorted[0]);

	for (size_t i = 0; i < n; i++)
	{
		sn_estimate a = parse_ok(sorted[i]);
		sn_estimate_packed pa;

		sn_estimate_pack(&a, &pa);
		assert_int_equal(sn_estimate_cmp(&a, &a), 0);
		for (size_t j = 0; j < n; j++)
		{
			sn_estimate b = parse_ok(sorted[j]);
			sn_estimate_packed pb;
			int			c = sn_estimate_cmp(&a, &b);
			int			want = i < j ? -1 : (i > j ? 1 : 0);

			sn_estimate_pack(&b, &pb);
			if ((c > 0) - (c < 0) != want)
				fail_msg("cmp(\"%s\", \"%s\") = %d", sorted[i], sorted[j], c);
			c = sn_estimate_packed_cmp(&pa, &pb);
			assert_int_equal((c > 0) - (c < 0), want);
		}
	}
}

static void
equal_values_have_equal_images(void **state)
{
	unsigned char a[24],
				b[24];
	sn_estimate x = parse_ok("2,400"),
				y = parse_ok("2400..2400"),
				z = parse_ok("~2400");

	sn_estimate_hash_image(&x, a);
	sn_estimate_hash_image(&y, b);
	assert_memory_equal(a, b, 24);
	sn_estimate_hash_image(&z, b);
	assert_memory_not_equal(a, b, 24);
	/* big-endian: 2400 = 0x960 ends the first word */
	assert_int_equal(a[6], 0x09);
	assert_int_equal(a[7], 0x60);
	assert_int_equal(a[0], 0);
}

static void
pack_round_trips(void **state)
{
	static const char *const forms[] = {
		"0", "~0", "?", ">=5", "~<=5", "1..2..3", "9223372036854775807", "~>=9223372036854775807",
	};

	for (size_t i = 0; i < sizeof(forms) / sizeof(forms[0]); i++)
	{
		sn_estimate e = parse_ok(forms[i]),
					u;
		sn_estimate_packed p;

		sn_estimate_pack(&e, &p);
		sn_estimate_unpack(&p, &u);
		assert_int_equal(e.low, u.low);
		assert_int_equal(e.high, u.high);
		assert_int_equal(e.best, u.best);
		assert_int_equal(e.flags, u.flags);
	}
}

static void
containment_and_overlap(void **state)
{
	sn_estimate r = parse_ok("700..1000"),
				open = parse_ok(">=2001"),
				unk = parse_ok("?");
	sn_estimate in = parse_ok("800..900"),
				out = parse_ok("~800..1001");

	assert_true(sn_estimate_contains_value(&r, 700));
	assert_true(sn_estimate_contains_value(&r, 1000));
	assert_false(sn_estimate_contains_value(&r, 1001));
	assert_false(sn_estimate_contains_value(&r, 699));
	assert_true(sn_estimate_contains_value(&open, INT64_MAX));
	assert_true(sn_estimate_contains(&r, &in));
	assert_false(sn_estimate_contains(&r, &out));
	assert_true(sn_estimate_contains(&unk, &open));
	assert_false(sn_estimate_contains(&open, &unk));
	assert_true(sn_estimate_overlaps(&r, &out));
	assert_false(sn_estimate_overlaps(&r, &open));
	assert_true(sn_estimate_overlaps(&unk, &r));
	assert_true(sn_estimate_overlaps(&open, &unk));
}

static const char *
sum_text(const char *a, const char *b, char *buf)
{
	sn_estimate x = parse_ok(a),
				y = parse_ok(b),
				r;
	sn_error	err;

	if (!sn_estimate_add(&x, &y, &r, &err))
		return err.status == SN_ERR_RANGE ? "RANGE" : "ERROR";
	assert_true(sn_estimate_is_valid(&r));
	return fmt(&r, buf);
}

static void
addition(void **state)
{
	char		buf[SN_ESTIMATE_TEXT_MAX];

	assert_string_equal(sum_text("700..1000", "300..400", buf), "1000..1400");
	assert_string_equal(sum_text("700..850..1000", "300..350..400", buf), "1000..1200..1400");
	assert_string_equal(sum_text("700..850..1000", "300..400", buf), "1000..1400");
	assert_string_equal(sum_text("~1000", "2400", buf), "~3400");
	assert_string_equal(sum_text(">=2001", "1000", buf), ">=3001");
	assert_string_equal(sum_text("?", "59", buf), ">=59");
	assert_string_equal(sum_text("?", "?", buf), "?");
	assert_string_equal(sum_text("?", "~0", buf), "?");
	assert_string_equal(sum_text("<=400", "<=400", buf), "<=800");
	assert_string_equal(sum_text("2001..2500..", "1", buf), "2002..2501..");
	assert_string_equal(sum_text("9223372036854775806", "1", buf), "9223372036854775807");
	assert_string_equal(sum_text("9223372036854775807", "1", buf), "RANGE");
	assert_string_equal(sum_text("<=9223372036854775807", "<=1", buf), "RANGE");
	assert_string_equal(sum_text("0..9223372036854775807..", "0..1..", buf), "RANGE");
	assert_string_equal(sum_text(">=9223372036854775807", "?", buf), ">=9223372036854775807");
}

static const char *
mul_text(const char *a, int64_t k, char *buf)
{
	sn_estimate x = parse_ok(a),
				r;
	sn_error	err;

	if (!sn_estimate_mul(&x, k, &r, &err))
		return err.status == SN_ERR_RANGE ? "RANGE" :
			err.status == SN_ERR_INVALID_PARAMETER ? "NEGATIVE" : "ERROR";
	assert_true(sn_estimate_is_valid(&r));
	return fmt(&r, buf);
}

static void
multiplication(void **state)
{
	char		buf[SN_ESTIMATE_TEXT_MAX];

	assert_string_equal(mul_text("700..850..1000", 3, buf), "2100..2550..3000");
	assert_string_equal(mul_text("~1000", 2, buf), "~2000");
	assert_string_equal(mul_text(">=2001", 2, buf), ">=4002");
	assert_string_equal(mul_text(">=2001", 0, buf), "0");
	assert_string_equal(mul_text("?", 5, buf), "?");
	assert_string_equal(mul_text("<=400", 1, buf), "<=400");
	assert_string_equal(mul_text("4611686018427387903", 2, buf), "9223372036854775806");
	assert_string_equal(mul_text("4611686018427387904", 2, buf), "RANGE");
	assert_string_equal(mul_text("1..9223372036854775807", 2, buf), "RANGE");
	assert_string_equal(mul_text("700..1000", -1, buf), "NEGATIVE");
	assert_string_equal(mul_text("1", INT64_MAX, buf), "9223372036854775807");
}

static void
validity_rejects_non_normal_forms(void **state)
{
	sn_estimate e = {5, 5, SN_ESTIMATE_NO_BEST, 0};

	assert_false(sn_estimate_is_valid(&e));
	e = (sn_estimate) {0, SN_ESTIMATE_UNBOUNDED, SN_ESTIMATE_NO_BEST, SN_ESTIMATE_APPROX};
	assert_false(sn_estimate_is_valid(&e));
	e = (sn_estimate) {5, 4, SN_ESTIMATE_NO_BEST, 0};
	assert_false(sn_estimate_is_valid(&e));
	e = (sn_estimate) {5, 10, 11, 0};
	assert_false(sn_estimate_is_valid(&e));
	e = (sn_estimate) {5, 10, 7, 0x02};
	assert_false(sn_estimate_is_valid(&e));
	e = (sn_estimate) {5, 10, 7, SN_ESTIMATE_APPROX};
	assert_true(sn_estimate_is_valid(&e));
}

/* Error positions count characters, not bytes: a no-break space is one. */
static void
error_positions_count_characters(void **state)
{
	sn_estimate e;
	sn_error	err;
	const char *in = "2\u00a0400x";

	assert_false(sn_estimate_parse(in, strlen(in), &e, &err));
	assert_non_null(strstr(err.detail, "at character 6."));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(canonical_forms_mean_what_the_table_says),
		cmocka_unit_test(canonical_forms_round_trip),
		cmocka_unit_test(variants_normalise),
		cmocka_unit_test(malformed_text_is_a_syntax_error),
		cmocka_unit_test(counts_beyond_64_bits_are_out_of_range),
		cmocka_unit_test(error_reports_quote_and_locate),
		cmocka_unit_test(make_checks_order_and_sign),
		cmocka_unit_test(best_is_stated_else_midpoint_half_up),
		cmocka_unit_test(total_order),
		cmocka_unit_test(equal_values_have_equal_images),
		cmocka_unit_test(pack_round_trips),
		cmocka_unit_test(containment_and_overlap),
		cmocka_unit_test(addition),
		cmocka_unit_test(multiplication),
		cmocka_unit_test(validity_rejects_non_normal_forms),
		cmocka_unit_test(error_positions_count_characters),
	};

	return cmocka_run_group_tests_name("estimate", tests, NULL, NULL);
}
