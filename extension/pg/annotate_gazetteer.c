/*
 * extension/pg/annotate_gazetteer.c
 *
 * The gazetteer annotate() searches (annotate_gazetteer.h), the trigger that
 * tells sessions the names changed, and annotate_gazetteer_info().
 *
 * The gazetteer (every name of annotate_names(): place_names, actor_names,
 * and the names of the country type) is built once per backend, in a memory
 * context of its own, and kept until a change to the tables it comes from.
 * Those tables carry a statement trigger (annotate_invalidate) that queues a
 * relcache invalidation of a sequence kept as a signal; the relcache
 * callback registered here marks the gazetteer stale when it arrives.  So a
 * call pays almost nothing to learn whether its gazetteer is current.
 *
 * A change of names does not rebuild the gazetteer: the triggers also write
 * the names added and removed to annotate_names_changes, with the writing
 * transaction's id, and the gazetteer remembers the snapshot it was read
 * under.  After an invalidation of the signal, a call reads, under a fresh
 * snapshot, the rows of the transactions that snapshot does not see, and
 * makes of them a small delta gazetteer over the large one (gazetteer.h),
 * which finds exactly what a full build would.  A change the log cannot
 * describe (a row of op 'rebuild'; DDL, TRUNCATE, GRANT or a trigger
 * disabled: an invalidation of a table itself that changed its catalog rows,
 * see tables_fingerprint()), pruned rows the snapshot needs, or a delta
 * larger than DELTA_MIN names or 1/DELTA_FRACTION of the gazetteer sends it
 * to a full build.
 *
 * Never stale.  PostgreSQL sends a transaction's invalidations only after
 * its commit has become visible to new snapshots, so a session could see a
 * change in the tables before it hears of it.  Two things close that gap:
 *
 * - A transaction that changed names also sends the signal's invalidation
 *   at once, just before it commits (names_xact_callback), so that by the
 *   time its commit is visible the message is in the queue, and a call
 *   that takes the messages sent so far (AcceptInvalidationMessages) hears
 *   of every change committed before it began.
 * - That early message can be heard, and the gazetteer read again, before
 *   the commit is visible: the gazetteer would then lack a change whose
 *   message is already spent.  So each build and delta notes the writers
 *   still running when it reads (the holders of the names lock, see
 *   names_lock_tag(), which a transaction that changed names holds until
 *   it ends), and a call finding one of them ended reads the log again.  A
 *   holder that cannot be told running (it ended meanwhile, or is prepared)
 *   leaves the gazetteer to be read again at every call until it is gone.
 */
#define SN_WANT_VXID_XID
#include "sn_pg.h"

#include "access/genam.h"
#include "access/table.h"
#include "access/htup_details.h"
#include "access/parallel.h"
#include "access/xact.h"
#include "access/xlog.h"
#include "catalog/pg_class.h"
#include "catalog/pg_trigger.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "funcapi.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "storage/lock.h"
#include "storage/proc.h"
#include "storage/procarray.h"
#include "storage/sinval.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/fmgroids.h"
#include "utils/rel.h"
#include "utils/rls.h"
#include "utils/snapmgr.h"
#include "utils/syscache.h"
#include "utils/timestamp.h"

#include "annotate_gazetteer.h"
#include "country.h"

