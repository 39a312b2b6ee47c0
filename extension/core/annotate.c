/*
 * extension/core/annotate.c
 *
 * Names from the gazetteer, quantities and dates from the phrase readers,
 * merged into one list of mentions; see annotate.h.
 */
#include "annotate.h"

#include <string.h>

#include "matcher.h"
#include "sn_words.h"
#include "sn_wordset.h"

#define PROGRESS_EVERY ((size_t) 1 << 20)

static bool
an_oom(sn_error *err)
{
	return sn_error_set(err, SN_ERR_INVALID_PARAMETER, -1,
						"out of memory while annotating the text");
}

/* Make room in m, too small for need mentions, for them. */
static bool
an_grow_to(const sn_allocator *a, sn_mentions *m, size_t need)
{
	size_t		ncap = m->cap ? m->cap : 64;
	sn_mention *n;

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

/* Make room in m for need mentions (most calls find it there). */
static inline bool
an_grow(const sn_allocator *a, sn_mentions *m, size_t need)
{
	return need <= m->cap || an_grow_to(a, m, need);
}

/* The character at byte i, folded (0 for characters that folding drops). */
static uint32_t
folded_at(const char *text, size_t len, size_t i, int *nb)
{
	uint32_t	cp,
				f[SN_FOLD_MAX];
	int			nf;

	*nb = sn_decode_fold(text + i, len - i, &cp, f, &nf);
	return *nb > 0 && nf > 0 ? f[0] : 0;
}

/*
 * ASCII letters and digits, by table: the tests around a phrase ask at
 * many bytes, and a lookup is cheaper than the comparisons.
 */
#define ASCII_LETTER 1
#define ASCII_DIGIT 2

static const unsigned char ascii_kind[256] = {
	['0' ... '9'] = ASCII_DIGIT,
	['A' ... 'Z'] = ASCII_LETTER,
	['a' ... 'z'] = ASCII_LETTER
};

static inline bool
is_digit(char c)
{
	return ascii_kind[(unsigned char) c] == ASCII_DIGIT;
}

static inline bool
is_alpha(char c)
{
	return ascii_kind[(unsigned char) c] == ASCII_LETTER;
}

static inline bool
is_ascii_alnum(char c)
{
	return ascii_kind[(unsigned char) c] != 0;
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

/* Does the word "cent" come at text[k..], after spaces ("per cent", "pour cent")? */
static bool
cent_follows(const char *text, size_t len, size_t k)
{
	while (k < len && text[k] == ' ')
		k++;
	return word_at(text, len, k, "cent");
}

/*
 * Is the word at text[i..] one that makes the number before it a percentage
 * or a clock time ("percent", "per cent", "pour cent", "GMT", "o'clock")?
 * Dispatched on the first letter: this runs after every number of a text.
 */
static bool
unit_word_at(const char *text, size_t len, size_t i)
{
	char		w[8];
	size_t		n = 0,
				k = i;

	/* the word's ASCII letters, folded ("percent" is the longest) */
	while (k < len && is_alpha(text[k]))
	{
		if (n == sizeof(w) - 1)
			return false;
		w[n++] = (char) (text[k++] | 0x20);
	}
	w[n] = '\0';
	if (n == 0)
		return false;
	/* "a.m", "p.m", "o'clock" */
	if (n == 1 && k < len &&
		(((w[0] == 'a' || w[0] == 'p') && text[k] == '.' && word_at(text, len, k + 1, "m")) ||
		 (w[0] == 'o' && text[k] == '\'' && word_at(text, len, k + 1, "clock"))))
		return true;
	/* by length: most words after a number are none of these, and fail at once */
	switch (n)
	{
		case 1:
			return w[0] == 'h';
		case 2:
			return (w[0] == 'p' || w[0] == 'a') && w[1] == 'm';
		case 3:
			/* "per" only as "per cent" */
			if (memcmp(w, "per", 3) == 0)
				return cent_follows(text, len, k);
			return memcmp(w, "pct", 3) == 0 || memcmp(w, "gmt", 3) == 0 || memcmp(w, "utc", 3) == 0;
		case 4:
			/* "pour" only as "pour cent" */
			return memcmp(w, "pour", 4) == 0 && cent_follows(text, len, k);
		case 6:
			return memcmp(w, "heures", 6) == 0;
		case 7:
			return memcmp(w, "percent", 7) == 0;
		default:
			return false;
	}
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

/* Whether text[start, end) holds a run of digits that is a year. */
static bool
holds_year_token(const char *text, size_t start, size_t end)
{
	size_t		j = start;

	while (j < end)
	{
		size_t		e;

		while (j < end && !is_digit(text[j]))
			j++;
		e = j;
		while (e < end && is_digit(text[e]))
			e++;
		if (is_year_token(text + j, e - j))
			return true;
		j = e;
	}
	return false;
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

	/* most phrases hold no year at all: look for one before reading words */
	if (!holds_year_token(text, start, end))
		return false;
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
			int			nb = 0;

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
			if (j == i)
			{
				/* a mark beyond ASCII: "2013 – 2022" (en dash) */
				i = j + (nb > 0 ? (size_t) nb : 1);
				continue;
			}
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
	/* the French article: "une attaque" is an attack, not a count of one */
	if ((end - start == 2 && (text[start] == 'u' || text[start] == 'U') &&
		 (text[start + 1] == 'n' || text[start + 1] == 'N')) ||
		(end - start == 3 && (text[start] == 'u' || text[start] == 'U') &&
		 (text[start + 1] == 'n' || text[start + 1] == 'N') &&
		 (text[start + 2] == 'e' || text[start + 2] == 'E')))
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
	if (i < len && unit_word_at(text, len, i))
		return true;
	if (i < len && (text[i] == 'a' || text[i] == 'p' || text[i] == 'A' || text[i] == 'P') &&
		i + 1 < len && text[i + 1] == '.' && i + 2 < len &&
		(text[i + 2] == 'm' || text[i + 2] == 'M'))
		return true;
	return false;
}

/*
 * The word after a quantity phrase: what is counted.  Returns the end of the
 * phrase to report (the phrase itself, or through the counted noun: "about
 * 1,000 soldiers", "dozens of civilians", "des dizaines de civils"), or 0 when
 * the noun shows that the number is not a count of people or things: a
 * duration ("nine years", "48 hours"), a distance ("579 kilometres") or an
 * amount of money ("5 million dollars").
 */
static const char *const noun_stop_words[] = {
	/* English: words that follow a number without being what it counts */
	" the them those these their they who which that ",
	" and or but nor in on at to from for with ",
	" by per since than more less ago were was are ",
	" had have has been being will would could said ",
	" each other others all people's about after before ",
	" during near into while when where also still ",
	/* verbs and adjectives that follow a bare number in reports ("7 died") */
	" died killed wounded injured fled left remain remained ",
	" arrived returned dead missing including among of ",
	/* French */
	" les des du le la et ou en au aux dans ",
	" sur par pour qui que ont sont ont avaient ",
	" selon contre avec sans entre dont ces leurs eux ",
	" ont sont environ parmi dont blesses tues morts? ",
	NULL
};
static sn_wordset noun_stop = SN_WORDSET(noun_stop_words);

static const char *const noun_not_count_words[] = {
	/* durations */
	" year years month months week weeks day days ",
	" hour hours minute minutes second seconds decade decades ",
	" an ans annee annees mois semaine semaines jour jours ",
	" heure heures decennie decennies ",
	/* distances and measures */
	" km kilometre kilometres kilometer kilometers mile miles ",
	" metre metres meter meters kilometre kilometres kg tonnes ",
	" tons hectares percent pourcent ",
	/* money */
	" dollar dollars euro euros franc francs cfa usd ",
	" pounds livres ",
	NULL
};
static sn_wordset noun_not_count = SN_WORDSET(noun_not_count_words);

/* Read the word at text[i..]: folded into w (ASCII letters only, else ""), end returned. */
static size_t
read_word(const char *text, size_t len, size_t i, char *w, size_t wsize, bool *capital, bool *letters)
{
	size_t		n = 0,
				j = i;

	*capital = false;
	*letters = true;
	while (j < len)
	{
		uint32_t	f;
		int			used;

		/* ASCII letters and digits, the usual case */
		if (is_ascii_alnum(text[j]))
		{
			if (j == i && text[j] >= 'A' && text[j] <= 'Z')
				*capital = true;
			if (is_digit(text[j]))
				*letters = false;
			if (n + 1 < wsize)
				w[n++] = (char) (is_alpha(text[j]) ? (text[j] | 0x20) : text[j]);
			j++;
			continue;
		}
		/* other ASCII ends the word, but for an apostrophe inside it ("d'habitants") */
		if ((unsigned char) text[j] < 0x80 && text[j] != '\'')
			break;
		f = folded_at(text, len, j, &used);
		if (used == 0)
			break;
		if (!sn_is_word_char(f) && !(f == '\'' && j > i && j + used < len && is_alpha(text[j + used])))
			break;
		if (j == i && sn_matcher_first_upper(text + j, len - j))
			*capital = true;
		if (sn_is_ascii_digit(f))
			*letters = false;
		if (n + 1 < wsize)
			w[n++] = (f < 0x80) ? (char) f : '?';
		j += used;
	}
	w[n] = '\0';
	return j;
}

/*
 * English puts what qualifies the counted noun before it: "4 volunteer
 * fighters", "3 army soldiers", "an undisclosed number of special forces".
 * A first word that is not a plural, followed (after one space) by a plural
 * noun in lower case, is its modifier: the noun goes on to that plural.
 * Plurals are words ending in "s" (not "ss", not a verb of the list below)
 * and the irregular plurals of people; two modifiers at most ("3 heavily
 * armed men" is not read, "12 armed men" is).  French puts adjectives after
 * the noun ("5 soldats maliens"): its noun is one word.
 */
static const char *const plural_irregular_words[] = {
	" men women children people personnel militiamen gunmen tribesmen ",
	" herdsmen policemen servicemen fishermen kinsmen ",
	NULL
};
static sn_wordset plural_irregular = SN_WORDSET(plural_irregular_words);

/* words ending in "s" that are verbs or adverbs after a count, not nouns */
static const char *const not_plural_words[] = {
	" dies says claims remains is was has does goes flees lies attacks kills ",
	" always perhaps thus whereas besides towards afterwards ",
	NULL
};
static sn_wordset not_plural = SN_WORDSET(not_plural_words);

/* Is w (n bytes), a word that noun_stop does not hold, a plural noun? */
static bool
plural_noun(const char *w, size_t n)
{
	if (sn_wordset_has(&plural_irregular, w, n))
		return true;
	return n >= 4 && w[n - 1] == 's' && w[n - 2] != 's' && memchr(w, '?', n) == NULL &&
		memchr(w, '\'', n) == NULL && !sn_wordset_has(&not_plural, w, n);
}

/*
 * Where the counted noun ends: first, the word that ends at j, is one that
 * noun_stop does not hold (counted_noun sees to it); a plural after it, or
 * after one more modifier, takes the noun on to its end.
 */
static size_t
noun_goes_on(const char *text, size_t len, const char *first, size_t j)
{
	char		w[32];
	bool		capital,
				letters;
	size_t		n = strlen(first),
				next = j;

	/* "volunteer fighters": the first word is no plural (nor a French noun) */
	if (plural_noun(first, n) || (n > 0 && first[n - 1] == 's'))
		return j;
	for (int extra = 0; extra < 2; extra++)
	{
		size_t		k = next,
					e,
					nw;

		if (k >= len || text[k] != ' ')
			return j;
		k++;
		e = read_word(text, len, k, w, sizeof(w), &capital, &letters);
		nw = strlen(w);
		if (e == k || capital || !letters || nw < 3 || sn_wordset_has(&noun_stop, w, nw) ||
			sn_wordset_has(&noun_not_count, w, nw))
			return j;
		if (plural_noun(w, nw))
			return e;
		next = e;				/* another modifier, if a plural follows it */
	}
	return j;
}

static size_t
counted_noun(const char *text, size_t len, size_t end, size_t *noun_start)
{
	size_t		i = end,
				j,
				k;
	char		w[32];
	bool		capital,
				letters;

	/* spaces, then an optional "of", "de", "d'" */
	while (i < len && (text[i] == ' ' || text[i] == '\t'))
		i++;
	j = read_word(text, len, i, w, sizeof(w), &capital, &letters);
	if (j == i)
		return end;
	if (strcmp(w, "of") == 0 || strcmp(w, "de") == 0 || strcmp(w, "d'") == 0)
	{
		k = j;
		while (k < len && (text[k] == ' ' || text[k] == '\t'))
			k++;
		j = read_word(text, len, k, w, sizeof(w), &capital, &letters);
		if (j == k)
			return end;
		i = k;
	}
	else if ((w[0] == 'd' || w[0] == 'l') && w[1] == '\'')
	{
		/* "d'habitants": the apostrophe joined the article to the noun */
		memmove(w, w + 2, strlen(w + 2) + 1);
	}
	if (!letters || capital)
		return end;
	if (sn_wordset_has(&noun_not_count, w, strlen(w)))
		return 0;
	if (strlen(w) < 3 || strchr(w, '?') == w ||
		sn_wordset_has(&noun_stop, w, strlen(w)))
		return end;
	*noun_start = i;
	return noun_goes_on(text, len, w, j);
}

/*
 * Is the phrase text[i, i + ql) a lone word of unknownness ("unknown",
 * "unspecified", "inconnus")?  The readers take one for an unknown count
 * ("casualties unknown"); before a noun it says who or what is unknown, not
 * how many: "unknown gunmen", "unspecified location".  ("An unknown number
 * of" is longer than one word.)
 */
static bool
lone_unknown_word(const char *text, size_t len, size_t i, size_t ql)
{
	static const char *const words[] = {
		"unknown", "unspecified", "undisclosed", "undetermined",
		"inconnu", "inconnue", "inconnus", "inconnues", NULL
	};
	char		w[16];
	bool		capital,
				letters;

	/*
	 * Every word of the list has seven letters at least and begins with u
	 * or i, which only those letters or one beyond ASCII fold to (an
	 * accented capital): most phrases, a number first, are told at their
	 * first byte without reading the word.
	 */
	if (ql < 7 || ((unsigned char) text[i] < 0x80 &&
				   (text[i] | 0x20) != 'u' && (text[i] | 0x20) != 'i'))
		return false;
	if (read_word(text, len, i, w, sizeof(w), &capital, &letters) != i + ql)
		return false;
	for (int k = 0; words[k]; k++)
		if (strcmp(w, words[k]) == 0)
			return true;
	return false;
}

/*
 * French puts the adjective after the noun: in "des assaillants inconnus"
 * the word says who the attackers are, not how many.  A lone word of
 * unknownness directly after a word (no mark between) is such an adjective,
 * unless that word is a verb that states the count unknown ("le bilan reste
 * inconnu", "est inconnu") or the count itself ("bilan inconnu", "nombre
 * inconnu", "pertes inconnues").
 */
static bool
after_french_noun(const char *text, size_t i)
{
	static const char *const states[] = {
		"est", "reste", "restent", "demeure", "demeurent", "sont", "\xc3\xa9tait",
		"\xc3\xa9taient", "restait", "restaient", "demeurait", "toujours", "encore",
		"bilan", "nombre", "pertes", "chiffre", "total", NULL
	};
	size_t		e = i,
				b;

	if (e == 0 || text[e - 1] != ' ')
		return false;
	e--;
	while (e > 0 && text[e - 1] == ' ')
		e--;
	b = e;
	while (b > 0 && (is_alpha(text[b - 1]) || (unsigned char) text[b - 1] >= 0x80))
		b--;
	if (b == e)
		return false;			/* a mark or a number before: "(inconnu)", "bilan : inconnu" */
	for (int k = 0; states[k]; k++)
	{
		size_t		n = strlen(states[k]);

		if (n == e - b)
		{
			size_t		m = 0;

			while (m < n && ((text[b + m] >= 'A' && text[b + m] <= 'Z') ?
							 (char) (text[b + m] | 0x20) : text[b + m]) == states[k][m])
				m++;
			if (m == n)
				return false;
		}
	}
	return true;
}

static inline bool plain_word_at(const char *text, size_t len, size_t i, size_t *n, uint64_t *key);
static inline unsigned plain_word_asks(const sn_annotate_options *opt, const char *text, size_t i,
									   size_t n, uint64_t key);
static inline bool quantity_may_begin_at(const sn_annotate_options *opt, const char *text,
										 size_t len, size_t i);

/*
 * A quantity phrase of ql bytes read at text[i..]: the length to report
 * (through its counted noun), or 0 when it is not a count (a year, a time, a
 * percentage, an ordinal, a measure); then *skip_until is set after the rest
 * of the rejected token ("13:00", "10%", "2020-2021").
 */
static size_t
accept_quantity(const sn_annotate_options *opt, const char *text, size_t len, size_t i,
				size_t ql, size_t *skip_until)
{
	bool		rejected = sn_annotate_not_a_quantity(text, len, i, i + ql);
	size_t		k;

	if (!rejected)
	{
		size_t		noun = 0;
		size_t		through = counted_noun(text, len, i + ql, &noun);

		/*
		 * A number word where the noun would be ("one two", "three four
		 * soldiers") is no counted noun: the words are a list of numbers
		 * (counting, a score), not one quantity, and parse_estimate refuses
		 * the phrase for the same reason.  None of the numbers of the run
		 * is reported.
		 */
		if (through > i + ql)
		{
			unsigned char v[SN_ANNOTATE_VALUE_MAX];
			size_t		next = noun,
						n2;

			while (next < len && quantity_may_begin_at(opt, text, len, next) &&
				   (n2 = opt->quantity.read(opt->quantity.arg, text + next, len - next,
											opt->lang, v)) > 0 &&
				   n2 <= len - next)
			{
				rejected = true;
				next += n2;
				while (next < len && (text[next] == ' ' || text[next] == '\t'))
					next++;
			}
			if (rejected)
			{
				*skip_until = next;
				return 0;
			}
		}

		/*
		 * The noun, when there is one, is taken into the phrase.  It need
		 * not be judged again: it holds no ASCII digit (counted_noun
		 * refuses a word with one), so the phrase keeps its last number and
		 * what follows that number, gains no year, and is too long to be
		 * the French article: every test the phrase passed, it still
		 * passes (those on a number at the very end no longer apply).
		 */
		if (through == 0 || (through > i + ql && lone_unknown_word(text, len, i, ql)) ||
			(opt->lang == SN_LANG_FR && lone_unknown_word(text, len, i, ql) &&
			 after_french_noun(text, i)))
			rejected = true;
		else
			ql = through - i;
	}
	if (!rejected)
		return ql;
	k = i + ql;
	while (k < len && text[k] != ' ' && text[k] != '\n' && text[k] != '\t')
		k++;
	*skip_until = k;
	return 0;
}

/*
 * Who "civilians" are.  An actor of a country named by a common noun
 * ("civilians", "civils": written without capitals, so the name itself names
 * no country) is the actor of that country only when the report's places lie
 * in it: in a report about Tillabéri (Niger), "civilians" is not "Civilians
 * (Mali)".  At each span, such actors of the report's countries are kept and
 * those of other countries dropped; when none is left and no other actor
 * names the span, one actor mention without an actor (unresolved) stands for
 * it.  Proper names ("FAMa", "Malian army", "Wagner") are left alone.
 */
static bool
country_in(const int32_t *set, int n, int32_t country)
{
	for (int k = 0; k < n; k++)
		if (set[k] == country)
			return true;
	return false;
}

static void
actors_of_the_report(sn_name_mentions *names)
{
	int32_t		countries[64];
	int			ncountries = 0;
	bool		any = false;
	size_t		i,
				out = 0;

	for (i = 0; i < names->n; i++)
	{
		const sn_name_mention *x = &names->items[i];

		if (x->ref.kind == SN_REF_ACTOR && x->common && x->ref.country >= 0)
			any = true;
		else if (x->ref.kind == SN_REF_PLACE && x->ref.country >= 0 && ncountries < 64 &&
				 !country_in(countries, ncountries, x->ref.country))
			countries[ncountries++] = x->ref.country;
	}
	if (!any)
		return;
	for (i = 0; i < names->n;)
	{
		size_t		e = i,
					kept_actors = 0,
					dropped = 0;
		sn_name_mention unresolved = names->items[i];

		/* the mentions of one span */
		while (e < names->n && names->items[e].start_char == names->items[i].start_char &&
			   names->items[e].end_char == names->items[i].end_char)
			e++;
		for (size_t k = i; k < e; k++)
		{
			sn_name_mention x = names->items[k];

			if (x.ref.kind == SN_REF_ACTOR && x.common && x.ref.country >= 0 &&
				!country_in(countries, ncountries, x.ref.country))
			{
				if (dropped++ == 0)
					unresolved = x;
				continue;
			}
			if (x.ref.kind == SN_REF_ACTOR)
				kept_actors++;
			names->items[out++] = x;
		}
		if (dropped > 0 && kept_actors == 0)
		{
			/* out < e: the dropped mentions left room */
			unresolved.ref.id = 0;
			unresolved.ref.country = -1;
			names->items[out++] = unresolved;
		}
		i = e;
	}
	names->n = out;
}

/* The kind of mention a name mention makes */
static inline sn_mention_kind
name_kind(const sn_name_mention *x)
{
	return x->ref.kind == SN_REF_ACTOR ? SN_MENTION_ACTOR : SN_MENTION_PLACE;
}

/*
 * Order of the result: start, longer first, kind, reference.  Does the name
 * mention x come before (or with) the mention v of a phrase reader?
 */
static inline bool
name_goes_first(const sn_name_mention *x, const sn_mention *v)
{
	sn_mention_kind kind = name_kind(x);

	if (x->start_char != v->start_char)
		return x->start_char < v->start_char;
	if (x->end_char != v->end_char)
		return x->end_char > v->end_char;
	if (kind != v->kind)
		return kind < v->kind;
	if (x->ref.id != v->ref.id)
		return x->ref.id < v->ref.id;
	return x->ref.country <= v->ref.country;
}

/* The name mention x as a mention of the result, at m */
static void
put_name(const sn_name_mention *x, sn_mention *m)
{
	memset(m, 0, sizeof(*m));
	m->kind = name_kind(x);
	m->start_char = x->start_char;
	m->end_char = x->end_char;
	m->start_byte = x->start_byte;
	m->end_byte = x->end_byte;
	m->ref = x->ref;
}

/* Eight bytes of text, the first in the low byte */
static inline uint64_t
load_le64(const char *p)
{
	uint64_t	v;

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	memcpy(&v, p, 8);
#else
	v = 0;
	for (int k = 0; k < 8; k++)
		v |= (uint64_t) (unsigned char) p[k] << (8 * k);
#endif
	return v;
}

#define BYTES(b) (UINT64_C(0x0101010101010101) * (b))

/*
 * How many of the eight bytes of v (the first in the low byte) are ASCII
 * letters before the first that is not, eight bytes tested at once: a byte
 * is a letter when, lowered (| 0x20), it lies from 'a' (0x61) to 'z'
 * (0x7A) and it is ASCII.  Adding 0x1F, and 0x05, to a byte of at most 0x7F
 * sets its top bit exactly when it is at least 0x61, and 0x7B; no sum
 * carries into the next byte.
 */
static inline size_t
letters_in(uint64_t v)
{
	uint64_t	lowered = (v | BYTES(0x20)) & BYTES(0x7F),
				from_a = lowered + BYTES(0x1F),
				past_z = lowered + BYTES(0x05),
				letters = from_a & ~past_z & ~v & BYTES(0x80),
				others = ~letters & BYTES(0x80);

	return others ? (size_t) __builtin_ctzll(others) / 8 : 8;
}

/*
 * The word at text[i..], if it is plain: ASCII letters followed by the end
 * of the text or by ASCII that is neither a letter, a digit nor an
 * apostrophe.  The phrase readers fold such a word exactly so (lower case),
 * and their word_may_begin can judge it.  Any other word (accents,
 * elisions, "10km", very long) returns false and is left to the readers
 * themselves.  *n gets its length and *key its first eight letters (or
 * fewer) in lower case, the first in the low byte.
 */
#define PLAIN_WORD_MAX 23
#define MEMO_WORD_MAX 14

static inline bool
plain_word_at(const char *text, size_t len, size_t i, size_t *n, uint64_t *key)
{
	size_t		k,
				max = len - i < PLAIN_WORD_MAX + 1 ? len - i : PLAIN_WORD_MAX + 1;

	if (len - i >= 8)
	{
		/* most words: the letters and the key from one load */
		uint64_t	v = load_le64(text + i);

		k = letters_in(v);
		if (k < 8)
			*key = (v | BYTES(0x20)) & ((UINT64_C(1) << (8 * k)) - 1);
		else
		{
			*key = v | BYTES(0x20);
			/* one letter more than PLAIN_WORD_MAX marks a long word */
			while (k < max && is_alpha(text[i + k]))
				k++;
		}
	}
	else
	{
		*key = 0;
		for (k = 0; k < max && is_alpha(text[i + k]); k++)
			*key |= (uint64_t) (unsigned char) (text[i + k] | 0x20) << (8 * k);
	}
	if (k == 0 || k > PLAIN_WORD_MAX)
		return false;
	if (i + k < len)
	{
		unsigned char after = (unsigned char) text[i + k];

		if (after >= 0x80 || is_digit((char) after) || after == '\'')
			return false;
	}
	*n = k;
	return true;
}

/*
 * The readers' word tests, remembered for words of up to MEMO_WORD_MAX
 * letters.  Most plain words of a report are a few hundred short ones
 * ("the", "in", "said") and its names, met again and again, and each costs
 * calls through pointers to answer; the memo has room for the tens of
 * thousands of names of a gazetteer besides the short words (32,768 words,
 * 512 kB: with half as many, 20,000 names pushed each other out).  A
 * word's entry is 16 bytes, its letters and its answer together, so that a
 * lookup costs one cache line (three arrays cost three misses: a third of
 * annotate's own time went to them).  A word test answers from the word
 * (and the language) alone (annotate.h), so an answer holds for as long as
 * the tests are the same functions and the language the same: the memo
 * starts afresh when another set of tests or another language comes (the
 * core runs one call at a time, like the phrase readers' own tables).
 */
#define MEMO_BITS 15
#define MEMO_SLOTS (1u << MEMO_BITS)

/*
 * What the tests say of a word: for each reader (quantity: the low bits,
 * date: the same shifted by ASK_DATE_SHIFT), whether it may begin a phrase
 * there, and its SN_WORD_* class.
 */
#define ASK_BEGIN 0x1u
#define ASK_KNOWN 0x2u			/* SN_WORD_KNOWN */
#define ASK_NEEDS_KNOWN_NEXT 0x4u	/* SN_WORD_NEEDS_KNOWN_NEXT */
#define ASK_PREFIX 0x8u			/* SN_WORD_PREFIX */
#define ASK_GOES_ON 0x10u		/* SN_WORD_GOES_ON */
#define ASK_DATE_SHIFT 5
#define ASK_QUANTITY ASK_BEGIN
#define ASK_DATE (ASK_BEGIN << ASK_DATE_SHIFT)

_Static_assert(SN_WORD_KNOWN << 1 == ASK_KNOWN &&
			   SN_WORD_NEEDS_KNOWN_NEXT << 1 == ASK_NEEDS_KNOWN_NEXT &&
			   SN_WORD_PREFIX << 1 == ASK_PREFIX && SN_WORD_GOES_ON << 1 == ASK_GOES_ON,
			   "a reader's SN_WORD_* bits sit above its ASK_BEGIN");

typedef bool (*word_test_fn) (const char *w, size_t n);
typedef unsigned (*word_class_fn) (const char *w, size_t n, sn_lang lang);

static struct
{
	word_test_fn quantity_test;
	word_test_fn date_test;
	word_class_fn quantity_class;
	word_class_fn date_class;
	sn_lang		lang;
	struct
	{
		uint64_t	word;		/* first eight letters, as plain_word_at makes them; 0: empty */
		uint64_t	rest;		/* letters 9 to 14 of a longer word, as word (the low six
								 * bytes), and the ASK_* bits of the word (the top two) */
	}			entry[MEMO_SLOTS];
}			word_memo;

#define MEMO_ASKS_SHIFT 48
_Static_assert(((ASK_BEGIN | ASK_KNOWN | ASK_NEEDS_KNOWN_NEXT | ASK_PREFIX | ASK_GOES_ON)
				<< ASK_DATE_SHIFT) < 0x10000,
			   "the ASK_* bits of a word fit the top two bytes of its memo entry");
#define MEMO_LETTERS_MASK ((UINT64_C(1) << MEMO_ASKS_SHIFT) - 1)

/* Make the memo answer for opt's word tests (at the start of a call). */
static void
word_memo_for(const sn_annotate_options *opt)
{
	if (word_memo.quantity_test != opt->quantity.word_may_begin ||
		word_memo.date_test != opt->date.word_may_begin ||
		word_memo.quantity_class != opt->quantity.word_class ||
		word_memo.date_class != opt->date.word_class ||
		word_memo.lang != opt->lang)
	{
		memset(word_memo.entry, 0, sizeof(word_memo.entry));
		word_memo.quantity_test = opt->quantity.word_may_begin;
		word_memo.date_test = opt->date.word_may_begin;
		word_memo.quantity_class = opt->quantity.word_class;
		word_memo.date_class = opt->date.word_class;
		word_memo.lang = opt->lang;
	}
}

/* One reader's ASK_* bits (unshifted) for the folded word w */
static unsigned
reader_asks(const sn_phrase_reader *r, const char *w, size_t n, sn_lang lang)
{
	if (!r->word_may_begin)
		return ASK_BEGIN;		/* no test: asked at every word, no look-ahead */
	return (r->word_may_begin(w, n) ? ASK_BEGIN : 0) |
		(r->word_class ? r->word_class(w, n, lang) << 1 : 0);
}

/* The ASK_* bits of both readers for the plain word at text[i..] (n letters) */
static unsigned
word_asks(const sn_annotate_options *opt, const char *text, size_t i, size_t n)
{
	char		w[PLAIN_WORD_MAX + 1];

	for (size_t k = 0; k < n; k++)
		w[k] = (char) (text[i + k] | 0x20);
	w[n] = '\0';
	return reader_asks(&opt->quantity, w, n, opt->lang) |
		reader_asks(&opt->date, w, n, opt->lang) << ASK_DATE_SHIFT;
}

/* word_asks() through the memo (key: the first eight letters, as plain_word_at makes them) */
static inline unsigned
plain_word_asks(const sn_annotate_options *opt, const char *text, size_t i, size_t n, uint64_t key)
{
	uint32_t	slot;
	unsigned	asks;
	uint64_t	key2 = 0;

	if (n > MEMO_WORD_MAX)
		return word_asks(opt, text, i, n);
	for (size_t k = 8; k < n; k++)
		key2 |= (uint64_t) (unsigned char) (text[i + k] | 0x20) << (8 * (k - 8));
	/* Fibonacci hashing: the top bits of the product */
	slot = (uint32_t) (((key ^ (key2 * 31)) * UINT64_C(0x9E3779B97F4A7C15)) >> (64 - MEMO_BITS));
	if (word_memo.entry[slot].word == key &&
		(word_memo.entry[slot].rest & MEMO_LETTERS_MASK) == key2)
		return (unsigned) (word_memo.entry[slot].rest >> MEMO_ASKS_SHIFT);
	asks = word_asks(opt, text, i, n);
	word_memo.entry[slot].word = key;
	word_memo.entry[slot].rest = key2 | (uint64_t) asks << MEMO_ASKS_SHIFT;
	return asks;
}

/*
 * The date reader's look-ahead two words on: the plain word x at text[i..]
 * (n letters) begins a date only before a known word, the plain word y at
 * text[j..] (nn letters, its asks in next) is known but begins a date only
 * before a known word too: when the token after y, past ASCII white space,
 * is a plain word the reader does not know, and the reader says that x y
 * then begin nothing (pair_needs_known_next), the reader is not asked at
 * x.  "in the area", "on the road": the reader would read three words to
 * find nothing.
 */
static bool
pair_goes_nowhere(const sn_annotate_options *opt, const char *text, size_t len, size_t i,
				  size_t n, size_t j, size_t nn, unsigned next)
{
	const unsigned y_needs = (ASK_KNOWN | ASK_NEEDS_KNOWN_NEXT) << ASK_DATE_SHIFT;
	size_t		k = j + nn,
				n3;
	uint64_t	key3;
	char		x[PLAIN_WORD_MAX + 1],
				y[PLAIN_WORD_MAX + 1];

	if (!opt->date.pair_needs_known_next || (next & y_needs) != y_needs)
		return false;
	while (k < len && (text[k] == ' ' || text[k] == '\t' || text[k] == '\n' || text[k] == '\r' ||
					   text[k] == '\f' || text[k] == '\v'))
		k++;
	if (k >= len || !plain_word_at(text, len, k, &n3, &key3) ||
		(plain_word_asks(opt, text, k, n3, key3) & ASK_KNOWN << ASK_DATE_SHIFT))
		return false;
	for (size_t c = 0; c < n; c++)
		x[c] = (char) (text[i + c] | 0x20);
	for (size_t c = 0; c < nn; c++)
		y[c] = (char) (text[j + c] | 0x20);
	return opt->date.pair_needs_known_next(x, n, y, nn, opt->lang);
}

/*
 * The look-ahead: asks of the plain word at text[i..] (n letters), less the
 * readers for which the word begins a phrase only before a known word and
 * the next token is a plain word the reader does not know.  The next token
 * is taken only past ASCII white space, as every reader skips it; anything
 * else after the word (a mark, a number, an accented word) keeps the reader
 * asked.
 */
static inline unsigned
look_ahead(const sn_annotate_options *opt, const char *text, size_t len, size_t i, size_t n,
		   unsigned asks)
{
	const unsigned q_looks = ASK_BEGIN | ASK_NEEDS_KNOWN_NEXT,
				d_looks = q_looks << ASK_DATE_SHIFT;
	size_t		j = i + n,
				nn;
	uint64_t	key;
	unsigned	next;

	if ((asks & q_looks) != q_looks && (asks & d_looks) != d_looks)
		return asks;			/* no reader that is asked needs to look */
	while (j < len && (text[j] == ' ' || text[j] == '\t' || text[j] == '\n' || text[j] == '\r' ||
					   text[j] == '\f' || text[j] == '\v'))
		j++;
	if (j >= len || !plain_word_at(text, len, j, &nn, &key))
		return asks;
	next = plain_word_asks(opt, text, j, nn, key);
	if ((asks & q_looks) == q_looks && !(next & ASK_KNOWN))
		asks &= ~ASK_QUANTITY;
	if ((asks & d_looks) == d_looks && !(next & ASK_KNOWN << ASK_DATE_SHIFT))
		asks &= ~ASK_DATE;
	else if ((asks & d_looks) == d_looks && pair_goes_nowhere(opt, text, len, i, n, j, nn, next))
		asks &= ~ASK_DATE;
	return asks;
}

/*
 * May the quantity reader find a phrase at text[i..]?  False only where its
 * word test turns the plain word there away (a noun after a count: "45
 * soldiers"), so that accept_quantity's look for a number word after the
 * noun costs no call of the reader there.
 */
static inline bool
quantity_may_begin_at(const sn_annotate_options *opt, const char *text, size_t len, size_t i)
{
	size_t		n;
	uint64_t	key;

	return !plain_word_at(text, len, i, &n, &key) ||
		(plain_word_asks(opt, text, i, n, key) & ASK_QUANTITY) != 0;
}

/*
 * The key of a plain word of n letters at text[i..] (n at most
 * MEMO_WORD_MAX): its letters in lower case, the first in the low byte.
 */
static inline uint64_t
plain_key(const char *text, size_t len, size_t i, size_t n)
{
	uint64_t	key = 0;

	if (len - i >= 8)
		return (load_le64(text + i) | BYTES(0x20)) &
			(n >= 8 ? ~UINT64_C(0) : (UINT64_C(1) << (8 * n)) - 1);
	for (size_t k = 0; k < n; k++)
		key |= (uint64_t) (unsigned char) (text[i + k] | 0x20) << (8 * k);
	return key;
}

/*
 * The readers asked at a word of ASCII letters that an apostrophe (ASCII
 * or U+2019) and an ASCII letter follow: the English possessive ("Mali's")
 * and the French elision ("d'un", "l'armée").  Such a word is not plain,
 * but each reader cuts its first token there in a way known in advance:
 * the quantity reader keeps the apostrophe with the word, as it reads
 * elisions ("mali'", "d'"), and the date reader ends the word before it
 * ("mali", the apostrophe a mark of its own).  Each reader's word test is
 * asked of the token it would cut, so that "Mali's" costs no call of either
 * reader while "d'un millier" still reaches the quantity reader.  No
 * look-ahead here: the readers judge what follows.  Returns
 * ASK_QUANTITY | ASK_DATE, both readers asked, for any other word.
 */
static unsigned
apostrophe_word_asks(const sn_annotate_options *opt, const char *text, size_t len,
					 const sn_word *w)
{
	size_t		i = w->start_byte,
				n = w->end_byte - w->start_byte,
				after;
	/* the folded token, zeroes after it: plain_key reads eight bytes */
	char		tok[MEMO_WORD_MAX + 8] = {0};

	if (n + 1 > MEMO_WORD_MAX)
		return ASK_QUANTITY | ASK_DATE;
	if (w->end_byte < len && text[w->end_byte] == '\'')
		after = w->end_byte + 1;
	else if (len - w->end_byte >= 3 && memcmp(text + w->end_byte, "\xE2\x80\x99", 3) == 0)
		after = w->end_byte + 3;	/* U+2019, which both readers fold to an apostrophe */
	else
		return ASK_QUANTITY | ASK_DATE;
	if (after >= len || !is_alpha(text[after]))
		return ASK_QUANTITY | ASK_DATE;
	for (size_t k = 0; k < n; k++)
	{
		if (!is_alpha(text[i + k]))
			return ASK_QUANTITY | ASK_DATE;
		tok[k] = (char) (text[i + k] | 0x20);
	}
	tok[n] = '\'';
	return (plain_word_asks(opt, tok, 0, n + 1, plain_key(tok, sizeof(tok), 0, n + 1 < 8 ? n + 1 : 8)) &
			ASK_QUANTITY) |
		(plain_word_asks(opt, tok, 0, n, plain_key(tok, sizeof(tok), 0, n < 8 ? n : 8)) &
		 ASK_DATE);
}

/*
 * The prefix look-ahead (SN_WORD_PREFIX, sn_text.h) of the reader whose
 * ASK_* bits sit at shift, after the word k: does a number, a '?' or a
 * word it classes SN_WORD_GOES_ON come within SN_WORD_PREFIX_WINDOW tokens,
 * before any other mark, any word it does not know (SN_WORD_KNOWN) and the
 * end of the text?  Read off the words as
 * the reader cuts its tokens: past ASCII white space, a plain word whole.
 * Where the reader would cut a token otherwise (a character beyond ASCII,
 * an elision, a word with digits, a very long word) the answer is yes: the
 * reader is asked and judges for itself.  "a convoy", "in the north",
 * "from Koudiamata", "a statement on 12 August" cost no call.
 */
static bool
prefix_goes_on(const sn_annotate_options *opt, const char *text, size_t len,
			   const sn_words *words, size_t k, unsigned shift)
{
	size_t		pos = words->items[k].end_byte;

	for (int t = 0; t < SN_WORD_PREFIX_WINDOW; t++)
	{
		const sn_word *w;
		size_t		n;
		unsigned	asks;

		while (pos < len && (text[pos] == ' ' || (text[pos] >= '\t' && text[pos] <= '\r')))
			pos++;
		if (pos >= len)
			return false;
		if (++k >= words->n || words->items[k].start_byte != pos)
		{
			/* a mark comes first: only '?' goes on (beyond ASCII: the reader's to judge) */
			return text[pos] == '?' || (unsigned char) text[pos] >= 0x80;
		}
		w = &words->items[k];
		n = w->end_byte - w->start_byte;
		if (!(w->flags & SN_WORD_PLAIN) || n > PLAIN_WORD_MAX)
			return true;
		asks = plain_word_asks(opt, text, pos, n, plain_key(text, len, pos, n < 8 ? n : 8));
		if (asks & (ASK_GOES_ON << shift))
			return true;
		if (!(asks & (ASK_KNOWN << shift)))
			return false;
		pos = w->end_byte;
	}
	return false;
}

/* asks, less the readers for which the plain word k is a prefix that nothing goes on from */
static inline unsigned
prefix_look_ahead(const sn_annotate_options *opt, const char *text, size_t len,
				  const sn_words *words, size_t k, unsigned asks)
{
	const unsigned q_prefix = ASK_BEGIN | ASK_PREFIX,
				d_prefix = q_prefix << ASK_DATE_SHIFT;

	if ((asks & q_prefix) == q_prefix && !prefix_goes_on(opt, text, len, words, k, 0))
		asks &= ~ASK_QUANTITY;
	if ((asks & d_prefix) == d_prefix &&
		!prefix_goes_on(opt, text, len, words, k, ASK_DATE_SHIFT))
		asks &= ~ASK_DATE;
	return asks;
}

/*
 * The characters of s (n bytes of valid UTF-8: sn_words_read has checked
 * the whole text): every character has one byte that is no continuation
 * byte (10xxxxxx), and eight bytes of ASCII, the usual case, hold none.
 */
static size_t
valid_utf8_chars(const char *s, size_t n)
{
	size_t		count = n,
				k = 0;

	for (; k + 8 <= n; k += 8)
		if (load_le64(s + k) & BYTES(0x80))
			for (size_t b = k; b < k + 8; b++)
				count -= ((unsigned char) s[b] & 0xC0) == 0x80;
	for (; k < n; k++)
		count -= ((unsigned char) s[k] & 0xC0) == 0x80;
	return count;
}

/* Record the phrase of n bytes a reader found at word w */
static bool
add_value(const char *text, size_t len, const sn_word *w, size_t n, bool is_date,
		  const unsigned char *value, const sn_allocator *a, sn_mentions *vals, sn_error *err)
{
	size_t		i = w->start_byte;
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
	m->start_char = w->start_char;
	m->end_char = w->start_char + valid_utf8_chars(text + i, n);
	m->ref.country = -1;
	memcpy(m->value.bytes, value, SN_ANNOTATE_VALUE_MAX);
	return true;
}

/*
 * Is word k (SN_WORD_DIGIT) a number of ASCII digits alone that a measure
 * follows ("45 kilometres", "48 hours")?  Whatever the quantity reader found there,
 * accept_quantity would refuse it: counted_noun answers 0 for a noun of
 * noun_not_count.  So the reader is not asked where the word after the
 * number (past the spaces and tabs counted_noun skips) is a plain word in
 * lower case that the reader does not know (SN_WORD_KNOWN), so that its
 * phrase could end nowhere but at the number, and that noun_not_count
 * holds.  A reader without word classes is always asked.
 */
static bool
number_before_a_measure(const sn_annotate_options *opt, const char *text, size_t len,
						const sn_words *words, size_t k)
{
	const sn_word *w = &words->items[k],
			   *x;
	size_t		p = w->end_byte,
				n;
	char		folded[PLAIN_WORD_MAX + 1];

	if (opt->quantity.word_class == NULL || k + 1 >= words->n || p >= len ||
		(text[p] != ' ' && text[p] != '\t'))
		return false;
	for (size_t b = w->start_byte; b < p; b++)
		if (!is_digit(text[b]))
			return false;
	while (p < len && (text[p] == ' ' || text[p] == '\t'))
		p++;
	x = &words->items[k + 1];
	n = x->end_byte - x->start_byte;
	if (x->start_byte != p || !(x->flags & SN_WORD_PLAIN) || n > PLAIN_WORD_MAX ||
		text[p] < 'a' || text[p] > 'z' ||
		(plain_word_asks(opt, text, p, n, plain_key(text, len, p, n < 8 ? n : 8)) & ASK_KNOWN))
		return false;
	for (size_t c = 0; c < n; c++)
		folded[c] = (char) (text[p + c] | 0x20);
	return sn_wordset_has(&noun_not_count, folded, n);
}

/*
 * Quantities and dates, leftmost first, never overlapping: the readers are
 * asked at the start of each word of the text (words, read once for the
 * names too) that their word tests do not turn away.
 */
static bool
find_values(const char *text, size_t len, const sn_words *words, const sn_annotate_options *opt,
			const sn_allocator *a, sn_mentions *vals, sn_error *err)
{
	size_t		skip_until = 0;
	size_t		next_progress = opt->progress ? PROGRESS_EVERY : SIZE_MAX;
	unsigned char qv[SN_ANNOTATE_VALUE_MAX],
				dv[SN_ANNOTATE_VALUE_MAX];

	for (size_t k = 0; k < words->n; k++)
	{
		const sn_word *w = &words->items[k];
		size_t		i = w->start_byte,
					wn = w->end_byte - w->start_byte,
					ql = 0,
					dl = 0;
		bool		plain;
		unsigned	asks;

		if (i >= next_progress)
		{
			opt->progress(opt->progress_arg);
			next_progress = i + PROGRESS_EVERY;
		}
		/* a word joined to the one before by invisible characters begins nothing */
		if (i < skip_until || (w->flags & SN_WORD_JOINED))
			continue;

		/*
		 * Digits right after "13:", "1.", "1,", "1/" continue a number or a
		 * time that was not read as a phrase ("13:00"): not a start.
		 */
		if ((w->flags & SN_WORD_DIGIT) && i >= 2 &&
			(text[i - 1] == ':' || text[i - 1] == '.' || text[i - 1] == ',' || text[i - 1] == '/') &&
			is_digit(text[i - 2]))
			continue;
		plain = (w->flags & SN_WORD_PLAIN) && wn <= PLAIN_WORD_MAX;
		if (plain)
		{
			asks = plain_word_asks(opt, text, i, wn, plain_key(text, len, i, wn < 8 ? wn : 8));
			/* most words: neither reader is asked, and the look-aheads only take readers away */
			if (!(asks & (ASK_QUANTITY | ASK_DATE)))
				continue;
			asks = prefix_look_ahead(opt, text, len, words, k, look_ahead(opt, text, len, i, wn, asks));
		}
		else
			asks = apostrophe_word_asks(opt, text, len, w);

		if (opt->quantity.read && (asks & ASK_QUANTITY) &&
			!((w->flags & SN_WORD_DIGIT) && number_before_a_measure(opt, text, len, words, k)))
		{
			ql = opt->quantity.read(opt->quantity.arg, text + i, len - i, opt->lang, qv);
			if (ql > len - i)
				ql = 0;
			if (ql > 0)
				ql = accept_quantity(opt, text, len, i, ql, &skip_until);
		}
		if (opt->date.read && (asks & ASK_DATE))
		{
			dl = opt->date.read(opt->date.arg, text + i, len - i, opt->lang, dv);
			if (dl > len - i)
				dl = 0;
		}
		if (ql > 0 || dl > 0)
		{
			bool		is_date = dl >= ql;
			size_t		n = is_date ? dl : ql;

			if (!add_value(text, len, w, n, is_date, is_date ? dv : qv, a, vals, err))
				return false;
			skip_until = i + n;
		}
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
	sn_words	words = {0};
	size_t		in = 0,
				iv = 0;
	bool		ok = true;

	sn_error_clear(err);
	/* the words, read once: for the names and for the phrase readers */
	if (!sn_words_read(text, len, a, opt->progress, opt->progress_arg, &words, err))
		ok = false;
	if (ok && opt->gazetteer &&
		!sn_gazetteer_find_words(opt->gazetteer, text, len, &words, a,
								 opt->progress, opt->progress_arg, &names, err))
		ok = false;
	if (ok)
		actors_of_the_report(&names);
	if (ok)
	{
		word_memo_for(opt);
		ok = find_values(text, len, &words, opt, a, &vals, err);
	}
	sn_words_free(a, &words);

	/* merge: both lists are in order */
	if (ok && !an_grow(a, out, out->n + names.n + vals.n))
		ok = an_oom(err);
	while (ok && (in < names.n || iv < vals.n))
	{
		if (in < names.n && (iv >= vals.n || name_goes_first(&names.items[in], &vals.items[iv])))
			put_name(&names.items[in++], &out->items[out->n++]);
		else
			out->items[out->n++] = vals.items[iv++];
	}
	sn_name_mentions_free(a, &names);
	sn_free(a, vals.items);
	return ok;
}

void
sn_mentions_free(const sn_annotate_options *opt, sn_mentions *m)
{
	const sn_allocator *a = opt->alloc ? opt->alloc : &sn_malloc_allocator;

	sn_free(a, m->items);
	m->items = NULL;
	m->n = m->cap = 0;
}
