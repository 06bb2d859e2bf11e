/* slv-import-assistant-run.c: the preview, the run and the report.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-import-assistant"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "slv-import-assistant-private.h"
#include "services/slv-import-batch.h"
#include "services/slv-import-job.h"
#include "services/slv-import-target.h"

/* -- the preview table -- */

typedef enum
{
  PREVIEW_ROW,
  PREVIEW_ACTION,
  PREVIEW_KEY,
  PREVIEW_SUMMARY,
} PreviewColumn;

static const struct
{
  const char *title;
  gboolean    expand;
  int         width;
} preview_columns[] = {
  [PREVIEW_ROW] = { N_("Row"), FALSE, 64 },
  [PREVIEW_ACTION] = { N_("Outcome"), FALSE, 100 },
  [PREVIEW_KEY] = { N_("Record"), FALSE, 160 },
  [PREVIEW_SUMMARY] = { N_("What Changes"), TRUE, 0 },
};

static const char *
action_label (SlvImportAction action)
{
  switch (action)
    {
    case SLV_IMPORT_ACTION_INSERT:
      return _("New");
    case SLV_IMPORT_ACTION_UPDATE:
      return _("Changed");
    case SLV_IMPORT_ACTION_UNCHANGED:
      return _("Unchanged");
    case SLV_IMPORT_ACTION_REJECTED:
    default:
      return _("Rejected");
    }
}

static void
preview_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  gpointer                  user_data)
{
  PreviewColumn column = GPOINTER_TO_INT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), column == PREVIEW_ROW ? 1 : 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (column == PREVIEW_ROW)
    gtk_widget_add_css_class (label, "figure");
  gtk_list_item_set_child (list_item, label);
}

static void
preview_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 gpointer                  user_data)
{
  PreviewColumn column = GPOINTER_TO_INT (user_data);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  SlvImportPreviewRow *row = gtk_list_item_get_item (list_item);
  SlvImportAction action = slv_import_preview_row_get_action (row);
  g_autofree char *text = NULL;

  gtk_widget_remove_css_class (label, "error");
  gtk_widget_remove_css_class (label, "success");
  switch (column)
    {
    case PREVIEW_ROW:
      text = g_strdup_printf ("%" G_GUINT64_FORMAT, slv_import_preview_row_get_row (row));
      break;
    case PREVIEW_ACTION:
      text = g_strdup (action_label (action));
      if (action == SLV_IMPORT_ACTION_REJECTED)
        gtk_widget_add_css_class (label, "error");
      else if (action == SLV_IMPORT_ACTION_INSERT)
        gtk_widget_add_css_class (label, "success");
      break;
    case PREVIEW_KEY:
      text = g_strdup (slv_import_preview_row_get_key (row));
      break;
    case PREVIEW_SUMMARY:
    default:
      text = g_strdup (slv_import_preview_row_get_summary (row));
      gtk_widget_set_tooltip_text (label, text);
      break;
    }
  gtk_label_set_text (GTK_LABEL (label), text ? text : "");
}

void
slv_import_assistant_setup_preview (SlvImportAssistant *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (preview_columns); i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      g_signal_connect (factory, "setup", G_CALLBACK (preview_setup_cb), GINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (preview_bind_cb), GINT_TO_POINTER (i));
      column = gtk_column_view_column_new (_(preview_columns[i].title), factory);
      gtk_column_view_column_set_expand (column, preview_columns[i].expand);
      gtk_column_view_column_set_resizable (column, TRUE);
      if (preview_columns[i].width > 0)
        gtk_column_view_column_set_fixed_width (column, preview_columns[i].width);
      gtk_column_view_append_column (self->preview_view, column);
      g_object_unref (column);
    }
}

static void
set_figure (GtkLabel *label,
            guint64   n)
{
  g_autofree char *text = g_strdup_printf ("%'" G_GUINT64_FORMAT, n);

  gtk_label_set_text (label, text);
}

