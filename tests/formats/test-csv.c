/* test-csv.c: the CSV reader on real SAP exports and on what breaks readers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "slv-test-util.h"
#include "formats/slv-csv-reader.h"
#include "formats/slv-values.h"

static SlvCsvReader *
reader_for (const void           *data,
            gsize                 len,
            const SlvReadOptions *options,
            GError              **error)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (g_memdup2 (data, len), len, g_free);

  return slv_csv_reader_new (stream, len, options, error);
}

/* All rows as "a|b|c" lines prefixed with the row number: "3:a|b". */
static char *
dump (SlvCsvReader *reader,
      GError      **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const SlvRow *row;

  while ((row = slv_row_reader_next_row (SLV_ROW_READER (reader), error)) != NULL)
    {
      g_string_append_printf (out, "%" G_GUINT64_FORMAT ":", row->number);
      for (guint i = 0; i < row->n_cells; i++)
        g_string_append_printf (out, "%s%s", i ? "|" : "", row->cells[i].text);
      g_string_append_c (out, '\n');
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
dump_text (const char  *text,
           char         delimiter,
           GError     **error)
{
  SlvReadOptions options = { .delimiter = delimiter };
  g_autoptr(SlvCsvReader) reader = reader_for (text, strlen (text), &options, error);

  return reader ? dump (reader, error) : NULL;
}

static void
test_rfc4180 (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;

  out = dump_text ("code,name,note\r\n"
                   "0001,\"Jersey, 180 gsm\",\"say \"\"hi\"\"\"\r\n"
                   "0002,\"two\nlines\",x\r\n"
                   "\r\n"
                   "0003,,\"\"\r\n"
                   "0004,a\"b,last", ',', &error);
  g_assert_no_error (error);
  g_assert_cmpstr (out, ==,
                   "1:code|name|note\n"
                   "2:0001|Jersey, 180 gsm|say \"hi\"\n"
                   "3:0002|two\nlines|x\n"
                   "6:0003||\n"
                   "7:0004|a\"b|last\n");
}

static void
test_line_endings (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *cr = dump_text ("a;b\rc;d\r", ';', &error);
  g_autofree char *lf = dump_text ("a;b\nc;d", ';', &error);
  g_autofree char *quoted_end = dump_text ("\"x\"y;z\n\"\"\n", ';', &error);

  g_assert_no_error (error);
  g_assert_cmpstr (cr, ==, "1:a|b\n2:c|d\n");
  g_assert_cmpstr (lf, ==, "1:a|b\n2:c|d\n");
  /* Text after a closing quote is kept; a lone "" is a record with one empty field. */
  g_assert_cmpstr (quoted_end, ==, "1:xy|z\n2:\n");
}

static void
test_sniff (void)
{
  g_assert_cmpint (slv_csv_sniff_delimiter ("A;B;C\n1,5;2;3\n4;5,25;6\n", 24), ==, ';');
  g_assert_cmpint (slv_csv_sniff_delimiter ("A,B,C\n1,2,3\n", 12), ==, ',');
  g_assert_cmpint (slv_csv_sniff_delimiter ("A\tB\n1\t2\n", 8), ==, '\t');
  g_assert_cmpint (slv_csv_sniff_delimiter ("\"a;b\",c\n\"d;e\",f\n", 16), ==, ',');
  g_assert_cmpint (slv_csv_sniff_delimiter ("single\ncolumn\n", 14), ==, ',');
}

static void
test_encodings (void)
{
  /* "Maß;€\n" in four encodings. */
  static const guint8 utf8_bom[] = { 0xef, 0xbb, 0xbf, 'M', 'a', 0xc3, 0x9f, ';', 0xe2, 0x82, 0xac, '\n' };
  static const guint8 utf16le[] = { 0xff, 0xfe, 'M', 0, 'a', 0, 0xdf, 0, ';', 0, 0xac, 0x20, '\n', 0 };
  static const guint8 utf16be[] = { 0xfe, 0xff, 0, 'M', 0, 'a', 0, 0xdf, 0, ';', 0x20, 0xac, 0, '\n' };
  static const guint8 cp1252[] = { 'M', 'a', 0xdf, ';', 0x80, '\n' };
  static const guint8 emoji16[] = { 0xff, 0xfe, 0x3d, 0xd8, 0x00, 0xde, '\n', 0 };
  struct { const guint8 *data; gsize len; SlvEncoding expected; gboolean bom; } cases[] = {
    { utf8_bom, sizeof utf8_bom, SLV_ENCODING_UTF8, TRUE },
    { utf16le, sizeof utf16le, SLV_ENCODING_UTF16LE, TRUE },
    { utf16be, sizeof utf16be, SLV_ENCODING_UTF16BE, TRUE },
    { cp1252, sizeof cp1252, SLV_ENCODING_WINDOWS_1252, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SlvCsvReader) reader = reader_for (cases[i].data, cases[i].len, NULL, &error);
      g_autofree char *out = NULL;

      g_assert_no_error (error);
      g_assert_cmpint (slv_csv_reader_get_encoding (reader), ==, cases[i].expected);
      g_assert_cmpint (slv_csv_reader_get_has_bom (reader), ==, cases[i].bom);
      g_assert_cmpint (slv_csv_reader_get_delimiter (reader), ==, ';');
      out = dump (reader, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (out, ==, "1:Maß|€\n");
    }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SlvCsvReader) reader = reader_for (emoji16, sizeof emoji16, NULL, &error);
    g_autofree char *out = dump (reader, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (out, ==, "1:😀\n");
  }
}

static void
test_wrong_encoding (void)
{
  /* Windows-1252 text read as UTF-8: the error names the line and the fix. */
  SlvReadOptions options = { .encoding = SLV_ENCODING_UTF8 };
  const char *text = "code;name\n1;ok\n2;Caf\xe9\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvCsvReader) reader = reader_for (text, strlen (text), &options, &error);
  g_autofree char *out = NULL;

  g_assert_no_error (error);
  out = dump (reader, &error);
  g_assert_error (error, SLV_READ_ERROR, SLV_READ_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "Line 3"));
  g_assert_nonnull (strstr (error->message, "Windows-1252"));
  g_assert_cmpstr (out, ==, "1:code|name\n2:1|ok\n");
  /* The reader stays stopped. */
  g_clear_error (&error);
  g_assert_null (slv_row_reader_next_row (SLV_ROW_READER (reader), &error));
  g_assert_no_error (error);

  {
    static const guint8 odd16[] = { 0xff, 0xfe, 'a', 0, '\n', 0, 'b' };
    g_autoptr(SlvCsvReader) r16 = reader_for (odd16, sizeof odd16, NULL, &error);
    g_autofree char *o16 = dump (r16, &error);

    g_assert_error (error, SLV_READ_ERROR, SLV_READ_ERROR_ENCODING);
    g_clear_error (&error);
  }
  {
    /* 0x81 is not a Windows-1252 character. */
    SlvReadOptions o = { .encoding = SLV_ENCODING_WINDOWS_1252 };
    g_autoptr(SlvCsvReader) r1252 = reader_for ("a\x81;b\n", 5, &o, &error);
    g_autofree char *o1252 = dump (r1252, &error);

    g_assert_error (error, SLV_READ_ERROR, SLV_READ_ERROR_ENCODING);
  }
}

static void
test_nul_bytes (void)
{
  static const char text[] = "a,b\nc,d\ne\0f,g\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvCsvReader) reader = reader_for (text, sizeof text - 1, NULL, &error);
  g_autofree char *out = dump (reader, &error);

  g_assert_error (error, SLV_READ_ERROR, SLV_READ_ERROR_BINARY);
  g_assert_nonnull (strstr (error->message, "Line 3"));

  /* UTF-16 without a byte-order mark reads as NUL bytes: the error says so. */
  {
    static const guint8 bare16[] = { 'a', 0, ',', 0, 'b', 0, '\n', 0 };
    g_autoptr(GError) e2 = NULL;
    g_autoptr(SlvCsvReader) r2 = reader_for (bare16, sizeof bare16, NULL, &e2);
    g_autofree char *o2 = dump (r2, &e2);

    g_assert_error (e2, SLV_READ_ERROR, SLV_READ_ERROR_BINARY);
    g_assert_nonnull (strstr (e2->message, "UTF-16"));
  }
}

static void
test_long_line (void)
{
  /* A 10 MB line stops at the 1 MB limit, after the good rows. */
  gsize len = 10 * 1024 * 1024;
  g_autofree char *text = g_malloc (len + 32);
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvCsvReader) reader = NULL;
  g_autofree char *out = NULL;

  strcpy (text, "a,b\n1,2\n");
  memset (text + 8, 'x', len);
  strcpy (text + 8 + len, "\n3,4\n");
  reader = reader_for (text, strlen (text), NULL, &error);
  out = dump (reader, &error);
  g_assert_error (error, SLV_READ_ERROR, SLV_READ_ERROR_TOO_LONG);
  g_assert_nonnull (strstr (error->message, "Line 3"));
  g_assert_cmpstr (out, ==, "1:a|b\n2:1|2\n");
  g_clear_error (&error);

  /* An unclosed quote runs to the limit, and says so. */
  memcpy (text + 8, "\"", 1);
  for (gsize i = 9; i < 8 + len; i += 100)
    text[i] = '\n';
  g_clear_object (&reader);
  reader = reader_for (text, strlen (text), NULL, &error);
  g_clear_pointer (&out, g_free);
  out = dump (reader, &error);
  g_assert_error (error, SLV_READ_ERROR, SLV_READ_ERROR_TOO_LONG);
  g_assert_nonnull (strstr (error->message, "quote"));
}

