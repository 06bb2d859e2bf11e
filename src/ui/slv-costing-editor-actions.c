/* slv-costing-editor-actions.c: the editor's commands.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-costing-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "slv-costing-editor-private.h"
#include "services/slv-bom-line-item.h"
#include "services/slv-process-line-item.h"

static void
add_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = slv_costing_session_edit_finish_id (SLV_COSTING_SESSION (source), result, &error);

  if (id == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (id == NULL)
    slv_costing_editor_report (user_data, error);
  else
    slv_costing_editor_set_message (user_data, "");
}

static GObject *
line_item (SlvCostingEditor *self,
           const char       *kind,
           guint             index)
{
  GListModel *lines;

  if (self->session == NULL)
    return NULL;
  lines = g_str_equal (kind, "process") ? slv_costing_session_get_process_lines (self->session)
                                        : slv_costing_session_get_bom_lines (self->session);
  return g_list_model_get_item (lines, index);
}

static const char *
line_id (GObject *item)
{
  return SLV_IS_BOM_LINE_ITEM (item) ? slv_bom_line_item_get_id (SLV_BOM_LINE_ITEM (item))
                                     : slv_process_line_item_get_id (SLV_PROCESS_LINE_ITEM (item));
}

static void
no_line (SlvCostingEditor *self,
         const char       *kind,
         guint             index)
{
  g_autoptr(GError) error = g_error_new (G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                                         _("The costing has no %s line %u."), kind, index + 1);

  slv_costing_editor_report (self, error);
}

void
slv_costing_editor_edit_line (SlvCostingEditor *self,
                              const char       *kind,
                              guint             index,
                              const char       *field,
                              const char       *value)
{
  g_autoptr(GObject) item = line_item (self, kind, index);

  if (item == NULL)
    {
      no_line (self, kind, index);
      return;
    }
  slv_costing_session_edit_line_async (self->session,
                                       SLV_IS_BOM_LINE_ITEM (item) ? SLV_COSTING_LINE_BOM : SLV_COSTING_LINE_PROCESS,
                                       line_id (item), field, value, self->cancellable,
                                       slv_costing_editor_edit_done_cb, self);
}

static void
edit_line_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  const char *kind, *field, *value;
  guint index;

  g_variant_get (parameter, "(&su&s&s)", &kind, &index, &field, &value);
  slv_costing_editor_edit_line (SLV_COSTING_EDITOR (widget), kind, index, field, value);
}

static void
set_material_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SlvCostingEditor *self = SLV_COSTING_EDITOR (widget);
  gboolean material = g_str_equal (action_name, "costing.set-material");
  const char *id;
  guint index;

  g_variant_get (parameter, "(u&s)", &index, &id);
  slv_costing_editor_edit_line (self, material ? "bom" : "process", index, material ? "material_id" : "rate_id", id);
  if (material && self->session != NULL && slv_costing_session_get_sheet (self->session) != NULL)
    {
      /* the line takes the new material's unit */
      SlvCostMaster *master = slv_cost_sheet_get_master (slv_costing_session_get_sheet (self->session));
      const SlvMaterialRec *rec = slv_cost_master_get_material (master, id);
      g_autoptr(GObject) item = line_item (self, "bom", index);

      if (rec != NULL && item != NULL &&
          g_strcmp0 (slv_bom_line_item_get_text (SLV_BOM_LINE_ITEM (item), "unit"), rec->unit) != 0)
        slv_costing_editor_edit_line (self, "bom", index, "unit", rec->unit);
    }
}

static void
set_field_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SlvCostingEditor *self = SLV_COSTING_EDITOR (widget);
  const char *field = NULL, *value = NULL;

  if (self->session == NULL)
    return;
  if (g_str_equal (action_name, "costing.set-fx-set"))
    {
      field = "fx_set";
      value = g_variant_get_string (parameter, NULL);
    }
  else if (g_str_equal (action_name, "costing.set-destination"))
    {
      field = "destination";
      value = g_variant_get_string (parameter, NULL);
    }
  else
    g_variant_get (parameter, "(&s&s)", &field, &value);
  slv_costing_session_set_field_async (self->session, field, value, self->cancellable,
                                       slv_costing_editor_edit_done_cb, self);
}

