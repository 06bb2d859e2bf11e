/* slv-server.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-server"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "slv-server-crypto.h"
#include "slv-server-private.h"

G_DEFINE_FINAL_TYPE (SlvServer, slv_server, G_TYPE_OBJECT)

#define PWHASH_SLOTS 2
#define LISTEN_BACKLOG 1024

static gsize
body_limit (SlvServer  *self,
            const char *method,
            const char *path)
{
  if (strcmp (path, "/v1/sync/push") == 0)
    return self->config->max_push_body;
  if (strcmp (method, "PATCH") == 0 && g_str_has_prefix (path, "/v1/uploads/"))
    return self->config->max_chunk;
  return self->config->max_body;
}

static void
reject_too_large (SoupServerMessage *msg,
                  gsize              limit)
{
  g_autofree char *detail = g_strdup_printf ("This request may carry at most %" G_GSIZE_FORMAT
                                             " bytes; split it and retry.", limit);
  g_autoptr(SlvSyncProblem) problem = slv_sync_problem_new (413, "payload_too_large", detail);
  g_autofree char *json = NULL;

  problem->server_time = slv_server_now_iso ();
  json = slv_sync_problem_to_json (problem);
  soup_message_body_set_accumulate (soup_server_message_get_request_body (msg), FALSE);
  soup_message_body_truncate (soup_server_message_get_request_body (msg));
  soup_server_message_set_status (msg, 413, NULL);
  soup_server_message_set_response (msg, SLV_SYNC_PROBLEM_CONTENT_TYPE, SOUP_MEMORY_COPY,
                                    json, strlen (json));
}

typedef struct
{
  gsize limit;
  gsize seen;
} ChunkCount;

static void
got_chunk_cb (SoupServerMessage *msg,
              GBytes            *chunk,
              gpointer           user_data)
{
  ChunkCount *count = user_data;

  count->seen += g_bytes_get_size (chunk);
  if (count->seen > count->limit && soup_server_message_get_status (msg) == 0)
    reject_too_large (msg, count->limit);
}

static void
free_count (gpointer  data,
            GClosure *closure)
{
  g_free (data);
}

/* Before the body is read: refuse oversize requests without buffering them. */
static void
early_cb (SoupServer        *soup,
          SoupServerMessage *msg,
          const char        *path,
          GHashTable        *query,
          gpointer           user_data)
{
  SlvServer *self = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  gsize limit = body_limit (self, soup_server_message_get_method (msg), path);
  SoupEncoding encoding = soup_message_headers_get_encoding (headers);

  if (encoding == SOUP_ENCODING_CONTENT_LENGTH &&
      (guint64) soup_message_headers_get_content_length (headers) > limit)
    {
      reject_too_large (msg, limit);
      return;
    }
  if (encoding == SOUP_ENCODING_CHUNKED || encoding == SOUP_ENCODING_EOF)
    {
      ChunkCount *count = g_new0 (ChunkCount, 1);

      count->limit = limit;
      g_signal_connect_data (msg, "got-chunk", G_CALLBACK (got_chunk_cb), count, free_count, 0);
    }
}

static void
request_free (SlvRequest *req)
{
  if (req->msg != NULL && req->disconnect_id != 0)
    g_signal_handler_disconnect (req->msg, req->disconnect_id);
  g_clear_object (&req->msg);
  g_free (req->method);
  g_free (req->path);
  g_clear_pointer (&req->query, g_hash_table_unref);
  g_clear_pointer (&req->headers, g_hash_table_unref);
  g_clear_pointer (&req->body, g_bytes_unref);
  g_free (req->remote);
  g_clear_pointer (&req->principal, slv_principal_free);
  g_free (req->content_type);
  g_clear_pointer (&req->response, g_bytes_unref);
  g_clear_pointer (&req->response_headers, g_ptr_array_unref);
  g_object_unref (req->server);
  g_free (req);
}

static gboolean
finish_in_main_cb (gpointer user_data)
{
  SlvRequest *req = user_data;
  SoupServerMessage *msg = req->msg;

  if (!req->disconnected)
    {
      SoupMessageHeaders *out = soup_server_message_get_response_headers (msg);

      soup_server_message_set_status (msg, req->status, NULL);
      for (guint i = 0; i + 1 < req->response_headers->len; i += 2)
        soup_message_headers_append (out, g_ptr_array_index (req->response_headers, i),
                                     g_ptr_array_index (req->response_headers, i + 1));
      if (req->response != NULL)
        {
          soup_message_headers_set_content_type (out, req->content_type, NULL);
          soup_message_body_append_bytes (soup_server_message_get_response_body (msg), req->response);
        }
      soup_server_message_unpause (msg);
    }
  slv_log_request (req);
  request_free (req);
  return G_SOURCE_REMOVE;
}

