/* test-costing-rules.c: quantity tiers, minimum charges, margin vs markup,
 * duty basis by destination, currencies, validity and problems.
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
  return sheet;
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
test_tiers (void)
{
  g_autoptr(SlvCostMaster) m = fixture_master ();
  g_autoptr(SlvCostingInput) in = fixture_example_a ();
  static const struct { const char *qty, *first, *extra, *print; } cases[] = {
    /* first + extra + 2 screens × 22 ÷ qty */
    { "1200", "0.25", "0.10", "0.386667" },
    { "2999", "0.25", "0.10", "0.364672" },
    { "3000", "0.21", "0.08", "0.304667" },
    { "10000", "0.18", "0.08", "0.264400" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SlvCostSheet) sheet = NULL;

      set (in, "order_qty", cases[i].qty);
      sheet = price (m, in);
      assert_figure (sheet, "process.0.rate", 2, cases[i].first);
      assert_figure (sheet, "process.0.extra_colour", 2, cases[i].extra);
      assert_figure (sheet, "process.0.cost", 6, cases[i].print);
    }
}

static void
test_minimum_charge (void)
{
  g_autoptr(SlvCostMaster) m = fixture_master ();
  g_autoptr(SlvCostingInput) in = fixture_example_a ();
  g_autoptr(SlvCostSheet) sheet = NULL;
  g_autofree char *formula = NULL;

  /* testing: 0.03 × 1200 = 36 ≥ 30 minimum: no effect */
  sheet = price (m, in);
  assert_figure (sheet, "process.3.cost", 6, "0.030000");
  g_clear_object (&sheet);
  /* 0.03 × 500 = 15 < 30: the minimum spreads as 30 ÷ 500 = 0.06 */
  set (in, "order_qty", "500");
  sheet = price (m, in);
  assert_figure (sheet, "process.3.cost", 6, "0.060000");
  formula = slv_cost_sheet_dup_formula (sheet, slv_cost_sheet_find (sheet, "process.3.cost"));
  g_assert_nonnull (strstr (formula, "raised to the minimum charge 30 ÷ 500 pieces"));
  /* print at 500: 0.25 + 0.10 + 44 ÷ 500 = 0.438 × 500 = 219 ≥ 60 */
  assert_figure (sheet, "process.0.cost", 6, "0.438000");
  g_clear_object (&sheet);
  /* print at 100 pieces: 0.25 + 0.10 + 0.44 = 0.79 × 100 = 79 ≥ 60, still no minimum */
  set (in, "order_qty", "100");
  sheet = price (m, in);
  assert_figure (sheet, "process.0.cost", 6, "0.790000");
  assert_figure (sheet, "process.3.cost", 6, "0.300000");
}

static void
test_margin_vs_markup (void)
{
  g_autoptr(SlvCostMaster) m = fixture_master ();
  g_autoptr(SlvCostingInput) in = fixture_example_a ();
  g_autoptr(SlvCostSheet) markup = NULL;
  g_autoptr(SlvCostSheet) margin = NULL;
  g_autoptr(SlvCostingInput) b = fixture_example_b ();
  g_autoptr(SlvCostSheet) polo = NULL;
  SlvDecimal fob;

  /* costnest: 26.33 with "10 % profit" is 26.33 ÷ 0.90 = 29.255…, not 28.963 */
  set (in, "params", "{\"profit\":{\"pct\":\"10\",\"base\":\"production\",\"kind\":\"markup\"}}");
  markup = price (m, in);
  set (in, "params", "{\"profit\":{\"pct\":\"10\",\"base\":\"production\",\"kind\":\"margin\"}}");
  margin = price (m, in);
  /* production without overhead: 1.378219 + 1.566667 */
  assert_figure (markup, "production", 6, "2.944886");
  assert_figure (markup, "profit", 6, "0.294489");   /* 10 % of cost */
  assert_figure (margin, "profit", 6, "0.327210");   /* cost ÷ 0.9 − cost */
  g_assert_true (slv_cost_sheet_get_total (margin, SLV_TOTAL_FOB, &fob));
  /* a 10 % margin: profit is exactly 10 % of FOB */
  {
    SlvDecimal share;

    g_autofree char *expected = NULL;

    g_assert_true (slv_decimal_percent_of (fob, fixture_dec ("10"), &share));
    expected = slv_decimal_format (share, 6, SLV_ROUND_HALF_UP);
    assert_figure (margin, "profit", 6, expected);
  }
  /* base: commercial 3 % of CM instead of production */
  set (in, "params", "{\"commercial\":{\"pct\":\"3\",\"base\":\"cm\",\"kind\":\"markup\"}}");
  g_clear_object (&markup);
  markup = price (m, in);
  assert_figure (markup, "commercial", 6, "0.027000");
  /* and the factory's CM profit in example B is a margin: 26.326445 ÷ 0.9 */
  polo = price (m, b);
  assert_figure (polo, "process.2.cm_profit", 6, "2.925161");
}

