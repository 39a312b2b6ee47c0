/*
 * extension/core/sn_words.h
 *
 * The words of a text: the one tokenizer of the core's text readers.  The
 * name matcher (matcher.h) steps its automaton word by word over them, and
 * annotate (annotate.h) reads them once per call, for the matcher and for
 * the places where it starts the phrase readers.
 *
 * A word is a run of characters whose folding (sn_decode_fold) begins with
 * a word character (sn_is_word_char): letters and digits of any script.
 * Characters that folding drops (soft hyphen, zero-width space, combining
 * accents) neither begin nor end a word; every other character is part of
 * the gap between two words.  A word's end is just after its last word
 * character.
 */
#ifndef SN_WORDS_H
#define SN_WORDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sn_error.h"

/*
 * The word is only ASCII letters and the text after it is not an ASCII
 * letter, digit or apostrophe, nor a character beyond ASCII: it folds to its
 * letters in lower case, and the phrase readers take it whole.
 */
#define SN_WORD_PLAIN 0x1u

/*
 * Between the word before and this one there are only NUL bytes and
 * characters that folding drops: for annotate, which takes a NUL as
 * invisible, the two are one word.  (The name matcher, like every matcher
 * of names, takes a NUL as a gap.)
 */
#define SN_WORD_JOINED 0x2u

/* The first character is an ASCII digit. */
#define SN_WORD_DIGIT 0x4u

typedef struct sn_word
{
	size_t		start_byte;
	size_t		end_byte;		/* exclusive */
	size_t		start_char;		/* in characters (code points) of the text */
	size_t		end_char;
	uint32_t	flags;			/* SN_WORD_* */
} sn_word;

/*
 * Reading a text's words a few at a time (the matcher reads them so, on the
 * stack).  Set up with sn_words_begin; each sn_words_next call fills up to
 * max words and returns how many, 0 at the end of the text or at invalid
 * UTF-8 (then r->bad is true and r->bad_byte where it is: the words before
 * it have been returned).
 */
typedef struct sn_word_reader
{
	const char *text;
	size_t		len;
	size_t		byte;			/* where the reading goes on */
	size_t		chr;
	bool		gap_only_invisible; /* since the last word: NULs and invisible characters only */
	bool		any_word;		/* a word has been read */
	bool		bad;
	size_t		bad_byte;
} sn_word_reader;

extern void sn_words_begin(sn_word_reader *r, const char *text, size_t len);
extern size_t sn_words_next(sn_word_reader *r, sn_word *out, size_t max);

/* The words of a whole text, in memory from an allocator (see matcher.h). */
typedef struct sn_words
{
	sn_word    *items;
	size_t		n;
	size_t		cap;
} sn_words;

struct sn_allocator;

/*
 * Read every word of text into w (its items from a; free them with
 * sn_words_free).  Returns false and fills err for invalid UTF-8
 * (SN_ERR_SYNTAX, position = byte offset) or lack of memory; progress, when
 * not NULL, is called about every megabyte of text.
 */
extern bool sn_words_read(const char *text, size_t len, const struct sn_allocator *a,
						  void (*progress) (void *), void *progress_arg,
						  sn_words *w, sn_error *err);
extern void sn_words_free(const struct sn_allocator *a, sn_words *w);

/* The error for invalid UTF-8 at byte i, as every reader of text words it. */
extern bool sn_words_bad_utf8(sn_error *err, size_t i);

#endif							/* SN_WORDS_H */
