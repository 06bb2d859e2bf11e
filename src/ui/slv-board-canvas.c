/* slv-board-canvas.c: the widget, its view and its frame. Input is in
 * slv-board-canvas-input.c, commands in slv-board-canvas-actions.c,
 * files and the clipboard in slv-board-canvas-io.c, the selection's
 * drawing in slv-board-canvas-chrome.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-board-canvas"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "slv-board-canvas-private.h"

/* The view is written this long after it stops moving. */
#define SAVE_VIEW_DELAY_MS 400
#define FIT_MARGIN_PX      48

G_DEFINE_FINAL_TYPE (SlvBoardCanvas, slv_board_canvas, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOC,
  PROP_ZOOM,
  PROP_READ_ONLY,
  N_PROPS
};

enum {
  VIEW_CHANGED,
  TOAST,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

double
slv_board_canvas_width (SlvBoardCanvas *self)
{
  return MAX (gtk_widget_get_width (GTK_WIDGET (self)), 1);
}

double
slv_board_canvas_height (SlvBoardCanvas *self)
{
  return MAX (gtk_widget_get_height (GTK_WIDGET (self)), 1);
}

void
slv_board_canvas_get_viewport (SlvBoardCanvas   *self,
                               double            width,
                               double            height,
                               SlvBoardViewport *out)
{
  out->zoom = self->zoom;
  out->width = width;
  out->height = height;
  out->x = self->cx - width / 2 / self->zoom;
  out->y = self->cy - height / 2 / self->zoom;
  out->scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
}

static gboolean
save_view_cb (gpointer user_data)
{
  SlvBoardCanvas *self = user_data;
  g_autoptr(GError) error = NULL;

  self->save_view_id = 0;
  if (self->doc != NULL && !slv_board_doc_set_view (self->doc, self->cx, self->cy, self->zoom, &error))
    g_debug ("The board's view was not saved: %s", error->message);
  return G_SOURCE_REMOVE;
}

void
slv_board_canvas_notify_view (SlvBoardCanvas *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (self->doc != NULL)
    {
      g_clear_handle_id (&self->save_view_id, g_source_remove);
      self->save_view_id = g_timeout_add (SAVE_VIEW_DELAY_MS, save_view_cb, self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
  g_signal_emit (self, signals[VIEW_CHANGED], 0);
}

void
slv_board_canvas_toast (SlvBoardCanvas *self,
                        const char     *message,
                        gboolean        undo)
{
  g_signal_emit (self, signals[TOAST], 0, message, undo);
}

gboolean
slv_board_canvas_report (SlvBoardCanvas *self,
                         GError         *error)
{
  if (error == NULL)
    return FALSE;
  slv_board_canvas_toast (self, error->message, FALSE);
  return TRUE;
}

static void
doc_changed_cb (SlvBoardCanvas *self)
{
  /* the crop or the text being edited may have gone (undo, delete) */
  if (self->crop_id != NULL && slv_board_doc_lookup (self->doc, self->crop_id) == NULL)
    canvas_end_crop (self, FALSE);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  canvas_actions_update (self);
}

static void
redraw_cb (SlvBoardCanvas *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
image_ready_cb (SlvBoardCanvas *self,
                const char     *sha256,
                int             level)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
fit_now (SlvBoardCanvas *self)
{
  SlvRect extents;

  self->fit_pending = FALSE;
  if (slv_board_doc_get_extents (self->doc, &extents))
    slv_board_canvas_zoom_to_rect (self, &extents, 1.0);
}

static void
draw_overlays (SlvBoardCanvas         *self,
               GtkSnapshot            *snapshot,
               const SlvBoardViewport *view)
{
  SlvRect visible = slv_rect_make (view->x, view->y, view->width / view->zoom, view->height / view->zoom);

  if (self->overlays->len == 0)
    return;
  gtk_snapshot_save (snapshot);
  gtk_snapshot_scale (snapshot, view->zoom, view->zoom);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (-view->x, -view->y));
  for (guint i = 0; i < self->overlays->len; i++)
    {
      CanvasOverlay *o = &g_array_index (self->overlays, CanvasOverlay, i);

      o->func (self, snapshot, &visible, view->zoom, o->data);
    }
  gtk_snapshot_restore (snapshot);
}

static void
paint (SlvBoardCanvas *self,
       GtkSnapshot    *snapshot,
       double          width,
       double          height)
{
  SlvBoardViewport view;

  if (self->doc == NULL)
    return;
  slv_board_canvas_get_viewport (self, width, height, &view);
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  slv_board_painter_paint (self->painter, snapshot, &view);
  draw_overlays (self, snapshot, &view);
  canvas_draw_chrome (self, snapshot, &view);
  gtk_snapshot_pop (snapshot);
  self->frames++;
}

static void
slv_board_canvas_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  SlvBoardCanvas *self = SLV_BOARD_CANVAS (widget);

  if (self->doc != NULL && self->fit_pending && gtk_widget_get_width (widget) > 1)
    fit_now (self);
  paint (self, snapshot, slv_board_canvas_width (self), slv_board_canvas_height (self));
}

static void
slv_board_canvas_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  SlvBoardCanvas *self = SLV_BOARD_CANVAS (widget);

  if (self->editor != NULL)
    gtk_popover_present (GTK_POPOVER (self->editor));
}

static void
slv_board_canvas_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  *minimum = 120;
  *natural = 640;
}

