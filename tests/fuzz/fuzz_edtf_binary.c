/*
 * tests/fuzz/fuzz_edtf_binary.c — edtf's binary receive on arbitrary bytes.
 *
 * Properties checked (FUZZ_BINARY_FORM): decoding never crashes or reads out
 * of bounds; it either gives a value whose encoding (version byte and
 * canonical text) decodes to the same value and encodes to the same bytes
 * again, or fails with SN_ERR_BINARY and a NUL-terminated message starting
 * "invalid binary edtf: ".
 */
#include "edtf.h"
#include "fuzz_binary.h"

static bool
same(const sn_edtf *a, const sn_edtf *b)
{
	return sn_edtf_cmp(a, b) == 0;
}

/* a version byte and at least one character of text */
FUZZ_BINARY_FORM("edtf", sn_edtf, sn_edtf_decode, sn_edtf_encode, true, same,
				 2, SN_EDTF_BINARY_MAX, char)
