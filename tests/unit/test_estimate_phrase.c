/*
 * tests/unit/test_estimate_phrase.c — the phrase reader
 * (extension/core/estimate_phrase.c): the phrases reports write in English
 * and French, the vague-word convention, the scan contract the annotate
 * matcher relies on, and refusals.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "estimate_phrase.h"
#include "phrase_same.h"

/*
 * The reader skips the alternatives of the grammar that a phrase's first
 * word cannot begin, and the scanner turns words away with a quick test;
 * the exhaustive reader does neither.  At every byte of text both scanners
 * must read the same phrase, value and info, and parse_estimate must give
 * the same answer or the same error (status, position, message, detail,
 * hint) on every suffix of text: a shortcut that skipped a reading would
 * show here.
 */
static void
same_as_exhaustive(const char *text, sn_lang lang)
{
	size_t		len = strlen(text);

	for (size_t i = 0; i < len; i++)
	{
		sn_estimate a,
					b;
		sn_phrase_info ia,
					ib;
		sn_error	ea,
					eb;
		size_t		n,
					m;
		bool		pa,
					pb;

		memset(&a, 0, sizeof(a));
		memset(&b, 0, sizeof(b));
		memset(&ia, 0, sizeof(ia));
		memset(&ib, 0, sizeof(ib));
		n = sn_estimate_phrase_scan(text + i, len - i, lang, &a, &ia);
		m = sn_estimate_phrase_scan_exhaustive(text + i, len - i, lang, &b, &ib);
		if (n != m || (n > 0 && (!same_estimate(&a, &b) || !same_info(&ia, &ib))))
			fail_msg("\"%s\" (%s) at byte %zu: the scanner read %zu bytes, the exhaustive one %zu (or other values)",
					 text, sn_lang_code(lang), i, n, m);

		sn_error_clear(&ea);
		sn_error_clear(&eb);
		memset(&ia, 0, sizeof(ia));
		memset(&ib, 0, sizeof(ib));
		pa = sn_estimate_phrase_parse(text + i, len - i, lang, &a, &ia, &ea);
		pb = sn_estimate_phrase_parse_exhaustive(text + i, len - i, lang, &b, &ib, &eb);
		if (pa != pb ||
			(pa && (!same_estimate(&a, &b) || !same_info(&ia, &ib))) ||
			(!pa && (ea.status != eb.status || ea.position != eb.position ||
					 strcmp(ea.message, eb.message) != 0 || strcmp(ea.detail, eb.detail) != 0 ||
					 strcmp(ea.hint, eb.hint) != 0)))
			fail_msg("\"%s\" (%s) from byte %zu: parse_estimate reads it otherwise than the exhaustive reader (%s / %s)",
					 text, sn_lang_code(lang), i, pa ? "ok" : ea.detail, pb ? "ok" : eb.detail);
	}
}

typedef struct example
{
	const char *phrase;
	const char *canonical;
} example;

static void
check_examples(sn_lang lang, const example *ex, size_t n)
{
	for (size_t i = 0; i < n; i++)
	{
		sn_estimate e;
		sn_error	err;
		sn_phrase_info info;
		char		buf[SN_ESTIMATE_TEXT_MAX];

		same_as_exhaustive(ex[i].phrase, lang);
		sn_error_clear(&err);
		if (!sn_estimate_phrase_parse(ex[i].phrase, strlen(ex[i].phrase), lang, &e, &info, &err))
			fail_msg("\"%s\" refused: %s / %s", ex[i].phrase, err.message, err.detail);
		assert_true(sn_estimate_is_valid(&e));
		sn_estimate_format(&e, buf);
		if (strcmp(buf, ex[i].canonical) != 0)
			fail_msg("\"%s\" read as %s, expected %s", ex[i].phrase, buf, ex[i].canonical);
		/* annotate's scanner reads the same quantity at the start of the phrase */
		{
			const char *p = ex[i].phrase;
			sn_estimate scanned;
			char		sbuf[SN_ESTIMATE_TEXT_MAX];

			while (*p == ' ')
				p++;
			if (!sn_estimate_phrase_may_begin(ex[i].phrase, strlen(ex[i].phrase), lang) ||
				sn_estimate_phrase_scan(p, strlen(p), lang, &scanned, NULL) == 0)
				fail_msg("the scanner does not read \"%s\"", ex[i].phrase);
			sn_estimate_format(&scanned, sbuf);
			if (strcmp(sbuf, buf) != 0)
				fail_msg("the scanner reads \"%s\" as %s, parse_estimate as %s", ex[i].phrase, sbuf, buf);
		}
	}
}

