/*
 * tests/unit/test_geopoint_index.c — the GiST key maths of geopoint.
 *
 * The property that makes KNN and radius search correct: for every box and
 * every point it covers, the lower bound from the box never exceeds the
 * geodesic distance from the query (and the upper bound is never below it).
 * Checked over random clusters everywhere on the globe, with extra weight on
 * the antimeridian, the poles and antipodal queries.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "geopoint.h"
#include "geopoint_index.h"

static uint64_t rng = 42;

static double
uniform(void)
{
	rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
	return (double) (rng >> 11) * 0x1p-53;
}

static sn_geopoint
pt(double lat, double lon)
{
	sn_geopoint p;
	sn_error	err;

	if (lat > 90)
		lat = 90;
	if (lat < -90)
		lat = -90;
	if (lon > 180)
		lon -= 360;
	if (lon < -180)
		lon += 360;
	if (!sn_geopoint_make(lat, lon, &p, &err))
		fail_msg("%s", err.message);
	return p;
}

/* A centre: anywhere, or on the antimeridian, or at a pole. */
static sn_geopoint
random_centre(int kind)
{
	switch (kind % 4)
	{
		case 0:
			return pt(asin(2 * uniform() - 1) * 180 / M_PI, uniform() * 360 - 180);
		case 1:
			return pt(uniform() * 160 - 80, uniform() < 0.5 ? 180 - uniform() * 0.01 : -180 + uniform() * 0.01);
		case 2:
			return pt(uniform() < 0.5 ? 90 - uniform() * 0.01 : -90 + uniform() * 0.01, uniform() * 360 - 180);
		default:
			return pt(uniform() * 30 + 4, uniform() * 34 - 18);	/* West Africa */
	}
}

static void
lower_and_upper_bounds_hold_for_random_boxes(void **state)
{
	long		checked = 0;

	for (int trial = 0; trial < 4000; trial++)
	{
		sn_geopoint centre = random_centre(trial);
		double		spread = pow(10, uniform() * 5 - 4);	/* 0.0001 to 10 degrees */
		sn_geopoint pts[40];
		int			n = 1 + (int) (uniform() * 40);
		sn_geobox	box;
		sn_geopoint q;
		double		qe[3],
					lb,
					ub;

		for (int i = 0; i < n; i++)
		{
			pts[i] = pt(centre.lat + (uniform() - 0.5) * spread,
						centre.lon + (uniform() - 0.5) * spread);
			if (i == 0)
				sn_geobox_from_point(&pts[i], &box);
			else
			{
				sn_geobox	b;

				sn_geobox_from_point(&pts[i], &b);
				sn_geobox_union(&box, &b);
			}
		}
		/* query: inside the cluster, near it, anywhere, or antipodal */
		switch (trial % 5)
		{
			case 0:
				q = pts[0];
				break;
			case 1:
				q = pt(centre.lat + (uniform() - 0.5) * spread * 3,
					   centre.lon + (uniform() - 0.5) * spread * 3);
				break;
			case 2:
				q = pt(-centre.lat + (uniform() - 0.5) * 0.01, centre.lon + 180 + (uniform() - 0.5) * 0.01);
				break;
			default:
				q = random_centre(trial / 5);
		}
		sn_geopoint_ecef(&q, qe);
		lb = sn_geobox_distance_lower_bound(&box, qe);
		ub = sn_geobox_distance_upper_bound(&box, qe);
		for (int i = 0; i < n; i++)
		{
			double		d = sn_geopoint_distance(&q, &pts[i]);

			if (lb > d)
				fail_msg("lower bound %.9f exceeds geodesic %.9f (query %.17g %.17g, point %.17g %.17g)",
						 lb, d, q.lat, q.lon, pts[i].lat, pts[i].lon);
			if (ub < d)
				fail_msg("upper bound %.9f below geodesic %.9f (query %.17g %.17g, point %.17g %.17g)",
						 ub, d, q.lat, q.lon, pts[i].lat, pts[i].lon);
			checked++;
		}
	}
	assert_true(checked > 50000);
}

/*
 * The bounds are tight enough to be useful: the chord falls short of the
 * geodesic by about s^3 / (24 R^2), 0.2 m at 60 km.
 */
