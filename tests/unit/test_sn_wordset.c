/*
 * tests/unit/test_sn_wordset.c — the word sets the phrase readers look
 * words up in (extension/core/sn_wordset.c): membership, whole words only,
 * duplicates kept once, and the readers' tables.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "edtf_phrase.h"
#include "estimate_phrase.h"
#include "sn_wordset.h"
#include "unit_helpers.h"

static void
members_and_non_members(void **state)
{
	static const char *const groups[] = {" about around some ", "d' de des ", "about", NULL};
	sn_wordset	set = SN_WORDSET(groups);

	assert_true(sn_wordset_has(&set, "about", 5));
	assert_true(sn_wordset_has(&set, "some", 4));
	assert_true(sn_wordset_has(&set, "d'", 2));
	assert_true(sn_wordset_has(&set, "des", 3));
	/* whole words only: no prefix, no suffix, no empty word */
	assert_false(sn_wordset_has(&set, "abou", 4));
	assert_false(sn_wordset_has(&set, "abouts", 6));
	assert_false(sn_wordset_has(&set, "d", 1));
	assert_false(sn_wordset_has(&set, "", 0));
	/* n counts: "aroundabout" read as its first 6 bytes is "around" */
	assert_true(sn_wordset_has(&set, "aroundabout", 6));
	/* a word given twice is one word */
	assert_int_equal(sn_wordset_size(&set), 6);
}

static void
many_words(void **state)
{
	static char words[8000];
	static const char *groups[2] = {words, NULL};
	sn_wordset	set = SN_WORDSET(groups);
	size_t		p = 0;
	char		w[16];

	for (int i = 0; i < 900; i++)
		p += (size_t) snprintf(words + p, sizeof(words) - p, "w%d ", i);
	assert_int_equal(sn_wordset_size(&set), 900);
	for (int i = 0; i < 900; i++)
	{
		snprintf(w, sizeof(w), "w%d", i);
		assert_true(sn_wordset_has(&set, w, strlen(w)));
	}
	assert_false(sn_wordset_has(&set, "w900", 4));
}

/* The readers' tables: the words that can begin a quantity or a date. */
static void
phrase_starters(void **state)
{
	assert_texts(sn_estimate_phrase_word_may_begin, true, "about", "dozens", "jusqu'",
				 "a" /* one-letter words pass the quick filter */ );
	/* a collective begins a phrase only after "des" ("des dizaines"): not alone */
	assert_texts(sn_estimate_phrase_word_may_begin, false, "dizaines", "troops", "the", "x");
	assert_texts(sn_date_phrase_word_may_begin, true, "last", "fevrier");
	assert_texts(sn_date_phrase_word_may_begin, false, "troops", "ago");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(members_and_non_members),
		cmocka_unit_test(many_words),
		cmocka_unit_test(phrase_starters),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
