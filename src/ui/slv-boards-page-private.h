/* slv-boards-page-private.h: shared by the slv-boards-page*.c files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "slv-boards-page.h"

G_BEGIN_DECLS

struct _SlvBoardsPage
{
  GtkWidget           parent_instance;

  AdwToastOverlay    *toast_overlay;
  GtkStack           *stack;
  GtkGridView        *grid_view;

  SlvStore           *store;
  SlvMipCache        *cache;
  SlvBoardShelf      *shelf;
  GtkFlattenListModel *boards;     /* the shelf's list, swapped when the store changes */
  GHashTable         *thumbs;      /* board id → GdkTexture last shown */
  guint               n_thumbnails;
  GCancellable       *cancellable;
};

/* slv-boards-page-actions.c */
void boards_page_class_init_actions (GtkWidgetClass *widget_class);
void boards_page_update_actions     (SlvBoardsPage  *self);
void slv_boards_page_toast          (SlvBoardsPage  *self,
                                     const char     *message,
                                     gboolean        undo);

G_END_DECLS
