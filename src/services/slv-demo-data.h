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
  const char *price_unit;    /* NULL = 1; the rate is per price_unit units */
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

typedef struct
{
  const char *code, *name, *currency, *customs_basis, *vat_pct;
} SlvDemoDestination;

typedef struct
{
  const char *destination, *hs_prefix, *duty_pct, *valid_from, *valid_to, *source;
} SlvDemoDuty;

/* The date the demo costings are priced on. */
#define SLV_DEMO_COSTING_DATE "2026-11-15"

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
extern const SlvDemoDestination slv_demo_destinations[];
extern const guint             slv_demo_n_destinations;
extern const SlvDemoDuty       slv_demo_duties[];
extern const guint             slv_demo_n_duties;

G_END_DECLS
