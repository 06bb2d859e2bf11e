/* slv-server-blobs.c: content-addressed blobs (SYNC-PROTOCOL.md §9): which
 * are missing, resumable uploads verified by hash and renamed into place
 * atomically, and ranged downloads for users whose buckets reference them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-server"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "core/slv-uuid.h"
#include "slv-server-private.h"

#define MAX_CHECK 1000
#define OFFSET_STREAM "application/offset+octet-stream"

static gboolean
is_sha256 (const char *text)
{
  return text != NULL && strlen (text) == 64 && strspn (text, "0123456789abcdef") == 64;
}

char *
slv_blob_path (SlvServer  *server,
               const char *sha256)
{
  char prefix[3] = { sha256[0], sha256[1], '\0' };

  return g_build_filename (server->blobs_dir, prefix, sha256, NULL);
}

static char *
upload_path (SlvServer  *server,
             const char *id)
{
  return g_build_filename (server->uploads_dir, id, NULL);
}

void
slv_handle_blobs_check (SlvRequest *req)
{
  g_autoptr(JsonNode) holder = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) list = g_string_new ("{");
  g_autoptr(GHashTable) present = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(PGresult) res = NULL;
  g_auto(GStrv) hashes = NULL;
  JsonObject *body = slv_request_json_object (req, &holder);
  GString *out;
  const char *params[1];

  if (body == NULL)
    return;
  hashes = slv_json_get_strv (body, "sha256", "Blob check", &error);
  if (hashes == NULL || g_strv_length (hashes) > MAX_CHECK)
    {
      slv_request_fail (req, "bad_request", "Send up to %d hashes in “sha256”.", MAX_CHECK);
      return;
    }
  for (guint i = 0; hashes[i] != NULL; i++)
    {
      if (!is_sha256 (hashes[i]))
        {
          slv_request_fail (req, "bad_request", "“%.80s” is not a SHA-256 in lower-case hex.", hashes[i]);
          return;
        }
      g_string_append_printf (list, "%s%s", i ? "," : "", hashes[i]);
    }
  g_string_append_c (list, '}');
  params[0] = list->str;
  res = slv_db_query (req->db, "SELECT sha256 FROM blob_file WHERE sha256 = ANY ($1::text[])", 1, params, &error);
  if (res == NULL)
    {
      slv_request_fail_internal (req, error);
      return;
    }
  for (int i = 0; i < PQntuples (res); i++)
    g_hash_table_add (present, g_strdup (slv_db_value (res, i, 0)));
  out = g_string_new ("{\"missing\":[");
  for (guint i = 0; hashes[i] != NULL; i++)
    if (g_hash_table_add (present, g_strdup (hashes[i])))
      g_string_append_printf (out, "%s\"%s\"", out->str[out->len - 1] == '[' ? "" : ",", hashes[i]);
  g_string_append (out, "]}");
  slv_request_reply_json (req, 200, g_string_free (out, FALSE));
}

static void
reply_upload (SlvRequest *req,
              guint       status,
              const char *id,
              gint64      offset)
{
  g_autofree char *location = g_strconcat ("/v1/uploads/", id, NULL);
  g_autofree char *offset_text = g_strdup_printf ("%" G_GINT64_FORMAT, offset);

  slv_request_add_header (req, "Location", location);
  slv_request_add_header (req, "Upload-Offset", offset_text);
  slv_request_reply_json (req, status, g_strdup_printf ("{\"upload_id\":\"%s\",\"offset\":%" G_GINT64_FORMAT "}",
                                                        id, offset));
}

void
slv_handle_upload_create (SlvRequest *req)
{
  g_autoptr(JsonNode) holder = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) res = NULL;
  g_autofree char *id = slv_uuid_v7_new ();
  g_autofree char *path = NULL;
  g_autofree char *size_text = NULL;
  JsonObject *body = slv_request_json_object (req, &holder);
  const char *sha, *mime = NULL;
  gint64 size = -1;

  if (body == NULL)
    return;
  if ((sha = slv_json_get_string (body, "sha256", "Upload", &error)) == NULL || !is_sha256 (sha) ||
      !slv_json_get_int (body, "size", "Upload", &size, &error) || size < 0 ||
      !slv_json_get_string_opt (body, "mime", "Upload", &mime, &error) || (mime && strlen (mime) > 255))
    {
      slv_request_fail (req, "bad_request", "An upload needs “sha256” (64 lower-case hex digits), "
                        "“size” (bytes) and optionally “mime”.");
      return;
    }
  if (size > req->server->config->max_blob_size)
    {
      slv_request_fail (req, "payload_too_large", "Blobs may be at most %" G_GINT64_FORMAT " bytes.",
                        req->server->config->max_blob_size);
      return;
    }
  size_text = g_strdup_printf ("%" G_GINT64_FORMAT, size);
  {
    const char *params[] = { sha, req->principal->user_id, size_text };

    res = slv_db_query (req->db, "SELECT 'blob', NULL::bigint FROM blob_file WHERE sha256 = $1 UNION ALL "
                        "(SELECT id::text, \"offset\" FROM upload WHERE sha256 = $1 AND user_id = $2 "
                        "AND size = $3::bigint ORDER BY updated_at DESC LIMIT 1)", 3, params, &error);
  }
  if (res == NULL)
    {
      slv_request_fail_internal (req, error);
      return;
    }
  if (PQntuples (res) > 0 && strcmp (slv_db_value (res, 0, 0), "blob") == 0)
    {
      slv_request_reply_json (req, 200, g_strdup ("{\"exists\":true}"));
      return;
    }
  if (PQntuples (res) > 0)
    {
      reply_upload (req, 200, slv_db_value (res, 0, 0), slv_db_int (res, 0, 1));
      return;
    }
  path = upload_path (req->server, id);
  if (!g_file_set_contents (path, "", 0, &error))
    {
      slv_request_fail_internal (req, error);
      return;
    }
  {
    const char *params[] = { id, req->principal->user_id, sha, size_text, mime };

    if (!slv_db_exec (req->db, "INSERT INTO upload (id, user_id, sha256, size, mime) VALUES ($1, $2, $3, $4::bigint, $5)",
                      5, params, &error))
      {
        g_unlink (path);
        slv_request_fail_internal (req, error);
        return;
      }
  }
  reply_upload (req, 201, id, 0);
}

static PGresult *
find_upload (SlvRequest *req,
             const char *id,
             gboolean    lock)
{
  const char *params[] = { id, req->principal->user_id };
  g_autoptr(GError) error = NULL;
  PGresult *res;

  if (!slv_uuid_is_valid (id))
    {
      slv_request_fail (req, "not_found", "There is no such upload; start it again.");
      return NULL;
    }
  res = slv_db_query (req->db, lock
                      ? "SELECT \"offset\", size, sha256, mime FROM upload WHERE id = $1 AND user_id = $2 FOR UPDATE"
                      : "SELECT \"offset\", size, sha256, mime FROM upload WHERE id = $1 AND user_id = $2",
                      2, params, &error);
  if (res == NULL)
    slv_request_fail_internal (req, error);
  else if (PQntuples (res) == 0)
    {
      PQclear (res);
      res = NULL;
      slv_request_fail (req, "not_found", "There is no such upload; start it again.");
    }
  return res;
}

void
slv_handle_upload_head (SlvRequest *req,
                        const char *id)
{
  g_autoptr(PGresult) res = find_upload (req, id, FALSE);

  if (res == NULL)
    return;
  slv_request_add_header (req, "Upload-Offset", slv_db_value (res, 0, 0));
  slv_request_add_header (req, "Upload-Length", slv_db_value (res, 0, 1));
  slv_request_add_header (req, "Cache-Control", "no-store");
  slv_request_reply (req, 200, NULL, NULL);
}

static gboolean
write_chunk (const char  *path,
             gint64       offset,
             GBytes      *chunk,
             GError     **error)
{
  gsize len = 0;
  const guint8 *data = g_bytes_get_data (chunk, &len);
  int fd = g_open (path, O_WRONLY | O_CLOEXEC, 0);
  gsize done = 0;

  if (fd < 0 || ftruncate (fd, offset) != 0)
    goto fail;
  while (done < len)
    {
      ssize_t n = pwrite (fd, data + done, len - done, offset + done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        goto fail;
      done += n;
    }
  if (fsync (fd) != 0)
    goto fail;
  close (fd);
  return TRUE;

fail:
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno), "Cannot write the upload: %s", g_strerror (errno));
  if (fd >= 0)
    close (fd);
  return FALSE;
}

static char *
hash_file (const char  *path,
           GError     **error)
{
  g_autoptr(GMappedFile) map = g_mapped_file_new (path, FALSE, error);
  g_autoptr(GChecksum) sum = NULL;

  if (map == NULL)
    return NULL;
  sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_checksum_update (sum, (const guchar *) g_mapped_file_get_contents (map), g_mapped_file_get_length (map));
  return g_strdup (g_checksum_get_string (sum));
}

static gboolean
sync_dir (const char *dir)
{
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  gboolean ok = fd >= 0 && fsync (fd) == 0;

  if (fd >= 0)
    close (fd);
  return ok;
}

/* The last byte arrived: hash, then rename into the store or discard. */
static gboolean
finish_upload (SlvRequest  *req,
               const char  *id,
               PGresult    *upload,
               gboolean    *mismatch,
               GError     **error)
{
  g_autofree char *path = upload_path (req->server, id);
  const char *sha = slv_db_value (upload, 0, 2);
  g_autofree char *target = slv_blob_path (req->server, sha);
  g_autofree char *dir = g_path_get_dirname (target);
  g_autofree char *actual = hash_file (path, error);
  const char *file[] = { sha, slv_db_value (upload, 0, 1), slv_db_value (upload, 0, 3) };
  const char *uploader[] = { sha, req->principal->user_id };
  const char *done[] = { id };

  if (actual == NULL)
    return FALSE;
  *mismatch = strcmp (actual, sha) != 0;
  if (*mismatch)
    {
      g_unlink (path);
      return slv_db_exec (req->db, "DELETE FROM upload WHERE id = $1", 1, done, error);
    }
  if (g_mkdir_with_parents (dir, 0750) != 0 || g_rename (path, target) != 0 || !sync_dir (dir))
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno), "Cannot store blob %s: %s", sha, g_strerror (errno));
      return FALSE;
    }
  return slv_db_exec (req->db, "INSERT INTO blob_file (sha256, size, mime) VALUES ($1, $2::bigint, $3) "
                      "ON CONFLICT DO NOTHING", 3, file, error) &&
         slv_db_exec (req->db, "INSERT INTO blob_uploader (sha256, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                      2, uploader, error) &&
         slv_db_exec (req->db, "DELETE FROM upload WHERE id = $1", 1, done, error);
}

