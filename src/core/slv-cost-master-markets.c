/* slv-cost-master-markets.c: destinations, duty rates and margin rules.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-cost-master"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "slv-cost-master-private.h"

/* -- destinations and duty -- */

gboolean
slv_cost_master_add_destination (SlvCostMaster             *self,
                                 const SlvDestinationSpec  *spec,
                                 GError                   **error)
{
  g_autofree char *what = g_strdup_printf (_("Destination %s"), spec->code ? spec->code : "?");
  SlvDestination *d;
  SlvDecimal vat;
  SlvCustomsBasis basis;

  if (spec->code == NULL || spec->currency == NULL)
    return slv_cost_master_refuse (self, NULL, error, _("%s: a destination needs a code and a currency."), what);
  if (g_strcmp0 (spec->customs_basis, "cif") == 0)
    basis = SLV_CUSTOMS_CIF;
  else if (g_strcmp0 (spec->customs_basis, "fob") == 0)
    basis = SLV_CUSTOMS_FOB;
  else
    return slv_cost_master_refuse (self, NULL, error, _("%s: the customs basis must be “cif” or “fob”."), what);
  if (!slv_decimal_parse_or (spec->vat_pct, SLV_DECIMAL_ZERO, &vat, NULL) || slv_decimal_sign (vat) < 0)
    return slv_cost_master_refuse (self, NULL, error, _("%s: VAT must be a percentage of zero or more."), what);

  d = g_new0 (SlvDestination, 1);
  d->code = g_strdup (spec->code);
  d->name = g_strdup (spec->name ? spec->name : spec->code);
  d->currency = g_intern_string (spec->currency);
  d->basis = basis;
  d->vat_pct = vat;
  g_hash_table_replace (self->destinations, d->code, d);
  return TRUE;
}

const SlvDestination *
slv_cost_master_get_destination (SlvCostMaster *self,
                                 const char    *code)
{
  return code ? g_hash_table_lookup (self->destinations, code) : NULL;
}

