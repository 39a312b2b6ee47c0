/*
 * tests/unit/test_annotate.c — how annotate combines names, quantities and
 * dates (annotate.h).
 *
 * The phrase readers here are deliberately tiny stand-ins (numbers with
 * thousands separators; "in YYYY", a bare year and "on Saturday"), so that the
 * combination rules are tested on their own: what is dropped as a year, time,
 * percentage or ordinal, how overlaps resolve, how names and values merge.
 * The real readers of the estimate and edtf types are exercised through
 * annotate() in sql/annotate.sql.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "annotate.h"
#include "annotate_readers.h"
#include "edtf.h"
#include "edtf_phrase.h"
#include "estimate.h"
#include "estimate_phrase.h"
#include "unit_helpers.h"

static size_t
digits_then(const char *t, size_t len, size_t i)
{
	while (i < len && ((t[i] >= '0' && t[i] <= '9') ||
					   ((t[i] == ',' || t[i] == '-') && i + 1 < len && t[i + 1] >= '0' && t[i + 1] <= '9')))
		i++;
	return i;
}

/* numbers ("1,000", "300-400"), optionally "about " first and " soldiers" after */
static size_t
fake_quantity(void *arg, const char *t, size_t len, sn_lang lang, void *value)
{
	size_t		i = 0,
				j;

	if (len >= 6 && memcmp(t, "about ", 6) == 0)
		i = 6;
	j = digits_then(t, len, i);
	if (j == i || t[i] < '0' || t[i] > '9')
		return 0;
	if (len - j >= 9 && memcmp(t + j, " soldiers", 9) == 0)
		j += 9;
	memcpy(value, "Q", 2);
	return j;
}

/* "in 2013", a bare four-digit year, "on Saturday" */
static size_t
fake_date(void *arg, const char *t, size_t len, sn_lang lang, void *value)
{
	size_t		i = 0;

	if (len >= 11 && memcmp(t, "on Saturday", 11) == 0)
	{
		memcpy(value, "D", 2);
		return arg ? 11 : 0;	/* arg: a publication date is known */
	}
	if (len >= 3 && memcmp(t, "in ", 3) == 0)
		i = 3;
	if (len - i >= 4 && t[i] >= '1' && t[i] <= '2' &&
		t[i + 1] >= '0' && t[i + 1] <= '9' && t[i + 2] >= '0' && t[i + 2] <= '9' &&
		t[i + 3] >= '0' && t[i + 3] <= '9' && (len - i == 4 || t[i + 4] < '0' || t[i + 4] > '9'))
	{
		memcpy(value, "D", 2);
		return i + 4;
	}
	return 0;
}

static sn_gazetteer *
small_gazetteer(void)
{
	sn_gazetteer *g = sn_gazetteer_new(NULL);
	sn_gazetteer_ref mali = {SN_REF_PLACE, 1, 466},
				wagner = {SN_REF_ACTOR, 9, -1};
	sn_error	err;

	assert_true(sn_gazetteer_add(g, "Mali", 4, &mali, 0, &err));
	assert_true(sn_gazetteer_add(g, "Wagner", 6, &wagner, 0, &err));
	assert_true(sn_gazetteer_build(g, &err));
	return g;
}

static const char *
annotate(const char *text, bool published)
{
	static char buf[2048];
	static int	known = 1;
	sn_gazetteer *g = small_gazetteer();
	sn_annotate_options opt = {0};
	sn_mentions m = {0};
	sn_error	err;
	size_t		o = 0;

	opt.lang = SN_LANG_EN;
	opt.gazetteer = g;
	opt.quantity.read = fake_quantity;
	opt.date.read = fake_date;
	opt.date.arg = published ? &known : NULL;
	assert_true(sn_annotate(text, strlen(text), &opt, &m, &err));
	buf[0] = '\0';
	for (size_t i = 0; i < m.n; i++)
	{
		static const char kinds[] = "PAQD";

		o += snprintf(buf + o, sizeof(buf) - o, "%s%c:%.*s@%zu", i ? " " : "",
					  kinds[m.items[i].kind],
					  (int) (m.items[i].end_byte - m.items[i].start_byte),
					  text + m.items[i].start_byte, m.items[i].start_char);
		assert_int_equal(m.items[i].end_char - m.items[i].start_char,
						 m.items[i].end_byte - m.items[i].start_byte);
	}
	sn_mentions_free(&opt, &m);
	sn_gazetteer_free(g);
	return buf;
}

