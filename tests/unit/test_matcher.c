/*
 * tests/unit/test_matcher.c — the multi-pattern name matcher (matcher.h).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "matcher.h"
#include "unit_helpers.h"

typedef struct hits
{
	int			n;
	sn_matcher_hit h[64];
	uint64_t	first_payload[64];
} hits;

static bool
collect(void *arg, const sn_matcher_hit *hit)
{
	hits	   *hs = arg;

	if (hs->n < 64)
	{
		hs->h[hs->n] = *hit;
		hs->first_payload[hs->n] = hit->payloads[0].payload;
		hs->n++;
	}
	return true;
}

static sn_matcher *
build(const char *const *names, int n)
{
	sn_matcher_entry e[64];
	sn_error	err;
	sn_matcher *m;

	for (int i = 0; i < n; i++)
	{
		e[i].name = names[i];
		e[i].len = strlen(names[i]);
		e[i].payload = (uint64_t) i;
		e[i].flags = 0;
	}
	m = sn_matcher_build(e, n, NULL, &err);
	assert_non_null(m);
	return m;
}

static hits
scan(const sn_matcher *m, const char *text)
{
	hits		hs = {0};
	sn_error	err;

	assert_true(sn_matcher_scan(m, text, strlen(text), collect, &hs, &err));
	return hs;
}

/* The hits as "surface@start_char:payload" joined by spaces, in report order. */
static const char *
show(const char *text, const hits *hs)
{
	static char buf[1024];
	size_t		o = 0;

	buf[0] = '\0';
	for (int i = 0; i < hs->n; i++)
	{
		const sn_matcher_hit *h = &hs->h[i];

		o += snprintf(buf + o, sizeof(buf) - o, "%s%.*s@%zu:%llu", i ? " " : "",
					  (int) (h->end_byte - h->start_byte), text + h->start_byte,
					  h->start_char, (unsigned long long) hs->first_payload[i]);
	}
	return buf;
}

/* A matcher over names (payload: the name's index) finds in t what want shows. */
static void
assert_hits(const char *const *names, int n, const char *t, const char *want)
{
	sn_matcher *m = build(names, n);
	hits		hs = scan(m, t);

	assert_string_equal(show(t, &hs), want);
	sn_matcher_free(m);
}

static void
normal_forms(void **state)
{
	static const unit_case cases[] = {
		{"Lake Chad", "|lake|_|chad|"},
		{"  Lake \n\t Chad  ", "|lake|_|chad|"},
		{"al-Qaeda", "|al|_|qaeda|"},
		{"Al Qa\xc3\xaf" "da", "|al|_|qaida|"},
		{"C\xc3\xb4te d\xe2\x80\x99Ivoire", "|cote|_|d|'|ivoire|"},
		{"Cote d' Ivoire", "|cote|_|d|'|ivoire|"},
		{"(ISIL)", "|isil|"},
		{"U.N.", "|u|.|n|"},
		{"ISIS/ISIL", "|isis|/|isil|"},
		{"--", ""},
		/* soft hyphen and combining accent are invisible */
		{"Ni\xc2\xad" "ge\xcc\x81r", "|niger|"},
		/* a long run of punctuation is a break that no text matches across */
		{"a!!!!!!!!!!!!!!!!!!!!b", "|a|#|b|"},
	};

	assert_rewrites(sn_matcher_normalize, cases);
}

