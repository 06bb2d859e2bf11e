/* bench-server-load.c: `meson benchmark` for selvedge-server. 50 clients
 * push and pull for 60 s on loopback, then the run is checked: every op
 * applied exactly once, nothing lost. Then a fresh client pulls 1,000,000
 * fields. Prints ops/s, latency percentiles and fields/s.
 *
 * Environment: SELVEDGE_BENCH_SECONDS (60), SELVEDGE_BENCH_CLIENTS (50),
 * SELVEDGE_BENCH_BATCH (ops per push, a run per comma-separated value: 1000,250),
 * SELVEDGE_BENCH_FIELDS (1000000).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/slv-uuid.h"
#include "slv-server-test-env.h"

#define BRAND "0190f3c2-7a4e-7b1c-9d2e-3f4a5b6c7d8e"
#define ROWS_PER_CLIENT 50

/* Clients sign in and create their rows first; the clock starts when all
 * are ready. */
static GMutex start_lock;
static GCond start_cond;
static guint ready_count;
static gint64 deadline_us;

typedef struct
{
  guint       index;
  char       *email;
  gint64      deadline_us;
  guint       batch_ops;
  char      **rows;
  GHashTable *expected;    /* "row/field" → last value sent */
  GArray     *push_ms;     /* double */
  GArray     *pull_ms;
  guint64     ops_sent;
  guint64     ops_applied;
  guint64     ops_other;
  guint64     batches;
  guint64     replays;
  guint64     replay_mismatch;
  guint64     fields_pulled;
  guint64     errors;
} Worker;

static guint
env_uint (const char *name,
          guint       fallback)
{
  const char *v = g_getenv (name);

  return v ? (guint) g_ascii_strtoull (v, NULL, 10) : fallback;
}

static double
elapsed_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
create_rows (SlvTestClient *c,
             Worker        *w)
{
  g_autoptr(SlvSyncPushRequest) b = slv_test_client_batch (c);
  g_autofree char *h = slv_test_client_tick (c);
  g_autoptr(SlvSyncPushResponse) r = NULL;

  w->rows = g_new0 (char *, ROWS_PER_CLIENT + 1);
  for (guint i = 0; i < ROWS_PER_CLIENT; i++)
    {
      w->rows[i] = slv_uuid_v7_new ();
      slv_env_create_row (b, h, "style", w->rows[i], BRAND, "code", "\"B\"", "name", "\"start\"", NULL);
    }
  r = slv_test_client_push (c, b);
  g_assert_nonnull (r);
}

static void
one_push (SlvTestClient *c,
          Worker        *w,
          guint64        n)
{
  g_autoptr(SlvSyncPushRequest) b = slv_test_client_batch (c);
  g_autofree char *json = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvSyncPushResponse) r = NULL;
  const char *data;
  gint64 t0;
  gsize len;

  for (guint i = 0; i < w->batch_ops; i++)
    {
      g_autofree char *h = slv_test_client_tick (c);
      guint row = i % ROWS_PER_CLIENT;
      g_autofree char *value = g_strdup_printf ("\"w%u n%" G_GUINT64_FORMAT " i%u\"", w->index, n, i);

      const char *field = i / ROWS_PER_CLIENT % 2 ? "description" : "category";

      slv_test_batch_op (b, "style", w->rows[row], field, value, h, NULL);
      g_hash_table_replace (w->expected, g_strconcat (w->rows[row], "/", field, NULL), g_strndup (value + 1, strlen (value) - 2));
    }
  json = slv_sync_push_request_to_json (b);
  body = g_bytes_new_take (json, strlen (json));
  json = NULL;
  t0 = g_get_monotonic_time ();
  if (slv_test_client_send (c, "POST", "/v1/sync/push", NULL, body, NULL, NULL) != 200)
    {
      if (w->errors++ == 0)
        g_printerr ("push failed: %u %s\n", c->status, slv_test_client_text (c));
      return;
    }
  g_array_append_val (w->push_ms, ((double) { elapsed_ms (t0) }));
  data = g_bytes_get_data (c->body, &len);
  r = slv_sync_push_response_from_json (data, len, &error);
  g_assert_no_error (error);
  w->batches++;
  w->ops_sent += w->batch_ops;
  for (guint i = 0; i < r->results->len; i++)
    {
      if (slv_test_result_status (r, i) == SLV_SYNC_OP_APPLIED)
        w->ops_applied++;
      else
        w->ops_other++;
    }
  /* one batch in 50 loses its response: the resend must change nothing */
  if (n % 50 == 7)
    {
      g_autofree char *first = g_strndup (g_bytes_get_data (c->body, NULL), g_bytes_get_size (c->body));

      w->replays++;
      if (slv_test_client_send (c, "POST", "/v1/sync/push", NULL, body, NULL, NULL) != 200 ||
          strcmp (first, slv_test_client_text (c)) != 0)
        w->replay_mismatch++;
    }
}

