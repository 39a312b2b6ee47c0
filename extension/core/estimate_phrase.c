/*
 * extension/core/estimate_phrase.c
 *
 * The phrase reader: quantities as reports write them, English and French.
 * See estimate_phrase.h for what the phrases mean.
 *
 * Structure: a lexer that returns one token at any byte position (words
 * folded to lower-case ASCII with sn_text's folding, numbers with the
 * language's grouping and decimal marks, symbols), and a recursive-descent
 * grammar over it that backtracks by position.  Where several readings
 * start at the same place, the longest one wins; invalid readings (an
 * overflowing number, reversed range ends) are remembered so that
 * parse_estimate can explain why a phrase was refused.
 *
 * Speed: annotate() asks at every word of a text.  A table of words says
 * which alternatives of the grammar a first word can begin (read_phrase
 * tries only those), and which words cannot begin a phrase at all (the
 * scanner's quick test).  The exhaustive reader, without either shortcut,
 * is the yardstick the tests hold them to.
 */
#include "estimate_phrase.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define WMAX 24
#define NO_SCALE INT64_C(1)

typedef enum
{
	TK_END,
	TK_WORD,
	TK_NUM,
	TK_SYM
} tkind;

/* symbol codes besides plain ASCII characters */
#define SYM_GE 256
#define SYM_LE 257
#define SYM_DOTDOT 258
#define SYM_OTHER 259

typedef struct tok
{
	tkind		kind;
	size_t		start,
				end;
	char		w[WMAX];		/* TK_WORD: folded ASCII, "" if not matchable */
	uint8_t		n;				/* TK_WORD: strlen(w) */
	uint32_t	bits;			/* TK_WORD: w's bits in the word table (word_bits) */
	uint64_t	mant;			/* TK_NUM: digits without marks */
	int			fd;				/* TK_NUM: digits after the decimal mark */
	bool		overflow;		/* TK_NUM: too many digits */
	bool		glued;			/* TK_NUM: a letter, digit, % or mark follows */
	int			sym;			/* TK_SYM */
} tok;

/* A quantity read at some position (see quantity()). */
typedef struct qv
{
	int64_t		lo,
				hi;
	bool		approx;
	bool		vague;
	bool		numeral;		/* a plain numeral */
	bool		digits_only;	/* written in digits, no scale word */
	bool		scaled;			/* carries a scale word */
	int64_t		scale;			/* that scale word's value, for ranges */
	bool		pending;		/* a decimal still waiting for a scale word */
	uint64_t	mant;
	int			fd;
	size_t		end;
} qv;

typedef struct ctx
{
	const char *s;
	size_t		len;
	sn_lang		lang;
	/*
	 * Try every alternative of the grammar at every phrase, without the
	 * shortcuts that skip those the first word cannot begin (the tests'
	 * yardstick: see sn_estimate_phrase_scan_exhaustive).
	 */
	bool		exhaustive;
	/* the furthest invalid reading seen, for parse_estimate's message */
	bool		has_err;
	size_t		err_end;
	sn_status	err_status;
	/*
	 * Each alternative of a phrase (a range, a bound, a single number) reads
	 * the quantity at the same place again: quantity() keeps its answers.
	 */
	int			nmemo;
	/* ctx_init clears the fields above; err_msg is written before it is read */
	char		err_msg[SN_ERROR_MESSAGE_LEN];
	/* the grammar re-reads tokens while it backtracks: a small token cache */
	size_t		cache_key[16];
	tok			cache[16];
	struct
	{
		size_t		pos;
		bool		no_and;
		bool		found;
		qv			q;
	}			memo[8];
} ctx;

/*
 * The alternatives of a phrase (see read_phrase), as bits: those its first
 * token can begin (phrase_alternatives)
 */
enum
{
	ALT_UNKNOWN = 1,			/* "undisclosed", "?" (try_unknown) */
	ALT_BOUND = 2,				/* "more than", ">" (try_bound) */
	ALT_FRAME = 4,				/* "between", "from", "entre", "de": a framed range */
	ALT_QUANTITY = 8,			/* a number, "two", "a", "dozens": a range or a single */
	ALT_APPROX = 16,			/* "about", "~" (approx_prefix) */
	ALT_ALL = 31,
	/* not an alternative: a word that can begin a postfix ("or more", "environ") */
	ALT_POSTFIX = 32,
	/* nor these: one that can begin an entry of a list of comparator() */
	ALT_GE = 64,
	ALT_LE = 128,
	ALT_GT = 256,
	ALT_LT = 512
};

/*
 * A word's bits in the word table (see "What a word can begin"): the quick
 * test's two, the ALT_ bits of each language, then whether it is a word of
 * a count
 */
#define WORD_STARTER 1			/* computed: some ALT_ bit in either language */
#define WORD_PREFIX_ONLY 2
#define WORD_ALT_SHIFT(lang) ((lang) == SN_LANG_FR ? 12 : 2)
#define WORD_COUNT (UINT32_C(1) << 22)	/* a word of a count */

typedef enum
{
	NOMATCH = 0,
	MATCH = 1
} res;

/* ------------------------------------------------------------------------
 * Lexer
 * ------------------------------------------------------------------------ */

static inline uint32_t word_bits(const char *w, size_t n);

/* Decode and fold the character at pos; returns its byte length (0 at end or bad UTF-8). */
static int
peek_char(const ctx *c, size_t pos, uint32_t folded[SN_FOLD_MAX], int *nfolded)
{
	uint32_t	cp;
	int			used;

	if (pos >= c->len)
		return 0;
	used = sn_decode_fold(c->s + pos, c->len - pos, &cp, folded, nfolded);
	if (used == 0)
		return 0;
	/* a few symbols folding leaves alone */
	if (cp == 0x2265 || cp == 0x2264 || cp == 0x2248)
	{
		folded[0] = cp;
		*nfolded = 1;
	}
	return used;
}

static inline bool
is_ascii_space(char ch)
{
	return ch == ' ' || (ch >= '\t' && ch <= '\r');
}

static inline bool
is_ascii_letter(char ch)
{
	return ((unsigned char) ch | 0x20) >= 'a' && ((unsigned char) ch | 0x20) <= 'z';
}

/* skip_space past its ASCII loop */
static size_t
skip_space_folded(const ctx *c, size_t pos)
{
	for (;;)
	{
		uint32_t	f[SN_FOLD_MAX];
		int			nf;
		int			used;

		while (pos < c->len && is_ascii_space(c->s[pos]))
			pos++;
		if (pos >= c->len || (unsigned char) c->s[pos] < 0x80)
			return pos;
		used = peek_char(c, pos, f, &nf);

		if (used == 0)
			return pos;
		if (nf == 0 || (nf == 1 && sn_is_space(f[0])))
		{
			pos += used;
			continue;
		}
		return pos;
	}
}

/* Past spaces (and invisible characters) from pos */
static inline size_t
skip_space(const ctx *c, size_t pos)
{
	/* ASCII, the usual case, here; other characters through folding */
	while (pos < c->len && is_ascii_space(c->s[pos]))
		pos++;
	if (pos >= c->len || (unsigned char) c->s[pos] < 0x80)
		return pos;
	return skip_space_folded(c, pos);
}

static inline bool
is_ascii_digit_at(const ctx *c, size_t pos)
{
	return pos < c->len && c->s[pos] >= '0' && c->s[pos] <= '9';
}

/* Length of a thousands separator of the language at pos, or 0. */
static inline size_t
group_sep_len(const ctx *c, size_t pos)
{
	const unsigned char *p = (const unsigned char *) c->s + pos;
	size_t		avail = c->len - pos;

	if (pos >= c->len)
		return 0;
	if (p[0] == ' ')
		return 1;
	if (p[0] == (c->lang == SN_LANG_FR ? '.' : ','))
		return 1;
	if (p[0] == 0xC2 && avail >= 2 && p[1] == 0xA0)
		return 2;				/* no-break space */
	if (p[0] == 0xE2 && avail >= 3 && p[1] == 0x80 && (p[2] == 0xAF || p[2] == 0x89))
		return 3;				/* narrow no-break space, thin space */
	return 0;
}

static inline bool
three_digits_then_not_digit(const ctx *c, size_t pos)
{
	return pos + 3 <= c->len && is_ascii_digit_at(c, pos) &&
		is_ascii_digit_at(c, pos + 1) && is_ascii_digit_at(c, pos + 2) &&
		!is_ascii_digit_at(c, pos + 3);
}

static void
add_digit(tok *t, char ch)
{
	unsigned	d = (unsigned) (ch - '0');

	/* the exact test only near the limit: below it no digit overflows */
	if (t->mant > (UINT64_MAX - 9) / 10 && t->mant > (UINT64_MAX - d) / 10)
		t->overflow = true;
	else
		t->mant = t->mant * 10 + d;
}

static void
lex_number(const ctx *c, size_t pos, tok *t)
{
	size_t		p = pos,
				first;
	char		decimal = c->lang == SN_LANG_FR ? ',' : '.';

	t->kind = TK_NUM;
	t->mant = 0;
	t->fd = 0;
	t->overflow = false;
	t->glued = false;
	while (is_ascii_digit_at(c, p))
		add_digit(t, c->s[p++]);
	first = p - pos;
	if (first <= 3)
	{
		size_t		sl = group_sep_len(c, p);

		if (sl > 0 && three_digits_then_not_digit(c, p + sl))
		{
			const char *sep = c->s + p;

			do
			{
				add_digit(t, c->s[p + sl]);
				add_digit(t, c->s[p + sl + 1]);
				add_digit(t, c->s[p + sl + 2]);
				p += sl + 3;
			} while (p + sl <= c->len && memcmp(c->s + p, sep, sl) == 0 &&
					 three_digits_then_not_digit(c, p + sl));
		}
	}
	if (p + 1 < c->len && c->s[p] == decimal && is_ascii_digit_at(c, p + 1))
	{
		p++;
		while (is_ascii_digit_at(c, p))
		{
			add_digit(t, c->s[p++]);
			if (++t->fd > 18)
				t->overflow = true;
		}
	}
	t->end = p;

	/* what follows must end the number */
	if (p < c->len)
	{
		uint32_t	f[SN_FOLD_MAX];
		int			nf;
		char		ch = c->s[p];
		/* an ASCII character folds to itself, and is a word character when alphanumeric */
		bool		ascii = (unsigned char) ch < 0x80;
		int			used = ascii ? 1 : peek_char(c, p, f, &nf);

		if (used == 0)
			t->glued = true;
		else if (ascii ? is_ascii_letter(ch) || is_ascii_digit_at(c, p) :
				 nf >= 1 && sn_is_word_char(f[0]))
			t->glued = true;
		else if (ch == '%')
			t->glued = true;
		else if ((ch == '.' || ch == ',' || ch == ':' || ch == '/') &&
				 is_ascii_digit_at(c, p + 1))
			t->glued = true;
		else if (group_sep_len(c, p) > 0 && ch != ' ' &&
				 is_ascii_digit_at(c, p + group_sep_len(c, p)))
			t->glued = true;	/* "1 0000" with a no-break space: a broken group */
	}
}

