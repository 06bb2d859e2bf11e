/* slv-server-migrate.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `selvedge-server migrate`: numbered SQL files compiled into the binary,
 * each applied once in its own transaction, then the projection tables
 * (one per synced table of the policy registry) created or extended.
 * Safe to run again and from several machines at once (advisory lock).
 */
#pragma once

#include <libpq-fe.h>
#include <glib.h>

#include "sync/slv-sync.h"

G_BEGIN_DECLS

gboolean    slv_server_migrate         (PGconn                   *conn,
                                        int                      *level,
                                        GError                  **error);
/* The level the binary brings (highest numbered file). */
int         slv_server_schema_level    (void);
/* The PostgreSQL column type of a projected field. */
const char *slv_server_column_type     (SlvSyncFieldType          type);
/* Whether @table has fields marked for search (and so a "search" column). */
gboolean    slv_server_table_searchable (const SlvSyncTablePolicy *table);

G_END_DECLS
