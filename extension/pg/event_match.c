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
 *   event_match_link(a, b, stored, reviews, ...)  the new pairs of two datasets
 *       and the selection over them and the stored ones, as rows to write
 */
#include "sn_pg.h"

#include <math.h>

#include "catalog/pg_type.h"
#include "common/hashfn.h"
#include "executor/spi.h"
#include "funcapi.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"
#include "utils/numeric.h"
#include "utils/lsyscache.h"

#include "event_match.h"
#include "event_text.h"
#include "sn_sort.h"

PG_FUNCTION_INFO_V1(event_match_pairs);
PG_FUNCTION_INFO_V1(event_match_select);
PG_FUNCTION_INFO_V1(event_match_clusters);
PG_FUNCTION_INFO_V1(event_match_link);

/* ------------------------------------------------------------------------
 * Reading the columns of a query's rows
 */

/*
 * Runs a query built by link_events() that must be a SELECT of at least ncols
 * columns; its rows are left in SPI_tuptable and SPI_processed.
 */
static void
run_select(const char *query, int ncols, const char *what)
{
	if (SPI_execute(query, true, 0) != SPI_OK_SELECT)
		ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						errmsg("%s query must be a SELECT: \"%s\"", what, query)));
	if (SPI_tuptable->tupdesc->natts < ncols)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s query returns %d columns, %d expected", what, SPI_tuptable->tupdesc->natts, ncols)));
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

/*
 * A text column in UTF-8 (the core reads UTF-8; a database of another
 * encoding converts), as a C string of the current memory context (it
 * outlives the tuple table), with its length; NULL when NULL or empty.
 */
static void
col_text_utf8(SPITupleTable *tt, uint64 row, int col, const char **s, size_t *len)
{
	bool		isnull;
	Datum		d = SPI_getbinval(tt->vals[row], tt->tupdesc, col, &isnull);
	text	   *t;
	char	   *c;

	*s = NULL;
	*len = 0;
	if (isnull)
		return;
	t = DatumGetTextPP(d);
	if (VARSIZE_ANY_EXHDR(t) == 0)
		return;
	c = text_to_cstring(t);
	*s = pg_server_to_any(c, (int) VARSIZE_ANY_EXHDR(t), PG_UTF8);
	*len = strlen(*s);
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
 * The optional columns of a feature query, found by name (0 when absent):
 * summary, place_name, group_names, and changed, which must be there when
 * want_changed.
 */
typedef struct event_columns
{
	int			summary;
	int			place;
	int			groups;
	int			changed;
} event_columns;

static event_columns
find_event_columns(SPITupleTable *tt, const char *what, bool want_changed)
{
	event_columns c;

	c.summary = SPI_fnumber(tt->tupdesc, "summary");
	c.place = SPI_fnumber(tt->tupdesc, "place_name");
	c.groups = SPI_fnumber(tt->tupdesc, "group_names");
	c.changed = 0;
	if (want_changed)
	{
		c.changed = SPI_fnumber(tt->tupdesc, "changed");
		if (c.changed <= 0)
			ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
							errmsg("%s query has no column changed", what)));
	}
	return c;
}

/*
 * The event of row i of a feature query, from its fixed columns: id (never
 * NULL), days, position, fatalities, levels and source (1 to 11).  The
 * actors, the category and the words are read by the caller.
 */
static void
read_event_fields(SPITupleTable *tt, uint64 i, const char *what, sn_match_event *e)
{
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
}

/* The words of every event, in one array (pointed into once it stops moving). */
typedef struct event_words
{
	uint64_t   *words;
	size_t		n;
	size_t		cap;
} event_words;

/* Room for the words of one more text (sn_text_words() writes at most SN_TEXT_MAX_WORDS). */
static void
reserve_words(event_words *w)
{
	if (w->n + SN_TEXT_MAX_WORDS > w->cap)
	{
		w->cap = 2 * w->cap + SN_TEXT_MAX_WORDS;
		w->words = repalloc_huge(w->words, sizeof(uint64_t) * w->cap);
	}
}

/*
 * The words of event e, row i, appended to w: those of its summary without
 * its place's name, then those of its named groups (only for an event with
 * words of its own).  *group_start: where the group words begin in w.
 */
static void
read_event_words(SPITupleTable *tt, uint64 i, const event_columns *c, sn_match_event *e,
				 event_words *w, size_t *group_start)
{
	const char *names;
	size_t		names_len;

	col_text_utf8(tt, i, c->summary, &e->text, &e->text_len);
	if (c->place > 0)
		col_text_utf8(tt, i, c->place, &e->exclude, &e->exclude_len);
	if (e->text)
	{
		reserve_words(w);
		e->n_words = sn_text_words(e->text, e->text_len, e->exclude, e->exclude_len,
								   w->words + w->n);
		w->n += e->n_words;
	}
	*group_start = w->n;
	if (e->n_words == 0 || c->groups <= 0)
		return;
	col_text_utf8(tt, i, c->groups, &names, &names_len);
	if (names)
	{
		reserve_words(w);
		e->n_group_words = sn_text_words(names, names_len, NULL, 0, w->words + w->n);
		w->n += e->n_group_words;
	}
}

/*
 * The events of a feature query: id, day_lo, day_hi, lat, lon, precision_m,
 * fat_lo, fat_hi, level1, level2, source, actors1[], actors2[], actors0[],
 * category; then, found by name, the columns summary (its description),
 * place_name (words left out of it: the place's name) and group_names (the
 * names of its named groups: their words count as text only where the other
 * event's groups do not hold them too), each optional, and changed (when
 * changed_out is asked for).
 */
