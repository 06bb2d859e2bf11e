/* slv-swatch.h: procedural fabric swatches drawn with cairo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The demo workspace's mood board is made of these, so nothing is downloaded.
 * A swatch is deterministic for its kind, colours, size and seed.
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  SLV_SWATCH_KNIT,     /* jersey: rows of interlocking V stitches */
  SLV_SWATCH_STRIPE,   /* yarn-dyed stripes of varying widths */
  SLV_SWATCH_CHECK,    /* gingham/tartan: woven check */
  SLV_SWATCH_PRINT,    /* all-over floral print */
  SLV_SWATCH_RIB,      /* 1×1 rib */
} SlvSwatchKind;

typedef struct
{
  SlvSwatchKind kind;
  guint32       ground;    /* 0xRRGGBB */
  guint32       accent;
  guint32       accent2;
  guint32       seed;
} SlvSwatchSpec;

/* Draws the swatch into @cr over 0,0–@width,@height. */
void    slv_swatch_draw      (const SlvSwatchSpec *spec,
                              cairo_t             *cr,
                              int                  width,
                              int                  height);
/* The swatch as PNG bytes. */
GBytes *slv_swatch_render_png (const SlvSwatchSpec *spec,
                               int                  width,
                               int                  height,
                               GError             **error) G_GNUC_WARN_UNUSED_RESULT;
const char *slv_swatch_kind_to_string (SlvSwatchKind kind);

G_END_DECLS
