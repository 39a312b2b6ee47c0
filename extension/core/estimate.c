/*
 * extension/core/estimate.c
 *
 * The estimate value: checking, canonical text in and out, the total order,
 * containment and arithmetic.  See estimate.h for the semantics.
 *
 * The text parser is a single hand-written pass over the bytes: text input is
 * on the path of every COPY, so it must cost no more than int8range's.
 */
#include "estimate.h"
#include "sn_binary.h"
#include "sn_text.h"

#include <string.h>

#define QUOTE_MAX 200

/* ------------------------------------------------------------------------
 * Building and checking
 * ------------------------------------------------------------------------ */

bool
sn_estimate_make(int64_t low, bool has_high, int64_t high,
				 bool has_best, int64_t best, bool approximate,
				 sn_estimate *out, sn_error *err)
{
	if (low < 0 || (has_high && high < 0) || (has_best && best < 0))
		return sn_error_set(err, SN_ERR_RANGE, -1,
							"an estimate cannot be negative");
	if (has_high && low > high)
	{
		sn_error_set(err, SN_ERR_INVALID_PARAMETER, -1,
					 "the lower bound of an estimate must not exceed its upper bound");
		sn_error_detail(err, "The lower bound is %lld and the upper bound %lld.",
						(long long) low, (long long) high);
		return false;
	}
	if (has_best && (best < low || (has_high && best > high)))
	{
		sn_error_set(err, SN_ERR_INVALID_PARAMETER, -1,
					 "the best value of an estimate must lie within its bounds");
		if (has_high)
			sn_error_detail(err, "The best value %lld is outside [%lld, %lld].",
							(long long) best, (long long) low, (long long) high);
		else
			sn_error_detail(err, "The best value %lld is below the lower bound %lld.",
							(long long) best, (long long) low);
		return false;
	}
	out->low = low;
	out->high = has_high ? high : SN_ESTIMATE_UNBOUNDED;
	out->best = has_best ? best : SN_ESTIMATE_NO_BEST;
	if (has_high && low == high)
		out->best = low;
	out->flags = approximate ? SN_ESTIMATE_APPROX : 0;
	if (low == 0 && !has_high && !has_best)
		out->flags = 0;
	return true;
}

bool
sn_estimate_is_valid(const sn_estimate *e)
{
	if (e->low < 0 || (e->flags & ~SN_ESTIMATE_APPROX) != 0)
		return false;
	if (e->high != SN_ESTIMATE_UNBOUNDED && (e->high < e->low))
		return false;
	if (e->best != SN_ESTIMATE_NO_BEST)
	{
		if (e->best < e->low)
			return false;
		if (e->high != SN_ESTIMATE_UNBOUNDED && e->best > e->high)
			return false;
	}
	if (e->high == e->low && e->best != e->low)
		return false;
	if (e->low == 0 && e->high == SN_ESTIMATE_UNBOUNDED &&
		e->best == SN_ESTIMATE_NO_BEST && e->flags != 0)
		return false;
	return true;
}

sn_estimate
sn_estimate_exact(int64_t n)
{
	sn_estimate e = {n, n, n, 0};

	return e;
}

sn_estimate
sn_estimate_unknown(void)
{
	sn_estimate e = {0, SN_ESTIMATE_UNBOUNDED, SN_ESTIMATE_NO_BEST, 0};

	return e;
}

/* ------------------------------------------------------------------------
 * Canonical text input
 * ------------------------------------------------------------------------ */

typedef struct parse_state
{
	const char *s;
	size_t		len;
	size_t		pos;
	sn_error   *err;
} parse_state;

