/* test-costing.c: DOMAIN.md §1's worked examples A, B and C, figure by
 * figure to the last printed digit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "costing-fixture.h"

static SlvCostSheet *
price (SlvCostMaster   *m,
       SlvCostingInput *in)
{
  g_autoptr(GError) error = NULL;
  SlvCostSheet *sheet = slv_costing_price (m, in, &error);

  g_assert_no_error (error);
  g_assert_nonnull (sheet);
  g_assert_null (slv_cost_sheet_get_landed_problem (sheet));
  g_assert_null (slv_cost_sheet_get_price_problem (sheet));
  return sheet;
}

static SlvDecimal
value (SlvCostSheet *sheet,
       const char   *key)
{
  int i = slv_cost_sheet_find (sheet, key);

  g_assert_cmpint (i, >=, 0);
  return slv_cost_sheet_get_figure (sheet, i)->value;
}

static char *
fmt (SlvDecimal d,
     guint      places)
{
  return slv_decimal_format (d, places, SLV_ROUND_HALF_UP);
}

#define assert_dec(d, places, text) G_STMT_START { \
  g_autofree char *s_ = fmt ((d), (places)); \
  g_assert_cmpstr (s_, ==, (text)); \
} G_STMT_END

static void
test_example_a (void)
{
  g_autoptr(SlvCostMaster) m = fixture_master ();
  g_autoptr(SlvCostingInput) in = fixture_example_a ();
  g_autoptr(SlvCostSheet) sheet = price (m, in);
  SlvDecimal dz, sum, net, rule_raw;
  int retail;

  /* body fabric: 2.846016 kg/dz, + 8 % wastage, ÷ 12 */
  g_assert_true (slv_decimal_mul (value (sheet, "bom.0.consumption"), slv_decimal_from_int (12), &dz));
  assert_dec (dz, 6, "2.846016");
  assert_figure (sheet, "bom.0.gross", 8, "0.25614144");
  /* rib 100 g/dz */
  assert_figure (sheet, "bom.1.gross", 8, "0.00833333");
  /* finished fabric price 1.10 × (1.005 × 2.80 + 1.00) + 1.00 */
  assert_figure (sheet, "bom.0.price", 4, "5.1954");
  assert_figure (sheet, "bom.1.price", 4, "5.6954");
  assert_figure (sheet, "bom.0.cost", 6, "1.330757");
  assert_figure (sheet, "bom.1.cost", 6, "0.047462");
  /* print 0.25 + 0.10 + 2 × 22 ÷ 1200 */
  assert_figure (sheet, "process.0.cost", 6, "0.386667");
  assert_figure (sheet, "process.1.cost", 6, "0.900000");
  assert_figure (sheet, "overhead", 6, "0.180000");
  g_assert_true (slv_decimal_add (value (sheet, "process.2.cost"), value (sheet, "process.3.cost"), &sum));
  assert_dec (sum, 6, "0.280000");
  assert_figure (sheet, "process.2.cost", 6, "0.250000");   /* $3/dz */
  assert_figure (sheet, "production", 6, "3.124886");
  assert_figure (sheet, "commercial", 6, "0.093747");
  assert_figure (sheet, "profit", 6, "0.321863");
  assert_figure (sheet, "fob", 6, "3.540495");
  assert_figure (sheet, "fob_rounded", 2, "3.54");
  assert_figure (sheet, "insurance", 6, "0.018300");
  assert_figure (sheet, "cif", 6, "3.678300");
  assert_figure (sheet, "customs_value", 6, "3.678300");   /* EU: CIF */
  assert_figure (sheet, "duty", 6, "0.441396");
  assert_figure (sheet, "clearance", 2, "0.05");
  assert_figure (sheet, "landed", 6, "4.169696");
  assert_figure (sheet, "landed_price", 6, "3.836120");
  g_assert_cmpstr (slv_cost_sheet_get_price_currency (sheet), ==, "EUR");
  /* net retail at 60 % margin, + VAT 20 % (the rule before its ending) */
  g_assert_true (slv_decimal_div (value (sheet, "landed_price"), fixture_dec ("0.40"), SLV_ROUND_HALF_EVEN, &net));
  assert_dec (net, 6, "9.590301");
  retail = slv_cost_sheet_get_total_index (sheet, SLV_TOTAL_RETAIL);
  rule_raw = slv_cost_sheet_get_arg (sheet, retail, 0);
  assert_dec (rule_raw, 6, "11.508361");
  assert_figure (sheet, "retail", 2, "11.99");
  g_assert_cmpstr (slv_cost_sheet_get_figure (sheet, retail)->unit, ==, "EUR");
  /* check: net = 11.99 ÷ 1.2; margin 61.61 %; markup on landed 160.46 % */
  assert_figure (sheet, "retail_net", 6, "9.991667");
  assert_figure (sheet, "margin_pct", 2, "61.61");
  assert_figure (sheet, "markup_pct", 2, "160.46");
}