/* The load generator reads only what it needs (cursor, field count): a full
 * decode on the same two cores would measure the clients, not the server. */
static char *
scan_cursor (const char *json)
{
  const char *start = strstr (json, "\"cursor\":\"");
  const char *end = start ? strchr (start + 10, '"') : NULL;

  return end ? g_strndup (start + 10, end - start - 10) : NULL;
}

static guint64
count_fields (const char *json)
{
  const char *changes = strstr (json, "\"changes\":[");
  guint64 n = 0;

  for (const char *p = changes; p != NULL && (p = strstr (p + 1, "\":[")) != NULL;)
    n++;
  return n > 0 ? n - 1 : 0;   /* minus "resync":[ */
}

static void
one_pull (SlvTestClient *c,
          Worker        *w)
{
  const char *identity[] = { "Accept-Encoding", "identity", NULL };
  g_autofree char *escaped = c->cursor ? g_uri_escape_string (c->cursor, NULL, FALSE) : NULL;
  g_autofree char *path = g_strdup_printf ("/v1/sync/pull?limit=5000%s%s", escaped ? "&cursor=" : "",
                                           escaped ? escaped : "");
  g_autofree char *text = NULL;
  gint64 t0 = g_get_monotonic_time ();

  if (slv_test_client_send (c, "GET", path, NULL, NULL, NULL, identity) != 200)
    {
      w->errors++;
      return;
    }
  g_array_append_val (w->pull_ms, ((double) { elapsed_ms (t0) }));
  text = g_strndup (g_bytes_get_data (c->body, NULL), g_bytes_get_size (c->body));
  g_free (c->cursor);
  c->cursor = scan_cursor (text);
  g_assert_nonnull (c->cursor);
  w->fields_pulled += count_fields (text);
}

static gpointer
worker_thread (gpointer data)
{
  Worker *w = data;
  g_autoptr(SlvTestClient) c = slv_env_client (w->email);
  guint64 n = 0;

  create_rows (c, w);
  g_mutex_lock (&start_lock);
  ready_count++;
  g_cond_broadcast (&start_cond);
  while (deadline_us == 0)
    g_cond_wait (&start_cond, &start_lock);
  w->deadline_us = deadline_us;
  g_mutex_unlock (&start_lock);
  while (g_get_monotonic_time () < w->deadline_us)
    {
      one_push (c, w, n);
      if (n % 4 == 3)
        one_pull (c, w);
      n++;
    }
  return NULL;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
percentile (GArray *values,
            double  p)
{
  if (values->len == 0)
    return 0;
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, MIN (values->len - 1, (guint) (p * values->len)));
}

/* Every client's last write per row and field is what the server holds. */
static guint64
count_lost (Worker *workers,
            guint   n)
{
  guint64 lost = 0;

  for (guint i = 0; i < n; i++)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, workers[i].expected);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          g_auto(GStrv) parts = g_strsplit (key, "/", 2);
          g_autofree char *stored = slv_test_db_scalar (slv_env.db, "SELECT value #>> '{}' FROM sync_field WHERE "
                                                        "tbl = 'style' AND row_id = $1::uuid AND field = $2",
                                                        parts[0], parts[1], NULL);

          if (g_strcmp0 (stored, value) != 0)
            lost++;
        }
    }
  return lost;
}

