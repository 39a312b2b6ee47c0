/*
 * tests/fuzz/fuzz_edtf_binary.c — edtf's binary receive on arbitrary bytes.
 *
 * Properties checked: decoding never crashes or reads out of bounds; it either
 * gives a value whose encoding (version byte and canonical text) decodes to
 * the same value and encodes to the same bytes again, or fails with
 * SN_ERR_BINARY and a NUL-terminated message starting "invalid binary edtf: ".
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "edtf.h"
#include "fuzz_binary.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	sn_edtf		v,
				back;
	sn_error	err;
	char		buf[SN_EDTF_BINARY_MAX],
				again[SN_EDTF_BINARY_MAX];
	size_t		n,
				m;

	sn_error_clear(&err);
	if (sn_edtf_decode((const char *) data, size, &v, &err))
	{
		n = sn_edtf_encode(&v, buf);
		if (n < 2 || n > sizeof(buf))
			abort();
		if (!sn_edtf_decode(buf, n, &back, &err) || sn_edtf_cmp(&v, &back) != 0)
			abort();
		m = sn_edtf_encode(&back, again);
		if (m != n || memcmp(buf, again, n) != 0)
			abort();
	}
	else
		check_binary_refusal(&err, "edtf");
	return 0;
}
