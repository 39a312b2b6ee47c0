/*
 * extension/core/event_match.c
 *
 * The parts of a pair's score, the candidate search, the selection and the
 * clustering; see event_match.h and docs/reference/matching.md.
 */
#include "event_match.h"
#include "event_text.h"
#include "geopoint.h"
#include "geopoint_index.h"
#include "sn_arith.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------------
 * Parameters
 */

void
sn_match_params_default(sn_match_params *p, double within_km, int64_t within_days)
{
	p->within_km = within_km;
	p->within_days = within_days;
	p->w_time = 0.30;
	p->w_space = 0.30;
	p->w_category = 0.20;
	p->w_actors = 0.10;
	p->w_fatalities = 0.10;
	p->w_text = 0.20;
	p->dup_km = 1.0;
	p->min_score = 0.0;
	p->lone_min_score = 2.0;
	p->lone_margin = 1.0;
	p->crowd_tolerance = -1.0;
}

void
sn_match_params_linking(sn_match_params *p)
{
	p->lone_min_score = SN_MATCH_LONE_MIN_SCORE;
	p->lone_margin = SN_MATCH_LONE_MARGIN;
	p->crowd_tolerance = SN_MATCH_CROWD_TOLERANCE;
}

bool
sn_match_has_evidence(const sn_match_parts *r)
{
	return r->level >= 1 || r->actors == SN_MATCH_ACTORS_SAME_SIDES
		|| r->actors == SN_MATCH_ACTORS_SHARED || r->actors == SN_MATCH_ACTORS_SWAPPED
		|| r->fatalities == 1 || r->shared_words >= SN_MATCH_TEXT_EVIDENCE;
}

/* ------------------------------------------------------------------------
 * The parts
 */

int64_t
sn_match_days_apart(int64_t alo, int64_t ahi, int64_t blo, int64_t bhi)
{
	if (blo > ahi)
		return blo - ahi;
	if (alo > bhi)
		return alo - bhi;
	return 0;
}

double
sn_match_km_apart(double km, double prec_a_m, double prec_b_m)
{
	double		d = km - (prec_a_m + prec_b_m) / 1000.0;

	return d > 0 ? d : 0.0;
}

int
sn_match_fatalities(int64_t alo, int64_t ahi, int64_t blo, int64_t bhi, double *ratio)
{
	*ratio = 1.0;
	if (alo < 0 || blo < 0)
		return -1;
	/* ahi/bhi < 0: unbounded above */
	if ((bhi >= 0 && alo > bhi) || (ahi >= 0 && blo > ahi))
	{
		int64_t		small_hi,
					large_lo;

		if (bhi >= 0 && alo > bhi)
		{
			small_hi = bhi;
			large_lo = alo;
		}
		else
		{
			small_hi = ahi;
			large_lo = blo;
		}
		*ratio = ((double) small_hi + 1.0) / ((double) large_lo + 1.0);
		return 0;
	}
	return 1;
}

int
sn_match_level(uint64_t a1, uint64_t a2, uint64_t b1, uint64_t b2)
{
	if (a1 == 0 || b1 == 0)
		return -1;
	if (a1 != b1)
		return 0;
	if (a2 != 0 && a2 == b2)
		return 2;
	return 1;
}

int
sn_match_actor_part(const sn_match_actor *a, size_t na, const sn_match_actor *b, size_t nb)
{
	bool		shared = false,
				same = false,
				swapped = false,
				unsided = false,
				kind = false;

	if (na == 0 || nb == 0)
		return SN_MATCH_ACTORS_UNKNOWN;
	for (size_t i = 0; i < na; i++)
		for (size_t j = 0; j < nb; j++)
		{
			if (a[i].actor_id != b[j].actor_id)
				continue;
			if (a[i].actor_id < 0)
			{
				/* a class: the state's forces, civilians, a crowd */
				kind = true;
				continue;
			}
			shared = true;
			if (a[i].side == SN_MATCH_SIDE_NONE || b[j].side == SN_MATCH_SIDE_NONE)
				unsided = true;
			else if (a[i].side == b[j].side)
				same = true;
			else
				swapped = true;
		}
	if (!shared)
		return kind ? SN_MATCH_ACTORS_KIND : SN_MATCH_ACTORS_NONE;
	if (same)
		return SN_MATCH_ACTORS_SAME_SIDES;
	if (unsided)
		return SN_MATCH_ACTORS_SHARED;
	(void) swapped;
	return SN_MATCH_ACTORS_SWAPPED;
}

/* The category part by shared level (0, 1, 2), the actors part by sn_match_actors */
static const double category_value[3] = {0.0, 0.5, 1.0};
static const double actors_value[5] = {
	[SN_MATCH_ACTORS_NONE] = 0.25,
	[SN_MATCH_ACTORS_SWAPPED] = 0.6,
	[SN_MATCH_ACTORS_SHARED] = 0.8,
	[SN_MATCH_ACTORS_SAME_SIDES] = 1.0,
	[SN_MATCH_ACTORS_KIND] = 0.5,
};

