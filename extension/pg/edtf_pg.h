/*
 * extension/pg/edtf_pg.h
 *
 * What the glue files that read dates share: the stored form of edtf is
 * sn_edtf_packed (32 bytes, passed by reference), day numbers are PostgreSQL
 * date values, and a date argument that must be finite is read as a civil
 * date.
 */
#ifndef SN_EDTF_PG_H
#define SN_EDTF_PG_H

#include "sn_pg.h"

#include "edtf.h"
#include "utils/date.h"

#define DatumGetEdtfP(d) ((sn_edtf_packed *) DatumGetPointer(d))
#define PG_GETARG_EDTF_P(n) DatumGetEdtfP(PG_GETARG_DATUM(n))
#define PG_RETURN_EDTF_P(p) PG_RETURN_POINTER(p)

/* The span the operators use: unknown ends count as open (edtf.h). */
static inline bool
edtf_span_overlaps(int64 alo, int64 ahi, int64 blo, int64 bhi)
{
	return alo <= bhi && blo <= ahi;
}

/* A date as a day number: the infinite dates as the infinite days. */
static inline int64
edtf_date_to_day(DateADT d)
{
	if (DATE_IS_NOBEGIN(d))
		return SN_EDTF_DAY_NEG_INF;
	if (DATE_IS_NOEND(d))
		return SN_EDTF_DAY_POS_INF;
	return (int64) d;
}

/*
 * The civil date of date argument n, which is not NULL; a date at infinity is
 * an error with the given SQLSTATE: "<what> must be finite".
 */
static inline sn_civil_date
sn_arg_finite_date(FunctionCallInfo fcinfo, int n, int sqlstate, const char *what)
{
	DateADT		d = PG_GETARG_DATEADT(n);

	if (DATE_NOT_FINITE(d))
		ereport(ERROR, (errcode(sqlstate), errmsg("%s must be finite", what)));
	return sn_civil_from_days((int64) d);
}

#endif							/* SN_EDTF_PG_H */
