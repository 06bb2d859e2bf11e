/* slv-window.c: the main window — its pages and sidebar, the window
 * actions that open and drive pages (win.show-page, win.page-action,
 * win.canvas-action…), its state and toasts. Imports and the job queue are
 * in slv-window-jobs.c, sync in slv-window-sync.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-window"

#include "config.h"

#include <glib/gi18n.h>

#include "slv-window-private.h"
#include "slv-list-page.h"
#include "core/slv-style.h"
#include "slv-window-sync.h"
#include "services/slv-workspace.h"

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

static void row_selected_cb (SlvWindow     *self,
                             GtkListBoxRow *row,
                             GtkListBox    *list);

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
  if (row == NULL && g_str_equal (name, "style"))
    {
      /* a style's page shows under Styles, without leaving it */
      g_signal_handlers_block_by_func (self->sidebar_list, row_selected_cb, self);
      gtk_list_box_select_row (self->sidebar_list, find_row (self, "styles"));
      g_signal_handlers_unblock_by_func (self->sidebar_list, row_selected_cb, self);
    }
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  /* a style's page opens from the Styles page, not at start-up */
  if (row != NULL)
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
  /* Activating the selected row again still leaves the sidebar when folded,
   * goes back from a style to the list of styles, and from a board to the
   * Boards page. */
  show_page (self, gtk_widget_get_name (GTK_WIDGET (row)));
}

static void
build_sidebar (SlvWindow *self)
{
  g_autoptr(GtkSelectionModel) pages = gtk_stack_get_pages (self->stack);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (pages));

  for (guint i = 0; i < n; i++)
    {
      GtkStackPage *page = g_list_model_get_item (G_LIST_MODEL (pages), i);
      GtkWidget *row, *box, *icon, *label;

      /* pages without an icon (a style's page) open from other pages */
      if (gtk_stack_page_get_icon_name (page) == NULL)
        {
          g_object_unref (page);
          continue;
        }
      row = gtk_list_box_row_new ();
      box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      icon = gtk_image_new_from_icon_name (gtk_stack_page_get_icon_name (page));
      label = gtk_label_new (gtk_stack_page_get_title (page));

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
board_title_cb (SlvWindow *self)
{
  const char *title = slv_board_page_get_title (self->board_page);

  if (gtk_stack_get_visible_child (self->stack) == GTK_WIDGET (self->board_page))
    adw_window_title_set_title (self->page_title, title ? title : _("Board"));
}

static void
open_board_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  SlvWindow *self = SLV_WINDOW (user_data);

  GtkListBoxRow *row = find_row (self, "boards");

  slv_board_page_open (self->board_page, g_variant_get_string (parameter, NULL));
  gtk_stack_set_visible_child (self->stack, GTK_WIDGET (self->board_page));
  /* a board belongs under Boards in the sidebar (without going there) */
  g_signal_handlers_block_by_func (self->sidebar_list, row_selected_cb, self);
  gtk_list_box_select_row (self->sidebar_list, row);
  g_signal_handlers_unblock_by_func (self->sidebar_list, row_selected_cb, self);
  board_title_cb (self);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

/* ('name', <parameter>): a canvas command of the open board, for D-Bus
 * (the parameter is ignored by commands that take none). */
static void
canvas_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  SlvWindow *self = SLV_WINDOW (user_data);
  g_autoptr(GVariant) value = NULL;
  const char *name;

  g_variant_get (parameter, "(&sv)", &name, &value);
  if (!slv_board_page_activate (self->board_page, name, g_steal_pointer (&value)))
    {
      g_autofree char *msg = g_strdup_printf (_("The board command “%s” cannot be used now."), name);

      slv_window_add_toast (self, msg);
    }
}

static void
open_style_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  SlvWindow *self = SLV_WINDOW (user_data);

  slv_style_page_open (self->style_page, g_variant_get_string (parameter, NULL));
  show_page (self, "style");
}

static void
compare_scenarios_action (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  SlvWindow *self = SLV_WINDOW (user_data);

  slv_style_page_compare (self->style_page, g_variant_get_string (parameter, NULL));
  show_page (self, "style");
}

