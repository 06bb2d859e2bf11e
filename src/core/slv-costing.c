/* slv-costing.c: the engine's helpers and the roll-up from lines to prices.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-costing"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "slv-costing-private.h"

#define DEC(n) slv_decimal_from_int (n)

/* -- helpers -- */

gboolean
slv_costing_fail (SlvCostingCtx  *c,
                  GError        **error,
                  int             code,
                  const char     *format,
                  ...)
{
  g_autofree char *msg = NULL;
  g_autofree char *where = NULL;
  va_list args;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  if (c->context == 1)
    {
      const SlvBomInput *b = &g_array_index (c->input->bom, SlvBomInput, c->context_index);

      where = b->placement && *b->placement ? g_strdup_printf (_("BOM line %u (%s)"), c->context_index + 1, b->placement)
                                            : g_strdup_printf (_("BOM line %u"), c->context_index + 1);
    }
  else if (c->context == 2)
    {
      const SlvProcessInput *p = &g_array_index (c->input->processes, SlvProcessInput, c->context_index);

      where = g_strdup_printf (_("Process line %u (%s)"), c->context_index + 1, p->process ? p->process : "?");
    }
  else if (c->context == 3)
    where = g_strdup (slv_total_to_key (c->context_index));
  if (where != NULL)
    g_set_error (error, SLV_COSTING_ERROR, code, "%s: %s", where, msg);
  else
    g_set_error_literal (error, SLV_COSTING_ERROR, code, msg);
  return FALSE;
}

gboolean
slv_costing_overflow (SlvCostingCtx  *c,
                      GError        **error)
{
  return slv_costing_fail (c, error, SLV_COSTING_ERROR_OVERFLOW,
                           _("the figures grew too large to compute; check the quantities and rates."));
}

int
slv_costing_quote (SlvCostingCtx  *c,
                   const char     *from,
                   const char     *to,
                   GError        **error)
{
  g_autoptr(GError) local = NULL;
  SlvFxQuote quote;
  int fx;

  if (from == to)
    return -1;
  for (guint i = 0; i < c->n_memo; i++)
    if (c->memo[i].from == from && c->memo[i].to == to)
      return c->memo[i].fx;
  if (!slv_fx_table_quote_interned (slv_cost_master_get_fx (c->master), c->fx_set, from, to,
                                    c->date, &quote, &local))
    {
      slv_costing_fail (c, error, SLV_COSTING_ERROR_NOT_FOUND, "%s", local->message);
      return -2;
    }
  fx = slv_cost_sheet_add_quote (c->sheet, &quote);
  if (c->n_memo < G_N_ELEMENTS (c->memo))
    {
      c->memo[c->n_memo].from = from;
      c->memo[c->n_memo].to = to;
      c->memo[c->n_memo++].fx = fx;
    }
  return fx;
}

gboolean
slv_costing_convert (SlvCostingCtx *c,
                     int            fx,
                     SlvDecimal     amount,
                     SlvDecimal    *out)
{
  if (fx < 0)
    {
      *out = amount;
      return TRUE;
    }
  return slv_fx_quote_convert (slv_cost_sheet_get_quote (c->sheet, fx), amount, out);
}

const SlvRate *
slv_costing_rate_group (SlvCostingCtx       *c,
                        const SlvRateGroup  *group,
                        GError             **error)
{
  g_autoptr(GError) local = NULL;
  const SlvRate *rate = slv_rate_group_pick_day (group, c->day, c->date, c->qty, &local);

  if (rate == NULL)
    slv_costing_fail (c, error, SLV_COSTING_ERROR_NO_RATE, "%s", local->message);
  return rate;
}

const SlvRate *
slv_costing_rate_key (SlvCostingCtx  *c,
                      const char     *process,
                      const char     *key,
                      const char     *supplier,
                      GError        **error)
{
  g_autoptr(GError) local = NULL;
  const SlvRateGroup *group = slv_cost_master_find_rates (c->master, process, key, supplier, &local);

  if (group == NULL)
    {
      slv_costing_fail (c, error, SLV_COSTING_ERROR_NOT_FOUND, "%s", local->message);
      return NULL;
    }
  return slv_costing_rate_group (c, group, error);
}