static void
show_counts (SlvImportAssistant *self)
{
  guint n_issues = g_list_model_get_n_items (slv_import_get_issues (self->import));
  const SlvImportTarget *target = slv_import_target_find (slv_import_get_target (self->import));
  g_autofree char *name = g_path_get_basename (slv_import_get_path (self->import));
  /* TRANSLATORS: "Products.csv into Materials (SAP material master): …" */
  g_autofree char *caption = g_strdup_printf (_("%s into %s: nothing is written until you choose Import."),
                                              name, target ? _(target->label) : slv_import_get_target (self->import));

  gtk_label_set_text (self->preview_caption, caption);
  adw_view_stack_page_set_badge_number (self->issues_tab, n_issues);
  adw_view_stack_page_set_needs_attention (self->issues_tab, self->counts.rejected > 0);
  if (self->counts.rejected > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->rejected_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->rejected_label), "error");
  set_figure (self->insert_label, self->counts.inserted);
  set_figure (self->update_label, self->counts.updated);
  set_figure (self->unchanged_label, self->counts.unchanged);
  set_figure (self->rejected_label, self->counts.rejected);
  if (self->counts.warnings > 0)
    {
      g_autofree char *n = g_strdup_printf ("%'" G_GUINT64_FORMAT, self->counts.warnings);
      /* TRANSLATORS: under the number of rejected rows; %s is a number */
      g_autofree char *text = g_strdup_printf (ngettext ("Rejected · %s warning", "Rejected · %s warnings",
                                                         self->counts.warnings), n);

      gtk_label_set_text (self->warnings_label, text);
    }
  else
    gtk_label_set_text (self->warnings_label, _("Rejected"));
}

/* -- the dry run -- */

static void
dry_run_ready_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  SlvImportAssistant *self;
  SlvImport *import = SLV_IMPORT (source);
  gboolean ok = slv_import_dry_run_finish (import, result, &error);

  if (!ok && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = SLV_IMPORT_ASSISTANT (user_data);
  g_clear_object (&self->dry_run);
  if (!ok)
    {
      slv_import_assistant_show_error (self, error->message);
      adw_status_page_set_description (self->preview_error, error->message);
      gtk_stack_set_visible_child_name (self->preview_stack, "error");
    }
  else
    {
      slv_import_get_counts (import, &self->counts);
      self->previewed = TRUE;
      show_counts (self);
      /* Problems first when every row is rejected: that is what to fix. */
      adw_view_stack_set_visible_child_name (self->preview_views,
                                             self->counts.inserted + self->counts.updated == 0 &&
                                             self->counts.rejected > 0 ? "issues" : "rows");
      gtk_stack_set_visible_child_name (self->preview_stack, "ready");
    }
  slv_import_assistant_release (self);
}

void
slv_import_assistant_start_dry_run (SlvImportAssistant *self)
{
  GtkNoSelection *rows;

  slv_import_assistant_stop_dry_run (self);
  self->previewed = FALSE;
  rows = gtk_no_selection_new (g_object_ref (slv_import_get_preview (self->import)));
  gtk_column_view_set_model (self->preview_view, GTK_SELECTION_MODEL (rows));
  g_object_unref (rows);
  slv_import_issues_view_set_model (self->preview_issues, slv_import_get_issues (self->import));
  gtk_stack_set_visible_child_name (self->preview_stack, "running");
  self->dry_run = g_cancellable_new ();
  slv_import_assistant_hold (self);
  slv_import_dry_run_async (self->import, self->dry_run, dry_run_ready_cb, self);
}

void
slv_import_assistant_stop_dry_run (SlvImportAssistant *self)
{
  if (self->dry_run == NULL)
    return;
  /* The callback sees the cancellation and leaves; release its hold here. */
  g_cancellable_cancel (self->dry_run);
  g_clear_object (&self->dry_run);
  if (self->busy > 0 && !gtk_widget_in_destruction (GTK_WIDGET (self)))
    slv_import_assistant_release (self);
  else if (self->busy > 0)
    self->busy--;
}

/* -- the run -- */

