/* test-server-rbac.c: protocol invariant 10 over HTTP: every pull response
 * of every role is scanned for rows outside the user's buckets; supplier
 * writes; a row moving between supplier buckets; grants revoked and gained.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "core/slv-uuid.h"
#include "slv-server-test-env.h"

#define BRAND   "0190f3c2-7a4e-7b1c-9d2e-3f4a5b6c7d8e"
#define BRAND_B "0190f3c2-bbbb-7000-8000-00000000000b"
#define S1      "0190f3c2-5555-7000-8000-000000000001"
#define S2      "0190f3c2-5555-7000-8000-000000000002"

static char *style_a, *rate_a, *quote_1, *quote_2, *style_b;
static char *admin_a, *admin_b;

static SlvSyncPushResponse *
push_ok (SlvTestClient      *c,
         SlvSyncPushRequest *batch)
{
  SlvSyncPushResponse *r = slv_test_client_push (c, batch);

  if (r == NULL)
    g_error ("push: %u %s", c->status, slv_test_client_text (c));
  return r;
}

static void
assert_applied (SlvSyncPushResponse *r)
{
  for (guint i = 0; i < r->results->len; i++)
    if (slv_test_result_status (r, i) != SLV_SYNC_OP_APPLIED)
      g_error ("op %u: %s", i, ((SlvSyncOpResult *) r->results->pdata[i])->detail);
}

static void
seed (void)
{
  g_autoptr(SlvTestClient) a = slv_env_client (admin_a);
  g_autoptr(SlvTestClient) b = slv_env_client (admin_b);
  g_autoptr(SlvSyncPushRequest) ba = slv_test_client_batch (a);
  g_autoptr(SlvSyncPushRequest) bb = slv_test_client_batch (b);
  g_autofree char *h = slv_test_client_tick (a);
  g_autoptr(SlvSyncPushResponse) ra = NULL, rb = NULL;

  style_a = slv_uuid_v7_new ();
  rate_a = slv_uuid_v7_new ();
  quote_1 = slv_uuid_v7_new ();
  quote_2 = slv_uuid_v7_new ();
  style_b = slv_uuid_v7_new ();
  slv_env_create_row (ba, h, "style", style_a, BRAND, "code", "\"A-1\"", "name", "\"Brand A style\"", NULL);
  slv_env_create_row (ba, h, "cost_rate", rate_a, BRAND, "process", "\"making\"", "key", "\"cm\"", "unit", "\"piece\"",
                      "rate", "\"0.50\"", "currency", "\"USD\"", NULL);
  slv_env_create_row (ba, h, "quote", quote_1, BRAND, "supplier_id", "\"" S1 "\"", "status", "\"requested\"", NULL);
  slv_env_create_row (ba, h, "quote", quote_2, BRAND, "supplier_id", "\"" S2 "\"", "status", "\"requested\"", NULL);
  ra = push_ok (a, ba);
  assert_applied (ra);
  slv_env_create_row (bb, h, "style", style_b, BRAND_B, "code", "\"B-1\"", "name", "\"Brand B style\"", NULL);
  rb = push_ok (b, bb);
  assert_applied (rb);
}

/* Pulls until up to date, asserting every change belongs to @allowed and to
 * the bucket the server holds the row in. Returns table/row → TRUE. */
static GHashTable *
scan (SlvTestClient      *c,
      const char * const *allowed)
{
  GHashTable *rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (int n = 0; n < 100; n++)
    {
      g_autoptr(SlvSyncPullPage) page = slv_test_client_pull (c, 3);

      g_assert_nonnull (page);
      for (guint i = 0; page->buckets_current[i] != NULL; i++)
        if (!g_strv_contains (allowed, page->buckets_current[i]))
          g_error ("%s was given bucket %s", c->email, page->buckets_current[i]);
      for (guint i = 0; i < page->changes->len; i++)
        {
          SlvSyncChange *ch = page->changes->pdata[i];
          g_autofree char *bucket = slv_test_db_scalar (slv_env.db, "SELECT bucket FROM sync_row WHERE tbl = $1 "
                                                        "AND row_id = $2::uuid", ch->table, ch->row, NULL);

          if (!g_strv_contains (allowed, ch->bucket) || g_strcmp0 (bucket, ch->bucket) != 0)
            g_error ("%s received %s %s of bucket %s (server: %s)", c->email, ch->table, ch->row, ch->bucket, bucket);
          g_hash_table_add (rows, g_strconcat (ch->table, "/", ch->row, NULL));
        }
      if (!page->has_more)
        return rows;
    }
  g_assert_not_reached ();
}