static void
bounds_are_tight(void **state)
{
	for (int i = 0; i < 20000; i++)
	{
		sn_geopoint a = random_centre(i),
					b;
		double		ea[3],
					eb[3],
					c,
					d;

		b = pt(a.lat + (uniform() - 0.5) * 0.8, a.lon + (uniform() - 0.5) * 0.8);
		sn_geopoint_ecef(&a, ea);
		sn_geopoint_ecef(&b, eb);
		c = sn_ecef_chord(ea, eb);
		d = sn_geopoint_distance(&a, &b);
		assert_true(sn_geodesic_lower_bound(c) <= d);
		assert_true(sn_geodesic_upper_bound(c) >= d);
		if (d < 60000)
		{
			assert_true(d - sn_geodesic_lower_bound(c) < 0.3);
			assert_true(sn_geodesic_upper_bound(c) - d < 0.3);
		}
	}
}

/* Pairs at every distance, up to antipodal: the scalar bounds hold. */
static void
bounds_hold_for_random_pairs(void **state)
{
	for (int i = 0; i < 100000; i++)
	{
		sn_geopoint a = random_centre(i),
					b = random_centre(i / 4 + 1);
		double		ea[3],
					eb[3],
					c,
					d;

		if (i % 3 == 0)
			b = pt(-a.lat + (uniform() - 0.5) * 1e-3, a.lon + 180 + (uniform() - 0.5) * 1e-3);
		sn_geopoint_ecef(&a, ea);
		sn_geopoint_ecef(&b, eb);
		c = sn_ecef_chord(ea, eb);
		d = sn_geopoint_distance(&a, &b);
		if (sn_geodesic_lower_bound(c) > d || sn_geodesic_upper_bound(c) < d)
			fail_msg("%.17g %.17g to %.17g %.17g: chord %.9f geodesic %.9f", a.lat, a.lon, b.lat, b.lon, c, d);
	}
	/* the upper bound gives up beyond rho_min / 2 */
	assert_true(isinf(sn_geodesic_upper_bound(SN_GEO_RHO_MIN)));
}

static void
antimeridian_and_pole_boxes_are_small(void **state)
{
	sn_geobox	box,
				b;
	sn_geopoint east = pt(10, 179.999),
				west = pt(10, -179.999),
				q = pt(10, 180);
	double		qe[3];

	/* across longitude 180 the box spans metres, not the globe */
	sn_geobox_from_point(&east, &box);
	sn_geobox_from_point(&west, &b);
	sn_geobox_union(&box, &b);
	for (int i = 0; i < 3; i++)
		assert_true(box.hi[i] - box.lo[i] < 250);
	sn_geopoint_ecef(&q, qe);
	assert_true(sn_geobox_distance_lower_bound(&box, qe) == 0);

	/* around the pole: points at every longitude fit a small box */
	sn_geopoint p0 = pt(89.999, 0);

	sn_geobox_from_point(&p0, &box);
	for (int lon = -170; lon <= 180; lon += 10)
	{
		sn_geopoint p = pt(89.999, lon);

		sn_geobox_from_point(&p, &b);
		sn_geobox_union(&box, &b);
	}
	for (int i = 0; i < 3; i++)
		assert_true(box.hi[i] - box.lo[i] < 250);
	q = pt(90, 0);
	sn_geopoint_ecef(&q, qe);
	assert_true(sn_geobox_distance_lower_bound(&box, qe) == 0);
	/* the South Pole is far from it */
	q = pt(-90, 0);
	sn_geopoint_ecef(&q, qe);
	assert_true(sn_geobox_distance_lower_bound(&box, qe) > 12.7e6);
}

static void
point_boxes_contain_their_point(void **state)
{
	for (int i = 0; i < 20000; i++)
	{
		sn_geopoint p = random_centre(i);
		sn_geobox	b;
		double		e[3];

		sn_geopoint_ecef(&p, e);
		sn_geobox_from_ecef(e, &b);
		for (int k = 0; k < 3; k++)
		{
			assert_true((double) b.lo[k] <= e[k]);
			assert_true((double) b.hi[k] >= e[k]);
		}
		assert_true(sn_geobox_min_chord(&b, e) == 0);
		assert_true(sn_geobox_max_chord(&b, e) < 2.0);
	}
}

static void
penalty_prefers_the_box_that_grows_least(void **state)
{
	sn_geobox	a,
				b,
				n;
	sn_geopoint p;

	p = pt(12, -8);
	sn_geobox_from_point(&p, &a);
	p = pt(12.5, -7.5);
	sn_geobox_from_point(&p, &n);
	sn_geobox_union(&a, &n);
	p = pt(40, 100);
	sn_geobox_from_point(&p, &b);
	p = pt(12.2, -7.8);
	sn_geobox_from_point(&p, &n);
	assert_true(sn_geobox_penalty(&a, &n) == 0);
	assert_true(sn_geobox_penalty(&b, &n) > 0);
	p = pt(13, -8);
	sn_geobox_from_point(&p, &n);
	assert_true(sn_geobox_penalty(&a, &n) < sn_geobox_penalty(&b, &n));
}

