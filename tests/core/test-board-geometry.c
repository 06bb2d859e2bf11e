/* test-board-geometry.c: transforms, rotated hit testing, resizing,
 * snapping and arranging.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "core/slv-arrange.h"
#include "core/slv-item-geom.h"
#include "core/slv-snap.h"

#define EPS 1e-9

static void
assert_point (SlvPoint p,
              double   x,
              double   y)
{
  g_assert_cmpfloat_with_epsilon (p.x, x, 1e-6);
  g_assert_cmpfloat_with_epsilon (p.y, y, 1e-6);
}

static void
test_affine (void)
{
  SlvAffine m, inv, id;
  SlvRect r = { 0, 0, 10, 20 }, b;
  SlvPoint p;

  slv_affine_init_translate (&m, 5, 7);
  slv_affine_rotate (&m, 90);
  slv_affine_scale (&m, 2, 3);
  /* scale first, then turn a quarter clockwise, then move */
  p = slv_affine_apply (&m, 1, 0);
  assert_point (p, 5, 9);
  p = slv_affine_apply (&m, 0, 1);
  assert_point (p, 2, 7);

  inv = m;
  g_assert_true (slv_affine_invert (&inv));
  slv_affine_multiply (&m, &inv, &id);
  g_assert_cmpfloat_with_epsilon (id.xx, 1, EPS);
  g_assert_cmpfloat_with_epsilon (id.yy, 1, EPS);
  g_assert_cmpfloat_with_epsilon (id.xy, 0, EPS);
  g_assert_cmpfloat_with_epsilon (id.x0, 0, EPS);
  p = slv_affine_apply (&inv, 5, 9);
  assert_point (p, 1, 0);

  slv_affine_apply_bounds (&m, &r, &b);
  /* x spans −3·20…0 moved by 5; y spans 0…2·10 moved by 7 */
  g_assert_true (slv_rect_equal (&b, &(SlvRect) { -55, 7, 60, 20 }, 1e-9));

  slv_affine_init_scale (&m, 0, 1);
  g_assert_false (slv_affine_invert (&m));
  g_assert_cmpfloat (slv_angle_normalize (-90), ==, 270);
  g_assert_cmpfloat (slv_angle_normalize (720), ==, 0);
  g_assert_cmpfloat (slv_angle_normalize (NAN), ==, 0);
}

/* A 200 × 100 item at (100, 100) turned 90°: its outline is 100 × 200
 * around the same centre (200, 150). */
static void
test_hit_rotated (void)
{
  SlvItemGeom g = { 100, 100, 200, 100, 90, FALSE, FALSE };
  SlvRect b;
  SlvPoint corners[4];

  slv_item_geom_get_bounds (&g, &b);
  g_assert_true (slv_rect_equal (&b, &(SlvRect) { 150, 50, 100, 200 }, 1e-9));
  /* inside the turned item but outside the unturned one */
  g_assert_true (slv_item_geom_contains_point (&g, 200, 60, 0));
  g_assert_true (slv_item_geom_contains_point (&g, 160, 240, 0));
  /* inside the unturned rect but outside the turned one */
  g_assert_false (slv_item_geom_contains_point (&g, 110, 110, 0));
  g_assert_false (slv_item_geom_contains_point (&g, 290, 190, 0));
  g_assert_true (slv_item_geom_contains_point (&g, 145, 150, 5));
  g_assert_false (slv_item_geom_contains_point (&g, 140, 150, 5));

  /* The top-left corner of the item turns to the top-right. */
  slv_item_geom_get_corners (&g, corners);
  assert_point (corners[0], 250, 50);
  assert_point (slv_item_geom_handle_position (&g, SLV_HANDLE_E), 200, 250);
}

static void
test_hit_diamond (void)
{
  /* A square turned 45° is a diamond: the corners of its bounds are empty. */
  SlvItemGeom g = { 0, 0, 100, 100, 45, FALSE, FALSE };
  double half = 50 * sqrt (2);
  SlvRect b, corner_box = { 50 - half, 50 - half, 10, 10 };
  SlvRect edge_box = { 45, 50 - half - 5, 10, 10 };

  slv_item_geom_get_bounds (&g, &b);
  g_assert_cmpfloat_with_epsilon (b.w, 2 * half, 1e-9);
  g_assert_true (slv_item_geom_contains_point (&g, 50, 50 - half + 1, 0));
  g_assert_false (slv_item_geom_contains_point (&g, 50 - half + 2, 50 - half + 2, 0));
  /* SAT: a box in the empty corner of the bounds misses the diamond */
  g_assert_true (slv_rect_intersects (&b, &corner_box));
  g_assert_false (slv_item_geom_intersects_rect (&g, &corner_box));
  g_assert_true (slv_item_geom_intersects_rect (&g, &edge_box));
  g_assert_false (slv_item_geom_inside_rect (&g, &edge_box));
  g_assert_true (slv_item_geom_inside_rect (&g, &b));
}

