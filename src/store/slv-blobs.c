/* slv-blobs.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-blobs"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "slv-blobs.h"
#include "slv-store-private.h"
#include "core/slv-uuid.h"

gboolean
slv_blobs_is_valid_hash (const char *sha256)
{
  if (sha256 == NULL || strlen (sha256) != 64)
    return FALSE;
  for (int i = 0; i < 64; i++)
    if (!g_ascii_isxdigit (sha256[i]) || g_ascii_isupper (sha256[i]))
      return FALSE;
  return TRUE;
}

char *
slv_blobs_dup_path (SlvStore   *store,
                    const char *sha256)
{
  g_autofree char *dir = NULL;
  char prefix[3] = { 0 };

  g_return_val_if_fail (SLV_IS_STORE (store), NULL);
  g_return_val_if_fail (slv_blobs_is_valid_hash (sha256), NULL);

  dir = slv_store_dup_blob_dir (store);
  memcpy (prefix, sha256, 2);
  return g_build_filename (dir, prefix, sha256, NULL);
}

gboolean
slv_blobs_has (SlvStore   *store,
               const char *sha256)
{
  g_autofree char *path = NULL;

  if (!slv_blobs_is_valid_hash (sha256))
    return FALSE;
  path = slv_blobs_dup_path (store, sha256);
  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

static gboolean
set_io_error (GError     **error,
              int          saved_errno,
              const char  *what,
              const char  *path)
{
  g_set_error (error, SLV_STORE_ERROR, SLV_STORE_ERROR_IO,
               "%s “%s”: %s.", what, path, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
fsync_dir (const char  *dir,
           GError     **error)
{
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd < 0)
    return set_io_error (error, errno, _("Could not open the folder"), dir);
  if (fsync (fd) != 0)
    {
      int saved = errno;

      close (fd);
      return set_io_error (error, saved, _("Could not flush the folder"), dir);
    }
  close (fd);
  return TRUE;
}

static gboolean
record_blob (SlvStore    *store,
             const char  *sha256,
             gsize        size,
             const char  *mime,
             const char  *name,
             int          width,
             int          height,
             GError     **error)
{
  g_autofree char *key = g_strconcat ("blob:", sha256, NULL);
  g_autofree char *id = slv_uuid_v5_new (key);
  g_autofree char *now = slv_timestamp_now ();
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;

  slv_store_lock (store);
  stmt = slv_store_prepare (store,
                            "INSERT INTO blob (id, created_at, updated_at, sha256, mime, size, width, height, name, "
                            "brand_id) "
                            "VALUES (?1, ?2, ?2, ?3, ?4, ?5, nullif (?6, 0), nullif (?7, 0), ?8, "
                            /* the sync bucket of the blob's metadata: the workspace's brand */
                            "(SELECT id FROM brand WHERE deleted = 0 ORDER BY created_at, id LIMIT 1)) "
                            "ON CONFLICT (sha256) DO NOTHING", error);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, sha256, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, mime ? mime : "application/octet-stream", -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 5, size);
      sqlite3_bind_int (stmt, 6, width);
      sqlite3_bind_int (stmt, 7, height);
      if (name != NULL)
        sqlite3_bind_text (stmt, 8, name, -1, SQLITE_TRANSIENT);
      ok = slv_store_step_done (store, stmt, error);
    }
  slv_store_unlock (store);
  return ok;
}

/* Moves the flushed temporary file into place under its hash. */
static gboolean
commit_temp (SlvStore    *store,
             const char  *tmp_path,
             const char  *sha256,
             GError     **error)
{
  g_autofree char *final_path = slv_blobs_dup_path (store, sha256);
  g_autofree char *dir = g_path_get_dirname (final_path);

  if (g_file_test (final_path, G_FILE_TEST_IS_REGULAR))
    {
      g_unlink (tmp_path);
      return TRUE;
    }
  if (g_mkdir_with_parents (dir, 0750) != 0)
    return set_io_error (error, errno, _("Could not create the folder"), dir);
  if (g_rename (tmp_path, final_path) != 0)
    {
      int saved = errno;

      g_unlink (tmp_path);
      return set_io_error (error, saved, _("Could not store the file"), final_path);
    }
  return fsync_dir (dir, error);
}

