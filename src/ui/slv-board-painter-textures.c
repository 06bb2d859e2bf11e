/* slv-board-painter-textures.c: the painter's textures of pictures.
 *
 * A picture drawn on the board becomes a GdkTexture over the mip level's
 * pixels; the renderer uploads it once and keeps its copy while the
 * texture lives (GTK's GL renderer on a software rasteriser keeps it in
 * main memory). So the painter keeps textures for the pictures drawn
 * lately only, the least recently drawn let go once the textures pass a
 * budget; a picture that comes back into view costs one upload again.
 * The textures of the frame being drawn are never let go, so the budget
 * gives way to a frame that needs more.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-board-painter"

#include "config.h"

#include "slv-board-painter-private.h"

typedef struct
{
  GBytes     *pixels;   /* the key: the mip level's pixels */
  GdkTexture *texture;
  guint64     used;     /* the paint that drew it last */
  GList       link;     /* in textures_lru, most recent first */
} PainterTexture;

static void
painter_texture_free (gpointer data)
{
  PainterTexture *t = data;

  g_object_unref (t->texture);
  g_bytes_unref (t->pixels);
  g_free (t);
}

void
painter_textures_init (SlvBoardPainter *self)
{
  self->textures = g_hash_table_new_full (NULL, NULL, NULL, painter_texture_free);
  g_queue_init (&self->textures_lru);
}

void
painter_textures_clear (SlvBoardPainter *self)
{
  g_queue_init (&self->textures_lru);
  g_clear_pointer (&self->textures, g_hash_table_unref);
  self->texture_bytes = 0;
}

GdkTexture *
painter_texture_for (SlvBoardPainter *self,
                     SlvMipImage     *image)
{
  GBytes *pixels = slv_mip_image_get_bytes (image);
  PainterTexture *t = g_hash_table_lookup (self->textures, pixels);

  if (t != NULL)
    {
      g_queue_unlink (&self->textures_lru, &t->link);
      g_queue_push_head_link (&self->textures_lru, &t->link);
      t->used = self->paints;
      return t->texture;
    }
  t = g_new0 (PainterTexture, 1);
  t->pixels = g_bytes_ref (pixels);
  t->texture = gdk_memory_texture_new (slv_mip_image_get_width (image),
                                       slv_mip_image_get_height (image),
                                       slv_mip_image_get_has_alpha (image) ? GDK_MEMORY_R8G8B8A8
                                                                           : GDK_MEMORY_R8G8B8,
                                       pixels,
                                       slv_mip_image_get_stride (image));
  t->used = self->paints;
  t->link.data = t;
  g_queue_push_head_link (&self->textures_lru, &t->link);
  g_hash_table_insert (self->textures, pixels, t);
  self->texture_bytes += g_bytes_get_size (pixels);
  return t->texture;
}

void
painter_textures_trim (SlvBoardPainter *self)
{
  /* textures hold their pixels beyond the mip cache's eviction, and the
   * renderer a copy of each: a quarter of the cache's budget */
  gsize budget = self->cache ? slv_mip_cache_get_budget (self->cache) / 4 : 0;
  GList *last;

  while (self->texture_bytes > budget && (last = self->textures_lru.tail) != NULL)
    {
      PainterTexture *t = last->data;

      if (t->used == self->paints)
        break;
      g_queue_unlink (&self->textures_lru, &t->link);
      self->texture_bytes -= g_bytes_get_size (t->pixels);
      g_hash_table_remove (self->textures, t->pixels);
    }
}

gsize
slv_board_painter_get_texture_bytes (SlvBoardPainter *self)
{
  g_return_val_if_fail (SLV_IS_BOARD_PAINTER (self), 0);
  return self->texture_bytes;
}
