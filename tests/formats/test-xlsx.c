/* test-xlsx.c: the XLSX reader on calamine's edge cases and on hostile files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "slv-test-util.h"
#include "formats/slv-values.h"
#include "formats/slv-xlsx-reader.h"

static const char *edge_cases[] = {
  "any_sheets", "date", "date_1904", "empty_shared_string", "encoded_entities", "errors",
  "has_x000D_", "header-row", "inlineStr_cdata", "issues", "merged_range",
  "nonstandard-xml-ns-prefix", "strict_iso_paths", "table-multiple",
};

static gboolean
format_is_date (JsonObject *cell)
{
  gint64 id = json_object_has_member (cell, "numFmtId") ? json_object_get_int_member (cell, "numFmtId") : 0;
  const char *code = json_object_has_member (cell, "numFmt") ? json_object_get_string_member (cell, "numFmt") : NULL;

  if (code == NULL)
    return (id >= 14 && id <= 22) || (id >= 45 && id <= 47);
  return strchr (code, 'y') != NULL || strchr (code, 'h') != NULL;
}

/* The ISO date the test expects for a serial, computed here on its own. */
static char *
expected_date (double   serial,
               gboolean date1904)
{
  g_autoptr(GDate) d = date1904 ? g_date_new_dmy (1, 1, 1904) : g_date_new_dmy (30, 12, 1899);

  g_date_add_days (d, (guint) serial);
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (d), g_date_get_month (d), g_date_get_day (d));
}

static void
check_cell (const char  *ref,
            JsonObject  *want,
            const SlvCell *got,
            gboolean     date1904)
{
  const char *type = json_object_get_string_member (want, "type");
  JsonNode *value = json_object_get_member (want, "value");

  g_test_message ("  %s (%s)", ref, type);
  if (g_str_equal (type, "s") || g_str_equal (type, "inlineStr") || g_str_equal (type, "str"))
    {
      g_assert_cmpint (got->type, ==, SLV_CELL_TEXT);
      g_assert_cmpstr (got->text, ==, json_node_get_string (value));
    }
  else if (g_str_equal (type, "b"))
    {
      g_assert_cmpint (got->type, ==, SLV_CELL_BOOLEAN);
      g_assert_cmpfloat (got->number, ==, json_node_get_boolean (value) ? 1 : 0);
    }
  else if (g_str_equal (type, "e"))
    {
      g_assert_cmpint (got->type, ==, SLV_CELL_ERROR);
      g_assert_cmpstr (got->text, ==, json_node_get_string (value));
    }
  else
    {
      double number = json_node_get_double (value);

      g_assert_cmpstr (type, ==, "n");
      g_assert_cmpfloat (got->number, ==, number);
      if (format_is_date (want))
        {
          const char *code = json_object_get_string_member_with_default (want, "numFmt", "");

          if (strchr (code, 'y') != NULL || strchr (code, 'h') == NULL)
            {
              g_autofree char *iso = expected_date (number, date1904);

              g_assert_cmpint (got->type, ==, SLV_CELL_DATE);
              g_assert_true (g_str_has_prefix (got->text, iso));
            }
          else
            g_assert_cmpint (got->type, ==, SLV_CELL_TIME);
        }
      else
        {
          char out[SLV_DECIMAL_BUF];

          g_assert_cmpint (got->type, ==, SLV_CELL_NUMBER);
          /* The text is a decimal the importer can read, equal to 15 digits. */
          g_assert_true (slv_parse_decimal (got->text, -1, SLV_DECIMAL_POINT, out, NULL));
          g_assert_cmpfloat_with_epsilon (g_ascii_strtod (out, NULL), number, fabs (number) * 1e-14 + 1e-300);
        }
    }
}

