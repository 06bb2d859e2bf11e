/* slv-cost-master.h: everything a costing is priced against.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SlvCostMaster holds a brand's materials, cost rates (with quantity tiers,
 * minimum charges and validity), destinations (currency, customs basis,
 * VAT), duty rates by HS-code prefix, exchange-rate sets and margin rules.
 * It is filled once (by the store) and then only read, so one master can
 * price any number of costings, from any thread.
 *
 * The add functions take the workspace's text columns and validate them; a
 * row they refuse is remembered with its message, so a costing that needs
 * it can say why it cannot be priced.
 */
#pragma once

#include <glib-object.h>

#include "slv-costing-input.h"
#include "slv-decimal.h"
#include "slv-expr.h"
#include "slv-fx.h"
#include "slv-price-ending.h"

G_BEGIN_DECLS

#define SLV_COSTING_ERROR (slv_costing_error_quark ())

typedef enum
{
  SLV_COSTING_ERROR_INVALID,     /* a value that cannot be used */
  SLV_COSTING_ERROR_NOT_FOUND,   /* a material, rate, destination… is missing */
  SLV_COSTING_ERROR_NO_RATE,     /* no rate valid on the date for the quantity */
  SLV_COSTING_ERROR_OVERFLOW,
  SLV_COSTING_ERROR_RULE,        /* a margin rule failed */
  SLV_COSTING_ERROR_FROZEN,      /* used by the store and services */
} SlvCostingError;

typedef enum
{
  SLV_RATE_UNIT_KG,
  SLV_RATE_UNIT_PIECE,
  SLV_RATE_UNIT_DOZEN,
  SLV_RATE_UNIT_1000_STITCHES,
  SLV_RATE_UNIT_MINUTE,
  SLV_RATE_UNIT_COLOUR,
  SLV_RATE_UNIT_SCREEN,
  SLV_RATE_UNIT_PERCENT,
  SLV_RATE_UNIT_METRE,
  SLV_RATE_UNIT_YARD,
  SLV_RATE_UNIT_ORDER,
  SLV_RATE_UNIT_CARTON,
} SlvRateUnit;

typedef enum
{
  SLV_CUSTOMS_CIF,   /* EU: transport and insurance to the border included */
  SLV_CUSTOMS_FOB,   /* US: transaction value on an FOB basis */
} SlvCustomsBasis;

typedef struct
{
  char         *id;
  char         *process;
  char         *key;
  char         *description;
  char         *supplier_code;     /* may be NULL */
  char         *supplier_name;
  SlvRateUnit   unit;
  SlvDecimal    rate;              /* per price_unit units */
  SlvDecimal    price_unit;        /* > 0; the unit rate is rate ÷ price_unit */
  SlvDecimal    unit_rate;
  const char   *currency;          /* interned */
  gboolean      has_min_charge;
  SlvDecimal    min_charge;        /* per order, in currency */
  gint64        tier_min_qty;
  char          valid_from[11];    /* "" when open */
  char          valid_to[11];
  guint32       from_day;          /* YYYYMMDD, 0 when open */
  guint32       to_day;            /* YYYYMMDD, G_MAXUINT32 when open */
  SlvRateGroup *group;             /* rates sharing process, key and supplier */
} SlvRate;

typedef struct
{
  char       *id;
  char       *code;
  char       *name;
  char       *kind;                /* yarn, fabric, trim */
  const char *unit;                /* interned, upper case: KG, M, YD, PC… */
  gboolean    has_price;
  SlvDecimal  price;               /* per price_unit units */
  SlvDecimal  price_unit;
  const char *currency;
  gboolean    has_gsm;
  SlvDecimal  gsm;
  char       *supplier_code;
} SlvMaterialRec;

typedef struct
{
  char            *code;
  char            *name;
  const char      *currency;
  SlvCustomsBasis  basis;
  SlvDecimal       vat_pct;
} SlvDestination;

typedef struct
{
  char       *id;
  char       *destination;
  char       *hs_prefix;           /* digits only */
  SlvDecimal  duty_pct;
  char        valid_from[11];
  char        valid_to[11];
  char       *source;
} SlvDutyRate;

typedef struct
{
  char           *id;
  char           *channel;
  char           *name;
  SlvExpr        *expr;            /* parsed and checked, or NULL */
  char           *problem;         /* why expr is NULL */
  gboolean        has_ending;
  SlvPriceEnding  ending;          /* applied after the expression */
  char           *ending_text;
  int             priority;
} SlvMarginRule;

/* Rows as text, the way the workspace stores them. NULL = not set. */
typedef struct
{
  const char *id, *process, *key, *description, *supplier_code, *supplier_name;
  const char *unit, *rate, *price_unit, *currency, *min_charge;
  gint64      tier_min_qty;
  const char *valid_from, *valid_to;
} SlvRateSpec;

typedef struct
{
  const char *id, *code, *name, *kind, *unit, *price, *price_unit, *currency, *gsm, *supplier_code;
} SlvMaterialSpec;

typedef struct
{
  const char *code, *name, *currency, *customs_basis, *vat_pct;
} SlvDestinationSpec;

typedef struct
{
  const char *id, *destination, *hs_prefix, *duty_pct, *valid_from, *valid_to, *source;
} SlvDutySpec;

typedef struct
{
  const char *id, *channel, *name, *expression, *price_ending;
  int         priority;
} SlvMarginRuleSpec;

