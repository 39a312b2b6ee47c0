/*
 * tests/unit/test_sn_text.c — UTF-8 decoding and folding shared by all readers.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "sn_text.h"
#include "unit_helpers.h"

#define fold(s) rewritten(sn_fold_string, (s))

static void
folding_ignores_case_accents_and_typography(void **state)
{
	static const unit_case cases[] = {
		{"C\xc3\xb4te d\xe2\x80\x99Ivoire", "cote d'ivoire"},
		{"COTE D'IVOIRE", "cote d'ivoire"},
		{"Ao\xc3\xbbt F\xc3\x89VRIER", "aout fevrier"},
		{"T\xc3\xbcrkiye", "turkiye"},
		{"\xc3\x85land", "aland"},
		/* ligatures and sharp s are spelled out */
		{"c\xc5\x93ur \xc5\x92uvre Stra\xc3\x9f" "e", "coeur oeuvre strasse"},
		/* French thousands separator (narrow no-break space) and no-break space */
		{"1\xe2\x80\xaf" "000 et 2\xc2\xa0" "400", "1 000 et 2 400"},
		/* en dash and curly quotes */
		{"700\xe2\x80\x93" "1000 \xe2\x80\x9cx\xe2\x80\x9d", "700-1000 \"x\""},
	};

	assert_rewrites(sn_fold_string, cases);
}

static void
folding_latin_extended_a(void **state)
{
	/* Ł Œ Š Ž İ ı Ÿ ſ Ğ ł ń */
	assert_string_equal(fold("\xc5\x81\xc5\x92\xc5\xa0\xc5\xbd\xc4\xb0\xc4\xb1\xc5\xb8\xc5\xbf\xc4\x9e\xc5\x82\xc5\x84"),
						"loeszii" "ysgln");
}

static void
folding_drops_invisible_and_combining_characters(void **state)
{
	/* e + combining acute (NFD) folds like precomposed é */
	assert_string_equal(fold("Mope\xcc\x81" "ti"), "mopeti");
	/* soft hyphen and zero-width space disappear */
	assert_string_equal(fold("Ni\xc2\xad" "ger\xe2\x80\x8b"), "niger");
}

static void
invalid_utf8_is_refused(void **state)
{
	char		buf[16];
	uint32_t	cp;

	assert_int_equal(sn_fold_string("a\xff", 2, buf, sizeof(buf)), (size_t) -1);
	assert_int_equal(sn_utf8_decode("\xc0\xaf", 2, &cp), 0);	/* overlong '/' */
	assert_int_equal(sn_utf8_decode("\xed\xa0\x80", 3, &cp), 0);	/* surrogate */
	assert_int_equal(sn_utf8_decode("\xe2\x80", 2, &cp), 0);	/* truncated */
	assert_int_equal(sn_utf8_decode("\xf4\x90\x80\x80", 4, &cp), 0);	/* > U+10FFFF */
	assert_int_equal(sn_utf8_decode("\xf0\x9f\x98\x80", 4, &cp), 4);
	assert_int_equal(cp, 0x1F600);
}

static void
encode_then_decode_round_trips(void **state)
{
	const uint32_t samples[] = {0x41, 0xE9, 0x7FF, 0x800, 0x2019, 0xFFFD, 0x10000, 0x10FFFF};

	for (size_t i = 0; i < sizeof(samples) / sizeof(samples[0]); i++)
	{
		char		buf[4];
		uint32_t	back;
		int			n = sn_utf8_encode(samples[i], buf);

		assert_int_equal(sn_utf8_decode(buf, (size_t) n, &back), n);
		assert_int_equal(back, samples[i]);
	}
}

static void
fold_string_reports_the_length_it_needs(void **state)
{
	assert_truncates(sn_fold_string, "Burkina", "burkina");
}

static void
word_characters(void **state)
{
	assert_true(sn_is_word_char('a'));
	assert_true(sn_is_word_char('7'));
	assert_true(sn_is_word_char(0x0644));	/* Arabic lam */
	assert_false(sn_is_word_char('\''));
	assert_false(sn_is_word_char('-'));
	assert_false(sn_is_word_char(0xB0));	/* degree sign */
	assert_false(sn_is_word_char(0x2026));	/* ellipsis */
}

