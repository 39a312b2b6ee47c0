/*
 * extension/core/geopoint_index.c
 *
 * ECEF boxes and geodesic bounds for the geopoint GiST index; the reasoning
 * is in geopoint_index.h.
 */
#include "geopoint_index.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sn_sort.h"

#define DEG2RAD (M_PI / 180.0)

void
sn_geopoint_ecef(const sn_geopoint *p, double xyz[3])
{
	const double e2 = SN_WGS84_F * (2.0 - SN_WGS84_F);
	double		phi = p->lat * DEG2RAD,
				lam = p->lon * DEG2RAD;
	double		sphi = sin(phi),
				cphi = cos(phi),
				slam = sin(lam),
				clam = cos(lam);
	double		n = SN_WGS84_A / sqrt(1.0 - e2 * sphi * sphi);

	xyz[0] = n * cphi * clam;
	xyz[1] = n * cphi * slam;
	xyz[2] = n * (1.0 - e2) * sphi;
}

double
sn_ecef_chord(const double a[3], const double b[3])
{
	double		dx = a[0] - b[0],
				dy = a[1] - b[1],
				dz = a[2] - b[2];

	return sqrt(dx * dx + dy * dy + dz * dz);
}

double
sn_geodesic_lower_bound(double chord)
{
	double		lb = chord - SN_GEO_SLACK;

	return lb > 0 ? lb : 0;
}

double
sn_geodesic_upper_bound(double chord)
{
	double		c = chord * (1.0 + 1e-12) + 1e-6;

	if (!(c <= SN_GEO_RHO_MIN / 2))
		return INFINITY;
	return 2.0 * SN_GEO_RHO_MIN * asin(c / (2.0 * SN_GEO_RHO_MIN)) * (1.0 + 1e-12) + SN_GEO_SLACK;
}

static inline float
round_down(double x)
{
	float		f = (float) x;

	return (double) f > x ? nextafterf(f, -INFINITY) : f;
}

static inline float
round_up(double x)
{
	float		f = (float) x;

	return (double) f < x ? nextafterf(f, INFINITY) : f;
}

void
sn_geobox_from_ecef(const double xyz[3], sn_geobox *box)
{
	for (int i = 0; i < 3; i++)
	{
		box->lo[i] = round_down(xyz[i]);
		box->hi[i] = round_up(xyz[i]);
	}
}

void
sn_geobox_from_point(const sn_geopoint *p, sn_geobox *box)
{
	double		xyz[3];

	sn_geopoint_ecef(p, xyz);
	sn_geobox_from_ecef(xyz, box);
}

void
sn_geobox_union(sn_geobox *acc, const sn_geobox *b)
{
	for (int i = 0; i < 3; i++)
	{
		if (b->lo[i] < acc->lo[i])
			acc->lo[i] = b->lo[i];
		if (b->hi[i] > acc->hi[i])
			acc->hi[i] = b->hi[i];
	}
}

bool
sn_geobox_equal(const sn_geobox *a, const sn_geobox *b)
{
	for (int i = 0; i < 3; i++)
		if (a->lo[i] != b->lo[i] || a->hi[i] != b->hi[i])
			return false;
	return true;
}

double
sn_geobox_min_chord(const sn_geobox *b, const double q[3])
{
	double		sum = 0;

	for (int i = 0; i < 3; i++)
	{
		double		d = 0;

		if (q[i] < b->lo[i])
			d = (double) b->lo[i] - q[i];
		else if (q[i] > b->hi[i])
			d = q[i] - (double) b->hi[i];
		sum += d * d;
	}
	return sqrt(sum);
}

double
sn_geobox_max_chord(const sn_geobox *b, const double q[3])
{
	double		sum = 0;

	for (int i = 0; i < 3; i++)
	{
		double		d1 = fabs(q[i] - (double) b->lo[i]),
					d2 = fabs(q[i] - (double) b->hi[i]);
		double		d = d1 > d2 ? d1 : d2;

		sum += d * d;
	}
	return sqrt(sum);
}

double
sn_geobox_distance_lower_bound(const sn_geobox *b, const double q[3])
{
	return sn_geodesic_lower_bound(sn_geobox_min_chord(b, q));
}

double
sn_geobox_distance_upper_bound(const sn_geobox *b, const double q[3])
{
	return sn_geodesic_upper_bound(sn_geobox_max_chord(b, q));
}

static double
margin(const sn_geobox *b)
{
	return ((double) b->hi[0] - b->lo[0]) + ((double) b->hi[1] - b->lo[1]) +
		((double) b->hi[2] - b->lo[2]);
}

float
sn_geobox_penalty(const sn_geobox *orig, const sn_geobox *add)
{
	sn_geobox	u = *orig;

	sn_geobox_union(&u, add);
	return (float) (margin(&u) - margin(orig));
}

/* ------------------------------------------------------------------------
 * Picksplit
 */

size_t
sn_geobox_split_work_size(void)
{
	/* sorted items, then prefix and suffix union boxes */
	return sizeof(sn_sort_item) + 2 * sizeof(sn_geobox);
}

