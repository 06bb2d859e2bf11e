/* test-sync-liveness.c: invariant 15 (the outbox always drains) and the
 * single-flight token refresh.
 *
 * A loopback proxy in front of the real server answers a share of the
 * requests with 503 without forwarding them, and loses another share of
 * the answers after the server committed (the client sees 503). The
 * engine must drain its outbox within its backoff bound, resending the
 * same batches, with nothing applied twice — and in automatic mode without
 * any further edit to wake it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "store/slv-blobs.h"
#include "sync-test-util.h"

typedef struct
{
  SoupServer  *server;
  SoupSession *session;
  char        *target;      /* the real server, no trailing slash */
  char        *url;
  GRand       *rand;
  guint        fail_pct;    /* answered 503 before the server sees it */
  gboolean     down;        /* drop every connection: the network is gone */
  guint        lost_pct;    /* forwarded, then the answer is lost */
  guint        requests;
  guint        failed;
  guint        lost;
} Proxy;

static const char * const copied_request[] = { "Authorization", "Selvedge-Schema", "Upload-Offset", "Range", NULL };
static const char * const copied_response[] = { "Upload-Offset", "Retry-After", "ETag", "Content-Range", NULL };

static void
reply_503 (SoupServerMessage *msg)
{
  static const char body[] = "{\"type\":\"https://selvedge.org/problems/unavailable\",\"title\":\"Unavailable\","
                             "\"status\":503,\"code\":\"unavailable\",\"retryable\":true,"
                             "\"detail\":\"Injected by the test proxy.\"}";

  soup_server_message_set_status (msg, 503, NULL);
  soup_server_message_set_response (msg, "application/problem+json", SOUP_MEMORY_STATIC, body, strlen (body));
}

typedef struct
{
  Proxy             *proxy;
  SoupServerMessage *msg;
  SoupMessage       *out;
  gboolean           lose;
} Forward;

static void
forwarded_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Forward *f = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  SoupMessageHeaders *in = soup_message_get_response_headers (f->out);
  SoupMessageHeaders *back = soup_server_message_get_response_headers (f->msg);

  if (body == NULL || f->lose)
    {
      f->proxy->lost += f->lose;
      reply_503 (f->msg);
    }
  else
    {
      gsize len = 0;
      const char *data = g_bytes_get_data (body, &len);

      for (guint i = 0; copied_response[i] != NULL; i++)
        if (soup_message_headers_get_one (in, copied_response[i]) != NULL)
          soup_message_headers_replace (back, copied_response[i], soup_message_headers_get_one (in, copied_response[i]));
      soup_server_message_set_status (f->msg, soup_message_get_status (f->out), NULL);
      soup_server_message_set_response (f->msg, soup_message_headers_get_content_type (in, NULL),
                                        SOUP_MEMORY_COPY, data, len);
    }
  soup_server_message_unpause (f->msg);
  g_object_unref (f->msg);
  g_object_unref (f->out);
  g_free (f);
}

static void
proxy_cb (SoupServer        *server,
          SoupServerMessage *msg,
          const char        *path,
          GHashTable        *query,
          gpointer           user_data)
{
  Proxy *p = user_data;
  GUri *uri = soup_server_message_get_uri (msg);
  g_autofree char *url = g_strconcat (p->target, path, g_uri_get_query (uri) ? "?" : "",
                                      g_uri_get_query (uri) ? g_uri_get_query (uri) : "", NULL);
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  guint roll = g_rand_int_range (p->rand, 0, 100);
  Forward *f;

  p->requests++;
  if (p->down)
    {
      g_autoptr(GIOStream) stream = soup_server_message_steal_connection (msg);

      g_io_stream_close (stream, NULL, NULL);
      return;
    }
  if (roll < p->fail_pct)
    {
      p->failed++;
      reply_503 (msg);
      return;
    }
  f = g_new0 (Forward, 1);
  f->proxy = p;
  f->msg = g_object_ref (msg);
  f->lose = roll < p->fail_pct + p->lost_pct;
  f->out = soup_message_new (soup_server_message_get_method (msg), url);
  for (guint i = 0; copied_request[i] != NULL; i++)
    if (soup_message_headers_get_one (headers, copied_request[i]) != NULL)
      soup_message_headers_replace (soup_message_get_request_headers (f->out), copied_request[i],
                                    soup_message_headers_get_one (headers, copied_request[i]));
  if (body->length > 0)
    {
      g_autoptr(GBytes) bytes = soup_message_body_flatten (body);

      soup_message_set_request_body_from_bytes (f->out, soup_message_headers_get_content_type (headers, NULL), bytes);
    }
  soup_server_message_pause (msg);
  soup_session_send_and_read_async (p->session, f->out, G_PRIORITY_DEFAULT, NULL, forwarded_cb, f);
}

