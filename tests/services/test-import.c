/* test-import.c: mapping, validation, dry run, upsert, undo, on real and crafted files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "import-test-util.h"
#include "slv-test-util.h"
#include "formats/slv-csv-reader.h"
#include "formats/slv-values.h"
#include "services/slv-import-batch.h"
#include "store/slv-import-store.h"

#define CORPUS_CSV "spreadsheets/csv-sap-datasphere/"

/* -- mapping -- */

static void
test_propose (void)
{
  static const char * const headers[] = {
    "MATNR", "Material Description", "Basismengeneinheit", "BRGEW", "Weight unit", "STPRS",
    "Price unit", "Crcy", "Whatever", "Supplier code", NULL,
  };
  g_autoptr(SlvImportMapping) m = slv_import_mapping_new ("materials");
  g_autoptr(SlvImportMapping) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *json2 = NULL;

  slv_import_mapping_propose (m, headers);
  g_assert_cmpstr (slv_import_mapping_get_column (m, "MATNR"), ==, "code");
  g_assert_cmpstr (slv_import_mapping_get_column (m, "Material Description"), ==, "name");
  g_assert_cmpstr (slv_import_mapping_get_column (m, "Basismengeneinheit"), ==, "unit");
  g_assert_cmpstr (slv_import_mapping_get_column (m, "BRGEW"), ==, "gross_weight");
  g_assert_cmpstr (slv_import_mapping_get_column (m, "Weight unit"), ==, "weight_unit");
  g_assert_cmpstr (slv_import_mapping_get_column (m, "STPRS"), ==, "standard_price");
  g_assert_cmpstr (slv_import_mapping_get_column (m, "Price unit"), ==, "price_unit");
  g_assert_cmpstr (slv_import_mapping_get_column (m, "Crcy"), ==, "currency");
  g_assert_cmpstr (slv_import_mapping_get_column (m, "Supplier code"), ==, "supplier");
  g_assert_null (slv_import_mapping_get_column (m, "Whatever"));
  /* A label with the technical name in parentheses; our own field names. */
  g_assert_cmpstr (slv_import_mapping_guess_field ("materials", "Material (MATNR)"), ==, "code");
  g_assert_cmpstr (slv_import_mapping_guess_field ("capacity", "minutes_per_day"), ==, "minutes_per_day");
  g_assert_cmpstr (slv_import_mapping_guess_field ("order-history", "SALESORDERITEM"), ==, "item_no");
  g_assert_null (slv_import_mapping_guess_field ("materials", "Remarks"));

  slv_import_mapping_set_column (m, "Whatever", "composition");
  slv_import_mapping_set_column (m, "Crcy", NULL);
  slv_import_mapping_set_constant (m, "kind", "trim");
  slv_import_mapping_set_delimiter (m, ';');
  slv_import_mapping_set_decimal_comma (m, TRUE);
  slv_import_mapping_set_sheet (m, "Data");
  slv_import_mapping_set_header_row (m, 3);
  json = slv_import_mapping_to_json (m);
  back = slv_import_mapping_new_from_json (json, &error);
  g_assert_no_error (error);
  json2 = slv_import_mapping_to_json (back);
  g_assert_cmpstr (json, ==, json2);
  g_assert_cmpstr (slv_import_mapping_get_column (back, "Whatever"), ==, "composition");
  g_assert_null (slv_import_mapping_get_column (back, "Crcy"));
  g_assert_cmpstr (slv_import_mapping_get_constant (back, "kind"), ==, "trim");
  g_assert_true (slv_import_mapping_get_decimal_comma (back));
  g_assert_cmpint (slv_import_mapping_get_delimiter (back), ==, ';');
  g_assert_cmpuint (slv_import_mapping_get_header_row (back), ==, 3);

  g_clear_object (&back);
  back = slv_import_mapping_new_from_json ("{\"target\":\"planets\"}", &error);
  g_assert_null (back);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
}

