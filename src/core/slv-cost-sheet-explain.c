/* slv-cost-sheet-explain.c: keys, labels, formulas, sources and the
 * explanation tree of a cost sheet's figures, rendered on demand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-cost-sheet"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <string.h>

#include "slv-cost-sheet-private.h"

static const char * const role_keys[] = {
  "consumption", "gross", "price", "yarn", "knitting", "dyeing", "cost", "rate", "extra_colour",
  "screen", "digitising", "base", "labour", "cm_overhead", "cm_profit", "cost_plus_commercial",
  "cm_subtotal", "direct",
};

static const char *
role_key (guint role)
{
  if (role >= SLV_ROLE_CONSUMPTION && role - SLV_ROLE_CONSUMPTION < G_N_ELEMENTS (role_keys))
    return role_keys[role - SLV_ROLE_CONSUMPTION];
  return "figure";
}

char *
slv_cost_sheet_dup_key (SlvCostSheet *self,
                        guint         index)
{
  const SlvFigure *f = slv_cost_sheet_get_figure (self, index);
  guint n_vars;

  g_return_val_if_fail (f != NULL, NULL);
  if (f->line >= 0)
    return g_strdup_printf ("%s.%d.%s", f->process ? "process" : "bom", f->line, role_key (f->role));
  if (f->role < SLV_N_TOTALS)
    return g_strdup (slv_total_to_key (f->role));
  if (f->role >= SLV_ROLE_VARIABLE && f->role - SLV_ROLE_VARIABLE < SLV_RULE_N_VARS)
    return g_strdup_printf ("%s_price", slv_margin_rule_variables (&n_vars)[f->role - SLV_ROLE_VARIABLE].name);
  return g_strdup (role_key (f->role));
}

int
slv_cost_sheet_find (SlvCostSheet *self,
                     const char   *key)
{
  g_return_val_if_fail (SLV_IS_COST_SHEET (self) && key != NULL, -1);

  for (guint i = 0; i < slv_cost_sheet_get_n_figures (self); i++)
    {
      g_autofree char *k = slv_cost_sheet_dup_key (self, i);

      if (g_str_equal (k, key))
        return (int) i;
    }
  return -1;
}

/* -- numbers -- */

/* At most @places decimals, trailing zeros trimmed. */
static const char *
num (SlvDecimal v,
     guint      places,
     char       buf[SLV_DECIMAL_BUF_SIZE])
{
  char *end;

  slv_decimal_format_buf (v, places, SLV_ROUND_HALF_UP, buf);
  if (strchr (buf, '.') == NULL)
    return buf;
  end = buf + strlen (buf) - 1;
  while (*end == '0')
    *end-- = '\0';
  if (*end == '.')
    *end = '\0';
  return buf;
}

#define N6(v) num ((v), 6, (char[SLV_DECIMAL_BUF_SIZE]) { 0 })
#define N8(v) num ((v), 8, (char[SLV_DECIMAL_BUF_SIZE]) { 0 })

static guint
display_places (const SlvFigure *f)
{
  switch ((int) f->kind)
    {
    case SLV_FIG_CONSUMPTION_ENTERED: case SLV_FIG_CONSUMPTION_KNIT: case SLV_FIG_CONSUMPTION_WOVEN:
    case SLV_FIG_CONSUMPTION_DOZEN: case SLV_FIG_CONSUMPTION_PATTERN: case SLV_FIG_GROSS:
      return 8;
    case SLV_FIG_ROUND_CENTS: case SLV_FIG_RULE: case SLV_FIG_MARGIN_ACHIEVED: case SLV_FIG_MARKUP_ACHIEVED:
      return 2;
    case SLV_FIG_MATERIAL_PRICE: case SLV_FIG_PRICE_CHAIN: case SLV_FIG_BOM_COST: case SLV_FIG_RATE:
    case SLV_FIG_PROCESS_SIMPLE: case SLV_FIG_MAKING: case SLV_FIG_PRINT: case SLV_FIG_EMBROIDERY:
    case SLV_FIG_PROCESS_COST: case SLV_FIG_PCT_MARKUP: case SLV_FIG_PCT_MARGIN: case SLV_FIG_SUM:
    case SLV_FIG_AMOUNT: case SLV_FIG_INSURANCE: case SLV_FIG_CUSTOMS_VALUE: case SLV_FIG_DUTY:
    case SLV_FIG_IMPORT_VAT: case SLV_FIG_CONVERT: case SLV_FIG_NET_PRICE:
    default:
      return 6;
    }
}

