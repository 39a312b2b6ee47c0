/*
 * extension/core/gazetteer.h
 *
 * The names annotate() looks for, and what each refers to: place names and
 * actor names from the model's tables, and the names of the country type.
 * A gazetteer collects names with their references, adds the forms a name
 * takes in running text (plurals and feminines of demonyms), marks acronyms,
 * and builds the matcher (matcher.h) over all of them.
 *
 * Then sn_gazetteer_find() reads a text once and returns its name mentions:
 * at each place the longest name wins ("Lake Chad region" over "Lake Chad"
 * over "Chad"), leftmost first, never overlapping; a name that refers to
 * several things (a place and an actor, two places) gives one mention per
 * reference.
 */
#ifndef SN_GAZETTEER_H
#define SN_GAZETTEER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "matcher.h"
#include "sn_error.h"
#include "sn_text.h"

typedef enum sn_ref_kind
{
	SN_REF_PLACE = 0,
	SN_REF_ACTOR = 1
} sn_ref_kind;

/* What a name refers to. */
typedef struct sn_gazetteer_ref
{
	sn_ref_kind kind;
	int64_t		id;				/* place_id or actor_id; 0 when none */
	int32_t		country;		/* the country (its code in the country type), or -1 */
} sn_gazetteer_ref;

/* Name flags */
#define SN_NAME_DEMONYM 0x0001u	/* "Malian", "malienne": also adds inflected forms */
#define SN_NAME_LANG_EN 0x0002u	/* the name is English (neither flag: any language) */
#define SN_NAME_LANG_FR 0x0004u	/* the name is French */
#define SN_NAME_NO_ACRONYM 0x0008u	/* match even a name in capitals in any case */
#define SN_NAME_CAPITALISED 0x0010u /* match only text with a capital first letter */

typedef struct sn_gazetteer sn_gazetteer;

/* An empty gazetteer; alloc may be NULL (malloc).  NULL when memory runs out. */
extern sn_gazetteer *sn_gazetteer_new(const sn_allocator *alloc);

/*
 * Add a name (UTF-8, len bytes) for ref.  The name is copied.  A name written
 * in capitals (2 to 8 characters, no lower-case letter, no space: "UN",
 * "JNIM", "MINUSMA", "CAR") is taken for an acronym and matches only text
 * without lower-case letters, unless SN_NAME_NO_ACRONYM is given.  Returns
 * false (SN_ERR_SYNTAX) for invalid UTF-8, or on lack of memory.
 */
extern bool sn_gazetteer_add(sn_gazetteer *g, const char *name, size_t len,
							 const sn_gazetteer_ref *ref, uint32_t flags, sn_error *err);

/* A country of the country type that is a row of places (its id there). */
typedef struct sn_country_place
{
	int32_t		country;		/* its code in the country type */
	int64_t		place_id;
} sn_country_place;

/*
 * Add the names of every country of the country type (country.h), English
 * and French, as place names of their country that match only when written
 * with a capital ("Niger", not "niger").  A country listed in places (n
 * entries) refers to that place; the others to no place (id 0).  Returns
 * false on lack of memory.
 */
extern bool sn_gazetteer_add_country_names(sn_gazetteer *g, const sn_country_place *places,
										   size_t n, sn_error *err);

/*
 * A delta: a small gazetteer of changes to a large one, so that a name added
 * or removed costs no rebuild of every name.  Make an empty gazetteer, give
 * it the names added (sn_gazetteer_add) and removed (sn_gazetteer_remove:
 * the same name, reference and flags as when it was added; the reference's
 * country may be SN_GAZETTEER_ANY_COUNTRY, which removes the entry of that
 * kind and id whatever its country), then sn_gazetteer_build_delta() over
 * the built base.  sn_gazetteer_find() on the delta finds what a gazetteer
 * built from the base's names, plus the added, minus the removed, would find:
 * for each key (sn_matcher_key) a change touches, the delta holds the key's
 * entries after the changes (the base's, counted, plus and minus the
 * changes) and the base's hits of that key are dropped.  The base must
 * outlive the delta and not change; a removal of an entry the base lacks is
 * ignored.
 */
#define SN_GAZETTEER_ANY_COUNTRY (-2)

extern bool sn_gazetteer_remove(sn_gazetteer *g, const char *name, size_t len,
								const sn_gazetteer_ref *ref, uint32_t flags, sn_error *err);
extern bool sn_gazetteer_build_delta(sn_gazetteer *d, const sn_gazetteer *base, sn_error *err);

/* A delta's figures (0 for a gazetteer that is not one): names added, removed, base keys replaced. */
extern size_t sn_gazetteer_delta_added(const sn_gazetteer *g);
extern size_t sn_gazetteer_delta_removed(const sn_gazetteer *g);
extern size_t sn_gazetteer_delta_replaced(const sn_gazetteer *g);

/* Build the matcher over every name added.  Names can no longer be added. */
extern bool sn_gazetteer_build(sn_gazetteer *g, sn_error *err);

extern void sn_gazetteer_free(sn_gazetteer *g);

/* Figures: names added (forms included), and the matcher's statistics. */
extern size_t sn_gazetteer_names(const sn_gazetteer *g);
extern void sn_gazetteer_stats(const sn_gazetteer *g, sn_matcher_stats *stats);

/* One mention of a name in a text.  Positions are 0-based, ends exclusive. */
typedef struct sn_name_mention
{
	size_t		start_char;
	size_t		end_char;
	size_t		start_byte;
	size_t		end_byte;
	sn_gazetteer_ref ref;
	bool		common;			/* the name is written without capitals ("civilians") */
} sn_name_mention;

/* A growing array of mentions. */
typedef struct sn_name_mentions
{
	sn_name_mention *items;
	size_t		n;
	size_t		cap;
} sn_name_mentions;

/*
 * Find the names in text (UTF-8, len bytes).  Mentions are appended to out
 * in text order (same span: places before actors, then by id), in memory
 * from alloc (NULL: malloc); progress, if not NULL, is called about every
 * megabyte.  Returns false and fills err for invalid UTF-8 (SN_ERR_SYNTAX)
 * or lack of memory.
 */
extern bool sn_gazetteer_find(const sn_gazetteer *g, const char *text, size_t len,
							  const sn_allocator *alloc,
							  void (*progress) (void *), void *progress_arg,
							  sn_name_mentions *out, sn_error *err);

/*
 * The same over the text's words, already read by sn_words_read (annotate
 * reads them once for the names and the phrase readers).
 */
struct sn_words;
extern bool sn_gazetteer_find_words(const sn_gazetteer *g, const char *text, size_t len,
									const struct sn_words *words, const sn_allocator *alloc,
									void (*progress) (void *), void *progress_arg,
									sn_name_mentions *out, sn_error *err);

extern void sn_name_mentions_free(const sn_allocator *alloc, sn_name_mentions *m);

#endif							/* SN_GAZETTEER_H */
