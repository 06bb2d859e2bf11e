/* test-costing-export.c: XLSX with live formulas (recomputed by
 * LibreOffice), PDF and CSV exports of a cost sheet.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "slv-test-util.h"
#include "costing-fixture.h"
#include "formats/slv-atomic-file.h"
#include "formats/slv-costing-csv.h"
#include "formats/slv-costing-pdf.h"
#include "formats/slv-costing-xlsx.h"

static SlvCostSheet *
sheet_for (SlvCostingInput *in)
{
  g_autoptr(SlvCostMaster) m = fixture_master ();
  g_autoptr(GError) error = NULL;
  SlvCostSheet *sheet = slv_costing_price (m, in, &error);

  g_assert_no_error (error);
  return sheet;
}

/* A throwaway LibreOffice profile that recalculates OOXML formulas on load,
 * so the values come from the formulas and not from the file. */
static char *
make_profile (const char *dir)
{
  g_autofree char *user = g_build_filename (dir, "profile", "user", NULL);
  g_autofree char *xcu = g_build_filename (user, "registrymodifications.xcu", NULL);
  static const char registry[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<oor:items xmlns:oor=\"http://openoffice.org/2001/registry\" "
    "xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
    "<item oor:path=\"/org.openoffice.Office.Calc/Formula/Load\">"
    "<prop oor:name=\"OOXMLRecalcMode\" oor:op=\"fuse\"><value>0</value></prop></item>\n"
    "<item oor:path=\"/org.openoffice.Office.Calc/Formula/Load\">"
    "<prop oor:name=\"ODFRecalcMode\" oor:op=\"fuse\"><value>0</value></prop></item>\n"
    "</oor:items>\n";
  g_autoptr(GError) error = NULL;
  g_autofree char *profile = g_build_filename (dir, "profile", NULL);

  g_assert_cmpint (g_mkdir_with_parents (user, 0700), ==, 0);
  g_assert_true (g_file_set_contents (xcu, registry, -1, &error));
  return g_filename_to_uri (profile, NULL, NULL);
}

/* The cells of one CSV line (quotes removed, doubled quotes undone). */
static GStrv
csv_cells (const char *line)
{
  g_autoptr(GStrvBuilder) cells = g_strv_builder_new ();
  g_autoptr(GString) cell = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (const char *p = line; *p && *p != '\r'; p++)
    {
      if (quoted && *p == '"' && p[1] == '"')
        g_string_append_c (cell, *p++);
      else if (*p == '"')
        quoted = !quoted;
      else if (*p == ',' && !quoted)
        {
          g_strv_builder_add (cells, cell->str);
          g_string_truncate (cell, 0);
        }
      else
        g_string_append_c (cell, *p);
    }
  g_strv_builder_add (cells, cell->str);
  return g_strv_builder_end (cells);
}

/* The value column of the row whose first cell is @key, or NULL. */
static char *
csv_value (const char *csv,
           const char *key)
{
  g_auto(GStrv) lines = g_strsplit (csv, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cells = csv_cells (lines[i]);

      if (g_strv_length (cells) >= 3 && g_str_equal (cells[0], key))
        return g_strdup (cells[2]);
    }
  return NULL;
}

static void
assert_cents (const char   *csv,
              SlvCostSheet *sheet,
              SlvTotal      total)
{
  g_autofree char *spreadsheet = csv_value (csv, slv_total_to_key (total));
  g_autofree char *engine = NULL;
  g_autofree char *computed = NULL;
  SlvDecimal v, s;

  g_assert_true (slv_cost_sheet_get_total (sheet, total, &v));
  engine = slv_decimal_format (v, 2, SLV_ROUND_HALF_UP);
  g_test_message ("%s: spreadsheet %s, engine %s", slv_total_to_key (total), spreadsheet, engine);
  g_assert_nonnull (spreadsheet);
  g_assert_true (slv_decimal_parse (spreadsheet, -1, &s, NULL));
  computed = slv_decimal_format (s, 2, SLV_ROUND_HALF_UP);
  g_assert_cmpstr (computed, ==, engine);
}

static void
libreoffice_check (SlvCostSheet *sheet,
                   const char   *name,
                   gboolean      recalculate)
{
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autofree char *dir = NULL, *xlsx = NULL, *csv_path = NULL, *profile = NULL, *env = NULL;
  g_autofree char *csv = NULL, *out = NULL, *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (soffice == NULL)
    {
      g_test_skip ("soffice (libreoffice-calc-nogui) is not installed; the XLSX recalculation check needs it");
      return;
    }
  dir = slv_test_make_tmpdir ("slv-xlsx");
  xlsx = g_strdup_printf ("%s/%s.xlsx", dir, name);
  csv_path = g_strdup_printf ("%s/%s.csv", dir, name);
  g_assert_true (slv_costing_xlsx_write (sheet, xlsx, &error));
  g_assert_no_error (error);
  profile = recalculate ? make_profile (dir) : g_strdup_printf ("file://%s/bare-profile", dir);
  env = g_strdup_printf ("-env:UserInstallation=%s", profile);
  {
    const char *argv[] = { soffice, env, "--headless", "--norestore", "--nologo", "--convert-to",
                           "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", dir, xlsx, NULL };
    g_auto(GStrv) envp = g_get_environ ();

    /* LibreOffice is not a test program: no fatal GLib warnings, its own home */
    envp = g_environ_unsetenv (envp, "G_DEBUG");
    envp = g_environ_unsetenv (envp, "MALLOC_CHECK_");
    envp = g_environ_unsetenv (envp, "GSETTINGS_BACKEND");
    envp = g_environ_setenv (envp, "HOME", dir, TRUE);
    g_assert_true (g_spawn_sync (dir, (char **) argv, envp, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error));
  }
  g_assert_no_error (error);
  g_test_message ("soffice: %s %s", out, err);
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, &error));
  g_assert_no_error (error);
  if (!recalculate)
    {
      /* the workbook carries no results: only recalculation gives them */
      g_autofree char *fob = csv_value (csv, "fob_rounded");

      g_assert_cmpstr (fob, ==, "0.000000");
      slv_test_rm_rf (dir);
      return;
    }
  assert_cents (csv, sheet, SLV_TOTAL_FOB_ROUNDED);
  assert_cents (csv, sheet, SLV_TOTAL_PRODUCTION);
  assert_cents (csv, sheet, SLV_TOTAL_LANDED);
  assert_cents (csv, sheet, SLV_TOTAL_LANDED_PRICE_CCY);
  assert_cents (csv, sheet, SLV_TOTAL_WHOLESALE);
  assert_cents (csv, sheet, SLV_TOTAL_RETAIL);
  assert_cents (csv, sheet, SLV_TOTAL_MARGIN_PCT);
  /* the summary at the top follows the figures */
  {
    g_autofree char *fob = csv_value (csv, "summary.fob_rounded");
    g_autofree char *row = csv_value (csv, "fob_rounded");

    g_assert_cmpstr (fob, ==, row);
  }
  slv_test_rm_rf (dir);
}