static void
set_status_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SlvCostingEditor *self = SLV_COSTING_EDITOR (widget);

  if (self->session != NULL)
    slv_costing_session_set_status_async (self->session, g_variant_get_string (parameter, NULL),
                                          self->cancellable, slv_costing_editor_edit_done_cb, self);
}

static void
add_line_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SlvCostingEditor *self = SLV_COSTING_EDITOR (widget);
  const char *process = NULL, *rate = NULL;

  if (self->session == NULL)
    return;
  if (g_str_equal (action_name, "costing.add-material"))
    {
      slv_costing_session_add_line_async (self->session, SLV_COSTING_LINE_BOM,
                                          g_variant_get_string (parameter, NULL), NULL,
                                          self->cancellable, add_done_cb, self);
      return;
    }
  g_variant_get (parameter, "(&s&s)", &process, &rate);
  slv_costing_session_add_line_async (self->session, SLV_COSTING_LINE_PROCESS, process, rate,
                                      self->cancellable, add_done_cb, self);
}

static void
remove_line_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SlvCostingEditor *self = SLV_COSTING_EDITOR (widget);
  g_autoptr(GObject) item = NULL;
  const char *kind;
  guint index;

  g_variant_get (parameter, "(&su)", &kind, &index);
  item = line_item (self, kind, index);
  if (item == NULL)
    {
      no_line (self, kind, index);
      return;
    }
  slv_costing_session_remove_line_async (self->session,
                                         SLV_IS_BOM_LINE_ITEM (item) ? SLV_COSTING_LINE_BOM : SLV_COSTING_LINE_PROCESS,
                                         line_id (item), self->cancellable, slv_costing_editor_edit_done_cb, self);
}

static void
why_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  SlvCostingEditor *self = SLV_COSTING_EDITOR (widget);
  const char *key = g_variant_get_string (parameter, NULL);
  GtkMenuButton *button = g_hash_table_lookup (self->buttons, key);

  if (g_str_equal (key, "fob"))
    button = g_hash_table_lookup (self->buttons, "fob_rounded");
  if (button == NULL)
    {
      /* a line's figure: shown from the FOB */
      button = g_hash_table_lookup (self->buttons, "fob_rounded");
      g_object_set_data_full (G_OBJECT (button), "slv-why-override", g_strdup (key), g_free);
    }
  gtk_menu_button_popup (button);
}

static void
pick_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SlvCostingEditor *self = SLV_COSTING_EDITOR (widget);

  if (self->editable)
    gtk_menu_button_popup (g_str_equal (action_name, "costing.pick-material") ? self->add_material_button
                                                                              : self->add_process_button);
}

void
slv_costing_editor_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "costing.edit-line", "(suss)", edit_line_action);
  gtk_widget_class_install_action (widget_class, "costing.set-field", "(ss)", set_field_action);
  gtk_widget_class_install_action (widget_class, "costing.set-fx-set", "s", set_field_action);
  gtk_widget_class_install_action (widget_class, "costing.set-destination", "s", set_field_action);
  gtk_widget_class_install_action (widget_class, "costing.set-status", "s", set_status_action);
  gtk_widget_class_install_action (widget_class, "costing.add-material", "s", add_line_action);
  gtk_widget_class_install_action (widget_class, "costing.add-process", "(ss)", add_line_action);
  gtk_widget_class_install_action (widget_class, "costing.set-material", "(us)", set_material_action);
  gtk_widget_class_install_action (widget_class, "costing.set-rate", "(us)", set_material_action);
  gtk_widget_class_install_action (widget_class, "costing.remove-line", "(su)", remove_line_action);
  gtk_widget_class_install_action (widget_class, "costing.why", "s", why_action);
  gtk_widget_class_install_action (widget_class, "costing.pick-material", NULL, pick_action);
  gtk_widget_class_install_action (widget_class, "costing.pick-process", NULL, pick_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK, "costing.pick-material", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "costing.pick-process", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "costing.why", "s", "fob");
}
