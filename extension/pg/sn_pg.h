/*
 * extension/pg/sn_pg.h
 *
 * What every glue file needs: PostgreSQL version shims and the mapping from a
 * core sn_error to ereport().  Keep every #if PG_VERSION_NUM in this header so
 * that the glue files themselves read the same on PostgreSQL 13 to 17.
 */
#ifndef SN_PG_H
#define SN_PG_H

#include "postgres.h"
#include "fmgr.h"

#if PG_VERSION_NUM >= 160000
#include "varatt.h"
#include "nodes/miscnodes.h"
#else
/*
 * Before PostgreSQL 16 input functions had no soft-error context: an error is
 * always thrown.  This gives ereturn() the same meaning there, so that input
 * functions are written once, for escontext.
 */
#define ereturn(context, dummy_value, ...) \
	do { \
		(void) (context); \
		ereport(ERROR, __VA_ARGS__); \
		return dummy_value; \
	} while (0)
#define SOFT_ERROR_OCCURRED(escontext) false
#endif

/* make_range() took an escontext argument in PostgreSQL 16. */
#if PG_VERSION_NUM >= 160000
#define sn_make_range(typcache, lower, upper, empty) \
	make_range((typcache), (lower), (upper), (empty), NULL)
#else
#define sn_make_range(typcache, lower, upper, empty) \
	make_range((typcache), (lower), (upper), (empty))
#endif

#include "sn_error.h"

/* The SQLSTATE that a core status stands for. */
static inline int
sn_sqlstate(sn_status status)
{
	switch (status)
	{
		case SN_ERR_RANGE:
			return ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE;
		case SN_ERR_DATETIME_FORMAT:
			return ERRCODE_INVALID_DATETIME_FORMAT;
		case SN_ERR_DATETIME_RANGE:
			return ERRCODE_DATETIME_VALUE_OUT_OF_RANGE;
		case SN_ERR_INVALID_PARAMETER:
			return ERRCODE_INVALID_PARAMETER_VALUE;
		case SN_ERR_BINARY:
			return ERRCODE_INVALID_BINARY_REPRESENTATION;
		case SN_ERR_SYNTAX:
		case SN_ERR_NOT_FOUND:
		case SN_ERR_AMBIGUOUS:
		case SN_OK:
			break;
	}
	return ERRCODE_INVALID_TEXT_REPRESENTATION;
}

/* The ereport() auxiliary calls for a core error, message, detail and hint. */
#define SN_ERROR_REPORT_ARGS(err) \
	errcode(sn_sqlstate((err)->status)), \
	errmsg("%s", (err)->message), \
	(err)->detail[0] ? errdetail("%s", (err)->detail) : 0, \
	(err)->hint[0] ? errhint("%s", (err)->hint) : 0

/*
 * Report a core error from an input function: softly into escontext where
 * the server supports it (PostgreSQL 16+: pg_input_is_valid, COPY ON_ERROR),
 * else as an ERROR.  Returns (Datum) 0 from the calling function.
 */
#define SN_RETURN_SOFT_ERROR(escontext, err) \
	ereturn((escontext), (Datum) 0, SN_ERROR_REPORT_ARGS(err))

/* Throw a core error (for functions other than type input). */
#define SN_THROW(err) ereport(ERROR, SN_ERROR_REPORT_ARGS(err))

/*
 * range_serialize() gained a soft-error context in PostgreSQL 16; the glue
 * builds ranges that are already canonical and valid, so it passes none.
 */
#if PG_VERSION_NUM >= 160000
#define sn_range_serialize(typcache, lower, upper, empty) \
	range_serialize((typcache), (lower), (upper), (empty), NULL)
#else
#define sn_range_serialize(typcache, lower, upper, empty) \
	range_serialize((typcache), (lower), (upper), (empty))
#endif

/*
 * The top-level transaction id of the transaction vxid names (a holder of a
 * lock, as GetLockConflicts() names it) while it is still running, that is
 * while its commit or abort is not yet visible to new snapshots.
 * InvalidTransactionId when it cannot be told so: the transaction has ended
 * since, or is prepared (its vxid may then be a clone of the backend that
 * prepared it, or name no backend).  Read under ProcArrayLock, which a
 * transaction's end holds while it clears its xid and lxid together.  The
 * function and the fields were renamed in PostgreSQL 17.  Defined for a file
 * that defines SN_WANT_VXID_XID before including this header.
 */
#ifdef SN_WANT_VXID_XID
#include "storage/lock.h"
#include "storage/lwlock.h"
#include "storage/proc.h"
#include "storage/procarray.h"
#if PG_VERSION_NUM < 170000
#include "storage/sinvaladt.h"
#endif

static inline TransactionId
sn_vxid_xid_if_running(VirtualTransactionId vxid)
{
	PGPROC	   *proc;
	TransactionId xid = InvalidTransactionId;

#if PG_VERSION_NUM >= 170000
	if (vxid.procNumber == INVALID_PROC_NUMBER)
		return InvalidTransactionId;
	proc = ProcNumberGetProc(vxid.procNumber);
#else
	if (vxid.backendId == InvalidBackendId)
		return InvalidTransactionId;
	proc = BackendIdGetProc(vxid.backendId);
#endif
	if (proc == NULL)
		return InvalidTransactionId;
	LWLockAcquire(ProcArrayLock, LW_SHARED);
#if PG_VERSION_NUM >= 170000
	if (proc->vxid.lxid == vxid.localTransactionId)
#else
	if (proc->lxid == vxid.localTransactionId)
#endif
		xid = proc->xid;
	LWLockRelease(ProcArrayLock);
	return xid;
}

/* This backend's local transaction id (PostgreSQL 17 moved it into vxid). */
#include "storage/proc.h"
#if PG_VERSION_NUM >= 170000
#define SN_MY_LXID (MyProc->vxid.lxid)
#else
#define SN_MY_LXID (MyProc->lxid)
#endif
#endif							/* SN_WANT_VXID_XID */

#endif							/* SN_PG_H */
