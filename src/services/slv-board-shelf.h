/* slv-board-shelf.h: the workspace's boards, as the Boards page shows them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A list of SlvBoard (live boards, by position) and the commands on whole
 * boards — new, rename, duplicate with its items, delete (a tombstone) —
 * each one transaction, each undoable.
 */
#pragma once

#include <gio/gio.h>

#include "store/slv-store.h"

G_BEGIN_DECLS

#define SLV_TYPE_BOARD_SHELF (slv_board_shelf_get_type ())
G_DECLARE_FINAL_TYPE (SlvBoardShelf, slv_board_shelf, SLV, BOARD_SHELF, GObject)

SlvBoardShelf *slv_board_shelf_new           (SlvStore       *store) G_GNUC_WARN_UNUSED_RESULT;
/* SlvBoard, kept current by the commands below; reload after changes made
 * elsewhere (sync). */
GListModel    *slv_board_shelf_get_boards    (SlvBoardShelf  *self);
gboolean       slv_board_shelf_reload        (SlvBoardShelf  *self,
                                              GError        **error);

gboolean       slv_board_shelf_create        (SlvBoardShelf  *self,
                                              const char     *name,
                                              const char     *collection_id,
                                              char          **out_id,
                                              GError        **error);
gboolean       slv_board_shelf_rename        (SlvBoardShelf  *self,
                                              const char     *board_id,
                                              const char     *name,
                                              GError        **error);
/* A copy with every item (groups kept), placed after the original; @name
 * NULL gives "<name> (copy)". */
gboolean       slv_board_shelf_duplicate     (SlvBoardShelf  *self,
                                              const char     *board_id,
                                              const char     *name,
                                              char          **out_id,
                                              GError        **error);
gboolean       slv_board_shelf_delete        (SlvBoardShelf  *self,
                                              const char     *board_id,
                                              GError        **error);

gboolean       slv_board_shelf_can_undo      (SlvBoardShelf  *self);
gboolean       slv_board_shelf_can_redo      (SlvBoardShelf  *self);
/* "Delete board “Coastline”"… for an undo toast; NULL if none. */
const char    *slv_board_shelf_get_undo_label (SlvBoardShelf *self);
gboolean       slv_board_shelf_undo          (SlvBoardShelf  *self,
                                              GError        **error);
gboolean       slv_board_shelf_redo          (SlvBoardShelf  *self,
                                              GError        **error);

G_END_DECLS
