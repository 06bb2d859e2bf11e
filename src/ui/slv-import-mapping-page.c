/* slv-import-mapping-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-import-mapping-page"

#include "config.h"

#include <glib/gi18n.h>

#include "slv-import-mapping-page.h"
#include "services/slv-import-target.h"

#define SAMPLE_VALUES 3

struct _SlvImportMappingPage
{
  GtkWidget             parent_instance;

  GtkWidget            *scroller;
  AdwPreferencesGroup  *columns_group;
  AdwActionRow         *decimal_row;
  GtkSwitch            *decimal_switch;
  AdwComboRow          *delimiter_row;
  AdwComboRow          *encoding_row;
  AdwComboRow          *date_row;
  AdwComboRow          *sheet_row;
  GtkStringList        *sheets;
  AdwActionRow         *header_row_row;
  GtkSpinButton        *header_spin;
  AdwExpanderRow       *constants_row;
  AdwEntryRow          *profile_entry;

  SlvImport            *import;
  SlvImportMapping     *mapping;        /* the one the rows show */
  const SlvImportTarget *target;
  GPtrArray            *column_rows;    /* AdwComboRow, one per header */
  GPtrArray            *constant_rows;  /* AdwEntryRow, one per field */
  gboolean              syncing;        /* setting widgets from the mapping */
};

G_DEFINE_FINAL_TYPE (SlvImportMappingPage, slv_import_mapping_page, GTK_TYPE_WIDGET)

static const char delimiters[] = { ',', ';', '\t', '|' };
static const char *encodings[] = { "auto", "utf-8", "utf-16le", "utf-16be", "windows-1252" };

/* -- syncing the widgets with the mapping -- */

static guint
delimiter_index (char delimiter)
{
  for (guint i = 0; i < G_N_ELEMENTS (delimiters); i++)
    if (delimiters[i] == delimiter)
      return i;
  return 0;
}

static gboolean
field_is_covered (SlvImportMappingPage *self,
                  const char           *field)
{
  g_auto(GStrv) headers = slv_import_mapping_dup_headers (self->mapping);

  if (slv_import_mapping_get_constant (self->mapping, field) != NULL)
    return TRUE;
  for (guint i = 0; headers[i] != NULL; i++)
    if (g_strcmp0 (slv_import_mapping_get_column (self->mapping, headers[i]), field) == 0)
      return TRUE;
  return FALSE;
}

static void
describe_columns (SlvImportMappingPage *self)
{
  g_autoptr(GString) missing = g_string_new (NULL);

  for (guint i = 0; i < self->target->n_fields; i++)
    {
      const SlvImportField *f = &self->target->fields[i];

      if (((f->flags & SLV_IMPORT_FIELD_KEY) || ((f->flags & SLV_IMPORT_FIELD_REQUIRED) && f->fallback == NULL)) &&
          !field_is_covered (self, f->name))
        g_string_append_printf (missing, "%s%s", missing->len ? ", " : "", _(f->label));
    }
  if (missing->len > 0)
    {
      /* TRANSLATORS: %s lists fields, e.g. "Material number, Base unit" */
      g_autofree char *text = g_strdup_printf (_("No column fills %s yet: choose one below or give a constant value."),
                                               missing->str);

      adw_preferences_group_set_description (self->columns_group, text);
    }
  else
    adw_preferences_group_set_description (self->columns_group,
                                           _("Choose the field each column fills; “Ignore” leaves a column out."));
}

