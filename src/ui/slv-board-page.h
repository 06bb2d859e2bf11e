/* slv-board-page.h: one open board: its tool bar, canvas and toasts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "slv-board-canvas.h"
#include "services/slv-mip-cache.h"
#include "store/slv-store.h"

G_BEGIN_DECLS

#define SLV_TYPE_BOARD_PAGE (slv_board_page_get_type ())
G_DECLARE_FINAL_TYPE (SlvBoardPage, slv_board_page, SLV, BOARD_PAGE, GtkWidget)

GtkWidget      *slv_board_page_new          (void);
/* @cache: the workspace's mip cache (shared with the Boards page). */
void            slv_board_page_set_store    (SlvBoardPage  *self,
                                             SlvStore      *store,
                                             SlvMipCache   *cache);
/* Opens board @board_id (or the board so named), read in a worker:
 * "loading" until then. */
void            slv_board_page_open         (SlvBoardPage  *self,
                                             const char    *board_id);
/* Saves the view and lets the board go. */
void            slv_board_page_close        (SlvBoardPage  *self);
const char     *slv_board_page_get_board_id (SlvBoardPage  *self);
/* The board's name, for the window's title. */
const char     *slv_board_page_get_title    (SlvBoardPage  *self);
gboolean        slv_board_page_get_loading  (SlvBoardPage  *self);
SlvBoardCanvas *slv_board_page_get_canvas   (SlvBoardPage  *self);
/* Activates canvas action @name (its parameter, or NULL), or review action
 * "review.NAME" (see slv-board-page-review.c); FALSE if there is no such
 * action or it is disabled now (in review mode, a refused item edit says
 * why in a toast). */
gboolean        slv_board_page_activate     (SlvBoardPage  *self,
                                             const char    *name,
                                             GVariant      *parameter);
void            slv_board_page_add_toast    (SlvBoardPage  *self,
                                             const char    *message,
                                             gboolean       undo);

G_END_DECLS
