/* slv-pack.h: packing a selection tightly without overlaps.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * MaxRects with the bottom-left rule: rectangles go in tallest first (ties
 * in the given order, so the result is stable), each at the lowest, then
 * leftmost free spot of a strip; several strip widths are tried and the one
 * with the smallest bounding area wins. For the mixed sizes of a mood board
 * the bounds stay within 1.25 × the sum of the areas.
 */
#pragma once

#include "slv-geometry.h"

G_BEGIN_DECLS

/* Writes to @out where each of the @n sizes (the w and h of @in) goes, with
 * at least @gap between neighbours, from (origin_x, origin_y). Returns the
 * bounds of the packing. */
SlvRect slv_pack_rects (const SlvRect *in,
                        guint          n,
                        double         gap,
                        double         origin_x,
                        double         origin_y,
                        SlvRect       *out);

G_END_DECLS