const SlvRate *
slv_costing_rate_ref (SlvCostingCtx     *c,
                      const SlvRateRef  *ref,
                      const char        *default_supplier,
                      GError           **error)
{
  if (c->bound && ref->group != NULL)
    return slv_costing_rate_group (c, ref->group, error);
  return slv_costing_rate_key (c, ref->process, ref->key, ref->supplier ? ref->supplier : default_supplier,
                               error);
}

guint
slv_costing_figure (SlvCostingCtx    *c,
                    SlvFigureKind     kind,
                    int               line,
                    gboolean          process,
                    guint             role,
                    SlvDecimal        value,
                    const char       *unit,
                    const SlvDecimal *args,
                    guint             n_args,
                    const guint      *children,
                    guint             n_children)
{
  SlvCostSheet *sheet = c->sheet;
  guint index, first_arg, first_child;
  SlvFigure *f;

  /* @args may point into the figures: they are copied before the figure
   * is pushed (which may move the figures) */
  n_args = MIN (n_args, SLV_FIGURE_MAX_ARGS);
  first_arg = slv_cost_sheet_push_args (sheet, args, n_args);
  first_child = slv_cost_sheet_push_children (sheet, children, n_children);
  index = slv_cost_sheet_push_figure (sheet);
  f = slv_cost_sheet_fig (sheet, index);
  f->kind = kind;
  f->line = line;
  f->process = process;
  f->role = role;
  f->value = value;
  f->unit = unit;
  f->first_arg = first_arg;
  f->n_args = n_args;
  f->rate = NULL;
  f->source = NULL;
  f->fx = -1;
  f->group = SLV_COST_GROUP_NONE;
  f->first_child = first_child;
  f->n_children = n_children;
  return index;
}

SlvFigure *
slv_costing_last (SlvCostingCtx *c)
{
  return slv_cost_sheet_fig (c->sheet, c->sheet->n_figures - 1);
}

SlvDecimal
slv_costing_value (SlvCostingCtx *c,
                   guint          index)
{
  return slv_cost_sheet_fig (c->sheet, index)->value;
}

gboolean
slv_costing_rate_figure (SlvCostingCtx  *c,
                         const SlvRate  *rate,
                         int             line,
                         gboolean        process,
                         guint           role,
                         const char     *currency,
                         guint          *out,
                         GError        **error)
{
  SlvDecimal args[2] = { rate->rate, rate->price_unit }, v;
  int fx = -1;

  if (currency != NULL && (fx = slv_costing_quote (c, rate->currency, currency, error)) < -1)
    return FALSE;
  if (!slv_costing_convert (c, fx, rate->unit_rate, &v))
    return slv_costing_overflow (c, error);
  *out = slv_costing_figure (c, SLV_FIG_RATE, line, process, role, v, currency ? currency : rate->currency,
                             args, 2, NULL, 0);
  slv_costing_last (c)->rate = rate;
  slv_costing_last (c)->fx = fx;
  return TRUE;
}

static void
set_context (SlvCostingCtx *c,
             int            kind,
             guint          index)
{
  c->context = kind;
  c->context_index = index;
}

/* -- roll-up to FOB -- */

static guint
sum (SlvCostingCtx  *c,
     guint           role,
     const guint    *parts,
     guint           n,
     gboolean       *ok)
{
  SlvDecimal total = SLV_DECIMAL_ZERO;

  for (guint i = 0; i < n; i++)
    *ok = *ok && slv_decimal_add (total, slv_costing_value (c, parts[i]), &total);
  return slv_costing_figure (c, SLV_FIG_SUM, -1, FALSE, role, total, c->ccy, NULL, 0, parts, n);
}

static guint
total (SlvCostingCtx *c,
       SlvTotal       which,
       guint          index)
{
  slv_cost_sheet_set_total (c->sheet, which, index);
  return index;
}