static void
disconnected_cb (SoupServerMessage *msg,
                 gpointer           user_data)
{
  ((SlvRequest *) user_data)->disconnected = TRUE;
}

static gboolean
match_id (const char *path,
          const char *prefix,
          const char **id)
{
  if (!g_str_has_prefix (path, prefix))
    return FALSE;
  *id = path + strlen (prefix);
  return **id != '\0' && strchr (*id, '/') == NULL;
}

static void
route_authenticated (SlvRequest *req)
{
  const char *m = req->method, *p = req->path, *id = NULL;

  if (strcmp (p, "/v1/devices") == 0 && strcmp (m, "POST") == 0)
    slv_handle_devices (req);
  else if (strcmp (p, "/v1/sync/push") == 0 && strcmp (m, "POST") == 0)
    slv_handle_push (req);
  else if (strcmp (p, "/v1/sync/pull") == 0 && strcmp (m, "GET") == 0)
    slv_handle_pull (req);
  else if (strcmp (p, "/v1/blobs/check") == 0 && strcmp (m, "POST") == 0)
    slv_handle_blobs_check (req);
  else if (strcmp (p, "/v1/uploads") == 0 && strcmp (m, "POST") == 0)
    slv_handle_upload_create (req);
  else if (match_id (p, "/v1/uploads/", &id) && strcmp (m, "HEAD") == 0)
    slv_handle_upload_head (req, id);
  else if (match_id (p, "/v1/uploads/", &id) && strcmp (m, "PATCH") == 0)
    slv_handle_upload_patch (req, id);
  else if (match_id (p, "/v1/blobs/", &id) && (strcmp (m, "GET") == 0 || strcmp (m, "HEAD") == 0))
    slv_handle_blob_get (req, id);
  else if (strcmp (p, "/v1/search") == 0 && strcmp (m, "GET") == 0)
    slv_handle_search (req);
  else
    slv_request_fail (req, "not_found", "There is no %s %s in this API.", m, p);
}

static gboolean
check_schema (SlvRequest *req)
{
  const char *schema = slv_request_header (req, "selvedge-schema");
  gint64 level;

  if (schema == NULL)
    return TRUE;
  level = g_ascii_strtoll (schema, NULL, 10);
  if (level >= SLV_SYNC_SCHEMA_MIN)
    return TRUE;
  slv_request_fail (req, "upgrade_required",
                    "This server needs workspace schema level %d or later; update Selvedge.",
                    SLV_SYNC_SCHEMA_MIN);
  return FALSE;
}

static gboolean
check_rate (SlvRequest *req,
            const char *key)
{
  guint wait = slv_rate_limiter_check (req->server->limiter, key);
  g_autofree char *retry = NULL;
  g_autoptr(SlvSyncProblem) problem = NULL;

  if (wait == 0)
    return TRUE;
  retry = g_strdup_printf ("%u", wait);
  problem = slv_sync_problem_new (429, "rate_limited", "Too many requests; wait and retry.");
  slv_sync_problem_set_int (problem, "retry_after", wait);
  slv_request_add_header (req, "Retry-After", retry);
  slv_request_reply_problem (req, problem);
  return FALSE;
}

static void
route (SlvRequest *req)
{
  const char *p = req->path;
  g_autofree char *ip_key = g_strconcat ("ip:", req->remote ? req->remote : "", NULL);

  if (strcmp (p, "/v1/health") == 0)
    {
      slv_handle_health (req);
      return;
    }
  if (!check_schema (req))
    return;
  if (g_str_has_prefix (p, "/v1/auth/"))
    {
      if (strcmp (req->method, "POST") != 0)
        slv_request_fail (req, "method_not_allowed", "Use POST for %s.", p);
      else if (!check_rate (req, ip_key))
        return;
      else if (strcmp (p, "/v1/auth/login") == 0)
        slv_handle_login (req);
      else if (strcmp (p, "/v1/auth/refresh") == 0)
        slv_handle_refresh (req);
      else if (strcmp (p, "/v1/auth/logout") == 0)
        slv_handle_logout (req);
      else
        slv_request_fail (req, "not_found", "There is no %s in this API.", p);
      return;
    }
  if (!slv_request_authenticate (req))
    return;
  if (!check_rate (req, req->principal->user_id))
    return;
  route_authenticated (req);
}

