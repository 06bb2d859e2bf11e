/* test-polygon.c: polygon measures, chaining, unfolding and overlap tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "core/slv-pattern-piece.h"
#include "core/slv-polygon.h"

static SlvPolygon *
rect (double x0, double y0, double x1, double y1)
{
  SlvPoint pts[] = { { x0, y0 }, { x1, y0 }, { x1, y1 }, { x0, y1 } };

  return slv_polygon_new_from_points (pts, G_N_ELEMENTS (pts));
}

static void
test_measures (void)
{
  g_autoptr(SlvPolygon) r = rect (10, 20, 40, 60);
  SlvBBox b;

  g_assert_cmpfloat_with_epsilon (slv_polygon_signed_area (r), 1200, 1e-9);
  g_assert_cmpint (slv_polygon_orientation (r), ==, SLV_ORIENTATION_CCW);
  g_assert_cmpfloat_with_epsilon (slv_polygon_perimeter (r), 140, 1e-9);
  g_assert_cmpfloat_with_epsilon (slv_polygon_length (r), 100, 1e-9);
  b = slv_polygon_bbox (r);
  g_assert_cmpfloat (b.x0, ==, 10);
  g_assert_cmpfloat (b.y1, ==, 60);
  slv_polygon_reverse (r);
  g_assert_cmpfloat_with_epsilon (slv_polygon_signed_area (r), -1200, 1e-9);
  g_assert_cmpint (slv_polygon_orientation (r), ==, SLV_ORIENTATION_CW);
  g_assert_cmpfloat_with_epsilon (slv_polygon_area (r), 1200, 1e-9);

  /* A triangle far from the origin keeps its area exactly. */
  {
    SlvPoint t[] = { { 1e6, 1e6 }, { 1e6 + 3, 1e6 }, { 1e6, 1e6 + 4 } };
    g_autoptr(SlvPolygon) tri = slv_polygon_new_from_points (t, 3);

    g_assert_cmpfloat_with_epsilon (slv_polygon_area (tri), 6, 1e-9);
    g_assert_cmpfloat_with_epsilon (slv_polygon_perimeter (tri), 12, 1e-9);
  }
  slv_polygon_rotate (r, 90);
  g_assert_cmpfloat_with_epsilon (slv_polygon_area (r), 1200, 1e-9);
  b = slv_polygon_bbox (r);
  g_assert_cmpfloat (b.x0, ==, -60);
  g_assert_cmpfloat (b.x1, ==, -20);
}

static void
test_chain (void)
{
  /* A 100 × 50 rectangle as four open polylines, shuffled and partly
   * reversed, the way AccuMark splits a boundary. */
  SlvPoint s1[] = { { 0, 0 }, { 50, 0 }, { 100, 0 } };
  SlvPoint s2[] = { { 100, 50 }, { 100, 0 } };             /* reversed */
  SlvPoint s3[] = { { 0, 50 }, { 0, 0 } };
  SlvPoint s4[] = { { 100, 50 }, { 0, 50 } };
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func ((GDestroyNotify) slv_polygon_unref);
  g_autoptr(SlvPolygon) ring = NULL;
  gboolean closed;
  guint unchained;

  g_ptr_array_add (parts, slv_polygon_new_from_points (s1, 3));
  g_ptr_array_add (parts, slv_polygon_new_from_points (s3, 2));
  g_ptr_array_add (parts, slv_polygon_new_from_points (s2, 2));
  g_ptr_array_add (parts, slv_polygon_new_from_points (s4, 2));
  ring = slv_polylines_chain (parts, 1e-3, &closed, &unchained);
  g_assert_true (closed);
  g_assert_cmpuint (unchained, ==, 0);
  g_assert_cmpuint (slv_polygon_get_n_points (ring), ==, 5);
  g_assert_cmpfloat_with_epsilon (slv_polygon_area (ring), 5000, 1e-9);
  g_assert_cmpfloat_with_epsilon (slv_polygon_perimeter (ring), 300, 1e-9);

  /* A segment that meets nothing stays out and the ring stays open. */
  {
    SlvPoint stray[] = { { 500, 500 }, { 600, 600 } };

    g_ptr_array_remove_index (parts, 3);
    g_ptr_array_add (parts, slv_polygon_new_from_points (stray, 2));
    g_clear_pointer (&ring, slv_polygon_unref);
    ring = slv_polylines_chain (parts, 1e-3, &closed, &unchained);
    g_assert_false (closed);
    g_assert_cmpuint (unchained, ==, 1);
  }
}

