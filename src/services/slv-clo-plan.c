/* slv-clo-plan.c: matching an import to a style and computing the changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-clo-plan"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>

#include "slv-clo-plan-private.h"
#include "core/slv-style.h"
#include "store/slv-clo-store.h"
#include "store/slv-repo.h"

G_DEFINE_FINAL_TYPE (SlvCloPlan, slv_clo_plan, G_TYPE_OBJECT)

/* The pricing engine's unless replaced (slv-clo-cost.c). */
static SlvCloCostFunc cost_func = slv_clo_pricing_cost;
static gpointer cost_data;

/* -- rows -- */

static void
fabric_row_free (gpointer data)
{
  SlvCloFabricRow *r = data;

  g_free (r->fabric);
  g_free (r->bom_line_id);
  g_free (r->material_code);
  g_free (r->material_name);
  g_free (r->placement);
  g_free (r->unit);
  g_free (r->reason);
  g_free (r->problem);
  g_free (r->wastage_reason);
  g_clear_pointer (&r->estimate, slv_fabric_estimate_free);
  g_free (r);
}

static void
bom_row_free (gpointer data)
{
  SlvCloBomRow *r = data;

  g_free (r->code);
  g_free (r->name);
  g_free (r->placement);
  g_free (r->consumption);
  g_free (r->unit);
  g_free (r->wastage);
  g_free (r->material_id);
  g_free (r->material_code);
  g_free (r->material_name);
  g_free (r->reason);
  g_free (r->bom_line_id);
  g_free (r);
}

static void
diff_free (gpointer data)
{
  SlvCloPieceDiff *d = data;

  g_free (d->name);
  g_free (d->size);
  g_free (d->status);
  g_free (d);
}

static void
slv_clo_plan_finalize (GObject *object)
{
  SlvCloPlan *self = SLV_CLO_PLAN (object);

  g_clear_object (&self->store);
  g_clear_object (&self->import);
  g_free (self->size);
  g_free (self->style_id);
  g_free (self->style_code);
  g_free (self->brand_id);
  g_free (self->costing_id);
  g_free (self->cover_blob);
  g_clear_pointer (&self->bom_lines, g_ptr_array_unref);
  g_clear_pointer (&self->materials, g_ptr_array_unref);
  g_clear_pointer (&self->old_pieces, g_ptr_array_unref);
  g_ptr_array_unref (self->fabrics);
  g_ptr_array_unref (self->bom);
  g_ptr_array_unref (self->diffs);

  G_OBJECT_CLASS (slv_clo_plan_parent_class)->finalize (object);
}

static void
slv_clo_plan_class_init (SlvCloPlanClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = slv_clo_plan_finalize;
}

static void
slv_clo_plan_init (SlvCloPlan *self)
{
  self->fabrics = g_ptr_array_new_with_free_func (fabric_row_free);
  self->bom = g_ptr_array_new_with_free_func (bom_row_free);
  self->diffs = g_ptr_array_new_with_free_func (diff_free);
}

void
slv_clo_plan_options_init (SlvCloPlanOptions *options)
{
  g_return_if_fail (options != NULL);

  options->size = NULL;
  options->efficiency = 0;
  options->garments = 0;
  options->rotations = SLV_NEST_ROTATE_180;
  options->gap_mm = 0;
}

void
slv_clo_set_cost_func (SlvCloCostFunc func,
                       gpointer       user_data)
{
  cost_func = func;
  cost_data = user_data;
}

char *
slv_clo_format_decimal (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.6f", value));
}

static double
parse_decimal (const char *text)
{
  char *end = NULL;
  double v;

  if (text == NULL)
    return -1;
  v = g_ascii_strtod (text, &end);
  return (end != text && isfinite (v)) ? v : -1;
}

/* -- the style -- */

