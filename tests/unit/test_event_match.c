/*
 * tests/unit/test_event_match.c — the parts of a pair's score, the score,
 * the candidate search (against a plain all-pairs loop), the one-to-one
 * selection with its ties, statuses and split rows, and the clustering
 * (extension/core/event_match.c).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include <cmocka.h>

#include "event_match.h"

static sn_match_event
ev(int64_t id, int64_t lo, int64_t hi, double lat, double lon, double prec_m)
{
	return (sn_match_event) {
		.id = id, .day_lo = lo, .day_hi = hi, .lat = lat, .lon = lon, .precision_m = prec_m,
		.fat_lo = SN_MATCH_UNKNOWN, .fat_hi = SN_MATCH_UNKNOWN
	};
}

static sn_match_params
params(double km, int64_t days)
{
	sn_match_params p;

	sn_match_params_default(&p, km, days);
	return p;
}

/* ---- time ---- */
static void
test_days_apart(void **state)
{
	assert_int_equal(sn_match_days_apart(10, 10, 10, 10), 0);
	assert_int_equal(sn_match_days_apart(10, 10, 11, 11), 1);
	assert_int_equal(sn_match_days_apart(11, 11, 10, 10), 1);
	/* a month overlaps its 15th day: distance 0, not 14 */
	assert_int_equal(sn_match_days_apart(0, 30, 14, 14), 0);
	/* a UCDP span 3..5 and an ACLED day 6: one day apart */
	assert_int_equal(sn_match_days_apart(3, 5, 6, 6), 1);
	assert_int_equal(sn_match_days_apart(6, 6, 3, 5), 1);
	/* touching ends overlap */
	assert_int_equal(sn_match_days_apart(1, 5, 5, 9), 0);
	assert_int_equal(sn_match_days_apart(-10, -5, 5, 9), 10);
}

/* ---- space ---- */
static void
test_km_apart(void **state)
{
	assert_true(fabs(sn_match_km_apart(40.0, 0, 0) - 40.0) < 1e-9);
	/* a 50 km radius (region capital) reaches a village 40 km away */
	assert_true(sn_match_km_apart(40.0, 50000, 0) == 0.0);
	/* widened from either side, and both */
	assert_true(fabs(sn_match_km_apart(40.0, 0, 30000) - 10.0) < 1e-9);
	assert_true(fabs(sn_match_km_apart(40.0, 20000, 15000) - 5.0) < 1e-9);
	assert_true(sn_match_km_apart(0.0, 0, 0) == 0.0);
}

static void
test_compare_geodesic(void **state)
{
	/* Gao 16.27N 0.04W to Bourem 16.95N 0.35W: about 83 km */
	sn_match_event a = ev(1, 0, 0, 16.2667, -0.0444, 0),
				b = ev(2, 0, 0, 16.9500, -0.3500, 0);
	sn_match_params p = params(5, 1);
	sn_match_parts r;

	assert_false(sn_match_compare(&a, &b, &p, &r));
	assert_true(r.km > 80 && r.km < 86);
	/* Bourem placed at the region's capital with an 85 km radius: within */
	b.precision_m = 85000;
	assert_true(sn_match_compare(&a, &b, &p, &r));
	assert_true(r.km_apart == 0.0);
	/* the same, the other way round */
	a.precision_m = 85000;
	b.precision_m = 0;
	assert_true(sn_match_compare(&b, &a, &p, &r));
}

/* ---- fatalities ---- */
static void
test_fatalities(void **state)
{
	double		ratio;

	/* UCDP 3..7 against ACLED 5 */
	assert_int_equal(sn_match_fatalities(3, 7, 5, 5, &ratio), 1);
	assert_int_equal(sn_match_fatalities(5, 5, 3, 7, &ratio), 1);
	/* 0 against 10: disjoint, ratio 1/11 */
	assert_int_equal(sn_match_fatalities(0, 0, 10, 10, &ratio), 0);
	assert_true(fabs(ratio - 1.0 / 11.0) < 1e-12);
	assert_int_equal(sn_match_fatalities(10, 10, 0, 0, &ratio), 0);
	assert_true(fabs(ratio - 1.0 / 11.0) < 1e-12);
	/* unknown is neutral */
	assert_int_equal(sn_match_fatalities(SN_MATCH_UNKNOWN, SN_MATCH_UNKNOWN, 3, 3, &ratio), -1);
	assert_int_equal(sn_match_fatalities(3, 3, SN_MATCH_UNKNOWN, SN_MATCH_UNKNOWN, &ratio), -1);
	/* unbounded above ("more than 20") overlaps 50 but not 10 */
	assert_int_equal(sn_match_fatalities(21, SN_MATCH_UNKNOWN, 50, 50, &ratio), 1);
	assert_int_equal(sn_match_fatalities(21, SN_MATCH_UNKNOWN, 10, 10, &ratio), 0);
	assert_int_equal(sn_match_fatalities(10, 10, 21, SN_MATCH_UNKNOWN, &ratio), 0);
}

