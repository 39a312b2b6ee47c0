/*
 * extension/pg/edtf.c
 *
 * PostgreSQL glue of the edtf type (core: extension/core/edtf.c).
 *
 * An edtf is stored as sn_edtf_packed: 32 bytes, passed by reference, the
 * earliest and latest day first (as int64 day numbers from 2000-01-01, the
 * count PostgreSQL's date uses), so that comparisons and the span operators
 * read two integers and never unpack.  The binary form sent to clients is a
 * version byte (1) followed by the canonical text, which recv reads with
 * the same parser as text input: whatever arrives is validated.
 */
#include "edtf_pg.h"

#include "access/hash.h"
#include "catalog/pg_type.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/rangetypes.h"
#include "utils/timestamp.h"
#include "utils/typcache.h"

#include "edtf_phrase.h"


PGDLLEXPORT Datum edtf_in(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum edtf_out(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum edtf_recv(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum edtf_send(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum edtf_lower(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum edtf_upper(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum edtf_precision(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum edtf_level(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum edtf_is_uncertain(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum edtf_is_approximate(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum edtf_is_interval(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum edtf_from_date(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum edtf_from_timestamptz(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum edtf_to_daterange(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum edtf_cmp(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum edtf_lt(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum edtf_le(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum edtf_eq(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum edtf_ne(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum edtf_ge(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum edtf_gt(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum edtf_hash(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum edtf_hash_extended(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum edtf_overlaps(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum edtf_contains(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum edtf_contained(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum edtf_contains_date(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum edtf_date_contained(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum edtf_before(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum edtf_after(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum edtf_resolve_date(PG_FUNCTION_ARGS);

PG_FUNCTION_INFO_V1(edtf_in);
PG_FUNCTION_INFO_V1(edtf_out);
PG_FUNCTION_INFO_V1(edtf_recv);
PG_FUNCTION_INFO_V1(edtf_send);
PG_FUNCTION_INFO_V1(edtf_lower);
PG_FUNCTION_INFO_V1(edtf_upper);
PG_FUNCTION_INFO_V1(edtf_precision);
PG_FUNCTION_INFO_V1(edtf_level);
PG_FUNCTION_INFO_V1(edtf_is_uncertain);
PG_FUNCTION_INFO_V1(edtf_is_approximate);
PG_FUNCTION_INFO_V1(edtf_is_interval);
PG_FUNCTION_INFO_V1(edtf_from_date);
PG_FUNCTION_INFO_V1(edtf_from_timestamptz);
PG_FUNCTION_INFO_V1(edtf_to_daterange);
PG_FUNCTION_INFO_V1(edtf_cmp);
PG_FUNCTION_INFO_V1(edtf_lt);
PG_FUNCTION_INFO_V1(edtf_le);
PG_FUNCTION_INFO_V1(edtf_eq);
PG_FUNCTION_INFO_V1(edtf_ne);
PG_FUNCTION_INFO_V1(edtf_ge);
PG_FUNCTION_INFO_V1(edtf_gt);
PG_FUNCTION_INFO_V1(edtf_hash);
PG_FUNCTION_INFO_V1(edtf_hash_extended);
PG_FUNCTION_INFO_V1(edtf_overlaps);
PG_FUNCTION_INFO_V1(edtf_contains);
PG_FUNCTION_INFO_V1(edtf_contained);
PG_FUNCTION_INFO_V1(edtf_contains_date);
PG_FUNCTION_INFO_V1(edtf_date_contained);
PG_FUNCTION_INFO_V1(edtf_before);
PG_FUNCTION_INFO_V1(edtf_after);
PG_FUNCTION_INFO_V1(edtf_resolve_date);

/* A new stored value from a finished core value. */
static inline Datum
edtf_datum(const sn_edtf *v)
{
	sn_edtf_packed *p = (sn_edtf_packed *) palloc(sizeof(sn_edtf_packed));

	sn_edtf_pack(v, p);
	return PointerGetDatum(p);
}

/* ------------------------------------------------------------------------
 * Text and binary I/O
 */

Datum
edtf_in(PG_FUNCTION_ARGS)
{
	SN_RETURN_PARSED(sn_edtf_parse, sn_edtf, edtf_datum);
}

Datum
edtf_out(PG_FUNCTION_ARGS)
{
	sn_edtf		v;

	sn_edtf_unpack(PG_GETARG_EDTF_P(0), &v);
	SN_RETURN_FORMATTED(sn_edtf_format, &v, SN_EDTF_TEXT_MAX);
}

Datum
edtf_recv(PG_FUNCTION_ARGS)
{
	SN_RETURN_DECODED(sn_edtf_decode, sn_edtf, edtf_datum);
}

Datum
edtf_send(PG_FUNCTION_ARGS)
{
	sn_edtf		v;
	char		out[SN_EDTF_BINARY_MAX];

	sn_edtf_unpack(PG_GETARG_EDTF_P(0), &v);
	PG_RETURN_BYTEA_P(sn_send_bytes(out, sn_edtf_encode(&v, out)));
}

/* ------------------------------------------------------------------------
 * Accessors
 */

/*
 * A day number as a PostgreSQL date: the infinities for open ends, and for
 * days beyond the date type's range (4714-11-24 BC .. 5874897-12-31), so that
 * the order of bounds is kept.
 */
static DateADT
day_to_date(int64 d)
{
	if (d < (int64) (DATETIME_MIN_JULIAN - POSTGRES_EPOCH_JDATE))
	{
		DateADT		r;

		DATE_NOBEGIN(r);
		return r;
	}
	if (d >= (int64) (DATE_END_JULIAN - POSTGRES_EPOCH_JDATE))
	{
		DateADT		r;

		DATE_NOEND(r);
		return r;
	}
	return (DateADT) d;
}

/* The lower or upper bound of argument 0 as a date, NULL when it is unknown. */
static Datum
bound_date(FunctionCallInfo fcinfo, bool upper)
{
	sn_edtf_packed *p = PG_GETARG_EDTF_P(0);
	sn_edtf		v;

	sn_edtf_unpack(p, &v);
	if (!(upper ? sn_edtf_upper_known(&v) : sn_edtf_lower_known(&v)))
		PG_RETURN_NULL();
	PG_RETURN_DATEADT(day_to_date(upper ? p->upper : p->lower));
}

Datum
edtf_lower(PG_FUNCTION_ARGS)
{
	return bound_date(fcinfo, false);
}

Datum
edtf_upper(PG_FUNCTION_ARGS)
{
	return bound_date(fcinfo, true);
}

Datum
edtf_precision(PG_FUNCTION_ARGS)
{
	sn_edtf		v;

	sn_edtf_unpack(PG_GETARG_EDTF_P(0), &v);
	PG_RETURN_TEXT_P(cstring_to_text(sn_edtf_precision(&v)));
}

Datum
edtf_level(PG_FUNCTION_ARGS)
{
	sn_edtf		v;

	sn_edtf_unpack(PG_GETARG_EDTF_P(0), &v);
	PG_RETURN_INT32(sn_edtf_level(&v));
}

/* A test of one edtf value: the core predicate pred of argument 0. */
#define EDTF_TEST_FN(name, pred) \
Datum \
name(PG_FUNCTION_ARGS) \
{ \
	sn_edtf		v; \
	sn_edtf_unpack(PG_GETARG_EDTF_P(0), &v); \
	PG_RETURN_BOOL(pred(&v)); \
}

EDTF_TEST_FN(edtf_is_uncertain, sn_edtf_is_uncertain)
EDTF_TEST_FN(edtf_is_approximate, sn_edtf_is_approximate)
EDTF_TEST_FN(edtf_is_interval, sn_edtf_is_interval)

/* ------------------------------------------------------------------------
 * Casts
 */

Datum
edtf_from_date(PG_FUNCTION_ARGS)
{
	DateADT		d = PG_GETARG_DATEADT(0);
	sn_edtf		v;

	if (DATE_NOT_FINITE(d))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("date %s has no edtf", DATE_IS_NOBEGIN(d) ? "-infinity" : "infinity"),
				 errhint("An open interval end is written \"..\": '../2014' or '2014/..'.")));
	if (!sn_edtf_make_from_days((int64) d, &v))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("date %s is beyond year 9999, which an EDTF day cannot be",
						DatumGetCString(DirectFunctionCall1(date_out, DateADTGetDatum(d))))));
	return edtf_datum(&v);
}

Datum
edtf_from_timestamptz(PG_FUNCTION_ARGS)
{
	TimestampTz ts = PG_GETARG_TIMESTAMPTZ(0);
	int64		days,
				secs;
	sn_edtf		v;
	sn_error	err;

	if (TIMESTAMP_NOT_FINITE(ts))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("timestamp %s has no edtf", TIMESTAMP_IS_NOBEGIN(ts) ? "-infinity" : "infinity")));
	/* UTC, to the second (fractions dropped towards the past) */
	days = ts / USECS_PER_DAY;
	if (ts % USECS_PER_DAY < 0)
		days--;
	secs = (ts - days * USECS_PER_DAY) / USECS_PER_SEC;
	if (!sn_edtf_make_from_days(days, &v))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("timestamp is beyond year 9999, which an EDTF date-time cannot be")));
	v.time.present = true;
	v.time.hour = (uint8) (secs / 3600);
	v.time.minute = (uint8) (secs / 60 % 60);
	v.time.second = (uint8) (secs % 60);
	v.time.tz = SN_EDTF_TZ_Z;
	if (!sn_edtf_finish(&v, &err))
		SN_THROW(&err);
	return edtf_datum(&v);
}

static bool
day_in_date_range(int64 d)
{
	return d >= (int64) (DATETIME_MIN_JULIAN - POSTGRES_EPOCH_JDATE) &&
		d < (int64) (DATE_END_JULIAN - POSTGRES_EPOCH_JDATE);
}

Datum
edtf_to_daterange(PG_FUNCTION_ARGS)
{
	sn_edtf_packed *p = PG_GETARG_EDTF_P(0);
	TypeCacheEntry *typcache = lookup_type_cache(DATERANGEOID, TYPECACHE_RANGE_INFO);
	RangeBound	lo,
				hi;
	sn_edtf		v;

	sn_edtf_unpack(p, &v);
	memset(&lo, 0, sizeof(lo));
	memset(&hi, 0, sizeof(hi));
	lo.lower = true;
	lo.inclusive = true;
	hi.lower = false;
	hi.inclusive = false;
	if (p->lower == SN_EDTF_DAY_NEG_INF)
		lo.infinite = true;
	else if (day_in_date_range(p->lower))
		lo.val = DateADTGetDatum((DateADT) p->lower);
	else
		goto out_of_range;
	if (p->upper == SN_EDTF_DAY_POS_INF)
		hi.infinite = true;
	else if (day_in_date_range(p->upper) && day_in_date_range(p->upper + 1))
		hi.val = DateADTGetDatum((DateADT) (p->upper + 1));
	else
		goto out_of_range;
	PG_RETURN_RANGE_P(sn_make_range(typcache, &lo, &hi, false));

out_of_range:
	{
		char		text[SN_EDTF_TEXT_MAX];

		sn_edtf_format(&v, text, sizeof(text));
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("edtf \"%s\" is beyond the range of daterange", text),
				 errdetail("A date is between 4714-11-24 BC and 5874897-12-31.")));
	}
	PG_RETURN_NULL();
}

/* ------------------------------------------------------------------------
 * Order and hashing
 */

#define CMP_ARGS() sn_edtf_packed_cmp(PG_GETARG_EDTF_P(0), PG_GETARG_EDTF_P(1))

Datum
edtf_cmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(CMP_ARGS());
}

Datum
edtf_lt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(CMP_ARGS() < 0);
}

Datum
edtf_le(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(CMP_ARGS() <= 0);
}

Datum
edtf_eq(PG_FUNCTION_ARGS)
{
	/* the stored form is canonical: equal values are equal bytes */
	PG_RETURN_BOOL(memcmp(PG_GETARG_EDTF_P(0), PG_GETARG_EDTF_P(1), sizeof(sn_edtf_packed)) == 0);
}

Datum
edtf_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(memcmp(PG_GETARG_EDTF_P(0), PG_GETARG_EDTF_P(1), sizeof(sn_edtf_packed)) != 0);
}

Datum
edtf_ge(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(CMP_ARGS() >= 0);
}

Datum
edtf_gt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(CMP_ARGS() > 0);
}

Datum
edtf_hash(PG_FUNCTION_ARGS)
{
	return hash_any((const unsigned char *) PG_GETARG_EDTF_P(0), sizeof(sn_edtf_packed));
}

Datum
edtf_hash_extended(PG_FUNCTION_ARGS)
{
	return hash_any_extended((const unsigned char *) PG_GETARG_EDTF_P(0), sizeof(sn_edtf_packed),
							 PG_GETARG_INT64(1));
}

/* ------------------------------------------------------------------------
 * Span operators (unknown ends count as open)
 */

Datum
edtf_overlaps(PG_FUNCTION_ARGS)
{
	sn_edtf_packed *a = PG_GETARG_EDTF_P(0),
			   *b = PG_GETARG_EDTF_P(1);

	PG_RETURN_BOOL(edtf_span_overlaps(a->lower, a->upper, b->lower, b->upper));
}

Datum
edtf_contains(PG_FUNCTION_ARGS)
{
	sn_edtf_packed *a = PG_GETARG_EDTF_P(0),
			   *b = PG_GETARG_EDTF_P(1);

	PG_RETURN_BOOL(a->lower <= b->lower && b->upper <= a->upper);
}

Datum
edtf_contained(PG_FUNCTION_ARGS)
{
	sn_edtf_packed *a = PG_GETARG_EDTF_P(0),
			   *b = PG_GETARG_EDTF_P(1);

	PG_RETURN_BOOL(b->lower <= a->lower && a->upper <= b->upper);
}

Datum
edtf_contains_date(PG_FUNCTION_ARGS)
{
	sn_edtf_packed *a = PG_GETARG_EDTF_P(0);
	int64		d = edtf_date_to_day(PG_GETARG_DATEADT(1));

	PG_RETURN_BOOL(a->lower <= d && d <= a->upper);
}

Datum
edtf_date_contained(PG_FUNCTION_ARGS)
{
	int64		d = edtf_date_to_day(PG_GETARG_DATEADT(0));
	sn_edtf_packed *a = PG_GETARG_EDTF_P(1);

	PG_RETURN_BOOL(a->lower <= d && d <= a->upper);
}

Datum
edtf_before(PG_FUNCTION_ARGS)
{
	sn_edtf_packed *a = PG_GETARG_EDTF_P(0),
			   *b = PG_GETARG_EDTF_P(1);

	PG_RETURN_BOOL(a->upper < b->lower);
}

Datum
edtf_after(PG_FUNCTION_ARGS)
{
	sn_edtf_packed *a = PG_GETARG_EDTF_P(0),
			   *b = PG_GETARG_EDTF_P(1);

	PG_RETURN_BOOL(a->lower > b->upper);
}

/* ------------------------------------------------------------------------
 * resolve_date(phrase, reference, lang)
 */

Datum
edtf_resolve_date(PG_FUNCTION_ARGS)
{
	text	   *phrase;
	sn_lang		lang = SN_LANG_EN;
	sn_civil_date ref,
			   *refp = NULL;
	sn_edtf		v;
	sn_error	err;

	/* not STRICT: a NULL reference means "absolute dates only" */
	if (PG_ARGISNULL(0) || PG_ARGISNULL(2))
		PG_RETURN_NULL();
	phrase = PG_GETARG_TEXT_PP(0);
	{
		text	   *l = PG_GETARG_TEXT_PP(2);

		if (!sn_lang_from_string(VARDATA_ANY(l), VARSIZE_ANY_EXHDR(l), &lang))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("unknown language \"%s\"", text_to_cstring(l)),
					 errhint("resolve_date reads English ('en') and French ('fr').")));
	}
	if (!PG_ARGISNULL(1))
	{
		ref = sn_arg_finite_date(fcinfo, 1, ERRCODE_DATETIME_VALUE_OUT_OF_RANGE,
								 "the reference date of resolve_date");
		refp = &ref;
	}
	{
		/* the reader reads UTF-8 */
		int			len = (int) VARSIZE_ANY_EXHDR(phrase);
		char	   *utf8 = pg_server_to_any(VARDATA_ANY(phrase), len, PG_UTF8);

		if (utf8 != VARDATA_ANY(phrase))
			len = (int) strlen(utf8);
		if (!sn_date_phrase_resolve(utf8, (size_t) len, refp, lang, &v, &err))
		{
			char	   *msg = pg_any_to_server(err.message, (int) strlen(err.message), PG_UTF8);

			ereport(ERROR,
					(errcode(sn_sqlstate(err.status)),
					 errmsg("%s", msg),
					 err.detail[0] ? errdetail("%s", err.detail) : 0,
					 err.hint[0] ? errhint("%s", pg_any_to_server(err.hint, (int) strlen(err.hint), PG_UTF8)) : 0));
		}
	}
	return edtf_datum(&v);
}
