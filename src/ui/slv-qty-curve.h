/* slv-qty-curve.h: a costing's FOB against the order quantity.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Property: session (SlvCostingSession or NULL). The costing is priced
 * again (in memory) for order quantities from 100 pieces up, with a point
 * on each side of every quantity tier of the rates it uses, so the curve
 * shows the tiers' steps and the minimum charges and amortised screens
 * that weigh on small orders; the costing's own quantity is marked.
 */
#pragma once

#include <gtk/gtk.h>

#include "services/slv-costing-session.h"

G_BEGIN_DECLS

#define SLV_TYPE_QTY_CURVE (slv_qty_curve_get_type ())
G_DECLARE_FINAL_TYPE (SlvQtyCurve, slv_qty_curve, SLV, QTY_CURVE, GtkWidget)

GtkWidget         *slv_qty_curve_new         (void);
SlvCostingSession *slv_qty_curve_get_session (SlvQtyCurve       *self);
void               slv_qty_curve_set_session (SlvQtyCurve       *self,
                                              SlvCostingSession *session);
guint              slv_qty_curve_get_n_points (SlvQtyCurve      *self);
/* Point @i: quantity and FOB (unrounded, costing currency). */
gboolean           slv_qty_curve_get_point   (SlvQtyCurve       *self,
                                              guint              i,
                                              gint64            *qty,
                                              SlvDecimal        *fob);

G_END_DECLS
