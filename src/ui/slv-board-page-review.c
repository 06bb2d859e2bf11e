/* slv-board-page-review.c: annotation and review on the board page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page's "review" action group (also reached through
 * slv_board_page_activate() as "review.NAME", so the window's
 * canvas-action and D-Bus drive it):
 *
 *   tool (s, state)          select, pin, ink, arrow, rect, ellipse, highlight
 *   color (s, state)         a palette colour for new annotations
 *   sidebar (b state)        the review sidebar and tool bar shown
 *   review-mode (b state)    items read-only; annotations and comments allowed
 *   filter (s, state)        all, open, resolved, mine, mentions-me, or a status
 *   add-pin (dd)             a pin at a board point
 *   add-annotation (sdddd)   kind and two board points (ink: a straight stroke)
 *   select (s)               a thread by id or number ("" for none); jumps to it
 *   next-open, previous-open select the next/previous open thread and jump
 *   show-selected            jump and zoom to the selected thread
 *   comment (s)              reply to the selected thread
 *   start-edit (s)           put one's own comment in the entry to edit it
 *   edit-comment (ss), delete-comment (s)
 *   set-status (s)           open, approved, rejected, on_hold, resolved
 *   delete                   the selected annotation
 *   undo, redo               annotation changes
 *   export (s)               "pdf" or "csv", through a file chooser
 *   export-to (ss)           format and path, no dialog
 */
#define G_LOG_DOMAIN "slv-board-page"

#include "config.h"

#include <glib/gi18n.h>

#include "slv-board-page-private.h"
#include "services/slv-review-export.h"

static SlvBoardPage *
page_of (gpointer user_data)
{
  return SLV_BOARD_PAGE (user_data);
}

static void
toast (SlvBoardPage *self,
       const char   *message,
       const char   *undo_action)
{
  AdwToast *t = adw_toast_new (message);

  adw_toast_set_timeout (t, 5);
  if (undo_action != NULL)
    {
      adw_toast_set_button_label (t, _("_Undo"));
      adw_toast_set_action_name (t, undo_action);
    }
  adw_toast_overlay_add_toast (self->toast_overlay, t);
}

static gboolean
report (SlvBoardPage *self,
        GError       *error)
{
  if (error == NULL)
    return FALSE;
  toast (self, error->message, NULL);
  return TRUE;
}

static SlvReviewThread *
selected_or_toast (SlvBoardPage *self)
{
  SlvReviewThread *thread = self->review ? slv_review_get_selected (self->review) : NULL;

  if (thread == NULL)
    toast (self, _("Select a thread first: click its number on the board or in the list."), NULL);
  return thread;
}

static void
show_sidebar (SlvBoardPage *self,
              gboolean      shown)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->review_actions), "sidebar");

  g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_boolean (shown));
  gtk_revealer_set_reveal_child (self->sidebar_revealer, shown);
  gtk_revealer_set_reveal_child (self->review_bar, shown);
  /* with the tools out of sight, clicks select and move again */
  if (!shown)
    g_action_group_change_action_state (G_ACTION_GROUP (self->review_actions), "tool",
                                        g_variant_new_string ("select"));
}

static void
set_state_string (SlvBoardPage *self,
                  const char   *name,
                  const char   *value)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->review_actions), name);

  g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_string (value));
}

/* -- state actions -- */

static void
change_tool (GSimpleAction *action,
             GVariant      *value,
             gpointer       user_data)
{
  SlvBoardPage *self = page_of (user_data);

  if (slv_review_overlay_set_tool (self->overlay, g_variant_get_string (value, NULL)))
    g_simple_action_set_state (action, value);
}

static void
update_color_button (SlvBoardPage *self)
{
  const char *name = slv_review_overlay_get_color (self->overlay);

  gtk_menu_button_set_label (self->color_button, slv_annotation_colour_get_label (name));
}

static void
change_color (GSimpleAction *action,
              GVariant      *value,
              gpointer       user_data)
{
  SlvBoardPage *self = page_of (user_data);

  if (!slv_review_overlay_set_color (self->overlay, g_variant_get_string (value, NULL)))
    return;
  g_simple_action_set_state (action, value);
  update_color_button (self);
}

static void
change_sidebar (GSimpleAction *action,
                GVariant      *value,
                gpointer       user_data)
{
  show_sidebar (page_of (user_data), g_variant_get_boolean (value));
}

