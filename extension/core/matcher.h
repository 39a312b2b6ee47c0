/*
 * extension/core/matcher.h
 *
 * A multi-pattern name matcher: finds every occurrence of any of a list of
 * names (a gazetteer: place names, actor names, country names) in a text, in
 * one pass over the text.
 *
 * Matching is on folded text (sn_text.h: case, accents, ligatures, curly
 * apostrophes and dashes), on whole words only ("Niger" is never found inside
 * "Nigeria", nor "Mali" inside "Somalia"), and treats the gaps between words
 * the way reports vary them:
 *   - a gap made only of white space and hyphens or dashes is one separator,
 *     so "Lake Chad", "Lake  Chad", "Lake\nChad" and "al-Qaeda", "al Qaeda",
 *     "Mali–Niger" match alike;
 *   - any other gap must hold the same punctuation (white space and hyphens
 *     around it ignored): "Côte d'Ivoire" = "Cote d’Ivoire", "ISIS/ISIL";
 *   - punctuation that begins or ends a name is dropped ("U.N." is "U.N"), so
 *     names are found before possessives ("Mali's", "Mali’s"), inside
 *     brackets ("(ISIL)") and quotes, and before hyphenated suffixes
 *     ("al-Qaeda-linked" holds "al-Qaeda").
 *
 * How: names and text go through the same normaliser, which turns a text into
 * a byte stream of folded word characters with a mark byte at each edge of a
 * word and one symbol per gap.  A name is then a plain substring of the
 * stream that begins and ends with a mark, so whole-word matching needs no
 * look-around.  The names form an Aho–Corasick automaton whose goto function
 * is a double-array trie (base/check arrays) with failure and dictionary-
 * suffix links; the scan follows it once over the stream: linear time in the
 * text plus the number of matches, whatever the names or the text.
 *
 * The scan reports every match, overlapping ones included; choosing among
 * them (longest match, leftmost first) is the caller's business, since the
 * caller may first drop some (see SN_MATCHER_UPPER).
 *
 * Memory comes from an allocator the caller may supply (the PostgreSQL glue
 * passes one over a memory context); the default is malloc.  The matcher is
 * read-only after building, so one matcher may be scanned by many callers.
 */
#ifndef SN_MATCHER_H
#define SN_MATCHER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sn_error.h"

/* Memory for the core.  alloc returns NULL on failure (or does not return). */
typedef struct sn_allocator
{
	void	   *(*alloc) (void *ctx, size_t size);
	void		(*free) (void *ctx, void *ptr);
	void	   *ctx;
} sn_allocator;

/* The allocator that uses malloc and free. */
extern const sn_allocator sn_malloc_allocator;

/* Give p back to the allocator it came from; a NULL p is left alone. */
static inline void
sn_free(const sn_allocator *a, void *p)
{
	if (p)
		a->free(a->ctx, p);
}

/*
 * Names longer than this many bytes once normalised are skipped (counted in
 * the statistics): no real name is that long, and the bound keeps the scan's
 * position buffer small.
 */
#define SN_MATCHER_MAX_KEY 1024

/*
 * Entry flags.  SN_MATCHER_UPPER: the name is an acronym written in capitals
 * ("UN", "US", "IS", "EU") and should match only text with no lower-case
 * letter, so that the French article "un" or the English "us" and "is" are
 * not mistaken for it.  The matcher reports such matches like any other and
 * says, in the hit, whether the text has a lower-case letter; the caller
 * decides (see sn_matcher_hit.has_lower).
 */
#define SN_MATCHER_UPPER 0x0001u

/*
 * SN_MATCHER_CAPITAL: the name is a proper noun that is also a common word
 * ("Grenade" is Grenada in French, "Réunion", "Jersey", "Turkey") and should
 * match only text that begins with a capital letter.  As for SN_MATCHER_UPPER
 * the caller decides, from sn_matcher_hit.first_upper.
 */
#define SN_MATCHER_CAPITAL 0x0002u

typedef struct sn_matcher_entry
{
	const char *name;			/* UTF-8, need not be NUL-terminated */
	size_t		len;			/* bytes */
	uint64_t	payload;		/* the caller's reference, returned in hits */
	uint32_t	flags;			/* SN_MATCHER_* */
} sn_matcher_entry;

