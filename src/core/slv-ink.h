/* slv-ink.h: freehand strokes, from raw stylus samples to stored points.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A stroke is a list of SlvInkPoint (position and pen pressure 0…1). The
 * overlay collects raw samples while the pen is down, then stores
 *
 *   slv_ink_simplify (slv_ink_smooth (raw), tolerance, pressure_tolerance)
 *
 * Both steps work in board units, at the zoom the stroke was drawn at:
 * pass tolerances in screen pixels divided by the zoom (see
 * SLV_INK_TOLERANCE_PX).
 *
 * Simplification guarantee (tested): the result is a subsequence of the
 * input that keeps its first and last points, and every input point lies
 * within @tolerance of the result's segment that replaces it, with its
 * pressure within @pressure_tolerance of the pressure interpolated along
 * that segment. Since the distance to a segment is convex, the same holds
 * for every point of the input polyline, and because the input runs
 * continuously from one end of each kept segment to the other, every point
 * of the result is within @tolerance of the input too: the Hausdorff
 * distance between the two polylines is at most @tolerance.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  double x, y;
  double pressure;   /* 0…1; 1 when the device has no pressure axis */
} SlvInkPoint;

/* Tolerances that look right at any zoom: divide by the zoom. */
#define SLV_INK_TOLERANCE_PX          0.75
#define SLV_INK_MIN_DISTANCE_PX       1.0
#define SLV_INK_PRESSURE_TOLERANCE    0.05
/* Longest stroke stored; longer input is refused by the geometry parser. */
#define SLV_INK_MAX_POINTS            10000

/* Cleans raw samples: drops non-finite ones, takes a missing or invalid
 * pressure (NaN, < 0) as 1 and clamps it to 0…1, merges samples closer than
 * @min_distance to the previous one (keeping the last sample), then
 * smooths positions and pressures with a small binomial filter whose
 * window shrinks at the ends, so the first and last points stay where the
 * pen touched down and lifted. Returns an array of SlvInkPoint. */
GArray *slv_ink_smooth           (const SlvInkPoint *raw,
                                  guint              n_raw,
                                  double             min_distance) G_GNUC_WARN_UNUSED_RESULT;

/* Ramer–Douglas–Peucker against segments (not lines), iterative, with the
 * guarantee above. @tolerance ≥ 0 in the points' units; @pressure_tolerance
 * ≥ 0 (use 1 to ignore pressure). Returns an array of SlvInkPoint. */
GArray *slv_ink_simplify         (const SlvInkPoint *points,
                                  guint              n_points,
                                  double             tolerance,
                                  double             pressure_tolerance) G_GNUC_WARN_UNUSED_RESULT;

/* Distance from (x, y) to the segment a–b, and the parameter 0…1 of the
 * nearest point on it (0 when a = b). */
double  slv_ink_segment_distance (double             x,
                                  double             y,
                                  const SlvInkPoint *a,
                                  const SlvInkPoint *b,
                                  double            *t);

G_END_DECLS