static sn_match_event *
read_events(const char *query, const char *what, size_t *n_out, bool **changed_out)
{
	SPITupleTable *tt;
	uint64		n;
	sn_match_event *ev;
	sn_match_actor *actors;
	size_t		n_actors = 0,
				cap = 1024;
	size_t	   *actor_start;
	event_columns cols;
	event_words w = {NULL, 0, 1024};
	size_t	   *word_start;
	size_t	   *group_start;

	run_select(query, 15, what);
	tt = SPI_tuptable;
	n = SPI_processed;
	cols = find_event_columns(tt, what, changed_out != NULL);
	if (changed_out)
		*changed_out = MemoryContextAllocHuge(CurrentMemoryContext, sizeof(bool) * (n ? n : 1));
	ev = MemoryContextAllocHuge(CurrentMemoryContext, sizeof(sn_match_event) * (n ? n : 1));
	actor_start = MemoryContextAllocHuge(CurrentMemoryContext, sizeof(size_t) * (n ? n : 1));
	actors = MemoryContextAllocHuge(CurrentMemoryContext, sizeof(sn_match_actor) * cap);
	word_start = MemoryContextAllocHuge(CurrentMemoryContext, sizeof(size_t) * (n ? n : 1));
	group_start = MemoryContextAllocHuge(CurrentMemoryContext, sizeof(size_t) * (n ? n : 1));
	w.words = MemoryContextAllocHuge(CurrentMemoryContext, sizeof(uint64_t) * w.cap);
	for (uint64 i = 0; i < n; i++)
	{
		sn_match_event *e = &ev[i];

		CHECK_FOR_INTERRUPTS();
		read_event_fields(tt, i, what, e);
		actor_start[i] = n_actors;
		col_actors(tt, i, 12, SN_MATCH_SIDE_1, &actors, &n_actors, &cap);
		col_actors(tt, i, 13, SN_MATCH_SIDE_2, &actors, &n_actors, &cap);
		col_actors(tt, i, 14, SN_MATCH_SIDE_NONE, &actors, &n_actors, &cap);
		e->n_actors = n_actors - actor_start[i];
		e->category = col_text_hash(tt, i, 15);
		word_start[i] = group_start[i] = w.n;
		if (cols.summary > 0)
			read_event_words(tt, i, &cols, e, &w, &group_start[i]);
		if (changed_out)
		{
			bool		isnull;
			Datum		d = SPI_getbinval(tt->vals[i], tt->tupdesc, cols.changed, &isnull);

			(*changed_out)[i] = isnull || DatumGetBool(d);
		}
	}
	/* pointers only once the array stops moving */
	for (uint64 i = 0; i < n; i++)
	{
		ev[i].actors = actors + actor_start[i];
		ev[i].words = ev[i].n_words ? w.words + word_start[i] : NULL;
		ev[i].group_words = ev[i].n_group_words ? w.words + group_start[i] : NULL;
	}
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

/* The shipped parameters with the user's windows and least score, checked */
static void
selection_params(sn_match_params *p, double within_km, int32 within_days, double min_score)
{
	check_windows(within_km, within_days);
	if (isnan(min_score) || min_score < 0 || min_score > 1)
		ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						errmsg("min_score must lie in [0, 1], not %g", min_score)));
	sn_match_params_default(p, within_km, within_days);
	p->min_score = min_score;
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
	MemoryContext pair_cxt;		/* reset for every pair */
} pairs_ctx;

/* jsonb building: a key, then a value */
static void
jb_key(JsonbParseState **st, const char *key)
{
	JsonbValue	k;

	k.type = jbvString;
	k.val.string.val = (char *) key;
	k.val.string.len = strlen(key);
	pushJsonbValue(st, WJB_KEY, &k);
}

static void
jb_value(JsonbParseState **st, const char *key, JsonbValue v)
{
	jb_key(st, key);
	pushJsonbValue(st, WJB_VALUE, &v);
}

static void
jb_num(JsonbParseState **st, const char *key, double x, int decimals)
{
	double		scale = decimals == 3 ? 1000.0 : 100.0;

	jb_value(st, key, (JsonbValue) {
		.type = jbvNumeric,
		.val.numeric = int64_div_fast_to_numeric((int64) llround(x * scale), decimals)
	});
}

static void
jb_int(JsonbParseState **st, const char *key, int64 x)
{
	jb_value(st, key, (JsonbValue) {.type = jbvNumeric, .val.numeric = int64_to_numeric(x)});
}

static void
jb_str(JsonbParseState **st, const char *key, const char *x)
{
	jb_value(st, key, (JsonbValue) {
		.type = jbvString, .val.string.val = (char *) x, .val.string.len = strlen(x)
	});
}

static void
jb_bool(JsonbParseState **st, const char *key, bool x)
{
	jb_value(st, key, (JsonbValue) {.type = jbvBool, .val.boolean = x});
}

static void
jb_null(JsonbParseState **st, const char *key)
{
	jb_value(st, key, (JsonbValue) {.type = jbvNull});
}

/*
 * "words": the content words both descriptions hold, in the order a's text
 * gives them; null when either event has no content word.
 */
static void
jb_shared_words(JsonbParseState **st, const sn_match_parts *r, const sn_match_event *a, const sn_match_event *b)
{
	JsonbValue	v;
	char		buf[1024];
	char	   *w;
	uint64_t	groups[SN_TEXT_MAX_WORDS];
	size_t		ng;

	if (r->shared_words < 0)
	{
		jb_null(st, "words");
		return;
	}
	jb_key(st, "words");
	ng = sn_match_group_words_shared(a, b, groups);
	sn_text_shared_list(a->text, a->text_len, a->exclude, a->exclude_len, b->words, b->n_words,
						groups, ng, buf, sizeof(buf));
	pushJsonbValue(st, WJB_BEGIN_ARRAY, NULL);
	for (w = buf; *w;)
	{
		char	   *sp = strchr(w, ' ');
		size_t		len = sp ? (size_t) (sp - w) : strlen(w);

		v.type = jbvString;
		v.val.string.val = w;
		v.val.string.len = len;
		pushJsonbValue(st, WJB_ELEM, &v);
		w += len + (sp ? 1 : 0);
	}
	pushJsonbValue(st, WJB_END_ARRAY, NULL);
}

/*
 * The parts of a pair's score, named once, in the order the reasons list
 * them; event_match_pairs' columns s_time .. s_fatalities are the first
 * PART_COLUMNS of them (the text part is in the reasons only).
 */
