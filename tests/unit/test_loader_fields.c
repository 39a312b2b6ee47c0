/*
 * tests/unit/test_loader_fields.c — the loaders' field readers: values, whole
 * and decimal numbers, dates, and the mojibake pre-check.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "loader_fields.h"

static bool
value_of(const char *s, char *out)
{
	size_t		start,
				n;

	if (!sn_field_value(s, strlen(s), &start, &n))
		return false;
	memcpy(out, s + start, n);
	out[n] = '\0';
	return true;
}

static void
values_are_trimmed_and_missing_ones_refused(void **state)
{
	char		buf[64];

	assert_true(value_of("  Gao ", buf));
	assert_string_equal(buf, "Gao");
	assert_true(value_of("Gao", buf));
	assert_string_equal(buf, "Gao");
	/* nothing, blanks, NA and N/A are no value; only spaces are trimmed */
	assert_false(value_of("", buf));
	assert_false(value_of("    ", buf));
	assert_false(value_of("NA", buf));
	assert_false(value_of(" N/A ", buf));
	assert_true(value_of("na", buf));
	assert_string_equal(buf, "na");
	assert_true(value_of("NAN", buf));
	assert_true(value_of("\tNA", buf));
	assert_string_equal(buf, "\tNA");
}

static bool
int_of(const char *s, int64_t *v)
{
	return sn_field_int(s, strlen(s), v);
}

static void
whole_numbers(void **state)
{
	int64_t		v;

	assert_true(int_of("12", &v));
	assert_int_equal(v, 12);
	assert_true(int_of(" -3 ", &v));
	assert_int_equal(v, -3);
	assert_true(int_of("+7", &v));
	assert_int_equal(v, 7);
	assert_true(int_of("12.0", &v));
	assert_int_equal(v, 12);
	assert_true(int_of("12.000", &v));
	assert_int_equal(v, 12);
	assert_true(int_of("999999999999999999", &v));	/* 18 digits */
	assert_int_equal(v, INT64_C(999999999999999999));
	assert_true(int_of("-000000000000000001", &v));
	assert_int_equal(v, -1);
	/* not whole numbers as the datasets write them */
	assert_false(int_of("1000000000000000000", &v));	/* 19 digits */
	assert_false(int_of("12.5", &v));
	assert_false(int_of("12.", &v));
	assert_false(int_of(".0", &v));
	assert_false(int_of("1e3", &v));
	assert_false(int_of("", &v));
	assert_false(int_of("-", &v));
	assert_false(int_of("+-1", &v));
	assert_false(int_of("1 2", &v));
	assert_false(int_of("\t1", &v));
	assert_false(int_of("twelve", &v));
}

static bool
float_of(const char *s, double *v)
{
	return sn_field_float(s, strlen(s), v);
}

static void
decimal_numbers(void **state)
{
	double		v;

	assert_true(float_of("14.5", &v));
	assert_true(v == 14.5);
	assert_true(float_of(" -0.25 ", &v));
	assert_true(v == -0.25);
	assert_true(float_of(".5", &v));
	assert_true(v == 0.5);
	assert_true(float_of("3.", &v));
	assert_true(v == 3.0);
	assert_true(float_of("+17", &v));
	assert_true(v == 17.0);
	assert_true(float_of("123456789012345.123456789012345", &v));	/* 15 and 15 */
	/* anything else */
	assert_false(float_of("1234567890123456", &v));	/* 16 digits */
	assert_false(float_of("1.1234567890123456", &v));
	assert_false(float_of(".", &v));
	assert_false(float_of("-.", &v));
	assert_false(float_of("1e3", &v));
	assert_false(float_of("NaN", &v));
	assert_false(float_of("1,5", &v));
	assert_false(float_of("", &v));
	assert_false(float_of("1.2.3", &v));
}

static bool
date_of(const char *s, int *y, int *m, int *d)
{
	return sn_field_date(s, strlen(s), y, m, d);
}

#define assert_date(s, yy, mm, dd) \
	do { \
		int y_, m_, d_; \
		assert_true(date_of((s), &y_, &m_, &d_)); \
		assert_int_equal(y_, (yy)); \
		assert_int_equal(m_, (mm)); \
		assert_int_equal(d_, (dd)); \
	} while (0)

static void
dates_in_the_datasets_forms(void **state)
{
	int			y,
				m,
				d;

	assert_date("2022-03-26", 2022, 3, 26);
	assert_date(" 2022-3-6 ", 2022, 3, 6);
	assert_date("20220326", 2022, 3, 26);
	assert_date("26 March 2022", 2022, 3, 26);
	assert_date("1 sep 2022", 2022, 9, 1);
	assert_date("01 JANUARY 2022", 2022, 1, 1);
	assert_date("9 May 2022", 2022, 5, 9);
	assert_date("2024-02-29", 2024, 2, 29);
	assert_date("2000-02-29", 2000, 2, 29);
	assert_date("9999-12-31", 9999, 12, 31);
	assert_date("0001-01-01", 1, 1, 1);
	/* no such day, or not a form the datasets write */
	assert_false(date_of("2022-02-29", &y, &m, &d));
	assert_false(date_of("1900-02-29", &y, &m, &d));
	assert_false(date_of("31 Apr 2022", &y, &m, &d));
	assert_false(date_of("0000-01-01", &y, &m, &d));
	assert_false(date_of("2022-13-01", &y, &m, &d));
	assert_false(date_of("2022-001-01", &y, &m, &d));
	assert_false(date_of("22-01-01", &y, &m, &d));
	assert_false(date_of("2022/03/26", &y, &m, &d));
	assert_false(date_of("10000-01-01", &y, &m, &d));
	assert_false(date_of("1 Sept 2022", &y, &m, &d));
	assert_false(date_of("1 mayo 2022", &y, &m, &d));
	assert_false(date_of("1  jan 2022", &y, &m, &d));
	assert_false(date_of("001 jan 2022", &y, &m, &d));
	assert_false(date_of("1 jan 22", &y, &m, &d));
	assert_false(date_of("1 jan 2022x", &y, &m, &d));
	assert_false(date_of("2022032", &y, &m, &d));
	assert_false(date_of("", &y, &m, &d));
}

static void
mojibake_needs_a_latin1_lead(void **state)
{
	/* "SÃ©gou": Ã is U+00C3, C3 83 in UTF-8 */
	assert_true(sn_field_may_be_mojibake("S\xc3\x83\xc2\xa9gou", 9));
	/* "Ségou": é is U+00E9, C3 A9: a possible lead too (the repair decides) */
	assert_true(sn_field_may_be_mojibake("S\xc3\xa9gou", 6));
	assert_false(sn_field_may_be_mojibake("Gao", 3));
	/* U+00C1 (C3 81) and U+00F5 (C3 B5) lead no UTF-8 sequence */
	assert_false(sn_field_may_be_mojibake("\xc3\x81\xc3\xb5", 4));
	/* a cut pair at the end */
	assert_false(sn_field_may_be_mojibake("ab\xc3", 3));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(values_are_trimmed_and_missing_ones_refused),
		cmocka_unit_test(whole_numbers),
		cmocka_unit_test(decimal_numbers),
		cmocka_unit_test(dates_in_the_datasets_forms),
		cmocka_unit_test(mojibake_needs_a_latin1_lead),
	};

	return cmocka_run_group_tests_name("loader_fields", tests, NULL, NULL);
}
