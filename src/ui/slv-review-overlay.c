/* slv-review-overlay.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-review-overlay"

#include "config.h"

#include <math.h>

#include "slv-review-overlay.h"

#define HIT_PX        6.0
#define SLOP_PX       3.0
#define MIN_SHAPE_PX  4.0
#define STROKE_PX     3.0
#define MARKER_PX     11.0
#define MIN_JUMP      240.0   /* board units shown around a small annotation */
#define MAX_JUMP_ZOOM 2.0

typedef enum
{
  TOOL_SELECT = -1,   /* the others are SlvAnnotationKind */
} Tool;

struct _SlvReviewOverlay
{
  GObject            parent_instance;

  SlvBoardCanvas    *canvas;        /* unowned; cleared by detach */
  GtkGesture        *stylus;        /* on the canvas; unowned */
  guint              overlay_id;
  SlvReview         *review;
  int                tool;          /* Tool or SlvAnnotationKind */
  char              *color;

  /* the stroke or shape being drawn (board units) */
  gboolean           drawing;
  GArray            *raw;           /* SlvInkPoint */
  double             start_x, start_y, end_x, end_y;
  double             pressure;      /* of the pen, -1 without one */

  /* select tool: a press on an item in review mode */
  gboolean           held_item;
  gboolean           refused;
  char              *press_item;
};

G_DEFINE_FINAL_TYPE (SlvReviewOverlay, slv_review_overlay, G_TYPE_OBJECT)