static gboolean
load_style (SlvCloPlan  *self,
            const char  *code,
            GError     **error)
{
  g_autoptr(SlvEntity) style = slv_repo_find_by_code (self->store, SLV_TYPE_STYLE, code, NULL);
  g_autoptr(GHashTable) row = NULL;
  g_autoptr(GListStore) materials = NULL;

  if (style == NULL)
    {
      g_set_error (error, SLV_CLO_ERROR, SLV_CLO_ERROR_NO_STYLE,
                   _("There is no style with the code “%s” in this workspace."), code);
      return FALSE;
    }
  self->style_id = g_strdup (slv_entity_get_id (style));
  self->style_code = g_strdup (code);
  row = slv_clo_store_get_row (self->store, "style", self->style_id, error);
  if (row == NULL)
    return FALSE;
  self->brand_id = g_strdup (g_hash_table_lookup (row, "brand_id"));
  self->cover_blob = g_strdup (g_hash_table_lookup (row, "cover_blob"));
  self->costing_id = slv_clo_store_dup_base_costing (self->store, self->style_id, error);
  if (self->costing_id == NULL)
    return FALSE;
  self->bom_lines = slv_clo_store_list_bom_lines (self->store, self->costing_id, error);
  self->old_pieces = self->bom_lines ? slv_clo_store_list_pieces (self->store, self->style_id, error) : NULL;
  materials = self->old_pieces ? slv_repo_list (self->store, SLV_TYPE_MATERIAL, NULL, error) : NULL;
  if (materials == NULL)
    return FALSE;
  self->materials = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (materials)); i++)
    g_ptr_array_add (self->materials, g_list_model_get_item (G_LIST_MODEL (materials), i));
  return TRUE;
}

static gboolean
choose_size (SlvCloPlan  *self,
             GError     **error)
{
  g_autoptr(GPtrArray) sizes = slv_clo_import_dup_sizes (self->import);
  g_autoptr(GHashTable) row = slv_clo_store_get_row (self->store, "style", self->style_id, NULL);
  const char *base = row ? g_hash_table_lookup (row, "base_size") : NULL;
  const char *want = self->options.size;

  if (want != NULL)
    {
      if (!g_ptr_array_find_with_equal_func (sizes, want, g_str_equal, NULL))
        {
          g_autofree char *list = NULL;

          g_ptr_array_add (sizes, NULL);
          list = g_strjoinv (", ", (char **) sizes->pdata);
          g_set_error (error, SLV_CLO_ERROR, SLV_CLO_ERROR_NO_SIZE,
                       _("Size “%s” is not in the pattern; it has %s."), want, list);
          return FALSE;
        }
      self->size = g_strdup (want);
    }
  else if (base != NULL && g_ptr_array_find_with_equal_func (sizes, base, g_str_equal, NULL))
    self->size = g_strdup (base);
  else
    self->size = g_strdup (slv_clo_import_get_sample_size (self->import));
  return TRUE;
}

GHashTable *
slv_clo_plan_find_line (SlvCloPlan *self,
                        const char *bom_line_id)
{
  for (guint i = 0; bom_line_id != NULL && i < self->bom_lines->len; i++)
    {
      GHashTable *line = g_ptr_array_index (self->bom_lines, i);

      if (g_strcmp0 (g_hash_table_lookup (line, "id"), bom_line_id) == 0)
        return line;
    }
  return NULL;
}

/* -- fabric rows -- */

static void
set_line (SlvCloFabricRow *row,
          GHashTable      *line)
{
  g_free (row->bom_line_id);
  g_free (row->material_code);
  g_free (row->material_name);
  g_free (row->placement);
  g_free (row->unit);
  row->bom_line_id = line ? g_strdup (g_hash_table_lookup (line, "id")) : NULL;
  row->material_code = line ? g_strdup (g_hash_table_lookup (line, "material_code")) : NULL;
  row->material_name = line ? g_strdup (g_hash_table_lookup (line, "material_name")) : NULL;
  row->placement = line ? g_strdup (g_hash_table_lookup (line, "placement")) : NULL;
  row->unit = line ? g_strdup (g_hash_table_lookup (line, "unit")) : NULL;
  row->old_consumption = line ? parse_decimal (g_hash_table_lookup (line, "consumption")) : -1;
  slv_clo_plan_wastage_rule (line, row);
}

