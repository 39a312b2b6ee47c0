/*
 * tests/fuzz/fuzz_estimate_phrase.c — parse_estimate and the phrase scanner
 * on arbitrary bytes.  The first byte chooses the language (even: English,
 * odd: French); the rest is the phrase, copied to an exactly sized buffer
 * so that ASan sees any read past its end.
 *
 * Properties checked: parse either fails with a syntax or range status and a
 * bounded message, or gives a normal-form value whose canonical text parses
 * back to it; scan consumes at most len bytes, never trailing nouns, and
 * whatever it consumes parses (as a whole phrase) to the same value.  And
 * the shortcuts change nothing: parse_estimate gives the same value or the
 * same error as the exhaustive reader (every alternative of the grammar
 * tried), and the scanner, at every byte offset as annotate calls it, reads
 * what the exhaustive scanner (no quick test, every alternative) reads.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "estimate_phrase.h"
#include "../unit/phrase_same.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* parse_estimate and its exhaustive yardstick agree on in[0..len) */
static void
check_parse_as_exhaustive(const char *in, size_t len, sn_lang lang)
{
	sn_estimate a,
				b;
	sn_phrase_info ia,
				ib;
	sn_error	ea,
				eb;
	bool		pa,
				pb;

	memset(&ia, 0, sizeof(ia));
	memset(&ib, 0, sizeof(ib));
	sn_error_clear(&ea);
	sn_error_clear(&eb);
	pa = sn_estimate_phrase_parse(in, len, lang, &a, &ia, &ea);
	pb = sn_estimate_phrase_parse_exhaustive(in, len, lang, &b, &ib, &eb);
	if (pa != pb)
		abort();
	if (pa && (!same_estimate(&a, &b) || !same_info(&ia, &ib)))
		abort();
	if (!pa && (ea.status != eb.status || ea.position != eb.position ||
				strcmp(ea.message, eb.message) != 0 || strcmp(ea.detail, eb.detail) != 0 ||
				strcmp(ea.hint, eb.hint) != 0))
		abort();
}

/* the scanner and its exhaustive yardstick agree at every byte offset */
static void
check_scan_as_exhaustive(const char *in, size_t len, sn_lang lang)
{
	for (size_t i = 0; i < len; i++)
	{
		sn_estimate a,
					b;
		sn_phrase_info ia,
					ib;
		size_t		n,
					m;

		memset(&ia, 0, sizeof(ia));
		memset(&ib, 0, sizeof(ib));
		n = sn_estimate_phrase_scan(in + i, len - i, lang, &a, &ia);
		m = sn_estimate_phrase_scan_exhaustive(in + i, len - i, lang, &b, &ib);
		if (n != m || (n > 0 && (!same_estimate(&a, &b) || !same_info(&ia, &ib))))
			abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	sn_lang		lang;
	char	   *in;
	size_t		len,
				n;
	sn_estimate e,
				again;
	sn_error	err;
	sn_phrase_info info;
	char		text[SN_ESTIMATE_TEXT_MAX];

	if (size == 0)
		return 0;
	lang = (data[0] & 1) ? SN_LANG_FR : SN_LANG_EN;
	len = size - 1;
	in = malloc(len ? len : 1);
	memcpy(in, data + 1, len);

	if (sn_estimate_phrase_parse(in, len, lang, &e, &info, &err))
	{
		if (!sn_estimate_is_valid(&e))
			abort();
		sn_estimate_format(&e, text);
		if (!sn_estimate_parse(text, strlen(text), &again, &err) ||
			sn_estimate_cmp(&e, &again) != 0)
			abort();
		if (info.nouns_consumed && (info.nouns_start == 0 || info.nouns_start >= len))
			abort();
		/* the scanner's quick test never turns away a phrase the grammar reads */
		if (!sn_estimate_phrase_may_begin(in, len, lang))
			abort();
	}
	else if ((err.status != SN_ERR_SYNTAX && err.status != SN_ERR_RANGE) ||
			 strlen(err.message) >= SN_ERROR_MESSAGE_LEN)
		abort();

	n = sn_estimate_phrase_scan(in, len, lang, &e, &info);
	if (n > len)
		abort();
	if (n > 0)
	{
		char	   *head = malloc(n);

		if (!sn_estimate_is_valid(&e) || info.nouns_consumed)
			abort();
		memcpy(head, in, n);
		if (!sn_estimate_phrase_parse(head, n, lang, &again, NULL, &err) ||
			sn_estimate_cmp(&e, &again) != 0)
			abort();
		free(head);
	}
	check_parse_as_exhaustive(in, len, lang);
	check_scan_as_exhaustive(in, len, lang);
	free(in);
	return 0;
}
