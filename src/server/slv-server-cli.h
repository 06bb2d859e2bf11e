/* slv-server-cli.h: the subcommands of selvedge-server.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Each returns the process exit status. */
int slv_server_cmd_serve    (int argc, char **argv);
int slv_server_cmd_migrate  (int argc, char **argv);
int slv_server_cmd_add_user (int argc, char **argv);
int slv_server_cmd_grant    (int argc, char **argv);
int slv_server_cmd_revoke   (int argc, char **argv);
int slv_server_cmd_passwd   (int argc, char **argv);
int slv_server_cmd_gc       (int argc, char **argv);
int slv_server_cmd_index    (int argc, char **argv);

/* Prints "selvedge-server: <message>" and returns 1. */
int slv_server_fail         (const char *format, ...) G_GNUC_PRINTF (1, 2);

G_END_DECLS
