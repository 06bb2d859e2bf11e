/* slv-clo-import-jobs.c: the import dialog's worker jobs — reading the
 * export, planning, review changes, pricing and the apply — and taking
 * their results back on the main thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-clo-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "slv-clo-import-dialog-private.h"
#include "slv-window.h"
#include "core/slv-material.h"
#include "store/slv-repo.h"

void
slv_clo_job_free (gpointer data)
{
  SlvCloJob *j = data;

  g_clear_object (&j->store);
  g_clear_object (&j->import);
  g_clear_object (&j->plan);
  g_clear_object (&j->materials);
  g_free (j->path);
  g_free (j->style_code);
  g_free (j->size);
  g_free (j->fabric);
  g_free (j->line_id);
  g_free (j->material_id);
  g_free (j->plan_error);
  g_free (j->currency);
  g_free (j->before);
  g_free (j->after);
  g_free (j->cost_error);
  g_free (j->import_id);
  g_free (j);
}

static gboolean
job_plan (SlvCloJob           *j,
          GCancellable  *cancellable,
          GError       **error)
{
  SlvCloPlanOptions opt;

  slv_clo_plan_options_init (&opt);
  opt.size = j->size;
  opt.efficiency = j->efficiency;
  g_clear_object (&j->plan);
  j->plan = slv_clo_plan_new (j->store, j->import, j->style_code, &opt, cancellable, error);
  if (j->plan == NULL)
    return FALSE;
  if (j->materials == NULL)
    j->materials = slv_repo_list (j->store, SLV_TYPE_MATERIAL, NULL, error);
  return j->materials != NULL;
}

static gboolean
job_edit (SlvCloJob     *j,
          GError **error)
{
  if (j->material_id != NULL)
    return slv_clo_plan_set_bom_material (j->plan, j->csv_row, *j->material_id ? j->material_id : NULL, error);
  if (j->line_id != NULL)
    return slv_clo_plan_set_fabric_line (j->plan, j->fabric, *j->line_id ? j->line_id : NULL, error);
  return slv_clo_plan_set_wastage (j->plan, j->fabric, j->wastage, error);
}

static gboolean
job_apply (SlvCloJob     *j,
           GError **error)
{
  if (!slv_clo_plan_apply (j->plan, &j->import_id, error))
    return FALSE;
  /* The BOM file's columns, for the next import from the same source. */
  if (slv_clo_import_get_bom_lines (j->import)->len > 0)
    slv_clo_save_bom_mapping (j->store, slv_clo_import_get_bom_mapping (j->import), NULL);
  return TRUE;
}

static void
job_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  SlvCloJob *j = task_data;
  GError *error = NULL;
  gboolean ok = TRUE;

  if (j->kind == JOB_LOAD)
    {
      g_autoptr(SlvBomMapping) mapping = slv_clo_dup_saved_bom_mapping (j->store);

      j->import = slv_clo_import_new ();
      slv_clo_import_set_scale (j->import, j->scale);
      slv_clo_import_set_bom_mapping (j->import, mapping);
      ok = slv_clo_import_load (j->import, j->path, cancellable, &error);
    }
  if (ok && j->kind == JOB_APPLY)
    ok = job_apply (j, &error);
  else if (ok && (j->kind == JOB_LOAD || j->kind == JOB_PLAN) && j->style_code != NULL)
    {
      g_autoptr(GError) local = NULL;

      /* A style that cannot take the import still lets the export be seen. */
      if (!job_plan (j, cancellable, &local))
        {
          if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            ok = FALSE, error = g_steal_pointer (&local);
          else
            j->plan_error = g_strdup (local->message);
          g_clear_object (&j->plan);
        }
    }
  else if (ok && j->kind == JOB_EDIT)
    ok = job_edit (j, &error);
  if (ok && j->plan != NULL && j->kind != JOB_APPLY)
    {
      g_autoptr(GError) cost = NULL;

      if (!slv_clo_plan_cost_delta (j->plan, &j->currency, &j->before, &j->after, &cost))
        j->cost_error = g_strdup (cost ? cost->message : _("No pricing is available."));
    }
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
take_cost (SlvCloImportDialog *self,
           SlvCloJob                *j)
{
  g_clear_pointer (&self->cost_text, g_free);
  g_clear_pointer (&self->cost_error, g_free);
  g_free (self->cost_currency);
  g_free (self->cost_before);
  g_free (self->cost_after);
  self->cost_currency = g_steal_pointer (&j->currency);
  self->cost_before = g_steal_pointer (&j->before);
  self->cost_after = g_steal_pointer (&j->after);
  self->cost_error = g_steal_pointer (&j->cost_error);
  if (self->cost_before != NULL && self->cost_after != NULL)
    self->cost_text = g_strdup_printf ("%s → %s %s", self->cost_before, self->cost_after,
                                       self->cost_currency ? self->cost_currency : "");
}