static void
test_unclosed_quote (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = dump_text ("a,b\n1,\"open\n2,3\n", ',', &error);

  g_assert_error (error, SLV_READ_ERROR, SLV_READ_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "line 2"));
}

static void
test_block_boundaries (void)
{
  /* Multi-byte characters and CRLF pairs that straddle the 256 KB reads. */
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvCsvReader) reader = NULL;
  const SlvRow *row;
  guint rows = 0;

  for (guint i = 0; i < 40000; i++)
    g_string_append_printf (text, "%u;Maß€%s;\"q\"\"%u\r\n\"\r\n", i, i % 7 ? "" : "😀", i);
  reader = reader_for (text->str, text->len, NULL, &error);
  g_assert_no_error (error);
  while ((row = slv_row_reader_next_row (SLV_ROW_READER (reader), &error)) != NULL)
    {
      g_autofree char *expected_name = g_strdup_printf ("Maß€%s", rows % 7 ? "" : "😀");
      g_autofree char *expected_q = g_strdup_printf ("q\"%u\r\n", rows);

      g_assert_cmpuint (row->n_cells, ==, 3);
      g_assert_cmpuint (row->number, ==, 1 + 2 * rows);
      g_assert_cmpuint (g_ascii_strtoull (row->cells[0].text, NULL, 10), ==, rows);
      g_assert_cmpstr (row->cells[1].text, ==, expected_name);
      g_assert_cmpstr (row->cells[2].text, ==, expected_q);
      rows++;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (rows, ==, 40000);
  g_assert_cmpfloat (slv_row_reader_get_fraction (SLV_ROW_READER (reader)), ==, 1.0);
}

