/* slv-cost-sheet-json.c: a cost sheet as JSON (for selvedge-cli and tools).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-cost-sheet"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "slv-cost-sheet-private.h"

static void
add_money (JsonBuilder  *b,
           SlvCostSheet *self,
           const char   *name,
           int           index)
{
  g_autofree char *exact = NULL;
  g_autofree char *shown = NULL;
  const SlvFigure *f;

  json_builder_set_member_name (b, name);
  if (index < 0)
    {
      json_builder_add_null_value (b);
      return;
    }
  f = slv_cost_sheet_get_figure (self, index);
  exact = slv_decimal_to_string (f->value);
  shown = slv_cost_sheet_dup_value_text (self, index);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "value");
  json_builder_add_string_value (b, shown);
  json_builder_set_member_name (b, "exact");
  json_builder_add_string_value (b, exact);
  json_builder_set_member_name (b, "currency");
  json_builder_add_string_value (b, f->unit);
  json_builder_end_object (b);
}

static void
add_string (JsonBuilder *b,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (b, name);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
add_lines (JsonBuilder  *b,
           SlvCostSheet *self)
{
  SlvCostingInput *in = slv_cost_sheet_get_input (self);

  json_builder_set_member_name (b, "lines");
  json_builder_begin_array (b);
  for (int process = 0; process < 2; process++)
    {
      guint n = process ? in->processes->len : in->bom->len;

      for (guint i = 0; i < n; i++)
        {
          int cost = slv_cost_sheet_get_line_cost (self, process, i);
          g_autofree char *label = cost >= 0 ? slv_cost_sheet_dup_label (self, cost) : NULL;

          json_builder_begin_object (b);
          add_string (b, "kind", process ? "process" : "bom");
          add_string (b, "id", process ? g_array_index (in->processes, SlvProcessInput, i).id
                                       : g_array_index (in->bom, SlvBomInput, i).id);
          add_string (b, "label", label);
          add_money (b, self, "cost", cost);
          json_builder_end_object (b);
        }
    }
  json_builder_end_array (b);
}

static void
add_figures (JsonBuilder  *b,
             SlvCostSheet *self)
{
  json_builder_set_member_name (b, "figures");
  json_builder_begin_array (b);
  for (guint i = 0; i < slv_cost_sheet_get_n_figures (self); i++)
    {
      g_autofree char *key = slv_cost_sheet_dup_key (self, i);
      g_autofree char *label = slv_cost_sheet_dup_label (self, i);
      g_autofree char *formula = slv_cost_sheet_dup_formula (self, i);
      g_autofree char *source = slv_cost_sheet_dup_source (self, i);
      g_autofree char *value = slv_decimal_to_string (slv_cost_sheet_get_figure (self, i)->value);
      guint n;
      const guint *kids = slv_cost_sheet_get_children (self, i, &n);

      json_builder_begin_object (b);
      add_string (b, "key", key);
      add_string (b, "label", label);
      add_string (b, "value", value);
      add_string (b, "unit", slv_cost_sheet_get_figure (self, i)->unit);
      add_string (b, "formula", formula);
      add_string (b, "source", source);
      json_builder_set_member_name (b, "children");
      json_builder_begin_array (b);
      for (guint k = 0; k < n; k++)
        {
          g_autofree char *child = slv_cost_sheet_dup_key (self, kids[k]);

          json_builder_add_string_value (b, child);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

JsonNode *
slv_cost_sheet_to_json (SlvCostSheet *self,
                        gboolean      explain)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  SlvCostingInput *in = slv_cost_sheet_get_input (self);

  json_builder_begin_object (b);
  add_string (b, "style", in->style_code);
  add_string (b, "scenario", in->scenario);
  add_string (b, "costing_id", in->id);
  add_string (b, "status", in->status);
  add_string (b, "destination", in->destination);
  add_string (b, "channel", in->channel);
  add_string (b, "fx_set", in->fx_set);
  add_string (b, "date", in->date);
  json_builder_set_member_name (b, "order_qty");
  json_builder_add_int_value (b, in->order_qty);
  add_money (b, self, "fob", slv_cost_sheet_get_total_index (self, SLV_TOTAL_FOB_ROUNDED));
  add_money (b, self, "landed", slv_cost_sheet_get_total_index (self, SLV_TOTAL_LANDED));
  add_money (b, self, "landed_price_currency", slv_cost_sheet_get_total_index (self, SLV_TOTAL_LANDED_PRICE_CCY));
  add_money (b, self, "wholesale", slv_cost_sheet_get_total_index (self, SLV_TOTAL_WHOLESALE));
  add_money (b, self, "retail", slv_cost_sheet_get_total_index (self, SLV_TOTAL_RETAIL));
  json_builder_set_member_name (b, "totals");
  json_builder_begin_object (b);
  for (guint t = 0; t < SLV_N_TOTALS; t++)
    {
      int index = slv_cost_sheet_get_total_index (self, t);

      if (index >= 0)
        add_money (b, self, slv_total_to_key (t), index);
    }
  json_builder_end_object (b);
  add_lines (b, self);
  json_builder_set_member_name (b, "problems");
  json_builder_begin_array (b);
  if (slv_cost_sheet_get_landed_problem (self) != NULL)
    json_builder_add_string_value (b, slv_cost_sheet_get_landed_problem (self));
  else if (slv_cost_sheet_get_price_problem (self) != NULL)
    json_builder_add_string_value (b, slv_cost_sheet_get_price_problem (self));
  json_builder_end_array (b);
  if (explain)
    add_figures (b, self);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}
