/* test-values.c: SAP and spreadsheet numbers and dates.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "formats/slv-values.h"

typedef struct
{
  const char    *text;
  SlvDecimalSep  sep;
  const char    *expected;   /* NULL: refused */
} DecimalCase;

static void
test_decimal_table (void)
{
  static const DecimalCase cases[] = {
    /* The three SAP notations (DCPFM blank, X, Y). */
    { "1.234.567,89", SLV_DECIMAL_COMMA, "1234567.89" },
    { "1,234,567.89", SLV_DECIMAL_POINT, "1234567.89" },
    { "1 234 567,89", SLV_DECIMAL_COMMA, "1234567.89" },
    { "1 234 567.89", SLV_DECIMAL_POINT, "1234567.89" },
    /* No guessing: the same text means different numbers by setting. */
    { "1.234", SLV_DECIMAL_COMMA, "1234" },
    { "1.234", SLV_DECIMAL_POINT, "1.234" },
    { "1,234", SLV_DECIMAL_POINT, "1234" },
    { "1,234", SLV_DECIMAL_COMMA, "1.234" },
    { "4374,13", SLV_DECIMAL_COMMA, "4374.13" },
    { "4374,13", SLV_DECIMAL_POINT, NULL },
    { "4.374,13", SLV_DECIMAL_POINT, NULL },
    { "12,50", SLV_DECIMAL_POINT, NULL },
    /* Signs: SAP's trailing minus, parentheses, leading signs. */
    { "100.20-", SLV_DECIMAL_POINT, "-100.20" },
    { "1.234,50-", SLV_DECIMAL_COMMA, "-1234.50" },
    { "(100.20)", SLV_DECIMAL_POINT, "-100.20" },
    { "-7", SLV_DECIMAL_POINT, "-7" },
    { "+7", SLV_DECIMAL_POINT, "7" },
    { "-0", SLV_DECIMAL_POINT, "0" },
    { "0,00-", SLV_DECIMAL_COMMA, "0.00" },
    { "--7", SLV_DECIMAL_POINT, NULL },
    { "-7-", SLV_DECIMAL_POINT, NULL },
    /* Leading zeros, spaces, exponents, other grouping marks. */
    { "0001234", SLV_DECIMAL_POINT, "1234" },
    { "  42 ", SLV_DECIMAL_POINT, "42" },
    { "\xc2\xa0" "42\xc2\xa0", SLV_DECIMAL_POINT, "42" },
    { "1\xe2\x80\xaf" "234,5", SLV_DECIMAL_COMMA, "1234.5" },
    { "1'234.5", SLV_DECIMAL_POINT, "1234.5" },
    { ".5", SLV_DECIMAL_POINT, "0.5" },
    { "00.50", SLV_DECIMAL_POINT, "0.50" },
    { "1.5E3", SLV_DECIMAL_POINT, "1500" },
    { "1,5e-3", SLV_DECIMAL_COMMA, "0.0015" },
    { "2.5E+1", SLV_DECIMAL_POINT, "25" },
    { "", SLV_DECIMAL_POINT, "" },
    { "   ", SLV_DECIMAL_COMMA, "" },
    /* Not numbers. */
    { "abc", SLV_DECIMAL_POINT, NULL },
    { "12abc", SLV_DECIMAL_POINT, NULL },
    { "1,23,456", SLV_DECIMAL_POINT, NULL },
    { "1,2345", SLV_DECIMAL_POINT, NULL },
    { "1.234,5.6", SLV_DECIMAL_COMMA, NULL },
    { "1 234,567.8", SLV_DECIMAL_POINT, NULL },
    { "-", SLV_DECIMAL_POINT, NULL },
    { ".", SLV_DECIMAL_POINT, NULL },
    { "1e", SLV_DECIMAL_POINT, NULL },
    { "1,234e5", SLV_DECIMAL_POINT, NULL },
    { "1234567890123456789012345678901234567", SLV_DECIMAL_POINT, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      char out[SLV_DECIMAL_BUF];
      g_autoptr(GError) error = NULL;
      gboolean ok = slv_parse_decimal (cases[i].text, -1, cases[i].sep, out, &error);

      g_test_message ("case %u: ‘%s’", i, cases[i].text);
      if (cases[i].expected == NULL)
        {
          g_assert_false (ok);
          g_assert_error (error, SLV_VALUE_ERROR, SLV_VALUE_ERROR_INVALID);
        }
      else
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          g_assert_cmpstr (out, ==, cases[i].expected);
        }
    }
}

