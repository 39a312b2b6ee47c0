/*
 * extension/core/event_match.h
 *
 * Linking the same incident across conflict datasets, without PostgreSQL:
 * the parts of a pair's score, the score, the search for candidate pairs
 * within a time and a space window, the selection of one match per event,
 * and the clustering of links into incidents.  docs/reference/matching.md explains
 * the rules and the weights; link_events() (extension/sql/400_matching.sql)
 * feeds this from the events table.
 *
 * Days are day numbers (any epoch; the glue uses PostgreSQL's, 2000-01-01),
 * each event an inclusive interval [day_lo, day_hi] of the days it can mean
 * (the bounds of its edtf).  Locations are WGS84 points with a radius in
 * metres within which the true site may lie (the dataset's precision code).
 */
#ifndef SN_EVENT_MATCH_H
#define SN_EVENT_MATCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* An unknown count bound (fatalities) */
#define SN_MATCH_UNKNOWN (-1)

/* The actor part: how the two events' resolved actors compare */
typedef enum sn_match_actors
{
	SN_MATCH_ACTORS_UNKNOWN = -1,	/* one side names no actor: neutral */
	SN_MATCH_ACTORS_NONE = 0,	/* both name actors, none in common */
	SN_MATCH_ACTORS_SWAPPED = 1,	/* shared, but attacker and attacked swapped */
	SN_MATCH_ACTORS_SHARED = 2, /* shared, sides not comparable */
	SN_MATCH_ACTORS_SAME_SIDES = 3,	/* shared, on the same sides */
	SN_MATCH_ACTORS_KIND = 4	/* no actor in common, only a class (a
								 * state's forces, civilians, a crowd):
								 * neutral, as most events of a war share one */
} sn_match_actors;

/* Sides of an actor in an event */
#define SN_MATCH_SIDE_NONE 0	/* associate, or a role that says no side */
#define SN_MATCH_SIDE_1 1		/* initiator: actor1, claimant */
#define SN_MATCH_SIDE_2 2		/* the other side: actor2, target, victim */

typedef struct sn_match_actor
{
	int64_t		actor_id;		/* >= 0: an actor (a named group); < 0: a
								 * class of actors (a state's forces,
								 * civilians), shared by many */
	int			side;			/* SN_MATCH_SIDE_* */
} sn_match_actor;

/* One event as the matcher sees it */
typedef struct sn_match_event
{
	int64_t		id;				/* events.id */
	int64_t		day_lo;			/* earliest day it can mean */
	int64_t		day_hi;			/* latest day (>= day_lo) */
	double		lat;			/* degrees */
	double		lon;
	double		precision_m;	/* radius of the true site's uncertainty, >= 0 */
	int64_t		fat_lo;			/* deaths, lowest; SN_MATCH_UNKNOWN when unknown */
	int64_t		fat_hi;			/* highest; SN_MATCH_UNKNOWN when unbounded */
	uint64_t	level1;			/* common taxonomy level 1, 0 unknown (any other
								 * value: an identity, e.g. a hash of its name) */
	uint64_t	level2;			/* level 2, 0 unknown */
	uint64_t	category;		/* its category in its dataset's own coding (a
								 * hash), 0 none: duplicates share it */
	uint64_t	source;			/* its source (a hash of the URL), 0 none */
	const sn_match_actor *actors;	/* its resolved actors */
	size_t		n_actors;
	const uint64_t *words;		/* the content words of its description
								 * (sn_text_words: sorted hashes); none: its
								 * text is unknown */
	size_t		n_words;
	const uint64_t *group_words;	/* the words of its named groups' names
									 * (sorted hashes): a word both events'
									 * groups hold is compared by identity,
									 * not as text */
	size_t		n_group_words;
	const char *text;			/* the description the words come from, and */
	size_t		text_len;		/* the text whose words were left out (the */
	const char *exclude;		/* place's name), for the reasons' list of */
	size_t		exclude_len;	/* shared words; NULL: none */
} sn_match_event;

/* The windows and weights */
typedef struct sn_match_params
{
	double		within_km;		/* km allowed beyond both precision radii */
	int64_t		within_days;	/* days allowed between the intervals */
	double		w_time;			/* weights of the parts (sum 1) */
	double		w_space;
	double		w_category;
	double		w_actors;
	double		w_fatalities;
	double		w_text;			/* the text moves the score by w_text times
								 * s_text - 0.5 (s_text 0.5: no effect) */
	double		dup_km;			/* within one dataset: "the same location" */
	double		min_score;		/* a proposed pair below it is never selected,
								 * unless it is a lone pair (below) */
	double		lone_min_score; /* a lone pair: selected from this score up
								 * (> min_score: off) */
	double		lone_margin;	/* ... when each of its two events' other
								 * candidates scores at least this much less */
	double		crowd_tolerance;	/* < 0: off; else a pair that an event's
									 * other candidate equals on time and place
									 * (their parts within this) needs evidence */
} sn_match_params;

