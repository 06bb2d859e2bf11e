/* test-costing-repo.c: loading the cost master and costings, and writing
 * edits, status moves and scenario copies in transactions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "slv-test-util.h"
#include "core/slv-costing.h"
#include "store/slv-costing-repo.h"

typedef struct
{
  char     *dir;
  SlvStore *store;
  char     *brand;
  char     *costing;
  char     *bom_body;
  char     *process_print;
} Fixture;

#define INSERT(table, out, ...) \
  g_assert_true (slv_store_insert (f->store, table, out, NULL, "brand_id", f->brand, __VA_ARGS__, NULL))

static char *
rate (Fixture    *f,
      const char *process,
      const char *key,
      const char *supplier,
      const char *unit,
      const char *value,
      const char *price_unit,
      const char *min_charge,
      const char *tier)
{
  char *id = NULL;

  INSERT ("cost_rate", &id, "process", process, "key", key, "supplier_id", supplier, "unit", unit,
          "rate", value, "price_unit", price_unit, "currency", "USD", "min_charge", min_charge,
          "tier_min_qty", tier, "valid_from", "2026-01-01", "valid_to", "2027-12-31");
  return id;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *kn = NULL, *dy = NULL, *pr = NULL, *fa = NULL;
  g_autofree char *yarn = NULL, *jersey = NULL, *style = NULL;
  g_autofree char *r_make = NULL, *r_trims = NULL, *r_test = NULL, *p = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = slv_test_make_tmpdir ("slv-costing-repo");
  path = g_build_filename (f->dir, "Repo.selvedge", NULL);
  f->store = slv_store_open (path, SLV_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (slv_store_insert (f->store, "brand", &f->brand, NULL, "code", "NL", "name", "Northloom",
                                   "base_currency", "EUR", NULL));
  INSERT ("supplier", &kn, "code", "KN", "name", "Gazipur Knit", "kind", "knitter");
  INSERT ("supplier", &dy, "code", "DY", "name", "Gazipur Dyeing", "kind", "dyehouse");
  INSERT ("supplier", &pr, "code", "PR", "name", "Ashulia Print", "kind", "printer");
  INSERT ("supplier", &fa, "code", "FA", "name", "Karnaphuli", "kind", "factory");
  INSERT ("material", &yarn, "code", "0001100101", "name", "Cotton 30/1", "kind", "yarn", "unit", "KG",
          "price", "2.80", "currency", "USD");
  INSERT ("material", &jersey, "code", "0001200101", "name", "Single jersey", "kind", "fabric", "unit", "KG",
          "price", "5.1954", "currency", "USD", "gsm", "180", "supplier_id", kn);
  g_free (rate (f, "knitting", "single-jersey", kn, "kg", "1.00", "1", "150", "0"));
  g_free (rate (f, "dyeing", "reactive-medium", dy, "kg", "1.00", "1", NULL, "0"));
  p = rate (f, "printing", "screen-first-colour", pr, "piece", "0.25", "1", "60", "0");
  g_free (rate (f, "printing", "screen-extra-colour", pr, "colour", "0.10", "1", NULL, "0"));
  g_free (rate (f, "printing", "screen-charge", pr, "screen", "22", "1", NULL, "0"));
  g_free (rate (f, "printing", "screen-first-colour", pr, "piece", "0.21", "1", NULL, "3000"));
  r_make = rate (f, "making", "knit-line", fa, "minute", "4.5", "100", NULL, "0");   /* 4.50 per 100 min */
  r_trims = rate (f, "trims", "basic-knit-pack", NULL, "dozen", "3.00", "1", NULL, "0");
  r_test = rate (f, "testing", "basic-knit", NULL, "piece", "0.03", "1", "30", "0");
  g_free (rate (f, "overhead", "factory-overhead", fa, "percent", "20", "1", NULL, "0"));
  g_free (rate (f, "commercial", "lc", NULL, "percent", "3", "1", NULL, "0"));
  INSERT ("destination", NULL, "code", "EU", "name", "European Union", "currency", "EUR",
          "customs_basis", "cif", "vat_pct", "20");
  INSERT ("duty_rate", NULL, "destination", "EU", "hs_prefix", "6109", "duty_pct", "12", "source", "test");
  INSERT ("fx_rate", NULL, "set_name", "Budget", "kind", "budget", "valid_on", "2026-07-01",
          "from_ccy", "USD", "to_ccy", "EUR", "rate", "0.92");
  INSERT ("fx_rate", NULL, "set_name", "Broken", "kind", "budget", "valid_on", "2026-07-01",
          "from_ccy", "USD", "to_ccy", "EUR", "rate", "zero");
  INSERT ("margin_rule", NULL, "channel", "retail", "name", "60 % + VAT",
          "expression", "landed / (1 - 0.60) * (1 + vat)", "price_ending", ".99", "priority", "1");
  INSERT ("margin_rule", NULL, "channel", "outlet", "name", "Broken", "expression", "landed *", "priority", "1");
  INSERT ("style", &style, "code", "NL27S-TS001", "name", "Crew Tee", "category", "tee", "hs_code", "6109.10");
  INSERT ("costing", &f->costing, "style_id", style, "scenario", "Base", "currency", "USD", "fx_set", "Budget",
          "order_qty", "1200", "destination", "EU", "channel", "retail", "costing_date", "2026-11-15",
          "params", "{\"overhead\":{\"rate\":\"factory-overhead\",\"supplier\":\"FA\",\"base\":\"cm\"},"
                    "\"commercial\":{\"rate\":\"lc\",\"base\":\"production\"},"
                    "\"profit\":{\"pct\":\"10\",\"base\":\"cost_plus_commercial\"},"
                    "\"freight\":\"0.12\",\"insurance_pct\":\"0.5\",\"clearance\":\"0.05\"}");
  INSERT ("bom_line", &f->bom_body, "costing_id", f->costing, "style_id", style, "position", "a000",
          "material_id", jersey, "placement", "body", "consumption", "0.237168", "unit", "KG", "wastage_pct", "8",
          "calc", "{\"method\":\"knit\",\"body_length\":\"76\",\"body_allowance\":\"5\",\"sleeve_length\":\"23\","
                  "\"sleeve_allowance\":\"4\",\"half_chest\":\"58\",\"chest_allowance\":\"3\","
                  "\"price\":{\"yarn\":\"0001100101\",\"knit_loss_pct\":\"0.5\",\"knitting\":{\"key\":\"single-jersey\"},"
                  "\"dye_loss_pct\":\"10\",\"dyeing\":{\"key\":\"reactive-medium\"}}}");
  INSERT ("bom_line", NULL, "costing_id", f->costing, "style_id", style, "position", "a001",
          "material_id", jersey, "placement", "neck rib", "consumption", "0", "unit", "KG",
          "calc", "{\"method\":\"per_dozen\",\"grams_per_dozen\":\"100\","
                  "\"price\":{\"yarn\":\"0001100101\",\"knit_loss_pct\":\"0.5\",\"knitting\":{\"key\":\"single-jersey\"},"
                  "\"dye_loss_pct\":\"10\",\"dyeing\":{\"key\":\"reactive-medium\"},\"surcharge\":\"0.5\"}}");
  INSERT ("process_line", &f->process_print, "costing_id", f->costing, "style_id", style, "position", "a000",
          "process", "printing", "rate_id", p, "params", "{\"colours\":2,\"locations\":1}");
  INSERT ("process_line", NULL, "costing_id", f->costing, "style_id", style, "position", "a001",
          "process", "making", "rate_id", r_make, "quantity", "12", "params", "{\"efficiency\":\"0.6\"}");
  INSERT ("process_line", NULL, "costing_id", f->costing, "style_id", style, "position", "a002",
          "process", "trims", "rate_id", r_trims);
  INSERT ("process_line", NULL, "costing_id", f->costing, "style_id", style, "position", "a003",
          "process", "testing", "rate_id", r_test);
  /* a removed line does not count */
  INSERT ("process_line", NULL, "costing_id", f->costing, "style_id", style, "position", "a004",
          "process", "testing", "rate_id", r_test, "deleted", "1");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  slv_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->brand);
  g_free (f->costing);
  g_free (f->bom_body);
  g_free (f->process_print);
}

