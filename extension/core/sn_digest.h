/*
 * extension/core/sn_digest.h
 *
 * A fast 128-bit digest of a sequence of fields, for telling whether a
 * staged dataset row is the very row that stored an event before
 * (events.load_digest).  Not cryptographic: it guards against accidental
 * equality only, as the md5 it replaced did in that use.
 *
 * The digest is the same on every platform (the input is read as
 * little-endian 64-bit words whatever the machine's byte order) and depends
 * only on the bytes given, in order: feeding "ab" then "c" gives the digest
 * of feeding "abc".  A row is fed field by field with sn_digest_field and
 * sn_digest_null, which write each field's length (or a null mark) before
 * its bytes, so that no two different rows of fields give the same stream.
 */
#ifndef SN_DIGEST_H
#define SN_DIGEST_H

#include <stddef.h>
#include <stdint.h>

#define SN_DIGEST_BYTES 16

typedef struct sn_digest
{
	uint64_t	h0;
	uint64_t	h1;
	uint64_t	total;			/* bytes fed so far */
	unsigned char buf[8];		/* the bytes of an unfinished word */
	size_t		nbuf;
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