char *
slv_cost_sheet_dup_value_text (SlvCostSheet *self,
                               guint         index)
{
  const SlvFigure *f = slv_cost_sheet_get_figure (self, index);

  g_return_val_if_fail (f != NULL, NULL);
  return slv_decimal_format (f->value, display_places (f), SLV_ROUND_HALF_UP);
}

/* -- labels -- */

static const char *
total_label (guint role)
{
  static const char * const labels[SLV_N_TOTALS] = {
    N_("Materials"), N_("Processes"), N_("Cost of making (CM)"), N_("Overhead"), N_("Production cost"),
    N_("Commercial cost"), N_("Profit"), N_("FOB"), N_("FOB, rounded to cents"), N_("Freight"),
    N_("Insurance"), N_("CIF"), N_("Customs value"), N_("Duty"), N_("Import VAT (recoverable)"),
    N_("Clearance"), N_("Landed cost"), N_("Landed cost in the price currency"), N_("Wholesale price"),
    N_("Retail price"), N_("Retail price before VAT"), N_("Margin achieved"), N_("Markup achieved"),
  };

  return role < SLV_N_TOTALS ? _(labels[role]) : NULL;
}

static char *
line_name (SlvCostSheet    *self,
           const SlvFigure *f)
{
  SlvCostingInput *in = slv_cost_sheet_get_input (self);

  if (f->process)
    {
      const SlvProcessInput *p = &g_array_index (in->processes, SlvProcessInput, f->line);
      const SlvRate *r = slv_cost_master_get_rate (slv_cost_sheet_get_master (self), p->rate_id);

      return r ? g_strdup_printf ("%s %s (%s)", p->process, r->key, r->supplier_name ? r->supplier_name : "—")
               : g_strdup (p->process);
    }
  else
    {
      const SlvBomInput *b = &g_array_index (in->bom, SlvBomInput, f->line);
      const SlvMaterialRec *m = slv_cost_master_get_material (slv_cost_sheet_get_master (self), b->material_id);

      return g_strdup_printf ("%s (%s %s)", b->placement ? b->placement : _("line"),
                              m ? m->code : "?", m ? m->name : "?");
    }
}

char *
slv_cost_sheet_dup_label (SlvCostSheet *self,
                          guint         index)
{
  static const char * const role_labels[] = {
    N_("consumption"), N_("gross consumption"), N_("unit price"), N_("yarn price"), N_("knitting rate"),
    N_("dyeing rate"), N_("cost"), N_("rate"), N_("extra-colour rate"), N_("screen charge"),
    N_("digitising"), N_("before loss and minimum"), N_("labour"), N_("factory overhead"),
    N_("factory profit"), N_("cost + commercial"), N_("labour + overhead"), N_("materials + processes"),
  };
  const SlvFigure *f = slv_cost_sheet_get_figure (self, index);
  const char *role = NULL;
  guint n_vars;

  g_return_val_if_fail (f != NULL, NULL);
  if (f->role >= SLV_ROLE_CONSUMPTION && f->role - SLV_ROLE_CONSUMPTION < G_N_ELEMENTS (role_labels))
    role = _(role_labels[f->role - SLV_ROLE_CONSUMPTION]);
  if (f->line >= 0)
    {
      g_autofree char *name = line_name (self, f);

      return g_strdup_printf ("%s: %s", name, role);
    }
  if (f->role < SLV_N_TOTALS)
    return g_strdup (total_label (f->role));
  if (f->role >= SLV_ROLE_VARIABLE && f->role - SLV_ROLE_VARIABLE < SLV_RULE_N_VARS)
    return g_strdup_printf (_("“%s” for the margin rule"),
                            slv_margin_rule_variables (&n_vars)[f->role - SLV_ROLE_VARIABLE].name);
  return g_strdup (role ? role : "?");
}

/* -- formulas -- */

static void
append_children_sum (GString      *s,
                     SlvCostSheet *self,
                     guint         index)
{
  guint n;
  const guint *kids = slv_cost_sheet_get_children (self, index, &n);

  if (n == 0)
    g_string_append (s, _("nothing"));
  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "%s%s", i ? " + " : "", N6 (slv_cost_sheet_get_figure (self, kids[i])->value));
}

