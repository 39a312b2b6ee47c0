/*
 * extension/core/event_text.h
 *
 * What two events' descriptions say alike, for the matcher: the content
 * words of an event's text (ACLED's notes, GTD's summary, SCAD's issue note,
 * UCDP's headline), compared between the two events of a pair.  An analyst
 * who decides "same incident" reads the texts: the victims, the target, the
 * weapon, the occasion ("convoy", "journalists", "embassy", "checkpoint").
 * The place is compared by distance and the actors by identity, so the words
 * of the event's place name, and the words every report of a war uses
 * (killed, forces, clashes, attack, town, the months ...), are left out.
 *
 * A content word: a word of the text (sn_words.h, the core's one tokenizer)
 * folded (sn_fold_string: lower case, accents off), of at least four bytes
 * folded, not all digits, not a common word (the list in event_text.c) and
 * not a word of the excluded text (the place's name).  Words are compared by
 * a 64-bit hash (FNV-1a of the folded bytes).  Text that is not UTF-8 is read
 * up to its first bad byte.
 */
#ifndef SN_EVENT_TEXT_H
#define SN_EVENT_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The most content words kept of one text (the first ones, distinct) */
#define SN_TEXT_MAX_WORDS 128

/*
 * The distinct content words of text (len bytes) that are not words of
 * exclude (exclude_len bytes; NULL for none), as sorted hashes in out
 * (room for SN_TEXT_MAX_WORDS); returns how many.
 */
extern size_t sn_text_words(const char *text, size_t len, const char *exclude, size_t exclude_len,
							uint64_t *out);

/* How many hashes two sorted lists share */
extern size_t sn_text_shared(const uint64_t *a, size_t na, const uint64_t *b, size_t nb);

/*
 * How many hashes two sorted lists share that are not in the sorted list
 * skip (the words of the groups both events name: compared by identity)
 */
extern size_t sn_text_shared_except(const uint64_t *a, size_t na, const uint64_t *b, size_t nb,
									const uint64_t *skip, size_t n_skip);

/*
 * The hashes two sorted lists share, into out (room for the shorter list's
 * length); returns how many.
 */
extern size_t sn_text_intersect(const uint64_t *a, size_t na, const uint64_t *b, size_t nb, uint64_t *out);

/*
 * The content words of text (as sn_text_words reads them, exclude left out)
 * that are among the sorted hashes other and not among the sorted hashes
 * skip, in the order text gives them, each once, separated by one space,
 * written into buf (always terminated when size > 0; words that do not fit
 * whole are left out); returns how many were written.
 */
extern size_t sn_text_shared_list(const char *text, size_t len, const char *exclude, size_t exclude_len,
								  const uint64_t *other, size_t n_other, const uint64_t *skip, size_t n_skip,
								  char *buf, size_t size);

/* Whether a folded word (lower case) is one of the common words left out */
extern bool sn_text_is_common(const char *word, size_t len);

#endif