static gboolean
has_row (GHashTable *rows,
         const char *table,
         const char *row)
{
  g_autofree char *key = g_strconcat (table, "/", row, NULL);

  return g_hash_table_contains (rows, key);
}

static void
test_scan_every_role (void)
{
  const char *all_a[] = { "brand:" BRAND, "brand:" BRAND ":costing", "supplier:" BRAND ":" S1,
                          "supplier:" BRAND ":" S2, NULL };
  const char *brand_a[] = { "brand:" BRAND, NULL };
  const char *costing_a[] = { "brand:" BRAND ":costing", NULL };
  const char *sup_1[] = { "supplier:" BRAND ":" S1, NULL };
  const char *brand_b[] = { "brand:" BRAND_B, "brand:" BRAND_B ":costing", NULL };
  g_autofree char *designer = NULL, *reader = NULL, *supplier = NULL;
  g_autoptr(SlvTestClient) ca = NULL, cd = NULL, cr = NULL, cs = NULL, cb = NULL;
  g_autoptr(GHashTable) ra = NULL, rd = NULL, rr = NULL, rs = NULL, rb = NULL;

  SLV_REQUIRE_SERVER ();
  designer = slv_env_user ("designer", "brand:" BRAND);
  reader = slv_env_user ("viewer", "brand:" BRAND ":costing");
  supplier = slv_env_user ("supplier", "supplier:" BRAND ":" S1);
  ca = slv_env_client (admin_a);
  cd = slv_env_client (designer);
  cr = slv_env_client (reader);
  cs = slv_env_client (supplier);
  cb = slv_env_client (admin_b);
  ra = scan (ca, all_a);
  rd = scan (cd, brand_a);
  rr = scan (cr, costing_a);
  rs = scan (cs, sup_1);
  rb = scan (cb, brand_b);
  g_assert_true (has_row (ra, "quote", quote_2) && has_row (ra, "cost_rate", rate_a));
  g_assert_true (has_row (rd, "style", style_a));
  g_assert_false (has_row (rd, "cost_rate", rate_a));
  g_assert_true (has_row (rr, "cost_rate", rate_a));
  g_assert_false (has_row (rr, "style", style_a));
  g_assert_true (has_row (rs, "quote", quote_1));
  g_assert_false (has_row (rs, "quote", quote_2));
  g_assert_cmpuint (g_hash_table_size (rs), ==, 1);
  g_assert_true (has_row (rb, "style", style_b));
  g_assert_false (has_row (rb, "style", style_a));

  /* search and blobs follow the same buckets */
  {
    g_autoptr(JsonNode) found = slv_test_client_call (cb, "GET", "/v1/search?q=style", NULL);
    JsonArray *results = json_object_get_array_member (json_node_get_object (found), "results");

    g_assert_cmpuint (cb->status, ==, 200);
    g_assert_cmpuint (json_array_get_length (results), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (results, 0), "row"), ==, style_b);
  }
}

static SlvSyncOpStatus
supplier_set (SlvTestClient *c,
              const char    *row,
              const char    *field,
              const char    *value,
              const char    *field2,
              const char    *value2)
{
  g_autoptr(SlvSyncPushRequest) b = slv_test_client_batch (c);
  g_autofree char *h = slv_test_client_tick (c);
  g_autoptr(SlvSyncPushResponse) r = NULL;

  slv_test_batch_op (b, "quote", row, field, value, h, NULL);
  if (field2 != NULL)
    slv_test_batch_op (b, "quote", row, field2, value2, h, NULL);
  r = push_ok (c, b);
  return slv_test_result_status (r, 0);
}