static void
test_duty_basis (void)
{
  g_autoptr(SlvCostMaster) m = fixture_master ();
  g_autoptr(SlvCostingInput) in = fixture_example_a ();
  g_autoptr(SlvCostSheet) eu = price (m, in);
  g_autoptr(SlvCostSheet) us = NULL;

  /* EU: duty on CIF 3.6783 at 12 % */
  assert_figure (eu, "customs_value", 6, "3.678300");
  assert_figure (eu, "duty", 6, "0.441396");
  assert_figure (eu, "import_vat", 6, "0.823939");   /* 20 % × (3.6783 + 0.441396), not in landed */
  /* the same tee into the US: duty on FOB 3.54 at 16.5 % (HS 6109.10), no VAT */
  set (in, "destination", "US");
  us = price (m, in);
  assert_figure (us, "customs_value", 6, "3.540000");
  assert_figure (us, "duty", 6, "0.584100");
  assert_figure (us, "import_vat", 6, "0.000000");
  assert_figure (us, "landed", 6, "4.312400");   /* 3.6783 + 0.5841 + 0.05 */
  g_assert_cmpstr (slv_cost_sheet_get_price_currency (us), ==, "USD");
  assert_figure (us, "retail", 2, "8.99");     /* keystone 8.6248 → .99 */
}

static void
test_longest_hs_prefix (void)
{
  g_autoptr(SlvCostMaster) m = fixture_master ();
  const SlvDutyRate *d;

  d = slv_cost_master_find_duty (m, "EU", "6109.10.00", "2026-11-15");
  g_assert_cmpstr (d->id, ==, "d-eu-6109");
  d = slv_cost_master_find_duty (m, "EU", "6109.10", "2025-11-15");   /* before 6109's validity */
  g_assert_cmpstr (d->id, ==, "d-eu-61");
  d = slv_cost_master_find_duty (m, "EU", "6110.20", "2026-11-15");
  g_assert_cmpstr (d->id, ==, "d-eu-61");
  g_assert_null (slv_cost_master_find_duty (m, "US", "6204.44", "2026-11-15"));
  g_assert_null (slv_cost_master_find_duty (m, "EU", "", "2026-11-15"));
}