static void
test_unfold (void)
{
  /* Half of a 200 × 100 rectangle folded along x = 0; the ring walks the
   * fold edge between (0, 0) and (0, 100). */
  SlvPoint half[] = { { 0, 0 }, { 100, 0 }, { 100, 100 }, { 0, 100 } };
  SlvPoint a = { 0, 100 }, b = { 0, 0 };
  g_autoptr(SlvPolygon) ring = slv_polygon_new_from_points (half, 4);
  g_autoptr(SlvPolygon) open = NULL;
  double area = 0;
  SlvBBox bb;

  open = slv_polygon_unfold (ring, a, b, 0.01, &area);
  g_assert_nonnull (open);
  g_assert_cmpfloat_with_epsilon (area, 20000, 1e-9);
  g_assert_cmpfloat_with_epsilon (slv_polygon_area (open), 20000, 1e-9);
  g_assert_cmpfloat_with_epsilon (slv_polygon_perimeter (open), 600, 1e-9);
  bb = slv_polygon_bbox (open);
  g_assert_cmpfloat (bb.x0, ==, -100);
  g_assert_cmpfloat (bb.x1, ==, 100);

  /* A neckline-like half with a slanted fold: area doubles. */
  {
    SlvPoint t[] = { { 0, 0 }, { 30, 10 }, { 60, 50 }, { 20, 80 } };
    g_autoptr(SlvPolygon) tri = slv_polygon_new_from_points (t, 4);
    g_autoptr(SlvPolygon) u = slv_polygon_unfold (tri, t[3], t[0], 0.01, &area);

    g_assert_nonnull (u);
    g_assert_cmpfloat_with_epsilon (area, 2 * slv_polygon_area (tri), 1e-6);
    g_assert_cmpuint (slv_polygon_get_n_points (u), ==, 6);
  }

  /* A fold away from the boundary: no outline, area taken as double. */
  {
    SlvPoint far_a = { -50, 0 }, far_b = { -50, 100 };
    g_autoptr(SlvPolygon) none = slv_polygon_unfold (ring, far_a, far_b, 0.01, &area);

    g_assert_null (none);
    g_assert_cmpfloat_with_epsilon (area, 20000, 1e-9);
  }
}

static void
test_point_location (void)
{
  /* A U shape: the notch between the arms is outside. */
  SlvPoint u[] = { { 0, 0 }, { 30, 0 }, { 30, 30 }, { 20, 30 }, { 20, 10 }, { 10, 10 }, { 10, 30 }, { 0, 30 } };
  g_autoptr(SlvPolygon) poly = slv_polygon_new_from_points (u, G_N_ELEMENTS (u));

  g_assert_cmpint (slv_polygon_locate_point (poly, (SlvPoint) { 5, 20 }, 1e-9), ==, SLV_POINT_INSIDE);
  g_assert_cmpint (slv_polygon_locate_point (poly, (SlvPoint) { 15, 20 }, 1e-9), ==, SLV_POINT_OUTSIDE);
  g_assert_cmpint (slv_polygon_locate_point (poly, (SlvPoint) { 15, 10 }, 1e-9), ==, SLV_POINT_ON_BOUNDARY);
  g_assert_cmpint (slv_polygon_locate_point (poly, (SlvPoint) { 40, 5 }, 1e-9), ==, SLV_POINT_OUTSIDE);
  g_assert_cmpint (slv_polygon_locate_point (poly, (SlvPoint) { 0, 0 }, 1e-9), ==, SLV_POINT_ON_BOUNDARY);
}