static gboolean
check_patch_headers (SlvRequest *req,
                     gint64     *offset)
{
  const char *type = slv_request_header (req, "content-type");
  const char *header = slv_request_header (req, "upload-offset");
  char *end = NULL;

  if (type == NULL || !g_str_has_prefix (type, OFFSET_STREAM))
    {
      slv_request_fail (req, "unsupported_media_type", "Send upload chunks as %s.", OFFSET_STREAM);
      return FALSE;
    }
  *offset = header ? g_ascii_strtoll (header, &end, 10) : -1;
  if (header == NULL || *end != '\0' || *offset < 0)
    {
      slv_request_fail (req, "bad_request", "A chunk needs an Upload-Offset header.");
      return FALSE;
    }
  return TRUE;
}

static void
offset_mismatch (SlvRequest *req,
                 gint64      expected)
{
  g_autoptr(SlvSyncProblem) problem = slv_sync_problem_new (409, "offset_mismatch",
                                                            "Resume the upload at the offset the server has.");
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, expected);

  slv_sync_problem_set_int (problem, "offset", expected);
  slv_request_add_header (req, "Upload-Offset", text);
  slv_db_rollback (req->db);
  slv_request_reply_problem (req, problem);
}

void
slv_handle_upload_patch (SlvRequest *req,
                         const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) upload = NULL;
  g_autofree char *path = NULL;
  g_autofree char *new_offset = NULL;
  gsize len = req->body ? g_bytes_get_size (req->body) : 0;
  gint64 offset, stored, size;
  gboolean mismatch = FALSE;

  if (!check_patch_headers (req, &offset))
    return;
  if (!slv_db_run (req->db, "BEGIN", &error))
    {
      slv_request_fail_internal (req, error);
      return;
    }
  if ((upload = find_upload (req, id, TRUE)) == NULL)
    return;
  stored = slv_db_int (upload, 0, 0);
  size = slv_db_int (upload, 0, 1);
  if (offset != stored)
    {
      offset_mismatch (req, stored);
      return;
    }
  if (offset + (gint64) len > size)
    {
      slv_request_fail (req, "bad_request", "This chunk goes past the declared size of %" G_GINT64_FORMAT " bytes.", size);
      return;
    }
  path = upload_path (req->server, id);
  new_offset = g_strdup_printf ("%" G_GINT64_FORMAT, offset + (gint64) len);
  {
    const char *params[] = { id, new_offset };

    if (!write_chunk (path, offset, req->body, &error) ||
        !slv_db_exec (req->db, "UPDATE upload SET \"offset\" = $2::bigint, updated_at = now () WHERE id = $1",
                      2, params, &error) ||
        (offset + (gint64) len == size && !finish_upload (req, id, upload, &mismatch, &error)) ||
        !slv_db_run (req->db, "COMMIT", &error))
      {
        slv_request_fail_internal (req, error);
        return;
      }
  }
  if (mismatch)
    {
      slv_request_fail (req, "digest_mismatch", "The uploaded bytes do not hash to the declared SHA-256; "
                        "hash the file again and upload it anew.");
      return;
    }
  slv_request_add_header (req, "Upload-Offset", new_offset);
  slv_request_reply (req, 204, NULL, NULL);
}