static void
lex_word(const ctx *c, size_t pos, tok *t)
{
	size_t		p = pos;
	int			n = 0;
	bool		matchable = true;
	/* in locals: the compiler cannot tell that stores to t->w leave them alone */
	const char *s = c->s;
	size_t		len = c->len;
	size_t		limit = len - p < WMAX - 1 ? len - p : WMAX - 1;

	t->kind = TK_WORD;
	/* ASCII letters, the usual case, folded here; the loop below does the rest */
	while ((size_t) n < limit && is_ascii_letter(s[p]))
		t->w[n++] = (char) (s[p++] | 0x20);
	/* and a plain word ends at the end, or at ASCII other than a letter or an apostrophe */
	if (n < WMAX - 1 && (p >= len || ((unsigned char) s[p] < 0x80 && s[p] != '\'')))
	{
		t->w[n] = '\0';
		t->n = (uint8_t) n;
		t->bits = word_bits(t->w, n);
		t->end = p;
		return;
	}
	for (;;)
	{
		uint32_t	f[SN_FOLD_MAX];
		int			nf;
		int			used = peek_char(c, p, f, &nf);
		bool		stop = false;

		if (used == 0)
			break;
		if (nf == 0)
		{
			p += used;			/* invisible: soft hyphen, zero-width space */
			continue;
		}
		for (int k = 0; k < nf; k++)
		{
			if (!sn_is_word_char(f[k]) || sn_is_ascii_digit(f[k]))
			{
				stop = true;
				break;
			}
		}
		if (stop)
		{
			/* elision: "d'un", "jusqu'à" -- the apostrophe ends the word */
			if (nf == 1 && f[0] == '\'' && n > 0)
			{
				uint32_t	g[SN_FOLD_MAX];
				int			ng;

				if (peek_char(c, p + used, g, &ng) > 0 && ng >= 1 &&
					sn_is_word_char(g[0]) && !sn_is_ascii_digit(g[0]))
				{
					if (n < WMAX - 1)
						t->w[n++] = '\'';
					else
						matchable = false;
					p += used;
				}
			}
			break;
		}
		for (int k = 0; k < nf; k++)
		{
			if (f[k] < 0x80 && n < WMAX - 1)
				t->w[n++] = (char) f[k];
			else
				matchable = false;
		}
		p += used;
	}
	if (!matchable)
		n = 0;
	t->w[n] = '\0';
	t->n = (uint8_t) n;
	t->bits = word_bits(t->w, n);
	t->end = p;
}

/* The token starting at pos (after spaces). */
static void
lex_uncached(const ctx *c, size_t pos, tok *t)
{
	uint32_t	f[SN_FOLD_MAX];
	int			nf;
	int			used;

	pos = skip_space(c, pos);
	t->start = pos;
	t->w[0] = '\0';
	t->n = 0;
	t->bits = 0;
	t->sym = 0;
	if (pos >= c->len)
	{
		t->kind = TK_END;
		t->end = pos;
		return;
	}
	if (is_ascii_digit_at(c, pos))
	{
		lex_number(c, pos, t);
		return;
	}
	if (is_ascii_letter(c->s[pos]))
	{
		lex_word(c, pos, t);
		return;
	}
	used = peek_char(c, pos, f, &nf);
	if (used == 0)
	{
		t->kind = TK_SYM;
		t->sym = SYM_OTHER;
		t->end = pos + 1;
		return;
	}
	if (nf >= 1 && sn_is_word_char(f[0]))
	{
		lex_word(c, pos, t);
		if (t->end > pos)
			return;
	}
	t->kind = TK_SYM;
	t->end = pos + used;
	t->sym = nf >= 1 ? (int) f[0] : SYM_OTHER;
	if (nf >= 1 && f[0] > 0x7F)
		t->sym = f[0] == 0x2265 ? SYM_GE : f[0] == 0x2264 ? SYM_LE :
			f[0] == 0x2248 ? '~' : SYM_OTHER;
	else if ((t->sym == '>' || t->sym == '<') && pos + 1 < c->len && c->s[pos + 1] == '=')
	{
		t->sym = t->sym == '>' ? SYM_GE : SYM_LE;
		t->end++;
	}
	else if (t->sym == '.' && pos + 1 < c->len && c->s[pos + 1] == '.')
	{
		t->sym = SYM_DOTDOT;
		t->end++;
	}
}

static void
ctx_init(ctx *c, const char *s, size_t len, sn_lang lang, bool exhaustive)
{
	memset(c, 0, offsetof(ctx, err_msg));
	c->s = s;
	c->len = len;
	c->lang = lang;
	c->exhaustive = exhaustive;
	for (int i = 0; i < 16; i++)
		c->cache_key[i] = SIZE_MAX;
}

/*
 * The token at pos, in the cache: valid only until the next lex_ref() or
 * lex(), which may reuse its slot.  For a caller that looks at one token
 * and is done with it before it reads another.
 */
static const tok *
lex_ref(const ctx *cc, size_t pos)
{
	ctx		   *c = (ctx *) cc;		/* the cache is not part of the meaning */
	int			slot = (int) (pos & 15);

	if (c->cache_key[slot] != pos)
	{
		lex_uncached(c, pos, &c->cache[slot]);
		c->cache_key[slot] = pos;
	}
	return &c->cache[slot];
}

/* The token at pos, a copy of its own */
static void
lex(const ctx *c, size_t pos, tok *t)
{
	*t = *lex_ref(c, pos);
}

/* ------------------------------------------------------------------------
 * Matching helpers
 * ------------------------------------------------------------------------ */

static bool
word_is(const tok *t, const char *w)
{
	return t->kind == TK_WORD && strcmp(t->w, w) == 0;
}

/*
 * Match a sequence of space-separated words at pos ("more than",
 * "jusqu' a"); sets *end after the last.
 */
static bool
words_at(const ctx *c, size_t pos, const char *words, size_t *end)
{
	const char *w = words;

	while (*w)
	{
		const tok  *t = lex_ref(c, pos);
		size_t		n = 0;

		if (t->kind != TK_WORD)
			return false;
		/* the token's word must be the next word of words, whole */
		while (w[n] != '\0' && w[n] != ' ' && t->w[n] == w[n])
			n++;
		if (t->w[n] != '\0' || (w[n] != '\0' && w[n] != ' '))
			return false;
		pos = t->end;
		w += n;
		while (*w == ' ')
			w++;
	}
	*end = pos;
	return true;
}

/* Does words (space-separated) begin with the word w (NUL-terminated)? */
static inline bool
first_word_is(const char *words, const char *w)
{
	size_t		n = 0;

	while (words[n] != '\0' && words[n] != ' ' && words[n] == w[n])
		n++;
	return w[n] == '\0' && (words[n] == '\0' || words[n] == ' ');
}

/* One of a NULL-terminated list of word sequences; the longest match wins. */
static bool
any_words_at(const ctx *c, size_t pos, const char *const *list, size_t *end)
{
	bool		found = false;
	const tok  *t = lex_ref(c, pos);
	char		first = t->w[0];
	char		word[WMAX];		/* t's word, copied before words_at() may reuse t's slot */
	bool		copied = false;

	if (t->kind != TK_WORD)
		return false;
	for (; *list; list++)
	{
		size_t		e = 0;

		/* most entries differ at the first letter, or in the first word */
		if ((*list)[0] != first)
			continue;
		if (!copied)
		{
			memcpy(word, t->w, sizeof(word));
			copied = true;
		}
		if (!first_word_is(*list, word))
			continue;
		if (words_at(c, pos, *list, &e) && (!found || e > *end))
		{
			*end = e;
			found = true;
		}
	}
	return found;
}

static bool
sym_at(const ctx *c, size_t pos, int sym, size_t *end)
{
	const tok  *t = lex_ref(c, pos);

	if (t->kind != TK_SYM || t->sym != sym)
		return false;
	*end = t->end;
	return true;
}

/* French "de" or elided "d'" */
static bool
de_at(const ctx *c, size_t pos, size_t *end)
{
	return words_at(c, pos, "de", end) || words_at(c, pos, "d'", end);
}

/* Skip one optional hyphen (between number words: "fifty-nine", "dix-sept"). */
static size_t
opt_dash(const ctx *c, size_t pos)
{
	size_t		e = 0;

	return sym_at(c, pos, '-', &e) ? e : pos;
}

static void
record_error(ctx *c, size_t end, sn_status status, const char *msg)
{
	if (c->has_err && c->err_end >= end)
		return;
	c->has_err = true;
	c->err_end = end;
	c->err_status = status;
	strncpy(c->err_msg, msg, sizeof(c->err_msg) - 1);
	c->err_msg[sizeof(c->err_msg) - 1] = '\0';
}

static int
lookup(const char *w, const char *const *names, const int *values, int n)
{
	for (int i = 0; i < n; i++)
		if (names[i][0] == w[0] && strcmp(w, names[i]) == 0)
			return values[i];
	return -1;
}

#define LOOKUP(w, names, values) lookup((w), (names), (values), (int) (sizeof(values) / sizeof(values[0])))

/* ------------------------------------------------------------------------
 * Number words
 * ------------------------------------------------------------------------ */

static const char *const en_unit_names[] = {
	"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
	"ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
	"seventeen", "eighteen", "nineteen"
};
static const int en_unit_values[] = {
	0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19
};
static const char *const en_ten_names[] = {
	"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"
};
static const int en_ten_values[] = {20, 30, 40, 50, 60, 70, 80, 90};

static const char *const fr_unit_names[] = {
	"zero", "un", "une", "deux", "trois", "quatre", "cinq", "six", "sept", "huit",
	"neuf", "dix", "onze", "douze", "treize", "quatorze", "quinze", "seize"
};
static const int fr_unit_values[] = {
	0, 1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16
};
static const char *const fr_ten_names[] = {
	"vingt", "trente", "quarante", "cinquante", "septante", "huitante", "octante", "nonante"
};
static const int fr_ten_values[] = {20, 30, 40, 50, 70, 80, 80, 90};

/* scale words after a number: thousand, million, billion (short scale) */
typedef struct scale_name
{
	const char *w;
	int64_t		value;
} scale_name;

static const scale_name en_scales[] = {
	{"thousand", INT64_C(1000)}, {"million", INT64_C(1000000)}, {"billion", INT64_C(1000000000)}
};
static const scale_name fr_scales[] = {
	{"mille", INT64_C(1000)}, {"million", INT64_C(1000000)}, {"millions", INT64_C(1000000)},
	{"milliard", INT64_C(1000000000)}, {"milliards", INT64_C(1000000000)}
};

static int64_t
scale_word(const ctx *c, const tok *t)
{
	const scale_name *scales = c->lang == SN_LANG_FR ? fr_scales : en_scales;
	size_t		n = c->lang == SN_LANG_FR ? sizeof(fr_scales) / sizeof(fr_scales[0]) :
		sizeof(en_scales) / sizeof(en_scales[0]);

	/* most words are none: they begin with another letter */
	if (t->kind != TK_WORD || (t->w[0] != 'm' && t->w[0] != 't' && t->w[0] != 'b'))
		return 0;
	for (size_t i = 0; i < n; i++)
		if (strcmp(t->w, scales[i].w) == 0)
			return scales[i].value;
	return 0;
}

/* English 0..99: "seven", "nineteen", "fifty-nine", "fifty nine" */
static bool
en_below100(const ctx *c, size_t pos, int64_t *v, size_t *end)
{
	tok			t,
				u;
	int			x;

	lex(c, pos, &t);
	if (t.kind != TK_WORD)
		return false;
	if ((x = LOOKUP(t.w, en_unit_names, en_unit_values)) >= 0)
	{
		*v = x;
		*end = t.end;
		return true;
	}
	if ((x = LOOKUP(t.w, en_ten_names, en_ten_values)) < 0)
		return false;
	*v = x;
	*end = t.end;
	lex(c, opt_dash(c, t.end), &u);
	if (u.kind == TK_WORD)
	{
		int			y = LOOKUP(u.w, en_unit_names, en_unit_values);

		if (y >= 1 && y <= 9)
		{
			*v += y;
			*end = u.end;
		}
	}
	return true;
}

