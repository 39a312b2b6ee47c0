/*
 * extension/core/sn_arith.h
 *
 * Integer arithmetic the core shares: division rounded toward minus
 * infinity, which calendar arithmetic (edtf.c: years and days before the
 * epoch) and the event matcher's day buckets (event_match.c) need for
 * negative numbers, where C's / rounds toward zero.
 */
#ifndef SN_ARITH_H
#define SN_ARITH_H

#include <stdint.h>

/* a / b rounded toward minus infinity (b != 0): -7 / 2 is -4, not -3. */
static inline int64_t
sn_floor_div(int64_t a, int64_t b)
{
	int64_t		q = a / b;

	if ((a % b != 0) && ((a < 0) != (b < 0)))
		q--;
	return q;
}

#endif							/* SN_ARITH_H */