/* The name key: one rule for locate(), the loaders and annotate(). */
static void
name_keys(void **state)
{
	static const unit_case cases[] = {
		/* case and accents */
		{"M\xc3\xa9naka", "menaka"},
		{"MENAKA", "menaka"},
		{"  Menaka ", "menaka"},
		{"Abe\xc3\xaf" "bara", "abeibara"},
		/* decomposed accents (NFD) are the same name */
		{"Me\xcc\x81naka", "menaka"},
		/* apostrophes of every kind vanish, joining the words around them */
		{"N\xe2\x80\x99" "Dja\xe2\x80\x8b" "m\xc3\xa9na", "ndjamena"},
		{"N'Djamena", "ndjamena"},
		{"NDjamena", "ndjamena"},
		{"N\xe2\x80\x98" "Djamena", "ndjamena"},
		{"Fada N'Gourma", "fada ngourma"},
		{"\xca\xbfrq alawqat", "rq alawqat"},
		{"\xe2\x80\x99" "Elb", "elb"},
		{"'Elb", "elb"},
		{"Cercle d\xe2\x80\x99" "Abe\xc3\xaf" "bara", "cercle dabeibara"},
		/* white space, hyphens and dashes are one space */
		{"Mayo-Kebbi Est", "mayo kebbi est"},
		{"Mayo Kebbi\t Est", "mayo kebbi est"},
		{"Mayo\xe2\x80\x93Kebbi\xc2\xa0" "Est", "mayo kebbi est"},
		{"Ti-n-Essako", "ti n essako"},
		/* other punctuation stays; around the name it goes */
		{"St. Louis", "st.louis"},
		{"St.Louis", "st.louis"},
		{"(Gao)", "gao"},
		{"--", ""},
		{"", ""},
		/* West African and transliteration letters */
		{"\xc9\xb2\xc9\x94" "g\xc9\x9b" "n", "nogen"},	/* ɲɔgɛn */
		{"\xe1\xb8\xa4\xc4\x81" "ssi", "hassi"},	/* Ḥāssi */
		{"\xc6\x81\xc9\x97", "bd"},	/* Ɓɗ */
		/* scripts without case pass through; Greek and Cyrillic lower-cased */
		{"\xd8\xaa\xd9\x85\xd8\xa8\xd9\x83\xd8\xaa\xd9\x88",
		 "\xd8\xaa\xd9\x85\xd8\xa8\xd9\x83\xd8\xaa\xd9\x88"},
		{"\xd0\x9c\xd0\xb0\xd0\xbb\xd0\xb8", "\xd0\xbc\xd0\xb0\xd0\xbb\xd0\xb8"},
		/* invisible direction marks are dropped */
		{"Gao\xe2\x80\x8e", "gao"},
	};

	assert_rewrites(sn_name_key, cases);
	/* the length is reported even when out is too small, as snprintf does */
	assert_truncates(sn_name_key, "Tombouctou", "tombouctou");
	/* invalid UTF-8 */
	assert_int_equal(sn_name_key("Gao\xff", 4, NULL, 0), (size_t) -1);
}

/* Admin names with and without the word for their kind are the same name. */
static void
admin_name_keys(void **state)
{
	static const unit_case cases[] = {
		{"R\xc3\xa9gion de Mopti", "mopti"},
		{"Mopti Region", "mopti"},
		{"MOPTI", "mopti"},
		{"Cercle d\xe2\x80\x99" "Abe\xc3\xaf" "bara", "abeibara"},
		{"Cercle de Y\xc3\xa9" "liman\xc3\xa9", "yelimane"},
		{"Kayes Cercle", "kayes"},
		{"Province du Yatenga", "yatenga"},
		{"Province de la Tapoa", "tapoa"},
		{"Zoundweogo Province", "zoundweogo"},
		{"District de Nouakchott", "nouakchott"},
		/* other apostrophes vanish as in the name key */
		{"N\xe2\x80\x99" "Dja\xc3\xa9" "na", "ndjaena"},
		{"Ndjamena", "ndjamena"},
		{"Mayo-Kebbi Est", "mayo kebbi est"},
		/* a kind word alone, or before a number, stays */
		{"Commune 3", "commune 3"},
		{"Region", "region"},
		{"Centre-Nord", "centre nord"},
		{"", ""},
	};

	assert_rewrites(sn_admin_name_key, cases);
	assert_int_equal(sn_admin_name_key("Gao\xff", 4, NULL, 0), (size_t) -1);
}

static void
whole_words_only(void **state)
{
	static const char *const names[] = {"Niger", "Mali", "Nigeria"};

	assert_hits(names, UNIT_LENGTH(names), "Nigeria, Niger and Somalia; not Nigerien. NIGER!",
				"Nigeria@0:2 Niger@9:0 NIGER@42:0");
}

static void
every_overlapping_match_is_reported(void **state)
{
	static const char *const names[] = {"Chad", "Lake Chad", "Lake Chad region", "region"};

	/* by end position, longest first at the same end */
	assert_hits(names, UNIT_LENGTH(names), "the Lake Chad region.",
				"Lake Chad@4:1 Chad@9:0 Lake Chad region@4:2 region@14:3");
}

