/* slv-review-comment.h: one comment of a thread, for lists.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Items of SlvReview's comments model. Read-only properties, kept current
 * by the SlvReview that made them: id, author, body, created-at, edited-at
 * (NULL if never edited), edited, mine (the user wrote it, so may edit and
 * delete it), mentions-me. Highlight mentions in the body with
 * slv_mentions_parse().
 */
#pragma once

#include <glib-object.h>

#include "core/slv-review-record.h"

G_BEGIN_DECLS

#define SLV_TYPE_REVIEW_COMMENT (slv_review_comment_get_type ())
G_DECLARE_FINAL_TYPE (SlvReviewComment, slv_review_comment, SLV, REVIEW_COMMENT, GObject)

const char             *slv_review_comment_get_id          (SlvReviewComment *self);
const char             *slv_review_comment_get_author      (SlvReviewComment *self);
const char             *slv_review_comment_get_body        (SlvReviewComment *self);
const char             *slv_review_comment_get_created_at  (SlvReviewComment *self);
const char             *slv_review_comment_get_edited_at   (SlvReviewComment *self);
gboolean                slv_review_comment_get_mine        (SlvReviewComment *self);
gboolean                slv_review_comment_get_mentions_me (SlvReviewComment *self);
const SlvCommentRecord *slv_review_comment_get_record      (SlvReviewComment *self);

G_END_DECLS
