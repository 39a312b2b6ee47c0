/*
 * extension/core/edtf_phrase.c
 *
 * The date phrase reader (edtf_phrase.h).
 *
 * The text from the starting position is cut into a few tokens (words folded
 * to lower-case ASCII, numbers, single punctuation marks), remembering where
 * each begins and ends in the original bytes.  Each pattern of the grammar
 * tries to match at the first token; the longest match wins.  Patterns that
 * need the publication day do not match without one.
 */
#include "edtf_phrase.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define MAX_TOKENS 14
#define WORD_MAX 24

typedef enum tok_type
{
	T_END = 0,
	T_WORD,
	T_NUM,
	T_PUNCT,
	T_OTHER						/* a number glued to letters, or a word we cannot fold */
} tok_type;

/*
 * The patterns of the grammar, as bits: a token records which patterns can
 * begin at it (tok.starts), and longest() tries only those.  Bits 0-14 are
 * in the order longest() tries the patterns at a word (a tie goes to the
 * first), which it follows by taking the lowest bit first.
 */
enum
{
	P_ISO = 1 << 0,
	P_DAY_MONTH = 1 << 1,
	P_MONTH_DAY = 1 << 2,
	P_MONTH = 1 << 3,
	P_YEAR = 1 << 4,
	P_DECADE = 1 << 5,
	P_PART = 1 << 6,
	P_DAY_WORD = 1 << 7,
	P_WEEKDAY = 1 << 8,
	P_RELATIVE = 1 << 9,
	P_AGO = 1 << 10,
	P_SEASON = 1 << 11,
	P_SINCE = 1 << 12,
	P_RANGE = 1 << 13,
	P_EDTF_RUN = 1 << 14,
	P_PREPOSITION = 1 << 15,	/* "in", "on", "en", "au cours de", ... then a phrase */
	P_THE_ORDINAL = 1 << 16,	/* "on the 13th of August": after a preposition */
	P_APPROX = 1 << 17,			/* "around 17 February 2022", "vers le 17 février" */
	P_DAY_SPAN = 1 << 18,		/* "17-22 January", "between 17 and 22 January", "du 17 au 22 janvier" */
	P_BOUND = 1 << 19,			/* "before 1850", "after March 2013"; "avant 1850", "après 1850" */
	P_CENTURY = 1 << 20,		/* "the 19th century"; "le XIXe siècle", "19e siècle" */
	P_ALL = (1 << 21) - 1
};


typedef struct tok
{
	tok_type	type;
	uint32_t	starts;			/* P_* bits: the patterns that can begin here */
	size_t		start,
				end;			/* bytes in the text */
	int64_t		num;
	int			ndigits;
	bool		ordinal;		/* 13th, 1st, 1er */
	bool		decade;			/* 1990s */
	bool		space_before;
	bool		capital;		/* first letter written upper case */
	/* what the word is in the reader's language (0: not that), see lexemes */
	int8_t		month;			/* full month name: 1-12 */
	int8_t		month_abbr;		/* month abbreviation: 1-12 */
	int8_t		weekday;		/* weekday name: 1 Monday .. 7 Sunday */
	int8_t		count;			/* number word: 1-20 ("a", "an", "une": 1) */
	bool		known;			/* a word of the vocabulary (a lexeme) */
	bool		needs_next;		/* begins no phrase by itself (see cannot_go_on) */
	/* last, so that new_tok() need not clear it */
	char		w[WORD_MAX];	/* folded word, or the punctuation mark */
} tok;

typedef struct ctx
{
	const char *text;
	size_t		len;
	int			n;				/* tokens read so far */
	/* tokens are read as the grammar asks for them: where reading goes on */
	size_t		next;
	bool		space_next;
	bool		all_read;		/* t[n] is the T_END token */
	bool		exhaustive;		/* try every pattern everywhere (the tests' yardstick) */
	bool		unknown_literal;	/* (exhaustive) the grammar read a word not in the vocabulary */
	const sn_civil_date *ref;
	int64_t		refday;
	sn_lang		lang;
	tok			t[MAX_TOKENS + 1];	/* last: not cleared before use */
} ctx;

/* ------------------------------------------------------------------------
 * Tokens
 */

static void classify_word(const ctx *c, tok *t, size_t n);

static bool
is_space_cp(uint32_t c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 || c == 0x202F ||
		c == 0x2009 || c == '\f' || c == '\v';
}

/* A token at start, all but its word cleared (the word is written as it is read). */
static inline void
new_tok(tok *t, size_t start, bool space_before)
{
	memset(t, 0, offsetof(tok, w));
	t->w[0] = '\0';
	t->start = start;
	t->space_before = space_before;
}

static inline bool
is_ascii_letter(unsigned char b)
{
	return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
}

/*
 * The word at p if it is plain ASCII letters ended by the end of the text or
 * by another ASCII character: cut, folded and classified as the general path
 * of tokenize_to() would, without decoding or folding each character (most
 * words of a report are such).  False, with nothing read, for any other word
 * (one with an accent, or glued to one): the general path takes it.  The
 * exhaustive reader does not use this, so the tests and the fuzz harness
 * compare the two paths.
 */
static bool
ascii_word(ctx *c, tok *t, size_t p, bool space_before)
{
	const char *s = c->text;
	size_t		q = p,
				n;

	size_t		room = c->len - p < WORD_MAX ? c->len : p + WORD_MAX;

	new_tok(t, p, space_before);
	/* folded as it is read: (b | 0x20) is a lower-case letter only for ASCII letters */
	for (; q < room; q++)
	{
		unsigned char l = (unsigned char) s[q] | 0x20;

		if ((unsigned) (l - 'a') >= 26)
			break;
		t->w[q - p] = (char) l;
	}
	/* (a word too long for the room goes on: it is cut whole) */
	while (q < c->len && is_ascii_letter((unsigned char) s[q]))
		q++;
	if (q < c->len && (unsigned char) s[q] >= 0x80)
		return false;
	n = q - p;
	t->end = q;
	t->capital = s[p] >= 'A' && s[p] <= 'Z';
	/* a word too long for any name of the vocabulary: kept as not ours, as below */
	if (n >= WORD_MAX)
	{
		t->type = T_OTHER;
		return true;
	}
	t->w[n] = '\0';
	t->type = T_WORD;
	classify_word(c, t, n);
	return true;
}

/*
 * The patterns a number token t can begin: those that read digits first,
 * each only where its own first test on the number would pass (p_iso: four
 * digits; p_day_month: a day 1-31 of one or two digits; p_year: a year
 * 1000-2999; p_decade: "1990s"; p_ago: a plain count of at most four
 * digits), so that most numbers of a report ("933 kilometres", "40%") try
 * two patterns instead of six.  p_edtf_run reads any run of digits.
 */
static uint32_t
number_starts(const tok *t)
{
	uint32_t	m = P_EDTF_RUN;
	bool		plain = !t->ordinal && !t->decade;

	if (plain && t->ndigits == 4)
		m |= P_ISO;
	if (!t->decade && t->ndigits <= 2 && t->num >= 1 && t->num <= 31)
		m |= P_DAY_MONTH | P_DAY_SPAN;
	if (plain && t->ndigits == 4 && t->num >= 1000 && t->num <= 2999)
		m |= P_YEAR;
	if (t->decade)
		m |= P_DECADE;
	if (plain && t->ndigits <= 4)
		m |= P_AGO;
	if (t->ordinal && t->ndigits <= 2 && t->num >= 1 && t->num <= 30)
		m |= P_CENTURY;
	return m;
}

/*
 * Read tokens until token want exists (or the text, or the room for tokens,
 * ends).  Most positions of a running text begin no date, and the grammar
 * finds that out from the first token or two: reading further on demand
 * keeps annotate() from cutting the text after every word into tokens.
 */