static void
test_currencies (void)
{
  g_autoptr(SlvCostMaster) m = fixture_master ();
  g_autoptr(SlvCostingInput) in = fixture_example_a ();
  g_autoptr(SlvCostSheet) sheet = NULL;
  g_autoptr(SlvCostSheet) strong = NULL;
  guint line;

  /* a linen priced in EUR per metre, consumed in yards, and a washing rate in EUR */
  line = slv_costing_input_add_bom (in, "b-linen");
  g_assert_true (slv_costing_input_set_bom (in, line, "material_id", "m-linen", NULL));
  g_assert_true (slv_costing_input_set_bom (in, line, "consumption", "0.5", NULL));
  g_assert_true (slv_costing_input_set_bom (in, line, "unit", "yd", NULL));
  line = slv_costing_input_add_process (in, "p-wash");
  g_assert_true (slv_costing_input_set_process (in, line, "process", "washing", NULL));
  g_assert_true (slv_costing_input_set_process (in, line, "rate_id", "r-wash-eur", NULL));
  sheet = price (m, in);
  /* 0.5 yd × 0.9144 m/yd × 6.90 EUR/m ÷ 0.92 EUR per USD */
  assert_figure (sheet, "bom.2.cost", 6, "3.429000");
  assert_figure (sheet, "process.4.cost", 6, "0.543478");
  /* a simulation set with a strong dollar lowers the EUR landed cost */
  set (in, "fx_set", "Strong dollar");
  strong = price (m, in);
  assert_figure (strong, "bom.2.cost", 6, "3.219061");
  g_assert_cmpint (slv_decimal_cmp (slv_cost_sheet_get_figure (strong, slv_cost_sheet_find (strong, "landed_price"))->value,
                                    slv_cost_sheet_get_figure (sheet, slv_cost_sheet_find (sheet, "landed_price"))->value), !=, 0);
  /* trims per hundred: 8.50 USD per 100 pieces */
  line = slv_costing_input_add_bom (in, "b-button");
  g_assert_true (slv_costing_input_set_bom (in, line, "material_id", "m-button", NULL));
  g_assert_true (slv_costing_input_set_bom (in, line, "consumption", "3", NULL));
  g_assert_true (slv_costing_input_set_bom (in, line, "wastage_pct", "3", NULL));
  g_clear_object (&strong);
  strong = price (m, in);
  assert_figure (strong, "bom.3.cost", 6, "0.262650");
  g_assert_cmpint (slv_cost_sheet_get_figure (strong, slv_cost_sheet_get_line_cost (strong, FALSE, 3))->group, ==,
                   SLV_COST_GROUP_TRIMS);
}

static void
test_validity (void)
{
  g_autoptr(SlvCostMaster) m = fixture_master ();
  g_autoptr(SlvCostingInput) in = fixture_example_a ();
  g_autoptr(SlvCostSheet) sheet = NULL;
  g_autoptr(GError) error = NULL;

  /* in 2025 the knitting rate of that year applies … */
  set (in, "costing_date", "2025-06-01");
  sheet = slv_costing_price (m, in, &error);
  /* … but the dyeing rate is not valid yet: a clear error naming the line */
  g_assert_null (sheet);
  g_assert_error (error, SLV_COSTING_ERROR, SLV_COSTING_ERROR_NO_RATE);
  g_assert_nonnull (strstr (error->message, "BOM line 1 (body)"));
  g_assert_nonnull (strstr (error->message, "dyeing/reactive-medium"));
  g_assert_nonnull (strstr (error->message, "2025-06-01"));
  g_clear_error (&error);
  /* after every rate expired */
  set (in, "costing_date", "2028-01-01");
  g_assert_null (slv_costing_price (m, in, &error));
  g_assert_error (error, SLV_COSTING_ERROR, SLV_COSTING_ERROR_NO_RATE);
  g_clear_error (&error);
  /* no date at all */
  set (in, "costing_date", "");
  g_assert_null (slv_costing_price (m, in, &error));
  g_assert_error (error, SLV_COSTING_ERROR, SLV_COSTING_ERROR_INVALID);
}

