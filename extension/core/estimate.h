/*
 * extension/core/estimate.h
 *
 * The estimate: a count known only as reports give it.  A non-negative 64-bit
 * integer quantity known to lie in [low, high], where high may be unbounded,
 * with an optional stated best value (low <= best <= high) and an
 * "approximate" flag ("about 1,000").  Unknown ("undisclosed") is the value
 * [0, unbounded) with no best.
 *
 * Canonical text (sn_estimate_parse accepts it, sn_estimate_format produces
 * it, and format(parse(s)) == s for every canonical s):
 *
 *     2400            exactly 2400
 *     ~1000           about 1000
 *     700..1000       between 700 and 1000, no stated best
 *     700..850..1000  between 700 and 1000, best 850
 *     ~700..1000      about 700 to 1000
 *     >=2001          at least 2001 (input ">2000" normalises to this)
 *     <=400           at most 400 (input "<401" normalises to this)
 *     2001..2500..    at least 2001, best 2500 (unbounded, with a best)
 *     ?               unknown
 *
 * "~" may precede any form but "?".  Input also accepts spaces around the
 * parts, thousands separators in numbers ("2,400", "2 400": groups of three
 * after a first group of one to three digits, one separator kind per number),
 * "A.." for ">=A" and "..B" for "<=B".
 *
 * Normal form (what every function here returns, so that equality is
 * identity): low == high implies best == low; [0, unbounded) without a best
 * is never approximate (nothing is known, so nothing is "about").
 */
#ifndef SN_ESTIMATE_H
#define SN_ESTIMATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sn_error.h"

/* high when the estimate has no upper bound, best when none was stated */
#define SN_ESTIMATE_UNBOUNDED INT64_C(-1)
#define SN_ESTIMATE_NO_BEST INT64_C(-1)

/* Flags */
#define SN_ESTIMATE_APPROX 0x01

/* The largest count */
#define SN_ESTIMATE_MAX INT64_MAX

/* Room for the longest canonical text and its NUL ("~" + 3 x 19 digits + 4) */
#define SN_ESTIMATE_TEXT_MAX 64

/* The value as the core handles it (not the on-disk form: see sn_estimate_packed) */
typedef struct sn_estimate
{
	int64_t		low;			/* 0 .. SN_ESTIMATE_MAX */
	int64_t		high;			/* low .. SN_ESTIMATE_MAX, or SN_ESTIMATE_UNBOUNDED */
	int64_t		best;			/* low .. high, or SN_ESTIMATE_NO_BEST */
	uint32_t	flags;			/* SN_ESTIMATE_APPROX */
} sn_estimate;

/*
 * The on-disk and in-memory form of the SQL type: 24 bytes, three words.
 * Counts fit in 63 bits, so each word's top bit is free:
 *   w[0] = low, top bit set when approximate
 *   w[1] = high, or all ones when unbounded
 *   w[2] = best, or all ones when there is none
 * Packing a normal-form estimate gives exactly one image, so two values are
 * equal exactly when their images are (btree deduplication relies on it).
 */
typedef struct sn_estimate_packed
{
	uint64_t	w[3];
} sn_estimate_packed;

static inline bool
sn_estimate_is_approx(const sn_estimate *e)
{
	return (e->flags & SN_ESTIMATE_APPROX) != 0;
}

static inline bool
sn_estimate_is_bounded(const sn_estimate *e)
{
	return e->high != SN_ESTIMATE_UNBOUNDED;
}

static inline bool
sn_estimate_has_best(const sn_estimate *e)
{
	return e->best != SN_ESTIMATE_NO_BEST;
}

/* Exactly one known number: not approximate, low == high. */
static inline bool
sn_estimate_is_exact(const sn_estimate *e)
{
	return !sn_estimate_is_approx(e) && e->low == e->high;
}

static inline void
sn_estimate_pack(const sn_estimate *e, sn_estimate_packed *p)
{
	p->w[0] = (uint64_t) e->low | (sn_estimate_is_approx(e) ? UINT64_C(1) << 63 : 0);
	p->w[1] = (uint64_t) e->high;	/* -1 is all ones */
	p->w[2] = (uint64_t) e->best;
}

static inline void
sn_estimate_unpack(const sn_estimate_packed *p, sn_estimate *e)
{
	e->low = (int64_t) (p->w[0] & ~(UINT64_C(1) << 63));
	e->flags = (p->w[0] >> 63) ? SN_ESTIMATE_APPROX : 0;
	e->high = (int64_t) p->w[1];
	e->best = (int64_t) p->w[2];
}

