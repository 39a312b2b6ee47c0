/*
 * tests/unit/test_phrase_first_sets.c — the phrase readers' first sets: the
 * words a quantity (estimate_phrase.c) or a date (edtf_phrase.c) can begin
 * with, which annotate asks before calling a reader
 * (sn_estimate_phrase_word_may_begin, sn_date_phrase_word_may_begin).
 *
 * Each reader derives its first set from its grammar's tables when it fills
 * them.  This test does not trust that derivation: it takes every word the
 * grammar's source file writes (every word inside a string literal of the
 * .c file: list entries, words the code compares a token with, month
 * names...), reads phrases beginning with each of them with the exhaustive
 * reader (which has no first-set shortcut), and fails when one begins a
 * phrase while the word test turns it away.  A starter word added to a
 * grammar, in a table or in code, with a first set that does not follow,
 * fails here.
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
#include "estimate_phrase.h"

#ifndef SN_SOURCE_DIR
#error "SN_SOURCE_DIR (the source tree) is defined by the Makefile"
#endif

#define MAX_WORDS 1024
#define WORD_MAX 24

typedef struct words
{
	char		w[MAX_WORDS][WORD_MAX];
	int			n;
} words;

static void
add_word(words *ws, const char *w, size_t n)
{
	if (n == 0 || n >= WORD_MAX)
		return;
	for (int k = 0; k < ws->n; k++)
		if (strlen(ws->w[k]) == n && memcmp(ws->w[k], w, n) == 0)
			return;
	if (ws->n == MAX_WORDS)
		fail_msg("more than %d words in string literals: raise MAX_WORDS", MAX_WORDS);
	memcpy(ws->w[ws->n], w, n);
	ws->w[ws->n][n] = '\0';
	ws->n++;
}

/*
 * The words (lower-case ASCII letters, with an apostrophe at the end of an
 * elision: "d'", "jusqu'") of every string literal of a C file; comments and
 * character literals are skipped, an escape ends a word.
 */
static void
literal_words(const char *file, words *ws)
{
	char		path[4096];
	FILE	   *f;
	static char src[1 << 20];
	size_t		len;

	snprintf(path, sizeof(path), "%s/extension/core/%s", SN_SOURCE_DIR, file);
	f = fopen(path, "r");
	if (f == NULL)
		fail_msg("cannot read %s", path);
	len = fread(src, 1, sizeof(src) - 1, f);
	fclose(f);
	src[len] = '\0';
	ws->n = 0;
	for (size_t i = 0; i < len; i++)
	{
		if (src[i] == '/' && src[i + 1] == '*')
		{
			char	   *e = strstr(src + i + 2, "*/");

			i = e ? (size_t) (e - src) + 1 : len;
		}
		else if (src[i] == '/' && src[i + 1] == '/')
		{
			while (i < len && src[i] != '\n')
				i++;
		}
		else if (src[i] == '\'')
		{
			/* a character literal: 'a', '\'' */
			i += src[i + 1] == '\\' ? 3 : 2;
		}
		else if (src[i] == '"')
		{
			size_t		start = i + 1;

			for (i = start; i < len && src[i] != '"'; i++)
			{
				if (src[i] == '\\')
				{
					add_word(ws, src + start, i - start);
					i++;		/* the escaped character */
					if (src[i] == 'x')
						while (i + 1 < len && strchr("0123456789abcdefABCDEF", src[i + 1]))
							i++;
					start = i + 1;
				}
				else if (!(src[i] >= 'a' && src[i] <= 'z'))
				{
					/* an apostrophe ends an elision's word and belongs to it */
					add_word(ws, src + start, i - start + (src[i] == '\'' ? 1 : 0));
					start = i + 1;
				}
			}
			add_word(ws, src + start, i - start);
		}
	}
	if (ws->n < 100)
		fail_msg("only %d words in the string literals of %s", ws->n, path);
}

typedef bool (*reads_fn) (const char *text, sn_lang lang);
typedef bool (*word_test_fn) (const char *w, size_t n);

