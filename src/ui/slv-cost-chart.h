/* slv-cost-chart.h: a costing's FOB by cost group, as a donut.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Property: sheet (SlvCostSheet or NULL). Each cost group with a share of
 * FOB (fabric, trims, processing, decoration, making, other, overhead,
 * commercial cost, profit) is a segment, with a legend giving its amount
 * and share; FOB is written in the middle.
 */
#pragma once

#include <gtk/gtk.h>

#include "core/slv-cost-sheet.h"

G_BEGIN_DECLS

#define SLV_TYPE_COST_CHART (slv_cost_chart_get_type ())
G_DECLARE_FINAL_TYPE (SlvCostChart, slv_cost_chart, SLV, COST_CHART, GtkWidget)

GtkWidget    *slv_cost_chart_new            (void);
SlvCostSheet *slv_cost_chart_get_sheet      (SlvCostChart *self);
void          slv_cost_chart_set_sheet      (SlvCostChart *self,
                                             SlvCostSheet *sheet);
/* The segments drawn (groups with an amount above zero). */
guint         slv_cost_chart_get_n_segments (SlvCostChart *self);
/* The translated name of a cost group, as the legend shows it. */
const char   *slv_cost_group_title          (SlvCostGroup  group);
/* Its colour in charts, as "#rrggbb". */
const char   *slv_cost_group_colour         (SlvCostGroup  group);

G_END_DECLS
