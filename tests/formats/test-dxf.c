/* test-dxf.c: every DXF of the corpus against its ground truth, and
 * malformed input.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "slv-test-util.h"
#include "core/slv-warning.h"
#include "formats/slv-dxf.h"

static const char *corpus_files[] = {
  "GLX4802S19_AAMA", "GLX4802S19_ASTM", "MEN CLASSIC TEE", "ORILEGWB_AAMA", "ORILEGWB_ASTM",
  "SS17_M POLO REG_ASTM", "WM SLIM TANK", "clo-box", "clo-pattern", "clo2-pattern",
  "drill-holes", "mirrored", "simple",
};

static const char *
dxf_name (const char *stem)
{
  /* The CLO exports use a lower-case extension. */
  return g_str_has_prefix (stem, "clo") ? "dxf" : "DXF";
}

static const char *
member_or_null (JsonObject *o,
                const char *name)
{
  JsonNode *n = json_object_get_member (o, name);

  return (n == NULL || JSON_NODE_HOLDS_NULL (n)) ? NULL : json_node_get_string (n);
}

/* Ground truth is printed to 4 decimals: allow that rounding as well. */
static double rounding = 0;

static void
assert_close (double got, double want, double rel, const char *what, const char *block)
{
  double err = fabs (got - want) / MAX (fabs (want), 1e-9);

  if (fabs (got - want) > rel * fabs (want) + rounding)
    g_error ("%s of %s: got %.6f, ground truth %.6f (%.4f %%)", what, block, got, want, 100 * err);
}

static void
check_piece (SlvPatternPiece *p,
             JsonObject      *gt,
             double           k)
{
  const char *block = json_object_get_string_member (gt, "block");
  JsonArray *bbox = json_object_get_array_member (gt, "bbox");
  SlvBBox b = slv_pattern_piece_get_bbox (p);

  g_assert_cmpstr (slv_pattern_piece_get_name (p), ==, json_object_get_string_member (gt, "piece_name"));
  g_assert_cmpstr (slv_pattern_piece_get_size (p), ==, json_object_get_string_member (gt, "size"));
  /* Texts as written: only the base-size block carries them. */
  if (member_or_null (gt, "quantity") != NULL)
    {
      g_assert_cmpstr (slv_pattern_piece_get_quantity_text (p), ==, member_or_null (gt, "quantity"));
      g_assert_cmpstr (slv_pattern_piece_get_category (p), ==, member_or_null (gt, "category"));
      g_assert_cmpstr (slv_pattern_piece_get_annotation (p), ==, member_or_null (gt, "annotation"));
      g_assert_cmpstr (slv_pattern_piece_get_fabric (p), ==, member_or_null (gt, "fabric"));
      g_assert_cmpint (slv_pattern_piece_get_quantity_source (p), !=, SLV_QUANTITY_FROM_BASE_SIZE);
    }
  else
    g_assert_cmpint (slv_pattern_piece_get_quantity_source (p), !=, SLV_QUANTITY_FROM_FILE);
  g_assert_cmpuint (slv_pattern_piece_get_boundary_segments (p), ==,
                    json_object_get_int_member (gt, "boundary_segments"));
  g_assert_cmpuint (slv_polygon_get_n_points (slv_pattern_piece_get_boundary (p)), ==,
                    json_object_get_int_member (gt, "boundary_vertices"));
  g_assert_true (slv_pattern_piece_get_closed (p) == json_object_get_boolean_member (gt, "boundary_closed"));
  rounding = 5.01e-5 * k * k;
  assert_close (slv_pattern_piece_get_area (p), json_object_get_double_member (gt, "area") * k * k,
                1e-7, "area", block);
  assert_close (slv_pattern_piece_get_signed_area (p), json_object_get_double_member (gt, "area_signed") * k * k,
                1e-7, "signed area", block);
  rounding = 5.01e-5 * k;
  assert_close (slv_pattern_piece_get_perimeter (p), json_object_get_double_member (gt, "perimeter") * k,
                1e-7, "perimeter", block);
  rounding = 0;
  g_assert_cmpfloat (fabs (b.x0 - json_array_get_double_element (bbox, 0) * k), <=, 5.01e-5 * k);
  g_assert_cmpfloat (fabs (b.y0 - json_array_get_double_element (bbox, 1) * k), <=, 5.01e-5 * k);
  g_assert_cmpfloat (fabs (b.x1 - json_array_get_double_element (bbox, 2) * k), <=, 5.01e-5 * k);
  g_assert_cmpfloat (fabs (b.y1 - json_array_get_double_element (bbox, 3) * k), <=, 5.01e-5 * k);
  g_assert_true (slv_pattern_piece_get_mirror (p, NULL, NULL) ==
                 json_object_get_boolean_member (gt, "has_mirror_line_layer6"));
  if (slv_pattern_piece_get_mirror (p, NULL, NULL))
    /* Every fold in the corpus runs along the boundary: unfolding doubles. */
    assert_close (slv_pattern_piece_get_unfolded_area (p), 2 * slv_pattern_piece_get_area (p), 1e-9,
                  "unfolded area", block);
  else
    g_assert_cmpfloat (slv_pattern_piece_get_unfolded_area (p), ==, -1);
  g_assert_cmpuint (slv_pattern_piece_get_quantity (p), >=, 1);
}