static bool
quantity_reads(const char *text, sn_lang lang)
{
	sn_estimate e;

	return sn_estimate_phrase_scan_exhaustive(text, strlen(text), lang, &e, NULL) > 0;
}

static bool
date_reads(const char *text, sn_lang lang)
{
	static const sn_civil_date ref = {2022, 8, 15};
	sn_edtf		d;
	size_t		n = sn_date_phrase_scan_exhaustive(text, strlen(text), &ref, lang, &d);

	if (n == SIZE_MAX)
		fail_msg("\"%s\" (%s): the date grammar compares a word its vocabulary lacks",
				 text, sn_lang_code(lang));
	return n > 0;
}

/*
 * What may follow a first word in a phrase: nothing, numbers as quantities
 * and dates write them, and each word of the grammar, alone or before a
 * number (two-word prefixes: "more than 500", "il y", "the 1990s"...).
 */
static const char *const tails[] = {"", " 500", " 12", " 2020", " 1990s", " 3 and 5"};

/*
 * Does a phrase begin with w (read by the exhaustive reader, in either
 * language)?  The first text that shows it is written to shown.
 */
static bool
begins_a_phrase(const char *w, const words *ws, reads_fn reads, char *shown, size_t size)
{
	for (int l = 0; l < 2; l++)
	{
		sn_lang		lang = l == 0 ? SN_LANG_EN : SN_LANG_FR;

		for (size_t t = 0; t < sizeof(tails) / sizeof(tails[0]); t++)
		{
			snprintf(shown, size, "%s%s", w, tails[t]);
			if (reads(shown, lang))
				return true;
			for (int k = 0; k < ws->n; k++)
			{
				snprintf(shown, size, "%s %s%s", w, ws->w[k], tails[t]);
				if (reads(shown, lang))
					return true;
			}
		}
	}
	return false;
}

/* Every word of file's literals that begins a phrase passes the word test. */
static void
first_set_holds(const char *file, reads_fn reads, word_test_fn may_begin, int min_starters)
{
	static words ws;
	int			starters = 0;

	literal_words(file, &ws);
	for (int k = 0; k < ws.n; k++)
	{
		char		shown[128];

		if (!begins_a_phrase(ws.w[k], &ws, reads, shown, sizeof(shown)))
			continue;
		starters++;
		if (!may_begin(ws.w[k], strlen(ws.w[k])))
			fail_msg("%s: \"%s\" is read as a phrase, but the first set lacks \"%s\"",
					 file, shown, ws.w[k]);
	}
	/* the probes find the starters at all (a broken probe would pass everything) */
	if (starters < min_starters)
		fail_msg("%s: only %d words begin a phrase", file, starters);
}

static void
quantity_first_set_is_the_grammars(void **state)
{
	first_set_holds("estimate_phrase.c", quantity_reads, sn_estimate_phrase_word_may_begin, 100);
}

static void
date_first_set_is_the_grammars(void **state)
{
	first_set_holds("edtf_phrase.c", date_reads, sn_date_phrase_word_may_begin, 60);
}

/* After a prefix word, besides the tails: a mark, then a number ("approx. 300") */
static const char *const marks[] = {".", ",", ":", ";", "-", "/", "(", ")", "'", "\""};

/*
 * Can a phrase do without a prefix's look-ahead after w, in either language:
 * is "w" alone, or "w X" for a word X of the grammar that goes on to nothing
 * (no SN_WORD_GOES_ON class), read as a quantity, or "w" before a mark and a
 * number, where the look-ahead stops?  The first text that shows it is
 * written to shown.
 */
static bool
ends_before_a_count(const char *w, const words *ws, char *shown, size_t size)
{
	for (int l = 0; l < 2; l++)
	{
		sn_lang		lang = l == 0 ? SN_LANG_EN : SN_LANG_FR;

		snprintf(shown, size, "%s", w);
		if (quantity_reads(shown, lang))
			return true;
		for (size_t t = 0; t < sizeof(marks) / sizeof(marks[0]); t++)
		{
			snprintf(shown, size, "%s%s 500", w, marks[t]);
			if (quantity_reads(shown, lang))
				return true;
		}
		for (int k = 0; k < ws->n; k++)
		{
			if (sn_estimate_phrase_word_class(ws->w[k], strlen(ws->w[k]), lang) & SN_WORD_GOES_ON)
				continue;
			snprintf(shown, size, "%s %s", w, ws->w[k]);
			if (quantity_reads(shown, lang))
				return true;
		}
	}
	return false;
}

