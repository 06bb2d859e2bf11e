/* slv-cost-sheet.h: a priced costing, every figure with its explanation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SlvCostSheet is the result of slv_costing_price(): a tree of figures
 * (each computed from its children and its own inputs) from the BOM and
 * process lines up to FOB, landed cost and the prices from the margin
 * rules. A figure keeps what made it — its operands, the cost-master rate
 * with its id, tier and validity, the exchange rate, the duty rate or the
 * margin rule — and renders its formula and explanation on demand, so
 * pricing stays fast and any number can still answer "why?".
 *
 * Figures are addressed by index or by key: "fob", "landed", "retail",
 * "bom.0.cost", "process.2.rate"… (see slv_cost_sheet_dup_key()).
 */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "slv-cost-master.h"
#include "slv-costing-input.h"

G_BEGIN_DECLS

typedef enum
{
  /* BOM line figures */
  SLV_FIG_CONSUMPTION_ENTERED,   /* a0 consumption */
  SLV_FIG_CONSUMPTION_KNIT,      /* a0…a5 lengths, a6 gsm, a7 area factor */
  SLV_FIG_CONSUMPTION_WOVEN,     /* a0 area, a1 usable width, a2 divisor, a3 efficiency %, a4 unit factor */
  SLV_FIG_CONSUMPTION_DOZEN,     /* a0 grams per dozen */
  SLV_FIG_GROSS,                 /* a0 net (child), a1 wastage % */
  SLV_FIG_MATERIAL_PRICE,        /* a0 price, a1 price unit */
  SLV_FIG_PRICE_CHAIN,           /* a0 yarn, a1 knit loss %, a2 knitting, a3 dye loss %, a4 dyeing, a5 surcharge */
  SLV_FIG_BOM_COST,              /* a0 gross, a1 unit factor, a2 unit price; fx */
  /* process line figures */
  SLV_FIG_RATE,                  /* a0 rate, a1 price unit; rate; fx when converted */
  SLV_FIG_PROCESS_SIMPLE,        /* a0 quantity, a1 unit rate, a2 divisor */
  SLV_FIG_MAKING,                /* a0 SAM, a1 rate per minute, a2 efficiency */
  SLV_FIG_PRINT,                 /* a0 first, a1 extra, a2 colours, a3 locations, a4 screen, a5 order qty */
  SLV_FIG_EMBROIDERY,            /* a0 stitches, a1 rate per 1000, a2 digitising, a3 order qty */
  SLV_FIG_PROCESS_COST,          /* a0 base, a1 loss %, a2 minimum charge, a3 order qty, a4 1 if minimum applied; fx */
  /* percentages and sums */
  SLV_FIG_PCT_MARKUP,            /* a0 base, a1 pct */
  SLV_FIG_PCT_MARGIN,            /* a0 base, a1 pct */
  SLV_FIG_SUM,                   /* children */
  /* FOB to landed */
  SLV_FIG_ROUND_CENTS,           /* a0 value */
  SLV_FIG_AMOUNT,                /* a0 amount in source currency; rate or entered; fx */
  SLV_FIG_INSURANCE,             /* a0 fob, a1 freight, a2 pct */
  SLV_FIG_CUSTOMS_VALUE,         /* a0 value; basis in the destination */
  SLV_FIG_DUTY,                  /* a0 customs value, a1 duty %; duty rate */
  SLV_FIG_IMPORT_VAT,            /* a0 cif, a1 duty, a2 vat % */
  SLV_FIG_CONVERT,               /* a0 amount; fx */
  /* prices */
  SLV_FIG_RULE,                  /* a0 expression result; rule */
  SLV_FIG_NET_PRICE,             /* a0 price, a1 vat % */
  SLV_FIG_MARGIN_ACHIEVED,       /* a0 net price, a1 landed */
  SLV_FIG_MARKUP_ACHIEVED,       /* a0 net price, a1 landed */
} SlvFigureKind;

