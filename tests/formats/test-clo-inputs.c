/* test-clo-inputs.c: grade rules, BOM CSV with a column mapping, and
 * bundles (folders, ZIPs, ZIP bombs, CLO project files).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <glib/gstdio.h>
#include <string.h>

#include "slv-test-util.h"
#include "core/slv-warning.h"
#include "formats/slv-bom-csv.h"
#include "formats/slv-clo-bundle.h"
#include "formats/slv-rul.h"

/* -- grade rules -- */

static const char rul_text[] =
  "ASTM/D6673/RUL\r\n"
  "AUTHOR: test\r\n"
  "UNITS: ENGLISH\r\n"
  "GRADE RULE TABLE: TEES\r\n"
  "SAMPLE SIZE: M\r\n"
  "NUMBER OF SIZES: 3\r\n"
  "SIZE LIST: S M L\r\n"
  "RULE: DELTA 1\r\n"
  " -0.5, 0.25  0.0, 0.0\r\n"
  "  0.5, -0.25\r\n"
  "RULE: DELTA 7  1, 2  3, 4  5, 6\r\n"
  "END\r\n";

static void
test_rul (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (rul_text, sizeof rul_text - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvGradeRules) rules = slv_rul_read_bytes (bytes, "t.rul", &error);
  SlvPoint d, graded;

  g_assert_no_error (error);
  g_assert_cmpstr (slv_grade_rules_get_table_name (rules), ==, "TEES");
  g_assert_cmpstr (slv_grade_rules_get_sample_size (rules), ==, "M");
  g_assert_cmpuint (slv_grade_rules_get_sizes (rules)->len, ==, 3);
  g_assert_cmpuint (slv_grade_rules_get_n_rules (rules), ==, 2);
  g_assert_true (slv_grade_rules_get_delta (rules, 1, "S", &d));
  g_assert_cmpfloat_with_epsilon (d.x, -12.7, 1e-9);
  g_assert_cmpfloat_with_epsilon (d.y, 6.35, 1e-9);
  g_assert_true (slv_grade_rules_grade_point (rules, 7, "L", (SlvPoint) { 100, 100 }, &graded));
  /* L − M = (5 − 3, 6 − 4) inches. */
  g_assert_cmpfloat_with_epsilon (graded.x, 100 + 2 * 25.4, 1e-9);
  g_assert_cmpfloat_with_epsilon (graded.y, 100 + 2 * 25.4, 1e-9);
  g_assert_false (slv_grade_rules_get_delta (rules, 2, "S", &d));
  g_assert_false (slv_grade_rules_get_delta (rules, 1, "XXL", &d));

  {
    static const char *bad[] = {
      "SIZE LIST: S M\nRULE: DELTA 1\n 1, 2\nEND\n",          /* too few values */
      "RULE: DELTA 1\n 1, 2\n",                               /* no sizes */
      "SIZE LIST: S\nRULE: DELTA 1\n nan, 2\n",
      "hello world\n",
      /* found by fuzzing: the rules held 3 deltas, the new list 4 sizes */
      "SIZE LIST: S M L\nRULE: DELTA 1\n 0, 0 1, 1 2, 2\nEND\nSIZE LIST: 36 38 40 42\n",
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr(GBytes) b = g_bytes_new_static (bad[i], strlen (bad[i]));
        g_autoptr(GError) e = NULL;
        g_autoptr(SlvGradeRules) r = slv_rul_read_bytes (b, "bad.rul", &e);

        g_assert_null (r);
        g_assert_nonnull (e);
        g_test_message ("%s", e->message);
      }
  }
}

/* -- BOM CSV -- */

