/* slv-costing-session-edit.c: edits, status moves, scenarios and
 * explanations of a costing session.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every edit is tried on a copy of the in-memory costing first (so a bad
 * value is refused with the line named, before anything is written), then
 * written in one transaction, then the copy replaces the costing and is
 * priced. Sheets handed out earlier keep the costing they were made from.
 */
#define G_LOG_DOMAIN "slv-costing-session"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "slv-costing-session-private.h"

gboolean
slv_costing_session_check_editable (SlvCostingSession  *self,
                                    GError            **error)
{
  if (self->editable)
    return TRUE;
  g_set_error (error, SLV_COSTING_ERROR, SLV_COSTING_ERROR_FROZEN,
               _("The costing %s “%s” is frozen and cannot change. Copy it as a new scenario to "
                 "work on other figures."), self->input->style_code, self->input->scenario);
  return FALSE;
}

/* A written edit returns a submitted or approved costing to draft. */
static void
after_write (SlvCostingInput *copy)
{
  if (g_strcmp0 (copy->status, "submitted") == 0 || g_strcmp0 (copy->status, "approved") == 0)
    slv_costing_input_set (copy, "status", "draft", NULL);
}

/* The calculation with its method set to manual, the rest (a yarn price
 * chain) kept. */
static char *
manual_calc (const char *calc_json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) gen = NULL;
  JsonNode *root;

  if (!json_parser_load_from_data (parser, calc_json, -1, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  json_object_set_string_member (json_node_get_object (root), "method", "manual");
  gen = json_generator_new ();
  json_generator_set_root (gen, root);
  return json_generator_to_data (gen, NULL);
}

gboolean
slv_costing_session_edit_line (SlvCostingSession   *self,
                               SlvCostingLineKind   kind,
                               const char          *line_id,
                               const char          *field,
                               const char          *value,
                               GError             **error)
{
  g_autoptr(SlvCostingInput) copy = NULL;
  g_autofree char *calc = NULL;
  const char *fields[3] = { field, NULL, NULL };
  const char *values[3] = { value, NULL, NULL };
  int index;
  gboolean ok;

  g_return_val_if_fail (SLV_IS_COSTING_SESSION (self) && line_id != NULL && field != NULL, FALSE);

  if (!slv_costing_session_check_editable (self, error))
    return FALSE;
  index = kind == SLV_COSTING_LINE_PROCESS ? slv_costing_input_find_process (self->input, line_id)
                                           : slv_costing_input_find_bom (self->input, line_id);
  if (index < 0)
    {
      g_set_error (error, SLV_STORE_ERROR, SLV_STORE_ERROR_NOT_FOUND,
                   _("The costing has no line %s; it may have been removed."), line_id);
      return FALSE;
    }
  copy = slv_costing_input_copy (self->input);
  if (kind == SLV_COSTING_LINE_BOM && g_str_equal (field, "consumption") &&
      g_array_index (copy->bom, SlvBomInput, index).calc.method != SLV_CALC_MANUAL)
    {
      calc = manual_calc (g_array_index (copy->bom, SlvBomInput, index).calc_json);
      fields[1] = "calc";
      values[1] = calc;
    }
  for (guint i = 0; fields[i] != NULL; i++)
    {
      ok = kind == SLV_COSTING_LINE_PROCESS ? slv_costing_input_set_process (copy, index, fields[i], values[i], error)
                                            : slv_costing_input_set_bom (copy, index, fields[i], values[i], error);
      if (!ok)
        return FALSE;
    }
  if (!slv_costing_repo_set_line_fields (slv_costing_session_store (self), self->costing_id, kind, line_id,
                                         fields, values, error))
    return FALSE;
  after_write (copy);
  slv_costing_session_take_input (self, g_steal_pointer (&copy), FALSE);
  return TRUE;
}

gboolean
slv_costing_session_set_field (SlvCostingSession  *self,
                               const char         *field,
                               const char         *value,
                               GError            **error)
{
  g_autoptr(SlvCostingInput) copy = NULL;

  g_return_val_if_fail (SLV_IS_COSTING_SESSION (self) && field != NULL, FALSE);

  if (!slv_costing_session_check_editable (self, error))
    return FALSE;
  copy = slv_costing_input_copy (self->input);
  if (!slv_costing_input_set (copy, field, value, error) ||
      !slv_costing_repo_set_field (slv_costing_session_store (self), self->costing_id, field, value, error))
    return FALSE;
  after_write (copy);
  slv_costing_session_take_input (self, g_steal_pointer (&copy), FALSE);
  return TRUE;
}

gboolean
slv_costing_session_set_fx_set (SlvCostingSession  *self,
                                const char         *set_name,
                                GError            **error)
{
  SlvFxKind kind;

  g_return_val_if_fail (SLV_IS_COSTING_SESSION (self), FALSE);

  if (set_name == NULL || !slv_fx_table_get_set_kind (slv_cost_master_get_fx (self->master), set_name, &kind))
    {
      g_set_error (error, SLV_COSTING_ERROR, SLV_COSTING_ERROR_NOT_FOUND,
                   _("There is no exchange-rate set “%s”."), set_name ? set_name : "");
      return FALSE;
    }
  return slv_costing_session_set_field (self, "fx_set", set_name, error);
}

gboolean
slv_costing_session_set_destination (SlvCostingSession  *self,
                                     const char         *code,
                                     GError            **error)
{
  g_return_val_if_fail (SLV_IS_COSTING_SESSION (self), FALSE);

  if (slv_cost_master_get_destination (self->master, code) == NULL)
    {
      g_set_error (error, SLV_COSTING_ERROR, SLV_COSTING_ERROR_NOT_FOUND,
                   _("There is no destination “%s”."), code ? code : "");
      return FALSE;
    }
  return slv_costing_session_set_field (self, "destination", code, error);
}

gboolean
slv_costing_session_set_status (SlvCostingSession  *self,
                                const char         *status,
                                GError            **error)
{
  g_autoptr(SlvCostingInput) copy = NULL;

  g_return_val_if_fail (SLV_IS_COSTING_SESSION (self), FALSE);

  if (!slv_costing_repo_set_status (slv_costing_session_store (self), self->costing_id, status, error))
    return FALSE;
  copy = slv_costing_input_copy (self->input);
  slv_costing_input_set (copy, "status", status, NULL);
  slv_costing_session_take_input (self, g_steal_pointer (&copy), FALSE);
  return TRUE;
}

char *
slv_costing_session_add_line (SlvCostingSession   *self,
                              SlvCostingLineKind   kind,
                              const char          *material_or_process,
                              const char          *rate_id,
                              GError             **error)
{
  g_autofree char *id = NULL;

  g_return_val_if_fail (SLV_IS_COSTING_SESSION (self), NULL);

  if (!slv_costing_session_check_editable (self, error))
    return NULL;
  id = slv_costing_repo_add_line (slv_costing_session_store (self), self->costing_id, kind,
                                  material_or_process, rate_id, error);
  if (id == NULL || !slv_costing_session_reload (self, error))
    return NULL;
  return g_steal_pointer (&id);
}

gboolean
slv_costing_session_remove_line (SlvCostingSession   *self,
                                 SlvCostingLineKind   kind,
                                 const char          *line_id,
                                 GError             **error)
{
  g_autoptr(SlvCostingInput) copy = NULL;
  int index;

  g_return_val_if_fail (SLV_IS_COSTING_SESSION (self), FALSE);

  if (!slv_costing_session_check_editable (self, error) ||
      !slv_costing_repo_remove_line (slv_costing_session_store (self), self->costing_id, kind, line_id, error))
    return FALSE;
  copy = slv_costing_input_copy (self->input);
  index = kind == SLV_COSTING_LINE_PROCESS ? slv_costing_input_find_process (copy, line_id)
                                           : slv_costing_input_find_bom (copy, line_id);
  if (index >= 0 && kind == SLV_COSTING_LINE_PROCESS)
    slv_costing_input_remove_process (copy, index);
  else if (index >= 0)
    slv_costing_input_remove_bom (copy, index);
  after_write (copy);
  slv_costing_session_take_input (self, g_steal_pointer (&copy), TRUE);
  return TRUE;
}

char *
slv_costing_session_copy_scenario (SlvCostingSession  *self,
                                   const char         *name,
                                   GError            **error)
{
  g_return_val_if_fail (SLV_IS_COSTING_SESSION (self), NULL);
  return slv_costing_repo_copy (slv_costing_session_store (self), self->costing_id, name, error);
}

char *
slv_costing_session_explain (SlvCostingSession *self,
                             const char        *key)
{
  int index;

  g_return_val_if_fail (SLV_IS_COSTING_SESSION (self) && key != NULL, NULL);

  if (self->sheet == NULL || (index = slv_cost_sheet_find (self->sheet, key)) < 0)
    return NULL;
  return slv_cost_sheet_dup_explanation (self->sheet, index, -1);
}

gboolean
slv_costing_session_price_at (SlvCostingSession *self,
                              gint64             qty,
                              SlvTotal           total,
                              SlvDecimal        *out)
{
  g_autoptr(SlvCostingInput) copy = NULL;
  g_autoptr(SlvCostSheet) sheet = NULL;
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, qty);

  g_return_val_if_fail (SLV_IS_COSTING_SESSION (self) && out != NULL, FALSE);

  copy = slv_costing_input_copy (self->input);
  if (!slv_costing_input_set (copy, "order_qty", text, NULL))
    return FALSE;
  sheet = slv_costing_price (self->master, copy, NULL);
  return sheet != NULL && slv_cost_sheet_get_total (sheet, total, out);
}

GStrv
slv_costing_session_list_fx_sets (SlvCostingSession *self)
{
  g_return_val_if_fail (SLV_IS_COSTING_SESSION (self), NULL);
  return slv_fx_table_dup_set_names (slv_cost_master_get_fx (self->master));
}

GStrv
slv_costing_session_list_destinations (SlvCostingSession *self)
{
  g_return_val_if_fail (SLV_IS_COSTING_SESSION (self), NULL);
  return slv_cost_master_dup_destination_codes (self->master);
}

GStrv
slv_costing_session_list_scenarios (SlvCostingSession  *self,
                                    GError            **error)
{
  g_return_val_if_fail (SLV_IS_COSTING_SESSION (self), NULL);
  return slv_costing_repo_list_scenarios (slv_costing_session_store (self), self->costing_id, error);
}
