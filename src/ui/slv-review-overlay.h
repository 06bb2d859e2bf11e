/* slv-review-overlay.h: annotations drawn and drawn with, on a board canvas.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SlvReviewOverlay draws an SlvReview's visible threads (pins with their
 * number, ink, arrows, rectangles, ellipses and highlights, each in its
 * colour, with a numbered marker) above the canvas items, in the canvas's
 * own snapshot, and takes the primary button through the canvas's input
 * hook while an annotation tool is chosen:
 *
 *   "select"     a click on an annotation selects its thread, a drag moves
 *                it (one undo step); in review mode, dragging an item is
 *                refused with the review's message
 *   "pin"        a click drops a pin
 *   "ink"        freehand; pen pressure through GtkGestureStylus, a mouse
 *                draws at full pressure; smoothed and simplified on release
 *   "arrow", "rect", "ellipse", "highlight"
 *                by dragging from one point to another
 *
 * A new annotation is attached to the item it was drawn on when it lies
 * wholly on that item, so it follows the item; otherwise it is on the board.
 * Failures are reported through the "toast" signal.
 */
#pragma once

#include <gtk/gtk.h>

#include "slv-board-canvas.h"
#include "services/slv-review.h"

G_BEGIN_DECLS

#define SLV_TYPE_REVIEW_OVERLAY (slv_review_overlay_get_type ())
G_DECLARE_FINAL_TYPE (SlvReviewOverlay, slv_review_overlay, SLV, REVIEW_OVERLAY, GObject)

SlvReviewOverlay *slv_review_overlay_new        (SlvBoardCanvas              *canvas) G_GNUC_WARN_UNUSED_RESULT;
/* Takes the overlay off its canvas (call before the canvas goes). */
void              slv_review_overlay_detach     (SlvReviewOverlay            *self);
SlvReview        *slv_review_overlay_get_review (SlvReviewOverlay            *self);
void              slv_review_overlay_set_review (SlvReviewOverlay            *self,
                                                 SlvReview                   *review);
/* "select", "pin", "ink", "arrow", "rect", "ellipse" or "highlight". */
const char       *slv_review_overlay_get_tool   (SlvReviewOverlay            *self);
gboolean          slv_review_overlay_set_tool   (SlvReviewOverlay            *self,
                                                 const char                  *tool);
/* A palette colour name (slv_annotation_palette()). */
const char       *slv_review_overlay_get_color  (SlvReviewOverlay            *self);
gboolean          slv_review_overlay_set_color  (SlvReviewOverlay            *self,
                                                 const char                  *color);
/* Adds @geometry (board units) in the current colour, attached to the item
 * under it if it lies on one; returns the new annotation's id. */
char             *slv_review_overlay_add        (SlvReviewOverlay            *self,
                                                 const SlvAnnotationGeometry *geometry,
                                                 GError                     **error) G_GNUC_WARN_UNUSED_RESULT;
/* What the canvas's input hook calls: a press, drag or release in board
 * units. TRUE if the overlay took it. Public so that tests draw as a
 * pointer would. */
gboolean          slv_review_overlay_input      (SlvReviewOverlay            *self,
                                                 const SlvCanvasInput        *input);
/* Jumps and zooms the canvas to @thread. FALSE if it cannot be placed. */
gboolean          slv_review_overlay_show_thread (SlvReviewOverlay           *self,
                                                 SlvReviewThread             *thread);

G_END_DECLS
