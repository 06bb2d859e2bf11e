/* test-clo-corpus.c: every DXF and mesh of the corpus through the CLO
 * import, against its ground truth, and the nesting estimate on the corpus
 * styles (placements checked geometrically).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "slv-test-util.h"
#include "clo-test-util.h"
#include "core/slv-warning.h"
#include "services/slv-clo-import.h"
#include "services/slv-clo-report.h"

/* -- the inspect contract over the whole corpus -- */

static const char *dxf_stems[] = {
  "GLX4802S19_AAMA.DXF", "GLX4802S19_ASTM.DXF", "MEN CLASSIC TEE.DXF", "ORILEGWB_AAMA.DXF",
  "ORILEGWB_ASTM.DXF", "SS17_M POLO REG_ASTM.DXF", "WM SLIM TANK.DXF", "clo-box.dxf",
  "clo-pattern.dxf", "clo2-pattern.dxf", "drill-holes.DXF", "mirrored.DXF", "simple.DXF",
};

static void
test_inspect_corpus_patterns (void)
{
  for (guint f = 0; f < G_N_ELEMENTS (dxf_stems); f++)
    {
      g_autofree char *rel = g_strdup_printf ("dxf/%s", dxf_stems[f]);
      g_autofree char *path = slv_test_corpus_path (rel);
      g_autofree char *stem = NULL;
      g_autofree char *gt_rel = NULL;
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(SlvCloImport) import = NULL;
      g_autoptr(JsonNode) report = NULL;
      JsonObject *gt;
      JsonArray *pieces, *truth;
      double k;

      if (path == NULL)
        return;
      stem = g_strndup (dxf_stems[f], strlen (dxf_stems[f]) - 4);
      gt_rel = g_strdup_printf ("dxf/%s.groundtruth.json", stem);
      gt = clo_test_load_truth (parser, gt_rel);
      k = g_str_equal (json_object_get_string_member (gt, "units"), "ENGLISH") ? 25.4 : 1;
      import = clo_test_load (path);
      report = slv_clo_report_import (import, NULL, FALSE);
      pieces = json_object_get_array_member (json_array_get_object_element (
                 json_object_get_array_member (json_node_get_object (report), "patterns"), 0), "pieces");
      truth = json_object_get_array_member (gt, "pieces");
      g_assert_cmpuint (json_array_get_length (pieces), ==, json_array_get_length (truth));
      for (guint i = 0; i < json_array_get_length (truth); i++)
        {
          JsonObject *p = json_array_get_object_element (pieces, i);
          JsonObject *t = json_array_get_object_element (truth, i);
          double area = json_object_get_double_member (t, "area") * k * k;
          double perimeter = json_object_get_double_member (t, "perimeter") * k;
          JsonNode *unfolded = json_object_get_member (p, "unfolded_area_mm2");

          g_assert_cmpstr (json_object_get_string_member (p, "name"), ==, json_object_get_string_member (t, "piece_name"));
          g_assert_cmpstr (json_object_get_string_member (p, "size"), ==, json_object_get_string_member (t, "size"));
          if (!json_node_is_null (json_object_get_member (t, "quantity")))
            g_assert_cmpstr (json_object_get_string_member (p, "quantity_text"), ==,
                             json_object_get_string_member (t, "quantity"));
          g_assert_cmpfloat (fabs (json_object_get_double_member (p, "area_mm2") - area), <=, 1e-3 * area);
          g_assert_cmpfloat (fabs (json_object_get_double_member (p, "perimeter_mm") - perimeter), <=, 1e-3 * perimeter);
          g_assert_true (json_node_is_null (unfolded) != json_object_get_boolean_member (t, "has_mirror_line_layer6"));
          if (!json_node_is_null (unfolded))
            g_assert_cmpfloat (fabs (json_node_get_double (unfolded) - 2 * area), <=, 1e-3 * area);
        }
    }
}

static const struct { const char *mesh, *truth; } mesh_files[] = {
  { "meshes/makehuman/female_casualsuit01.obj", "meshes/makehuman/female_casualsuit01.groundtruth.json" },
  { "meshes/makehuman/female_sportsuit01.obj", "meshes/makehuman/female_sportsuit01.groundtruth.json" },
  { "meshes/makehuman/male_casualsuit02.obj", "meshes/makehuman/male_casualsuit02.groundtruth.json" },
  { "meshes/makehuman/male_worksuit01.obj", "meshes/makehuman/male_worksuit01.groundtruth.json" },
  { "meshes/codim-ipc/dress_knife_stage.obj", "meshes/codim-ipc/dress_knife_stage.groundtruth.json" },
  { "meshes/codim-ipc/dress_knife_drape.obj", "meshes/codim-ipc/dress_knife_drape.groundtruth.json" },
  { "meshes/codim-ipc/skirt4K.obj", "meshes/codim-ipc/skirt4K.groundtruth.json" },
  { "meshes/gltf-mens-casual-shirt/scene.gltf", "meshes/gltf-mens-casual-shirt/scene.groundtruth.json" },
  { "meshes/gltf-jacket-no-textures/scene.gltf", "meshes/gltf-jacket-no-textures/scene.groundtruth.json" },
};