static gboolean
may_read_blob (SlvRequest  *req,
               const char  *sha,
               char       **mime,
               GError     **error)
{
  g_auto(GStrv) buckets = slv_principal_readable_buckets (req, error);
  g_autoptr(GString) list = g_string_new ("{");
  g_autoptr(PGresult) res = NULL;
  const char *params[3];

  if (buckets == NULL)
    return FALSE;
  for (guint i = 0; buckets[i] != NULL; i++)
    g_string_append_printf (list, "%s\"%s\"", i ? "," : "", buckets[i]);
  g_string_append_c (list, '}');
  params[0] = sha;
  params[1] = list->str;
  params[2] = req->principal->user_id;
  res = slv_db_query (req->db,
                      "SELECT f.mime FROM blob_file f WHERE f.sha256 = $1 AND ("
                      "EXISTS (SELECT 1 FROM blob_ref b JOIN sync_row s ON s.tbl = b.tbl AND s.row_id = b.row_id "
                      "        WHERE b.sha256 = $1 AND s.bucket = ANY ($2::text[])) OR "
                      "EXISTS (SELECT 1 FROM blob_uploader u WHERE u.sha256 = $1 AND u.user_id = $3::uuid))",
                      3, params, error);
  if (res == NULL || PQntuples (res) == 0)
    return FALSE;
  *mime = g_strdup (slv_db_value (res, 0, 0));
  return TRUE;
}

