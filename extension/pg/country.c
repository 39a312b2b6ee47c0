/*
 * extension/pg/country.c
 *
 * PostgreSQL glue of the country type (core: extension/core/country.c).
 *
 * A country is 2 bytes passed by value: the ISO alpha-3 code packed as an
 * int2 (see country.h), so comparison, sorting and hashing reuse the int2
 * functions (extension/sql/040_country.sql).  Text in a database whose
 * encoding is not UTF-8 is converted on the way in and out.  Successful
 * readings of short strings are memoised per backend (see parse_text).
 */
#include "sn_pg.h"

#include "funcapi.h"
#include "mb/pg_wchar.h"
#include "utils/array.h"
#include "utils/builtins.h"

#include "country.h"

PGDLLEXPORT Datum country_in(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum country_out(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum country_recv(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum country_send(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum country_from_text(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum country_try_text(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum country_from_numeric(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum country_from_fips(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum country_from_gw(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum country_from_cow(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum country_iso2(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum country_iso3(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum country_iso_numeric(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum country_fips(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum country_gw_code(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum country_cow_code(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum country_name(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum country_name_fr(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum country_region(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum country_continent(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum country_countries(PG_FUNCTION_ARGS);

PG_FUNCTION_INFO_V1(country_in);
PG_FUNCTION_INFO_V1(country_out);
PG_FUNCTION_INFO_V1(country_recv);
PG_FUNCTION_INFO_V1(country_send);
PG_FUNCTION_INFO_V1(country_from_text);
PG_FUNCTION_INFO_V1(country_try_text);
PG_FUNCTION_INFO_V1(country_from_numeric);
PG_FUNCTION_INFO_V1(country_from_fips);
PG_FUNCTION_INFO_V1(country_from_gw);
PG_FUNCTION_INFO_V1(country_from_cow);
PG_FUNCTION_INFO_V1(country_iso2);
PG_FUNCTION_INFO_V1(country_iso3);
PG_FUNCTION_INFO_V1(country_iso_numeric);
PG_FUNCTION_INFO_V1(country_fips);
PG_FUNCTION_INFO_V1(country_gw_code);
PG_FUNCTION_INFO_V1(country_cow_code);
PG_FUNCTION_INFO_V1(country_name);
PG_FUNCTION_INFO_V1(country_name_fr);
PG_FUNCTION_INFO_V1(country_region);
PG_FUNCTION_INFO_V1(country_continent);
PG_FUNCTION_INFO_V1(country_countries);

#define DatumGetCountry(d) ((sn_country) DatumGetInt16(d))
#define CountryGetDatum(c) Int16GetDatum((int16) (c))
#define PG_GETARG_COUNTRY(n) DatumGetCountry(PG_GETARG_DATUM(n))
#define PG_RETURN_COUNTRY(c) return CountryGetDatum(c)

static inline Datum
country_datum(const sn_country *c)
{
	return CountryGetDatum(*c);
}

/* The table entry of a stored value; a corrupt value is an error. */
static const sn_country_info *
info_of(sn_country c)
{
	const sn_country_info *info = sn_country_info_of(c);

	if (info == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("invalid country value %d", (int) (int16) c)));
	return info;
}

/* Input bytes as UTF-8 (a copy only when the database is not UTF-8). */
static const char *
to_utf8(const char *s, int *len)
{
	char	   *u;

	if (GetDatabaseEncoding() == PG_UTF8 || GetDatabaseEncoding() == PG_SQL_ASCII)
		return s;
	u = (char *) pg_do_encoding_conversion((unsigned char *) s, *len,
										   GetDatabaseEncoding(), PG_UTF8);
	if (u != s)
		*len = strlen(u);
	return u;
}

/* UTF-8 text from the table as a text datum in the database encoding. */
static Datum
utf8_text(const char *s)
{
	char	   *conv = pg_any_to_server(s, strlen(s), PG_UTF8);

	return PointerGetDatum(cstring_to_text(conv));
}

/*
 * A per-backend memo of recent successful readings: country columns repeat
 * a few hundred distinct strings, and the function is immutable.  Direct
 * mapped on a hash of the bytes; strings longer than MEMO_LEN bytes and
 * failures are not kept (failures must report their error anyway).
 */
#define MEMO_SIZE 4096
#define MEMO_LEN 30
typedef struct memo_entry
{
	uint8		len;			/* 0 = empty */
	char		bytes[MEMO_LEN];
	sn_country	value;
} memo_entry;
static memo_entry memo[MEMO_SIZE];

static inline uint32
memo_slot(const char *s, int len)
{
	uint32		h = 2166136261u;

	for (int i = 0; i < len; i++)
		h = (h ^ (unsigned char) s[i]) * 16777619u;
	return h & (MEMO_SIZE - 1);
}

static bool
parse_text(const char *s, int len, sn_country *out, sn_error *err)
{
	const char *u;
	memo_entry *m = NULL;

	if (len > 0 && len <= MEMO_LEN)
	{
		m = &memo[memo_slot(s, len)];
		if (m->len == len && memcmp(m->bytes, s, len) == 0)
		{
			*out = m->value;
			return true;
		}
	}
	u = to_utf8(s, &len);
	if (err)
		sn_error_clear(err);
	if (!sn_country_parse(u, (size_t) len, out, err))
		return false;
	if (m && u == s)
	{
		m->len = (uint8) len;
		memcpy(m->bytes, s, len);
		m->value = *out;
	}
	return true;
}

Datum
country_in(PG_FUNCTION_ARGS)
{
	SN_RETURN_PARSED(parse_text, sn_country, country_datum);
}

Datum
country_out(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(pstrdup(info_of(PG_GETARG_COUNTRY(0))->iso3));
}

/* Binary form: sn_country_encode / sn_country_decode (country.h). */
Datum
country_recv(PG_FUNCTION_ARGS)
{
	SN_RETURN_DECODED(sn_country_decode, sn_country, country_datum);
}

Datum
country_send(PG_FUNCTION_ARGS)
{
	char		out[SN_COUNTRY_BINARY_SIZE];

	PG_RETURN_BYTEA_P(sn_send_bytes(out, sn_country_encode(PG_GETARG_COUNTRY(0), out)));
}

Datum
country_from_text(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	sn_country	c;
	sn_error	err;

	if (!parse_text(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), &c, &err))
		SN_THROW(&err);
	PG_RETURN_COUNTRY(c);
}

Datum
country_try_text(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	sn_country	c;

	if (!parse_text(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), &c, NULL))
		PG_RETURN_NULL();
	PG_RETURN_COUNTRY(c);
}

static Datum
from_number(sn_country_scheme scheme, int32 v)
{
	sn_country	c;
	sn_error	err;

	sn_error_clear(&err);
	if (!sn_country_from_number(scheme, v, &c, &err))
		SN_THROW(&err);
	PG_RETURN_COUNTRY(c);
}

Datum
country_from_numeric(PG_FUNCTION_ARGS)
{
	return from_number(SN_COUNTRY_SCHEME_NUMERIC, PG_GETARG_INT32(0));
}

Datum
country_from_gw(PG_FUNCTION_ARGS)
{
	return from_number(SN_COUNTRY_SCHEME_GW, PG_GETARG_INT32(0));
}

Datum
country_from_cow(PG_FUNCTION_ARGS)
{
	return from_number(SN_COUNTRY_SCHEME_COW, PG_GETARG_INT32(0));
}

Datum
country_from_fips(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	int			len = VARSIZE_ANY_EXHDR(t);
	const char *s = to_utf8(VARDATA_ANY(t), &len);
	sn_country	c;
	sn_error	err;

	sn_error_clear(&err);
	if (!sn_country_from_code(SN_COUNTRY_SCHEME_FIPS, s, (size_t) len, &c, &err))
		SN_THROW(&err);
	PG_RETURN_COUNTRY(c);
}

/* ---- accessors ---------------------------------------------------------- */

Datum
country_iso2(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(cstring_to_text(info_of(PG_GETARG_COUNTRY(0))->iso2));
}

Datum
country_iso3(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(cstring_to_text(info_of(PG_GETARG_COUNTRY(0))->iso3));
}

/* A numeric code of the table, NULL where the country has none (0). */
static Datum
number_or_null(FunctionCallInfo fcinfo, int code)
{
	if (code == 0)
		PG_RETURN_NULL();
	PG_RETURN_INT32(code);
}

Datum
country_iso_numeric(PG_FUNCTION_ARGS)
{
	return number_or_null(fcinfo, info_of(PG_GETARG_COUNTRY(0))->numeric);
}

Datum
country_fips(PG_FUNCTION_ARGS)
{
	const sn_country_info *i = info_of(PG_GETARG_COUNTRY(0));

	if (i->fips == NULL)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(i->fips));
}

Datum
country_gw_code(PG_FUNCTION_ARGS)
{
	return number_or_null(fcinfo, info_of(PG_GETARG_COUNTRY(0))->gw);
}

Datum
country_cow_code(PG_FUNCTION_ARGS)
{
	return number_or_null(fcinfo, info_of(PG_GETARG_COUNTRY(0))->cow);
}

Datum
country_name(PG_FUNCTION_ARGS)
{
	return utf8_text(info_of(PG_GETARG_COUNTRY(0))->name_en);
}

Datum
country_name_fr(PG_FUNCTION_ARGS)
{
	return utf8_text(info_of(PG_GETARG_COUNTRY(0))->name_fr);
}

Datum
country_region(PG_FUNCTION_ARGS)
{
	const char *r = sn_country_region(info_of(PG_GETARG_COUNTRY(0)));

	if (r == NULL)
		PG_RETURN_NULL();
	return utf8_text(r);
}

Datum
country_continent(PG_FUNCTION_ARGS)
{
	return utf8_text(sn_country_continent(info_of(PG_GETARG_COUNTRY(0))));
}

/* ---- countries() -------------------------------------------------------- */

#define COUNTRIES_COLUMNS 13

/* The names of country i in one language, as text[]. */
static Datum
names_array(const sn_country_info *info, sn_lang lang)
{
	Datum		elems[64];
	int			n = 0;

	for (int j = info->first_name; j < info->first_name + info->name_count && n < 64; j++)
	{
		const sn_country_name *nm = sn_country_name_at(j);

		if (nm->lang == lang)
			elems[n++] = utf8_text(nm->text);
	}
	return PointerGetDatum(construct_array(elems, n, TEXTOID, -1, false, TYPALIGN_INT));
}

Datum
country_countries(PG_FUNCTION_ARGS)
{
	FuncCallContext *funcctx;

	if (SRF_IS_FIRSTCALL())
	{
		MemoryContext old;
		TupleDesc	tupdesc;

		funcctx = SRF_FIRSTCALL_INIT();
		old = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);
		if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
			ereport(ERROR,
					(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					 errmsg("countries() must be called where a row type is expected")));
		if (tupdesc->natts != COUNTRIES_COLUMNS)
			elog(ERROR, "countries(): expected %d result columns, got %d",
				 COUNTRIES_COLUMNS, tupdesc->natts);
		funcctx->tuple_desc = BlessTupleDesc(tupdesc);
		funcctx->max_calls = sn_country_count();
		MemoryContextSwitchTo(old);
	}
	funcctx = SRF_PERCALL_SETUP();
	if (funcctx->call_cntr < funcctx->max_calls)
	{
		size_t		i = funcctx->call_cntr;
		const sn_country_info *c = sn_country_at(i);
		Datum		v[COUNTRIES_COLUMNS];
		bool		nulls[COUNTRIES_COLUMNS] = {0};
		const char *region = sn_country_region(c);
		HeapTuple	tuple;

		v[0] = CountryGetDatum(sn_country_value_at(i));
		v[1] = PointerGetDatum(cstring_to_text(c->iso2));
		v[2] = PointerGetDatum(cstring_to_text(c->iso3));
		v[3] = Int32GetDatum(c->numeric);
		nulls[3] = c->numeric == 0;
		v[4] = c->fips ? PointerGetDatum(cstring_to_text(c->fips)) : (Datum) 0;
		nulls[4] = c->fips == NULL;
		v[5] = Int32GetDatum(c->gw);
		nulls[5] = c->gw == 0;
		v[6] = Int32GetDatum(c->cow);
		nulls[6] = c->cow == 0;
		v[7] = utf8_text(c->name_en);
		v[8] = utf8_text(c->name_fr);
		v[9] = region ? utf8_text(region) : (Datum) 0;
		nulls[9] = region == NULL;
		v[10] = utf8_text(sn_country_continent(c));
		v[11] = names_array(c, SN_LANG_EN);
		v[12] = names_array(c, SN_LANG_FR);
		tuple = heap_form_tuple(funcctx->tuple_desc, v, nulls);
		SRF_RETURN_NEXT(funcctx, HeapTupleGetDatum(tuple));
	}
	SRF_RETURN_DONE(funcctx);
}
