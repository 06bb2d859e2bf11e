/* slv-clo-import-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every read, plan, review change and the apply run in a worker thread
 * (GTask) on objects the main thread does not touch meanwhile; the main
 * thread only draws what a finished job handed back (pieces and markers
 * it holds references to) and rebuilds its lists from the plan after.
 */
#define G_LOG_DOMAIN "slv-clo-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "slv-clo-import-dialog-private.h"
#include "slv-window.h"
#include "core/slv-material.h"
#include "core/slv-style.h"
#include "store/slv-repo.h"

G_DEFINE_FINAL_TYPE (SlvCloImportDialog, slv_clo_import_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STATE,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* -- jobs -- */

typedef enum
{
  JOB_LOAD,     /* read the export, then plan when a style is chosen */
  JOB_PLAN,     /* plan the loaded import into the style */
  JOB_EDIT,     /* a review change to the plan */
  JOB_APPLY,
} JobKind;

typedef struct
{
  JobKind         kind;
  SlvStore       *store;
  char           *path;
  double          scale;
  char           *style_code;
  char           *size;
  double          efficiency;
  SlvCloImport   *import;
  SlvCloPlan     *plan;
  GListStore     *materials;
  /* JOB_EDIT: one of these */
  char           *fabric;          /* with line_id (match) or wastage (≥ 0) */
  char           *line_id;
  double          wastage;
  guint           csv_row;         /* with material_id */
  char           *material_id;
  /* out */
  char           *plan_error;      /* the export was read, the plan failed */
  char           *currency, *before, *after, *cost_error;
  char           *import_id;
} Job;

static void
job_free (gpointer data)
{
  Job *j = data;

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
job_plan (Job           *j,
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
job_edit (Job     *j,
          GError **error)
{
  if (j->material_id != NULL)
    return slv_clo_plan_set_bom_material (j->plan, j->csv_row, *j->material_id ? j->material_id : NULL, error);
  if (j->line_id != NULL)
    return slv_clo_plan_set_fabric_line (j->plan, j->fabric, *j->line_id ? j->line_id : NULL, error);
  return slv_clo_plan_set_wastage (j->plan, j->fabric, j->wastage, error);
}

static gboolean
job_apply (Job     *j,
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
  Job *j = task_data;
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

/* -- showing a result -- */

static void
set_state (SlvCloImportDialog *self,
           const char         *state)
{
  if (g_strcmp0 (self->state, state) == 0)
    return;
  self->state = g_intern_string (state);
  if (g_str_equal (state, "choose") || g_str_equal (state, "loading") || g_str_equal (state, "error") ||
      g_str_equal (state, "preview"))
    gtk_stack_set_visible_child_name (self->stack, state);
  gtk_stack_set_visible_child_name (self->title_stack, g_str_equal (state, "preview") ? "switcher" : "title");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
update_sensitivity (SlvCloImportDialog *self)
{
  gboolean ready = !self->busy && self->plan != NULL && self->import_id == NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "clo-import.apply", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "clo-import.choose-file", !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "clo-import.choose-folder", !self->busy);
  gtk_spinner_set_spinning (self->spinner, self->busy);
}

static void
set_busy (SlvCloImportDialog *self,
          gboolean            busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  update_sensitivity (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
fill_string_list (GtkDropDown *dropdown,
                  GPtrArray   *items,
                  const char  *selected)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  guint pick = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < items->len; i++)
    {
      gtk_string_list_append (model, g_ptr_array_index (items, i));
      if (g_strcmp0 (g_ptr_array_index (items, i), selected) == 0)
        pick = i;
    }
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (model));
  gtk_drop_down_set_selected (dropdown, pick);
}

static void
show_sizes (SlvCloImportDialog *self)
{
  g_autoptr(GPtrArray) sizes = slv_clo_import_dup_sizes (self->import);
  const char *size = self->plan ? slv_clo_plan_get_size (self->plan)
                                : self->size ? self->size : slv_clo_import_get_sample_size (self->import);

  fill_string_list (self->size_dropdown, sizes, size);
  gtk_widget_set_sensitive (GTK_WIDGET (self->size_dropdown), sizes->len > 1);
  g_clear_pointer (&self->pieces, g_ptr_array_unref);
  self->pieces = slv_clo_import_dup_pieces (self->import, size);
}

static void
show_pieces_caption (SlvCloImportDialog *self)
{
  g_autofree char *source = g_path_get_basename (self->path);
  g_autofree char *text = NULL;
  const char *size = self->plan ? slv_clo_plan_get_size (self->plan) : slv_clo_import_get_sample_size (self->import);
  guint cut = 0;

  for (guint i = 0; i < self->pieces->len; i++)
    cut += slv_pattern_piece_get_quantity (g_ptr_array_index (self->pieces, i));
  text = self->pieces->len == 0
    ? g_strdup_printf (_("%s holds no pattern pieces; the consumption needs a DXF pattern."), source)
    : g_strdup_printf (_("%u pieces of size %s (%u cut per garment) from %s. Filled: the cut outline, unfolded "
                         "at a fold; arrows: grain lines; ticks: notches; circles: drill holes; dashed: internal "
                         "and sew lines and folds."), self->pieces->len, size ? size : "—", cut, source);
  gtk_label_set_text (self->pieces_label, text);
}

static void
show_markers (SlvCloImportDialog *self)
{
  GPtrArray *rows = self->plan ? slv_clo_plan_get_fabric_rows (self->plan) : NULL;

  g_ptr_array_set_size (self->markers, 0);
  g_ptr_array_set_size (self->marker_names, 0);
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      SlvCloFabricRow *r = g_ptr_array_index (rows, i);

      if (r->estimate != NULL && r->estimate->marker != NULL)
        {
          g_ptr_array_add (self->markers, g_object_ref (r->estimate->marker));
          g_ptr_array_add (self->marker_names, g_strdup (r->fabric));
        }
    }
  fill_string_list (self->marker_dropdown, self->marker_names,
                    self->marker_names->len ? g_ptr_array_index (self->marker_names, 0) : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->marker_dropdown), self->marker_names->len > 0);
}

static void
show_marker_label (SlvCloImportDialog *self)
{
  SlvMarker *m = slv_clo_import_dialog_get_marker (self);
  g_autofree char *text = NULL;

  if (m != NULL)
    text = g_strdup_printf (_("%u pieces on %.0f cm usable width, %.3f m long: %.1f %% efficiency"),
                            slv_marker_get_n_placements (m), slv_marker_get_width (m) / 10,
                            slv_marker_get_length (m) / 1000, 100 * slv_marker_get_efficiency (m));
  else
    text = g_strdup (self->plan ? _("No fabric was nested: each efficiency was given, or no BOM line matched.")
                                : _("Choose a style: the pieces are nested on its fabrics’ widths."));
  gtk_label_set_text (self->marker_label, text);
  gtk_widget_queue_draw (GTK_WIDGET (self->marker_area));
}

static void
show_result (SlvCloImportDialog *self)
{
  g_autofree char *source = g_path_get_basename (self->path);

  self->syncing = TRUE;
  adw_window_title_set_subtitle (self->window_title, source);
  show_sizes (self);
  show_pieces_caption (self);
  show_markers (self);
  self->syncing = FALSE;
  show_marker_label (self);
  slv_clo_import_fill_consumption (self);
  slv_clo_import_fill_cost (self);
  slv_clo_import_fill_changes (self);
  slv_clo_import_fill_warnings (self);
  slv_clo_import_fill_meshes (self);
  slv_clo_import_fill_review (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->pieces_area));
  set_state (self, "preview");
  update_sensitivity (self);
}