static SlvCostSheet *
price (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvCostMaster) m = slv_costing_repo_load_master (f->store, f->brand, &error);
  g_autoptr(SlvCostingInput) in = NULL;
  SlvCostSheet *sheet;

  g_assert_no_error (error);
  in = slv_costing_repo_load (f->store, f->costing, &error);
  g_assert_no_error (error);
  sheet = slv_costing_price (m, in, &error);
  g_assert_no_error (error);
  return sheet;
}

static char *
total (SlvCostSheet *sheet,
       SlvTotal      which,
       guint         places)
{
  SlvDecimal v;

  g_assert_true (slv_cost_sheet_get_total (sheet, which, &v));
  return slv_decimal_format (v, places, SLV_ROUND_HALF_UP);
}

#define assert_total(sheet, which, places, text) G_STMT_START { \
  g_autofree char *t_ = total ((sheet), (which), (places)); \
  g_assert_cmpstr (t_, ==, (text)); \
} G_STMT_END

static void
test_load_and_price (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvCostMaster) m = slv_costing_repo_load_master (f->store, f->brand, &error);
  g_autoptr(SlvCostingInput) in = slv_costing_repo_load (f->store, f->costing, &error);
  g_autoptr(SlvCostSheet) sheet = NULL;
  g_autofree char *found = slv_costing_repo_find (f->store, "NL27S-TS001", NULL, &error);
  g_auto(GStrv) sets = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (found, ==, f->costing);
  g_assert_cmpstr (slv_cost_master_get_base_currency (m), ==, "EUR");
  g_assert_nonnull (slv_cost_master_find_material (m, "0001200101"));
  g_assert_cmpuint (slv_cost_master_get_rates (m)->len, ==, 11);
  g_assert_nonnull (slv_cost_master_get_destination (m, "EU"));
  /* the exchange rate “zero” is left out, so its set does not exist */
  sets = slv_fx_table_dup_set_names (slv_cost_master_get_fx (m));
  g_assert_cmpuint (g_strv_length (sets), ==, 1);
  g_assert_nonnull (slv_cost_master_find_rule (m, "outlet"));
  g_assert_nonnull (slv_cost_master_find_rule (m, "outlet")->problem);

  g_assert_cmpstr (in->style_code, ==, "NL27S-TS001");
  g_assert_cmpstr (in->hs_code, ==, "6109.10");
  g_assert_cmpstr (in->date, ==, "2026-11-15");
  g_assert_cmpint (in->order_qty, ==, 1200);
  g_assert_cmpuint (in->bom->len, ==, 2);
  g_assert_cmpuint (in->processes->len, ==, 4);
  g_assert_cmpstr (g_array_index (in->processes, SlvProcessInput, 0).id, ==, f->process_print);

  /* DOMAIN example A through the workspace (4.50 per 100 minutes = 0.045) */
  sheet = slv_costing_price (m, in, &error);
  g_assert_no_error (error);
  assert_total (sheet, SLV_TOTAL_PRODUCTION, 6, "3.124886");
  assert_total (sheet, SLV_TOTAL_FOB, 6, "3.540495");
  assert_total (sheet, SLV_TOTAL_FOB_ROUNDED, 2, "3.54");
  assert_total (sheet, SLV_TOTAL_LANDED, 6, "4.169696");
  assert_total (sheet, SLV_TOTAL_LANDED_PRICE_CCY, 6, "3.836120");
  assert_total (sheet, SLV_TOTAL_RETAIL, 2, "11.99");

  g_assert_null (slv_costing_repo_find (f->store, "NL27S-TS001", "Nope", &error));
  g_assert_error (error, SLV_STORE_ERROR, SLV_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (slv_costing_repo_load (f->store, "no-such-id", &error));
  g_assert_error (error, SLV_STORE_ERROR, SLV_STORE_ERROR_NOT_FOUND);
}