/* English 0..9999 without a scale word: "a hundred", "five hundred and two", "twenty-five hundred" */
static bool
en_below1000(const ctx *c, size_t pos, bool no_and, int64_t *v, size_t *end)
{
	tok			t,
				h;
	int64_t		u = 0,
				x;
	size_t		e,
				p;

	lex(c, pos, &t);
	if (word_is(&t, "a"))
	{
		lex(c, t.end, &h);
		if (!word_is(&h, "hundred"))
			return false;
		u = 1;
	}
	else
	{
		if (!en_below100(c, pos, &u, &e))
			return false;
		lex(c, e, &h);
		if (!word_is(&h, "hundred") || u < 1)
		{
			*v = u;
			*end = e;
			return true;
		}
	}
	*v = u * 100;
	*end = h.end;
	p = h.end;
	if (!no_and)
	{
		size_t		pa;

		if (words_at(c, p, "and", &pa) && en_below100(c, pa, &x, &e) && x >= 1)
		{
			*v += x;
			*end = e;
			return true;
		}
	}
	if (en_below100(c, p, &x, &e) && x >= 1)
	{
		*v += x;
		*end = e;
	}
	return true;
}

/* French 0..19 */
static bool
fr_below20(const ctx *c, size_t pos, int64_t *v, size_t *end)
{
	tok			t,
				u;
	int			x;

	lex(c, pos, &t);
	if (t.kind != TK_WORD)
		return false;
	if (strcmp(t.w, "dix") == 0)
	{
		*v = 10;
		*end = t.end;
		lex(c, opt_dash(c, t.end), &u);
		if (word_is(&u, "sept") || word_is(&u, "huit") || word_is(&u, "neuf"))
		{
			*v = 10 + LOOKUP(u.w, fr_unit_names, fr_unit_values);
			*end = u.end;
		}
		return true;
	}
	if ((x = LOOKUP(t.w, fr_unit_names, fr_unit_values)) < 0)
		return false;
	*v = x;
	*end = t.end;
	return true;
}

/* French 0..99: "cinquante-neuf", "vingt et un", "soixante-dix-sept", "quatre-vingt-onze" */
static bool
fr_below100(const ctx *c, size_t pos, int64_t *v, size_t *end)
{
	tok			t,
				u;
	int			x;
	int64_t		y;
	size_t		e,
				p;

	lex(c, pos, &t);
	if (t.kind != TK_WORD)
		return false;
	if (strcmp(t.w, "quatre") == 0)
	{
		lex(c, opt_dash(c, t.end), &u);
		if (word_is(&u, "vingt") || word_is(&u, "vingts"))
		{
			*v = 80;
			*end = u.end;
			if (word_is(&u, "vingt") && fr_below20(c, opt_dash(c, u.end), &y, &e) && y >= 1)
			{
				*v += y;
				*end = e;
			}
			return true;
		}
	}
	if (strcmp(t.w, "soixante") == 0)
	{
		*v = 60;
		*end = t.end;
		p = opt_dash(c, t.end);
		if (words_at(c, p, "et", &e))
		{
			lex(c, opt_dash(c, e), &u);
			if (word_is(&u, "un") || word_is(&u, "une") || word_is(&u, "onze"))
			{
				*v += word_is(&u, "onze") ? 11 : 1;
				*end = u.end;
				return true;
			}
		}
		if (fr_below20(c, p, &y, &e) && y >= 2)
		{
			*v += y;
			*end = e;
		}
		return true;
	}
	if ((x = LOOKUP(t.w, fr_ten_names, fr_ten_values)) >= 0)
	{
		*v = x;
		*end = t.end;
		p = opt_dash(c, t.end);
		if (words_at(c, p, "et", &e))
		{
			lex(c, opt_dash(c, e), &u);
			if (word_is(&u, "un") || word_is(&u, "une"))
			{
				*v += 1;
				*end = u.end;
				return true;
			}
		}
		lex(c, p, &u);
		if (u.kind == TK_WORD)
		{
			int			z = LOOKUP(u.w, fr_unit_names, fr_unit_values);

			if (z >= 1 && z <= 9)
			{
				*v += z;
				*end = u.end;
			}
		}
		return true;
	}
	return fr_below20(c, pos, v, end);
}

/* French 0..999: "cent", "deux cents", "trois cent vingt" */
static bool
fr_below1000(const ctx *c, size_t pos, int64_t *v, size_t *end)
{
	tok			t,
				h;
	int64_t		u,
				x;
	size_t		e = 0;

	lex(c, pos, &t);
	if (word_is(&t, "cent") || word_is(&t, "cents"))
	{
		u = 1;
		h = t;
	}
	else
	{
		if (!fr_below100(c, pos, &u, &e))
			return false;
		lex(c, opt_dash(c, e), &h);
		if (!(word_is(&h, "cent") || word_is(&h, "cents")) || u < 2 || u > 9)
		{
			*v = u;
			*end = e;
			return true;
		}
	}
	*v = u * 100;
	*end = h.end;
	if (word_is(&h, "cent") && fr_below100(c, opt_dash(c, h.end), &x, &e) && x >= 1)
	{
		*v += x;
		*end = e;
	}
	return true;
}

/*
 * A number in words, with scale words: "two million five hundred thousand",
 * "deux mille trois cents".  Words numbers stay below 10^12, so no overflow.
 */
static bool
number_words(const ctx *c, size_t pos, bool no_and, int64_t *v, size_t *end, bool *scaled)
{
	int64_t		total = 0,
				last = INT64_C(1000000000000);
	bool		any = false;
	bool		fr = c->lang == SN_LANG_FR;

	*scaled = false;
	for (;;)
	{
		int64_t		g,
					s;
		size_t		ge,
					sp;
		tok			t,
					st;
		bool		bare_a = false;

		lex(c, pos, &t);
		if (!fr && (word_is(&t, "a") || word_is(&t, "one")))
		{
			/* "a thousand", "a million" */
			tok			n;

			lex(c, t.end, &n);
			if (word_is(&t, "a") && scale_word(c, &n) == 0 && !word_is(&n, "hundred"))
				break;
		}
		if (fr && word_is(&t, "mille"))
		{
			g = 1;
			ge = pos;
			bare_a = true;		/* "mille" alone: only as its own scale word */
		}
		else if (!fr && word_is(&t, "a"))
		{
			tok			n;

			lex(c, t.end, &n);
			if (word_is(&n, "hundred"))
			{
				if (!en_below1000(c, pos, no_and, &g, &ge))
					break;
			}
			else
			{
				g = 1;
				ge = t.end;
				bare_a = true;
			}
		}
		else if (!(fr ? fr_below1000(c, pos, &g, &ge) : en_below1000(c, pos, no_and, &g, &ge)))
			break;

		sp = fr ? opt_dash(c, ge) : ge;
		lex(c, sp, &st);
		s = scale_word(c, &st);
		if (s > 0 && s < last && g >= 1)
		{
			total += g * s;
			last = s;
			any = true;
			*scaled = true;
			*end = st.end;
			pos = st.end;
			if (fr)
				pos = opt_dash(c, pos);
			else if (!no_and)
			{
				size_t		pa;

				if (words_at(c, pos, "and", &pa))
				{
					int64_t		g2;
					size_t		e2 = 0;

					if (en_below100(c, pa, &g2, &e2) && g2 >= 1)
					{
						total += g2;
						*end = e2;
						break;
					}
				}
			}
			continue;
		}
		if (bare_a)
			break;				/* "a" (or a repeated "mille") alone is no number */
		if (any && g >= last)
			break;
		total += g;
		*end = ge;
		any = true;
		break;
	}
	if (!any)
		return false;
	*v = total;
	return true;
}

/* ------------------------------------------------------------------------
 * Numerals (digits or words) and quantities
 * ------------------------------------------------------------------------ */


static const uint64_t pow10_tab[] = {
	UINT64_C(1), UINT64_C(10), UINT64_C(100), UINT64_C(1000), UINT64_C(10000),
	UINT64_C(100000), UINT64_C(1000000), UINT64_C(10000000), UINT64_C(100000000),
	UINT64_C(1000000000), UINT64_C(10000000000), UINT64_C(100000000000),
	UINT64_C(1000000000000), UINT64_C(10000000000000), UINT64_C(100000000000000),
	UINT64_C(1000000000000000), UINT64_C(10000000000000000),
	UINT64_C(100000000000000000), UINT64_C(1000000000000000000)
};

/*
 * mant / 10^fd * scale as a whole count.  Returns 1 on success, 0 when not
 * whole, -1 on overflow.
 */
static int
apply_scale(uint64_t mant, int fd, int64_t scale, int64_t *out)
{
	unsigned __int128 x = (unsigned __int128) mant * (uint64_t) scale;
	uint64_t	d = pow10_tab[fd];

	if (x % d != 0)
		return 0;
	x /= d;
	if (x > (unsigned __int128) INT64_MAX)
		return -1;
	*out = (int64_t) x;
	return 1;
}

static bool
numeral(ctx *c, size_t pos, bool no_and, qv *q)
{
	tok			t;

	memset(q, 0, sizeof(*q));
	q->numeral = true;
	q->scale = NO_SCALE;
	lex(c, pos, &t);
	if (t.kind == TK_NUM)
	{
		tok			s;
		int64_t		sc;
		size_t		sp;

		if (t.glued)
			return false;
		if (t.overflow)
		{
			record_error(c, t.end, SN_ERR_RANGE, "a number in it is beyond 9223372036854775807");
			return false;
		}
		sp = t.end;
		lex(c, sp, &s);
		sc = scale_word(c, &s);
		q->end = t.end;
		q->digits_only = true;
		if (sc > 0)
		{
			int			r = apply_scale(t.mant, t.fd, sc, &q->lo);

			if (r < 0)
			{
				record_error(c, s.end, SN_ERR_RANGE, "a number in it is beyond 9223372036854775807");
				return false;
			}
			if (r == 0)
			{
				record_error(c, s.end, SN_ERR_SYNTAX, "a number in it is not a whole count");
				return false;
			}
			q->hi = q->lo;
			q->scaled = true;
			q->scale = sc;
			q->digits_only = false;
			q->end = s.end;
			return true;
		}
		if (t.fd > 0)
		{
			q->pending = true;
			q->mant = t.mant;
			q->fd = t.fd;
			return true;
		}
		if (t.mant > (uint64_t) INT64_MAX)
		{
			record_error(c, t.end, SN_ERR_RANGE, "a number in it is beyond 9223372036854775807");
			return false;
		}
		q->lo = q->hi = (int64_t) t.mant;
		return true;
	}
	if (t.kind == TK_WORD)
	{
		bool		scaled;

		if (!number_words(c, pos, no_and, &q->lo, &q->end, &scaled))
			return false;
		q->hi = q->lo;
		q->scaled = scaled;
		if (scaled)
		{
			/* the smallest scale word used: "two million" -> 10^6 */
			q->scale = q->lo % 1000000000 == 0 ? 1000000000 :
				q->lo % 1000000 == 0 ? 1000000 : q->lo % 1000 == 0 ? 1000 : 1;
		}
		return true;
	}
	return false;
}

static bool
checked_mul(int64_t a, int64_t b, int64_t *r)
{
	return !__builtin_mul_overflow(a, b, r);
}

/* a vague range [lo, hi] times a scale unit: "tens of thousands" -> [lo*s, (hi+1)*s - 1] */
static bool
scale_vague(ctx *c, qv *q, int64_t s, size_t end)
{
	int64_t		lo,
				hi;

	if (!checked_mul(q->lo, s, &lo) || !checked_mul(q->hi + 1, s, &hi))
	{
		record_error(c, end, SN_ERR_RANGE, "it is beyond 9223372036854775807");
		return false;
	}
	q->lo = lo;
	q->hi = hi - 1;
	q->end = end;
	return true;
}

