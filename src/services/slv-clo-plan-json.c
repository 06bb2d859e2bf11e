/* slv-clo-plan-json.c: a plan as JSON (CLI output, journal summary).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-clo-plan"

#include "config.h"

#include <math.h>

#include "slv-clo-plan-private.h"
#include "slv-clo-report.h"

static void
member_string (JsonBuilder *b,
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
member_number (JsonBuilder *b,
               const char  *name,
               double       value,
               gboolean     known)
{
  json_builder_set_member_name (b, name);
  if (!known || !isfinite (value))
    json_builder_add_null_value (b);
  else
    json_builder_add_double_value (b, round (value * 1e6) / 1e6);
}

static void
add_fabric (JsonBuilder     *b,
            SlvCloFabricRow *r)
{
  gboolean has_old = r->old_consumption >= 0, has_new = r->new_consumption >= 0;

  json_builder_begin_object (b);
  member_string (b, "fabric", r->fabric);
  member_string (b, "bom_line_id", r->bom_line_id);
  member_string (b, "material_code", r->material_code);
  member_string (b, "material_name", r->material_name);
  member_string (b, "placement", r->placement);
  member_string (b, "unit", r->unit);
  member_number (b, "confidence", r->confidence, r->bom_line_id != NULL);
  member_string (b, "reason", r->reason);
  member_number (b, "old_consumption", r->old_consumption, has_old);
  member_number (b, "new_consumption", r->new_consumption, has_new);
  member_number (b, "delta", r->new_consumption - r->old_consumption, has_old && has_new);
  member_number (b, "old_wastage_pct", r->old_wastage, r->old_wastage >= 0);
  member_number (b, "new_wastage_pct", r->new_wastage, r->new_wastage >= 0);
  member_string (b, "wastage_reason", r->wastage_reason);
  json_builder_set_member_name (b, "estimate");
  if (r->estimate != NULL && r->estimate->fabric != NULL)
    json_builder_add_value (b, slv_clo_report_estimate (r->estimate, FALSE));
  else
    json_builder_add_null_value (b);
  member_string (b, "problem", r->problem);
  json_builder_end_object (b);
}

static void
add_bom (JsonBuilder  *b,
         SlvCloBomRow *r)
{
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "row");
  json_builder_add_int_value (b, r->row);
  member_string (b, "code", r->code);
  member_string (b, "name", r->name);
  member_string (b, "placement", r->placement);
  member_string (b, "consumption", r->consumption);
  member_string (b, "unit", r->unit);
  member_string (b, "wastage", r->wastage);
  member_string (b, "material_id", r->material_id);
  member_string (b, "material_code", r->material_code);
  member_string (b, "material_name", r->material_name);
  member_number (b, "confidence", r->confidence, TRUE);
  member_string (b, "reason", r->reason);
  member_string (b, "action", !r->accepted ? "review" : r->bom_line_id ? "update" : "add");
  member_string (b, "bom_line_id", r->bom_line_id);
  json_builder_end_object (b);
}

static void
add_diff (JsonBuilder     *b,
          SlvCloPieceDiff *d)
{
  json_builder_begin_object (b);
  member_string (b, "name", d->name);
  member_string (b, "size", d->size);
  member_string (b, "status", d->status);
  member_number (b, "old_cut_area_mm2", d->old_area_mm2, d->old_area_mm2 >= 0);
  member_number (b, "new_cut_area_mm2", d->new_area_mm2, d->new_area_mm2 >= 0);
  json_builder_set_member_name (b, "old_quantity");
  json_builder_add_int_value (b, d->old_quantity);
  json_builder_set_member_name (b, "new_quantity");
  json_builder_add_int_value (b, d->new_quantity);
  json_builder_end_object (b);
}

static void
add_cost (JsonBuilder *b,
          SlvCloPlan  *self)
{
  g_autofree char *currency = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  json_builder_set_member_name (b, "cost");
  if (!slv_clo_plan_cost_delta (self, &currency, &before, &after, &error))
    {
      /* No cost function, or pricing failed: say which. */
      json_builder_begin_object (b);
      member_string (b, "status", error ? "error" : "not-available");
      member_string (b, "message", error ? error->message : NULL);
      json_builder_end_object (b);
      return;
    }
  json_builder_begin_object (b);
  member_string (b, "status", "ok");
  member_string (b, "currency", currency);
  member_string (b, "before", before);
  member_string (b, "after", after);
  json_builder_end_object (b);
}

JsonNode *
slv_clo_plan_to_json (SlvCloPlan *self)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(GPtrArray) warnings = slv_clo_import_dup_warnings (self->import);

  json_builder_begin_object (b);
  member_string (b, "source", slv_clo_import_get_source (self->import));
  member_string (b, "style", self->style_code);
  member_string (b, "style_id", self->style_id);
  member_string (b, "costing_id", self->costing_id);
  member_string (b, "size", self->size);
  json_builder_set_member_name (b, "fabrics");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->fabrics->len; i++)
    add_fabric (b, g_ptr_array_index (self->fabrics, i));
  json_builder_end_array (b);
  json_builder_set_member_name (b, "bom");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->bom->len; i++)
    add_bom (b, g_ptr_array_index (self->bom, i));
  json_builder_end_array (b);
  json_builder_set_member_name (b, "pieces");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->diffs->len; i++)
    add_diff (b, g_ptr_array_index (self->diffs, i));
  json_builder_end_array (b);
  json_builder_set_member_name (b, "review");
  json_builder_add_int_value (b, slv_clo_plan_count_review (self));
  add_cost (b, self);
  json_builder_set_member_name (b, "warnings");
  json_builder_add_value (b, slv_clo_report_warnings (warnings));
  json_builder_end_object (b);
  return json_builder_get_root (b);
}