static void
names_and_values_merge_in_order(void **state)
{
	assert_string_equal(annotate("In Mali, about 1,000 soldiers and 4 Wagner men died in 2013.", true),
						"P:Mali@3 Q:about 1,000 soldiers@9 Q:4@34 A:Wagner@36 D:in 2013@52");
}

static void
years_are_not_quantities(void **state)
{
	/* bare years are dates here, and never quantities */
	assert_string_equal(annotate("2013, 2020-2021 and 1,500 and 1500", true),
						"D:2013@0 D:2020@6 D:2021@11 Q:1,500@20 D:1500@30");
}

static void
times_percentages_ordinals(void **state)
{
	assert_string_equal(annotate("at 13:00, 9 a.m., 10 pm, 13h30, 10%, 10 %, 40 percent, "
								 "12 per cent, 10 pour cent, the 1st and 2nd, 3e, Mi-17, F-16, "
								 "but 7 died", true),
						"Q:7@120");
}

static void
relative_dates_need_a_publication_date(void **state)
{
	assert_string_equal(annotate("on Saturday 300-400 soldiers", true),
						"D:on Saturday@0 Q:300-400 soldiers@12");
	assert_string_equal(annotate("on Saturday 300-400 soldiers", false),
						"Q:300-400 soldiers@12");
}

static void
not_a_quantity_directly(void **state)
{
	const char *t = "2,013 2013 about 2013 2013 troops";

	assert_false(sn_annotate_not_a_quantity(t, strlen(t), 0, 5));
	assert_true(sn_annotate_not_a_quantity(t, strlen(t), 6, 10));
	assert_false(sn_annotate_not_a_quantity(t, strlen(t), 11, 21));
	assert_false(sn_annotate_not_a_quantity(t, strlen(t), 22, 33));
	/* the French article is not a count */
	t = "une attaque, un soldat";
	assert_true(sn_annotate_not_a_quantity(t, strlen(t), 0, 3));
	assert_true(sn_annotate_not_a_quantity(t, strlen(t), 13, 15));
	t = "between 2013 and 2014, entre 2013 et 2014";
	assert_true(sn_annotate_not_a_quantity(t, strlen(t), 0, 21));
	assert_true(sn_annotate_not_a_quantity(t, strlen(t), 23, 41));
	/* French no-break spaces before % */
	t = "12\xc2\xa0%, 12\xe2\x80\xaf%";
	assert_true(sn_annotate_not_a_quantity(t, strlen(t), 0, 2));
	assert_true(sn_annotate_not_a_quantity(t, strlen(t), 7, 9));
}

static void
multibyte_positions(void **state)
{
	/* é before: character and byte offsets differ */
	const char *t = "\xc3\xa9t\xc3\xa9 au Mali: 25 morts";
	sn_gazetteer *g = small_gazetteer();
	sn_annotate_options opt = {0};
	sn_mentions m = {0};
	sn_error	err;

	opt.gazetteer = g;
	opt.quantity.read = fake_quantity;
	assert_true(sn_annotate(t, strlen(t), &opt, &m, &err));
	assert_int_equal(m.n, 2);
	assert_int_equal(m.items[0].start_char, 7);
	assert_int_equal(m.items[0].start_byte, 9);
	assert_int_equal(m.items[1].start_char, 13);
	/* the quantity runs through what is counted: "25 morts" */
	assert_int_equal(m.items[1].end_char, 21);
	sn_mentions_free(&opt, &m);
	/* invalid UTF-8 is refused */
	assert_false(sn_annotate("Mali \xc3", 6, &opt, &m, &err));
	assert_int_equal(err.status, SN_ERR_SYNTAX);
	sn_mentions_free(&opt, &m);
	sn_gazetteer_free(g);
}

/* Word tests for the fake quantity reader: one lets "about" begin, one does not. */
static int	about_tests;		/* how many times the tests were asked about "about" */

static bool
about_may_begin(const char *w, size_t n)
{
	if (n == 5 && memcmp(w, "about", 5) == 0)
		about_tests++;
	return n == 5 && memcmp(w, "about", 5) == 0;
}

