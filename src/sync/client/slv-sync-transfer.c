/* slv-sync-transfer.c: blob uploads (resumable, tus-like) and downloads
 * (verified before they enter the store) — SYNC-PROTOCOL.md §9.
 *
 * An upload keeps its id and offset in blob_upload after every chunk, so a
 * killed upload resumes where the server says it stands (HEAD). A download
 * goes to a temporary file beside the store, is hashed, and only then
 * renamed under its hash.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-sync-engine"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "slv-sync-engine-private.h"
#include "store/slv-blobs.h"
#include "sync/slv-sync-fault.h"

#define DEFAULT_CHUNK (4 * 1024 * 1024)

typedef struct
{
  SlvSyncEngine *engine;
  char          *sha256;
  SlvBlobUpload *up;
  char          *path;
  GBytes        *chunk;
  guint          restarts;
} Upload;

static void
upload_free (Upload *u)
{
  g_clear_object (&u->engine);
  g_free (u->sha256);
  g_clear_pointer (&u->up, slv_blob_upload_free);
  g_free (u->path);
  g_clear_pointer (&u->chunk, g_bytes_unref);
  g_free (u);
}

static gsize
chunk_size (void)
{
  const char *env = g_getenv ("SELVEDGE_SYNC_CHUNK_BYTES");
  gsize n = env ? (gsize) g_ascii_strtoull (env, NULL, 10) : 0;

  return n > 0 ? MIN (n, DEFAULT_CHUNK * 2) : DEFAULT_CHUNK;
}

typedef gboolean (*ThreadFunc) (Upload *u, GError **error);
typedef void     (*NextFunc)   (GTask *task);

typedef struct
{
  GTask      *task;      /* the upload's task */
  ThreadFunc  func;
  NextFunc    next;
} Hop;

static void
hop_thread (GTask        *hop_task,
            gpointer      source,
            gpointer      data,
            GCancellable *cancellable)
{
  Hop *hop = data;
  GError *error = NULL;

  if (hop->func (g_task_get_task_data (hop->task), &error))
    g_task_return_boolean (hop_task, TRUE);
  else
    g_task_return_error (hop_task, error);
}

static void
hop_done (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  Hop *hop = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (hop->task, error);
      g_object_unref (hop->task);
      return;
    }
  hop->next (hop->task);
}

/* Runs @func in a thread, then @next on the main context; @task's
 * reference travels with the hop. */
static void
hop (GTask      *task,
     ThreadFunc  func,
     NextFunc    next)
{
  g_autoptr(GTask) t = g_task_new (NULL, NULL, hop_done, NULL);
  Hop *h = g_new0 (Hop, 1);

  h->task = task;
  h->func = func;
  h->next = next;
  g_task_set_task_data (t, h, g_free);
  g_task_run_in_thread (t, hop_thread);
}

static void
upload_fail (GTask        *task,
             SlvSyncReply *reply,
             GError       *error)
{
  if (error != NULL)
    {
      GError *e = g_error_matches (error, SLV_SYNC_HTTP_ERROR, SLV_SYNC_HTTP_ERROR_SIGN_IN)
                  ? g_error_new_literal (SLV_SYNC_ENGINE_ERROR, SLV_SYNC_ENGINE_ERROR_SIGNED_OUT, error->message)
                  : g_error_new_literal (SLV_SYNC_ENGINE_ERROR, SLV_SYNC_ENGINE_ERROR_OFFLINE, error->message);

      g_error_free (error);
      g_task_return_error (task, e);
    }
  else if (reply->status >= 500 || reply->status == 429)
    g_task_return_new_error (task, SLV_SYNC_ENGINE_ERROR, SLV_SYNC_ENGINE_ERROR_SERVER,
                             _("The server could not take a blob (%u); retrying later."), reply->status);
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED, _("The server refused a blob upload (%u %s)."),
                             reply->status, slv_sync_reply_code (reply));
  g_object_unref (task);
}

static void send_chunk (GTask *task);
static void create_upload (GTask *task);

static gboolean
load_db (Upload  *u,
         GError **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFile) file = NULL;

  u->path = slv_blobs_dup_path (slv_sync_engine_get_store (u->engine), u->sha256);
  file = g_file_new_for_path (u->path);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return FALSE;
  u->up = slv_sync_store_get_upload (u->engine->sync, u->sha256, error);
  if (u->up == NULL)
    return FALSE;
  u->up->size = g_file_info_get_size (info);
  return TRUE;
}

static gboolean
save_db (Upload  *u,
         GError **error)
{
  return slv_sync_store_save_upload (u->engine->sync, u->up, error);
}

static gboolean
read_chunk_db (Upload  *u,
               GError **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (u->path);
  g_autoptr(GFileInputStream) in = g_file_read (file, NULL, error);
  gsize want = MIN (chunk_size (), (gsize) (u->up->size - u->up->sent_bytes));

  if (in == NULL || !g_seekable_seek (G_SEEKABLE (in), u->up->sent_bytes, G_SEEK_SET, NULL, error))
    return FALSE;
  g_clear_pointer (&u->chunk, g_bytes_unref);
  u->chunk = g_input_stream_read_bytes (G_INPUT_STREAM (in), want, NULL, error);
  return u->chunk != NULL;
}