/* ---- taxonomy ---- */
static void
test_level(void **state)
{
	assert_int_equal(sn_match_level(1, 11, 1, 11), 2);
	assert_int_equal(sn_match_level(1, 11, 1, 12), 1);
	assert_int_equal(sn_match_level(1, 11, 1, 0), 1);
	assert_int_equal(sn_match_level(1, 11, 2, 11), 0);
	assert_int_equal(sn_match_level(0, 0, 2, 21), -1);
	assert_int_equal(sn_match_level(2, 21, 0, 0), -1);
}

/* ---- actors ---- */
static void
test_actors(void **state)
{
	sn_match_actor army_jihadists[] = {{10, SN_MATCH_SIDE_1}, {20, SN_MATCH_SIDE_2}};
	sn_match_actor jihadists_army[] = {{20, SN_MATCH_SIDE_1}, {10, SN_MATCH_SIDE_2}};
	sn_match_actor army_unsided[] = {{10, SN_MATCH_SIDE_NONE}};
	sn_match_actor others[] = {{30, SN_MATCH_SIDE_1}, {40, SN_MATCH_SIDE_2}};
	sn_match_event a = ev(1, 0, 0, 0, 0, 0),
				b = ev(2, 0, 0, 0, 0, 0);
	sn_match_params p = params(5, 1);
	sn_match_parts r;
	double		same,
				swapped,
				none;

	assert_int_equal(sn_match_actor_part(army_jihadists, 2, army_jihadists, 2), SN_MATCH_ACTORS_SAME_SIDES);
	assert_int_equal(sn_match_actor_part(army_jihadists, 2, jihadists_army, 2), SN_MATCH_ACTORS_SWAPPED);
	assert_int_equal(sn_match_actor_part(army_jihadists, 2, army_unsided, 1), SN_MATCH_ACTORS_SHARED);
	assert_int_equal(sn_match_actor_part(army_jihadists, 2, others, 2), SN_MATCH_ACTORS_NONE);
	assert_int_equal(sn_match_actor_part(army_jihadists, 2, NULL, 0), SN_MATCH_ACTORS_UNKNOWN);
	{
		/* classes (< 0: a state's forces, civilians) in common are no actor in common */
		sn_match_actor state_civilians[] = {{-5, SN_MATCH_SIDE_1}, {-7, SN_MATCH_SIDE_2}};
		sn_match_actor state_group[] = {{-5, SN_MATCH_SIDE_1}, {20, SN_MATCH_SIDE_2}};
		sn_match_actor group_civilians[] = {{20, SN_MATCH_SIDE_1}, {-7, SN_MATCH_SIDE_2}};
		sn_match_parts k = {0};

		assert_int_equal(sn_match_actor_part(state_civilians, 2, state_civilians, 2), SN_MATCH_ACTORS_KIND);
		assert_int_equal(sn_match_actor_part(state_civilians, 2, others, 2), SN_MATCH_ACTORS_NONE);
		/* a named group decides, with its sides, whatever the classes say */
		assert_int_equal(sn_match_actor_part(state_group, 2, group_civilians, 2), SN_MATCH_ACTORS_SWAPPED);
		assert_int_equal(sn_match_actor_part(state_group, 2, state_group, 2), SN_MATCH_ACTORS_SAME_SIDES);
		/* only a class in common scores as unknown, above none shared */
		k.level = -1;
		k.fatalities = -1;
		k.actors = SN_MATCH_ACTORS_KIND;
		sn_match_score(&k, &p);
		assert_float_equal(k.s_actors, 0.5, 1e-9);
		k.actors = SN_MATCH_ACTORS_NONE;
		sn_match_score(&k, &p);
		assert_float_equal(k.s_actors, 0.25, 1e-9);
	}

	/* the scores order: same sides > swapped > none */
	a.actors = army_jihadists;
	a.n_actors = 2;
	b.actors = army_jihadists;
	b.n_actors = 2;
	sn_match_compare(&a, &b, &p, &r);
	same = r.score;
	b.actors = jihadists_army;
	sn_match_compare(&a, &b, &p, &r);
	swapped = r.score;
	b.actors = others;
	sn_match_compare(&a, &b, &p, &r);
	none = r.score;
	assert_true(same > swapped);
	assert_true(swapped > none);
}

