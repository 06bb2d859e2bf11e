/* slv-window-jobs.c: the window's imports and its job queue — the Import
 * Data assistant, CLO 3D imports and their undo, files dropped on the
 * window, and work a killed app left behind, offered back to resume or roll
 * back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-window"

#include "config.h"

#include <glib/gi18n.h>

#include "slv-window-private.h"
#include "slv-clo-import-dialog.h"
#include "slv-list-page.h"
#include "core/slv-style.h"

/* -- CLO 3D import: the dialog, and undo from its toast -- */

static void
open_clo_import (SlvWindow  *self,
                 const char *style_code,
                 const char *path)
{
  g_autoptr(GObject) selected = NULL;
  SlvCloImportDialog *dialog;

  if (*style_code == '\0')
    selected = slv_list_page_get_selected_item (SLV_LIST_PAGE (self->styles_page));
  if (selected != NULL)
    style_code = slv_style_get_code (SLV_STYLE (selected));
  dialog = slv_clo_import_dialog_new (GTK_WINDOW (self), self->store, style_code);
  if (path != NULL && *path != '\0')
    slv_clo_import_dialog_load (dialog, path);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_clo_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  open_clo_import (SLV_WINDOW (user_data), g_variant_get_string (parameter, NULL), NULL);
}

static void
import_clo_file_action (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  const char *style_code, *path;

  g_variant_get (parameter, "(&s&s)", &style_code, &path);
  open_clo_import (SLV_WINDOW (user_data), style_code, path);
}

static void
clo_undone_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = slv_clo_undo_finish (SLV_STORE (source), result, &error);
  SlvWindow *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = SLV_WINDOW (user_data);
  slv_window_add_toast (self, ok ? _("The CLO 3D import was undone.") : error->message);
  slv_window_reload (self);
}

static void
undo_clo_import_action (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  SlvWindow *self = SLV_WINDOW (user_data);

  slv_clo_undo_async (self->store, g_variant_get_string (parameter, NULL), self->cancellable,
                      clo_undone_cb, self);
}

/* -- imports and the job queue -- */

static void
assistant_destroy_cb (SlvWindow *self)
{
  self->assistant = NULL;
}

static SlvImportAssistant *
open_assistant (SlvWindow *self)
{
  if (self->assistant == NULL)
    {
      self->assistant = slv_import_assistant_new (GTK_WINDOW (self), self->store, self->jobs);
      gtk_window_set_destroy_with_parent (GTK_WINDOW (self->assistant), TRUE);
      g_signal_connect_object (self->assistant, "destroy", G_CALLBACK (assistant_destroy_cb), self,
                               G_CONNECT_SWAPPED);
    }
  gtk_window_present (GTK_WINDOW (self->assistant));
  return self->assistant;
}

static void
import_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  open_assistant (SLV_WINDOW (user_data));
}

static void
import_file_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  SlvImportAssistant *assistant = open_assistant (SLV_WINDOW (user_data));

  g_action_group_activate_action (G_ACTION_GROUP (assistant), "open-file", parameter);
}

static gboolean
drop_cb (SlvWindow     *self,
         const GValue  *value,
         double         x,
         double         y,
         GtkDropTarget *target)
{
  GSList *files = g_value_get_boxed (value);
  g_autofree char *path = files ? g_file_get_path (files->data) : NULL;
  g_autofree char *lower = path ? g_ascii_strdown (path, -1) : NULL;

  if (lower == NULL || !(g_str_has_suffix (lower, ".csv") || g_str_has_suffix (lower, ".txt") ||
                         g_str_has_suffix (lower, ".tsv") || g_str_has_suffix (lower, ".xlsx")))
    {
      slv_window_add_toast (self, _("Drop a CSV file or an Excel workbook (.xlsx) to import it."));
      return FALSE;
    }
  g_action_group_activate_action (G_ACTION_GROUP (self), "import-file", g_variant_new_string (path));
  return TRUE;
}

static void
reload_after_job (SlvWindow *self)
{
  slv_list_page_reload (SLV_LIST_PAGE (self->materials_page));
  slv_list_page_reload (SLV_LIST_PAGE (self->cost_master_page));
  slv_list_page_reload (SLV_LIST_PAGE (self->styles_page));
  slv_imports_page_reload (self->imports_page);
}

static void
job_state_cb (SlvWindow  *self,
              GParamSpec *pspec,
              SlvJob     *job)
{
  SlvJobState state = slv_job_get_state (job);

  if (state == SLV_JOB_QUEUED || state == SLV_JOB_RUNNING)
    return;
  reload_after_job (self);
  /* The assistant reports its own import; everything else gets a toast. */
  if (self->assistant != NULL && slv_import_assistant_get_job (self->assistant) == job)
    return;
  if (slv_job_get_message (job) != NULL)
    {
      g_autofree char *text = g_strdup_printf ("%s: %s", slv_job_get_title (job), slv_job_get_message (job));

      slv_window_add_toast (self, text);
    }
}

