/*
 * extension/core/edtf.h
 *
 * The edtf type's core: Extended Date/Time Format (Library of Congress EDTF,
 * the profile of ISO 8601-1/-2:2019) values read, bounded, written and
 * compared without PostgreSQL.
 *
 * What is supported: all of levels 0 and 1, and level 2 as far as one value
 * holds it (qualification of single components, unspecified digits anywhere
 * in a four-digit year, month or day, sub-year groupings 21-41, exponential
 * years, significant digits).  Sets ("[..]", "{..}") are refused with a
 * clear error: an edtf is one date or one interval.
 *
 * Every value knows its earliest and latest day (inclusive), counted as days
 * from 2000-01-01 in the proleptic Gregorian calendar with astronomical years
 * (0000 = 1 BC), the same count PostgreSQL's date uses.  Qualifiers never
 * change the bounds.  Conventions (docs/reference/edtf.md):
 *   - seasons 21-24 and 25-28 (northern hemisphere): Mar-May, Jun-Aug,
 *     Sep-Nov, Dec-Feb of the next year; 29-32 (southern hemisphere): spring
 *     Sep-Nov, summer Dec-Feb(next year), autumn Mar-May, winter Jun-Aug;
 *   - a date-time is bounded by its calendar date as written (no shift to UTC);
 *   - an unknown interval end ("1985/") has no bound; for the span operators
 *     it counts as open.
 */
#ifndef SN_EDTF_H
#define SN_EDTF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sn_error.h"

/* Day numbers: days from 2000-01-01 (PostgreSQL's date epoch). */
#define SN_EDTF_DAY_NEG_INF INT64_MIN	/* open or unknown start */
#define SN_EDTF_DAY_POS_INF INT64_MAX	/* open or unknown end */

/* Years as large as this may be written (Y-prefixed or exponential). */
#define SN_EDTF_YEAR_MAX 2147483647LL

/* Longest canonical text, with the terminating NUL. */
#define SN_EDTF_TEXT_MAX 96

/* The component bits of qualifier and unspecified-digit masks. */
#define SN_EDTF_YEAR  1
#define SN_EDTF_MONTH 2
#define SN_EDTF_DAY   4

/* Unspecified-digit mask bits (xmask): year digits (bit 3 = thousands), month, day. */
#define SN_EDTF_X_YEAR   0x0F
#define SN_EDTF_X_MONTH  0x30	/* bit 5 = tens, bit 4 = units */
#define SN_EDTF_X_DAY    0xC0	/* bit 7 = tens, bit 6 = units */

typedef enum sn_edtf_end
{
	SN_EDTF_NONE = 0,			/* no such end (the end of a single date) */
	SN_EDTF_DATE = 1,			/* a date */
	SN_EDTF_OPEN = 2,			/* ".." : no bound (open) */
	SN_EDTF_UNKNOWN = 3			/* "" : a bound exists but is not known */
} sn_edtf_end;

/* One date: a single value, or one end of an interval. */
typedef struct sn_edtf_date
{
	uint8_t		kind;			/* sn_edtf_end */
	bool		negative;		/* the year is written with '-' */
	uint8_t		month;			/* 0 none; 1-12; 21-41 sub-year grouping */
	uint8_t		day;			/* 0 none; 1-31 */
	uint8_t		xmask;			/* SN_EDTF_X_* bits: digits written X */
	uint8_t		uncertain;		/* SN_EDTF_YEAR/MONTH/DAY bits: '?' */
	uint8_t		approximate;	/* SN_EDTF_YEAR/MONTH/DAY bits: '~' */
	uint8_t		exponent;		/* Y...E<n>: n (1-9); 0 none */
	uint8_t		sigdigits;		/* ...S<n>: n (1-15); 0 none */
	uint32_t	year;			/* magnitude; X digits are 0 */
} sn_edtf_date;

typedef enum sn_edtf_tz
{
	SN_EDTF_TZ_NONE = 0,		/* local time */
	SN_EDTF_TZ_Z = 1,			/* "Z" */
	SN_EDTF_TZ_HOURS = 2,		/* "+hh" */
	SN_EDTF_TZ_HOURS_MINUTES = 3	/* "+hh:mm" */
} sn_edtf_tz;

typedef struct sn_edtf_time
{
	bool		present;
	uint8_t		hour,
				minute,
				second;
	uint8_t		tz;				/* sn_edtf_tz */
	bool		tz_negative;
	uint8_t		tz_hour,
				tz_minute;
} sn_edtf_time;

/*
 * A value.  lower/upper are the earliest and latest day (inclusive);
 * SN_EDTF_DAY_NEG_INF / _POS_INF for an open or unknown end (start.kind /
 * end.kind tell which).  Unused fields are zero, so that equal values are
 * equal bytes.
 */
typedef struct sn_edtf
{
	int64_t		lower;
	int64_t		upper;
	sn_edtf_date start;			/* the date, or the interval's start */
	sn_edtf_date end;			/* kind SN_EDTF_NONE unless an interval */
	sn_edtf_time time;			/* only on a single day-precision date */
} sn_edtf;

/* The stored form: 32 bytes, 8-byte aligned; lower and upper come first. */
typedef struct sn_edtf_packed
{
	int64_t		lower;
	int64_t		upper;
	uint64_t	start;
	uint64_t	end;			/* the end date, or the time of a single date */
} sn_edtf_packed;

