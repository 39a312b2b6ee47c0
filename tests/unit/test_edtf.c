/*
 * tests/unit/test_edtf.c — reading, bounding, writing and ordering EDTF values.
 *
 * The conformance corpus in $SN_SHARED_DATA/edtf (edtf_valid.tsv,
 * edtf_invalid.tsv, edtf_disputed.tsv) is run whole when it is there; the
 * tests say so and pass when it is absent.  The files are never copied into
 * the project.  Our decisions on the disputed strings are in
 * disputed_decision() below and in docs/reference/edtf.md.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "edtf.h"
#include "unit_helpers.h"

/* ------------------------------------------------------------------------
 * helpers
 */

UNIT_PARSE_OK(sn_edtf, sn_edtf_parse)
UNIT_CANONICAL(sn_edtf, sn_edtf_format, SN_EDTF_TEXT_MAX)

static sn_error
parse_bad(const char *s)
{
	sn_edtf		v;
	sn_error	err;

	if (sn_edtf_parse(s, strlen(s), &v, &err))
	{
		char		t[SN_EDTF_TEXT_MAX];

		sn_edtf_format(&v, t, sizeof(t));
		fail_msg("\"%s\" was accepted as %s", s, t);
	}
	if (err.status == SN_OK || err.message[0] == '\0' || err.detail[0] == '\0')
		fail_msg("\"%s\": refused without a message", s);
	return err;
}

static void
bound_text(const sn_edtf *v, bool upper, char *buf, size_t size)
{
	int64_t		d = upper ? v->upper : v->lower;
	bool		known = upper ? sn_edtf_upper_known(v) : sn_edtf_lower_known(v);

	if (!known)
		snprintf(buf, size, "%s", "");
	else if (d == SN_EDTF_DAY_NEG_INF)
		snprintf(buf, size, "-infinity");
	else if (d == SN_EDTF_DAY_POS_INF)
		snprintf(buf, size, "infinity");
	else
		sn_format_day(d, buf, size);
}

/* Parse, check canonical text round trip and the stored form; returns the canonical text. */
static bool
round_trip(const char *s, sn_edtf *v, char *canon, char *why, size_t whysize)
{
	sn_edtf		again,
				unpacked;
	sn_edtf_packed packed;
	sn_error	err;
	char		t2[SN_EDTF_TEXT_MAX];

	if (!sn_edtf_parse(s, strlen(s), v, &err))
	{
		snprintf(why, whysize, "refused: %s %s", err.message, err.detail);
		return false;
	}
	sn_edtf_format(v, canon, SN_EDTF_TEXT_MAX);
	if (!sn_edtf_parse(canon, strlen(canon), &again, &err))
	{
		snprintf(why, whysize, "canonical text %s refused: %s", canon, err.detail);
		return false;
	}
	sn_edtf_format(&again, t2, sizeof(t2));
	if (strcmp(canon, t2) != 0 || memcmp(&again, v, sizeof(again)) != 0)
	{
		snprintf(why, whysize, "canonical text %s reads back as %s", canon, t2);
		return false;
	}
	sn_edtf_pack(v, &packed);
	if (!sn_edtf_unpack_checked(&packed, &unpacked, &err) || memcmp(&unpacked, v, sizeof(unpacked)) != 0)
	{
		snprintf(why, whysize, "stored form does not unpack to the value");
		return false;
	}
	if (sn_edtf_cmp(v, &again) != 0)
	{
		snprintf(why, whysize, "not equal to itself");
		return false;
	}
	return true;
}

/* ------------------------------------------------------------------------
 * the conformance corpus
 */

static FILE *
open_corpus(const char *name)
{
	const char *dir = getenv("SN_SHARED_DATA");
	char		path[1024];
	FILE	   *f;

	snprintf(path, sizeof(path), "%s/edtf/%s", dir && *dir ? dir : "../shared/data", name);
	f = fopen(path, "r");
	if (f == NULL)
		printf("[ SKIPPED  ] %s not found (set SN_SHARED_DATA): corpus not run\n", path);
	return f;
}

