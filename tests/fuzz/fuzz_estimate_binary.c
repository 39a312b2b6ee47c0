/*
 * tests/fuzz/fuzz_estimate_binary.c — estimate's binary receive on arbitrary
 * bytes.
 *
 * Properties checked (FUZZ_BINARY_FORM): decoding never crashes or reads out
 * of bounds; it either gives a normal-form value whose encoding decodes to
 * the same value and is then stable (what send writes, receive reads back
 * unchanged), or fails with SN_ERR_BINARY and a NUL-terminated message
 * starting "invalid binary estimate: ".
 */
#include "estimate.h"
#include "fuzz_binary.h"

static bool
same(const sn_estimate *a, const sn_estimate *b)
{
	return sn_estimate_cmp(a, b) == 0;
}

FUZZ_BINARY_FORM("estimate", sn_estimate, sn_estimate_decode, sn_estimate_encode,
				 sn_estimate_is_valid(v), same,
				 SN_ESTIMATE_BINARY_SIZE, SN_ESTIMATE_BINARY_SIZE, unsigned char)
