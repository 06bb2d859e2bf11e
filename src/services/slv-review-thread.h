/* slv-review-thread.h: one annotation and its comment thread, for lists.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Items of SlvReview's thread models. Read-only properties, kept current by
 * the SlvReview that made them (the same object is updated in place, so a
 * list row bound to it follows changes):
 *
 *   id, number (int64), label ("3", or "3a"/"3b" when two people offline
 *   made the same number), kind (SlvAnnotationKind), status
 *   (SlvReviewStatus), status-label, status-by, status-at, author,
 *   created-at, first-line ("" when there is no comment yet), n-comments,
 *   last-activity, color, item-id (NULL on the board), geometry
 *   (SlvAnnotationGeometry, NULL if unreadable), mine (the user made it),
 *   mentions-me (someone @mentioned the user in it).
 */
#pragma once

#include <glib-object.h>

#include "core/slv-review-record.h"

G_BEGIN_DECLS

#define SLV_TYPE_REVIEW_THREAD (slv_review_thread_get_type ())
G_DECLARE_FINAL_TYPE (SlvReviewThread, slv_review_thread, SLV, REVIEW_THREAD, GObject)

const char                  *slv_review_thread_get_id          (SlvReviewThread *self);
gint64                       slv_review_thread_get_number      (SlvReviewThread *self);
const char                  *slv_review_thread_get_label       (SlvReviewThread *self);
SlvAnnotationKind            slv_review_thread_get_kind        (SlvReviewThread *self);
SlvReviewStatus              slv_review_thread_get_status      (SlvReviewThread *self);
const char                  *slv_review_thread_get_status_by   (SlvReviewThread *self);
const char                  *slv_review_thread_get_status_at   (SlvReviewThread *self);
const char                  *slv_review_thread_get_author      (SlvReviewThread *self);
const char                  *slv_review_thread_get_first_line  (SlvReviewThread *self);
guint                        slv_review_thread_get_n_comments  (SlvReviewThread *self);
const char                  *slv_review_thread_get_color       (SlvReviewThread *self);
const char                  *slv_review_thread_get_item_id     (SlvReviewThread *self);
const SlvAnnotationGeometry *slv_review_thread_get_geometry    (SlvReviewThread *self);
gboolean                     slv_review_thread_get_mine        (SlvReviewThread *self);
gboolean                     slv_review_thread_get_mentions_me (SlvReviewThread *self);
/* The whole record as last read (borrowed). */
const SlvAnnotationRecord   *slv_review_thread_get_record      (SlvReviewThread *self);

G_END_DECLS
