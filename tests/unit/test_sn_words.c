/*
 * tests/unit/test_sn_words.c — the words of a text (extension/core/sn_words.c),
 * the one tokenizer of the name matcher and annotate: where words begin and
 * end (in bytes and characters), what joins and what separates them, the
 * plain words the phrase readers' word tests take, invalid UTF-8, and the
 * same words whether read whole or a few at a time.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "matcher.h"
#include "sn_words.h"

/* The words of s, read whole */
static sn_words
words_of(const char *s, size_t len)
{
	sn_words	w = {0};
	sn_error	err;

	assert_true(sn_words_read(s, len, NULL, NULL, NULL, &w, &err));
	return w;
}

static void
assert_word(const sn_words *w, size_t k, size_t sb, size_t eb, size_t sc, size_t ec, uint32_t flags)
{
	assert_true(k < w->n);
	assert_int_equal(w->items[k].start_byte, sb);
	assert_int_equal(w->items[k].end_byte, eb);
	assert_int_equal(w->items[k].start_char, sc);
	assert_int_equal(w->items[k].end_char, ec);
	assert_int_equal(w->items[k].flags, flags);
}

static void
words_and_gaps(void **state)
{
	/* "Troops left Gao, 1,000 of them" */
	const char *s = "Troops left Gao, 1,000 of them";
	sn_words	w = words_of(s, strlen(s));

	assert_int_equal(w.n, 7);
	assert_word(&w, 0, 0, 6, 0, 6, SN_WORD_PLAIN);
	assert_word(&w, 1, 7, 11, 7, 11, SN_WORD_PLAIN);
	assert_word(&w, 2, 12, 15, 12, 15, SN_WORD_PLAIN);
	assert_word(&w, 3, 17, 18, 17, 18, SN_WORD_DIGIT);
	assert_word(&w, 4, 19, 22, 19, 22, SN_WORD_DIGIT);
	assert_word(&w, 5, 23, 25, 23, 25, SN_WORD_PLAIN);
	assert_word(&w, 6, 26, 30, 26, 30, SN_WORD_PLAIN);
	sn_words_free(NULL, &w);
}

static void
letters_beyond_ascii(void **state)
{
	/* "Ségou – Mopti": é is 2 bytes, the en dash 3; "Mali’s": the apostrophe is a gap */
	const char *s = "S\xc3\xa9gou \xe2\x80\x93 Mopti Mali\xe2\x80\x99s 10km x'y";
	sn_words	w = words_of(s, strlen(s));

	assert_int_equal(w.n, 7);
	/* not plain: a letter beyond ASCII */
	assert_word(&w, 0, 0, 6, 0, 5, 0);
	assert_word(&w, 1, 11, 16, 8, 13, SN_WORD_PLAIN);
	/* not plain: a character beyond ASCII after it */
	assert_word(&w, 2, 17, 21, 14, 18, 0);
	assert_word(&w, 3, 24, 25, 19, 20, SN_WORD_PLAIN);
	/* letters and digits are one word, not plain */
	assert_word(&w, 4, 26, 30, 21, 25, SN_WORD_DIGIT);
	/* a plain word ends before an ASCII apostrophe, and is not plain */
	assert_word(&w, 5, 31, 32, 26, 27, 0);
	assert_word(&w, 6, 33, 34, 28, 29, SN_WORD_PLAIN);
	sn_words_free(NULL, &w);
}

static void
invisible_characters(void **state)
{
	/* a soft hyphen inside a word joins it; after the word it is no part of it */
	const char *s = "Tom\xc2\xad" "bouctou Kidal\xc2\xad. a\0b c";
	size_t		len = 27;
	sn_words	w = words_of(s, len);

	assert_int_equal(w.n, 5);
	assert_word(&w, 0, 0, 12, 0, 11, 0);
	assert_word(&w, 1, 13, 18, 12, 17, 0);
	/* a NUL separates words, which annotate takes as one (JOINED) */
	assert_word(&w, 2, 22, 23, 20, 21, SN_WORD_PLAIN);
	assert_word(&w, 3, 24, 25, 22, 23, SN_WORD_PLAIN | SN_WORD_JOINED);
	assert_word(&w, 4, 26, 27, 24, 25, SN_WORD_PLAIN);
	sn_words_free(NULL, &w);
}

static void
invalid_utf8_is_refused(void **state)
{
	const char *s = "Gao \xff Kidal";
	sn_words	w = {0};
	sn_word_reader r;
	sn_word		buf[8];
	sn_error	err;

	assert_false(sn_words_read(s, strlen(s), NULL, NULL, NULL, &w, &err));
	assert_int_equal(err.status, SN_ERR_SYNTAX);
	assert_int_equal(err.position, 4);
	sn_words_free(NULL, &w);
	/* read a few at a time, the words before the bad byte come first */
	sn_words_begin(&r, s, strlen(s));
	assert_int_equal(sn_words_next(&r, buf, 8), 1);
	assert_true(r.bad);
	assert_int_equal(r.bad_byte, 4);
}

/* The same words, read whole or a few at a time, on a text of every kind of character */
static void
whole_or_a_few_at_a_time(void **state)
{
	static const char *const pieces[] = {
		"Gao", " ", "S\xc3\xa9gou", ", ", "1,000", "\xc2\xad", "\xc2\xa0", "N\xe2\x80\x99" "Djamena",
		"(", "UN", ")", "\xc5\x93uvre", "\xe2\x80\x93", "x", "2022", "'", "e\xcc\x81", "\t", "\xe6\x97\xa5"
	};
	char		text[4096];
	size_t		len = 0;
	sn_words	whole;
	unsigned	seed = 12345;

	while (len < sizeof(text) - 16)
	{
		const char *p;

		seed = seed * 1103515245u + 12345u;
		p = pieces[(seed >> 16) % (sizeof(pieces) / sizeof(pieces[0]))];
		memcpy(text + len, p, strlen(p));
		len += strlen(p);
	}
	whole = words_of(text, len);
	for (size_t step = 1; step <= 7; step += 3)
	{
		sn_word_reader r;
		sn_word		buf[7];
		size_t		k = 0,
					got;

		sn_words_begin(&r, text, len);
		while ((got = sn_words_next(&r, buf, step)) > 0)
			for (size_t j = 0; j < got; j++, k++)
			{
				const sn_word *x = &whole.items[k];

				assert_true(k < whole.n);
				assert_word(&whole, k, buf[j].start_byte, buf[j].end_byte,
							buf[j].start_char, buf[j].end_char, buf[j].flags);
				assert_true(x->end_byte > x->start_byte);
			}
		assert_false(r.bad);
		assert_int_equal(k, whole.n);
	}
	sn_words_free(NULL, &whole);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(words_and_gaps),
		cmocka_unit_test(letters_beyond_ascii),
		cmocka_unit_test(invisible_characters),
		cmocka_unit_test(invalid_utf8_is_refused),
		cmocka_unit_test(whole_or_a_few_at_a_time),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
