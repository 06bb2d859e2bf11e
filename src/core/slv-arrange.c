/* slv-arrange.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-arrange"

#include "config.h"

#include <math.h>

#include "slv-arrange.h"

void
slv_arrange_bounds (const SlvRect *in,
                    guint          n,
                    SlvRect       *out)
{
  *out = n ? in[0] : slv_rect_make (0, 0, 0, 0);
  for (guint i = 1; i < n; i++)
    slv_rect_union (out, &in[i], out);
}

void
slv_arrange_align (const SlvRect *in,
                   guint          n,
                   SlvAlign       align,
                   const SlvRect *reference,
                   SlvRect       *out)
{
  SlvRect ref;

  if (reference != NULL)
    ref = *reference;
  else
    slv_arrange_bounds (in, n, &ref);
  for (guint i = 0; i < n; i++)
    {
      out[i] = in[i];
      switch (align)
        {
        case SLV_ALIGN_LEFT:
          out[i].x = ref.x;
          break;
        case SLV_ALIGN_HCENTER:
          out[i].x = ref.x + (ref.w - in[i].w) / 2;
          break;
        case SLV_ALIGN_RIGHT:
          out[i].x = ref.x + ref.w - in[i].w;
          break;
        case SLV_ALIGN_TOP:
          out[i].y = ref.y;
          break;
        case SLV_ALIGN_VCENTER:
          out[i].y = ref.y + (ref.h - in[i].h) / 2;
          break;
        case SLV_ALIGN_BOTTOM:
          out[i].y = ref.y + ref.h - in[i].h;
          break;
        default:
          g_return_if_reached ();
        }
    }
}

typedef struct
{
  const SlvRect *rects;
  gboolean       vertical;
} SortCtx;

static int
cmp_start (gconstpointer a,
           gconstpointer b,
           gpointer      user_data)
{
  const SortCtx *ctx = user_data;
  const SlvRect *ra = &ctx->rects[*(const guint *) a], *rb = &ctx->rects[*(const guint *) b];
  double sa = ctx->vertical ? ra->y : ra->x, sb = ctx->vertical ? rb->y : rb->x;

  if (sa != sb)
    return sa < sb ? -1 : 1;
  return (int) *(const guint *) a - (int) *(const guint *) b;
}

void
slv_arrange_distribute (const SlvRect *in,
                        guint          n,
                        SlvAxis        axis,
                        SlvRect       *out)
{
  g_autofree guint *order = g_new (guint, MAX (n, 1));
  SortCtx ctx = { in, axis == SLV_AXIS_VERTICAL };
  double span_start, span_end = -G_MAXDOUBLE, sum = 0, gap, pos;

  for (guint i = 0; i < n; i++)
    {
      out[i] = in[i];
      order[i] = i;
    }
  if (n < 3)
    return;
  g_qsort_with_data (order, n, sizeof (guint), cmp_start, &ctx);
  span_start = ctx.vertical ? in[order[0]].y : in[order[0]].x;
  for (guint i = 0; i < n; i++)
    {
      const SlvRect *r = &in[i];

      sum += ctx.vertical ? r->h : r->w;
      span_end = MAX (span_end, ctx.vertical ? r->y + r->h : r->x + r->w);
    }
  gap = (span_end - span_start - sum) / (n - 1);
  pos = span_start;
  for (guint i = 0; i < n; i++)
    {
      SlvRect *r = &out[order[i]];

      if (ctx.vertical)
        r->y = pos, pos += r->h + gap;
      else
        r->x = pos, pos += r->w + gap;
    }
}

void
slv_arrange_grid (const SlvRect *in,
                  guint          n,
                  guint          columns,
                  double         gap,
                  SlvRect       *out)
{
  g_autofree double *col_w = NULL;
  g_autofree double *row_h = NULL;
  guint rows;
  SlvRect bounds;
  double y;

  if (n == 0)
    return;
  if (columns == 0)
    columns = (guint) ceil (sqrt (n));
  columns = MIN (columns, n);
  rows = (n + columns - 1) / columns;
  col_w = g_new0 (double, columns);
  row_h = g_new0 (double, rows);
  for (guint i = 0; i < n; i++)
    {
      col_w[i % columns] = MAX (col_w[i % columns], in[i].w);
      row_h[i / columns] = MAX (row_h[i / columns], in[i].h);
    }
  slv_arrange_bounds (in, n, &bounds);
  y = bounds.y;
  for (guint r = 0; r < rows; r++)
    {
      double x = bounds.x;

      for (guint c = 0; c < columns && r * columns + c < n; c++)
        {
          guint i = r * columns + c;

          out[i] = slv_rect_make (x, y, in[i].w, in[i].h);
          x += col_w[c] + gap;
        }
      y += row_h[r] + gap;
    }
}

void
slv_arrange_equal_size (const SlvRect *in,
                        guint          n,
                        SlvEqualSize   mode,
                        double        *scales,
                        SlvRect       *out)
{
  double target = 0;

  for (guint i = 0; i < n; i++)
    target += mode == SLV_EQUAL_HEIGHT ? in[i].h : mode == SLV_EQUAL_WIDTH ? in[i].w
                                                                            : in[i].w * in[i].h;
  target = n ? target / n : 0;
  for (guint i = 0; i < n; i++)
    {
      double v = mode == SLV_EQUAL_HEIGHT ? in[i].h : mode == SLV_EQUAL_WIDTH ? in[i].w
                                                                               : in[i].w * in[i].h;
      double s = v > 0 ? target / v : 1;

      if (mode == SLV_EQUAL_AREA)
        s = sqrt (s);
      scales[i] = s;
      out[i] = slv_rect_make (in[i].x, in[i].y, in[i].w * s, in[i].h * s);
    }
}

typedef struct
{
  guint  index;
  int    group;    /* 0 greys, 1 colours */
  double key;
} ColourKey;