#define CHECK(lang, arr) check_examples((lang), (arr), sizeof(arr) / sizeof((arr)[0]))

static void
english_report_phrases(void **state)
{
	static const example ex[] = {
		{"about 1,000", "~1000"}, {"around 1000", "~1000"}, {"some 200", "~200"},
		{"an estimated 1,500", "~1500"}, {"nearly 3,000", "~3000"},
		{"700 to 1,000", "700..1000"}, {"between 35 and 45", "35..45"},
		{"300-400", "300..400"}, {"more than two million", ">=2000001"},
		{"over 2,000", ">=2001"}, {"at least 12", ">=12"}, {"up to 400", "<=400"},
		{"fewer than 10", "<=9"}, {"59", "59"}, {"four", "4"}, {"fifty-nine", "59"},
		{"two million", "2000000"}, {"1.2 million", "1200000"}, {"a dozen", "~12"},
		{"undisclosed", "?"}, {"unknown", "?"},
	};

	CHECK(SN_LANG_EN, ex);
}

static void
french_report_phrases(void **state)
{
	static const example ex[] = {
		{"environ 1 000", "~1000"}, {"entre 700 et 1 000", "700..1000"},
		{"plus de 2 millions", ">=2000001"}, {"au moins 12", ">=12"},
		{"jusqu'\xc3\xa0 400", "<=400"}, {"jusqu\xe2\x80\x99\xc3\xa0 400", "<=400"},
		{"quatre", "4"}, {"cinquante-neuf", "59"}, {"une centaine", "~100"},
		{"des dizaines", "24..99"}, {"plusieurs", "3..9"},
		{"environ\xc2\xa0" "1\xe2\x80\xaf" "000", "~1000"},
	};

	CHECK(SN_LANG_FR, ex);
}

static void
vague_words_follow_one_convention(void **state)
{
	static const example en[] = {
		{"several", "3..9"}, {"dozens", "24..99"}, {"hundreds", "200..999"},
		{"thousands", "2000..9999"}, {"tens of thousands", "20000..99999"},
		{"millions", "2000000..9999999"}, {"hundreds of thousands", "200000..999999"},
		{"tens", "20..99"}, {"a few", "2..9"}, {"several hundred", "300..900"},
		{"a few thousand", "2000..9000"}, {"several dozen", "36..108"},
		{"several hundred thousand", "300000..900000"}, {"half a dozen", "~6"},
		{"two dozen", "~24"}, {"billions", "2000000000..9999999999"},
	};
	static const example fr[] = {
		{"plusieurs", "3..9"}, {"des dizaines", "24..99"}, {"des douzaines", "24..99"},
		{"des centaines", "200..999"}, {"des milliers", "2000..9999"},
		{"des dizaines de milliers", "20000..99999"},
		{"des centaines de milliers", "200000..999999"}, {"des millions", "2000000..9999999"},
		{"une centaine", "~100"}, {"une vingtaine", "~20"}, {"une dizaine", "~10"},
		{"une douzaine", "~12"}, {"une quinzaine", "~15"}, {"une trentaine", "~30"},
		{"une cinquantaine", "~50"}, {"un millier", "~1000"}, {"deux centaines", "~200"},
		{"une centaine de milliers", "~100000"}, {"plusieurs centaines", "300..900"},
		{"quelques milliers", "2000..9000"}, {"quelques", "2..9"},
		{"plusieurs dizaines de milliers", "30000..90000"},
	};

	CHECK(SN_LANG_EN, en);
	CHECK(SN_LANG_FR, fr);
}

