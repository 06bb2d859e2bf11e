/* slv-review-overlay.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-review-overlay"

#include "config.h"

#include <math.h>

#include "slv-review-overlay-private.h"

#define HIT_PX        6.0
#define SLOP_PX       3.0
#define MIN_SHAPE_PX  4.0
#define MIN_JUMP      240.0   /* board units shown around a small annotation */
#define MAX_JUMP_ZOOM 2.0

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

/* Drops a dragged thread where it was let go: one undoable move, on the
 * same item (or the board) as before. */
static void
move_thread (SlvReviewOverlay *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvAnnotationGeometry) g = NULL;
  SlvReviewThread *thread = slv_review_find_thread (self->review, self->moving);
  SlvItemFrame frame;

  if (thread == NULL || slv_review_thread_get_geometry (thread) == NULL ||
      !slv_review_get_thread_frame (self->review, thread, &frame))
    return;
  g = slv_annotation_geometry_copy (slv_review_thread_get_geometry (thread));
  slv_annotation_geometry_move_by (g, g->in_item ? &frame : NULL, self->move_dx, self->move_dy);
  if (!slv_review_move_annotation (self->review, self->moving, slv_review_thread_get_item_id (thread), g, &error))
    report (self, error);
}

/* Select tool: threads are picked first (and dragged); in review mode a press on an item
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
          g_free (self->moving);
          self->moving = g_strdup (slv_review_thread_get_id (thread));
          self->move_dx = self->move_dy = 0;
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
      if (self->moving != NULL &&
          hypot (input->x - input->start_x, input->y - input->start_y) * zoom_of (self) >= SLOP_PX)
        {
          self->move_dx = input->x - input->start_x;
          self->move_dy = input->y - input->start_y;
          queue_draw (self);
        }
      if (self->held_item && !self->refused &&
          hypot (input->x - input->start_x, input->y - input->start_y) * zoom_of (self) >= SLOP_PX &&
          !slv_review_check_item_edit (self->review, &error))
        {
          self->refused = TRUE;
          report (self, error);
        }
      return TRUE;
    case SLV_CANVAS_INPUT_RELEASE:
      if (self->moving != NULL && (self->move_dx != 0 || self->move_dy != 0))
        move_thread (self);
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
      g_clear_pointer (&self->moving, g_free);
      queue_draw (self);
      return TRUE;
    }
}

static gboolean
input_cb (SlvBoardCanvas       *canvas,
          const SlvCanvasInput *input,
          gpointer              user_data)
{
  return slv_review_overlay_input (user_data, input);
}

gboolean
slv_review_overlay_input (SlvReviewOverlay     *self,
                          const SlvCanvasInput *input)
{
  g_return_val_if_fail (SLV_IS_REVIEW_OVERLAY (self), FALSE);
  g_return_val_if_fail (input != NULL, FALSE);

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
  g_free (self->moving);

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
  self->overlay_id = slv_board_canvas_add_overlay (canvas, overlay_draw_cb, self, NULL);
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
