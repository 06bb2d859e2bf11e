/* test-ink.c: smoothing and simplifying freehand strokes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "core/slv-ink.h"

/* Distance from (x, y) to the polyline @p. */
static double
polyline_distance (const SlvInkPoint *p,
                   guint              n,
                   double             x,
                   double             y)
{
  double best = G_MAXDOUBLE;

  if (n == 1)
    return hypot (x - p[0].x, y - p[0].y);
  for (guint i = 0; i + 1 < n; i++)
    best = MIN (best, slv_ink_segment_distance (x, y, &p[i], &p[i + 1], NULL));
  return best;
}

/* Checks the documented guarantee of slv_ink_simplify() on @in / @out. */
static void
assert_within_tolerance (GArray *in,
                         GArray *out,
                         double  tolerance,
                         double  pressure_tolerance)
{
  const SlvInkPoint *a = (const SlvInkPoint *) in->data;
  const SlvInkPoint *b = (const SlvInkPoint *) out->data;
  guint j = 0;
  double hausdorff = 0;

  g_assert_cmpuint (out->len, >=, MIN (in->len, 2));
  g_assert_cmpuint (out->len, <=, in->len);
  g_assert_true (memcmp (&a[0], &b[0], sizeof *a) == 0);
  g_assert_true (memcmp (&a[in->len - 1], &b[out->len - 1], sizeof *a) == 0);

  /* A subsequence: walk the input, matching kept points in order; every
   * dropped point is close to the kept segment that spans it. */
  for (guint i = 0; i < in->len; i++)
    {
      if (j < out->len && memcmp (&a[i], &b[j], sizeof *a) == 0)
        {
          j++;
          continue;
        }
      g_assert_cmpuint (j, >, 0);
      g_assert_cmpuint (j, <, out->len);
      {
        double t;
        double d = slv_ink_segment_distance (a[i].x, a[i].y, &b[j - 1], &b[j], &t);
        double pi = b[j - 1].pressure + t * (b[j].pressure - b[j - 1].pressure);

        g_assert_cmpfloat (d, <=, tolerance);
        g_assert_cmpfloat (fabs (a[i].pressure - pi), <=, pressure_tolerance);
      }
    }
  g_assert_cmpuint (j, ==, out->len);

  /* Hausdorff distance, both ways, sampled finely along the segments. */
  for (int way = 0; way < 2; way++)
    {
      const SlvInkPoint *from = way ? b : a, *to = way ? a : b;
      guint nf = way ? out->len : in->len, nt = way ? in->len : out->len;

      for (guint i = 0; i + 1 < nf; i++)
        for (int k = 0; k <= 4; k++)
          {
            double x = from[i].x + (from[i + 1].x - from[i].x) * k / 4.0;
            double y = from[i].y + (from[i + 1].y - from[i].y) * k / 4.0;

            hausdorff = MAX (hausdorff, polyline_distance (to, nt, x, y));
          }
    }
  g_assert_cmpfloat (hausdorff, <=, tolerance + 1e-9);
}

static GArray *
noisy_curve (guint  n,
             double noise)
{
  GArray *a = g_array_new (FALSE, FALSE, sizeof (SlvInkPoint));

  for (guint i = 0; i < n; i++)
    {
      double t = i / (double) (n - 1);
      SlvInkPoint p = {
        200 * t + g_test_rand_double_range (-noise, noise),
        60 * sin (t * 9) + 25 * cos (t * 23) + g_test_rand_double_range (-noise, noise),
        CLAMP (0.5 + 0.4 * sin (t * 5) + g_test_rand_double_range (-0.05, 0.05), 0, 1),
      };

      g_array_append_val (a, p);
    }
  return a;
}

static void
test_simplify_tolerance (void)
{
  const double tolerances[] = { 0, 0.05, 0.25, 0.75, 2, 10 };

  for (guint round = 0; round < 12; round++)
    {
      g_autoptr(GArray) in = noisy_curve (g_test_rand_int_range (3, 600), round % 2 ? 1.5 : 0.01);

      for (guint k = 0; k < G_N_ELEMENTS (tolerances); k++)
        {
          g_autoptr(GArray) out = slv_ink_simplify ((SlvInkPoint *) in->data, in->len,
                                                    tolerances[k], k % 2 ? 1.0 : 0.1);

          assert_within_tolerance (in, out, tolerances[k], k % 2 ? 1.0 : 0.1);
        }
    }
}

