/* slv-pattern-piece.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-pattern-piece"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>

#include "slv-pattern-piece.h"
#include "slv-warning.h"

/* Fold-line ends must sit on ring vertices within this distance (mm). */
#define FOLD_TOLERANCE 0.5

struct _SlvPatternPiece
{
  GObject            parent_instance;

  char              *block;
  char              *name;
  char              *size;
  char              *quantity_text;
  char              *category;
  char              *annotation;
  char              *fabric;
  gboolean           inherited;

  SlvPolygon        *boundary;
  guint              segments;
  gboolean           closed;
  guint              unchained;
  SlvPolygon        *curve;
  gboolean           has_mirror, has_grain;
  SlvPoint           mirror[2];
  SlvPoint           grain[2];
  GArray            *notches;       /* SlvNotch */
  GArray            *drill_holes;   /* SlvPoint */
  GArray            *grade_points;  /* SlvGradePoint */
  GPtrArray         *internal, *cutouts, *sew;
  GPtrArray         *labels;        /* char * */

  /* derived */
  SlvPolygon        *unfolded;
  double             unfolded_area;
  guint              quantity;
  SlvQuantitySource  quantity_source;
  GArray            *cuts;          /* SlvCut */
  char              *panel_id;
  GPtrArray         *warnings;
};

G_DEFINE_FINAL_TYPE (SlvPatternPiece, slv_pattern_piece, G_TYPE_OBJECT)

enum { PROP_0, PROP_NAME, PROP_SIZE, PROP_QUANTITY, PROP_AREA, PROP_FABRIC, N_PROPS };
static GParamSpec *properties[N_PROPS];

static const char * const fabric_words[] = {
  "FABRIC", "RIB", "INTERLINING", "LINING", "POCKETING", "FUSIBLE", "CONTRAST",
  "MESH", "SELF", "SHELL", "COLLAR", "TAPE", NULL
};

static gboolean
set_str (char       **dst,
         const char  *value)
{
  if (g_strcmp0 (*dst, value) == 0)
    return FALSE;
  g_free (*dst);
  *dst = g_strdup (value);
  return TRUE;
}

static void
cut_clear (gpointer data)
{
  g_free (((SlvCut *) data)->fabric);
}

char *
slv_pattern_normalise_fabric (const char *word)
{
  g_autofree char *up = NULL;
  gsize len;

  if (word == NULL)
    return NULL;
  up = g_ascii_strup (word, -1);
  g_strstrip (up);
  len = strlen (up);
  for (guint i = 0; fabric_words[i] != NULL && len >= 3; i++)
    if (g_str_has_prefix (fabric_words[i], up) || g_str_has_prefix (up, fabric_words[i]))
      return g_strdup (fabric_words[i]);
  return g_steal_pointer (&up);
}

gboolean
slv_pattern_parse_quantity (const char *text,
                            guint      *out_total,
                            guint      *out_flipped)
{
  g_auto(GStrv) parts = NULL;
  guint64 v[2] = { 0, 0 };
  guint n;

  if (text == NULL)
    return FALSE;
  parts = g_strsplit (text, ",", 3);
  n = g_strv_length (parts);
  if (n < 1 || n > 2)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_strstrip (parts[i]);
      if (!g_ascii_string_to_unsigned (parts[i], 10, 0, 9999, &v[i], NULL))
        return FALSE;
    }
  *out_total = (guint) (v[0] + v[1]);
  *out_flipped = (guint) v[1];
  return TRUE;
}

char *
slv_pattern_panel_id_from_name (const char *name)
{
  const char *p = name ? strstr (name, "Pattern2D_") : NULL;
  const char *q;

  if (p == NULL)
    return NULL;
  p += strlen ("Pattern2D_");
  for (q = p; g_ascii_isdigit (*q); q++)
    ;
  return q > p ? g_strndup (p, q - p) : NULL;
}

