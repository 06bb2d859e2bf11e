/* slv-process-line-item.h: one process line of a costing session.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Read-only string properties (edits go through SlvCostingSession):
 *   id, process, rate-id (as chosen), rate-key, supplier, quantity,
 *   loss-pct, params, unit-rate (of the rate applied: the tier and
 *   validity in force), rate-currency, rate-unit, tier (pieces from which
 *   the applied rate counts), applied-rate-id, cost (per piece, in the
 *   costing currency); "index" (guint) and "minimum-applied" (gboolean:
 *   the minimum charge raised the cost).
 */
#pragma once

#include "core/slv-cost-sheet.h"

G_BEGIN_DECLS

#define SLV_TYPE_PROCESS_LINE_ITEM (slv_process_line_item_get_type ())
G_DECLARE_FINAL_TYPE (SlvProcessLineItem, slv_process_line_item, SLV, PROCESS_LINE_ITEM, GObject)

SlvProcessLineItem *slv_process_line_item_new       (const char         *id);
const char         *slv_process_line_item_get_id    (SlvProcessLineItem *self);
guint               slv_process_line_item_get_index (SlvProcessLineItem *self);
gboolean            slv_process_line_item_get_minimum_applied (SlvProcessLineItem *self);
const char         *slv_process_line_item_get_text  (SlvProcessLineItem *self,
                                                     const char         *property);
/* As slv_bom_line_item_sync(). */
void                slv_process_line_item_sync      (SlvProcessLineItem *self,
                                                     SlvCostingInput    *input,
                                                     SlvCostMaster      *master,
                                                     SlvCostSheet       *sheet,
                                                     guint               index,
                                                     const int          *figures);

G_END_DECLS
