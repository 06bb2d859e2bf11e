/* slv-polygon.h: plane polygons and polylines for pattern pieces.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A SlvPolygon is a reference-counted list of points. As a ring it is
 * implicitly closed (the last point joins the first; a repeated closing
 * point is not stored); the same type carries open polylines (internal
 * lines, the split boundary segments a CAD writes) before they are chained.
 * Units are whatever the caller uses (Selvedge keeps pattern geometry in
 * millimetres).
 */
#pragma once

#include <glib-object.h>

#include "slv-geometry.h"

G_BEGIN_DECLS

typedef struct
{
  double x0, y0, x1, y1;   /* x0 > x1 when empty */
} SlvBBox;

typedef enum
{
  SLV_ORIENTATION_DEGENERATE = 0,   /* zero area */
  SLV_ORIENTATION_CCW,              /* positive signed area */
  SLV_ORIENTATION_CW,
} SlvOrientation;

typedef enum
{
  SLV_POINT_OUTSIDE = 0,
  SLV_POINT_INSIDE,
  SLV_POINT_ON_BOUNDARY,
} SlvPointLocation;

typedef struct _SlvPolygon SlvPolygon;

#define SLV_TYPE_POLYGON (slv_polygon_get_type ())
GType            slv_polygon_get_type          (void) G_GNUC_CONST;

SlvPolygon      *slv_polygon_new               (void) G_GNUC_WARN_UNUSED_RESULT;
SlvPolygon      *slv_polygon_new_from_points   (const SlvPoint    *points,
                                                guint              n_points) G_GNUC_WARN_UNUSED_RESULT;
SlvPolygon      *slv_polygon_copy              (const SlvPolygon  *self) G_GNUC_WARN_UNUSED_RESULT;
SlvPolygon      *slv_polygon_ref               (SlvPolygon        *self);
void             slv_polygon_unref             (SlvPolygon        *self);

void             slv_polygon_append            (SlvPolygon        *self,
                                                double             x,
                                                double             y);
/* Appends the points of @other from index @from (to skip a shared joint). */
void             slv_polygon_extend            (SlvPolygon        *self,
                                                const SlvPolygon  *other,
                                                guint              from,
                                                gboolean           reversed);
/* Removes every point. */
void             slv_polygon_clear             (SlvPolygon        *self);
guint            slv_polygon_get_n_points      (const SlvPolygon  *self);
const SlvPoint  *slv_polygon_get_points        (const SlvPolygon  *self);
SlvPoint         slv_polygon_get_point         (const SlvPolygon  *self,
                                                guint              index);
SlvPoint         slv_polygon_first             (const SlvPolygon  *self);
SlvPoint         slv_polygon_last              (const SlvPolygon  *self);
/* Drops a last point that repeats the first within @tolerance. */
gboolean         slv_polygon_drop_closing_point (SlvPolygon       *self,
                                                double             tolerance);

/* Ring measures. */
double           slv_polygon_signed_area       (const SlvPolygon  *self);
double           slv_polygon_area              (const SlvPolygon  *self);
double           slv_polygon_perimeter         (const SlvPolygon  *self);
/* Length of the open polyline (no closing edge). */
double           slv_polygon_length            (const SlvPolygon  *self);
SlvBBox          slv_polygon_bbox              (const SlvPolygon  *self);
SlvPoint         slv_polygon_centroid          (const SlvPolygon  *self);
SlvOrientation   slv_polygon_orientation       (const SlvPolygon  *self);
void             slv_polygon_reverse           (SlvPolygon        *self);
/* TRUE if every coordinate is finite. */
gboolean         slv_polygon_is_finite         (const SlvPolygon  *self);

/* In-place transforms. */
void             slv_polygon_scale             (SlvPolygon        *self,
                                                double             factor);
void             slv_polygon_translate         (SlvPolygon        *self,
                                                double             dx,
                                                double             dy);
/* Rotates by @degrees counter-clockwise about the origin. */
void             slv_polygon_rotate            (SlvPolygon        *self,
                                                double             degrees);
/* Mirrors about the x axis (y → −y) and restores the orientation. */
void             slv_polygon_flip_y            (SlvPolygon        *self);

/* Tests. Interiors only count as overlap: pieces that touch do not. */
SlvPointLocation slv_polygon_locate_point      (const SlvPolygon  *self,
                                                SlvPoint           p,
                                                double             tolerance);
gboolean         slv_polygons_overlap          (const SlvPolygon  *a,
                                                const SlvPolygon  *b,
                                                double             tolerance);

/* Mirror unfolding: the ring reflected about the line through @a and @b and
 * joined to itself along the fold. The fold must lie on the ring (its ends
 * within @tolerance of ring vertices, as CAD fold lines do); otherwise the
 * ring is reflected whole, and if both halves lie on one side of the line
 * the union of the two is returned as two rings' area (NULL outline). */
SlvPolygon      *slv_polygon_unfold            (const SlvPolygon  *self,
                                                SlvPoint           a,
                                                SlvPoint           b,
                                                double             tolerance,
                                                double            *out_area) G_GNUC_WARN_UNUSED_RESULT;
SlvPoint         slv_point_reflect             (SlvPoint           p,
                                                SlvPoint           a,
                                                SlvPoint           b);
double           slv_point_distance            (SlvPoint           a,
                                                SlvPoint           b);
/* Distance from @p to the segment @a–@b. */
double           slv_point_segment_distance    (SlvPoint           p,
                                                SlvPoint           a,
                                                SlvPoint           b);
/* Direction of the line @a→@b in degrees, folded into [0, 180): a grain
 * line has no arrow that matters for cutting on 0/180. */
double           slv_line_angle                (SlvPoint           a,
                                                SlvPoint           b);

/* A polyline whose vertices carry DXF bulges (tan(θ/4) of the arc to the
 * next vertex; positive = counter-clockwise), flattened so no arc step
 * turns more than @max_step_degrees. @bulges may be NULL. */
SlvPolygon      *slv_polygon_new_from_bulges   (const SlvPoint    *points,
                                                const double      *bulges,
                                                guint              n_points,
                                                gboolean           closed,
                                                double             max_step_degrees) G_GNUC_WARN_UNUSED_RESULT;

/* Chaining split polylines into one ring.
 * @pieces holds open SlvPolygon polylines in file order. They are joined
 * greedily end to end (reversing one when its far end matches), as long as
 * the ends meet within @tolerance. The result is the chained ring, with the
 * repeated closing point dropped; @out_closed tells whether it closed and
 * @out_unchained how many polylines could not be joined. */
SlvPolygon      *slv_polylines_chain           (GPtrArray         *pieces,
                                                double             tolerance,
                                                gboolean          *out_closed,
                                                guint             *out_unchained) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlvPolygon, slv_polygon_unref)

static inline gboolean
slv_bbox_is_empty (const SlvBBox *b)
{
  return b->x0 > b->x1 || b->y0 > b->y1;
}

static inline gboolean
slv_bbox_intersects (const SlvBBox *a,
                     const SlvBBox *b,
                     double         tolerance)
{
  return !(a->x1 < b->x0 - tolerance || b->x1 < a->x0 - tolerance ||
           a->y1 < b->y0 - tolerance || b->y1 < a->y0 - tolerance);
}

G_END_DECLS
