/* slv-import-assistant-file.c: choosing the file, the target and the mapping.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-import-assistant"

#include "config.h"

#include <glib/gi18n.h>

#include "slv-import-assistant-private.h"
#include "services/slv-import-target.h"

/* -- reading the file in the background -- */

typedef enum
{
  READ_OPEN,      /* a new file: inspect it */
  READ_AGAIN,     /* how the file is read changed: inspect it again */
  READ_PROFILE,   /* use a saved mapping (which inspects the file) */
} ReadKind;

typedef struct
{
  SlvImport        *import;
  ReadKind          kind;
  char             *profile;
  SlvImportMapping *before;    /* READ_AGAIN: the mapping to carry choices from */
  gboolean          keep_decimal;
} Read;

static void
read_free (gpointer data)
{
  Read *r = data;

  g_object_unref (r->import);
  g_free (r->profile);
  g_clear_object (&r->before);
  g_free (r);
}

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Read *r = task_data;
  GError *error = NULL;
  gboolean ok;

  if (r->kind == READ_PROFILE)
    ok = slv_import_use_profile (r->import, r->profile, &error);
  else
    ok = slv_import_inspect (r->import, &error);
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
set_target_state (SlvImportAssistant *self)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "set-target");
  const char *target = self->import ? slv_import_get_target (self->import) : NULL;

  g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_string (target ? target : ""));
}

static void
describe_file (SlvImportAssistant *self)
{
  const char * const *headers = slv_import_get_headers (self->import);
  g_autofree char *name = g_path_get_basename (slv_import_get_path (self->import));
  guint n = headers ? g_strv_length ((GStrv) headers) : 0;
  /* TRANSLATORS: "CSV, utf-8, ‘;’ — 20 columns" */
  g_autofree char *subtitle = g_strdup_printf (ngettext ("%s — %u column", "%s — %u columns", n),
                                               slv_import_get_format (self->import), n);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->file_row), name);
  adw_action_row_set_subtitle (self->file_row, subtitle);
}

/* The file was read again with other options: keep what the user chose
 * for the columns that are still there. */
static void
carry_choices (SlvImportAssistant *self,
               Read               *r)
{
  SlvImportMapping *now = slv_import_get_mapping (self->import);
  g_auto(GStrv) fields = slv_import_mapping_dup_constant_fields (r->before);
  g_auto(GStrv) mapped = slv_import_mapping_dup_headers (r->before);
  const char * const *headers = slv_import_get_headers (self->import);

  for (guint i = 0; fields[i] != NULL; i++)
    slv_import_mapping_set_constant (now, fields[i], slv_import_mapping_get_constant (r->before, fields[i]));
  slv_import_mapping_set_date_order (now, slv_import_mapping_get_date_order (r->before));
  if (r->keep_decimal)
    slv_import_mapping_set_decimal_comma (now, slv_import_mapping_get_decimal_comma (r->before));
  for (guint i = 0; headers != NULL && headers[i] != NULL; i++)
    /* A column the user had set to a field keeps it. */
    if (g_strv_contains ((const char * const *) mapped, headers[i]))
      slv_import_mapping_set_column (now, headers[i], slv_import_mapping_get_column (r->before, headers[i]));
}