/*
 * The selection rules of link_events() (docs/reference/matching.md, "How
 * links are selected"): a lone pair from 0.5 when every other candidate of
 * its two events scores 0.15 less; a crowded pair (another candidate within
 * 0.01 on time and place) needs evidence.
 */
#define SN_MATCH_LONE_MIN_SCORE 0.50
#define SN_MATCH_LONE_MARGIN 0.15
#define SN_MATCH_CROWD_TOLERANCE 0.01

/*
 * Evidence of a pair's own in a crowded place (beside a shared type, a named
 * group in common, or death ranges that overlap): at least this many content
 * words both descriptions hold (event_text.h), beyond the place's name.
 */
#define SN_MATCH_TEXT_EVIDENCE 2

/*
 * The precision radius of a place known to the town (ACLED geo_precision 1,
 * UCDP where_prec 1, GTD specificity 1: 2 km); a larger one is vaguer.
 */
#define SN_MATCH_TOWN_M 2000.0

/* The parts of a pair's score, and the score */
typedef struct sn_match_parts
{
	int64_t		days_apart;		/* days between the intervals, 0 when they overlap */
	int64_t		span_days;		/* the longer interval's length in days */
	double		km;				/* geodesic distance of the two points */
	double		km_apart;		/* beyond both precision radii, >= 0 */
	double		radius_km;		/* the two radii combined (root of the sum of squares) */
	int			level;			/* shared taxonomy level 2, 1, 0; -1 unknown */
	int			actors;			/* sn_match_actors */
	int			fatalities;		/* 1 ranges overlap, 0 they do not, -1 unknown */
	double		fatality_ratio; /* when disjoint: (smaller high + 1) / (larger low + 1) */
	int			shared_words;	/* content words both descriptions hold; -1
								 * when either has none */
	double		s_time;			/* each part's value in [0, 1] */
	double		s_space;
	double		s_category;
	double		s_actors;
	double		s_fatalities;
	double		s_text;			/* 0.5 (no effect) when shared_words is -1 or 1 */
	double		score;			/* the weighted sum, [0, 1] */
} sn_match_parts;

/*
 * The shipped weights, a duplicate distance of 1 km, min_score 0, the lone
 * and crowd rules off; windows as given.  sn_match_params_linking() turns the
 * rules on.
 */
extern void sn_match_params_default(sn_match_params *p, double within_km, int64_t within_days);

/* The lone and crowd rules of link_events() on (SN_MATCH_LONE_*, SN_MATCH_CROWD_*). */
extern void sn_match_params_linking(sn_match_params *p);

/*
 * Evidence beyond time and place: the two events share a type (taxonomy
 * level 1 or 2), a named group (on whichever sides), death counts whose
 * ranges overlap, or SN_MATCH_TEXT_EVIDENCE content words of their
 * descriptions.
 */
extern bool sn_match_has_evidence(const sn_match_parts *parts);

/*
 * The content words both events' descriptions hold, less those of groups both
 * name (which the actor part compares); -1 when either has no content word.
 */
extern int	sn_match_shared_words(const sn_match_event *a, const sn_match_event *b);

/*
 * The words both events' groups hold, as sorted hashes into out (room for
 * SN_TEXT_MAX_WORDS); returns how many.
 */
extern size_t sn_match_group_words_shared(const sn_match_event *a, const sn_match_event *b, uint64_t *out);

/* ---- the parts ---- */

/* Days between [alo, ahi] and [blo, bhi]: 0 when they overlap. */
extern int64_t sn_match_days_apart(int64_t alo, int64_t ahi, int64_t blo, int64_t bhi);

/* Geodesic km between the points, less both radii (metres), floored at 0. */
extern double sn_match_km_apart(double km, double prec_a_m, double prec_b_m);

/* 1 when [alo, ahi] and [blo, bhi] overlap, 0 when not, -1 when either is unknown. */
extern int	sn_match_fatalities(int64_t alo, int64_t ahi, int64_t blo, int64_t bhi,
								double *ratio);

/* The deepest shared taxonomy level: 2, 1, 0; -1 when either is unknown. */
extern int	sn_match_level(uint64_t a1, uint64_t a2, uint64_t b1, uint64_t b2);

/*
 * How the actors compare (sn_match_actors): an actor (id >= 0) in common
 * decides, with its sides; else a class (id < 0) in common gives
 * SN_MATCH_ACTORS_KIND; else none shared.
 */
extern int	sn_match_actor_part(const sn_match_actor *a, size_t na,
								const sn_match_actor *b, size_t nb);

/*
 * All parts and the score of a pair; returns whether the pair lies within
 * both windows (days_apart <= within_days and km_apart <= within_km).
 */
extern bool sn_match_compare(const sn_match_event *a, const sn_match_event *b,
							 const sn_match_params *p, sn_match_parts *out);

/* The score from the parts (fills the s_* fields and score). */
extern void sn_match_score(sn_match_parts *parts, const sn_match_params *p);

