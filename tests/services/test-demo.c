/* test-demo.c: the demo workspace is complete and consistent.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "slv-test-util.h"
#include "core/slv-material.h"
#include "core/slv-board.h"
#include "services/slv-demo.h"
#include "store/slv-blobs.h"
#include "store/slv-repo.h"

static void
test_demo_contents (void)
{
  g_autofree char *dir = slv_test_make_tmpdir ("slv-demo");
  g_autofree char *path = g_build_filename (dir, "Demo.selvedge", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvStore) store = slv_demo_create (path, &error);
  g_autoptr(GHashTable) counts = NULL;
  g_autoptr(GListStore) boards = NULL;
  g_autoptr(GListStore) jersey = NULL;
  g_autoptr(SlvBoard) mood = NULL;

  g_assert_no_error (error);
  counts = slv_store_count_rows (store, &error);
  g_assert_no_error (error);
#define AT_LEAST(table, n) g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (counts, table)), >=, n)
  AT_LEAST ("material", 40);
  AT_LEAST ("cost_rate", 60);
  AT_LEAST ("style", 12);
  AT_LEAST ("costing", 12);
  AT_LEAST ("bom_line", 24);
  AT_LEAST ("process_line", 36);
  AT_LEAST ("supplier", 8);
  AT_LEAST ("board", 1);
  AT_LEAST ("board_item", 8);
  AT_LEAST ("blob", 8);
#undef AT_LEAST

  boards = slv_repo_list (store, SLV_TYPE_BOARD, NULL, &error);
  g_assert_no_error (error);
  mood = g_list_model_get_item (G_LIST_MODEL (boards), 0);
  g_assert_cmpstr (slv_board_get_name (mood), ==, "Coastline — mood");
  g_assert_cmpint (slv_board_get_item_count (mood), ==, 14);
  g_assert_true (slv_blobs_has (store, slv_board_get_cover_blob (mood)));

  jersey = slv_repo_list (store, SLV_TYPE_MATERIAL, "jersey", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (jersey)), ==, 6);

  g_assert_true (slv_store_check_integrity (store, &error));
  g_assert_no_error (error);

  /* A second demo over the first is refused, leaving it whole. */
  {
    g_autoptr(SlvStore) again = slv_demo_create (path, &error);

    g_assert_null (again);
    g_assert_error (error, SLV_STORE_ERROR, SLV_STORE_ERROR_EXISTS);
  }

  g_clear_object (&store);
  slv_test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/services/demo/contents", test_demo_contents);
  return g_test_run ();
}