static const struct
{
	const char *name;
	size_t		offset;			/* of its value in sn_match_parts */
}			score_parts[] = {
	{"time", offsetof(sn_match_parts, s_time)},
	{"space", offsetof(sn_match_parts, s_space)},
	{"category", offsetof(sn_match_parts, s_category)},
	{"actors", offsetof(sn_match_parts, s_actors)},
	{"fatalities", offsetof(sn_match_parts, s_fatalities)},
	{"text", offsetof(sn_match_parts, s_text)},
};

#define PART_COLUMNS 5

static double
part_value(const sn_match_parts *r, int k)
{
	return *(const double *) ((const char *) r + score_parts[k].offset);
}

/*
 * The reasons of a pair, built as jsonb here (no JSON text to parse): days
 * apart, km, km apart, radius, level, actors, fatalities, the shared words,
 * each part's value.
 */
static Datum
reasons_jsonb(const sn_match_parts *r, bool dup, const sn_match_event *a, const sn_match_event *b)
{
	static const char *const actors[] = {"unknown", "none shared", "shared, sides swapped", "shared", "shared, same sides",
	"only a class shared"};
	static const char *const deaths[] = {"unknown", "incompatible", "compatible"};
	JsonbParseState *st = NULL;
	JsonbValue *res;

	pushJsonbValue(&st, WJB_BEGIN_OBJECT, NULL);
	jb_int(&st, "days_apart", r->days_apart);
	jb_num(&st, "km", r->km, 2);
	jb_num(&st, "km_apart", r->km_apart, 2);
	jb_num(&st, "radius_km", r->radius_km, 2);
	if (r->level >= 0)
		jb_int(&st, "level", r->level);
	else
		jb_null(&st, "level");
	jb_str(&st, "actors", actors[r->actors + 1]);
	jb_str(&st, "fatalities", deaths[r->fatalities + 1]);
	jb_shared_words(&st, r, a, b);
	jb_key(&st, "parts");
	pushJsonbValue(&st, WJB_BEGIN_OBJECT, NULL);
	for (int k = 0; k < (int) lengthof(score_parts); k++)
		jb_num(&st, score_parts[k].name, part_value(r, k), 3);
	pushJsonbValue(&st, WJB_END_OBJECT, NULL);
	jb_bool(&st, "duplicate", dup);
	res = pushJsonbValue(&st, WJB_END_OBJECT, NULL);
	return JsonbPGetDatum(JsonbValueToJsonb(res));
}

static bool
emit_pair(void *ctx, size_t iq, size_t it, const sn_match_parts *r)
{
	pairs_ctx  *c = ctx;
	Datum		values[17];
	bool		nulls[17] = {0};
	bool		dup = sn_match_is_duplicate(&c->q[iq], &c->t[it], c->p);
	MemoryContext old;

	/* the jsonb and its numerics are freed with each pair */
	MemoryContextReset(c->pair_cxt);
	old = MemoryContextSwitchTo(c->pair_cxt);
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
	for (int k = 0; k < PART_COLUMNS; k++)
		values[10 + k] = Float8GetDatum(part_value(r, k));
	values[15] = BoolGetDatum(dup);
	values[16] = c->swapped ? reasons_jsonb(r, dup, &c->t[it], &c->q[iq]) : reasons_jsonb(r, dup, &c->q[iq], &c->t[it]);
	MemoryContextSwitchTo(old);
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
	a = read_events(qa, "the first event", &na, NULL);
	b = read_events(qb, "the second event", &nb, NULL);
	ctx.rsinfo = rsinfo;
	ctx.p = &p;
	ctx.count = 0;
	ctx.swapped = false;
	ctx.pair_cxt = AllocSetContextCreate(CurrentMemoryContext, "event_match_pairs pair",
										 ALLOCSET_SMALL_SIZES);
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

	return SN_CMP(a, b);
}

static size_t
index_of(const int64 *ids, size_t n, int64 id)
{
	const int64 *hit = bsearch(&id, ids, n, sizeof(int64), cmp_int64);

	return (size_t) (hit - ids);
}

/*
 * Sorted distinct ids of ncols columns from first_col on: the events a query
 * of pairs or links names, each once, so that a pair can point at its events
 * by index.
 */
static int64 *
distinct_ids(SPITupleTable *tt, uint64 n, int first_col, int ncols, size_t *n_out)
{
	uint64		n_all = n * ncols;
	int64	   *ids = MemoryContextAllocHuge(CurrentMemoryContext, sizeof(int64) * (n_all ? n_all : 1));
	size_t		k = 0;

	for (uint64 i = 0; i < n; i++)
		for (int c = 0; c < ncols; c++)
			ids[i * ncols + c] = col_int8(tt, i, first_col + c, 0);
	qsort(ids, n_all, sizeof(int64), cmp_int64);
	for (uint64 i = 0; i < n_all; i++)
		if (i == 0 || ids[i] != ids[k - 1])
			ids[k++] = ids[i];
	*n_out = k;
	return ids;
}

/* A link's review status; NULL is proposed (a pair no analyst has seen) */
static int
parse_status(const char *status)
{
	if (status == NULL || strcmp(status, "proposed") == 0)
		return SN_MATCH_PROPOSED;
	if (strcmp(status, "accepted") == 0)
		return SN_MATCH_ACCEPTED;
	if (strcmp(status, "rejected") == 0)
		return SN_MATCH_REJECTED;
	ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					errmsg("invalid link status \"%s\"", status),
					errhint("A status is proposed, accepted or rejected.")));
	return SN_MATCH_PROPOSED;
}

/*
 * One side of the pairs to select over.  Its events are known only through
 * the pairs they stand in (the query gives no list of events), so their ids
 * are gathered first and the events filled in as the pairs are read.
 */
typedef struct select_side
{
	int64	   *ids;			/* sorted, distinct */
	size_t		n;
	sn_match_event *events;		/* events[i] is the event ids[i] */
} select_side;

static void
select_side_init(select_side *s, SPITupleTable *tt, uint64 n, int id_col)
{
	s->ids = distinct_ids(tt, n, id_col, 1, &s->n);
	s->events = palloc0_array(sn_match_event, s->n ? s->n : 1);
}

/*
 * Row i's event on side s: the id in id_col, its first and last day and its
 * point in the four columns from first_col on.  An event that stands in
 * several pairs is written once for each, with the same values.  Returns its
 * index.
 */