static void
tokenize_to(ctx *c, int want)
{
	size_t		p = c->next;
	bool		space = c->space_next;
	bool		bad_utf8 = false;

	while (c->n <= want && c->n < MAX_TOKENS && p < c->len)
	{
		uint32_t	cp,
					f[SN_FOLD_MAX];
		unsigned char b = (unsigned char) c->text[p];
		int			k;
		int			nf;
		tok		   *t = &c->t[c->n];

		if (b < 0x80)
		{
			/* ASCII, most of a report: what decoding and folding would give */
			if (b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == '\v')
			{
				p++;
				space = true;
				continue;
			}
			if (!c->exhaustive && is_ascii_letter(b) && ascii_word(c, t, p, space))
			{
				p = t->end;
				space = false;
				c->n++;
				continue;
			}
			cp = b;
			k = 1;
			f[0] = (b >= 'A' && b <= 'Z') ? b + ('a' - 'A') : b == '`' ? '\'' : b;
			nf = 1;
		}
		else
		{
			k = sn_decode_fold(c->text + p, c->len - p, &cp, f, &nf);
			if (k == 0)
			{
				bad_utf8 = true;
				break;
			}
			if (is_space_cp(cp))
			{
				p += (size_t) k;
				space = true;
				continue;
			}
		}
		new_tok(t, p, space);
		space = false;
		if (nf == 0)
		{
			/* invisible characters: skip */
			p += (size_t) k;
			continue;
		}
		if (cp >= '0' && cp <= '9')
		{
			int64_t		v = 0;
			int			nd = 0;

			while (p < c->len && c->text[p] >= '0' && c->text[p] <= '9')
			{
				if (nd < 12)
					v = v * 10 + (c->text[p] - '0');
				nd++;
				p++;
			}
			t->type = T_NUM;
			t->num = v;
			t->ndigits = nd;
			/* glued letters: an ordinal or decade suffix, else not a number of ours */
			if (p < c->len && ((c->text[p] >= 'a' && c->text[p] <= 'z') || (c->text[p] >= 'A' && c->text[p] <= 'Z') ||
							   (unsigned char) c->text[p] >= 0x80))
			{
				char		suf[8];
				int			ns = 0;
				size_t		q = p;

				while (q < c->len && ns < 7 &&
					   ((c->text[q] >= 'a' && c->text[q] <= 'z') || (c->text[q] >= 'A' && c->text[q] <= 'Z')))
					suf[ns++] = (char) (c->text[q++] | 0x20);
				suf[ns] = '\0';
				if (q < c->len && ((unsigned char) c->text[q] >= 0x80 ||
								   (c->text[q] >= '0' && c->text[q] <= '9')))
					t->type = T_OTHER;
				else if (strcmp(suf, "st") == 0 || strcmp(suf, "nd") == 0 || strcmp(suf, "rd") == 0 ||
						 strcmp(suf, "th") == 0 || strcmp(suf, "er") == 0 || strcmp(suf, "e") == 0)
					t->ordinal = true;
				else if (strcmp(suf, "s") == 0)
					t->decade = true;
				else
					t->type = T_OTHER;
				p = q;
			}
			if (t->type == T_NUM)
				t->starts = number_starts(t);
			t->end = p;
			c->n++;
			continue;
		}
		/* (ASCII: a letter, digits being read above) */
		if (cp < 0x80 ? (f[0] >= 'a' && f[0] <= 'z') : sn_is_word_char(f[0]))
		{
			int			nw = 0;
			bool		ascii = true;

			t->capital = cp >= 'A' && cp <= 'Z';
			for (;;)
			{
				int			i;
				unsigned char ch;

				for (i = 0; i < nf; i++)
				{
					if (f[i] >= 'a' && f[i] <= 'z')
					{
						if (nw < WORD_MAX - 1)
							t->w[nw++] = (char) f[i];
						else
							ascii = false;
					}
					else
						ascii = false;
				}
				p += (size_t) k;

				/*
				 * Most words are plain ASCII: a letter folds to itself in
				 * lower case, and any other ASCII character (digits,
				 * punctuation, space) ends the word, as the general case
				 * below would find.
				 */
				while (p < c->len)
				{
					ch = (unsigned char) c->text[p];
					if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z')))
						break;
					if (nw < WORD_MAX - 1)
						t->w[nw++] = (char) (ch | 0x20);
					else
						ascii = false;
					p++;
				}
				if (p >= c->len || (unsigned char) c->text[p] < 0x80)
					break;
				k = sn_decode_fold(c->text + p, c->len - p, &cp, f, &nf);
				if (k == 0)
					break;
				if (nf == 0)
					continue;
				if (!sn_is_word_char(f[0]) || (f[0] >= '0' && f[0] <= '9'))
					break;
			}
			t->w[nw] = '\0';
			t->type = ascii ? T_WORD : T_OTHER;
			if (ascii)
				classify_word(c, t, (size_t) nw);
			t->end = p;
			c->n++;
			continue;
		}
		/* punctuation: one character, folded (typographic apostrophes and dashes to ASCII) */
		t->type = T_PUNCT;
		t->w[0] = (f[0] < 0x80) ? (char) f[0] : '?';
		t->w[1] = '\0';
		p += (size_t) k;
		t->end = p;
		c->n++;
	}
	c->next = p;
	c->space_next = space;
	if (bad_utf8 || c->n >= MAX_TOKENS || p >= c->len)
	{
		new_tok(&c->t[c->n], p, false);
		c->t[c->n].type = T_END;
		c->t[c->n].end = p;
		c->all_read = true;
	}
}

/* Two folded words are the same (most differ at the first letter). */
static inline bool
same_word(const char *a, const char *b)
{
	/* short words: a loop here costs less than a call to strcmp */
	while (*a != '\0' && *a == *b)
		a++, b++;
	return *a == *b;
}

/* Token i (T_END beyond the last). */
static inline const tok *
T(const ctx *c, int i)
{
	if (i >= c->n && !c->all_read)
		tokenize_to((ctx *) c, i);	/* reading ahead does not change the meaning */
	return &c->t[i < c->n ? i : c->n];
}

static void check_vocabulary(const ctx *c, const char *w);

/*
 * The folded word of a token is the word w of the grammar.  The exhaustive
 * reader checks that every such w is in the vocabulary, on which the
 * look-ahead (cannot_go_on) relies.
 */
static inline bool
word_is(const ctx *c, const char *tw, const char *w)
{
	if (c->exhaustive)
		check_vocabulary(c, w);
	return same_word(tw, w);
}

static inline bool
is_word(const ctx *c, int i, const char *w)
{
	const tok  *t = T(c, i);

	return t->type == T_WORD && word_is(c, t->w, w);
}

/* The index of token i among the n words (-1: it is none of them). */
static int
word_among(const ctx *c, int i, const char *const *words, int n)
{
	for (int k = 0; k < n; k++)
		if (is_word(c, i, words[k]))
			return k;
	return -1;
}

static inline bool
is_punct(const ctx *c, int i, char ch)
{
	return T(c, i)->type == T_PUNCT && T(c, i)->w[0] == ch;
}

/* A punctuation mark glued to both neighbours ("mi-juillet", "2022-08"). */
static bool
is_glued(const ctx *c, int i, char ch)
{
	return is_punct(c, i, ch) && !T(c, i)->space_before && T(c, i + 1)->type != T_END &&
		!T(c, i + 1)->space_before;
}

/* ------------------------------------------------------------------------
 * Vocabulary
 */

static const char *const month_en[12] = {
	"january", "february", "march", "april", "may", "june", "july", "august",
	"september", "october", "november", "december"
};
static const char *const month_en_abbr[12] = {
	"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"
};
static const char *const month_fr[12] = {
	"janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout",
	"septembre", "octobre", "novembre", "decembre"
};
static const char *const month_fr_abbr[12] = {
	"janv", "fevr", NULL, "avr", NULL, NULL, "juil", NULL, "sept", "oct", "nov", "dec"
};
static const char *const weekday_en[7] = {
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"
};
static const char *const weekday_fr[7] = {
	"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"
};
static const char *const number_en[21] = {
	"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
	"eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
	"eighteen", "nineteen", "twenty"
};
static const char *const number_fr[21] = {
	"zero", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
	"onze", "douze", "treize", "quatorze", "quinze", "seize", NULL, NULL, NULL, "vingt"
};

/*
 * The lexemes: every month and weekday name, month abbreviation and number
 * word of both languages, with what it is in each.  A word is looked up once,
 * when it is cut (classify_word), and the patterns then read month_at(),
 * weekday_at() and count_at() off the token: they are asked at almost every
 * word a date can begin with, often several times at the same token, and
 * comparing the word with each name of each list cost more than the rest of
 * the reading.  The table is filled from the lists above at its first use
 * (once per backend; the core is single-threaded).
 */
#define LEXEME_BITS 9
#define LEXEME_SLOTS (1 << LEXEME_BITS)	/* well above the ~150 words */

/*
 * The words each pattern can begin with, besides those read off the lists
 * above (a month name begins p_month and p_month_day, a weekday p_weekday,
 * an English number word p_ago) and digits (number_starts()).  Each pattern's
 * first test is on these words: a pattern missing a word here would never
 * be tried where it begins; the fuzz harness compares the reader with its
 * exhaustive self (every pattern at every token) to catch that.
 */
static const struct
{
	uint32_t	patterns;
	const char *en;
	const char *fr;
}			first_words[] = {
	{P_DECADE, "the", "les annees"},
	{P_PART, "early mid late", "debut mi fin"},
	{P_DAY_WORD, "today yesterday tomorrow the", "aujourd hier avant demain"},
	{P_WEEKDAY, "last", ""},
	{P_RELATIVE, "earlier last past this", "plus la le l cette ce"},
	{P_AGO, "", "il"},
	{P_SEASON, "the spring summer autumn winter fall", "l printemps ete automne hiver"},
	{P_SINCE, "since", "depuis"},
	{P_RANGE, "from between", "de du entre"},
	{P_APPROX, "around about circa approximately roughly c ca", "vers"},
	{P_BOUND, "before after", "avant apres"},
	{P_CENTURY, "the", "le xie xiie xiiie xive xve xvie xviie xviiie xixe xxe xxie"},
	{P_DAY_SPAN, "from between", "du entre"},
	{P_PREPOSITION, "in on during by", "en le pendant durant courant au"},
	{P_THE_ORDINAL, "the", ""},
};

/*
 * The other words the patterns read (after a first word): with the words
 * above they make the vocabulary, and a word outside it continues no
 * phrase (cannot_go_on).  The exhaustive reader refuses to read where the
 * grammar compares a word missing here (check_vocabulary), so the tests
 * catch an omission.
 */
static const char *const other_words[] = {
	"ago before day days month months week weeks year years of to until and century",
	"annee annees an ans ci cours dernier derniere hui jour jours mois passe passee "
	"semaine semaines tot y a au et de du des siecle",
};

typedef struct lexeme
{
	const char *word;
	uint8_t		len;
	/* per language (SN_LANG_EN, SN_LANG_FR): 0 when the word is not one */
	int8_t		month[2],
				month_abbr[2],
				weekday[2],
				count[2];
	uint32_t	starts[2];		/* P_* bits: the patterns the word can begin */
	bool		needs_next[2];	/* it begins a phrase only with a known word or a mark after it */
} lexeme;

/*
 * A filter before hashing: bit n of first_len[a & 31] is set when a word of
 * n letters begins with letter a, of last_len[z & 31] when one ends with z,
 * and bit (b & 31) of pair[a & 31] when one begins with a, b (b = 0: a
 * one-letter word).  Most words of a text are none of ours, and all but a
 * few percent of those fail here in a few instructions.
 */
typedef struct word_filter
{
	uint32_t	first_len[32];
	uint32_t	last_len[32];
	uint32_t	pair[32];
} word_filter;

static struct
{
	bool		ready;
	int			n;
	size_t		max_len;		/* of the words: longer ones are none */
	word_filter all;			/* the vocabulary */
	word_filter starters;		/* the words with a pattern to begin (the word test) */
	uint16_t	slot[LEXEME_SLOTS];	/* 0 empty, else 1 + index into lex */
	lexeme		lex[LEXEME_SLOTS / 2];
}			lexemes;

/* The second letter of a word of n >= 1 bytes, 0 for a one-letter word. */
static inline unsigned char
second_letter(const char *w, size_t n)
{
	return n > 1 ? (unsigned char) w[1] : 0;
}

/*
 * The slot to probe first for w (n >= 1 bytes): from its length and its
 * first, second and last letters, which tell the ~150 words apart well
 * enough for a table a quarter full, without a loop over the word.
 */
static uint32_t
lexeme_hash(const char *w, size_t n)
{
	uint32_t	key = (uint32_t) n | (unsigned char) w[0] << 8 | second_letter(w, n) << 16 |
		(uint32_t) (unsigned char) w[n - 1] << 24;

	/* Fibonacci hashing: the top bits of the product */
	return (key * 0x9E3779B1u) >> (32 - LEXEME_BITS);
}