/* What one normalised name (a "key") stands for: one or more entries. */
typedef struct sn_matcher_payload
{
	uint64_t	payload;
	uint32_t	flags;
	uint32_t	count;			/* how many entries gave it (repeats are kept once) */
} sn_matcher_payload;

typedef struct sn_matcher sn_matcher;

typedef struct sn_matcher_stats
{
	size_t		entries;		/* entries given */
	size_t		skipped;		/* entries without a word, too long, or duplicate */
	size_t		keys;			/* distinct normalised names */
	size_t		states;			/* automaton states (trie nodes) */
	size_t		slots;			/* double-array slots */
	size_t		bytes;			/* memory held by the matcher */
} sn_matcher_stats;

/*
 * Build a matcher from n entries.  Entries whose name has no word character,
 * normalises to more than SN_MATCHER_MAX_KEY bytes, or repeats an earlier
 * (name, payload, flags) are skipped.  Returns NULL and fills err on invalid
 * UTF-8 in a name (SN_ERR_SYNTAX, position = the entry's index) or when
 * memory runs out (SN_ERR_INVALID_PARAMETER).  alloc may be NULL (malloc).
 */
extern sn_matcher *sn_matcher_build(const sn_matcher_entry *entries, size_t n,
									const sn_allocator *alloc, sn_error *err);

extern void sn_matcher_free(sn_matcher *m);

extern void sn_matcher_get_stats(const sn_matcher *m, sn_matcher_stats *stats);

/* One match of one key.  Positions are 0-based; ends are exclusive. */
typedef struct sn_matcher_hit
{
	size_t		start_char;		/* in characters (code points) of the text */
	size_t		end_char;
	size_t		start_byte;		/* in bytes of the text */
	size_t		end_byte;
	uint32_t	key;			/* which normalised name */
	uint32_t	npayloads;
	const sn_matcher_payload *payloads; /* the entries with that name */
	bool		has_lower;		/* the matched text has a lower-case letter */
	bool		first_upper;	/* its first letter is a capital */
} sn_matcher_hit;

/* Called for each hit; return false to stop the scan (sn_matcher_scan then returns true). */
typedef bool (*sn_matcher_hit_fn) (void *arg, const sn_matcher_hit *hit);

/*
 * Scan text (UTF-8, len bytes) and call fn for every match, in order of end
 * position; matches ending at the same place come longest first.  Returns
 * false and fills err (SN_ERR_SYNTAX, position = byte offset) if the text is
 * not valid UTF-8; hits before the bad byte have been reported by then.
 */
extern bool sn_matcher_scan(const sn_matcher *m, const char *text, size_t len,
							sn_matcher_hit_fn fn, void *arg, sn_error *err);

/*
 * The same, calling progress(progress_arg) about every megabyte of text (for
 * PostgreSQL's CHECK_FOR_INTERRUPTS: it may not return, which is safe, since
 * a scan holds nothing but stack memory).
 */
extern bool sn_matcher_scan_progress(const sn_matcher *m, const char *text, size_t len,
									 sn_matcher_hit_fn fn, void *arg,
									 void (*progress) (void *), void *progress_arg,
									 sn_error *err);

/*
 * The same over the words of the text (sn_words.h) already read, as
 * sn_words_read gives them for the whole of valid UTF-8 text: annotate reads
 * a text's words once, for the matcher and for its phrase readers.
 */
struct sn_word;
extern bool sn_matcher_scan_words(const sn_matcher *m, const char *text, size_t len,
								  const struct sn_word *words, size_t nwords,
								  sn_matcher_hit_fn fn, void *arg,
								  void (*progress) (void *), void *progress_arg);

/*
 * Whether a UTF-8 string has a lower-case letter (Latin, Greek, Cyrillic):
 * what sn_matcher_hit.has_lower reports.  Invalid UTF-8 stops the search.
 */
extern bool sn_matcher_has_lower(const char *s, size_t len);

/* Whether a UTF-8 string begins with a capital letter (first_upper). */
extern bool sn_matcher_first_upper(const char *s, size_t len);

/*
 * The normalised form of a name, as the matcher stores it, for tests and
 * diagnostics: written to out (NUL-terminated if there is room) with the mark
 * shown as '|', the separator as '_'.  Returns its length, or (size_t) -1 for
 * invalid UTF-8.
 */
