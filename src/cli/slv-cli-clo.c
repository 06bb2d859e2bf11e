/* slv-cli-clo.c: clo inspect, clo import, clo undo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>

#include "slv-cli.h"
#include "core/slv-warning.h"
#include "services/slv-clo-import.h"
#include "services/slv-clo-plan.h"
#include "services/slv-clo-report.h"
#include "core/slv-style.h"
#include "store/slv-clo-store.h"
#include "store/slv-repo.h"

static gboolean opt_json;
static gboolean opt_outlines;
static gboolean opt_dry_run;
static gboolean opt_cross_grain;
static char *opt_size;
static char *opt_style;
static char *opt_mapping;
static double opt_scale;
static double opt_mesh_unit;
static double opt_width;
static double opt_gsm;
static double opt_efficiency;
static int opt_garments = 0;

static GOptionEntry inspect_entries[] = {
  { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Print JSON"), NULL },
  { "size", 0, 0, G_OPTION_ARG_STRING, &opt_size, N_("Size for fabric figures (default: the sample size)"), N_("SIZE") },
  { "scale", 0, 0, G_OPTION_ARG_DOUBLE, &opt_scale, N_("Multiply DXF coordinates by this factor"), N_("FACTOR") },
  { "mesh-unit", 0, 0, G_OPTION_ARG_DOUBLE, &opt_mesh_unit, N_("Metres per mesh unit (e.g. 0.01 for cm)"), N_("M") },
  { "outlines", 0, 0, G_OPTION_ARG_NONE, &opt_outlines, N_("Include piece outlines (mm) in the JSON"), NULL },
  { "width", 0, 0, G_OPTION_ARG_DOUBLE, &opt_width, N_("Fabric width in cm: estimate consumption per fabric"), N_("CM") },
  { "gsm", 0, 0, G_OPTION_ARG_DOUBLE, &opt_gsm, N_("Fabric weight in g/m² for the estimate"), N_("GSM") },
  { "efficiency", 0, 0, G_OPTION_ARG_DOUBLE, &opt_efficiency, N_("Marker efficiency (0–1) instead of nesting"), N_("E") },
  { "garments", 0, 0, G_OPTION_ARG_INT, &opt_garments, N_("Garments laid in the nesting estimate (default: automatic)"), N_("N") },
  { "cross-grain", 0, 0, G_OPTION_ARG_NONE, &opt_cross_grain, N_("Allow 90° turns when nesting"), NULL },
  { NULL }
};

static GOptionEntry import_entries[] = {
  { "style", 0, 0, G_OPTION_ARG_STRING, &opt_style, N_("Code of the style to import into"), N_("CODE") },
  { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Print the plan as JSON"), NULL },
  { "size", 0, 0, G_OPTION_ARG_STRING, &opt_size, N_("Size whose pieces give the consumption"), N_("SIZE") },
  { "scale", 0, 0, G_OPTION_ARG_DOUBLE, &opt_scale, N_("Multiply DXF coordinates by this factor"), N_("FACTOR") },
  { "mesh-unit", 0, 0, G_OPTION_ARG_DOUBLE, &opt_mesh_unit, N_("Metres per mesh unit"), N_("M") },
  { "efficiency", 0, 0, G_OPTION_ARG_DOUBLE, &opt_efficiency, N_("Marker efficiency (0–1) instead of nesting"), N_("E") },
  { "garments", 0, 0, G_OPTION_ARG_INT, &opt_garments, N_("Garments laid in the nesting estimate (default: automatic)"), N_("N") },
  { "cross-grain", 0, 0, G_OPTION_ARG_NONE, &opt_cross_grain, N_("Allow 90° turns when nesting"), NULL },
  { "mapping", 0, 0, G_OPTION_ARG_FILENAME, &opt_mapping, N_("BOM column mapping (JSON file)"), N_("FILE") },
  { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &opt_dry_run, N_("Show what would change, change nothing"), NULL },
  { NULL }
};

static GOptionEntry undo_entries[] = {
  { "style", 0, 0, G_OPTION_ARG_STRING, &opt_style, N_("Code of the style"), N_("CODE") },
  { NULL }
};

/* @store (may be NULL) gives the saved BOM mapping when --mapping is not set. */
static SlvCloImport *
load_import (const char  *path,
             SlvStore    *store,
             GError     **error)
{
  g_autoptr(SlvCloImport) import = slv_clo_import_new ();

  slv_clo_import_set_scale (import, opt_scale);
  slv_clo_import_set_mesh_unit (import, opt_mesh_unit);
  if (opt_mapping == NULL && store != NULL)
    {
      g_autoptr(SlvBomMapping) saved = slv_clo_dup_saved_bom_mapping (store);

      slv_clo_import_set_bom_mapping (import, saved);
    }
  if (opt_mapping != NULL)
    {
      g_autofree char *json = NULL;
      g_autoptr(SlvBomMapping) mapping = NULL;

      if (!g_file_get_contents (opt_mapping, &json, NULL, error) ||
          (mapping = slv_bom_mapping_new_from_json (json, error)) == NULL)
        return NULL;
      slv_clo_import_set_bom_mapping (import, mapping);
    }
  if (!slv_clo_import_load (import, path, NULL, error))
    return NULL;
  return g_steal_pointer (&import);
}

