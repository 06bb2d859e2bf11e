/* slv-item-geom.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-item-geom"

#include "config.h"

#include <math.h>

#include "slv-item-geom.h"

SlvPoint
slv_item_geom_get_center (const SlvItemGeom *g)
{
  SlvPoint c = { g->x + g->w / 2, g->y + g->h / 2 };

  return c;
}

void
slv_item_geom_set_center (SlvItemGeom *g,
                          SlvPoint     center)
{
  g->x = center.x - g->w / 2;
  g->y = center.y - g->h / 2;
}

void
slv_item_geom_get_transform (const SlvItemGeom *g,
                             SlvAffine         *out)
{
  SlvPoint c = slv_item_geom_get_center (g);
  SlvAffine m;

  /* local → centred → turned → placed */
  slv_affine_init_translate (&m, c.x, c.y);
  slv_affine_rotate (&m, g->rotation);
  slv_affine_translate (&m, -g->w / 2, -g->h / 2);
  *out = m;
}

void
slv_item_geom_get_content_transform (const SlvItemGeom *g,
                                     SlvAffine         *out)
{
  slv_item_geom_get_transform (g, out);
  if (g->flip_h)
    {
      slv_affine_translate (out, g->w, 0);
      slv_affine_scale (out, -1, 1);
    }
  if (g->flip_v)
    {
      slv_affine_translate (out, 0, g->h);
      slv_affine_scale (out, 1, -1);
    }
}

void
slv_item_geom_get_corners (const SlvItemGeom *g,
                           SlvPoint           out[4])
{
  SlvAffine m;

  slv_item_geom_get_transform (g, &m);
  out[0] = slv_affine_apply (&m, 0, 0);
  out[1] = slv_affine_apply (&m, g->w, 0);
  out[2] = slv_affine_apply (&m, g->w, g->h);
  out[3] = slv_affine_apply (&m, 0, g->h);
}

void
slv_item_geom_get_bounds (const SlvItemGeom *g,
                          SlvRect           *out)
{
  SlvPoint corners[4];

  if (slv_angle_normalize (g->rotation) == 0)
    {
      *out = slv_rect_make (g->x, g->y, g->w, g->h);
      return;
    }
  slv_item_geom_get_corners (g, corners);
  slv_rect_from_points (corners, 4, out);
}

SlvPoint
slv_item_geom_to_local (const SlvItemGeom *g,
                        double             x,
                        double             y)
{
  SlvAffine m;

  slv_item_geom_get_transform (g, &m);
  /* A pure rotation and translation always inverts. */
  slv_affine_invert (&m);
  return slv_affine_apply (&m, x, y);
}

SlvPoint
slv_item_geom_handle_position (const SlvItemGeom *g,
                               SlvHandle          handle)
{
  SlvRect local = { 0, 0, g->w, g->h };
  SlvPoint p = slv_rect_handle_position (&local, handle);
  SlvAffine m;

  slv_item_geom_get_transform (g, &m);
  return slv_affine_apply (&m, p.x, p.y);
}

gboolean
slv_item_geom_contains_point (const SlvItemGeom *g,
                              double             x,
                              double             y,
                              double             tolerance)
{
  SlvPoint l = slv_item_geom_to_local (g, x, y);

  return l.x >= -tolerance && l.y >= -tolerance &&
         l.x <= g->w + tolerance && l.y <= g->h + tolerance;
}

static void
project (const SlvPoint *pts,
         guint           n,
         double          ax,
         double          ay,
         double         *lo,
         double         *hi)
{
  *lo = G_MAXDOUBLE;
  *hi = -G_MAXDOUBLE;
  for (guint i = 0; i < n; i++)
    {
      double d = pts[i].x * ax + pts[i].y * ay;

      *lo = MIN (*lo, d);
      *hi = MAX (*hi, d);
    }
}