/* English vague plurals */
static const struct
{
	const char *w;
	int64_t		lo,
				hi;
}			en_vague_plurals[] = {
	{"tens", 20, 99}, {"dozens", 24, 99}, {"hundreds", 200, 999},
	{"thousands", 2000, 9999}, {"millions", 2000000, 9999999},
	{"billions", INT64_C(2000000000), INT64_C(9999999999)},
};

static bool
en_vague_plural(const tok *t, int64_t *lo, int64_t *hi)
{
	if (t->kind != TK_WORD)
		return false;
	for (size_t i = 0; i < sizeof(en_vague_plurals) / sizeof(en_vague_plurals[0]); i++)
		if (strcmp(t->w, en_vague_plurals[i].w) == 0)
		{
			*lo = en_vague_plurals[i].lo;
			*hi = en_vague_plurals[i].hi;
			return true;
		}
	return false;
}

/*
 * The scale of a plural word of thousands, millions or billions, given the
 * three words of a language in that order (0: none of them).
 */
static int64_t
plural_scale(const tok *t, const char *const words[3])
{
	static const int64_t scales[3] = {1000, 1000000, 1000000000};

	for (int i = 0; i < 3; i++)
		if (word_is(t, words[i]))
			return scales[i];
	return 0;
}

static const char *const en_plural_scales[3] = {"thousands", "millions", "billions"};
static const char *const fr_plural_scales[3] = {"milliers", "millions", "milliards"};

/* English units after several / a few: dozen, hundred [thousand|million|billion], thousand... */
static int64_t
en_unit_chain(const ctx *c, size_t pos, size_t *end)
{
	tok			t,
				n;
	int64_t		s;

	lex(c, pos, &t);
	if (word_is(&t, "dozen"))
	{
		*end = t.end;
		return 12;
	}
	if (word_is(&t, "hundred"))
	{
		*end = t.end;
		lex(c, t.end, &n);
		s = scale_word(c, &n);
		if (s > 0)
		{
			*end = n.end;
			return 100 * s;
		}
		return 100;
	}
	s = scale_word(c, &t);
	if (s > 0)
		*end = t.end;
	return s;
}

/* French collective nouns ("une dizaine", "des centaines"): the singular and its unit */
static const struct
{
	const char *sg;
	int64_t		unit;
}			fr_collectives[] = {
	{"dizaine", 10}, {"douzaine", 12}, {"quinzaine", 15}, {"vingtaine", 20},
	{"trentaine", 30}, {"quarantaine", 40}, {"cinquantaine", 50},
	{"soixantaine", 60}, {"centaine", 100}, {"millier", 1000},
};

/* The unit of a French collective noun, singular or plural as asked (0: none) */
static int64_t
fr_collective(const tok *t, bool plural)
{
	size_t		n;

	if (t->kind != TK_WORD)
		return 0;
	n = strlen(t->w);
	for (size_t i = 0; i < sizeof(fr_collectives) / sizeof(fr_collectives[0]); i++)
	{
		size_t		m = strlen(fr_collectives[i].sg);

		if (plural ? (n == m + 1 && t->w[m] == 's' && memcmp(t->w, fr_collectives[i].sg, m) == 0)
			: strcmp(t->w, fr_collectives[i].sg) == 0)
			return fr_collectives[i].unit;
	}
	return 0;
}

/* "de milliers", "d'millions": a French scale chain after a collective */
static int64_t
fr_de_scale(const ctx *c, size_t pos, size_t *end)
{
	size_t		e = 0;
	tok			t;
	int64_t		s;

	if (!de_at(c, pos, &e))
		return 0;
	lex(c, e, &t);
	s = plural_scale(&t, fr_plural_scales);
	if (s > 0)
		*end = t.end;
	return s;
}

static void
vague_q(qv *q, int64_t lo, int64_t hi, bool approx, size_t end)
{
	memset(q, 0, sizeof(*q));
	q->lo = lo;
	q->hi = hi;
	q->approx = approx;
	q->vague = true;
	q->scale = NO_SCALE;
	q->end = end;
}

/* The vague and collective forms of a quantity */
static bool
vague_quantity(ctx *c, size_t pos, qv *q)
{
	tok			t,
				n;
	size_t		e = 0;
	int64_t		lo,
				hi,
				u,
				s;

	if (lex_ref(c, pos)->kind != TK_WORD)
		return false;			/* (before copying the token: most are numbers) */
	lex(c, pos, &t);
	if (c->lang == SN_LANG_EN)
	{
		if (words_at(c, pos, "half a dozen", &e))
		{
			vague_q(q, 6, 6, true, e);
			return true;
		}
		if (words_at(c, pos, "a dozen", &e))
		{
			vague_q(q, 12, 12, true, e);
			return true;
		}
		if (word_is(&t, "several") || words_at(c, pos, "a few", &e))
		{
			lo = word_is(&t, "several") ? 3 : 2;
			if (word_is(&t, "several"))
				e = t.end;
			vague_q(q, lo, 9, false, e);
			u = en_unit_chain(c, e, &e);
			if (u > 0)
			{
				q->lo = lo * u;
				q->hi = 9 * u;
				q->end = e;
			}
			return true;
		}
		if (en_vague_plural(&t, &lo, &hi))
		{
			vague_q(q, lo, hi, false, t.end);
			if (hi < 1000 && words_at(c, t.end, "of", &e))
			{
				lex(c, e, &n);
				s = plural_scale(&n, en_plural_scales);
				if (s > 0)
					return scale_vague(c, q, s, n.end);
			}
			return true;
		}
		return false;
	}

	/* French */
	if (word_is(&t, "un") || word_is(&t, "une"))
	{
		lex(c, t.end, &n);
		u = fr_collective(&n, false);
		if (u == 0)
			return false;
		vague_q(q, u, u, true, n.end);
		if (u < 1000 && (s = fr_de_scale(c, n.end, &e)) > 0)
		{
			q->lo = q->hi = u * s;
			q->end = e;
		}
		return true;
	}
	if (word_is(&t, "des"))
	{
		lex(c, t.end, &n);
		u = fr_collective(&n, true);
		if (u == 10 || u == 12)
			vague_q(q, 24, 99, false, n.end);
		else if (u == 100)
			vague_q(q, 200, 999, false, n.end);
		else if (u == 1000)
			vague_q(q, 2000, 9999, false, n.end);
		else if ((s = plural_scale(&n, fr_plural_scales)) > 1000)
		{
			vague_q(q, 2 * s, 10 * s - 1, false, n.end);
			return true;
		}
		else
			return false;
		if (u < 1000 && (s = fr_de_scale(c, n.end, &e)) > 0)
		{
			/* "des dizaines de milliers" reads as tens of thousands */
			if (u == 10)
				q->lo = 20;
			return scale_vague(c, q, s, e);
		}
		return true;
	}
	if (word_is(&t, "plusieurs") || word_is(&t, "quelques"))
	{
		lo = word_is(&t, "plusieurs") ? 3 : 2;
		vague_q(q, lo, 9, false, t.end);
		lex(c, t.end, &n);
		u = fr_collective(&n, true);
		if (u == 0)
			u = plural_scale(&n, fr_plural_scales);
		if (u > 0)
		{
			q->lo = lo * u;
			q->hi = 9 * u;
			q->end = n.end;
			if (u < 1000 && (s = fr_de_scale(c, n.end, &e)) > 0)
			{
				q->lo *= s;
				q->hi *= s;
				q->end = e;
			}
		}
		return true;
	}
	return false;
}

/*
 * A quantity: a numeral, possibly times a collective ("two dozen", "deux
 * centaines"), or a vague form.  The longest reading wins.
 */
static bool
quantity_uncached(ctx *c, size_t pos, bool no_and, qv *q)
{
	qv			a,
				b;
	bool		have_a = numeral(c, pos, no_and, &a);
	bool		have_b = vague_quantity(c, pos, &b);

	if (have_a && !a.pending && !a.scaled)
	{
		tok			n;
		int64_t		u = 0,
					v,
					s;
		size_t		e = 0;

		lex(c, a.end, &n);
		if (c->lang == SN_LANG_EN && word_is(&n, "dozen"))
			u = 12;
		else if (c->lang == SN_LANG_FR)
			u = fr_collective(&n, a.lo != 1);
		if (u > 0)
		{
			if (!checked_mul(a.lo, u, &v))
			{
				record_error(c, n.end, SN_ERR_RANGE, "it is beyond 9223372036854775807");
				have_a = false;
			}
			else
			{
				a.lo = a.hi = v;
				a.approx = true;
				a.vague = true;
				a.numeral = false;
				a.digits_only = false;
				a.end = n.end;
				if (c->lang == SN_LANG_FR && u < 1000 && (s = fr_de_scale(c, n.end, &e)) > 0)
				{
					if (!checked_mul(v, s, &v))
					{
						record_error(c, e, SN_ERR_RANGE, "it is beyond 9223372036854775807");
						have_a = false;
					}
					a.lo = a.hi = v;
					a.end = e;
				}
			}
		}
	}
	if (have_a && (!have_b || a.end >= b.end))
		*q = a;
	else if (have_b)
		*q = b;
	else
		return false;
	return true;
}

/*
 * quantity_uncached, remembered: its only side effect is record_error, which
 * a second identical call would not change.
 */
static bool
quantity(ctx *c, size_t pos, bool no_and, qv *q)
{
	bool		found;

	for (int k = 0; k < c->nmemo; k++)
		if (c->memo[k].pos == pos && c->memo[k].no_and == no_and)
		{
			if (c->memo[k].found)
				*q = c->memo[k].q;
			return c->memo[k].found;
		}
	found = quantity_uncached(c, pos, no_and, q);
	if (c->nmemo < (int) (sizeof(c->memo) / sizeof(c->memo[0])))
	{
		c->memo[c->nmemo].pos = pos;
		c->memo[c->nmemo].no_and = no_and;
		c->memo[c->nmemo].found = found;
		if (found)
			c->memo[c->nmemo].q = *q;
		c->nmemo++;
	}
	return found;
}

/* ------------------------------------------------------------------------
 * Phrases
 * ------------------------------------------------------------------------ */

typedef struct cand
{
	bool		ok;
	size_t		end;
	int64_t		lo,
				hi,
				best;			/* hi = -1: unbounded; best = -1: none */
	bool		approx;
	sn_phrase_info info;
} cand;

static void
offer(cand *best, const cand *c)
{
	if (c->ok && (!best->ok || c->end > best->end))
		*best = *c;
}

static const char *const en_unknown[] = {
	"undisclosed", "unknown", "unspecified", "undetermined", "not known", "not disclosed",
	"not specified", "an undisclosed number", "an unknown number", "an unspecified number",
	"an undetermined number", "undisclosed number", "unknown number", "unspecified number",
	"undisclosed numbers", "unknown numbers", NULL
};
static const char *const fr_unknown[] = {
	"inconnu", "inconnue", "inconnus", "inconnues", "non communique", "non communiques",
	"non communiquee", "non communiquees", "non divulgue", "non divulgues", "non divulguee",
	"non divulguees", "non precise", "non precises", "non precisee", "non precisees",
	"indetermine", "indetermines", "indeterminee", "indeterminees",
	"un nombre inconnu", "un nombre indetermine", "un nombre non precise",
	"un nombre non communique", "un nombre non divulgue", "nombre inconnu",
	"nombre indetermine", "nombre non communique", NULL
};

