/* slv-pack.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-pack"

#include "config.h"

#include <math.h>

#include "slv-pack.h"

#define EPS 1e-9

typedef struct
{
  GArray *free;   /* SlvRect: maximal free rectangles of the strip */
} Bin;

static gboolean
find_spot (Bin     *bin,
           double   w,
           double   h,
           SlvRect *spot)
{
  gboolean found = FALSE;
  double best_bottom = G_MAXDOUBLE, best_x = G_MAXDOUBLE;

  for (guint i = 0; i < bin->free->len; i++)
    {
      const SlvRect *f = &g_array_index (bin->free, SlvRect, i);

      if (f->w + EPS < w || f->h + EPS < h)
        continue;
      if (f->y + h < best_bottom - EPS || (fabs (f->y + h - best_bottom) <= EPS && f->x < best_x))
        {
          best_bottom = f->y + h;
          best_x = f->x;
          *spot = slv_rect_make (f->x, f->y, w, h);
          found = TRUE;
        }
    }
  return found;
}

static void
add_free (GArray  *list,
          double   x,
          double   y,
          double   w,
          double   h)
{
  if (w > EPS && h > EPS)
    g_array_append_val (list, ((SlvRect) { x, y, w, h }));
}

/* Cuts @used out of every free rectangle it overlaps, keeping the maximal
 * leftovers, then drops free rectangles inside others. */
static void
place (Bin           *bin,
       const SlvRect *used)
{
  g_autoptr(GArray) next = g_array_new (FALSE, FALSE, sizeof (SlvRect));

  for (guint i = 0; i < bin->free->len; i++)
    {
      SlvRect f = g_array_index (bin->free, SlvRect, i);

      if (!slv_rect_overlaps (&f, used, EPS))
        {
          g_array_append_val (next, f);
          continue;
        }
      add_free (next, f.x, f.y, used->x - f.x, f.h);
      add_free (next, used->x + used->w, f.y, f.x + f.w - used->x - used->w, f.h);
      add_free (next, f.x, f.y, f.w, used->y - f.y);
      add_free (next, f.x, used->y + used->h, f.w, f.y + f.h - used->y - used->h);
    }
  g_array_set_size (bin->free, 0);
  for (guint i = 0; i < next->len; i++)
    {
      const SlvRect *a = &g_array_index (next, SlvRect, i);
      gboolean inside = FALSE;

      for (guint j = 0; j < next->len && !inside; j++)
        {
          const SlvRect *b = &g_array_index (next, SlvRect, j);

          if (i != j && slv_rect_contains_rect (b, a) && (!slv_rect_equal (a, b, EPS) || j < i))
            inside = TRUE;
        }
      if (!inside)
        g_array_append_val (bin->free, *a);
    }
}

typedef struct
{
  const SlvRect *in;
} OrderCtx;

static int
cmp_tallest (gconstpointer a,
             gconstpointer b,
             gpointer      user_data)
{
  const SlvRect *in = user_data;
  guint i = *(const guint *) a, j = *(const guint *) b;

  if (in[i].h != in[j].h)
    return in[i].h > in[j].h ? -1 : 1;
  if (in[i].w != in[j].w)
    return in[i].w > in[j].w ? -1 : 1;
  return (int) i - (int) j;
}

/* Packs into a strip of @width; returns the used bounds' area. */
static double
pack_strip (const SlvRect *in,
            const guint   *order,
            guint          n,
            double         gap,
            double         width,
            double         height,
            SlvRect       *out)
{
  Bin bin = { g_array_new (FALSE, FALSE, sizeof (SlvRect)) };
  double used_w = 0, used_h = 0;

  /* Each rect is padded by the gap on its right and bottom; the strip is
   * widened by one gap so the last column still fits. */
  add_free (bin.free, 0, 0, width + gap, height);
  for (guint k = 0; k < n; k++)
    {
      guint i = order[k];
      SlvRect spot;

      if (!find_spot (&bin, in[i].w + gap, in[i].h + gap, &spot))
        {
          g_array_unref (bin.free);
          return G_MAXDOUBLE;
        }
      place (&bin, &spot);
      out[i] = slv_rect_make (spot.x, spot.y, in[i].w, in[i].h);
      used_w = MAX (used_w, spot.x + in[i].w);
      used_h = MAX (used_h, spot.y + in[i].h);
    }
  g_array_unref (bin.free);
  return used_w * used_h;
}

SlvRect
slv_pack_rects (const SlvRect *in,
                guint          n,
                double         gap,
                double         origin_x,
                double         origin_y,
                SlvRect       *out)
{
  static const double factors[] = { 0.9, 1.0, 1.1, 1.2, 1.35, 1.5, 1.75, 2.0 };
  g_autofree guint *order = g_new (guint, MAX (n, 1));
  g_autofree SlvRect *trial = g_new (SlvRect, MAX (n, 1));
  double area = 0, max_w = 0, height = 0, best = G_MAXDOUBLE;
  SlvRect bounds = { origin_x, origin_y, 0, 0 };

  if (n == 0)
    return bounds;
  for (guint i = 0; i < n; i++)
    {
      order[i] = i;
      area += (in[i].w + gap) * (in[i].h + gap);
      max_w = MAX (max_w, in[i].w);
      height += in[i].h + gap;
    }
  g_qsort_with_data (order, n, sizeof (guint), cmp_tallest, (gpointer) in);

  for (guint f = 0; f < G_N_ELEMENTS (factors); f++)
    {
      double width = MAX (max_w, sqrt (area) * factors[f]);
      double used = pack_strip (in, order, n, gap, width, height, trial);

      /* Prefer the smaller area; a near tie keeps the narrower strip. */
      if (used < best * 0.999)
        {
          best = used;
          memcpy (out, trial, sizeof (SlvRect) * n);
        }
    }

  for (guint i = 0; i < n; i++)
    {
      out[i].x += origin_x;
      out[i].y += origin_y;
      if (i == 0)
        bounds = out[0];
      else
        slv_rect_union (&bounds, &out[i], &bounds);
    }
  return bounds;
}
