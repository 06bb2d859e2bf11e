/* slv-polygon-ops.c: chaining split boundaries, mirror unfolding, bulges.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-polygon"

#include "config.h"

#include <math.h>

#include "slv-polygon.h"

/* -- chaining -- */

static gboolean
near (SlvPoint a,
      SlvPoint b,
      double   tol)
{
  return fabs (a.x - b.x) <= tol && fabs (a.y - b.y) <= tol;
}

/* Joins one remaining polyline to an end of @ring; FALSE if none fits. */
static gboolean
join_one (SlvPolygon *ring,
          GPtrArray  *rest,
          double      tol)
{
  SlvPoint end = slv_polygon_last (ring);
  SlvPoint start = slv_polygon_first (ring);

  for (guint i = 0; i < rest->len; i++)
    {
      SlvPolygon *s = g_ptr_array_index (rest, i);

      if (near (slv_polygon_first (s), end, tol))
        slv_polygon_extend (ring, s, 1, FALSE);
      else if (near (slv_polygon_last (s), end, tol))
        slv_polygon_extend (ring, s, 1, TRUE);
      else
        continue;
      g_ptr_array_remove_index (rest, i);
      return TRUE;
    }
  /* Nothing continues the end: try to grow the ring backwards. */
  for (guint i = 0; i < rest->len; i++)
    {
      SlvPolygon *s = g_ptr_array_index (rest, i);
      g_autoptr(SlvPolygon) grown = NULL;
      gboolean rev;

      if (near (slv_polygon_last (s), start, tol))
        rev = FALSE;
      else if (near (slv_polygon_first (s), start, tol))
        rev = TRUE;
      else
        continue;
      grown = slv_polygon_new ();
      slv_polygon_extend (grown, s, 0, rev);
      slv_polygon_extend (grown, ring, 1, FALSE);
      slv_polygon_clear (ring);
      slv_polygon_extend (ring, grown, 0, FALSE);
      g_ptr_array_remove_index (rest, i);
      return TRUE;
    }
  return FALSE;
}

SlvPolygon *
slv_polylines_chain (GPtrArray *pieces,
                     double     tolerance,
                     gboolean  *out_closed,
                     guint     *out_unchained)
{
  g_autoptr(GPtrArray) rest = g_ptr_array_new ();
  SlvPolygon *ring = slv_polygon_new ();
  gboolean closed;

  g_return_val_if_fail (pieces != NULL, ring);

  for (guint i = 0; i < pieces->len; i++)
    if (slv_polygon_get_n_points (g_ptr_array_index (pieces, i)) > 0)
      g_ptr_array_add (rest, g_ptr_array_index (pieces, i));
  if (rest->len > 0)
    {
      slv_polygon_extend (ring, g_ptr_array_index (rest, 0), 0, FALSE);
      g_ptr_array_remove_index (rest, 0);
    }
  while (rest->len > 0 && join_one (ring, rest, tolerance))
    ;
  closed = slv_polygon_get_n_points (ring) >= 3 &&
           near (slv_polygon_first (ring), slv_polygon_last (ring), tolerance);
  if (closed)
    slv_polygon_drop_closing_point (ring, G_MAXDOUBLE);
  if (out_closed != NULL)
    *out_closed = closed;
  if (out_unchained != NULL)
    *out_unchained = rest->len;
  return ring;
}

/* -- mirror unfolding -- */

static double
line_distance (SlvPoint p,
               SlvPoint a,
               SlvPoint b)
{
  double len = hypot (b.x - a.x, b.y - a.y);

  if (len == 0)
    return slv_point_distance (p, a);
  return fabs ((b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x)) / len;
}

static guint
nearest_vertex (const SlvPolygon *ring,
                SlvPoint          p,
                double           *out_distance)
{
  const SlvPoint *pts = slv_polygon_get_points (ring);
  guint n = slv_polygon_get_n_points (ring), best = 0;
  double best_d = G_MAXDOUBLE;

  for (guint i = 0; i < n; i++)
    {
      double d = slv_point_distance (pts[i], p);

      if (d < best_d)
        {
          best_d = d;
          best = i;
        }
    }
  *out_distance = best_d;
  return best;
}

/* Largest distance from the fold line of the vertices met walking the ring
 * forward from @from to @to. */
