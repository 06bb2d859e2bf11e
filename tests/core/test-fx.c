/* test-fx.c: dated rate sets, inverse and cross conversion, round trips.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "core/slv-fx.h"

static SlvDecimal
D (const char *text)
{
  SlvDecimal d;

  g_assert_true (slv_decimal_parse (text, -1, &d, NULL));
  return d;
}

#define assert_dec(d, text) G_STMT_START { \
  g_autofree char *s_ = slv_decimal_to_string (d); \
  g_assert_cmpstr (s_, ==, text); \
} G_STMT_END

static SlvFxTable *
make_table (void)
{
  SlvFxTable *t = slv_fx_table_new ("EUR");
  static const struct { const char *set; SlvFxKind kind; const char *on, *from, *to, *rate; } rates[] = {
    { "Budget", SLV_FX_BUDGET, "2026-07-01", "USD", "EUR", "0.92" },
    { "Budget", SLV_FX_BUDGET, "2026-07-01", "USD", "BDT", "120" },
    { "Budget", SLV_FX_BUDGET, "2026-07-01", "GBP", "EUR", "1.17" },
    { "Budget", SLV_FX_BUDGET, "2027-01-01", "USD", "EUR", "0.95" },
    { "Budget", SLV_FX_BUDGET, "2026-07-01", "INR", "USD", "0.0118" },
    { "Actual", SLV_FX_ACTUAL, "2026-11-02", "USD", "EUR", "0.9385" },
    { "Strong dollar", SLV_FX_SIMULATION, "2026-11-02", "USD", "EUR", "0.98" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rates); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (slv_fx_table_add (t, NULL, rates[i].set, rates[i].kind, rates[i].on,
                                       rates[i].from, rates[i].to, D (rates[i].rate), &error));
      g_assert_no_error (error);
    }
  return t;
}

static void
test_dated (void)
{
  g_autoptr(SlvFxTable) t = make_table ();
  g_autoptr(GError) error = NULL;
  SlvDecimal r;

  g_assert_true (slv_fx_table_convert (t, "Budget", D ("4.169696"), "USD", "EUR", "2026-11-15", &r, &error));
  g_assert_no_error (error);
  assert_dec (r, "3.83612032");   /* DOMAIN example A: landed in EUR */
  g_assert_true (slv_fx_table_convert (t, "Budget", D ("1"), "USD", "EUR", "2027-01-01", &r, NULL));
  assert_dec (r, "0.95");
  g_assert_true (slv_fx_table_convert (t, "Budget", D ("1"), "USD", "EUR", NULL, &r, NULL));
  assert_dec (r, "0.95");
  g_assert_true (slv_fx_table_convert (t, "Actual", D ("1"), "USD", "EUR", "2026-12-01", &r, NULL));
  assert_dec (r, "0.9385");
  /* Before the first rate of a set: no rate, a clear message */
  g_assert_false (slv_fx_table_convert (t, "Actual", D ("1"), "USD", "EUR", "2026-10-01", &r, &error));
  g_assert_error (error, SLV_FX_ERROR, SLV_FX_ERROR_NO_RATE);
  g_assert_nonnull (strstr (error->message, "2026-10-01"));
  g_clear_error (&error);
  g_assert_false (slv_fx_table_convert (t, "Nope", D ("1"), "USD", "EUR", NULL, &r, &error));
  g_assert_error (error, SLV_FX_ERROR, SLV_FX_ERROR_NO_SET);
}

