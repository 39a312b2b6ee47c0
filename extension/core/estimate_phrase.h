/*
 * extension/core/estimate_phrase.h
 *
 * Reading quantities as news reports write them, in English and French:
 * "about 1,000", "700 to 1,000", "more than two million", "dozens",
 * "environ 1 000", "entre 700 et 1 000", "une centaine", "undisclosed".
 * One grammar serves two callers:
 *
 *  - parse_estimate(phrase, lang) in SQL, through sn_estimate_phrase_parse():
 *    the whole phrase must be one quantity, optionally followed by nouns
 *    ("troops", "de soldats"), else an error;
 *  - the annotate matcher, through sn_estimate_phrase_scan(): the longest
 *    quantity phrase starting exactly at a byte position of a longer text.
 *
 * What the phrases mean
 * ---------------------
 *   exact         "59", "2,400", "four", "fifty-nine", "two million",
 *                 "1.2 million", "cinquante-neuf", "2 millions", "1,5 million" (fr)
 *   approximate   about, around, some, approximately, roughly, an estimated,
 *                 nearly, almost, close to, circa, "or so", "~";
 *                 environ, près de, autour de, quelque, approximativement,
 *                 à peu près, presque, quasiment, aux alentours de  -> ~N
 *   ranges        "700 to 1,000", "between 35 and 45", "from 5 to 10",
 *                 "300-400", "700..1000", "700..850..1000"; "entre 700 et
 *                 1 000", "de 700 à 1 000", "700 à 1 000".  A scale word on
 *                 the upper end also scales a lower end that has none and
 *                 stays below it: "two to three million" = 2000000..3000000.
 *   at least      at least, no fewer/less than, a minimum of, "or more",
 *                 "N+", "N-plus", ">="; au moins, pas moins de, au minimum,
 *                 "ou plus", "et plus"                       -> >=N
 *   more than     more than, over, above, upwards of, in excess of,
 *                 exceeding, ">"; plus de                    -> >=N+1
 *   at most       up to, at most, no more than, a maximum of,
 *                 "or fewer", "or less", "<="; jusqu'à, au plus,
 *                 au maximum, pas plus de, "ou moins"        -> <=N
 *   fewer than    fewer than, less than, under, below, "<"; moins de -> <=N-1
 *   hedged        could/may/might exceed (top, surpass); pourrait(ent)
 *                 dépasser (les), pourrait atteindre        -> N..N.. (best N)
 *                 as many as                                 -> 0..N..N
 *   A bound on a collective is round: "plus d'une centaine" >=101, "at
 *   least a dozen" >=12 (docs/reference/reading_reports.md).
 *   unknown       undisclosed, unknown, unspecified, undetermined, not known,
 *                 not disclosed, an undisclosed/unknown number, "?";
 *                 inconnu, non communiqué, non divulgué, non précisé,
 *                 indéterminé, un nombre inconnu/indéterminé   -> ?
 *
 * Vague words follow one convention (a range, not approximate):
 *   several / plusieurs = 3..9        a few / quelques = 2..9
 *   dozens / des dizaines / des douzaines = 24..99        tens = 20..99
 *   hundreds / des centaines = 200..999
 *   thousands / des milliers = 2000..9999
 *   tens of thousands / des dizaines de milliers = 20000..99999
 *   hundreds of thousands / des centaines de milliers = 200000..999999
 *   millions / des millions = 2000000..9999999 (billions likewise)
 *   several hundred = 300..900, a few thousand = 2000..9000, plusieurs
 *   centaines = 300..900, several dozen = 36..108 (several/few x the unit)
 * and collective nouns are approximate: "a dozen" = ~12, "half a dozen" = ~6,
 * "two dozen" = ~24, une dizaine ~10, douzaine ~12, quinzaine ~15,
 * vingtaine ~20, trentaine ~30, quarantaine ~40, cinquantaine ~50,
 * soixantaine ~60, centaine ~100, un millier ~1000, "deux centaines" ~200,
 * "une centaine de milliers" ~100000.
 *
 * Numbers: English groups thousands with "," or a space ("2,400", "2 400")
 * and writes decimals with "."; French groups with a space, a no-break space
 * or "." ("1 000", "1.000") and writes decimals with ",".  A decimal needs a
 * scale word ("1.2 million", "2,5 millions"), and must come out whole.
 * A phrase it cannot read is refused, never guessed: "many", "1.5",
 * "1,000" in French (a decimal comma without a scale word), "10km", "40%".
 */
#ifndef SN_ESTIMATE_PHRASE_H
#define SN_ESTIMATE_PHRASE_H

#include <stdbool.h>
#include <stddef.h>

#include "estimate.h"
#include "sn_error.h"
#include "sn_text.h"

/* What a phrase was made of, so that a caller can judge a match. */
typedef struct sn_phrase_info
{
	/*
	 * One numeral and nothing else: no qualifier, range, bound or vague word
	 * ("2013", "59", "four", "two million").  A matcher may refuse a bare
	 * four-digit numeral as a count when it is likely a year.
	 */
	bool		bare_numeral;
	/*
	 * Every number in the phrase was written with digits only, without
	 * number words or scale words ("2013", "2013-2022", "about 1,000").
	 */
	bool		digits_only;
	/* A range was given: "700 to 1,000", "300-400", "entre 35 et 45" */
	bool		range;
	/* A vague word or collective: "dozens", "several", "une centaine" */
	bool		vague;
	/* The quantity is unknown: "undisclosed", "an unknown number", "?" */
	bool		unknown;
	/*
	 * Trailing nouns were consumed ("1,000 troops").  Only
	 * sn_estimate_phrase_parse consumes them; sn_estimate_phrase_scan never
	 * does (the caller decides what is counted).
	 */
	bool		nouns_consumed;
	/* Byte offset, relative to the phrase start, where the nouns begin */
	size_t		nouns_start;
} sn_phrase_info;

