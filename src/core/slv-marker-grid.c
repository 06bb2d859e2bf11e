/* slv-marker-grid.c: the marker's conservative grid — affine maps, each
 * orientation of a piece ("variant") rasterised once into the row spans it
 * occupies per column, and the fabric's free row spans per column, where a
 * variant fits and what it occupies. See slv-marker.c for the method.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-marker"

#include "config.h"

#include <math.h>
#include <string.h>

#include "slv-marker-private.h"

/* -- affine maps -- */

static Affine
affine_rotation (double degrees)
{
  double r = degrees * G_PI / 180, c = cos (r), s = sin (r);
  double q = fmod (degrees, 90);

  if (q == 0)
    {
      int k = (((int) lround (degrees / 90)) % 4 + 4) % 4;

      c = (k == 0) ? 1 : (k == 2) ? -1 : 0;
      s = (k == 1) ? 1 : (k == 3) ? -1 : 0;
    }
  return (Affine) { c, s, -s, c, 0, 0 };
}

/* @a then @b */
Affine
slv_marker_affine_then (Affine a,
                        Affine b)
{
  Affine r;

  r.xx = b.xx * a.xx + b.xy * a.yx;
  r.xy = b.xx * a.xy + b.xy * a.yy;
  r.yx = b.yx * a.xx + b.yy * a.yx;
  r.yy = b.yx * a.xy + b.yy * a.yy;
  r.x0 = b.xx * a.x0 + b.xy * a.y0 + b.x0;
  r.y0 = b.yx * a.x0 + b.yy * a.y0 + b.y0;
  return r;
}

SlvPolygon *
slv_marker_affine_apply (Affine            m,
                         const SlvPolygon *poly)
{
  const SlvPoint *pts = slv_polygon_get_points (poly);
  guint n = slv_polygon_get_n_points (poly);
  SlvPolygon *out = slv_polygon_new ();

  for (guint i = 0; i < n; i++)
    slv_polygon_append (out, m.xx * pts[i].x + m.xy * pts[i].y + m.x0,
                        m.yx * pts[i].x + m.yy * pts[i].y + m.y0);
  return out;
}

/* -- variants -- */

void
slv_marker_variant_free (gpointer data)
{
  Variant *v = data;

  slv_polygon_unref (v->shape);
  g_array_unref (v->spans);
  g_array_unref (v->starts);
  g_free (v);
}

static void
mark (gboolean *rows,
      int       nr,
      double    ylo,
      double    yhi,
      double    cell)
{
  int r0 = (int) floor (ylo / cell), r1 = (int) floor (yhi / cell);

  r0 = MAX (r0, 0);
  r1 = MIN (r1, nr - 1);
  for (int r = r0; r <= r1; r++)
    rows[r] = TRUE;
}

