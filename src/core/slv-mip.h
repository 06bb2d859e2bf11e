/* slv-mip.h: mipmap levels of board images and the memory budget.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An image is drawn from the smallest copy that still has a pixel for every
 * screen pixel: 64, 256 or 1024 pixels on its longer side, or the full
 * picture (at most 4096). Below a dozen screen pixels an item is drawn as
 * its mean colour. When what a frame asks for exceeds the memory budget,
 * the items smallest on screen step down a level first.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  SLV_MIP_NONE,    /* draw the mean colour */
  SLV_MIP_64,
  SLV_MIP_256,
  SLV_MIP_1024,
  SLV_MIP_FULL,    /* the picture, at most SLV_MIP_FULL_MAX a side */
} SlvMipLevel;

#define SLV_MIP_N_LEVELS     5
#define SLV_MIP_FULL_MAX     4096
#define SLV_MIP_MIN_SCREEN   12.0

typedef struct
{
  int    src_w, src_h;   /* the picture's size */
  double screen_px;      /* its longer side on screen, in device pixels */
} SlvMipRequest;

/* The longest side a level may have (0 for NONE). */
int         slv_mip_level_side   (SlvMipLevel  level);
/* The size of @level for a @src_w × @src_h picture (never enlarged). */
void        slv_mip_level_size   (int          src_w,
                                  int          src_h,
                                  SlvMipLevel  level,
                                  int         *w,
                                  int         *h);
/* Bytes of a decoded @level (4 per pixel). */
gsize       slv_mip_level_bytes  (int          src_w,
                                  int          src_h,
                                  SlvMipLevel  level);
/* The level to draw a picture whose longer side covers @screen_px. */
SlvMipLevel slv_mip_level_for    (int          src_w,
                                  int          src_h,
                                  double       screen_px);
/* Chooses @levels for @n requests so that their bytes stay within
 * @budget; returns the bytes planned. */
gsize       slv_mip_plan         (const SlvMipRequest *requests,
                                  guint                n,
                                  gsize                budget,
                                  SlvMipLevel         *levels);
const char *slv_mip_level_to_string (SlvMipLevel level);

G_END_DECLS