static void
test_profiles (ImportFixture *f,
               gconstpointer  data)
{
  g_autoptr(SlvImportMapping) m = slv_import_mapping_new ("suppliers");
  g_autoptr(SlvImportMapping) loaded = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  slv_import_mapping_set_column (m, "Kreditor", "code");
  slv_import_mapping_set_constant (m, "kind", "mill");
  g_assert_true (slv_import_mapping_save (m, f->store, "SAP vendors", &error));
  g_assert_no_error (error);
  slv_import_mapping_set_constant (m, "kind", "knitter");
  g_assert_true (slv_import_mapping_save (m, f->store, "SAP vendors", &error));   /* replaces */
  loaded = slv_import_mapping_load (f->store, "SAP vendors", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (slv_import_mapping_get_constant (loaded, "kind"), ==, "knitter");
  g_assert_cmpstr (slv_import_mapping_get_column (loaded, "Kreditor"), ==, "code");
  list = slv_import_store_list_mappings (f->store, "suppliers", &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_null (slv_import_mapping_load (f->store, "nope", &error));
  g_assert_error (error, SLV_STORE_ERROR, SLV_STORE_ERROR_NOT_FOUND);
}

/* -- the SAP samples, through the whole pipeline -- */

static JsonObject *
truth_for (JsonParser *parser,
           const char *file)
{
  g_autofree char *path = slv_test_corpus_path (CORPUS_CSV "csv.groundtruth.json");
  g_autoptr(GError) error = NULL;

  if (path == NULL)
    return NULL;
  g_assert_true (json_parser_load_from_file (parser, path, &error));
  return json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), file);
}

static char *
iso (const char *yyyymmdd)
{
  return g_strdup_printf ("%.4s-%.2s-%.2s", yyyymmdd, yyyymmdd + 4, yyyymmdd + 6);
}

static void
test_corpus_order_lines (ImportFixture *f,
                         gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *t = truth_for (parser, "SalesOrderItems_semicolon_decimal-comma.csv");
  g_autofree char *file = t ? slv_test_corpus_path (CORPUS_CSV "SalesOrderItems_semicolon_decimal-comma.csv") : NULL;
  g_autoptr(SlvImportMapping) m = NULL;
  g_autofree char *batch = NULL, *lo = NULL, *hi = NULL;
  SlvImportCounts c;
  static const char * const sums[] = { "GROSSAMOUNT", "gross_amount", "NETAMOUNT", "net_amount",
                                       "TAXAMOUNT", "tax_amount", "QUANTITY", "quantity" };

  if (file == NULL)
    return;
  m = import_propose (f, file, "order-history");
  /* Sniffed: semicolons and decimal commas. */
  g_assert_cmpint (slv_import_mapping_get_delimiter (m), ==, ';');
  g_assert_true (slv_import_mapping_get_decimal_comma (m));
  g_assert_cmpint (import_run (f, file, m, 4000, &c, &batch, NULL), ==, SLV_JOB_DONE);
  g_assert_cmpuint (c.rows, ==, json_object_get_int_member (t, "data_rows"));
  g_assert_cmpuint (c.inserted, ==, c.rows);
  g_assert_cmpuint (c.rejected, ==, 0);
  g_assert_cmpint (import_query_int (f, "SELECT count(*) FROM order_line WHERE deleted = 0"), ==, c.rows);
  for (guint i = 0; i < G_N_ELEMENTS (sums); i += 2)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT %s FROM order_line", sums[i + 1]);
      g_autofree char *key = g_strconcat ("sum_", sums[i], NULL);
      g_autofree char *got = import_query_sum (f, sql);

      g_test_message ("%s = %s", key, got);
      g_assert_true (slv_decimal_text_equal (got, json_object_get_string_member (t, key)));
    }
  lo = iso (json_object_get_string_member (t, "min_DELIVERYDATE"));
  hi = iso (json_object_get_string_member (t, "max_DELIVERYDATE"));
  g_assert_cmpint (import_query_int (f, "SELECT count(DISTINCT product_code) FROM order_line"), ==,
                   json_object_get_int_member (t, "distinct_PRODUCTID"));
  {
    g_autofree char *min = import_query_text (f, "SELECT min(delivery_date) FROM order_line");
    g_autofree char *max = import_query_text (f, "SELECT max(delivery_date) FROM order_line");

    g_assert_cmpstr (min, ==, lo);
    g_assert_cmpstr (max, ==, hi);
  }
  /* The batch is recorded with the file's hash. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SlvImportBatch) b = slv_import_batch_load (f->store, batch, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (slv_import_batch_get_state (b), ==, "done");
    g_assert_cmpstr (slv_import_batch_get_file_sha256 (b), ==, json_object_get_string_member (t, "sha256"));
    g_assert_cmpint (slv_import_batch_get_inserted (b), ==, c.rows);
    g_assert_true (slv_import_batch_get_can_undo (b));
  }
  /* The same file again changes nothing. */
  g_assert_cmpint (import_run (f, file, m, 0, &c, NULL, NULL), ==, SLV_JOB_DONE);
  g_assert_cmpuint (c.unchanged, ==, c.rows);
  g_assert_cmpuint (c.inserted + c.updated, ==, 0);
}

