/* test-clo-bom.c: a CLO export folder with a pattern, a BOM and a render
 * imported into a style: BOM lines matched to materials, renders placed
 * on the style's board, and a re-import replacing them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "slv-test-util.h"
#include "clo-test-util.h"
#include "core/slv-warning.h"
#include "services/slv-clo-import.h"
#include "store/slv-clo-store.h"
#include "store/slv-store-private.h"
#include "services/slv-clo-plan.h"
#include "services/slv-clo-report.h"
#include "services/slv-demo.h"
#include "services/slv-pricing.h"
#include "store/slv-clo-store.h"

#define TEE_CODE "NL27S-TS001"

/* -- a folder with a pattern, a BOM and a render -- */

static const guint8 tiny_png[] = {
  0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
  0, 0, 0x01, 0x00, 0, 0, 0x00, 0x80, 8, 6, 0, 0, 0,
};

/* The live image item on @board_id that shows a render named "front.png". */
static char *
find_render_item (SlvStore   *store,
                  const char *board_id,
                  double     *x)
{
  sqlite3_stmt *stmt = slv_store_prepare (store, "SELECT id, x FROM board_item WHERE board_id = ?1 AND kind = 'image' "
                                                 "AND text = 'front.png' AND deleted = 0", NULL);
  char *id = NULL;

  g_assert_nonnull (stmt);
  sqlite3_bind_text (stmt, 1, board_id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      if (x != NULL)
        *x = sqlite3_column_double (stmt, 1);
    }
  sqlite3_reset (stmt);
  return id;
}

static const char *
item_deleted (SlvStore   *store,
              const char *id)
{
  static char flag[2];
  sqlite3_stmt *stmt = slv_store_prepare (store, "SELECT deleted FROM board_item WHERE id = ?1", NULL);

  g_assert_nonnull (stmt);
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  flag[0] = '0' + sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return flag;
}