static void
take_cost (SlvCloImportDialog *self,
           Job                *j)
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

static void start_plan (SlvCloImportDialog *self);

static void
applied (SlvCloImportDialog *self,
         Job                *j)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autofree char *message = g_strdup_printf (_("Imported the CLO 3D export into %s"), self->style_code);

  self->import_id = g_steal_pointer (&j->import_id);
  set_state (self, "done");
  update_sensitivity (self);
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
  Job *j = g_task_get_task_data (task);

  /* Cancelled when the dialog went away: it may be gone, leave it be. */
  if (!g_task_propagate_boolean (task, &error) && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = SLV_CLO_IMPORT_DIALOG (user_data);
  set_busy (self, FALSE);
  if (error != NULL)
    {
      g_free (self->error);
      self->error = g_strdup (error->message);
      if (j->kind == JOB_LOAD)
        {
          adw_status_page_set_description (self->error_page, error->message);
          set_state (self, "error");
        }
      else
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      if (j->kind == JOB_PLAN || j->kind == JOB_LOAD)
        g_clear_object (&self->plan);
      if (self->import != NULL && j->kind != JOB_LOAD)
        show_result (self);
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
  show_result (self);
  if (self->replan)
    start_plan (self);
}

static void
run_job (SlvCloImportDialog *self,
         Job                *j)
{
  g_autoptr(GTask) task = NULL;

  j->store = g_object_ref (self->store);
  task = g_task_new (NULL, self->cancellable, job_done_cb, self);
  g_task_set_source_tag (task, run_job);
  g_task_set_task_data (task, j, job_free);
  set_busy (self, TRUE);
  g_task_run_in_thread (task, job_thread);
}

static void
start_plan (SlvCloImportDialog *self)
{
  Job *j;

  if (self->import == NULL)
    return;
  if (self->busy)
    {
      self->replan = TRUE;
      return;
    }
  self->replan = FALSE;
  g_clear_object (&self->plan);
  j = g_new0 (Job, 1);
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
      job_free (j);
      show_result (self);
      return;
    }
  run_job (self, j);
}