static void
test_corpus_orders (ImportFixture *f,
                    gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *t = truth_for (parser, "SalesOrders.csv");
  g_autofree char *file = t ? slv_test_corpus_path (CORPUS_CSV "SalesOrders.csv") : NULL;
  g_autoptr(SlvImportMapping) m = NULL;
  g_autoptr(SlvImport) dry = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(SlvCsvReader) reader = NULL;
  const SlvRow *row;
  SlvImportCounts c, d;
  guint64 lines = 0;

  if (file == NULL)
    return;
  /* Several lines of this export share an order number: count them on the side. */
  reader = slv_csv_reader_new_for_path (file, NULL, &error);
  slv_row_reader_next_row (SLV_ROW_READER (reader), &error);
  while ((row = slv_row_reader_next_row (SLV_ROW_READER (reader), &error)) != NULL)
    {
      g_hash_table_add (ids, g_strdup (row->cells[0].text));
      lines++;
    }
  g_assert_cmpuint (lines, ==, json_object_get_int_member (t, "data_rows"));

  m = import_propose (f, file, "orders");
  slv_import_mapping_set_constant (m, "kind", "sales");
  g_assert_cmpstr (slv_import_mapping_get_column (m, "CREATEDAT"), ==, "order_date");
  g_assert_cmpstr (slv_import_mapping_get_column (m, "NETAMOUNT"), ==, "net_amount");

  /* The dry run sees every line, says which repeat an order, and writes nothing. */
  dry = slv_import_new (f->store, file);
  g_assert_true (slv_import_inspect (dry, &error));
  g_assert_true (slv_import_set_target (dry, "orders", &error));
  slv_import_mapping_set_constant (slv_import_get_mapping (dry), "kind", "sales");
  g_assert_true (slv_import_dry_run (dry, NULL, &error));
  g_assert_no_error (error);
  slv_import_get_counts (dry, &d);
  g_assert_cmpuint (d.rows, ==, lines);
  g_assert_cmpuint (d.inserted, ==, g_hash_table_size (ids));
  g_assert_cmpuint (d.updated, ==, lines - g_hash_table_size (ids));
  g_assert_cmpuint (d.warnings, ==, lines - g_hash_table_size (ids));
  g_assert_cmpint (import_query_int (f, "SELECT count(*) FROM production_order"), ==, 0);

  g_assert_cmpint (import_run (f, file, m, 1000, &c, NULL, NULL), ==, SLV_JOB_DONE);
  g_assert_cmpuint (c.rows, ==, lines);
  g_assert_cmpuint (c.rejected, ==, 0);
  g_assert_cmpuint (c.inserted, ==, d.inserted);
  g_assert_cmpuint (c.updated + c.unchanged, ==, lines - g_hash_table_size (ids));
  g_assert_cmpuint (c.warnings, ==, lines - g_hash_table_size (ids));
  g_assert_cmpint (import_query_int (f, "SELECT count(*) FROM production_order WHERE kind = 'sales'"), ==,
                   g_hash_table_size (ids));
  {
    g_autofree char *lo = iso (json_object_get_string_member (t, "min_CREATEDAT"));
    g_autofree char *hi = iso (json_object_get_string_member (t, "max_CREATEDAT"));
    g_autofree char *min = import_query_text (f, "SELECT min(order_date) FROM production_order");
    g_autofree char *max = import_query_text (f, "SELECT max(order_date) FROM production_order");

    g_assert_cmpstr (min, ==, lo);
    g_assert_cmpstr (max, ==, hi);
  }
}