void
slv_clo_plan_compute_row (SlvCloPlan      *self,
                          SlvCloFabricRow *row)
{
  GHashTable *line = slv_clo_plan_find_line (self, row->bom_line_id);
  double width = line ? parse_decimal (g_hash_table_lookup (line, "width_cm")) : -1;
  double gsm = line ? parse_decimal (g_hash_table_lookup (line, "gsm")) : -1;
  double efficiency = row->estimate && row->estimate->overridden ? row->estimate->efficiency
                                                                 : self->options.efficiency;
  g_autoptr(GError) error = NULL;
  SlvNestOptions opt;

  g_clear_pointer (&row->estimate, slv_fabric_estimate_free);
  g_clear_pointer (&row->problem, g_free);
  row->new_consumption = -1;
  if (line == NULL)
    {
      row->problem = g_strdup (_("No BOM line of the style matches this fabric; choose one."));
      return;
    }
  slv_nest_options_init (&opt, 0);
  opt.rotations = self->options.rotations;
  opt.gap = self->options.gap_mm;
  row->estimate = slv_clo_import_estimate (self->import, self->size, row->fabric, width, gsm, efficiency,
                                           self->options.garments, &opt, NULL, &error);
  if (row->estimate == NULL)
    {
      row->problem = g_strdup (error->message);
      return;
    }
  row->new_consumption = slv_consumption_in_unit (&row->estimate->figures, row->unit);
  if (row->new_consumption < 0)
    row->problem = g_strdup_printf (row->unit && g_ascii_strcasecmp (row->unit, "KG") == 0
                                    ? _("The material has no GSM, so kilograms cannot be computed.")
                                    : _("The BOM line counts “%s”, which is not a length, area or weight."),
                                    row->unit ? row->unit : "");
}

typedef struct
{
  guint       use;
  GHashTable *line;
  double      score;
  char       *reason;
} Candidate;

static gint
cmp_candidates (gconstpointer a,
                gconstpointer b)
{
  const Candidate *x = a, *y = b;

  return (x->score < y->score) - (x->score > y->score);
}

static void
build_fabric_rows (SlvCloPlan *self)
{
  g_autoptr(GPtrArray) uses = slv_clo_import_dup_fabric_uses (self->import, self->size);
  g_autoptr(GArray) cands = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_autoptr(GHashTable) taken = g_hash_table_new (NULL, NULL);
  GHashTable *first_fabric = NULL;

  for (guint i = 0; i < self->bom_lines->len && first_fabric == NULL; i++)
    if (g_strcmp0 (g_hash_table_lookup (g_ptr_array_index (self->bom_lines, i), "material_kind"), "fabric") == 0)
      first_fabric = g_ptr_array_index (self->bom_lines, i);
  for (guint u = 0; u < uses->len; u++)
    {
      SlvCloFabricRow *row = g_new0 (SlvCloFabricRow, 1);

      row->fabric = g_strdup (((SlvFabricUse *) g_ptr_array_index (uses, u))->fabric);
      row->old_consumption = -1;
      row->old_wastage = row->new_wastage = -1;
      g_ptr_array_add (self->fabrics, row);
      for (guint i = 0; i < self->bom_lines->len; i++)
        {
          Candidate c = { u, g_ptr_array_index (self->bom_lines, i), 0, NULL };

          c.score = slv_clo_match_fabric (row->fabric, c.line, c.line == first_fabric, &c.reason);
          if (c.score > 0)
            g_array_append_val (cands, c);
          else
            g_free (c.reason);
        }
    }
  /* Best pairs first; each fabric and each BOM line used once. */
  g_array_sort (cands, cmp_candidates);
  for (guint k = 0; k < cands->len; k++)
    {
      Candidate *c = &g_array_index (cands, Candidate, k);
      SlvCloFabricRow *row = g_ptr_array_index (self->fabrics, c->use);

      if (row->bom_line_id == NULL && !g_hash_table_contains (taken, c->line) &&
          c->score >= SLV_CLO_MATCH_ACCEPT)
        {
          set_line (row, c->line);
          row->confidence = c->score;
          row->reason = g_steal_pointer (&c->reason);
          g_hash_table_add (taken, c->line);
        }
      g_free (c->reason);
    }
  for (guint u = 0; u < self->fabrics->len; u++)
    slv_clo_plan_compute_row (self, g_ptr_array_index (self->fabrics, u));
}

