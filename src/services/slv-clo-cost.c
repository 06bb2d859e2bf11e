/* slv-clo-cost.c: the cost delta of a CLO plan, from the pricing engine.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prices the costing as it is and as the plan would leave it (the same
 * column values slv_clo_plan_apply() writes, set on a copy of the
 * costing), and gives FOB before and after, unrounded, in the costing's
 * currency. Nothing is written.
 */
#define G_LOG_DOMAIN "slv-clo-cost"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "slv-clo-plan.h"
#include "slv-pricing.h"
#include "store/slv-costing-repo.h"

static gboolean
apply_changes (SlvCostingInput  *input,
               GHashTable       *changes,
               GError          **error)
{
  GHashTableIter iter;
  gpointer id, fields;

  g_hash_table_iter_init (&iter, changes);
  while (g_hash_table_iter_next (&iter, &id, &fields))
    {
      int index = slv_costing_input_find_bom (input, id);
      GHashTableIter f;
      gpointer column, value;

      if (index < 0)
        index = (int) slv_costing_input_add_bom (input, id);
      g_hash_table_iter_init (&f, fields);
      while (g_hash_table_iter_next (&f, &column, &value))
        if (!slv_costing_input_set_bom (input, index, column, value, error))
          return FALSE;
    }
  return TRUE;
}

static char *
fob_text (SlvCostSheet  *sheet,
          GError       **error)
{
  SlvDecimal fob;

  if (!slv_cost_sheet_get_total (sheet, SLV_TOTAL_FOB, &fob))
    {
      g_set_error_literal (error, SLV_COSTING_ERROR, SLV_COSTING_ERROR_INVALID,
                           _("The costing has no FOB to compare."));
      return NULL;
    }
  return slv_decimal_to_string (fob);
}

gboolean
slv_clo_pricing_cost (SlvStore    *store,
                      const char  *costing_id,
                      GHashTable  *changes,
                      char       **out_currency,
                      char       **out_before,
                      char       **out_after,
                      gpointer     user_data,
                      GError     **error)
{
  g_autoptr(SlvPricing) pricing = slv_pricing_new (store);
  g_autoptr(SlvCostingInput) input = slv_costing_repo_load (store, costing_id, error);
  g_autoptr(SlvCostingInput) after = NULL;
  g_autoptr(SlvCostSheet) sheet_before = NULL;
  g_autoptr(SlvCostSheet) sheet_after = NULL;
  g_autofree char *before = NULL;

  if (input == NULL)
    return FALSE;
  /* Priced first: that also fixes the date of an undated costing, so
   * both are priced on the same day. */
  sheet_before = slv_pricing_price_input (pricing, input, error);
  if (sheet_before == NULL)
    {
      g_prefix_error (error, _("The costing cannot be priced as it is: "));
      return FALSE;
    }
  after = slv_costing_input_copy (input);
  if (!apply_changes (after, changes, error))
    return FALSE;
  sheet_after = slv_pricing_price_input (pricing, after, error);
  if (sheet_after == NULL)
    {
      g_prefix_error (error, _("The costing cannot be priced with the import: "));
      return FALSE;
    }
  before = fob_text (sheet_before, error);
  if (before == NULL || (*out_after = fob_text (sheet_after, error)) == NULL)
    return FALSE;
  *out_before = g_steal_pointer (&before);
  *out_currency = g_strdup (slv_cost_sheet_get_currency (sheet_before));
  return TRUE;
}