static void
filter_add(word_filter *f, const char *w, size_t n)
{
	f->first_len[w[0] & 31] |= 1u << n;
	f->last_len[w[n - 1] & 31] |= 1u << n;
	f->pair[w[0] & 31] |= 1u << (second_letter(w, n) & 31);
}

/* Can w (n bytes) be a word of f?  False for most words that are not. */
static inline bool
filter_may(const word_filter *f, const char *w, size_t n)
{
	/* (max_len is far below 32: the shifts stay in range) */
	return n != 0 && n <= lexemes.max_len &&
		(f->first_len[w[0] & 31] & f->last_len[w[n - 1] & 31] & (1u << n)) &&
		(f->pair[w[0] & 31] & (1u << (second_letter(w, n) & 31)));
}

static inline bool
lexeme_may_be(const char *w, size_t n)
{
	return filter_may(&lexemes.all, w, n);
}

/* The entry of w (n bytes), or NULL; w has passed lexeme_may_be(). */
static const lexeme *
lexeme_lookup(const char *w, size_t n)
{
	uint32_t	s;

	for (s = lexeme_hash(w, n); lexemes.slot[s] != 0; s = (s + 1) & (LEXEME_SLOTS - 1))
	{
		const lexeme *x = &lexemes.lex[lexemes.slot[s] - 1];

		size_t		k = 0;

		if (x->len != n)
			continue;
		while (k < n && x->word[k] == w[k])
			k++;
		if (k == n)
			return x;
	}
	return NULL;
}

static inline const lexeme *
lexeme_find(const char *w, size_t n)
{
	return lexeme_may_be(w, n) ? lexeme_lookup(w, n) : NULL;
}

/* The entry of w (n bytes of a string literal), made if new. */
static lexeme *
lexeme_add_n(const char *w, size_t n)
{
	uint32_t	s;
	lexeme	   *x;

	for (s = lexeme_hash(w, n); lexemes.slot[s] != 0; s = (s + 1) & (LEXEME_SLOTS - 1))
	{
		x = &lexemes.lex[lexemes.slot[s] - 1];
		if (x->len == n && memcmp(x->word, w, n) == 0)
			return x;
	}
	x = &lexemes.lex[lexemes.n];
	memset(x, 0, sizeof(*x));
	x->word = w;
	x->len = (uint8_t) n;
	if (n > lexemes.max_len)
		lexemes.max_len = n;
	lexemes.slot[s] = (uint16_t) (++lexemes.n);
	return x;
}

static lexeme *
lexeme_add(const char *w)
{
	return lexeme_add_n(w, strlen(w));
}

/* Add the words of list (space-separated) as beginning patterns in language l. */
static void
lexeme_add_starts(const char *list, int l, uint32_t patterns)
{
	const char *p = list;

	for (;;)
	{
		size_t		n;

		while (*p == ' ')
			p++;
		if (*p == '\0')
			break;
		n = strcspn(p, " ");
		lexeme_add_n(p, n)->starts[l] |= patterns;
		p += n;
	}
}

static bool reads_with_unknown_next(const lexeme *x, sn_lang lang);

static void
lexemes_fill(void)
{
	static const char *const *const month_full[2] = {month_en, month_fr};
	static const char *const *const month_short[2] = {month_en_abbr, month_fr_abbr};
	static const char *const *const weekday[2] = {weekday_en, weekday_fr};
	static const char *const *const number[2] = {number_en, number_fr};
	int			l,
				k;

	_Static_assert(LEXEME_SLOTS / 2 >= 12 * 4 + 7 * 2 + 20 * 2 + 60 + 60,
				   "room for the lexemes, the table at most half full");
	memset(lexemes.slot, 0, sizeof(lexemes.slot));
	memset(&lexemes.all, 0, sizeof(lexemes.all));
	memset(&lexemes.starters, 0, sizeof(lexemes.starters));
	lexemes.n = 0;
	lexemes.max_len = 0;
	for (l = 0; l < 2; l++)
	{
		uint32_t	month_starts = l == SN_LANG_EN ? (P_MONTH | P_MONTH_DAY) : P_MONTH;
		uint32_t	count_starts = l == SN_LANG_EN ? P_AGO : 0;	/* French: "il y a" */
		lexeme	   *x;

		for (k = 0; k < 12; k++)
		{
			x = lexeme_add(month_full[l][k]);
			x->month[l] = (int8_t) (k + 1);
			x->starts[l] |= month_starts;
			if (month_short[l][k])
			{
				x = lexeme_add(month_short[l][k]);
				x->month_abbr[l] = (int8_t) (k + 1);
				x->starts[l] |= month_starts;
			}
		}
		for (k = 0; k < 7; k++)
		{
			x = lexeme_add(weekday[l][k]);
			x->weekday[l] = (int8_t) (k + 1);
			x->starts[l] |= P_WEEKDAY;
		}
		for (k = 1; k <= 20; k++)
			if (number[l][k])
			{
				x = lexeme_add(number[l][k]);
				x->count[l] = (int8_t) k;
				x->starts[l] |= count_starts;
			}
		for (k = 0; k < (int) (sizeof(first_words) / sizeof(first_words[0])); k++)
			lexeme_add_starts(l == SN_LANG_EN ? first_words[k].en : first_words[k].fr, l,
							  first_words[k].patterns);
	}
	/* the other spellings: English "Sept.", French "fév."; "a week ago", "il y a une semaine" */
	lexeme_add("sept")->month_abbr[SN_LANG_EN] = 9;
	lexeme_add("sept")->starts[SN_LANG_EN] |= P_MONTH | P_MONTH_DAY;
	lexeme_add("fev")->month_abbr[SN_LANG_FR] = 2;
	lexeme_add("fev")->starts[SN_LANG_FR] |= P_MONTH;
	lexeme_add("a")->count[SN_LANG_EN] = 1;
	lexeme_add("an")->count[SN_LANG_EN] = 1;
	lexeme_add("a")->starts[SN_LANG_EN] |= P_AGO;
	lexeme_add("an")->starts[SN_LANG_EN] |= P_AGO;
	lexeme_add("une")->count[SN_LANG_FR] = 1;
	for (k = 0; k < (int) (sizeof(other_words) / sizeof(other_words[0])); k++)
		lexeme_add_starts(other_words[k], SN_LANG_EN, 0);
	for (k = 0; k < lexemes.n; k++)
	{
		const lexeme *x = &lexemes.lex[k];

		filter_add(&lexemes.all, x->word, x->len);
		if (x->starts[SN_LANG_EN] | x->starts[SN_LANG_FR])
			filter_add(&lexemes.starters, x->word, x->len);
	}
	lexemes.ready = true;
	/* (the probes read words with the table as it stands: needs_next is not read by them) */
	for (k = 0; k < lexemes.n; k++)
		for (l = 0; l < 2; l++)
			lexemes.lex[k].needs_next[l] = lexemes.lex[k].starts[l] != 0 &&
				!reads_with_unknown_next(&lexemes.lex[k], (sn_lang) l);
}

/* Note what the folded word of t (n letters) is in the reader's language. */
static inline void
classify_word(const ctx *c, tok *t, size_t n)
{
	const lexeme *x;
	int			l = c->lang == SN_LANG_FR ? 1 : 0;

	if (!lexemes.ready)
		lexemes_fill();
	if (!lexeme_may_be(t->w, n) || (x = lexeme_lookup(t->w, n)) == NULL)
		return;
	t->month = x->month[l];
	t->month_abbr = x->month_abbr[l];
	t->weekday = x->weekday[l];
	t->count = x->count[l];
	t->starts = x->starts[l];
	t->known = true;
	t->needs_next = x->needs_next[l];
}

/* (exhaustive reader) Note a word of the grammar missing from the vocabulary. */
static void
check_vocabulary(const ctx *c, const char *w)
{
	if (lexeme_find(w, strlen(w)) == NULL)
		((ctx *) c)->unknown_literal = true;
}

/*
 * The look-ahead: a word that begins no phrase by itself (needs_next, found
 * by reading it before an unknown word when the table is filled) followed
 * by a word outside the vocabulary, a token we cannot read or the end,
 * begins nothing: no pattern compares such a token with anything it could
 * be.  "the attack", "a convoy", "in the north" stop here after two tokens
 * instead of trying each pattern of their first word.
 */
static inline bool
cannot_go_on(const ctx *c, int i)
{
	const tok  *t = T(c, i),
			   *u;

	if (c->exhaustive || t->type != T_WORD || !t->needs_next)
		return false;
	u = T(c, i + 1);
	return u->type == T_END || u->type == T_OTHER || (u->type == T_WORD && !u->known);
}

/*
 * A month name at token i: returns 1-12 and the tokens it takes (an
 * abbreviation may take a '.'), or 0.  abbrev: an abbreviation was read.
 * A full name wins over an abbreviation ("may" is both in English).
 * "May"/"mars" alone are ordinary words too: the caller decides.
 */
static int
month_at(const ctx *c, int i, int *ntok, bool *abbrev)
{
	const tok  *t = T(c, i);

	if (t->type != T_WORD)
		return 0;
	if (t->month)
	{
		*ntok = 1;
		*abbrev = false;
		return t->month;
	}
	if (t->month_abbr)
	{
		*abbrev = true;
		*ntok = is_punct(c, i + 1, '.') && !T(c, i + 1)->space_before ? 2 : 1;
		return t->month_abbr;
	}
	return 0;
}

/* A weekday name at token i: 0 Monday .. 6 Sunday, or -1. */
static int
weekday_at(const ctx *c, int i)
{
	const tok  *t = T(c, i);

	return t->type == T_WORD ? t->weekday - 1 : -1;
}

/* A small count at token i (digits or a number word, "a"/"an"/"un"/"une" = 1). */
static int
count_at(const ctx *c, int i)
{
	const tok  *t = T(c, i);

	if (t->type == T_NUM && !t->ordinal && !t->decade && t->ndigits <= 4)
		return (int) t->num;
	if (t->type != T_WORD || t->count == 0)
		return -1;
	return t->count;
}

/* A year written out in running text: four digits, 1000-2999. */
static bool
year_at(const ctx *c, int i, int64_t *y)
{
	const tok  *t = T(c, i);

	if (t->type != T_NUM || t->ordinal || t->decade || t->ndigits != 4 || t->num < 1000 || t->num > 2999)
		return false;
	*y = t->num;
	return true;
}