/* overhead, commercial or profit: pct (entered or a percent rate) of base */
static gboolean
percentage (SlvCostingCtx     *c,
            SlvTotal           which,
            const SlvPctRule  *rule,
            const guint        bases[3],
            SlvCostGroup       group,
            GError           **error)
{
  const SlvRate *rate = NULL;
  SlvDecimal args[2], v, rest;
  guint base;

  set_context (c, 3, which);
  if (!rule->set)
    {
      args[0] = SLV_DECIMAL_ZERO, args[1] = SLV_DECIMAL_ZERO;
      total (c, which, slv_costing_figure (c, SLV_FIG_PCT_MARKUP, -1, FALSE, which, SLV_DECIMAL_ZERO,
                                           c->ccy, args, 2, NULL, 0));
      slv_costing_last (c)->group = group;
      return TRUE;
    }
  args[1] = rule->pct;
  if (rule->from_rate)
    {
      if ((rate = slv_costing_rate_ref (c, &rule->rate, NULL, error)) == NULL)
        return FALSE;
      if (rate->unit != SLV_RATE_UNIT_PERCENT)
        return slv_costing_fail (c, error, SLV_COSTING_ERROR_INVALID,
                                 _("the rate %s/%s is per %s, not a percentage."), rate->process, rate->key,
                                 slv_rate_unit_to_string (rate->unit));
      args[1] = rate->unit_rate;
    }
  base = bases[rule->base];
  args[0] = slv_costing_value (c, base);
  if (rule->kind == SLV_PCT_MARKUP)
    {
      if (!slv_decimal_percent_of (args[0], args[1], &v))
        return slv_costing_overflow (c, error);
    }
  else if (!slv_decimal_sub (DEC (100), args[1], &rest) || slv_decimal_sign (rest) <= 0)
    return slv_costing_fail (c, error, SLV_COSTING_ERROR_INVALID, _("a margin must be below 100 %%."));
  else if (!slv_decimal_mul (args[0], args[1], &v) || !slv_decimal_div (v, rest, SLV_ROUND_HALF_EVEN, &v))
    return slv_costing_overflow (c, error);
  total (c, which, slv_costing_figure (c, rule->kind == SLV_PCT_MARKUP ? SLV_FIG_PCT_MARKUP : SLV_FIG_PCT_MARGIN,
                                       -1, FALSE, which, v, c->ccy, args, 2, &base, 1));
  slv_costing_last (c)->rate = rate;
  slv_costing_last (c)->group = group;
  return TRUE;
}

typedef struct
{
  guint *items;
  guint  len;
} Costs;

static void
costs_add (Costs *costs,
           guint  index)
{
  costs->items[costs->len++] = index;
}

static gboolean
price_lines (SlvCostingCtx  *c,
             Costs          *bom_costs,
             Costs          *process_costs,
             Costs          *making_costs,
             GError        **error)
{
  for (guint i = 0; i < c->input->bom->len; i++)
    {
      guint cost;

      set_context (c, 1, i);
      if (!slv_costing_bom_line (c, i, &cost, error))
        return FALSE;
      slv_cost_sheet_set_line_cost (c->sheet, FALSE, i, cost);
      costs_add (bom_costs, cost);
    }
  for (guint i = 0; i < c->input->processes->len; i++)
    {
      const SlvProcessInput *p = &g_array_index (c->input->processes, SlvProcessInput, i);
      guint cost;

      set_context (c, 2, i);
      if (!slv_costing_process_line (c, i, &cost, error))
        return FALSE;
      slv_cost_sheet_set_line_cost (c->sheet, TRUE, i, cost);
      costs_add (process_costs, cost);
      if (p->kind == SLV_PROCESS_MAKING)
        costs_add (making_costs, cost);
    }
  return TRUE;
}

