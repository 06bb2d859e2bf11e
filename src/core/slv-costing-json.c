/* slv-costing-json.c: the JSON fields of costings, BOM and process lines.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-costing"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "slv-costing-input-private.h"
#include "slv-cost-master.h"

static gboolean
bad (GError    **error,
     const char *format,
     ...) G_GNUC_PRINTF (2, 3);

static gboolean
bad (GError    **error,
     const char *format,
     ...)
{
  g_autofree char *msg = NULL;
  va_list args;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, SLV_COSTING_ERROR, SLV_COSTING_ERROR_INVALID, msg);
  return FALSE;
}

/* The root object of @json, or NULL with @error (also NULL for ""). */
static JsonObject *
parse_object (const char  *json,
              JsonParser **parser,
              GError     **error)
{
  g_autoptr(GError) local = NULL;
  JsonNode *root;

  *parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (*parser, json, -1, &local))
    return bad (error, _("this is not valid JSON (%s)."), local->message), NULL;
  root = json_parser_get_root (*parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return bad (error, _("this must be a JSON object { … }.")), NULL;
  return json_node_get_object (root);
}

/* A decimal member given as a string or a JSON number. */
static gboolean
get_decimal (JsonObject  *o,
             const char  *member,
             SlvDecimal   fallback,
             SlvDecimal  *out,
             gboolean    *present,
             GError     **error)
{
  JsonNode *node = o ? json_object_get_member (o, member) : NULL;
  g_autoptr(GError) local = NULL;
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  const char *text;

  if (present != NULL)
    *present = node != NULL && !JSON_NODE_HOLDS_NULL (node);
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      *out = fallback;
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node))
    return bad (error, _("“%s” must be a number."), member);
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    text = json_node_get_string (node);
  else if (json_node_get_value_type (node) == G_TYPE_INT64)
    text = buf, g_snprintf (buf, sizeof buf, "%" G_GINT64_FORMAT, json_node_get_int (node));
  else if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    text = g_ascii_formatd (buf, sizeof buf, "%.15g", json_node_get_double (node));
  else
    return bad (error, _("“%s” must be a number."), member);
  if (!slv_decimal_parse (text, -1, out, &local))
    return bad (error, _("“%s”: %s"), member, local->message);
  return TRUE;
}