static size_t
read_select_event(select_side *s, SPITupleTable *tt, uint64 i, int id_col, int first_col)
{
	size_t		k = index_of(s->ids, s->n, col_int8(tt, i, id_col, 0));
	sn_match_event *e = &s->events[k];

	e->id = s->ids[k];
	e->day_lo = col_int8(tt, i, first_col, 0);
	e->day_hi = col_int8(tt, i, first_col + 1, 0);
	e->lat = col_float8(tt, i, first_col + 2, 0);
	e->lon = col_float8(tt, i, first_col + 3, 0);
	return k;
}

/*
 * The pairs of the query (a id, b id, score, days apart, km apart, status,
 * then the a event's days and point, then the b event's), pointing at the
 * sides' events by index.
 */
static sn_match_pair *
read_select_pairs(SPITupleTable *tt, uint64 n, select_side *a, select_side *b)
{
	sn_match_pair *pairs = MemoryContextAllocHuge(CurrentMemoryContext, sizeof(sn_match_pair) * (n ? n : 1));

	for (uint64 i = 0; i < n; i++)
	{
		sn_match_pair *x = &pairs[i];

		memset(x, 0, sizeof(*x));
		x->a = read_select_event(a, tt, i, 1, 7);
		x->b = read_select_event(b, tt, i, 2, 11);
		x->score = col_float8(tt, i, 3, 0.0);
		x->days_apart = col_int8(tt, i, 4, INT64_MAX);
		x->km_apart = col_float8(tt, i, 5, INFINITY);
		x->status = parse_status(SPI_getvalue(tt->vals[i], tt->tupdesc, 6));
	}
	return pairs;
}

/*
 * One row per pair, in the query's order: its events' ids, its ranks and
 * whether it is shared.  A rejected pair has no ranks (NULL), as it can be
 * no one's match.
 */
