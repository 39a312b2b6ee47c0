/*
 * tests/fuzz/fuzz_country.c — the country text input on arbitrary bytes.
 *
 * Properties checked: reading never crashes or reads out of bounds; it either
 * succeeds with a value of the table whose alpha-3 code and names read back
 * as the same country, or fails with one of the documented statuses and a
 * NUL-terminated message (and the same answer without an error record); an
 * ambiguous answer has at least two candidates;
 * the name key honours its buffer size and agrees with itself on a smaller
 * buffer (snprintf semantics); the per-scheme code readers agree with the
 * table.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "country.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *in = (const char *) data;
	sn_country	c = SN_COUNTRY_INVALID;
	sn_error	err;
	sn_country	cand[SN_COUNTRY_MAX_CANDIDATES];
	char		key[64],
				small[5];
	size_t		k1,
				k2;
	int			n;

	sn_error_clear(&err);
	if (sn_country_parse(in, size, &c, &err))
	{
		const sn_country_info *info = sn_country_info_of(c);
		sn_country again;

		if (info == NULL || err.status != SN_OK)
			abort();
		if (!sn_country_parse(info->iso3, 3, &again, &err) || again != c)
			abort();
		if (!sn_country_parse(info->name_en, strlen(info->name_en), &again, &err) || again != c)
			abort();
	}
	else
	{
		if (err.status != SN_ERR_SYNTAX && err.status != SN_ERR_NOT_FOUND &&
			err.status != SN_ERR_AMBIGUOUS)
			abort();
		if (memchr(err.message, '\0', sizeof(err.message)) == NULL || err.message[0] == '\0')
			abort();
		if (memchr(err.hint, '\0', sizeof(err.hint)) == NULL)
			abort();
		if (c != SN_COUNTRY_INVALID)
			abort();
	}

	/* without an error record the answer is the same */
	{
		sn_country	quiet = SN_COUNTRY_INVALID;
		bool		ok = sn_country_parse(in, size, &quiet, NULL);

		if (ok != (c != SN_COUNTRY_INVALID) || (ok && quiet != c))
			abort();
	}

	n = sn_country_match_name(in, size, cand, SN_COUNTRY_MAX_CANDIDATES);
	if (n < 0 || n > SN_COUNTRY_MAX_CANDIDATES)
		abort();
	for (int i = 0; i < n; i++)
		if (!sn_country_is_valid(cand[i]))
			abort();
	/* an ambiguous name has several candidates (as parse reads it: trimmed) */
	if (err.status == SN_ERR_AMBIGUOUS)
	{
		const char *t = in;
		size_t		tl = size;

		while (tl > 0 && (*t == ' ' || *t == '\t' || *t == '\n' || *t == '\r'))
			t++, tl--;
		while (tl > 0 && (t[tl - 1] == ' ' || t[tl - 1] == '\t' || t[tl - 1] == '\n' ||
						  t[tl - 1] == '\r'))
			tl--;
		if (sn_country_match_name(t, tl, cand, SN_COUNTRY_MAX_CANDIDATES) < 2)
			abort();
	}

	k1 = sn_country_name_key(in, size, key, sizeof(key));
	k2 = sn_country_name_key(in, size, small, sizeof(small));
	if (k1 != k2)
		abort();
	if (k1 != (size_t) -1)
	{
		if (strlen(key) != (k1 < sizeof(key) ? k1 : sizeof(key) - 1))
			abort();
		if (strncmp(key, small, sizeof(small) - 1) != 0)
			abort();
	}

	if (size <= 8)
	{
		sn_country f;

		sn_error_clear(&err);
		if (sn_country_from_code(SN_COUNTRY_SCHEME_FIPS, in, size, &f, &err))
		{
			const sn_country_info *info = sn_country_info_of(f);

			if (!info || (!info->fips && !info->fips_alt))
				abort();
		}
	}
	return 0;
}
