/* slv-swatch.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-swatch"

#include "config.h"

#include <math.h>

#include "slv-swatch.h"

static void
set_rgb (cairo_t *cr,
         guint32  rgb,
         double   shade)
{
  double r = ((rgb >> 16) & 0xff) / 255.0;
  double g = ((rgb >> 8) & 0xff) / 255.0;
  double b = (rgb & 0xff) / 255.0;

  cairo_set_source_rgb (cr, CLAMP (r * shade, 0, 1), CLAMP (g * shade, 0, 1), CLAMP (b * shade, 0, 1));
}

/* A small deterministic generator, so a seed always gives the same swatch. */
static guint32
next_random (guint32 *state)
{
  *state ^= *state << 13;
  *state ^= *state >> 17;
  *state ^= *state << 5;
  return *state;
}

static double
random_unit (guint32 *state)
{
  return (next_random (state) & 0xffffff) / (double) 0x1000000;
}

static void
draw_knit (const SlvSwatchSpec *spec,
           cairo_t             *cr,
           int                  width,
           int                  height)
{
  const double sw = 10, sh = 12;
  guint32 state = spec->seed | 1;

  set_rgb (cr, spec->ground, 0.72);
  cairo_paint (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  for (double y = -sh; y < height + sh; y += sh * 0.8)
    for (double x = 0; x < width + sw; x += sw)
      {
        double v = 0.92 + 0.16 * random_unit (&state);

        /* a knit stitch: two slanted loops meeting in a V */
        set_rgb (cr, spec->ground, v);
        cairo_set_line_width (cr, sw * 0.42);
        cairo_move_to (cr, x - sw * 0.25, y);
        cairo_line_to (cr, x, y + sh * 0.75);
        cairo_move_to (cr, x + sw * 0.25, y);
        cairo_line_to (cr, x, y + sh * 0.75);
        cairo_stroke (cr);
      }
}

static void
draw_rib (const SlvSwatchSpec *spec,
          cairo_t             *cr,
          int                  width,
          int                  height)
{
  const double wale = 8;

  set_rgb (cr, spec->ground, 0.6);
  cairo_paint (cr);
  for (double x = 0; x < width; x += wale * 2)
    {
      cairo_pattern_t *p = cairo_pattern_create_linear (x, 0, x + wale * 1.4, 0);
      double r = ((spec->ground >> 16) & 0xff) / 255.0;
      double g = ((spec->ground >> 8) & 0xff) / 255.0;
      double b = (spec->ground & 0xff) / 255.0;

      cairo_pattern_add_color_stop_rgb (p, 0, r * 0.75, g * 0.75, b * 0.75);
      cairo_pattern_add_color_stop_rgb (p, 0.5, MIN (1, r * 1.1), MIN (1, g * 1.1), MIN (1, b * 1.1));
      cairo_pattern_add_color_stop_rgb (p, 1, r * 0.75, g * 0.75, b * 0.75);
      cairo_set_source (cr, p);
      cairo_rectangle (cr, x, 0, wale * 1.4, height);
      cairo_fill (cr);
      cairo_pattern_destroy (p);
    }
}

static void
draw_stripe (const SlvSwatchSpec *spec,
             cairo_t             *cr,
             int                  width,
             int                  height)
{
  guint32 state = spec->seed | 1;
  double y = 0;
  guint i = 0;

  set_rgb (cr, spec->ground, 1.0);
  cairo_paint (cr);
  while (y < height)
    {
      double band = 6 + 22 * random_unit (&state);

      if (i % 2 == 1)
        {
          set_rgb (cr, (i % 4 == 1) ? spec->accent : spec->accent2, 1.0);
          cairo_rectangle (cr, 0, y, width, band * 0.6);
          cairo_fill (cr);
        }
      y += band;
      i++;
    }
  /* fine knit texture over the stripes */
  cairo_set_source_rgba (cr, 0, 0, 0, 0.06);
  for (double x = 0; x < width; x += 4)
    {
      cairo_rectangle (cr, x, 0, 1.5, height);
      cairo_fill (cr);
    }
}

static void
draw_check (const SlvSwatchSpec *spec,
            cairo_t             *cr,
            int                  width,
            int                  height)
{
  const double cell = 24;

  set_rgb (cr, spec->ground, 1.0);
  cairo_paint (cr);
  for (double x = 0; x < width; x += cell * 2)
    {
      set_rgb (cr, spec->accent, 1.0);
      cairo_rectangle (cr, x, 0, cell, height);
      cairo_fill (cr);
    }
  cairo_push_group (cr);
  for (double y = 0; y < height; y += cell * 2)
    {
      set_rgb (cr, spec->accent, 1.0);
      cairo_rectangle (cr, 0, y, width, cell);
      cairo_fill (cr);
    }
  cairo_pop_group_to_source (cr);
  cairo_paint_with_alpha (cr, 0.55);
  /* overcheck lines */
  set_rgb (cr, spec->accent2, 1.0);
  cairo_set_line_width (cr, 2);
  for (double x = cell * 1.5; x < width; x += cell * 4)
    {
      cairo_move_to (cr, x, 0);
      cairo_line_to (cr, x, height);
    }
  for (double y = cell * 1.5; y < height; y += cell * 4)
    {
      cairo_move_to (cr, 0, y);
      cairo_line_to (cr, width, y);
    }
  cairo_stroke (cr);
  /* twill: fine diagonal lines */
  cairo_set_source_rgba (cr, 1, 1, 1, 0.07);
  cairo_set_line_width (cr, 1);
  for (double d = -height; d < width; d += 3)
    {
      cairo_move_to (cr, d, 0);
      cairo_line_to (cr, d + height, height);
    }
  cairo_stroke (cr);
}

static void
draw_flower (cairo_t *cr,
             double   cx,
             double   cy,
             double   r,
             double   angle,
             guint32  petal,
             guint32  centre)
{
  set_rgb (cr, petal, 1.0);
  for (int k = 0; k < 5; k++)
    {
      double a = angle + k * 2 * G_PI / 5;

      cairo_save (cr);
      cairo_translate (cr, cx + cos (a) * r * 0.55, cy + sin (a) * r * 0.55);
      cairo_rotate (cr, a);
      cairo_scale (cr, 1.0, 0.55);
      cairo_arc (cr, 0, 0, r * 0.5, 0, 2 * G_PI);
      cairo_restore (cr);
      cairo_fill (cr);
    }
  set_rgb (cr, centre, 1.0);
  cairo_arc (cr, cx, cy, r * 0.22, 0, 2 * G_PI);
  cairo_fill (cr);
}

static void
draw_print (const SlvSwatchSpec *spec,
            cairo_t             *cr,
            int                  width,
            int                  height)
{
  guint32 state = spec->seed | 1;
  int n = (width * height) / 1400;

  set_rgb (cr, spec->ground, 1.0);
  cairo_paint (cr);
  for (int i = 0; i < n; i++)
    {
      double x = random_unit (&state) * width;
      double y = random_unit (&state) * height;
      double r = 8 + 14 * random_unit (&state);
      double a = random_unit (&state) * G_PI;

      if (i % 3 == 0)
        {
          /* leaf */
          set_rgb (cr, spec->accent2, 0.9);
          cairo_save (cr);
          cairo_translate (cr, x, y);
          cairo_rotate (cr, a);
          cairo_scale (cr, 1.0, 0.35);
          cairo_arc (cr, 0, 0, r, 0, 2 * G_PI);
          cairo_restore (cr);
          cairo_fill (cr);
        }
      else
        draw_flower (cr, x, y, r, a, spec->accent, spec->accent2);
    }
}

void
slv_swatch_draw (const SlvSwatchSpec *spec,
                 cairo_t             *cr,
                 int                  width,
                 int                  height)
{
  g_return_if_fail (spec != NULL && cr != NULL);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  switch (spec->kind)
    {
    case SLV_SWATCH_KNIT:
      draw_knit (spec, cr, width, height);
      break;
    case SLV_SWATCH_RIB:
      draw_rib (spec, cr, width, height);
      break;
    case SLV_SWATCH_STRIPE:
      draw_stripe (spec, cr, width, height);
      break;
    case SLV_SWATCH_CHECK:
      draw_check (spec, cr, width, height);
      break;
    case SLV_SWATCH_PRINT:
      draw_print (spec, cr, width, height);
      break;
    default:
      g_return_if_reached ();
    }
  cairo_restore (cr);
}

static cairo_status_t
append_png (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

GBytes *
slv_swatch_render_png (const SlvSwatchSpec  *spec,
                       int                   width,
                       int                   height,
                       GError              **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  GByteArray *png;
  cairo_status_t status;

  g_return_val_if_fail (spec != NULL, NULL);
  g_return_val_if_fail (width > 0 && height > 0 && width <= 8192 && height <= 8192, NULL);

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cr = cairo_create (surface);
  slv_swatch_draw (spec, cr, width, height);
  cairo_destroy (cr);

  png = g_byte_array_new ();
  status = cairo_surface_write_to_png_stream (surface, append_png, png);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_byte_array_unref (png);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "Could not encode the swatch as PNG: %s", cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (png);
}

const char *
slv_swatch_kind_to_string (SlvSwatchKind kind)
{
  switch (kind)
    {
    case SLV_SWATCH_KNIT:
      return "knit";
    case SLV_SWATCH_RIB:
      return "rib";
    case SLV_SWATCH_STRIPE:
      return "stripe";
    case SLV_SWATCH_CHECK:
      return "check";
    case SLV_SWATCH_PRINT:
      return "print";
    default:
      return "unknown";
    }
}