static char *
get_string (JsonObject *o,
            const char *member)
{
  JsonNode *node = o ? json_object_get_member (o, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return g_strdup (json_node_get_string (node));
}

void
slv_rate_ref_clear (SlvRateRef *ref)
{
  g_clear_pointer (&ref->process, g_free);
  g_clear_pointer (&ref->key, g_free);
  g_clear_pointer (&ref->supplier, g_free);
  ref->group = NULL;
}

void
slv_rate_ref_copy (SlvRateRef       *dst,
                   const SlvRateRef *src)
{
  dst->process = g_strdup (src->process);
  dst->key = g_strdup (src->key);
  dst->supplier = g_strdup (src->supplier);
  dst->group = src->group;
}

/* { "rate": KEY, "supplier": CODE, "process": P } or { "key": …} */
static gboolean
get_rate_ref (JsonObject  *o,
              const char  *process,
              SlvRateRef  *ref,
              GError     **error)
{
  ref->key = get_string (o, "rate");
  if (ref->key == NULL)
    ref->key = get_string (o, "key");
  if (ref->key == NULL || *ref->key == '\0')
    return bad (error, _("name the cost-master rate with “rate”: KEY."));
  ref->process = get_string (o, "process");
  if (ref->process == NULL)
    ref->process = g_strdup (process);
  ref->supplier = get_string (o, "supplier");
  return TRUE;
}

/* -- costing.params -- */

static gboolean
parse_pct_rule (JsonObject  *root,
                const char  *member,
                const char  *process,
                SlvPctRule  *rule,
                GError     **error)
{
  JsonNode *node = json_object_get_member (root, member);
  JsonObject *o;
  g_autofree char *base = NULL;
  g_autofree char *kind = NULL;
  g_autoptr(GError) local = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return bad (error, _("“%s” must be an object with pct or rate, base and kind."), member);
  o = json_node_get_object (node);
  rule->set = TRUE;
  rule->from_rate = json_object_has_member (o, "rate");
  if (rule->from_rate ? !get_rate_ref (o, process, &rule->rate, &local)
                      : !get_decimal (o, "pct", SLV_DECIMAL_ZERO, &rule->pct, NULL, &local))
    return bad (error, "“%s”: %s", member, local->message);
  base = get_string (o, "base");
  kind = get_string (o, "kind");
  if (base == NULL || g_str_equal (base, "cm"))
    rule->base = SLV_PCT_BASE_CM;
  else if (g_str_equal (base, "production"))
    rule->base = SLV_PCT_BASE_PRODUCTION;
  else if (g_str_equal (base, "cost_plus_commercial"))
    rule->base = SLV_PCT_BASE_COST_PLUS_COMMERCIAL;
  else
    return bad (error, _("“%s”: the base “%s” is not cm, production or cost_plus_commercial."), member, base);
  if (kind == NULL || g_str_equal (kind, "markup"))
    rule->kind = SLV_PCT_MARKUP;
  else if (g_str_equal (kind, "margin"))
    rule->kind = SLV_PCT_MARGIN;
  else
    return bad (error, _("“%s”: the kind “%s” is not markup or margin."), member, kind);
  if (rule->kind == SLV_PCT_MARGIN && !rule->from_rate &&
      slv_decimal_cmp (rule->pct, slv_decimal_from_int (100)) >= 0)
    return bad (error, _("“%s”: a margin must be below 100 %%."), member);
  return TRUE;
}

static gboolean
parse_amount_rule (JsonObject     *root,
                   const char     *member,
                   SlvAmountRule  *rule,
                   GError        **error)
{
  JsonNode *node = json_object_get_member (root, member);
  g_autoptr(GError) local = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  rule->set = TRUE;
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      rule->from_rate = TRUE;
      if (!get_rate_ref (json_node_get_object (node), member, &rule->rate, &local))
        return bad (error, "“%s”: %s", member, local->message);
      return TRUE;
    }
  return get_decimal (root, member, SLV_DECIMAL_ZERO, &rule->amount, NULL, error);
}

gboolean
slv_costing_params_parse (const char        *json,
                          SlvCostingParams  *out,
                          GError           **error)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *root;
  gboolean ok;

  memset (out, 0, sizeof *out);
  if (json == NULL || *json == '\0')
    return TRUE;
  root = parse_object (json, &parser, error);
  ok = root != NULL &&
       parse_pct_rule (root, "overhead", "overhead", &out->overhead, error) &&
       parse_pct_rule (root, "commercial", "commercial", &out->commercial, error) &&
       parse_pct_rule (root, "profit", "commercial", &out->profit, error) &&
       parse_amount_rule (root, "freight", &out->freight, error) &&
       parse_amount_rule (root, "clearance", &out->clearance, error) &&
       get_decimal (root, "insurance_pct", SLV_DECIMAL_ZERO, &out->insurance_pct, NULL, error);
  if (ok && out->overhead.set && out->overhead.base == SLV_PCT_BASE_COST_PLUS_COMMERCIAL)
    ok = bad (error, _("“overhead” cannot be a share of cost + commercial, which includes the overhead."));
  if (ok && out->commercial.set && out->commercial.base == SLV_PCT_BASE_COST_PLUS_COMMERCIAL)
    ok = bad (error, _("“commercial” cannot be a share of cost + commercial, which includes itself."));
  if (!ok)
    slv_costing_params_clear (out);
  return ok;
}

void
slv_costing_params_clear (SlvCostingParams *params)
{
  slv_rate_ref_clear (&params->overhead.rate);
  slv_rate_ref_clear (&params->commercial.rate);
  slv_rate_ref_clear (&params->profit.rate);
  slv_rate_ref_clear (&params->freight.rate);
  slv_rate_ref_clear (&params->clearance.rate);
  memset (params, 0, sizeof *params);
}

void
slv_costing_params_copy (SlvCostingParams       *dst,
                         const SlvCostingParams *src)
{
  *dst = *src;
  slv_rate_ref_copy (&dst->overhead.rate, &src->overhead.rate);
  slv_rate_ref_copy (&dst->commercial.rate, &src->commercial.rate);
  slv_rate_ref_copy (&dst->profit.rate, &src->profit.rate);
  slv_rate_ref_copy (&dst->freight.rate, &src->freight.rate);
  slv_rate_ref_copy (&dst->clearance.rate, &src->clearance.rate);
}