static void
test_corpus_products (ImportFixture *f,
                      gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *t = truth_for (parser, "Products.csv");
  g_autofree char *file = t ? slv_test_corpus_path (CORPUS_CSV "Products.csv") : NULL;
  g_autofree char *texts = file ? slv_test_corpus_path (CORPUS_CSV "ProductTexts.csv") : NULL;
  g_autoptr(SlvImportMapping) m = NULL;
  g_autoptr(GHashTable) products = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvCsvReader) reader = NULL;
  g_autofree char *sum = NULL;
  const SlvRow *row;
  gint64 before = import_query_int (f, "SELECT count(*) FROM material WHERE deleted = 0");
  guint known = 0, unknown = 0;
  SlvImportCounts c;

  if (texts == NULL)
    return;
  m = import_propose (f, file, "materials");
  g_assert_cmpstr (slv_import_mapping_get_column (m, "PRODUCTID"), ==, "code");
  g_assert_cmpstr (slv_import_mapping_get_column (m, "QUANTITYUNIT"), ==, "unit");
  g_assert_cmpstr (slv_import_mapping_get_column (m, "PRICE"), ==, "price");
  g_assert_cmpstr (slv_import_mapping_get_column (m, "SUPPLIER_PARTNERID"), ==, "supplier");
  g_assert_false (slv_import_mapping_get_decimal_comma (m));

  /* The suppliers of these products are not in the workspace: every row says so. */
  g_assert_cmpint (import_run (f, file, m, 0, &c, NULL, NULL), ==, SLV_JOB_DONE);
  g_assert_cmpuint (c.rejected, ==, c.rows);
  g_assert_cmpint (import_query_int (f, "SELECT count(*) FROM material WHERE deleted = 0"), ==, before);

  slv_import_mapping_set_column (m, "SUPPLIER_PARTNERID", NULL);
  g_assert_cmpint (import_run (f, file, m, 0, &c, NULL, NULL), ==, SLV_JOB_DONE);
  g_assert_cmpuint (c.rows, ==, json_object_get_int_member (t, "data_rows"));
  g_assert_cmpuint (c.inserted, ==, c.rows);
  g_assert_cmpint (import_query_int (f, "SELECT count(*) FROM material WHERE deleted = 0"), ==,
                   before + json_object_get_int_member (t, "distinct_PRODUCTID"));
  sum = import_query_sum (f, "SELECT price FROM material WHERE sap_type = 'PR'");
  g_assert_true (slv_decimal_text_equal (sum, json_object_get_string_member (t, "sum_PRICE")));
  /* MARA without MAKT: new materials are named by their code; '#' is a code too. */
  {
    g_autofree char *name = import_query_text (f, "SELECT name FROM material WHERE code = '#'");

    g_assert_cmpstr (name, ==, "#");
  }

  /* The texts name the known products; new ones lack a unit; 3 lines are short. */
  reader = slv_csv_reader_new_for_path (file, NULL, &error);
  while ((row = slv_row_reader_next_row (SLV_ROW_READER (reader), &error)) != NULL)
    g_hash_table_add (products, g_strdup (row->cells[0].text));
  g_clear_object (&reader);
  reader = slv_csv_reader_new_for_path (texts, NULL, &error);
  slv_row_reader_next_row (SLV_ROW_READER (reader), &error);
  while ((row = slv_row_reader_next_row (SLV_ROW_READER (reader), &error)) != NULL)
    {
      if (g_hash_table_contains (products, row->cells[0].text))
        known++;
      else
        unknown++;
    }
  g_clear_object (&m);
  m = import_propose (f, texts, "materials");
  g_assert_cmpstr (slv_import_mapping_get_column (m, "SHORT_DESCR"), ==, "name");
  g_assert_cmpint (import_run (f, texts, m, 0, &c, NULL, NULL), ==, SLV_JOB_DONE);
  g_assert_cmpuint (c.rows, ==, known + unknown);
  g_assert_cmpuint (c.updated + c.unchanged, ==, known);
  g_assert_cmpuint (c.rejected, ==, unknown);
  g_assert_cmpuint (c.warnings, ==, 3);
  {
    g_autofree char *name = import_query_text (f, "SELECT name FROM material WHERE code = 'CM-FL-V00'");

    g_assert_cmpstr (name, ==, "Forklift");
  }
}