static gboolean
roll_up_fob (SlvCostingCtx  *c,
             guint          *fob_rounded,
             GError        **error)
{
  guint n_bom = c->input->bom->len, n_processes = c->input->processes->len;
  guint stack[3 * 64];
  g_autofree guint *heap = n_bom + 2 * n_processes > G_N_ELEMENTS (stack)
                           ? g_new (guint, n_bom + 2 * n_processes) : NULL;
  guint *space = heap ? heap : stack;
  Costs bom_costs = { space, 0 }, process_costs = { space + n_bom, 0 };
  Costs making_costs = { space + n_bom + n_processes, 0 };
  const SlvCostingParams *params = &c->input->params;
  guint bases[3], parts[3], cm, fob;
  gboolean ok = TRUE;
  SlvDecimal v;

  if (!price_lines (c, &bom_costs, &process_costs, &making_costs, error))
    return FALSE;
  set_context (c, 0, 0);
  parts[0] = total (c, SLV_TOTAL_MATERIALS, sum (c, SLV_TOTAL_MATERIALS, bom_costs.items, bom_costs.len, &ok));
  parts[1] = total (c, SLV_TOTAL_PROCESSES, sum (c, SLV_TOTAL_PROCESSES, process_costs.items,
                                                 process_costs.len, &ok));
  cm = total (c, SLV_TOTAL_CM, sum (c, SLV_TOTAL_CM, making_costs.items, making_costs.len, &ok));
  /* overhead: of CM or of materials + processes */
  bases[SLV_PCT_BASE_CM] = cm;
  bases[SLV_PCT_BASE_PRODUCTION] = sum (c, SLV_ROLE_DIRECT, parts, 2, &ok);
  if (!ok || !percentage (c, SLV_TOTAL_OVERHEAD, &params->overhead, bases, SLV_COST_GROUP_OVERHEAD, error))
    return ok ? FALSE : slv_costing_overflow (c, error);
  parts[2] = slv_cost_sheet_get_total_index (c->sheet, SLV_TOTAL_OVERHEAD);
  bases[SLV_PCT_BASE_PRODUCTION] = total (c, SLV_TOTAL_PRODUCTION, sum (c, SLV_TOTAL_PRODUCTION, parts, 3, &ok));
  if (!ok || !percentage (c, SLV_TOTAL_COMMERCIAL, &params->commercial, bases, SLV_COST_GROUP_COMMERCIAL, error))
    return ok ? FALSE : slv_costing_overflow (c, error);
  parts[0] = bases[SLV_PCT_BASE_PRODUCTION];
  parts[1] = slv_cost_sheet_get_total_index (c->sheet, SLV_TOTAL_COMMERCIAL);
  bases[SLV_PCT_BASE_COST_PLUS_COMMERCIAL] = sum (c, SLV_ROLE_COST_PLUS_COMMERCIAL, parts, 2, &ok);
  if (!ok || !percentage (c, SLV_TOTAL_PROFIT, &params->profit, bases, SLV_COST_GROUP_PROFIT, error))
    return ok ? FALSE : slv_costing_overflow (c, error);
  set_context (c, 0, 0);
  parts[2] = slv_cost_sheet_get_total_index (c->sheet, SLV_TOTAL_PROFIT);
  fob = total (c, SLV_TOTAL_FOB, sum (c, SLV_TOTAL_FOB, parts, 3, &ok));
  /* the declared rounding point: FOB to cents, half-up */
  if (!ok || !slv_decimal_round (slv_costing_value (c, fob), 2, SLV_ROUND_HALF_UP, &v))
    return slv_costing_overflow (c, error);
  *fob_rounded = total (c, SLV_TOTAL_FOB_ROUNDED,
                        slv_costing_figure (c, SLV_FIG_ROUND_CENTS, -1, FALSE, SLV_TOTAL_FOB_ROUNDED, v, c->ccy,
                                            &slv_costing_last (c)->value, 1, &fob, 1));
  return TRUE;
}

/* -- landed cost -- */

/* Freight or clearance per piece: entered (costing currency) or a rate. */
static gboolean
amount (SlvCostingCtx        *c,
        SlvTotal              which,
        const SlvAmountRule  *rule,
        guint                *out,
        GError              **error)
{
  const SlvRate *rate = NULL;
  SlvDecimal a = rule->amount, v;
  int fx = -1;

  set_context (c, 3, which);
  if (rule->set && rule->from_rate)
    {
      if ((rate = slv_costing_rate_ref (c, &rule->rate, NULL, error)) == NULL)
        return FALSE;
      a = rate->unit_rate;
      if (rate->unit == SLV_RATE_UNIT_DOZEN && !slv_decimal_div (a, DEC (12), SLV_ROUND_HALF_EVEN, &a))
        return slv_costing_overflow (c, error);
      if (rate->unit != SLV_RATE_UNIT_PIECE && rate->unit != SLV_RATE_UNIT_DOZEN)
        return slv_costing_fail (c, error, SLV_COSTING_ERROR_INVALID,
                                 _("the rate %s/%s is per %s; use a rate per piece or per dozen here."),
                                 rate->process, rate->key, slv_rate_unit_to_string (rate->unit));
      if ((fx = slv_costing_quote (c, rate->currency, c->ccy, error)) < -1)
        return FALSE;
    }
  if (!slv_costing_convert (c, fx, a, &v))
    return slv_costing_overflow (c, error);
  *out = total (c, which, slv_costing_figure (c, SLV_FIG_AMOUNT, -1, FALSE, which, v, c->ccy, &a, 1, NULL, 0));
  slv_costing_last (c)->rate = rate;
  slv_costing_last (c)->fx = fx;
  return TRUE;
}

