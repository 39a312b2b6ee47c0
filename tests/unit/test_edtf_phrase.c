/*
 * tests/unit/test_edtf_phrase.c — the date phrase reader behind resolve_date
 * and annotate's date mentions.  Reference day: Monday 2022-08-15 (the
 * sample report's publication day) unless said otherwise.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "edtf_phrase.h"
#include "unit_helpers.h"

static const sn_civil_date REF = {2022, 8, 15};

/*
 * annotate asks sn_date_phrase_word_may_begin first at a plain word (ASCII
 * letters followed by the end of the text or by ASCII other than a letter,
 * a digit or an apostrophe; annotate.c, plain_word_at) and calls the reader
 * only when it passes: it must pass wherever the reader reads a phrase.
 */
static void
word_test_passes(const char *text, size_t i, sn_lang lang)
{
	char		w[24];
	size_t		k = 0;

	if (i > 0 && ((text[i - 1] | 0x20) >= 'a' && (text[i - 1] | 0x20) <= 'z'))
		return;					/* inside a word: annotate asks only at its start */
	while ((text[i + k] | 0x20) >= 'a' && (text[i + k] | 0x20) <= 'z')
	{
		if (k == sizeof(w) - 1)
			return;
		w[k] = (char) (text[i + k] | 0x20);
		k++;
	}
	if (k == 0 || (unsigned char) text[i + k] >= 0x80 ||
		(text[i + k] >= '0' && text[i + k] <= '9') || text[i + k] == '\'')
		return;					/* not plain: annotate calls the reader itself */
	w[k] = '\0';
	if (!sn_date_phrase_word_may_begin(w, k))
		fail_msg("\"%s\" (%s) at byte %zu: a date begins with \"%s\", which the word test refuses",
				 text, sn_lang_code(lang), i, w);
}

/*
 * The scanner skips, at each word, the patterns that word cannot begin, and
 * cuts plain ASCII words on a fast path; sn_date_phrase_scan_exhaustive
 * tries every pattern and cuts every word the general way.  At every byte of
 * text both must read the same phrase and value: a shortcut that refused a
 * phrase the grammar reads would show here.  The word test is held to the
 * scanner too.
 */
static void
same_as_exhaustive(const char *text, sn_lang lang, const sn_civil_date *ref)
{
	size_t		len = strlen(text),
				i;

	for (i = 0; i < len; i++)
	{
		sn_edtf		a,
					b;
		size_t		n,
					m;

		memset(&a, 0, sizeof(a));
		memset(&b, 0, sizeof(b));
		n = sn_date_phrase_scan(text + i, len - i, ref, lang, &a);
		m = sn_date_phrase_scan_exhaustive(text + i, len - i, ref, lang, &b);
		if (m == SIZE_MAX)
			fail_msg("\"%s\" (%s) at byte %zu: the grammar compares a word missing from the vocabulary",
					 text, sn_lang_code(lang), i);
		if (n != m || (n > 0 && memcmp(&a, &b, sizeof(a)) != 0))
			fail_msg("\"%s\" (%s) at byte %zu: the scanner read %zu bytes, the exhaustive one %zu",
					 text, sn_lang_code(lang), i, n, m);
		if (n > 0)
			word_test_passes(text, i, lang);
	}
}

/* A list of strings; a language with a reference day (or none). */
typedef struct strings
{
	const char *const *s;
	size_t		n;
} strings;

typedef struct reading
{
	sn_lang		lang;
	const sn_civil_date *ref;
} reading;

/* STRINGS(array); READINGS({lang, ref}, ...): the readings and their number. */
#define STRINGS(a) ((strings) {(a), UNIT_LENGTH(a)})
#define READINGS(...) (const reading[]) {__VA_ARGS__}, \
	sizeof((const reading[]) {__VA_ARGS__}) / sizeof(reading)

static const char *const no_string[] = {""};

/*
 * same_as_exhaustive() in each of the n readings r for every text that fmt
 * (three %s) makes of a string of x, one of y and one of z.
 */
