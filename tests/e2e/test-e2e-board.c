/* test-e2e-board.c: the real selvedge binary opens a board and takes canvas
 * commands over D-Bus (org.gtk.Actions: win.open-board, win.canvas-action);
 * the workspace on disk has the edits and the view once the app quits.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>

#include "slv-test-util.h"
#include "core/slv-board.h"
#include "services/slv-board-doc.h"
#include "services/slv-demo.h"
#include "store/slv-repo.h"

#define BUS_NAME "org.selvedge.Selvedge"
#define APP_PATH "/org/selvedge/Selvedge"
#define WINDOW_PATH "/org/selvedge/Selvedge/window/1"
#define BOARD "Coastline — mood"
#define NOTE "Written over D-Bus"

static gboolean
has_actions (GDBusConnection *bus)
{
  g_autoptr(GVariant) reply = NULL;

  reply = g_dbus_connection_call_sync (bus, BUS_NAME, WINDOW_PATH, "org.gtk.Actions", "List",
                                       NULL, G_VARIANT_TYPE ("(as)"), G_DBUS_CALL_FLAGS_NONE,
                                       1000, NULL, NULL);
  return reply != NULL;
}

static void
activate (GDBusConnection *bus,
          const char      *path,
          const char      *action,
          GVariant        *parameter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;
  GVariantBuilder params;

  g_variant_builder_init (&params, G_VARIANT_TYPE ("av"));
  if (parameter != NULL)
    g_variant_builder_add (&params, "v", parameter);
  reply = g_dbus_connection_call_sync (bus, BUS_NAME, path, "org.gtk.Actions", "Activate",
                                       g_variant_new ("(sava{sv})", action, &params, NULL),
                                       NULL, G_DBUS_CALL_FLAGS_NONE, 5000, NULL, &error);
  g_assert_no_error (error);
}

static void
canvas (GDBusConnection *bus,
        const char      *name,
        GVariant        *parameter)
{
  activate (bus, WINDOW_PATH, "canvas-action",
            g_variant_new ("(sv)", name, parameter ? parameter : g_variant_new_string ("")));
}

static SlvBoardDoc *
load_board (const char *path)
{
  g_autoptr(SlvStore) store = slv_store_open (path, SLV_STORE_OPEN_DEFAULT, NULL);
  g_autoptr(SlvEntity) board = NULL;

  if (store == NULL)
    return NULL;
  board = slv_repo_find_by_code (store, SLV_TYPE_BOARD, BOARD, NULL);
  return board ? slv_board_doc_load (store, slv_entity_get_id (board), NULL) : NULL;
}

static gboolean
note_on_disk (const char *path)
{
  g_autoptr(SlvBoardDoc) doc = load_board (path);
  GListModel *items = doc ? slv_board_doc_get_items (doc) : NULL;

  for (guint i = 0; items && i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(SlvBoardItem) item = g_list_model_get_item (items, i);

      if (g_strcmp0 (slv_board_item_get_text (item), NOTE) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
test_board_over_dbus (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *workspace = NULL;
  g_autofree char *binary = slv_test_build_path ("src/ui/selvedge");
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvStore) store = NULL;
  g_autoptr(SlvBoardDoc) doc = NULL;
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  gboolean written = FALSE;
  double x, y, zoom;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_test_skip ("No display: run the suite through build-aux/test (Xvfb and a session bus).");
      return;
    }
  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  if (bus == NULL)
    {
      g_test_skip ("No session bus: run the suite through build-aux/test.");
      return;
    }
  dir = slv_test_make_tmpdir ("slv-e2e-board");
  workspace = g_build_filename (dir, "Board.selvedge", NULL);
  store = slv_demo_create (workspace, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  proc = g_subprocess_launcher_spawn (launcher, &error, binary, workspace, NULL);
  g_assert_no_error (error);
  /* up to a minute: a sanitised build starting on a busy machine is slow */
  for (int i = 0; i < 1200 && !has_actions (bus); i++)
    g_usleep (50 * 1000);
  g_assert_true (has_actions (bus));

  /* the board opens by name; its commands work once it has loaded */
  activate (bus, WINDOW_PATH, "open-board", g_variant_new_string (BOARD));
  for (int i = 0; i < 100 && !written; i++)
    {
      canvas (bus, "add-note", g_variant_new_string (NOTE));
      written = note_on_disk (workspace);
      if (!written)
        g_usleep (100 * 1000);
    }
  g_assert_true (written);
  canvas (bus, "set-view", g_variant_new ("(ddd)", 321.0, 123.0, 1.5));

  activate (bus, APP_PATH, "quit", NULL);
  g_subprocess_wait (proc, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (proc));
  g_assert_cmpint (g_subprocess_get_exit_status (proc), ==, 0);

  /* the view was saved as the app closed */
  doc = load_board (workspace);
  g_assert_nonnull (doc);
  g_assert_true (slv_board_doc_has_view (doc));
  slv_board_doc_get_view (doc, &x, &y, &zoom);
  g_assert_cmpfloat_with_epsilon (x, 321, 1e-9);
  g_assert_cmpfloat_with_epsilon (y, 123, 1e-9);
  g_assert_cmpfloat_with_epsilon (zoom, 1.5, 1e-9);
  g_clear_object (&doc);
  slv_test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  /* Not G_TEST_OPTION_ISOLATE_DIRS: see test-e2e-dbus.c. */
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/e2e/board/commands-over-dbus", test_board_over_dbus);
  return g_test_run ();
}
