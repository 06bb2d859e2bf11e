/* slv-colour.h: colour science for swatches and palettes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Colours are 8-bit sRGB packed as 0xRRGGBB (the form board_item.color stores
 * as "#rrggbb") or CIELAB under the D65 white point. Differences are ΔE: CIE76
 * (Euclidean in Lab) or CIEDE2000, the one that matches what people see.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  double L, a, b;
} SlvLab;

typedef struct
{
  const char *name;
  guint32     rgb;
} SlvNamedColour;

#define SLV_RGB_R(rgb) (((rgb) >> 16) & 0xff)
#define SLV_RGB_G(rgb) (((rgb) >> 8) & 0xff)
#define SLV_RGB_B(rgb) ((rgb) & 0xff)
#define SLV_RGB(r, g, b) ((((guint32) (r) & 0xff) << 16) | (((guint32) (g) & 0xff) << 8) | ((guint32) (b) & 0xff))

/* sRGB component 0–1 ↔ linear light 0–1. */
double    slv_srgb_to_linear        (double          c);
double    slv_linear_to_srgb        (double          c);
/* A lookup of slv_srgb_to_linear for each 8-bit value. */
const float *slv_srgb8_linear_table (void);

void      slv_rgb_to_lab            (guint32         rgb,
                                     SlvLab         *out);
/* Linear-light RGB 0–1 → Lab (used on averaged pixels). */
void      slv_linear_rgb_to_lab     (double          r,
                                     double          g,
                                     double          b,
                                     SlvLab         *out);
/* Lab → sRGB, clipped into the gamut; returns FALSE if it had to clip. */
gboolean  slv_lab_to_rgb            (const SlvLab   *lab,
                                     guint32        *out);

double    slv_delta_e76             (const SlvLab   *x,
                                     const SlvLab   *y);
double    slv_delta_e2000           (const SlvLab   *x,
                                     const SlvLab   *y);
double    slv_lab_chroma            (const SlvLab   *lab);
/* Hue angle in degrees [0, 360), 0 for greys. */
double    slv_lab_hue               (const SlvLab   *lab);

/* "#1b2a49" */
char     *slv_colour_format_hex     (guint32         rgb) G_GNUC_WARN_UNUSED_RESULT;
/* "27, 42, 73" */
char     *slv_colour_format_rgb     (guint32         rgb) G_GNUC_WARN_UNUSED_RESULT;
/* "L 17.4  a 3.2  b −22.0" with one decimal */
char     *slv_colour_format_lab     (const SlvLab   *lab) G_GNUC_WARN_UNUSED_RESULT;
/* Reads "#rrggbb", "rrggbb", "#rgb" (any case, spaces around). */
gboolean  slv_colour_parse_hex      (const char     *text,
                                     guint32        *out);

/* The name in Selvedge's table nearest to @rgb by CIEDE2000, and how far. */
const char *slv_colour_nearest_name (guint32         rgb,
                                     double         *delta_e);
const SlvNamedColour *slv_colour_get_names (guint  *n_names);

G_END_DECLS
