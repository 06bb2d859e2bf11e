/* test-sync-clock.c: invariants 6 (HLC) and 7 (skew) with the engine.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "sync-test-util.h"

#define MINUTE (60 * 1000)

static char *
seed_style (SyncClient *c,
            const char *brand)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *season = NULL;
  g_autofree char *collection = NULL;
  char *style = NULL;

  g_assert_true (slv_store_insert (c->store, "brand", NULL, &error, "id", brand, "code", "CL", "name", "Clock", NULL));
  g_assert_true (slv_store_insert (c->store, "season", &season, &error, "brand_id", brand, "code", "S", "name", "S",
                                   NULL));
  g_assert_true (slv_store_insert (c->store, "collection", &collection, &error, "brand_id", brand, "season_id",
                                   season, "name", "C", NULL));
  g_assert_true (slv_store_insert (c->store, "style", &style, &error, "brand_id", brand, "collection_id", collection,
                                   "code", "T1", "name", "Tee", NULL));
  g_assert_no_error (error);
  return style;
}

static char *
value_of (SyncClient *c,
          const char *id,
          const char *column)
{
  g_autoptr(GError) error = NULL;
  char *v = slv_store_dup_field (c->store, "style", id, column, &error);

  g_assert_no_error (error);
  return v;
}

/* A client one hour fast: refused with clock_skew (nothing applied), its
 * ops stamped again under a new node at the server's time, then accepted;
 * later edits are accepted at once. */