/* -- BOM rows -- */

static void
match_bom_row (SlvCloPlan   *self,
               SlvCloBomRow *row)
{
  double best = 0;
  SlvMaterial *pick = NULL;
  g_autofree char *why = NULL;

  for (guint i = 0; i < self->materials->len; i++)
    {
      SlvMaterial *m = g_ptr_array_index (self->materials, i);
      g_autofree char *reason = NULL;
      double s = slv_clo_match_material (row->code, row->name, m, &reason);

      if (s > best)
        {
          best = s;
          pick = m;
          g_free (why);
          why = g_steal_pointer (&reason);
        }
    }
  row->confidence = best;
  row->reason = g_steal_pointer (&why);
  if (pick != NULL && best >= SLV_CLO_MATCH_ACCEPT)
    {
      row->material_id = g_strdup (slv_entity_get_id (SLV_ENTITY (pick)));
      row->material_code = g_strdup (slv_material_get_code (pick));
      row->material_name = g_strdup (slv_material_get_name (pick));
      row->accepted = TRUE;
    }
}

static void
link_existing_line (SlvCloPlan   *self,
                    SlvCloBomRow *row)
{
  g_clear_pointer (&row->bom_line_id, g_free);
  for (guint i = 0; row->material_id != NULL && i < self->bom_lines->len; i++)
    {
      GHashTable *line = g_ptr_array_index (self->bom_lines, i);

      if (g_strcmp0 (g_hash_table_lookup (line, "material_id"), row->material_id) == 0)
        {
          row->bom_line_id = g_strdup (g_hash_table_lookup (line, "id"));
          return;
        }
    }
}

static void
build_bom_rows (SlvCloPlan *self)
{
  GPtrArray *lines = slv_clo_import_get_bom_lines (self->import);

  for (guint i = 0; i < lines->len; i++)
    {
      SlvBomLine *l = g_ptr_array_index (lines, i);
      SlvCloBomRow *row = g_new0 (SlvCloBomRow, 1);

      row->row = l->row;
      row->code = g_strdup (l->values[SLV_BOM_FIELD_CODE]);
      row->name = g_strdup (l->values[SLV_BOM_FIELD_NAME]);
      row->placement = g_strdup (l->values[SLV_BOM_FIELD_PLACEMENT]);
      row->consumption = g_strdup (l->values[SLV_BOM_FIELD_CONSUMPTION]);
      row->unit = g_strdup (l->values[SLV_BOM_FIELD_UNIT]);
      row->wastage = g_strdup (l->values[SLV_BOM_FIELD_WASTAGE]);
      match_bom_row (self, row);
      link_existing_line (self, row);
      g_ptr_array_add (self->bom, row);
    }
}

/* -- piece diffs -- */

static double
row_cut_area (GHashTable *row)
{
  double unfolded = parse_decimal (g_hash_table_lookup (row, "unfolded_area_mm2"));

  return unfolded >= 0 ? unfolded : parse_decimal (g_hash_table_lookup (row, "area_mm2"));
}

