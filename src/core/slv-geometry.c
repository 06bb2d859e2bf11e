/* slv-geometry.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-geometry"

#include "config.h"

#include <math.h>

#include "slv-geometry.h"

gboolean
slv_rect_is_empty (const SlvRect *r)
{
  return !(r->w > 0 && r->h > 0);
}

gboolean
slv_rect_contains_point (const SlvRect *r,
                         double         x,
                         double         y)
{
  return x >= r->x && y >= r->y && x <= r->x + r->w && y <= r->y + r->h;
}

gboolean
slv_rect_contains_rect (const SlvRect *outer,
                        const SlvRect *inner)
{
  return inner->x >= outer->x && inner->y >= outer->y &&
         inner->x + inner->w <= outer->x + outer->w &&
         inner->y + inner->h <= outer->y + outer->h;
}

gboolean
slv_rect_intersects (const SlvRect *a,
                     const SlvRect *b)
{
  return a->x <= b->x + b->w && b->x <= a->x + a->w &&
         a->y <= b->y + b->h && b->y <= a->y + a->h;
}

gboolean
slv_rect_overlaps (const SlvRect *a,
                   const SlvRect *b,
                   double         epsilon)
{
  return a->x + epsilon < b->x + b->w && b->x + epsilon < a->x + a->w &&
         a->y + epsilon < b->y + b->h && b->y + epsilon < a->y + a->h;
}

void
slv_rect_union (const SlvRect *a,
                const SlvRect *b,
                SlvRect       *out)
{
  double x0 = MIN (a->x, b->x);
  double y0 = MIN (a->y, b->y);
  double x1 = MAX (a->x + a->w, b->x + b->w);
  double y1 = MAX (a->y + a->h, b->y + b->h);

  *out = slv_rect_make (x0, y0, x1 - x0, y1 - y0);
}

gboolean
slv_rect_intersection (const SlvRect *a,
                       const SlvRect *b,
                       SlvRect       *out)
{
  double x0 = MAX (a->x, b->x);
  double y0 = MAX (a->y, b->y);
  double x1 = MIN (a->x + a->w, b->x + b->w);
  double y1 = MIN (a->y + a->h, b->y + b->h);

  if (x1 < x0 || y1 < y0)
    {
      *out = slv_rect_make (0, 0, 0, 0);
      return FALSE;
    }
  *out = slv_rect_make (x0, y0, x1 - x0, y1 - y0);
  return TRUE;
}

void
slv_rect_inflate (SlvRect *r,
                  double   dx,
                  double   dy)
{
  r->x -= dx;
  r->y -= dy;
  r->w += 2 * dx;
  r->h += 2 * dy;
}

SlvPoint
slv_rect_center (const SlvRect *r)
{
  SlvPoint p = { r->x + r->w / 2, r->y + r->h / 2 };

  return p;
}

double
slv_rect_area (const SlvRect *r)
{
  return r->w * r->h;
}

gboolean
slv_rect_equal (const SlvRect *a,
                const SlvRect *b,
                double         epsilon)
{
  return fabs (a->x - b->x) <= epsilon && fabs (a->y - b->y) <= epsilon &&
         fabs (a->w - b->w) <= epsilon && fabs (a->h - b->h) <= epsilon;
}

void
slv_rect_from_points (const SlvPoint *points,
                      guint           n,
                      SlvRect        *out)
{
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;

  if (n == 0)
    {
      *out = slv_rect_make (0, 0, 0, 0);
      return;
    }
  for (guint i = 0; i < n; i++)
    {
      x0 = MIN (x0, points[i].x);
      y0 = MIN (y0, points[i].y);
      x1 = MAX (x1, points[i].x);
      y1 = MAX (y1, points[i].y);
    }
  *out = slv_rect_make (x0, y0, x1 - x0, y1 - y0);
}

static void
handle_directions (SlvHandle  handle,
                   int       *dx,
                   int       *dy)
{
  static const int dirs[][2] = {
    [SLV_HANDLE_N] = { 0, -1 }, [SLV_HANDLE_NE] = { 1, -1 }, [SLV_HANDLE_E] = { 1, 0 },
    [SLV_HANDLE_SE] = { 1, 1 }, [SLV_HANDLE_S] = { 0, 1 }, [SLV_HANDLE_SW] = { -1, 1 },
    [SLV_HANDLE_W] = { -1, 0 }, [SLV_HANDLE_NW] = { -1, -1 },
  };

  g_return_if_fail (handle <= SLV_HANDLE_NW);
  *dx = dirs[handle][0];
  *dy = dirs[handle][1];
}

SlvPoint
slv_rect_handle_position (const SlvRect *r,
                          SlvHandle      handle)
{
  int dx = 0, dy = 0;
  SlvPoint p;

  handle_directions (handle, &dx, &dy);
  p.x = r->x + r->w * (dx + 1) / 2.0;
  p.y = r->y + r->h * (dy + 1) / 2.0;
  return p;
}

/* One side's new length when its edge is dragged to @p. */
static double
side_length (double start,
             double length,
             int    dir,
             double p,
             gboolean from_center)
{
  if (dir == 0)
    return length;
  if (from_center)
    return 2 * fabs (p - (start + length / 2));
  return dir > 0 ? p - start : start + length - p;
}

/* Where the resized side starts, given the fixed edge or centre. */
static double
side_start (double   start,
            double   length,
            int      dir,
            double   new_length,
            gboolean from_center)
{
  if (from_center || dir == 0)
    return start + length / 2 - new_length / 2;
  return dir > 0 ? start : start + length - new_length;
}