/* Split a TSV line in place into at most max fields. */
static int
split_tsv(char *line, char **fields, int max)
{
	int			n = 0;
	char	   *p = line;

	line[strcspn(line, "\r\n")] = '\0';
	while (n < max)
	{
		fields[n++] = p;
		p = strchr(p, '\t');
		if (p == NULL)
			break;
		*p++ = '\0';
	}
	return n;
}

/* How a corpus file's lines came out. */
typedef struct corpus_counts
{
	int			total,
				ok,
				sets,
				accepted,
				bad,
				level_diff;
} corpus_counts;

typedef void (*corpus_check) (char **fld, int nfld, corpus_counts *c);

/*
 * Each line of corpus file name after its header, split into at most 8
 * fields, given to check; false when the file is absent (open_corpus says
 * that the corpus is not run).
 */
static bool
each_corpus_line(const char *name, corpus_check check, corpus_counts *c)
{
	FILE	   *f = open_corpus(name);
	char		line[8192];

	if (f == NULL)
		return false;
	if (!fgets(line, sizeof(line), f))
		fail_msg("empty corpus file");
	while (fgets(line, sizeof(line), f))
	{
		char	   *fld[8];

		check(fld, split_tsv(line, fld, 8), c);
	}
	fclose(f);
	return true;
}

/* A valid string: read, with the listed bounds (sets refused, as documented). */
static void
check_valid(char **fld, int nfld, corpus_counts *c)
{
	sn_edtf		v;
	char		canon[SN_EDTF_TEXT_MAX],
				why[512],
				lo[64],
				hi[64];

	if (nfld < 4)
		return;
	c->total++;
	if (fld[0][0] == '[' || fld[0][0] == '{')
	{
		/* documented disagreement: sets are refused */
		sn_error	err = parse_bad(fld[0]);

		if (strstr(err.detail, "sets") == NULL)
			fail_msg("set %s refused for another reason: %s", fld[0], err.detail);
		c->sets++;
		return;
	}
	if (!round_trip(fld[0], &v, canon, why, sizeof(why)))
	{
		printf("valid %s: %s\n", fld[0], why);
		c->bad++;
		return;
	}
	bound_text(&v, false, lo, sizeof(lo));
	bound_text(&v, true, hi, sizeof(hi));
	if (strcmp(lo, fld[2]) != 0 || strcmp(hi, fld[3]) != 0)
	{
		printf("valid %s: bounds %s .. %s, corpus says %s .. %s\n", fld[0], lo, hi, fld[2], fld[3]);
		c->bad++;
		return;
	}
	if (sn_edtf_level(&v) != atoi(fld[1]))
	{
		if (getenv("SN_EDTF_SHOW_LEVELS"))
			printf("level of %s: %d, corpus says %s\n", fld[0], sn_edtf_level(&v), fld[1]);
		c->level_diff++;
	}
	c->ok++;
}

static void
report_valid(const corpus_counts *c)
{
	printf("[ CORPUS   ] edtf_valid.tsv: %d strings, %d read with the listed bounds, %d sets refused (documented), %d wrong; level differs on %d\n",
		   c->total, c->ok, c->sets, c->bad, c->level_diff);
}

/* An invalid string: refused, with a date-time status. */
static void
check_invalid(char **fld, int nfld, corpus_counts *c)
{
	sn_edtf		v;
	sn_error	err;

	c->total++;
	if (sn_edtf_parse(fld[0], strlen(fld[0]), &v, &err))
	{
		char		t[SN_EDTF_TEXT_MAX];

		sn_edtf_format(&v, t, sizeof(t));
		printf("invalid \"%s\" accepted as %s\n", fld[0], t);
		c->bad++;
	}
	else if (err.status != SN_ERR_DATETIME_FORMAT && err.status != SN_ERR_DATETIME_RANGE)
	{
		printf("invalid \"%s\" refused with status %d\n", fld[0], (int) err.status);
		c->bad++;
	}
}

static void
report_invalid(const corpus_counts *c)
{
	printf("[ CORPUS   ] edtf_invalid.tsv: %d strings, %d wrongly accepted\n", c->total, c->bad);
}

/*
 * Our decision on a disputed string (docs/reference/edtf.md, disputed cases): we
 * follow the reading of the LoC text ("valid ..." accepted, "invalid ..."
 * refused) with two rules of our own:
 *   - sets are refused (an edtf is one value), spaces or not;
 *   - an interval with no date at either end ("/", "../..", "/..", "../")
 *     is refused: it says nothing.
 */