/* Streams @in to a temporary file in blobs/, hashing as it goes. */
static char *
write_temp (SlvStore      *store,
            GInputStream  *in,
            char         **out_sha,
            gsize         *out_size,
            GError       **error)
{
  g_autofree char *blob_dir = slv_store_dup_blob_dir (store);
  g_autofree char *tmp_path = g_build_filename (blob_dir, ".incoming-XXXXXX", NULL);
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 buf[65536];
  gsize total = 0;
  int fd;

  fd = g_mkstemp_full (tmp_path, O_WRONLY | O_CLOEXEC, 0640);
  if (fd < 0)
    {
      set_io_error (error, errno, _("Could not create a file in"), blob_dir);
      return NULL;
    }
  for (;;)
    {
      gssize n = g_input_stream_read (in, buf, sizeof buf, NULL, error);
      gssize off = 0;

      if (n < 0)
        goto fail;
      if (n == 0)
        break;
      g_checksum_update (sum, buf, n);
      total += n;
      while (off < n)
        {
          gssize w = write (fd, buf + off, n - off);

          if (w < 0 && errno == EINTR)
            continue;
          if (w < 0)
            {
              set_io_error (error, errno, _("Could not write"), tmp_path);
              goto fail;
            }
          off += w;
        }
    }
  if (fsync (fd) != 0)
    {
      set_io_error (error, errno, _("Could not flush"), tmp_path);
      goto fail;
    }
  close (fd);
  *out_sha = g_strdup (g_checksum_get_string (sum));
  *out_size = total;
  return g_steal_pointer (&tmp_path);

fail:
  close (fd);
  g_unlink (tmp_path);
  return NULL;
}

static char *
put_stream (SlvStore      *store,
            GInputStream  *in,
            const char    *mime,
            const char    *name,
            int            width,
            int            height,
            GError       **error)
{
  g_autofree char *sha = NULL;
  g_autofree char *tmp = NULL;
  gsize size = 0;

  tmp = write_temp (store, in, &sha, &size, error);
  if (tmp == NULL)
    return NULL;
  if (!commit_temp (store, tmp, sha, error))
    return NULL;
  if (!record_blob (store, sha, size, mime, name, width, height, error))
    return NULL;
  return g_steal_pointer (&sha);
}

char *
slv_blobs_put (SlvStore    *store,
               GBytes      *bytes,
               const char  *mime,
               const char  *name,
               int          width,
               int          height,
               GError     **error)
{
  g_autoptr(GInputStream) in = NULL;

  g_return_val_if_fail (SLV_IS_STORE (store), NULL);
  g_return_val_if_fail (bytes != NULL, NULL);

  in = g_memory_input_stream_new_from_bytes (bytes);
  return put_stream (store, in, mime, name, width, height, error);
}

char *
slv_blobs_put_file (SlvStore    *store,
                    const char  *path,
                    const char  *mime,
                    int          width,
                    int          height,
                    GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) in = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (SLV_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  file = g_file_new_for_path (path);
  in = g_file_read (file, NULL, error);
  if (in == NULL)
    return NULL;
  name = g_path_get_basename (path);
  return put_stream (store, G_INPUT_STREAM (in), mime, name, width, height, error);
}

GBytes *
slv_blobs_load (SlvStore    *store,
                const char  *sha256,
                GError     **error)
{
  g_autofree char *path = NULL;
  g_autofree char *actual = NULL;
  char *data = NULL;
  gsize len = 0;

  g_return_val_if_fail (SLV_IS_STORE (store), NULL);

  if (!slv_blobs_is_valid_hash (sha256))
    {
      g_set_error (error, SLV_STORE_ERROR, SLV_STORE_ERROR_INVALID,
                   _("“%s” is not a SHA-256 content hash."), sha256 ? sha256 : "");
      return NULL;
    }
  path = slv_blobs_dup_path (store, sha256);
  if (!g_file_get_contents (path, &data, &len, NULL))
    {
      g_set_error (error, SLV_STORE_ERROR, SLV_STORE_ERROR_NOT_FOUND,
                   _("The image or file %.12s… is not in this workspace yet."), sha256);
      return NULL;
    }
  actual = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, len);
  if (!g_str_equal (actual, sha256))
    {
      g_free (data);
      g_set_error (error, SLV_STORE_ERROR, SLV_STORE_ERROR_CORRUPT,
                   _("The stored file %.12s… is damaged (its content no longer matches its hash)."), sha256);
      return NULL;
    }
  return g_bytes_new_take (data, len);
}