/* -- bom_line.calc -- */

static gboolean
parse_knit (JsonObject  *o,
            SlvBomCalc  *c,
            GError     **error)
{
  static const char * const names[] = { "body_length", "body_allowance", "sleeve_length",
                                        "sleeve_allowance", "half_chest", "chest_allowance" };
  SlvDecimal *fields[] = { &c->body_length, &c->body_allowance, &c->sleeve_length,
                           &c->sleeve_allowance, &c->half_chest, &c->chest_allowance };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (!get_decimal (o, names[i], SLV_DECIMAL_ZERO, fields[i], NULL, error))
      return FALSE;
  return get_decimal (o, "gsm", SLV_DECIMAL_ZERO, &c->gsm, &c->has_gsm, error);
}

static gboolean
parse_woven (JsonObject  *o,
             SlvBomCalc  *c,
             GError     **error)
{
  JsonArray *parts = json_object_has_member (o, "parts") ? json_object_get_array_member (o, "parts") : NULL;
  SlvDecimal shrink;

  if (parts == NULL || json_array_get_length (parts) == 0)
    return bad (error, _("a woven calculation needs “parts”: [ { length, width, count } … ]."));
  if (json_array_get_length (parts) > SLV_WOVEN_MAX_PARTS)
    return bad (error, _("a woven calculation takes at most %d parts."), SLV_WOVEN_MAX_PARTS);
  c->parts = g_new0 (SlvWovenPart, json_array_get_length (parts));
  for (guint i = 0; i < json_array_get_length (parts); i++)
    {
      JsonNode *node = json_array_get_element (parts, i);
      JsonObject *p = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      SlvWovenPart *part = &c->parts[c->n_parts++];

      if (p == NULL)
        return bad (error, _("part %u must be an object { length, width, count }."), i + 1);
      if (!get_decimal (p, "length", SLV_DECIMAL_ZERO, &part->length, NULL, error) ||
          !get_decimal (p, "width", SLV_DECIMAL_ZERO, &part->width, NULL, error) ||
          !get_decimal (p, "count", slv_decimal_from_int (1), &part->count, NULL, error))
        return FALSE;
    }
  if (!get_decimal (o, "cuttable_width", SLV_DECIMAL_ZERO, &c->cuttable_width, NULL, error) ||
      !get_decimal (o, "shrinkage_allowance", SLV_DECIMAL_ZERO, &shrink, NULL, error) ||
      !get_decimal (o, "marker_efficiency", slv_decimal_from_int (100), &c->marker_efficiency, NULL, error))
    return FALSE;
  c->shrinkage_allowance = shrink;
  if (json_object_has_member (o, "cut_weight") || json_object_has_member (o, "lay_weight"))
    {
      /* fabric utilisation = weight of cut panels ÷ weight of the lay */
      SlvDecimal cut, lay;

      if (!get_decimal (o, "cut_weight", SLV_DECIMAL_ZERO, &cut, NULL, error) ||
          !get_decimal (o, "lay_weight", SLV_DECIMAL_ZERO, &lay, NULL, error))
        return FALSE;
      if (slv_decimal_sign (lay) <= 0 || slv_decimal_sign (cut) <= 0 || slv_decimal_cmp (cut, lay) > 0)
        return bad (error, _("“cut_weight” and “lay_weight” must be above zero, the cut no heavier than the lay."));
      if (!slv_decimal_mul (cut, slv_decimal_from_int (100), &cut) ||
          !slv_decimal_div (cut, lay, SLV_ROUND_HALF_EVEN, &c->marker_efficiency))
        return bad (error, _("the lay weights are too large."));
    }
  if (slv_decimal_cmp (c->cuttable_width, shrink) <= 0)
    return bad (error, _("the usable width (cuttable width − shrinkage allowance) must be above zero."));
  if (slv_decimal_sign (c->marker_efficiency) <= 0 ||
      slv_decimal_cmp (c->marker_efficiency, slv_decimal_from_int (100)) > 0)
    return bad (error, _("“marker_efficiency” is a percentage above 0 and at most 100."));
  return TRUE;
}

