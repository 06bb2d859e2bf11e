/* test-e2e-sync.c: two real `selvedge` processes under Xvfb, each on its
 * own workspace signed in to the real server; an edit made in one (over
 * D-Bus, org.gtk.Actions) appears in the other after a sync.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>
#include <sys/wait.h>

#include "sync-test-util.h"

#define APP_BUS  "org.selvedge.Selvedge."
#define APP_PATH "/org/selvedge/Selvedge/"

typedef struct
{
  const char  *name;          /* instance: A or B */
  char        *workspace;
  char        *bus_name;
  char        *app_path;
  char        *window_path;
  GSubprocess *process;
} App;

static char *tokens;
static char *password_file;

static int
run_cli (const char *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  va_list ap;

  g_ptr_array_add (argv, slv_test_build_path ("src/cli/selvedge-cli"));
  g_ptr_array_add (argv, g_strdup (first));
  va_start (ap, first);
  for (const char *a = va_arg (ap, const char *); a != NULL; a = va_arg (ap, const char *))
    g_ptr_array_add (argv, g_strdup (a));
  va_end (ap);
  g_ptr_array_add (argv, NULL);
  g_subprocess_launcher_setenv (launcher, "SELVEDGE_TOKEN_FILE", tokens, TRUE);
  proc = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_wait (proc, NULL, &error);
  g_assert_no_error (error);
  return g_subprocess_get_exit_status (proc);
}

static gboolean
call (GDBusConnection *bus,
      App             *app,
      const char      *path,
      const char      *method,
      GVariant        *args,
      const GVariantType *reply_type,
      GError            **error)
{
  g_autoptr(GVariant) reply = g_dbus_connection_call_sync (bus, app->bus_name, path, "org.gtk.Actions", method,
                                                           args, reply_type, G_DBUS_CALL_FLAGS_NONE, 5000, NULL,
                                                           error);

  return reply != NULL;
}

static void
activate (GDBusConnection *bus,
          App             *app,
          const char      *path,
          const char      *action,
          GVariant        *parameter)
{
  GVariantBuilder params;

  g_variant_builder_init (&params, G_VARIANT_TYPE ("av"));
  if (parameter != NULL)
    g_variant_builder_add (&params, "v", parameter);
  if (!call (bus, app, path, "Activate", g_variant_new ("(sava{sv})", action, &params, NULL), NULL, NULL))
    g_error ("could not activate %s on %s", action, app->name);
}

static void
start_app (App *app)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autofree char *binary = slv_test_build_path ("src/ui/selvedge");
  g_autoptr(GError) error = NULL;

  app->bus_name = g_strconcat (APP_BUS, app->name, NULL);
  app->app_path = g_strconcat (APP_PATH, app->name, NULL);
  app->window_path = g_strconcat (app->app_path, "/window/1", NULL);
  g_subprocess_launcher_setenv (launcher, "SELVEDGE_INSTANCE", app->name, TRUE);
  g_subprocess_launcher_setenv (launcher, "SELVEDGE_TOKEN_FILE", tokens, TRUE);
  g_subprocess_launcher_setenv (launcher, "GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  app->process = g_subprocess_launcher_spawn (launcher, &error, binary, app->workspace, NULL);
  g_assert_no_error (error);
}