static void
every_text_same(const char *fmt, strings x, strings y, strings z, const reading *r, size_t n)
{
	char		text[200];

	for (size_t i = 0; i < x.n; i++)
		for (size_t j = 0; j < y.n; j++)
			for (size_t k = 0; k < z.n; k++)
			{
				snprintf(text, sizeof(text), fmt, x.s[i], y.s[j], z.s[k]);
				for (size_t e = 0; e < n; e++)
					same_as_exhaustive(text, r[e].lang, r[e].ref);
			}
}

static void
resolves(const char *phrase, sn_lang lang, const sn_civil_date *ref, const char *expected)
{
	sn_edtf		v;
	sn_error	err;
	char		t[SN_EDTF_TEXT_MAX];

	same_as_exhaustive(phrase, lang, ref);
	if (!sn_date_phrase_resolve(phrase, strlen(phrase), ref, lang, &v, &err))
		fail_msg("\"%s\" (%s) was refused: %s %s", phrase, sn_lang_code(lang), err.message, err.detail);
	sn_edtf_format(&v, t, sizeof(t));
	if (strcmp(t, expected) != 0)
		fail_msg("\"%s\" (%s) resolved to %s, expected %s", phrase, sn_lang_code(lang), t, expected);
}

static size_t scan(const char *text, const sn_civil_date *ref, sn_lang lang, char *out);
static void scans(const char *text, sn_lang lang, size_t n, const char *date);

#define EN(p, e) resolves((p), SN_LANG_EN, &REF, (e))
#define FR(p, e) resolves((p), SN_LANG_FR, &REF, (e))

static void
refused(const char *phrase, sn_lang lang, const sn_civil_date *ref)
{
	sn_edtf		v;
	sn_error	err;
	char		t[SN_EDTF_TEXT_MAX];

	same_as_exhaustive(phrase, lang, ref);
	if (sn_date_phrase_resolve(phrase, strlen(phrase), ref, lang, &v, &err))
	{
		sn_edtf_format(&v, t, sizeof(t));
		fail_msg("\"%s\" (%s) was read as %s", phrase, sn_lang_code(lang), t);
	}
	assert_int_equal(err.status, SN_ERR_DATETIME_FORMAT);
	assert_non_null(strstr(err.message, "cannot read"));
}

/*
 * How conflict data writes dates it is unsure of (ACLED's notes begin
 * "Around 17 February 2022 (between 17 - 22 February)"): an approximate
 * date, and a span of days.
 */
static void
approximate_dates_and_day_spans(void **state)
{
	EN("around 17 February 2022", "2022-02-17~");
	EN("Around 17 February 2022", "2022-02-17~");
	EN("about March 2013", "2013-03~");
	EN("approximately 3 March", "2022-03-03~");
	EN("circa 2013", "2013~");
	FR("vers le 17 f\u00e9vrier 2022", "2022-02-17~");
	/* a bare year after "about" is more often a count ("about 2000 were killed") */
	refused("about 2013", SN_LANG_EN, &REF);
	refused("around 2013", SN_LANG_EN, &REF);

	EN("17-22 January", "2022-01-17/2022-01-22");
	EN("17 - 22 January 2021", "2021-01-17/2021-01-22");
	EN("17 \u2013 22 January", "2022-01-17/2022-01-22");
	EN("between 17 and 22 January", "2022-01-17/2022-01-22");
	EN("between 17 - 22 January", "2022-01-17/2022-01-22");
	EN("from 17 to 22 January 2022", "2022-01-17/2022-01-22");
	EN("17 to 22 January", "2022-01-17/2022-01-22");
	EN("31 January - 8 February", "2022-01-31/2022-02-08");
	EN("between 31 January - 8 February", "2022-01-31/2022-02-08");
	FR("du 17 au 22 janvier", "2022-01-17/2022-01-22");
	FR("entre le 17 et le 22 janvier", "2022-01-17/2022-01-22");
	FR("17-22 janvier 2022", "2022-01-17/2022-01-22");
	/* the first day must come before the second */
	refused("22 - 17 January", SN_LANG_EN, &REF);
	refused("8 February - 31 January", SN_LANG_EN, &REF);
	/* no month: numbers, not days */
	refused("between 17 and 22", SN_LANG_EN, &REF);
	refused("17-22", SN_LANG_EN, &REF);
}