static void
slv_pattern_piece_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SlvPatternPiece *self = SLV_PATTERN_PIECE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_SIZE:
      g_value_set_string (value, self->size);
      break;
    case PROP_QUANTITY:
      g_value_set_uint (value, self->quantity);
      break;
    case PROP_AREA:
      g_value_set_double (value, slv_pattern_piece_get_area (self));
      break;
    case PROP_FABRIC:
      g_value_set_string (value, self->cuts->len ? g_array_index (self->cuts, SlvCut, 0).fabric : NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
slv_pattern_piece_finalize (GObject *object)
{
  SlvPatternPiece *self = SLV_PATTERN_PIECE (object);

  g_free (self->block);
  g_free (self->name);
  g_free (self->size);
  g_free (self->quantity_text);
  g_free (self->category);
  g_free (self->annotation);
  g_free (self->fabric);
  g_free (self->panel_id);
  g_clear_pointer (&self->boundary, slv_polygon_unref);
  g_clear_pointer (&self->curve, slv_polygon_unref);
  g_clear_pointer (&self->unfolded, slv_polygon_unref);
  g_array_unref (self->notches);
  g_array_unref (self->drill_holes);
  g_array_unref (self->grade_points);
  g_array_unref (self->cuts);
  g_ptr_array_unref (self->internal);
  g_ptr_array_unref (self->cutouts);
  g_ptr_array_unref (self->sew);
  g_ptr_array_unref (self->labels);
  g_ptr_array_unref (self->warnings);

  G_OBJECT_CLASS (slv_pattern_piece_parent_class)->finalize (object);
}

static void
slv_pattern_piece_class_init (SlvPatternPieceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = slv_pattern_piece_finalize;
  object_class->get_property = slv_pattern_piece_get_property;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SIZE] = g_param_spec_string ("size", NULL, NULL, NULL,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_QUANTITY] = g_param_spec_uint ("quantity", NULL, NULL, 0, G_MAXUINT, 1,
                                                 G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_AREA] = g_param_spec_double ("area", NULL, NULL, 0, G_MAXDOUBLE, 0,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FABRIC] = g_param_spec_string ("fabric", NULL, NULL, NULL,
                                                 G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
slv_pattern_piece_init (SlvPatternPiece *self)
{
  self->notches = g_array_new (FALSE, FALSE, sizeof (SlvNotch));
  self->drill_holes = g_array_new (FALSE, FALSE, sizeof (SlvPoint));
  self->grade_points = g_array_new (FALSE, FALSE, sizeof (SlvGradePoint));
  self->cuts = g_array_new (FALSE, TRUE, sizeof (SlvCut));
  g_array_set_clear_func (self->cuts, cut_clear);
  self->internal = g_ptr_array_new_with_free_func ((GDestroyNotify) slv_polygon_unref);
  self->cutouts = g_ptr_array_new_with_free_func ((GDestroyNotify) slv_polygon_unref);
  self->sew = g_ptr_array_new_with_free_func ((GDestroyNotify) slv_polygon_unref);
  self->labels = g_ptr_array_new_with_free_func (g_free);
  self->warnings = slv_warnings_new ();
  self->unfolded_area = -1;
  self->quantity = 1;
  self->quantity_source = SLV_QUANTITY_DEFAULT;
}

SlvPatternPiece *
slv_pattern_piece_new (const char *block)
{
  SlvPatternPiece *self = g_object_new (SLV_TYPE_PATTERN_PIECE, NULL);

  self->block = g_strdup (block);
  return self;
}

const char *
slv_pattern_piece_get_block (SlvPatternPiece *self)
{
  g_return_val_if_fail (SLV_IS_PATTERN_PIECE (self), NULL);
  return self->block;
}

const char *
slv_pattern_piece_get_name (SlvPatternPiece *self)
{
  g_return_val_if_fail (SLV_IS_PATTERN_PIECE (self), NULL);
  return self->name;
}

void
slv_pattern_piece_set_name (SlvPatternPiece *self,
                            const char      *name)
{
  g_return_if_fail (SLV_IS_PATTERN_PIECE (self));
  if (set_str (&self->name, name))
    {
      g_clear_pointer (&self->panel_id, g_free);
      self->panel_id = slv_pattern_panel_id_from_name (name);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
    }
}

const char *
slv_pattern_piece_get_size (SlvPatternPiece *self)
{
  g_return_val_if_fail (SLV_IS_PATTERN_PIECE (self), NULL);
  return self->size;
}

void
slv_pattern_piece_set_size (SlvPatternPiece *self,
                            const char      *size)
{
  g_return_if_fail (SLV_IS_PATTERN_PIECE (self));
  if (set_str (&self->size, size))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIZE]);
}