static void
change_review_mode (GSimpleAction *action,
                    GVariant      *value,
                    gpointer       user_data)
{
  SlvBoardPage *self = page_of (user_data);
  gboolean on = g_variant_get_boolean (value);

  g_simple_action_set_state (action, value);
  if (self->review != NULL)
    slv_review_set_review_mode (self->review, on);
  slv_board_canvas_set_read_only (self->canvas, on);
  if (on)
    show_sidebar (self, TRUE);
}

static gboolean
parse_filter (const char      *text,
              SlvReviewFilter *filter,
              SlvReviewStatus *status)
{
  static const struct { const char *name; SlvReviewFilter filter; } names[] = {
    { "all", SLV_REVIEW_FILTER_ALL }, { "open", SLV_REVIEW_FILTER_OPEN },
    { "resolved", SLV_REVIEW_FILTER_RESOLVED }, { "mine", SLV_REVIEW_FILTER_MINE },
    { "mentions-me", SLV_REVIEW_FILTER_MENTIONS_ME },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (text, names[i].name) == 0)
      {
        *filter = names[i].filter;
        return TRUE;
      }
  *filter = SLV_REVIEW_FILTER_STATUS;
  return slv_review_status_from_string (text, status);
}

static void
change_filter (GSimpleAction *action,
               GVariant      *value,
               gpointer       user_data)
{
  SlvBoardPage *self = page_of (user_data);
  SlvReviewFilter filter;
  SlvReviewStatus status = SLV_REVIEW_STATUS_OPEN;

  if (self->review == NULL || !parse_filter (g_variant_get_string (value, NULL), &filter, &status))
    return;
  g_simple_action_set_state (action, value);
  if (filter == SLV_REVIEW_FILTER_STATUS)
    slv_review_set_status_filter (self->review, status);
  slv_review_set_filter (self->review, filter);
}

/* -- annotations -- */

static void
added (SlvBoardPage *self,
       char         *id,
       GError       *error)
{
  g_autofree char *owned = id;

  if (report (self, error))
    return;
  show_sidebar (self, TRUE);
  slv_review_sidebar_focus_reply (self->sidebar);
}

static void
add_pin_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  SlvBoardPage *self = page_of (user_data);
  g_autoptr(SlvAnnotationGeometry) g = slv_annotation_geometry_new (SLV_ANNOTATION_PIN, FALSE);
  g_autoptr(GError) error = NULL;
  double x, y;
  char *id;

  g_variant_get (parameter, "(dd)", &x, &y);
  slv_annotation_geometry_add_point (g, x, y, 1);
  id = slv_review_overlay_add (self->overlay, g, &error);
  added (self, id, error);
}

static void
add_annotation_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  SlvBoardPage *self = page_of (user_data);
  g_autoptr(SlvAnnotationGeometry) g = NULL;
  g_autoptr(GError) error = NULL;
  SlvAnnotationKind kind;
  const char *name;
  double x1, y1, x2, y2;
  char *id;

  g_variant_get (parameter, "(&sdddd)", &name, &x1, &y1, &x2, &y2);
  if (!slv_annotation_kind_from_string (name, &kind))
    return;
  g = slv_annotation_geometry_new (kind, FALSE);
  g->width = kind == SLV_ANNOTATION_PIN ? SLV_ANNOTATION_DEFAULT_WIDTH
             : CLAMP (3.0 / slv_board_canvas_get_zoom (self->canvas), 0.5, SLV_ANNOTATION_MAX_WIDTH);
  slv_annotation_geometry_add_point (g, x1, y1, 1);
  if (kind != SLV_ANNOTATION_PIN)
    slv_annotation_geometry_add_point (g, x2, y2, 1);
  id = slv_review_overlay_add (self->overlay, g, &error);
  added (self, id, error);
}

/* A thread by id, or by its number as shown ("3", "3a"). */
static SlvReviewThread *
find_thread (SlvBoardPage *self,
             const char   *key)
{
  GListModel *threads = slv_review_get_threads (self->review);
  SlvReviewThread *thread = slv_review_find_thread (self->review, key);

  for (guint i = 0; thread == NULL && i < g_list_model_get_n_items (threads); i++)
    {
      g_autoptr(SlvReviewThread) t = g_list_model_get_item (threads, i);

      if (g_strcmp0 (slv_review_thread_get_label (t), key) == 0)
        thread = t;
    }
  return thread;
}

