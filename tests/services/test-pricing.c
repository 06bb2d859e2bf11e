/* test-pricing.c: the demo workspace priced through the whole stack.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "slv-test-util.h"
#include "services/slv-demo.h"
#include "services/slv-demo-data.h"
#include "services/slv-pricing.h"
#include "store/slv-costing-repo.h"

typedef struct
{
  char       *dir;
  SlvStore   *store;
  SlvPricing *pricing;
} Fixture;

static void
set_up (Fixture       *f,
        gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = slv_test_make_tmpdir ("slv-pricing");
  path = g_build_filename (f->dir, "Demo.selvedge", NULL);
  f->store = slv_demo_create (path, &error);
  g_assert_no_error (error);
  f->pricing = slv_pricing_new (f->store);
}

static void
tear_down (Fixture       *f,
           gconstpointer  data)
{
  g_clear_object (&f->pricing);
  g_clear_object (&f->store);
  slv_test_rm_rf (f->dir);
  g_free (f->dir);
}

static void
assert_total (SlvCostSheet *sheet,
              SlvTotal      total,
              guint         places,
              const char   *expected,
              const char   *currency)
{
  SlvDecimal v;
  g_autofree char *text = NULL;
  int index = slv_cost_sheet_get_total_index (sheet, total);

  g_assert_cmpint (index, >=, 0);
  g_assert_true (slv_cost_sheet_get_total (sheet, total, &v));
  text = slv_decimal_format (v, places, SLV_ROUND_HALF_UP);
  g_assert_cmpstr (text, ==, expected);
  g_assert_cmpstr (slv_cost_sheet_get_figure (sheet, index)->unit, ==, currency);
}

static void
test_example_a (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvCostSheet) sheet = slv_pricing_price_style (f->pricing, "NL27S-TS001", NULL, &error);

  g_assert_no_error (error);
  g_assert_null (slv_cost_sheet_get_price_problem (sheet));
  assert_total (sheet, SLV_TOTAL_PRODUCTION, 6, "3.124886", "USD");
  assert_total (sheet, SLV_TOTAL_COMMERCIAL, 6, "0.093747", "USD");
  assert_total (sheet, SLV_TOTAL_PROFIT, 6, "0.321863", "USD");
  assert_total (sheet, SLV_TOTAL_FOB, 6, "3.540495", "USD");
  assert_total (sheet, SLV_TOTAL_FOB_ROUNDED, 2, "3.54", "USD");
  assert_total (sheet, SLV_TOTAL_CIF, 6, "3.678300", "USD");
  assert_total (sheet, SLV_TOTAL_DUTY, 6, "0.441396", "USD");
  assert_total (sheet, SLV_TOTAL_LANDED, 6, "4.169696", "USD");
  assert_total (sheet, SLV_TOTAL_LANDED_PRICE_CCY, 6, "3.836120", "EUR");
  assert_total (sheet, SLV_TOTAL_RETAIL, 2, "11.99", "EUR");
  assert_total (sheet, SLV_TOTAL_MARGIN_PCT, 2, "61.61", "%");
  assert_total (sheet, SLV_TOTAL_MARKUP_PCT, 2, "160.46", "%");
  /* wholesale: max (landed × 2, FOB × 2.2) in EUR, whole units */
  assert_total (sheet, SLV_TOTAL_WHOLESALE, 0, "8", "EUR");
}

static void
test_example_b (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvCostSheet) sheet = slv_pricing_price_style (f->pricing, "NL27S-PO002", "Base", &error);
  int cm;

  g_assert_no_error (error);
  assert_total (sheet, SLV_TOTAL_PRODUCTION, 6, "3.839564", "USD");
  assert_total (sheet, SLV_TOTAL_FOB, 6, "4.350226", "USD");
  assert_total (sheet, SLV_TOTAL_FOB_ROUNDED, 2, "4.35", "USD");
  assert_total (sheet, SLV_TOTAL_DUTY, 6, "0.856950", "USD");
  assert_total (sheet, SLV_TOTAL_LANDED, 6, "5.429450", "USD");
  assert_total (sheet, SLV_TOTAL_RETAIL, 2, "10.99", "USD");
  assert_total (sheet, SLV_TOTAL_MARGIN_PCT, 2, "50.60", "%");
  assert_total (sheet, SLV_TOTAL_MARKUP_PCT, 2, "102.41", "%");
  /* the CM chain in BDT: 29.251605 BDT ÷ 120 */
  cm = slv_cost_sheet_find (sheet, "process.2.base");
  g_assert_cmpstr (slv_cost_sheet_get_figure (sheet, cm)->unit, ==, "BDT");
  {
    g_autofree char *v = slv_decimal_format (slv_cost_sheet_get_figure (sheet, cm)->value, 6, SLV_ROUND_HALF_UP);

    g_assert_cmpstr (v, ==, "29.251605");
  }
}

