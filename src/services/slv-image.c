/* slv-image.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-image"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "slv-image.h"
#include "store/slv-blobs.h"

G_DEFINE_QUARK (slv-image-error-quark, slv_image_error)

void
slv_image_info_free (SlvImageInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->sha256);
  g_free (info->mime);
  g_free (info->name);
  g_free (info);
}

void
slv_image_import_free (SlvImageImport *import)
{
  if (import == NULL)
    return;
  g_free (import->path);
  slv_image_info_free (import->info);
  g_clear_error (&import->error);
  g_free (import);
}

static const char *
display_name (const char *name)
{
  return name ? name : _("The image");
}

static gboolean
cut_short (const char  *name,
           const char  *format,
           GError     **error)
{
  g_set_error (error, SLV_IMAGE_ERROR, SLV_IMAGE_ERROR_CORRUPT,
               /* TRANSLATORS: “photo.jpg” is cut short: the JPEG data ends before the image does. */
               _("“%s” is cut short: the %s data ends before the image does. Copy the file again from its source."),
               display_name (name), format);
  return FALSE;
}

static guint32
be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* Walks the chunks up to IEND. */
static gboolean
png_complete (const guint8 *d,
              gsize         n)
{
  gsize pos = 8;

  while (pos + 12 <= n)
    {
      guint32 len = be32 (d + pos);

      if (len > n - pos - 12)
        return FALSE;
      if (memcmp (d + pos + 4, "IEND", 4) == 0)
        return TRUE;
      pos += 12 + (gsize) len;
    }
  return FALSE;
}

/* Walks the markers to EOI, scanning entropy-coded data after each SOS. */
static gboolean
jpeg_complete (const guint8 *d,
               gsize         n)
{
  gsize pos = 2;

  while (pos + 1 < n)
    {
      guint8 m;

      if (d[pos] != 0xff)
        return FALSE;
      while (pos < n && d[pos] == 0xff)
        pos++;
      if (pos >= n)
        return FALSE;
      m = d[pos++];
      if (m == 0xd9)
        return TRUE;
      if (m == 0x01 || (m >= 0xd0 && m <= 0xd7))
        continue;
      if (pos + 2 > n || ((d[pos] << 8) | d[pos + 1]) < 2)
        return FALSE;
      pos += (d[pos] << 8) | d[pos + 1];
      if (m != 0xda)
        continue;
      /* Entropy-coded data runs to the next marker that is not a stuffed
       * zero or a restart. */
      while (pos + 1 < n && !(d[pos] == 0xff && d[pos + 1] != 0 && !(d[pos + 1] >= 0xd0 && d[pos + 1] <= 0xd7)))
        pos++;
    }
  return FALSE;
}

/* Skips data sub-blocks; returns the position after the terminator or 0. */
static gsize
gif_skip_blocks (const guint8 *d,
                 gsize         n,
                 gsize         pos)
{
  while (pos < n)
    {
      if (d[pos] == 0)
        return pos + 1;
      pos += 1 + d[pos];
    }
  return 0;
}

/* Complete enough to show: the first image's data ends properly. */
static gboolean
gif_complete (const guint8 *d,
              gsize         n)
{
  gsize pos = 13;

  if (n < 13)
    return FALSE;
  if (d[10] & 0x80)
    pos += 3u << ((d[10] & 7) + 1);
  while (pos < n)
    {
      if (d[pos] == 0x3b)
        return FALSE;   /* a trailer before any image */
      if (d[pos] == 0x21 && pos + 2 <= n)
        {
          pos = gif_skip_blocks (d, n, pos + 2);
          if (pos == 0)
            return FALSE;
          continue;
        }
      if (d[pos] != 0x2c || pos + 10 > n)
        return FALSE;
      if (d[pos + 9] & 0x80)
        pos += 3u << ((d[pos + 9] & 7) + 1);
      pos += 10 + 1;   /* descriptor, LZW minimum code size */
      return pos <= n && gif_skip_blocks (d, n, pos) != 0;
    }
  return FALSE;
}

