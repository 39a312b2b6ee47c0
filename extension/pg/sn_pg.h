/*
 * extension/pg/sn_pg.h
 *
 * What every glue file needs: PostgreSQL version shims, the mapping from a
 * core sn_error to ereport() and the binary I/O of the types.  Keep every #if PG_VERSION_NUM in this header so
 * that the glue files themselves read the same on PostgreSQL 13 to 17.
 */
#ifndef SN_PG_H
#define SN_PG_H

#include "postgres.h"
#include "fmgr.h"
#include "libpq/pqformat.h"

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

/*
 * make_range() and range_serialize() took a soft-error context in PostgreSQL
 * 16; the glue builds ranges that are already canonical and valid, so it
 * passes none.
 */
#if PG_VERSION_NUM >= 160000
#define sn_make_range(typcache, lower, upper, empty) \
	make_range((typcache), (lower), (upper), (empty), NULL)
#define sn_range_serialize(typcache, lower, upper, empty) \
	range_serialize((typcache), (lower), (upper), (empty), NULL)
#else
#define sn_make_range(typcache, lower, upper, empty) \
	make_range((typcache), (lower), (upper), (empty))
#define sn_range_serialize(typcache, lower, upper, empty) \
	range_serialize((typcache), (lower), (upper), (empty))
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
 * The body of a type's text input function: parse the cstring argument with
 * a core parse function (text, length, ctype *out, error) and return
 * to_datum(&value); a parse error is reported softly.
 */
#define SN_RETURN_PARSED(parse, ctype, to_datum) \
	do { \
		const char *sn_s_ = PG_GETARG_CSTRING(0); \
		ctype		sn_v_; \
		sn_error	sn_err_; \
		\
		if (!parse(sn_s_, strlen(sn_s_), &sn_v_, &sn_err_)) \
			SN_RETURN_SOFT_ERROR(fcinfo->context, &sn_err_); \
		return to_datum(&sn_v_); \
	} while (0)

/*
 * The body of a type's text output function: the cstring that a core format
 * function (value, buffer, its size) writes for value, in a new buffer of
 * size bytes.
 */
#define SN_RETURN_FORMATTED(format, value, size) \
	do { \
		char	   *sn_buf_ = palloc(size); \
		\
		format((value), sn_buf_, (size)); \
		PG_RETURN_CSTRING(sn_buf_); \
	} while (0)

/*
 * Binary I/O of the types: the core decodes and encodes (sn_<type>_decode,
 * sn_<type>_encode), so that its checks and its one wording of refusals
 * ("invalid binary <type>: ...") are unit-tested and fuzzed; the glue only
 * hands it the bytes.
 *
 * sn_recv_bytes: the rest of the message given to a *_recv function, consumed.
 * SN_RETURN_DECODED: the body of a *_recv function: decode that message with
 * a core decode function (bytes, length, ctype *out, error) and return
 * to_datum(&value), or throw the decode error (22P03).
 * sn_send_bytes: the bytea a *_send function returns for len bytes.
 */
static inline const void *
sn_recv_bytes(FunctionCallInfo fcinfo, size_t *len)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			n = buf->len - buf->cursor;

	*len = (size_t) n;
	return pq_getmsgbytes(buf, n);
}

#define SN_RETURN_DECODED(decode, ctype, to_datum) \
	do { \
		size_t		sn_len_; \
		const void *sn_in_ = sn_recv_bytes(fcinfo, &sn_len_); \
		ctype		sn_v_; \
		sn_error	sn_err_; \
		\
		if (!decode(sn_in_, sn_len_, &sn_v_, &sn_err_)) \
			SN_THROW(&sn_err_); \
		return to_datum(&sn_v_); \
	} while (0)

static inline bytea *
sn_send_bytes(const void *out, size_t len)
{
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbytes(&buf, (const char *) out, (int) len);
	return pq_endtypsend(&buf);
}

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
