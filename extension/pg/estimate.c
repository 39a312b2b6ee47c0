/*
 * extension/pg/estimate.c
 *
 * fmgr glue for the estimate type: unpack, call extension/core/estimate.c,
 * report.  A Datum of type estimate points to an sn_estimate_packed (24
 * bytes, fixed length, double aligned).
 */
#include "sn_pg.h"

#include "access/hash.h"
#include "catalog/pg_type.h"
#include "common/hashfn.h"
#include "utils/builtins.h"
#include "utils/rangetypes.h"
#include "utils/sortsupport.h"
#include "utils/typcache.h"

#include "estimate.h"
#include "estimate_phrase.h"
#include "sn_text.h"

#define DatumGetEstimateP(d)	((const sn_estimate_packed *) DatumGetPointer(d))
#define PG_GETARG_ESTIMATE_P(n)	DatumGetEstimateP(PG_GETARG_DATUM(n))

static inline void
arg_estimate(FunctionCallInfo fcinfo, int n, sn_estimate *e)
{
	sn_estimate_unpack(PG_GETARG_ESTIMATE_P(n), e);
}

/* A function returning a boolean: expr over fcinfo (one of the tests below). */
#define ESTIMATE_BOOL_FN(name, expr) \
PGDLLEXPORT Datum name(PG_FUNCTION_ARGS); \
PG_FUNCTION_INFO_V1(name); \
Datum \
name(PG_FUNCTION_ARGS) \
{ \
	PG_RETURN_BOOL(expr); \
}

/* The core test pred of the estimate of argument n. */
static inline bool
test_arg(FunctionCallInfo fcinfo, int n, bool (*pred) (const sn_estimate *))
{
	sn_estimate e;

	arg_estimate(fcinfo, n, &e);
	return pred(&e);
}

/* The core relation rel of the estimates of arguments x and y, in that order. */
static inline bool
relate_args(FunctionCallInfo fcinfo, int x, int y,
			bool (*rel) (const sn_estimate *, const sn_estimate *))
{
	sn_estimate a,
				b;

	arg_estimate(fcinfo, x, &a);
	arg_estimate(fcinfo, y, &b);
	return rel(&a, &b);
}

/* Whether the estimate of argument n admits the number value. */
static inline bool
admits(FunctionCallInfo fcinfo, int n, int64 value)
{
	sn_estimate e;

	arg_estimate(fcinfo, n, &e);
	return sn_estimate_contains_value(&e, value);
}

static inline Datum
estimate_datum(const sn_estimate *e)
{
	sn_estimate_packed *p = palloc(sizeof(sn_estimate_packed));

	sn_estimate_pack(e, p);
	return PointerGetDatum(p);
}

/* ------------------------------------------------------------------------
 * I/O
 * ------------------------------------------------------------------------ */

PGDLLEXPORT Datum estimate_in(PG_FUNCTION_ARGS);
PG_FUNCTION_INFO_V1(estimate_in);
Datum
estimate_in(PG_FUNCTION_ARGS)
{
	SN_RETURN_PARSED(sn_estimate_parse, sn_estimate, estimate_datum);
}

PGDLLEXPORT Datum estimate_out(PG_FUNCTION_ARGS);
PG_FUNCTION_INFO_V1(estimate_out);
Datum
estimate_out(PG_FUNCTION_ARGS)
{
	sn_estimate e;
	char	   *buf = palloc(SN_ESTIMATE_TEXT_MAX);

	arg_estimate(fcinfo, 0, &e);
	sn_estimate_format(&e, buf);
	PG_RETURN_CSTRING(buf);
}

/* Binary form: sn_estimate_encode / sn_estimate_decode (estimate.h). */
PGDLLEXPORT Datum estimate_send(PG_FUNCTION_ARGS);
PG_FUNCTION_INFO_V1(estimate_send);
Datum
estimate_send(PG_FUNCTION_ARGS)
{
	sn_estimate e;
	unsigned char out[SN_ESTIMATE_BINARY_SIZE];

	arg_estimate(fcinfo, 0, &e);
	PG_RETURN_BYTEA_P(sn_send_bytes(out, sn_estimate_encode(&e, out)));
}

PGDLLEXPORT Datum estimate_recv(PG_FUNCTION_ARGS);
PG_FUNCTION_INFO_V1(estimate_recv);
Datum
estimate_recv(PG_FUNCTION_ARGS)
{
	SN_RETURN_DECODED(sn_estimate_decode, sn_estimate, estimate_datum);
}

/* ------------------------------------------------------------------------
 * Accessors and constructors
 * ------------------------------------------------------------------------ */

PGDLLEXPORT Datum estimate_lower(PG_FUNCTION_ARGS);
PG_FUNCTION_INFO_V1(estimate_lower);
Datum
estimate_lower(PG_FUNCTION_ARGS)
{
	sn_estimate e;

	arg_estimate(fcinfo, 0, &e);
	PG_RETURN_INT64(e.low);
}