static gboolean
landed (SlvCostingCtx         *c,
        guint                  fob,
        const SlvDestination **dest_out,
        const SlvDutyRate    **duty_out,
        GError               **error)
{
  const SlvCostingInput *in = c->input;
  const SlvDestination *dest = c->bound && in->bound_destination ? in->bound_destination
                              : slv_cost_master_get_destination (c->master, in->destination);
  const SlvDutyRate *duty;
  guint freight, insurance, cif, customs, duty_fig, clearance, parts[3];
  SlvDecimal args[3], v;
  gboolean ok = TRUE;
  int fx;

  set_context (c, 0, 0);
  if (dest == NULL)
    return slv_costing_fail (c, error, SLV_COSTING_ERROR_NOT_FOUND,
                             _("There is no destination “%s” in the workspace; add it with its currency, "
                               "customs basis and VAT."), in->destination ? in->destination : "");
  duty = c->bound && in->bound_duty ? in->bound_duty : slv_cost_master_find_duty (c->master, dest->code, in->hs_code, c->date);
  if (duty == NULL)
    return slv_costing_fail (c, error, SLV_COSTING_ERROR_NOT_FOUND,
                             _("No duty rate into %s is valid on %s for HS code %s; add one for its heading."),
                             dest->code, c->date, in->hs_code && *in->hs_code ? in->hs_code : _("(none: set the style’s HS code)"));
  if (!amount (c, SLV_TOTAL_FREIGHT, &in->params.freight, &freight, error))
    return FALSE;
  set_context (c, 0, 0);
  /* insurance = pct × (FOB + freight) */
  args[0] = slv_costing_value (c, fob), args[1] = slv_costing_value (c, freight), args[2] = in->params.insurance_pct;
  if (!slv_decimal_add (args[0], args[1], &v) || !slv_decimal_percent_of (v, args[2], &v))
    return slv_costing_overflow (c, error);
  parts[0] = fob, parts[1] = freight;
  insurance = total (c, SLV_TOTAL_INSURANCE,
                     slv_costing_figure (c, SLV_FIG_INSURANCE, -1, FALSE, SLV_TOTAL_INSURANCE, v, c->ccy, args, 3, parts, 2));
  parts[2] = insurance;
  cif = total (c, SLV_TOTAL_CIF, sum (c, SLV_TOTAL_CIF, parts, 3, &ok));
  /* customs value by destination: CIF (EU) or FOB (US) */
  parts[0] = dest->basis == SLV_CUSTOMS_CIF ? cif : fob;
  customs = total (c, SLV_TOTAL_CUSTOMS_VALUE,
                   slv_costing_figure (c, SLV_FIG_CUSTOMS_VALUE, -1, FALSE, SLV_TOTAL_CUSTOMS_VALUE,
                                       slv_costing_value (c, parts[0]), c->ccy, NULL, 0, parts, 1));
  slv_costing_last (c)->source = dest;
  args[0] = slv_costing_value (c, customs), args[1] = duty->duty_pct;
  if (!ok || !slv_decimal_percent_of (args[0], args[1], &v))
    return slv_costing_overflow (c, error);
  duty_fig = total (c, SLV_TOTAL_DUTY, slv_costing_figure (c, SLV_FIG_DUTY, -1, FALSE, SLV_TOTAL_DUTY, v, c->ccy,
                                                           args, 2, &customs, 1));
  slv_costing_last (c)->source = duty;
  /* import VAT on (CIF + duty): shown, recoverable, not in landed */
  args[0] = slv_costing_value (c, cif), args[1] = slv_costing_value (c, duty_fig), args[2] = dest->vat_pct;
  parts[0] = cif, parts[1] = duty_fig;
  if (!slv_decimal_add (args[0], args[1], &v) || !slv_decimal_percent_of (v, args[2], &v))
    return slv_costing_overflow (c, error);
  total (c, SLV_TOTAL_IMPORT_VAT, slv_costing_figure (c, SLV_FIG_IMPORT_VAT, -1, FALSE, SLV_TOTAL_IMPORT_VAT, v,
                                                      c->ccy, args, 3, parts, 2));
  if (!amount (c, SLV_TOTAL_CLEARANCE, &in->params.clearance, &clearance, error))
    return FALSE;
  set_context (c, 0, 0);
  parts[2] = clearance;
  parts[0] = total (c, SLV_TOTAL_LANDED, sum (c, SLV_TOTAL_LANDED, (guint[]) { cif, duty_fig, clearance }, 3, &ok));
  /* landed in the destination's currency */
  if ((fx = slv_costing_quote (c, c->ccy, dest->currency, error)) < -1)
    return FALSE;
  if (!ok || !slv_costing_convert (c, fx, slv_costing_value (c, parts[0]), &v))
    return slv_costing_overflow (c, error);
  total (c, SLV_TOTAL_LANDED_PRICE_CCY,
         slv_costing_figure (c, SLV_FIG_CONVERT, -1, FALSE, SLV_TOTAL_LANDED_PRICE_CCY, v, dest->currency,
                             &slv_cost_sheet_get_figure (c->sheet, parts[0])->value, 1, parts, 1));
  slv_costing_last (c)->fx = fx;
  slv_cost_sheet_set_price_currency (c->sheet, dest->currency);
  *dest_out = dest;
  *duty_out = duty;
  return TRUE;
}