static void
test_corpus_file (gconstpointer data)
{
  const char *stem = data;
  g_autofree char *rel = g_strdup_printf ("dxf/%s.%s", stem, dxf_name (stem));
  g_autofree char *gt_rel = g_strdup_printf ("dxf/%s.groundtruth.json", stem);
  g_autofree char *path = slv_test_corpus_path (rel);
  g_autofree char *gt_path = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvPatternSet) set = NULL;
  JsonObject *gt;
  JsonArray *pieces;
  double k;

  if (path == NULL)
    return;
  gt_path = slv_test_corpus_path (gt_rel);
  g_assert_true (json_parser_load_from_file (parser, gt_path, &error));
  gt = json_node_get_object (json_parser_get_root (parser));
  set = slv_dxf_read_file (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (set);

  k = g_str_equal (json_object_get_string_member (gt, "units"), "ENGLISH") ? 25.4 : 1.0;
  g_assert_cmpfloat (slv_pattern_set_get_mm_per_unit (set), ==, k);
  pieces = json_object_get_array_member (gt, "pieces");
  g_assert_cmpuint (slv_pattern_set_get_pieces (set)->len, ==, json_array_get_length (pieces));
  g_assert_cmpuint (json_array_get_length (pieces), ==, json_object_get_int_member (gt, "block_count"));
  for (guint i = 0; i < json_array_get_length (pieces); i++)
    {
      JsonObject *gp = json_array_get_object_element (pieces, i);
      SlvPatternPiece *p = g_ptr_array_index (slv_pattern_set_get_pieces (set), i);

      g_assert_cmpstr (slv_pattern_piece_get_block (p), ==, json_object_get_string_member (gp, "block"));
      check_piece (p, gp, k);
    }
  {
    JsonObject *headers = json_object_get_object_member (gt, "header_text");
    g_autoptr(GList) names = json_object_get_members (headers);

    for (GList *l = names; l != NULL; l = l->next)
      g_assert_cmpstr (slv_pattern_set_get_header (set, l->data), ==,
                       json_object_get_string_member (headers, l->data));
    g_assert_cmpuint (g_hash_table_size (slv_pattern_set_get_headers (set)), ==, g_list_length (names));
  }
  /* Only the unit-trap file raises the scale warning. */
  g_assert_true (slv_warnings_has (slv_pattern_set_get_warnings (set), "unit-scale-suspect") ==
                 g_str_equal (stem, "clo2-pattern"));
  g_assert_false (slv_warnings_has (slv_pattern_set_get_warnings (set), "units-guessed"));
}

