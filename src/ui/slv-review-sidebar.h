/* slv-review-sidebar.h: the threads of a board under review.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Filter chips with counts, the threads the filter lets through (number,
 * status, author, first line), and the selected thread: its status
 * buttons, its comments (the user's own can be edited and deleted) and a
 * reply entry where @name mentions someone. Every command goes through the
 * "review." actions of the board page it sits in.
 */
#pragma once

#include <gtk/gtk.h>

#include "services/slv-review.h"

G_BEGIN_DECLS

#define SLV_TYPE_REVIEW_SIDEBAR (slv_review_sidebar_get_type ())
G_DECLARE_FINAL_TYPE (SlvReviewSidebar, slv_review_sidebar, SLV, REVIEW_SIDEBAR, GtkWidget)

GtkWidget *slv_review_sidebar_new         (void);
void       slv_review_sidebar_set_review  (SlvReviewSidebar *self,
                                           SlvReview        *review);
/* The comment being edited in the reply entry, or NULL when replying. */
const char *slv_review_sidebar_get_editing (SlvReviewSidebar *self);
/* Puts comment @comment_id's body in the entry to be edited (NULL: back
 * to replying). */
void       slv_review_sidebar_edit_comment (SlvReviewSidebar *self,
                                           const char       *comment_id);
void       slv_review_sidebar_focus_reply (SlvReviewSidebar *self);
/* The reply (or edit) was written: empties the entry. */
void       slv_review_sidebar_reply_done  (SlvReviewSidebar *self);
/* Rows of the thread list, for tests. */
guint      slv_review_sidebar_get_n_rows  (SlvReviewSidebar *self);

G_END_DECLS
