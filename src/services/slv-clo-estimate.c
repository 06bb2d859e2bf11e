/* slv-clo-estimate.c: sizes, fabric uses, panel matching and the
 * consumption estimate of a loaded CLO hand-off.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-clo-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "slv-clo-import.h"

void
slv_fabric_use_free (SlvFabricUse *use)
{
  if (use == NULL)
    return;
  g_free (use->fabric);
  g_free (use);
}

void
slv_panel_match_free (SlvPanelMatch *match)
{
  if (match == NULL)
    return;
  g_free (match->panel_id);
  g_free (match->piece);
  g_free (match->mesh);
  g_free (match);
}

void
slv_fabric_estimate_free (SlvFabricEstimate *estimate)
{
  if (estimate == NULL)
    return;
  g_free (estimate->fabric);
  g_free (estimate->explanation);
  g_clear_object (&estimate->marker);
  g_free (estimate);
}

GPtrArray *
slv_clo_import_dup_sizes (SlvCloImport *self)
{
  GPtrArray *sets = slv_clo_import_get_pattern_sets (self);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < sets->len; i++)
    {
      g_autoptr(GPtrArray) sizes = slv_pattern_set_dup_sizes (g_ptr_array_index (sets, i));

      for (guint j = 0; j < sizes->len; j++)
        if (!g_ptr_array_find_with_equal_func (out, g_ptr_array_index (sizes, j), g_str_equal, NULL))
          g_ptr_array_add (out, g_strdup (g_ptr_array_index (sizes, j)));
    }
  return out;
}

const char *
slv_clo_import_get_sample_size (SlvCloImport *self)
{
  GPtrArray *sets = slv_clo_import_get_pattern_sets (self);

  for (guint i = 0; i < sets->len; i++)
    {
      SlvPatternSet *set = g_ptr_array_index (sets, i);
      const char *sample = slv_pattern_set_get_sample_size (set);

      if (sample != NULL && slv_pattern_set_has_size (set, sample))
        return sample;
    }
  return NULL;
}

GPtrArray *
slv_clo_import_dup_pieces (SlvCloImport *self,
                           const char   *size)
{
  GPtrArray *sets = slv_clo_import_get_pattern_sets (self);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_object_unref);

  if (size == NULL)
    size = slv_clo_import_get_sample_size (self);
  for (guint i = 0; i < sets->len; i++)
    {
      SlvPatternSet *set = g_ptr_array_index (sets, i);
      g_autoptr(GPtrArray) pieces = NULL;

      /* A set without the size (and without sizes at all) gives its first. */
      if (size != NULL && !slv_pattern_set_has_size (set, size))
        {
          g_autoptr(GPtrArray) sizes = slv_pattern_set_dup_sizes (set);

          if (sizes->len > 0)
            continue;
        }
      pieces = slv_pattern_set_dup_pieces_for_size (set, size);
      for (guint j = 0; j < pieces->len; j++)
        g_ptr_array_add (out, g_object_ref (g_ptr_array_index (pieces, j)));
    }
  return out;
}

GPtrArray *
slv_clo_import_dup_fabric_uses (SlvCloImport *self,
                                const char   *size)
{
  g_autoptr(GPtrArray) pieces = slv_clo_import_dup_pieces (self, size);
  GPtrArray *uses = g_ptr_array_new_with_free_func ((GDestroyNotify) slv_fabric_use_free);

  for (guint i = 0; i < pieces->len; i++)
    {
      SlvPatternPiece *p = g_ptr_array_index (pieces, i);
      GArray *cuts = slv_pattern_piece_get_cuts (p);

      for (guint c = 0; c < cuts->len; c++)
        {
          SlvCut *cut = &g_array_index (cuts, SlvCut, c);
          SlvFabricUse *use = NULL;

          for (guint k = 0; k < uses->len && use == NULL; k++)
            if (g_str_equal (((SlvFabricUse *) g_ptr_array_index (uses, k))->fabric, cut->fabric))
              use = g_ptr_array_index (uses, k);
          if (use == NULL)
            {
              use = g_new0 (SlvFabricUse, 1);
              use->fabric = g_strdup (cut->fabric);
              g_ptr_array_add (uses, use);
            }
          use->net_mm2 += slv_pattern_piece_get_cut_area (p) * cut->count;
          use->pieces++;
          use->cuts += cut->count;
        }
    }
  return uses;
}

static SlvPanelMatch *
find_match (GPtrArray  *matches,
            const char *id)
{
  for (guint i = 0; i < matches->len; i++)
    if (g_str_equal (((SlvPanelMatch *) g_ptr_array_index (matches, i))->panel_id, id))
      return g_ptr_array_index (matches, i);
  return NULL;
}

GPtrArray *
slv_clo_import_dup_panel_matches (SlvCloImport *self,
                                  const char   *size)
{
  g_autoptr(GPtrArray) pieces = slv_clo_import_dup_pieces (self, size);
  GPtrArray *meshes = slv_clo_import_get_meshes (self);
  GPtrArray *matches = g_ptr_array_new_with_free_func ((GDestroyNotify) slv_panel_match_free);

  for (guint i = 0; i < pieces->len; i++)
    {
      SlvPatternPiece *p = g_ptr_array_index (pieces, i);
      const char *id = slv_pattern_piece_get_panel_id (p);
      SlvPanelMatch *m;

      if (id == NULL || find_match (matches, id) != NULL)
        continue;
      m = g_new0 (SlvPanelMatch, 1);
      m->panel_id = g_strdup (id);
      m->piece = g_strdup (slv_pattern_piece_get_name (p));
      m->piece_area_m2 = slv_pattern_piece_get_cut_area (p) / 1e6;
      g_ptr_array_add (matches, m);
    }
  for (guint i = 0; i < meshes->len; i++)
    {
      SlvMeshReport *report = g_ptr_array_index (meshes, i);
      GPtrArray *parts = slv_mesh_report_get_parts (report);

      for (guint j = 0; j < parts->len; j++)
        {
          SlvMeshPart *part = g_ptr_array_index (parts, j);
          SlvPanelMatch *m;

          if (part->panel_id == NULL)
            continue;
          m = find_match (matches, part->panel_id);
          if (m == NULL)
            {
              m = g_new0 (SlvPanelMatch, 1);
              m->panel_id = g_strdup (part->panel_id);
              g_ptr_array_add (matches, m);
            }
          if (m->mesh == NULL)
            m->mesh = g_strdup (part->name);
          m->mesh_area_m2 += slv_mesh_report_part_area_m2 (report, part);
        }
    }
  return matches;
}