static void
test_overlap (void)
{
  g_autoptr(SlvPolygon) a = rect (0, 0, 10, 10);
  g_autoptr(SlvPolygon) touching = rect (10, 0, 20, 10);
  g_autoptr(SlvPolygon) crossing = rect (5, 5, 15, 15);
  g_autoptr(SlvPolygon) inner = rect (2, 2, 4, 4);
  g_autoptr(SlvPolygon) far = rect (30, 30, 40, 40);
  g_autoptr(SlvPolygon) same = rect (0, 0, 10, 10);
  SlvPoint cross_pts[] = { { 4, -5 }, { 6, -5 }, { 6, 15 }, { 4, 15 } };   /* a bar through, no vertex inside */
  g_autoptr(SlvPolygon) bar = slv_polygon_new_from_points (cross_pts, 4);
  SlvPoint u[] = { { 0, 0 }, { 30, 0 }, { 30, 30 }, { 20, 30 }, { 20, 10 }, { 10, 10 }, { 10, 30 }, { 0, 30 } };
  g_autoptr(SlvPolygon) cup = slv_polygon_new_from_points (u, G_N_ELEMENTS (u));
  g_autoptr(SlvPolygon) in_cup = rect (11, 12, 19, 40);   /* in the notch of the U */

  g_assert_false (slv_polygons_overlap (a, touching, 1e-9));
  g_assert_true (slv_polygons_overlap (a, crossing, 1e-9));
  g_assert_true (slv_polygons_overlap (a, inner, 1e-9));
  g_assert_true (slv_polygons_overlap (inner, a, 1e-9));
  g_assert_false (slv_polygons_overlap (a, far, 1e-9));
  g_assert_true (slv_polygons_overlap (a, same, 1e-9));
  g_assert_true (slv_polygons_overlap (a, bar, 1e-9));
  g_assert_false (slv_polygons_overlap (cup, in_cup, 1e-9));
}

static void
test_bulge (void)
{
  /* Two points with bulge 1 both ways make a full circle of radius 50. */
  SlvPoint pts[] = { { -50, 0 }, { 50, 0 } };
  double bulges[] = { 1, 1 };
  g_autoptr(SlvPolygon) circle = slv_polygon_new_from_bulges (pts, bulges, 2, TRUE, 1);
  g_autoptr(SlvPolygon) straight = slv_polygon_new_from_bulges (pts, NULL, 2, FALSE, 1);
  double exact = G_PI * 50 * 50;

  g_assert_cmpfloat (fabs (slv_polygon_area (circle) - exact) / exact, <, 1e-3);
  g_assert_cmpint (slv_polygon_orientation (circle), ==, SLV_ORIENTATION_CCW);
  g_assert_cmpfloat (fabs (slv_polygon_perimeter (circle) - 2 * G_PI * 50), <, 0.1);
  g_assert_cmpuint (slv_polygon_get_n_points (straight), ==, 2);
}

static void
test_grain_angle (void)
{
  g_assert_cmpfloat_with_epsilon (slv_line_angle ((SlvPoint) { 0, 0 }, (SlvPoint) { 10, 0 }), 0, 1e-9);
  g_assert_cmpfloat_with_epsilon (slv_line_angle ((SlvPoint) { 10, 0 }, (SlvPoint) { 0, 0 }), 0, 1e-9);
  g_assert_cmpfloat_with_epsilon (slv_line_angle ((SlvPoint) { 0, 0 }, (SlvPoint) { 0, 5 }), 90, 1e-9);
  g_assert_cmpfloat_with_epsilon (slv_line_angle ((SlvPoint) { 0, 5 }, (SlvPoint) { 0, 0 }), 90, 1e-9);
  g_assert_cmpfloat_with_epsilon (slv_line_angle ((SlvPoint) { 0, 0 }, (SlvPoint) { 1, 1 }), 45, 1e-9);
  g_assert_cmpfloat_with_epsilon (slv_line_angle ((SlvPoint) { 0, 0 }, (SlvPoint) { -1, 1 }), 135, 1e-9);
}