static void
test_edits (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvCostSheet) sheet = NULL;
  g_autofree char *line = NULL;
  g_autofree char *stored = NULL;

  /* a manual consumption replaces the knit calculation */
  g_assert_true (slv_costing_repo_set_line_field (f->store, f->costing, SLV_COSTING_LINE_BOM, f->bom_body,
                                                  "calc", NULL, &error));
  g_assert_true (slv_costing_repo_set_line_field (f->store, f->costing, SLV_COSTING_LINE_BOM, f->bom_body,
                                                  "consumption", "0.25", &error));
  g_assert_no_error (error);
  g_assert_true (slv_costing_repo_set_field (f->store, f->costing, "order_qty", "3000", &error));
  g_assert_no_error (error);
  sheet = price (f);
  /* 0.25 × 1.08 × 5.1954 (the material's own price, no chain now) */
  g_assert_cmpint (slv_cost_sheet_find (sheet, "bom.0.knitting"), ==, -1);
  {
    SlvDecimal v = slv_cost_sheet_get_figure (sheet, slv_cost_sheet_get_line_cost (sheet, FALSE, 0))->value;
    g_autofree char *t = slv_decimal_format (v, 6, SLV_ROUND_HALF_UP);

    g_assert_cmpstr (t, ==, "1.402758");
  }
  /* the 3,000 tier of the print rate */
  g_assert_cmpint (slv_cost_sheet_get_figure (sheet, slv_cost_sheet_find (sheet, "process.0.rate"))->rate->tier_min_qty,
                   ==, 3000);

  /* bad values are refused with the line named, and nothing is written */
  g_assert_false (slv_costing_repo_set_line_field (f->store, f->costing, SLV_COSTING_LINE_BOM, f->bom_body,
                                                   "consumption", "lots", &error));
  g_assert_nonnull (strstr (error->message, "consumption: “lots” is not a number"));
  g_clear_error (&error);
  stored = slv_store_dup_field (f->store, "bom_line", f->bom_body, "consumption", NULL);
  g_assert_cmpstr (stored, ==, "0.25");
  g_assert_false (slv_costing_repo_set_field (f->store, f->costing, "order_qty", "-4", &error));
  g_clear_error (&error);
  g_assert_false (slv_costing_repo_set_field (f->store, f->costing, "style_id", "x", &error));
  g_clear_error (&error);
  g_assert_false (slv_costing_repo_set_line_field (f->store, f->costing, SLV_COSTING_LINE_PROCESS, f->bom_body,
                                                   "quantity", "2", &error));
  g_assert_error (error, SLV_STORE_ERROR, SLV_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* add and remove lines */
  {
    g_autoptr(SlvCostingInput) before = slv_costing_repo_load (f->store, f->costing, NULL);

    line = slv_costing_repo_add_line (f->store, f->costing, SLV_COSTING_LINE_PROCESS, "testing",
                                      g_array_index (before->processes, SlvProcessInput, 3).rate_id, &error);
    g_assert_no_error (error);
  }
  {
    g_autoptr(SlvCostingInput) in = slv_costing_repo_load (f->store, f->costing, NULL);

    g_assert_cmpuint (in->processes->len, ==, 5);
    g_assert_cmpstr (g_array_index (in->processes, SlvProcessInput, 4).id, ==, line);
  }
  g_assert_true (slv_costing_repo_remove_line (f->store, f->costing, SLV_COSTING_LINE_PROCESS, line, &error));
  {
    g_autoptr(SlvCostingInput) in = slv_costing_repo_load (f->store, f->costing, NULL);

    g_assert_cmpuint (in->processes->len, ==, 4);
  }
}