extern size_t sn_matcher_normalize(const char *name, size_t len, char *out, size_t outsize);

/*
 * The name key: THE rule by which two place or actor names are the same name,
 * used by locate(), the loaders' look-ups and the gazetteer's indexes
 * (name_key() in SQL), and the one annotate() matches by.  It is the
 * normalised stream above written as text: folded words (sn_fold_char: case,
 * Latin accents and letters such as ɔ ɛ ɲ ḥ, ligatures), a gap of white space,
 * hyphens or dashes as one space, any other gap as its punctuation, leading
 * and trailing punctuation dropped, and apostrophes of every kind (’ ' ‘ ʿ ʾ
 * `) dropped so that the words around them join: "N’Djaména", "N'Djamena",
 * "NDjamena" and "Ndjamena" all give "ndjamena"; "Mayo-Kebbi Est" and "Mayo
 * Kebbi  Est" give "mayo kebbi est"; "Ségou" gives "segou".  annotate() sees
 * the apostrophes in text (a name stops before "’s", "d’Abeïbara" holds
 * "Abeïbara"), and the gazetteer adds each name that has one between two
 * words also without it (sn_gazetteer_add), so that text without the
 * apostrophe finds it too.
 *
 * Written to out (NUL-terminated when there is room); returns the key's length
 * (which may exceed outsize - 1, as snprintf does; never more than 3 times
 * len), or (size_t) -1 for invalid UTF-8.  A name with no word gives "".
 */
extern size_t sn_name_key(const char *name, size_t len, char *out, size_t outsize);

/*
 * The key of an administrative area's name, as datasets and gazetteers write
 * it with or without the word for its kind: the name key, where an elided
 * article ("d'", "l'") stays a word of its own so that it can go ("Cercle
 * d'Abeïbara"; "N'Djaména" is still "ndjamena"), without a
 * leading kind word and its article ("Région de Mopti", "Province du
 * Yatenga", "Cercle d'Abeïbara") or a trailing one ("Mopti Region", "Kayes
 * Cercle"); "Commune 3" keeps its word.  All give the bare name's key:
 * "mopti", "yatenga", "abeibara".  Returns the length as sn_name_key() does;
 * out must have room for the whole key (3 times len, plus the NUL) for the
 * words to be taken off, else only the length is meaningful.
 */
extern size_t sn_admin_name_key(const char *name, size_t len, char *out, size_t outsize);

/*
 * Whether a name is, by its name key, a word of the grammar of English or
 * French: SN_NEVER_A_NAME for an article (a, an, the) or a single letter,
 * SN_FUNCTION_WORD for a preposition, a conjunction or a French article (of,
 * de, la, to...: some are names of real villages), SN_NOT_FUNCTION_WORD
 * otherwise.
 */
#define SN_NOT_FUNCTION_WORD 0
#define SN_FUNCTION_WORD 1
#define SN_NEVER_A_NAME 2
extern int	sn_name_function_word(const char *name, size_t len);

/*
 * The rule for what may be a place's name (is_place_name() in SQL): some
 * word character (not blank, not only punctuation); not an article or a
 * single letter; a preposition, conjunction or French article only when
 * written as a proper noun, its first letter a capital ("De", "La", "To",
 * not "de").  annotate() finds such a name only written so, and not at the
 * start of a sentence (sn_gazetteer_find).
 */
extern bool sn_is_place_name(const char *name, size_t len);

/*
 * The key a name is stored under: its normalised stream, written to out
 * (outsize bytes of room, SN_MATCHER_MAX_KEY is enough).  Returns its length,
 * 0 for a name the matcher skips (no word, too long, a gap too long to keep),
 * or -1 for invalid UTF-8.  Two names with the same key match the same text.
 */
extern long sn_matcher_key(const char *name, size_t len, uint8_t *out, size_t outsize);

/*
 * The entries of a key (from sn_matcher_key): its number (as in
 * sn_matcher_hit.key) and its payloads, each with the number of entries that
 * gave it.  False when no name of the matcher has that key.
 */
extern bool sn_matcher_lookup(const sn_matcher *m, const uint8_t *key, size_t len,
							  uint32_t *key_id, const sn_matcher_payload **payloads,
							  uint32_t *npayloads);

#endif							/* SN_MATCHER_H */
