/*
 * tests/fuzz/fuzz_binary.h — what the binary-form harnesses check alike.
 */
#ifndef FUZZ_BINARY_H
#define FUZZ_BINARY_H

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

#endif
