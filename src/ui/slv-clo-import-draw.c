/* slv-clo-import-draw.c: the import dialog's drawings — the pieces of a
 * size with their names, grain lines, notches and drill holes, and the
 * marker the nesting estimate laid.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-clo-import-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "slv-clo-import-dialog-private.h"
#include "core/slv-pattern-piece.h"

#define MARGIN 16.0   /* px around a drawing */
#define GAP    0.06   /* of the largest piece's extent, between pieces */

/* A colour per fabric key, the same in the pieces and the marker. */
static void
fabric_rgb (const char *fabric,
            double      rgb[3])
{
  static const double palette[][3] = {
    { 0.21, 0.52, 0.89 },   /* blue */
    { 1.00, 0.47, 0.00 },   /* orange */
    { 0.20, 0.69, 0.42 },   /* green */
    { 0.57, 0.25, 0.67 },   /* purple */
    { 0.88, 0.11, 0.14 },   /* red */
    { 0.60, 0.76, 0.10 },   /* lime */
  };
  guint i;

  if (fabric == NULL || g_str_has_prefix (fabric, "FABRIC") || g_str_equal (fabric, "SELF") ||
      g_str_equal (fabric, "SHELL"))
    i = 0;
  else if (g_str_equal (fabric, "RIB"))
    i = 1;
  else if (g_str_equal (fabric, "INTERLINING") || g_str_equal (fabric, "FUSIBLE"))
    i = 2;
  else
    i = 3 + g_str_hash (fabric) % 3;
  rgb[0] = palette[i][0];
  rgb[1] = palette[i][1];
  rgb[2] = palette[i][2];
}

static const char *
piece_fabric (SlvPatternPiece *p)
{
  GArray *cuts = slv_pattern_piece_get_cuts (p);

  return cuts->len ? g_array_index (cuts, SlvCut, 0).fabric : NULL;
}

static void
path_polygon (cairo_t          *cr,
              const SlvPolygon *poly,
              gboolean          close)
{
  const SlvPoint *pts = slv_polygon_get_points (poly);

  for (guint i = 0; i < slv_polygon_get_n_points (poly); i++)
    if (i == 0)
      cairo_move_to (cr, pts[i].x, pts[i].y);
    else
      cairo_line_to (cr, pts[i].x, pts[i].y);
  if (close)
    cairo_close_path (cr);
}

/* -- the pieces of a size -- */

typedef struct
{
  double x, y;        /* slot origin, layout mm (y down) */
} Slot;

/* Shelf layout of the pieces' boxes in rows at most @row_width wide;
 * returns the layout's extent. */
static void
shelf_layout (GPtrArray *pieces,
              double     row_width,
              double     gap,
              Slot      *slots,
              double    *out_w,
              double    *out_h)
{
  double x = 0, y = 0, row_h = 0, w = 0;

  for (guint i = 0; i < pieces->len; i++)
    {
      SlvBBox b = slv_polygon_bbox (slv_pattern_piece_get_cut_outline (g_ptr_array_index (pieces, i)));
      double pw = b.x1 - b.x0, ph = b.y1 - b.y0;

      if (x > 0 && x + pw > row_width)
        {
          y += row_h + gap;
          x = 0;
          row_h = 0;
        }
      slots[i].x = x;
      slots[i].y = y;
      x += pw + gap;
      row_h = MAX (row_h, ph);
      w = MAX (w, x - gap);
    }
  *out_w = w;
  *out_h = y + row_h;
}

static gint
by_height (gconstpointer a,
           gconstpointer b)
{
  SlvBBox x = slv_polygon_bbox (slv_pattern_piece_get_cut_outline (*(SlvPatternPiece **) a));
  SlvBBox y = slv_polygon_bbox (slv_pattern_piece_get_cut_outline (*(SlvPatternPiece **) b));
  double hx = x.y1 - x.y0, hy = y.y1 - y.y0;

  return (hx < hy) - (hx > hy);
}

/* A short stroke into the piece at each notch, a ring at each drill hole. */
static void
draw_marks (cairo_t         *cr,
            SlvPatternPiece *p,
            double           px)
{
  GArray *notches = slv_pattern_piece_get_notches (p);
  GArray *holes = slv_pattern_piece_get_drill_holes (p);
  SlvBBox b = slv_pattern_piece_get_bbox (p);
  double cx = (b.x0 + b.x1) / 2, cy = (b.y0 + b.y1) / 2;

  for (guint i = 0; i < notches->len; i++)
    {
      SlvNotch *n = &g_array_index (notches, SlvNotch, i);
      double dx = cx - n->at.x, dy = cy - n->at.y, len = hypot (dx, dy);

      if (n->angle != 0)
        dx = cos (n->angle * G_PI / 180), dy = sin (n->angle * G_PI / 180), len = 1;
      if (len <= 0)
        continue;
      cairo_move_to (cr, n->at.x, n->at.y);
      cairo_line_to (cr, n->at.x + dx / len * 7 * px, n->at.y + dy / len * 7 * px);
    }
  cairo_stroke (cr);
  for (guint i = 0; i < holes->len; i++)
    {
      SlvPoint *h = &g_array_index (holes, SlvPoint, i);

      cairo_new_sub_path (cr);
      cairo_arc (cr, h->x, h->y, 2.5 * px, 0, 2 * G_PI);
    }
  cairo_stroke (cr);
}