static void
test_inverse_cross (void)
{
  g_autoptr(SlvFxTable) t = make_table ();
  SlvFxQuote q;
  SlvDecimal r;
  g_autofree char *text = NULL;

  /* BDT→USD from USD→BDT 120: DOMAIN example B's CM */
  g_assert_true (slv_fx_table_quote (t, "Budget", "BDT", "USD", "2026-11-15", &q, NULL));
  g_assert_cmpuint (q.n_legs, ==, 1);
  g_assert_true (q.legs[0].inverse);
  g_assert_true (slv_fx_quote_convert (&q, D ("29.251605436081"), &r));
  assert_dec (r, "0.243763378634");
  /* BDT→EUR through the base currency is refused (no BDT–EUR legs) but
   * works through USD, a currency both are quoted against */
  g_assert_true (slv_fx_table_quote (t, "Budget", "BDT", "EUR", "2026-11-15", &q, NULL));
  g_assert_cmpuint (q.n_legs, ==, 2);
  g_assert_true (slv_fx_quote_convert (&q, D ("120"), &r));
  assert_dec (r, "0.92");
  /* GBP→USD crosses through the base (EUR) */
  g_assert_true (slv_fx_table_quote (t, "Budget", "GBP", "USD", "2026-11-15", &q, NULL));
  g_assert_cmpuint (q.n_legs, ==, 2);
  g_assert_true (q.legs[0].rate->to == g_intern_string ("EUR"));
  g_assert_true (slv_fx_quote_convert (&q, D ("0.92"), &r));
  assert_dec (r, "1.17");
  text = slv_fx_quote_describe (&q);
  g_assert_nonnull (strstr (text, "GBP→EUR × 1.17"));
  g_assert_nonnull (strstr (text, "EUR→USD ÷ 0.92"));
  /* same currency: no legs */
  g_assert_true (slv_fx_table_quote (t, "Budget", "USD", "USD", NULL, &q, NULL));
  g_assert_cmpuint (q.n_legs, ==, 0);
  /* no path at all */
  g_assert_false (slv_fx_table_quote (t, "Budget", "USD", "JPY", NULL, &q, NULL));
}

static void
test_round_trips (void)
{
  g_autoptr(SlvFxTable) t = make_table ();
  static const char * const amounts[] = { "3.54", "4.169696", "0.01", "123456.78", "0.243763", "29.251605" };
  static const char * const pairs[][2] = { { "USD", "EUR" }, { "USD", "BDT" }, { "GBP", "USD" }, { "INR", "EUR" } };

  for (guint i = 0; i < G_N_ELEMENTS (amounts); i++)
    for (guint j = 0; j < G_N_ELEMENTS (pairs); j++)
      {
        SlvDecimal there, back, diff, tol = D ("0.000000001");

        g_assert_true (slv_fx_table_convert (t, "Budget", D (amounts[i]), pairs[j][0], pairs[j][1],
                                             "2026-11-15", &there, NULL));
        g_assert_true (slv_fx_table_convert (t, "Budget", there, pairs[j][1], pairs[j][0],
                                             "2026-11-15", &back, NULL));
        g_assert_true (slv_decimal_sub (back, D (amounts[i]), &diff));
        /* Direct pairs come back exactly; crosses within 10⁻⁹ */
        if (j < 2)
          g_assert_true (slv_decimal_is_zero (diff));
        else
          g_assert_cmpint (slv_decimal_cmp (slv_decimal_abs (diff), tol), <=, 0);
      }
}

static void
test_validation (void)
{
  g_autoptr(SlvFxTable) t = slv_fx_table_new ("USD");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;
  SlvFxKind kind;

  g_assert_false (slv_fx_table_add (t, NULL, "S", SLV_FX_BUDGET, "2026-13-01", "USD", "EUR", D ("1"), &error));
  g_assert_error (error, SLV_FX_ERROR, SLV_FX_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (slv_fx_table_add (t, NULL, "S", SLV_FX_BUDGET, "2026-01-01", "USD", "EUR", D ("0"), &error));
  g_assert_error (error, SLV_FX_ERROR, SLV_FX_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (slv_fx_table_add (t, NULL, "S", SLV_FX_BUDGET, "2026-01-01", "USD", "EUR", D ("0.9"), NULL));
  g_assert_false (slv_fx_table_add (t, NULL, "S", SLV_FX_ACTUAL, "2026-01-01", "USD", "GBP", D ("0.8"), &error));
  g_assert_error (error, SLV_FX_ERROR, SLV_FX_ERROR_INVALID);
  g_assert_true (slv_fx_table_add (t, NULL, "A", SLV_FX_ACTUAL, "2026-01-01", "USD", "GBP", D ("0.8"), NULL));
  names = slv_fx_table_dup_set_names (t);
  g_assert_cmpuint (g_strv_length (names), ==, 2);
  g_assert_cmpstr (names[0], ==, "A");
  g_assert_true (slv_fx_table_get_set_kind (t, "S", &kind));
  g_assert_cmpint (kind, ==, SLV_FX_BUDGET);
  g_assert_true (slv_fx_kind_from_string ("simulation", &kind));
  g_assert_cmpint (kind, ==, SLV_FX_SIMULATION);
  g_assert_false (slv_fx_kind_from_string ("guess", &kind));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/core/fx/dated", test_dated);
  g_test_add_func ("/core/fx/inverse-cross", test_inverse_cross);
  g_test_add_func ("/core/fx/round-trips", test_round_trips);
  g_test_add_func ("/core/fx/validation", test_validation);
  return g_test_run ();
}