/* A review change: refused while a job runs (the controls are insensitive
 * then; this guards the actions). */
static Job *
edit_job (SlvCloImportDialog *self)
{
  Job *j;

  if (self->busy || self->plan == NULL || self->import_id != NULL)
    return NULL;
  j = g_new0 (Job, 1);
  j->kind = JOB_EDIT;
  j->import = g_object_ref (self->import);
  j->plan = g_object_ref (self->plan);
  j->wastage = -1;
  return j;
}

/* -- the controls -- */

static void
style_selected_cb (SlvCloImportDialog *self)
{
  guint i = gtk_drop_down_get_selected (self->style_dropdown);
  g_autoptr(SlvStyle) style = NULL;

  if (self->syncing || self->styles == NULL || i >= g_list_model_get_n_items (G_LIST_MODEL (self->styles)))
    return;
  style = g_list_model_get_item (G_LIST_MODEL (self->styles), i);
  gtk_widget_activate_action (GTK_WIDGET (self), "clo-import.set-style", "s", slv_style_get_code (style));
}

static void
size_selected_cb (SlvCloImportDialog *self)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (self->size_dropdown);

  if (!self->syncing && item != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "clo-import.set-size", "s", gtk_string_object_get_string (item));
}

static void
marker_selected_cb (SlvCloImportDialog *self)
{
  if (!self->syncing)
    show_marker_label (self);
}

static void
efficiency_changed_cb (SlvCloImportDialog *self)
{
  if (!self->syncing)
    gtk_widget_activate_action (GTK_WIDGET (self), "clo-import.set-efficiency", "d",
                                gtk_spin_button_get_value (self->efficiency_spin) / 100);
}

/* 0 % means the nesting estimate: say so in the field. */
static gboolean
efficiency_output_cb (GtkSpinButton *spin)
{
  double v = gtk_spin_button_get_value (spin);
  g_autofree char *text = v > 0 ? g_strdup_printf ("%.1f", v) : g_strdup (_("Auto"));

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (spin)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static int
efficiency_input_cb (GtkSpinButton *spin,
                     double        *value)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));
  char *end = NULL;

  if (g_ascii_strcasecmp (text, _("Auto")) == 0 || *text == '\0')
    {
      *value = 0;
      return TRUE;
    }
  *value = g_ascii_strtod (text, &end);
  return end != text ? TRUE : GTK_INPUT_ERROR;
}