/* -- the SAP sample exports against their ground truth -- */

typedef struct
{
  gint64 units;    /* value × 10^6 */
} Sum;

static void
sum_add (Sum        *sum,
         const char *canonical)
{
  const char *dot = strchr (canonical, '.');
  gboolean neg = *canonical == '-';
  gint64 whole = g_ascii_strtoll (canonical, NULL, 10);
  gint64 frac = 0;
  int digits = 0;

  if (dot != NULL)
    for (const char *p = dot + 1; *p && digits < 6; p++, digits++)
      frac = frac * 10 + (*p - '0');
  for (; digits < 6; digits++)
    frac *= 10;
  sum->units += whole * 1000000 + (neg ? -frac : frac);
}

static char *
sum_text (const Sum *sum)
{
  return g_strdup_printf ("%s%" G_GINT64_FORMAT ".%06" G_GINT64_FORMAT, sum->units < 0 ? "-" : "",
                          ABS (sum->units) / 1000000, ABS (sum->units) % 1000000);
}

static void
check_csv_file (const char *name,
                JsonObject *truth)
{
  g_autofree char *rel = g_build_filename ("spreadsheets", "csv-sap-datasphere", name, NULL);
  g_autofree char *path = slv_test_corpus_path (rel);
  JsonArray *header = json_object_get_array_member (truth, "header");
  SlvDecimalSep sep = g_str_equal (json_object_get_string_member (truth, "decimal_separator"), ",")
                      ? SLV_DECIMAL_COMMA : SLV_DECIMAL_POINT;
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvCsvReader) reader = NULL;
  g_autoptr(GHashTable) sums = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) mins = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) maxs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) distinct = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify) g_hash_table_unref);
  g_autoptr(GList) members = json_object_get_members (truth);
  const SlvRow *row;
  guint64 data_rows = 0, ragged = 0;
  guint width = json_array_get_length (header);

  if (path == NULL)
    return;
  g_test_message ("%s", name);
  reader = slv_csv_reader_new_for_path (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (slv_csv_reader_get_delimiter (reader), ==,
                   json_object_get_string_member (truth, "delimiter")[0]);
  g_assert_cmpint (slv_csv_reader_get_has_bom (reader), ==, json_object_get_boolean_member (truth, "utf8_bom"));
  g_assert_cmpint (slv_csv_reader_get_encoding (reader), ==, SLV_ENCODING_UTF8);

  row = slv_row_reader_next_row (SLV_ROW_READER (reader), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (row->n_cells, ==, width);
  for (guint i = 0; i < width; i++)
    g_assert_cmpstr (row->cells[i].text, ==, json_array_get_string_element (header, i));

  for (GList *l = members; l != NULL; l = l->next)
    if (g_str_has_prefix (l->data, "distinct_"))
      g_hash_table_insert (distinct, g_strdup ((char *) l->data + 9),
                           g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL));

  while ((row = slv_row_reader_next_row (SLV_ROW_READER (reader), &error)) != NULL)
    {
      data_rows++;
      if (row->n_cells != width)
        ragged++;
      if (data_rows == 1 && json_object_has_member (truth, "first_row"))
        {
          JsonObject *first = json_object_get_object_member (truth, "first_row");

          for (guint i = 0; i < width; i++)
            g_assert_cmpstr (slv_row_get_text (row, i), ==,
                             json_object_get_string_member (first, json_array_get_string_element (header, i)));
        }
      for (guint i = 0; i < width; i++)
        {
          const char *column = json_array_get_string_element (header, i);
          g_autofree char *sum_key = g_strconcat ("sum_", column, NULL);
          g_autofree char *min_key = g_strconcat ("min_", column, NULL);
          const char *text = slv_row_get_text (row, i);
          GHashTable *set = g_hash_table_lookup (distinct, column);

          if (json_object_has_member (truth, sum_key))
            {
              char value[SLV_DECIMAL_BUF];
              Sum *sum = g_hash_table_lookup (sums, column);

              g_assert_true (slv_parse_decimal (text, -1, sep, value, &error));
              g_assert_no_error (error);
              if (sum == NULL)
                g_hash_table_insert (sums, g_strdup (column), sum = g_new0 (Sum, 1));
              if (*value)
                sum_add (sum, value);
            }
          if (json_object_has_member (truth, min_key) && *text)
            {
              char iso[SLV_DATE_BUF];
              const char *lo = g_hash_table_lookup (mins, column);
              const char *hi = g_hash_table_lookup (maxs, column);

              /* Every date reads as a date. */
              g_assert_true (slv_parse_date (text, -1, SLV_DATE_DMY, iso, &error));
              g_assert_no_error (error);
              if (lo == NULL || strcmp (text, lo) < 0)
                g_hash_table_insert (mins, g_strdup (column), g_strdup (text));
              if (hi == NULL || strcmp (text, hi) > 0)
                g_hash_table_insert (maxs, g_strdup (column), g_strdup (text));
            }
          if (set != NULL)
            g_hash_table_add (set, g_strdup (text));
        }
    }
  g_assert_no_error (error);
  g_assert_cmpuint (data_rows, ==, json_object_get_int_member (truth, "data_rows"));
  g_assert_cmpuint (ragged, ==, json_object_get_int_member (truth, "ragged_rows"));

  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *key = l->data;

      if (g_str_has_prefix (key, "sum_"))
        {
          g_autofree char *got = sum_text (g_hash_table_lookup (sums, key + 4));

          g_test_message ("  %s = %s", key, got);
          g_assert_true (slv_decimal_text_equal (got, json_object_get_string_member (truth, key)));
        }
      else if (g_str_has_prefix (key, "min_"))
        g_assert_cmpstr (g_hash_table_lookup (mins, key + 4), ==, json_object_get_string_member (truth, key));
      else if (g_str_has_prefix (key, "max_"))
        g_assert_cmpstr (g_hash_table_lookup (maxs, key + 4), ==, json_object_get_string_member (truth, key));
      else if (g_str_has_prefix (key, "distinct_"))
        g_assert_cmpuint (g_hash_table_size (g_hash_table_lookup (distinct, key + 9)), ==,
                          json_object_get_int_member (truth, key));
    }
}

