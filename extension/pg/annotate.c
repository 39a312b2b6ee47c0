/*
 * extension/pg/annotate.c
 *
 * annotate(body text, published date, lang text): the mentions of places,
 * actors, quantities and dates in a text, over the core in annotate.h.
 *
 * The gazetteer (every name of annotate_names(): place_names, actor_names,
 * and the names of the country type) is built once per backend, in a memory
 * context of its own, and kept until a change to the tables it comes from.
 * Those tables carry a statement trigger (annotate_invalidate) that queues a
 * relcache invalidation of the table; PostgreSQL delivers it to this backend
 * at the next command and to every other backend at their next transaction,
 * and the relcache callback registered here marks the gazetteer stale.  So a
 * call pays nothing to learn whether its gazetteer is current (one boolean),
 * and an aborted change invalidates too (harmless: the next call rebuilds).
 */
#include "sn_pg.h"

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "funcapi.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/date.h"
#include "utils/timestamp.h"

#include "annotate.h"
#include "annotate_readers.h"
#include "country.h"

PGDLLEXPORT Datum annotate(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum annotate_invalidate(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum annotate_gazetteer_info(PG_FUNCTION_ARGS);

PG_FUNCTION_INFO_V1(annotate);
PG_FUNCTION_INFO_V1(annotate_invalidate);
PG_FUNCTION_INFO_V1(annotate_gazetteer_info);

/*
 * The relations whose invalidations make the gazetteer stale: the four
 * tables the names come from (their own invalidations come with DDL and
 * TRUNCATE) and the sequence the tables' triggers invalidate on every change
 * (see annotate_invalidate()).
 */
#define SIGNAL_RELATION "annotate_names_signal"
static const char *const watched_tables[] = {"place_names", "actor_names", "places", "actors",
											 SIGNAL_RELATION};
#define NWATCHED (sizeof(watched_tables) / sizeof(watched_tables[0]))

typedef struct gz_cache
{
	MemoryContext cxt;			/* holds the gazetteer; NULL when none */
	sn_gazetteer *g;
	Oid			nsp;			/* the schema it was built for */
	Oid			watched[NWATCHED];
	bool		valid;
	int64		builds;			/* how many times this backend built it */
	double		build_ms;		/* how long the last build took */
	TimestampTz built_at;
	int64		rows;			/* names read from the tables */
} gz_cache;

static gz_cache cache;

/* What annotate() looks up once per query (in fn_extra). */
typedef struct call_info
{
	TupleDesc	tupdesc;		/* the result's row type */
	Oid			nsp;			/* the function's schema: the gazetteer's tables */
} call_info;
static bool callback_registered = false;
static uint64 invalidations = 0;	/* relevant invalidations seen */

static void
annotate_relcache_callback(Datum arg, Oid relid)
{
	bool		relevant = !OidIsValid(relid);	/* a reset of every entry */

	for (size_t i = 0; i < NWATCHED && !relevant; i++)
		relevant = (cache.watched[i] == relid);
	if (relevant)
	{
		invalidations++;
		cache.valid = false;
	}
}

/* The core's allocator over a memory context (palloc throws on failure). */
static void *
mcxt_alloc(void *ctx, size_t size)
{
	return MemoryContextAllocExtended((MemoryContext) ctx, size, MCXT_ALLOC_HUGE);
}

static void
mcxt_free(void *ctx, void *ptr)
{
	pfree(ptr);
}

/* Text from the server encoding to UTF-8 (a no-op in a UTF-8 database). */
static const char *
to_utf8(const char *s, size_t len, size_t *out_len)
{
	char	   *u;

	if (GetDatabaseEncoding() == PG_UTF8 || GetDatabaseEncoding() == PG_SQL_ASCII)
	{
		*out_len = len;
		return s;
	}
	u = pg_server_to_any(s, (int) len, PG_UTF8);
	*out_len = (u == s) ? len : strlen(u);
	return u;
}

static void
gz_throw(const sn_error *err)
{
	SN_THROW(err);
}

/*
 * Build the gazetteer for the schema nsp: the rows of annotate_names() and
 * the names of the country type.
 */
static void
gazetteer_build(Oid nsp)
{
	MemoryContext cxt,
				old;
	sn_allocator a;
	sn_gazetteer *g;
	sn_error	err;
	char	   *query;
	instr_time	t0,
				t1;
	int64		rows = 0;
	uint64		seen;
	sn_country_place *country_places = NULL;
	int			ncountry_places = 0,
				country_places_cap = 0;

	INSTR_TIME_SET_CURRENT(t0);

	/*
	 * Build under the caller's context, so that an error frees everything;
	 * once built, the context moves under CacheMemoryContext.
	 */
	cxt = AllocSetContextCreate(CurrentMemoryContext, "sahel_news annotate gazetteer",
								ALLOCSET_DEFAULT_SIZES);
	a.alloc = mcxt_alloc;
	a.free = mcxt_free;
	a.ctx = cxt;
	g = sn_gazetteer_new(&a);

	/*
	 * Watch the tables from now on: a change that commits while we read them
	 * is then noticed (and the gazetteer built again at the next call).
	 */
	for (size_t i = 0; i < NWATCHED; i++)
		cache.watched[i] = get_relname_relid(watched_tables[i], nsp);
	seen = invalidations;

	/* names from the tables */
	query = psprintf("SELECT kind, ref_id, country, name, demonym, lang FROM %s.annotate_names()",
					 quote_identifier(get_namespace_name(nsp)));
	old = CurrentMemoryContext;
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	if (SPI_execute(query, true, 0) != SPI_OK_SELECT)
		elog(ERROR, "SPI_execute failed: %s", query);
	/* what outlives SPI_finish is allocated in the caller's context */
	MemoryContextSwitchTo(old);
	for (uint64 r = 0; r < SPI_processed; r++)
	{
		HeapTuple	tup = SPI_tuptable->vals[r];
		TupleDesc	desc = SPI_tuptable->tupdesc;
		bool		isnull;
		Datum		d;
		sn_gazetteer_ref ref;
		uint32		flags = 0;
		text	   *name;
		const char *u;
		size_t		ulen;
		char	   *kind;

		d = SPI_getbinval(tup, desc, 1, &isnull);
		if (isnull)
			continue;
		kind = TextDatumGetCString(d);
		d = SPI_getbinval(tup, desc, 2, &isnull);
		ref.id = isnull ? 0 : DatumGetInt64(d);
		d = SPI_getbinval(tup, desc, 3, &isnull);
		ref.country = isnull ? -1 : (int32) (uint16) DatumGetInt16(d);
		if (strcmp(kind, "country") == 0)
		{
			/* the place that a country of the country type is */
			if (ref.country < 0 || ref.id == 0)
				continue;
			if (ncountry_places == country_places_cap)
			{
				country_places_cap = country_places_cap ? country_places_cap * 2 : 64;
				country_places = country_places
					? repalloc(country_places, country_places_cap * sizeof(*country_places))
					: palloc(country_places_cap * sizeof(*country_places));
			}
			country_places[ncountry_places].country = ref.country;
			country_places[ncountry_places].place_id = ref.id;
			ncountry_places++;
			continue;
		}
		ref.kind = strcmp(kind, "actor") == 0 ? SN_REF_ACTOR : SN_REF_PLACE;
		d = SPI_getbinval(tup, desc, 4, &isnull);
		if (isnull)
			continue;
		name = DatumGetTextPP(d);
		d = SPI_getbinval(tup, desc, 5, &isnull);
		if (!isnull && DatumGetBool(d))
			flags |= SN_NAME_DEMONYM;
		d = SPI_getbinval(tup, desc, 6, &isnull);
		if (!isnull)
		{
			char	   *lang = TextDatumGetCString(d);
			sn_lang		l;

			if (sn_lang_from_string(lang, strlen(lang), &l))
				flags |= (l == SN_LANG_FR) ? SN_NAME_LANG_FR : SN_NAME_LANG_EN;
		}
		u = to_utf8(VARDATA_ANY(name), VARSIZE_ANY_EXHDR(name), &ulen);
		if (!sn_gazetteer_add(g, u, ulen, &ref, flags, &err))
		{
			/* a name the core cannot read (invalid UTF-8 in SQL_ASCII) is left out */
			if (err.status == SN_ERR_SYNTAX)
				continue;
			gz_throw(&err);
		}
		rows++;
	}
	SPI_finish();

	/*
	 * The names of the country type.  A country that has a row of kind
	 * 'country' in places is that place (annotate_names() gives the mapping
	 * as rows of kind 'country'); the others are places without an id.
	 */
	if (!sn_gazetteer_add_country_names(g, country_places, ncountry_places, &err))
		gz_throw(&err);

	if (!sn_gazetteer_build(g, &err))
		gz_throw(&err);

	/* swap it in */
	if (cache.cxt)
		MemoryContextDelete(cache.cxt);
	MemoryContextSetParent(cxt, CacheMemoryContext);
	cache.cxt = cxt;
	cache.g = g;
	cache.nsp = nsp;
	cache.valid = (invalidations == seen);
	cache.builds++;
	cache.rows = rows;
	cache.built_at = GetCurrentTimestamp();
	INSTR_TIME_SET_CURRENT(t1);
	INSTR_TIME_SUBTRACT(t1, t0);
	cache.build_ms = INSTR_TIME_GET_MILLISEC(t1);
}

/* The current gazetteer for schema nsp (the calling function's). */
static sn_gazetteer *
gazetteer_get(Oid nsp)
{

	if (!callback_registered)
	{
		CacheRegisterRelcacheCallback(annotate_relcache_callback, (Datum) 0);
		callback_registered = true;
	}
	if (!cache.valid || cache.nsp != nsp)
		gazetteer_build(nsp);
	return cache.g;
}

static void
check_interrupts(void *arg)
{
	CHECK_FOR_INTERRUPTS();
}

/*
 * annotate(body text, published date DEFAULT NULL, lang text DEFAULT 'en')
 *   RETURNS SETOF (kind, start_pos, length, surface, place_id, actor_id,
 *                  country, quantity, date)
 */
Datum
annotate(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	TupleDesc	tupdesc;
	Tuplestorestate *store;
	MemoryContext old;
	text	   *body;
	const char *utf8;
	size_t		utf8_len;
	sn_lang		lang = SN_LANG_EN;
	sn_civil_date published;
	sn_annotate_options opt;
	sn_allocator a;
	sn_mentions m = {0};
	Datum		kind_text[4];
	text	   *surface_buf;
	size_t		surface_max = 0;
	call_info  *call;
	sn_error	err;

	if (rsinfo == NULL || !IsA(rsinfo, ReturnSetInfo) ||
		!(rsinfo->allowedModes & SFRM_Materialize))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("annotate() must be called where a set can be returned, as in FROM")));
	/*
	 * The row type, looked up once per query: a report per row makes
	 * thousands of calls, and the catalog lookups would cost more than
	 * annotating a short text.
	 */
	if (fcinfo->flinfo->fn_extra == NULL)
	{
		call_info *ci = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, sizeof(call_info));

		if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
			elog(ERROR, "annotate: return type must be a row type");
		old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
		ci->tupdesc = CreateTupleDescCopy(tupdesc);
		MemoryContextSwitchTo(old);
		ci->nsp = get_func_namespace(fcinfo->flinfo->fn_oid);
		fcinfo->flinfo->fn_extra = ci;
	}
	call = (call_info *) fcinfo->flinfo->fn_extra;
	tupdesc = call->tupdesc;

	if (PG_ARGISNULL(2))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("the language of annotate() must not be NULL"),
				 errhint("Use 'en' or 'fr'.")));
	{
		text	   *l = PG_GETARG_TEXT_PP(2);

		if (!sn_lang_from_string(VARDATA_ANY(l), VARSIZE_ANY_EXHDR(l), &lang))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("unsupported language \"%s\"", text_to_cstring(l)),
					 errhint("annotate() reads English ('en') and French ('fr').")));
	}

	old = MemoryContextSwitchTo(rsinfo->econtext->ecxt_per_query_memory);
	tupdesc = CreateTupleDescCopy(tupdesc);
	store = tuplestore_begin_heap(rsinfo->allowedModes & SFRM_Materialize_Random, false, work_mem);
	rsinfo->returnMode = SFRM_Materialize;
	rsinfo->setResult = store;
	rsinfo->setDesc = tupdesc;
	MemoryContextSwitchTo(old);

	if (PG_ARGISNULL(0))
		return (Datum) 0;
	body = PG_GETARG_TEXT_PP(0);
	utf8 = to_utf8(VARDATA_ANY(body), VARSIZE_ANY_EXHDR(body), &utf8_len);

	memset(&opt, 0, sizeof(opt));
	opt.lang = lang;
	opt.gazetteer = gazetteer_get(call->nsp);
	sn_annotate_use_readers(&opt, NULL);
	if (!PG_ARGISNULL(1))
	{
		DateADT		d = PG_GETARG_DATEADT(1);

		if (DATE_NOT_FINITE(d))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("the publication date of annotate() must be finite")));
		published = sn_civil_from_days(d);
		sn_annotate_use_readers(&opt, &published);
	}
	a.alloc = mcxt_alloc;
	a.free = mcxt_free;
	a.ctx = CurrentMemoryContext;
	opt.alloc = &a;
	opt.progress = check_interrupts;

	if (!sn_annotate(utf8, utf8_len, &opt, &m, &err))
	{
		if (err.status == SN_ERR_SYNTAX)
			ereport(ERROR,
					(errcode(ERRCODE_CHARACTER_NOT_IN_REPERTOIRE),
					 errmsg("annotate() needs UTF-8 text: %s", err.message)));
		SN_THROW(&err);
	}

	/* the four kinds as text, made once: the tuplestore copies what it keeps */
	for (int k = 0; k < 4; k++)
	{
		static const char *const kinds[] = {"place", "actor", "quantity", "date"};

		kind_text[k] = CStringGetTextDatum(kinds[k]);
	}
	/*
	 * The tuplestore copies each row, so a row's surface, estimate and edtf
	 * are built in buffers reused from row to row rather than palloc'd.
	 */
	for (size_t i = 0; i < m.n; i++)
		surface_max = Max(surface_max, m.items[i].end_byte - m.items[i].start_byte);
	surface_buf = palloc(VARHDRSZ + surface_max);
	for (size_t i = 0; i < m.n; i++)
	{
		const sn_mention *x = &m.items[i];
		Datum		values[9];
		bool		nulls[9];
		sn_estimate_packed estimate_buf;
		sn_edtf_packed edtf_buf;

		memset(nulls, true, sizeof(nulls));
		if ((i & 1023) == 0)
			CHECK_FOR_INTERRUPTS();
		values[0] = kind_text[x->kind];
		values[1] = Int32GetDatum((int32) x->start_char + 1);
		values[2] = Int32GetDatum((int32) (x->end_char - x->start_char));
		if (utf8 != VARDATA_ANY(body))
		{
			char	   *surface = pnstrdup(utf8 + x->start_byte, x->end_byte - x->start_byte);

			surface = pg_any_to_server(surface, (int) strlen(surface), PG_UTF8);
			values[3] = CStringGetTextDatum(surface);
		}
		else
		{
			SET_VARSIZE(surface_buf, VARHDRSZ + x->end_byte - x->start_byte);
			memcpy(VARDATA(surface_buf), utf8 + x->start_byte, x->end_byte - x->start_byte);
			values[3] = PointerGetDatum(surface_buf);
		}
		nulls[0] = nulls[1] = nulls[2] = nulls[3] = false;
		switch (x->kind)
		{
			case SN_MENTION_PLACE:
			case SN_MENTION_ACTOR:
				if (x->ref.id != 0)
				{
					values[x->kind == SN_MENTION_PLACE ? 4 : 5] = Int64GetDatum(x->ref.id);
					nulls[x->kind == SN_MENTION_PLACE ? 4 : 5] = false;
				}
				if (x->ref.country >= 0)
				{
					values[6] = Int16GetDatum((int16) x->ref.country);
					nulls[6] = false;
				}
				break;
			case SN_MENTION_QUANTITY:
				{
					sn_estimate e;

					memcpy(&e, x->value.bytes, sizeof(e));
					sn_estimate_pack(&e, &estimate_buf);
					values[7] = PointerGetDatum(&estimate_buf);
					nulls[7] = false;
				}
				break;
			case SN_MENTION_DATE:
				{
					sn_edtf		d;

					memcpy(&d, x->value.bytes, sizeof(d));
					sn_edtf_pack(&d, &edtf_buf);
					values[8] = PointerGetDatum(&edtf_buf);
					nulls[8] = false;
				}
				break;
		}
		tuplestore_putvalues(store, tupdesc, values, nulls);
	}
	return (Datum) 0;
}