static void
check_sheet (SlvXlsxReader *reader,
             JsonObject    *sheet,
             gboolean       date1904)
{
  JsonObject *cells = json_object_get_object_member (sheet, "cells");
  JsonArray *merged = json_object_get_array_member (sheet, "merged_ranges");
  g_autoptr(GError) error = NULL;
  const SlvRow *row;
  const SlvCellRange *ranges;
  guint n_ranges, n_cells = 0;

  g_assert_true (slv_xlsx_reader_select_sheet (reader, json_object_get_string_member (sheet, "name"), &error));
  g_assert_no_error (error);
  while ((row = slv_row_reader_next_row (SLV_ROW_READER (reader), &error)) != NULL)
    for (guint c = 0; c < row->n_cells; c++)
      {
        char col[8];
        g_autofree char *ref = NULL;

        if (row->cells[c].type == SLV_CELL_EMPTY)
          continue;
        g_assert_false (row->cells[c].merged);
        slv_column_name (c, col);
        ref = g_strdup_printf ("%s%" G_GUINT64_FORMAT, col, row->number);
        g_assert_true (json_object_has_member (cells, ref));
        check_cell (ref, json_object_get_object_member (cells, ref), &row->cells[c], date1904);
        n_cells++;
      }
  g_assert_no_error (error);
  g_assert_cmpuint (n_cells, ==, json_object_get_int_member (sheet, "cell_count"));

  ranges = slv_xlsx_reader_get_merged (reader, &n_ranges);
  g_assert_cmpuint (n_ranges, ==, json_array_get_length (merged));
  for (guint i = 0; i < json_array_get_length (merged); i++)
    {
      gboolean found = FALSE;

      for (guint k = 0; k < n_ranges; k++)
        {
          char text[32];

          slv_cell_range_to_string (&ranges[k], text);
          found |= g_str_equal (text, json_array_get_string_element (merged, i));
        }
      g_assert_true (found);
    }
}

static void
test_edge_case (gconstpointer data)
{
  const char *name = data;
  g_autofree char *rel = g_strdup_printf ("spreadsheets/xlsx-calamine/%s.xlsx", name);
  g_autofree char *truth_rel = g_strdup_printf ("spreadsheets/xlsx-calamine/%s.groundtruth.json", name);
  g_autofree char *path = slv_test_corpus_path (rel);
  g_autofree char *truth_path = path ? slv_test_corpus_path (truth_rel) : NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvXlsxReader) reader = NULL;
  SlvReadOptions options = { .no_merged_fill = TRUE };
  JsonObject *truth;
  JsonArray *sheets;
  gboolean date1904;

  if (truth_path == NULL)
    return;
  g_assert_true (json_parser_load_from_file (parser, truth_path, &error));
  truth = json_node_get_object (json_parser_get_root (parser));
  sheets = json_object_get_array_member (truth, "sheets");
  date1904 = json_object_get_boolean_member (truth, "date1904");

  reader = slv_xlsx_reader_new_for_path (path, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpint (slv_xlsx_reader_get_date1904 (reader), ==, date1904);
  g_assert_cmpuint (slv_xlsx_reader_get_n_sheets (reader), ==, json_array_get_length (sheets));
  for (guint i = 0; i < json_array_get_length (sheets); i++)
    {
      JsonObject *sheet = json_array_get_object_element (sheets, i);
      const SlvXlsxSheetInfo *info = slv_xlsx_reader_get_sheet_info (reader, i);

      g_assert_cmpstr (info->name, ==, json_object_get_string_member (sheet, "name"));
      g_assert_cmpstr (info->state, ==, json_object_get_string_member (sheet, "state"));
      g_assert_cmpstr (info->part, ==, json_object_get_string_member (sheet, "part"));
      if (info->chart)
        {
          g_assert_false (slv_xlsx_reader_select_sheet (reader, info->name, &error));
          g_assert_error (error, SLV_READ_ERROR, SLV_READ_ERROR_NO_SHEET);
          g_clear_error (&error);
          g_assert_cmpint (json_object_get_int_member (sheet, "cell_count"), ==, 0);
          continue;
        }
      check_sheet (reader, sheet, date1904);
    }
}