const char *
slv_pattern_piece_get_quantity_text (SlvPatternPiece *self)
{
  g_return_val_if_fail (SLV_IS_PATTERN_PIECE (self), NULL);
  return self->quantity_text;
}

const char *
slv_pattern_piece_get_category (SlvPatternPiece *self)
{
  g_return_val_if_fail (SLV_IS_PATTERN_PIECE (self), NULL);
  return self->category;
}

const char *
slv_pattern_piece_get_annotation (SlvPatternPiece *self)
{
  g_return_val_if_fail (SLV_IS_PATTERN_PIECE (self), NULL);
  return self->annotation;
}

const char *
slv_pattern_piece_get_fabric (SlvPatternPiece *self)
{
  g_return_val_if_fail (SLV_IS_PATTERN_PIECE (self), NULL);
  return self->fabric;
}

void
slv_pattern_piece_set_text (SlvPatternPiece *self,
                            const char      *key,
                            const char      *value)
{
  g_return_if_fail (SLV_IS_PATTERN_PIECE (self) && key != NULL);

  if (g_ascii_strcasecmp (key, "piece name") == 0)
    slv_pattern_piece_set_name (self, value);
  else if (g_ascii_strcasecmp (key, "size") == 0)
    slv_pattern_piece_set_size (self, value);
  else if (g_ascii_strcasecmp (key, "quantity") == 0)
    set_str (&self->quantity_text, value);
  else if (g_ascii_strcasecmp (key, "category") == 0)
    set_str (&self->category, value);
  else if (g_ascii_strcasecmp (key, "annotation") == 0)
    set_str (&self->annotation, value);
  else if (g_ascii_strcasecmp (key, "fabric") == 0)
    set_str (&self->fabric, value);
}

void
slv_pattern_piece_inherit (SlvPatternPiece *self,
                           SlvPatternPiece *base)
{
  g_return_if_fail (SLV_IS_PATTERN_PIECE (self) && SLV_IS_PATTERN_PIECE (base));

  if (self == base || self->quantity_text != NULL || self->annotation != NULL ||
      self->category != NULL || self->fabric != NULL)
    return;
  self->quantity_text = g_strdup (base->quantity_text);
  self->category = g_strdup (base->category);
  self->annotation = g_strdup (base->annotation);
  self->fabric = g_strdup (base->fabric);
  self->inherited = TRUE;
}

void
slv_pattern_piece_set_boundary (SlvPatternPiece *self,
                                SlvPolygon      *ring,
                                guint            segments,
                                gboolean         closed,
                                guint            unchained)
{
  g_return_if_fail (SLV_IS_PATTERN_PIECE (self) && ring != NULL);

  g_clear_pointer (&self->boundary, slv_polygon_unref);
  self->boundary = slv_polygon_ref (ring);
  self->segments = segments;
  self->closed = closed;
  self->unchained = unchained;
}

SlvPolygon *
slv_pattern_piece_get_boundary (SlvPatternPiece *self)
{
  g_return_val_if_fail (SLV_IS_PATTERN_PIECE (self), NULL);
  return self->boundary;
}

guint
slv_pattern_piece_get_boundary_segments (SlvPatternPiece *self)
{
  g_return_val_if_fail (SLV_IS_PATTERN_PIECE (self), 0);
  return self->segments;
}

gboolean
slv_pattern_piece_get_closed (SlvPatternPiece *self)
{
  g_return_val_if_fail (SLV_IS_PATTERN_PIECE (self), FALSE);
  return self->closed;
}

void
slv_pattern_piece_set_curve (SlvPatternPiece *self,
                             SlvPolygon      *ring)
{
  g_return_if_fail (SLV_IS_PATTERN_PIECE (self) && ring != NULL);
  g_clear_pointer (&self->curve, slv_polygon_unref);
  self->curve = slv_polygon_ref (ring);
}

SlvPolygon *
slv_pattern_piece_get_curve (SlvPatternPiece *self)
{
  g_return_val_if_fail (SLV_IS_PATTERN_PIECE (self), NULL);
  return self->curve;
}

void
slv_pattern_piece_set_mirror (SlvPatternPiece *self,
                              SlvPoint         a,
                              SlvPoint         b)
{
  g_return_if_fail (SLV_IS_PATTERN_PIECE (self));
  self->has_mirror = TRUE;
  self->mirror[0] = a;
  self->mirror[1] = b;
}

