/* slv-dxf-pieces.c: parsed DXF blocks into pattern pieces.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Layers follow ASTM D6673: 1 boundary, 2 turn points, 3 curve points,
 * 4 and 80–83 notches, 5 grade reference, 6 mirror line, 7 grain line,
 * 8 internal lines, 11 cut-outs, 13 drill holes, 14 sew lines, 15
 * annotation, 84–87 quality-validation copies (84 of the boundary).
 */
#define G_LOG_DOMAIN "slv-dxf"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "slv-dxf-private.h"
#include "core/slv-warning.h"

/* Endpoint tolerance for chaining, in drawing units (as CAD writes ends
 * exactly), then a looser one in millimetres for sloppier writers. */
#define CHAIN_TOLERANCE       0.001
#define CHAIN_TOLERANCE_LOOSE 0.5

/* A garment has pieces between these sizes (largest side, mm). */
#define GARMENT_MIN_MM 150.0
#define GARMENT_MAX_MM 4000.0

static int
layer_number (const char *layer)
{
  guint64 n;

  if (layer == NULL || !g_ascii_string_to_unsigned (layer, 10, 0, 9999, &n, NULL))
    return -1;
  return (int) n;
}

/* "Piece Name: FRONT" → ("Piece Name", "FRONT"); FALSE without a colon. */
static gboolean
split_text (const char  *text,
            char       **key,
            char       **value)
{
  const char *colon = strchr (text, ':');

  if (colon == NULL || colon == text)
    return FALSE;
  *key = g_strstrip (g_strndup (text, colon - text));
  *value = g_strstrip (g_strdup (colon + 1));
  return TRUE;
}

static SlvPoint
scaled (SlvPoint p,
        double   k)
{
  return (SlvPoint) { p.x * k, p.y * k };
}

static SlvPolygon *
scaled_copy (SlvPolygon *line,
             double      k)
{
  SlvPolygon *copy = slv_polygon_copy (line);

  slv_polygon_scale (copy, k);
  return copy;
}

/* -- units -- */

static double
raw_extent (SlvDxfDocument *doc)
{
  double extent = 0;

  for (guint i = 0; i < doc->blocks->len; i++)
    {
      SlvDxfBlock *b = g_ptr_array_index (doc->blocks, i);

      for (guint j = 0; j < b->lines->len; j++)
        {
          SlvDxfLine *l = g_ptr_array_index (b->lines, j);
          SlvBBox bb;

          if (layer_number (l->layer) != 1)
            continue;
          bb = slv_polygon_bbox (l->line);
          extent = MAX (extent, MAX (bb.x1 - bb.x0, bb.y1 - bb.y0));
        }
    }
  return extent;
}

static void
choose_units (SlvPatternSet  *set,
              SlvDxfDocument *doc)
{
  const char *units = slv_pattern_set_get_header (set, "UNITS");
  const char *insunits = g_hash_table_lookup (doc->variables, "$INSUNITS");
  const char *measurement = g_hash_table_lookup (doc->variables, "$MEASUREMENT");
  double extent;

  if (units != NULL && g_ascii_strncasecmp (units, "ENGLISH", 7) == 0)
    slv_pattern_set_set_unit (set, "in", 25.4);
  else if (units != NULL && g_ascii_strncasecmp (units, "METRIC", 6) == 0)
    slv_pattern_set_set_unit (set, "mm", 1);
  else if (insunits != NULL && atoi (insunits) == 1)
    slv_pattern_set_set_unit (set, "in", 25.4);
  else if (insunits != NULL && atoi (insunits) == 4)
    slv_pattern_set_set_unit (set, "mm", 1);
  else if (insunits != NULL && atoi (insunits) == 5)
    slv_pattern_set_set_unit (set, "cm", 10);
  else if (insunits != NULL && atoi (insunits) == 6)
    slv_pattern_set_set_unit (set, "m", 1000);
  else if (measurement != NULL && (atoi (measurement) == 0 || atoi (measurement) == 1))
    slv_pattern_set_set_unit (set, atoi (measurement) ? "mm" : "in", atoi (measurement) ? 1 : 25.4);
  else
    {
      /* Nothing says: a pattern drawn in inches has no piece over ~120. */
      extent = raw_extent (doc);
      if (extent > 0 && extent < 120)
        slv_pattern_set_set_unit (set, "in", 25.4);
      else
        slv_pattern_set_set_unit (set, "mm", 1);
      slv_warnings_add (slv_pattern_set_get_warnings (set), "units-guessed", NULL,
                        _("The file does not say its units (no “Units:” text and no $INSUNITS); "
                          "Selvedge took them to be %s from the size of the pieces. Check the "
                          "areas before using them."),
                        g_str_equal (slv_pattern_set_get_unit_name (set), "in") ? _("inches")
                                                                                : _("millimetres"));
    }
}

