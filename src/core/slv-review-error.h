/* slv-review-error.h: the error domain of annotations and review.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SLV_REVIEW_ERROR (slv_review_error_quark ())

typedef enum
{
  SLV_REVIEW_ERROR_INVALID,      /* geometry, colour, body… the input is not acceptable */
  SLV_REVIEW_ERROR_TRANSITION,   /* a status change the review rules do not allow */
  SLV_REVIEW_ERROR_NOT_FOUND,    /* no such board, item, annotation or comment */
  SLV_REVIEW_ERROR_NOT_AUTHOR,   /* editing or deleting someone else's comment */
  SLV_REVIEW_ERROR_NO_AUTHOR,    /* the user has no name yet */
  SLV_REVIEW_ERROR_READ_ONLY,    /* an item edit while the board is in review mode */
  SLV_REVIEW_ERROR_CHANGED,      /* undo/redo over a change made elsewhere (sync) */
  SLV_REVIEW_ERROR_NOTHING,      /* nothing to undo or redo */
} SlvReviewError;

GQuark slv_review_error_quark (void);

G_END_DECLS