static void
append_fx (GString         *s,
           SlvCostSheet    *self,
           const SlvFigure *f)
{
  const SlvFxQuote *q = slv_cost_sheet_get_quote (self, f->fx);

  for (guint i = 0; q != NULL && i < q->n_legs; i++)
    g_string_append_printf (s, " %s %s", q->legs[i].inverse ? "÷" : "×", N8 (q->legs[i].rate->rate));
}

/* The operands of @index, zeros past the end. */
static void
get_args (SlvCostSheet *self,
          guint         index,
          SlvDecimal    a[SLV_FIGURE_MAX_ARGS])
{
  guint n;
  const SlvDecimal *args = slv_cost_sheet_get_args (self, index, &n);

  for (guint k = 0; k < SLV_FIGURE_MAX_ARGS; k++)
    a[k] = k < n ? args[k] : SLV_DECIMAL_ZERO;
}

/* net m² ÷ efficiency, then to the line's unit at the fabric's width or GSM */
static void
format_pattern (GString          *s,
                SlvCostSheet     *self,
                const SlvFigure  *f,
                const SlvDecimal *a)
{
  const SlvBomInput *b = &g_array_index (slv_cost_sheet_get_input (self)->bom, SlvBomInput, f->line);
  const SlvBomCalc *k = &b->calc;

  g_string_append_printf (s, _("CLO pattern: %s pieces cut, %s m² ÷ %s %% marker efficiency"),
                          N6 (a[3]), N6 (a[1]), N6 (a[2]));
  if (g_ascii_strcasecmp (f->unit, "KG") == 0 && slv_decimal_sign (k->pattern_gsm) > 0)
    g_string_append_printf (s, _(" × %s g/m² ÷ 1000"), N6 (k->pattern_gsm));
  else if ((g_ascii_strcasecmp (f->unit, "M") == 0 || g_ascii_strcasecmp (f->unit, "YD") == 0) &&
           slv_decimal_sign (k->pattern_width_cm) > 0)
    g_string_append_printf (s, _(" ÷ %s cm usable width × 100%s"), N6 (k->pattern_width_cm),
                            g_ascii_strcasecmp (f->unit, "YD") == 0 ? " ÷ 0.9144" : "");
}