static void
picksplit_separates_clusters_and_balances(void **state)
{
	enum
	{
	N = 200};
	sn_geobox	boxes[N];
	bool		left[N];
	void	   *work = malloc(N * sn_geobox_split_work_size());
	int			nleft = 0;

	/* two clusters: Bamako and Niamey */
	for (int i = 0; i < N; i++)
	{
		sn_geopoint p = i < 80 ? pt(12.6 + uniform() * 0.1, -8 + uniform() * 0.1)
			: pt(13.5 + uniform() * 0.1, 2.1 + uniform() * 0.1);

		sn_geobox_from_point(&p, &boxes[i]);
	}
	sn_geobox_picksplit(boxes, N, left, work);
	for (int i = 0; i < N; i++)
		nleft += left[i];
	assert_true(nleft >= 60 && nleft <= 140);
	for (int i = 1; i < 80; i++)
		assert_int_equal(left[i], left[0]);
	for (int i = 81; i < N; i++)
		assert_int_equal(left[i], left[80]);
	assert_int_not_equal(left[0], left[80]);

	/* identical boxes still split in two halves */
	for (int i = 0; i < N; i++)
		boxes[i] = boxes[0];
	sn_geobox_picksplit(boxes, N, left, work);
	nleft = 0;
	for (int i = 0; i < N; i++)
		nleft += left[i];
	assert_int_equal(nleft, N / 2);

	/* two entries: one each side */
	sn_geobox_picksplit(boxes, 2, left, work);
	assert_int_equal(left[0] + left[1], 1);
	free(work);
}

/* Consecutive cells along the curve are neighbours, and every cell is visited once. */
static void
hilbert_curve_is_continuous(void **state)
{
	for (int bits = 1; bits <= 4; bits++)
	{
		int			side = 1 << bits,
					n = side * side * side;
		int		   *cell_of = malloc(sizeof(int) * n);

		for (int i = 0; i < n; i++)
			cell_of[i] = -1;
		for (int x = 0; x < side; x++)
			for (int y = 0; y < side; y++)
				for (int z = 0; z < side; z++)
				{
					uint64_t	k = sn_hilbert3(x, y, z, bits);

					assert_true(k < (uint64_t) n);
					assert_int_equal(cell_of[k], -1);
					cell_of[k] = (x * side + y) * side + z;
				}
		for (int k = 1; k < n; k++)
		{
			int			a = cell_of[k - 1],
						b = cell_of[k];
			int			d = abs(a / (side * side) - b / (side * side)) +
				abs((a / side) % side - (b / side) % side) + abs(a % side - b % side);

			if (d != 1)
				fail_msg("bits %d: keys %d and %d are %d cells apart", bits, k - 1, k, d);
		}
		free(cell_of);
	}
	/* 21 bits per axis fill 63 bits */
	assert_true(sn_hilbert3(0x1FFFFF, 0, 0, 21) < (1ULL << 63));
}

static void
sort_key_keeps_neighbours_close(void **state)
{
	sn_geobox	a,
				b,
				c;
	sn_geopoint p = pt(12.6392, -8.0029),
				q = pt(12.6393, -8.0029),
				r = pt(-12.6392, 171.9971);

	sn_geobox_from_point(&p, &a);
	sn_geobox_from_point(&q, &b);
	sn_geobox_from_point(&r, &c);
	assert_true(sn_geobox_sort_key(&a) == sn_geobox_sort_key(&a));
	assert_true(sn_geobox_sort_key(&a) != sn_geobox_sort_key(&c));
	/* the poles and the antimeridian are ordinary places */
	p = pt(90, 0);
	sn_geobox_from_point(&p, &a);
	p = pt(0, 180);
	sn_geobox_from_point(&p, &b);
	assert_true(sn_geobox_sort_key(&a) != sn_geobox_sort_key(&b));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(lower_and_upper_bounds_hold_for_random_boxes),
		cmocka_unit_test(bounds_are_tight),
		cmocka_unit_test(bounds_hold_for_random_pairs),
		cmocka_unit_test(antimeridian_and_pole_boxes_are_small),
		cmocka_unit_test(point_boxes_contain_their_point),
		cmocka_unit_test(penalty_prefers_the_box_that_grows_least),
		cmocka_unit_test(picksplit_separates_clusters_and_balances),
		cmocka_unit_test(hilbert_curve_is_continuous),
		cmocka_unit_test(sort_key_keeps_neighbours_close),
	};

	return cmocka_run_group_tests_name("geopoint_index", tests, NULL, NULL);
}
