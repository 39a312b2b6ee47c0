/*
 * extension/core/country.h
 *
 * One country or territory, in every coding that conflict data uses: ISO
 * 3166-1 alpha-2, alpha-3 and numeric (ACLED), FIPS 10-4 (GDELT),
 * Gleditsch-Ward numbers (UCDP), Correlates of War numbers, and English and
 * French names with their common variants.
 *
 * The table holds every country or territory with an ISO 3166-1 code plus
 * Kosovo (XK, XKX).  It is generated (country_table.h) from the project's own
 * data file, extension/core/gen/countries.txt.
 *
 * Value.  An sn_country is the ISO alpha-3 code packed into 15 bits:
 * ((c1 - 'A') * 26 + (c2 - 'A')) * 26 + (c3 - 'A').  Integer order is alpha-3
 * order, and a value never changes meaning when countries are added to the
 * table, so stored values (the SQL type stores this as 2 bytes) stay valid
 * across versions.  Not every packed code is a country: check with
 * sn_country_info_of() or sn_country_is_valid().
 *
 * Iteration API (for gazetteers, SRFs and tests).  Countries are numbered
 * 0 .. sn_country_count() - 1 in alpha-3 order; sn_country_at(i) gives the
 * codes and short names of country i.  Every name that input accepts, in
 * either language, is one of sn_country_name_at(j) for
 * j in 0 .. sn_country_name_count() - 1, grouped by country: country i owns
 * names info->first_name .. info->first_name + info->name_count - 1, English
 * first, each language's short name first and flagged SN_COUNTRY_NAME_SHORT.
 * A name flagged SN_COUNTRY_NAME_SHARED ("Congo", "Korea", "Virgin Islands")
 * belongs to several countries: input that matches it is ambiguous, so a
 * gazetteer should treat it as such.  Codes (ISO, FIPS, numbers) are not
 * names and are not in that list.
 *
 * Matching.  Names are compared by key (sn_country_name_key): the text is
 * folded with sn_text (case, accents, ligatures, typographic punctuation),
 * cut into words at every character that is not a letter or digit, the words
 * "the", "and", "et", "le", "la", "les", "l" dropped, "st"/"ste" read as
 * "saint"/"sainte", and the remaining words joined without spaces: "Côte
 * d'Ivoire", "COTE D IVOIRE" and "Cote-d'Ivoire" share the key "cotedivoire".
 *
 * The tables are indexed on first use (about 1,100 names); that lazy set-up
 * is not thread-safe, so a multi-threaded caller calls sn_country_init()
 * once first.  Everything else is read-only and reentrant.
 */
#ifndef SN_COUNTRY_H
#define SN_COUNTRY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sn_error.h"
#include "sn_text.h"

typedef uint16_t sn_country;

/* Packed codes run from 0 (AAA) to 17575 (ZZZ); this is none of them. */
#define SN_COUNTRY_INVALID ((sn_country) 0xFFFF)

/* Longest text input considered (bytes, after trimming); longer is unknown. */
#define SN_COUNTRY_MAX_INPUT 200

/* Most candidates an ambiguous name can have. */
#define SN_COUNTRY_MAX_CANDIDATES 8

typedef enum sn_country_scheme
{
	SN_COUNTRY_SCHEME_ISO2,
	SN_COUNTRY_SCHEME_ISO3,
	SN_COUNTRY_SCHEME_NUMERIC,
	SN_COUNTRY_SCHEME_FIPS,
	SN_COUNTRY_SCHEME_GW,
	SN_COUNTRY_SCHEME_COW
} sn_country_scheme;

/* Flags of a name. */
#define SN_COUNTRY_NAME_SHORT	1	/* the short name of its language */
#define SN_COUNTRY_NAME_SHARED	2	/* shared by several countries: ambiguous */

typedef struct sn_country_name
{
	const char *text;			/* UTF-8, as usually written */
	sn_lang		lang;			/* SN_LANG_EN or SN_LANG_FR */
	unsigned	flags;			/* SN_COUNTRY_NAME_* */
	unsigned	country;		/* index of its country (sn_country_at) */
} sn_country_name;

typedef struct sn_country_info
{
	const char *iso3;			/* "MLI" */
	const char *iso2;			/* "ML" */
	int			numeric;		/* ISO 3166-1 numeric, 466; 0 = none (Kosovo) */
	const char *fips;			/* FIPS 10-4 "ML"; NULL = none */
	const char *fips_alt;		/* a second FIPS code read as this country, or NULL */
	int			gw;				/* Gleditsch-Ward number; 0 = none */
	int			cow;			/* Correlates of War number; 0 = none */
	int			region;			/* index for sn_country_region/continent */
	const char *name_en;		/* English short name */
	const char *name_fr;		/* French short name */
	int			first_name;		/* its names in sn_country_name_at() */
	int			name_count;
} sn_country_info;