/* -- the estimate -- */

static gboolean
nest (SlvFabricEstimate     *est,
      GPtrArray             *pieces,
      const char            *fabric,
      guint                  garments,
      const SlvNestOptions  *options,
      GCancellable          *cancellable,
      GError               **error)
{
  SlvNestOptions opt;

  if (options != NULL)
    opt = *options;
  else
    slv_nest_options_init (&opt, 0);
  opt.width = est->width_cm * 10;
  est->marker = slv_marker_new (&opt);
  for (guint i = 0; i < pieces->len; i++)
    {
      SlvPatternPiece *p = g_ptr_array_index (pieces, i);
      GArray *cuts = slv_pattern_piece_get_cuts (p);

      for (guint c = 0; c < cuts->len; c++)
        {
          SlvCut *cut = &g_array_index (cuts, SlvCut, c);

          if (g_str_equal (cut->fabric, fabric) && cut->count > 0)
            slv_marker_add_piece (est->marker, slv_pattern_piece_get_name (p),
                                  slv_pattern_piece_get_cut_outline (p),
                                  slv_pattern_piece_get_grain_angle (p),
                                  cut->count * garments, cut->flipped * garments);
        }
    }
  if (!slv_marker_nest (est->marker, cancellable, error))
    return FALSE;
  est->nested_efficiency = slv_marker_get_efficiency (est->marker);
  est->efficiency = est->nested_efficiency;
  return TRUE;
}

SlvFabricEstimate *
slv_clo_import_estimate (SlvCloImport          *self,
                         const char            *size,
                         const char            *fabric,
                         double                 width_cm,
                         double                 gsm,
                         double                 efficiency,
                         guint                  garments,
                         const SlvNestOptions  *options,
                         GCancellable          *cancellable,
                         GError               **error)
{
  g_autoptr(GPtrArray) uses = slv_clo_import_dup_fabric_uses (self, size);
  g_autoptr(GPtrArray) pieces = slv_clo_import_dup_pieces (self, size);
  g_autoptr(SlvFabricEstimate) est = g_new0 (SlvFabricEstimate, 1);
  g_autofree char *figures = NULL;
  SlvFabricUse *use = NULL;

  g_return_val_if_fail (SLV_IS_CLO_IMPORT (self) && fabric != NULL, NULL);

  for (guint i = 0; i < uses->len && use == NULL; i++)
    if (g_str_equal (((SlvFabricUse *) g_ptr_array_index (uses, i))->fabric, fabric))
      use = g_ptr_array_index (uses, i);
  if (use == NULL || use->net_mm2 <= 0)
    {
      g_set_error (error, SLV_CLO_ERROR, SLV_CLO_ERROR_NO_PATTERN,
                   _("No piece of size %s is cut in %s."), size ? size : "?", fabric);
      return NULL;
    }
  if (!isfinite (width_cm) || width_cm <= 0)
    {
      g_set_error (error, SLV_CLO_ERROR, SLV_CLO_ERROR_FABRIC,
                   _("%s: the fabric has no usable width; give its width in centimetres."), fabric);
      return NULL;
    }
  est->fabric = g_strdup (fabric);
  est->pieces = use->pieces;
  est->cuts = use->cuts;
  est->width_cm = width_cm;
  est->gsm = isfinite (gsm) && gsm > 0 ? gsm : 0;
  /* Automatic: lay enough garments to cover about a square of the fabric
   * (width × width), as a cutting room lays several, so that one garment's
   * stray corner does not decide the efficiency. */
  if (garments == 0)
    garments = (guint) CLAMP (ceil ((width_cm / 100) * (width_cm / 100) / (use->net_mm2 / 1e6)),
                              1, SLV_CLO_MAX_AUTO_GARMENTS);
  est->garments = MAX (garments, 1);
  if (efficiency > 0 && efficiency <= 1)
    est->efficiency = efficiency, est->overridden = TRUE;
  else if (!nest (est, pieces, fabric, est->garments, options, cancellable, error))
    return NULL;
  if (size == NULL)
    size = slv_clo_import_get_sample_size (self);
  if (!slv_consumption_compute (use->net_mm2 / 1e6, est->efficiency, width_cm / 100, est->gsm,
                                &est->figures))
    {
      g_set_error (error, SLV_CLO_ERROR, SLV_CLO_ERROR_FABRIC,
                   _("%s: the consumption cannot be computed from these figures."), fabric);
      return NULL;
    }
  figures = slv_consumption_explain (&est->figures);
  est->explanation = g_strdup_printf (_("%s, size %s: %u pieces cut, %.4f m² per garment; efficiency "
                                        "%.1f %% (%s); %s"),
                                      fabric, size ? size : "?", use->cuts, use->net_mm2 / 1e6,
                                      100 * est->efficiency,
                                      est->overridden ? _("given") : _("nesting estimate"), figures);
  return g_steal_pointer (&est);
}
