/* slv-server-http.c: request and response helpers, problems, gzip, rate limits.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-server"

#include "config.h"

#include <string.h>

#include "core/slv-uuid.h"
#include "slv-server-private.h"

#define GZIP_MIN_BYTES 1024

struct _SlvRateLimiter
{
  GMutex      lock;
  GHashTable *buckets;   /* key → Bucket */
  double      rate;
  double      burst;
  gint64      last_sweep_us;
};

typedef struct
{
  double tokens;
  gint64 updated_us;
} Bucket;

gint64
slv_server_now_ms (void)
{
  return g_get_real_time () / 1000;
}

char *
slv_server_now_iso (void)
{
  return slv_timestamp_from_unix_ms (slv_server_now_ms ());
}

const char *
slv_request_header (SlvRequest *req,
                    const char *name)
{
  return g_hash_table_lookup (req->headers, name);
}

const char *
slv_request_query (SlvRequest *req,
                   const char *name)
{
  return g_hash_table_lookup (req->query, name);
}

void
slv_request_add_header (SlvRequest *req,
                        const char *name,
                        const char *value)
{
  g_ptr_array_add (req->response_headers, g_strdup (name));
  g_ptr_array_add (req->response_headers, g_strdup (value));
}

void
slv_request_reply (SlvRequest *req,
                   guint       status,
                   const char *content_type,
                   GBytes     *body)
{
  req->status = status;
  g_free (req->content_type);
  req->content_type = g_strdup (content_type);
  g_clear_pointer (&req->response, g_bytes_unref);
  req->response = body ? g_bytes_ref (body) : NULL;
}

void
slv_request_reply_json (SlvRequest *req,
                        guint       status,
                        char       *json)
{
  g_autoptr(GBytes) body = json ? g_bytes_new_take (json, strlen (json)) : NULL;

  slv_request_reply (req, status, "application/json", body);
}

void
slv_request_reply_problem (SlvRequest     *req,
                           SlvSyncProblem *problem)
{
  g_autoptr(GBytes) body = NULL;
  char *json;

  if (problem->server_time == NULL)
    problem->server_time = slv_server_now_iso ();
  json = slv_sync_problem_to_json (problem);
  body = g_bytes_new_take (json, strlen (json));
  slv_request_reply (req, problem->status, SLV_SYNC_PROBLEM_CONTENT_TYPE, body);
}

void
slv_request_fail (SlvRequest *req,
                  const char *code,
                  const char *format,
                  ...)
{
  g_autofree char *detail = NULL;
  g_autoptr(SlvSyncProblem) problem = NULL;
  va_list args;

  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);
  problem = slv_sync_problem_new (0, code, detail);
  slv_request_reply_problem (req, problem);
}

void
slv_request_fail_internal (SlvRequest *req,
                           GError     *error)
{
  gboolean down = error != NULL && g_error_matches (error, SLV_DB_ERROR, SLV_DB_ERROR_CONNECT);

  slv_log_event ("error", "request failed", "path", req->path,
                 "error", error ? error->message : "unknown", NULL);
  if (down)
    {
      slv_request_add_header (req, "Retry-After", "5");
      slv_request_fail (req, "unavailable", "The database is unreachable; retry later.");
    }
  else
    slv_request_fail (req, "internal", "The server failed to handle this request; retry later.");
}

JsonObject *
slv_request_json_object (SlvRequest  *req,
                         JsonNode   **holder)
{
  g_autoptr(GError) error = NULL;
  gsize len = 0;
  const char *data = req->body ? g_bytes_get_data (req->body, &len) : NULL;

  *holder = slv_json_parse (data, len, &error);
  if (*holder == NULL)
    {
      slv_request_fail (req, "bad_request", "%s", error->message);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (*holder))
    {
      g_clear_pointer (holder, json_node_unref);
      slv_request_fail (req, "bad_request", "The body must be a JSON object.");
      return NULL;
    }
  return json_node_get_object (*holder);
}

static gboolean
accepts_gzip (SlvRequest *req)
{
  const char *accept = slv_request_header (req, "accept-encoding");

  return accept != NULL && strstr (accept, "gzip") != NULL;
}

static GBytes *
gzip_bytes (GBytes *input)
{
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 1);
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) stream = g_converter_output_stream_new (memory, G_CONVERTER (compressor));
  gsize len = 0;
  const guint8 *data = g_bytes_get_data (input, &len);

  if (!g_output_stream_write_all (stream, data, len, NULL, NULL, NULL) ||
      !g_output_stream_close (stream, NULL, NULL))
    return NULL;
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
}

/* Headers every response carries; gzip for large JSON. Worker thread. */
void
slv_request_finish_response (SlvRequest *req)
{
  g_autofree char *now = slv_server_now_iso ();

  slv_request_add_header (req, "Selvedge-Server-Time", now);
  if (req->content_type != NULL && g_str_has_prefix (req->content_type, "application/") &&
      strstr (req->content_type, "json") != NULL)
    {
      slv_request_add_header (req, "Cache-Control", "no-store");
      if (req->response != NULL && g_bytes_get_size (req->response) >= GZIP_MIN_BYTES && accepts_gzip (req))
        {
          GBytes *zipped = gzip_bytes (req->response);

          if (zipped != NULL)
            {
              g_bytes_unref (req->response);
              req->response = zipped;
              slv_request_add_header (req, "Content-Encoding", "gzip");
              slv_request_add_header (req, "Vary", "Accept-Encoding");
            }
        }
    }
}

SlvRateLimiter *
slv_rate_limiter_new (guint per_second,
                      guint burst)
{
  SlvRateLimiter *limiter = g_new0 (SlvRateLimiter, 1);

  g_mutex_init (&limiter->lock);
  limiter->buckets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  limiter->rate = per_second;
  limiter->burst = MAX (burst, per_second);
  return limiter;
}

void
slv_rate_limiter_free (SlvRateLimiter *limiter)
{
  if (limiter == NULL)
    return;
  g_hash_table_unref (limiter->buckets);
  g_mutex_clear (&limiter->lock);
  g_free (limiter);
}

static gboolean
bucket_is_full (gpointer key,
                gpointer value,
                gpointer user_data)
{
  SlvRateLimiter *limiter = user_data;
  Bucket *b = value;
  gint64 now = limiter->last_sweep_us;

  return b->tokens + (now - b->updated_us) / 1e6 * limiter->rate >= limiter->burst;
}

/* A token bucket per key (user id, or client address for sign-in). */
guint
slv_rate_limiter_check (SlvRateLimiter *limiter,
                        const char     *key)
{
  gint64 now = g_get_monotonic_time ();
  guint wait = 0;
  Bucket *b;

  if (limiter->rate <= 0)
    return 0;
  g_mutex_lock (&limiter->lock);
  if (now - limiter->last_sweep_us > 60 * G_USEC_PER_SEC)
    {
      limiter->last_sweep_us = now;
      g_hash_table_foreach_remove (limiter->buckets, bucket_is_full, limiter);
    }
  b = g_hash_table_lookup (limiter->buckets, key);
  if (b == NULL)
    {
      b = g_new0 (Bucket, 1);
      b->tokens = limiter->burst;
      b->updated_us = now;
      g_hash_table_insert (limiter->buckets, g_strdup (key), b);
    }
  b->tokens = MIN (limiter->burst, b->tokens + (now - b->updated_us) / 1e6 * limiter->rate);
  b->updated_us = now;
  if (b->tokens >= 1)
    b->tokens -= 1;
  else
    wait = (guint) ((1 - b->tokens) / limiter->rate) + 1;
  g_mutex_unlock (&limiter->lock);
  return wait;
}