/* ---- the score ---- */
static void
test_score(void **state)
{
	sn_match_params p = params(5, 1);
	sn_match_event a = ev(1, 100, 100, 12.0, -8.0, 0);
	sn_match_event same = ev(2, 100, 100, 12.0, -8.0, 0);
	sn_match_event next_day = ev(3, 101, 101, 12.0, -8.0, 0);
	sn_match_event month = ev(4, 90, 119, 12.0, -8.0, 0);
	sn_match_event near_precise = ev(5, 100, 100, 12.027, -8.0, 1000);	/* 3 km */
	sn_match_event far_vague = ev(6, 100, 100, 12.36, -8.0, 50000);	/* 40 km, 50 km radius */
	sn_match_parts r;
	double		s_same,
				s_next,
				s_month,
				s_near,
				s_far;

	assert_true(sn_match_compare(&a, &same, &p, &r));
	s_same = r.score;
	assert_true(s_same > 0.69 && s_same <= 1.0);
	assert_true(sn_match_compare(&a, &next_day, &p, &r));
	s_next = r.score;
	assert_true(sn_match_compare(&a, &month, &p, &r));
	assert_int_equal(r.days_apart, 0);
	s_month = r.score;
	assert_true(sn_match_compare(&a, &near_precise, &p, &r));
	s_near = r.score;
	assert_true(sn_match_compare(&a, &far_vague, &p, &r));
	assert_true(r.km > 39 && r.km < 41);
	assert_true(r.km_apart == 0.0);
	s_far = r.score;
	/* the exact match is best; a month's overlap counts less than the day */
	assert_true(s_same > s_next);
	assert_true(s_same > s_month);
	/* a near precise candidate scores above a far vague one */
	assert_true(s_near > s_far);
	/* every score in [0, 1] */
	assert_true(s_far >= 0 && s_month >= 0);
	/* two days apart is outside a window of one day */
	next_day.day_lo = next_day.day_hi = 102;
	assert_false(sn_match_compare(&a, &next_day, &p, &r));
	assert_int_equal(r.days_apart, 2);
}

static void
test_duplicate(void **state)
{
	sn_match_actor x[] = {{10, SN_MATCH_SIDE_1}, {20, SN_MATCH_SIDE_2}};
	sn_match_actor y[] = {{10, SN_MATCH_SIDE_1}};
	sn_match_params p = params(5, 1);
	sn_match_event a = ev(1, 5, 5, 12.0, -8.0, 0),
				b = ev(2, 5, 5, 12.0, -8.0, 0);

	/* the same source URL */
	a.source = b.source = 77;
	assert_true(sn_match_is_duplicate(&a, &b, &p));
	b.source = 78;
	assert_false(sn_match_is_duplicate(&a, &b, &p));
	/* same actors, root code, day and location */
	a.actors = b.actors = x;
	a.n_actors = b.n_actors = 2;
	a.category = b.category = 19;
	assert_true(sn_match_is_duplicate(&a, &b, &p));
	b.category = 18;
	assert_false(sn_match_is_duplicate(&a, &b, &p));
	b.category = 19;
	b.day_lo = b.day_hi = 6;
	assert_false(sn_match_is_duplicate(&a, &b, &p));
	b.day_lo = b.day_hi = 5;
	b.lat = 12.1;
	assert_false(sn_match_is_duplicate(&a, &b, &p));
	b.lat = 12.0;
	b.actors = y;
	b.n_actors = 1;
	assert_false(sn_match_is_duplicate(&a, &b, &p));
}

/* ---- candidate search: the same pairs as all pairs, on random clusters ---- */
typedef struct found
{
	size_t		n;
	size_t		cap;
	uint64_t   *keys;
} found;

static bool
collect(void *ctx, size_t iq, size_t it, const sn_match_parts *parts)
{
	found	   *f = ctx;

	if (f->n == f->cap)
	{
		f->cap = f->cap ? f->cap * 2 : 256;
		f->keys = realloc(f->keys, f->cap * sizeof(uint64_t));
	}
	f->keys[f->n++] = (uint64_t) iq << 32 | it;
	return true;
}

static int
u64cmp(const void *x, const void *y)
{
	uint64_t	a = *(const uint64_t *) x,
				b = *(const uint64_t *) y;

	return a < b ? -1 : a > b;
}

static uint64_t rng = 88172645463325252ULL;
static double
rnd(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (double) (rng >> 11) / 9007199254740992.0;
}

static void
random_events(sn_match_event *e, size_t n, int64_t id0)
{
	static const double precs[] = {0, 500, 2000, 10000, 25000, 60000, 150000};
	static const int64_t lens[] = {1, 1, 1, 7, 31, 3, 366};

	for (size_t i = 0; i < n; i++)
	{
		double		lat = 10 + rnd() * 10,
					lon = -10 + rnd() * 20;
		int64_t		lo = (int64_t) (rnd() * 400) - 200;
		int64_t		len = lens[(int) (rnd() * 7)];

		/* half of them near a few hot spots */
		if (rnd() < 0.5)
		{
			lat = 14 + rnd() * 0.3;
			lon = -4 + rnd() * 0.3;
		}
		e[i] = ev(id0 + (int64_t) i, lo, lo + len - 1, lat, lon, precs[(int) (rnd() * 7)]);
	}
	/* one near the antimeridian and one at a pole */
	e[0].lat = 89.99;
	e[1].lon = 179.99;
}

