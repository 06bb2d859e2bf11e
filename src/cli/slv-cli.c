/* slv-cli.c: selvedge-cli, headless batch work on a workspace.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "slv-cli.h"

static const SlvCliCommand *groups[] = {
  slv_cli_workspace_commands,
  slv_cli_price_commands,
  slv_cli_import_commands,
  slv_cli_clo_commands,
  slv_cli_board_commands,
  slv_cli_review_commands,
  slv_cli_sync_commands,
};

int
slv_cli_fail (const char *format,
              ...)
{
  g_autofree char *msg = NULL;
  va_list args;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  fprintf (stderr, "selvedge-cli: %s\n", msg);
  return SLV_CLI_ERROR;
}

int
slv_cli_fail_error (GError *error)
{
  int rc = slv_cli_fail ("%s", error ? error->message : _("unknown error"));

  g_clear_error (&error);
  return rc;
}

SlvStore *
slv_cli_open_store (const char  *path,
                    GError     **error)
{
  return slv_store_open (path, SLV_STORE_OPEN_DEFAULT, error);
}

void
slv_cli_print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (gen, TRUE);
  json_generator_set_root (gen, node);
  text = json_generator_to_data (gen, NULL);
  printf ("%s\n", text);
}

gboolean
slv_cli_parse (const char    *command,
               const char    *args,
               GOptionEntry  *entries,
               int           *argc,
               char        ***argv)
{
  g_autofree char *param = g_strdup_printf ("%s %s", command, args);
  g_autoptr(GOptionContext) ctx = g_option_context_new (param);
  g_autoptr(GError) error = NULL;

  g_option_context_set_help_enabled (ctx, TRUE);
  if (entries != NULL)
    g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (ctx, argc, argv, &error))
    {
      slv_cli_fail ("%s: %s", command, error->message);
      return FALSE;
    }
  return TRUE;
}

static void
usage (FILE *out)
{
  fprintf (out, "%s\n\n", _("Usage: selvedge-cli COMMAND [OPTIONS] ARGUMENTS"));
  fprintf (out, "%s\n", _("Commands:"));
  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    for (const SlvCliCommand *c = groups[g]; c->name != NULL; c++)
      {
        g_autofree char *head = g_strdup_printf ("%s %s", c->name, c->args);

        fprintf (out, "  %-44s %s\n", head, _(c->summary));
      }
  fprintf (out, "\n%s\n", _("Run “selvedge-cli COMMAND --help” for a command’s options."));
  fprintf (out, "%s\n", _("Exit status: 0 done, 1 partly done, 2 nothing done (error)."));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    {
      usage (stderr);
      return SLV_CLI_ERROR;
    }
  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") || g_str_equal (argv[1], "help"))
    {
      usage (stdout);
      return SLV_CLI_OK;
    }
  if (g_str_equal (argv[1], "--version"))
    {
      printf ("selvedge-cli %s\n", PACKAGE_VERSION);
      return SLV_CLI_OK;
    }
  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    for (const SlvCliCommand *c = groups[g]; c->name != NULL; c++)
      if (g_str_equal (c->name, argv[1]))
        return c->run (argc - 1, argv + 1);

  slv_cli_fail (_("unknown command “%s”."), argv[1]);
  usage (stderr);
  return SLV_CLI_ERROR;
}