gboolean
slv_image_check_complete (GBytes      *bytes,
                          const char  *name,
                          GError     **error)
{
  gsize n = 0;
  const guint8 *d = g_bytes_get_data (bytes, &n);

  if (n == 0)
    {
      g_set_error (error, SLV_IMAGE_ERROR, SLV_IMAGE_ERROR_CORRUPT,
                   _("“%s” is empty."), display_name (name));
      return FALSE;
    }
  if (n >= 8 && memcmp (d, "\x89PNG\r\n\x1a\n", 8) == 0)
    return png_complete (d, n) || cut_short (name, "PNG", error);
  if (n >= 3 && d[0] == 0xff && d[1] == 0xd8 && d[2] == 0xff)
    return jpeg_complete (d, n) || cut_short (name, "JPEG", error);
  if (n >= 6 && (memcmp (d, "GIF87a", 6) == 0 || memcmp (d, "GIF89a", 6) == 0))
    return gif_complete (d, n) || cut_short (name, "GIF", error);
  if (n >= 12 && memcmp (d, "RIFF", 4) == 0 && memcmp (d + 8, "WEBP", 4) == 0)
    {
      guint32 riff = d[4] | (d[5] << 8) | (d[6] << 16) | ((guint32) d[7] << 24);

      return (guint64) riff + 8 <= n || cut_short (name, "WebP", error);
    }
  return TRUE;
}

typedef struct
{
  int      max_side;
  int      width;       /* as stored, before orientation */
  int      height;
  gboolean too_large;
} Prepared;

static void
size_prepared_cb (GdkPixbufLoader *loader,
                  int              width,
                  int              height,
                  gpointer         user_data)
{
  Prepared *p = user_data;

  p->width = width;
  p->height = height;
  if ((gint64) width * height > SLV_IMAGE_MAX_PIXELS || width <= 0 || height <= 0)
    {
      p->too_large = TRUE;
      gdk_pixbuf_loader_set_size (loader, 1, 1);
    }
  else if (p->max_side > 0 && MAX (width, height) > p->max_side)
    {
      double s = (double) p->max_side / MAX (width, height);

      gdk_pixbuf_loader_set_size (loader, MAX (1, (int) (width * s + 0.5)), MAX (1, (int) (height * s + 0.5)));
    }
}

static void
set_decode_error (GError     **error,
                  GError      *cause,
                  const char  *name)
{
  if (g_error_matches (cause, GDK_PIXBUF_ERROR, GDK_PIXBUF_ERROR_UNKNOWN_TYPE))
    g_set_error (error, SLV_IMAGE_ERROR, SLV_IMAGE_ERROR_UNSUPPORTED,
                 _("“%s” is not an image Selvedge can read. Use PNG, JPEG, WebP or GIF."),
                 display_name (name));
  else
    g_set_error (error, SLV_IMAGE_ERROR, SLV_IMAGE_ERROR_CORRUPT,
                 _("“%s” is damaged and cannot be read: %s"), display_name (name),
                 cause ? cause->message : _("no picture in it"));
}

/* The format by its magic bytes. gdk-pixbuf may sniff through the shared
 * MIME database instead, which a sandbox or a test may not have. */
static const char *
sniff_mime (const guint8 *d,
            gsize         n)
{
  if (n >= 8 && memcmp (d, "\x89PNG\r\n\x1a\n", 8) == 0)
    return "image/png";
  if (n >= 3 && d[0] == 0xff && d[1] == 0xd8 && d[2] == 0xff)
    return "image/jpeg";
  if (n >= 6 && (memcmp (d, "GIF87a", 6) == 0 || memcmp (d, "GIF89a", 6) == 0))
    return "image/gif";
  if (n >= 12 && memcmp (d, "RIFF", 4) == 0 && memcmp (d + 8, "WEBP", 4) == 0)
    return "image/webp";
  if (n >= 2 && memcmp (d, "BM", 2) == 0)
    return "image/bmp";
  if (n >= 4 && (memcmp (d, "II*\0", 4) == 0 || memcmp (d, "MM\0*", 4) == 0))
    return "image/tiff";
  return NULL;
}

static GdkPixbufLoader *
new_loader (const guint8  *d,
            gsize          n,
            GError       **error)
{
  const char *mime = sniff_mime (d, n);

  return mime ? gdk_pixbuf_loader_new_with_mime_type (mime, error) : gdk_pixbuf_loader_new ();
}

