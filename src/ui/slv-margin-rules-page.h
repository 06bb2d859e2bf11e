/* slv-margin-rules-page.h: the brand's margin rules by channel.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The margin rules of the workspace's brand, one per sales channel and
 * priority, each an expression in the margin-rule language with a price
 * ending. The expression is checked as it is typed: an error is
 * underlined where it is and its message (line, column, what is wrong)
 * shown beneath; only a valid rule can be saved (in a worker thread, one
 * transaction), and open costings are then priced with it.
 *
 * Actions (margin-rules.*): select (s): a rule id or channel;
 * set-expression (s), set-ending (s): as typing does; save (Ctrl+S);
 * revert.
 */
#pragma once

#include <adwaita.h>

#include "services/slv-pricing.h"

G_BEGIN_DECLS

#define SLV_TYPE_MARGIN_RULES_PAGE (slv_margin_rules_page_get_type ())
G_DECLARE_FINAL_TYPE (SlvMarginRulesPage, slv_margin_rules_page, SLV, MARGIN_RULES_PAGE, GtkWidget)

void        slv_margin_rules_page_set_pricing (SlvMarginRulesPage *self,
                                               SlvPricing         *pricing);
void        slv_margin_rules_page_reload      (SlvMarginRulesPage *self);
gboolean    slv_margin_rules_page_get_loading (SlvMarginRulesPage *self);
gboolean    slv_margin_rules_page_get_busy    (SlvMarginRulesPage *self);
/* The check's message ("" when the rule is valid). */
const char *slv_margin_rules_page_get_message (SlvMarginRulesPage *self);
const char *slv_margin_rules_page_get_rule_id (SlvMarginRulesPage *self);
char       *slv_margin_rules_page_dup_expression (SlvMarginRulesPage *self) G_GNUC_WARN_UNUSED_RESULT;
/* The text under the error underline, or NULL. */
char       *slv_margin_rules_page_dup_underlined (SlvMarginRulesPage *self) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
