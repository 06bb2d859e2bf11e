/* slv-import-assistant.c: the window, its steps and navigation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-import-assistant"

#include "config.h"

#include <glib/gi18n.h>

#include "slv-import-assistant-private.h"

G_DEFINE_FINAL_TYPE (SlvImportAssistant, slv_import_assistant, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STEP,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *steps[] = { "file", "target", "mapping", "preview", "run", "report" };

static guint
step_index (const char *step)
{
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (g_strcmp0 (steps[i], step) == 0)
      return i;
  return 0;
}

static void
set_enabled (SlvImportAssistant *self,
             const char         *name,
             gboolean            enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  if (action != NULL)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

static gboolean
job_running (SlvImportAssistant *self)
{
  return self->job != NULL && !slv_job_is_finished (self->job) &&
         slv_job_get_state (self->job) != SLV_JOB_INTERRUPTED;
}

static gboolean
can_go_next (SlvImportAssistant *self)
{
  const char *step = slv_import_assistant_get_step (self);

  if (self->busy > 0)
    return FALSE;
  if (g_str_equal (step, "file"))
    return self->import != NULL && slv_import_get_headers (self->import) != NULL;
  if (g_str_equal (step, "target"))
    return self->import != NULL && slv_import_get_mapping (self->import) != NULL;
  if (g_str_equal (step, "mapping"))
    return TRUE;
  if (g_str_equal (step, "preview"))
    return self->previewed && self->counts.inserted + self->counts.updated > 0;
  if (g_str_equal (step, "report"))
    return TRUE;
  return FALSE;
}

/* Enables the actions that make sense now; labels the Next button. */
void
slv_import_assistant_update (SlvImportAssistant *self)
{
  const char *step = slv_import_assistant_get_step (self);
  guint index = step_index (step);
  gboolean idle = self->busy == 0 && !job_running (self);
  gboolean editing = idle && index >= 1 && index <= 3 && self->import != NULL;
  gboolean has_mapping = editing && slv_import_get_mapping (self->import) != NULL;
  static const char *mapping_actions[] = {
    "set-column", "set-constant", "set-decimal-comma", "set-delimiter", "set-encoding", "set-date-order",
    "set-sheet", "set-header-row", "save-profile",
  };
  g_autofree char *subtitle = NULL;
  GtkStackPage *page = gtk_stack_get_page (self->stack, gtk_stack_get_visible_child (self->stack));

  set_enabled (self, "next", can_go_next (self));
  set_enabled (self, "back", index >= 1 && index <= 3);
  set_enabled (self, "choose-file", idle && index <= 3);
  set_enabled (self, "open-file", idle && index <= 3);
  set_enabled (self, "set-target", editing);
  set_enabled (self, "use-profile", editing);
  set_enabled (self, "delete-profile", idle);
  for (guint i = 0; i < G_N_ELEMENTS (mapping_actions); i++)
    set_enabled (self, mapping_actions[i], has_mapping);
  set_enabled (self, "cancel-import", job_running (self));
  set_enabled (self, "copy-report", g_str_equal (step, "report"));
  set_enabled (self, "save-report", g_str_equal (step, "report"));
  set_enabled (self, "save-report-to", g_str_equal (step, "report"));

  if (g_str_equal (step, "preview"))
    gtk_button_set_label (self->next_button, _("_Import"));
  else if (g_str_equal (step, "report"))
    gtk_button_set_label (self->next_button, _("_Done"));
  else
    gtk_button_set_label (self->next_button, _("_Next"));
  /* TRANSLATORS: "Step 3 of 6: Columns" */
  subtitle = g_strdup_printf (_("Step %u of %u: %s"), index + 1, (guint) G_N_ELEMENTS (steps),
                              gtk_stack_page_get_title (page));
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

void
slv_import_assistant_set_step (SlvImportAssistant *self,
                               const char         *step)
{
  if (g_strcmp0 (slv_import_assistant_get_step (self), step) == 0)
    {
      slv_import_assistant_update (self);
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, step);
  slv_import_assistant_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP]);
}