static void
select_style (SlvCloImportDialog *self)
{
  guint n = self->styles ? g_list_model_get_n_items (G_LIST_MODEL (self->styles)) : 0;

  self->syncing = TRUE;
  gtk_drop_down_set_selected (self->style_dropdown, GTK_INVALID_LIST_POSITION);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SlvStyle) style = g_list_model_get_item (G_LIST_MODEL (self->styles), i);

      if (g_strcmp0 (slv_style_get_code (style), self->style_code) == 0)
        gtk_drop_down_set_selected (self->style_dropdown, i);
    }
  self->syncing = FALSE;
}

static void
styles_ready_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) styles = slv_repo_list_finish (SLV_STORE (source), result, &error);
  SlvCloImportDialog *self;
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = SLV_CLO_IMPORT_DIALOG (user_data);
  if (styles == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  g_set_object (&self->styles, styles);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (styles)); i++)
    {
      g_autoptr(SlvStyle) style = g_list_model_get_item (G_LIST_MODEL (styles), i);
      g_autofree char *text = g_strdup_printf ("%s — %s", slv_style_get_code (style), slv_style_get_name (style));

      gtk_string_list_append (model, text);
    }
  self->syncing = TRUE;
  gtk_drop_down_set_model (self->style_dropdown, G_LIST_MODEL (model));
  self->syncing = FALSE;
  select_style (self);
}

/* -- actions -- */

static void
file_chosen_cb (SlvCloImportDialog   *self,
                int                   response,
                GtkFileChooserNative *native)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native))) != NULL)
    {
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        slv_clo_import_dialog_load (self, path);
    }
  g_object_unref (native);
}

static void
choose (SlvCloImportDialog   *self,
        GtkFileChooserAction  action)
{
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) exports = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  static const char * const patterns[] = { "*.dxf", "*.DXF", "*.aam", "*.AAM", "*.zip", "*.ZIP", "*.obj", "*.fbx",
                                           "*.gltf", "*.glb", "*.csv", "*.CSV", "*.rul", "*.RUL" };

  native = gtk_file_chooser_native_new (action == GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER
                                        ? _("Choose a Folder of CLO 3D Exports") : _("Choose a CLO 3D Export"),
                                        GTK_WINDOW (self), action, _("_Open"), _("_Cancel"));
  if (action == GTK_FILE_CHOOSER_ACTION_OPEN)
    {
      gtk_file_filter_set_name (exports, _("CLO 3D exports (DXF, ZIP, meshes, BOM CSV)"));
      for (guint i = 0; i < G_N_ELEMENTS (patterns); i++)
        gtk_file_filter_add_pattern (exports, patterns[i]);
      gtk_file_filter_set_name (all, _("All files"));
      gtk_file_filter_add_pattern (all, "*");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), exports);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);
    }
  g_signal_connect_object (native, "response", G_CALLBACK (file_chosen_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  choose (SLV_CLO_IMPORT_DIALOG (widget), GTK_FILE_CHOOSER_ACTION_OPEN);
}

static void
choose_folder_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  choose (SLV_CLO_IMPORT_DIALOG (widget), GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER);
}

static void
load_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  slv_clo_import_dialog_load (SLV_CLO_IMPORT_DIALOG (widget), g_variant_get_string (parameter, NULL));
}

static void
set_style_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SlvCloImportDialog *self = SLV_CLO_IMPORT_DIALOG (widget);
  const char *code = g_variant_get_string (parameter, NULL);

  if (g_strcmp0 (self->style_code, code) == 0 || self->import_id != NULL)
    return;
  g_free (self->style_code);
  self->style_code = *code ? g_strdup (code) : NULL;
  select_style (self);
  start_plan (self);
}

static void
set_size_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SlvCloImportDialog *self = SLV_CLO_IMPORT_DIALOG (widget);
  const char *size = g_variant_get_string (parameter, NULL);

  if (g_strcmp0 (self->size, size) == 0 || self->import_id != NULL)
    return;
  g_free (self->size);
  self->size = g_strdup (size);
  start_plan (self);
}

