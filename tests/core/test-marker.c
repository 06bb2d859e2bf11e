/* test-marker.c: bottom-left-fill nesting, checked geometrically.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "core/slv-consumption.h"
#include "core/slv-marker.h"

static SlvPolygon *
rect (double w, double h)
{
  SlvPoint pts[] = { { 0, 0 }, { w, 0 }, { w, h }, { 0, h } };

  return slv_polygon_new_from_points (pts, 4);
}

/* A random star-shaped (often concave) polygon of mean radius @r. */
static SlvPolygon *
blob (GRand *rand, double r, guint n)
{
  SlvPolygon *p = slv_polygon_new ();

  for (guint i = 0; i < n; i++)
    {
      double a = 2 * G_PI * i / n;
      double rr = r * g_rand_double_range (rand, 0.45, 1.0);

      slv_polygon_append (p, 300 + rr * cos (a), -200 + rr * sin (a));
    }
  return p;
}

/* Every placed outline within the width and after x = 0; no two overlap;
 * the efficiency agrees with the outlines. */
static void
assert_valid_marker (SlvMarker *m,
                     guint      expected)
{
  guint n = slv_marker_get_n_placements (m);
  double width = slv_marker_get_width (m), area = 0, length = 0;

  g_assert_cmpuint (n, ==, expected);
  for (guint i = 0; i < n; i++)
    {
      const SlvPlacement *p = slv_marker_get_placement (m, i);
      SlvBBox b = slv_polygon_bbox (p->outline);

      g_assert_cmpfloat (b.y0, >=, -1e-9);
      g_assert_cmpfloat (b.y1, <=, width + 1e-9);
      g_assert_cmpfloat (b.x0, >=, -1e-9);
      area += slv_polygon_area (p->outline);
      length = MAX (length, b.x1);
      for (guint j = i + 1; j < n; j++)
        {
          const SlvPlacement *q = slv_marker_get_placement (m, j);

          if (slv_polygons_overlap (p->outline, q->outline, 1e-6))
            g_error ("placements %u (%s) and %u (%s) overlap", i,
                     slv_marker_get_label (m, p->piece), j, slv_marker_get_label (m, q->piece));
        }
    }
  g_assert_cmpfloat_with_epsilon (slv_marker_get_length (m), length, 1e-6);
  g_assert_cmpfloat_with_epsilon (slv_marker_get_piece_area (m), area, 1e-3);
  g_assert_cmpfloat_with_epsilon (slv_marker_get_efficiency (m), area / (length * width), 1e-9);
  g_assert_cmpfloat (slv_marker_get_efficiency (m), <=, 1 + 1e-9);
}

static void
test_rectangles_tile (void)
{
  SlvNestOptions opt;
  g_autoptr(SlvMarker) m = NULL;
  g_autoptr(SlvPolygon) r = rect (500, 400);
  g_autoptr(GError) error = NULL;

  /* Four 500 × 400 on an 800 wide strip tile exactly: 1000 mm, 100 %. */
  slv_nest_options_init (&opt, 800);
  opt.resolution = 10;
  m = slv_marker_new (&opt);
  slv_marker_add_piece (m, "panel", r, 0, 4, 0);
  g_assert_true (slv_marker_nest (m, NULL, &error));
  g_assert_no_error (error);
  assert_valid_marker (m, 4);
  g_assert_cmpfloat_with_epsilon (slv_marker_get_length (m), 1000, 1e-9);
  g_assert_cmpfloat_with_epsilon (slv_marker_get_efficiency (m), 1.0, 1e-9);
}

static void
test_grain_alignment (void)
{
  SlvNestOptions opt;
  g_autoptr(SlvMarker) m = NULL;
  g_autoptr(SlvPolygon) r = rect (100, 700);   /* long along y, grain along y */
  g_autoptr(GError) error = NULL;
  const SlvPlacement *p;
  SlvBBox b;

  slv_nest_options_init (&opt, 500);
  m = slv_marker_new (&opt);
  slv_marker_add_piece (m, "strap", r, 90, 1, 0);
  g_assert_true (slv_marker_nest (m, NULL, &error));
  p = slv_marker_get_placement (m, 0);
  b = slv_polygon_bbox (p->outline);
  /* The grain now runs along the length: 700 along x, 100 across. */
  g_assert_cmpfloat_with_epsilon (b.x1 - b.x0, 700, 1e-9);
  g_assert_cmpfloat_with_epsilon (b.y1 - b.y0, 100, 1e-9);
  /* The affine map sends the piece's corner (100, 700) onto the outline. */
  {
    double x = p->xx * 100 + p->xy * 700 + p->x0, y = p->yx * 100 + p->yy * 700 + p->y0;

    g_assert_cmpint (slv_polygon_locate_point (p->outline, (SlvPoint) { x, y }, 1e-6), ==,
                     SLV_POINT_ON_BOUNDARY);
  }

  /* Without the cross-grain option a 700 mm grain-wise piece on a 500 mm
   * fabric must still fit (grain along the length); a 600 mm cross-grain
   * one does not. */
  {
    g_autoptr(SlvMarker) wide = slv_marker_new (&opt);
    g_autoptr(SlvPolygon) big = rect (700, 600);

    slv_marker_add_piece (wide, "board", big, 0, 1, 0);
    g_assert_false (slv_marker_nest (wide, NULL, &error));
    g_assert_error (error, SLV_MARKER_ERROR, SLV_MARKER_ERROR_TOO_WIDE);
  }
}