static void
worker_cb (gpointer data,
           gpointer user_data)
{
  SlvRequest *req = data;
  SlvServer *self = req->server;
  g_autoptr(GError) error = NULL;

  req->db = slv_db_get_conn (self->db, &error);
  if (req->db == NULL)
    {
      g_autoptr(SlvSyncProblem) problem = slv_sync_problem_new (503, "unavailable",
                                                                "The database is unreachable; retry later.");

      slv_log_event ("error", "database unreachable", "error", error->message, NULL);
      slv_request_add_header (req, "Retry-After", "5");
      slv_request_reply_problem (req, problem);
    }
  else
    {
      route (req);
      slv_db_rollback (req->db);   /* a handler that failed mid-transaction */
      if (PQstatus (req->db) != CONNECTION_OK)
        slv_db_drop_conn (self->db);
      req->db = NULL;
    }
  if (req->status == 0)
    slv_request_fail (req, "internal", "The request produced no response.");
  slv_request_finish_response (req);
  g_main_context_invoke (self->context, finish_in_main_cb, req);
}

static void
copy_header_cb (const char *name,
                const char *value,
                gpointer    user_data)
{
  GHashTable *headers = user_data;
  g_autofree char *key = g_ascii_strdown (name, -1);
  const char *old = g_hash_table_lookup (headers, key);

  if (old != NULL)
    g_hash_table_replace (headers, g_steal_pointer (&key), g_strconcat (old, ", ", value, NULL));
  else
    g_hash_table_replace (headers, g_steal_pointer (&key), g_strdup (value));
}

static void
copy_query (gpointer key,
            gpointer value,
            gpointer user_data)
{
  g_hash_table_replace (user_data, g_strdup (key), g_strdup (value));
}

static void
handler_cb (SoupServer        *soup,
            SoupServerMessage *msg,
            const char        *path,
            GHashTable        *query,
            gpointer           user_data)
{
  SlvServer *self = user_data;
  SlvRequest *req = g_new0 (SlvRequest, 1);
  SoupMessageBody *body = soup_server_message_get_request_body (msg);

  req->server = g_object_ref (self);
  req->msg = g_object_ref (msg);
  req->started_us = g_get_monotonic_time ();
  req->method = g_strdup (soup_server_message_get_method (msg));
  req->path = g_strdup (path);
  req->query = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (query != NULL)
    g_hash_table_foreach (query, copy_query, req->query);
  req->headers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  soup_message_headers_foreach (soup_server_message_get_request_headers (msg), copy_header_cb, req->headers);
  req->body = soup_message_body_flatten (body);
  req->remote = g_strdup (soup_server_message_get_remote_host (msg));
  req->response_headers = g_ptr_array_new_with_free_func (g_free);
  req->disconnect_id = g_signal_connect (msg, "disconnected", G_CALLBACK (disconnected_cb), req);
  soup_server_message_pause (msg);
  g_thread_pool_push (self->pool, req, NULL);
}

static void
slv_server_finalize (GObject *object)
{
  SlvServer *self = SLV_SERVER (object);

  if (self->soup != NULL)
    soup_server_disconnect (self->soup);
  if (self->pool != NULL)
    g_thread_pool_free (self->pool, FALSE, TRUE);
  g_clear_object (&self->soup);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_pointer (&self->db, slv_db_free);
  g_clear_pointer (&self->clock, slv_hlc_clock_free);
  g_clear_pointer (&self->jwt, slv_jwt_keys_free);
  g_clear_pointer (&self->limiter, slv_rate_limiter_free);
  g_clear_pointer (&self->pwhash_slots, g_async_queue_unref);
  g_clear_pointer (&self->config, slv_server_config_free);
  g_free (self->url);
  g_free (self->blobs_dir);
  g_free (self->uploads_dir);
  G_OBJECT_CLASS (slv_server_parent_class)->finalize (object);
}

static void
slv_server_class_init (SlvServerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = slv_server_finalize;
}

static void
slv_server_init (SlvServer *self)
{
}

