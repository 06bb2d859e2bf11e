/* test-decimal.c: fixed-point arithmetic, parsing, printing and rounding.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "core/slv-decimal.h"
#include "core/slv-price-ending.h"

static SlvDecimal
D (const char *text)
{
  SlvDecimal d;
  g_autoptr(GError) error = NULL;

  g_assert_true (slv_decimal_parse (text, -1, &d, &error));
  g_assert_no_error (error);
  return d;
}

#define assert_dec(d, text) G_STMT_START { \
  g_autofree char *s_ = slv_decimal_to_string (d); \
  g_assert_cmpstr (s_, ==, text); \
} G_STMT_END

static void
test_parse_print (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "12.3400", "12.34" }, { "-0.5", "-0.5" }, { "+3", "3" }, { ".25", "0.25" },
    { "5.", "5" }, { "0", "0" }, { "-0", "0" }, { "  7.10 ", "7.1" },
    { "0.000000000001", "0.000000000001" },
    { "0.0000000000005", "0" },            /* tie: half-even to 0 */
    { "0.0000000000015", "0.000000000002" }, /* tie: half-even to 2 */
    { "0.00000000000050001", "0.000000000001" },
    { "0.008333333333333333333333", "0.008333333333" },
    { "123456789012345678901234", "123456789012345678901234" },
    { "-98765432109876543210.123456789012", "-98765432109876543210.123456789012" },
  };
  static const char * const bad[] = { "", "-", "+", ".", "abc", "1e3", "1.2.3", "1,5", "--1", "0x10", " 1 2" };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_dec (D (cases[i].in), cases[i].out);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      SlvDecimal d;

      g_assert_false (slv_decimal_parse (bad[i], -1, &d, &error));
      g_assert_error (error, SLV_DECIMAL_ERROR, SLV_DECIMAL_ERROR_INVALID);
    }
  /* 170141183460469231731687303715884 (33 digits) no longer fits */
  {
    g_autoptr(GError) error = NULL;
    SlvDecimal d;

    g_assert_false (slv_decimal_parse ("170141183460469231731687303715884", -1, &d, &error));
    g_assert_error (error, SLV_DECIMAL_ERROR, SLV_DECIMAL_ERROR_OVERFLOW);
  }
  /* A length bound parse reads only the prefix. */
  {
    SlvDecimal d;

    g_assert_true (slv_decimal_parse ("3.54xyz", 4, &d, NULL));
    assert_dec (d, "3.54");
  }
}

static void
test_format (void)
{
  char buf[SLV_DECIMAL_BUF_SIZE];

  g_assert_cmpstr (slv_decimal_format_buf (D ("3.540495"), 2, SLV_ROUND_HALF_UP, buf), ==, "3.54");
  g_assert_cmpstr (slv_decimal_format_buf (D ("3.545"), 2, SLV_ROUND_HALF_UP, buf), ==, "3.55");
  g_assert_cmpstr (slv_decimal_format_buf (D ("3.545"), 2, SLV_ROUND_HALF_EVEN, buf), ==, "3.54");
  g_assert_cmpstr (slv_decimal_format_buf (D ("-3.545"), 2, SLV_ROUND_HALF_UP, buf), ==, "-3.55");
  g_assert_cmpstr (slv_decimal_format_buf (D ("12"), 4, SLV_ROUND_HALF_UP, buf), ==, "12.0000");
  g_assert_cmpstr (slv_decimal_format_buf (D ("0.0083333333"), 8, SLV_ROUND_HALF_UP, buf), ==, "0.00833333");
  g_assert_cmpstr (slv_decimal_format_buf (D ("-0.004"), 2, SLV_ROUND_HALF_UP, buf), ==, "0.00");
  g_assert_cmpstr (slv_decimal_format_buf (D ("9.995"), 2, SLV_ROUND_HALF_UP, buf), ==, "10.00");
  g_assert_cmpstr (slv_decimal_format_buf (D ("1234567890123456789012"), 0, SLV_ROUND_HALF_UP, buf), ==,
                   "1234567890123456789012");
}

