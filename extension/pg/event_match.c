/*
 * extension/pg/event_match.c
 *
 * The glue of event matching: three internal functions that link_events()
 * (extension/sql/400_matching.sql) calls with queries it builds.  Each reads
 * its query through SPI, hands plain arrays to the core (event_match.h) and
 * returns rows.
 *
 *   event_match_pairs(a, b, within_km, within_days)  candidate pairs and their parts
 *   event_match_select(pairs, a_splits, b_splits, within_km, within_days, min_score)  ranks
 *   event_match_clusters(links, splitting)  incidents
 */
#include "sn_pg.h"

#include <math.h>

#include "catalog/pg_type.h"
#include "common/hashfn.h"
#include "executor/spi.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"

#include "event_match.h"

PG_FUNCTION_INFO_V1(event_match_pairs);
PG_FUNCTION_INFO_V1(event_match_select);
PG_FUNCTION_INFO_V1(event_match_clusters);

/* ------------------------------------------------------------------------
 * Reading the columns of a query's rows
 */

static void
check_columns(SPITupleTable *tt, int n, const char *what)
{
	if (tt->tupdesc->natts < n)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s query returns %d columns, %d expected", what, tt->tupdesc->natts, n)));
}

static bool
col_null(SPITupleTable *tt, uint64 row, int col)
{
	bool		isnull;

	(void) SPI_getbinval(tt->vals[row], tt->tupdesc, col, &isnull);
	return isnull;
}

static int64
col_int8(SPITupleTable *tt, uint64 row, int col, int64 if_null)
{
	bool		isnull;
	Datum		d = SPI_getbinval(tt->vals[row], tt->tupdesc, col, &isnull);
	Oid			typ = SPI_gettypeid(tt->tupdesc, col);

	if (isnull)
		return if_null;
	if (typ == INT4OID)
		return DatumGetInt32(d);
	if (typ == INT2OID)
		return DatumGetInt16(d);
	if (typ != INT8OID)
		ereport(ERROR, (errcode(ERRCODE_DATATYPE_MISMATCH),
						errmsg("column %d of the query must be an integer", col)));
	return DatumGetInt64(d);
}

static double
col_float8(SPITupleTable *tt, uint64 row, int col, double if_null)
{
	bool		isnull;
	Datum		d = SPI_getbinval(tt->vals[row], tt->tupdesc, col, &isnull);

	if (isnull)
		return if_null;
	if (SPI_gettypeid(tt->tupdesc, col) != FLOAT8OID)
		ereport(ERROR, (errcode(ERRCODE_DATATYPE_MISMATCH),
						errmsg("column %d of the query must be float8", col)));
	return DatumGetFloat8(d);
}

/* A text column as a non-zero 64-bit identity (0 when NULL or empty). */
static uint64
col_text_hash(SPITupleTable *tt, uint64 row, int col)
{
	bool		isnull;
	Datum		d = SPI_getbinval(tt->vals[row], tt->tupdesc, col, &isnull);
	text	   *t;
	uint64		h;

	if (isnull)
		return 0;
	t = DatumGetTextPP(d);
	if (VARSIZE_ANY_EXHDR(t) == 0)
		return 0;
	h = DatumGetUInt64(hash_any_extended((const unsigned char *) VARDATA_ANY(t),
										 VARSIZE_ANY_EXHDR(t), 0));
	return h ? h : 1;
}

/* Append the elements of a bigint[] column as actors of one side. */
static void
col_actors(SPITupleTable *tt, uint64 row, int col, int side,
		   sn_match_actor **actors, size_t *n, size_t *cap)
{
	bool		isnull;
	Datum		d = SPI_getbinval(tt->vals[row], tt->tupdesc, col, &isnull);
	ArrayType  *arr;
	Datum	   *elems;
	bool	   *nulls;
	int			nelems;

	if (isnull)
		return;
	arr = DatumGetArrayTypeP(d);
	if (ARR_ELEMTYPE(arr) != INT8OID)
		ereport(ERROR, (errcode(ERRCODE_DATATYPE_MISMATCH),
						errmsg("column %d of the query must be bigint[]", col)));
	deconstruct_array(arr, INT8OID, 8, FLOAT8PASSBYVAL, TYPALIGN_DOUBLE, &elems, &nulls, &nelems);
	for (int i = 0; i < nelems; i++)
	{
		if (nulls[i])
			continue;
		if (*n == *cap)
		{
			*cap *= 2;
			*actors = repalloc_huge(*actors, sizeof(sn_match_actor) * *cap);
		}
		(*actors)[*n].actor_id = DatumGetInt64(elems[i]);
		(*actors)[*n].side = side;
		(*n)++;
	}
}