static void
test_default_sheet_and_fill (void)
{
  g_autofree char *any = slv_test_corpus_path ("spreadsheets/xlsx-calamine/any_sheets.xlsx");
  g_autofree char *merged = any ? slv_test_corpus_path ("spreadsheets/xlsx-calamine/merged_range.xlsx") : NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvRowReader) reader = NULL;
  const SlvRow *row;

  if (merged == NULL)
    return;
  /* The generic opener picks the first visible worksheet. */
  reader = slv_row_reader_open (any, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (SLV_IS_XLSX_READER (reader));
  g_assert_cmpstr (slv_xlsx_reader_get_sheet_name (SLV_XLSX_READER (reader)), ==, "Visible");
  g_clear_object (&reader);

  /* Merged areas carry their first cell's value. */
  reader = slv_row_reader_open (merged, NULL, &error);
  g_assert_no_error (error);
  row = slv_row_reader_next_row (reader, &error);
  g_assert_cmpuint (row->number, ==, 1);
  g_assert_cmpstr (row->cells[2].text, ==, "C1");
  g_assert_cmpstr (row->cells[3].text, ==, "C1");
  g_assert_true (row->cells[3].merged);
  g_assert_false (row->cells[2].merged);
  row = slv_row_reader_next_row (reader, &error);
  g_assert_cmpuint (row->number, ==, 2);
  g_assert_cmpstr (row->cells[0].text, ==, "A1");
  g_assert_cmpstr (row->cells[3].text, ==, "C1");
  g_assert_cmpstr (row->cells[7].text, ==, "H1");
  row = slv_row_reader_next_row (reader, &error);
  g_assert_cmpuint (row->number, ==, 3);
  g_assert_cmpstr (row->cells[3].text, ==, "C3");
  g_assert_no_error (error);
}

/* -- hostile files -- */

typedef struct
{
  const char *name;
  const char *data;   /* NULL: @size bytes of a repeated row */
  gsize       size;
} Part;

static const char *content_types =
  "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>";
static const char *root_rels =
  "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
  "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
  "</Relationships>";
static const char *workbook =
  "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
  "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
  "<sheet name=\"Data\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
static const char *workbook_rels =
  "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
  "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
  "</Relationships>";

#define ROW "<row><c t=\"inlineStr\"><is><t>0001200101</t></is></c><c><v>1</v></c></row>"

static char *
write_workbook (const char *dir,
                const char *sheet,
                gsize       bomb_rows)
{
  g_autofree char *path = g_build_filename (dir, bomb_rows ? "bomb.xlsx" : "book.xlsx", NULL);
  struct archive *a = archive_write_new ();
  Part parts[] = {
    { "[Content_Types].xml", content_types, 0 },
    { "_rels/.rels", root_rels, 0 },
    { "xl/workbook.xml", workbook, 0 },
    { "xl/_rels/workbook.xml.rels", workbook_rels, 0 },
    { "xl/worksheets/sheet1.xml", sheet, 0 },
  };

  g_assert_cmpint (archive_write_set_format_zip (a), ==, ARCHIVE_OK);
  g_assert_cmpint (archive_write_open_filename (a, path), ==, ARCHIVE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      struct archive_entry *e = archive_entry_new ();
      const char *head = "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";
      const char *tail = "</sheetData></worksheet>";
      gsize size = parts[i].data ? strlen (parts[i].data) : strlen (head) + bomb_rows * strlen (ROW) + strlen (tail);

      archive_entry_set_pathname (e, parts[i].name);
      archive_entry_set_filetype (e, AE_IFREG);
      archive_entry_set_perm (e, 0644);
      archive_entry_set_size (e, size);
      g_assert_cmpint (archive_write_header (a, e), ==, ARCHIVE_OK);
      if (parts[i].data)
        archive_write_data (a, parts[i].data, size);
      else
        {
          g_autoptr(GString) block = g_string_new (NULL);

          for (guint r = 0; r < 10000; r++)
            g_string_append (block, ROW);
          archive_write_data (a, head, strlen (head));
          for (gsize r = 0; r < bomb_rows; r += 10000)
            archive_write_data (a, block->str, MIN (10000, bomb_rows - r) * strlen (ROW));
          archive_write_data (a, tail, strlen (tail));
        }
      archive_entry_free (e);
    }
  archive_write_close (a);
  archive_write_free (a);
  return g_steal_pointer (&path);
}

static GError *
read_all (const char *path,
          guint64    *rows)
{
  GError *error = NULL;
  g_autoptr(SlvRowReader) reader = slv_row_reader_open (path, NULL, &error);

  *rows = 0;
  if (reader == NULL)
    return error;
  while (slv_row_reader_next_row (reader, &error) != NULL)
    (*rows)++;
  return error;
}