static Proxy *
proxy_new (guint fail_pct,
           guint lost_pct,
           guint seed)
{
  Proxy *p = g_new0 (Proxy, 1);
  g_autoptr(GError) error = NULL;
  GSList *uris;

  p->fail_pct = fail_pct;
  p->lost_pct = lost_pct;
  p->rand = g_rand_new_with_seed (seed);
  p->target = g_strdup (slv_env.url);
  while (g_str_has_suffix (p->target, "/"))
    p->target[strlen (p->target) - 1] = '\0';
  p->session = soup_session_new ();
  p->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (p->server, NULL, proxy_cb, p, NULL);
  g_assert_true (soup_server_listen_local (p->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (p->server);
  p->url = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  return p;
}

static void
proxy_free (Proxy *p)
{
  soup_server_disconnect (p->server);
  g_object_unref (p->server);
  g_object_unref (p->session);
  g_rand_free (p->rand);
  g_free (p->target);
  g_free (p->url);
  g_free (p);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Proxy, proxy_free)

static void
via_proxy (SyncClient *c,
           Proxy      *p)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (slv_sync_engine_set_sign_in (c->engine, p->url, c->user->access_token, NULL, c->user->user_id,
                                              c->user->email, c->user->grants, &error));
  g_assert_no_error (error);
}

static char *
seed (SyncClient *c,
      const char *brand)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *season = NULL;
  g_autofree char *collection = NULL;
  char *style = NULL;

  g_assert_true (slv_store_insert (c->store, "brand", NULL, &error, "id", brand, "code", "LV", "name", "Live", NULL));
  g_assert_true (slv_store_insert (c->store, "season", &season, &error, "brand_id", brand, "code", "S", "name", "S",
                                   NULL));
  g_assert_true (slv_store_insert (c->store, "collection", &collection, &error, "brand_id", brand, "season_id",
                                   season, "name", "C", NULL));
  g_assert_true (slv_store_insert (c->store, "style", &style, &error, "brand_id", brand, "collection_id", collection,
                                   "code", "L1", "name", "Live tee", NULL));
  g_assert_no_error (error);
  return style;
}

static void
many_edits (SyncClient *c,
            const char *style,
            guint       n)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *v = g_strdup_printf ("edit %u", i);

      g_assert_true (slv_store_update_field (c->store, "style", style, i % 2 ? "name" : "description", v, &error));
      g_assert_true (slv_store_update_field (c->store, "style", style, "hs_code", v, &error));
    }
  g_assert_no_error (error);
}

static void
batch_cb (SlvSyncEngine       *engine,
          SlvSyncPushRequest  *request,
          SlvSyncPushResponse *response,
          GHashTable          *batches)
{
  g_hash_table_add (batches, g_strdup (request->batch_id));
}

/* Rounds, each waiting out the engine's backoff, until the outbox is
 * empty; the number of rounds is bounded. */