PGDLLEXPORT Datum annotate_invalidate(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum annotate_gazetteer_info(PG_FUNCTION_ARGS);

PG_FUNCTION_INFO_V1(annotate_invalidate);
PG_FUNCTION_INFO_V1(annotate_gazetteer_info);

/*
 * The relations whose invalidations make the gazetteer stale: the four
 * tables the names come from (their own invalidations come with DDL,
 * TRUNCATE, GRANT and REVOKE, and row-level security policies) and the
 * sequence the tables' triggers invalidate on every change (see
 * annotate_invalidate()).
 */
#define SIGNAL_RELATION "annotate_names_signal"
static const char *const watched_tables[] = {"place_names", "actor_names", "places", "actors",
											 SIGNAL_RELATION};
#define NWATCHED (sizeof(watched_tables) / sizeof(watched_tables[0]))
#define NTABLES (NWATCHED - 1)	/* the tables, without the signal */
#define LOG_RELATION "annotate_names_changes"

/* A delta of more names than the larger of these is replaced by a full build. */
#define DELTA_MIN 256
#define DELTA_FRACTION 100		/* of the names read for the build */

/*
 * Gazetteers kept by this backend: one per schema and role, since what a
 * role may read (privileges, row-level security) decides which names it
 * gets.  A few roles take turns in one connection (SET ROLE, a pooler, a
 * security-definer function); beyond CACHE_SLOTS the least recently used
 * gazetteer is dropped, which bounds the memory a backend holds.
 */
#define CACHE_SLOTS 4

/* Running writers of names a gazetteer keeps track of (more: read again at each call). */
#define MAX_WRITERS 16

typedef struct gz_cache
{
	MemoryContext cxt;			/* holds the gazetteer; NULL when none */
	sn_gazetteer *g;
	Oid			nsp;			/* the schema it was built for */
	Oid			role;			/* the role it was built as */
	bool		valid;
	bool		this_statement; /* valid only in the statement that built it */
	LocalTransactionId lxid;	/* that statement: its transaction, */
	TimestampTz stmt_start;		/* and its start */
	uint64		used;			/* when last used (a counter) */
	int64		builds;			/* how many times this slot was built */
	double		build_ms;		/* how long the last build took */
	TimestampTz built_at;
	int64		rows;			/* names read from the tables */

	/*
	 * Deltas.  g is base, or a delta over it (in delta_cxt, a child of cxt).
	 * base_snapshot: the snapshot base was read under, as pg_snapshot text
	 * (NULL: no deltas over it: built in parallel mode, or by a transaction
	 * that may have changed names itself and may yet roll back).  rebuild:
	 * an invalidation the log of changes does not describe came (of a table
	 * itself, or a reset of the caches); a full build follows unless the
	 * tables' fingerprint (tables_fingerprint()) is what it was at the build.
	 */
	sn_gazetteer *base;
	MemoryContext delta_cxt;
	char	   *base_snapshot;
	bool		rebuild;
	uint64		tables_fp;
	int64		deltas;			/* deltas made since the build */
	double		delta_ms;		/* how long the last took */
	int64		delta_added;
	int64		delta_removed;

	/*
	 * The writers of names that were running when the gazetteer was last
	 * read (their changes not in it): it stays current only while they run.
	 * writers_unknown: a holder of the names lock could not be told running,
	 * or there were more than MAX_WRITERS; the gazetteer is then read again
	 * at the next call.
	 */
	TransactionId writers[MAX_WRITERS];
	int			nwriters;
	bool		writers_unknown;
} gz_cache;

static gz_cache caches[CACHE_SLOTS];
static uint64 use_clock = 0;
static int64 total_builds = 0;

/* The watched relations of the schema watched_nsp, and its log of changes. */
static Oid	watched_nsp = InvalidOid;
static Oid	watched[NWATCHED];
static Oid	watched_log = InvalidOid;

/* What the calls of a query share (annotate_gazetteer.h). */
struct sn_gz_query
{
	Oid			nsp;			/* the function's schema: the gazetteer's tables */
	gz_cache	own;			/* built for this query alone (row-level security) */
};

static bool callback_registered = false;
static uint64 invalidations = 0;	/* relevant invalidations seen */
static uint64 table_invalidations = 0;	/* those not of the signal alone */

static void
annotate_relcache_callback(Datum arg, Oid relid)
{
	bool		relevant = !OidIsValid(relid);	/* a reset of every entry */
	bool		signal = OidIsValid(relid) && watched[NWATCHED - 1] == relid;

	for (size_t i = 0; i < NWATCHED && !relevant; i++)
		relevant = (watched[i] == relid);
	if (relevant)
	{
		invalidations++;
		if (!signal)
			table_invalidations++;
		for (int i = 0; i < CACHE_SLOTS; i++)
		{
			caches[i].valid = false;
			/* only a change of rows is in the log of changes */
			if (!signal)
				caches[i].rebuild = true;
		}
		/* the tables may have been dropped and made again: look them up anew */
		watched_nsp = InvalidOid;
	}
}

/* Look up the watched relations of schema nsp (InvalidOid for a missing one). */
static void
watch_schema(Oid nsp)
{
	if (watched_nsp == nsp)
		return;
	for (size_t i = 0; i < NWATCHED; i++)
		watched[i] = get_relname_relid(watched_tables[i], nsp);
	watched_log = get_relname_relid(LOG_RELATION, nsp);
	watched_nsp = nsp;
}

/*
 * The names lock: each transaction that changes the names holds it, in ROW
 * EXCLUSIVE mode (changes do not conflict with each other), from its first
 * change until it ends, so that a session can tell which writers of names
 * are running (GetLockConflicts() of SHARE mode lists them while their
 * commit is not yet visible).  Nobody waits on it.  An object lock on the
 * signal sequence, not a relation lock: no fast path, so listing its
 * holders is one lock table look-up.
 */
static void
names_lock_tag(LOCKTAG *tag, Oid signal)
{
	SET_LOCKTAG_OBJECT(*tag, MyDatabaseId, RelationRelationId, signal, 0);
}

/*
 * The signal of the names this backend's transaction changed (InvalidOid:
 * none), for names_xact_callback().
 */
static Oid	changed_signal = InvalidOid;
static bool xact_callback_registered = false;

/*
 * Just before a transaction that changed names commits (or prepares), send
 * the signal's invalidation to every session at once, besides the one
 * PostgreSQL sends after the commit: the early one is in the queue before
 * the commit becomes visible, so a session that can see the change has the
 * message waiting (see the top of this file).  Sent too early it costs a
 * session one reading of the log that finds nothing new.
 */
static void
names_xact_callback(XactEvent event, void *arg)
{
	switch (event)
	{
		case XACT_EVENT_PRE_COMMIT:
		case XACT_EVENT_PRE_PREPARE:
			if (OidIsValid(changed_signal))
			{
				SharedInvalidationMessage msg;

				memset(&msg, 0, sizeof(msg));
				msg.rc.id = SHAREDINVALRELCACHE_ID;
				msg.rc.dbId = MyDatabaseId;
				msg.rc.relId = changed_signal;
				SendSharedInvalidMessages(&msg, 1);
			}
			break;
		case XACT_EVENT_COMMIT:
		case XACT_EVENT_ABORT:
		case XACT_EVENT_PREPARE:
		case XACT_EVENT_PARALLEL_COMMIT:
		case XACT_EVENT_PARALLEL_ABORT:
			changed_signal = InvalidOid;
			break;
		default:
			break;
	}
}

/*
 * Note in slot the writers of names running now (holders of the names lock
 * whose commit is not yet visible): the gazetteer about to be read lacks
 * their changes, and must be read again once they end.  Called before the
 * snapshot the gazetteer is read under is taken, so that a writer that ends
 * in between is seen by that snapshot.
 */
static void
note_running_writers(gz_cache *slot, Oid signal)
{
	LOCKTAG		tag;
	VirtualTransactionId *holders,
			   *h;

	slot->nwriters = 0;
	slot->writers_unknown = false;
	if (!OidIsValid(signal) || RecoveryInProgress())
		return;
	names_lock_tag(&tag, signal);
	holders = GetLockConflicts(&tag, ShareLock, NULL);
	for (h = holders; VirtualTransactionIdIsValid(*h); h++)
	{
		TransactionId xid = sn_vxid_xid_if_running(*h);

		if (!TransactionIdIsValid(xid) || slot->nwriters == MAX_WRITERS)
			slot->writers_unknown = true;
		else
			slot->writers[slot->nwriters++] = xid;
	}
	pfree(holders);
}

/* Has a writer that was running when slot's gazetteer was read ended since? */
static bool
writers_ended(const gz_cache *slot)
{
	if (slot->writers_unknown)
		return true;
	for (int i = 0; i < slot->nwriters; i++)
		if (!TransactionIdIsInProgress(slot->writers[i]))
			return true;
	return false;
}

/* The core's allocator over a memory context (palloc throws on failure). */
static void *
mcxt_alloc(void *ctx, size_t size)
{
	return MemoryContextAllocExtended((MemoryContext) ctx, size, MCXT_ALLOC_HUGE);
}

static void
mcxt_free(void *ctx, void *ptr)
{
	pfree(ptr);
}

void
sn_pg_allocator(sn_allocator *a, MemoryContext cxt)
{
	a->alloc = mcxt_alloc;
	a->free = mcxt_free;
	a->ctx = cxt;
}

const char *
sn_pg_to_utf8(const char *s, size_t len, size_t *out_len)
{
	char	   *u;

	if (GetDatabaseEncoding() == PG_UTF8 || GetDatabaseEncoding() == PG_SQL_ASCII)
	{
		*out_len = len;
		return s;
	}
	u = pg_server_to_any(s, (int) len, PG_UTF8);
	*out_len = (u == s) ? len : strlen(u);
	return u;
}

static void
gz_throw(const sn_error *err)
{
	SN_THROW(err);
}

/*
 * What of the four tables, besides their rows, decides the names a kept
 * gazetteer holds: which relations they are, their definition and storage,
 * and their triggers (the log of changes is written by triggers).  Each is
 * told by the version of its catalog row (its xmin): DDL, TRUNCATE, GRANT
 * or a trigger disabled writes a new version, while VACUUM and ANALYZE
 * update the statistics of pg_class in place.  So an invalidation of a
 * table that leaves this as it was (statistics updated, a reset of every
 * cache after the invalidation queue overflowed) needs no full build: the
 * log describes every change of rows, and privileges and row-level security
 * are checked at every call.
 */
static uint64
tables_fingerprint(void)
{
	uint64		h = UINT64CONST(14695981039346656037);
	Relation	tgrel = NULL;

#define FP_MIX(v) (h = (h ^ (uint64) (v)) * UINT64CONST(1099511628211))
	for (size_t i = 0; i < NTABLES; i++)
	{
		HeapTuple	tup;
		ScanKeyData key;
		SysScanDesc scan;

		FP_MIX(watched[i]);
		if (!OidIsValid(watched[i]))
			continue;
		tup = SearchSysCache1(RELOID, ObjectIdGetDatum(watched[i]));
		if (!HeapTupleIsValid(tup))
		{
			FP_MIX(0);
			continue;
		}
		FP_MIX(HeapTupleHeaderGetRawXmin(tup->t_data));
		ReleaseSysCache(tup);
		if (tgrel == NULL)
			tgrel = table_open(TriggerRelationId, AccessShareLock);
		ScanKeyInit(&key, Anum_pg_trigger_tgrelid, BTEqualStrategyNumber, F_OIDEQ,
					ObjectIdGetDatum(watched[i]));
		scan = systable_beginscan(tgrel, TriggerRelidNameIndexId, true, NULL, 1, &key);
		while (HeapTupleIsValid(tup = systable_getnext(scan)))
		{
			FP_MIX(((Form_pg_trigger) GETSTRUCT(tup))->oid);
			FP_MIX(HeapTupleHeaderGetRawXmin(tup->t_data));
		}
		systable_endscan(scan);
	}
	if (tgrel != NULL)
		table_close(tgrel, AccessShareLock);
#undef FP_MIX
	return h;
}

/* The countries of the country type that are places (rows of kind 'country'). */
typedef struct country_places
{
	sn_country_place *items;
	int			n;
	int			cap;
} country_places;

static void
add_country_place(country_places *cp, int32 country, int64 place_id)
{
	if (cp->n == cp->cap)
	{
		cp->cap = cp->cap ? cp->cap * 2 : 64;
		cp->items = cp->items
			? repalloc(cp->items, cp->cap * sizeof(*cp->items))
			: palloc(cp->cap * sizeof(*cp->items));
	}
	cp->items[cp->n].country = country;
	cp->items[cp->n].place_id = place_id;
	cp->n++;
}

/*
 * The flags of a name read from its row: SN_NAME_DEMONYM from the column
 * demonym_col, and the language from the next one (lang) when it names one.
 */
static uint32
name_flags(HeapTuple tup, TupleDesc desc, int demonym_col)
{
	bool		isnull;
	Datum		d;
	uint32		flags = 0;

	d = SPI_getbinval(tup, desc, demonym_col, &isnull);
	if (!isnull && DatumGetBool(d))
		flags |= SN_NAME_DEMONYM;
	d = SPI_getbinval(tup, desc, demonym_col + 1, &isnull);
	if (!isnull)
	{
		char	   *lang = TextDatumGetCString(d);
		sn_lang		l;

		if (sn_lang_from_string(lang, strlen(lang), &l))
			flags |= (l == SN_LANG_FR) ? SN_NAME_LANG_FR : SN_NAME_LANG_EN;
	}
	return flags;
}

/*
 * Add the name of a row (a text datum, in the database's encoding) to g
 * with ref and flags, or remove it.  False when the core cannot read it
 * (invalid UTF-8 in SQL_ASCII): such a name is left out.
 */
static bool
put_name(sn_gazetteer *g, Datum name_datum, const sn_gazetteer_ref *ref, uint32 flags,
		 bool remove)
{
	text	   *name = DatumGetTextPP(name_datum);
	size_t		ulen;
	const char *u = sn_pg_to_utf8(VARDATA_ANY(name), VARSIZE_ANY_EXHDR(name), &ulen);
	sn_error	err;
	bool		ok = remove ? sn_gazetteer_remove(g, u, ulen, ref, flags, &err)
		: sn_gazetteer_add(g, u, ulen, ref, flags, &err);

	if (!ok && err.status != SN_ERR_SYNTAX)
		gz_throw(&err);
	return ok;
}

/*
 * One row of annotate_names() (kind, ref_id, country, name, demonym, lang)
 * into g; a row of kind 'country' (the place that a country of the country
 * type is) into countries instead.  True when a name was added to g.
 */
static bool
add_name_row(sn_gazetteer *g, HeapTuple tup, TupleDesc desc, country_places *countries)
{
	bool		isnull;
	Datum		d;
	sn_gazetteer_ref ref;
	char	   *kind;

	d = SPI_getbinval(tup, desc, 1, &isnull);
	if (isnull)
		return false;
	kind = TextDatumGetCString(d);
	d = SPI_getbinval(tup, desc, 2, &isnull);
	ref.id = isnull ? 0 : DatumGetInt64(d);
	d = SPI_getbinval(tup, desc, 3, &isnull);
	ref.country = isnull ? -1 : (int32) (uint16) DatumGetInt16(d);
	if (strcmp(kind, "country") == 0)
	{
		if (ref.country >= 0 && ref.id != 0)
			add_country_place(countries, ref.country, ref.id);
		return false;
	}
	ref.kind = strcmp(kind, "actor") == 0 ? SN_REF_ACTOR : SN_REF_PLACE;
	d = SPI_getbinval(tup, desc, 4, &isnull);
	if (isnull)
		return false;
	return put_name(g, d, &ref, name_flags(tup, desc, 5), false);
}

/*
 * The snapshot the names were just read under (SPI connected, their rows
 * SPI's result, which stays so), as text in cxt, for the deltas that will
 * follow.  NULL when there will be none: in parallel mode (the statement's
 * snapshot), in a transaction that has written (the names it added would
 * stay in the gazetteer should it roll back, since its changes are visible
 * to its own snapshot), or without a log of changes.
 */
static char *
names_snapshot_text(MemoryContext cxt)
{
	SPITupleTable *names = SPI_tuptable;
	uint64		nnames = SPI_processed;
	char	   *snapshot_text;

	if (IsInParallelMode() || TransactionIdIsValid(GetTopTransactionIdIfAny()) ||
		!OidIsValid(watched_log))
		return NULL;
	if (SPI_execute("SELECT pg_catalog.pg_current_snapshot()::pg_catalog.text", true, 1) != SPI_OK_SELECT ||
		SPI_processed != 1)
		elog(ERROR, "could not read the snapshot of the gazetteer");
	snapshot_text = MemoryContextStrdup(cxt, SPI_getvalue(SPI_tuptable->vals[0],
														   SPI_tuptable->tupdesc, 1));
	SPI_freetuptable(SPI_tuptable);
	SPI_tuptable = names;
	SPI_processed = nnames;
	return snapshot_text;
}

/*
 * The rows of annotate_names() of schema nsp into g, and the countries that
 * are places into countries, read under a snapshot taken now (see
 * gazetteer_build()).  Returns how many names were added; *snapshot_text:
 * see names_snapshot_text().
 */
static int64
read_names(Oid nsp, sn_gazetteer *g, MemoryContext cxt, country_places *countries,
		   char **snapshot_text)
{
	char	   *query;
	MemoryContext old;
	int64		rows = 0;

	query = psprintf("SELECT kind, ref_id, country, name, demonym, lang FROM %s.annotate_names()",
					 quote_identifier(get_namespace_name(nsp)));
	old = CurrentMemoryContext;
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	/*
	 * In parallel mode (a parallel query's leader or worker) no snapshot can
	 * be taken: the statement's is used, and the gazetteer serves that
	 * statement only.
	 */
	if (!IsInParallelMode())
		PushActiveSnapshot(GetLatestSnapshot());
	if (SPI_execute(query, true, 0) != SPI_OK_SELECT)
		elog(ERROR, "SPI_execute failed: %s", query);
	*snapshot_text = names_snapshot_text(cxt);
	if (!IsInParallelMode())
		PopActiveSnapshot();
	/* what outlives SPI_finish is allocated in the caller's context */
	MemoryContextSwitchTo(old);
	for (uint64 r = 0; r < SPI_processed; r++)
		if (add_name_row(g, SPI_tuptable->vals[r], SPI_tuptable->tupdesc, countries))
			rows++;
	SPI_finish();
	return rows;
}

/* A gazetteer being built (gazetteer_build()), and what its build noted. */
typedef struct gz_build
{
	MemoryContext cxt;			/* holds g */
	sn_gazetteer *g;
	instr_time	t0;				/* when the build began */
	uint64		seen;			/* invalidations, before the tables were read */
	uint64		table_seen;		/* table_invalidations, before the fingerprint */
	uint64		fp;				/* tables_fingerprint() (0 in parallel mode) */
	char	   *snapshot_text;	/* see names_snapshot_text() */
	int64		rows;			/* names read from the tables */
} gz_build;

/*
 * Swap the gazetteer just built into slot, its memory context moved under
 * parent; it is valid unless an invalidation came while the tables were
 * read.
 */
static void
install_build(gz_cache *slot, Oid nsp, MemoryContext parent, const gz_build *b)
{
	instr_time	t1;

	if (slot->cxt)
		MemoryContextDelete(slot->cxt);
	MemoryContextSetParent(b->cxt, parent);
	slot->cxt = b->cxt;
	slot->g = b->g;
	slot->base = b->g;
	slot->delta_cxt = NULL;		/* it was a child of the old cxt */
	slot->base_snapshot = b->snapshot_text;
	slot->rebuild = (table_invalidations != b->table_seen);
	slot->tables_fp = b->fp;
	slot->deltas = 0;
	slot->delta_ms = 0;
	slot->delta_added = slot->delta_removed = 0;
	slot->nsp = nsp;
	slot->role = GetUserId();
	slot->valid = (invalidations == b->seen);
	slot->this_statement = IsInParallelMode();
	slot->lxid = SN_MY_LXID;
	slot->stmt_start = GetCurrentStatementStartTimestamp();
	slot->used = ++use_clock;
	slot->builds++;
	total_builds++;
	slot->rows = b->rows;
	slot->built_at = GetCurrentTimestamp();
	INSTR_TIME_SET_CURRENT(t1);
	INSTR_TIME_SUBTRACT(t1, b->t0);
	slot->build_ms = INSTR_TIME_GET_MILLISEC(t1);
}

/*
 * Build into slot the gazetteer of schema nsp as the current role sees it:
 * the rows of annotate_names() and the names of the country type.  The rows
 * are read under a snapshot taken now, not under the calling transaction's:
 * in a REPEATABLE READ transaction, or a READ COMMITTED one whose statement
 * began before a change was received, the transaction's snapshot can
 * predate the change that made the gazetteer stale, and a gazetteer built
 * from it would stay stale until the next change.  annotate_names() runs
 * with the caller's rights, so privileges and row-level security apply.
 * The finished gazetteer's memory context is made a child of parent.
 */
static void
gazetteer_build(Oid nsp, gz_cache *slot, MemoryContext parent)
{
	gz_build	b;
	sn_allocator a;
	sn_error	err;
	country_places countries = {NULL, 0, 0};

	INSTR_TIME_SET_CURRENT(b.t0);

	/*
	 * Build under the caller's context, so that an error frees everything;
	 * once built, the context moves under parent.
	 */
	b.cxt = AllocSetContextCreate(CurrentMemoryContext, "sahel_news annotate gazetteer",
								  ALLOCSET_DEFAULT_SIZES);
	sn_pg_allocator(&a, b.cxt);
	b.g = sn_gazetteer_new(&a);

	/*
	 * An invalidation received from now on (while the tables are read) makes
	 * this gazetteer stale at once: the next call builds it again.
	 */
	b.table_seen = table_invalidations;
	b.fp = IsInParallelMode() ? 0 : tables_fingerprint();
	b.seen = invalidations;

	/* the writers running now: their changes are not in what is read below */
	slot->nwriters = 0;
	slot->writers_unknown = false;
	if (!IsInParallelMode())
		note_running_writers(slot, watched[NWATCHED - 1]);

	/* names from the tables, under a fresh snapshot */
	b.rows = read_names(nsp, b.g, b.cxt, &countries, &b.snapshot_text);

	/*
	 * The names of the country type.  A country that has a row of kind
	 * 'country' in places is that place (annotate_names() gives the mapping
	 * as rows of kind 'country'); the others are places without an id.
	 */
	if (!sn_gazetteer_add_country_names(b.g, countries.items, countries.n, &err))
		gz_throw(&err);

	if (!sn_gazetteer_build(b.g, &err))
		gz_throw(&err);
	install_build(slot, nsp, parent, &b);
}


/* A pg_snapshot's text ("xmin:xmax:xip,xip,..."), read; false if it is not one. */
static bool
parse_snapshot(const char *text, uint64 *xmin, uint64 *xmax, uint64 **xip, int *nxip)
{
	const char *p = text;
	char	   *end;
	int			cap = 8;

	*nxip = 0;
	*xip = palloc(cap * sizeof(uint64));
	*xmin = (uint64) strtoull(p, &end, 10);
	if (end == p || *end != ':')
		return false;
	p = end + 1;
	*xmax = (uint64) strtoull(p, &end, 10);
	if (end == p || *end != ':')
		return false;
	p = end + 1;
	while (*p)
	{
		uint64		x = (uint64) strtoull(p, &end, 10);

		if (end == p)
			return false;
		if (*nxip == cap)
		{
			cap *= 2;
			*xip = repalloc(*xip, cap * sizeof(uint64));
		}
		(*xip)[(*nxip)++] = x;
		p = end;
		if (*p == ',')
			p++;
		else if (*p)
			return false;
	}
	return true;
}

/*
 * The query of the rows a delta needs: those of the transactions that the
 * base's snapshot did not see (running then, or begun after its xmax) and
 * that the snapshot taken now sees (ended before its xmax, not running now),
 * as ranges and points of the index on xid.  Not "every row from the base's
 * xmin on": a long transaction anywhere in the cluster holds xmin back, and
 * every delta would then read every row logged since it began.  The rows of
 * a transaction still running are not read either.  Their order does not
 * matter (a delta counts each entry's additions and removals).
 */
static void
log_query(StringInfo q, const char *base_text, const char *now_text, const char *nsp, int64 limit)
{
	uint64		bxmin,
				bxmax,
				nxmin,
				nxmax,
			   *bxip,
			   *nxip;
	int			nb,
				nn;
	uint64		lo;
	bool		any = false;

	if (!parse_snapshot(base_text, &bxmin, &bxmax, &bxip, &nb) ||
		!parse_snapshot(now_text, &nxmin, &nxmax, &nxip, &nn))
		elog(ERROR, "unexpected snapshot text: \"%s\", \"%s\"", base_text, now_text);
	initStringInfo(q);
	appendStringInfo(q, "SELECT op, kind, ref_id, country, name, demonym, lang, "
					 "pruned_max >= '" UINT64_FORMAT "'::pg_catalog.xid8 FROM %s.%s WHERE false",
					 bxmin, quote_identifier(nsp), LOG_RELATION);
	/* [base's xmax, now's xmax), without the transactions running now (sorted) */
	lo = bxmax;
	for (int i = 0; i < nn; i++)
	{
		if (nxip[i] < lo || nxip[i] >= nxmax)
			continue;
		if (lo < nxip[i])
			appendStringInfo(q, " OR (xid >= '" UINT64_FORMAT "'::pg_catalog.xid8 AND xid < '"
							 UINT64_FORMAT "'::pg_catalog.xid8)", lo, nxip[i]);
		lo = nxip[i] + 1;
	}
	if (lo < nxmax)
		appendStringInfo(q, " OR (xid >= '" UINT64_FORMAT "'::pg_catalog.xid8 AND xid < '"
						 UINT64_FORMAT "'::pg_catalog.xid8)", lo, nxmax);
	/* the transactions running for the base that are not running now */
	for (int i = 0; i < nb; i++)
	{
		bool		running = false;

		for (int j = 0; j < nn && !running; j++)
			running = (nxip[j] == bxip[i]);
		if (running)
			continue;
		appendStringInfo(q, any ? ",'" UINT64_FORMAT "'" : " OR xid = ANY (ARRAY['" UINT64_FORMAT "'",
						 bxip[i]);
		any = true;
	}
	/* this transaction's own changes, which the snapshot taken now sees */
	if (FullTransactionIdIsValid(GetTopFullTransactionIdIfAny()))
	{
		appendStringInfo(q, any ? ",'" UINT64_FORMAT "'" : " OR xid = ANY (ARRAY['" UINT64_FORMAT "'",
						 U64FromFullTransactionId(GetTopFullTransactionIdIfAny()));
		any = true;
	}
	if (any)
		appendStringInfoString(q, "]::pg_catalog.xid8[])");
	appendStringInfo(q, " LIMIT " INT64_FORMAT, limit);
}

/*
 * May slot's gazetteer be brought up to date by a delta?  Not without the
 * snapshot its base was read under, in parallel mode, without a log of
 * changes or in recovery; nor after an invalidation of a table itself
 * (slot->rebuild) that changed what the tables' fingerprint tells, which
 * leaves slot->rebuild set.
 */
static bool
delta_possible(gz_cache *slot)
{
	if (!slot->base_snapshot || IsInParallelMode() ||
		!OidIsValid(watched_log) || RecoveryInProgress())
		return false;
	if (slot->rebuild)
	{
		/* an invalidation of a table: did anything that matters change? */
		slot->rebuild = false;
		if (tables_fingerprint() != slot->tables_fp)
		{
			slot->rebuild = true;
			return false;
		}
	}
	return true;
}

/* The owner of the log of changes; InvalidOid when the log is gone. */
static Oid
log_owner(void)
{
	HeapTuple	reltup = SearchSysCache1(RELOID, ObjectIdGetDatum(watched_log));
	Oid			owner;

	if (!HeapTupleIsValid(reltup))
		return InvalidOid;
	owner = ((Form_pg_class) GETSTRUCT(reltup))->relowner;
	ReleaseSysCache(reltup);
	return owner;
}

/*
 * Run, SPI connected, the query of the rows of the log that slot's base
 * lacks (log_query(), at most max_rows), under a snapshot taken now and as
 * the log's owner.
 */
static void
run_log_query(const gz_cache *slot, Oid owner, int64 max_rows)
{
	StringInfoData query;
	Oid			save_user;
	int			save_sec;

	PushActiveSnapshot(GetLatestSnapshot());
	if (SPI_execute("SELECT pg_catalog.pg_current_snapshot()::pg_catalog.text", true, 1) != SPI_OK_SELECT ||
		SPI_processed != 1)
		elog(ERROR, "could not read the snapshot of the delta");
	log_query(&query, slot->base_snapshot,
			  SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1),
			  get_namespace_name(slot->nsp), max_rows);
	GetUserIdAndSecContext(&save_user, &save_sec);
	SetUserIdAndSecContext(owner, save_sec | SECURITY_LOCAL_USERID_CHANGE |
						   SECURITY_RESTRICTED_OPERATION);
	if (SPI_execute(query.data, true, 0) != SPI_OK_SELECT)
		elog(ERROR, "SPI_execute failed: %s", query.data);
	SetUserIdAndSecContext(save_user, save_sec);
	PopActiveSnapshot();
}