/*
 * The parts' values (docs/reference/matching.md, "The score"):
 *   time      1 / (1 + days apart + log2(longer interval in days) / 4)
 *   space     1 / (1 + km beyond the radii / 5 + combined radius km / 50)
 *   category  level 2: 1, level 1: 0.5, level 0: 0
 *   actors    same sides 1, shared 0.8, swapped 0.6, only a class shared
 *             0.5 (as unknown), none shared 0.25
 *   deaths    ranges overlap 1, else half the ratio of the nearer bounds
 * and 0.5 for a part one side does not know; and the weighted sum moved by
 * the text:
 *   text      content words both descriptions hold: three or more 1, two
 *             0.75, one 0.5, none 0.375; 0.5 when either has no content word;
 *             weighted around the neutral 0.5, so it moves a score by
 *             -w_text / 8 to +w_text / 2: one word in common may be chance,
 *             and two coders' words for one incident (a headline, a note)
 *             often differ, so no word in common is weak evidence against.
 */
void
sn_match_score(sn_match_parts *r, const sn_match_params *p)
{
	double		span = r->span_days > 1 ? log2((double) r->span_days) / 4.0 : 0.0;

	r->s_time = 1.0 / (1.0 + (double) r->days_apart + span);
	r->s_space = 1.0 / (1.0 + r->km_apart / 5.0 + r->radius_km / 50.0);
	r->s_category = r->level >= 0 && r->level < 3 ? category_value[r->level] : 0.5;
	r->s_actors = r->actors >= 0 && r->actors < 5 ? actors_value[r->actors] : 0.5;
	if (r->fatalities == 1)
		r->s_fatalities = 1.0;
	else if (r->fatalities == 0)
		r->s_fatalities = 0.5 * r->fatality_ratio;
	else
		r->s_fatalities = 0.5;
	r->s_text = r->shared_words < 0 ? 0.5
		: r->shared_words >= 3 ? 1.0 : r->shared_words == 2 ? 0.75 : r->shared_words == 1 ? 0.5 : 0.375;
	r->score = p->w_time * r->s_time + p->w_space * r->s_space
		+ p->w_category * r->s_category + p->w_actors * r->s_actors
		+ p->w_fatalities * r->s_fatalities + p->w_text * (r->s_text - 0.5);
	if (r->score < 0)
		r->score = 0;
	if (r->score > 1)
		r->score = 1;
}

size_t
sn_match_group_words_shared(const sn_match_event *a, const sn_match_event *b, uint64_t *out)
{
	return sn_text_intersect(a->group_words, a->n_group_words, b->group_words, b->n_group_words, out);
}

int
sn_match_shared_words(const sn_match_event *a, const sn_match_event *b)
{
	uint64_t	groups[SN_TEXT_MAX_WORDS];
	size_t		ng;

	if (a->n_words == 0 || b->n_words == 0)
		return -1;
	ng = sn_match_group_words_shared(a, b, groups);
	return (int) sn_text_shared_except(a->words, a->n_words, b->words, b->n_words, groups, ng);
}

static void
parts_without_space(const sn_match_event *a, const sn_match_event *b, sn_match_parts *r)
{
	int64_t		la = a->day_hi - a->day_lo + 1,
				lb = b->day_hi - b->day_lo + 1;

	r->days_apart = sn_match_days_apart(a->day_lo, a->day_hi, b->day_lo, b->day_hi);
	r->span_days = la > lb ? la : lb;
	r->level = sn_match_level(a->level1, a->level2, b->level1, b->level2);
	r->actors = sn_match_actor_part(a->actors, a->n_actors, b->actors, b->n_actors);
	r->fatalities = sn_match_fatalities(a->fat_lo, a->fat_hi, b->fat_lo, b->fat_hi,
										&r->fatality_ratio);
	r->shared_words = sn_match_shared_words(a, b);
	r->radius_km = sqrt(a->precision_m * a->precision_m + b->precision_m * b->precision_m) / 1000.0;
}

static double
event_km(const sn_match_event *a, const sn_match_event *b)
{
	sn_geopoint pa = {a->lat, a->lon},
				pb = {b->lat, b->lon};

	return sn_geopoint_distance(&pa, &pb) / 1000.0;
}

bool
sn_match_compare(const sn_match_event *a, const sn_match_event *b,
				 const sn_match_params *p, sn_match_parts *out)
{
	parts_without_space(a, b, out);
	out->km = event_km(a, b);
	out->km_apart = sn_match_km_apart(out->km, a->precision_m, b->precision_m);
	sn_match_score(out, p);
	return out->days_apart <= p->within_days && out->km_apart <= p->within_km;
}

static bool
same_actors(const sn_match_event *a, const sn_match_event *b)
{
	/* every actor of each (with its side) is among the other's */
	for (int pass = 0; pass < 2; pass++)
	{
		const sn_match_event *x = pass ? b : a,
				   *y = pass ? a : b;

		for (size_t i = 0; i < x->n_actors; i++)
		{
			bool		found = false;

			for (size_t j = 0; j < y->n_actors && !found; j++)
				found = x->actors[i].actor_id == y->actors[j].actor_id
					&& x->actors[i].side == y->actors[j].side;
			if (!found)
				return false;
		}
	}
	return true;
}