static bool
nothing_may_begin(const char *w, size_t n)
{
	if (n == 5 && memcmp(w, "about", 5) == 0)
		about_tests++;
	return false;
}

/* The quantities found in text with the fake reader and word test test. */
static const char *
quantities_with_test(const char *text, bool (*test) (const char *, size_t))
{
	static char buf[256];
	sn_annotate_options opt = {0};
	sn_mentions m = {0};
	sn_error	err;
	size_t		o = 0;

	opt.quantity.read = fake_quantity;
	opt.quantity.word_may_begin = test;
	assert_true(sn_annotate(text, strlen(text), &opt, &m, &err));
	buf[0] = '\0';
	for (size_t i = 0; i < m.n; i++)
		o += snprintf(buf + o, sizeof(buf) - o, "%s%.*s", i ? "|" : "",
					  (int) (m.items[i].end_byte - m.items[i].start_byte), text + m.items[i].start_byte);
	sn_mentions_free(&opt, &m);
	return buf;
}

static void
word_tests_are_remembered_per_test(void **state)
{
	char		many[8192];
	size_t		o = 0;

	/* a refused word is never read; a digit is no plain word and always is */
	assert_string_equal(quantities_with_test("about 1,000 soldiers", about_may_begin),
						"about 1,000 soldiers");
	assert_string_equal(quantities_with_test("about 1,000 soldiers", nothing_may_begin),
						"1,000 soldiers");
	/* the answers of one test are not taken for another's */
	assert_string_equal(quantities_with_test("about 1,000 soldiers", about_may_begin),
						"about 1,000 soldiers");
	/* a short word met again is answered from the memo: asked once for four */
	about_tests = 0;
	assert_string_equal(quantities_with_test("about 1 about 2 about 3 about 4", about_may_begin),
						"about 1|about 2|about 3|about 4");
	assert_int_equal(about_tests, 0);
	/* many more short words than the memo has room for: the answers stay right */
	for (int k = 0; k < 2000; k++)
		o += snprintf(many + o, sizeof(many) - o, "%c%c%c ", 'a' + k % 26, 'a' + (k / 26) % 26,
					  'a' + (k / 676) % 26);
	snprintf(many + o, sizeof(many) - o, "about 5, abouts 6");
	assert_string_equal(quantities_with_test(many, about_may_begin), "about 5|6");
	/* a word longer than the memo keeps is tested each time */
	assert_string_equal(quantities_with_test("aboutaboutabout 7", about_may_begin), "7");
}

/*
 * The look-ahead: a fake date reader that reads "the 13th" and counts how
 * often it is asked at "the", whose class says a date begins with "the"
 * only before a word it knows ("13th", "last").
 */
static int	the_reads;

static size_t
the_date(void *arg, const char *t, size_t len, sn_lang lang, void *value)
{
	if (len >= 3 && (memcmp(t, "the", 3) == 0 || memcmp(t, "The", 3) == 0))
		the_reads++;
	if (len >= 8 && memcmp(t, "the 13th", 8) == 0)
	{
		memcpy(value, "D", 2);
		return 8;
	}
	return 0;
}

static bool
the_may_begin(const char *w, size_t n)
{
	return n == 3 && memcmp(w, "the", 3) == 0;
}

static unsigned
the_class(const char *w, size_t n, sn_lang lang)
{
	if (n == 3 && memcmp(w, "the", 3) == 0)
		return SN_WORD_KNOWN | SN_WORD_NEEDS_KNOWN_NEXT;
	if ((n == 4 && memcmp(w, "13th", 4) == 0) || (n == 4 && memcmp(w, "last", 4) == 0))
		return SN_WORD_KNOWN;
	return 0;
}

/* How many times the fake reader was asked at "the" in text, and what it found */
static int
the_asked(const char *text, bool with_class, size_t *found)
{
	sn_annotate_options opt = {0};
	sn_mentions m = {0};
	sn_error	err;

	opt.date.read = the_date;
	opt.date.word_may_begin = the_may_begin;
	opt.date.word_class = with_class ? the_class : NULL;
	the_reads = 0;
	assert_true(sn_annotate(text, strlen(text), &opt, &m, &err));
	*found = m.n;
	sn_mentions_free(&opt, &m);
	return the_reads;
}

