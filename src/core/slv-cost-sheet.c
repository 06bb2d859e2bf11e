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
  g_free (self->figures);
  g_free (self->children);
  g_free (self->args);
  g_array_unref (self->quotes);
  g_free (self->line_costs);
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
  /* sized for the usual shapes, so pricing never grows them */
  self->cap_figures = lines * 8 + 64;
  self->figures = g_new (SlvFigure, self->cap_figures);
  self->cap_children = lines * 12 + 96;
  self->children = g_new (guint, self->cap_children);
  self->cap_args = lines * 24 + 96;
  self->args = g_new (SlvDecimal, self->cap_args);
  self->quotes = g_array_sized_new (FALSE, FALSE, sizeof (SlvFxQuote), 4);
  self->n_bom = input->bom->len;
  self->n_processes = input->processes->len;
  self->line_costs = g_new (int, MAX (lines, 1));
  for (guint i = 0; i < lines; i++)
    self->line_costs[i] = none;
  return self;
}

guint
slv_cost_sheet_add (SlvCostSheet    *self,
                    const SlvFigure *figure,
                    const guint     *children,
                    guint            n_children)
{
  guint index = slv_cost_sheet_push_figure (self);
  SlvFigure *f = &self->figures[index];

  *f = *figure;
  f->first_child = slv_cost_sheet_push_children (self, children, n_children);
  f->n_children = n_children;
  return index;
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
  self->line_costs[(process ? self->n_bom : 0) + line] = (int) index;
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

void
slv_cost_sheet_reserve (SlvCostSheet *self,
                        int           which,
                        guint         extra)
{
  switch (which)
    {
    case 0:
      self->cap_figures = MAX (self->cap_figures * 2, self->n_figures + extra);
      self->figures = g_renew (SlvFigure, self->figures, self->cap_figures);
      break;
    case 1:
      self->cap_children = MAX (self->cap_children * 2, self->n_children + extra);
      self->children = g_renew (guint, self->children, self->cap_children);
      break;
    default:
      self->cap_args = MAX (self->cap_args * 2, self->n_args + extra);
      self->args = g_renew (SlvDecimal, self->args, self->cap_args);
      break;
    }
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
  return self->n_figures;
}

const SlvFigure *
slv_cost_sheet_get_figure (SlvCostSheet *self,
                           guint         index)
{
  g_return_val_if_fail (SLV_IS_COST_SHEET (self), NULL);
  g_return_val_if_fail (index < self->n_figures, NULL);
  return &self->figures[index];
}

const guint *
slv_cost_sheet_get_children (SlvCostSheet *self,
                             guint         index,
                             guint        *n_children)
{
  const SlvFigure *f = slv_cost_sheet_get_figure (self, index);

  *n_children = f ? f->n_children : 0;
  return f && f->n_children ? &self->children[f->first_child] : NULL;
}

const SlvDecimal *
slv_cost_sheet_get_args (SlvCostSheet *self,
                         guint         index,
                         guint        *n_args)
{
  const SlvFigure *f = slv_cost_sheet_get_figure (self, index);

  *n_args = f ? f->n_args : 0;
  return f && f->n_args ? &self->args[f->first_arg] : NULL;
}

SlvDecimal
slv_cost_sheet_get_arg (SlvCostSheet *self,
                        guint         index,
                        guint         k)
{
  guint n;
  const SlvDecimal *args = slv_cost_sheet_get_args (self, index, &n);

  return k < n ? args[k] : SLV_DECIMAL_ZERO;
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
  *out = self->figures[i].value;
  return TRUE;
}

int
slv_cost_sheet_get_line_cost (SlvCostSheet *self,
                              gboolean      process,
                              guint         line)
{
  if (line >= (process ? self->n_processes : self->n_bom))
    return -1;
  return self->line_costs[(process ? self->n_bom : 0) + line];
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
  for (guint i = 0; i < self->n_figures; i++)
    {
      const SlvFigure *f = &self->figures[i];

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
  for (guint i = 0; i < self->n_figures; i++)
    {
      const SlvFigure *f = &self->figures[i];

      if (f->role == role && f->line == line && (line < 0 || !f->process == !process))
        return (int) i;
    }
  return -1;
}