static bool
disputed_decision(const char *input, const char *reading)
{
	if (input[0] == '[' || input[0] == '{')
		return false;
	return strncmp(reading, "valid", 5) == 0;
}

/* A disputed string: accepted or refused as decided, and read back if accepted. */
static void
check_disputed(char **fld, int nfld, corpus_counts *c)
{
	sn_edtf		v;
	sn_error	err;
	bool		want,
				got;

	if (nfld < 2)
		return;
	c->total++;
	want = disputed_decision(fld[0], fld[1]);
	got = sn_edtf_parse(fld[0], strlen(fld[0]), &v, &err);
	if (got)
	{
		char		canon[SN_EDTF_TEXT_MAX],
					why[512];

		c->accepted++;
		if (!round_trip(fld[0], &v, canon, why, sizeof(why)))
		{
			printf("disputed \"%s\": %s\n", fld[0], why);
			c->bad++;
		}
	}
	if (got != want)
	{
		printf("disputed \"%s\" (%s): %s, decision says %s\n", fld[0], fld[1],
			   got ? "accepted" : err.detail, want ? "accept" : "refuse");
		c->bad++;
	}
}

static void
report_disputed(const corpus_counts *c)
{
	printf("[ CORPUS   ] edtf_disputed.tsv: %d strings, %d accepted by decision, %d against it\n",
		   c->total, c->accepted, c->bad);
}

/* A corpus file, the check of its lines and the report of their counts. */
typedef struct corpus_spec
{
	const char *file;
	corpus_check check;
	void		(*report) (const corpus_counts *c);
	int			more_than;		/* the file has more strings than that */
} corpus_spec;

static const corpus_spec valid_corpus = {"edtf_valid.tsv", check_valid, report_valid, 600},
			invalid_corpus = {"edtf_invalid.tsv", check_invalid, report_invalid, 250},
			disputed_corpus = {"edtf_disputed.tsv", check_disputed, report_disputed, 0};

/* The corpus of the state: every line as its check wants (skipped without the data). */
static void
corpus(void **state)
{
	const corpus_spec *spec = *state;
	corpus_counts c = {0};

	if (!each_corpus_line(spec->file, spec->check, &c))
		return;
	spec->report(&c);
	assert_int_equal(c.bad, 0);
	assert_true(c.total > spec->more_than);
}

/* ------------------------------------------------------------------------
 * our own cases
 */

static void
assert_bounds(const char *s, const char *lo, const char *hi)
{
	sn_edtf		v = parse_ok(s);
	char		a[64],
				b[64];

	bound_text(&v, false, a, sizeof(a));
	bound_text(&v, true, b, sizeof(b));
	if (strcmp(a, lo) != 0 || strcmp(b, hi) != 0)
		fail_msg("%s: bounds %s .. %s, expected %s .. %s", s, a, b, lo, hi);
}

/* An EDTF text and its bounds, as bound_text() writes them. */
typedef struct bound_case
{
	const char *s;
	const char *lo;
	const char *hi;
} bound_case;

static void
calendar(void **state)
{
	int64_t		d;
	sn_civil_date c;

	assert_int_equal(sn_days_from_civil(2000, 1, 1), 0);
	assert_int_equal(sn_days_from_civil(1970, 1, 1), -10957);
	assert_int_equal(sn_days_from_civil(2022, 8, 15), 8262);
	assert_int_equal(sn_weekday(sn_days_from_civil(2022, 8, 15)), 0);	/* Monday */
	assert_int_equal(sn_weekday(sn_days_from_civil(2022, 8, 13)), 5);	/* Saturday */
	assert_int_equal(sn_days_from_civil(0, 3, 1) - sn_days_from_civil(0, 2, 28), 2); /* 0000 is leap */
	assert_false(sn_is_leap_year(1900));
	assert_true(sn_is_leap_year(2000));
	assert_true(sn_is_leap_year(-4));
	for (d = -800000; d < 800000; d += 37)
	{
		c = sn_civil_from_days(d);
		if (sn_days_from_civil(c.year, c.month, c.day) != d)
			fail_msg("day %lld does not round-trip", (long long) d);
	}
	c = sn_civil_from_days(sn_days_from_civil(-170000000, 12, 31));
	assert_int_equal(c.year, -170000000);
	assert_int_equal(c.month, 12);
	assert_int_equal(c.day, 31);
}