/*
 * Spans of years as analysts write them.  In a phrase a year, a hyphen and
 * two digits is a span when the two digits are the next year or cannot be a
 * month; spaced hyphens and dashes join two years as well.  A whole input
 * that is EDTF text is read as EDTF (resolve_date(d::text) = d).
 */
static void
year_spans(void **state)
{
	EN("in 2021-22", "2021/2022");
	EN("in 2011-12", "2011/2012");
	FR("en 2011-12", "2011/2012");
	EN("during 2015-18", "2015/2018");
	EN("in 1999-00", "1999/2000");
	EN("1852 - 1860", "1852/1860");
	EN("2013 \u2013 2022", "2013/2022");
	EN("in 2013 \u2014 2022", "2013/2022");
	FR("1852 - 1860", "1852/1860");
	/* EDTF text alone: the edtf type's reading */
	EN("2011-12", "2011-12");
	EN("2021-22", "2021-22");
	EN("2022-08", "2022-08");
	EN("in 2022-08", "2022-08");
	refused("1860 - 1852", SN_LANG_EN, &REF);
	refused("in 2022-19", SN_LANG_EN, &REF);
	/* in running text */
	scans("2021-22 lean season", SN_LANG_EN, 7, "2021/2022");
	scans("2011-12 crisis", SN_LANG_EN, 7, "2011/2012");
	scans("1852 - 1860 the", SN_LANG_EN, 11, "1852/1860");
	scans("2022-08 saw", SN_LANG_EN, 7, "2022-08");
}

/*
 * Phrases of historians and analysts beyond day, month and year: centuries,
 * decades and their parts, "c." and "ca.", before and after.  Era markers
 * (AD, CE, BC) and a year after "approx." are refused.
 */
static void
centuries_decades_bounds(void **state)
{
	EN("the 19th century", "18XX");
	EN("19th-century", "18XX");
	EN("the 20th century", "19XX");
	FR("le XIXe si\u00e8cle", "18XX");
	FR("XXe si\u00e8cle", "19XX");
	FR("19e si\u00e8cle", "18XX");
	EN("early 1990s", "1990/1993");
	EN("mid 1990s", "1994/1996");
	EN("late 1990s", "1997/1999");
	FR("d\u00e9but des ann\u00e9es 1990", "1990/1993");
	FR("fin des ann\u00e9es 1990", "1997/1999");
	EN("c. 1850", "1850~");
	EN("ca. 1850", "1850~");
	EN("circa 1850", "1850~");
	FR("vers 1850", "1850~");
	EN("before 1850", "../1849");
	EN("after 1850", "1851/..");
	EN("before March 2013", "../2013-02");
	EN("after 31 December 2021", "2022-01-01/..");
	FR("avant 1850", "../1849");
	FR("apr\u00e8s 1850", "1851/..");
	refused("approx. 1850", SN_LANG_EN, &REF);
	refused("1850 AD", SN_LANG_EN, &REF);
	refused("50 BC", SN_LANG_EN, &REF);
	refused("2001 CE", SN_LANG_EN, &REF);
	refused("before Monday", SN_LANG_EN, &REF);
	refused("the 1st century", SN_LANG_EN, &REF);
	scans("the 19th century saw", SN_LANG_EN, 16, "18XX");
}

static void
the_sample_report(void **state)
{
	EN("Monday", "2022-08-15");
	EN("Saturday", "2022-08-13");
	EN("on Saturday", "2022-08-13");
	EN("last month", "2022-07");
	EN("in February", "2022-02");
	EN("in 2013", "2013");
	EN("13 August 2022", "2022-08-13");
	FR("13 août 2022", "2022-08-13");
	EN("2022-08-13", "2022-08-13");
	EN("nine years ago", "2013");
}