static void
test_status_and_frozen (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *status = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *parent = NULL;
  g_auto(GStrv) scenarios = NULL;

  /* draft cannot jump to approved */
  g_assert_false (slv_costing_repo_set_status (f->store, f->costing, "approved", &error));
  g_assert_nonnull (strstr (error->message, "draft → submitted → approved → frozen"));
  g_clear_error (&error);
  g_assert_false (slv_costing_repo_set_status (f->store, f->costing, "done", &error));
  g_clear_error (&error);
  g_assert_true (slv_costing_repo_set_status (f->store, f->costing, "submitted", &error));
  /* an edit returns a submitted costing to draft */
  g_assert_true (slv_costing_repo_set_field (f->store, f->costing, "channel", "retail", &error));
  status = slv_store_dup_field (f->store, "costing", f->costing, "status", NULL);
  g_assert_cmpstr (status, ==, "draft");
  g_assert_true (slv_costing_repo_set_status (f->store, f->costing, "submitted", &error));
  g_assert_true (slv_costing_repo_set_status (f->store, f->costing, "approved", &error));
  g_assert_true (slv_costing_repo_set_status (f->store, f->costing, "frozen", &error));
  g_assert_no_error (error);

  /* frozen: every edit is refused with a message saying why */
  g_assert_false (slv_costing_repo_set_line_field (f->store, f->costing, SLV_COSTING_LINE_BOM, f->bom_body,
                                                   "wastage_pct", "9", &error));
  g_assert_error (error, SLV_COSTING_ERROR, SLV_COSTING_ERROR_FROZEN);
  g_assert_nonnull (strstr (error->message, "NL27S-TS001 “Base” is frozen"));
  g_assert_nonnull (strstr (error->message, "Copy it as a new scenario"));
  g_clear_error (&error);
  g_assert_false (slv_costing_repo_set_field (f->store, f->costing, "fx_set", "Other", &error));
  g_assert_error (error, SLV_COSTING_ERROR, SLV_COSTING_ERROR_FROZEN);
  g_clear_error (&error);
  g_assert_false (slv_costing_repo_remove_line (f->store, f->costing, SLV_COSTING_LINE_BOM, f->bom_body, &error));
  g_assert_error (error, SLV_COSTING_ERROR, SLV_COSTING_ERROR_FROZEN);
  g_clear_error (&error);
  g_assert_false (slv_costing_repo_set_status (f->store, f->costing, "draft", &error));
  g_assert_error (error, SLV_COSTING_ERROR, SLV_COSTING_ERROR_FROZEN);
  g_clear_error (&error);
  {
    g_autofree char *wastage = slv_store_dup_field (f->store, "bom_line", f->bom_body, "wastage_pct", NULL);

    g_assert_cmpstr (wastage, ==, "8");
  }

  /* … but it can be copied as a scenario, which is a draft with all lines */
  copy = slv_costing_repo_copy (f->store, f->costing, "  Cheaper print  ", &error);
  g_assert_no_error (error);
  parent = slv_store_dup_field (f->store, "costing", copy, "parent_id", NULL);
  g_assert_cmpstr (parent, ==, f->costing);
  {
    g_autoptr(SlvCostingInput) in = slv_costing_repo_load (f->store, copy, &error);
    g_autofree char *found = slv_costing_repo_find (f->store, "NL27S-TS001", "Cheaper print", NULL);

    g_assert_no_error (error);
    g_assert_cmpstr (in->status, ==, "draft");
    g_assert_cmpstr (in->scenario, ==, "Cheaper print");
    g_assert_cmpstr (in->date, ==, "2026-11-15");
    g_assert_cmpuint (in->bom->len, ==, 2);
    g_assert_cmpuint (in->processes->len, ==, 4);   /* the removed line is not copied */
    g_assert_cmpstr (found, ==, copy);
    g_assert_cmpstr (g_array_index (in->bom, SlvBomInput, 0).calc_json, !=, NULL);
  }
  g_assert_true (slv_costing_repo_set_field (f->store, copy, "order_qty", "5000", &error));
  g_assert_no_error (error);
  /* names are unique per style */
  g_assert_null (slv_costing_repo_copy (f->store, f->costing, "Cheaper print", &error));
  g_assert_error (error, SLV_STORE_ERROR, SLV_STORE_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_null (slv_costing_repo_copy (f->store, f->costing, " ", &error));
  g_clear_error (&error);
  g_assert_false (slv_costing_repo_set_field (f->store, copy, "scenario", "Base", &error));
  g_assert_error (error, SLV_STORE_ERROR, SLV_STORE_ERROR_EXISTS);
  g_clear_error (&error);
  scenarios = slv_costing_repo_list_scenarios (f->store, copy, &error);
  g_assert_cmpuint (g_strv_length (scenarios), ==, 2);
  g_assert_cmpstr (scenarios[0], ==, "Base");
  g_assert_cmpstr (scenarios[1], ==, "Cheaper print");
}

static void
test_load_all (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = slv_costing_repo_copy (f->store, f->costing, "Copy", &error);
  g_autoptr(GPtrArray) all = NULL;
  guint bad = 99;

  g_assert_no_error (error);
  /* a value another device stored that cannot be read: that costing is left out */
  g_assert_true (slv_store_update_field (f->store, "process_line", f->process_print, "quantity", "x", NULL));
  all = slv_costing_repo_load_all (f->store, &bad, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bad, ==, 1);
  g_assert_cmpuint (all->len, ==, 1);
  g_assert_cmpstr (((SlvCostingInput *) g_ptr_array_index (all, 0))->id, ==, copy);
  g_assert_cmpuint (((SlvCostingInput *) g_ptr_array_index (all, 0))->processes->len, ==, 4);
  g_assert_null (slv_costing_repo_load (f->store, f->costing, &error));
  g_assert_nonnull (strstr (error->message, "Process line 1 (printing), quantity: “x” is not a number"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add ("/store/costing/load-and-price", Fixture, NULL, fixture_set_up, test_load_and_price, fixture_tear_down);
  g_test_add ("/store/costing/edits", Fixture, NULL, fixture_set_up, test_edits, fixture_tear_down);
  g_test_add ("/store/costing/status-and-frozen", Fixture, NULL, fixture_set_up, test_status_and_frozen, fixture_tear_down);
  g_test_add ("/store/costing/load-all", Fixture, NULL, fixture_set_up, test_load_all, fixture_tear_down);
  return g_test_run ();
}
