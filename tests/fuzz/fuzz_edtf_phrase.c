/*
 * tests/fuzz/fuzz_edtf_phrase.c — the date phrase reader (resolve_date, and
 * annotate's scanner) on arbitrary bytes.
 *
 * The first byte chooses the language and whether there is a reference day;
 * the next two give the reference (days around 2022-08-15); the rest is the
 * text.  Properties: resolve either succeeds or fails with 22007 and a
 * message; the scanner, called at every byte offset as annotate does, never
 * takes more than it is given, whatever it reads is a valid value whose
 * canonical text reads back to it, it reads exactly what the exhaustive
 * scanner (every pattern tried at every word, every word cut the general
 * way, no look-ahead, no shortcut; SIZE_MAX where the grammar compares a
 * word missing from the vocabulary) reads, and where it reads a phrase that begins with a
 * plain word, annotate's word test (sn_date_phrase_word_may_begin) passes
 * that word.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "edtf_phrase.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check_value(const sn_edtf *v)
{
	char		t[SN_EDTF_TEXT_MAX];
	size_t		n = sn_edtf_format(v, t, sizeof(t));
	sn_edtf		w;
	sn_error	err;

	if (n == 0 || n >= sizeof(t) || !sn_edtf_parse(t, n, &w, &err) || memcmp(&w, v, sizeof(w)) != 0)
		abort();
}

static bool
is_letter(unsigned char b)
{
	return (b | 0x20) >= 'a' && (b | 0x20) <= 'z';
}

/* annotate's plain word at i (annotate.c, plain_word_at) passes the word test. */
static void
check_word_test(const char *text, size_t len, size_t i)
{
	char		w[24];
	size_t		k = 0;

	if (i > 0 && is_letter((unsigned char) text[i - 1]))
		return;
	while (i + k < len && is_letter((unsigned char) text[i + k]))
	{
		if (k == sizeof(w) - 1)
			return;
		w[k] = (char) (text[i + k] | 0x20);
		k++;
	}
	if (k == 0 || (i + k < len && ((unsigned char) text[i + k] >= 0x80 || text[i + k] == '\'' ||
								   (text[i + k] >= '0' && text[i + k] <= '9'))))
		return;
	w[k] = '\0';
	if (!sn_date_phrase_word_may_begin(w, k))
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	sn_civil_date ref;
	const sn_civil_date *refp = NULL;
	sn_lang		lang;
	sn_edtf		v;
	sn_error	err;
	char	   *text;
	size_t		len,
				i;

	if (size < 3 || size > 4096)
		return 0;
	lang = (data[0] & 1) ? SN_LANG_FR : SN_LANG_EN;
	if (data[0] & 2)
	{
		int64_t		day = sn_days_from_civil(2022, 8, 15) + ((int) data[1] << 8 | data[2]) - 32768;

		ref = sn_civil_from_days(day);
		refp = &ref;
	}
	len = size - 3;
	text = malloc(len ? len : 1);
	memcpy(text, data + 3, len);

	if (sn_date_phrase_resolve(text, len, refp, lang, &v, &err))
		check_value(&v);
	else if (err.status != SN_ERR_DATETIME_FORMAT || err.message[0] == '\0')
		abort();

	for (i = 0; i < len; i++)
	{
		sn_edtf		w;
		size_t		n,
					m;

		memset(&v, 0, sizeof(v));
		memset(&w, 0, sizeof(w));
		n = sn_date_phrase_scan(text + i, len - i, refp, lang, &v);
		m = sn_date_phrase_scan_exhaustive(text + i, len - i, refp, lang, &w);
		if (n > len - i)
			abort();
		if (n != m || (n && memcmp(&v, &w, sizeof(v)) != 0))
			abort();
		if (n)
		{
			check_value(&v);
			check_word_test(text, len, i);
		}
	}
	free(text);
	return 0;
}
