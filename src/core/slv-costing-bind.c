/* slv-costing-bind.c: resolving a costing's references once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-costing"

#include "config.h"

#include "slv-costing-private.h"

static const SlvRateGroup *
group (SlvCostMaster *m,
       const char    *process,
       const char    *key,
       const char    *supplier)
{
  return process && key ? slv_cost_master_find_rates (m, process, key, supplier, NULL) : NULL;
}

static void
bind_ref (SlvCostMaster *m,
          SlvRateRef    *ref,
          gboolean       used)
{
  ref->group = used ? group (m, ref->process, ref->key, ref->supplier) : NULL;
}

static void
bind_process (SlvCostMaster   *m,
              SlvProcessInput *p)
{
  const SlvRate *rate = slv_cost_master_get_rate (m, p->rate_id);

  p->rate = rate;
  p->extra_group = p->screen_group = p->digitising_group = NULL;
  if (rate == NULL)
    return;
  if (p->has_colours)
    {
      p->extra_group = group (m, rate->process, p->extra_colour_key ? p->extra_colour_key : "screen-extra-colour",
                              rate->supplier_code);
      p->screen_group = group (m, rate->process, p->screen_key ? p->screen_key : "screen-charge",
                               rate->supplier_code);
    }
  if (p->digitising_key != NULL)
    p->digitising_group = group (m, rate->process, p->digitising_key, rate->supplier_code);
}

void
slv_costing_input_bind (SlvCostingInput *in,
                        SlvCostMaster   *m)
{
  SlvCostingParams *params = &in->params;
  const SlvDestination *dest;

  g_return_if_fail (in != NULL && SLV_IS_COST_MASTER (m));

  for (guint i = 0; i < in->bom->len; i++)
    {
      SlvBomInput *b = &g_array_index (in->bom, SlvBomInput, i);

      b->material = slv_cost_master_get_material (m, b->material_id);
      b->yarn = b->calc.has_chain ? slv_cost_master_find_material (m, b->calc.yarn_code) : NULL;
      bind_ref (m, &b->calc.knitting, b->calc.has_chain);
      bind_ref (m, &b->calc.dyeing, b->calc.has_chain);
    }
  for (guint i = 0; i < in->processes->len; i++)
    bind_process (m, &g_array_index (in->processes, SlvProcessInput, i));
  bind_ref (m, &params->overhead.rate, params->overhead.set && params->overhead.from_rate);
  bind_ref (m, &params->commercial.rate, params->commercial.set && params->commercial.from_rate);
  bind_ref (m, &params->profit.rate, params->profit.set && params->profit.from_rate);
  bind_ref (m, &params->freight.rate, params->freight.set && params->freight.from_rate);
  bind_ref (m, &params->clearance.rate, params->clearance.set && params->clearance.from_rate);
  dest = slv_cost_master_get_destination (m, in->destination);
  in->bound_destination = dest;
  in->bound_duty = dest ? slv_cost_master_find_duty (m, dest->code, in->hs_code, in->date) : NULL;
  in->bound_rule = slv_cost_master_find_rule (m, in->channel ? in->channel : "retail");
  in->bound_wholesale = slv_cost_master_find_rule (m, "wholesale");
  in->bound_serial = slv_cost_master_get_serial (m);
}
