/* test-clo.c: CLO ingestion end to end — corpus figures through the
 * import, nesting on the corpus styles, a corpus tee into a demo style
 * (consumption checked against figures computed here from the ground
 * truth), undo, re-import diffs, BOM matching, panel matching, the CLI.
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
#include "core/slv-warning.h"
#include "services/slv-clo-import.h"
#include "services/slv-clo-plan.h"
#include "services/slv-clo-report.h"
#include "services/slv-demo.h"
#include "store/slv-clo-store.h"

#define TEE_CODE "NL27S-TS001"

static SlvCloImport *
load (const char *path)
{
  g_autoptr(SlvCloImport) import = slv_clo_import_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (slv_clo_import_load (import, path, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&import);
}

static JsonObject *
load_truth (JsonParser *parser,
            const char *rel)
{
  g_autofree char *path = slv_test_corpus_path (rel);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (path);
  g_assert_true (json_parser_load_from_file (parser, path, &error));
  return json_node_get_object (json_parser_get_root (parser));
}

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

  if (annotation == NULL || !g_regex_match (re, annotation, 0, &m))
    return FALSE;
  n = g_match_info_fetch (m, 1);
  *count = atoi (n);
  *word = g_ascii_strup (g_match_info_fetch (m, 2), -1);
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

static GHashTable *
bom_line_by_placement (SlvStore   *store,
                       const char *costing,
                       const char *placement)
{
  g_autoptr(GPtrArray) lines = slv_clo_store_list_bom_lines (store, costing, NULL);

  for (guint i = 0; i < lines->len; i++)
    if (g_strcmp0 (g_hash_table_lookup (g_ptr_array_index (lines, i), "placement"), placement) == 0)
      return g_hash_table_ref (g_ptr_array_index (lines, i));
  return NULL;
}

static double
consumption_of (SlvStore   *store,
                const char *costing,
                const char *placement)
{
  g_autoptr(GHashTable) line = bom_line_by_placement (store, costing, placement);

  g_assert_nonnull (line);
  return g_ascii_strtod (g_hash_table_lookup (line, "consumption"), NULL);
}

static SlvStore *
demo_store (char **dir)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  SlvStore *store;

  *dir = slv_test_make_tmpdir ("slv-clo");
  path = g_build_filename (*dir, "Demo.selvedge", NULL);
  store = slv_demo_create (path, &error);
  g_assert_no_error (error);
  return store;
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
  SlvCloPlanOptions opt;
  JsonObject *gt;
  double fabric_m2, rib_m2, want_body, want_rib;
  const char *costing;

  if (dxf == NULL)
    return;
  gt = load_truth (parser, "dxf/MEN CLASSIC TEE.groundtruth.json");
  store = demo_store (&dir);
  import = load (dxf);
  slv_clo_plan_options_init (&opt);
  opt.efficiency = 0.85;
  plan = slv_clo_plan_new (store, import, TEE_CODE, &opt, NULL, &error);
  g_assert_no_error (error);
  costing = slv_clo_plan_get_costing_id (plan);
  /* The style's base size M is not in the file: its sample size 50 is used. */
  g_assert_cmpstr (slv_clo_plan_get_size (plan), ==, "50");
  body_before = bom_line_by_placement (store, costing, "body");
  rib_before = bom_line_by_placement (store, costing, "neck rib");

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
    g_assert_cmpfloat_with_epsilon (f->old_consumption, 0.25614144, 1e-12);
  }
  g_assert_cmpuint (slv_clo_plan_count_review (plan), ==, 0);
  g_assert_true (slv_clo_plan_apply (plan, &import_id, &error));
  g_assert_no_error (error);

  g_assert_cmpfloat (fabs (consumption_of (store, costing, "body") - want_body), <, 1e-3 * want_body);
  g_assert_cmpfloat (fabs (consumption_of (store, costing, "neck rib") - want_rib), <, 1e-3 * want_rib);
  /* The change is the computed one, from the demo's measurement-based figure. */
  g_test_message ("body consumption %s → %.6f kg (Δ %+.6f)", (char *) g_hash_table_lookup (body_before, "consumption"),
                  consumption_of (store, costing, "body"), consumption_of (store, costing, "body") - 0.25614144);
  pieces = slv_clo_store_list_pieces (store, slv_clo_plan_get_style_id (plan), &error);
  g_assert_cmpuint (pieces->len, ==, json_object_get_int_member (gt, "block_count"));
  {
    g_autoptr(GHashTable) body = bom_line_by_placement (store, costing, "body");

    g_assert_nonnull (strstr (g_hash_table_lookup (body, "calc"), "\"clo-pattern\""));
  }

  /* Undo puts every value back exactly. */
  g_assert_true (slv_clo_undo (store, import_id, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GHashTable) body = bom_line_by_placement (store, costing, "body");
    g_autoptr(GHashTable) rib = bom_line_by_placement (store, costing, "neck rib");
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
  store = demo_store (&dir);
  slv_clo_plan_options_init (&opt);
  opt.efficiency = 0.8;
  first = load (tee);
  plan = slv_clo_plan_new (store, first, TEE_CODE, &opt, NULL, &error);
  g_assert_true (slv_clo_plan_apply (plan, &id1, &error));
  g_clear_object (&plan);

  /* The same export again: nothing to show but equal figures. */
  again = load (tee);
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
  other = load (tank);
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

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/services/clo/tee-into-demo-style", test_tee_into_demo_style);
  g_test_add_func ("/services/clo/reimport-diff", test_reimport_diff);
  return g_test_run ();
}
