/* bench-sync.c: sync figures (meson benchmark, prints numbers).
 *
 *  1. capture overhead per edited field against a plain UPDATE (the same
 *     workspace without capture triggers), per-edit transactions and
 *     batched;
 *  2. applying an initial pull of 1,000,000 fields (pages decoded from
 *     JSON, as the server sends them, then applied);
 *  3. edit-to-visible latency between two clients on loopback, through the
 *     real server (polling rounds).
 *
 * SELVEDGE_BENCH_FIELDS changes the size of (2).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>
#include <time.h>

#include "core/slv-uuid.h"
#include "sync-test-util.h"

static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static double
wall_ms (void)
{
  return g_get_monotonic_time () / 1e3;
}

/* 1. Capture overhead */

typedef struct
{
  GPtrArray *ids;
  guint      n;
  guint      round;
} Edits;

static gboolean
edits_tx (SlvStore  *store,
          gpointer   data,
          GError   **error)
{
  Edits *e = data;

  for (guint i = 0; i < e->n; i++)
    {
      char value[32];

      g_snprintf (value, sizeof value, "%u/%u Ne", e->round, i);
      if (!slv_store_update_field (store, "material", g_ptr_array_index (e->ids, i % e->ids->len), "yarn_count",
                                   value, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
seed_tx (SlvStore  *store,
         gpointer   data,
         GError   **error)
{
  GPtrArray *ids = data;
  g_autofree char *brand = NULL;

  if (!slv_store_insert (store, "brand", &brand, error, "code", "B", "name", "Bench", NULL))
    return FALSE;
  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *code = g_strdup_printf ("%08u", i);
      char *id = NULL;

      if (!slv_store_insert (store, "material", &id, error, "brand_id", brand, "code", code, "name", "Jersey",
                             "kind", "fabric", "unit", "KG", NULL))
        return FALSE;
      g_ptr_array_add (ids, id);
    }
  return TRUE;
}

static void
measure_edits (SlvStore   *store,
               GPtrArray  *ids,
               guint       per_tx,
               guint       total,
               double     *wall,
               double     *cpu)
{
  g_autoptr(GError) error = NULL;
  Edits e = { ids, per_tx, 0 };
  double w0 = wall_ms (), c0 = cpu_ms ();

  for (guint done = 0; done < total; done += per_tx)
    {
      e.round++;
      if (!slv_store_transaction (store, edits_tx, &e, &error))
        g_error ("%s", error->message);
    }
  *wall = (wall_ms () - w0) * 1000.0 / total;
  *cpu = (cpu_ms () - c0) * 1000.0 / total;
}

static void
bench_capture (void)
{
  g_autofree char *dir = slv_test_make_tmpdir ("slv-bench-capture");
  g_autofree char *with = g_build_filename (dir, "With.selvedge", NULL);
  g_autofree char *without = g_build_filename (dir, "Without.selvedge", NULL);
  g_autofree char *db_with = g_build_filename (with, "workspace.db", NULL);
  g_autofree char *db_without = g_build_filename (without, "workspace.db", NULL);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvStore) a = NULL;
  g_autoptr(SlvStore) b = NULL;
  g_autofree char *bytes = NULL;
  gsize len = 0;
  sqlite3 *raw = NULL;
  struct { const char *name; guint per_tx, total; } runs[] = {
    { "one edit per transaction (synchronous commit)", 1, 2000 },
    { "500 edits per transaction", 500, 50000 },
  };

  a = slv_store_open (with, SLV_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (slv_store_transaction (a, seed_tx, ids, &error));
  g_clear_object (&a);
  /* the same workspace without capture: its triggers dropped */
  g_assert_cmpint (g_mkdir_with_parents (without, 0750), ==, 0);
  g_assert_true (g_file_get_contents (db_with, &bytes, &len, NULL));
  g_assert_true (g_file_set_contents (db_without, bytes, len, NULL));
  g_assert_cmpint (sqlite3_open (db_without, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "CREATE TEMP TABLE t AS SELECT name FROM sqlite_schema "
                                      "WHERE type = 'trigger' AND name LIKE 'slv_cap_%'", NULL, NULL, NULL), ==, SQLITE_OK);
  {
    sqlite3_stmt *stmt = NULL;
    g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

    g_assert_cmpint (sqlite3_prepare_v2 (raw, "SELECT name FROM t", -1, &stmt, NULL), ==, SQLITE_OK);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      g_ptr_array_add (names, g_strdup_printf ("DROP TRIGGER %s", sqlite3_column_text (stmt, 0)));
    sqlite3_finalize (stmt);
    for (guint i = 0; i < names->len; i++)
      g_assert_cmpint (sqlite3_exec (raw, g_ptr_array_index (names, i), NULL, NULL, NULL), ==, SQLITE_OK);
  }
  sqlite3_close (raw);
  a = slv_store_open (with, SLV_STORE_OPEN_DEFAULT, &error);
  b = slv_store_open (without, SLV_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  g_print ("Capture overhead per edited field (material.yarn_count, %s):\n", g_get_tmp_dir ());
  for (guint r = 0; r < G_N_ELEMENTS (runs); r++)
    {
      double pw, pc, cw, cc;

      /* alternate to even out disk and cache effects */
      measure_edits (b, ids, runs[r].per_tx, runs[r].total, &pw, &pc);
      measure_edits (a, ids, runs[r].per_tx, runs[r].total, &cw, &cc);
      g_print ("  %-46s plain UPDATE %7.1f µs (cpu %6.1f) | captured %7.1f µs (cpu %6.1f) | ratio %.2f× wall, "
               "%.2f× cpu\n", runs[r].name, pw, pc, cw, cc, cw / pw, cc / pc);
    }
  g_clear_object (&a);
  g_clear_object (&b);
  slv_test_rm_rf (dir);
}

/* 2. Initial pull of a large brand */

static char *
page_json (const char *brand,
           gint64      seq,
           guint       first,
           guint       rows,
           gboolean    more)
{
  g_autoptr(GString) out = g_string_sized_new (rows * 25 * 80);
  g_autofree char *bucket = g_strconcat ("brand:", brand, NULL);
  SlvHlc hlc = { 1767225600000, 0, 0x1234 };
  char stamp[SLV_HLC_TEXT_LEN + 1];
  static const char * const fields[][2] = {
    { "created_at", "\"2026-01-01T00:00:00.000Z\"" }, { "deleted", "false" }, { "kind", "\"fabric\"" },
    { "sap_type", "\"ROH\"" }, { "material_group", "\"F100\"" }, { "composition", "\"100% cotton\"" },
    { "construction", "\"single jersey\"" }, { "gsm", "\"180.0\"" }, { "width_cm", "\"180\"" },
    { "yarn_count", "\"30/1 Ne\"" }, { "unit", "\"KG\"" }, { "price", "\"4.2000\"" }, { "price_unit", "\"1\"" },
    { "currency", "\"EUR\"" }, { "moq", "\"500\"" }, { "lead_time_days", "30" }, { "supplier_id", "null" },
    { "color", "\"#336699\"" }, { "name", "\"Jersey\"" },
  };

  slv_hlc_format (&hlc, stamp);
  g_string_append (out, "{\"cursor\":\"c\",\"checkpoint\":1,\"has_more\":");
  g_string_append (out, more ? "true" : "false");
  g_string_append_printf (out, ",\"server_hlc\":\"%s\",\"server_time\":\"2026-01-01T00:00:00.000Z\","
                          "\"buckets\":{\"current\":[\"%s\"],\"removed\":[]},\"changes\":[", stamp, bucket);
  for (guint r = 0; r < rows; r++)
    {
      g_autofree char *id = slv_uuid_v7_new ();

      hlc.counter = (guint16) ((first + r) & 0xffff);
      hlc.wall_ms = 1767225600000 + (first + r) / 0x10000;
      slv_hlc_format (&hlc, stamp);
      g_string_append_printf (out, "%s{\"seq\":%" G_GINT64_FORMAT ",\"bucket\":\"%s\",\"table\":\"material\","
                              "\"row\":\"%s\",\"fields\":{\"brand_id\":[\"%s\",\"%s\"],\"code\":[\"M%08u\",\"%s\"]",
                              r ? "," : "", seq, bucket, id, brand, stamp, first + r, stamp);
      for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
        g_string_append_printf (out, ",\"%s\":[%s,\"%s\"]", fields[f][0], fields[f][1], stamp);
      g_string_append (out, "}}");
    }
  g_string_append (out, "],\"evict\":[],\"resync\":[]}");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
bench_initial_pull (void)
{
  const char *env = g_getenv ("SELVEDGE_BENCH_FIELDS");
  guint fields = env ? (guint) g_ascii_strtoull (env, NULL, 10) : 1000000;
  guint per_row = 21, rows = fields / per_row, per_page = 10000 / per_row;
  g_autofree char *dir = slv_test_make_tmpdir ("slv-bench-pull");
  g_autofree char *path = g_build_filename (dir, "Pull.selvedge", NULL);
  g_autofree char *brand = slv_uuid_v7_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvStore) store = slv_store_open (path, SLV_STORE_OPEN_CREATE, &error);
  g_autoptr(SlvSyncStore) sync = NULL;
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func (g_free);
  double parse = 0, apply = 0, c0;
  SlvSyncCounts counts = { 0 };

  g_assert_no_error (error);
  g_assert_true (slv_store_insert (store, "brand", NULL, &error, "id", brand, "code", "B", "name", "Big", NULL));
  sync = slv_sync_store_new (store, &error);
  g_assert_no_error (error);
  for (guint first = 0; first < rows; first += per_page)
    g_ptr_array_add (pages, page_json (brand, 1 + first / per_page, first, MIN (per_page, rows - first),
                                       first + per_page < rows));
  c0 = cpu_ms ();
  for (guint i = 0; i < pages->len; i++)
    {
      const char *json = g_ptr_array_index (pages, i);
      double t0 = wall_ms (), t1;
      g_autoptr(SlvSyncPullPage) page = slv_sync_pull_page_from_json (json, strlen (json), &error);
      gboolean drain = FALSE;

      g_assert_no_error (error);
      t1 = wall_ms ();
      g_assert_true (slv_sync_store_apply_page (sync, page, &counts, &drain, &error));
      g_assert_no_error (error);
      parse += t1 - t0;
      apply += wall_ms () - t1;
    }
  g_print ("Initial pull: %u fields (%u rows, %u pages): decode %.1f s, apply %.1f s → %.0f fields/s applied, "
           "%.0f fields/s decoded and applied (cpu %.1f s)\n", counts.applied, rows, pages->len, parse / 1e3,
           apply / 1e3, counts.applied / (apply / 1e3), counts.applied / ((parse + apply) / 1e3),
           (cpu_ms () - c0) / 1e3);
  g_assert_cmpuint (counts.applied, ==, rows * per_row);
  g_clear_object (&sync);
  g_clear_object (&store);
  slv_test_rm_rf (dir);
}

/* 3. Edit-to-visible latency */

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
bench_latency (void)
{
  g_autofree char *brand = NULL;
  g_autoptr(SyncUser) user = NULL;
  g_autoptr(SyncClient) a = NULL;
  g_autoptr(SyncClient) b = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *style = NULL;
  g_autofree char *season = NULL;
  g_autofree char *collection = NULL;

  if (slv_env.server == NULL)
    {
      g_print ("Edit-to-visible latency: skipped (%s)\n", slv_pg_cluster_skip_message ());
      return;
    }
  user = sync_user_new ("admin", "brand:{}", &brand);
  a = sync_client_new (user);
  b = sync_client_new (user);
  g_assert_true (slv_store_insert (a->store, "brand", NULL, &error, "id", brand, "code", "L", "name", "L", NULL));
  g_assert_true (slv_store_insert (a->store, "season", &season, &error, "brand_id", brand, "code", "S", "name", "S",
                                   NULL));
  g_assert_true (slv_store_insert (a->store, "collection", &collection, &error, "brand_id", brand, "season_id",
                                   season, "name", "C", NULL));
  g_assert_true (slv_store_insert (a->store, "style", &style, &error, "brand_id", brand, "collection_id", collection,
                                   "code", "L1", "name", "Tee", NULL));
  sync_client_quiesce (a);
  sync_client_quiesce (b);
  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *value = g_strdup_printf ("edit %u", i);
      g_autofree char *seen = NULL;
      double t0 = wall_ms (), dt;

      g_assert_true (slv_store_update_field (a->store, "style", style, "name", value, &error));
      g_assert_true (sync_client_sync (a, NULL, &error));
      g_assert_true (sync_client_sync (b, NULL, &error));
      g_assert_no_error (error);
      seen = slv_store_dup_field (b->store, "style", style, "name", &error);
      g_assert_cmpstr (seen, ==, value);
      dt = wall_ms () - t0;
      g_array_append_val (samples, dt);
    }
  g_array_sort (samples, compare_doubles);
  g_print ("Edit-to-visible latency (edit, A's round, B's round; loopback, %u samples): p50 %.1f ms, p95 %.1f ms, "
           "max %.1f ms\n", samples->len, g_array_index (samples, double, samples->len / 2),
           g_array_index (samples, double, samples->len * 95 / 100), g_array_index (samples, double, samples->len - 1));
}

int
main (int argc, char *argv[])
{
  sync_test_prepare ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  bench_capture ();
  bench_initial_pull ();
  sync_env_setup ();
  bench_latency ();
  sync_env_teardown ();
  return 0;
}