static gboolean
mark_done_db (Upload  *u,
              GError **error)
{
  g_free (u->up->state);
  u->up->state = g_strdup ("done");
  u->up->sent_bytes = u->up->size;
  return save_db (u, error);
}

static void
returned_true (GTask *task)
{
  g_task_return_boolean (task, TRUE);
  g_object_unref (task);
}

static void
finish_upload (GTask *task)
{
  hop (task, mark_done_db, returned_true);
}

static gint64
header_offset (SlvSyncReply *reply)
{
  const char *h = soup_message_headers_get_one (reply->headers, "Upload-Offset");

  return h ? g_ascii_strtoll (h, NULL, 10) : -1;
}

static void
chunk_saved (GTask *task)
{
  Upload *u = g_task_get_task_data (task);

  if (u->up->sent_bytes >= u->up->size)
    {
      finish_upload (task);
      return;
    }
  slv_sync_fault_point ("upload");
  send_chunk (task);
}

static void
patched_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GTask *task = user_data;
  Upload *u = g_task_get_task_data (task);
  GError *error = NULL;
  g_autoptr(SlvSyncReply) reply = slv_sync_http_send_finish (SLV_SYNC_HTTP (source), result, &error);
  gint64 offset;

  if (reply == NULL)
    {
      upload_fail (task, NULL, error);
      return;
    }
  offset = header_offset (reply);
  if (reply->status == 204 && offset >= 0)
    {
      u->up->sent_bytes = offset;
      hop (task, save_db, chunk_saved);
      return;
    }
  if (strcmp (slv_sync_reply_code (reply), "offset_mismatch") == 0 && offset >= 0 && u->restarts++ < 5)
    {
      u->up->sent_bytes = offset;
      send_chunk (task);
      return;
    }
  if (reply->status == 404 && u->restarts++ < 5)
    {
      create_upload (task);
      return;
    }
  upload_fail (task, reply, NULL);
}

static void
chunk_read (GTask *task)
{
  Upload *u = g_task_get_task_data (task);
  g_autofree char *offset = g_strdup_printf ("%" G_GINT64_FORMAT, u->up->sent_bytes);
  g_autofree char *path = g_strdup_printf ("/v1/uploads/%s", u->up->upload_id);
  const char *headers[] = { "Upload-Offset", offset, NULL };

  slv_sync_http_send_async (u->engine->http, "PATCH", path, "application/offset+octet-stream", u->chunk,
                            headers, TRUE, NULL, NULL, patched_cb, task);
}

static void
send_chunk (GTask *task)
{
  Upload *u = g_task_get_task_data (task);

  if (u->up->sent_bytes >= u->up->size)
    {
      /* everything is there but the server has not confirmed: ask anew */
      create_upload (task);
      return;
    }
  hop (task, read_chunk_db, chunk_read);
}

static void
created_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GTask *task = user_data;
  Upload *u = g_task_get_task_data (task);
  GError *error = NULL;
  g_autoptr(SlvSyncReply) reply = slv_sync_http_send_finish (SLV_SYNC_HTTP (source), result, &error);
  g_autoptr(JsonNode) root = NULL;
  JsonObject *o;
  const char *id = NULL;
  gint64 offset = 0;
  gsize len = 0;
  const char *data;

  if (reply == NULL)
    {
      upload_fail (task, NULL, error);
      return;
    }
  if (reply->status != 200 && reply->status != 201)
    {
      upload_fail (task, reply, NULL);
      return;
    }
  data = g_bytes_get_data (reply->body, &len);
  root = slv_json_parse (data, len, NULL);
  o = root && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  if (o != NULL && json_object_has_member (o, "exists"))
    {
      finish_upload (task);
      return;
    }
  if (o == NULL || !slv_json_get_string_opt (o, "upload_id", "Upload", &id, NULL) || id == NULL)
    {
      upload_fail (task, reply, NULL);
      return;
    }
  if (json_object_has_member (o, "offset"))
    slv_json_get_int (o, "offset", "Upload", &offset, NULL);
  g_free (u->up->upload_id);
  u->up->upload_id = g_strdup (id);
  u->up->sent_bytes = offset;
  g_free (u->up->state);
  u->up->state = g_strdup ("uploading");
  hop (task, save_db, send_chunk);
}

static void
create_upload (GTask *task)
{
  Upload *u = g_task_get_task_data (task);
  GString *json = g_string_new ("{\"sha256\":");
  g_autoptr(GBytes) body = NULL;

  slv_json_append_string (json, u->sha256);
  g_string_append_printf (json, ",\"size\":%" G_GINT64_FORMAT ",\"mime\":", u->up->size);
  slv_json_append_string (json, u->up->mime);
  g_string_append_c (json, '}');
  body = g_string_free_to_bytes (json);
  slv_sync_http_send_async (u->engine->http, "POST", "/v1/uploads", "application/json", body, NULL, TRUE, NULL,
                            NULL, created_cb, task);
}