static void
test_problems (void)
{
  g_autoptr(SlvCostMaster) m = fixture_master ();
  g_autoptr(SlvCostingInput) in = fixture_example_a ();
  g_autoptr(SlvCostSheet) sheet = NULL;
  g_autoptr(GError) error = NULL;
  SlvMarginRuleSpec broken = { "rule-outlet", "outlet", "Outlet", "landed / (1 - margin", ".95", 1 };
  SlvMarginRuleSpec zero = { "rule-zero", "zero", "Zero", "landed / (vat - vat)", NULL, 1 };
  SlvDecimal v;

  /* no duty rate for the HS code: FOB priced, landed cost explained as missing */
  set (in, "hs_code", "9999.99");
  set (in, "destination", "US");
  sheet = price (m, in);
  g_assert_true (slv_cost_sheet_get_total (sheet, SLV_TOTAL_FOB_ROUNDED, &v));
  g_assert_false (slv_cost_sheet_get_total (sheet, SLV_TOTAL_LANDED, &v));
  g_assert_false (slv_cost_sheet_get_total (sheet, SLV_TOTAL_RETAIL, &v));
  g_assert_nonnull (strstr (slv_cost_sheet_get_landed_problem (sheet), "No duty rate into US"));
  g_assert_nonnull (strstr (slv_cost_sheet_get_price_problem (sheet), "No duty rate into US"));
  g_clear_object (&sheet);
  set (in, "hs_code", "6109.10");
  set (in, "destination", "Mars");
  sheet = price (m, in);
  g_assert_nonnull (strstr (slv_cost_sheet_get_landed_problem (sheet), "no destination “Mars”"));
  g_clear_object (&sheet);
  set (in, "destination", "EU");

  /* a broken rule leaves landed cost and explains the price */
  g_assert_false (slv_cost_master_add_margin_rule (m, &broken, &error));
  g_assert_error (error, SLV_COSTING_ERROR, SLV_COSTING_ERROR_RULE);
  g_clear_error (&error);
  set (in, "channel", "outlet");
  sheet = price (m, in);
  g_assert_true (slv_cost_sheet_get_total (sheet, SLV_TOTAL_LANDED, &v));
  g_assert_false (slv_cost_sheet_get_total (sheet, SLV_TOTAL_RETAIL, &v));
  g_assert_nonnull (strstr (slv_cost_sheet_get_price_problem (sheet), "Margin rule “Outlet”: Line 1, column"));
  g_clear_object (&sheet);
  /* a rule that divides by zero at run time */
  g_assert_true (slv_cost_master_add_margin_rule (m, &zero, NULL));
  set (in, "channel", "zero");
  sheet = price (m, in);
  g_assert_nonnull (strstr (slv_cost_sheet_get_price_problem (sheet), "division by zero"));
  g_clear_object (&sheet);
  set (in, "channel", "nobody");
  sheet = price (m, in);
  g_assert_nonnull (strstr (slv_cost_sheet_get_price_problem (sheet), "no margin rule for the “nobody” channel"));
  g_clear_object (&sheet);
  set (in, "channel", "retail");

  /* lines: a missing rate, a missing material, a unit mismatch */
  g_assert_true (slv_costing_input_set_process (in, 1, "rate_id", "r-gone", NULL));
  g_assert_null (slv_costing_price (m, in, &error));
  g_assert_error (error, SLV_COSTING_ERROR, SLV_COSTING_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "Process line 2 (making)"));
  g_clear_error (&error);
  g_assert_true (slv_costing_input_set_process (in, 1, "rate_id", "r-make-ctg", NULL));
  g_assert_true (slv_costing_input_set_bom (in, 1, "calc", NULL, NULL));
  g_assert_true (slv_costing_input_set_bom (in, 1, "unit", "M", NULL));
  g_assert_null (slv_costing_price (m, in, &error));
  g_assert_error (error, SLV_COSTING_ERROR, SLV_COSTING_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "cannot be priced per KG"));
  g_clear_error (&error);
  g_assert_true (slv_costing_input_set_bom (in, 1, "material_id", "m-nothing", NULL));
  g_assert_null (slv_costing_price (m, in, &error));
  g_assert_error (error, SLV_COSTING_ERROR, SLV_COSTING_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* a percentage rate cannot price a line */
  g_assert_true (slv_costing_input_set_bom (in, 1, "material_id", "m-rib", NULL));
  g_assert_true (slv_costing_input_set_bom (in, 1, "unit", "KG", NULL));
  g_assert_true (slv_costing_input_set_process (in, 3, "rate_id", "r-oh", NULL));
  g_assert_null (slv_costing_price (m, in, &error));
  g_assert_nonnull (strstr (error->message, "percentage rate cannot price a line"));
}

