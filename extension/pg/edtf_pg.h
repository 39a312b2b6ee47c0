/*
 * extension/pg/edtf_pg.h
 *
 * What the edtf glue files share: the stored form is sn_edtf_packed (32
 * bytes, passed by reference), and day numbers are PostgreSQL date values.
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

#endif							/* SN_EDTF_PG_H */