/* A circle drawn slowly (many samples) keeps its shape with few points. */
static void
test_simplify_circle_compresses (void)
{
  g_autoptr(GArray) in = g_array_new (FALSE, FALSE, sizeof (SlvInkPoint));
  g_autoptr(GArray) out = NULL;

  for (guint i = 0; i <= 2000; i++)
    {
      double t = 2 * G_PI * i / 2000;
      SlvInkPoint p = { 100 * cos (t), 100 * sin (t), 1 };

      g_array_append_val (in, p);
    }
  out = slv_ink_simplify ((SlvInkPoint *) in->data, in->len, 0.5, 1);
  assert_within_tolerance (in, out, 0.5, 1);
  /* A chord of a radius-100 circle is within 0.5 of the arc up to ~11.4°:
   * about 32 points, far from 2001. */
  g_assert_cmpuint (out->len, <, 60);
  g_assert_cmpuint (out->len, >, 20);
  for (guint i = 0; i < out->len; i++)
    {
      const SlvInkPoint *p = &g_array_index (out, SlvInkPoint, i);

      g_assert_cmpfloat_with_epsilon (hypot (p->x, p->y), 100, 1e-9);
    }
}

static void
test_simplify_drops_redundant (void)
{
  SlvInkPoint line[] = {
    { 0, 0, 1 }, { 0, 0, 1 }, { 1, 1, 1 }, { 2, 2, 1 }, { 2, 2, 1 }, { 3, 3, 1 }, { 4, 4, 1 },
  };
  SlvInkPoint pressure_bump[] = { { 0, 0, 0.2 }, { 1, 0, 0.9 }, { 2, 0, 0.2 } };
  g_autoptr(GArray) out = slv_ink_simplify (line, G_N_ELEMENTS (line), 1e-9, 1e-9);
  g_autoptr(GArray) kept = NULL;
  g_autoptr(GArray) flat = NULL;
  g_autoptr(GArray) few = slv_ink_simplify (line, 2, 5, 1);
  g_autoptr(GArray) none = slv_ink_simplify (NULL, 0, 5, 1);

  /* Duplicates and collinear points go; the ends stay. */
  g_assert_cmpuint (out->len, ==, 2);
  g_assert_cmpfloat (g_array_index (out, SlvInkPoint, 1).x, ==, 4);
  /* A change of pressure is kept, unless the pressure tolerance allows it. */
  kept = slv_ink_simplify (pressure_bump, 3, 0.5, 0.1);
  g_assert_cmpuint (kept->len, ==, 3);
  flat = slv_ink_simplify (pressure_bump, 3, 0.5, 1.0);
  g_assert_cmpuint (flat->len, ==, 2);
  g_assert_cmpuint (few->len, ==, 2);
  g_assert_cmpuint (none->len, ==, 0);
}

static void
test_simplify_long_zigzag (void)
{
  g_autoptr(GArray) in = g_array_new (FALSE, FALSE, sizeof (SlvInkPoint));
  g_autoptr(GArray) out = NULL;
  gint64 start;

  for (guint i = 0; i < SLV_INK_MAX_POINTS; i++)
    {
      SlvInkPoint p = { i, (i % 2) * 10.0, 1 };

      g_array_append_val (in, p);
    }
  start = g_get_monotonic_time ();
  out = slv_ink_simplify ((SlvInkPoint *) in->data, in->len, 1, 1);
  /* Every corner matters. This shape is the quadratic worst case of the
   * method (each split lands next to an end); with the point limit it still
   * ends in well under a second (no recursion, so no stack overflow). */
  g_assert_cmpuint (out->len, ==, in->len);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
}