/*
 * The one starter that ends no phrase and yet is no prefix word: "half"
 * ("half a dozen") is a word of a count, which a prefix goes on to: "in
 * excess of half a million" has its scale word fifth, beyond the
 * look-ahead's window, and is read because "half" goes on.
 */
static bool
is_count_word(const char *w)
{
	return strcmp(w, "half") == 0;
}

/*
 * The quantity reader's prefix words (SN_WORD_PREFIX: "about", "at", "a",
 * "de"), which its quick test and annotate's look-ahead pass only where a
 * number or a word that goes on follows, are computed from its grammar
 * when the word table is filled.  Checked here against the exhaustive
 * reader, over every word of the grammar's source:
 *  - every phrase the exhaustive reader finds at a prefix word (alone, or
 *    before any word of the grammar, before nothing or a number, or before
 *    a mark and a number) passes the quick test: a prefix word too many
 *    would lose phrases;
 *  - a starter after which no phrase ends before a number or a word that
 *    goes on (neither alone nor before a word that goes on to nothing), nor
 *    goes on past a mark, is a prefix word, unless it is itself a word that a prefix goes on to
 *    ("half", "a few" reads "few"): a prefix word the grammar gains and the
 *    computed set misses fails here.
 */
static void
quantity_prefix_words_are_the_grammars(void **state)
{
	static words ws;
	int			prefixes = 0;

	literal_words("estimate_phrase.c", &ws);
	for (int k = 0; k < ws.n; k++)
	{
		const char *w = ws.w[k];
		size_t		n = strlen(w);
		char		shown[128];
		bool		prefix = (sn_estimate_phrase_word_class(w, n, SN_LANG_EN) & SN_WORD_PREFIX) != 0;

		if (!sn_estimate_phrase_word_may_begin(w, n))
			continue;
		if (prefix)
		{
			prefixes++;
			for (int l = 0; l < 2; l++)
			{
				sn_lang		lang = l == 0 ? SN_LANG_EN : SN_LANG_FR;

				for (size_t t = 0; t < sizeof(marks) / sizeof(marks[0]); t++)
				{
					snprintf(shown, sizeof(shown), "%s%s 500", w, marks[t]);
					if (quantity_reads(shown, lang) &&
						!sn_estimate_phrase_may_begin(shown, strlen(shown), lang))
						fail_msg("\"%s\" (%s) is read as a quantity, but \"%s\" is a prefix word "
								 "and the quick test turns it away",
								 shown, sn_lang_code(lang), w);
				}
				for (size_t t = 0; t < sizeof(tails) / sizeof(tails[0]); t++)
					for (int x = -1; x < ws.n; x++)
					{
						if (x < 0)
							snprintf(shown, sizeof(shown), "%s%s", w, tails[t]);
						else
							snprintf(shown, sizeof(shown), "%s %s%s", w, ws.w[x], tails[t]);
						if (quantity_reads(shown, lang) &&
							!sn_estimate_phrase_may_begin(shown, strlen(shown), lang))
							fail_msg("\"%s\" (%s) is read as a quantity, but \"%s\" is a prefix word "
									 "and the quick test turns it away",
									 shown, sn_lang_code(lang), w);
					}
			}
		}
		else if (!is_count_word(w) && !ends_before_a_count(w, &ws, shown, sizeof(shown)))
			fail_msg("a quantity always goes on after \"%s\" to a number or a word that goes on, "
					 "but \"%s\" is not a prefix word", w, w);
	}
	if (prefixes < 40)
		fail_msg("only %d prefix words", prefixes);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(quantity_first_set_is_the_grammars),
		cmocka_unit_test(date_first_set_is_the_grammars),
		cmocka_unit_test(quantity_prefix_words_are_the_grammars),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