static void
test_fast_client (void)
{
  g_autofree char *brand = NULL;
  g_autoptr(SyncUser) user = NULL;
  g_autoptr(SyncClient) a = NULL;
  g_autoptr(SyncClient) b = NULL;
  g_autofree char *style = NULL;
  g_autofree char *node_before = NULL;
  g_autofree char *node_after = NULL;
  g_autofree char *name = NULL;
  g_autofree char *max_hlc = NULL;
  g_autoptr(GError) error = NULL;
  SlvSyncSummary s = { 0 };
  gint64 before;

  SLV_REQUIRE_SERVER ();
  user = sync_user_new ("admin", "brand:{}", &brand);
  a = sync_client_new (user);
  b = sync_client_new (user);
  style = seed_style (b, brand);
  sync_client_quiesce (b);
  sync_client_quiesce (a);

  a->offset_ms = 60 * MINUTE;
  node_before = slv_store_dup_sync_node (a->store);
  sync_client_edit (a, "style", style, "description", "made an hour in the future");
  sync_client_edit (b, "style", style, "name", "Tee v2");
  before = slv_test_db_count (slv_env.db, "SELECT seq FROM sync_counter", NULL);
  g_assert_true (sync_client_sync (a, &s, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (s.restamps, ==, 1);
  g_assert_cmpuint (s.acked, >=, 1);
  g_assert_cmpint (s.pending, ==, 0);
  /* one batch committed: the refused one changed nothing */
  g_assert_cmpint (slv_test_db_count (slv_env.db, "SELECT seq FROM sync_counter", NULL), ==, before + 1);
  node_after = slv_store_dup_sync_node (a->store);
  g_assert_cmpstr (node_before, !=, node_after);
  max_hlc = slv_test_db_scalar (slv_env.db, "SELECT max (hlc) FROM sync_field WHERE node = $1", node_after, NULL);
  g_assert_cmpint (slv_hlc_text_wall_ms (max_hlc), <, g_get_real_time () / 1000 + 5 * MINUTE);

  /* the corrected wall clock keeps later edits acceptable */
  sync_client_edit (a, "style", style, "gender", "unisex");
  g_assert_true (sync_client_sync (a, &s, &error));
  g_assert_cmpuint (s.restamps, ==, 0);
  g_assert_cmpuint (s.acked, ==, 1);
  sync_client_quiesce (b);
  sync_client_quiesce (a);
  name = value_of (a, style, "name");
  g_assert_cmpstr (name, ==, "Tee v2");
  sync_assert_converged (a, b, brand);
}

/* A client four minutes slow is accepted; its concurrent edit, later in
 * real time but earlier by its clock, loses and is logged. */
static void
test_slow_client (void)
{
  g_autofree char *brand = NULL;
  g_autoptr(SyncUser) user = NULL;
  g_autoptr(SyncClient) a = NULL;
  g_autoptr(SyncClient) b = NULL;
  g_autofree char *style = NULL;
  g_autofree char *value = NULL;
  g_autofree char *loser = NULL;
  g_autoptr(GError) error = NULL;
  SlvSyncSummary s = { 0 };

  SLV_REQUIRE_SERVER ();
  user = sync_user_new ("admin", "brand:{}", &brand);
  a = sync_client_new (user);
  b = sync_client_new (user);
  style = seed_style (b, brand);
  sync_client_quiesce (b);
  sync_client_quiesce (a);

  a->offset_ms = -4 * MINUTE;
  /* B's edit comes after the last stamp A saw (same millisecond would be
   * a tie the counter decides) */
  g_usleep (20000);
  sync_client_edit (b, "style", style, "description", "B, first in real time");
  g_usleep (5000);
  sync_client_edit (a, "style", style, "description", "A, later but slow");
  g_assert_true (sync_client_sync (b, &s, &error));
  g_assert_true (sync_client_sync (a, &s, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (s.restamps, ==, 0);
  sync_client_quiesce (b);
  sync_client_quiesce (a);
  value = value_of (a, style, "description");
  g_assert_cmpstr (value, ==, "B, first in real time");
  loser = sync_client_query (a, "SELECT loser_value FROM conflict WHERE field = 'description'");
  g_assert_cmpstr (loser, ==, "\"A, later but slow\"");
  sync_assert_converged (a, b, brand);
}

/* Stamps never go backwards: across restarts, backward jumps of the wall
 * clock and stamps received from the server; a stamp far ahead is not
 * followed. */
static void
test_monotonic (void)
{
  static const gint64 jumps[] = { 0, -3600, 7, -86400, 600, -30, 0, -7200 };
  g_autofree char *brand = NULL;
  g_autoptr(SyncUser) user = NULL;
  g_autoptr(SyncClient) a = NULL;
  g_autoptr(SyncClient) b = NULL;
  g_autofree char *style = NULL;
  g_autofree char *last = NULL;
  g_autoptr(GError) error = NULL;
  SlvHlc far = { g_get_real_time () / 1000 + 60 * MINUTE, 0, 1 };
  g_autofree char *far_text = slv_hlc_to_string (&far);
  g_autofree char *state = NULL;
  guint nodes = 0;

  SLV_REQUIRE_SERVER ();
  user = sync_user_new ("admin", "brand:{}", &brand);
  a = sync_client_new (user);
  b = sync_client_new (user);
  style = seed_style (a, brand);
  sync_client_quiesce (a);
  sync_client_quiesce (b);
  for (guint i = 0; i < G_N_ELEMENTS (jumps) * 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("name %u", i);
      g_autofree char *hlc = NULL;

      a->offset_ms = jumps[i % G_N_ELEMENTS (jumps)] * 1000;
      if (i % 5 == 4)
        sync_client_reopen (a);
      if (i % 3 == 1)
        {
          /* the server's stamps move the clock forward */
          sync_client_edit (b, "style", style, "gender", name);
          sync_client_quiesce (b);
          sync_client_quiesce (a);
        }
      sync_client_edit (a, "style", style, "name", name);
      hlc = sync_client_query (a, "SELECT hlc FROM sync_state");
      /* per node: a clock the server refused (10 min ahead) continues
       * under a new node */
      if (last != NULL && strcmp (hlc + 30, last + 30) == 0 && strcmp (hlc, last) <= 0)
        g_error ("clock went from %s back to %s (step %u)", last, hlc, i);
      if (last != NULL && strcmp (hlc + 30, last + 30) != 0)
        {
          nodes++;
          g_test_message ("step %u: new node (%s after %s)", i, hlc, last);
        }
      g_free (last);
      last = g_steal_pointer (&hlc);
    }
  sync_client_quiesce (a);
  /* jumps ahead of the server cost new nodes, nothing else does */
  g_assert_cmpuint (nodes, >=, 1);
  g_assert_cmpuint (nodes, <=, 6);
  sync_client_quiesce (b);
  {
    g_autoptr(GHashTable) da = sync_client_dump (a);
    g_autoptr(GHashTable) db = sync_client_dump (b);

    sync_assert_same_dump (da, "A", db, "B", 0);
  }

  a->offset_ms = 0;
  g_assert_true (slv_sync_store_recv (slv_sync_engine_get_sync_store (a->engine), far_text, &error));
  g_assert_no_error (error);
  state = sync_client_query (a, "SELECT hlc FROM sync_state");
  g_assert_cmpint (slv_hlc_text_wall_ms (state), <=, g_get_real_time () / 1000 + 5 * MINUTE);
}

int
main (int argc, char *argv[])
{
  int rc;

  sync_test_prepare ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  sync_env_setup ();
  g_test_add_func ("/sync/client/clock/fast", test_fast_client);
  g_test_add_func ("/sync/client/clock/slow", test_slow_client);
  g_test_add_func ("/sync/client/clock/monotonic", test_monotonic);
  rc = g_test_run ();
  sync_env_teardown ();
  return rc;
}