static void
test_drains (void)
{
  g_autofree char *brand = NULL;
  g_autoptr(SyncUser) user = NULL;
  g_autoptr(SyncClient) a = NULL;
  g_autoptr(SyncClient) b = NULL;
  g_autoptr(Proxy) proxy = NULL;
  g_autofree char *style = NULL;
  g_autoptr(GBytes) image = g_bytes_new_static ("not really a png, but bytes to upload", 37);
  g_autofree char *sha = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) da = NULL;
  g_autoptr(GHashTable) ds = NULL;
  g_autoptr(GHashTable) batches = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint rounds = 0, failures = 0;
  gint64 start, seq_before;

  SLV_REQUIRE_SERVER ();
  user = sync_user_new ("admin", "brand:{}", &brand);
  a = sync_client_new (user);
  b = sync_client_new (user);
  proxy = proxy_new (30, 20, 4242);
  via_proxy (a, proxy);
  style = seed (a, brand);
  many_edits (a, style, 10);
  sha = slv_blobs_put (a->store, image, "image/png", "x", 1, 1, &error);
  g_assert_no_error (error);
  g_assert_true (slv_store_update_field (a->store, "style", style, "cover_blob", sha, &error));

  g_signal_connect (a->engine, "pushed", G_CALLBACK (batch_cb), batches);
  seq_before = slv_test_db_count (slv_env.db, "SELECT seq FROM sync_counter", NULL);
  start = g_get_monotonic_time ();
  while (slv_store_count_outbox (a->store) > 0 || rounds == 0)
    {
      g_autoptr(GError) round_error = NULL;
      gint64 wait = slv_sync_engine_get_retry_at (a->engine) - g_get_monotonic_time () / 1000;

      if (wait > 0)
        g_usleep (wait * 1000);
      if (!sync_client_sync (a, NULL, &round_error))
        {
          failures++;
          g_assert_cmpint (slv_sync_engine_get_retry_at (a->engine), >, 0);   /* a retry is always scheduled */
        }
      g_assert_cmpuint (++rounds, <, 200);
      if (rounds % 4 == 0)
        many_edits (a, style, 1);
    }
  g_test_message ("drained in %u rounds (%u failed) over %u requests (%u refused, %u answers lost), %.1f s",
                  rounds, failures, proxy->requests, proxy->failed, proxy->lost,
                  (g_get_monotonic_time () - start) / 1e6);
  g_assert_cmpuint (proxy->failed + proxy->lost, >, 0);
  /* quiet now: a last clean round, then compare */
  for (int i = 0; i < 50 && !sync_client_sync (a, NULL, NULL); i++)
    g_usleep (250 * 1000);
  sync_client_quiesce (b);
  da = sync_client_dump (a);
  ds = sync_server_dump (brand);
  sync_assert_same_dump (da, "A", ds, "server", 0);
  {
    g_autoptr(GHashTable) db = sync_client_dump (b);

    sync_assert_same_dump (da, "A", db, "B", 0);
  }
  /* every batch committed once, however often it was sent */
  g_assert_cmpint (slv_test_db_count (slv_env.db, "SELECT seq FROM sync_counter", NULL) - seq_before, <=,
                   g_hash_table_size (batches));
  g_assert_cmpuint (g_hash_table_size (batches), >=, 1);
}

typedef struct
{
  SlvStore *store;
  gboolean  timed_out;
} Watch;

