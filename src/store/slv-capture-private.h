/* slv-capture-private.h: change capture, shared inside src/store only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "slv-capture.h"
#include "slv-store-private.h"

G_BEGIN_DECLS

typedef struct _SlvCapture SlvCapture;

/* Registers the capture functions and hooks on @db; the state lives as
 * long as the connection. Besides the trigger functions:
 *   slv_sync_recv (hlc, node, offset, remote) merges a remote stamp into the
 *     persisted state and returns the new state;
 *   slv_sync_fresh_tick (hlc, node, offset) takes a new stamp even inside a
 *     transaction that already has one (re-stamping). */
SlvCapture *slv_capture_attach          (sqlite3           *db,
                                         gboolean           capturing,
                                         GError           **error);
/* Before the connection closes: the statements the capture prepared. */
void        slv_capture_finalize_statements (SlvCapture    *capture);
void        slv_capture_set_capturing   (SlvCapture        *capture,
                                         gboolean           capturing);
gboolean    slv_capture_get_capturing   (SlvCapture        *capture);
/* Commits that captured changes on this connection (lock-free). */
guint       slv_capture_get_serial      (SlvCapture        *capture);
void        slv_capture_set_row_ops     (SlvCapture        *capture,
                                         gboolean           row_ops);
void        slv_capture_set_wall_clock  (SlvCapture        *capture,
                                         SlvWallClockFunc   func,
                                         gpointer           user_data);
/* The wall time the clock reads now (injected clock, offsets applied). */
gint64      slv_capture_wall_ms         (SlvCapture        *capture,
                                         gint64             offset_ms);

/* Called by slv_store_open() after the migrations: the sync tables (made
 * now if a workspace skipped their migration), the node identity, the
 * functions on the store's connection and the triggers. */
gboolean    slv_store_capture_setup     (SlvStore          *self,
                                         GError           **error);
SlvCapture *slv_store_get_capture       (SlvStore          *self);

/* slv-capture-triggers.c: the generated trigger SQL for @db's schema. */
char       *slv_capture_triggers_sql    (sqlite3           *db,
                                         int                level) G_GNUC_WARN_UNUSED_RESULT;
/* Local columns of @table (name → "notnull,has_default"), for @db. */
GHashTable *slv_capture_table_columns   (sqlite3           *db,
                                         const char        *table) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