/* A calendar date (astronomical year). */
typedef struct sn_civil_date
{
	int64_t		year;
	int			month;
	int			day;
} sn_civil_date;

/* ---- calendar arithmetic ---- */
extern bool sn_is_leap_year(int64_t year);
extern int	sn_days_in_month(int64_t year, int month);
extern int64_t sn_days_from_civil(int64_t year, int month, int day);
extern sn_civil_date sn_civil_from_days(int64_t days);
/* 0 = Monday .. 6 = Sunday */
extern int	sn_weekday(int64_t days);
/* "YYYY-MM-DD" (astronomical, at least 4 year digits, '-' for negative years) */
extern size_t sn_format_day(int64_t days, char *buf, size_t bufsize);

/* ---- reading and writing ---- */

/*
 * Read EDTF text (len bytes, no NUL needed).  On failure returns false with
 * err: SN_ERR_DATETIME_FORMAT (22007) for malformed or impossible values,
 * SN_ERR_DATETIME_RANGE (22008) for years beyond SN_EDTF_YEAR_MAX.  The
 * message quotes the input; the detail says what is wrong and where.
 */
extern bool sn_edtf_parse(const char *text, size_t len, sn_edtf *out, sn_error *err);

/* Canonical text (NUL-terminated); returns its length.  bufsize >= SN_EDTF_TEXT_MAX. */
extern size_t sn_edtf_format(const sn_edtf *v, char *buf, size_t bufsize);

/*
 * Complete a value built field by field (bounds, validation, zeroing of the
 * unused fields).  The constructors below use it; so may other core readers.
 */
extern bool sn_edtf_finish(sn_edtf *v, sn_error *err);

/* Constructors of well-formed values (return false only out of range). */
extern bool sn_edtf_make_day(int64_t year, int month, int day, sn_edtf *out);
extern bool sn_edtf_make_month(int64_t year, int month, sn_edtf *out);
extern bool sn_edtf_make_year(int64_t year, sn_edtf *out);
extern bool sn_edtf_make_from_days(int64_t days, sn_edtf *out);
/* an interval from the start of a to the end of b (single dates) */
extern bool sn_edtf_make_interval(const sn_edtf *a, const sn_edtf *b, sn_edtf *out);

/* ---- properties ---- */
extern bool sn_edtf_is_interval(const sn_edtf *v);
extern bool sn_edtf_is_uncertain(const sn_edtf *v);
extern bool sn_edtf_is_approximate(const sn_edtf *v);
/* lower/upper known (false for an unknown end; open ends are known: infinite) */
extern bool sn_edtf_lower_known(const sn_edtf *v);
extern bool sn_edtf_upper_known(const sn_edtf *v);
/*
 * "year", "season", "quarter", "quadrimester", "semester", "month", "day",
 * "second", "decade", "century", "millennium" (unspecified or significant
 * digits) or "interval".
 */
extern const char *sn_edtf_precision(const sn_edtf *v);
/* The EDTF level (0, 1 or 2) of the canonical text. */
extern int	sn_edtf_level(const sn_edtf *v);

/*
 * The span used by the operators: [lo, hi] with unknown ends as open.
 */
static inline int64_t
sn_edtf_span_lo(const sn_edtf *v)
{
	return v->lower;
}
static inline int64_t
sn_edtf_span_hi(const sn_edtf *v)
{
	return v->upper;
}

/*
 * Total order: lower, then upper, then canonical text (bytewise).  Returns
 * <0, 0, >0.  Equal exactly when the canonical texts are equal.
 */
extern int	sn_edtf_cmp(const sn_edtf *a, const sn_edtf *b);

/* ---- stored form ---- */
extern void sn_edtf_pack(const sn_edtf *v, sn_edtf_packed *p);
/* Unpack a stored value (trusted: it was packed from a finished value). */
extern void sn_edtf_unpack(const sn_edtf_packed *p, sn_edtf *v);
/* Unpack and validate untrusted bytes: false (SN_ERR_BINARY) unless p is the
 * exact packed form of a valid value. */
extern bool sn_edtf_unpack_checked(const sn_edtf_packed *p, sn_edtf *v, sn_error *err);
/* The total order on stored values (unpacks only on a tie of the bounds). */
extern int	sn_edtf_packed_cmp(const sn_edtf_packed *a, const sn_edtf_packed *b);

/*
 * The binary form (send/receive): a version byte (1), then the canonical
 * text.  Encoding writes at most SN_EDTF_BINARY_MAX bytes (no NUL is sent)
 * and returns how many; decoding reads the text as input does and refuses
 * any byte outside printable ASCII.  Errors are SN_ERR_BINARY, worded
 * "invalid binary edtf: ..." (sn_binary.h).
 */
#define SN_EDTF_BINARY_VERSION 1
#define SN_EDTF_BINARY_MAX (1 + SN_EDTF_TEXT_MAX)
extern size_t sn_edtf_encode(const sn_edtf *v, char out[SN_EDTF_BINARY_MAX]);
extern bool sn_edtf_decode(const char *in, size_t len, sn_edtf *out, sn_error *err);

#endif							/* SN_EDTF_H */