gboolean
slv_item_geom_intersects_rect (const SlvItemGeom *g,
                               const SlvRect     *rect)
{
  SlvPoint item[4];
  SlvPoint box[4] = {
    { rect->x, rect->y }, { rect->x + rect->w, rect->y },
    { rect->x + rect->w, rect->y + rect->h }, { rect->x, rect->y + rect->h },
  };
  SlvRect bounds;
  double axes[2][2];

  slv_item_geom_get_bounds (g, &bounds);
  if (!slv_rect_intersects (&bounds, rect))
    return FALSE;
  if (slv_angle_normalize (g->rotation) == 0)
    return TRUE;

  /* Separating axes: the box's axes are covered by the bounds test above;
   * test the item's own two edge directions. */
  slv_item_geom_get_corners (g, item);
  axes[0][0] = item[1].x - item[0].x, axes[0][1] = item[1].y - item[0].y;
  axes[1][0] = item[3].x - item[0].x, axes[1][1] = item[3].y - item[0].y;
  for (guint i = 0; i < 2; i++)
    {
      double alo, ahi, blo, bhi;

      project (item, 4, axes[i][0], axes[i][1], &alo, &ahi);
      project (box, 4, axes[i][0], axes[i][1], &blo, &bhi);
      if (ahi < blo || bhi < alo)
        return FALSE;
    }
  return TRUE;
}

gboolean
slv_item_geom_inside_rect (const SlvItemGeom *g,
                           const SlvRect     *rect)
{
  SlvRect bounds;

  slv_item_geom_get_bounds (g, &bounds);
  return slv_rect_contains_rect (rect, &bounds);
}

void
slv_item_geom_resize (const SlvItemGeom *start,
                      SlvHandle          handle,
                      SlvPoint           pointer,
                      SlvResizeFlags     flags,
                      double             min_size,
                      SlvItemGeom       *out)
{
  SlvRect local = { 0, 0, start->w, start->h };
  SlvPoint p = slv_item_geom_to_local (start, pointer.x, pointer.y);
  SlvPoint c;
  SlvRect resized;
  SlvAffine m;

  slv_rect_resize (&local, handle, p, flags, min_size, &resized);
  slv_item_geom_get_transform (start, &m);
  c = slv_rect_center (&resized);
  c = slv_affine_apply (&m, c.x, c.y);

  *out = *start;
  out->w = resized.w;
  out->h = resized.h;
  slv_item_geom_set_center (out, c);
}

void
slv_item_geom_scale_about (const SlvItemGeom *g,
                           SlvPoint           origin,
                           double             sx,
                           double             sy,
                           SlvItemGeom       *out)
{
  SlvPoint c = slv_item_geom_get_center (g);
  double a = slv_angle_normalize (g->rotation) * G_PI / 180;
  double cs = cos (a), sn = sin (a);
  double fw, fh;

  /* How much the item's own axes stretch under the board-axis scale: exact
   * at right angles, a close fit in between. */
  fw = sqrt ((sx * cs) * (sx * cs) + (sy * sn) * (sy * sn));
  fh = sqrt ((sx * sn) * (sx * sn) + (sy * cs) * (sy * cs));

  *out = *g;
  out->w = g->w * fw;
  out->h = g->h * fh;
  c.x = origin.x + (c.x - origin.x) * sx;
  c.y = origin.y + (c.y - origin.y) * sy;
  slv_item_geom_set_center (out, c);
}

void
slv_item_geom_rotate_about (const SlvItemGeom *g,
                            SlvPoint           origin,
                            double             degrees,
                            SlvItemGeom       *out)
{
  SlvPoint c = slv_item_geom_get_center (g);
  SlvAffine m;

  slv_affine_init_translate (&m, origin.x, origin.y);
  slv_affine_rotate (&m, degrees);
  slv_affine_translate (&m, -origin.x, -origin.y);

  *out = *g;
  out->rotation = slv_angle_normalize (g->rotation + degrees);
  slv_item_geom_set_center (out, slv_affine_apply (&m, c.x, c.y));
}