static void
bounds_at_levels_0_to_2(void **state)
{
	static const bound_case cases[] = {
		/* levels 0 and 1 */
		{"2022", "2022-01-01", "2022-12-31"},
		{"2022-08", "2022-08-01", "2022-08-31"},
		{"2022-02", "2022-02-01", "2022-02-28"},
		{"2024-02", "2024-02-01", "2024-02-29"},
		{"2022-08-13", "2022-08-13", "2022-08-13"},
		{"2022-08-15T11:00:00Z", "2022-08-15", "2022-08-15"},
		{"2022-08-15T23:00:00-05:00", "2022-08-15", "2022-08-15"},
		{"2013/2022", "2013-01-01", "2022-12-31"},
		{"2022-02/2022-08-15", "2022-02-01", "2022-08-15"},
		{"../2014", "-infinity", "2014-12-31"},
		{"2014/..", "2014-01-01", "infinity"},
		{"/2022", "", "2022-12-31"},
		{"2013-01-11/", "2013-01-11", ""},
		{"2022-07~", "2022-07-01", "2022-07-31"},
		{"2022?", "2022-01-01", "2022-12-31"},
		{"2022-08-13%", "2022-08-13", "2022-08-13"},
		{"201X", "2010-01-01", "2019-12-31"},
		{"20XX", "2000-01-01", "2099-12-31"},
		{"2022-XX", "2022-01-01", "2022-12-31"},
		{"2022-08-XX", "2022-08-01", "2022-08-31"},
		{"2022-XX-XX", "2022-01-01", "2022-12-31"},
		{"2022-21", "2022-03-01", "2022-05-31"},
		{"2022-24", "2022-12-01", "2023-02-28"},
		{"2023-24", "2023-12-01", "2024-02-29"},
		{"Y170000002", "170000002-01-01", "170000002-12-31"},
		{"-0044-03-15", "-0044-03-15", "-0044-03-15"},
		{"0000", "0000-01-01", "0000-12-31"},
		/* level 2 */
		{"2004-06-~11", "2004-06-11", "2004-06-11"},
		{"?2004-06", "2004-06-01", "2004-06-30"},
		{"156X-12-25", "1560-12-25", "1569-12-25"},
		{"XXXX-02-29", "0000-02-29", "9996-02-29"},
		{"XXX1-02-2X", "0001-02-20", "9991-02-28"},
		{"-XXXX", "-9999-01-01", "-0001-12-31"},
		{"2022-33", "2022-01-01", "2022-03-31"},
		{"2022-36", "2022-10-01", "2022-12-31"},
		{"2022-37", "2022-01-01", "2022-04-30"},
		{"2022-39", "2022-09-01", "2022-12-31"},
		{"2022-40", "2022-01-01", "2022-06-30"},
		{"2022-41", "2022-07-01", "2022-12-31"},
		{"1950S2", "1900-01-01", "1999-12-31"},
		{"Y-20E2S3", "-2009-01-01", "-2000-12-31"},
		{"Y17E7", "170000000-01-01", "170000000-12-31"},
		{"Y2147483647", "2147483647-01-01", "2147483647-12-31"},
	};

	for (size_t i = 0; i < UNIT_LENGTH(cases); i++)
		assert_bounds(cases[i].s, cases[i].lo, cases[i].hi);
}

static void
canonical_forms(void **state)
{
	static const unit_case cases[] = {
		/* qualifiers are kept per component and written in one canonical way */
		{"2004-06-11%", "2004-06-11%"},
		{"?2004-06", "2004?-06"},
		{"~2021?", "2021%"},
		{"?2004-?06-?11", "2004-06-11?"},
		{"2004?-06-~11", "2004?-06-~11"},
		{"2004-06~-01?", "2004-06~-01?"},
		{"%-2011-06-13", "-2011%-06-13"},
		{"?-2004-06%", "-2004-06%"},
		{"2004-~06-11", "2004-~06-11"},
		{"Y17E7", "Y17E7"},
		{"Y-17101E3S3", "Y-17101E3S3"},
		{"2016-05-02T16:54:59+02:30", "2016-05-02T16:54:59+02:30"},
		{"2016-05-02T16:54:59-12", "2016-05-02T16:54:59-12"},
		{"1985-04-12/..", "1985-04-12/.."},
		{"/1985", "/1985"},
		{"2001-21?", "2001-21?"},
		{"XXXX-12-XX", "XXXX-12-XX"},
	};

	assert_cases(canonical, cases);
}