static void
more_english(void **state)
{
	static const example ex[] = {
		{"about 1,000 troops", "~1000"}, {"dozens of civilians", "24..99"},
		{"an undisclosed number of special forces", "?"}, {"two to three million", "2000000..3000000"},
		{"between 1.5 and 2 million", "1500000..2000000"}, {"from 5 to 10", "5..10"},
		{"1,000 or more", ">=1000"}, {"1,000+", ">=1000"}, {"2,000-plus troops", ">=2000"},
		{"1,000 or so", "~1000"}, {"400 or fewer", "<=400"}, {"700..850..1000", "700..850..1000"},
		{"~1000", "~1000"}, {">=2001", ">=2001"}, {"<=400", "<=400"}, {">2000", ">=2001"},
		{"?", "?"}, {"five hundred and two", "502"}, {"two thousand five hundred", "2500"},
		{"a hundred", "100"}, {"a thousand troops", "1000"}, {"a million", "1000000"},
		{"more than a dozen", ">=13"}, {"about 700 to 1,000", "~700..1000"},
		{"twenty one", "21"}, {"nineteen hundred", "1900"}, {"one hundred thousand", "100000"},
		{"2 400", "2400"}, {"1,000,000", "1000000"}, {"ABOUT 1,000 TROOPS", "~1000"},
		{"as many as 400", "0..400..400"}, {"less than 10", "<=9"}, {"under 50", "<=49"},
		{"in excess of 1,000", ">=1001"}, {"no fewer than 12", ">=12"},
		{"roughly 2,400 soldiers", "~2400"}, {"approx. 300", "~300"},
		{"between two hundred and five hundred", "200..500"}, {"zero", "0"},
		{"2.5 billion", "2500000000"}, {"9,223,372,036,854,775,807", "9223372036854775807"},
		{"  about 1,000  ", "~1000"}, {"59 French soldiers", "59"},
		{"two million five hundred thousand", "2500000"}, {"a dozen to twenty", "~12..20"},
		{"unknown number of fighters", "?"},
	};

	CHECK(SN_LANG_EN, ex);
}

static void
more_french(void **state)
{
	static const example ex[] = {
		{"pr\xc3\xa8s d'un millier", "~1000"}, {"plus d'un million", ">=1000001"},
		{"deux millions", "2000000"}, {"1,5 million", "1500000"},
		{"2,5 millions de d\xc3\xa9plac\xc3\xa9s", "2500000"}, {"1 000 soldats", "1000"},
		{"1.000", "1000"}, {"de 700 \xc3\xa0 1 000", "700..1000"}, {"700 \xc3\xa0 1 000", "700..1000"},
		{"soixante-dix", "70"}, {"soixante et onze", "71"}, {"quatre-vingts", "80"},
		{"quatre-vingt-dix-neuf", "99"}, {"vingt et un", "21"}, {"deux cents", "200"},
		{"trois cent vingt", "320"}, {"mille", "1000"}, {"deux mille cinq cents", "2500"},
		{"un million deux cent mille", "1200000"}, {"inconnu", "?"},
		{"non communiqu\xc3\xa9", "?"}, {"un nombre ind\xc3\xa9termin\xc3\xa9 de soldats", "?"},
		{"moins de 10", "<=9"}, {"des milliers de morts", "2000..9999"},
		{"1 000 environ", "~1000"}, {"1 000 ou plus", ">=1000"},
		{"entre vingt et trente", "20..30"}, {"cinq-six", "5..6"}, {"dix-sept", "17"},
		{"septante-cinq", "75"}, {"Environ 2 400 militaires", "~2400"},
		{"plus de 2 000 soldats fran\xc3\xa7" "ais", ">=2001"}, {"au plus 300", "<=300"},
		{"pas moins de 50", ">=50"}, {"quelque 2 000 soldats", "~2000"},
		{"\xc3\xa0 peu pr\xc3\xa8s 500", "~500"}, {"deux-mille-trois", "2003"},
	};

	CHECK(SN_LANG_FR, ex);
}

/* The same phrase means different things in the two languages' number formats */
static void
decimal_marks_follow_the_language(void **state)
{
	sn_estimate e;
	sn_error	err;

	assert_true(sn_estimate_phrase_parse("2,400", 5, SN_LANG_EN, &e, NULL, &err));
	assert_int_equal(e.low, 2400);
	assert_false(sn_estimate_phrase_parse("2,400", 5, SN_LANG_FR, &e, NULL, &err));
	assert_int_equal(err.status, SN_ERR_SYNTAX);
	assert_non_null(strstr(err.detail, "decimal comma"));
	assert_true(sn_estimate_phrase_parse("1.000", 5, SN_LANG_FR, &e, NULL, &err));
	assert_int_equal(e.low, 1000);
	assert_false(sn_estimate_phrase_parse("1.000", 5, SN_LANG_EN, &e, NULL, &err));
}

