/*
 * extension/core/geopoint.c
 *
 * Reading, writing, comparing and measuring WGS84 positions; see geopoint.h.
 *
 * The text grammar (case-insensitive; spaces allowed between the parts):
 *
 *   input     := pair | wkt | "SRID=4326;" wkt
 *   wkt       := "POINT" "(" number number ")"          longitude first
 *   pair      := coord sep coord
 *   sep       := "," or white space (may be omitted after a hemisphere letter)
 *   coord     := [letter] [sign] amount [letter]        one letter at most
 *   amount    := decimal ["°"]
 *              | integer "°" decimal "′"
 *              | integer "°" integer "′" decimal "″"
 *   letter    := N S E W (and O, French "ouest", for west)
 *
 * Without letters the first coordinate is the latitude (as map tools copy
 * "12.6392, -8.0029"); with letters on both, the letters decide and either
 * order is accepted; a letter on one coordinate only is an error, as is a
 * sign together with a letter.  Degree signs may be °, º or ˚; minute marks
 * ′ ' ’ or ´; second marks ″ " ” or two minute marks.  Pair decimals may
 * have an exponent only with a sign, as programs print them ("3e-05"), since
 * "3E" is 3 degrees East; WKT numbers may have any exponent.
 */
#include "geopoint.h"
#include "sn_binary.h"
#include "geopoint_index.h"

#include <float.h>
#include <geodesic.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define QUOTE_MAX 120			/* bytes of input quoted in a message */

static const char *const forms_hint =
"Write latitude first, \"12.6392, -8.0029\", or with hemisphere letters, "
"\"12.6392N 8.0029W\" or \"12°38′21″N 8°0′10″W\", or as WKT, longitude first, "
"\"POINT(-8.0029 12.6392)\".";

/* ------------------------------------------------------------------------
 * Validation
 */

static double
normalise_lon(double lon)
{
	if (lon > 180.0 || lon <= -180.0)
	{
		/* fmod is exact; so are the subtractions (Sterbenz) */
		lon = fmod(lon, 360.0);
		if (lon > 180.0)
			lon -= 360.0;
		else if (lon <= -180.0)
			lon += 360.0;
	}
	return lon + 0.0;			/* never -0 */
}

/* A coordinate (what: latitude or longitude) that is a number: not NaN nor infinite. */
static bool
coordinate_finite(const char *what, double v, sn_error *err)
{
	if (isnan(v) || isinf(v))
		return sn_error_set(err, SN_ERR_RANGE, -1, "%s %s is out of range for type geopoint",
							what, isnan(v) ? "NaN" : (v > 0 ? "Infinity" : "-Infinity"));
	return true;
}

/* A finite coordinate within [-limit, limit]; detail says the range otherwise. */
static bool
coordinate_within(const char *what, double v, double limit, const char *detail, sn_error *err)
{
	char		num[SN_GEOPOINT_COORD_MAX];

	if (v >= -limit && v <= limit)
		return true;
	sn_format_shortest(v, num, sizeof(num));
	sn_error_set(err, SN_ERR_RANGE, -1, "%s %.60s is out of range for type geopoint", what, num);
	sn_error_detail(err, "%s", detail);
	return false;
}

bool
sn_geopoint_make(double lat, double lon, sn_geopoint *out, sn_error *err)
{
	if (!coordinate_finite("latitude", lat, err) || !coordinate_finite("longitude", lon, err) ||
		!coordinate_within("latitude", lat, 90.0, "Latitude must be between -90 and 90 degrees.", err) ||
		!coordinate_within("longitude", lon, 360.0,
						   "Longitude must be between -360 and 360 degrees; it is brought into (-180, 180].",
						   err))
		return false;
	out->lat = lat + 0.0;
	out->lon = normalise_lon(lon);
	return true;
}

bool
sn_geopoint_check_radius(double radius, sn_error *err)
{
	if (isnan(radius))
		return sn_error_set(err, SN_ERR_INVALID_PARAMETER, -1,
							"radius must not be NaN");
	return true;
}

/* ------------------------------------------------------------------------
 * Scanning helpers
 */