static void
test_bom_guessed (void)
{
  static const char csv[] =
    "\xEF\xBB\xBF" "Item;Material ID;Description;Location;Qty;UOM;Wastage %\r\n"
    "1;0001200101;Single jersey 180 gsm;Body;0,245;KG;8\r\n"
    "2;0001400101;\"Main label; woven\";Neck;1;PC;2\r\n"
    "3;;Sewing thread;;120;M;\r\n"
    "4;0009999999;Mystery trim;Hem;abc;PC;0\r\n"
    ";;;;;;\r\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (csv, sizeof csv - 1);
  g_autoptr(SlvBomMapping) mapping = slv_bom_mapping_new ();
  g_autoptr(GPtrArray) warnings = slv_warnings_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = slv_bom_csv_read (bytes, "bom.csv", mapping, warnings, &error);
  SlvBomLine *l;

  g_assert_no_error (error);
  g_assert_cmpuint (lines->len, ==, 3);
  g_assert_cmpstr (mapping->headers[SLV_BOM_FIELD_CODE], ==, "Material ID");
  g_assert_cmpstr (mapping->headers[SLV_BOM_FIELD_NAME], ==, "Description");
  g_assert_cmpstr (mapping->headers[SLV_BOM_FIELD_PLACEMENT], ==, "Location");
  g_assert_cmpstr (mapping->headers[SLV_BOM_FIELD_CONSUMPTION], ==, "Qty");
  g_assert_cmpstr (mapping->headers[SLV_BOM_FIELD_WASTAGE], ==, "Wastage %");
  l = g_ptr_array_index (lines, 0);
  g_assert_cmpstr (l->values[SLV_BOM_FIELD_CODE], ==, "0001200101");
  g_assert_cmpstr (l->values[SLV_BOM_FIELD_CONSUMPTION], ==, "0.245");
  g_assert_cmpstr (l->values[SLV_BOM_FIELD_UNIT], ==, "KG");
  l = g_ptr_array_index (lines, 1);
  g_assert_cmpstr (l->values[SLV_BOM_FIELD_NAME], ==, "Main label; woven");
  l = g_ptr_array_index (lines, 2);
  g_assert_null (l->values[SLV_BOM_FIELD_CODE]);
  g_assert_cmpstr (l->values[SLV_BOM_FIELD_NAME], ==, "Sewing thread");
  /* The row with "abc" is reported, not silently kept. */
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_nonnull (strstr (((SlvWarning *) g_ptr_array_index (warnings, 0))->message, "Row 5, column ‘Qty’: ‘abc’"));
}

/* Through the shared CSV reader: UTF-16 with a byte-order mark, a quoted
 * line break, row numbers that are lines, and damaged text refused. */
static void
test_bom_reader (void)
{
  static const char text[] = "Code\tDescription\tQty\n\n0001400101\t\"Main label\nwoven\"\t1\n0001200101\tJersey\t0.245\n";
  g_autoptr(GPtrArray) warnings = slv_warnings_new ();
  g_autoptr(GError) error = NULL;
  g_autofree gunichar2 *utf16 = NULL;
  glong n16 = 0;
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(GBytes) data = NULL;
  g_autoptr(SlvBomMapping) mapping = slv_bom_mapping_new ();
  g_autoptr(GPtrArray) lines = NULL;
  static const guint8 bom16[] = { 0xFF, 0xFE };
  static const struct { const char *text; gsize len; } bad[] = {
    { "Code,Qty\nA,\"1\n", 14 },             /* a quote never closed */
    { "Code,Qty\nA\0B,1\n", 15 },            /* a NUL: not text */
  };

  utf16 = g_utf8_to_utf16 (text, -1, NULL, &n16, NULL);
  g_byte_array_append (bytes, bom16, 2);
  for (glong i = 0; i < n16; i++)
    {
      guint8 le[2] = { utf16[i] & 0xff, utf16[i] >> 8 };

      g_byte_array_append (bytes, le, 2);
    }
  data = g_bytes_new (bytes->data, bytes->len);
  lines = slv_bom_csv_read (data, "bom16.csv", mapping, warnings, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lines->len, ==, 2);
  g_assert_cmpstr (((SlvBomLine *) g_ptr_array_index (lines, 0))->values[SLV_BOM_FIELD_NAME], ==, "Main label\nwoven");
  g_assert_cmpuint (((SlvBomLine *) g_ptr_array_index (lines, 0))->row, ==, 3);
  g_assert_cmpuint (((SlvBomLine *) g_ptr_array_index (lines, 1))->row, ==, 5);
  g_assert_cmpstr (((SlvBomLine *) g_ptr_array_index (lines, 1))->values[SLV_BOM_FIELD_CONSUMPTION], ==, "0.245");

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GBytes) b = g_bytes_new_static (bad[i].text, bad[i].len);
      g_autoptr(SlvBomMapping) m = slv_bom_mapping_new ();
      g_autoptr(GPtrArray) none = slv_bom_csv_read (b, "bad.csv", m, warnings, &error);

      g_assert_null (none);
      g_assert_error (error, SLV_BOM_ERROR, SLV_BOM_ERROR_UNREADABLE);
      g_test_message ("%s", error->message);
      g_clear_error (&error);
    }
}