static void
errors_say_what_and_where(void **state)
{
	sn_error	e;

	e = parse_bad("2022-13");
	assert_int_equal(e.status, SN_ERR_DATETIME_FORMAT);
	assert_non_null(strstr(e.message, "\"2022-13\""));
	assert_non_null(strstr(e.detail, "month 13"));
	assert_non_null(strstr(e.detail, "character 6"));
	e = parse_bad("2023-02-29");
	assert_non_null(strstr(e.detail, "day 29"));
	assert_non_null(strstr(e.detail, "character 9"));
	e = parse_bad("2022-08-15/2022-08-01");
	assert_non_null(strstr(e.detail, "before it starts"));
	e = parse_bad("199u");
	assert_non_null(strstr(e.detail, "2012 draft"));
	e = parse_bad("Y99999999999");
	assert_int_equal(e.status, SN_ERR_DATETIME_RANGE);
	e = parse_bad("Y3E10");
	assert_int_equal(e.status, SN_ERR_DATETIME_RANGE);
	e = parse_bad("[1667,1668]");
	assert_non_null(strstr(e.detail, "sets"));
	assert_true(e.hint[0] != '\0');
	e = parse_bad(" 2022");
	assert_non_null(strstr(e.detail, "spaces"));
	e = parse_bad("2004?~");
	assert_non_null(strstr(e.detail, "one qualifier"));
	/* refused, each with a message and a detail */
	{
		static const char *const refused[] = {
			"/", "../..", "2022-08-15T24:00:00", "2022-08-15T11:00", "2022-08-15T11:00:00-00:00",
			"2022-08-15T11:00:00+15", "2022-08T11:00:00", "2022-21-01", "Y2022", "Y00001", "12345",
			"-0000", "1950S2-01", "195XS2", "2022-08-15T11:00:00Z/2023", "2022/2023/2024", "",
			"2022-2X", "156X-11-31", "XXX1-02-29", "2022S0", "2022S16"
		};

		for (size_t i = 0; i < UNIT_LENGTH(refused); i++)
			(void) parse_bad(refused[i]);
	}
}

static void
order_and_storage(void **state)
{
	const char *sorted[] = {
		"../2014", "/2014", "2013-01", "2013", "2013?", "2013/2022", "2013-01-11/",
		"2013-01-11/..", "2022-02", "2022-08-13", "2022-08-15", "2022-08-15T11:00:00Z",
		"2022-24", "Y170000002"
	};
	size_t		n = sizeof(sorted) / sizeof(sorted[0]),
				i,
				j;

	for (i = 0; i < n; i++)
		for (j = 0; j < n; j++)
		{
			sn_edtf		a = parse_ok(sorted[i]),
						b = parse_ok(sorted[j]);
			sn_edtf_packed pa,
						pb;
			int			c = sn_edtf_cmp(&a, &b),
						cp;

			sn_edtf_pack(&a, &pa);
			sn_edtf_pack(&b, &pb);
			cp = sn_edtf_packed_cmp(&pa, &pb);
			if ((i < j && c >= 0) || (i == j && c != 0) || (i > j && c <= 0))
				fail_msg("%s vs %s: %d", sorted[i], sorted[j], c);
			if ((c < 0) != (cp < 0) || (c == 0) != (cp == 0))
				fail_msg("packed order differs for %s vs %s", sorted[i], sorted[j]);
		}
	assert_int_equal(sizeof(sn_edtf_packed), 32);
	assert_true(sizeof(sn_edtf) <= 64);
}

