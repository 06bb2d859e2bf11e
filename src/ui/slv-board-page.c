/* slv-board-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-board-page"

#include "config.h"

#include <glib/gi18n.h>

#include "slv-board-page-private.h"
#include "core/slv-board.h"
#include "core/slv-colour.h"
#include "core/slv-style.h"
#include "services/slv-pricing.h"
#include "services/slv-style-cards.h"
#include "store/slv-repo.h"

G_DEFINE_FINAL_TYPE (SlvBoardPage, slv_board_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  SlvBoardDoc *doc;
  char        *name;
} Opened;

static void
opened_free (Opened *opened)
{
  g_clear_object (&opened->doc);
  g_free (opened->name);
  g_free (opened);
}

static void
set_title (SlvBoardPage *self,
           const char   *title)
{
  if (g_strcmp0 (self->title, title) == 0)
    return;
  g_free (self->title);
  self->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

static void
set_loading (SlvBoardPage *self,
             gboolean      loading)
{
  gtk_spinner_set_spinning (self->spinner, loading);
  if (self->loading == loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
update_hint (SlvBoardPage *self)
{
  SlvBoardDoc *doc = slv_board_canvas_get_doc (self->canvas);

  gtk_widget_set_visible (self->hint, doc != NULL &&
                          g_list_model_get_n_items (slv_board_doc_get_items (doc)) == 0);
}

static void
zoom_changed_cb (SlvBoardPage *self)
{
  g_autofree char *label = g_strdup_printf ("%.0f %%", slv_board_canvas_get_zoom (self->canvas) * 100);

  gtk_menu_button_set_label (self->zoom_button, label);
}

static void
toast_cb (SlvBoardPage *self,
          const char   *message,
          gboolean      undo)
{
  slv_board_page_add_toast (self, message, undo);
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SlvStore *store = source_object;
  g_autoptr(SlvEntity) board = NULL;
  Opened *opened;
  GError *error = NULL;

  /* an id, or (from the command line and D-Bus) a board's name */
  board = slv_repo_get (store, SLV_TYPE_BOARD, task_data, NULL);
  if (board == NULL)
    board = slv_repo_find_by_code (store, SLV_TYPE_BOARD, task_data, NULL);
  opened = g_new0 (Opened, 1);
  opened->doc = slv_board_doc_load (store, board ? slv_entity_get_id (board) : task_data, &error);
  if (opened->doc == NULL)
    {
      opened_free (opened);
      g_task_return_error (task, error);
      return;
    }
  opened->name = g_strdup (board ? slv_board_get_name (SLV_BOARD (board)) : _("Board"));
  g_task_return_pointer (task, opened, (GDestroyNotify) opened_free);
}

static void
preload_infos (SlvBoardPage *self,
               SlvBoardDoc  *doc)
{
  GListModel *items = slv_board_doc_get_items (doc);
  g_autoptr(GStrvBuilder) shas = g_strv_builder_new ();
  g_auto(GStrv) list = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(SlvBoardItem) item = g_list_model_get_item (items, i);

      if (slv_board_item_get_blob (item) != NULL)
        g_strv_builder_add (shas, slv_board_item_get_blob (item));
    }
  list = g_strv_builder_end (shas);
  if (list[0] != NULL)
    slv_mip_cache_preload_info_async (self->cache, (const char * const *) list, self->cancellable, NULL, NULL);
}

static void
open_review (SlvBoardPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *user = board_page_review_user_name (self);
  g_autoptr(SlvReview) review = slv_review_new (self->store, self->board_id, user, &error);

  if (review == NULL)
    slv_board_page_add_toast (self, error->message, FALSE);
  board_page_review_set (self, review);
}

static void
opened_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  Opened *opened = g_task_propagate_pointer (G_TASK (result), &error);
  SlvBoardPage *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = SLV_BOARD_PAGE (user_data);
  set_loading (self, FALSE);
  if (opened == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  g_free (self->board_id);
  self->board_id = g_strdup (slv_board_doc_get_board_id (opened->doc));
  set_title (self, opened->name);
  preload_infos (self, opened->doc);
  slv_board_canvas_set_doc (self->canvas, opened->doc, self->cache, self->cards);
  open_review (self);
  g_signal_connect_object (opened->doc, "changed", G_CALLBACK (update_hint), self, G_CONNECT_SWAPPED);
  update_hint (self);
  gtk_stack_set_visible_child_name (self->stack, "canvas");
  gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
  opened_free (opened);
}

/* -- page actions: the dialogs that choose a colour or a style -- */

