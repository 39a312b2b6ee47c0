/*
 * extension/pg/loader.c
 *
 * PostgreSQL glue of the loaders' field readers (core: extension/core/
 * loader_fields.c): loader_value(text), loader_int(text), loader_float(text),
 * loader_date(text) and loader_may_be_mojibake(text).  None raises on bad
 * input: each returns NULL (false) for what it cannot read, and the import
 * functions list the row in import_issues.  Every server encoding is a
 * superset of ASCII, which is all the readers look at, so the bytes are read
 * as they are stored.
 */
#include "sn_pg.h"

#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"

#include "loader_fields.h"

PGDLLEXPORT Datum loader_value(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum loader_int(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum loader_float(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum loader_date(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum loader_may_be_mojibake(PG_FUNCTION_ARGS);

PG_FUNCTION_INFO_V1(loader_value);
PG_FUNCTION_INFO_V1(loader_int);
PG_FUNCTION_INFO_V1(loader_float);
PG_FUNCTION_INFO_V1(loader_date);
PG_FUNCTION_INFO_V1(loader_may_be_mojibake);

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
