/* slv-cost-rate.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "slv-entity.h"

G_BEGIN_DECLS

#define SLV_TYPE_COST_RATE (slv_cost_rate_get_type ())
G_DECLARE_FINAL_TYPE (SlvCostRate, slv_cost_rate, SLV, COST_RATE, SlvEntity)

const char * slv_cost_rate_get_process (SlvCostRate *self);
const char * slv_cost_rate_get_key (SlvCostRate *self);
const char * slv_cost_rate_get_description (SlvCostRate *self);
const char * slv_cost_rate_get_supplier_id (SlvCostRate *self);
const char * slv_cost_rate_get_supplier_name (SlvCostRate *self);
const char * slv_cost_rate_get_unit (SlvCostRate *self);
const char * slv_cost_rate_get_rate (SlvCostRate *self);
const char * slv_cost_rate_get_price_unit (SlvCostRate *self);   /* the rate is per price_unit units */
const char * slv_cost_rate_get_currency (SlvCostRate *self);
const char * slv_cost_rate_get_min_charge (SlvCostRate *self);
gint64       slv_cost_rate_get_tier_min_qty (SlvCostRate *self);
const char * slv_cost_rate_get_valid_from (SlvCostRate *self);
const char * slv_cost_rate_get_valid_to (SlvCostRate *self);

G_END_DECLS
