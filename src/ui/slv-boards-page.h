/* slv-boards-page.h: the workspace's mood boards as a shelf of cards.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each card shows a thumbnail of its board (drawn offscreen, kept in the
 * workspace cache), its name, collection and counts. The page's actions
 * ("boards." prefix): new (a dialog), create (ss: name, collection id or
 * ""), rename (ss: id, name), rename-dialog (s), duplicate (s), delete (s),
 * undo, redo; delete offers to undo in a toast.
 */
#pragma once

#include <adwaita.h>

#include "services/slv-board-shelf.h"
#include "services/slv-mip-cache.h"
#include "store/slv-store.h"

G_BEGIN_DECLS

#define SLV_TYPE_BOARDS_PAGE (slv_boards_page_get_type ())
G_DECLARE_FINAL_TYPE (SlvBoardsPage, slv_boards_page, SLV, BOARDS_PAGE, GtkWidget)

SlvStore   *slv_boards_page_get_store (SlvBoardsPage *self);
void        slv_boards_page_set_store (SlvBoardsPage *self,
                                       SlvStore      *store);
/* Thumbnails are drawn with @cache (NULL: none are drawn). */
void        slv_boards_page_set_mip_cache (SlvBoardsPage *self,
                                       SlvMipCache   *cache);
/* SlvBoard, live, by position. */
GListModel *slv_boards_page_get_model (SlvBoardsPage *self);
SlvBoardShelf *slv_boards_page_get_shelf (SlvBoardsPage *self);
void        slv_boards_page_reload    (SlvBoardsPage *self);
/* Adds a board (undoable); its id, or NULL with @error. */
char       *slv_boards_page_create_board (SlvBoardsPage *self,
                                       const char    *name,
                                       const char    *collection_id,
                                       GError       **error) G_GNUC_WARN_UNUSED_RESULT;
/* Thumbnails drawn or read so far (for tests). */
guint       slv_boards_page_get_n_thumbnails (SlvBoardsPage *self);

G_END_DECLS