/* A code of a state that no longer exists (used to explain rejections). */
typedef struct sn_country_historic
{
	sn_country_scheme scheme;	/* GW, COW or FIPS */
	int			number;			/* GW/COW number */
	const char *code;			/* FIPS code */
	const char *name;			/* what it was */
	const char *successor;		/* ISO3 of the state the number is read as, or
								 * NULL: the number is rejected */
} sn_country_historic;

/* Index the tables now (optional; done on first use otherwise). */
extern void sn_country_init(void);

/* Iteration: countries in alpha-3 order. */
extern size_t sn_country_count(void);
extern const sn_country_info *sn_country_at(size_t i);
extern sn_country sn_country_value_at(size_t i);

/* The index of a value in that order, or -1 if it is not a country. */
extern int	sn_country_index_of(sn_country c);
extern const sn_country_info *sn_country_info_of(sn_country c);
static inline bool
sn_country_is_valid(sn_country c)
{
	return sn_country_index_of(c) >= 0;
}

/* Every accepted name, grouped by country (see above). */
extern size_t sn_country_name_count(void);
extern const sn_country_name *sn_country_name_at(size_t j);

/* UN M49 sub-region ("Western Africa"; NULL for Antarctica) and continent. */
extern const char *sn_country_region(const sn_country_info *info);
extern const char *sn_country_continent(const sn_country_info *info);

/* Pack a three-letter code (any case); SN_COUNTRY_INVALID if not letters. */
extern sn_country sn_country_pack(const char *code3);

/*
 * Read text: an ISO alpha-2, alpha-3 or numeric code, or a name in English
 * or French (any case, accents, punctuation).  Two letters are always ISO
 * alpha-2, never FIPS.  On failure: SN_ERR_SYNTAX (empty, invalid UTF-8),
 * SN_ERR_NOT_FOUND (unknown, with a hint when the input is a FIPS code or
 * the code of a former state, or the nearest names for a misspelt one) or
 * SN_ERR_AMBIGUOUS (hint lists candidates).  err may be NULL when the caller
 * only wants to know whether the text reads (try_country): failures are then
 * cheaper, with no suggestions computed.
 */
extern bool sn_country_parse(const char *s, size_t len, sn_country *out, sn_error *err);

/*
 * Read a code of one scheme.  Text codes (ISO2, ISO3, FIPS) ignore case and
 * surrounding spaces; numbers are given as integers.  Unknown codes are
 * SN_ERR_NOT_FOUND, with a hint naming the former state when there is one.
 */
extern bool sn_country_from_code(sn_country_scheme scheme, const char *s, size_t len,
								 sn_country *out, sn_error *err);
extern bool sn_country_from_number(sn_country_scheme scheme, long number,
								   sn_country *out, sn_error *err);

/*
 * The countries a name means (no codes): returns how many (0 = none, 1 =
 * found, more = ambiguous) and stores up to max of them, in alpha-3 order.
 */
extern int	sn_country_match_name(const char *s, size_t len, sn_country *candidates, int max);

/*
 * The matching key of a name (see above) into out (outsize bytes, NUL
 * terminated when there is room).  Returns the key's length, which may
 * exceed outsize - 1 as with snprintf, or (size_t) -1 if s is not valid UTF-8.
 */
extern size_t sn_country_name_key(const char *s, size_t len, char *out, size_t outsize);

/* The former state a GW/COW number or FIPS code stood for, or NULL.  One
 * with a successor is read as that country by sn_country_from_number. */
extern const sn_country_historic *sn_country_find_historic(sn_country_scheme scheme,
															 long number, const char *code);

/*
 * The binary form (send/receive): the three ASCII letters of the alpha-3
 * code.  Decoding accepts only the upper-case code of a country of the
 * table; errors are SN_ERR_BINARY, worded "invalid binary country: ..."
 * (sn_binary.h).  c must be valid for encoding.
 */
#define SN_COUNTRY_BINARY_SIZE 3
extern size_t sn_country_encode(sn_country c, char out[SN_COUNTRY_BINARY_SIZE]);
extern bool sn_country_decode(const char *in, size_t len, sn_country *out, sn_error *err);

#endif							/* SN_COUNTRY_H */