/* What one row of the log does to a delta (apply_log_row()). */
typedef enum log_row_effect
{
	LOG_ROW_ADDED,				/* a name added */
	LOG_ROW_REMOVED,			/* a name removed */
	LOG_ROW_SKIPPED,			/* nothing */
	LOG_ROW_FULL				/* a full build is needed instead */
} log_row_effect;

/*
 * One row of the log (op, kind, ref_id, country, name, demonym, lang, and
 * whether pruned rows reach back into what the base's snapshot did not see)
 * into the delta d.  A removal is of the name whatever its country.
 */
static log_row_effect
apply_log_row(sn_gazetteer *d, HeapTuple tup, TupleDesc desc)
{
	bool		isnull;
	Datum		dv;
	char	   *op;
	Datum		name;
	sn_gazetteer_ref ref;
	bool		remove;

	op = TextDatumGetCString(SPI_getbinval(tup, desc, 1, &isnull));
	if (strcmp(op, "add") != 0 && strcmp(op, "remove") != 0)
	{
		/* a rebuild, or pruned rows this gazetteer needs (or not) */
		dv = SPI_getbinval(tup, desc, 8, &isnull);
		if (strcmp(op, "pruned") != 0 || isnull || DatumGetBool(dv))
			return LOG_ROW_FULL;
		return LOG_ROW_SKIPPED;
	}
	remove = (op[0] == 'r');
	ref.kind = strcmp(TextDatumGetCString(SPI_getbinval(tup, desc, 2, &isnull)), "actor") == 0
		? SN_REF_ACTOR : SN_REF_PLACE;
	ref.id = DatumGetInt64(SPI_getbinval(tup, desc, 3, &isnull));
	dv = SPI_getbinval(tup, desc, 4, &isnull);
	ref.country = remove ? SN_GAZETTEER_ANY_COUNTRY
		: isnull ? -1 : (int32) (uint16) DatumGetInt16(dv);
	name = SPI_getbinval(tup, desc, 5, &isnull);
	if (!put_name(d, name, &ref, name_flags(tup, desc, 6), remove))
		return LOG_ROW_SKIPPED; /* as in a build, a name the core cannot read */
	return remove ? LOG_ROW_REMOVED : LOG_ROW_ADDED;
}