static void
test_generated_workbook (void)
{
  g_autofree char *dir = slv_test_make_tmpdir ("slv-xlsx");
  g_autofree char *path = write_workbook (dir,
    "<?xml version=\"1.0\"?><x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
    "<x:sheetData><x:row r=\"2\"><x:c r=\"B2\" t=\"inlineStr\"><x:is><x:r><x:t>a_x0041_</x:t></x:r>"
    "<x:rPh><x:t>skip</x:t></x:rPh><x:r><x:t xml:space=\"preserve\"> b</x:t></x:r></x:is></x:c>"
    "<x:c t=\"b\"><x:v>1</x:v></x:c><x:c><x:f>1/0</x:f><x:v>2.5</x:v></x:c></x:row>"
    "<x:row><x:c><x:v>1E+20</x:v></x:c></x:row></x:sheetData></x:worksheet>", 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvRowReader) reader = slv_row_reader_open (path, NULL, &error);
  const SlvRow *row;

  g_assert_no_error (error);
  row = slv_row_reader_next_row (reader, &error);
  g_assert_cmpuint (row->number, ==, 2);
  g_assert_cmpuint (row->n_cells, ==, 4);
  g_assert_cmpint (row->cells[0].type, ==, SLV_CELL_EMPTY);
  g_assert_cmpstr (row->cells[0].text, ==, "");
  g_assert_cmpstr (row->cells[1].text, ==, "aA b");
  g_assert_cmpint (row->cells[2].type, ==, SLV_CELL_BOOLEAN);
  g_assert_cmpstr (row->cells[2].text, ==, "TRUE");
  g_assert_cmpstr (row->cells[3].text, ==, "2.5");
  row = slv_row_reader_next_row (reader, &error);
  g_assert_cmpuint (row->number, ==, 3);
  g_assert_cmpstr (row->cells[0].text, ==, "100000000000000000000");
  g_assert_null (slv_row_reader_next_row (reader, &error));
  g_assert_no_error (error);
  slv_test_rm_rf (dir);
}

static void
test_truncated_zip (void)
{
  g_autofree char *src = slv_test_corpus_path ("spreadsheets/xlsx-calamine/table-multiple.xlsx");
  g_autofree char *dir = NULL;
  g_autofree char *data = NULL;
  gsize len;
  guint64 rows;

  if (src == NULL)
    return;
  dir = slv_test_make_tmpdir ("slv-xlsx");
  g_assert_true (g_file_get_contents (src, &data, &len, NULL));
  /* Cut at several points: every one is refused as damaged, never a crash. */
  for (gsize cut = 30; cut < len; cut += len / 7)
    {
      g_autofree char *path = g_build_filename (dir, "cut.xlsx", NULL);
      g_autoptr(GError) error = NULL;

      g_assert_true (g_file_set_contents (path, data, cut, NULL));
      error = read_all (path, &rows);
      g_test_message ("cut at %" G_GSIZE_FORMAT ": %s", cut, error ? error->message : "read");
      g_assert_error (error, SLV_READ_ERROR, SLV_READ_ERROR_DAMAGED);
    }
  slv_test_rm_rf (dir);
}

static void
test_zip_bomb (void)
{
  /* 3 million rows: about 250 MB of XML in well under 1 MB of ZIP. */
  g_autofree char *dir = slv_test_make_tmpdir ("slv-xlsx");
  g_autofree char *path = write_workbook (dir, NULL, 3000000);
  g_autoptr(GError) error = NULL;
  GStatBuf st;
  guint64 rows;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_test_message ("bomb: %" G_GINT64_FORMAT " bytes on disk", (gint64) st.st_size);
  error = read_all (path, &rows);
  g_assert_error (error, SLV_READ_ERROR, SLV_READ_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "ZIP bomb"));
  /* It stopped early: about 16 MB of XML, not 250. */
  g_assert_cmpuint (rows, <, 300000);
  g_clear_error (&error);

  /* An absolute limit applies too. */
  {
    SlvReadOptions options = { .max_unpacked_bytes = 1024 * 1024, .max_ratio = 100000 };
    g_autoptr(SlvXlsxReader) reader = slv_xlsx_reader_new_for_path (path, &options, &error);

    /* The declared size is refused before anything is unpacked. */
    g_assert_null (reader);
    g_assert_error (error, SLV_READ_ERROR, SLV_READ_ERROR_TOO_LARGE);
  }
  slv_test_rm_rf (dir);
}

