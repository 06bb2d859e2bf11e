/* slv-mip-files.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-mip-cache"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "slv-image.h"
#include "slv-mip-files.h"
#include "core/slv-colour.h"
#include "store/slv-blobs.h"

static char *
level_path (const char  *dir,
            const char  *sha256,
            SlvMipLevel  level,
            const char  *ext)
{
  g_autofree char *file = g_strdup_printf ("%s-%d.%s", sha256, slv_mip_level_side (level), ext);
  char prefix[3] = { sha256[0], sha256[1], '\0' };

  return g_build_filename (dir, prefix, file, NULL);
}

static char *
info_path (const char  *dir,
           const char  *sha256)
{
  g_autofree char *file = g_strconcat (sha256, ".info", NULL);
  char prefix[3] = { sha256[0], sha256[1], '\0' };

  return g_build_filename (dir, prefix, file, NULL);
}

/* A cached level from the folder, or NULL (missing or unreadable: it will
 * be made again). */
SlvMipImage *
slv_mip_files_read_level (const char  *dir,
                          const char  *sha256,
                          SlvMipLevel  level)
{
  static const char *exts[] = { "jpg", "png" };

  for (guint i = 0; i < G_N_ELEMENTS (exts); i++)
    {
      g_autofree char *path = level_path (dir, sha256, level, exts[i]);
      g_autofree char *data = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GdkPixbuf) pixbuf = NULL;
      gsize len = 0;

      if (!g_file_get_contents (path, &data, &len, NULL))
        continue;
      bytes = g_bytes_new_take (g_steal_pointer (&data), len);
      pixbuf = slv_image_decode (bytes, NULL, 0, NULL);
      if (pixbuf != NULL)
        return slv_mip_image_new (sha256, level, pixbuf);
    }
  return NULL;
}

gboolean
slv_mip_files_read_info (const char  *dir,
                         const char  *sha256,
                         SlvMipInfo  *out)
{
  g_autofree char *path = info_path (dir, sha256);
  g_autofree char *text = NULL;
  g_auto(GStrv) parts = NULL;

  if (!g_file_get_contents (path, &text, NULL, NULL))
    return FALSE;
  parts = g_strsplit (g_strstrip (text), " ", 3);
  if (g_strv_length (parts) != 3 || parts[2][0] != '#')
    return FALSE;
  out->width = (int) g_ascii_strtoll (parts[0], NULL, 10);
  out->height = (int) g_ascii_strtoll (parts[1], NULL, 10);
  out->rgb = (guint32) g_ascii_strtoull (parts[2] + 1, NULL, 16);
  return out->width > 0 && out->height > 0;
}

/* Cache files need no fsync: a lost one is made again. */
static gboolean
write_file (const char  *path,
            const char  *data,
            gsize        len,
            GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if (g_mkdir_with_parents (dir, 0750) != 0)
    {
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno),
                   _("Could not create the cache folder “%s”."), dir);
      return FALSE;
    }
  return g_file_set_contents_full (path, data, len, G_FILE_SET_CONTENTS_CONSISTENT, 0640, error);
}

static gboolean
write_level (const char   *dir,
             const char   *sha256,
             SlvMipLevel   level,
             GdkPixbuf    *pixbuf,
             GError      **error)
{
  gboolean alpha = gdk_pixbuf_get_has_alpha (pixbuf);
  g_autofree char *path = level_path (dir, sha256, level, alpha ? "png" : "jpg");
  g_autofree char *buf = NULL;
  gsize len = 0;
  gboolean ok;

  /* JPEG decodes fastest; pictures with transparency keep it in PNG. */
  if (alpha)
    ok = gdk_pixbuf_save_to_buffer (pixbuf, &buf, &len, "png", error, "compression", "1", NULL);
  else
    ok = gdk_pixbuf_save_to_buffer (pixbuf, &buf, &len, "jpeg", error, "quality", "90", NULL);
  return ok && write_file (path, buf, len, error);
}

/* The mean colour, weighted by opacity. */
static guint32
mean_colour (GdkPixbuf *pixbuf)
{
  int w = gdk_pixbuf_get_width (pixbuf), h = gdk_pixbuf_get_height (pixbuf);
  int n = gdk_pixbuf_get_n_channels (pixbuf), stride = gdk_pixbuf_get_rowstride (pixbuf);
  const guint8 *px = gdk_pixbuf_read_pixels (pixbuf);
  double r = 0, g = 0, b = 0, total = 0;

  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        const guint8 *p = px + (gsize) y * stride + (gsize) x * n;
        double a = n == 4 ? p[3] / 255.0 : 1;

        r += p[0] * a, g += p[1] * a, b += p[2] * a, total += a;
      }
  if (total <= 0)
    return 0xcccccc;
  return SLV_RGB ((guint) (r / total + 0.5), (guint) (g / total + 0.5), (guint) (b / total + 0.5));
}

static GdkPixbuf *
shrink (GdkPixbuf *from,
        int        src_w,
        int        src_h,
        SlvMipLevel level)
{
  int w, h;

  slv_mip_level_size (src_w, src_h, level, &w, &h);
  if (w >= gdk_pixbuf_get_width (from) && h >= gdk_pixbuf_get_height (from))
    return g_object_ref (from);
  return gdk_pixbuf_scale_simple (from, w, h, GDK_INTERP_BILINEAR);
}

/* Decodes the blob once and writes every cached level and the info;
 * returns the levels made (index by SlvMipLevel; FULL only if the picture
 * is larger than SLV_MIP_FULL_MAX, else NULL). */
gboolean
slv_mip_files_generate (const char   *dir,
                        SlvStore     *store,
                        const char   *sha256,
                        GdkPixbuf   **levels,
                        SlvMipInfo   *info_out,
                        GError      **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkPixbuf) full = NULL;
  g_autofree char *info_text = NULL;
  g_autofree char *ipath = info_path (dir, sha256);
  int src_w = 0, src_h = 0;
  SlvMipInfo info;

  bytes = slv_blobs_load (store, sha256, error);
  if (bytes == NULL)
    return FALSE;
  full = slv_image_decode_full (bytes, NULL, SLV_MIP_FULL_MAX, &src_w, &src_h, error);
  if (full == NULL)
    return FALSE;
  if (MAX (src_w, src_h) > SLV_MIP_FULL_MAX)
    {
      levels[SLV_MIP_FULL] = g_object_ref (full);
      if (!write_level (dir, sha256, SLV_MIP_FULL, full, error))
        return FALSE;
    }
  /* Each level from the next larger one keeps the filtering cheap. */
  levels[SLV_MIP_1024] = shrink (full, src_w, src_h, SLV_MIP_1024);
  levels[SLV_MIP_256] = shrink (levels[SLV_MIP_1024], src_w, src_h, SLV_MIP_256);
  levels[SLV_MIP_64] = shrink (levels[SLV_MIP_256], src_w, src_h, SLV_MIP_64);
  for (SlvMipLevel l = SLV_MIP_64; l <= SLV_MIP_1024; l++)
    if (!write_level (dir, sha256, l, levels[l], error))
      return FALSE;

  info = (SlvMipInfo) { src_w, src_h, mean_colour (levels[SLV_MIP_64]) };
  info_text = g_strdup_printf ("%d %d #%06x\n", info.width, info.height, info.rgb);
  if (!write_file (ipath, info_text, strlen (info_text), error))
    return FALSE;
  *info_out = info;
  return TRUE;
}

