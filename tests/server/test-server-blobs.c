/* test-server-blobs.c: protocol invariant 12: uploads resume at the stored
 * offset, wrong bytes are refused, a blob is stored once, an op referencing
 * a blob not yet uploaded is never applied; ranged downloads and access.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "core/slv-uuid.h"
#include "slv-server-test-env.h"

#define BRAND   "0190f3c2-7a4e-7b1c-9d2e-3f4a5b6c7d8e"
#define BRAND_B "0190f3c2-bbbb-7000-8000-00000000000b"

static char *admin_email;

static GBytes *
random_bytes (gsize len)
{
  guint8 *data = g_malloc (len);

  for (gsize i = 0; i < len; i++)
    data[i] = (guint8) g_random_int ();
  return g_bytes_new_take (data, len);
}

static char *
sha_of (GBytes *bytes)
{
  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

static JsonObject *
call_object (SlvTestClient *c,
             const char    *method,
             const char    *path,
             const char    *json,
             JsonNode     **holder)
{
  *holder = slv_test_client_call (c, method, path, json);
  g_assert_nonnull (*holder);
  return json_node_get_object (*holder);
}

static char *
start_upload (SlvTestClient *c,
              const char    *sha,
              gsize          size,
              guint          expect_status)
{
  g_autofree char *json = g_strdup_printf ("{\"sha256\":\"%s\",\"size\":%" G_GSIZE_FORMAT ",\"mime\":\"image/png\"}",
                                           sha, size);
  g_autoptr(JsonNode) holder = NULL;
  JsonObject *o = call_object (c, "POST", "/v1/uploads", json, &holder);

  g_assert_cmpuint (c->status, ==, expect_status);
  if (json_object_has_member (o, "exists"))
    return NULL;
  return g_strdup (json_object_get_string_member (o, "upload_id"));
}

static guint
patch (SlvTestClient *c,
       const char    *id,
       gsize          offset,
       GBytes        *all,
       gsize          len)
{
  g_autofree char *path = g_strconcat ("/v1/uploads/", id, NULL);
  g_autofree char *off = g_strdup_printf ("%" G_GSIZE_FORMAT, offset);
  g_autoptr(GBytes) chunk = g_bytes_new_from_bytes (all, offset, len);
  const char *headers[] = { "Upload-Offset", off, NULL };

  return slv_test_client_send (c, "PATCH", path, "application/offset+octet-stream", chunk, NULL, headers);
}

static gint64
head_offset (SlvTestClient *c,
             const char    *id)
{
  g_autofree char *path = g_strconcat ("/v1/uploads/", id, NULL);

  if (slv_test_client_send (c, "HEAD", path, NULL, NULL, NULL, NULL) != 200)
    return -1;
  return g_ascii_strtoll (soup_message_headers_get_one (c->headers, "Upload-Offset"), NULL, 10);
}

static char **
check_missing (SlvTestClient *c,
               const char    *sha)
{
  g_autofree char *json = g_strdup_printf ("{\"sha256\":[\"%s\"]}", sha);
  g_autoptr(JsonNode) holder = NULL;
  JsonObject *o = call_object (c, "POST", "/v1/blobs/check", json, &holder);

  g_assert_cmpuint (c->status, ==, 200);
  return slv_json_get_strv (o, "missing", "check", NULL);
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      n += g_file_test (path, G_FILE_TEST_IS_DIR) ? count_files (path) : 1;
    }
  return n;
}

static SlvSyncOpStatus
push_item (SlvTestClient *c,
           const char    *brand,
           const char    *sha)
{
  g_autoptr(SlvSyncPushRequest) b = slv_test_client_batch (c);
  g_autofree char *h = slv_test_client_tick (c);
  g_autofree char *board = slv_uuid_v7_new (), *item = slv_uuid_v7_new ();
  g_autofree char *bj = slv_json_quote (board);
  g_autofree char *ref = g_strdup_printf ("\"sha256:%s\"", sha);
  g_autoptr(SlvSyncPushResponse) r = NULL;

  slv_env_create_row (b, h, "board", board, brand, "name", "\"Mood\"", NULL);
  slv_env_create_row (b, h, "board_item", item, brand, "board_id", bj, "kind", "\"image\"", "z", "\"a0\"",
                      "x", "0", "y", "0", "w", "10", "h", "10", "rotation", "0", "blob", ref, NULL);
  r = slv_test_client_push (c, b);
  g_assert_nonnull (r);
  return ((SlvSyncOpResult *) r->results->pdata[r->results->len - 1])->status;
}

static void
test_resumable_upload (void)
{
  g_autoptr(SlvTestClient) c = NULL, after_kill = NULL;
  g_autoptr(GBytes) data = random_bytes (300 * 1024 + 17);
  g_autofree char *sha = sha_of (data);
  g_autofree char *id = NULL, *again = NULL, *code = NULL;
  g_auto(GStrv) missing = NULL, still = NULL;
  gsize size = g_bytes_get_size (data);

  SLV_REQUIRE_SERVER ();
  c = slv_env_client (admin_email);
  missing = check_missing (c, sha);
  g_assert_cmpstr (missing[0], ==, sha);

  /* an op that references the blob before the upload is not applied */
  g_assert_cmpint (push_item (c, BRAND, sha), ==, SLV_SYNC_OP_BLOB_MISSING);

  id = start_upload (c, sha, size, 201);
  g_assert_nonnull (id);
  g_assert_cmpuint (patch (c, id, 0, data, 100 * 1024), ==, 204);
  g_assert_cmpstr (soup_message_headers_get_one (c->headers, "Upload-Offset"), ==, "102400");

  /* the app is killed; a new process asks where to resume */
  after_kill = slv_env_client (admin_email);
  g_assert_cmpint (head_offset (after_kill, id), ==, 100 * 1024);
  again = start_upload (after_kill, sha, size, 200);
  g_assert_cmpstr (again, ==, id);
  /* a wrong offset is answered with the right one */
  g_assert_cmpuint (patch (after_kill, id, 50, data, 10), ==, 409);
  code = slv_test_client_problem (after_kill);
  g_assert_cmpstr (code, ==, "offset_mismatch");
  g_assert_cmpstr (soup_message_headers_get_one (after_kill->headers, "Upload-Offset"), ==, "102400");
  g_assert_cmpuint (patch (after_kill, id, 100 * 1024, data, 100 * 1024), ==, 204);
  g_assert_cmpuint (patch (after_kill, id, 200 * 1024, data, size - 200 * 1024), ==, 204);
  still = check_missing (after_kill, sha);
  g_assert_null (still[0]);
  g_assert_cmpint (head_offset (after_kill, id), ==, -1);   /* the upload is done and gone */

  /* now the op applies */
  g_assert_cmpint (push_item (after_kill, BRAND, sha), ==, SLV_SYNC_OP_APPLIED);
}

