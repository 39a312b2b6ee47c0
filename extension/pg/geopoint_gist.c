/*
 * extension/pg/geopoint_gist.c
 *
 * The default GiST operator class of geopoint: nearest-neighbour ordering by
 * <-> and radius search by <@ geodisc (which dwithin becomes).  The key maths
 * (ECEF boxes, bounds, penalty, split) is in extension/core/geopoint_index.c;
 * here are only the GiST calling conventions.
 *
 * Keys are sn_geobox (24 bytes, the SQL type geopoint_gist_key).  Leaf keys
 * are float4 boxes around one point, so leaf answers are bounds and the
 * executor rechecks them on the heap tuple: exactly for <@, and by reordering
 * on the true distance for <-> (the lower bound never exceeds it).
 */
#include "sn_pg.h"

#include <math.h>

#include "access/gist.h"
#include "access/stratnum.h"
#include "utils/sortsupport.h"

#include "geopoint_index.h"
#include "geopoint_pg.h"
#include "sn_sort.h"

PGDLLEXPORT Datum geopoint_gist_key_in(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum geopoint_gist_key_out(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum geopoint_gist_compress(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum geopoint_gist_consistent(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum geopoint_gist_union(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum geopoint_gist_penalty(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum geopoint_gist_picksplit(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum geopoint_gist_same(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum geopoint_gist_distance(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum geopoint_gist_sortsupport(PG_FUNCTION_ARGS);

PG_FUNCTION_INFO_V1(geopoint_gist_key_in);
PG_FUNCTION_INFO_V1(geopoint_gist_key_out);
PG_FUNCTION_INFO_V1(geopoint_gist_compress);
PG_FUNCTION_INFO_V1(geopoint_gist_consistent);
PG_FUNCTION_INFO_V1(geopoint_gist_union);
PG_FUNCTION_INFO_V1(geopoint_gist_penalty);
PG_FUNCTION_INFO_V1(geopoint_gist_picksplit);
PG_FUNCTION_INFO_V1(geopoint_gist_same);
PG_FUNCTION_INFO_V1(geopoint_gist_distance);
PG_FUNCTION_INFO_V1(geopoint_gist_sortsupport);

/* ------------------------------------------------------------------------
 * The key type: shown by pageinspect, never typed in.
 */

Datum
geopoint_gist_key_in(PG_FUNCTION_ARGS)
{
	ereport(ERROR,
			(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
			 errmsg("geopoint_gist_key has no text input"),
			 errdetail("It is the key type of the geopoint GiST index, built from geopoint values.")));
	PG_RETURN_NULL();
}

Datum
geopoint_gist_key_out(PG_FUNCTION_ARGS)
{
	sn_geobox  *b = (sn_geobox *) PG_GETARG_POINTER(0);

	PG_RETURN_CSTRING(psprintf("(%.9g,%.9g,%.9g),(%.9g,%.9g,%.9g)",
							   b->lo[0], b->lo[1], b->lo[2],
							   b->hi[0], b->hi[1], b->hi[2]));
}

/* ------------------------------------------------------------------------
 * Query cache: the ECEF position of the query point, computed once per scan
 */

typedef struct query_cache
{
	sn_geopoint centre;
	double		radius;
	double		ecef[3];
	bool		valid;
} query_cache;

static query_cache *
get_query(FunctionCallInfo fcinfo, StrategyNumber strategy, Datum query)
{
	query_cache *qc = fcinfo->flinfo->fn_extra;
	sn_geopoint centre;
	double		radius = 0;

	if (strategy == SN_GEOPOINT_STRATEGY_IN_DISC)
	{
		CIRCLE	   *disc = DatumGetCircleP(query);

		if (qc && qc->valid && qc->centre.lat == disc->center.y &&
			qc->centre.lon == disc->center.x && qc->radius == disc->radius)
			return qc;
		sn_pg_disc_centre(disc, &centre);
		radius = disc->radius;
	}
	else if (strategy == SN_GEOPOINT_STRATEGY_KNN)
	{
		sn_geopoint *p = DatumGetGeopointP(query);

		if (qc && qc->valid && qc->centre.lat == p->lat && qc->centre.lon == p->lon)
			return qc;
		centre = *p;
	}
	else
		elog(ERROR, "unrecognized geopoint GiST strategy number: %d", strategy);

	if (qc == NULL)
		qc = fcinfo->flinfo->fn_extra =
			MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(query_cache));
	qc->centre = centre;
	qc->radius = radius;
	sn_geopoint_ecef(&centre, qc->ecef);
	qc->valid = true;
	return qc;
}

/* ------------------------------------------------------------------------
 * Support functions
 */

Datum
geopoint_gist_compress(PG_FUNCTION_ARGS)
{
	GISTENTRY  *entry = (GISTENTRY *) PG_GETARG_POINTER(0);

	if (entry->leafkey)
	{
		GISTENTRY  *retval = palloc(sizeof(GISTENTRY));
		sn_geobox  *key = palloc(sizeof(sn_geobox));

		sn_geobox_from_point(DatumGetGeopointP(entry->key), key);
		gistentryinit(*retval, PointerGetDatum(key), entry->rel, entry->page,
					  entry->offset, false);
		PG_RETURN_POINTER(retval);
	}
	PG_RETURN_POINTER(entry);
}

/*
 * The query of a consistent or distance call (entry, query, strategy, subtype,
 * recheck), which serves the one strategy `served`; *key is the entry's key.
 */
static query_cache *
scan_query(FunctionCallInfo fcinfo, StrategyNumber served, sn_geobox **key)
{
	GISTENTRY  *entry = (GISTENTRY *) PG_GETARG_POINTER(0);
	StrategyNumber strategy = (StrategyNumber) PG_GETARG_UINT16(2);

	if (strategy != served)
		elog(ERROR, "unrecognized geopoint GiST strategy number: %d", strategy);
	*key = (sn_geobox *) DatumGetPointer(entry->key);
	return get_query(fcinfo, strategy, PG_GETARG_DATUM(1));
}

Datum
geopoint_gist_consistent(PG_FUNCTION_ARGS)
{
	GISTENTRY  *entry = (GISTENTRY *) PG_GETARG_POINTER(0);
	bool	   *recheck = (bool *) PG_GETARG_POINTER(4);
	sn_geobox  *key;
	query_cache *qc = scan_query(fcinfo, SN_GEOPOINT_STRATEGY_IN_DISC, &key);

	*recheck = false;
	if (qc->radius < 0)
		PG_RETURN_BOOL(false);
	if (isinf(qc->radius))
		PG_RETURN_BOOL(true);
	if (sn_geobox_distance_lower_bound(key, qc->ecef) > qc->radius)
		PG_RETURN_BOOL(false);
	/* a leaf whose whole box is surely inside needs no geodesic */
	if (GIST_LEAF(entry) && sn_geobox_distance_upper_bound(key, qc->ecef) > qc->radius)
		*recheck = true;
	PG_RETURN_BOOL(true);
}

Datum
geopoint_gist_distance(PG_FUNCTION_ARGS)
{
	bool	   *recheck = (bool *) PG_GETARG_POINTER(4);
	sn_geobox  *key;
	query_cache *qc = scan_query(fcinfo, SN_GEOPOINT_STRATEGY_KNN, &key);

	/* a lower bound, on leaves too: the executor reorders on the true distance */
	*recheck = true;
	PG_RETURN_FLOAT8(sn_geobox_distance_lower_bound(key, qc->ecef));
}

Datum
geopoint_gist_union(PG_FUNCTION_ARGS)
{
	GistEntryVector *entryvec = (GistEntryVector *) PG_GETARG_POINTER(0);
	int		   *sizep = (int *) PG_GETARG_POINTER(1);
	sn_geobox  *out = palloc(sizeof(sn_geobox));

	*out = *(sn_geobox *) DatumGetPointer(entryvec->vector[0].key);
	for (int i = 1; i < entryvec->n; i++)
		sn_geobox_union(out, (sn_geobox *) DatumGetPointer(entryvec->vector[i].key));
	*sizep = sizeof(sn_geobox);
	PG_RETURN_POINTER(out);
}

Datum
geopoint_gist_penalty(PG_FUNCTION_ARGS)
{
	GISTENTRY  *orig = (GISTENTRY *) PG_GETARG_POINTER(0);
	GISTENTRY  *add = (GISTENTRY *) PG_GETARG_POINTER(1);
	float	   *result = (float *) PG_GETARG_POINTER(2);

	*result = sn_geobox_penalty((sn_geobox *) DatumGetPointer(orig->key),
								(sn_geobox *) DatumGetPointer(add->key));
	PG_RETURN_POINTER(result);
}

Datum
geopoint_gist_picksplit(PG_FUNCTION_ARGS)
{
	GistEntryVector *entryvec = (GistEntryVector *) PG_GETARG_POINTER(0);
	GIST_SPLITVEC *v = (GIST_SPLITVEC *) PG_GETARG_POINTER(1);
	OffsetNumber maxoff = entryvec->n - 1;
	int			n = maxoff;		/* entries are 1 .. maxoff */
	sn_geobox  *boxes = palloc(sizeof(sn_geobox) * n);
	bool	   *left = palloc(sizeof(bool) * n);
	void	   *work = palloc(sn_geobox_split_work_size() * n);
	sn_geobox  *lunion = palloc(sizeof(sn_geobox)),
			   *runion = palloc(sizeof(sn_geobox));
	bool		lfirst = true,
				rfirst = true;

	for (int i = 0; i < n; i++)
		boxes[i] = *(sn_geobox *) DatumGetPointer(entryvec->vector[i + FirstOffsetNumber].key);
	sn_geobox_picksplit(boxes, n, left, work);

	v->spl_left = palloc(sizeof(OffsetNumber) * n);
	v->spl_right = palloc(sizeof(OffsetNumber) * n);
	v->spl_nleft = v->spl_nright = 0;
	for (int i = 0; i < n; i++)
	{
		if (left[i])
		{
			v->spl_left[v->spl_nleft++] = i + FirstOffsetNumber;
			if (lfirst)
				*lunion = boxes[i];
			else
				sn_geobox_union(lunion, &boxes[i]);
			lfirst = false;
		}
		else
		{
			v->spl_right[v->spl_nright++] = i + FirstOffsetNumber;
			if (rfirst)
				*runion = boxes[i];
			else
				sn_geobox_union(runion, &boxes[i]);
			rfirst = false;
		}
	}
	v->spl_ldatum = PointerGetDatum(lunion);
	v->spl_rdatum = PointerGetDatum(runion);
	pfree(boxes);
	pfree(left);
	pfree(work);
	PG_RETURN_POINTER(v);
}

Datum
geopoint_gist_same(PG_FUNCTION_ARGS)
{
	sn_geobox  *a = (sn_geobox *) PG_GETARG_POINTER(0);
	sn_geobox  *b = (sn_geobox *) PG_GETARG_POINTER(1);
	bool	   *result = (bool *) PG_GETARG_POINTER(2);

	*result = sn_geobox_equal(a, b);
	PG_RETURN_POINTER(result);
}

/* ------------------------------------------------------------------------
 * Sorted build (PostgreSQL 14+): leaf keys in Hilbert order
 *
 * The abbreviated key is the whole 63-bit Hilbert index (on 64-bit
 * platforms), so most comparisons never look at the boxes.
 */

static int
cmp_keys(uint64 a, uint64 b)
{
	return SN_CMP(a, b);
}

static int
geobox_sort_cmp(Datum a, Datum b, SortSupport ssup)
{
	return cmp_keys(sn_geobox_sort_key((sn_geobox *) DatumGetPointer(a)),
					sn_geobox_sort_key((sn_geobox *) DatumGetPointer(b)));
}

#if SIZEOF_DATUM >= 8
static Datum
geobox_abbrev_convert(Datum original, SortSupport ssup)
{
	return (Datum) sn_geobox_sort_key((sn_geobox *) DatumGetPointer(original));
}

static int
geobox_abbrev_cmp(Datum a, Datum b, SortSupport ssup)
{
	return cmp_keys((uint64) a, (uint64) b);
}

static bool
geobox_abbrev_abort(int memtupcount, SortSupport ssup)
{
	return false;
}
#endif

Datum
geopoint_gist_sortsupport(PG_FUNCTION_ARGS)
{
	SortSupport ssup = (SortSupport) PG_GETARG_POINTER(0);

#if SIZEOF_DATUM >= 8
	if (ssup->abbreviate)
	{
		ssup->comparator = geobox_abbrev_cmp;
		ssup->abbrev_converter = geobox_abbrev_convert;
		ssup->abbrev_abort = geobox_abbrev_abort;
		ssup->abbrev_full_comparator = geobox_sort_cmp;
		PG_RETURN_VOID();
	}
#endif
	ssup->comparator = geobox_sort_cmp;
	PG_RETURN_VOID();
}