/*
 * The events of a feature query: id, day_lo, day_hi, lat, lon, precision_m,
 * fat_lo, fat_hi, level1, level2, source, actors1[], actors2[], actors0[],
 * category.
 */
static sn_match_event *
read_events(const char *query, const char *what, size_t *n_out)
{
	SPITupleTable *tt;
	uint64		n;
	sn_match_event *ev;
	sn_match_actor *actors;
	size_t		n_actors = 0,
				cap = 1024;
	size_t	   *actor_start;

	if (SPI_execute(query, true, 0) != SPI_OK_SELECT)
		ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						errmsg("%s query must be a SELECT: \"%s\"", what, query)));
	tt = SPI_tuptable;
	n = SPI_processed;
	check_columns(tt, 15, what);
	ev = MemoryContextAllocHuge(CurrentMemoryContext, sizeof(sn_match_event) * (n ? n : 1));
	actor_start = MemoryContextAllocHuge(CurrentMemoryContext, sizeof(size_t) * (n ? n : 1));
	actors = MemoryContextAllocHuge(CurrentMemoryContext, sizeof(sn_match_actor) * cap);
	for (uint64 i = 0; i < n; i++)
	{
		sn_match_event *e = &ev[i];

		CHECK_FOR_INTERRUPTS();
		memset(e, 0, sizeof(*e));
		if (col_null(tt, i, 1))
			ereport(ERROR, (errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
							errmsg("%s query returned an event without id", what)));
		e->id = col_int8(tt, i, 1, 0);
		e->day_lo = col_int8(tt, i, 2, INT64_MIN);
		e->day_hi = col_int8(tt, i, 3, INT64_MAX);
		e->lat = col_float8(tt, i, 4, NAN);
		e->lon = col_float8(tt, i, 5, NAN);
		e->precision_m = col_float8(tt, i, 6, 0.0);
		e->fat_lo = col_int8(tt, i, 7, SN_MATCH_UNKNOWN);
		e->fat_hi = col_int8(tt, i, 8, SN_MATCH_UNKNOWN);
		e->level1 = col_text_hash(tt, i, 9);
		e->level2 = col_text_hash(tt, i, 10);
		e->source = col_text_hash(tt, i, 11);
		actor_start[i] = n_actors;
		col_actors(tt, i, 12, SN_MATCH_SIDE_1, &actors, &n_actors, &cap);
		col_actors(tt, i, 13, SN_MATCH_SIDE_2, &actors, &n_actors, &cap);
		col_actors(tt, i, 14, SN_MATCH_SIDE_NONE, &actors, &n_actors, &cap);
		e->n_actors = n_actors - actor_start[i];
		e->category = col_text_hash(tt, i, 15);
	}
	/* pointers only once the array stops moving */
	for (uint64 i = 0; i < n; i++)
		ev[i].actors = actors + actor_start[i];
	SPI_freetuptable(tt);
	*n_out = (size_t) n;
	return ev;
}

static void
check_windows(double within_km, int32 within_days)
{
	if (isnan(within_km) || isinf(within_km) || within_km < 0)
		ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						errmsg("within_km must be a finite number of km >= 0, not %g", within_km)));
	if (within_days < 0)
		ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						errmsg("within_days must be >= 0, not %d", within_days)));
}

/* ------------------------------------------------------------------------
 * event_match_pairs
 */

typedef struct pairs_ctx
{
	ReturnSetInfo *rsinfo;
	const sn_match_event *q;
	const sn_match_event *t;
	const sn_match_params *p;
	bool		swapped;		/* q is the second set: write (t, q) */
	int64		count;
} pairs_ctx;