/* The corpus's trap: a file that says METRIC but whose coordinates are a
 * tenth of a garment's. Warn and suggest a factor; change nothing. */
static void
check_scale (SlvPatternSet *set)
{
  GPtrArray *pieces = slv_pattern_set_get_pieces (set);
  static const double factors[] = { 10, 25.4, 0.1, 1 / 25.4 };
  SlvPatternPiece *largest = NULL;
  double extent = 0, factor = 0;

  for (guint i = 0; i < pieces->len; i++)
    {
      SlvPatternPiece *p = g_ptr_array_index (pieces, i);
      SlvBBox b = slv_pattern_piece_get_bbox (p);
      double e = MAX (b.x1 - b.x0, b.y1 - b.y0);

      if (e > extent)
        extent = e, largest = p;
    }
  if (largest == NULL || (extent >= GARMENT_MIN_MM && extent <= GARMENT_MAX_MM))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (factors) && factor == 0; i++)
    if (extent * factors[i] >= 300 && extent * factors[i] <= 2500)
      factor = factors[i];
  slv_pattern_set_set_suggested_scale (set, factor);
  slv_warnings_add (slv_pattern_set_get_warnings (set), "unit-scale-suspect", NULL,
                    _("The pieces are implausibly %s for a garment: the largest, “%s” (size %s), "
                      "is %.1f cm long. The file says its unit is %s, but the coordinates look "
                      "%s. Areas are reported as drawn; %s"),
                    extent < GARMENT_MIN_MM ? _("small") : _("large"),
                    slv_pattern_piece_get_name (largest),
                    slv_pattern_piece_get_size (largest) ? slv_pattern_piece_get_size (largest) : "?",
                    extent / 10, slv_pattern_set_get_unit_name (set),
                    factor == 10 ? _("ten times too small (centimetres written as millimetres?)") :
                    factor == 25.4 ? _("25.4 times too small (inches written as millimetres?)") :
                    factor == 0.1 ? _("ten times too large (millimetres written as centimetres?)") :
                    factor > 0 ? _("25.4 times too large (millimetres written as inches?)") :
                                 _("wrong by an unknown factor"),
                    factor > 0 ? _("choose the suggested scale when importing to correct them.")
                               : _("check the export settings in the CAD system."));
}

/* -- pieces -- */

static SlvPolygon *
chain_layer (SlvDxfBlock *block,
             int          layer,
             double       k,
             double       tolerance,
             guint       *segments,
             gboolean    *closed,
             guint       *unchained)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func ((GDestroyNotify) slv_polygon_unref);

  for (guint i = 0; i < block->lines->len; i++)
    {
      SlvDxfLine *l = g_ptr_array_index (block->lines, i);

      if (layer_number (l->layer) == layer && slv_polygon_get_n_points (l->line) > 0)
        g_ptr_array_add (parts, scaled_copy (l->line, k));
    }
  *segments = parts->len;
  if (parts->len == 0)
    return NULL;
  return slv_polylines_chain (parts, tolerance, closed, unchained);
}

static void
set_boundary (SlvPatternPiece *piece,
              SlvDxfBlock     *block,
              double           k)
{
  guint segments = 0, unchained = 0;
  gboolean closed = FALSE;
  g_autoptr(SlvPolygon) ring = chain_layer (block, 1, k, CHAIN_TOLERANCE * k, &segments, &closed, &unchained);
  g_autoptr(SlvPolygon) curve = NULL;

  if (ring != NULL && (!closed || unchained > 0))
    {
      guint u2 = 0, s2 = 0;
      gboolean c2 = FALSE;
      g_autoptr(SlvPolygon) loose = chain_layer (block, 1, k, CHAIN_TOLERANCE_LOOSE, &s2, &c2, &u2);

      if (c2 && u2 == 0)
        {
          g_clear_pointer (&ring, slv_polygon_unref);
          ring = g_steal_pointer (&loose);
          closed = TRUE;
          unchained = 0;
          slv_warnings_add (slv_pattern_piece_get_warnings (piece), "boundary-gaps", block->name,
                            _("Block “%s”: boundary segments meet only within %.1f mm; they were "
                              "joined."), block->name, CHAIN_TOLERANCE_LOOSE);
        }
    }
  if (ring != NULL)
    slv_pattern_piece_set_boundary (piece, ring, segments, closed, unchained);
  curve = chain_layer (block, 84, k, CHAIN_TOLERANCE_LOOSE, &segments, &closed, &unchained);
  if (curve != NULL && closed && unchained == 0)
    slv_pattern_piece_set_curve (piece, curve);
}