static gboolean
parse_chain (JsonObject  *o,
             SlvBomCalc  *c,
             GError     **error)
{
  g_autofree char *method = get_string (o, "method");
  JsonObject *knit = json_object_has_member (o, "knitting") ? json_object_get_object_member (o, "knitting") : NULL;
  JsonObject *dye = json_object_has_member (o, "dyeing") ? json_object_get_object_member (o, "dyeing") : NULL;

  if (method != NULL && !g_str_equal (method, "yarn_chain"))
    return bad (error, _("the price method “%s” is unknown; use yarn_chain."), method);
  c->has_chain = TRUE;
  c->yarn_code = get_string (o, "yarn");
  if (c->yarn_code == NULL)
    return bad (error, _("a yarn price chain needs the yarn’s material code in “yarn”."));
  if (knit == NULL || dye == NULL)
    return bad (error, _("a yarn price chain needs “knitting” and “dyeing” rates."));
  return get_decimal (o, "knit_loss_pct", SLV_DECIMAL_ZERO, &c->knit_loss_pct, NULL, error) &&
         get_decimal (o, "dye_loss_pct", SLV_DECIMAL_ZERO, &c->dye_loss_pct, NULL, error) &&
         get_decimal (o, "surcharge", SLV_DECIMAL_ZERO, &c->surcharge, NULL, error) &&
         get_rate_ref (knit, "knitting", &c->knitting, error) &&
         get_rate_ref (dye, "dyeing", &c->dyeing, error);
}

gboolean
slv_bom_calc_parse (const char  *json,
                    SlvBomCalc  *out,
                    GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autofree char *method = NULL;
  g_autofree char *units = NULL;
  JsonObject *root;
  gboolean ok = TRUE;

  memset (out, 0, sizeof *out);
  if (json == NULL || *json == '\0')
    return TRUE;
  if ((root = parse_object (json, &parser, error)) == NULL)
    return FALSE;
  method = get_string (root, "method");
  units = get_string (root, "units");
  if (method == NULL || g_str_equal (method, "manual"))
    out->method = SLV_CALC_MANUAL;
  else if (g_str_equal (method, "knit"))
    out->method = SLV_CALC_KNIT, ok = parse_knit (root, out, error);
  else if (g_str_equal (method, "woven"))
    out->method = SLV_CALC_WOVEN, ok = parse_woven (root, out, error);
  else if (g_str_equal (method, "per_dozen"))
    {
      out->method = SLV_CALC_PER_DOZEN;
      ok = get_decimal (root, "grams_per_dozen", SLV_DECIMAL_ZERO, &out->grams_per_dozen, NULL, error);
    }
  else
    ok = bad (error, _("the method “%s” is unknown; use knit, woven, per_dozen or manual."), method);
  if (ok && units != NULL && !g_str_equal (units, "cm") && !g_str_equal (units, "in"))
    ok = bad (error, _("“units” must be “cm” or “in”."));
  out->inches = units != NULL ? g_str_equal (units, "in") : out->method == SLV_CALC_WOVEN;
  if (ok && json_object_has_member (root, "price"))
    {
      JsonNode *price = json_object_get_member (root, "price");

      ok = JSON_NODE_HOLDS_OBJECT (price) ? parse_chain (json_node_get_object (price), out, error)
                                          : bad (error, _("“price” must be an object."));
    }
  if (!ok)
    slv_bom_calc_clear (out);
  return ok;
}

void
slv_bom_calc_clear (SlvBomCalc *calc)
{
  g_free (calc->parts);
  g_free (calc->yarn_code);
  slv_rate_ref_clear (&calc->knitting);
  slv_rate_ref_clear (&calc->dyeing);
  memset (calc, 0, sizeof *calc);
}

void
slv_bom_calc_copy (SlvBomCalc       *dst,
                   const SlvBomCalc *src)
{
  *dst = *src;
  dst->parts = src->n_parts ? g_memdup2 (src->parts, src->n_parts * sizeof (SlvWovenPart)) : NULL;
  dst->yarn_code = g_strdup (src->yarn_code);
  slv_rate_ref_copy (&dst->knitting, &src->knitting);
  slv_rate_ref_copy (&dst->dyeing, &src->dyeing);
}

/* -- process_line.params -- */

