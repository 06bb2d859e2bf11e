/* slv-item-geom.h: where a board item sits, and what is under a point.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An item is the rectangle (x, y, w, h) in board units, turned by @rotation
 * degrees (clockwise) about its centre; flips mirror its content, not its
 * outline. Local coordinates run over (0, 0)–(w, h) of the unturned item.
 */
#pragma once

#include "slv-geometry.h"

G_BEGIN_DECLS

typedef struct
{
  double   x, y, w, h;
  double   rotation;
  gboolean flip_h;
  gboolean flip_v;
} SlvItemGeom;

/* Local → board. */
void     slv_item_geom_get_transform         (const SlvItemGeom *g,
                                              SlvAffine         *out);
/* Content → board: the local transform with the flips applied, for drawing. */
void     slv_item_geom_get_content_transform (const SlvItemGeom *g,
                                              SlvAffine         *out);
SlvPoint slv_item_geom_get_center            (const SlvItemGeom *g);
/* Corners in board coordinates: top-left, top-right, bottom-right,
 * bottom-left of the unturned item. */
void     slv_item_geom_get_corners           (const SlvItemGeom *g,
                                              SlvPoint           out[4]);
/* Axis-aligned bounds of the turned item. */
void     slv_item_geom_get_bounds            (const SlvItemGeom *g,
                                              SlvRect           *out);
SlvPoint slv_item_geom_to_local              (const SlvItemGeom *g,
                                              double             x,
                                              double             y);
SlvPoint slv_item_geom_handle_position       (const SlvItemGeom *g,
                                              SlvHandle          handle);
/* TRUE if (x, y) is on the item or within @tolerance board units of it. */
gboolean slv_item_geom_contains_point        (const SlvItemGeom *g,
                                              double             x,
                                              double             y,
                                              double             tolerance);
/* TRUE if the turned item and @rect share any point. */
gboolean slv_item_geom_intersects_rect       (const SlvItemGeom *g,
                                              const SlvRect     *rect);
/* TRUE if the whole turned item lies in @rect. */
gboolean slv_item_geom_inside_rect           (const SlvItemGeom *g,
                                              const SlvRect     *rect);

/* Resizes one item by dragging @handle (of its turned outline) to @pointer;
 * the opposite edge, or the centre, stays where it was on the board. */
void     slv_item_geom_resize                (const SlvItemGeom *start,
                                              SlvHandle          handle,
                                              SlvPoint           pointer,
                                              SlvResizeFlags     flags,
                                              double             min_size,
                                              SlvItemGeom       *out);
/* Scales the item's place and size about @origin, as when a selection of
 * several items is resized. */
void     slv_item_geom_scale_about           (const SlvItemGeom *g,
                                              SlvPoint           origin,
                                              double             sx,
                                              double             sy,
                                              SlvItemGeom       *out);
void     slv_item_geom_rotate_about          (const SlvItemGeom *g,
                                              SlvPoint           origin,
                                              double             degrees,
                                              SlvItemGeom       *out);
void     slv_item_geom_set_center            (SlvItemGeom       *g,
                                              SlvPoint           center);

G_END_DECLS