static gboolean
timeout_cb (gpointer data)
{
  ((Watch *) data)->timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Automatic mode: one edit, a failing network, and no further edit:
 * retries alone drain the outbox. */
static void
test_automatic (void)
{
  g_autofree char *brand = NULL;
  g_autoptr(SyncUser) user = NULL;
  g_autoptr(SyncClient) a = NULL;
  g_autoptr(Proxy) proxy = NULL;
  g_autofree char *style = NULL;
  Watch w = { NULL, FALSE };
  guint timer;

  SLV_REQUIRE_SERVER ();
  user = sync_user_new ("admin", "brand:{}", &brand);
  a = sync_client_new (user);
  proxy = proxy_new (60, 10, 77);
  via_proxy (a, proxy);
  slv_sync_engine_set_intervals (a->engine, 50, 0);
  slv_sync_engine_set_automatic (a->engine, TRUE);
  style = seed (a, brand);
  w.store = a->store;
  timer = g_timeout_add_seconds (30, timeout_cb, &w);
  while (!w.timed_out && (slv_store_count_outbox (a->store) > 0 || slv_sync_engine_is_running (a->engine) ||
                          slv_sync_engine_get_status (a->engine) != SLV_SYNC_STATUS_UP_TO_DATE))
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (w.timed_out);
  g_source_remove (timer);
  g_test_message ("automatic: %u requests, %u refused, %u answers lost", proxy->requests, proxy->failed,
                  proxy->lost);
  g_assert_cmpuint (proxy->failed + proxy->lost, >, 0);
  slv_sync_engine_set_automatic (a->engine, FALSE);
}

static gboolean
settled (SyncClient *c)
{
  return slv_store_count_outbox (c->store) == 0 && !slv_sync_engine_is_running (c->engine) &&
         slv_sync_engine_get_status (c->engine) == SLV_SYNC_STATUS_UP_TO_DATE;
}

/* Offline, with the next retry far away: the network coming back
 * (GNetworkMonitor) starts a round at once. */
static void
test_network_back (void)
{
  g_autofree char *brand = NULL;
  g_autoptr(SyncUser) user = NULL;
  g_autoptr(SyncClient) a = NULL;
  g_autoptr(Proxy) proxy = NULL;
  g_autofree char *style = NULL;
  Watch w = { NULL, FALSE };
  gint64 back;
  guint timer;

  SLV_REQUIRE_SERVER ();
  user = sync_user_new ("admin", "brand:{}", &brand);
  a = sync_client_new (user);
  proxy = proxy_new (0, 0, 5);
  proxy->down = TRUE;
  via_proxy (a, proxy);
  slv_sync_engine_set_backoff (a->engine, 60000, 60000);
  slv_sync_engine_set_intervals (a->engine, 50, 0);
  slv_sync_engine_set_automatic (a->engine, TRUE);
  style = seed (a, brand);
  timer = g_timeout_add_seconds (30, timeout_cb, &w);
  while (!w.timed_out && (slv_sync_engine_get_status (a->engine) != SLV_SYNC_STATUS_OFFLINE ||
                          slv_sync_engine_is_running (a->engine)))
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (w.timed_out);
  g_assert_cmpint (slv_sync_engine_get_retry_at (a->engine) - g_get_monotonic_time () / 1000, >, 30000);

  proxy->down = FALSE;
  back = g_get_monotonic_time ();
  g_signal_emit_by_name (g_network_monitor_get_default (), "network-changed", TRUE);
  while (!w.timed_out && !settled (a))
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (w.timed_out);
  g_source_remove (timer);
  g_test_message ("synced %.1f s after the network came back", (g_get_monotonic_time () - back) / 1e6);
  g_assert_cmpint (g_get_monotonic_time () - back, <, 10 * G_USEC_PER_SEC);
  slv_sync_engine_set_automatic (a->engine, FALSE);
}

typedef struct
{
  guint left;
  guint ok;
} Many;

static void
sent_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Many *m = user_data;
  g_autoptr(SlvSyncReply) reply = slv_sync_http_send_finish (SLV_SYNC_HTTP (source), result, NULL);

  m->ok += reply != NULL && reply->status == 200;
  m->left--;
}

static void
count_cb (SlvSyncHttp *http,
          guint       *count)
{
  (*count)++;
}

/* Six requests with a stale access token: one refresh serves them all. */
static void
test_single_flight (void)
{
  g_autoptr(SyncUser) user = NULL;
  g_autoptr(SlvSyncHttp) http = NULL;
  Many m = { 6, 0 };
  guint changed = 0;

  SLV_REQUIRE_SERVER ();
  user = sync_user_new ("admin", "brand:{}", NULL);
  http = slv_sync_http_new (slv_env.url, 60);
  slv_sync_http_set_tokens (http, "stale.access.token", 900, user->refresh_token);
  g_signal_connect (http, "tokens-changed", G_CALLBACK (count_cb), &changed);
  for (guint i = 0; i < 6; i++)
    slv_sync_http_send_async (http, "GET", "/v1/sync/pull?limit=1", NULL, NULL, NULL, TRUE, NULL, NULL, sent_cb, &m);
  while (m.left > 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (m.ok, ==, 6);
  g_assert_cmpuint (slv_sync_http_get_refresh_count (http), ==, 1);
  g_assert_cmpstr (slv_sync_http_get_refresh_token (http), !=, user->refresh_token);
  g_assert_cmpuint (changed, ==, 1);
}

int
main (int argc, char *argv[])
{
  int rc;

  sync_test_prepare ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  sync_env_setup ();
  g_test_add_func ("/sync/client/liveness/drains", test_drains);
  g_test_add_func ("/sync/client/liveness/automatic", test_automatic);
  g_test_add_func ("/sync/client/liveness/network-back", test_network_back);
  g_test_add_func ("/sync/client/auth/single-flight", test_single_flight);
  rc = g_test_run ();
  sync_env_teardown ();
  return rc;
}
