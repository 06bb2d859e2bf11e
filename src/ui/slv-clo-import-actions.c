/* slv-clo-import-actions.c: the import dialog's actions ("clo-import.")
 * and its efficiency field.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-clo-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "slv-clo-import-dialog-private.h"

/* 0 % means the nesting estimate: say so in the field. */
gboolean
slv_clo_import_efficiency_output_cb (GtkSpinButton *spin)
{
  double v = gtk_spin_button_get_value (spin);
  g_autofree char *text = v > 0 ? g_strdup_printf ("%.1f", v) : g_strdup (_("Auto"));

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (spin)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

int
slv_clo_import_efficiency_input_cb (GtkSpinButton *spin,
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
  slv_clo_import_select_style (self);
  slv_clo_import_start_plan (self);
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
  slv_clo_import_start_plan (self);
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
  slv_clo_import_start_plan (self);
}

static void
set_wastage_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SlvCloImportDialog *self = SLV_CLO_IMPORT_DIALOG (widget);
  SlvCloJob *j = slv_clo_import_edit_job (self);

  if (j == NULL)
    return;
  g_variant_get (parameter, "(sd)", &j->fabric, &j->wastage);
  slv_clo_import_run_job (self, j);
}

static void
match_fabric_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SlvCloImportDialog *self = SLV_CLO_IMPORT_DIALOG (widget);
  SlvCloJob *j = slv_clo_import_edit_job (self);

  if (j == NULL)
    return;
  g_variant_get (parameter, "(ss)", &j->fabric, &j->line_id);
  slv_clo_import_run_job (self, j);
}

static void
match_material_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SlvCloImportDialog *self = SLV_CLO_IMPORT_DIALOG (widget);
  SlvCloJob *j = slv_clo_import_edit_job (self);

  if (j == NULL)
    return;
  g_variant_get (parameter, "(us)", &j->csv_row, &j->material_id);
  slv_clo_import_run_job (self, j);
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
map_bom_column_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  const char *field, *header;

  g_variant_get (parameter, "(&s&s)", &field, &header);
  slv_clo_import_map_bom_column (SLV_CLO_IMPORT_DIALOG (widget), field, header);
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SlvCloImportDialog *self = SLV_CLO_IMPORT_DIALOG (widget);
  SlvCloJob *j;

  if (self->busy || self->plan == NULL || self->import_id != NULL)
    return;
  j = g_new0 (SlvCloJob, 1);
  j->kind = JOB_APPLY;
  j->import = g_object_ref (self->import);
  j->plan = g_object_ref (self->plan);
  slv_clo_import_set_state (self, "applying");
  slv_clo_import_run_job (self, j);
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

void
slv_clo_import_install_actions (GtkWidgetClass *widget_class)
{
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
  gtk_widget_class_install_action (widget_class, "clo-import.map-bom-column", "(ss)", map_bom_column_action);
  gtk_widget_class_install_action (widget_class, "clo-import.apply", NULL, apply_action);
  gtk_widget_class_install_action (widget_class, "clo-import.undo", "s", undo_action);
}
