/*
 * tests/fuzz/fuzz_estimate_binary.c — estimate's binary receive on arbitrary
 * bytes.
 *
 * Properties checked: decoding never crashes or reads out of bounds; it either
 * gives a normal-form value whose encoding decodes to the same value and is
 * then stable (what send writes, receive reads back unchanged), or fails with
 * SN_ERR_BINARY and a NUL-terminated message starting "invalid binary
 * estimate: ".
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "estimate.h"
#include "fuzz_binary.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	sn_estimate e,
				back;
	sn_error	err;
	unsigned char buf[SN_ESTIMATE_BINARY_SIZE],
				again[SN_ESTIMATE_BINARY_SIZE];

	sn_error_clear(&err);
	if (sn_estimate_decode(data, size, &e, &err))
	{
		if (!sn_estimate_is_valid(&e))
			abort();
		sn_estimate_encode(&e, buf);
		if (!sn_estimate_decode(buf, sizeof(buf), &back, &err) || sn_estimate_cmp(&e, &back) != 0)
			abort();
		sn_estimate_encode(&back, again);
		if (memcmp(buf, again, sizeof(buf)) != 0)
			abort();
	}
	else
		check_binary_refusal(&err, "estimate");
	return 0;
}
