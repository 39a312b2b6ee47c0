/*
 * tests/fuzz/fuzz_edtf.c — edtf text input on arbitrary bytes.
 *
 * Properties checked on every input: parsing never reads past the input
 * (libFuzzer's buffer has no NUL: we copy it exactly) and either fails with
 * a date status and a message that has a detail, or yields a value whose
 * canonical text reads back to the same value and the same text; the
 * stored form unpacks (checked) to the same value; the bounds are ordered;
 * the value equals itself under the total order; level and precision are
 * defined.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "edtf.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	sn_edtf		v,
				w,
				u;
	sn_edtf_packed p;
	sn_error	err;
	char		t1[SN_EDTF_TEXT_MAX],
				t2[SN_EDTF_TEXT_MAX];
	size_t		n;
	char	   *copy = malloc(size ? size : 1);

	memcpy(copy, data, size);
	if (!sn_edtf_parse(copy, size, &v, &err))
	{
		if ((err.status != SN_ERR_DATETIME_FORMAT && err.status != SN_ERR_DATETIME_RANGE) ||
			err.message[0] == '\0' || err.detail[0] == '\0')
			abort();
		free(copy);
		return 0;
	}
	n = sn_edtf_format(&v, t1, sizeof(t1));
	if (n == 0 || n >= sizeof(t1))
		abort();
	if (!sn_edtf_parse(t1, n, &w, &err))
		abort();
	sn_edtf_format(&w, t2, sizeof(t2));
	if (strcmp(t1, t2) != 0 || memcmp(&v, &w, sizeof(v)) != 0)
		abort();
	sn_edtf_pack(&v, &p);
	if (!sn_edtf_unpack_checked(&p, &u, &err) || memcmp(&u, &v, sizeof(v)) != 0)
		abort();
	if (v.lower > v.upper)
		abort();
	if (sn_edtf_cmp(&v, &w) != 0 || sn_edtf_packed_cmp(&p, &p) != 0)
		abort();
	if (sn_edtf_level(&v) < 0 || sn_edtf_level(&v) > 2 || sn_edtf_precision(&v) == NULL)
		abort();
	free(copy);
	return 0;
}