static void
refusals(void **state)
{
	static const struct
	{
		const char *phrase;
		sn_lang		lang;
		sn_status	status;
	}			bad[] = {
		{"", SN_LANG_EN, SN_ERR_SYNTAX}, {"   ", SN_LANG_EN, SN_ERR_SYNTAX},
		{"many", SN_LANG_EN, SN_ERR_SYNTAX}, {"troops", SN_LANG_EN, SN_ERR_SYNTAX},
		{"1.5", SN_LANG_EN, SN_ERR_SYNTAX}, {"10km", SN_LANG_EN, SN_ERR_SYNTAX},
		{"40%", SN_LANG_EN, SN_ERR_SYNTAX}, {"59 and 60", SN_LANG_EN, SN_ERR_SYNTAX},
		{"700 or 800", SN_LANG_EN, SN_ERR_SYNTAX}, {"1,000 troops or more", SN_LANG_EN, SN_ERR_SYNTAX},
		{"1,000 to 700", SN_LANG_EN, SN_ERR_SYNTAX}, {"more than dozens", SN_LANG_EN, SN_ERR_SYNTAX},
		{"1.2345 thousand", SN_LANG_EN, SN_ERR_SYNTAX}, {"10:30", SN_LANG_EN, SN_ERR_SYNTAX},
		{"about", SN_LANG_EN, SN_ERR_SYNTAX}, {"between 5", SN_LANG_EN, SN_ERR_SYNTAX},
		{"1,000 troops.", SN_LANG_EN, SN_ERR_SYNTAX}, {"a", SN_LANG_EN, SN_ERR_SYNTAX},
		{"2 millions", SN_LANG_EN, SN_ERR_SYNTAX}, {"700..1200..1000", SN_LANG_EN, SN_ERR_SYNTAX},
		{"beaucoup", SN_LANG_FR, SN_ERR_SYNTAX}, {"1,000", SN_LANG_FR, SN_ERR_SYNTAX},
		{"plus de", SN_LANG_FR, SN_ERR_SYNTAX}, {"\xff\xfe", SN_LANG_EN, SN_ERR_SYNTAX},
		{"99999999999999999999 troops", SN_LANG_EN, SN_ERR_RANGE},
		{"fewer than 0", SN_LANG_EN, SN_ERR_RANGE},
		{"more than 9223372036854775807", SN_LANG_EN, SN_ERR_RANGE},
		{"10 billion billion", SN_LANG_EN, SN_ERR_SYNTAX},
		{"9223372036854775807 thousand", SN_LANG_EN, SN_ERR_RANGE},
	};

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
	{
		sn_estimate e;
		sn_error	err;

		same_as_exhaustive(bad[i].phrase, bad[i].lang);
		sn_error_clear(&err);
		if (sn_estimate_phrase_parse(bad[i].phrase, strlen(bad[i].phrase), bad[i].lang, &e, NULL, &err))
		{
			char		buf[SN_ESTIMATE_TEXT_MAX];

			sn_estimate_format(&e, buf);
			fail_msg("\"%s\" accepted as %s", bad[i].phrase, buf);
		}
		if (err.status != bad[i].status)
			fail_msg("\"%s\": status %d, expected %d (%s)", bad[i].phrase, err.status,
					 bad[i].status, err.message);
		assert_non_null(strstr(err.message, "quantity"));
		assert_true(err.detail[0] != '\0');
	}
}

/* The contract of sn_estimate_phrase_scan that annotate relies on */
static void
scan_reads_the_longest_phrase_at_a_position(void **state)
{
	static const struct
	{
		const char *text;
		sn_lang		lang;
		size_t		consumed;
		const char *canonical;
		bool		bare;
		bool		digits;
	}			cases[] = {
		{"about 1,000 troops crossed", SN_LANG_EN, 11, "~1000", false, true},
		{"700 to 1,000 soldiers", SN_LANG_EN, 12, "700..1000", false, true},
		{"2013, France intervened", SN_LANG_EN, 4, "2013", true, true},
		{"more than two million people", SN_LANG_EN, 21, ">=2000001", false, false},
		{"dozens of civilians", SN_LANG_EN, 6, "24..99", false, false},
		{"tens of thousands fled", SN_LANG_EN, 17, "20000..99999", false, false},
		{"an undisclosed number of", SN_LANG_EN, 21, "?", false, false},
		{"59 French soldiers", SN_LANG_EN, 2, "59", true, true},
		{"fifty-nine soldiers", SN_LANG_EN, 10, "59", true, false},
		{"1,000. Then", SN_LANG_EN, 5, "1000", true, true},
		{"2013-2022 deployment", SN_LANG_EN, 9, "2013..2022", false, true},
		{"environ 1 000 soldats", SN_LANG_FR, 13, "~1000", false, true},
		{"plus de 2 millions de civils", SN_LANG_FR, 18, ">=2000001", false, false},
		{"une centaine de civils", SN_LANG_FR, 12, "~100", false, false},
	};
	static const struct
	{
		const char *text;
		sn_lang		lang;
	}			none[] = {
		{"10km north", SN_LANG_EN}, {"troops", SN_LANG_EN}, {"40% of", SN_LANG_EN},
		{"1.5 metres", SN_LANG_EN}, {"10:30 GMT", SN_LANG_EN}, {" 59", SN_LANG_EN},
		{"", SN_LANG_EN}, {"many people", SN_LANG_EN}, {"3rd", SN_LANG_EN},
		{"99999999999999999999", SN_LANG_EN}, {"les soldats", SN_LANG_FR},
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		sn_estimate e;
		sn_phrase_info info;
		char		buf[SN_ESTIMATE_TEXT_MAX];
		size_t		n = sn_estimate_phrase_scan(cases[i].text, strlen(cases[i].text),
												cases[i].lang, &e, &info);

		if (n != cases[i].consumed)
			fail_msg("\"%s\": consumed %zu, expected %zu", cases[i].text, n, cases[i].consumed);
		sn_estimate_format(&e, buf);
		assert_string_equal(buf, cases[i].canonical);
		assert_int_equal(info.bare_numeral, cases[i].bare);
		assert_int_equal(info.digits_only, cases[i].digits);
		assert_false(info.nouns_consumed);
	}
	for (size_t i = 0; i < sizeof(none) / sizeof(none[0]); i++)
	{
		sn_estimate e;

		if (sn_estimate_phrase_scan(none[i].text, strlen(none[i].text), none[i].lang, &e, NULL) != 0)
			fail_msg("\"%s\" scanned as a quantity", none[i].text);
	}
}