static void
test_bom_and_renders (void)
{
  g_autofree char *probe = slv_test_corpus_path ("dxf/MEN CLASSIC TEE.DXF");
  g_autofree char *dir = NULL;
  g_autofree char *bundle = NULL;
  g_autofree char *dxf = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *png = NULL;
  g_autofree char *import_id = NULL;
  g_autoptr(SlvStore) store = NULL;
  g_autoptr(SlvCloImport) import = NULL;
  g_autoptr(SlvCloPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GHashTable) style_before = NULL;
  g_autoptr(GHashTable) style_after = NULL;
  GPtrArray *rows;
  SlvCloPlanOptions opt;
  guint review = 0, add = 0, update = 0;
  g_autofree char *render_item = NULL;
  double right_before = 0, render_x = 0;

  if (probe == NULL)
    return;
  store = clo_test_demo_store (&dir);
  bundle = g_build_filename (dir, "handoff", NULL);
  g_assert_cmpint (g_mkdir (bundle, 0700), ==, 0);
  dxf = clo_test_copy_into (bundle, "dxf/MEN CLASSIC TEE.DXF", "tee.dxf");
  csv = g_build_filename (bundle, "bom.csv", NULL);
  g_assert_true (g_file_set_contents (csv,
    "Material ID;Description;Placement;Qty;UOM;Wastage %\n"
    "0001400101;Main label woven damask 50×20 mm;Neck;1;PC;2\n"
    "1200106;Rib;Neck rib;0,02;KG;3\n"
    ";Polybag recycled LDPE with warning;Pack;1;PC;0\n"
    "X-999;Mystery sequins;Front;12;PC;0\n", -1, NULL));
  png = g_build_filename (bundle, "front.png", NULL);
  g_assert_true (g_file_set_contents (png, (const char *) tiny_png, sizeof tiny_png, NULL));

  import = clo_test_load (bundle);
  g_assert_cmpuint (slv_clo_import_get_bom_lines (import)->len, ==, 4);
  g_assert_cmpuint (slv_clo_import_get_renders (import)->len, ==, 1);
  slv_clo_plan_options_init (&opt);
  opt.efficiency = 0.8;
  plan = slv_clo_plan_new (store, import, TEE_CODE, &opt, NULL, &error);
  g_assert_no_error (error);
  rows = slv_clo_plan_get_bom_rows (plan);
  for (guint i = 0; i < rows->len; i++)
    {
      SlvCloBomRow *r = g_ptr_array_index (rows, i);

      g_test_message ("row %u: %s → %s (%.2f, %s)", r->row, r->name, r->material_code ? r->material_code : "-",
                      r->confidence, r->reason ? r->reason : "no match");
      review += !r->accepted;
      add += r->accepted && r->bom_line_id == NULL;
      update += r->accepted && r->bom_line_id != NULL;
    }
  /* Label by code, rib by code without zeros (an existing line), polybag
   * by name; the sequins wait for review. */
  g_assert_cmpuint (add, ==, 2);
  g_assert_cmpuint (update, ==, 1);
  g_assert_cmpuint (review, ==, 1);
  g_assert_cmpuint (slv_clo_plan_count_review (plan), ==, 1);
  g_assert_cmpfloat (((SlvCloBomRow *) g_ptr_array_index (rows, 0))->confidence, ==, 1.0);
  g_assert_cmpfloat (((SlvCloBomRow *) g_ptr_array_index (rows, 1))->confidence, ==, 0.95);
  g_assert_cmpfloat (((SlvCloBomRow *) g_ptr_array_index (rows, 2))->confidence, ==, 0.9);

  before = slv_clo_store_list_bom_lines (store, slv_clo_plan_get_costing_id (plan), NULL);
  style_before = slv_clo_store_get_row (store, "style", slv_clo_plan_get_style_id (plan), NULL);
  {
    g_autoptr(GHashTable) board = slv_clo_store_find_style_board (store, slv_clo_plan_get_style_id (plan), &error);

    g_assert_no_error (error);
    g_assert_nonnull (board);
    g_assert_null (find_render_item (store, g_hash_table_lookup (board, "board_id"), NULL));
    right_before = g_ascii_strtod (g_hash_table_lookup (board, "right"), NULL);
  }
  g_assert_true (slv_clo_plan_apply (plan, &import_id, &error));
  g_assert_no_error (error);
  after = slv_clo_store_list_bom_lines (store, slv_clo_plan_get_costing_id (plan), NULL);
  g_assert_cmpuint (after->len, ==, before->len + 2);
  {
    /* The rib's consumption comes from the pattern, its placement from the
     * BOM; the BOM's 3 % wastage went with the BOM's 0.02 kg and is set
     * aside: the line keeps its 0 % (a per-dozen figure had no marker). */
    g_autoptr(GHashTable) rib = clo_test_bom_line (store, slv_clo_plan_get_costing_id (plan), "Neck rib");

    g_assert_nonnull (rib);
    g_assert_cmpstr (g_hash_table_lookup (rib, "wastage_pct"), ==, "0");
    g_assert_cmpstr (g_hash_table_lookup (rib, "consumption"), !=, "0.02");
  }
  style_after = slv_clo_store_get_row (store, "style", slv_clo_plan_get_style_id (plan), NULL);
  if (!g_hash_table_contains (style_before, "cover_blob"))
    g_assert_true (g_hash_table_contains (style_after, "cover_blob"));
  /* The render is an image on the style's board (the demo's collection
   * board), to the right of everything that was there. */
  {
    g_autoptr(GHashTable) board = slv_clo_store_find_style_board (store, slv_clo_plan_get_style_id (plan), &error);

    g_assert_no_error (error);
    g_assert_nonnull (board);
    render_item = find_render_item (store, g_hash_table_lookup (board, "board_id"), &render_x);
    g_assert_nonnull (render_item);
    g_assert_cmpfloat (render_x, >=, right_before + 40);
    g_assert_cmpfloat (render_x, <=, right_before + 41);
  }

  g_assert_true (slv_clo_undo (store, import_id, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) undone = slv_clo_store_list_bom_lines (store, slv_clo_plan_get_costing_id (plan), NULL);
    g_autoptr(GHashTable) style_undone = slv_clo_store_get_row (store, "style", slv_clo_plan_get_style_id (plan), NULL);

    g_assert_cmpuint (undone->len, ==, before->len);
    for (guint i = 0; i < undone->len; i++)
      for (const char * const *c = (const char * const[]) { "consumption", "placement", "wastage_pct", "calc", NULL }; *c; c++)
        g_assert_cmpstr (g_hash_table_lookup (g_ptr_array_index (undone, i), *c), ==,
                         g_hash_table_lookup (g_ptr_array_index (before, i), *c));
    g_assert_cmpstr (g_hash_table_lookup (style_undone, "cover_blob"), ==, g_hash_table_lookup (style_before, "cover_blob"));
    /* Undo takes the render off the board again. */
    g_assert_cmpstr (item_deleted (store, render_item), ==, "1");
  }

  /* The mapping is saved in the workspace for the next import. */
  {
    g_autoptr(SlvBomMapping) empty = slv_clo_dup_saved_bom_mapping (store);
    g_autoptr(SlvBomMapping) saved = NULL;

    g_assert_null (empty->headers[SLV_BOM_FIELD_CODE]);
    g_assert_true (slv_clo_save_bom_mapping (store, slv_clo_import_get_bom_mapping (import), &error));
    saved = slv_clo_dup_saved_bom_mapping (store);
    g_assert_cmpstr (saved->headers[SLV_BOM_FIELD_CODE], ==, "Material ID");
    g_assert_cmpstr (saved->headers[SLV_BOM_FIELD_CONSUMPTION], ==, "Qty");
  }

  /* The review: the user picks a material for the sequins. */
  {
    g_autoptr(SlvCloPlan) again = slv_clo_plan_new (store, import, TEE_CODE, &opt, NULL, &error);
    g_autoptr(GHashTable) body = clo_test_bom_line (store, slv_clo_plan_get_costing_id (again), "body");

    g_assert_true (slv_clo_plan_set_bom_material (again, 5, g_hash_table_lookup (body, "material_id"), &error));
    g_assert_no_error (error);
    g_assert_cmpuint (slv_clo_plan_count_review (again), ==, 0);
    g_assert_false (slv_clo_plan_set_bom_material (again, 99, NULL, &error));
    g_clear_error (&error);
    /* A fabric re-matched and an efficiency overridden recompute at once. */
    g_assert_true (slv_clo_plan_set_efficiency (again, "FABRIC", 0.5, &error));
    g_assert_cmpfloat_with_epsilon (slv_clo_plan_find_fabric (again, "FABRIC")->estimate->efficiency, 0.5, 1e-12);
    g_assert_true (slv_clo_plan_set_fabric_line (again, "RIB", NULL, &error));
    g_assert_null (slv_clo_plan_find_fabric (again, "RIB")->bom_line_id);
    g_assert_cmpuint (slv_clo_plan_count_review (again), ==, 1);
  }
  slv_test_rm_rf (dir);
}

/* -- CLO's Pattern2D ids between a DXF and the 3-D panels -- */

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/services/clo/bom-and-renders", test_bom_and_renders);
  return g_test_run ();
}