/*
 * The rows of the log that slot's base lacks, read into the delta d
 * (counted in *added and *removed).  False when they call for a full build
 * instead: more than limit rows, a change the log cannot describe, or
 * pruned rows that the base's snapshot needs.
 */
static bool
read_log(gz_cache *slot, Oid owner, int64 limit, sn_gazetteer *d, int64 *added, int64 *removed)
{
	MemoryContext old = CurrentMemoryContext;
	bool		full;

	/* the writers running now: their changes are not in what is read below */
	note_running_writers(slot, watched[NWATCHED - 1]);
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	run_log_query(slot, owner, limit + 1);
	MemoryContextSwitchTo(old);

	full = (int64) SPI_processed > limit;
	for (uint64 r = 0; r < SPI_processed && !full; r++)
	{
		switch (apply_log_row(d, SPI_tuptable->vals[r], SPI_tuptable->tupdesc))
		{
			case LOG_ROW_ADDED:
				(*added)++;
				break;
			case LOG_ROW_REMOVED:
				(*removed)++;
				break;
			case LOG_ROW_FULL:
				full = true;
				break;
			case LOG_ROW_SKIPPED:
				break;
		}
	}
	SPI_finish();
	return !full;
}

/*
 * Bring slot's gazetteer up to date with a delta over its base: the rows of
 * annotate_names_changes written by the transactions that the base's
 * snapshot does not see, read under a fresh snapshot (as a build reads the
 * names).  The log is read as its owner: the caller may read every row of
 * the four tables (gazetteer_get() keeps gazetteers only for such roles),
 * and so every name the log holds.  The rows are found by ranges and
 * points of the index on xid (log_query()).  Returns false, changing
 * nothing, when a full build is needed instead.
 */