static bool
emit_pair(void *ctx, size_t iq, size_t it, const sn_match_parts *r)
{
	pairs_ctx  *c = ctx;
	Datum		values[17];
	bool		nulls[17] = {0};
	char		json[640];
	static const char *const actors[] = {"unknown", "none shared", "shared, sides swapped", "shared", "shared, same sides"};
	static const char *const deaths[] = {"unknown", "incompatible", "compatible"};
	bool		dup = sn_match_is_duplicate(&c->q[iq], &c->t[it], c->p);

	values[0] = Int64GetDatum(c->swapped ? c->t[it].id : c->q[iq].id);
	values[1] = Int64GetDatum(c->swapped ? c->q[iq].id : c->t[it].id);
	values[2] = Float8GetDatum(r->score);
	values[3] = Int64GetDatum(r->days_apart);
	values[4] = Float8GetDatum(r->km);
	values[5] = Float8GetDatum(r->km_apart);
	values[6] = Float8GetDatum(r->radius_km);
	values[7] = Int32GetDatum(r->level);
	values[8] = Int32GetDatum(r->actors);
	values[9] = Int32GetDatum(r->fatalities);
	values[10] = Float8GetDatum(r->s_time);
	values[11] = Float8GetDatum(r->s_space);
	values[12] = Float8GetDatum(r->s_category);
	values[13] = Float8GetDatum(r->s_actors);
	values[14] = Float8GetDatum(r->s_fatalities);
	values[15] = BoolGetDatum(dup);
	/* the reasons, as JSON text (link_events stores them as jsonb) */
	if (r->level >= 0)
		snprintf(json, sizeof(json), "{\"days_apart\": " INT64_FORMAT ", \"km\": %.2f, \"km_apart\": %.2f, "
				 "\"radius_km\": %.2f, \"level\": %d, \"actors\": \"%s\", \"fatalities\": \"%s\", "
				 "\"parts\": {\"time\": %.3f, \"space\": %.3f, \"category\": %.3f, \"actors\": %.3f, "
				 "\"fatalities\": %.3f}, \"duplicate\": %s}",
				 r->days_apart, r->km, r->km_apart, r->radius_km, r->level,
				 actors[r->actors + 1], deaths[r->fatalities + 1],
				 r->s_time, r->s_space, r->s_category, r->s_actors, r->s_fatalities, dup ? "true" : "false");
	else
		snprintf(json, sizeof(json), "{\"days_apart\": " INT64_FORMAT ", \"km\": %.2f, \"km_apart\": %.2f, "
				 "\"radius_km\": %.2f, \"level\": null, \"actors\": \"%s\", \"fatalities\": \"%s\", "
				 "\"parts\": {\"time\": %.3f, \"space\": %.3f, \"category\": %.3f, \"actors\": %.3f, "
				 "\"fatalities\": %.3f}, \"duplicate\": %s}",
				 r->days_apart, r->km, r->km_apart, r->radius_km,
				 actors[r->actors + 1], deaths[r->fatalities + 1],
				 r->s_time, r->s_space, r->s_category, r->s_actors, r->s_fatalities, dup ? "true" : "false");
	values[16] = CStringGetTextDatum(json);
	tuplestore_putvalues(c->rsinfo->setResult, c->rsinfo->setDesc, values, nulls);
	c->count++;
	return true;
}

Datum
event_match_pairs(PG_FUNCTION_ARGS)
{
	char	   *qa = text_to_cstring(PG_GETARG_TEXT_PP(0));
	char	   *qb = text_to_cstring(PG_GETARG_TEXT_PP(1));
	double		within_km = PG_GETARG_FLOAT8(2);
	int32		within_days = PG_GETARG_INT32(3);
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	sn_match_params p;
	sn_match_event *a,
			   *b;
	size_t		na,
				nb;
	pairs_ctx	ctx;
	uint64_t	compared;

	check_windows(within_km, within_days);
	InitMaterializedSRF(fcinfo, 0);
	sn_match_params_default(&p, within_km, within_days);
	SPI_connect();
	a = read_events(qa, "the first event", &na);
	b = read_events(qb, "the second event", &nb);
	ctx.rsinfo = rsinfo;
	ctx.p = &p;
	ctx.count = 0;
	ctx.swapped = false;
	/* the smaller set queries the grid of the larger */
	if (na <= nb)
	{
		ctx.q = a;
		ctx.t = b;
		if (!sn_match_candidates(a, na, b, nb, false, &p, emit_pair, &ctx, &compared))
			ereport(ERROR, (errcode(ERRCODE_OUT_OF_MEMORY), errmsg("out of memory while searching candidate pairs")));
	}
	else
	{
		/* swapped, then written the right way round */
		pairs_ctx	swapped = ctx;

		swapped.q = b;
		swapped.t = a;
		swapped.swapped = true;
		if (!sn_match_candidates(b, nb, a, na, false, &p, emit_pair, &swapped, &compared))
			ereport(ERROR, (errcode(ERRCODE_OUT_OF_MEMORY), errmsg("out of memory while searching candidate pairs")));
	}
	SPI_finish();
	return (Datum) 0;
}

/* ------------------------------------------------------------------------
 * event_match_select
 */

static int
cmp_int64(const void *x, const void *y)
{
	int64		a = *(const int64 *) x,
				b = *(const int64 *) y;

	return a < b ? -1 : a > b;
}