static double
arc_offset (const SlvPolygon *ring,
            guint             from,
            guint             to,
            SlvPoint          a,
            SlvPoint          b)
{
  const SlvPoint *pts = slv_polygon_get_points (ring);
  guint n = slv_polygon_get_n_points (ring);
  double worst = 0;

  for (guint i = from; ; i = (i + 1) % n)
    {
      worst = MAX (worst, line_distance (pts[i], a, b));
      if (i == to)
        break;
    }
  return worst;
}

static SlvPolygon *
unfold_along_ring (const SlvPolygon *ring,
                   guint             ia,
                   guint             ib,
                   SlvPoint          a,
                   SlvPoint          b,
                   double            tol)
{
  const SlvPoint *pts = slv_polygon_get_points (ring);
  guint n = slv_polygon_get_n_points (ring);
  g_autoptr(SlvPolygon) half = slv_polygon_new ();
  SlvPolygon *out;
  guint from, to;

  /* The fold is the arc that stays on the line; keep the other one. */
  if (arc_offset (ring, ia, ib, a, b) <= tol)
    from = ib, to = ia;
  else if (arc_offset (ring, ib, ia, a, b) <= tol)
    from = ia, to = ib;
  else
    return NULL;
  for (guint i = from; ; i = (i + 1) % n)
    {
      slv_polygon_append (half, pts[i].x, pts[i].y);
      if (i == to)
        break;
    }
  out = slv_polygon_copy (half);
  /* The mirrored half, walked back, without the two fold ends. */
  for (guint k = slv_polygon_get_n_points (half) - 1; k-- > 1; )
    {
      SlvPoint r = slv_point_reflect (slv_polygon_get_point (half, k), a, b);

      slv_polygon_append (out, r.x, r.y);
    }
  return out;
}

SlvPolygon *
slv_polygon_unfold (const SlvPolygon *self,
                    SlvPoint          a,
                    SlvPoint          b,
                    double            tolerance,
                    double           *out_area)
{
  double da, db;
  guint ia, ib;
  SlvPolygon *out = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (out_area != NULL)
    *out_area = 2 * slv_polygon_area (self);
  if (slv_polygon_get_n_points (self) < 3 || slv_point_distance (a, b) <= tolerance)
    return NULL;
  ia = nearest_vertex (self, a, &da);
  ib = nearest_vertex (self, b, &db);
  if (da <= tolerance && db <= tolerance && ia != ib)
    out = unfold_along_ring (self, ia, ib, a, b, tolerance);
  if (out != NULL && out_area != NULL)
    *out_area = slv_polygon_area (out);
  return out;
}

/* -- bulges -- */

static void
append_arc (SlvPolygon *out,
            SlvPoint    p0,
            SlvPoint    p1,
            double      bulge,
            double      max_step)
{
  double theta = 4 * atan (bulge);
  double chord = slv_point_distance (p0, p1);
  double h, a0, r;
  SlvPoint m, c;
  guint steps;

  if (chord == 0 || fabs (bulge) < 1e-12 || !isfinite (theta))
    return;
  m.x = (p0.x + p1.x) / 2;
  m.y = (p0.y + p1.y) / 2;
  /* The centre sits on the chord's left normal for a positive bulge. */
  h = (chord / 2) / tan (theta / 2);
  c.x = m.x - (p1.y - p0.y) / chord * h;
  c.y = m.y + (p1.x - p0.x) / chord * h;
  r = slv_point_distance (c, p0);
  a0 = atan2 (p0.y - c.y, p0.x - c.x);
  steps = (guint) MIN (ceil (fabs (theta) / max_step), 4096);
  for (guint k = 1; k < steps; k++)
    {
      double t = a0 + theta * k / steps;

      slv_polygon_append (out, c.x + r * cos (t), c.y + r * sin (t));
    }
}

SlvPolygon *
slv_polygon_new_from_bulges (const SlvPoint *points,
                             const double   *bulges,
                             guint           n_points,
                             gboolean        closed,
                             double          max_step_degrees)
{
  SlvPolygon *out = slv_polygon_new ();
  double step = CLAMP (max_step_degrees, 0.1, 90) * G_PI / 180;

  g_return_val_if_fail (points != NULL || n_points == 0, out);

  for (guint i = 0; i < n_points; i++)
    {
      gboolean has_next = i + 1 < n_points || (closed && n_points > 1);

      slv_polygon_append (out, points[i].x, points[i].y);
      if (bulges != NULL && has_next)
        append_arc (out, points[i], points[(i + 1) % n_points], bulges[i], step);
    }
  return out;
}
