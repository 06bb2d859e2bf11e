/* slv-bom-line-item.h: one BOM line of a costing session, for list views.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Read-only string properties (edits go through SlvCostingSession):
 *   id, material-id, material-code, material-name, placement,
 *   consumption (as entered, per piece), calc-method (manual, knit, woven,
 *   per_dozen), unit, wastage-pct, net (the consumption used, computed when
 *   a calculation is set), gross (with wastage), unit-price, price-currency
 *   (the material's), cost (per piece, in the costing currency), group
 *   (fabric, trims); and "index" (guint, the line's place).
 * Empty strings stand for values the costing could not price.
 */
#pragma once

#include "core/slv-cost-sheet.h"

G_BEGIN_DECLS

#define SLV_TYPE_BOM_LINE_ITEM (slv_bom_line_item_get_type ())
G_DECLARE_FINAL_TYPE (SlvBomLineItem, slv_bom_line_item, SLV, BOM_LINE_ITEM, GObject)

SlvBomLineItem *slv_bom_line_item_new       (const char      *id);
const char     *slv_bom_line_item_get_id    (SlvBomLineItem  *self);
guint           slv_bom_line_item_get_index (SlvBomLineItem  *self);
/* The text of a property by name ("cost", "gross"…), or NULL. */
const char     *slv_bom_line_item_get_text  (SlvBomLineItem  *self,
                                             const char      *property);
/* Refreshes every property from line @index of @input and from @sheet
 * (NULL when the costing is not priced); notifies those that changed.
 * @figures holds the sheet's figure for each role of the line (or -1). */
void            slv_bom_line_item_sync      (SlvBomLineItem  *self,
                                             SlvCostingInput *input,
                                             SlvCostMaster   *master,
                                             SlvCostSheet    *sheet,
                                             guint            index,
                                             const int       *figures);

G_END_DECLS