static size_t
index_of(const int64 *ids, size_t n, int64 id)
{
	const int64 *hit = bsearch(&id, ids, n, sizeof(int64), cmp_int64);

	return (size_t) (hit - ids);
}

/* Sorted distinct ids of one column */
static int64 *
distinct_ids(SPITupleTable *tt, uint64 n, int col, size_t *n_out)
{
	int64	   *ids = MemoryContextAllocHuge(CurrentMemoryContext, sizeof(int64) * (n ? n : 1));
	size_t		k = 0;

	for (uint64 i = 0; i < n; i++)
		ids[i] = col_int8(tt, i, col, 0);
	qsort(ids, n, sizeof(int64), cmp_int64);
	for (uint64 i = 0; i < n; i++)
		if (i == 0 || ids[i] != ids[k - 1])
			ids[k++] = ids[i];
	*n_out = k;
	return ids;
}

Datum
event_match_select(PG_FUNCTION_ARGS)
{
	char	   *query = text_to_cstring(PG_GETARG_TEXT_PP(0));
	bool		a_splits = PG_GETARG_BOOL(1);
	bool		b_splits = PG_GETARG_BOOL(2);
	double		within_km = PG_GETARG_FLOAT8(3);
	int32		within_days = PG_GETARG_INT32(4);
	double		min_score = PG_GETARG_FLOAT8(5);
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	sn_match_params p;
	SPITupleTable *tt;
	uint64		n;
	int64	   *aid,
			   *bid;
	size_t		na,
				nb;
	sn_match_event *a,
			   *b;
	sn_match_pair *pairs;

	check_windows(within_km, within_days);
	if (isnan(min_score) || min_score < 0 || min_score > 1)
		ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						errmsg("min_score must lie in [0, 1], not %g", min_score)));
	InitMaterializedSRF(fcinfo, 0);
	sn_match_params_default(&p, within_km, within_days);
	p.min_score = min_score;
	SPI_connect();
	if (SPI_execute(query, true, 0) != SPI_OK_SELECT)
		ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						errmsg("the pairs query must be a SELECT: \"%s\"", query)));
	tt = SPI_tuptable;
	n = SPI_processed;
	check_columns(tt, 14, "the pairs");
	aid = distinct_ids(tt, n, 1, &na);
	bid = distinct_ids(tt, n, 2, &nb);
	a = palloc0_array(sn_match_event, na ? na : 1);
	b = palloc0_array(sn_match_event, nb ? nb : 1);
	pairs = MemoryContextAllocHuge(CurrentMemoryContext, sizeof(sn_match_pair) * (n ? n : 1));
	for (uint64 i = 0; i < n; i++)
	{
		sn_match_pair *x = &pairs[i];
		char	   *status;
		sn_match_event *ea,
				   *eb;

		memset(x, 0, sizeof(*x));
		x->a = index_of(aid, na, col_int8(tt, i, 1, 0));
		x->b = index_of(bid, nb, col_int8(tt, i, 2, 0));
		x->score = col_float8(tt, i, 3, 0.0);
		x->days_apart = col_int8(tt, i, 4, INT64_MAX);
		x->km_apart = col_float8(tt, i, 5, INFINITY);
		status = SPI_getvalue(tt->vals[i], tt->tupdesc, 6);
		if (status == NULL || strcmp(status, "proposed") == 0)
			x->status = SN_MATCH_PROPOSED;
		else if (strcmp(status, "accepted") == 0)
			x->status = SN_MATCH_ACCEPTED;
		else if (strcmp(status, "rejected") == 0)
			x->status = SN_MATCH_REJECTED;
		else
			ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
							errmsg("invalid link status \"%s\"", status),
							errhint("A status is proposed, accepted or rejected.")));
		ea = &a[x->a];
		eb = &b[x->b];
		ea->id = aid[x->a];
		ea->day_lo = col_int8(tt, i, 7, 0);
		ea->day_hi = col_int8(tt, i, 8, 0);
		ea->lat = col_float8(tt, i, 9, 0);
		ea->lon = col_float8(tt, i, 10, 0);
		eb->id = bid[x->b];
		eb->day_lo = col_int8(tt, i, 11, 0);
		eb->day_hi = col_int8(tt, i, 12, 0);
		eb->lat = col_float8(tt, i, 13, 0);
		eb->lon = col_float8(tt, i, 14, 0);
	}
	if (!sn_match_select(pairs, n, a, na, a_splits, b, nb, b_splits, &p))
		ereport(ERROR, (errcode(ERRCODE_OUT_OF_MEMORY), errmsg("out of memory while selecting matches")));
	for (uint64 i = 0; i < n; i++)
	{
		Datum		values[5];
		bool		nulls[5] = {0};

		values[0] = Int64GetDatum(a[pairs[i].a].id);
		values[1] = Int64GetDatum(b[pairs[i].b].id);
		values[2] = Int32GetDatum(pairs[i].rank_a);
		values[3] = Int32GetDatum(pairs[i].rank_b);
		values[4] = BoolGetDatum(pairs[i].shared);
		nulls[2] = nulls[3] = (pairs[i].status == SN_MATCH_REJECTED);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	SPI_finish();
	return (Datum) 0;
}