/* -- prices from the margin rules -- */

static gboolean
rule_price (SlvCostingCtx        *c,
            SlvTotal              which,
            const SlvMarginRule  *rule,
            const SlvExprValue   *values,
            const guint          *var_figs,
            const char           *currency,
            guint                *out,
            GError              **error)
{
  g_autoptr(GError) local = NULL;
  guint kids[SLV_RULE_N_VARS], n = 0;
  SlvExprValue result;
  SlvDecimal v;

  if (rule->expr == NULL)
    return slv_costing_fail (c, error, SLV_COSTING_ERROR_RULE, "%s", rule->problem);
  if (!slv_expr_eval (rule->expr, values, SLV_RULE_N_VARS, &result, NULL, &local))
    return slv_costing_fail (c, error, SLV_COSTING_ERROR_RULE, _("Margin rule “%s”: %s"), rule->name,
                             local->message);
  v = result.number;
  if (rule->has_ending && !slv_price_ending_apply (&rule->ending, v, &v))
    return slv_costing_overflow (c, error);
  for (guint slot = 0; slot < SLV_RULE_N_VARS; slot++)
    if (var_figs[slot] != G_MAXUINT && slv_expr_uses_slot (rule->expr, slot))
      kids[n++] = var_figs[slot];
  *out = total (c, which, slv_costing_figure (c, SLV_FIG_RULE, -1, FALSE, which, v, currency,
                                              &result.number, 1, kids, n));
  slv_costing_last (c)->source = rule;
  return TRUE;
}