static void
read_ready (SlvImportAssistant *self,
            Read               *r)
{
  g_autoptr(GError) error = NULL;

  switch (r->kind)
    {
    case READ_OPEN:
      g_set_object (&self->import, r->import);
      self->previewed = FALSE;
      gtk_widget_set_visible (GTK_WIDGET (self->file_error), FALSE);
      describe_file (self);
      set_target_state (self);
      slv_import_mapping_page_set_import (self->mapping_page, self->import);
      slv_import_assistant_set_step (self, "target");
      break;
    case READ_AGAIN:
      if (!slv_import_set_target (self->import, slv_import_mapping_get_target (r->before), &error))
        {
          slv_import_assistant_toast (self, error->message);
          break;
        }
      carry_choices (self, r);
      describe_file (self);
      slv_import_mapping_page_set_import (self->mapping_page, self->import);
      break;
    case READ_PROFILE:
      describe_file (self);
      set_target_state (self);
      slv_import_mapping_page_set_import (self->mapping_page, self->import);
      slv_import_assistant_set_step (self, "mapping");
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
read_ready_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  SlvImportAssistant *self;
  Read *r = g_task_get_task_data (G_TASK (result));

  /* Cancelled: the window went away; nothing to show. */
  if (!g_task_propagate_boolean (G_TASK (result), &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = SLV_IMPORT_ASSISTANT (user_data);
  gtk_spinner_set_spinning (self->file_spinner, FALSE);
  if (error != NULL)
    {
      slv_import_assistant_show_error (self, error->message);
      if (r->kind == READ_OPEN)
        {
          gtk_label_set_text (self->file_error, error->message);
          gtk_widget_set_visible (GTK_WIDGET (self->file_error), TRUE);
          slv_import_assistant_set_step (self, "file");
        }
      else
        slv_import_assistant_toast (self, error->message);
    }
  else
    read_ready (self, r);
  slv_import_assistant_release (self);
}

static void
read_async (SlvImportAssistant *self,
            Read               *r)
{
  g_autoptr(GTask) task = g_task_new (NULL, self->cancellable, read_ready_cb, self);

  g_task_set_source_tag (task, read_async);
  g_task_set_task_data (task, r, read_free);
  slv_import_assistant_hold (self);
  g_task_run_in_thread (task, read_thread);
}

static void
read_again (SlvImportAssistant *self,
            gboolean            keep_decimal)
{
  Read *r = g_new0 (Read, 1);

  r->import = g_object_ref (self->import);
  r->kind = READ_AGAIN;
  r->before = slv_import_mapping_copy (slv_import_get_mapping (self->import));
  r->keep_decimal = keep_decimal;
  read_async (self, r);
}

void
slv_import_assistant_open_path (SlvImportAssistant *self,
                                const char         *path)
{
  Read *r = g_new0 (Read, 1);

  r->import = slv_import_new (self->store, path);
  r->kind = READ_OPEN;
  gtk_widget_set_visible (GTK_WIDGET (self->file_error), FALSE);
  gtk_spinner_set_spinning (self->file_spinner, TRUE);
  slv_import_assistant_set_step (self, "file");
  read_async (self, r);
}

/* -- saved mappings -- */

void
slv_import_assistant_load_profiles (SlvImportAssistant *self)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = slv_import_mapping_list_saved (self->store, NULL, &error);

  for (guint i = 0; i < self->profile_rows->len; i++)
    adw_preferences_group_remove (self->profiles_group, g_ptr_array_index (self->profile_rows, i));
  g_ptr_array_set_size (self->profile_rows, 0);
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      g_autoptr(SlvImportMapping) mapping = slv_import_mapping_load (self->store, names[i], NULL);
      const SlvImportTarget *target = mapping ? slv_import_target_find (slv_import_mapping_get_target (mapping)) : NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *use = gtk_button_new_with_mnemonic (_("_Use"));
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), names[i]);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      if (target != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(target->label));
      gtk_widget_set_valign (use, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (use), "win.use-profile");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (use), "s", names[i]);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (remove, _("Delete This Mapping"));
      gtk_widget_add_css_class (remove, "flat");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "win.delete-profile");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "s", names[i]);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), use);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), use);
      adw_preferences_group_add (self->profiles_group, row);
      g_ptr_array_add (self->profile_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->profiles_group), self->profile_rows->len > 0);
}

static void
add_target_rows (SlvImportAssistant *self)
{
  GtkCheckButton *group = NULL;

  for (const SlvImportTarget * const *t = slv_import_target_list (); *t != NULL; t++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      g_autoptr(GString) fields = g_string_new (NULL);

      for (guint i = 0; i < (*t)->n_fields && i < 5; i++)
        g_string_append_printf (fields, "%s%s", i ? ", " : "", _((*t)->fields[i].label));
      if ((*t)->n_fields > 5)
        g_string_append (fields, ", …");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _((*t)->label));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), fields->str);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (check), "win.set-target");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (check), "s", (*t)->name);
      gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
      group = group ? group : GTK_CHECK_BUTTON (check);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->targets_group, row);
    }
}

/* -- actions -- */

static void
chooser_response_cb (GtkNativeDialog    *dialog,
                     int                 response,
                     SlvImportAssistant *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);

      if (path == NULL)
        slv_import_assistant_toast (self, _("Choose a file on this computer."));
      else
        g_action_group_activate_action (G_ACTION_GROUP (self), "open-file", g_variant_new_string (path));
    }
  g_clear_object (&self->chooser);
}

static void
choose_file_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  SlvImportAssistant *self = SLV_IMPORT_ASSISTANT (user_data);
  g_autoptr(GtkFileFilter) tables = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Import Data"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (tables, _("CSV Files and Excel Workbooks"));
  gtk_file_filter_add_suffix (tables, "csv");
  gtk_file_filter_add_suffix (tables, "txt");
  gtk_file_filter_add_suffix (tables, "tsv");
  gtk_file_filter_add_suffix (tables, "xlsx");
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), tables);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
open_file_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  slv_import_assistant_open_path (SLV_IMPORT_ASSISTANT (user_data), g_variant_get_string (parameter, NULL));
}

static void
set_target_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  SlvImportAssistant *self = SLV_IMPORT_ASSISTANT (user_data);
  const char *target = g_variant_get_string (parameter, NULL);
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (slv_import_get_target (self->import), target) != 0)
    {
      if (!slv_import_set_target (self->import, target, &error))
        {
          slv_import_assistant_toast (self, error->message);
          return;
        }
      self->previewed = FALSE;
      slv_import_mapping_page_set_import (self->mapping_page, self->import);
    }
  set_target_state (self);
  slv_import_assistant_update (self);
}

static void
use_profile_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  SlvImportAssistant *self = SLV_IMPORT_ASSISTANT (user_data);
  Read *r = g_new0 (Read, 1);

  r->import = g_object_ref (self->import);
  r->kind = READ_PROFILE;
  r->profile = g_variant_dup_string (parameter, NULL);
  self->previewed = FALSE;
  read_async (self, r);
}