PGDLLEXPORT Datum estimate_upper(PG_FUNCTION_ARGS);
PG_FUNCTION_INFO_V1(estimate_upper);
Datum
estimate_upper(PG_FUNCTION_ARGS)
{
	sn_estimate e;

	arg_estimate(fcinfo, 0, &e);
	if (!sn_estimate_is_bounded(&e))
		PG_RETURN_NULL();
	PG_RETURN_INT64(e.high);
}

/*
 * The best value of the estimate of argument 0 into *best (the estimate
 * itself into *e); false when it has none.
 */
static bool
best_of_arg(FunctionCallInfo fcinfo, sn_estimate *e, int64_t *best)
{
	arg_estimate(fcinfo, 0, e);
	return sn_estimate_best(e, best);
}

PGDLLEXPORT Datum estimate_best(PG_FUNCTION_ARGS);
PG_FUNCTION_INFO_V1(estimate_best);
Datum
estimate_best(PG_FUNCTION_ARGS)
{
	sn_estimate e;
	int64_t		best;

	if (!best_of_arg(fcinfo, &e, &best))
		PG_RETURN_NULL();
	PG_RETURN_INT64(best);
}

ESTIMATE_BOOL_FN(estimate_is_approximate, test_arg(fcinfo, 0, sn_estimate_is_approx))
ESTIMATE_BOOL_FN(estimate_is_exact, test_arg(fcinfo, 0, sn_estimate_is_exact))

/*
 * estimate(low, high, best DEFAULT NULL, approximate DEFAULT false); not
 * strict: a NULL high is unbounded, a NULL best is none, a NULL low is 0
 * (counts are never negative, so an unknown lower bound is 0).
 */
PGDLLEXPORT Datum estimate_make(PG_FUNCTION_ARGS);
PG_FUNCTION_INFO_V1(estimate_make);
Datum
estimate_make(PG_FUNCTION_ARGS)
{
	sn_estimate e;
	sn_error	err;

	if (PG_ARGISNULL(3))
		ereport(ERROR,
				errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				errmsg("the approximate flag of an estimate must not be null"));
	if (!sn_estimate_make(PG_ARGISNULL(0) ? 0 : PG_GETARG_INT64(0),
						  !PG_ARGISNULL(1), PG_ARGISNULL(1) ? 0 : PG_GETARG_INT64(1),
						  !PG_ARGISNULL(2), PG_ARGISNULL(2) ? 0 : PG_GETARG_INT64(2),
						  PG_GETARG_BOOL(3), &e, &err))
		SN_THROW(&err);
	return estimate_datum(&e);
}

static Datum
exact_from_int64(int64 n)
{
	sn_estimate e;

	if (n < 0)
		ereport(ERROR,
				errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				errmsg("an estimate cannot be negative"),
				errdetail("The value is %lld.", (long long) n));
	e = sn_estimate_exact(n);
	return estimate_datum(&e);
}

PGDLLEXPORT Datum estimate_from_int8(PG_FUNCTION_ARGS);
PG_FUNCTION_INFO_V1(estimate_from_int8);
Datum
estimate_from_int8(PG_FUNCTION_ARGS)
{
	return exact_from_int64(PG_GETARG_INT64(0));
}

PGDLLEXPORT Datum estimate_from_int4(PG_FUNCTION_ARGS);
PG_FUNCTION_INFO_V1(estimate_from_int4);
Datum
estimate_from_int4(PG_FUNCTION_ARGS)
{
	return exact_from_int64((int64) PG_GETARG_INT32(0));
}

/* estimate::bigint, through the best value; an error when there is none */
PGDLLEXPORT Datum estimate_to_int8(PG_FUNCTION_ARGS);
PG_FUNCTION_INFO_V1(estimate_to_int8);
Datum
estimate_to_int8(PG_FUNCTION_ARGS)
{
	sn_estimate e;
	int64_t		best;

	if (!best_of_arg(fcinfo, &e, &best))
	{
		char		buf[SN_ESTIMATE_TEXT_MAX];

		sn_estimate_format(&e, buf);
		ereport(ERROR,
				errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				errmsg("estimate \"%s\" has no best value to convert to bigint", buf),
				errdetail("It has no upper bound and no stated best value."),
				errhint("Use lower() for the bound it gives."));
	}
	PG_RETURN_INT64(best);
}