static bool
gazetteer_refresh(gz_cache *slot)
{
	MemoryContext cxt;
	sn_allocator a;
	sn_gazetteer *d;
	sn_error	err;
	instr_time	t0,
				t1;
	uint64		seen = invalidations;
	int64		limit = Max(DELTA_MIN, slot->rows / DELTA_FRACTION);
	int64		added = 0,
				removed = 0;
	Oid			owner;

	if (!delta_possible(slot))
		return false;
	owner = log_owner();
	if (!OidIsValid(owner))
		return false;

	INSTR_TIME_SET_CURRENT(t0);

	cxt = AllocSetContextCreate(CurrentMemoryContext, "sahel_news annotate gazetteer delta",
								ALLOCSET_DEFAULT_SIZES);
	sn_pg_allocator(&a, cxt);
	d = sn_gazetteer_new(&a);
	if (!read_log(slot, owner, limit, d, &added, &removed))
	{
		MemoryContextDelete(cxt);
		return false;
	}
	if (!sn_gazetteer_build_delta(d, slot->base, &err))
		gz_throw(&err);

	/* swap it in: the delta lives and dies with its base */
	if (slot->delta_cxt)
		MemoryContextDelete(slot->delta_cxt);
	MemoryContextSetParent(cxt, slot->cxt);
	slot->delta_cxt = cxt;
	slot->g = d;
	slot->valid = (invalidations == seen);
	slot->deltas++;
	slot->delta_added = added;
	slot->delta_removed = removed;
	INSTR_TIME_SET_CURRENT(t1);
	INSTR_TIME_SUBTRACT(t1, t0);
	slot->delta_ms = INSTR_TIME_GET_MILLISEC(t1);
	return true;
}

