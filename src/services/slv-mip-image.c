/* slv-mip-image.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-mip-image"

#include "config.h"

#include "slv-mip-image.h"

struct _SlvMipImage
{
  GObject      parent_instance;
  char        *sha256;
  SlvMipLevel  level;
  GdkPixbuf   *pixbuf;
  GBytes      *bytes;     /* borrows the pixbuf's pixels */
};

G_DEFINE_FINAL_TYPE (SlvMipImage, slv_mip_image, G_TYPE_OBJECT)

static void
slv_mip_image_finalize (GObject *object)
{
  SlvMipImage *self = SLV_MIP_IMAGE (object);

  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_object (&self->pixbuf);
  g_free (self->sha256);

  G_OBJECT_CLASS (slv_mip_image_parent_class)->finalize (object);
}

static void
slv_mip_image_class_init (SlvMipImageClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = slv_mip_image_finalize;
}

static void
slv_mip_image_init (SlvMipImage *self)
{
}

SlvMipImage *
slv_mip_image_new (const char  *sha256,
                   SlvMipLevel  level,
                   GdkPixbuf   *pixbuf)
{
  SlvMipImage *self;

  g_return_val_if_fail (GDK_IS_PIXBUF (pixbuf), NULL);
  g_return_val_if_fail (gdk_pixbuf_get_bits_per_sample (pixbuf) == 8, NULL);
  g_return_val_if_fail (gdk_pixbuf_get_colorspace (pixbuf) == GDK_COLORSPACE_RGB, NULL);

  self = g_object_new (SLV_TYPE_MIP_IMAGE, NULL);
  self->sha256 = g_strdup (sha256);
  self->level = level;
  self->pixbuf = g_object_ref (pixbuf);
  self->bytes = g_bytes_new_with_free_func (gdk_pixbuf_get_pixels (pixbuf),
                                            gdk_pixbuf_get_byte_length (pixbuf),
                                            g_object_unref, g_object_ref (pixbuf));
  return self;
}

const char *
slv_mip_image_get_sha256 (SlvMipImage *self)
{
  g_return_val_if_fail (SLV_IS_MIP_IMAGE (self), NULL);
  return self->sha256;
}

SlvMipLevel
slv_mip_image_get_level (SlvMipImage *self)
{
  g_return_val_if_fail (SLV_IS_MIP_IMAGE (self), SLV_MIP_NONE);
  return self->level;
}

int
slv_mip_image_get_width (SlvMipImage *self)
{
  g_return_val_if_fail (SLV_IS_MIP_IMAGE (self), 0);
  return gdk_pixbuf_get_width (self->pixbuf);
}

int
slv_mip_image_get_height (SlvMipImage *self)
{
  g_return_val_if_fail (SLV_IS_MIP_IMAGE (self), 0);
  return gdk_pixbuf_get_height (self->pixbuf);
}

int
slv_mip_image_get_stride (SlvMipImage *self)
{
  g_return_val_if_fail (SLV_IS_MIP_IMAGE (self), 0);
  return gdk_pixbuf_get_rowstride (self->pixbuf);
}

gboolean
slv_mip_image_get_has_alpha (SlvMipImage *self)
{
  g_return_val_if_fail (SLV_IS_MIP_IMAGE (self), FALSE);
  return gdk_pixbuf_get_has_alpha (self->pixbuf);
}

GBytes *
slv_mip_image_get_bytes (SlvMipImage *self)
{
  g_return_val_if_fail (SLV_IS_MIP_IMAGE (self), NULL);
  return self->bytes;
}

gsize
slv_mip_image_get_size (SlvMipImage *self)
{
  g_return_val_if_fail (SLV_IS_MIP_IMAGE (self), 0);
  return gdk_pixbuf_get_byte_length (self->pixbuf);
}

GdkPixbuf *
slv_mip_image_get_pixbuf (SlvMipImage *self)
{
  g_return_val_if_fail (SLV_IS_MIP_IMAGE (self), NULL);
  return self->pixbuf;
}
