/* test-pricing-edit.c: editing the cost master and margin rules, and
 * costing sessions that write in the background.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "slv-test-util.h"
#include "core/slv-cost-rate.h"
#include "services/slv-bom-line-item.h"
#include "services/slv-costing-session.h"
#include "services/slv-demo.h"
#include "services/slv-process-line-item.h"
#include "store/slv-repo.h"

typedef struct
{
  char       *dir;
  SlvStore   *store;
  SlvPricing *pricing;
  guint       changed;
} Fixture;

static void
changed_cb (SlvPricing *pricing,
            gpointer    user_data)
{
  ((Fixture *) user_data)->changed++;
}

static void
set_up (Fixture       *f,
        gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = slv_test_make_tmpdir ("slv-pricing-edit");
  path = g_build_filename (f->dir, "Demo.selvedge", NULL);
  f->store = slv_demo_create (path, &error);
  g_assert_no_error (error);
  f->pricing = slv_pricing_new (f->store);
  g_signal_connect (f->pricing, "changed", G_CALLBACK (changed_cb), f);
}

/* A worker thread may hold the last reference of a finished task (and so
 * of its source object) a moment after its callback ran. */
static void
assert_finalized_soon (gpointer object)
{
  gpointer weak = object;
  gint64 until = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  g_object_add_weak_pointer (object, &weak);
  g_object_unref (object);
  while (g_atomic_pointer_get (&weak) != NULL && g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_null (g_atomic_pointer_get (&weak));
}

static void
tear_down (Fixture       *f,
           gconstpointer  data)
{
  assert_finalized_soon (f->pricing);
  g_clear_object (&f->store);
  slv_test_rm_rf (f->dir);
  g_free (f->dir);
}

/* The id of the rate @process/@key from @supplier_name with tier 0,
 * valid from 2026. */
static char *
find_rate (Fixture    *f,
           const char *process,
           const char *key,
           const char *supplier_name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) all = slv_repo_list (f->store, SLV_TYPE_COST_RATE, NULL, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (all)); i++)
    {
      g_autoptr(SlvCostRate) r = g_list_model_get_item (G_LIST_MODEL (all), i);

      if (g_str_equal (slv_cost_rate_get_process (r), process) && g_str_equal (slv_cost_rate_get_key (r), key) &&
          g_strcmp0 (slv_cost_rate_get_supplier_name (r), supplier_name) == 0 &&
          slv_cost_rate_get_tier_min_qty (r) == 0 &&
          g_strcmp0 (slv_cost_rate_get_valid_from (r), "2026-01-01") == 0)
        return g_strdup (slv_entity_get_id (SLV_ENTITY (r)));
    }
  g_assert_not_reached ();
}

/* A rate's field compared, without keeping the copy read. */
#define assert_rate(f, id, column, cmp, expected) G_STMT_START { \
    g_autofree char *value_ = rate_field (f, id, column);       \
    g_assert_cmpstr (value_, cmp, expected);                    \
  } G_STMT_END

static char *
rate_field (Fixture    *f,
            const char *id,
            const char *column)
{
  g_autoptr(GError) error = NULL;
  char *v = slv_store_dup_field (f->store, "cost_rate", id, column, &error);

  g_assert_no_error (error);
  return v;
}

static SlvCostingSession *
open_tee (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = slv_costing_repo_find (f->store, "NL27S-TS001", NULL, &error);
  SlvCostingSession *s;

  g_assert_no_error (error);
  s = slv_costing_session_new (f->pricing, id, &error);
  g_assert_no_error (error);
  return s;
}

static const char *
making_cost (SlvCostingSession *s)
{
  GListModel *lines = slv_costing_session_get_process_lines (s);

  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(SlvProcessLineItem) item = g_list_model_get_item (lines, i);

      if (g_str_equal (slv_process_line_item_get_text (item, "process"), "making"))
        return slv_process_line_item_get_text (item, "cost");
    }
  g_assert_not_reached ();
}

