/* slv-clo-changes.c: what applying a CLO plan writes to the BOM lines —
 * shared by the apply and by the cost delta, so the priced "after" is
 * exactly what gets written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-clo-plan"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "slv-clo-plan-private.h"

static void
line_change_free (gpointer data)
{
  SlvCloLineChange *c = data;

  g_free (c->id);
  g_hash_table_unref (c->fields);
  g_free (c);
}

/* The root object of a bom_line.calc text, or NULL. */
static JsonObject *
parse_calc (JsonParser *parser,
            const char *text)
{
  JsonNode *root;

  if (text == NULL || *text == '\0' || !json_parser_load_from_data (parser, text, -1, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  return root != NULL && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
}

/* -- the wastage rule -- */

/* Did the line's old figure already come out of a marker? Then its
 * wastage % already meant losses outside the marker. */
static gboolean
calc_has_marker (JsonObject *calc)
{
  const char *method = calc ? json_object_get_string_member_with_default (calc, "method", "") : "";
  JsonNode *eff;

  if (g_str_equal (method, "clo-pattern"))
    return TRUE;
  if (!g_str_equal (method, "woven"))
    return FALSE;
  if (json_object_has_member (calc, "cut_weight"))
    return TRUE;
  eff = json_object_get_member (calc, "marker_efficiency");
  if (eff == NULL || !JSON_NODE_HOLDS_VALUE (eff))
    return FALSE;
  return json_node_get_value_type (eff) == G_TYPE_STRING
         ? g_ascii_strtod (json_node_get_string (eff), NULL) < 100
         : json_node_get_double (eff) < 100;
}

void
slv_clo_plan_wastage_rule (GHashTable      *line,
                           SlvCloFabricRow *row)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *text = line ? g_hash_table_lookup (line, "wastage_pct") : NULL;
  char *end = NULL;
  double old = text ? g_ascii_strtod (text, &end) : -1;

  g_clear_pointer (&row->wastage_reason, g_free);
  row->old_wastage = text != NULL && end != text && isfinite (old) ? old : -1;
  if (line == NULL)
    {
      row->new_wastage = -1;
      return;
    }
  if (calc_has_marker (parse_calc (parser, g_hash_table_lookup (line, "calc"))))
    {
      row->new_wastage = MAX (row->old_wastage, 0);
      row->wastage_reason = g_strdup (_("kept: the old figure already came from a marker, so the wastage "
                                        "counts only losses outside it"));
    }
  else
    {
      row->new_wastage = 0;
      row->wastage_reason = g_strdup (_("cutting waste is now in the marker efficiency, so the wastage "
                                        "that stood for it goes to 0 %; set one for losses outside the "
                                        "marker if you have them"));
    }
}

/* -- bom_line.calc -- */

static char *
calc_json (SlvCloPlan      *plan,
           SlvCloFabricRow *row,
           GHashTable      *line)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *source = g_path_get_basename (slv_clo_import_get_source (plan->import));
  JsonObject *old = parse_calc (parser, g_hash_table_lookup (line, "calc"));
  SlvFabricEstimate *e = row->estimate;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "method");
  json_builder_add_string_value (b, "clo-pattern");
  json_builder_set_member_name (b, "source");
  json_builder_add_string_value (b, source);
  json_builder_set_member_name (b, "size");
  json_builder_add_string_value (b, plan->size ? plan->size : "");
  json_builder_set_member_name (b, "fabric");
  json_builder_add_string_value (b, row->fabric);
  json_builder_set_member_name (b, "net_m2");
  json_builder_add_double_value (b, e->figures.net_m2);
  json_builder_set_member_name (b, "efficiency");
  json_builder_add_double_value (b, e->efficiency);
  json_builder_set_member_name (b, "efficiency_source");
  json_builder_add_string_value (b, e->overridden ? "user" : "nesting");
  json_builder_set_member_name (b, "pieces");
  json_builder_add_int_value (b, e->pieces);
  json_builder_set_member_name (b, "cuts");
  json_builder_add_int_value (b, e->cuts);
  json_builder_set_member_name (b, "width_cm");
  json_builder_add_double_value (b, e->width_cm);
  json_builder_set_member_name (b, "gsm");
  json_builder_add_double_value (b, e->gsm);
  json_builder_set_member_name (b, "explanation");
  json_builder_add_string_value (b, e->explanation);
  /* The consumption changes, not the price: keep the line's price chain. */
  if (old != NULL && json_object_has_member (old, "price"))
    {
      json_builder_set_member_name (b, "price");
      json_builder_add_value (b, json_node_copy (json_object_get_member (old, "price")));
    }
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  return json_generator_to_data (gen, NULL);
}

/* -- the changes -- */

