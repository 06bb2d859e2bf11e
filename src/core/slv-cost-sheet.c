/* slv-cost-sheet.c: figure storage and access.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-cost-sheet"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "slv-cost-sheet-private.h"

G_DEFINE_FINAL_TYPE (SlvCostSheet, slv_cost_sheet, G_TYPE_OBJECT)

static const char * const group_names[SLV_COST_N_GROUPS] = {
  "none", "fabric", "trims", "processing", "decoration", "making", "other",
  "overhead", "commercial", "profit",
};

static const char * const total_keys[SLV_N_TOTALS] = {
  "materials", "processes", "cm", "overhead", "production", "commercial", "profit",
  "fob", "fob_rounded", "freight", "insurance", "cif", "customs_value", "duty",
  "import_vat", "clearance", "landed", "landed_price", "wholesale", "retail",
  "retail_net", "margin_pct", "markup_pct",
};

const char *
slv_cost_group_to_string (SlvCostGroup group)
{
  return group < SLV_COST_N_GROUPS ? group_names[group] : "none";
}

const char *
slv_total_to_key (SlvTotal total)
{
  return total < SLV_N_TOTALS ? total_keys[total] : NULL;
}

static void
slv_cost_sheet_finalize (GObject *object)
{
  SlvCostSheet *self = SLV_COST_SHEET (object);

  g_clear_object (&self->master);
  g_clear_pointer (&self->input, slv_costing_input_unref);
  g_array_unref (self->figures);
  g_array_unref (self->children);
  g_array_unref (self->quotes);
  g_array_unref (self->bom_costs);
  g_array_unref (self->process_costs);
  g_free (self->landed_problem);
  g_free (self->price_problem);
  G_OBJECT_CLASS (slv_cost_sheet_parent_class)->finalize (object);
}

static void
slv_cost_sheet_class_init (SlvCostSheetClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = slv_cost_sheet_finalize;
}

static void
slv_cost_sheet_init (SlvCostSheet *self)
{
  for (guint i = 0; i < SLV_N_TOTALS; i++)
    self->totals[i] = -1;
}

SlvCostSheet *
slv_cost_sheet_new (SlvCostMaster   *master,
                    SlvCostingInput *input)
{
  SlvCostSheet *self = g_object_new (SLV_TYPE_COST_SHEET, NULL);
  guint lines = input->bom->len + input->processes->len;
  int none = -1;

  self->master = g_object_ref (master);
  self->input = slv_costing_input_ref (input);
  self->price_currency = input->currency;
  self->figures = g_array_sized_new (FALSE, FALSE, sizeof (SlvFigure), lines * 6 + 48);
  self->children = g_array_sized_new (FALSE, FALSE, sizeof (guint), lines * 10 + 64);
  self->quotes = g_array_sized_new (FALSE, FALSE, sizeof (SlvFxQuote), 4);
  self->bom_costs = g_array_sized_new (FALSE, FALSE, sizeof (int), input->bom->len);
  self->process_costs = g_array_sized_new (FALSE, FALSE, sizeof (int), input->processes->len);
  for (guint i = 0; i < input->bom->len; i++)
    g_array_append_val (self->bom_costs, none);
  for (guint i = 0; i < input->processes->len; i++)
    g_array_append_val (self->process_costs, none);
  return self;
}

guint
slv_cost_sheet_add (SlvCostSheet    *self,
                    const SlvFigure *figure,
                    const guint     *children,
                    guint            n_children)
{
  SlvFigure f = *figure;

  f.first_child = self->children->len;
  f.n_children = n_children;
  if (n_children > 0)
    g_array_append_vals (self->children, children, n_children);
  g_array_append_val (self->figures, f);
  return self->figures->len - 1;
}

int
slv_cost_sheet_add_quote (SlvCostSheet     *self,
                          const SlvFxQuote *quote)
{
  for (guint i = 0; i < self->quotes->len; i++)
    if (memcmp (&g_array_index (self->quotes, SlvFxQuote, i), quote, sizeof *quote) == 0)
      return (int) i;
  g_array_append_val (self->quotes, *quote);
  return (int) self->quotes->len - 1;
}

void
slv_cost_sheet_set_total (SlvCostSheet *self,
                          SlvTotal      total,
                          guint         index)
{
  self->totals[total] = (int) index;
}

void
slv_cost_sheet_set_line_cost (SlvCostSheet *self,
                              gboolean      process,
                              guint         line,
                              guint         index)
{
  GArray *costs = process ? self->process_costs : self->bom_costs;

  g_array_index (costs, int, line) = (int) index;
}

void
slv_cost_sheet_set_price_currency (SlvCostSheet *self,
                                   const char   *currency)
{
  self->price_currency = currency;
}

void
slv_cost_sheet_take_problem (SlvCostSheet *self,
                             gboolean      landed,
                             GError       *error)
{
  char **slot = landed ? &self->landed_problem : &self->price_problem;

  g_free (*slot);
  *slot = g_strdup (error->message);
  g_error_free (error);
}

SlvCostingInput *
slv_cost_sheet_get_input (SlvCostSheet *self)
{
  g_return_val_if_fail (SLV_IS_COST_SHEET (self), NULL);
  return self->input;
}

SlvCostMaster *
slv_cost_sheet_get_master (SlvCostSheet *self)
{
  g_return_val_if_fail (SLV_IS_COST_SHEET (self), NULL);
  return self->master;
}

const char *
slv_cost_sheet_get_currency (SlvCostSheet *self)
{
  g_return_val_if_fail (SLV_IS_COST_SHEET (self), NULL);
  return self->input->currency;
}

const char *
slv_cost_sheet_get_price_currency (SlvCostSheet *self)
{
  g_return_val_if_fail (SLV_IS_COST_SHEET (self), NULL);
  return self->price_currency;
}

guint
slv_cost_sheet_get_n_figures (SlvCostSheet *self)
{
  g_return_val_if_fail (SLV_IS_COST_SHEET (self), 0);
  return self->figures->len;
}

const SlvFigure *
slv_cost_sheet_get_figure (SlvCostSheet *self,
                           guint         index)
{
  g_return_val_if_fail (SLV_IS_COST_SHEET (self), NULL);
  g_return_val_if_fail (index < self->figures->len, NULL);
  return &g_array_index (self->figures, SlvFigure, index);
}

const guint *
slv_cost_sheet_get_children (SlvCostSheet *self,
                             guint         index,
                             guint        *n_children)
{
  const SlvFigure *f = slv_cost_sheet_get_figure (self, index);

  *n_children = f ? f->n_children : 0;
  return f && f->n_children ? &g_array_index (self->children, guint, f->first_child) : NULL;
}

const SlvFxQuote *
slv_cost_sheet_get_quote (SlvCostSheet *self,
                          int           fx)
{
  if (fx < 0 || (guint) fx >= self->quotes->len)
    return NULL;
  return &g_array_index (self->quotes, SlvFxQuote, fx);
}

int
slv_cost_sheet_get_total_index (SlvCostSheet *self,
                                SlvTotal      total)
{
  g_return_val_if_fail (SLV_IS_COST_SHEET (self) && total < SLV_N_TOTALS, -1);
  return self->totals[total];
}

gboolean
slv_cost_sheet_get_total (SlvCostSheet *self,
                          SlvTotal      total,
                          SlvDecimal   *out)
{
  int i = slv_cost_sheet_get_total_index (self, total);

  if (i < 0)
    return FALSE;
  *out = g_array_index (self->figures, SlvFigure, i).value;
  return TRUE;
}

int
slv_cost_sheet_get_line_cost (SlvCostSheet *self,
                              gboolean      process,
                              guint         line)
{
  GArray *costs = process ? self->process_costs : self->bom_costs;

  return line < costs->len ? g_array_index (costs, int, line) : -1;
}

const char *
slv_cost_sheet_get_landed_problem (SlvCostSheet *self)
{
  return self->landed_problem;
}

const char *
slv_cost_sheet_get_price_problem (SlvCostSheet *self)
{
  return self->price_problem ? self->price_problem : self->landed_problem;
}

void
slv_cost_sheet_get_groups (SlvCostSheet *self,
                           SlvDecimal    groups[SLV_COST_N_GROUPS])
{
  for (guint g = 0; g < SLV_COST_N_GROUPS; g++)
    groups[g] = SLV_DECIMAL_ZERO;
  for (guint i = 0; i < self->figures->len; i++)
    {
      const SlvFigure *f = &g_array_index (self->figures, SlvFigure, i);

      if (f->group != SLV_COST_GROUP_NONE &&
          !slv_decimal_add (groups[f->group], f->value, &groups[f->group]))
        groups[f->group] = f->value;
    }
}

int
slv_cost_sheet_find_role (SlvCostSheet *self,
                          int           line,
                          gboolean      process,
                          guint         role)
{
  for (guint i = 0; i < self->figures->len; i++)
    {
      const SlvFigure *f = &g_array_index (self->figures, SlvFigure, i);

      if (f->role == role && f->line == line && (line < 0 || !f->process == !process))
        return (int) i;
    }
  return -1;
}
