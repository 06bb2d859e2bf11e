/* slv-qty-curve.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-qty-curve"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "slv-qty-curve.h"

#define MIN_QTY     100
#define N_SAMPLES   40
#define PAD_LEFT    48.0
#define PAD_RIGHT   12.0
#define PAD_TOP     12.0
#define PAD_BOTTOM  24.0

typedef struct
{
  gint64     qty;
  SlvDecimal fob;
} Point;

struct _SlvQtyCurve
{
  GtkWidget          parent_instance;
  SlvCostingSession *session;
  GArray            *points;   /* Point, by quantity */
  gint64             order_qty;
};

G_DEFINE_FINAL_TYPE (SlvQtyCurve, slv_qty_curve, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_SESSION, N_PROPS };
static GParamSpec *properties[N_PROPS];

static int
compare_qty (gconstpointer a,
             gconstpointer b)
{
  gint64 qa = *(const gint64 *) a, qb = *(const gint64 *) b;

  return (qa > qb) - (qa < qb);
}

/* Quantities on each side of the tiers of the rates the lines use. */
static void
add_tier_quantities (GArray          *qtys,
                     SlvCostingInput *input,
                     SlvCostMaster   *master,
                     gint64           top)
{
  GPtrArray *rates = slv_cost_master_get_rates (master);

  for (guint i = 0; i < input->processes->len; i++)
    {
      const SlvRate *used = g_array_index (input->processes, SlvProcessInput, i).rate;

      for (guint j = 0; used != NULL && j < rates->len; j++)
        {
          const SlvRate *r = g_ptr_array_index (rates, j);
          gint64 t = r->tier_min_qty;

          if (r->group == used->group && t > MIN_QTY && t < top)
            {
              gint64 before = t - 1;

              g_array_append_val (qtys, before);
              g_array_append_val (qtys, t);
            }
        }
    }
}

static void
recompute (SlvQtyCurve *self)
{
  g_autoptr(GArray) qtys = g_array_new (FALSE, FALSE, sizeof (gint64));
  SlvCostSheet *sheet;
  gint64 top;

  g_array_set_size (self->points, 0);
  if (self->session == NULL || (sheet = slv_costing_session_get_sheet (self->session)) == NULL)
    {
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }
  g_object_get (self->session, "order-qty", &self->order_qty, NULL);
  top = MAX (20000, self->order_qty * 4);
  for (guint i = 0; i < N_SAMPLES; i++)
    {
      gint64 q = (gint64) llround (MIN_QTY * pow ((double) top / MIN_QTY, (double) i / (N_SAMPLES - 1)));

      g_array_append_val (qtys, q);
    }
  g_array_append_val (qtys, self->order_qty);
  add_tier_quantities (qtys, slv_cost_sheet_get_input (sheet), slv_cost_sheet_get_master (sheet), top);
  g_array_sort (qtys, compare_qty);
  for (guint i = 0; i < qtys->len; i++)
    {
      Point p = { g_array_index (qtys, gint64, i), { 0 } };

      if (p.qty <= 0 || (self->points->len > 0 && g_array_index (self->points, Point, self->points->len - 1).qty == p.qty))
        continue;
      if (slv_costing_session_price_at (self->session, p.qty, SLV_TOTAL_FOB, &p.fob))
        g_array_append_val (self->points, p);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static double
x_for (double width,
       gint64 qty,
       gint64 lo,
       gint64 hi)
{
  return PAD_LEFT + (width - PAD_LEFT - PAD_RIGHT) * (log ((double) qty) - log ((double) lo)) /
                    MAX (1e-9, log ((double) hi) - log ((double) lo));
}

static double
y_for (double height,
       double value,
       double lo,
       double hi)
{
  return PAD_TOP + (height - PAD_TOP - PAD_BOTTOM) * (1 - (value - lo) / MAX (1e-9, hi - lo));
}

static void
show_text (SlvQtyCurve   *self,
           cairo_t       *cr,
           double         x,
           double         y,
           double         xalign,
           const char    *text)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
  int w, h;

  pango_attr_list_insert (attrs, pango_attr_scale_new (0.8));
  pango_layout_set_attributes (layout, attrs);
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, x - w * xalign, y - h / 2.0);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_axes (SlvQtyCurve   *self,
           cairo_t       *cr,
           const GdkRGBA *fg,
           double         w,
           double         h,
           gint64         lo,
           gint64         hi,
           double         vlo,
           double         vhi)
{
  static const gint64 ticks[] = { 100, 300, 1000, 3000, 10000, 30000, 100000, 300000 };

  cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, 0.15);
  cairo_set_line_width (cr, 1);
  for (guint i = 0; i < 3; i++)
    {
      double v = vlo + (vhi - vlo) * i / 2.0;
      double y = round (y_for (h, v, vlo, vhi)) + 0.5;
      g_autofree char *label = g_strdup_printf ("%.2f", v);

      cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, 0.15);
      cairo_move_to (cr, PAD_LEFT, y);
      cairo_line_to (cr, w - PAD_RIGHT, y);
      cairo_stroke (cr);
      cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, 0.6);
      show_text (self, cr, PAD_LEFT - 6, y, 1.0, label);
    }
  for (guint i = 0; i < G_N_ELEMENTS (ticks); i++)
    {
      g_autofree char *label = NULL;

      if (ticks[i] < lo || ticks[i] > hi)
        continue;
      label = ticks[i] >= 1000 ? g_strdup_printf ("%" G_GINT64_FORMAT "k", ticks[i] / 1000)
                               : g_strdup_printf ("%" G_GINT64_FORMAT, ticks[i]);
      cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, 0.6);
      show_text (self, cr, x_for (w, ticks[i], lo, hi), h - PAD_BOTTOM / 2, 0.5, label);
    }
}

