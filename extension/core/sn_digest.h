/*
 * extension/core/sn_digest.h
 *
 * A fast 128-bit digest of a sequence of fields, for telling whether a
 * staged dataset row is the very row that stored an event before
 * (events.load_digest).  Not cryptographic: it guards against accidental
 * equality only, as the md5 it replaced did in that use.
 *
 * The digest is XXH3's 128-bit hash (Debian's libxxhash) of the bytes fed,
 * in order, written in its canonical big-endian form: the same on every
 * platform, and feeding "ab" then "c" gives the digest of feeding "abc",
 * which is what `xxhsum -H2` prints for "abc".  A row is fed field by field
 * with sn_digest_field and sn_digest_null, which write each field's length
 * (or a null mark) before its bytes, so that no two different rows of fields
 * give the same stream.
 */
#ifndef SN_DIGEST_H
#define SN_DIGEST_H

#include <stddef.h>
#include <stdint.h>

/* the state's layout, so that a digest can live on the stack */
#define XXH_STATIC_LINKING_ONLY
#include <xxhash.h>

#define SN_DIGEST_BYTES 16

typedef struct sn_digest
{
	XXH3_state_t state;
} sn_digest;

extern void sn_digest_init(sn_digest *d);
extern void sn_digest_bytes(sn_digest *d, const void *data, size_t len);

/* one field of a row: its length plus one, then its bytes */
extern void sn_digest_field(sn_digest *d, const char *s, size_t len);

/* one missing field (SQL NULL): a length of zero */
extern void sn_digest_null(sn_digest *d);

/* the digest of what was fed, in out; d is not changed */
extern void sn_digest_final(const sn_digest *d, unsigned char out[SN_DIGEST_BYTES]);

#endif							/* SN_DIGEST_H */
