/* slv-marker.c: bottom-left-fill nesting on a conservative grid — the
 * SlvMarker object, its pieces and the nesting run. The grid itself
 * (variants rasterised into column spans, the fabric's free spans) is in
 * slv-marker-grid.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each orientation of a piece ("variant") is rasterised once into, per grid
 * column, the row spans it occupies. The fabric keeps, per column, its free
 * row spans. Placing a variant at column x means finding the lowest row y
 * such that every occupied span [a, b) of every variant column c fits in a
 * free span of fabric column x + c: for one span that is the union over the
 * free spans F of y ∈ [F.lo − a, F.hi − b]; the feasible rows are the
 * intersection of those unions. Columns are tried left to right and the
 * first feasible one wins (bottom-left), over all allowed variants.
 */
#define G_LOG_DOMAIN "slv-marker"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "slv-marker-private.h"

struct _SlvMarker
{
  GObject         parent_instance;
  SlvNestOptions  opt;
  double          cell;
  int             rows;
  GPtrArray      *pieces;     /* Piece */
  GArray         *placements; /* SlvPlacement */
  double          length;
  double          piece_area;
};

G_DEFINE_FINAL_TYPE (SlvMarker, slv_marker, G_TYPE_OBJECT)
G_DEFINE_QUARK (slv-marker-error-quark, slv_marker_error)

/* -- pieces and the nesting run -- */

static void
piece_free (gpointer data)
{
  Piece *p = data;

  g_free (p->label);
  slv_polygon_unref (p->outline);
  g_clear_pointer (&p->plain, g_ptr_array_unref);
  g_clear_pointer (&p->mirror, g_ptr_array_unref);
  g_free (p);
}

static void
placement_clear (gpointer data)
{
  g_clear_pointer (&((SlvPlacement *) data)->outline, slv_polygon_unref);
}

static GPtrArray *
make_variants (SlvMarker *self,
               Piece     *piece,
               gboolean   flipped)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (slv_marker_variant_free);
  double pad = self->opt.gap / 2;
  static const double all[] = { 0, 180, 90, 270 };
  guint n = (self->opt.rotations & SLV_NEST_ROTATE_90) ? 4 :
            (self->opt.rotations & SLV_NEST_ROTATE_180) ? 2 : 1;

  for (guint i = 0; i < n; i++)
    {
      Variant *v = slv_marker_variant_new (piece, all[i], flipped, self->cell, pad);

      if (v->nr <= self->rows)
        g_ptr_array_add (out, v);
      else
        slv_marker_variant_free (v);
    }
  return out;
}

typedef struct
{
  GArray *placements;   /* SlvPlacement */
  double  length;
  double  area;
} Run;

static void
place (SlvMarker *self,
       Fabric    *fabric,
       guint      index,
       guint      copy,
       GPtrArray *variants,
       gboolean   by_right_edge,
       Run       *run,
       GArray    *set,
       GArray    *tmp)
{
  Variant *best = NULL;
  int bx = G_MAXINT, by = G_MAXINT, bkey = G_MAXINT;
  SlvPlacement pl = { 0 };
  Affine m;
  SlvBBox bb;

  /* The first feasible column of a variant is its best under both rules:
   * leftmost, or nearest far edge. */
  for (guint i = 0; i < variants->len; i++)
    {
      Variant *v = g_ptr_array_index (variants, i);

      for (int x = 0; x <= (int) fabric->columns->len; x++)
        {
          int key = by_right_edge ? x + v->nc : x;
          int y;

          if (key > bkey)
            break;
          y = slv_marker_fabric_fit (fabric, v, x, set, tmp);
          if (y < 0)
            continue;
          if (key < bkey || (key == bkey && y < by) || (key == bkey && y == by && v->nc < best->nc))
            best = v, bx = x, by = y, bkey = key;
          break;
        }
    }
  g_assert (best != NULL);   /* an empty column always fits a variant that fits the width */
  slv_marker_fabric_occupy (fabric, best, bx, by, tmp);
  m = slv_marker_affine_then (best->map, (Affine) { 1, 0, 0, 1, bx * self->cell, by * self->cell });
  pl.piece = index;
  pl.copy = copy;
  pl.rotation = best->rotation;
  pl.flipped = best->flipped;
  pl.xx = m.xx, pl.yx = m.yx, pl.xy = m.xy, pl.yy = m.yy, pl.x0 = m.x0, pl.y0 = m.y0;
  pl.outline = slv_marker_affine_apply (m, ((Piece *) g_ptr_array_index (self->pieces, index))->outline);
  bb = slv_polygon_bbox (pl.outline);
  run->length = MAX (run->length, bb.x1);
  run->area += slv_polygon_area (pl.outline);
  g_array_append_val (run->placements, pl);
}

typedef struct
{
  GPtrArray *pieces;
  guint      mode;    /* 0 area, 1 length along the grain, 2 breadth, 3… jittered area */
  double    *jitter;  /* per piece, for the jittered orders */
} Order;

