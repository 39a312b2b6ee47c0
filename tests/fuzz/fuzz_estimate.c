/*
 * tests/fuzz/fuzz_estimate.c — estimate text input on arbitrary bytes.
 *
 * Properties checked: the parser never reads past len (the input is copied
 * to an exactly sized buffer, so ASan sees any overrun); it either accepts
 * a normal-form value or fails with a status and a bounded message; what it
 * accepts formats to canonical text that parses back to the same value and
 * formats identically (text round trip); the packed image round-trips and
 * compares equal to itself.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "estimate.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	   *in = malloc(size ? size : 1);
	sn_estimate e,
				again;
	sn_error	err;
	char		text[SN_ESTIMATE_TEXT_MAX],
				text2[SN_ESTIMATE_TEXT_MAX];
	size_t		n;
	sn_estimate_packed p;

	memcpy(in, data, size);
	if (!sn_estimate_parse(in, size, &e, &err))
	{
		if (err.status == SN_OK || strlen(err.message) >= SN_ERROR_MESSAGE_LEN)
			abort();
		if (err.status != SN_ERR_SYNTAX && err.status != SN_ERR_RANGE)
			abort();
		free(in);
		return 0;
	}
	free(in);
	if (!sn_estimate_is_valid(&e))
		abort();
	n = sn_estimate_format(&e, text);
	if (n == 0 || n >= SN_ESTIMATE_TEXT_MAX || strlen(text) != n)
		abort();
	if (!sn_estimate_parse(text, n, &again, &err))
		abort();
	if (sn_estimate_cmp(&e, &again) != 0)
		abort();
	sn_estimate_format(&again, text2);
	if (strcmp(text, text2) != 0)
		abort();
	sn_estimate_pack(&e, &p);
	sn_estimate_unpack(&p, &again);
	if (sn_estimate_cmp(&e, &again) != 0 || sn_estimate_packed_cmp(&p, &p) != 0)
		abort();
	return 0;
}
