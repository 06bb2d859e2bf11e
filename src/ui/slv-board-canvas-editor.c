/* slv-board-canvas-editor.c: the note editor — a popover over a note on
 * the canvas whose text becomes the note's when it closes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-board-canvas"

#include "config.h"

#include "slv-board-canvas-private.h"

/* -- the note editor -- */

static void
editor_closed_cb (SlvBoardCanvas *self)
{
  GtkWidget *view = g_object_get_data (G_OBJECT (self->editor), "slv-text-view");
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  g_autofree char *id = g_steal_pointer (&self->editor_id);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  GtkTextIter start, end;
  SlvBoardItem *item;

  item = id && self->doc ? slv_board_doc_lookup (self->doc, id) : NULL;
  if (item == NULL)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (text, slv_board_item_get_text (item)) != 0 &&
      !slv_board_doc_set_text (self->doc, id, text, &error))
    slv_board_canvas_report (self, error);
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static GtkWidget *
make_editor (SlvBoardCanvas *self)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_widget_set_size_request (scroller, 320, 160);
  gtk_popover_set_child (GTK_POPOVER (popover), scroller);
  g_object_set_data (G_OBJECT (popover), "slv-text-view", view);
  gtk_widget_set_parent (popover, GTK_WIDGET (self));
  g_signal_connect_swapped (popover, "closed", G_CALLBACK (editor_closed_cb), self);
  return popover;
}

void
canvas_edit_text (SlvBoardCanvas *self,
                  const char     *id)
{
  SlvBoardItem *item = self->doc && id ? slv_board_doc_lookup (self->doc, id) : NULL;
  GtkWidget *view;
  SlvRect bounds;
  SlvPoint a, b;

  if (item == NULL || self->read_only || slv_board_item_get_kind (item) != SLV_BOARD_ITEM_NOTE)
    return;
  if (self->editor == NULL)
    self->editor = make_editor (self);
  g_free (self->editor_id);
  self->editor_id = g_strdup (id);
  view = g_object_get_data (G_OBJECT (self->editor), "slv-text-view");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)),
                            slv_board_item_get_text (item) ? slv_board_item_get_text (item) : "", -1);
  slv_board_item_get_bounds (item, &bounds);
  a = slv_board_canvas_board_to_widget (self, bounds.x, bounds.y);
  b = slv_board_canvas_board_to_widget (self, bounds.x + bounds.w, bounds.y + bounds.h);
  a.x = CLAMP (a.x, 0, slv_board_canvas_width (self));
  b.x = CLAMP (b.x, 0, slv_board_canvas_width (self));
  a.y = CLAMP (a.y, 0, slv_board_canvas_height (self));
  b.y = CLAMP (b.y, 0, slv_board_canvas_height (self));
  gtk_popover_set_pointing_to (GTK_POPOVER (self->editor),
                               &(GdkRectangle) { (int) a.x, (int) a.y, MAX (1, (int) (b.x - a.x)),
                                                 MAX (1, (int) (b.y - a.y)) });
  gtk_popover_popup (GTK_POPOVER (self->editor));
  gtk_widget_grab_focus (view);
}