static void
test_supplier_and_moves (void)
{
  const char *sup_1[] = { "supplier:" BRAND ":" S1, NULL };
  const char *sup_2[] = { "supplier:" BRAND ":" S2, NULL };
  g_autofree char *s1 = NULL, *s2 = NULL;
  g_autoptr(SlvTestClient) c1 = NULL, c2 = NULL, ca = NULL;
  g_autoptr(GHashTable) before = NULL, after = NULL, gained = NULL;

  SLV_REQUIRE_SERVER ();
  s1 = slv_env_user ("supplier", "supplier:" BRAND ":" S1);
  s2 = slv_env_user ("supplier", "supplier:" BRAND ":" S2);
  c1 = slv_env_client (s1);
  c2 = slv_env_client (s2);
  ca = slv_env_client (admin_a);
  g_assert_cmpint (supplier_set (c1, quote_1, "price", "\"4.20\"", "currency", "\"USD\""), ==, SLV_SYNC_OP_APPLIED);
  g_assert_cmpint (supplier_set (c1, quote_1, "lead_time_days", "45", NULL, NULL), ==, SLV_SYNC_OP_APPLIED);
  g_assert_cmpint (supplier_set (c1, quote_1, "supplier_id", "\"" S2 "\"", NULL, NULL), ==, SLV_SYNC_OP_FORBIDDEN);
  g_assert_cmpint (supplier_set (c1, quote_2, "price", "\"1.00\"", "currency", "\"USD\""), ==, SLV_SYNC_OP_FORBIDDEN);
  before = scan (c1, sup_1);
  g_assert_true (has_row (before, "quote", quote_1));
  g_clear_pointer (&before, g_hash_table_unref);
  before = scan (c2, sup_2);
  g_assert_false (has_row (before, "quote", quote_1));

  /* the brand moves quote 1 to supplier 2 */
  g_assert_cmpint (supplier_set (ca, quote_1, "supplier_id", "\"" S2 "\"", NULL, NULL), ==, SLV_SYNC_OP_APPLIED);
  {
    g_autoptr(SlvSyncPullPage) page = slv_test_client_pull (c1, 100);
    gboolean evicted = FALSE;

    g_assert_nonnull (page);
    for (guint i = 0; i < page->evict->len; i++)
      {
        SlvSyncEviction *e = page->evict->pdata[i];

        evicted |= strcmp (e->table, "quote") == 0 && strcmp (e->row, quote_1) == 0;
        g_assert_cmpint (e->seq, >, 0);
      }
    g_assert_true (evicted);
    g_assert_cmpuint (page->changes->len, ==, 0);
  }
  /* supplier 2 receives the whole row, not just the changed field */
  {
    g_autoptr(SlvSyncPullPage) page = slv_test_client_pull (c2, 100);
    SlvSyncChange *ch = NULL;

    g_assert_nonnull (page);
    for (guint i = 0; i < page->changes->len; i++)
      if (strcmp (((SlvSyncChange *) page->changes->pdata[i])->row, quote_1) == 0)
        ch = page->changes->pdata[i];
    g_assert_nonnull (ch);
    g_assert_cmpstr (ch->bucket, ==, "supplier:" BRAND ":" S2);
    g_assert_cmpstr (json_node_get_string (slv_sync_change_find_field (ch, "price")->value), ==, "4.20");
    g_assert_nonnull (slv_sync_change_find_field (ch, "created_at"));
    g_assert_nonnull (slv_sync_change_find_field (ch, "brand_id"));
  }
  after = scan (c2, sup_2);
  gained = scan (c1, sup_1);
  g_assert_false (has_row (gained, "quote", quote_1));
}

