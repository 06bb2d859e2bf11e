/* slv-image-palette.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-image-palette"

#include "config.h"

#include "slv-image.h"
#include "slv-image-palette.h"
#include "formats/slv-gpl.h"
#include "store/slv-blobs.h"

GArray *
slv_image_palette (SlvStore    *store,
                   const char  *sha256,
                   guint        min_colours,
                   guint        max_colours,
                   GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (SLV_IS_STORE (store), NULL);

  bytes = slv_blobs_load (store, sha256, error);
  if (bytes == NULL)
    return NULL;
  return slv_image_palette_from_bytes (bytes, NULL, min_colours, max_colours, error);
}

GArray *
slv_image_palette_from_bytes (GBytes      *bytes,
                              const char  *name,
                              guint        min_colours,
                              guint        max_colours,
                              GError     **error)
{
  g_autoptr(GdkPixbuf) pixbuf = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);

  pixbuf = slv_image_decode (bytes, name, SLV_IMAGE_PALETTE_SIDE, error);
  if (pixbuf == NULL)
    return NULL;
  return slv_palette_extract (gdk_pixbuf_read_pixels (pixbuf), gdk_pixbuf_get_byte_length (pixbuf),
                              gdk_pixbuf_get_width (pixbuf), gdk_pixbuf_get_height (pixbuf),
                              gdk_pixbuf_get_rowstride (pixbuf), gdk_pixbuf_get_n_channels (pixbuf),
                              min_colours, max_colours, error);
}

typedef struct
{
  char  *sha256;
  guint  min_colours, max_colours;
} PaletteData;

static void
palette_data_free (gpointer data)
{
  PaletteData *pd = data;

  g_free (pd->sha256);
  g_free (pd);
}

static void
palette_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  PaletteData *pd = task_data;
  GError *error = NULL;
  GArray *palette = slv_image_palette (source_object, pd->sha256, pd->min_colours, pd->max_colours, &error);

  if (palette == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, palette, (GDestroyNotify) g_array_unref);
}

void
slv_image_palette_async (SlvStore            *store,
                         const char          *sha256,
                         guint                min_colours,
                         guint                max_colours,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  PaletteData *pd;

  g_return_if_fail (SLV_IS_STORE (store));

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, slv_image_palette_async);
  pd = g_new0 (PaletteData, 1);
  pd->sha256 = g_strdup (sha256);
  pd->min_colours = min_colours;
  pd->max_colours = max_colours;
  g_task_set_task_data (task, pd, palette_data_free);
  g_task_run_in_thread (task, palette_thread);
}

GArray *
slv_image_palette_finish (SlvStore      *store,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

gboolean
slv_image_dominant_colour (SlvStore    *store,
                           const char  *sha256,
                           guint32     *rgb,
                           GError     **error)
{
  g_autoptr(GArray) palette = slv_image_palette (store, sha256, 5, 8, error);

  if (palette == NULL)
    return FALSE;
  *rgb = g_array_index (palette, SlvPaletteColour, 0).rgb;
  return TRUE;
}

guint32 *
slv_image_palette_rgbs (GArray *palette)
{
  guint32 *rgbs = g_new (guint32, MAX (palette->len, 1));

  for (guint i = 0; i < palette->len; i++)
    rgbs[i] = g_array_index (palette, SlvPaletteColour, i).rgb;
  return rgbs;
}

gboolean
slv_image_palette_save_gpl (GArray      *palette,
                            const char  *name,
                            const char  *path,
                            GError     **error)
{
  g_autoptr(GArray) entries = slv_gpl_entries_new ();

  g_return_val_if_fail (palette != NULL && path != NULL, FALSE);

  for (guint i = 0; i < palette->len; i++)
    {
      guint32 rgb = g_array_index (palette, SlvPaletteColour, i).rgb;

      slv_gpl_entries_add (entries, rgb, slv_colour_nearest_name (rgb, NULL));
    }
  return slv_gpl_save (path, name, entries, error);
}
