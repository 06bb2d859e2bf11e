/* slv-clo-report.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-clo-report"

#include "config.h"

#include <math.h>

#include "slv-clo-report.h"
#include "core/slv-warning.h"

static const char *
quantity_source_name (SlvQuantitySource source)
{
  switch (source)
    {
    case SLV_QUANTITY_FROM_FILE:
      return "file";
    case SLV_QUANTITY_FROM_BASE_SIZE:
      return "base-size";
    case SLV_QUANTITY_FROM_ANNOTATION:
      return "annotation";
    case SLV_QUANTITY_DEFAULT:
    default:
      return "default";
    }
}

static const char *
kind_name (SlvCloFileKind kind)
{
  switch (kind)
    {
    case SLV_CLO_FILE_DXF:
      return "pattern";
    case SLV_CLO_FILE_RUL:
      return "grade-rules";
    case SLV_CLO_FILE_MESH:
      return "mesh";
    case SLV_CLO_FILE_MESH_PART:
      return "mesh-part";
    case SLV_CLO_FILE_BOM:
      return "bom";
    case SLV_CLO_FILE_RENDER:
      return "render";
    case SLV_CLO_FILE_PROPRIETARY:
      return "clo-proprietary";
    case SLV_CLO_FILE_OTHER:
    default:
      return "other";
    }
}

static double
round_to (double v,
          double step)
{
  return round (v / step) * step;
}

static void
add_string (JsonBuilder *b,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (b, name);
  if (value == NULL)
    json_builder_add_null_value (b);
  else
    json_builder_add_string_value (b, value);
}

static void
add_double (JsonBuilder *b,
            const char  *name,
            double       value,
            double       step)
{
  json_builder_set_member_name (b, name);
  json_builder_add_double_value (b, round_to (value, step));
}

static void
add_bbox (JsonBuilder *b,
          SlvBBox      bb)
{
  json_builder_set_member_name (b, "bbox");
  json_builder_begin_array (b);
  json_builder_add_double_value (b, round_to (bb.x0, 1e-4));
  json_builder_add_double_value (b, round_to (bb.y0, 1e-4));
  json_builder_add_double_value (b, round_to (bb.x1, 1e-4));
  json_builder_add_double_value (b, round_to (bb.y1, 1e-4));
  json_builder_end_array (b);
}

static void
add_polygon (JsonBuilder *b,
             const char  *name,
             SlvPolygon  *poly)
{
  const SlvPoint *pts = slv_polygon_get_points (poly);

  json_builder_set_member_name (b, name);
  json_builder_begin_array (b);
  for (guint i = 0; i < slv_polygon_get_n_points (poly); i++)
    {
      json_builder_begin_array (b);
      json_builder_add_double_value (b, round_to (pts[i].x, 1e-3));
      json_builder_add_double_value (b, round_to (pts[i].y, 1e-3));
      json_builder_end_array (b);
    }
  json_builder_end_array (b);
}

static void
add_warnings (JsonBuilder *b,
              GPtrArray   *warnings)
{
  json_builder_set_member_name (b, "warnings");
  json_builder_add_value (b, slv_clo_report_warnings (warnings));
}

JsonNode *
slv_clo_report_warnings (GPtrArray *warnings)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_array (b);
  for (guint i = 0; warnings != NULL && i < warnings->len; i++)
    {
      SlvWarning *w = g_ptr_array_index (warnings, i);

      json_builder_begin_object (b);
      add_string (b, "code", w->code);
      add_string (b, "subject", w->subject);
      add_string (b, "message", w->message);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  return json_builder_get_root (b);
}

static void
add_cuts (JsonBuilder     *b,
          SlvPatternPiece *p)
{
  GArray *cuts = slv_pattern_piece_get_cuts (p);

  json_builder_set_member_name (b, "cuts");
  json_builder_begin_array (b);
  for (guint i = 0; i < cuts->len; i++)
    {
      SlvCut *c = &g_array_index (cuts, SlvCut, i);

      json_builder_begin_object (b);
      add_string (b, "fabric", c->fabric);
      json_builder_set_member_name (b, "count");
      json_builder_add_int_value (b, c->count);
      json_builder_set_member_name (b, "flipped");
      json_builder_add_int_value (b, c->flipped);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

JsonNode *
slv_clo_report_piece (SlvPatternPiece *p,
                      gboolean         with_outline)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  double unfolded = slv_pattern_piece_get_unfolded_area (p);
  double grain = slv_pattern_piece_get_grain_angle (p);

  json_builder_begin_object (b);
  add_string (b, "name", slv_pattern_piece_get_name (p));
  add_string (b, "size", slv_pattern_piece_get_size (p));
  add_string (b, "block", slv_pattern_piece_get_block (p));
  json_builder_set_member_name (b, "quantity");
  json_builder_add_int_value (b, slv_pattern_piece_get_quantity (p));
  add_string (b, "quantity_text", slv_pattern_piece_get_quantity_text (p));
  add_string (b, "quantity_source", quantity_source_name (slv_pattern_piece_get_quantity_source (p)));
  add_string (b, "category", slv_pattern_piece_get_category (p));
  add_string (b, "annotation", slv_pattern_piece_get_annotation (p));
  add_string (b, "fabric", slv_pattern_piece_get_fabric (p));
  add_cuts (b, p);
  add_double (b, "area_mm2", slv_pattern_piece_get_area (p), 1e-3);
  json_builder_set_member_name (b, "unfolded_area_mm2");
  if (unfolded >= 0)
    json_builder_add_double_value (b, round_to (unfolded, 1e-3));
  else
    json_builder_add_null_value (b);
  add_double (b, "cut_area_mm2", slv_pattern_piece_get_cut_area (p), 1e-3);
  add_double (b, "perimeter_mm", slv_pattern_piece_get_perimeter (p), 1e-4);
  add_bbox (b, slv_pattern_piece_get_bbox (p));
  json_builder_set_member_name (b, "grain_angle");
  if (grain >= 0)
    json_builder_add_double_value (b, round_to (grain, 1e-3));
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "boundary_points");
  json_builder_add_int_value (b, slv_polygon_get_n_points (slv_pattern_piece_get_boundary (p)));
  json_builder_set_member_name (b, "notches");
  json_builder_add_int_value (b, slv_pattern_piece_get_notches (p)->len);
  json_builder_set_member_name (b, "drill_holes");
  json_builder_add_int_value (b, slv_pattern_piece_get_drill_holes (p)->len);
  json_builder_set_member_name (b, "internal_lines");
  json_builder_add_int_value (b, slv_pattern_piece_get_lines (p, SLV_PIECE_LINES_INTERNAL)->len);
  add_string (b, "panel_id", slv_pattern_piece_get_panel_id (p));
  if (with_outline)
    add_polygon (b, "outline", slv_pattern_piece_get_cut_outline (p));
  add_warnings (b, slv_pattern_piece_get_warnings (p));
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

JsonNode *
slv_clo_report_pattern_set (SlvPatternSet *set,
                            gboolean       with_outlines)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(GPtrArray) sizes = slv_pattern_set_dup_sizes (set);
  GPtrArray *pieces = slv_pattern_set_get_pieces (set);
  GHashTableIter iter;
  gpointer key, value;

  json_builder_begin_object (b);
  add_string (b, "file", slv_pattern_set_get_source (set));
  add_string (b, "style", slv_pattern_set_get_style_name (set));
  add_string (b, "sample_size", slv_pattern_set_get_sample_size (set));
  add_string (b, "units", slv_pattern_set_get_header (set, "UNITS"));
  add_string (b, "unit", slv_pattern_set_get_unit_name (set));
  add_double (b, "mm_per_unit", slv_pattern_set_get_mm_per_unit (set), 1e-9);
  if (slv_pattern_set_get_suggested_scale (set) > 0)
    add_double (b, "suggested_scale", slv_pattern_set_get_suggested_scale (set), 1e-6);
  json_builder_set_member_name (b, "header");
  json_builder_begin_object (b);
  g_hash_table_iter_init (&iter, slv_pattern_set_get_headers (set));
  while (g_hash_table_iter_next (&iter, &key, &value))
    add_string (b, key, value);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "sizes");
  json_builder_begin_array (b);
  for (guint i = 0; i < sizes->len; i++)
    json_builder_add_string_value (b, g_ptr_array_index (sizes, i));
  json_builder_end_array (b);
  json_builder_set_member_name (b, "pieces");
  json_builder_begin_array (b);
  for (guint i = 0; i < pieces->len; i++)
    json_builder_add_value (b, slv_clo_report_piece (g_ptr_array_index (pieces, i), with_outlines));
  json_builder_end_array (b);
  add_warnings (b, slv_pattern_set_get_warnings (set));
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

JsonNode *
slv_clo_report_mesh (SlvMeshReport *report)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  GPtrArray *parts = slv_mesh_report_get_parts (report);
  GPtrArray *textures = slv_mesh_report_get_textures (report);
  double k2 = slv_mesh_report_get_metres_per_unit (report) * slv_mesh_report_get_metres_per_unit (report);

  json_builder_begin_object (b);
  add_string (b, "file", slv_mesh_report_get_source (report));
  add_string (b, "format", slv_mesh_report_get_format (report));
  add_double (b, "metres_per_unit", slv_mesh_report_get_metres_per_unit (report), 1e-9);
  add_string (b, "unit_source", slv_mesh_report_get_unit_source (report));
  add_double (b, "area_m2", slv_mesh_report_get_total_area_m2 (report), 1e-6);
  json_builder_set_member_name (b, "triangles");
  json_builder_add_int_value (b, slv_mesh_report_get_total_triangles (report));
  json_builder_set_member_name (b, "meshes");
  json_builder_begin_array (b);
  for (guint i = 0; i < parts->len; i++)
    {
      SlvMeshPart *p = g_ptr_array_index (parts, i);

      json_builder_begin_object (b);
      add_string (b, "name", p->name);
      add_string (b, "material", p->material);
      add_string (b, "panel_id", p->panel_id);
      add_double (b, "area", p->area, 1e-6);
      add_double (b, "area_m2", p->area * k2, 1e-6);
      add_double (b, "world_area_m2", p->world_area * k2, 1e-6);
      json_builder_set_member_name (b, "triangles");
      json_builder_add_int_value (b, p->triangles);
      json_builder_set_member_name (b, "vertices");
      json_builder_add_int_value (b, p->vertices);
      json_builder_set_member_name (b, "bbox");
      json_builder_begin_array (b);
      for (int k = 0; k < 6; k++)
        json_builder_add_double_value (b, round_to (p->bbox[k], 1e-6));
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "textures");
  json_builder_begin_array (b);
  for (guint i = 0; i < textures->len; i++)
    {
      SlvMeshTexture *t = g_ptr_array_index (textures, i);

      json_builder_begin_object (b);
      add_string (b, "uri", t->uri);
      add_string (b, "material", t->material);
      json_builder_set_member_name (b, "present");
      json_builder_add_boolean_value (b, t->present);
      json_builder_set_member_name (b, "embedded");
      json_builder_add_boolean_value (b, t->embedded);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  add_warnings (b, slv_mesh_report_get_warnings (report));
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static void
add_bom (JsonBuilder  *b,
         SlvCloImport *import)
{
  const SlvBomMapping *mapping = slv_clo_import_get_bom_mapping (import);
  GPtrArray *lines = slv_clo_import_get_bom_lines (import);

  json_builder_set_member_name (b, "bom");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "mapping");
  json_builder_begin_object (b);
  for (int f = 0; f < SLV_BOM_N_FIELDS; f++)
    add_string (b, slv_bom_field_key (f), mapping->headers[f]);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "lines");
  json_builder_begin_array (b);
  for (guint i = 0; i < lines->len; i++)
    {
      SlvBomLine *l = g_ptr_array_index (lines, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "row");
      json_builder_add_int_value (b, l->row);
      for (int f = 0; f < SLV_BOM_N_FIELDS; f++)
        add_string (b, slv_bom_field_key (f), l->values[f]);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
}

static void
add_files (JsonBuilder  *b,
           SlvCloImport *import)
{
  GPtrArray *files = slv_clo_bundle_get_files (slv_clo_import_get_bundle (import));

  json_builder_set_member_name (b, "files");
  json_builder_begin_array (b);
  for (guint i = 0; i < files->len; i++)
    {
      SlvCloFile *f = g_ptr_array_index (files, i);

      json_builder_begin_object (b);
      add_string (b, "name", f->name);
      add_string (b, "kind", kind_name (f->kind));
      json_builder_set_member_name (b, "size");
      json_builder_add_int_value (b, f->size);
      if (f->kind == SLV_CLO_FILE_RENDER)
        {
          add_string (b, "mime", f->mime);
          json_builder_set_member_name (b, "width");
          json_builder_add_int_value (b, f->width);
          json_builder_set_member_name (b, "height");
          json_builder_add_int_value (b, f->height);
        }
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
add_matches_and_uses (JsonBuilder  *b,
                      SlvCloImport *import,
                      const char   *size)
{
  g_autoptr(GPtrArray) matches = slv_clo_import_dup_panel_matches (import, size);
  g_autoptr(GPtrArray) uses = slv_clo_import_dup_fabric_uses (import, size);

  json_builder_set_member_name (b, "panel_matches");
  json_builder_begin_array (b);
  for (guint i = 0; i < matches->len; i++)
    {
      SlvPanelMatch *m = g_ptr_array_index (matches, i);

      json_builder_begin_object (b);
      add_string (b, "panel_id", m->panel_id);
      add_string (b, "piece", m->piece);
      add_string (b, "mesh", m->mesh);
      add_double (b, "piece_area_m2", m->piece_area_m2, 1e-6);
      add_double (b, "mesh_area_m2", m->mesh_area_m2, 1e-6);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "fabrics");
  json_builder_begin_array (b);
  for (guint i = 0; i < uses->len; i++)
    {
      SlvFabricUse *u = g_ptr_array_index (uses, i);

      json_builder_begin_object (b);
      add_string (b, "fabric", u->fabric);
      add_double (b, "net_area_m2", u->net_mm2 / 1e6, 1e-6);
      json_builder_set_member_name (b, "pieces");
      json_builder_add_int_value (b, u->pieces);
      json_builder_set_member_name (b, "cuts");
      json_builder_add_int_value (b, u->cuts);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

JsonNode *
slv_clo_report_import (SlvCloImport *import,
                       const char   *size,
                       gboolean      with_outlines)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(GPtrArray) warnings = slv_clo_import_dup_warnings (import);
  GPtrArray *sets = slv_clo_import_get_pattern_sets (import);
  GPtrArray *meshes = slv_clo_import_get_meshes (import);

  json_builder_begin_object (b);
  add_string (b, "source", slv_clo_import_get_source (import));
  add_string (b, "size", size ? size : slv_clo_import_get_sample_size (import));
  add_files (b, import);
  json_builder_set_member_name (b, "patterns");
  json_builder_begin_array (b);
  for (guint i = 0; i < sets->len; i++)
    json_builder_add_value (b, slv_clo_report_pattern_set (g_ptr_array_index (sets, i), with_outlines));
  json_builder_end_array (b);
  json_builder_set_member_name (b, "meshes");
  json_builder_begin_array (b);
  for (guint i = 0; i < meshes->len; i++)
    json_builder_add_value (b, slv_clo_report_mesh (g_ptr_array_index (meshes, i)));
  json_builder_end_array (b);
  add_bom (b, import);
  add_matches_and_uses (b, import, size);
  add_warnings (b, warnings);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

JsonNode *
slv_clo_report_estimate (SlvFabricEstimate *est,
                         gboolean           with_layout)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  add_string (b, "fabric", est->fabric);
  add_double (b, "width_cm", est->width_cm, 1e-3);
  add_double (b, "gsm", est->gsm, 1e-3);
  add_double (b, "efficiency", est->efficiency, 1e-4);
  json_builder_set_member_name (b, "efficiency_source");
  json_builder_add_string_value (b, est->overridden ? "user" : "nesting");
  json_builder_set_member_name (b, "garments_in_marker");
  json_builder_add_int_value (b, est->garments);
  add_double (b, "net_m2", est->figures.net_m2, 1e-6);
  add_double (b, "gross_m2", est->figures.gross_m2, 1e-6);
  add_double (b, "metres", est->figures.metres, 1e-6);
  add_double (b, "yards", est->figures.yards, 1e-6);
  add_double (b, "kg", est->figures.kg, 1e-6);
  add_string (b, "explanation", est->explanation);
  if (est->marker != NULL)
    {
      add_double (b, "marker_length_mm", slv_marker_get_length (est->marker), 1e-3);
      if (with_layout)
        {
          json_builder_set_member_name (b, "placements");
          json_builder_begin_array (b);
          for (guint i = 0; i < slv_marker_get_n_placements (est->marker); i++)
            {
              const SlvPlacement *pl = slv_marker_get_placement (est->marker, i);

              json_builder_begin_object (b);
              add_string (b, "piece", slv_marker_get_label (est->marker, pl->piece));
              add_double (b, "rotation", pl->rotation, 1e-6);
              json_builder_set_member_name (b, "flipped");
              json_builder_add_boolean_value (b, pl->flipped);
              add_polygon (b, "outline", pl->outline);
              json_builder_end_object (b);
            }
          json_builder_end_array (b);
        }
    }
  json_builder_end_object (b);
  return json_builder_get_root (b);
}
