/*
 * extension/pg/edtf_gist.c
 *
 * GiST support for edtf: the key is the span of days a value can mean,
 * [lower, upper] as two int64 day numbers (16 bytes; an unknown end counts
 * as open, as in the operators).  Inner keys are the union of their
 * children's spans.  Leaf keys hold exactly what the operators read, so no
 * recheck is needed.  Strategies follow the R-tree numbering that the range
 * types use: 1 <<, 3 &&, 5 >>, 7 @>, 8 <@, 16 @> date.
 */
#include "edtf_pg.h"

#include "access/gist.h"
#include "access/stratnum.h"
#include "catalog/pg_type.h"
#include "utils/builtins.h"
#include "utils/date.h"

typedef struct edtf_span
{
	int64		lo;
	int64		hi;
} edtf_span;

PGDLLEXPORT Datum edtf_gist_key_in(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum edtf_gist_key_out(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum edtf_gist_compress(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum edtf_gist_consistent(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum edtf_gist_union(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum edtf_gist_penalty(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum edtf_gist_picksplit(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum edtf_gist_same(PG_FUNCTION_ARGS);

PG_FUNCTION_INFO_V1(edtf_gist_key_in);
PG_FUNCTION_INFO_V1(edtf_gist_key_out);
PG_FUNCTION_INFO_V1(edtf_gist_compress);
PG_FUNCTION_INFO_V1(edtf_gist_consistent);
PG_FUNCTION_INFO_V1(edtf_gist_union);
PG_FUNCTION_INFO_V1(edtf_gist_penalty);
PG_FUNCTION_INFO_V1(edtf_gist_picksplit);
PG_FUNCTION_INFO_V1(edtf_gist_same);

#define RT_CONTAINS_ELEM 16		/* RTContainsElemStrategyNumber */

/* ------------------------------------------------------------------------
 * The key type: shown by pageinspect, never typed in.
 */

Datum
edtf_gist_key_in(PG_FUNCTION_ARGS)
{
	ereport(ERROR,
			(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
			 errmsg("edtf_gist_key has no text input"),
			 errdetail("It is the key type of the edtf GiST index, built from edtf values.")));
	PG_RETURN_NULL();
}

static void
day_text(int64 d, char *buf, size_t size)
{
	if (d == SN_EDTF_DAY_NEG_INF)
		snprintf(buf, size, "-infinity");
	else if (d == SN_EDTF_DAY_POS_INF)
		snprintf(buf, size, "infinity");
	else
		sn_format_day(d, buf, size);
}

Datum
edtf_gist_key_out(PG_FUNCTION_ARGS)
{
	edtf_span  *k = (edtf_span *) PG_GETARG_POINTER(0);
	char		a[40],
				b[40];

	day_text(k->lo, a, sizeof(a));
	day_text(k->hi, b, sizeof(b));
	PG_RETURN_CSTRING(psprintf("[%s, %s]", a, b));
}

/* ------------------------------------------------------------------------
 * Support functions
 */

Datum
edtf_gist_compress(PG_FUNCTION_ARGS)
{
	GISTENTRY  *entry = (GISTENTRY *) PG_GETARG_POINTER(0);

	if (entry->leafkey)
	{
		sn_edtf_packed *v = DatumGetEdtfP(entry->key);
		edtf_span  *k = (edtf_span *) palloc(sizeof(edtf_span));
		GISTENTRY  *ret = (GISTENTRY *) palloc(sizeof(GISTENTRY));

		k->lo = v->lower;
		k->hi = v->upper;
		gistentryinit(*ret, PointerGetDatum(k), entry->rel, entry->page, entry->offset, false);
		PG_RETURN_POINTER(ret);
	}
	PG_RETURN_POINTER(entry);
}

static int64
date_day(DateADT d)
{
	if (DATE_IS_NOBEGIN(d))
		return SN_EDTF_DAY_NEG_INF;
	if (DATE_IS_NOEND(d))
		return SN_EDTF_DAY_POS_INF;
	return (int64) d;
}

Datum
edtf_gist_consistent(PG_FUNCTION_ARGS)
{
	GISTENTRY  *entry = (GISTENTRY *) PG_GETARG_POINTER(0);
	StrategyNumber strategy = (StrategyNumber) PG_GETARG_UINT16(2);
	bool	   *recheck = (bool *) PG_GETARG_POINTER(4);
	edtf_span  *k = (edtf_span *) DatumGetPointer(entry->key);
	bool		leaf = GIST_LEAF(entry);
	int64		qlo,
				qhi;

	*recheck = false;
	if (strategy == RT_CONTAINS_ELEM)
		qlo = qhi = date_day(PG_GETARG_DATEADT(1));
	else
	{
		sn_edtf_packed *q = PG_GETARG_EDTF_P(1);

		qlo = q->lower;
		qhi = q->upper;
	}

	switch (strategy)
	{
		case RTLeftStrategyNumber:	/* << */
			PG_RETURN_BOOL(leaf ? k->hi < qlo : k->lo < qlo);
		case RTRightStrategyNumber:	/* >> */
			PG_RETURN_BOOL(leaf ? k->lo > qhi : k->hi > qhi);
		case RTOverlapStrategyNumber:	/* && */
			PG_RETURN_BOOL(edtf_span_overlaps(k->lo, k->hi, qlo, qhi));
		case RTContainsStrategyNumber:	/* @> edtf */
		case RT_CONTAINS_ELEM:	/* @> date */
			PG_RETURN_BOOL(k->lo <= qlo && qhi <= k->hi);
		case RTContainedByStrategyNumber:	/* <@ */
			PG_RETURN_BOOL(leaf ? (qlo <= k->lo && k->hi <= qhi)
						   : edtf_span_overlaps(k->lo, k->hi, qlo, qhi));
	}
	elog(ERROR, "edtf GiST: unknown strategy %d", (int) strategy);
	PG_RETURN_BOOL(false);
}

Datum
edtf_gist_union(PG_FUNCTION_ARGS)
{
	GistEntryVector *ev = (GistEntryVector *) PG_GETARG_POINTER(0);
	edtf_span  *u = (edtf_span *) palloc(sizeof(edtf_span));
	int			i;

	*u = *(edtf_span *) DatumGetPointer(ev->vector[0].key);
	for (i = 1; i < ev->n; i++)
	{
		edtf_span  *k = (edtf_span *) DatumGetPointer(ev->vector[i].key);

		if (k->lo < u->lo)
			u->lo = k->lo;
		if (k->hi > u->hi)
			u->hi = k->hi;
	}
	PG_RETURN_POINTER(u);
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
	edtf_span  *o = (edtf_span *) DatumGetPointer(orig->key);
	edtf_span  *a = (edtf_span *) DatumGetPointer(add->key);
	int64		lo = a->lo < o->lo ? a->lo : o->lo;
	int64		hi = a->hi > o->hi ? a->hi : o->hi;
	double		grow = span_width(lo, hi) - span_width(o->lo, o->hi);

	/* growth first; among equal growth, the narrower key */
	*penalty = (float) (grow > 0 ? grow + 1.0 : span_width(o->lo, o->hi) * 1e-12);
	PG_RETURN_POINTER(penalty);
}

typedef struct split_item
{
	double		center;
	int64		lo;
	OffsetNumber off;
} split_item;

static int
split_item_cmp(const void *a, const void *b)
{
	const split_item *x = a,
			   *y = b;

	if (x->center != y->center)
		return x->center < y->center ? -1 : 1;
	if (x->lo != y->lo)
		return x->lo < y->lo ? -1 : 1;
	return (int) x->off - (int) y->off;
}

/* Split by the centre of the spans: the first half left, the rest right. */
Datum
edtf_gist_picksplit(PG_FUNCTION_ARGS)
{
	GistEntryVector *ev = (GistEntryVector *) PG_GETARG_POINTER(0);
	GIST_SPLITVEC *v = (GIST_SPLITVEC *) PG_GETARG_POINTER(1);
	OffsetNumber maxoff = ev->n - 1;
	int			n = maxoff - FirstOffsetNumber + 1;
	split_item *items = palloc(sizeof(split_item) * n);
	edtf_span  *left = palloc(sizeof(edtf_span)),
			   *right = palloc(sizeof(edtf_span));
	int			i;

	for (i = 0; i < n; i++)
	{
		edtf_span  *k = (edtf_span *) DatumGetPointer(ev->vector[FirstOffsetNumber + i].key);

		items[i].center = (double) k->lo / 2.0 + (double) k->hi / 2.0;
		items[i].lo = k->lo;
		items[i].off = (OffsetNumber) (FirstOffsetNumber + i);
	}
	qsort(items, n, sizeof(split_item), split_item_cmp);

	v->spl_left = palloc(sizeof(OffsetNumber) * (n + 1));
	v->spl_right = palloc(sizeof(OffsetNumber) * (n + 1));
	v->spl_nleft = v->spl_nright = 0;
	for (i = 0; i < n; i++)
	{
		edtf_span  *k = (edtf_span *) DatumGetPointer(ev->vector[items[i].off].key);
		bool		to_left = i < n / 2;
		edtf_span  *u = to_left ? left : right;

		if (to_left ? v->spl_nleft == 0 : v->spl_nright == 0)
			*u = *k;
		else
		{
			if (k->lo < u->lo)
				u->lo = k->lo;
			if (k->hi > u->hi)
				u->hi = k->hi;
		}
		if (to_left)
			v->spl_left[v->spl_nleft++] = items[i].off;
		else
			v->spl_right[v->spl_nright++] = items[i].off;
	}
	v->spl_ldatum = PointerGetDatum(left);
	v->spl_rdatum = PointerGetDatum(right);
	pfree(items);
	PG_RETURN_POINTER(v);
}

Datum
edtf_gist_same(PG_FUNCTION_ARGS)
{
	edtf_span  *a = (edtf_span *) PG_GETARG_POINTER(0);
	edtf_span  *b = (edtf_span *) PG_GETARG_POINTER(1);
	bool	   *result = (bool *) PG_GETARG_POINTER(2);

	*result = a->lo == b->lo && a->hi == b->hi;
	PG_RETURN_POINTER(result);
}
