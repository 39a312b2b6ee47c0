/*
 * tests/fuzz/fuzz_text.c — UTF-8 decoding and folding on arbitrary bytes.
 *
 * Properties checked: folding never reads or writes out of bounds, never
 * grows a string beyond three times its length, accepts exactly the inputs
 * that decode as UTF-8, and is idempotent (folding a folded string changes
 * nothing), which the matchers rely on when they fold names and text apart.
 * The name key (sn_name_key) accepts the same inputs, is no longer than three
 * times its input, is idempotent, is the same for the folded input, and holds
 * no apostrophe, no ASCII capital, and no space at either end or twice in a row.
 * The admin name key (sn_admin_name_key) accepts the same inputs and keeps to
 * the same bounds, and holds no ASCII capital nor a space at either end.
 * The words of the input (sn_words_read) are read exactly when it is valid,
 * in order, each on character boundaries with character offsets that count
 * the characters before it, and the same when read three at a time.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "matcher.h"
#include "sn_text.h"
#include "sn_words.h"
#include "fuzz_utf8.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The words of the input: as many as its validity says, in order, offsets consistent */
static void
check_words(const char *in, size_t size, bool valid)
{
	sn_words	w = {0};
	sn_error	err;
	sn_word_reader r;
	sn_word		few[3];
	size_t		k = 0,
				got;

	if (sn_words_read(in, size, NULL, NULL, NULL, &w, &err) != valid)
		abort();
	for (size_t j = 0; valid && j < w.n; j++)
	{
		const sn_word *x = &w.items[j];

		if (x->start_byte >= x->end_byte || x->end_byte > size ||
			(j > 0 && x->start_byte <= w.items[j - 1].end_byte) ||
			((unsigned char) in[x->start_byte] & 0xC0) == 0x80 ||
			(x->end_byte < size && ((unsigned char) in[x->end_byte] & 0xC0) == 0x80) ||
			x->start_char != sn_utf8_char_count(in, x->start_byte) ||
			x->end_char != x->start_char + sn_utf8_char_count(in + x->start_byte, x->end_byte - x->start_byte))
			abort();
	}
	sn_words_begin(&r, in, size);
	while ((got = sn_words_next(&r, few, 3)) > 0)
		for (size_t j = 0; j < got; j++, k++)
			if (k >= w.n || few[j].start_byte != w.items[k].start_byte ||
				few[j].end_char != w.items[k].end_char || few[j].flags != w.items[k].flags)
				abort();
	if (r.bad == valid || (valid && k != w.n))
		abort();
	sn_words_free(NULL, &w);
}

/*
 * A rewriting of the input (fold, name key) that returned n for a buffer of
 * cap bytes: refused ((size_t) -1) exactly when the input is not UTF-8, and
 * fitting when it is not.  Whether it wrote something to check further.
 */
static bool
written(size_t n, bool valid, size_t cap)
{
	if (!valid)
	{
		if (n != (size_t) -1)
			abort();
		return false;
	}
	if (n == (size_t) -1 || n >= cap)
		abort();
	return true;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *in = (const char *) data;
	size_t		cap = size * SN_FOLD_MAX + 1;
	char	   *once = malloc(cap);
	char	   *twice = malloc(cap);
	char	   *k1 = malloc(cap);
	char	   *k2 = malloc(cap);
	size_t		kn1,
				kn2;
	size_t		n1,
				n2;
	bool		valid = fuzz_utf8_valid(in, size);

	check_words(in, size, valid);
	n1 = sn_fold_string(in, size, once, cap);
	if (written(n1, valid, cap))
	{
		n2 = sn_fold_string(once, n1, twice, cap);
		if (n2 != n1 || memcmp(once, twice, n1) != 0)
			abort();
	}
	kn1 = sn_name_key(in, size, k1, cap);
	if (written(kn1, valid, cap))
	{
		for (size_t j = 0; j < kn1; j++)
			if (k1[j] == '\'' || (k1[j] >= 'A' && k1[j] <= 'Z') ||
				(k1[j] == ' ' && (j == 0 || j + 1 == kn1 || k1[j + 1] == ' ')))
				abort();
		kn2 = sn_name_key(k1, kn1, k2, cap);
		if (kn2 != kn1 || memcmp(k1, k2, kn1) != 0)
			abort();
		kn2 = sn_name_key(once, n1, k2, cap);
		if (kn2 != kn1 || memcmp(k1, k2, kn1) != 0)
			abort();
	}
	kn2 = sn_admin_name_key(in, size, k2, cap);
	if (written(kn2, valid, cap))
	{
		if (strlen(k2) != kn2)
			abort();
		for (size_t j = 0; j < kn2; j++)
			if ((k2[j] >= 'A' && k2[j] <= 'Z') || (k2[j] == ' ' && (j == 0 || j + 1 == kn2)))
				abort();
	}
	free(k1);
	free(k2);
	free(once);
	free(twice);
	return 0;
}