static void
test_bad_xml (void)
{
  static const struct { const char *sheet; SlvReadError code; } cases[] = {
    { "<worksheet><sheetData><row><c><v>1</v></row></sheetData></worksheet>", SLV_READ_ERROR_SYNTAX },
    { "<worksheet><sheetData><row><c><v>1</v></c></row>", SLV_READ_ERROR_SYNTAX },
    { "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]>"
      "<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>",
      SLV_READ_ERROR_SYNTAX },
    { "<worksheet><sheetData><row><c t=\"s\"><v>7</v></c></row></sheetData></worksheet>", SLV_READ_ERROR_DAMAGED },
    { "<worksheet><sheetData><row><c r=\"ZZZZ1\"><v>1</v></c></row></sheetData></worksheet>", SLV_READ_ERROR_DAMAGED },
    { "<worksheet><sheetData><row r=\"0\"><c><v>1</v></c></row></sheetData></worksheet>", SLV_READ_ERROR_DAMAGED },
    { "<worksheet><sheetData><row><c><v>12abc</v></c></row></sheetData></worksheet>", SLV_READ_ERROR_DAMAGED },
    { "\xff\xfe<worksheet>", SLV_READ_ERROR_SYNTAX },
  };
  g_autofree char *dir = slv_test_make_tmpdir ("slv-xlsx");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = write_workbook (dir, cases[i].sheet, 0);
      g_autoptr(GError) error = NULL;
      guint64 rows;

      error = read_all (path, &rows);
      g_test_message ("case %u: %s", i, error ? error->message : "(no error)");
      g_assert_error (error, SLV_READ_ERROR, cases[i].code);
      g_assert_cmpuint (rows, ==, 0);
    }
  slv_test_rm_rf (dir);
}

static void
test_not_a_workbook (void)
{
  g_autofree char *dir = slv_test_make_tmpdir ("slv-xlsx");
  g_autofree char *xls = g_build_filename (dir, "old.xls", NULL);
  g_autofree char *zip = g_build_filename (dir, "other.zip", NULL);
  static const guint8 ole[] = { 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0 };
  g_autoptr(GError) error = NULL;
  struct archive *a = archive_write_new ();
  struct archive_entry *e = archive_entry_new ();
  guint64 rows;

  g_assert_true (g_file_set_contents (xls, (const char *) ole, sizeof ole, NULL));
  error = read_all (xls, &rows);
  g_assert_error (error, SLV_READ_ERROR, SLV_READ_ERROR_NOT_SUPPORTED);
  g_clear_error (&error);

  archive_write_set_format_zip (a);
  archive_write_open_filename (a, zip);
  archive_entry_set_pathname (e, "readme.txt");
  archive_entry_set_filetype (e, AE_IFREG);
  archive_entry_set_size (e, 2);
  archive_write_header (a, e);
  archive_write_data (a, "hi", 2);
  archive_entry_free (e);
  archive_write_close (a);
  archive_write_free (a);
  error = read_all (zip, &rows);
  g_assert_error (error, SLV_READ_ERROR, SLV_READ_ERROR_NOT_SUPPORTED);
  slv_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (edge_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/formats/xlsx/corpus/%s", edge_cases[i]);

      g_test_add_data_func (path, edge_cases[i], test_edge_case);
    }
  g_test_add_func ("/formats/xlsx/default-sheet-and-fill", test_default_sheet_and_fill);
  g_test_add_func ("/formats/xlsx/generated", test_generated_workbook);
  g_test_add_func ("/formats/xlsx/truncated-zip", test_truncated_zip);
  g_test_add_func ("/formats/xlsx/zip-bomb", test_zip_bomb);
  g_test_add_func ("/formats/xlsx/bad-xml", test_bad_xml);
  g_test_add_func ("/formats/xlsx/not-a-workbook", test_not_a_workbook);

  return g_test_run ();
}