static void
create_brand (void)
{
  g_autofree char *email = slv_env_user ("admin", "brand:" BRAND);
  g_autoptr(SlvTestClient) a = slv_env_client (email);
  g_autoptr(SlvSyncPushRequest) b = slv_test_client_batch (a);
  g_autofree char *h = slv_test_client_tick (a);
  g_autoptr(SlvSyncPushResponse) r = NULL;

  slv_env_create_row (b, h, "brand", BRAND, BRAND, "code", "\"LOAD\"", "name", "\"Load\"", NULL);
  r = slv_test_client_push (a, b);
  g_assert_nonnull (r);
}

static void
load_test (guint clients,
           guint seconds,
           guint batch_ops)
{
  static guint run;
  g_autofree char *db_name = g_strdup_printf ("load%u", ++run);
  g_autofree char *conninfo = slv_pg_cluster_create_db (slv_env.cluster, db_name);
  const char *args[] = { "--workers=8", NULL };
  SlvTestServer *server = slv_test_server_start (slv_env.cluster, conninfo, args, NULL);
  SlvTestServer *saved_server = slv_env.server;
  const char *saved_url = slv_env.url;
  PGconn *saved_db = slv_env.db;
  g_autofree Worker *workers = NULL;
  g_autofree GThread **threads = g_new0 (GThread *, clients);
  g_autoptr(GArray) push_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) pull_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *seq_before = slv_test_db_scalar (slv_env.db, "SELECT seq FROM sync_counter", NULL);
  g_autofree char *seq_after = NULL;
  guint64 sent = 0, applied = 0, other = 0, batches = 0, replays = 0, mismatch = 0, pulled = 0, errors = 0;
  char *emails[5];
  gint64 start;
  double secs;

  /* each run has its own database, so fresh clients start from an empty log */
  slv_env.server = server;
  slv_env.url = slv_test_server_get_url (server);
  slv_env.db = slv_test_server_db (server);
  workers = g_new0 (Worker, clients);
  ready_count = 0;
  deadline_us = 0;
  create_brand ();
  for (guint i = 0; i < 5; i++)
    emails[i] = slv_env_user ("admin", "brand:" BRAND);
  for (guint i = 0; i < clients; i++)
    {
      workers[i] = (Worker) { i, emails[i % 5], 0, batch_ops };
      workers[i].expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      workers[i].push_ms = g_array_new (FALSE, FALSE, sizeof (double));
      workers[i].pull_ms = g_array_new (FALSE, FALSE, sizeof (double));
      threads[i] = g_thread_new ("client", worker_thread, &workers[i]);
    }
  g_mutex_lock (&start_lock);
  while (ready_count < clients)
    g_cond_wait (&start_cond, &start_lock);
  g_free (seq_before);
  seq_before = slv_test_db_scalar (slv_env.db, "SELECT seq FROM sync_counter", NULL);
  start = g_get_monotonic_time ();
  deadline_us = start + (gint64) seconds * G_USEC_PER_SEC;
  g_cond_broadcast (&start_cond);
  g_mutex_unlock (&start_lock);
  for (guint i = 0; i < clients; i++)
    g_thread_join (threads[i]);
  secs = elapsed_ms (start) / 1000.0;
  for (guint i = 0; i < clients; i++)
    {
      Worker *w = &workers[i];

      sent += w->ops_sent, applied += w->ops_applied, other += w->ops_other, batches += w->batches;
      replays += w->replays, mismatch += w->replay_mismatch, pulled += w->fields_pulled, errors += w->errors;
      g_array_append_vals (push_ms, w->push_ms->data, w->push_ms->len);
      g_array_append_vals (pull_ms, w->pull_ms->data, w->pull_ms->len);
    }
  seq_after = slv_test_db_scalar (slv_env.db, "SELECT seq FROM sync_counter", NULL);
  printf ("load: %u clients, %.1f s, %u ops per push\n", clients, secs, batch_ops);
  printf ("  push: %" G_GUINT64_FORMAT " batches, %" G_GUINT64_FORMAT " ops, %.0f ops/s, latency p50 %.1f ms, p99 %.1f ms\n",
          batches, sent, sent / secs, percentile (push_ms, 0.5), percentile (push_ms, 0.99));
  printf ("  pull: %u requests, %" G_GUINT64_FORMAT " fields, %.0f fields/s, latency p50 %.1f ms, p99 %.1f ms\n",
          pull_ms->len, pulled, pulled / secs, percentile (pull_ms, 0.5), percentile (pull_ms, 0.99));
  printf ("  check: applied %" G_GUINT64_FORMAT " of %" G_GUINT64_FORMAT " ops (other %" G_GUINT64_FORMAT
          "), seq advanced %" G_GINT64_FORMAT " for %" G_GUINT64_FORMAT " batches, "
          "%" G_GUINT64_FORMAT " replays (%" G_GUINT64_FORMAT " differed), errors %" G_GUINT64_FORMAT
          ", fields whose last write is missing %" G_GUINT64_FORMAT "\n",
          applied, sent, other, g_ascii_strtoll (seq_after, NULL, 10) - g_ascii_strtoll (seq_before, NULL, 10),
          batches, replays, mismatch, errors, count_lost (workers, clients));
  for (guint i = 0; i < clients; i++)
    {
      g_array_unref (workers[i].push_ms);
      g_array_unref (workers[i].pull_ms);
      g_strfreev (workers[i].rows);
      g_hash_table_unref (workers[i].expected);
    }
  for (guint i = 0; i < 5; i++)
    g_free (emails[i]);
  slv_env.server = saved_server;
  slv_env.url = saved_url;
  slv_env.db = saved_db;
  slv_test_server_stop (server);
}