static void
scan_reads_only_len_bytes(void **state)
{
	sn_estimate e;

	/* "1,000" cut after "1,0": the comma is no group, so no clean number */
	assert_int_equal(sn_estimate_phrase_scan("1,000", 3, SN_LANG_EN, &e, NULL), 0);
	assert_int_equal(sn_estimate_phrase_scan("about 1,000", 7, SN_LANG_EN, &e, NULL), 7);
	assert_int_equal(e.low, 1);
}

static void
info_flags(void **state)
{
	sn_estimate e;
	sn_phrase_info info;
	sn_error	err;

	assert_true(sn_estimate_phrase_parse("about 1,000 troops", 18, SN_LANG_EN, &e, &info, &err));
	assert_true(info.nouns_consumed);
	assert_int_equal(info.nouns_start, 12);
	assert_false(info.bare_numeral);
	assert_true(sn_estimate_phrase_parse("undisclosed", 11, SN_LANG_EN, &e, &info, &err));
	assert_true(info.unknown);
	assert_true(sn_estimate_phrase_parse("300-400", 7, SN_LANG_EN, &e, &info, &err));
	assert_true(info.range);
	assert_true(sn_estimate_phrase_parse("des dizaines", 12, SN_LANG_FR, &e, &info, &err));
	assert_true(info.vague);
	assert_false(info.nouns_consumed);
}

/*
 * The scanner's quick test turns away a prefix word ("a", "in", "about",
 * "de") that no number or number word follows within a few words.  Every
 * prefix with every kind of quantity must still be read; the test fails if
 * the quick test turns one away (or if too few combinations parse at all).
 */
static void
check_prefixes(sn_lang lang, const char *const *prefixes, size_t np,
			   const char *const *quantities, size_t nq, size_t min_parsed)
{
	size_t		parsed = 0;

	for (size_t i = 0; i < np; i++)
		for (size_t j = 0; j < nq; j++)
		{
			char		phrase[128];
			sn_estimate e,
						scanned;
			sn_error	err;

			snprintf(phrase, sizeof(phrase), "%s %s", prefixes[i], quantities[j]);
			same_as_exhaustive(phrase, lang);
			if (!sn_estimate_phrase_parse(phrase, strlen(phrase), lang, &e, NULL, &err))
				continue;
			parsed++;
			if (!sn_estimate_phrase_may_begin(phrase, strlen(phrase), lang) ||
				sn_estimate_phrase_scan(phrase, strlen(phrase), lang, &scanned, NULL) == 0)
				fail_msg("the scanner's quick test turns away \"%s\"", phrase);
		}
	if (parsed < min_parsed)
		fail_msg("only %zu prefixed phrases parse", parsed);
}

