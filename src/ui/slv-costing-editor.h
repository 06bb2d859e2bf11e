/* slv-costing-editor.h: one costing, edited in place.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Binds to a SlvCostingSession: the BOM and process lines in column views
 * whose cells edit the session (materials and rates chosen from the master
 * with search), the totals with a "Why?" popover on every figure, the FOB
 * by cost group, the FOB by order quantity, the exchange-rate set,
 * destination and quantity, and the status moves. Totals are priced in
 * the frame that took the edit; the writes follow in the background. A
 * frozen costing shows why it refuses edits and offers to copy it.
 *
 * Actions (costing.*):
 *   edit-line ((suss)): "bom" or "process", line index, field
 *     (consumption, wastage_pct, placement, quantity, loss_pct…), value;
 *   set-field ((ss)): header field (order_qty, channel…), value;
 *   set-fx-set (s), set-destination (s), set-status (s);
 *   add-material (s): a material id; add-process ((ss)): process, rate id;
 *   set-material ((us)): BOM line, material id; set-rate ((us)): process
 *     line, rate id; remove-line ((su)): "bom" or "process", index;
 *   why (s): open the explanation of a figure ("fob", "retail",
 *     "bom.0.cost"…).
 */
#pragma once

#include <gtk/gtk.h>

#include "services/slv-costing-session.h"
#include "slv-why-popover.h"

G_BEGIN_DECLS

#define SLV_TYPE_COSTING_EDITOR (slv_costing_editor_get_type ())
G_DECLARE_FINAL_TYPE (SlvCostingEditor, slv_costing_editor, SLV, COSTING_EDITOR, GtkWidget)

GtkWidget         *slv_costing_editor_new           (void);
SlvCostingSession *slv_costing_editor_get_session   (SlvCostingEditor  *self);
void               slv_costing_editor_set_session   (SlvCostingEditor  *self,
                                                     SlvCostingSession *session);
/* The text the totals panel shows for total @key ("fob", "retail"…). */
const char        *slv_costing_editor_get_figure_text (SlvCostingEditor *self,
                                                       const char       *key);
/* Why the last edit was refused, or "" after one that worked. */
const char        *slv_costing_editor_get_message   (SlvCostingEditor  *self);
/* The banner of a frozen costing, or NULL when it is not shown. */
const char        *slv_costing_editor_get_banner    (SlvCostingEditor  *self);
/* The "Why?" popover shown last, or NULL. */
SlvWhyPopover     *slv_costing_editor_get_why       (SlvCostingEditor  *self);

G_END_DECLS
