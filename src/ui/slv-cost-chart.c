/* slv-cost-chart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-cost-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "slv-cost-chart.h"

#define DONUT 150.0   /* diameter */
#define RING  30.0    /* ring width */
#define GAP   16.0    /* between donut and legend */
#define ROW   20.0    /* legend row height */

struct _SlvCostChart
{
  GtkWidget     parent_instance;
  SlvCostSheet *sheet;
  double        values[SLV_COST_N_GROUPS];
  double        total;
  guint         n_segments;
  int           legend_width;
};

G_DEFINE_FINAL_TYPE (SlvCostChart, slv_cost_chart, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_SHEET, N_PROPS };
static GParamSpec *properties[N_PROPS];

const char *
slv_cost_group_title (SlvCostGroup group)
{
  switch (group)
    {
    case SLV_COST_GROUP_FABRIC: return _("Fabric");
    case SLV_COST_GROUP_TRIMS: return _("Trims, packing");
    case SLV_COST_GROUP_PROCESSING: return _("Knit, dye, wash");
    case SLV_COST_GROUP_DECORATION: return _("Print, embroidery");
    case SLV_COST_GROUP_MAKING: return _("Making (CM)");
    case SLV_COST_GROUP_OTHER: return _("Testing, other");
    case SLV_COST_GROUP_OVERHEAD: return _("Overhead");
    case SLV_COST_GROUP_COMMERCIAL: return _("Commercial cost");
    case SLV_COST_GROUP_PROFIT: return _("Profit");
    case SLV_COST_GROUP_NONE:
    case SLV_COST_N_GROUPS:
    default: return _("Other");
    }
}

const char *
slv_cost_group_colour (SlvCostGroup group)
{
  /* GNOME palette: blue, purple, teal, orange, red, brown, light grey,
   * yellow, green */
  static const char * const colours[SLV_COST_N_GROUPS] = {
    "#9a9996", "#3584e4", "#9141ac", "#2190a4", "#ff7800", "#e01b24",
    "#986a44", "#c0bfbc", "#f6d32d", "#33d17a",
  };

  return group < SLV_COST_N_GROUPS ? colours[group] : colours[0];
}

static void
set_source (cairo_t    *cr,
            const char *spec,
            double      alpha)
{
  GdkRGBA rgba;

  gdk_rgba_parse (&rgba, spec);
  cairo_set_source_rgba (cr, rgba.red, rgba.green, rgba.blue, alpha);
}

static void
draw_text (SlvCostChart  *self,
           cairo_t       *cr,
           const GdkRGBA *colour,
           double         x,
           double         y,
           const char    *text,
           gboolean       bold,
           gboolean       centred)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  int w, h;

  if (bold)
    {
      g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_layout_set_attributes (layout, attrs);
    }
  pango_layout_get_pixel_size (layout, &w, &h);
  gdk_cairo_set_source_rgba (cr, colour);
  cairo_move_to (cr, centred ? x - w / 2.0 : x, y - h / 2.0);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_donut (SlvCostChart  *self,
            cairo_t       *cr,
            const GdkRGBA *fg)
{
  double cx = DONUT / 2, cy = DONUT / 2, r = DONUT / 2 - RING / 2;
  double angle = -G_PI / 2;
  SlvDecimal fob;

  cairo_set_line_width (cr, RING);
  if (self->n_segments == 0)
    {
      cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
      cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, 0.1);
      cairo_stroke (cr);
    }
  for (guint g = 0; g < SLV_COST_N_GROUPS && self->total > 0; g++)
    {
      double sweep = 2 * G_PI * self->values[g] / self->total;

      if (self->values[g] <= 0)
        continue;
      cairo_arc (cr, cx, cy, r, angle, angle + sweep);
      set_source (cr, slv_cost_group_colour (g), 1.0);
      cairo_stroke (cr);
      angle += sweep;
    }
  if (self->sheet != NULL && slv_cost_sheet_get_total (self->sheet, SLV_TOTAL_FOB_ROUNDED, &fob))
    {
      g_autofree char *value = slv_decimal_format (fob, 2, SLV_ROUND_HALF_UP);

      draw_text (self, cr, fg, cx, cy - 9, _("FOB"), FALSE, TRUE);
      draw_text (self, cr, fg, cx, cy + 9, value, TRUE, TRUE);
    }
}

static char *
legend_text (SlvCostChart *self,
             guint         g)
{
  /* TRANSLATORS: cost group, amount and share of FOB */
  return g_strdup_printf (_("%s  %.2f · %.0f %%"), slv_cost_group_title (g), self->values[g],
                          100.0 * self->values[g] / self->total);
}

