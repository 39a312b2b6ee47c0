/*
 * extension/pg/loader.c
 *
 * PostgreSQL glue of the loaders' field readers (core: extension/core/
 * loader_fields.c): loader_value(text), loader_int(text), loader_float(text),
 * loader_date(text) and loader_may_be_mojibake(text); and loader_row_digest
 * (core: extension/core/sn_digest.c), the digest of a whole staged row.
 * None raises on bad
 * input: each returns NULL (false) for what it cannot read, and the import
 * functions list the row in import_issues.  Every server encoding is a
 * superset of ASCII, which is all the readers look at, so the bytes are read
 * as they are stored.
 */
#include "sn_pg.h"

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/lsyscache.h"
#include "utils/typcache.h"
#include "utils/uuid.h"

#include "loader_fields.h"
#include "sn_digest.h"

PGDLLEXPORT Datum loader_value(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum loader_int(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum loader_float(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum loader_date(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum loader_may_be_mojibake(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum loader_row_digest(PG_FUNCTION_ARGS);

PG_FUNCTION_INFO_V1(loader_value);
PG_FUNCTION_INFO_V1(loader_int);
PG_FUNCTION_INFO_V1(loader_float);
PG_FUNCTION_INFO_V1(loader_date);
PG_FUNCTION_INFO_V1(loader_may_be_mojibake);
PG_FUNCTION_INFO_V1(loader_row_digest);

Datum
loader_value(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	size_t		len = VARSIZE_ANY_EXHDR(t),
				start,
				vlen;

	if (!sn_field_value(VARDATA_ANY(t), len, &start, &vlen))
		PG_RETURN_NULL();
	if (start == 0 && vlen == len)
		PG_RETURN_TEXT_P(t);
	PG_RETURN_TEXT_P(cstring_to_text_with_len(VARDATA_ANY(t) + start, (int) vlen));
}

/*
 * The body of a reader of one number: the value that the core reader
 * read(text, length, ctype *out) finds in the text argument, as
 * to_datum(value), or NULL where it finds none.
 */
#define RETURN_FIELD_OR_NULL(read, ctype, to_datum) \
	do { \
		text	   *t_ = PG_GETARG_TEXT_PP(0); \
		ctype		v_; \
		\
		if (!read(VARDATA_ANY(t_), VARSIZE_ANY_EXHDR(t_), &v_)) \
			PG_RETURN_NULL(); \
		return to_datum(v_); \
	} while (0)

Datum
loader_int(PG_FUNCTION_ARGS)
{
	RETURN_FIELD_OR_NULL(sn_field_int, int64_t, Int64GetDatum);
}

Datum
loader_float(PG_FUNCTION_ARGS)
{
	RETURN_FIELD_OR_NULL(sn_field_float, double, Float8GetDatum);
}

Datum
loader_date(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	int			y,
				m,
				d;

	if (!sn_field_date(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), &y, &m, &d))
		PG_RETURN_NULL();
	/* years 1..9999: always within the range of date */
	PG_RETURN_DATEADT((DateADT) (date2j(y, m, d) - POSTGRES_EPOCH_JDATE));
}

Datum
loader_may_be_mojibake(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);

	/* repair_mojibake changes text only in a UTF-8 database */
	if (GetDatabaseEncoding() != PG_UTF8)
		PG_RETURN_BOOL(false);
	PG_RETURN_BOOL(sn_field_may_be_mojibake(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t)));
}

/*
 * What loader_row_digest keeps between calls (fn_extra): the row type it was
 * set up for, and for each column whether its bytes are digested as they are
 * (text, varchar, bpchar: every staging column) or as the text its output
 * function writes (any other type).
 */
typedef struct RowDigestCache
{
	Oid			typid;
	int32		typmod;
	TupleDesc	tupdesc;
	bool	   *raw;
	FmgrInfo   *out;
} RowDigestCache;

/*
 * loader_row_digest(salt text, row record) RETURNS uuid: the 128-bit digest
 * (sn_digest.h) of salt followed by each column of the row in order, a
 * column being its text or NULL.  The loaders salt it with the extension's
 * version, so that a row digested by another version never matches.
 */
Datum
loader_row_digest(PG_FUNCTION_ARGS)
{
	text	   *salt = PG_GETARG_TEXT_PP(0);
	HeapTupleHeader row = PG_GETARG_HEAPTUPLEHEADER(1);
	Oid			typid = HeapTupleHeaderGetTypeId(row);
	int32		typmod = HeapTupleHeaderGetTypMod(row);
	RowDigestCache *c = fcinfo->flinfo->fn_extra;
	HeapTupleData tuple;
	Datum	   *values;
	bool	   *nulls;
	sn_digest	d;
	pg_uuid_t  *result;

	if (c == NULL || c->typid != typid || c->typmod != typmod)
	{
		MemoryContext old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
		TupleDesc	td = lookup_rowtype_tupdesc(typid, typmod);

		c = palloc(sizeof(RowDigestCache));
		c->typid = typid;
		c->typmod = typmod;
		c->tupdesc = CreateTupleDescCopy(td);
		ReleaseTupleDesc(td);
		c->raw = palloc0(sizeof(bool) * Max(c->tupdesc->natts, 1));
		c->out = palloc0(sizeof(FmgrInfo) * Max(c->tupdesc->natts, 1));
		for (int i = 0; i < c->tupdesc->natts; i++)
		{
			Form_pg_attribute att = TupleDescAttr(c->tupdesc, i);
			Oid			outfn;
			bool		varlena;

			if (att->attisdropped)
				continue;
			c->raw[i] = att->atttypid == TEXTOID || att->atttypid == VARCHAROID || att->atttypid == BPCHAROID;
			if (!c->raw[i])
			{
				getTypeOutputInfo(att->atttypid, &outfn, &varlena);
				fmgr_info_cxt(outfn, &c->out[i], fcinfo->flinfo->fn_mcxt);
			}
		}
		fcinfo->flinfo->fn_extra = c;
		MemoryContextSwitchTo(old);
	}

	tuple.t_len = HeapTupleHeaderGetDatumLength(row);
	ItemPointerSetInvalid(&tuple.t_self);
	tuple.t_tableOid = InvalidOid;
	tuple.t_data = row;
	values = palloc(sizeof(Datum) * Max(c->tupdesc->natts, 1));
	nulls = palloc(sizeof(bool) * Max(c->tupdesc->natts, 1));
	heap_deform_tuple(&tuple, c->tupdesc, values, nulls);

	sn_digest_init(&d);
	sn_digest_field(&d, VARDATA_ANY(salt), VARSIZE_ANY_EXHDR(salt));
	for (int i = 0; i < c->tupdesc->natts; i++)
	{
		if (TupleDescAttr(c->tupdesc, i)->attisdropped)
			continue;
		if (nulls[i])
			sn_digest_null(&d);
		else if (c->raw[i])
		{
			struct varlena *v = pg_detoast_datum_packed((struct varlena *) DatumGetPointer(values[i]));

			sn_digest_field(&d, VARDATA_ANY(v), VARSIZE_ANY_EXHDR(v));
			if ((Pointer) v != DatumGetPointer(values[i]))
				pfree(v);
		}
		else
		{
			char	   *s = OutputFunctionCall(&c->out[i], values[i]);

			sn_digest_field(&d, s, strlen(s));
			pfree(s);
		}
	}
	pfree(values);
	pfree(nulls);

	result = palloc(sizeof(pg_uuid_t));
	StaticAssertStmt(sizeof(result->data) == SN_DIGEST_BYTES, "a digest fills a uuid");
	sn_digest_final(&d, result->data);
	PG_RETURN_UUID_P(result);
}