static void
clear_overlay (gpointer data)
{
  CanvasOverlay *o = data;

  if (o->destroy != NULL)
    o->destroy (o->data);
}

static void
release_doc (SlvBoardCanvas *self)
{
  slv_board_canvas_flush_view (self);
  canvas_cancel_drag (self);
  g_clear_pointer (&self->crop_id, g_free);
  if (self->editor != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->editor));
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->doc != NULL)
    g_signal_handlers_disconnect_by_data (self->doc, self);
  if (self->cache != NULL)
    g_signal_handlers_disconnect_by_data (self->cache, self);
  if (self->cards != NULL)
    g_signal_handlers_disconnect_by_data (self->cards, self);
  g_clear_object (&self->painter);
  g_clear_object (&self->doc);
  g_clear_object (&self->cache);
  g_clear_object (&self->cards);
}

static void
slv_board_canvas_dispose (GObject *object)
{
  SlvBoardCanvas *self = SLV_BOARD_CANVAS (object);

  release_doc (self);
  g_clear_pointer (&self->editor, gtk_widget_unparent);
  g_clear_handle_id (&self->save_view_id, g_source_remove);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "canvas", NULL);
  g_clear_object (&self->actions);
  if (self->overlays != NULL)
    g_array_set_size (self->overlays, 0);
  slv_board_canvas_set_input_handler (self, NULL, NULL, NULL);

  G_OBJECT_CLASS (slv_board_canvas_parent_class)->dispose (object);
}

static void
slv_board_canvas_finalize (GObject *object)
{
  SlvBoardCanvas *self = SLV_BOARD_CANVAS (object);

  g_clear_pointer (&self->overlays, g_array_unref);
  g_clear_pointer (&self->guides, g_array_unref);
  g_free (self->press_id);
  g_free (self->editor_id);

  G_OBJECT_CLASS (slv_board_canvas_parent_class)->finalize (object);
}