static void
test_hit_random (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);

  /* The hit test agrees with turning the point back by hand. */
  for (int i = 0; i < 2000; i++)
    {
      SlvItemGeom g = { g_rand_double_range (rand, -500, 500), g_rand_double_range (rand, -500, 500),
                        g_rand_double_range (rand, 1, 300), g_rand_double_range (rand, 1, 300),
                        g_rand_double_range (rand, -720, 720), FALSE, FALSE };
      SlvPoint c = slv_item_geom_get_center (&g);
      double px = c.x + g_rand_double_range (rand, -300, 300);
      double py = c.y + g_rand_double_range (rand, -300, 300);
      double a = -g.rotation * G_PI / 180;
      double lx = (px - c.x) * cos (a) - (py - c.y) * sin (a);
      double ly = (px - c.x) * sin (a) + (py - c.y) * cos (a);
      gboolean inside = fabs (lx) <= g.w / 2 && fabs (ly) <= g.h / 2;
      SlvRect b;

      if (fabs (fabs (lx) - g.w / 2) < 1e-6 || fabs (fabs (ly) - g.h / 2) < 1e-6)
        continue;
      g_assert_cmpint (slv_item_geom_contains_point (&g, px, py, 0), ==, inside);
      slv_item_geom_get_bounds (&g, &b);
      if (inside)
        g_assert_true (slv_rect_contains_point (&b, px, py));
    }
}

static void
test_content_flip (void)
{
  SlvItemGeom g = { 10, 20, 100, 50, 0, TRUE, FALSE };
  SlvAffine m;

  slv_item_geom_get_content_transform (&g, &m);
  /* The content's left edge is drawn on the item's right. */
  assert_point (slv_affine_apply (&m, 0, 0), 110, 20);
  g.flip_h = FALSE, g.flip_v = TRUE;
  slv_item_geom_get_content_transform (&g, &m);
  assert_point (slv_affine_apply (&m, 0, 0), 10, 70);
}

static void
test_rect_resize (void)
{
  SlvRect start = { 100, 100, 200, 100 }, out;

  slv_rect_resize (&start, SLV_HANDLE_SE, (SlvPoint) { 400, 150 }, 0, 1, &out);
  g_assert_true (slv_rect_equal (&out, &(SlvRect) { 100, 100, 300, 50 }, EPS));
  /* aspect lock: the larger scale wins */
  slv_rect_resize (&start, SLV_HANDLE_SE, (SlvPoint) { 400, 150 }, SLV_RESIZE_ASPECT, 1, &out);
  g_assert_true (slv_rect_equal (&out, &(SlvRect) { 100, 100, 300, 150 }, EPS));
  /* from the centre: both sides move */
  slv_rect_resize (&start, SLV_HANDLE_E, (SlvPoint) { 350, 0 }, SLV_RESIZE_FROM_CENTER, 1, &out);
  g_assert_true (slv_rect_equal (&out, &(SlvRect) { 50, 100, 300, 100 }, EPS));
  /* the west edge dragged past the east one stops at the minimum */
  slv_rect_resize (&start, SLV_HANDLE_W, (SlvPoint) { 900, 0 }, 0, 10, &out);
  g_assert_true (slv_rect_equal (&out, &(SlvRect) { 290, 100, 10, 100 }, EPS));
  /* an edge with aspect lock grows the other side about the centre line */
  slv_rect_resize (&start, SLV_HANDLE_N, (SlvPoint) { 0, 0 }, SLV_RESIZE_ASPECT, 1, &out);
  g_assert_true (slv_rect_equal (&out, &(SlvRect) { 0, 0, 400, 200 }, EPS));
}

static void
test_item_resize_rotated (void)
{
  SlvItemGeom start = { 100, 100, 200, 100, 90, FALSE, FALSE }, out;
  SlvPoint west_before = slv_item_geom_handle_position (&start, SLV_HANDLE_W);
  SlvPoint east = slv_item_geom_handle_position (&start, SLV_HANDLE_E);

  /* Drag the turned east handle 50 further along its axis (down the
   * screen): the item grows to 250 and the west edge stays put. */
  slv_item_geom_resize (&start, SLV_HANDLE_E, (SlvPoint) { east.x + 3, east.y + 50 }, 0, 1, &out);
  g_assert_cmpfloat_with_epsilon (out.w, 250, 1e-9);
  g_assert_cmpfloat_with_epsilon (out.h, 100, 1e-9);
  g_assert_cmpfloat (out.rotation, ==, 90);
  assert_point (slv_item_geom_handle_position (&out, SLV_HANDLE_W), west_before.x, west_before.y);
  assert_point (slv_item_geom_handle_position (&out, SLV_HANDLE_E), east.x, east.y + 50);
}