static void
set_efficiency_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SlvCloImportDialog *self = SLV_CLO_IMPORT_DIALOG (widget);
  double e = CLAMP (g_variant_get_double (parameter), 0, 1);

  if (e == self->efficiency || self->import_id != NULL)
    return;
  self->efficiency = e;
  self->syncing = TRUE;
  gtk_spin_button_set_value (self->efficiency_spin, 100 * e);
  self->syncing = FALSE;
  start_plan (self);
}

static void
set_wastage_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SlvCloImportDialog *self = SLV_CLO_IMPORT_DIALOG (widget);
  Job *j = edit_job (self);

  if (j == NULL)
    return;
  g_variant_get (parameter, "(sd)", &j->fabric, &j->wastage);
  run_job (self, j);
}

static void
match_fabric_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SlvCloImportDialog *self = SLV_CLO_IMPORT_DIALOG (widget);
  Job *j = edit_job (self);

  if (j == NULL)
    return;
  g_variant_get (parameter, "(ss)", &j->fabric, &j->line_id);
  run_job (self, j);
}

static void
match_material_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SlvCloImportDialog *self = SLV_CLO_IMPORT_DIALOG (widget);
  Job *j = edit_job (self);

  if (j == NULL)
    return;
  g_variant_get (parameter, "(us)", &j->csv_row, &j->material_id);
  run_job (self, j);
}

static void
rescale_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SlvCloImportDialog *self = SLV_CLO_IMPORT_DIALOG (widget);
  g_autofree char *path = g_strdup (self->path);

  if (self->busy || path == NULL)
    return;
  self->scale = g_variant_get_double (parameter);
  slv_clo_import_dialog_load (self, path);
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SlvCloImportDialog *self = SLV_CLO_IMPORT_DIALOG (widget);
  Job *j;

  if (self->busy || self->plan == NULL || self->import_id != NULL)
    return;
  j = g_new0 (Job, 1);
  j->kind = JOB_APPLY;
  j->import = g_object_ref (self->import);
  j->plan = g_object_ref (self->plan);
  set_state (self, "applying");
  run_job (self, j);
}

static void
undone_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  SlvCloImportDialog *self;

  if (!slv_clo_undo_finish (SLV_STORE (source), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = SLV_CLO_IMPORT_DIALOG (user_data);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error ? error->message : _("Import undone")));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SlvCloImportDialog *self = SLV_CLO_IMPORT_DIALOG (widget);

  slv_clo_undo_async (self->store, g_variant_get_string (parameter, NULL), self->cancellable, undone_cb, self);
}

/* -- GObject -- */

static void
slv_clo_import_dialog_dispose (GObject *object)
{
  SlvCloImportDialog *self = SLV_CLO_IMPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), SLV_TYPE_CLO_IMPORT_DIALOG);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->import);
  g_clear_object (&self->plan);
  g_clear_object (&self->styles);
  g_clear_object (&self->materials);
  g_clear_pointer (&self->pieces, g_ptr_array_unref);
  g_clear_pointer (&self->markers, g_ptr_array_unref);
  g_clear_pointer (&self->marker_names, g_ptr_array_unref);

  G_OBJECT_CLASS (slv_clo_import_dialog_parent_class)->dispose (object);
}

static void
slv_clo_import_dialog_finalize (GObject *object)
{
  SlvCloImportDialog *self = SLV_CLO_IMPORT_DIALOG (object);

  g_free (self->path);
  g_free (self->style_code);
  g_free (self->size);
  g_free (self->cost_text);
  g_free (self->cost_currency);
  g_free (self->cost_before);
  g_free (self->cost_after);
  g_free (self->cost_error);
  g_free (self->import_id);
  g_free (self->error);

  G_OBJECT_CLASS (slv_clo_import_dialog_parent_class)->finalize (object);
}

