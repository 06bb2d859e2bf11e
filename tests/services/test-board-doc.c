/* test-board-doc.c: board commands, undo and redo, and what the workspace
 * holds after each. Random command sequences are in test-board-doc-random.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "slv-test-util.h"
#include "board-doc-test-util.h"
#include "core/slv-board.h"
#include "services/slv-board-doc.h"
#include "services/slv-demo.h"
#include "store/slv-board-repo.h"
#include "store/slv-repo.h"

static void
test_load (Fixture       *f,
           gconstpointer  data)
{
  double x, y, zoom;

  g_assert_cmpuint (board_doc_test_n_items (f->doc), ==, 14);
  /* bottom to top by z */
  for (guint i = 1; i < board_doc_test_n_items (f->doc); i++)
    g_assert_cmpint (strcmp (slv_board_item_get_z (board_doc_test_item_at (f->doc, i - 1)),
                             slv_board_item_get_z (board_doc_test_item_at (f->doc, i))), <, 0);
  slv_board_doc_get_view (f->doc, &x, &y, &zoom);
  g_assert_cmpfloat (zoom, ==, 1);
  g_assert_false (slv_board_doc_can_undo (f->doc));
  board_doc_test_assert_saved (f);
}

static void
test_missing_board (void)
{
  g_autofree char *dir = slv_test_make_tmpdir ("slv-board-doc");
  g_autofree char *path = g_build_filename (dir, "E.selvedge", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvStore) store = slv_store_open (path, SLV_STORE_OPEN_CREATE, &error);
  g_autoptr(SlvBoardDoc) doc = NULL;

  g_assert_no_error (error);
  doc = slv_board_doc_load (store, "0190a1b2-0000-7000-8000-00000000dead", &error);
  g_assert_null (doc);
  g_assert_error (error, SLV_BOARD_DOC_ERROR, SLV_BOARD_DOC_ERROR_NOT_FOUND);
  g_clear_object (&store);
  slv_test_rm_rf (dir);
}

