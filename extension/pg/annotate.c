/*
 * extension/pg/annotate.c
 *
 * annotate(body text, published date, lang text): the mentions of places,
 * actors, quantities and dates in a text, over the core in annotate.h.  The
 * names come from the gazetteer of annotate_gazetteer.c, current with every
 * change committed before the call.
 */
#include "sn_pg.h"

#include "funcapi.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"

#include "annotate.h"
#include "annotate_gazetteer.h"
#include "annotate_readers.h"
#include "country.h"
#include "edtf_pg.h"

PGDLLEXPORT Datum annotate(PG_FUNCTION_ARGS);

PG_FUNCTION_INFO_V1(annotate);

/* What annotate() looks up once per query (in fn_extra). */
typedef struct call_info
{
	TupleDesc	tupdesc;		/* the result's row type */
	sn_gz_query *gz;			/* the gazetteer's state for this query */
} call_info;

static void
check_interrupts(void *arg)
{
	CHECK_FOR_INTERRUPTS();
}

/*
 * What annotate() looks up once per query: the row type (a report per row
 * makes thousands of calls, and the catalog lookups would cost more than
 * annotating a short text) and the gazetteer's state.
 */
static call_info *
call_info_of(FunctionCallInfo fcinfo)
{
	if (fcinfo->flinfo->fn_extra == NULL)
	{
		call_info  *ci = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(call_info));
		TupleDesc	tupdesc;
		MemoryContext old;

		if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
			elog(ERROR, "annotate: return type must be a row type");
		old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
		ci->tupdesc = CreateTupleDescCopy(tupdesc);
		MemoryContextSwitchTo(old);
		ci->gz = sn_gz_query_new(get_func_namespace(fcinfo->flinfo->fn_oid),
								 fcinfo->flinfo->fn_mcxt);
		fcinfo->flinfo->fn_extra = ci;
	}
	return (call_info *) fcinfo->flinfo->fn_extra;
}

/* The language argument: 'en' or 'fr' (and their spellings), never NULL. */
static sn_lang
lang_arg(FunctionCallInfo fcinfo, int argno)
{
	text	   *l;
	sn_lang		lang;

	if (PG_ARGISNULL(argno))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("the language of annotate() must not be NULL"),
				 errhint("Use 'en' or 'fr'.")));
	l = PG_GETARG_TEXT_PP(argno);
	if (!sn_lang_from_string(VARDATA_ANY(l), VARSIZE_ANY_EXHDR(l), &lang))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unsupported language \"%s\"", text_to_cstring(l)),
				 errhint("annotate() reads English ('en') and French ('fr').")));
	return lang;
}

/* The result: a tuplestore of rows of tupdesc, handed to the executor. */
static Tuplestorestate *
begin_result(ReturnSetInfo *rsinfo, TupleDesc tupdesc)
{
	MemoryContext old = MemoryContextSwitchTo(rsinfo->econtext->ecxt_per_query_memory);
	Tuplestorestate *store;

	tupdesc = CreateTupleDescCopy(tupdesc);
	store = tuplestore_begin_heap(rsinfo->allowedModes & SFRM_Materialize_Random, false, work_mem);
	rsinfo->returnMode = SFRM_Materialize;
	rsinfo->setResult = store;
	rsinfo->setDesc = tupdesc;
	MemoryContextSwitchTo(old);
	return store;
}

/*
 * The options of the core's call: the language, the gazetteer, the readers
 * (relative dates only with a publication date), memory and interrupts.
 */
static void
annotate_options(FunctionCallInfo fcinfo, call_info *call, sn_lang lang, sn_allocator *a,
				 sn_civil_date *published, sn_annotate_options *opt)
{
	memset(opt, 0, sizeof(*opt));
	opt->lang = lang;
	opt->gazetteer = sn_gz_query_gazetteer(call->gz, fcinfo->flinfo->fn_mcxt);
	sn_annotate_use_readers(opt, NULL);
	if (!PG_ARGISNULL(1))
	{
		*published = sn_arg_finite_date(fcinfo, 1, ERRCODE_INVALID_PARAMETER_VALUE,
										"the publication date of annotate()");
		sn_annotate_use_readers(opt, published);
	}
	sn_pg_allocator(a, CurrentMemoryContext);
	opt->alloc = a;
	opt->progress = check_interrupts;
}

/* Buffers reused from row to row: the tuplestore copies each row it keeps. */
typedef struct row_buffers
{
	Datum		kind_text[4];	/* the four kinds as text */
	text	   *surface;		/* room for the longest surface */
	sn_estimate_packed estimate;
	sn_edtf_packed edtf;
} row_buffers;