/* A day of the month: 1-2 digits, perhaps an ordinal (1st, 13th, 1er). */
static bool
dayno_at(const ctx *c, int i, int *d)
{
	const tok  *t = T(c, i);

	if (t->type != T_NUM || t->decade || t->ndigits > 2 || t->num < 1 || t->num > 31)
		return false;
	*d = (int) t->num;
	return true;
}

/* ------------------------------------------------------------------------
 * Values
 */

static bool
set_day(int64_t days, sn_edtf *out)
{
	return sn_edtf_make_from_days(days, out);
}

static bool
set_days_interval(int64_t a, int64_t b, sn_edtf *out)
{
	sn_edtf		x,
				y;

	return set_day(a, &x) && set_day(b, &y) && sn_edtf_make_interval(&x, &y, out);
}

static bool
set_months_interval(int64_t y1, int m1, int64_t y2, int m2, sn_edtf *out)
{
	sn_edtf		x,
				y;

	return sn_edtf_make_month(y1, m1, &x) && sn_edtf_make_month(y2, m2, &y) &&
		sn_edtf_make_interval(&x, &y, out);
}

/* The latest month m not after the reference. */
static int64_t
year_of_latest_month(const ctx *c, int m)
{
	return m <= c->ref->month ? c->ref->year : c->ref->year - 1;
}

/* The latest day m-d not after the reference (Feb 29: the latest leap year). */
static bool
latest_day(const ctx *c, int m, int d, int64_t *days)
{
	int64_t		y = c->ref->year;
	int			k;

	if (d > 29 && d > sn_days_in_month(2000, m))
		return false;
	if (m == 2 && d == 29 && sn_days_in_month(2000, 2) < 29)
		return false;
	for (k = 0; k < 9; k++, y--)
	{
		if (d <= sn_days_in_month(y, m))
		{
			int64_t		v = sn_days_from_civil(y, m, d);

			if (v <= c->refday)
			{
				*days = v;
				return true;
			}
		}
	}
	return false;
}

/* Thirds: part 0 early, 1 mid, 2 late. */
static bool
set_month_third(int64_t y, int m, int part, sn_edtf *out)
{
	int			dim = sn_days_in_month(y, m);
	int			d1 = part == 0 ? 1 : part == 1 ? 11 : 21;
	int			d2 = part == 0 ? 10 : part == 1 ? 20 : dim;

	return set_days_interval(sn_days_from_civil(y, m, d1), sn_days_from_civil(y, m, d2), out);
}

static bool
set_year_third(int64_t y, int part, sn_edtf *out)
{
	return set_months_interval(y, 1 + 4 * part, y, 4 + 4 * part, out);
}

static bool
set_decade(int64_t first_year, sn_edtf *out)
{
	sn_error	err;

	if (first_year < 0 || first_year > 9990 || first_year % 10 != 0)
		return false;
	memset(out, 0, sizeof(*out));
	out->start.kind = SN_EDTF_DATE;
	out->start.year = (uint32_t) first_year;
	out->start.xmask = 0x1;
	return sn_edtf_finish(out, &err);
}

/* ------------------------------------------------------------------------
 * Patterns.  Each returns the index of the token after the match (> i), or
 * 0 when it does not match.
 */

/* Years i and i + 2 as a span (the second later), or 0 */
static int
year_span(const ctx *c, int i, sn_edtf *out)
{
	sn_edtf		x,
				y;
	int64_t		y1,
				y2;

	if (year_at(c, i, &y1) && year_at(c, i + 2, &y2) && y2 > y1 &&
		sn_edtf_make_year(y1, &x) && sn_edtf_make_year(y2, &y) &&
		sn_edtf_make_interval(&x, &y, out))
		return i + 3;
	return 0;
}

/*
 * ISO date or span of years: 2022-08-13, 2022-08, 2013-2022, 2021-22,
 * 1852 - 1860, 2013 – 2022.
 */
static int
p_iso(const ctx *c, int i, sn_edtf *out)
{
	const tok  *a = T(c, i);
	sn_error	err;

	if (a->type != T_NUM || a->ndigits != 4 || a->ordinal || a->decade)
		return 0;
	if (is_glued(c, i + 1, '-') && T(c, i + 2)->type == T_NUM && !T(c, i + 2)->ordinal &&
		!T(c, i + 2)->decade)
	{
		const tok  *b = T(c, i + 2);

		if (b->ndigits == 2)
		{
			int			end = i + 3;

			if (is_glued(c, i + 3, '-') && T(c, i + 4)->type == T_NUM && T(c, i + 4)->ndigits == 2 &&
				!T(c, i + 4)->ordinal && !T(c, i + 4)->decade)
				end = i + 5;
			/*
			 * Four digits, a hyphen and two digits alone: in running text a
			 * span of years far more often than a month or an EDTF season.
			 * The next year ("2011-12", "2021-22", "1999-00") is always a
			 * span; a later year that cannot be a month ("1998-2003" written
			 * "1998-03" is a month, "2015-18" is not) is a span; an earlier
			 * one is nothing ("2022-19").  (resolve_date reads a whole input
			 * that is EDTF text as EDTF first: there "2011-12" is December.)
			 */
			if (end == i + 3)
			{
				int64_t		y1 = a->num,
							y2 = y1 - y1 % 100 + b->num;
				sn_edtf		x,
							y;

				if (b->num == (y1 + 1) % 100)
					y2 = y1 + 1;
				else if (b->num <= 12)
					y2 = 0;		/* a month */
				if (y2 != 0)
				{
					if (y2 > y1 && year_at(c, i, &y1) && sn_edtf_make_year(y1, &x) &&
						sn_edtf_make_year(y2, &y) && sn_edtf_make_interval(&x, &y, out))
						return end;
					return 0;
				}
			}
			if (sn_edtf_parse(c->text + a->start, T(c, end - 1)->end - a->start, out, &err))
				return end;
			return 0;
		}
		if (b->ndigits == 4)
			return year_span(c, i, out);
	}
	/* a spaced hyphen or dash between two years: "1852 - 1860", "2013 – 2022" */
	if (is_punct(c, i + 1, '-'))
		return year_span(c, i, out);
	return 0;
}

/*
 * Day d of month m, read up to token j: with a year after it (a comma
 * between allowed) that day of that year, else, with a reference, the
 * latest such day.  Returns the tokens the date takes, 0 when none.
 */
static int
day_then_year(const ctx *c, int j, int m, int d, sn_edtf *out)
{
	int			k = j;
	int64_t		y,
				days;

	if (is_punct(c, k, ','))
		k++;
	if (year_at(c, k, &y))
		return sn_edtf_make_day(y, m, d, out) ? k + 1 : 0;
	if (c->ref == NULL || !latest_day(c, m, d, &days))
		return 0;
	return set_day(days, out) ? j : 0;
}

/* 13 August 2022, 13th of August, 1er août 2022 (a year optional with a reference). */
static int
p_day_month(const ctx *c, int i, sn_edtf *out)
{
	int			d,
				m,
				j = i + 1,
				nt;
	bool		abbr;

	if (!dayno_at(c, i, &d))
		return 0;
	if (c->lang == SN_LANG_EN && is_word(c, j, "of"))
		j++;
	m = month_at(c, j, &nt, &abbr);
	if (m == 0)
		return 0;
	j += nt;
	return day_then_year(c, j, m, d, out);
}

/* August 13, 2022; Aug. 13; August 13th (English). */
static int
p_month_day(const ctx *c, int i, sn_edtf *out)
{
	int			d,
				m,
				j,
				nt;
	bool		abbr;

	if (c->lang != SN_LANG_EN)
		return 0;
	m = month_at(c, i, &nt, &abbr);
	if (m == 0)
		return 0;
	j = i + nt;
	if (!dayno_at(c, j, &d))
		return 0;
	j++;
	return day_then_year(c, j, m, d, out);
}

/* August 2022, août 2022; a month alone (with a reference): the latest such month. */
static int
p_month(const ctx *c, int i, sn_edtf *out, bool after_preposition)
{
	int			m,
				nt,
				j;
	bool		abbr;
	int64_t		y;

	m = month_at(c, i, &nt, &abbr);
	if (m == 0)
		return 0;
	j = i + nt;
	{
		int			k = j;

		if (is_punct(c, k, ','))
			k++;
		if (year_at(c, k, &y))
			return sn_edtf_make_month(y, m, out) ? k + 1 : 0;
	}
	if (c->ref == NULL || abbr)
		return 0;
	/* "may" and "mars" are ordinary words too: alone, only capitalised or after "in"/"en" */
	if (!after_preposition && ((c->lang == SN_LANG_EN && m == 5) || (c->lang == SN_LANG_EN && m == 3)) &&
		!T(c, i)->capital)
		return 0;
	return sn_edtf_make_month(year_of_latest_month(c, m), m, out) ? j : 0;
}

/* 2013 */
static int
p_year(const ctx *c, int i, sn_edtf *out)
{
	int64_t		y;

	if (!year_at(c, i, &y))
		return 0;
	/* not the start of a longer number or a clock time: 2013.5, 2013:00 */
	if ((is_punct(c, i + 1, '.') || is_punct(c, i + 1, ':') || is_punct(c, i + 1, ',')) &&
		!T(c, i + 1)->space_before && T(c, i + 2)->type == T_NUM && !T(c, i + 2)->space_before)
		return 0;
	return sn_edtf_make_year(y, out) ? i + 1 : 0;
}

/* the 1990s, 1990s; les années 1990, années 90 */
static int
p_decade(const ctx *c, int i, sn_edtf *out)
{
	int			j = i;

	if (c->lang == SN_LANG_EN)
	{
		if (is_word(c, j, "the"))
			j++;
		if (T(c, j)->type == T_NUM && T(c, j)->decade && T(c, j)->ndigits == 4 && T(c, j)->num % 10 == 0)
			return set_decade(T(c, j)->num, out) ? j + 1 : 0;
		return 0;
	}
	if (is_word(c, j, "les"))
		j++;
	if (!is_word(c, j, "annees"))
		return 0;
	j++;
	if (T(c, j)->type == T_NUM && !T(c, j)->ordinal && !T(c, j)->decade && T(c, j)->num % 10 == 0)
	{
		if (T(c, j)->ndigits == 4)
			return set_decade(T(c, j)->num, out) ? j + 1 : 0;
		if (T(c, j)->ndigits == 2)
			return set_decade(1900 + T(c, j)->num, out) ? j + 1 : 0;
	}
	return 0;
}