static gboolean
board_in (const char *workspace,
          const char *name)
{
  g_autofree char *db_path = g_build_filename (workspace, "workspace.db", NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean found = FALSE;

  if (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
      sqlite3_prepare_v2 (db, "SELECT 1 FROM board WHERE name = ?1 AND deleted = 0", -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
      found = sqlite3_step (stmt) == SQLITE_ROW;
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return found;
}

static char *
make_workspace (const char *dir,
                const char *name,
                const char *brand,
                gboolean    seed)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvStore) store = slv_store_open (path, SLV_STORE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  if (seed)
    g_assert_true (slv_store_insert (store, "brand", NULL, &error, "id", brand, "code", "E2E", "name", "End to end",
                                     NULL));
  g_assert_no_error (error);
  return path;
}

static void
exited_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  *(gboolean *) user_data = TRUE;
}

/* Whether @app ends by itself within @seconds; if not, it is stopped, so
 * none outlives the test (and keeps its output open). */
static gboolean
ends_within (App   *app,
             guint  seconds)
{
  gint64 end = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;
  gboolean exited = FALSE;

  g_subprocess_wait_async (app->process, NULL, exited_cb, &exited);
  while (!exited && g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (10 * 1000);
  if (exited)
    return TRUE;
  g_subprocess_force_exit (app->process);
  while (!exited)
    g_main_context_iteration (NULL, TRUE);
  return FALSE;
}

/* Quits @app over D-Bus and checks it ends well; FALSE if it did not end.
 * The reply can still be lost when the app ends as it sends it (or the
 * call time out on a busy machine): then the app must end by itself. */
static gboolean
quit (GDBusConnection *bus,
      App             *app)
{
  g_autoptr(GError) error = NULL;
  GVariantBuilder params;

  g_variant_builder_init (&params, G_VARIANT_TYPE ("av"));
  if (!call (bus, app, app->app_path, "Activate", g_variant_new ("(sava{sv})", "quit", &params, NULL), NULL,
             &error))
    g_test_message ("quit on %s: no reply (%s)", app->name, error->message);
  if (!ends_within (app, 60))
    {
      g_printerr ("%s did not end after quit\n", app->name);
      return FALSE;
    }
  g_assert_true (g_subprocess_get_if_exited (app->process));
  g_assert_cmpint (g_subprocess_get_exit_status (app->process), ==, 0);
  return TRUE;
}

static void
test_two_apps (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *brand = NULL;
  g_autoptr(SyncUser) user = NULL;
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GError) error = NULL;
  App a = { "A" }, b = { "B" };
  const char *title = "Made in A, seen in B";
  gint64 start, seen = 0;

  SLV_REQUIRE_SERVER ();
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_test_skip ("No display: run the suite under xvfb-run and dbus-run-session.");
      return;
    }
  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  if (bus == NULL)
    {
      g_test_skip ("No session bus: run the suite under dbus-run-session.");
      return;
    }
  user = sync_user_new ("admin", "brand:{}", &brand);
  dir = slv_test_make_tmpdir ("slv-e2e-sync");
  tokens = g_build_filename (dir, "tokens", NULL);
  password_file = g_build_filename (dir, "password", NULL);
  g_assert_true (g_file_set_contents (password_file, SLV_PASSWORD "\n", -1, NULL));
  a.workspace = make_workspace (dir, "A.selvedge", brand, TRUE);
  b.workspace = make_workspace (dir, "B.selvedge", brand, FALSE);
  g_assert_cmpint (run_cli ("login", "--server", slv_env.url, "--email", user->email, "--password-file",
                            password_file, a.workspace, NULL), ==, 0);
  g_assert_cmpint (run_cli ("login", "--server", slv_env.url, "--email", user->email, "--password-file",
                            password_file, b.workspace, NULL), ==, 0);

  start_app (&a);
  start_app (&b);
  for (int i = 0; i < 300 && !(call (bus, &a, a.window_path, "List", NULL, G_VARIANT_TYPE ("(as)"), NULL) &&
                               call (bus, &b, b.window_path, "List", NULL, G_VARIANT_TYPE ("(as)"), NULL)); i++)
    g_usleep (50 * 1000);

  /* the edit, in A, through its window's action */
  activate (bus, &a, a.window_path, "new-board", g_variant_new_string (title));
  start = g_get_monotonic_time ();
  for (int i = 0; i < 200 && !board_in (a.workspace, title); i++)
    g_usleep (50 * 1000);
  g_assert_true (board_in (a.workspace, title));
  /* A syncs on its own after the edit; B is asked to sync until it shows */
  for (int i = 0; i < 300 && !board_in (b.workspace, title); i++)
    {
      if (i % 10 == 0)
        {
          activate (bus, &a, a.window_path, "sync-now", NULL);
          activate (bus, &b, b.window_path, "sync-now", NULL);
        }
      g_usleep (50 * 1000);
    }
  g_assert_true (board_in (b.workspace, title));
  seen = g_get_monotonic_time () - start;
  g_test_message ("the board made in A was in B after %.2f s", seen / 1e6);

  {
    gboolean quit_a = quit (bus, &a);
    gboolean quit_b = quit (bus, &b);

    g_assert_true (quit_a && quit_b);
  }
  g_clear_object (&a.process);
  g_clear_object (&b.process);
  if (g_getenv ("SELVEDGE_KEEP_TMP") == NULL)
    slv_test_rm_rf (dir);
  g_free (tokens);
  g_free (password_file);
  for (App *app = &a; app != NULL; app = app == &a ? &b : NULL)
    {
      g_free (app->workspace);
      g_free (app->bus_name);
      g_free (app->app_path);
      g_free (app->window_path);
    }
}

int
main (int argc, char *argv[])
{
  int rc;

  sync_test_prepare ();
  /* Not G_TEST_OPTION_ISOLATE_DIRS: the apps need the system MIME database
   * (XDG_DATA_DIRS) for their icons; meson points XDG_*_HOME at the build tree. */
  g_test_init (&argc, &argv, NULL);
  sync_env_setup ();
  g_test_add_func ("/e2e/sync/two-apps", test_two_apps);
  rc = g_test_run ();
  sync_env_teardown ();
  return rc;
}