static void
delete_profile_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  SlvImportAssistant *self = SLV_IMPORT_ASSISTANT (user_data);
  const char *name = g_variant_get_string (parameter, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!slv_import_mapping_delete_saved (self->store, name, &error))
    {
      slv_import_assistant_toast (self, error->message);
      return;
    }
  slv_import_assistant_load_profiles (self);
  message = g_strdup_printf (_("Mapping “%s” deleted."), name);
  slv_import_assistant_toast (self, message);
}

static void
save_profile_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  SlvImportAssistant *self = SLV_IMPORT_ASSISTANT (user_data);
  const char *name = g_variant_get_string (parameter, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!slv_import_mapping_save (slv_import_get_mapping (self->import), self->store, name, &error))
    {
      slv_import_assistant_toast (self, error->message);
      return;
    }
  slv_import_assistant_load_profiles (self);
  message = g_strdup_printf (_("Mapping saved as “%s”."), name);
  slv_import_assistant_toast (self, message);
}

static SlvImportMapping *
mapping_of (gpointer user_data)
{
  SlvImportAssistant *self = SLV_IMPORT_ASSISTANT (user_data);

  self->previewed = FALSE;
  return slv_import_get_mapping (self->import);
}

static void
set_column_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  const char *header, *field;

  g_variant_get (parameter, "(&s&s)", &header, &field);
  slv_import_mapping_set_column (mapping_of (user_data), header, *field ? field : NULL);
}

static void
set_constant_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  const char *field, *value;

  g_variant_get (parameter, "(&s&s)", &field, &value);
  slv_import_mapping_set_constant (mapping_of (user_data), field, *value ? value : NULL);
}

static void
set_decimal_comma_action (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  slv_import_mapping_set_decimal_comma (mapping_of (user_data), g_variant_get_boolean (parameter));
}

static void
set_date_order_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  const char *order = g_variant_get_string (parameter, NULL);

  slv_import_mapping_set_date_order (mapping_of (user_data),
                                     g_ascii_strcasecmp (order, "mdy") == 0 ? SLV_DATE_MDY : SLV_DATE_DMY);
}

static void
set_delimiter_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  SlvImportMapping *mapping = mapping_of (user_data);
  const char *text = g_variant_get_string (parameter, NULL);
  char delimiter = g_ascii_strcasecmp (text, "tab") == 0 ? '\t' : text[0];

  if (delimiter == '\0' || delimiter == slv_import_mapping_get_delimiter (mapping))
    return;
  slv_import_mapping_set_delimiter (mapping, delimiter);
  read_again (user_data, FALSE);
}

static void
set_encoding_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  SlvImportMapping *mapping = mapping_of (user_data);
  const char *name = g_variant_get_string (parameter, NULL);

  for (guint i = 0; i <= SLV_ENCODING_WINDOWS_1252; i++)
    if (g_ascii_strcasecmp (name, slv_import_mapping_page_encoding_name (i)) == 0)
      {
        if (slv_import_mapping_get_encoding (mapping) == (SlvEncoding) i)
          return;
        slv_import_mapping_set_encoding (mapping, i);
        read_again (user_data, FALSE);
        return;
      }
  slv_import_assistant_toast (user_data, _("Choose one of the encodings listed."));
}

static void
set_sheet_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  SlvImportMapping *mapping = mapping_of (user_data);
  const char *sheet = g_variant_get_string (parameter, NULL);

  if (g_strcmp0 (slv_import_mapping_get_sheet (mapping), sheet) == 0)
    return;
  slv_import_mapping_set_sheet (mapping, sheet);
  read_again (user_data, TRUE);
}

static void
set_header_row_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  SlvImportMapping *mapping = mapping_of (user_data);
  guint row = g_variant_get_uint32 (parameter);

  if (slv_import_mapping_get_header_row (mapping) == row)
    return;
  slv_import_mapping_set_header_row (mapping, row);
  read_again (user_data, TRUE);
}

static const GActionEntry file_actions[] = {
  { "choose-file", choose_file_action },
  { "open-file", open_file_action, "s" },
  { "set-target", set_target_action, "s", "''" },
  { "use-profile", use_profile_action, "s" },
  { "delete-profile", delete_profile_action, "s" },
  { "save-profile", save_profile_action, "s" },
  { "set-column", set_column_action, "(ss)" },
  { "set-constant", set_constant_action, "(ss)" },
  { "set-decimal-comma", set_decimal_comma_action, "b" },
  { "set-date-order", set_date_order_action, "s" },
  { "set-delimiter", set_delimiter_action, "s" },
  { "set-encoding", set_encoding_action, "s" },
  { "set-sheet", set_sheet_action, "s" },
  { "set-header-row", set_header_row_action, "u" },
};

void
slv_import_assistant_add_file_actions (SlvImportAssistant *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), file_actions, G_N_ELEMENTS (file_actions), self);
  add_target_rows (self);
}