static void
nest_options (SlvNestOptions *opt)
{
  slv_nest_options_init (opt, 0);
  if (opt_cross_grain)
    opt->rotations |= SLV_NEST_ROTATE_90;
}

/* --width: one estimate per fabric key, added to the report. */
static gboolean
add_estimates (SlvCloImport  *import,
               JsonObject    *report,
               GError       **error)
{
  g_autoptr(GPtrArray) uses = slv_clo_import_dup_fabric_uses (import, opt_size);
  JsonArray *list = json_array_new ();
  SlvNestOptions opt;

  nest_options (&opt);
  json_object_set_array_member (report, "estimates", list);
  for (guint i = 0; i < uses->len; i++)
    {
      SlvFabricUse *u = g_ptr_array_index (uses, i);
      g_autoptr(SlvFabricEstimate) est = slv_clo_import_estimate (import, opt_size, u->fabric, opt_width,
                                                                 opt_gsm, opt_efficiency, MAX (opt_garments, 0),
                                                                 &opt, NULL, error);

      if (est == NULL)
        return FALSE;
      json_array_add_element (list, slv_clo_report_estimate (est, opt_outlines));
    }
  return TRUE;
}

static void
print_text (JsonObject *report)
{
  JsonArray *patterns = json_object_get_array_member (report, "patterns");
  JsonArray *meshes = json_object_get_array_member (report, "meshes");
  JsonArray *warnings = json_object_get_array_member (report, "warnings");

  for (guint i = 0; i < json_array_get_length (patterns); i++)
    {
      JsonObject *set = json_array_get_object_element (patterns, i);
      JsonArray *pieces = json_object_get_array_member (set, "pieces");

      printf ("%s — %s, unit %s\n", json_object_get_string_member (set, "file"),
              json_object_get_string_member_with_default (set, "style", "?"),
              json_object_get_string_member (set, "unit"));
      printf ("  %-28s %-6s %4s %14s %14s %12s\n", _("piece"), _("size"), _("qty"), _("area mm²"),
              _("unfolded mm²"), _("perimeter mm"));
      for (guint j = 0; j < json_array_get_length (pieces); j++)
        {
          JsonObject *p = json_array_get_object_element (pieces, j);
          JsonNode *unfolded = json_object_get_member (p, "unfolded_area_mm2");
          g_autofree char *u = JSON_NODE_HOLDS_NULL (unfolded) ? g_strdup ("—") :
                               g_strdup_printf ("%.1f", json_node_get_double (unfolded));

          printf ("  %-28s %-6s %4" G_GINT64_FORMAT " %14.1f %14s %12.1f\n",
                  json_object_get_string_member (p, "name"),
                  json_object_get_string_member_with_default (p, "size", ""),
                  json_object_get_int_member (p, "quantity"),
                  json_object_get_double_member (p, "area_mm2"), u,
                  json_object_get_double_member (p, "perimeter_mm"));
        }
    }
  for (guint i = 0; i < json_array_get_length (meshes); i++)
    {
      JsonObject *m = json_array_get_object_element (meshes, i);
      JsonArray *parts = json_object_get_array_member (m, "meshes");

      printf ("%s — %s, %s\n", json_object_get_string_member (m, "file"),
              json_object_get_string_member (m, "format"), json_object_get_string_member (m, "unit_source"));
      for (guint j = 0; j < json_array_get_length (parts); j++)
        {
          JsonObject *p = json_array_get_object_element (parts, j);

          printf ("  %-60s %-28s %10.6f m² %8" G_GINT64_FORMAT " triangles\n",
                  json_object_get_string_member (p, "name"),
                  json_object_get_string_member_with_default (p, "material", ""),
                  json_object_get_double_member (p, "area_m2"), json_object_get_int_member (p, "triangles"));
        }
    }
  if (json_object_has_member (report, "estimates"))
    {
      JsonArray *est = json_object_get_array_member (report, "estimates");

      for (guint i = 0; i < json_array_get_length (est); i++)
        printf ("%s\n", json_object_get_string_member (json_array_get_object_element (est, i), "explanation"));
    }
  for (guint i = 0; i < json_array_get_length (warnings); i++)
    fprintf (stderr, _("warning: %s\n"),
             json_object_get_string_member (json_array_get_object_element (warnings, i), "message"));
}

