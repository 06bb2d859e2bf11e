/* slv-arrange.h: align, distribute, grid, equal sizes, order by colour.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each function reads the bounds of a selection of items and writes where
 * the bounds go; the board then moves (or scales) each item to match.
 */
#pragma once

#include "slv-colour.h"
#include "slv-geometry.h"

G_BEGIN_DECLS

typedef enum
{
  SLV_ALIGN_LEFT,
  SLV_ALIGN_HCENTER,
  SLV_ALIGN_RIGHT,
  SLV_ALIGN_TOP,
  SLV_ALIGN_VCENTER,
  SLV_ALIGN_BOTTOM,
} SlvAlign;

typedef enum
{
  SLV_AXIS_HORIZONTAL,
  SLV_AXIS_VERTICAL,
} SlvAxis;

typedef enum
{
  SLV_EQUAL_HEIGHT,
  SLV_EQUAL_WIDTH,
  SLV_EQUAL_AREA,
} SlvEqualSize;

/* Lines every rect up with the selection's bounds (or @reference). */
void   slv_arrange_align        (const SlvRect *in,
                                 guint          n,
                                 SlvAlign       align,
                                 const SlvRect *reference,
                                 SlvRect       *out);
/* Spreads the rects along @axis with equal gaps between them; the first and
 * last (in that direction) stay. Needs three or more to change anything. */
void   slv_arrange_distribute   (const SlvRect *in,
                                 guint          n,
                                 SlvAxis        axis,
                                 SlvRect       *out);
/* Lays the rects out in reading order in a grid of @columns (0: about
 * square) with @gap between cells, from the top-left of their bounds; each
 * sits at the top-left of its cell. */
void   slv_arrange_grid         (const SlvRect *in,
                                 guint          n,
                                 guint          columns,
                                 double         gap,
                                 SlvRect       *out);
/* Scale factors that give every rect the same height, width or area (the
 * mean of the selection's); each rect grows or shrinks about its top-left. */
void   slv_arrange_equal_size   (const SlvRect *in,
                                 guint          n,
                                 SlvEqualSize   mode,
                                 double        *scales,
                                 SlvRect       *out);
/* The order (indices into @labs) that runs greys from dark to light, then
 * colours round the hue circle: for "arrange by colour". */
guint *slv_arrange_colour_order (const SlvLab  *labs,
                                 guint          n) G_GNUC_WARN_UNUSED_RESULT;
/* The order that reads the rects left to right in rows, top to bottom: rows
 * are bands of rects whose centres lie within half a median height. */
guint *slv_arrange_reading_order (const SlvRect *in,
                                  guint          n) G_GNUC_WARN_UNUSED_RESULT;
void   slv_arrange_bounds       (const SlvRect *in,
                                 guint          n,
                                 SlvRect       *out);

G_END_DECLS