void
slv_import_assistant_hold (SlvImportAssistant *self)
{
  if (self->busy++ == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
  slv_import_assistant_update (self);
}

void
slv_import_assistant_release (SlvImportAssistant *self)
{
  g_return_if_fail (self->busy > 0);
  if (--self->busy == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
  slv_import_assistant_update (self);
}

void
slv_import_assistant_show_error (SlvImportAssistant *self,
                                 const char         *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
}

void
slv_import_assistant_toast (SlvImportAssistant *self,
                            const char         *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static char *
number (guint64 n)
{
  return g_strdup_printf ("%'" G_GUINT64_FORMAT, n);
}

char *
slv_import_assistant_format_counts (const SlvImportCounts *counts)
{
  g_autofree char *n_rows = number (counts->rows);
  g_autofree char *n_new = number (counts->inserted);
  g_autofree char *n_changed = number (counts->updated);
  g_autofree char *n_same = number (counts->unchanged);
  g_autofree char *n_rejected = number (counts->rejected);
  g_autofree char *n_warnings = number (counts->warnings);
  /* TRANSLATORS: %s is a number of rows read from a file */
  g_autofree char *rows = g_strdup_printf (ngettext ("%s row", "%s rows", counts->rows), n_rows);
  /* TRANSLATORS: the outcome of an import: "1,200 rows: 1,150 new, 40 changed, 8 unchanged, 2 rejected" */
  g_autofree char *text = g_strdup_printf (_("%s: %s new, %s changed, %s unchanged, %s rejected"),
                                           rows, n_new, n_changed, n_same, n_rejected);

  if (counts->warnings == 0)
    return g_steal_pointer (&text);
  /* TRANSLATORS: the outcome of an import, then a number of warnings */
  return g_strdup_printf (ngettext ("%s; %s warning", "%s; %s warnings", counts->warnings), text, n_warnings);
}

/* -- navigation -- */

static void
back_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  SlvImportAssistant *self = SLV_IMPORT_ASSISTANT (user_data);
  guint index = step_index (slv_import_assistant_get_step (self));

  if (index == 3)
    slv_import_assistant_stop_dry_run (self);
  if (index >= 1 && index <= 3)
    slv_import_assistant_set_step (self, steps[index - 1]);
}

static void
next_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  SlvImportAssistant *self = SLV_IMPORT_ASSISTANT (user_data);
  const char *step = slv_import_assistant_get_step (self);

  if (!can_go_next (self))
    return;
  if (g_str_equal (step, "file"))
    slv_import_assistant_set_step (self, "target");
  else if (g_str_equal (step, "target"))
    {
      slv_import_mapping_page_set_import (self->mapping_page, self->import);
      slv_import_assistant_set_step (self, "mapping");
    }
  else if (g_str_equal (step, "mapping"))
    {
      slv_import_assistant_set_step (self, "preview");
      slv_import_assistant_start_dry_run (self);
    }
  else if (g_str_equal (step, "preview"))
    slv_import_assistant_start_import (self);
  else if (g_str_equal (step, "report"))
    gtk_window_close (GTK_WINDOW (self));
}

static const GActionEntry nav_actions[] = {
  { "back", back_action },
  { "next", next_action },
};

/* -- object -- */

static gboolean
slv_import_assistant_close_request (GtkWindow *window)
{
  SlvImportAssistant *self = SLV_IMPORT_ASSISTANT (window);

  /* A running import goes on in the workspace window's queue and shows
   * on the Imports page; closing only stops the checks of this window. */
  g_cancellable_cancel (self->cancellable);
  slv_import_assistant_stop_dry_run (self);
  return GTK_WINDOW_CLASS (slv_import_assistant_parent_class)->close_request (window);
}

static void
slv_import_assistant_dispose (GObject *object)
{
  SlvImportAssistant *self = SLV_IMPORT_ASSISTANT (object);

  g_cancellable_cancel (self->cancellable);
  slv_import_assistant_stop_dry_run (self);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), SLV_TYPE_IMPORT_ASSISTANT);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->job);
  g_clear_object (&self->import);
  g_clear_object (&self->queue);
  g_clear_object (&self->store);
  g_clear_object (&self->report);
  g_clear_pointer (&self->profile_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (slv_import_assistant_parent_class)->dispose (object);
}

static void
slv_import_assistant_finalize (GObject *object)
{
  SlvImportAssistant *self = SLV_IMPORT_ASSISTANT (object);

  g_free (self->batch_id);
  g_free (self->error);

  G_OBJECT_CLASS (slv_import_assistant_parent_class)->finalize (object);
}

