/* slv-marker.c: bottom-left-fill nesting on a conservative grid.
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

#include "slv-marker.h"

typedef struct
{
  int lo, hi;                 /* rows [lo, hi) for spans, [lo, hi] for feasible sets */
} Span;

typedef struct
{
  double xx, yx, xy, yy, x0, y0;
} Affine;

typedef struct
{
  double      rotation;
  gboolean    flipped;
  Affine      map;            /* piece coordinates → variant frame */
  SlvPolygon *shape;          /* in the variant frame */
  int         nc, nr;
  GArray     *spans;          /* Span, column after column */
  GArray     *starts;         /* int, nc + 1 offsets into spans */
} Variant;

typedef struct
{
  char       *label;
  SlvPolygon *outline;
  double      grain;
  guint       copies, flipped;
  double      area, length, breadth;
  GPtrArray  *plain;          /* Variant */
  GPtrArray  *mirror;         /* Variant, for flipped copies */
} Piece;

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

/* -- affine maps -- */

static Affine
affine_rotation (double degrees)
{
  double r = degrees * G_PI / 180, c = cos (r), s = sin (r);
  double q = fmod (degrees, 90);

  if (q == 0)
    {
      int k = (((int) lround (degrees / 90)) % 4 + 4) % 4;

      c = (k == 0) ? 1 : (k == 2) ? -1 : 0;
      s = (k == 1) ? 1 : (k == 3) ? -1 : 0;
    }
  return (Affine) { c, s, -s, c, 0, 0 };
}

/* @a then @b */
static Affine
affine_then (Affine a,
             Affine b)
{
  Affine r;

  r.xx = b.xx * a.xx + b.xy * a.yx;
  r.xy = b.xx * a.xy + b.xy * a.yy;
  r.yx = b.yx * a.xx + b.yy * a.yx;
  r.yy = b.yx * a.xy + b.yy * a.yy;
  r.x0 = b.xx * a.x0 + b.xy * a.y0 + b.x0;
  r.y0 = b.yx * a.x0 + b.yy * a.y0 + b.y0;
  return r;
}

static SlvPolygon *
affine_apply (Affine            m,
              const SlvPolygon *poly)
{
  const SlvPoint *pts = slv_polygon_get_points (poly);
  guint n = slv_polygon_get_n_points (poly);
  SlvPolygon *out = slv_polygon_new ();

  for (guint i = 0; i < n; i++)
    slv_polygon_append (out, m.xx * pts[i].x + m.xy * pts[i].y + m.x0,
                        m.yx * pts[i].x + m.yy * pts[i].y + m.y0);
  return out;
}

/* -- variants -- */

static void
variant_free (gpointer data)
{
  Variant *v = data;

  slv_polygon_unref (v->shape);
  g_array_unref (v->spans);
  g_array_unref (v->starts);
  g_free (v);
}

static void
mark (gboolean *rows,
      int       nr,
      double    ylo,
      double    yhi,
      double    cell)
{
  int r0 = (int) floor (ylo / cell), r1 = (int) floor (yhi / cell);

  r0 = MAX (r0, 0);
  r1 = MIN (r1, nr - 1);
  for (int r = r0; r <= r1; r++)
    rows[r] = TRUE;
}