static void
possessives_hyphens_brackets_quotes(void **state)
{
	static const char *const names[] = {"Mali", "al-Qaeda", "ISIL", "Islamic State", "Wagner Group"};

	assert_hits(names, UNIT_LENGTH(names),
				"Mali's army, Mali\xe2\x80\x99s allies, al-Qaeda-linked fighters, "
				"al Qaeda, the Islamic State (ISIL), \xe2\x80\x9cWagner\nGroup\xe2\x80\x9d",
				"Mali@0:0 Mali@13:0 al-Qaeda@28:1 al Qaeda@54:1 "
				"Islamic State@68:3 ISIL@83:2 Wagner\nGroup@91:4");
}

static void
case_accents_and_typography(void **state)
{
	const char *names[] = {"C\xc3\xb4te d'Ivoire", "Mopti", "Gao"};
	sn_matcher *m = build(names, 3);
	/* positions are in characters: é and ’ are one each */
	const char *t = "\xc3\xa9t\xc3\xa9: COTE D\xe2\x80\x99IVOIRE, M\xc3\x93PTI, ga\xcc\x81o";
	hits		hs = scan(m, t);

	assert_int_equal(hs.n, 3);
	assert_int_equal(hs.h[0].start_char, 5);
	assert_int_equal(hs.h[0].end_char, 18);
	assert_int_equal(hs.h[0].start_byte, 7);
	assert_int_equal(hs.h[0].end_byte, 22);
	assert_int_equal(hs.h[1].start_char, 20);
	assert_int_equal(hs.h[1].end_char, 25);
	/* g a combining-acute o: four characters */
	assert_int_equal(hs.h[2].start_char, 27);
	assert_int_equal(hs.h[2].end_char, 31);
	assert_int_equal(hs.h[2].end_byte, strlen(t));
	sn_matcher_free(m);
}

static void
gaps_must_agree(void **state)
{
	static const char *const names[] = {"Lake Chad", "St. Louis"};

	assert_hits(names, UNIT_LENGTH(names),
				"Lake. Chad; Lake, Chad; Lake\xe2\x80\x94" "Chad; St Louis; St. Louis",
				"Lake\xe2\x80\x94" "Chad@24:0 St. Louis@45:1");
}

static void
same_name_several_payloads(void **state)
{
	sn_matcher_entry e[] = {
		{"Niger", 5, 10, 0},
		{"NIGER", 5, 20, 0},
		{"niger", 5, 10, 0},	/* duplicate of the first: dropped */
		{"UN", 2, 30, SN_MATCHER_UPPER},
		{"---", 3, 40, 0},		/* no word: skipped */
	};
	sn_error	err;
	sn_matcher *m = sn_matcher_build(e, 5, NULL, &err);
	sn_matcher_stats st;
	hits		hs;

	assert_non_null(m);
	sn_matcher_get_stats(m, &st);
	assert_int_equal(st.entries, 5);
	assert_int_equal(st.skipped, 2);
	assert_int_equal(st.keys, 2);
	hs = scan(m, "Niger; un soldat de l'UN, Un");
	assert_int_equal(hs.n, 4);
	assert_int_equal(hs.h[0].npayloads, 2);
	assert_int_equal(hs.h[0].payloads[0].payload, 10);
	assert_int_equal(hs.h[0].payloads[1].payload, 20);
	assert_true(hs.h[1].has_lower);	/* "un" */
	assert_int_equal(hs.h[1].payloads[0].flags, SN_MATCHER_UPPER);
	assert_false(hs.h[2].has_lower);	/* "UN" */
	assert_true(hs.h[3].has_lower);	/* "Un" */
	sn_matcher_free(m);
}