static void
test_digest_mismatch (void)
{
  g_autoptr(SlvTestClient) c = NULL;
  g_autoptr(GBytes) data = random_bytes (4096);
  g_autoptr(GBytes) other = random_bytes (4096);
  g_autofree char *sha = sha_of (data);
  g_autofree char *id = NULL, *code = NULL;
  g_auto(GStrv) missing = NULL;

  SLV_REQUIRE_SERVER ();
  c = slv_env_client (admin_email);
  id = start_upload (c, sha, 4096, 201);
  g_assert_cmpuint (patch (c, id, 0, other, 4096), ==, 422);
  code = slv_test_client_problem (c);
  g_assert_cmpstr (code, ==, "digest_mismatch");
  g_assert_cmpint (head_offset (c, id), ==, -1);
  missing = check_missing (c, sha);
  g_assert_cmpstr (missing[0], ==, sha);
  /* chunks past the declared size and foreign content types are refused */
  g_free (id);
  id = start_upload (c, sha, 10, 201);
  g_assert_cmpuint (patch (c, id, 0, data, 11), ==, 400);
  {
    g_autofree char *path = g_strconcat ("/v1/uploads/", id, NULL);
    g_autoptr(GBytes) chunk = g_bytes_new_static ("x", 1);
    const char *headers[] = { "Upload-Offset", "0", NULL };

    g_assert_cmpuint (slv_test_client_send (c, "PATCH", path, "text/plain", chunk, NULL, headers), ==, 415);
    g_assert_cmpuint (slv_test_client_send (c, "PATCH", "/v1/uploads/not-an-id", "application/offset+octet-stream",
                                            chunk, NULL, headers), ==, 404);
  }
}