static gboolean
rule_values (SlvCostingCtx         *c,
             const SlvDestination  *dest,
             const SlvDutyRate     *duty,
             SlvExprValue          *values,
             guint                 *var_figs,
             GError               **error)
{
  static const SlvTotal money[] = { SLV_TOTAL_FOB_ROUNDED, SLV_TOTAL_FREIGHT, SLV_TOTAL_INSURANCE,
                                    SLV_TOTAL_CIF, SLV_TOTAL_DUTY, SLV_TOTAL_CLEARANCE };
  const SlvCostingInput *in = c->input;
  int fx = slv_costing_quote (c, c->ccy, dest->currency, error);

  if (fx < -1)
    return FALSE;
  for (guint slot = 0; slot < SLV_RULE_N_VARS; slot++)
    var_figs[slot] = G_MAXUINT;
  for (guint slot = 0; slot < G_N_ELEMENTS (money); slot++)
    {
      guint from = slv_cost_sheet_get_total_index (c->sheet, money[slot]);
      SlvDecimal v;

      if (!slv_costing_convert (c, fx, slv_costing_value (c, from), &v))
        return slv_costing_overflow (c, error);
      var_figs[slot] = slv_costing_figure (c, SLV_FIG_CONVERT, -1, FALSE, SLV_ROLE_VARIABLE + slot, v,
                                           dest->currency, &slv_cost_sheet_get_figure (c->sheet, from)->value, 1,
                                           &from, 1);
      slv_costing_last (c)->fx = fx;
      values[slot] = (SlvExprValue) { SLV_EXPR_NUMBER, v, NULL, FALSE };
    }
  var_figs[SLV_RULE_VAR_LANDED] = slv_cost_sheet_get_total_index (c->sheet, SLV_TOTAL_LANDED_PRICE_CCY);
  values[SLV_RULE_VAR_LANDED] = (SlvExprValue) { SLV_EXPR_NUMBER,
                                                 slv_costing_value (c, var_figs[SLV_RULE_VAR_LANDED]), NULL, FALSE };
  values[SLV_RULE_VAR_VAT].type = values[SLV_RULE_VAR_DUTY_RATE].type = SLV_EXPR_NUMBER;
  values[SLV_RULE_VAR_ORDER_QTY] = (SlvExprValue) { SLV_EXPR_NUMBER, c->qty_dec, NULL, FALSE };
  if (!slv_decimal_div (dest->vat_pct, DEC (100), SLV_ROUND_HALF_EVEN, &values[SLV_RULE_VAR_VAT].number) ||
      !slv_decimal_div (duty->duty_pct, DEC (100), SLV_ROUND_HALF_EVEN, &values[SLV_RULE_VAR_DUTY_RATE].number))
    return slv_costing_overflow (c, error);
  values[SLV_RULE_VAR_CATEGORY] = (SlvExprValue) { SLV_EXPR_STRING, SLV_DECIMAL_ZERO, in->category ? in->category : "", FALSE };
  values[SLV_RULE_VAR_CHANNEL] = (SlvExprValue) { SLV_EXPR_STRING, SLV_DECIMAL_ZERO, in->channel ? in->channel : "", FALSE };
  values[SLV_RULE_VAR_DESTINATION] = (SlvExprValue) { SLV_EXPR_STRING, SLV_DECIMAL_ZERO, dest->code, FALSE };
  values[SLV_RULE_VAR_CURRENCY] = (SlvExprValue) { SLV_EXPR_STRING, SLV_DECIMAL_ZERO, dest->currency, FALSE };
  values[SLV_RULE_VAR_STYLE] = (SlvExprValue) { SLV_EXPR_STRING, SLV_DECIMAL_ZERO, in->style_code ? in->style_code : "", FALSE };
  values[SLV_RULE_VAR_SCENARIO] = (SlvExprValue) { SLV_EXPR_STRING, SLV_DECIMAL_ZERO, in->scenario ? in->scenario : "", FALSE };
  return TRUE;
}

/* net = price ÷ (1 + VAT); margin = (net − landed) ÷ net; markup = net ÷ landed − 1 */
static gboolean
achieved (SlvCostingCtx         *c,
          const SlvDestination  *dest,
          guint                  retail,
          GError               **error)
{
  guint landed = slv_cost_sheet_get_total_index (c->sheet, SLV_TOTAL_LANDED_PRICE_CCY);
  SlvDecimal args[2] = { slv_costing_value (c, retail), dest->vat_pct }, v, net_v, land_v;
  guint net, parts[2];

  if (!slv_decimal_add_percent (DEC (1), args[1], &v) || !slv_decimal_div (args[0], v, SLV_ROUND_HALF_EVEN, &v))
    return slv_costing_overflow (c, error);
  net = total (c, SLV_TOTAL_RETAIL_NET, slv_costing_figure (c, SLV_FIG_NET_PRICE, -1, FALSE, SLV_TOTAL_RETAIL_NET,
                                                            v, dest->currency, args, 2, &retail, 1));
  net_v = v;
  land_v = slv_costing_value (c, landed);
  if (slv_decimal_sign (net_v) <= 0 || slv_decimal_sign (land_v) <= 0)
    return TRUE;
  parts[0] = net, parts[1] = landed;
  args[0] = net_v, args[1] = land_v;
  if (!slv_decimal_sub (net_v, land_v, &v) || !slv_decimal_mul (v, DEC (100), &v) ||
      !slv_decimal_div (v, net_v, SLV_ROUND_HALF_EVEN, &v))
    return slv_costing_overflow (c, error);
  total (c, SLV_TOTAL_MARGIN_PCT, slv_costing_figure (c, SLV_FIG_MARGIN_ACHIEVED, -1, FALSE, SLV_TOTAL_MARGIN_PCT,
                                                      v, g_intern_static_string ("%"), args, 2, parts, 2));
  if (!slv_decimal_div (net_v, land_v, SLV_ROUND_HALF_EVEN, &v) || !slv_decimal_sub (v, DEC (1), &v) ||
      !slv_decimal_mul (v, DEC (100), &v))
    return slv_costing_overflow (c, error);
  total (c, SLV_TOTAL_MARKUP_PCT, slv_costing_figure (c, SLV_FIG_MARKUP_ACHIEVED, -1, FALSE, SLV_TOTAL_MARKUP_PCT,
                                                      v, g_intern_static_string ("%"), args, 2, parts, 2));
  return TRUE;
}