static void
check_search(size_t nq, size_t nt, bool same, double km, int64_t days)
{
	sn_match_event *q = malloc(sizeof(sn_match_event) * nq);
	sn_match_event *t = same ? q : malloc(sizeof(sn_match_event) * nt);
	sn_match_params p = params(km, days);
	found		got = {0},
				want = {0};
	uint64_t	compared;

	random_events(q, nq, 1);
	if (!same)
		random_events(t, nt, 100001);
	assert_true(sn_match_candidates(q, nq, t, nt, same, &p, collect, &got, &compared));
	for (size_t i = 0; i < nq; i++)
		for (size_t j = same ? i + 1 : 0; j < nt; j++)
		{
			sn_match_parts r;

			if (sn_match_compare(&q[i], &t[j], &p, &r))
				collect(&want, i, j, &r);
		}
	qsort(got.keys, got.n, sizeof(uint64_t), u64cmp);
	qsort(want.keys, want.n, sizeof(uint64_t), u64cmp);
	assert_true(want.n > 10);
	assert_int_equal(got.n, want.n);
	for (size_t i = 0; i < got.n; i++)
		assert_true(got.keys[i] == want.keys[i]);
	/* far fewer distances taken than all pairs */
	assert_true(compared < (uint64_t) nq * nt / 4);
	free(got.keys);
	free(want.keys);
	if (!same)
		free(t);
	free(q);
}

static void
test_candidates(void **state)
{
	check_search(1500, 1000, false, 5, 1);
	check_search(1500, 1000, false, 0, 0);
	check_search(1200, 1200, true, 3, 1);
	check_search(500, 2000, false, 50, 3);
}

/* ---- selection ---- */
static sn_match_pair
pair(size_t a, size_t b, double score, int64_t days, double km)
{
	return (sn_match_pair) {
		.a = a, .b = b, .score = score, .days_apart = days, .km_apart = km
	};
}

static void
test_select_one_to_one(void **state)
{
	sn_match_event a[2] = {ev(10, 0, 0, 12, -8, 0), ev(11, 0, 0, 12, -8, 0)};
	sn_match_event b[2] = {ev(20, 0, 0, 12, -8, 0), ev(21, 0, 0, 12, -8, 0)};
	sn_match_params p = params(5, 1);
	/* a0 likes b0 best, a1 likes b0 too but less: a1 gets b1, b0 keeps a contender */
	sn_match_pair x[3] = {pair(0, 0, 0.9, 0, 0), pair(1, 0, 0.8, 0, 0), pair(1, 1, 0.6, 0, 0)};

	assert_true(sn_match_select(x, 3, a, 2, false, b, 2, false, &p));
	assert_int_equal(x[0].rank_a, 1);
	assert_int_equal(x[2].rank_a, 1);
	/* the contender: a1's second, b0's second */
	assert_int_equal(x[1].rank_a, 2);
	assert_int_equal(x[1].rank_b, 2);
}

static void
test_select_ties(void **state)
{
	sn_match_event a[1] = {ev(10, 0, 0, 12, -8, 0)};
	sn_match_event b[3] = {ev(22, 0, 0, 12, -8, 0), ev(21, 0, 0, 12, -8, 0), ev(23, 0, 0, 12, -8, 0)};
	sn_match_params p = params(5, 1);
	sn_match_pair x[3];

	/* equal scores: the smaller gap in days wins */
	x[0] = pair(0, 0, 0.7, 1, 0);
	x[1] = pair(0, 1, 0.7, 0, 2);
	x[2] = pair(0, 2, 0.7, 0, 1);
	assert_true(sn_match_select(x, 3, a, 1, false, b, 3, false, &p));
	assert_int_equal(x[2].rank_a, 1);	/* 0 days, 1 km */
	assert_int_equal(x[1].rank_a, 2);	/* 0 days, 2 km */
	assert_int_equal(x[0].rank_a, 3);
	/* everything equal: the lower event id (21) wins, whatever the input order */
	x[0] = pair(0, 0, 0.7, 0, 0);
	x[1] = pair(0, 2, 0.7, 0, 0);
	x[2] = pair(0, 1, 0.7, 0, 0);
	assert_true(sn_match_select(x, 3, a, 1, false, b, 3, false, &p));
	assert_int_equal(x[2].rank_a, 1);
	assert_int_equal(x[0].rank_a, 2);
	assert_int_equal(x[1].rank_a, 3);
}