static void
prefix_words_need_a_quantity(void **state)
{
	static const char *const en_prefixes[] = {
		"about", "around", "some", "nearly", "almost", "close to", "at least", "at most",
		"up to", "as many as", "in excess of", "more than", "less than", "fewer than",
		"over", "under", "above", "below", "no fewer than", "no more than", "a minimum of",
		"a maximum of", "an estimated", "an approximate", "between 3 and", "from 3 to",
		"between", "from", "upwards of"
	};
	static const char *const en_quantities[] = {
		"500", "1,000 troops", "five hundred", "a dozen", "a few", "a hundred",
		"a thousand", "dozens", "two million", "several", "half a dozen", "tens of thousands"
	};
	static const char *const fr_prefixes[] = {
		"environ", "pres de", "plus de", "moins de", "au moins", "au plus", "aux alentours de",
		"autour de", "a peu pres", "de 5 a", "entre 5 et", "quelque", "un peu plus de",
		"jusqu'a", "pas moins de", "un maximum de"
	};
	static const char *const fr_quantities[] = {
		"500", "1 000 soldats", "cinq cents", "une centaine", "des dizaines", "mille",
		"dizaines", "quelques centaines", "plusieurs milliers", "deux millions"
	};
	static const char *const not_phrases[] = {
		"a convoy", "in the north", "at the end of the day", "some peacekeepers remain",
		"about the attack", "de la ville", "plus tard", "an attack on", "between the towns"
	};

	check_prefixes(SN_LANG_EN, en_prefixes, sizeof(en_prefixes) / sizeof(en_prefixes[0]),
				   en_quantities, sizeof(en_quantities) / sizeof(en_quantities[0]), 200);
	check_prefixes(SN_LANG_FR, fr_prefixes, sizeof(fr_prefixes) / sizeof(fr_prefixes[0]),
				   fr_quantities, sizeof(fr_quantities) / sizeof(fr_quantities[0]), 80);
	for (size_t i = 0; i < sizeof(not_phrases) / sizeof(not_phrases[0]); i++)
		if (sn_estimate_phrase_may_begin(not_phrases[i], strlen(not_phrases[i]), SN_LANG_EN) ||
			sn_estimate_phrase_may_begin(not_phrases[i], strlen(not_phrases[i]), SN_LANG_FR))
			fail_msg("the quick test lets \"%s\" through", not_phrases[i]);
}

/*
 * Between a prefix word and its quantity come only words of the grammar: the
 * quick test stops at any other word, though a number follows within the
 * look-ahead's four tokens, and at a number glued to what follows ("at
 * 10:00"), which no quantity begins with; it lets the prefixes of more than
 * one word through.
 */
static void
prefix_stops_at_an_unknown_word(void **state)
{
	static const char *const not_phrases[] = {
		"a statement on 12 August", "in a statement on 12", "about the 3 towns",
		"at dawn, 45", "some villages near 3", "plus tard 45", "at 10:00 on Tuesday",
		"about 40% of the town", "in excess of 10km"
	};
	static const char *const phrases[] = {
		"in excess of 500", "as many as 300", "no fewer than 12", "an estimated 3,000",
		"approximately some 40", "pourrait depasser les 100", "un peu plus de 30",
		"aux alentours de 20", "an unknown number"
	};

	for (size_t i = 0; i < sizeof(not_phrases) / sizeof(not_phrases[0]); i++)
		for (int l = 0; l < 2; l++)
		{
			sn_lang		lang = l == 0 ? SN_LANG_EN : SN_LANG_FR;
			sn_estimate e;

			if (sn_estimate_phrase_may_begin(not_phrases[i], strlen(not_phrases[i]), lang))
				fail_msg("the quick test lets \"%s\" through", not_phrases[i]);
			assert_int_equal(sn_estimate_phrase_scan_exhaustive(not_phrases[i], strlen(not_phrases[i]),
																lang, &e, NULL), 0);
		}
	for (size_t i = 0; i < sizeof(phrases) / sizeof(phrases[0]); i++)
	{
		sn_lang		lang = i >= 5 && i <= 7 ? SN_LANG_FR : SN_LANG_EN;
		sn_estimate e;
		size_t		n = sn_estimate_phrase_scan_exhaustive(phrases[i], strlen(phrases[i]), lang,
														   &e, NULL);

		assert_true(n > 0);
		if (!sn_estimate_phrase_may_begin(phrases[i], strlen(phrases[i]), lang))
			fail_msg("the quick test turns \"%s\" away", phrases[i]);
		assert_int_equal(sn_estimate_phrase_scan(phrases[i], strlen(phrases[i]), lang, &e, NULL), n);
	}
}

/*
 * Every beginning before every quantity, then noun, read in lang and in other;
 * every ending after every beginning with one number (in lang); and, with no
 * beginnings, every ending after every quantity.  All pairs, not all triples,
 * to keep the test quick.
 */
