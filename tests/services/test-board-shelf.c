/* test-board-shelf.c: boards made, renamed, duplicated and deleted, with
 * undo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "slv-test-util.h"
#include "core/slv-board.h"
#include "services/slv-board-doc.h"
#include "services/slv-board-shelf.h"
#include "services/slv-demo.h"

static const char *
name_at (SlvBoardShelf *shelf,
         guint          i)
{
  g_autoptr(SlvBoard) b = g_list_model_get_item (slv_board_shelf_get_boards (shelf), i);

  return b ? slv_board_get_name (b) : NULL;
}

static guint
count (SlvBoardShelf *shelf)
{
  return g_list_model_get_n_items (slv_board_shelf_get_boards (shelf));
}

static void
test_shelf (void)
{
  g_autofree char *dir = slv_test_make_tmpdir ("slv-shelf");
  g_autofree char *path = g_build_filename (dir, "S.selvedge", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvStore) store = slv_demo_create (path, &error);
  g_autoptr(SlvBoardShelf) shelf = NULL;
  g_autoptr(SlvBoard) mood = NULL;
  g_autofree char *made = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *mood_id = NULL;

  g_assert_no_error (error);
  shelf = slv_board_shelf_new (store);
  g_assert_true (slv_board_shelf_reload (shelf, &error));
  g_assert_cmpuint (count (shelf), ==, 2);
  mood = g_list_model_get_item (slv_board_shelf_get_boards (shelf), 0);
  mood_id = g_strdup (slv_entity_get_id (SLV_ENTITY (mood)));

  /* new boards go last */
  g_assert_true (slv_board_shelf_create (shelf, "  Resort 28  ", NULL, &made, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count (shelf), ==, 3);
  g_assert_cmpstr (name_at (shelf, 2), ==, "Resort 28");
  g_assert_false (slv_board_shelf_create (shelf, " \t", NULL, NULL, &error));
  g_assert_error (error, SLV_BOARD_DOC_ERROR, SLV_BOARD_DOC_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (slv_board_shelf_rename (shelf, made, "Resort 28 — prints", &error));
  g_assert_cmpstr (name_at (shelf, 2), ==, "Resort 28 — prints");
  g_assert_cmpstr (slv_board_shelf_get_undo_label (shelf), ==, "Rename board “Resort 28”");

  /* a duplicate sits right after its original, with every item */
  g_assert_true (slv_board_shelf_duplicate (shelf, mood_id, NULL, &copy, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (name_at (shelf, 1), ==, "Coastline — mood (copy)");
  {
    g_autoptr(SlvBoard) dup = g_list_model_get_item (slv_board_shelf_get_boards (shelf), 1);
    g_autoptr(SlvBoardDoc) a = slv_board_doc_load (store, mood_id, &error);
    g_autoptr(SlvBoardDoc) b = slv_board_doc_load (store, copy, &error);
    GListModel *ia, *ib;

    g_assert_no_error (error);
    g_assert_cmpint (slv_board_get_item_count (dup), ==, 14);
    ia = slv_board_doc_get_items (a);
    ib = slv_board_doc_get_items (b);
    g_assert_cmpuint (g_list_model_get_n_items (ia), ==, g_list_model_get_n_items (ib));
    for (guint i = 0; i < g_list_model_get_n_items (ia); i++)
      {
        g_autoptr(SlvBoardItem) x = g_list_model_get_item (ia, i);
        g_autoptr(SlvBoardItem) y = g_list_model_get_item (ib, i);

        g_assert_cmpstr (slv_entity_get_id (SLV_ENTITY (x)), !=, slv_entity_get_id (SLV_ENTITY (y)));
        g_assert_cmpstr (slv_board_item_get_z (x), ==, slv_board_item_get_z (y));
        g_assert_cmpstr (slv_board_item_get_blob (x), ==, slv_board_item_get_blob (y));
      }
  }

  /* delete with undo */
  g_assert_true (slv_board_shelf_delete (shelf, mood_id, &error));
  g_assert_cmpuint (count (shelf), ==, 3);
  g_assert_cmpstr (name_at (shelf, 0), ==, "Coastline — mood (copy)");
  g_assert_cmpstr (slv_board_shelf_get_undo_label (shelf), ==, "Delete board “Coastline — mood”");
  g_assert_false (slv_board_shelf_delete (shelf, mood_id, &error));
  g_assert_error (error, SLV_BOARD_DOC_ERROR, SLV_BOARD_DOC_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (slv_board_shelf_undo (shelf, &error));
  g_assert_cmpuint (count (shelf), ==, 4);
  g_assert_cmpstr (name_at (shelf, 0), ==, "Coastline — mood");

  /* undo the rest, then redo it all */
  while (slv_board_shelf_can_undo (shelf))
    g_assert_true (slv_board_shelf_undo (shelf, &error));
  g_assert_cmpuint (count (shelf), ==, 2);
  while (slv_board_shelf_can_redo (shelf))
    g_assert_true (slv_board_shelf_redo (shelf, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count (shelf), ==, 3);
  g_assert_cmpstr (name_at (shelf, 2), ==, "Resort 28 — prints");
  g_assert_true (slv_store_check_integrity (store, &error));

  g_clear_object (&shelf);
  g_clear_object (&store);
  slv_test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/services/board-shelf/shelf", test_shelf);
  return g_test_run ();
}