static void
colour_response_cb (GtkDialog    *dialog,
                    int           response,
                    SlvBoardPage *self)
{
  GdkRGBA rgba;

  if (response == GTK_RESPONSE_OK)
    {
      g_autofree char *hex = NULL;

      G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (dialog), &rgba);
      G_GNUC_END_IGNORE_DEPRECATIONS
      hex = slv_colour_format_hex (SLV_RGB ((int) (rgba.red * 255 + 0.5), (int) (rgba.green * 255 + 0.5),
                                            (int) (rgba.blue * 255 + 0.5)));
      slv_board_page_activate (self, "add-swatch", g_variant_new_string (hex));
    }
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
add_swatch_action (GtkWidget  *widget,
                   const char *name,
                   GVariant   *parameter)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  dialog = gtk_color_chooser_dialog_new (_("Add a Swatch"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
  gtk_color_chooser_set_use_alpha (GTK_COLOR_CHOOSER (dialog), FALSE);
  G_GNUC_END_IGNORE_DEPRECATIONS
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (colour_response_cb), widget);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
style_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   SlvBoardPage     *self)
{
  GtkDropDown *choice = GTK_DROP_DOWN (adw_message_dialog_get_extra_child (dialog));
  SlvEntity *style = gtk_drop_down_get_selected_item (choice);

  if (g_strcmp0 (response, "add") == 0 && style != NULL)
    slv_board_page_activate (self, "add-style-card", g_variant_new_string (slv_entity_get_id (style)));
}

static char *
style_label (SlvStyle *style)
{
  return style ? g_strdup_printf ("%s  %s", slv_style_get_code (style), slv_style_get_name (style)) : g_strdup ("");
}

static void
styles_ready_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GtkWidget) dialog = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) styles = slv_repo_list_finish (SLV_STORE (source), result, &error);
  GtkExpression *expression;
  GtkWidget *choice;

  if (styles == NULL)
    {
      adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), error->message);
      return;
    }
  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL, G_CALLBACK (style_label), NULL, NULL);
  choice = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&styles)), expression);
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (choice), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), choice);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add",
                                           g_list_model_get_n_items (gtk_drop_down_get_model (GTK_DROP_DOWN (choice))) > 0);
}

static void
add_style_card_action (GtkWidget  *widget,
                       const char *name,
                       GVariant   *parameter)
{
  SlvBoardPage *self = SLV_BOARD_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;

  if (self->store == NULL)
    return;
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _("Add a Style Card"),
                                   _("The card shows the style’s picture, code and name, and its FOB and "
                                     "retail price as costed now."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "add", _("_Add"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add", FALSE);
  g_signal_connect (dialog, "response", G_CALLBACK (style_response_cb), self);
  slv_repo_list_async (self->store, SLV_TYPE_STYLE, NULL, self->cancellable, styles_ready_cb,
                       g_object_ref (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* -- vfuncs -- */

static void
slv_board_page_unmap (GtkWidget *widget)
{
  SlvBoardPage *self = SLV_BOARD_PAGE (widget);

  slv_board_canvas_flush_view (self->canvas);
  GTK_WIDGET_CLASS (slv_board_page_parent_class)->unmap (widget);
}

static void
slv_board_page_dispose (GObject *object)
{
  SlvBoardPage *self = SLV_BOARD_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  board_page_review_dispose (self);
  if (self->canvas != NULL)
    slv_board_canvas_set_doc (self->canvas, NULL, NULL, NULL);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "canvas", NULL);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->cards);
  g_clear_object (&self->cache);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (slv_board_page_parent_class)->dispose (object);
}

static void
slv_board_page_finalize (GObject *object)
{
  SlvBoardPage *self = SLV_BOARD_PAGE (object);

  g_free (self->board_id);
  g_free (self->title);

  G_OBJECT_CLASS (slv_board_page_parent_class)->finalize (object);
}

static void
slv_board_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SlvBoardPage *self = SLV_BOARD_PAGE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
slv_board_page_class_init (SlvBoardPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = slv_board_page_dispose;
  object_class->finalize = slv_board_page_finalize;
  object_class->get_property = slv_board_page_get_property;
  widget_class->unmap = slv_board_page_unmap;

  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] = g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SLV_TYPE_BOARD_CANVAS);
  g_type_ensure (SLV_TYPE_REVIEW_SIDEBAR);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/selvedge/Selvedge/ui/slv-board-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, SlvBoardPage, box);
  gtk_widget_class_bind_template_child (widget_class, SlvBoardPage, zoom_button);
  gtk_widget_class_bind_template_child (widget_class, SlvBoardPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SlvBoardPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SlvBoardPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, SlvBoardPage, canvas);
  gtk_widget_class_bind_template_child (widget_class, SlvBoardPage, hint);
  gtk_widget_class_bind_template_child (widget_class, SlvBoardPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, SlvBoardPage, review_bar);
  gtk_widget_class_bind_template_child (widget_class, SlvBoardPage, sidebar_revealer);
  gtk_widget_class_bind_template_child (widget_class, SlvBoardPage, sidebar);
  gtk_widget_class_bind_template_child (widget_class, SlvBoardPage, color_button);
  gtk_widget_class_bind_template_child (widget_class, SlvBoardPage, review_count);
  gtk_widget_class_install_action (widget_class, "board.add-swatch", NULL, add_swatch_action);
  gtk_widget_class_install_action (widget_class, "board.add-style-card", NULL, add_style_card_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_j, GDK_CONTROL_MASK, "review.next-open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_j, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "review.previous-open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "review.sidebar", NULL);
}