static gboolean
prices (SlvCostingCtx         *c,
        const SlvDestination  *dest,
        const SlvDutyRate     *duty,
        GError               **error)
{
  const char *channel = c->input->channel ? c->input->channel : "retail";
  const SlvMarginRule *rule = c->bound ? c->input->bound_rule : slv_cost_master_find_rule (c->master, channel);
  const SlvMarginRule *wholesale = c->bound ? c->input->bound_wholesale
                                            : slv_cost_master_find_rule (c->master, "wholesale");
  SlvExprValue values[SLV_RULE_N_VARS];
  guint var_figs[SLV_RULE_N_VARS], retail, ws;

  set_context (c, 0, 0);
  if (!rule_values (c, dest, duty, values, var_figs, error))
    return FALSE;
  if (wholesale != NULL && wholesale != rule &&
      !rule_price (c, SLV_TOTAL_WHOLESALE, wholesale, values, var_figs, dest->currency, &ws, error))
    return FALSE;
  if (rule == NULL)
    return slv_costing_fail (c, error, SLV_COSTING_ERROR_RULE,
                             _("The brand has no margin rule for the “%s” channel; add one to price it."), channel);
  if (!rule_price (c, SLV_TOTAL_RETAIL, rule, values, var_figs, dest->currency, &retail, error))
    return FALSE;
  if (rule == wholesale)
    slv_cost_sheet_set_total (c->sheet, SLV_TOTAL_WHOLESALE, retail);
  return achieved (c, dest, retail, error);
}

SlvCostSheet *
slv_costing_price (SlvCostMaster    *master,
                   SlvCostingInput  *input,
                   GError          **error)
{
  g_autoptr(SlvCostSheet) sheet = NULL;
  SlvCostingCtx c = { 0 };
  const SlvDestination *dest = NULL;
  const SlvDutyRate *duty = NULL;
  GError *problem = NULL;
  guint fob = 0;

  g_return_val_if_fail (SLV_IS_COST_MASTER (master) && input != NULL, NULL);

  if (!slv_date_is_valid (input->date))
    {
      g_set_error (error, SLV_COSTING_ERROR, SLV_COSTING_ERROR_INVALID,
                   _("The costing has no valid date (“%s”); rates and exchange rates are chosen by it."),
                   input->date);
      return NULL;
    }
  /* the lines are read once, in order: ask for all their memory at once */
  for (int process = 0; process < 2; process++)
    {
      GArray *lines = process ? input->processes : input->bom;
      const char *bytes = lines->data;
      gsize size = (gsize) lines->len * g_array_get_element_size (lines);

      for (gsize at = 0; at < size; at += 64)
        __builtin_prefetch (bytes + at);
    }
  sheet = slv_cost_sheet_new (master, input);
  c.master = master;
  c.input = input;
  c.sheet = sheet;
  c.date = input->date;
  c.day = slv_date_to_day (input->date, 0);
  c.qty = input->order_qty;
  c.qty_dec = DEC (input->order_qty);
  c.ccy = input->currency;
  c.fx_set = input->fx_set_id;
  c.bound = input->bound_serial != 0 && input->bound_serial == slv_cost_master_get_serial (master);

  if (!roll_up_fob (&c, &fob, error))
    return NULL;
  if (!landed (&c, fob, &dest, &duty, &problem))
    slv_cost_sheet_take_problem (sheet, TRUE, problem);
  else if (!prices (&c, dest, duty, &problem))
    slv_cost_sheet_take_problem (sheet, FALSE, problem);
  return g_steal_pointer (&sheet);
}