static void
test_corpus (void)
{
  g_autofree char *truth_path = slv_test_corpus_path ("spreadsheets/csv-sap-datasphere/csv.groundtruth.json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GList) files = NULL;
  JsonObject *root;

  if (truth_path == NULL)
    return;
  g_assert_true (json_parser_load_from_file (parser, truth_path, &error));
  root = json_node_get_object (json_parser_get_root (parser));
  files = json_object_get_members (root);
  g_assert_cmpuint (g_list_length (files), ==, 6);
  for (GList *l = files; l != NULL; l = l->next)
    check_csv_file (l->data, json_object_get_object_member (root, l->data));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/formats/csv/rfc4180", test_rfc4180);
  g_test_add_func ("/formats/csv/line-endings", test_line_endings);
  g_test_add_func ("/formats/csv/sniff", test_sniff);
  g_test_add_func ("/formats/csv/encodings", test_encodings);
  g_test_add_func ("/formats/csv/wrong-encoding", test_wrong_encoding);
  g_test_add_func ("/formats/csv/nul-bytes", test_nul_bytes);
  g_test_add_func ("/formats/csv/long-line", test_long_line);
  g_test_add_func ("/formats/csv/unclosed-quote", test_unclosed_quote);
  g_test_add_func ("/formats/csv/block-boundaries", test_block_boundaries);
  g_test_add_func ("/formats/csv/corpus", test_corpus);

  return g_test_run ();
}
