/* test-board-item.c: board item states and their object.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "core/slv-board-item.h"

static SlvBoardItemState *
sample_state (void)
{
  SlvBoardItemState *s = slv_board_item_state_new ();

  s->id = g_strdup ("0190a1b2-0000-7000-8000-000000000001");
  s->board_id = g_strdup ("board-1");
  s->kind = g_strdup ("image");
  s->x = 10.25, s->y = -3, s->w = 0.1 + 0.2, s->h = 200;
  s->rotation = 33.3;
  s->z = g_strdup ("a0");
  s->opacity = 0.5;
  s->flip_h = TRUE;
  s->blob = g_strdup ("ab");
  s->crop = g_strdup ("0.1 0.2 0.5 0.5");
  return s;
}

static void
test_state_columns (void)
{
  g_autoptr(SlvBoardItemState) s = sample_state ();
  g_autoptr(SlvBoardItemState) t = slv_board_item_state_new ();
  guint n = 0;
  const char * const *cols = slv_board_item_state_columns (&n);

  g_assert_cmpuint (n, ==, 21);
  g_assert_cmpstr (cols[0], ==, "id");
  /* every column survives text and back exactly (doubles included) */
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = slv_board_item_state_dup_column (s, i);

      g_assert_true (slv_board_item_state_set_column (t, i, text) || text == NULL);
    }
  g_assert_true (slv_board_item_state_equal (s, t));
  g_assert_cmpfloat (t->w, ==, 0.1 + 0.2);

  /* refused values leave the state alone */
  g_assert_false (slv_board_item_state_set_column (t, 3, "abc"));
  g_assert_false (slv_board_item_state_set_column (t, 3, NULL));
  g_assert_false (slv_board_item_state_set_column (t, 3, "inf"));
  g_assert_false (slv_board_item_state_set_column (t, 10, "2"));
  g_assert_true (slv_board_item_state_equal (s, t));
}

static void
test_copy_equal (void)
{
  g_autoptr(SlvBoardItemState) s = sample_state ();
  g_autoptr(SlvBoardItemState) c = slv_board_item_state_copy (s);

  g_assert_true (slv_board_item_state_equal (s, c));
  g_assert_true (c->kind != s->kind);
  c->flip_h = 2;   /* any true value is true */
  g_assert_true (slv_board_item_state_equal (s, c));
  g_free (c->text);
  c->text = g_strdup ("x");
  g_assert_false (slv_board_item_state_equal (s, c));
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  g_ptr_array_add (user_data, (gpointer) pspec->name);
}

static void
test_object (void)
{
  g_autoptr(SlvBoardItemState) s = sample_state ();
  g_autoptr(SlvBoardItem) item = slv_board_item_new_from_state (s);
  g_autoptr(SlvBoardItemState) back = slv_board_item_dup_state (item);
  g_autoptr(GPtrArray) notified = g_ptr_array_new ();
  double x = 0;
  SlvRect crop, bounds;

  g_assert_true (slv_board_item_state_equal (s, back));
  g_assert_cmpint (slv_board_item_get_kind (item), ==, SLV_BOARD_ITEM_IMAGE);
  g_object_get (item, "x", &x, NULL);
  g_assert_cmpfloat (x, ==, 10.25);
  slv_board_item_get_crop (item, &crop);
  g_assert_true (slv_rect_equal (&crop, &(SlvRect) { 0.1, 0.2, 0.5, 0.5 }, 0));
  slv_board_item_get_bounds (item, &bounds);
  g_assert_cmpfloat (bounds.w, >, s->w);

  /* applying a state notifies exactly the properties that changed */
  g_signal_connect (item, "notify", G_CALLBACK (count_notify), notified);
  back->x = 11;
  g_free (back->text);
  back->text = g_strdup ("Sea pink");
  g_assert_true (slv_board_item_apply_state (item, back));
  g_assert_cmpuint (notified->len, ==, 2);
  g_assert_false (slv_board_item_apply_state (item, back));
  g_assert_cmpuint (notified->len, ==, 2);
  g_assert_cmpstr (slv_board_item_get_text (item), ==, "Sea pink");
}

static void
test_crop_and_kind (void)
{
  static const char *bad[] = { NULL, "", "0 0 1", "0 0 1 x", "-0.1 0 1 1", "0.5 0 0.6 1", "0 0 0 1" };
  SlvRect r;
  SlvBoardItemKind kind;
  g_autofree char *text = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      slv_board_item_parse_crop (bad[i], &r);
      g_assert_true (slv_rect_equal (&r, &(SlvRect) { 0, 0, 1, 1 }, 0));
    }
  text = slv_board_item_format_crop (&(SlvRect) { 0.25, 0, 0.5, 1 });
  g_assert_cmpstr (text, ==, "0.25 0 0.5 1");
  g_assert_null (slv_board_item_format_crop (&(SlvRect) { 0, 0, 1, 1 }));

  for (guint k = SLV_BOARD_ITEM_IMAGE; k <= SLV_BOARD_ITEM_GROUP; k++)
    {
      g_assert_true (slv_board_item_kind_from_string (slv_board_item_kind_to_string (k), &kind));
      g_assert_cmpint (kind, ==, k);
    }
  g_assert_false (slv_board_item_kind_from_string ("video", &kind));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/core/board-item/state-columns", test_state_columns);
  g_test_add_func ("/core/board-item/copy-equal", test_copy_equal);
  g_test_add_func ("/core/board-item/object", test_object);
  g_test_add_func ("/core/board-item/crop-and-kind", test_crop_and_kind);
  return g_test_run ();
}
