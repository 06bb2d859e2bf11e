/* slv-sync-store-private.h: shared by slv-sync-*.c in src/store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "slv-capture-private.h"
#include "slv-sync-store.h"
#include "sync/slv-sync-policy.h"

G_BEGIN_DECLS

struct _SlvSyncStore
{
  GObject       parent_instance;

  SlvStore     *store;
  sqlite3      *db;
  GRecMutex     lock;
  GHashTable   *statements;   /* SQL → sqlite3_stmt* */
  GHashTable   *columns;      /* table → (column → "notnull,default") */
  SlvCapture   *capture;
  int           level;
  gint64        pending_rows; /* rows waiting in sync_pending, -1 unknown */
};

sqlite3_stmt *ss_prepare      (SlvSyncStore  *self,
                               const char    *sql,
                               GError       **error);
gboolean      ss_exec         (SlvSyncStore  *self,
                               const char    *sql,
                               GError       **error);
gboolean      ss_done         (SlvSyncStore  *self,
                               sqlite3_stmt  *stmt,
                               GError       **error);
void          ss_set_error    (SlvSyncStore  *self,
                               GError       **error,
                               const char    *what);
gboolean      ss_begin        (SlvSyncStore  *self,
                               GError       **error);
gboolean      ss_commit       (SlvSyncStore  *self,
                               GError       **error);
void          ss_rollback     (SlvSyncStore  *self);
void          ss_bind_text    (sqlite3_stmt  *stmt,
                               int            index,
                               const char    *text);
char         *ss_dup_text     (sqlite3_stmt  *stmt,
                               int            column);
/* Columns of a local table (name → "notnull,has_default"); empty if none. */
GHashTable   *ss_columns      (SlvSyncStore  *self,
                               const char    *table);
/* The policy of a table this workspace holds at its level, or NULL. */
const SlvSyncTablePolicy *ss_known_table (SlvSyncStore             *self,
                                          const char               *table);
const SlvSyncFieldPolicy *ss_known_field (SlvSyncStore             *self,
                                          const SlvSyncTablePolicy *table,
                                          const char               *field);
/* Binds a wire value (JSON) as the SQLite value of @field. */
void          ss_bind_wire    (sqlite3_stmt             *stmt,
                               int                       index,
                               const SlvSyncFieldPolicy *field,
                               JsonNode                 *value);
/* The local value of a field in the sync clock order: writes @value (JSON
 * text or node) with @hlc when @hlc is newer than the field's clock. */
gboolean      ss_write_field  (SlvSyncStore             *self,
                               const SlvSyncTablePolicy *table,
                               const SlvSyncFieldPolicy *field,
                               const char               *row_id,
                               JsonNode                 *value,
                               const char               *hlc,
                               gboolean                  force,
                               gboolean                 *written,
                               GError                  **error);
/* Removes a row and its sync records (evictions, lost buckets). */
gboolean      ss_delete_row   (SlvSyncStore  *self,
                               const char    *table,
                               const char    *row_id,
                               GError       **error);
/* slv-sync-row-ops.c: expands the row ops (field "*") at @seqs into
 * field ops in their place. */
gboolean      ss_expand_row_ops (SlvSyncStore *self,
                                 GArray       *seqs,
                                 GError      **error);
gboolean      ss_recv         (SlvSyncStore  *self,
                               const char    *hlc,
                               GError       **error);

G_END_DECLS
