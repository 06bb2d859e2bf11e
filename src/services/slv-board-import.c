/* slv-board-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-board-import"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "slv-board-import.h"

#define PER_ROW 6

typedef struct
{
  SlvMipCache *cache;
  GStrv        paths;
  GBytes      *bytes;
  char        *name;
  double       x, y;
} ImportData;

static void
import_data_free (gpointer data)
{
  ImportData *d = data;

  g_clear_object (&d->cache);
  g_strfreev (d->paths);
  g_clear_pointer (&d->bytes, g_bytes_unref);
  g_free (d->name);
  g_free (d);
}

GPtrArray *
slv_board_import_place (GPtrArray *imports,
                        double     x,
                        double     y,
                        double     gap)
{
  GPtrArray *states = g_ptr_array_new_with_free_func ((GDestroyNotify) slv_board_item_state_free);
  double cx = 0, cy = 0, row_h = 0, width = 0;
  guint in_row = 0;
  SlvRect all = { 0, 0, 0, 0 };

  for (guint i = 0; i < imports->len; i++)
    {
      SlvImageImport *r = g_ptr_array_index (imports, i);
      SlvBoardItemState *s;
      double scale;

      if (r->info == NULL)
        continue;
      if (in_row == PER_ROW)
        {
          cx = 0;
          cy += row_h + gap;
          row_h = in_row = 0;
        }
      scale = MIN (1.0, SLV_BOARD_IMPORT_SIDE / MAX (MAX (r->info->width, r->info->height), 1));
      s = slv_board_item_state_new ();
      s->kind = g_strdup ("image");
      s->blob = g_strdup (r->info->sha256);
      s->x = cx, s->y = cy;
      s->w = MAX (1, r->info->width * scale);
      s->h = MAX (1, r->info->height * scale);
      g_ptr_array_add (states, s);
      cx += s->w + gap;
      width = MAX (width, cx - gap);
      row_h = MAX (row_h, s->h);
      in_row++;
    }
  all.w = width;
  all.h = cy + row_h;
  /* Centre the block on the point. */
  for (guint i = 0; i < states->len; i++)
    {
      SlvBoardItemState *s = g_ptr_array_index (states, i);

      s->x += x - all.w / 2;
      s->y += y - all.h / 2;
    }
  return states;
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportData *d = task_data;
  SlvStore *store = slv_board_doc_get_store (source_object);
  GPtrArray *results;
  GError *error = NULL;

  if (d->bytes != NULL)
    {
      SlvImageImport *one = g_new0 (SlvImageImport, 1);

      results = g_ptr_array_new_with_free_func ((GDestroyNotify) slv_image_import_free);
      one->path = g_strdup (d->name);
      one->info = slv_image_import_bytes (store, d->bytes, d->name, &one->error);
      g_ptr_array_add (results, one);
    }
  else
    {
      results = slv_image_import_paths (store, (const char * const *) d->paths, cancellable, &error);
      if (results == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
    }
  for (guint i = 0; d->cache != NULL && i < results->len; i++)
    {
      SlvImageImport *r = g_ptr_array_index (results, i);

      /* A damaged cache folder must not lose the import: the levels are
       * made again on first draw. */
      if (r->info != NULL)
        slv_mip_cache_prepare (d->cache, r->info->sha256, NULL);
    }
  g_task_return_pointer (task, results, (GDestroyNotify) g_ptr_array_unref);
}

/* Back on the caller's thread: lay the images out and add them. */
static void
worker_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) outer = user_data;
  SlvBoardDoc *doc = SLV_BOARD_DOC (object);
  ImportData *d = g_task_get_task_data (outer);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) states = NULL;
  GError *error = NULL;

  results = g_task_propagate_pointer (G_TASK (result), &error);
  if (results == NULL)
    {
      g_task_return_error (outer, error);
      return;
    }
  states = slv_board_import_place (results, d->x, d->y, 16);
  if (states->len > 0 &&
      !slv_board_doc_add_states (doc, states->len == 1 ? _("Add image") : _("Add images"), states, &error))
    {
      g_task_return_error (outer, error);
      return;
    }
  g_task_return_pointer (outer, g_steal_pointer (&results), (GDestroyNotify) g_ptr_array_unref);
}

static void
start (SlvBoardDoc         *doc,
       ImportData          *d,
       GCancellable        *cancellable,
       GAsyncReadyCallback  callback,
       gpointer             user_data)
{
  GTask *outer = g_task_new (doc, cancellable, callback, user_data);
  g_autoptr(GTask) worker = g_task_new (doc, cancellable, worker_done_cb, outer);

  g_task_set_source_tag (outer, slv_board_import_finish);
  g_task_set_task_data (outer, d, import_data_free);
  g_task_set_task_data (worker, d, NULL);
  g_task_run_in_thread (worker, import_thread);
}

void
slv_board_import_files_async (SlvBoardDoc         *doc,
                              SlvMipCache         *cache,
                              const char * const  *paths,
                              double               x,
                              double               y,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  ImportData *d;

  g_return_if_fail (SLV_IS_BOARD_DOC (doc));
  g_return_if_fail (cache == NULL || SLV_IS_MIP_CACHE (cache));
  g_return_if_fail (paths != NULL);

  d = g_new0 (ImportData, 1);
  d->cache = cache ? g_object_ref (cache) : NULL;
  d->paths = g_strdupv ((GStrv) paths);
  d->x = x;
  d->y = y;
  start (doc, d, cancellable, callback, user_data);
}

void
slv_board_import_bytes_async (SlvBoardDoc         *doc,
                              SlvMipCache         *cache,
                              GBytes              *bytes,
                              const char          *name,
                              double               x,
                              double               y,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  ImportData *d;

  g_return_if_fail (SLV_IS_BOARD_DOC (doc));
  g_return_if_fail (cache == NULL || SLV_IS_MIP_CACHE (cache));
  g_return_if_fail (bytes != NULL);

  d = g_new0 (ImportData, 1);
  d->cache = cache ? g_object_ref (cache) : NULL;
  d->bytes = g_bytes_ref (bytes);
  d->name = g_strdup (name ? name : _("Pasted image"));
  d->x = x;
  d->y = y;
  start (doc, d, cancellable, callback, user_data);
}

GPtrArray *
slv_board_import_finish (SlvBoardDoc   *doc,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, doc), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
