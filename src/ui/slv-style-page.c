/* slv-style-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-style-page"

#include "config.h"

#include <glib/gi18n.h>

#include "slv-costing-editor.h"
#include "slv-save-dialog.h"
#include "slv-scenario-compare.h"
#include "slv-style-page.h"

#define MAX_COMPARE 4

struct _SlvStylePage
{
  GtkWidget           parent_instance;

  GtkWidget          *box;
  GtkLabel           *title_label;
  GtkLabel           *subtitle_label;
  GtkDropDown        *scenario_drop;
  GtkMenuButton      *new_scenario_button;
  GtkPopover         *new_scenario_popover;
  GtkEntry           *scenario_entry;
  GtkButton          *copy_button;
  GtkToggleButton    *compare_button;
  GtkStack           *stack;
  GtkSpinner         *spinner;
  SlvCostingEditor   *editor;
  SlvScenarioCompare *compare;
  AdwStatusPage      *error_page;

  SlvPricing         *pricing;
  SlvCostingSession  *session;
  char               *style_code;
  GCancellable       *open_cancellable;   /* of the costing being opened */
  GCancellable       *cancellable;        /* of everything else */
  GPtrArray          *comparing;          /* sessions opened for the comparison */
  char               *pending_compare;    /* scenarios to compare once opened */
  guint               compare_pending;
  char               *message;
  guint               busy;
  gboolean            syncing;
};

G_DEFINE_FINAL_TYPE (SlvStylePage, slv_style_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PRICING,
  PROP_VIEW,
  PROP_MESSAGE,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void open_costing      (SlvStylePage *self,
                               const char   *code,
                               const char   *scenario);
static void compare_scenarios (SlvStylePage *self,
                               const char   *names);

static void
set_message (SlvStylePage *self,
             const char   *message,
             gboolean      toast)
{
  if (g_strcmp0 (self->message, message) != 0)
    {
      g_free (self->message);
      self->message = g_strdup (message);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
    }
  if (toast && message != NULL && *message != '\0')
    gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", message);
}

static void
change_busy (SlvStylePage *self,
             int           delta)
{
  self->busy += delta;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
show_view (SlvStylePage *self,
           const char   *view)
{
  gtk_stack_set_visible_child_name (self->stack, view);
  gtk_spinner_set_spinning (self->spinner, g_str_equal (view, "loading"));
  self->syncing = TRUE;
  gtk_toggle_button_set_active (self->compare_button, g_str_equal (view, "compare"));
  self->syncing = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
}

static void
sync_header (SlvStylePage *self)
{
  SlvCostingSession *s = self->session;
  SlvCostingInput *input = s ? slv_costing_session_get_input (s) : NULL;
  const char * const *scenarios = s ? slv_costing_session_get_scenarios (s) : NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  guint selected = GTK_INVALID_LIST_POSITION;
  g_autoptr(GtkStringList) list = gtk_string_list_new (scenarios);

  if (s == NULL)
    return;
  title = g_strdup_printf ("%s  %s", slv_costing_session_get_text (s, "style-code"),
                           slv_costing_session_get_text (s, "style-name"));
  /* TRANSLATORS: category · HS code · order date */
  subtitle = g_strdup_printf (_("%s · HS %s · costed on %s"), input->category ? input->category : "",
                              input->hs_code ? input->hs_code : "—",
                              slv_costing_session_get_text (s, "costing-date"));
  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->subtitle_label, subtitle);
  for (guint i = 0; scenarios[i] != NULL; i++)
    if (g_strcmp0 (scenarios[i], slv_costing_session_get_text (s, "scenario")) == 0)
      selected = i;
  self->syncing = TRUE;
  gtk_drop_down_set_model (self->scenario_drop, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (self->scenario_drop, selected);
  gtk_widget_set_sensitive (GTK_WIDGET (self->compare_button), g_strv_length ((char **) scenarios) > 1);
  self->syncing = FALSE;
}

/* -- opening -- */

static void
opened_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvCostingSession) session = slv_costing_session_new_finish (result, &error);
  SlvStylePage *self;

  if (session == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = SLV_STYLE_PAGE (user_data);
  if (session == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      set_message (self, error->message, FALSE);
      show_view (self, "error");
      return;
    }
  g_set_object (&self->session, session);
  slv_costing_editor_set_session (self->editor, session);
  sync_header (self);
  set_message (self, "", FALSE);
  show_view (self, "editor");
  if (self->pending_compare != NULL)
    {
      g_autofree char *names = g_steal_pointer (&self->pending_compare);

      compare_scenarios (self, names);
    }
}

static void
open_costing (SlvStylePage *self,
              const char   *code,
              const char   *scenario)
{
  if (self->pricing == NULL || code == NULL)
    return;
  if (g_strcmp0 (self->style_code, code) != 0)
    {
      g_free (self->style_code);
      self->style_code = g_strdup (code);
      gtk_label_set_text (self->title_label, code);
      gtk_label_set_text (self->subtitle_label, "");
    }
  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  self->open_cancellable = g_cancellable_new ();
  show_view (self, "loading");
  slv_costing_session_open_style_async (self->pricing, code, scenario, self->open_cancellable, opened_cb, self);
}

static void
scenario_selected_cb (SlvStylePage *self)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (self->scenario_drop);

  if (self->syncing || item == NULL || self->session == NULL ||
      g_strcmp0 (gtk_string_object_get_string (item), slv_costing_session_get_text (self->session, "scenario")) == 0)
    return;
  open_costing (self, self->style_code, gtk_string_object_get_string (item));
}