#define BIG_BRAND "0190f3c2-b16b-7000-8000-000000000001"

#define SEED_SQL \
  "CREATE TEMP TABLE seed AS SELECT gen_random_uuid () AS id, g FROM generate_series (1, %u) g; " \
  "INSERT INTO sync_row (tbl, row_id, bucket) SELECT 'style', id, 'brand:" BIG_BRAND "' FROM seed; " \
  "INSERT INTO sync_field (tbl, row_id, field, value, hlc, node, bucket, seq) " \
  "SELECT 'style', s.id, f.field, f.value, '2025-03-14T09:20:01.000Z-0000-5d41402abc4b2a76', " \
  "       '5d41402abc4b2a76', 'brand:" BIG_BRAND "', s.g / 100 + 1 " \
  "FROM seed s CROSS JOIN LATERAL (VALUES " \
  "  ('brand_id', to_jsonb ('" BIG_BRAND "'::text)), ('created_at', to_jsonb ('2025-03-14T09:20:01.000Z'::text)), " \
  "  ('deleted', 'false'::jsonb), ('code', to_jsonb ('ST-' || s.g)), ('name', to_jsonb ('Linen shirt ' || s.g)), " \
  "  ('category', to_jsonb ('shirt'::text)), ('gender', to_jsonb ('women'::text)), " \
  "  ('status', to_jsonb ('design'::text)), ('size_range', to_jsonb ('XS-XL'::text)), " \
  "  ('description', to_jsonb ('Garment-dyed linen with a relaxed fit, style ' || s.g))) AS f (field, value); " \
  "UPDATE sync_counter SET seq = (SELECT max (seq) FROM sync_field); " \
  "INSERT INTO sync_bucket_gc (bucket, brand_id, kind) VALUES ('brand:" BIG_BRAND "', '" BIG_BRAND "', 'brand'); " \
  "ANALYZE sync_field"