static void
test_corpus_retail_products (ImportFixture *f,
                             gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonParser) parser2 = json_parser_new ();
  JsonObject *t = truth_for (parser, "SAP_RT_POS_L_Product.csv");
  JsonObject *tt = t ? truth_for (parser2, "SAP_RT_POS_L_Product_Text.csv") : NULL;
  g_autofree char *file = tt ? slv_test_corpus_path (CORPUS_CSV "SAP_RT_POS_L_Product.csv") : NULL;
  g_autofree char *texts = file ? slv_test_corpus_path (CORPUS_CSV "SAP_RT_POS_L_Product_Text.csv") : NULL;
  g_autoptr(SlvImportMapping) m = NULL;
  SlvImportCounts c;
  guint64 inserted;

  if (texts == NULL)
    return;
  /* Key the products by productKey, which the text file shares. */
  m = import_propose (f, file, "materials");
  g_assert_cmpstr (slv_import_mapping_get_column (m, "productId"), ==, "code");
  g_assert_cmpstr (slv_import_mapping_get_column (m, "merchandiseCategory"), ==, "material_group");
  g_assert_cmpstr (slv_import_mapping_get_column (m, "baseUOM"), ==, "unit");
  slv_import_mapping_set_column (m, "productId", NULL);
  slv_import_mapping_set_column (m, "productKey", "code");
  slv_import_mapping_set_constant (m, "kind", "trim");
  g_assert_cmpint (import_run (f, file, m, 100, &c, NULL, NULL), ==, SLV_JOB_DONE);
  g_assert_cmpuint (c.rows, ==, json_object_get_int_member (t, "data_rows"));
  /* Products without a base unit cannot be materials: the export has some. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SlvCsvReader) reader = slv_csv_reader_new_for_path (file, NULL, &error);
    g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    g_autoptr(GHashTable) all_groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    const SlvRow *row;
    guint no_unit = 0;

    slv_row_reader_next_row (SLV_ROW_READER (reader), &error);
    while ((row = slv_row_reader_next_row (SLV_ROW_READER (reader), &error)) != NULL)
      {
        g_hash_table_add (all_groups, g_strdup (row->cells[6].text));
        if (*row->cells[7].text == '\0')
          no_unit++;
        else
          g_hash_table_add (groups, g_strdup (row->cells[6].text));
      }
    g_assert_cmpuint (g_hash_table_size (all_groups), ==, json_object_get_int_member (t, "distinct_merchandiseCategory"));
    g_assert_cmpuint (no_unit, >, 0);
    g_assert_cmpuint (c.rejected, ==, no_unit);
    g_assert_cmpuint (c.inserted, ==, json_object_get_int_member (t, "distinct_productKey") - no_unit);
    g_assert_cmpint (import_query_int (f, "SELECT count(DISTINCT material_group) FROM material WHERE kind = 'trim' "
                                          "AND code LIKE 'AA%'"), ==, g_hash_table_size (groups));
  }
  inserted = c.inserted;

  /* The texts: the ‘name’ column is empty in this export, ‘description’ holds it. */
  g_clear_object (&m);
  m = import_propose (f, texts, "materials");
  slv_import_mapping_set_column (m, "productKey", "code");
  slv_import_mapping_set_column (m, "name", NULL);
  slv_import_mapping_set_column (m, "description", "name");
  g_assert_cmpint (import_run (f, texts, m, 0, &c, NULL, NULL), ==, SLV_JOB_DONE);
  g_assert_cmpuint (c.rows, ==, json_object_get_int_member (tt, "data_rows"));
  g_assert_cmpuint (c.updated, ==, inserted);
  g_assert_cmpuint (c.rejected, ==, c.rows - c.updated);
  {
    g_autofree char *name = import_query_text (f, "SELECT name FROM material WHERE code = 'AA1'");

    g_assert_cmpstr (name, ==, "10 MP Camera with Zoom");
  }
}

/* -- the report -- */

typedef struct
{
  guint64     row;
  const char *column;
  const char *value;
  const char *reason_part;
  SlvImportSeverity severity;
} ExpectedIssue;