static void
test_add_move_undo (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  SlvBoardItem *note;
  const char *ids[2] = { NULL, NULL };
  SlvRect b;

  g_assert_true (slv_board_doc_add_note (f->doc, "Keep it washed", 500, 500, &id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (board_doc_test_n_items (f->doc), ==, 15);
  /* the new item is on top, selected, centred on the point */
  g_assert_cmpstr (board_doc_test_id_at (f->doc, 14), ==, id);
  g_assert_true (slv_board_doc_is_selected (f->doc, id));
  note = slv_board_doc_lookup (f->doc, id);
  slv_board_item_get_bounds (note, &b);
  g_assert_cmpfloat (b.x + b.w / 2, ==, 500);
  g_assert_cmpstr (slv_board_doc_get_undo_label (f->doc), ==, "Add note");
  board_doc_test_assert_saved (f);

  ids[0] = id;
  g_assert_true (slv_board_doc_move (f->doc, ids, 10, -20, &error));
  g_assert_no_error (error);
  slv_board_item_get_bounds (note, &b);
  g_assert_cmpfloat (b.x + b.w / 2, ==, 510);
  board_doc_test_assert_saved (f);

  g_assert_true (slv_board_doc_undo (f->doc, &error));
  slv_board_item_get_bounds (note, &b);
  g_assert_cmpfloat (b.x + b.w / 2, ==, 500);
  board_doc_test_assert_saved (f);
  g_assert_true (slv_board_doc_undo (f->doc, &error));
  g_assert_null (slv_board_doc_lookup (f->doc, id));
  g_assert_cmpuint (board_doc_test_n_items (f->doc), ==, 14);
  g_assert_false (slv_board_doc_can_undo (f->doc));
  board_doc_test_assert_saved (f);
  /* undo with nothing left is harmless */
  g_assert_true (slv_board_doc_undo (f->doc, &error));

  g_assert_true (slv_board_doc_redo (f->doc, &error));
  g_assert_true (slv_board_doc_redo (f->doc, &error));
  g_assert_no_error (error);
  note = slv_board_doc_lookup (f->doc, id);
  g_assert_nonnull (note);
  slv_board_item_get_bounds (note, &b);
  g_assert_cmpfloat (b.x + b.w / 2, ==, 510);
  g_assert_false (slv_board_doc_can_redo (f->doc));
  board_doc_test_assert_saved (f);

  /* a new command drops the redo tail */
  g_assert_true (slv_board_doc_undo (f->doc, &error));
  g_assert_true (slv_board_doc_delete (f->doc, ids, &error));
  g_assert_false (slv_board_doc_can_redo (f->doc));
  g_assert_cmpuint (slv_board_doc_get_history_length (f->doc), ==, 2);
  board_doc_test_assert_saved (f);
}

static void
test_gesture_coalesces (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) guides = g_array_new (FALSE, FALSE, sizeof (SlvGuide));
  const char *ids[] = { board_doc_test_id_at (f->doc, 0), NULL };
  SlvBoardItem *item = board_doc_test_item_at (f->doc, 0);
  g_autoptr(SlvBoardItemState) start = slv_board_item_dup_state (item);
  g_autoptr(GHashTable) stored = NULL;
  SlvBoardItemState *row;
  guint changed = 0;

  g_signal_connect_swapped (f->doc, "changed", G_CALLBACK (g_atomic_int_inc), &changed);
  g_assert_true (slv_board_doc_begin_gesture (f->doc, SLV_GESTURE_MOVE, ids, NULL, &error));
  g_assert_no_error (error);
  for (int i = 1; i <= 40; i++)
    slv_board_doc_gesture_move (f->doc, i * 2.5, i, 0, NULL);
  /* live in the model, not yet in the workspace */
  g_assert_cmpfloat (slv_board_item_get_state (item)->x, ==, start->x + 100);
  stored = board_doc_test_stored_states (f->store, f->board_id);
  row = g_hash_table_lookup (stored, ids[0]);
  g_assert_cmpfloat (row->x, ==, start->x);
  g_assert_false (slv_board_doc_undo (f->doc, &error));
  g_assert_error (error, SLV_BOARD_DOC_ERROR, SLV_BOARD_DOC_ERROR_BUSY);
  g_clear_error (&error);

  g_assert_true (slv_board_doc_end_gesture (f->doc, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, >=, 40);
  /* forty motions, one step */
  g_assert_cmpuint (slv_board_doc_get_history_length (f->doc), ==, 1);
  board_doc_test_assert_saved (f);
  g_assert_true (slv_board_doc_undo (f->doc, &error));
  {
    g_autoptr(SlvBoardItemState) now = slv_board_item_dup_state (item);

    g_assert_true (slv_board_item_state_equal (now, start));
  }
  board_doc_test_assert_saved (f);

  /* a cancelled drag leaves nothing behind */
  g_assert_true (slv_board_doc_begin_gesture (f->doc, SLV_GESTURE_ROTATE, ids, NULL, &error));
  slv_board_doc_gesture_rotate (f->doc, 33, 15);
  g_assert_cmpfloat (slv_board_item_get_state (item)->rotation, ==, 30);
  slv_board_doc_cancel_gesture (f->doc);
  g_assert_cmpfloat (slv_board_item_get_state (item)->rotation, ==, 0);
  g_assert_cmpuint (slv_board_doc_get_history_length (f->doc), ==, 1);

  /* snapping: the first demo image (40, 120, 280 × 280) dragged near the
   * right edge of its neighbour at x = 620 */
  g_assert_true (slv_board_doc_begin_gesture (f->doc, SLV_GESTURE_MOVE, ids, NULL, &error));
  slv_board_doc_gesture_move (f->doc, 583, 0, 6, guides);
  g_assert_cmpfloat (slv_board_item_get_state (item)->x, ==, 620);
  g_assert_cmpuint (guides->len, >=, 1);
  g_assert_true (slv_board_doc_end_gesture (f->doc, &error));
  board_doc_test_assert_saved (f);
}

static void
test_resize_rotate_flip (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *one[] = { board_doc_test_id_at (f->doc, 0), NULL };
  SlvBoardItem *item = board_doc_test_item_at (f->doc, 0);
  const SlvBoardItemState *s = slv_board_item_get_state (item);
  SlvRect b;

  /* 40, 120, 280 × 280: drag the south-east corner out by 120 */
  g_assert_true (slv_board_doc_resize (f->doc, one, SLV_HANDLE_SE, (SlvPoint) { 440, 400 },
                                       SLV_RESIZE_ASPECT, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (s->w, ==, 400);
  g_assert_cmpfloat (s->h, ==, 400);
  g_assert_cmpfloat (s->x, ==, 40);
  g_assert_true (slv_board_doc_rotate (f->doc, one, 90, &error));
  g_assert_cmpfloat (s->rotation, ==, 90);
  g_assert_true (slv_board_doc_flip (f->doc, one, TRUE, &error));
  g_assert_true (s->flip_h);
  slv_board_item_get_bounds (item, &b);
  g_assert_true (slv_rect_equal (&b, &(SlvRect) { 40, 120, 400, 400 }, 1e-9));
  board_doc_test_assert_saved (f);
  for (int i = 0; i < 3; i++)
    g_assert_true (slv_board_doc_undo (f->doc, &error));
  g_assert_cmpfloat (s->w, ==, 280);
  g_assert_cmpfloat (s->rotation, ==, 0);
  g_assert_false (s->flip_h);
  board_doc_test_assert_saved (f);
}

static void
test_crop_keeps_place (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SlvBoardItem *item = board_doc_test_item_at (f->doc, 1);
  const char *one[] = { slv_entity_get_id (SLV_ENTITY (item)), NULL };
  SlvItemGeom g;
  SlvAffine m;
  SlvPoint before, after;

  g_assert_cmpint (slv_board_item_get_kind (item), ==, SLV_BOARD_ITEM_IMAGE);
  g_assert_true (slv_board_doc_rotate (f->doc, one, 30, &error));
  g_assert_true (slv_board_doc_flip (f->doc, one, TRUE, &error));
  /* where the image point (0.75, 0.6) is drawn, before and after a crop
   * that keeps it */
  slv_board_item_get_geom (item, &g);
  slv_item_geom_get_content_transform (&g, &m);
  before = slv_affine_apply (&m, 0.75 * g.w, 0.6 * g.h);
  g_assert_true (slv_board_doc_crop (f->doc, one[0], &(SlvRect) { 0.5, 0.25, 0.5, 0.5 }, &error));
  g_assert_no_error (error);
  slv_board_item_get_geom (item, &g);
  g_assert_cmpfloat_with_epsilon (g.w, 140, 1e-9);
  slv_item_geom_get_content_transform (&g, &m);
  after = slv_affine_apply (&m, (0.75 - 0.5) / 0.5 * g.w, (0.6 - 0.25) / 0.5 * g.h);
  g_assert_cmpfloat_with_epsilon (after.x, before.x, 1e-9);
  g_assert_cmpfloat_with_epsilon (after.y, before.y, 1e-9);
  g_assert_cmpstr (slv_board_item_get_state (item)->crop, ==, "0.5 0.25 0.5 0.5");
  board_doc_test_assert_saved (f);

  /* notes cannot be cropped; crops must lie in the image */
  g_assert_false (slv_board_doc_crop (f->doc, one[0], &(SlvRect) { 0.5, 0, 0.6, 1 }, &error));
  g_assert_error (error, SLV_BOARD_DOC_ERROR, SLV_BOARD_DOC_ERROR_INVALID);
}

static void
test_groups (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *gid = NULL;
  const char *pair[] = { board_doc_test_id_at (f->doc, 0), board_doc_test_id_at (f->doc, 5), NULL };
  g_autofree char *a = g_strdup (pair[0]);
  g_autofree char *b = g_strdup (pair[1]);
  SlvBoardItem *group, *pick;
  SlvRect gb;
  const char *sel[] = { NULL, NULL };

  g_assert_true (slv_board_doc_group (f->doc, pair, &gid, &error));
  g_assert_no_error (error);
  group = slv_board_doc_lookup (f->doc, gid);
  /* images 0 (40,120) and 5 (340,420), 280 square each */
  slv_board_item_get_bounds (group, &gb);
  g_assert_true (slv_rect_equal (&gb, &(SlvRect) { 40, 120, 580, 580 }, 1e-9));
  g_assert_cmpstr (slv_board_doc_get_selection (f->doc)[0], ==, gid);
  /* a click on a member selects the group */
  pick = slv_board_doc_pick (f->doc, 100, 200, 0);
  g_assert_true (pick == group);
  g_assert_null (slv_board_doc_pick (f->doc, 5000, 5000, 0));
  board_doc_test_assert_saved (f);

  /* moving the group moves its members and refits it */
  sel[0] = gid;
  g_assert_true (slv_board_doc_move (f->doc, sel, 0, 1000, &error));
  g_assert_cmpfloat (slv_board_item_get_state (slv_board_doc_lookup (f->doc, a))->y, ==, 1120);
  g_assert_cmpfloat (slv_board_item_get_state (slv_board_doc_lookup (f->doc, b))->y, ==, 1420);
  slv_board_item_get_bounds (group, &gb);
  g_assert_cmpfloat (gb.y, ==, 1120);
  board_doc_test_assert_saved (f);

  /* resizing a group scales its members */
  g_assert_true (slv_board_doc_resize (f->doc, sel, SLV_HANDLE_E, (SlvPoint) { 40 + 1160, 0 }, 0, &error));
  g_assert_cmpfloat (slv_board_item_get_state (slv_board_doc_lookup (f->doc, b))->x, ==, 40 + 600);
  g_assert_cmpfloat (slv_board_item_get_state (slv_board_doc_lookup (f->doc, b))->w, ==, 560);
  board_doc_test_assert_saved (f);

  g_assert_true (slv_board_doc_ungroup (f->doc, sel, &error));
  g_assert_null (slv_board_doc_lookup (f->doc, gid));
  g_assert_null (slv_board_item_get_group_id (slv_board_doc_lookup (f->doc, a)));
  g_assert_true (slv_board_doc_is_selected (f->doc, a));
  g_assert_true (slv_board_doc_is_selected (f->doc, b));
  board_doc_test_assert_saved (f);

  /* undo all the way: the group comes back, then goes */
  for (int i = 0; i < 4; i++)
    g_assert_true (slv_board_doc_undo (f->doc, &error));
  g_assert_no_error (error);
  g_assert_null (slv_board_doc_lookup (f->doc, gid));
  g_assert_cmpfloat (slv_board_item_get_state (slv_board_doc_lookup (f->doc, a))->y, ==, 120);
  board_doc_test_assert_saved (f);
  g_assert_true (slv_board_doc_redo (f->doc, &error));
  g_assert_nonnull (slv_board_doc_lookup (f->doc, gid));
  board_doc_test_assert_saved (f);

  /* one item cannot be grouped */
  g_assert_false (slv_board_doc_group (f->doc, pair + 1, NULL, &error));
  g_assert_error (error, SLV_BOARD_DOC_ERROR, SLV_BOARD_DOC_ERROR_INVALID);
}

static void
test_z_order (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first = g_strdup (board_doc_test_id_at (f->doc, 0));
  const char *one[] = { first, NULL };
  guint n = board_doc_test_n_items (f->doc);

  g_assert_true (slv_board_doc_reorder (f->doc, one, SLV_Z_TO_FRONT, &error));
  g_assert_cmpstr (board_doc_test_id_at (f->doc, n - 1), ==, first);
  g_assert_true (slv_board_doc_reorder (f->doc, one, SLV_Z_LOWER, &error));
  g_assert_cmpstr (board_doc_test_id_at (f->doc, n - 2), ==, first);
  g_assert_true (slv_board_doc_reorder (f->doc, one, SLV_Z_TO_BACK, &error));
  g_assert_cmpstr (board_doc_test_id_at (f->doc, 0), ==, first);
  g_assert_true (slv_board_doc_reorder (f->doc, one, SLV_Z_RAISE, &error));
  g_assert_cmpstr (board_doc_test_id_at (f->doc, 1), ==, first);
  /* only the moved item's row changed each time */
  for (guint i = 1; i < n; i++)
    g_assert_cmpint (strcmp (slv_board_item_get_z (board_doc_test_item_at (f->doc, i - 1)),
                             slv_board_item_get_z (board_doc_test_item_at (f->doc, i))), <, 0);
  board_doc_test_assert_saved (f);
  for (int i = 0; i < 4; i++)
    g_assert_true (slv_board_doc_undo (f->doc, &error));
  g_assert_cmpstr (board_doc_test_id_at (f->doc, 0), ==, first);
  board_doc_test_assert_saved (f);
}

static void
assert_no_overlap (SlvBoardDoc *doc)
{
  const char * const *sel = slv_board_doc_get_selection (doc);

  for (guint i = 0; sel[i] != NULL; i++)
    for (guint j = i + 1; sel[j] != NULL; j++)
      {
        SlvRect a, b;

        slv_board_item_get_bounds (slv_board_doc_lookup (doc, sel[i]), &a);
        slv_board_item_get_bounds (slv_board_doc_lookup (doc, sel[j]), &b);
        g_assert_false (slv_rect_overlaps (&a, &b, 1e-6));
      }
}

static void
test_arrange (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char * const *sel;
  SlvRect before, after, b;
  guint32 colours[20];
  double area = 0;

  slv_board_doc_select_all (f->doc);
  sel = slv_board_doc_get_selection (f->doc);
  g_assert_cmpuint (g_strv_length ((GStrv) sel), ==, 14);
  /* turn a few so bounds differ from sizes */
  g_assert_true (slv_board_doc_rotate (f->doc, (const char *[]) { sel[2], NULL }, 45, &error));
  g_assert_true (slv_board_doc_get_bounds (f->doc, NULL, &before));

  g_assert_true (slv_board_doc_pack (f->doc, NULL, 0, &error));
  g_assert_no_error (error);
  assert_no_overlap (f->doc);
  g_assert_true (slv_board_doc_get_bounds (f->doc, NULL, &after));
  g_assert_cmpfloat (after.x, ==, before.x);
  g_assert_cmpfloat (after.y, ==, before.y);
  for (guint i = 0; sel[i] != NULL; i++)
    {
      slv_board_item_get_bounds (slv_board_doc_lookup (f->doc, sel[i]), &b);
      area += b.w * b.h;
    }
  g_assert_cmpfloat (after.w * after.h, <=, 1.5 * area);
  board_doc_test_assert_saved (f);

  g_assert_true (slv_board_doc_arrange_grid (f->doc, NULL, 5, 10, &error));
  assert_no_overlap (f->doc);
  board_doc_test_assert_saved (f);

  for (guint i = 0; sel[i] != NULL; i++)
    colours[i] = (i * 0x3a5f1d) & 0xffffff;
  g_assert_true (slv_board_doc_arrange_by_colour (f->doc, sel, colours, 10, &error));
  assert_no_overlap (f->doc);

  g_assert_true (slv_board_doc_equal_size (f->doc, NULL, SLV_EQUAL_HEIGHT, &error));
  for (guint i = 1; sel[i] != NULL; i++)
    {
      SlvRect a;

      slv_board_item_get_bounds (slv_board_doc_lookup (f->doc, sel[0]), &a);
      slv_board_item_get_bounds (slv_board_doc_lookup (f->doc, sel[i]), &b);
      g_assert_cmpfloat_with_epsilon (a.h, b.h, 1e-6);
    }
  g_assert_true (slv_board_doc_align (f->doc, NULL, SLV_ALIGN_TOP, &error));
  g_assert_true (slv_board_doc_distribute (f->doc, NULL, SLV_AXIS_HORIZONTAL, &error));
  board_doc_test_assert_saved (f);

  for (int i = 0; i < 7; i++)
    g_assert_true (slv_board_doc_undo (f->doc, &error));
  g_assert_false (slv_board_doc_can_undo (f->doc));
  board_doc_test_assert_saved (f);
}

static void
test_view_and_reopen (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvBoardDoc) again = NULL;
  g_autoptr(GHashTable) a = NULL;
  g_autoptr(GHashTable) b = NULL;
  double x, y, zoom;

  g_assert_true (slv_board_doc_set_view (f->doc, -120.5, 33.25, 2.5, &error));
  g_assert_false (slv_board_doc_set_view (f->doc, NAN, 0, 1, &error));
  g_assert_error (error, SLV_BOARD_DOC_ERROR, SLV_BOARD_DOC_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (slv_board_doc_add_swatch (f->doc, 0x1b2a49, 0, 0, NULL, &error));
  g_assert_true (slv_board_doc_set_view (f->doc, 1, 2, 1000, &error));

  again = slv_board_doc_load (f->store, f->board_id, &error);
  g_assert_no_error (error);
  slv_board_doc_get_view (again, &x, &y, &zoom);
  g_assert_cmpfloat (x, ==, 1);
  g_assert_cmpfloat (y, ==, 2);
  g_assert_cmpfloat (zoom, ==, SLV_BOARD_ZOOM_MAX);
  a = board_doc_test_model_states (f->doc);
  b = board_doc_test_model_states (again);
  board_doc_test_assert_same_states (a, b);
  g_assert_cmpstr (slv_board_item_get_text (board_doc_test_item_at (again, board_doc_test_n_items (again) - 1)), ==, "Navy");
}

/* A command that fails half way changes nothing, in the workspace or the
 * model. */
static void
test_atomic (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) before = board_doc_test_stored_states (f->store, f->board_id);
  const char *three[] = { board_doc_test_id_at (f->doc, 0), board_doc_test_id_at (f->doc, 1), board_doc_test_id_at (f->doc, 2), NULL };

  /* another device deleted the middle item behind the board's back */
  g_assert_true (slv_store_set_deleted (f->store, "board_item", three[1], TRUE, &error));
  g_assert_false (slv_board_doc_move (f->doc, three, 50, 50, &error));
  g_assert_error (error, SLV_STORE_ERROR, SLV_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (slv_store_set_deleted (f->store, "board_item", three[1], FALSE, &error));
  board_doc_test_assert_saved (f);
  {
    g_autoptr(GHashTable) now = board_doc_test_stored_states (f->store, f->board_id);

    board_doc_test_assert_same_states (before, now);
  }
  g_assert_false (slv_board_doc_can_undo (f->doc));
}

static void
assert_sorted (SlvBoardDoc *doc)
{
  for (guint i = 1; i < board_doc_test_n_items (doc); i++)
    {
      SlvBoardItem *a = board_doc_test_item_at (doc, i - 1), *b = board_doc_test_item_at (doc, i);
      int c = strcmp (slv_board_item_get_z (a), slv_board_item_get_z (b));

      g_assert_true (c < 0 || (c == 0 && strcmp (slv_entity_get_id (SLV_ENTITY (a)),
                                                 slv_entity_get_id (SLV_ENTITY (b))) < 0));
    }
}

/* Commands over many items rebuild the list in one go; the result must
 * be the same as item by item. */
static void
test_large_commands (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) states = g_ptr_array_new_with_free_func ((GDestroyNotify) slv_board_item_state_free);
  g_autoptr(GHashTable) start = board_doc_test_stored_states (f->store, f->board_id);
  g_autofree char **half = NULL;
  guint changed = 0;

  for (guint i = 0; i < 150; i++)
    {
      SlvBoardItemState *s = slv_board_item_state_new ();

      s->kind = g_strdup ("swatch");
      s->color = g_strdup ("#8a9a8c");
      s->x = (i % 15) * 130, s->y = 2000 + (i / 15) * 130;
      g_ptr_array_add (states, s);
    }
  g_signal_connect_swapped (slv_board_doc_get_items (f->doc), "items-changed", G_CALLBACK (g_atomic_int_inc), &changed);
  g_assert_true (slv_board_doc_add_states (f->doc, "Add swatches", states, &error));
  g_assert_no_error (error);
  /* one change notice for the whole list */
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (board_doc_test_n_items (f->doc), ==, 164);
  assert_sorted (f->doc);
  board_doc_test_assert_saved (f);

  slv_board_doc_select_all (f->doc);
  g_assert_true (slv_board_doc_move (f->doc, NULL, 5, 5, &error));
  g_assert_true (slv_board_doc_pack (f->doc, NULL, 4, &error));
  assert_no_overlap (f->doc);
  board_doc_test_assert_saved (f);

  /* every other item to the front, as one block keeping its order */
  half = g_new0 (char *, 83);
  for (guint i = 0; i < 82; i++)
    half[i] = (char *) board_doc_test_id_at (f->doc, i * 2);
  {
    g_auto(GStrv) ids = g_strdupv (half);

    g_assert_true (slv_board_doc_reorder (f->doc, (const char * const *) ids, SLV_Z_TO_FRONT, &error));
    assert_sorted (f->doc);
    for (guint i = 0; i < 82; i++)
      g_assert_cmpstr (board_doc_test_id_at (f->doc, 82 + i), ==, ids[i]);
  }
  board_doc_test_assert_saved (f);
  g_assert_true (slv_board_doc_delete (f->doc, NULL, &error));
  g_assert_cmpuint (board_doc_test_n_items (f->doc), ==, 0);
  board_doc_test_assert_saved (f);

  while (slv_board_doc_can_undo (f->doc))
    {
      g_assert_true (slv_board_doc_undo (f->doc, &error));
      assert_sorted (f->doc);
      board_doc_test_assert_saved (f);
    }
  {
    g_autoptr(GHashTable) now = board_doc_test_stored_states (f->store, f->board_id);

    board_doc_test_assert_same_states (start, now);
  }
  while (slv_board_doc_can_redo (f->doc))
    g_assert_true (slv_board_doc_redo (f->doc, &error));
  g_assert_cmpuint (board_doc_test_n_items (f->doc), ==, 0);
  board_doc_test_assert_saved (f);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
#define ADD(path, func, data) \
  g_test_add ("/services/board-doc/" path, Fixture, data, board_doc_test_fixture_set_up, func, board_doc_test_fixture_tear_down)
  ADD ("load", test_load, NULL);
  ADD ("add-move-undo", test_add_move_undo, NULL);
  ADD ("gesture-coalesces", test_gesture_coalesces, NULL);
  ADD ("resize-rotate-flip", test_resize_rotate_flip, NULL);
  ADD ("crop-keeps-place", test_crop_keeps_place, NULL);
  ADD ("groups", test_groups, NULL);
  ADD ("z-order", test_z_order, NULL);
  ADD ("arrange", test_arrange, NULL);
  ADD ("view-and-reopen", test_view_and_reopen, NULL);
  ADD ("atomic", test_atomic, NULL);
  ADD ("large-commands", test_large_commands, NULL);
#undef ADD
  g_test_add_func ("/services/board-doc/missing-board", test_missing_board);
  return g_test_run ();
}
