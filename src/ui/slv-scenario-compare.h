/* slv-scenario-compare.h: costings side by side.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two to four costings (the scenarios of a style: other supplier, other
 * fabric, other quantity…) in columns, the first being the base: their
 * settings, main fabric and factory, totals and cost groups. A cell that
 * differs from the base is highlighted, and figures show the difference,
 * coloured by whether it is better or worse.
 */
#pragma once

#include <gtk/gtk.h>

#include "services/slv-costing-session.h"

G_BEGIN_DECLS

#define SLV_TYPE_SCENARIO_COMPARE (slv_scenario_compare_get_type ())
G_DECLARE_FINAL_TYPE (SlvScenarioCompare, slv_scenario_compare, SLV, SCENARIO_COMPARE, GtkWidget)

GtkWidget  *slv_scenario_compare_new          (void);
/* @sessions: SlvCostingSession, the base first (at most four shown). */
void        slv_scenario_compare_set_sessions (SlvScenarioCompare *self,
                                               GPtrArray          *sessions);
guint       slv_scenario_compare_get_n_columns (SlvScenarioCompare *self);
/* The text of row @key ("fob", "retail", "fabric", "qty"…) in column
 * @column, or NULL. */
const char *slv_scenario_compare_get_text     (SlvScenarioCompare *self,
                                               const char         *key,
                                               guint               column);
/* TRUE when that cell differs from the base. */
gboolean    slv_scenario_compare_is_different (SlvScenarioCompare *self,
                                               const char         *key,
                                               guint               column);

G_END_DECLS