enum { TOAST, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
report (SlvReviewOverlay *self,
        GError           *error)
{
  if (error != NULL)
    g_signal_emit (self, signals[TOAST], 0, error->message);
}

static void
queue_draw (SlvReviewOverlay *self)
{
  if (self->canvas != NULL)
    gtk_widget_queue_draw (GTK_WIDGET (self->canvas));
}

static double
zoom_of (SlvReviewOverlay *self)
{
  return self->canvas ? slv_board_canvas_get_zoom (self->canvas) : 1.0;
}

static SlvBoardDoc *
doc_of (SlvReviewOverlay *self)
{
  return self->canvas ? slv_board_canvas_get_doc (self->canvas) : NULL;
}

static gboolean
frame_of_item (SlvBoardItem *item,
               SlvItemFrame *frame)
{
  const SlvBoardItemState *s = slv_board_item_get_state (item);

  if (s->w <= 0 || s->h <= 0)
    return FALSE;
  slv_item_frame_init (frame, s->x, s->y, s->w, s->h);
  frame->rotation = s->rotation;
  frame->flip_h = s->flip_h;
  frame->flip_v = s->flip_v;
  return slv_item_frame_set_crop_text (frame, s->crop, NULL);
}

/* The review's frame source: the canvas's live items, so annotations
 * follow an item while it is being dragged. */
static gboolean
doc_frame_cb (const char   *item_id,
              SlvItemFrame *frame,
              gpointer      user_data)
{
  SlvBoardDoc *doc = doc_of (user_data);
  SlvBoardItem *item = doc ? slv_board_doc_lookup (doc, item_id) : NULL;

  return item != NULL && frame_of_item (item, frame);
}

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
  if (!markers)
    {
      draw_shape (cr, g, g->in_item ? &frame : NULL, slv_review_thread_get_color (thread), zoom);
      return;
    }
  if (!slv_review_get_thread_anchor (self->review, thread, &x, &y))
    return;
  draw_marker (cr, x, y, slv_review_thread_get_label (thread), slv_review_thread_get_color (thread),
               g->kind == SLV_ANNOTATION_PIN,
               slv_review_status_is_settled (slv_review_thread_get_status (thread)),
               thread == slv_review_get_selected (self->review), zoom);
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

static void
draw_cb (SlvBoardCanvas *canvas,
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

/* -- input -- */

/* The item a board-space geometry lies wholly on, as content coordinates
 * of that item; NULL (board) otherwise. */
static SlvAnnotationGeometry *
attach_to_item (SlvReviewOverlay             *self,
                const SlvAnnotationGeometry  *g,
                char                        **item_id)
{
  SlvBoardDoc *doc = doc_of (self);
  g_autoptr(SlvAnnotationGeometry) local = NULL;
  SlvBoardItem *item;
  SlvItemFrame frame;
  double x, y;

  if (doc == NULL)
    return NULL;
  slv_annotation_geometry_get_anchor (g, NULL, &x, &y);
  item = slv_board_doc_pick (doc, x, y, 0);
  if (item == NULL || slv_board_item_get_kind (item) == SLV_BOARD_ITEM_GROUP || !frame_of_item (item, &frame))
    return NULL;
  local = slv_annotation_geometry_to_item (g, &frame, NULL);
  if (local == NULL)
    return NULL;
  for (guint i = 0; i < local->points->len; i++)
    {
      const SlvInkPoint *p = slv_annotation_geometry_get_point (local, i);

      if (!slv_item_frame_shows (&frame, p->x, p->y))
        return NULL;
    }
  *item_id = g_strdup (slv_entity_get_id (SLV_ENTITY (item)));
  return g_steal_pointer (&local);
}

static void
add_drawn (SlvReviewOverlay      *self,
           SlvAnnotationGeometry *g)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = slv_review_overlay_add (self, g, &error);

  report (self, error);
}

static void
finish_ink (SlvReviewOverlay *self)
{
  double zoom = zoom_of (self);
  g_autoptr(GArray) smooth = slv_ink_smooth ((SlvInkPoint *) (gpointer) self->raw->data, self->raw->len,
                                             SLV_INK_MIN_DISTANCE_PX / zoom);
  g_autoptr(GArray) simple = slv_ink_simplify ((SlvInkPoint *) (gpointer) smooth->data, smooth->len,
                                               SLV_INK_TOLERANCE_PX / zoom, SLV_INK_PRESSURE_TOLERANCE);
  g_autoptr(SlvAnnotationGeometry) g = slv_annotation_geometry_new (SLV_ANNOTATION_INK, FALSE);

  if (simple->len == 0)
    return;
  g->width = CLAMP (STROKE_PX / zoom, 0.1, SLV_ANNOTATION_MAX_WIDTH);
  g_array_append_vals (g->points, simple->data, MIN (simple->len, SLV_INK_MAX_POINTS));
  add_drawn (self, g);
}

static void
finish_shape (SlvReviewOverlay *self)
{
  double zoom = zoom_of (self);
  g_autoptr(SlvAnnotationGeometry) g = NULL;

  if (hypot (self->end_x - self->start_x, self->end_y - self->start_y) * zoom < MIN_SHAPE_PX)
    return;
  g = slv_annotation_geometry_new (self->tool, FALSE);
  g->width = CLAMP (STROKE_PX / zoom, 0.1, SLV_ANNOTATION_MAX_WIDTH);
  slv_annotation_geometry_add_point (g, self->start_x, self->start_y, 1);
  slv_annotation_geometry_add_point (g, self->end_x, self->end_y, 1);
  add_drawn (self, g);
}

static void
add_raw (SlvReviewOverlay *self,
         double            x,
         double            y)
{
  SlvInkPoint p = { x, y, self->pressure >= 0 ? self->pressure : 1.0 };

  if (self->raw->len < 4 * SLV_INK_MAX_POINTS)
    g_array_append_val (self->raw, p);
}

/* Select tool: threads are picked first; in review mode a press on an item
 * is held here so a drag can be refused with the review's message. */
static gboolean
select_input (SlvReviewOverlay     *self,
              const SlvCanvasInput *input)
{
  g_autoptr(GError) error = NULL;
  SlvReviewThread *thread;
  SlvBoardItem *item;

  switch (input->kind)
    {
    case SLV_CANVAS_INPUT_PRESS:
      thread = slv_review_thread_at (self->review, input->x, input->y, HIT_PX / zoom_of (self));
      if (thread != NULL)
        {
          if (!slv_review_select (self->review, slv_review_thread_get_id (thread), &error))
            report (self, error);
          queue_draw (self);
          return TRUE;
        }
      if (!slv_review_get_review_mode (self->review) || doc_of (self) == NULL)
        return FALSE;
      item = slv_board_doc_pick (doc_of (self), input->x, input->y, HIT_PX / zoom_of (self));
      if (item == NULL)
        return FALSE;
      g_free (self->press_item);
      self->press_item = g_strdup (slv_entity_get_id (SLV_ENTITY (item)));
      self->held_item = TRUE;
      self->refused = FALSE;
      return TRUE;
    case SLV_CANVAS_INPUT_DRAG:
      if (self->held_item && !self->refused &&
          hypot (input->x - input->start_x, input->y - input->start_y) * zoom_of (self) >= SLOP_PX &&
          !slv_review_check_item_edit (self->review, &error))
        {
          self->refused = TRUE;
          report (self, error);
        }
      return TRUE;
    case SLV_CANVAS_INPUT_RELEASE:
      if (self->held_item && !self->refused && doc_of (self) != NULL)
        {
          const char *one[] = { self->press_item, NULL };

          slv_board_doc_select (doc_of (self), one, SLV_SELECT_REPLACE);
        }
      G_GNUC_FALLTHROUGH;
    case SLV_CANVAS_INPUT_CANCEL:
    default:
      self->held_item = FALSE;
      g_clear_pointer (&self->press_item, g_free);
      return TRUE;
    }
}

static gboolean
input_cb (SlvBoardCanvas       *canvas,
          const SlvCanvasInput *input,
          gpointer              user_data)
{
  SlvReviewOverlay *self = user_data;

  if (self->review == NULL)
    return FALSE;
  if (self->tool == TOOL_SELECT)
    return select_input (self, input);
  switch (input->kind)
    {
    case SLV_CANVAS_INPUT_PRESS:
      self->drawing = self->tool != SLV_ANNOTATION_PIN;
      self->start_x = self->end_x = input->x;
      self->start_y = self->end_y = input->y;
      g_array_set_size (self->raw, 0);
      if (self->tool == SLV_ANNOTATION_PIN)
        {
          g_autoptr(SlvAnnotationGeometry) g = slv_annotation_geometry_new (SLV_ANNOTATION_PIN, FALSE);

          slv_annotation_geometry_add_point (g, input->x, input->y, 1);
          add_drawn (self, g);
        }
      else
        add_raw (self, input->x, input->y);
      break;
    case SLV_CANVAS_INPUT_DRAG:
      self->end_x = input->x, self->end_y = input->y;
      if (self->drawing)
        add_raw (self, input->x, input->y);
      break;
    case SLV_CANVAS_INPUT_RELEASE:
      if (self->drawing)
        {
          self->end_x = input->x, self->end_y = input->y;
          self->drawing = FALSE;
          if (self->tool == SLV_ANNOTATION_INK)
            finish_ink (self);
          else
            finish_shape (self);
        }
      break;
    case SLV_CANVAS_INPUT_CANCEL:
    default:
      self->drawing = FALSE;
      break;
    }
  queue_draw (self);
  return TRUE;
}

static void
stylus_cb (GtkGestureStylus *gesture,
           double            x,
           double            y,
           SlvReviewOverlay *self)
{
  double pressure;

  if (gtk_gesture_stylus_get_axis (gesture, GDK_AXIS_PRESSURE, &pressure))
    self->pressure = CLAMP (pressure, 0, 1);
}

static void
stylus_up_cb (GtkGestureStylus *gesture,
              double            x,
              double            y,
              SlvReviewOverlay *self)
{
  self->pressure = -1;
}

static void
review_changed_cb (SlvReviewOverlay *self)
{
  queue_draw (self);
}

/* -- vfuncs -- */

static void
slv_review_overlay_dispose (GObject *object)
{
  SlvReviewOverlay *self = SLV_REVIEW_OVERLAY (object);

  slv_review_overlay_detach (self);
  slv_review_overlay_set_review (self, NULL);

  G_OBJECT_CLASS (slv_review_overlay_parent_class)->dispose (object);
}

static void
slv_review_overlay_finalize (GObject *object)
{
  SlvReviewOverlay *self = SLV_REVIEW_OVERLAY (object);

  g_clear_pointer (&self->raw, g_array_unref);
  g_free (self->color);
  g_free (self->press_item);

  G_OBJECT_CLASS (slv_review_overlay_parent_class)->finalize (object);
}

static void
slv_review_overlay_class_init (SlvReviewOverlayClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = slv_review_overlay_dispose;
  object_class->finalize = slv_review_overlay_finalize;

  signals[TOAST] = g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
slv_review_overlay_init (SlvReviewOverlay *self)
{
  self->tool = TOOL_SELECT;
  self->color = g_strdup (SLV_ANNOTATION_DEFAULT_COLOUR);
  self->raw = g_array_new (FALSE, FALSE, sizeof (SlvInkPoint));
  self->pressure = -1;
}

/* -- public API -- */

SlvReviewOverlay *
slv_review_overlay_new (SlvBoardCanvas *canvas)
{
  SlvReviewOverlay *self;

  g_return_val_if_fail (SLV_IS_BOARD_CANVAS (canvas), NULL);

  self = g_object_new (SLV_TYPE_REVIEW_OVERLAY, NULL);
  self->canvas = canvas;
  self->overlay_id = slv_board_canvas_add_overlay (canvas, draw_cb, self, NULL);
  slv_board_canvas_set_input_handler (canvas, input_cb, self, NULL);
  /* pen pressure; the canvas's own drag gesture carries the positions */
  self->stylus = gtk_gesture_stylus_new ();
  g_signal_connect_object (self->stylus, "down", G_CALLBACK (stylus_cb), self, 0);
  g_signal_connect_object (self->stylus, "motion", G_CALLBACK (stylus_cb), self, 0);
  g_signal_connect_object (self->stylus, "up", G_CALLBACK (stylus_up_cb), self, 0);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (self->stylus), GTK_PHASE_CAPTURE);
  gtk_widget_add_controller (GTK_WIDGET (canvas), GTK_EVENT_CONTROLLER (self->stylus));
  return self;
}

void
slv_review_overlay_detach (SlvReviewOverlay *self)
{
  g_return_if_fail (SLV_IS_REVIEW_OVERLAY (self));

  if (self->canvas == NULL)
    return;
  slv_board_canvas_remove_overlay (self->canvas, self->overlay_id);
  slv_board_canvas_set_input_handler (self->canvas, NULL, NULL, NULL);
  gtk_widget_remove_controller (GTK_WIDGET (self->canvas), GTK_EVENT_CONTROLLER (self->stylus));
  self->stylus = NULL;
  self->canvas = NULL;
  if (self->review != NULL)
    slv_review_set_frame_func (self->review, NULL, NULL, NULL);
}

SlvReview *
slv_review_overlay_get_review (SlvReviewOverlay *self)
{
  g_return_val_if_fail (SLV_IS_REVIEW_OVERLAY (self), NULL);
  return self->review;
}

void
slv_review_overlay_set_review (SlvReviewOverlay *self,
                               SlvReview        *review)
{
  g_return_if_fail (SLV_IS_REVIEW_OVERLAY (self));
  g_return_if_fail (review == NULL || SLV_IS_REVIEW (review));

  if (self->review == review)
    return;
  if (self->review != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->review, self);
      slv_review_set_frame_func (self->review, NULL, NULL, NULL);
    }
  self->drawing = FALSE;
  g_set_object (&self->review, review);
  if (review != NULL)
    {
      if (self->canvas != NULL)
        slv_review_set_frame_func (review, doc_frame_cb, self, NULL);
      g_signal_connect_object (review, "changed", G_CALLBACK (review_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (review, "notify::selected", G_CALLBACK (review_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (review, "notify::filter", G_CALLBACK (review_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  queue_draw (self);
}

const char *
slv_review_overlay_get_tool (SlvReviewOverlay *self)
{
  g_return_val_if_fail (SLV_IS_REVIEW_OVERLAY (self), NULL);
  return self->tool == TOOL_SELECT ? "select" : slv_annotation_kind_to_string (self->tool);
}

gboolean
slv_review_overlay_set_tool (SlvReviewOverlay *self,
                             const char       *tool)
{
  SlvAnnotationKind kind;

  g_return_val_if_fail (SLV_IS_REVIEW_OVERLAY (self), FALSE);

  if (g_strcmp0 (tool, "select") == 0)
    self->tool = TOOL_SELECT;
  else if (tool != NULL && slv_annotation_kind_from_string (tool, &kind))
    self->tool = kind;
  else
    return FALSE;
  self->drawing = FALSE;
  if (self->canvas != NULL)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self->canvas), self->tool == TOOL_SELECT ? NULL : "crosshair");
  queue_draw (self);
  return TRUE;
}

const char *
slv_review_overlay_get_color (SlvReviewOverlay *self)
{
  g_return_val_if_fail (SLV_IS_REVIEW_OVERLAY (self), NULL);
  return self->color;
}

gboolean
slv_review_overlay_set_color (SlvReviewOverlay *self,
                              const char       *color)
{
  g_return_val_if_fail (SLV_IS_REVIEW_OVERLAY (self), FALSE);

  if (color == NULL || !slv_annotation_colour_lookup (color, NULL))
    return FALSE;
  g_free (self->color);
  self->color = g_strdup (color);
  return TRUE;
}

char *
slv_review_overlay_add (SlvReviewOverlay             *self,
                        const SlvAnnotationGeometry  *geometry,
                        GError                      **error)
{
  g_autoptr(SlvAnnotationGeometry) local = NULL;
  g_autofree char *item_id = NULL;
  const char *color;

  g_return_val_if_fail (SLV_IS_REVIEW_OVERLAY (self), NULL);
  g_return_val_if_fail (geometry != NULL && !geometry->in_item, NULL);

  if (self->review == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, "No board is open.");
      return NULL;
    }
  local = attach_to_item (self, geometry, &item_id);
  /* highlights keep their own yellow unless another colour was chosen */
  color = geometry->kind == SLV_ANNOTATION_HIGHLIGHT && g_strcmp0 (self->color, SLV_ANNOTATION_DEFAULT_COLOUR) == 0
          ? NULL : self->color;
  return slv_review_add_annotation (self->review, item_id, local ? local : geometry, color, error);
}

gboolean
slv_review_overlay_show_thread (SlvReviewOverlay *self,
                                SlvReviewThread  *thread)
{
  SlvFrameRect b;
  SlvRect r;
  double cx, cy;

  g_return_val_if_fail (SLV_IS_REVIEW_OVERLAY (self), FALSE);

  if (self->canvas == NULL || self->review == NULL || thread == NULL ||
      !slv_review_get_thread_bounds (self->review, thread, &b))
    return FALSE;
  cx = b.x + b.w / 2, cy = b.y + b.h / 2;
  r.w = MAX (b.w, MIN_JUMP), r.h = MAX (b.h, MIN_JUMP);
  r.x = cx - r.w / 2, r.y = cy - r.h / 2;
  slv_board_canvas_zoom_to_rect (self->canvas, &r, MAX_JUMP_ZOOM);
  return TRUE;
}
