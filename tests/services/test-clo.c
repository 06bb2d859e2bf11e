/* test-clo.c: CLO ingestion into a style — a corpus tee into a demo style
 * (consumption and FOB checked against figures computed here from the
 * ground truth and the engine's formula), undo, re-import diffs, panel
 * matching, the cost hook, the wastage rule, the CLI.
 * The corpus figures and nesting are in test-clo-corpus.c.
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

/* -- the figures computed here, independently, from the ground truth -- */

/* "1XFABRIC 1X INTERLIN" → count 1, word FABRIC (the first pair only). */
static gboolean
annotation_cut (const char *annotation,
                guint      *count,
                char      **word)
{
  g_autoptr(GRegex) re = g_regex_new ("(\\d+)\\s*X\\s*([A-Z]+)", G_REGEX_CASELESS, 0, NULL);
  g_autoptr(GMatchInfo) m = NULL;
  g_autofree char *n = NULL;
  g_autofree char *w = NULL;

  if (annotation == NULL || !g_regex_match (re, annotation, 0, &m))
    return FALSE;
  n = g_match_info_fetch (m, 1);
  w = g_match_info_fetch (m, 2);
  *count = atoi (n);
  *word = g_ascii_strup (w, -1);
  return TRUE;
}

/* Net cut area per garment, m², of the pieces of @size whose main fabric
 * word starts with @word; the base size carries the texts. */
static double
truth_net_m2 (JsonObject *gt,
              const char *size,
              const char *word,
              double      mm_per_unit)
{
  JsonArray *pieces = json_object_get_array_member (gt, "pieces");
  double sum = 0;

  for (guint i = 0; i < json_array_get_length (pieces); i++)
    {
      JsonObject *p = json_array_get_object_element (pieces, i);
      JsonObject *base = NULL;
      const char *qty, *annotation;
      g_autofree char *key = NULL;
      guint count = 0, ann_count = 0;

      if (!g_str_equal (json_object_get_string_member (p, "size"), size))
        continue;
      for (guint j = 0; j < json_array_get_length (pieces) && base == NULL; j++)
        {
          JsonObject *q = json_array_get_object_element (pieces, j);

          if (g_str_equal (json_object_get_string_member (q, "piece_name"),
                           json_object_get_string_member (p, "piece_name")) &&
              !json_node_is_null (json_object_get_member (q, "quantity")))
            base = q;
        }
      qty = base ? json_object_get_string_member (base, "quantity") : NULL;
      annotation = base && !json_node_is_null (json_object_get_member (base, "annotation"))
                   ? json_object_get_string_member (base, "annotation") : NULL;
      if (!annotation_cut (annotation, &ann_count, &key))
        key = g_strdup ("FABRIC");
      if (qty != NULL && strchr (qty, ','))
        count = atoi (qty) + atoi (strchr (qty, ',') + 1);
      else if (qty != NULL)
        count = atoi (qty);
      if (count == 0)
        count = ann_count ? ann_count : 1;
      if (!g_str_has_prefix (key, word))
        continue;
      sum += json_object_get_double_member (p, "area") * mm_per_unit * mm_per_unit *
             (json_object_get_boolean_member (p, "has_mirror_line_layer6") ? 2 : 1) * count / 1e6;
    }
  return sum;
}

static double
consumption_of (SlvStore   *store,
                const char *costing,
                const char *placement)
{
  g_autoptr(GHashTable) line = clo_test_bom_line (store, costing, placement);

  g_assert_nonnull (line);
  return g_ascii_strtod (g_hash_table_lookup (line, "consumption"), NULL);
}

/* -- pricing, read back through the engine's public sheet -- */

static double
sheet_value (SlvCostSheet *sheet,
             int           index)
{
  g_assert_cmpint (index, >=, 0);
  return slv_decimal_to_double (slv_cost_sheet_get_figure (sheet, index)->value);
}

/* Operand @k of figure @index. */
static double
sheet_arg (SlvCostSheet *sheet,
           int           index,
           guint         k)
{
  guint n = 0;
  const SlvDecimal *args = slv_cost_sheet_get_args (sheet, index, &n);

  g_assert_cmpuint (k, <, n);
  return slv_decimal_to_double (args[k]);
}

static double
sheet_fob (SlvCostSheet *sheet)
{
  return sheet_value (sheet, slv_cost_sheet_get_total_index (sheet, SLV_TOTAL_FOB));
}

