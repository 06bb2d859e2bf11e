/* slv-cli-sync.c: login, logout, sync.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-cli"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "slv-cli.h"
#include "sync/client/slv-sync-engine.h"

typedef struct
{
  GMainLoop      *loop;
  GAsyncResult   *result;
} Wait;

static void
done_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Wait *w = user_data;

  w->result = g_object_ref (result);
  g_main_loop_quit (w->loop);
}

static void
wait_for (Wait *w)
{
  g_main_loop_run (w->loop);
}

static void
wait_clear (Wait *w)
{
  g_clear_object (&w->result);
  g_main_loop_unref (w->loop);
}

static char *
read_password (const char  *file,
               GError     **error)
{
  g_autofree char *text = NULL;
  char line[1024];

  if (file != NULL)
    {
      if (!g_file_get_contents (file, &text, NULL, error))
        return NULL;
      return g_strdup (g_strchomp (text));
    }
  if (isatty (STDIN_FILENO))
    {
      struct termios old, quiet;

      fprintf (stderr, _("Password: "));
      fflush (stderr);
      tcgetattr (STDIN_FILENO, &old);
      quiet = old;
      quiet.c_lflag &= ~ECHO;
      tcsetattr (STDIN_FILENO, TCSANOW, &quiet);
      text = fgets (line, sizeof line, stdin) ? g_strdup (line) : NULL;
      tcsetattr (STDIN_FILENO, TCSANOW, &old);
      fprintf (stderr, "\n");
    }
  else
    text = fgets (line, sizeof line, stdin) ? g_strdup (line) : NULL;
  memset (line, 0, sizeof line);
  if (text == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("No password was given."));
      return NULL;
    }
  return g_strdup (g_strchomp (text));
}

static SlvSyncEngine *
open_engine (const char  *path,
             GError     **error)
{
  g_autoptr(SlvStore) store = slv_cli_open_store (path, error);

  return store ? slv_sync_engine_new (store, NULL, error) : NULL;
}

static char *opt_server;
static char *opt_email;
static char *opt_password_file;
static gboolean opt_json;

static GOptionEntry login_entries[] = {
  { "server", 0, 0, G_OPTION_ARG_STRING, &opt_server, N_("The sync server, such as https://sync.example.com"), "URL" },
  { "email", 0, 0, G_OPTION_ARG_STRING, &opt_email, N_("Your account’s email"), "EMAIL" },
  { "password-file", 0, 0, G_OPTION_ARG_FILENAME, &opt_password_file,
    N_("Read the password from this file (else from the terminal or standard input)"), "FILE" },
  { NULL }
};

static int
run_login (int    argc,
           char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvSyncEngine) engine = NULL;
  g_autofree char *password = NULL;
  Wait w = { g_main_loop_new (NULL, FALSE), NULL };
  int rc;

  if (!slv_cli_parse ("login", "--server URL --email EMAIL PATH", login_entries, &argc, &argv))
    return SLV_CLI_ERROR;
  if (argc != 2 || opt_server == NULL || opt_email == NULL)
    return slv_cli_fail (_("login: give --server, --email and the path of a workspace folder."));
  if ((engine = open_engine (argv[1], &error)) == NULL || (password = read_password (opt_password_file, &error)) == NULL)
    return slv_cli_fail_error (g_steal_pointer (&error));
  slv_sync_engine_sign_in_async (engine, opt_server, opt_email, password, NULL, done_cb, &w);
  memset (password, 0, strlen (password));
  wait_for (&w);
  if (slv_sync_engine_sign_in_finish (engine, w.result, &error))
    {
      fprintf (stderr, _("Signed in to %s as %s; this workspace syncs with it now.\n"), opt_server, opt_email);
      rc = SLV_CLI_OK;
    }
  else
    rc = slv_cli_fail ("%s", error->message);
  wait_clear (&w);
  return rc;
}

static int
run_logout (int    argc,
            char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvSyncEngine) engine = NULL;
  Wait w = { g_main_loop_new (NULL, FALSE), NULL };
  int rc = SLV_CLI_OK;

  if (!slv_cli_parse ("logout", "PATH", NULL, &argc, &argv))
    return SLV_CLI_ERROR;
  if (argc != 2)
    return slv_cli_fail (_("logout: give the path of a workspace folder."));
  if ((engine = open_engine (argv[1], &error)) == NULL)
    return slv_cli_fail_error (g_steal_pointer (&error));
  slv_sync_engine_sign_out_async (engine, NULL, done_cb, &w);
  wait_for (&w);
  if (!slv_sync_engine_sign_out_finish (engine, w.result, &error))
    rc = slv_cli_fail ("%s", error->message);
  else
    fprintf (stderr, _("Signed out. The workspace and its unsent changes are kept.\n"));
  wait_clear (&w);
  return rc;
}

static void
progress_cb (SlvSyncEngine *engine,
             const char    *text,
             gpointer       user_data)
{
  fprintf (stderr, "%s\n", text);
}

#define MEMBER(b, name, value) G_STMT_START { json_builder_set_member_name (b, name); \
                                              json_builder_add_int_value (b, value); } G_STMT_END

static void
print_json (const SlvSyncSummary *s,
            const GError         *error,
            SlvSyncEngine        *engine)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GEnumClass) statuses = g_type_class_ref (SLV_TYPE_SYNC_STATUS);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "ok");
  json_builder_add_boolean_value (b, error == NULL);
  json_builder_set_member_name (b, "status");
  json_builder_add_string_value (b, g_enum_get_value (statuses, slv_sync_engine_get_status (engine))->value_nick);
  if (error != NULL)
    {
      json_builder_set_member_name (b, "error");
      json_builder_add_string_value (b, error->message);
    }
  MEMBER (b, "batches", s->batches);
  MEMBER (b, "pushed", s->pushed);
  MEMBER (b, "acknowledged", s->acked);
  MEMBER (b, "refused", s->refused);
  MEMBER (b, "corrected", s->corrected);
  MEMBER (b, "waiting_for_blobs", s->waiting_blob);
  MEMBER (b, "pages", s->pages);
  MEMBER (b, "pulled", s->pulled);
  MEMBER (b, "skipped", s->skipped);
  MEMBER (b, "unknown", s->unknown);
  MEMBER (b, "evicted", s->evicted);
  MEMBER (b, "uploads", s->uploads);
  MEMBER (b, "downloads", s->downloads);
  MEMBER (b, "restamps", s->restamps);
  MEMBER (b, "pending", error ? slv_sync_engine_get_pending (engine) : s->pending);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  slv_cli_print_json (root);
}

static GOptionEntry sync_entries[] = {
  { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Print a JSON summary"), NULL },
  { NULL }
};

static int
run_sync (int    argc,
          char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvSyncEngine) engine = NULL;
  SlvSyncSummary summary = { 0 };
  Wait w = { g_main_loop_new (NULL, FALSE), NULL };
  gboolean ok;
  int rc;

  opt_json = FALSE;
  if (!slv_cli_parse ("sync", "[--json] PATH", sync_entries, &argc, &argv))
    return SLV_CLI_ERROR;
  if (argc != 2)
    return slv_cli_fail (_("sync: give the path of a workspace folder."));
  if ((engine = open_engine (argv[1], &error)) == NULL)
    return slv_cli_fail_error (g_steal_pointer (&error));
  g_signal_connect (engine, "progress", G_CALLBACK (progress_cb), NULL);
  slv_sync_engine_sync_async (engine, NULL, done_cb, &w);
  wait_for (&w);
  ok = slv_sync_engine_sync_finish (engine, w.result, &summary, &error);
  wait_clear (&w);
  if (opt_json)
    print_json (&summary, error, engine);
  if (!ok)
    return slv_cli_fail ("%s", error->message);
  fprintf (stderr, _("Sent %u changes (%u refused), received %u; %" PRId64 " waiting.\n"),
           summary.pushed, summary.refused, summary.pulled, summary.pending);
  rc = summary.refused > 0 || summary.pending > 0 ? SLV_CLI_PARTIAL : SLV_CLI_OK;
  return rc;
}

const SlvCliCommand slv_cli_sync_commands[] = {
  { "login", "--server URL --email EMAIL [--password-file FILE] PATH",
    N_("Sign a workspace in to a sync server"), run_login },
  { "logout", "PATH", N_("Sign a workspace out (its data and unsent changes stay)"), run_logout },
  { "sync", "[--json] PATH", N_("Sync a workspace once: send its changes, fetch the others’"), run_sync },
  { NULL }
};