/* estimate::int8range: [low, high] (canonically [low, high + 1)), or [low,) */
PGDLLEXPORT Datum estimate_to_int8range(PG_FUNCTION_ARGS);
PG_FUNCTION_INFO_V1(estimate_to_int8range);
Datum
estimate_to_int8range(PG_FUNCTION_ARGS)
{
	sn_estimate e;
	TypeCacheEntry *typcache;
	RangeBound	lower,
				upper;

	arg_estimate(fcinfo, 0, &e);
	typcache = range_get_typcache(fcinfo, INT8RANGEOID);
	lower.val = Int64GetDatum(e.low);
	lower.infinite = false;
	lower.inclusive = true;
	lower.lower = true;
	upper.infinite = !sn_estimate_is_bounded(&e);
	upper.inclusive = false;
	upper.lower = false;
	upper.val = (Datum) 0;
	if (!upper.infinite)
	{
		if (e.high == SN_ESTIMATE_MAX)
			ereport(ERROR,
					errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					errmsg("estimate with upper bound %lld cannot be represented as int8range",
						   (long long) e.high),
					errdetail("int8range stores the bound after the last value, which would be beyond bigint."));
		upper.val = Int64GetDatum(e.high + 1);
	}
	PG_RETURN_RANGE_P(sn_range_serialize(typcache, &lower, &upper, false));
}

/* ------------------------------------------------------------------------
 * Order, equality, hashing
 * ------------------------------------------------------------------------ */

static inline int
cmp_args(FunctionCallInfo fcinfo)
{
	return sn_estimate_packed_cmp(PG_GETARG_ESTIMATE_P(0), PG_GETARG_ESTIMATE_P(1));
}

ESTIMATE_BOOL_FN(estimate_eq, cmp_args(fcinfo) == 0)
ESTIMATE_BOOL_FN(estimate_ne, cmp_args(fcinfo) != 0)
ESTIMATE_BOOL_FN(estimate_lt, cmp_args(fcinfo) < 0)
ESTIMATE_BOOL_FN(estimate_le, cmp_args(fcinfo) <= 0)
ESTIMATE_BOOL_FN(estimate_gt, cmp_args(fcinfo) > 0)
ESTIMATE_BOOL_FN(estimate_ge, cmp_args(fcinfo) >= 0)

PGDLLEXPORT Datum estimate_cmp(PG_FUNCTION_ARGS);
PG_FUNCTION_INFO_V1(estimate_cmp);
Datum
estimate_cmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(cmp_args(fcinfo));
}

static int
estimate_fastcmp(Datum a, Datum b, SortSupport ssup)
{
	return sn_estimate_packed_cmp(DatumGetEstimateP(a), DatumGetEstimateP(b));
}

PGDLLEXPORT Datum estimate_sortsupport(PG_FUNCTION_ARGS);
PG_FUNCTION_INFO_V1(estimate_sortsupport);
Datum
estimate_sortsupport(PG_FUNCTION_ARGS)
{
	SortSupport ssup = (SortSupport) PG_GETARG_POINTER(0);

	ssup->comparator = estimate_fastcmp;
	PG_RETURN_VOID();
}

PGDLLEXPORT Datum estimate_smaller(PG_FUNCTION_ARGS);
PG_FUNCTION_INFO_V1(estimate_smaller);
Datum
estimate_smaller(PG_FUNCTION_ARGS)
{
	PG_RETURN_DATUM(cmp_args(fcinfo) <= 0 ? PG_GETARG_DATUM(0) : PG_GETARG_DATUM(1));
}

PGDLLEXPORT Datum estimate_larger(PG_FUNCTION_ARGS);
PG_FUNCTION_INFO_V1(estimate_larger);
Datum
estimate_larger(PG_FUNCTION_ARGS)
{
	PG_RETURN_DATUM(cmp_args(fcinfo) >= 0 ? PG_GETARG_DATUM(0) : PG_GETARG_DATUM(1));
}

/*
 * Hashes of the big-endian image of argument 0: the same on every
 * architecture and node.
 */
static inline void
arg_hash_image(FunctionCallInfo fcinfo, unsigned char image[24])
{
	sn_estimate e;

	arg_estimate(fcinfo, 0, &e);
	sn_estimate_hash_image(&e, image);
}

PGDLLEXPORT Datum estimate_hash(PG_FUNCTION_ARGS);
PG_FUNCTION_INFO_V1(estimate_hash);
Datum
estimate_hash(PG_FUNCTION_ARGS)
{
	unsigned char image[24];

	arg_hash_image(fcinfo, image);
	return hash_any(image, sizeof(image));
}

PGDLLEXPORT Datum estimate_hash_extended(PG_FUNCTION_ARGS);
PG_FUNCTION_INFO_V1(estimate_hash_extended);
Datum
estimate_hash_extended(PG_FUNCTION_ARGS)
{
	unsigned char image[24];

	arg_hash_image(fcinfo, image);
	return hash_any_extended(image, sizeof(image), PG_GETARG_INT64(1));
}

/* ------------------------------------------------------------------------
 * Containment and overlap
 * ------------------------------------------------------------------------ */

