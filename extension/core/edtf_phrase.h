/*
 * extension/core/edtf_phrase.h
 *
 * The date phrase reader: turns the way a news report says when something
 * happened ("in 2013", "last month", "on Saturday", "13 août 2022") into an
 * edtf, relative to the publication day.  One grammar serves resolve_date()
 * (a whole phrase) and annotate() (date mentions in running text).
 *
 * English and French; case, accents and typographic apostrophes/dashes are
 * folded (sn_text.h), so "Fevrier", "février" and "FÉVRIER" read alike.
 * Month names, weekdays and relative words are read in the given language
 * only; numbers and ISO dates in both.  Conventions (docs/reference/edtf.md):
 *   - a weekday ("Saturday", "on Saturday", "samedi") is the latest such day
 *     on or before the reference; "last Saturday", "samedi dernier" the
 *     latest strictly before it;
 *   - a month or day without a year ("in February", "August 13") is the
 *     latest such month or day not after the reference;
 *   - "last week" is the previous Monday-Sunday; "this week"/"earlier this
 *     week" Monday to the reference day; "this month" the month;
 *     "earlier this month" the first of the month to the reference day;
 *   - early/mid/late of a month are days 1-10, 11-20, 21-end; of a year
 *     January-April, May-August, September-December;
 *   - "N years/months/weeks/days ago" is that year, month or day;
 *   - "since X" runs from X to the reference day (X/.. without one).
 */
#ifndef SN_EDTF_PHRASE_H
#define SN_EDTF_PHRASE_H

#include <stdbool.h>
#include <stddef.h>

#include "edtf.h"
#include "sn_error.h"
#include "sn_text.h"

/*
 * Read the longest date phrase that starts exactly at text (len bytes from
 * there to the end of the text; no NUL needed) and return the number of
 * bytes it takes, 0 if no date phrase starts there.  The phrase ends at a
 * word boundary and takes no trailing space or punctuation: in "2020 and
 * 2021" it reads "2020" and the caller goes on.  reference is the
 * publication day; NULL reads absolute dates only ("13 August 2022",
 * "in 2013", "the 1990s"), never relative ones ("last month", "Saturday").
 */
extern size_t sn_date_phrase_scan(const char *text, size_t len,
								  const sn_civil_date *reference, sn_lang lang,
								  sn_edtf *out);

/*
 * The same reading without the shortcuts: every pattern of the grammar is
 * tried at every word (not only those the word can begin), however the
 * next word looks (no look-ahead), every word is cut the general way (no
 * ASCII fast path), and the word test below is not asked.  It must find
 * exactly what sn_date_phrase_scan finds, only slower; tests and the fuzz
 * harness hold the shortcuts to that.  It also checks that every word the
 * grammar compares a token with is in the reader's vocabulary, on which
 * the look-ahead relies, and returns SIZE_MAX where one is not (a bug).
 */
extern size_t sn_date_phrase_scan_exhaustive(const char *text, size_t len,
											 const sn_civil_date *reference,
											 sn_lang lang, sn_edtf *out);

/*
 * Can a date phrase begin with the folded word w (lower-case ASCII, n bytes,
 * as the scanner folds it)?  False for words no pattern begins with
 * ("troops", "attacked", "ago") in either language: annotate's first test,
 * which folds each word once; the scanner refuses the same words.  Never
 * false where the scanner reads a phrase.  Digits always may begin one.
 */
extern bool sn_date_phrase_word_may_begin(const char *w, size_t n);

/*
 * annotate's look-ahead (annotate.h, sn_phrase_reader.word_class): for the
 * folded word w, SN_WORD_KNOWN when the scanner's vocabulary holds it and
 * SN_WORD_NEEDS_KNOWN_NEXT when a date begins with it in language lang only
 * before a known word or a mark ("the 13th", "in May", not "the attack").
 */
extern unsigned sn_date_phrase_word_class(const char *w, size_t n, sn_lang lang);

/*
 * annotate's look-ahead two words on (sn_phrase_reader.pair_needs_known_next):
 * true when x and y, folded words that each begin a date only before a
 * known word (SN_WORD_NEEDS_KNOWN_NEXT), begin no date in language lang
 * when a word outside the vocabulary follows them ("in the area", "on the
 * road"); false for any other pair.  Found by asking the exhaustive reader
 * the first time a pair is asked, and remembered.
 */
extern bool sn_date_phrase_pair_needs_known_next(const char *x, size_t nx, const char *y,
												 size_t ny, sn_lang lang);

/*
 * resolve_date: the whole phrase (surrounding white space ignored) must be
 * one date phrase; otherwise false with SN_ERR_DATETIME_FORMAT (22007), the
 * phrase quoted.
 */
extern bool sn_date_phrase_resolve(const char *phrase, size_t len,
								   const sn_civil_date *reference, sn_lang lang,
								   sn_edtf *out, sn_error *err);

/*
 * The scanner in the shape of annotate's sn_phrase_reader_fn (annotate.h):
 * arg is a const sn_civil_date * (the reference, or NULL) and value
 * receives an sn_edtf.
 */
extern size_t sn_date_phrase_reader(void *arg, const char *text, size_t len,
									sn_lang lang, void *value);

#endif							/* SN_EDTF_PHRASE_H */