static void
draw_curve (SlvQtyCurve *self,
            cairo_t     *cr,
            double       w,
            double       h,
            gint64       lo,
            gint64       hi,
            double       vlo,
            double       vhi)
{
  GdkRGBA accent;

  gdk_rgba_parse (&accent, "#3584e4");
  gdk_cairo_set_source_rgba (cr, &accent);
  cairo_set_line_width (cr, 2);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < self->points->len; i++)
    {
      const Point *p = &g_array_index (self->points, Point, i);
      double x = x_for (w, p->qty, lo, hi), y = y_for (h, slv_decimal_to_double (p->fob), vlo, vhi);

      if (i == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
  cairo_stroke (cr);
}

static void
draw_order (SlvQtyCurve   *self,
            cairo_t       *cr,
            const GdkRGBA *fg,
            double         w,
            double         h,
            gint64         lo,
            gint64         hi,
            double         vlo,
            double         vhi)
{
  for (guint i = 0; i < self->points->len; i++)
    {
      const Point *p = &g_array_index (self->points, Point, i);
      double x, y;
      g_autofree char *value = NULL;
      g_autofree char *label = NULL;
      g_autofree char *qty = NULL;

      if (p->qty != self->order_qty)
        continue;
      x = x_for (w, p->qty, lo, hi);
      y = y_for (h, slv_decimal_to_double (p->fob), vlo, vhi);
      cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, 0.4);
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, round (x) + 0.5, PAD_TOP);
      cairo_line_to (cr, round (x) + 0.5, h - PAD_BOTTOM);
      cairo_stroke (cr);
      cairo_set_source_rgba (cr, 0.88, 0.11, 0.14, 1);
      cairo_arc (cr, x, y, 4, 0, 2 * G_PI);
      cairo_fill (cr);
      qty = g_strdup_printf ("%" G_GINT64_FORMAT, p->qty);
      value = slv_decimal_format (p->fob, 2, SLV_ROUND_HALF_UP);
      /* TRANSLATORS: an order quantity and the FOB at that quantity */
      label = g_strdup_printf (_("%s pcs: %s"), qty, value);
      gdk_cairo_set_source_rgba (cr, fg);
      show_text (self, cr, x + (x > w / 2 ? -6 : 6), MAX (PAD_TOP + 6, y - 12), x > w / 2 ? 1.0 : 0.0, label);
    }
}