static void
test_arithmetic (void)
{
  SlvDecimal r;

  g_assert_true (slv_decimal_add (D ("0.1"), D ("0.2"), &r));
  assert_dec (r, "0.3");   /* never 0.30000000000000004 */
  g_assert_true (slv_decimal_sub (D ("3.54"), D ("3.540495"), &r));
  assert_dec (r, "-0.000495");
  g_assert_true (slv_decimal_mul (D ("0.25614144"), D ("5.1954"), &r));
  assert_dec (r, "1.330757237376");   /* exact: 8 + 4 places */
  g_assert_true (slv_decimal_mul (D ("-2.5"), D ("4"), &r));
  assert_dec (r, "-10");
  g_assert_true (slv_decimal_div (D ("100"), D ("12"), SLV_ROUND_HALF_EVEN, &r));
  assert_dec (r, "8.333333333333");
  g_assert_true (slv_decimal_div (D ("2"), D ("3"), SLV_ROUND_HALF_UP, &r));
  assert_dec (r, "0.666666666667");
  g_assert_true (slv_decimal_div (D ("2"), D ("3"), SLV_ROUND_DOWN, &r));
  assert_dec (r, "0.666666666666");
  g_assert_true (slv_decimal_div (D ("1"), D ("3"), SLV_ROUND_UP, &r));
  assert_dec (r, "0.333333333334");
  g_assert_true (slv_decimal_div (D ("-1"), D ("3"), SLV_ROUND_CEILING, &r));
  assert_dec (r, "-0.333333333333");
  g_assert_true (slv_decimal_div (D ("-1"), D ("3"), SLV_ROUND_FLOOR, &r));
  assert_dec (r, "-0.333333333334");
  /* a tie at the 12th place */
  g_assert_true (slv_decimal_div (D ("0.000000000001"), D ("2"), SLV_ROUND_HALF_EVEN, &r));
  assert_dec (r, "0");
  g_assert_true (slv_decimal_div (D ("0.000000000003"), D ("2"), SLV_ROUND_HALF_EVEN, &r));
  assert_dec (r, "0.000000000002");
  g_assert_true (slv_decimal_div (D ("0.000000000001"), D ("2"), SLV_ROUND_HALF_UP, &r));
  assert_dec (r, "0.000000000001");
  /* division by zero is refused, *out untouched */
  r = D ("7");
  g_assert_false (slv_decimal_div (D ("1"), SLV_DECIMAL_ZERO, SLV_ROUND_HALF_UP, &r));
  assert_dec (r, "7");
  /* percentages */
  g_assert_true (slv_decimal_add_percent (D ("2.846016"), D ("8"), &r));
  assert_dec (r, "3.07369728");
  g_assert_true (slv_decimal_percent_of (D ("3.6783"), D ("12"), &r));
  assert_dec (r, "0.441396");
}

static void
test_wide (void)
{
  SlvDecimal r, big = D ("12345678901234567890.5");

  /* Past the 64-bit fast path: 1.2e19 × 1000 exercises the 256-bit product. */
  g_assert_true (slv_decimal_mul (big, D ("1000"), &r));
  assert_dec (r, "12345678901234567890500");
  g_assert_true (slv_decimal_div (r, D ("1000"), SLV_ROUND_HALF_EVEN, &r));
  assert_dec (r, "12345678901234567890.5");
  /* Wide numerator and wide divisor */
  g_assert_true (slv_decimal_div (D ("100000000000000000000000000"), D ("40000000000000000"),
                                  SLV_ROUND_HALF_EVEN, &r));
  assert_dec (r, "2500000000");
  g_assert_true (slv_decimal_mul (D ("99999999999999.999999"), D ("0.000001"), &r));
  assert_dec (r, "99999999.999999999999");
}

static void
test_overflow (void)
{
  SlvDecimal max = D ("170141183460469231731687303.715884105727");
  SlvDecimal r = D ("1");

  g_assert_false (slv_decimal_add (max, D ("0.000000000001"), &r));
  g_assert_false (slv_decimal_sub (slv_decimal_neg (max), D ("0.000000000001"), &r));
  g_assert_false (slv_decimal_mul (max, D ("2"), &r));
  g_assert_false (slv_decimal_mul (D ("100000000000000"), D ("100000000000000"), &r));
  g_assert_false (slv_decimal_div (max, D ("0.1"), SLV_ROUND_HALF_UP, &r));
  g_assert_false (slv_decimal_round (max, 0, SLV_ROUND_UP, &r));
  assert_dec (r, "1");
  g_assert_true (slv_decimal_add (max, slv_decimal_neg (max), &r));
  assert_dec (r, "0");
  g_assert_true (slv_decimal_mul (D ("10000000000000"), D ("10000000000000"), &r));
  assert_dec (r, "100000000000000000000000000");
}