static const char *const en_approx[] = {
	"about", "around", "some", "approximately", "approx", "roughly", "an estimated",
	"estimated", "nearly", "almost", "close to", "circa", "an approximate",
	"approximately some", "roughly some", NULL
};
/* Words of en_approx also written with a full stop: "approx. 300" */
static const char *const en_approx_abbreviations[] = {"approx", NULL};
static const char *const fr_approx[] = {
	"environ", "autour de", "autour d'", "pres de", "pres d'", "quelque",
	"approximativement", "a peu pres", "presque", "quasiment", "pratiquement",
	"aux alentours de", "aux alentours d'", "grosso modo", "un peu moins de",
	"un peu moins d'", "un peu plus de", "un peu plus d'", NULL
};

enum cmp
{
	CMP_GT, CMP_GE, CMP_LE, CMP_LT,
	CMP_GE_BEST,				/* "could exceed 60": at least 60, 60 the figure given */
	CMP_LE_BEST					/* "as many as 300": at most 300, 300 the figure given */
};

static const char *const en_gt[] = {
	"more than", "over", "above", "upwards of", "in excess of", "exceeding",
	"greater than", NULL
};
static const char *const en_ge[] = {
	"at least", "no fewer than", "no less than", "not less than", "not fewer than",
	"a minimum of", NULL
};
static const char *const en_le[] = {
	"up to", "at most", "no more than", "not more than", "a maximum of",
	NULL
};
/*
 * A hedged figure: the number is the count reported, and the count may be
 * higher ("could exceed 60 dead": 60 are counted, more may be) or is at most
 * it ("as many as 300 were killed": 300 is the figure, stressed as large).
 * Both keep the figure as the best value ("60..60..", "0..300..300"), which
 * "more than 60" (>=61) and "up to 300" (a cap: <=300) do not state.
 */
static const char *const en_ge_best[] = {
	"could exceed", "may exceed", "might exceed", "could top", "may top", "might top",
	"could surpass", "may surpass", "might surpass", NULL
};
static const char *const en_le_best[] = {"as many as", NULL};
static const char *const fr_ge_best[] = {
	"pourrait depasser les", "pourrait depasser", "pourraient depasser les",
	"pourraient depasser", "pourrait atteindre les", "pourrait atteindre", NULL
};
static const char *const fr_le_best[] = {NULL};
static const char *const en_lt[] = {"fewer than", "less than", "under", "below", NULL};
static const char *const fr_gt[] = {"plus de", "plus d'", NULL};
static const char *const fr_ge[] = {
	"au moins", "pas moins de", "pas moins d'", "au minimum", "un minimum de",
	"un minimum d'", NULL
};
static const char *const fr_le[] = {
	"jusqu' a", "au plus", "au maximum", "pas plus de", "pas plus d'", "un maximum de",
	"un maximum d'", NULL
};
static const char *const fr_lt[] = {"moins de", "moins d'", NULL};

/* A comparison word before the number; returns the kind or -1. */
static int
comparator(const ctx *c, size_t pos, size_t *end)
{
	bool		fr = c->lang == SN_LANG_FR;
	tok			t;
	unsigned	lists;

	lex(c, pos, &t);
	if (t.kind == TK_SYM)
	{
		*end = t.end;
		switch (t.sym)
		{
			case '>':
				return CMP_GT;
			case SYM_GE:
				return CMP_GE;
			case SYM_LE:
				return CMP_LE;
			case '<':
				return CMP_LT;
			default:
				return -1;
		}
	}
	/* the lists the word can begin an entry of (all, for the exhaustive reader) */
	lists = c->exhaustive ? ~0u : t.bits >> WORD_ALT_SHIFT(c->lang);
	/* "un peu plus de" is approximate, not a bound: handled by the approx list */
	if ((lists & ALT_GE) && any_words_at(c, pos, fr ? fr_ge_best : en_ge_best, end))
		return CMP_GE_BEST;
	if ((lists & ALT_LE) && any_words_at(c, pos, fr ? fr_le_best : en_le_best, end))
		return CMP_LE_BEST;
	if ((lists & ALT_GE) && any_words_at(c, pos, fr ? fr_ge : en_ge, end))
		return CMP_GE;
	if ((lists & ALT_LE) && any_words_at(c, pos, fr ? fr_le : en_le, end))
		return CMP_LE;
	if ((lists & ALT_GT) && any_words_at(c, pos, fr ? fr_gt : en_gt, end))
		return CMP_GT;
	if ((lists & ALT_LT) && any_words_at(c, pos, fr ? fr_lt : en_lt, end))
		return CMP_LT;
	return -1;
}

static bool
approx_prefix(const ctx *c, size_t pos, size_t *end)
{
	tok			t;

	lex(c, pos, &t);
	if (t.kind == TK_SYM && t.sym == '~')
	{
		*end = t.end;
		return true;
	}
	if (any_words_at(c, pos, c->lang == SN_LANG_FR ? fr_approx : en_approx, end))
	{
		size_t		e = 0;

		/* "approx." */
		if (c->lang == SN_LANG_EN && sym_at(c, *end, '.', &e))
			for (const char *const *a = en_approx_abbreviations; *a; a++)
				if (word_is(&t, *a))
					*end = e;
		return true;
	}
	return false;
}

static void
info_from_q(sn_phrase_info *info, const qv *q)
{
	info->vague |= q->vague;
	info->digits_only &= q->digits_only;
}

/* Finish a single quantity (resolving nothing pending) into a candidate. */
static bool
single_value(const qv *q)
{
	return !q->pending && q->lo == q->hi;
}

/* Ranges: "700 to 1,000", "between 35 and 45", "300-400", "700..850..1000" */
static void
try_range(ctx *c, size_t pos, bool approx, unsigned alts, cand *best)
{
	bool		fr = c->lang == SN_LANG_FR;
	size_t		p = pos,
				e;
	bool		framed = false;
	const char *joiner = NULL;
	qv			a,
				b,
				m;
	bool		have_mid = false;
	cand		r;

	/* (a frame only where the first token can be one: alts) */
	if ((alts & ALT_FRAME) && words_at(c, p, fr ? "entre" : "between", &e))
	{
		p = e;
		framed = true;
		joiner = fr ? "et" : "and";
	}
	else if ((alts & ALT_FRAME) && words_at(c, p, fr ? "de" : "from", &e))
	{
		p = e;
		framed = true;
		joiner = fr ? "a" : "to";
	}
	if (!quantity(c, p, framed, &a) || a.lo != a.hi)
		return;
	p = a.end;
	if (framed)
	{
		if (!words_at(c, p, joiner, &e))
			return;
	}
	else if (sym_at(c, p, SYM_DOTDOT, &e))
	{
		/* the canonical three-part form low..best..high */
		size_t		e2 = 0;

		if (quantity(c, e, false, &m) && single_value(&m) &&
			sym_at(c, m.end, SYM_DOTDOT, &e2) && quantity(c, e2, false, &b))
			have_mid = true;
	}
	else if (!(words_at(c, p, fr ? "a" : "to", &e) || sym_at(c, p, '-', &e)))
		return;
	if (!have_mid && !quantity(c, e, false, &b))
		return;
	if (!single_value(&b))
		return;

	/* "two to three million": the upper end's scale word applies to the lower */
	if (b.scaled && !a.scaled && a.numeral && b.scale > 1)
	{
		int64_t		v;
		int			rr = a.pending ? apply_scale(a.mant, a.fd, b.scale, &v)
			: (checked_mul(a.lo, b.scale, &v) ? 1 : -1);

		if (rr == 1 && v <= b.lo)
		{
			a.lo = a.hi = v;
			a.pending = false;
			a.scaled = true;
			a.digits_only = false;
		}
	}
	if (a.pending)
	{
		record_error(c, b.end, SN_ERR_SYNTAX, "a decimal number needs a scale word, as in \"1.2 million\"");
		return;
	}
	if (have_mid && (m.lo < a.lo || m.lo > b.lo))
	{
		record_error(c, b.end, SN_ERR_SYNTAX, "its best value lies outside its range");
		return;
	}
	if (a.lo > b.lo)
	{
		record_error(c, b.end, SN_ERR_SYNTAX, "the lower end of its range is greater than the upper end");
		return;
	}
	memset(&r, 0, sizeof(r));
	r.ok = true;
	r.end = b.end;
	r.lo = a.lo;
	r.hi = b.lo;
	r.best = have_mid ? m.lo : -1;
	r.approx = approx || a.approx || b.approx || (have_mid && m.approx);
	r.info.digits_only = true;
	r.info.range = true;
	info_from_q(&r.info, &a);
	info_from_q(&r.info, &b);
	if (have_mid)
		info_from_q(&r.info, &m);
	offer(best, &r);
}

/* Bounds: "more than 2,000", "up to 400", "plus de 2 millions" */
static void
try_bound(ctx *c, size_t pos, cand *best)
{
	size_t		e = 0;
	int			k = comparator(c, pos, &e);
	qv			q;
	cand		r;

	if (k < 0 || !quantity(c, e, false, &q))
		return;
	if (q.pending)
	{
		record_error(c, q.end, SN_ERR_SYNTAX, "a decimal number needs a scale word, as in \"1.2 million\"");
		return;
	}
	if (q.lo != q.hi)
		return;					/* "more than dozens": no single number to bound */
	memset(&r, 0, sizeof(r));
	r.ok = true;
	r.end = q.end;

	/*
	 * A collective after a bound gives the bound as a round number, not an
	 * approximate one: "plus d'une centaine" is more than 100 (>=101),
	 * "at least a dozen" at least 12 (>=12), as "more than a hundred" is.
	 * A "~" would say the bound itself is uncertain, which the phrase does
	 * not.
	 */
	r.approx = q.approx && !q.vague;
	r.best = -1;
	r.info.digits_only = true;
	info_from_q(&r.info, &q);
	switch (k)
	{
		case CMP_GE_BEST:
			r.lo = q.lo;
			r.hi = -1;
			r.best = q.lo;
			break;
		case CMP_LE_BEST:
			r.lo = 0;
			r.hi = q.lo;
			r.best = q.lo;
			break;
		case CMP_GT:
			if (q.lo == INT64_MAX)
			{
				record_error(c, q.end, SN_ERR_RANGE, "no count is above 9223372036854775807");
				return;
			}
			r.lo = q.lo + 1;
			r.hi = -1;
			break;
		case CMP_GE:
			r.lo = q.lo;
			r.hi = -1;
			break;
		case CMP_LE:
			r.lo = 0;
			r.hi = q.lo;
			break;
		case CMP_LT:
			if (q.lo == 0)
			{
				record_error(c, q.end, SN_ERR_RANGE, "no count is below 0");
				return;
			}
			r.lo = 0;
			r.hi = q.lo - 1;
			break;
	}
	offer(best, &r);
}

/* Postfixes after a single number */
static const char *const en_ge_post[] = {"or more", "and more", "and above", "or above", NULL};
static const char *const en_le_post[] = {"or fewer", "or less", "and under", "or under", NULL};
static const char *const fr_ge_post[] = {"ou plus", "et plus", "au moins", "au minimum", NULL};
static const char *const fr_le_post[] = {"ou moins", "au plus", "au maximum", "et moins", NULL};
#define EN_APPROX_POST "or so"
#define FR_APPROX_POST "environ"