static int
cmp_double (gconstpointer a,
            gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Cells of column @c touched by the shape grown by @pad. */
static void
rasterise_column (const SlvPolygon *shape,
                  int               c,
                  double            cell,
                  double            pad,
                  gboolean         *rows,
                  int               nr,
                  GArray           *ys)
{
  const SlvPoint *p = slv_polygon_get_points (shape);
  guint n = slv_polygon_get_n_points (shape);
  double x0 = c * cell - pad, x1 = (c + 1) * cell + pad, xm = c * cell + cell / 2;

  g_array_set_size (ys, 0);
  for (guint i = 0; i < n; i++)
    {
      SlvPoint a = p[i], b = p[(i + 1) % n];
      double ylo, yhi;

      if (MAX (a.x, b.x) >= x0 && MIN (a.x, b.x) <= x1)
        {
          if (a.x == b.x)
            ylo = MIN (a.y, b.y), yhi = MAX (a.y, b.y);
          else
            {
              double t0 = CLAMP ((x0 - a.x) / (b.x - a.x), 0, 1);
              double t1 = CLAMP ((x1 - a.x) / (b.x - a.x), 0, 1);
              double y0 = a.y + t0 * (b.y - a.y), y1 = a.y + t1 * (b.y - a.y);

              ylo = MIN (y0, y1), yhi = MAX (y0, y1);
            }
          mark (rows, nr, ylo - pad, yhi + pad, cell);
        }
      if ((a.x <= xm) != (b.x <= xm))
        {
          double y = a.y + (xm - a.x) / (b.x - a.x) * (b.y - a.y);

          g_array_append_val (ys, y);
        }
    }
  g_array_sort (ys, cmp_double);
  for (guint k = 0; k + 1 < ys->len; k += 2)
    mark (rows, nr, g_array_index (ys, double, k) - pad, g_array_index (ys, double, k + 1) + pad, cell);
}

static Variant *
variant_new (const Piece *piece,
             double       rotation,
             gboolean     flipped,
             double       cell,
             double       pad)
{
  Variant *v = g_new0 (Variant, 1);
  Affine m = affine_rotation (piece->grain >= 0 ? -piece->grain : 0);
  g_autoptr(SlvPolygon) turned = NULL;
  g_autoptr(GArray) ys = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree gboolean *rows = NULL;
  SlvBBox b;

  if (flipped)
    m = affine_then (m, (Affine) { 1, 0, 0, -1, 0, 0 });
  m = affine_then (m, affine_rotation (rotation));
  turned = affine_apply (m, piece->outline);
  b = slv_polygon_bbox (turned);
  m = affine_then (m, (Affine) { 1, 0, 0, 1, pad - b.x0, pad - b.y0 });
  v->rotation = rotation;
  v->flipped = flipped;
  v->map = m;
  v->shape = affine_apply (m, piece->outline);
  v->nc = MAX (1, (int) ceil ((b.x1 - b.x0 + 2 * pad) / cell));
  v->nr = MAX (1, (int) ceil ((b.y1 - b.y0 + 2 * pad) / cell));
  v->spans = g_array_new (FALSE, FALSE, sizeof (Span));
  v->starts = g_array_new (FALSE, FALSE, sizeof (int));
  rows = g_new (gboolean, v->nr);
  for (int c = 0; c < v->nc; c++)
    {
      int start = v->spans->len;

      g_array_append_val (v->starts, start);
      memset (rows, 0, v->nr * sizeof (gboolean));
      rasterise_column (v->shape, c, cell, pad, rows, v->nr, ys);
      for (int r = 0; r < v->nr; r++)
        if (rows[r] && (r == 0 || !rows[r - 1]))
          {
            Span s = { r, r + 1 };

            while (s.hi < v->nr && rows[s.hi])
              s.hi++;
            g_array_append_val (v->spans, s);
          }
    }
  {
    int end = v->spans->len;

    g_array_append_val (v->starts, end);
  }
  return v;
}

/* -- the fabric -- */

typedef struct
{
  GPtrArray *columns;         /* GArray of free Spans per column */
  int        rows;
} Fabric;

static void
fabric_init (Fabric *f,
             int     rows)
{
  f->columns = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  f->rows = rows;
}

static void
fabric_clear (Fabric *f)
{
  g_clear_pointer (&f->columns, g_ptr_array_unref);
}

static GArray *
fabric_column (Fabric *f,
               int     x)
{
  while ((int) f->columns->len <= x)
    {
      GArray *col = g_array_new (FALSE, FALSE, sizeof (Span));
      Span all = { 0, f->rows };

      g_array_append_val (col, all);
      g_ptr_array_add (f->columns, col);
    }
  return g_ptr_array_index (f->columns, x);
}

/* @set ∩ ∪_F [F.lo − a, F.hi − b], in place. */
static void
restrict_set (GArray       *set,
              const GArray *free_spans,
              Span          occ,
              GArray       *tmp)
{
  guint i = 0, j = 0;

  g_array_set_size (tmp, 0);
  while (i < set->len && j < free_spans->len)
    {
      Span s = g_array_index (set, Span, i);
      Span f = g_array_index (free_spans, Span, j);
      Span a = { f.lo - occ.lo, f.hi - occ.hi };
      Span r = { MAX (s.lo, a.lo), MIN (s.hi, a.hi) };

      if (a.hi < a.lo)
        {
          j++;
          continue;
        }
      if (r.lo <= r.hi)
        g_array_append_val (tmp, r);
      if (s.hi < a.hi)
        i++;
      else
        j++;
    }
  g_array_set_size (set, 0);
  g_array_append_vals (set, tmp->data, tmp->len);
}

/* Lowest feasible row for @v at column @x, or −1. */
static int
fabric_fit (Fabric        *f,
            const Variant *v,
            int            x,
            GArray        *set,
            GArray        *tmp)
{
  Span all = { 0, f->rows - v->nr };

  g_array_set_size (set, 0);
  g_array_append_val (set, all);
  for (int c = 0; c < v->nc && set->len > 0; c++)
    {
      int from = g_array_index (v->starts, int, c), to = g_array_index (v->starts, int, c + 1);

      if (x + c >= (int) f->columns->len)
        break;
      for (int k = from; k < to && set->len > 0; k++)
        restrict_set (set, g_ptr_array_index (f->columns, x + c), g_array_index (v->spans, Span, k), tmp);
    }
  return set->len > 0 ? g_array_index (set, Span, 0).lo : -1;
}

static void
subtract (GArray *free_spans,
          Span    occ,
          GArray *tmp)
{
  g_array_set_size (tmp, 0);
  for (guint i = 0; i < free_spans->len; i++)
    {
      Span f = g_array_index (free_spans, Span, i);
      Span left = { f.lo, MIN (f.hi, occ.lo) }, right = { MAX (f.lo, occ.hi), f.hi };

      if (occ.hi <= f.lo || occ.lo >= f.hi)
        {
          g_array_append_val (tmp, f);
          continue;
        }
      if (left.hi > left.lo)
        g_array_append_val (tmp, left);
      if (right.hi > right.lo)
        g_array_append_val (tmp, right);
    }
  g_array_set_size (free_spans, 0);
  g_array_append_vals (free_spans, tmp->data, tmp->len);
}

static void
fabric_occupy (Fabric        *f,
               const Variant *v,
               int            x,
               int            y,
               GArray        *tmp)
{
  for (int c = 0; c < v->nc; c++)
    {
      GArray *col = fabric_column (f, x + c);

      for (int k = g_array_index (v->starts, int, c); k < g_array_index (v->starts, int, c + 1); k++)
        {
          Span s = g_array_index (v->spans, Span, k);

          subtract (col, (Span) { s.lo + y, s.hi + y }, tmp);
        }
    }
}

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
  GPtrArray *out = g_ptr_array_new_with_free_func (variant_free);
  double pad = self->opt.gap / 2;
  static const double all[] = { 0, 180, 90, 270 };
  guint n = (self->opt.rotations & SLV_NEST_ROTATE_90) ? 4 :
            (self->opt.rotations & SLV_NEST_ROTATE_180) ? 2 : 1;

  for (guint i = 0; i < n; i++)
    {
      Variant *v = variant_new (piece, all[i], flipped, self->cell, pad);

      if (v->nr <= self->rows)
        g_ptr_array_add (out, v);
      else
        variant_free (v);
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
          y = fabric_fit (fabric, v, x, set, tmp);
          if (y < 0)
            continue;
          if (key < bkey || (key == bkey && y < by) || (key == bkey && y == by && v->nc < best->nc))
            best = v, bx = x, by = y, bkey = key;
          break;
        }
    }
  g_assert (best != NULL);   /* an empty column always fits a variant that fits the width */
  fabric_occupy (fabric, best, bx, by, tmp);
  m = affine_then (best->map, (Affine) { 1, 0, 0, 1, bx * self->cell, by * self->cell });
  pl.piece = index;
  pl.copy = copy;
  pl.rotation = best->rotation;
  pl.flipped = best->flipped;
  pl.xx = m.xx, pl.yx = m.yx, pl.xy = m.xy, pl.yy = m.yy, pl.x0 = m.x0, pl.y0 = m.y0;
  pl.outline = affine_apply (m, ((Piece *) g_ptr_array_index (self->pieces, index))->outline);
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
  fabric_init (&fabric, self->rows);
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
  fabric_clear (&fabric);
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
