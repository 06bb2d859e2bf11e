/* slv-costing.h: the costing engine.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * slv_costing_price() is a pure function of a cost master and a costing:
 * no I/O, no clock (the costing carries its date), no floating point. It
 * follows DOMAIN.md §1:
 *
 *   BOM line    consumption (entered, or from knit measurements + GSM, woven
 *               parts + usable width, grams per dozen) × (1 + wastage)
 *               × unit price (the material's, or yarn → grey → finished with
 *               knitting and dyeing losses), converted to the costing currency
 *   process     quantity × rate (per piece, dozen, kg, metre, minute, order,
 *               carton…), or the process's own formula: making = SAM × cost
 *               per minute ÷ efficiency (+ the factory's overhead and
 *               profit); screen print = first colour + extra colours +
 *               screens × locations ÷ order quantity; embroidery = stitches ÷
 *               1000 × rate + digitising ÷ order quantity; then × (1 + loss),
 *               at least the rate's minimum charge ÷ order quantity, converted
 *   roll-up     production = materials + processes + overhead;
 *               FOB = production + commercial + profit, each percentage on
 *               its declared base as a markup or a margin;
 *               FOB is rounded half-up to cents (the declared rounding point);
 *               insurance = % × (FOB + freight); CIF = FOB + freight + insurance;
 *               duty = customs value (CIF or FOB, by destination) × duty % for
 *               the longest matching HS prefix; import VAT = (CIF + duty) ×
 *               VAT (recoverable, shown, not in landed);
 *               landed = CIF + duty + clearance, then in the destination's
 *               currency; wholesale and retail from the margin rules of the
 *               channel (the rule's price ending rounds up); net price,
 *               achieved margin and markup.
 *
 * Rates are taken from the cost master as valid on the costing date, in
 * the highest quantity tier the order reaches. Problems in lines or up to
 * FOB fail the call; a problem from landed cost on (a missing duty rate, a
 * broken margin rule) leaves FOB priced and is reported by the sheet.
 */
#pragma once

#include "slv-cost-sheet.h"

G_BEGIN_DECLS

SlvCostSheet *slv_costing_price      (SlvCostMaster    *master,
                                      SlvCostingInput  *input,
                                      GError          **error) G_GNUC_WARN_UNUSED_RESULT;
/* Resolves the costing's references (materials, rates, destination, duty,
 * margin rules) in @master once, so that pricing it again against the
 * same master looks nothing up by name. Optional: an unbound costing, or
 * one bound to another master, is resolved while it is priced. Any change
 * to the costing unbinds it; a bound costing must not be priced from two
 * threads while it is being bound. */
void          slv_costing_input_bind (SlvCostingInput  *input,
                                      SlvCostMaster    *master);

G_END_DECLS