static void
test_report (ImportFixture *f,
             gconstpointer  data)
{
  g_autofree char *file = g_build_filename (f->dir, "materials.csv", NULL);
  g_autoptr(SlvImport) import = slv_import_new (f->store, file);
  g_autoptr(GError) error = NULL;
  static const ExpectedIssue expected[] = {
    { 2, "LIFNR", "SUP-X", "There is no supplier ‘SUP-X’", SLV_IMPORT_SEVERITY_ERROR },
    { 3, "MEINS", "XYZ", "is not a known unit", SLV_IMPORT_SEVERITY_ERROR },
    { 4, "BRGEW", "abc", "‘abc’ is not a number.", SLV_IMPORT_SEVERITY_ERROR },
    { 5, "STPRS", "100,20-", "must be at least 0", SLV_IMPORT_SEVERITY_ERROR },
    { 7, "WAERS", "EURO", "is not a currency code", SLV_IMPORT_SEVERITY_ERROR },
    { 8, NULL, "extra", "has 9 fields but the header has 8", SLV_IMPORT_SEVERITY_ERROR },
    { 9, "PEINH", "0", "must be at least 0.001", SLV_IMPORT_SEVERITY_ERROR },
    { 11, NULL, NULL, "has 6 fields but the header has 8", SLV_IMPORT_SEVERITY_WARNING },
    { 11, NULL, NULL, "A new material needs: Base unit.", SLV_IMPORT_SEVERITY_ERROR },
  };
  GListModel *issues;
  SlvImportCounts c;

  import_write_file (file,
    "MATNR;MAKTX;MEINS;BRGEW;STPRS;PEINH;WAERS;LIFNR\n"
    "0009000001;Jersey;KG;1,5;12,50;1;EUR;SUP-X\n"
    "0009000002;Poplin;XYZ;1,0;3,00;1;EUR;\n"
    "0009000003;Rib;KG;abc;3,00;1;EUR;\n"
    "0009000004;Interlock;KG;0,5;100,20-;1;EUR;\n"
    "0009000005;Piqué;KG;0,5;1.234,50;100;EUR;KN-GAZ-01\n"
    "0009000006;Fleece;KG;0,5;5,00;1;EURO;\n"
    "0009000007;Twill;M;;7,25;1;;;extra\n"
    "0009000008;Terry;KG;;7,25;0;;\n"
    "0009000009;Sateen;KG;;4.374,13;1;USD;\n"
    "0009000010;Voile;;;2;1\n"
    "\n"
    "0009000011;Lycra;M;;7,25-;10;;\n");

  g_assert_true (slv_import_inspect (import, &error));
  g_assert_true (slv_import_set_target (import, "materials", &error));
  /* A STPRS of 4.374,13 is still a decimal comma: this file uses one. */
  g_assert_true (slv_import_get_suggests_decimal_comma (import));
  g_assert_true (slv_import_dry_run (import, NULL, &error));
  g_assert_no_error (error);
  slv_import_get_counts (import, &c);
  g_assert_cmpuint (c.rows, ==, 11);
  g_assert_cmpuint (c.inserted, ==, 2);    /* Piqué, Sateen */
  g_assert_cmpuint (c.rejected, ==, 9);
  issues = slv_import_get_issues (import);
  g_assert_cmpuint (g_list_model_get_n_items (issues), ==, G_N_ELEMENTS (expected) + 1);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(SlvImportIssue) issue = g_list_model_get_item (issues, i);

      g_test_message ("%s", slv_import_issue_get_reason (issue));
      g_assert_cmpuint (slv_import_issue_get_row (issue), ==, expected[i].row);
      g_assert_cmpstr (slv_import_issue_get_column (issue), ==, expected[i].column);
      if (expected[i].value != NULL)
        g_assert_cmpstr (slv_import_issue_get_value (issue), ==, expected[i].value);
      g_assert_nonnull (strstr (slv_import_issue_get_reason (issue), expected[i].reason_part));
      g_assert_cmpint (slv_import_issue_get_severity (issue), ==, expected[i].severity);
    }
  /* Row 13 (after a blank line): a negative price is refused too. */
  {
    g_autoptr(SlvImportIssue) last = g_list_model_get_item (issues, G_N_ELEMENTS (expected));
    g_autofree char *text = slv_import_issue_to_string (last);

    g_assert_cmpuint (slv_import_issue_get_row (last), ==, 13);
    g_assert_cmpstr (text, ==, "Row 13, column ‘STPRS’: The value must be at least 0.");
  }
  /* The report saves as CSV. */
  {
    g_autofree char *csv = g_build_filename (f->dir, "report.csv", NULL);
    g_autofree char *contents = NULL;

    g_assert_true (slv_import_issues_write_csv (issues, csv, &error));
    g_assert_true (g_file_get_contents (csv, &contents, NULL, &error));
    g_assert_true (g_str_has_prefix (contents, "row,column,value,severity,reason\r\n2,LIFNR,SUP-X,error,"));
  }

  /* The import does what the dry run said; PEINH 100 keeps the price per 100. */
  g_assert_cmpint (import_run (f, file, slv_import_get_mapping (import), 0, &c, NULL, NULL), ==, SLV_JOB_DONE);
  g_assert_cmpuint (c.inserted, ==, 2);
  g_assert_cmpuint (c.rejected, ==, 9);
  {
    g_autofree char *price = import_query_text (f, "SELECT price || '/' || price_unit || ' ' || currency || ' ' "
                                                   "|| (SELECT code FROM supplier WHERE id = supplier_id) "
                                                   "FROM material WHERE code = '0009000005'");
    g_autofree char *name = import_query_text (f, "SELECT name FROM material WHERE code = '0009000005'");

    g_assert_cmpstr (price, ==, "1234.50/100 EUR KN-GAZ-01");
    g_assert_cmpstr (name, ==, "Piqué");
  }
}

/* -- upsert and undo -- */