static void
test_bom_mapping_json (void)
{
  static const char csv[] = "Article,Text,Yield per garment\nA1,Rib,0.02\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (csv, sizeof csv - 1);
  g_autoptr(SlvBomMapping) mapping = NULL;
  g_autoptr(SlvBomMapping) back = NULL;
  g_autoptr(GPtrArray) warnings = slv_warnings_new ();
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;

  mapping = slv_bom_mapping_new_from_json ("{\"code\": \"Article\", \"name\": \"Text\", "
                                           "\"consumption\": \"Yield per garment\"}", &error);
  g_assert_no_error (error);
  lines = slv_bom_csv_read (bytes, "plm.csv", mapping, warnings, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lines->len, ==, 1);
  g_assert_cmpstr (((SlvBomLine *) g_ptr_array_index (lines, 0))->values[SLV_BOM_FIELD_CONSUMPTION], ==, "0.02");
  json = slv_bom_mapping_to_json (mapping);
  back = slv_bom_mapping_new_from_json (json, &error);
  g_assert_no_error (error);
  for (int f = 0; f < SLV_BOM_N_FIELDS; f++)
    g_assert_cmpstr (back->headers[f], ==, mapping->headers[f]);

  /* A mapping naming a column the file lacks is an error. */
  slv_bom_mapping_set (mapping, SLV_BOM_FIELD_UNIT, "UoM");
  g_clear_pointer (&lines, g_ptr_array_unref);
  lines = slv_bom_csv_read (bytes, "plm.csv", mapping, warnings, &error);
  g_assert_null (lines);
  g_assert_error (error, SLV_BOM_ERROR, SLV_BOM_ERROR_MAPPING);
  g_clear_error (&error);
  {
    g_autoptr(GBytes) none = g_bytes_new_static ("Colour,Size\nred,M\n", 18);
    g_autoptr(SlvBomMapping) empty = slv_bom_mapping_new ();

    lines = slv_bom_csv_read (none, "x.csv", empty, warnings, &error);
    g_assert_null (lines);
    g_assert_error (error, SLV_BOM_ERROR, SLV_BOM_ERROR_NO_KEY);
  }
}

/* -- bundles -- */

static void
write_zip (const char *path,
           const char *const *names,
           const char *const *contents,
           const gsize *sizes,
           guint n)
{
  struct archive *a = archive_write_new ();

  archive_write_set_format_zip (a);
  g_assert_cmpint (archive_write_open_filename (a, path), ==, ARCHIVE_OK);
  for (guint i = 0; i < n; i++)
    {
      struct archive_entry *e = archive_entry_new ();

      archive_entry_set_pathname (e, names[i]);
      archive_entry_set_size (e, sizes[i]);
      archive_entry_set_filetype (e, AE_IFREG);
      archive_entry_set_perm (e, 0644);
      archive_write_header (a, e);
      archive_write_data (a, contents[i], sizes[i]);
      archive_entry_free (e);
    }
  archive_write_close (a);
  archive_write_free (a);
}

static const guint8 tiny_png[] = {
  0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
  0, 0, 0x02, 0x80, 0, 0, 0x01, 0xe0, 8, 6, 0, 0, 0,
};

