/* slv-item-frame.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-item-frame"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "slv-item-frame.h"
#include "slv-item-geom.h"
#include "slv-review-error.h"

void
slv_item_frame_init (SlvItemFrame *frame,
                     double        x,
                     double        y,
                     double        w,
                     double        h)
{
  g_return_if_fail (frame != NULL);

  *frame = (SlvItemFrame) {
    .x = x, .y = y, .w = w, .h = h,
    .rotation = 0, .flip_h = FALSE, .flip_v = FALSE,
    .crop_x = 0, .crop_y = 0, .crop_w = 1, .crop_h = 1,
  };
}

static gboolean
crop_is_valid (double cx,
               double cy,
               double cw,
               double ch)
{
  const double slack = 1e-9;

  return isfinite (cx) && isfinite (cy) && isfinite (cw) && isfinite (ch) &&
         cw > 0 && ch > 0 && cx >= -slack && cy >= -slack &&
         cx + cw <= 1 + slack && cy + ch <= 1 + slack;
}

gboolean
slv_item_frame_is_valid (const SlvItemFrame *frame)
{
  g_return_val_if_fail (frame != NULL, FALSE);

  return isfinite (frame->x) && isfinite (frame->y) && isfinite (frame->w) &&
         isfinite (frame->h) && isfinite (frame->rotation) &&
         frame->w > 0 && frame->h > 0 &&
         crop_is_valid (frame->crop_x, frame->crop_y, frame->crop_w, frame->crop_h);
}

gboolean
slv_item_frame_set_crop_text (SlvItemFrame  *frame,
                              const char    *text,
                              GError       **error)
{
  double v[4];
  const char *p = text;
  guint n = 0;

  g_return_val_if_fail (frame != NULL, FALSE);

  if (text == NULL)
    p = "";
  while (g_ascii_isspace (*p))
    p++;
  if (*p == '\0')
    {
      frame->crop_x = frame->crop_y = 0;
      frame->crop_w = frame->crop_h = 1;
      return TRUE;
    }
  while (*p != '\0' && n < 4)
    {
      char *end = NULL;

      v[n] = g_ascii_strtod (p, &end);
      if (end == p)
        break;
      n++;
      p = end;
      while (g_ascii_isspace (*p))
        p++;
    }
  if (n != 4 || *p != '\0' || !crop_is_valid (v[0], v[1], v[2], v[3]))
    {
      g_set_error (error, SLV_REVIEW_ERROR, SLV_REVIEW_ERROR_INVALID,
                   _("The crop “%s” is not four numbers “x y width height” "
                     "describing a part of the image between 0 and 1."), text);
      return FALSE;
    }
  frame->crop_x = v[0];
  frame->crop_y = v[1];
  frame->crop_w = v[2];
  frame->crop_h = v[3];
  return TRUE;
}

void
slv_item_frame_get_matrix (const SlvItemFrame *frame,
                           SlvFrameMatrix     *out)
{
  SlvItemGeom geom;

  g_return_if_fail (frame != NULL && out != NULL);

  /* content → the shown part stretched over the item → the item's own
   * content transform (flips, turn about the centre, place) */
  geom = (SlvItemGeom) { frame->x, frame->y, frame->w, frame->h, frame->rotation, frame->flip_h, frame->flip_v };
  slv_item_geom_get_content_transform (&geom, out);
  slv_affine_scale (out, frame->w / frame->crop_w, frame->h / frame->crop_h);
  slv_affine_translate (out, -frame->crop_x, -frame->crop_y);
}

void
slv_item_frame_to_board (const SlvItemFrame *frame,
                         double              u,
                         double              v,
                         double             *x,
                         double             *y)
{
  SlvFrameMatrix m;

  g_return_if_fail (x != NULL && y != NULL);

  slv_item_frame_get_matrix (frame, &m);
  *x = u;
  *y = v;
  slv_frame_matrix_transform (&m, x, y);
}

gboolean
slv_item_frame_from_board (const SlvItemFrame *frame,
                           double              x,
                           double              y,
                           double             *u,
                           double             *v)
{
  SlvFrameMatrix m, inv;

  g_return_val_if_fail (u != NULL && v != NULL, FALSE);

  if (!slv_item_frame_is_valid (frame))
    return FALSE;
  slv_item_frame_get_matrix (frame, &m);
  if (!slv_frame_matrix_invert (&m, &inv))
    return FALSE;
  slv_frame_matrix_transform (&inv, &x, &y);
  *u = x;
  *v = y;
  return TRUE;
}

gboolean
slv_item_frame_shows (const SlvItemFrame *frame,
                      double              u,
                      double              v)
{
  const double slack = 1e-9;

  g_return_val_if_fail (frame != NULL, FALSE);

  return u >= frame->crop_x - slack && u <= frame->crop_x + frame->crop_w + slack &&
         v >= frame->crop_y - slack && v <= frame->crop_y + frame->crop_h + slack;
}

double
slv_item_frame_get_scale (const SlvItemFrame *frame)
{
  g_return_val_if_fail (frame != NULL, 1.0);

  if (!slv_item_frame_is_valid (frame))
    return 1.0;
  return sqrt ((frame->w / frame->crop_w) * (frame->h / frame->crop_h));
}

void
slv_frame_matrix_init_identity (SlvFrameMatrix *m)
{
  g_return_if_fail (m != NULL);

  slv_affine_init_identity (m);
}

void
slv_frame_matrix_transform (const SlvFrameMatrix *m,
                            double               *x,
                            double               *y)
{
  SlvPoint p;

  g_return_if_fail (m != NULL && x != NULL && y != NULL);

  p = slv_affine_apply (m, *x, *y);
  *x = p.x;
  *y = p.y;
}

gboolean
slv_frame_matrix_invert (const SlvFrameMatrix *m,
                         SlvFrameMatrix       *out)
{
  SlvFrameMatrix r;

  g_return_val_if_fail (m != NULL && out != NULL, FALSE);

  r = *m;
  if (!slv_affine_invert (&r))
    return FALSE;
  *out = r;
  return TRUE;
}

void
slv_frame_rect_init_empty (SlvFrameRect *rect)
{
  g_return_if_fail (rect != NULL);

  *rect = (SlvFrameRect) { 0, 0, -1, -1 };
}

gboolean
slv_frame_rect_is_empty (const SlvFrameRect *rect)
{
  g_return_val_if_fail (rect != NULL, TRUE);

  return rect->w < 0 || rect->h < 0;
}

void
slv_frame_rect_add_point (SlvFrameRect *rect,
                          double        x,
                          double        y)
{
  double x1, y1;

  g_return_if_fail (rect != NULL);

  if (slv_frame_rect_is_empty (rect))
    {
      *rect = (SlvFrameRect) { x, y, 0, 0 };
      return;
    }
  x1 = MAX (rect->x + rect->w, x);
  y1 = MAX (rect->y + rect->h, y);
  rect->x = MIN (rect->x, x);
  rect->y = MIN (rect->y, y);
  rect->w = x1 - rect->x;
  rect->h = y1 - rect->y;
}
