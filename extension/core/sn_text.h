/*
 * extension/core/sn_text.h
 *
 * Text helpers shared by every reader of human text in the core: UTF-8
 * decoding, folding for matching, and the language of a phrase.
 *
 * "Folding" is what makes "Côte d’Ivoire", "COTE D'IVOIRE" and "cote d'ivoire"
 * the same key: lower case, Latin diacritics removed (é → e, Ç → c), ligatures
 * spelled out (œ → oe, ß → ss), typographic apostrophes, dashes and spaces
 * replaced by their ASCII forms, and invisible characters (soft hyphen,
 * zero-width space, combining accents of decomposed text) dropped.  Letters of
 * other scripts pass through unchanged.  The parsers (estimate phrases, date
 * phrases, country names) and the annotate matcher all fold the same way, so a
 * name that one of them accepts the others see identically.
 */
#ifndef SN_TEXT_H
#define SN_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The language a phrase is written in. */
typedef enum sn_lang
{
	SN_LANG_EN = 0,
	SN_LANG_FR = 1
} sn_lang;

/*
 * Read a language name: "en", "english", "fr", "french", "français"
 * (case-insensitive, surrounding spaces ignored).  Returns false if unknown.
 */
extern bool sn_lang_from_string(const char *s, size_t len, sn_lang *out);

/* The ISO 639-1 code of a language: "en" or "fr". */
extern const char *sn_lang_code(sn_lang lang);

/*
 * What a phrase reader knows of a folded word, for annotate's look-ahead
 * (annotate.h, sn_phrase_reader.word_class): the word is in the reader's
 * vocabulary; a phrase begins with it only where the next word is in that
 * vocabulary too, or is no word (a number, a mark).
 */
#define SN_WORD_KNOWN 0x1u
#define SN_WORD_NEEDS_KNOWN_NEXT 0x2u

/*
 * And for a reader whose phrases may open with prefix words ("about",
 * "at least", "in excess of", "a"): a phrase begins with a word classed
 * SN_WORD_PREFIX only where, within the SN_WORD_PREFIX_WINDOW tokens after
 * it (ASCII white space between them), a number, a '?' or a word classed
 * SN_WORD_GOES_ON comes before any other mark, any word the reader does not
 * know (SN_WORD_KNOWN) and the end of the text; known words of neither
 * class may come between ("in excess of 500").
 */
#define SN_WORD_PREFIX 0x4u
#define SN_WORD_GOES_ON 0x8u
#define SN_WORD_PREFIX_WINDOW 4

/*
 * Decode the UTF-8 character at s (len bytes available).  Returns the number
 * of bytes it takes (1 to 4) and sets *cp, or returns 0 for an invalid or
 * truncated sequence (overlong forms and surrogates included).
 */
extern int	sn_utf8_decode(const char *s, size_t len, uint32_t *cp);

/* Encode cp as UTF-8 into out (room for 4 bytes); returns the byte count. */
extern int	sn_utf8_encode(uint32_t cp, char *out);

/*
 * How many characters the n bytes at s hold: UTF-8 characters, each byte of
 * an invalid sequence counting as one.  Error messages say "at character
 * N" with it (1 + the count before the place), and annotate counts its
 * offsets with it.
 */
extern size_t sn_utf8_char_count(const char *s, size_t n);

/*
 * Fold one character for matching.  Writes 0 to 3 code points into out and
 * returns how many: 0 for a character that folding drops (soft hyphen,
 * zero-width characters, combining marks), 2 for ligatures (œ → "oe").
 */
#define SN_FOLD_MAX 3
extern int	sn_fold_char(uint32_t cp, uint32_t out[SN_FOLD_MAX]);

/*
 * Decode and fold the character at s (len bytes available): the step every
 * reader of text in the core takes.  Returns the bytes the character takes
 * (1 to 4), or 0 at the end of the text or at an invalid or truncated
 * sequence; then sets *cp to its code point and writes its folded code points
 * (sn_fold_char: 0 to SN_FOLD_MAX of them) to folded, their count to
 * *nfolded.  ASCII, most of a text, is folded here, inline; the rest by
 * sn_decode_fold_other.
 */
extern int	sn_decode_fold_other(const char *s, size_t len, uint32_t *cp,
								 uint32_t folded[SN_FOLD_MAX], int *nfolded);

static inline int
sn_decode_fold(const char *s, size_t len, uint32_t *cp, uint32_t folded[SN_FOLD_MAX],
			   int *nfolded)
{
	unsigned char b;

	if (len == 0)
		return 0;
	b = (unsigned char) s[0];
	if (b >= 0x80)
	{
		*nfolded = 0;			/* (for an invalid sequence) */
		return sn_decode_fold_other(s, len, cp, folded, nfolded);
	}
	*cp = b;
	/* as sn_fold_char: lower case, and the backquote an apostrophe */
	folded[0] = (b >= 'A' && b <= 'Z') ? b + (uint32_t) ('a' - 'A') : b == '`' ? '\'' : b;
	*nfolded = 1;
	return 1;
}

/* One character of a text as sn_decode_fold reads it. */
typedef struct sn_folded_char
{
	uint32_t	cp;				/* its code point */
	uint32_t	f[SN_FOLD_MAX]; /* what it folds to */
	int			nf;				/* how many code points f holds */
	int			n;				/* the bytes it takes; 0 as sn_decode_fold */
} sn_folded_char;

/*
 * Decode and fold the character at byte i of s (len bytes) into *c, for the
 * loops that walk a text character by character.  Returns c->n.
 */
static inline int
sn_fold_at(const char *s, size_t len, size_t i, sn_folded_char *c)
{
	c->n = sn_decode_fold(s + i, len - i, &c->cp, c->f, &c->nf);
	return c->n;
}

/*
 * Fold a whole UTF-8 string into out (outsize bytes, NUL-terminated when
 * there is room).  Returns the length of the folded string (which may exceed
 * outsize - 1, as snprintf does, so that the caller can size a buffer), or
 * (size_t) -1 if the input is not valid UTF-8.  Folding never makes a string
 * longer than 3 times its input, plus the NUL.
 */
extern size_t sn_fold_string(const char *in, size_t len, char *out, size_t outsize);

/*
 * Character classes on folded characters.  A word character is a letter or a
 * digit of any script; spaces, punctuation and symbols are not.  Matchers use
 * this for word boundaries ("Niger" is not a word inside "Nigeria").
 */
extern bool sn_is_word_char(uint32_t folded);
extern bool sn_is_space(uint32_t folded);

static inline bool
sn_is_ascii_digit(uint32_t c)
{
	return c >= '0' && c <= '9';
}

static inline bool
sn_is_ascii_alpha(uint32_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

#endif							/* SN_TEXT_H */