static void
test_rate_validation (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *id = find_rate (f, "making", "knit-line", "Karnaphuli Apparels");
  static const struct { const char *field, *value, *words; } bad[] = {
    { "rate", "abc", "not a number" },
    { "rate", "-1", "cannot be negative" },
    { "rate", "", "cannot be empty" },
    { "unit", "furlong", "not a rate unit" },
    { "process", "smocking", "not a process" },
    { "currency", "EURO", "not a currency code" },
    { "tier_min_qty", "lots", "whole number" },
    { "valid_to", "2025-13-01", "2025-13-01" },
    { "valid_to", "2025-06-30", "2025-06-30" },         /* before valid_from */
    { "supplier", "Nobody Ltd", "no supplier" },
    { "colour", "red", "no field" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *before = rate_field (f, id, "rate");

      g_assert_false (slv_pricing_set_rate_field (f->pricing, id, bad[i].field, bad[i].value, &error));
      g_assert_nonnull (error);
      if (strstr (error->message, bad[i].words) == NULL)
        g_error ("%s = “%s”: “%s” does not say “%s”", bad[i].field, bad[i].value, error->message, bad[i].words);
      /* nothing was written */
      assert_rate (f, id, "rate", ==, before);
    }
}

static void
test_rate_edit_prices (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = find_rate (f, "making", "knit-line", "Karnaphuli Apparels");
  g_autofree char *supplier = NULL;
  g_autoptr(SlvCostingSession) before = open_tee (f);
  g_autoptr(SlvCostingSession) after = NULL;

  /* 12 SAM × 0.045 / 0.60 */
  g_assert_cmpstr (making_cost (before), ==, "0.900000");
  g_assert_true (slv_pricing_set_rate_field (f->pricing, id, "rate", " 0.05 ", &error));
  g_assert_no_error (error);
  assert_rate (f, id, "rate", ==, "0.05");
  after = open_tee (f);
  g_assert_cmpstr (making_cost (after), ==, "1.000000");
  g_assert_cmpstr (slv_costing_session_get_text (after, "fob"), !=,
                   slv_costing_session_get_text (before, "fob"));

  /* currencies are upper-cased; suppliers are found by code or name */
  g_assert_true (slv_pricing_set_rate_field (f->pricing, id, "currency", "usd", &error));
  assert_rate (f, id, "currency", ==, "USD");
  g_assert_true (slv_pricing_set_rate_field (f->pricing, id, "supplier", "fa-dhk-02", &error));
  g_assert_no_error (error);
  supplier = rate_field (f, id, "supplier_id");
  g_assert_true (slv_pricing_set_rate_field (f->pricing, id, "supplier", "Karnaphuli apparels", &error));
  g_assert_no_error (error);
  assert_rate (f, id, "supplier_id", !=, supplier);
  /* optional fields clear */
  g_assert_true (slv_pricing_set_rate_field (f->pricing, id, "min_charge", "", &error));
  assert_rate (f, id, "min_charge", ==, NULL);
  g_assert_true (slv_pricing_set_rate_field (f->pricing, id, "tier_min_qty", "500", &error));
  assert_rate (f, id, "tier_min_qty", ==, "500");
  g_assert_no_error (error);
}

static void
done_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GAsyncResult *
wait_result (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static void
test_rate_edit_async (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = find_rate (f, "making", "knit-line", "Karnaphuli Apparels");
  GAsyncResult *result = NULL;

  slv_pricing_set_rate_field_async (f->pricing, id, "rate", "0.048", NULL, done_cb, &result);
  g_assert_true (slv_pricing_set_rate_field_finish (f->pricing, wait_result (&result), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->changed, ==, 1);
  assert_rate (f, id, "rate", ==, "0.048");
  g_clear_object (&result);

  slv_pricing_set_rate_field_async (f->pricing, id, "valid_from", "someday", NULL, done_cb, &result);
  g_assert_false (slv_pricing_set_rate_field_finish (f->pricing, wait_result (&result), &error));
  g_assert_nonnull (strstr (error->message, "someday"));
  g_assert_cmpuint (f->changed, ==, 1);
  g_clear_object (&result);
}

static void
test_margin_rule (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvCostMaster) master = NULL;
  g_autoptr(SlvCostingSession) session = NULL;
  g_autofree char *brand = slv_costing_repo_dup_first_brand (f->store, &error);
  const SlvMarginRule *retail;
  SlvExprLocation where = { 0 };
  GPtrArray *rules;

  master = slv_pricing_dup_master (f->pricing, brand, &error);
  g_assert_no_error (error);
  rules = slv_cost_master_get_margin_rules (master);
  g_assert_cmpuint (rules->len, ==, 3);
  retail = slv_cost_master_find_rule (master, "retail");
  g_assert_nonnull (strstr (retail->expression, "landed / (1 - 0.60)"));

  /* an error names its place */
  g_assert_false (slv_pricing_check_margin_rule ("landed *\n  (1 + vatt)", ".99", &where, &error));
  g_assert_error (error, SLV_EXPR_ERROR, SLV_EXPR_ERROR_UNKNOWN_VARIABLE);
  g_assert_cmpint (where.line, ==, 2);
  g_assert_cmpint (where.column, ==, 8);
  g_assert_cmpint (where.length, ==, 4);
  g_clear_error (&error);
  g_assert_false (slv_pricing_set_margin_rule (f->pricing, retail->id, "landed * 2", "cheap", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* a new rule prices the costing */
  g_assert_true (slv_pricing_set_margin_rule (f->pricing, retail->id, "landed * 3", "whole", &error));
  g_assert_no_error (error);
  session = open_tee (f);
  {
    SlvDecimal landed, retail_v, want;
    SlvCostSheet *sheet = slv_costing_session_get_sheet (session);

    g_assert_true (slv_cost_sheet_get_total (sheet, SLV_TOTAL_LANDED_PRICE_CCY, &landed));
    g_assert_true (slv_cost_sheet_get_total (sheet, SLV_TOTAL_RETAIL, &retail_v));
    /* landed × 3 rounded up to a whole unit */
    g_assert_true (slv_decimal_mul (landed, slv_decimal_from_int (3), &want));
    g_assert_cmpint (slv_decimal_cmp (retail_v, want), >=, 0);
    g_assert_true (slv_decimal_sub (retail_v, want, &want));
    g_assert_cmpint (slv_decimal_cmp (want, slv_decimal_from_int (1)), <, 0);
  }
}

static void
test_session_async (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvCostingSession) s = open_tee (f);
  g_autoptr(SlvBomLineItem) body = g_list_model_get_item (slv_costing_session_get_bom_lines (s), 0);
  g_autofree char *fob_before = g_strdup (slv_costing_session_get_text (s, "fob"));
  g_autofree char *stored = NULL;
  g_autofree char *new_id = NULL;
  GAsyncResult *result = NULL;

  /* priced at once, written later */
  slv_costing_session_edit_line_async (s, SLV_COSTING_LINE_BOM, slv_bom_line_item_get_id (body),
                                       "consumption", "0.30", NULL, done_cb, &result);
  g_assert_cmpstr (slv_bom_line_item_get_text (body, "net"), ==, "0.30000000");
  g_assert_cmpstr (slv_costing_session_get_text (s, "fob"), !=, fob_before);
  g_assert_true (slv_costing_session_get_busy (s));
  g_assert_true (slv_costing_session_edit_finish (s, wait_result (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  stored = slv_store_dup_field (f->store, "bom_line", slv_bom_line_item_get_id (body), "consumption", &error);
  g_assert_cmpstr (stored, ==, "0.30");

  /* a bad value is refused before anything changes */
  slv_costing_session_edit_line_async (s, SLV_COSTING_LINE_BOM, slv_bom_line_item_get_id (body),
                                       "wastage_pct", "lots", NULL, done_cb, &result);
  g_assert_false (slv_costing_session_edit_finish (s, wait_result (&result), &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_clear_object (&result);

  /* status moves show once written; frozen refuses edits but copies */
  slv_costing_session_set_status_async (s, "submitted", NULL, done_cb, &result);
  g_assert_cmpstr (slv_costing_session_get_status (s), ==, "draft");
  g_assert_true (slv_costing_session_edit_finish (s, wait_result (&result), &error));
  g_assert_cmpstr (slv_costing_session_get_status (s), ==, "submitted");
  g_clear_object (&result);
  slv_costing_session_set_status_async (s, "approved", NULL, NULL, NULL);
  slv_costing_session_set_status_async (s, "frozen", NULL, done_cb, &result);
  g_assert_true (slv_costing_session_edit_finish (s, wait_result (&result), &error));
  g_assert_no_error (error);
  g_assert_false (slv_costing_session_get_editable (s));
  g_clear_object (&result);
  slv_costing_session_set_field_async (s, "order_qty", "5000", NULL, done_cb, &result);
  g_assert_false (slv_costing_session_edit_finish (s, wait_result (&result), &error));
  g_assert_error (error, SLV_COSTING_ERROR, SLV_COSTING_ERROR_FROZEN);
  g_clear_error (&error);
  g_clear_object (&result);
  slv_costing_session_copy_scenario_async (s, "Bigger order", NULL, done_cb, &result);
  new_id = slv_costing_session_edit_finish_id (s, wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (new_id);
  g_clear_object (&result);

  /* an unknown destination is refused with its name */
  {
    g_autoptr(SlvCostingSession) copy = slv_costing_session_new (f->pricing, new_id, &error);

    g_assert_no_error (error);
    slv_costing_session_set_field_async (copy, "destination", "Mars", NULL, done_cb, &result);
    g_assert_false (slv_costing_session_edit_finish (copy, wait_result (&result), &error));
    g_assert_nonnull (strstr (error->message, "Mars"));
    g_clear_error (&error);
    g_clear_object (&result);
    slv_costing_session_set_field_async (copy, "destination", "US", NULL, done_cb, &result);
    g_assert_cmpstr (slv_costing_session_get_text (copy, "price-currency"), ==, "USD");
    g_assert_true (slv_costing_session_edit_finish (copy, wait_result (&result), &error));
    g_clear_object (&result);
  }
}

static void
test_session_open_async (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = slv_costing_repo_find (f->store, "NL27S-TS001", NULL, &error);
  g_autoptr(SlvCostingSession) s = NULL;
  g_autoptr(SlvCostingSession) missing = NULL;
  GAsyncResult *result = NULL;

  slv_costing_session_new_async (f->pricing, id, NULL, done_cb, &result);
  s = slv_costing_session_new_finish (wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (slv_costing_session_get_text (s, "style-code"), ==, "NL27S-TS001");
  g_clear_object (&result);

  slv_costing_session_new_async (f->pricing, "no-such-costing", NULL, done_cb, &result);
  missing = slv_costing_session_new_finish (wait_result (&result), &error);
  g_assert_null (missing);
  g_assert_nonnull (error);
  g_clear_object (&result);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, set_up, fn, tear_down)
  ADD ("/services/pricing-edit/rate-validation", test_rate_validation);
  ADD ("/services/pricing-edit/rate-edit-prices", test_rate_edit_prices);
  ADD ("/services/pricing-edit/rate-edit-async", test_rate_edit_async);
  ADD ("/services/pricing-edit/margin-rule", test_margin_rule);
  ADD ("/services/pricing-edit/session-async", test_session_async);
  ADD ("/services/pricing-edit/session-open-async", test_session_open_async);
#undef ADD
  return g_test_run ();
}