static void
applied (SlvCloImportDialog *self,
         SlvCloJob                *j)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autofree char *message = g_strdup_printf (_("Imported the CLO 3D export into %s"), self->style_code);

  self->import_id = g_steal_pointer (&j->import_id);
  slv_clo_import_set_state (self, "done");
  slv_clo_import_update_sensitivity (self);
  if (SLV_IS_WINDOW (parent))
    {
      slv_window_add_toast_with_action (SLV_WINDOW (parent), message, _("Undo"), "win.undo-clo-import",
                                        g_variant_new_string (self->import_id));
      gtk_widget_activate_action (GTK_WIDGET (parent), "win.reload", NULL);
      gtk_window_close (GTK_WINDOW (self));
      return;
    }
  {
    AdwToast *toast = adw_toast_new (message);

    adw_toast_set_button_label (toast, _("Undo"));
    adw_toast_set_action_name (toast, "clo-import.undo");
    adw_toast_set_action_target_value (toast, g_variant_new_string (self->import_id));
    adw_toast_overlay_add_toast (self->toast_overlay, toast);
  }
}

static void
job_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GTask *task = G_TASK (result);
  g_autoptr(GError) error = NULL;
  SlvCloImportDialog *self;
  SlvCloJob *j = g_task_get_task_data (task);

  /* Cancelled when the dialog went away: it may be gone, leave it be. */
  if (!g_task_propagate_boolean (task, &error) && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = SLV_CLO_IMPORT_DIALOG (user_data);
  slv_clo_import_set_busy (self, FALSE);
  if (error != NULL)
    {
      g_free (self->error);
      self->error = g_strdup (error->message);
      if (j->kind == JOB_LOAD)
        {
          adw_status_page_set_description (self->error_page, error->message);
          slv_clo_import_set_state (self, "error");
        }
      else
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      if (j->kind == JOB_PLAN || j->kind == JOB_LOAD)
        g_clear_object (&self->plan);
      if (self->import != NULL && j->kind != JOB_LOAD)
        slv_clo_import_show_result (self);
      return;
    }
  g_clear_pointer (&self->error, g_free);
  if (j->plan_error != NULL)
    {
      self->error = g_strdup (j->plan_error);
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (j->plan_error));
    }
  if (j->kind == JOB_APPLY)
    {
      applied (self, j);
      return;
    }
  if (j->kind == JOB_LOAD)
    g_set_object (&self->import, j->import);
  g_set_object (&self->plan, j->plan);
  if (j->materials != NULL)
    g_set_object (&self->materials, j->materials);
  take_cost (self, j);
  slv_clo_import_show_result (self);
  if (self->replan)
    slv_clo_import_start_plan (self);
}

void
slv_clo_import_run_job (SlvCloImportDialog *self,
         SlvCloJob                *j)
{
  g_autoptr(GTask) task = NULL;

  j->store = g_object_ref (self->store);
  task = g_task_new (NULL, self->cancellable, job_done_cb, self);
  g_task_set_source_tag (task, slv_clo_import_run_job);
  g_task_set_task_data (task, j, slv_clo_job_free);
  slv_clo_import_set_busy (self, TRUE);
  g_task_run_in_thread (task, job_thread);
}

void
slv_clo_import_start_plan (SlvCloImportDialog *self)
{
  SlvCloJob *j;

  if (self->import == NULL)
    return;
  if (self->busy)
    {
      self->replan = TRUE;
      return;
    }
  self->replan = FALSE;
  g_clear_object (&self->plan);
  j = g_new0 (SlvCloJob, 1);
  j->kind = JOB_PLAN;
  j->import = g_object_ref (self->import);
  j->style_code = g_strdup (self->style_code);
  j->size = g_strdup (self->size);
  j->efficiency = self->efficiency;
  if (self->materials != NULL)
    j->materials = g_object_ref (self->materials);
  if (self->style_code == NULL)
    {
      /* Nothing to plan: show the pieces alone. */
      slv_clo_job_free (j);
      slv_clo_import_show_result (self);
      return;
    }
  slv_clo_import_run_job (self, j);
}

/* A review change: refused while a job runs (the controls are insensitive
 * then; this guards the actions). */
SlvCloJob *
slv_clo_import_edit_job (SlvCloImportDialog *self)
{
  SlvCloJob *j;

  if (self->busy || self->plan == NULL || self->import_id != NULL)
    return NULL;
  j = g_new0 (SlvCloJob, 1);
  j->kind = JOB_EDIT;
  j->import = g_object_ref (self->import);
  j->plan = g_object_ref (self->plan);
  j->wastage = -1;
  return j;
}
