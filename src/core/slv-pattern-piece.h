/* slv-pattern-piece.h: one pattern piece in one size.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Geometry is in millimetres, in the piece's drawing frame (y up). A piece
 * knows its boundary ring, the optional fold (mirror) line, grain line,
 * notches, drill holes, internal/sew/cut-out lines and its texts; from them
 * it derives the measures an import reports: area as drawn, area unfolded
 * about the fold, perimeter, bounding box, grain angle and the "cuts" — how
 * many copies of it a garment needs in which fabric.
 */
#pragma once

#include "slv-polygon.h"

G_BEGIN_DECLS

typedef enum
{
  SLV_QUANTITY_FROM_FILE = 0,    /* the piece's own Quantity text */
  SLV_QUANTITY_FROM_BASE_SIZE,   /* inherited from the base-size block */
  SLV_QUANTITY_FROM_ANNOTATION,  /* "2XFABRIC" when Quantity is 0 or absent */
  SLV_QUANTITY_DEFAULT,          /* nothing said: one */
} SlvQuantitySource;

typedef enum
{
  SLV_NOTCH_V = 4,        /* layer 4: V or slit */
  SLV_NOTCH_T = 80,
  SLV_NOTCH_CASTLE = 81,
  SLV_NOTCH_CHECK = 82,
  SLV_NOTCH_U = 83,
} SlvNotchKind;

typedef struct
{
  SlvPoint     at;
  SlvNotchKind kind;
  double       angle;    /* degrees, 0 when the file gives none */
} SlvNotch;

typedef struct
{
  SlvPoint at;
  int      rule;         /* grade rule number ("# 12" beside the point), or -1 */
  gboolean turn;         /* layer 2 turn point; FALSE for a layer 3 curve point */
} SlvGradePoint;

typedef struct
{
  char  *fabric;         /* fabric key: FABRIC, RIB, INTERLINING, "FABRIC 2"… */
  guint  count;          /* pieces of this fabric per garment */
  guint  flipped;        /* of which cut face down (mirror image) */
} SlvCut;

typedef enum
{
  SLV_PIECE_LINES_INTERNAL = 8,
  SLV_PIECE_LINES_CUTOUT = 11,
  SLV_PIECE_LINES_SEW = 14,
} SlvPieceLines;

#define SLV_TYPE_PATTERN_PIECE (slv_pattern_piece_get_type ())
G_DECLARE_FINAL_TYPE (SlvPatternPiece, slv_pattern_piece, SLV, PATTERN_PIECE, GObject)

SlvPatternPiece *slv_pattern_piece_new               (const char        *block);

const char      *slv_pattern_piece_get_block         (SlvPatternPiece   *self);
const char      *slv_pattern_piece_get_name          (SlvPatternPiece   *self);
void             slv_pattern_piece_set_name          (SlvPatternPiece   *self,
                                                      const char        *name);
const char      *slv_pattern_piece_get_size          (SlvPatternPiece   *self);
void             slv_pattern_piece_set_size          (SlvPatternPiece   *self,
                                                      const char        *size);

/* Texts as written (NULL when absent). */
const char      *slv_pattern_piece_get_quantity_text (SlvPatternPiece   *self);
const char      *slv_pattern_piece_get_category      (SlvPatternPiece   *self);
const char      *slv_pattern_piece_get_annotation    (SlvPatternPiece   *self);
const char      *slv_pattern_piece_get_fabric        (SlvPatternPiece   *self);
void             slv_pattern_piece_set_text          (SlvPatternPiece   *self,
                                                      const char        *key,
                                                      const char        *value);
/* Copies quantity, category, annotation and fabric from the base-size
 * piece when this one has none of them. */
void             slv_pattern_piece_inherit           (SlvPatternPiece   *self,
                                                      SlvPatternPiece   *base);

/* Geometry, in millimetres. The piece takes a reference. */
void             slv_pattern_piece_set_boundary      (SlvPatternPiece   *self,
                                                      SlvPolygon        *ring,
                                                      guint              segments,
                                                      gboolean           closed,
                                                      guint              unchained);
SlvPolygon      *slv_pattern_piece_get_boundary      (SlvPatternPiece   *self);
guint            slv_pattern_piece_get_boundary_segments (SlvPatternPiece *self);
gboolean         slv_pattern_piece_get_closed        (SlvPatternPiece   *self);
/* The layer-84 validation curve, when the file has one. */
void             slv_pattern_piece_set_curve         (SlvPatternPiece   *self,
                                                      SlvPolygon        *ring);