/* early/mid/late July [2022], early 2022; début/mi-/fin juillet, début 2022 */
static int
p_part(const ctx *c, int i, sn_edtf *out)
{
	int			part = -1,
				j = i + 1,
				m,
				nt;
	bool		abbr;
	int64_t		y;

	if (c->lang == SN_LANG_EN)
	{
		static const char *const parts[] = {"early", "mid", "late"};

		part = word_among(c, i, parts, 3);
		if (part == 1 && is_glued(c, j, '-'))
			j++;
	}
	else
	{
		if (is_word(c, i, "debut"))
			part = 0;
		else if (is_word(c, i, "mi") && is_glued(c, j, '-'))
		{
			part = 1;
			j++;
		}
		else if (is_word(c, i, "fin"))
			part = 2;
		if (part != 1 && is_word(c, j, "de") && T(c, j + 1)->type != T_END)
			j++;
	}
	if (part < 0)
		return 0;
	m = month_at(c, j, &nt, &abbr);
	if (m)
	{
		int			k = j + nt;

		if (is_punct(c, k, ','))
			k++;
		if (year_at(c, k, &y))
			return set_month_third(y, m, part, out) ? k + 1 : 0;
		if (c->ref == NULL || abbr)
			return 0;
		return set_month_third(year_of_latest_month(c, m), m, part, out) ? j + nt : 0;
	}
	if (year_at(c, j, &y))
		return set_year_third(y, part, out) ? j + 1 : 0;
	/*
	 * early / mid / late 1990s, début / fin des années 1990: the first four,
	 * the middle three and the last three years of the decade.
	 */
	{
		sn_edtf		d;
		int			k = j,
					e;

		if (c->lang == SN_LANG_FR && is_word(c, k, "des"))
			k++;
		if (c->lang == SN_LANG_FR && !is_word(c, k, "annees"))
			return 0;
		e = p_decade(c, k, &d);
		if (e > 0 && d.start.kind == SN_EDTF_DATE)
		{
			int64_t		y0 = d.start.year;
			sn_edtf		a,
						b;
			static const int first[3] = {0, 4, 7},
						last[3] = {3, 6, 9};

			if (sn_edtf_make_year(y0 + first[part], &a) &&
				sn_edtf_make_year(y0 + last[part], &b) && sn_edtf_make_interval(&a, &b, out))
				return e;
		}
	}
	return 0;
}

/* today, yesterday, the day before yesterday, tomorrow; aujourd'hui, hier, avant-hier, demain */
static int
p_day_word(const ctx *c, int i, sn_edtf *out)
{
	if (c->ref == NULL)
		return 0;
	if (c->lang == SN_LANG_EN)
	{
		if (is_word(c, i, "today"))
			return set_day(c->refday, out) ? i + 1 : 0;
		if (is_word(c, i, "yesterday"))
			return set_day(c->refday - 1, out) ? i + 1 : 0;
		if (is_word(c, i, "tomorrow"))
			return set_day(c->refday + 1, out) ? i + 1 : 0;
		if (is_word(c, i, "the") && is_word(c, i + 1, "day") && is_word(c, i + 2, "before") &&
			is_word(c, i + 3, "yesterday"))
			return set_day(c->refday - 2, out) ? i + 4 : 0;
		return 0;
	}
	if (is_word(c, i, "aujourd") && is_punct(c, i + 1, '\'') && is_word(c, i + 2, "hui"))
		return set_day(c->refday, out) ? i + 3 : 0;
	if (is_word(c, i, "hier"))
		return set_day(c->refday - 1, out) ? i + 1 : 0;
	if (is_word(c, i, "avant") && is_glued(c, i + 1, '-') && is_word(c, i + 2, "hier"))
		return set_day(c->refday - 2, out) ? i + 3 : 0;
	if (is_word(c, i, "demain"))
		return set_day(c->refday + 1, out) ? i + 1 : 0;
	return 0;
}

/* Saturday; last Saturday; samedi; samedi dernier (and a date after it must agree). */
static int
p_weekday(const ctx *c, int i, sn_edtf *out)
{
	int			wd,
				j = i,
				end;
	bool		strictly = false;
	int64_t		d;

	if (c->lang == SN_LANG_EN && is_word(c, j, "last") && weekday_at(c, j + 1) >= 0)
	{
		strictly = true;
		j++;
	}
	wd = weekday_at(c, j);
	if (wd < 0)
		return 0;
	end = j + 1;
	if (c->lang == SN_LANG_FR && (is_word(c, end, "dernier") || is_word(c, end, "passe")))
	{
		strictly = true;
		end++;
	}
	/* "Saturday, August 13, 2022", "samedi 13 août": the date, if the weekday agrees */
	if (!strictly)
	{
		int			k = end;
		int			e2;
		sn_edtf		v;

		if (is_punct(c, k, ','))
			k++;
		if ((e2 = p_day_month(c, k, &v)) || (e2 = p_month_day(c, k, &v)))
		{
			if (sn_edtf_is_interval(&v) || v.lower != v.upper || sn_weekday(v.lower) != wd)
				return 0;		/* "Monday 13 August 2022" is a contradiction: no guess */
			*out = v;
			return e2;
		}
	}
	if (c->ref == NULL)
		return 0;
	d = c->refday - ((sn_weekday(c->refday) - wd + 7) % 7);
	if (strictly && d == c->refday)
		d -= 7;
	return set_day(d, out) ? end : 0;
}

/*
 * last/this week, month, year; earlier this week/month/year;
 * la semaine dernière, le mois dernier, l'an dernier, l'année dernière,
 * cette semaine, ce mois-ci, cette année, plus tôt ce mois-ci
 */
static int
p_relative_period(const ctx *c, int i, sn_edtf *out)
{
	int			unit = -1;		/* 0 week, 1 month, 2 year */
	int			which = -1;		/* 0 last, 1 this, 2 earlier this */
	int			end = 0;
	sn_civil_date r;
	int64_t		monday;

	if (c->ref == NULL)
		return 0;
	r = *c->ref;
	if (c->lang == SN_LANG_EN)
	{
		static const char *const units[] = {"week", "month", "year"};
		int			j = i;

		if (is_word(c, j, "earlier") && is_word(c, j + 1, "this"))
		{
			which = 2;
			j += 2;
		}
		else if (is_word(c, j, "last") || is_word(c, j, "past"))
		{
			which = 0;
			j++;
		}
		else if (is_word(c, j, "this"))
		{
			which = 1;
			j++;
		}
		else
			return 0;
		unit = word_among(c, j, units, 3);
		if (unit < 0)
			return 0;
		end = j + 1;
	}
	else
	{
		int			j = i;

		if (is_word(c, j, "plus") && is_word(c, j + 1, "tot"))
		{
			which = 2;
			j += 2;
		}
		if (is_word(c, j, "la") && is_word(c, j + 1, "semaine") &&
			(is_word(c, j + 2, "derniere") || is_word(c, j + 2, "passee")) && which < 0)
		{
			unit = 0;
			which = 0;
			end = j + 3;
		}
		else if (is_word(c, j, "le") && is_word(c, j + 1, "mois") &&
				 (is_word(c, j + 2, "dernier") || is_word(c, j + 2, "passe")) && which < 0)
		{
			unit = 1;
			which = 0;
			end = j + 3;
		}
		else if (is_word(c, j, "l") && is_punct(c, j + 1, '\'') &&
				 (is_word(c, j + 2, "an") || is_word(c, j + 2, "annee")) &&
				 (is_word(c, j + 3, "dernier") || is_word(c, j + 3, "derniere") ||
				  is_word(c, j + 3, "passe") || is_word(c, j + 3, "passee")) && which < 0)
		{
			unit = 2;
			which = 0;
			end = j + 4;
		}
		else if (is_word(c, j, "cette") && is_word(c, j + 1, "semaine"))
		{
			unit = 0;
			which = which < 0 ? 1 : which;
			end = j + 2;
		}
		else if (is_word(c, j, "ce") && is_word(c, j + 1, "mois"))
		{
			unit = 1;
			which = which < 0 ? 1 : which;
			end = j + 2;
			if (is_glued(c, end, '-') && is_word(c, end + 1, "ci"))
				end += 2;
		}
		else if (is_word(c, j, "cette") && is_word(c, j + 1, "annee"))
		{
			unit = 2;
			which = which < 0 ? 1 : which;
			end = j + 2;
		}
		else
			return 0;
	}

	monday = c->refday - sn_weekday(c->refday);
	switch (unit * 3 + which)
	{
		case 0:					/* last week */
			return set_days_interval(monday - 7, monday - 1, out) ? end : 0;
		case 1:					/* this week */
		case 2:					/* earlier this week */
			return set_days_interval(monday, c->refday, out) ? end : 0;
		case 3:					/* last month */
			return sn_edtf_make_month(r.month == 1 ? r.year - 1 : r.year, r.month == 1 ? 12 : r.month - 1, out) ? end : 0;
		case 4:					/* this month */
			return sn_edtf_make_month(r.year, r.month, out) ? end : 0;
		case 5:					/* earlier this month */
			return set_days_interval(sn_days_from_civil(r.year, r.month, 1), c->refday, out) ? end : 0;
		case 6:					/* last year */
			return sn_edtf_make_year(r.year - 1, out) ? end : 0;
		case 7:					/* this year */
			return sn_edtf_make_year(r.year, out) ? end : 0;
		case 8:					/* earlier this year */
			return set_days_interval(sn_days_from_civil(r.year, 1, 1), c->refday, out) ? end : 0;
	}
	return 0;
}