typedef enum
{
  SLV_COST_GROUP_NONE,
  SLV_COST_GROUP_FABRIC,
  SLV_COST_GROUP_TRIMS,          /* trims and packing */
  SLV_COST_GROUP_PROCESSING,     /* knitting, dyeing, washing */
  SLV_COST_GROUP_DECORATION,     /* printing, embroidery */
  SLV_COST_GROUP_MAKING,
  SLV_COST_GROUP_OTHER,          /* testing, freight, other */
  SLV_COST_GROUP_OVERHEAD,
  SLV_COST_GROUP_COMMERCIAL,
  SLV_COST_GROUP_PROFIT,
  SLV_COST_N_GROUPS
} SlvCostGroup;

/* The named totals of a sheet. */
typedef enum
{
  SLV_TOTAL_MATERIALS,
  SLV_TOTAL_PROCESSES,
  SLV_TOTAL_CM,
  SLV_TOTAL_OVERHEAD,
  SLV_TOTAL_PRODUCTION,
  SLV_TOTAL_COMMERCIAL,
  SLV_TOTAL_PROFIT,
  SLV_TOTAL_FOB,              /* unrounded */
  SLV_TOTAL_FOB_ROUNDED,      /* to cents: the declared rounding point */
  SLV_TOTAL_FREIGHT,
  SLV_TOTAL_INSURANCE,
  SLV_TOTAL_CIF,
  SLV_TOTAL_CUSTOMS_VALUE,
  SLV_TOTAL_DUTY,
  SLV_TOTAL_IMPORT_VAT,       /* recoverable; not part of landed */
  SLV_TOTAL_CLEARANCE,
  SLV_TOTAL_LANDED,           /* costing currency */
  SLV_TOTAL_LANDED_PRICE_CCY, /* destination currency */
  SLV_TOTAL_WHOLESALE,
  SLV_TOTAL_RETAIL,
  SLV_TOTAL_RETAIL_NET,
  SLV_TOTAL_MARGIN_PCT,
  SLV_TOTAL_MARKUP_PCT,
  SLV_N_TOTALS
} SlvTotal;

/* What a figure is within its line (SlvFigure.role); totals use their
 * SlvTotal as role. */
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

#define SLV_ROLE_FIRST SLV_ROLE_CONSUMPTION
#define SLV_N_ROLES    (SLV_ROLE_DIRECT - SLV_ROLE_CONSUMPTION + 1)

#define SLV_FIGURE_MAX_ARGS 8

typedef struct
{
  SlvFigureKind        kind;
  int                  line;           /* BOM or process line index, else -1 */
  gboolean             process;        /* line is a process line */
  guint                role;           /* what the figure is within its line or total */
  SlvDecimal           value;
  const char          *unit;           /* interned currency or a unit text */
  guint                first_arg;      /* see slv_cost_sheet_get_args() */
  guint                n_args;
  const SlvRate       *rate;
  const void          *source;         /* SlvDutyRate, SlvMarginRule or SlvMaterialRec */
  int                  fx;             /* index of the exchange quote, or -1 */
  guint                first_child;
  guint                n_children;
  SlvCostGroup         group;
} SlvFigure;

#define SLV_TYPE_COST_SHEET (slv_cost_sheet_get_type ())
G_DECLARE_FINAL_TYPE (SlvCostSheet, slv_cost_sheet, SLV, COST_SHEET, GObject)

SlvCostingInput *slv_cost_sheet_get_input       (SlvCostSheet  *self);
SlvCostMaster   *slv_cost_sheet_get_master      (SlvCostSheet  *self);
const char      *slv_cost_sheet_get_currency    (SlvCostSheet  *self);
/* The destination's currency: landed (converted), wholesale and retail. */
const char      *slv_cost_sheet_get_price_currency (SlvCostSheet *self);

guint            slv_cost_sheet_get_n_figures   (SlvCostSheet  *self);
const SlvFigure *slv_cost_sheet_get_figure      (SlvCostSheet  *self,
                                                 guint          index);
const guint     *slv_cost_sheet_get_children    (SlvCostSheet  *self,
                                                 guint          index,
                                                 guint         *n_children);