static void
return_ranks(ReturnSetInfo *rsinfo, const sn_match_pair *pairs, uint64 n, const select_side *a,
			 const select_side *b)
{
	for (uint64 i = 0; i < n; i++)
	{
		Datum		values[5];
		bool		nulls[5] = {0};

		values[0] = Int64GetDatum(a->events[pairs[i].a].id);
		values[1] = Int64GetDatum(b->events[pairs[i].b].id);
		values[2] = Int32GetDatum(pairs[i].rank_a);
		values[3] = Int32GetDatum(pairs[i].rank_b);
		values[4] = BoolGetDatum(pairs[i].shared);
		nulls[2] = nulls[3] = (pairs[i].status == SN_MATCH_REJECTED);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
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
	select_side a,
				b;
	sn_match_pair *pairs;

	selection_params(&p, within_km, within_days, min_score);
	InitMaterializedSRF(fcinfo, 0);
	SPI_connect();
	run_select(query, 14, "the pairs");
	tt = SPI_tuptable;
	n = SPI_processed;
	select_side_init(&a, tt, n, 1);
	select_side_init(&b, tt, n, 2);
	pairs = read_select_pairs(tt, n, &a, &b);
	if (!sn_match_select(pairs, n, a.events, a.n, a_splits, b.events, b.n, b_splits, &p))
		ereport(ERROR, (errcode(ERRCODE_OUT_OF_MEMORY), errmsg("out of memory while selecting matches")));
	return_ranks(rsinfo, pairs, n, &a, &b);
	SPI_finish();
	return (Datum) 0;
}

/* ------------------------------------------------------------------------
 * event_match_clusters
 */

/*
 * The datasets the links name, numbered in the order met.  The core keeps
 * the set of datasets that split their events in 64 bits, hence at most 64.
 */
typedef struct link_datasets
{
	char	   *names[64];
	int			n;
	uint64_t	splits;			/* bit d: dataset d splits its events */
	Datum	   *split_names;	/* the splitting argument */
	bool	   *split_nulls;
	int			n_split;
} link_datasets;

/* Dataset ds's number, numbering it (and noting whether it splits) when new */
static int
dataset_number(link_datasets *ds_set, char *ds)
{
	int			d;

	for (d = 0; d < ds_set->n; d++)
		if (strcmp(ds_set->names[d], ds) == 0)
			return d;
	if (ds_set->n == 64)
		ereport(ERROR, (errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
						errmsg("incidents can be built over at most 64 datasets")));
	ds_set->names[ds_set->n++] = ds;
	for (int s = 0; s < ds_set->n_split; s++)
		if (!ds_set->split_nulls[s] && strcmp(TextDatumGetCString(ds_set->split_names[s]), ds) == 0)
			ds_set->splits |= UINT64_C(1) << d;
	return d;
}

/*
 * The links of the query (x id, y id, x's dataset, y's dataset) as pairs of
 * event indexes into ids, and each event's dataset number in dataset[] (-1
 * for none yet: every event stands in a link, so none stays so).
 */
static sn_match_link *
read_links(SPITupleTable *tt, uint64 n, const int64 *ids, size_t n_ids, link_datasets *ds_set, int *dataset)
{
	sn_match_link *links = MemoryContextAllocHuge(CurrentMemoryContext, sizeof(sn_match_link) * (n ? n : 1));

	for (size_t i = 0; i < n_ids; i++)
		dataset[i] = -1;
	for (uint64 i = 0; i < n; i++)
	{
		for (int side = 0; side < 2; side++)
		{
			size_t		e = index_of(ids, n_ids, col_int8(tt, i, 1 + side, 0));
			char	   *ds = SPI_getvalue(tt->vals[i], tt->tupdesc, 3 + side);

			dataset[e] = dataset_number(ds_set, ds ? ds : "");
			if (side == 0)
				links[i].x = e;
			else
				links[i].y = e;
		}
	}
	return links;
}

/* One row per event: its id, its incident (the id of the incident's first event) and its dataset */
static void
return_incidents(ReturnSetInfo *rsinfo, const int64 *ids, size_t n_ids, const size_t *cluster,
				 const int *dataset, const link_datasets *ds_set)
{
	for (size_t i = 0; i < n_ids; i++)
	{
		Datum		values[3];
		bool		nulls[3] = {0};

		values[0] = Int64GetDatum(ids[i]);
		values[1] = Int64GetDatum(ids[cluster[i]]);
		values[2] = CStringGetTextDatum(ds_set->names[dataset[i]]);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
}

Datum
event_match_clusters(PG_FUNCTION_ARGS)
{
	char	   *query = text_to_cstring(PG_GETARG_TEXT_PP(0));
	ArrayType  *splitting = PG_GETARG_ARRAYTYPE_P(1);
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	link_datasets ds_set = {0};
	SPITupleTable *tt;
	uint64		n;
	int64	   *ids;
	size_t		n_ids,
				n_refused;
	int		   *dataset;
	sn_match_link *links;
	size_t	   *cluster;

	deconstruct_array(splitting, TEXTOID, -1, false, TYPALIGN_INT,
					  &ds_set.split_names, &ds_set.split_nulls, &ds_set.n_split);
	InitMaterializedSRF(fcinfo, 0);
	SPI_connect();
	run_select(query, 4, "the links");
	tt = SPI_tuptable;
	n = SPI_processed;
	/* the events: every id of either column */
	ids = distinct_ids(tt, n, 1, 2, &n_ids);
	dataset = palloc_array(int, n_ids ? n_ids : 1);
	links = read_links(tt, n, ids, n_ids, &ds_set, dataset);
	cluster = MemoryContextAllocHuge(CurrentMemoryContext, sizeof(size_t) * (n_ids ? n_ids : 1));
	if (!sn_match_cluster(n_ids, dataset, ds_set.splits, links, n, cluster, &n_refused))
		ereport(ERROR, (errcode(ERRCODE_OUT_OF_MEMORY), errmsg("out of memory while building incidents")));
	return_incidents(rsinfo, ids, n_ids, cluster, dataset, &ds_set);
	SPI_finish();
	return (Datum) 0;
}

/* ------------------------------------------------------------------------
 * event_match_link
 *
 * One pass over two datasets: the new pairs (changed events of a against all
 * of b, unchanged of a against changed of b), the analysts' accepted pairs
 * the windows left out, the selection over those and the stored pairs, and
 * the rows to write: both rows of every new pair (returned), and both rows of
 * every stored pair whose rank or shared flag changed (handed to the updates
 * statement).  So the pairs go from the candidate search to event_links in
 * one statement, with no table in between.
 */

typedef struct found_pair
{
	size_t		a;				/* index into the a events */
	size_t		b;
	sn_match_parts parts;
	bool		dup;
} found_pair;

typedef struct found_ctx
{
	found_pair *pairs;
	size_t		n;
	size_t		cap;
	const size_t *qmap;			/* query index -> a or b index */
	const size_t *tmap;
	bool		q_is_a;
	const sn_match_event *a;
	const sn_match_event *b;
	const sn_match_params *p;
} found_ctx;

/* malloc'd, as the search may not long-jump */
static bool
found_add(void *ctx, size_t iq, size_t it, const sn_match_parts *r)
{
	found_ctx  *c = ctx;
	found_pair *x;

	if (c->n == c->cap)
	{
		size_t		cap = c->cap ? 2 * c->cap : 4096;
		found_pair *grown = realloc(c->pairs, sizeof(found_pair) * cap);

		if (!grown)
			return false;
		c->pairs = grown;
		c->cap = cap;
	}
	x = &c->pairs[c->n++];
	x->a = c->q_is_a ? c->qmap[iq] : c->tmap[it];
	x->b = c->q_is_a ? c->tmap[it] : c->qmap[iq];
	x->parts = *r;
	x->dup = sn_match_is_duplicate(&c->a[x->a], &c->b[x->b], c->p);
	return true;
}

/* The pairs of (subset qa of a) x (subset tb of b), the smaller one querying. */
static bool
found_search(found_ctx *c, const size_t *amap, size_t na, const size_t *bmap, size_t nb)
{
	sn_match_event *as,
			   *bs;
	uint64_t	compared;
	bool		ok;

	if (na == 0 || nb == 0)
		return true;
	as = MemoryContextAllocHuge(CurrentMemoryContext, sizeof(sn_match_event) * na);
	bs = MemoryContextAllocHuge(CurrentMemoryContext, sizeof(sn_match_event) * nb);
	for (size_t i = 0; i < na; i++)
		as[i] = c->a[amap[i]];
	for (size_t i = 0; i < nb; i++)
		bs[i] = c->b[bmap[i]];
	if (na <= nb)
	{
		c->q_is_a = true;
		c->qmap = amap;
		c->tmap = bmap;
		ok = sn_match_candidates(as, na, bs, nb, false, c->p, found_add, c, &compared);
	}
	else
	{
		c->q_is_a = false;
		c->qmap = bmap;
		c->tmap = amap;
		ok = sn_match_candidates(bs, nb, as, na, false, c->p, found_add, c, &compared);
	}
	pfree(as);
	pfree(bs);
	return ok;
}

typedef struct id_index
{
	int64		id;
	size_t		idx;
} id_index;

static int
id_index_cmp(const void *x, const void *y)
{
	int64		a = ((const id_index *) x)->id,
				b = ((const id_index *) y)->id;

	return SN_CMP(a, b);
}

static id_index *
sorted_ids(const sn_match_event *ev, size_t n)
{
	id_index   *ix = MemoryContextAllocHuge(CurrentMemoryContext, sizeof(id_index) * (n ? n : 1));

	for (size_t i = 0; i < n; i++)
	{
		ix[i].id = ev[i].id;
		ix[i].idx = i;
	}
	qsort(ix, n, sizeof(id_index), id_index_cmp);
	return ix;
}

/* index of event id in a sorted id_index, or (size_t) -1 */
static size_t
find_id(const id_index *ix, size_t n, int64 id)
{
	id_index	key = {id, 0};
	const id_index *hit = bsearch(&key, ix, n, sizeof(id_index), id_index_cmp);

	return hit ? hit->idx : (size_t) -1;
}

/* A pair of indices with a value, sorted for lookups */
typedef struct pair_key
{
	size_t		a;
	size_t		b;
	int			value;
} pair_key;

static int
pair_key_cmp(const void *x, const void *y)
{
	const pair_key *p = x,
			   *q = y;
	int			c = SN_CMP(p->a, q->a);

	return c != 0 ? c : SN_CMP(p->b, q->b);
}

static const pair_key *
find_pair(const pair_key *keys, size_t n, size_t a, size_t b)
{
	pair_key	key = {a, b, 0};

	return n ? bsearch(&key, keys, n, sizeof(pair_key), pair_key_cmp) : NULL;
}

static const char *const status_names[] = {"proposed", "accepted", "rejected"};

/* The events of one link pass: both datasets, what changed, their ids sorted */
typedef struct link_sides
{
	sn_match_event *a;
	sn_match_event *b;
	size_t		na;
	size_t		nb;
	bool	   *a_changed;
	bool	   *b_changed;
	id_index   *aix;
	id_index   *bix;
} link_sides;

/*
 * The stored pairs as they were read: their keys (sorted) and the ranks and
 * shared flag each held, so that only the rows that change are written.
 * Stored pair s is pairs[first + s] of the pass's pair array.
 */
typedef struct stored_pairs
{
	size_t		first;
	size_t		n;
	pair_key   *keys;
	int		   *old_rank_a;
	int		   *old_rank_b;
	bool	   *old_shared;
} stored_pairs;

/*
 * The found pairs live in malloc'd memory (the core's search may not
 * long-jump); they are freed with the function's memory context, so that an
 * error anywhere after the search leaks nothing.
 */
static void
found_pairs_free(void *arg)
{
	found_ctx  *fc = arg;

	free(fc->pairs);
	fc->pairs = NULL;
}

/* The new pairs: changed events of a against all of b, then unchanged of a against changed of b */
static void
search_new_pairs(found_ctx *fc, const link_sides *s)
{
	size_t	   *amap = MemoryContextAllocHuge(CurrentMemoryContext, sizeof(size_t) * (s->na ? s->na : 1));
	size_t	   *bmap = MemoryContextAllocHuge(CurrentMemoryContext, sizeof(size_t) * (s->nb ? s->nb : 1));
	size_t		n_a = 0,
				n_b = 0;
	bool		ok;

	for (size_t i = 0; i < s->na; i++)
		if (s->a_changed[i])
			amap[n_a++] = i;
	for (size_t i = 0; i < s->nb; i++)
		bmap[i] = i;
	ok = found_search(fc, amap, n_a, bmap, s->nb);
	if (ok)
	{
		n_a = 0;
		for (size_t i = 0; i < s->na; i++)
			if (!s->a_changed[i])
				amap[n_a++] = i;
		for (size_t i = 0; i < s->nb; i++)
			if (s->b_changed[i])
				bmap[n_b++] = i;
		ok = found_search(fc, amap, n_a, bmap, n_b);
	}
	if (!ok)
		ereport(ERROR, (errcode(ERRCODE_OUT_OF_MEMORY), errmsg("out of memory while searching candidate pairs")));
	pfree(amap);
	pfree(bmap);
}

/* The analysts' verdicts (a id, b id, status) on pairs of these events, sorted */
static pair_key *
read_reviews(const char *query, const link_sides *s, size_t *n_out)
{
	SPITupleTable *tt;
	uint64		n;
	pair_key   *reviews;
	size_t		n_reviews = 0;

	run_select(query, 3, "the reviews");
	tt = SPI_tuptable;
	n = SPI_processed;
	reviews = MemoryContextAllocHuge(CurrentMemoryContext, sizeof(pair_key) * (n ? n : 1));
	for (uint64 i = 0; i < n; i++)
	{
		size_t		ia = find_id(s->aix, s->na, col_int8(tt, i, 1, 0)),
					ib = find_id(s->bix, s->nb, col_int8(tt, i, 2, 0));

		if (ia == (size_t) -1 || ib == (size_t) -1)
			continue;			/* a pair of other events */
		reviews[n_reviews].a = ia;
		reviews[n_reviews].b = ib;
		reviews[n_reviews].value = parse_status(SPI_getvalue(tt->vals[i], tt->tupdesc, 3));
		n_reviews++;
	}
	SPI_freetuptable(tt);
	qsort(reviews, n_reviews, sizeof(pair_key), pair_key_cmp);
	*n_out = n_reviews;
	return reviews;
}

static sn_match_pair *
next_pair(sn_match_pair *pairs, size_t *n, size_t a, size_t b, int status)
{
	sn_match_pair *x = &pairs[(*n)++];

	memset(x, 0, sizeof(*x));
	x->a = a;
	x->b = b;
	x->status = status;
	return x;
}

/* The new pairs, each with the analysts' verdict if there is one */
static void
add_new_pairs(sn_match_pair *pairs, size_t *n_pairs, const found_ctx *fc,
			  const pair_key *reviews, size_t n_reviews)
{
	for (size_t i = 0; i < fc->n; i++)
	{
		const found_pair *f = &fc->pairs[i];
		const pair_key *rv = find_pair(reviews, n_reviews, f->a, f->b);
		sn_match_pair *x = next_pair(pairs, n_pairs, f->a, f->b, rv ? rv->value : SN_MATCH_PROPOSED);

		x->score = f->parts.score;
		x->days_apart = f->parts.days_apart;
		x->km_apart = f->parts.km_apart;
	}
}

/*
 * The stored pairs between events still compared (a id, b id, score,
 * days_apart, km_apart, status, the rank of a's row, the rank of b's row,
 * shared), from the rows already in tt.
 */
static void
add_stored_pairs(sn_match_pair *pairs, size_t *n_pairs, SPITupleTable *tt, uint64 n,
				 const link_sides *s, stored_pairs *st)
{
	st->first = *n_pairs;
	st->n = 0;
	st->keys = MemoryContextAllocHuge(CurrentMemoryContext, sizeof(pair_key) * (n ? n : 1));
	st->old_rank_a = MemoryContextAllocHuge(CurrentMemoryContext, sizeof(int) * (n ? n : 1));
	st->old_rank_b = MemoryContextAllocHuge(CurrentMemoryContext, sizeof(int) * (n ? n : 1));
	st->old_shared = MemoryContextAllocHuge(CurrentMemoryContext, sizeof(bool) * (n ? n : 1));
	for (uint64 i = 0; i < n; i++)
	{
		size_t		ia = find_id(s->aix, s->na, col_int8(tt, i, 1, 0)),
					ib = find_id(s->bix, s->nb, col_int8(tt, i, 2, 0));
		sn_match_pair *x;
		bool		isnull;

		if (ia == (size_t) -1 || ib == (size_t) -1)
			continue;			/* an event no longer compared: its rows went */
		x = next_pair(pairs, n_pairs, ia, ib, parse_status(SPI_getvalue(tt->vals[i], tt->tupdesc, 6)));
		x->score = col_float8(tt, i, 3, 0.0);
		x->days_apart = col_int8(tt, i, 4, INT64_MAX);
		x->km_apart = col_float8(tt, i, 5, INFINITY);
		st->old_rank_a[st->n] = (int) col_int8(tt, i, 7, 0);
		st->old_rank_b[st->n] = (int) col_int8(tt, i, 8, 0);
		st->old_shared[st->n] = DatumGetBool(SPI_getbinval(tt->vals[i], tt->tupdesc, 9, &isnull)) && !isnull;
		st->keys[st->n].a = ia;
		st->keys[st->n].b = ib;
		st->keys[st->n].value = 0;
		st->n++;
	}
	qsort(st->keys, st->n, sizeof(pair_key), pair_key_cmp);
}

/* Accepted pairs the windows left out: neither new nor stored */
static void
add_accepted_outside_windows(sn_match_pair *pairs, size_t *n_pairs, const found_ctx *fc,
							 const pair_key *reviews, size_t n_reviews, const stored_pairs *st)
{
	pair_key   *found_keys = MemoryContextAllocHuge(CurrentMemoryContext, sizeof(pair_key) * (fc->n ? fc->n : 1));

	for (size_t i = 0; i < fc->n; i++)
	{
		found_keys[i].a = fc->pairs[i].a;
		found_keys[i].b = fc->pairs[i].b;
		found_keys[i].value = 0;
	}
	qsort(found_keys, fc->n, sizeof(pair_key), pair_key_cmp);
	for (size_t i = 0; i < n_reviews; i++)
	{
		sn_match_pair *x;

		if (reviews[i].value != SN_MATCH_ACCEPTED
			|| find_pair(found_keys, fc->n, reviews[i].a, reviews[i].b)
			|| find_pair(st->keys, st->n, reviews[i].a, reviews[i].b))
			continue;
		x = next_pair(pairs, n_pairs, reviews[i].a, reviews[i].b, SN_MATCH_ACCEPTED);
		x->score = 0.0;
		x->days_apart = INT64_MAX;
		x->km_apart = INFINITY;
	}
	pfree(found_keys);
}

/*
 * The stored pairs whose rank or shared flag changed: both rows of each,
 * handed to the updates statement as four arrays ($1 event ids, $2 other
 * event ids, $3 ranks, NULL when rejected, $4 shared).
 */
static void
write_changed_stored(const char *qupdates, const sn_match_pair *pairs, const stored_pairs *st,
					 const link_sides *s)
{
	size_t		cap = 2 * (st->n ? st->n : 1);
	Datum	   *u_ev = palloc(sizeof(Datum) * cap);
	Datum	   *u_other = palloc(sizeof(Datum) * cap);
	Datum	   *u_rank = palloc(sizeof(Datum) * cap);
	bool	   *u_rank_null = palloc(sizeof(bool) * cap);
	Datum	   *u_shared = palloc(sizeof(Datum) * cap);
	int			n_upd = 0;

	for (size_t k = 0; k < st->n; k++)
	{
		const sn_match_pair *x = &pairs[st->first + k];
		bool		rejected = x->status == SN_MATCH_REJECTED;
		int			new_rank[2] = {rejected ? 0 : x->rank_a, rejected ? 0 : x->rank_b};
		int64		ids[2] = {s->a[x->a].id, s->b[x->b].id};

		if (st->old_rank_a[k] == new_rank[0] && st->old_rank_b[k] == new_rank[1]
			&& st->old_shared[k] == x->shared)
			continue;
		for (int side = 0; side < 2; side++)
		{
			u_ev[n_upd] = Int64GetDatum(ids[side]);
			u_other[n_upd] = Int64GetDatum(ids[1 - side]);
			u_rank[n_upd] = Int32GetDatum(new_rank[side]);
			u_rank_null[n_upd] = new_rank[side] == 0;
			u_shared[n_upd] = BoolGetDatum(x->shared);
			n_upd++;
		}
	}
	if (n_upd > 0)
	{
		int			dims[1] = {n_upd};
		int			lbs[1] = {1};
		Oid			argtypes[4] = {INT8ARRAYOID, INT8ARRAYOID, INT4ARRAYOID, BOOLARRAYOID};
		Datum		args[4];

		args[0] = PointerGetDatum(construct_array(u_ev, n_upd, INT8OID, 8, FLOAT8PASSBYVAL, TYPALIGN_DOUBLE));
		args[1] = PointerGetDatum(construct_array(u_other, n_upd, INT8OID, 8, FLOAT8PASSBYVAL, TYPALIGN_DOUBLE));
		args[2] = PointerGetDatum(construct_md_array(u_rank, u_rank_null, 1, dims, lbs, INT4OID, 4, true, TYPALIGN_INT));
		args[3] = PointerGetDatum(construct_array(u_shared, n_upd, BOOLOID, 1, true, TYPALIGN_CHAR));
		if (SPI_execute_with_args(qupdates, 4, argtypes, args, NULL, false, 0) < 0)
			ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
							errmsg("the updates statement failed: \"%s\"", qupdates)));
	}
	pfree(u_ev);
	pfree(u_other);
	pfree(u_rank);
	pfree(u_rank_null);
	pfree(u_shared);
}