gboolean
slv_pattern_piece_get_mirror (SlvPatternPiece *self,
                              SlvPoint        *a,
                              SlvPoint        *b)
{
  g_return_val_if_fail (SLV_IS_PATTERN_PIECE (self), FALSE);
  if (self->has_mirror && a != NULL)
    *a = self->mirror[0];
  if (self->has_mirror && b != NULL)
    *b = self->mirror[1];
  return self->has_mirror;
}

void
slv_pattern_piece_set_grain (SlvPatternPiece *self,
                             SlvPoint         a,
                             SlvPoint         b)
{
  g_return_if_fail (SLV_IS_PATTERN_PIECE (self));
  self->has_grain = TRUE;
  self->grain[0] = a;
  self->grain[1] = b;
}

gboolean
slv_pattern_piece_get_grain (SlvPatternPiece *self,
                             SlvPoint        *a,
                             SlvPoint        *b)
{
  g_return_val_if_fail (SLV_IS_PATTERN_PIECE (self), FALSE);
  if (self->has_grain && a != NULL)
    *a = self->grain[0];
  if (self->has_grain && b != NULL)
    *b = self->grain[1];
  return self->has_grain;
}

void
slv_pattern_piece_add_notch (SlvPatternPiece *self,
                             SlvPoint         at,
                             SlvNotchKind     kind,
                             double           angle)
{
  SlvNotch n = { at, kind, angle };

  g_return_if_fail (SLV_IS_PATTERN_PIECE (self));
  g_array_append_val (self->notches, n);
}

GArray *
slv_pattern_piece_get_notches (SlvPatternPiece *self)
{
  g_return_val_if_fail (SLV_IS_PATTERN_PIECE (self), NULL);
  return self->notches;
}

void
slv_pattern_piece_add_drill_hole (SlvPatternPiece *self,
                                  SlvPoint         at)
{
  g_return_if_fail (SLV_IS_PATTERN_PIECE (self));
  g_array_append_val (self->drill_holes, at);
}

GArray *
slv_pattern_piece_get_drill_holes (SlvPatternPiece *self)
{
  g_return_val_if_fail (SLV_IS_PATTERN_PIECE (self), NULL);
  return self->drill_holes;
}

void
slv_pattern_piece_add_grade_point (SlvPatternPiece *self,
                                   SlvPoint         at,
                                   gboolean         turn)
{
  SlvGradePoint g = { at, -1, turn };

  g_return_if_fail (SLV_IS_PATTERN_PIECE (self));
  g_array_append_val (self->grade_points, g);
}

gboolean
slv_pattern_piece_set_grade_rule (SlvPatternPiece *self,
                                  SlvPoint         at,
                                  int              rule,
                                  double           tolerance)
{
  g_return_val_if_fail (SLV_IS_PATTERN_PIECE (self), FALSE);

  for (guint i = self->grade_points->len; i-- > 0; )
    {
      SlvGradePoint *g = &g_array_index (self->grade_points, SlvGradePoint, i);

      if (slv_point_distance (g->at, at) <= tolerance)
        {
          g->rule = rule;
          return TRUE;
        }
    }
  return FALSE;
}

GArray *
slv_pattern_piece_get_grade_points (SlvPatternPiece *self)
{
  g_return_val_if_fail (SLV_IS_PATTERN_PIECE (self), NULL);
  return self->grade_points;
}

static GPtrArray *
lines_of (SlvPatternPiece *self,
          SlvPieceLines    kind)
{
  switch (kind)
    {
    case SLV_PIECE_LINES_CUTOUT:
      return self->cutouts;
    case SLV_PIECE_LINES_SEW:
      return self->sew;
    case SLV_PIECE_LINES_INTERNAL:
    default:
      return self->internal;
    }
}

void
slv_pattern_piece_add_lines (SlvPatternPiece *self,
                             SlvPieceLines    kind,
                             SlvPolygon      *line)
{
  g_return_if_fail (SLV_IS_PATTERN_PIECE (self) && line != NULL);
  g_ptr_array_add (lines_of (self, kind), slv_polygon_ref (line));
}

GPtrArray *
slv_pattern_piece_get_lines (SlvPatternPiece *self,
                             SlvPieceLines    kind)
{
  g_return_val_if_fail (SLV_IS_PATTERN_PIECE (self), NULL);
  return lines_of (self, kind);
}

