/* slv-cost-master-page.h: the rates of the cost master, edited in place.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Actions:
 *   cost-master.filter-process (s), cost-master.filter-supplier (s): show
 *     one process's or supplier's rates ("" for all);
 *   cost-master.edit ((sss)): rate id, field (a column property such as
 *     "rate" or "valid-to", or the rate field), value — as typing into the
 *     cell does;
 *   cost-master.export: ask where and write the cost master as CSV
 *     (Shift+Ctrl+E); cost-master.export-to (s): write it to that path.
 */
#pragma once

#include "slv-list-page.h"
#include "services/slv-pricing.h"

G_BEGIN_DECLS

#define SLV_TYPE_COST_MASTER_PAGE (slv_cost_master_page_get_type ())
G_DECLARE_FINAL_TYPE (SlvCostMasterPage, slv_cost_master_page, SLV, COST_MASTER_PAGE, SlvListPage)

void        slv_cost_master_page_set_pricing (SlvCostMasterPage *self,
                                              SlvPricing        *pricing);
/* Why the last edit or export was refused, or "" after one that worked. */
const char *slv_cost_master_page_get_message (SlvCostMasterPage *self);
/* TRUE while edits or exports are being written. */
gboolean    slv_cost_master_page_get_busy    (SlvCostMasterPage *self);

G_END_DECLS