static void
slv_clo_import_dialog_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  SlvCloImportDialog *self = SLV_CLO_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_string (value, self->state);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
slv_clo_import_dialog_class_init (SlvCloImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = slv_clo_import_dialog_dispose;
  object_class->finalize = slv_clo_import_dialog_finalize;
  object_class->get_property = slv_clo_import_dialog_get_property;

  properties[PROP_STATE] =
    g_param_spec_string ("state", NULL, NULL, "choose", G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/selvedge/Selvedge/ui/slv-clo-import-dialog.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, SlvCloImportDialog, name)
  CHILD (toast_overlay);
  CHILD (title_stack);
  CHILD (window_title);
  CHILD (apply_button);
  CHILD (spinner);
  CHILD (stack);
  CHILD (error_page);
  CHILD (style_dropdown);
  CHILD (size_dropdown);
  CHILD (efficiency_spin);
  CHILD (view_stack);
  CHILD (review_page);
  CHILD (pieces_area);
  CHILD (pieces_label);
  CHILD (marker_dropdown);
  CHILD (marker_label);
  CHILD (marker_area);
  CHILD (mesh_box);
  CHILD (review_box);
  CHILD (consumption_caption);
  CHILD (consumption_grid);
  CHILD (cost_list);
  CHILD (changes_list);
  CHILD (warnings_title);
  CHILD (warnings_list);
#undef CHILD

  gtk_widget_class_install_action (widget_class, "clo-import.choose-file", NULL, choose_file_action);
  gtk_widget_class_install_action (widget_class, "clo-import.choose-folder", NULL, choose_folder_action);
  gtk_widget_class_install_action (widget_class, "clo-import.load", "s", load_action);
  gtk_widget_class_install_action (widget_class, "clo-import.set-style", "s", set_style_action);
  gtk_widget_class_install_action (widget_class, "clo-import.set-size", "s", set_size_action);
  gtk_widget_class_install_action (widget_class, "clo-import.set-efficiency", "d", set_efficiency_action);
  gtk_widget_class_install_action (widget_class, "clo-import.set-wastage", "(sd)", set_wastage_action);
  gtk_widget_class_install_action (widget_class, "clo-import.match-fabric", "(ss)", match_fabric_action);
  gtk_widget_class_install_action (widget_class, "clo-import.match-material", "(us)", match_material_action);
  gtk_widget_class_install_action (widget_class, "clo-import.rescale", "d", rescale_action);
  gtk_widget_class_install_action (widget_class, "clo-import.apply", NULL, apply_action);
  gtk_widget_class_install_action (widget_class, "clo-import.undo", "s", undo_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "clo-import.choose-file", NULL);
}