static void
test_random_shapes (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20270301);

  for (guint round = 0; round < 6; round++)
    {
      SlvNestOptions opt;
      g_autoptr(SlvMarker) m = NULL;
      g_autoptr(GError) error = NULL;
      guint expected = 0;

      slv_nest_options_init (&opt, g_rand_double_range (rand, 900, 1800));
      opt.gap = round % 2 ? 2 : 0;
      opt.rotations = round % 3 == 0 ? (SLV_NEST_ROTATE_180 | SLV_NEST_ROTATE_90) : SLV_NEST_ROTATE_180;
      m = slv_marker_new (&opt);
      for (guint i = 0; i < 9; i++)
        {
          g_autoptr(SlvPolygon) shape = blob (rand, g_rand_double_range (rand, 60, 300),
                                              g_rand_int_range (rand, 5, 40));
          guint copies = g_rand_int_range (rand, 1, 4);
          char label[16];

          g_snprintf (label, sizeof label, "p%u", i);
          slv_marker_add_piece (m, label, shape, g_rand_double_range (rand, 0, 180), copies, copies / 2);
          expected += copies;
        }
      g_assert_true (slv_marker_nest (m, NULL, &error));
      g_assert_no_error (error);
      assert_valid_marker (m, expected);
      g_assert_cmpfloat (slv_marker_get_efficiency (m), >, 0.3);
      g_test_message ("round %u: width %.0f mm, length %.0f mm, efficiency %.1f %%", round,
                      slv_marker_get_width (m), slv_marker_get_length (m),
                      100 * slv_marker_get_efficiency (m));
    }
}

static void
test_bad_input (void)
{
  SlvNestOptions opt;
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvPolygon) r = rect (10, 10);
  g_autoptr(SlvPolygon) nan_poly = rect (10, NAN);

  slv_nest_options_init (&opt, 0);
  {
    g_autoptr(SlvMarker) m = slv_marker_new (&opt);

    slv_marker_add_piece (m, "a", r, 0, 1, 0);
    g_assert_false (slv_marker_nest (m, NULL, &error));
    g_assert_error (error, SLV_MARKER_ERROR, SLV_MARKER_ERROR_INVALID);
    g_clear_error (&error);
  }
  slv_nest_options_init (&opt, 1000);
  {
    g_autoptr(SlvMarker) m = slv_marker_new (&opt);

    g_assert_false (slv_marker_nest (m, NULL, &error));
    g_assert_error (error, SLV_MARKER_ERROR, SLV_MARKER_ERROR_NO_PIECES);
    g_clear_error (&error);
  }
  {
    g_autoptr(SlvMarker) m = slv_marker_new (&opt);

    slv_marker_add_piece (m, "nan", nan_poly, 0, 1, 0);
    g_assert_false (slv_marker_nest (m, NULL, &error));
    g_assert_error (error, SLV_MARKER_ERROR, SLV_MARKER_ERROR_INVALID);
  }
}

static void
test_consumption (void)
{
  SlvConsumption c;
  g_autofree char *why = NULL;

  /* 0.5 m² net at 80 % on 1.5 m: 0.625 m², 0.41667 m; 180 g/m²: 0.1125 kg. */
  g_assert_true (slv_consumption_compute (0.5, 0.8, 1.5, 180, &c));
  g_assert_cmpfloat_with_epsilon (c.gross_m2, 0.625, 1e-12);
  g_assert_cmpfloat_with_epsilon (c.metres, 0.625 / 1.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (c.yards, 0.625 / 1.5 / 0.9144, 1e-12);
  g_assert_cmpfloat_with_epsilon (c.kg, 0.1125, 1e-12);
  g_assert_cmpfloat_with_epsilon (slv_consumption_in_unit (&c, "kg"), 0.1125, 1e-12);
  g_assert_cmpfloat_with_epsilon (slv_consumption_in_unit (&c, "M"), 0.625 / 1.5, 1e-12);
  g_assert_cmpfloat (slv_consumption_in_unit (&c, "PC"), ==, -1);
  why = slv_consumption_explain (&c);
  g_assert_nonnull (strstr (why, "0.1125 kg"));
  g_assert_false (slv_consumption_compute (0.5, 0, 1.5, 180, &c));
  g_assert_false (slv_consumption_compute (0.5, 1.2, 1.5, 180, &c));
  g_assert_false (slv_consumption_compute (NAN, 0.8, 1.5, 180, &c));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/core/marker/rectangles-tile", test_rectangles_tile);
  g_test_add_func ("/core/marker/grain-alignment", test_grain_alignment);
  g_test_add_func ("/core/marker/random-shapes", test_random_shapes);
  g_test_add_func ("/core/marker/bad-input", test_bad_input);
  g_test_add_func ("/core/consumption/figures", test_consumption);
  return g_test_run ();
}