static void
language_names(void **state)
{
	sn_lang		lang;

	assert_true(sn_lang_from_string(" FR ", 4, &lang));
	assert_int_equal(lang, SN_LANG_FR);
	assert_true(sn_lang_from_string("fran\xc3\xa7" "ais", 9, &lang));
	assert_int_equal(lang, SN_LANG_FR);
	assert_true(sn_lang_from_string("English", 7, &lang));
	assert_int_equal(lang, SN_LANG_EN);
	assert_false(sn_lang_from_string("de", 2, &lang));
	assert_false(sn_lang_from_string("", 0, &lang));
	assert_string_equal(sn_lang_code(SN_LANG_FR), "fr");
}

static void
char_count(void **state)
{
	assert_int_equal(sn_utf8_char_count("", 0), 0);
	assert_int_equal(sn_utf8_char_count("Mali", 4), 4);
	assert_int_equal(sn_utf8_char_count("N\u2019Djam\u00e9na", 13), 10);
	assert_int_equal(sn_utf8_char_count("2\u00a0400", 6), 5);
	assert_int_equal(sn_utf8_char_count("\xf0\x9f\x98\x80!", 5), 2);	/* one 4-byte character */
	assert_int_equal(sn_utf8_char_count("a\xa0" "b", 3), 3);	/* a lone byte of another encoding */
	assert_int_equal(sn_utf8_char_count("\xe2\x80", 2), 2);	/* a cut sequence: its bytes */
}

/*
 * sn_decode_fold, the step every reader of text takes, gives what decoding
 * then folding give, for every code point (ASCII, by its own path, too), and
 * 0 at the end of the text or at a bad or truncated sequence.
 */
static void
decode_fold_is_decode_then_fold(void **state)
{
	static const char *const bad[] = {"\x80", "\xC3", "\xE2\x80", "\xC0\xAF", "\xED\xA0\x80", "\xF5\x80\x80\x80"};

	for (uint32_t c = 1; c <= 0x10FFFF; c++)
	{
		char		buf[4];
		uint32_t	cp = 0,
					f[SN_FOLD_MAX],
					g[SN_FOLD_MAX];
		int			nf = -1,
					ng,
					n;

		if (c >= 0xD800 && c <= 0xDFFF)
			continue;
		n = sn_utf8_encode(c, buf);
		assert_int_equal(sn_decode_fold(buf, (size_t) n, &cp, f, &nf), n);
		assert_int_equal(cp, c);
		ng = sn_fold_char(c, g);
		assert_int_equal(nf, ng);
		for (int k = 0; k < ng; k++)
			assert_int_equal(f[k], g[k]);
	}
	for (size_t k = 0; k < sizeof(bad) / sizeof(bad[0]); k++)
	{
		uint32_t	cp,
					f[SN_FOLD_MAX];
		int			nf;

		assert_int_equal(sn_decode_fold(bad[k], strlen(bad[k]), &cp, f, &nf), 0);
	}
	{
		uint32_t	cp,
					f[SN_FOLD_MAX];
		int			nf;

		assert_int_equal(sn_decode_fold("A", 0, &cp, f, &nf), 0);
		assert_int_equal(sn_decode_fold("`", 1, &cp, f, &nf), 1);
		assert_int_equal(f[0], '\'');
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(folding_ignores_case_accents_and_typography),
		cmocka_unit_test(folding_latin_extended_a),
		cmocka_unit_test(folding_drops_invisible_and_combining_characters),
		cmocka_unit_test(invalid_utf8_is_refused),
		cmocka_unit_test(encode_then_decode_round_trips),
		cmocka_unit_test(fold_string_reports_the_length_it_needs),
		cmocka_unit_test(word_characters),
		cmocka_unit_test(language_names),
		cmocka_unit_test(char_count),
		cmocka_unit_test(decode_fold_is_decode_then_fold),
	};

	return cmocka_run_group_tests_name("sn_text", tests, NULL, NULL);
}