static void
add_diff (SlvCloPlan *self,
          const char *name,
          const char *size,
          const char *status,
          double      old_area,
          double      new_area,
          guint       old_qty,
          guint       new_qty)
{
  SlvCloPieceDiff *d = g_new0 (SlvCloPieceDiff, 1);

  d->name = g_strdup (name);
  d->size = g_strdup (size);
  d->status = g_strdup (status);
  d->old_area_mm2 = old_area;
  d->new_area_mm2 = new_area;
  d->old_quantity = old_qty;
  d->new_quantity = new_qty;
  g_ptr_array_add (self->diffs, d);
}

static void
build_diffs (SlvCloPlan *self)
{
  GPtrArray *sets = slv_clo_import_get_pattern_sets (self->import);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint s = 0; s < sets->len; s++)
    {
      GPtrArray *pieces = slv_pattern_set_get_pieces (g_ptr_array_index (sets, s));

      for (guint i = 0; i < pieces->len; i++)
        {
          SlvPatternPiece *p = g_ptr_array_index (pieces, i);
          const char *name = slv_pattern_piece_get_name (p), *size = slv_pattern_piece_get_size (p);
          GHashTable *old = NULL;

          for (guint k = 0; k < self->old_pieces->len && old == NULL; k++)
            {
              GHashTable *r = g_ptr_array_index (self->old_pieces, k);

              if (g_strcmp0 (g_hash_table_lookup (r, "name"), name) == 0 &&
                  g_strcmp0 (g_hash_table_lookup (r, "size"), size) == 0)
                old = r;
            }
          g_hash_table_add (seen, g_strdup_printf ("%s\x1f%s", name, size ? size : ""));
          if (old == NULL)
            add_diff (self, name, size, "added", -1, slv_pattern_piece_get_cut_area (p), 0,
                      slv_pattern_piece_get_quantity (p));
          else if (fabs (row_cut_area (old) - slv_pattern_piece_get_cut_area (p)) >
                     1e-4 * slv_pattern_piece_get_cut_area (p) ||
                   (guint) atoi (g_hash_table_lookup (old, "quantity")) != slv_pattern_piece_get_quantity (p))
            add_diff (self, name, size, "changed", row_cut_area (old), slv_pattern_piece_get_cut_area (p),
                      atoi (g_hash_table_lookup (old, "quantity")), slv_pattern_piece_get_quantity (p));
        }
    }
  for (guint k = 0; k < self->old_pieces->len; k++)
    {
      GHashTable *r = g_ptr_array_index (self->old_pieces, k);
      const char *size = g_hash_table_lookup (r, "size");
      g_autofree char *key = g_strdup_printf ("%s\x1f%s", (char *) g_hash_table_lookup (r, "name"),
                                              size ? size : "");

      if (!g_hash_table_contains (seen, key))
        add_diff (self, g_hash_table_lookup (r, "name"), size, "removed", row_cut_area (r), -1,
                  atoi (g_hash_table_lookup (r, "quantity")), 0);
    }
}

/* -- public -- */

SlvCloPlan *
slv_clo_plan_new (SlvStore                 *store,
                  SlvCloImport             *import,
                  const char               *style_code,
                  const SlvCloPlanOptions  *options,
                  GCancellable             *cancellable,
                  GError                  **error)
{
  g_autoptr(SlvCloPlan) self = g_object_new (SLV_TYPE_CLO_PLAN, NULL);

  g_return_val_if_fail (SLV_IS_STORE (store) && SLV_IS_CLO_IMPORT (import) && style_code != NULL, NULL);

  self->store = g_object_ref (store);
  self->import = g_object_ref (import);
  if (options != NULL)
    self->options = *options;
  else
    slv_clo_plan_options_init (&self->options);
  if (!load_style (self, style_code, error) || !choose_size (self, error))
    return NULL;
  /* choose_size copied the caller's string; do not keep theirs. */
  self->options.size = NULL;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  build_fabric_rows (self);
  build_bom_rows (self);
  build_diffs (self);
  return g_steal_pointer (&self);
}

const char *
slv_clo_plan_get_style_id (SlvCloPlan *self)
{
  g_return_val_if_fail (SLV_IS_CLO_PLAN (self), NULL);
  return self->style_id;
}