static void
english(void **state)
{
	EN("today", "2022-08-15");
	EN("yesterday", "2022-08-14");
	EN("the day before yesterday", "2022-08-13");
	EN("Sunday", "2022-08-14");
	EN("Tuesday", "2022-08-09");
	EN("last Monday", "2022-08-08");
	EN("last Saturday", "2022-08-13");
	EN("last week", "2022-08-08/2022-08-14");
	EN("this week", "2022-08-15/2022-08-15");
	EN("this month", "2022-08");
	EN("earlier this month", "2022-08-01/2022-08-15");
	EN("last year", "2021");
	EN("this year", "2022");
	EN("earlier this year", "2022-01-01/2022-08-15");
	EN("in August", "2022-08");
	EN("in September", "2021-09");
	EN("February", "2022-02");
	EN("in May", "2022-05");
	EN("May", "2022-05");
	EN("August 13", "2022-08-13");
	EN("August 13, 2022", "2022-08-13");
	EN("Aug. 13, 2022", "2022-08-13");
	EN("on August 13th", "2022-08-13");
	EN("on the 13th of August", "2022-08-13");
	EN("December 25", "2021-12-25");
	EN("February 29", "2020-02-29");
	EN("August 2022", "2022-08");
	EN("early July", "2022-07-01/2022-07-10");
	EN("mid-July", "2022-07-11/2022-07-20");
	EN("mid July 2021", "2021-07-11/2021-07-20");
	EN("late July", "2022-07-21/2022-07-31");
	EN("late February 2024", "2024-02-21/2024-02-29");
	EN("early 2022", "2022-01/2022-04");
	EN("late 2021", "2021-09/2021-12");
	EN("the 1990s", "199X");
	EN("in the 2010s", "201X");
	EN("3 months ago", "2022-05");
	EN("eight months ago", "2021-12");
	EN("a week ago", "2022-08-08");
	EN("two days ago", "2022-08-13");
	EN("a year ago", "2021");
	EN("summer 2022", "2022-22");
	EN("in the winter of 2021", "2021-24");
	EN("since 2013", "2013/2022-08-15");
	EN("from 2013 to 2022", "2013/2022");
	EN("between February and July", "2022-02/2022-07");
	EN("2013-2022", "2013/2022");
	EN("2022-08", "2022-08");
	EN("Saturday, August 13, 2022", "2022-08-13");
	EN("  in 2013  ", "2013");
	EN("IN FEBRUARY", "2022-02");
	/* EDTF text is read as such */
	EN("2022-XX", "2022-XX");
	EN("2013/2022", "2013/2022");
}

static void
french(void **state)
{
	FR("lundi", "2022-08-15");
	FR("samedi", "2022-08-13");
	FR("samedi dernier", "2022-08-13");
	FR("lundi dernier", "2022-08-08");
	FR("aujourd'hui", "2022-08-15");
	FR("aujourd’hui", "2022-08-15");
	FR("hier", "2022-08-14");
	FR("avant-hier", "2022-08-13");
	FR("la semaine dernière", "2022-08-08/2022-08-14");
	FR("le mois dernier", "2022-07");
	FR("le mois passé", "2022-07");
	FR("ce mois-ci", "2022-08");
	FR("plus tôt ce mois-ci", "2022-08-01/2022-08-15");
	FR("l'an dernier", "2021");
	FR("l’année dernière", "2021");
	FR("cette année", "2022");
	FR("en février", "2022-02");
	FR("en fevrier", "2022-02");
	FR("en 2013", "2013");
	FR("le 13 août 2022", "2022-08-13");
	FR("1er août 2022", "2022-08-01");
	FR("13 août", "2022-08-13");
	FR("août 2022", "2022-08");
	FR("début juillet", "2022-07-01/2022-07-10");
	FR("mi-juillet", "2022-07-11/2022-07-20");
	FR("fin juillet", "2022-07-21/2022-07-31");
	FR("fin 2021", "2021-09/2021-12");
	FR("les années 1990", "199X");
	FR("les années 90", "199X");
	FR("il y a neuf ans", "2013");
	FR("il y a 3 mois", "2022-05");
	FR("depuis 2013", "2013/2022-08-15");
	FR("de 2013 à 2022", "2013/2022");
	FR("entre février et juillet", "2022-02/2022-07");
	FR("l'été 2022", "2022-22");
	FR("samedi 13 août 2022", "2022-08-13");
}