static double
overlap_volume(const sn_geobox *a, const sn_geobox *b)
{
	double		v = 1.0;

	for (int i = 0; i < 3; i++)
	{
		double		lo = a->lo[i] > b->lo[i] ? a->lo[i] : b->lo[i];
		double		hi = a->hi[i] < b->hi[i] ? a->hi[i] : b->hi[i];

		if (hi < lo)
			return 0.0;
		v *= hi - lo;
	}
	return v;
}

/* The boxes' indexes into items, in the order of their centres on axis. */
static void
sort_on_axis(const sn_geobox *boxes, int n, int axis, sn_sort_item *items)
{
	for (int i = 0; i < n; i++)
	{
		items[i].key = ((double) boxes[i].lo[axis] + boxes[i].hi[axis]) / 2;
		items[i].tie = 0;
		items[i].index = i;
	}
	sn_sort_items(items, n);
}

void
sn_geobox_picksplit(const sn_geobox *boxes, int n, bool *left, void *work)
{
	sn_sort_item *items = work;
	sn_geobox  *prefix = (sn_geobox *) (items + n);
	sn_geobox  *suffix = prefix + n;
	int			min_group = (int) ceil(n * 0.3);
	int			best_axis = -1,
				best_k = 0;
	double		best_overlap = 0,
				best_margin = 0;
	int			best_balance = 0;

	if (min_group < 1)
		min_group = 1;
	if (n - min_group < min_group)
		min_group = n / 2;

	for (int axis = 0; axis < 3; axis++)
	{
		sort_on_axis(boxes, n, axis, items);
		prefix[0] = boxes[items[0].index];
		for (int i = 1; i < n; i++)
		{
			prefix[i] = prefix[i - 1];
			sn_geobox_union(&prefix[i], &boxes[items[i].index]);
		}
		suffix[n - 1] = boxes[items[n - 1].index];
		for (int i = n - 2; i >= 0; i--)
		{
			suffix[i] = suffix[i + 1];
			sn_geobox_union(&suffix[i], &boxes[items[i].index]);
		}
		/* cut k: items[0..k-1] left, items[k..n-1] right */
		for (int k = min_group; k <= n - min_group; k++)
		{
			double		ov = overlap_volume(&prefix[k - 1], &suffix[k]);
			double		mg = margin(&prefix[k - 1]) + margin(&suffix[k]);
			int			bal = abs(n - 2 * k);

			if (best_axis < 0 || ov < best_overlap ||
				(ov == best_overlap && (mg < best_margin ||
										(mg == best_margin && bal < best_balance))))
			{
				best_axis = axis;
				best_k = k;
				best_overlap = ov;
				best_margin = mg;
				best_balance = bal;
			}
		}
	}

	/* redo the winning sort and assign */
	sort_on_axis(boxes, n, best_axis, items);
	for (int i = 0; i < n; i++)
		left[items[i].index] = i < best_k;
}

/* ------------------------------------------------------------------------
 * Hilbert order for the sorted build
 *
 * Skilling's method ("Programming the Hilbert curve", AIP Conf. Proc. 707,
 * 2004): turn the coordinates into the "transposed" Hilbert index by undoing
 * the curve's reflections and exchanges level by level, Gray-encode, then
 * interleave the bits, most significant first.
 */
uint64_t
sn_hilbert3(uint32_t x, uint32_t y, uint32_t z, int bits)
{
	uint32_t	v[3] = {x, y, z};
	uint32_t	top = 1u << (bits - 1);
	uint32_t	t = 0;
	uint64_t	key = 0;

	for (uint32_t q = top; q > 1; q >>= 1)
	{
		uint32_t	p = q - 1;

		for (int i = 0; i < 3; i++)
		{
			if (v[i] & q)
				v[0] ^= p;		/* invert the low bits */
			else
			{
				uint32_t	swap = (v[0] ^ v[i]) & p;	/* exchange */

				v[0] ^= swap;
				v[i] ^= swap;
			}
		}
	}
	v[1] ^= v[0];
	v[2] ^= v[1];
	for (uint32_t q = top; q > 1; q >>= 1)
		if (v[2] & q)
			t ^= q - 1;
	for (int i = 0; i < 3; i++)
		v[i] ^= t;
	for (int b = bits - 1; b >= 0; b--)
		for (int i = 0; i < 3; i++)
			key = (key << 1) | ((v[i] >> b) & 1);
	return key;
}

uint64_t
sn_geobox_sort_key(const sn_geobox *b)
{
	const int	bits = 21;
	const double half = 6400000.0;	/* the earth fits in [-half, half]^3 */
	const double cells = (double) (1u << bits);
	uint32_t	c[3];

	for (int i = 0; i < 3; i++)
	{
		double		mid = ((double) b->lo[i] + b->hi[i]) / 2;
		double		f = (mid + half) / (2 * half) * cells;

		if (!(f >= 0))
			f = 0;				/* also NaN, which a valid key never has */
		if (f > cells - 1)
			f = cells - 1;
		c[i] = (uint32_t) f;
	}
	return sn_hilbert3(c[0], c[1], c[2], bits);
}
