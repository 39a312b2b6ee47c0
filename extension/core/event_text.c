/*
 * extension/core/event_text.c
 *
 * The content words of an event's description, and what two descriptions
 * share (event_text.h says what a content word is and why).
 */
#include "event_text.h"
#include "sn_text.h"
#include "sn_words.h"

#include <stdlib.h>
#include <string.h>

/*
 * Words every report of a conflict uses, whatever the incident: function
 * words, the calendar, reporting verbs, the words for deaths, fighting,
 * armed men and the kinds of place.  Sorted (byte order) for bsearch; only
 * words of four bytes or more (shorter ones are never content words).
 */
static const char *const common_words[] = {
	"about", "above", "according", "after", "afternoon", "again", "against", "agency",
	"also", "amid", "among", "another", "april", "area", "areas", "armed",
	"army", "around", "assailants", "assault", "attack", "attacked", "attackers", "attacking",
	"attacks", "august", "away", "back", "battle", "battles", "been", "before",
	"behind", "being", "below", "between", "both", "came", "capital", "carried",
	"casualties", "central", "city", "civilian", "civilians", "claimed", "claims", "clash",
	"clashed", "clashes", "come", "could", "county", "days", "dead", "death",
	"deaths", "december", "died", "district", "dozen", "dozens", "during", "dying",
	"each", "early", "east", "eastern", "eight", "either", "even", "evening",
	"event", "events", "every", "fatalities", "fatality", "february", "fight", "fighter",
	"fighters", "fighting", "fire", "fired", "five", "force", "forces", "fought",
	"four", "friday", "from", "further", "given", "going", "government", "group",
	"groups", "gunmen", "have", "having", "held", "here", "hundred", "hundreds",
	"incident", "incidents", "included", "including", "injured", "injuries", "injuring", "into",
	"itself", "january", "july", "june", "just", "kill", "killed", "killing",
	"kills", "last", "late", "later", "least", "like", "located", "location",
	"many", "march", "media", "member", "members", "militant", "militants", "military",
	"militia", "militias", "monday", "month", "months", "more", "morning", "most",
	"much", "must", "near", "nearby", "news", "next", "night", "nine",
	"none", "north", "northern", "november", "october", "officer", "officers", "once",
	"only", "opened", "operation", "operations", "other", "others", "outskirts", "over",
	"part", "payam", "people", "person", "personnel", "persons", "police", "policemen",
	"province", "rebel", "rebels", "region", "report", "reported", "reportedly", "reports",
	"responsibility", "said", "same", "saturday", "says", "security", "september", "seven",
	"several", "shooting", "shot", "should", "since", "soldier", "soldiers", "some",
	"source", "sources", "south", "southern", "state", "stated", "statement", "still",
	"such", "sunday", "suspected", "taken", "than", "that", "their", "them",
	"then", "there", "these", "they", "this", "those", "though", "thousand",
	"thousands", "three", "through", "thursday", "thus", "today", "together", "told",
	"took", "toward", "towards", "town", "troops", "tuesday", "under", "unidentified",
	"unit", "units", "unknown", "until", "upon", "very", "victim", "victims",
	"village", "villages", "violence", "violent", "wednesday", "week", "weeks", "were",
	"west", "western", "what", "when", "where", "which", "while", "whom",
	"whose", "will", "with", "within", "without", "woman", "women", "would",
	"wounded", "wounding", "year", "years", "yesterday",};

#define N_COMMON (sizeof(common_words) / sizeof(common_words[0]))

/* a word and its length, for bsearch */
typedef struct word_key
{
	const char *s;
	size_t		len;
} word_key;

static int
common_cmp(const void *k, const void *e)
{
	const word_key *w = k;
	const char *c = *(const char *const *) e;
	size_t		clen = strlen(c);
	int			r = memcmp(w->s, c, w->len < clen ? w->len : clen);

	if (r != 0)
		return r;
	return w->len < clen ? -1 : w->len > clen;
}

bool
sn_text_is_common(const char *word, size_t len)
{
	word_key	k = {word, len};

	return bsearch(&k, common_words, N_COMMON, sizeof(common_words[0]), common_cmp) != NULL;
}

/*
 * The next word of the reader folded into buf (room for len_max bytes; a
 * longer word is cut there, which keeps it distinct enough to compare);
 * false at the end of the text, or at bytes that are not UTF-8 (the words
 * before them are read).  *len gets its folded length.
 */
static bool
next_word(sn_word_reader *r, char *buf, size_t len_max, size_t *len)
{
	sn_word		w;
	size_t		n;

	if (sn_words_next(r, &w, 1) == 0)
		return false;
	n = sn_fold_string(r->text + w.start_byte, w.end_byte - w.start_byte, buf, len_max);
	/* (a word read is UTF-8, so it folds); a cut keeps whole characters */
	if (n >= len_max)
	{
		size_t		lead = len_max - 1;
		unsigned char c;
		size_t		need;

		n = len_max - 1;
		while (lead > 0 && ((unsigned char) buf[lead - 1] & 0xC0) == 0x80)
			lead--;
		/* buf[lead - 1] begins the last character: is all of it there? */
		if (lead > 0)
		{
			c = (unsigned char) buf[lead - 1];
			need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
			if (lead - 1 + need > n)
				n = lead - 1;
		}
	}
	*len = n;
	return true;
}

#define WORD_MAX 48

