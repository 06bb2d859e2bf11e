/* slv-review-overlay-draw.c: annotations drawn in the canvas's snapshot.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-review-overlay"

#include "config.h"

#include <math.h>

#include "slv-review-overlay-private.h"

/* -- drawing -- */

static void
set_colour (cairo_t    *cr,
            const char *name,
            double      alpha)
{
  guint32 rgb = 0xe01b24;

  slv_annotation_colour_lookup (name, &rgb);
  cairo_set_source_rgba (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                         (rgb & 0xff) / 255.0, alpha);
}

static void
trace (cairo_t *cr,
       GArray  *points)
{
  for (guint i = 0; i < points->len; i++)
    {
      SlvInkPoint *p = &g_array_index (points, SlvInkPoint, i);

      if (i == 0)
        cairo_move_to (cr, p->x, p->y);
      else
        cairo_line_to (cr, p->x, p->y);
    }
}

static void
draw_ink (cairo_t *cr,
          GArray  *points,
          double   width)
{
  if (points->len == 1)
    {
      SlvInkPoint *p = &g_array_index (points, SlvInkPoint, 0);

      cairo_arc (cr, p->x, p->y, width * (0.3 + 0.7 * p->pressure) / 2, 0, 2 * G_PI);
      cairo_fill (cr);
      return;
    }
  /* pressure sets each segment's width */
  for (guint i = 1; i < points->len; i++)
    {
      SlvInkPoint *a = &g_array_index (points, SlvInkPoint, i - 1);
      SlvInkPoint *b = &g_array_index (points, SlvInkPoint, i);

      cairo_set_line_width (cr, width * (0.3 + 0.35 * (a->pressure + b->pressure)));
      cairo_move_to (cr, a->x, a->y);
      cairo_line_to (cr, b->x, b->y);
      cairo_stroke (cr);
    }
}

static void
draw_arrow (cairo_t *cr,
            GArray  *points,
            double   width)
{
  SlvInkPoint *a, *b;
  double angle, head;

  if (points->len < 2)
    return;
  a = &g_array_index (points, SlvInkPoint, 0);
  b = &g_array_index (points, SlvInkPoint, 1);
  angle = atan2 (b->y - a->y, b->x - a->x);
  head = MAX (width * 4, 6 * width / 2 + 4);
  cairo_set_line_width (cr, width);
  cairo_move_to (cr, a->x, a->y);
  cairo_line_to (cr, b->x - cos (angle) * head * 0.6, b->y - sin (angle) * head * 0.6);
  cairo_stroke (cr);
  cairo_move_to (cr, b->x, b->y);
  cairo_line_to (cr, b->x - head * cos (angle - 0.45), b->y - head * sin (angle - 0.45));
  cairo_line_to (cr, b->x - head * cos (angle + 0.45), b->y - head * sin (angle + 0.45));
  cairo_close_path (cr);
  cairo_fill (cr);
}

static void
draw_shape (cairo_t                     *cr,
            const SlvAnnotationGeometry *g,
            const SlvItemFrame          *frame,
            const char                  *color,
            double                       zoom)
{
  g_autoptr(GArray) outline = slv_annotation_geometry_outline (g, frame);
  double width = g->width > 0 ? g->width : 1.0 / zoom;

  if (outline->len == 0)
    return;
  cairo_new_path (cr);
  set_colour (cr, color, 0.9);
  cairo_set_line_width (cr, width);
  switch (g->kind)
    {
    case SLV_ANNOTATION_INK:
      draw_ink (cr, outline, width);
      break;
    case SLV_ANNOTATION_ARROW:
      draw_arrow (cr, outline, width);
      break;
    case SLV_ANNOTATION_HIGHLIGHT:
      set_colour (cr, color, 0.35);
      trace (cr, outline);
      cairo_fill (cr);
      break;
    case SLV_ANNOTATION_RECT:
    case SLV_ANNOTATION_ELLIPSE:
      trace (cr, outline);
      cairo_close_path (cr);
      cairo_stroke (cr);
      break;
    case SLV_ANNOTATION_PIN:
    default:
      break;
    }
}

/* A pin is a numbered head on a short stem whose tip is the point; other
 * annotations carry a numbered badge at their anchor. */