static void
test_upsert_and_undo (ImportFixture *f,
                      gconstpointer  data)
{
  g_autofree char *a = g_build_filename (f->dir, "a.csv", NULL);
  g_autofree char *b = g_build_filename (f->dir, "b.csv", NULL);
  g_autofree char *batch_a = NULL, *batch_b = NULL, *message = NULL, *id = NULL;
  g_autoptr(SlvImportMapping) m = NULL;
  g_autoptr(GError) error = NULL;
  gint64 before = import_query_int (f, "SELECT count(*) FROM material WHERE deleted = 0");
  SlvImportCounts c;

  import_write_file (a, "Material,Description,Unit,Price,Kind\n"
                        "0007000001,Slub jersey,KG,12.50,fabric\n"
                        "0007000002,Waffle,KG,8.20,fabric\n"
                        "0007000003,Button 18L,PC,0.045,trim\n"
                        "0001100101,Combed 30/1,KG,2.80,yarn\n");
  import_write_file (b, "Material,Description,Unit,Price,Kind\n"
                        "0007000001,Slub jersey,KG,12.5,fabric\n"
                        "0007000002,Waffle knit,KG,8.20,fabric\n"
                        "0007000004,Snap,PC,0.03,trim\n"
                        "0001100101,Combed 30/1,KG,2.95,yarn\n");
  m = import_propose (f, a, "materials");
  g_assert_cmpstr (slv_import_mapping_get_column (m, "Kind"), ==, "kind");

  g_assert_cmpint (import_run (f, a, m, 2, &c, &batch_a, NULL), ==, SLV_JOB_DONE);
  g_assert_cmpuint (c.inserted, ==, 3);
  g_assert_cmpuint (c.updated, ==, 1);   /* the demo's yarn, renamed */
  g_assert_cmpint (import_run (f, b, m, 0, &c, &batch_b, NULL), ==, SLV_JOB_DONE);
  /* 12.5 equals 12.50: unchanged. */
  g_assert_cmpuint (c.unchanged, ==, 1);
  g_assert_cmpuint (c.updated, ==, 2);
  g_assert_cmpuint (c.inserted, ==, 1);
  g_assert_cmpint (import_query_int (f, "SELECT count(*) FROM material WHERE deleted = 0"), ==, before + 4);

  /* Someone edits a field the second import changed, before it is undone. */
  id = import_query_text (f, "SELECT id FROM material WHERE code = '0001100101'");
  g_assert_true (slv_store_update_field (f->store, "material", id, "price", "3.10", &error));

  g_assert_cmpint (import_undo (f, batch_b, &message), ==, SLV_JOB_DONE);
  g_test_message ("%s", message);
  g_assert_nonnull (strstr (message, "1 fields edited since the import were kept"));
  {
    g_autofree char *waffle = import_query_text (f, "SELECT name FROM material WHERE code = '0007000002'");
    g_autofree char *yarn = import_query_text (f, "SELECT price || ' ' || name FROM material WHERE code = '0001100101'");

    g_assert_cmpstr (waffle, ==, "Waffle");
    g_assert_cmpstr (yarn, ==, "3.10 Combed 30/1");
  }
  g_assert_cmpint (import_query_int (f, "SELECT count(*) FROM material WHERE code = '0007000004' AND deleted = 0"),
                   ==, 0);
  /* An undone batch cannot be undone again into something else. */
  g_assert_cmpint (import_undo (f, batch_b, NULL), ==, SLV_JOB_DONE);

  g_assert_cmpint (import_undo (f, batch_a, NULL), ==, SLV_JOB_DONE);
  g_assert_cmpint (import_query_int (f, "SELECT count(*) FROM material WHERE deleted = 0"), ==, before);
  {
    g_autofree char *yarn = import_query_text (f, "SELECT price || ' ' || name FROM material WHERE code = '0001100101'");
    g_autoptr(GListStore) batches = slv_import_list_batches (f->store, &error);
    g_autoptr(SlvImportBatch) newest = g_list_model_get_item (G_LIST_MODEL (batches), 0);

    /* The demo's name is back; the price edited by hand stays. */
    g_assert_cmpstr (yarn, ==, "3.10 Cotton combed 30/1 Ne ring-spun");
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (batches)), ==, 2);
    g_assert_cmpstr (slv_import_batch_get_id (newest), ==, batch_b);
    g_assert_cmpstr (slv_import_batch_get_state (newest), ==, "undone");
    g_assert_false (slv_import_batch_get_can_undo (newest));
  }
  /* Importing A again revives its tombstones. */
  g_assert_cmpint (import_run (f, a, m, 0, &c, NULL, NULL), ==, SLV_JOB_DONE);
  g_assert_cmpuint (c.updated, ==, 4);
  g_assert_cmpint (import_query_int (f, "SELECT count(*) FROM material WHERE deleted = 0"), ==, before + 3);
}