void
slv_pattern_piece_add_label (SlvPatternPiece *self,
                             const char      *text)
{
  g_return_if_fail (SLV_IS_PATTERN_PIECE (self) && text != NULL);
  g_ptr_array_add (self->labels, g_strdup (text));
}

GPtrArray *
slv_pattern_piece_get_labels (SlvPatternPiece *self)
{
  g_return_val_if_fail (SLV_IS_PATTERN_PIECE (self), NULL);
  return self->labels;
}

/* -- derived measures -- */

/* "1XFABRIC 1X INTERLIN" → (1, FABRIC), (1, INTERLINING). */
static void
parse_annotation_cuts (const char *annotation,
                       GArray     *cuts)
{
  g_autoptr(GRegex) re = NULL;
  g_autoptr(GMatchInfo) match = NULL;

  if (annotation == NULL)
    return;
  re = g_regex_new ("(\\d{1,4})\\s*X\\s*([A-Z]+)", G_REGEX_CASELESS, 0, NULL);
  g_regex_match (re, annotation, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *count = g_match_info_fetch (match, 1);
      g_autofree char *word = g_match_info_fetch (match, 2);
      SlvCut cut = { slv_pattern_normalise_fabric (word), (guint) atoi (count), 0 };

      g_array_append_val (cuts, cut);
      g_match_info_next (match, NULL);
    }
}

static void
update_cuts (SlvPatternPiece *self)
{
  const char *subject = self->block;
  guint total = 0, flipped = 0;
  gboolean has_qty = slv_pattern_parse_quantity (self->quantity_text, &total, &flipped);
  gboolean explicit_flip = has_qty && strchr (self->quantity_text, ',') != NULL;
  gboolean from_annotation;
  SlvCut *main;

  g_array_set_size (self->cuts, 0);
  if (self->quantity_text != NULL && !has_qty && !self->inherited)
    slv_warnings_add (self->warnings, "quantity-unreadable", subject,
                      _("Piece “%s”: the quantity “%s” is not a number; counting one."),
                      self->name, self->quantity_text);
  parse_annotation_cuts (self->annotation, self->cuts);
  from_annotation = self->cuts->len > 0;
  if (!from_annotation)
    {
      SlvCut cut = { NULL, 1, 0 };

      cut.fabric = self->fabric && *self->fabric ? g_strdup_printf ("FABRIC %s", self->fabric)
                                                 : g_strdup ("FABRIC");
      g_array_append_val (self->cuts, cut);
    }
  main = &g_array_index (self->cuts, SlvCut, 0);
  if (has_qty && total > 0)
    {
      if (from_annotation && main->count != total && !self->inherited)
        slv_warnings_add (self->warnings, "quantity-mismatch", subject,
                          _("Piece “%s”: Quantity says %u but the annotation “%s” says %u; using %u."),
                          self->name, total, self->annotation, main->count, total);
      main->count = total;
      self->quantity_source = self->inherited ? SLV_QUANTITY_FROM_BASE_SIZE : SLV_QUANTITY_FROM_FILE;
    }
  else if (from_annotation && main->count > 0)
    self->quantity_source = SLV_QUANTITY_FROM_ANNOTATION;
  else
    {
      if (has_qty && !self->inherited)
        slv_warnings_add (self->warnings, "quantity-zero", subject,
                          _("Piece “%s”: Quantity is 0 and the annotation gives no count; "
                            "counting one."), self->name);
      main->count = 1;
      self->quantity_source = SLV_QUANTITY_DEFAULT;
    }
  /* Pairs are cut as left and right: ASTM says how many are mirrored,
   * otherwise every second copy is. */
  for (guint i = 0; i < self->cuts->len; i++)
    {
      SlvCut *c = &g_array_index (self->cuts, SlvCut, i);

      c->flipped = (i == 0 && explicit_flip) ? MIN (flipped, c->count) : c->count / 2;
    }
  self->quantity = main->count;
}

static void
update_fold (SlvPatternPiece *self)
{
  g_clear_pointer (&self->unfolded, slv_polygon_unref);
  self->unfolded_area = -1;
  if (!self->has_mirror || self->boundary == NULL)
    return;
  self->unfolded = slv_polygon_unfold (self->boundary, self->mirror[0], self->mirror[1],
                                       FOLD_TOLERANCE, &self->unfolded_area);
  if (self->unfolded == NULL)
    slv_warnings_add (self->warnings, "mirror-off-boundary", self->block,
                      _("Piece “%s”: the mirror line does not run along the boundary; the "
                        "unfolded area is taken as twice the drawn area."), self->name);
}

