/*
 * extension/core/sn_words.c
 *
 * The words of a text; see sn_words.h.
 */
#include "sn_words.h"

#include <string.h>

#include "matcher.h"
#include "sn_text.h"

/* Bytes by what they are to a word: most of a text is ASCII */
#define B_GAP 0
#define B_LETTER 1
#define B_DIGIT 2
#define B_NUL 4					/* invisible to annotate, a gap to the matcher */
#define B_HIGH 8				/* beyond ASCII: decoded and folded to tell */
#define B_WORD (B_LETTER | B_DIGIT)

static const unsigned char byte_class[256] = {
	[0] = B_NUL,
	['0' ... '9'] = B_DIGIT,
	['A' ... 'Z'] = B_LETTER,
	['a' ... 'z'] = B_LETTER,
	[0x80 ... 0xFF] = B_HIGH
};

#define PROGRESS_EVERY ((size_t) 1 << 20)

bool
sn_words_bad_utf8(sn_error *err, size_t i)
{
	return sn_error_set(err, SN_ERR_SYNTAX, (int) (i > INT32_MAX ? INT32_MAX : i),
						"invalid UTF-8 byte sequence at byte %zu", i);
}

void
sn_words_begin(sn_word_reader *r, const char *text, size_t len)
{
	memset(r, 0, sizeof(*r));
	r->text = text;
	r->len = len;
	r->gap_only_invisible = true;
}

/*
 * The character beyond ASCII at text[i]: its byte length (0: invalid
 * UTF-8), and in *cls B_LETTER for a word character, B_NUL for one that
 * folding drops, else B_GAP.
 */
static int
high_class(const char *text, size_t len, size_t i, int *cls)
{
	uint32_t	cp,
				f[SN_FOLD_MAX];
	int			nf,
				nb = sn_decode_fold(text + i, len - i, &cp, f, &nf);

	if (nb > 0)
		*cls = nf == 0 ? B_NUL : sn_is_word_char(f[0]) ? B_LETTER : B_GAP;
	return nb;
}

/*
 * The rest of a word from text[i] (character ci) on, where a character
 * beyond ASCII comes: letters of any script and invisible characters
 * between word characters.  Returns the end of the word (just after its last
 * word character) and sets *end_char.
 */
static size_t
read_word_beyond_ascii(const char *text, size_t len, size_t i, size_t ci, size_t *end_char)
{
	const unsigned char *t = (const unsigned char *) text;
	size_t		end = i,
				echar = ci;

	while (i < len)
	{
		int			cls = byte_class[t[i]],
					nb = 1;

		if (cls == B_HIGH && (nb = high_class(text, len, i, &cls)) == 0)
			break;
		if (cls & B_WORD)
		{
			i += nb;
			ci++;
			end = i;
			echar = ci;
		}
		else if (cls == B_NUL && t[i] != 0)
		{
			/* dropped by folding: the word goes on if a word character follows */
			i += nb;
			ci++;
		}
		else
			break;
	}
	*end_char = echar;
	return end;
}

size_t
sn_words_next(sn_word_reader *r, sn_word *out, size_t max)
{
	const char *text = r->text;
	const unsigned char *t = (const unsigned char *) text;
	size_t		len = r->len,
				i = r->byte,
				ci = r->chr,
				n = 0;
	bool		only_invisible = r->gap_only_invisible,
				any_word = r->any_word;

	while (n < max && i < len)
	{
		int			cls = byte_class[t[i]],
					nb = 1;
		unsigned	seen;
		size_t		start;
		sn_word    *w;

		if (cls == B_HIGH && (nb = high_class(text, len, i, &cls)) == 0)
		{
			r->bad = true;
			r->bad_byte = i;
			break;
		}
		if (!(cls & B_WORD))
		{
			if (cls == B_GAP)
				only_invisible = false;
			i += nb;
			ci++;
			continue;
		}
		w = &out[n++];
		w->start_byte = start = i;
		w->start_char = ci;
		w->flags = (any_word && only_invisible ? SN_WORD_JOINED : 0) |
			(cls == B_DIGIT ? SN_WORD_DIGIT : 0);
		any_word = only_invisible = true;
		/* what the word's characters were: B_HIGH for any beyond ASCII */
		seen = nb > 1 ? B_HIGH : (unsigned) cls;
		i += nb;
		ci++;
		/* ASCII letters and digits, most words whole */
		while (i < len && (byte_class[t[i]] & B_WORD))
			seen |= byte_class[t[i++]];
		ci += i - start - nb;
		if (i < len && byte_class[t[i]] == B_HIGH)
		{
			size_t		end = read_word_beyond_ascii(text, len, i, ci, &ci);

			if (end > i)
				seen |= B_HIGH;
			i = end;
		}
		else if (seen == B_LETTER &&
				 (i >= len || (t[i] != '\'' && !(byte_class[t[i]] & (B_HIGH | B_WORD)))))
			w->flags |= SN_WORD_PLAIN;
		w->end_byte = i;
		w->end_char = ci;
	}
	r->byte = i;
	r->chr = ci;
	r->gap_only_invisible = only_invisible;
	r->any_word = any_word;
	return n;
}

bool
sn_words_read(const char *text, size_t len, const sn_allocator *a,
			  void (*progress) (void *), void *progress_arg, sn_words *w, sn_error *err)
{
	sn_word_reader r;
	size_t		next_progress = progress ? PROGRESS_EVERY : SIZE_MAX;

	sn_error_clear(err);
	if (a == NULL)
		a = &sn_malloc_allocator;
	sn_words_begin(&r, text, len);
	for (;;)
	{
		size_t		got;

		if (w->cap - w->n < 256)
		{
			/* room for a word in six bytes of text (a report's usual), at least 256 more */
			size_t		ncap = w->cap ? w->cap * 2 : (len / 6 > 256 ? len / 6 + 256 : 512);
			sn_word    *items = a->alloc(a->ctx, ncap * sizeof(sn_word));

			if (items == NULL)
				return sn_error_set(err, SN_ERR_INVALID_PARAMETER, -1,
									"out of memory while reading the words of a text");
			if (w->items)
			{
				memcpy(items, w->items, w->n * sizeof(sn_word));
				a->free(a->ctx, w->items);
			}
			w->items = items;
			w->cap = ncap;
		}
		got = sn_words_next(&r, w->items + w->n, w->cap - w->n);
		w->n += got;
		if (r.bad)
			return sn_words_bad_utf8(err, r.bad_byte);
		if (got == 0)
			return true;
		if (r.byte >= next_progress)
		{
			progress(progress_arg);
			next_progress = r.byte + PROGRESS_EVERY;
		}
	}
}

void
sn_words_free(const sn_allocator *a, sn_words *w)
{
	if (a == NULL)
		a = &sn_malloc_allocator;
	sn_free(a, w->items);
	w->items = NULL;
	w->n = w->cap = 0;
}
