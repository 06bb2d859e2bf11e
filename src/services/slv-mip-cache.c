/* slv-mip-cache.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-mip-cache"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "slv-image.h"
#include "slv-mip-cache.h"
#include "slv-mip-files.h"
#include "store/slv-blobs.h"

typedef SlvMipInfo Info;

typedef struct
{
  char        *key;
  SlvMipImage *image;
  GList        link;
  guint64      frame;
} Entry;

struct _SlvMipCache
{
  GObject       parent_instance;

  SlvStore     *store;
  char         *dir;          /* cache/mips */
  GCancellable *cancellable;

  GMutex        lock;         /* guards everything below up to "pending" */
  GHashTable   *entries;      /* "sha:level" → Entry */
  GQueue        lru;          /* Entry, least recently used first */
  gsize         used;
  gsize         budget;
  guint64       frame;
  GHashTable   *infos;        /* sha → Info */
  GHashTable   *failed;       /* sha → error message */

  GHashTable   *pending;      /* "sha:level" (main thread only) */

  GMutex        gen_lock;
  GCond         gen_cond;
  GHashTable   *generating;   /* sha being made by some worker */
};

G_DEFINE_FINAL_TYPE (SlvMipCache, slv_mip_cache, G_TYPE_OBJECT)

enum {
  IMAGE_READY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
entry_free (gpointer data)
{
  Entry *e = data;

  g_free (e->key);
  g_clear_object (&e->image);
  g_free (e);
}

static char *
make_key (const char  *sha256,
          SlvMipLevel  level)
{
  return g_strdup_printf ("%s:%d", sha256, level);
}

static void
slv_mip_cache_dispose (GObject *object)
{
  SlvMipCache *self = SLV_MIP_CACHE (object);

  g_cancellable_cancel (self->cancellable);

  G_OBJECT_CLASS (slv_mip_cache_parent_class)->dispose (object);
}

static void
slv_mip_cache_finalize (GObject *object)
{
  SlvMipCache *self = SLV_MIP_CACHE (object);

  g_hash_table_unref (self->entries);   /* frees the entries */
  g_hash_table_unref (self->infos);
  g_hash_table_unref (self->failed);
  g_hash_table_unref (self->pending);
  g_hash_table_unref (self->generating);
  g_mutex_clear (&self->lock);
  g_mutex_clear (&self->gen_lock);
  g_cond_clear (&self->gen_cond);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_free (self->dir);

  G_OBJECT_CLASS (slv_mip_cache_parent_class)->finalize (object);
}

static void
slv_mip_cache_class_init (SlvMipCacheClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = slv_mip_cache_dispose;
  object_class->finalize = slv_mip_cache_finalize;

  /* A requested level (or, with level NONE, the info) arrived or failed:
   * draw again. */
  signals[IMAGE_READY] = g_signal_new ("image-ready", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                       G_TYPE_STRING, G_TYPE_INT);
}

static void
slv_mip_cache_init (SlvMipCache *self)
{
  g_mutex_init (&self->lock);
  g_mutex_init (&self->gen_lock);
  g_cond_init (&self->gen_cond);
  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, entry_free);
  g_queue_init (&self->lru);
  self->infos = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->failed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->generating = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->cancellable = g_cancellable_new ();
  self->frame = 1;
}

SlvMipCache *
slv_mip_cache_new (SlvStore *store,
                   gsize     budget)
{
  SlvMipCache *self;
  g_autofree char *cache = NULL;

  g_return_val_if_fail (SLV_IS_STORE (store), NULL);

  self = g_object_new (SLV_TYPE_MIP_CACHE, NULL);
  self->store = g_object_ref (store);
  cache = slv_store_dup_cache_dir (store);
  self->dir = g_build_filename (cache, "mips", NULL);
  self->budget = budget;
  return self;
}

gsize
slv_mip_cache_get_budget (SlvMipCache *self)
{
  g_return_val_if_fail (SLV_IS_MIP_CACHE (self), 0);
  return self->budget;
}

gsize
slv_mip_cache_get_used (SlvMipCache *self)
{
  gsize used;

  g_return_val_if_fail (SLV_IS_MIP_CACHE (self), 0);
  g_mutex_lock (&self->lock);
  used = self->used;
  g_mutex_unlock (&self->lock);
  return used;
}

/* Drops least recently used levels not used by this frame; lock held. */
static void
evict_locked (SlvMipCache *self)
{
  GList *l = self->lru.head;

  while (self->used > self->budget && l != NULL)
    {
      Entry *e = l->data;

      l = l->next;
      if (e->frame >= self->frame)
        continue;
      g_queue_unlink (&self->lru, &e->link);
      self->used -= slv_mip_image_get_size (e->image);
      g_hash_table_remove (self->entries, e->key);
    }
}

