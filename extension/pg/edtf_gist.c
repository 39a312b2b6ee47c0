/*
 * extension/pg/edtf_gist.c
 *
 * GiST support for edtf.  The key is the span of days a value can mean,
 * [lower, upper] (an unknown end counting as open, as in the operators),
 * kept in the first 16 bytes of a 32-byte edtf datum: a leaf key is the
 * value itself (whose stored form begins with its bounds), so that the index
 * can answer index-only scans (fetch); an inner key is the union of its
 * children's spans with the rest zero.  Leaf keys hold exactly what the
 * operators read, so no recheck is needed.  Strategies follow the R-tree
 * numbering that the range types use: 1 <<, 3 &&, 5 >>, 7 @>, 8 <@,
 * 16 @> date.  A sorted build (sortsupport) orders values by the centre of
 * their spans.
 */
#include "edtf_pg.h"

#include "access/gist.h"
#include "access/stratnum.h"
#include "utils/date.h"
#include "utils/sortsupport.h"

#include "sn_sort.h"

PGDLLEXPORT Datum edtf_gist_compress(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum edtf_gist_fetch(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum edtf_gist_consistent(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum edtf_gist_union(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum edtf_gist_penalty(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum edtf_gist_picksplit(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum edtf_gist_same(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum edtf_gist_sortsupport(PG_FUNCTION_ARGS);

PG_FUNCTION_INFO_V1(edtf_gist_compress);
PG_FUNCTION_INFO_V1(edtf_gist_fetch);
PG_FUNCTION_INFO_V1(edtf_gist_consistent);
PG_FUNCTION_INFO_V1(edtf_gist_union);
PG_FUNCTION_INFO_V1(edtf_gist_penalty);
PG_FUNCTION_INFO_V1(edtf_gist_picksplit);
PG_FUNCTION_INFO_V1(edtf_gist_same);
PG_FUNCTION_INFO_V1(edtf_gist_sortsupport);

#define RT_CONTAINS_ELEM 16		/* RTContainsElemStrategyNumber */

#define KEY(d) ((sn_edtf_packed *) DatumGetPointer(d))

/* A leaf key is the value: nothing to compress, and fetch gives it back. */
Datum
edtf_gist_compress(PG_FUNCTION_ARGS)
{
	PG_RETURN_POINTER(PG_GETARG_POINTER(0));
}

Datum
edtf_gist_fetch(PG_FUNCTION_ARGS)
{
	PG_RETURN_POINTER(PG_GETARG_POINTER(0));
}

Datum
edtf_gist_consistent(PG_FUNCTION_ARGS)
{
	GISTENTRY  *entry = (GISTENTRY *) PG_GETARG_POINTER(0);
	StrategyNumber strategy = (StrategyNumber) PG_GETARG_UINT16(2);
	bool	   *recheck = (bool *) PG_GETARG_POINTER(4);
	sn_edtf_packed *k = KEY(entry->key);
	bool		leaf = GIST_LEAF(entry);
	int64		qlo,
				qhi;

	*recheck = false;
	if (strategy == RT_CONTAINS_ELEM)
		qlo = qhi = edtf_date_to_day(PG_GETARG_DATEADT(1));
	else
	{
		sn_edtf_packed *q = PG_GETARG_EDTF_P(1);

		qlo = q->lower;
		qhi = q->upper;
	}

	switch (strategy)
	{
		case RTLeftStrategyNumber:	/* << */
			PG_RETURN_BOOL(leaf ? k->upper < qlo : k->lower < qlo);
		case RTRightStrategyNumber:	/* >> */
			PG_RETURN_BOOL(leaf ? k->lower > qhi : k->upper > qhi);
		case RTOverlapStrategyNumber:	/* && */
			PG_RETURN_BOOL(edtf_span_overlaps(k->lower, k->upper, qlo, qhi));
		case RTContainsStrategyNumber:	/* @> edtf */
		case RT_CONTAINS_ELEM:	/* @> date */
			PG_RETURN_BOOL(k->lower <= qlo && qhi <= k->upper);
		case RTContainedByStrategyNumber:	/* <@ */
			PG_RETURN_BOOL(leaf ? (qlo <= k->lower && k->upper <= qhi)
						   : edtf_span_overlaps(k->lower, k->upper, qlo, qhi));
	}
	elog(ERROR, "edtf GiST: unknown strategy %d", (int) strategy);
	PG_RETURN_BOOL(false);
}

/* An inner key: the span, nothing else. */
static sn_edtf_packed *
span_key(int64 lo, int64 hi)
{
	sn_edtf_packed *u = (sn_edtf_packed *) palloc0(sizeof(sn_edtf_packed));

	u->lower = lo;
	u->upper = hi;
	return u;
}

Datum
edtf_gist_union(PG_FUNCTION_ARGS)
{
	GistEntryVector *ev = (GistEntryVector *) PG_GETARG_POINTER(0);
	int64		lo = KEY(ev->vector[0].key)->lower,
				hi = KEY(ev->vector[0].key)->upper;
	int			i;

	for (i = 1; i < ev->n; i++)
	{
		sn_edtf_packed *k = KEY(ev->vector[i].key);

		if (k->lower < lo)
			lo = k->lower;
		if (k->upper > hi)
			hi = k->upper;
	}
	PG_RETURN_POINTER(span_key(lo, hi));
}

/* Width of a span as a double (infinite ends are far, not special). */
static double
span_width(int64 lo, int64 hi)
{
	return (double) hi - (double) lo;
}

Datum
edtf_gist_penalty(PG_FUNCTION_ARGS)
{
	GISTENTRY  *orig = (GISTENTRY *) PG_GETARG_POINTER(0);
	GISTENTRY  *add = (GISTENTRY *) PG_GETARG_POINTER(1);
	float	   *penalty = (float *) PG_GETARG_POINTER(2);
	sn_edtf_packed *o = KEY(orig->key);
	sn_edtf_packed *a = KEY(add->key);
	int64		lo = a->lower < o->lower ? a->lower : o->lower;
	int64		hi = a->upper > o->upper ? a->upper : o->upper;
	double		grow = span_width(lo, hi) - span_width(o->lower, o->upper);

	/* growth first; among equal growth, the narrower key */
	*penalty = (float) (grow > 0 ? grow + 1.0 : span_width(o->lower, o->upper) * 1e-12);
	PG_RETURN_POINTER(penalty);
}

static double
span_center(const sn_edtf_packed *k)
{
	return (double) k->lower / 2.0 + (double) k->upper / 2.0;
}

/* Split by the centre of the spans: the first half left, the rest right. */
Datum
edtf_gist_picksplit(PG_FUNCTION_ARGS)
{
	GistEntryVector *ev = (GistEntryVector *) PG_GETARG_POINTER(0);
	GIST_SPLITVEC *v = (GIST_SPLITVEC *) PG_GETARG_POINTER(1);
	OffsetNumber maxoff = ev->n - 1;
	int			n = maxoff - FirstOffsetNumber + 1;
	sn_sort_item *items = palloc(sizeof(sn_sort_item) * n);
	int64		llo = 0,
				lhi = 0,
				rlo = 0,
				rhi = 0;
	int			i;

	for (i = 0; i < n; i++)
	{
		sn_edtf_packed *k = KEY(ev->vector[FirstOffsetNumber + i].key);

		items[i].key = span_center(k);
		items[i].tie = k->lower;
		items[i].index = FirstOffsetNumber + i;
	}
	sn_sort_items(items, n);

	v->spl_left = palloc(sizeof(OffsetNumber) * (n + 1));
	v->spl_right = palloc(sizeof(OffsetNumber) * (n + 1));
	v->spl_nleft = v->spl_nright = 0;
	for (i = 0; i < n; i++)
	{
		sn_edtf_packed *k = KEY(ev->vector[items[i].index].key);

		if (i < n / 2)
		{
			if (v->spl_nleft == 0 || k->lower < llo)
				llo = k->lower;
			if (v->spl_nleft == 0 || k->upper > lhi)
				lhi = k->upper;
			v->spl_left[v->spl_nleft++] = items[i].index;
		}
		else
		{
			if (v->spl_nright == 0 || k->lower < rlo)
				rlo = k->lower;
			if (v->spl_nright == 0 || k->upper > rhi)
				rhi = k->upper;
			v->spl_right[v->spl_nright++] = items[i].index;
		}
	}
	v->spl_ldatum = PointerGetDatum(span_key(llo, lhi));
	v->spl_rdatum = PointerGetDatum(span_key(rlo, rhi));
	pfree(items);
	PG_RETURN_POINTER(v);
}

Datum
edtf_gist_same(PG_FUNCTION_ARGS)
{
	sn_edtf_packed *a = PG_GETARG_EDTF_P(0);
	sn_edtf_packed *b = PG_GETARG_EDTF_P(1);
	bool	   *result = (bool *) PG_GETARG_POINTER(2);

	*result = memcmp(a, b, sizeof(sn_edtf_packed)) == 0;
	PG_RETURN_POINTER(result);
}

/* Sorted build: by the centre of the span, then the lower bound. */
static int
edtf_gist_cmp_center(Datum a, Datum b, SortSupport ssup)
{
	sn_edtf_packed *x = KEY(a),
			   *y = KEY(b);
	double		cx = span_center(x),
				cy = span_center(y);
	int			c = SN_CMP(cx, cy);

	return c != 0 ? c : SN_CMP(x->lower, y->lower);
}

Datum
edtf_gist_sortsupport(PG_FUNCTION_ARGS)
{
	SortSupport ssup = (SortSupport) PG_GETARG_POINTER(0);

	ssup->comparator = edtf_gist_cmp_center;
	PG_RETURN_VOID();
}
