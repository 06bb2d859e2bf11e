/* slv-costing-lines.c: BOM and process line formulas.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-costing"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "slv-costing-private.h"

#define DEC(n) slv_decimal_from_int (n)

static const char *
I (const char *s)
{
  return g_intern_static_string (s);
}

/* -- consumption -- */

static gboolean
knit_consumption (SlvCostingCtx         *c,
                  guint                  line,
                  const SlvBomInput     *b,
                  const SlvMaterialRec  *m,
                  guint                 *out,
                  GError               **error)
{
  const SlvBomCalc *k = &b->calc;
  SlvDecimal args[8] = { k->body_length, k->body_allowance, k->sleeve_length, k->sleeve_allowance,
                         k->half_chest, k->chest_allowance, k->gsm,
                         k->inches ? slv_decimal_from_parts (64516, 4) : DEC (1) };
  SlvDecimal len, width, v;

  if (!k->has_gsm)
    {
      if (!m->has_gsm)
        return slv_costing_fail (c, error, SLV_COSTING_ERROR_INVALID,
                                 _("the knit calculation needs a GSM, and material %s has none."), m->code);
      args[6] = m->gsm;
    }
  /* (BL + BA + SL + SA) × (½ chest + CA) × 2 × GSM × area factor ÷ 10⁷ */
  if (!slv_decimal_add (args[0], args[1], &len) || !slv_decimal_add (len, args[2], &len) ||
      !slv_decimal_add (len, args[3], &len) || !slv_decimal_add (args[4], args[5], &width) ||
      !slv_decimal_mul (len, width, &v) || !slv_decimal_mul (v, DEC (2), &v) ||
      !slv_decimal_mul (v, args[6], &v) || !slv_decimal_mul (v, args[7], &v) ||
      !slv_decimal_div (v, DEC (10000000), SLV_ROUND_HALF_EVEN, &v))
    return slv_costing_overflow (c, error);
  *out = slv_costing_figure (c, SLV_FIG_CONSUMPTION_KNIT, line, FALSE, SLV_ROLE_CONSUMPTION, v,
                             I ("KG"), args, 8, NULL, 0);
  return TRUE;
}

static gboolean
woven_consumption (SlvCostingCtx      *c,
                   guint               line,
                   const SlvBomInput  *b,
                   guint              *out,
                   GError            **error)
{
  const SlvBomCalc *w = &b->calc;
  SlvDecimal area = SLV_DECIMAL_ZERO, usable, v, args[5];

  for (guint i = 0; i < w->n_parts; i++)
    {
      SlvDecimal part;

      if (!slv_decimal_mul (w->parts[i].length, w->parts[i].width, &part) ||
          !slv_decimal_mul (part, w->parts[i].count, &part) || !slv_decimal_add (area, part, &area))
        return slv_costing_overflow (c, error);
    }
  /* area ÷ (usable width × 36 in/yd, or × 100 cm/m) ÷ marker efficiency */
  if (!slv_decimal_sub (w->cuttable_width, w->shrinkage_allowance, &usable))
    return slv_costing_overflow (c, error);
  args[0] = area;
  args[1] = usable;
  args[2] = DEC (w->inches ? 36 : 100);
  args[3] = w->marker_efficiency;
  args[4] = DEC (1);
  if (!slv_decimal_mul (usable, args[2], &v) || !slv_decimal_div (area, v, SLV_ROUND_HALF_EVEN, &v) ||
      !slv_decimal_mul (v, DEC (100), &v) || !slv_decimal_div (v, args[3], SLV_ROUND_HALF_EVEN, &v))
    return slv_costing_overflow (c, error);
  *out = slv_costing_figure (c, SLV_FIG_CONSUMPTION_WOVEN, line, FALSE, SLV_ROLE_CONSUMPTION, v,
                             I (w->inches ? "YD" : "M"), args, 5, NULL, 0);
  return TRUE;
}