SlvPolygon      *slv_pattern_piece_get_curve         (SlvPatternPiece   *self);
void             slv_pattern_piece_set_mirror        (SlvPatternPiece   *self,
                                                      SlvPoint           a,
                                                      SlvPoint           b);
gboolean         slv_pattern_piece_get_mirror        (SlvPatternPiece   *self,
                                                      SlvPoint          *a,
                                                      SlvPoint          *b);
void             slv_pattern_piece_set_grain         (SlvPatternPiece   *self,
                                                      SlvPoint           a,
                                                      SlvPoint           b);
gboolean         slv_pattern_piece_get_grain         (SlvPatternPiece   *self,
                                                      SlvPoint          *a,
                                                      SlvPoint          *b);
void             slv_pattern_piece_add_notch         (SlvPatternPiece   *self,
                                                      SlvPoint           at,
                                                      SlvNotchKind       kind,
                                                      double             angle);
GArray          *slv_pattern_piece_get_notches       (SlvPatternPiece   *self);
void             slv_pattern_piece_add_drill_hole    (SlvPatternPiece   *self,
                                                      SlvPoint           at);
GArray          *slv_pattern_piece_get_drill_holes   (SlvPatternPiece   *self);
void             slv_pattern_piece_add_grade_point   (SlvPatternPiece   *self,
                                                      SlvPoint           at,
                                                      gboolean           turn);
/* Attaches @rule to the grade point at @at (within @tolerance). */
gboolean         slv_pattern_piece_set_grade_rule    (SlvPatternPiece   *self,
                                                      SlvPoint           at,
                                                      int                rule,
                                                      double             tolerance);
GArray          *slv_pattern_piece_get_grade_points  (SlvPatternPiece   *self);
void             slv_pattern_piece_add_lines         (SlvPatternPiece   *self,
                                                      SlvPieceLines      kind,
                                                      SlvPolygon        *line);
GPtrArray       *slv_pattern_piece_get_lines         (SlvPatternPiece   *self,
                                                      SlvPieceLines      kind);
void             slv_pattern_piece_add_label         (SlvPatternPiece   *self,
                                                      const char        *text);
GPtrArray       *slv_pattern_piece_get_labels        (SlvPatternPiece   *self);

/* Derived measures (mm, mm²). Call slv_pattern_piece_update() after the
 * geometry and texts are set. */
void             slv_pattern_piece_update            (SlvPatternPiece   *self);
double           slv_pattern_piece_get_area          (SlvPatternPiece   *self);
double           slv_pattern_piece_get_signed_area   (SlvPatternPiece   *self);
/* Area unfolded about the mirror line, or -1 without one. */
double           slv_pattern_piece_get_unfolded_area (SlvPatternPiece   *self);
/* The ring to cut: unfolded when there is a fold, else the boundary. */
SlvPolygon      *slv_pattern_piece_get_cut_outline   (SlvPatternPiece   *self);
double           slv_pattern_piece_get_cut_area      (SlvPatternPiece   *self);
double           slv_pattern_piece_get_perimeter     (SlvPatternPiece   *self);
SlvBBox          slv_pattern_piece_get_bbox          (SlvPatternPiece   *self);
/* Grain direction in degrees in [0, 180), or -1 without a grain line. */
double           slv_pattern_piece_get_grain_angle   (SlvPatternPiece   *self);
guint            slv_pattern_piece_get_quantity      (SlvPatternPiece   *self);
SlvQuantitySource slv_pattern_piece_get_quantity_source (SlvPatternPiece *self);
/* SlvCut items, the first being the piece's main fabric. */
GArray          *slv_pattern_piece_get_cuts          (SlvPatternPiece   *self);
/* "22597" for a CLO piece named Pattern2D_22597, else NULL. */
const char      *slv_pattern_piece_get_panel_id      (SlvPatternPiece   *self);
GPtrArray       *slv_pattern_piece_get_warnings      (SlvPatternPiece   *self);

/* "Pattern2D_123" anywhere in @name → "123" (newly allocated) or NULL. */
char            *slv_pattern_panel_id_from_name      (const char        *name) G_GNUC_WARN_UNUSED_RESULT;
/* Fabric key of an annotation word: "INTERLIN" → "INTERLINING". */
char            *slv_pattern_normalise_fabric        (const char        *word) G_GNUC_WARN_UNUSED_RESULT;
/* "1" → 1/0, "1,1" → 2/1 (ASTM: pieces, of which mirrored), FALSE if
 * not a quantity. */
gboolean         slv_pattern_parse_quantity          (const char        *text,
                                                      guint             *out_total,
                                                      guint             *out_flipped);

G_END_DECLS