static void
look_ahead_skips_words_unknown_after(void **state)
{
	size_t		found;

	/* a plain word the reader does not know after "the": not asked */
	assert_int_equal(the_asked("the attack, The convoy", true, &found), 0);
	assert_int_equal(found, 0);
	/* without the class, asked at each "the" */
	assert_int_equal(the_asked("the attack, The convoy", false, &found), 2);
	/* a known word after it, past any ASCII white space: asked, and read */
	assert_int_equal(the_asked("on the 13th; the \t\n last", true, &found), 2);
	assert_int_equal(found, 1);
	/* after it a number, a mark, an accented or glued word, the end: asked */
	assert_int_equal(the_asked("the 13 the, the \xc3\xa9t\xc3\xa9 the attack's the", true, &found), 5);
	/* a space that is not ASCII (no-break space) is the reader's to judge */
	assert_int_equal(the_asked("the\xc2\xa0" "attack", true, &found), 1);
	/* a word longer than the memo keeps, after it: judged all the same */
	assert_int_equal(the_asked("the peacekeepers the lastlastlast", true, &found), 0);
}

/*
 * A word an apostrophe and a letter follow: each reader's word test is asked
 * of the token that reader cuts there, the quantity reader's with the
 * apostrophe ("d'", as it reads elisions), the date reader's without it
 * ("aujourd"), so that "Mali's" costs no call of either.
 */
static int	elision_quantity_reads,
			elision_date_reads;

static size_t
elision_quantity(void *arg, const char *t, size_t len, sn_lang lang, void *value)
{
	elision_quantity_reads++;
	return 0;
}

static size_t
elision_date(void *arg, const char *t, size_t len, sn_lang lang, void *value)
{
	elision_date_reads++;
	return 0;
}

static bool
elision_quantity_may_begin(const char *w, size_t n)
{
	return n == 2 && memcmp(w, "d'", 2) == 0;
}

static bool
elision_date_may_begin(const char *w, size_t n)
{
	return n == 7 && memcmp(w, "aujourd", 7) == 0;
}

static void
apostrophe_asks_the_token_each_reader_cuts(void **state)
{
	sn_annotate_options opt = {0};
	sn_mentions m = {0};
	sn_error	err;
	/* ASCII apostrophes, then U+2019 */
	const char *texts[] = {
		"Mali's army, d'un camp, aujourd'hui, Aujourd'hui",
		"Mali\xe2\x80\x99s army, d\xe2\x80\x99un camp, aujourd\xe2\x80\x99hui, Aujourd\xe2\x80\x99hui"
	};

	opt.quantity.read = elision_quantity;
	opt.quantity.word_may_begin = elision_quantity_may_begin;
	opt.date.read = elision_date;
	opt.date.word_may_begin = elision_date_may_begin;
	for (int k = 0; k < 2; k++)
	{
		elision_quantity_reads = elision_date_reads = 0;
		assert_true(sn_annotate(texts[k], strlen(texts[k]), &opt, &m, &err));
		assert_int_equal(elision_quantity_reads, 1);	/* at "d'un" */
		assert_int_equal(elision_date_reads, 2);	/* at each "aujourd'hui" */
		sn_mentions_free(&opt, &m);
	}
	/* an apostrophe before a digit or a mark, or a word with a digit: both asked */
	elision_quantity_reads = elision_date_reads = 0;
	assert_true(sn_annotate("d'9 d', x2'b", 11, &opt, &m, &err));
	assert_int_equal(elision_quantity_reads, 4);	/* "d", "9", "d", "x2" */
	assert_int_equal(elision_date_reads, 4);
	sn_mentions_free(&opt, &m);
}

/* The real date reader's classes, as its scanner reads the words. */
static void
date_word_classes(void **state)
{
	assert_int_equal(sn_date_phrase_word_class("the", 3, SN_LANG_EN),
					 SN_WORD_KNOWN | SN_WORD_NEEDS_KNOWN_NEXT);
	assert_int_equal(sn_date_phrase_word_class("attack", 6, SN_LANG_EN), 0);
	/* a month makes a date alone */
	assert_int_equal(sn_date_phrase_word_class("august", 6, SN_LANG_EN), SN_WORD_KNOWN);
	assert_int_equal(sn_date_phrase_word_class("ago", 3, SN_LANG_EN), SN_WORD_KNOWN);
}