static void
test_example_b (void)
{
  g_autoptr(SlvCostMaster) m = fixture_master ();
  g_autoptr(SlvCostingInput) in = fixture_example_b ();
  g_autoptr(SlvCostSheet) sheet = price (m, in);
  SlvDecimal dz, collar, tt;

  g_assert_true (slv_decimal_mul (value (sheet, "bom.0.consumption"), slv_decimal_from_int (12), &dz));
  assert_dec (dz, 6, "3.535488");
  assert_figure (sheet, "bom.0.gross", 8, "0.32408640");
  assert_figure (sheet, "bom.0.price", 2, "5.40");
  assert_figure (sheet, "bom.0.cost", 6, "1.750067");
  /* flat-knit collar + cuffs: 0.060 kg × 1.09 × 5.21 + 0.05 knitting */
  g_assert_true (slv_decimal_add (value (sheet, "bom.1.cost"), value (sheet, "process.0.cost"), &collar));
  assert_dec (collar, 6, "0.390734");
  assert_figure (sheet, "process.1.cost", 6, "1.025000");
  /* CM: 18.5 × (8470 ÷ 12480 BDT/min) ÷ 0.62, + 30 % overhead, 10 % margin,
   * 29.251605 BDT ÷ 120 BDT per USD */
  assert_figure (sheet, "process.2.labour", 6, "20.251111");
  assert_figure (sheet, "process.2.base", 6, "29.251605");
  assert_figure (sheet, "process.2.cost", 6, "0.243763");
  g_assert_true (slv_decimal_add (value (sheet, "process.3.cost"), value (sheet, "process.4.cost"), &tt));
  assert_dec (tt, 6, "0.430000");
  assert_figure (sheet, "overhead", 6, "0.000000");
  assert_figure (sheet, "production", 6, "3.839564");
  assert_figure (sheet, "commercial", 6, "0.115187");
  assert_figure (sheet, "profit", 6, "0.395475");
  assert_figure (sheet, "fob", 6, "4.350226");
  assert_figure (sheet, "fob_rounded", 2, "4.35");
  assert_figure (sheet, "customs_value", 2, "4.35");   /* US: FOB */
  assert_figure (sheet, "duty", 6, "0.856950");
  assert_figure (sheet, "freight", 2, "0.15");
  assert_figure (sheet, "insurance", 4, "0.0225");
  assert_figure (sheet, "clearance", 2, "0.05");
  assert_figure (sheet, "landed", 6, "5.429450");
  assert_figure (sheet, "landed_price", 6, "5.429450");
  g_assert_cmpstr (slv_cost_sheet_get_price_currency (sheet), ==, "USD");
  assert_dec (slv_cost_sheet_get_arg (sheet, slv_cost_sheet_get_total_index (sheet, SLV_TOTAL_RETAIL), 0),
              6, "10.858900");
  assert_figure (sheet, "retail", 2, "10.99");
  assert_figure (sheet, "margin_pct", 2, "50.60");
  assert_figure (sheet, "markup_pct", 2, "102.41");
}

static void
test_example_c (void)
{
  g_autoptr(SlvCostMaster) m = fixture_master ();
  g_autoptr(SlvCostingInput) in = fixture_example_a ();
  g_autoptr(SlvCostSheet) sheet = NULL;
  g_autoptr(GError) error = NULL;
  guint line;

  /* a woven shirt front: 33″ × 28″ ÷ (44″ × 36) with 5 % wastage */
  line = slv_costing_input_add_bom (in, "b-front");
  g_assert_true (slv_costing_input_set_bom (in, line, "material_id", "m-oxford", NULL));
  g_assert_true (slv_costing_input_set_bom (in, line, "placement", "front", NULL));
  g_assert_true (slv_costing_input_set_bom (in, line, "wastage_pct", "5", NULL));
  g_assert_true (slv_costing_input_set_bom (in, line, "calc",
      "{\"method\":\"woven\",\"units\":\"in\",\"parts\":[{\"name\":\"front\",\"length\":\"33\","
      "\"width\":\"28\",\"count\":1}],\"cuttable_width\":\"44\"}", &error));
  g_assert_no_error (error);
  sheet = price (m, in);
  assert_figure (sheet, "bom.2.consumption", 7, "0.5833333");
  assert_figure (sheet, "bom.2.gross", 7, "0.6125000");
  g_clear_object (&sheet);

  /* marker check: lay 2700 g, cut panels 2400 g → 88.8889 % utilisation */
  g_assert_true (slv_costing_input_set_bom (in, line, "calc",
      "{\"method\":\"woven\",\"units\":\"in\",\"parts\":[{\"length\":\"33\",\"width\":\"28\"}],"
      "\"cuttable_width\":\"44\",\"cut_weight\":\"2400\",\"lay_weight\":\"2700\"}", &error));
  g_assert_no_error (error);
  assert_dec (g_array_index (in->bom, SlvBomInput, line).calc.marker_efficiency, 4, "88.8889");
  sheet = price (m, in);
  /* 0.5833333 ÷ 0.888889 */
  assert_figure (sheet, "bom.2.consumption", 6, "0.656250");
  /* metric parts and metres: 84 cm × 71 cm ÷ (112 cm × 100) */
  g_clear_object (&sheet);
  g_assert_true (slv_costing_input_set_bom (in, line, "calc",
      "{\"method\":\"woven\",\"units\":\"cm\",\"parts\":[{\"length\":\"84\",\"width\":\"71\"}],"
      "\"cuttable_width\":\"115\",\"shrinkage_allowance\":\"3\"}", &error));
  sheet = price (m, in);
  assert_figure (sheet, "bom.2.consumption", 6, "0.532500");
  /* priced in yards: metres ÷ 0.9144 */
  {
    int cost = slv_cost_sheet_get_line_cost (sheet, FALSE, line);

    assert_dec (slv_cost_sheet_get_arg (sheet, cost, 1), 6, "1.093613");
  }
}