static void
pull_everything (SlvTestServer *server,
                 const char    *email,
                 guint          fields,
                 int            limit,
                 const char    *encoding)
{
  g_autoptr(SlvTestClient) c = slv_test_client_new (slv_test_server_get_url (server));
  const char *accept[] = { "Accept-Encoding", encoding, NULL };
  guint64 got = 0, pages = 0, bytes = 0;
  gint64 start, http_us = 0, decode_us = 0;
  double secs;

  slv_test_client_login (c, email, SLV_PASSWORD);
  start = g_get_monotonic_time ();
  for (;;)
    {
      g_autofree char *escaped = c->cursor ? g_uri_escape_string (c->cursor, NULL, FALSE) : NULL;
      g_autofree char *path = g_strdup_printf ("/v1/sync/pull?limit=%d%s%s", limit, escaped ? "&cursor=" : "",
                                               escaped ? escaped : "");
      g_autoptr(SlvSyncPullPage) page = NULL;
      gint64 t0 = g_get_monotonic_time ();
      const char *data;
      gsize len;

      g_assert_cmpuint (slv_test_client_send (c, "GET", path, NULL, NULL, NULL, accept), ==, 200);
      http_us += g_get_monotonic_time () - t0;
      t0 = g_get_monotonic_time ();
      data = g_bytes_get_data (c->body, &len);
      page = slv_sync_pull_page_from_json (data, len, NULL);
      g_assert_nonnull (page);
      decode_us += g_get_monotonic_time () - t0;
      g_free (c->cursor);
      c->cursor = g_strdup (page->cursor);
      pages++;
      bytes += len;
      for (guint i = 0; i < page->changes->len; i++)
        got += ((SlvSyncChange *) page->changes->pdata[i])->fields->len;
      if (!page->has_more)
        break;
    }
  secs = elapsed_ms (start) / 1000.0;
  printf ("initial pull, %s, pages of %d: %" G_GUINT64_FORMAT " fields in %" G_GUINT64_FORMAT " pages, "
          "%.1f s end to end = %.0f fields/s; server + transfer %.1f s = %.0f fields/s; "
          "client JSON decode %.1f s = %.0f fields/s; %.1f MB of JSON\n",
          encoding, limit, got, pages, secs, got / secs, http_us / 1e6, got / (http_us / 1e6),
          decode_us / 1e6, got / (decode_us / 1e6), bytes / 1e6);
  g_assert_cmpuint (got, ==, fields);
}

static void
initial_pull (guint fields)
{
  g_autofree char *conninfo = slv_pg_cluster_create_db (slv_env.cluster, "bigpull");
  const char *args[] = { "--workers=4", NULL };
  SlvTestServer *server = slv_test_server_start (slv_env.cluster, conninfo, args, NULL);
  g_autofree char *sql = g_strdup_printf (SEED_SQL, fields / 10);
  const char *email = "big@example.org";
  gint64 start = g_get_monotonic_time ();
  PGresult *res;

  res = PQexec (slv_test_server_db (server), sql);
  if (PQresultStatus (res) != PGRES_COMMAND_OK)
    g_error ("seeding: %s", PQerrorMessage (slv_test_server_db (server)));
  PQclear (res);
  printf ("seeded %u fields in %.1f s\n", fields, elapsed_ms (start) / 1000.0);
  g_free (slv_test_server_add_user (server, email, SLV_PASSWORD, "admin", "brand:" BIG_BRAND));
  pull_everything (server, email, fields, 10000, "identity");
  pull_everything (server, email, fields, 2000, "identity");
  pull_everything (server, email, fields, 10000, "gzip");
  slv_test_server_stop (server);
}

int
main (int argc, char *argv[])
{
  const char *args[] = { "--workers=8", NULL };
  guint seconds = env_uint ("SELVEDGE_BENCH_SECONDS", 60);
  guint clients = env_uint ("SELVEDGE_BENCH_CLIENTS", 50);
  g_auto(GStrv) batches = g_strsplit (g_getenv ("SELVEDGE_BENCH_BATCH") ? g_getenv ("SELVEDGE_BENCH_BATCH") : "1000,250", ",", -1);
  guint fields = env_uint ("SELVEDGE_BENCH_FIELDS", 1000000);

  setvbuf (stdout, NULL, _IOLBF, 0);
  if (!slv_server_test_env_setup (args, NULL))
    {
      printf ("%s\n", slv_pg_cluster_skip_message ());
      return 0;
    }
  for (guint i = 0; seconds > 0 && batches[i] != NULL; i++)
    load_test (clients, seconds, (guint) g_ascii_strtoull (batches[i], NULL, 10));
  if (fields > 0)
    initial_pull (fields);
  slv_server_test_env_teardown ();
  return 0;
}