/* The widget whose class installs @name (its prefix names the page). */
static GtkWidget *
action_target (SlvWindow  *self,
               const char *name)
{
  if (g_str_has_prefix (name, "costing."))
    return GTK_WIDGET (slv_style_page_get_editor (self->style_page));
  if (g_str_has_prefix (name, "style."))
    return GTK_WIDGET (self->style_page);
  if (g_str_has_prefix (name, "cost-master."))
    return GTK_WIDGET (self->cost_master_page);
  if (g_str_has_prefix (name, "margin-rules."))
    return GTK_WIDGET (self->margin_rules_page);
  return gtk_stack_get_visible_child (self->stack);
}

static gboolean
find_widget_action (GtkWidget           *widget,
                    const char          *name,
                    const GVariantType **type)
{
  GtkWidgetClass *klass = GTK_WIDGET_GET_CLASS (widget);
  const char *action_name, *property_name;
  const GVariantType *parameter_type;
  GType owner;

  for (guint i = 0; gtk_widget_class_query_action (klass, i, &owner, &action_name, &parameter_type, &property_name); i++)
    if (g_str_equal (action_name, name))
      {
        *type = parameter_type;
        return TRUE;
      }
  return FALSE;
}

/* Runs a page's own action (costing.edit-line, style.compare…) so that
 * D-Bus clients can drive it too; "()" stands for no parameter. */
static void
page_action_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  SlvWindow *self = SLV_WINDOW (user_data);
  g_autoptr(GVariant) value = NULL;
  const GVariantType *type = NULL;
  const char *name;
  GtkWidget *target;

  g_variant_get (parameter, "(&sv)", &name, &value);
  target = action_target (self, name);
  if (target == NULL || !find_widget_action (target, name, &type) ||
      !(type == NULL ? g_variant_is_of_type (value, G_VARIANT_TYPE_UNIT) : g_variant_is_of_type (value, type)))
    {
      g_autofree char *msg = g_strdup_printf (_("There is no command “%s” taking that value."), name);

      slv_window_add_toast (self, msg);
      return;
    }
  gtk_widget_activate_action_variant (target, name, type ? value : NULL);
}

void
slv_window_reload (SlvWindow *self)
{
  slv_boards_page_reload (self->boards_page);
  slv_list_page_reload (SLV_LIST_PAGE (self->styles_page));
  slv_list_page_reload (SLV_LIST_PAGE (self->materials_page));
  slv_list_page_reload (SLV_LIST_PAGE (self->cost_master_page));
  slv_margin_rules_page_reload (self->margin_rules_page);
  slv_imports_page_reload (self->imports_page);
}

static void
reload_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  slv_window_reload (SLV_WINDOW (user_data));
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
new_board_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  SlvWindow *self = SLV_WINDOW (user_data);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = slv_boards_page_create_board (self->boards_page, g_variant_get_string (parameter, NULL),
                                                      NULL, &error);

  if (id == NULL)
    slv_window_add_toast (self, error->message);
  else
    show_page (self, "boards");
}

