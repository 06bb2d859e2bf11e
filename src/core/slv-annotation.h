/* slv-annotation.h: the shapes reviewers draw on a board.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An annotation is a pin, an ink stroke, an arrow, a rectangle, an ellipse
 * or a highlight (a translucent filled rectangle). Its geometry is a list
 * of points:
 *
 *   pin        1 point (where the pin's tip is)
 *   ink        1…SLV_INK_MAX_POINTS points with pressure (simplified, see
 *              slv-ink.h)
 *   arrow      2 points: tail, head
 *   rect, ellipse, highlight
 *              2 points: opposite corners (of the ellipse's box)
 *
 * Points are either in board units, or — for an annotation attached to an
 * item — in the item's normalised content coordinates (slv-item-frame.h), so
 * the annotation follows the item through moves, resizes, rotations, flips
 * and crops. A rectangle on a turned item turns with it. The stroke width
 * is in board units either way.
 *
 * Stored as JSON text (annotation.geometry, written as one field):
 *   {"v":1,"space":"item","width":2,"points":[[0.25,0.5],[0.3,0.52,0.8]]}
 * where a third number is the pen pressure (ink only; 1 when left out).
 */
#pragma once

#include <glib-object.h>

#include "slv-ink.h"
#include "slv-item-frame.h"

G_BEGIN_DECLS

typedef enum
{
  SLV_ANNOTATION_PIN,
  SLV_ANNOTATION_INK,
  SLV_ANNOTATION_ARROW,
  SLV_ANNOTATION_RECT,
  SLV_ANNOTATION_ELLIPSE,
  SLV_ANNOTATION_HIGHLIGHT,
} SlvAnnotationKind;

#define SLV_ANNOTATION_N_KINDS 6

#define SLV_TYPE_ANNOTATION_KIND (slv_annotation_kind_get_type ())
GType        slv_annotation_kind_get_type     (void) G_GNUC_CONST;
/* "pin", "ink", "arrow", "rect", "ellipse", "highlight" (as stored). */
const char  *slv_annotation_kind_to_string    (SlvAnnotationKind  kind);
gboolean     slv_annotation_kind_from_string  (const char        *text,
                                               SlvAnnotationKind *out);
/* Translated: "Pin", "Ink", … */
const char  *slv_annotation_kind_get_label    (SlvAnnotationKind  kind);

/* -- colours: a small palette, stored by name -- */

typedef struct
{
  const char *name;    /* "red", as stored in annotation.color */
  guint32     rgb;     /* 0xRRGGBB */
} SlvAnnotationColour;

#define SLV_ANNOTATION_DEFAULT_COLOUR "red"

const SlvAnnotationColour *slv_annotation_palette        (guint       *n_colours);
/* FALSE if @name is not in the palette. */
gboolean                   slv_annotation_colour_lookup  (const char  *name,
                                                          guint32     *rgb);
const char                *slv_annotation_colour_get_label (const char *name);
/* Yellow for highlights, red otherwise. */
const char                *slv_annotation_kind_default_colour (SlvAnnotationKind kind);

/* -- geometry -- */

typedef struct
{
  SlvAnnotationKind  kind;
  gboolean           in_item;   /* points are (u, v) of an item's content */
  double             width;     /* stroke width in board units */
  GArray            *points;    /* SlvInkPoint */
} SlvAnnotationGeometry;

#define SLV_ANNOTATION_DEFAULT_WIDTH 2.0
#define SLV_ANNOTATION_MAX_WIDTH     200.0

#define SLV_TYPE_ANNOTATION_GEOMETRY (slv_annotation_geometry_get_type ())
GType                  slv_annotation_geometry_get_type   (void) G_GNUC_CONST;

SlvAnnotationGeometry *slv_annotation_geometry_new        (SlvAnnotationKind            kind,
                                                           gboolean                     in_item) G_GNUC_WARN_UNUSED_RESULT;
