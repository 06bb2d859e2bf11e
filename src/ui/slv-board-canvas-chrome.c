/* slv-board-canvas-chrome.c: what the canvas draws over the board: the
 * selection's outlines and handles, snapping guides, the rubber band and
 * the crop being edited.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-board-canvas"

#include "config.h"

#include <math.h>

#include "slv-board-canvas-private.h"
#include "slv-board-painter-private.h"

#define HANDLE_PX        9.0
#define HANDLE_HIT_PX    8.0
#define ROTATE_GAP_PX    26.0
#define LINE_PX          1.5

static const GdkRGBA accent = { 0.208f, 0.518f, 0.894f, 1 };
static const GdkRGBA locked = { 0.55f, 0.55f, 0.55f, 1 };
static const GdkRGBA guide = { 0.878f, 0.106f, 0.604f, 1 };
static const GdkRGBA white = { 1, 1, 1, 1 };

static SlvPoint
to_widget (const SlvBoardViewport *view,
           SlvPoint                p)
{
  SlvPoint w = { (p.x - view->x) * view->zoom, (p.y - view->y) * view->zoom };

  return w;
}

/* The outline of @g turned, @width pixels wide. */
static void
draw_outline (GtkSnapshot            *snapshot,
              const SlvBoardViewport *view,
              const SlvItemGeom      *g,
              const GdkRGBA          *color,
              float                   width)
{
  SlvPoint c = to_widget (view, slv_item_geom_get_center (g));
  float w = (float) (g->w * view->zoom), h = (float) (g->h * view->zoom);
  GskRoundedRect outline;

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (c.x, c.y));
  gtk_snapshot_rotate (snapshot, g->rotation);
  gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (-w / 2 - width / 2, -h / 2 - width / 2,
                                                                  w + width, h + width), 0);
  gtk_snapshot_append_border (snapshot, &outline, (float[4]) { width, width, width, width },
                              (GdkRGBA[4]) { *color, *color, *color, *color });
  gtk_snapshot_restore (snapshot);
}

static void
draw_handle (GtkSnapshot *snapshot,
             SlvPoint     p,
             gboolean     round)
{
  float s = (float) HANDLE_PX;
  graphene_rect_t r = GRAPHENE_RECT_INIT (p.x - s / 2, p.y - s / 2, s, s);
  GskRoundedRect box;
  float w = (float) LINE_PX;

  gsk_rounded_rect_init_from_rect (&box, &r, round ? s / 2 : 1.5f);
  gtk_snapshot_push_rounded_clip (snapshot, &box);
  gtk_snapshot_append_color (snapshot, &white, &r);
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_append_border (snapshot, &box, (float[4]) { w, w, w, w },
                              (GdkRGBA[4]) { accent, accent, accent, accent });
}

static void
draw_segment (GtkSnapshot   *snapshot,
              SlvPoint       a,
              SlvPoint       b,
              const GdkRGBA *color,
              float          width)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (a.x, a.y));
  gtk_snapshot_rotate (snapshot, atan2 (b.y - a.y, b.x - a.x) * 180 / G_PI);
  gtk_snapshot_append_color (snapshot, color,
                             &GRAPHENE_RECT_INIT (0, -width / 2, hypot (b.x - a.x, b.y - a.y), width));
  gtk_snapshot_restore (snapshot);
}

gboolean
canvas_selection_frame (SlvBoardCanvas *self,
                        SlvItemGeom    *out)
{
  const char * const *sel;
  gboolean any_unlocked = FALSE;
  SlvRect bounds;

  if (self->doc == NULL || self->read_only)
    return FALSE;
  sel = slv_board_doc_get_selection (self->doc);
  for (guint i = 0; sel[i] != NULL; i++)
    {
      SlvBoardItem *item = slv_board_doc_lookup (self->doc, sel[i]);

      if (item != NULL && !slv_board_item_get_locked (item))
        any_unlocked = TRUE;
    }
  if (!any_unlocked)
    return FALSE;
  if (sel[1] == NULL)
    {
      SlvBoardItem *item = slv_board_doc_lookup (self->doc, sel[0]);

      if (slv_board_item_get_kind (item) != SLV_BOARD_ITEM_GROUP)
        {
          slv_board_item_get_geom (item, out);
          return TRUE;
        }
    }
  if (!slv_board_doc_get_bounds (self->doc, NULL, &bounds))
    return FALSE;
  *out = (SlvItemGeom) { bounds.x, bounds.y, bounds.w, bounds.h, 0, FALSE, FALSE };
  return TRUE;
}