static void
corrupt_storage_is_refused(void **state)
{
	sn_edtf		v = parse_ok("2022-08-13"),
				out;
	sn_edtf_packed p;
	sn_error	err;

	sn_edtf_pack(&v, &p);
	p.upper += 1;
	assert_false(sn_edtf_unpack_checked(&p, &out, &err));
	assert_int_equal(err.status, SN_ERR_BINARY);
	sn_edtf_pack(&v, &p);
	p.start |= (uint64_t) 31 << 35;	/* month 31 with a day */
	assert_false(sn_edtf_unpack_checked(&p, &out, &err));
}

static void
properties(void **state)
{
	struct
	{
		const char *s;
		const char *precision;
		int			level;
	}			cases[] = {
		{"2022", "year", 0}, {"2022-08", "month", 0}, {"2022-08-13", "day", 0},
		{"2022-08-15T11:00:00Z", "second", 0}, {"2013/2022", "interval", 0},
		{"2022-22", "season", 1}, {"2022-34", "quarter", 2}, {"2022-38", "quadrimester", 2},
		{"2022-40", "semester", 2}, {"201X", "decade", 1}, {"20XX", "century", 1},
		{"2XXX", "millennium", 2}, {"2022-XX", "year", 1}, {"2022-08-XX", "month", 1},
		{"1950S2", "century", 2}, {"2022~", "year", 1}, {"?2022-08", "month", 2},
		{"-0044", "year", 1}, {"../2014", "interval", 1},
	};
	size_t		i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		sn_edtf		v = parse_ok(cases[i].s);

		if (strcmp(sn_edtf_precision(&v), cases[i].precision) != 0)
			fail_msg("%s: precision %s, expected %s", cases[i].s, sn_edtf_precision(&v), cases[i].precision);
		if (sn_edtf_level(&v) != cases[i].level)
			fail_msg("%s: level %d, expected %d", cases[i].s, sn_edtf_level(&v), cases[i].level);
	}
	{
		sn_edtf		v = parse_ok("1984?/2004~");

		assert_true(sn_edtf_is_uncertain(&v));
		assert_true(sn_edtf_is_approximate(&v));
		assert_true(sn_edtf_is_interval(&v));
		v = parse_ok("2022");
		assert_false(sn_edtf_is_uncertain(&v));
		assert_false(sn_edtf_is_approximate(&v));
		assert_false(sn_edtf_is_interval(&v));
	}
}

static void
constructors(void **state)
{
	sn_edtf		a,
				b,
				c;
	char		t[SN_EDTF_TEXT_MAX];

	assert_true(sn_edtf_make_day(2022, 8, 13, &a));
	sn_edtf_format(&a, t, sizeof(t));
	assert_string_equal(t, "2022-08-13");
	assert_false(sn_edtf_make_day(2023, 2, 29, &a));
	assert_true(sn_edtf_make_month(2022, 7, &a));
	assert_true(sn_edtf_make_year(2013, &b));
	assert_true(sn_edtf_make_interval(&b, &a, &c));
	sn_edtf_format(&c, t, sizeof(t));
	assert_string_equal(t, "2013/2022-07");
	assert_false(sn_edtf_make_interval(&a, &b, &c));	/* ends before it starts */
	assert_true(sn_edtf_make_from_days(sn_days_from_civil(-44, 3, 15), &a));
	sn_edtf_format(&a, t, sizeof(t));
	assert_string_equal(t, "-0044-03-15");
	/* a day number makes the value its date makes, to the byte, within years -9999..9999 */
	{
		int64_t		d;

		for (d = sn_days_from_civil(-10000, 12, 1); d <= sn_days_from_civil(10000, 2, 1); d += 13)
		{
			sn_civil_date cd = sn_civil_from_days(d);
			bool		x,
						y;

			memset(&a, 0x55, sizeof(a));
			memset(&b, 0x55, sizeof(b));
			x = sn_edtf_make_from_days(d, &a);
			y = sn_edtf_make_day(cd.year, cd.month, cd.day, &b);
			if (x != y || (x && memcmp(&a, &b, sizeof(a)) != 0))
				fail_msg("day %lld: made %d, the date made %d", (long long) d, x, y);
		}
		assert_false(sn_edtf_make_from_days(sn_days_from_civil(10000, 1, 1), &a));
		assert_false(sn_edtf_make_from_days(sn_days_from_civil(-10000, 12, 31), &a));
	}
}