/* reasons of a pair an analyst accepted that the windows leave out */
static Datum
accepted_outside_windows_reasons(void)
{
	JsonbParseState *st = NULL;
	JsonbValue *res;

	pushJsonbValue(&st, WJB_BEGIN_OBJECT, NULL);
	jb_bool(&st, "accepted_outside_windows", true);
	res = pushJsonbValue(&st, WJB_END_OBJECT, NULL);
	return JsonbPGetDatum(JsonbValueToJsonb(res));
}

/*
 * Both rows of every pair that is not a stored one: the new pairs
 * (pairs[0 .. fc->n)) and the accepted pairs outside the windows (after the
 * stored ones).
 */
static void
return_new_rows(ReturnSetInfo *rsinfo, const sn_match_pair *pairs, size_t n_pairs, const found_ctx *fc,
				const stored_pairs *st, const link_sides *s, text *dname, text *oname)
{
	MemoryContext pair_cxt = AllocSetContextCreate(CurrentMemoryContext, "event_match_link pair",
												   ALLOCSET_SMALL_SIZES);
	Datum		accepted_reasons = accepted_outside_windows_reasons();

	for (size_t k = 0; k < n_pairs; k++)
	{
		const sn_match_pair *x = &pairs[k];
		bool		is_new = k < fc->n;
		Datum		values[12];
		bool		nulls[12] = {0};
		MemoryContext old;
		text	   *names[2] = {dname, oname};
		int64		ids[2] = {s->a[x->a].id, s->b[x->b].id};
		int			ranks[2] = {x->rank_a, x->rank_b};

		if (k >= st->first && k < st->first + st->n)
			continue;			/* stored: written by write_changed_stored when changed */
		CHECK_FOR_INTERRUPTS();
		MemoryContextReset(pair_cxt);
		old = MemoryContextSwitchTo(pair_cxt);
		if (is_new)
		{
			const found_pair *f = &fc->pairs[k];

			values[4] = Float8GetDatum(f->parts.score);
			values[6] = BoolGetDatum(f->dup);
			values[7] = Int64GetDatum(f->parts.days_apart);
			values[8] = Float8GetDatum(f->parts.km_apart);
			values[9] = reasons_jsonb(&f->parts, f->dup, &s->a[x->a], &s->b[x->b]);
		}
		else
		{
			nulls[4] = nulls[7] = nulls[8] = true;
			values[6] = BoolGetDatum(false);
			values[9] = accepted_reasons;
		}
		values[5] = CStringGetTextDatum(status_names[x->status]);
		values[11] = BoolGetDatum(x->shared);
		for (int side = 0; side < 2; side++)
		{
			values[0] = Int64GetDatum(ids[side]);
			values[1] = Int64GetDatum(ids[1 - side]);
			values[2] = PointerGetDatum(names[side]);
			values[3] = PointerGetDatum(names[1 - side]);
			values[10] = Int32GetDatum(ranks[side]);
			nulls[10] = (x->status == SN_MATCH_REJECTED || ranks[side] == 0);
			tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
		}
		MemoryContextSwitchTo(old);
	}
	MemoryContextDelete(pair_cxt);
}