static void
test_stored_once_and_download (void)
{
  g_autoptr(SlvTestClient) a = NULL, b = NULL, outsider = NULL;
  g_autoptr(GBytes) data = random_bytes (70000);
  g_autofree char *sha = sha_of (data);
  g_autofree char *id = NULL, *dup = NULL, *other_email = NULL, *path = NULL, *etag = NULL;
  g_autofree char *blobs = g_build_filename (slv_test_server_get_blob_dir (slv_env.server), "blobs", NULL);
  guint files_before;

  SLV_REQUIRE_SERVER ();
  a = slv_env_client (admin_email);
  b = slv_env_client (admin_email);
  files_before = count_files (blobs);
  id = start_upload (a, sha, 70000, 201);
  g_assert_cmpuint (patch (a, id, 0, data, 70000), ==, 204);
  dup = start_upload (b, sha, 70000, 200);          /* {"exists":true} */
  g_assert_null (dup);
  g_assert_cmpint (push_item (a, BRAND, sha), ==, SLV_SYNC_OP_APPLIED);
  g_assert_cmpint (push_item (b, BRAND, sha), ==, SLV_SYNC_OP_APPLIED);
  g_assert_cmpuint (count_files (blobs), ==, files_before + 1);

  path = g_strconcat ("/v1/blobs/", sha, NULL);
  g_assert_cmpuint (slv_test_client_send (b, "GET", path, NULL, NULL, NULL, NULL), ==, 200);
  g_assert_true (g_bytes_equal (b->body, data));
  etag = g_strdup (soup_message_headers_get_one (b->headers, "ETag"));
  g_assert_nonnull (strstr (etag, sha));
  g_assert_nonnull (strstr (soup_message_headers_get_one (b->headers, "Cache-Control"), "immutable"));
  {
    const char *range[] = { "Range", "bytes=1000-1999", NULL };
    const char *tail[] = { "Range", "bytes=-10", NULL };
    const char *bad[] = { "Range", "bytes=90000-", NULL };
    const char *cached[] = { "If-None-Match", etag, NULL };
    g_autoptr(GBytes) part = g_bytes_new_from_bytes (data, 1000, 1000);
    g_autoptr(GBytes) last = g_bytes_new_from_bytes (data, 69990, 10);

    g_assert_cmpuint (slv_test_client_send (b, "GET", path, NULL, NULL, NULL, range), ==, 206);
    g_assert_true (g_bytes_equal (b->body, part));
    g_assert_cmpstr (soup_message_headers_get_one (b->headers, "Content-Range"), ==, "bytes 1000-1999/70000");
    g_assert_cmpuint (slv_test_client_send (b, "GET", path, NULL, NULL, NULL, tail), ==, 206);
    g_assert_true (g_bytes_equal (b->body, last));
    g_assert_cmpuint (slv_test_client_send (b, "GET", path, NULL, NULL, NULL, bad), ==, 416);
    g_assert_cmpuint (slv_test_client_send (b, "GET", path, NULL, NULL, NULL, cached), ==, 304);
  }
  /* a user of another brand cannot fetch it, nor learn that it exists */
  other_email = slv_env_user ("admin", "brand:" BRAND_B);
  outsider = slv_env_client (other_email);
  g_assert_cmpuint (slv_test_client_send (outsider, "GET", path, NULL, NULL, NULL, NULL), ==, 404);
  g_assert_cmpuint (slv_test_client_send (outsider, "GET", "/v1/blobs/abc", NULL, NULL, NULL, NULL), ==, 404);
}

static void
test_limits (void)
{
  g_autoptr(SlvTestClient) c = NULL;
  g_autoptr(GBytes) data = random_bytes (8 * 1024 * 1024 + 1);
  g_autofree char *sha = sha_of (data);
  g_autofree char *id = NULL, *code = NULL;
  g_autoptr(JsonNode) holder = NULL;

  SLV_REQUIRE_SERVER ();
  c = slv_env_client (admin_email);
  id = start_upload (c, sha, g_bytes_get_size (data), 201);
  g_assert_cmpuint (patch (c, id, 0, data, g_bytes_get_size (data)), ==, 413);
  code = slv_test_client_problem (c);
  g_assert_cmpstr (code, ==, "payload_too_large");
  holder = slv_test_client_call (c, "POST", "/v1/uploads",
                                 "{\"sha256\":\"0000000000000000000000000000000000000000000000000000000000000000\","
                                 "\"size\":99999999999}");
  g_assert_cmpuint (c->status, ==, 413);
  g_clear_pointer (&holder, json_node_unref);
  holder = slv_test_client_call (c, "POST", "/v1/blobs/check", "{\"sha256\":[\"../../etc/passwd\"]}");
  g_assert_cmpuint (c->status, ==, 400);
}

int
main (int argc, char *argv[])
{
  int rc;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  if (slv_server_test_env_setup (NULL, NULL))
    admin_email = slv_env_user ("admin", "brand:" BRAND);
  g_test_add_func ("/server/blobs/resumable-upload", test_resumable_upload);
  g_test_add_func ("/server/blobs/digest-mismatch", test_digest_mismatch);
  g_test_add_func ("/server/blobs/stored-once-and-download", test_stored_once_and_download);
  g_test_add_func ("/server/blobs/limits", test_limits);
  rc = g_test_run ();
  if (slv_env.server != NULL)
    slv_server_test_env_teardown ();
  g_free (admin_email);
  return rc;
}