SlvPoint
canvas_rotate_handle (SlvBoardCanvas    *self,
                      const SlvItemGeom *frame)
{
  SlvPoint top = slv_item_geom_handle_position (frame, SLV_HANDLE_N);
  SlvPoint c = slv_item_geom_get_center (frame);
  double dx = top.x - c.x, dy = top.y - c.y, len = hypot (dx, dy);
  double gap = ROTATE_GAP_PX / self->zoom;

  if (len < 1e-9)
    {
      dx = 0, dy = -1, len = 1;
    }
  top.x += dx / len * gap;
  top.y += dy / len * gap;
  return top;
}

/* Side handles are left out when the frame is small on screen. */
static gboolean
handle_shown (const SlvItemGeom *frame,
              double             zoom,
              SlvHandle          handle)
{
  gboolean corner = handle == SLV_HANDLE_NE || handle == SLV_HANDLE_SE ||
                    handle == SLV_HANDLE_SW || handle == SLV_HANDLE_NW;

  return corner || MIN (frame->w, frame->h) * zoom >= 4 * HANDLE_PX;
}

gboolean
canvas_handle_at (SlvBoardCanvas *self,
                  double          wx,
                  double          wy,
                  SlvHandle      *handle,
                  gboolean       *rotate)
{
  SlvItemGeom frame;
  SlvPoint p;

  if (!canvas_selection_frame (self, &frame))
    return FALSE;
  p = slv_board_canvas_board_to_widget (self, canvas_rotate_handle (self, &frame).x,
                                        canvas_rotate_handle (self, &frame).y);
  if (hypot (p.x - wx, p.y - wy) <= HANDLE_HIT_PX)
    {
      *rotate = TRUE;
      *handle = SLV_HANDLE_N;
      return TRUE;
    }
  for (SlvHandle h = SLV_HANDLE_N; h <= SLV_HANDLE_NW; h++)
    {
      SlvPoint b = slv_item_geom_handle_position (&frame, h);

      if (!handle_shown (&frame, self->zoom, h))
        continue;
      p = slv_board_canvas_board_to_widget (self, b.x, b.y);
      if (fabs (p.x - wx) <= HANDLE_HIT_PX && fabs (p.y - wy) <= HANDLE_HIT_PX)
        {
          *rotate = FALSE;
          *handle = h;
          return TRUE;
        }
    }
  return FALSE;
}

static void
draw_selection (SlvBoardCanvas         *self,
                GtkSnapshot            *snapshot,
                const SlvBoardViewport *view)
{
  const char * const *sel = slv_board_doc_get_selection (self->doc);
  SlvItemGeom frame;

  for (guint i = 0; sel[i] != NULL; i++)
    {
      SlvBoardItem *item = slv_board_doc_lookup (self->doc, sel[i]);
      SlvItemGeom g;

      if (item == NULL)
        continue;
      slv_board_item_get_geom (item, &g);
      draw_outline (snapshot, view, &g, slv_board_item_get_locked (item) ? &locked : &accent,
                    (float) LINE_PX);
    }
  if (self->crop_id != NULL || self->drag == DRAG_MOVE || !canvas_selection_frame (self, &frame))
    return;
  if (sel[1] != NULL || slv_board_item_get_kind (slv_board_doc_lookup (self->doc, sel[0])) == SLV_BOARD_ITEM_GROUP)
    draw_outline (snapshot, view, &frame, &accent, 1);
  {
    SlvPoint top = to_widget (view, slv_item_geom_handle_position (&frame, SLV_HANDLE_N));
    SlvPoint knob = to_widget (view, canvas_rotate_handle (self, &frame));

    draw_segment (snapshot, top, knob, &accent, 1);
    draw_handle (snapshot, knob, TRUE);
  }
  for (SlvHandle h = SLV_HANDLE_N; h <= SLV_HANDLE_NW; h++)
    if (handle_shown (&frame, view->zoom, h))
      draw_handle (snapshot, to_widget (view, slv_item_geom_handle_position (&frame, h)), FALSE);
}

