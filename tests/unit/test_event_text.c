/*
 * tests/unit/test_event_text.c — the content words of an event's
 * description and what two descriptions share (extension/core/event_text.c).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "event_text.h"
#include "unit_helpers.h"

static uint64_t words_a[SN_TEXT_MAX_WORDS];
static uint64_t words_b[SN_TEXT_MAX_WORDS];

static size_t
words(const char *text, const char *exclude, uint64_t *out)
{
	return sn_text_words(text, strlen(text), exclude, exclude ? strlen(exclude) : 0, out);
}

/* the shared words of a and b as a's text lists them */
static const char *
shared_list(const char *a, const char *a_exclude, const char *b, const char *b_exclude)
{
	static char buf[256];
	size_t		nb = words(b, b_exclude, words_b);

	sn_text_shared_list(a, strlen(a), a_exclude, a_exclude ? strlen(a_exclude) : 0, words_b, nb, NULL, 0,
						buf, sizeof(buf));
	return buf;
}

static void
test_content_words(void **state)
{
	/* four bytes or more, not all digits, not common: convoy, journalists, kubri, modabal */
	assert_int_equal(words("13 people killed, including 5 journalists, when gunmen opened fire on a "
						   "2-car convoy at Kubri Modabal in 2015", NULL, words_a), 4);
	/* case and punctuation do not matter, repeats count once */
	assert_int_equal(words("CONVOY; convoy... Convoy!", NULL, words_a), 1);
	/* the excluded text's words are left out, common or not */
	assert_int_equal(words("Shelling of the Benghazi port by Haftar's forces", "Benghazi port Haftar", words_a), 1);
	/* nothing left */
	assert_int_equal(words("", NULL, words_a), 0);
	assert_int_equal(words("killed in clashes with the army in the town", NULL, words_a), 0);
	/* words of any script, folded: accents do not matter */
	assert_int_equal(words("Ségou, Tombouctou", NULL, words_a), 2);
	assert_int_equal(words("S\xc3\xa9gou", "SEGOU", words_a), 0);
	assert_int_equal(words("ambush near SÉGOU", NULL, words_a), 2);
	assert_int_equal(words("ambush segou", NULL, words_b), 2);
	assert_int_equal(sn_text_shared(words_a, 2, words_b, 2), 2);
	/* a text that is not UTF-8 is read up to its first bad byte */
	assert_int_equal(words("convoy \xff embassy", NULL, words_a), 1);
}

static void
test_sorted_unique(void **state)
{
	size_t		n = words("zulu alpha mike alpha zulu bravo", NULL, words_a);

	assert_int_equal(n, 4);
	for (size_t i = 1; i < n; i++)
		assert_true(words_a[i - 1] < words_a[i]);
}

static void
test_capped(void **state)
{
	char		text[SN_TEXT_MAX_WORDS * 2 * 8];
	size_t		len = 0;

	/* twice as many distinct words as are kept */
	for (int i = 0; i < SN_TEXT_MAX_WORDS * 2; i++)
		len += (size_t) snprintf(text + len, sizeof(text) - len, "w%c%c%c ",
								 'a' + i % 26, 'a' + (i / 26) % 26, 'a' + i / 676);
	assert_int_equal(sn_text_words(text, len, NULL, 0, words_a), SN_TEXT_MAX_WORDS);
}

static void
test_shared(void **state)
{
	size_t		na = words("Gunmen ambushed the commissioner's convoy; four journalists among the dead", NULL, words_a);
	size_t		nb = words("Assailants opened fire on the convoy of the county commissioner; journalists were killed",
					   NULL, words_b);

	/* convoy, journalists, commissioner */
	assert_int_equal(sn_text_shared(words_a, na, words_b, nb), 3);
	assert_int_equal(sn_text_shared(words_b, nb, words_a, na), 3);
	assert_int_equal(sn_text_shared(words_a, na, words_b, 0), 0);
	assert_int_equal(sn_text_shared(words_a, 0, words_b, nb), 0);
}

static void
test_shared_except(void **state)
{
	uint64_t	a[4] = {1, 3, 5, 7};
	uint64_t	b[4] = {3, 4, 5, 7};
	uint64_t	skip[2] = {5, 9};
	uint64_t	both[4];

	assert_int_equal(sn_text_shared_except(a, 4, b, 4, skip, 2), 2);	/* 3 and 7 */
	assert_int_equal(sn_text_shared_except(a, 4, b, 4, NULL, 0), 3);
	assert_int_equal(sn_text_intersect(a, 4, b, 4, both), 3);
	assert_true(both[0] == 3 && both[1] == 5 && both[2] == 7);
	assert_int_equal(sn_text_intersect(a, 4, b, 0, both), 0);
}

static void
test_shared_list(void **state)
{
	/* in the order of the first text, each once, lower case */
	assert_string_equal(shared_list("Journalists in a convoy; the convoy's journalists", NULL,
									"convoy carrying journalists", NULL), "journalists convoy");
	/* words of the first text's excluded text are not listed */
	assert_string_equal(shared_list("Attack on the Egyptian embassy in Tripoli", "Tripoli",
									"Egyptian embassy in Tripoli bombed", NULL), "egyptian embassy");
	/* words of the skip list are not listed */
	{
		char		buf[64];
		uint64_t	skip[1];
		size_t		nb = words("Egyptian embassy bombed", NULL, words_b);

		assert_int_equal(words("embassy", NULL, skip), 1);
		sn_text_shared_list("Egyptian embassy", 16, NULL, 0, words_b, nb, skip, 1, buf, sizeof(buf));
		assert_string_equal(buf, "egyptian");
	}
	/* nothing in common */
	assert_string_equal(shared_list("protest over salaries", NULL, "airstrike on a depot", NULL), "");
}

static void
test_shared_list_fits(void **state)
{
	char		buf[12];
	size_t		nb = words("convoy journalists embassy", NULL, words_b);

	/* only whole words, always terminated: "convoy" (6) fits, then not " journalists" */
	assert_int_equal(sn_text_shared_list("convoy journalists embassy", 26, NULL, 0, words_b, nb, NULL, 0, buf, sizeof(buf)), 1);
	assert_string_equal(buf, "convoy");
	assert_int_equal(sn_text_shared_list("convoy", 6, NULL, 0, words_b, nb, NULL, 0, buf, 1), 0);
	assert_string_equal(buf, "");
	assert_int_equal(sn_text_shared_list(NULL, 0, NULL, 0, words_b, nb, NULL, 0, buf, sizeof(buf)), 0);
}

static void
test_common_words(void **state)
{
	/* the first and the last of the list, and words between */
	assert_texts(sn_text_is_common, true, "about", "yesterday", "killed", "forces", "january");
	assert_texts(sn_text_is_common, false, "convoy", "kil" /* a prefix of a listed word */ , "killedx", "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_content_words),
		cmocka_unit_test(test_sorted_unique),
		cmocka_unit_test(test_capped),
		cmocka_unit_test(test_shared),
		cmocka_unit_test(test_shared_except),
		cmocka_unit_test(test_shared_list),
		cmocka_unit_test(test_shared_list_fits),
		cmocka_unit_test(test_common_words),
	};

	return cmocka_run_group_tests_name("event_text", tests, NULL, NULL);
}