static void
select_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  SlvBoardPage *self = page_of (user_data);
  g_autoptr(GError) error = NULL;
  const char *key = g_variant_get_string (parameter, NULL);
  SlvReviewThread *thread = key[0] ? find_thread (self, key) : NULL;

  if (key[0] != '\0' && thread == NULL)
    {
      toast (self, _("The annotation no longer exists; it may have been deleted."), NULL);
      return;
    }
  if (!slv_review_select (self->review, thread ? slv_review_thread_get_id (thread) : NULL, &error))
    report (self, error);
  else if (thread != NULL)
    slv_review_overlay_show_thread (self->overlay, thread);
}

static void
jump (SlvBoardPage    *self,
      SlvReviewThread *thread,
      GError          *error)
{
  if (report (self, error))
    return;
  if (thread == NULL)
    {
      toast (self, _("No thread is open on this board."), NULL);
      return;
    }
  show_sidebar (self, TRUE);
  slv_review_overlay_show_thread (self->overlay, thread);
}

/* next-open and previous-open */
static void
step_open_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  SlvBoardPage *self = page_of (user_data);
  g_autoptr(GError) error = NULL;
  SlvReviewThread *thread;

  if (g_str_equal (g_action_get_name (G_ACTION (action)), "next-open"))
    thread = slv_review_select_next_open (self->review, &error);
  else
    thread = slv_review_select_previous_open (self->review, &error);
  jump (self, thread, error);
}

static void
show_selected_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  SlvBoardPage *self = page_of (user_data);
  SlvReviewThread *thread = selected_or_toast (self);

  if (thread != NULL)
    slv_review_overlay_show_thread (self->overlay, thread);
}

static void
delete_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  SlvBoardPage *self = page_of (user_data);
  g_autoptr(GError) error = NULL;
  SlvReviewThread *thread = selected_or_toast (self);
  g_autofree char *id = thread ? g_strdup (slv_review_thread_get_id (thread)) : NULL;

  if (id == NULL)
    return;
  if (slv_review_delete_annotation (self->review, id, &error))
    toast (self, _("Annotation deleted"), "review.undo");
  else
    report (self, error);
}

static void
set_status_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  SlvBoardPage *self = page_of (user_data);
  g_autoptr(GError) error = NULL;
  SlvReviewThread *thread = selected_or_toast (self);
  g_autofree char *id = thread ? g_strdup (slv_review_thread_get_id (thread)) : NULL;
  SlvReviewStatus status;

  if (id == NULL || !slv_review_status_from_string (g_variant_get_string (parameter, NULL), &status))
    return;
  if (!slv_review_set_status (self->review, id, status, &error))
    report (self, error);
}

static void
undo_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  SlvBoardPage *self = page_of (user_data);
  g_autoptr(GError) error = NULL;

  if (!slv_review_undo (self->review, &error))
    report (self, error);
}

static void
redo_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  SlvBoardPage *self = page_of (user_data);
  g_autoptr(GError) error = NULL;

  if (!slv_review_redo (self->review, &error))
    report (self, error);
}

/* -- comments -- */

static void
comment_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  SlvBoardPage *self = page_of (user_data);
  g_autoptr(GError) error = NULL;
  SlvReviewThread *thread = selected_or_toast (self);
  g_autofree char *id = NULL;

  if (thread == NULL)
    return;
  id = slv_review_add_comment (self->review, slv_review_thread_get_id (thread),
                               g_variant_get_string (parameter, NULL), &error);
  if (!report (self, error))
    slv_review_sidebar_reply_done (self->sidebar);
}

static void
start_edit_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  SlvBoardPage *self = page_of (user_data);

  slv_review_sidebar_edit_comment (self->sidebar, g_variant_get_string (parameter, NULL));
}

static void
edit_comment_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  SlvBoardPage *self = page_of (user_data);
  g_autoptr(GError) error = NULL;
  const char *id, *body;

  g_variant_get (parameter, "(&s&s)", &id, &body);
  if (slv_review_edit_comment (self->review, id, body, &error))
    slv_review_sidebar_reply_done (self->sidebar);
  else
    report (self, error);
}

static void
delete_comment_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  SlvBoardPage *self = page_of (user_data);
  g_autoptr(GError) error = NULL;

  if (slv_review_delete_comment (self->review, g_variant_get_string (parameter, NULL), &error))
    toast (self, _("Comment deleted"), NULL);
  else
    report (self, error);
}

/* -- export -- */

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(SlvBoardPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (slv_review_export_finish (SLV_STORE (source), result, &error))
    toast (self, _("Review report saved"), NULL);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    report (self, error);
}