/* "bytes=a-b", "bytes=a-" or "bytes=-n"; FALSE if not satisfiable. */
static gboolean
parse_range (const char *header,
             gint64      size,
             gint64     *start,
             gint64     *end)
{
  const char *spec = header + 6;
  char *dash;

  if (!g_str_has_prefix (header, "bytes=") || strchr (spec, ',') != NULL || (dash = strchr (spec, '-')) == NULL)
    return FALSE;
  if (dash == spec)
    {
      gint64 n = g_ascii_strtoll (dash + 1, NULL, 10);

      if (n <= 0)
        return FALSE;
      *start = MAX (0, size - n);
      *end = size - 1;
    }
  else
    {
      *start = g_ascii_strtoll (spec, NULL, 10);
      *end = dash[1] != '\0' ? g_ascii_strtoll (dash + 1, NULL, 10) : size - 1;
      *end = MIN (*end, size - 1);
    }
  return *start >= 0 && *start <= *end && *start < size;
}

static void
reply_blob (SlvRequest *req,
            GBytes     *bytes,
            const char *sha,
            const char *mime)
{
  const char *range = slv_request_header (req, "range");
  gint64 size = g_bytes_get_size (bytes), start = 0, end = size - 1;
  g_autofree char *etag = g_strdup_printf ("\"%s\"", sha);
  g_autoptr(GBytes) part = NULL;

  slv_request_add_header (req, "ETag", etag);
  slv_request_add_header (req, "Cache-Control", "private, max-age=31536000, immutable");
  slv_request_add_header (req, "Accept-Ranges", "bytes");
  if (g_strcmp0 (slv_request_header (req, "if-none-match"), etag) == 0)
    {
      slv_request_reply (req, 304, NULL, NULL);
      return;
    }
  if (range != NULL && !parse_range (range, size, &start, &end))
    {
      g_autofree char *unsat = g_strdup_printf ("bytes */%" G_GINT64_FORMAT, size);

      slv_request_add_header (req, "Content-Range", unsat);
      slv_request_fail (req, "range_not_satisfiable", "The range is outside the blob of %" G_GINT64_FORMAT " bytes.", size);
      return;
    }
  if (range != NULL)
    {
      g_autofree char *content_range = g_strdup_printf ("bytes %" G_GINT64_FORMAT "-%" G_GINT64_FORMAT
                                                        "/%" G_GINT64_FORMAT, start, end, size);

      slv_request_add_header (req, "Content-Range", content_range);
    }
  part = g_bytes_new_from_bytes (bytes, start, size > 0 ? end - start + 1 : 0);
  if (strcmp (req->method, "HEAD") == 0)
    g_clear_pointer (&part, g_bytes_unref);
  slv_request_reply (req, range != NULL ? 206 : 200, mime ? mime : "application/octet-stream", part);
}

void
slv_handle_blob_get (SlvRequest *req,
                     const char *sha)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *mime = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GMappedFile) map = NULL;
  g_autoptr(GBytes) bytes = NULL;

  if (!is_sha256 (sha) || !may_read_blob (req, sha, &mime, &error))
    {
      if (error != NULL)
        slv_request_fail_internal (req, error);
      else
        slv_request_fail (req, "not_found", "No blob with that hash is shared with you.");
      return;
    }
  path = slv_blob_path (req->server, sha);
  map = g_mapped_file_new (path, FALSE, &error);
  if (map == NULL)
    {
      slv_request_fail_internal (req, error);
      return;
    }
  bytes = g_mapped_file_get_bytes (map);
  reply_blob (req, bytes, sha, mime);
}