SlvAnnotationGeometry *slv_annotation_geometry_copy       (const SlvAnnotationGeometry *g) G_GNUC_WARN_UNUSED_RESULT;
void                   slv_annotation_geometry_free       (SlvAnnotationGeometry       *g);
void                   slv_annotation_geometry_add_point  (SlvAnnotationGeometry       *g,
                                                           double                       x,
                                                           double                       y,
                                                           double                       pressure);
const SlvInkPoint     *slv_annotation_geometry_get_point  (const SlvAnnotationGeometry *g,
                                                           guint                        index);
guint                  slv_annotation_geometry_get_n_points (const SlvAnnotationGeometry *g);

/* Number of points, finite values in range, width. */
gboolean               slv_annotation_geometry_validate   (const SlvAnnotationGeometry *g,
                                                           GError                     **error);
char                  *slv_annotation_geometry_to_json    (const SlvAnnotationGeometry *g) G_GNUC_WARN_UNUSED_RESULT;
/* Parses and validates; a user-readable error for anything else. */
SlvAnnotationGeometry *slv_annotation_geometry_from_json  (SlvAnnotationKind            kind,
                                                           const char                  *json,
                                                           GError                     **error) G_GNUC_WARN_UNUSED_RESULT;

/* Content (or board) → board. @frame is the item's frame for an attached
 * geometry, ignored (may be NULL) for a board one. Draw an attached
 * annotation with this matrix as the cairo transform, or map its points. */
void                   slv_annotation_geometry_get_matrix (const SlvAnnotationGeometry *g,
                                                           const SlvItemFrame          *frame,
                                                           SlvFrameMatrix              *out);
/* A board-space copy (in_item FALSE), mapped through @frame. */
SlvAnnotationGeometry *slv_annotation_geometry_to_board   (const SlvAnnotationGeometry *g,
                                                           const SlvItemFrame          *frame) G_GNUC_WARN_UNUSED_RESULT;
/* An attached copy of a board-space geometry: its points in @frame's
 * content coordinates. NULL with an error if @frame is not valid. */
SlvAnnotationGeometry *slv_annotation_geometry_to_item    (const SlvAnnotationGeometry *g,
                                                           const SlvItemFrame          *frame,
                                                           GError                     **error) G_GNUC_WARN_UNUSED_RESULT;
/* Moves every point by (dx, dy) board units, through @frame if attached. */
void                   slv_annotation_geometry_move_by    (SlvAnnotationGeometry       *g,
                                                           const SlvItemFrame          *frame,
                                                           double                       dx,
                                                           double                       dy);
/* What is drawn, as a polyline in board units: pin 1 point, ink and arrow
 * their points, rect and highlight 5 (closed), ellipse 65 (closed). */
GArray                *slv_annotation_geometry_outline    (const SlvAnnotationGeometry *g,
                                                           const SlvItemFrame          *frame) G_GNUC_WARN_UNUSED_RESULT;
/* Where the thread's numbered marker goes, in board units: the pin's tip,
 * the first point of a stroke or arrow, the top-left corner of a box. */
void                   slv_annotation_geometry_get_anchor (const SlvAnnotationGeometry *g,
                                                           const SlvItemFrame          *frame,
                                                           double                      *x,
                                                           double                      *y);
/* Board-space bounds, including half the stroke width: what to zoom to. */
void                   slv_annotation_geometry_get_bounds (const SlvAnnotationGeometry *g,
                                                           const SlvItemFrame          *frame,
                                                           SlvFrameRect                *out);
/* TRUE if board point (x, y) is within @tolerance of what is drawn (inside
 * a highlight counts; a rectangle or ellipse is hit on its outline). */
gboolean               slv_annotation_geometry_hit        (const SlvAnnotationGeometry *g,
                                                           const SlvItemFrame          *frame,
                                                           double                       x,
                                                           double                       y,
                                                           double                       tolerance);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlvAnnotationGeometry, slv_annotation_geometry_free)

G_END_DECLS
