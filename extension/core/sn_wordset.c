/*
 * extension/core/sn_wordset.c
 *
 * Open addressing over a power-of-two table twice the size of the set, with
 * an FNV-1a hash: short words, few collisions, one comparison per lookup in
 * the usual case.  See sn_wordset.h.
 */
#include "sn_wordset.h"

#include <string.h>

#define SLOTS (2 * SN_WORDSET_MAX_WORDS)

static uint32_t
word_hash(const char *w, size_t n)
{
	uint32_t	h = 2166136261u;

	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char) w[i]) * 16777619u;
	return h;
}

/* The slot holding w, or the empty slot where it would go. */
static size_t
find_slot(const sn_wordset *set, const char *w, size_t n)
{
	size_t		s = word_hash(w, n) & (SLOTS - 1);

	while (set->slot[s] != 0)
	{
		int			k = set->slot[s] - 1;

		if (set->length[k] == n && memcmp(set->word[k], w, n) == 0)
			break;
		s = (s + 1) & (SLOTS - 1);
	}
	return s;
}

/* The bit of set->pair for a word w of n bytes (n >= 1). */
static inline void
pair_bit(const char *w, size_t n, unsigned *row, unsigned *bit)
{
	*row = (unsigned char) w[0] & 31;
	*bit = n > 1 ? (unsigned char) w[1] & 31 : 0;
}

static void
fill(sn_wordset *set)
{
	memset(set->slot, 0, sizeof(set->slot));
	memset(set->pair, 0, sizeof(set->pair));
	set->nwords = 0;
	for (const char *const *g = set->groups; g && *g; g++)
	{
		const char *p = *g;

		for (;;)
		{
			size_t		n,
						s;

			while (*p == ' ')
				p++;
			if (*p == '\0')
				break;
			n = strcspn(p, " ");
			s = find_slot(set, p, n);
			/* a word given twice is kept once; a full set takes no more */
			if (set->slot[s] == 0 && n <= 255 && set->nwords < SN_WORDSET_MAX_WORDS)
			{
				unsigned	row,
							bit;

				pair_bit(p, n, &row, &bit);
				set->pair[row] |= UINT32_C(1) << bit;
				set->word[set->nwords] = p;
				set->length[set->nwords] = (uint8_t) n;
				set->slot[s] = (uint16_t) (++set->nwords);
			}
			p += n;
		}
	}
	set->ready = true;
}

bool
sn_wordset_has(sn_wordset *set, const char *w, size_t n)
{
	unsigned	row,
				bit;

	if (!set->ready)
		fill(set);
	if (n == 0 || n > 255)
		return false;
	pair_bit(w, n, &row, &bit);
	if (!(set->pair[row] & (UINT32_C(1) << bit)))
		return false;
	return set->slot[find_slot(set, w, n)] != 0;
}

size_t
sn_wordset_size(sn_wordset *set)
{
	if (!set->ready)
		fill(set);
	return set->nwords;
}
