/* slv-server-es.c: the Elasticsearch indexer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-server"

#include "config.h"

#include "slv-server-cli.h"

int
slv_server_cmd_index (int    argc,
                      char **argv)
{
  return slv_server_fail ("index: not yet");
}
