/* slv-item-frame.h: where an item's image content lies on the board.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Annotations attached to a board item keep their points in the item's
 * normalised *content* coordinates (u, v): (0, 0) is the top-left and (1, 1)
 * the bottom-right of the whole source image, whatever part of it is shown.
 * An SlvItemFrame says how that content is placed on the board:
 *
 *   1. the crop rectangle (crop_x, crop_y, crop_w, crop_h), normalised to the
 *      source, is the part shown; it is stretched over the item;
 *   2. flip_h / flip_v mirror the content inside the item (not its outline);
 *   3. the item is the rectangle (x, y, w, h) in board units (y grows down),
 *      turned by @rotation degrees clockwise on screen about its centre.
 *
 * The whole mapping is affine, so it is one matrix (SlvFrameMatrix, the
 * board's SlvAffine, laid out like cairo_matrix_t: x' = xx·u + xy·v + x0,
 * y' = yx·u + yy·v + y0): the item's content transform (slv-item-geom.h)
 * after the crop's stretch. A
 * point of the content keeps its place on the image through any move,
 * resize, rotation, flip or crop: only the frame changes, never (u, v).
 *
 * Board-level annotations use board coordinates directly (identity).
 */
#pragma once

#include <glib.h>

#include "slv-geometry.h"

G_BEGIN_DECLS

typedef SlvAffine SlvFrameMatrix;

typedef struct
{
  double x, y, w, h;
} SlvFrameRect;

typedef struct
{
  double   x, y, w, h;   /* board units; w, h > 0 */
  double   rotation;     /* degrees, clockwise on screen, about the centre */
  gboolean flip_h;
  gboolean flip_v;
  double   crop_x, crop_y, crop_w, crop_h;   /* shown part of the content, 0…1 */
} SlvItemFrame;

/* An unturned, unflipped, uncropped frame over (x, y, w, h). */
void      slv_item_frame_init           (SlvItemFrame       *frame,
                                         double              x,
                                         double              y,
                                         double              w,
                                         double              h);
/* TRUE if every number is finite, w and h are positive and the crop is a
 * non-empty rectangle inside 0…1. */
gboolean  slv_item_frame_is_valid       (const SlvItemFrame *frame);

/* Reads board_item.crop ("x y w h", normalised; NULL or "" for the whole
 * image) into @frame. On error @frame keeps its crop. */
gboolean  slv_item_frame_set_crop_text  (SlvItemFrame       *frame,
                                         const char         *text,
                                         GError            **error);

/* Content (u, v) → board. */
void      slv_item_frame_get_matrix     (const SlvItemFrame *frame,
                                         SlvFrameMatrix     *out);
void      slv_item_frame_to_board       (const SlvItemFrame *frame,
                                         double              u,
                                         double              v,
                                         double             *x,
                                         double             *y);
/* Board → content; FALSE (and @u, @v untouched) for an invalid frame. */
gboolean  slv_item_frame_from_board     (const SlvItemFrame *frame,
                                         double              x,
                                         double              y,
                                         double             *u,
                                         double             *v);
/* TRUE if content point (u, v) is inside the crop, i.e. visible. */
gboolean  slv_item_frame_shows          (const SlvItemFrame *frame,
                                         double              u,
                                         double              v);
/* How many board units one unit of content spans, on average over both
 * axes: useful to keep a stroke's look when an item is resized. */
double    slv_item_frame_get_scale      (const SlvItemFrame *frame);

void      slv_frame_matrix_init_identity  (SlvFrameMatrix       *m);
void      slv_frame_matrix_transform      (const SlvFrameMatrix *m,
                                           double               *x,
                                           double               *y);
/* FALSE if @m cannot be inverted. */
gboolean  slv_frame_matrix_invert         (const SlvFrameMatrix *m,
                                           SlvFrameMatrix       *out);

/* Grows @rect (w < 0 means empty) to include (x, y). */
void      slv_frame_rect_add_point        (SlvFrameRect         *rect,
                                           double                x,
                                           double                y);
void      slv_frame_rect_init_empty       (SlvFrameRect         *rect);
gboolean  slv_frame_rect_is_empty         (const SlvFrameRect   *rect);

G_END_DECLS