/* The operands of figure @index (see SlvFigureKind), or NULL. */
const SlvDecimal *slv_cost_sheet_get_args       (SlvCostSheet  *self,
                                                 guint          index,
                                                 guint         *n_args);
/* Operand @k of figure @index, zero when there is none. */
SlvDecimal       slv_cost_sheet_get_arg         (SlvCostSheet  *self,
                                                 guint          index,
                                                 guint          k);
const SlvFxQuote *slv_cost_sheet_get_quote      (SlvCostSheet  *self,
                                                 int            fx);
/* Index of a named total, or -1 when it could not be computed. */
int              slv_cost_sheet_get_total_index (SlvCostSheet  *self,
                                                 SlvTotal       total);
/* FALSE (and @out untouched) when the total is missing. */
gboolean         slv_cost_sheet_get_total       (SlvCostSheet  *self,
                                                 SlvTotal       total,
                                                 SlvDecimal    *out);
/* The figure playing @role for BOM or process line @line, or -1. */
int              slv_cost_sheet_find_role       (SlvCostSheet  *self,
                                                 int            line,
                                                 gboolean       process,
                                                 guint          role);
/* Figure index of a BOM or process line's cost, or -1. */
int              slv_cost_sheet_get_line_cost   (SlvCostSheet  *self,
                                                 gboolean       process,
                                                 guint          line);
/* Why landed cost (and so the prices) or the prices alone are missing. */
const char      *slv_cost_sheet_get_landed_problem (SlvCostSheet *self);
const char      *slv_cost_sheet_get_price_problem  (SlvCostSheet *self);
/* Totals by cost group, up to FOB. */
void             slv_cost_sheet_get_groups      (SlvCostSheet  *self,
                                                 SlvDecimal     groups[SLV_COST_N_GROUPS]);
const char      *slv_cost_group_to_string       (SlvCostGroup   group);
const char      *slv_total_to_key               (SlvTotal       total);

/* Keys, labels, formulas and explanations (slv-cost-sheet-explain.c). */
char            *slv_cost_sheet_dup_key         (SlvCostSheet  *self,
                                                 guint          index) G_GNUC_WARN_UNUSED_RESULT;
int              slv_cost_sheet_find            (SlvCostSheet  *self,
                                                 const char    *key);
char            *slv_cost_sheet_dup_label       (SlvCostSheet  *self,
                                                 guint          index) G_GNUC_WARN_UNUSED_RESULT;
/* "0.25614144 kg × 5.1954 USD/kg = 1.330757 USD" */
char            *slv_cost_sheet_dup_formula     (SlvCostSheet  *self,
                                                 guint          index) G_GNUC_WARN_UNUSED_RESULT;
/* Where the inputs came from: the rate with id, tier and validity, the
 * exchange rate, the duty rate or the margin rule; NULL if entered. */
char            *slv_cost_sheet_dup_source      (SlvCostSheet  *self,
                                                 guint          index) G_GNUC_WARN_UNUSED_RESULT;
/* The figure and, indented, what it was made of, @depth levels down
 * (-1 for all). */
char            *slv_cost_sheet_dup_explanation (SlvCostSheet  *self,
                                                 guint          index,
                                                 int            depth) G_GNUC_WARN_UNUSED_RESULT;
/* The value printed the way the sheet shows it: money at 6 places (cents
 * for rounded figures and prices), kg at 8, percentages at 2. */
char            *slv_cost_sheet_dup_value_text  (SlvCostSheet  *self,
                                                 guint          index) G_GNUC_WARN_UNUSED_RESULT;
/* { "style", "scenario", "fob": { "value", "currency" }, "landed", "retail",
 *   "wholesale", "totals": {…}, "lines": […], "problems": […] } and, with
 * @explain, "figures": [ { key, label, value, unit, formula, source,
 * children } … ]. */
JsonNode        *slv_cost_sheet_to_json         (SlvCostSheet  *self,
                                                 gboolean       explain) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