static void
test_bundle_zip (void)
{
  g_autofree char *dir = slv_test_make_tmpdir ("slv-bundle");
  g_autofree char *zip = g_build_filename (dir, "style.zip", NULL);
  const char *names[] = { "export/style.dxf", "export/style.rul", "export/bom.csv", "export/front.png",
                          "export/garment.gltf", "export/garment.bin", "export/style.zprj", "readme.txt" };
  const char *contents[] = { "  0\nEOF\n", "SIZE LIST: M\n", "Code,Qty\nA,1\n", (const char *) tiny_png,
                             "{}", "", "PK", "hello" };
  gsize sizes[G_N_ELEMENTS (names)];
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvCloBundle) bundle = NULL;
  g_autoptr(GPtrArray) renders = NULL;
  SlvCloFile *png;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    sizes[i] = i == 3 ? sizeof tiny_png : strlen (contents[i]);
  write_zip (zip, names, contents, sizes, G_N_ELEMENTS (names));
  bundle = slv_clo_bundle_open (zip, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (slv_clo_bundle_get_files (bundle)->len, ==, G_N_ELEMENTS (names));
  renders = slv_clo_bundle_dup_files_of (bundle, SLV_CLO_FILE_RENDER);
  g_assert_cmpuint (renders->len, ==, 1);
  png = g_ptr_array_index (renders, 0);
  g_assert_cmpstr (png->mime, ==, "image/png");
  g_assert_cmpuint (png->width, ==, 640);
  g_assert_cmpuint (png->height, ==, 480);
  g_assert_true (g_file_test (png->path, G_FILE_TEST_IS_REGULAR));
  {
    g_autoptr(GPtrArray) dxf = slv_clo_bundle_dup_files_of (bundle, SLV_CLO_FILE_DXF);
    g_autoptr(GPtrArray) rul = slv_clo_bundle_dup_files_of (bundle, SLV_CLO_FILE_RUL);
    g_autoptr(GPtrArray) bom = slv_clo_bundle_dup_files_of (bundle, SLV_CLO_FILE_BOM);
    g_autoptr(GPtrArray) mesh = slv_clo_bundle_dup_files_of (bundle, SLV_CLO_FILE_MESH);

    g_assert_cmpuint (dxf->len + rul->len + bom->len + mesh->len, ==, 4);
  }
  /* The CLO project inside is explained, not an error. */
  g_assert_true (slv_warnings_has (slv_clo_bundle_get_warnings (bundle), "clo-proprietary"));
  {
    /* The unpacked folder goes away with the bundle. */
    g_autofree char *unpacked = g_strdup (png->path);

    g_clear_object (&bundle);
    g_assert_false (g_file_test (unpacked, G_FILE_TEST_EXISTS));
  }
  slv_test_rm_rf (dir);
}

static void
test_zip_bomb (void)
{
  g_autofree char *dir = slv_test_make_tmpdir ("slv-bomb");
  g_autofree char *zip = g_build_filename (dir, "bomb.zip", NULL);
  gsize big = 64 * 1024 * 1024;
  g_autofree char *zeros = g_malloc0 (big);
  const char *names[] = { "pattern.dxf" };
  const char *contents[] = { zeros };
  gsize sizes[] = { big };
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvCloBundle) bundle = NULL;
  SlvBundleLimits limits;

  write_zip (zip, names, contents, sizes, 1);
  bundle = slv_clo_bundle_open (zip, NULL, &error);
  g_assert_null (bundle);
  g_assert_error (error, SLV_BUNDLE_ERROR, SLV_BUNDLE_ERROR_BOMB);
  g_test_message ("%s", error->message);
  g_clear_error (&error);

  /* The size limits hold on their own too. */
  slv_bundle_limits_init (&limits);
  limits.max_ratio = 1e9;
  limits.max_entry_size = 1024 * 1024;
  bundle = slv_clo_bundle_open (zip, &limits, &error);
  g_assert_null (bundle);
  g_assert_error (error, SLV_BUNDLE_ERROR, SLV_BUNDLE_ERROR_BOMB);
  g_clear_error (&error);
  slv_bundle_limits_init (&limits);
  limits.max_entries = 2;
  {
    const char *n3[] = { "a.dxf", "b.dxf", "c.dxf" };
    const char *c3[] = { "x", "y", "z" };
    gsize s3[] = { 1, 1, 1 };

    write_zip (zip, n3, c3, s3, 3);
    bundle = slv_clo_bundle_open (zip, &limits, &error);
    g_assert_null (bundle);
    g_assert_error (error, SLV_BUNDLE_ERROR, SLV_BUNDLE_ERROR_BOMB);
  }
  slv_test_rm_rf (dir);
}

