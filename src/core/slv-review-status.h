/* slv-review-status.h: the status of an annotation's thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A thread starts open. Reviewers approve, reject, put it on hold or resolve
 * it; a settled thread can be reopened. Who set a status and when is stored
 * with it (annotation.status_by, status_at). Allowed moves:
 *
 *   open      → approved, rejected, on_hold, resolved
 *   on_hold   → open, approved, rejected, resolved
 *   approved  → open, resolved
 *   rejected  → open, resolved
 *   resolved  → open
 *
 * Setting the status a thread already has is refused (nothing would
 * change). Undo restores an earlier status exactly; it is not a move and
 * does not go through these rules.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  SLV_REVIEW_STATUS_OPEN,
  SLV_REVIEW_STATUS_APPROVED,
  SLV_REVIEW_STATUS_REJECTED,
  SLV_REVIEW_STATUS_ON_HOLD,
  SLV_REVIEW_STATUS_RESOLVED,
} SlvReviewStatus;

#define SLV_REVIEW_N_STATUSES 5

#define SLV_TYPE_REVIEW_STATUS (slv_review_status_get_type ())
GType        slv_review_status_get_type    (void) G_GNUC_CONST;

/* "open", "approved", "rejected", "on_hold", "resolved" (as stored). */
const char  *slv_review_status_to_string   (SlvReviewStatus  status);
gboolean     slv_review_status_from_string (const char      *text,
                                            SlvReviewStatus *out);
/* Translated: "Open", "Approved", "Rejected", "On hold", "Resolved". */
const char  *slv_review_status_get_label   (SlvReviewStatus  status);
/* Approved, rejected and resolved threads are settled; open and on-hold
 * ones still need someone. */
gboolean     slv_review_status_is_settled  (SlvReviewStatus  status);

gboolean     slv_review_status_allows      (SlvReviewStatus  from,
                                            SlvReviewStatus  to);
/* As above, with an error that says what can be done instead. */
gboolean     slv_review_status_check_move  (SlvReviewStatus  from,
                                            SlvReviewStatus  to,
                                            GError         **error);

G_END_DECLS
