/* test-annotation.c: annotation geometry, its JSON and its place on the board.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "core/slv-annotation.h"
#include "core/slv-review-error.h"
#include "core/slv-review-record.h"

static SlvAnnotationGeometry *
make (SlvAnnotationKind kind,
      gboolean          in_item,
      guint             n,
      const double     *xy)
{
  SlvAnnotationGeometry *g = slv_annotation_geometry_new (kind, in_item);

  for (guint i = 0; i < n; i++)
    slv_annotation_geometry_add_point (g, xy[2 * i], xy[2 * i + 1], 1);
  return g;
}

static void
assert_same_geometry (const SlvAnnotationGeometry *a,
                      const SlvAnnotationGeometry *b,
                      double                       eps)
{
  g_assert_cmpint (a->kind, ==, b->kind);
  g_assert_cmpint (a->in_item, ==, b->in_item);
  g_assert_cmpfloat_with_epsilon (a->width, b->width, eps);
  g_assert_cmpuint (a->points->len, ==, b->points->len);
  for (guint i = 0; i < a->points->len; i++)
    {
      const SlvInkPoint *p = slv_annotation_geometry_get_point (a, i);
      const SlvInkPoint *q = slv_annotation_geometry_get_point (b, i);

      g_assert_cmpfloat_with_epsilon (p->x, q->x, eps);
      g_assert_cmpfloat_with_epsilon (p->y, q->y, eps);
      g_assert_cmpfloat_with_epsilon (p->pressure, q->pressure, eps);
    }
}

static void
test_kinds_and_palette (void)
{
  const char *names[] = { "pin", "ink", "arrow", "rect", "ellipse", "highlight" };
  const SlvAnnotationColour *palette;
  guint n = 0;
  guint32 rgb = 0;

  for (int k = 0; k < SLV_ANNOTATION_N_KINDS; k++)
    {
      SlvAnnotationKind back = -1;

      g_assert_cmpstr (slv_annotation_kind_to_string (k), ==, names[k]);
      g_assert_true (slv_annotation_kind_from_string (names[k], &back));
      g_assert_cmpint (back, ==, k);
      g_assert_nonnull (slv_annotation_kind_get_label (k));
    }
  g_assert_false (slv_annotation_kind_from_string ("circle", NULL));

  palette = slv_annotation_palette (&n);
  g_assert_cmpuint (n, >=, 5);
  g_assert_cmpuint (n, <=, 10);
  for (guint i = 0; i < n; i++)
    {
      g_assert_true (slv_annotation_colour_lookup (palette[i].name, &rgb));
      g_assert_cmpuint (rgb, ==, palette[i].rgb);
      g_assert_cmpstr (slv_annotation_colour_get_label (palette[i].name), !=, palette[i].name);
    }
  g_assert_true (slv_annotation_colour_lookup (SLV_ANNOTATION_DEFAULT_COLOUR, NULL));
  g_assert_true (slv_annotation_colour_lookup (slv_annotation_kind_default_colour (SLV_ANNOTATION_HIGHLIGHT), NULL));
  g_assert_false (slv_annotation_colour_lookup ("#ff0000", NULL));
  g_assert_false (slv_annotation_colour_lookup (NULL, NULL));
}

static void
test_json_round_trip (void)
{
  g_autoptr(SlvAnnotationGeometry) ink = slv_annotation_geometry_new (SLV_ANNOTATION_INK, TRUE);
  g_autoptr(SlvAnnotationGeometry) back = NULL;
  g_autoptr(SlvAnnotationGeometry) pin = make (SLV_ANNOTATION_PIN, FALSE, 1, (double[]) { -1234.5, 1e6 });
  g_autoptr(SlvAnnotationGeometry) pin_back = NULL;
  g_autofree char *json = NULL;
  g_autofree char *pin_json = NULL;
  g_autoptr(GError) error = NULL;

  ink->width = 3.5;
  for (guint i = 0; i < 50; i++)
    slv_annotation_geometry_add_point (ink, 0.1 + i * 0.01234567891, 0.5 + 0.2 * sin (i), i % 3 ? 0.75 : 1);
  json = slv_annotation_geometry_to_json (ink);
  back = slv_annotation_geometry_from_json (SLV_ANNOTATION_INK, json, &error);
  g_assert_no_error (error);
  /* Nine significant digits: well under a pixel of any image. */
  assert_same_geometry (ink, back, 1e-9);
  g_assert_true (g_str_has_prefix (json, "{\"v\":1,\"space\":\"item\",\"width\":3.5,\"points\":[[0.1,"));

  pin_json = slv_annotation_geometry_to_json (pin);
  g_assert_cmpstr (pin_json, ==, "{\"v\":1,\"space\":\"board\",\"width\":2,\"points\":[[-1234.5,1000000]]}");
  pin_back = slv_annotation_geometry_from_json (SLV_ANNOTATION_PIN, pin_json, &error);
  g_assert_no_error (error);
  assert_same_geometry (pin, pin_back, 1e-12);
}