static void
test_select_statuses(void **state)
{
	sn_match_event a[2] = {ev(10, 0, 0, 12, -8, 0), ev(11, 0, 0, 12, -8, 0)};
	sn_match_event b[2] = {ev(20, 0, 0, 12, -8, 0), ev(21, 0, 0, 12, -8, 0)};
	sn_match_params p = params(5, 1);
	sn_match_pair x[3] = {pair(0, 0, 0.9, 0, 0), pair(1, 0, 0.8, 0, 0), pair(1, 1, 0.3, 0, 0)};

	/* the analyst rejected a0-b0 and accepted a1-b1 (the lower score) */
	x[0].status = SN_MATCH_REJECTED;
	x[2].status = SN_MATCH_ACCEPTED;
	assert_true(sn_match_select(x, 3, a, 2, false, b, 2, false, &p));
	assert_int_equal(x[0].rank_a, 0);	/* never proposed again */
	assert_int_equal(x[2].rank_a, 1);	/* stays selected */
	assert_int_equal(x[1].rank_a, 2);	/* a1 is out of competition */
	/* b0 is free but its only other candidate is taken */
	assert_int_equal(x[1].rank_b, 2);
}

static void
test_select_min_score(void **state)
{
	sn_match_event a[1] = {ev(10, 0, 0, 12, -8, 0)};
	sn_match_event b[1] = {ev(20, 0, 0, 12, -8, 0)};
	sn_match_params p = params(5, 1);
	sn_match_pair x[1] = {pair(0, 0, 0.55, 0, 0)};

	p.min_score = 0.6;
	assert_true(sn_match_select(x, 1, a, 1, false, b, 1, false, &p));
	assert_int_equal(x[0].rank_a, 2);	/* kept as a contender only */
	/* an analyst's acceptance overrides the threshold */
	x[0].status = SN_MATCH_ACCEPTED;
	assert_true(sn_match_select(x, 1, a, 1, false, b, 1, false, &p));
	assert_int_equal(x[0].rank_a, 1);
}

/*
 * The least score the lone and crowded rules are tested with, 0.62, on the
 * linking parameters (the rules on) or on the plain ones (the rules off).
 */
static sn_match_params
least_score_params(bool linking)
{
	sn_match_params p = params(5, 1);

	if (linking)
		sn_match_params_linking(&p);
	p.min_score = 0.62;
	return p;
}

/*
 * sn_match_select over x[0..nx) of a and b (neither splits) gives x[0] the
 * rank rank0 for its side-a event and, where rank1 is not -1, x[1] rank1.
 */
static void
assert_ranks(sn_match_pair *x, size_t nx, const sn_match_event *a, size_t na,
			 const sn_match_event *b, size_t nb, const sn_match_params *p, int rank0, int rank1)
{
	assert_true(sn_match_select(x, nx, a, na, false, b, nb, false, p));
	assert_int_equal(x[0].rank_a, rank0);
	if (rank1 != -1)
		assert_int_equal(x[1].rank_a, rank1);
}

static void
test_select_lone(void **state)
{
	/* nothing but the place and day known of either event: no evidence, none against */
	sn_match_event a[1] = {ev(10, 0, 0, 12, -8, 0)};
	sn_match_event b[2] = {ev(20, 0, 0, 12, -8, 0), ev(21, 0, 0, 12.1, -8, 0)};
	sn_match_params p = least_score_params(true);
	sn_match_pair x[2] = {pair(0, 0, 0.55, 0, 0), pair(0, 1, 0.35, 0, 0)};

	/* under the least score, but every other candidate 0.2 lower: selected */
	assert_ranks(x, 2, a, 1, b, 2, &p, 1, 2);
	/* a rival 0.1 lower: not lone, both contenders */
	x[1].score = 0.45;
	assert_ranks(x, 2, a, 1, b, 2, &p, 2, 3);
	/* alone but under the lone floor of 0.5 */
	x[0].score = 0.48;
	assert_ranks(x, 1, a, 1, b, 2, &p, 2, -1);
	/* the rule off (the plain parameters): the least score decides */
	x[0].score = 0.55;
	p = least_score_params(false);
	assert_ranks(x, 1, a, 1, b, 2, &p, 2, -1);
}