static void
test_zip_unsafe_and_damaged (void)
{
  g_autofree char *dir = slv_test_make_tmpdir ("slv-unsafe");
  g_autofree char *zip = g_build_filename (dir, "evil.zip", NULL);
  g_autofree char *escaped = g_build_filename (dir, "escaped.dxf", NULL);
  const char *names[] = { "ok.dxf", "sub/../../escaped.dxf" };
  const char *contents[] = { "x", "y" };
  gsize sizes[] = { 1, 1 };
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvCloBundle) bundle = NULL;

  write_zip (zip, names, contents, sizes, 2);
  bundle = slv_clo_bundle_open (zip, NULL, &error);
  g_assert_null (bundle);
  g_assert_error (error, SLV_BUNDLE_ERROR, SLV_BUNDLE_ERROR_UNSAFE);
  g_assert_false (g_file_test (escaped, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* A ZIP cut in half. */
  {
    const char *n1[] = { "a.dxf", "b.csv" };
    g_autofree char *filler = g_strnfill (200000, 'q');
    const char *c1[] = { filler, filler };
    gsize s1[] = { 200000, 200000 };
    g_autofree char *data = NULL;
    gsize len;

    write_zip (zip, n1, c1, s1, 2);
    g_assert_true (g_file_get_contents (zip, &data, &len, NULL));
    g_assert_true (g_file_set_contents (zip, data, len / 2, NULL));
    bundle = slv_clo_bundle_open (zip, NULL, &error);
    g_assert_null (bundle);
    g_assert_nonnull (error);
    g_test_message ("%s", error->message);
  }
  slv_test_rm_rf (dir);
}

static void
test_proprietary_alone (void)
{
  g_autofree char *dir = slv_test_make_tmpdir ("slv-zprj");
  g_autofree char *zprj = g_build_filename (dir, "Tee.zprj", NULL);
  g_autofree char *folder = g_build_filename (dir, "empty", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvCloBundle) bundle = NULL;

  g_assert_true (g_file_set_contents (zprj, "PK\003\004 CLO", -1, NULL));
  bundle = slv_clo_bundle_open (zprj, NULL, &error);
  g_assert_null (bundle);
  g_assert_error (error, SLV_BUNDLE_ERROR, SLV_BUNDLE_ERROR_PROPRIETARY);
  g_assert_nonnull (strstr (error->message, "DXF (AAMA or ASTM)"));
  g_assert_nonnull (strstr (error->message, "glTF"));
  g_clear_error (&error);

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  bundle = slv_clo_bundle_open (folder, NULL, &error);
  g_assert_null (bundle);
  g_assert_error (error, SLV_BUNDLE_ERROR, SLV_BUNDLE_ERROR_NOTHING);
  g_clear_error (&error);
  bundle = slv_clo_bundle_open ("/nonexistent/selvedge", NULL, &error);
  g_assert_error (error, SLV_BUNDLE_ERROR, SLV_BUNDLE_ERROR_NOT_FOUND);
  slv_test_rm_rf (dir);
}

static void
test_bundle_folder_and_renders (void)
{
  g_autofree char *shirt = slv_test_corpus_path ("meshes/gltf-mens-casual-shirt");
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvCloBundle) bundle = NULL;
  g_autoptr(GPtrArray) renders = NULL;
  g_autoptr(GPtrArray) meshes = NULL;

  if (shirt == NULL)
    return;
  bundle = slv_clo_bundle_open (shirt, NULL, &error);
  g_assert_no_error (error);
  meshes = slv_clo_bundle_dup_files_of (bundle, SLV_CLO_FILE_MESH);
  renders = slv_clo_bundle_dup_files_of (bundle, SLV_CLO_FILE_RENDER);
  g_assert_cmpuint (meshes->len, ==, 1);
  /* The two JPEG textures are recognised as images with their sizes. */
  g_assert_cmpuint (renders->len, ==, 2);
  for (guint i = 0; i < renders->len; i++)
    {
      SlvCloFile *f = g_ptr_array_index (renders, i);

      g_assert_cmpstr (f->mime, ==, "image/jpeg");
      g_assert_cmpuint (f->width, >, 0);
      g_assert_cmpuint (f->height, >, 0);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/formats/rul/read", test_rul);
  g_test_add_func ("/formats/bom-csv/guessed", test_bom_guessed);
  g_test_add_func ("/formats/bom-csv/mapping-json", test_bom_mapping_json);
  g_test_add_func ("/formats/bom-csv/reader", test_bom_reader);
  g_test_add_func ("/formats/bundle/zip", test_bundle_zip);
  g_test_add_func ("/formats/bundle/zip-bomb", test_zip_bomb);
  g_test_add_func ("/formats/bundle/zip-unsafe-damaged", test_zip_unsafe_and_damaged);
  g_test_add_func ("/formats/bundle/proprietary", test_proprietary_alone);
  g_test_add_func ("/formats/bundle/folder", test_bundle_folder_and_renders);
  return g_test_run ();
}