void
slv_mip_cache_set_budget (SlvMipCache *self,
                          gsize        budget)
{
  g_return_if_fail (SLV_IS_MIP_CACHE (self));
  g_mutex_lock (&self->lock);
  self->budget = budget;
  evict_locked (self);
  g_mutex_unlock (&self->lock);
}

void
slv_mip_cache_begin_frame (SlvMipCache *self)
{
  g_return_if_fail (SLV_IS_MIP_CACHE (self));
  g_mutex_lock (&self->lock);
  self->frame++;
  evict_locked (self);
  g_mutex_unlock (&self->lock);
}

static SlvMipImage *
lookup_locked (SlvMipCache *self,
               const char  *key)
{
  Entry *e = g_hash_table_lookup (self->entries, key);

  if (e == NULL)
    return NULL;
  g_queue_unlink (&self->lru, &e->link);
  g_queue_push_tail_link (&self->lru, &e->link);
  e->frame = self->frame;
  return g_object_ref (e->image);
}

SlvMipImage *
slv_mip_cache_lookup (SlvMipCache *self,
                      const char  *sha256,
                      SlvMipLevel  level)
{
  g_autofree char *key = NULL;
  SlvMipImage *image;

  g_return_val_if_fail (SLV_IS_MIP_CACHE (self), NULL);
  if (sha256 == NULL)
    return NULL;
  key = make_key (sha256, level);
  g_mutex_lock (&self->lock);
  image = lookup_locked (self, key);
  g_mutex_unlock (&self->lock);
  return image;
}

/* Keeps @image in memory (unless a twin got there first); returns the
 * one kept, a new reference. */
static SlvMipImage *
insert (SlvMipCache *self,
        SlvMipImage *image)
{
  g_autofree char *key = make_key (slv_mip_image_get_sha256 (image), slv_mip_image_get_level (image));
  SlvMipImage *kept;
  Entry *e;

  g_mutex_lock (&self->lock);
  kept = lookup_locked (self, key);
  if (kept == NULL)
    {
      e = g_new0 (Entry, 1);
      e->key = g_steal_pointer (&key);
      e->image = g_object_ref (image);
      e->link.data = e;
      e->frame = self->frame;
      g_queue_push_tail_link (&self->lru, &e->link);
      g_hash_table_insert (self->entries, e->key, e);
      self->used += slv_mip_image_get_size (image);
      evict_locked (self);
      kept = g_object_ref (image);
    }
  g_mutex_unlock (&self->lock);
  return kept;
}

static void
remember_info (SlvMipCache *self,
               const char  *sha256,
               const Info  *info)
{
  g_mutex_lock (&self->lock);
  g_hash_table_replace (self->infos, g_strdup (sha256), g_memdup2 (info, sizeof *info));
  g_mutex_unlock (&self->lock);
}

static gboolean
recall_info (SlvMipCache *self,
             const char  *sha256,
             Info        *out)
{
  Info *info;

  g_mutex_lock (&self->lock);
  info = g_hash_table_lookup (self->infos, sha256);
  if (info != NULL)
    *out = *info;
  g_mutex_unlock (&self->lock);
  return info != NULL;
}

static void
free_levels (GdkPixbuf **levels)
{
  for (guint i = 0; i < SLV_MIP_N_LEVELS; i++)
    g_clear_object (&levels[i]);
}

/* Makes the levels of @sha256 unless another worker is making them, in
 * which case it waits for that one. @levels may be NULL. */
static gboolean
generate_once (SlvMipCache  *self,
               const char   *sha256,
               GdkPixbuf   **levels,
               GError      **error)
{
  GdkPixbuf *made[SLV_MIP_N_LEVELS] = { NULL };
  Info info;
  gboolean ok;

  g_mutex_lock (&self->gen_lock);
  if (g_hash_table_contains (self->generating, sha256))
    {
      while (g_hash_table_contains (self->generating, sha256))
        g_cond_wait (&self->gen_cond, &self->gen_lock);
      g_mutex_unlock (&self->gen_lock);
      return TRUE;   /* made by the other worker: read from the folder */
    }
  g_hash_table_add (self->generating, g_strdup (sha256));
  g_mutex_unlock (&self->gen_lock);

  ok = slv_mip_files_generate (self->dir, self->store, sha256, made, &info, error);
  if (ok)
    remember_info (self, sha256, &info);
  if (ok && levels != NULL)
    memcpy (levels, made, sizeof made);
  else
    free_levels (made);

  g_mutex_lock (&self->gen_lock);
  g_hash_table_remove (self->generating, sha256);
  g_cond_broadcast (&self->gen_cond);
  g_mutex_unlock (&self->gen_lock);
  return ok;
}

