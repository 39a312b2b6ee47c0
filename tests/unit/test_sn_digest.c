/*
 * tests/unit/test_sn_digest.c — the 128-bit digest of the loaders' staged
 * rows: fixed values (the same on every platform and in every version that
 * reads events.load_digest), the same digest however the bytes are fed, and
 * different digests for rows that differ in a byte, a field boundary or a
 * NULL.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "sn_digest.h"

static void
hex_of(const sn_digest *d, char out[2 * SN_DIGEST_BYTES + 1])
{
	unsigned char b[SN_DIGEST_BYTES];

	sn_digest_final(d, b);
	for (int i = 0; i < SN_DIGEST_BYTES; i++)
		sprintf(out + 2 * i, "%02x", b[i]);
}

static void
digest_of_fields(const char *const *fields, int n, char out[2 * SN_DIGEST_BYTES + 1])
{
	sn_digest	d;

	sn_digest_init(&d);
	for (int i = 0; i < n; i++)
	{
		if (fields[i] == NULL)
			sn_digest_null(&d);
		else
			sn_digest_field(&d, fields[i], strlen(fields[i]));
	}
	hex_of(&d, out);
}

/*
 * The digest is XXH3's 128-bit hash of the framed bytes: the figures are what
 * `xxhsum -H2` (Debian's xxhash) prints for the same bytes, the row's being
 * each field's length plus one as eight little-endian bytes, then its bytes
 * (eight zero bytes for the NULL).
 */
static void
fixed_values(void **state)
{
	char		h[33];
	sn_digest	d;
	const char *const row[] = {"0.2", "MLI1234", "2022-03-26", NULL, "Gao"};

	(void) state;
	sn_digest_init(&d);
	hex_of(&d, h);
	assert_string_equal(h, "99aa06d3014798d86001c324468d497f");
	sn_digest_bytes(&d, "abc", 3);
	hex_of(&d, h);
	assert_string_equal(h, "06b05ab6733a618578af5f94892f3950");
	digest_of_fields(row, 5, h);
	assert_string_equal(h, "dd0576b28a8abdf9db26307028392ecb");
}

static void
feeding_in_pieces_changes_nothing(void **state)
{
	char		text[300];
	char		whole[33],
				parts[33];

	(void) state;
	for (int i = 0; i < (int) sizeof(text); i++)
		text[i] = (char) (i * 37 + 11);
	for (size_t len = 0; len <= sizeof(text); len += 7)
	{
		sn_digest	d;

		sn_digest_init(&d);
		sn_digest_bytes(&d, text, len);
		hex_of(&d, whole);
		for (size_t cut = 0; cut <= len; cut += 3)
		{
			sn_digest_init(&d);
			sn_digest_bytes(&d, text, cut);
			sn_digest_bytes(&d, text + cut, len - cut);
			hex_of(&d, parts);
			assert_string_equal(whole, parts);
		}
	}
}

static void
rows_that_differ_have_different_digests(void **state)
{
	char		a[33],
				b[33];
	const char *const r1[] = {"ab", "c"};
	const char *const r2[] = {"a", "bc"};
	const char *const r3[] = {"abc", NULL};
	const char *const r4[] = {"abc", ""};
	const char *const r5[] = {"abc"};

	(void) state;
	digest_of_fields(r1, 2, a);
	digest_of_fields(r2, 2, b);
	assert_string_not_equal(a, b);		/* the field boundary counts */
	digest_of_fields(r3, 2, a);
	digest_of_fields(r4, 2, b);
	assert_string_not_equal(a, b);		/* NULL is not the empty text */
	digest_of_fields(r5, 1, b);
	assert_string_not_equal(a, b);		/* a trailing NULL counts */

}

/* every single-bit change of a 64-byte field changes the digest */
static void
every_bit_counts(void **state)
{
	char		a[33];

	(void) state;
	{
		char		f[64];
		char		base[33];

		memset(f, 'x', sizeof(f));
		{
			sn_digest	d;

			sn_digest_init(&d);
			sn_digest_field(&d, f, sizeof(f));
			hex_of(&d, base);
		}
		for (int bit = 0; bit < 8 * (int) sizeof(f); bit++)
		{
			sn_digest	d;

			f[bit / 8] ^= (char) (1 << (bit % 8));
			sn_digest_init(&d);
			sn_digest_field(&d, f, sizeof(f));
			hex_of(&d, a);
			assert_string_not_equal(a, base);
			f[bit / 8] ^= (char) (1 << (bit % 8));
		}
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(fixed_values),
		cmocka_unit_test(feeding_in_pieces_changes_nothing),
		cmocka_unit_test(rows_that_differ_have_different_digests),
		cmocka_unit_test(every_bit_counts),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
