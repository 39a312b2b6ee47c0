/*
 * tests/fuzz/fuzz_matcher.c — the name matcher on arbitrary names and text.
 *
 * Input: names, one per line, then a NUL byte, then the text (without a NUL,
 * the first 64 bytes are names and the rest is text).  Properties checked for
 * every hit: positions inside the text and on character boundaries, the
 * characters around the hit are not word characters, the hit's text
 * normalises exactly like the name it reports, and the character count agrees
 * with the bytes.  Invalid UTF-8 must be refused, never read past.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "matcher.h"
#include "sn_text.h"
#include "fuzz_utf8.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_NAMES 64

typedef struct ctx
{
	const char *text;
	size_t		len;
	const sn_matcher_entry *entries;
} ctx;

/* Is the character that ends just before byte i (or begins at i) a word character? */
static bool
word_char_at(const char *s, size_t len, size_t i)
{
	uint32_t	cp,
				f[SN_FOLD_MAX];
	int			n = sn_utf8_decode(s + i, len - i, &cp);
	int			nf;

	if (n == 0)
		abort();
	nf = sn_fold_char(cp, f);
	return nf > 0 && sn_is_word_char(f[0]);
}

static bool
check_hit(void *arg, const sn_matcher_hit *h)
{
	ctx		   *c = arg;
	static char a[8192],
				b[8192];
	size_t		na,
				nb;

	if (h->start_byte >= h->end_byte || h->end_byte > c->len)
		abort();
	if (((unsigned char) c->text[h->start_byte] & 0xC0) == 0x80)
		abort();
	if (h->end_byte < c->len && ((unsigned char) c->text[h->end_byte] & 0xC0) == 0x80)
		abort();
	if (h->start_char != sn_utf8_char_count(c->text, h->start_byte) ||
		h->end_char - h->start_char != sn_utf8_char_count(c->text + h->start_byte, h->end_byte - h->start_byte))
		abort();
	/* the hit's first and last characters are word characters */
	if (!word_char_at(c->text, c->len, h->start_byte))
		abort();
	/* the characters outside it are not (invisible ones are skipped over) */
	for (size_t i = h->end_byte; i < c->len;)
	{
		uint32_t	cp,
					f[SN_FOLD_MAX];
		int			n = sn_utf8_decode(c->text + i, c->len - i, &cp);

		if (n == 0)
			abort();
		if (sn_fold_char(cp, f) > 0)
		{
			if (sn_is_word_char(f[0]))
				abort();
			break;
		}
		i += n;
	}
	if (h->npayloads == 0)
		abort();
	na = sn_matcher_normalize(c->text + h->start_byte, h->end_byte - h->start_byte, a, sizeof(a));
	for (uint32_t p = 0; p < h->npayloads; p++)
	{
		const sn_matcher_entry *e = &c->entries[h->payloads[p].payload];

		nb = sn_matcher_normalize(e->name, e->len, b, sizeof(b));
		if (na != nb || strcmp(a, b) != 0)
			abort();
	}
	return true;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *in = (const char *) data;
	const char *nul = memchr(in, '\0', size);
	size_t		names_len = nul ? (size_t) (nul - in) : (size < 64 ? size : 64);
	const char *text = nul ? nul + 1 : in + names_len;
	size_t		text_len = size - (size_t) (text - in);
	sn_matcher_entry e[MAX_NAMES];
	size_t		n = 0,
				i = 0;
	sn_error	err;
	sn_matcher *m;
	ctx			c;

	while (i < names_len && n < MAX_NAMES)
	{
		const char *nl = memchr(in + i, '\n', names_len - i);
		size_t		l = nl ? (size_t) (nl - (in + i)) : names_len - i;

		e[n].name = in + i;
		e[n].len = l;
		e[n].payload = n;
		e[n].flags = (l > 0 && in[i] == 'U') ? SN_MATCHER_UPPER : 0;
		n++;
		i += l + 1;
	}
	m = sn_matcher_build(e, n, NULL, &err);
	if (!m)
	{
		/* only invalid UTF-8 in a name may fail */
		if (err.status != SN_ERR_SYNTAX || err.position < 0 || (size_t) err.position >= n)
			abort();
		if (sn_fold_string(e[err.position].name, e[err.position].len, NULL, 0) != (size_t) -1)
			abort();
		return 0;
	}
	c.text = text;
	c.len = text_len;
	c.entries = e;
	if (fuzz_utf8_valid(text, text_len))
	{
		if (!sn_matcher_scan(m, text, text_len, check_hit, &c, &err))
			abort();
	}
	else
	{
		/* hits before the bad byte are checked on the valid prefix */
		size_t		valid = 0;

		while (valid < text_len)
		{
			uint32_t	cp;
			int			used = sn_utf8_decode(text + valid, text_len - valid, &cp);

			if (used == 0)
				break;
			valid += used;
		}
		c.len = valid;
		if (sn_matcher_scan(m, text, text_len, check_hit, &c, &err) ||
			err.status != SN_ERR_SYNTAX || (size_t) err.position != valid)
			abort();
	}
	sn_matcher_free(m);
	return 0;
}