static void
test_revoke_and_gain (void)
{
  const char *brand_a[] = { "brand:" BRAND, NULL };
  const char *both[] = { "brand:" BRAND, "brand:" BRAND ":costing", NULL };
  g_autofree char *designer = NULL;
  g_autoptr(SlvTestClient) c = NULL;
  g_autoptr(GHashTable) first = NULL, second = NULL;

  SLV_REQUIRE_SERVER ();
  designer = slv_env_user ("designer", "brand:" BRAND);
  c = slv_env_client (designer);
  first = scan (c, brand_a);
  g_assert_false (has_row (first, "cost_rate", rate_a));

  /* a new grant: the costing bucket starts from 0 with its current state */
  g_free (slv_test_server_admin (slv_env.server, NULL, TRUE, "grant", "--email", designer, "--role", "designer",
                                 "--scope", "brand:" BRAND ":costing", NULL));
  second = scan (c, both);
  g_assert_true (has_row (second, "cost_rate", rate_a));
  g_assert_false (has_row (second, "style", style_a));   /* already had it */

  /* revoked: the next pull lists the bucket as removed and sends nothing */
  g_free (slv_test_server_admin (slv_env.server, NULL, TRUE, "revoke", "--email", designer, "--role", "designer",
                                 "--scope", "brand:" BRAND, NULL));
  {
    g_autoptr(SlvSyncPullPage) page = slv_test_client_pull (c, 100);
    g_autoptr(SlvSyncCursor) cursor = NULL;

    g_assert_nonnull (page);
    g_assert_true (g_strv_contains ((const char * const *) page->buckets_removed, "brand:" BRAND));
    g_assert_false (g_strv_contains ((const char * const *) page->buckets_current, "brand:" BRAND));
    g_assert_true (g_strv_contains ((const char * const *) page->buckets_current, "brand:" BRAND ":costing"));
  }
  /* and pushes into it are refused from now on */
  {
    g_autoptr(SlvSyncPushRequest) b = slv_test_client_batch (c);
    g_autofree char *h = slv_test_client_tick (c);
    g_autoptr(SlvSyncPushResponse) r = NULL;

    slv_test_batch_op (b, "style", style_a, "name", "\"after revoke\"", h, NULL);
    r = push_ok (c, b);
    g_assert_cmpint (slv_test_result_status (r, 0), ==, SLV_SYNC_OP_FORBIDDEN);
  }
}


static guint
search_count (SlvTestClient *c,
              const char    *query,
              const char    *want_row)
{
  g_autofree char *q = g_uri_escape_string (query, NULL, FALSE);
  g_autofree char *path = g_strconcat ("/v1/search?q=", q, NULL);
  g_autoptr(JsonNode) found = slv_test_client_call (c, "GET", path, NULL);
  JsonArray *results;
  guint hits = 0;

  g_assert_cmpuint (c->status, ==, 200);
  results = json_object_get_array_member (json_node_get_object (found), "results");
  for (guint i = 0; i < json_array_get_length (results); i++)
    {
      JsonObject *r = json_array_get_object_element (results, i);

      g_assert_true (g_str_has_prefix (json_object_get_string_member (r, "bucket"), "brand:" BRAND));
      if (want_row == NULL || strcmp (json_object_get_string_member (r, "row"), want_row) == 0)
        hits++;
    }
  return hits;
}

static void
test_search (void)
{
  g_autoptr(SlvTestClient) a = NULL;
  g_autoptr(SlvSyncPushRequest) b = NULL;
  g_autoptr(SlvSyncPushResponse) r = NULL;
  g_autofree char *h = NULL, *material = slv_uuid_v7_new (), *board = slv_uuid_v7_new ();
  g_autofree char *item = slv_uuid_v7_new (), *gone = slv_uuid_v7_new (), *bj = NULL;

  SLV_REQUIRE_SERVER ();
  a = slv_env_client (admin_a);
  h = slv_test_client_tick (a);
  bj = slv_json_quote (board);
  b = slv_test_client_batch (a);
  slv_env_create_row (b, h, "material", material, BRAND, "code", "\"000000100042\"", "name", "\"Slub jersey\"",
                      "kind", "\"fabric\"", "unit", "\"KG\"", "composition", "\"95% organic cotton 5% elastane\"", NULL);
  slv_env_create_row (b, h, "board", board, BRAND, "name", "\"Seaside moodboard\"", NULL);
  slv_env_create_row (b, h, "board_item", item, BRAND, "board_id", bj, "kind", "\"note\"", "z", "\"a0\"",
                      "text", "\"Try indigo overdye\"", "x", "0", "y", "0", "w", "1", "h", "1", "rotation", "0", NULL);
  slv_env_create_row (b, h, "style", gone, BRAND, "code", "\"G-1\"", "name", "\"Vanishing organic tee\"", NULL);
  r = push_ok (a, b);
  g_assert_cmpuint (search_count (a, "vanishing", gone), ==, 1);
  {
    g_autoptr(SlvSyncPushRequest) del = slv_test_client_batch (a);
    g_autofree char *h2 = slv_test_client_tick (a);
    g_autoptr(SlvSyncPushResponse) rd = NULL;

    slv_test_batch_op (del, "style", gone, "deleted", "true", h2, h);
    rd = push_ok (a, del);
  }
  g_assert_cmpuint (search_count (a, "organic cotton", material), ==, 1);
  g_assert_cmpuint (search_count (a, "000000100042", material), ==, 1);
  g_assert_cmpuint (search_count (a, "seaside", board), ==, 1);
  g_assert_cmpuint (search_count (a, "indigo", item), ==, 1);
  g_assert_cmpuint (search_count (a, "vanishing", NULL), ==, 0);          /* deleted rows are not found */
  g_assert_cmpuint (search_count (a, "'); DROP TABLE style; --", NULL), ==, 0);
  g_assert_cmpuint (search_count (a, "\"unbalanced", NULL), ==, 0);
  {
    g_autoptr(JsonNode) empty = slv_test_client_call (a, "GET", "/v1/search?q=", NULL);

    g_assert_cmpuint (a->status, ==, 400);
  }
}


