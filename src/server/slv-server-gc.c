/* slv-server-gc.c: `selvedge-server gc` (SYNC-PROTOCOL.md §8).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-server"

#include "config.h"

#include "slv-server-cli.h"

int
slv_server_cmd_gc (int    argc,
                   char **argv)
{
  return slv_server_fail ("gc: not yet");
}