static void
export_to (SlvBoardPage *self,
           const char   *format,
           const char   *path)
{
  SlvReviewReportFormat f = g_str_has_prefix (format, "csv") ? SLV_REVIEW_REPORT_CSV : SLV_REVIEW_REPORT_PDF;
  SlvBoardDoc *doc = slv_board_canvas_get_doc (self->canvas);
  SlvRect bounds;
  SlvFrameRect area;
  gboolean selection = g_str_has_suffix (format, "-selection");

  if (self->store == NULL || self->board_id == NULL)
    return;
  /* "pdf-selection": the selected items and the threads on them, with a
   * margin for markers at their edges */
  if (selection && (doc == NULL || !slv_board_doc_get_bounds (doc, NULL, &bounds)))
    {
      toast (self, _("Select the items to report on first."), NULL);
      return;
    }
  if (selection)
    {
      double margin = MAX (bounds.w, bounds.h) * 0.04 + 24;

      area = (SlvFrameRect) { bounds.x - margin, bounds.y - margin, bounds.w + 2 * margin, bounds.h + 2 * margin };
    }
  slv_review_export_async (self->store, self->board_id, path, f, selection ? &area : NULL, self->cancellable,
                           exported_cb, g_object_ref (self));
}

static void
export_to_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  const char *format, *path;

  g_variant_get (parameter, "(&s&s)", &format, &path);
  export_to (page_of (user_data), format, path);
}

static void
chooser_cb (GtkNativeDialog *chooser,
            int              response,
            SlvBoardPage    *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  path = file ? g_file_get_path (file) : NULL;
  if (path != NULL)
    export_to (self, g_object_get_data (G_OBJECT (chooser), "format"), path);
  g_object_unref (chooser);
}

static void
export_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  SlvBoardPage *self = page_of (user_data);
  const char *asked = g_variant_get_string (parameter, NULL);
  const char *format = g_strcmp0 (asked, "csv") == 0 ? "csv" : g_strcmp0 (asked, "pdf-selection") == 0 ? asked : "pdf";
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  chooser = gtk_file_chooser_native_new (_("Export Review Report"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  name = g_strdup_printf ("%s — %s.%s", self->title ? self->title : _("Board"), _("review"),
                          g_str_has_prefix (format, "csv") ? "csv" : "pdf");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data_full (G_OBJECT (chooser), "format", g_strdup (format), g_free);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static const GActionEntry review_entries[] = {
  { "tool", NULL, "s", "'select'", change_tool },
  { "color", NULL, "s", "'" SLV_ANNOTATION_DEFAULT_COLOUR "'", change_color },
  { "sidebar", NULL, NULL, "false", change_sidebar },
  { "review-mode", NULL, NULL, "false", change_review_mode },
  { "filter", NULL, "s", "'all'", change_filter },
  { "add-pin", add_pin_action, "(dd)" },
  { "add-annotation", add_annotation_action, "(sdddd)" },
  { "select", select_action, "s" },
  { "next-open", step_open_action },
  { "previous-open", step_open_action },
  { "show-selected", show_selected_action },
  { "delete", delete_action },
  { "set-status", set_status_action, "s" },
  { "undo", undo_action },
  { "redo", redo_action },
  { "comment", comment_action, "s" },
  { "start-edit", start_edit_action, "s" },
  { "edit-comment", edit_comment_action, "(ss)" },
  { "delete-comment", delete_comment_action, "s" },
  { "export", export_action, "s" },
  { "export-to", export_to_action, "(ss)" },
};

/* Actions that need no board. */
static const char *always_enabled[] = { "tool", "color", "sidebar", NULL };

static void
update_enabled (SlvBoardPage *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (review_entries); i++)
    {
      const char *name = review_entries[i].name;
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->review_actions), name);
      gboolean enabled = self->review != NULL || g_strv_contains (always_enabled, name);

      if (g_str_equal (name, "undo"))
        enabled = self->review && slv_review_get_can_undo (self->review);
      else if (g_str_equal (name, "redo"))
        enabled = self->review && slv_review_get_can_redo (self->review);
      g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
    }
}

static void
update_count (SlvBoardPage *self)
{
  guint n = self->review ? slv_review_get_n_open (self->review) : 0;
  g_autofree char *text = g_strdup_printf ("%u", n);

  gtk_label_set_label (self->review_count, text);
  gtk_widget_set_visible (GTK_WIDGET (self->review_count), n > 0);
}