/* Decodes; fills the stored size (before orientation) and the MIME type. */
static GdkPixbuf *
decode (GBytes      *bytes,
        const char  *name,
        int          max_side,
        Prepared    *prep,
        char       **mime,
        GError     **error)
{
  g_autoptr(GdkPixbufLoader) loader = NULL;
  g_autoptr(GError) cause = NULL;
  gsize n = 0;
  const guchar *data = g_bytes_get_data (bytes, &n);
  GdkPixbufFormat *format;
  GdkPixbuf *pixbuf, *oriented;
  gboolean ok;

  if (!slv_image_check_complete (bytes, name, error))
    return NULL;
  loader = new_loader (data, n, &cause);
  if (loader == NULL)
    {
      set_decode_error (error, cause, name);
      return NULL;
    }
  prep->max_side = max_side;
  g_signal_connect (loader, "size-prepared", G_CALLBACK (size_prepared_cb), prep);
  ok = gdk_pixbuf_loader_write (loader, data, n, &cause);
  /* A loader must always be closed, even after a failed write. */
  ok = gdk_pixbuf_loader_close (loader, ok ? &cause : NULL) && ok;
  if (!ok)
    {
      set_decode_error (error, cause, name);
      return NULL;
    }
  if (prep->too_large)
    {
      g_set_error (error, SLV_IMAGE_ERROR, SLV_IMAGE_ERROR_TOO_LARGE,
                   _("“%s” is too large (%d × %d pixels); the most is 900 million pixels."),
                   display_name (name), prep->width, prep->height);
      return NULL;
    }
  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  if (pixbuf == NULL)
    {
      set_decode_error (error, NULL, name);
      return NULL;
    }
  if (prep->width <= 0 || prep->height <= 0)
    {
      prep->width = gdk_pixbuf_get_width (pixbuf);
      prep->height = gdk_pixbuf_get_height (pixbuf);
    }
  oriented = gdk_pixbuf_apply_embedded_orientation (pixbuf);
  /* A quarter turn swaps the sides (squares do not mind either way). */
  if (gdk_pixbuf_get_width (oriented) != gdk_pixbuf_get_width (pixbuf))
    {
      int t = prep->width;

      prep->width = prep->height;
      prep->height = t;
    }
  format = gdk_pixbuf_loader_get_format (loader);
  if (mime != NULL && format != NULL)
    {
      g_auto(GStrv) types = gdk_pixbuf_format_get_mime_types (format);

      *mime = g_strdup (types && types[0] ? types[0] : "application/octet-stream");
    }
  return oriented;
}

GdkPixbuf *
slv_image_decode (GBytes      *bytes,
                  const char  *name,
                  int          max_side,
                  GError     **error)
{
  return slv_image_decode_full (bytes, name, max_side, NULL, NULL, error);
}

GdkPixbuf *
slv_image_decode_full (GBytes      *bytes,
                       const char  *name,
                       int          max_side,
                       int         *src_width,
                       int         *src_height,
                       GError     **error)
{
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  Prepared prep = { 0 };
  int w, h;

  g_return_val_if_fail (bytes != NULL, NULL);

  pixbuf = decode (bytes, name, max_side, &prep, NULL, error);
  if (pixbuf == NULL)
    return NULL;
  if (src_width != NULL)
    *src_width = prep.width;
  if (src_height != NULL)
    *src_height = prep.height;
  /* Loaders that ignore the requested size (animations) are scaled here. */
  w = gdk_pixbuf_get_width (pixbuf);
  h = gdk_pixbuf_get_height (pixbuf);
  if (max_side > 0 && MAX (w, h) > max_side)
    {
      double s = (double) max_side / MAX (w, h);

      return gdk_pixbuf_scale_simple (pixbuf, MAX (1, (int) (w * s + 0.5)), MAX (1, (int) (h * s + 0.5)),
                                      GDK_INTERP_BILINEAR);
    }
  return g_steal_pointer (&pixbuf);
}

