/* slv-board-thumbnail.c: small pictures of boards for the Boards page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A thumbnail is named after a digest of every item's values, so a board
 * that changed gets a new one and an unchanged board is never drawn
 * twice; older thumbnails of the board are removed.
 */
#define G_LOG_DOMAIN "slv-board-export"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>

#include "slv-board-export.h"

typedef struct
{
  SlvStore    *store;
  SlvMipCache *cache;
  char        *board_id;
  int          side;
  char        *path;     /* where the thumbnail is (or goes) */
  SlvBoardDoc *doc;      /* set when it must be drawn */
} Thumb;

static void
thumb_free (Thumb *thumb)
{
  g_clear_object (&thumb->store);
  g_clear_object (&thumb->cache);
  g_clear_object (&thumb->doc);
  g_free (thumb->board_id);
  g_free (thumb->path);
  g_free (thumb);
}

static char *
digest_items (SlvBoardDoc *doc,
              int          side)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  GListModel *items = slv_board_doc_get_items (doc);
  guint n = g_list_model_get_n_items (items), n_columns;
  char *hex;

  slv_board_item_state_columns (&n_columns);
  g_checksum_update (sum, (const guchar *) &side, sizeof side);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SlvBoardItem) item = g_list_model_get_item (items, i);

      for (guint c = 0; c < n_columns; c++)
        {
          g_autofree char *value = slv_board_item_state_dup_column (slv_board_item_get_state (item), c);

          g_checksum_update (sum, (const guchar *) (value ? value : "\x01"), -1);
          g_checksum_update (sum, (const guchar *) "\x1f", 1);
        }
    }
  hex = g_strndup (g_checksum_get_string (sum), 24);
  return hex;
}

/* Removes the board's thumbnails other than @keep. */
static void
remove_stale (const char *dir,
              const char *board_id,
              const char *keep)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  g_autofree char *prefix = g_strconcat (board_id, "-", NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_prefix (name, prefix) && g_strcmp0 (name, keep) != 0)
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);

        g_unlink (path);
      }
}

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Thumb *thumb = task_data;
  g_autofree char *cache_dir = slv_store_dup_cache_dir (thumb->store);
  g_autofree char *dir = g_build_filename (cache_dir, "thumbnails", NULL);
  g_autofree char *digest = NULL;
  g_autofree char *name = NULL;
  GError *error = NULL;

  thumb->doc = slv_board_doc_load (thumb->store, thumb->board_id, &error);
  if (thumb->doc == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  digest = digest_items (thumb->doc, thumb->side);
  name = g_strdup_printf ("%s-%s.png", thumb->board_id, digest);
  thumb->path = g_build_filename (dir, name, NULL);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (errno),
                               "%s: %s", dir, g_strerror (errno));
      return;
    }
  remove_stale (dir, thumb->board_id, name);
  if (g_file_test (thumb->path, G_FILE_TEST_EXISTS))
    g_clear_object (&thumb->doc);
  g_task_return_boolean (task, TRUE);
}

static void
drawn_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Thumb *thumb = g_task_get_task_data (task);
  GError *error = NULL;

  if (!slv_board_export_finish (result, &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_strdup (thumb->path), g_free);
}

static void
checked_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Thumb *thumb = g_task_get_task_data (task);
  GError *error = NULL;
  GListModel *items;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, error);
      return;
    }
  if (thumb->doc == NULL)
    {
      g_task_return_pointer (task, g_strdup (thumb->path), g_free);
      return;
    }
  items = slv_board_doc_get_items (thumb->doc);
  if (g_list_model_get_n_items (items) == 0)
    {
      /* an empty board has no picture */
      g_task_return_pointer (task, NULL, NULL);
      return;
    }
  slv_board_export_async (thumb->doc, thumb->cache, NULL, NULL, SLV_BOARD_EXPORT_PNG, 1.0, thumb->side,
                          thumb->path, g_task_get_cancellable (task), drawn_cb, g_object_ref (task));
}

void
slv_board_thumbnail_async (SlvStore            *store,
                           SlvMipCache         *cache,
                           const char          *board_id,
                           int                  side,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) check = NULL;
  Thumb *thumb;

  g_return_if_fail (SLV_IS_STORE (store));
  g_return_if_fail (SLV_IS_MIP_CACHE (cache));
  g_return_if_fail (board_id != NULL && side > 0);

  thumb = g_new0 (Thumb, 1);
  thumb->store = g_object_ref (store);
  thumb->cache = g_object_ref (cache);
  thumb->board_id = g_strdup (board_id);
  thumb->side = side;
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, slv_board_thumbnail_async);
  g_task_set_task_data (task, thumb, (GDestroyNotify) thumb_free);

  check = g_task_new (NULL, cancellable, checked_cb, g_steal_pointer (&task));
  g_task_set_task_data (check, thumb, NULL);
  g_task_run_in_thread (check, check_thread);
}

char *
slv_board_thumbnail_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
