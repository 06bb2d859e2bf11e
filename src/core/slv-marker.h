/* slv-marker.h: a nesting estimate of pattern pieces on a fabric width.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SlvMarker lays pieces out bottom-left-fill on a strip of fabric: the
 * strip's width runs along y (0 … width, the selvedge-to-selvedge
 * direction), its length along x (the warp, where the grain runs). Each
 * piece is first turned so its grain line lies along x, then may be placed
 * at the allowed grain rotations (0/180, optionally 90/270) and, for the
 * mirrored copy of a pair, face down. Pieces are rasterised conservatively
 * on a grid (a cell is taken when the piece, grown by half the gap, touches
 * it), so placements never overlap; the real outlines are kept for checks
 * and drawing. Marker efficiency = Σ piece area ÷ (used length × width).
 */
#pragma once

#include <gio/gio.h>

#include "slv-polygon.h"

G_BEGIN_DECLS

#define SLV_MARKER_ERROR (slv_marker_error_quark ())

typedef enum
{
  SLV_MARKER_ERROR_NO_PIECES,
  SLV_MARKER_ERROR_TOO_WIDE,     /* a piece does not fit the width */
  SLV_MARKER_ERROR_INVALID,      /* bad width, NaN outline… */
  SLV_MARKER_ERROR_CANCELLED,
} SlvMarkerError;

typedef enum
{
  SLV_NEST_ROTATE_NONE = 0,        /* grain as given, 0° only */
  SLV_NEST_ROTATE_180  = 1 << 0,   /* 0° and 180° */
  SLV_NEST_ROTATE_90   = 1 << 1,   /* 90° and 270° as well (cross grain) */
} SlvNestRotations;

typedef struct
{
  double           width;        /* usable fabric width, mm */
  double           gap;          /* clearance between pieces, mm */
  double           resolution;   /* grid cell, mm; 0 chooses one from the width */
  SlvNestRotations rotations;
  guint            orderings;    /* piece orders tried (1–32; area, length, breadth, then
                                  * seeded variations of area); the best is kept */
} SlvNestOptions;

typedef struct
{
  guint       piece;             /* index given by slv_marker_add_piece() */
  guint       copy;              /* 0 … copies − 1 */
  double      rotation;          /* degrees applied after grain alignment */
  gboolean    flipped;           /* cut face down (mirror image) */
  /* Affine map from the piece's own coordinates to the marker:
   * x' = xx·x + xy·y + x0,  y' = yx·x + yy·y + y0 (cairo_matrix_t order). */
  double      xx, yx, xy, yy, x0, y0;
  SlvPolygon *outline;           /* the placed outline, marker coordinates */
} SlvPlacement;

#define SLV_TYPE_MARKER (slv_marker_get_type ())
G_DECLARE_FINAL_TYPE (SlvMarker, slv_marker, SLV, MARKER, GObject)

GQuark              slv_marker_error_quark      (void);
void                slv_nest_options_init       (SlvNestOptions      *options,
                                                 double               width_mm);

SlvMarker          *slv_marker_new              (const SlvNestOptions *options);
/* @grain_angle in degrees (−1: none, taken as along x). Returns the
 * piece's index. The marker keeps a reference to @outline. */
guint               slv_marker_add_piece        (SlvMarker           *self,
                                                 const char          *label,
                                                 SlvPolygon          *outline,
                                                 double               grain_angle,
                                                 guint                copies,
                                                 guint                flipped);
gboolean            slv_marker_nest             (SlvMarker           *self,
                                                 GCancellable        *cancellable,
                                                 GError             **error);

guint               slv_marker_get_n_pieces     (SlvMarker           *self);
const char         *slv_marker_get_label        (SlvMarker           *self,
                                                 guint                piece);
guint               slv_marker_get_n_placements (SlvMarker           *self);
const SlvPlacement *slv_marker_get_placement    (SlvMarker           *self,
                                                 guint                index);
double              slv_marker_get_width        (SlvMarker           *self);
/* Used length, mm: the far edge of the last piece. */
double              slv_marker_get_length       (SlvMarker           *self);
/* Σ area of the placed outlines, mm². */
double              slv_marker_get_piece_area   (SlvMarker           *self);
/* piece area ÷ (length × width), in (0, 1]. */
double              slv_marker_get_efficiency   (SlvMarker           *self);
double              slv_marker_get_resolution   (SlvMarker           *self);

G_END_DECLS
