/* slv-store-private.h: shared inside src/store only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "slv-store.h"

G_BEGIN_DECLS

/* How long a connection waits for another one's lock. */
#define SLV_STORE_BUSY_TIMEOUT_MS 5000

/* A first read can be refused busy without the busy handler being asked,
 * while another connection closes or recovers the write-ahead log
 * (SQLite's "queries return SQLITE_BUSY in WAL mode"). For @rc of such a
 * read: TRUE after a short wait when it is worth trying again, up to the
 * busy timeout (*waited_ms counts it). */
gboolean slv_store_retry_busy (int  rc,
                               int *waited_ms);

/* Hold the lock around any use of the connection; it is recursive, so
 * repository functions may call each other inside a transaction. */
void          slv_store_lock              (SlvStore      *self);
void          slv_store_unlock            (SlvStore      *self);
sqlite3      *slv_store_get_db            (SlvStore      *self);

/* A cached prepared statement, reset and with bindings cleared. Owned by the
 * store; valid while the lock is held. NULL with @error set on failure. */
sqlite3_stmt *slv_store_prepare           (SlvStore      *self,
                                           const char    *sql,
                                           GError       **error);
gboolean      slv_store_exec              (SlvStore      *self,
                                           const char    *sql,
                                           GError       **error);
/* Steps a statement that returns no rows (SQLITE_DONE). */
gboolean      slv_store_step_done         (SlvStore      *self,
                                           sqlite3_stmt  *stmt,
                                           GError       **error);
/* Sets @error from the connection's last error, with @what as context. */
void          slv_store_set_error         (SlvStore      *self,
                                           GError       **error,
                                           const char    *what);
gboolean      slv_store_is_identifier     (const char    *name);
/* TRUE if @table has @column (checked against the live schema, cached). */
gboolean      slv_store_has_column        (SlvStore      *self,
                                           const char    *table,
                                           const char    *column);
char         *slv_store_column_dup_text   (sqlite3_stmt  *stmt,
                                           int            column);

G_END_DECLS

G_BEGIN_DECLS
/* A GError (SLV_STORE_ERROR, its code from SQLite's) saying "@what: why". */
void          slv_sql_set_error           (sqlite3       *db,
                                           GError       **error,
                                           const char    *what);
/* The statement for @sql from @cache (reset, bindings cleared), prepared
 * and cached on first use; NULL with @error ("@what: …") if it fails. */
sqlite3_stmt *slv_sql_prepare_cached      (sqlite3       *db,
                                           GHashTable    *cache,
                                           const char    *sql,
                                           const char    *what,
                                           GError       **error);
/* Drops cached statements and column lists after a schema change. */
void          slv_store_forget_schema     (SlvStore      *self);

/* -- full-text indexing in bulk (slv-store-fts.c) --
 * While deferred, the full-text triggers of this connection skip the rows
 * written (where the workspace's triggers ask slv_fts_deferred()), and the
 * writer indexes them with slv_store_fts_index() before it commits. */
void          slv_store_set_fts_deferred  (SlvStore      *self,
                                           gboolean       deferred);
/* Registers slv_fts_deferred() on a connection: it reads *@flag (NULL:
 * never deferred, e.g. the sync engine's connection). An SQLite code. */
int           slv_store_register_fts_deferred (sqlite3   *db,
                                               gint      *flag);
/* TRUE if @table has a full-text index whose triggers can be deferred. */
gboolean      slv_store_fts_can_defer     (SlvStore      *self,
                                           const char    *table);
/* Indexes the rows of @table (alias t) matching @where; with @replace,
 * removes their old index rows first. Call inside the transaction. */
gboolean      slv_store_fts_index         (SlvStore      *self,
                                           const char    *table,
                                           const char    *where,
                                           gboolean       replace,
                                           GError       **error);
G_END_DECLS
