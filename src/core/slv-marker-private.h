/* slv-marker-private.h: shared by slv-marker.c and slv-marker-grid.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "slv-marker.h"

G_BEGIN_DECLS

typedef struct
{
  int lo, hi;                 /* rows [lo, hi) for spans, [lo, hi] for feasible sets */
} Span;

typedef struct
{
  double xx, yx, xy, yy, x0, y0;
} Affine;

typedef struct
{
  double      rotation;
  gboolean    flipped;
  Affine      map;            /* piece coordinates → variant frame */
  SlvPolygon *shape;          /* in the variant frame */
  int         nc, nr;
  GArray     *spans;          /* Span, column after column */
  GArray     *starts;         /* int, nc + 1 offsets into spans */
} Variant;

typedef struct
{
  char       *label;
  SlvPolygon *outline;
  double      grain;
  guint       copies, flipped;
  double      area, length, breadth;
  GPtrArray  *plain;          /* Variant */
  GPtrArray  *mirror;         /* Variant, for flipped copies */
} Piece;

typedef struct
{
  GPtrArray *columns;         /* GArray of free Spans per column */
  int        rows;
} Fabric;

/* slv-marker-grid.c: affine maps */
/* @a then @b */
Affine      slv_marker_affine_then   (Affine            a,
                                      Affine            b);
SlvPolygon *slv_marker_affine_apply  (Affine            m,
                                      const SlvPolygon *poly);

/* slv-marker-grid.c: variants, rasterised once into column spans */
Variant    *slv_marker_variant_new   (const Piece      *piece,
                                      double            rotation,
                                      gboolean          flipped,
                                      double            cell,
                                      double            pad);
void        slv_marker_variant_free  (gpointer          data);

/* slv-marker-grid.c: the fabric's free row spans per column */
void        slv_marker_fabric_init   (Fabric           *f,
                                      int               rows);
void        slv_marker_fabric_clear  (Fabric           *f);
/* Lowest feasible row for @v at column @x, or −1. */
int         slv_marker_fabric_fit    (Fabric           *f,
                                      const Variant    *v,
                                      int               x,
                                      GArray           *set,
                                      GArray           *tmp);
void        slv_marker_fabric_occupy (Fabric           *f,
                                      const Variant    *v,
                                      int               x,
                                      int               y,
                                      GArray           *tmp);

G_END_DECLS
