/* slv-polygon.c: point lists, measures, transforms and overlap tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-polygon"

#include "config.h"

#include <math.h>
#include <string.h>

#include "slv-polygon.h"

struct _SlvPolygon
{
  SlvPoint *points;
  guint     n_points;
  guint     alloc;
  gint      ref_count;
};

G_DEFINE_BOXED_TYPE (SlvPolygon, slv_polygon, slv_polygon_ref, slv_polygon_unref)

static void
reserve (SlvPolygon *self,
         guint       n)
{
  if (n <= self->alloc)
    return;
  self->alloc = MAX (n, MAX (8, self->alloc * 2));
  self->points = g_renew (SlvPoint, self->points, self->alloc);
}

SlvPolygon *
slv_polygon_new (void)
{
  SlvPolygon *self = g_new0 (SlvPolygon, 1);

  self->ref_count = 1;
  return self;
}

SlvPolygon *
slv_polygon_new_from_points (const SlvPoint *points,
                             guint           n_points)
{
  SlvPolygon *self = slv_polygon_new ();

  g_return_val_if_fail (points != NULL || n_points == 0, self);

  reserve (self, n_points);
  if (n_points > 0)
    memcpy (self->points, points, n_points * sizeof (SlvPoint));
  self->n_points = n_points;
  return self;
}

SlvPolygon *
slv_polygon_copy (const SlvPolygon *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return slv_polygon_new_from_points (self->points, self->n_points);
}

SlvPolygon *
slv_polygon_ref (SlvPolygon *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_int_inc (&self->ref_count);
  return self;
}

void
slv_polygon_unref (SlvPolygon *self)
{
  g_return_if_fail (self != NULL);
  if (g_atomic_int_dec_and_test (&self->ref_count))
    {
      g_free (self->points);
      g_free (self);
    }
}

void
slv_polygon_append (SlvPolygon *self,
                    double      x,
                    double      y)
{
  g_return_if_fail (self != NULL);
  reserve (self, self->n_points + 1);
  self->points[self->n_points].x = x;
  self->points[self->n_points].y = y;
  self->n_points++;
}

void
slv_polygon_extend (SlvPolygon       *self,
                    const SlvPolygon *other,
                    guint             from,
                    gboolean          reversed)
{
  g_return_if_fail (self != NULL && other != NULL && self != other);

  if (from >= other->n_points)
    return;
  reserve (self, self->n_points + other->n_points - from);
  for (guint i = from; i < other->n_points; i++)
    {
      const SlvPoint *p = &other->points[reversed ? other->n_points - 1 - i : i];

      self->points[self->n_points++] = *p;
    }
}

void
slv_polygon_clear (SlvPolygon *self)
{
  g_return_if_fail (self != NULL);
  self->n_points = 0;
}

guint
slv_polygon_get_n_points (const SlvPolygon *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_points;
}

const SlvPoint *
slv_polygon_get_points (const SlvPolygon *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->points;
}

SlvPoint
slv_polygon_get_point (const SlvPolygon *self,
                       guint             index)
{
  SlvPoint none = { NAN, NAN };

  g_return_val_if_fail (self != NULL && index < self->n_points, none);
  return self->points[index];
}

SlvPoint
slv_polygon_first (const SlvPolygon *self)
{
  return slv_polygon_get_point (self, 0);
}

SlvPoint
slv_polygon_last (const SlvPolygon *self)
{
  g_return_val_if_fail (self != NULL && self->n_points > 0, slv_polygon_get_point (self, 0));
  return self->points[self->n_points - 1];
}

gboolean
slv_polygon_drop_closing_point (SlvPolygon *self,
                                double      tolerance)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->n_points < 2)
    return FALSE;
  if (slv_point_distance (self->points[0], self->points[self->n_points - 1]) > tolerance)
    return FALSE;
  self->n_points--;
  return TRUE;
}

double
slv_polygon_signed_area (const SlvPolygon *self)
{
  double sum = 0;

  g_return_val_if_fail (self != NULL, 0);

  /* Shoelace about the first point: smaller terms, less cancellation for
   * pieces drawn far from the origin. */
  for (guint i = 1; i + 1 < self->n_points; i++)
    {
      double ax = self->points[i].x - self->points[0].x;
      double ay = self->points[i].y - self->points[0].y;
      double bx = self->points[i + 1].x - self->points[0].x;
      double by = self->points[i + 1].y - self->points[0].y;

      sum += ax * by - bx * ay;
    }
  return sum / 2;
}