bool
sn_match_is_duplicate(const sn_match_event *a, const sn_match_event *b, const sn_match_params *p)
{
	if (a->source != 0 && a->source == b->source)
		return true;
	if (a->n_actors == 0 || b->n_actors == 0 || !same_actors(a, b))
		return false;
	if (a->category == 0 || a->category != b->category)
		return false;
	if (a->day_lo != b->day_lo || a->day_hi != b->day_hi)
		return false;
	return event_km(a, b) <= p->dup_km;
}

/* ------------------------------------------------------------------------
 * Candidate search
 *
 * The target events are split into tiers of like interval length and like
 * precision radius.  In a tier whose longest interval is L days and largest
 * radius P metres, a query event q can only pair with t when
 *   q.lo - w - (L - 1) <= t.lo <= q.hi + w
 * and the straight line (chord) between them is at most
 *   r = within_km + q's radius + P
 * (the chord never exceeds the geodesic).  Each tier is bucketed by t.lo in
 * steps of T days and by ECEF cubes of side C metres; a query visits the
 * buckets of its day range and the cubes within r of it, and tests each event
 * there exactly.  With T and C of the order of the window, a query visits a
 * few dozen buckets whatever the size of the tier.
 */

/*
 * The classes of the tiers: an event's length in days and its place's
 * precision in metres each fall in the first class whose upper bound they do
 * not exceed, or in the last class, which has none (as does a NaN).
 */
static const double len_bounds[] = {1, 8, 32, 100, 400};
static const double prec_bounds[] = {1000, 5000, 15000, 40000, 100000, 300000};

#define N_LEN_CLASSES ((int) (sizeof(len_bounds) / sizeof(len_bounds[0])) + 1)
#define N_PREC_CLASSES ((int) (sizeof(prec_bounds) / sizeof(prec_bounds[0])) + 1)

static int
class_of(double v, const double *bounds, int nbounds)
{
	int			c = 0;

	while (c < nbounds && !(v <= bounds[c]))
		c++;
	return c;
}

typedef struct bucket_key
{
	int64_t		tb;
	int32_t		c[3];
} bucket_key;

typedef struct bucket
{
	bucket_key	key;
	uint32_t	start;
	uint32_t	count;
	bool		used;
} bucket;

typedef struct tier
{
	size_t		n;
	size_t	   *members;		/* target indices, sorted by bucket */
	int64_t		max_len;
	double		max_prec;
	int64_t		tstep;			/* T */
	double		cell;			/* C */
	bucket	   *table;
	size_t		mask;			/* table size - 1 */
} tier;

typedef struct indexed
{
	bucket_key	key;
	size_t		idx;
} indexed;

static uint64_t
key_hash(const bucket_key *k)
{
	uint64_t	h = (uint64_t) k->tb * UINT64_C(0x9E3779B97F4A7C15);

	h ^= (uint64_t) (uint32_t) k->c[0] * UINT64_C(0xC2B2AE3D27D4EB4F);
	h = (h << 27 | h >> 37) * UINT64_C(0x165667B19E3779F9);
	h ^= (uint64_t) (uint32_t) k->c[1] * UINT64_C(0x27D4EB2F165667C5);
	h = (h << 31 | h >> 33) * UINT64_C(0x9E3779B97F4A7C15);
	h ^= (uint64_t) (uint32_t) k->c[2] * UINT64_C(0x85EBCA77C2B2AE63);
	h ^= h >> 29;
	h *= UINT64_C(0xBF58476D1CE4E5B9);
	h ^= h >> 32;
	return h;
}

static int
key_cmp(const bucket_key *a, const bucket_key *b)
{
	if (a->tb != b->tb)
		return a->tb < b->tb ? -1 : 1;
	for (int i = 0; i < 3; i++)
		if (a->c[i] != b->c[i])
			return a->c[i] < b->c[i] ? -1 : 1;
	return 0;
}

static int
indexed_cmp(const void *x, const void *y)
{
	const indexed *a = x,
			   *b = y;
	int			c = key_cmp(&a->key, &b->key);

	if (c)
		return c;
	return a->idx < b->idx ? -1 : a->idx > b->idx;
}

static int32_t
cell_of(double coord, double cell)
{
	return (int32_t) floor(coord / cell);
}

static bool
usable(const sn_match_event *e)
{
	return isfinite(e->lat) && isfinite(e->lon) && e->lat >= -90 && e->lat <= 90
		&& e->day_lo <= e->day_hi && e->day_lo > INT64_MIN / 4 && e->day_hi < INT64_MAX / 4
		&& isfinite(e->precision_m) && e->precision_m >= 0;
}

static const bucket *
tier_find(const tier *t, const bucket_key *k)
{
	size_t		i = key_hash(k) & t->mask;

	for (;;)
	{
		const bucket *b = &t->table[i];

		if (!b->used)
			return NULL;
		if (key_cmp(&b->key, k) == 0)
			return b;
		i = (i + 1) & t->mask;
	}
}