static void
cross_with_quantities(const char *const *before, size_t nbefore,
					  const char *const *quantities, size_t nquantities,
					  const char *const *after, size_t nafter,
					  const char *noun, sn_lang lang, sn_lang other)
{
	char		text[256];

	for (size_t b = 0; b < nbefore; b++)
	{
		for (size_t q = 0; q < nquantities; q++)
		{
			snprintf(text, sizeof(text), "%s%s %s", before[b], quantities[q], noun);
			same_as_exhaustive(text, lang);
			same_as_exhaustive(text, other);
		}
		for (size_t a = 0; a < nafter; a++)
		{
			snprintf(text, sizeof(text), "%s12%s", before[b], after[a]);
			same_as_exhaustive(text, lang);
		}
	}
	if (nbefore > 0)
		return;
	for (size_t a = 0; a < nafter; a++)
		for (size_t q = 0; q < nquantities; q++)
		{
			snprintf(text, sizeof(text), "%s%s", quantities[q], after[a]);
			same_as_exhaustive(text, lang);
		}
}

/*
 * Every way the grammar begins a phrase (the words of its unknown,
 * approximate, comparison, range and postfix lists, symbols, numbers and
 * number words), before every kind of quantity, inside running text, read
 * in both languages: the shortcuts must change nothing.
 */
static void
shortcuts_read_what_the_grammar_reads(void **state)
{
	static const char *const en_before[] = {
		"", "about ", "around ", "some ", "approximately ", "approx. ", "roughly ",
		"an estimated ", "estimated ", "nearly ", "almost ", "close to ", "circa ",
		"an approximate ", "approximately some ", "roughly some ", "~", "~ ",
		"more than ", "over ", "above ", "upwards of ", "in excess of ", "exceeding ",
		"greater than ", "at least ", "no fewer than ", "no less than ", "not less than ",
		"not fewer than ", "a minimum of ", "up to ", "at most ", "no more than ",
		"not more than ", "as many as ", "a maximum of ", "fewer than ", "less than ",
		"under ", "below ", ">", ">= ", "<", "<=", "\xe2\x89\xa5", "\xe2\x89\xa4 ",
		"between ", "between 3 and ", "from ", "from 2 to ", "3 to ", "3-", "2..", "2..3..",
		"about between ", "nearly 3 to ", "in ", "at ", "a ", "the ", "in the ", "some of ",
	};
	static const char *const fr_before[] = {
		"", "environ ", "autour de ", "autour d'", "pres de ", "pr\xc3\xa8s d'", "quelque ",
		"approximativement ", "\xc3\xa0 peu pr\xc3\xa8s ", "presque ", "quasiment ",
		"pratiquement ", "aux alentours de ", "aux alentours d'", "grosso modo ",
		"un peu moins de ", "un peu moins d'", "un peu plus de ", "un peu plus d'",
		"plus de ", "plus d'", "au moins ", "pas moins de ", "pas moins d'", "au minimum ",
		"un minimum de ", "un minimum d'", "jusqu'\xc3\xa0 ", "jusqu\xe2\x80\x99" "a ", "au plus ",
		"au maximum ", "pas plus de ", "pas plus d'", "un maximum de ", "un maximum d'",
		"moins de ", "moins d'", "entre ", "entre 3 et ", "de ", "de 2 \xc3\xa0 ", "d'",
		"3 \xc3\xa0 ", "3-", "environ 3 \xc3\xa0 ", "en ", "la ", "des ", "les ", ">", "<= ", "~",
	};
	static const char *const en_quantities[] = {
		"", "?", "500", "1,000", "2 400", "1.5", "1.2 million", "1.2345 thousand", "two",
		"fifty-nine", "a hundred", "five hundred and two", "a dozen", "half a dozen",
		"a few", "a few hundred", "several", "several dozen", "dozens", "tens of thousands",
		"hundreds of thousands", "two million", "one thousand", "a thousand", "a million",
		"99999999999999999999", "9223372036854775807", "0", "10km", "40%", "10:30",
		"undisclosed", "unknown", "not known", "an undisclosed number", "unknown numbers",
		"many", "two dozen", "4 to 3", "2013-2022", "700..1000", "1..9..5", "thousands",
		"millions of", "billions", "unspecified", "undetermined number", "not disclosed",
	};
	static const char *const fr_quantities[] = {
		"", "?", "500", "1 000", "1.000", "1,000", "2,5 millions", "deux", "cinquante-neuf",
		"soixante-dix-sept", "quatre-vingt-onze", "vingt et un", "cent", "deux cents",
		"trois cent vingt", "mille", "deux mille trois cents", "une centaine", "des dizaines",
		"des centaines de milliers", "quelques centaines", "plusieurs milliers", "dizaines",
		"deux millions", "un millier", "inconnu", "non communiqu\xc3\xa9",
		"un nombre ind\xc3\xa9termin\xc3\xa9", "beaucoup", "deux centaines", "cents", "dix-sept",
		"des milliers", "des millions", "nombre inconnu", "inconnues", "non divulgu\xc3\xa9" "es",
	};
	static const char *const after[] = {
		"", " soldiers", " or more", " or so", "+", "-plus", " ou plus", " environ",
		" et moins", " to 9", " \xc3\xa0 9", ".", ", officials said",
	};

#define N(array) (sizeof(array) / sizeof(array[0]))
	cross_with_quantities(en_before, N(en_before), en_quantities, N(en_quantities), after, N(after),
						  "soldiers", SN_LANG_EN, SN_LANG_FR);
	cross_with_quantities(fr_before, N(fr_before), fr_quantities, N(fr_quantities), after, N(after),
						  "soldats", SN_LANG_FR, SN_LANG_EN);
	cross_with_quantities(NULL, 0, en_quantities, N(en_quantities), after, N(after),
						  NULL, SN_LANG_EN, SN_LANG_EN);
	cross_with_quantities(NULL, 0, fr_quantities, N(fr_quantities), after, N(after),
						  NULL, SN_LANG_FR, SN_LANG_FR);
#undef N
	/* running text, in the manner of a report */
	same_as_exhaustive("In 2019, at least 40 villagers and some 3,000 head of cattle were lost "
					   "in the raids; between 5 and 10 attackers, officials said, and "
					   "over a dozen vehicles. A convoy of 12 trucks left at 10:00.", SN_LANG_EN);
	same_as_exhaustive("En 2019, au moins 40 villageois et quelque 3 000 t\xc3\xaates de b\xc3\xa9tail "
					   "ont \xc3\xa9t\xc3\xa9 perdus ; entre 5 et 10 assaillants, plus d'une centaine "
					   "de v\xc3\xa9hicules, un nombre inconnu de bless\xc3\xa9s.", SN_LANG_FR);
}