/* nine years ago, 3 months ago, a week ago; il y a neuf ans, il y a 3 mois */
static int
p_ago(const ctx *c, int i, sn_edtf *out)
{
	int			n,
				unit = -1,
				j,
				end;
	const char *w;
	sn_civil_date r;

	if (c->ref == NULL)
		return 0;
	r = *c->ref;
	if (c->lang == SN_LANG_EN)
	{
		n = count_at(c, i);
		if (n < 0)
			return 0;
		j = i + 1;
		end = j + 2;			/* "ago" is checked after the unit: a count is seldom followed by one */
	}
	else
	{
		if (!(is_word(c, i, "il") && is_word(c, i + 1, "y") && is_word(c, i + 2, "a")))
			return 0;
		n = count_at(c, i + 3);
		if (n < 0)
			return 0;
		j = i + 4;
		end = j + 1;
	}
	/* the unit words are in the vocabulary: "933 kilometres" stops here */
	if (T(c, j)->type != T_WORD || (!c->exhaustive && !T(c, j)->known))
		return 0;
	w = T(c, j)->w;
	if (c->lang == SN_LANG_EN)
	{
		if (word_is(c, w, "year") || word_is(c, w, "years"))
			unit = 2;
		else if (word_is(c, w, "month") || word_is(c, w, "months"))
			unit = 1;
		else if (word_is(c, w, "week") || word_is(c, w, "weeks"))
			unit = 3;
		else if (word_is(c, w, "day") || word_is(c, w, "days"))
			unit = 0;
	}
	else
	{
		if (word_is(c, w, "an") || word_is(c, w, "ans") || word_is(c, w, "annee") || word_is(c, w, "annees"))
			unit = 2;
		else if (word_is(c, w, "mois"))
			unit = 1;
		else if (word_is(c, w, "semaine") || word_is(c, w, "semaines"))
			unit = 3;
		else if (word_is(c, w, "jour") || word_is(c, w, "jours"))
			unit = 0;
	}
	/* singular with 1 only, plural otherwise ("one years ago" is not English) */
	if (unit < 0 || n > 10000)
		return 0;
	if (c->lang == SN_LANG_EN && !is_word(c, j + 1, "ago"))
		return 0;
	switch (unit)
	{
		case 0:
			return set_day(c->refday - n, out) ? end : 0;
		case 3:
			return set_day(c->refday - 7 * (int64_t) n, out) ? end : 0;
		case 1:
			{
				int64_t		mm = r.year * 12 + (r.month - 1) - n;
				int64_t		y = mm >= 0 ? mm / 12 : -((-mm + 11) / 12);

				return sn_edtf_make_month(y, (int) (mm - y * 12) + 1, out) ? end : 0;
			}
		case 2:
			return sn_edtf_make_year(r.year - n, out) ? end : 0;
	}
	return 0;
}

/* Seasons: summer 2022, the summer of 2022; l'été 2022 (21-24). */
static int
p_season(const ctx *c, int i, sn_edtf *out)
{
	static const char *const en[4] = {"spring", "summer", "autumn", "winter"};
	static const char *const fr[4] = {"printemps", "ete", "automne", "hiver"};
	const char *const *names = c->lang == SN_LANG_FR ? fr : en;
	int			j = i,
				s,
				k;
	int64_t		y;

	if (c->lang == SN_LANG_EN && is_word(c, j, "the"))
		j++;
	if (c->lang == SN_LANG_FR && is_word(c, j, "l") && is_punct(c, j + 1, '\''))
		j += 2;
	for (s = 0; s < 4; s++)
		if (is_word(c, j, names[s]) || (c->lang == SN_LANG_EN && s == 2 && is_word(c, j, "fall")))
			break;
	if (s == 4)
		return 0;
	k = j + 1;
	if (is_word(c, k, c->lang == SN_LANG_FR ? "de" : "of"))
		k++;
	if (!year_at(c, k, &y))
		return 0;
	return sn_edtf_make_month(y, 21 + s, out) ? k + 1 : 0;
}

static int longest(const ctx *c, int i, sn_edtf *out, int depth);

/*
 * EDTF text in running text: "2022-08-15T11:00:00Z", "2013/2022", "2022-07~".
 * The run of non-space bytes from token i (less trailing punctuation) must
 * read as EDTF and contain '-' or '/' (a bare number is a year only by
 * p_year's stricter rule).
 */
static int
p_edtf_run(const ctx *c, int i, sn_edtf *out)
{
	size_t		b = T(c, i)->start,
				e = b;
	int			tries;
	sn_error	err;

	bool		dash = false;

	if (T(c, i)->type != T_NUM)
		return 0;
	for (; e < c->len && c->text[e] != ' ' && c->text[e] != '\t' && c->text[e] != '\n' &&
		 c->text[e] != '\r' && (unsigned char) c->text[e] < 0x80; e++)
		dash |= c->text[e] == '-' || c->text[e] == '/';
	/* most numbers are no EDTF text: without '-' or '/' no shorter run has one either */
	if (!dash)
		return 0;
	for (tries = 0; tries < 4 && e > b; tries++)
	{
		if ((memchr(c->text + b, '-', e - b) || memchr(c->text + b, '/', e - b)) &&
			sn_edtf_parse(c->text + b, e - b, out, &err))
		{
			int			k;

			for (k = i; T(c, k)->type != T_END; k++)
				if (T(c, k)->end == e)
					return k + 1;
			return 0;
		}
		if (strchr(".,;:!)\"'", c->text[e - 1]) == NULL)
			break;
		e--;
	}
	return 0;
}

/* since 2013, depuis 2013: to the reference day (open without one) */
static int
p_since(const ctx *c, int i, sn_edtf *out, int depth)
{
	sn_edtf		a,
				b;
	int			e;

	if (!(c->lang == SN_LANG_EN ? is_word(c, i, "since") : is_word(c, i, "depuis")))
		return 0;
	e = longest(c, i + 1, &a, depth + 1);
	if (e == 0 || sn_edtf_is_interval(&a) || a.time.present)
		return 0;
	memset(out, 0, sizeof(*out));
	out->start = a.start;
	if (c->ref != NULL)
	{
		if (!set_day(c->refday, &b))
			return 0;
		out->end = b.start;
	}
	else
		out->end.kind = SN_EDTF_OPEN;
	{
		sn_error	err;

		return sn_edtf_finish(out, &err) ? e : 0;
	}
}

/* from X to Y, between X and Y; de X à Y, entre X et Y */
static int
p_range(const ctx *c, int i, sn_edtf *out, int depth)
{
	const char *w2,
			   *w2b = NULL;
	sn_edtf		a,
				b;
	int			e1,
				e2;

	if (c->lang == SN_LANG_EN)
	{
		if (is_word(c, i, "from"))
			w2 = "to", w2b = "until";
		else if (is_word(c, i, "between"))
			w2 = "and";
		else
			return 0;
	}
	else
	{
		if (is_word(c, i, "de") || is_word(c, i, "du"))
			w2 = "a", w2b = "au";
		else if (is_word(c, i, "entre"))
			w2 = "et";
		else
			return 0;
	}
	e1 = longest(c, i + 1, &a, depth + 1);
	if (e1 == 0 || !(is_word(c, e1, w2) || (w2b && is_word(c, e1, w2b))))
		return 0;
	e2 = longest(c, e1 + 1, &b, depth + 1);
	if (e2 == 0 || sn_edtf_is_interval(&a) || sn_edtf_is_interval(&b) || a.time.present || b.time.present)
		return 0;
	return sn_edtf_make_interval(&a, &b, out) ? e2 : 0;
}

/*
 * around 17 February 2022, about March 2013, circa 2013; vers le 17 février
 * 2022: the date, approximate ("2022-02-17~").  A bare year only after
 * "circa" ("about 2000" is more often a count than a date); not an interval
 * or a time.
 */
static int
p_approx(const ctx *c, int i, sn_edtf *out, int depth)
{
	sn_edtf		v;
	int			e;
	sn_error	err;

	bool		year_alone;
	int			j = i + 1;

	if (c->lang == SN_LANG_EN
		? !(is_word(c, i, "around") || is_word(c, i, "about") || is_word(c, i, "circa") ||
			is_word(c, i, "approximately") || is_word(c, i, "roughly") ||
			((is_word(c, i, "c") || is_word(c, i, "ca")) && is_punct(c, i + 1, '.') &&
			 !T(c, i + 1)->space_before))
		: !is_word(c, i, "vers"))
		return 0;
	/*
	 * A year alone is a date after the words only dates take: circa, "c.",
	 * "ca." and French "vers" ("vers 1850"; counts say "environ").
	 */
	year_alone = !is_word(c, i, "around") && !is_word(c, i, "about") &&
		!is_word(c, i, "approximately") && !is_word(c, i, "roughly");
	if (is_word(c, i, "c") || is_word(c, i, "ca"))
		j = i + 2;
	e = longest(c, j, &v, depth + 1);
	if (e == 0 || sn_edtf_is_interval(&v) || v.time.present || v.start.kind != SN_EDTF_DATE ||
		(v.start.month == 0 && !year_alone) || v.start.xmask != 0)
		return 0;
	v.start.approximate = SN_EDTF_YEAR | (v.start.month ? SN_EDTF_MONTH : 0) |
		(v.start.day ? SN_EDTF_DAY : 0);
	*out = v;
	return sn_edtf_finish(out, &err) ? e : 0;
}

/*
 * before 1850, after March 2013; avant 1850, après le 17 février 2022:
 * open intervals that leave the date out (EDTF "../1849", "2013-04/..").
 * The date is a day, a month or a year, not a span.
 */
static int
p_bound(const ctx *c, int i, sn_edtf *out)
{
	bool		before;
	sn_edtf		v,
				b;
	int			e;
	sn_error	err;

	if (c->lang == SN_LANG_EN ? is_word(c, i, "before") : is_word(c, i, "avant"))
		before = true;
	else if (c->lang == SN_LANG_EN ? is_word(c, i, "after") : is_word(c, i, "apres"))
		before = false;
	else
		return 0;
	e = 0;
	/* only absolute dates: "before 1850", not "before Monday" */
	{
		int			j = i + 1;

		if (c->lang == SN_LANG_FR && is_word(c, j, "le"))
			j++;
		e = p_day_month(c, j, &v);
		if (e == 0 || !year_at(c, e - 1, &(int64_t) {0}))
		{
			int			nt;
			bool		abbr;
			int64_t		y;

			e = 0;
			if (month_at(c, j, &nt, &abbr) && year_at(c, j + nt, &y) &&
				sn_edtf_make_month(y, month_at(c, j, &nt, &abbr), &v))
				e = j + nt + 1;
			else if (year_at(c, j, &y) && !is_punct(c, j + 1, '-') && sn_edtf_make_year(y, &v))
				e = j + 1;
		}
	}
	if (e == 0 || v.start.kind != SN_EDTF_DATE)
		return 0;
	/* the unit next to the date, on the far side */
	{
		int64_t		y = v.start.year;
		int			m = v.start.month,
					d = v.start.day,
					step = before ? -1 : 1;

		if (d)
		{
			if (!set_day(sn_days_from_civil(y, m, d) + step, &b))
				return 0;
		}
		else if (m)
		{
			m += step;
			if (m == 0)
				y--, m = 12;
			else if (m == 13)
				y++, m = 1;
			if (!sn_edtf_make_month(y, m, &b))
				return 0;
		}
		else if (!sn_edtf_make_year(y + step, &b))
			return 0;
	}
	memset(out, 0, sizeof(*out));
	if (before)
	{
		out->start.kind = SN_EDTF_OPEN;
		out->end = b.start;
	}
	else
	{
		out->start = b.start;
		out->end.kind = SN_EDTF_OPEN;
	}
	return sn_edtf_finish(out, &err) ? e : 0;
}