typedef struct
{
  guint       n;
  GHashTable *codes;
} AllData;

static void
each_cb (SlvCostingInput *input,
         SlvCostSheet    *sheet,
         const GError    *error,
         gpointer         user_data)
{
  AllData *all = user_data;
  SlvDecimal fob, retail;

  g_assert_no_error ((GError *) error);
  g_assert_nonnull (sheet);
  g_test_message ("%s: %s", input->style_code,
                  slv_cost_sheet_get_price_problem (sheet) ? slv_cost_sheet_get_price_problem (sheet) : "priced");
  g_assert_null (slv_cost_sheet_get_price_problem (sheet));
  g_assert_true (slv_cost_sheet_get_total (sheet, SLV_TOTAL_FOB_ROUNDED, &fob));
  g_assert_true (slv_cost_sheet_get_total (sheet, SLV_TOTAL_RETAIL, &retail));
  g_assert_cmpint (slv_decimal_sign (fob), >, 0);
  g_assert_cmpint (slv_decimal_cmp (retail, fob), >, 0);
  g_hash_table_add (all->codes, g_strdup (input->style_code));
  all->n++;
}

static void
test_price_all (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  AllData all = { 0, codes };
  guint priced = 0, failed = 99;

  g_assert_true (slv_pricing_price_all (f->pricing, each_cb, &all, &priced, &failed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (failed, ==, 0);
  g_assert_cmpuint (priced, ==, slv_demo_n_styles);
  g_assert_cmpuint (all.n, ==, slv_demo_n_styles);
  g_assert_cmpuint (g_hash_table_size (codes), ==, slv_demo_n_styles);
  g_assert_cmpuint (slv_demo_n_styles, >=, 12);
}

static void
test_master_cache (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *brand = NULL;
  g_autoptr(SlvCostMaster) a = NULL;
  g_autoptr(SlvCostMaster) b = NULL;
  g_autoptr(SlvCostMaster) c = NULL;
  g_autoptr(SlvCostSheet) sheet = NULL;
  g_autofree char *today = slv_pricing_today ();

  id = slv_costing_repo_find (f->store, "NL27S-TS001", NULL, &error);
  brand = slv_store_dup_field (f->store, "costing", id, "brand_id", &error);
  g_assert_no_error (error);
  a = slv_pricing_dup_master (f->pricing, brand, &error);
  b = slv_pricing_dup_master (f->pricing, brand, &error);
  g_assert_true (a == b);
  slv_pricing_invalidate (f->pricing);
  c = slv_pricing_dup_master (f->pricing, brand, &error);
  g_assert_true (a != c);
  /* a costing without a date is priced today; the demo rates run 2026–2027 */
  g_assert_true (slv_store_update_field (f->store, "costing", id, "costing_date", NULL, &error));
  sheet = slv_pricing_price_costing (f->pricing, id, &error);
  g_assert_true (slv_date_is_valid (today));
  if (strcmp (today, "2026-01-01") >= 0 && strcmp (today, "2027-12-31") <= 0)
    g_assert_no_error (error);
  else
    g_assert_error (error, SLV_COSTING_ERROR, SLV_COSTING_ERROR_NO_RATE);
  g_clear_error (&error);
  g_assert_null (slv_pricing_price_style (f->pricing, "NOPE", NULL, &error));
  g_assert_error (error, SLV_STORE_ERROR, SLV_STORE_ERROR_NOT_FOUND);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add ("/services/pricing/example-a", Fixture, NULL, set_up, test_example_a, tear_down);
  g_test_add ("/services/pricing/example-b", Fixture, NULL, set_up, test_example_b, tear_down);
  g_test_add ("/services/pricing/all", Fixture, NULL, set_up, test_price_all, tear_down);
  g_test_add ("/services/pricing/master-cache", Fixture, NULL, set_up, test_master_cache, tear_down);
  return g_test_run ();
}