typedef struct scan
{
	const char *s;
	size_t		len;
	size_t		pos;
	sn_error   *err;
} scan;

static bool
syntax_error(scan *sc, size_t pos, const char *detail)
{
	char		q[QUOTE_MAX];

	sn_error_set(sc->err, SN_ERR_SYNTAX, (int) pos,
				 "invalid input syntax for type geopoint: \"%s\"",
				 sn_quote_input(q, sizeof(q), sc->s, sc->len));
	if (detail)
		sn_error_detail(sc->err, "%s", detail);
	sn_error_hint(sc->err, "%s", forms_hint);
	return false;
}

static bool
range_error(scan *sc, size_t pos, const char *which, const char *detail)
{
	char		q[QUOTE_MAX];

	sn_error_set(sc->err, SN_ERR_RANGE, (int) pos,
				 "%s out of range for type geopoint: \"%s\"", which,
				 sn_quote_input(q, sizeof(q), sc->s, sc->len));
	sn_error_detail(sc->err, "%s", detail);
	return false;
}

static inline bool
at_end(const scan *sc)
{
	return sc->pos >= sc->len;
}

static inline unsigned char
peek(const scan *sc, size_t ahead)
{
	return sc->pos + ahead < sc->len ? (unsigned char) sc->s[sc->pos + ahead] : 0;
}

