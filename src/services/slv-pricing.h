/* slv-pricing.h: pricing costings from the workspace.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SlvPricing loads a brand's cost master once (until invalidated after an
 * edit of materials, rates, destinations, duty, exchange rates or margin
 * rules) and prices costings with it. It is safe to use from several
 * threads.
 */
#pragma once

#include "core/slv-costing.h"
#include "store/slv-store.h"

G_BEGIN_DECLS

#define SLV_TYPE_PRICING (slv_pricing_get_type ())
G_DECLARE_FINAL_TYPE (SlvPricing, slv_pricing, SLV, PRICING, GObject)

/* Called for each costing by slv_pricing_price_all(); @sheet is NULL and
 * @error set when the costing could not be priced. */
typedef void (*SlvPricingEachFunc) (SlvCostingInput *input,
                                    SlvCostSheet    *sheet,
                                    const GError    *error,
                                    gpointer         user_data);

SlvPricing    *slv_pricing_new            (SlvStore         *store);
SlvStore      *slv_pricing_get_store      (SlvPricing       *self);
/* The cost master of @brand_id (loaded on first use; a new reference). */
SlvCostMaster *slv_pricing_dup_master     (SlvPricing       *self,
                                           const char       *brand_id,
                                           GError          **error) G_GNUC_WARN_UNUSED_RESULT;
/* Forget the loaded cost masters (after master data changed). */
void           slv_pricing_invalidate     (SlvPricing       *self);

/* Prices @input; a costing without a date is priced on today's. */
SlvCostSheet  *slv_pricing_price_input    (SlvPricing       *self,
                                           SlvCostingInput  *input,
                                           GError          **error) G_GNUC_WARN_UNUSED_RESULT;
SlvCostSheet  *slv_pricing_price_costing  (SlvPricing       *self,
                                           const char       *costing_id,
                                           GError          **error) G_GNUC_WARN_UNUSED_RESULT;
/* @scenario NULL means "Base". */
SlvCostSheet  *slv_pricing_price_style    (SlvPricing       *self,
                                           const char       *style_code,
                                           const char       *scenario,
                                           GError          **error) G_GNUC_WARN_UNUSED_RESULT;
/* Prices every costing of the workspace; returns FALSE only when the
 * workspace cannot be read. @n_failed counts costings not priced
 * (unreadable ones included). */
gboolean       slv_pricing_price_all      (SlvPricing       *self,
                                           SlvPricingEachFunc func,
                                           gpointer          user_data,
                                           guint            *n_priced,
                                           guint            *n_failed,
                                           GError          **error);
/* Today as YYYY-MM-DD, local time. */
char          *slv_pricing_today          (void) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