static void
test_explanations (void)
{
  g_autoptr(SlvCostMaster) m = fixture_master ();
  g_autoptr(SlvCostingInput) in = fixture_example_a ();
  g_autoptr(SlvCostSheet) sheet = price (m, in);
  int print = slv_cost_sheet_find (sheet, "process.0.rate");
  int fob = slv_cost_sheet_find (sheet, "fob_rounded");
  int duty = slv_cost_sheet_find (sheet, "duty");
  int retail = slv_cost_sheet_find (sheet, "retail");
  g_autofree char *rate_source = slv_cost_sheet_dup_source (sheet, print);
  g_autofree char *duty_source = slv_cost_sheet_dup_source (sheet, duty);
  g_autofree char *duty_formula = slv_cost_sheet_dup_formula (sheet, duty);
  g_autofree char *fob_text = slv_cost_sheet_dup_explanation (sheet, fob, -1);
  g_autofree char *retail_text = slv_cost_sheet_dup_explanation (sheet, retail, 2);
  g_autofree char *label = slv_cost_sheet_dup_label (sheet, slv_cost_sheet_find (sheet, "bom.0.cost"));
  g_autoptr(JsonNode) json = slv_cost_sheet_to_json (sheet, TRUE);
  JsonObject *root = json_node_get_object (json);

  /* the rate says which row of the cost master, its tier and validity */
  g_assert_nonnull (strstr (rate_source, "r-print-1"));
  g_assert_nonnull (strstr (rate_source, "valid 2026-01-01 to 2027-12-31"));
  g_assert_nonnull (strstr (rate_source, "minimum charge 60"));
  g_assert_nonnull (strstr (duty_source, "d-eu-6109"));
  g_assert_cmpstr (duty_formula, ==, "12 % × 3.6783 = 0.441396 USD");
  g_assert_nonnull (strstr (label, "body (0001200101 Single jersey 180)"));
  /* the FOB tree reaches down to the knit measurements and the yarn */
  g_assert_nonnull (strstr (fob_text, "(76 + 5 + 23 + 4) × (58 + 3) × 2 × 180 g/m²"));
  g_assert_nonnull (strstr (fob_text, "(1 + 10 %) × ((1 + 0.5 %) × 2.8 + 1) + 1 + 0 = 5.195400 USD"));
  g_assert_nonnull (strstr (fob_text, "SAM 12 × 0.045 per minute ÷ efficiency 0.6 = 0.900000 USD"));
  g_assert_nonnull (strstr (retail_text, "price ending .99"));
  g_assert_nonnull (strstr (retail_text, "USD→EUR × 0.92"));
  /* JSON names fob, landed and retail with their currencies */
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "fob"), "value"), ==, "3.54");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "fob"), "currency"), ==, "USD");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "landed"), "value"), ==, "4.169696");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "retail"), "value"), ==, "11.99");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "retail"), "currency"), ==, "EUR");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "figures")), ==,
                    slv_cost_sheet_get_n_figures (sheet));
  /* every figure has a key that finds it again */
  for (guint i = 0; i < slv_cost_sheet_get_n_figures (sheet); i++)
    {
      g_autofree char *key = slv_cost_sheet_dup_key (sheet, i);

      g_assert_cmpint (slv_cost_sheet_find (sheet, key), ==, (int) i);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/core/costing/example-a", test_example_a);
  g_test_add_func ("/core/costing/example-b", test_example_b);
  g_test_add_func ("/core/costing/example-c", test_example_c);
  g_test_add_func ("/core/costing/explanations", test_explanations);
  return g_test_run ();
}
