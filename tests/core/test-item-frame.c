/* test-item-frame.c: anchoring annotations to an item's image content.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reference below finds the image pixel under a board point the way a
 * renderer shows an item — undo the turn about the centre, undo the flips,
 * look into the crop — step by step, without the frame's matrix. A pin
 * stored in content coordinates must always sit on the pixel it was put on.
 */
#include "config.h"

#include <math.h>

#include "core/slv-item-frame.h"
#include "core/slv-review-error.h"

#define IMAGE_W 640
#define IMAGE_H 480

/* The image pixel shown at board point (x, y), or FALSE if the point is off
 * the item. */
static gboolean
reference_pixel (const SlvItemFrame *f,
                 double              x,
                 double              y,
                 int                *px,
                 int                *py)
{
  double r = -f->rotation * G_PI / 180.0;
  double cx = f->x + f->w / 2, cy = f->y + f->h / 2;
  double dx = x - cx, dy = y - cy;
  double lx = dx * cos (r) - dy * sin (r) + f->w / 2;
  double ly = dx * sin (r) + dy * cos (r) + f->h / 2;
  double s = lx / f->w, t = ly / f->h;
  double u, v;

  if (s < 0 || s > 1 || t < 0 || t > 1)
    return FALSE;
  if (f->flip_h)
    s = 1 - s;
  if (f->flip_v)
    t = 1 - t;
  u = f->crop_x + s * f->crop_w;
  v = f->crop_y + t * f->crop_h;
  *px = (int) floor (u * IMAGE_W);
  *py = (int) floor (v * IMAGE_H);
  return TRUE;
}

static void
assert_pin_on_pixel (const SlvItemFrame *f,
                     int                 px,
                     int                 py)
{
  double u = (px + 0.5) / IMAGE_W, v = (py + 0.5) / IMAGE_H;
  double x, y, u2, v2;
  int rx = -1, ry = -1;

  slv_item_frame_to_board (f, u, v, &x, &y);
  g_assert_true (slv_item_frame_shows (f, u, v));
  g_assert_true (reference_pixel (f, x, y, &rx, &ry));
  g_assert_cmpint (rx, ==, px);
  g_assert_cmpint (ry, ==, py);
  /* And back: the board point reads as the same content point. */
  g_assert_true (slv_item_frame_from_board (f, x, y, &u2, &v2));
  g_assert_cmpfloat_with_epsilon (u2, u, 1e-9);
  g_assert_cmpfloat_with_epsilon (v2, v, 1e-9);
}

static void
test_known_corners (void)
{
  SlvItemFrame f;
  double x, y;

  slv_item_frame_init (&f, 10, 20, 100, 50);
  slv_item_frame_to_board (&f, 0, 0, &x, &y);
  g_assert_cmpfloat (x, ==, 10);
  g_assert_cmpfloat (y, ==, 20);
  slv_item_frame_to_board (&f, 1, 1, &x, &y);
  g_assert_cmpfloat (x, ==, 110);
  g_assert_cmpfloat (y, ==, 70);

  /* A quarter turn clockwise puts the content's top-left at the top-right
   * of the turned outline: centre (60, 45), outline 35…85 × −5…95. */
  f.rotation = 90;
  slv_item_frame_to_board (&f, 0, 0, &x, &y);
  g_assert_cmpfloat (x, ==, 85);
  g_assert_cmpfloat (y, ==, -5);
  f.rotation = -270;   /* the same turn */
  slv_item_frame_to_board (&f, 0, 0, &x, &y);
  g_assert_cmpfloat (x, ==, 85);
  g_assert_cmpfloat (y, ==, -5);

  /* A horizontal flip shows the content's left edge on the right. */
  f.rotation = 0;
  f.flip_h = TRUE;
  slv_item_frame_to_board (&f, 0, 0, &x, &y);
  g_assert_cmpfloat (x, ==, 110);
  g_assert_cmpfloat (y, ==, 20);

  /* Crop to the right half: content u = 0.5 is the item's left edge, and
   * u = 0.25 lies off the item, hidden. */
  f.flip_h = FALSE;
  g_assert_true (slv_item_frame_set_crop_text (&f, "0.5 0 0.5 1", NULL));
  slv_item_frame_to_board (&f, 0.5, 0, &x, &y);
  g_assert_cmpfloat (x, ==, 10);
  slv_item_frame_to_board (&f, 0.25, 0, &x, &y);
  g_assert_cmpfloat (x, ==, -40);
  g_assert_false (slv_item_frame_shows (&f, 0.25, 0.5));
  g_assert_true (slv_item_frame_shows (&f, 0.75, 0.5));
  g_assert_cmpfloat_with_epsilon (slv_item_frame_get_scale (&f), sqrt (200.0 * 50.0), 1e-9);
}