double
slv_polygon_area (const SlvPolygon *self)
{
  return fabs (slv_polygon_signed_area (self));
}

double
slv_polygon_length (const SlvPolygon *self)
{
  double sum = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 1; i < self->n_points; i++)
    sum += slv_point_distance (self->points[i - 1], self->points[i]);
  return sum;
}

double
slv_polygon_perimeter (const SlvPolygon *self)
{
  g_return_val_if_fail (self != NULL, 0);

  if (self->n_points < 2)
    return 0;
  return slv_polygon_length (self) +
         slv_point_distance (self->points[self->n_points - 1], self->points[0]);
}

SlvBBox
slv_polygon_bbox (const SlvPolygon *self)
{
  SlvBBox b = { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };

  g_return_val_if_fail (self != NULL, b);

  for (guint i = 0; i < self->n_points; i++)
    {
      b.x0 = MIN (b.x0, self->points[i].x);
      b.y0 = MIN (b.y0, self->points[i].y);
      b.x1 = MAX (b.x1, self->points[i].x);
      b.y1 = MAX (b.y1, self->points[i].y);
    }
  return b;
}

SlvPoint
slv_polygon_centroid (const SlvPolygon *self)
{
  SlvPoint c = { 0, 0 };
  double a = 0;

  g_return_val_if_fail (self != NULL && self->n_points > 0, c);

  for (guint i = 0; i < self->n_points; i++)
    {
      const SlvPoint *p = &self->points[i];
      const SlvPoint *q = &self->points[(i + 1) % self->n_points];
      double cross = p->x * q->y - q->x * p->y;

      a += cross;
      c.x += (p->x + q->x) * cross;
      c.y += (p->y + q->y) * cross;
    }
  if (fabs (a) < 1e-12)
    {
      SlvBBox b = slv_polygon_bbox (self);

      c.x = (b.x0 + b.x1) / 2;
      c.y = (b.y0 + b.y1) / 2;
      return c;
    }
  c.x /= 3 * a;
  c.y /= 3 * a;
  return c;
}

SlvOrientation
slv_polygon_orientation (const SlvPolygon *self)
{
  double a = slv_polygon_signed_area (self);

  if (a > 0)
    return SLV_ORIENTATION_CCW;
  if (a < 0)
    return SLV_ORIENTATION_CW;
  return SLV_ORIENTATION_DEGENERATE;
}

void
slv_polygon_reverse (SlvPolygon *self)
{
  g_return_if_fail (self != NULL);

  for (guint i = 0, j = self->n_points ? self->n_points - 1 : 0; i < j; i++, j--)
    {
      SlvPoint t = self->points[i];

      self->points[i] = self->points[j];
      self->points[j] = t;
    }
}

gboolean
slv_polygon_is_finite (const SlvPolygon *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  for (guint i = 0; i < self->n_points; i++)
    if (!isfinite (self->points[i].x) || !isfinite (self->points[i].y))
      return FALSE;
  return TRUE;
}

void
slv_polygon_scale (SlvPolygon *self,
                   double      factor)
{
  g_return_if_fail (self != NULL);

  for (guint i = 0; i < self->n_points; i++)
    {
      self->points[i].x *= factor;
      self->points[i].y *= factor;
    }
}

void
slv_polygon_translate (SlvPolygon *self,
                       double      dx,
                       double      dy)
{
  g_return_if_fail (self != NULL);

  for (guint i = 0; i < self->n_points; i++)
    {
      self->points[i].x += dx;
      self->points[i].y += dy;
    }
}