static double
order_key (const Order *o,
           guint        index)
{
  const Piece *p = g_ptr_array_index (o->pieces, index);

  switch (o->mode)
    {
    case 0:
      return p->area;
    case 1:
      return p->length;
    case 2:
      return p->breadth;
    default:
      return p->area * o->jitter[index];
    }
}

static gint
cmp_order (gconstpointer a,
           gconstpointer b,
           gpointer      user_data)
{
  const Order *o = user_data;
  double ka = order_key (o, *(const guint *) a);
  double kb = order_key (o, *(const guint *) b);

  if (ka != kb)
    return (ka < kb) - (ka > kb);
  return (*(const guint *) a > *(const guint *) b) - (*(const guint *) a < *(const guint *) b);
}

static gboolean
run_once (SlvMarker    *self,
          guint         mode,
          gboolean      by_right_edge,
          Run          *run,
          GCancellable *cancellable)
{
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) set = g_array_new (FALSE, FALSE, sizeof (Span));
  g_autoptr(GArray) tmp = g_array_new (FALSE, FALSE, sizeof (Span));
  g_autofree double *jitter = g_new (double, self->pieces->len + 1);
  g_autoptr(GRand) rand = g_rand_new_with_seed (mode);
  Order ctx = { self->pieces, mode, jitter };
  Fabric fabric;
  gboolean ok = TRUE;

  /* Orders past the first three keep big pieces early but vary the rest,
   * deterministically (seeded by the order number). */
  for (guint i = 0; i < self->pieces->len; i++)
    {
      jitter[i] = g_rand_double_range (rand, 0.5, 1.5);
      g_array_append_val (order, i);
    }
  g_array_sort_with_data (order, cmp_order, &ctx);
  slv_marker_fabric_init (&fabric, self->rows);
  for (guint k = 0; k < order->len && ok; k++)
    {
      guint index = g_array_index (order, guint, k);
      Piece *p = g_ptr_array_index (self->pieces, index);

      for (guint c = 0; c < p->copies && ok; c++)
        {
          gboolean face_down = c >= p->copies - p->flipped;

          place (self, &fabric, index, c, face_down ? p->mirror : p->plain, by_right_edge, run, set, tmp);
          ok = !g_cancellable_is_cancelled (cancellable);
        }
    }
  slv_marker_fabric_clear (&fabric);
  return ok;
}

static void
slv_marker_finalize (GObject *object)
{
  SlvMarker *self = SLV_MARKER (object);

  g_ptr_array_unref (self->pieces);
  g_array_unref (self->placements);

  G_OBJECT_CLASS (slv_marker_parent_class)->finalize (object);
}

static void
slv_marker_class_init (SlvMarkerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = slv_marker_finalize;
}

static void
slv_marker_init (SlvMarker *self)
{
  self->pieces = g_ptr_array_new_with_free_func (piece_free);
  self->placements = g_array_new (FALSE, TRUE, sizeof (SlvPlacement));
  g_array_set_clear_func (self->placements, placement_clear);
}

void
slv_nest_options_init (SlvNestOptions *options,
                       double          width_mm)
{
  g_return_if_fail (options != NULL);

  options->width = width_mm;
  options->gap = 0;
  options->resolution = 0;
  options->rotations = SLV_NEST_ROTATE_180;
  options->orderings = 8;
}

SlvMarker *
slv_marker_new (const SlvNestOptions *options)
{
  SlvMarker *self = g_object_new (SLV_TYPE_MARKER, NULL);

  g_return_val_if_fail (options != NULL, self);

  self->opt = *options;
  self->opt.gap = isfinite (self->opt.gap) ? MAX (self->opt.gap, 0) : 0;
  self->opt.orderings = CLAMP (self->opt.orderings, 1, 32);
  self->cell = self->opt.resolution > 0 ? self->opt.resolution
                                        : CLAMP (self->opt.width / 600, 1, 5);
  return self;
}

guint
slv_marker_add_piece (SlvMarker  *self,
                      const char *label,
                      SlvPolygon *outline,
                      double      grain_angle,
                      guint       copies,
                      guint       flipped)
{
  Piece *p = g_new0 (Piece, 1);
  SlvBBox b;

  g_return_val_if_fail (SLV_IS_MARKER (self) && outline != NULL, 0);

  p->label = g_strdup (label);
  p->outline = slv_polygon_ref (outline);
  p->grain = isfinite (grain_angle) ? grain_angle : -1;
  p->copies = copies;
  p->flipped = MIN (flipped, copies);
  p->area = slv_polygon_area (outline);
  b = slv_polygon_bbox (outline);
  p->length = b.x1 - b.x0;
  p->breadth = b.y1 - b.y0;
  g_ptr_array_add (self->pieces, p);
  return self->pieces->len - 1;
}

