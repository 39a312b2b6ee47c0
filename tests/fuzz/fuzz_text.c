/*
 * tests/fuzz/fuzz_text.c — UTF-8 decoding and folding on arbitrary bytes.
 *
 * Properties checked: folding never reads or writes out of bounds, never
 * grows a string beyond three times its length, accepts exactly the inputs
 * that decode as UTF-8, and is idempotent (folding a folded string changes
 * nothing), which the matchers rely on when they fold names and text apart.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sn_text.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *in = (const char *) data;
	size_t		cap = size * SN_FOLD_MAX + 1;
	char	   *once = malloc(cap);
	char	   *twice = malloc(cap);
	size_t		n1,
				n2,
				i = 0;
	bool		valid = true;

	while (i < size)
	{
		uint32_t	cp;
		int			used = sn_utf8_decode(in + i, size - i, &cp);

		if (used == 0)
		{
			valid = false;
			break;
		}
		i += used;
	}

	n1 = sn_fold_string(in, size, once, cap);
	if (!valid)
	{
		if (n1 != (size_t) -1)
			abort();
	}
	else
	{
		if (n1 == (size_t) -1 || n1 >= cap)
			abort();
		n2 = sn_fold_string(once, n1, twice, cap);
		if (n2 != n1 || memcmp(once, twice, n1) != 0)
			abort();
	}
	free(once);
	free(twice);
	return 0;
}
