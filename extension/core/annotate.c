/*
 * extension/core/annotate.c
 *
 * Names from the gazetteer, quantities and dates from the phrase readers,
 * merged into one list of mentions; see annotate.h.
 */
#include "annotate.h"

#include <string.h>

#define PROGRESS_EVERY ((size_t) 1 << 20)

static bool
an_oom(sn_error *err)
{
	return sn_error_set(err, SN_ERR_INVALID_PARAMETER, -1,
						"out of memory while annotating the text");
}

static bool
an_grow(const sn_allocator *a, sn_mentions *m, size_t need)
{
	size_t		ncap = m->cap ? m->cap : 64;
	sn_mention *n;

	if (need <= m->cap)
		return true;
	while (ncap < need)
		ncap *= 2;
	n = a->alloc(a->ctx, ncap * sizeof(sn_mention));
	if (!n)
		return false;
	if (m->items)
	{
		memcpy(n, m->items, m->n * sizeof(sn_mention));
		a->free(a->ctx, m->items);
	}
	m->items = n;
	m->cap = ncap;
	return true;
}

static size_t
count_chars(const char *s, size_t n)
{
	size_t		c = 0;

	for (size_t i = 0; i < n; i++)
		c += (((unsigned char) s[i] & 0xC0) != 0x80);
	return c;
}

/* The character at byte i, folded (0 for characters that folding drops). */
static uint32_t
folded_at(const char *text, size_t len, size_t i, int *nb)
{
	uint32_t	cp,
				f[SN_FOLD_MAX];
	int			n = sn_utf8_decode(text + i, len - i, &cp);

	*nb = n;
	if (n == 0)
		return 0;
	if (cp < 0x80)
		return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
	return sn_fold_char(cp, f) > 0 ? f[0] : 0;
}

static inline bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static inline bool
is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Does text[i..] begin with word w (ASCII, case-insensitive), not followed by a letter? */
static bool
word_at(const char *text, size_t len, size_t i, const char *w)
{
	size_t		n = strlen(w);

	if (len - i < n)
		return false;
	for (size_t k = 0; k < n; k++)
	{
		char		c = text[i + k];

		if (c >= 'A' && c <= 'Z')
			c += 32;
		if (c != w[k])
			return false;
	}
	return i + n >= len || !is_alpha(text[i + n]);
}

/*
 * A bare year: four digits from 1000 to 2199 written without a separator.
 * The phrase is a year, or a span of years, when every number in it is one
 * and its only words are the connectors of a range.
 */
static bool
is_year_token(const char *s, size_t n)
{
	int			y;

	if (n != 4 || !is_digit(s[0]) || !is_digit(s[1]) || !is_digit(s[2]) || !is_digit(s[3]))
		return false;
	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	return y >= 1000 && y <= 2199;
}

static bool
phrase_is_years(const char *text, size_t start, size_t end)
{
	static const char *const connectors[] = {
		"between", "and", "to", "from", "or", "through", "until",
		"entre", "et", "a", "de", "du", "au", "ou", "jusqu"
	};
	size_t		i = start;
	int			years = 0;

	while (i < end)
	{
		size_t		j = i;

		if (is_digit(text[i]))
		{
			while (j < end && is_digit(text[j]))
				j++;
			if (!is_year_token(text + i, j - i))
				return false;
			/* "1,000" or "1 000" continue the number: not a year */
			if (j + 1 < end && (text[j] == ',' || text[j] == '.') && is_digit(text[j + 1]))
				return false;
			years++;
		}
		else if (is_alpha(text[i]) || (unsigned char) text[i] >= 0x80)
		{
			bool		known = false;
			char		w[16];
			size_t		n = 0;
			int			nb;

			/* a word: fold it and look it up among the connectors */
			while (j < end)
			{
				uint32_t	f = folded_at(text, end, j, &nb);

				if (nb == 0 || !sn_is_word_char(f) || sn_is_ascii_digit(f))
					break;
				if (n + 1 < sizeof(w))
					w[n++] = (f < 0x80) ? (char) f : '?';
				j += nb;
			}
			w[n] = '\0';
			for (size_t k = 0; k < sizeof(connectors) / sizeof(connectors[0]); k++)
				if (strcmp(w, connectors[k]) == 0)
					known = true;
			if (!known)
				return false;
			if (j == i)
				j++;
		}
		else
			j++;				/* spaces, dashes, slashes */
		i = j;
	}
	return years > 0;
}