/* A postfix after a single number: "or more", "or so", "+", "ou plus", "environ" */
static int
postfix(const ctx *c, size_t pos, size_t *end)
{
	bool		fr = c->lang == SN_LANG_FR;
	const tok  *t = lex_ref(c, pos);	/* not used after words_at() below */
	uint32_t	bits = t->bits;
	size_t		e = 0;

	if (t->kind == TK_SYM && t->sym == '+' && t->start == pos)
	{
		*end = t->end;
		return CMP_GE;
	}
	if (!fr && t->kind == TK_SYM && t->sym == '-' && t->start == pos && words_at(c, t->end, "plus", &e))
	{
		*end = e;
		return CMP_GE;
	}
	/* the word lists below: most words begin none of them */
	if (!c->exhaustive && !((bits >> WORD_ALT_SHIFT(c->lang)) & ALT_POSTFIX))
		return -1;
	if (any_words_at(c, pos, fr ? fr_ge_post : en_ge_post, end))
		return CMP_GE;
	if (any_words_at(c, pos, fr ? fr_le_post : en_le_post, end))
		return CMP_LE;
	if (fr ? words_at(c, pos, FR_APPROX_POST, end) : words_at(c, pos, EN_APPROX_POST, end))
		return 100;				/* approximate */
	return -1;
}

/* A quantity, maybe "about" it, maybe followed by a postfix */
static void
try_single(ctx *c, size_t pos, bool approx, cand *best)
{
	qv			q;
	cand		r;
	size_t		e = 0;
	int			k;

	if (!quantity(c, pos, false, &q))
		return;
	if (q.pending)
	{
		record_error(c, q.end, SN_ERR_SYNTAX,
					 c->lang == SN_LANG_FR ?
					 "a decimal number needs a scale word, as in \"1,2 million\" (in French \",\" is the decimal comma: write 1 000)" :
					 "a decimal number needs a scale word, as in \"1.2 million\"");
		return;
	}
	memset(&r, 0, sizeof(r));
	r.ok = true;
	r.end = q.end;
	r.lo = q.lo;
	r.hi = q.hi;
	r.best = q.lo == q.hi ? q.lo : -1;
	r.approx = approx || q.approx;
	r.info.digits_only = true;
	info_from_q(&r.info, &q);
	r.info.bare_numeral = !approx && q.numeral;
	offer(best, &r);

	if (q.lo != q.hi)
		return;
	k = postfix(c, q.end, &e);
	if (k < 0)
		return;
	r.end = e;
	r.info.bare_numeral = false;
	if (k == CMP_GE)
	{
		r.hi = -1;
		r.best = -1;
	}
	else if (k == CMP_LE)
	{
		r.lo = 0;
		r.best = -1;
	}
	else
		r.approx = true;
	offer(best, &r);
}

static void
try_unknown(ctx *c, size_t pos, cand *best)
{
	cand		r;
	size_t		e = 0;

	memset(&r, 0, sizeof(r));
	if (sym_at(c, pos, '?', &e))
		r.ok = true;
	else if (any_words_at(c, pos, c->lang == SN_LANG_FR ? fr_unknown : en_unknown, &e))
		r.ok = true;
	if (!r.ok)
		return;
	r.end = e;
	r.lo = 0;
	r.hi = -1;
	r.best = -1;
	r.info.unknown = true;
	offer(best, &r);
}

/* ------------------------------------------------------------------------
 * What a word can begin
 *
 * annotate() asks the scanner at every word of a text, and most words
 * ("attacked", "the", a place name) cannot begin a quantity; of those that
 * can, most begin only one or two of the grammar's alternatives ("523"
 * no unknown, no bound, no approximation).  One table answers, for a folded
 * word, what the reader asks before trying the grammar:
 *
 *  - which alternatives of a phrase it can begin, in each language: the
 *    first words of the grammar's own lists (unknown, approximate, the four
 *    comparisons), the frames of a range, and the words a quantity can
 *    begin with (number words, "a", vague words), so that read_phrase tries
 *    only those;
 *  - from these, computed when the table is filled (mark_first_set), whether
 *    it begins a phrase at all, in either language (WORD_STARTER): the
 *    grammar's first set, the scanner's quick test and annotate's word test.
 *    A word the grammar's lists gain is in it at once; the unit tests read
 *    every word of this file's grammar with the exhaustive reader and fail
 *    when one begins a phrase the first set lacks;
 *  - whether it is a word of a count (WORD_COUNT: number names, scale words,
 *    collectives, vague words), which the prefix look-ahead below looks for;
 *  - whether it is a prefix word (computed: mark_prefix_only): then the quick
 *    test also wants the rest of a quantity to follow.
 *
 * The table is filled at its first lookup (like sn_wordset: each backend
 * fills its own; the core runs no threads).  The unit tests and the fuzz
 * harness compare the reader with its exhaustive self, which tries every
 * alternative at every phrase, and the quick test with the grammar: a word
 * missing here would make annotate miss phrases.
 * ------------------------------------------------------------------------ */

/*
 * Prefix words (WORD_PREFIX_ONLY), computed from the grammar's lists when
 * the table is filled (mark_prefix_only): the words that begin a phrase
 * only as part of a prefix, so that the rest of a quantity must follow.
 * A starter is one unless it is
 *  - a word of a count ("two", "dozens", "several": a quantity alone);
 *  - a phrase alone (WORD_NOT_PREFIX): a one-word entry of an unknown list
 *    ("unknown", "inconnus"), or the first word of a longer entry whose
 *    next word does not go on (see completes_prefix: "not known", "non
 *    communique");
 *  - an abbreviation, which a full stop may follow ("approx. 300"), where
 *    the look-ahead stops (WORD_NOT_PREFIX too).
 * Everything else a starter begins is followed by a quantity: the
 * approximations, the comparisons and the hedged figures ("about", "at
 * least", "could exceed", "pres de"), the frames of a range ("between",
 * "de"), the unknown entries whose next word goes on ("an unknown number")
 * and the articles of a count ("a dozen", "des dizaines": the words a
 * quantity begins with that are no words of a count).  So after one of
 * them a phrase goes on, within a few words, to a number, or to a word of
 * a count or a starter that is not one of these: the commonest words of a
 * text ("a", "in", "at", "some", "de") then cost a reader's call only where
 * a quantity can follow.
 */
#define WORD_NOT_PREFIX (UINT32_C(1) << 23)	/* a starter that is no prefix word (see above) */

/*
 * A word of the grammar's vocabulary: any word of its lists' entries (not
 * only the first) and of its number tables, and the words its code compares
 * a token with.  Between a prefix word and its quantity only such words
 * come ("in excess of", "a minimum of", "aux alentours de" are entries of
 * the lists), so the prefix look-ahead stops at any other word: "a
 * statement on 12 August", "in a convoy of 40 trucks" begin no quantity at
 * "a" or "in".
 */
#define WORD_KNOWN (UINT32_C(1) << 24)

/* The words the grammar's code compares a token with, besides its lists */
static const char *const code_words = "a and et to of de d' from between entre plus";

/*
 * The words of a count besides the number names, the scale words, the
 * collectives and the vague plurals: what en_unit_chain and
 * vague_quantity() read after a first word ("a dozen", "a few", "half a
 * dozen", "quatre-vingts").
 */
static const char *const en_count_words = "dozen hundred few half several";
static const char *const fr_count_words = "cent cents soixante vingts plusieurs quelques";

/* The words a quantity can begin with besides the number-name tables */
static const char *const en_quantity_words = "a half several";
static const char *const fr_quantity_words = "mille cent cents soixante des plusieurs quelques";

#define WORD_TABLE_MAX 512
#define WORD_TABLE_SLOTS 1024	/* a power of two, twice the words */

static struct
{
	bool		ready;
	int			nwords;

	/*
	 * A quick filter before hashing: bit (z & 31) of filter[n][a & 31] is set
	 * when a word of n bytes that begins with a and ends with z is in the
	 * table.  Most words looked up are not ("the", "attacked"), and most of
	 * those fail here.
	 */
	uint32_t	filter[WMAX][32];
	/* open addressing: 0 = empty, else 1 + the word's index */
	uint16_t	slot[WORD_TABLE_SLOTS];
	struct
	{
		char		w[WMAX];
		uint8_t		n;
		uint32_t	bits;
	}			word[WORD_TABLE_MAX];
}			word_table;

static inline uint32_t
word_hash(const char *w, size_t n)
{
	uint32_t	h = 2166136261u;

	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char) w[i]) * 16777619u;
	return h;
}

/* memcmp(a, b, n) == 0 for a few bytes, without a call */
static inline bool
same_bytes(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (a[i] != b[i])
			return false;
	return true;
}

/* The slot holding w (n bytes, 0 < n < WMAX), or the empty slot where it would go */
static size_t
word_slot(const char *w, size_t n)
{
	size_t		s = word_hash(w, n) & (WORD_TABLE_SLOTS - 1);

	while (word_table.slot[s] != 0)
	{
		int			k = word_table.slot[s] - 1;

		if (word_table.word[k].n == n && same_bytes(word_table.word[k].w, w, n))
			break;
		s = (s + 1) & (WORD_TABLE_SLOTS - 1);
	}
	return s;
}

/*
 * Give w (n bytes) bits.  A word too long or beyond the table's room would
 * be dropped: none is (the comparisons with the exhaustive reader would
 * show it).
 */
static void
add_word(const char *w, size_t n, uint32_t bits)
{
	size_t		s;
	int			k;

	if (n == 0 || n >= WMAX)
		return;
	s = word_slot(w, n);
	if (word_table.slot[s] == 0)
	{
		if (word_table.nwords >= WORD_TABLE_MAX)
			return;
		k = word_table.nwords++;
		memcpy(word_table.word[k].w, w, n);
		word_table.word[k].n = (uint8_t) n;
		word_table.word[k].bits = 0;
		word_table.slot[s] = (uint16_t) (k + 1);
		word_table.filter[n][(unsigned char) w[0] & 31] |= UINT32_C(1) << ((unsigned char) w[n - 1] & 31);
	}
	word_table.word[word_table.slot[s] - 1].bits |= bits;
}

/* Every word of a string of space-separated words */
static void
add_words(const char *words, uint32_t bits)
{
	while (*words)
	{
		size_t		n;

		while (*words == ' ')
			words++;
		n = strcspn(words, " ");
		add_word(words, n, bits);
		words += n;
	}
}

/* Every word of each entry of a NULL-terminated list, as WORD_KNOWN */
static void
add_known_words(const char *const *list)
{
	for (; *list; list++)
		add_words(*list, WORD_KNOWN);
}

/* The first word of each entry of a NULL-terminated list ("more than": "more") */
static void
add_first_words(const char *const *list, uint32_t bits)
{
	for (; *list; list++)
		add_word(*list, strcspn(*list, " "), bits);
}

static void
add_names(const char *const *names, size_t count, uint32_t bits)
{
	for (size_t i = 0; i < count; i++)
		add_word(names[i], strlen(names[i]), bits);
}

#define ADD_NAMES(names, bits) add_names((names), sizeof(names) / sizeof(names[0]), (bits))

/*
 * The grammar's first set: WORD_STARTER on every word that begins some
 * alternative of a phrase (an ALT_ bit) in either language.  It is derived
 * here, from the bits the grammar's lists gave, never listed by hand, so
 * that a word added to a list begins phrases at once.
 */
static void
mark_first_set(void)
{
	const unsigned en = WORD_ALT_SHIFT(SN_LANG_EN),
				fr = WORD_ALT_SHIFT(SN_LANG_FR);

	for (int k = 0; k < word_table.nwords; k++)
	{
		uint32_t	bits = word_table.word[k].bits;

		if (((bits >> en) | (bits >> fr)) & ALT_ALL)
			word_table.word[k].bits |= WORD_STARTER;
	}
}

static uint32_t word_bits_hashed(const char *w, size_t n);

/* Give the word w (n bytes, in the table) bits */
static void
mark_word(const char *w, size_t n, uint32_t bits)
{
	size_t		s = word_slot(w, n);

	if (word_table.slot[s] != 0)
		word_table.word[word_table.slot[s] - 1].bits |= bits;
}

