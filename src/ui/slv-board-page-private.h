/* slv-board-page-private.h: shared by slv-board-page*.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "slv-board-page.h"
#include "slv-review-overlay.h"
#include "slv-review-sidebar.h"
#include "services/slv-review.h"

G_BEGIN_DECLS

struct _SlvBoardPage
{
  GtkWidget           parent_instance;

  GtkWidget          *box;
  GtkMenuButton      *zoom_button;
  AdwToastOverlay    *toast_overlay;
  GtkStack           *stack;
  GtkSpinner         *spinner;
  SlvBoardCanvas     *canvas;
  GtkWidget          *hint;
  AdwStatusPage      *error_page;
  GtkRevealer        *review_bar;
  GtkRevealer        *sidebar_revealer;
  SlvReviewSidebar   *sidebar;
  GtkMenuButton      *color_button;
  GtkLabel           *review_count;

  SlvStore           *store;
  SlvMipCache        *cache;
  SlvStyleCards      *cards;
  char               *board_id;
  char               *title;
  gboolean            loading;
  GCancellable       *cancellable;   /* of the board being opened */

  /* review (slv-board-page-review.c) */
  GSettings          *settings;
  SlvReview          *review;
  SlvReviewOverlay   *overlay;
  GSimpleActionGroup *review_actions;
};

/* slv-board-page-review.c */
void     board_page_review_init      (SlvBoardPage *self);
void     board_page_review_dispose   (SlvBoardPage *self);
/* Takes @review (may be NULL) for the board just opened. */
void     board_page_review_set       (SlvBoardPage *self,
                                      SlvReview    *review);
/* The user's name for review: Preferences, else the account's name. */
char    *board_page_review_user_name (SlvBoardPage *self) G_GNUC_WARN_UNUSED_RESULT;
/* A canvas action refused while reviewing: says why. */
gboolean board_page_review_refused   (SlvBoardPage *self,
                                      const char   *name);

G_END_DECLS
