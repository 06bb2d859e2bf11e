/* slv-pricing.h: pricing costings from the workspace.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SlvPricing loads a brand's cost master once (until invalidated after an
 * edit of materials, rates, destinations, duty, exchange rates or margin
 * rules) and prices costings with it. It is safe to use from several
 * threads.
 *
 * Signals:
 *   changed (): master data changed (emitted on the main thread by
 *   slv_pricing_changed() and after the edits below); costings priced
 *   before are stale.
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
/* Invalidates and emits "changed" (main thread). */
void           slv_pricing_changed        (SlvPricing       *self);

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
/* -- editing the cost master (slv-pricing-edit.c) -- */

/* The processes a cost rate may belong to, NULL-terminated. */
const char * const *slv_pricing_rate_processes (void);
/* Sets field @field of cost rate @rate_id after validating the whole rate
 * as it would become (a clear message otherwise), in one transaction:
 * process, key, description, supplier (a supplier code or name; empty for
 * none), unit, rate, price_unit, currency, min_charge, tier_min_qty,
 * valid_from, valid_to. Empty values clear the optional fields. */
gboolean       slv_pricing_set_rate_field (SlvPricing       *self,
                                           const char       *rate_id,
                                           const char       *field,
                                           const char       *value,
                                           GError          **error);
/* The same in a worker thread; invalidates and emits "changed" before
 * @callback runs. */
void           slv_pricing_set_rate_field_async  (SlvPricing         *self,
                                                  const char         *rate_id,
                                                  const char         *field,
                                                  const char         *value,
                                                  GCancellable       *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer            user_data);
gboolean       slv_pricing_set_rate_field_finish (SlvPricing         *self,
                                                  GAsyncResult       *result,
                                                  GError            **error);
/* Checks a margin rule's expression (against the margin-rule variables)
 * and price ending; @where locates an expression error. */
gboolean       slv_pricing_check_margin_rule (const char       *expression,
                                              const char       *price_ending,
                                              SlvExprLocation  *where,
                                              GError          **error);
/* Replaces the expression and price ending of margin rule @rule_id once
 * they check, in one transaction. */
gboolean       slv_pricing_set_margin_rule (SlvPricing       *self,
                                            const char       *rule_id,
                                            const char       *expression,
                                            const char       *price_ending,
                                            GError          **error);
void           slv_pricing_set_margin_rule_async  (SlvPricing         *self,
                                                   const char         *rule_id,
                                                   const char         *expression,
                                                   const char         *price_ending,
                                                   GCancellable       *cancellable,
                                                   GAsyncReadyCallback callback,
                                                   gpointer            user_data);
gboolean       slv_pricing_set_margin_rule_finish (SlvPricing         *self,
                                                   GAsyncResult       *result,
                                                   GError            **error);
/* The cost master of the workspace's first brand, read in a worker thread
 * (a new reference from _finish). */
void           slv_pricing_load_master_async  (SlvPricing         *self,
                                               GCancellable       *cancellable,
                                               GAsyncReadyCallback callback,
                                               gpointer            user_data);
SlvCostMaster *slv_pricing_load_master_finish (SlvPricing         *self,
                                               GAsyncResult       *result,
                                               GError            **error) G_GNUC_WARN_UNUSED_RESULT;

/* -- exports in a worker thread (slv-pricing-export.c) -- */

/* "xlsx", "pdf" or "csv" from @path's extension, or NULL. */
const char    *slv_pricing_export_format_for_path (const char *path);
/* @sheet as XLSX (live formulas), PDF or CSV, by @path's extension. */
void           slv_pricing_export_sheet_async  (SlvPricing         *self,
                                                SlvCostSheet       *sheet,
                                                const char         *path,
                                                GCancellable       *cancellable,
                                                GAsyncReadyCallback callback,
                                                gpointer            user_data);
/* The cost master of the workspace's first brand as CSV, with each rate's
 * status today. */
void           slv_pricing_export_master_async (SlvPricing         *self,
                                                const char         *path,
                                                GCancellable       *cancellable,
                                                GAsyncReadyCallback callback,
                                                gpointer            user_data);
gboolean       slv_pricing_export_finish       (SlvPricing         *self,
                                                GAsyncResult       *result,
                                                GError            **error);

/* Today as YYYY-MM-DD, local time. */
char          *slv_pricing_today          (void) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
