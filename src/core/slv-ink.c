/* slv-ink.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-ink"

#include "config.h"

#include <math.h>

#include "slv-ink.h"

double
slv_ink_segment_distance (double             x,
                          double             y,
                          const SlvInkPoint *a,
                          const SlvInkPoint *b,
                          double            *t)
{
  double dx = b->x - a->x;
  double dy = b->y - a->y;
  double len2 = dx * dx + dy * dy;
  double k = 0;

  if (len2 > 0)
    k = CLAMP (((x - a->x) * dx + (y - a->y) * dy) / len2, 0.0, 1.0);
  if (t != NULL)
    *t = k;
  return hypot (x - (a->x + k * dx), y - (a->y + k * dy));
}

static double
clean_pressure (double p)
{
  if (!isfinite (p) || p < 0)
    return 1.0;
  return MIN (p, 1.0);
}

/* Finite samples, pressure cleaned, near-duplicates merged. */
static GArray *
filter_samples (const SlvInkPoint *raw,
                guint              n_raw,
                double             min_distance)
{
  GArray *out = g_array_sized_new (FALSE, FALSE, sizeof (SlvInkPoint), n_raw);
  gboolean last_merged = FALSE;
  SlvInkPoint pending = { 0 };

  for (guint i = 0; i < n_raw; i++)
    {
      SlvInkPoint p = { raw[i].x, raw[i].y, clean_pressure (raw[i].pressure) };
      const SlvInkPoint *prev;

      if (!isfinite (p.x) || !isfinite (p.y))
        continue;
      if (out->len == 0)
        {
          g_array_append_val (out, p);
          continue;
        }
      prev = &g_array_index (out, SlvInkPoint, out->len - 1);
      if (hypot (p.x - prev->x, p.y - prev->y) < min_distance)
        {
          pending = p;
          last_merged = TRUE;
          continue;
        }
      g_array_append_val (out, p);
      last_merged = FALSE;
    }
  /* Where the pen lifted matters: keep the last sample, replacing a kept
   * neighbour that is too close to it (never the first point). */
  if (last_merged)
    {
      if (out->len > 1)
        g_array_index (out, SlvInkPoint, out->len - 1) = pending;
      else
        g_array_append_val (out, pending);
    }
  return out;
}

GArray *
slv_ink_smooth (const SlvInkPoint *raw,
                guint              n_raw,
                double             min_distance)
{
  static const double k5[5] = { 1 / 16.0, 4 / 16.0, 6 / 16.0, 4 / 16.0, 1 / 16.0 };
  static const double k3[3] = { 1 / 4.0, 2 / 4.0, 1 / 4.0 };
  g_autoptr(GArray) in = NULL;
  GArray *out;

  g_return_val_if_fail (raw != NULL || n_raw == 0, NULL);

  in = filter_samples (raw, n_raw, isfinite (min_distance) ? MAX (min_distance, 0) : 0);
  out = g_array_sized_new (FALSE, FALSE, sizeof (SlvInkPoint), in->len);
  for (guint i = 0; i < in->len; i++)
    {
      const SlvInkPoint *p = (const SlvInkPoint *) in->data;
      SlvInkPoint s = { 0 };
      const double *k;
      guint r;

      if (i == 0 || i + 1 == in->len)
        r = 0;
      else if (i == 1 || i + 2 == in->len)
        r = 1;
      else
        r = 2;
      if (r == 0)
        {
          g_array_append_val (out, p[i]);
          continue;
        }
      k = r == 1 ? k3 : k5;
      for (guint j = 0; j <= 2 * r; j++)
        {
          const SlvInkPoint *q = &p[i - r + j];

          s.x += k[j] * q->x;
          s.y += k[j] * q->y;
          s.pressure += k[j] * q->pressure;
        }
      s.pressure = CLAMP (s.pressure, 0.0, 1.0);
      g_array_append_val (out, s);
    }
  return out;
}

/* The index of the point of (first, last) that is worst represented by the
 * segment first–last, or 0 if all are within tolerance. */
static guint
worst_point (const SlvInkPoint *p,
             guint              first,
             guint              last,
             double             tolerance,
             double             pressure_tolerance)
{
  double worst = 0;
  guint worst_i = 0;

  for (guint i = first + 1; i < last; i++)
    {
      double t;
      double d = slv_ink_segment_distance (p[i].x, p[i].y, &p[first], &p[last], &t);
      double pi = p[first].pressure + t * (p[last].pressure - p[first].pressure);
      double dp = fabs (p[i].pressure - pi);
      /* Score relative to each tolerance, so either kind of miss splits. */
      double score = MAX (tolerance > 0 ? d / tolerance : (d > 0 ? G_MAXDOUBLE : 0),
                          pressure_tolerance > 0 ? dp / pressure_tolerance : (dp > 0 ? G_MAXDOUBLE : 0));

      if (d <= tolerance && dp <= pressure_tolerance)
        continue;
      if (score > worst)
        {
          worst = score;
          worst_i = i;
        }
    }
  return worst_i;
}

GArray *
slv_ink_simplify (const SlvInkPoint *points,
                  guint              n_points,
                  double             tolerance,
                  double             pressure_tolerance)
{
  g_autofree gboolean *keep = NULL;
  g_autoptr(GArray) stack = NULL;
  GArray *out;

  g_return_val_if_fail (points != NULL || n_points == 0, NULL);

  tolerance = isfinite (tolerance) ? MAX (tolerance, 0) : 0;
  pressure_tolerance = isfinite (pressure_tolerance) ? MAX (pressure_tolerance, 0) : 0;
  out = g_array_new (FALSE, FALSE, sizeof (SlvInkPoint));
  if (n_points <= 2)
    {
      g_array_append_vals (out, points, n_points);
      return out;
    }

  keep = g_new0 (gboolean, n_points);
  keep[0] = keep[n_points - 1] = TRUE;
  stack = g_array_new (FALSE, FALSE, sizeof (guint));
  g_array_append_vals (stack, (guint[]) { 0, n_points - 1 }, 2);
  while (stack->len > 0)
    {
      guint last = g_array_index (stack, guint, stack->len - 1);
      guint first = g_array_index (stack, guint, stack->len - 2);
      guint split;

      g_array_set_size (stack, stack->len - 2);
      if (last - first < 2)
        continue;
      split = worst_point (points, first, last, tolerance, pressure_tolerance);
      if (split == 0)
        continue;
      keep[split] = TRUE;
      g_array_append_vals (stack, (guint[]) { first, split, split, last }, 4);
    }
  for (guint i = 0; i < n_points; i++)
    if (keep[i])
      g_array_append_val (out, points[i]);
  return out;
}
