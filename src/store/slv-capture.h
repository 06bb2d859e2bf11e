/* slv-capture.h: change capture for sync (SYNC-PROTOCOL.md §14).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every connection the store opens carries the SQL functions the capture
 * triggers call: slv_sync_capturing(), slv_sync_tick(), slv_sync_tx_hlc()
 * and slv_sync_op_id(). A transaction that changes synced fields takes one
 * clock stamp (the first captured change ticks; commit and rollback hooks
 * forget it), persists the clock state in sync_state.hlc and writes one
 * field op per changed field into sync_outbox, coalescing repeated edits of
 * a field that is not yet sent. Capture is on for every edit made through
 * SlvStore; the sync engine's own connection applies pulls and server
 * corrections with capture off.
 */
#pragma once

#include "slv-store.h"
#include "sync/slv-hlc.h"

G_BEGIN_DECLS

/* Turns capture off or on for @self's connection (on by default). Edits
 * made while it is off never sync: only for tests and repairs. */
void      slv_store_set_capturing      (SlvStore          *self,
                                        gboolean           capturing);
gboolean  slv_store_get_capturing      (SlvStore          *self);
/* Bulk writes (imports): while on, a new row of a table without picture
 * references is captured as one outbox op holding all its fields (field
 * "*") and one clock, which the push expands into field ops in their
 * place; edits of the row before it is sent go into that op. Off by
 * default. */
void      slv_store_set_capture_row_ops (SlvStore         *self,
                                         gboolean          row_ops);
/* The wall clock the capture clock reads (tests inject skew and jumps);
 * NULL restores the real clock. */
void      slv_store_set_wall_clock     (SlvStore          *self,
                                        SlvWallClockFunc   func,
                                        gpointer           user_data);
/* This workspace's clock node (16 hex digits). */
char     *slv_store_dup_sync_node      (SlvStore          *self) G_GNUC_WARN_UNUSED_RESULT;
/* Unsent and unacknowledged field ops. */
gint64    slv_store_count_outbox       (SlvStore          *self);
/* Grows by one with every commit of this store that captured changes
 * (lock-free: the sync engine polls it to sync after edits). */
guint     slv_store_get_change_serial  (SlvStore          *self);
/* The sync bucket of a row, or NULL (not synced yet, or not a synced table). */
char     *slv_store_dup_row_bucket     (SlvStore          *self,
                                        const char        *table,
                                        const char        *row_id) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