static bool
tier_build(tier *t, const sn_match_event *ev, const double (*ecef)[3],
		   const sn_match_params *p, int64_t q_max_len, double q_max_prec)
{
	indexed    *ix;
	size_t		size = 16,
				nb = 0;

	free(t->table);
	t->table = NULL;
	t->tstep = 2 * p->within_days + t->max_len + q_max_len;
	if (t->tstep < 1)
		t->tstep = 1;
	t->cell = p->within_km * 1000.0 + t->max_prec + q_max_prec;
	if (t->cell < 1000.0)
		t->cell = 1000.0;
	ix = malloc(sizeof(indexed) * (t->n ? t->n : 1));
	if (!ix)
		return false;
	for (size_t i = 0; i < t->n; i++)
	{
		size_t		e = t->members[i];

		ix[i].idx = e;
		ix[i].key.tb = sn_floor_div(ev[e].day_lo, t->tstep);
		for (int d = 0; d < 3; d++)
			ix[i].key.c[d] = cell_of(ecef[e][d], t->cell);
	}
	qsort(ix, t->n, sizeof(indexed), indexed_cmp);
	for (size_t i = 0; i < t->n; i++)
	{
		t->members[i] = ix[i].idx;
		if (i == 0 || key_cmp(&ix[i].key, &ix[i - 1].key) != 0)
			nb++;
	}
	while (size < 2 * nb)
		size *= 2;
	t->table = calloc(size, sizeof(bucket));
	if (!t->table)
	{
		free(ix);
		return false;
	}
	t->mask = size - 1;
	for (size_t i = 0; i < t->n; i++)
	{
		bucket	   *b;
		size_t		h;

		if (i > 0 && key_cmp(&ix[i].key, &ix[i - 1].key) == 0)
			continue;
		h = key_hash(&ix[i].key) & t->mask;
		while (t->table[h].used)
			h = (h + 1) & t->mask;
		b = &t->table[h];
		b->used = true;
		b->key = ix[i].key;
		b->start = (uint32_t) i;
		b->count = 1;
		while (i + b->count < t->n && key_cmp(&ix[i + b->count].key, &ix[i].key) == 0)
			b->count++;
	}
	free(ix);
	return true;
}

#define N_TIERS (N_LEN_CLASSES * N_PREC_CLASSES)

static int
tier_of(const sn_match_event *e)
{
	return class_of((double) (e->day_hi - e->day_lo + 1), len_bounds, N_LEN_CLASSES - 1) * N_PREC_CLASSES +
		class_of(e->precision_m, prec_bounds, N_PREC_CLASSES - 1);
}

/* Sort the usable events of ev into tiers; members is the backing array (n). */
static void
make_tiers(tier *tiers, const sn_match_event *ev, size_t n, size_t *members)
{
	size_t		fill[N_TIERS];
	size_t		off = 0;

	for (size_t i = 0; i < n; i++)
	{
		tier	   *tr;
		int64_t		len = ev[i].day_hi - ev[i].day_lo + 1;

		if (!usable(&ev[i]))
			continue;
		tr = &tiers[tier_of(&ev[i])];
		tr->n++;
		if (len > tr->max_len)
			tr->max_len = len;
		if (ev[i].precision_m > tr->max_prec)
			tr->max_prec = ev[i].precision_m;
	}
	for (int k = 0; k < N_TIERS; k++)
	{
		tiers[k].members = members + off;
		fill[k] = 0;
		off += tiers[k].n;
	}
	for (size_t i = 0; i < n; i++)
	{
		int			k;

		if (!usable(&ev[i]))
			continue;
		k = tier_of(&ev[i]);
		tiers[k].members[fill[k]++] = i;
	}
}

static void
ecef_of(const sn_match_event *ev, size_t n, double (*out)[3])
{
	for (size_t i = 0; i < n; i++)
	{
		sn_geopoint g = {ev[i].lat, ev[i].lon};

		if (usable(&ev[i]))
			sn_geopoint_ecef(&g, out[i]);
		else
			out[i][0] = out[i][1] = out[i][2] = 0;
	}
}

/*
 * Query tier by query tier: the target tier is bucketed for this query tier
 * (T = 2w + both longest intervals, C = within_km + both largest radii), so
 * that a query visits at most 2 time buckets x 27 cubes of each target tier.
 */
