/* slv-clo-apply.c: applying a CLO plan in one transaction, undoing it, and
 * the plan as JSON.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every write is journalled in clo_import.changes as
 *   {"table": …, "id": …, "op": "insert" | "delete" | "update",
 *    "before": {column: old value or null}}
 * "delete" is a tombstone (deleted = 1), so undo restores by tombstoning
 * the inserts, untombstoning the deletes and writing the before-images
 * back, newest change first.
 */
#define G_LOG_DOMAIN "slv-clo-plan"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "slv-clo-plan-private.h"
#include "core/slv-uuid.h"
#include "store/slv-blobs.h"
#include "store/slv-clo-store.h"
#include "core/slv-fract-index.h"

/* Renders on the style's board: their height and the gap between them, in
 * board units (pixels at 100 %). */
#define RENDER_HEIGHT 480.0
#define RENDER_GAP     40.0

typedef struct
{
  SlvCloPlan  *plan;
  char        *import_id;
  JsonBuilder *changes;
  char        *last_position;
} Apply;

static void
journal (Apply       *a,
         const char  *table,
         const char  *id,
         const char  *op,
         GHashTable  *before)
{
  GHashTableIter iter;
  gpointer key, value;

  json_builder_begin_object (a->changes);
  json_builder_set_member_name (a->changes, "table");
  json_builder_add_string_value (a->changes, table);
  json_builder_set_member_name (a->changes, "id");
  json_builder_add_string_value (a->changes, id);
  json_builder_set_member_name (a->changes, "op");
  json_builder_add_string_value (a->changes, op);
  if (before != NULL)
    {
      json_builder_set_member_name (a->changes, "before");
      json_builder_begin_object (a->changes);
      g_hash_table_iter_init (&iter, before);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          json_builder_set_member_name (a->changes, key);
          if (value == NULL)
            json_builder_add_null_value (a->changes);
          else
            json_builder_add_string_value (a->changes, value);
        }
      json_builder_end_object (a->changes);
    }
  json_builder_end_object (a->changes);
}

/* Writes @value into @column of a row, journalling the old value. */
static gboolean
update (Apply       *a,
        const char  *table,
        GHashTable  *row,
        const char  *column,
        const char  *value,
        GError     **error)
{
  const char *id = g_hash_table_lookup (row, "id");
  g_autoptr(GHashTable) before = g_hash_table_new (g_str_hash, g_str_equal);

  if (g_strcmp0 (g_hash_table_lookup (row, column), value) == 0)
    return TRUE;
  g_hash_table_insert (before, (gpointer) column, g_hash_table_lookup (row, column));
  if (!slv_store_update_field (a->plan->store, table, id, column, value, error))
    return FALSE;
  journal (a, table, id, "update", before);
  return TRUE;
}

