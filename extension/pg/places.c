/*
 * extension/pg/places.c
 *
 * PostgreSQL glue of the name keys (core: sn_name_key and sn_admin_name_key in
 * extension/core/matcher.c): name_key(text), the one rule by which locate(),
 * the loaders and the gazetteer's indexes decide that two names are the same,
 * and the rule annotate() matches by; admin_name_key(text), the same for the
 * names of administrative areas without the word for their kind;
 * is_place_name(text), what may be the name of a place (sn_is_place_name).
 */
#include "sn_pg.h"

#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

#include "matcher.h"

PGDLLEXPORT Datum name_key(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum admin_name_key(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum is_place_name(PG_FUNCTION_ARGS);

PG_FUNCTION_INFO_V1(name_key);
PG_FUNCTION_INFO_V1(admin_name_key);
PG_FUNCTION_INFO_V1(is_place_name);

typedef size_t (*key_fn) (const char *name, size_t len, char *out, size_t outsize);

static text *
key_of(text *t, key_fn fn)
{
	const char *in = VARDATA_ANY(t);
	int			inlen = VARSIZE_ANY_EXHDR(t);
	char	   *utf8 = (char *) in;
	char	   *key;
	size_t		n;
	text	   *result;

	if (GetDatabaseEncoding() != PG_UTF8)
		utf8 = (char *) pg_server_to_any(in, inlen, PG_UTF8);
	if (utf8 != in)
		inlen = strlen(utf8);
	if ((Size) inlen > (MaxAllocSize - 1) / 3)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("name too long for name_key(): %d bytes", inlen)));
	/* a key is never more than 3 times its name (sn_name_key) */
	key = palloc((size_t) inlen * 3 + 1);
	n = fn(utf8, (size_t) inlen, key, (size_t) inlen * 3 + 1);
	if (n == (size_t) -1)
		ereport(ERROR,
				(errcode(ERRCODE_CHARACTER_NOT_IN_REPERTOIRE),
				 errmsg("invalid UTF-8 in name \"%s\"", text_to_cstring(t))));
	if (GetDatabaseEncoding() != PG_UTF8)
	{
		char	   *conv = pg_any_to_server(key, (int) n, PG_UTF8);

		result = cstring_to_text(conv);
	}
	else
		result = cstring_to_text_with_len(key, (int) n);
	return result;
}

Datum
name_key(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(key_of(PG_GETARG_TEXT_PP(0), sn_name_key));
}

Datum
admin_name_key(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(key_of(PG_GETARG_TEXT_PP(0), sn_admin_name_key));
}

Datum
is_place_name(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	const char *in = VARDATA_ANY(t);
	int			inlen = VARSIZE_ANY_EXHDR(t);
	const char *utf8 = in;
	size_t		len = (size_t) inlen;

	if (GetDatabaseEncoding() != PG_UTF8 && GetDatabaseEncoding() != PG_SQL_ASCII)
	{
		utf8 = pg_server_to_any(in, inlen, PG_UTF8);
		if (utf8 != in)
			len = strlen(utf8);
	}
	/* text that is not UTF-8 (SQL_ASCII) is no name the rule can read */
	PG_RETURN_BOOL(sn_is_place_name(utf8, len));
}
