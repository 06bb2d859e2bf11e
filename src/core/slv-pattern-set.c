/* slv-pattern-set.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-pattern-set"

#include "config.h"

#include "slv-pattern-set.h"
#include "slv-warning.h"

struct _SlvPatternSet
{
  GObject     parent_instance;
  char       *source;
  GHashTable *headers;     /* upper-case key → value */
  char       *unit_name;
  double      mm_per_unit;
  double      suggested_scale;
  GPtrArray  *pieces;      /* SlvPatternPiece */
  GPtrArray  *warnings;
};

G_DEFINE_FINAL_TYPE (SlvPatternSet, slv_pattern_set, G_TYPE_OBJECT)

static void
slv_pattern_set_finalize (GObject *object)
{
  SlvPatternSet *self = SLV_PATTERN_SET (object);

  g_free (self->source);
  g_free (self->unit_name);
  g_hash_table_unref (self->headers);
  g_ptr_array_unref (self->pieces);
  g_ptr_array_unref (self->warnings);

  G_OBJECT_CLASS (slv_pattern_set_parent_class)->finalize (object);
}

static void
slv_pattern_set_class_init (SlvPatternSetClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = slv_pattern_set_finalize;
}

static void
slv_pattern_set_init (SlvPatternSet *self)
{
  self->headers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->pieces = g_ptr_array_new_with_free_func (g_object_unref);
  self->warnings = slv_warnings_new ();
  self->unit_name = g_strdup ("mm");
  self->mm_per_unit = 1;
}

SlvPatternSet *
slv_pattern_set_new (const char *source)
{
  SlvPatternSet *self = g_object_new (SLV_TYPE_PATTERN_SET, NULL);

  self->source = g_strdup (source);
  return self;
}

const char *
slv_pattern_set_get_source (SlvPatternSet *self)
{
  g_return_val_if_fail (SLV_IS_PATTERN_SET (self), NULL);
  return self->source;
}

void
slv_pattern_set_set_header (SlvPatternSet *self,
                            const char    *key,
                            const char    *value)
{
  g_return_if_fail (SLV_IS_PATTERN_SET (self) && key != NULL);
  g_hash_table_replace (self->headers, g_ascii_strup (key, -1), g_strdup (value ? value : ""));
}

const char *
slv_pattern_set_get_header (SlvPatternSet *self,
                            const char    *key)
{
  g_autofree char *up = NULL;

  g_return_val_if_fail (SLV_IS_PATTERN_SET (self) && key != NULL, NULL);
  up = g_ascii_strup (key, -1);
  return g_hash_table_lookup (self->headers, up);
}

GHashTable *
slv_pattern_set_get_headers (SlvPatternSet *self)
{
  g_return_val_if_fail (SLV_IS_PATTERN_SET (self), NULL);
  return self->headers;
}

const char *
slv_pattern_set_get_style_name (SlvPatternSet *self)
{
  return slv_pattern_set_get_header (self, "STYLE NAME");
}

const char *
slv_pattern_set_get_sample_size (SlvPatternSet *self)
{
  return slv_pattern_set_get_header (self, "SAMPLE SIZE");
}

void
slv_pattern_set_set_unit (SlvPatternSet *self,
                          const char    *name,
                          double         mm_per_unit)
{
  g_return_if_fail (SLV_IS_PATTERN_SET (self) && name != NULL && mm_per_unit > 0);
  g_free (self->unit_name);
  self->unit_name = g_strdup (name);
  self->mm_per_unit = mm_per_unit;
}

const char *
slv_pattern_set_get_unit_name (SlvPatternSet *self)
{
  g_return_val_if_fail (SLV_IS_PATTERN_SET (self), NULL);
  return self->unit_name;
}

double
slv_pattern_set_get_mm_per_unit (SlvPatternSet *self)
{
  g_return_val_if_fail (SLV_IS_PATTERN_SET (self), 1);
  return self->mm_per_unit;
}

