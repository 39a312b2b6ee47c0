/*
 * extension/pg/geopoint.c
 *
 * SQL glue of the geopoint type: I/O, constructors, accessors, distance,
 * dwithin (with a planner support function that turns it into a GiST index
 * search), casts, btree and hash support.  The work is done in
 * extension/core/geopoint.c; the GiST support is in geopoint_gist.c.
 */
#include "sn_pg.h"

#include <math.h>

#include "catalog/pg_type.h"
#include "common/hashfn.h"
#include "nodes/makefuncs.h"
#include "nodes/nodeFuncs.h"
#include "nodes/supportnodes.h"
#include "optimizer/optimizer.h"
#include "parser/parse_func.h"
#include "utils/builtins.h"
#include "utils/geo_decls.h"
#include "utils/lsyscache.h"

#include "geopoint.h"
#include "geopoint_index.h"
#include "geopoint_pg.h"

PGDLLEXPORT Datum geopoint_in(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum geopoint_out(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum geopoint_recv(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum geopoint_send(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum geopoint_make(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum geopoint_lat(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum geopoint_lon(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum geopoint_distance(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum geopoint_dwithin(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum geopoint_dwithin_support(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum geopoint_disc(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum geopoint_in_disc(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum geopoint_to_geojson(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum geopoint_to_wkt(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum geopoint_to_point(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum geopoint_from_point(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum geopoint_cmp(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum geopoint_lt(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum geopoint_le(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum geopoint_eq(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum geopoint_ne(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum geopoint_ge(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum geopoint_gt(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum geopoint_hash(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum geopoint_hash_extended(PG_FUNCTION_ARGS);

PG_FUNCTION_INFO_V1(geopoint_in);
PG_FUNCTION_INFO_V1(geopoint_out);
PG_FUNCTION_INFO_V1(geopoint_recv);
PG_FUNCTION_INFO_V1(geopoint_send);
PG_FUNCTION_INFO_V1(geopoint_make);
PG_FUNCTION_INFO_V1(geopoint_lat);
PG_FUNCTION_INFO_V1(geopoint_lon);
PG_FUNCTION_INFO_V1(geopoint_distance);
PG_FUNCTION_INFO_V1(geopoint_dwithin);
PG_FUNCTION_INFO_V1(geopoint_dwithin_support);
PG_FUNCTION_INFO_V1(geopoint_disc);
PG_FUNCTION_INFO_V1(geopoint_in_disc);
PG_FUNCTION_INFO_V1(geopoint_to_geojson);
PG_FUNCTION_INFO_V1(geopoint_to_wkt);
PG_FUNCTION_INFO_V1(geopoint_to_point);
PG_FUNCTION_INFO_V1(geopoint_from_point);
PG_FUNCTION_INFO_V1(geopoint_cmp);
PG_FUNCTION_INFO_V1(geopoint_lt);
PG_FUNCTION_INFO_V1(geopoint_le);
PG_FUNCTION_INFO_V1(geopoint_eq);
PG_FUNCTION_INFO_V1(geopoint_ne);
PG_FUNCTION_INFO_V1(geopoint_ge);
PG_FUNCTION_INFO_V1(geopoint_gt);
PG_FUNCTION_INFO_V1(geopoint_hash);
PG_FUNCTION_INFO_V1(geopoint_hash_extended);

/* A new stored value, a copy of p. */
static inline Datum
geopoint_datum(const sn_geopoint *p)
{
	sn_geopoint *r = palloc(sizeof(sn_geopoint));

	*r = *p;
	return PointerGetDatum(r);
}

/* ------------------------------------------------------------------------
 * I/O
 */

Datum
geopoint_in(PG_FUNCTION_ARGS)
{
	SN_RETURN_PARSED(sn_geopoint_parse, sn_geopoint, geopoint_datum);
}

Datum
geopoint_out(PG_FUNCTION_ARGS)
{
	SN_RETURN_FORMATTED(sn_geopoint_format, PG_GETARG_GEOPOINT_P(0), SN_GEOPOINT_TEXT_MAX);
}

/* Binary form: sn_geopoint_encode / sn_geopoint_decode (geopoint.h). */
Datum
geopoint_recv(PG_FUNCTION_ARGS)
{
	SN_RETURN_DECODED(sn_geopoint_decode, sn_geopoint, geopoint_datum);
}

Datum
geopoint_send(PG_FUNCTION_ARGS)
{
	unsigned char out[SN_GEOPOINT_BINARY_SIZE];

	PG_RETURN_BYTEA_P(sn_send_bytes(out, sn_geopoint_encode(PG_GETARG_GEOPOINT_P(0), out)));
}

/* ------------------------------------------------------------------------
 * Constructors, accessors, output forms
 */

Datum
geopoint_make(PG_FUNCTION_ARGS)
{
	sn_geopoint p;
	sn_error	err;

	if (!sn_geopoint_make(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1), &p, &err))
		SN_THROW(&err);
	return geopoint_datum(&p);
}

Datum
geopoint_lat(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(PG_GETARG_GEOPOINT_P(0)->lat);
}

Datum
geopoint_lon(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(PG_GETARG_GEOPOINT_P(0)->lon);
}

Datum
geopoint_to_geojson(PG_FUNCTION_ARGS)
{
	char		buf[SN_GEOPOINT_TEXT_MAX];

	sn_geopoint_to_geojson(PG_GETARG_GEOPOINT_P(0), buf, sizeof(buf));
	PG_RETURN_TEXT_P(cstring_to_text(buf));
}

Datum
geopoint_to_wkt(PG_FUNCTION_ARGS)
{
	char		buf[SN_GEOPOINT_TEXT_MAX];

	sn_geopoint_to_wkt(PG_GETARG_GEOPOINT_P(0), buf, sizeof(buf));
	PG_RETURN_TEXT_P(cstring_to_text(buf));
}

/* geopoint -> point: x = longitude, y = latitude */
Datum
geopoint_to_point(PG_FUNCTION_ARGS)
{
	sn_geopoint *p = PG_GETARG_GEOPOINT_P(0);
	Point	   *r = palloc(sizeof(Point));

	r->x = p->lon;
	r->y = p->lat;
	PG_RETURN_POINT_P(r);
}

Datum
geopoint_from_point(PG_FUNCTION_ARGS)
{
	Point	   *pt = PG_GETARG_POINT_P(0);
	sn_geopoint p;
	sn_error	err;

	if (!sn_geopoint_make(pt->y, pt->x, &p, &err))
	{
		sn_error_hint(&err, "A point casts to geopoint as (longitude, latitude).");
		SN_THROW(&err);
	}
	return geopoint_datum(&p);
}

/* ------------------------------------------------------------------------
 * Distance and radius search
 */

Datum
geopoint_distance(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(sn_geopoint_distance(PG_GETARG_GEOPOINT_P(0),
										  PG_GETARG_GEOPOINT_P(1)));
}

static void
check_radius(double radius)
{
	sn_error	err;

	if (!sn_geopoint_check_radius(radius, &err))
		SN_THROW(&err);
}

/*
 * ECEF positions of the last point seen in each argument: in a scan one of
 * them is usually the same centre row after row, and this saves its
 * trigonometry.
 */
typedef struct ecef_cache
{
	sn_geopoint p[2];
	double		ecef[2][3];
	bool		valid[2];
} ecef_cache;

static const double *
cached_ecef(FunctionCallInfo fcinfo, int slot, const sn_geopoint *p)
{
	ecef_cache *c = fcinfo->flinfo->fn_extra;

	if (c == NULL)
		c = fcinfo->flinfo->fn_extra =
			MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(ecef_cache));
	if (!c->valid[slot] || c->p[slot].lat != p->lat || c->p[slot].lon != p->lon)
	{
		c->p[slot] = *p;
		sn_geopoint_ecef(p, c->ecef[slot]);
		c->valid[slot] = true;
	}
	return c->ecef[slot];
}

Datum
geopoint_dwithin(PG_FUNCTION_ARGS)
{
	sn_geopoint *a = PG_GETARG_GEOPOINT_P(0);
	sn_geopoint *b = PG_GETARG_GEOPOINT_P(1);
	double		radius = PG_GETARG_FLOAT8(2);

	check_radius(radius);
	if (radius < 0 || isinf(radius))
		PG_RETURN_BOOL(radius > 0);
	PG_RETURN_BOOL(sn_geopoint_dwithin_ecef(a, cached_ecef(fcinfo, 0, a),
											b, cached_ecef(fcinfo, 1, b), radius));
}

/*
 * geodisc(centre, metres): the disc that the operator <@ (geopoint, circle)
 * reads, as a built-in circle whose centre is (longitude, latitude) and whose
 * radius is in metres along the ellipsoid.  p <@ geodisc(c, r) is
 * dwithin(p, c, r); it is the form dwithin takes in a GiST index search.
 */
Datum
geopoint_disc(PG_FUNCTION_ARGS)
{
	sn_geopoint *c = PG_GETARG_GEOPOINT_P(0);
	double		radius = PG_GETARG_FLOAT8(1);
	CIRCLE	   *r = palloc(sizeof(CIRCLE));

	check_radius(radius);
	r->center.x = c->lon;
	r->center.y = c->lat;
	r->radius = radius;
	PG_RETURN_CIRCLE_P(r);
}

/* The centre of a disc as a geopoint, validated (a circle may come from anywhere). */
void
sn_pg_disc_centre(const CIRCLE *disc, sn_geopoint *centre)
{
	sn_error	err;

	if (!sn_geopoint_make(disc->center.y, disc->center.x, centre, &err))
	{
		sn_error_hint(&err, "A geodisc is a circle centred on (longitude, latitude) with a radius in metres.");
		SN_THROW(&err);
	}
	check_radius(disc->radius);
}

Datum
geopoint_in_disc(PG_FUNCTION_ARGS)
{
	sn_geopoint *p = PG_GETARG_GEOPOINT_P(0);
	CIRCLE	   *disc = PG_GETARG_CIRCLE_P(1);
	sn_geopoint centre;

	sn_pg_disc_centre(disc, &centre);
	if (disc->radius < 0 || isinf(disc->radius))
		PG_RETURN_BOOL(disc->radius > 0);
	PG_RETURN_BOOL(sn_geopoint_dwithin_ecef(p, cached_ecef(fcinfo, 0, p),
											&centre, cached_ecef(fcinfo, 1, &centre),
											disc->radius));
}

/*
 * Planner support for dwithin(a, b, radius):
 *
 * - SupportRequestIndexCondition: when a or b is the column of a geopoint
 *   GiST index and the other two arguments do not depend on the indexed
 *   table, offer the index condition  column <@ geodisc(other, radius),
 *   which is an exact equivalent (lossy = false).
 * - SupportRequestSelectivity: the share of the earth's surface the disc
 *   covers, times 100 because analysts' points cluster (a heuristic; the
 *   default for a boolean function, 1/3, would keep the planner from the
 *   index).
 */
Datum
geopoint_dwithin_support(PG_FUNCTION_ARGS)
{
	Node	   *rawreq = (Node *) PG_GETARG_POINTER(0);

	if (IsA(rawreq, SupportRequestIndexCondition))
	{
		SupportRequestIndexCondition *req = (SupportRequestIndexCondition *) rawreq;
		FuncExpr   *fexpr;
		Node	   *column,
				   *other,
				   *radius;
		Oid			geopoint_type,
					opno,
					disc_fn;
		Oid			argtypes[2];
		List	   *name;
		FuncExpr   *disc;

		if (!is_funcclause(req->node))
			PG_RETURN_POINTER(NULL);
		fexpr = (FuncExpr *) req->node;
		if (list_length(fexpr->args) != 3 || req->indexarg > 1)
			PG_RETURN_POINTER(NULL);
		column = (Node *) list_nth(fexpr->args, req->indexarg);
		other = (Node *) list_nth(fexpr->args, 1 - req->indexarg);
		radius = (Node *) list_nth(fexpr->args, 2);
		geopoint_type = exprType(column);
		if (exprType(other) != geopoint_type)
			PG_RETURN_POINTER(NULL);

		/* only an opfamily that has our <@ (geopoint, circle) */
		opno = get_opfamily_member(req->opfamily, geopoint_type, CIRCLEOID,
								   SN_GEOPOINT_STRATEGY_IN_DISC);
		if (!OidIsValid(opno))
			PG_RETURN_POINTER(NULL);
		if (!is_pseudo_constant_for_index(req->root, other, req->index) ||
			!is_pseudo_constant_for_index(req->root, radius, req->index))
			PG_RETURN_POINTER(NULL);

		/* geodisc(geopoint, float8), in dwithin's own schema */
		argtypes[0] = geopoint_type;
		argtypes[1] = FLOAT8OID;
		name = list_make2(makeString(get_namespace_name(get_func_namespace(req->funcid))),
						  makeString("geodisc"));
		disc_fn = LookupFuncName(name, 2, argtypes, true);
		if (!OidIsValid(disc_fn))
			PG_RETURN_POINTER(NULL);
		disc = makeFuncExpr(disc_fn, CIRCLEOID, list_make2(other, radius),
							InvalidOid, InvalidOid, COERCE_EXPLICIT_CALL);
		req->lossy = false;
		PG_RETURN_POINTER(list_make1(make_opclause(opno, BOOLOID, false,
												   (Expr *) column, (Expr *) disc,
												   InvalidOid, InvalidOid)));
	}
	if (IsA(rawreq, SupportRequestSelectivity))
	{
		SupportRequestSelectivity *req = (SupportRequestSelectivity *) rawreq;
		Node	   *radius;
		double		sel = 0.001;

		if (list_length(req->args) == 3)
		{
			radius = estimate_expression_value(req->root, (Node *) list_nth(req->args, 2));
			if (IsA(radius, Const) && !((Const *) radius)->constisnull)
			{
				double		r = DatumGetFloat8(((Const *) radius)->constvalue);
				double		angle = r / SN_WGS84_A;

				if (isnan(r) || r < 0)
					sel = 0;
				else
				{
					if (angle > M_PI)
						angle = M_PI;
					sel = (1 - cos(angle)) / 2 * 100;
				}
			}
		}
		if (sel > 1)
			sel = 1;
		if (sel < 1e-7)
			sel = 1e-7;
		req->selectivity = sel;
		PG_RETURN_POINTER(req);
	}
	PG_RETURN_POINTER(NULL);
}

/* ------------------------------------------------------------------------
 * btree and hash: latitude, then longitude
 */

#define CMP(fcinfo) sn_geopoint_cmp(PG_GETARG_GEOPOINT_P(0), PG_GETARG_GEOPOINT_P(1))

Datum
geopoint_cmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(CMP(fcinfo));
}

Datum
geopoint_lt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(CMP(fcinfo) < 0);
}

Datum
geopoint_le(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(CMP(fcinfo) <= 0);
}

Datum
geopoint_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(CMP(fcinfo) == 0);
}

Datum
geopoint_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(CMP(fcinfo) != 0);
}

Datum
geopoint_ge(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(CMP(fcinfo) >= 0);
}

Datum
geopoint_gt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(CMP(fcinfo) > 0);
}

/*
 * Canonical values have no negative zero, so equal points have equal bytes;
 * adding 0.0 guards against a -0 that might still come from an older binary.
 */
static void
hash_bytes_of(const sn_geopoint *p, double out[2])
{
	out[0] = p->lat + 0.0;
	out[1] = p->lon + 0.0;
}

Datum
geopoint_hash(PG_FUNCTION_ARGS)
{
	double		v[2];

	hash_bytes_of(PG_GETARG_GEOPOINT_P(0), v);
	return hash_any((const unsigned char *) v, sizeof(v));
}

Datum
geopoint_hash_extended(PG_FUNCTION_ARGS)
{
	double		v[2];

	hash_bytes_of(PG_GETARG_GEOPOINT_P(0), v);
	return hash_any_extended((const unsigned char *) v, sizeof(v), PG_GETARG_INT64(1));
}