SlvImageInfo *
slv_image_import_bytes (SlvStore    *store,
                        GBytes      *bytes,
                        const char  *name,
                        GError     **error)
{
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(SlvImageInfo) info = g_new0 (SlvImageInfo, 1);
  Prepared prep = { 0 };

  g_return_val_if_fail (SLV_IS_STORE (store), NULL);
  g_return_val_if_fail (bytes != NULL, NULL);

  /* A small decode still reads every byte, which is the check we want. */
  pixbuf = decode (bytes, name, 64, &prep, &info->mime, error);
  if (pixbuf == NULL)
    return NULL;
  info->name = g_strdup (name);
  info->width = prep.width;
  info->height = prep.height;
  info->sha256 = slv_blobs_put (store, bytes, info->mime, name, info->width, info->height, error);
  if (info->sha256 == NULL)
    return NULL;
  return g_steal_pointer (&info);
}

SlvImageInfo *
slv_image_import_file (SlvStore    *store,
                       const char  *path,
                       GError     **error)
{
  g_autofree char *name = NULL;
  g_autofree char *data = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize len = 0;

  g_return_val_if_fail (SLV_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &data, &len, error))
    return NULL;
  name = g_path_get_basename (path);
  bytes = g_bytes_new_take (g_steal_pointer (&data), len);
  return slv_image_import_bytes (store, bytes, name, error);
}

static int
cmp_names (gconstpointer a,
           gconstpointer b)
{
  return g_utf8_collate (*(const char **) a, *(const char **) b);
}

/* TRUE if a gdk-pixbuf loader claims the extension of @name. */
static gboolean
has_image_extension (const char *name)
{
  const char *dot = strrchr (name, '.');
  g_autofree char *ext = NULL;
  g_autoptr(GSList) formats = NULL;
  gboolean found = FALSE;

  if (dot == NULL)
    return FALSE;
  ext = g_ascii_strdown (dot + 1, -1);
  formats = gdk_pixbuf_get_formats ();
  for (GSList *l = formats; l != NULL && !found; l = l->next)
    {
      g_auto(GStrv) exts = gdk_pixbuf_format_get_extensions (l->data);

      found = exts != NULL && g_strv_contains ((const char * const *) exts, ext);
    }
  return found;
}

/* The images directly in @dir, by name (hidden files left out). */
static void
add_folder (const char *dir,
            GPtrArray  *paths)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  const char *entry;

  if (d == NULL)
    return;
  while ((entry = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *full = g_build_filename (dir, entry, NULL);

      if (entry[0] != '.' && has_image_extension (entry) && g_file_test (full, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (found, g_steal_pointer (&full));
    }
  g_ptr_array_sort (found, cmp_names);
  for (guint i = 0; i < found->len; i++)
    g_ptr_array_add (paths, g_strdup (g_ptr_array_index (found, i)));
}

GPtrArray *
slv_image_import_paths (SlvStore            *store,
                        const char * const  *requested,
                        GCancellable        *cancellable,
                        GError             **error)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func ((GDestroyNotify) slv_image_import_free);

  g_return_val_if_fail (SLV_IS_STORE (store), NULL);
  g_return_val_if_fail (requested != NULL, NULL);

  for (guint i = 0; requested[i] != NULL; i++)
    if (g_file_test (requested[i], G_FILE_TEST_IS_DIR))
      add_folder (requested[i], paths);
    else
      g_ptr_array_add (paths, g_strdup (requested[i]));

  for (guint i = 0; i < paths->len; i++)
    {
      SlvImageImport *one;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      one = g_new0 (SlvImageImport, 1);
      one->path = g_strdup (g_ptr_array_index (paths, i));
      one->info = slv_image_import_file (store, one->path, &one->error);
      g_ptr_array_add (results, one);
    }
  return g_steal_pointer (&results);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;
  GPtrArray *results = slv_image_import_paths (source_object, task_data, cancellable, &error);

  if (results == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, results, (GDestroyNotify) g_ptr_array_unref);
}

void
slv_image_import_async (SlvStore            *store,
                        const char * const  *paths,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SLV_IS_STORE (store));
  g_return_if_fail (paths != NULL);

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, slv_image_import_async);
  g_task_set_task_data (task, g_strdupv ((GStrv) paths), (GDestroyNotify) g_strfreev);
  g_task_run_in_thread (task, import_thread);
}

GPtrArray *
slv_image_import_finish (SlvStore      *store,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
