/*
 * tests/fuzz/fuzz_event_text.c — the content words of an event's description
 * (extension/core/event_text.c) on arbitrary bytes.
 *
 * The input is split in two at a point its first byte chooses: a text and
 * the text whose words are left out of it.  Properties checked: at most
 * SN_TEXT_MAX_WORDS words, sorted and distinct; a list shares all of itself
 * with itself and nothing with an empty one; the listed shared words of the
 * text with its own words are at most that many, fit the buffer, are
 * separated by single spaces and each is one of the text's content words;
 * a buffer too small for one word yields an empty, terminated list.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "event_text.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint64_t	words[SN_TEXT_MAX_WORDS];
	uint64_t	one[SN_TEXT_MAX_WORDS];
	char		list[512];
	char		tiny[4];
	const char *text,
			   *exclude;
	size_t		split,
				n,
				listed,
				len;

	if (size == 0)
		return 0;
	split = 1 + (size > 1 ? data[0] % size : 0);
	text = (const char *) data + 1;
	len = split - 1;
	exclude = (const char *) data + split;
	n = sn_text_words(text, len, exclude, size - split, words);
	if (n > SN_TEXT_MAX_WORDS)
		abort();
	for (size_t i = 1; i < n; i++)
		if (words[i - 1] >= words[i])
			abort();
	if (sn_text_shared(words, n, words, n) != n || sn_text_shared(words, n, words, 0) != 0)
		abort();

	listed = sn_text_shared_list(text, len, exclude, size - split, words, n, NULL, 0, list, sizeof(list));
	if (listed > n || strlen(list) >= sizeof(list))
		abort();
	if (listed == 0 && list[0] != '\0')
		abort();
	/* each listed word, read again alone, is one of the text's words */
	for (char *w = list; *w;)
	{
		char	   *sp = strchr(w, ' ');
		size_t		wl = sp ? (size_t) (sp - w) : strlen(w);

		if (wl == 0 || (sp && sp[1] == ' '))
			abort();
		if (sn_text_words(w, wl, NULL, 0, one) != 1 || sn_text_shared(one, 1, words, n) != 1)
			abort();
		w += wl + (sp ? 1 : 0);
	}
	if (sn_text_shared_list(text, len, exclude, size - split, words, n, NULL, 0, tiny, 1) != 0 || tiny[0] != '\0')
		abort();
	return 0;
}
