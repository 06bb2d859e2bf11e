/* slv-cost-sheet-private.h: building a sheet (the engine) and reading its
 * roles (keys, labels, exports).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "slv-cost-sheet.h"

G_BEGIN_DECLS

/* Roles of figures inside a line; totals use their SlvTotal as role. */
typedef enum
{
  SLV_ROLE_CONSUMPTION = 100,
  SLV_ROLE_GROSS,
  SLV_ROLE_PRICE,
  SLV_ROLE_YARN,
  SLV_ROLE_KNITTING,
  SLV_ROLE_DYEING,
  SLV_ROLE_COST,
  SLV_ROLE_RATE,
  SLV_ROLE_EXTRA_COLOUR,
  SLV_ROLE_SCREEN,
  SLV_ROLE_DIGITISING,
  SLV_ROLE_BASE,
  SLV_ROLE_LABOUR,
  SLV_ROLE_CM_OVERHEAD,
  SLV_ROLE_CM_PROFIT,
  SLV_ROLE_COST_PLUS_COMMERCIAL,
  SLV_ROLE_CM_SUBTOTAL,
  SLV_ROLE_DIRECT,
  /* a margin-rule variable in the price currency: SLV_ROLE_VARIABLE + slot */
  SLV_ROLE_VARIABLE = 200,
} SlvFigureRole;

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
int           slv_cost_sheet_find_role        (SlvCostSheet      *self,
                                               int                line,
                                               gboolean           process,
                                               guint              role);
gboolean      slv_figure_is_process           (const SlvFigure   *figure);

G_END_DECLS