static void
sync_widgets (SlvImportMappingPage *self)
{
  const char * const *sheets;
  const char *sheet;
  guint selected = 0;

  if (self->mapping == NULL)
    return;
  self->syncing = TRUE;
  gtk_switch_set_active (self->decimal_switch, slv_import_mapping_get_decimal_comma (self->mapping));
  adw_combo_row_set_selected (self->delimiter_row, delimiter_index (slv_import_mapping_get_delimiter (self->mapping)));
  adw_combo_row_set_selected (self->encoding_row, slv_import_mapping_get_encoding (self->mapping));
  adw_combo_row_set_selected (self->date_row, slv_import_mapping_get_date_order (self->mapping) == SLV_DATE_MDY);
  gtk_spin_button_set_value (self->header_spin, slv_import_mapping_get_header_row (self->mapping));

  sheets = slv_import_get_sheets (self->import);
  sheet = slv_import_mapping_get_sheet (self->mapping);
  gtk_string_list_splice (self->sheets, 0, g_list_model_get_n_items (G_LIST_MODEL (self->sheets)), sheets);
  for (guint i = 0; sheets != NULL && sheets[i] != NULL; i++)
    if (g_strcmp0 (sheets[i], sheet) == 0)
      selected = i;
  adw_combo_row_set_selected (self->sheet_row, selected);
  /* A workbook has sheets; a text file has a delimiter and an encoding. */
  gtk_widget_set_visible (GTK_WIDGET (self->sheet_row), sheets != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->delimiter_row), sheets == NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->encoding_row), sheets == NULL);

  for (guint i = 0; i < self->column_rows->len; i++)
    {
      AdwComboRow *row = g_ptr_array_index (self->column_rows, i);
      const char *header = g_object_get_data (G_OBJECT (row), "header");
      int field = slv_import_target_find_field (self->target, slv_import_mapping_get_column (self->mapping, header));

      adw_combo_row_set_selected (row, field + 1);
    }
  for (guint i = 0; i < self->constant_rows->len; i++)
    {
      GtkEditable *row = g_ptr_array_index (self->constant_rows, i);
      const char *value = slv_import_mapping_get_constant (self->mapping, self->target->fields[i].name);

      if (g_strcmp0 (gtk_editable_get_text (row), value ? value : "") != 0)
        gtk_editable_set_text (row, value ? value : "");
    }
  describe_columns (self);
  self->syncing = FALSE;
}

/* -- widgets to actions -- */

static void
activate (SlvImportMappingPage *self,
          const char           *action,
          const char           *format,
          ...)
{
  va_list args;
  GVariant *parameter;

  if (self->syncing || self->mapping == NULL)
    return;
  va_start (args, format);
  parameter = g_variant_new_va (format, NULL, &args);
  va_end (args);
  gtk_widget_activate_action_variant (GTK_WIDGET (self), action, parameter);
}

static void
column_changed_cb (AdwComboRow          *row,
                   GParamSpec           *pspec,
                   SlvImportMappingPage *self)
{
  guint selected = adw_combo_row_get_selected (row);
  const char *field = selected > 0 && selected <= self->target->n_fields ? self->target->fields[selected - 1].name : "";

  activate (self, "win.set-column", "(ss)", g_object_get_data (G_OBJECT (row), "header"), field);
}

static void
constant_apply_cb (AdwEntryRow          *row,
                   SlvImportMappingPage *self)
{
  activate (self, "win.set-constant", "(ss)", g_object_get_data (G_OBJECT (row), "field"),
            gtk_editable_get_text (GTK_EDITABLE (row)));
}

static void
decimal_changed_cb (SlvImportMappingPage *self)
{
  activate (self, "win.set-decimal-comma", "b", gtk_switch_get_active (self->decimal_switch));
}

static void
delimiter_changed_cb (SlvImportMappingPage *self)
{
  guint i = adw_combo_row_get_selected (self->delimiter_row);
  char text[2] = { delimiters[MIN (i, G_N_ELEMENTS (delimiters) - 1)], '\0' };

  activate (self, "win.set-delimiter", "s", text);
}

static void
encoding_changed_cb (SlvImportMappingPage *self)
{
  activate (self, "win.set-encoding", "s",
            slv_import_mapping_page_encoding_name (adw_combo_row_get_selected (self->encoding_row)));
}