/*
 * The statement trigger on the gazetteer's tables: queue a relcache
 * invalidation of the signal sequence, which every backend's annotate cache
 * listens to (at its own next command, and in other sessions once the change
 * commits).  Not of the table itself: that would also throw away every cached
 * plan over it (the loaders' look-ups, the foreign-key checks), at each
 * statement that changes it, and a load creating places one row at a time
 * would spend half its time planning again.  Should the sequence be missing,
 * the table is invalidated, as it is by DDL and TRUNCATE anyway.
 */
Datum
annotate_invalidate(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = (TriggerData *) fcinfo->context;
	Oid			signal;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("annotate_invalidate() is a trigger function")));
	signal = get_relname_relid(SIGNAL_RELATION, RelationGetNamespace(trigdata->tg_relation));
	if (OidIsValid(signal))
		CacheInvalidateRelcacheByRelid(signal);
	else
		CacheInvalidateRelcache(trigdata->tg_relation);
	return PointerGetDatum(NULL);
}

/* annotate_gazetteer_info(): the figures of this backend's gazetteer. */
Datum
annotate_gazetteer_info(PG_FUNCTION_ARGS)
{
	TupleDesc	tupdesc;
	Datum		values[8];
	bool		nulls[8] = {false};
	sn_matcher_stats st;
	sn_gazetteer *g;

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "annotate_gazetteer_info: return type must be a row type");
	g = gazetteer_get(get_func_namespace(fcinfo->flinfo->fn_oid));
	sn_gazetteer_stats(g, &st);
	values[0] = Int64GetDatum(cache.rows);
	values[1] = Int64GetDatum((int64) sn_gazetteer_names(g));
	values[2] = Int64GetDatum((int64) st.keys);
	values[3] = Int64GetDatum((int64) st.states);
	values[4] = Int64GetDatum((int64) MemoryContextMemAllocated(cache.cxt, true));
	values[5] = Int64GetDatum(cache.builds);
	values[6] = Float8GetDatum(cache.build_ms);
	values[7] = TimestampTzGetDatum(cache.built_at);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
}
