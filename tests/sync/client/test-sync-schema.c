/* test-sync-schema.c: invariants 11 (idempotent pull) and 14 (schema).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "sync-test-util.h"

typedef struct
{
  char       *brand;
  SyncUser   *user;
  SyncClient *a;
  SyncClient *b;
  char       *style;
} World;

static World world;

static void
edit (SyncClient *c,
      const char *table,
      const char *id,
      const char *column,
      const char *value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (slv_store_update_field (c->store, table, id, column, value, &error));
  g_assert_no_error (error);
}

/* A brand with rows, edits, a delete and a conflict, synced by A and B. */
static void
make_world (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *season = NULL;
  g_autofree char *collection = NULL;
  g_autofree char *board = NULL;
  SlvStore *s;

  world.user = sync_user_new ("admin", "brand:{}", &world.brand);
  world.a = sync_client_new (world.user);
  world.b = sync_client_new (world.user);
  s = world.a->store;
  g_assert_true (slv_store_insert (s, "brand", NULL, &error, "id", world.brand, "code", "SC", "name", "Schema", NULL));
  g_assert_true (slv_store_insert (s, "season", &season, &error, "brand_id", world.brand, "code", "S", "name", "S",
                                   NULL));
  g_assert_true (slv_store_insert (s, "collection", &collection, &error, "brand_id", world.brand, "season_id", season,
                                   "name", "C", NULL));
  for (int i = 0; i < 6; i++)
    {
      g_autofree char *code = g_strdup_printf ("S%d", i);
      g_autofree char *id = NULL;

      g_assert_true (slv_store_insert (s, "style", &id, &error, "brand_id", world.brand, "collection_id", collection,
                                       "code", code, "name", code, NULL));
      if (i == 0)
        world.style = g_strdup (id);
      if (i == 5)
        g_assert_true (slv_store_set_deleted (s, "style", id, TRUE, &error));
      /* one batch each: pages end on batch boundaries */
      sync_client_quiesce (world.a);
      if (i == 2)
        edit (world.a, "collection", collection, "theme", "linen");
    }
  g_assert_true (slv_store_insert (s, "board", &board, &error, "brand_id", world.brand, "name", "B", NULL));
  g_assert_true (slv_store_insert (s, "board_item", NULL, &error, "brand_id", world.brand, "board_id", board,
                                   "kind", "note", "z", "a0", "text", "hi", NULL));
  g_assert_no_error (error);
  sync_client_quiesce (world.a);
  sync_client_quiesce (world.b);
  edit (world.a, "style", world.style, "name", "from A");
  g_usleep (2000);
  edit (world.b, "style", world.style, "name", "from B");
  sync_client_quiesce (world.a);
  sync_client_quiesce (world.b);
  sync_client_quiesce (world.a);
  g_assert_cmpint (sync_client_count (world.a, "SELECT count(*) FROM conflict"), ==, 1);
}

/* Pages from the server, small enough that a row spans several. */
static GPtrArray *
fetch_pages (void)
{
  g_autoptr(SlvTestClient) tc = slv_env_client (world.user->email);
  GPtrArray *pages = g_ptr_array_new_with_free_func ((GDestroyNotify) slv_sync_pull_page_free);

  for (;;)
    {
      SlvSyncPullPage *page = slv_test_client_pull (tc, 7);

      g_assert_nonnull (page);
      g_ptr_array_add (pages, page);
      if (!page->has_more)
        break;
    }
  g_assert_cmpuint (pages->len, >=, 5);
  return pages;
}

static void
apply (SyncClient      *c,
       SlvSyncPullPage *page)
{
  g_autoptr(GError) error = NULL;
  SlvSyncCounts counts = { 0 };
  gboolean drain = FALSE;

  g_assert_true (slv_sync_store_apply_page (slv_sync_engine_get_sync_store (c->engine), page, &counts, &drain, &error));
  g_assert_no_error (error);
  g_assert_false (drain);
}

/* Applying any page twice, or replaying pages after a stop, gives the
 * same workspace as applying each once — and as the engine's own sync. */
static void
test_idempotent_pull (void)
{
  g_autoptr(GPtrArray) pages = NULL;
  g_autoptr(SyncClient) once = NULL;
  g_autoptr(SyncClient) twice = NULL;
  g_autoptr(SyncClient) replay = NULL;
  g_autoptr(GHashTable) d_once = NULL;
  g_autoptr(GHashTable) d_twice = NULL;
  g_autoptr(GHashTable) d_replay = NULL;
  g_autoptr(GHashTable) d_a = NULL;
  gint64 staged = 0;

  SLV_REQUIRE_SERVER ();
  pages = fetch_pages ();
  once = sync_client_new (world.user);
  twice = sync_client_new (world.user);
  replay = sync_client_new (world.user);
  for (guint i = 0; i < pages->len; i++)
    {
      apply (once, g_ptr_array_index (pages, i));
      /* rows whose fields come in later pages wait in sync_pending */
      staged = MAX (staged, sync_client_count (once, "SELECT count(*) FROM sync_pending"));
      apply (twice, g_ptr_array_index (pages, i));
      apply (twice, g_ptr_array_index (pages, i));
    }
  for (guint i = 0; i < pages->len / 2; i++)
    apply (replay, g_ptr_array_index (pages, i));
  for (guint i = 0; i < pages->len; i++)
    apply (replay, g_ptr_array_index (pages, i));
  d_once = sync_client_dump (once);
  d_twice = sync_client_dump (twice);
  d_replay = sync_client_dump (replay);
  d_a = sync_client_dump (world.a);
  sync_assert_same_dump (d_once, "pages once", d_a, "engine", 0);
  sync_assert_same_dump (d_once, "pages once", d_twice, "pages twice", 0);
  sync_assert_same_dump (d_once, "pages once", d_replay, "pages replayed", 0);
  g_assert_cmpint (staged, >, 0);
  g_assert_cmpint (sync_client_count (twice, "SELECT count(*) FROM sync_pending"), ==, 0);
}