static int
cmp_double (gconstpointer a,
            gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Cells of column @c touched by the shape grown by @pad. */
static void
rasterise_column (const SlvPolygon *shape,
                  int               c,
                  double            cell,
                  double            pad,
                  gboolean         *rows,
                  int               nr,
                  GArray           *ys)
{
  const SlvPoint *p = slv_polygon_get_points (shape);
  guint n = slv_polygon_get_n_points (shape);
  double x0 = c * cell - pad, x1 = (c + 1) * cell + pad, xm = c * cell + cell / 2;

  g_array_set_size (ys, 0);
  for (guint i = 0; i < n; i++)
    {
      SlvPoint a = p[i], b = p[(i + 1) % n];
      double ylo, yhi;

      if (MAX (a.x, b.x) >= x0 && MIN (a.x, b.x) <= x1)
        {
          if (a.x == b.x)
            ylo = MIN (a.y, b.y), yhi = MAX (a.y, b.y);
          else
            {
              double t0 = CLAMP ((x0 - a.x) / (b.x - a.x), 0, 1);
              double t1 = CLAMP ((x1 - a.x) / (b.x - a.x), 0, 1);
              double y0 = a.y + t0 * (b.y - a.y), y1 = a.y + t1 * (b.y - a.y);

              ylo = MIN (y0, y1), yhi = MAX (y0, y1);
            }
          mark (rows, nr, ylo - pad, yhi + pad, cell);
        }
      if ((a.x <= xm) != (b.x <= xm))
        {
          double y = a.y + (xm - a.x) / (b.x - a.x) * (b.y - a.y);

          g_array_append_val (ys, y);
        }
    }
  g_array_sort (ys, cmp_double);
  for (guint k = 0; k + 1 < ys->len; k += 2)
    mark (rows, nr, g_array_index (ys, double, k) - pad, g_array_index (ys, double, k + 1) + pad, cell);
}

Variant *
slv_marker_variant_new (const Piece *piece,
                        double       rotation,
                        gboolean     flipped,
                        double       cell,
                        double       pad)
{
  Variant *v = g_new0 (Variant, 1);
  Affine m = affine_rotation (piece->grain >= 0 ? -piece->grain : 0);
  g_autoptr(SlvPolygon) turned = NULL;
  g_autoptr(GArray) ys = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree gboolean *rows = NULL;
  SlvBBox b;

  if (flipped)
    m = slv_marker_affine_then (m, (Affine) { 1, 0, 0, -1, 0, 0 });
  m = slv_marker_affine_then (m, affine_rotation (rotation));
  turned = slv_marker_affine_apply (m, piece->outline);
  b = slv_polygon_bbox (turned);
  m = slv_marker_affine_then (m, (Affine) { 1, 0, 0, 1, pad - b.x0, pad - b.y0 });
  v->rotation = rotation;
  v->flipped = flipped;
  v->map = m;
  v->shape = slv_marker_affine_apply (m, piece->outline);
  v->nc = MAX (1, (int) ceil ((b.x1 - b.x0 + 2 * pad) / cell));
  v->nr = MAX (1, (int) ceil ((b.y1 - b.y0 + 2 * pad) / cell));
  v->spans = g_array_new (FALSE, FALSE, sizeof (Span));
  v->starts = g_array_new (FALSE, FALSE, sizeof (int));
  rows = g_new (gboolean, v->nr);
  for (int c = 0; c < v->nc; c++)
    {
      int start = v->spans->len;

      g_array_append_val (v->starts, start);
      memset (rows, 0, v->nr * sizeof (gboolean));
      rasterise_column (v->shape, c, cell, pad, rows, v->nr, ys);
      for (int r = 0; r < v->nr; r++)
        if (rows[r] && (r == 0 || !rows[r - 1]))
          {
            Span s = { r, r + 1 };

            while (s.hi < v->nr && rows[s.hi])
              s.hi++;
            g_array_append_val (v->spans, s);
          }
    }
  {
    int end = v->spans->len;

    g_array_append_val (v->starts, end);
  }
  return v;
}

/* -- the fabric -- */

void
slv_marker_fabric_init (Fabric *f,
                        int     rows)
{
  f->columns = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  f->rows = rows;
}

void
slv_marker_fabric_clear (Fabric *f)
{
  g_clear_pointer (&f->columns, g_ptr_array_unref);
}

static GArray *
fabric_column (Fabric *f,
               int     x)
{
  while ((int) f->columns->len <= x)
    {
      GArray *col = g_array_new (FALSE, FALSE, sizeof (Span));
      Span all = { 0, f->rows };

      g_array_append_val (col, all);
      g_ptr_array_add (f->columns, col);
    }
  return g_ptr_array_index (f->columns, x);
}

/* @set ∩ ∪_F [F.lo − a, F.hi − b], in place. */
static void
restrict_set (GArray       *set,
              const GArray *free_spans,
              Span          occ,
              GArray       *tmp)
{
  guint i = 0, j = 0;

  g_array_set_size (tmp, 0);
  while (i < set->len && j < free_spans->len)
    {
      Span s = g_array_index (set, Span, i);
      Span f = g_array_index (free_spans, Span, j);
      Span a = { f.lo - occ.lo, f.hi - occ.hi };
      Span r = { MAX (s.lo, a.lo), MIN (s.hi, a.hi) };

      if (a.hi < a.lo)
        {
          j++;
          continue;
        }
      if (r.lo <= r.hi)
        g_array_append_val (tmp, r);
      if (s.hi < a.hi)
        i++;
      else
        j++;
    }
  g_array_set_size (set, 0);
  g_array_append_vals (set, tmp->data, tmp->len);
}

/* Lowest feasible row for @v at column @x, or −1. */
int
slv_marker_fabric_fit (Fabric        *f,
                       const Variant *v,
                       int            x,
                       GArray        *set,
                       GArray        *tmp)
{
  Span all = { 0, f->rows - v->nr };

  g_array_set_size (set, 0);
  g_array_append_val (set, all);
  for (int c = 0; c < v->nc && set->len > 0; c++)
    {
      int from = g_array_index (v->starts, int, c), to = g_array_index (v->starts, int, c + 1);

      if (x + c >= (int) f->columns->len)
        break;
      for (int k = from; k < to && set->len > 0; k++)
        restrict_set (set, g_ptr_array_index (f->columns, x + c), g_array_index (v->spans, Span, k), tmp);
    }
  return set->len > 0 ? g_array_index (set, Span, 0).lo : -1;
}

static void
subtract (GArray *free_spans,
          Span    occ,
          GArray *tmp)
{
  g_array_set_size (tmp, 0);
  for (guint i = 0; i < free_spans->len; i++)
    {
      Span f = g_array_index (free_spans, Span, i);
      Span left = { f.lo, MIN (f.hi, occ.lo) }, right = { MAX (f.lo, occ.hi), f.hi };

      if (occ.hi <= f.lo || occ.lo >= f.hi)
        {
          g_array_append_val (tmp, f);
          continue;
        }
      if (left.hi > left.lo)
        g_array_append_val (tmp, left);
      if (right.hi > right.lo)
        g_array_append_val (tmp, right);
    }
  g_array_set_size (free_spans, 0);
  g_array_append_vals (free_spans, tmp->data, tmp->len);
}

void
slv_marker_fabric_occupy (Fabric        *f,
                          const Variant *v,
                          int            x,
                          int            y,
                          GArray        *tmp)
{
  for (int c = 0; c < v->nc; c++)
    {
      GArray *col = fabric_column (f, x + c);

      for (int k = g_array_index (v->starts, int, c); k < g_array_index (v->starts, int, c + 1); k++)
        {
          Span s = g_array_index (v->spans, Span, k);

          subtract (col, (Span) { s.lo + y, s.hi + y }, tmp);
        }
    }
}