Datum
event_match_link(PG_FUNCTION_ARGS)
{
	char	   *qa = text_to_cstring(PG_GETARG_TEXT_PP(0));
	char	   *qb = text_to_cstring(PG_GETARG_TEXT_PP(1));
	char	   *qstored = text_to_cstring(PG_GETARG_TEXT_PP(2));
	char	   *qreviews = text_to_cstring(PG_GETARG_TEXT_PP(3));
	text	   *dname = PG_GETARG_TEXT_PP(4);
	text	   *oname = PG_GETARG_TEXT_PP(5);
	bool		a_splits = PG_GETARG_BOOL(6);
	bool		b_splits = PG_GETARG_BOOL(7);
	double		within_km = PG_GETARG_FLOAT8(8);
	int32		within_days = PG_GETARG_INT32(9);
	double		min_score = PG_GETARG_FLOAT8(10);
	char	   *qupdates = text_to_cstring(PG_GETARG_TEXT_PP(11));
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	sn_match_params p;
	link_sides	s;
	found_ctx  *fc;
	MemoryContextCallback *free_found;
	pair_key   *reviews;
	size_t		n_reviews;
	stored_pairs st;
	sn_match_pair *pairs;
	size_t		n_pairs = 0;

	selection_params(&p, within_km, within_days, min_score);
	sn_match_params_linking(&p);
	InitMaterializedSRF(fcinfo, 0);
	SPI_connect();

	/* the events, each with whether it changed since it was last compared */
	s.a = read_events(qa, "the first event", &s.na, &s.a_changed);
	s.b = read_events(qb, "the second event", &s.nb, &s.b_changed);
	s.aix = sorted_ids(s.a, s.na);
	s.bix = sorted_ids(s.b, s.nb);

	fc = palloc0(sizeof(found_ctx));
	fc->a = s.a;
	fc->b = s.b;
	fc->p = &p;
	free_found = palloc(sizeof(MemoryContextCallback));
	free_found->func = found_pairs_free;
	free_found->arg = fc;
	MemoryContextRegisterResetCallback(CurrentMemoryContext, free_found);
	search_new_pairs(fc, &s);

	reviews = read_reviews(qreviews, &s, &n_reviews);

	/* every pair to select over: new, stored, accepted outside the windows */
	run_select(qstored, 9, "the stored pairs");
	pairs = MemoryContextAllocHuge(CurrentMemoryContext,
								   sizeof(sn_match_pair) * (fc->n + SPI_processed + n_reviews + 1));
	add_new_pairs(pairs, &n_pairs, fc, reviews, n_reviews);
	add_stored_pairs(pairs, &n_pairs, SPI_tuptable, SPI_processed, &s, &st);
	SPI_freetuptable(SPI_tuptable);
	add_accepted_outside_windows(pairs, &n_pairs, fc, reviews, n_reviews, &st);

	if (!sn_match_select(pairs, n_pairs, s.a, s.na, a_splits, s.b, s.nb, b_splits, &p))
		ereport(ERROR, (errcode(ERRCODE_OUT_OF_MEMORY), errmsg("out of memory while selecting matches")));

	write_changed_stored(qupdates, pairs, &st, &s);
	return_new_rows(rsinfo, pairs, n_pairs, fc, &st, &s, dname, oname);
	SPI_finish();
	return (Datum) 0;
}