static void
user_name_cb (SlvBoardPage *self)
{
  g_autofree char *name = board_page_review_user_name (self);

  if (self->review != NULL)
    slv_review_set_user_name (self->review, name);
}

static void
selected_cb (SlvBoardPage *self)
{
  if (slv_review_get_selected (self->review) != NULL)
    show_sidebar (self, TRUE);
}

/* Items deleted or brought back hide or show their annotations. */
static void
items_changed_cb (SlvBoardPage *self,
                  guint         position,
                  guint         removed,
                  guint         added)
{
  g_autoptr(GError) error = NULL;

  if (self->review != NULL && (removed > 0 || added > 0) && !slv_review_reload (self->review, &error))
    report (self, error);
}

static void
overlay_toast_cb (SlvBoardPage *self,
                  const char   *message)
{
  toast (self, message, NULL);
}

static GMenuModel *
colour_menu (void)
{
  GMenu *menu = g_menu_new ();
  const SlvAnnotationColour *palette;
  guint n;

  palette = slv_annotation_palette (&n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (slv_annotation_colour_get_label (palette[i].name), NULL);

      g_menu_item_set_action_and_target (item, "review.color", "s", palette[i].name);
      g_menu_append_item (menu, item);
    }
  return G_MENU_MODEL (menu);
}

void
board_page_review_init (SlvBoardPage *self)
{
  g_autoptr(GMenuModel) menu = colour_menu ();

  self->review_actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->review_actions), review_entries,
                                   G_N_ELEMENTS (review_entries), self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "review", G_ACTION_GROUP (self->review_actions));
  self->overlay = slv_review_overlay_new (self->canvas);
  g_signal_connect_object (self->overlay, "toast", G_CALLBACK (overlay_toast_cb), self, G_CONNECT_SWAPPED);
  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::user-name", G_CALLBACK (user_name_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_menu_button_set_menu_model (self->color_button, menu);
  update_color_button (self);
  update_enabled (self);
  update_count (self);
}

void
board_page_review_dispose (SlvBoardPage *self)
{
  if (self->overlay != NULL)
    slv_review_overlay_detach (self->overlay);
  board_page_review_set (self, NULL);
  g_clear_object (&self->overlay);
  g_clear_object (&self->settings);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "review", NULL);
  g_clear_object (&self->review_actions);
}

void
board_page_review_set (SlvBoardPage *self,
                       SlvReview    *review)
{
  if (self->review == review)
    return;
  if (self->review != NULL)
    g_signal_handlers_disconnect_by_data (self->review, self);
  g_set_object (&self->review, review);
  if (self->sidebar != NULL)
    slv_review_sidebar_set_review (self->sidebar, review);
  if (self->overlay != NULL)
    slv_review_overlay_set_review (self->overlay, review);
  if (review != NULL)
    {
      GVariant *mode = g_action_group_get_action_state (G_ACTION_GROUP (self->review_actions), "review-mode");

      slv_review_set_review_mode (review, g_variant_get_boolean (mode));
      g_variant_unref (mode);
      set_state_string (self, "filter", "all");
      g_signal_connect_object (review, "changed", G_CALLBACK (update_count), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (review, "notify::can-undo", G_CALLBACK (update_enabled), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (review, "notify::can-redo", G_CALLBACK (update_enabled), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (review, "notify::selected", G_CALLBACK (selected_cb), self, G_CONNECT_SWAPPED);
      if (slv_board_canvas_get_doc (self->canvas) != NULL)
        g_signal_connect_object (slv_board_doc_get_items (slv_board_canvas_get_doc (self->canvas)), "items-changed",
                                 G_CALLBACK (items_changed_cb), self, G_CONNECT_SWAPPED);
    }
  if (self->review_actions != NULL)
    {
      update_enabled (self);
      update_count (self);
    }
}

char *
board_page_review_user_name (SlvBoardPage *self)
{
  g_autofree char *name = self->settings ? g_settings_get_string (self->settings, "user-name") : NULL;
  const char *real = g_get_real_name ();

  if (name != NULL && g_strstrip (name)[0] != '\0')
    return g_steal_pointer (&name);
  /* the account's name until one is set in Preferences */
  return g_strdup (real != NULL && g_strcmp0 (real, "Unknown") != 0 ? real : g_get_user_name ());
}

gboolean
board_page_review_refused (SlvBoardPage *self,
                           const char   *name)
{
  g_autoptr(GError) error = NULL;

  if (self->review == NULL || slv_review_check_item_edit (self->review, &error))
    return FALSE;
  report (self, error);
  return TRUE;
}