/*
 * The look-ahead two words on: the real date reader, counted.  "in the
 * area" begins no date ("in" and "the" each begin one only before a known
 * word, and "area" is none), so the reader is not asked at "in"; at "in the
 * past week" and "on the 13th" it still is.
 */
static int	reads;				/* how many times the counted reader was asked */

static size_t
counted_date(void *arg, const char *t, size_t len, sn_lang lang, void *value)
{
	reads++;
	return sn_date_phrase_reader(arg, t, len, lang, value);
}

static size_t
counted_quantity(void *arg, const char *t, size_t len, sn_lang lang, void *value)
{
	reads++;
	return sn_annotate_read_quantity(arg, t, len, lang, value);
}

/*
 * Annotates text with one reader alone, counted: the date reader (dates
 * relative to 2022-08-15) or the quantity reader (no reference day).
 * Returns how many times annotate asked it to read; *found: the mentions.
 */
static int
asked(const char *text, bool date, size_t *found)
{
	static const sn_civil_date ref = {2022, 8, 15};
	sn_annotate_options opt = {0};
	sn_mentions m = {0};
	sn_error	err;

	sn_annotate_use_readers(&opt, date ? &ref : NULL);
	opt.date.read = date ? counted_date : NULL;
	opt.quantity.read = date ? NULL : counted_quantity;
	reads = 0;
	assert_true(sn_annotate(text, strlen(text), &opt, &m, &err));
	*found = m.n;
	sn_mentions_free(&opt, &m);
	return reads;
}

static int
date_asked(const char *text, size_t *found)
{
	return asked(text, true, found);
}

static void
date_pair_look_ahead(void **state)
{
	size_t		found;

	assert_true(sn_date_phrase_pair_needs_known_next("in", 2, "the", 3, SN_LANG_EN));
	assert_true(sn_date_phrase_pair_needs_known_next("on", 2, "the", 3, SN_LANG_EN));
	/* only of two words that each need a known word after them */
	assert_false(sn_date_phrase_pair_needs_known_next("in", 2, "area", 4, SN_LANG_EN));
	assert_false(sn_date_phrase_pair_needs_known_next("in", 2, "august", 6, SN_LANG_EN));

	/* at "in", "the" and "on", "the" of each: asked at none */
	assert_int_equal(date_asked("in the area, on The road", &found), 0);
	assert_int_equal(found, 0);
	/* a known third word, a word with a digit, a mark: asked at "in" and "the" */
	assert_int_equal(date_asked("in the past week", &found), 3);		/* and "past week" read */
	assert_int_equal(found, 1);
	assert_int_equal(date_asked("on the 13th", &found), 3);
	assert_int_equal(date_asked("in the, area", &found), 2);
	assert_int_equal(found, 0);
}

/*
 * The prefix look-ahead (SN_WORD_PREFIX): the real quantity reader, counted.
 * A prefix word ("a", "in", "about") is read only where a number, a '?' or
 * a word of a count follows within four tokens before any other mark; what
 * annotate cannot judge from its words (an accented word, an elision) is
 * left to the reader.
 */
static int
quantity_asked(const char *text, size_t *found)
{
	return asked(text, false, found);
}

static void
prefix_look_ahead_skips_prefixes_without_a_count(void **state)
{
	size_t		found;

	/* no count within four tokens, a mark first, the end: not asked */
	assert_int_equal(quantity_asked("a convoy left; in the north of it, from Gao. About", &found), 0);
	assert_int_equal(found, 0);
	assert_int_equal(quantity_asked("at the end, 45", &found), 1);		/* only at "45" */
	/* a number, a word of a count, a '?' within four tokens: asked, and read whole */
	assert_int_equal(quantity_asked("in excess of a hundred", &found), 1);
	assert_int_equal(found, 1);
	assert_int_equal(quantity_asked("about 500 troops", &found), 1);
	assert_int_equal(found, 1);
	assert_int_equal(quantity_asked("a few", &found), 1);
	assert_int_equal(found, 1);
	assert_int_equal(quantity_asked("some ?", &found), 1);
	/*
	 * what annotate does not judge (beyond ASCII, an elision): the reader's,
	 * at the prefix and at the word itself; but the elision's own token,
	 * "d'", is put to the reader's word test, which turns it away
	 */
	assert_int_equal(quantity_asked("a \xc3\xa9t\xc3\xa9", &found), 2);
	assert_int_equal(quantity_asked("a d'autres", &found), 1);
	assert_int_equal(found, 0);
}