static void
test_unit_trap (void)
{
  g_autofree char *p1 = slv_test_corpus_path ("dxf/clo-pattern.dxf");
  g_autofree char *p2 = NULL;
  g_autoptr(SlvPatternSet) a = NULL;
  g_autoptr(SlvPatternSet) b = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *pa, *pb;

  if (p1 == NULL)
    return;
  p2 = slv_test_corpus_path ("dxf/clo2-pattern.dxf");
  a = slv_dxf_read_file (p1, &error);
  g_assert_no_error (error);
  b = slv_dxf_read_file (p2, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (slv_pattern_set_get_suggested_scale (a), ==, 0);
  g_assert_cmpfloat (slv_pattern_set_get_suggested_scale (b), ==, 10);
  /* Applying the suggestion gives back the right garment. */
  slv_pattern_set_rescale (b, slv_pattern_set_get_suggested_scale (b));
  pa = slv_pattern_set_get_pieces (a);
  pb = slv_pattern_set_get_pieces (b);
  g_assert_cmpuint (pa->len, ==, pb->len);
  for (guint i = 0; i < pa->len; i++)
    assert_close (slv_pattern_piece_get_area (g_ptr_array_index (pb, i)),
                  slv_pattern_piece_get_area (g_ptr_array_index (pa, i)), 1e-3, "rescaled area",
                  slv_pattern_piece_get_block (g_ptr_array_index (pa, i)));
}

static void
test_aama_astm_agree (void)
{
  g_autofree char *pa = slv_test_corpus_path ("dxf/GLX4802S19_AAMA.DXF");
  g_autofree char *pb = NULL;
  g_autoptr(SlvPatternSet) a = NULL;
  g_autoptr(SlvPatternSet) b = NULL;
  g_autoptr(GError) error = NULL;

  if (pa == NULL)
    return;
  pb = slv_test_corpus_path ("dxf/GLX4802S19_ASTM.DXF");
  a = slv_dxf_read_file (pa, &error);
  b = slv_dxf_read_file (pb, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < slv_pattern_set_get_pieces (a)->len; i++)
    {
      SlvPatternPiece *x = g_ptr_array_index (slv_pattern_set_get_pieces (a), i);
      SlvPatternPiece *y = slv_pattern_set_find_piece (b, slv_pattern_piece_get_name (x),
                                                       slv_pattern_piece_get_size (x));

      g_assert_nonnull (y);
      assert_close (slv_pattern_piece_get_area (y), slv_pattern_piece_get_area (x), 1e-9, "ASTM area",
                    slv_pattern_piece_get_block (x));
      /* AAMA "2" and ASTM "1,1" are the same pair. */
      g_assert_cmpuint (slv_pattern_piece_get_quantity (y), ==, slv_pattern_piece_get_quantity (x));
      /* ASTM also carries the smooth layer-84 curve, close to the boundary. */
      g_assert_nonnull (slv_pattern_piece_get_curve (y));
      assert_close (slv_polygon_area (slv_pattern_piece_get_curve (y)), slv_pattern_piece_get_area (y),
                    0.01, "curve area", slv_pattern_piece_get_block (y));
    }
}

static void
test_piece_details (void)
{
  g_autofree char *path = slv_test_corpus_path ("dxf/drill-holes.DXF");
  g_autoptr(SlvPatternSet) set = NULL;
  g_autoptr(GError) error = NULL;
  guint drills = 0, notches = 0, internal = 0, rules = 0;
  GPtrArray *pieces;

  if (path == NULL)
    return;
  set = slv_dxf_read_file (path, &error);
  g_assert_no_error (error);
  pieces = slv_pattern_set_get_pieces (set);
  for (guint i = 0; i < pieces->len; i++)
    {
      SlvPatternPiece *p = g_ptr_array_index (pieces, i);
      GArray *gp = slv_pattern_piece_get_grade_points (p);

      drills += slv_pattern_piece_get_drill_holes (p)->len;
      notches += slv_pattern_piece_get_notches (p)->len;
      internal += slv_pattern_piece_get_lines (p, SLV_PIECE_LINES_INTERNAL)->len;
      for (guint j = 0; j < gp->len; j++)
        rules += g_array_index (gp, SlvGradePoint, j).rule >= 0;
      g_assert_cmpfloat (slv_pattern_piece_get_grain_angle (p), >=, 0);
    }
  /* Ground truth counts per type and layer: POINT@13 15, POINT@4 25, LINE@8 + POLYLINE@8. */
  g_assert_cmpuint (drills, ==, 15);
  g_assert_cmpuint (notches, ==, 25);
  g_assert_cmpuint (internal, ==, 360 + 165);
  g_assert_cmpuint (rules, >, 0);
  g_assert_cmpstr (slv_pattern_set_get_sample_size (set), ==, "50");
  {
    g_autoptr(GPtrArray) sizes = slv_pattern_set_dup_sizes (set);
    g_autoptr(GPtrArray) base = slv_pattern_set_dup_pieces_for_size (set, NULL);

    g_assert_cmpuint (sizes->len, ==, 15);
    g_assert_cmpuint (base->len, ==, 8);
  }
}

/* -- malformed input -- */

#define BOX_BLOCK(name, x) \
  "  0\nBLOCK\n  8\n0\n  2\n" name "\n 70\n64\n" \
  "  0\nTEXT\n  8\n1\n 10\n0\n 20\n0\n  1\nPiece Name: BOX\n" \
  "  0\nTEXT\n  8\n1\n 10\n0\n 20\n0\n  1\nSize: M\n" \
  "  0\nTEXT\n  8\n1\n 10\n0\n 20\n0\n  1\nQuantity: 1,1\n" \
  "  0\nPOLYLINE\n  8\n1\n 66\n1\n 70\n1\n" \
  "  0\nVERTEX\n  8\n1\n 10\n0\n 20\n0\n" \
  "  0\nVERTEX\n  8\n1\n 10\n" x "\n 20\n0\n" \
  "  0\nVERTEX\n  8\n1\n 10\n" x "\n 20\n200\n" \
  "  0\nVERTEX\n  8\n1\n 10\n0\n 20\n200\n" \
  "  0\nSEQEND\n" \
  "  0\nLINE\n  8\n7\n 10\n10\n 20\n10\n 11\n10\n 21\n100\n" \
  "  0\nENDBLK\n"

#define HEAD "  0\nSECTION\n  2\nBLOCKS\n"
#define TAIL "  0\nENDSEC\n  0\nSECTION\n  2\nENTITIES\n" \
  "  0\nTEXT\n  8\n1\n 10\n0\n 20\n0\n  1\nUnits: METRIC\n  0\nENDSEC\n  0\nEOF\n"

static SlvPatternSet *
read_text (const char  *text,
           gssize       len,
           GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, len < 0 ? strlen (text) : (gsize) len);

  return slv_dxf_read_bytes (bytes, "test.dxf", error);
}