static void
format_line_formula (GString         *s,
                     SlvCostSheet    *self,
                     guint            index,
                     const SlvFigure *f)
{
  SlvDecimal a[SLV_FIGURE_MAX_ARGS];

  get_args (self, index, a);

  switch ((int) f->kind)
    {
    case SLV_FIG_CONSUMPTION_ENTERED:
      g_string_append_printf (s, _("entered: %s %s per piece"), N8 (a[0]), f->unit);
      break;
    case SLV_FIG_CONSUMPTION_KNIT:
      g_string_append_printf (s, "(%s + %s + %s + %s) × (%s + %s) × 2 × %s g/m²", N6 (a[0]), N6 (a[1]),
                              N6 (a[2]), N6 (a[3]), N6 (a[4]), N6 (a[5]), N6 (a[6]));
      if (slv_decimal_cmp (a[7], slv_decimal_from_int (1)) != 0)
        g_string_append_printf (s, " × %s cm²/in²", N6 (a[7]));
      g_string_append (s, " ÷ 10,000,000");
      break;
    case SLV_FIG_CONSUMPTION_WOVEN:
      g_string_append_printf (s, _("%s (parts) ÷ (%s usable width × %s) ÷ %s %% marker efficiency"),
                              N6 (a[0]), N6 (a[1]), N6 (a[2]), N6 (a[3]));
      break;
    case SLV_FIG_CONSUMPTION_DOZEN:
      g_string_append_printf (s, _("%s g per dozen ÷ 12 ÷ 1000"), N6 (a[0]));
      break;
    case SLV_FIG_CONSUMPTION_PATTERN:
      format_pattern (s, self, f, a);
      break;
    case SLV_FIG_GROSS:
      g_string_append_printf (s, "%s × (1 + %s %%)", N8 (a[0]), N6 (a[1]));
      break;
    case SLV_FIG_MATERIAL_PRICE:
      g_string_append_printf (s, _("%s ÷ %s (price unit)"), N8 (a[0]), N6 (a[1]));
      append_fx (s, self, f);
      break;
    case SLV_FIG_PRICE_CHAIN:
      g_string_append_printf (s, "(1 + %s %%) × ((1 + %s %%) × %s + %s) + %s + %s", N6 (a[3]), N6 (a[1]),
                              N6 (a[0]), N6 (a[2]), N6 (a[4]), N6 (a[5]));
      break;
    case SLV_FIG_BOM_COST:
      g_string_append_printf (s, "%s", N8 (a[0]));
      if (slv_decimal_cmp (a[1], slv_decimal_from_int (1)) != 0)
        g_string_append_printf (s, " × %s", N8 (a[1]));
      g_string_append_printf (s, " × %s", N6 (a[2]));
      append_fx (s, self, f);
      break;
    case SLV_FIG_RATE:
      g_string_append_printf (s, _("%s %s per %s %s"), N8 (a[0]), f->rate ? f->rate->currency : "",
                              N6 (a[1]), f->rate ? slv_rate_unit_to_string (f->rate->unit) : "");
      append_fx (s, self, f);
      break;
    case SLV_FIG_PROCESS_SIMPLE:
      g_string_append_printf (s, "%s × %s ÷ %s", N6 (a[0]), N8 (a[1]), N6 (a[2]));
      break;
    case SLV_FIG_MAKING:
      g_string_append_printf (s, _("SAM %s × %s per minute ÷ efficiency %s"), N6 (a[0]), N8 (a[1]), N6 (a[2]));
      break;
    case SLV_FIG_PRINT:
      g_string_append_printf (s, _("%s + (%s − 1) × %s + %s colours × %s locations × %s ÷ %s pieces"),
                              N6 (a[0]), N6 (a[2]), N6 (a[1]), N6 (a[2]), N6 (a[3]), N6 (a[4]), N6 (a[5]));
      break;
    case SLV_FIG_EMBROIDERY:
      g_string_append_printf (s, _("%s stitches ÷ 1000 × %s + %s digitising ÷ %s pieces"),
                              N6 (a[0]), N6 (a[1]), N6 (a[2]), N6 (a[3]));
      break;
    case SLV_FIG_PROCESS_COST:
      g_string_append_printf (s, "%s × (1 + %s %%)", N6 (a[0]), N6 (a[1]));
      if (!slv_decimal_is_zero (a[4]))
        g_string_append_printf (s, _(", raised to the minimum charge %s ÷ %s pieces"), N6 (a[2]), N6 (a[3]));
      append_fx (s, self, f);
      break;
    default:
      break;
    }
}

/* The rule's source on one line, comments left out. */
static char *
one_line (const char *source)
{
  GString *s = g_string_new (NULL);
  char quote = 0;

  for (const char *p = source; *p; p++)
    {
      if (quote == 0 && *p == '#')
        {
          while (p[1] != '\0' && p[1] != '\n')
            p++;
          continue;
        }
      if (quote != 0 && *p == '\\' && p[1] != '\0')
        {
          g_string_append_c (s, *p++);
          g_string_append_c (s, *p);
          continue;
        }
      if (*p == '"' || *p == '\'')
        quote = quote == 0 ? *p : quote == *p ? 0 : quote;
      if (g_ascii_isspace (*p))
        {
          if (s->len > 0 && s->str[s->len - 1] != ' ')
            g_string_append_c (s, ' ');
          continue;
        }
      g_string_append_c (s, *p);
    }
  if (s->len > 0 && s->str[s->len - 1] == ' ')
    g_string_truncate (s, s->len - 1);
  return g_string_free (s, FALSE);
}

