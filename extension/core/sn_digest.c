/*
 * extension/core/sn_digest.c
 *
 * The digest of sn_digest.h: XXH3's 128-bit hash, fed through its streaming
 * state, plus the framing of a row's fields (each field's length before its
 * bytes, a length of zero for NULL).
 */
#include "sn_digest.h"

void
sn_digest_init(sn_digest *d)
{
	/* a state not made by XXH3_createState wants its seed set before a reset */
	XXH3_INITSTATE(&d->state);
	XXH3_128bits_reset(&d->state);
}

void
sn_digest_bytes(sn_digest *d, const void *data, size_t len)
{
	if (len > 0)
		XXH3_128bits_update(&d->state, data, len);
}

/* a field's length as eight little-endian bytes, whatever the machine */
static void
digest_length(sn_digest *d, uint64_t n)
{
	unsigned char b[8];

	for (int i = 0; i < 8; i++)
		b[i] = (unsigned char) (n >> (8 * i));
	sn_digest_bytes(d, b, sizeof(b));
}

void
sn_digest_field(sn_digest *d, const char *s, size_t len)
{
	digest_length(d, (uint64_t) len + 1);
	sn_digest_bytes(d, s, len);
}

void
sn_digest_null(sn_digest *d)
{
	digest_length(d, 0);
}

void
sn_digest_final(const sn_digest *d, unsigned char out[SN_DIGEST_BYTES])
{
	XXH128_canonical_t canonical;

	XXH128_canonicalFromHash(&canonical, XXH3_128bits_digest(&d->state));
	for (int i = 0; i < SN_DIGEST_BYTES; i++)
		out[i] = canonical.digest[i];
}
