/* slv-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-window"

#include "config.h"

#include <glib/gi18n.h>

#include "slv-window.h"
#include "slv-boards-page.h"
#include "slv-cost-master-page.h"
#include "slv-list-page.h"
#include "slv-materials-page.h"
#include "slv-styles-page.h"
#include "slv-sync-button.h"
#include "slv-window-sync.h"
#include "services/slv-workspace.h"

struct _SlvWindow
{
  AdwApplicationWindow  parent_instance;

  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar;
  GtkListBox           *sidebar_list;
  AdwWindowTitle       *sidebar_title;
  AdwWindowTitle       *page_title;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  SlvBoardsPage        *boards_page;
  SlvStylesPage        *styles_page;
  SlvMaterialsPage     *materials_page;
  SlvCostMasterPage    *cost_master_page;
  SlvSyncButton        *sync_button;

  GSettings            *settings;
  SlvStore             *store;
  GCancellable         *cancellable;  /* of work started by this window */
};

G_DEFINE_FINAL_TYPE (SlvWindow, slv_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_PAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkListBoxRow *
find_row (SlvWindow  *self,
          const char *name)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (gtk_widget_get_name (row), name) == 0)
      return GTK_LIST_BOX_ROW (row);
  return NULL;
}

static gboolean
show_page (SlvWindow  *self,
           const char *name)
{
  GtkWidget *child = gtk_stack_get_child_by_name (self->stack, name);
  GtkStackPage *page;
  GtkListBoxRow *row;

  if (child == NULL)
    return FALSE;
  page = gtk_stack_get_page (self->stack, child);
  gtk_stack_set_visible_child (self->stack, child);
  adw_window_title_set_title (self->page_title, gtk_stack_page_get_title (page));
  row = find_row (self, name);
  if (row != NULL && gtk_list_box_get_selected_row (self->sidebar_list) != row)
    gtk_list_box_select_row (self->sidebar_list, row);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  g_settings_set_string (self->settings, "last-page", name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
  return TRUE;
}

static void
row_selected_cb (SlvWindow     *self,
                 GtkListBoxRow *row,
                 GtkListBox    *list)
{
  if (row != NULL)
    show_page (self, gtk_widget_get_name (GTK_WIDGET (row)));
}

static void
row_activated_cb (SlvWindow     *self,
                  GtkListBoxRow *row,
                  GtkListBox    *list)
{
  /* Activating the selected row again still leaves the sidebar when folded. */
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
build_sidebar (SlvWindow *self)
{
  g_autoptr(GtkSelectionModel) pages = gtk_stack_get_pages (self->stack);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (pages));

  for (guint i = 0; i < n; i++)
    {
      GtkStackPage *page = g_list_model_get_item (G_LIST_MODEL (pages), i);
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *icon = gtk_image_new_from_icon_name (gtk_stack_page_get_icon_name (page));
      GtkWidget *label = gtk_label_new (gtk_stack_page_get_title (page));

      gtk_widget_set_name (row, gtk_stack_page_get_name (page));
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_box_append (GTK_BOX (box), icon);
      gtk_box_append (GTK_BOX (box), label);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      gtk_list_box_append (self->sidebar_list, row);
      g_object_unref (page);
    }
  g_signal_connect_object (self->sidebar_list, "row-selected", G_CALLBACK (row_selected_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sidebar_list, "row-activated", G_CALLBACK (row_activated_cb),
                           self, G_CONNECT_SWAPPED);
}

static void
show_page_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  SlvWindow *self = SLV_WINDOW (user_data);
  const char *name = g_variant_get_string (parameter, NULL);

  if (!show_page (self, name))
    {
      g_autofree char *msg = g_strdup_printf (_("There is no page “%s”."), name);

      slv_window_add_toast (self, msg);
    }
}

static void
show_sidebar_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  adw_leaflet_navigate (SLV_WINDOW (user_data)->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
toast_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  slv_window_add_toast (SLV_WINDOW (user_data), g_variant_get_string (parameter, NULL));
}

static void
open_board_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  slv_window_add_toast (SLV_WINDOW (user_data),
                        _("The board canvas is not part of this version of Selvedge yet."));
}

static void
reload_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  SlvWindow *self = SLV_WINDOW (user_data);

  slv_boards_page_reload (self->boards_page);
  slv_list_page_reload (SLV_LIST_PAGE (self->styles_page));
  slv_list_page_reload (SLV_LIST_PAGE (self->materials_page));
  slv_list_page_reload (SLV_LIST_PAGE (self->cost_master_page));
}

static void
search_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  SlvWindow *self = SLV_WINDOW (user_data);
  GtkWidget *page = gtk_stack_get_visible_child (self->stack);

  if (SLV_IS_LIST_PAGE (page))
    slv_list_page_set_search_text (SLV_LIST_PAGE (page), g_variant_get_string (parameter, NULL));
}