static void
refusals(void **state)
{
	refused("", SN_LANG_EN, &REF);
	refused("   ", SN_LANG_EN, &REF);
	refused("the other day", SN_LANG_EN, &REF);
	refused("recently", SN_LANG_EN, &REF);
	refused("in 2013 and 2014", SN_LANG_EN, &REF);
	refused("Monday 13 August 2022", SN_LANG_EN, &REF);	/* 2022-08-13 was a Saturday */
	refused("February 30", SN_LANG_EN, &REF);
	refused("31 September 2022", SN_LANG_EN, &REF);
	refused("le mois dernier", SN_LANG_EN, &REF);	/* French words in English */
	refused("last month", SN_LANG_FR, &REF);
	refused("from 2022 to 2013", SN_LANG_EN, &REF);
	/* without a reference only absolute dates */
	refused("last month", SN_LANG_EN, NULL);
	refused("Saturday", SN_LANG_EN, NULL);
	refused("in February", SN_LANG_EN, NULL);
	refused("August 13", SN_LANG_EN, NULL);
	resolves("13 August 2022", SN_LANG_EN, NULL, "2022-08-13");
	resolves("in 2013", SN_LANG_EN, NULL, "2013");
	resolves("since 2013", SN_LANG_EN, NULL, "2013/..");
	resolves("the 1990s", SN_LANG_EN, NULL, "199X");
}

static void
error_message(void **state)
{
	sn_edtf		v;
	sn_error	err;

	assert_false(sn_date_phrase_resolve("in 2013 or so", 13, &REF, SN_LANG_EN, &v, &err));
	assert_int_equal(err.status, SN_ERR_DATETIME_FORMAT);
	assert_non_null(strstr(err.message, "\"in 2013 or so\""));
	assert_non_null(strstr(err.detail, "character 8"));
	assert_true(err.hint[0] != '\0');
}

/* The scanner in running text: what annotate calls at every word. */
static size_t
scan(const char *text, const sn_civil_date *ref, sn_lang lang, char *out)
{
	sn_edtf		v;
	size_t		n = sn_date_phrase_scan(text, strlen(text), ref, lang, &v);

	out[0] = '\0';
	if (n)
		sn_edtf_format(&v, out, SN_EDTF_TEXT_MAX);
	return n;
}

/*
 * scans(text, lang, n, date): scanning text in lang, with REF as today,
 * reads its first n bytes (0: none), as date (NULL: not checked).
 */
static void
scans(const char *text, sn_lang lang, size_t n, const char *date)
{
	char		t[SN_EDTF_TEXT_MAX];

	assert_int_equal(scan(text, &REF, lang, t), n);
	if (date)
		assert_string_equal(t, date);
}

static void
scanning_running_text(void **state)
{
	const char *s;

	scans("2020 and 2021 saw coups", SN_LANG_EN, 4, "2020");
	s = "2020 and 2021 saw coups";
	scans(s + 9, SN_LANG_EN, 4, "2021");
	scans("in 2013, France intervened", SN_LANG_EN, 7, "2013");
	scans("on Saturday. JNIM said", SN_LANG_EN, 11, "2022-08-13");
	scans("last month, officials said", SN_LANG_EN, 10, "2022-07");
	scans("in February to withdraw", SN_LANG_EN, 11, "2022-02");
	scans("13 août 2022 à Bamako", SN_LANG_FR, strlen("13 août 2022"), "2022-08-13");
	/* EDTF text in running text */
	scans("2022-08-15T11:00:00Z, the army said", SN_LANG_EN, 20, "2022-08-15T11:00:00Z");
	scans("2013/2022.", SN_LANG_EN, 9, "2013/2022");
	scans("2014/.. and after", SN_LANG_EN, 7, "2014/..");
	scans("2022-07~ (approx.)", SN_LANG_EN, 8, "2022-07~");
	scans("5000 troops", SN_LANG_EN, 0, NULL);
	/* not dates */
	scans("Mayor of Bamako", SN_LANG_EN, 0, NULL);
	scans("may attack", SN_LANG_EN, 0, NULL);
	scans("march on Bamako", SN_LANG_EN, 0, NULL);
	scans("2013km", SN_LANG_EN, 0, NULL);
	scans("2400 troops", SN_LANG_EN, 4, "2400");	/* a year, as read; annotate weighs it */
	scans("13:00 Paris time", SN_LANG_EN, 0, NULL);
	scans(" 2013", SN_LANG_EN, 0, NULL);	/* must start exactly there */
	scans("in", SN_LANG_EN, 0, NULL);
	scans("2013.5 percent", SN_LANG_EN, 0, NULL);
	/* the annotate reader shape */
	{
		sn_edtf		v;
		const char *x = "yesterday morning";

		assert_int_equal(sn_date_phrase_reader((void *) &REF, x, strlen(x), SN_LANG_EN, &v), 9);
		assert_int_equal(sn_date_phrase_reader(NULL, x, strlen(x), SN_LANG_EN, &v), 0);
	}
}

