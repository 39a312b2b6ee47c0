/*
 * tests/fuzz/fuzz_loader_fields.c — the loaders' field readers on arbitrary
 * bytes.
 *
 * Properties checked: no reader reads out of bounds; a value lies within the
 * input and has no space at either end; a whole number, a decimal number and a
 * date are also a value (what a reader accepts is never "no value"); a whole
 * number is also a decimal number of the same value (up to 15 digits); a date
 * is a real day of a year 1..9999; and each reader gives the same answer with
 * spaces added around the field.  The row digest (sn_digest.h) of the field
 * is the same fed whole or in two pieces split anywhere, and differs from
 * that of the field split into two fields.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "edtf.h"
#include "loader_fields.h"
#include "sn_digest.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* an exact-size copy, so that ASan catches a read past the end */
	char	   *in = malloc(size ? size : 1);
	char	   *padded = malloc(size + 2);
	size_t		start,
				n,
				s2,
				n2;
	bool		has_value,
				has_int,
				has_float,
				has_date;
	int64_t		iv,
				iv2;
	double		fv,
				fv2;
	int			y,
				m,
				d,
				y2,
				m2,
				d2;

	memcpy(in, data, size);
	padded[0] = ' ';
	memcpy(padded + 1, data, size);
	padded[size + 1] = ' ';

	has_value = sn_field_value(in, size, &start, &n);
	if (has_value)
	{
		if (start + n > size || n == 0 || in[start] == ' ' || in[start + n - 1] == ' ')
			abort();
	}
	has_int = sn_field_int(in, size, &iv);
	has_float = sn_field_float(in, size, &fv);
	has_date = sn_field_date(in, size, &y, &m, &d);
	if ((has_int || has_float || has_date) && !has_value)
		abort();
	if (has_int && has_float && (double) iv != fv && !(iv == 0 && fv == 0))
		abort();
	if (has_date && (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > sn_days_in_month(y, m)))
		abort();

	/* spaces around the field change nothing */
	if (sn_field_value(padded, size + 2, &s2, &n2) != has_value ||
		(has_value && (n2 != n || memcmp(padded + s2, in + start, n) != 0)))
		abort();
	if (sn_field_int(padded, size + 2, &iv2) != has_int || (has_int && iv2 != iv))
		abort();
	if (sn_field_float(padded, size + 2, &fv2) != has_float || (has_float && fv2 != fv))
		abort();
	if (sn_field_date(padded, size + 2, &y2, &m2, &d2) != has_date ||
		(has_date && (y2 != y || m2 != m || d2 != d)))
		abort();
	(void) sn_field_may_be_mojibake(in, size);

	/* the digest: whole or in pieces the same; one field is not two */
	{
		sn_digest	a,
					b;
		unsigned char da[SN_DIGEST_BYTES],
					db[SN_DIGEST_BYTES];
		size_t		cut = size ? (size_t) in[0] % (size + 1) : 0;
		unsigned char len[8];

		sn_digest_init(&a);
		sn_digest_field(&a, in, size);
		sn_digest_final(&a, da);
		sn_digest_init(&b);
		for (int i = 0; i < 8; i++)
			len[i] = (unsigned char) ((uint64_t) (size + 1) >> (8 * i));
		sn_digest_bytes(&b, len, 8);
		sn_digest_bytes(&b, in, cut);
		sn_digest_bytes(&b, in + cut, size - cut);
		sn_digest_final(&b, db);
		if (memcmp(da, db, SN_DIGEST_BYTES) != 0)
			abort();
		sn_digest_init(&b);
		sn_digest_field(&b, in, cut);
		sn_digest_field(&b, in + cut, size - cut);
		sn_digest_final(&b, db);
		if (memcmp(da, db, SN_DIGEST_BYTES) == 0)
			abort();
	}
	free(in);
	free(padded);
	return 0;
}
