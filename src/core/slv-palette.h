/* slv-palette.h: the dominant colours of an image.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * k-means in CIELAB over a pixel buffer the caller has decoded (and usually
 * shrunk); the core never decodes files. The result depends only on the
 * pixels: the seeding is k-means++ with a fixed seed, so the same image
 * always gives the same palette.
 */
#pragma once

#include "slv-colour.h"

G_BEGIN_DECLS

#define SLV_PALETTE_ERROR (slv_palette_error_quark ())

typedef enum
{
  SLV_PALETTE_ERROR_INVALID,   /* the buffer does not match its size */
  SLV_PALETTE_ERROR_EMPTY,     /* no opaque pixel */
} SlvPaletteError;

typedef struct
{
  guint32 rgb;      /* 0xRRGGBB */
  SlvLab  lab;
  double  weight;   /* share of the opaque pixels, 0–1 */
} SlvPaletteColour;

GQuark  slv_palette_error_quark (void);

/* @pixels: @height rows of @stride bytes, each @width pixels of 3 (RGB) or
 * 4 (RGBA, not premultiplied) bytes. Pixels under half opacity are ignored.
 * Returns between @min_colours and @max_colours SlvPaletteColour (fewer only
 * when the image has fewer distinct colours), heaviest first. Clusters
 * closer than a just-noticeable step are merged while more than
 * @min_colours remain. */
GArray *slv_palette_extract     (const guint8  *pixels,
                                 gsize          n_bytes,
                                 int            width,
                                 int            height,
                                 int            stride,
                                 int            n_channels,
                                 guint          min_colours,
                                 guint          max_colours,
                                 GError       **error) G_GNUC_WARN_UNUSED_RESULT;

/* Orders colours by hue, greys first by lightness: a pleasing strip. */
void    slv_palette_sort_by_hue (GArray        *colours);

G_END_DECLS