/* How often the real quantity reader is asked in text, and what is found: "asked/found" */
static const char *
quantity_asked_found(const char *text)
{
	static char buf[32];
	size_t		found;
	int			n = quantity_asked(text, &found);

	snprintf(buf, sizeof(buf), "%d/%zu", n, found);
	return buf;
}

/*
 * Only words the quantity reader knows come between a prefix word and its
 * number: the look-ahead stops at any other word, as the reader's quick
 * test does, though a number follows within four tokens.
 */
static void
prefix_look_ahead_stops_at_unknown_words(void **state)
{
	static const unit_case cases[] = {
		/* asked only at the number, which is read */
		{"in a statement on 12 August", "1/1"},
		{"about the 3 towns", "1/1"},
		/* the words of a prefix of several words are known: asked at the first */
		{"in excess of 500", "1/1"},
		{"no fewer than 12", "1/1"},
	};

	assert_cases(quantity_asked_found, cases);
	assert_true(sn_estimate_phrase_word_known("excess", 6));
	assert_true(sn_estimate_phrase_word_known("dizaines", 8));
	assert_false(sn_estimate_phrase_word_known("statement", 9));
}

/*
 * A number of digits before a measure in lower case ("45 kilometres") is no
 * count, whatever the quantity reader finds: it is not asked there.
 */
static void
number_before_a_measure_not_asked(void **state)
{
	static const unit_case cases[] = {
		{"45 kilometres north, 48 hours", "0/0"},
		/* a measure written with a capital, a counted noun, a number word: asked */
		{"45 Kilometres", "1/1"},
		{"45 soldiers", "1/1"},
		{"two kilometres", "1/0"},
		/* the number goes on past the space: asked */
		{"4,500 kilometres", "1/0"},
	};

	assert_cases(quantity_asked_found, cases);
}

/* The real quantity reader's classes, as its quick test reads the words. */
static void
quantity_word_classes(void **state)
{
	assert_int_equal(sn_estimate_phrase_word_class("about", 5, SN_LANG_EN), SN_WORD_PREFIX);
	assert_int_equal(sn_estimate_phrase_word_class("de", 2, SN_LANG_FR), SN_WORD_PREFIX);
	assert_int_equal(sn_estimate_phrase_word_class("dozen", 5, SN_LANG_EN), SN_WORD_GOES_ON);
	assert_int_equal(sn_estimate_phrase_word_class("milliers", 8, SN_LANG_FR), SN_WORD_GOES_ON);
	assert_int_equal(sn_estimate_phrase_word_class("undisclosed", 11, SN_LANG_EN), SN_WORD_GOES_ON);
	assert_int_equal(sn_estimate_phrase_word_class("the", 3, SN_LANG_EN), 0);
	assert_int_equal(sn_estimate_phrase_word_class("excess", 6, SN_LANG_EN), 0);
}

/*
 * The mentions of a text with the real readers (parse_estimate's and
 * resolve_date's) and a gazetteer of Mali, Niger, Tillabéri and the
 * civilians of Mali and of Niger: "kind[surface]=value" for quantities and
 * dates, "A[surface]#id" for actors, in order.
 */