static void
draw_guides (SlvBoardCanvas         *self,
             GtkSnapshot            *snapshot,
             const SlvBoardViewport *view)
{
  for (guint i = 0; i < self->guides->len; i++)
    {
      const SlvGuide *g = &g_array_index (self->guides, SlvGuide, i);
      SlvPoint a, b;

      if (g->orientation == SLV_GUIDE_VERTICAL)
        {
          a = to_widget (view, (SlvPoint) { g->position, g->start });
          b = to_widget (view, (SlvPoint) { g->position, g->end });
        }
      else
        {
          a = to_widget (view, (SlvPoint) { g->start, g->position });
          b = to_widget (view, (SlvPoint) { g->end, g->position });
        }
      draw_segment (snapshot, a, b, &guide, 1);
    }
}

static void
draw_band (SlvBoardCanvas         *self,
           GtkSnapshot            *snapshot,
           const SlvBoardViewport *view)
{
  GdkRGBA fill = accent;
  SlvPoint a = to_widget (view, (SlvPoint) { self->band.x, self->band.y });
  graphene_rect_t r = GRAPHENE_RECT_INIT (a.x, a.y, self->band.w * view->zoom, self->band.h * view->zoom);
  GskRoundedRect box;

  fill.alpha = 0.12f;
  gtk_snapshot_append_color (snapshot, &fill, &r);
  gsk_rounded_rect_init_from_rect (&box, &r, 0);
  gtk_snapshot_append_border (snapshot, &box, (float[4]) { 1, 1, 1, 1 },
                              (GdkRGBA[4]) { accent, accent, accent, accent });
}

/* -- crop mode -- */

static SlvBoardItem *
crop_item (SlvBoardCanvas *self,
           SlvRect        *current,
           SlvAffine      *content)
{
  SlvBoardItem *item = self->crop_id ? slv_board_doc_lookup (self->doc, self->crop_id) : NULL;
  SlvItemGeom g;

  if (item == NULL)
    return NULL;
  slv_board_item_get_crop (item, current);
  slv_board_item_get_geom (item, &g);
  slv_item_geom_get_content_transform (&g, content);
  return item;
}

/* The part @r (normalised to the picture) in local content units. */
static SlvRect
crop_local (SlvBoardItem  *item,
            const SlvRect *current,
            const SlvRect *r)
{
  const SlvBoardItemState *s = slv_board_item_get_state (item);
  double kx = s->w / current->w, ky = s->h / current->h;

  return slv_rect_make ((r->x - current->x) * kx, (r->y - current->y) * ky, r->w * kx, r->h * ky);
}

SlvPoint
canvas_crop_point (SlvBoardCanvas *self,
                   double          wx,
                   double          wy)
{
  SlvPoint board = slv_board_canvas_widget_to_board (self, wx, wy), local, out = { 0, 0 };
  SlvBoardItem *item;
  SlvRect current;
  SlvAffine m;

  item = crop_item (self, &current, &m);
  if (item == NULL || !slv_affine_invert (&m))
    return out;
  local = slv_affine_apply (&m, board.x, board.y);
  out.x = current.x + local.x * current.w / slv_board_item_get_state (item)->w;
  out.y = current.y + local.y * current.h / slv_board_item_get_state (item)->h;
  return out;
}

gboolean
canvas_crop_handle_at (SlvBoardCanvas *self,
                       double          wx,
                       double          wy,
                       SlvHandle      *handle,
                       gboolean       *inside)
{
  SlvBoardItem *item;
  SlvRect current, local;
  SlvAffine m;
  SlvPoint p;

  item = crop_item (self, &current, &m);
  if (item == NULL)
    return FALSE;
  local = crop_local (item, &current, &self->crop);
  for (SlvHandle h = SLV_HANDLE_N; h <= SLV_HANDLE_NW; h++)
    {
      SlvPoint l = slv_rect_handle_position (&local, h);
      SlvPoint b = slv_affine_apply (&m, l.x, l.y);

      p = slv_board_canvas_board_to_widget (self, b.x, b.y);
      if (fabs (p.x - wx) <= HANDLE_HIT_PX && fabs (p.y - wy) <= HANDLE_HIT_PX)
        {
          *handle = h;
          *inside = FALSE;
          return TRUE;
        }
    }
  p = canvas_crop_point (self, wx, wy);
  *inside = slv_rect_contains_point (&self->crop, p.x, p.y);
  return *inside;
}

