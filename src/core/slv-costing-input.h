/* slv-costing-input.h: one costing, ready to price.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SlvCostingInput is a costing's header, BOM lines and process lines with
 * their JSON fields parsed once, so pricing never reads text. Fields are
 * set by column name with the workspace's text values and validated on the
 * way in; the same names are the workspace's columns.
 *
 * JSON formats (numbers may be JSON numbers or, better, decimal strings):
 *
 * costing.params
 *   { "overhead":   { "pct": "20" | "rate": KEY [, "supplier": CODE],
 *                     "base": "cm" | "production", "kind": "markup" | "margin" },
 *     "commercial": { …same; base "cm" | "production" },
 *     "profit":     { …same; base "cm" | "production" | "cost_plus_commercial" },
 *     "freight":    "0.12" | { "rate": KEY [, "supplier": CODE] },
 *     "clearance":  "0.05" | { "rate": KEY [, "supplier": CODE] },
 *     "insurance_pct": "0.5" }
 *   Overhead and commercial rates are looked up under their own process;
 *   profit under "commercial"; freight and clearance under theirs. A
 *   percentage base: "cm" = the making lines, "production" = materials +
 *   processes (+ overhead, for commercial and profit), "cost_plus_commercial"
 *   = production + commercial. "markup" adds pct % of the base; "margin"
 *   makes the amount pct % of the resulting price: base ÷ (1 − pct) − base.
 *
 * bom_line.calc (the consumption; the line's consumption column is used
 * when "method" is absent or "manual")
 *   { "method": "knit", "units": "cm" | "in", "body_length", "body_allowance",
 *     "sleeve_length", "sleeve_allowance", "half_chest", "chest_allowance",
 *     "gsm" (else the material's) }                           → kg per piece
 *   { "method": "woven", "units": "in" | "cm", "parts": [ { "name", "length",
 *     "width", "count" } … ], "cuttable_width", "shrinkage_allowance",
 *     "marker_efficiency" (percent, default 100), or "cut_weight" and
 *     "lay_weight" (utilisation = cut ÷ lay) }              → yd or m per piece
 *   { "method": "per_dozen", "grams_per_dozen": "100" }       → kg per piece
 *   plus, optionally, the price of a knit fabric from its yarn:
 *   "price": { "method": "yarn_chain", "yarn": MATERIAL-CODE,
 *              "knit_loss_pct", "knitting": { "key": KEY, "supplier": CODE },
 *              "dye_loss_pct", "dyeing": { "key": KEY, "supplier": CODE },
 *              "surcharge": "0.50" }
 *   finished $/kg = (1 + dye loss) × ((1 + knit loss) × yarn + knitting)
 *                   + dyeing + surcharge
 *
 * process_line.params
 *   making:     { "sam": "12", "efficiency": "0.60",
 *                 "overhead_pct": "30", "profit_pct": "10",
 *                 "profit_kind": "markup" | "margin" }   (rate per minute)
 *   printing:   { "colours": 2, "locations": 1,
 *                 "extra_colour": KEY, "screens": KEY }  (same supplier)
 *   embroidery: { "stitches": "4000", "digitising": KEY }
 *   any:        { "pieces_per_carton": "48" }             (carton rates)
 */
#pragma once

#include "slv-decimal.h"

G_BEGIN_DECLS

typedef enum
{
  SLV_PCT_BASE_CM,
  SLV_PCT_BASE_PRODUCTION,
  SLV_PCT_BASE_COST_PLUS_COMMERCIAL,
} SlvPctBase;

typedef enum
{
  SLV_PCT_MARKUP,
  SLV_PCT_MARGIN,
} SlvPctKind;

typedef enum
{
  SLV_CALC_MANUAL,
  SLV_CALC_KNIT,
  SLV_CALC_WOVEN,
  SLV_CALC_PER_DOZEN,
} SlvCalcMethod;

#define SLV_WOVEN_MAX_PARTS 16

/* Records of the cost master a costing refers to, resolved once by
 * slv_costing_input_bind() so pricing does no lookups by name; opaque here. */
typedef struct _SlvRateGroup SlvRateGroup;

typedef struct
{
  char          *process;
  char          *key;
  char          *supplier;    /* code, or NULL */
  const SlvRateGroup *group;  /* bound */
} SlvRateRef;

typedef struct
{
  SlvDecimal     length, width, count;
} SlvWovenPart;

typedef struct
{
  SlvCalcMethod  method;
  gboolean       inches;
  /* knit */
  SlvDecimal     body_length, body_allowance, sleeve_length, sleeve_allowance;
  SlvDecimal     half_chest, chest_allowance, gsm;
  gboolean       has_gsm;
  /* woven */
  SlvWovenPart  *parts;        /* n_parts, owned */
  guint          n_parts;
  SlvDecimal     cuttable_width, shrinkage_allowance, marker_efficiency;
  /* per dozen */
  SlvDecimal     grams_per_dozen;
  /* fabric price from yarn */
  gboolean       has_chain;
  char          *yarn_code;
  SlvDecimal     knit_loss_pct, dye_loss_pct, surcharge;
  SlvRateRef     knitting, dyeing;
} SlvBomCalc;

typedef struct
{
  char          *id;
  char          *material_id;
  char          *placement;
  char          *unit;
  const char    *unit_id;       /* unit, interned */
  char          *note;
  SlvDecimal     consumption;   /* entered, per piece */
  SlvDecimal     wastage_pct;
  char          *calc_json;
  SlvBomCalc     calc;
  gconstpointer  material;      /* bound SlvMaterialRec */
  gconstpointer  yarn;          /* bound SlvMaterialRec of the price chain */
} SlvBomInput;

