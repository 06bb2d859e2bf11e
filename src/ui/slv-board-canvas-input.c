/* slv-board-canvas-input.c: pointer, touchpad and keyboard on the canvas.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The primary button selects (click, shift or ctrl to add and remove),
 * drags items (a doc gesture, one undo step), resizes and turns them by
 * their handles, or draws a rubber band on empty board. The middle
 * button, or the primary with space held, pans; so does scrolling. Ctrl
 * with the wheel, and pinching, zoom about the pointer.
 */
#define G_LOG_DOMAIN "slv-board-canvas"

#include "config.h"

#include <math.h>

#include "slv-board-canvas-private.h"

#define CLICK_SLOP_PX   3.0
#define PICK_PX         3.0
#define SNAP_PX         6.0
#define WHEEL_STEP_PX   48.0
#define MIN_CROP        0.02

static const char *resize_cursors[] = {
  "ns-resize", "nesw-resize", "ew-resize", "nwse-resize",
  "ns-resize", "nesw-resize", "ew-resize", "nwse-resize",
};

static void
set_guides_cleared (SlvBoardCanvas *self)
{
  g_array_set_size (self->guides, 0);
}

void
canvas_cancel_drag (SlvBoardCanvas *self)
{
  if (self->doc != NULL && slv_board_doc_in_gesture (self->doc))
    slv_board_doc_cancel_gesture (self->doc);
  if (self->drag == DRAG_HANDLER && self->input_func != NULL)
    {
      SlvCanvasInput input = { SLV_CANVAS_INPUT_CANCEL, 0, 0, 0, 0, 0, 1 };

      self->input_func (self, &input, self->input_data);
    }
  self->drag = DRAG_NONE;
  g_clear_pointer (&self->press_id, g_free);
  set_guides_cleared (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
canvas_update_cursor (SlvBoardCanvas *self,
                      double          wx,
                      double          wy)
{
  const char *name = NULL;
  SlvHandle handle;
  gboolean rotate, inside;

  if (self->drag == DRAG_PAN)
    name = "grabbing";
  else if (self->space_down)
    name = "grab";
  else if (self->crop_id != NULL && canvas_crop_handle_at (self, wx, wy, &handle, &inside))
    name = inside ? "move" : resize_cursors[handle];
  else if (self->crop_id == NULL && canvas_handle_at (self, wx, wy, &handle, &rotate))
    {
      SlvItemGeom frame;
      int step;

      /* the cursor turns with the item, in steps of 45° */
      canvas_selection_frame (self, &frame);
      step = (int) lround (slv_angle_normalize (frame.rotation) / 45.0);
      name = rotate ? "crosshair" : resize_cursors[(handle + step) % 8];
    }
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), name);
}

static SlvCanvasInput
make_input (SlvBoardCanvas     *self,
            SlvCanvasInputKind  kind,
            double              wx,
            double              wy)
{
  SlvPoint p = slv_board_canvas_widget_to_board (self, wx, wy);
  SlvPoint s = slv_board_canvas_widget_to_board (self, self->drag_x, self->drag_y);
  SlvCanvasInput input = { kind, p.x, p.y, s.x, s.y, self->drag_mods, 1 };

  return input;
}

static SlvRect
visible_rect (SlvBoardCanvas *self)
{
  SlvRect r;

  slv_board_canvas_get_visible_rect (self, &r);
  return r;
}

static void
begin_doc_gesture (SlvBoardCanvas *self,
                   SlvGestureKind  kind,
                   DragKind        drag)
{
  g_autoptr(GError) error = NULL;
  SlvRect area = visible_rect (self);

  if (!slv_board_doc_begin_gesture (self->doc, kind, NULL, &area, &error))
    {
      slv_board_canvas_report (self, error);
      self->drag = DRAG_NONE;
      return;
    }
  self->drag = drag;
}

static void
press_on_item (SlvBoardCanvas *self,
               SlvBoardItem   *item)
{
  const char *id = slv_entity_get_id (SLV_ENTITY (item));
  const char *one[] = { id, NULL };
  gboolean extend = (self->drag_mods & (GDK_SHIFT_MASK | GDK_CONTROL_MASK)) != 0;

  if (extend)
    slv_board_doc_select (self->doc, one, SLV_SELECT_TOGGLE);
  else if (!slv_board_doc_is_selected (self->doc, id))
    slv_board_doc_select (self->doc, one, SLV_SELECT_REPLACE);
  if (slv_board_doc_is_selected (self->doc, id) && !self->read_only)
    {
      self->drag = DRAG_PRESS;
      self->press_id = g_strdup (id);
    }
}