/*
 * Every kind of date after each word that can come before one, in running
 * text: the scanner refuses early at most words (a preposition followed by
 * a word no date begins with), never where a date follows.
 */
static void
after_prepositions(void **state)
{
	static const char *const en_before[] = {
		"", "in ", "on ", "during ", "by ", "since ", "from ", "between ", "the ", "a ",
		"In ", "ON ", "last ", "this ", "early ", "mid-", "the day before ", "until ", "of ",
	};
	static const char *const en_dates[] = {
		"2022-08-13", "2022-08", "2013-2022", "13 August 2022", "13th of August", "the 13th of August",
		"August 13, 2022", "Aug. 13", "August", "August 2022", "May", "2013", "the 1990s", "1990s",
		"early July", "mid-July 2022", "late 2021", "today", "yesterday",
		"the day before yesterday", "Saturday", "last Saturday", "Saturday, August 13, 2022",
		"last week", "this month", "earlier this year", "past year", "nine years ago",
		"a week ago", "3 months ago", "summer 2022", "the autumn of 2021", "fall 2020",
		"2022-08-15T11:00:00Z", "2013/2022", "since 2013", "from 2013 to 2022",
		"between February and July", "the 13th",
	};
	static const char *const fr_before[] = {
		"", "en ", "le ", "pendant ", "durant ", "courant ", "au cours de ", "au cours du ",
		"depuis ", "de ", "du ", "entre ", "la ", "l'", "les ", "il y a ", "plus tôt ", "mi-",
	};
	static const char *const fr_dates[] = {
		"2022-08-13", "13 août 2022", "1er août", "août 2022", "août", "mars", "2013",
		"les années 1990", "années 90", "début juillet", "mi-juillet", "fin 2021",
		"aujourd'hui", "hier", "avant-hier", "demain", "samedi", "samedi dernier",
		"samedi 13 août 2022", "la semaine dernière", "le mois dernier", "l'an dernier",
		"l’année passée", "cette semaine", "ce mois-ci", "cette année", "plus tôt ce mois-ci",
		"il y a neuf ans", "il y a une semaine", "l'été 2022", "printemps 2021",
		"depuis 2013", "de 2013 à 2022", "du 1er au 13 août", "entre février et juillet",
	};
	static const char *const after[] = {"", ", officials said", " troops", "."};

	every_text_same("Troops withdrew %s%s%s", STRINGS(en_before), STRINGS(en_dates), STRINGS(after),
					READINGS({SN_LANG_EN, &REF}, {SN_LANG_EN, NULL}));
	every_text_same("Les soldats sont partis %s%s%s", STRINGS(fr_before), STRINGS(fr_dates), STRINGS(after),
					READINGS({SN_LANG_FR, &REF}, {SN_LANG_FR, NULL}));
	/* the languages crossed: words of one are not dates in the other, in both scanners */
	same_as_exhaustive("le mois dernier, en février, samedi", SN_LANG_EN, &REF);
	same_as_exhaustive("last month, in February, on Saturday", SN_LANG_FR, &REF);
}