/*
 * WORD_NOT_PREFIX for the entries of an unknown list that are a phrase without a
 * quantity after their first word: the one-word entries (first pass), then
 * the first words of longer entries whose second word does not surely go
 * on, a word of a count or a one-word phrase itself (second pass: "an
 * unknown number" goes on at "unknown", "not known" does not at "known").
 */
static bool
mark_unknown_alone(const char *const *list, bool longer)
{
	bool		changed = false;

	for (; *list; list++)
	{
		size_t		n = strcspn(*list, " ");
		const char *second = *list + n + 1;
		uint32_t	bits;

		if (!longer)
		{
			if ((*list)[n] == '\0')
				mark_word(*list, n, WORD_NOT_PREFIX);
			continue;
		}
		if ((*list)[n] == '\0')
			continue;
		bits = word_bits_hashed(second, strcspn(second, " "));
		if (!((bits & WORD_COUNT) || (bits & (WORD_STARTER | WORD_NOT_PREFIX)) == (WORD_STARTER | WORD_NOT_PREFIX)) &&
			!(word_bits_hashed(*list, n) & WORD_NOT_PREFIX))
		{
			mark_word(*list, n, WORD_NOT_PREFIX);
			changed = true;
		}
	}
	return changed;
}

/* The prefix words: the starters that are no count, nor marked WORD_NOT_PREFIX */
static void
mark_prefix_only(void)
{
	for (const char *const *a = en_approx_abbreviations; *a; a++)
		mark_word(*a, strlen(*a), WORD_NOT_PREFIX);
	mark_unknown_alone(en_unknown, false);
	mark_unknown_alone(fr_unknown, false);
	/* until no first word changes: one that becomes alone may be another's second */
	while (mark_unknown_alone(en_unknown, true) | mark_unknown_alone(fr_unknown, true))
		;
	for (int k = 0; k < word_table.nwords; k++)
	{
		uint32_t	bits = word_table.word[k].bits;

		if ((bits & WORD_STARTER) && !(bits & (WORD_COUNT | WORD_NOT_PREFIX)))
			word_table.word[k].bits |= WORD_PREFIX_ONLY;
	}
}

/* The words of a count in each language (WORD_COUNT), from the number tables */
static void
add_count_words(void)
{
	ADD_NAMES(en_unit_names, WORD_COUNT);
	ADD_NAMES(en_ten_names, WORD_COUNT);
	ADD_NAMES(fr_unit_names, WORD_COUNT);
	ADD_NAMES(fr_ten_names, WORD_COUNT);
	for (size_t i = 0; i < sizeof(en_scales) / sizeof(en_scales[0]); i++)
		add_words(en_scales[i].w, WORD_COUNT);
	for (size_t i = 0; i < sizeof(fr_scales) / sizeof(fr_scales[0]); i++)
		add_words(fr_scales[i].w, WORD_COUNT);
	for (size_t i = 0; i < sizeof(fr_collectives) / sizeof(fr_collectives[0]); i++)
		add_words(fr_collectives[i].sg, WORD_COUNT);
	for (size_t i = 0; i < sizeof(en_vague_plurals) / sizeof(en_vague_plurals[0]); i++)
		add_words(en_vague_plurals[i].w, WORD_COUNT);
	add_words(en_count_words, WORD_COUNT);
	add_words(fr_count_words, WORD_COUNT);
}

/*
 * WORD_KNOWN on every word of the vocabulary: the lists' entries whole, the
 * number tables (given their own bits above) and the code's words.
 */
static void
add_vocabulary(void)
{
	static const char *const *const lists[] = {
		en_unknown, fr_unknown, en_gt, en_ge, en_ge_best, en_le_best, fr_ge_best,
		en_le, en_lt, fr_gt, fr_ge, fr_le, fr_lt, en_approx, fr_approx,
		en_ge_post, en_le_post, fr_ge_post, fr_le_post
	};

	for (size_t i = 0; i < sizeof(lists) / sizeof(lists[0]); i++)
		add_known_words(lists[i]);
	add_words(EN_APPROX_POST, WORD_KNOWN);
	add_words(FR_APPROX_POST, WORD_KNOWN);
	add_words(code_words, WORD_KNOWN);
	ADD_NAMES(en_plural_scales, WORD_KNOWN);
	ADD_NAMES(fr_plural_scales, WORD_KNOWN);
	/* every word given bits so far is a word of a list or a table */
	for (int k = 0; k < word_table.nwords; k++)
		word_table.word[k].bits |= WORD_KNOWN;
}

static void
fill_word_table(void)
{
	const unsigned en = WORD_ALT_SHIFT(SN_LANG_EN),
				fr = WORD_ALT_SHIFT(SN_LANG_FR);

	add_first_words(en_unknown, ALT_UNKNOWN << en);
	add_first_words(fr_unknown, ALT_UNKNOWN << fr);
	add_first_words(en_gt, (ALT_BOUND | ALT_GT) << en);
	add_first_words(en_ge, (ALT_BOUND | ALT_GE) << en);
	add_first_words(en_ge_best, (ALT_BOUND | ALT_GE) << en);
	add_first_words(en_le_best, (ALT_BOUND | ALT_LE) << en);
	add_first_words(fr_ge_best, (ALT_BOUND | ALT_GE) << fr);
	add_first_words(en_le, (ALT_BOUND | ALT_LE) << en);
	add_first_words(en_lt, (ALT_BOUND | ALT_LT) << en);
	add_first_words(fr_gt, (ALT_BOUND | ALT_GT) << fr);
	add_first_words(fr_ge, (ALT_BOUND | ALT_GE) << fr);
	add_first_words(fr_le, (ALT_BOUND | ALT_LE) << fr);
	add_first_words(fr_lt, (ALT_BOUND | ALT_LT) << fr);
	add_first_words(en_approx, ALT_APPROX << en);
	add_first_words(fr_approx, ALT_APPROX << fr);
	add_first_words(en_ge_post, ALT_POSTFIX << en);
	add_first_words(en_le_post, ALT_POSTFIX << en);
	add_first_words(fr_ge_post, ALT_POSTFIX << fr);
	add_first_words(fr_le_post, ALT_POSTFIX << fr);
	add_word(EN_APPROX_POST, strcspn(EN_APPROX_POST, " "), ALT_POSTFIX << en);
	add_word(FR_APPROX_POST, strcspn(FR_APPROX_POST, " "), ALT_POSTFIX << fr);
	/* try_range's frames */
	add_words("between from", ALT_FRAME << en);
	add_words("entre de", ALT_FRAME << fr);
	/* quantity(): numeral() (number_words) and vague_quantity() */
	ADD_NAMES(en_unit_names, ALT_QUANTITY << en);
	ADD_NAMES(en_ten_names, ALT_QUANTITY << en);
	for (size_t i = 0; i < sizeof(en_vague_plurals) / sizeof(en_vague_plurals[0]); i++)
		add_words(en_vague_plurals[i].w, ALT_QUANTITY << en);
	add_words(en_quantity_words, ALT_QUANTITY << en);
	ADD_NAMES(fr_unit_names, ALT_QUANTITY << fr);
	ADD_NAMES(fr_ten_names, ALT_QUANTITY << fr);
	add_words(fr_quantity_words, ALT_QUANTITY << fr);
	add_count_words();
	add_vocabulary();
	mark_first_set();
	mark_prefix_only();
	word_table.ready = true;
}

/* word_bits past the filter */
static uint32_t
word_bits_hashed(const char *w, size_t n)
{
	size_t		s = word_slot(w, n);

	return word_table.slot[s] ? word_table.word[word_table.slot[s] - 1].bits : 0;
}

/* The bits of w (n bytes, folded), 0 for a word not in the table */
static inline uint32_t
word_bits(const char *w, size_t n)
{
	if (__builtin_expect(!word_table.ready, 0))
		fill_word_table();
	if (n == 0 || n >= WMAX ||
		!(word_table.filter[n][(unsigned char) w[0] & 31] & (UINT32_C(1) << ((unsigned char) w[n - 1] & 31))))
		return 0;
	return word_bits_hashed(w, n);
}

/*
 * After a prefix word: a word that goes on to a quantity, a starter or a
 * word of a count that is not itself a prefix word, or the plural of one
 * ("dizaines", "milliers", "thousands").
 */
static bool
completes_prefix(const char *w, size_t n, uint32_t bits)
{
	const uint32_t goes_on = WORD_STARTER | WORD_COUNT;

	if (bits & WORD_PREFIX_ONLY)
		return false;
	return (bits & goes_on) ||
		(n > 1 && w[n - 1] == 's' && (word_bits(w, n - 1) & goes_on));
}

/*
 * A word of the vocabulary (WORD_KNOWN), or the plural of one ("dizaines":
 * the collectives are read in the plural by adding an "s").
 */
static bool
known_word(const char *w, size_t n, uint32_t bits)
{
	return (bits & WORD_KNOWN) ||
		(n > 1 && w[n - 1] == 's' && (word_bits(w, n - 1) & WORD_KNOWN));
}

/*
 * Which alternatives of a phrase can begin at pos: ALT_ bits from the first
 * token (all of them for the exhaustive reader).  An alternative left out
 * would fail at that token without recording an error: none records one
 * before it has read its first word or a quantity.
 */
static unsigned
phrase_alternatives(const ctx *c, size_t pos)
{
	const tok  *t;

	if (c->exhaustive)
		return ALT_ALL;
	t = lex_ref(c, pos);
	switch (t->kind)
	{
		case TK_NUM:
			return ALT_QUANTITY;
		case TK_WORD:
			return (t->bits >> WORD_ALT_SHIFT(c->lang)) & ALT_ALL;
		case TK_SYM:
			switch (t->sym)
			{
				case '?':
					return ALT_UNKNOWN;
				case '>':
				case '<':
				case SYM_GE:
				case SYM_LE:
					return ALT_BOUND;
				case '~':
					return ALT_APPROX;
				default:
					return 0;
			}
		case TK_END:
			break;
	}
	return 0;
}

/* A range or a single quantity at pos, as far as alts (its first token's) allow */
static void
try_quantity(ctx *c, size_t pos, bool approx, unsigned alts, cand *best)
{
	if (alts & (ALT_FRAME | ALT_QUANTITY))
		try_range(c, pos, approx, alts, best);
	if (alts & ALT_QUANTITY)
		try_single(c, pos, approx, best);
}

/*
 * The longest phrase at pos (pos at a token start, spaces skipped): of the
 * alternatives its first token can begin, the longest reading (the first
 * one of that length).
 */
static cand
read_phrase(ctx *c, size_t pos)
{
	cand		best;
	size_t		e = 0;
	unsigned	alts = phrase_alternatives(c, pos);

	memset(&best, 0, sizeof(best));
	if (alts & ALT_UNKNOWN)
		try_unknown(c, pos, &best);
	if (alts & ALT_BOUND)
		try_bound(c, pos, &best);
	try_quantity(c, pos, false, alts, &best);
	if ((alts & ALT_APPROX) && approx_prefix(c, pos, &e))
		try_quantity(c, e, true, phrase_alternatives(c, e), &best);
	return best;
}

static bool
to_estimate(const cand *r, sn_estimate *out, sn_error *err)
{
	return sn_estimate_make(r->lo, r->hi >= 0, r->hi, r->best >= 0, r->best,
							r->approx, out, err);
}

/* ------------------------------------------------------------------------
 * Where a phrase can begin: the scanner's quick test
 * ------------------------------------------------------------------------ */

bool
sn_estimate_phrase_word_may_begin(const char *w, size_t n)
{
	return (word_bits(w, n) & WORD_STARTER) != 0;
}