static void
test_piece_quantities (void)
{
  static const struct
  {
    const char *quantity, *annotation, *fabric;
    guint       count;
    const char *key;
    guint       n_cuts;
    SlvQuantitySource source;
  } cases[] = {
    { "1", NULL, NULL, 1, "FABRIC", 1, SLV_QUANTITY_FROM_FILE },
    { "2", "2XFABRIC", "1", 2, "FABRIC", 1, SLV_QUANTITY_FROM_FILE },
    { "1,1", "2X FABRIC", "1", 2, "FABRIC", 1, SLV_QUANTITY_FROM_FILE },
    { "1,0", NULL, NULL, 1, "FABRIC", 1, SLV_QUANTITY_FROM_FILE },
    { "0", "2XFABRIC", NULL, 2, "FABRIC", 1, SLV_QUANTITY_FROM_ANNOTATION },
    { "0", "1XFABRIC 1X INTERLIN", NULL, 1, "FABRIC", 2, SLV_QUANTITY_FROM_ANNOTATION },
    { "1", "1XRIB", "2", 1, "RIB", 1, SLV_QUANTITY_FROM_FILE },
    { NULL, NULL, "A", 1, "FABRIC A", 1, SLV_QUANTITY_DEFAULT },
    { "0", NULL, NULL, 1, "FABRIC", 1, SLV_QUANTITY_DEFAULT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SlvPatternPiece) p = slv_pattern_piece_new ("X_M");
      GArray *cuts;

      slv_pattern_piece_set_text (p, "Piece Name", "X");
      slv_pattern_piece_set_text (p, "Quantity", cases[i].quantity);
      slv_pattern_piece_set_text (p, "Annotation", cases[i].annotation);
      slv_pattern_piece_set_text (p, "Fabric", cases[i].fabric);
      slv_pattern_piece_update (p);
      cuts = slv_pattern_piece_get_cuts (p);
      g_assert_cmpuint (slv_pattern_piece_get_quantity (p), ==, cases[i].count);
      g_assert_cmpuint (cuts->len, ==, cases[i].n_cuts);
      g_assert_cmpstr (g_array_index (cuts, SlvCut, 0).fabric, ==, cases[i].key);
      g_assert_cmpint (slv_pattern_piece_get_quantity_source (p), ==, cases[i].source);
    }
  {
    g_autoptr(SlvPatternPiece) p = slv_pattern_piece_new ("X_M");
    GArray *cuts;

    slv_pattern_piece_set_text (p, "Quantity", "0");
    slv_pattern_piece_set_text (p, "Annotation", "1XFABRIC 1X INTERLIN");
    slv_pattern_piece_update (p);
    cuts = slv_pattern_piece_get_cuts (p);
    g_assert_cmpstr (g_array_index (cuts, SlvCut, 1).fabric, ==, "INTERLINING");
  }
  {
    char *id = slv_pattern_panel_id_from_name ("Shirt01_Shirt00_1:Pattern2D_22597_Shirt00_1:Button_FRONT_0");

    g_assert_cmpstr (id, ==, "22597");
    g_free (id);
    g_assert_null (slv_pattern_panel_id_from_name ("FRONT"));
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/core/polygon/measures", test_measures);
  g_test_add_func ("/core/polygon/chain", test_chain);
  g_test_add_func ("/core/polygon/unfold", test_unfold);
  g_test_add_func ("/core/polygon/point-location", test_point_location);
  g_test_add_func ("/core/polygon/overlap", test_overlap);
  g_test_add_func ("/core/polygon/bulge", test_bulge);
  g_test_add_func ("/core/polygon/grain-angle", test_grain_angle);
  g_test_add_func ("/core/pattern-piece/quantities", test_piece_quantities);
  return g_test_run ();
}
