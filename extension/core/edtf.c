/*
 * extension/core/edtf.c
 *
 * Reading, bounding, writing and comparing EDTF values (see edtf.h).
 *
 * The reader is a hand-written recursive descent over the bytes: a value is
 * one date (possibly with a time of day) or two interval ends separated by
 * exactly one '/'.  Each date is checked as soon as it is read, so that an
 * error can say where the problem is.  Bounds of dates with unspecified
 * digits are the first and last valid substitution, found by walking the
 * candidates in order (only February 29 depends on the year, so the walk is
 * short for every pattern that has a valid day).
 */
#include "edtf.h"
#include "sn_arith.h"
#include "sn_binary.h"
#include "sn_text.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define Q_U 1					/* uncertain '?' */
#define Q_A 2					/* approximate '~' */

/* ------------------------------------------------------------------------
 * Calendar arithmetic (proleptic Gregorian, astronomical years)
 */

bool
sn_is_leap_year(int64_t y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int
sn_days_in_month(int64_t y, int m)
{
	static const int dim[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (m < 1 || m > 12)
		return 0;
	if (m == 2 && sn_is_leap_year(y))
		return 29;
	return dim[m - 1];
}

/*
 * Days from 2000-01-01.  Years are counted from March so that the leap day
 * is the last of the year; 146097 days make 400 years.
 */
int64_t
sn_days_from_civil(int64_t y, int m, int d)
{
	int64_t		era,
				yoe,
				doy,
				doe;

	if (m <= 2)
		y--;
	era = sn_floor_div(y, 400);
	yoe = y - era * 400;
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	/* 0000-03-01 is day 0 of era 0; 2000-01-01 is 730425 days later */
	return era * 146097 + doe - 730425;
}

sn_civil_date
sn_civil_from_days(int64_t days)
{
	sn_civil_date r;
	int64_t		z = days + 730425;
	int64_t		era = sn_floor_div(z, 146097);
	int64_t		doe = z - era * 146097;
	int64_t		yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t		doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t		mp = (5 * doy + 2) / 153;

	r.day = (int) (doy - (153 * mp + 2) / 5 + 1);
	r.month = (int) (mp < 10 ? mp + 3 : mp - 9);
	r.year = yoe + era * 400 + (r.month <= 2 ? 1 : 0);
	return r;
}

int
sn_weekday(int64_t days)
{
	/* 2000-01-01 was a Saturday (5 with Monday = 0) */
	int64_t		w = (days + 5) % 7;

	return (int) (w < 0 ? w + 7 : w);
}

size_t
sn_format_day(int64_t days, char *buf, size_t bufsize)
{
	sn_civil_date c = sn_civil_from_days(days);
	int			n;

	if (c.year < 0)
		n = snprintf(buf, bufsize, "-%04lld-%02d-%02d", (long long) -c.year, c.month, c.day);
	else
		n = snprintf(buf, bufsize, "%04lld-%02d-%02d", (long long) c.year, c.month, c.day);
	return n < 0 ? 0 : (size_t) n;
}

/* ------------------------------------------------------------------------
 * Bounds of one date
 */

/* Sub-year groupings 21-41: first month, last month, last month's year offset. */
static bool
grouping_months(int code, int *m1, int *m2, int *yoff)
{
	static const signed char g[21][3] = {
		{3, 5, 0}, {6, 8, 0}, {9, 11, 0}, {12, 2, 1},	/* 21-24 seasons */
		{3, 5, 0}, {6, 8, 0}, {9, 11, 0}, {12, 2, 1},	/* 25-28 northern */
		{9, 11, 0}, {12, 2, 1}, {3, 5, 0}, {6, 8, 0},	/* 29-32 southern */
		{1, 3, 0}, {4, 6, 0}, {7, 9, 0}, {10, 12, 0},	/* 33-36 quarters */
		{1, 4, 0}, {5, 8, 0}, {9, 12, 0},	/* 37-39 quadrimesters */
		{1, 6, 0}, {7, 12, 0}	/* 40-41 semesters */
	};

	if (code < 21 || code > 41)
		return false;
	*m1 = g[code - 21][0];
	*m2 = g[code - 21][1];
	*yoff = g[code - 21][2];
	return true;
}

/* Does the two-digit value v match the written digits w, with X bits (tens, units)? */
static bool
match2(int v, int w, bool x_tens, bool x_units)
{
	return (x_tens || v / 10 == w / 10) && (x_units || v % 10 == w % 10);
}

static int
count_x(unsigned mask)
{
	int			n = 0;

	for (; mask; mask >>= 1)
		n += mask & 1;
	return n;
}

static int64_t
pow10i(int k)
{
	int64_t		p = 1;

	while (k-- > 0)
		p *= 10;
	return p;
}

/* The i-th (0-based, ascending) year magnitude matching the written year and mask. */
static int64_t
year_candidate(uint32_t written, unsigned ymask, int64_t i)
{
	int64_t		r = 0;
	int			digit;

	/* fill X digits from the units upwards with the digits of i */
	for (digit = 0; digit < 4; digit++)
	{
		int64_t		p = pow10i(digit);
		int			w;

		if (ymask & (1u << digit))
		{
			w = (int) (i % 10);
			i /= 10;
		}
		else
			w = (int) ((written / p) % 10);
		r += w * p;
	}
	return r;
}

/* First (asc) or last valid month/day of year y for date d. */
static bool
month_day_in_year(const sn_edtf_date *d, int64_t y, bool asc, int *om, int *od)
{
	bool		mx1 = d->xmask & 0x20,
				mx0 = d->xmask & 0x10,
				dx1 = d->xmask & 0x80,
				dx0 = d->xmask & 0x40;
	int			i;

	for (i = 0; i < 12; i++)
	{
		int			m = asc ? i + 1 : 12 - i;
		int			dim,
					j;

		if (!match2(m, d->month, mx1, mx0))
			continue;
		dim = sn_days_in_month(y, m);
		if (d->day == 0 && !dx1 && !dx0)
		{
			*om = m;
			*od = asc ? 1 : dim;
			return true;
		}
		for (j = 0; j < dim; j++)
		{
			int			dd = asc ? j + 1 : dim - j;

			if (match2(dd, d->day, dx1, dx0))
			{
				*om = m;
				*od = dd;
				return true;
			}
		}
	}
	return false;
}

/*
 * The earliest (or latest) day date d can mean, into *day: its years tried
 * from the earliest (or the latest), the candidates of the year's mask, or
 * the one year y_fixed when no digit of the year is unspecified; the first
 * year that admits a month and day gives it.  False when none does.
 */
static bool
bound_day(const sn_edtf_date *d, unsigned ymask, int64_t y_fixed, bool earliest, int64_t *day)
{
	int64_t		n = ymask ? pow10i(count_x(ymask)) : 1;

	for (int64_t i = 0; i < n; i++)
	{
		int64_t		y = y_fixed;
		int			m,
					dd;

		if (ymask)
		{
			/* candidates ascend in magnitude: descending years when negative */
			y = year_candidate(d->year, ymask, d->negative == earliest ? n - 1 - i : i);
			if (d->negative)
			{
				if (y == 0)
					continue;
				y = -y;
			}
		}
		if (month_day_in_year(d, y, earliest, &m, &dd))
		{
			*day = sn_days_from_civil(y, m, dd);
			return true;
		}
	}
	return false;
}

typedef enum date_problem
{
	DP_OK = 0,
	DP_MONTH,					/* no such month or grouping */
	DP_DAY,						/* no such day in that month (for any year) */
	DP_GROUPING_DAY,			/* a day after a sub-year grouping */
	DP_SIG_X,					/* significant digits with X */
	DP_MINUS_ZERO,				/* -0000 */
	DP_RANGE,					/* year too large */
	DP_FIELDS					/* inconsistent fields (constructed or stored) */
} date_problem;

/*
 * The years a date can be, before looking at its months and days: its year,
 * or the span its significant digits or unspecified digits (X) leave open.
 */
static date_problem
year_span(const sn_edtf_date *d, int64_t *ylo_out, int64_t *yhi_out)
{
	unsigned	ymask = d->xmask & SN_EDTF_X_YEAR;
	int64_t		ylo,
				yhi,
				mag = d->year;

	if (mag > SN_EDTF_YEAR_MAX)
		return DP_RANGE;
	if (d->negative && mag == 0 && ymask == 0)
		return DP_MINUS_ZERO;
	if (d->sigdigits)
	{
		int			digits = 1;
		int64_t		k,
					p,
					mlo,
					mhi;

		if (ymask)
			return DP_SIG_X;
		if (mag > 9999 || d->exponent)
			for (p = 10; p <= mag; p *= 10)
				digits++;
		else
			digits = 4;
		k = digits - d->sigdigits;
		p = pow10i(k > 0 ? (int) k : 0);
		mlo = mag / p * p;
		mhi = mlo + p - 1;
		ylo = d->negative ? -mhi : mlo;
		yhi = d->negative ? -mlo : mhi;
	}
	else if (ymask)
	{
		int64_t		n = pow10i(count_x(ymask));
		int64_t		first = year_candidate(d->year, ymask, 0),
					last = year_candidate(d->year, ymask, n - 1);

		if (d->negative)
		{
			if (first == 0)		/* -0000 is not a year: the next one */
				first = year_candidate(d->year, ymask, 1);
			ylo = -last;
			yhi = -first;
		}
		else
		{
			ylo = first;
			yhi = last;
		}
	}
	else
		ylo = yhi = d->negative ? -mag : mag;
	*ylo_out = ylo;
	*yhi_out = yhi;
	return DP_OK;
}

/*
 * The bounds of a date whose month (1-12) or day holds unspecified digits
 * (X): the first and last days any month and day it allows can be, in the
 * years ylo .. yhi.
 */
static date_problem
pattern_bounds(const sn_edtf_date *d, int64_t ylo, int64_t yhi, int64_t *lo, int64_t *hi)
{
	unsigned	ymask = d->xmask & SN_EDTF_X_YEAR;
	int			m,
				dd;
	bool		any_month = false;

	for (int i = 1; i <= 12; i++)
		if (match2(i, d->month, d->xmask & 0x20, d->xmask & 0x10))
			any_month = true;
	if (!any_month)
		return DP_MONTH;
	/* a leap year admits every month/day there is */
	if (!month_day_in_year(d, 2000, true, &m, &dd))
		return DP_DAY;
	if (!bound_day(d, ymask, ylo, true, lo) || !bound_day(d, ymask, yhi, false, hi))
		return DP_DAY;
	return DP_OK;
}

/* The bounds of one date; the date's fields are assumed syntactically sound. */
static date_problem
date_bounds(const sn_edtf_date *d, int64_t *lo, int64_t *hi)
{
	unsigned	ymask = d->xmask & SN_EDTF_X_YEAR;
	int64_t		ylo,
				yhi;
	date_problem problem = year_span(d, &ylo, &yhi);

	if (problem != DP_OK)
		return problem;
	if (d->month == 0 && !(d->xmask & SN_EDTF_X_MONTH))
	{
		if (d->day != 0 || (d->xmask & SN_EDTF_X_DAY))
			return DP_FIELDS;
		*lo = sn_days_from_civil(ylo, 1, 1);
		*hi = sn_days_from_civil(yhi, 12, 31);
		return DP_OK;
	}
	if (d->month > 12 && !(d->xmask & SN_EDTF_X_MONTH))
	{
		int			m1,
					m2,
					yoff;

		if (!grouping_months(d->month, &m1, &m2, &yoff))
			return DP_MONTH;
		if (d->day != 0 || (d->xmask & SN_EDTF_X_DAY))
			return DP_GROUPING_DAY;
		*lo = sn_days_from_civil(ylo, m1, 1);
		*hi = sn_days_from_civil(yhi + yoff, m2, sn_days_in_month(yhi + yoff, m2));
		return DP_OK;
	}

	/*
	 * A month 1-12 and perhaps a day, all digits written: the bounds by
	 * arithmetic.  This is what the search below finds for such a date (it
	 * tries the leap year 2000, then ylo upwards and yhi downwards, each
	 * once), without walking the days of the month: the date phrase reader
	 * makes such values at most words it reads.
	 */
	if (ymask == 0 && !(d->xmask & (SN_EDTF_X_MONTH | SN_EDTF_X_DAY)))
	{
		int			m = d->month;	/* 1-12: months 0 and 13+ are handled above */

		if (d->day == 0)
		{
			*lo = sn_days_from_civil(ylo, m, 1);
			*hi = sn_days_from_civil(yhi, m, sn_days_in_month(yhi, m));
			return DP_OK;
		}
		if (d->day > sn_days_in_month(2000, m) || d->day > sn_days_in_month(ylo, m) ||
			d->day > sn_days_in_month(yhi, m))
			return DP_DAY;
		*lo = sn_days_from_civil(ylo, m, d->day);
		*hi = sn_days_from_civil(yhi, m, d->day);
		return DP_OK;
	}

	return pattern_bounds(d, ylo, yhi, lo, hi);
}

/* ------------------------------------------------------------------------
 * Errors of the reader
 */

typedef struct reader
{
	const char *text;
	size_t		len;
	sn_error   *err;
} reader;

static bool
fail(reader *r, sn_status status, size_t pos, const char *fmt,...)
	__attribute__((format(printf, 4, 5)));

static bool
fail(reader *r, sn_status status, size_t pos, const char *fmt,...)
{
	char		quoted[80];
	char		what[200];
	va_list		ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	sn_quote_input(quoted, sizeof(quoted), r->text, r->len);
	if (status == SN_ERR_DATETIME_RANGE)
		sn_error_set(r->err, status, (int) pos, "edtf value out of range: \"%s\"", quoted);
	else
		sn_error_set(r->err, status, (int) pos, "invalid input syntax for type edtf: \"%s\"", quoted);
	sn_error_detail(r->err, "%s (at character %zu).", what, sn_utf8_char_count(r->text, pos) + 1);
	return false;
}

static bool
is_qual(char c)
{
	return c == '?' || c == '~' || c == '%';
}

static int
qual_bits(char c)
{
	return c == '?' ? Q_U : c == '~' ? Q_A : Q_U | Q_A;
}

static void
set_qual(sn_edtf_date *d, int component, int bits)
{
	if (bits & Q_U)
		d->uncertain |= component;
	if (bits & Q_A)
		d->approximate |= component;
}

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Two digits or X at p (end e): value with X as 0, X bits (tens 2, units 1). */
static bool
read2(const char *p, const char *e, int *val, unsigned *xbits)
{
	int			i;

	if (e - p < 2)
		return false;
	*val = 0;
	*xbits = 0;
	for (i = 0; i < 2; i++)
	{
		*val *= 10;
		if (p[i] == 'X')
			*xbits |= (i == 0 ? 2u : 1u);
		else if (is_digit(p[i]))
			*val += p[i] - '0';
		else
			return false;
	}
	/* a third digit means the component is too long */
	return !(e - p > 2 && (is_digit(p[2]) || p[2] == 'X'));
}

static const char *
describe_char(char c, char *buf, size_t bufsize)
{
	if ((unsigned char) c >= 0x20 && (unsigned char) c < 0x7f)
		snprintf(buf, bufsize, "'%c'", c);
	else
		snprintf(buf, bufsize, "byte 0x%02X", (unsigned char) c);
	return buf;
}

/* Report a date_problem about the date starting at pos. */
static bool
date_problem_error(reader *r, date_problem p, const sn_edtf_date *d, size_t pos, size_t mpos, size_t dpos)
{
	switch (p)
	{
		case DP_OK:
			break;
		case DP_MONTH:
			if (d->xmask & SN_EDTF_X_MONTH)
				return fail(r, SN_ERR_DATETIME_FORMAT, mpos,
							"no month 01 to 12 matches the unspecified month");
			return fail(r, SN_ERR_DATETIME_FORMAT, mpos,
						"month %02d does not exist: months are 01 to 12, sub-year groupings 21 to 41",
						d->month);
		case DP_DAY:
			if (d->xmask & (SN_EDTF_X_DAY | SN_EDTF_X_MONTH | SN_EDTF_X_YEAR))
				return fail(r, SN_ERR_DATETIME_FORMAT, dpos,
							"no valid date matches the unspecified digits");
			return fail(r, SN_ERR_DATETIME_FORMAT, dpos,
						"day %02d does not exist in that month", d->day);
		case DP_GROUPING_DAY:
			return fail(r, SN_ERR_DATETIME_FORMAT, dpos,
						"a season or other sub-year grouping (%d) takes no day", d->month);
		case DP_SIG_X:
			return fail(r, SN_ERR_DATETIME_FORMAT, pos,
						"significant digits need a year written without X");
		case DP_MINUS_ZERO:
			return fail(r, SN_ERR_DATETIME_FORMAT, pos,
						"-0000 is not a year: year zero (1 BC) is written 0000");
		case DP_RANGE:
			return fail(r, SN_ERR_DATETIME_RANGE, pos,
						"the year is beyond %lld", (long long) SN_EDTF_YEAR_MAX);
		case DP_FIELDS:
			return fail(r, SN_ERR_DATETIME_FORMAT, pos, "inconsistent date");
	}
	return true;
}

/* ------------------------------------------------------------------------
 * The reader
 */

/* Read an unsigned decimal run at *p; false if none or it exceeds max. */
static bool
read_number(const char **p, const char *e, uint64_t max, uint64_t *out, int *ndigits, bool *overflow)
{
	uint64_t	v = 0;
	int			n = 0;

	*overflow = false;
	while (*p < e && is_digit(**p))
	{
		if (v > max / 10 || v * 10 + (uint64_t) (**p - '0') > max)
			*overflow = true;
		else
			v = v * 10 + (uint64_t) (**p - '0');
		(*p)++;
		n++;
	}
	*out = v;
	*ndigits = n;
	return n > 0;
}

/*
 * The steps of read_date().  Each reads one part at *pp, advances *pp past
 * it, and reports a failure through fail() (false).
 */

/* A Y-prefixed year: Y170000002, Y-61000, Y17E7 (digits, then an exponent). */
static bool
read_y_year(reader *r, const char **pp, const char *e, size_t ypos, sn_edtf_date *d)
{
	const char *p = *pp + 1;	/* past the 'Y' */
	const char *text = r->text;
	uint64_t	v,
				ex;
	int			nd,
				ne;
	bool		ovf,
				eovf;
	const char *digits;

	if (p < e && *p == '-')
	{
		d->negative = true;
		p++;
	}
	digits = p;
	if (!read_number(&p, e, (uint64_t) SN_EDTF_YEAR_MAX, &v, &nd, &ovf))
		return fail(r, SN_ERR_DATETIME_FORMAT, (size_t) (p - text),
					"digits of the year expected after 'Y'");
	if (*digits == '0')
		return fail(r, SN_ERR_DATETIME_FORMAT, (size_t) (digits - text),
					"a Y-prefixed year has no leading zero");
	if (p < e && *p == 'E')
	{
		const char *ep = ++p;

		if (!read_number(&p, e, 9, &ex, &ne, &eovf) || *ep == '0')
			return fail(r, SN_ERR_DATETIME_FORMAT, (size_t) (ep - text),
						"a positive exponent expected after 'E'");
		if (ovf || eovf || v > (uint64_t) SN_EDTF_YEAR_MAX / (uint64_t) pow10i((int) ex))
			return fail(r, SN_ERR_DATETIME_RANGE, ypos,
						"the year is beyond %lld", (long long) SN_EDTF_YEAR_MAX);
		d->exponent = (uint8_t) ex;
		v *= (uint64_t) pow10i((int) ex);
	}
	else
	{
		if (ovf)
			return fail(r, SN_ERR_DATETIME_RANGE, ypos,
						"the year is beyond %lld", (long long) SN_EDTF_YEAR_MAX);
		if (nd <= 4)
			return fail(r, SN_ERR_DATETIME_FORMAT, ypos,
						"a Y-prefixed year must have more than four digits (write years up to 9999 as YYYY)");
	}
	d->year = (uint32_t) v;
	*pp = p;
	return true;
}

/* A year of four digits or X, with an optional sign: 2022, -0044, 201X. */
static bool
read_four_digit_year(reader *r, const char **pp, const char *e, size_t ypos, sn_edtf_date *d)
{
	const char *p = *pp;
	const char *text = r->text;
	uint32_t	v = 0;

	if (p < e && *p == '-')
	{
		d->negative = true;
		p++;
	}
	for (int i = 0; i < 4; i++)
	{
		if (p + i >= e || !(is_digit(p[i]) || p[i] == 'X'))
		{
			if (p + i < e && p[i] == 'x')
				return fail(r, SN_ERR_DATETIME_FORMAT, (size_t) (p + i - text),
							"unspecified digits are written with a capital X");
			if (p + i < e && p[i] == 'u')
				return fail(r, SN_ERR_DATETIME_FORMAT, (size_t) (p + i - text),
							"'u' for unspecified digits is the superseded 2012 draft syntax; write X");
			return fail(r, SN_ERR_DATETIME_FORMAT, (size_t) (p + i - text),
						"a year of four digits (or X) expected");
		}
		v *= 10;
		if (p[i] == 'X')
			d->xmask |= (uint8_t) (1u << (3 - i));
		else
			v += (uint32_t) (p[i] - '0');
	}
	p += 4;
	if (p < e && (is_digit(*p) || *p == 'X'))
		return fail(r, SN_ERR_DATETIME_FORMAT, ypos,
					"a year of more than four digits is written with a Y prefix (Y12345)");
	d->year = v;
	*pp = p;
	return true;
}

/* Significant digits after the year: 1950S2. */
static bool
read_significant_digits(reader *r, const char **pp, const char *e, sn_edtf_date *d)
{
	const char *p = *pp;
	uint64_t	s;
	int			ns;
	bool		ovf;
	const char *sp = ++p;

	if (!read_number(&p, e, 15, &s, &ns, &ovf) || ovf || s == 0)
		return fail(r, SN_ERR_DATETIME_FORMAT, (size_t) (sp - r->text),
					"significant digits must be a number from 1 to 15");
	d->sigdigits = (uint8_t) s;
	*pp = p;
	return true;
}

/*
 * "-MM" (a month or sub-year grouping) and optionally "-DD" after a four-digit
 * year, each with the qualifiers that may stand before and after it; *pp is
 * at the '-'.  Sets *mpos and *dpos to where the month and day begin.
 */
static bool
read_month_and_day(reader *r, const char **pp, const char *e, sn_edtf_date *d,
				   size_t *mpos, size_t *dpos)
{
	const char *p = *pp + 1;
	const char *text = r->text;
	int			v;
	unsigned	xb;

	if (p < e && is_qual(*p))
		set_qual(d, SN_EDTF_MONTH, qual_bits(*p++));
	*mpos = (size_t) (p - text);
	if (!read2(p, e, &v, &xb))
		return fail(r, SN_ERR_DATETIME_FORMAT, *mpos, "a month of two digits expected");
	d->month = (uint8_t) v;
	d->xmask |= (uint8_t) (xb << 4);
	p += 2;
	if (d->month == 0 && xb == 0)
		return fail(r, SN_ERR_DATETIME_FORMAT, *mpos,
					"month 00 does not exist: months are 01 to 12, sub-year groupings 21 to 41");
	if (p < e && is_qual(*p))
		set_qual(d, SN_EDTF_MONTH | SN_EDTF_YEAR, qual_bits(*p++));
	if (p < e && *p == '-')
	{
		p++;
		if (p < e && is_qual(*p))
			set_qual(d, SN_EDTF_DAY, qual_bits(*p++));
		*dpos = (size_t) (p - text);
		if (!read2(p, e, &v, &xb))
			return fail(r, SN_ERR_DATETIME_FORMAT, *dpos, "a day of two digits expected");
		if (d->month > 12 && !(d->xmask & SN_EDTF_X_MONTH))
			return fail(r, SN_ERR_DATETIME_FORMAT, *mpos,
						"month %02d does not exist (a sub-year grouping takes no day)", d->month);
		d->day = (uint8_t) v;
		d->xmask |= (uint8_t) (xb << 6);
		p += 2;
		if (d->day == 0 && xb == 0)
			return fail(r, SN_ERR_DATETIME_FORMAT, *dpos, "day 00 does not exist");
		if (p < e && is_qual(*p))
			set_qual(d, SN_EDTF_DAY | SN_EDTF_MONTH | SN_EDTF_YEAR, qual_bits(*p++));
	}
	*pp = p;
	return true;
}

/*
 * Two digits of a time zone offset at *p, into *v, *p moved past them; an
 * error at the zone (zp) otherwise.
 */
static bool
read_zone_digits(reader *r, const char **p, const char *e, const char *zp, int *v)
{
	unsigned	xb;

	if (!read2(*p, e, v, &xb) || xb)
		return fail(r, SN_ERR_DATETIME_FORMAT, (size_t) (zp - r->text),
					"a time zone offset is written +hh or +hh:mm");
	*p += 2;
	return true;
}

/* A time zone after a time of day: Z, +hh or +hh:mm (hh up to 14, never -00). */
static bool
read_time_zone(reader *r, const char **pp, const char *e, sn_edtf_time *t)
{
	const char *p = *pp;
	const char *zp = p;
	int			zh,
				zm = 0;

	if (p < e && *p == 'Z')
	{
		t->tz = SN_EDTF_TZ_Z;
		*pp = p + 1;
		return true;
	}
	if (!(p < e && (*p == '+' || *p == '-')))
		return true;			/* no zone: local time */
	t->tz_negative = (*p == '-');
	p++;
	if (!read_zone_digits(r, &p, e, zp, &zh))
		return false;
	t->tz = SN_EDTF_TZ_HOURS;
	if (p < e && *p == ':')
	{
		p++;
		if (!read_zone_digits(r, &p, e, zp, &zm))
			return false;
		t->tz = SN_EDTF_TZ_HOURS_MINUTES;
	}
	if (zh > 14 || zm > 59)
		return fail(r, SN_ERR_DATETIME_FORMAT, (size_t) (zp - r->text),
					"time zone offset out of range (-14:00 to +14:59)");
	if (t->tz_negative && zh == 0 && zm == 0)
		return fail(r, SN_ERR_DATETIME_FORMAT, (size_t) (zp - r->text),
					"a zero offset is written Z or +00:00, never -00");
	t->tz_hour = (uint8_t) zh;
	t->tz_minute = (uint8_t) zm;
	*pp = p;
	return true;
}

/*
 * A time of day, Thh:mm:ss and its zone; *pp is at the 'T'.  Only a single
 * value (t not NULL) of a complete date without X or qualifiers has one.
 */
static bool
read_time_of_day(reader *r, const char **pp, const char *e, const sn_edtf_date *d,
				 bool has_day, sn_edtf_time *t)
{
	const char *p = *pp;
	const char *tp = p;
	int			hh,
				mi,
				ss;
	unsigned	xb;

	if (t == NULL)
		return fail(r, SN_ERR_DATETIME_FORMAT, (size_t) (p - r->text),
					"a time of day is not allowed in an interval");
	if (!has_day || d->xmask || d->uncertain || d->approximate || d->month > 12)
		return fail(r, SN_ERR_DATETIME_FORMAT, (size_t) (p - r->text),
					"a time of day needs a complete date without X or qualifiers");
	p++;
	if (!read2(p, e, &hh, &xb) || xb || e - p < 3 || p[2] != ':' ||
		!read2(p + 3, e, &mi, &xb) || xb || e - p < 6 || p[5] != ':' ||
		!read2(p + 6, e, &ss, &xb) || xb)
		return fail(r, SN_ERR_DATETIME_FORMAT, (size_t) (tp - r->text),
					"a time of day is written Thh:mm:ss");
	if (hh > 23 || mi > 59 || ss > 59)
		return fail(r, SN_ERR_DATETIME_FORMAT, (size_t) (tp - r->text),
					"time of day %02d:%02d:%02d does not exist (00:00:00 to 23:59:59)", hh, mi, ss);
	p += 8;
	memset(t, 0, sizeof(*t));
	t->present = true;
	t->hour = (uint8_t) hh;
	t->minute = (uint8_t) mi;
	t->second = (uint8_t) ss;
	*pp = p;
	return read_time_zone(r, pp, e, t);
}

/* What is left after a date: say what is wrong with it. */
static bool
trailing_text_error(reader *r, const char *b, const char *p, bool simple_year)
{
	char		cb[24];
	size_t		pos = (size_t) (p - r->text);

	if (is_qual(*p) && p > b && is_qual(p[-1]))
		return fail(r, SN_ERR_DATETIME_FORMAT, pos,
					"one qualifier per place: '%%' means both '?' and '~'");
	if (*p == '-' && !simple_year)
		return fail(r, SN_ERR_DATETIME_FORMAT, pos,
					"a Y-prefixed, exponential or significant-digit year takes no month");
	if (*p == '-')
		return fail(r, SN_ERR_DATETIME_FORMAT, pos, "unexpected '-' after the day");
	return fail(r, SN_ERR_DATETIME_FORMAT, pos, "unexpected %s", describe_char(*p, cb, sizeof(cb)));
}

/*
 * Read one date from [b, e): the whole single value (time allowed when t is
 * not NULL) or one interval end.  b - text is the position for messages.
 * The steps: a qualifier, the year (Y-prefixed or four digits), significant
 * digits, a qualifier, month and day, a time of day; then the bounds.
 */
static bool
read_date(reader *r, const char *b, const char *e, sn_edtf_date *d, sn_edtf_time *t,
		  int64_t *lo, int64_t *hi)
{
	const char *p = b;
	size_t		ypos,
				mpos = 0,
				dpos = 0;
	bool		simple_year;
	date_problem prob;

	memset(d, 0, sizeof(*d));
	d->kind = SN_EDTF_DATE;

	if (p < e && is_qual(*p))
		set_qual(d, SN_EDTF_YEAR, qual_bits(*p++));
	ypos = (size_t) (p - r->text);

	simple_year = !(p < e && *p == 'Y');
	if (!(simple_year ? read_four_digit_year(r, &p, e, ypos, d) : read_y_year(r, &p, e, ypos, d)))
		return false;
	if (p < e && *p == 'S')
	{
		if (!read_significant_digits(r, &p, e, d))
			return false;
		simple_year = false;
	}
	if (p < e && is_qual(*p))
		set_qual(d, SN_EDTF_YEAR, qual_bits(*p++));

	if (p < e && *p == '-')
	{
		if (!simple_year)
			return fail(r, SN_ERR_DATETIME_FORMAT, (size_t) (p - r->text),
						"a Y-prefixed, exponential or significant-digit year takes no month");
		if (!read_month_and_day(r, &p, e, d, &mpos, &dpos))
			return false;
	}
	if (mpos && d->month > 12 && !(d->xmask & SN_EDTF_X_MONTH) && (d->xmask & 0x30))
		return fail(r, SN_ERR_DATETIME_FORMAT, mpos, "inconsistent month");

	if (p < e && *p == 'T' && !read_time_of_day(r, &p, e, d, dpos != 0, t))
		return false;
	if (p < e)
		return trailing_text_error(r, b, p, simple_year);

	prob = date_bounds(d, lo, hi);
	if (prob != DP_OK)
		return date_problem_error(r, prob, d, ypos, mpos ? mpos : ypos, dpos ? dpos : (mpos ? mpos : ypos));
	return true;
}

/*
 * A calendar day followed by a space and a UTC offset, "2022-08-13 +00" or
 * "2022-08-13 -05:30": what a driver sends for a date parameter whose type it
 * leaves to the server (pgjdbc's setDate).  An offset does not move a
 * calendar day, so the value is the day, as PostgreSQL's date input reads it.
 * Returns the length of the day part (10) for that form, else len.
 */
static size_t
driver_day_length(const char *t, size_t len)
{
	static const char shape[] = "dddd-dd-dd ";
	size_t		i;

	if (len != 14 && len != 17 && len != 20)
		return len;
	for (i = 0; i < 11; i++)
	{
		char		c = t[i];

		if (shape[i] == 'd' ? !(c >= '0' && c <= '9') : c != shape[i])
			return len;
	}
	if (t[11] != '+' && t[11] != '-')
		return len;
	for (i = 12; i < len; i++)
	{
		if ((i - 12) % 3 == 2 ? t[i] != ':' : !(t[i] >= '0' && t[i] <= '9'))
			return len;
	}
	/* offsets as PostgreSQL allows them: hours up to 15, minutes and seconds below 60 */
	if ((t[12] - '0') * 10 + (t[13] - '0') > 15 ||
		(len >= 17 && t[15] > '5') || (len == 20 && t[18] > '5'))
		return len;
	return 10;
}

/* Zero what a finished value does not use (so equal values are equal bytes). */
static void
normalize(sn_edtf *v)
{
	if (v->end.kind == SN_EDTF_NONE)
		memset(&v->end, 0, sizeof(v->end));
	if (!v->time.present)
		memset(&v->time, 0, sizeof(v->time));
}

bool
sn_edtf_parse(const char *text, size_t len, sn_edtf *out, sn_error *err)
{
	reader		r = {text, len, err};
	const char *e = text + len;
	const char *slash = NULL;
	const char *p;

	sn_error_clear(err);
	memset(out, 0, sizeof(*out));

	if (len == 0)
		return fail(&r, SN_ERR_DATETIME_FORMAT, 0, "the text is empty");
	len = driver_day_length(text, len);
	e = text + len;
	for (p = text; p < e; p++)
	{
		unsigned char c = (unsigned char) *p;

		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
			return fail(&r, SN_ERR_DATETIME_FORMAT, (size_t) (p - text),
						"EDTF allows no spaces");
		if (c == 0)
			return fail(&r, SN_ERR_DATETIME_FORMAT, (size_t) (p - text), "unexpected NUL byte");
	}
	if (*text == '[' || *text == '{')
	{
		fail(&r, SN_ERR_DATETIME_FORMAT, 0,
			 "EDTF sets (\"[...]\" one of, \"{...}\" all of) are not supported: an edtf is one date or one interval");
		sn_error_hint(err, "Store each member as its own edtf, or the whole span as an interval such as 1667/1672.");
		return false;
	}
	for (p = text; p < e; p++)
		if (*p == '/')
		{
			if (slash)
				return fail(&r, SN_ERR_DATETIME_FORMAT, (size_t) (p - text),
							"an interval has exactly one '/'");
			slash = p;
		}

	if (slash == NULL)
	{
		if (!read_date(&r, text, e, &out->start, &out->time, &out->lower, &out->upper))
			return false;
		normalize(out);
		return true;
	}
	else
	{
		sn_edtf_date *ends[2] = {&out->start, &out->end};
		const char *bs[2] = {text, slash + 1};
		const char *es[2] = {slash, e};
		int64_t		lo[2] = {0, 0},
					hi[2] = {0, 0};
		int			i;

		for (i = 0; i < 2; i++)
		{
			size_t		n = (size_t) (es[i] - bs[i]);

			if (n == 0)
			{
				memset(ends[i], 0, sizeof(sn_edtf_date));
				ends[i]->kind = SN_EDTF_UNKNOWN;
			}
			else if (n == 2 && bs[i][0] == '.' && bs[i][1] == '.')
			{
				memset(ends[i], 0, sizeof(sn_edtf_date));
				ends[i]->kind = SN_EDTF_OPEN;
			}
			else if (bs[i][0] == '.')
				return fail(&r, SN_ERR_DATETIME_FORMAT, (size_t) (bs[i] - text),
							"an open interval end is written \"..\" alone");
			else if (!read_date(&r, bs[i], es[i], ends[i], NULL, &lo[i], &hi[i]))
				return false;
		}
		if (out->start.kind != SN_EDTF_DATE && out->end.kind != SN_EDTF_DATE)
			return fail(&r, SN_ERR_DATETIME_FORMAT, (size_t) (slash - text),
						"an interval needs at least one date: \"%.*s\" says nothing",
						(int) len, text);
		if (out->start.kind == SN_EDTF_DATE && out->end.kind == SN_EDTF_DATE && hi[1] < lo[0])
		{
			char		a[40],
						b[40];

			sn_format_day(lo[0], a, sizeof(a));
			sn_format_day(hi[1], b, sizeof(b));
			return fail(&r, SN_ERR_DATETIME_FORMAT, (size_t) (slash - text),
						"the interval ends (%s at the latest) before it starts (%s at the earliest)", b, a);
		}
		out->lower = out->start.kind == SN_EDTF_DATE ? lo[0] : SN_EDTF_DAY_NEG_INF;
		out->upper = out->end.kind == SN_EDTF_DATE ? hi[1] : SN_EDTF_DAY_POS_INF;
		normalize(out);
		return true;
	}
}

/* ------------------------------------------------------------------------
 * Validation of values built field by field
 */

static bool
date_fields_ok(const sn_edtf_date *d)
{
	unsigned	present;

	if (d->kind != SN_EDTF_DATE)
	{
		sn_edtf_date z;

		memset(&z, 0, sizeof(z));
		z.kind = d->kind;
		return memcmp(&z, d, sizeof(z)) == 0;
	}
	present = SN_EDTF_YEAR | (d->month ? SN_EDTF_MONTH : 0) | (d->day ? SN_EDTF_DAY : 0);
	if (d->xmask & SN_EDTF_X_MONTH)
		present |= SN_EDTF_MONTH;
	if (d->xmask & SN_EDTF_X_DAY)
		present |= SN_EDTF_DAY;
	if ((d->uncertain | d->approximate) & ~present)
		return false;
	if ((present & SN_EDTF_DAY) && !(present & SN_EDTF_MONTH))
		return false;
	if (d->exponent > 9 || d->sigdigits > 15)
		return false;
	if (d->exponent || d->sigdigits || d->year > 9999)
	{
		/* year-only forms */
		if (present != SN_EDTF_YEAR || d->xmask)
			return false;
		if (d->exponent && d->year % (uint32_t) pow10i(d->exponent) != 0)
			return false;
		if (d->exponent && d->year == 0)
			return false;
	}
	if (d->month > 41 || (d->month > 12 && d->month < 21) || d->day > 31)
		return false;
	/* X digits are written as 0 */
	{
		int			i;

		for (i = 0; i < 4; i++)
			if ((d->xmask & (1u << i)) && (d->year / (uint32_t) pow10i(i)) % 10 != 0)
				return false;
		if ((d->xmask & 0x20) && d->month / 10)
			return false;
		if ((d->xmask & 0x10) && d->month % 10)
			return false;
		if ((d->xmask & 0x80) && d->day / 10)
			return false;
		if ((d->xmask & 0x40) && d->day % 10)
			return false;
	}
	return true;
}

static bool
invalid_value(sn_error *err, sn_status status, const char *what)
{
	sn_error_set(err, status, -1, "invalid edtf value: %s", what);
	return false;
}

bool
sn_edtf_finish(sn_edtf *v, sn_error *err)
{
	int64_t		lo[2] = {0, 0},
				hi[2] = {0, 0};
	date_problem p;

	sn_error_clear(err);
	if (v->start.kind == SN_EDTF_NONE || v->start.kind > SN_EDTF_UNKNOWN || v->end.kind > SN_EDTF_UNKNOWN)
		return invalid_value(err, SN_ERR_DATETIME_FORMAT, "no date");
	if (!date_fields_ok(&v->start) || !date_fields_ok(&v->end))
		return invalid_value(err, SN_ERR_DATETIME_FORMAT, "inconsistent fields");
	if (v->end.kind == SN_EDTF_NONE)
	{
		if (v->start.kind != SN_EDTF_DATE)
			return invalid_value(err, SN_ERR_DATETIME_FORMAT, "an open or unknown end outside an interval");
		if (v->time.present)
		{
			const sn_edtf_time *t = &v->time;

			if (v->start.day == 0 || v->start.xmask || v->start.uncertain || v->start.approximate ||
				v->start.month > 12 || t->hour > 23 || t->minute > 59 || t->second > 59 ||
				t->tz > SN_EDTF_TZ_HOURS_MINUTES || t->tz_hour > 14 || t->tz_minute > 59 ||
				(t->tz < SN_EDTF_TZ_HOURS && (t->tz_hour || t->tz_minute || t->tz_negative)) ||
				(t->tz == SN_EDTF_TZ_HOURS && t->tz_minute) ||
				(t->tz_negative && t->tz_hour == 0 && t->tz_minute == 0))
				return invalid_value(err, SN_ERR_DATETIME_FORMAT, "invalid time of day");
		}
		else
		{
			sn_edtf_time z;

			memset(&z, 0, sizeof(z));
			if (memcmp(&z, &v->time, sizeof(z)) != 0)
				return invalid_value(err, SN_ERR_DATETIME_FORMAT, "inconsistent time");
		}
		p = date_bounds(&v->start, &lo[0], &hi[0]);
		if (p == DP_RANGE)
			return invalid_value(err, SN_ERR_DATETIME_RANGE, "year out of range");
		if (p != DP_OK)
			return invalid_value(err, SN_ERR_DATETIME_FORMAT, "no such date");
		v->lower = lo[0];
		v->upper = hi[0];
		return true;
	}
	if (v->time.present)
		return invalid_value(err, SN_ERR_DATETIME_FORMAT, "a time of day in an interval");
	if (v->start.kind != SN_EDTF_DATE && v->end.kind != SN_EDTF_DATE)
		return invalid_value(err, SN_ERR_DATETIME_FORMAT, "an interval without a date");
	if (v->start.kind == SN_EDTF_DATE)
	{
		p = date_bounds(&v->start, &lo[0], &hi[0]);
		if (p != DP_OK)
			return invalid_value(err, p == DP_RANGE ? SN_ERR_DATETIME_RANGE : SN_ERR_DATETIME_FORMAT,
								 "no such date");
	}
	if (v->end.kind == SN_EDTF_DATE)
	{
		p = date_bounds(&v->end, &lo[1], &hi[1]);
		if (p != DP_OK)
			return invalid_value(err, p == DP_RANGE ? SN_ERR_DATETIME_RANGE : SN_ERR_DATETIME_FORMAT,
								 "no such date");
	}
	if (v->start.kind == SN_EDTF_DATE && v->end.kind == SN_EDTF_DATE && hi[1] < lo[0])
		return invalid_value(err, SN_ERR_DATETIME_FORMAT, "the interval ends before it starts");
	v->lower = v->start.kind == SN_EDTF_DATE ? lo[0] : SN_EDTF_DAY_NEG_INF;
	v->upper = v->end.kind == SN_EDTF_DATE ? hi[1] : SN_EDTF_DAY_POS_INF;
	return true;
}

/* ------------------------------------------------------------------------
 * Constructors
 */

static bool
make_date(int64_t year, int month, int day, sn_edtf *out)
{
	sn_error	err;

	memset(out, 0, sizeof(*out));
	if (year > SN_EDTF_YEAR_MAX || year < -SN_EDTF_YEAR_MAX)
		return false;
	out->start.kind = SN_EDTF_DATE;
	out->start.negative = year < 0;
	out->start.year = (uint32_t) (year < 0 ? -year : year);
	out->start.month = (uint8_t) month;
	out->start.day = (uint8_t) day;
	return sn_edtf_finish(out, &err);
}

bool
sn_edtf_make_day(int64_t year, int month, int day, sn_edtf *out)
{
	if (month < 1 || month > 12 || day < 1 || day > sn_days_in_month(year, month) ||
		year > 9999 || year < -9999)
		return false;
	return make_date(year, month, day, out);
}

bool
sn_edtf_make_month(int64_t year, int month, sn_edtf *out)
{
	if (month < 1 || (month > 12 && month < 21) || month > 41 || year > 9999 || year < -9999)
		return false;
	return make_date(year, month, 0, out);
}

bool
sn_edtf_make_year(int64_t year, sn_edtf *out)
{
	return make_date(year, 0, 0, out);
}

bool
sn_edtf_make_from_days(int64_t days, sn_edtf *out)
{
	sn_civil_date c = sn_civil_from_days(days);

	/*
	 * What sn_edtf_make_day(c.year, c.month, c.day) makes, without checking
	 * again a day that exists by construction: its bounds are the day
	 * itself (the date phrase reader makes one at most dates it reads).
	 */
	if (c.year > 9999 || c.year < -9999)
		return false;
	memset(out, 0, sizeof(*out));
	out->start.kind = SN_EDTF_DATE;
	out->start.negative = c.year < 0;
	out->start.year = (uint32_t) (c.year < 0 ? -c.year : c.year);
	out->start.month = (uint8_t) c.month;
	out->start.day = (uint8_t) c.day;
	out->lower = out->upper = days;
	return true;
}

bool
sn_edtf_make_interval(const sn_edtf *a, const sn_edtf *b, sn_edtf *out)
{
	sn_error	err;

	if (sn_edtf_is_interval(a) || sn_edtf_is_interval(b) || a->time.present || b->time.present)
		return false;
	memset(out, 0, sizeof(*out));
	out->start = a->start;
	out->end = b->start;
	return sn_edtf_finish(out, &err);
}

/* ------------------------------------------------------------------------
 * Writing
 */

typedef struct outbuf
{
	char	   *buf;
	size_t		size;
	size_t		len;
} outbuf;

static void
put(outbuf *o, const char *fmt,...) __attribute__((format(printf, 2, 3)));

static void
put(outbuf *o, const char *fmt,...)
{
	va_list		ap;
	int			n;

	va_start(ap, fmt);
	n = vsnprintf(o->buf + (o->len < o->size ? o->len : o->size),
				  o->len < o->size ? o->size - o->len : 0, fmt, ap);
	va_end(ap);
	if (n > 0)
		o->len += (size_t) n;
}

static char
qual_char(int bits)
{
	return bits == (Q_U | Q_A) ? '%' : bits == Q_U ? '?' : '~';
}

/*
 * One character, as put() would write it (what fits, always terminated),
 * without a trip through vsnprintf: output writes a value's text a
 * character at a time, and formatting each through printf made edtf's
 * text output slower than daterange's.
 */
static inline void
put_char(outbuf *o, char c)
{
	if (o->len + 1 < o->size)
	{
		o->buf[o->len] = c;
		o->buf[o->len + 1] = '\0';
	}
	o->len++;
}

static void
put2(outbuf *o, int v, bool x_tens, bool x_units)
{
	put_char(o, x_tens ? 'X' : (char) ('0' + v / 10));
	put_char(o, x_units ? 'X' : (char) ('0' + v % 10));
}

/*
 * The month or the day of a date: "-", its own qualifier, its two digits (X
 * where unspecified), the qualifier of the group it ends.
 */
static void
put_month_or_day(outbuf *o, int indiv, int v, bool x_tens, bool x_units, int group)
{
	put_char(o, '-');
	if (indiv)
		put_char(o, qual_char(indiv));
	put2(o, v, x_tens, x_units);
	if (group)
		put_char(o, qual_char(group));
}

static void
format_date(outbuf *o, const sn_edtf_date *d)
{
	int			n = d->day || (d->xmask & SN_EDTF_X_DAY) ? 3 :
		(d->month || (d->xmask & SN_EDTF_X_MONTH)) ? 2 : 1;
	int			f[3],
				group[3] = {0, 0, 0},
				indiv[3] = {0, 0, 0},
				covered = 0,
				i;

	if (d->kind == SN_EDTF_OPEN)
	{
		put_char(o, '.');
		put_char(o, '.');
		return;
	}
	if (d->kind != SN_EDTF_DATE)
		return;

	/* qualifiers: groups to the right where every component to the left shares them */
	for (i = 0; i < 3; i++)
		f[i] = ((d->uncertain >> i) & 1 ? Q_U : 0) | ((d->approximate >> i) & 1 ? Q_A : 0);
	for (i = n - 1; i >= 0; i--)
	{
		int			common = Q_U | Q_A,
					j;

		for (j = 0; j <= i; j++)
			common &= f[j];
		group[i] = common & ~covered;
		covered |= group[i];
		indiv[i] = f[i] & ~covered;
	}

	if (indiv[0])
		put_char(o, qual_char(indiv[0]));
	if (d->exponent || d->year > 9999)
	{
		put(o, "Y%s", d->negative ? "-" : "");
		if (d->exponent)
			put(o, "%lldE%d", (long long) (d->year / pow10i(d->exponent)), d->exponent);
		else
			put(o, "%u", d->year);
	}
	else
	{
		int			k;

		static const uint32_t place[4] = {1, 10, 100, 1000};

		if (d->negative)
			put_char(o, '-');
		for (k = 3; k >= 0; k--)
			put_char(o, (d->xmask & (1u << k)) ? 'X' : (char) ('0' + (d->year / place[k]) % 10));
	}
	if (d->sigdigits)
		put(o, "S%d", d->sigdigits);
	if (group[0])
		put_char(o, qual_char(group[0]));
	if (n >= 2)
		put_month_or_day(o, indiv[1], d->month, d->xmask & 0x20, d->xmask & 0x10, group[1]);
	if (n >= 3)
		put_month_or_day(o, indiv[2], d->day, d->xmask & 0x80, d->xmask & 0x40, group[2]);
}

size_t
sn_edtf_format(const sn_edtf *v, char *buf, size_t bufsize)
{
	outbuf		o = {buf, bufsize, 0};

	if (bufsize)
		buf[0] = '\0';
	format_date(&o, &v->start);
	if (v->end.kind != SN_EDTF_NONE)
	{
		put_char(&o, '/');
		format_date(&o, &v->end);
	}
	else if (v->time.present)
	{
		const sn_edtf_time *t = &v->time;

		put(&o, "T%02d:%02d:%02d", t->hour, t->minute, t->second);
		if (t->tz == SN_EDTF_TZ_Z)
			put(&o, "Z");
		else if (t->tz == SN_EDTF_TZ_HOURS)
			put(&o, "%c%02d", t->tz_negative ? '-' : '+', t->tz_hour);
		else if (t->tz == SN_EDTF_TZ_HOURS_MINUTES)
			put(&o, "%c%02d:%02d", t->tz_negative ? '-' : '+', t->tz_hour, t->tz_minute);
	}
	return o.len;
}

/* ------------------------------------------------------------------------
 * Properties
 */

bool
sn_edtf_is_interval(const sn_edtf *v)
{
	return v->end.kind != SN_EDTF_NONE;
}

bool
sn_edtf_is_uncertain(const sn_edtf *v)
{
	return v->start.uncertain || v->end.uncertain;
}

bool
sn_edtf_is_approximate(const sn_edtf *v)
{
	return v->start.approximate || v->end.approximate;
}

bool
sn_edtf_lower_known(const sn_edtf *v)
{
	return v->start.kind != SN_EDTF_UNKNOWN;
}

bool
sn_edtf_upper_known(const sn_edtf *v)
{
	const sn_edtf_date *e = v->end.kind == SN_EDTF_NONE ? &v->start : &v->end;

	return e->kind != SN_EDTF_UNKNOWN;
}

static const char *
fuzzy_digits_name(int k)
{
	return k <= 1 ? "decade" : k == 2 ? "century" : "millennium";
}

const char *
sn_edtf_precision(const sn_edtf *v)
{
	const sn_edtf_date *d = &v->start;
	unsigned	ymask = d->xmask & SN_EDTF_X_YEAR;

	if (sn_edtf_is_interval(v))
		return "interval";
	if (v->time.present)
		return "second";
	if (ymask)
	{
		int			k = 4;

		while (k > 0 && !(ymask & (1u << (k - 1))))
			k--;
		return fuzzy_digits_name(k);
	}
	if (d->sigdigits)
	{
		int			digits = 4;
		int64_t		p;

		if (d->exponent || d->year > 9999)
			for (digits = 1, p = 10; p <= (int64_t) d->year; p *= 10)
				digits++;
		if (digits - d->sigdigits > 0)
			return fuzzy_digits_name(digits - d->sigdigits);
		return "year";
	}
	if (d->xmask & SN_EDTF_X_MONTH)
		return "year";
	if (d->month == 0)
		return "year";
	if (d->month > 12)
		return d->month <= 32 ? "season" : d->month <= 36 ? "quarter" :
			d->month <= 39 ? "quadrimester" : "semester";
	if (d->day == 0 || (d->xmask & SN_EDTF_X_DAY))
		return "month";
	return "day";
}

static int
date_level(const sn_edtf_date *d)
{
	unsigned	ymask = d->xmask & SN_EDTF_X_YEAR;
	unsigned	present = SN_EDTF_YEAR;
	int			level = 0;

	if (d->kind != SN_EDTF_DATE)
		return d->kind == SN_EDTF_NONE ? 0 : 1;
	if (d->month || (d->xmask & SN_EDTF_X_MONTH))
		present |= SN_EDTF_MONTH;
	if (d->day || (d->xmask & SN_EDTF_X_DAY))
		present |= SN_EDTF_DAY;
	if (d->exponent || d->sigdigits || d->month > 24)
		return 2;
	if (d->negative || d->year > 9999 || d->month > 12)
		level = 1;
	/* whole-date qualification is level 1; per-component is level 2 */
	if (d->uncertain || d->approximate)
	{
		if ((d->uncertain && d->uncertain != present) || (d->approximate && d->approximate != present))
			return 2;
		level = 1;
	}
	if (d->xmask)
	{
		unsigned	mx = d->xmask & SN_EDTF_X_MONTH,
					dx = d->xmask & SN_EDTF_X_DAY;

		level = 1;
		if (present == SN_EDTF_YEAR)
		{
			if (ymask != 0x1 && ymask != 0x3)
				return 2;
		}
		else if (ymask)
			return 2;
		else if (present == (SN_EDTF_YEAR | SN_EDTF_MONTH))
		{
			if (mx != SN_EDTF_X_MONTH)
				return 2;
		}
		else if (!(dx == SN_EDTF_X_DAY && (mx == 0 || mx == SN_EDTF_X_MONTH)))
			return 2;
	}
	return level;
}

int
sn_edtf_level(const sn_edtf *v)
{
	int			a = date_level(&v->start),
				b = date_level(&v->end);

	if (sn_edtf_is_interval(v) && (v->start.kind != SN_EDTF_DATE || v->end.kind != SN_EDTF_DATE))
		a = a > 1 ? a : 1;
	/* unspecified digits inside an interval are level 2 */
	if (sn_edtf_is_interval(v) && (v->start.xmask || v->end.xmask))
		return 2;
	return a > b ? a : b;
}

/* ------------------------------------------------------------------------
 * Stored form
 *
 * A date word: bits 0-31 year magnitude, 32-33 kind, 34 negative, 35-40
 * month (63: no month component; 0 with X bits: month XX), 41-45 day (or the exponent when there is no month), 46-53 xmask
 * (whose month/day bits 4-7 hold the significant digits when there is no
 * month), 54-56 uncertain, 57-59 approximate.
 * The end word of a single date holds its time: bit 63 present, 0-4 hour,
 * 5-10 minute, 11-16 second, 17-18 zone form, 19 zone sign, 20-24 zone
 * hours, 25-30 zone minutes (kind bits 32-33 stay 0).
 */

static uint64_t
pack_date(const sn_edtf_date *d)
{
	uint64_t	w = d->year;
	uint64_t	dayfield = d->day,
				xm = d->xmask,
				month = d->month;

	if (d->month == 0 && !(d->xmask & (SN_EDTF_X_MONTH | SN_EDTF_X_DAY)))
	{
		dayfield = d->exponent;
		xm = (d->xmask & SN_EDTF_X_YEAR) | ((uint64_t) d->sigdigits << 4);
		month = d->kind == SN_EDTF_DATE ? 63 : 0;	/* no month component */
	}
	w |= (uint64_t) (d->kind & 3) << 32;
	w |= (uint64_t) (d->negative ? 1 : 0) << 34;
	w |= (month & 0x3F) << 35;
	w |= (dayfield & 0x1F) << 41;
	w |= (xm & 0xFF) << 46;
	w |= (uint64_t) (d->uncertain & 7) << 54;
	w |= (uint64_t) (d->approximate & 7) << 57;
	return w;
}

static void
unpack_date(uint64_t w, sn_edtf_date *d)
{
	unsigned	dayfield = (unsigned) ((w >> 41) & 0x1F),
				xm = (unsigned) ((w >> 46) & 0xFF);

	memset(d, 0, sizeof(*d));
	d->year = (uint32_t) (w & 0xFFFFFFFFu);
	d->kind = (uint8_t) ((w >> 32) & 3);
	d->negative = (w >> 34) & 1;
	d->month = (uint8_t) ((w >> 35) & 0x3F);
	d->uncertain = (uint8_t) ((w >> 54) & 7);
	d->approximate = (uint8_t) ((w >> 57) & 7);
	if (d->month == 63)
	{
		d->month = 0;
		d->exponent = (uint8_t) dayfield;
		d->sigdigits = (uint8_t) (xm >> 4);
		d->xmask = (uint8_t) (xm & SN_EDTF_X_YEAR);
	}
	else
	{
		d->day = (uint8_t) dayfield;
		d->xmask = (uint8_t) xm;
	}
}

void
sn_edtf_pack(const sn_edtf *v, sn_edtf_packed *p)
{
	p->lower = v->lower;
	p->upper = v->upper;
	p->start = pack_date(&v->start);
	if (v->end.kind != SN_EDTF_NONE)
		p->end = pack_date(&v->end);
	else if (v->time.present)
	{
		const sn_edtf_time *t = &v->time;

		p->end = ((uint64_t) 1 << 63) | (uint64_t) t->hour | ((uint64_t) t->minute << 5) |
			((uint64_t) t->second << 11) | ((uint64_t) t->tz << 17) |
			((uint64_t) (t->tz_negative ? 1 : 0) << 19) | ((uint64_t) t->tz_hour << 20) |
			((uint64_t) t->tz_minute << 25);
	}
	else
		p->end = 0;
}

void
sn_edtf_unpack(const sn_edtf_packed *p, sn_edtf *v)
{
	memset(v, 0, sizeof(*v));
	v->lower = p->lower;
	v->upper = p->upper;
	unpack_date(p->start, &v->start);
	if (((p->end >> 32) & 3) != SN_EDTF_NONE)
		unpack_date(p->end, &v->end);
	else if (p->end >> 63)
	{
		sn_edtf_time *t = &v->time;

		t->present = true;
		t->hour = (uint8_t) (p->end & 0x1F);
		t->minute = (uint8_t) ((p->end >> 5) & 0x3F);
		t->second = (uint8_t) ((p->end >> 11) & 0x3F);
		t->tz = (uint8_t) ((p->end >> 17) & 3);
		t->tz_negative = (p->end >> 19) & 1;
		t->tz_hour = (uint8_t) ((p->end >> 20) & 0x1F);
		t->tz_minute = (uint8_t) ((p->end >> 25) & 0x3F);
	}
}

bool
sn_edtf_unpack_checked(const sn_edtf_packed *p, sn_edtf *v, sn_error *err)
{
	sn_edtf_packed again;
	sn_edtf		w;

	sn_edtf_unpack(p, v);
	w = *v;
	if (!sn_edtf_finish(&w, err) || w.lower != p->lower || w.upper != p->upper)
	{
		sn_error_set(err, SN_ERR_BINARY, -1, "invalid stored edtf value");
		return false;
	}
	sn_edtf_pack(&w, &again);
	if (memcmp(&again, p, sizeof(again)) != 0)
	{
		sn_error_set(err, SN_ERR_BINARY, -1, "invalid stored edtf value");
		return false;
	}
	*v = w;
	return true;
}

/* ------------------------------------------------------------------------
 * Order
 */

int
sn_edtf_cmp(const sn_edtf *a, const sn_edtf *b)
{
	char		ta[SN_EDTF_TEXT_MAX],
				tb[SN_EDTF_TEXT_MAX];

	if (a->lower != b->lower)
		return a->lower < b->lower ? -1 : 1;
	if (a->upper != b->upper)
		return a->upper < b->upper ? -1 : 1;
	sn_edtf_format(a, ta, sizeof(ta));
	sn_edtf_format(b, tb, sizeof(tb));
	return strcmp(ta, tb);
}

int
sn_edtf_packed_cmp(const sn_edtf_packed *a, const sn_edtf_packed *b)
{
	sn_edtf		va,
				vb;

	if (a->lower != b->lower)
		return a->lower < b->lower ? -1 : 1;
	if (a->upper != b->upper)
		return a->upper < b->upper ? -1 : 1;
	if (a->start == b->start && a->end == b->end)
		return 0;
	sn_edtf_unpack(a, &va);
	sn_edtf_unpack(b, &vb);
	return sn_edtf_cmp(&va, &vb);
}

/* ------------------------------------------------------------------------
 * Binary form (send/receive)
 */

static const char edtf_layout[] =
	"An edtf is sent as a version byte (1), then its canonical EDTF text, printable ASCII.";

size_t
sn_edtf_encode(const sn_edtf *v, char out[SN_EDTF_BINARY_MAX])
{
	out[0] = SN_EDTF_BINARY_VERSION;
	return 1 + sn_edtf_format(v, out + 1, SN_EDTF_TEXT_MAX);
}

bool
sn_edtf_decode(const char *in, size_t len, sn_edtf *out, sn_error *err)
{
	sn_error	inner;

	if (!sn_binary_check_length(err, "edtf", edtf_layout, len, 2, true) ||
		!sn_binary_check_version(err, "edtf", edtf_layout, (unsigned char) in[0],
								 SN_EDTF_BINARY_VERSION))
		return false;

	/*
	 * Any byte outside printable ASCII is refused and shown by its code, never
	 * copied into the message: it could be an invalid sequence in the
	 * client's encoding, or a control character.
	 */
	for (size_t i = 1; i < len; i++)
		if ((unsigned char) in[i] < 0x20 || (unsigned char) in[i] > 0x7e)
			return sn_binary_error(err, "edtf", edtf_layout, "byte %zu of the text is 0x%02x",
								   i, (unsigned char) in[i]);
	if (!sn_edtf_parse(in + 1, len - 1, out, &inner))
		return sn_binary_error_from(err, "edtf", &inner);
	return true;
}