static void
date_order_changed_cb (SlvImportMappingPage *self)
{
  activate (self, "win.set-date-order", "s", adw_combo_row_get_selected (self->date_row) == 1 ? "mdy" : "dmy");
}

static void
sheet_changed_cb (SlvImportMappingPage *self)
{
  guint i = adw_combo_row_get_selected (self->sheet_row);
  const char *sheet = gtk_string_list_get_string (self->sheets, i);

  if (sheet != NULL)
    activate (self, "win.set-sheet", "s", sheet);
}

static void
header_row_changed_cb (SlvImportMappingPage *self)
{
  activate (self, "win.set-header-row", "u", (guint32) gtk_spin_button_get_value_as_int (self->header_spin));
}

static void
profile_apply_cb (SlvImportMappingPage *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->profile_entry))));

  if (*name != '\0')
    activate (self, "win.save-profile", "s", name);
}

/* -- building the rows -- */

/* "e.g. 000000000001200101, 1200102" from the first rows of the file. */
static char *
sample_text (SlvImportMappingPage *self,
             guint                 column)
{
  GPtrArray *rows = slv_import_get_sample (self->import);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();
  guint shown = 0;

  for (guint r = 0; rows != NULL && r < rows->len && shown < SAMPLE_VALUES; r++)
    {
      GStrv cells = g_ptr_array_index (rows, r);
      g_autofree char *value = NULL;

      if (g_strv_length (cells) <= column || *cells[column] == '\0' ||
          g_ptr_array_find_with_equal_func (seen, cells[column], g_str_equal, NULL))
        continue;
      g_ptr_array_add (seen, cells[column]);
      value = g_utf8_substring (cells[column], 0, MIN (g_utf8_strlen (cells[column], -1), 24));
      g_string_append_printf (text, "%s%s", shown++ ? " · " : "", value);
    }
  if (shown == 0)
    return g_strdup (_("No values in the first rows"));
  /* TRANSLATORS: %s are sample values from a column of the file */
  return g_strdup_printf (_("e.g. %s"), text->str);
}

static void
clear_rows (SlvImportMappingPage *self)
{
  for (guint i = 0; i < self->column_rows->len; i++)
    adw_preferences_group_remove (self->columns_group, g_ptr_array_index (self->column_rows, i));
  for (guint i = 0; i < self->constant_rows->len; i++)
    adw_expander_row_remove (self->constants_row, g_ptr_array_index (self->constant_rows, i));
  g_ptr_array_set_size (self->column_rows, 0);
  g_ptr_array_set_size (self->constant_rows, 0);
}

static void
add_column_rows (SlvImportMappingPage *self,
                 GtkStringList        *fields)
{
  const char * const *headers = slv_import_get_headers (self->import);

  for (guint i = 0; headers != NULL && headers[i] != NULL; i++)
    {
      GtkWidget *row = adw_combo_row_new ();
      g_autofree char *sample = sample_text (self, i);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), *headers[i] ? headers[i] : _("(no name)"));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sample);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (fields));
      g_object_set_data_full (G_OBJECT (row), "header", g_strdup (headers[i]), g_free);
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (column_changed_cb), self, 0);
      adw_preferences_group_add (self->columns_group, row);
      g_ptr_array_add (self->column_rows, row);
    }
}

static void
add_constant_rows (SlvImportMappingPage *self)
{
  for (guint i = 0; i < self->target->n_fields; i++)
    {
      GtkWidget *row = adw_entry_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(self->target->fields[i].label));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "field", (gpointer) self->target->fields[i].name);
      g_signal_connect_object (row, "apply", G_CALLBACK (constant_apply_cb), self, 0);
      adw_expander_row_add_row (self->constants_row, row);
      g_ptr_array_add (self->constant_rows, row);
    }
}