static int
sheet_line (SlvCostSheet *sheet,
            GHashTable   *bom_line)
{
  int line = slv_costing_input_find_bom (slv_cost_sheet_get_input (sheet), g_hash_table_lookup (bom_line, "id"));

  g_assert_cmpint (line, >=, 0);
  return line;
}

/* The unit price the engine used for a BOM line (material or yarn chain),
 * checked to be in the costing's currency and the consumption's unit. */
static double
sheet_unit_price (SlvCostSheet *sheet,
                  int           line)
{
  int cost = slv_cost_sheet_get_line_cost (sheet, FALSE, line);

  g_assert_cmpint (slv_cost_sheet_get_figure (sheet, cost)->fx, ==, -1);
  g_assert_cmpfloat (sheet_arg (sheet, cost, 1), ==, 1.0);
  return sheet_value (sheet, slv_cost_sheet_find_role (sheet, line, FALSE, SLV_ROLE_PRICE));
}

/* FOB = production × (1 + commercial %) × (1 + profit %) when both are
 * markups on production and on cost + commercial, as the demo's are: the
 * factor a change in materials reaches FOB with. */
static double
sheet_fob_factor (SlvCostSheet *sheet)
{
  const SlvFigure *commercial = slv_cost_sheet_get_figure (sheet, slv_cost_sheet_get_total_index (sheet, SLV_TOTAL_COMMERCIAL));
  const SlvFigure *profit = slv_cost_sheet_get_figure (sheet, slv_cost_sheet_get_total_index (sheet, SLV_TOTAL_PROFIT));
  SlvCostingInput *in = slv_cost_sheet_get_input (sheet);

  g_assert_cmpint (commercial->kind, ==, SLV_FIG_PCT_MARKUP);
  g_assert_cmpint (profit->kind, ==, SLV_FIG_PCT_MARKUP);
  g_assert_cmpint (in->params.commercial.base, ==, SLV_PCT_BASE_PRODUCTION);
  g_assert_cmpint (in->params.profit.base, ==, SLV_PCT_BASE_COST_PLUS_COMMERCIAL);
  return (1 + sheet_arg (sheet, slv_cost_sheet_get_total_index (sheet, SLV_TOTAL_COMMERCIAL), 1) / 100) *
         (1 + sheet_arg (sheet, slv_cost_sheet_get_total_index (sheet, SLV_TOTAL_PROFIT), 1) / 100);
}

/* -- end to end: a corpus tee into the demo's crew tee -- */

