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
#include "unit_helpers.h"

/* The value sn_field_value finds in s; the test fails where it finds none. */
static const char *
value_of(const char *s)
{
	static char buf[64];
	size_t		start,
				n;

	assert_true(sn_field_value(s, strlen(s), &start, &n));
	memcpy(buf, s + start, n);
	buf[n] = '\0';
	return buf;
}

static bool
has_value(const char *s, size_t len)
{
	size_t		start,
				n;

	return sn_field_value(s, len, &start, &n);
}

static void
values_are_trimmed_and_missing_ones_refused(void **state)
{
	/* only spaces are trimmed */
	static const unit_case cases[] = {
		{"  Gao ", "Gao"},
		{"Gao", "Gao"},
		{"na", "na"},
		{"NAN", "NAN"},
		{"\tNA", "\tNA"},
	};

	assert_cases(value_of, cases);
	/* nothing, blanks, NA and N/A are no value */
	assert_texts(has_value, false, "", "    ", "NA", " N/A ");
}

/*
 * READS(name, read, ctype) defines name(s, len): whether the reader read
 * (text, length, ctype *out) finds a value in s.
 */
#define READS(name, read, ctype) \
static bool \
name(const char *s, size_t len) \
{ \
	ctype		v; \
\
	return read(s, len, &v); \
}

READS(is_int, sn_field_int, int64_t)
READS(is_float, sn_field_float, double)

/* A number as a field holds it, and its value. */
typedef struct int_case
{
	const char *text;
	int64_t		value;
} int_case;

typedef struct float_case
{
	const char *text;
	double		value;
} float_case;

/* The reader read (text, length, ctype *out) reads each case's text as its value. */
#define assert_reads(read, ctype, cases) \
	do { \
		for (size_t i_ = 0; i_ < UNIT_LENGTH(cases); i_++) \
		{ \
			ctype		v_; \
			\
			if (!read((cases)[i_].text, strlen((cases)[i_].text), &v_)) \
				fail_msg("\"%s\" is not read", (cases)[i_].text); \
			if (v_ != (cases)[i_].value) \
				fail_msg("\"%s\" is not read as %.17g", (cases)[i_].text, (double) (cases)[i_].value); \
		} \
	} while (0)

static void
whole_numbers(void **state)
{
	static const int_case cases[] = {
		{"12", 12},
		{" -3 ", -3},
		{"+7", 7},
		{"12.0", 12},
		{"12.000", 12},
		{"999999999999999999", INT64_C(999999999999999999)},	/* 18 digits */
		{"-000000000000000001", -1},
	};

	assert_reads(sn_field_int, int64_t, cases);
	/* not whole numbers as the datasets write them */
	assert_texts(is_int, false, "1000000000000000000" /* 19 digits */ , "12.5", "12.", ".0", "1e3", "",
				 "-", "+-1", "1 2", "\t1", "twelve");
}

static void
decimal_numbers(void **state)
{
	static const float_case cases[] = {
		{"14.5", 14.5},
		{" -0.25 ", -0.25},
		{".5", 0.5},
		{"3.", 3.0},
		{"+17", 17.0},
	};

	assert_reads(sn_field_float, double, cases);
	assert_texts(is_float, true, "123456789012345.123456789012345");	/* 15 and 15 */
	/* anything else */
	assert_texts(is_float, false, "1234567890123456" /* 16 digits */ , "1.1234567890123456", ".", "-.",
				 "1e3", "NaN", "1,5", "", "1.2.3");
}

static bool
is_date(const char *s, size_t len)
{
	int			y,
				m,
				d;

	return sn_field_date(s, len, &y, &m, &d);
}

static void
dates_in_the_datasets_forms(void **state)
{
	static const struct
	{
		const char *text;
		int			y,
					m,
					d;
	}			cases[] = {
		{"2022-03-26", 2022, 3, 26},
		{" 2022-3-6 ", 2022, 3, 6},
		{"20220326", 2022, 3, 26},
		{"26 March 2022", 2022, 3, 26},
		{"1 sep 2022", 2022, 9, 1},
		{"01 JANUARY 2022", 2022, 1, 1},
		{"9 May 2022", 2022, 5, 9},
		{"2024-02-29", 2024, 2, 29},
		{"2000-02-29", 2000, 2, 29},
		{"9999-12-31", 9999, 12, 31},
		{"0001-01-01", 1, 1, 1},
	};

	for (size_t i = 0; i < UNIT_LENGTH(cases); i++)
	{
		int			y,
					m,
					d;

		assert_true(sn_field_date(cases[i].text, strlen(cases[i].text), &y, &m, &d));
		assert_int_equal(y, cases[i].y);
		assert_int_equal(m, cases[i].m);
		assert_int_equal(d, cases[i].d);
	}
	/* no such day, or not a form the datasets write */
	assert_texts(is_date, false, "2022-02-29", "1900-02-29", "31 Apr 2022", "0000-01-01", "2022-13-01",
				 "2022-001-01", "22-01-01", "2022/03/26", "10000-01-01", "1 Sept 2022", "1 mayo 2022",
				 "1  jan 2022", "001 jan 2022", "1 jan 22", "1 jan 2022x", "2022032", "");
}

static void
mojibake_needs_a_latin1_lead(void **state)
{
	/*
	 * "SÃ©gou": Ã is U+00C3, C3 83 in UTF-8; "Ségou": é is U+00E9, C3 A9: a
	 * possible lead too (the repair decides)
	 */
	assert_texts(sn_field_may_be_mojibake, true, "S\xc3\x83\xc2\xa9gou", "S\xc3\xa9gou");
	/* U+00C1 (C3 81) and U+00F5 (C3 B5) lead no UTF-8 sequence; a cut pair at the end */
	assert_texts(sn_field_may_be_mojibake, false, "Gao", "\xc3\x81\xc3\xb5", "ab\xc3");
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