/*
 * Build a normal-form estimate, checking it: low >= 0; high >= low unless
 * unbounded (has_high false); best within [low, high] if has_best.  Errors:
 * SN_ERR_RANGE for a negative count, SN_ERR_INVALID_PARAMETER for bounds or a
 * best out of order.  The one validation every entry point uses (text input,
 * binary input, the SQL constructor, the phrase reader).
 */
extern bool sn_estimate_make(int64_t low, bool has_high, int64_t high,
							 bool has_best, int64_t best, bool approximate,
							 sn_estimate *out, sn_error *err);

/* Is this a normal-form value (what sn_estimate_make would produce)? */
extern bool sn_estimate_is_valid(const sn_estimate *e);

/* Shorthands for normal-form values */
extern sn_estimate sn_estimate_exact(int64_t n);
extern sn_estimate sn_estimate_unknown(void);

/*
 * Parse canonical text (len bytes, need not be NUL-terminated).  Errors:
 * SN_ERR_SYNTAX (22P02) for anything malformed, SN_ERR_RANGE (22003) for a
 * count beyond 2^63-1 or below 0 ("<0"), SN_ERR_SYNTAX also for bounds or a
 * best out of order (the text itself is wrong).  Messages quote the input.
 */
extern bool sn_estimate_parse(const char *s, size_t len, sn_estimate *out,
							  sn_error *err);

/*
 * Write the canonical text into buf (at least SN_ESTIMATE_TEXT_MAX bytes),
 * NUL-terminated; returns its length.
 */
extern size_t sn_estimate_format(const sn_estimate *e, char *buf);

/*
 * The total order: lower bound, then upper bound (unbounded last), then the
 * stated best (values without one after those with one), then exact before
 * approximate.  Returns <0, 0, >0.  Zero exactly when the values are equal.
 */
extern int	sn_estimate_cmp(const sn_estimate *a, const sn_estimate *b);

/* The same order on packed images, without unpacking (for sorting). */
extern int	sn_estimate_packed_cmp(const sn_estimate_packed *a, const sn_estimate_packed *b);

/*
 * The best value: the stated one, else the midpoint of a closed range rounded
 * half up; false when there is none (unbounded with no stated best).
 */
extern bool sn_estimate_best(const sn_estimate *e, int64_t *best);

/* a @> n, a @> b (b's range within a's), a && b (the ranges overlap) */
extern bool sn_estimate_contains_value(const sn_estimate *a, int64_t n);
extern bool sn_estimate_contains(const sn_estimate *a, const sn_estimate *b);
extern bool sn_estimate_overlaps(const sn_estimate *a, const sn_estimate *b);

/*
 * a + b: bounds and bests add, unbounded absorbs, approximate if either is,
 * a best only if both have one.  SN_ERR_RANGE when a sum passes 2^63-1.
 */
extern bool sn_estimate_add(const sn_estimate *a, const sn_estimate *b,
							sn_estimate *out, sn_error *err);

/*
 * a * k for k >= 0: bounds and best scale; unbounded stays unbounded (except
 * that anything times 0 is exactly 0).  SN_ERR_INVALID_PARAMETER for k < 0,
 * SN_ERR_RANGE on overflow.
 */
extern bool sn_estimate_mul(const sn_estimate *a, int64_t k, sn_estimate *out,
							sn_error *err);

/*
 * The 24-byte big-endian image of the packed form, the same on every
 * architecture: what the hash functions hash.
 */
extern void sn_estimate_hash_image(const sn_estimate *e, unsigned char image[24]);

/*
 * The binary form (send/receive): a version byte (1), a flags byte
 * (approximate 1, bounded 2, with a best value 4), then low, high and best as
 * big-endian 8-byte integers, 0 when absent.  Encoding writes
 * SN_ESTIMATE_BINARY_SIZE bytes.  Decoding checks everything text input
 * checks, and that absent parts are 0; errors are SN_ERR_BINARY, worded
 * "invalid binary estimate: ..." (sn_binary.h).
 */
#define SN_ESTIMATE_BINARY_VERSION 1
#define SN_ESTIMATE_BINARY_SIZE 26
extern size_t sn_estimate_encode(const sn_estimate *e, unsigned char out[SN_ESTIMATE_BINARY_SIZE]);
extern bool sn_estimate_decode(const unsigned char *in, size_t len, sn_estimate *out,
							   sn_error *err);

#endif							/* SN_ESTIMATE_H */