const char *
slv_clo_plan_get_costing_id (SlvCloPlan *self)
{
  g_return_val_if_fail (SLV_IS_CLO_PLAN (self), NULL);
  return self->costing_id;
}

const char *
slv_clo_plan_get_size (SlvCloPlan *self)
{
  g_return_val_if_fail (SLV_IS_CLO_PLAN (self), NULL);
  return self->size;
}

GPtrArray *
slv_clo_plan_get_fabric_rows (SlvCloPlan *self)
{
  g_return_val_if_fail (SLV_IS_CLO_PLAN (self), NULL);
  return self->fabrics;
}

GPtrArray *
slv_clo_plan_get_bom_rows (SlvCloPlan *self)
{
  g_return_val_if_fail (SLV_IS_CLO_PLAN (self), NULL);
  return self->bom;
}

GPtrArray *
slv_clo_plan_get_piece_diffs (SlvCloPlan *self)
{
  g_return_val_if_fail (SLV_IS_CLO_PLAN (self), NULL);
  return self->diffs;
}

GPtrArray *
slv_clo_plan_get_bom_lines (SlvCloPlan *self)
{
  g_return_val_if_fail (SLV_IS_CLO_PLAN (self), NULL);
  return self->bom_lines;
}

guint
slv_clo_plan_count_review (SlvCloPlan *self)
{
  guint n = 0;

  g_return_val_if_fail (SLV_IS_CLO_PLAN (self), 0);
  for (guint i = 0; i < self->fabrics->len; i++)
    n += ((SlvCloFabricRow *) g_ptr_array_index (self->fabrics, i))->bom_line_id == NULL;
  for (guint i = 0; i < self->bom->len; i++)
    n += !((SlvCloBomRow *) g_ptr_array_index (self->bom, i))->accepted;
  return n;
}

SlvCloFabricRow *
slv_clo_plan_find_fabric (SlvCloPlan *self,
                          const char *fabric)
{
  g_return_val_if_fail (SLV_IS_CLO_PLAN (self), NULL);
  for (guint i = 0; i < self->fabrics->len; i++)
    if (g_strcmp0 (((SlvCloFabricRow *) g_ptr_array_index (self->fabrics, i))->fabric, fabric) == 0)
      return g_ptr_array_index (self->fabrics, i);
  return NULL;
}

gboolean
slv_clo_plan_set_fabric_line (SlvCloPlan  *self,
                              const char  *fabric,
                              const char  *bom_line_id,
                              GError     **error)
{
  SlvCloFabricRow *row = slv_clo_plan_find_fabric (self, fabric);
  GHashTable *line = slv_clo_plan_find_line (self, bom_line_id);

  if (row == NULL || (bom_line_id != NULL && line == NULL))
    {
      g_set_error (error, SLV_CLO_ERROR, SLV_CLO_ERROR_FABRIC,
                   _("There is no fabric “%s” or no such BOM line in this import."), fabric);
      return FALSE;
    }
  set_line (row, line);
  row->confidence = line ? 1.0 : 0;
  g_free (row->reason);
  row->reason = line ? g_strdup (_("chosen by the user")) : NULL;
  slv_clo_plan_compute_row (self, row);
  return TRUE;
}

gboolean
slv_clo_plan_set_efficiency (SlvCloPlan  *self,
                             const char  *fabric,
                             double       efficiency,
                             GError     **error)
{
  SlvCloFabricRow *row = slv_clo_plan_find_fabric (self, fabric);

  if (row == NULL || !(efficiency >= 0 && efficiency <= 1))
    {
      g_set_error (error, SLV_CLO_ERROR, SLV_CLO_ERROR_FABRIC,
                   _("The efficiency must be between 0 and 1 (0 to use the nesting estimate)."));
      return FALSE;
    }
  if (row->estimate != NULL)
    {
      row->estimate->overridden = efficiency > 0;
      row->estimate->efficiency = efficiency;
    }
  else if (efficiency > 0)
    {
      /* No estimate yet: remember the figure through a placeholder. */
      row->estimate = g_new0 (SlvFabricEstimate, 1);
      row->estimate->overridden = TRUE;
      row->estimate->efficiency = efficiency;
    }
  slv_clo_plan_compute_row (self, row);
  return TRUE;
}