/* The grain line, with an arrow head at each end. */
static void
draw_grain (cairo_t         *cr,
            SlvPatternPiece *p,
            double           px)
{
  SlvPoint a, b;
  double dx, dy, len;

  if (!slv_pattern_piece_get_grain (p, &a, &b))
    return;
  dx = b.x - a.x, dy = b.y - a.y, len = hypot (dx, dy);
  if (len <= 0)
    return;
  dx /= len, dy /= len;
  cairo_move_to (cr, a.x, a.y);
  cairo_line_to (cr, b.x, b.y);
  for (int end = 0; end < 2; end++)
    {
      SlvPoint t = end ? b : a;
      double s = end ? -1 : 1, h = 6 * px;

      cairo_move_to (cr, t.x + s * (dx * h - dy * h * 0.5), t.y + s * (dy * h + dx * h * 0.5));
      cairo_line_to (cr, t.x, t.y);
      cairo_line_to (cr, t.x + s * (dx * h + dy * h * 0.5), t.y + s * (dy * h - dx * h * 0.5));
    }
  cairo_stroke (cr);
}

static void
draw_lines (cairo_t         *cr,
            SlvPatternPiece *p,
            double           px)
{
  static const SlvPieceLines kinds[] = { SLV_PIECE_LINES_INTERNAL, SLV_PIECE_LINES_SEW, SLV_PIECE_LINES_CUTOUT };
  double dash[] = { 4 * px, 3 * px };
  SlvPoint a, b;

  cairo_save (cr);
  /* On the piece only: a line a CAD drew past the cut edge is not cut. */
  path_polygon (cr, slv_pattern_piece_get_cut_outline (p), TRUE);
  cairo_clip (cr);
  cairo_set_dash (cr, dash, 2, 0);
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      GPtrArray *lines = slv_pattern_piece_get_lines (p, kinds[k]);

      for (guint i = 0; lines != NULL && i < lines->len; i++)
        path_polygon (cr, g_ptr_array_index (lines, i), FALSE);
    }
  if (slv_pattern_piece_get_mirror (p, &a, &b))
    {
      cairo_move_to (cr, a.x, a.y);
      cairo_line_to (cr, b.x, b.y);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* The piece's name (and count) at the centre of its box, @w × @h px;
 * along the piece when it is tall and narrow. */
static void
draw_label (cairo_t         *cr,
            GtkWidget       *widget,
            SlvPatternPiece *p,
            double           x,
            double           y,
            double           w,
            double           h)
{
  g_autofree char *text = slv_pattern_piece_get_quantity (p) > 1
                          ? g_strdup_printf ("%s ×%u", slv_pattern_piece_get_name (p), slv_pattern_piece_get_quantity (p))
                          : g_strdup (slv_pattern_piece_get_name (p));
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  gboolean along = w < 80 && h > 1.5 * w;
  double room = along ? h : MAX (w * 1.15, 96);
  GdkRGBA bg = { 1, 1, 1, 1 };
  g_autofree char *markup = g_markup_printf_escaped ("<small>%s</small>", text);
  int tw, th;

  /* Smaller than the text around: a caption on the drawing. */
  pango_layout_set_markup (layout, markup, -1);

  pango_layout_set_width (layout, (int) (room * PANGO_SCALE));
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_get_pixel_size (layout, &tw, &th);
  /* A halo in the window's colour keeps the name readable over lines. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), "window_bg_color", &bg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  cairo_save (cr);
  cairo_translate (cr, x, y);
  if (along)
    cairo_rotate (cr, -G_PI / 2);
  cairo_move_to (cr, -room / 2, -th / 2.0);
  pango_cairo_layout_path (cr, layout);
  cairo_set_source_rgba (cr, bg.red, bg.green, bg.blue, 0.85);
  cairo_set_line_width (cr, 4);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);
  cairo_restore (cr);
  cairo_save (cr);
  cairo_translate (cr, x, y);
  if (along)
    cairo_rotate (cr, -G_PI / 2);
  cairo_move_to (cr, -room / 2, -th / 2.0);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

void
slv_clo_import_draw_pieces (GtkDrawingArea *area,
                            cairo_t        *cr,
                            int             width,
                            int             height,
                            gpointer        user_data)
{
  SlvCloImportDialog *self = user_data;
  GtkWidget *widget = GTK_WIDGET (area);
  g_autoptr(GPtrArray) sorted = NULL;
  g_autofree Slot *slots = NULL;
  double aw = width - 2 * MARGIN, ah = height - 2 * MARGIN, gap, best = 0, best_w = 0;
  double lw = 0, lh = 0, scale, ox, oy, extent = 0, area_sum = 0;
  GdkRGBA fg;

  if (self->pieces == NULL || self->pieces->len == 0 || aw <= 0 || ah <= 0)
    return;
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  sorted = g_ptr_array_new_full (self->pieces->len, g_object_unref);
  for (guint i = 0; i < self->pieces->len; i++)
    g_ptr_array_add (sorted, g_object_ref (g_ptr_array_index (self->pieces, i)));
  g_ptr_array_sort (sorted, by_height);
  slots = g_new0 (Slot, sorted->len);
  for (guint i = 0; i < sorted->len; i++)
    {
      SlvBBox b = slv_polygon_bbox (slv_pattern_piece_get_cut_outline (g_ptr_array_index (sorted, i)));

      extent = MAX (extent, MAX (b.x1 - b.x0, b.y1 - b.y0));
      area_sum += (b.x1 - b.x0) * (b.y1 - b.y0);
    }
  gap = extent * GAP;
  /* The row width that lets the layout be drawn largest. */
  for (int k = 1; k <= 24; k++)
    {
      double rw = MAX (extent, sqrt (area_sum) * k / 6), s;

      shelf_layout (sorted, rw, gap, slots, &lw, &lh);
      s = MIN (aw / lw, ah / lh);
      if (s > best)
        best = s, best_w = rw;
    }
  shelf_layout (sorted, best_w, gap, slots, &lw, &lh);
  scale = best;
  ox = MARGIN + (aw - lw * scale) / 2;
  oy = MARGIN + (ah - lh * scale) / 2;
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < sorted->len; i++)
    {
      SlvPatternPiece *p = g_ptr_array_index (sorted, i);
      SlvBBox b = slv_polygon_bbox (slv_pattern_piece_get_cut_outline (p));
      double rgb[3], px = 1 / scale;

      fabric_rgb (piece_fabric (p), rgb);
      cairo_save (cr);
      /* piece mm, y up → device px, y down */
      cairo_translate (cr, ox + slots[i].x * scale, oy + slots[i].y * scale);
      cairo_scale (cr, scale, -scale);
      cairo_translate (cr, -b.x0, -b.y1);
      cairo_set_line_width (cr, px);
      path_polygon (cr, slv_pattern_piece_get_cut_outline (p), TRUE);
      cairo_set_source_rgba (cr, rgb[0], rgb[1], rgb[2], 0.18);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, rgb[0], rgb[1], rgb[2], 0.9);
      cairo_set_line_width (cr, 1.5 * px);
      cairo_stroke (cr);
      cairo_set_line_width (cr, px);
      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.45);
      draw_lines (cr, p, px);
      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.8);
      draw_grain (cr, p, px);
      cairo_set_source_rgba (cr, rgb[0] * 0.6, rgb[1] * 0.6, rgb[2] * 0.6, 1);
      cairo_set_line_width (cr, 1.5 * px);
      draw_marks (cr, p, px);
      cairo_restore (cr);
      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.9);
      draw_label (cr, widget, p, ox + (slots[i].x + (b.x1 - b.x0) / 2) * scale,
                  oy + (slots[i].y + (b.y1 - b.y0) / 2) * scale, (b.x1 - b.x0) * scale, (b.y1 - b.y0) * scale);
    }
}