/*
 * Centuries: the 19th century, 19th-century; le XIXe siècle, 19e siècle.
 * EDTF writes a century with unspecified digits: the 19th century is 18XX
 * (1800-1899, as analysts count it; the strict 1801-1900 differs by a year
 * at each end).  Centuries 1 to 30.
 */
static int
roman_century(const char *w)
{
	static const char *const r[] = {
		"xie", "xiie", "xiiie", "xive", "xve", "xvie", "xviie", "xviiie", "xixe", "xxe", "xxie"
	};

	for (int k = 0; k < 11; k++)
		if (strcmp(w, r[k]) == 0)
			return 11 + k;
	return 0;
}

static int
p_century(const ctx *c, int i, sn_edtf *out)
{
	int			j = i,
				n = 0;
	char		t[8];
	sn_error	err;

	if (c->lang == SN_LANG_EN ? is_word(c, j, "the") : is_word(c, j, "le"))
		j++;
	if (T(c, j)->type == T_NUM && T(c, j)->ordinal && T(c, j)->ndigits <= 2)
		n = (int) T(c, j)->num;
	else if (c->lang == SN_LANG_FR && T(c, j)->type == T_WORD)
		n = roman_century(T(c, j)->w);
	if (n < 1 || n > 30)
		return 0;
	j++;
	if (c->lang == SN_LANG_EN && is_glued(c, j, '-'))
		j++;
	if (!(c->lang == SN_LANG_EN ? is_word(c, j, "century") : is_word(c, j, "siecle")))
		return 0;
	if (n == 1)
		return 0;				/* "0XXX" would be the years 0-999, not 0-99 */
	snprintf(t, sizeof(t), "%02dXX", n - 1);
	return sn_edtf_parse(t, 4, out, &err) ? j + 1 : 0;
}

/*
 * Days of one month, or from one day to another: 17-22 January, 17 - 22
 * January 2022, between 17 and 22 January, from 17 to 22 January, 31
 * January - 8 February, between 31 January - 8 February (as ACLED writes
 * it); du 17 au 22 janvier, entre le 17 et le 22 janvier, 17-22 janvier.
 * A first day given alone takes the month and year of the second.
 */
static int
p_day_span(const ctx *c, int i, sn_edtf *out)
{
	bool		en = c->lang == SN_LANG_EN;
	const char *lead = NULL;
	int			k = i,
				d1,
				e1 = 0,
				e2;
	sn_edtf		a,
				b;

	if (is_word(c, k, en ? "between" : "entre"))
		lead = en ? "and" : "et";
	else if (is_word(c, k, en ? "from" : "du"))
		lead = en ? "to" : "au";
	if (lead)
	{
		k++;
		if (!en && is_word(c, k, "le"))
			k++;
	}
	if (!dayno_at(c, k, &d1))
		return 0;
	/* the first day may have its month ("31 January - 8 February") */
	if (T(c, k + 1)->type == T_WORD && T(c, k + 1)->known)
		e1 = p_day_month(c, k, &a);
	k = e1 ? e1 : k + 1;
	/* then a dash, or the word that goes with the first ("and", "to", "au", "et") */
	if (is_punct(c, k, '-'))
		k++;
	else if (lead && is_word(c, k, lead))
		k++;
	else if (!lead && en && (is_word(c, k, "to") || is_word(c, k, "until")))
		k++;
	else if (!lead && !en && is_word(c, k, "au"))
		k++;
	else
		return 0;
	if (!en && is_word(c, k, "le"))
		k++;
	e2 = p_day_month(c, k, &b);
	if (e2 == 0 || sn_edtf_is_interval(&b) || b.time.present || b.start.day == 0)
		return 0;
	if (e1 == 0)
	{
		/* the first day alone: in the month of the second, before it */
		if (d1 >= b.start.day || !sn_edtf_make_day(b.start.negative ? -(int64_t) b.start.year : b.start.year,
												   b.start.month, d1, &a))
			return 0;
	}
	else if (sn_edtf_span_lo(&a) >= sn_edtf_span_lo(&b))
		return 0;
	return sn_edtf_make_interval(&a, &b, out) ? e2 : 0;
}

/* The longest phrase at token i, prepositions included. */
static int
longest(const ctx *c, int i, sn_edtf *out, int depth)
{
	int			best = 0,
				e,
				k;
	sn_edtf		v;
	bool		prep = false;
	int			j = i;
	uint32_t	may;

	if (depth > 2 || T(c, i)->type == T_END)
		return 0;
	/* most words and marks begin no pattern: only those that can are tried */
	may = c->exhaustive ? P_ALL : T(c, i)->starts;
	if (may == 0 || cannot_go_on(c, i))
		return 0;

	/* a preposition, then the phrase */
	if ((may & P_PREPOSITION) && c->lang == SN_LANG_EN &&
		(is_word(c, i, "in") || is_word(c, i, "on") || is_word(c, i, "during") ||
		 is_word(c, i, "by")))
		prep = true;
	if ((may & P_PREPOSITION) && c->lang == SN_LANG_FR &&
		(is_word(c, i, "en") || is_word(c, i, "le") || is_word(c, i, "pendant") ||
		 is_word(c, i, "durant") || is_word(c, i, "courant")))
		prep = true;
	if ((may & P_PREPOSITION) && c->lang == SN_LANG_FR && is_word(c, i, "au") &&
		is_word(c, i + 1, "cours") &&
		(is_word(c, i + 2, "de") || is_word(c, i + 2, "du")))
	{
		prep = true;
		j = i + 2;			/* "au cours de 2013": "de" is skipped below */
	}
	if (prep)
	{
		int			s = j + 1;
		static const uint32_t pattern[11] = {
			P_ISO, P_DAY_MONTH, P_MONTH_DAY, P_MONTH, P_YEAR, P_DECADE, P_PART,
			P_WEEKDAY, P_SEASON, P_RELATIVE, P_THE_ORDINAL
		};
		/* the patterns still to try, in this order (a tie goes to the first) */
		uint32_t	rest = (c->exhaustive ? P_ALL : T(c, s)->starts) &
			(P_ISO | P_DAY_MONTH | P_MONTH_DAY | P_MONTH | P_YEAR | P_DECADE | P_PART |
			 P_WEEKDAY | P_SEASON | P_RELATIVE | P_THE_ORDINAL);

		if (rest != 0 && cannot_go_on(c, s))
			rest = 0;			/* "in the north" */

		for (k = 0; rest != 0; k++)
		{
			if (!(rest & pattern[k]))
				continue;
			rest &= ~pattern[k];
			e = 0;
			switch (k)
			{
				case 0: e = p_iso(c, s, &v); break;
				case 1: e = p_day_month(c, s, &v); break;
				case 2: e = p_month_day(c, s, &v); break;
				case 3: e = p_month(c, s, &v, true); break;
				case 4: e = p_year(c, s, &v); break;
				case 5: e = p_decade(c, s, &v); break;
				case 6: e = p_part(c, s, &v); break;
				case 7: e = p_weekday(c, s, &v); break;
				case 8: e = p_season(c, s, &v); break;
				case 9: e = p_relative_period(c, s, &v); break;
				case 10: e = (c->lang == SN_LANG_EN && is_word(c, s, "the") &&
							  T(c, s + 1)->type == T_NUM && T(c, s + 1)->ordinal) ?
						p_day_month(c, s + 1, &v) : 0; break;
			}
			if (e > best)
			{
				best = e;
				*out = v;
			}
		}
		if (best)
			return best;
	}

	/* the patterns still to try, lowest bit (first in order) first */
	may &= ~(P_PREPOSITION | P_THE_ORDINAL);
	while (may != 0)
	{
		uint32_t	p = may & -may;

		may &= ~p;
		e = 0;
		switch (p)
		{
			case P_ISO: e = p_iso(c, i, &v); break;
			case P_DAY_MONTH: e = p_day_month(c, i, &v); break;
			case P_MONTH_DAY: e = p_month_day(c, i, &v); break;
			case P_MONTH: e = p_month(c, i, &v, false); break;
			case P_YEAR: e = p_year(c, i, &v); break;
			case P_DECADE: e = p_decade(c, i, &v); break;
			case P_PART: e = p_part(c, i, &v); break;
			case P_DAY_WORD: e = p_day_word(c, i, &v); break;
			case P_WEEKDAY: e = p_weekday(c, i, &v); break;
			case P_RELATIVE: e = p_relative_period(c, i, &v); break;
			case P_AGO: e = p_ago(c, i, &v); break;
			case P_SEASON: e = p_season(c, i, &v); break;
			case P_SINCE: e = p_since(c, i, &v, depth); break;
			case P_RANGE: e = p_range(c, i, &v, depth); break;
			case P_EDTF_RUN: e = p_edtf_run(c, i, &v); break;
			case P_APPROX: e = p_approx(c, i, &v, depth); break;
			case P_DAY_SPAN: e = p_day_span(c, i, &v); break;
			case P_BOUND: e = p_bound(c, i, &v); break;
			case P_CENTURY: e = p_century(c, i, &v); break;
		}
		if (e > best)
		{
			best = e;
			*out = v;
		}
	}
	/* "on the 13th" / "le 13" alone: not a date */
	return best;
}

/* ------------------------------------------------------------------------
 * Where a date phrase can begin
 *
 * annotate() asks at every plain word of a text, and most words cannot begin
 * a date.  The words that can are those of the lexeme table with a pattern
 * to begin in either language (prepositions, month and weekday names,
 * relative words, English number words, articles): the same table the
 * scanner classifies words with, so the two cannot disagree, and its
 * letter/length filter turns most other words away before any hashing.
 */