gboolean
slv_clo_plan_set_wastage (SlvCloPlan  *self,
                          const char  *fabric,
                          double       wastage_pct,
                          GError     **error)
{
  SlvCloFabricRow *row = slv_clo_plan_find_fabric (self, fabric);

  g_return_val_if_fail (SLV_IS_CLO_PLAN (self), FALSE);
  if (row == NULL || row->bom_line_id == NULL || !isfinite (wastage_pct) || wastage_pct >= 100)
    {
      g_set_error (error, SLV_CLO_ERROR, SLV_CLO_ERROR_FABRIC,
                   row == NULL || row->bom_line_id == NULL
                   ? _("Match the fabric to a BOM line before setting its wastage.")
                   : _("The wastage is a percentage from 0 to below 100."));
      return FALSE;
    }
  if (wastage_pct < 0)
    {
      slv_clo_plan_wastage_rule (slv_clo_plan_find_line (self, row->bom_line_id), row);
      return TRUE;
    }
  row->new_wastage = wastage_pct;
  g_free (row->wastage_reason);
  row->wastage_reason = g_strdup (_("set by the user"));
  return TRUE;
}

gboolean
slv_clo_plan_set_bom_material (SlvCloPlan  *self,
                               guint        csv_row,
                               const char  *material_id,
                               GError     **error)
{
  for (guint i = 0; i < self->bom->len; i++)
    {
      SlvCloBomRow *row = g_ptr_array_index (self->bom, i);

      if (row->row != csv_row)
        continue;
      g_clear_pointer (&row->material_id, g_free);
      g_clear_pointer (&row->material_code, g_free);
      g_clear_pointer (&row->material_name, g_free);
      row->accepted = FALSE;
      for (guint k = 0; material_id != NULL && k < self->materials->len; k++)
        {
          SlvMaterial *m = g_ptr_array_index (self->materials, k);

          if (g_str_equal (slv_entity_get_id (SLV_ENTITY (m)), material_id))
            {
              row->material_id = g_strdup (material_id);
              row->material_code = g_strdup (slv_material_get_code (m));
              row->material_name = g_strdup (slv_material_get_name (m));
              row->accepted = TRUE;
              row->confidence = 1.0;
              g_free (row->reason);
              row->reason = g_strdup (_("chosen by the user"));
            }
        }
      if (material_id != NULL && !row->accepted)
        {
          g_set_error (error, SLV_CLO_ERROR, SLV_CLO_ERROR_FABRIC,
                       _("There is no material with that id."));
          return FALSE;
        }
      link_existing_line (self, row);
      return TRUE;
    }
  g_set_error (error, SLV_CLO_ERROR, SLV_CLO_ERROR_FABRIC, _("The BOM file has no row %u."), csv_row);
  return FALSE;
}

gboolean
slv_clo_plan_cost_delta (SlvCloPlan  *self,
                         char       **out_currency,
                         char       **out_before,
                         char       **out_after,
                         GError     **error)
{
  g_autoptr(GHashTable) changes = NULL;
  g_autoptr(GPtrArray) list = NULL;

  g_return_val_if_fail (SLV_IS_CLO_PLAN (self), FALSE);
  if (cost_func == NULL)
    return FALSE;
  list = slv_clo_plan_dup_line_changes (self);
  changes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_hash_table_unref);
  for (guint i = 0; i < list->len; i++)
    {
      SlvCloLineChange *c = g_ptr_array_index (list, i);

      g_hash_table_insert (changes, g_strdup (c->id), g_hash_table_ref (c->fields));
    }
  return cost_func (self->store, self->costing_id, changes, out_currency, out_before, out_after,
                    cost_data, error);
}