static void
test_rounding (void)
{
  static const struct { const char *in; guint places; SlvRounding mode; const char *out; } cases[] = {
    { "2.5", 0, SLV_ROUND_HALF_UP, "3" },   { "2.5", 0, SLV_ROUND_HALF_EVEN, "2" },
    { "3.5", 0, SLV_ROUND_HALF_EVEN, "4" }, { "-2.5", 0, SLV_ROUND_HALF_UP, "-3" },
    { "2.1", 0, SLV_ROUND_UP, "3" },        { "-2.1", 0, SLV_ROUND_UP, "-3" },
    { "2.9", 0, SLV_ROUND_DOWN, "2" },      { "-2.1", 0, SLV_ROUND_CEILING, "-2" },
    { "-2.1", 0, SLV_ROUND_FLOOR, "-3" },   { "3.540495", 2, SLV_ROUND_HALF_UP, "3.54" },
    { "4.350226", 2, SLV_ROUND_HALF_UP, "4.35" }, { "0.005", 2, SLV_ROUND_HALF_UP, "0.01" },
    { "0.005", 2, SLV_ROUND_HALF_EVEN, "0" }, { "0.015", 2, SLV_ROUND_HALF_EVEN, "0.02" },
    { "7", 2, SLV_ROUND_UP, "7" },
  };
  SlvDecimal r;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_true (slv_decimal_round (D (cases[i].in), cases[i].places, cases[i].mode, &r));
      assert_dec (r, cases[i].out);
    }
  g_assert_true (slv_decimal_round_to (D ("21.7178"), D ("1"), SLV_ROUND_HALF_UP, &r));
  assert_dec (r, "22");
  g_assert_true (slv_decimal_round_to (D ("12.37"), D ("0.05"), SLV_ROUND_HALF_UP, &r));
  assert_dec (r, "12.35");
  g_assert_true (slv_decimal_round_to (D ("12.375"), D ("0.05"), SLV_ROUND_HALF_UP, &r));
  assert_dec (r, "12.4");
  g_assert_true (slv_decimal_round_to (D ("12.31"), D ("0.25"), SLV_ROUND_CEILING, &r));
  assert_dec (r, "12.5");
  g_assert_false (slv_decimal_round_to (D ("1"), SLV_DECIMAL_ZERO, SLV_ROUND_HALF_UP, &r));
}

static void
test_compare (void)
{
  gint64 i;

  g_assert_cmpint (slv_decimal_cmp (D ("3.54"), D ("3.5400")), ==, 0);
  g_assert_true (slv_decimal_equal (D ("3.54"), D ("3.540")));
  g_assert_cmpint (slv_decimal_cmp (D ("-1"), D ("0.5")), <, 0);
  g_assert_cmpint (slv_decimal_sign (D ("-0.000000000001")), ==, -1);
  g_assert_true (slv_decimal_is_integer (D ("12.000")));
  g_assert_false (slv_decimal_is_integer (D ("12.5")));
  g_assert_true (slv_decimal_to_int (D ("-12.9"), &i));
  g_assert_cmpint (i, ==, -12);
  assert_dec (slv_decimal_max (D ("1"), D ("2")), "2");
  assert_dec (slv_decimal_min (D ("1"), D ("2")), "1");
  assert_dec (slv_decimal_abs (D ("-4.2")), "4.2");
  assert_dec (slv_decimal_from_parts (354, 2), "3.54");
  assert_dec (slv_decimal_from_int (-1200), "-1200");
  g_assert_cmpfloat_with_epsilon (slv_decimal_to_double (D ("3.54")), 3.54, 1e-12);
}

static void
test_price_endings (void)
{
  static const struct { const char *ending, *in, *out; } cases[] = {
    { ".99", "11.508361", "11.99" }, { ".99", "10.8589", "10.99" }, { ".99", "11.99", "11.99" },
    { ".99", "12", "12.99" },        { ".99", "0.40", "0.99" },     { ".99", "11.991", "12.99" },
    { ".95", "11.96", "12.95" },     { ".95", "11.95", "11.95" },   { ".95", "11.2", "11.95" },
    { "x9.00", "11.51", "19" },      { "9.00", "19.00", "19" },     { "x9.00", "19.01", "29" },
    { "x9.00", "3", "9" },           { "whole", "10.01", "11" },    { "whole", "10", "10" },
    { "x99.00", "120", "199" },      { "0.99", "3.2", "3.99" },     { ".00", "4.2", "5" },
    { "x4.90", "12", "14.9" },
  };
  static const char * const bad[] = { ".9x", "abc", "x", "1.2.3", ".", "9.", "12345678.00", ".12345" };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      SlvPriceEnding e;
      SlvDecimal r;
      g_autoptr(GError) error = NULL;

      g_assert_true (slv_price_ending_parse (cases[i].ending, &e, &error));
      g_assert_no_error (error);
      g_assert_true (slv_price_ending_apply (&e, D (cases[i].in), &r));
      assert_dec (r, cases[i].out);
      g_assert_cmpint (slv_decimal_cmp (r, D (cases[i].in)), >=, 0);   /* always up */
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      SlvPriceEnding e;
      g_autoptr(GError) error = NULL;

      g_assert_false (slv_price_ending_parse (bad[i], &e, &error));
      g_assert_error (error, SLV_DECIMAL_ERROR, SLV_DECIMAL_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "price ending"));
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/core/decimal/parse-print", test_parse_print);
  g_test_add_func ("/core/decimal/format", test_format);
  g_test_add_func ("/core/decimal/arithmetic", test_arithmetic);
  g_test_add_func ("/core/decimal/wide", test_wide);
  g_test_add_func ("/core/decimal/overflow", test_overflow);
  g_test_add_func ("/core/decimal/rounding", test_rounding);
  g_test_add_func ("/core/decimal/compare", test_compare);
  g_test_add_func ("/core/costing/price-endings", test_price_endings);
  return g_test_run ();
}