static void
test_json_refused (void)
{
  static const struct { SlvAnnotationKind kind; const char *json; } bad[] = {
    { SLV_ANNOTATION_PIN, NULL },
    { SLV_ANNOTATION_PIN, "" },
    { SLV_ANNOTATION_PIN, "[1,2]" },
    { SLV_ANNOTATION_PIN, "{\"space\":\"item\"}" },
    { SLV_ANNOTATION_PIN, "{\"space\":\"moon\",\"points\":[[0,0]]}" },
    { SLV_ANNOTATION_PIN, "{\"space\":0.5,\"points\":[[0,0]]}" },
    { SLV_ANNOTATION_PIN, "{\"space\":null,\"points\":[[0,0]]}" },
    { SLV_ANNOTATION_PIN, "{\"space\":[\"item\"],\"points\":[[0,0]]}" },
    { SLV_ANNOTATION_PIN, "{\"space\":\"item\",\"points\":[[0,0],[1,1]]}" },
    { SLV_ANNOTATION_PIN, "{\"space\":\"item\",\"points\":[]}" },
    { SLV_ANNOTATION_PIN, "{\"space\":\"item\",\"points\":[[\"a\",0]]}" },
    { SLV_ANNOTATION_PIN, "{\"space\":\"item\",\"points\":[[0]]}" },
    { SLV_ANNOTATION_PIN, "{\"space\":\"item\",\"points\":[[0.5,0.5,0.5,0.5]]}" },
    { SLV_ANNOTATION_PIN, "{\"space\":\"item\",\"points\":[[50,0.5]]}" },
    { SLV_ANNOTATION_PIN, "{\"space\":\"board\",\"points\":[[1e300,0]]}" },
    { SLV_ANNOTATION_PIN, "{\"space\":\"board\",\"width\":-1,\"points\":[[0,0]]}" },
    { SLV_ANNOTATION_INK, "{\"space\":\"board\",\"points\":[[0,0,1.5]]}" },
    { SLV_ANNOTATION_INK, "{\"space\":\"board\",\"points\":[[0,0,-0.1]]}" },
    { SLV_ANNOTATION_RECT, "{\"space\":\"board\",\"points\":[[0,0],[0,10]]}" },
    { SLV_ANNOTATION_ARROW, "{\"space\":\"board\",\"points\":[[3,4],[3,4]]}" },
    { SLV_ANNOTATION_ELLIPSE, "{\"space\":\"board\",\"points\":[[0,0]]}" },
    { SLV_ANNOTATION_PIN, "{\"v\":2,\"space\":\"board\",\"points\":[[0,0]]}" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SlvAnnotationGeometry) g = slv_annotation_geometry_from_json (bad[i].kind, bad[i].json, &error);

      g_test_message ("%s", bad[i].json ? bad[i].json : "(null)");
      g_assert_null (g);
      g_assert_error (error, SLV_REVIEW_ERROR, SLV_REVIEW_ERROR_INVALID);
    }
}

static void
test_json_ink_limits (void)
{
  g_autoptr(SlvAnnotationGeometry) g = slv_annotation_geometry_new (SLV_ANNOTATION_INK, FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvAnnotationGeometry) back = NULL;
  g_autofree char *json = NULL;

  for (guint i = 0; i <= SLV_INK_MAX_POINTS; i++)
    slv_annotation_geometry_add_point (g, i, 0, 1);
  g_assert_false (slv_annotation_geometry_validate (g, &error));
  g_assert_error (error, SLV_REVIEW_ERROR, SLV_REVIEW_ERROR_INVALID);
  g_clear_error (&error);
  json = slv_annotation_geometry_to_json (g);
  back = slv_annotation_geometry_from_json (SLV_ANNOTATION_INK, json, &error);
  g_assert_null (back);
  g_assert_error (error, SLV_REVIEW_ERROR, SLV_REVIEW_ERROR_INVALID);
}

