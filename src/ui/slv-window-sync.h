/* slv-window-sync.h: a window's sync engine, its actions and the header
 * bar's sync state (the part of SlvWindow that is about sync).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "slv-sync-button.h"
#include "slv-window.h"

G_BEGIN_DECLS

/* Starts syncing @store for @window (automatic rounds when signed in) and
 * adds win.sync-now, win.sign-in, win.sign-out and win.show-conflicts. */
void           slv_window_sync_attach     (SlvWindow     *window,
                                           SlvSyncButton *button,
                                           SlvStore      *store);
void           slv_window_sync_detach     (SlvWindow     *window);
SlvSyncEngine *slv_window_get_sync_engine (SlvWindow     *window);
/* RBAC mirrored for widgets: whether the signed-in user's roles let them
 * change @field of the row @row_id of @table (always TRUE offline). A
 * widget that edits a field makes it read-only when this is FALSE. */
gboolean       slv_window_can_write       (SlvWindow     *window,
                                           const char    *table,
                                           const char    *row_id,
                                           const char    *field);

G_END_DECLS