static void
test_select_lone_contrary(void **state)
{
	/* a lone pair that disagrees on the type, the actors and the deaths */
	sn_match_actor crowd[] = {{30, SN_MATCH_SIDE_1}};
	sn_match_actor rebels[] = {{31, SN_MATCH_SIDE_1}};
	sn_match_event a[1] = {ev(10, 0, 0, 12, -8, 0)};
	sn_match_event b[1] = {ev(20, 0, 0, 12, -8, 0)};
	sn_match_params p = least_score_params(true);
	sn_match_pair x[1] = {pair(0, 0, 0.58, 0, 0)};

	a[0].level1 = 1;
	b[0].level1 = 2;
	a[0].actors = crowd;
	a[0].n_actors = 1;
	b[0].actors = rebels;
	b[0].n_actors = 1;
	a[0].fat_lo = a[0].fat_hi = 0;
	b[0].fat_lo = b[0].fat_hi = 10;
	assert_ranks(x, 1, a, 1, b, 1, &p, 2, -1);
	/* the deaths unknown on one side: only two of the three disagree */
	b[0].fat_lo = b[0].fat_hi = SN_MATCH_UNKNOWN;
	assert_ranks(x, 1, a, 1, b, 1, &p, 1, -1);
}

static void
test_select_crowded(void **state)
{
	/*
	 * One UCDP event, two GTD rows of the same town and day: time and place
	 * do not tell them apart, so a link needs evidence.
	 */
	sn_match_event a[1] = {ev(10, 0, 0, 12, -8, 0)};
	sn_match_event b[2] = {ev(20, 0, 0, 12, -8, 0), ev(21, 0, 0, 12, -8, 0)};
	sn_match_params p = least_score_params(true);
	sn_match_pair x[2] = {pair(0, 0, 0.7, 0, 0), pair(0, 1, 0.7, 0, 0)};

	assert_ranks(x, 2, a, 1, b, 2, &p, 2, 3);
	/* deaths in range with the first row: evidence, and 0.05 more */
	a[0].fat_lo = 4;
	a[0].fat_hi = 6;
	b[0].fat_lo = b[0].fat_hi = 5;
	x[0].score = 0.75;
	assert_ranks(x, 2, a, 1, b, 2, &p, 1, 2);
	/* a shared type is evidence too: both rows then qualify, the better wins */
	b[0].fat_lo = b[0].fat_hi = SN_MATCH_UNKNOWN;
	a[0].fat_lo = a[0].fat_hi = SN_MATCH_UNKNOWN;
	a[0].level1 = b[0].level1 = b[1].level1 = 7;
	x[0].score = 0.71;
	assert_ranks(x, 2, a, 1, b, 2, &p, 1, -1);
	/* the rule off: the lower id wins on equal scores, evidence or not */
	a[0].level1 = b[0].level1 = b[1].level1 = 0;
	x[0].score = 0.7;
	p = least_score_params(false);
	assert_ranks(x, 2, a, 1, b, 2, &p, 1, -1);
}

/* the text part: content words both descriptions hold (event_text.h) */
static void
test_text_part(void **state)
{
	sn_match_params p = params(5, 1);
	sn_match_event a = ev(1, 100, 100, 12.0, -8.0, 0);
	sn_match_event b = ev(2, 100, 100, 12.0, -8.0, 0);
	uint64_t	wa[4] = {11, 22, 33, 44};
	uint64_t	wb[4] = {11, 22, 33, 55};
	sn_match_parts r;
	double		no_text;

	assert_true(sn_match_compare(&a, &b, &p, &r));
	assert_int_equal(r.shared_words, -1);
	assert_true(r.s_text == 0.5);
	no_text = r.score;
	/* one side has words, the other none: unknown */
	a.words = wa;
	a.n_words = 4;
	assert_true(sn_match_compare(&a, &b, &p, &r));
	assert_int_equal(r.shared_words, -1);
	assert_true(r.score == no_text);
	/* three words in common: the text part 1, w_text / 2 more */
	b.words = wb;
	b.n_words = 4;
	assert_true(sn_match_compare(&a, &b, &p, &r));
	assert_int_equal(r.shared_words, 3);
	assert_true(r.s_text == 1.0);
	assert_true(fabs(r.score - (no_text + p.w_text / 2)) < 1e-9);
	assert_true(sn_match_has_evidence(&r));
	/* two: 0.75, still evidence */
	b.n_words = 2;
	assert_true(sn_match_compare(&a, &b, &p, &r));
	assert_int_equal(r.shared_words, 2);
	assert_true(fabs(r.score - (no_text + p.w_text / 4)) < 1e-9);
	assert_true(sn_match_has_evidence(&r));
	/* one: neutral, and no evidence; none: w_text / 8 less */
	b.n_words = 1;
	assert_true(sn_match_compare(&a, &b, &p, &r));
	assert_int_equal(r.shared_words, 1);
	assert_true(r.score == no_text);
	assert_false(sn_match_has_evidence(&r));
	b.words = wb + 3;
	assert_true(sn_match_compare(&a, &b, &p, &r));
	assert_int_equal(r.shared_words, 0);
	assert_true(fabs(r.score - (no_text - p.w_text / 8)) < 1e-9);
	/* a word of a group both events name is the actor part's, not the text's */
	{
		uint64_t	ga[2] = {22, 66};
		uint64_t	gb[1] = {22};

		b.words = wb;
		b.n_words = 4;
		a.group_words = ga;
		a.n_group_words = 2;
		assert_true(sn_match_compare(&a, &b, &p, &r));
		assert_int_equal(r.shared_words, 3);	/* the other event names no group */
		b.group_words = gb;
		b.n_group_words = 1;
		assert_true(sn_match_compare(&a, &b, &p, &r));
		assert_int_equal(r.shared_words, 2);
		assert_int_equal(sn_match_shared_words(&a, &b), 2);
	}
}