static void
slv_clo_import_dialog_init (SlvCloImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->markers = g_ptr_array_new_with_free_func (g_object_unref);
  self->marker_names = g_ptr_array_new_with_free_func (g_free);
  self->state = g_intern_static_string ("choose");
  gtk_drawing_area_set_draw_func (self->pieces_area, slv_clo_import_draw_pieces, self, NULL);
  gtk_drawing_area_set_draw_func (self->marker_area, slv_clo_import_draw_marker, self, NULL);
  g_signal_connect_object (self->style_dropdown, "notify::selected", G_CALLBACK (style_selected_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->size_dropdown, "notify::selected", G_CALLBACK (size_selected_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->marker_dropdown, "notify::selected", G_CALLBACK (marker_selected_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->efficiency_spin, "value-changed", G_CALLBACK (efficiency_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect (self->efficiency_spin, "output", G_CALLBACK (efficiency_output_cb), NULL);
  g_signal_connect (self->efficiency_spin, "input", G_CALLBACK (efficiency_input_cb), NULL);
  update_sensitivity (self);
}

/* -- public -- */

SlvCloImportDialog *
slv_clo_import_dialog_new (GtkWindow  *parent,
                           SlvStore   *store,
                           const char *style_code)
{
  SlvCloImportDialog *self;

  g_return_val_if_fail (SLV_IS_STORE (store), NULL);
  self = g_object_new (SLV_TYPE_CLO_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->style_code = style_code && *style_code ? g_strdup (style_code) : NULL;
  slv_repo_list_async (store, SLV_TYPE_STYLE, NULL, self->cancellable, styles_ready_cb, self);
  return self;
}

void
slv_clo_import_dialog_load (SlvCloImportDialog *self,
                            const char         *path)
{
  Job *j;

  g_return_if_fail (SLV_IS_CLO_IMPORT_DIALOG (self) && path != NULL);
  if (self->busy || self->import_id != NULL)
    return;
  if (g_strcmp0 (self->path, path) != 0)
    {
      g_free (self->path);
      self->path = g_strdup (path);
      self->scale = 0;
      g_clear_pointer (&self->size, g_free);
    }
  g_clear_object (&self->import);
  g_clear_object (&self->plan);
  j = g_new0 (Job, 1);
  j->kind = JOB_LOAD;
  j->path = g_strdup (path);
  j->scale = self->scale;
  j->style_code = g_strdup (self->style_code);
  j->efficiency = self->efficiency;
  set_state (self, "loading");
  run_job (self, j);
}

const char *
slv_clo_import_dialog_get_state (SlvCloImportDialog *self)
{
  g_return_val_if_fail (SLV_IS_CLO_IMPORT_DIALOG (self), NULL);
  return self->state;
}

gboolean
slv_clo_import_dialog_get_busy (SlvCloImportDialog *self)
{
  g_return_val_if_fail (SLV_IS_CLO_IMPORT_DIALOG (self), FALSE);
  return self->busy;
}

const char *
slv_clo_import_dialog_get_style_code (SlvCloImportDialog *self)
{
  g_return_val_if_fail (SLV_IS_CLO_IMPORT_DIALOG (self), NULL);
  return self->style_code;
}

SlvCloImport *
slv_clo_import_dialog_get_import (SlvCloImportDialog *self)
{
  g_return_val_if_fail (SLV_IS_CLO_IMPORT_DIALOG (self), NULL);
  return self->import;
}

SlvCloPlan *
slv_clo_import_dialog_get_plan (SlvCloImportDialog *self)
{
  g_return_val_if_fail (SLV_IS_CLO_IMPORT_DIALOG (self), NULL);
  return self->plan;
}

guint
slv_clo_import_dialog_get_n_drawn_pieces (SlvCloImportDialog *self)
{
  g_return_val_if_fail (SLV_IS_CLO_IMPORT_DIALOG (self), 0);
  return self->pieces ? self->pieces->len : 0;
}

guint
slv_clo_import_dialog_get_n_consumption_rows (SlvCloImportDialog *self)
{
  g_return_val_if_fail (SLV_IS_CLO_IMPORT_DIALOG (self), 0);
  return self->n_consumption_rows;
}

SlvMarker *
slv_clo_import_dialog_get_marker (SlvCloImportDialog *self)
{
  guint i = gtk_drop_down_get_selected (self->marker_dropdown);

  return i < self->markers->len ? g_ptr_array_index (self->markers, i) : NULL;
}

guint
slv_clo_import_dialog_get_n_marker_placements (SlvCloImportDialog *self)
{
  SlvMarker *m;

  g_return_val_if_fail (SLV_IS_CLO_IMPORT_DIALOG (self), 0);
  m = slv_clo_import_dialog_get_marker (self);
  return m ? slv_marker_get_n_placements (m) : 0;
}

const char *
slv_clo_import_dialog_get_cost_text (SlvCloImportDialog *self)
{
  g_return_val_if_fail (SLV_IS_CLO_IMPORT_DIALOG (self), NULL);
  return self->cost_text;
}

const char *
slv_clo_import_dialog_get_import_id (SlvCloImportDialog *self)
{
  g_return_val_if_fail (SLV_IS_CLO_IMPORT_DIALOG (self), NULL);
  return self->import_id;
}

const char *
slv_clo_import_dialog_get_error (SlvCloImportDialog *self)
{
  g_return_val_if_fail (SLV_IS_CLO_IMPORT_DIALOG (self), NULL);
  return self->error;
}