SlvServer *
slv_server_new (SlvServerConfig *config)
{
  SlvServer *self = g_object_new (SLV_TYPE_SERVER, NULL);
  const char *delay = g_getenv ("SELVEDGE_TEST_COMMIT_DELAY_MS");

  self->config = config;
  self->context = g_main_context_ref_thread_default ();
  self->db = slv_db_new (config->pg);
  self->clock = slv_hlc_clock_new (config->node, NULL, NULL);
  self->jwt = slv_jwt_keys_new (config->jwt_alg, config->secret, config->secret_len, config->issuer);
  self->limiter = slv_rate_limiter_new (config->rate_limit, config->rate_burst);
  self->pwhash_slots = g_async_queue_new ();
  for (guint i = 0; i < PWHASH_SLOTS; i++)
    g_async_queue_push (self->pwhash_slots, GUINT_TO_POINTER (1));
  slv_derive_key (config->secret, config->secret_len, "selvedge cursor", self->cursor_key);
  slv_derive_key (config->secret, config->secret_len, "selvedge refresh", self->refresh_key);
  self->blobs_dir = g_build_filename (config->blob_dir, "blobs", NULL);
  self->uploads_dir = g_build_filename (config->blob_dir, "uploads", NULL);
  self->commit_delay_ms = delay ? (guint) g_ascii_strtoull (delay, NULL, 10) : 0;
  return self;
}

static gboolean
listen_on (SlvServer  *self,
           GError    **error)
{
  g_autofree char *host = NULL;
  g_autoptr(GInetAddress) inet = NULL;
  g_autoptr(GSocketAddress) address = NULL;
  g_autoptr(GSocket) socket = NULL;
  const char *colon = strrchr (self->config->listen, ':');
  GSList *uris;

  if (colon == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "--listen “%s” must be HOST:PORT, such as 127.0.0.1:8080.", self->config->listen);
      return FALSE;
    }
  host = g_strndup (self->config->listen, colon - self->config->listen);
  if (host[0] == '[')
    {
      memmove (host, host + 1, strlen (host));
      host[strlen (host) - 1] = '\0';
    }
  inet = g_inet_address_new_from_string (host);
  if (inet == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "--listen: “%s” is not an IP address.", host);
      return FALSE;
    }
  address = g_inet_socket_address_new (inet, (guint16) g_ascii_strtoull (colon + 1, NULL, 10));
  /* our own socket: GLib's default backlog of 10 drops bursts of clients */
  socket = g_socket_new (g_inet_address_get_family (inet), G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, error);
  if (socket == NULL)
    return FALSE;
  g_socket_set_listen_backlog (socket, LISTEN_BACKLOG);
  if (!g_socket_bind (socket, address, TRUE, error) || !g_socket_listen (socket, error) ||
      !soup_server_listen_socket (self->soup, socket, 0, error))
    return FALSE;
  uris = soup_server_get_uris (self->soup);
  self->url = uris ? g_uri_to_string (uris->data) : g_strdup ("");
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  return TRUE;
}

static gboolean
write_ready_file (SlvServer  *self,
                  GError    **error)
{
  if (self->config->ready_file == NULL)
    return TRUE;
  return g_file_set_contents (self->config->ready_file, self->url, -1, error);
}

gboolean
slv_server_start (SlvServer  *self,
                  GError    **error)
{
  PGconn *conn;

  if (g_mkdir_with_parents (self->blobs_dir, 0750) != 0 ||
      g_mkdir_with_parents (self->uploads_dir, 0750) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "Cannot create the blob folders under “%s”: %s.",
                   self->config->blob_dir, g_strerror (errno));
      return FALSE;
    }
  conn = slv_db_connect (self->config->pg, error);
  if (conn == NULL)
    return FALSE;
  PQfinish (conn);

  self->pool = g_thread_pool_new (worker_cb, self, (int) self->config->workers, TRUE, error);
  if (self->pool == NULL)
    return FALSE;
  self->soup = soup_server_new ("server-header", "selvedge-server/" PACKAGE_VERSION, NULL);
  soup_server_add_early_handler (self->soup, NULL, early_cb, self, NULL);
  soup_server_add_handler (self->soup, NULL, handler_cb, self, NULL);
  if (!listen_on (self, error) || !write_ready_file (self, error))
    return FALSE;
  slv_log_event ("info", "listening", "url", self->url, NULL);
  return TRUE;
}

const char *
slv_server_get_url (SlvServer *self)
{
  return self->url;
}