static void
test_attach_and_follow (void)
{
  g_autoptr(SlvAnnotationGeometry) board = make (SLV_ANNOTATION_ARROW, FALSE, 2, (double[]) { 150, 130, 180, 160 });
  g_autoptr(SlvAnnotationGeometry) attached = NULL;
  g_autoptr(SlvAnnotationGeometry) again = NULL;
  g_autoptr(SlvAnnotationGeometry) moved_board = NULL;
  g_autoptr(GError) error = NULL;
  SlvItemFrame f, zero;
  double ax, ay;

  slv_item_frame_init (&f, 100, 100, 200, 100);
  f.rotation = 30;
  f.flip_v = TRUE;
  f.crop_x = 0.2;
  f.crop_w = 0.5;
  attached = slv_annotation_geometry_to_item (board, &f, &error);
  g_assert_no_error (error);
  g_assert_true (attached->in_item);
  again = slv_annotation_geometry_to_board (attached, &f);
  assert_same_geometry (again, board, 1e-9);

  /* The item moves: the arrow goes with it, by the same vector. */
  f.x += 40;
  f.y -= 10;
  moved_board = slv_annotation_geometry_to_board (attached, &f);
  for (guint i = 0; i < 2; i++)
    {
      g_assert_cmpfloat_with_epsilon (slv_annotation_geometry_get_point (moved_board, i)->x,
                                      slv_annotation_geometry_get_point (board, i)->x + 40, 1e-9);
      g_assert_cmpfloat_with_epsilon (slv_annotation_geometry_get_point (moved_board, i)->y,
                                      slv_annotation_geometry_get_point (board, i)->y - 10, 1e-9);
    }

  /* Dragging the arrow by (5, 7) on the board moves it by exactly that,
   * though its points are in the turned, flipped, cropped item's space. */
  slv_annotation_geometry_get_anchor (attached, &f, &ax, &ay);
  slv_annotation_geometry_move_by (attached, &f, 5, 7);
  {
    double bx, by;

    slv_annotation_geometry_get_anchor (attached, &f, &bx, &by);
    g_assert_cmpfloat_with_epsilon (bx - ax, 5, 1e-9);
    g_assert_cmpfloat_with_epsilon (by - ay, 7, 1e-9);
  }

  slv_item_frame_init (&zero, 0, 0, 0, 10);
  g_assert_null (slv_annotation_geometry_to_item (board, &zero, &error));
  g_assert_error (error, SLV_REVIEW_ERROR, SLV_REVIEW_ERROR_INVALID);
}

static void
test_outline_bounds_anchor (void)
{
  g_autoptr(SlvAnnotationGeometry) rect = make (SLV_ANNOTATION_RECT, TRUE, 2, (double[]) { 0.75, 0.75, 0.25, 0.25 });
  g_autoptr(SlvAnnotationGeometry) ellipse = make (SLV_ANNOTATION_ELLIPSE, FALSE, 2, (double[]) { 0, 0, 40, 20 });
  g_autoptr(GArray) outline = NULL;
  g_autoptr(GArray) ring = NULL;
  SlvFrameRect bounds;
  SlvItemFrame f;
  double x, y;

  /* A 100×100 item turned by 45°: the middle half of it is a diamond. */
  slv_item_frame_init (&f, 0, 0, 100, 100);
  f.rotation = 45;
  outline = slv_annotation_geometry_outline (rect, &f);
  g_assert_cmpuint (outline->len, ==, 5);
  g_assert_true (memcmp (&g_array_index (outline, SlvInkPoint, 0),
                         &g_array_index (outline, SlvInkPoint, 4), sizeof (SlvInkPoint)) == 0);
  slv_annotation_geometry_get_bounds (rect, &f, &bounds);
  g_assert_cmpfloat_with_epsilon (bounds.w, 50 * G_SQRT2 + rect->width, 1e-9);
  g_assert_cmpfloat_with_epsilon (bounds.x + bounds.w / 2, 50, 1e-9);
  g_assert_cmpfloat_with_epsilon (bounds.y + bounds.h / 2, 50, 1e-9);
  /* Its marker sits on the box's top-left corner in content space, the
   * diamond's top after the turn. */
  slv_annotation_geometry_get_anchor (rect, &f, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 50, 1e-9);
  g_assert_cmpfloat_with_epsilon (y, 50 - 25 * G_SQRT2, 1e-9);

  ring = slv_annotation_geometry_outline (ellipse, NULL);
  g_assert_cmpuint (ring->len, ==, 65);
  for (guint i = 0; i < ring->len; i++)
    {
      const SlvInkPoint *p = &g_array_index (ring, SlvInkPoint, i);
      double e = pow ((p->x - 20) / 20, 2) + pow ((p->y - 10) / 10, 2);

      g_assert_cmpfloat_with_epsilon (e, 1, 1e-9);
    }
}