static void
master_changed_cb (SlvStylePage *self)
{
  /* rates or rules changed: price the open costing again */
  if (self->session != NULL)
    slv_costing_session_reload_async (self->session, NULL, NULL, NULL);
}

/* -- scenarios -- */

typedef struct
{
  SlvStylePage *self;
  char         *name;
} CopyData;

static void
copied_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  CopyData *d = user_data;
  g_autofree char *name = d->name;
  SlvStylePage *self = d->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = slv_costing_session_edit_finish_id (SLV_COSTING_SESSION (source), result, &error);

  g_free (d);
  if (id == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  change_busy (self, -1);
  if (id == NULL)
    {
      set_message (self, error->message, TRUE);
      return;
    }
  open_costing (self, self->style_code, name);
}

static void
copy_scenario (SlvStylePage *self,
               const char   *name)
{
  g_autofree char *clean = g_strstrip (g_strdup (name ? name : ""));
  CopyData *d;

  if (self->session == NULL)
    return;
  if (*clean == '\0')
    {
      set_message (self, _("Give the new scenario a name, such as “Other factory”."), TRUE);
      return;
    }
  d = g_new0 (CopyData, 1);
  d->self = self;
  d->name = g_strdup (clean);
  change_busy (self, 1);
  slv_costing_session_copy_scenario_async (self->session, clean, self->cancellable, copied_cb, d);
}

static void
copy_clicked_cb (SlvStylePage *self)
{
  g_autofree char *name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->scenario_entry)));

  gtk_popover_popdown (self->new_scenario_popover);
  gtk_editable_set_text (GTK_EDITABLE (self->scenario_entry), "");
  copy_scenario (self, name);
}

typedef struct
{
  SlvStylePage *self;
  guint         slot;
} CompareData;

static void
compare_opened_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  CompareData *d = user_data;
  SlvStylePage *self = d->self;
  guint slot = d->slot;
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvCostingSession) session = slv_costing_session_new_finish (result, &error);

  g_free (d);
  if (session == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (session != NULL && slot < self->comparing->len)
    g_ptr_array_index (self->comparing, slot) = g_steal_pointer (&session);
  else if (error != NULL)
    set_message (self, error->message, TRUE);
  if (--self->compare_pending > 0)
    return;
  /* scenarios that failed to open are left out */
  for (guint i = self->comparing->len; i > 0; i--)
    if (g_ptr_array_index (self->comparing, i - 1) == NULL)
      g_ptr_array_remove_index (self->comparing, i - 1);
  slv_scenario_compare_set_sessions (self->compare, self->comparing);
  show_view (self, self->comparing->len >= 2 ? "compare" : "editor");
}

