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
  /* plain growable arrays: appending is on the pricing hot path */
  SlvFigure       *figures;
  guint            n_figures, cap_figures;
  guint           *children;
  guint            n_children, cap_children;
  SlvDecimal      *args;
  guint            n_args, cap_args;
  GArray          *quotes;       /* SlvFxQuote */
  int              totals[SLV_N_TOTALS];
  int             *line_costs;   /* BOM lines, then process lines */
  guint            n_bom, n_processes;
  char            *landed_problem;
  char            *price_problem;
};

/* Makes room for @extra more items of figures (0), children (1) or
 * arguments (2). */
void          slv_cost_sheet_reserve          (SlvCostSheet      *self,
                                               int                which,
                                               guint              extra);

/* Figure @i without checks, for the engine's inner loop. */
static inline SlvFigure *
slv_cost_sheet_fig (SlvCostSheet *self,
                    guint         i)
{
  return &self->figures[i];
}

/* A new figure at the end (uninitialised); its index. */
static inline guint
slv_cost_sheet_push_figure (SlvCostSheet *self)
{
  if (self->n_figures == self->cap_figures)
    slv_cost_sheet_reserve (self, 0, 1);
  return self->n_figures++;
}

/* Appends @n children; returns the index of the first. */
static inline guint
slv_cost_sheet_push_children (SlvCostSheet *self,
                              const guint  *children,
                              guint         n)
{
  guint first = self->n_children;

  if (self->n_children + n > self->cap_children)
    slv_cost_sheet_reserve (self, 1, n);
  for (guint i = 0; i < n; i++)
    self->children[first + i] = children[i];
  self->n_children += n;
  return first;
}

static inline guint
slv_cost_sheet_push_args (SlvCostSheet     *self,
                          const SlvDecimal *args,
                          guint             n)
{
  guint first = self->n_args;

  if (self->n_args + n > self->cap_args)
    slv_cost_sheet_reserve (self, 2, n);
  for (guint i = 0; i < n; i++)
    self->args[first + i] = args[i];
  self->n_args += n;
  return first;
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