/* -- the marker -- */

void
slv_clo_import_draw_marker (GtkDrawingArea *area,
                            cairo_t        *cr,
                            int             width,
                            int             height,
                            gpointer        user_data)
{
  SlvCloImportDialog *self = user_data;
  SlvMarker *marker = slv_clo_import_dialog_get_marker (self);
  double aw = width - 2 * MARGIN, ah = height - 2 * MARGIN, len, w, scale, ox, oy, rgb[3];
  const char *fabric = NULL;
  double dash[] = { 6, 4 };
  GdkRGBA fg;

  if (marker == NULL || aw <= 0 || ah <= 0)
    return;
  len = slv_marker_get_length (marker);
  w = slv_marker_get_width (marker);
  if (len <= 0 || w <= 0)
    return;
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &fg);
  for (guint i = 0; i < self->markers->len; i++)
    if (g_ptr_array_index (self->markers, i) == marker)
      fabric = g_ptr_array_index (self->marker_names, i);
  fabric_rgb (fabric, rgb);
  scale = MIN (aw / len, ah / w);
  ox = MARGIN + (aw - len * scale) / 2;
  oy = MARGIN + (ah - w * scale) / 2;
  /* the fabric: length along x, width across */
  cairo_rectangle (cr, ox, oy, len * scale, w * scale);
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.05);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.5);
  cairo_set_line_width (cr, 1);
  cairo_save (cr);
  cairo_set_dash (cr, dash, 2, 0);
  cairo_stroke (cr);
  cairo_restore (cr);
  cairo_save (cr);
  cairo_translate (cr, ox, oy);
  cairo_scale (cr, scale, scale);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < slv_marker_get_n_placements (marker); i++)
    {
      const SlvPlacement *pl = slv_marker_get_placement (marker, i);
      double shade = 0.14 + 0.1 * (pl->piece % 4);

      path_polygon (cr, pl->outline, TRUE);
      cairo_set_source_rgba (cr, rgb[0], rgb[1], rgb[2], shade);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, rgb[0], rgb[1], rgb[2], 0.9);
      cairo_set_line_width (cr, 1 / scale);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}