static int
compare_strings (const void *a,
                 const void *b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

GStrv
slv_cost_master_dup_destination_codes (SlvCostMaster *self)
{
  g_autofree gpointer *keys = g_hash_table_get_keys_as_array (self->destinations, NULL);
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  GStrv codes;

  for (guint i = 0; keys[i] != NULL; i++)
    g_strv_builder_add (b, keys[i]);
  codes = g_strv_builder_end (b);
  qsort (codes, g_strv_length (codes), sizeof (char *), compare_strings);
  return codes;
}

static char *
hs_digits (const char *hs)
{
  GString *s = g_string_new (NULL);

  for (const char *p = hs ? hs : ""; *p; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (s, *p);
  return g_string_free (s, FALSE);
}

gboolean
slv_cost_master_add_duty (SlvCostMaster      *self,
                          const SlvDutySpec  *spec,
                          GError            **error)
{
  g_autofree char *what = g_strdup_printf (_("Duty rate %s into %s"), spec->hs_prefix ? spec->hs_prefix : "?",
                                           spec->destination ? spec->destination : "?");
  g_autofree char *digits = hs_digits (spec->hs_prefix);
  SlvDutyRate *d;
  SlvDecimal pct;

  if (spec->destination == NULL || *digits == '\0')
    return slv_cost_master_refuse (self, spec->id, error, _("%s: a duty rate needs a destination and an HS code prefix."), what);
  if (!slv_cost_master_number (self, spec->id, what, "duty_pct", spec->duty_pct, &pct, error))
    return FALSE;
  if (slv_decimal_sign (pct) < 0)
    return slv_cost_master_refuse (self, spec->id, error, _("%s: duty cannot be negative."), what);
  if (!slv_cost_master_dates_ok (self, spec->id, what, spec->valid_from, spec->valid_to, error))
    return FALSE;

  d = g_new0 (SlvDutyRate, 1);
  d->id = g_strdup (spec->id);
  d->destination = g_strdup (spec->destination);
  d->hs_prefix = g_steal_pointer (&digits);
  d->duty_pct = pct;
  slv_cost_master_copy_date (d->valid_from, spec->valid_from);
  slv_cost_master_copy_date (d->valid_to, spec->valid_to);
  d->source = g_strdup (spec->source);
  g_ptr_array_add (self->duties, d);
  return TRUE;
}

const SlvDutyRate *
slv_cost_master_find_duty (SlvCostMaster *self,
                           const char    *destination,
                           const char    *hs_code,
                           const char    *date)
{
  g_autofree char *digits = hs_digits (hs_code);
  const SlvDutyRate *best = NULL;

  if (*digits == '\0')
    return NULL;
  for (guint i = 0; i < self->duties->len; i++)
    {
      const SlvDutyRate *d = g_ptr_array_index (self->duties, i);

      if (g_strcmp0 (d->destination, destination) != 0 || !g_str_has_prefix (digits, d->hs_prefix) ||
          !slv_date_in_range (date, d->valid_from, d->valid_to))
        continue;
      if (best == NULL || strlen (d->hs_prefix) > strlen (best->hs_prefix) ||
          (strlen (d->hs_prefix) == strlen (best->hs_prefix) && strcmp (d->valid_from, best->valid_from) > 0))
        best = d;
    }
  return best;
}

/* -- margin rules -- */

static int
compare_rules (gconstpointer a,
               gconstpointer b)
{
  const SlvMarginRule *ra = *(SlvMarginRule * const *) a;
  const SlvMarginRule *rb = *(SlvMarginRule * const *) b;

  return rb->priority - ra->priority;
}

gboolean
slv_cost_master_add_margin_rule (SlvCostMaster            *self,
                                 const SlvMarginRuleSpec  *spec,
                                 GError                  **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(SlvExpr) expr = NULL;
  SlvMarginRule *rule = g_new0 (SlvMarginRule, 1);
  guint n_vars;
  const SlvExprVar *vars = slv_margin_rule_variables (&n_vars);

  rule->id = g_strdup (spec->id);
  rule->channel = g_strdup (spec->channel ? spec->channel : "retail");
  rule->name = g_strdup (spec->name ? spec->name : rule->channel);
  rule->priority = spec->priority;
  rule->ending_text = g_strdup (spec->price_ending);
  g_ptr_array_add (self->rules, rule);
  g_ptr_array_sort (self->rules, compare_rules);

  if (spec->price_ending != NULL && *spec->price_ending != '\0')
    {
      if (!slv_price_ending_parse (spec->price_ending, &rule->ending, &local))
        {
          rule->problem = g_strdup_printf (_("Margin rule “%s”: %s"), rule->name, local->message);
          g_set_error_literal (error, SLV_COSTING_ERROR, SLV_COSTING_ERROR_RULE, rule->problem);
          return FALSE;
        }
      rule->has_ending = TRUE;
    }
  expr = slv_expr_parse (spec->expression ? spec->expression : "", NULL, &local);
  if (expr == NULL ||
      !slv_expr_check (expr, vars, n_vars, SLV_EXPR_NUMBER, NULL, &local))
    {
      rule->problem = g_strdup_printf (_("Margin rule “%s”: %s"), rule->name, local->message);
      g_set_error_literal (error, SLV_COSTING_ERROR, SLV_COSTING_ERROR_RULE, rule->problem);
      return FALSE;
    }
  rule->expr = g_steal_pointer (&expr);
  return TRUE;
}

const SlvMarginRule *
slv_cost_master_find_rule (SlvCostMaster *self,
                           const char    *channel)
{
  for (guint i = 0; i < self->rules->len; i++)
    {
      const SlvMarginRule *r = g_ptr_array_index (self->rules, i);

      if (g_strcmp0 (r->channel, channel) == 0)
        return r;
    }
  return NULL;
}
