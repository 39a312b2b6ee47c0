/*
 * extension/core/sn_binary.h
 *
 * What the binary forms (send/receive) of the four types share: big-endian
 * integers and doubles, and one wording of errors.  Each type reads and
 * writes its own form in its core file (sn_estimate_decode, sn_edtf_decode,
 * sn_geopoint_decode, sn_country_decode and their _encode), so that unit
 * tests and fuzzers reach them; the glue's *_recv and *_send only move bytes.
 *
 * Every decoding error has status SN_ERR_BINARY (22P03) and a message
 * "invalid binary <type>: <what>", with a detail that describes the form.
 */
#ifndef SN_BINARY_H
#define SN_BINARY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "sn_error.h"

static inline void
sn_put_u64be(unsigned char *p, uint64_t v)
{
	for (int i = 7; i >= 0; i--)
	{
		p[i] = (unsigned char) (v & 0xFF);
		v >>= 8;
	}
}

static inline uint64_t
sn_get_u64be(const unsigned char *p)
{
	uint64_t	v = 0;

	for (int i = 0; i < 8; i++)
		v = (v << 8) | p[i];
	return v;
}

/* A double as PostgreSQL's float8send writes it: its IEEE 754 bits, big-endian. */
static inline void
sn_put_f64be(unsigned char *p, double d)
{
	uint64_t	u;

	memcpy(&u, &d, sizeof(u));
	sn_put_u64be(p, u);
}

static inline double
sn_get_f64be(const unsigned char *p)
{
	uint64_t	u = sn_get_u64be(p);
	double		d;

	memcpy(&d, &u, sizeof(d));
	return d;
}

/*
 * Record a decoding error: "invalid binary <type>: <what>" with the layout of
 * the form as its detail (NULL: none).  Returns false.
 */
extern bool sn_binary_error(sn_error *err, const char *type, const char *layout,
							const char *fmt,...)
			__attribute__((format(printf, 4, 5)));

/*
 * The checks every form starts with: a payload of exactly `want` bytes (at
 * least `want` when at_least), and a known version byte.
 */
extern bool sn_binary_check_length(sn_error *err, const char *type, const char *layout,
								   size_t got, size_t want, bool at_least);
extern bool sn_binary_check_version(sn_error *err, const char *type, const char *layout,
									int got, int want);

/*
 * Report a failure of the type's own validation (out of range, out of
 * order...) as a decoding error: the message of `inner` after the common
 * prefix, its detail kept.  Returns false.
 */
extern bool sn_binary_error_from(sn_error *err, const char *type, const sn_error *inner);

#endif							/* SN_BINARY_H */
