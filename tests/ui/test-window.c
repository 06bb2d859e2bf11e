/* test-window.c: the real window on a demo workspace, driven by its actions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "slv-test-util.h"
#include "slv-ui-test-util.h"
#include "slv-boards-page.h"
#include "slv-list-page.h"
#include "slv-window.h"
#include "core/slv-board.h"
#include "core/slv-material.h"
#include "services/slv-demo.h"
#include "services/slv-workspace.h"
#include "store/slv-repo.h"

typedef struct
{
  char      *dir;
  SlvStore  *store;
  SlvWindow *window;
} Fixture;

/* Runs the main loop until @done returns TRUE (or fails after 60 s: a
 * sanitised build on a busy machine is slow). */
static void
wait_until (gboolean (*done) (gpointer),
            gpointer   data)
{
  slv_ui_test_wait_until (done, data, 60);
}

static gboolean
page_loaded (gpointer data)
{
  return !slv_list_page_get_loading (data) && g_strcmp0 (slv_list_page_get_view (data), "loading") != 0;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = slv_test_make_tmpdir ("slv-ui");
  path = g_build_filename (f->dir, "Demo.selvedge", NULL);
  if (data != NULL)
    f->store = slv_workspace_create_empty (path, "Empty Brand", &error);
  else
    f->store = slv_demo_create (path, &error);
  g_assert_no_error (error);
  f->window = g_object_ref_sink (slv_window_new (NULL, f->store));
  gtk_window_present (GTK_WINDOW (f->window));
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

static void
activate (Fixture    *f,
          const char *action,
          const char *param)
{
  g_action_group_activate_action (G_ACTION_GROUP (f->window), action,
                                  param ? g_variant_new_string (param) : NULL);
}

static void
test_switch_pages (Fixture       *f,
                   gconstpointer  data)
{
  const char *pages[] = { "boards", "styles", "materials", "cost-master", "production", "insights" };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      activate (f, "show-page", pages[i]);
      g_assert_cmpstr (slv_window_get_page (f->window), ==, pages[i]);
    }
  /* an unknown page leaves the current one */
  activate (f, "show-page", "nope");
  g_assert_cmpstr (slv_window_get_page (f->window), ==, "insights");
}

static void
test_search_materials (Fixture       *f,
                       gconstpointer  data)
{
  SlvListPage *page = SLV_LIST_PAGE (slv_window_get_page_widget (f->window, "materials"));
  GListModel *model = slv_list_page_get_model (page);

  activate (f, "show-page", "materials");
  wait_until (page_loaded, page);
  g_assert_cmpuint (g_list_model_get_n_items (model), >=, 40);
  g_assert_cmpstr (slv_list_page_get_view (page), ==, "list");

  activate (f, "search", "jersey");
  wait_until (page_loaded, page);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 6);
  for (guint i = 0; i < 6; i++)
    {
      g_autoptr(SlvMaterial) m = g_list_model_get_item (model, i);
      g_autofree char *name = g_utf8_strdown (slv_material_get_name (m), -1);

      g_assert_nonnull (strstr (name, "jersey"));
    }

  /* sort by price, highest first, as a click on the header does */
  gtk_widget_activate_action (GTK_WIDGET (page), "list-page.sort", "(sb)", "price", TRUE);
  {
    g_autoptr(SlvMaterial) first = g_list_model_get_item (model, 0);
    g_autoptr(SlvMaterial) last = g_list_model_get_item (model, 5);

    g_assert_cmpstr (slv_material_get_price (first), ==, "6.85");
    g_assert_cmpstr (slv_material_get_price (last), ==, "5.15");
  }

  activate (f, "search", "no such fabric");
  wait_until (page_loaded, page);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_cmpstr (slv_list_page_get_view (page), ==, "empty");
}

static gboolean
boards_loaded (gpointer data)
{
  Fixture *f = data;
  SlvBoardsPage *page = SLV_BOARDS_PAGE (slv_window_get_page_widget (f->window, "boards"));

  return g_list_model_get_n_items (slv_boards_page_get_model (page)) == 3;
}

static void
test_new_board (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvEntity) board = NULL;

  activate (f, "new-board", "Fogbank — colour");
  wait_until (boards_loaded, f);
  g_assert_cmpstr (slv_window_get_page (f->window), ==, "boards");
  board = slv_repo_find_by_code (f->store, SLV_TYPE_BOARD, "Fogbank — colour", &error);
  g_assert_no_error (error);
  g_assert_cmpint (slv_board_get_item_count (SLV_BOARD (board)), ==, 0);
}

static void
test_empty_workspace (Fixture       *f,
                      gconstpointer  data)
{
  SlvListPage *page = SLV_LIST_PAGE (slv_window_get_page_widget (f->window, "styles"));

  activate (f, "show-page", "styles");
  wait_until (page_loaded, page);
  g_assert_cmpuint (g_list_model_get_n_items (slv_list_page_get_model (page)), ==, 0);
  g_assert_cmpstr (slv_list_page_get_view (page), ==, "empty");
}

static gboolean
folded (gpointer data)
{
  return slv_window_get_folded (data);
}

static void
test_narrow_window_folds (Fixture       *f,
                          gconstpointer  data)
{
  gtk_window_set_default_size (GTK_WINDOW (f->window), 380, 700);
  wait_until (folded, f->window);

  /* a page is shown alone; going back shows the sidebar; choosing a page leaves it */
  activate (f, "show-page", "materials");
  g_assert_false (slv_window_get_sidebar_shown (f->window));
  activate (f, "show-sidebar", NULL);
  g_assert_true (slv_window_get_sidebar_shown (f->window));
  activate (f, "show-page", "styles");
  g_assert_false (slv_window_get_sidebar_shown (f->window));
  g_assert_cmpstr (slv_window_get_page (f->window), ==, "styles");
}

int
main (int argc, char **argv)
{
  if (!slv_ui_test_init (&argc, &argv, "/ui/window/no-display"))
    return g_test_run ();
#define ADD(path, fn, data) g_test_add (path, Fixture, data, fixture_setup, fn, fixture_teardown)
  ADD ("/ui/window/switch-pages", test_switch_pages, NULL);
  ADD ("/ui/window/search-materials", test_search_materials, NULL);
  ADD ("/ui/window/new-board", test_new_board, NULL);
  ADD ("/ui/window/empty-workspace", test_empty_workspace, "empty");
  ADD ("/ui/window/narrow-window-folds", test_narrow_window_folds, NULL);
#undef ADD
  return g_test_run ();
}