static gboolean
check_hash (const char  *sha256,
            GError     **error)
{
  if (slv_blobs_is_valid_hash (sha256))
    return TRUE;
  g_set_error (error, SLV_STORE_ERROR, SLV_STORE_ERROR_INVALID,
               _("“%s” is not a SHA-256 content hash."), sha256 ? sha256 : "");
  return FALSE;
}

static void
note_failure (SlvMipCache  *self,
              const char   *sha256,
              const GError *error)
{
  g_mutex_lock (&self->lock);
  g_hash_table_replace (self->failed, g_strdup (sha256), g_strdup (error ? error->message : ""));
  g_mutex_unlock (&self->lock);
}

gboolean
slv_mip_cache_load_info (SlvMipCache  *self,
                         const char   *sha256,
                         int          *width,
                         int          *height,
                         guint32      *mean_rgb,
                         GError      **error)
{
  Info info;

  g_return_val_if_fail (SLV_IS_MIP_CACHE (self), FALSE);

  if (!check_hash (sha256, error))
    return FALSE;
  if (!recall_info (self, sha256, &info))
    {
      if (!slv_mip_files_read_info (self->dir, sha256, &info))
        {
          if (!generate_once (self, sha256, NULL, error))
            {
              note_failure (self, sha256, error ? *error : NULL);
              return FALSE;
            }
          if (!recall_info (self, sha256, &info) && !slv_mip_files_read_info (self->dir, sha256, &info))
            {
              g_set_error (error, SLV_STORE_ERROR, SLV_STORE_ERROR_IO,
                           _("The image cache folder “%s” cannot be written."), self->dir);
              return FALSE;
            }
        }
      remember_info (self, sha256, &info);
    }
  if (width != NULL)
    *width = info.width;
  if (height != NULL)
    *height = info.height;
  if (mean_rgb != NULL)
    *mean_rgb = info.rgb;
  return TRUE;
}

gboolean
slv_mip_cache_prepare (SlvMipCache  *self,
                       const char   *sha256,
                       GError      **error)
{
  g_return_val_if_fail (SLV_IS_MIP_CACHE (self), FALSE);
  return slv_mip_cache_load_info (self, sha256, NULL, NULL, NULL, error);
}

/* The full picture: decoded from the blob when it is small enough, else
 * the cached 4096 copy. */
static SlvMipImage *
load_full (SlvMipCache  *self,
           const char   *sha256,
           const Info   *info,
           GError      **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;

  if (MAX (info->width, info->height) > SLV_MIP_FULL_MAX)
    return slv_mip_files_read_level (self->dir, sha256, SLV_MIP_FULL);
  bytes = slv_blobs_load (self->store, sha256, error);
  if (bytes == NULL)
    return NULL;
  pixbuf = slv_image_decode (bytes, NULL, SLV_MIP_FULL_MAX, error);
  return pixbuf ? slv_mip_image_new (sha256, SLV_MIP_FULL, pixbuf) : NULL;
}

SlvMipImage *
slv_mip_cache_load (SlvMipCache   *self,
                    const char    *sha256,
                    SlvMipLevel    level,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(SlvMipImage) image = NULL;
  GError *local = NULL;
  Info info;

  g_return_val_if_fail (SLV_IS_MIP_CACHE (self), NULL);
  g_return_val_if_fail (level > SLV_MIP_NONE && level < SLV_MIP_N_LEVELS, NULL);

  if (!check_hash (sha256, error))
    return NULL;
  if ((image = slv_mip_cache_lookup (self, sha256, level)) != NULL)
    return g_steal_pointer (&image);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (!slv_mip_cache_load_info (self, sha256, NULL, NULL, NULL, error) ||
      !recall_info (self, sha256, &info))
    return NULL;

  image = level == SLV_MIP_FULL ? load_full (self, sha256, &info, &local) : slv_mip_files_read_level (self->dir, sha256, level);
  if (image == NULL && local == NULL)
    {
      GdkPixbuf *levels[SLV_MIP_N_LEVELS] = { NULL };

      /* Missing or damaged in the folder: make the levels again. */
      if (generate_once (self, sha256, levels, &local))
        image = levels[level] ? slv_mip_image_new (sha256, level, levels[level])
                              : slv_mip_files_read_level (self->dir, sha256, level);
      free_levels (levels);
      if (image == NULL && local == NULL)
        g_set_error (&local, SLV_STORE_ERROR, SLV_STORE_ERROR_IO,
                     _("The image cache folder “%s” cannot be written."), self->dir);
    }
  if (image == NULL)
    {
      note_failure (self, sha256, local);
      g_propagate_error (error, local);
      return NULL;
    }
  return insert (self, image);
}

/* -- requests from the main thread -- */

typedef struct
{
  char        *sha256;
  SlvMipLevel  level;
  char        *key;
} Request;

static void
request_free (gpointer data)
{
  Request *r = data;

  g_free (r->sha256);
  g_free (r->key);
  g_free (r);
}