static void
compare_scenarios (SlvStylePage *self,
                   const char   *names)
{
  g_auto(GStrv) chosen = NULL;
  guint n;

  if (self->session == NULL)
    return;
  if (names != NULL && *names != '\0')
    chosen = g_strsplit (names, ",", MAX_COMPARE);
  else
    chosen = g_strdupv ((char **) slv_costing_session_get_scenarios (self->session));
  n = MIN (g_strv_length (chosen), MAX_COMPARE);
  if (n < 2)
    {
      set_message (self, _("Copy this costing as a scenario first: there is nothing to compare it with."), TRUE);
      show_view (self, "editor");
      return;
    }
  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  self->open_cancellable = g_cancellable_new ();
  g_ptr_array_set_size (self->comparing, 0);
  g_ptr_array_set_size (self->comparing, n);
  self->compare_pending = n;
  show_view (self, "loading");
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strstrip (g_strdup (chosen[i]));
      CompareData *d = g_new0 (CompareData, 1);

      d->self = self;
      d->slot = i;
      slv_costing_session_open_style_async (self->pricing, self->style_code, name, self->open_cancellable,
                                            compare_opened_cb, d);
    }
}

/* -- export -- */

typedef struct
{
  SlvStylePage *self;
  char         *path;
} ExportData;

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  ExportData *d = user_data;
  SlvStylePage *self = d->self;
  g_autofree char *path = d->path;
  g_autoptr(GError) error = NULL;

  g_free (d);
  if (!slv_pricing_export_finish (SLV_PRICING (source), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  change_busy (self, -1);
  if (error != NULL)
    set_message (self, error->message, TRUE);
  else
    {
      g_autofree char *base = g_path_get_basename (path);
      g_autofree char *msg = g_strdup_printf (_("Exported the cost sheet to %s."), base);

      set_message (self, "", FALSE);
      gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", msg);
    }
}

static void
export_to (SlvStylePage *self,
           const char   *path)
{
  SlvCostSheet *sheet = self->session ? slv_costing_session_get_sheet (self->session) : NULL;
  ExportData *d;

  if (sheet == NULL)
    {
      set_message (self, _("This costing is not priced, so there is no cost sheet to export."), TRUE);
      return;
    }
  if (slv_pricing_export_format_for_path (path) == NULL)
    {
      set_message (self, _("Name the file .xlsx, .pdf or .csv to choose its format."), TRUE);
      return;
    }
  d = g_new0 (ExportData, 1);
  d->self = self;
  d->path = g_strdup (path);
  change_busy (self, 1);
  slv_pricing_export_sheet_async (self->pricing, sheet, path, self->cancellable, exported_cb, d);
}

static void
chosen_cb (GtkWidget  *widget,
           const char *path,
           gpointer    user_data)
{
  export_to (SLV_STYLE_PAGE (widget), path);
}

/* -- actions -- */

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SlvStylePage *self = SLV_STYLE_PAGE (widget);
  const char *value = g_variant_get_string (parameter, NULL);

  if (g_str_equal (action_name, "style.open-scenario"))
    open_costing (self, self->style_code, value);
  else
    slv_style_page_open (self, value);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  gtk_widget_activate_action (widget, "win.show-page", "s", "styles");
}

static void
new_scenario_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SlvStylePage *self = SLV_STYLE_PAGE (widget);

  if (self->session != NULL)
    {
      gtk_menu_button_popup (self->new_scenario_button);
      gtk_widget_grab_focus (GTK_WIDGET (self->scenario_entry));
    }
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  copy_scenario (SLV_STYLE_PAGE (widget), g_variant_get_string (parameter, NULL));
}

static void
compare_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SlvStylePage *self = SLV_STYLE_PAGE (widget);

  if (parameter == NULL)
    {
      /* the shortcut toggles */
      if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "compare") == 0)
        show_view (self, "editor");
      else
        compare_scenarios (self, NULL);
      return;
    }
  compare_scenarios (self, g_variant_get_string (parameter, NULL));
}

static void
show_editor_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SlvStylePage *self = SLV_STYLE_PAGE (widget);

  if (self->session != NULL)
    show_view (self, "editor");
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SlvStylePage *self = SLV_STYLE_PAGE (widget);
  const char *format = g_variant_get_string (parameter, NULL);
  g_autofree char *name = NULL;
  const char *patterns[] = { NULL, NULL, NULL };

  if (g_str_equal (action_name, "style.export-to"))
    {
      export_to (self, format);
      return;
    }
  if (self->session == NULL)
    return;
  name = g_strdup_printf ("%s %s.%s", slv_costing_session_get_text (self->session, "style-code"),
                          slv_costing_session_get_text (self->session, "scenario"), format);
  patterns[0] = g_str_equal (format, "xlsx") ? _("Spreadsheets") : g_str_equal (format, "pdf") ? _("PDF documents")
                                                                                               : _("CSV files");
  patterns[1] = g_str_equal (format, "xlsx") ? "*.xlsx" : g_str_equal (format, "pdf") ? "*.pdf" : "*.csv";
  slv_save_dialog_run (widget, _("Export the Cost Sheet"), name, patterns, chosen_cb, NULL);
}