static inline bool
is_ws(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static inline void
skip_ws(parse_state *ps)
{
	while (ps->pos < ps->len && is_ws(ps->s[ps->pos]))
		ps->pos++;
}

static bool
syntax_error(parse_state *ps, const char *what)
{
	char		q[QUOTE_MAX];

	sn_error_set(ps->err, SN_ERR_SYNTAX, (int) ps->pos,
				 "invalid input syntax for type estimate: \"%s\"",
				 sn_quote_input(q, sizeof(q), ps->s, ps->len));
	sn_error_detail(ps->err, "%s at character %zu.", what, sn_utf8_char_count(ps->s, ps->pos) + 1);
	sn_error_hint(ps->err, "Write a count (2400), ~1000, 700..1000, 700..850..1000, "
				  ">=2001, <=400 or ?; parse_estimate() reads phrases such as \"about 1,000\".");
	return false;
}

static bool
range_error(parse_state *ps, int position)
{
	char		q[QUOTE_MAX];

	sn_error_set(ps->err, SN_ERR_RANGE, position,
				 "value \"%s\" is out of range for type estimate",
				 sn_quote_input(q, sizeof(q), ps->s, ps->len));
	sn_error_detail(ps->err, "Counts lie between 0 and 9223372036854775807.");
	return false;
}

/*
 * Length of a thousands separator at p (0 if none): ',', ' ', U+00A0 or
 * U+202F (the no-break spaces French uses in "1 000").
 */
static inline size_t
separator_len(const char *p, size_t avail)
{
	unsigned char c = (unsigned char) p[0];

	if (c == ',' || c == ' ')
		return 1;
	if (c == 0xC2 && avail >= 2 && (unsigned char) p[1] == 0xA0)
		return 2;
	if (c == 0xE2 && avail >= 3 && (unsigned char) p[1] == 0x80 &&
		(unsigned char) p[2] == 0xAF)
		return 3;
	return 0;
}

static inline bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/*
 * A count: digits, optionally grouped by thousands.  Returns false with the
 * error set; *n receives the value.
 */
static bool
parse_count(parse_state *ps, int64_t *n)
{
	const char *s = ps->s;
	size_t		len = ps->len;
	size_t		p = ps->pos,
				start = p,
				first;
	uint64_t	v = 0;
	bool		overflow = false;

	if (p >= len || !is_digit(s[p]))
		return syntax_error(ps, "Expected a count");
	while (p < len && is_digit(s[p]))
	{
		unsigned	d = (unsigned) (s[p] - '0');

		if (v > (UINT64_C(9223372036854775807) - d) / 10)
			overflow = true;
		else
			v = v * 10 + d;
		p++;
	}
	first = p - start;

	/* thousands groups: only after a first group of one to three digits */
	if (first <= 3 && p < len)
	{
		size_t		sl = separator_len(s + p, len - p);

		if (sl > 0 && p + sl + 3 <= len && is_digit(s[p + sl]) &&
			is_digit(s[p + sl + 1]) && is_digit(s[p + sl + 2]) &&
			(p + sl + 3 == len || !is_digit(s[p + sl + 3])))
		{
			const char *sep = s + p;

			for (;;)
			{
				for (size_t k = 0; k < 3; k++)
				{
					unsigned	d = (unsigned) (s[p + sl + k] - '0');

					if (v > (UINT64_C(9223372036854775807) - d) / 10)
						overflow = true;
					else
						v = v * 10 + d;
				}
				p += sl + 3;
				/* the next group must use the same separator */
				if (p + sl + 3 <= len && memcmp(s + p, sep, sl) == 0 &&
					is_digit(s[p + sl]) && is_digit(s[p + sl + 1]) &&
					is_digit(s[p + sl + 2]) &&
					(p + sl + 3 == len || !is_digit(s[p + sl + 3])))
					continue;
				break;
			}
			/* a separator followed by digits that do not form a group */
			if (p < len && separator_len(s + p, len - p) > 0 && s[p] != ' ')
			{
				size_t		sl2 = separator_len(s + p, len - p);

				if (p + sl2 < len && is_digit(s[p + sl2]))
				{
					ps->pos = p;
					return syntax_error(ps, "Digits in groups of three expected after a thousands separator");
				}
			}
		}
	}
	if (p < len && s[p] == ',' && p + 1 < len && is_digit(s[p + 1]))
	{
		ps->pos = p;
		return syntax_error(ps, "Digits in groups of three expected after a thousands separator");
	}
	if (overflow)
		return range_error(ps, (int) start);
	ps->pos = p;
	*n = (int64_t) v;
	return true;
}

static inline bool
at_dotdot(const parse_state *ps)
{
	return ps->pos + 1 < ps->len && ps->s[ps->pos] == '.' && ps->s[ps->pos + 1] == '.';
}

static bool
finish(parse_state *ps)
{
	skip_ws(ps);
	if (ps->pos != ps->len)
		return syntax_error(ps, "Unexpected text");
	return true;
}

static bool
order_error(parse_state *ps, sn_error *inner)
{
	char		q[QUOTE_MAX];
	char		detail[SN_ERROR_MESSAGE_LEN];

	memcpy(detail, inner->detail, sizeof(detail));
	sn_error_set(ps->err, SN_ERR_SYNTAX, -1,
				 "invalid input syntax for type estimate: \"%s\"",
				 sn_quote_input(q, sizeof(q), ps->s, ps->len));
	sn_error_detail(ps->err, "%s", detail);
	sn_error_hint(ps->err, "Write low..high or low..best..high with low <= best <= high.");
	return false;
}

bool
sn_estimate_parse(const char *s, size_t len, sn_estimate *out, sn_error *err)
{
	parse_state ps = {s, len, 0, err};
	bool		approx = false;
	int64_t		a,
				b,
				c;
	sn_error	inner;

	skip_ws(&ps);
	if (ps.pos >= len)
		return syntax_error(&ps, "Expected an estimate");

	if (s[ps.pos] == '?')
	{
		ps.pos++;
		if (!finish(&ps))
			return false;
		*out = sn_estimate_unknown();
		return true;
	}
	if (s[ps.pos] == '~')
	{
		approx = true;
		ps.pos++;
		skip_ws(&ps);
		if (ps.pos >= len)
			return syntax_error(&ps, "Expected a count after \"~\"");
	}

	/* one-sided: >=N, >N, <=N, <N, ..N */
	if (s[ps.pos] == '>' || s[ps.pos] == '<')
	{
		bool		greater = s[ps.pos] == '>';
		bool		or_equal = false;
		int			numpos;

		ps.pos++;
		if (ps.pos < len && s[ps.pos] == '=')
		{
			or_equal = true;
			ps.pos++;
		}
		skip_ws(&ps);
		numpos = (int) ps.pos;
		if (!parse_count(&ps, &a) || !finish(&ps))
			return false;
		if (!or_equal)
		{
			if (greater)
			{
				if (a == SN_ESTIMATE_MAX)
					return range_error(&ps, numpos);
				a++;
			}
			else
			{
				if (a == 0)
					return range_error(&ps, numpos);
				a--;
			}
		}
		if (greater)
			return sn_estimate_make(a, false, 0, false, 0, approx, out, err);
		return sn_estimate_make(0, true, a, false, 0, approx, out, err);
	}
	if (at_dotdot(&ps))
	{
		ps.pos += 2;
		skip_ws(&ps);
		if (!parse_count(&ps, &a) || !finish(&ps))
			return false;
		return sn_estimate_make(0, true, a, false, 0, approx, out, err);
	}

	if (!parse_count(&ps, &a))
		return false;
	skip_ws(&ps);
	if (ps.pos == len)
	{
		out->low = out->high = out->best = a;
		out->flags = approx ? SN_ESTIMATE_APPROX : 0;
		return true;
	}
	if (!at_dotdot(&ps))
		return syntax_error(&ps, "Expected \"..\" or the end of the estimate");
	ps.pos += 2;
	skip_ws(&ps);
	if (ps.pos == len)			/* A.. */
		return sn_estimate_make(a, false, 0, false, 0, approx, out, err);
	if (!parse_count(&ps, &b))
		return false;
	skip_ws(&ps);
	if (ps.pos == len)			/* A..B */
	{
		if (!sn_estimate_make(a, true, b, false, 0, approx, out, &inner))
			return order_error(&ps, &inner);
		return true;
	}
	if (!at_dotdot(&ps))
		return syntax_error(&ps, "Expected \"..\" or the end of the estimate");
	ps.pos += 2;
	skip_ws(&ps);
	if (ps.pos == len)			/* A..BEST.. */
	{
		if (!sn_estimate_make(a, false, 0, true, b, approx, out, &inner))
			return order_error(&ps, &inner);
		return true;
	}
	if (!parse_count(&ps, &c) || !finish(&ps))
		return false;
	if (!sn_estimate_make(a, true, c, true, b, approx, out, &inner))
		return order_error(&ps, &inner);
	return true;
}

/* ------------------------------------------------------------------------
 * Canonical text output
 * ------------------------------------------------------------------------ */

static inline char *
put_count(char *p, int64_t n)
{
	char		tmp[20];
	int			k = 0;
	uint64_t	v = (uint64_t) n;

	do
	{
		tmp[k++] = (char) ('0' + v % 10);
		v /= 10;
	} while (v != 0);
	while (k > 0)
		*p++ = tmp[--k];
	return p;
}

size_t
sn_estimate_format(const sn_estimate *e, char *buf)
{
	char	   *p = buf;

	if (e->low == 0 && e->high == SN_ESTIMATE_UNBOUNDED && e->best == SN_ESTIMATE_NO_BEST)
	{
		buf[0] = '?';
		buf[1] = '\0';
		return 1;
	}
	if (sn_estimate_is_approx(e))
		*p++ = '~';
	if (e->low == e->high)
		p = put_count(p, e->low);
	else if (e->high == SN_ESTIMATE_UNBOUNDED)
	{
		if (e->best == SN_ESTIMATE_NO_BEST)
		{
			*p++ = '>';
			*p++ = '=';
			p = put_count(p, e->low);
		}
		else
		{
			p = put_count(p, e->low);
			*p++ = '.';
			*p++ = '.';
			p = put_count(p, e->best);
			*p++ = '.';
			*p++ = '.';
		}
	}
	else if (e->low == 0 && e->best == SN_ESTIMATE_NO_BEST)
	{
		*p++ = '<';
		*p++ = '=';
		p = put_count(p, e->high);
	}
	else
	{
		p = put_count(p, e->low);
		*p++ = '.';
		*p++ = '.';
		if (e->best != SN_ESTIMATE_NO_BEST)
		{
			p = put_count(p, e->best);
			*p++ = '.';
			*p++ = '.';
		}
		p = put_count(p, e->high);
	}
	*p = '\0';
	return (size_t) (p - buf);
}

/* ------------------------------------------------------------------------
 * Order
 * ------------------------------------------------------------------------ */

int
sn_estimate_packed_cmp(const sn_estimate_packed *a, const sn_estimate_packed *b)
{
	const uint64_t mask = ~(UINT64_C(1) << 63);
	uint64_t	la = a->w[0] & mask,
				lb = b->w[0] & mask;

	if (la != lb)
		return la < lb ? -1 : 1;
	/* unbounded and "no best" are all ones: they sort last as unsigned */
	if (a->w[1] != b->w[1])
		return a->w[1] < b->w[1] ? -1 : 1;
	if (a->w[2] != b->w[2])
		return a->w[2] < b->w[2] ? -1 : 1;
	if ((a->w[0] >> 63) != (b->w[0] >> 63))
		return (a->w[0] >> 63) ? 1 : -1;
	return 0;
}

int
sn_estimate_cmp(const sn_estimate *a, const sn_estimate *b)
{
	sn_estimate_packed pa,
				pb;

	sn_estimate_pack(a, &pa);
	sn_estimate_pack(b, &pb);
	return sn_estimate_packed_cmp(&pa, &pb);
}

/* ------------------------------------------------------------------------
 * Values, containment, arithmetic
 * ------------------------------------------------------------------------ */

bool
sn_estimate_best(const sn_estimate *e, int64_t *best)
{
	if (e->best != SN_ESTIMATE_NO_BEST)
	{
		*best = e->best;
		return true;
	}
	if (e->high == SN_ESTIMATE_UNBOUNDED)
		return false;
	/* midpoint rounded half up, without overflow: high - low + 1 <= 2^63 */
	*best = e->low + (int64_t) (((uint64_t) (e->high - e->low) + 1) / 2);
	return true;
}

bool
sn_estimate_contains_value(const sn_estimate *a, int64_t n)
{
	return n >= a->low && (uint64_t) n <= (uint64_t) a->high;
}

bool
sn_estimate_contains(const sn_estimate *a, const sn_estimate *b)
{
	return b->low >= a->low && (uint64_t) b->high <= (uint64_t) a->high;
}

bool
sn_estimate_overlaps(const sn_estimate *a, const sn_estimate *b)
{
	return (uint64_t) a->low <= (uint64_t) b->high &&
		(uint64_t) b->low <= (uint64_t) a->high;
}

static bool
overflow_error(sn_error *err, const char *op)
{
	sn_error_set(err, SN_ERR_RANGE, -1, "estimate out of range");
	sn_error_detail(err, "The %s passes 9223372036854775807.", op);
	return false;
}

bool
sn_estimate_add(const sn_estimate *a, const sn_estimate *b, sn_estimate *out,
				sn_error *err)
{
	int64_t		low,
				high,
				best;

	if (__builtin_add_overflow(a->low, b->low, &low))
		return overflow_error(err, "sum");
	if (a->high == SN_ESTIMATE_UNBOUNDED || b->high == SN_ESTIMATE_UNBOUNDED)
		high = SN_ESTIMATE_UNBOUNDED;
	else if (__builtin_add_overflow(a->high, b->high, &high))
		return overflow_error(err, "sum");
	if (a->best == SN_ESTIMATE_NO_BEST || b->best == SN_ESTIMATE_NO_BEST)
		best = SN_ESTIMATE_NO_BEST;
	else if (__builtin_add_overflow(a->best, b->best, &best))
		return overflow_error(err, "sum");
	out->low = low;
	out->high = high;
	out->best = (high == low) ? low : best;
	out->flags = (a->flags | b->flags) & SN_ESTIMATE_APPROX;
	if (low == 0 && high == SN_ESTIMATE_UNBOUNDED && out->best == SN_ESTIMATE_NO_BEST)
		out->flags = 0;
	return true;
}

bool
sn_estimate_mul(const sn_estimate *a, int64_t k, sn_estimate *out, sn_error *err)
{
	if (k < 0)
	{
		sn_error_set(err, SN_ERR_INVALID_PARAMETER, -1,
					 "an estimate cannot be multiplied by a negative number");
		sn_error_detail(err, "The factor is %lld.", (long long) k);
		return false;
	}
	if (k == 0)
	{
		*out = sn_estimate_exact(0);
		return true;
	}
	if (__builtin_mul_overflow(a->low, k, &out->low))
		return overflow_error(err, "product");
	if (a->high == SN_ESTIMATE_UNBOUNDED)
		out->high = SN_ESTIMATE_UNBOUNDED;
	else if (__builtin_mul_overflow(a->high, k, &out->high))
		return overflow_error(err, "product");
	if (a->best == SN_ESTIMATE_NO_BEST)
		out->best = SN_ESTIMATE_NO_BEST;
	else if (__builtin_mul_overflow(a->best, k, &out->best))
		return overflow_error(err, "product");
	out->flags = a->flags;
	return true;
}

void
sn_estimate_hash_image(const sn_estimate *e, unsigned char image[24])
{
	sn_estimate_packed p;

	sn_estimate_pack(e, &p);
	for (int w = 0; w < 3; w++)
		for (int k = 0; k < 8; k++)
			image[w * 8 + k] = (unsigned char) (p.w[w] >> (56 - 8 * k));
}

/* ------------------------------------------------------------------------
 * Binary form (send/receive)
 * ------------------------------------------------------------------------ */

#define EB_APPROX	0x01
#define EB_BOUNDED	0x02
#define EB_BEST		0x04

static const char estimate_layout[] =
	"An estimate is sent as a version byte (1), a flags byte (1 approximate, 2 bounded, "
	"4 with a best value), then low, high and best as 8-byte big-endian integers, 0 when absent.";

size_t
sn_estimate_encode(const sn_estimate *e, unsigned char out[SN_ESTIMATE_BINARY_SIZE])
{
	int			flags = 0;

	if (sn_estimate_is_approx(e))
		flags |= EB_APPROX;
	if (sn_estimate_is_bounded(e))
		flags |= EB_BOUNDED;
	if (sn_estimate_has_best(e))
		flags |= EB_BEST;
	out[0] = SN_ESTIMATE_BINARY_VERSION;
	out[1] = (unsigned char) flags;
	sn_put_u64be(out + 2, (uint64_t) e->low);
	sn_put_u64be(out + 10, sn_estimate_is_bounded(e) ? (uint64_t) e->high : 0);
	sn_put_u64be(out + 18, sn_estimate_has_best(e) ? (uint64_t) e->best : 0);
	return SN_ESTIMATE_BINARY_SIZE;
}

bool
sn_estimate_decode(const unsigned char *in, size_t len, sn_estimate *out, sn_error *err)
{
	int			flags;
	int64_t		low,
				high,
				best;
	sn_error	inner;

	if (!sn_binary_check_length(err, "estimate", estimate_layout, len, SN_ESTIMATE_BINARY_SIZE, false) ||
		!sn_binary_check_version(err, "estimate", estimate_layout, in[0], SN_ESTIMATE_BINARY_VERSION))
		return false;
	flags = in[1];
	low = (int64_t) sn_get_u64be(in + 2);
	high = (int64_t) sn_get_u64be(in + 10);
	best = (int64_t) sn_get_u64be(in + 18);
	if ((flags & ~(EB_APPROX | EB_BOUNDED | EB_BEST)) != 0)
		return sn_binary_error(err, "estimate", estimate_layout, "unknown flag bits 0x%02x", flags);
	if ((!(flags & EB_BOUNDED) && high != 0) || (!(flags & EB_BEST) && best != 0))
		return sn_binary_error(err, "estimate", estimate_layout,
							   "an absent bound or best value is not zero");
	if (!sn_estimate_make(low, (flags & EB_BOUNDED) != 0, high, (flags & EB_BEST) != 0, best,
						  (flags & EB_APPROX) != 0, out, &inner))
		return sn_binary_error_from(err, "estimate", &inner);
	return true;
}
