/* test-e2e-dbus.c: start the real selvedge binary on a workspace, drive it
 * over D-Bus (org.gtk.Actions) like any other client, and check the
 * workspace on disk.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>

#include "slv-test-util.h"
#include "core/slv-board.h"
#include "services/slv-demo.h"
#include "store/slv-repo.h"

#define BUS_NAME "org.selvedge.Selvedge"
#define APP_PATH "/org/selvedge/Selvedge"
#define WINDOW_PATH "/org/selvedge/Selvedge/window/1"

static gboolean
has_actions (GDBusConnection *bus,
             const char      *path)
{
  g_autoptr(GVariant) reply = NULL;

  reply = g_dbus_connection_call_sync (bus, BUS_NAME, path, "org.gtk.Actions", "List",
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

static gboolean
board_exists (const char *path,
              const char *name)
{
  g_autoptr(SlvStore) store = slv_store_open (path, SLV_STORE_OPEN_DEFAULT, NULL);
  g_autoptr(SlvEntity) board = NULL;

  if (store == NULL)
    return FALSE;
  board = slv_repo_find_by_code (store, SLV_TYPE_BOARD, name, NULL);
  return board != NULL;
}

static void
wait_for (gboolean (*done) (gpointer), gpointer data, const char *what)
{
  /* up to a minute: a sanitised build starting on a busy machine is slow */
  for (int i = 0; i < 1200; i++)
    {
      if (done (data))
        return;
      g_usleep (50 * 1000);
    }
  g_error ("timed out waiting for %s", what);
}

typedef struct
{
  GDBusConnection *bus;
  const char      *path;
  const char      *name;
} Ctx;

static gboolean
window_ready (gpointer data)
{
  Ctx *c = data;

  return has_actions (c->bus, c->path);
}

static gboolean
board_on_disk (gpointer data)
{
  Ctx *c = data;

  return board_exists (c->path, c->name);
}

static void
test_dbus_action_writes_workspace (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *workspace = NULL;
  g_autofree char *binary = slv_test_build_path ("src/ui/selvedge");
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvStore) store = NULL;
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  Ctx ctx = { 0 };

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

  dir = slv_test_make_tmpdir ("slv-e2e");
  workspace = g_build_filename (dir, "E2E.selvedge", NULL);
  store = slv_demo_create (workspace, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  proc = g_subprocess_launcher_spawn (launcher, &error, binary, workspace, NULL);
  g_assert_no_error (error);

  ctx.bus = bus;
  ctx.path = WINDOW_PATH;
  wait_for (window_ready, &ctx, "the window on the session bus");

  activate (bus, WINDOW_PATH, "show-page", g_variant_new_string ("materials"));
  activate (bus, WINDOW_PATH, "new-board", g_variant_new_string ("Made over D-Bus"));

  ctx.path = workspace;
  ctx.name = "Made over D-Bus";
  wait_for (board_on_disk, &ctx, "the new board in the workspace on disk");

  activate (bus, APP_PATH, "quit", NULL);
  g_subprocess_wait (proc, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (proc));
  g_assert_cmpint (g_subprocess_get_exit_status (proc), ==, 0);

  /* the workspace is whole after the app closed it */
  store = slv_store_open (workspace, SLV_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (slv_store_check_integrity (store, &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  slv_test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  /* Not G_TEST_OPTION_ISOLATE_DIRS: the app needs the system MIME database
   * (XDG_DATA_DIRS) for its icons; meson points XDG_*_HOME at the build tree. */
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/e2e/dbus/action-writes-workspace", test_dbus_action_writes_workspace);
  return g_test_run ();
}
