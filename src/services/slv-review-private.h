/* slv-review-private.h: shared by the review service's files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "slv-review.h"

G_BEGIN_DECLS

SlvReviewThread  *slv_review_thread_new       (void) G_GNUC_WARN_UNUSED_RESULT;
/* Takes a copy of @record; notifies the properties that changed. */
void              slv_review_thread_update    (SlvReviewThread           *self,
                                               const SlvAnnotationRecord *record,
                                               const char                *label,
                                               const char                *user_name);
SlvReviewComment *slv_review_comment_new      (void) G_GNUC_WARN_UNUSED_RESULT;
void              slv_review_comment_update   (SlvReviewComment          *self,
                                               const SlvCommentRecord    *record,
                                               const char                *user_name);

/* An undoable annotation command: the annotation's fields before and after. */
typedef struct
{
  char               *label;
  char               *annotation_id;
  SlvAnnotationState *before;
  SlvAnnotationState *after;
} SlvReviewCommand;

void              slv_review_command_free     (SlvReviewCommand          *command);

/* The undo and redo stacks (last = most recent) of a review. */
GPtrArray        *slv_review_get_undo_stack   (SlvReview                 *self);
GPtrArray        *slv_review_get_redo_stack   (SlvReview                 *self);
/* Notifies can-undo, can-redo and the labels after the stacks changed. */
void              slv_review_history_changed  (SlvReview                 *self);
/* Re-reads the threads (and the selected thread's comments) after a write. */
gboolean          slv_review_refresh          (SlvReview                 *self,
                                               GError                   **error);

/* The frame of an item: from the canvas's frame function, else the store. */
gboolean          slv_review_lookup_frame     (SlvReview                 *self,
                                               const char                *item_id,
                                               SlvItemFrame              *frame);

G_END_DECLS