static const char *
annotate_real(const char *text, sn_lang lang, bool niger_civilians)
{
	static char buf[4096];
	static const sn_civil_date published = {2022, 10, 3};
	sn_gazetteer *g = sn_gazetteer_new(NULL);
	sn_gazetteer_ref mali = {SN_REF_PLACE, 1, 466},
				niger = {SN_REF_PLACE, 2, 562},
				tillaberi = {SN_REF_PLACE, 3, 562},
				civ_mali = {SN_REF_ACTOR, 10, 466},
				civ_niger = {SN_REF_ACTOR, 11, 562},
				fama = {SN_REF_ACTOR, 12, 466};
	sn_annotate_options opt = {0};
	sn_mentions m = {0};
	sn_error	err;
	size_t		o = 0;

	assert_true(sn_gazetteer_add(g, "Mali", 4, &mali, 0, &err));
	assert_true(sn_gazetteer_add(g, "Niger", 5, &niger, 0, &err));
	assert_true(sn_gazetteer_add(g, "Tillab\u00e9ri", strlen("Tillab\u00e9ri"), &tillaberi, 0, &err));
	assert_true(sn_gazetteer_add(g, "Civilians (Mali)", 16, &civ_mali, 0, &err));
	assert_true(sn_gazetteer_add(g, "civilians", 9, &civ_mali, 0, &err));
	assert_true(sn_gazetteer_add(g, "civils", 6, &civ_mali, 0, &err));
	assert_true(sn_gazetteer_add(g, "FAMa", 4, &fama, SN_NAME_NO_ACRONYM, &err));
	if (niger_civilians)
	{
		assert_true(sn_gazetteer_add(g, "Civilians (Niger)", 17, &civ_niger, 0, &err));
		assert_true(sn_gazetteer_add(g, "civilians", 9, &civ_niger, 0, &err));
		assert_true(sn_gazetteer_add(g, "civils", 6, &civ_niger, 0, &err));
	}
	assert_true(sn_gazetteer_build(g, &err));
	opt.lang = lang;
	opt.gazetteer = g;
	sn_annotate_use_readers(&opt, &published);
	assert_true(sn_annotate(text, strlen(text), &opt, &m, &err));
	buf[0] = '\0';
	for (size_t i = 0; i < m.n; i++)
	{
		const sn_mention *x = &m.items[i];
		char		v[SN_ESTIMATE_TEXT_MAX + SN_EDTF_TEXT_MAX];

		v[0] = '\0';
		if (x->kind == SN_MENTION_QUANTITY)
		{
			sn_estimate e;

			memcpy(&e, x->value.bytes, sizeof(e));
			sn_estimate_format(&e, v);
		}
		else if (x->kind == SN_MENTION_DATE)
		{
			sn_edtf		d;

			memcpy(&d, x->value.bytes, sizeof(d));
			sn_edtf_format(&d, v, sizeof(v));
		}
		if (x->kind == SN_MENTION_PLACE)
			continue;
		if (x->kind == SN_MENTION_ACTOR)
			o += snprintf(buf + o, sizeof(buf) - o, "%sA[%.*s]#%lld", o ? " " : "",
						  (int) (x->end_byte - x->start_byte), text + x->start_byte,
						  (long long) x->ref.id);
		else
			o += snprintf(buf + o, sizeof(buf) - o, "%s%c[%.*s]=%s", o ? " " : "",
						  x->kind == SN_MENTION_QUANTITY ? 'Q' : 'D',
						  (int) (x->end_byte - x->start_byte), text + x->start_byte, v);
	}
	sn_mentions_free(&opt, &m);
	sn_gazetteer_free(g);
	return buf;
}

#define EXPECT(got, want) do { const char *g_ = (got); \
	if (strcmp(g_, (want)) != 0) fail_msg("got  %s\nwant %s", g_, (want)); } while (0)

/*
 * Sentences written for this test in the way wire reports and conflict
 * coders phrase events: spans of years, hedged counts, counted nouns of
 * several words, French adjectives after the noun.
 */
