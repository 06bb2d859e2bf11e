/* slv-board-repo.h: boards and their items in the workspace.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A board's items load as SlvBoardItemStates; an edit writes the difference
 * between an item's before and after state (only the columns that changed,
 * so sync sees field-level changes). Call the writers inside
 * slv_store_transaction() so that one user action is one transaction.
 * board_view keeps each board's pan and zoom on this device.
 */
#pragma once

#include "slv-store.h"
#include "core/slv-board-item.h"

G_BEGIN_DECLS

/* The live items of @board_id, bottom to top (by z, then id); a
 * GPtrArray of SlvBoardItemState. Values a canvas cannot show (sizes under
 * 1, numbers that are not finite) are brought into range. */
GPtrArray *slv_board_repo_load_items    (SlvStore                *store,
                                         const char              *board_id,
                                         GError                 **error) G_GNUC_WARN_UNUSED_RESULT;
/* @before NULL: add @after (or bring back its tombstone); @after NULL:
 * tombstone @before; both: update the columns that differ. */
gboolean   slv_board_repo_write_item    (SlvStore                *store,
                                         const SlvBoardItemState *before,
                                         const SlvBoardItemState *after,
                                         GError                 **error);

/* FALSE without error when the board has no saved view yet. */
gboolean   slv_board_repo_get_view      (SlvStore                *store,
                                         const char              *board_id,
                                         double                  *x,
                                         double                  *y,
                                         double                  *zoom,
                                         GError                 **error);
gboolean   slv_board_repo_set_view      (SlvStore                *store,
                                         const char              *board_id,
                                         double                   x,
                                         double                   y,
                                         double                   zoom,
                                         GError                 **error);

/* The brand new boards belong to: the workspace's first live brand. */
char      *slv_board_repo_dup_brand_id  (SlvStore                *store,
                                         GError                 **error) G_GNUC_WARN_UNUSED_RESULT;
/* The highest position of the live boards, or NULL if there are none. */
char      *slv_board_repo_dup_last_position (SlvStore            *store,
                                         GError                 **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
