/* slv-clo-import-mapping.c: which column of the BOM file holds which field.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The mapping is proposed from the header names (and the workspace's saved
 * mapping); here the user picks another column for a field. The choice is
 * saved in the workspace, so the next export from the same source reads
 * the same way, and the export is read again with it.
 */
#define G_LOG_DOMAIN "slv-clo-import"

#include "config.h"

#include <glib/gi18n.h>

#include "slv-clo-import-dialog-private.h"
#include "services/slv-clo-plan.h"

static const char *
field_title (SlvBomField field)
{
  switch (field)
    {
    case SLV_BOM_FIELD_CODE:        return _("Material code");
    case SLV_BOM_FIELD_NAME:        return _("Description");
    case SLV_BOM_FIELD_PLACEMENT:   return _("Placement");
    case SLV_BOM_FIELD_CONSUMPTION: return _("Consumption");
    case SLV_BOM_FIELD_UNIT:        return _("Unit");
    case SLV_BOM_FIELD_WASTAGE:     return _("Wastage %");
    case SLV_BOM_FIELD_SUPPLIER:    return _("Supplier");
    case SLV_BOM_FIELD_COLOUR:      return _("Colour");
    case SLV_BOM_N_FIELDS:
    default:                        return "";
    }
}

static void
column_selected_cb (AdwComboRow        *row,
                    GParamSpec         *pspec,
                    SlvCloImportDialog *self)
{
  const char * const *headers = self->import ? slv_clo_import_get_bom_headers (self->import) : NULL;
  guint i = adw_combo_row_get_selected (row);
  const char *header = headers != NULL && i > 0 && i <= g_strv_length ((GStrv) headers) ? headers[i - 1] : "";

  if (!self->syncing)
    gtk_widget_activate_action (GTK_WIDGET (self), "clo-import.map-bom-column", "(ss)",
                                g_object_get_data (G_OBJECT (row), "field"), header);
}

void
slv_clo_import_add_bom_mapping (SlvCloImportDialog *self)
{
  const char * const *headers = self->import ? slv_clo_import_get_bom_headers (self->import) : NULL;
  const SlvBomMapping *mapping = self->import ? slv_clo_import_get_bom_mapping (self->import) : NULL;
  g_autoptr(GtkStringList) model = NULL;
  GtkWidget *list;

  if (headers == NULL || mapping == NULL)
    return;
  model = gtk_string_list_new (NULL);
  gtk_string_list_append (model, _("Guess"));
  for (guint i = 0; headers[i] != NULL; i++)
    gtk_string_list_append (model, headers[i]);
  gtk_box_append (self->review_box, slv_clo_import_heading (_("BOM file columns")));
  list = slv_clo_import_boxed_list ();
  for (int f = 0; f < SLV_BOM_N_FIELDS; f++)
    {
      GtkWidget *row = adw_combo_row_new ();
      guint selected = 0;

      for (guint i = 0; headers[i] != NULL && mapping->headers[f] != NULL; i++)
        {
          g_autofree char *h = g_strstrip (g_strdup (headers[i]));

          if (g_ascii_strcasecmp (h, mapping->headers[f]) == 0)
            selected = i + 1;
        }
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), field_title (f));
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
      g_object_set_data (G_OBJECT (row), "field", (gpointer) slv_bom_field_key (f));
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (column_selected_cb), self, 0);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  gtk_box_append (self->review_box, list);
}

void
slv_clo_import_map_bom_column (SlvCloImportDialog *self,
                               const char         *field,
                               const char         *header)
{
  g_autoptr(SlvBomMapping) mapping = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup (self->path);
  int f;

  if (self->busy || self->import == NULL || path == NULL)
    return;
  for (f = 0; f < SLV_BOM_N_FIELDS && g_strcmp0 (slv_bom_field_key (f), field) != 0; f++)
    ;
  if (f == SLV_BOM_N_FIELDS)
    return;
  mapping = slv_bom_mapping_copy (slv_clo_import_get_bom_mapping (self->import));
  slv_bom_mapping_set (mapping, f, header != NULL && *header != '\0' ? header : NULL);
  if (!slv_clo_save_bom_mapping (self->store, mapping, &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  slv_clo_import_dialog_load (self, path);
}