static void
press_in_crop (SlvBoardCanvas *self,
               double          wx,
               double          wy)
{
  SlvHandle handle;
  gboolean inside;

  if (canvas_crop_handle_at (self, wx, wy, &handle, &inside))
    {
      self->drag = DRAG_CROP;
      self->drag_handle = handle;
      self->drag_inside_crop = inside;
      self->drag_crop = self->crop;
      return;
    }
  /* a press off the picture keeps the crop */
  canvas_end_crop (self, TRUE);
}

static void
press_primary (SlvBoardCanvas *self,
               double          wx,
               double          wy)
{
  SlvPoint p = slv_board_canvas_widget_to_board (self, wx, wy);
  SlvHandle handle;
  gboolean rotate;
  SlvBoardItem *item;

  if (self->crop_id != NULL)
    {
      press_in_crop (self, wx, wy);
      return;
    }
  if (canvas_handle_at (self, wx, wy, &handle, &rotate))
    {
      SlvItemGeom frame;

      canvas_selection_frame (self, &frame);
      self->drag_handle = handle;
      self->drag_pivot = slv_item_geom_get_center (&frame);
      self->drag_angle = atan2 (p.y - self->drag_pivot.y, p.x - self->drag_pivot.x);
      begin_doc_gesture (self, rotate ? SLV_GESTURE_ROTATE : SLV_GESTURE_RESIZE,
                         rotate ? DRAG_ROTATE : DRAG_RESIZE);
      return;
    }
  item = slv_board_doc_pick (self->doc, p.x, p.y, PICK_PX / self->zoom);
  if (item != NULL)
    {
      press_on_item (self, item);
      return;
    }
  if (!(self->drag_mods & (GDK_SHIFT_MASK | GDK_CONTROL_MASK)))
    slv_board_doc_select (self->doc, NULL, SLV_SELECT_REPLACE);
  self->drag = DRAG_BAND;
  self->band = slv_rect_make (p.x, p.y, 0, 0);
}

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               SlvBoardCanvas *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (self->doc == NULL || self->drag != DRAG_NONE)
    return;
  self->drag_x = x, self->drag_y = y;
  self->drag_dx = self->drag_dy = 0;
  self->drag_cx = self->cx, self->drag_cy = self->cy;
  self->drag_mods = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  if (button == GDK_BUTTON_MIDDLE || self->space_down)
    {
      self->drag = DRAG_PAN;
      canvas_update_cursor (self, x, y);
      return;
    }
  if (button != GDK_BUTTON_PRIMARY)
    return;
  if (self->input_func != NULL)
    {
      SlvCanvasInput input = make_input (self, SLV_CANVAS_INPUT_PRESS, x, y);

      if (self->input_func (self, &input, self->input_data))
        {
          self->drag = DRAG_HANDLER;
          return;
        }
    }
  press_primary (self, x, y);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static SlvResizeFlags
resize_flags (SlvBoardCanvas  *self,
              GdkModifierType  mods)
{
  const char * const *sel = slv_board_doc_get_selection (self->doc);
  gboolean corner = self->drag_handle % 2 == 1;
  gboolean picture = sel[0] != NULL && (sel[1] != NULL ||
                     slv_board_item_get_kind (slv_board_doc_lookup (self->doc, sel[0])) == SLV_BOARD_ITEM_IMAGE);
  SlvResizeFlags flags = 0;

  /* pictures keep their shape from a corner; shift frees them (and locks
   * the shape of everything else) */
  if ((picture && corner) != ((mods & GDK_SHIFT_MASK) != 0))
    flags |= SLV_RESIZE_ASPECT;
  if (mods & (GDK_ALT_MASK | GDK_CONTROL_MASK))
    flags |= SLV_RESIZE_FROM_CENTER;
  return flags;
}