/*
 * Hedged counts as analysts write them.  A hedged figure keeps the figure
 * as its best value; a bound on a collective is a round bound, not an
 * approximate one; "up to" is a cap, "as many as" the figure stressed.
 */
static void
hedged_counts(void **state)
{
	static const example en[] = {
		{"could exceed 60 dead", "60..60.."}, {"may exceed 1,000", "1000..1000.."},
		{"might top 200 displaced", "200..200.."}, {"as many as 300", "0..300..300"},
		{"up to 300", "<=300"}, {"at least a dozen", ">=12"}, {"more than a hundred", ">=101"},
		{"exceeding 60", ">=61"}, {"about a dozen", "~12"},
	};
	static const example fr[] = {
		{"pourrait d\u00e9passer les 60 morts", "60..60.."},
		{"pourraient d\u00e9passer 1 000 morts", "1000..1000.."},
		{"plus d'une centaine", ">=101"}, {"plus d'une centaine de civils", ">=101"},
		{"au moins une dizaine", ">=10"}, {"une centaine", "~100"}, {"jusqu'\u00e0 300", "<=300"},
	};

	check_examples(SN_LANG_EN, en, sizeof(en) / sizeof(en[0]));
	check_examples(SN_LANG_FR, fr, sizeof(fr) / sizeof(fr[0]));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(prefix_words_need_a_quantity),
		cmocka_unit_test(prefix_stops_at_an_unknown_word),
		cmocka_unit_test(hedged_counts),
		cmocka_unit_test(english_report_phrases),
		cmocka_unit_test(french_report_phrases),
		cmocka_unit_test(vague_words_follow_one_convention),
		cmocka_unit_test(more_english),
		cmocka_unit_test(more_french),
		cmocka_unit_test(decimal_marks_follow_the_language),
		cmocka_unit_test(refusals),
		cmocka_unit_test(scan_reads_the_longest_phrase_at_a_position),
		cmocka_unit_test(scan_reads_only_len_bytes),
		cmocka_unit_test(info_flags),
		cmocka_unit_test(shortcuts_read_what_the_grammar_reads),
	};

	return cmocka_run_group_tests_name("estimate_phrase", tests, NULL, NULL);
}