/* ------------------------------------------------------------------------
 * event_match_clusters
 */

Datum
event_match_clusters(PG_FUNCTION_ARGS)
{
	char	   *query = text_to_cstring(PG_GETARG_TEXT_PP(0));
	ArrayType  *splitting = PG_GETARG_ARRAYTYPE_P(1);
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	Datum	   *split_names;
	bool	   *split_nulls;
	int			n_split;
	SPITupleTable *tt;
	uint64		n;
	int64	   *ids;
	size_t		n_ids,
				n_refused;
	int		   *dataset;
	char	   *names[64];
	int			n_names = 0;
	uint64_t	splits = 0;
	sn_match_link *links;
	size_t	   *cluster;

	deconstruct_array(splitting, TEXTOID, -1, false, TYPALIGN_INT, &split_names, &split_nulls, &n_split);
	InitMaterializedSRF(fcinfo, 0);
	SPI_connect();
	if (SPI_execute(query, true, 0) != SPI_OK_SELECT)
		ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						errmsg("the links query must be a SELECT: \"%s\"", query)));
	tt = SPI_tuptable;
	n = SPI_processed;
	check_columns(tt, 4, "the links");
	{
		/* the ids of both columns */
		int64	   *all = MemoryContextAllocHuge(CurrentMemoryContext, sizeof(int64) * (2 * n + 1));
		size_t		k = 0;

		for (uint64 i = 0; i < n; i++)
		{
			all[2 * i] = col_int8(tt, i, 1, 0);
			all[2 * i + 1] = col_int8(tt, i, 2, 0);
		}
		qsort(all, 2 * n, sizeof(int64), cmp_int64);
		for (uint64 i = 0; i < 2 * n; i++)
			if (i == 0 || all[i] != all[k - 1])
				all[k++] = all[i];
		ids = all;
		n_ids = k;
	}
	dataset = palloc_array(int, n_ids ? n_ids : 1);
	for (size_t i = 0; i < n_ids; i++)
		dataset[i] = -1;
	links = MemoryContextAllocHuge(CurrentMemoryContext, sizeof(sn_match_link) * (n ? n : 1));
	for (uint64 i = 0; i < n; i++)
	{
		for (int side = 0; side < 2; side++)
		{
			size_t		e = index_of(ids, n_ids, col_int8(tt, i, 1 + side, 0));
			char	   *ds = SPI_getvalue(tt->vals[i], tt->tupdesc, 3 + side);
			int			d;

			if (ds == NULL)
				ds = "";
			for (d = 0; d < n_names; d++)
				if (strcmp(names[d], ds) == 0)
					break;
			if (d == n_names)
			{
				if (n_names == 64)
					ereport(ERROR, (errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
									errmsg("incidents can be built over at most 64 datasets")));
				names[n_names++] = ds;
				for (int s = 0; s < n_split; s++)
					if (!split_nulls[s] && strcmp(TextDatumGetCString(split_names[s]), ds) == 0)
						splits |= UINT64_C(1) << d;
			}
			dataset[e] = d;
			if (side == 0)
				links[i].x = e;
			else
				links[i].y = e;
		}
	}
	cluster = MemoryContextAllocHuge(CurrentMemoryContext, sizeof(size_t) * (n_ids ? n_ids : 1));
	if (!sn_match_cluster(n_ids, dataset, splits, links, n, cluster, &n_refused))
		ereport(ERROR, (errcode(ERRCODE_OUT_OF_MEMORY), errmsg("out of memory while building incidents")));
	for (size_t i = 0; i < n_ids; i++)
	{
		Datum		values[3];
		bool		nulls[3] = {0};

		values[0] = Int64GetDatum(ids[i]);
		values[1] = Int64GetDatum(ids[cluster[i]]);
		values[2] = CStringGetTextDatum(names[dataset[i]]);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	SPI_finish();
	return (Datum) 0;
}