static inline bool
is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static inline bool
is_alpha(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* A typographic mark: its UTF-8 bytes and their count. */
typedef struct mark
{
	const char *bytes;
	size_t		len;
} mark;

#define MARK(s) {s, sizeof(s) - 1}

/* Length of the mark at pos if it is one of the given marks, else 0. */
static size_t
match_any(const scan *sc, const mark *marks)
{
	unsigned char c;

	if (sc->pos >= sc->len)
		return 0;
	c = (unsigned char) sc->s[sc->pos];
	for (; marks->bytes; marks++)
	{
		if ((unsigned char) marks->bytes[0] == c &&
			sc->pos + marks->len <= sc->len &&
			memcmp(sc->s + sc->pos, marks->bytes, marks->len) == 0)
			return marks->len;
	}
	return 0;
}

static const mark space_marks[] = {MARK(" "), MARK("\t"), MARK("\n"), MARK("\r"),
	MARK("\f"), MARK("\v"),
	MARK("\xC2\xA0"),			/* no-break space */
	MARK("\xE2\x80\xAF"),		/* narrow no-break space */
	MARK("\xE2\x80\x89"),		/* thin space */
{NULL, 0}};
static const mark degree_marks[] = {MARK("\xC2\xB0"), MARK("\xC2\xBA"), MARK("\xCB\x9A"), {NULL, 0}};
static const mark second_marks[] = {MARK("\xE2\x80\xB3"), MARK("\""), MARK("\xE2\x80\x9D"), MARK("''"),
MARK("\xE2\x80\xB2\xE2\x80\xB2"), {NULL, 0}};
static const mark minute_marks[] = {MARK("\xE2\x80\xB2"), MARK("'"), MARK("\xE2\x80\x99"), MARK("\xC2\xB4"), {NULL, 0}};

static bool
skip_space(scan *sc)
{
	size_t		start = sc->pos,
				n;

	for (;;)
	{
		unsigned char c = peek(sc, 0);

		if (c == ' ')
			sc->pos++;
		else if ((c >= '\t' && c <= '\r') || c >= 0x80)
		{
			if ((n = match_any(sc, space_marks)) == 0)
				break;
			sc->pos += n;
		}
		else
			break;
	}
	return sc->pos > start;
}

static const double pow10_exact[] = {
	1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
	1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
};

/*
 * An unsigned decimal at sc->pos: digits with an optional fraction, and an
 * exponent if allowed.  Short decimals (at most 15 significant digits, at
 * most 22 fraction digits) are converted by one exact division, which IEEE
 * arithmetic rounds correctly (Clinger's fast path); anything else goes
 * through strtod.  Either way the result is the double nearest the decimal.
 */
/* Which exponents scan_number accepts. */
typedef enum exp_mode
{
	EXP_NONE,					/* degrees-minutes-seconds */
	EXP_SIGNED,					/* pairs: "3e-05" but not "3e5" (an "E" may be East) */
	EXP_ANY						/* WKT */
} exp_mode;

/*
 * One more digit d of a number whose significant digits so far are m (sig
 * of them): the first 15 significant digits are kept exactly, a 16th makes
 * the number inexact.
 */
static inline void
mantissa_digit(uint64_t *m, int *sig, bool *exact, int d)
{
	if (*m > 0 || d > 0)
	{
		if (++*sig > 15)
			*exact = false;
		else
			*m = *m * 10 + (uint64_t) d;
	}
}

static bool
scan_number(scan *sc, exp_mode exp, double *out, bool *is_integer)
{
	size_t		start = sc->pos,
				p = sc->pos;
	uint64_t	m = 0;
	int			sig = 0,
				frac = 0,
				idigits = 0,
				fdigits = 0;
	bool		exact = true,
				has_exp = false;

	while (p < sc->len && is_digit((unsigned char) sc->s[p]))
	{
		mantissa_digit(&m, &sig, &exact, sc->s[p++] - '0');
		idigits++;
	}
	if (p < sc->len && sc->s[p] == '.')
	{
		p++;
		while (p < sc->len && is_digit((unsigned char) sc->s[p]))
		{
			mantissa_digit(&m, &sig, &exact, sc->s[p++] - '0');
			if (exact)
				frac++;
			fdigits++;
		}
		if (idigits == 0 && fdigits == 0)
			return false;
		*is_integer = false;
	}
	else
	{
		if (idigits == 0)
			return false;
		*is_integer = true;
	}
	if (exp != EXP_NONE && p < sc->len && (sc->s[p] == 'e' || sc->s[p] == 'E'))
	{
		size_t		q = p + 1;

		if (q < sc->len && (sc->s[q] == '+' || sc->s[q] == '-'))
			q++;
		else if (exp == EXP_SIGNED)
			q = sc->len;		/* no sign: not an exponent */
		if (q < sc->len && is_digit((unsigned char) sc->s[q]))
		{
			while (q < sc->len && is_digit((unsigned char) sc->s[q]))
				q++;
			p = q;
			has_exp = true;
			*is_integer = false;
		}
	}
	sc->pos = p;

	if (exact && !has_exp && frac <= 22)
	{
		*out = (double) m / pow10_exact[frac];
		return true;
	}
	else
	{
		char		buf[512];
		size_t		n = p - start;

		if (n >= sizeof(buf))
		{
			sc->pos = start;
			return syntax_error(sc, start, "A number has too many digits.");
		}
		memcpy(buf, sc->s + start, n);
		buf[n] = '\0';
		*out = strtod(buf, NULL);
		return true;
	}
}

/* The hemisphere letter at sc->pos (not followed by another letter), or 0. */
static char
peek_letter(const scan *sc)
{
	unsigned char c = peek(sc, 0);
	char		h;

	switch (c)
	{
		case 'N':
		case 'n':
			h = 'N';
			break;
		case 'S':
		case 's':
			h = 'S';
			break;
		case 'E':
		case 'e':
			h = 'E';
			break;
		case 'W':
		case 'w':
		case 'O':
		case 'o':
			h = 'W';
			break;
		default:
			return 0;
	}
	if (is_alpha(peek(sc, 1)))
		return 0;
	return h;
}

/* ------------------------------------------------------------------------
 * One coordinate of a pair
 */

typedef struct coord
{
	double		value;			/* signed unless a letter gives the sign */
	char		letter;			/* 'N', 'S', 'E', 'W' or 0 */
	size_t		start;
} coord;

/*
 * After the mark of degrees (or of minutes), the minutes (or the seconds,
 * when seconds): a number and that part's mark.  A number without a mark is
 * the next coordinate ("12° 8°"): the position goes back to where it was and
 * *has stays false.  A number with the other part's mark is an error, and so
 * is a part after one with a fraction (prev_int false).  Second marks are
 * tried first: "''" is a second mark, "'" a minute mark.  The number read is
 * left in *v and *v_int.
 */
static bool
scan_dms_part(scan *sc, const coord *c, bool seconds, bool prev_int, double *v, bool *v_int, bool *has)
{
	size_t		save = sc->pos,
				ns,
				nm;

	*has = false;
	skip_space(sc);
	if (!is_digit(peek(sc, 0)))
	{
		sc->pos = save;
		return true;
	}
	if (!scan_number(sc, EXP_NONE, v, v_int))
		return false;
	skip_space(sc);
	ns = match_any(sc, second_marks);
	nm = ns > 0 ? 0 : match_any(sc, minute_marks);
	if (seconds ? nm > 0 : ns > 0)
		return syntax_error(sc, sc->pos, seconds ? "Seconds take a second mark (″ or \")." :
							"Seconds need minutes before them.");
	if (ns == 0 && nm == 0)
	{
		sc->pos = save;
		return true;
	}
	sc->pos += ns + nm;
	*has = true;
	if (!prev_int)
		return syntax_error(sc, c->start, "Only the last of degrees, minutes and seconds may have a fraction.");
	return true;
}

static bool
scan_coord(scan *sc, coord *c)
{
	bool		negative = false,
				has_sign = false,
				is_int;
	double		deg,
				min = 0,
				sec = 0;
	bool		has_min = false,
				has_sec = false;
	size_t		n,
				save;

	c->start = sc->pos;
	c->letter = peek_letter(sc);
	if (c->letter)
	{
		sc->pos++;
		skip_space(sc);
	}
	if (peek(sc, 0) == '+' || peek(sc, 0) == '-')
	{
		negative = peek(sc, 0) == '-';
		has_sign = true;
		sc->pos++;
	}
	if (!is_digit(peek(sc, 0)) && peek(sc, 0) != '.')
		return syntax_error(sc, sc->pos, at_end(sc) ? "A coordinate is missing." :
							"A coordinate must start with a number.");
	if (!scan_number(sc, EXP_SIGNED, &deg, &is_int))
		return sc->err->status != SN_OK ? false :
			syntax_error(sc, sc->pos, "A coordinate must start with a number.");

	if ((n = match_any(sc, degree_marks)) > 0)
	{
		bool		min_int,
					sec_int;

		sc->pos += n;
		if (!scan_dms_part(sc, c, false, is_int, &min, &min_int, &has_min))
			return false;
		if (has_min && !scan_dms_part(sc, c, true, min_int, &sec, &sec_int, &has_sec))
			return false;
	}
	else if (match_any(sc, minute_marks) > 0 || match_any(sc, second_marks) > 0)
		return syntax_error(sc, sc->pos, "Minutes and seconds need degrees with a degree sign (°) before them.");

	if (has_min && min >= 60.0)
		return range_error(sc, c->start, "minutes", "Minutes must be less than 60.");
	if (has_sec && sec >= 60.0)
		return range_error(sc, c->start, "seconds", "Seconds must be less than 60.");

	if (!c->letter)
	{
		save = sc->pos;
		skip_space(sc);
		c->letter = peek_letter(sc);
		if (c->letter)
			sc->pos++;
		else
			sc->pos = save;
	}
	if (c->letter && has_sign)
		return syntax_error(sc, c->start, "A coordinate has either a sign or a hemisphere letter, not both.");

	if (!has_sec)
		sec = 0;
	c->value = has_min ? deg + (min + sec / 60.0) / 60.0 : deg;
	if (negative)
		c->value = -c->value;
	return true;
}

static bool
parse_pair(scan *sc, sn_geopoint *out)
{
	coord		a,
				b;
	double		lat,
				lon;
	bool		lat_from_a;

	if (!scan_coord(sc, &a))
		return false;
	{
		bool		had_space = skip_space(sc);
		bool		had_comma = false;

		if (peek(sc, 0) == ',')
		{
			had_comma = true;
			sc->pos++;
			skip_space(sc);
		}
		if (at_end(sc))
			return syntax_error(sc, sc->pos, "A geopoint needs two coordinates, latitude and longitude.");
		if (!had_space && !had_comma && !a.letter)
			return syntax_error(sc, sc->pos, "Separate the two coordinates with a comma or a space.");
	}
	if (!scan_coord(sc, &b))
		return false;
	skip_space(sc);
	if (!at_end(sc))
		return syntax_error(sc, sc->pos, "Unexpected text after the second coordinate.");

	if (!a.letter && !b.letter)
	{
		lat = a.value;
		lon = b.value;
		lat_from_a = true;
	}
	else if (a.letter && b.letter)
	{
		bool		a_ns = a.letter == 'N' || a.letter == 'S';
		bool		b_ns = b.letter == 'N' || b.letter == 'S';
		const coord *la,
				   *lo;

		if (a_ns == b_ns)
			return syntax_error(sc, b.start, a_ns ? "Both coordinates are latitudes (N or S)."
								: "Both coordinates are longitudes (E or W).");
		la = a_ns ? &a : &b;
		lo = a_ns ? &b : &a;
		lat = la->letter == 'S' ? -la->value : la->value;
		lon = lo->letter == 'W' ? -lo->value : lo->value;
		lat_from_a = a_ns;
		if (fabs(lon) > 180.0)
			return range_error(sc, lo->start, "longitude",
							   "With a hemisphere letter, longitude must be at most 180 degrees.");
	}
	else
		return syntax_error(sc, (a.letter ? b.start : a.start),
							"Give hemisphere letters on both coordinates or on neither.");

	if (!(lat >= -90.0 && lat <= 90.0))
		return range_error(sc, lat_from_a ? a.start : b.start, "latitude",
						   "Latitude must be between -90 and 90 degrees (without letters, latitude comes first).");
	if (!(lon >= -360.0 && lon <= 360.0))
		return range_error(sc, lat_from_a ? b.start : a.start, "longitude",
						   "Longitude must be between -360 and 360 degrees; it is brought into (-180, 180].");
	out->lat = lat + 0.0;
	out->lon = normalise_lon(lon);
	return true;
}

static bool
match_word(scan *sc, const char *word)
{
	size_t		n = strlen(word);

	if (sc->pos + n > sc->len)
		return false;
	for (size_t i = 0; i < n; i++)
	{
		unsigned char c = (unsigned char) sc->s[sc->pos + i];

		if (c >= 'a' && c <= 'z')
			c -= 'a' - 'A';
		if (c != (unsigned char) word[i])
			return false;
	}
	sc->pos += n;
	return true;
}

static bool
scan_signed_number(scan *sc, double *out)
{
	bool		negative = false,
				is_int;

	if (peek(sc, 0) == '+' || peek(sc, 0) == '-')
	{
		negative = peek(sc, 0) == '-';
		sc->pos++;
	}
	if (!is_digit(peek(sc, 0)) && peek(sc, 0) != '.')
		return syntax_error(sc, sc->pos, "WKT is POINT(longitude latitude).");
	if (!scan_number(sc, EXP_ANY, out, &is_int))
		return sc->err->status != SN_OK ? false :
			syntax_error(sc, sc->pos, "WKT is POINT(longitude latitude).");
	if (negative)
		*out = -*out;
	return true;
}

/* "POINT(lon lat)", at sc->pos just after the word POINT. */
static bool
parse_wkt(scan *sc, sn_geopoint *out)
{
	double		lon,
				lat;
	size_t		lon_pos,
				lat_pos;

	skip_space(sc);
	if (match_word(sc, "EMPTY"))
		return syntax_error(sc, sc->pos, "An empty point is not a geopoint.");
	if (peek(sc, 0) != '(')
		return syntax_error(sc, sc->pos, is_alpha(peek(sc, 0)) ?
							"Only two-dimensional points (longitude latitude) are geopoints." :
							"WKT is POINT(longitude latitude).");
	sc->pos++;
	skip_space(sc);
	lon_pos = sc->pos;
	if (!scan_signed_number(sc, &lon))
		return false;
	if (!skip_space(sc))
		return syntax_error(sc, sc->pos, "WKT separates longitude and latitude by a space.");
	lat_pos = sc->pos;
	if (!scan_signed_number(sc, &lat))
		return false;
	skip_space(sc);
	if (peek(sc, 0) != ')')
		return syntax_error(sc, sc->pos, (is_digit(peek(sc, 0)) || peek(sc, 0) == '-') ?
							"Only two-dimensional points (longitude latitude) are geopoints." :
							"WKT is POINT(longitude latitude).");
	sc->pos++;
	skip_space(sc);
	if (!at_end(sc))
		return syntax_error(sc, sc->pos, "Unexpected text after the point.");
	if (isinf(lat) || !(lat >= -90.0 && lat <= 90.0))
		return range_error(sc, lat_pos, "latitude",
						   "Latitude must be between -90 and 90 degrees (WKT writes longitude first).");
	if (isinf(lon) || !(lon >= -360.0 && lon <= 360.0))
		return range_error(sc, lon_pos, "longitude",
						   "Longitude must be between -360 and 360 degrees; it is brought into (-180, 180].");
	out->lat = lat + 0.0;
	out->lon = normalise_lon(lon);
	return true;
}

bool
sn_geopoint_parse(const char *s, size_t len, sn_geopoint *out, sn_error *err)
{
	scan		sc = {s, len, 0, err};

	sn_error_clear(err);
	skip_space(&sc);
	if (at_end(&sc))
		return syntax_error(&sc, 0, "The input is empty.");
	if ((peek(&sc, 0) | 0x20) == 's' && match_word(&sc, "SRID"))
	{
		long		srid = 0;
		size_t		srid_pos;

		skip_space(&sc);
		if (peek(&sc, 0) != '=')
			return syntax_error(&sc, sc.pos, "EWKT is SRID=4326;POINT(longitude latitude).");
		sc.pos++;
		skip_space(&sc);
		srid_pos = sc.pos;
		if (!is_digit(peek(&sc, 0)))
			return syntax_error(&sc, sc.pos, "EWKT is SRID=4326;POINT(longitude latitude).");
		while (is_digit(peek(&sc, 0)))
		{
			if (srid < 100000000)
				srid = srid * 10 + (peek(&sc, 0) - '0');
			sc.pos++;
		}
		if (srid != 4326)
		{
			char		detail[160];

			snprintf(detail, sizeof(detail),
					 "SRID %.*s is not supported: a geopoint is WGS84 longitude and latitude (SRID 4326).",
					 (int) (sc.pos - srid_pos > 20 ? 20 : sc.pos - srid_pos), s + srid_pos);
			return syntax_error(&sc, srid_pos, detail);
		}
		skip_space(&sc);
		if (peek(&sc, 0) != ';')
			return syntax_error(&sc, sc.pos, "EWKT is SRID=4326;POINT(longitude latitude).");
		sc.pos++;
		skip_space(&sc);
		if (!match_word(&sc, "POINT"))
			return syntax_error(&sc, sc.pos, "Only POINT geometries are geopoints.");
		return parse_wkt(&sc, out);
	}
	if ((peek(&sc, 0) | 0x20) == 'p' && match_word(&sc, "POINT"))
		return parse_wkt(&sc, out);
	if (is_alpha(peek(&sc, 0)) && is_alpha(peek(&sc, 1)))
		return syntax_error(&sc, sc.pos, "Expected two coordinates or WKT POINT(longitude latitude); other geometries are not geopoints.");
	return parse_pair(&sc, out);
}

/* ------------------------------------------------------------------------
 * Output
 */

/*
 * The fast path of sn_format_shortest(), for a number typed with at most
 * nine decimals (most coordinates: "12.63921"), below a million.  If a
 * decimal D with nine decimals or fewer reads back to ax, then ax * 10^9
 * lies within D * 10^9 * 2^-52 < 0.5 of the integer D * 10^9, so r below is
 * that integer; and r / 10^9, a quotient of two exact doubles, is the double
 * nearest D, which is ax.  Conversely the test r / 10^9 == ax holds only if
 * the decimal r / 10^9 reads back to ax.  Such a decimal has at most 15
 * significant digits, and only one of those reads back to a given double
 * (they lie further apart than its neighbours): the one the slow path finds,
 * here with a multiplication and a division instead of printf and strtod.
 * Gives its digits (without leading or trailing zeros) and the power of ten
 * of the first, as the slow path does; false when there is none.
 */
#define FAST_DECIMALS 9

static bool
short_decimal_digits(double ax, char *digits, int *nd, int *exp10)
{
	const double scale = 1e9;	/* 10^FAST_DECIMALS */
	double		r;
	uint64_t	v;
	int			n = 0;

	if (!(ax < 1e6))
		return false;
	r = nearbyint(ax * scale);
	if (r == 0 || r / scale != ax)
		return false;
	for (v = (uint64_t) r; v != 0; v /= 10)
		digits[n++] = (char) ('0' + v % 10);
	*exp10 = n - 1 - FAST_DECIMALS;
	/* most significant first */
	for (int i = 0; i < n / 2; i++)
	{
		char		t = digits[i];

		digits[i] = digits[n - 1 - i];
		digits[n - 1 - i] = t;
	}
	while (n > 1 && digits[n - 1] == '0')
		n--;
	*nd = n;
	return true;
}

size_t
sn_format_shortest(double x, char *buf, size_t bufsize)
{
	char		tmp[40];
	char		digits[20];
	int			nd = 0,
				exp10;
	size_t		n = 0;
	double		ax = fabs(x);
	const char *e;

	if (bufsize < SN_GEOPOINT_COORD_MAX)
	{
		if (bufsize)
			buf[0] = '\0';
		return 0;
	}
	if (ax == 0.0)
	{
		buf[0] = '0';
		buf[1] = '\0';
		return 1;
	}

	if (!short_decimal_digits(ax, digits, &nd, &exp10))
	{
		/*
		 * A decimal of at most 15 significant digits survives a trip through
		 * a double (DBL_DIG), so if the 15-digit rounding reads back to x,
		 * stripping its trailing zeros gives the shortest form; otherwise 16
		 * or 17 digits.
		 */
		for (int prec = 15; prec <= 17; prec++)
		{
			snprintf(tmp, sizeof(tmp), "%.*e", prec - 1, ax);
			if (prec == 17 || strtod(tmp, NULL) == ax)
				break;
		}
		/* tmp is "d.ddddde[+-]XX" */
		for (const char *p = tmp; *p && *p != 'e'; p++)
			if (*p != '.')
				digits[nd++] = *p;
		e = strchr(tmp, 'e');
		exp10 = atoi(e + 1);
		while (nd > 1 && digits[nd - 1] == '0')
			nd--;
	}

	if (x < 0)
		buf[n++] = '-';
	if (exp10 >= 0)
	{
		for (int i = 0; i <= exp10; i++)
			buf[n++] = i < nd ? digits[i] : '0';
		if (nd > exp10 + 1)
		{
			buf[n++] = '.';
			for (int i = exp10 + 1; i < nd; i++)
				buf[n++] = digits[i];
		}
	}
	else
	{
		buf[n++] = '0';
		buf[n++] = '.';
		for (int i = 0; i < -exp10 - 1; i++)
			buf[n++] = '0';
		for (int i = 0; i < nd; i++)
			buf[n++] = digits[i];
	}
	buf[n] = '\0';
	return n;
}

/*
 * The parts, one after the other, into buf: what fits (always terminated),
 * as snprintf would write "%s%s..." but without parsing a format for every
 * value a query outputs.  Returns the whole length.
 */
static size_t
join(char *buf, size_t bufsize, const char *const *parts, int nparts)
{
	size_t		n = 0;

	for (int i = 0; i < nparts; i++)
	{
		size_t		len = strlen(parts[i]);

		if (n < bufsize)
			memcpy(buf + n, parts[i], n + len < bufsize ? len : bufsize - n - 1);
		n += len;
	}
	if (bufsize)
		buf[n < bufsize ? n : bufsize - 1] = '\0';
	return n;
}

/*
 * "<before><a><between><b><after>" into buf, the two coordinates in their
 * shortest form (sn_format_shortest), as join() writes.
 */
static size_t
put_coords(double a, double b, const char *before, const char *between, const char *after,
		   char *buf, size_t bufsize)
{
	char		ta[SN_GEOPOINT_COORD_MAX],
				tb[SN_GEOPOINT_COORD_MAX];
	const char *parts[5] = {before, ta, between, tb, after};

	sn_format_shortest(a, ta, sizeof(ta));
	sn_format_shortest(b, tb, sizeof(tb));
	return join(buf, bufsize, parts, 5);
}

size_t
sn_geopoint_format(const sn_geopoint *p, char *buf, size_t bufsize)
{
	return put_coords(fabs(p->lat), fabs(p->lon), "", p->lat < 0 ? "S " : "N ",
					  p->lon < 0 ? "W" : "E", buf, bufsize);
}

size_t
sn_geopoint_to_wkt(const sn_geopoint *p, char *buf, size_t bufsize)
{
	return put_coords(p->lon, p->lat, "POINT(", " ", ")", buf, bufsize);
}

size_t
sn_geopoint_to_geojson(const sn_geopoint *p, char *buf, size_t bufsize)
{
	return put_coords(p->lon, p->lat, "{\"type\":\"Point\",\"coordinates\":[", ",", "]}", buf, bufsize);
}

/* ------------------------------------------------------------------------
 * Comparison and geodesy
 */

int
sn_geopoint_cmp(const sn_geopoint *a, const sn_geopoint *b)
{
	if (a->lat != b->lat)
		return a->lat < b->lat ? -1 : 1;
	if (a->lon != b->lon)
		return a->lon < b->lon ? -1 : 1;
	return 0;
}

static const struct geod_geodesic *
wgs84(void)
{
	static struct geod_geodesic g;
	static bool done = false;

	if (!done)
	{
		geod_init(&g, SN_WGS84_A, SN_WGS84_F);
		done = true;
	}
	return &g;
}

double
sn_geopoint_distance(const sn_geopoint *a, const sn_geopoint *b)
{
	double		s12 = 0;

	if (a->lat == b->lat && a->lon == b->lon)
		return 0.0;
	geod_inverse(wgs84(), a->lat, a->lon, b->lat, b->lon, &s12, NULL, NULL);
	return s12;
}

bool
sn_geopoint_dwithin_ecef(const sn_geopoint *a, const double ea[3],
						 const sn_geopoint *b, const double eb[3], double radius)
{
	double		chord;

	if (radius < 0)
		return false;
	if (isinf(radius))
		return true;

	/*
	 * Decide from the straight-line distance when it is clear (see
	 * geopoint_index.h for the two bounds and their proofs); only near the
	 * boundary compute the geodesic.  The bounds carry a millimetre of slack,
	 * so they never contradict the computed geodesic.
	 */
	chord = sn_ecef_chord(ea, eb);
	if (sn_geodesic_lower_bound(chord) > radius)
		return false;
	if (sn_geodesic_upper_bound(chord) <= radius)
		return true;
	return sn_geopoint_distance(a, b) <= radius;
}

bool
sn_geopoint_dwithin(const sn_geopoint *a, const sn_geopoint *b, double radius)
{
	double		ea[3],
				eb[3];

	if (radius < 0)
		return false;
	if (isinf(radius))
		return true;
	sn_geopoint_ecef(a, ea);
	sn_geopoint_ecef(b, eb);
	return sn_geopoint_dwithin_ecef(a, ea, b, eb, radius);
}

/* ------------------------------------------------------------------------
 * Binary form (send/receive)
 */

static const char geopoint_layout[] =
	"A geopoint is sent as latitude and longitude, two 8-byte big-endian floats.";

size_t
sn_geopoint_encode(const sn_geopoint *p, unsigned char out[SN_GEOPOINT_BINARY_SIZE])
{
	sn_put_f64be(out, p->lat);
	sn_put_f64be(out + 8, p->lon);
	return SN_GEOPOINT_BINARY_SIZE;
}

bool
sn_geopoint_decode(const unsigned char *in, size_t len, sn_geopoint *out, sn_error *err)
{
	sn_error	inner;

	if (!sn_binary_check_length(err, "geopoint", geopoint_layout, len, SN_GEOPOINT_BINARY_SIZE, false))
		return false;
	if (!sn_geopoint_make(sn_get_f64be(in), sn_get_f64be(in + 8), out, &inner))
		return sn_binary_error_from(err, "geopoint", &inner);
	return true;
}