bool
sn_match_candidates(const sn_match_event *q, size_t nq,
					const sn_match_event *t, size_t nt,
					bool same_set, const sn_match_params *p,
					sn_match_pair_cb cb, void *ctx, uint64_t *n_compared)
{
	tier		ttiers[N_TIERS];
	tier		qtiers[N_TIERS];
	double		(*tecef)[3] = NULL;
	double		(*qecef)[3] = NULL;
	size_t	   *tmembers = NULL;
	size_t	   *qmembers = NULL;
	bool		ok = false;
	uint64_t	compared = 0;

	memset(ttiers, 0, sizeof(ttiers));
	memset(qtiers, 0, sizeof(qtiers));
	if (n_compared)
		*n_compared = 0;
	if (nq == 0 || nt == 0)
		return true;
	if (nt > UINT32_MAX)
		return false;
	tecef = malloc(sizeof(double[3]) * nt);
	qecef = same_set ? tecef : malloc(sizeof(double[3]) * nq);
	tmembers = malloc(sizeof(size_t) * nt);
	qmembers = malloc(sizeof(size_t) * nq);
	if (!tecef || !qecef || !tmembers || !qmembers)
		goto done;
	ecef_of(t, nt, tecef);
	if (!same_set)
		ecef_of(q, nq, qecef);
	make_tiers(ttiers, t, nt, tmembers);
	make_tiers(qtiers, q, nq, qmembers);

	for (int qk = 0; qk < N_TIERS; qk++)
	{
		const tier *qt = &qtiers[qk];

		if (qt->n == 0)
			continue;
		for (int k = 0; k < N_TIERS; k++)
		{
			tier	   *tr = &ttiers[k];

			if (tr->n == 0)
				continue;
			if (!tier_build(tr, t, (const double (*)[3]) tecef, p, qt->max_len, qt->max_prec))
				goto done;
			for (size_t m = 0; m < qt->n; m++)
			{
				size_t		i = qt->members[m];
				const sn_match_event *a = &q[i];
				double		r = p->within_km * 1000.0 + a->precision_m + tr->max_prec;
				int64_t		tb_lo,
							tb_hi;
				int32_t		clo[3],
							chi[3];
				bucket_key	key;

				tb_lo = sn_floor_div(a->day_lo - p->within_days - (tr->max_len - 1), tr->tstep);
				tb_hi = sn_floor_div(a->day_hi + p->within_days, tr->tstep);
				for (int d = 0; d < 3; d++)
				{
					clo[d] = cell_of(qecef[i][d] - r, tr->cell);
					chi[d] = cell_of(qecef[i][d] + r, tr->cell);
				}
				for (key.tb = tb_lo; key.tb <= tb_hi; key.tb++)
					for (key.c[0] = clo[0]; key.c[0] <= chi[0]; key.c[0]++)
						for (key.c[1] = clo[1]; key.c[1] <= chi[1]; key.c[1]++)
							for (key.c[2] = clo[2]; key.c[2] <= chi[2]; key.c[2]++)
							{
								const bucket *b = tier_find(tr, &key);

								if (!b)
									continue;
								for (uint32_t j0 = 0; j0 < b->count; j0++)
								{
									size_t		j = tr->members[b->start + j0];
									const sn_match_event *c = &t[j];
									double		rr,
												chord;
									sn_match_parts parts;

									if (same_set && j <= i)
										continue;
									if (sn_match_days_apart(a->day_lo, a->day_hi, c->day_lo, c->day_hi) > p->within_days)
										continue;
									rr = p->within_km * 1000.0 + a->precision_m + c->precision_m;
									chord = sn_ecef_chord(qecef[i], tecef[j]);
									if (sn_geodesic_lower_bound(chord) > rr)
										continue;
									compared++;
									if (!sn_match_compare(a, c, p, &parts))
										continue;
									if (!cb(ctx, i, j, &parts))
										goto done;
								}
							}
			}
		}
	}
	ok = true;
done:
	if (n_compared)
		*n_compared = compared;
	for (int k = 0; k < N_TIERS; k++)
		free(ttiers[k].table);
	free(tmembers);
	free(qmembers);
	if (qecef != tecef)
		free(qecef);
	free(tecef);
	return ok;
}

/* ------------------------------------------------------------------------
 * Selection
 */

static int
cmp_i64(int64_t x, int64_t y)
{
	return x < y ? -1 : x > y;
}

int
sn_match_pair_order(const sn_match_pair *x, const sn_match_pair *y,
					const sn_match_event *a, const sn_match_event *b)
{
	int			c;
	int64_t		xlo,
				xhi,
				ylo,
				yhi;

	if ((x->status == SN_MATCH_ACCEPTED) != (y->status == SN_MATCH_ACCEPTED))
		return x->status == SN_MATCH_ACCEPTED ? -1 : 1;
	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	if ((c = cmp_i64(x->days_apart, y->days_apart)) != 0)
		return c;
	if (x->km_apart != y->km_apart)
		return x->km_apart < y->km_apart ? -1 : 1;
	xlo = a[x->a].id < b[x->b].id ? a[x->a].id : b[x->b].id;
	xhi = a[x->a].id < b[x->b].id ? b[x->b].id : a[x->a].id;
	ylo = a[y->a].id < b[y->b].id ? a[y->a].id : b[y->b].id;
	yhi = a[y->a].id < b[y->b].id ? b[y->b].id : a[y->a].id;
	if ((c = cmp_i64(xlo, ylo)) != 0)
		return c;
	return cmp_i64(xhi, yhi);
}

typedef struct order_ctx
{
	const sn_match_pair *pairs;
	const sn_match_event *a;
	const sn_match_event *b;
} order_ctx;