/*
 * The gazetteer annotate() uses for schema nsp, as the current role may read
 * it, current with every change committed before the call.
 *
 * A role that may read the four tables (SELECT on each, checked at every
 * call: a privilege or a membership can be revoked) and on none of which
 * row-level security applies to it gets a gazetteer kept for it in this
 * backend (one of CACHE_SLOTS, least recently used dropped).  Otherwise the
 * gazetteer is built for the query alone (in call->own): row-level
 * security policies may depend on more than the role (settings, the
 * time), and a role without SELECT must get PostgreSQL's own error.
 */
static gz_cache *
gazetteer_get(Oid nsp, sn_gz_query *call, MemoryContext query_cxt)
{
	Oid			role = GetUserId();
	bool		per_query = false;
	gz_cache   *slot = NULL;

	if (!callback_registered)
	{
		CacheRegisterRelcacheCallback(annotate_relcache_callback, (Datum) 0);
		callback_registered = true;
	}
	/*
	 * Every invalidation sent so far: with the early message of
	 * names_xact_callback(), that of every change of names committed before
	 * the call began.
	 */
	AcceptInvalidationMessages();
	watch_schema(nsp);

	for (size_t i = 0; i < NTABLES && !per_query; i++)
	{
		if (!OidIsValid(watched[i]))
			continue;
		if (pg_class_aclcheck(watched[i], role, ACL_SELECT) != ACLCHECK_OK ||
			check_enable_rls(watched[i], InvalidOid, true) == RLS_ENABLED)
			per_query = true;
	}
	if (per_query)
	{
		if (!call->own.cxt || call->own.role != role || call->own.nsp != nsp)
			gazetteer_build(nsp, &call->own, query_cxt);
		return &call->own;
	}

	for (int i = 0; i < CACHE_SLOTS; i++)
	{
		gz_cache   *c = &caches[i];

		if (c->cxt && c->nsp == nsp && c->role == role)
		{
			slot = c;
			break;
		}
		/* else an empty slot, or the least recently used */
		if (slot == NULL || (slot->cxt && (!c->cxt || c->used < slot->used)))
			slot = c;
	}
	if (!(slot->cxt && slot->valid && slot->nsp == nsp && slot->role == role &&
		  (!slot->this_statement ||
		   (slot->lxid == SN_MY_LXID && slot->stmt_start == GetCurrentStatementStartTimestamp())) &&
		  !writers_ended(slot)))
	{
		if (slot->cxt && (slot->nsp != nsp || slot->role != role))
		{
			/* another role's: dropped, and its figures start again */
			MemoryContextDelete(slot->cxt);
			memset(slot, 0, sizeof(*slot));
		}
		if (!(slot->cxt && gazetteer_refresh(slot)))
			gazetteer_build(nsp, slot, CacheMemoryContext);
	}
	slot->used = ++use_clock;
	return slot;
}