static void
test_xlsx_libreoffice (void)
{
  g_autoptr(SlvCostingInput) a = fixture_example_a ();
  g_autoptr(SlvCostingInput) b = fixture_example_b ();
  g_autoptr(SlvCostSheet) sa = sheet_for (a);
  g_autoptr(SlvCostSheet) sb = sheet_for (b);

  libreoffice_check (sa, "example-a", TRUE);
  libreoffice_check (sb, "example-b", TRUE);
  libreoffice_check (sa, "cached", FALSE);
}

static void
test_xlsx_file (void)
{
  g_autoptr(SlvCostingInput) a = fixture_example_a ();
  g_autoptr(SlvCostSheet) sheet = sheet_for (a);
  g_autofree char *dir = slv_test_make_tmpdir ("slv-xlsx-file");
  g_autofree char *path = g_build_filename (dir, "a.xlsx", NULL);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  gsize length = 0;
  guint files = 0;

  g_assert_true (slv_costing_xlsx_write (sheet, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (memcmp (data, "PK", 2) == 0);
  /* no temporary file is left beside it */
  listing = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (listing) != NULL)
    files++;
  g_assert_cmpuint (files, ==, 1);
  /* a folder that does not exist: an error, nothing written */
  g_clear_pointer (&path, g_free);
  path = g_build_filename (dir, "missing", "a.xlsx", NULL);
  g_assert_false (slv_costing_xlsx_write (sheet, path, &error));
  g_assert_nonnull (error);
  slv_test_rm_rf (dir);
}

static void
test_pdf (void)
{
  g_autoptr(SlvCostingInput) a = fixture_example_a ();
  g_autoptr(SlvCostSheet) sheet = sheet_for (a);
  g_autofree char *dir = slv_test_make_tmpdir ("slv-pdf");
  g_autofree char *path = g_build_filename (dir, "a.pdf", NULL);
  g_autofree char *data = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  g_assert_true (slv_costing_pdf_write (sheet, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  g_assert_true (g_str_has_prefix (data, "%PDF-"));
  if (pdftotext != NULL)
    {
      const char *argv[] = { pdftotext, "-layout", path, "-", NULL };
      g_autofree char *text = NULL;
      int status;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                                   &text, NULL, &status, &error));
      g_assert_nonnull (strstr (text, "NL27S-TS001"));
      g_assert_nonnull (strstr (text, "FOB, rounded to cents"));
      g_assert_nonnull (strstr (text, "3.54"));
      g_assert_nonnull (strstr (text, "11.99"));
      g_assert_nonnull (strstr (text, "FOB by cost group"));
      g_assert_nonnull (strstr (text, "Where the figures come from"));
    }
  else
    g_test_message ("pdftotext (poppler-utils) is missing; the PDF text was not checked");
  slv_test_rm_rf (dir);
}

static void
test_csv (void)
{
  g_autoptr(SlvCostMaster) m = fixture_master ();
  g_autoptr(SlvCostingInput) a = fixture_example_a ();
  g_autoptr(SlvCostSheet) sheet = sheet_for (a);
  g_autofree char *master = slv_cost_master_to_csv (m, "2026-11-15");
  g_autofree char *figures = slv_cost_sheet_to_csv (sheet);
  g_autofree char *dir = slv_test_make_tmpdir ("slv-csv");
  g_autofree char *path = g_build_filename (dir, "master.csv", NULL);
  g_autofree char *back = NULL;
  SlvRateSpec odd = { "r-odd", "washing", "=cmd", "Soft, \"silky\" wash", NULL, NULL, "piece", "0.1",
                      NULL, "USD", NULL, 0, NULL, NULL };
  g_autoptr(GError) error = NULL;

  g_assert_true (g_str_has_prefix (master, "id,process,key,description,supplier_code,supplier,unit,rate,"));
  g_assert_nonnull (strstr (master, "r-make-dhk,making,knit-line,\"wage 8,470 BDT / 12,480 min\",FA2,"
                                    "Mirpur Knitwear,minute,8470,12480,0.678685897436,BDT,,0,2026-01-01,2027-12-31,current\r\n"));
  g_assert_nonnull (strstr (master, "r-knit-sj-25,knitting,single-jersey,,KN,Gazipur Knit,kg,0.92,1,0.92,USD,150,0,"
                                    "2025-01-01,2025-12-31,expired\r\n"));
  /* quotes doubled; a text that looks like a formula is defused */
  g_assert_true (slv_cost_master_add_rate (m, &odd, NULL));
  g_clear_pointer (&master, g_free);
  master = slv_cost_master_to_csv (m, "2026-11-15");
  g_assert_nonnull (strstr (master, "r-odd,washing,'=cmd,\"Soft, \"\"silky\"\" wash\",,,piece,0.1,"));
  g_assert_true (slv_cost_master_csv_write (m, "2026-11-15", path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &back, NULL, NULL));
  g_assert_cmpstr (back, ==, master);

  g_assert_true (g_str_has_prefix (figures, "key,label,value,unit,formula,source\r\n"));
  g_assert_nonnull (strstr (figures, "\r\nfob_rounded,\"FOB, rounded to cents\",3.54,USD,"));
  g_assert_nonnull (strstr (figures, "\r\nretail,Retail price,11.99,EUR,"));
  slv_test_rm_rf (dir);
}

static void
test_atomic (void)
{
  g_autofree char *dir = slv_test_make_tmpdir ("slv-atomic");
  g_autofree char *path = g_build_filename (dir, "out.txt", NULL);
  g_autofree char *tmp = NULL;
  g_autofree char *back = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (slv_atomic_file_write (path, "first", 5, &error));
  tmp = slv_atomic_file_begin (path, &error);
  g_assert_nonnull (tmp);
  g_assert_true (g_file_set_contents (tmp, "second", -1, NULL));
  /* until the commit, readers see the old file */
  g_assert_true (g_file_get_contents (path, &back, NULL, NULL));
  g_assert_cmpstr (back, ==, "first");
  g_clear_pointer (&back, g_free);
  g_assert_true (slv_atomic_file_commit (tmp, path, &error));
  g_assert_true (g_file_get_contents (path, &back, NULL, NULL));
  g_assert_cmpstr (back, ==, "second");
  g_assert_false (g_file_test (tmp, G_FILE_TEST_EXISTS));
  slv_test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/formats/costing/xlsx-file", test_xlsx_file);
  g_test_add_func ("/formats/costing/xlsx-libreoffice", test_xlsx_libreoffice);
  g_test_add_func ("/formats/costing/pdf", test_pdf);
  g_test_add_func ("/formats/costing/csv", test_csv);
  g_test_add_func ("/formats/costing/atomic", test_atomic);
  return g_test_run ();
}
