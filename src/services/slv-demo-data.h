/* slv-demo-data.h: the demo brand's records, as data.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *code, *name, *kind, *country, *city, *currency;
  int         lead_time_days;
} SlvDemoSupplier;

typedef struct
{
  const char *code;          /* SAP MATNR, leading zeros kept */
  const char *name, *kind, *sap_type, *group, *composition, *construction;
  const char *gsm, *width_cm, *yarn_count, *unit, *price, *currency, *supplier, *color;
} SlvDemoMaterial;

typedef struct
{
  const char *process, *key, *description, *supplier, *unit, *rate, *currency, *min_charge;
  int         tier_min_qty;
  const char *valid_from, *valid_to;
} SlvDemoRate;

typedef struct
{
  const char *material;      /* material code */
  const char *placement, *consumption, *unit, *wastage_pct;
  const char *calc;          /* JSON or NULL */
} SlvDemoBom;

typedef struct
{
  const char *process, *rate_key, *supplier;   /* picks the cost_rate */
  const char *quantity, *loss_pct;
  const char *params;                          /* JSON or NULL */
} SlvDemoProcess;

typedef struct
{
  const char           *code, *name, *category, *gender, *collection, *status;
  const char           *size_range, *base_size, *hs_code, *target_fob, *target_retail;
  const char           *destination, *channel;
  int                   order_qty;
  const char           *costing_params;        /* JSON */
  const SlvDemoBom     *bom;                   /* terminated by material == NULL */
  const SlvDemoProcess *processes;             /* terminated by process == NULL */
} SlvDemoStyle;

typedef struct
{
  const char *channel, *name, *expression, *price_ending;
  int         priority;
} SlvDemoMarginRule;

typedef struct
{
  const char *set_name, *kind, *valid_on, *from_ccy, *to_ccy, *rate;
} SlvDemoFx;

extern const SlvDemoSupplier   slv_demo_suppliers[];
extern const guint             slv_demo_n_suppliers;
extern const SlvDemoMaterial   slv_demo_materials[];
extern const guint             slv_demo_n_materials;
extern const SlvDemoRate       slv_demo_rates[];
extern const guint             slv_demo_n_rates;
extern const SlvDemoStyle      slv_demo_styles[];
extern const guint             slv_demo_n_styles;
extern const SlvDemoMarginRule slv_demo_margin_rules[];
extern const guint             slv_demo_n_margin_rules;
extern const SlvDemoFx         slv_demo_fx[];
extern const guint             slv_demo_n_fx;

G_END_DECLS