static void
test_smooth_endpoints_and_jitter (void)
{
  g_autoptr(GArray) raw = g_array_new (FALSE, FALSE, sizeof (SlvInkPoint));
  g_autoptr(GArray) smooth = NULL;
  double raw_dev = 0, smooth_dev = 0;

  /* A straight stroke along y = 0 with hand jitter. */
  for (guint i = 0; i < 400; i++)
    {
      SlvInkPoint p = { i * 0.5, g_test_rand_double_range (-1, 1), 0.6 };

      g_array_append_val (raw, p);
    }
  smooth = slv_ink_smooth ((SlvInkPoint *) raw->data, raw->len, 0);
  g_assert_cmpuint (smooth->len, ==, raw->len);
  g_assert_true (memcmp (raw->data, smooth->data, sizeof (SlvInkPoint)) == 0);
  g_assert_true (memcmp (&g_array_index (raw, SlvInkPoint, raw->len - 1),
                         &g_array_index (smooth, SlvInkPoint, smooth->len - 1),
                         sizeof (SlvInkPoint)) == 0);
  for (guint i = 1; i + 1 < raw->len; i++)
    {
      raw_dev += fabs (g_array_index (raw, SlvInkPoint, i).y);
      smooth_dev += fabs (g_array_index (smooth, SlvInkPoint, i).y);
      g_assert_cmpfloat_with_epsilon (g_array_index (smooth, SlvInkPoint, i).pressure, 0.6, 1e-12);
    }
  /* The binomial filter removes most of white jitter (√(70/256) ≈ 0.52 of
   * its spread, in theory). */
  g_assert_cmpfloat (smooth_dev, <, 0.65 * raw_dev);
}

static void
test_smooth_cleans_samples (void)
{
  SlvInkPoint raw[] = {
    { 0, 0, NAN }, { NAN, 3, 0.5 }, { 0.1, 0, 0.4 }, { 5, 0, -1 }, { 10, 0, 2.5 },
    { INFINITY, 0, 1 }, { 10.2, 0, 0.3 },
  };
  g_autoptr(GArray) out = slv_ink_smooth (raw, G_N_ELEMENTS (raw), 1.0);
  const SlvInkPoint *p = (const SlvInkPoint *) out->data;

  /* NaN/∞ positions dropped; (0.1, 0) merged into the first point; (10, 0)
   * replaced by the last sample (10.2, 0), which is too close to it. */
  g_assert_cmpuint (out->len, ==, 3);
  g_assert_cmpfloat (p[0].x, ==, 0);
  g_assert_cmpfloat (p[0].pressure, ==, 1);       /* no pressure reads as full */
  g_assert_cmpfloat (p[2].x, ==, 10.2);
  g_assert_cmpfloat (p[2].pressure, ==, 0.3);
  /* The middle point: ¼·0 + ½·5 + ¼·10.2, pressure ¼·1 + ½·1 + ¼·0.3. */
  g_assert_cmpfloat_with_epsilon (p[1].x, 5.05, 1e-12);
  g_assert_cmpfloat_with_epsilon (p[1].pressure, 0.825, 1e-12);
  for (guint i = 0; i < out->len; i++)
    g_assert_true (p[i].pressure >= 0 && p[i].pressure <= 1);
}

static void
test_smooth_then_simplify (void)
{
  g_autoptr(GArray) raw = noisy_curve (800, 0.8);
  g_autoptr(GArray) smooth = slv_ink_smooth ((SlvInkPoint *) raw->data, raw->len,
                                             SLV_INK_MIN_DISTANCE_PX);
  g_autoptr(GArray) stored = slv_ink_simplify ((SlvInkPoint *) smooth->data, smooth->len,
                                               SLV_INK_TOLERANCE_PX, SLV_INK_PRESSURE_TOLERANCE);

  assert_within_tolerance (smooth, stored, SLV_INK_TOLERANCE_PX, SLV_INK_PRESSURE_TOLERANCE);
  g_assert_cmpuint (stored->len, <, raw->len / 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/ink/simplify-tolerance", test_simplify_tolerance);
  g_test_add_func ("/core/ink/simplify-circle", test_simplify_circle_compresses);
  g_test_add_func ("/core/ink/simplify-redundant", test_simplify_drops_redundant);
  g_test_add_func ("/core/ink/simplify-long", test_simplify_long_zigzag);
  g_test_add_func ("/core/ink/smooth-jitter", test_smooth_endpoints_and_jitter);
  g_test_add_func ("/core/ink/smooth-clean", test_smooth_cleans_samples);
  g_test_add_func ("/core/ink/smooth-then-simplify", test_smooth_then_simplify);

  return g_test_run ();
}