void
slv_rect_resize (const SlvRect  *start,
                 SlvHandle       handle,
                 SlvPoint        pointer,
                 SlvResizeFlags  flags,
                 double          min_size,
                 SlvRect        *out)
{
  gboolean centre = (flags & SLV_RESIZE_FROM_CENTER) != 0;
  int dx = 0, dy = 0;
  double w, h;

  handle_directions (handle, &dx, &dy);
  w = MAX (side_length (start->x, start->w, dx, pointer.x, centre), min_size);
  h = MAX (side_length (start->y, start->h, dy, pointer.y, centre), min_size);

  if ((flags & SLV_RESIZE_ASPECT) && start->w > 0 && start->h > 0)
    {
      double ratio = start->w / start->h;

      if (dx != 0 && dy != 0)
        {
          double s = MAX (w / start->w, h / start->h);

          w = start->w * s;
          h = start->h * s;
        }
      else if (dx != 0)
        h = w / ratio;
      else
        w = h * ratio;
      if (w < min_size)
        {
          w = min_size;
          h = w / ratio;
        }
      if (h < min_size)
        {
          h = min_size;
          w = h * ratio;
        }
    }

  out->x = side_start (start->x, start->w, dx, w, centre);
  out->y = side_start (start->y, start->h, dy, h, centre);
  out->w = w;
  out->h = h;
}

void
slv_affine_init_identity (SlvAffine *m)
{
  *m = (SlvAffine) { 1, 0, 0, 1, 0, 0 };
}

void
slv_affine_init_translate (SlvAffine *m,
                           double     tx,
                           double     ty)
{
  *m = (SlvAffine) { 1, 0, 0, 1, tx, ty };
}

void
slv_affine_init_scale (SlvAffine *m,
                       double     sx,
                       double     sy)
{
  *m = (SlvAffine) { sx, 0, 0, sy, 0, 0 };
}

void
slv_affine_init_rotate (SlvAffine *m,
                        double     degrees)
{
  double a = slv_angle_normalize (degrees);
  double s, c;

  /* Exact values at right angles keep items on whole units. */
  if (a == 0)
    s = 0, c = 1;
  else if (a == 90)
    s = 1, c = 0;
  else if (a == 180)
    s = 0, c = -1;
  else if (a == 270)
    s = -1, c = 0;
  else
    {
      s = sin (a * G_PI / 180);
      c = cos (a * G_PI / 180);
    }
  *m = (SlvAffine) { c, s, -s, c, 0, 0 };
}

void
slv_affine_multiply (const SlvAffine *first,
                     const SlvAffine *second,
                     SlvAffine       *out)
{
  SlvAffine r;

  r.xx = second->xx * first->xx + second->xy * first->yx;
  r.yx = second->yx * first->xx + second->yy * first->yx;
  r.xy = second->xx * first->xy + second->xy * first->yy;
  r.yy = second->yx * first->xy + second->yy * first->yy;
  r.x0 = second->xx * first->x0 + second->xy * first->y0 + second->x0;
  r.y0 = second->yx * first->x0 + second->yy * first->y0 + second->y0;
  *out = r;
}

/* The three below prepend: the new step applies before @m, like cairo. */
void
slv_affine_translate (SlvAffine *m,
                      double     tx,
                      double     ty)
{
  SlvAffine t;

  slv_affine_init_translate (&t, tx, ty);
  slv_affine_multiply (&t, m, m);
}

void
slv_affine_scale (SlvAffine *m,
                  double     sx,
                  double     sy)
{
  SlvAffine t;

  slv_affine_init_scale (&t, sx, sy);
  slv_affine_multiply (&t, m, m);
}

void
slv_affine_rotate (SlvAffine *m,
                   double     degrees)
{
  SlvAffine t;

  slv_affine_init_rotate (&t, degrees);
  slv_affine_multiply (&t, m, m);
}

double
slv_affine_determinant (const SlvAffine *m)
{
  return m->xx * m->yy - m->xy * m->yx;
}

gboolean
slv_affine_invert (SlvAffine *m)
{
  double det = slv_affine_determinant (m);
  SlvAffine r;

  if (fabs (det) < 1e-12 || !isfinite (det))
    return FALSE;
  r.xx = m->yy / det;
  r.xy = -m->xy / det;
  r.yx = -m->yx / det;
  r.yy = m->xx / det;
  r.x0 = -(r.xx * m->x0 + r.xy * m->y0);
  r.y0 = -(r.yx * m->x0 + r.yy * m->y0);
  *m = r;
  return TRUE;
}

SlvPoint
slv_affine_apply (const SlvAffine *m,
                  double           x,
                  double           y)
{
  SlvPoint p = { m->xx * x + m->xy * y + m->x0, m->yx * x + m->yy * y + m->y0 };

  return p;
}

SlvPoint
slv_affine_apply_distance (const SlvAffine *m,
                           double           dx,
                           double           dy)
{
  SlvPoint p = { m->xx * dx + m->xy * dy, m->yx * dx + m->yy * dy };

  return p;
}

void
slv_affine_apply_bounds (const SlvAffine *m,
                         const SlvRect   *r,
                         SlvRect         *out)
{
  SlvPoint pts[4];

  pts[0] = slv_affine_apply (m, r->x, r->y);
  pts[1] = slv_affine_apply (m, r->x + r->w, r->y);
  pts[2] = slv_affine_apply (m, r->x + r->w, r->y + r->h);
  pts[3] = slv_affine_apply (m, r->x, r->y + r->h);
  slv_rect_from_points (pts, 4, out);
}

double
slv_angle_normalize (double degrees)
{
  double a;

  if (!isfinite (degrees))
    return 0;
  a = fmod (degrees, 360);
  if (a < 0)
    a += 360;
  if (a >= 360)
    a -= 360;
  return a;
}
