/* slv-costing-private.h: the engine's working state, shared by the line
 * formulas (slv-costing-lines.c) and the roll-up (slv-costing.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "slv-costing.h"
#include "slv-cost-sheet-private.h"

G_BEGIN_DECLS

typedef struct
{
  SlvCostMaster    *master;
  SlvCostingInput  *input;
  SlvCostSheet     *sheet;
  const char       *date;
  guint32           day;          /* date as YYYYMMDD */
  gint64            qty;
  SlvDecimal        qty_dec;
  const char       *ccy;          /* costing currency, interned */
  const char       *fx_set;       /* interned */
  gboolean          bound;        /* input->bound_* are valid for master */
  int               context;      /* for messages: 0 none, 1 BOM line, 2 process line, 3 total */
  guint             context_index;
  struct { const char *from, *to; int fx; } memo[8];
  guint             n_memo;
} SlvCostingCtx;

/* Sets @error to "context: message". */
gboolean  slv_costing_fail      (SlvCostingCtx     *c,
                                 GError           **error,
                                 int                code,
                                 const char        *format,
                                 ...) G_GNUC_PRINTF (4, 5);
gboolean  slv_costing_overflow  (SlvCostingCtx     *c,
                                 GError           **error);
/* The sheet's quote index for @from → @to (-1 for the same currency),
 * or -2 with @error set. */
int       slv_costing_quote     (SlvCostingCtx     *c,
                                 const char        *from,
                                 const char        *to,
                                 GError           **error);
gboolean  slv_costing_convert   (SlvCostingCtx     *c,
                                 int                fx,
                                 SlvDecimal         amount,
                                 SlvDecimal        *out);
/* The rate of @ref valid on the date for the order (NULL supplier in the
 * reference: @default_supplier, then any single supplier). */
const SlvRate *slv_costing_rate_ref (SlvCostingCtx    *c,
                                     const SlvRateRef *ref,
                                     const char       *default_supplier,
                                     GError          **error);
const SlvRate *slv_costing_rate_group (SlvCostingCtx      *c,
                                       const SlvRateGroup *group,
                                       GError            **error);
const SlvRate *slv_costing_rate_key (SlvCostingCtx    *c,
                                     const char       *process,
                                     const char       *key,
                                     const char       *supplier,
                                     GError          **error);
/* Adds a figure; @args are copied. */
guint     slv_costing_figure    (SlvCostingCtx     *c,
                                 SlvFigureKind      kind,
                                 int                line,
                                 gboolean           process,
                                 guint              role,
                                 SlvDecimal         value,
                                 const char        *unit,
                                 const SlvDecimal  *args,
                                 guint              n_args,
                                 const guint       *children,
                                 guint              n_children);
SlvFigure *slv_costing_last     (SlvCostingCtx     *c);
SlvDecimal slv_costing_value    (SlvCostingCtx     *c,
                                 guint              index);
/* A SLV_FIG_RATE figure for @rate converted to @currency (NULL: keep). */
gboolean  slv_costing_rate_figure (SlvCostingCtx   *c,
                                   const SlvRate   *rate,
                                   int              line,
                                   gboolean         process,
                                   guint            role,
                                   const char      *currency,
                                   guint           *out,
                                   GError         **error);

gboolean  slv_costing_bom_line     (SlvCostingCtx  *c,
                                    guint           line,
                                    guint          *cost,
                                    GError        **error);
gboolean  slv_costing_process_line (SlvCostingCtx  *c,
                                    guint           line,
                                    guint          *cost,
                                    GError        **error);

G_END_DECLS
