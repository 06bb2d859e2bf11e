/* slv-snap.h: snapping a moved or resized rectangle to its neighbours.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * While an item is dragged, its edges and centre lines are pulled onto the
 * edges and centre lines of nearby items when they come within a tolerance,
 * and the lines they meet on are returned as guides to draw.
 */
#pragma once

#include "slv-geometry.h"

G_BEGIN_DECLS

typedef enum
{
  SLV_SNAP_LEFT    = 1 << 0,
  SLV_SNAP_HCENTER = 1 << 1,
  SLV_SNAP_RIGHT   = 1 << 2,
  SLV_SNAP_TOP     = 1 << 3,
  SLV_SNAP_VCENTER = 1 << 4,
  SLV_SNAP_BOTTOM  = 1 << 5,
  SLV_SNAP_ALL     = 0x3f,
} SlvSnapLines;

typedef enum
{
  SLV_GUIDE_VERTICAL,     /* a line x = position */
  SLV_GUIDE_HORIZONTAL,   /* a line y = position */
} SlvGuideOrientation;

typedef struct
{
  SlvGuideOrientation orientation;
  double              position;
  double              start;   /* extent along the line, covering the moving */
  double              end;     /* rectangle and every target it meets */
} SlvGuide;

/* Finds the smallest shift of @moving (at most @tolerance on each axis) that
 * lines one of its @lines up with a line of a target, writes it to
 * @correction and, if @guides is not NULL, appends the SlvGuides met after
 * the shift. Returns TRUE if it snapped on either axis. */
gboolean slv_snap_rect (const SlvRect *moving,
                        SlvSnapLines   lines,
                        const SlvRect *targets,
                        guint          n_targets,
                        double         tolerance,
                        SlvPoint      *correction,
                        GArray        *guides);

/* The lines a resize handle moves: a corner moves two edges. */
SlvSnapLines slv_snap_lines_for_handle (SlvHandle handle);

G_END_DECLS