static void
slv_board_page_init (SlvBoardPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_insert_action_group (GTK_WIDGET (self), "canvas", slv_board_canvas_get_actions (self->canvas));
  g_signal_connect_object (self->canvas, "notify::zoom", G_CALLBACK (zoom_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->canvas, "toast", G_CALLBACK (toast_cb), self, G_CONNECT_SWAPPED);
  board_page_review_init (self);
  zoom_changed_cb (self);
  gtk_stack_set_visible_child_name (self->stack, "loading");
}

GtkWidget *
slv_board_page_new (void)
{
  return g_object_new (SLV_TYPE_BOARD_PAGE, NULL);
}

void
slv_board_page_set_store (SlvBoardPage *self,
                          SlvStore     *store,
                          SlvMipCache  *cache)
{
  g_autoptr(SlvPricing) pricing = NULL;

  g_return_if_fail (SLV_IS_BOARD_PAGE (self));
  g_return_if_fail (store == NULL || SLV_IS_MIP_CACHE (cache));

  if (store == self->store)
    return;
  slv_board_page_close (self);
  g_set_object (&self->store, store);
  g_set_object (&self->cache, cache);
  g_clear_object (&self->cards);
  if (store != NULL)
    {
      pricing = slv_pricing_new (store);
      self->cards = slv_style_cards_new (pricing);
    }
}

void
slv_board_page_open (SlvBoardPage *self,
                     const char   *board_id)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SLV_IS_BOARD_PAGE (self));
  g_return_if_fail (board_id != NULL);

  if (self->store == NULL)
    return;
  if (g_strcmp0 (board_id, self->board_id) == 0 && (self->loading || slv_board_canvas_get_doc (self->canvas)))
    return;
  slv_board_page_close (self);
  self->board_id = g_strdup (board_id);
  self->cancellable = g_cancellable_new ();
  set_loading (self, TRUE);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  task = g_task_new (self->store, self->cancellable, opened_cb, self);
  g_task_set_source_tag (task, slv_board_page_open);
  g_task_set_task_data (task, g_strdup (board_id), g_free);
  g_task_run_in_thread (task, open_thread);
}

void
slv_board_page_close (SlvBoardPage *self)
{
  g_return_if_fail (SLV_IS_BOARD_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  board_page_review_set (self, NULL);
  slv_board_canvas_set_doc (self->canvas, NULL, NULL, NULL);
  g_clear_pointer (&self->board_id, g_free);
  set_loading (self, FALSE);
  set_title (self, NULL);
  gtk_widget_set_visible (self->hint, FALSE);
}

const char *
slv_board_page_get_board_id (SlvBoardPage *self)
{
  g_return_val_if_fail (SLV_IS_BOARD_PAGE (self), NULL);
  return self->board_id;
}

const char *
slv_board_page_get_title (SlvBoardPage *self)
{
  g_return_val_if_fail (SLV_IS_BOARD_PAGE (self), NULL);
  return self->title;
}

gboolean
slv_board_page_get_loading (SlvBoardPage *self)
{
  g_return_val_if_fail (SLV_IS_BOARD_PAGE (self), FALSE);
  return self->loading;
}

SlvBoardCanvas *
slv_board_page_get_canvas (SlvBoardPage *self)
{
  g_return_val_if_fail (SLV_IS_BOARD_PAGE (self), NULL);
  return self->canvas;
}

gboolean
slv_board_page_activate (SlvBoardPage *self,
                         const char   *name,
                         GVariant     *parameter)
{
  GActionGroup *group;
  const GVariantType *type = NULL;
  gboolean enabled = FALSE;
  g_autoptr(GVariant) sunk = parameter ? g_variant_ref_sink (parameter) : NULL;

  g_return_val_if_fail (SLV_IS_BOARD_PAGE (self), FALSE);

  group = slv_board_canvas_get_actions (self->canvas);
  if (g_str_has_prefix (name, "review."))
    {
      group = G_ACTION_GROUP (self->review_actions);
      name += strlen ("review.");
    }
  if (!g_action_group_query_action (group, name, &enabled, &type, NULL, NULL, NULL))
    return FALSE;
  if (!enabled)
    {
      /* while reviewing, say why an item edit is refused */
      if (group == slv_board_canvas_get_actions (self->canvas))
        board_page_review_refused (self, name);
      return FALSE;
    }
  if (type == NULL)
    g_clear_pointer (&sunk, g_variant_unref);
  else if (sunk == NULL || !g_variant_is_of_type (sunk, type))
    return FALSE;
  g_action_group_activate_action (group, name, sunk);
  return TRUE;
}

void
slv_board_page_add_toast (SlvBoardPage *self,
                          const char   *message,
                          gboolean      undo)
{
  AdwToast *toast;

  g_return_if_fail (SLV_IS_BOARD_PAGE (self));

  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, undo ? 5 : 6);
  if (undo)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "canvas.undo");
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
