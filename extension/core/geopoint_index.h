/*
 * extension/core/geopoint_index.h
 *
 * The maths behind the geopoint GiST index: keys, bounds, penalty, split.
 *
 * Keys.  A point is placed at its earth-centred, earth-fixed (ECEF) position
 * on the WGS84 ellipsoid, in metres, and an index key is an axis-aligned box
 * in that 3-D space, stored as six float4 (24 bytes) rounded outwards so that
 * it always contains the exact (double) positions it stands for.  There are
 * no seams: the antimeridian and the poles are ordinary places in 3-D, and a
 * box around the North Pole or across longitude 180 is just a small box.
 *
 * Lower bound.  A geodesic is a curve on the ellipsoid's surface, so it is
 * never shorter than the straight segment (the chord) between its ends.  The
 * Euclidean distance from a query point to a box is at most the chord to any
 * point inside it, so it never exceeds the geodesic distance to any point the
 * box covers.  One millimetre is subtracted to cover rounding in the ECEF
 * positions (about 1e-9 m) and in PROJ's geodesic (about 15 nm), so the bound
 * holds against the computed distance too.  Unlike a bound on a sphere of
 * radius 6378137 m, this one needs no assumption about the ellipsoid's shape.
 *
 * Upper bound.  Along a geodesic the curvature of the curve in space equals
 * the normal curvature of the surface in its direction, which is at most
 * 1/rho_min, rho_min = a(1 - e^2) = 6335439.327 m (the meridional radius of
 * curvature at the equator, the smallest on the ellipsoid).  By Schur's
 * comparison theorem a curve of length s <= pi*rho_min whose curvature is at
 * most 1/rho_min spans a chord no shorter than a circular arc of radius
 * rho_min and the same length: c >= 2 rho_min sin(s / (2 rho_min)), that is
 * s <= 2 rho_min asin(c / (2 rho_min)).  The bound is used only for chords up
 * to rho_min / 2: the plane through the two points and the centre cuts the
 * ellipsoid in an ellipse of semi-axes between b and a, whose shorter arc
 * between them is at most about 1.6 times the chord, so the geodesic is then
 * shorter than 0.8 rho_min, well inside the theorem's condition.  A
 * millimetre of slack is added.  It lets a radius search accept most points
 * inside the circle without computing their geodesic.
 */
#ifndef SN_GEOPOINT_INDEX_H
#define SN_GEOPOINT_INDEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "geopoint.h"

/* An index key: a box in ECEF metres (24 bytes, no padding). */
typedef struct sn_geobox
{
	float		lo[3];
	float		hi[3];
} sn_geobox;

#define SN_GEO_SLACK		0.001	/* metres; see above */
#define SN_GEO_RHO_MIN		6335439.0	/* below a(1 - e^2) = 6335439.327 m */

/* ECEF position (metres) of a point on the ellipsoid. */
extern void sn_geopoint_ecef(const sn_geopoint *p, double xyz[3]);

/* Straight-line distance between two ECEF positions. */
extern double sn_ecef_chord(const double a[3], const double b[3]);

/* Bounds on the geodesic distance between two points whose chord is c. */
extern double sn_geodesic_lower_bound(double chord);
extern double sn_geodesic_upper_bound(double chord);	/* +Inf if unknown */

/* The smallest float4 box containing the point's ECEF position. */
extern void sn_geobox_from_point(const sn_geopoint *p, sn_geobox *box);
extern void sn_geobox_from_ecef(const double xyz[3], sn_geobox *box);

/* acc := smallest box containing acc and b. */
extern void sn_geobox_union(sn_geobox *acc, const sn_geobox *b);
extern bool sn_geobox_equal(const sn_geobox *a, const sn_geobox *b);

/* Least and greatest Euclidean distance from q to a point of the box. */
extern double sn_geobox_min_chord(const sn_geobox *b, const double q[3]);
extern double sn_geobox_max_chord(const sn_geobox *b, const double q[3]);

/*
 * Bounds on the geodesic distance from the query point (ECEF q) to any point
 * the box covers: the lower bound never exceeds it, the upper bound is never
 * below it.
 */
extern double sn_geobox_distance_lower_bound(const sn_geobox *b, const double q[3]);
extern double sn_geobox_distance_upper_bound(const sn_geobox *b, const double q[3]);

/* GiST penalty: how much the box's margin (sum of edges) grows to take add. */
extern float sn_geobox_penalty(const sn_geobox *orig, const sn_geobox *add);

/*
 * GiST picksplit: divide n >= 2 boxes into two groups.  Sets left[i] to true
 * for the boxes of the left group; both groups get at least one box (and at
 * least 30% of them when n is large enough).  Sorting by box centre along
 * each axis, it chooses the cut with the least overlap, then the least total
 * margin, then the best balance (the R*-tree heuristics).  work must hold
 * n * sn_geobox_split_work_size() bytes.
 */
extern size_t sn_geobox_split_work_size(void);
extern void sn_geobox_picksplit(const sn_geobox *boxes, int n, bool *left, void *work);

/*
 * Sorted GiST build: the position of a box's centre along a 3-D Hilbert
 * curve over the cube that holds the earth (21 bits per axis, cells of about
 * 6 m).  Boxes close along the curve are close in space, so packing them in
 * this order gives compact index pages.
 */
extern uint64_t sn_geobox_sort_key(const sn_geobox *b);

/* The Hilbert index of cell (x, y, z) in a 2^bits cube (bits <= 21). */
extern uint64_t sn_hilbert3(uint32_t x, uint32_t y, uint32_t z, int bits);

#endif							/* SN_GEOPOINT_INDEX_H */