static void
add_line_layers (SlvPatternPiece *piece,
                 SlvDxfBlock     *block,
                 double           k)
{
  gboolean mirror = FALSE, grain = FALSE;

  for (guint i = 0; i < block->lines->len; i++)
    {
      SlvDxfLine *l = g_ptr_array_index (block->lines, i);
      guint n = slv_polygon_get_n_points (l->line);
      SlvPoint a, b;

      if (n == 0)
        continue;
      a = scaled (slv_polygon_first (l->line), k);
      b = scaled (slv_polygon_last (l->line), k);
      switch (layer_number (l->layer))
        {
        case 6:
          if (!mirror && n >= 2)
            slv_pattern_piece_set_mirror (piece, a, b), mirror = TRUE;
          break;
        case 7:
          if (!grain && n >= 2)
            slv_pattern_piece_set_grain (piece, a, b), grain = TRUE;
          break;
        case 8:
        case 11:
        case 14:
          {
            g_autoptr(SlvPolygon) copy = scaled_copy (l->line, k);

            slv_pattern_piece_add_lines (piece, layer_number (l->layer), copy);
          }
          break;
        default:
          break;
        }
    }
}

static void
add_points (SlvPatternPiece *piece,
            SlvDxfBlock     *block,
            double           k)
{
  for (guint i = 0; i < block->points->len; i++)
    {
      SlvDxfPoint *p = g_ptr_array_index (block->points, i);
      int layer = layer_number (p->layer);

      if (layer == 4 || (layer >= 80 && layer <= 83))
        slv_pattern_piece_add_notch (piece, scaled (p->at, k), layer, p->angle);
      else if (layer == 13)
        slv_pattern_piece_add_drill_hole (piece, scaled (p->at, k));
      else if (layer == 2 || layer == 3)
        slv_pattern_piece_add_grade_point (piece, scaled (p->at, k), layer == 2);
    }
}

static void
add_texts (SlvPatternPiece *piece,
           SlvDxfBlock     *block,
           double           k)
{
  for (guint i = 0; i < block->texts->len; i++)
    {
      SlvDxfText *t = g_ptr_array_index (block->texts, i);
      int layer = layer_number (t->layer);
      g_autofree char *key = NULL;
      g_autofree char *value = NULL;

      if (layer == 1 && split_text (t->text, &key, &value))
        slv_pattern_piece_set_text (piece, key, value);
      else if ((layer == 2 || layer == 3) && t->text[0] == '#')
        {
          guint64 rule;
          g_autofree char *num = g_strstrip (g_strdup (t->text + 1));

          if (g_ascii_string_to_unsigned (num, 10, 0, 1000000, &rule, NULL))
            slv_pattern_piece_set_grade_rule (piece, scaled (t->at, k), (int) rule, 1e-6);
        }
      else if (layer == 15 || layer == 1)
        slv_pattern_piece_add_label (piece, t->text);
    }
}

/* Block "FRONT_M": piece FRONT, size M when no texts say otherwise. */
static void
name_from_block (SlvPatternPiece *piece,
                 const char      *block)
{
  const char *us = block ? strrchr (block, '_') : NULL;

  if (slv_pattern_piece_get_name (piece) == NULL)
    {
      g_autofree char *name = us ? g_strndup (block, us - block) : g_strdup (block);

      slv_pattern_piece_set_name (piece, name && *name ? name : block);
    }
  if (slv_pattern_piece_get_size (piece) == NULL && us != NULL && us[1] != '\0')
    slv_pattern_piece_set_size (piece, us + 1);
}

