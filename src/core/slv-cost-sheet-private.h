/* slv-cost-sheet-private.h: building a sheet (the engine) and reading its
 * roles (keys, labels, exports).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "slv-cost-sheet.h"

G_BEGIN_DECLS

struct _SlvCostSheet
{
  GObject          parent_instance;
  SlvCostMaster   *master;
  SlvCostingInput *input;
  const char      *price_currency;
  GArray          *figures;      /* SlvFigure */
  GArray          *children;     /* guint */
  GArray          *quotes;       /* SlvFxQuote */
  int              totals[SLV_N_TOTALS];
  GArray          *bom_costs;    /* int */
  GArray          *process_costs;
  char            *landed_problem;
  char            *price_problem;
};

/* Figure @i without checks, for the engine's inner loop. */
static inline SlvFigure *
slv_cost_sheet_fig (SlvCostSheet *self,
                    guint         i)
{
  return &g_array_index (self->figures, SlvFigure, i);
}

SlvCostSheet *slv_cost_sheet_new              (SlvCostMaster     *master,
                                               SlvCostingInput   *input);
/* Appends @figure (its first_child/n_children are set here). */
guint         slv_cost_sheet_add              (SlvCostSheet      *self,
                                               const SlvFigure   *figure,
                                               const guint       *children,
                                               guint              n_children);
/* Index of @quote in the sheet (stored once), for SlvFigure.fx. */
int           slv_cost_sheet_add_quote        (SlvCostSheet      *self,
                                               const SlvFxQuote  *quote);
void          slv_cost_sheet_set_total        (SlvCostSheet      *self,
                                               SlvTotal           total,
                                               guint              index);
void          slv_cost_sheet_set_line_cost    (SlvCostSheet      *self,
                                               gboolean           process,
                                               guint              line,
                                               guint              index);
void          slv_cost_sheet_set_price_currency (SlvCostSheet    *self,
                                                 const char      *currency);
void          slv_cost_sheet_take_problem     (SlvCostSheet      *self,
                                               gboolean           landed,
                                               GError            *error);
/* The figure playing @role for line @line (-1 for none), or -1. */

G_END_DECLS