static void
report_ready_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) issues = g_task_propagate_pointer (G_TASK (result), &error);
  SlvImportAssistant *self;
  g_autofree gpointer *items = NULL;
  guint n;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = SLV_IMPORT_ASSISTANT (user_data);
  if (issues == NULL)
    slv_import_assistant_toast (self, error->message);
  else
    {
      n = g_list_model_get_n_items (G_LIST_MODEL (issues));
      items = g_new (gpointer, n + 1);
      for (guint i = 0; i < n; i++)
        items[i] = g_list_model_get_item (G_LIST_MODEL (issues), i);
      g_list_store_splice (self->report, 0, g_list_model_get_n_items (G_LIST_MODEL (self->report)), items, n);
      for (guint i = 0; i < n; i++)
        g_object_unref (items[i]);
    }
  slv_import_assistant_set_step (self, "report");
  slv_import_assistant_release (self);
}

static void
report_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  SlvStore *store = SLV_STORE (source_object);
  GError *error = NULL;
  g_autoptr(SlvImportBatch) batch = slv_import_batch_load (store, task_data, &error);
  GListStore *issues = batch ? slv_import_batch_list_issues (batch, store, &error) : NULL;

  if (issues == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, issues, g_object_unref);
}

static void
show_report (SlvImportAssistant *self)
{
  SlvJobState state = slv_job_get_state (self->job);
  g_autofree char *counts = NULL;
  g_autoptr(GTask) task = NULL;

  g_list_store_remove_all (self->report);
  g_clear_pointer (&self->batch_id, g_free);
  if (state == SLV_JOB_DONE)
    {
      slv_import_result_parse (slv_job_get_result (self->job), &self->batch_id, &self->counts);
      counts = slv_import_assistant_format_counts (&self->counts);
      gtk_label_set_text (self->report_title, self->counts.rejected > 0 ? _("Imported, with Rows Left Out")
                                                                       : _("Import Finished"));
      gtk_label_set_text (self->report_summary, counts);
    }
  else
    {
      slv_import_assistant_show_error (self, slv_job_get_message (self->job));
      gtk_label_set_text (self->report_title, state == SLV_JOB_CANCELLED ? _("Import Cancelled")
                                                                         : _("The Import Stopped"));
      gtk_label_set_text (self->report_summary, slv_job_get_message (self->job));
    }
  if (self->batch_id == NULL)
    {
      slv_import_assistant_set_step (self, "report");
      return;
    }
  /* The stored report: the same lines the Imports page shows later. */
  task = g_task_new (self->store, self->cancellable, report_ready_cb, self);
  g_task_set_source_tag (task, show_report);
  g_task_set_task_data (task, g_strdup (self->batch_id), g_free);
  slv_import_assistant_hold (self);
  g_task_run_in_thread (task, report_thread);
}

static void
job_progress_cb (SlvImportAssistant *self)
{
  const char *message = slv_job_get_message (self->job);
  g_autofree char *done = g_strdup_printf ("%'" G_GINT64_FORMAT, slv_job_get_done (self->job));
  /* TRANSLATORS: progress of an import; %s is a number of rows */
  g_autofree char *text = g_strdup_printf (_("%s rows"), done);

  gtk_progress_bar_set_fraction (self->progress, slv_job_get_fraction (self->job));
  gtk_progress_bar_set_text (self->progress, text);
  gtk_label_set_text (self->run_message, message ? message : "");
}

static void
job_state_cb (SlvImportAssistant *self)
{
  SlvJobState state = slv_job_get_state (self->job);

  job_progress_cb (self);
  if (slv_job_is_finished (self->job) || state == SLV_JOB_INTERRUPTED)
    show_report (self);
  else
    slv_import_assistant_update (self);
}