/* The edits a designer makes, in the order they make them. */
static void
test_pin_through_edit_sequence (void)
{
  const int pins[][2] = { { 0, 0 }, { 639, 479 }, { 320, 240 }, { 401, 97 }, { 512, 300 } };
  SlvItemFrame f;

  slv_item_frame_init (&f, 100, 100, 320, 240);
  for (guint i = 0; i < G_N_ELEMENTS (pins); i++)
    assert_pin_on_pixel (&f, pins[i][0], pins[i][1]);

  f.x += 250;                                   /* move */
  f.y -= 75;
  for (guint i = 0; i < G_N_ELEMENTS (pins); i++)
    assert_pin_on_pixel (&f, pins[i][0], pins[i][1]);

  f.w = 800;                                    /* resize, aspect not kept */
  f.h = 200;
  for (guint i = 0; i < G_N_ELEMENTS (pins); i++)
    assert_pin_on_pixel (&f, pins[i][0], pins[i][1]);

  f.rotation = 33.5;                            /* rotate */
  for (guint i = 0; i < G_N_ELEMENTS (pins); i++)
    assert_pin_on_pixel (&f, pins[i][0], pins[i][1]);

  f.flip_h = TRUE;                              /* flip */
  for (guint i = 0; i < G_N_ELEMENTS (pins); i++)
    assert_pin_on_pixel (&f, pins[i][0], pins[i][1]);

  /* Crop to a part that still holds the last three pins; the item shrinks
   * to the crop, as the crop tool does. */
  g_assert_true (slv_item_frame_set_crop_text (&f, "0.25 0.125 0.75 0.75", NULL));
  f.w *= 0.75;
  f.h *= 0.75;
  for (guint i = 2; i < G_N_ELEMENTS (pins); i++)
    assert_pin_on_pixel (&f, pins[i][0], pins[i][1]);
  g_assert_false (slv_item_frame_shows (&f, 0.5 / IMAGE_W, 0.5 / IMAGE_H));

  f.rotation = -190;                            /* rotate again, flip back */
  f.flip_h = FALSE;
  f.flip_v = TRUE;
  for (guint i = 2; i < G_N_ELEMENTS (pins); i++)
    assert_pin_on_pixel (&f, pins[i][0], pins[i][1]);

  g_assert_true (slv_item_frame_set_crop_text (&f, NULL, NULL));   /* uncrop */
  for (guint i = 0; i < G_N_ELEMENTS (pins); i++)
    assert_pin_on_pixel (&f, pins[i][0], pins[i][1]);
}

/* Random sequences of edits, seeded by g_test (reproducible with --seed). */
static void
test_pin_through_random_edits (void)
{
  for (guint round = 0; round < 200; round++)
    {
      SlvItemFrame f;
      int px = g_test_rand_int_range (0, IMAGE_W);
      int py = g_test_rand_int_range (0, IMAGE_H);
      double pu = (px + 0.5) / IMAGE_W, pv = (py + 0.5) / IMAGE_H;

      slv_item_frame_init (&f, g_test_rand_double_range (-5000, 5000),
                           g_test_rand_double_range (-5000, 5000),
                           g_test_rand_double_range (10, 2000), g_test_rand_double_range (10, 2000));
      for (guint step = 0; step < 12; step++)
        {
          switch (g_test_rand_int_range (0, 5))
            {
            case 0:
              f.x += g_test_rand_double_range (-1000, 1000);
              f.y += g_test_rand_double_range (-1000, 1000);
              break;
            case 1:
              f.w *= g_test_rand_double_range (0.2, 3);
              f.h *= g_test_rand_double_range (0.2, 3);
              break;
            case 2:
              f.rotation = g_test_rand_double_range (-720, 720);
              break;
            case 3:
              f.flip_h = g_test_rand_bit ();
              f.flip_v = g_test_rand_bit ();
              break;
            default:
              /* A crop that keeps the pin's pixel in view. */
              f.crop_x = g_test_rand_double_range (0, px / (double) IMAGE_W);
              f.crop_y = g_test_rand_double_range (0, py / (double) IMAGE_H);
              f.crop_w = g_test_rand_double_range ((px + 1.0) / IMAGE_W - f.crop_x, 1 - f.crop_x);
              f.crop_h = g_test_rand_double_range ((py + 1.0) / IMAGE_H - f.crop_y, 1 - f.crop_y);
              break;
            }
          g_assert_true (slv_item_frame_is_valid (&f));
          g_assert_true (slv_item_frame_shows (&f, pu, pv));
          assert_pin_on_pixel (&f, px, py);
        }
    }
}