static void
draw_marker (cairo_t         *cr,
             double           x,
             double           y,
             const char      *label,
             const char      *color,
             gboolean         pin,
             gboolean         settled,
             gboolean         selected,
             double           zoom)
{
  double r = MARKER_PX / zoom, cy = pin ? y - 2.2 * r : y;
  cairo_text_extents_t ext;

  cairo_new_path (cr);
  if (pin)
    {
      cairo_move_to (cr, x, y);
      cairo_line_to (cr, x - 0.6 * r, cy + 0.5 * r);
      cairo_line_to (cr, x + 0.6 * r, cy + 0.5 * r);
      cairo_close_path (cr);
      set_colour (cr, color, settled ? 0.6 : 1.0);
      cairo_fill (cr);
    }
  cairo_arc (cr, x, cy, r, 0, 2 * G_PI);
  set_colour (cr, color, settled ? 0.6 : 1.0);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 1, 1, 1, 1);
  cairo_set_line_width (cr, (selected ? 3.0 : 1.5) / zoom);
  cairo_stroke (cr);
  if (selected)
    {
      cairo_arc (cr, x, cy, r + 3.0 / zoom, 0, 2 * G_PI);
      cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 1);
      cairo_set_line_width (cr, 2.0 / zoom);
      cairo_stroke (cr);
    }
  cairo_select_font_face (cr, "Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
  cairo_set_font_size (cr, (strlen (label) > 2 ? 9.0 : 12.0) / zoom);
  cairo_text_extents (cr, label, &ext);
  cairo_move_to (cr, x - ext.width / 2 - ext.x_bearing, cy - ext.height / 2 - ext.y_bearing);
  cairo_set_source_rgba (cr, 1, 1, 1, 1);
  cairo_show_text (cr, label);
}

static void
draw_thread (SlvReviewOverlay *self,
             cairo_t          *cr,
             SlvReviewThread  *thread,
             double            zoom,
             gboolean          markers)
{
  const SlvAnnotationGeometry *g = slv_review_thread_get_geometry (thread);
  SlvItemFrame frame;
  double x, y;

  if (g == NULL || !slv_review_get_thread_frame (self->review, thread, &frame))
    return;
  cairo_save (cr);
  /* being dragged */
  if (g_strcmp0 (self->moving, slv_review_thread_get_id (thread)) == 0)
    cairo_translate (cr, self->move_dx, self->move_dy);
  if (!markers)
    draw_shape (cr, g, g->in_item ? &frame : NULL, slv_review_thread_get_color (thread), zoom);
  else if (slv_review_get_thread_anchor (self->review, thread, &x, &y))
    draw_marker (cr, x, y, slv_review_thread_get_label (thread), slv_review_thread_get_color (thread),
                 g->kind == SLV_ANNOTATION_PIN,
                 slv_review_status_is_settled (slv_review_thread_get_status (thread)),
                 thread == slv_review_get_selected (self->review), zoom);
  cairo_restore (cr);
}

static void
draw_preview (SlvReviewOverlay *self,
              cairo_t          *cr,
              double            zoom)
{
  g_autoptr(SlvAnnotationGeometry) g = NULL;

  if (!self->drawing || self->tool < 0)
    return;
  g = slv_annotation_geometry_new (self->tool, FALSE);
  g->width = CLAMP (STROKE_PX / zoom, 0.1, SLV_ANNOTATION_MAX_WIDTH);
  if (self->tool == SLV_ANNOTATION_INK)
    g_array_append_vals (g->points, self->raw->data, self->raw->len);
  else
    {
      slv_annotation_geometry_add_point (g, self->start_x, self->start_y, 1);
      slv_annotation_geometry_add_point (g, self->end_x, self->end_y, 1);
    }
  draw_shape (cr, g, NULL, self->color, zoom);
}

void
overlay_draw_cb (SlvBoardCanvas *canvas,
         GtkSnapshot    *snapshot,
         const SlvRect  *visible,
         double          zoom,
         gpointer        user_data)
{
  SlvReviewOverlay *self = user_data;
  GListModel *threads;
  cairo_t *cr;
  guint n;

  if (self->review == NULL)
    return;
  threads = slv_review_get_visible (self->review);
  n = g_list_model_get_n_items (threads);
  /* back to pixels for the cairo node (drawn at screen resolution), then
   * board units inside it */
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (visible->x, visible->y));
  gtk_snapshot_scale (snapshot, 1 / zoom, 1 / zoom);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, visible->w * zoom, visible->h * zoom));
  cairo_scale (cr, zoom, zoom);
  cairo_translate (cr, -visible->x, -visible->y);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  /* shapes first, then every marker above every shape */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(SlvReviewThread) thread = g_list_model_get_item (threads, i);

        draw_thread (self, cr, thread, zoom, pass == 1);
      }
  draw_preview (self, cr, zoom);
  cairo_destroy (cr);
  gtk_snapshot_restore (snapshot);
}