static void
board_added_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = slv_workspace_add_board_finish (SLV_STORE (source), result, &error);
  SlvWindow *self;

  /* Cancelled when the window went away: the board is saved, nothing to show. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = SLV_WINDOW (user_data);
  if (id == NULL)
    {
      slv_window_add_toast (self, error->message);
      return;
    }
  slv_boards_page_reload (self->boards_page);
  show_page (self, "boards");
}

static void
new_board_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  SlvWindow *self = SLV_WINDOW (user_data);

  slv_workspace_add_board_async (self->store, g_variant_get_string (parameter, NULL),
                                 self->cancellable, board_added_cb, self);
}

static const GActionEntry win_actions[] = {
  { "show-page", show_page_action, "s" },
  { "show-sidebar", show_sidebar_action },
  { "toast", toast_action, "s" },
  { "open-board", open_board_action, "s" },
  { "reload", reload_action },
  { "search", search_action, "s" },
  { "new-board", new_board_action, "s" },
};

static void
save_window_state (SlvWindow *self)
{
  int width = 0, height = 0;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
}

static gboolean
slv_window_close_request (GtkWindow *window)
{
  save_window_state (SLV_WINDOW (window));
  return GTK_WINDOW_CLASS (slv_window_parent_class)->close_request (window);
}

static void
slv_window_dispose (GObject *object)
{
  SlvWindow *self = SLV_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  slv_window_sync_detach (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SLV_TYPE_WINDOW);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (slv_window_parent_class)->dispose (object);
}

static void
slv_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SlvWindow *self = SLV_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_PAGE:
      g_value_set_string (value, slv_window_get_page (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
slv_window_set_store (SlvWindow *self,
                      SlvStore  *store)
{
  if (!g_set_object (&self->store, store))
    return;
  slv_boards_page_set_store (self->boards_page, store);
  slv_list_page_set_store (SLV_LIST_PAGE (self->styles_page), store);
  slv_list_page_set_store (SLV_LIST_PAGE (self->materials_page), store);
  slv_list_page_set_store (SLV_LIST_PAGE (self->cost_master_page), store);
  slv_window_sync_attach (self, self->sync_button, store);
  if (store != NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), slv_store_get_name (store));
      adw_window_title_set_subtitle (self->sidebar_title, slv_store_get_name (store));
    }
}

static void
slv_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  SlvWindow *self = SLV_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      slv_window_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
slv_window_class_init (SlvWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = slv_window_dispose;
  object_class->get_property = slv_window_get_property;
  object_class->set_property = slv_window_set_property;
  window_class->close_request = slv_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SLV_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAGE] =
    g_param_spec_string ("page", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SLV_TYPE_BOARDS_PAGE);
  g_type_ensure (SLV_TYPE_STYLES_PAGE);
  g_type_ensure (SLV_TYPE_MATERIALS_PAGE);
  g_type_ensure (SLV_TYPE_COST_MASTER_PAGE);
  g_type_ensure (SLV_TYPE_SYNC_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/selvedge/Selvedge/ui/slv-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SlvWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, SlvWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, SlvWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, SlvWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, SlvWindow, page_title);
  gtk_widget_class_bind_template_child (widget_class, SlvWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SlvWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, SlvWindow, boards_page);
  gtk_widget_class_bind_template_child (widget_class, SlvWindow, styles_page);
  gtk_widget_class_bind_template_child (widget_class, SlvWindow, materials_page);
  gtk_widget_class_bind_template_child (widget_class, SlvWindow, cost_master_page);
  gtk_widget_class_bind_template_child (widget_class, SlvWindow, sync_button);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.show-page", "s", "boards");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.show-page", "s", "styles");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "win.show-page", "s", "materials");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_ALT_MASK, "win.show-page", "s", "cost-master");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_5, GDK_ALT_MASK, "win.show-page", "s", "production");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_6, GDK_ALT_MASK, "win.show-page", "s", "insights");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.reload", NULL);
}

static void
slv_window_init (SlvWindow *self)
{
  g_autofree char *last_page = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions, G_N_ELEMENTS (win_actions), self);
  self->settings = g_settings_new (APP_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  build_sidebar (self);
  last_page = g_settings_get_string (self->settings, "last-page");
  if (!show_page (self, last_page))
    show_page (self, "styles");
}

SlvWindow *
slv_window_new (AdwApplication *application,
                SlvStore       *store)
{
  return g_object_new (SLV_TYPE_WINDOW, "application", application, "store", store, NULL);
}

SlvStore *
slv_window_get_store (SlvWindow *self)
{
  g_return_val_if_fail (SLV_IS_WINDOW (self), NULL);
  return self->store;
}

const char *
slv_window_get_page (SlvWindow *self)
{
  g_return_val_if_fail (SLV_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

GtkWidget *
slv_window_get_page_widget (SlvWindow  *self,
                            const char *name)
{
  g_return_val_if_fail (SLV_IS_WINDOW (self), NULL);
  return gtk_stack_get_child_by_name (self->stack, name);
}

void
slv_window_add_toast (SlvWindow  *self,
                      const char *message)
{
  AdwToast *toast;

  g_return_if_fail (SLV_IS_WINDOW (self));
  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

gboolean
slv_window_get_folded (SlvWindow *self)
{
  g_return_val_if_fail (SLV_IS_WINDOW (self), FALSE);
  return adw_leaflet_get_folded (self->leaflet);
}

gboolean
slv_window_get_sidebar_shown (SlvWindow *self)
{
  g_return_val_if_fail (SLV_IS_WINDOW (self), FALSE);
  return !adw_leaflet_get_folded (self->leaflet) ||
         adw_leaflet_get_visible_child (self->leaflet) == self->sidebar;
}