/* A preposition then a word that begins no date: refused, at every kind of first word. */
static void
prepositions_alone(void **state)
{
	scans("in the north", SN_LANG_EN, 0, NULL);
	scans("on the road", SN_LANG_EN, 0, NULL);
	scans("during talks", SN_LANG_EN, 0, NULL);
	scans("by a convoy", SN_LANG_EN, 0, NULL);
	scans("since the attack", SN_LANG_EN, 0, NULL);
	scans("between 40 and 50 troops", SN_LANG_EN, 0, NULL);
	scans("a convoy", SN_LANG_EN, 0, NULL);
	scans("en Mali", SN_LANG_FR, 0, NULL);
	scans("le convoi", SN_LANG_FR, 0, NULL);
	scans("au cours des combats", SN_LANG_FR, 0, NULL);
	/* and the same prepositions before a date read it */
	scans("in the 1990s", SN_LANG_EN, 12, "199X");
	scans("on the 13th of August", SN_LANG_EN, 21, "2022-08-13");
	scans("a week ago", SN_LANG_EN, 10, "2022-08-08");
	scans("au cours de 2013", SN_LANG_FR, 16, "2013");
	scans("le 13 août", SN_LANG_FR, strlen("le 13 août"), "2022-08-13");
}

/*
 * The scanner cuts plain ASCII words on a fast path and leaves the others
 * (an accent in or right after the word, an invisible character, a word too
 * long for the vocabulary, white space other than ASCII) to the general
 * path; the exhaustive reader always takes the general path.  Dates next to
 * each kind of word read the same in both.
 */
static void
words_of_every_kind(void **state)
{
	static const char *const words[] = {
		"in", "In", "IN", "on", "the", "last", "since", "from", "a", "August", "Saturday",
		"inété", "onè", "thé", "Février", "fevrier", "août", "aout", "Aug", "Sept", "été",
		"in\u00ad", "on\u00a0", "last\u202f", "in\u200b", "l’", "l'", "aujourd’hui",
		"inabcdefghijklmnopqrstuvwxyz", "abcdefghijklmnopqrstuvw", "abcdefghijklmnopqrstuvwx",
		"2013", "13th", "1990s", "mid-", "mi-", "x", "",
	};
	static const char *const next[] = {
		"2013", "August 2022", "13 août 2022", "Saturday", "samedi", "the 1990s",
		"last month", "le mois dernier", "the 13th of August", "été 2022", "",
	};
	static const char *const gap[] = {" ", "", "\u00a0", " \u00ad"};

	every_text_same("Troops left %s%s%s. Then", STRINGS(words), STRINGS(gap), STRINGS(next),
					READINGS({SN_LANG_EN, &REF}, {SN_LANG_EN, NULL}, {SN_LANG_FR, &REF}));
	/* and the fast path reads what it should */
	scans("In February", SN_LANG_EN, 11, "2022-02");
	scans("FEVRIER 2022", SN_LANG_FR, 12, "2022-02");
	scans("Saturday", SN_LANG_EN, 8, "2022-08-13");
}

/*
 * The look-ahead: a first word that makes no phrase by itself ("the", "a",
 * "in", "last", "early", "since", "le", "il"...) followed by a word outside
 * the vocabulary begins nothing, without trying its patterns.  Each such
 * word, and words that make a phrase alone, before each kind of next token
 * (a number, an ordinal, a decade, a month, a weekday, a word of the
 * vocabulary that is no first word, a first word, a mark, an unknown word,
 * an accented word, the end): both readers agree.
 */