static void
row_buffers_init(row_buffers *rb, const sn_mentions *m)
{
	static const char *const kinds[] = {"place", "actor", "quantity", "date"};
	size_t		surface_max = 0;

	for (int k = 0; k < 4; k++)
		rb->kind_text[k] = CStringGetTextDatum(kinds[k]);
	for (size_t i = 0; i < m->n; i++)
		surface_max = Max(surface_max, m->items[i].end_byte - m->items[i].start_byte);
	rb->surface = palloc(VARHDRSZ + surface_max);
}

/* The value of a quantity (an estimate) or a date (an edtf) mention, packed into rb */
static Datum
mention_value(const sn_mention *x, row_buffers *rb)
{
	sn_estimate e;
	sn_edtf		d;

	if (x->kind == SN_MENTION_QUANTITY)
	{
		memcpy(&e, x->value.bytes, sizeof(e));
		sn_estimate_pack(&e, &rb->estimate);
		return PointerGetDatum(&rb->estimate);
	}
	memcpy(&d, x->value.bytes, sizeof(d));
	sn_edtf_pack(&d, &rb->edtf);
	return PointerGetDatum(&rb->edtf);
}

/*
 * The row of mention x: kind, start_pos, length, surface, place_id,
 * actor_id, country, quantity, date.  utf8 is the text the core read; when
 * it is not the body itself, the surface goes back to the server encoding.
 */
static void
mention_row(const sn_mention *x, const char *utf8, bool converted, row_buffers *rb,
			Datum *values, bool *nulls)
{
	memset(nulls, true, 9 * sizeof(bool));
	values[0] = rb->kind_text[x->kind];
	values[1] = Int32GetDatum((int32) x->start_char + 1);
	values[2] = Int32GetDatum((int32) (x->end_char - x->start_char));
	if (converted)
	{
		char	   *surface = pnstrdup(utf8 + x->start_byte, x->end_byte - x->start_byte);

		surface = pg_any_to_server(surface, (int) strlen(surface), PG_UTF8);
		values[3] = CStringGetTextDatum(surface);
	}
	else
	{
		SET_VARSIZE(rb->surface, VARHDRSZ + x->end_byte - x->start_byte);
		memcpy(VARDATA(rb->surface), utf8 + x->start_byte, x->end_byte - x->start_byte);
		values[3] = PointerGetDatum(rb->surface);
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
		case SN_MENTION_DATE:
			values[x->kind == SN_MENTION_QUANTITY ? 7 : 8] = mention_value(x, rb);
			nulls[x->kind == SN_MENTION_QUANTITY ? 7 : 8] = false;
			break;
	}
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
	Tuplestorestate *store;
	text	   *body;
	const char *utf8;
	size_t		utf8_len;
	sn_lang		lang;
	sn_civil_date published;
	sn_annotate_options opt;
	sn_allocator a;
	sn_mentions m = {0};
	row_buffers rb;
	call_info  *call;
	sn_error	err;

	if (rsinfo == NULL || !IsA(rsinfo, ReturnSetInfo) ||
		!(rsinfo->allowedModes & SFRM_Materialize))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("annotate() must be called where a set can be returned, as in FROM")));
	call = call_info_of(fcinfo);
	lang = lang_arg(fcinfo, 2);
	store = begin_result(rsinfo, call->tupdesc);
	if (PG_ARGISNULL(0))
		return (Datum) 0;
	body = PG_GETARG_TEXT_PP(0);
	utf8 = sn_pg_to_utf8(VARDATA_ANY(body), VARSIZE_ANY_EXHDR(body), &utf8_len);

	annotate_options(fcinfo, call, lang, &a, &published, &opt);
	if (!sn_annotate(utf8, utf8_len, &opt, &m, &err))
	{
		if (err.status == SN_ERR_SYNTAX)
			ereport(ERROR,
					(errcode(ERRCODE_CHARACTER_NOT_IN_REPERTOIRE),
					 errmsg("annotate() needs UTF-8 text: %s", err.message)));
		SN_THROW(&err);
	}

	row_buffers_init(&rb, &m);
	for (size_t i = 0; i < m.n; i++)
	{
		Datum		values[9];
		bool		nulls[9];

		if ((i & 1023) == 0)
			CHECK_FOR_INTERRUPTS();
		mention_row(&m.items[i], utf8, utf8 != VARDATA_ANY(body), &rb, values, nulls);
		tuplestore_putvalues(store, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}