static int
measure_legend (SlvCostChart *self)
{
  int widest = 0;

  for (guint g = 0; g < SLV_COST_N_GROUPS; g++)
    {
      g_autofree char *text = NULL;
      g_autoptr(PangoLayout) layout = NULL;
      int w, h;

      if (self->values[g] <= 0)
        continue;
      text = legend_text (self, g);
      layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
      pango_layout_get_pixel_size (layout, &w, &h);
      widest = MAX (widest, w + 16);
    }
  return widest;
}

static void
draw_legend (SlvCostChart  *self,
             cairo_t       *cr,
             const GdkRGBA *fg,
             double         x0)
{
  guint row = 0;

  for (guint g = 0; g < SLV_COST_N_GROUPS; g++)
    {
      double y = ROW * row + ROW / 2 + 4;
      g_autofree char *text = NULL;

      if (self->values[g] <= 0)
        continue;
      set_source (cr, slv_cost_group_colour (g), 1.0);
      cairo_rectangle (cr, x0, y - 5, 10, 10);
      cairo_fill (cr);
      text = legend_text (self, g);
      draw_text (self, cr, fg, x0 + 16, y, text, FALSE, FALSE);
      row++;
    }
}

static void
slv_cost_chart_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  SlvCostChart *self = SLV_COST_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  GdkRGBA fg;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  cairo_translate (cr, 0, MAX (0, (height - DONUT) / 2));
  draw_donut (self, cr, &fg);
  cairo_identity_matrix (cr);
  draw_legend (self, cr, &fg, DONUT + GAP);
  cairo_destroy (cr);
}

static void
slv_cost_chart_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  SlvCostChart *self = SLV_COST_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = DONUT + GAP + MAX (120, self->legend_width);
      *natural = *minimum;
    }
  else
    *minimum = *natural = MAX (DONUT, ROW * self->n_segments + 8);
}

static void
slv_cost_chart_finalize (GObject *object)
{
  g_clear_object (&SLV_COST_CHART (object)->sheet);
  G_OBJECT_CLASS (slv_cost_chart_parent_class)->finalize (object);
}

static void
slv_cost_chart_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_SHEET:
      g_value_set_object (value, SLV_COST_CHART (object)->sheet);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
slv_cost_chart_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_SHEET:
      slv_cost_chart_set_sheet (SLV_COST_CHART (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
slv_cost_chart_class_init (SlvCostChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = slv_cost_chart_finalize;
  object_class->get_property = slv_cost_chart_get_property;
  object_class->set_property = slv_cost_chart_set_property;
  widget_class->snapshot = slv_cost_chart_snapshot;
  widget_class->measure = slv_cost_chart_measure;

  properties[PROP_SHEET] =
    g_param_spec_object ("sheet", NULL, NULL, SLV_TYPE_COST_SHEET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_set_css_name (widget_class, "costchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
slv_cost_chart_init (SlvCostChart *self)
{
}

GtkWidget *
slv_cost_chart_new (void)
{
  return g_object_new (SLV_TYPE_COST_CHART, NULL);
}

SlvCostSheet *
slv_cost_chart_get_sheet (SlvCostChart *self)
{
  g_return_val_if_fail (SLV_IS_COST_CHART (self), NULL);
  return self->sheet;
}

void
slv_cost_chart_set_sheet (SlvCostChart *self,
                          SlvCostSheet *sheet)
{
  SlvDecimal groups[SLV_COST_N_GROUPS];

  g_return_if_fail (SLV_IS_COST_CHART (self));
  g_return_if_fail (sheet == NULL || SLV_IS_COST_SHEET (sheet));

  if (!g_set_object (&self->sheet, sheet))
    return;
  self->total = 0;
  self->n_segments = 0;
  memset (self->values, 0, sizeof self->values);
  if (sheet != NULL)
    {
      slv_cost_sheet_get_groups (sheet, groups);
      for (guint g = 0; g < SLV_COST_N_GROUPS; g++)
        {
          /* drawing only: doubles are fine here */
          self->values[g] = MAX (0.0, slv_decimal_to_double (groups[g]));
          self->total += self->values[g];
          self->n_segments += self->values[g] > 0;
        }
    }
  self->legend_width = measure_legend (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("FOB by cost group"), -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHEET]);
}

guint
slv_cost_chart_get_n_segments (SlvCostChart *self)
{
  g_return_val_if_fail (SLV_IS_COST_CHART (self), 0);
  return self->n_segments;
}