static void
test_scale_rotate_about (void)
{
  SlvItemGeom g = { 0, 0, 100, 50, 90, FALSE, FALSE }, out;

  /* Doubling the board's x widens the turned item's own height. */
  slv_item_geom_scale_about (&g, (SlvPoint) { 0, 0 }, 2, 1, &out);
  g_assert_cmpfloat_with_epsilon (out.w, 100, 1e-9);
  g_assert_cmpfloat_with_epsilon (out.h, 100, 1e-9);
  assert_point (slv_item_geom_get_center (&out), 100, 25);

  g.rotation = 0;
  slv_item_geom_rotate_about (&g, (SlvPoint) { 0, 0 }, 90, &out);
  g_assert_cmpfloat (out.rotation, ==, 90);
  assert_point (slv_item_geom_get_center (&out), -25, 50);
}

static void
test_snap (void)
{
  SlvRect targets[] = { { 0, 0, 100, 100 }, { 300, 0, 100, 50 } };
  SlvRect moving = { 103, 203, 50, 50 };
  g_autoptr(GArray) guides = g_array_new (FALSE, FALSE, sizeof (SlvGuide));
  SlvPoint c;
  const SlvGuide *g;

  /* left edge 103 snaps to the first target's right edge at 100; no
   * horizontal line is within 5 */
  g_assert_true (slv_snap_rect (&moving, SLV_SNAP_ALL, targets, 2, 5, &c, guides));
  assert_point (c, -3, 0);
  g_assert_cmpuint (guides->len, ==, 1);
  g = &g_array_index (guides, SlvGuide, 0);
  g_assert_cmpint (g->orientation, ==, SLV_GUIDE_VERTICAL);
  g_assert_cmpfloat (g->position, ==, 100);
  g_assert_cmpfloat (g->start, ==, 0);
  g_assert_cmpfloat (g->end, ==, 253);

  /* centre to centre across, and the top edge to both targets' tops (the
   * nearer line wins over the bottom edge 3 away): one merged guide */
  g_array_set_size (guides, 0);
  moving = slv_rect_make (322, 2, 50, 20);
  g_assert_true (slv_snap_rect (&moving, SLV_SNAP_ALL, targets, 2, 4, &c, guides));
  assert_point (c, 3, -2);
  g_assert_cmpuint (guides->len, ==, 2);
  g = &g_array_index (guides, SlvGuide, 1);
  g_assert_cmpint (g->orientation, ==, SLV_GUIDE_HORIZONTAL);
  g_assert_cmpfloat (g->position, ==, 0);
  g_assert_cmpfloat (g->start, ==, 0);
  g_assert_cmpfloat (g->end, ==, 400);

  /* nothing within the tolerance */
  g_array_set_size (guides, 0);
  moving = slv_rect_make (160, 160, 20, 20);
  g_assert_false (slv_snap_rect (&moving, SLV_SNAP_ALL, targets, 2, 4, &c, guides));
  assert_point (c, 0, 0);
  g_assert_cmpuint (guides->len, ==, 0);

  /* a resize from the east handle snaps only the right edge */
  moving = slv_rect_make (98, 500, 200, 20);
  g_assert_true (slv_snap_rect (&moving, slv_snap_lines_for_handle (SLV_HANDLE_E), targets, 2, 4, &c, NULL));
  assert_point (c, 2, 0);
}

static void
test_align_distribute (void)
{
  SlvRect in[] = { { 0, 0, 10, 10 }, { 50, 30, 20, 20 }, { 200, 5, 30, 5 }, { 90, 70, 10, 10 } };
  SlvRect out[4];

  slv_arrange_align (in, 4, SLV_ALIGN_RIGHT, NULL, out);
  for (guint i = 0; i < 4; i++)
    {
      g_assert_cmpfloat (out[i].x + out[i].w, ==, 230);
      g_assert_cmpfloat (out[i].y, ==, in[i].y);
    }
  slv_arrange_align (in, 4, SLV_ALIGN_VCENTER, NULL, out);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpfloat (out[i].y + out[i].h / 2, ==, 40);

  slv_arrange_distribute (in, 4, SLV_AXIS_HORIZONTAL, out);
  /* span 0…230, widths 70: three gaps of 53.33 */
  g_assert_cmpfloat (out[0].x, ==, 0);
  g_assert_cmpfloat_with_epsilon (out[1].x, 10 + 160.0 / 3, 1e-9);
  g_assert_cmpfloat_with_epsilon (out[3].x, 10 + 160.0 / 3 + 20 + 160.0 / 3, 1e-9);
  g_assert_cmpfloat_with_epsilon (out[2].x, 200, 1e-9);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpfloat (out[i].y, ==, in[i].y);
}