static void
drag_crop (SlvBoardCanvas *self,
           double          wx,
           double          wy)
{
  SlvPoint start = canvas_crop_point (self, self->drag_x, self->drag_y);
  SlvPoint p = canvas_crop_point (self, wx, wy);
  SlvRect r = self->drag_crop, bounds = { 0, 0, 1, 1 };

  if (self->drag_inside_crop)
    {
      r.x = CLAMP (r.x + p.x - start.x, 0, 1 - r.w);
      r.y = CLAMP (r.y + p.y - start.y, 0, 1 - r.h);
    }
  else
    {
      slv_rect_resize (&self->drag_crop, self->drag_handle, p, 0, MIN_CROP, &r);
      slv_rect_intersection (&r, &bounds, &r);
      if (r.w < MIN_CROP || r.h < MIN_CROP)
        return;
    }
  self->crop = r;
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                SlvBoardCanvas *self)
{
  GdkModifierType mods = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  double wx = self->drag_x + dx, wy = self->drag_y + dy;
  SlvPoint p = slv_board_canvas_widget_to_board (self, wx, wy);

  self->drag_dx = dx, self->drag_dy = dy;
  set_guides_cleared (self);
  switch (self->drag)
    {
    case DRAG_PAN:
      slv_board_canvas_set_view (self, self->drag_cx - dx / self->zoom, self->drag_cy - dy / self->zoom,
                                 self->zoom);
      break;
    case DRAG_PRESS:
      if (hypot (dx, dy) < CLICK_SLOP_PX)
        break;
      begin_doc_gesture (self, SLV_GESTURE_MOVE, DRAG_MOVE);
      if (self->drag != DRAG_MOVE)
        break;
      G_GNUC_FALLTHROUGH;
    case DRAG_MOVE:
      /* shift keeps the move on one axis */
      if (mods & GDK_SHIFT_MASK)
        {
          if (fabs (dx) > fabs (dy))
            dy = 0;
          else
            dx = 0;
        }
      slv_board_doc_gesture_move (self->doc, dx / self->zoom, dy / self->zoom,
                                  (mods & GDK_ALT_MASK) ? 0 : SNAP_PX / self->zoom, self->guides);
      break;
    case DRAG_RESIZE:
      slv_board_doc_gesture_resize (self->doc, self->drag_handle, p, resize_flags (self, mods),
                                    SNAP_PX / self->zoom, self->guides);
      break;
    case DRAG_ROTATE:
      slv_board_doc_gesture_rotate (self->doc,
                                    (atan2 (p.y - self->drag_pivot.y, p.x - self->drag_pivot.x) -
                                     self->drag_angle) * 180 / G_PI,
                                    (mods & GDK_SHIFT_MASK) ? 15 : 0);
      break;
    case DRAG_BAND:
      {
        SlvPoint a = slv_board_canvas_widget_to_board (self, self->drag_x, self->drag_y);

        self->band = slv_rect_make (MIN (a.x, p.x), MIN (a.y, p.y), fabs (p.x - a.x), fabs (p.y - a.y));
      }
      break;
    case DRAG_HANDLER:
      {
        SlvCanvasInput input = make_input (self, SLV_CANVAS_INPUT_DRAG, wx, wy);

        input.modifiers = mods;
        self->input_func (self, &input, self->input_data);
      }
      break;
    case DRAG_CROP:
      drag_crop (self, wx, wy);
      break;
    case DRAG_NONE:
    default:
      return;
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
drag_end_cb (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             SlvBoardCanvas *self)
{
  g_autoptr(GError) error = NULL;
  DragKind drag = self->drag;

  self->drag = DRAG_NONE;
  set_guides_cleared (self);
  switch (drag)
    {
    case DRAG_MOVE:
    case DRAG_RESIZE:
    case DRAG_ROTATE:
      if (!slv_board_doc_end_gesture (self->doc, &error))
        slv_board_canvas_report (self, error);
      break;
    case DRAG_BAND:
      if (self->band.w > 0 || self->band.h > 0)
        slv_board_doc_select_rect (self->doc, &self->band, TRUE,
                                   (self->drag_mods & (GDK_SHIFT_MASK | GDK_CONTROL_MASK))
                                   ? SLV_SELECT_ADD : SLV_SELECT_REPLACE);
      break;
    case DRAG_HANDLER:
      {
        SlvCanvasInput input = make_input (self, SLV_CANVAS_INPUT_RELEASE,
                                           self->drag_x + dx, self->drag_y + dy);

        self->input_func (self, &input, self->input_data);
      }
      break;
    case DRAG_PRESS:
      /* a click on one of several selected items selects it alone */
      if (!(self->drag_mods & (GDK_SHIFT_MASK | GDK_CONTROL_MASK)) && self->press_id != NULL)
        {
          const char *one[] = { self->press_id, NULL };

          slv_board_doc_select (self->doc, one, SLV_SELECT_REPLACE);
        }
      break;
    case DRAG_PAN:
    case DRAG_CROP:
    case DRAG_NONE:
    default:
      break;
    }
  g_clear_pointer (&self->press_id, g_free);
  canvas_update_cursor (self, self->drag_x + dx, self->drag_y + dy);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
click_pressed_cb (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  SlvBoardCanvas  *self)
{
  SlvPoint p;
  SlvBoardItem *item;

  if (n_press != 2 || self->doc == NULL || self->read_only || self->crop_id != NULL)
    return;
  p = slv_board_canvas_widget_to_board (self, x, y);
  item = slv_board_doc_pick (self->doc, p.x, p.y, PICK_PX / self->zoom);
  if (item == NULL || slv_board_item_get_locked (item))
    return;
  if (slv_board_item_get_kind (item) == SLV_BOARD_ITEM_GROUP)
    return;
  canvas_cancel_drag (self);
  if (slv_board_item_get_kind (item) == SLV_BOARD_ITEM_IMAGE)
    canvas_begin_crop (self, slv_entity_get_id (SLV_ENTITY (item)));
  else if (slv_board_item_get_kind (item) == SLV_BOARD_ITEM_NOTE)
    canvas_edit_text (self, slv_entity_get_id (SLV_ENTITY (item)));
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           SlvBoardCanvas           *self)
{
  GdkModifierType mods = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  gboolean wheel = gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL;

  if (self->doc == NULL)
    return FALSE;
  if (mods & GDK_CONTROL_MASK)
    {
      /* a wheel notch zooms by a fifth; a touchpad by its distance */
      double factor = pow (wheel ? 1.2 : 1.01, -dy);

      slv_board_canvas_zoom_at (self, self->zoom * factor, self->pointer_x, self->pointer_y);
      return TRUE;
    }
  if (wheel)
    {
      dx *= WHEEL_STEP_PX;
      dy *= WHEEL_STEP_PX;
    }
  if ((mods & GDK_SHIFT_MASK) && dx == 0)
    {
      dx = dy;
      dy = 0;
    }
  slv_board_canvas_set_view (self, self->cx + dx / self->zoom, self->cy + dy / self->zoom, self->zoom);
  return TRUE;
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           SlvBoardCanvas           *self)
{
  self->pointer_x = x;
  self->pointer_y = y;
  if (self->drag == DRAG_NONE && self->doc != NULL)
    canvas_update_cursor (self, x, y);
}

static void
pinch_begin_cb (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                SlvBoardCanvas   *self)
{
  self->pinch_zoom = self->zoom;
}

static void
pinch_changed_cb (GtkGestureZoom *gesture,
                  double          scale,
                  SlvBoardCanvas *self)
{
  double x, y;

  if (self->doc == NULL || !gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    return;
  slv_board_canvas_zoom_at (self, self->pinch_zoom * scale, x, y);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                SlvBoardCanvas        *self)
{
  if (keyval == GDK_KEY_space && !(state & GDK_CONTROL_MASK))
    {
      self->space_down = TRUE;
      canvas_update_cursor (self, self->pointer_x, self->pointer_y);
      return TRUE;
    }
  if (keyval == GDK_KEY_Escape)
    {
      if (self->drag != DRAG_NONE)
        canvas_cancel_drag (self);
      else if (self->crop_id != NULL)
        canvas_end_crop (self, FALSE);
      else if (self->doc != NULL)
        slv_board_doc_select (self->doc, NULL, SLV_SELECT_REPLACE);
      return TRUE;
    }
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter) && self->crop_id != NULL)
    {
      canvas_end_crop (self, TRUE);
      return TRUE;
    }
  return FALSE;
}

static void
key_released_cb (GtkEventControllerKey *controller,
                 guint                  keyval,
                 guint                  keycode,
                 GdkModifierType        state,
                 SlvBoardCanvas        *self)
{
  if (keyval == GDK_KEY_space)
    {
      self->space_down = FALSE;
      canvas_update_cursor (self, self->pointer_x, self->pointer_y);
    }
}

void
canvas_input_init (SlvBoardCanvas *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkGesture *drag, *click, *pinch;
  GtkEventController *controller;

  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), 0);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (drag));

  click = gtk_gesture_click_new ();
  g_signal_connect (click, "pressed", G_CALLBACK (click_pressed_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (click));

  pinch = gtk_gesture_zoom_new ();
  g_signal_connect (pinch, "begin", G_CALLBACK (pinch_begin_cb), self);
  g_signal_connect (pinch, "scale-changed", G_CALLBACK (pinch_changed_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (pinch));

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (controller, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (motion_cb), self);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  g_signal_connect (controller, "key-released", G_CALLBACK (key_released_cb), self);
  gtk_widget_add_controller (widget, controller);
}