/*
 * A date with all digits written has its bounds by arithmetic (a shortcut
 * past the search that X digits need): every day of a leap and a common
 * year, before and after year 0, and the days a month does not have.
 */
static void
plain_dates(void **state)
{
	static const int64_t years[] = {-401, -4, -1, 0, 1, 1900, 2000, 2022, 2024, 9999};
	size_t		i;

	for (i = 0; i < sizeof(years) / sizeof(years[0]); i++)
	{
		int64_t		y = years[i];
		int			m,
					d;

		for (m = 1; m <= 12; m++)
		{
			int			dim = sn_days_in_month(y, m);

			for (d = 0; d <= 32; d++)
			{
				sn_edtf		v;
				sn_error	err;
				bool		ok;

				memset(&v, 0, sizeof(v));
				v.start.kind = SN_EDTF_DATE;
				v.start.negative = y < 0;
				v.start.year = (uint32_t) (y < 0 ? -y : y);
				v.start.month = (uint8_t) m;
				v.start.day = (uint8_t) d;
				v.start.approximate = d % 3 == 1 ? SN_EDTF_MONTH : 0;	/* qualifiers do not change bounds */
				ok = sn_edtf_finish(&v, &err);
				if (ok != (d <= dim))
					fail_msg("%lld-%02d-%02d: finish said %d", (long long) y, m, d, ok);
				if (!ok)
				{
					assert_int_equal(err.status, SN_ERR_DATETIME_FORMAT);
					continue;
				}
				assert_int_equal(v.lower, sn_days_from_civil(y, m, d ? d : 1));
				assert_int_equal(v.upper, sn_days_from_civil(y, m, d ? d : dim));
			}
		}
	}
}

/*
 * A driver's untyped date parameter: pgjdbc's setDate sends "2022-08-13 +00"
 * (the JVM's offset, +HH[:MM[:SS]]) and lets the server pick the type.  It
 * reads as the day; every other spacing, a timestamp or an impossible offset
 * stays refused.
 */
static void
driver_date_parameters(void **state)
{
	static const char *days[] = {"2022-08-13 +00", "2022-08-13 -05", "2022-08-13 +05:30",
	"2022-08-13 -03:30:15", "2022-08-13 +15:59"};
	static const char *bad[] = {"2022-08-13 00", "2022-08-13  +00", "2022-08-13 +0", "2022-08-13 +000",
		"2022-08-13 +16", "2022-08-13 +05:60", "2022-08-13 +05:3", "2022-08-13 +05-30",
		"2022-08-13 +00 BC", "2022-08-13 10:00:00+00", "2022-08 +00", "2022-08-32 +00",
	"2022-08-13 +00:00:60", " 2022-08-13 +00", "2022-08-13+00"};
	size_t		i;

	for (i = 0; i < sizeof(days) / sizeof(days[0]); i++)
	{
		sn_edtf		v = parse_ok(days[i]),
					day = parse_ok("2022-08-13");
		char		t[SN_EDTF_TEXT_MAX];

		sn_edtf_format(&v, t, sizeof(t));
		assert_string_equal(t, "2022-08-13");
		assert_memory_equal(&v, &day, sizeof(v));
	}
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
	{
		sn_error	e = parse_bad(bad[i]);

		assert_int_equal(e.status, SN_ERR_DATETIME_FORMAT);
		assert_non_null(strstr(e.message, bad[i]));
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(calendar),
		cmocka_unit_test(bounds_at_levels_0_to_2),
		cmocka_unit_test(canonical_forms),
		cmocka_unit_test(errors_say_what_and_where),
		cmocka_unit_test(order_and_storage),
		cmocka_unit_test(corrupt_storage_is_refused),
		cmocka_unit_test(properties),
		cmocka_unit_test(constructors),
		cmocka_unit_test(plain_dates),
		cmocka_unit_test(driver_date_parameters),
		{"corpus_valid", corpus, NULL, NULL, (void *) &valid_corpus},
		{"corpus_invalid", corpus, NULL, NULL, (void *) &invalid_corpus},
		{"corpus_disputed", corpus, NULL, NULL, (void *) &disputed_corpus},
	};

	return cmocka_run_group_tests_name("edtf", tests, NULL, NULL);
}