static void
test_input_validation (void)
{
  g_autoptr(SlvCostingInput) in = fixture_example_a ();
  g_autoptr(SlvCostMaster) m = slv_cost_master_new ("USD");
  static const struct { const char *field, *value, *words; } header[] = {
    { "order_qty", "0", "whole number" }, { "order_qty", "12.5", "whole number" },
    { "costing_date", "2026-02-30", "not a date" }, { "currency", "dollars", "currency code" },
    { "params", "{", "not valid JSON" }, { "params", "[1]", "JSON object" },
    { "params", "{\"overhead\":{\"pct\":\"20\",\"base\":\"cost_plus_commercial\"}}", "includes the overhead" },
    { "params", "{\"profit\":{\"pct\":\"100\",\"kind\":\"margin\"}}", "below 100" },
    { "params", "{\"profit\":{\"pct\":\"abc\"}}", "“pct”: “abc” is not a number" },
    { "params", "{\"profit\":{\"pct\":\"10\",\"base\":\"fob\"}}", "base “fob”" },
    { "nonsense", "1", "no field" },
  };
  SlvRateSpec bad_rate = { "r-bad", "knitting", "x", NULL, NULL, NULL, "bushel", "1", NULL, "USD", NULL, 0, NULL, NULL };
  SlvRateSpec bad_rate2 = { "r-bad2", "knitting", "y", NULL, NULL, NULL, "kg", "1,5", NULL, "USD", NULL, 0, NULL, NULL };
  SlvRateSpec bad_dates = { "r-bad3", "knitting", "z", NULL, NULL, NULL, "kg", "1", NULL, "USD", NULL, 0, "2027-01-01", "2026-01-01" };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    {
      g_assert_false (slv_costing_input_set (in, header[i].field, header[i].value, &error));
      g_assert_nonnull (strstr (error->message, header[i].words));
      g_clear_error (&error);
    }
  g_assert_false (slv_costing_input_set_bom (in, 0, "consumption", "abc", &error));
  g_assert_cmpstr (error->message, ==, "BOM line 1 (body), consumption: “abc” is not a number.");
  g_clear_error (&error);
  g_assert_false (slv_costing_input_set_bom (in, 0, "wastage_pct", "-1", &error));
  g_clear_error (&error);
  g_assert_false (slv_costing_input_set_bom (in, 0, "calc", "{\"method\":\"knit\",\"gsm\":\"heavy\"}", &error));
  g_assert_cmpstr (error->message, ==, "BOM line 1 (body), calculation: “gsm”: “heavy” is not a number.");
  g_clear_error (&error);
  g_assert_false (slv_costing_input_set_bom (in, 0, "calc", "{\"method\":\"woven\",\"parts\":[],\"cuttable_width\":1}", &error));
  g_clear_error (&error);
  g_assert_false (slv_costing_input_set_process (in, 1, "params", "{\"efficiency\":\"60\"}", &error));
  g_assert_nonnull (strstr (error->message, "Process line 2 (making), parameters: “efficiency” is a fraction"));
  g_clear_error (&error);
  g_assert_false (slv_costing_input_set_process (in, 0, "params", "{\"colours\":1.5}", &error));
  g_clear_error (&error);
  /* the old values survive a refused edit */
  g_assert_cmpstr (g_array_index (in->processes, SlvProcessInput, 1).params_json, ==,
                   "{\"sam\":\"12\",\"efficiency\":\"0.60\"}");
  /* the cost master refuses bad rows and remembers why */
  g_assert_false (slv_cost_master_add_rate (m, &bad_rate, &error));
  g_assert_nonnull (strstr (error->message, "“bushel” is not a rate unit"));
  g_clear_error (&error);
  g_assert_false (slv_cost_master_add_rate (m, &bad_rate2, &error));
  g_assert_cmpstr (error->message, ==, "Rate knitting/y, field “rate”: “1,5” is not a number.");
  g_clear_error (&error);
  g_assert_false (slv_cost_master_add_rate (m, &bad_dates, &error));
  g_assert_nonnull (strstr (slv_cost_master_get_problem (m, "r-bad3"), "ends (2026-01-01) before it starts"));
}