static void
test_minimal_and_crlf (void)
{
  static const char good[] = HEAD BOX_BLOCK ("BOX_M", "300") TAIL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvPatternSet) set = read_text (good, -1, &error);
  g_autoptr(SlvPatternSet) crlf = NULL;
  g_autoptr(SlvPatternSet) cr = NULL;
  g_autoptr(GString) s = g_string_new (good);
  SlvPatternPiece *p;

  g_assert_no_error (error);
  p = g_ptr_array_index (slv_pattern_set_get_pieces (set), 0);
  g_assert_cmpfloat (slv_pattern_piece_get_area (p), ==, 60000);
  g_assert_cmpuint (slv_pattern_piece_get_quantity (p), ==, 2);
  g_assert_cmpuint (g_array_index (slv_pattern_piece_get_cuts (p), SlvCut, 0).flipped, ==, 1);
  g_assert_cmpfloat (slv_pattern_piece_get_grain_angle (p), ==, 90);
  g_assert_true (slv_pattern_piece_get_closed (p));

  g_string_replace (s, "\n", "\r\n", 0);
  g_string_append (s, "trailing garbage after EOF \x01\x02");
  crlf = read_text (s->str, s->len, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (slv_pattern_piece_get_area (g_ptr_array_index (slv_pattern_set_get_pieces (crlf), 0)), ==, 60000);

  g_string_assign (s, good);
  g_string_replace (s, "\n", "\r", 0);
  cr = read_text (s->str, s->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (slv_pattern_set_get_pieces (cr)->len, ==, 1);
}

static void
test_malformed (void)
{
  static const struct
  {
    const char *text;
    int         code;
  } cases[] = {
    { HEAD BOX_BLOCK ("BOX_M", "1e300") TAIL, SLV_DXF_ERROR_RANGE },
    { HEAD BOX_BLOCK ("BOX_M", "nan") TAIL, SLV_DXF_ERROR_RANGE },
    { HEAD BOX_BLOCK ("BOX_M", "inf") TAIL, SLV_DXF_ERROR_RANGE },
    { HEAD BOX_BLOCK ("BOX_M", "3OO") TAIL, SLV_DXF_ERROR_SYNTAX },
    { HEAD "abc\nBLOCK\n" TAIL, SLV_DXF_ERROR_SYNTAX },
    { HEAD " 1O\n0\n" TAIL, SLV_DXF_ERROR_SYNTAX },
    { HEAD "  0\nBLOCK\n  2\nEMPTY_M\n  0\nENDBLK\n" TAIL, SLV_DXF_ERROR_NO_PIECES },
    { HEAD "  0\nBLOCK\n  2\nX_M\n  0\nTEXT\n  8\n1\n  1\nPiece Name: X\n  0\nENDBLK\n" TAIL,
      SLV_DXF_ERROR_NO_PIECES },
    { "AutoCAD Binary DXF\r\n\x1a", SLV_DXF_ERROR_BINARY },
    { "\x89PNG\r\n\x1a\n", SLV_DXF_ERROR_SYNTAX },
    { "", SLV_DXF_ERROR_SYNTAX },
    { "  0\nEOF\n", SLV_DXF_ERROR_NO_PIECES },
    { HEAD "  0\nBLOCK\n  2\nX_M\n  0\nPOLYLINE\n  8\n1\n  0\nVERTEX\n 10\n", SLV_DXF_ERROR_TRUNCATED },
    { HEAD "  0\nBLOCK\n  2\nX_M\n  0\nPOLYLINE\n  8\n1\n  0\nVERTEX\n 10\n1\n", SLV_DXF_ERROR_TRUNCATED },
    { HEAD BOX_BLOCK ("BOX_M", "300"), SLV_DXF_ERROR_TRUNCATED },
    { HEAD "  0\nBLOCK\n  2\nX_M\n  0\nENDSEC\n", SLV_DXF_ERROR_SYNTAX },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SlvPatternSet) set = read_text (cases[i].text, -1, &error);

      g_test_message ("case %u: %s", i, error ? error->message : "(no error)");
      g_assert_null (set);
      g_assert_error (error, SLV_DXF_ERROR, cases[i].code);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
    }
  {
    /* NUL bytes in the middle of a line. */
    static const char nul[] = "  0\nSECTION\n  2\nBLO\0CKS\n";
    g_autoptr(GError) error = NULL;
    g_autoptr(SlvPatternSet) set = read_text (nul, sizeof nul - 1, &error);

    g_assert_null (set);
    g_assert_error (error, SLV_DXF_ERROR, SLV_DXF_ERROR_BINARY);
  }
}