static void
test_tee_into_demo_style (void)
{
  g_autofree char *dxf = slv_test_corpus_path ("dxf/MEN CLASSIC TEE.DXF");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *dir = NULL;
  g_autoptr(SlvStore) store = NULL;
  g_autoptr(SlvCloImport) import = NULL;
  g_autoptr(SlvCloPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *import_id = NULL;
  g_autoptr(GHashTable) body_before = NULL;
  g_autoptr(GHashTable) rib_before = NULL;
  g_autoptr(GPtrArray) pieces = NULL;
  g_autoptr(SlvPricing) pricing = NULL;
  g_autoptr(SlvCostSheet) sheet_before = NULL;
  g_autoptr(SlvCostSheet) sheet_after = NULL;
  g_autofree char *currency = NULL;
  g_autofree char *plan_before = NULL;
  g_autofree char *plan_after = NULL;
  SlvCloPlanOptions opt;
  JsonObject *gt;
  double fabric_m2, rib_m2, want_body, want_rib;
  double old_body, old_rib, body_price, rib_price, fob_factor, want_fob_delta;
  int body_line, rib_line;
  const char *costing;

  if (dxf == NULL)
    return;
  gt = clo_test_load_truth (parser, "dxf/MEN CLASSIC TEE.groundtruth.json");
  store = clo_test_demo_store (&dir);
  import = clo_test_load (dxf);
  slv_clo_plan_options_init (&opt);
  opt.efficiency = 0.85;
  plan = slv_clo_plan_new (store, import, TEE_CODE, &opt, NULL, &error);
  g_assert_no_error (error);
  costing = slv_clo_plan_get_costing_id (plan);
  /* The style's base size M is not in the file: its sample size 50 is used. */
  g_assert_cmpstr (slv_clo_plan_get_size (plan), ==, "50");
  body_before = clo_test_bom_line (store, costing, "body");
  rib_before = clo_test_bom_line (store, costing, "neck rib");

  /* Independently: Σ area (unfolded where there is a fold) × count ÷ 0.85
   * × GSM (single jersey 180, rib 220) ÷ 1000. */
  fabric_m2 = truth_net_m2 (gt, "50", "FABRIC", 25.4);
  rib_m2 = truth_net_m2 (gt, "50", "RIB", 25.4);
  want_body = fabric_m2 / 0.85 * 180 / 1000;
  want_rib = rib_m2 / 0.85 * 220 / 1000;
  g_test_message ("tee size 50: fabric %.6f m² → %.6f kg, rib %.6f m² → %.6f kg", fabric_m2, want_body,
                  rib_m2, want_rib);
  {
    SlvCloFabricRow *f = slv_clo_plan_find_fabric (plan, "FABRIC");
    SlvCloFabricRow *r = slv_clo_plan_find_fabric (plan, "RIB");

    g_assert_nonnull (f);
    g_assert_nonnull (r);
    g_assert_cmpstr (f->bom_line_id, ==, g_hash_table_lookup (body_before, "id"));
    g_assert_cmpstr (r->bom_line_id, ==, g_hash_table_lookup (rib_before, "id"));
    g_assert_cmpfloat (f->confidence, >=, SLV_CLO_MATCH_ACCEPT);
    g_assert_cmpfloat_with_epsilon (f->estimate->figures.net_m2, fabric_m2, 1e-3 * fabric_m2);
    g_assert_cmpfloat_with_epsilon (f->old_consumption,
                                    g_ascii_strtod (g_hash_table_lookup (body_before, "consumption"), NULL), 1e-12);
  }
  g_assert_cmpuint (slv_clo_plan_count_review (plan), ==, 0);

  /* The engine's FOB before, and the figures the change goes through. */
  pricing = slv_pricing_new (store);
  sheet_before = slv_pricing_price_costing (pricing, costing, &error);
  g_assert_no_error (error);
  body_line = sheet_line (sheet_before, body_before);
  rib_line = sheet_line (sheet_before, rib_before);
  body_price = sheet_unit_price (sheet_before, body_line);
  rib_price = sheet_unit_price (sheet_before, rib_line);
  fob_factor = sheet_fob_factor (sheet_before);
  /* Before: the demo's knit measurements (DOMAIN §1.1, 8 % wastage) and
   * the rib at 100 g per dozen (0 %), computed here. */
  old_body = (76 + 5 + 23 + 4) * (58 + 3) * 2 * 180 / 1e7;
  old_rib = 100.0 / 12 / 1000;
  g_assert_cmpfloat_with_epsilon (sheet_value (sheet_before, slv_cost_sheet_find_role (sheet_before, body_line, FALSE, SLV_ROLE_GROSS)),
                                  old_body * 1.08, 1e-8);
  /* After: the pattern's figure with 0 % wastage — its marker efficiency
   * holds the cutting waste the 8 % stood for — at the same yarn-chain
   * price; FOB moves by the material change × (1 + commercial) × (1 + profit). */
  want_fob_delta = ((want_body - old_body * 1.08) * body_price + (want_rib - old_rib) * rib_price) * fob_factor;
  {
    SlvCloFabricRow *f = slv_clo_plan_find_fabric (plan, "FABRIC");

    g_assert_cmpfloat (f->old_wastage, ==, 8);
    g_assert_cmpfloat (f->new_wastage, ==, 0);
    /* The plan's cost delta, before anything is written. */
    g_assert_true (slv_clo_plan_cost_delta (plan, &currency, &plan_before, &plan_after, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (currency, ==, slv_cost_sheet_get_currency (sheet_before));
    g_assert_cmpfloat_with_epsilon (g_ascii_strtod (plan_before, NULL), sheet_fob (sheet_before), 1e-9);
  }

  g_assert_true (slv_clo_plan_apply (plan, &import_id, &error));
  g_assert_no_error (error);

  g_assert_cmpfloat (fabs (consumption_of (store, costing, "body") - want_body), <, 1e-3 * want_body);
  g_assert_cmpfloat (fabs (consumption_of (store, costing, "neck rib") - want_rib), <, 1e-3 * want_rib);
  g_test_message ("body consumption %s → %.6f kg (Δ %+.6f)", (char *) g_hash_table_lookup (body_before, "consumption"),
                  consumption_of (store, costing, "body"), consumption_of (store, costing, "body") -
                  g_ascii_strtod (g_hash_table_lookup (body_before, "consumption"), NULL));
  pieces = slv_clo_store_list_pieces (store, slv_clo_plan_get_style_id (plan), &error);
  g_assert_cmpuint (pieces->len, ==, json_object_get_int_member (gt, "block_count"));
  {
    g_autoptr(GHashTable) body = clo_test_bom_line (store, costing, "body");

    g_assert_nonnull (strstr (g_hash_table_lookup (body, "calc"), "\"clo-pattern\""));
    /* The yarn price chain stays with the line. */
    g_assert_nonnull (strstr (g_hash_table_lookup (body, "calc"), "\"yarn_chain\""));
    g_assert_cmpstr (g_hash_table_lookup (body, "wastage_pct"), ==, "0.000000");
  }

  /* The costing priced again: consumption and FOB moved by the amounts
   * computed above. */
  sheet_after = slv_pricing_price_costing (pricing, costing, &error);
  g_assert_no_error (error);
  {
    int body_after = sheet_line (sheet_after, body_before);
    int net = slv_cost_sheet_find_role (sheet_after, body_after, FALSE, SLV_ROLE_CONSUMPTION);
    int price = slv_cost_sheet_find_role (sheet_after, body_after, FALSE, SLV_ROLE_PRICE);
    g_autofree char *formula = slv_cost_sheet_dup_formula (sheet_after, net);
    g_autofree char *source = slv_cost_sheet_dup_source (sheet_after, net);
    double fob_delta = sheet_fob (sheet_after) - sheet_fob (sheet_before);

    g_assert_cmpfloat (fabs (sheet_value (sheet_after, net) - want_body), <, 1e-3 * want_body);
    g_assert_cmpint (slv_cost_sheet_get_figure (sheet_after, price)->kind, ==, SLV_FIG_PRICE_CHAIN);
    g_assert_cmpfloat (sheet_value (sheet_after, price), ==, body_price);
    g_test_message ("FOB %.6f → %.6f: Δ %+.6f, computed %+.6f", sheet_fob (sheet_before), sheet_fob (sheet_after),
                    fob_delta, want_fob_delta);
    g_assert_cmpfloat (fabs (fob_delta - want_fob_delta), <, 1e-3 * fabs (want_fob_delta));
    g_assert_cmpfloat (fabs (want_fob_delta), >, 0.01);
    /* The plan said so before applying. */
    g_assert_cmpfloat_with_epsilon (g_ascii_strtod (plan_after, NULL), sheet_fob (sheet_after), 1e-9);
    /* "Why?": the figure names the pattern, its pieces, area and efficiency. */
    g_test_message ("%s\n  %s", formula, source);
    g_assert_nonnull (strstr (formula, "CLO pattern: 9 pieces cut"));
    g_assert_nonnull (strstr (formula, "85 % marker efficiency"));
    g_assert_nonnull (strstr (source, "MEN CLASSIC TEE.DXF"));
    g_assert_nonnull (strstr (source, "given by the user"));
  }

  /* Undo puts every value back exactly. */
  g_assert_true (slv_clo_undo (store, import_id, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GHashTable) body = clo_test_bom_line (store, costing, "body");
    g_autoptr(GHashTable) rib = clo_test_bom_line (store, costing, "neck rib");
    g_autoptr(GPtrArray) none = slv_clo_store_list_pieces (store, slv_clo_plan_get_style_id (plan), NULL);

    g_assert_cmpstr (g_hash_table_lookup (body, "consumption"), ==, g_hash_table_lookup (body_before, "consumption"));
    g_assert_cmpstr (g_hash_table_lookup (body, "calc"), ==, g_hash_table_lookup (body_before, "calc"));
    g_assert_cmpstr (g_hash_table_lookup (rib, "consumption"), ==, g_hash_table_lookup (rib_before, "consumption"));
    g_assert_cmpuint (none->len, ==, 0);
  }
  g_assert_false (slv_clo_undo (store, import_id, &error));
  g_assert_error (error, SLV_CLO_ERROR, SLV_CLO_ERROR_UNDO);
  g_assert_true (slv_store_check_integrity (store, NULL));
  slv_test_rm_rf (dir);
}

/* -- re-import: the diff before applying -- */

static void
test_reimport_diff (void)
{
  g_autofree char *tee = slv_test_corpus_path ("dxf/MEN CLASSIC TEE.DXF");
  g_autofree char *tank = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(SlvStore) store = NULL;
  g_autoptr(SlvCloImport) first = NULL;
  g_autoptr(SlvCloImport) again = NULL;
  g_autoptr(SlvCloImport) other = NULL;
  g_autoptr(SlvCloPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id1 = NULL;
  g_autofree char *id2 = NULL;
  SlvCloPlanOptions opt;
  guint added = 0, removed = 0;

  if (tee == NULL)
    return;
  tank = slv_test_corpus_path ("dxf/WM SLIM TANK.DXF");
  store = clo_test_demo_store (&dir);
  slv_clo_plan_options_init (&opt);
  opt.efficiency = 0.8;
  first = clo_test_load (tee);
  plan = slv_clo_plan_new (store, first, TEE_CODE, &opt, NULL, &error);
  g_assert_true (slv_clo_plan_apply (plan, &id1, &error));
  g_clear_object (&plan);

  /* The same export again: nothing to show but equal figures. */
  again = clo_test_load (tee);
  plan = slv_clo_plan_new (store, again, TEE_CODE, &opt, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (slv_clo_plan_get_piece_diffs (plan)->len, ==, 0);
  for (guint i = 0; i < slv_clo_plan_get_fabric_rows (plan)->len; i++)
    {
      SlvCloFabricRow *r = g_ptr_array_index (slv_clo_plan_get_fabric_rows (plan), i);

      g_assert_cmpfloat (fabs (r->new_consumption - r->old_consumption), <, 1e-6);
    }
  g_clear_object (&plan);

  /* Another style's export: the tee's 105 pieces go, the tank's 28 come. */
  other = clo_test_load (tank);
  plan = slv_clo_plan_new (store, other, TEE_CODE, &opt, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < slv_clo_plan_get_piece_diffs (plan)->len; i++)
    {
      SlvCloPieceDiff *d = g_ptr_array_index (slv_clo_plan_get_piece_diffs (plan), i);

      added += g_str_equal (d->status, "added");
      removed += g_str_equal (d->status, "removed");
    }
  g_assert_cmpuint (added, ==, 28);
  g_assert_cmpuint (removed, ==, 105);
  {
    SlvCloFabricRow *f = slv_clo_plan_find_fabric (plan, "FABRIC");

    /* A tank needs less than a tee: the delta is negative. */
    g_assert_cmpfloat (f->new_consumption, <, f->old_consumption);
  }
  /* Only the newest import can be undone. */
  g_assert_true (slv_clo_plan_apply (plan, &id2, &error));
  g_assert_false (slv_clo_undo (store, id1, &error));
  g_assert_error (error, SLV_CLO_ERROR, SLV_CLO_ERROR_UNDO);
  g_clear_error (&error);
  g_assert_true (slv_clo_undo (store, id2, &error));
  g_assert_true (slv_clo_undo (store, id1, &error));
  g_assert_no_error (error);
  slv_test_rm_rf (dir);
}

static void
test_panel_matching (void)
{
  g_autofree char *probe = slv_test_corpus_path ("meshes/gltf-mens-casual-shirt/scene.gltf");
  g_autofree char *dir = NULL;
  g_autofree char *gltf = NULL;
  g_autofree char *bin = NULL;
  g_autofree char *dxf = NULL;
  g_autoptr(SlvCloImport) import = NULL;
  g_autoptr(GPtrArray) matches = NULL;
  g_autoptr(GString) text = g_string_new ("  0\nSECTION\n  2\nBLOCKS\n");
  static const char *ids[] = { "22591", "7658", "1" };
  guint both = 0, dxf_only = 0, mesh_only = 0;

  if (probe == NULL)
    return;
  dir = slv_test_make_tmpdir ("slv-panels");
  gltf = clo_test_copy_into (dir, "meshes/gltf-mens-casual-shirt/scene.gltf", "scene.gltf");
  bin = clo_test_copy_into (dir, "meshes/gltf-mens-casual-shirt/scene.bin", "scene.bin");
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_string_append_printf (text,
      "  0\nBLOCK\n  2\nPattern2D_%s_M\n  0\nTEXT\n  8\n1\n  1\nPIECE NAME: Pattern2D_%s\n"
      "  0\nTEXT\n  8\n1\n  1\nSIZE: M\n  0\nPOLYLINE\n  8\n1\n 70\n1\n"
      "  0\nVERTEX\n 10\n0\n 20\n0\n  0\nVERTEX\n 10\n300\n 20\n0\n  0\nVERTEX\n 10\n300\n 20\n400\n"
      "  0\nSEQEND\n  0\nENDBLK\n", ids[i], ids[i]);
  g_string_append (text, "  0\nENDSEC\n  0\nSECTION\n  2\nENTITIES\n  0\nTEXT\n  8\n1\n  1\nUNITS: METRIC\n"
                         "  0\nTEXT\n  8\n1\n  1\nSAMPLE SIZE: M\n  0\nENDSEC\n  0\nEOF\n");
  dxf = g_build_filename (dir, "shirt.dxf", NULL);
  g_assert_true (g_file_set_contents (dxf, text->str, text->len, NULL));

  import = clo_test_load (dir);
  matches = slv_clo_import_dup_panel_matches (import, NULL);
  for (guint i = 0; i < matches->len; i++)
    {
      SlvPanelMatch *m = g_ptr_array_index (matches, i);

      both += m->piece && m->mesh;
      dxf_only += m->piece && !m->mesh;
      mesh_only += !m->piece && m->mesh;
      if (m->piece && m->mesh)
        {
          g_assert_cmpfloat_with_epsilon (m->piece_area_m2, 0.06, 1e-9);
          g_assert_cmpfloat (m->mesh_area_m2, >, 0);
        }
    }
  g_assert_cmpuint (both, ==, 2);
  g_assert_cmpuint (dxf_only, ==, 1);
  g_assert_cmpuint (mesh_only, ==, 15);
  /* The textures are not beside the copy: reported, not fatal. */
  {
    g_autoptr(GPtrArray) warnings = slv_clo_import_dup_warnings (import);

    g_assert_true (slv_warnings_has (warnings, "texture-missing"));
  }
  slv_test_rm_rf (dir);
}

/* -- the cost hook the pricing engine will fill -- */

static gboolean
fake_cost (SlvStore    *store,
           const char  *costing_id,
           GHashTable  *changes,
           char       **currency,
           char       **before,
           char       **after,
           gpointer     user_data,
           GError     **error)
{
  guint *calls = user_data;

  (*calls)++;
  /* The body and the rib lines: consumption, calc and (body) wastage. */
  g_assert_cmpuint (g_hash_table_size (changes), ==, 2);
  *currency = g_strdup ("USD");
  *before = g_strdup ("3.60");
  *after = g_strdup ("3.41");
  return TRUE;
}

static void
test_cost_hook (void)
{
  g_autofree char *dxf = slv_test_corpus_path ("dxf/MEN CLASSIC TEE.DXF");
  g_autofree char *dir = NULL;
  g_autoptr(SlvStore) store = NULL;
  g_autoptr(SlvCloImport) import = NULL;
  g_autoptr(SlvCloPlan) plan = NULL;
  g_autoptr(JsonNode) json = NULL;
  g_autoptr(GError) error = NULL;
  SlvCloPlanOptions opt;
  JsonObject *cost;
  guint calls = 0;

  if (dxf == NULL)
    return;
  store = clo_test_demo_store (&dir);
  import = clo_test_load (dxf);
  slv_clo_plan_options_init (&opt);
  opt.efficiency = 0.8;
  plan = slv_clo_plan_new (store, import, TEE_CODE, &opt, NULL, &error);
  /* By default the pricing engine answers: FOB before and after. */
  json = slv_clo_plan_to_json (plan);
  cost = json_object_get_object_member (json_node_get_object (json), "cost");
  g_assert_cmpstr (json_object_get_string_member (cost, "status"), ==, "ok");
  g_assert_cmpstr (json_object_get_string_member (cost, "currency"), ==, "USD");
  g_assert_cmpstr (json_object_get_string_member (cost, "before"), !=, json_object_get_string_member (cost, "after"));
  g_clear_pointer (&json, json_node_unref);

  /* Without a cost function there is no delta, and the JSON says so. */
  slv_clo_set_cost_func (NULL, NULL);
  json = slv_clo_plan_to_json (plan);
  cost = json_object_get_object_member (json_node_get_object (json), "cost");
  g_assert_cmpstr (json_object_get_string_member (cost, "status"), ==, "not-available");
  g_clear_pointer (&json, json_node_unref);

  slv_clo_set_cost_func (fake_cost, &calls);
  json = slv_clo_plan_to_json (plan);
  slv_clo_set_cost_func (slv_clo_pricing_cost, NULL);
  cost = json_object_get_object_member (json_node_get_object (json), "cost");
  g_assert_cmpstr (json_object_get_string_member (cost, "status"), ==, "ok");
  g_assert_cmpstr (json_object_get_string_member (cost, "after"), ==, "3.41");
  g_assert_cmpuint (calls, ==, 1);
  slv_test_rm_rf (dir);
}

/* Marker efficiency and wastage count cutting waste once: a line whose old
 * figure had no marker drops its wastage to 0 %, one from a woven marker
 * keeps it; the user can set it. */
static void
test_wastage_rule (void)
{
  g_autofree char *dxf = slv_test_corpus_path ("dxf/MEN CLASSIC TEE.DXF");
  g_autofree char *dir = NULL;
  g_autoptr(SlvStore) store = NULL;
  g_autoptr(SlvCloImport) import = NULL;
  g_autoptr(SlvCloPlan) plan = NULL;
  g_autoptr(GHashTable) body = NULL;
  g_autoptr(GError) error = NULL;
  SlvCloPlanOptions opt;
  SlvCloFabricRow *f;

  if (dxf == NULL)
    return;
  store = clo_test_demo_store (&dir);
  import = clo_test_load (dxf);
  slv_clo_plan_options_init (&opt);
  opt.efficiency = 0.8;
  plan = slv_clo_plan_new (store, import, TEE_CODE, &opt, NULL, &error);
  g_assert_no_error (error);
  f = slv_clo_plan_find_fabric (plan, "FABRIC");
  /* knit measurements + 8 %: the 8 % stood for cutting waste */
  g_assert_cmpfloat (f->old_wastage, ==, 8);
  g_assert_cmpfloat (f->new_wastage, ==, 0);
  g_assert_true (slv_clo_plan_set_wastage (plan, "FABRIC", 2.5, &error));
  g_assert_cmpfloat (f->new_wastage, ==, 2.5);
  g_assert_cmpstr (f->wastage_reason, ==, "set by the user");
  g_assert_true (slv_clo_plan_set_wastage (plan, "FABRIC", -1, &error));
  g_assert_cmpfloat (f->new_wastage, ==, 0);
  g_assert_false (slv_clo_plan_set_wastage (plan, "FABRIC", 100, &error));
  g_assert_error (error, SLV_CLO_ERROR, SLV_CLO_ERROR_FABRIC);
  g_clear_error (&error);
  g_assert_false (slv_clo_plan_set_wastage (plan, "NO SUCH FABRIC", 1, &error));
  g_clear_error (&error);

  /* A woven marker figure already left the cutting waste out of its 8 %. */
  body = clo_test_bom_line (store, slv_clo_plan_get_costing_id (plan), "body");
  g_assert_true (slv_store_update_field (store, "bom_line", g_hash_table_lookup (body, "id"), "calc",
                                         "{\"method\":\"woven\",\"units\":\"cm\",\"parts\":[{\"length\":\"70\","
                                         "\"width\":\"55\",\"count\":2}],\"cuttable_width\":\"180\","
                                         "\"marker_efficiency\":\"85\"}", &error));
  g_assert_no_error (error);
  g_clear_object (&plan);
  plan = slv_clo_plan_new (store, import, TEE_CODE, &opt, NULL, &error);
  g_assert_no_error (error);
  f = slv_clo_plan_find_fabric (plan, "FABRIC");
  g_assert_cmpfloat (f->new_wastage, ==, 8);
  g_assert_nonnull (strstr (f->wastage_reason, "kept"));
  slv_test_rm_rf (dir);
}

static void
test_plan_errors (void)
{
  g_autofree char *dxf = slv_test_corpus_path ("dxf/WM SLIM TANK.DXF");
  g_autofree char *dir = NULL;
  g_autoptr(SlvStore) store = NULL;
  g_autoptr(SlvCloImport) import = NULL;
  g_autoptr(SlvCloPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  SlvCloPlanOptions opt;

  if (dxf == NULL)
    return;
  store = clo_test_demo_store (&dir);
  import = clo_test_load (dxf);
  plan = slv_clo_plan_new (store, import, "NO-SUCH-STYLE", NULL, NULL, &error);
  g_assert_null (plan);
  g_assert_error (error, SLV_CLO_ERROR, SLV_CLO_ERROR_NO_STYLE);
  g_clear_error (&error);
  slv_clo_plan_options_init (&opt);
  opt.size = "XXXL";
  plan = slv_clo_plan_new (store, import, TEE_CODE, &opt, NULL, &error);
  g_assert_null (plan);
  g_assert_error (error, SLV_CLO_ERROR, SLV_CLO_ERROR_NO_SIZE);
  g_assert_nonnull (strstr (error->message, "36"));
  g_clear_error (&error);
  /* The Tank's own size 36 by name; the tank style's BOM line counts a rib. */
  opt.size = "36";
  plan = slv_clo_plan_new (store, import, "NL27S-TK003", &opt, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (slv_clo_plan_get_size (plan), ==, "36");
  {
    g_autoptr(SlvCloImport) none = slv_clo_import_new ();
    g_autofree char *zprj = g_build_filename (dir, "Tee.zprj", NULL);

    g_assert_true (g_file_set_contents (zprj, "PK\003\004", -1, NULL));
    g_assert_false (slv_clo_import_load (none, zprj, NULL, &error));
    g_assert_error (error, SLV_BUNDLE_ERROR, SLV_BUNDLE_ERROR_PROPRIETARY);
  }
  slv_test_rm_rf (dir);
}

/* -- the command line -- */

static char *
run_cli (int         *status,
         const char  *first,
         ...)
{
  g_autofree char *cli = slv_test_build_path ("src/cli/selvedge-cli");
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  va_list ap;

  g_ptr_array_add (args, cli);
  va_start (ap, first);
  for (const char *a = first; a != NULL; a = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) a);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) args->pdata, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, status, &error));
  g_assert_no_error (error);
  return out;
}

static void
test_cli (void)
{
  g_autofree char *box = slv_test_corpus_path ("dxf/clo-box.dxf");
  g_autofree char *jacket = NULL;
  g_autofree char *tee = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *ws = NULL;
  g_autofree char *out = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvStore) store = NULL;
  JsonObject *piece, *mesh;
  int status;

  if (box == NULL)
    return;
  out = run_cli (&status, "clo", "inspect", box, "--json", NULL);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  piece = json_array_get_object_element (json_object_get_array_member (
            json_array_get_object_element (json_object_get_array_member (
              json_node_get_object (json_parser_get_root (parser)), "patterns"), 0), "pieces"), 0);
  g_assert_cmpstr (json_object_get_string_member (piece, "name"), ==, "Pattern2D_4937");
  g_assert_cmpfloat (fabs (json_object_get_double_member (piece, "area_mm2") - 9299.9747 * 645.16), <, 1);
  g_assert_true (json_node_is_null (json_object_get_member (piece, "unfolded_area_mm2")));
  g_clear_pointer (&out, g_free);

  jacket = slv_test_corpus_path ("meshes/gltf-jacket-no-textures/scene.gltf");
  out = run_cli (&status, "clo", "inspect", jacket, "--json", NULL);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  mesh = json_array_get_object_element (json_object_get_array_member (
           json_node_get_object (json_parser_get_root (parser)), "meshes"), 0);
  g_assert_cmpfloat (fabs (json_object_get_double_member (mesh, "area_m2") - 21.049694), <, 21.049694e-3);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (mesh, "warnings")), ==, 3);
  g_clear_pointer (&out, g_free);

  /* import: dry run changes nothing; the real run does, and undo reverts. */
  tee = slv_test_corpus_path ("dxf/MEN CLASSIC TEE.DXF");
  store = clo_test_demo_store (&dir);
  ws = g_strdup (slv_store_get_path (store));
  g_clear_object (&store);
  out = run_cli (&status, "clo", "import", tee, "--style", TEE_CODE, ws, "--dry-run", "--json", NULL);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (out, "\"new_consumption\""));
  g_clear_pointer (&out, g_free);
  out = run_cli (&status, "clo", "import", tee, "--style", TEE_CODE, ws, "--efficiency", "0.8", NULL);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_clear_pointer (&out, g_free);
  out = run_cli (&status, "clo", "undo", "--style", TEE_CODE, ws, NULL);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_clear_pointer (&out, g_free);
  out = run_cli (&status, "clo", "undo", "--style", TEE_CODE, ws, NULL);
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_clear_pointer (&out, g_free);
  out = run_cli (&status, "clo", "inspect", "/nonexistent.dxf", NULL);
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  slv_test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/services/clo/tee-into-demo-style", test_tee_into_demo_style);
  g_test_add_func ("/services/clo/reimport-diff", test_reimport_diff);
  g_test_add_func ("/services/clo/panel-matching", test_panel_matching);
  g_test_add_func ("/services/clo/cost-hook", test_cost_hook);
  g_test_add_func ("/services/clo/plan-errors", test_plan_errors);
  g_test_add_func ("/services/clo/wastage-rule", test_wastage_rule);
  g_test_add_func ("/services/clo/cli", test_cli);
  return g_test_run ();
}
