/* slv-board-sketch.h: a board drawn with cairo from its stored items.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For reports made without the canvas (selvedge-cli): images from their
 * blobs (decoded with gdk-pixbuf, at most SLV_BOARD_SKETCH_MAX_PIXELS on a
 * side, EXIF orientation applied, cropped, flipped, turned, faded and
 * greyed as stored), notes as wrapped text on paper, swatches as colour,
 * style cards and shapes as outlines. The canvas renderer replaces it when
 * the report is made from the app.
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "core/slv-review-record.h"

G_BEGIN_DECLS

#define SLV_BOARD_SKETCH_MAX_PIXELS 1024

typedef struct _SlvBoardSketch SlvBoardSketch;

SlvBoardSketch *slv_board_sketch_new         (void) G_GNUC_WARN_UNUSED_RESULT;
void            slv_board_sketch_free        (SlvBoardSketch      *sketch);
/* Adds @item on top; @image holds its encoded picture (PNG, JPEG…) or NULL.
 * An image that cannot be decoded is drawn as a labelled placeholder. */
void            slv_board_sketch_add_item    (SlvBoardSketch      *sketch,
                                              const SlvReviewItem *item,
                                              GBytes              *image);
/* Board-space bounds of everything added; empty if nothing. */
void            slv_board_sketch_get_bounds  (SlvBoardSketch      *sketch,
                                              SlvFrameRect        *bounds);
/* A SlvReviewDrawFunc: pass the sketch as user data. */
void            slv_board_sketch_draw        (cairo_t             *cr,
                                              const SlvFrameRect  *area,
                                              gpointer             sketch);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlvBoardSketch, slv_board_sketch_free)

G_END_DECLS
