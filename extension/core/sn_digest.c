/*
 * extension/core/sn_digest.c
 *
 * The 128-bit digest of sn_digest.h.  Two accumulators read the same 64-bit
 * words, each with its own odd multipliers and rotation (a multiply spreads
 * a word's low bits upward, the rotation brings the high bits back down, a
 * second multiply mixes them again), so that a pair of inputs that collides
 * in one accumulator still differs in the other.  The end mixes in the
 * length and the unfinished word, then each accumulator goes through a
 * xor-shift-multiply finaliser (every input bit moves about half the output
 * bits) and the two are folded into each other.
 */
#include "sn_digest.h"

#include <string.h>

/* odd constants: the fractional parts of the golden ratio, sqrt 2, sqrt 3, e and pi */
#define K0 UINT64_C(0x9E3779B97F4A7C15)
#define K1 UINT64_C(0x6A09E667F3BCC909)
#define K2 UINT64_C(0xBB67AE8584CAA73B)
#define K3 UINT64_C(0xB7E151628AED2A6B)
#define K4 UINT64_C(0x243F6A8885A308D3)

static inline uint64_t
rotl64(uint64_t x, int r)
{
	return (x << r) | (x >> (64 - r));
}

static inline uint64_t
load_le64(const unsigned char *p)
{
	return (uint64_t) p[0] | ((uint64_t) p[1] << 8) | ((uint64_t) p[2] << 16) | ((uint64_t) p[3] << 24) |
		((uint64_t) p[4] << 32) | ((uint64_t) p[5] << 40) | ((uint64_t) p[6] << 48) | ((uint64_t) p[7] << 56);
}

static inline void
store_le64(unsigned char *p, uint64_t v)
{
	for (int i = 0; i < 8; i++)
		p[i] = (unsigned char) (v >> (8 * i));
}

static inline void
digest_word(sn_digest *d, uint64_t w)
{
	d->h0 = rotl64(d->h0 + w * K1, 31) * K0;
	d->h1 = rotl64(d->h1 ^ (w * K3), 27) * K2 + K4;
}

/* xor-shift-multiply finaliser */
static inline uint64_t
finish64(uint64_t x)
{
	x ^= x >> 33;
	x *= UINT64_C(0xFF51AFD7ED558CCD);
	x ^= x >> 33;
	x *= UINT64_C(0xC4CEB9FE1A85EC53);
	x ^= x >> 33;
	return x;
}

void
sn_digest_init(sn_digest *d)
{
	d->h0 = K4;
	d->h1 = K3 ^ K0;
	d->total = 0;
	d->nbuf = 0;
}

void
sn_digest_bytes(sn_digest *d, const void *data, size_t len)
{
	const unsigned char *p = data;

	d->total += len;
	if (d->nbuf > 0)
	{
		size_t		take = 8 - d->nbuf;

		if (take > len)
			take = len;
		memcpy(d->buf + d->nbuf, p, take);
		d->nbuf += take;
		p += take;
		len -= take;
		if (d->nbuf < 8)
			return;
		digest_word(d, load_le64(d->buf));
		d->nbuf = 0;
	}
	for (; len >= 8; p += 8, len -= 8)
		digest_word(d, load_le64(p));
	if (len > 0)
	{
		memcpy(d->buf, p, len);
		d->nbuf = len;
	}
}

static void
digest_length(sn_digest *d, uint64_t n)
{
	unsigned char b[8];

	store_le64(b, n);
	sn_digest_bytes(d, b, 8);
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
	sn_digest	e = *d;
	unsigned char last[8] = {0};
	uint64_t	a,
				b;

	/* the unfinished word, zero-padded (the length below tells its size) */
	memcpy(last, e.buf, e.nbuf);
	digest_word(&e, load_le64(last));
	digest_word(&e, e.total);
	/* each step is invertible: no two accumulator states give one digest */
	a = e.h0 ^ rotl64(e.h1, 17);
	b = e.h1 + a * K1;
	a = finish64(a);
	b = finish64(b);
	a += b;
	b ^= rotl64(a, 23);
	store_le64(out, a);
	store_le64(out + 8, b);
}
