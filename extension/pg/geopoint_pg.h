/*
 * extension/pg/geopoint_pg.h
 *
 * What the geopoint glue files share: argument macros, the GiST strategy
 * numbers (they must match CREATE OPERATOR CLASS in 030_geopoint.sql).
 */
#ifndef GEOPOINT_PG_H
#define GEOPOINT_PG_H

#include "sn_pg.h"
#include "utils/geo_decls.h"

#include "geopoint.h"

#define DatumGetGeopointP(d)		((sn_geopoint *) DatumGetPointer(d))
#define GeopointPGetDatum(p)		PointerGetDatum(p)
#define PG_GETARG_GEOPOINT_P(n)		DatumGetGeopointP(PG_GETARG_DATUM(n))
#define PG_RETURN_GEOPOINT_P(p)		PG_RETURN_POINTER(p)

/* GiST strategies */
#define SN_GEOPOINT_STRATEGY_IN_DISC	8	/* geopoint <@ circle (geodisc) */
#define SN_GEOPOINT_STRATEGY_KNN		15	/* geopoint <-> geopoint */

/* The validated centre of a geodisc; throws on a bad circle. */
extern void sn_pg_disc_centre(const CIRCLE *disc, sn_geopoint *centre);

#endif							/* GEOPOINT_PG_H */