/* A loopback stand-in for Elasticsearch's _bulk endpoint. */
typedef struct
{
  GMainContext *context;
  GMainLoop    *loop;
  SoupServer   *server;
  GThread      *thread;
  GMutex        lock;
  GCond         cond;
  char         *url;
  guint         status;
  GPtrArray    *requests;   /* "METHOD PATH\nCONTENT-TYPE\nBODY" */
} FakeEs;

static void
fake_es_cb (SoupServer        *server,
            SoupServerMessage *msg,
            const char        *path,
            GHashTable        *query,
            gpointer           user_data)
{
  FakeEs *es = user_data;
  g_autoptr(GBytes) body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  const char *type = soup_message_headers_get_content_type (soup_server_message_get_request_headers (msg), NULL);
  const char *reply = "{\"took\":1,\"errors\":false,\"items\":[]}";

  g_mutex_lock (&es->lock);
  g_ptr_array_add (es->requests, g_strdup_printf ("%s %s\n%s\n%.*s", soup_server_message_get_method (msg), path,
                                                  type ? type : "", (int) g_bytes_get_size (body),
                                                  (const char *) g_bytes_get_data (body, NULL)));
  soup_server_message_set_status (msg, es->status, NULL);
  g_mutex_unlock (&es->lock);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC, reply, strlen (reply));
}

static gpointer
fake_es_thread (gpointer data)
{
  FakeEs *es = data;
  GSList *uris;

  g_main_context_push_thread_default (es->context);
  es->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (es->server, NULL, fake_es_cb, es, NULL);
  g_assert_true (soup_server_listen_local (es->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, NULL));
  uris = soup_server_get_uris (es->server);
  g_mutex_lock (&es->lock);
  es->url = g_uri_to_string (uris->data);
  g_cond_signal (&es->cond);
  g_mutex_unlock (&es->lock);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  g_main_loop_run (es->loop);
  g_object_unref (es->server);
  g_main_context_pop_thread_default (es->context);
  return NULL;
}

static void
fake_es_start (FakeEs *es)
{
  g_mutex_init (&es->lock);
  g_cond_init (&es->cond);
  es->status = 200;
  es->requests = g_ptr_array_new_with_free_func (g_free);
  es->context = g_main_context_new ();
  es->loop = g_main_loop_new (es->context, FALSE);
  es->thread = g_thread_new ("fake-es", fake_es_thread, es);
  g_mutex_lock (&es->lock);
  while (es->url == NULL)
    g_cond_wait (&es->cond, &es->lock);
  g_mutex_unlock (&es->lock);
}

static gboolean
quit_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

static void
fake_es_stop (FakeEs *es)
{
  g_main_context_invoke (es->context, quit_cb, es->loop);
  g_thread_join (es->thread);
  g_main_loop_unref (es->loop);
  g_main_context_unref (es->context);
  g_ptr_array_unref (es->requests);
  g_free (es->url);
}