static void
compare_toggled_cb (SlvStylePage *self)
{
  if (self->syncing)
    return;
  if (gtk_toggle_button_get_active (self->compare_button))
    compare_scenarios (self, NULL);
  else
    show_view (self, "editor");
}

/* -- GObject -- */

static void
slv_style_page_dispose (GObject *object)
{
  SlvStylePage *self = SLV_STYLE_PAGE (object);

  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->pricing != NULL)
    g_signal_handlers_disconnect_by_data (self->pricing, self);
  g_clear_object (&self->pricing);
  g_clear_object (&self->session);
  g_clear_pointer (&self->comparing, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), SLV_TYPE_STYLE_PAGE);
  G_OBJECT_CLASS (slv_style_page_parent_class)->dispose (object);
}

static void
slv_style_page_finalize (GObject *object)
{
  SlvStylePage *self = SLV_STYLE_PAGE (object);

  g_free (self->style_code);
  g_free (self->message);
  g_free (self->pending_compare);
  G_OBJECT_CLASS (slv_style_page_parent_class)->finalize (object);
}

static void
slv_style_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SlvStylePage *self = SLV_STYLE_PAGE (object);

  switch (prop_id)
    {
    case PROP_PRICING:
      g_value_set_object (value, self->pricing);
      break;
    case PROP_VIEW:
      g_value_set_string (value, slv_style_page_get_view (self));
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy > 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
slv_style_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_PRICING:
      slv_style_page_set_pricing (SLV_STYLE_PAGE (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
slv_style_page_class_init (SlvStylePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = slv_style_page_dispose;
  object_class->finalize = slv_style_page_finalize;
  object_class->get_property = slv_style_page_get_property;
  object_class->set_property = slv_style_page_set_property;

  properties[PROP_PRICING] =
    g_param_spec_object ("pricing", NULL, NULL, SLV_TYPE_PRICING,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VIEW] =
    g_param_spec_string ("view", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, "", G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SLV_TYPE_COSTING_EDITOR);
  g_type_ensure (SLV_TYPE_SCENARIO_COMPARE);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/selvedge/Selvedge/ui/slv-style-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, SlvStylePage, box);
  gtk_widget_class_bind_template_child (widget_class, SlvStylePage, title_label);
  gtk_widget_class_bind_template_child (widget_class, SlvStylePage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, SlvStylePage, scenario_drop);
  gtk_widget_class_bind_template_child (widget_class, SlvStylePage, new_scenario_button);
  gtk_widget_class_bind_template_child (widget_class, SlvStylePage, new_scenario_popover);
  gtk_widget_class_bind_template_child (widget_class, SlvStylePage, scenario_entry);
  gtk_widget_class_bind_template_child (widget_class, SlvStylePage, copy_button);
  gtk_widget_class_bind_template_child (widget_class, SlvStylePage, compare_button);
  gtk_widget_class_bind_template_child (widget_class, SlvStylePage, stack);
  gtk_widget_class_bind_template_child (widget_class, SlvStylePage, spinner);
  gtk_widget_class_bind_template_child (widget_class, SlvStylePage, editor);
  gtk_widget_class_bind_template_child (widget_class, SlvStylePage, compare);
  gtk_widget_class_bind_template_child (widget_class, SlvStylePage, error_page);

  gtk_widget_class_install_action (widget_class, "style.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "style.open", "s", open_action);
  gtk_widget_class_install_action (widget_class, "style.open-scenario", "s", open_action);
  gtk_widget_class_install_action (widget_class, "style.new-scenario", NULL, new_scenario_action);
  gtk_widget_class_install_action (widget_class, "style.copy-scenario", "s", copy_action);
  gtk_widget_class_install_action (widget_class, "style.compare", "s", compare_action);
  gtk_widget_class_install_action (widget_class, "style.toggle-compare", NULL, compare_action);
  gtk_widget_class_install_action (widget_class, "style.show-editor", NULL, show_editor_action);
  gtk_widget_class_install_action (widget_class, "style.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "style.export-to", "s", export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "style.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "style.new-scenario", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_k, GDK_CONTROL_MASK, "style.toggle-compare", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "style.export", "s", "xlsx");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "style.export", "s", "pdf");
}

static void
unref_session (gpointer data)
{
  if (data != NULL)
    g_object_unref (data);
}

static void
slv_style_page_init (SlvStylePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->comparing = g_ptr_array_new_with_free_func (unref_session);
  self->message = g_strdup ("");
  g_signal_connect_swapped (self->scenario_drop, "notify::selected", G_CALLBACK (scenario_selected_cb), self);
  g_signal_connect_swapped (self->copy_button, "clicked", G_CALLBACK (copy_clicked_cb), self);
  g_signal_connect_swapped (self->scenario_entry, "activate", G_CALLBACK (copy_clicked_cb), self);
  g_signal_connect_swapped (self->compare_button, "toggled", G_CALLBACK (compare_toggled_cb), self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->compare_button), FALSE);
  /* nothing to show until a style is opened */
  gtk_stack_set_visible_child_name (self->stack, "loading");
}

/* -- public API -- */

void
slv_style_page_set_pricing (SlvStylePage *self,
                            SlvPricing   *pricing)
{
  g_return_if_fail (SLV_IS_STYLE_PAGE (self));
  g_return_if_fail (pricing == NULL || SLV_IS_PRICING (pricing));

  if (self->pricing == pricing)
    return;
  if (self->pricing != NULL)
    g_signal_handlers_disconnect_by_data (self->pricing, self);
  g_set_object (&self->pricing, pricing);
  if (pricing != NULL)
    g_signal_connect_object (pricing, "changed", G_CALLBACK (master_changed_cb), self, G_CONNECT_SWAPPED);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRICING]);
}

