/*
 * tests/fuzz/fuzz_binary.h — what the binary-form harnesses check alike.
 */
#ifndef FUZZ_BINARY_H
#define FUZZ_BINARY_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sn_error.h"

/*
 * A refused payload: SN_ERR_BINARY, a NUL-terminated message in the one
 * wording of receive errors, "invalid binary <type>: ...".
 */
static inline void
check_binary_refusal(const sn_error *err, const char *type)
{
	char		prefix[64];
	size_t		n;

	n = (size_t) snprintf(prefix, sizeof(prefix), "invalid binary %s: ", type);
	if (err->status != SN_ERR_BINARY ||
		memchr(err->message, '\0', sizeof(err->message)) == NULL ||
		strncmp(err->message, prefix, n) != 0)
		abort();
}

/*
 * The harness of a binary form (LLVMFuzzerTestOneInput) over the core's
 * decode and encode of ctype.  Decoding arbitrary bytes never crashes or
 * reads out of bounds; it either gives a value v for which the expression
 * valid (over the pointer v) holds, whose encoding takes min_len to max_len
 * bytes and decodes to a value same(v, back) as v, that encodes to the same
 * bytes again (what send writes, receive reads back unchanged); or it fails
 * as check_binary_refusal() wants.
 */
#define FUZZ_BINARY_FORM(type_name, ctype, decode, encode, valid, same, min_len, max_len, byte) \
int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size); \
\
int \
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) \
{ \
	ctype		value, \
				back; \
	const ctype *v = &value; \
	sn_error	err; \
	byte		buf[max_len], \
				again[max_len]; \
	size_t		n; \
\
	sn_error_clear(&err); \
	if (!decode((const void *) data, size, &value, &err)) \
	{ \
		check_binary_refusal(&err, type_name); \
		return 0; \
	} \
	if (!(valid)) \
		abort(); \
	n = encode(v, buf); \
	if (n < (min_len) || n > (max_len)) \
		abort(); \
	if (!decode(buf, n, &back, &err) || !same(v, &back)) \
		abort(); \
	if (encode(&back, again) != n || memcmp(buf, again, n) != 0) \
		abort(); \
	return 0; \
}

#endif