gboolean
slv_process_params_parse (const char       *json,
                          SlvProcessInput  *line,
                          GError          **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autofree char *profit_kind = NULL;
  JsonObject *root = NULL;
  gboolean ok;

  slv_process_params_clear (line);
  if (json != NULL && *json != '\0' && (root = parse_object (json, &parser, error)) == NULL)
    return FALSE;
  ok = get_decimal (root, "sam", SLV_DECIMAL_ZERO, &line->sam, &line->has_sam, error) &&
       get_decimal (root, "efficiency", slv_decimal_from_int (1), &line->efficiency, NULL, error) &&
       get_decimal (root, "overhead_pct", SLV_DECIMAL_ZERO, &line->cm_overhead_pct, &line->has_cm_overhead, error) &&
       get_decimal (root, "profit_pct", SLV_DECIMAL_ZERO, &line->cm_profit_pct, &line->has_cm_profit, error) &&
       get_decimal (root, "colours", SLV_DECIMAL_ZERO, &line->colours, &line->has_colours, error) &&
       get_decimal (root, "locations", slv_decimal_from_int (1), &line->locations, NULL, error) &&
       get_decimal (root, "stitches", SLV_DECIMAL_ZERO, &line->stitches, &line->has_stitches, error) &&
       get_decimal (root, "pieces_per_carton", SLV_DECIMAL_ZERO, &line->pieces_per_carton,
                    &line->has_pieces_per_carton, error);
  if (ok && (slv_decimal_sign (line->efficiency) <= 0 ||
             slv_decimal_cmp (line->efficiency, slv_decimal_from_int (1)) > 0))
    ok = bad (error, _("“efficiency” is a fraction above 0 and at most 1 (0.60 for 60 %%)."));
  if (ok && line->has_colours && (!slv_decimal_is_integer (line->colours) || slv_decimal_sign (line->colours) <= 0 ||
                                  !slv_decimal_is_integer (line->locations) || slv_decimal_sign (line->locations) <= 0))
    ok = bad (error, _("“colours” and “locations” are whole numbers from 1."));
  if (ok && line->has_pieces_per_carton && slv_decimal_sign (line->pieces_per_carton) <= 0)
    ok = bad (error, _("“pieces_per_carton” must be above zero."));
  if (ok)
    {
      profit_kind = get_string (root, "profit_kind");
      line->cm_profit_kind = g_strcmp0 (profit_kind, "margin") == 0 ? SLV_PCT_MARGIN : SLV_PCT_MARKUP;
      if (profit_kind != NULL && !g_str_equal (profit_kind, "margin") && !g_str_equal (profit_kind, "markup"))
        ok = bad (error, _("“profit_kind” is markup or margin."));
      if (line->cm_profit_kind == SLV_PCT_MARGIN &&
          slv_decimal_cmp (line->cm_profit_pct, slv_decimal_from_int (100)) >= 0)
        ok = bad (error, _("a margin must be below 100 %%."));
      line->extra_colour_key = get_string (root, "extra_colour");
      line->screen_key = get_string (root, "screens");
      line->digitising_key = get_string (root, "digitising");
    }
  if (!ok)
    slv_process_params_clear (line);
  return ok;
}

void
slv_process_params_clear (SlvProcessInput *line)
{
  g_clear_pointer (&line->extra_colour_key, g_free);
  g_clear_pointer (&line->screen_key, g_free);
  g_clear_pointer (&line->digitising_key, g_free);
  line->has_sam = line->has_cm_overhead = line->has_cm_profit = FALSE;
  line->has_colours = line->has_stitches = line->has_pieces_per_carton = FALSE;
  line->sam = line->cm_overhead_pct = line->cm_profit_pct = SLV_DECIMAL_ZERO;
  line->colours = line->stitches = line->pieces_per_carton = SLV_DECIMAL_ZERO;
  line->efficiency = line->locations = slv_decimal_from_int (1);
  line->cm_profit_kind = SLV_PCT_MARKUP;
}

void
slv_process_params_copy (SlvProcessInput       *dst,
                         const SlvProcessInput *src)
{
  dst->extra_colour_key = g_strdup (src->extra_colour_key);
  dst->screen_key = g_strdup (src->screen_key);
  dst->digitising_key = g_strdup (src->digitising_key);
}
