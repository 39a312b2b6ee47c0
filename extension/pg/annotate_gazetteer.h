/*
 * extension/pg/annotate_gazetteer.h
 *
 * The gazetteer annotate() searches, as the tables hold it and as the
 * calling role may read it (annotate_gazetteer.c): built from the names of
 * annotate_names() and the country type, kept per backend, schema and role,
 * brought up to date by deltas when names change, never stale.
 */
#ifndef SN_ANNOTATE_GAZETTEER_H
#define SN_ANNOTATE_GAZETTEER_H

#include "postgres.h"

#include "gazetteer.h"
#include "sn_error.h"

/*
 * What the calls of one query share (kept in fn_extra): the schema whose
 * tables hold the names, and the gazetteer built for this query alone when
 * the role may not have one kept (row-level security, a missing privilege).
 */
typedef struct sn_gz_query sn_gz_query;

/* A query's state, allocated in cxt (fn_mcxt) for the function of schema nsp. */
extern sn_gz_query *sn_gz_query_new(Oid nsp, MemoryContext cxt);

/*
 * The gazetteer for a call of the query: current with every change of names
 * committed before the call, as the current role may read it.  query_cxt
 * holds a gazetteer built for the query alone.
 */
extern const sn_gazetteer *sn_gz_query_gazetteer(sn_gz_query *q, MemoryContext query_cxt);

/* The core's allocator over a memory context (palloc throws on failure). */
extern void sn_pg_allocator(sn_allocator *a, MemoryContext cxt);

/* Text from the server encoding to UTF-8 (the same pointer in a UTF-8 database). */
extern const char *sn_pg_to_utf8(const char *s, size_t len, size_t *out_len);

#endif							/* SN_ANNOTATE_GAZETTEER_H */
