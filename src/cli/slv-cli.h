/* slv-cli.h: shared by the selvedge-cli commands.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Exit status: 0 success, 1 partial (some rows rejected, a check failed),
 * 2 error (bad arguments, unreadable workspace, nothing done). Errors go to
 * stderr, results to stdout.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "store/slv-store.h"

G_BEGIN_DECLS

enum { SLV_CLI_OK = 0, SLV_CLI_PARTIAL = 1, SLV_CLI_ERROR = 2 };

typedef struct
{
  const char *name;
  const char *args;      /* usage of the arguments */
  const char *summary;
  int       (*run) (int argc, char **argv);   /* argv[0] is the command name */
} SlvCliCommand;

/* Prints "selvedge-cli: message" on stderr and returns SLV_CLI_ERROR. */
int       slv_cli_fail          (const char   *format,
                                 ...) G_GNUC_PRINTF (1, 2);
int       slv_cli_fail_error    (GError       *error);
/* Opens an existing workspace (never creates one). */
SlvStore *slv_cli_open_store    (const char   *path,
                                 GError      **error);
/* Pretty-prints @node on stdout. */
void      slv_cli_print_json    (JsonNode     *node);
/* Parses @entries from argv; on error prints usage and returns FALSE. */
gboolean  slv_cli_parse         (const char   *command,
                                 const char   *args,
                                 GOptionEntry *entries,
                                 int          *argc,
                                 char       ***argv);

/* Command groups, one file each. */
extern const SlvCliCommand slv_cli_workspace_commands[];
extern const SlvCliCommand slv_cli_price_commands[];
extern const SlvCliCommand slv_cli_import_commands[];
extern const SlvCliCommand slv_cli_clo_commands[];
extern const SlvCliCommand slv_cli_board_commands[];
extern const SlvCliCommand slv_cli_review_commands[];
extern const SlvCliCommand slv_cli_sync_commands[];

G_END_DECLS