/*
 * How many tokens after a prefix word its quantity's number or number word
 * may come: the longest case is "in excess of a hundred" (the fourth).
 * annotate reads the same window off its words (sn_text.h).
 */
#define PREFIX_WINDOW SN_WORD_PREFIX_WINDOW

/*
 * The quick test's classes of a folded word for annotate (sn_text.h): a
 * prefix word (SN_WORD_PREFIX), a word the prefix look-ahead stops at
 * (SN_WORD_GOES_ON).  The same in both languages, as the table is.
 */
unsigned
sn_estimate_phrase_word_class(const char *w, size_t n, sn_lang lang)
{
	uint32_t	bits = word_bits(w, n);

	return ((bits & WORD_PREFIX_ONLY) ? SN_WORD_PREFIX : 0) |
		(completes_prefix(w, n, bits) ? SN_WORD_GOES_ON : 0);
}

bool
sn_estimate_phrase_word_known(const char *w, size_t n)
{
	return known_word(w, n, word_bits(w, n));
}

/*
 * The token at pos as the look-ahead below needs it: read here when it is
 * plain ASCII (spaces, then a number -- kind only --, a symbol -- kind and
 * sym of its first character --, or a word of letters that ends before an
 * ASCII character other than an apostrophe -- kind, folded w and end), else
 * by the lexer.  The look-ahead reads up to four tokens after each of the
 * commonest words of a text ("a", "in", "at"), where the lexer's generality
 * and its cache would cost more than the rest of the scan.
 */
static void
lex_ahead(const ctx *c, size_t pos, tok *t)
{
	/* in locals: the compiler cannot tell that stores to t->w leave them alone */
	const char *s = c->s;
	size_t		len = c->len;
	size_t		p = pos,
				n = 0,
				limit;

	while (p < len && is_ascii_space(s[p]))
		p++;
	if (p >= len)
	{
		t->kind = TK_END;
		return;
	}
	if (s[p] >= '0' && s[p] <= '9')
	{
		t->kind = TK_NUM;
		return;
	}
	if ((unsigned char) s[p] < 0x80 && !is_ascii_letter(s[p]))
	{
		t->kind = TK_SYM;
		t->sym = s[p];
		return;
	}
	limit = len - p < WMAX - 1 ? len - p : WMAX - 1;
	while (n < limit && is_ascii_letter(s[p + n]))
	{
		t->w[n] = (char) (s[p + n] | 0x20);
		n++;
	}
	/* not a plain word: non-ASCII, an elision ("d'un"), very long */
	if (n == 0 || n == WMAX - 1 ||
		(p + n < len && ((unsigned char) s[p + n] >= 0x80 || s[p + n] == '\'')))
	{
		lex(c, pos, t);
		return;
	}
	t->kind = TK_WORD;
	t->w[n] = '\0';
	t->n = (uint8_t) n;
	t->bits = word_bits(t->w, n);
	t->end = p + n;
}

/*
 * After a prefix word ending at pos: does a number not glued to what
 * follows, a '?' or a starter word that is not a prefix word follow within
 * PREFIX_WINDOW tokens?  A symbol (other than '?') ends the search: none
 * comes between a prefix and its quantity; so does a word outside the
 * vocabulary (WORD_KNOWN), since the prefix's own words are all in it.  A
 * word that folding could not reduce to ASCII passes.
 */
static bool
quantity_follows_prefix(const ctx *c, size_t pos)
{
	for (int k = 0; k < PREFIX_WINDOW; k++)
	{
		tok			t;

		lex_ahead(c, pos, &t);
		if (t.kind == TK_NUM)
		{
			/* one glued to what follows ("at 10:00", "in 40%"): numeral() refuses it */
			lex(c, pos, &t);
			return !t.glued;
		}
		if (t.kind != TK_WORD)
			return t.kind == TK_SYM && t.sym == '?';
		if (t.n == 0 || completes_prefix(t.w, t.n, t.bits))
			return true;
		if (!known_word(t.w, t.n, t.bits))
			return false;
		pos = t.end;
	}
	return false;
}

/*
 * Can a quantity phrase begin at c's position 0 (spaces skipped)?  Its
 * first word must be a starter, and a prefix word must be followed by the
 * rest of a quantity.  A number glued to what follows ("40%", "10:00",
 * "2013/14", "10km") begins none: every reading of a number goes through
 * numeral(), which refuses it, so the alternatives are not tried.
 */
static bool
may_begin(const ctx *c)
{
	const tok  *t = lex_ref(c, 0);

	if (t->kind == TK_NUM)
		return !t->glued;
	if (t->kind != TK_WORD)
		return true;
	if (!(t->bits & WORD_STARTER))
		return false;
	return !(t->bits & WORD_PREFIX_ONLY) || quantity_follows_prefix(c, t->end);
}

bool
sn_estimate_phrase_may_begin(const char *text, size_t len, sn_lang lang)
{
	ctx			c;

	ctx_init(&c, text, len, lang, false);
	return may_begin(&c);
}

/* The scanner; exhaustive: without the quick test, every alternative tried */
static size_t
scan(const char *text, size_t len, sn_lang lang, bool exhaustive,
	 sn_estimate *out, sn_phrase_info *info)
{
	ctx			c;
	cand		r;
	sn_error	err;

	ctx_init(&c, text, len, lang, exhaustive);
	if (len == 0 || skip_space(&c, 0) != 0 || (!exhaustive && !may_begin(&c)))
		return 0;
	r = read_phrase(&c, 0);
	if (!r.ok || !to_estimate(&r, out, &err))
		return 0;
	if (info)
		*info = r.info;
	return r.end;
}

size_t
sn_estimate_phrase_scan(const char *text, size_t len, sn_lang lang,
						sn_estimate *out, sn_phrase_info *info)
{
	return scan(text, len, lang, false, out, info);
}

size_t
sn_estimate_phrase_scan_exhaustive(const char *text, size_t len, sn_lang lang,
								   sn_estimate *out, sn_phrase_info *info)
{
	return scan(text, len, lang, true, out, info);
}

/* Words that may not follow the quantity as "nouns": they would change it. */
static bool
is_quantity_word(const ctx *c, const tok *t)
{
	static const char *const en_stop[] = {
		"hundred", "hundreds", "thousand", "thousands", "million", "millions", "billion",
		"billions", "dozen", "dozens", "tens", "several", "few", "more", "less", "fewer",
		"than", "most", "least", "about", "around", "approximately", "roughly", "nearly",
		"almost", "plus", "minus", "half", NULL
	};
	static const char *const fr_stop[] = {
		"cent", "cents", "mille", "million", "millions", "milliard", "milliards",
		"plusieurs", "quelques", "plus", "moins", "environ", "pres", "presque", "vingts",
		"soixante", NULL
	};
	const char *const *l;

	if (t->w[0] == '\0')
		return false;
	if (c->lang == SN_LANG_FR)
	{
		if ((LOOKUP(t->w, fr_unit_names, fr_unit_values) >= 0 &&
			 strcmp(t->w, "un") != 0 && strcmp(t->w, "une") != 0) ||
			LOOKUP(t->w, fr_ten_names, fr_ten_values) >= 0 ||
			fr_collective(t, false) || fr_collective(t, true))
			return true;
		l = fr_stop;
	}
	else
	{
		if (LOOKUP(t->w, en_unit_names, en_unit_values) >= 0 ||
			LOOKUP(t->w, en_ten_names, en_ten_values) >= 0)
			return true;
		l = en_stop;
	}
	for (; *l; l++)
		if (strcmp(t->w, *l) == 0)
			return true;
	return false;
}

static bool
phrase_error(const ctx *c, sn_error *err, sn_status status, size_t pos, const char *why)
{
	char		q[200];
	char		first = why[0];

	sn_error_set(err, status, (int) pos,
				 status == SN_ERR_RANGE ?
				 "quantity out of range in \"%s\"" :
				 "could not read a quantity in \"%s\"",
				 sn_quote_input(q, sizeof(q), c->s, c->len));
	if (first >= 'a' && first <= 'z')
		first = (char) (first - 'a' + 'A');
	sn_error_detail(err, "%c%s (at character %zu).", first, why + 1, sn_utf8_char_count(c->s, pos) + 1);
	if (status != SN_ERR_RANGE)
		sn_error_hint(err, c->lang == SN_LANG_FR ?
					  "In French, parse_estimate reads phrases such as \"environ 1 000\", \"entre 700 et 1 000\", \"plus de 2 millions\", \"une centaine\", \"inconnu\"." :
					  "parse_estimate reads phrases such as \"about 1,000\", \"700 to 1,000\", \"more than two million\", \"dozens\", \"undisclosed\" (and French with lang 'fr').");
	return false;
}

/* parse_estimate; exhaustive: every alternative of the grammar tried */
static bool
parse(const char *phrase, size_t len, sn_lang lang, bool exhaustive,
	  sn_estimate *out, sn_phrase_info *info, sn_error *err)
{
	ctx			c;
	cand		r;
	size_t		start,
				p;
	sn_error	inner;
	tok			t;

	ctx_init(&c, phrase, len, lang, exhaustive);
	if (sn_fold_string(phrase, len, NULL, 0) == (size_t) -1)
		return phrase_error(&c, err, SN_ERR_SYNTAX, 0, "it is not valid UTF-8");
	start = skip_space(&c, 0);
	if (start >= len)
		return phrase_error(&c, err, SN_ERR_SYNTAX, start, "it is empty");
	r = read_phrase(&c, start);
	if (!r.ok)
	{
		if (c.has_err)
			return phrase_error(&c, err, c.err_status, start, c.err_msg[0] ? c.err_msg : "it is invalid");
		lex(&c, start, &t);
		if (t.kind == TK_NUM && t.glued)
			return phrase_error(&c, err, SN_ERR_SYNTAX, t.end,
								"the number runs into other characters");
		return phrase_error(&c, err, SN_ERR_SYNTAX, start, "no quantity starts here");
	}

	/* trailing nouns */
	p = skip_space(&c, r.end);
	r.info.nouns_start = p;
	if (p < len && c.has_err && c.err_end > r.end)
		return phrase_error(&c, err, c.err_status, start, c.err_msg);
	for (;;)
	{
		lex(&c, p, &t);
		if (t.kind == TK_END)
			break;
		if (t.kind == TK_NUM)
			return phrase_error(&c, err, SN_ERR_SYNTAX, t.start,
								"a second number follows the quantity");
		if (t.kind == TK_SYM && t.sym != '-' && t.sym != '\'')
			return phrase_error(&c, err, SN_ERR_SYNTAX, t.start,
								"unexpected punctuation follows the quantity");
		if (t.kind == TK_WORD && is_quantity_word(&c, &t))
			return phrase_error(&c, err, SN_ERR_SYNTAX, t.start,
								"a word that would change the quantity follows it");
		r.info.nouns_consumed = true;
		p = t.end;
	}
	if (!r.info.nouns_consumed)
		r.info.nouns_start = 0;
	if (!to_estimate(&r, out, &inner))
		return phrase_error(&c, err, SN_ERR_SYNTAX, start, inner.message);
	if (info)
		*info = r.info;
	return true;
}

bool
sn_estimate_phrase_parse(const char *phrase, size_t len, sn_lang lang,
						 sn_estimate *out, sn_phrase_info *info, sn_error *err)
{
	return parse(phrase, len, lang, false, out, info, err);
}

bool
sn_estimate_phrase_parse_exhaustive(const char *phrase, size_t len, sn_lang lang,
									sn_estimate *out, sn_phrase_info *info,
									sn_error *err)
{
	return parse(phrase, len, lang, true, out, info, err);
}