static gboolean
consumption (SlvCostingCtx         *c,
             guint                  line,
             const SlvBomInput     *b,
             const SlvMaterialRec  *m,
             guint                 *out,
             GError               **error)
{
  SlvDecimal v;

  switch (b->calc.method)
    {
    case SLV_CALC_KNIT:
      return knit_consumption (c, line, b, m, out, error);
    case SLV_CALC_WOVEN:
      return woven_consumption (c, line, b, out, error);
    case SLV_CALC_PER_DOZEN:
      if (!slv_decimal_div (b->calc.grams_per_dozen, DEC (12000), SLV_ROUND_HALF_EVEN, &v))
        return slv_costing_overflow (c, error);
      *out = slv_costing_figure (c, SLV_FIG_CONSUMPTION_DOZEN, line, FALSE, SLV_ROLE_CONSUMPTION, v,
                                 I ("KG"), &b->calc.grams_per_dozen, 1, NULL, 0);
      return TRUE;
    case SLV_CALC_MANUAL:
    default:
      *out = slv_costing_figure (c, SLV_FIG_CONSUMPTION_ENTERED, line, FALSE, SLV_ROLE_CONSUMPTION,
                                 b->consumption, b->unit_id,
                                 &b->consumption, 1, NULL, 0);
      return TRUE;
    }
}