sn_gz_query *
sn_gz_query_new(Oid nsp, MemoryContext cxt)
{
	sn_gz_query *q = MemoryContextAllocZero(cxt, sizeof(sn_gz_query));

	q->nsp = nsp;
	return q;
}

const sn_gazetteer *
sn_gz_query_gazetteer(sn_gz_query *q, MemoryContext query_cxt)
{
	return gazetteer_get(q->nsp, q, query_cxt)->g;
}

/*
 * The statement trigger on the gazetteer's tables: queue a relcache
 * invalidation of the signal sequence, which every backend's annotate cache
 * listens to (at its own next command, and in other sessions once the change
 * commits).  Not of the table itself: that would also throw away every cached
 * plan over it (the loaders' look-ups, the foreign-key checks), at each
 * statement that changes it, and a load creating places one row at a time
 * would spend half its time planning again.  Should the sequence be missing,
 * the table is invalidated, as it is by DDL and TRUNCATE anyway.
 *
 * A transaction that has changed rows also holds the names lock (see
 * names_lock_tag()) until it ends, and sends the signal's invalidation once
 * more just before it commits (names_xact_callback()).
 */
Datum
annotate_invalidate(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = (TriggerData *) fcinfo->context;
	Oid			signal;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("annotate_invalidate() is a trigger function")));
	signal = get_relname_relid(SIGNAL_RELATION, RelationGetNamespace(trigdata->tg_relation));
	if (OidIsValid(signal))
	{
		if (TransactionIdIsValid(GetTopTransactionIdIfAny()))
		{
			LOCKTAG		tag;

			names_lock_tag(&tag, signal);
			(void) LockAcquire(&tag, RowExclusiveLock, false, false);
			if (!xact_callback_registered)
			{
				RegisterXactCallback(names_xact_callback, NULL);
				xact_callback_registered = true;
			}
			changed_signal = signal;
		}
		CacheInvalidateRelcacheByRelid(signal);
	}
	else
		CacheInvalidateRelcache(trigdata->tg_relation);
	return PointerGetDatum(NULL);
}