/* qsort has no context argument: a file-level pointer, set around the call */
static const order_ctx *sort_ctx;

static int
order_cmp(const void *x, const void *y)
{
	size_t		i = *(const size_t *) x,
				j = *(const size_t *) y;
	int			c = sn_match_pair_order(&sort_ctx->pairs[i], &sort_ctx->pairs[j],
										sort_ctx->a, sort_ctx->b);

	if (c)
		return c;
	return i < j ? -1 : i > j;
}

/*
 * May side-x event e (unmatched) share the counterpart that row `holder` of its
 * dataset took?
 */
static bool
may_share(const sn_match_event *e, const sn_match_event *holder, const sn_match_event *counterpart,
		  const sn_match_params *p)
{
	int64_t		allowed = counterpart->day_hi - counterpart->day_lo;
	double		km;
	int			actors;

	if (allowed < p->within_days)
		allowed = p->within_days;
	if (sn_match_days_apart(e->day_lo, e->day_hi, holder->day_lo, holder->day_hi) > allowed)
		return false;

	/*
	 * The rows a dataset makes of one incident (a day, a type of violence) keep
	 * the group that carried it out: a row with no group in common with the
	 * holder (only a class, such as civilians or the state's forces, which
	 * every row of a war shares, or none) is another incident.
	 */
	actors = sn_match_actor_part(e->actors, e->n_actors, holder->actors, holder->n_actors);
	if (actors == SN_MATCH_ACTORS_NONE || actors == SN_MATCH_ACTORS_KIND)
		return false;

	/*
	 * At the same place: within within_km.  A row placed only near a town or
	 * in a district (a radius beyond a town's) may lie anywhere in it, so the
	 * two rows are then as far apart as the windows measure, beyond both
	 * radii; two town-level rows by their points.
	 */
	km = event_km(e, holder);
	if (e->precision_m > SN_MATCH_TOWN_M || holder->precision_m > SN_MATCH_TOWN_M)
		km = sn_match_km_apart(km, e->precision_m, holder->precision_m);
	return km <= p->within_km;
}

/* The two best values seen of one event's candidates */
typedef struct top2
{
	double		first;
	double		second;
} top2;

static void
top2_add(top2 *t, double v)
{
	if (v > t->first)
	{
		t->second = t->first;
		t->first = v;
	}
	else if (v > t->second)
		t->second = v;
}

/* the best value among an event's other candidates than one valued v */
static double
top2_other(const top2 *t, double v)
{
	return v >= t->first ? t->second : t->first;
}

/*
 * Which proposed pairs may be selected: pair.eligible, a score of at least
 * min_score, or a lone pair (lone_min_score, lone_margin, and not against on
 * type, actors and deaths at once); pair.crowded_a/_b, with crowd_tolerance
 * >= 0, no evidence while the side-a (side-b) event has another candidate as
 * near in time and place.  The time and space parts of a score are what
 * remains of it without the evidence parts (type, actors, deaths), computed
 * again from the events (a stored pair's events are unchanged since it was
 * scored, or it would have been scored again).
 */
static bool
mark_eligible(sn_match_pair *pairs, size_t n,
			  const sn_match_event *a, size_t na, const sn_match_event *b, size_t nb,
			  const sn_match_params *p)
{
	bool		lone = p->lone_min_score < p->min_score;
	bool		crowd = p->crowd_tolerance >= 0;
	top2	   *score_a = NULL,
			   *score_b = NULL,
			   *place_a = NULL,
			   *place_b = NULL;
	double	   *place = NULL;
	bool	   *evidence = NULL;
	bool	   *contrary = NULL;
	bool		ok = false;

	for (size_t k = 0; k < n; k++)
	{
		pairs[k].eligible = pairs[k].score >= p->min_score;
		pairs[k].crowded_a = pairs[k].crowded_b = false;
	}
	if (!lone && !crowd)
		return true;
	score_a = calloc(na ? na : 1, sizeof(top2));
	score_b = calloc(nb ? nb : 1, sizeof(top2));
	place_a = calloc(na ? na : 1, sizeof(top2));
	place_b = calloc(nb ? nb : 1, sizeof(top2));
	place = malloc(sizeof(double) * (n ? n : 1));
	evidence = malloc(sizeof(bool) * (n ? n : 1));
	contrary = malloc(sizeof(bool) * (n ? n : 1));
	if (!score_a || !score_b || !place_a || !place_b || !place || !evidence || !contrary)
		goto done;
	for (size_t i = 0; i < na; i++)
		score_a[i].first = score_a[i].second = place_a[i].first = place_a[i].second = -1.0;
	for (size_t i = 0; i < nb; i++)
		score_b[i].first = score_b[i].second = place_b[i].first = place_b[i].second = -1.0;
	for (size_t k = 0; k < n; k++)
	{
		sn_match_pair *x = &pairs[k];
		sn_match_parts r;

		if (x->status != SN_MATCH_PROPOSED)
			continue;
		parts_without_space(&a[x->a], &b[x->b], &r);
		r.km = r.km_apart = 0;	/* the space part is not used */
		sn_match_score(&r, p);
		place[k] = x->score - (p->w_category * r.s_category + p->w_actors * r.s_actors
							   + p->w_fatalities * r.s_fatalities + p->w_text * (r.s_text - 0.5));
		evidence[k] = sn_match_has_evidence(&r);
		contrary[k] = r.level == 0 && r.actors == SN_MATCH_ACTORS_NONE && r.fatalities == 0;
		top2_add(&score_a[x->a], x->score);
		top2_add(&score_b[x->b], x->score);
		top2_add(&place_a[x->a], place[k]);
		top2_add(&place_b[x->b], place[k]);
	}
	for (size_t k = 0; k < n; k++)
	{
		sn_match_pair *x = &pairs[k];

		if (x->status != SN_MATCH_PROPOSED)
			continue;
		if (!x->eligible && lone && !contrary[k] && x->score >= p->lone_min_score
			&& x->score >= score_a[x->a].first && x->score >= score_b[x->b].first
			&& top2_other(&score_a[x->a], x->score) <= x->score - p->lone_margin
			&& top2_other(&score_b[x->b], x->score) <= x->score - p->lone_margin)
			x->eligible = true;
		x->crowded_a = crowd && !evidence[k]
			&& top2_other(&place_a[x->a], place[k]) >= place[k] - p->crowd_tolerance;
		x->crowded_b = crowd && !evidence[k]
			&& top2_other(&place_b[x->b], place[k]) >= place[k] - p->crowd_tolerance;
	}
	ok = true;
done:
	free(score_a);
	free(score_b);
	free(place_a);
	free(place_b);
	free(place);
	free(evidence);
	free(contrary);
	return ok;
}