bool
sn_date_phrase_word_may_begin(const char *w, size_t n)
{
	const lexeme *x;

	if (!lexemes.ready)
		lexemes_fill();
	if (!filter_may(&lexemes.starters, w, n))
		return n > 0 && w[0] >= '0' && w[0] <= '9';
	x = lexeme_lookup(w, n);
	return x != NULL && (x->starts[SN_LANG_EN] | x->starts[SN_LANG_FR]) != 0;
}

/*
 * What annotate may know of the folded word w (n bytes) beyond the word test:
 * SN_WORD_KNOWN when it is in the vocabulary, SN_WORD_NEEDS_KNOWN_NEXT when
 * it begins a phrase only before a known word or a mark (needs_next, found by
 * asking the exhaustive reader when the table is filled), in language lang.
 * The scanner stops on the same two facts (cannot_go_on), so annotate can
 * leave it unasked at "the attack" or "in Koudiamata".
 */
unsigned
sn_date_phrase_word_class(const char *w, size_t n, sn_lang lang)
{
	const lexeme *x;

	if (!lexemes.ready)
		lexemes_fill();
	x = lexeme_find(w, n);
	if (x == NULL)
		return 0;
	return SN_WORD_KNOWN | (x->needs_next[lang == SN_LANG_FR ? 1 : 0] ? SN_WORD_NEEDS_KNOWN_NEXT : 0);
}

/* ------------------------------------------------------------------------
 * Entry points
 */

/*
 * The day number of a valid reference day (false for an invalid one, which
 * reads as no reference).  annotate() passes the same reference at every
 * word: the last one is remembered (the core is single-threaded).
 */
static bool
reference_day(const sn_civil_date *r, int64_t *days)
{
	static sn_civil_date last;
	static int64_t last_days;
	static bool last_valid,
				known;

	if (!known || r->year != last.year || r->month != last.month || r->day != last.day)
	{
		last = *r;
		last_valid = !(r->month < 1 || r->month > 12 || r->day < 1 ||
					   r->day > sn_days_in_month(r->year, r->month) ||
					   r->year < -9998 || r->year > 9998);
		last_days = last_valid ? sn_days_from_civil(r->year, r->month, r->day) : 0;
		known = true;
	}
	*days = last_days;
	return last_valid;
}

static size_t
scan(const char *text, size_t len, const sn_civil_date *reference, sn_lang lang,
	 sn_edtf *out, bool exhaustive)
{
	ctx			c;
	int			e;
	sn_edtf		v;

	if (text == NULL || len == 0)
		return 0;
	memset(&c, 0, offsetof(ctx, t));
	c.text = text;
	c.len = len;
	c.lang = lang;
	c.exhaustive = exhaustive;
	if (T(&c, 0)->type == T_END || T(&c, 0)->start != 0)
		return 0;
	/*
	 * A word that begins no pattern is refused at once (longest() would
	 * try nothing); annotate's word test refuses the same words, looked up
	 * in the same table.
	 */
	if (!exhaustive && T(&c, 0)->type == T_WORD && T(&c, 0)->starts == 0)
		return 0;
	/* the reference day, needed only now that a phrase may begin here */
	c.ref = reference && reference_day(reference, &c.refday) ? reference : NULL;
	e = longest(&c, 0, &v, 0);
	if (c.unknown_literal)
		return SIZE_MAX;		/* (exhaustive) a word missing from the vocabulary */
	if (e == 0)
		return 0;
	/* the phrase must end at a word boundary: not "2013" of "2013abc" (tokens see to it) */
	*out = v;
	return c.t[e - 1].end;
}

/*
 * Does a phrase begin with the lexeme x when a word outside the vocabulary
 * follows it?  The exhaustive reader is asked, with a reference day, the
 * word as written and capitalised ("May" alone is a month, "may" is not),
 * alone, before an unknown word, and after a preposition: if none reads
 * anything, the word needs a known word or a mark after it.  A word the
 * grammar compares but the vocabulary lacks makes the reader answer
 * SIZE_MAX, which counts as reading (the look-ahead then never refuses).
 */
static bool
reads_with_unknown_next(const lexeme *x, sn_lang lang)
{
	static const sn_civil_date ref = {2022, 8, 15};
	char		t[64];
	int			cap,
				form;
	sn_edtf		v;

	for (cap = 0; cap < 2; cap++)
		for (form = 0; form < 3; form++)
		{
			int			n = snprintf(t, sizeof(t), "%s%.*s%s",
									 form == 2 ? (lang == SN_LANG_FR ? "en " : "in ") : "",
									 (int) x->len, x->word, form == 1 ? "" : " zzzz");
			char	   *w = t + (form == 2 ? 3 : 0);

			if (cap)
				*w = (char) (*w - 'a' + 'A');
			if (scan(t, (size_t) n, &ref, lang, &v, true) != 0)
				return true;
		}
	return false;
}

/*
 * Does a phrase begin with the words x y when a word outside the vocabulary
 * follows them ("in the area", "on the road")?  Asked, as for one word, of
 * the exhaustive reader: each word as written and capitalised, the unknown
 * word too, with a reference day.
 */
static bool
reads_pair_with_unknown_next(const lexeme *x, const lexeme *y, sn_lang lang)
{
	static const sn_civil_date ref = {2022, 8, 15};
	char		t[128];
	sn_edtf		v;

	for (int caps = 0; caps < 8; caps++)
	{
		int			n = snprintf(t, sizeof(t), "%.*s %.*s %s", (int) x->len, x->word,
								 (int) y->len, y->word, caps & 4 ? "Zzzz" : "zzzz");

		if (caps & 1)
			t[0] = (char) (t[0] - 'a' + 'A');
		if (caps & 2)
			t[x->len + 1] = (char) (t[x->len + 1] - 'a' + 'A');
		if (scan(t, (size_t) n, &ref, lang, &v, true) != 0)
			return true;
	}
	return false;
}

/*
 * The answers of sn_date_phrase_pair_needs_known_next, found when first
 * asked (eight readings of the exhaustive reader each): a small table keyed
 * by the two words' places in the vocabulary and the language.
 */
#define PAIR_MEMO_BITS 9
#define PAIR_MEMO_SLOTS (1 << PAIR_MEMO_BITS)
static struct
{
	uint32_t	key;			/* 0: empty */
	bool		needs;
}			pair_memo[PAIR_MEMO_SLOTS];

bool
sn_date_phrase_pair_needs_known_next(const char *x, size_t nx, const char *y, size_t ny,
									 sn_lang lang)
{
	const lexeme *a,
			   *b;
	int			l = lang == SN_LANG_FR ? 1 : 0;
	uint32_t	key,
				slot;

	if (!lexemes.ready)
		lexemes_fill();
	a = lexeme_find(x, nx);
	b = lexeme_find(y, ny);
	/* only for two words that each begin a phrase only before a known word */
	if (a == NULL || b == NULL || !a->needs_next[l] || !b->needs_next[l])
		return false;
	key = (uint32_t) (a - lexemes.lex + 1) << 16 | (uint32_t) (b - lexemes.lex + 1) << 1 |
		(uint32_t) l;
	slot = (key * UINT32_C(0x9E3779B1)) >> (32 - PAIR_MEMO_BITS);
	if (pair_memo[slot].key != key)
	{
		pair_memo[slot].needs = !reads_pair_with_unknown_next(a, b, (sn_lang) l);
		pair_memo[slot].key = key;
	}
	return pair_memo[slot].needs;
}

size_t
sn_date_phrase_scan(const char *text, size_t len, const sn_civil_date *reference,
					sn_lang lang, sn_edtf *out)
{
	return scan(text, len, reference, lang, out, false);
}

size_t
sn_date_phrase_scan_exhaustive(const char *text, size_t len, const sn_civil_date *reference,
							   sn_lang lang, sn_edtf *out)
{
	return scan(text, len, reference, lang, out, true);
}

bool
sn_date_phrase_resolve(const char *phrase, size_t len, const sn_civil_date *reference,
					   sn_lang lang, sn_edtf *out, sn_error *err)
{
	size_t		b = 0,
				e = len,
				n;
	char		quoted[120];

	sn_error_clear(err);
	while (b < e && (phrase[b] == ' ' || phrase[b] == '\t' || phrase[b] == '\n' || phrase[b] == '\r'))
		b++;
	while (e > b && (phrase[e - 1] == ' ' || phrase[e - 1] == '\t' || phrase[e - 1] == '\n' ||
					 phrase[e - 1] == '\r'))
		e--;
	sn_quote_input(quoted, sizeof(quoted), phrase, len);
	/*
	 * An EDTF string is a date phrase too ("2022-XX", "2013/2022"), read
	 * first and as the edtf type reads it: resolve_date(d::text) is d for
	 * every edtf value d.  So "2011-12" alone is December 2011 and
	 * "2021-22" summer 2021, while in a longer phrase or in running text
	 * ("in 2011-12", annotate) they are spans of years.
	 */
	if (e > b && sn_edtf_parse(phrase + b, e - b, out, err))
		return true;
	sn_error_clear(err);
	n = sn_date_phrase_scan(phrase + b, e - b, reference, lang, out);
	if (n == e - b && n > 0)
		return true;
	sn_error_set(err, SN_ERR_DATETIME_FORMAT, n ? (int) (b + n) : (int) b,
				 "cannot read \"%s\" as a date", quoted);
	if (n > 0)
		sn_error_detail(err, "A date phrase ends at character %zu; the rest is not part of it.",
						sn_utf8_char_count(phrase, b + n) + 1);
	else if (reference == NULL)
		sn_error_detail(err, "Without a reference date only absolute dates are read (\"13 August 2022\", \"in 2013\", EDTF text).");
	else
		sn_error_detail(err, "No %s date phrase starts there.", lang == SN_LANG_FR ? "French" : "English");
	sn_error_hint(err, "Examples: \"in 2013\", \"last month\", \"on Saturday\", \"13 August 2022\", \"early July\"; in French \"le mois dernier\", \"13 août 2022\", \"samedi\".");
	return false;
}

size_t
sn_date_phrase_reader(void *arg, const char *text, size_t len, sn_lang lang, void *value)
{
	return sn_date_phrase_scan(text, len, (const sn_civil_date *) arg, lang, (sn_edtf *) value);
}