static SlvCloLineChange *
change_for (GPtrArray  *changes,
            const char *id,
            gboolean    is_new)
{
  SlvCloLineChange *c;

  for (guint i = 0; !is_new && i < changes->len; i++)
    if (g_str_equal (((SlvCloLineChange *) g_ptr_array_index (changes, i))->id, id))
      return g_ptr_array_index (changes, i);
  c = g_new0 (SlvCloLineChange, 1);
  c->id = g_strdup (id);
  c->is_new = is_new;
  c->fields = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_ptr_array_add (changes, c);
  return c;
}

/* Sets @column when it differs from the line's current text. */
static void
set_field (SlvCloLineChange *c,
           GHashTable       *line,
           const char       *column,
           char             *value)
{
  if (line != NULL && g_strcmp0 (g_hash_table_lookup (line, column), value) == 0)
    {
      g_free (value);
      return;
    }
  g_hash_table_replace (c->fields, (gpointer) g_intern_static_string (column), value);
}

static gboolean
fabric_owns (SlvCloPlan *plan,
             const char *bom_line_id)
{
  for (guint i = 0; i < plan->fabrics->len; i++)
    {
      SlvCloFabricRow *row = g_ptr_array_index (plan->fabrics, i);

      if (g_strcmp0 (row->bom_line_id, bom_line_id) == 0 && row->new_consumption >= 0 && row->estimate != NULL)
        return TRUE;
    }
  return FALSE;
}

static void
add_fabric_changes (SlvCloPlan *self,
                    GPtrArray  *changes)
{
  for (guint i = 0; i < self->fabrics->len; i++)
    {
      SlvCloFabricRow *row = g_ptr_array_index (self->fabrics, i);
      GHashTable *line = slv_clo_plan_find_line (self, row->bom_line_id);
      SlvCloLineChange *c;

      if (line == NULL || row->new_consumption < 0 || row->estimate == NULL)
        continue;
      c = change_for (changes, row->bom_line_id, FALSE);
      set_field (c, line, "consumption", slv_clo_format_decimal (row->new_consumption));
      set_field (c, line, "calc", calc_json (self, row, line));
      if (row->new_wastage >= 0)
        {
          g_autofree char *w = slv_clo_format_decimal (row->new_wastage);

          /* "8.000000" and "8" are the same wastage: keep the line's text. */
          if (row->old_wastage < 0 || fabs (row->new_wastage - row->old_wastage) > 1e-9)
            set_field (c, line, "wastage_pct", g_steal_pointer (&w));
        }
    }
}

static void
add_bom_changes (SlvCloPlan *self,
                 GPtrArray  *changes)
{
  guint n_new = 0;

  for (guint i = 0; i < self->bom->len; i++)
    {
      SlvCloBomRow *row = g_ptr_array_index (self->bom, i);
      GHashTable *line = slv_clo_plan_find_line (self, row->bom_line_id);
      SlvCloLineChange *c;

      if (!row->accepted || row->material_id == NULL)
        continue;
      if (line != NULL)
        {
          /* The pattern's geometry decides a fabric line's consumption, and
           * the CSV's wastage went with the CSV's consumption. */
          gboolean owned = fabric_owns (self, row->bom_line_id);

          c = change_for (changes, row->bom_line_id, FALSE);
          if (row->consumption != NULL && !owned)
            set_field (c, line, "consumption", g_strdup (row->consumption));
          if (row->wastage != NULL && !owned)
            set_field (c, line, "wastage_pct", g_strdup (row->wastage));
          if (row->placement != NULL)
            set_field (c, line, "placement", g_strdup (row->placement));
          continue;
        }
      {
        g_autofree char *id = g_strdup_printf ("new:%u", ++n_new);

        c = change_for (changes, id, TRUE);
      }
      set_field (c, NULL, "material_id", g_strdup (row->material_id));
      if (row->placement != NULL)
        set_field (c, NULL, "placement", g_strdup (row->placement));
      set_field (c, NULL, "consumption", g_strdup (row->consumption ? row->consumption : "0"));
      set_field (c, NULL, "unit", g_strdup (row->unit ? row->unit : "PC"));
      set_field (c, NULL, "wastage_pct", g_strdup (row->wastage ? row->wastage : "0"));
      set_field (c, NULL, "note", g_strdup (_("added by a CLO import")));
    }
}

GPtrArray *
slv_clo_plan_dup_line_changes (SlvCloPlan *self)
{
  GPtrArray *changes = g_ptr_array_new_with_free_func (line_change_free);

  add_fabric_changes (self, changes);
  add_bom_changes (self, changes);
  /* A line the CSV names but leaves as it is needs no write. */
  for (guint i = changes->len; i-- > 0; )
    if (g_hash_table_size (((SlvCloLineChange *) g_ptr_array_index (changes, i))->fields) == 0)
      g_ptr_array_remove_index (changes, i);
  return changes;
}