ESTIMATE_BOOL_FN(estimate_contains, relate_args(fcinfo, 0, 1, sn_estimate_contains))
ESTIMATE_BOOL_FN(estimate_contained_by, relate_args(fcinfo, 1, 0, sn_estimate_contains))
ESTIMATE_BOOL_FN(estimate_overlaps, relate_args(fcinfo, 0, 1, sn_estimate_overlaps))
ESTIMATE_BOOL_FN(estimate_contains_int8, admits(fcinfo, 0, PG_GETARG_INT64(1)))
ESTIMATE_BOOL_FN(estimate_contains_int4, admits(fcinfo, 0, PG_GETARG_INT32(1)))
ESTIMATE_BOOL_FN(estimate_int8_contained_by, admits(fcinfo, 1, PG_GETARG_INT64(0)))
ESTIMATE_BOOL_FN(estimate_int4_contained_by, admits(fcinfo, 1, PG_GETARG_INT32(0)))

/* ------------------------------------------------------------------------
 * Arithmetic and aggregate support
 * ------------------------------------------------------------------------ */

/* The sum of the estimates of arguments 0 and 1 into *r; an error on overflow. */
static void
add_args(FunctionCallInfo fcinfo, sn_estimate *r)
{
	sn_estimate a,
				b;
	sn_error	err;

	arg_estimate(fcinfo, 0, &a);
	arg_estimate(fcinfo, 1, &b);
	if (!sn_estimate_add(&a, &b, r, &err))
		SN_THROW(&err);
}

PGDLLEXPORT Datum estimate_add(PG_FUNCTION_ARGS);
PG_FUNCTION_INFO_V1(estimate_add);
Datum
estimate_add(PG_FUNCTION_ARGS)
{
	sn_estimate r;

	add_args(fcinfo, &r);
	return estimate_datum(&r);
}

/*
 * Transition and combine function of sum(estimate): the state is an estimate
 * (so no serialisation is needed, and Citus can push partial sums down).
 * Inside an aggregate the state lives in the aggregate's memory and is
 * updated in place; called otherwise it behaves as "+".
 */
PGDLLEXPORT Datum estimate_sum_accum(PG_FUNCTION_ARGS);
PG_FUNCTION_INFO_V1(estimate_sum_accum);
Datum
estimate_sum_accum(PG_FUNCTION_ARGS)
{
	sn_estimate r;

	add_args(fcinfo, &r);
	if (AggCheckCallContext(fcinfo, NULL))
	{
		sn_estimate_packed *state = (sn_estimate_packed *) PG_GETARG_POINTER(0);

		sn_estimate_pack(&r, state);
		PG_RETURN_POINTER(state);
	}
	return estimate_datum(&r);
}

/* The estimate of argument est_arg times the bigint of the other; an error on overflow. */
static Datum
mul_args(FunctionCallInfo fcinfo, int est_arg)
{
	sn_estimate a,
				r;
	sn_error	err;

	arg_estimate(fcinfo, est_arg, &a);
	if (!sn_estimate_mul(&a, PG_GETARG_INT64(1 - est_arg), &r, &err))
		SN_THROW(&err);
	return estimate_datum(&r);
}

PGDLLEXPORT Datum estimate_mul(PG_FUNCTION_ARGS);
PG_FUNCTION_INFO_V1(estimate_mul);
Datum
estimate_mul(PG_FUNCTION_ARGS)
{
	return mul_args(fcinfo, 0);
}

PGDLLEXPORT Datum estimate_int8_mul(PG_FUNCTION_ARGS);
PG_FUNCTION_INFO_V1(estimate_int8_mul);
Datum
estimate_int8_mul(PG_FUNCTION_ARGS)
{
	return mul_args(fcinfo, 1);
}

/* ------------------------------------------------------------------------
 * parse_estimate(phrase text, lang text DEFAULT 'en')
 * ------------------------------------------------------------------------ */

PGDLLEXPORT Datum parse_estimate(PG_FUNCTION_ARGS);
PG_FUNCTION_INFO_V1(parse_estimate);
Datum
parse_estimate(PG_FUNCTION_ARGS)
{
	text	   *phrase = PG_GETARG_TEXT_PP(0);
	text	   *langname = PG_GETARG_TEXT_PP(1);
	sn_lang		lang;
	sn_estimate e;
	sn_error	err;

	if (!sn_lang_from_string(VARDATA_ANY(langname), VARSIZE_ANY_EXHDR(langname), &lang))
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("unknown language \"%s\" for parse_estimate", text_to_cstring(langname)),
				errhint("Use 'en' (English) or 'fr' (French)."));
	if (!sn_estimate_phrase_parse(VARDATA_ANY(phrase), VARSIZE_ANY_EXHDR(phrase), lang,
								  &e, NULL, &err))
		SN_THROW(&err);
	return estimate_datum(&e);
}