#define NO_PAIR ((size_t) -1)

/* A pair that may not be selected: rejected, or proposed and too weak or crowded without evidence */
static bool
held_back(const sn_match_pair *x)
{
	return x->status == SN_MATCH_REJECTED
		|| (x->status == SN_MATCH_PROPOSED && (!x->eligible || x->crowded_a || x->crowded_b));
}

/*
 * One-to-one, best first: a pair is selected when neither of its events is
 * yet; accepted pairs come first and always hold.  holder_a[i] (holder_b)
 * becomes the pair that selected event i.
 */
static void
select_one_to_one(sn_match_pair *pairs, const size_t *order, size_t n, size_t *holder_a, size_t *holder_b)
{
	for (size_t k = 0; k < n; k++)
	{
		sn_match_pair *x = &pairs[order[k]];

		if (held_back(x))
			continue;
		if (x->status == SN_MATCH_ACCEPTED
			|| (holder_a[x->a] == NO_PAIR && holder_b[x->b] == NO_PAIR))
		{
			x->rank_a = x->rank_b = 1;
			if (holder_a[x->a] == NO_PAIR)
				holder_a[x->a] = order[k];
			if (holder_b[x->b] == NO_PAIR)
				holder_b[x->b] = order[k];
		}
	}
}

/*
 * Side 0: the a event of pair ix, unmatched, meets its best remaining
 * candidate, the b event; side 1: the reverse.  When the pair that took that
 * candidate holds another row of the unmatched event's own dataset, is not
 * itself shared, and the two rows are at the same place (may_share), the
 * unmatched row shares the candidate.  Only the row's best remaining
 * candidate is considered (seen).
 */
static bool
try_share(sn_match_pair *pairs, size_t ix, int side, const sn_match_event *a, const sn_match_event *b,
		  size_t *holder_a, size_t *holder_b, bool *seen, const sn_match_params *p)
{
	sn_match_pair *x = &pairs[ix];
	size_t		row = side ? x->b : x->a;
	size_t		candidate = side ? x->a : x->b;
	size_t	   *holder_own = side ? holder_b : holder_a;
	size_t		h = (side ? holder_a : holder_b)[candidate];
	const sn_match_event *own = side ? b : a;
	const sn_match_event *other = side ? a : b;

	if (holder_own[row] != NO_PAIR || seen[row])
		return false;
	seen[row] = true;
	if (h == NO_PAIR || pairs[h].shared
		|| !may_share(&own[row], &own[side ? pairs[h].b : pairs[h].a], &other[candidate], p))
		return false;
	x->rank_a = x->rank_b = 1;
	x->shared = true;
	holder_own[row] = ix;
	return true;
}

/*
 * Split rows: an event left unmatched whose best remaining candidate was
 * taken by another row of its own (splitting) dataset at the same place
 * shares it, in the selection's order.  False when out of memory.
 */
