/*
 * extension/core/sn_sort.h
 *
 * Sorting that the core and the glue share: the three-way comparison that
 * sort comparators answer with, and items sorted by a key, as the GiST
 * picksplits of geopoint and edtf sort their entries before cutting them in
 * two.
 */
#ifndef SN_SORT_H
#define SN_SORT_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

/*
 * -1, 0 or 1 as a is below, equal to or above b, for keys of any arithmetic
 * type (hence a macro; a and b are read twice).  A subtraction would overflow
 * for wide integers, and a cast to int would lose the sign of a difference.
 */
#define SN_CMP(a, b) (((a) > (b)) - ((a) < (b)))

/* An item to sort: by key, then by tie, then by index (its place in the input). */
typedef struct sn_sort_item
{
	double		key;
	int64_t		tie;
	int			index;
} sn_sort_item;

static inline int
sn_sort_item_cmp(const void *a, const void *b)
{
	const sn_sort_item *x = a,
			   *y = b;
	int			c = SN_CMP(x->key, y->key);

	if (c == 0)
		c = SN_CMP(x->tie, y->tie);
	return c != 0 ? c : SN_CMP(x->index, y->index);
}

/* Sort items[0..n) by key, tie and index (distinct indexes make the order the same for any qsort). */
static inline void
sn_sort_items(sn_sort_item *items, size_t n)
{
	qsort(items, n, sizeof(sn_sort_item), sn_sort_item_cmp);
}

#endif							/* SN_SORT_H */
