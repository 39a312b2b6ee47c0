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

#define DatumGetEdtfP(d) ((sn_edtf_packed *) DatumGetPointer(d))
#define PG_GETARG_EDTF_P(n) DatumGetEdtfP(PG_GETARG_DATUM(n))
#define PG_RETURN_EDTF_P(p) PG_RETURN_POINTER(p)

/* The span the operators use: unknown ends count as open (edtf.h). */
static inline bool
edtf_span_overlaps(int64 alo, int64 ahi, int64 blo, int64 bhi)
{
	return alo <= bhi && blo <= ahi;
}

#endif							/* SN_EDTF_PG_H */