static void
test_decimal_messages (void)
{
  char out[SLV_DECIMAL_BUF];
  g_autoptr(GError) error = NULL;

  /* A value read with the wrong setting says which setting would fit. */
  g_assert_false (slv_parse_decimal ("4374,13", -1, SLV_DECIMAL_POINT, out, &error));
  g_assert_nonnull (strstr (error->message, "decimal commas"));
  g_clear_error (&error);
  g_assert_false (slv_parse_decimal ("abc", -1, SLV_DECIMAL_POINT, out, &error));
  g_assert_cmpstr (error->message, ==, "‘abc’ is not a number.");
}

static void
test_integer (void)
{
  gint64 v;
  gboolean empty;
  g_autoptr(GError) error = NULL;

  g_assert_true (slv_parse_integer ("1.000", -1, SLV_DECIMAL_COMMA, &empty, &v, &error));
  g_assert_false (empty);
  g_assert_cmpint (v, ==, 1000);
  g_assert_true (slv_parse_integer ("12.00", -1, SLV_DECIMAL_POINT, &empty, &v, &error));
  g_assert_cmpint (v, ==, 12);
  g_assert_true (slv_parse_integer ("30-", -1, SLV_DECIMAL_POINT, &empty, &v, &error));
  g_assert_cmpint (v, ==, -30);
  g_assert_true (slv_parse_integer ("", -1, SLV_DECIMAL_POINT, &empty, &v, &error));
  g_assert_true (empty);
  g_assert_false (slv_parse_integer ("1.5", -1, SLV_DECIMAL_POINT, &empty, &v, &error));
  g_assert_error (error, SLV_VALUE_ERROR, SLV_VALUE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (slv_parse_integer ("99999999999999999999", -1, SLV_DECIMAL_POINT, &empty, &v, &error));
  g_assert_error (error, SLV_VALUE_ERROR, SLV_VALUE_ERROR_RANGE);
}

typedef struct
{
  const char   *text;
  SlvDateOrder  order;
  const char   *expected;   /* NULL: refused */
} DateCase;

static void
test_date_table (void)
{
  static const DateCase cases[] = {
    { "14.03.2025", SLV_DATE_DMY, "2025-03-14" },
    { "14.03.2025", SLV_DATE_MDY, "2025-03-14" },   /* dots are always day first (DATFM 1) */
    { "4.3.2025", SLV_DATE_DMY, "2025-03-04" },
    { "20150226", SLV_DATE_DMY, "2015-02-26" },
    { "2025-03-14", SLV_DATE_DMY, "2025-03-14" },
    { "2025-03-14T09:26:53", SLV_DATE_DMY, "2025-03-14" },
    { "2025-03-14 09:26:53", SLV_DATE_DMY, "2025-03-14" },
    { "2025/03/14", SLV_DATE_MDY, "2025-03-14" },
    { "2025.03.14", SLV_DATE_DMY, "2025-03-14" },
    { "03/04/2025", SLV_DATE_DMY, "2025-04-03" },
    { "03/04/2025", SLV_DATE_MDY, "2025-03-04" },
    { "12-31-2025", SLV_DATE_MDY, "2025-12-31" },
    { "29.02.2024", SLV_DATE_DMY, "2024-02-29" },
    { "00000000", SLV_DATE_DMY, "" },
    { "", SLV_DATE_DMY, "" },
    { " 14.03.2025 ", SLV_DATE_DMY, "2025-03-14" },
    { "29.02.2025", SLV_DATE_DMY, NULL },
    { "20151332", SLV_DATE_DMY, NULL },
    { "31/12/2025", SLV_DATE_MDY, NULL },
    { "2025-3", SLV_DATE_DMY, NULL },
    { "14.03.25", SLV_DATE_DMY, NULL },
    { "yesterday", SLV_DATE_DMY, NULL },
    { "2025-03-14x", SLV_DATE_DMY, NULL },
    { "14.03/2025", SLV_DATE_DMY, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      char out[SLV_DATE_BUF];
      g_autoptr(GError) error = NULL;
      gboolean ok = slv_parse_date (cases[i].text, -1, cases[i].order, out, &error);

      g_test_message ("case %u: ‘%s’", i, cases[i].text);
      if (cases[i].expected == NULL)
        {
          g_assert_false (ok);
          g_assert_nonnull (error);
        }
      else
        {
          g_assert_no_error (error);
          g_assert_cmpstr (out, ==, cases[i].expected);
        }
    }
}

static void
test_arithmetic (void)
{
  char out[SLV_DECIMAL_BUF];
  gboolean rounded;

  g_assert_true (slv_decimal_text_equal ("12.50", "12.5"));
  g_assert_true (slv_decimal_text_equal ("0", "-0.00"));
  g_assert_false (slv_decimal_text_equal ("12.5", "12.51"));
  g_assert_cmpint (slv_decimal_text_compare ("-3", "2"), <, 0);
  g_assert_cmpint (slv_decimal_text_compare ("-3", "-20"), >, 0);
  g_assert_cmpint (slv_decimal_text_compare ("100", "99.999"), >, 0);
  g_assert_cmpint (slv_decimal_text_sign ("-0.001"), ==, -1);
  g_assert_cmpint (slv_decimal_text_sign ("0.000"), ==, 0);

  /* STPRS / PEINH: exact for powers of ten. */
  g_assert_true (slv_decimal_text_divide ("1250.00", "100", 6, out, &rounded));
  g_assert_cmpstr (out, ==, "12.50");
  g_assert_false (rounded);
  g_assert_true (slv_decimal_text_divide ("7", "1000", 6, out, &rounded));
  g_assert_cmpstr (out, ==, "0.007");
  g_assert_false (rounded);
  g_assert_true (slv_decimal_text_divide ("-10", "4", 6, out, &rounded));
  g_assert_cmpstr (out, ==, "-2.5");
  g_assert_false (rounded);
  g_assert_true (slv_decimal_text_divide ("100", "3", 6, out, &rounded));
  g_assert_cmpstr (out, ==, "33.333333");
  g_assert_true (rounded);
  g_assert_true (slv_decimal_text_divide ("2", "3", 4, out, &rounded));
  g_assert_cmpstr (out, ==, "0.6667");
  g_assert_true (slv_decimal_text_divide ("9.99", "0.5", 6, out, &rounded));
  g_assert_cmpstr (out, ==, "19.98");
  g_assert_false (slv_decimal_text_divide ("1", "0", 6, out, &rounded));
}

static void
test_excel_serials (void)
{
  char out[SLV_DATE_BUF];

  /* The same day in both date systems (calamine's date.xlsx / date_1904.xlsx). */
  g_assert_true (slv_excel_serial_to_iso (44197, FALSE, FALSE, out));
  g_assert_cmpstr (out, ==, "2021-01-01");
  g_assert_true (slv_excel_serial_to_iso (42735, TRUE, FALSE, out));
  g_assert_cmpstr (out, ==, "2021-01-01");
  g_assert_true (slv_excel_serial_to_iso (1, FALSE, FALSE, out));
  g_assert_cmpstr (out, ==, "1900-01-01");
  g_assert_true (slv_excel_serial_to_iso (59, FALSE, FALSE, out));
  g_assert_cmpstr (out, ==, "1900-02-28");
  g_assert_true (slv_excel_serial_to_iso (61, FALSE, FALSE, out));
  g_assert_cmpstr (out, ==, "1900-03-01");
  g_assert_true (slv_excel_serial_to_iso (42663, FALSE, FALSE, out));
  g_assert_cmpstr (out, ==, "2016-10-20");
  g_assert_true (slv_excel_serial_to_iso (44197.75, FALSE, TRUE, out));
  g_assert_cmpstr (out, ==, "2021-01-01T18:00:00");
  g_assert_false (slv_excel_serial_to_iso (-1, FALSE, FALSE, out));
  g_assert_false (slv_excel_serial_to_iso (1e12, FALSE, FALSE, out));

  slv_excel_serial_to_time (10.6320601851852, TRUE, out);
  g_assert_cmpstr (out, ==, "255:10:10");
  slv_excel_serial_to_time (10.6320601851852, FALSE, out);
  g_assert_cmpstr (out, ==, "15:10:10");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/formats/values/decimal", test_decimal_table);
  g_test_add_func ("/formats/values/decimal-messages", test_decimal_messages);
  g_test_add_func ("/formats/values/integer", test_integer);
  g_test_add_func ("/formats/values/date", test_date_table);
  g_test_add_func ("/formats/values/arithmetic", test_arithmetic);
  g_test_add_func ("/formats/values/excel-serials", test_excel_serials);

  return g_test_run ();
}