static void
test_hit (void)
{
  g_autoptr(SlvAnnotationGeometry) pin = make (SLV_ANNOTATION_PIN, FALSE, 1, (double[]) { 10, 10 });
  g_autoptr(SlvAnnotationGeometry) rect = make (SLV_ANNOTATION_RECT, FALSE, 2, (double[]) { 0, 0, 100, 50 });
  g_autoptr(SlvAnnotationGeometry) hl = make (SLV_ANNOTATION_HIGHLIGHT, TRUE, 2, (double[]) { 0.1, 0.1, 0.9, 0.9 });
  g_autoptr(SlvAnnotationGeometry) arrow = make (SLV_ANNOTATION_ARROW, FALSE, 2, (double[]) { 0, 0, 100, 0 });
  SlvItemFrame f;

  g_assert_true (slv_annotation_geometry_hit (pin, NULL, 12, 12, 3));
  g_assert_false (slv_annotation_geometry_hit (pin, NULL, 14, 14, 3));
  /* A rectangle is hit on its outline, not inside (the item beneath stays
   * clickable); a highlight inside too. */
  g_assert_true (slv_annotation_geometry_hit (rect, NULL, 50, 1, 1));
  g_assert_false (slv_annotation_geometry_hit (rect, NULL, 50, 25, 1));
  g_assert_true (slv_annotation_geometry_hit (arrow, NULL, 50, 1.9, 1));   /* 1 + width/2 */
  g_assert_false (slv_annotation_geometry_hit (arrow, NULL, 50, 2.1, 1));
  slv_item_frame_init (&f, 0, 0, 100, 100);
  f.rotation = 45;
  g_assert_true (slv_annotation_geometry_hit (hl, &f, 50, 50, 0));
  /* (88, 88) is inside the unturned box but outside the turned one. */
  g_assert_false (slv_annotation_geometry_hit (hl, &f, 88, 88, 0));
  f.rotation = 0;
  g_assert_true (slv_annotation_geometry_hit (hl, &f, 85, 50, 0));
}

static void
test_records (void)
{
  g_autoptr(SlvAnnotationRecord) r = slv_annotation_record_new ();
  g_autoptr(SlvAnnotationRecord) c = NULL;
  g_autoptr(SlvAnnotationState) a = NULL;
  g_autoptr(SlvAnnotationState) b = NULL;
  g_autofree char *line = NULL;
  g_autofree char *cut = NULL;
  g_autofree char *blank = NULL;

  g_assert_cmpint (r->status, ==, SLV_REVIEW_STATUS_OPEN);
  r->id = g_strdup ("a1");
  r->color = g_strdup ("red");
  r->geometry = make (SLV_ANNOTATION_PIN, TRUE, 1, (double[]) { 0.5, 0.5 });
  r->mentions = g_strsplit ("Ana,Mei", ",", -1);
  c = slv_annotation_record_copy (r);
  g_assert_cmpstr (c->id, ==, "a1");
  g_assert_true (c->geometry != r->geometry);
  g_assert_cmpstr (c->mentions[1], ==, "Mei");

  a = slv_annotation_state_new_from_record (r, FALSE);
  b = slv_annotation_state_copy (a);
  g_assert_cmpint (slv_annotation_state_diff (a, b), ==, 0);
  b->deleted = TRUE;
  g_free (b->color);
  b->color = g_strdup ("blue");
  b->status = SLV_REVIEW_STATUS_RESOLVED;
  g_assert_cmpint (slv_annotation_state_diff (a, b), ==,
                   SLV_ANNOTATION_FIELD_DELETED | SLV_ANNOTATION_FIELD_COLOR | SLV_ANNOTATION_FIELD_STATUS);
  g_free (b->geometry);
  b->geometry = g_strdup ("{}");
  g_assert_true (slv_annotation_state_diff (a, b) & SLV_ANNOTATION_FIELD_ANCHOR);

  line = slv_review_first_line ("\n  \n  Rib too tight at the cuff  \nsecond line", 80);
  g_assert_cmpstr (line, ==, "Rib too tight at the cuff");
  cut = slv_review_first_line ("Größere Änderungen am Kragen bitte", 10);
  g_assert_cmpstr (cut, ==, "Größere Ä…");
  g_assert_cmpint (g_utf8_strlen (cut, -1), <=, 10);
  blank = slv_review_first_line (" \n ", 10);
  g_assert_cmpstr (blank, ==, "");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/annotation/kinds-palette", test_kinds_and_palette);
  g_test_add_func ("/core/annotation/json-round-trip", test_json_round_trip);
  g_test_add_func ("/core/annotation/json-refused", test_json_refused);
  g_test_add_func ("/core/annotation/json-ink-limits", test_json_ink_limits);
  g_test_add_func ("/core/annotation/attach-follow", test_attach_and_follow);
  g_test_add_func ("/core/annotation/outline-bounds-anchor", test_outline_bounds_anchor);
  g_test_add_func ("/core/annotation/hit", test_hit);
  g_test_add_func ("/core/annotation/records", test_records);

  return g_test_run ();
}