/* An older app keeps the fields it does not know in sync_unknown and
 * adopts them once its schema has them. */
static void
test_older_client (void)
{
  g_autoptr(SyncClient) c = NULL;
  g_autoptr(GHashTable) dc = NULL;
  g_autoptr(GHashTable) da = NULL;
  g_autoptr(GError) error = NULL;
  SlvSyncStore *sync;
  int level;

  SLV_REQUIRE_SERVER ();
  c = sync_client_new (world.user);
  sync = slv_sync_engine_get_sync_store (c->engine);
  level = slv_sync_store_get_schema_level (sync);
  /* the conflict log arrived with level 50 */
  slv_sync_store_set_schema_level (sync, 49);
  sync_client_quiesce (c);
  g_assert_cmpint (sync_client_count (c, "SELECT count(*) FROM conflict"), ==, 0);
  g_assert_cmpint (sync_client_count (c, "SELECT count(DISTINCT row_id) FROM sync_unknown WHERE tbl = 'conflict'"),
                   ==, 1);
  g_assert_cmpint (sync_client_count (c, "SELECT count(*) FROM sync_unknown WHERE tbl <> 'conflict'"), ==, 0);
  g_assert_cmpint (sync_client_count (c, "SELECT count(*) FROM style"), ==, 6);

  /* the migration: the next round adopts them */
  slv_sync_store_set_schema_level (sync, level);
  sync_client_quiesce (c);
  g_assert_cmpint (sync_client_count (c, "SELECT count(*) FROM sync_unknown"), ==, 0);
  g_assert_cmpint (sync_client_count (c, "SELECT count(*) FROM conflict"), ==, 1);
  dc = sync_client_dump (c);
  da = sync_client_dump (world.a);
  sync_assert_same_dump (dc, "older client", da, "A", 0);
  g_assert_no_error (error);
}

/* Below the server's min_schema: 426, the app keeps working offline and
 * loses nothing; once updated it sends everything. */
static void
test_too_old (void)
{
  g_autoptr(SyncClient) c = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  SlvSyncStore *sync;
  gint64 pending;
  int level;

  SLV_REQUIRE_SERVER ();
  c = sync_client_new (world.user);
  sync_client_quiesce (c);
  sync = slv_sync_engine_get_sync_store (c->engine);
  level = slv_sync_store_get_schema_level (sync);
  slv_sync_store_set_schema_level (sync, 0);
  edit (c, "style", world.style, "description", "written by an old app");
  pending = slv_store_count_outbox (c->store);
  g_assert_false (sync_client_sync (c, NULL, &error));
  g_assert_error (error, SLV_SYNC_ENGINE_ERROR, SLV_SYNC_ENGINE_ERROR_UPGRADE);
  g_assert_cmpint (slv_sync_engine_get_status (c->engine), ==, SLV_SYNC_STATUS_UPGRADE);
  g_assert_cmpint (slv_store_count_outbox (c->store), ==, pending);
  name = slv_store_dup_field (c->store, "style", world.style, "description", NULL);
  g_assert_cmpstr (name, ==, "written by an old app");

  slv_sync_store_set_schema_level (sync, level);
  sync_client_quiesce (c);
  g_assert_cmpint (slv_store_count_outbox (c->store), ==, 0);
  sync_client_quiesce (world.a);
  g_free (name);
  name = slv_store_dup_field (world.a->store, "style", world.style, "description", NULL);
  g_assert_cmpstr (name, ==, "written by an old app");
}

int
main (int argc, char *argv[])
{
  int rc;

  sync_test_prepare ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  if (sync_env_setup ())
    make_world ();
  g_test_add_func ("/sync/client/pull/idempotent", test_idempotent_pull);
  g_test_add_func ("/sync/client/schema/older", test_older_client);
  g_test_add_func ("/sync/client/schema/too-old", test_too_old);
  rc = g_test_run ();
  g_clear_pointer (&world.a, sync_client_free);
  g_clear_pointer (&world.b, sync_client_free);
  g_clear_pointer (&world.user, sync_user_free);
  g_free (world.brand);
  g_free (world.style);
  sync_env_teardown ();
  return rc;
}