static void
analysts_phrasing(void **state)
{
	EXPECT(annotate_real("The 2021-22 lean season was the worst since the 2011-12 crisis.",
						 SN_LANG_EN, false),
		   "D[2021-22]=2021/2022 D[2011-12]=2011/2012");
	EXPECT(annotate_real("Colonial columns crossed the area between 1852 - 1860 and again in 2013 \u2013 2022.",
						 SN_LANG_EN, false),
		   "D[1852 - 1860]=1852/1860 D[in 2013 \u2013 2022]=2013/2022");
	EXPECT(annotate_real("Officials said the toll could exceed 60 dead; as many as 300 fled, and up to 300 troops may deploy.",
						 SN_LANG_EN, false),
		   "Q[could exceed 60]=60..60.. Q[as many as 300]=0..300..300 Q[up to 300 troops]=<=300");
	EXPECT(annotate_real("Le bilan pourrait d\u00e9passer les 60 morts et plus d'une centaine de d\u00e9plac\u00e9s.",
						 SN_LANG_FR, false),
		   "Q[pourrait d\u00e9passer les 60 morts]=60..60.. Q[plus d'une centaine de d\u00e9plac\u00e9s]=>=101");
	EXPECT(annotate_real("At least a dozen villagers and 4 volunteer fighters were killed; an undisclosed number of special forces arrived with 3 army soldiers.",
						 SN_LANG_EN, false),
		   "Q[At least a dozen villagers]=>=12 Q[4 volunteer fighters]=4 "
		   "Q[an undisclosed number of special forces]=? Q[3 army soldiers]=3");
	/* a verb or a singular noun after a count is not taken in */
	EXPECT(annotate_real("30 civilians fled while one soldier dies of wounds.", SN_LANG_EN, false),
		   "Q[30 civilians]=30 A[civilians]#0 Q[one soldier]=1");
	/* French: an adjective after the noun says who, a verb before it says how many */
	EXPECT(annotate_real("Des assaillants inconnus ont attaqu\u00e9 le poste ; le bilan reste inconnu.",
						 SN_LANG_FR, false),
		   "Q[inconnu]=?");
	EXPECT(annotate_real("Des hommes arm\u00e9s inconnus ont tu\u00e9 5 civils. Bilan inconnu.",
						 SN_LANG_FR, false),
		   "Q[5 civils]=5 A[civils]#0 Q[inconnu]=?");
	/* a capital or an accent on the word of unknownness changes nothing */
	EXPECT(annotate_real("Unknown gunmen attacked the post; casualties UNKNOWN.", SN_LANG_EN, false),
		   "Q[UNKNOWN]=?");
	EXPECT(annotate_real("Des assaillants \u00cdNCONNUS ont attaqu\u00e9 le poste ; bilan \u00cdnconnu.",
						 SN_LANG_FR, false),
		   "Q[\u00cdnconnu]=?");
}

/* Who "civilians" are: the civilians of the report's country, or no one. */
static void
civilians_of_the_report(void **state)
{
	/* only Mali's civilians are named "civilians": not in a report on Niger */
	EXPECT(annotate_real("Gunmen killed civilians near Tillab\u00e9ri.", SN_LANG_EN, false),
		   "A[civilians]#0");
	EXPECT(annotate_real("Gunmen killed civilians in Mali.", SN_LANG_EN, false),
		   "A[civilians]#10");
	/* both: the report's country chooses */
	EXPECT(annotate_real("Gunmen killed civilians near Tillab\u00e9ri.", SN_LANG_EN, true),
		   "A[civilians]#11");
	EXPECT(annotate_real("Des hommes arm\u00e9s ont tu\u00e9 des civils pr\u00e8s de Tillab\u00e9ri.", SN_LANG_FR, true),
		   "A[civils]#11");
	EXPECT(annotate_real("Civilians fled from Mali to Niger.", SN_LANG_EN, true),
		   "A[Civilians]#10 A[Civilians]#11");
	/* no place: unresolved */
	EXPECT(annotate_real("Civilians fled.", SN_LANG_EN, true), "A[Civilians]#0");
	/* a proper name keeps its actor wherever the report is */
	EXPECT(annotate_real("FAMa patrols reached Tillab\u00e9ri.", SN_LANG_EN, true), "A[FAMa]#12");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(names_and_values_merge_in_order),
		cmocka_unit_test(years_are_not_quantities),
		cmocka_unit_test(times_percentages_ordinals),
		cmocka_unit_test(relative_dates_need_a_publication_date),
		cmocka_unit_test(not_a_quantity_directly),
		cmocka_unit_test(multibyte_positions),
		cmocka_unit_test(word_tests_are_remembered_per_test),
		cmocka_unit_test(look_ahead_skips_words_unknown_after),
		cmocka_unit_test(apostrophe_asks_the_token_each_reader_cuts),
		cmocka_unit_test(date_pair_look_ahead),
		cmocka_unit_test(date_word_classes),
		cmocka_unit_test(prefix_look_ahead_skips_prefixes_without_a_count),
		cmocka_unit_test(prefix_look_ahead_stops_at_unknown_words),
		cmocka_unit_test(number_before_a_measure_not_asked),
		cmocka_unit_test(quantity_word_classes),
		cmocka_unit_test(analysts_phrasing),
		cmocka_unit_test(civilians_of_the_report),
	};

	return cmocka_run_group_tests_name("annotate", tests, NULL, NULL);
}