static void
head_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GTask *task = user_data;
  Upload *u = g_task_get_task_data (task);
  GError *error = NULL;
  g_autoptr(SlvSyncReply) reply = slv_sync_http_send_finish (SLV_SYNC_HTTP (source), result, &error);
  gint64 offset;

  if (reply == NULL)
    {
      upload_fail (task, NULL, error);
      return;
    }
  offset = header_offset (reply);
  if (SOUP_STATUS_IS_SUCCESSFUL (reply->status) && offset >= 0)
    {
      u->up->sent_bytes = offset;
      send_chunk (task);
      return;
    }
  create_upload (task);
}

static void
loaded (GTask *task)
{
  Upload *u = g_task_get_task_data (task);
  g_autofree char *path = NULL;

  if (g_strcmp0 (u->up->state, "done") == 0 || u->up->upload_id == NULL)
    {
      create_upload (task);
      return;
    }
  /* resume: the server says where it stands */
  path = g_strdup_printf ("/v1/uploads/%s", u->up->upload_id);
  slv_sync_http_send_async (u->engine->http, "HEAD", path, NULL, NULL, NULL, TRUE, NULL, NULL, head_cb, task);
}

void
slv_sync_upload_async (SlvSyncEngine       *self,
                       const char          *sha256,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Upload *u = g_new0 (Upload, 1);

  g_task_set_source_tag (task, slv_sync_upload_async);
  u->engine = g_object_ref (self);
  u->sha256 = g_strdup (sha256);
  g_task_set_task_data (task, u, (GDestroyNotify) upload_free);
  hop (task, load_db, loaded);
}

gboolean
slv_sync_upload_finish (SlvSyncEngine  *self,
                        GAsyncResult   *result,
                        GError        **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Downloads */

typedef struct
{
  SlvSyncEngine *engine;
  char          *sha256;
  char          *tmp;
} Download;

static void
download_free (Download *d)
{
  if (d->tmp != NULL)
    g_unlink (d->tmp);
  g_clear_object (&d->engine);
  g_free (d->sha256);
  g_free (d->tmp);
  g_free (d);
}

static void
verify_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  Download *d = data;
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GFile) file = g_file_new_for_path (d->tmp);
  g_autoptr(GFileInputStream) in = g_file_read (file, NULL, NULL);
  g_autofree char *dest = slv_blobs_dup_path (slv_sync_engine_get_store (d->engine), d->sha256);
  g_autofree char *dir = g_path_get_dirname (dest);
  guint8 buf[65536];
  gssize n;

  while (in != NULL && (n = g_input_stream_read (G_INPUT_STREAM (in), buf, sizeof buf, NULL, NULL)) > 0)
    g_checksum_update (sum, buf, n);
  if (in == NULL || strcmp (g_checksum_get_string (sum), d->sha256) != 0)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               _("The downloaded blob does not match its hash; it was not kept."));
      return;
    }
  if (g_mkdir_with_parents (dir, 0750) != 0 || g_rename (d->tmp, dest) != 0)
    {
      int saved = errno;

      g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (saved), _("Could not store a blob: %s."),
                               g_strerror (saved));
      return;
    }
  g_clear_pointer (&d->tmp, g_free);
  g_task_return_boolean (task, TRUE);
}

static void
fetched_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GTask *task = user_data;
  GError *error = NULL;
  g_autoptr(SlvSyncReply) reply = slv_sync_http_download_finish (SLV_SYNC_HTTP (source), result, &error);

  if (reply == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  if (reply->status != 200)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("The server has no such blob (%u %s)."),
                               reply->status, slv_sync_reply_code (reply));
      g_object_unref (task);
      return;
    }
  g_task_run_in_thread (task, verify_thread);
  g_object_unref (task);
}

void
slv_sync_download_async (SlvSyncEngine       *self,
                         const char          *sha256,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Download *d = g_new0 (Download, 1);
  g_autofree char *dir = slv_store_dup_blob_dir (self->store);
  g_autofree char *name = g_strdup_printf (".download-%s-XXXXXX", sha256);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) out = NULL;
  int fd;

  g_task_set_source_tag (task, slv_sync_download_async);
  d->engine = g_object_ref (self);
  d->sha256 = g_strdup (sha256);
  g_task_set_task_data (task, d, (GDestroyNotify) download_free);
  d->tmp = g_build_filename (dir, name, NULL);
  fd = g_mkstemp (d->tmp);
  if (fd < 0)
    {
      g_clear_pointer (&d->tmp, g_free);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not make a temporary file in “%s”."), dir);
      g_object_unref (task);
      return;
    }
  close (fd);
  file = g_file_new_for_path (d->tmp);
  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error);
  if (out == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }
  path = g_strdup_printf ("/v1/blobs/%s", sha256);
  slv_sync_http_download_async (self->http, path, G_OUTPUT_STREAM (out), cancellable, fetched_cb, task);
}

gboolean
slv_sync_download_finish (SlvSyncEngine  *self,
                          GAsyncResult   *result,
                          GError        **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}