static void
request_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Request *r = task_data;
  GError *error = NULL;
  gboolean ok;

  if (r->level == SLV_MIP_NONE)
    ok = slv_mip_cache_load_info (source_object, r->sha256, NULL, NULL, NULL, &error);
  else
    {
      g_autoptr(SlvMipImage) image = slv_mip_cache_load (source_object, r->sha256, r->level,
                                                         cancellable, &error);

      ok = image != NULL;
    }
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
request_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  SlvMipCache *self = SLV_MIP_CACHE (object);
  Request *r = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  g_task_propagate_boolean (G_TASK (result), &error);
  g_hash_table_remove (self->pending, r->key);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (error != NULL)
    g_debug ("Image %.12s… at level %s: %s", r->sha256, slv_mip_level_to_string (r->level), error->message);
  g_signal_emit (self, signals[IMAGE_READY], 0, r->sha256, (int) r->level);
}

gboolean
slv_mip_cache_has_failed (SlvMipCache *self,
                          const char  *sha256)
{
  gboolean failed;

  g_return_val_if_fail (SLV_IS_MIP_CACHE (self), FALSE);
  if (sha256 == NULL)
    return FALSE;
  g_mutex_lock (&self->lock);
  failed = g_hash_table_contains (self->failed, sha256);
  g_mutex_unlock (&self->lock);
  return failed;
}

void
slv_mip_cache_request (SlvMipCache *self,
                       const char  *sha256,
                       SlvMipLevel  level)
{
  g_autoptr(GTask) task = NULL;
  Request *r;

  g_return_if_fail (SLV_IS_MIP_CACHE (self));

  if (!slv_blobs_is_valid_hash (sha256) || slv_mip_cache_has_failed (self, sha256))
    return;
  r = g_new0 (Request, 1);
  r->key = make_key (sha256, level);
  if (g_hash_table_contains (self->pending, r->key))
    {
      request_free (r);
      return;
    }
  r->sha256 = g_strdup (sha256);
  r->level = level;
  g_hash_table_add (self->pending, g_strdup (r->key));
  task = g_task_new (self, self->cancellable, request_done_cb, NULL);
  g_task_set_source_tag (task, slv_mip_cache_request);
  g_task_set_task_data (task, r, request_free);
  g_task_run_in_thread (task, request_thread);
}

SlvMipImage *
slv_mip_cache_lookup_best (SlvMipCache *self,
                           const char  *sha256,
                           SlvMipLevel  level)
{
  SlvMipImage *image;

  g_return_val_if_fail (SLV_IS_MIP_CACHE (self), NULL);
  if (level == SLV_MIP_NONE || sha256 == NULL)
    return NULL;
  if ((image = slv_mip_cache_lookup (self, sha256, level)) != NULL)
    return image;
  slv_mip_cache_request (self, sha256, level);
  for (int l = (int) level - 1; l > SLV_MIP_NONE; l--)
    if ((image = slv_mip_cache_lookup (self, sha256, l)) != NULL)
      return image;
  for (int l = (int) level + 1; l < SLV_MIP_N_LEVELS; l++)
    if ((image = slv_mip_cache_lookup (self, sha256, l)) != NULL)
      return image;
  return NULL;
}

gboolean
slv_mip_cache_get_info (SlvMipCache *self,
                        const char  *sha256,
                        int         *width,
                        int         *height,
                        guint32     *mean_rgb)
{
  Info info;

  g_return_val_if_fail (SLV_IS_MIP_CACHE (self), FALSE);
  if (sha256 == NULL)
    return FALSE;
  if (!recall_info (self, sha256, &info))
    {
      slv_mip_cache_request (self, sha256, SLV_MIP_NONE);
      return FALSE;
    }
  if (width != NULL)
    *width = info.width;
  if (height != NULL)
    *height = info.height;
  if (mean_rgb != NULL)
    *mean_rgb = info.rgb;
  return TRUE;
}

static void
preload_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  const char * const *shas = task_data;
  GError *error = NULL;

  for (guint i = 0; shas[i] != NULL; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, &error))
        {
          g_task_return_error (task, error);
          return;
        }
      /* One broken image does not stop the rest. */
      slv_mip_cache_load_info (source_object, shas[i], NULL, NULL, NULL, NULL);
    }
  g_task_return_boolean (task, TRUE);
}

void
slv_mip_cache_preload_info_async (SlvMipCache         *self,
                                  const char * const  *sha256s,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SLV_IS_MIP_CACHE (self));
  g_return_if_fail (sha256s != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, slv_mip_cache_preload_info_async);
  g_task_set_task_data (task, g_strdupv ((GStrv) sha256s), (GDestroyNotify) g_strfreev);
  g_task_run_in_thread (task, preload_thread);
}

gboolean
slv_mip_cache_preload_info_finish (SlvMipCache   *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