/*
 * annotate_gazetteer_info(): the figures of the gazetteer annotate() uses
 * now (this backend's, for the current role), and of every gazetteer this
 * backend keeps.
 */
Datum
annotate_gazetteer_info(PG_FUNCTION_ARGS)
{
	TupleDesc	tupdesc;
	Datum		values[16];
	bool		nulls[16] = {false};
	sn_matcher_stats st;
	gz_cache   *c;
	sn_gz_query *call;
	int64		backend_bytes = 0;
	int			kept = 0;

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "annotate_gazetteer_info: return type must be a row type");
	if (fcinfo->flinfo->fn_extra == NULL)
	{
		fcinfo->flinfo->fn_extra = sn_gz_query_new(get_func_namespace(fcinfo->flinfo->fn_oid),
												   fcinfo->flinfo->fn_mcxt);
	}
	call = (sn_gz_query *) fcinfo->flinfo->fn_extra;
	c = gazetteer_get(call->nsp, call, fcinfo->flinfo->fn_mcxt);
	sn_gazetteer_stats(c->base ? c->base : c->g, &st);
	for (int i = 0; i < CACHE_SLOTS; i++)
		if (caches[i].cxt)
		{
			backend_bytes += (int64) MemoryContextMemAllocated(caches[i].cxt, true);
			kept++;
		}
	values[0] = Int64GetDatum(c->rows);
	values[1] = Int64GetDatum((int64) sn_gazetteer_names(c->base ? c->base : c->g));
	values[2] = Int64GetDatum((int64) st.keys);
	values[3] = Int64GetDatum((int64) st.states);
	values[4] = Int64GetDatum((int64) MemoryContextMemAllocated(c->cxt, true));
	values[5] = Int64GetDatum(c->builds);
	values[6] = Float8GetDatum(c->build_ms);
	values[7] = TimestampTzGetDatum(c->built_at);
	values[8] = BoolGetDatum(c == &call->own);
	values[9] = Int32GetDatum(kept);
	values[10] = Int64GetDatum(backend_bytes);
	values[11] = Int64GetDatum(c->delta_added);
	values[12] = Int64GetDatum(c->delta_removed);
	values[13] = Int64GetDatum(c->delta_cxt ? (int64) MemoryContextMemAllocated(c->delta_cxt, true) : 0);
	values[14] = Int64GetDatum(c->deltas);
	values[15] = Float8GetDatum(c->delta_ms);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
}