/*
 * Within one dataset: are a and b copies of one report (same source, or the
 * same actors, the same category of the dataset's coding, the same days and a
 * location within dup_km)?
 */
extern bool sn_match_is_duplicate(const sn_match_event *a, const sn_match_event *b,
								  const sn_match_params *p);

/* ---- candidate search ---- */

/*
 * Called once per candidate pair (q[iq], t[it]).  Returns false to stop.
 * Must not long-jump (the search holds malloc'd memory).
 */
typedef bool (*sn_match_pair_cb) (void *ctx, size_t iq, size_t it, const sn_match_parts *parts);

/*
 * Every pair of q x t within the windows, each once.  same_set: q and t are
 * the same array; each unordered pair of distinct events is reported once
 * (iq < it).  Events whose days or location are not finite are skipped.
 * Cost grows with the number of events and of candidate pairs, not with
 * nq * nt: t is bucketed by time and by a grid of ECEF cubes, in tiers of
 * like interval length and precision radius.  Returns false when memory runs
 * out or cb stops it; *n_compared counts the pairs whose distance was taken.
 */
extern bool sn_match_candidates(const sn_match_event *q, size_t nq,
								const sn_match_event *t, size_t nt,
								bool same_set, const sn_match_params *p,
								sn_match_pair_cb cb, void *ctx, uint64_t *n_compared);

/* ---- selection ---- */

/* Review status of a pair */
#define SN_MATCH_PROPOSED 0
#define SN_MATCH_ACCEPTED 1
#define SN_MATCH_REJECTED 2

/* A scored pair between side a (one dataset) and side b (another). */
typedef struct sn_match_pair
{
	size_t		a;				/* index into the side-a events */
	size_t		b;				/* index into the side-b events */
	double		score;
	int64_t		days_apart;
	double		km_apart;
	int			status;			/* SN_MATCH_* */
	/* results */
	int			rank_a;			/* rank of b among a's candidates (1 selected); 0 rejected */
	int			rank_b;			/* rank of a among b's candidates */
	bool		shared;			/* selected as a split row sharing its counterpart */
	bool		eligible;		/* scores enough, or is lone (set by sn_match_select) */
	bool		crowded_a;		/* no evidence, and another candidate of the
								 * side-a event is as near in time and place */
	bool		crowded_b;		/* ... of the side-b event */
} sn_match_pair;

/*
 * One match per event, best first: accepted pairs, then by score (higher),
 * days apart, km apart (smaller), then the lower event ids; an event selected
 * once is out of competition.  A rejected pair is never selected, nor a
 * proposed one scoring below min_score, unless it is lone: it scores at
 * least lone_min_score, every other candidate of each of its two events
 * scores at least lone_margin less, and it does not disagree on all three of
 * type (taxonomy level 1), actors (none in common) and deaths (ranges apart).
 * With crowd_tolerance >= 0, a proposed pair one of whose events has another
 * candidate as near in time and place (the time and space parts of the two
 * scores within crowd_tolerance) is selected, or shares a counterpart, only
 * with evidence (sn_match_has_evidence).  When a
 * side splits incidents (ACLED: one row per day and type), a row left
 * unmatched whose best remaining candidate was taken by another row of its
 * dataset at the same place (within within_km; beyond both radii when either
 * is vaguer than a town, SN_MATCH_TOWN_M), within the counterpart's days
 * (or within_days) and with an actor in common (not only a class; or one of
 * the two names none) shares that counterpart (pair.shared).  Then ranks:
 * 1 for a selected pair, 2, 3, ... for the others in the same order, from
 * each side's point of view.  Returns false when memory runs out.
 */
extern bool sn_match_select(sn_match_pair *pairs, size_t n,
							const sn_match_event *a, size_t na, bool a_splits,
							const sn_match_event *b, size_t nb, bool b_splits,
							const sn_match_params *p);

/* The order of selection: <0 when x goes first. */
extern int	sn_match_pair_order(const sn_match_pair *x, const sn_match_pair *y,
								const sn_match_event *a, const sn_match_event *b);

/* ---- incidents ---- */

/* A link between two events, each with a dataset number (0..63) */
typedef struct sn_match_link
{
	size_t		x;				/* event index */
	size_t		y;
} sn_match_link;

/*
 * Clusters of linked events: links are taken in the order given (the caller
 * puts accepted and better links first) and joined unless the union would
 * hold two events of one dataset that does not split incidents (bit d of
 * splits set: dataset d may hold several).  dataset[i] in 0..63 is event i's
 * dataset.  cluster[i] receives the smallest event index of i's cluster.
 * Returns false when memory runs out.  *n_refused counts the links left out.
 */
extern bool sn_match_cluster(size_t n_events, const int *dataset, uint64_t splits,
							 const sn_match_link *links, size_t n_links,
							 size_t *cluster, size_t *n_refused);

#endif							/* SN_EVENT_MATCH_H */
