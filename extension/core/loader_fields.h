/*
 * extension/core/loader_fields.h
 *
 * The fields of a staged dataset row, read as the loaders read them: a text
 * value (or none), a whole number, a decimal number, a calendar date.  Every
 * conflict dataset writes these its own way ("NA", " 12 ", "12.0",
 * "2022-03-26", "20220326", "26 March 2022"); these readers accept exactly
 * what the loaders accept and say "no" to anything else, never guessing and
 * never failing: a loader turns a "no" into a row of import_issues.
 *
 * Each reader takes the field's bytes (not NUL-terminated) and trims spaces
 * (only U+0020, as SQL's btrim does) at both ends first.
 */
#ifndef SN_LOADER_FIELDS_H
#define SN_LOADER_FIELDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * The value of a field: sets *start and *vlen to the field without its
 * surrounding spaces and returns true; returns false for what the datasets
 * write for "no value": nothing, blanks, NA or N/A (exactly so, upper case).
 */
extern bool sn_field_value(const char *s, size_t len, size_t *start, size_t *vlen);

/*
 * A whole number: an optional sign, 1 to 18 digits, optionally followed by a
 * point and one or more zeros ("12", "-3", "+7", "12.0").  Returns false for
 * anything else ("12.5", "1e3", "", "twelve").
 */
extern bool sn_field_int(const char *s, size_t len, int64_t *out);

/*
 * A decimal number in plain notation: an optional sign, then 1 to 15 digits
 * with an optional point and up to 15 more, or a point and 1 to 15 digits
 * ("14.5", "-0.25", ".5", "3.").  The value is the nearest double (strtod).
 * Returns false for anything else (exponents, "NaN", "1,5", "").
 */
extern bool sn_field_float(const char *s, size_t len, double *out);

/*
 * A calendar date as the datasets write it: YYYY-M-D (month and day of one or
 * two digits), YYYYMMDD, or D Month YYYY (a day of one or two digits, an
 * English month name in full or in its first three letters, any case, single
 * spaces).  Returns false for anything else, for a year outside 1..9999 and
 * for a day the month does not have (2022-02-30; leap years by the
 * Gregorian rule, sn_days_in_month of edtf.h).
 */
extern bool sn_field_date(const char *s, size_t len, int *year, int *month, int *day);

/*
 * Whether UTF-8 text holds a character that can begin a UTF-8 sequence read
 * as Latin-1 (U+00C2..U+00F4: "Ã©" for "é"): only such text can be mojibake
 * worth repairing.  Nearly every name has none.
 */
extern bool sn_field_may_be_mojibake(const char *s, size_t len);

#endif							/* SN_LOADER_FIELDS_H */
