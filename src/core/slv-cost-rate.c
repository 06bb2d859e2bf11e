/* slv-cost-rate.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-cost-rate"

#include "config.h"

#include "slv-cost-rate.h"

struct _SlvCostRate
{
  SlvEntity  parent_instance;
  char     *process;
  char     *key;
  char     *description;
  char     *supplier_id;
  char     *supplier_name;
  char     *unit;
  char     *rate;
  char     *price_unit;
  char     *currency;
  char     *min_charge;
  gint64    tier_min_qty;
  char     *valid_from;
  char     *valid_to;
};

G_DEFINE_FINAL_TYPE (SlvCostRate, slv_cost_rate, SLV_TYPE_ENTITY)

static const SlvFieldSpec fields[] = {
  { "process", SLV_FIELD_STRING, G_STRUCT_OFFSET (SlvCostRate, process) },
  { "key", SLV_FIELD_STRING, G_STRUCT_OFFSET (SlvCostRate, key) },
  { "description", SLV_FIELD_STRING, G_STRUCT_OFFSET (SlvCostRate, description) },
  { "supplier-id", SLV_FIELD_STRING, G_STRUCT_OFFSET (SlvCostRate, supplier_id) },
  { "supplier-name", SLV_FIELD_STRING, G_STRUCT_OFFSET (SlvCostRate, supplier_name) },
  { "unit", SLV_FIELD_STRING, G_STRUCT_OFFSET (SlvCostRate, unit) },
  { "rate", SLV_FIELD_STRING, G_STRUCT_OFFSET (SlvCostRate, rate) },
  { "price-unit", SLV_FIELD_STRING, G_STRUCT_OFFSET (SlvCostRate, price_unit) },
  { "currency", SLV_FIELD_STRING, G_STRUCT_OFFSET (SlvCostRate, currency) },
  { "min-charge", SLV_FIELD_STRING, G_STRUCT_OFFSET (SlvCostRate, min_charge) },
  { "tier-min-qty", SLV_FIELD_INT, G_STRUCT_OFFSET (SlvCostRate, tier_min_qty) },
  { "valid-from", SLV_FIELD_STRING, G_STRUCT_OFFSET (SlvCostRate, valid_from) },
  { "valid-to", SLV_FIELD_STRING, G_STRUCT_OFFSET (SlvCostRate, valid_to) },
};

static void
slv_cost_rate_class_init (SlvCostRateClass *klass)
{
  slv_entity_class_install_fields (SLV_ENTITY_CLASS (klass), "cost_rate", fields, G_N_ELEMENTS (fields));
}

static void
slv_cost_rate_init (SlvCostRate *self)
{
}

const char *
slv_cost_rate_get_process (SlvCostRate *self)
{
  g_return_val_if_fail (SLV_IS_COST_RATE (self), NULL);
  return self->process;
}

const char *
slv_cost_rate_get_key (SlvCostRate *self)
{
  g_return_val_if_fail (SLV_IS_COST_RATE (self), NULL);
  return self->key;
}

const char *
slv_cost_rate_get_description (SlvCostRate *self)
{
  g_return_val_if_fail (SLV_IS_COST_RATE (self), NULL);
  return self->description;
}

const char *
slv_cost_rate_get_supplier_id (SlvCostRate *self)
{
  g_return_val_if_fail (SLV_IS_COST_RATE (self), NULL);
  return self->supplier_id;
}

const char *
slv_cost_rate_get_supplier_name (SlvCostRate *self)
{
  g_return_val_if_fail (SLV_IS_COST_RATE (self), NULL);
  return self->supplier_name;
}

const char *
slv_cost_rate_get_unit (SlvCostRate *self)
{
  g_return_val_if_fail (SLV_IS_COST_RATE (self), NULL);
  return self->unit;
}

const char *
slv_cost_rate_get_rate (SlvCostRate *self)
{
  g_return_val_if_fail (SLV_IS_COST_RATE (self), NULL);
  return self->rate;
}

const char *
slv_cost_rate_get_currency (SlvCostRate *self)
{
  g_return_val_if_fail (SLV_IS_COST_RATE (self), NULL);
  return self->currency;
}

const char *
slv_cost_rate_get_min_charge (SlvCostRate *self)
{
  g_return_val_if_fail (SLV_IS_COST_RATE (self), NULL);
  return self->min_charge;
}

gint64
slv_cost_rate_get_tier_min_qty (SlvCostRate *self)
{
  g_return_val_if_fail (SLV_IS_COST_RATE (self), 0);
  return self->tier_min_qty;
}

const char *
slv_cost_rate_get_valid_from (SlvCostRate *self)
{
  g_return_val_if_fail (SLV_IS_COST_RATE (self), NULL);
  return self->valid_from;
}

const char *
slv_cost_rate_get_valid_to (SlvCostRate *self)
{
  g_return_val_if_fail (SLV_IS_COST_RATE (self), NULL);
  return self->valid_to;
}

const char *
slv_cost_rate_get_price_unit (SlvCostRate *self)
{
  g_return_val_if_fail (SLV_IS_COST_RATE (self), NULL);
  return self->price_unit;
}