bool
sn_annotate_not_a_quantity(const char *text, size_t len, size_t start, size_t end)
{
	size_t		i = end,
				p;

	if (start >= end || end > len)
		return true;
	/* a year, or years */
	if (phrase_is_years(text, start, end))
		return true;

	/* part of a model or product name: "Mi-17", "F-16", "Covid-19" */
	if (start >= 2 && text[start - 1] == '-' && is_alpha(text[start - 2]))
		return true;

	/* what follows the last number of the phrase */
	p = end;
	while (p > start && !is_digit(text[p - 1]))
		p--;
	if (p == start)
		return false;			/* no digits: "dozens", "two million" */
	if (p == end)
	{
		/* an ordinal or a measure glued to the number: "1st", "3e", "13h", "10km" */
		if (i < len && is_alpha(text[i]))
			return true;
		/* a clock time: "13:00", "13h30" handled above */
		if (i + 1 < len && text[i] == ':' && is_digit(text[i + 1]))
			return true;
		/* "1ère", "2ème", "3º" (letters beyond ASCII glued to the number) */
		if (i < len && (unsigned char) text[i] >= 0x80)
		{
			int			nb;
			uint32_t	f = folded_at(text, len, i, &nb);

			if (nb > 0 && (sn_is_word_char(f) || f == 0xBA || f == 0xAA))
				return true;
		}
	}
	/* percentages and times: after the number, skip spaces */
	i = p;
	while (i < len && (text[i] == ' ' || text[i] == '\t' || (unsigned char) text[i] == 0xC2))
	{
		/* U+00A0 and U+202F (no-break spaces) are C2 A0 and E2 80 AF */
		if ((unsigned char) text[i] == 0xC2)
		{
			if (i + 1 < len && (unsigned char) text[i + 1] == 0xA0)
				i++;
			else
				break;
		}
		i++;
	}
	if (i + 2 < len && (unsigned char) text[i] == 0xE2 && (unsigned char) text[i + 1] == 0x80 &&
		(unsigned char) text[i + 2] == 0xAF)
		i += 3;
	if (i < len && text[i] == '%')
		return true;
	if (word_at(text, len, i, "percent") || word_at(text, len, i, "per") ||
		word_at(text, len, i, "pct") || word_at(text, len, i, "pour") ||
		word_at(text, len, i, "am") || word_at(text, len, i, "pm") ||
		word_at(text, len, i, "a.m") || word_at(text, len, i, "p.m") ||
		word_at(text, len, i, "gmt") || word_at(text, len, i, "utc") ||
		word_at(text, len, i, "h") || word_at(text, len, i, "heures") ||
		word_at(text, len, i, "o'clock"))
	{
		/* "per" only as "per cent"; "pour" only as "pour cent" */
		if (word_at(text, len, i, "per") || word_at(text, len, i, "pour"))
		{
			size_t		k = i + (word_at(text, len, i, "per") ? 3 : 4);

			while (k < len && text[k] == ' ')
				k++;
			return word_at(text, len, k, "cent");
		}
		return true;
	}
	if (i < len && (text[i] == 'a' || text[i] == 'p' || text[i] == 'A' || text[i] == 'P') &&
		i + 1 < len && text[i + 1] == '.' && i + 2 < len &&
		(text[i + 2] == 'm' || text[i + 2] == 'M'))
		return true;
	return false;
}

/* Order of the result: start, longer first, kind, reference. */
static int
mention_cmp(const sn_mention *a, const sn_mention *b)
{
	if (a->start_char != b->start_char)
		return a->start_char < b->start_char ? -1 : 1;
	if (a->end_char != b->end_char)
		return a->end_char > b->end_char ? -1 : 1;
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	if (a->ref.id != b->ref.id)
		return a->ref.id < b->ref.id ? -1 : 1;
	if (a->ref.country != b->ref.country)
		return a->ref.country < b->ref.country ? -1 : 1;
	return 0;
}

