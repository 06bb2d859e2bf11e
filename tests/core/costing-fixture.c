/* costing-fixture.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "costing-fixture.h"

SlvDecimal
fixture_dec (const char *text)
{
  SlvDecimal d;

  g_assert_true (slv_decimal_parse (text, -1, &d, NULL));
  return d;
}

char *
fixture_value (SlvCostSheet *sheet,
               const char   *key,
               guint         places)
{
  int i = slv_cost_sheet_find (sheet, key);

  if (i < 0)
    {
      g_test_message ("no figure “%s”", key);
      return NULL;
    }
  return slv_decimal_format (slv_cost_sheet_get_figure (sheet, i)->value, places, SLV_ROUND_HALF_UP);
}

#define V26 "2026-01-01"
#define V27 "2027-12-31"

static const SlvRateSpec rates[] = {
  { "r-knit-sj", "knitting", "single-jersey", NULL, "KN", "Gazipur Knit", "kg", "1.00", NULL, "USD", "150", 0, V26, V27 },
  { "r-knit-sj-25", "knitting", "single-jersey", NULL, "KN", "Gazipur Knit", "kg", "0.92", NULL, "USD", "150", 0, "2025-01-01", "2025-12-31" },
  { "r-dye-med", "dyeing", "reactive-medium", NULL, "DY", "Gazipur Dyeing", "kg", "1.00", NULL, "USD", NULL, 0, V26, V27 },
  { "r-print-1", "printing", "screen-first-colour", NULL, "PR", "Ashulia Print", "piece", "0.25", NULL, "USD", "60.00", 0, V26, V27 },
  { "r-print-1-3k", "printing", "screen-first-colour", NULL, "PR", "Ashulia Print", "piece", "0.21", NULL, "USD", NULL, 3000, V26, V27 },
  { "r-print-1-10k", "printing", "screen-first-colour", NULL, "PR", "Ashulia Print", "piece", "0.18", NULL, "USD", NULL, 10000, V26, V27 },
  { "r-print-x", "printing", "screen-extra-colour", NULL, "PR", "Ashulia Print", "colour", "0.10", NULL, "USD", NULL, 0, V26, V27 },
  { "r-print-x-3k", "printing", "screen-extra-colour", NULL, "PR", "Ashulia Print", "colour", "0.08", NULL, "USD", NULL, 3000, V26, V27 },
  { "r-screen", "printing", "screen-charge", NULL, "PR", "Ashulia Print", "screen", "22.00", NULL, "USD", NULL, 0, V26, V27 },
  { "r-emb", "embroidery", "per-1000-stitches", NULL, "EM", "Savar Embroidery", "1000-stitches", "0.25", NULL, "USD", "40.00", 0, V26, V27 },
  { "r-dig", "embroidery", "digitising", NULL, "EM", "Savar Embroidery", "order", "60.00", NULL, "USD", NULL, 0, V26, V27 },
  { "r-make-ctg", "making", "knit-line", NULL, "FA1", "Karnaphuli", "minute", "0.045", NULL, "USD", NULL, 0, V26, V27 },
  { "r-make-dhk", "making", "knit-line", "wage 8,470 BDT / 12,480 min", "FA2", "Mirpur Knitwear", "minute", "8470", "12480", "BDT", NULL, 0, V26, V27 },
  { "r-collar", "knitting", "flat-knit-collar", NULL, "KN", "Gazipur Knit", "piece", "0.05", NULL, "USD", NULL, 0, V26, V27 },
  { "r-trims-tee", "trims", "basic-knit-pack", NULL, "TR", "Dhaka Label", "dozen", "3.00", NULL, "USD", NULL, 0, V26, V27 },
  { "r-trims-polo", "trims", "polo-pack", NULL, "TR", "Dhaka Label", "piece", "0.40", NULL, "USD", NULL, 0, V26, V27 },
  { "r-test", "testing", "basic-knit", NULL, "LB", "Intertek", "piece", "0.03", NULL, "USD", "30.00", 0, V26, V27 },
  { "r-test-wov", "testing", "woven", NULL, "LB", "Intertek", "piece", "0.04", NULL, "USD", "220.00", 0, V26, V27 },
  { "r-oh", "overhead", "factory-overhead", NULL, "FA1", "Karnaphuli", "percent", "20", NULL, "USD", NULL, 0, V26, V27 },
  { "r-comm", "commercial", "lc-bank-docs", NULL, NULL, NULL, "percent", "3", NULL, "USD", NULL, 0, V26, V27 },
  { "r-profit", "commercial", "factory-profit", NULL, NULL, NULL, "percent", "10", NULL, "USD", NULL, 0, V26, V27 },
  { "r-frt-eu", "freight", "sea-ctg-rotterdam", NULL, "FW", "CTG Sea Freight", "piece", "0.12", NULL, "USD", NULL, 0, V26, V27 },
  { "r-frt-us", "freight", "sea-ctg-newyork", NULL, "FW", "CTG Sea Freight", "piece", "0.15", NULL, "USD", NULL, 0, V26, V27 },
  { "r-clr-eu", "clearance", "eu-broker", NULL, NULL, NULL, "piece", "0.05", NULL, "USD", NULL, 0, V26, V27 },
  { "r-wash-eur", "washing", "enzyme-eu", NULL, "WS", "Porto Wash", "piece", "0.50", NULL, "EUR", NULL, 0, V26, V27 },
};

static const SlvMaterialSpec materials[] = {
  { "m-yarn", "0001100101", "Cotton combed 30/1", "yarn", "KG", "2.80", NULL, "USD", NULL, "SP" },
  { "m-jersey", "0001200101", "Single jersey 180", "fabric", "KG", "5.1954", NULL, "USD", "180", "KN" },
  { "m-rib", "0001200106", "1x1 rib", "fabric", "KG", "5.70", NULL, "USD", "220", "KN" },
  { "m-pique", "0001200104", "Pique 220", "fabric", "KG", "5.40", NULL, "USD", "220", "KN" },
  { "m-collar", "0001200113", "Flat-knit collar", "fabric", "KG", "5.21", NULL, "USD", "600", "KN" },
  { "m-oxford", "0001300102", "Oxford", "fabric", "YD", "3.10", NULL, "USD", "140", "MI" },
  { "m-linen", "0001300103", "Linen", "fabric", "M", "6.90", NULL, "EUR", "170", "MI" },
  { "m-button", "0001400104", "Corozo button", "trim", "PC", "8.50", "100", "USD", NULL, "TR" },
};

SlvCostMaster *
fixture_master (void)
{
  SlvCostMaster *m = slv_cost_master_new ("EUR");
  SlvFxTable *fx = slv_cost_master_get_fx (m);
  static const SlvDestinationSpec dests[] = {
    { "EU", "European Union", "EUR", "cif", "20" },
    { "US", "United States", "USD", "fob", "0" },
  };
  static const SlvDutySpec duties[] = {
    { "d-eu-61", "EU", "61", "12", NULL, NULL, "EU MFN apparel [assumption]" },
    { "d-eu-6109", "EU", "6109", "12", V26, NULL, "custom-tariffs 6109.10" },
    { "d-us-6109", "US", "6109.10", "16.5", NULL, NULL, "custom-tariffs 6109.10" },
    { "d-us-6105", "US", "6105.10", "19.7", NULL, NULL, "HTSUS 6105.10.00" },
  };
  static const SlvMarginRuleSpec rules[] = {
    { "rule-retail", "retail", "Retail: keystone in the US, 60 % margin + VAT elsewhere",
      "if destination == \"US\" then landed * 2\nelse landed / (1 - 0.60) * (1 + vat)", ".99", 10 },
    { "rule-wholesale", "wholesale", "Wholesale", "round_to(max(landed * 2, fob * 2.2), 1)", NULL, 5 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rates); i++)
    g_assert_true (slv_cost_master_add_rate (m, &rates[i], NULL));
  for (guint i = 0; i < G_N_ELEMENTS (materials); i++)
    g_assert_true (slv_cost_master_add_material (m, &materials[i], NULL));
  for (guint i = 0; i < G_N_ELEMENTS (dests); i++)
    g_assert_true (slv_cost_master_add_destination (m, &dests[i], NULL));
  for (guint i = 0; i < G_N_ELEMENTS (duties); i++)
    g_assert_true (slv_cost_master_add_duty (m, &duties[i], NULL));
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    g_assert_true (slv_cost_master_add_margin_rule (m, &rules[i], NULL));
  g_assert_true (slv_fx_table_add (fx, "fx1", "Budget", SLV_FX_BUDGET, "2026-07-01", "USD", "EUR", fixture_dec ("0.92"), NULL));
  g_assert_true (slv_fx_table_add (fx, "fx2", "Budget", SLV_FX_BUDGET, "2026-07-01", "USD", "BDT", fixture_dec ("120"), NULL));
  g_assert_true (slv_fx_table_add (fx, "fx3", "Strong dollar", SLV_FX_SIMULATION, "2026-07-01", "USD", "EUR", fixture_dec ("0.98"), NULL));
  g_assert_true (slv_fx_table_add (fx, "fx4", "Strong dollar", SLV_FX_SIMULATION, "2026-07-01", "USD", "BDT", fixture_dec ("125"), NULL));
  return m;
}

static void
set (SlvCostingInput *in,
     const char      *field,
     const char      *value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (slv_costing_input_set (in, field, value, &error));
  g_assert_no_error (error);
}

static void
bom (SlvCostingInput *in,
     const char      *id,
     const char      *material,
     const char      *placement,
     const char      *consumption,
     const char      *unit,
     const char      *wastage,
     const char      *calc)
{
  guint i = slv_costing_input_add_bom (in, id);
  const char *fields[][2] = { { "material_id", material }, { "placement", placement },
                              { "consumption", consumption }, { "unit", unit },
                              { "wastage_pct", wastage }, { "calc", calc } };

  for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (slv_costing_input_set_bom (in, i, fields[f][0], fields[f][1], &error));
      g_assert_no_error (error);
    }
}

static void
process (SlvCostingInput *in,
         const char      *id,
         const char      *name,
         const char      *rate,
         const char      *quantity,
         const char      *params)
{
  guint i = slv_costing_input_add_process (in, id);
  const char *fields[][2] = { { "process", name }, { "rate_id", rate }, { "quantity", quantity },
                              { "loss_pct", "0" }, { "params", params } };

  for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (slv_costing_input_set_process (in, i, fields[f][0], fields[f][1], &error));
      g_assert_no_error (error);
    }
}

SlvCostingInput *
fixture_example_a (void)
{
  SlvCostingInput *in = slv_costing_input_new ();

  set (in, "id", "costing-a");
  set (in, "style_code", "NL27S-TS001");
  set (in, "category", "tee");
  set (in, "hs_code", "6109.10");
  set (in, "currency", "USD");
  set (in, "fx_set", "Budget");
  set (in, "costing_date", "2026-11-15");
  set (in, "order_qty", "1200");
  set (in, "destination", "EU");
  set (in, "channel", "retail");
  set (in, "params",
       "{\"overhead\":{\"rate\":\"factory-overhead\",\"supplier\":\"FA1\",\"base\":\"cm\",\"kind\":\"markup\"},"
       "\"commercial\":{\"pct\":\"3\",\"base\":\"production\",\"kind\":\"markup\"},"
       "\"profit\":{\"rate\":\"factory-profit\",\"base\":\"cost_plus_commercial\",\"kind\":\"markup\"},"
       "\"freight\":{\"rate\":\"sea-ctg-rotterdam\"},\"insurance_pct\":\"0.5\",\"clearance\":\"0.05\"}");
  bom (in, "b-body", "m-jersey", "body", "0", "KG", "8",
       "{\"method\":\"knit\",\"body_length\":\"76\",\"body_allowance\":\"5\",\"sleeve_length\":\"23\","
       "\"sleeve_allowance\":\"4\",\"half_chest\":\"58\",\"chest_allowance\":\"3\",\"gsm\":\"180\","
       "\"price\":{\"method\":\"yarn_chain\",\"yarn\":\"0001100101\",\"knit_loss_pct\":\"0.5\","
       "\"knitting\":{\"key\":\"single-jersey\",\"supplier\":\"KN\"},\"dye_loss_pct\":\"10\","
       "\"dyeing\":{\"key\":\"reactive-medium\",\"supplier\":\"DY\"}}}");
  bom (in, "b-rib", "m-rib", "neck rib", "0", "KG", "0",
       "{\"method\":\"per_dozen\",\"grams_per_dozen\":100,"
       "\"price\":{\"yarn\":\"0001100101\",\"knit_loss_pct\":\"0.5\","
       "\"knitting\":{\"key\":\"single-jersey\",\"supplier\":\"KN\"},\"dye_loss_pct\":\"10\","
       "\"dyeing\":{\"key\":\"reactive-medium\"},\"surcharge\":\"0.50\"}}");
  process (in, "p-print", "printing", "r-print-1", "1", "{\"colours\":2,\"locations\":1}");
  process (in, "p-make", "making", "r-make-ctg", "12", "{\"sam\":\"12\",\"efficiency\":\"0.60\"}");
  process (in, "p-trims", "trims", "r-trims-tee", "1", NULL);
  process (in, "p-test", "testing", "r-test", "1", NULL);
  return in;
}

SlvCostingInput *
fixture_example_b (void)
{
  SlvCostingInput *in = slv_costing_input_new ();

  set (in, "id", "costing-b");
  set (in, "style_code", "NL27S-PO002");
  set (in, "category", "polo");
  set (in, "hs_code", "6105.10");
  set (in, "currency", "USD");
  set (in, "fx_set", "Budget");
  set (in, "costing_date", "2026-11-15");
  set (in, "order_qty", "2400");
  set (in, "destination", "US");
  set (in, "channel", "retail");
  set (in, "params",
       "{\"commercial\":{\"pct\":\"3\",\"base\":\"production\",\"kind\":\"markup\"},"
       "\"profit\":{\"pct\":\"10\",\"base\":\"cost_plus_commercial\",\"kind\":\"markup\"},"
       "\"freight\":{\"rate\":\"sea-ctg-newyork\",\"supplier\":\"FW\"},\"insurance_pct\":\"0.5\","
       "\"clearance\":{\"rate\":\"eu-broker\"}}");
  bom (in, "b-body", "m-pique", "body", "0", "KG", "10",
       "{\"method\":\"knit\",\"body_length\":\"72\",\"body_allowance\":\"6\",\"sleeve_length\":\"24\","
       "\"sleeve_allowance\":\"6\",\"half_chest\":\"56\",\"chest_allowance\":\"6\"}");
  bom (in, "b-collar", "m-collar", "collar and cuffs", "0.060", "KG", "9", NULL);
  process (in, "p-collar", "knitting", "r-collar", "1", NULL);
  process (in, "p-emb", "embroidery", "r-emb", "4", "{\"stitches\":\"4000\",\"digitising\":\"digitising\"}");
  process (in, "p-make", "making", "r-make-dhk", "18.5",
           "{\"sam\":\"18.5\",\"efficiency\":\"0.62\",\"overhead_pct\":\"30\",\"profit_pct\":\"10\","
           "\"profit_kind\":\"margin\"}");
  process (in, "p-trims", "trims", "r-trims-polo", "1", NULL);
  process (in, "p-test", "testing", "r-test", "1", NULL);
  return in;
}