static void
test_inspect_corpus_meshes (void)
{
  for (guint f = 0; f < G_N_ELEMENTS (mesh_files); f++)
    {
      g_autofree char *path = slv_test_corpus_path (mesh_files[f].mesh);
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(SlvCloImport) import = NULL;
      g_autoptr(JsonNode) report = NULL;
      JsonObject *gt, *mesh;
      JsonArray *parts;
      double want, got = 0;
      gint64 tris = 0;

      if (path == NULL)
        return;
      gt = clo_test_load_truth (parser, mesh_files[f].truth);
      want = json_object_has_member (gt, "surface_area")
             ? json_object_get_double_member (gt, "surface_area")
             : json_object_get_double_member (gt, "total_surface_area_mesh_space_no_node_transforms");
      import = clo_test_load (path);
      report = slv_clo_report_import (import, NULL, FALSE);
      mesh = json_array_get_object_element (json_object_get_array_member (json_node_get_object (report), "meshes"), 0);
      parts = json_object_get_array_member (mesh, "meshes");
      for (guint i = 0; i < json_array_get_length (parts); i++)
        {
          got += json_object_get_double_member (json_array_get_object_element (parts, i), "area_m2");
          tris += json_object_get_int_member (json_array_get_object_element (parts, i), "triangles");
        }
      /* Corpus meshes are read at their stated unit (metres), so m² = file units². */
      g_assert_cmpfloat (fabs (got - want), <=, 1e-3 * want);
      g_assert_cmpfloat (fabs (json_object_get_double_member (mesh, "area_m2") - want), <=, 1e-3 * want);
      g_assert_cmpint (tris, ==, json_object_has_member (gt, "triangles_after_fan_triangulation")
                                   ? json_object_get_int_member (gt, "triangles_after_fan_triangulation")
                                   : json_object_get_int_member (gt, "total_triangles"));
    }
}

/* -- nesting on every corpus style: checked geometrically -- */

static void
assert_marker_sound (SlvMarker *m)
{
  double width = slv_marker_get_width (m);

  for (guint i = 0; i < slv_marker_get_n_placements (m); i++)
    {
      const SlvPlacement *p = slv_marker_get_placement (m, i);
      SlvBBox b = slv_polygon_bbox (p->outline);

      g_assert_cmpfloat (b.y0, >=, 0);
      g_assert_cmpfloat (b.y1, <=, width);
      g_assert_cmpfloat (b.x0, >=, 0);
      for (guint j = i + 1; j < slv_marker_get_n_placements (m); j++)
        g_assert_false (slv_polygons_overlap (p->outline, slv_marker_get_placement (m, j)->outline, 1e-6));
    }
}

static void
test_nesting_corpus (void)
{
  for (guint f = 0; f < G_N_ELEMENTS (dxf_stems); f++)
    {
      g_autofree char *rel = g_strdup_printf ("dxf/%s", dxf_stems[f]);
      g_autofree char *path = slv_test_corpus_path (rel);
      g_autoptr(SlvCloImport) import = NULL;
      g_autoptr(GPtrArray) uses = NULL;
      g_autoptr(GString) line = g_string_new (NULL);
      double width = 150;

      if (path == NULL)
        return;
      if (g_str_has_prefix (dxf_stems[f], "clo2") || g_str_has_prefix (dxf_stems[f], "clo-box"))
        continue;   /* the scale trap and the 3 m box are not garments */
      import = clo_test_load (path);
      uses = slv_clo_import_dup_fabric_uses (import, NULL);
      g_string_append_printf (line, "%s, size %s, %.0f cm:", dxf_stems[f],
                              slv_clo_import_get_sample_size (import), width);
      for (guint u = 0; u < uses->len; u++)
        {
          SlvFabricUse *use = g_ptr_array_index (uses, u);
          g_autoptr(GError) error = NULL;
          g_autoptr(SlvFabricEstimate) est = slv_clo_import_estimate (import, NULL, use->fabric, width, 180, 0,
                                                                     0, NULL, NULL, &error);

          g_assert_no_error (error);
          assert_marker_sound (est->marker);
          g_assert_cmpfloat (est->efficiency, >, 0.3);
          g_assert_cmpfloat (est->efficiency, <=, 1);
          /* The garments laid hold every cut piece. */
          g_assert_cmpuint (slv_marker_get_n_placements (est->marker), ==, use->cuts * est->garments);
          g_assert_cmpfloat (fabs (slv_marker_get_piece_area (est->marker) - use->net_mm2 * est->garments),
                             <=, 1e-6 * use->net_mm2 * est->garments);
          g_string_append_printf (line, " %s %.1f %% (%u garments)", use->fabric, 100 * est->efficiency,
                                  est->garments);
        }
      g_test_message ("%s", line->str);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/services/clo/inspect-corpus-patterns", test_inspect_corpus_patterns);
  g_test_add_func ("/services/clo/inspect-corpus-meshes", test_inspect_corpus_meshes);
  g_test_add_func ("/services/clo/nesting-corpus", test_nesting_corpus);
  return g_test_run ();
}
