/* slv-server-main.c: selvedge-server, the Selvedge sync server.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-server"

#include "config.h"

#include <glib-unix.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "slv-server-cli.h"
#include "slv-server-crypto.h"
#include "slv-server-private.h"

typedef struct
{
  const char *name;
  int       (*run) (int argc, char **argv);
  const char *summary;
} Command;

static const Command commands[] = {
  { "serve", slv_server_cmd_serve, "run the sync server" },
  { "migrate", slv_server_cmd_migrate, "create or upgrade the database schema" },
  { "add-user", slv_server_cmd_add_user, "create a user" },
  { "grant", slv_server_cmd_grant, "give a user a role on a brand, costing or supplier scope" },
  { "revoke", slv_server_cmd_revoke, "take a role away" },
  { "passwd", slv_server_cmd_passwd, "set a password and sign the user out everywhere" },
  { "gc", slv_server_cmd_gc, "purge old tombstones, stale batches and orphan uploads" },
  { "index", slv_server_cmd_index, "send changed rows to Elasticsearch" },
};

int
slv_server_fail (const char *format,
                 ...)
{
  g_autofree char *msg = NULL;
  va_list args;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  fprintf (stderr, "selvedge-server: %s\n", msg);
  return 1;
}

static gboolean
quit_cb (gpointer user_data)
{
  slv_log_event ("info", "shutting down", NULL);
  g_main_loop_quit (user_data);
  return G_SOURCE_CONTINUE;
}

int
slv_server_cmd_serve (int    argc,
                      char **argv)
{
  SlvServerConfig *config = slv_server_config_new ();
  g_autofree char *secret_file = NULL;
  g_autofree char *jwt_alg = NULL;
  g_autofree char *node = NULL;
  g_autofree GOptionEntry *pg = slv_server_config_pg_entries (config, &secret_file);
  g_autofree GOptionEntry *serve = slv_server_config_serve_entries (config, &jwt_alg, &node);
  g_autoptr(GOptionContext) ctx = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvServer) server = NULL;
  g_autoptr(GMainLoop) loop = NULL;

  g_option_context_set_summary (ctx, "- run the sync server");
  g_option_context_add_main_entries (ctx, pg, NULL);
  g_option_context_add_main_entries (ctx, serve, NULL);
  if (!g_option_context_parse (ctx, &argc, &argv, &error) ||
      !slv_server_config_finish (config, secret_file, jwt_alg, node, TRUE, &error) ||
      !slv_crypto_init (&error))
    {
      slv_server_config_free (config);
      return slv_server_fail ("serve: %s", error->message);
    }
  slv_log_init ();
  server = slv_server_new (config);
  if (!slv_server_start (server, &error))
    return slv_server_fail ("serve: %s", error->message);
  loop = g_main_loop_new (NULL, FALSE);
  g_unix_signal_add (SIGINT, quit_cb, loop);
  g_unix_signal_add (SIGTERM, quit_cb, loop);
  g_main_loop_run (loop);
  return 0;
}

static void
usage (FILE *out)
{
  fprintf (out, "Usage: selvedge-server COMMAND [OPTION…]\n\nCommands:\n");
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-10s %s\n", commands[i].name, commands[i].summary);
  fprintf (out, "\nRun “selvedge-server COMMAND --help” for the options of a command.\n");
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  if (argc < 2 || strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0)
    {
      usage (argc < 2 ? stderr : stdout);
      return argc < 2 ? 2 : 0;
    }
  if (strcmp (argv[1], "--version") == 0)
    {
      printf ("selvedge-server %s\n", PACKAGE_VERSION);
      return 0;
    }
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (argv[1], commands[i].name) == 0)
      {
        g_autofree char *prog = g_strdup_printf ("selvedge-server %s", argv[1]);

        g_set_prgname (prog);
        argv[1] = argv[0];
        return commands[i].run (argc - 1, argv + 1);
      }
  fprintf (stderr, "selvedge-server: unknown command “%s”.\n\n", argv[1]);
  usage (stderr);
  return 2;
}