void
slv_import_assistant_start_import (SlvImportAssistant *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvJob) job = slv_import_start (self->import, self->queue, &error);
  g_autofree char *name = g_path_get_basename (slv_import_get_path (self->import));

  if (job == NULL)
    {
      slv_import_assistant_show_error (self, error->message);
      slv_import_assistant_toast (self, error->message);
      return;
    }
  if (self->job != NULL)
    g_signal_handlers_disconnect_by_data (self->job, self);
  g_set_object (&self->job, job);
  g_signal_connect_object (job, "notify::fraction", G_CALLBACK (job_progress_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (job, "notify::message", G_CALLBACK (job_progress_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (job, "notify::state", G_CALLBACK (job_state_cb), self, G_CONNECT_SWAPPED);
  gtk_progress_bar_set_fraction (self->progress, 0.0);
  adw_status_page_set_description (self->run_status, name);
  slv_import_assistant_set_step (self, "run");
  job_progress_cb (self);
}

/* -- actions -- */

static void
cancel_import_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  SlvImportAssistant *self = SLV_IMPORT_ASSISTANT (user_data);

  if (self->job != NULL)
    {
      gtk_label_set_text (self->run_message, _("Cancelling: taking back what was written…"));
      slv_job_cancel (self->job);
    }
}

char *
slv_import_assistant_dup_report_text (SlvImportAssistant *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *name = self->import ? g_path_get_basename (slv_import_get_path (self->import)) : NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->report));

  g_return_val_if_fail (SLV_IS_IMPORT_ASSISTANT (self), NULL);
  g_string_append_printf (text, "%s → %s\n", name ? name : "", self->import ? slv_import_get_target (self->import) : "");
  g_string_append_printf (text, "%s\n", gtk_label_get_text (self->report_summary));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SlvImportIssue) issue = g_list_model_get_item (G_LIST_MODEL (self->report), i);
      g_autofree char *line = slv_import_issue_to_string (issue);

      g_string_append_printf (text, "%s\n", line);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
copy_report_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  SlvImportAssistant *self = SLV_IMPORT_ASSISTANT (user_data);
  g_autofree char *text = slv_import_assistant_dup_report_text (self);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
  slv_import_assistant_toast (self, _("Report copied."));
}

static void
save_ready_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  SlvImportAssistant *self;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  if (!ok && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = SLV_IMPORT_ASSISTANT (user_data);
  slv_import_assistant_toast (self, ok ? _("Report saved.") : error->message);
  slv_import_assistant_release (self);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;

  if (slv_import_issues_write_csv (G_LIST_MODEL (source_object), task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
save_report_to_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  SlvImportAssistant *self = SLV_IMPORT_ASSISTANT (user_data);
  g_autoptr(GTask) task = g_task_new (self->report, self->cancellable, save_ready_cb, self);

  g_task_set_source_tag (task, save_report_to_action);
  g_task_set_task_data (task, g_variant_dup_string (parameter, NULL), g_free);
  slv_import_assistant_hold (self);
  g_task_run_in_thread (task, save_thread);
}

static void
save_chooser_response_cb (GtkNativeDialog    *dialog,
                          int                 response,
                          SlvImportAssistant *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);

      if (path == NULL)
        slv_import_assistant_toast (self, _("Choose a folder on this computer."));
      else
        g_action_group_activate_action (G_ACTION_GROUP (self), "save-report-to", g_variant_new_string (path));
    }
  g_clear_object (&self->chooser);
}

static void
save_report_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  SlvImportAssistant *self = SLV_IMPORT_ASSISTANT (user_data);
  g_autofree char *base = self->import ? g_path_get_basename (slv_import_get_path (self->import)) : g_strdup ("import");
  char *dot = strrchr (base, '.');
  g_autofree char *name = NULL;

  if (dot != NULL)
    *dot = '\0';
  /* TRANSLATORS: file name of a saved import report; %s is the imported file's name */
  name = g_strdup_printf (_("%s report.csv"), base);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Save Report"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (save_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
show_imports_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (user_data));

  if (parent != NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (parent), "win.show-page", "s", "imports");
      gtk_window_present (parent);
    }
  gtk_window_close (GTK_WINDOW (user_data));
}

static const GActionEntry run_actions[] = {
  { "cancel-import", cancel_import_action },
  { "copy-report", copy_report_action },
  { "save-report", save_report_action },
  { "save-report-to", save_report_to_action, "s" },
  { "show-imports", show_imports_action },
};

void
slv_import_assistant_add_run_actions (SlvImportAssistant *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), run_actions, G_N_ELEMENTS (run_actions), self);
}
