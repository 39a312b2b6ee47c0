/*
 * extension/core/loader_fields.c
 *
 * The loaders' field readers (loader_fields.h): trimming and "no value",
 * whole and decimal numbers, dates.  Written as plain scans over the bytes:
 * the loaders call them several times per staged row, millions of times in a
 * large load, where the regular expressions they replace cost more than the
 * rest of the parse.
 */
#include "loader_fields.h"

#include "edtf.h"

#include <stdlib.h>
#include <string.h>

static inline bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* s[0..len) without the spaces (U+0020 only) at either end. */
static void
trim_spaces(const char *s, size_t len, size_t *start, size_t *vlen)
{
	size_t		b = 0,
				e = len;

	while (b < e && s[b] == ' ')
		b++;
	while (e > b && s[e - 1] == ' ')
		e--;
	*start = b;
	*vlen = e - b;
}

/* n digits at v read as a number (n at most 18: no overflow). */
static int64_t
digits_value(const char *v, size_t n)
{
	int64_t		x = 0;

	for (size_t i = 0; i < n; i++)
		x = x * 10 + (v[i] - '0');
	return x;
}

/* The number of digits at v[i..n). */
static size_t
digit_run(const char *v, size_t i, size_t n)
{
	size_t		j = i;

	while (j < n && is_digit(v[j]))
		j++;
	return j - i;
}

bool
sn_field_value(const char *s, size_t len, size_t *start, size_t *vlen)
{
	const char *v;

	trim_spaces(s, len, start, vlen);
	v = s + *start;
	if (*vlen == 0)
		return false;
	if (*vlen == 2 && v[0] == 'N' && v[1] == 'A')
		return false;
	if (*vlen == 3 && v[0] == 'N' && v[1] == '/' && v[2] == 'A')
		return false;
	return true;
}

/*
 * The parts of a number in a field, s[0..len) without the spaces at its ends
 * (text, n bytes): a sign or none, a run of digits (whole, from whole_at),
 * then a point or none and a run of digits (frac, from frac_at).  end is
 * where they stop: n when nothing else follows.
 */
typedef struct number_parts
{
	const char *text;
	size_t		n;
	bool		negative;
	size_t		whole_at;
	size_t		whole;
	bool		point;
	size_t		frac_at;
	size_t		frac;
	size_t		end;
} number_parts;

static void
number_scan(const char *s, size_t len, number_parts *p)
{
	size_t		b,
				i = 0;

	trim_spaces(s, len, &b, &p->n);
	p->text = s + b;
	p->negative = p->n > 0 && p->text[0] == '-';
	if (p->n > 0 && (p->text[0] == '+' || p->text[0] == '-'))
		i++;
	p->whole_at = i;
	p->whole = digit_run(p->text, i, p->n);
	i += p->whole;
	p->point = i < p->n && p->text[i] == '.';
	if (p->point)
		i++;
	p->frac_at = i;
	p->frac = p->point ? digit_run(p->text, i, p->n) : 0;
	p->end = i + p->frac;
}

bool
sn_field_int(const char *s, size_t len, int64_t *out)
{
	number_parts p;
	int64_t		value;

	number_scan(s, len, &p);
	if (p.whole == 0 || p.whole > 18 || p.end != p.n)
		return false;
	/* a point is followed by at least one zero, and nothing else */
	if (p.point)
	{
		if (p.frac == 0)
			return false;
		for (size_t i = p.frac_at; i < p.end; i++)
			if (p.text[i] != '0')
				return false;
	}
	value = digits_value(p.text + p.whole_at, p.whole);
	*out = p.negative ? -value : value;
	return true;
}

bool
sn_field_float(const char *s, size_t len, double *out)
{
	number_parts p;
	char		buf[40];

	number_scan(s, len, &p);
	if (p.whole > 15 || p.frac > 15 || p.end != p.n)
		return false;
	/* digits before the point, or (without them) after it */
	if (p.whole == 0 && p.frac == 0)
		return false;
	/* at most a sign, 15 digits, a point and 15 digits: 32 bytes */
	memcpy(buf, p.text, p.n);
	buf[p.n] = '\0';
	*out = strtod(buf, NULL);
	return true;
}

static bool
valid_ymd(int y, int m, int d)
{
	return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= sn_days_in_month(y, m);
}

/* An English month name, in full or its first three letters, any case: 1..12, else 0. */
static int
month_of_name(const char *w, size_t n)
{
	static const char *const months[12] = {
		"january", "february", "march", "april", "may", "june", "july",
		"august", "september", "october", "november", "december"
	};
	char		lower[10];

	if (n < 3 || n > 9)
		return 0;
	for (size_t i = 0; i < n; i++)
	{
		char		c = w[i];

		if (c >= 'A' && c <= 'Z')
			c = (char) (c - 'A' + 'a');
		if (c < 'a' || c > 'z')
			return 0;
		lower[i] = c;
	}
	for (int m = 0; m < 12; m++)
	{
		size_t		full = strlen(months[m]);

		if ((n == full || n == 3) && memcmp(lower, months[m], n) == 0)
			return m + 1;
	}
	return 0;
}

bool
sn_field_date(const char *s, size_t len, int *year, int *month, int *day)
{
	size_t		b,
				n,
				k;
	const char *v;
	int			y,
				m,
				d;

	trim_spaces(s, len, &b, &n);
	v = s + b;
	k = digit_run(v, 0, n);
	if (k == 4 && n > 4 && v[4] == '-')
	{
		/* YYYY-M(M)-D(D) */
		size_t		km = digit_run(v, 5, n),
					kd;

		if (km < 1 || km > 2 || 5 + km >= n || v[5 + km] != '-')
			return false;
		kd = digit_run(v, 6 + km, n);
		if (kd < 1 || kd > 2 || 6 + km + kd != n)
			return false;
		y = digits_value(v, 4);
		m = digits_value(v + 5, km);
		d = digits_value(v + 6 + km, kd);
	}
	else if (k == 8 && n == 8)
	{
		/* YYYYMMDD */
		y = digits_value(v, 4);
		m = digits_value(v + 4, 2);
		d = digits_value(v + 6, 2);
	}
	else if ((k == 1 || k == 2) && k < n && v[k] == ' ')
	{
		/* D(D) Month YYYY */
		size_t		w = k + 1,
					we = w;

		while (we < n && ((v[we] >= 'a' && v[we] <= 'z') || (v[we] >= 'A' && v[we] <= 'Z')))
			we++;
		if (we == w || we >= n || v[we] != ' ' || digit_run(v, we + 1, n) != 4 || we + 5 != n)
			return false;
		m = month_of_name(v + w, we - w);
		if (m == 0)
			return false;
		d = digits_value(v, k);
		y = digits_value(v + we + 1, 4);
	}
	else
		return false;
	if (!valid_ymd(y, m, d))
		return false;
	*year = y;
	*month = m;
	*day = d;
	return true;
}

bool
sn_field_may_be_mojibake(const char *s, size_t len)
{
	/* U+00C2..U+00F4 is 0xC3 0x82..0xB4 in UTF-8 */
	for (size_t i = 0; i + 1 < len; i++)
		if ((unsigned char) s[i] == 0xC3 && (unsigned char) s[i + 1] >= 0x82 &&
			(unsigned char) s[i + 1] <= 0xB4)
			return true;
	return false;
}