/* The variables a margin rule may read, in slot order. Money is in the
 * destination's currency; vat and duty_rate are fractions (0.20). */
enum
{
  SLV_RULE_VAR_FOB, SLV_RULE_VAR_FREIGHT, SLV_RULE_VAR_INSURANCE, SLV_RULE_VAR_CIF,
  SLV_RULE_VAR_DUTY, SLV_RULE_VAR_CLEARANCE, SLV_RULE_VAR_LANDED,
  SLV_RULE_VAR_VAT, SLV_RULE_VAR_DUTY_RATE, SLV_RULE_VAR_ORDER_QTY,
  SLV_RULE_VAR_CATEGORY, SLV_RULE_VAR_CHANNEL, SLV_RULE_VAR_DESTINATION,
  SLV_RULE_VAR_CURRENCY, SLV_RULE_VAR_STYLE, SLV_RULE_VAR_SCENARIO,
  SLV_RULE_N_VARS
};

#define SLV_TYPE_COST_MASTER (slv_cost_master_get_type ())
G_DECLARE_FINAL_TYPE (SlvCostMaster, slv_cost_master, SLV, COST_MASTER, GObject)

GQuark                slv_costing_error_quark        (void);
const SlvExprVar     *slv_margin_rule_variables      (guint                     *n_vars);
const char           *slv_rate_unit_to_string        (SlvRateUnit                unit);
gboolean              slv_rate_unit_from_string      (const char                *text,
                                                      SlvRateUnit               *unit);

SlvCostMaster        *slv_cost_master_new            (const char                *base_currency);
const char           *slv_cost_master_get_base_currency (SlvCostMaster          *self);
/* A number no other master in this process has: what bindings check. */
guint64               slv_cost_master_get_serial     (SlvCostMaster             *self);
SlvFxTable           *slv_cost_master_get_fx         (SlvCostMaster             *self);

gboolean              slv_cost_master_add_material   (SlvCostMaster             *self,
                                                      const SlvMaterialSpec     *spec,
                                                      GError                   **error);
gboolean              slv_cost_master_add_rate       (SlvCostMaster             *self,
                                                      const SlvRateSpec         *spec,
                                                      GError                   **error);
gboolean              slv_cost_master_add_destination (SlvCostMaster            *self,
                                                       const SlvDestinationSpec *spec,
                                                       GError                  **error);
gboolean              slv_cost_master_add_duty       (SlvCostMaster             *self,
                                                      const SlvDutySpec         *spec,
                                                      GError                   **error);
/* A rule whose expression does not parse or check is kept with its
 * problem (and @error set), so pricing can report it. */
gboolean              slv_cost_master_add_margin_rule (SlvCostMaster            *self,
                                                       const SlvMarginRuleSpec  *spec,
                                                       GError                  **error);

const SlvMaterialRec *slv_cost_master_get_material   (SlvCostMaster             *self,
                                                      const char                *id);
const SlvMaterialRec *slv_cost_master_find_material  (SlvCostMaster             *self,
                                                      const char                *code);
const SlvRate        *slv_cost_master_get_rate       (SlvCostMaster             *self,
                                                      const char                *id);
/* Why the row @id was refused, or NULL. */
const char           *slv_cost_master_get_problem    (SlvCostMaster             *self,
                                                      const char                *id);
/* Rates of @process/@key from supplier @supplier_code; with a NULL
 * supplier, the only supplier that has them. */
const SlvRateGroup   *slv_cost_master_find_rates     (SlvCostMaster             *self,
                                                      const char                *process,
                                                      const char                *key,
                                                      const char                *supplier_code,
                                                      GError                   **error);
/* The rate of @group valid on @date (YYYY-MM-DD) for an order of @qty:
 * the highest tier not above @qty, then the latest start. */
const SlvRate        *slv_rate_group_pick            (const SlvRateGroup        *group,
                                                      const char                *date,
                                                      gint64                     qty,
                                                      GError                   **error);
/* The same with the date as YYYYMMDD (@date only for messages). */
const SlvRate        *slv_rate_group_pick_day        (const SlvRateGroup        *group,
                                                      guint32                    day,
                                                      const char                *date,
                                                      gint64                     qty,
                                                      GError                   **error);
/* All live rates, in the order added. */
GPtrArray            *slv_cost_master_get_rates      (SlvCostMaster             *self);
const SlvDestination *slv_cost_master_get_destination (SlvCostMaster            *self,
                                                       const char               *code);
GStrv                 slv_cost_master_dup_destination_codes (SlvCostMaster      *self) G_GNUC_WARN_UNUSED_RESULT;
/* The longest HS prefix of @hs_code with a duty rate into @destination
 * valid on @date. */
const SlvDutyRate    *slv_cost_master_find_duty      (SlvCostMaster             *self,
                                                      const char                *destination,
                                                      const char                *hs_code,
                                                      const char                *date);
/* The rule of highest priority for @channel, or NULL. */
const SlvMarginRule  *slv_cost_master_find_rule      (SlvCostMaster             *self,
                                                      const char                *channel);

/* TRUE if @date (YYYY-MM-DD) lies in [@from, @to] ("" = open). */
gboolean              slv_date_in_range              (const char                *date,
                                                      const char                *from,
                                                      const char                *to);
gboolean              slv_date_is_valid              (const char                *text);
/* YYYY-MM-DD as the number YYYYMMDD (@open when empty or NULL). */
guint32               slv_date_to_day                (const char                *text,
                                                      guint32                    open);

G_END_DECLS