/* The processes with a formula or a cost group of their own. */
typedef enum
{
  SLV_PROCESS_OTHER,
  SLV_PROCESS_KNITTING,
  SLV_PROCESS_DYEING,
  SLV_PROCESS_WASHING,
  SLV_PROCESS_PRINTING,
  SLV_PROCESS_EMBROIDERY,
  SLV_PROCESS_MAKING,
  SLV_PROCESS_TRIMS,
  SLV_PROCESS_PACKING,
  SLV_PROCESS_TESTING,
  SLV_PROCESS_FREIGHT,
} SlvProcessKind;

typedef struct
{
  char          *id;
  char          *process;
  SlvProcessKind kind;          /* from process */
  char          *rate_id;
  char          *note;
  SlvDecimal     quantity;
  SlvDecimal     loss_pct;
  char          *params_json;
  /* making */
  gboolean       has_sam;
  SlvDecimal     sam, efficiency;
  gboolean       has_cm_overhead, has_cm_profit;
  SlvDecimal     cm_overhead_pct, cm_profit_pct;
  SlvPctKind     cm_profit_kind;
  /* printing */
  gboolean       has_colours;
  SlvDecimal     colours, locations;
  char          *extra_colour_key, *screen_key;
  /* embroidery */
  gboolean       has_stitches;
  SlvDecimal     stitches;
  char          *digitising_key;
  /* cartons */
  gboolean       has_pieces_per_carton;
  SlvDecimal     pieces_per_carton;
  /* bound */
  gconstpointer  rate;          /* SlvRate */
  const SlvRateGroup *extra_group, *screen_group, *digitising_group;
} SlvProcessInput;

typedef struct
{
  gboolean       set;
  gboolean       from_rate;
  SlvDecimal     pct;
  SlvRateRef     rate;
  SlvPctBase     base;
  SlvPctKind     kind;
} SlvPctRule;

typedef struct
{
  gboolean       set;
  gboolean       from_rate;
  SlvDecimal     amount;
  SlvRateRef     rate;
} SlvAmountRule;

typedef struct
{
  SlvPctRule     overhead, commercial, profit;
  SlvAmountRule  freight, clearance;
  SlvDecimal     insurance_pct;
} SlvCostingParams;

typedef struct
{
  /*< private >*/
  gatomicrefcount ref_count;
  /*< public, read-only: change through the setters >*/
  char             *id;
  char             *brand_id;
  char             *style_id;
  char             *style_code;
  char             *style_name;
  char             *category;
  char             *hs_code;
  char             *scenario;
  char             *status;
  char             *parent_id;
  const char       *currency;      /* interned */
  char             *fx_set;
  const char       *fx_set_id;     /* fx_set, interned */
  char              date[11];      /* costing_date */
  gint64            order_qty;
  char             *destination;
  char             *channel;
  char             *params_json;
  SlvCostingParams  params;
  GArray           *bom;           /* SlvBomInput */
  GArray           *processes;     /* SlvProcessInput */
  /* bound (see slv_costing_input_bind()); any change unbinds */
  guint64           bound_serial;
  gconstpointer     bound_destination, bound_duty, bound_rule, bound_wholesale;
} SlvCostingInput;

SlvCostingInput *slv_costing_input_new          (void);
SlvCostingInput *slv_costing_input_ref          (SlvCostingInput  *self);
void             slv_costing_input_unref        (SlvCostingInput  *self);
/* A deep copy (refcount 1) for editing while others hold the original. */
SlvCostingInput *slv_costing_input_copy         (SlvCostingInput  *self) G_GNUC_WARN_UNUSED_RESULT;

/* Header fields: id, brand_id, style_id, style_code, style_name, category,
 * hs_code, scenario, status, parent_id, currency, fx_set, costing_date,
 * order_qty, destination, channel, params. */
gboolean         slv_costing_input_set          (SlvCostingInput  *self,
                                                 const char       *field,
                                                 const char       *value,
                                                 GError          **error);
/* Appends an empty line and returns its index. */
guint            slv_costing_input_add_bom      (SlvCostingInput  *self,
                                                 const char       *id);
guint            slv_costing_input_add_process  (SlvCostingInput  *self,
                                                 const char       *id);
/* BOM fields: material_id, placement, consumption, unit, wastage_pct,
 * calc, note. Errors name the line. */
gboolean         slv_costing_input_set_bom      (SlvCostingInput  *self,
                                                 guint             index,
                                                 const char       *field,
                                                 const char       *value,
                                                 GError          **error);
/* Process fields: process, rate_id, quantity, loss_pct, params, note. */
gboolean         slv_costing_input_set_process  (SlvCostingInput  *self,
                                                 guint             index,
                                                 const char       *field,
                                                 const char       *value,
                                                 GError          **error);
void             slv_costing_input_remove_bom   (SlvCostingInput  *self,
                                                 guint             index);
void             slv_costing_input_remove_process (SlvCostingInput *self,
                                                   guint            index);
int              slv_costing_input_find_bom     (SlvCostingInput  *self,
                                                 const char       *id);
int              slv_costing_input_find_process (SlvCostingInput  *self,
                                                 const char       *id);
/* The current text of a field, as slv_costing_input_set*() took it. */
char            *slv_costing_input_dup_bom_field     (SlvCostingInput *self,
                                                      guint            index,
                                                      const char      *field) G_GNUC_WARN_UNUSED_RESULT;
char            *slv_costing_input_dup_process_field (SlvCostingInput *self,
                                                      guint            index,
                                                      const char      *field) G_GNUC_WARN_UNUSED_RESULT;

const char      *slv_pct_base_to_string         (SlvPctBase        base);
const char      *slv_pct_kind_to_string         (SlvPctKind        kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlvCostingInput, slv_costing_input_unref)

G_END_DECLS