static void
slv_qty_curve_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  SlvQtyCurve *self = SLV_QTY_CURVE (widget);
  double w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  double vlo = G_MAXDOUBLE, vhi = -G_MAXDOUBLE;
  gint64 lo, hi;
  cairo_t *cr;
  GdkRGBA fg;

  if (self->points->len < 2)
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, w, h));
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  lo = g_array_index (self->points, Point, 0).qty;
  hi = g_array_index (self->points, Point, self->points->len - 1).qty;
  for (guint i = 0; i < self->points->len; i++)
    {
      double v = slv_decimal_to_double (g_array_index (self->points, Point, i).fob);

      vlo = MIN (vlo, v);
      vhi = MAX (vhi, v);
    }
  if (vhi - vlo < 0.01)
    vhi = vlo + 0.01;
  draw_axes (self, cr, &fg, w, h, lo, hi, vlo, vhi);
  draw_curve (self, cr, w, h, lo, hi, vlo, vhi);
  draw_order (self, cr, &fg, w, h, lo, hi, vlo, vhi);
  cairo_destroy (cr);
}

static void
slv_qty_curve_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 200 : 120;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 320 : 150;
}

static void
slv_qty_curve_dispose (GObject *object)
{
  SlvQtyCurve *self = SLV_QTY_CURVE (object);

  g_clear_object (&self->session);
  G_OBJECT_CLASS (slv_qty_curve_parent_class)->dispose (object);
}

static void
slv_qty_curve_finalize (GObject *object)
{
  g_array_unref (SLV_QTY_CURVE (object)->points);
  G_OBJECT_CLASS (slv_qty_curve_parent_class)->finalize (object);
}

static void
slv_qty_curve_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, SLV_QTY_CURVE (object)->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
slv_qty_curve_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_SESSION:
      slv_qty_curve_set_session (SLV_QTY_CURVE (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
slv_qty_curve_class_init (SlvQtyCurveClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = slv_qty_curve_dispose;
  object_class->finalize = slv_qty_curve_finalize;
  object_class->get_property = slv_qty_curve_get_property;
  object_class->set_property = slv_qty_curve_set_property;
  widget_class->snapshot = slv_qty_curve_snapshot;
  widget_class->measure = slv_qty_curve_measure;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, SLV_TYPE_COSTING_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_set_css_name (widget_class, "qtycurve");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
slv_qty_curve_init (SlvQtyCurve *self)
{
  self->points = g_array_new (FALSE, FALSE, sizeof (Point));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("FOB against the order quantity"), -1);
}

GtkWidget *
slv_qty_curve_new (void)
{
  return g_object_new (SLV_TYPE_QTY_CURVE, NULL);
}

SlvCostingSession *
slv_qty_curve_get_session (SlvQtyCurve *self)
{
  g_return_val_if_fail (SLV_IS_QTY_CURVE (self), NULL);
  return self->session;
}

void
slv_qty_curve_set_session (SlvQtyCurve       *self,
                           SlvCostingSession *session)
{
  g_return_if_fail (SLV_IS_QTY_CURVE (self));

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  if (!g_set_object (&self->session, session))
    return;
  if (session != NULL)
    g_signal_connect_object (session, "recomputed", G_CALLBACK (recompute), self, G_CONNECT_SWAPPED);
  recompute (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

guint
slv_qty_curve_get_n_points (SlvQtyCurve *self)
{
  g_return_val_if_fail (SLV_IS_QTY_CURVE (self), 0);
  return self->points->len;
}

gboolean
slv_qty_curve_get_point (SlvQtyCurve *self,
                         guint        i,
                         gint64      *qty,
                         SlvDecimal  *fob)
{
  g_return_val_if_fail (SLV_IS_QTY_CURVE (self), FALSE);

  if (i >= self->points->len)
    return FALSE;
  *qty = g_array_index (self->points, Point, i).qty;
  *fob = g_array_index (self->points, Point, i).fob;
  return TRUE;
}