static void
slv_board_canvas_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SlvBoardCanvas *self = SLV_BOARD_CANVAS (object);

  switch (prop_id)
    {
    case PROP_DOC:
      g_value_set_object (value, self->doc);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
slv_board_canvas_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SlvBoardCanvas *self = SLV_BOARD_CANVAS (object);

  switch (prop_id)
    {
    case PROP_READ_ONLY:
      slv_board_canvas_set_read_only (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
slv_board_canvas_class_init (SlvBoardCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = slv_board_canvas_dispose;
  object_class->finalize = slv_board_canvas_finalize;
  object_class->get_property = slv_board_canvas_get_property;
  object_class->set_property = slv_board_canvas_set_property;
  widget_class->snapshot = slv_board_canvas_snapshot;
  widget_class->measure = slv_board_canvas_measure;
  widget_class->size_allocate = slv_board_canvas_size_allocate;

  properties[PROP_DOC] =
    g_param_spec_object ("doc", NULL, NULL, SLV_TYPE_BOARD_DOC,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, SLV_BOARD_ZOOM_MIN, SLV_BOARD_ZOOM_MAX, 1,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The view moved or zoomed (for overlays that place widgets). */
  signals[VIEW_CHANGED] = g_signal_new ("view-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* Something to tell the user (a page shows it as a toast); @undo: offer
   * to undo the step just taken. */
  signals[TOAST] = g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_BOOLEAN);

  gtk_widget_class_set_css_name (widget_class, "boardcanvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  canvas_class_add_shortcuts (widget_class);
}

static void
slv_board_canvas_init (SlvBoardCanvas *self)
{
  self->zoom = 1;
  self->overlays = g_array_new (FALSE, TRUE, sizeof (CanvasOverlay));
  g_array_set_clear_func (self->overlays, clear_overlay);
  self->guides = g_array_new (FALSE, FALSE, sizeof (SlvGuide));
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  canvas_actions_init (self);
  canvas_input_init (self);
  canvas_io_init (self);
}

GtkWidget *
slv_board_canvas_new (void)
{
  return g_object_new (SLV_TYPE_BOARD_CANVAS, NULL);
}

SlvBoardDoc *
slv_board_canvas_get_doc (SlvBoardCanvas *self)
{
  g_return_val_if_fail (SLV_IS_BOARD_CANVAS (self), NULL);
  return self->doc;
}

SlvMipCache *
slv_board_canvas_get_cache (SlvBoardCanvas *self)
{
  g_return_val_if_fail (SLV_IS_BOARD_CANVAS (self), NULL);
  return self->cache;
}

SlvStyleCards *
slv_board_canvas_get_cards (SlvBoardCanvas *self)
{
  g_return_val_if_fail (SLV_IS_BOARD_CANVAS (self), NULL);
  return self->cards;
}

GActionGroup *
slv_board_canvas_get_actions (SlvBoardCanvas *self)
{
  g_return_val_if_fail (SLV_IS_BOARD_CANVAS (self), NULL);
  return G_ACTION_GROUP (self->actions);
}

void
slv_board_canvas_set_doc (SlvBoardCanvas *self,
                          SlvBoardDoc    *doc,
                          SlvMipCache    *cache,
                          SlvStyleCards  *cards)
{
  PangoContext *pango;

  g_return_if_fail (SLV_IS_BOARD_CANVAS (self));
  g_return_if_fail (doc == NULL || SLV_IS_BOARD_DOC (doc));
  g_return_if_fail (doc == NULL || SLV_IS_MIP_CACHE (cache));

  if (doc == self->doc && cache == self->cache && cards == self->cards)
    return;
  release_doc (self);
  self->frames = 0;
  if (doc != NULL)
    {
      self->doc = g_object_ref (doc);
      self->cache = g_object_ref (cache);
      self->cards = cards ? g_object_ref (cards) : NULL;
      self->cancellable = g_cancellable_new ();
      pango = gtk_widget_create_pango_context (GTK_WIDGET (self));
      slv_board_painter_tune_pango_context (pango);
      self->painter = slv_board_painter_new (doc, cache, cards, pango);
      g_object_unref (pango);
      g_signal_connect_swapped (doc, "changed", G_CALLBACK (doc_changed_cb), self);
      g_signal_connect_swapped (doc, "selection-changed", G_CALLBACK (doc_changed_cb), self);
      g_signal_connect_swapped (doc, "notify::can-undo", G_CALLBACK (canvas_actions_update), self);
      g_signal_connect_swapped (doc, "notify::can-redo", G_CALLBACK (canvas_actions_update), self);
      g_signal_connect_swapped (cache, "image-ready", G_CALLBACK (image_ready_cb), self);
      if (cards != NULL)
        g_signal_connect_swapped (cards, "changed", G_CALLBACK (redraw_cb), self);
      slv_board_doc_get_view (doc, &self->cx, &self->cy, &self->zoom);
      self->fit_pending = !slv_board_doc_has_view (doc);
      g_clear_handle_id (&self->save_view_id, g_source_remove);
    }
  canvas_actions_update (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOC]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

double
slv_board_canvas_get_zoom (SlvBoardCanvas *self)
{
  g_return_val_if_fail (SLV_IS_BOARD_CANVAS (self), 1);
  return self->zoom;
}

void
slv_board_canvas_get_center (SlvBoardCanvas *self,
                             double         *x,
                             double         *y)
{
  g_return_if_fail (SLV_IS_BOARD_CANVAS (self));
  if (x != NULL)
    *x = self->cx;
  if (y != NULL)
    *y = self->cy;
}

void
slv_board_canvas_set_view (SlvBoardCanvas *self,
                           double          x,
                           double          y,
                           double          zoom)
{
  g_return_if_fail (SLV_IS_BOARD_CANVAS (self));

  if (!isfinite (x) || !isfinite (y) || !isfinite (zoom) || zoom <= 0)
    return;
  self->cx = x;
  self->cy = y;
  self->zoom = CLAMP (zoom, SLV_BOARD_ZOOM_MIN, SLV_BOARD_ZOOM_MAX);
  self->fit_pending = FALSE;
  slv_board_canvas_notify_view (self);
}

void
slv_board_canvas_zoom_at (SlvBoardCanvas *self,
                          double          zoom,
                          double          wx,
                          double          wy)
{
  SlvPoint before;

  g_return_if_fail (SLV_IS_BOARD_CANVAS (self));

  if (!isfinite (zoom) || zoom <= 0)
    return;
  zoom = CLAMP (zoom, SLV_BOARD_ZOOM_MIN, SLV_BOARD_ZOOM_MAX);
  before = slv_board_canvas_widget_to_board (self, wx, wy);
  /* keep @before under (wx, wy) */
  self->cx = before.x - (wx - slv_board_canvas_width (self) / 2) / zoom;
  self->cy = before.y - (wy - slv_board_canvas_height (self) / 2) / zoom;
  self->zoom = zoom;
  self->fit_pending = FALSE;
  slv_board_canvas_notify_view (self);
}

void
slv_board_canvas_zoom_to_rect (SlvBoardCanvas *self,
                               const SlvRect  *rect,
                               double          max_zoom)
{
  double w, h, zoom;

  g_return_if_fail (SLV_IS_BOARD_CANVAS (self));
  g_return_if_fail (rect != NULL);

  w = MAX (slv_board_canvas_width (self) - 2 * FIT_MARGIN_PX, 16);
  h = MAX (slv_board_canvas_height (self) - 2 * FIT_MARGIN_PX, 16);
  zoom = MIN (w / MAX (rect->w, 1e-3), h / MAX (rect->h, 1e-3));
  if (max_zoom > 0)
    zoom = MIN (zoom, max_zoom);
  slv_board_canvas_set_view (self, rect->x + rect->w / 2, rect->y + rect->h / 2, zoom);
}

void
slv_board_canvas_get_visible_rect (SlvBoardCanvas *self,
                                   SlvRect        *out)
{
  SlvBoardViewport view;

  g_return_if_fail (SLV_IS_BOARD_CANVAS (self));

  slv_board_canvas_get_viewport (self, slv_board_canvas_width (self), slv_board_canvas_height (self), &view);
  *out = slv_rect_make (view.x, view.y, view.width / view.zoom, view.height / view.zoom);
}

SlvPoint
slv_board_canvas_widget_to_board (SlvBoardCanvas *self,
                                  double          wx,
                                  double          wy)
{
  SlvPoint p;

  p.x = self->cx + (wx - slv_board_canvas_width (self) / 2) / self->zoom;
  p.y = self->cy + (wy - slv_board_canvas_height (self) / 2) / self->zoom;
  return p;
}

SlvPoint
slv_board_canvas_board_to_widget (SlvBoardCanvas *self,
                                  double          bx,
                                  double          by)
{
  SlvPoint p;

  p.x = (bx - self->cx) * self->zoom + slv_board_canvas_width (self) / 2;
  p.y = (by - self->cy) * self->zoom + slv_board_canvas_height (self) / 2;
  return p;
}

void
slv_board_canvas_flush_view (SlvBoardCanvas *self)
{
  g_return_if_fail (SLV_IS_BOARD_CANVAS (self));

  if (self->save_view_id != 0)
    {
      g_clear_handle_id (&self->save_view_id, g_source_remove);
      save_view_cb (self);
    }
}

gboolean
slv_board_canvas_get_read_only (SlvBoardCanvas *self)
{
  g_return_val_if_fail (SLV_IS_BOARD_CANVAS (self), FALSE);
  return self->read_only;
}

void
slv_board_canvas_set_read_only (SlvBoardCanvas *self,
                                gboolean        read_only)
{
  g_return_if_fail (SLV_IS_BOARD_CANVAS (self));

  read_only = !!read_only;
  if (self->read_only == read_only)
    return;
  self->read_only = read_only;
  if (read_only)
    {
      canvas_cancel_drag (self);
      canvas_end_crop (self, FALSE);
    }
  canvas_actions_update (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}

guint
slv_board_canvas_add_overlay (SlvBoardCanvas         *self,
                              SlvBoardCanvasDrawFunc  func,
                              gpointer                user_data,
                              GDestroyNotify          destroy)
{
  CanvasOverlay o = { 0, func, user_data, destroy };

  g_return_val_if_fail (SLV_IS_BOARD_CANVAS (self), 0);
  g_return_val_if_fail (func != NULL, 0);

  o.id = ++self->next_overlay;
  g_array_append_val (self->overlays, o);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return o.id;
}

void
slv_board_canvas_remove_overlay (SlvBoardCanvas *self,
                                 guint           id)
{
  g_return_if_fail (SLV_IS_BOARD_CANVAS (self));

  for (guint i = 0; i < self->overlays->len; i++)
    if (g_array_index (self->overlays, CanvasOverlay, i).id == id)
      {
        g_array_remove_index (self->overlays, i);
        gtk_widget_queue_draw (GTK_WIDGET (self));
        return;
      }
}

void
slv_board_canvas_set_input_handler (SlvBoardCanvas          *self,
                                    SlvBoardCanvasInputFunc  func,
                                    gpointer                 user_data,
                                    GDestroyNotify           destroy)
{
  g_return_if_fail (SLV_IS_BOARD_CANVAS (self));

  if (self->drag == DRAG_HANDLER)
    canvas_cancel_drag (self);
  if (self->input_destroy != NULL)
    self->input_destroy (self->input_data);
  self->input_func = func;
  self->input_data = user_data;
  self->input_destroy = destroy;
}

GskRenderNode *
slv_board_canvas_render_node (SlvBoardCanvas *self,
                              int             width,
                              int             height)
{
  GskRenderNode *node;
  GtkSnapshot *snapshot;
  GtkWidget *widget;

  g_return_val_if_fail (SLV_IS_BOARD_CANVAS (self), NULL);

  widget = GTK_WIDGET (self);
  snapshot = gtk_snapshot_new ();
  if (self->doc != NULL && self->fit_pending && gtk_widget_get_width (widget) > 1)
    fit_now (self);
  paint (self, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  /* nothing in view: an empty node rather than none */
  return node ? node : gsk_container_node_new (NULL, 0);
}

guint
slv_board_canvas_get_n_frames (SlvBoardCanvas *self)
{
  g_return_val_if_fail (SLV_IS_BOARD_CANVAS (self), 0);
  return self->frames;
}

guint
slv_board_canvas_get_n_drawn (SlvBoardCanvas *self)
{
  g_return_val_if_fail (SLV_IS_BOARD_CANVAS (self), 0);
  return self->painter ? slv_board_painter_get_n_drawn (self->painter) : 0;
}

guint
slv_board_canvas_get_n_pending (SlvBoardCanvas *self)
{
  g_return_val_if_fail (SLV_IS_BOARD_CANVAS (self), 0);
  return self->painter ? slv_board_painter_get_n_pending (self->painter) : 0;
}

gsize
slv_board_canvas_get_texture_bytes (SlvBoardCanvas *self)
{
  g_return_val_if_fail (SLV_IS_BOARD_CANVAS (self), 0);
  return self->painter ? slv_board_painter_get_texture_bytes (self->painter) : 0;
}