static char *
bbox_text (SlvBBox b)
{
  char x0[G_ASCII_DTOSTR_BUF_SIZE], y0[G_ASCII_DTOSTR_BUF_SIZE];
  char x1[G_ASCII_DTOSTR_BUF_SIZE], y1[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup_printf ("%s %s %s %s", g_ascii_formatd (x0, sizeof x0, "%.3f", b.x0),
                          g_ascii_formatd (y0, sizeof y0, "%.3f", b.y0),
                          g_ascii_formatd (x1, sizeof x1, "%.3f", b.x1),
                          g_ascii_formatd (y1, sizeof y1, "%.3f", b.y1));
}

static char *
outline_json (SlvPolygon *poly)
{
  g_autoptr(GString) s = g_string_new ("[");
  const SlvPoint *pts = slv_polygon_get_points (poly);
  char x[G_ASCII_DTOSTR_BUF_SIZE], y[G_ASCII_DTOSTR_BUF_SIZE];

  for (guint i = 0; i < slv_polygon_get_n_points (poly); i++)
    g_string_append_printf (s, "%s[%s,%s]", i ? "," : "", g_ascii_formatd (x, sizeof x, "%.3f", pts[i].x),
                            g_ascii_formatd (y, sizeof y, "%.3f", pts[i].y));
  g_string_append_c (s, ']');
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static gboolean
insert_piece (Apply            *a,
              SlvPatternSet    *set,
              SlvPatternPiece  *p,
              GError          **error)
{
  g_autofree char *id = NULL;
  g_autofree char *qty = g_strdup_printf ("%u", slv_pattern_piece_get_quantity (p));
  g_autofree char *area = slv_clo_format_decimal (slv_pattern_piece_get_area (p));
  double uf = slv_pattern_piece_get_unfolded_area (p);
  double grain = slv_pattern_piece_get_grain_angle (p);
  g_autofree char *unfolded = uf >= 0 ? slv_clo_format_decimal (uf) : NULL;
  g_autofree char *perimeter = slv_clo_format_decimal (slv_pattern_piece_get_perimeter (p));
  g_autofree char *bbox = bbox_text (slv_pattern_piece_get_bbox (p));
  g_autofree char *grain_text = grain >= 0 ? slv_clo_format_decimal (grain) : NULL;
  g_autofree char *outline = outline_json (slv_pattern_piece_get_cut_outline (p));
  GArray *cuts = slv_pattern_piece_get_cuts (p);

  if (!slv_store_insert (a->plan->store, "pattern_piece", &id, error,
                         "brand_id", a->plan->brand_id, "style_id", a->plan->style_id,
                         "source", slv_pattern_set_get_source (set),
                         "block", slv_pattern_piece_get_block (p), "name", slv_pattern_piece_get_name (p),
                         "size", slv_pattern_piece_get_size (p), "quantity", qty,
                         "quantity_text", slv_pattern_piece_get_quantity_text (p),
                         "category", slv_pattern_piece_get_category (p),
                         "annotation", slv_pattern_piece_get_annotation (p),
                         "fabric", cuts->len ? g_array_index (cuts, SlvCut, 0).fabric : NULL,
                         "area_mm2", area, "unfolded_area_mm2", unfolded, "perimeter_mm", perimeter,
                         "bbox", bbox, "grain_angle", grain_text, "outline", outline,
                         "panel_id", slv_pattern_piece_get_panel_id (p), "import_id", a->import_id, NULL))
    return FALSE;
  journal (a, "pattern_piece", id, "insert", NULL);
  return TRUE;
}

static gboolean
replace_pieces (Apply   *a,
                GError **error)
{
  GPtrArray *sets = slv_clo_import_get_pattern_sets (a->plan->import);

  if (sets->len == 0)
    return TRUE;   /* a mesh- or BOM-only import leaves the pieces alone */
  for (guint i = 0; i < a->plan->old_pieces->len; i++)
    {
      const char *id = g_hash_table_lookup (g_ptr_array_index (a->plan->old_pieces, i), "id");

      if (!slv_store_set_deleted (a->plan->store, "pattern_piece", id, TRUE, error))
        return FALSE;
      journal (a, "pattern_piece", id, "delete", NULL);
    }
  for (guint s = 0; s < sets->len; s++)
    {
      SlvPatternSet *set = g_ptr_array_index (sets, s);
      GPtrArray *pieces = slv_pattern_set_get_pieces (set);

      for (guint i = 0; i < pieces->len; i++)
        if (!insert_piece (a, set, g_ptr_array_index (pieces, i), error))
          return FALSE;
    }
  return TRUE;
}

static gboolean
insert_line (Apply             *a,
             SlvCloLineChange  *c,
             GError           **error)
{
  g_autofree char *id = NULL;
  g_autofree char *position = g_strconcat (a->last_position ? a->last_position : "a", "m", NULL);

  g_free (a->last_position);
  a->last_position = g_strdup (position);
  if (!slv_store_insert (a->plan->store, "bom_line", &id, error,
                         "brand_id", a->plan->brand_id, "costing_id", a->plan->costing_id,
                         "style_id", a->plan->style_id, "position", position,
                         "material_id", g_hash_table_lookup (c->fields, "material_id"),
                         "placement", g_hash_table_lookup (c->fields, "placement"),
                         "consumption", g_hash_table_lookup (c->fields, "consumption"),
                         "unit", g_hash_table_lookup (c->fields, "unit"),
                         "wastage_pct", g_hash_table_lookup (c->fields, "wastage_pct"),
                         "note", g_hash_table_lookup (c->fields, "note"), NULL))
    return FALSE;
  journal (a, "bom_line", id, "insert", NULL);
  return TRUE;
}

/* The pattern's fabric lines (consumption, calc, wastage) and the BOM
 * CSV's lines, as slv_clo_plan_dup_line_changes() lists them. */
static gboolean
apply_line_changes (Apply   *a,
                    GError **error)
{
  g_autoptr(GPtrArray) changes = slv_clo_plan_dup_line_changes (a->plan);
  GPtrArray *lines = a->plan->bom_lines;

  if (lines->len > 0)
    a->last_position = g_strdup (g_hash_table_lookup (g_ptr_array_index (lines, lines->len - 1), "position"));
  for (guint i = 0; i < changes->len; i++)
    {
      SlvCloLineChange *c = g_ptr_array_index (changes, i);
      GHashTable *line = c->is_new ? NULL : slv_clo_plan_find_line (a->plan, c->id);
      GHashTableIter iter;
      gpointer column, value;

      if (c->is_new)
        {
          if (!insert_line (a, c, error))
            return FALSE;
          continue;
        }
      g_hash_table_iter_init (&iter, c->fields);
      while (g_hash_table_iter_next (&iter, &column, &value))
        if (!update (a, "bom_line", line, column, value, error))
          return FALSE;
    }
  return TRUE;
}

/* The style's board, made for it when it has none (journalled). */
static char *
style_board (Apply       *a,
             GHashTable  *style,
             double      *right,
             double      *top,
             char       **top_z,
             GError     **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(GHashTable) found = slv_clo_store_find_style_board (a->plan->store, a->plan->style_id, &local);
  g_autofree char *name = NULL;
  char *id = NULL;

  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  if (found != NULL)
    {
      const char *r = g_hash_table_lookup (found, "right"), *t = g_hash_table_lookup (found, "top");

      *right = r ? g_ascii_strtod (r, NULL) + RENDER_GAP : 0;
      *top = t ? g_ascii_strtod (t, NULL) : 0;
      *top_z = g_strdup (g_hash_table_lookup (found, "top_z"));
      return g_strdup (g_hash_table_lookup (found, "board_id"));
    }
  /* the style's code and name, as its card shows them */
  name = g_strdup_printf ("%s %s", (char *) g_hash_table_lookup (style, "code"),
                          (char *) g_hash_table_lookup (style, "name"));
  if (!slv_store_insert (a->plan->store, "board", &id, error, "brand_id", a->plan->brand_id,
                         "collection_id", g_hash_table_lookup (style, "collection_id"), "name", name, NULL))
    return NULL;
  journal (a, "board", id, "insert", NULL);
  *right = *top = 0;
  *top_z = NULL;
  return id;
}

/* Each render as an image on the style's board, in a row to the right of
 * what is there, RENDER_HEIGHT board units high. */
static gboolean
place_renders (Apply      *a,
               GPtrArray  *renders,
               GStrv       shas,
               GError    **error)
{
  g_autoptr(GHashTable) style = slv_clo_store_get_row (a->plan->store, "style", a->plan->style_id, error);
  g_autofree char *board = NULL;
  g_autofree char *z = NULL;
  double x, y;

  if (style == NULL || (board = style_board (a, style, &x, &y, &z, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < renders->len; i++)
    {
      SlvCloFile *f = g_ptr_array_index (renders, i);
      double w = f->height > 0 ? RENDER_HEIGHT * f->width / f->height : RENDER_HEIGHT;
      char xs[G_ASCII_DTOSTR_BUF_SIZE], ys[G_ASCII_DTOSTR_BUF_SIZE], ws[G_ASCII_DTOSTR_BUF_SIZE],
           hs[G_ASCII_DTOSTR_BUF_SIZE];
      g_autofree char *item = NULL;
      char *next = slv_fract_index_between (z, NULL);

      g_free (z);
      z = next;
      if (z == NULL || !slv_store_insert (a->plan->store, "board_item", &item, error, "brand_id", a->plan->brand_id,
                                          "board_id", board, "kind", "image",
                                          "x", g_ascii_dtostr (xs, sizeof xs, x), "y", g_ascii_dtostr (ys, sizeof ys, y),
                                          "w", g_ascii_dtostr (ws, sizeof ws, w),
                                          "h", g_ascii_dtostr (hs, sizeof hs, RENDER_HEIGHT),
                                          "z", z, "blob", shas[i], "text", f->name, NULL))
        {
          if (z == NULL)
            g_set_error (error, SLV_STORE_ERROR, SLV_STORE_ERROR_INVALID,
                         _("The board’s stacking order has no room for the renders; move an item on it and try again."));
          return FALSE;
        }
      journal (a, "board_item", item, "insert", NULL);
      x += w + RENDER_GAP;
    }
  return TRUE;
}

static gboolean
store_renders (Apply   *a,
               GError **error)
{
  GPtrArray *renders = slv_clo_import_get_renders (a->plan->import);
  g_auto(GStrv) shas = g_new0 (char *, renders->len + 1);
  const char *first;

  for (guint i = 0; i < renders->len; i++)
    {
      SlvCloFile *f = g_ptr_array_index (renders, i);

      shas[i] = slv_blobs_put_file (a->plan->store, f->path, f->mime, f->width, f->height, error);
      if (shas[i] == NULL)
        return FALSE;
    }
  if (renders->len > 0 && !place_renders (a, renders, shas, error))
    return FALSE;
  first = shas[0];
  if (first != NULL && a->plan->cover_blob == NULL)
    {
      g_autoptr(GHashTable) style = slv_clo_store_get_row (a->plan->store, "style", a->plan->style_id, error);

      return style != NULL && update (a, "style", style, "cover_blob", first, error);
    }
  return TRUE;
}

static char *
summary_json (SlvCloPlan *plan)
{
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = slv_clo_plan_to_json (plan);

  json_generator_set_root (gen, root);
  return json_generator_to_data (gen, NULL);
}

static gboolean
apply_tx (SlvStore  *store,
          gpointer   user_data,
          GError   **error)
{
  Apply *a = user_data;
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *changes = NULL;
  g_autofree char *summary = NULL;

  json_builder_begin_array (a->changes);
  if (!replace_pieces (a, error) || !apply_line_changes (a, error) || !store_renders (a, error))
    return FALSE;
  json_builder_end_array (a->changes);
  root = json_builder_get_root (a->changes);
  json_generator_set_root (gen, root);
  changes = json_generator_to_data (gen, NULL);
  summary = summary_json (a->plan);
  return slv_clo_store_record_import (store, a->import_id, a->plan->style_id,
                                      slv_clo_import_get_source (a->plan->import), summary, changes,
                                      NULL, error);
}

gboolean
slv_clo_plan_apply (SlvCloPlan  *self,
                    char       **out_import_id,
                    GError     **error)
{
  Apply a = { self, slv_uuid_v7_new (), json_builder_new (), NULL };
  gboolean ok;

  g_return_val_if_fail (SLV_IS_CLO_PLAN (self), FALSE);

  ok = slv_store_transaction (self->store, apply_tx, &a, error);
  if (ok && out_import_id != NULL)
    *out_import_id = g_strdup (a.import_id);
  g_free (a.import_id);
  g_free (a.last_position);
  g_object_unref (a.changes);
  return ok;
}

/* -- undo -- */

typedef struct
{
  const char *import_id;
  JsonArray  *changes;
} Undo;

static gboolean
undo_change (SlvStore    *store,
             JsonObject  *change,
             GError     **error)
{
  const char *table = json_object_get_string_member_with_default (change, "table", "");
  const char *id = json_object_get_string_member_with_default (change, "id", "");
  const char *op = json_object_get_string_member_with_default (change, "op", "");
  JsonObject *before;
  g_autoptr(GList) columns = NULL;

  if (g_str_equal (op, "insert"))
    return slv_store_set_deleted (store, table, id, TRUE, error);
  if (g_str_equal (op, "delete"))
    return slv_store_set_deleted (store, table, id, FALSE, error);
  before = json_object_get_object_member (change, "before");
  if (before == NULL)
    return TRUE;
  columns = json_object_get_members (before);
  for (GList *l = columns; l != NULL; l = l->next)
    {
      JsonNode *v = json_object_get_member (before, l->data);

      if (!slv_store_update_field (store, table, id, l->data,
                                   JSON_NODE_HOLDS_NULL (v) ? NULL : json_node_get_string (v), error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
undo_tx (SlvStore  *store,
         gpointer   user_data,
         GError   **error)
{
  Undo *u = user_data;

  for (guint i = json_array_get_length (u->changes); i-- > 0; )
    if (!undo_change (store, json_array_get_object_element (u->changes, i), error))
      return FALSE;
  return slv_clo_store_mark_undone (store, u->import_id, error);
}

gboolean
slv_clo_undo (SlvStore    *store,
              const char  *import_id,
              GError     **error)
{
  g_autoptr(GHashTable) row = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *newest = NULL;
  Undo u = { import_id, NULL };

  g_return_val_if_fail (SLV_IS_STORE (store) && import_id != NULL, FALSE);

  row = slv_clo_store_get_row (store, "clo_import", import_id, error);
  if (row == NULL)
    return FALSE;
  newest = slv_clo_store_dup_last_import (store, g_hash_table_lookup (row, "style_id"), NULL);
  if (g_hash_table_contains (row, "undone_at") || g_strcmp0 (newest, import_id) != 0)
    {
      g_set_error (error, SLV_CLO_ERROR, SLV_CLO_ERROR_UNDO,
                   g_hash_table_contains (row, "undone_at")
                   ? _("This import was already undone.")
                   : _("A newer import of this style exists; undo that one first."));
      return FALSE;
    }
  if (!json_parser_load_from_data (parser, g_hash_table_lookup (row, "changes"), -1, error))
    return FALSE;
  if (!JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)))
    {
      g_set_error (error, SLV_CLO_ERROR, SLV_CLO_ERROR_UNDO, _("The import's journal is damaged."));
      return FALSE;
    }
  u.changes = json_node_get_array (json_parser_get_root (parser));
  return slv_store_transaction (store, undo_tx, &u, error);
}

static void
undo_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;

  if (slv_clo_undo (SLV_STORE (source_object), task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
slv_clo_undo_async (SlvStore            *store,
                    const char          *import_id,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SLV_IS_STORE (store) && import_id != NULL);
  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, slv_clo_undo_async);
  g_task_set_task_data (task, g_strdup (import_id), g_free);
  g_task_run_in_thread (task, undo_thread);
}

gboolean
slv_clo_undo_finish (SlvStore      *store,
                     GAsyncResult  *result,
                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* -- the saved BOM mapping -- */

#define MAPPING_KEY "clo.bom-mapping"

SlvBomMapping *
slv_clo_dup_saved_bom_mapping (SlvStore *store)
{
  g_autofree char *json = slv_store_dup_meta (store, MAPPING_KEY);
  SlvBomMapping *mapping = json ? slv_bom_mapping_new_from_json (json, NULL) : NULL;

  return mapping ? mapping : slv_bom_mapping_new ();
}

gboolean
slv_clo_save_bom_mapping (SlvStore             *store,
                          const SlvBomMapping  *mapping,
                          GError              **error)
{
  g_autofree char *json = slv_bom_mapping_to_json (mapping);

  return slv_store_set_meta (store, MAPPING_KEY, json, error);
}