static void
test_matrix_and_inverse (void)
{
  SlvItemFrame f;
  SlvFrameMatrix m, inv;
  double x = 0.3, y = 0.7;

  slv_item_frame_init (&f, -40, 12, 300, 90);
  f.rotation = 123;
  f.flip_v = TRUE;
  f.crop_x = 0.1;
  f.crop_w = 0.6;
  slv_item_frame_get_matrix (&f, &m);
  g_assert_true (slv_frame_matrix_invert (&m, &inv));
  slv_frame_matrix_transform (&m, &x, &y);
  slv_frame_matrix_transform (&inv, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 0.3, 1e-12);
  g_assert_cmpfloat_with_epsilon (y, 0.7, 1e-12);

  m = (SlvFrameMatrix) { 1, 2, 2, 4, 0, 0 };   /* singular */
  g_assert_false (slv_frame_matrix_invert (&m, &inv));

  f.w = 0;
  g_assert_false (slv_item_frame_is_valid (&f));
  g_assert_false (slv_item_frame_from_board (&f, 1, 1, &x, &y));
  f.w = NAN;
  g_assert_false (slv_item_frame_is_valid (&f));
}

static void
test_crop_text (void)
{
  const char *bad[] = { "0 0 1", "0 0 1 1 1", "a b c d", "0.5 0 0.6 1", "0 0 0 1", "-0.1 0 0.5 0.5",
                        "nan 0 1 1", "0,0,1,1" };
  SlvItemFrame f;

  slv_item_frame_init (&f, 0, 0, 10, 10);
  g_assert_true (slv_item_frame_set_crop_text (&f, "  0.1 0.2   0.3 0.4 ", NULL));
  g_assert_cmpfloat (f.crop_x, ==, 0.1);
  g_assert_cmpfloat (f.crop_y, ==, 0.2);
  g_assert_cmpfloat (f.crop_w, ==, 0.3);
  g_assert_cmpfloat (f.crop_h, ==, 0.4);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (slv_item_frame_set_crop_text (&f, bad[i], &error));
      g_assert_error (error, SLV_REVIEW_ERROR, SLV_REVIEW_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, bad[i]));
      g_assert_cmpfloat (f.crop_x, ==, 0.1);   /* unchanged */
    }
  g_assert_true (slv_item_frame_set_crop_text (&f, "", NULL));
  g_assert_cmpfloat (f.crop_w, ==, 1);
  g_assert_cmpfloat (f.crop_x, ==, 0);
}

static void
test_rect (void)
{
  SlvFrameRect r;

  slv_frame_rect_init_empty (&r);
  g_assert_true (slv_frame_rect_is_empty (&r));
  slv_frame_rect_add_point (&r, 5, -3);
  g_assert_false (slv_frame_rect_is_empty (&r));
  slv_frame_rect_add_point (&r, -1, 4);
  slv_frame_rect_add_point (&r, 2, 2);
  g_assert_cmpfloat (r.x, ==, -1);
  g_assert_cmpfloat (r.y, ==, -3);
  g_assert_cmpfloat (r.w, ==, 6);
  g_assert_cmpfloat (r.h, ==, 7);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/item-frame/known-corners", test_known_corners);
  g_test_add_func ("/core/item-frame/pin-through-edits", test_pin_through_edit_sequence);
  g_test_add_func ("/core/item-frame/pin-through-random-edits", test_pin_through_random_edits);
  g_test_add_func ("/core/item-frame/matrix-inverse", test_matrix_and_inverse);
  g_test_add_func ("/core/item-frame/crop-text", test_crop_text);
  g_test_add_func ("/core/item-frame/rect", test_rect);

  return g_test_run ();
}
