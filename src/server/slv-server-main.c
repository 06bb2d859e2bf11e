/* slv-server-main.c: selvedge-server, the Selvedge sync server.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-server"

#include "config.h"

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