static void
slv_import_assistant_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  SlvImportAssistant *self = SLV_IMPORT_ASSISTANT (object);

  switch (prop_id)
    {
    case PROP_STEP:
      g_value_set_string (value, slv_import_assistant_get_step (self));
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy > 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
slv_import_assistant_class_init (SlvImportAssistantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = slv_import_assistant_dispose;
  object_class->finalize = slv_import_assistant_finalize;
  object_class->get_property = slv_import_assistant_get_property;
  window_class->close_request = slv_import_assistant_close_request;

  properties[PROP_STEP] = g_param_spec_string ("step", NULL, NULL, NULL,
                                               G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                                                G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SLV_TYPE_IMPORT_MAPPING_PAGE);
  g_type_ensure (SLV_TYPE_IMPORT_ISSUES_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/selvedge/Selvedge/ui/slv-import-assistant.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, SlvImportAssistant, name)
  BIND (window_title);
  BIND (next_button);
  BIND (toast_overlay);
  BIND (stack);
  BIND (file_spinner);
  BIND (file_error);
  BIND (file_row);
  BIND (targets_group);
  BIND (profiles_group);
  BIND (mapping_page);
  BIND (preview_stack);
  BIND (preview_caption);
  BIND (issues_tab);
  BIND (preview_error);
  BIND (insert_label);
  BIND (update_label);
  BIND (unchanged_label);
  BIND (rejected_label);
  BIND (warnings_label);
  BIND (preview_view);
  BIND (preview_issues);
  BIND (preview_views);
  BIND (run_status);
  BIND (progress);
  BIND (run_message);
  BIND (report_title);
  BIND (report_summary);
  BIND (report_issues);
#undef BIND
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
slv_import_assistant_init (SlvImportAssistant *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->profile_rows = g_ptr_array_new ();
  self->report = g_list_store_new (SLV_TYPE_IMPORT_ISSUE);
  g_action_map_add_action_entries (G_ACTION_MAP (self), nav_actions, G_N_ELEMENTS (nav_actions), self);
  slv_import_assistant_add_file_actions (self);
  slv_import_assistant_add_run_actions (self);
  slv_import_assistant_setup_preview (self);
  slv_import_issues_view_set_model (self->report_issues, G_LIST_MODEL (self->report));
  slv_import_issues_view_set_empty_title (self->report_issues, _("No Problems to Report"));
  slv_import_assistant_update (self);
}

SlvImportAssistant *
slv_import_assistant_new (GtkWindow   *parent,
                          SlvStore    *store,
                          SlvJobQueue *queue)
{
  SlvImportAssistant *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SLV_IS_STORE (store), NULL);
  g_return_val_if_fail (SLV_IS_JOB_QUEUE (queue), NULL);

  self = g_object_new (SLV_TYPE_IMPORT_ASSISTANT,
                       "transient-for", parent,
                       "application", parent ? gtk_window_get_application (parent) : NULL,
                       NULL);
  self->store = g_object_ref (store);
  self->queue = g_object_ref (queue);
  slv_import_assistant_load_profiles (self);
  return self;
}

const char *
slv_import_assistant_get_step (SlvImportAssistant *self)
{
  const char *step;

  g_return_val_if_fail (SLV_IS_IMPORT_ASSISTANT (self), NULL);
  step = gtk_stack_get_visible_child_name (self->stack);
  return step ? step : "file";
}

gboolean
slv_import_assistant_get_busy (SlvImportAssistant *self)
{
  g_return_val_if_fail (SLV_IS_IMPORT_ASSISTANT (self), FALSE);
  return self->busy > 0;
}

SlvImport *
slv_import_assistant_get_import (SlvImportAssistant *self)
{
  g_return_val_if_fail (SLV_IS_IMPORT_ASSISTANT (self), NULL);
  return self->import;
}

SlvJob *
slv_import_assistant_get_job (SlvImportAssistant *self)
{
  g_return_val_if_fail (SLV_IS_IMPORT_ASSISTANT (self), NULL);
  return self->job;
}

const char *
slv_import_assistant_get_batch_id (SlvImportAssistant *self)
{
  g_return_val_if_fail (SLV_IS_IMPORT_ASSISTANT (self), NULL);
  return self->batch_id;
}

const char *
slv_import_assistant_get_error (SlvImportAssistant *self)
{
  g_return_val_if_fail (SLV_IS_IMPORT_ASSISTANT (self), NULL);
  return self->error;
}