void
slv_pattern_piece_update (SlvPatternPiece *self)
{
  g_return_if_fail (SLV_IS_PATTERN_PIECE (self));

  g_ptr_array_set_size (self->warnings, 0);
  if (self->boundary != NULL && !self->closed)
    slv_warnings_add (self->warnings, "boundary-open", self->block,
                      _("Piece “%s”: the boundary does not close; its area is measured as if "
                        "the ends were joined."), self->name);
  if (self->unchained > 0)
    slv_warnings_add (self->warnings, "boundary-unchained", self->block,
                      _("Piece “%s”: %u boundary segments do not connect to the others and "
                        "were left out."), self->name, self->unchained);
  update_fold (self);
  update_cuts (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUANTITY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AREA]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FABRIC]);
}

double
slv_pattern_piece_get_area (SlvPatternPiece *self)
{
  g_return_val_if_fail (SLV_IS_PATTERN_PIECE (self), 0);
  return self->boundary ? slv_polygon_area (self->boundary) : 0;
}

double
slv_pattern_piece_get_signed_area (SlvPatternPiece *self)
{
  g_return_val_if_fail (SLV_IS_PATTERN_PIECE (self), 0);
  return self->boundary ? slv_polygon_signed_area (self->boundary) : 0;
}

double
slv_pattern_piece_get_unfolded_area (SlvPatternPiece *self)
{
  g_return_val_if_fail (SLV_IS_PATTERN_PIECE (self), -1);
  return self->unfolded_area;
}

SlvPolygon *
slv_pattern_piece_get_cut_outline (SlvPatternPiece *self)
{
  g_return_val_if_fail (SLV_IS_PATTERN_PIECE (self), NULL);
  return self->unfolded ? self->unfolded : self->boundary;
}

double
slv_pattern_piece_get_cut_area (SlvPatternPiece *self)
{
  g_return_val_if_fail (SLV_IS_PATTERN_PIECE (self), 0);
  return self->unfolded_area >= 0 ? self->unfolded_area : slv_pattern_piece_get_area (self);
}

double
slv_pattern_piece_get_perimeter (SlvPatternPiece *self)
{
  g_return_val_if_fail (SLV_IS_PATTERN_PIECE (self), 0);
  return self->boundary ? slv_polygon_perimeter (self->boundary) : 0;
}

SlvBBox
slv_pattern_piece_get_bbox (SlvPatternPiece *self)
{
  SlvBBox none = { 1, 1, 0, 0 };

  g_return_val_if_fail (SLV_IS_PATTERN_PIECE (self), none);
  return self->boundary ? slv_polygon_bbox (self->boundary) : none;
}

double
slv_pattern_piece_get_grain_angle (SlvPatternPiece *self)
{
  g_return_val_if_fail (SLV_IS_PATTERN_PIECE (self), -1);
  if (!self->has_grain || slv_point_distance (self->grain[0], self->grain[1]) == 0)
    return -1;
  return slv_line_angle (self->grain[0], self->grain[1]);
}

guint
slv_pattern_piece_get_quantity (SlvPatternPiece *self)
{
  g_return_val_if_fail (SLV_IS_PATTERN_PIECE (self), 0);
  return self->quantity;
}

SlvQuantitySource
slv_pattern_piece_get_quantity_source (SlvPatternPiece *self)
{
  g_return_val_if_fail (SLV_IS_PATTERN_PIECE (self), SLV_QUANTITY_DEFAULT);
  return self->quantity_source;
}

GArray *
slv_pattern_piece_get_cuts (SlvPatternPiece *self)
{
  g_return_val_if_fail (SLV_IS_PATTERN_PIECE (self), NULL);
  return self->cuts;
}

const char *
slv_pattern_piece_get_panel_id (SlvPatternPiece *self)
{
  g_return_val_if_fail (SLV_IS_PATTERN_PIECE (self), NULL);
  return self->panel_id;
}

GPtrArray *
slv_pattern_piece_get_warnings (SlvPatternPiece *self)
{
  g_return_val_if_fail (SLV_IS_PATTERN_PIECE (self), NULL);
  return self->warnings;
}
