/* test-pack.c: packing has no overlaps, stays tight and is stable.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "core/slv-pack.h"

/* The packing's bounds stay within this factor of the items' total area
 * for the mixed sizes tested here (the figure slv-pack.h states). */
#define AREA_FACTOR 1.25

static void
check_packing (const SlvRect *in,
               const SlvRect *out,
               guint          n,
               double         gap,
               SlvRect        bounds,
               double        *ratio)
{
  SlvRect outer = bounds;
  double sum = 0;

  /* bounds keep x and w, so their far edge may round by an ulp */
  slv_rect_inflate (&outer, 1e-9, 1e-9);
  for (guint i = 0; i < n; i++)
    {
      SlvRect padded = out[i];

      g_assert_cmpfloat (out[i].w, ==, in[i].w);
      g_assert_cmpfloat (out[i].h, ==, in[i].h);
      g_assert_true (slv_rect_contains_rect (&outer, &out[i]));
      sum += in[i].w * in[i].h;
      /* at least @gap between any two */
      padded.w += gap - 1e-9;
      padded.h += gap - 1e-9;
      for (guint j = i + 1; j < n; j++)
        {
          SlvRect other = out[j];

          other.w += gap - 1e-9;
          other.h += gap - 1e-9;
          g_assert_false (slv_rect_overlaps (&padded, &other, 0));
        }
    }
  *ratio = slv_rect_area (&bounds) / sum;
}

static void
test_random_sets (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (21);
  double worst = 0;

  for (guint set = 0; set < 40; set++)
    {
      guint n = g_rand_int_range (rand, 2, 120);
      g_autofree SlvRect *in = g_new (SlvRect, n);
      g_autofree SlvRect *out = g_new (SlvRect, n);
      SlvRect bounds;
      double ratio;

      /* photos, swatches and notes: 50–400 wide, aspect 0.5–2 */
      for (guint i = 0; i < n; i++)
        {
          double w = g_rand_double_range (rand, 50, 400);

          in[i] = slv_rect_make (g_rand_double_range (rand, -1e4, 1e4), 0, w,
                                 w * g_rand_double_range (rand, 0.5, 2));
        }
      bounds = slv_pack_rects (in, n, 0, 100, 200, out);
      g_assert_cmpfloat (bounds.x, ==, 100);
      g_assert_cmpfloat (bounds.y, ==, 200);
      check_packing (in, out, n, 0, bounds, &ratio);
      if (n >= 8)
        worst = MAX (worst, ratio);
    }
  g_test_message ("worst bounds/area ratio: %.3f", worst);
  g_assert_cmpfloat (worst, <=, AREA_FACTOR);
}

static void
test_equal_squares (void)
{
  SlvRect in[16], out[16], bounds;
  double ratio;

  for (guint i = 0; i < 16; i++)
    in[i] = slv_rect_make (i * 7, i * 3, 100, 100);
  bounds = slv_pack_rects (in, 16, 0, 0, 0, out);
  check_packing (in, out, 16, 0, bounds, &ratio);
  /* sixteen squares make a perfect 4 × 4 */
  g_assert_cmpfloat_with_epsilon (ratio, 1, 1e-9);
}

static void
test_gap_and_stability (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);
  SlvRect in[30], a[30], b[30], ba, bb;
  double ratio;

  for (guint i = 0; i < 30; i++)
    in[i] = slv_rect_make (0, 0, g_rand_int_range (rand, 1, 5) * 50, g_rand_int_range (rand, 1, 5) * 50);
  ba = slv_pack_rects (in, 30, 12, 0, 0, a);
  bb = slv_pack_rects (in, 30, 12, 0, 0, b);
  check_packing (in, a, 30, 12, ba, &ratio);
  /* the same input gives the same layout */
  g_assert_true (slv_rect_equal (&ba, &bb, 0));
  for (guint i = 0; i < 30; i++)
    g_assert_true (slv_rect_equal (&a[i], &b[i], 0));
}

static void
test_degenerate (void)
{
  SlvRect one = { 5, 5, 10, 20 }, out;
  SlvRect bounds = slv_pack_rects (&one, 1, 0, 3, 4, &out);

  g_assert_true (slv_rect_equal (&out, &(SlvRect) { 3, 4, 10, 20 }, 0));
  g_assert_true (slv_rect_equal (&bounds, &out, 0));
  bounds = slv_pack_rects (NULL, 0, 0, 3, 4, NULL);
  g_assert_cmpfloat (bounds.w, ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/core/pack/random-sets", test_random_sets);
  g_test_add_func ("/core/pack/equal-squares", test_equal_squares);
  g_test_add_func ("/core/pack/gap-and-stability", test_gap_and_stability);
  g_test_add_func ("/core/pack/degenerate", test_degenerate);
  return g_test_run ();
}
