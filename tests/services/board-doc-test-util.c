/* board-doc-test-util.c: the board-doc tests' fixture (a demo workspace and
 * its first board) and state comparisons.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "board-doc-test-util.h"
#include "slv-test-util.h"
#include "core/slv-board.h"
#include "services/slv-demo.h"
#include "store/slv-board-repo.h"
#include "store/slv-repo.h"


void
board_doc_test_fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) boards = NULL;
  g_autoptr(SlvBoard) board = NULL;

  f->dir = slv_test_make_tmpdir ("slv-board-doc");
  path = g_build_filename (f->dir, "W.selvedge", NULL);
  f->store = slv_demo_create (path, &error);
  g_assert_no_error (error);
  boards = slv_repo_list (f->store, SLV_TYPE_BOARD, NULL, &error);
  g_assert_no_error (error);
  board = g_list_model_get_item (G_LIST_MODEL (boards), 0);
  f->board_id = g_strdup (slv_entity_get_id (SLV_ENTITY (board)));
  f->doc = slv_board_doc_load (f->store, f->board_id, &error);
  g_assert_no_error (error);
}

void
board_doc_test_fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->doc);
  g_clear_object (&f->store);
  slv_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->board_id);
}

/* id → state for the model and for the workspace. */
GHashTable *
board_doc_test_model_states (SlvBoardDoc *doc)
{
  GHashTable *t = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                         (GDestroyNotify) slv_board_item_state_free);
  GListModel *items = slv_board_doc_get_items (doc);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(SlvBoardItem) item = g_list_model_get_item (items, i);
      SlvBoardItemState *s = slv_board_item_dup_state (item);

      g_hash_table_insert (t, s->id, s);
    }
  return t;
}

GHashTable *
board_doc_test_stored_states (SlvStore   *store,
               const char *board_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = slv_board_repo_load_items (store, board_id, &error);
  GHashTable *t = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                         (GDestroyNotify) slv_board_item_state_free);

  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    {
      SlvBoardItemState *s = slv_board_item_state_copy (g_ptr_array_index (rows, i));

      g_hash_table_insert (t, s->id, s);
    }
  return t;
}

void
board_doc_test_assert_same_states (GHashTable *a,
                    GHashTable *b)
{
  GHashTableIter iter;
  gpointer key, value;

  g_assert_cmpuint (g_hash_table_size (a), ==, g_hash_table_size (b));
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      SlvBoardItemState *other = g_hash_table_lookup (b, key);

      g_assert_nonnull (other);
      if (!slv_board_item_state_equal (value, other))
        g_error ("item %s differs", (char *) key);
    }
}

/* The model matches the workspace, and a board opened afresh matches both. */
void
board_doc_test_assert_saved (Fixture *f)
{
  g_autoptr(GHashTable) model = board_doc_test_model_states (f->doc);
  g_autoptr(GHashTable) stored = board_doc_test_stored_states (f->store, f->board_id);

  board_doc_test_assert_same_states (model, stored);
}

SlvBoardItem *
board_doc_test_item_at (SlvBoardDoc *doc,
         guint        i)
{
  g_autoptr(SlvBoardItem) item = g_list_model_get_item (slv_board_doc_get_items (doc), i);

  return item;   /* the model keeps it alive */
}

const char *
board_doc_test_id_at (SlvBoardDoc *doc,
       guint        i)
{
  return slv_entity_get_id (SLV_ENTITY (board_doc_test_item_at (doc, i)));
}

guint
board_doc_test_n_items (SlvBoardDoc *doc)
{
  return g_list_model_get_n_items (slv_board_doc_get_items (doc));
}