static void
jobs_changed_cb (SlvWindow  *self,
                 guint       position,
                 guint       removed,
                 guint       added,
                 GListModel *jobs)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(SlvJob) job = g_list_model_get_item (jobs, i);

      g_signal_connect_object (job, "notify::state", G_CALLBACK (job_state_cb), self, G_CONNECT_SWAPPED);
    }
}

static void
recover_response_cb (SlvWindow        *self,
                     const char       *response,
                     AdwMessageDialog *dialog)
{
  gboolean resume = g_strcmp0 (response, "resume") == 0;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->jobs));

  if (!resume && g_strcmp0 (response, "rollback") != 0)
    return;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SlvJob) job = g_list_model_get_item (G_LIST_MODEL (self->jobs), i);

      if (slv_job_get_state (job) == SLV_JOB_INTERRUPTED)
        g_action_group_activate_action (G_ACTION_GROUP (self), resume ? "resume-job" : "rollback-job",
                                        g_variant_new_string (slv_job_get_id (job)));
    }
}

static void
recover_jobs_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  SlvWindow *self = SLV_WINDOW (user_data);
  g_autoptr(GString) body = g_string_new (_("Selvedge stopped while this work was under way:"));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->jobs));
  GtkWidget *dialog;

  g_string_append_c (body, '\n');
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SlvJob) job = g_list_model_get_item (G_LIST_MODEL (self->jobs), i);

      if (slv_job_get_state (job) == SLV_JOB_INTERRUPTED)
        g_string_append_printf (body, "\n• %s", slv_job_get_title (job));
    }
  g_string_append_printf (body, "\n\n%s", _("Resume it from the last saved step, or roll back what it wrote."));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Interrupted Work"), body->str);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "later", _("_Later"),
                                    "rollback", _("_Roll Back"),
                                    "resume", _("_Resume"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "rollback", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "resume", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "resume");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");
  g_signal_connect_object (dialog, "response", G_CALLBACK (recover_response_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
job_command (SlvWindow  *self,
             GVariant   *parameter,
             gboolean    resume)
{
  const char *id = g_variant_get_string (parameter, NULL);
  g_autoptr(GError) error = NULL;
  gboolean ok = resume ? slv_job_queue_resume (self->jobs, id, &error) : slv_job_queue_rollback (self->jobs, id, &error);

  if (!ok)
    slv_window_add_toast (self, error->message);
}

static void
resume_job_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  job_command (SLV_WINDOW (user_data), parameter, TRUE);
}

static void
rollback_job_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  job_command (SLV_WINDOW (user_data), parameter, FALSE);
}

/* One queue per window; work a killed app left behind is offered back. */
void
slv_window_start_jobs (SlvWindow *self)
{
  g_autoptr(GError) error = NULL;
  guint interrupted;

  self->jobs = slv_job_queue_new (self->store, 0);
  slv_import_jobs_register (self->jobs);
  g_signal_connect_object (self->jobs, "items-changed", G_CALLBACK (jobs_changed_cb), self, G_CONNECT_SWAPPED);
  slv_imports_page_set_queue (self->imports_page, self->jobs);
  interrupted = slv_job_queue_recover (self->jobs, &error);
  if (error != NULL)
    slv_window_add_toast (self, error->message);
  if (interrupted > 0)
    {
      AdwToast *toast = adw_toast_new (ngettext ("An import was interrupted when Selvedge stopped.",
                                                 "Some imports were interrupted when Selvedge stopped.",
                                                 interrupted));

      adw_toast_set_button_label (toast, _("_Resume or Roll Back…"));
      adw_toast_set_action_name (toast, "win.recover-jobs");
      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
}

void
slv_window_stop_jobs (SlvWindow *self)
{
  if (self->assistant != NULL)
    gtk_window_destroy (GTK_WINDOW (self->assistant));
  if (self->jobs != NULL)
    slv_job_queue_shutdown (self->jobs);
}

static const GActionEntry jobs_actions[] = {
  { "import-clo", import_clo_action, "s" },
  { "import-clo-file", import_clo_file_action, "(ss)" },
  { "undo-clo-import", undo_clo_import_action, "s" },
  { "import", import_action },
  { "import-file", import_file_action, "s" },
  { "recover-jobs", recover_jobs_action },
  { "resume-job", resume_job_action, "s" },
  { "rollback-job", rollback_job_action, "s" },
};

void
slv_window_jobs_init (SlvWindow *self)
{
  GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_action_map_add_action_entries (G_ACTION_MAP (self), jobs_actions, G_N_ELEMENTS (jobs_actions), self);
  g_signal_connect_object (drop, "drop", G_CALLBACK (drop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}