static void
test_other_targets (ImportFixture *f,
                    gconstpointer  data)
{
  g_autofree char *suppliers = g_build_filename (f->dir, "lfa1.csv", NULL);
  g_autofree char *capacity = g_build_filename (f->dir, "plants.csv", NULL);
  g_autofree char *rates = g_build_filename (f->dir, "konp.csv", NULL);
  g_autofree char *fx = g_build_filename (f->dir, "tcurr.csv", NULL);
  g_autoptr(SlvImportMapping) m = NULL;
  SlvImportCounts c;

  import_write_file (suppliers, "LIFNR\tNAME1\tLAND1\tORT01\tKind\tPLIFZ\n"
                                "0000100123\tBengal Knit Ltd\tBD\tGazipur\tknitting\t21\n"
                                "0000100124\tAnatolia Denim\tTR\tIzmir\tweaver\t35\n");
  m = import_propose (f, suppliers, "suppliers");
  g_assert_cmpint (slv_import_mapping_get_delimiter (m), ==, '\t');
  g_assert_cmpint (import_run (f, suppliers, m, 0, &c, NULL, NULL), ==, SLV_JOB_DONE);
  g_assert_cmpuint (c.inserted, ==, 2);
  {
    g_autofree char *s = import_query_text (f, "SELECT kind || ' ' || currency || ' ' || lead_time_days FROM supplier "
                                               "WHERE code = '0000100124'");

    /* Leading zeros kept, aliases read, the brand's currency by default. */
    g_assert_cmpstr (s, ==, "mill EUR 35");
  }

  g_clear_object (&m);
  import_write_file (capacity, "Plant;Name;Supplier;Sewing lines;Working hours;Efficiency\n"
                               "DHK1;Dhaka line hall;0000100123;24;8,5;62 %\n"
                               "IZM1;Izmir;;10;7,5;0,62\n");
  m = import_propose (f, capacity, "capacity");
  slv_import_mapping_set_decimal_comma (m, TRUE);
  g_assert_cmpint (import_run (f, capacity, m, 0, &c, NULL, NULL), ==, SLV_JOB_DONE);
  g_assert_cmpuint (c.inserted, ==, 1);
  g_assert_cmpuint (c.rejected, ==, 1);   /* 0,62 looks like a fraction */
  {
    g_autofree char *s = import_query_text (f, "SELECT lines || ' ' || minutes_per_day || ' ' || efficiency_pct "
                                               "FROM factory WHERE code = 'DHK1'");

    g_assert_cmpstr (s, ==, "24 510 62");
  }

  g_clear_object (&m);
  import_write_file (rates, "Process,KSCHL,Supplier,DATAB,DATBI,KMEIN,KBETR,KPEIN,KONWA\n"
                            "dyeing,reactive-dark,DY-GAZ-01,20260101,99991231,KG,185,100,USD\n"
                            "embroidery,per-1000,EM-DHK-01,01.01.2026,31.12.2026,1000 stitches,1,3,USD\n");
  m = import_propose (f, rates, "rates");
  g_assert_cmpint (import_run (f, rates, m, 0, &c, NULL, NULL), ==, SLV_JOB_DONE);
  /* The demo has the dyeing rate from that date: it is updated. */
  g_assert_cmpuint (c.updated, ==, 1);
  g_assert_cmpuint (c.inserted, ==, 1);
  g_assert_cmpuint (c.warnings, ==, 1);   /* 1/3 rounded */
  {
    g_autofree char *s = import_query_text (f, "SELECT rate || ' ' || unit || ' ' || valid_from || ' ' || valid_to "
                                               "FROM cost_rate WHERE key = 'reactive-dark' AND valid_from = '2026-01-01'");
    g_autofree char *e = import_query_text (f, "SELECT rate FROM cost_rate WHERE key = 'per-1000'");

    g_assert_cmpstr (s, ==, "1.85 kg 2026-01-01 9999-12-31");
    g_assert_cmpstr (e, ==, "0.333333");
  }

  g_clear_object (&m);
  import_write_file (fx, "KURST;FCURR;TCURR;GDATU;UKURS;FFACT\n"
                         "M;JPY;EUR;01.03.2026;0,62;100\n"
                         "M;USD;USD;01.03.2026;1;1\n");
  m = import_propose (f, fx, "fx");
  slv_import_mapping_set_decimal_comma (m, TRUE);
  g_assert_cmpint (import_run (f, fx, m, 0, &c, NULL, NULL), ==, SLV_JOB_DONE);
  g_assert_cmpuint (c.inserted, ==, 1);
  g_assert_cmpuint (c.rejected, ==, 1);
  {
    g_autofree char *s = import_query_text (f, "SELECT set_name || ' ' || kind || ' ' || rate FROM fx_rate "
                                               "WHERE from_ccy = 'JPY'");

    g_assert_cmpstr (s, ==, "M actual 0.0062");
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, ImportFixture, NULL, import_fixture_setup, func, import_fixture_teardown)
  g_test_add_func ("/services/import/propose", test_propose);
  ADD ("/services/import/profiles", test_profiles);
  ADD ("/services/import/corpus/order-lines", test_corpus_order_lines);
  ADD ("/services/import/corpus/orders", test_corpus_orders);
  ADD ("/services/import/corpus/products", test_corpus_products);
  ADD ("/services/import/corpus/retail-products", test_corpus_retail_products);
  ADD ("/services/import/report", test_report);
  ADD ("/services/import/upsert-and-undo", test_upsert_and_undo);
  ADD ("/services/import/other-targets", test_other_targets);
#undef ADD

  return g_test_run ();
}