static void
test_elasticsearch (void)
{
  FakeEs es = { 0 };
  g_autofree char *out = NULL;
  gboolean found_style_b = FALSE;

  SLV_REQUIRE_SERVER ();
  g_assert_cmpint (slv_test_db_count (slv_env.db, "SELECT count (*) FROM search_outbox", NULL), >, 0);
  fake_es_start (&es);
  out = slv_test_server_admin (slv_env.server, NULL, TRUE, "index", "--once", "--elasticsearch", es.url, NULL);
  g_assert_cmpuint (es.requests->len, >=, 1);
  for (guint r = 0; r < es.requests->len; r++)
    {
      g_auto(GStrv) lines = g_strsplit (es.requests->pdata[r], "\n", -1);
      guint n = g_strv_length (lines);

      g_assert_cmpstr (lines[0], ==, "POST /_bulk");
      g_assert_cmpstr (lines[1], ==, "application/x-ndjson");
      g_assert_cmpstr (lines[n - 1], ==, "");    /* NDJSON ends with a newline */
      for (guint i = 2; i + 1 < n; i++)
        {
          g_autoptr(JsonNode) action = slv_json_parse (lines[i], strlen (lines[i]), NULL);
          JsonObject *a;
          JsonObject *meta;

          g_assert_nonnull (action);
          a = json_node_get_object (action);
          meta = json_object_has_member (a, "index") ? json_object_get_object_member (a, "index")
                                                     : json_object_get_object_member (a, "delete");
          g_assert_nonnull (meta);
          g_assert_true (g_str_has_prefix (json_object_get_string_member (meta, "_index"), "selvedge-"));
          if (json_object_has_member (a, "index"))
            {
              g_autoptr(JsonNode) doc = slv_json_parse (lines[i + 1], strlen (lines[i + 1]), NULL);
              JsonObject *d = json_node_get_object (doc);

              g_assert_nonnull (json_object_get_string_member (d, "bucket"));
              if (strcmp (json_object_get_string_member (meta, "_id"), style_b) == 0)
                {
                  g_assert_cmpstr (json_object_get_string_member (meta, "_index"), ==, "selvedge-style");
                  g_assert_cmpstr (json_object_get_string_member (d, "name"), ==, "Brand B style");
                  found_style_b = TRUE;
                }
              i++;
            }
        }
    }
  g_assert_true (found_style_b);
  g_assert_cmpint (slv_test_db_count (slv_env.db, "SELECT count (*) FROM search_outbox", NULL), ==, 0);

  /* Elasticsearch down: nothing is lost, the entries wait for the next run */
  es.status = 503;
  {
    g_autoptr(SlvTestClient) b = slv_env_client (admin_b);
    g_autoptr(SlvSyncPushRequest) batch = slv_test_client_batch (b);
    g_autofree char *h = slv_test_client_tick (b);
    g_autofree char *id = slv_uuid_v7_new ();
    g_autoptr(SlvSyncPushResponse) r = NULL;

    slv_env_create_row (batch, h, "style", id, BRAND_B, "code", "\"B-2\"", "name", "\"Queued\"", NULL);
    r = push_ok (b, batch);
  }
  g_free (slv_test_server_admin (slv_env.server, NULL, FALSE, "index", "--once", "--elasticsearch", es.url, NULL));
  g_assert_cmpint (slv_test_db_count (slv_env.db, "SELECT count (*) FROM search_outbox", NULL), ==, 1);
  fake_es_stop (&es);
}

int
main (int argc, char *argv[])
{
  int rc;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  if (slv_server_test_env_setup (NULL, NULL))
    {
      admin_a = slv_env_user ("admin", "brand:" BRAND);
      admin_b = slv_env_user ("admin", "brand:" BRAND_B);
      seed ();
    }
  g_test_add_func ("/server/rbac/scan-every-role", test_scan_every_role);
  g_test_add_func ("/server/rbac/supplier-and-moves", test_supplier_and_moves);
  g_test_add_func ("/server/rbac/revoke-and-gain", test_revoke_and_gain);
  g_test_add_func ("/server/rbac/search", test_search);
  g_test_add_func ("/server/search/elasticsearch", test_elasticsearch);
  rc = g_test_run ();
  if (slv_env.server != NULL)
    slv_server_test_env_teardown ();
  g_free (admin_a);
  g_free (admin_b);
  g_free (style_a);
  g_free (rate_a);
  g_free (quote_1);
  g_free (quote_2);
  g_free (style_b);
  return rc;
}