static void
invalid_input(void **state)
{
	sn_matcher_entry e[] = {{"ok", 2, 1, 0}, {"b\xffx", 3, 2, 0}};
	sn_error	err;
	hits		hs = {0};
	sn_matcher *m = sn_matcher_build(e, 2, NULL, &err);

	assert_null(m);
	assert_int_equal(err.status, SN_ERR_SYNTAX);
	assert_int_equal(err.position, 1);
	m = sn_matcher_build(e, 1, NULL, &err);
	assert_non_null(m);
	assert_false(sn_matcher_scan(m, "ok ok \xc3(", 8, collect, &hs, &err));
	assert_int_equal(err.status, SN_ERR_SYNTAX);
	assert_int_equal(err.position, 6);
	assert_int_equal(hs.n, 2);
	sn_matcher_free(m);
}

static void
empty_matcher_and_empty_text(void **state)
{
	sn_error	err;
	sn_matcher *m = sn_matcher_build(NULL, 0, NULL, &err);
	hits		hs;

	assert_non_null(m);
	hs = scan(m, "Mali");
	assert_int_equal(hs.n, 0);
	sn_matcher_free(m);
	{
		const char *names[] = {"Mali"};

		m = build(names, 1);
		hs = scan(m, "");
		assert_int_equal(hs.n, 0);
		hs = scan(m, "Mali");
		assert_int_equal(hs.n, 1);
		sn_matcher_free(m);
	}
}

/* A count of hits, for a scan that goes on after each or stops at the first */
typedef struct hit_count
{
	int			n;
	bool		stop;
} hit_count;

static bool
count_hits(void *arg, const sn_matcher_hit *hit)
{
	hit_count  *c = arg;

	c->n++;
	return !c->stop;
}

static void
callback_can_stop(void **state)
{
	const char *names[] = {"a"};
	sn_matcher *m = build(names, 1);
	sn_error	err;
	hit_count	calls = {0, true};

	assert_true(sn_matcher_scan(m, "a a a", 5, count_hits, &calls, &err));
	assert_int_equal(calls.n, 1);
	sn_matcher_free(m);
}

/*
 * A brute-force matcher on the normal forms, to check the automaton against:
 * names and text made of random pieces of an alphabet.
 */
static void
check_against_brute_force(const char *const *alphabet, unsigned nalpha, unsigned seed)
{
	enum
	{
		NNAMES = 300, NTEXT = 4000
	};
	static char namebuf[NNAMES][16];
	sn_matcher_entry e[NNAMES];
	char		text[NTEXT * 3];
	size_t		tl = 0;
	sn_error	err;
	sn_matcher *m;
	int			brute = 0;
	hit_count	found = {0, false};

	for (int i = 0; i < NNAMES; i++)
	{
		size_t		l = 0;
		unsigned	parts = 1 + ((seed = seed * 1103515245 + 12345) >> 16) % 4;

		for (unsigned p = 0; p < parts; p++)
		{
			const char *w = alphabet[((seed = seed * 1103515245 + 12345) >> 16) % nalpha];

			for (const char *c = w; *c && l < sizeof(namebuf[i]); c++)
				namebuf[i][l++] = *c;
		}
		e[i].name = namebuf[i];
		e[i].len = l;
		e[i].payload = i;
		e[i].flags = 0;
	}
	while (tl < NTEXT)
	{
		const char *w = alphabet[((seed = seed * 1103515245 + 12345) >> 16) % nalpha];

		memcpy(text + tl, w, strlen(w));
		tl += strlen(w);
	}
	m = sn_matcher_build(e, NNAMES, NULL, &err);
	assert_non_null(m);

	/*
	 * Brute force: for every pair of character positions (i, j), the slice is
	 * a match of name k if it starts and ends a word and its normal form equals
	 * the name's.  Count (slice, key) pairs; the automaton must find as many.
	 */
	{
		char		nn[NNAMES][64];
		size_t		starts[NTEXT * 3];
		size_t		nchars = 0;

		for (int k = 0; k < NNAMES; k++)
			sn_matcher_normalize(e[k].name, e[k].len, nn[k], sizeof(nn[k]));
		for (size_t b = 0; b < tl;)
		{
			starts[nchars++] = b;
			b += ((unsigned char) text[b] >= 0xC0) ? 2 : 1;
		}
		starts[nchars] = tl;
		for (size_t i = 0; i < nchars; i++)
		{
			for (size_t j = i + 1; j <= nchars && j <= i + 16; j++)
			{
				char		slice[64];
				char		ctx[128];
				size_t		sl;

				/* whole words: the slice's normal form must keep its edge characters */
				sl = sn_matcher_normalize(text + starts[i], starts[j] - starts[i], slice, sizeof(slice));
				if (sl == 0 || slice[0] != '|' || slice[sl - 1] != '|')
					continue;
				/* and the characters around it must not be word characters */
				if (i > 0)
				{
					sn_matcher_normalize(text + starts[i - 1], starts[i] - starts[i - 1], ctx, sizeof(ctx));
					if (ctx[0] == '|')
						continue;
				}
				if (j < nchars)
				{
					sn_matcher_normalize(text + starts[j], starts[j + 1] - starts[j], ctx, sizeof(ctx));
					if (ctx[0] == '|')
						continue;
				}
				/* the first and last characters must be word characters */
				sn_matcher_normalize(text + starts[i], starts[i + 1] - starts[i], ctx, sizeof(ctx));
				if (ctx[0] != '|')
					continue;
				sn_matcher_normalize(text + starts[j - 1], starts[j] - starts[j - 1], ctx, sizeof(ctx));
				if (ctx[0] != '|')
					continue;
				for (int k = 0; k < NNAMES; k++)
				{
					bool		earlier = false;

					if (strcmp(nn[k], slice) != 0)
						continue;
					/* count each normal form once */
					for (int k2 = 0; k2 < k; k2++)
						if (strcmp(nn[k2], slice) == 0)
							earlier = true;
					if (!earlier)
						brute++;
				}
			}
		}
	}
	assert_true(sn_matcher_scan(m, text, tl, count_hits, &found, &err));
	assert_true(brute > 50);
	assert_int_equal(found.n, brute);
	sn_matcher_free(m);
}