static void
format_total_formula (GString         *s,
                      SlvCostSheet    *self,
                      guint            index,
                      const SlvFigure *f)
{
  SlvDecimal a[SLV_FIGURE_MAX_ARGS];
  const SlvDestination *dest;
  const SlvMarginRule *rule;

  get_args (self, index, a);
  switch ((int) f->kind)
    {
    case SLV_FIG_PCT_MARKUP:
      g_string_append_printf (s, "%s %% × %s", N6 (a[1]), N6 (a[0]));
      break;
    case SLV_FIG_PCT_MARGIN:
      g_string_append_printf (s, _("%s ÷ (1 − %s %%) − %s (a margin on the price)"), N6 (a[0]), N6 (a[1]), N6 (a[0]));
      break;
    case SLV_FIG_SUM:
      append_children_sum (s, self, index);
      break;
    case SLV_FIG_ROUND_CENTS:
      g_string_append_printf (s, _("%s rounded half-up to cents"), N6 (a[0]));
      break;
    case SLV_FIG_AMOUNT:
      g_string_append_printf (s, f->rate ? _("%s per piece from the cost master") : _("%s per piece, entered"), N6 (a[0]));
      append_fx (s, self, f);
      break;
    case SLV_FIG_INSURANCE:
      g_string_append_printf (s, "%s %% × (%s + %s)", N6 (a[2]), N6 (a[0]), N6 (a[1]));
      break;
    case SLV_FIG_CUSTOMS_VALUE:
      dest = f->source;
      g_string_append_printf (s, dest && dest->basis == SLV_CUSTOMS_FOB ? _("%s values goods on FOB")
                                                                       : _("%s values goods on CIF"),
                              dest ? dest->code : "?");
      break;
    case SLV_FIG_DUTY:
      g_string_append_printf (s, "%s %% × %s", N6 (a[1]), N6 (a[0]));
      break;
    case SLV_FIG_IMPORT_VAT:
      g_string_append_printf (s, _("%s %% × (%s + %s), recoverable, not in landed cost"), N6 (a[2]), N6 (a[0]), N6 (a[1]));
      break;
    case SLV_FIG_CONVERT:
      g_string_append_printf (s, "%s", N6 (a[0]));
      append_fx (s, self, f);
      break;
    case SLV_FIG_RULE:
      {
        g_autofree char *text = NULL;

        rule = f->source;
        text = rule && rule->expr ? one_line (slv_expr_get_source (rule->expr)) : g_strdup ("?");
        g_string_append_printf (s, "%s → %s", text, N6 (a[0]));
      }
      if (rule && rule->has_ending)
        g_string_append_printf (s, _(", then up to the price ending %s"), rule->ending_text);
      break;
    case SLV_FIG_NET_PRICE:
      g_string_append_printf (s, "%s ÷ (1 + %s %%)", N6 (a[0]), N6 (a[1]));
      break;
    case SLV_FIG_MARGIN_ACHIEVED:
      g_string_append_printf (s, "(%s − %s) ÷ %s", N6 (a[0]), N6 (a[1]), N6 (a[0]));
      break;
    case SLV_FIG_MARKUP_ACHIEVED:
      g_string_append_printf (s, "%s ÷ %s − 1", N6 (a[0]), N6 (a[1]));
      break;
    default:
      format_line_formula (s, self, index, f);
      break;
    }
}

char *
slv_cost_sheet_dup_formula (SlvCostSheet *self,
                            guint         index)
{
  const SlvFigure *f = slv_cost_sheet_get_figure (self, index);
  g_autofree char *value = NULL;
  GString *s;

  g_return_val_if_fail (f != NULL, NULL);
  s = g_string_new (NULL);
  format_total_formula (s, self, index, f);
  value = slv_cost_sheet_dup_value_text (self, index);
  g_string_append_printf (s, " = %s %s", value, f->unit ? f->unit : "");
  return g_string_free (s, FALSE);
}

/* -- sources -- */

static void
append_rate (GString       *s,
             const SlvRate *r)
{
  char rate[SLV_DECIMAL_BUF_SIZE], per[SLV_DECIMAL_BUF_SIZE], min[SLV_DECIMAL_BUF_SIZE];
  g_autofree char *amount = NULL;

  slv_decimal_to_buf (r->rate, rate);
  slv_decimal_to_buf (r->price_unit, per);
  if (r->unit == SLV_RATE_UNIT_PERCENT)
    amount = g_strdup_printf ("%s %%", rate);
  else
    amount = g_strdup_printf (_("%s %s per %s %s"), rate, r->currency, per, slv_rate_unit_to_string (r->unit));
  g_string_append_printf (s, _("cost-master rate %s: %s/%s from %s, %s, tier from %" PRId64
                               " pieces, valid %s to %s"),
                          r->id, r->process, r->key, r->supplier_name ? r->supplier_name : _("any supplier"),
                          amount, r->tier_min_qty,
                          *r->valid_from ? r->valid_from : _("always"), *r->valid_to ? r->valid_to : _("open end"));
  if (r->has_min_charge)
    g_string_append_printf (s, _(", minimum charge %s %s per order"), slv_decimal_to_buf (r->min_charge, min), r->currency);
}