/* How many material units one consumption unit is. */
static gboolean
unit_factor (const char *from,
             const char *to,
             SlvDecimal *factor)
{
  static const struct { const char *from, *to; gint64 num; guint places; } table[] = {
    { "YD", "M", 9144, 4 }, { "M", "YD", 0, 0 }, { "G", "KG", 1, 3 }, { "KG", "G", 1000, 0 },
    { "DZ", "PC", 12, 0 }, { "PC", "DZ", 0, 0 }, { "CM", "M", 1, 2 }, { "M", "CM", 100, 0 },
  };

  if (g_strcmp0 (from, to) == 0)
    {
      *factor = DEC (1);
      return TRUE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    if (g_strcmp0 (table[i].from, from) == 0 && g_strcmp0 (table[i].to, to) == 0)
      {
        if (table[i].num != 0)
          *factor = slv_decimal_from_parts (table[i].num, table[i].places);
        else   /* the inverse of the reverse entry */
          return unit_factor (to, from, factor) &&
                 slv_decimal_div (DEC (1), *factor, SLV_ROUND_HALF_EVEN, factor);
        return TRUE;
      }
  return FALSE;
}

/* -- price -- */

static gboolean
material_price (SlvCostingCtx         *c,
                int                    line,
                guint                  role,
                const SlvMaterialRec  *m,
                const char            *currency,
                guint                 *out,
                GError               **error)
{
  SlvDecimal args[2] = { m->price, m->price_unit }, v;
  int fx;

  if (!m->has_price)
    return slv_costing_fail (c, error, SLV_COSTING_ERROR_INVALID,
                             _("material %s has no price in the material master."), m->code);
  if ((fx = slv_costing_quote (c, m->currency, currency, error)) < -1)
    return FALSE;
  if (!slv_decimal_div (m->price, m->price_unit, SLV_ROUND_HALF_EVEN, &v) ||
      !slv_costing_convert (c, fx, v, &v))
    return slv_costing_overflow (c, error);
  *out = slv_costing_figure (c, SLV_FIG_MATERIAL_PRICE, line, FALSE, role, v, currency, args, 2, NULL, 0);
  slv_costing_last (c)->source = m;
  slv_costing_last (c)->fx = fx;
  return TRUE;
}

/* finished = (1 + dye loss) × ((1 + knit loss) × yarn + knitting) + dyeing + surcharge */
static gboolean
chain_price (SlvCostingCtx         *c,
             guint                  line,
             const SlvMaterialRec  *b_yarn,
             const SlvBomCalc      *k,
             const SlvMaterialRec  *fabric,
             guint                 *out,
             GError               **error)
{
  const SlvMaterialRec *yarn = c->bound && b_yarn ? b_yarn : slv_cost_master_find_material (c->master, k->yarn_code);
  const SlvRate *knit, *dye;
  guint kids[3];
  SlvDecimal args[6], v;

  if (yarn == NULL)
    return slv_costing_fail (c, error, SLV_COSTING_ERROR_NOT_FOUND,
                             _("the yarn %s of the price chain is not in the material master."), k->yarn_code);
  if (!material_price (c, line, SLV_ROLE_YARN, yarn, fabric->currency, &kids[0], error) ||
      (knit = slv_costing_rate_ref (c, &k->knitting, NULL, error)) == NULL ||
      (dye = slv_costing_rate_ref (c, &k->dyeing, NULL, error)) == NULL ||
      !slv_costing_rate_figure (c, knit, line, FALSE, SLV_ROLE_KNITTING, fabric->currency, &kids[1], error) ||
      !slv_costing_rate_figure (c, dye, line, FALSE, SLV_ROLE_DYEING, fabric->currency, &kids[2], error))
    return FALSE;
  args[0] = slv_costing_value (c, kids[0]);
  args[1] = k->knit_loss_pct;
  args[2] = slv_costing_value (c, kids[1]);
  args[3] = k->dye_loss_pct;
  args[4] = slv_costing_value (c, kids[2]);
  args[5] = k->surcharge;
  if (!slv_decimal_add_percent (args[0], args[1], &v) || !slv_decimal_add (v, args[2], &v) ||
      !slv_decimal_add_percent (v, args[3], &v) || !slv_decimal_add (v, args[4], &v) ||
      !slv_decimal_add (v, args[5], &v))
    return slv_costing_overflow (c, error);
  *out = slv_costing_figure (c, SLV_FIG_PRICE_CHAIN, line, FALSE, SLV_ROLE_PRICE, v, fabric->currency,
                             args, 6, kids, 3);
  slv_costing_last (c)->source = fabric;
  return TRUE;
}

static SlvCostGroup
material_group (const SlvMaterialRec *m)
{
  return g_strcmp0 (m->kind, "trim") == 0 ? SLV_COST_GROUP_TRIMS : SLV_COST_GROUP_FABRIC;
}

gboolean
slv_costing_bom_line (SlvCostingCtx  *c,
                      guint           line,
                      guint          *cost,
                      GError        **error)
{
  const SlvBomInput *b = &g_array_index (c->input->bom, SlvBomInput, line);
  const SlvMaterialRec *m = c->bound && b->material ? b->material : slv_cost_master_get_material (c->master, b->material_id);
  guint kids[3];
  SlvDecimal args[3], v;
  int fx;

  if (m == NULL)
    {
      const char *problem = slv_cost_master_get_problem (c->master, b->material_id);

      return slv_costing_fail (c, error, SLV_COSTING_ERROR_NOT_FOUND, "%s",
                               problem ? problem : b->material_id ? _("its material is not in the material master.")
                                                                  : _("choose a material."));
    }
  if (!consumption (c, line, b, m, &kids[0], error))
    return FALSE;
  args[0] = slv_costing_value (c, kids[0]);
  args[1] = b->wastage_pct;
  if (!slv_decimal_add_percent (args[0], args[1], &v))
    return slv_costing_overflow (c, error);
  kids[1] = slv_costing_figure (c, SLV_FIG_GROSS, line, FALSE, SLV_ROLE_GROSS, v,
                                slv_cost_sheet_get_figure (c->sheet, kids[0])->unit, args, 2, &kids[0], 1);
  if (!(b->calc.has_chain ? chain_price (c, line, b->yarn, &b->calc, m, &kids[2], error)
                          : material_price (c, line, SLV_ROLE_PRICE, m, m->currency, &kids[2], error)))
    return FALSE;
  if (!unit_factor (slv_cost_sheet_get_figure (c->sheet, kids[0])->unit, m->unit, &args[1]))
    return slv_costing_fail (c, error, SLV_COSTING_ERROR_INVALID,
                             _("a consumption in %s cannot be priced per %s (material %s); use the "
                               "material’s unit."), slv_cost_sheet_get_figure (c->sheet, kids[0])->unit,
                             m->unit, m->code);
  args[0] = slv_costing_value (c, kids[1]);
  args[2] = slv_costing_value (c, kids[2]);
  if ((fx = slv_costing_quote (c, m->currency, c->ccy, error)) < -1)
    return FALSE;
  if (!slv_decimal_mul (args[0], args[1], &v) || !slv_decimal_mul (v, args[2], &v) ||
      !slv_costing_convert (c, fx, v, &v))
    return slv_costing_overflow (c, error);
  *cost = slv_costing_figure (c, SLV_FIG_BOM_COST, line, FALSE, SLV_ROLE_COST, v, c->ccy, args, 3, kids, 3);
  slv_costing_last (c)->fx = fx;
  slv_costing_last (c)->group = material_group (m);
  slv_costing_last (c)->source = m;
  return TRUE;
}

/* -- process lines -- */

static gboolean
percent_figure (SlvCostingCtx  *c,
                guint           line,
                guint           role,
                guint           base,
                SlvDecimal      pct,
                SlvPctKind      kind,
                guint          *out,
                GError        **error)
{
  SlvDecimal args[2] = { slv_costing_value (c, base), pct }, v, rest;

  if (kind == SLV_PCT_MARKUP ? !slv_decimal_percent_of (args[0], pct, &v)
                             : (!slv_decimal_sub (DEC (100), pct, &rest) || slv_decimal_sign (rest) <= 0 ||
                                !slv_decimal_mul (args[0], pct, &v) ||
                                !slv_decimal_div (v, rest, SLV_ROUND_HALF_EVEN, &v)))
    return slv_costing_overflow (c, error);
  *out = slv_costing_figure (c, kind == SLV_PCT_MARKUP ? SLV_FIG_PCT_MARKUP : SLV_FIG_PCT_MARGIN,
                             line, TRUE, role, v, c->ccy, args, 2, &base, 1);
  return TRUE;
}

/* SAM × rate per minute ÷ efficiency, then the factory's overhead and profit. */
static gboolean
making (SlvCostingCtx          *c,
        guint                   line,
        const SlvProcessInput  *p,
        guint                   rate_fig,
        guint                  *out,
        GError                **error)
{
  SlvDecimal args[3] = { p->has_sam ? p->sam : p->quantity, slv_costing_value (c, rate_fig), p->efficiency };
  const char *ccy = slv_cost_sheet_get_figure (c->sheet, rate_fig)->unit;
  guint parts[3], n = 1, sub;
  SlvDecimal v;

  if (!slv_decimal_mul (args[0], args[1], &v) || !slv_decimal_div (v, args[2], SLV_ROUND_HALF_EVEN, &v))
    return slv_costing_overflow (c, error);
  parts[0] = slv_costing_figure (c, SLV_FIG_MAKING, line, TRUE, SLV_ROLE_LABOUR, v, ccy, args, 3, &rate_fig, 1);
  if (p->has_cm_overhead)
    {
      if (!percent_figure (c, line, SLV_ROLE_CM_OVERHEAD, parts[0], p->cm_overhead_pct, SLV_PCT_MARKUP,
                           &parts[n], error))
        return FALSE;
      slv_costing_last (c)->unit = ccy;
      n++;
    }
  if (p->has_cm_profit)
    {
      sub = parts[0];
      if (n > 1)
        {
          if (!slv_decimal_add (slv_costing_value (c, parts[0]), slv_costing_value (c, parts[1]), &v))
            return slv_costing_overflow (c, error);
          sub = slv_costing_figure (c, SLV_FIG_SUM, line, TRUE, SLV_ROLE_CM_SUBTOTAL, v, ccy, NULL, 0, parts, 2);
          parts[0] = sub, n = 1;
        }
      if (!percent_figure (c, line, SLV_ROLE_CM_PROFIT, sub, p->cm_profit_pct, p->cm_profit_kind,
                           &parts[n], error))
        return FALSE;
      slv_costing_last (c)->unit = ccy;
      n++;
    }
  if (n == 1)
    {
      *out = parts[0];
      return TRUE;
    }
  if (!slv_decimal_add (slv_costing_value (c, parts[0]), slv_costing_value (c, parts[1]), &v))
    return slv_costing_overflow (c, error);
  *out = slv_costing_figure (c, SLV_FIG_SUM, line, TRUE, SLV_ROLE_BASE, v, ccy, NULL, 0, parts, 2);
  return TRUE;
}

/* first + (colours − 1) × extra + colours × locations × screen ÷ order qty */
static gboolean
screen_print (SlvCostingCtx          *c,
              guint                   line,
              const SlvProcessInput  *p,
              const SlvRate          *first,
              guint                   rate_fig,
              guint                  *out,
              GError                **error)
{
  const char *ccy = first->currency;
  const SlvRate *extra, *screen;
  guint kids[3] = { rate_fig };
  SlvDecimal args[6], v, t;

  if ((extra = c->bound && p->extra_group ? slv_costing_rate_group (c, p->extra_group, error)
              : slv_costing_rate_key (c, first->process, p->extra_colour_key ? p->extra_colour_key
                                      : "screen-extra-colour", first->supplier_code, error)) == NULL ||
      (screen = c->bound && p->screen_group ? slv_costing_rate_group (c, p->screen_group, error)
               : slv_costing_rate_key (c, first->process, p->screen_key ? p->screen_key : "screen-charge",
                                       first->supplier_code, error)) == NULL ||
      !slv_costing_rate_figure (c, extra, line, TRUE, SLV_ROLE_EXTRA_COLOUR, ccy, &kids[1], error) ||
      !slv_costing_rate_figure (c, screen, line, TRUE, SLV_ROLE_SCREEN, ccy, &kids[2], error))
    return FALSE;
  args[0] = slv_costing_value (c, kids[0]);
  args[1] = slv_costing_value (c, kids[1]);
  args[2] = p->colours;
  args[3] = p->locations;
  args[4] = slv_costing_value (c, kids[2]);
  args[5] = c->qty_dec;
  if (!slv_decimal_sub (args[2], DEC (1), &t) || !slv_decimal_mul (t, args[1], &t) ||
      !slv_decimal_add (args[0], t, &v) || !slv_decimal_mul (args[2], args[3], &t) ||
      !slv_decimal_mul (t, args[4], &t) || !slv_decimal_div (t, args[5], SLV_ROUND_HALF_EVEN, &t) ||
      !slv_decimal_add (v, t, &v))
    return slv_costing_overflow (c, error);
  *out = slv_costing_figure (c, SLV_FIG_PRINT, line, TRUE, SLV_ROLE_BASE, v, ccy, args, 6, kids, 3);
  return TRUE;
}

/* stitches ÷ 1000 × rate + digitising ÷ order qty */
static gboolean
embroidery (SlvCostingCtx          *c,
            guint                   line,
            const SlvProcessInput  *p,
            const SlvRate          *rate,
            guint                   rate_fig,
            guint                  *out,
            GError                **error)
{
  guint kids[2] = { rate_fig }, n = 1;
  SlvDecimal args[4] = { p->stitches, slv_costing_value (c, rate_fig), SLV_DECIMAL_ZERO, c->qty_dec }, v, t;

  if (!p->has_stitches && !slv_decimal_mul (p->quantity, DEC (1000), &args[0]))
    return slv_costing_overflow (c, error);
  if (p->digitising_key != NULL)
    {
      const SlvRate *dig = c->bound && p->digitising_group
                           ? slv_costing_rate_group (c, p->digitising_group, error)
                           : slv_costing_rate_key (c, rate->process, p->digitising_key, rate->supplier_code, error);

      if (dig == NULL || !slv_costing_rate_figure (c, dig, line, TRUE, SLV_ROLE_DIGITISING, rate->currency,
                                                   &kids[n++], error))
        return FALSE;
      args[2] = slv_costing_value (c, kids[1]);
    }
  if (!slv_decimal_div (args[0], DEC (1000), SLV_ROUND_HALF_EVEN, &v) || !slv_decimal_mul (v, args[1], &v) ||
      !slv_decimal_div (args[2], args[3], SLV_ROUND_HALF_EVEN, &t) || !slv_decimal_add (v, t, &v))
    return slv_costing_overflow (c, error);
  *out = slv_costing_figure (c, SLV_FIG_EMBROIDERY, line, TRUE, SLV_ROLE_BASE, v, rate->currency,
                             args, 4, kids, n);
  return TRUE;
}

/* quantity × unit rate ÷ (12 for dozens, the order for per-order rates,
 * pieces per carton for cartons) */
static gboolean
simple (SlvCostingCtx          *c,
        guint                   line,
        const SlvProcessInput  *p,
        const SlvRate          *rate,
        guint                   rate_fig,
        guint                  *out,
        GError                **error)
{
  SlvDecimal args[3] = { p->quantity, slv_costing_value (c, rate_fig), DEC (1) }, v;

  switch (rate->unit)
    {
    case SLV_RATE_UNIT_DOZEN:
      args[2] = DEC (12);
      break;
    case SLV_RATE_UNIT_ORDER:
      args[2] = c->qty_dec;
      break;
    case SLV_RATE_UNIT_CARTON:
      if (!p->has_pieces_per_carton)
        return slv_costing_fail (c, error, SLV_COSTING_ERROR_INVALID,
                                 _("a rate per carton needs “pieces_per_carton” in the line’s parameters."));
      args[2] = p->pieces_per_carton;
      break;
    case SLV_RATE_UNIT_PERCENT:
      return slv_costing_fail (c, error, SLV_COSTING_ERROR_INVALID,
                               _("a percentage rate cannot price a line; use it for overhead, commercial "
                                 "cost or profit in the costing’s parameters."));
    case SLV_RATE_UNIT_KG: case SLV_RATE_UNIT_PIECE: case SLV_RATE_UNIT_1000_STITCHES:
    case SLV_RATE_UNIT_MINUTE: case SLV_RATE_UNIT_COLOUR: case SLV_RATE_UNIT_SCREEN:
    case SLV_RATE_UNIT_METRE: case SLV_RATE_UNIT_YARD:
    default:
      break;
    }
  if (!slv_decimal_mul (args[0], args[1], &v) || !slv_decimal_div (v, args[2], SLV_ROUND_HALF_EVEN, &v))
    return slv_costing_overflow (c, error);
  *out = slv_costing_figure (c, SLV_FIG_PROCESS_SIMPLE, line, TRUE, SLV_ROLE_BASE, v, rate->currency,
                             args, 3, &rate_fig, 1);
  return TRUE;
}

static SlvCostGroup
process_group (SlvProcessKind kind)
{
  switch (kind)
    {
    case SLV_PROCESS_KNITTING: case SLV_PROCESS_DYEING: case SLV_PROCESS_WASHING:
      return SLV_COST_GROUP_PROCESSING;
    case SLV_PROCESS_PRINTING: case SLV_PROCESS_EMBROIDERY:
      return SLV_COST_GROUP_DECORATION;
    case SLV_PROCESS_MAKING:
      return SLV_COST_GROUP_MAKING;
    case SLV_PROCESS_TRIMS: case SLV_PROCESS_PACKING:
      return SLV_COST_GROUP_TRIMS;
    case SLV_PROCESS_TESTING: case SLV_PROCESS_FREIGHT: case SLV_PROCESS_OTHER:
    default:
      return SLV_COST_GROUP_OTHER;
    }
}

/* base × (1 + loss), at least the minimum charge ÷ order qty, converted */
static gboolean
process_cost (SlvCostingCtx          *c,
              guint                   line,
              const SlvProcessInput  *p,
              const SlvRate          *rate,
              guint                   base,
              guint                  *cost,
              GError                **error)
{
  const char *ccy = slv_cost_sheet_get_figure (c->sheet, base)->unit;
  SlvDecimal args[5] = { slv_costing_value (c, base), p->loss_pct, SLV_DECIMAL_ZERO, c->qty_dec, SLV_DECIMAL_ZERO };
  SlvDecimal v, floor;
  int fx;

  if (!slv_decimal_add_percent (args[0], args[1], &v))
    return slv_costing_overflow (c, error);
  if (rate->has_min_charge && rate->currency == ccy)
    {
      args[2] = rate->min_charge;
      if (!slv_decimal_div (rate->min_charge, c->qty_dec, SLV_ROUND_HALF_EVEN, &floor))
        return slv_costing_overflow (c, error);
      if (slv_decimal_cmp (v, floor) < 0)
        v = floor, args[4] = DEC (1);
    }
  if ((fx = slv_costing_quote (c, ccy, c->ccy, error)) < -1)
    return FALSE;
  if (!slv_costing_convert (c, fx, v, &v))
    return slv_costing_overflow (c, error);
  *cost = slv_costing_figure (c, SLV_FIG_PROCESS_COST, line, TRUE, SLV_ROLE_COST, v, c->ccy, args, 5, &base, 1);
  slv_costing_last (c)->fx = fx;
  slv_costing_last (c)->rate = rate;
  slv_costing_last (c)->group = process_group (p->kind);
  return TRUE;
}

gboolean
slv_costing_process_line (SlvCostingCtx  *c,
                          guint           line,
                          guint          *cost,
                          GError        **error)
{
  const SlvProcessInput *p = &g_array_index (c->input->processes, SlvProcessInput, line);
  const SlvRate *chosen = c->bound && p->rate ? p->rate : slv_cost_master_get_rate (c->master, p->rate_id);
  const SlvRate *rate;
  guint rate_fig, base = 0;
  gboolean ok;

  if (chosen == NULL)
    {
      const char *problem = slv_cost_master_get_problem (c->master, p->rate_id);

      return slv_costing_fail (c, error, SLV_COSTING_ERROR_NOT_FOUND, "%s",
                               problem ? problem : p->rate_id ? _("its rate is not in the cost master.")
                                                              : _("choose a rate from the cost master."));
    }
  if ((rate = slv_costing_rate_group (c, chosen->group, error)) == NULL)
    return FALSE;
  if (!slv_costing_rate_figure (c, rate, line, TRUE, SLV_ROLE_RATE, NULL, &rate_fig, error))
    return FALSE;

  if (p->kind == SLV_PROCESS_MAKING && rate->unit == SLV_RATE_UNIT_MINUTE)
    ok = making (c, line, p, rate_fig, &base, error);
  else if (p->has_colours)
    ok = screen_print (c, line, p, rate, rate_fig, &base, error);
  else if (rate->unit == SLV_RATE_UNIT_1000_STITCHES)
    ok = embroidery (c, line, p, rate, rate_fig, &base, error);
  else
    ok = simple (c, line, p, rate, rate_fig, &base, error);
  return ok && process_cost (c, line, p, rate, base, cost, error);
}
