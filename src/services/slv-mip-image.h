/* slv-mip-image.h: one decoded mipmap level of a board image.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rows of 8-bit RGB or RGBA (not premultiplied), ready for
 * gdk_memory_texture_new() with GDK_MEMORY_R8G8B8 or GDK_MEMORY_R8G8B8A8.
 * A canvas may hang its texture on the object with g_object_set_data_full()
 * so that the texture lives and dies with the cache entry.
 */
#pragma once

#include <gdk-pixbuf/gdk-pixbuf.h>

#include "core/slv-mip.h"

G_BEGIN_DECLS

#define SLV_TYPE_MIP_IMAGE (slv_mip_image_get_type ())
G_DECLARE_FINAL_TYPE (SlvMipImage, slv_mip_image, SLV, MIP_IMAGE, GObject)

/* Takes the pixels of @pixbuf (8 bits, RGB or RGBA) without copying. */
SlvMipImage *slv_mip_image_new         (const char  *sha256,
                                        SlvMipLevel  level,
                                        GdkPixbuf   *pixbuf) G_GNUC_WARN_UNUSED_RESULT;
const char  *slv_mip_image_get_sha256  (SlvMipImage *self);
SlvMipLevel  slv_mip_image_get_level   (SlvMipImage *self);
int          slv_mip_image_get_width   (SlvMipImage *self);
int          slv_mip_image_get_height  (SlvMipImage *self);
int          slv_mip_image_get_stride  (SlvMipImage *self);
gboolean     slv_mip_image_get_has_alpha (SlvMipImage *self);
GBytes      *slv_mip_image_get_bytes   (SlvMipImage *self);
/* Memory held, for the budget. */
gsize        slv_mip_image_get_size    (SlvMipImage *self);
GdkPixbuf   *slv_mip_image_get_pixbuf  (SlvMipImage *self);

G_END_DECLS