static int
run_inspect (int    argc,
             char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvCloImport) import = NULL;
  g_autoptr(JsonNode) report = NULL;

  if (!slv_cli_parse ("clo inspect", "FILE", inspect_entries, &argc, &argv))
    return SLV_CLI_ERROR;
  if (argc != 2)
    return slv_cli_fail (_("clo inspect: give one file, folder or ZIP to inspect."));
  import = load_import (argv[1], NULL, &error);
  if (import == NULL)
    return slv_cli_fail_error (g_steal_pointer (&error));
  report = slv_clo_report_import (import, opt_size, opt_outlines);
  if (opt_width > 0 && !add_estimates (import, json_node_get_object (report), &error))
    return slv_cli_fail_error (g_steal_pointer (&error));
  if (opt_json)
    slv_cli_print_json (report);
  else
    print_text (json_node_get_object (report));
  return SLV_CLI_OK;
}

static void
print_cost (SlvCloPlan *plan)
{
  g_autofree char *currency = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  if (slv_clo_plan_cost_delta (plan, &currency, &before, &after, &error))
    printf (_("FOB %s → %s %s (%+.4f)\n"), before, after, currency,
            g_ascii_strtod (after, NULL) - g_ascii_strtod (before, NULL));
  else if (error != NULL)
    printf (_("FOB not computed: %s\n"), error->message);
}

static void
print_plan (SlvCloPlan *plan)
{
  GPtrArray *fabrics = slv_clo_plan_get_fabric_rows (plan);
  GPtrArray *bom = slv_clo_plan_get_bom_rows (plan);
  GPtrArray *diffs = slv_clo_plan_get_piece_diffs (plan);

  printf (_("Size %s\n"), slv_clo_plan_get_size (plan) ? slv_clo_plan_get_size (plan) : "?");
  for (guint i = 0; i < fabrics->len; i++)
    {
      SlvCloFabricRow *r = g_ptr_array_index (fabrics, i);

      if (r->bom_line_id == NULL)
        printf (_("  %-14s → review: %s\n"), r->fabric, r->problem ? r->problem : "");
      else if (r->new_consumption < 0)
        printf (_("  %-14s → %s (%s): %s\n"), r->fabric, r->material_name, r->placement ? r->placement : "",
                r->problem ? r->problem : "");
      else
        printf (_("  %-14s → %s (%s, %.0f %% sure): %.6f → %.6f %s\n      %s\n"), r->fabric,
                r->material_name, r->placement ? r->placement : "", 100 * r->confidence,
                r->old_consumption, r->new_consumption, r->unit, r->estimate->explanation);
      if (r->bom_line_id != NULL && r->new_wastage >= 0)
        printf (_("      wastage %g %% → %g %%: %s\n"), MAX (r->old_wastage, 0), r->new_wastage,
                r->wastage_reason ? r->wastage_reason : "");
    }
  for (guint i = 0; i < bom->len; i++)
    {
      SlvCloBomRow *r = g_ptr_array_index (bom, i);

      printf (_("  BOM row %u “%s”: %s%s%s\n"), r->row, r->name ? r->name : r->code,
              !r->accepted ? _("review (no sure match)") : r->bom_line_id ? _("update ") : _("add "),
              r->accepted ? r->material_name : "", r->accepted ? "" : "");
    }
  for (guint i = 0; i < diffs->len; i++)
    {
      SlvCloPieceDiff *d = g_ptr_array_index (diffs, i);

      printf (_("  piece %s %s: %s\n"), d->name, d->size ? d->size : "", d->status);
    }
  print_cost (plan);
}