static const GActionEntry win_actions[] = {
  { "show-page", show_page_action, "s" },
  { "show-sidebar", show_sidebar_action },
  { "toast", toast_action, "s" },
  { "open-board", open_board_action, "s" },
  { "reload", reload_action },
  { "search", search_action, "s" },
  { "new-board", new_board_action, "s" },
  { "open-style", open_style_action, "s" },
  { "compare-scenarios", compare_scenarios_action, "s" },
  { "page-action", page_action_action, "(sv)" },
  { "canvas-action", canvas_action, "(sv)" },
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

/* Edits shown but not yet written (costings, rates, margin rules). */
static gboolean
writes_pending (SlvWindow *self)
{
  return slv_style_page_get_busy (self->style_page) ||
         slv_cost_master_page_get_busy (self->cost_master_page) ||
         slv_margin_rules_page_get_busy (self->margin_rules_page);
}

static gboolean
close_when_written_cb (gpointer user_data)
{
  SlvWindow *self = SLV_WINDOW (user_data);

  if (writes_pending (self))
    return G_SOURCE_CONTINUE;
  self->close_source = 0;
  gtk_window_close (GTK_WINDOW (self));
  return G_SOURCE_REMOVE;
}

static gboolean
slv_window_close_request (GtkWindow *window)
{
  SlvWindow *self = SLV_WINDOW (window);

  /* The window stays until every edit it shows is in the workspace. */
  if (writes_pending (self))
    {
      if (self->close_source == 0)
        self->close_source = g_timeout_add (20, close_when_written_cb, self);
      return TRUE;
    }
  save_window_state (self);
  /* Running jobs stop at their next checkpoint, to be resumed next time. */
  slv_window_stop_jobs (self);
  return GTK_WINDOW_CLASS (slv_window_parent_class)->close_request (window);
}

static void
slv_window_dispose (GObject *object)
{
  SlvWindow *self = SLV_WINDOW (object);

  g_clear_handle_id (&self->close_source, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  slv_window_stop_jobs (self);
  slv_window_sync_detach (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SLV_TYPE_WINDOW);
  g_clear_object (&self->jobs);
  g_clear_object (&self->store);
  g_clear_object (&self->pricing);
  g_clear_object (&self->mip_cache);
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
  g_clear_object (&self->mip_cache);
  if (store != NULL)
    self->mip_cache = slv_mip_cache_new (store, SLV_MIP_CACHE_DEFAULT_BUDGET);
  slv_board_page_set_store (self->board_page, store, self->mip_cache);
  slv_boards_page_set_mip_cache (self->boards_page, self->mip_cache);
  slv_boards_page_set_store (self->boards_page, store);
  slv_list_page_set_store (SLV_LIST_PAGE (self->styles_page), store);
  slv_list_page_set_store (SLV_LIST_PAGE (self->materials_page), store);
  slv_list_page_set_store (SLV_LIST_PAGE (self->cost_master_page), store);
  g_clear_object (&self->pricing);
  self->pricing = store ? slv_pricing_new (store) : NULL;
  slv_cost_master_page_set_pricing (self->cost_master_page, self->pricing);
  slv_style_page_set_pricing (self->style_page, self->pricing);
  slv_margin_rules_page_set_pricing (self->margin_rules_page, self->pricing);
  slv_imports_page_set_store (self->imports_page, store);
  slv_window_sync_attach (self, self->sync_button, store);
  if (store != NULL)
    {
      slv_window_start_jobs (self);
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
  g_type_ensure (SLV_TYPE_STYLE_PAGE);
  g_type_ensure (SLV_TYPE_MARGIN_RULES_PAGE);
  g_type_ensure (SLV_TYPE_IMPORTS_PAGE);
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
  gtk_widget_class_bind_template_child (widget_class, SlvWindow, style_page);
  gtk_widget_class_bind_template_child (widget_class, SlvWindow, margin_rules_page);
  gtk_widget_class_bind_template_child (widget_class, SlvWindow, imports_page);
  gtk_widget_class_bind_template_child (widget_class, SlvWindow, sync_button);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.show-page", "s", "boards");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.show-page", "s", "styles");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "win.show-page", "s", "materials");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_ALT_MASK, "win.show-page", "s", "cost-master");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_5, GDK_ALT_MASK, "win.show-page", "s", "production");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_6, GDK_ALT_MASK, "win.show-page", "s", "insights");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_7, GDK_ALT_MASK, "win.show-page", "s", "margin-rules");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import", NULL);
}

static void
slv_window_init (SlvWindow *self)
{
  g_autofree char *last_page = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions, G_N_ELEMENTS (win_actions), self);
  slv_window_jobs_init (self);
  self->settings = g_settings_new (APP_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  build_sidebar (self);
  self->board_page = SLV_BOARD_PAGE (slv_board_page_new ());
  gtk_stack_add_titled (self->stack, GTK_WIDGET (self->board_page), "board", _("Board"));
  g_signal_connect_object (self->board_page, "notify::title", G_CALLBACK (board_title_cb), self,
                           G_CONNECT_SWAPPED);
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

void
slv_window_add_toast_with_action (SlvWindow  *self,
                                  const char *message,
                                  const char *button_label,
                                  const char *action_name,
                                  GVariant   *target)
{
  AdwToast *toast;

  g_return_if_fail (SLV_IS_WINDOW (self));
  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 10);
  adw_toast_set_button_label (toast, button_label);
  adw_toast_set_action_name (toast, action_name);
  if (target != NULL)
    adw_toast_set_action_target_value (toast, target);
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

SlvJobQueue *
slv_window_get_job_queue (SlvWindow *self)
{
  g_return_val_if_fail (SLV_IS_WINDOW (self), NULL);
  return self->jobs;
}

SlvImportAssistant *
slv_window_get_import_assistant (SlvWindow *self)
{
  g_return_val_if_fail (SLV_IS_WINDOW (self), NULL);
  return self->assistant;
}
