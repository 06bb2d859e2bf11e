/* slv-geometry.h: points, rectangles and 2-D affine transforms.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Board coordinates have x to the right and y down, like cairo and GSK, so a
 * positive rotation turns clockwise on screen. An SlvAffine maps (x, y) to
 * (xx·x + xy·y + x0, yx·x + yy·y + y0), the layout of cairo_matrix_t.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  double x, y;
} SlvPoint;

typedef struct
{
  double x, y, w, h;
} SlvRect;

typedef struct
{
  double xx, yx, xy, yy, x0, y0;
} SlvAffine;

/* The eight resize handles of a rectangle, clockwise from the top. */
typedef enum
{
  SLV_HANDLE_N,
  SLV_HANDLE_NE,
  SLV_HANDLE_E,
  SLV_HANDLE_SE,
  SLV_HANDLE_S,
  SLV_HANDLE_SW,
  SLV_HANDLE_W,
  SLV_HANDLE_NW,
} SlvHandle;

typedef enum
{
  SLV_RESIZE_DEFAULT     = 0,
  SLV_RESIZE_ASPECT      = 1 << 0,   /* keep the width:height ratio */
  SLV_RESIZE_FROM_CENTER = 1 << 1,   /* the centre stays put */
} SlvResizeFlags;

static inline SlvRect
slv_rect_make (double x, double y, double w, double h)
{
  SlvRect r = { x, y, w, h };
  return r;
}

gboolean slv_rect_is_empty          (const SlvRect   *r);
gboolean slv_rect_contains_point    (const SlvRect   *r,
                                     double           x,
                                     double           y);
gboolean slv_rect_contains_rect     (const SlvRect   *outer,
                                     const SlvRect   *inner);
gboolean slv_rect_intersects        (const SlvRect   *a,
                                     const SlvRect   *b);
/* Open intersection: rectangles that only touch do not overlap. */
gboolean slv_rect_overlaps          (const SlvRect   *a,
                                     const SlvRect   *b,
                                     double           epsilon);
void     slv_rect_union             (const SlvRect   *a,
                                     const SlvRect   *b,
                                     SlvRect         *out);
gboolean slv_rect_intersection      (const SlvRect   *a,
                                     const SlvRect   *b,
                                     SlvRect         *out);
void     slv_rect_inflate           (SlvRect         *r,
                                     double           dx,
                                     double           dy);
SlvPoint slv_rect_center            (const SlvRect   *r);
double   slv_rect_area              (const SlvRect   *r);
gboolean slv_rect_equal             (const SlvRect   *a,
                                     const SlvRect   *b,
                                     double           epsilon);
/* The bounds of @n points. */
void     slv_rect_from_points       (const SlvPoint  *points,
                                     guint            n,
                                     SlvRect         *out);
/* Resizes @start by dragging @handle to @pointer. The result is at least
 * @min_size on each side; it never turns inside out. */
void     slv_rect_resize            (const SlvRect   *start,
                                     SlvHandle        handle,
                                     SlvPoint         pointer,
                                     SlvResizeFlags   flags,
                                     double           min_size,
                                     SlvRect         *out);
/* Where @handle sits on @r. */
SlvPoint slv_rect_handle_position   (const SlvRect   *r,
                                     SlvHandle        handle);

void     slv_affine_init_identity   (SlvAffine       *m);
void     slv_affine_init_translate  (SlvAffine       *m,
                                     double           tx,
                                     double           ty);
void     slv_affine_init_scale      (SlvAffine       *m,
                                     double           sx,
                                     double           sy);
void     slv_affine_init_rotate     (SlvAffine       *m,
                                     double           degrees);
/* @out = apply @first, then @second (out may alias either). */
void     slv_affine_multiply        (const SlvAffine *first,
                                     const SlvAffine *second,
                                     SlvAffine       *out);
void     slv_affine_translate       (SlvAffine       *m,
                                     double           tx,
                                     double           ty);
void     slv_affine_scale           (SlvAffine       *m,
                                     double           sx,
                                     double           sy);
void     slv_affine_rotate          (SlvAffine       *m,
                                     double           degrees);
/* FALSE (and @m unchanged) when @m cannot be inverted. */
gboolean slv_affine_invert          (SlvAffine       *m);
SlvPoint slv_affine_apply           (const SlvAffine *m,
                                     double           x,
                                     double           y);
SlvPoint slv_affine_apply_distance  (const SlvAffine *m,
                                     double           dx,
                                     double           dy);
/* The axis-aligned bounds of @r after @m. */
void     slv_affine_apply_bounds    (const SlvAffine *m,
                                     const SlvRect   *r,
                                     SlvRect         *out);
double   slv_affine_determinant     (const SlvAffine *m);

/* @degrees brought into [0, 360). */
double   slv_angle_normalize        (double           degrees);

G_END_DECLS