static gboolean
prepare (SlvMarker  *self,
         GError    **error)
{
  if (!isfinite (self->opt.width) || self->opt.width <= 0 || self->opt.width > 20000 ||
      !isfinite (self->cell) || self->opt.width / self->cell > 100000)
    {
      g_set_error (error, SLV_MARKER_ERROR, SLV_MARKER_ERROR_INVALID,
                   _("The fabric width %.1f mm cannot be used for a marker."), self->opt.width);
      return FALSE;
    }
  self->rows = (int) floor (self->opt.width / self->cell);
  for (guint i = 0; i < self->pieces->len; i++)
    {
      Piece *p = g_ptr_array_index (self->pieces, i);

      if (slv_polygon_get_n_points (p->outline) < 3 || !slv_polygon_is_finite (p->outline) ||
          p->length / self->cell > 100000 || p->breadth / self->cell > 100000)
        {
          g_set_error (error, SLV_MARKER_ERROR, SLV_MARKER_ERROR_INVALID,
                       _("Piece “%s” has no usable outline for nesting."), p->label);
          return FALSE;
        }
      g_clear_pointer (&p->plain, g_ptr_array_unref);
      g_clear_pointer (&p->mirror, g_ptr_array_unref);
      p->plain = make_variants (self, p, FALSE);
      if (p->flipped > 0)
        p->mirror = make_variants (self, p, TRUE);
      if (p->copies > 0 && (p->plain->len == 0 || (p->mirror && p->mirror->len == 0)))
        {
          g_set_error (error, SLV_MARKER_ERROR, SLV_MARKER_ERROR_TOO_WIDE,
                       _("Piece “%s” does not fit across the %.0f mm fabric width in any "
                         "allowed grain direction."), p->label, self->opt.width);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
slv_marker_nest (SlvMarker     *self,
                 GCancellable  *cancellable,
                 GError       **error)
{
  double best_eff = -1;
  guint total = 0;

  g_return_val_if_fail (SLV_IS_MARKER (self), FALSE);

  for (guint i = 0; i < self->pieces->len; i++)
    total += ((Piece *) g_ptr_array_index (self->pieces, i))->copies;
  if (total == 0)
    {
      g_set_error (error, SLV_MARKER_ERROR, SLV_MARKER_ERROR_NO_PIECES,
                   _("There are no pieces to lay out."));
      return FALSE;
    }
  if (!prepare (self, error))
    return FALSE;
  /* Each piece order, with each placement rule; the densest wins. */
  for (guint k = 0; k < 2 * self->opt.orderings; k++)
    {
      Run run = { g_array_new (FALSE, TRUE, sizeof (SlvPlacement)), 0, 0 };
      double eff;

      g_array_set_clear_func (run.placements, placement_clear);
      if (!run_once (self, k / 2, k % 2, &run, cancellable))
        {
          g_array_unref (run.placements);
          g_set_error (error, SLV_MARKER_ERROR, SLV_MARKER_ERROR_CANCELLED,
                       _("The marker estimate was cancelled."));
          return FALSE;
        }
      eff = run.length > 0 ? run.area / (run.length * self->opt.width) : 0;
      if (eff > best_eff)
        {
          best_eff = eff;
          g_array_unref (self->placements);
          self->placements = run.placements;
          self->length = run.length;
          self->piece_area = run.area;
        }
      else
        g_array_unref (run.placements);
    }
  return TRUE;
}

guint
slv_marker_get_n_pieces (SlvMarker *self)
{
  g_return_val_if_fail (SLV_IS_MARKER (self), 0);
  return self->pieces->len;
}

const char *
slv_marker_get_label (SlvMarker *self,
                      guint      piece)
{
  g_return_val_if_fail (SLV_IS_MARKER (self) && piece < self->pieces->len, NULL);
  return ((Piece *) g_ptr_array_index (self->pieces, piece))->label;
}

guint
slv_marker_get_n_placements (SlvMarker *self)
{
  g_return_val_if_fail (SLV_IS_MARKER (self), 0);
  return self->placements->len;
}

const SlvPlacement *
slv_marker_get_placement (SlvMarker *self,
                          guint      index)
{
  g_return_val_if_fail (SLV_IS_MARKER (self) && index < self->placements->len, NULL);
  return &g_array_index (self->placements, SlvPlacement, index);
}

double
slv_marker_get_width (SlvMarker *self)
{
  g_return_val_if_fail (SLV_IS_MARKER (self), 0);
  return self->opt.width;
}

double
slv_marker_get_length (SlvMarker *self)
{
  g_return_val_if_fail (SLV_IS_MARKER (self), 0);
  return self->length;
}

double
slv_marker_get_piece_area (SlvMarker *self)
{
  g_return_val_if_fail (SLV_IS_MARKER (self), 0);
  return self->piece_area;
}

double
slv_marker_get_efficiency (SlvMarker *self)
{
  g_return_val_if_fail (SLV_IS_MARKER (self), 0);
  if (self->length <= 0)
    return 0;
  return self->piece_area / (self->length * self->opt.width);
}

double
slv_marker_get_resolution (SlvMarker *self)
{
  g_return_val_if_fail (SLV_IS_MARKER (self), 0);
  return self->cell;
}
