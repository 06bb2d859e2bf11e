/* slv-server-serve.c: `selvedge-server serve` and the shared error exit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-server"

#include "config.h"

#include <glib-unix.h>
#include <stdio.h>

#include "slv-server-cli.h"
#include "slv-server-crypto.h"
#include "slv-server-private.h"

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