static SlvPatternPiece *
build_piece (SlvPatternSet *set,
             SlvDxfBlock   *block,
             double         k)
{
  g_autoptr(SlvPatternPiece) piece = slv_pattern_piece_new (block->name);
  GPtrArray *warnings = slv_pattern_set_get_warnings (set);
  const char *label = block->name ? block->name : _("(model space)");
  SlvPolygon *ring;

  set_boundary (piece, block, k);
  add_points (piece, block, k);
  add_texts (piece, block, k);
  add_line_layers (piece, block, k);
  name_from_block (piece, block->name);
  ring = slv_pattern_piece_get_boundary (piece);
  if (ring == NULL)
    {
      if (block->name != NULL && block->texts->len > 0)
        slv_warnings_add (warnings, "no-boundary", label,
                          _("Block “%s” (line %u) has no boundary on layer 1 and was skipped."),
                          label, block->line);
      return NULL;
    }
  if (slv_polygon_get_n_points (ring) < 3 || slv_polygon_area (ring) <= 0)
    {
      slv_warnings_add (warnings, "boundary-degenerate", label,
                        _("Block “%s” (line %u): the boundary encloses no area; the piece was "
                          "skipped."), label, block->line);
      return NULL;
    }
  return g_steal_pointer (&piece);
}

static void
check_duplicates (SlvPatternSet *set)
{
  GPtrArray *pieces = slv_pattern_set_get_pieces (set);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < pieces->len; i++)
    {
      SlvPatternPiece *p = g_ptr_array_index (pieces, i);
      char *key = g_strdup_printf ("%s\x1f%s", slv_pattern_piece_get_name (p),
                                   slv_pattern_piece_get_size (p) ? slv_pattern_piece_get_size (p) : "");

      if (!g_hash_table_add (seen, key))
        slv_warnings_add (slv_pattern_set_get_warnings (set), "duplicate-piece",
                          slv_pattern_piece_get_block (p),
                          _("Piece “%s” appears twice in size %s; both are kept."),
                          slv_pattern_piece_get_name (p),
                          slv_pattern_piece_get_size (p) ? slv_pattern_piece_get_size (p) : "?");
    }
}

SlvPatternSet *
slv_dxf_build (SlvDxfDocument  *doc,
               const char      *source,
               GError         **error)
{
  g_autoptr(SlvPatternSet) set = slv_pattern_set_new (source);
  SlvDxfBlock *model = NULL;
  double k;

  for (guint i = 0; i < doc->texts->len; i++)
    {
      SlvDxfText *t = g_ptr_array_index (doc->texts, i);
      g_autofree char *key = NULL;
      g_autofree char *value = NULL;

      if (split_text (t->text, &key, &value))
        slv_pattern_set_set_header (set, key, value);
    }
  choose_units (set, doc);
  k = slv_pattern_set_get_mm_per_unit (set);
  for (guint i = 0; i < doc->blocks->len; i++)
    {
      SlvDxfBlock *b = g_ptr_array_index (doc->blocks, i);
      g_autoptr(SlvPatternPiece) piece = NULL;

      if (b->name == NULL)
        {
          model = b;
          continue;
        }
      if (b->name[0] == '*' || b->name[0] == '$')
        continue;
      if (b->n_entities == 0)
        {
          slv_warnings_add (slv_pattern_set_get_warnings (set), "empty-block", b->name,
                            _("Block “%s” (line %u) is empty and was skipped."), b->name, b->line);
          continue;
        }
      piece = build_piece (set, b, k);
      if (piece != NULL)
        slv_pattern_set_add_piece (set, piece);
    }
  /* A DXF drawn without blocks: the model space is one piece. */
  if (slv_pattern_set_get_pieces (set)->len == 0 && model != NULL)
    {
      g_autoptr(SlvPatternPiece) piece = build_piece (set, model, k);

      if (piece != NULL)
        {
          if (slv_pattern_piece_get_name (piece) == NULL)
            slv_pattern_piece_set_name (piece, slv_pattern_set_get_style_name (set) ? slv_pattern_set_get_style_name (set) : source);
          slv_pattern_set_add_piece (set, piece);
        }
    }
  if (slv_pattern_set_get_pieces (set)->len == 0)
    {
      g_set_error (error, SLV_DXF_ERROR, SLV_DXF_ERROR_NO_PIECES,
                   _("The file holds no pattern pieces (no block with a closed boundary on layer 1). "
                     "Export the pattern as DXF-AAMA or DXF-ASTM."));
      return NULL;
    }
  slv_pattern_set_finish (set);
  check_duplicates (set);
  check_scale (set);
  return g_steal_pointer (&set);
}