/* One arm of a crop mark: from @from a short way towards @to, white on a
 * dark edge so it shows on any picture. */
static void
crop_arm (GtkSnapshot *snapshot,
          SlvPoint     from,
          SlvPoint     to,
          double       length)
{
  static const GdkRGBA dark = { 0, 0, 0, 0.55f };
  double d = hypot (to.x - from.x, to.y - from.y);
  SlvPoint end;

  if (d < 1e-6)
    return;
  length = MIN (length, d / 2);
  end.x = from.x + (to.x - from.x) / d * length;
  end.y = from.y + (to.y - from.y) / d * length;
  draw_segment (snapshot, from, end, &dark, 6);
  draw_segment (snapshot, from, end, &white, 3);
}

/* The crop's outline, with L marks at its corners and bars mid-side. */
static void
crop_frame (GtkSnapshot            *snapshot,
            const SlvBoardViewport *view,
            const SlvAffine        *m,
            const SlvRect          *edit)
{
  static const GdkRGBA line = { 1, 1, 1, 0.9f };
  SlvPoint p[8];

  for (SlvHandle h = SLV_HANDLE_N; h <= SLV_HANDLE_NW; h++)
    {
      SlvPoint l = slv_rect_handle_position (edit, h);

      p[h] = to_widget (view, slv_affine_apply (m, l.x, l.y));
    }
  for (guint c = SLV_HANDLE_NE; c <= SLV_HANDLE_NW; c += 2)
    draw_segment (snapshot, p[c], p[(c + 2) % 8], &line, 1);
  for (guint c = SLV_HANDLE_NE; c <= SLV_HANDLE_NW; c += 2)
    {
      crop_arm (snapshot, p[c], p[(c + 2) % 8], 18);
      crop_arm (snapshot, p[c], p[(c + 6) % 8], 18);
    }
  for (guint e = SLV_HANDLE_N; e <= SLV_HANDLE_W; e += 2)
    {
      crop_arm (snapshot, p[e], p[(e + 1) % 8], 9);
      crop_arm (snapshot, p[e], p[(e + 7) % 8], 9);
    }
}

static void
draw_crop (SlvBoardCanvas         *self,
           GtkSnapshot            *snapshot,
           const SlvBoardViewport *view)
{
  PainterFrame frame = { FALSE, view->zoom, 0, 0, 0, 0 };
  GskTransform *t;
  SlvBoardItem *item;
  SlvRect current, full, edit;
  SlvItemGeom g;
  SlvAffine m;

  item = crop_item (self, &current, &m);
  if (item == NULL)
    return;
  full = crop_local (item, &current, &(SlvRect) { 0, 0, 1, 1 });
  edit = crop_local (item, &current, &self->crop);
  frame.w = full.w, frame.h = full.h;
  slv_board_item_get_geom (item, &g);
  t = painter_item_transform (&g, view, TRUE);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_transform (snapshot, t);
  gsk_transform_unref (t);
  /* the whole picture faded, the part kept at full strength over it */
  gtk_snapshot_push_opacity (snapshot, 0.35);
  painter_draw_picture (self->painter, snapshot, &frame, slv_board_item_get_blob (item), SLV_MIP_1024,
                        -1, NULL, full.x, full.y, full.w, full.h);
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (edit.x, edit.y, edit.w, edit.h));
  painter_draw_picture (self->painter, snapshot, &frame, slv_board_item_get_blob (item), SLV_MIP_1024,
                        -1, NULL, full.x, full.y, full.w, full.h);
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_restore (snapshot);

  crop_frame (snapshot, view, &m, &edit);
}

void
canvas_draw_chrome (SlvBoardCanvas         *self,
                    GtkSnapshot            *snapshot,
                    const SlvBoardViewport *view)
{
  if (self->crop_id != NULL)
    draw_crop (self, snapshot, view);
  else
    draw_selection (self, snapshot, view);
  draw_guides (self, snapshot, view);
  if (self->drag == DRAG_BAND)
    draw_band (self, snapshot, view);
}