static int
run_import (int    argc,
            char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvCloImport) import = NULL;
  g_autoptr(SlvStore) store = NULL;
  g_autoptr(SlvCloPlan) plan = NULL;
  g_autofree char *import_id = NULL;
  SlvCloPlanOptions opt;

  if (!slv_cli_parse ("clo import", "FILE --style CODE WORKSPACE", import_entries, &argc, &argv))
    return SLV_CLI_ERROR;
  if (argc != 3 || opt_style == NULL)
    return slv_cli_fail (_("clo import: give the file, --style CODE and the workspace folder."));
  if (opt_efficiency < 0 || opt_efficiency > 1)
    return slv_cli_fail (_("clo import: --efficiency is a fraction between 0 and 1."));
  store = slv_cli_open_store (argv[2], &error);
  if (store == NULL)
    return slv_cli_fail_error (g_steal_pointer (&error));
  import = load_import (argv[1], store, &error);
  if (import == NULL)
    return slv_cli_fail_error (g_steal_pointer (&error));
  slv_clo_plan_options_init (&opt);
  opt.size = opt_size;
  opt.efficiency = opt_efficiency;
  opt.garments = MAX (opt_garments, 0);
  if (opt_cross_grain)
    opt.rotations |= SLV_NEST_ROTATE_90;
  plan = slv_clo_plan_new (store, import, opt_style, &opt, NULL, &error);
  if (plan == NULL)
    return slv_cli_fail_error (g_steal_pointer (&error));
  if (opt_json)
    {
      g_autoptr(JsonNode) node = slv_clo_plan_to_json (plan);

      slv_cli_print_json (node);
    }
  else
    print_plan (plan);
  if (opt_dry_run)
    return SLV_CLI_OK;
  if (!slv_clo_plan_apply (plan, &import_id, &error))
    return slv_cli_fail_error (g_steal_pointer (&error));
  /* The mapping that worked is the starting point next time. */
  if (slv_clo_import_get_bom_lines (import)->len > 0 &&
      !slv_clo_save_bom_mapping (store, slv_clo_import_get_bom_mapping (import), &error))
    return slv_cli_fail_error (g_steal_pointer (&error));
  fprintf (stderr, _("Imported into %s (import %s; undo with “selvedge-cli clo undo --style %s”).\n"),
           opt_style, import_id, opt_style);
  return slv_clo_plan_count_review (plan) > 0 ? SLV_CLI_PARTIAL : SLV_CLI_OK;
}

static int
run_undo (int    argc,
          char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvStore) store = NULL;
  g_autoptr(SlvEntity) style = NULL;
  g_autofree char *last = NULL;

  if (!slv_cli_parse ("clo undo", "--style CODE WORKSPACE", undo_entries, &argc, &argv))
    return SLV_CLI_ERROR;
  if (argc != 2 || opt_style == NULL)
    return slv_cli_fail (_("clo undo: give --style CODE and the workspace folder."));
  store = slv_cli_open_store (argv[1], &error);
  if (store == NULL)
    return slv_cli_fail_error (g_steal_pointer (&error));
  style = slv_repo_find_by_code (store, SLV_TYPE_STYLE, opt_style, &error);
  if (style == NULL)
    return slv_cli_fail_error (g_steal_pointer (&error));
  last = slv_clo_store_dup_last_import (store, slv_entity_get_id (style), &error);
  if (last == NULL)
    return error ? slv_cli_fail_error (g_steal_pointer (&error))
                 : slv_cli_fail (_("clo undo: %s has no import to undo."), opt_style);
  if (!slv_clo_undo (store, last, &error))
    return slv_cli_fail_error (g_steal_pointer (&error));
  fprintf (stderr, _("Undid import %s of %s.\n"), last, opt_style);
  return SLV_CLI_OK;
}

static int
run_clo (int    argc,
         char **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "inspect"))
    return run_inspect (argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "import"))
    return run_import (argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "undo"))
    return run_undo (argc - 1, argv + 1);
  fprintf (stderr, "%s\n", _("Usage: selvedge-cli clo inspect FILE [--json] [--size SIZE] [--width CM --gsm GSM]\n"
                             "       selvedge-cli clo import FILE --style CODE WORKSPACE [--dry-run] [--json]\n"
                             "       selvedge-cli clo undo --style CODE WORKSPACE"));
  return argc >= 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")) ? SLV_CLI_OK
                                                                                          : SLV_CLI_ERROR;
}

const SlvCliCommand slv_cli_clo_commands[] = {
  { "clo", "inspect|import|undo …", N_("Read CLO 3D exports (DXF, meshes, BOM, ZIP); import them into a style"), run_clo },
  { NULL }
};