/* two words in common are evidence in a crowded place */
static void
test_select_crowded_text(void **state)
{
	sn_match_event a[1] = {ev(10, 0, 0, 12, -8, 0)};
	sn_match_event b[2] = {ev(20, 0, 0, 12, -8, 0), ev(21, 0, 0, 12, -8, 0)};
	uint64_t	wa[3] = {1, 2, 3};
	uint64_t	w20[2] = {4, 5};
	uint64_t	w21[3] = {2, 3, 9};
	sn_match_params p = params(5, 1);
	sn_match_pair x[2] = {pair(0, 0, 0.7, 0, 0), pair(0, 1, 0.7, 0, 0)};

	sn_match_params_linking(&p);
	p.min_score = 0.62;
	a[0].words = wa;
	a[0].n_words = 3;
	b[0].words = w20;
	b[0].n_words = 2;
	b[1].words = w21;
	b[1].n_words = 3;
	/*
	 * the second row shares two words with the event: it alone qualifies (the
	 * first shares none: its score is w_text / 8 lower than the same pair
	 * without descriptions, the second's w_text / 4 higher)
	 */
	x[0].score = 0.675;
	x[1].score = 0.75;
	assert_true(sn_match_select(x, 2, a, 1, false, b, 2, false, &p));
	assert_int_equal(x[1].rank_a, 1);
	assert_int_equal(x[0].rank_a, 2);
	/* one word in common is not enough: neither qualifies (the better first) */
	b[1].n_words = 1;
	w21[0] = 3;
	x[1].score = 0.7;
	assert_true(sn_match_select(x, 2, a, 1, false, b, 2, false, &p));
	assert_int_equal(x[1].rank_a, 2);
	assert_int_equal(x[0].rank_a, 3);
}

static void
test_select_split_rows(void **state)
{
	/* ACLED's battle row and attack-on-civilians row of one incident, and one UCDP event */
	sn_match_event acled[3] = {ev(10, 5, 5, 12, -8, 0), ev(11, 5, 5, 12, -8, 0),
	ev(12, 5, 5, 12.2, -8, 0)};
	sn_match_event ucdp[1] = {ev(20, 4, 5, 12, -8, 0)};
	sn_match_params p = params(5, 1);
	sn_match_pair x[3] = {pair(0, 0, 0.9, 0, 0), pair(1, 0, 0.8, 0, 0), pair(2, 0, 0.7, 0, 0)};

	assert_true(sn_match_select(x, 3, acled, 3, true, ucdp, 1, false, &p));
	assert_int_equal(x[0].rank_a, 1);
	assert_int_equal(x[1].rank_a, 1);	/* shares the counterpart */
	assert_true(x[1].shared);
	assert_int_equal(x[2].rank_a, 2);	/* 22 km from the row that holds it: not a split row */
	/* not declared splitting: one-to-one */
	assert_true(sn_match_select(x, 3, acled, 3, false, ucdp, 1, false, &p));
	assert_int_equal(x[1].rank_a, 2);
	assert_false(x[1].shared);
}

static void
test_select_split_rows_actors(void **state)
{
	/*
	 * Two ACLED rows of one day and place: the rebels' attack on the army
	 * holds the UCDP event; a row of the rebels against civilians shares it,
	 * a protest (a crowd against the state) does not: only a class in common.
	 */
	sn_match_actor rebels_army[] = {{20, SN_MATCH_SIDE_1}, {-5, SN_MATCH_SIDE_2}};
	sn_match_actor rebels_civilians[] = {{20, SN_MATCH_SIDE_1}, {-7, SN_MATCH_SIDE_2}};
	sn_match_actor crowd_army[] = {{-9, SN_MATCH_SIDE_1}, {-5, SN_MATCH_SIDE_2}};
	sn_match_event acled[2] = {ev(10, 5, 5, 12, -8, 0), ev(11, 5, 5, 12, -8, 0)};
	sn_match_event ucdp[1] = {ev(20, 5, 5, 12, -8, 0)};
	sn_match_params p = params(5, 1);
	sn_match_pair x[2] = {pair(0, 0, 0.9, 0, 0), pair(1, 0, 0.8, 0, 0)};

	acled[0].actors = rebels_army;
	acled[0].n_actors = 2;
	acled[1].actors = rebels_civilians;
	acled[1].n_actors = 2;
	assert_true(sn_match_select(x, 2, acled, 2, true, ucdp, 1, false, &p));
	assert_true(x[1].shared);
	assert_int_equal(x[1].rank_a, 1);
	acled[1].actors = crowd_army;
	assert_true(sn_match_select(x, 2, acled, 2, true, ucdp, 1, false, &p));
	assert_false(x[1].shared);
	assert_int_equal(x[1].rank_a, 2);
	/* a row that names no actor may still share */
	acled[1].n_actors = 0;
	assert_true(sn_match_select(x, 2, acled, 2, true, ucdp, 1, false, &p));
	assert_true(x[1].shared);
}