static void
watch_mapping (SlvImportMappingPage *self,
               SlvImportMapping     *mapping)
{
  if (self->mapping != NULL)
    g_signal_handlers_disconnect_by_data (self->mapping, self);
  g_set_object (&self->mapping, mapping);
  if (mapping != NULL)
    {
      g_signal_connect_object (mapping, "changed", G_CALLBACK (sync_widgets), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (mapping, "notify", G_CALLBACK (sync_widgets), self, G_CONNECT_SWAPPED);
    }
}

static void
rebuild (SlvImportMappingPage *self)
{
  g_autoptr(GtkStringList) fields = NULL;
  SlvImportMapping *mapping = self->import ? slv_import_get_mapping (self->import) : NULL;

  self->syncing = TRUE;
  clear_rows (self);
  watch_mapping (self, mapping);
  self->target = mapping ? slv_import_target_find (slv_import_mapping_get_target (mapping)) : NULL;
  if (self->target == NULL)
    {
      self->syncing = FALSE;
      return;
    }
  fields = gtk_string_list_new (NULL);
  gtk_string_list_append (fields, _("Ignore"));
  for (guint i = 0; i < self->target->n_fields; i++)
    gtk_string_list_append (fields, _(self->target->fields[i].label));
  add_column_rows (self, fields);
  add_constant_rows (self);
  self->syncing = FALSE;
  sync_widgets (self);
}

/* -- object -- */

static void
slv_import_mapping_page_dispose (GObject *object)
{
  SlvImportMappingPage *self = SLV_IMPORT_MAPPING_PAGE (object);

  watch_mapping (self, NULL);
  g_clear_pointer (&self->column_rows, g_ptr_array_unref);
  g_clear_pointer (&self->constant_rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), SLV_TYPE_IMPORT_MAPPING_PAGE);
  g_clear_object (&self->import);

  G_OBJECT_CLASS (slv_import_mapping_page_parent_class)->dispose (object);
}

static void
slv_import_mapping_page_class_init (SlvImportMappingPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = slv_import_mapping_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/selvedge/Selvedge/ui/slv-import-mapping-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SlvImportMappingPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, SlvImportMappingPage, columns_group);
  gtk_widget_class_bind_template_child (widget_class, SlvImportMappingPage, decimal_row);
  gtk_widget_class_bind_template_child (widget_class, SlvImportMappingPage, decimal_switch);
  gtk_widget_class_bind_template_child (widget_class, SlvImportMappingPage, delimiter_row);
  gtk_widget_class_bind_template_child (widget_class, SlvImportMappingPage, encoding_row);
  gtk_widget_class_bind_template_child (widget_class, SlvImportMappingPage, date_row);
  gtk_widget_class_bind_template_child (widget_class, SlvImportMappingPage, sheet_row);
  gtk_widget_class_bind_template_child (widget_class, SlvImportMappingPage, sheets);
  gtk_widget_class_bind_template_child (widget_class, SlvImportMappingPage, header_row_row);
  gtk_widget_class_bind_template_child (widget_class, SlvImportMappingPage, header_spin);
  gtk_widget_class_bind_template_child (widget_class, SlvImportMappingPage, constants_row);
  gtk_widget_class_bind_template_child (widget_class, SlvImportMappingPage, profile_entry);
  gtk_widget_class_bind_template_callback (widget_class, decimal_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, delimiter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, encoding_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_order_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, sheet_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, header_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, profile_apply_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
slv_import_mapping_page_init (SlvImportMappingPage *self)
{
  self->syncing = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->syncing = FALSE;
  self->column_rows = g_ptr_array_new ();
  self->constant_rows = g_ptr_array_new ();
}

void
slv_import_mapping_page_set_import (SlvImportMappingPage *self,
                                    SlvImport            *import)
{
  g_return_if_fail (SLV_IS_IMPORT_MAPPING_PAGE (self));
  g_return_if_fail (import == NULL || SLV_IS_IMPORT (import));

  g_set_object (&self->import, import);
  rebuild (self);
}

const char *
slv_import_mapping_page_encoding_name (guint index)
{
  return encodings[MIN (index, G_N_ELEMENTS (encodings) - 1)];
}