static void
test_copy_and_fields (void)
{
  g_autoptr(SlvCostMaster) m = fixture_master ();
  g_autoptr(SlvCostingInput) in = fixture_example_b ();
  g_autoptr(SlvCostingInput) copy = slv_costing_input_copy (in);
  g_autoptr(SlvCostSheet) a = NULL;
  g_autoptr(SlvCostSheet) b = NULL;
  g_autofree char *calc = NULL;
  g_autofree char *qty = NULL;

  /* a copy prices the same and edits apart */
  a = price (m, in);
  g_assert_true (slv_costing_input_set_bom (copy, 1, "consumption", "0.070", NULL));
  b = price (m, copy);
  assert_figure (a, "fob_rounded", 2, "4.35");
  assert_figure (b, "fob_rounded", 2, "4.41");
  calc = slv_costing_input_dup_bom_field (copy, 0, "calc");
  g_assert_nonnull (strstr (calc, "\"half_chest\":\"56\""));
  qty = slv_costing_input_dup_process_field (copy, 1, "quantity");
  g_assert_cmpstr (qty, ==, "4");
  g_assert_cmpint (slv_costing_input_find_process (copy, "p-make"), ==, 2);
  slv_costing_input_remove_process (copy, 0);
  g_assert_cmpint (slv_costing_input_find_process (copy, "p-make"), ==, 1);
  g_assert_cmpint (slv_costing_input_find_bom (copy, "nope"), ==, -1);
}

/* A costing bound to its master prices exactly as an unbound one, and a
 * change unbinds it. */
static void
test_binding (void)
{
  g_autoptr(SlvCostMaster) m = fixture_master ();
  g_autoptr(SlvCostMaster) other = fixture_master ();
  SlvCostingInput *inputs[2] = { fixture_example_a (), fixture_example_b () };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(SlvCostSheet) unbound = price (m, inputs[i]);
      g_autoptr(SlvCostSheet) bound = NULL;
      g_autoptr(SlvCostSheet) elsewhere = NULL;

      g_assert_cmpuint (inputs[i]->bound_serial, ==, 0);
      slv_costing_input_bind (inputs[i], m);
      g_assert_cmpuint (inputs[i]->bound_serial, ==, slv_cost_master_get_serial (m));
      bound = price (m, inputs[i]);
      /* bound to m, priced with another master: resolved there, not from m */
      elsewhere = price (other, inputs[i]);
      g_assert_cmpuint (slv_cost_sheet_get_n_figures (bound), ==, slv_cost_sheet_get_n_figures (unbound));
      for (guint f = 0; f < slv_cost_sheet_get_n_figures (bound); f++)
        {
          g_assert_true (slv_decimal_equal (slv_cost_sheet_get_figure (bound, f)->value,
                                            slv_cost_sheet_get_figure (unbound, f)->value));
          g_assert_true (slv_decimal_equal (slv_cost_sheet_get_figure (elsewhere, f)->value,
                                            slv_cost_sheet_get_figure (unbound, f)->value));
          g_assert_true (slv_cost_sheet_get_figure (bound, f)->rate == slv_cost_sheet_get_figure (unbound, f)->rate);
          if (slv_cost_sheet_get_figure (elsewhere, f)->rate != NULL)
            g_assert_true (slv_cost_sheet_get_figure (elsewhere, f)->rate != slv_cost_sheet_get_figure (bound, f)->rate);
        }
      g_assert_true (slv_costing_input_set (inputs[i], "order_qty", "5000", NULL));
      g_assert_cmpuint (inputs[i]->bound_serial, ==, 0);
      slv_costing_input_unref (inputs[i]);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/core/costing/tiers", test_tiers);
  g_test_add_func ("/core/costing/minimum-charge", test_minimum_charge);
  g_test_add_func ("/core/costing/margin-vs-markup", test_margin_vs_markup);
  g_test_add_func ("/core/costing/duty-basis", test_duty_basis);
  g_test_add_func ("/core/costing/hs-prefix", test_longest_hs_prefix);
  g_test_add_func ("/core/costing/currencies", test_currencies);
  g_test_add_func ("/core/costing/validity", test_validity);
  g_test_add_func ("/core/costing/problems", test_problems);
  g_test_add_func ("/core/costing/input-validation", test_input_validation);
  g_test_add_func ("/core/costing/copy", test_copy_and_fields);
  g_test_add_func ("/core/costing/binding", test_binding);
  return g_test_run ();
}
