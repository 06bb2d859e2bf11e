/* slv-style-page.h: a style with its costings and scenarios.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The style's header, a switcher between its scenarios, the costing
 * editor, and the scenarios compared side by side. Costings open in a
 * worker thread; when the cost master changes, the open costing is priced
 * again.
 *
 * Actions (style.*): back (Alt+Left); open (s): "STYLE-CODE" or
 * "STYLE-CODE/Scenario"; open-scenario (s); new-scenario (Ctrl+N: asks
 * for a name); copy-scenario (s): copy the open costing as that scenario
 * and open it; compare (s): scenario names separated by commas, "" for
 * all (up to four); toggle-compare (Ctrl+K); show-editor; export (s):
 * "xlsx", "pdf" or "csv", asking where (Ctrl+E: XLSX, Shift+Ctrl+E: PDF);
 * export-to (s): a path whose extension names the format.
 */
#pragma once

#include <adwaita.h>

#include "services/slv-pricing.h"
#include "slv-costing-editor.h"
#include "slv-scenario-compare.h"

G_BEGIN_DECLS

#define SLV_TYPE_STYLE_PAGE (slv_style_page_get_type ())
G_DECLARE_FINAL_TYPE (SlvStylePage, slv_style_page, SLV, STYLE_PAGE, GtkWidget)

void                slv_style_page_set_pricing (SlvStylePage *self,
                                                SlvPricing   *pricing);
/* Opens "STYLE-CODE" (its Base costing) or "STYLE-CODE/Scenario". */
void                slv_style_page_open        (SlvStylePage *self,
                                                const char   *code);
/* Compares the scenarios of "STYLE-CODE" (all, up to four) or of
 * "STYLE-CODE/Base,Other factory", opening the style first if needed. */
void                slv_style_page_compare     (SlvStylePage *self,
                                                const char   *code);
/* "loading", "editor", "compare" or "error". */
const char         *slv_style_page_get_view    (SlvStylePage *self);
const char         *slv_style_page_get_message (SlvStylePage *self);
/* TRUE while copies, exports or the open costing's writes run. */
gboolean            slv_style_page_get_busy    (SlvStylePage *self);
const char         *slv_style_page_get_title   (SlvStylePage *self);
SlvCostingSession  *slv_style_page_get_session (SlvStylePage *self);
SlvCostingEditor   *slv_style_page_get_editor  (SlvStylePage *self);
SlvScenarioCompare *slv_style_page_get_compare (SlvStylePage *self);

G_END_DECLS