static void
test_select_split_rows_radius(void **state)
{
	/*
	 * Two ACLED rows of one incident placed near a town (geo_precision 2, a
	 * 25 km radius) 30 km apart: beyond both radii they are at the same place,
	 * so the second shares the UCDP event the first holds.  Two town-level
	 * rows (2 km) 30 km apart are two places.
	 */
	sn_match_event acled[2] = {ev(10, 5, 5, 12, -8, 25000), ev(11, 5, 5, 12.27, -8, 25000)};
	sn_match_event ucdp[1] = {ev(20, 5, 5, 12.1, -8, 25000)};
	sn_match_params p = params(10, 1);
	sn_match_pair x[2] = {pair(0, 0, 0.9, 0, 0), pair(1, 0, 0.8, 0, 0)};

	assert_true(sn_match_select(x, 2, acled, 2, true, ucdp, 1, false, &p));
	assert_int_equal(x[0].rank_a, 1);
	assert_true(x[1].shared);
	assert_int_equal(x[1].rank_a, 1);
	/* one of the two vaguer than a town is enough: 30 - 25 - 2 km */
	acled[0].precision_m = 2000;
	assert_true(sn_match_select(x, 2, acled, 2, true, ucdp, 1, false, &p));
	assert_true(x[1].shared);
	/* both at a town's precision: 30 km by their points, beyond within_km */
	acled[1].precision_m = 2000;
	assert_true(sn_match_select(x, 2, acled, 2, true, ucdp, 1, false, &p));
	assert_false(x[1].shared);
	assert_int_equal(x[1].rank_a, 2);
	/* vague rows still further apart than their radii and within_km */
	acled[0].precision_m = acled[1].precision_m = 5000;
	assert_true(sn_match_select(x, 2, acled, 2, true, ucdp, 1, false, &p));
	assert_false(x[1].shared);
}

/* ---- incidents ---- */
static void
test_cluster(void **state)
{
	/* events 0,1 acled (splits), 2,3 ucdp, 4 gtd */
	int			ds[5] = {0, 0, 1, 1, 2};
	sn_match_link links[4] = {{0, 2}, {1, 2}, {1, 3}, {4, 2}};
	size_t		cl[5],
				refused;

	assert_true(sn_match_cluster(5, ds, UINT64_C(1) << 0, links, 4, cl, &refused));
	assert_int_equal(cl[0], 0);
	assert_int_equal(cl[1], 0);
	assert_int_equal(cl[2], 0);
	assert_int_equal(cl[4], 0);
	/* 1-3 would put two UCDP events in one incident */
	assert_int_equal(cl[3], 3);
	assert_int_equal(refused, 1);
	/* nothing splits: 1-2 is refused too (two ACLED rows) */
	assert_true(sn_match_cluster(5, ds, 0, links, 4, cl, &refused));
	assert_int_equal(cl[1], 1);
	assert_int_equal(cl[3], 1);
	assert_int_equal(refused, 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_days_apart),
		cmocka_unit_test(test_km_apart),
		cmocka_unit_test(test_compare_geodesic),
		cmocka_unit_test(test_fatalities),
		cmocka_unit_test(test_level),
		cmocka_unit_test(test_actors),
		cmocka_unit_test(test_score),
		cmocka_unit_test(test_duplicate),
		cmocka_unit_test(test_candidates),
		cmocka_unit_test(test_select_one_to_one),
		cmocka_unit_test(test_select_ties),
		cmocka_unit_test(test_select_statuses),
		cmocka_unit_test(test_select_min_score),
		cmocka_unit_test(test_select_lone),
		cmocka_unit_test(test_select_lone_contrary),
		cmocka_unit_test(test_select_crowded),
		cmocka_unit_test(test_text_part),
		cmocka_unit_test(test_select_crowded_text),
		cmocka_unit_test(test_select_split_rows),
		cmocka_unit_test(test_select_split_rows_actors),
		cmocka_unit_test(test_select_split_rows_radius),
		cmocka_unit_test(test_cluster),
	};

	return cmocka_run_group_tests_name("event_match", tests, NULL, NULL);
}