void
slv_pattern_set_set_suggested_scale (SlvPatternSet *self,
                                     double         factor)
{
  g_return_if_fail (SLV_IS_PATTERN_SET (self));
  self->suggested_scale = factor;
}

double
slv_pattern_set_get_suggested_scale (SlvPatternSet *self)
{
  g_return_val_if_fail (SLV_IS_PATTERN_SET (self), 0);
  return self->suggested_scale;
}

void
slv_pattern_set_add_piece (SlvPatternSet   *self,
                           SlvPatternPiece *piece)
{
  g_return_if_fail (SLV_IS_PATTERN_SET (self) && SLV_IS_PATTERN_PIECE (piece));
  g_ptr_array_add (self->pieces, g_object_ref (piece));
}

GPtrArray *
slv_pattern_set_get_pieces (SlvPatternSet *self)
{
  g_return_val_if_fail (SLV_IS_PATTERN_SET (self), NULL);
  return self->pieces;
}

GPtrArray *
slv_pattern_set_dup_sizes (SlvPatternSet *self)
{
  GPtrArray *sizes = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (SLV_IS_PATTERN_SET (self), sizes);

  for (guint i = 0; i < self->pieces->len; i++)
    {
      const char *size = slv_pattern_piece_get_size (g_ptr_array_index (self->pieces, i));

      if (size != NULL && !g_ptr_array_find_with_equal_func (sizes, size, g_str_equal, NULL))
        g_ptr_array_add (sizes, g_strdup (size));
    }
  return sizes;
}

gboolean
slv_pattern_set_has_size (SlvPatternSet *self,
                          const char    *size)
{
  g_return_val_if_fail (SLV_IS_PATTERN_SET (self), FALSE);

  for (guint i = 0; size != NULL && i < self->pieces->len; i++)
    if (g_strcmp0 (slv_pattern_piece_get_size (g_ptr_array_index (self->pieces, i)), size) == 0)
      return TRUE;
  return FALSE;
}

GPtrArray *
slv_pattern_set_dup_pieces_for_size (SlvPatternSet *self,
                                     const char    *size)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) sizes = NULL;

  g_return_val_if_fail (SLV_IS_PATTERN_SET (self), out);

  if (size == NULL)
    size = slv_pattern_set_get_sample_size (self);
  sizes = slv_pattern_set_dup_sizes (self);
  if (!slv_pattern_set_has_size (self, size))
    size = sizes->len > 0 ? g_ptr_array_index (sizes, 0) : NULL;
  for (guint i = 0; i < self->pieces->len; i++)
    {
      SlvPatternPiece *p = g_ptr_array_index (self->pieces, i);

      if (g_strcmp0 (slv_pattern_piece_get_size (p), size) == 0)
        g_ptr_array_add (out, g_object_ref (p));
    }
  return out;
}

SlvPatternPiece *
slv_pattern_set_find_piece (SlvPatternSet *self,
                            const char    *name,
                            const char    *size)
{
  g_return_val_if_fail (SLV_IS_PATTERN_SET (self), NULL);

  for (guint i = 0; i < self->pieces->len; i++)
    {
      SlvPatternPiece *p = g_ptr_array_index (self->pieces, i);

      if (g_strcmp0 (slv_pattern_piece_get_name (p), name) == 0 &&
          (size == NULL || g_strcmp0 (slv_pattern_piece_get_size (p), size) == 0))
        return p;
    }
  return NULL;
}

static const SlvPieceLines line_kinds[] = {
  SLV_PIECE_LINES_INTERNAL, SLV_PIECE_LINES_CUTOUT, SLV_PIECE_LINES_SEW,
};