static void
look_ahead(void **state)
{
	static const char *const first[] = {
		"the", "a", "an", "in", "on", "during", "by", "since", "from", "between", "last",
		"this", "earlier", "past", "early", "mid", "late", "nine", "spring", "fall", "Aug",
		"May", "may", "August", "Monday", "today", "les", "il", "plus", "la", "le", "l",
		"cette", "ce", "depuis", "entre", "du", "de", "au", "en", "pendant", "courant",
		"debut", "fin", "mi", "avant", "aujourd", "printemps", "mars", "samedi", "hier", "zzz",
	};
	static const char *const next[] = {
		"2013", "13th of August", "1990s", "90", "August 2022", "août 2022", "Saturday",
		"samedi dernier", "day before yesterday", "years ago", "week", "month", "year",
		"semaine dernière", "mois dernier", "annees 1990", "y a deux ans", "cours de 2013",
		"tot ce mois-ci", "of 2021", "summer of 2021", "été 2022", "last month", "the 13th",
		"-July", "'été 2022", "’an dernier", ", August 13, 2022", ".", "attack", "convoi",
		"réunion", "10km", "",
	};

	every_text_same("x %s %s%s", STRINGS(first), STRINGS(next), STRINGS(no_string),
					READINGS({SN_LANG_EN, &REF}, {SN_LANG_FR, &REF}, {SN_LANG_EN, NULL}));
	every_text_same("x %s%s%s", STRINGS(first), STRINGS(next), STRINGS(no_string),
					READINGS({SN_LANG_EN, &REF}, {SN_LANG_FR, &REF}));
	/* the look-ahead refuses where it should, and reads what follows a known word */
	scans("the attack", SN_LANG_EN, 0, NULL);
	scans("in the north", SN_LANG_EN, 0, NULL);
	scans("a convoy", SN_LANG_EN, 0, NULL);
	scans("the day before yesterday", SN_LANG_EN, 24, "2022-08-13");
	scans("last year", SN_LANG_EN, 9, "2021");
	scans("Monday attack", SN_LANG_EN, 6, "2022-08-15");
}

/*
 * The word test is the lexeme table's: true for the words a pattern begins
 * with in either language, false for the other words of the vocabulary and
 * for ordinary words.
 */
static void
word_test(void **state)
{
	static const char *const yes[] = {
		"in", "on", "the", "a", "an", "last", "since", "from", "between", "during", "by",
		"early", "mid", "late", "today", "yesterday", "this", "earlier", "past", "august",
		"aug", "sept", "saturday", "nine", "spring", "fall", "en", "le", "la", "l", "les",
		"depuis", "entre", "du", "de", "au", "il", "fevrier", "fev", "samedi", "hier",
		"debut", "mi", "fin", "plus", "cette", "ce", "ete", "pendant", "courant",
	};
	static const char *const no[] = {
		"troops", "said", "attack", "ago", "week", "month", "year", "days", "of", "to",
		"and", "dernier", "semaine", "un", "deux", "une", "momafako", "t", "z", "",
		"septembers", "augusta", "inn",
	};

	unit_texts_are(sn_date_phrase_word_may_begin, true, yes, UNIT_LENGTH(yes));
	unit_texts_are(sn_date_phrase_word_may_begin, false, no, UNIT_LENGTH(no));
	assert_true(sn_date_phrase_word_may_begin("2013", 4));	/* digits always may */
}

static void
other_references(void **state)
{
	sn_civil_date jan = {2023, 1, 3};
	sn_civil_date leap = {2024, 3, 1};

	resolves("last month", SN_LANG_EN, &jan, "2022-12");
	resolves("in December", SN_LANG_EN, &jan, "2022-12");
	resolves("last week", SN_LANG_EN, &jan, "2022-12-26/2023-01-01");
	resolves("February 29", SN_LANG_EN, &leap, "2024-02-29");
	resolves("13 months ago", SN_LANG_EN, &jan, "2021-12");
	resolves("Tuesday", SN_LANG_EN, &jan, "2023-01-03");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(the_sample_report),
		cmocka_unit_test(approximate_dates_and_day_spans),
		cmocka_unit_test(english),
		cmocka_unit_test(french),
		cmocka_unit_test(refusals),
		cmocka_unit_test(year_spans),
		cmocka_unit_test(centuries_decades_bounds),
		cmocka_unit_test(error_message),
		cmocka_unit_test(scanning_running_text),
		cmocka_unit_test(other_references),
		cmocka_unit_test(after_prepositions),
		cmocka_unit_test(prepositions_alone),
		cmocka_unit_test(words_of_every_kind),
		cmocka_unit_test(look_ahead),
		cmocka_unit_test(word_test),
	};

	return cmocka_run_group_tests_name("edtf_phrase", tests, NULL, NULL);
}
