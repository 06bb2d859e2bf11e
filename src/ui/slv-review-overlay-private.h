/* slv-review-overlay-private.h: shared by slv-review-overlay*.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "slv-review-overlay.h"

G_BEGIN_DECLS

#define STROKE_PX     3.0
#define MARKER_PX     11.0

typedef enum
{
  TOOL_SELECT = -1,   /* the others are SlvAnnotationKind */
} Tool;

struct _SlvReviewOverlay
{
  GObject            parent_instance;

  SlvBoardCanvas    *canvas;        /* unowned; cleared by detach */
  GtkGesture        *stylus;        /* on the canvas; unowned */
  guint              overlay_id;
  SlvReview         *review;
  int                tool;          /* Tool or SlvAnnotationKind */
  char              *color;

  /* the stroke or shape being drawn (board units) */
  gboolean           drawing;
  GArray            *raw;           /* SlvInkPoint */
  double             start_x, start_y, end_x, end_y;
  double             pressure;      /* of the pen, -1 without one */

  /* select tool: a thread being dragged, and by how much (board units) */
  char              *moving;
  double             move_dx, move_dy;

  /* select tool: a press on an item in review mode */
  gboolean           held_item;
  gboolean           refused;
  char              *press_item;
};

/* slv-review-overlay-draw.c: the canvas overlay's draw function */
void overlay_draw_cb (SlvBoardCanvas *canvas,
                      GtkSnapshot    *snapshot,
                      const SlvRect  *visible,
                      double          zoom,
                      gpointer        user_data);

G_END_DECLS