void
slv_polygon_rotate (SlvPolygon *self,
                    double      degrees)
{
  double r = degrees * G_PI / 180;
  double c = cos (r), s = sin (r);

  g_return_if_fail (self != NULL);

  /* Exact quarter turns keep exact coordinates. */
  if (fmod (fabs (degrees), 90) == 0)
    {
      int q = ((int) (degrees / 90) % 4 + 4) % 4;

      c = (q == 0) ? 1 : (q == 2) ? -1 : 0;
      s = (q == 1) ? 1 : (q == 3) ? -1 : 0;
    }
  for (guint i = 0; i < self->n_points; i++)
    {
      double x = self->points[i].x, y = self->points[i].y;

      self->points[i].x = x * c - y * s;
      self->points[i].y = x * s + y * c;
    }
}

void
slv_polygon_flip_y (SlvPolygon *self)
{
  g_return_if_fail (self != NULL);

  for (guint i = 0; i < self->n_points; i++)
    self->points[i].y = -self->points[i].y;
  slv_polygon_reverse (self);
}

double
slv_point_distance (SlvPoint a,
                    SlvPoint b)
{
  return hypot (b.x - a.x, b.y - a.y);
}

double
slv_point_segment_distance (SlvPoint p,
                            SlvPoint a,
                            SlvPoint b)
{
  double dx = b.x - a.x, dy = b.y - a.y;
  double len2 = dx * dx + dy * dy;
  double t;

  if (len2 == 0)
    return slv_point_distance (p, a);
  t = ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2;
  t = CLAMP (t, 0, 1);
  return hypot (p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

SlvPoint
slv_point_reflect (SlvPoint p,
                   SlvPoint a,
                   SlvPoint b)
{
  double dx = b.x - a.x, dy = b.y - a.y;
  double len2 = dx * dx + dy * dy;
  double t;
  SlvPoint foot, r;

  if (len2 == 0)
    return p;
  t = ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2;
  foot.x = a.x + t * dx;
  foot.y = a.y + t * dy;
  r.x = 2 * foot.x - p.x;
  r.y = 2 * foot.y - p.y;
  return r;
}

double
slv_line_angle (SlvPoint a,
                SlvPoint b)
{
  double deg = atan2 (b.y - a.y, b.x - a.x) * 180 / G_PI;

  deg = fmod (deg, 180);
  if (deg < 0)
    deg += 180;
  if (deg >= 180 - 1e-9)
    deg = 0;
  return deg;
}

SlvPointLocation
slv_polygon_locate_point (const SlvPolygon *self,
                          SlvPoint          p,
                          double            tolerance)
{
  gboolean inside = FALSE;

  g_return_val_if_fail (self != NULL, SLV_POINT_OUTSIDE);

  for (guint i = 0, j = self->n_points - 1; i < self->n_points; j = i++)
    {
      const SlvPoint *a = &self->points[j];
      const SlvPoint *b = &self->points[i];

      if (slv_point_segment_distance (p, *a, *b) <= tolerance)
        return SLV_POINT_ON_BOUNDARY;
      if ((b->y > p.y) != (a->y > p.y) &&
          p.x < (a->x - b->x) * (p.y - b->y) / (a->y - b->y) + b->x)
        inside = !inside;
    }
  return inside ? SLV_POINT_INSIDE : SLV_POINT_OUTSIDE;
}

/* Signed distance of @p from the line @a→@b (positive on the left). */
static double
side (SlvPoint a,
      SlvPoint b,
      SlvPoint p)
{
  double len = hypot (b.x - a.x, b.y - a.y);

  if (len == 0)
    return 0;
  return ((b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x)) / len;
}

static gboolean
segments_cross (SlvPoint a,
                SlvPoint b,
                SlvPoint c,
                SlvPoint d,
                double   tol)
{
  double d1 = side (a, b, c), d2 = side (a, b, d);
  double d3 = side (c, d, a), d4 = side (c, d, b);

  return ((d1 > tol && d2 < -tol) || (d1 < -tol && d2 > tol)) &&
         ((d3 > tol && d4 < -tol) || (d3 < -tol && d4 > tol));
}

static gboolean
edges_cross (const SlvPolygon *a,
             const SlvPolygon *b,
             const SlvBBox    *common,
             double            tol)
{
  for (guint i = 0; i < a->n_points; i++)
    {
      SlvPoint p = a->points[i], q = a->points[(i + 1) % a->n_points];

      if (MAX (p.x, q.x) < common->x0 || MIN (p.x, q.x) > common->x1 ||
          MAX (p.y, q.y) < common->y0 || MIN (p.y, q.y) > common->y1)
        continue;
      for (guint j = 0; j < b->n_points; j++)
        {
          SlvPoint r = b->points[j], s = b->points[(j + 1) % b->n_points];

          if (MAX (p.x, q.x) < MIN (r.x, s.x) || MIN (p.x, q.x) > MAX (r.x, s.x) ||
              MAX (p.y, q.y) < MIN (r.y, s.y) || MIN (p.y, q.y) > MAX (r.y, s.y))
            continue;
          if (segments_cross (p, q, r, s, tol))
            return TRUE;
        }
    }
  return FALSE;
}

/* A point strictly inside @poly: the centroid of a vertex's corner
 * triangle, for the first corner whose centroid is inside. */
static gboolean
interior_point (const SlvPolygon *poly,
                double            tol,
                SlvPoint         *out)
{
  SlvPoint c = slv_polygon_centroid (poly);

  if (slv_polygon_locate_point (poly, c, tol) == SLV_POINT_INSIDE)
    {
      *out = c;
      return TRUE;
    }
  for (guint i = 0; i < poly->n_points; i++)
    {
      SlvPoint p = poly->points[(i + poly->n_points - 1) % poly->n_points];
      SlvPoint q = poly->points[i];
      SlvPoint r = poly->points[(i + 1) % poly->n_points];

      c.x = (p.x + q.x + r.x) / 3;
      c.y = (p.y + q.y + r.y) / 3;
      if (slv_polygon_locate_point (poly, c, tol) == SLV_POINT_INSIDE)
        {
          *out = c;
          return TRUE;
        }
    }
  return FALSE;
}

/* TRUE if a vertex, an edge midpoint or an interior point of @a lies
 * strictly inside @b. */
static gboolean
any_point_inside (const SlvPolygon *a,
                  const SlvPolygon *b,
                  double            tol)
{
  SlvPoint in;

  for (guint i = 0; i < a->n_points; i++)
    {
      SlvPoint p = a->points[i], q = a->points[(i + 1) % a->n_points];
      SlvPoint m = { (p.x + q.x) / 2, (p.y + q.y) / 2 };

      if (slv_polygon_locate_point (b, p, tol) == SLV_POINT_INSIDE ||
          slv_polygon_locate_point (b, m, tol) == SLV_POINT_INSIDE)
        return TRUE;
    }
  return interior_point (a, tol, &in) &&
         slv_polygon_locate_point (b, in, tol) == SLV_POINT_INSIDE;
}

gboolean
slv_polygons_overlap (const SlvPolygon *a,
                      const SlvPolygon *b,
                      double            tolerance)
{
  SlvBBox ba, bb, common;

  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (a->n_points < 3 || b->n_points < 3)
    return FALSE;
  ba = slv_polygon_bbox (a);
  bb = slv_polygon_bbox (b);
  if (!slv_bbox_intersects (&ba, &bb, -tolerance))
    return FALSE;
  common.x0 = MAX (ba.x0, bb.x0) - tolerance;
  common.y0 = MAX (ba.y0, bb.y0) - tolerance;
  common.x1 = MIN (ba.x1, bb.x1) + tolerance;
  common.y1 = MIN (ba.y1, bb.y1) + tolerance;
  if (edges_cross (a, b, &common, tolerance))
    return TRUE;
  return any_point_inside (a, b, tolerance) || any_point_inside (b, a, tolerance);
}