void
slv_style_page_open (SlvStylePage *self,
                     const char   *code)
{
  g_auto(GStrv) parts = NULL;

  g_return_if_fail (SLV_IS_STYLE_PAGE (self));
  g_return_if_fail (code != NULL);

  parts = g_strsplit (code, "/", 2);
  open_costing (self, parts[0], parts[1]);
}

void
slv_style_page_compare (SlvStylePage *self,
                        const char   *code)
{
  g_auto(GStrv) parts = NULL;

  g_return_if_fail (SLV_IS_STYLE_PAGE (self));
  g_return_if_fail (code != NULL);

  parts = g_strsplit (code, "/", 2);
  if (self->session != NULL && g_strcmp0 (slv_costing_session_get_text (self->session, "style-code"), parts[0]) == 0 &&
      g_strcmp0 (slv_style_page_get_view (self), "loading") != 0)
    {
      compare_scenarios (self, parts[1]);
      return;
    }
  g_free (self->pending_compare);
  self->pending_compare = g_strdup (parts[1] ? parts[1] : "");
  open_costing (self, parts[0], NULL);
}

const char *
slv_style_page_get_view (SlvStylePage *self)
{
  g_return_val_if_fail (SLV_IS_STYLE_PAGE (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

const char *
slv_style_page_get_message (SlvStylePage *self)
{
  g_return_val_if_fail (SLV_IS_STYLE_PAGE (self), NULL);
  return self->message;
}

gboolean
slv_style_page_get_busy (SlvStylePage *self)
{
  g_return_val_if_fail (SLV_IS_STYLE_PAGE (self), FALSE);
  return self->busy > 0 || (self->session != NULL && slv_costing_session_get_busy (self->session));
}

SlvCostingEditor *
slv_style_page_get_editor (SlvStylePage *self)
{
  g_return_val_if_fail (SLV_IS_STYLE_PAGE (self), NULL);
  return self->editor;
}

SlvScenarioCompare *
slv_style_page_get_compare (SlvStylePage *self)
{
  g_return_val_if_fail (SLV_IS_STYLE_PAGE (self), NULL);
  return self->compare;
}

SlvCostingSession *
slv_style_page_get_session (SlvStylePage *self)
{
  g_return_val_if_fail (SLV_IS_STYLE_PAGE (self), NULL);
  return self->session;
}

const char *
slv_style_page_get_title (SlvStylePage *self)
{
  g_return_val_if_fail (SLV_IS_STYLE_PAGE (self), NULL);
  return gtk_label_get_text (self->title_label);
}
