/*
 * tests/unit/phrase_same.h — equality of what the quantity phrase reader
 * (extension/core/estimate_phrase.c) gives, field by field, for the unit
 * tests and the fuzz harness that compare two readings.
 */
#ifndef PHRASE_SAME_H
#define PHRASE_SAME_H

#include <stdbool.h>

#include "estimate_phrase.h"

static inline bool
same_estimate(const sn_estimate *a, const sn_estimate *b)
{
	return a->low == b->low && a->high == b->high && a->best == b->best && a->flags == b->flags;
}

static inline bool
same_info(const sn_phrase_info *a, const sn_phrase_info *b)
{
	return a->bare_numeral == b->bare_numeral && a->digits_only == b->digits_only &&
		a->range == b->range && a->vague == b->vague && a->unknown == b->unknown &&
		a->nouns_consumed == b->nouns_consumed && a->nouns_start == b->nouns_start;
}

#endif							/* PHRASE_SAME_H */