static void
test_empty_block_warning (void)
{
  static const char text[] = HEAD "  0\nBLOCK\n  2\nEMPTY_M\n  0\nENDBLK\n"
                             BOX_BLOCK ("BOX_M", "300") TAIL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvPatternSet) set = read_text (text, -1, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (slv_pattern_set_get_pieces (set)->len, ==, 1);
  g_assert_true (slv_warnings_has (slv_pattern_set_get_warnings (set), "empty-block"));
}

/* Every prefix of a real file: an error or a result, never a crash. */
static void
test_truncations (void)
{
  g_autofree char *path = slv_test_corpus_path ("dxf/clo-box.dxf");
  g_autofree char *data = NULL;
  gsize len = 0;
  guint errors = 0;

  if (path == NULL)
    return;
  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  for (gsize cut = 0; cut < len; cut += 7)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SlvPatternSet) set = read_text (data, cut, &error);

      g_assert_true ((set == NULL) != (error == NULL));
      errors += set == NULL;
    }
  /* The pieces sit before ENTITIES: most prefixes cannot give them. */
  g_assert_cmpuint (errors, >, len / 7 / 2);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (corpus_files); i++)
    {
      g_autofree char *name = g_strdup_printf ("/formats/dxf/corpus/%s", corpus_files[i]);

      g_test_add_data_func (name, corpus_files[i], test_corpus_file);
    }
  g_test_add_func ("/formats/dxf/unit-trap", test_unit_trap);
  g_test_add_func ("/formats/dxf/aama-astm-agree", test_aama_astm_agree);
  g_test_add_func ("/formats/dxf/piece-details", test_piece_details);
  g_test_add_func ("/formats/dxf/minimal-and-line-ends", test_minimal_and_crlf);
  g_test_add_func ("/formats/dxf/malformed", test_malformed);
  g_test_add_func ("/formats/dxf/empty-block", test_empty_block_warning);
  g_test_add_func ("/formats/dxf/truncations", test_truncations);
  return g_test_run ();
}