char *
slv_cost_sheet_dup_source (SlvCostSheet *self,
                           guint         index)
{
  const SlvFigure *f = slv_cost_sheet_get_figure (self, index);
  const SlvFxQuote *q;
  GString *s;

  g_return_val_if_fail (f != NULL, NULL);
  s = g_string_new (NULL);
  if (f->rate != NULL)
    append_rate (s, f->rate);
  if (f->kind == SLV_FIG_DUTY && f->source != NULL)
    {
      const SlvDutyRate *d = f->source;

      g_string_append_printf (s, _("duty rate %s: HS %s… into %s, %s %%, valid %s to %s; source: %s"),
                              d->id ? d->id : "—", d->hs_prefix, d->destination, N6 (d->duty_pct),
                              *d->valid_from ? d->valid_from : _("always"), *d->valid_to ? d->valid_to : _("open end"),
                              d->source ? d->source : _("not given"));
    }
  else if (f->kind == SLV_FIG_RULE && f->source != NULL)
    {
      const SlvMarginRule *r = f->source;

      g_string_append_printf (s, _("margin rule %s “%s” (channel %s, priority %d)"),
                              r->id ? r->id : "—", r->name, r->channel, r->priority);
    }
  else if (f->kind == SLV_FIG_PRICE_CHAIN && f->source != NULL)
    {
      const SlvMaterialRec *m = f->source;

      g_string_append_printf (s, _("fabric %s %s, priced from its yarn and process rates (not from its "
                                   "master price)"), m->code, m->name);
    }
  else if (f->kind == SLV_FIG_MATERIAL_PRICE && f->source != NULL)
    {
      const SlvMaterialRec *m = f->source;

      g_string_append_printf (s, _("material %s %s (%s per %s %s)"), m->code, m->name,
                              m->has_price ? N8 (m->price) : "—", N6 (m->price_unit), m->unit);
    }
  else if (f->kind == SLV_FIG_CONSUMPTION_PATTERN)
    {
      const SlvBomCalc *k = &g_array_index (slv_cost_sheet_get_input (self)->bom, SlvBomInput, f->line).calc;

      g_string_append_printf (s, k->pattern_efficiency_given
                              ? _("CLO import of “%s”, fabric %s, size %s; marker efficiency given by the user")
                              : _("CLO import of “%s”, fabric %s, size %s; marker efficiency from the nesting estimate"),
                              k->pattern_source ? k->pattern_source : "?", k->pattern_fabric ? k->pattern_fabric : "?",
                              k->pattern_size ? k->pattern_size : "?");
    }
  if ((q = slv_cost_sheet_get_quote (self, f->fx)) != NULL)
    {
      g_autofree char *fx = slv_fx_quote_describe (q);

      g_string_append_printf (s, "%s%s", s->len ? "; " : "", fx);
    }
  if (s->len == 0)
    {
      g_string_free (s, TRUE);
      return NULL;
    }
  return g_string_free (s, FALSE);
}

/* -- explanation tree -- */

static void
explain (GString      *s,
         SlvCostSheet *self,
         guint         index,
         int           depth,
         guint         indent,
         GHashTable   *seen)
{
  g_autofree char *label = slv_cost_sheet_dup_label (self, index);
  g_autofree char *formula = slv_cost_sheet_dup_formula (self, index);
  g_autofree char *source = slv_cost_sheet_dup_source (self, index);
  g_autofree char *key = slv_cost_sheet_dup_key (self, index);
  const guint *kids;
  guint n;

  g_string_append_printf (s, "%*s%s [%s] = %s\n", indent * 2, "", label, key, formula);
  if (source != NULL)
    g_string_append_printf (s, "%*s  ↳ %s\n", indent * 2, "", source);
  if (g_hash_table_contains (seen, GUINT_TO_POINTER (index + 1)))
    return;
  g_hash_table_add (seen, GUINT_TO_POINTER (index + 1));
  if (depth == 0)
    return;
  kids = slv_cost_sheet_get_children (self, index, &n);
  for (guint i = 0; i < n; i++)
    explain (s, self, kids[i], depth - 1, indent + 1, seen);
}

char *
slv_cost_sheet_dup_explanation (SlvCostSheet *self,
                                guint         index,
                                int           depth)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  GString *s = g_string_new (NULL);

  g_return_val_if_fail (index < slv_cost_sheet_get_n_figures (self), NULL);
  explain (s, self, index, depth < 0 ? G_MAXINT : depth, 0, seen);
  return g_string_free (s, FALSE);
}
