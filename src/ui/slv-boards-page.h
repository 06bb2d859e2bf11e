/* slv-boards-page.h: the workspace's mood boards as a grid of cards.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "store/slv-store.h"

G_BEGIN_DECLS

#define SLV_TYPE_BOARDS_PAGE (slv_boards_page_get_type ())
G_DECLARE_FINAL_TYPE (SlvBoardsPage, slv_boards_page, SLV, BOARDS_PAGE, GtkWidget)

SlvStore   *slv_boards_page_get_store (SlvBoardsPage *self);
void        slv_boards_page_set_store (SlvBoardsPage *self,
                                       SlvStore      *store);
GListModel *slv_boards_page_get_model (SlvBoardsPage *self);
void        slv_boards_page_reload    (SlvBoardsPage *self);

G_END_DECLS