static uint64_t
word_hash(const char *w, size_t len)
{
	uint64_t	h = UINT64_C(14695981039346656037);

	for (size_t i = 0; i < len; i++)
	{
		h ^= (unsigned char) w[i];
		h *= UINT64_C(1099511628211);
	}
	return h;
}

static bool
all_digits(const char *w, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (w[i] < '0' || w[i] > '9')
			return false;
	return true;
}

/* whether a folded word of text is a content word, before the exclusion */
static bool
content_word(const char *w, size_t len)
{
	return len >= 4 && !all_digits(w, len) && !sn_text_is_common(w, len);
}

static int
hash_cmp(const void *x, const void *y)
{
	uint64_t	a = *(const uint64_t *) x,
				b = *(const uint64_t *) y;

	return (a > b) - (a < b);
}

/* sorts n hashes and drops repeats; returns how many are left */
static size_t
sort_unique(uint64_t *h, size_t n)
{
	size_t		m = 0;

	qsort(h, n, sizeof(uint64_t), hash_cmp);
	for (size_t i = 0; i < n; i++)
		if (m == 0 || h[m - 1] != h[i])
			h[m++] = h[i];
	return m;
}

static bool
among(uint64_t h, const uint64_t *sorted, size_t n)
{
	return n > 0 && bsearch(&h, sorted, n, sizeof(uint64_t), hash_cmp) != NULL;
}

/*
 * The distinct words of text as sorted hashes into out (room for
 * SN_TEXT_MAX_WORDS): its content words not among the sorted hashes ex, or,
 * with content_only false, every word.
 */
static size_t
read_words(const char *text, size_t len, bool content_only, const uint64_t *ex, size_t n_ex, uint64_t *out)
{
	sn_word_reader r;
	char		w[WORD_MAX];
	size_t		wlen,
				n = 0;

	if (!text)
		return 0;
	sn_words_begin(&r, text, len);
	while (n < SN_TEXT_MAX_WORDS && next_word(&r, w, WORD_MAX, &wlen))
	{
		uint64_t	h;

		if (content_only && !content_word(w, wlen))
			continue;
		h = word_hash(w, wlen);
		if (!among(h, ex, n_ex))
			out[n++] = h;
		/* (repeats are dropped below; a text of many repeats keeps fewer) */
	}
	return sort_unique(out, n);
}

size_t
sn_text_words(const char *text, size_t len, const char *exclude, size_t exclude_len, uint64_t *out)
{
	uint64_t	ex[SN_TEXT_MAX_WORDS];
	size_t		n_ex = read_words(exclude, exclude_len, false, NULL, 0, ex);

	return read_words(text, len, true, ex, n_ex, out);
}

size_t
sn_text_shared(const uint64_t *a, size_t na, const uint64_t *b, size_t nb)
{
	return sn_text_shared_except(a, na, b, nb, NULL, 0);
}

/*
 * The hashes two sorted lists share that are not in skip: how many, and
 * into out when it is not NULL.
 */
static size_t
merge_shared(const uint64_t *a, size_t na, const uint64_t *b, size_t nb,
			 const uint64_t *skip, size_t n_skip, uint64_t *out)
{
	size_t		i = 0,
				j = 0,
				n = 0;

	while (i < na && j < nb)
	{
		if (a[i] < b[j])
			i++;
		else if (a[i] > b[j])
			j++;
		else
		{
			if (!among(a[i], skip, n_skip))
			{
				if (out)
					out[n] = a[i];
				n++;
			}
			i++;
			j++;
		}
	}
	return n;
}

size_t
sn_text_shared_except(const uint64_t *a, size_t na, const uint64_t *b, size_t nb,
					  const uint64_t *skip, size_t n_skip)
{
	return merge_shared(a, na, b, nb, skip, n_skip, NULL);
}

size_t
sn_text_intersect(const uint64_t *a, size_t na, const uint64_t *b, size_t nb, uint64_t *out)
{
	return merge_shared(a, na, b, nb, NULL, 0, out);
}

size_t
sn_text_shared_list(const char *text, size_t len, const char *exclude, size_t exclude_len,
					const uint64_t *other, size_t n_other, const uint64_t *skip, size_t n_skip,
					char *buf, size_t size)
{
	uint64_t	ex[SN_TEXT_MAX_WORDS];
	uint64_t	seen[SN_TEXT_MAX_WORDS];
	size_t		n_ex = read_words(exclude, exclude_len, false, NULL, 0, ex);
	sn_word_reader r;
	char		w[WORD_MAX];
	size_t		wlen,
				used = 0,
				n = 0;

	if (size == 0)
		return 0;
	buf[0] = '\0';
	if (!text)
		return 0;
	sn_words_begin(&r, text, len);
	while (n < SN_TEXT_MAX_WORDS && next_word(&r, w, WORD_MAX, &wlen))
	{
		uint64_t	h;
		bool		repeat = false;

		if (!content_word(w, wlen))
			continue;
		h = word_hash(w, wlen);
		if (among(h, ex, n_ex) || !among(h, other, n_other) || among(h, skip, n_skip))
			continue;
		for (size_t i = 0; i < n && !repeat; i++)
			repeat = seen[i] == h;
		if (repeat)
			continue;
		if (used + (n > 0) + wlen + 1 > size)
			break;
		if (n > 0)
			buf[used++] = ' ';
		memcpy(buf + used, w, wlen);
		used += wlen;
		buf[used] = '\0';
		seen[n++] = h;
	}
	return n;
}
