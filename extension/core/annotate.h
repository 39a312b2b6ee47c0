/*
 * extension/core/annotate.h
 *
 * The mentions of places, actors, quantities and dates in a report's text:
 * the core of annotate().
 *
 * Names (places, actors) come from a gazetteer (gazetteer.h): leftmost
 * first, the longest name at each place, one mention per thing it refers to.
 *
 * Quantities and dates come from the phrase readers of the estimate and edtf
 * types (the readers of parse_estimate and resolve_date: one grammar for
 * both), which the caller passes in: at the start of every word (the words
 * of sn_words.h, read once for the names and the readers), each reader is
 * asked for the longest phrase of its kind beginning there.  Then:
 *   - a quantity that is really a year ("2013", "2020-2021"), a clock time
 *     ("13:00", "9 a.m.", "13h30"), a percentage ("10%", "40 percent",
 *     "10 pour cent") or an ordinal ("1st", "2nd", "3e", "1er") is dropped;
 *   - phrases never overlap: leftmost first, the longer at the same start,
 *     and a date over a quantity of the same length ("in 2013").
 * Name mentions and value mentions are chosen separately, so "four Wagner
 * fighters" may give the quantity "four Wagner fighters" (if the quantity
 * reader takes the noun) and the actor "Wagner".
 *
 * The result is sorted by start, then longer first, then kind (place, actor,
 * quantity, date), then reference.
 */
#ifndef SN_ANNOTATE_H
#define SN_ANNOTATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "gazetteer.h"
#include "matcher.h"
#include "sn_error.h"
#include "sn_text.h"

typedef enum sn_mention_kind
{
	SN_MENTION_PLACE = 0,
	SN_MENTION_ACTOR = 1,
	SN_MENTION_QUANTITY = 2,
	SN_MENTION_DATE = 3
} sn_mention_kind;

/* Room for the value a phrase reader produces (an sn_estimate or an sn_edtf). */
#define SN_ANNOTATE_VALUE_MAX 64

/*
 * A phrase reader: the length in bytes of the longest phrase of its kind that
 * begins at text (len bytes from there to the end of the text), 0 if none,
 * with its value written to value (SN_ANNOTATE_VALUE_MAX bytes of room).
 */
typedef size_t (*sn_phrase_reader_fn) (void *arg, const char *text, size_t len,
									   sn_lang lang, void *value);

typedef struct sn_phrase_reader
{
	sn_phrase_reader_fn read;
	void	   *arg;

	/*
	 * Optional: can a phrase begin with this word (lower-case ASCII, n
	 * bytes)?  Never false where read would find a phrase.  annotate folds
	 * each plain word once and asks this first, since most words begin no
	 * phrase; NULL: read is asked at every word.  The answer must depend
	 * on the word alone: annotate remembers it for short words, from call
	 * to call, for as long as the same function is passed.
	 */
	bool		(*word_may_begin) (const char *w, size_t n);

	/*
	 * Optional, asked only with word_may_begin and of the same plain words:
	 * SN_WORD_* bits (sn_text.h) of the word in language lang.  At a word
	 * that begins a phrase only before a known word
	 * (SN_WORD_NEEDS_KNOWN_NEXT), followed by a plain word that is not
	 * known, annotate does not ask read: "the attack", "in Koudiamata"; nor
	 * at a prefix word (SN_WORD_PREFIX) that no number or word that goes on
	 * follows before a mark or a word that is not known: "a convoy", "a
	 * statement on 12 August".  Never so where read would find a phrase; the
	 * answer depends on the word and lang alone, and is remembered as
	 * word_may_begin's is.
	 */
	unsigned	(*word_class) (const char *w, size_t n, sn_lang lang);

	/*
	 * Optional, asked only with word_class: the look-ahead two words on.
	 * At a plain word x followed by a plain word y that both need a known
	 * word after them (SN_WORD_KNOWN | SN_WORD_NEEDS_KNOWN_NEXT), and then
	 * by a plain word that is not known, annotate does not ask read when
	 * this says true of the folded x and y: "in the area", "on the road".
	 * Never true where read would find a phrase; the answer depends on the
	 * words and lang alone.
	 */
	bool		(*pair_needs_known_next) (const char *x, size_t nx, const char *y, size_t ny,
										  sn_lang lang);
} sn_phrase_reader;

typedef struct sn_mention
{
	sn_mention_kind kind;
	size_t		start_char;		/* 0-based, in characters */
	size_t		end_char;		/* exclusive */
	size_t		start_byte;
	size_t		end_byte;
	sn_gazetteer_ref ref;		/* places and actors */
	/* quantities and dates: what the reader wrote */
	union
	{
		unsigned char bytes[SN_ANNOTATE_VALUE_MAX];
		int64_t		align_;
	}			value;
} sn_mention;

typedef struct sn_mentions
{
	sn_mention *items;
	size_t		n;
	size_t		cap;
} sn_mentions;

typedef struct sn_annotate_options
{
	sn_lang		lang;
	const sn_gazetteer *gazetteer;	/* NULL: no names */
	sn_phrase_reader quantity;	/* read == NULL: no quantities */
	sn_phrase_reader date;		/* read == NULL: no dates */
	const sn_allocator *alloc;	/* for the result; NULL: malloc */
	/* called about every megabyte of text (may not return: PostgreSQL's interrupts) */
	void		(*progress) (void *arg);
	void	   *progress_arg;
} sn_annotate_options;

/*
 * Annotate text (UTF-8, len bytes).  Fills out (its items come from
 * opt->alloc; free them with sn_mentions_free).  Returns false and fills err
 * for invalid UTF-8 (SN_ERR_SYNTAX, position = byte offset) or lack of memory.
 */
extern bool sn_annotate(const char *text, size_t len, const sn_annotate_options *opt,
						sn_mentions *out, sn_error *err);

extern void sn_mentions_free(const sn_annotate_options *opt, sn_mentions *m);

/*
 * Is the quantity phrase text[start, end) really a year, a time, a percentage
 * or an ordinal (judged from the phrase and what follows it)?  Exposed for
 * tests.
 */
extern bool sn_annotate_not_a_quantity(const char *text, size_t len, size_t start, size_t end);

#endif							/* SN_ANNOTATE_H */