/*
 * Read the longest quantity phrase that starts exactly at text[0] (text is
 * len bytes of a longer UTF-8 text; it need not be NUL-terminated, and
 * nothing before text is read).  Returns the number of bytes the phrase
 * takes (trailing spaces not included), or 0 when no quantity phrase starts
 * here (or one starts but is invalid: an overflowing number, a range whose
 * ends are reversed).  On success *out holds the value and *info (may be
 * NULL) describes the phrase; trailing nouns are never consumed.
 *
 * The phrase must end at a word boundary: "10km" and "40%" are not counts,
 * nor is "1" of "1.5" or "10:30".  The caller positions text at the start of
 * a word; the scanner does not look behind.
 *
 * Examples (lang SN_LANG_EN unless marked):
 *   "about 1,000 troops crossed"    -> 11  ~1000            bare_numeral false
 *   "700 to 1,000 soldiers"         -> 12  700..1000        range
 *   "2013, France intervened"       ->  4  2013             bare_numeral, digits_only
 *   "more than two million people"  -> 21  >=2000001
 *   "dozens of civilians"           ->  6  24..99           vague
 *   "tens of thousands fled"        -> 17  20000..99999     vague
 *   "an undisclosed number of"      -> 21  ?                unknown
 *   "10km north"                    ->  0
 *   "troops"                        ->  0
 *   fr: "environ 1 000 soldats"     -> 13  ~1000
 *   fr: "plus de 2 millions de"     -> 18  >=2000001
 *   fr: "une centaine de civils"    -> 12  ~100             vague
 */
extern size_t sn_estimate_phrase_scan(const char *text, size_t len, sn_lang lang,
									  sn_estimate *out, sn_phrase_info *info);

/*
 * Can a quantity phrase begin with the first word of text (spaces skipped)?
 * False when that word cannot begin one ("troops", "the"), or when it is a
 * prefix ("a", "in", "about", "de") that no number or number word follows
 * within a few words ("a convoy", "in the north"): a quick test the scanner
 * makes first, since annotate asks it at every word.  Never false where the
 * scanner or parse_estimate reads a phrase.
 */
extern bool sn_estimate_phrase_may_begin(const char *text, size_t len, sn_lang lang);

/*
 * The same test for a word already folded (lower-case ASCII, n bytes, as
 * the scanner folds: "environ", "d'"): annotate folds each word once and
 * asks both readers.
 */
extern bool sn_estimate_phrase_word_may_begin(const char *w, size_t n);

/*
 * annotate's prefix look-ahead (annotate.h, sn_phrase_reader.word_class):
 * for the folded word w, SN_WORD_PREFIX when a quantity begins with it only
 * before the rest of a quantity ("about", "a", "in", "de"), SN_WORD_GOES_ON
 * when it is such a rest (a word of a count, a starter that is no prefix
 * word), as the scanner's quick test reads them (sn_text.h).
 */
extern unsigned sn_estimate_phrase_word_class(const char *w, size_t n, sn_lang lang);

/*
 * Is the folded word w (n bytes) in the grammar's vocabulary (a word of its
 * lists, its number tables, or the plural of one)?  Only such words come
 * between a prefix word and its quantity ("in excess of 500"): the quick
 * test's look-ahead stops at any other, and so does annotate's, which gets
 * this as SN_WORD_KNOWN (annotate_readers.h).
 */
extern bool sn_estimate_phrase_word_known(const char *w, size_t n);

/*
 * parse_estimate: the whole of phrase (len bytes) must be one quantity
 * phrase, surrounding spaces and trailing nouns allowed ("about 1,000
 * troops", "des dizaines de soldats").  Trailing words may not contain
 * digits or words of the grammar ("700 or 800", "59 and more" are refused).
 * Errors: SN_ERR_SYNTAX (22P02) when the phrase cannot be read, with the
 * position; SN_ERR_RANGE (22003) for numbers beyond 2^63-1 or below 0.
 */
extern bool sn_estimate_phrase_parse(const char *phrase, size_t len, sn_lang lang,
									 sn_estimate *out, sn_phrase_info *info,
									 sn_error *err);

/*
 * The same two readings without the shortcuts that make them fast: no
 * quick test (sn_estimate_phrase_may_begin) before scanning, and every
 * alternative of the grammar (unknown, bound, range, single, approximate)
 * tried at every phrase, whatever its first word.  They must read exactly
 * what the two functions above read (lengths, values, info, errors and
 * their messages), only slower: the unit tests and the fuzz harness hold
 * the shortcuts to that.
 */
extern size_t sn_estimate_phrase_scan_exhaustive(const char *text, size_t len, sn_lang lang,
												 sn_estimate *out, sn_phrase_info *info);
extern bool sn_estimate_phrase_parse_exhaustive(const char *phrase, size_t len, sn_lang lang,
												sn_estimate *out, sn_phrase_info *info,
												sn_error *err);

#endif							/* SN_ESTIMATE_PHRASE_H */