static void
test_grid_equal (void)
{
  SlvRect in[5] = { { 10, 10, 100, 50 }, { 0, 0, 40, 80 }, { 5, 5, 60, 60 },
                    { 0, 0, 30, 30 }, { 0, 0, 200, 10 } };
  SlvRect out[5];
  double scales[5];

  slv_arrange_grid (in, 5, 0, 10, out);
  /* 3 columns: widths 100, 200 (items 1 and 4), 60 */
  g_assert_true (slv_rect_equal (&out[0], &(SlvRect) { 0, 0, 100, 50 }, EPS));
  g_assert_true (slv_rect_equal (&out[1], &(SlvRect) { 110, 0, 40, 80 }, EPS));
  g_assert_true (slv_rect_equal (&out[2], &(SlvRect) { 320, 0, 60, 60 }, EPS));
  g_assert_true (slv_rect_equal (&out[3], &(SlvRect) { 0, 90, 30, 30 }, EPS));
  g_assert_true (slv_rect_equal (&out[4], &(SlvRect) { 110, 90, 200, 10 }, EPS));

  slv_arrange_equal_size (in, 5, SLV_EQUAL_HEIGHT, scales, out);
  for (guint i = 0; i < 5; i++)
    g_assert_cmpfloat_with_epsilon (out[i].h, 46, 1e-9);
  g_assert_cmpfloat_with_epsilon (out[0].w / out[0].h, 2, 1e-9);
  slv_arrange_equal_size (in, 5, SLV_EQUAL_AREA, scales, out);
  for (guint i = 1; i < 5; i++)
    g_assert_cmpfloat_with_epsilon (out[i].w * out[i].h, out[0].w * out[0].h, 1e-6);
}

static void
test_reading_order (void)
{
  SlvRect in[] = { { 200, 5, 50, 50 }, { 0, 110, 50, 50 }, { 0, 0, 50, 50 }, { 100, 120, 50, 40 } };
  g_autofree guint *order = slv_arrange_reading_order (in, 4);

  g_assert_cmpuint (order[0], ==, 2);
  g_assert_cmpuint (order[1], ==, 0);
  g_assert_cmpuint (order[2], ==, 1);
  g_assert_cmpuint (order[3], ==, 3);
}

static void
test_colour_order (void)
{
  SlvLab labs[] = { { 60, 0, -50 }, { 90, 0, 0 }, { 50, 70, 50 }, { 20, 0, 1 }, { 80, -60, 60 } };
  g_autofree guint *order = slv_arrange_colour_order (labs, 5);

  /* greys dark to light, then red, green, blue round the hue circle */
  g_assert_cmpuint (order[0], ==, 3);
  g_assert_cmpuint (order[1], ==, 1);
  g_assert_cmpuint (order[2], ==, 2);
  g_assert_cmpuint (order[3], ==, 4);
  g_assert_cmpuint (order[4], ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/core/board-geometry/affine", test_affine);
  g_test_add_func ("/core/board-geometry/hit-rotated", test_hit_rotated);
  g_test_add_func ("/core/board-geometry/hit-diamond", test_hit_diamond);
  g_test_add_func ("/core/board-geometry/hit-random", test_hit_random);
  g_test_add_func ("/core/board-geometry/content-flip", test_content_flip);
  g_test_add_func ("/core/board-geometry/rect-resize", test_rect_resize);
  g_test_add_func ("/core/board-geometry/item-resize-rotated", test_item_resize_rotated);
  g_test_add_func ("/core/board-geometry/scale-rotate-about", test_scale_rotate_about);
  g_test_add_func ("/core/board-geometry/snap", test_snap);
  g_test_add_func ("/core/board-geometry/align-distribute", test_align_distribute);
  g_test_add_func ("/core/board-geometry/grid-equal", test_grid_equal);
  g_test_add_func ("/core/board-geometry/reading-order", test_reading_order);
  g_test_add_func ("/core/board-geometry/colour-order", test_colour_order);
  return g_test_run ();
}