static int
cmp_colour_key (gconstpointer a,
                gconstpointer b)
{
  const ColourKey *x = a, *y = b;

  if (x->group != y->group)
    return x->group - y->group;
  if (x->key != y->key)
    return x->key < y->key ? -1 : 1;
  return (int) x->index - (int) y->index;
}

guint *
slv_arrange_colour_order (const SlvLab *labs,
                          guint         n)
{
  g_autofree ColourKey *keys = g_new (ColourKey, MAX (n, 1));
  guint *order = g_new (guint, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      gboolean grey = slv_lab_chroma (&labs[i]) < 10;

      keys[i].index = i;
      keys[i].group = grey ? 0 : 1;
      /* Start the hue circle at magenta-red so reds stay together. */
      keys[i].key = grey ? labs[i].L : fmod (slv_lab_hue (&labs[i]) + 360 - 350, 360);
    }
  qsort (keys, n, sizeof (ColourKey), cmp_colour_key);
  for (guint i = 0; i < n; i++)
    order[i] = keys[i].index;
  return order;
}

static int
cmp_double (gconstpointer a,
            gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

static int
cmp_center_y (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const SlvRect *r = user_data;
  guint i = *(const guint *) a, j = *(const guint *) b;
  double ci = r[i].y + r[i].h / 2, cj = r[j].y + r[j].h / 2;

  if (ci != cj)
    return ci < cj ? -1 : 1;
  return (int) i - (int) j;
}

static int
cmp_x (gconstpointer a,
       gconstpointer b,
       gpointer      user_data)
{
  const SlvRect *r = user_data;
  guint i = *(const guint *) a, j = *(const guint *) b;

  if (r[i].x != r[j].x)
    return r[i].x < r[j].x ? -1 : 1;
  return (int) i - (int) j;
}

guint *
slv_arrange_reading_order (const SlvRect *in,
                           guint          n)
{
  guint *order = g_new (guint, MAX (n, 1));
  g_autofree double *heights = g_new (double, MAX (n, 1));
  double band;

  for (guint i = 0; i < n; i++)
    {
      order[i] = i;
      heights[i] = in[i].h;
    }
  if (n < 2)
    return order;
  qsort (heights, n, sizeof (double), cmp_double);
  band = heights[n / 2] / 2;
  g_qsort_with_data (order, n, sizeof (guint), cmp_center_y, (gpointer) in);
  for (guint start = 0; start < n;)
    {
      double top = in[order[start]].y + in[order[start]].h / 2;
      guint end = start + 1;

      while (end < n && in[order[end]].y + in[order[end]].h / 2 - top <= band)
        end++;
      g_qsort_with_data (order + start, end - start, sizeof (guint), cmp_x, (gpointer) in);
      start = end;
    }
  return order;
}