/* Quantities and dates, leftmost first, never overlapping. */
static bool
find_values(const char *text, size_t len, const sn_annotate_options *opt,
			const sn_allocator *a, sn_mentions *vals, sn_error *err)
{
	size_t		i = 0,
				ci = 0,
				skip_until = 0;
	size_t		next_progress = opt->progress ? PROGRESS_EVERY : SIZE_MAX;
	bool		prev_word = false;
	unsigned char qv[SN_ANNOTATE_VALUE_MAX],
				dv[SN_ANNOTATE_VALUE_MAX];

	while (i < len)
	{
		int			nb;
		uint32_t	f = folded_at(text, len, i, &nb);
		bool		word;

		if (nb == 0)
			return sn_error_set(err, SN_ERR_SYNTAX, (int) (i > INT32_MAX ? INT32_MAX : i),
								"invalid UTF-8 byte sequence at byte %zu", i);
		if (i >= next_progress)
		{
			opt->progress(opt->progress_arg);
			next_progress = i + PROGRESS_EVERY;
		}
		if (f == 0)
		{
			/* invisible: neither starts nor ends a word */
			i += nb;
			ci++;
			continue;
		}
		word = sn_is_word_char(f);
		if (word && !prev_word && i >= skip_until)
		{
			size_t		ql = 0,
						dl = 0;

			if (opt->quantity.read)
			{
				ql = opt->quantity.read(opt->quantity.arg, text + i, len - i, opt->lang, qv);
				if (ql > len - i)
					ql = 0;
				if (ql > 0 && sn_annotate_not_a_quantity(text, len, i, i + ql))
				{
					/* skip the rest of what was rejected ("13:00", "10%", "2020-2021") */
					size_t		k = i + ql;

					while (k < len && text[k] != ' ' && text[k] != '\n' && text[k] != '\t')
						k++;
					skip_until = k;
					ql = 0;
				}
			}
			if (opt->date.read)
			{
				dl = opt->date.read(opt->date.arg, text + i, len - i, opt->lang, dv);
				if (dl > len - i)
					dl = 0;
			}
			if (ql > 0 || dl > 0)
			{
				bool		is_date = dl >= ql;
				size_t		n = is_date ? dl : ql;
				sn_mention *m;

				/* a phrase must end on a character boundary */
				if (i + n < len && ((unsigned char) text[i + n] & 0xC0) == 0x80)
					return sn_error_set(err, SN_ERR_INVALID_PARAMETER, (int) i,
										"a phrase reader returned a length inside a character");
				if (!an_grow(a, vals, vals->n + 1))
					return an_oom(err);
				m = &vals->items[vals->n++];
				memset(m, 0, sizeof(*m));
				m->kind = is_date ? SN_MENTION_DATE : SN_MENTION_QUANTITY;
				m->start_byte = i;
				m->end_byte = i + n;
				m->start_char = ci;
				m->end_char = ci + count_chars(text + i, n);
				m->ref.country = -1;
				memcpy(m->value.bytes, is_date ? dv : qv, SN_ANNOTATE_VALUE_MAX);
				skip_until = i + n;
			}
		}
		prev_word = word;
		i += nb;
		ci++;
	}
	return true;
}

bool
sn_annotate(const char *text, size_t len, const sn_annotate_options *opt,
			sn_mentions *out, sn_error *err)
{
	const sn_allocator *a = opt->alloc ? opt->alloc : &sn_malloc_allocator;
	sn_name_mentions names = {0};
	sn_mentions vals = {0};
	size_t		in = 0,
				iv = 0;
	bool		ok = true;

	sn_error_clear(err);
	if (opt->gazetteer &&
		!sn_gazetteer_find(opt->gazetteer, text, len, a, opt->progress, opt->progress_arg,
						   &names, err))
		ok = false;
	if (ok)
		ok = find_values(text, len, opt, a, &vals, err);

	/* merge: both lists are in order */
	if (ok && !an_grow(a, out, out->n + names.n + vals.n))
		ok = an_oom(err);
	while (ok && (in < names.n || iv < vals.n))
	{
		sn_mention m;

		if (in < names.n)
		{
			const sn_name_mention *x = &names.items[in];

			memset(&m, 0, sizeof(m));
			m.kind = x->ref.kind == SN_REF_ACTOR ? SN_MENTION_ACTOR : SN_MENTION_PLACE;
			m.start_char = x->start_char;
			m.end_char = x->end_char;
			m.start_byte = x->start_byte;
			m.end_byte = x->end_byte;
			m.ref = x->ref;
			if (iv >= vals.n || mention_cmp(&m, &vals.items[iv]) <= 0)
			{
				out->items[out->n++] = m;
				in++;
				continue;
			}
		}
		out->items[out->n++] = vals.items[iv++];
	}
	sn_name_mentions_free(a, &names);
	if (vals.items)
		a->free(a->ctx, vals.items);
	return ok;
}

void
sn_mentions_free(const sn_annotate_options *opt, sn_mentions *m)
{
	const sn_allocator *a = opt->alloc ? opt->alloc : &sn_malloc_allocator;

	if (m->items)
		a->free(a->ctx, m->items);
	m->items = NULL;
	m->n = m->cap = 0;
}