static bool
share_split_rows(sn_match_pair *pairs, const size_t *order, size_t n,
				 const sn_match_event *a, size_t na, bool a_splits,
				 const sn_match_event *b, size_t nb, bool b_splits,
				 size_t *holder_a, size_t *holder_b, const sn_match_params *p)
{
	bool	   *seen_a = calloc(na ? na : 1, sizeof(bool));
	bool	   *seen_b = calloc(nb ? nb : 1, sizeof(bool));

	if (!seen_a || !seen_b)
	{
		free(seen_a);
		free(seen_b);
		return false;
	}
	for (size_t k = 0; k < n; k++)
	{
		const sn_match_pair *x = &pairs[order[k]];

		if (held_back(x) || x->rank_a == 1)
			continue;
		if (a_splits && try_share(pairs, order[k], 0, a, b, holder_a, holder_b, seen_a, p))
			continue;
		if (b_splits)
			try_share(pairs, order[k], 1, a, b, holder_a, holder_b, seen_b, p);
	}
	free(seen_a);
	free(seen_b);
	return true;
}

/*
 * The contenders' ranks, from each side: after the selected pair (1), 2, 3,
 * ... in order; counter has room for the larger side.
 */
static void
rank_contenders(sn_match_pair *pairs, const size_t *order, size_t n, size_t na, size_t nb, size_t *counter)
{
	for (int side = 0; side < 2; side++)
	{
		size_t		nside = side ? nb : na;

		for (size_t i = 0; i < nside; i++)
			counter[i] = 1;
		for (size_t k = 0; k < n; k++)
		{
			sn_match_pair *x = &pairs[order[k]];
			size_t		e = side ? x->b : x->a;
			int		   *rank = side ? &x->rank_b : &x->rank_a;

			if (x->status == SN_MATCH_REJECTED || x->rank_a == 1)
				continue;
			*rank = (int) (++counter[e]);
		}
	}
}

bool
sn_match_select(sn_match_pair *pairs, size_t n,
				const sn_match_event *a, size_t na, bool a_splits,
				const sn_match_event *b, size_t nb, bool b_splits,
				const sn_match_params *p)
{
	size_t		nmax = na > nb ? na : nb;
	size_t	   *order = malloc(sizeof(size_t) * (n ? n : 1));
	size_t	   *holder_a = malloc(sizeof(size_t) * (na ? na : 1));	/* the pair that selected each a event */
	size_t	   *holder_b = malloc(sizeof(size_t) * (nb ? nb : 1));
	size_t	   *counter = malloc(sizeof(size_t) * (nmax ? nmax : 1));
	bool		ok = false;
	order_ctx	oc = {pairs, a, b};

	if (!order || !holder_a || !holder_b || !counter)
		goto done;
	for (size_t i = 0; i < n; i++)
	{
		order[i] = i;
		pairs[i].rank_a = pairs[i].rank_b = 0;
		pairs[i].shared = false;
	}
	for (size_t i = 0; i < na; i++)
		holder_a[i] = NO_PAIR;
	for (size_t i = 0; i < nb; i++)
		holder_b[i] = NO_PAIR;
	sort_ctx = &oc;
	qsort(order, n, sizeof(size_t), order_cmp);
	sort_ctx = NULL;
	if (!mark_eligible(pairs, n, a, na, b, nb, p))
		goto done;
	select_one_to_one(pairs, order, n, holder_a, holder_b);
	if ((a_splits || b_splits)
		&& !share_split_rows(pairs, order, n, a, na, a_splits, b, nb, b_splits, holder_a, holder_b, p))
		goto done;
	rank_contenders(pairs, order, n, na, nb, counter);
	ok = true;
done:
	free(order);
	free(holder_a);
	free(holder_b);
	free(counter);
	return ok;
}

/* ------------------------------------------------------------------------
 * Incidents
 */

static size_t
uf_find(size_t *parent, size_t i)
{
	while (parent[i] != i)
	{
		parent[i] = parent[parent[i]];
		i = parent[i];
	}
	return i;
}

bool
sn_match_cluster(size_t n_events, const int *dataset, uint64_t splits,
				 const sn_match_link *links, size_t n_links,
				 size_t *cluster, size_t *n_refused)
{
	size_t	   *parent = malloc(sizeof(size_t) * (n_events ? n_events : 1));
	uint64_t   *held = malloc(sizeof(uint64_t) * (n_events ? n_events : 1));
	size_t		refused = 0;

	if (!parent || !held)
	{
		free(parent);
		free(held);
		return false;
	}
	for (size_t i = 0; i < n_events; i++)
	{
		parent[i] = i;
		held[i] = (dataset[i] >= 0 && dataset[i] < 64) ? UINT64_C(1) << dataset[i] : 0;
	}
	for (size_t k = 0; k < n_links; k++)
	{
		size_t		x,
					y;

		if (links[k].x >= n_events || links[k].y >= n_events)
			continue;
		x = uf_find(parent, links[k].x);
		y = uf_find(parent, links[k].y);
		if (x == y)
			continue;
		if ((held[x] & held[y]) & ~splits)
		{
			refused++;
			continue;
		}
		/* the smaller index is the root, so that the root is the cluster's smallest */
		if (y < x)
		{
			size_t		s = x;

			x = y;
			y = s;
		}
		parent[y] = x;
		held[x] |= held[y];
	}
	for (size_t i = 0; i < n_events; i++)
		cluster[i] = uf_find(parent, i);
	if (n_refused)
		*n_refused = refused;
	free(parent);
	free(held);
	return true;
}