static void
against_brute_force(void **state)
{
	static const char *const letters[] = {"a", "b", "ab", " ", "-", "'", "B", "\xc3\xa1"};

	check_against_brute_force(letters, 8, 12345);
}

/*
 * Words of one, two and more characters, digits, and gaps of every kind
 * right after a name: the scan's shortcuts at the start and end of a word
 * (the first two characters in one step, gaps not stepped from the root).
 */
static void
against_brute_force_word_edges(void **state)
{
	static const char *const pieces[] = {
		"a", "ab", "b1", "1", "Ba", " ", ", ", "-", ".", "\xc3\xa1", "ba ", "\n"
	};

	check_against_brute_force(pieces, 12, 777);
	check_against_brute_force(pieces, 12, 4242);
}

/* The letter-case facts a hit carries, ASCII and beyond */
static void
letter_case_of_a_match(void **state)
{
	assert_texts(sn_matcher_first_upper, true, "Koudiamata", "\xc3\x89gypte" /* Égypte */ );
	assert_texts(sn_matcher_first_upper, false, "koudiamata", "1er", "", "\xc3\xa9t\xc3\xa9" /* été */ );
	assert_texts(sn_matcher_has_lower, true, "Un", "\xc3\x89T\xc3\xa9" /* ÉTé */ );
	assert_texts(sn_matcher_has_lower, false, "UN", "AL-QAEDA 2", "\xc3\x89T\xc3\x89" /* ÉTÉ */ ,
				 "AB\xc3" /* invalid UTF-8 stops the search */ );
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(normal_forms),
		cmocka_unit_test(name_keys),
		cmocka_unit_test(admin_name_keys),
		cmocka_unit_test(whole_words_only),
		cmocka_unit_test(every_overlapping_match_is_reported),
		cmocka_unit_test(possessives_hyphens_brackets_quotes),
		cmocka_unit_test(case_accents_and_typography),
		cmocka_unit_test(gaps_must_agree),
		cmocka_unit_test(same_name_several_payloads),
		cmocka_unit_test(invalid_input),
		cmocka_unit_test(empty_matcher_and_empty_text),
		cmocka_unit_test(callback_can_stop),
		cmocka_unit_test(against_brute_force),
		cmocka_unit_test(against_brute_force_word_edges),
		cmocka_unit_test(letter_case_of_a_match),
	};

	return cmocka_run_group_tests_name("matcher", tests, NULL, NULL);
}
