/*
 * extension/core/sn_wordset.h
 *
 * A fixed set of short folded words (lower-case ASCII), looked up in a few
 * nanoseconds: the phrase readers ask at every word of a text whether it
 * can begin a phrase, and annotate whether a word names what a number
 * counts.  A linear search through a word list, or strstr through a string
 * of them, costs more than the rest of the work at such a word.
 *
 * The words are given as strings of space-separated words (one string per
 * group, as the grammars write them).  The set is filled at its first
 * lookup (sets are static variables of the readers: each PostgreSQL backend
 * fills its own once; the first lookup is not safe for concurrent threads,
 * which the core does not use); the strings must outlive it (string
 * literals).
 */
#ifndef SN_WORDSET_H
#define SN_WORDSET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Room for the words of one set (slots are twice as many). */
#define SN_WORDSET_MAX_WORDS 1024

typedef struct sn_wordset
{
	const char *const *groups;	/* NULL-terminated strings of words */
	bool		ready;
	uint16_t	nwords;

	/*
	 * A quick filter before hashing: bit (b & 31) of pair[a & 31] is set when
	 * a word of the set begins with bytes a, b (b = 0 for a one-byte word).
	 * Most words looked up are not in the set, and most fail here.
	 */
	uint32_t	pair[32];
	/* open addressing: 0 = empty, else 1 + the word's index */
	uint16_t	slot[2 * SN_WORDSET_MAX_WORDS];
	const char *word[SN_WORDSET_MAX_WORDS];
	uint8_t		length[SN_WORDSET_MAX_WORDS];
} sn_wordset;

/* A set over groups (a NULL-terminated array of strings of words). */
#define SN_WORDSET(groups_) { .groups = (groups_) }

/*
 * Is w (n bytes, folded) one of the set's words?  Words longer than 255
 * bytes are never in a set.
 */
extern bool sn_wordset_has(sn_wordset *set, const char *w, size_t n);

/* The number of distinct words (fills the set if needed); for tests. */
extern size_t sn_wordset_size(sn_wordset *set);

#endif							/* SN_WORDSET_H */