static void
rescale_piece (SlvPatternPiece *p,
               double           k)
{
  SlvPoint a, b;
  GArray *arr;

  if (slv_pattern_piece_get_boundary (p))
    slv_polygon_scale (slv_pattern_piece_get_boundary (p), k);
  if (slv_pattern_piece_get_curve (p))
    slv_polygon_scale (slv_pattern_piece_get_curve (p), k);
  if (slv_pattern_piece_get_mirror (p, &a, &b))
    slv_pattern_piece_set_mirror (p, (SlvPoint) { a.x * k, a.y * k }, (SlvPoint) { b.x * k, b.y * k });
  if (slv_pattern_piece_get_grain (p, &a, &b))
    slv_pattern_piece_set_grain (p, (SlvPoint) { a.x * k, a.y * k }, (SlvPoint) { b.x * k, b.y * k });
  arr = slv_pattern_piece_get_notches (p);
  for (guint i = 0; i < arr->len; i++)
    {
      g_array_index (arr, SlvNotch, i).at.x *= k;
      g_array_index (arr, SlvNotch, i).at.y *= k;
    }
  arr = slv_pattern_piece_get_drill_holes (p);
  for (guint i = 0; i < arr->len; i++)
    {
      g_array_index (arr, SlvPoint, i).x *= k;
      g_array_index (arr, SlvPoint, i).y *= k;
    }
  arr = slv_pattern_piece_get_grade_points (p);
  for (guint i = 0; i < arr->len; i++)
    {
      g_array_index (arr, SlvGradePoint, i).at.x *= k;
      g_array_index (arr, SlvGradePoint, i).at.y *= k;
    }
  for (guint j = 0; j < G_N_ELEMENTS (line_kinds); j++)
    {
      GPtrArray *lines = slv_pattern_piece_get_lines (p, line_kinds[j]);

      for (guint i = 0; i < lines->len; i++)
        slv_polygon_scale (g_ptr_array_index (lines, i), k);
    }
  slv_pattern_piece_update (p);
}

void
slv_pattern_set_rescale (SlvPatternSet *self,
                         double         factor)
{
  g_return_if_fail (SLV_IS_PATTERN_SET (self) && factor > 0);

  for (guint i = 0; i < self->pieces->len; i++)
    rescale_piece (g_ptr_array_index (self->pieces, i), factor);
}

void
slv_pattern_set_finish (SlvPatternSet *self)
{
  g_autoptr(GHashTable) base = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_if_fail (SLV_IS_PATTERN_SET (self));

  /* The block that carries the texts is the base size of its piece. */
  for (guint i = 0; i < self->pieces->len; i++)
    {
      SlvPatternPiece *p = g_ptr_array_index (self->pieces, i);
      const char *name = slv_pattern_piece_get_name (p);

      if (name != NULL && (slv_pattern_piece_get_quantity_text (p) != NULL ||
                           slv_pattern_piece_get_annotation (p) != NULL ||
                           slv_pattern_piece_get_category (p) != NULL))
        g_hash_table_insert (base, (gpointer) name, p);
    }
  for (guint i = 0; i < self->pieces->len; i++)
    {
      SlvPatternPiece *p = g_ptr_array_index (self->pieces, i);
      SlvPatternPiece *b = slv_pattern_piece_get_name (p) ?
        g_hash_table_lookup (base, slv_pattern_piece_get_name (p)) : NULL;

      if (b != NULL)
        slv_pattern_piece_inherit (p, b);
      slv_pattern_piece_update (p);
    }
}

GPtrArray *
slv_pattern_set_get_warnings (SlvPatternSet *self)
{
  g_return_val_if_fail (SLV_IS_PATTERN_SET (self), NULL);
  return self->warnings;
}

GPtrArray *
slv_pattern_set_dup_all_warnings (SlvPatternSet *self)
{
  GPtrArray *all = slv_warnings_new ();

  g_return_val_if_fail (SLV_IS_PATTERN_SET (self), all);

  slv_warnings_append (all, self->warnings);
  for (guint i = 0; i < self->pieces->len; i++)
    slv_warnings_append (all, slv_pattern_piece_get_warnings (g_ptr_array_index (self->pieces, i)));
  return all;
}
