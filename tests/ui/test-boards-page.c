/* test-boards-page.c: the shelf of boards in the real window, driven by the
 * page's actions: new, rename, duplicate, delete with undo, thumbnails.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "slv-test-util.h"
#include "slv-ui-test-util.h"
#include "slv-boards-page.h"
#include "slv-window.h"
#include "core/slv-board.h"
#include "services/slv-demo.h"
#include "store/slv-repo.h"

typedef struct
{
  char          *dir;
  SlvStore      *store;
  SlvWindow     *window;
  SlvBoardsPage *page;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = slv_test_make_tmpdir ("slv-ui-shelf");
  path = g_build_filename (f->dir, "Demo.selvedge", NULL);
  f->store = slv_demo_create (path, &error);
  g_assert_no_error (error);
  f->window = g_object_ref_sink (slv_window_new (NULL, f->store));
  gtk_window_present (GTK_WINDOW (f->window));
  g_action_group_activate_action (G_ACTION_GROUP (f->window), "show-page", g_variant_new_string ("boards"));
  f->page = SLV_BOARDS_PAGE (slv_window_get_page_widget (f->window, "boards"));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_assert_finalize_object (f->window);
  g_clear_object (&f->store);
  slv_test_rm_rf (f->dir);
  g_free (f->dir);
}

static guint
n_boards (Fixture *f)
{
  return g_list_model_get_n_items (slv_boards_page_get_model (f->page));
}

static SlvBoard *
board_named (Fixture    *f,
             const char *name)
{
  GListModel *boards = slv_boards_page_get_model (f->page);

  for (guint i = 0; i < g_list_model_get_n_items (boards); i++)
    {
      g_autoptr(SlvBoard) board = g_list_model_get_item (boards, i);

      if (g_strcmp0 (slv_board_get_name (board), name) == 0)
        return board;   /* the list keeps it */
    }
  return NULL;
}

static void
act (Fixture    *f,
     const char *name,
     GVariant   *parameter)
{
  g_autofree char *full = g_strconcat ("boards.", name, NULL);
  g_autoptr(GVariant) sunk = parameter ? g_variant_ref_sink (parameter) : NULL;

  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (f->page), full, sunk));
}

static char *
saved_name (Fixture    *f,
            const char *id)
{
  g_autoptr(SlvEntity) board = slv_repo_get (f->store, SLV_TYPE_BOARD, id, NULL);

  return board && !slv_entity_get_deleted (board) ? g_strdup (slv_board_get_name (SLV_BOARD (board))) : NULL;
}

static void
test_shelf_commands (Fixture       *f,
                     gconstpointer  data)
{
  SlvBoard *mood = board_named (f, "Coastline — mood");
  g_autofree char *mood_id = g_strdup (slv_entity_get_id (SLV_ENTITY (mood)));
  g_autofree char *fog_id = NULL;
  g_autofree char *copy_id = NULL;
  g_autofree char *name = NULL;
  SlvBoard *fog, *copy;

  g_assert_cmpuint (n_boards (f), ==, 2);

  /* a second board in the Coastline collection */
  act (f, "create", g_variant_new ("(ss)", "Fogbank", slv_board_get_collection_id (mood)));
  g_assert_cmpuint (n_boards (f), ==, 3);
  fog = board_named (f, "Fogbank");
  g_assert_nonnull (fog);
  fog_id = g_strdup (slv_entity_get_id (SLV_ENTITY (fog)));
  g_assert_cmpstr (slv_board_get_collection_name (fog), ==, "Coastline");

  /* renamed, in the list and on disk */
  act (f, "rename", g_variant_new ("(ss)", fog_id, "Fogbank — colour"));
  g_assert_nonnull (board_named (f, "Fogbank — colour"));
  name = saved_name (f, fog_id);
  g_assert_cmpstr (name, ==, "Fogbank — colour");

  /* duplicated with every item */
  act (f, "duplicate", g_variant_new_string (mood_id));
  g_assert_cmpuint (n_boards (f), ==, 4);
  copy = board_named (f, "Coastline — mood (copy)");
  g_assert_nonnull (copy);
  g_assert_cmpint (slv_board_get_item_count (copy), ==, 14);
  copy_id = g_strdup (slv_entity_get_id (SLV_ENTITY (copy)));

  /* deleted, then brought back by undo, then gone again by redo */
  act (f, "delete", g_variant_new_string (copy_id));
  g_assert_cmpuint (n_boards (f), ==, 3);
  g_assert_null (saved_name (f, copy_id));
  act (f, "undo", NULL);
  g_assert_cmpuint (n_boards (f), ==, 4);
  g_clear_pointer (&name, g_free);
  name = saved_name (f, copy_id);
  g_assert_cmpstr (name, ==, "Coastline — mood (copy)");
  act (f, "redo", NULL);
  g_assert_cmpuint (n_boards (f), ==, 3);

  /* a bad name is refused, and the list is as it was */
  gtk_widget_activate_action (GTK_WIDGET (f->page), "boards.rename", "(ss)", fog_id, "   ");
  g_assert_nonnull (board_named (f, "Fogbank — colour"));
}

static gboolean
thumbnail_shown (gpointer data)
{
  return slv_boards_page_get_n_thumbnails (data) >= 1;
}

static void
test_thumbnails (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *cache = slv_store_dup_cache_dir (f->store);
  g_autofree char *dir = g_build_filename (cache, "thumbnails", NULL);
  g_autoptr(GDir) listing = NULL;
  const char *file;
  guint n = 0;
  int w = 0, h = 0;

  /* the demo's mood board is drawn small; the empty one has no picture */
  slv_ui_test_wait_until (thumbnail_shown, f->page, 30);
  listing = g_dir_open (dir, 0, NULL);
  g_assert_nonnull (listing);
  while ((file = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, file, NULL);

      g_assert_true (g_str_has_suffix (file, ".png"));
      g_assert_nonnull (gdk_pixbuf_get_file_info (path, &w, &h));
      g_assert_cmpint (MAX (w, h), <=, 360);
      g_assert_cmpint (MAX (w, h), >=, 300);
      n++;
    }
  g_assert_cmpuint (n, ==, 1);
}

int
main (int argc, char **argv)
{
  if (!slv_ui_test_init (&argc, &argv, "/ui/boards-page/no-display"))
    return g_test_run ();
  g_test_add ("/ui/boards-page/shelf-commands", Fixture, NULL, fixture_setup, test_shelf_commands, fixture_teardown);
  g_test_add ("/ui/boards-page/thumbnails", Fixture, NULL, fixture_setup, test_thumbnails, fixture_teardown);
  return g_test_run ();
}
