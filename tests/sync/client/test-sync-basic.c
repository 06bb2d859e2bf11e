/* test-sync-basic.c: the sync engine against the real server — round
 * trips, conflicts, deletes and restores, sign-in state.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "core/slv-uuid.h"
#include "sync-test-util.h"

#define REQUIRE() SLV_REQUIRE_SERVER ()

static char *
field (SyncClient *c,
       const char *table,
       const char *id,
       const char *column)
{
  g_autoptr(GError) error = NULL;
  char *v = slv_store_dup_field (c->store, table, id, column, &error);

  g_assert_no_error (error);
  return v;
}

/* brand, season, collection and one style */
static char *
seed_brand (SyncClient *c,
            const char *brand)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *season = NULL;
  g_autofree char *collection = NULL;
  char *style = NULL;

  g_assert_true (slv_store_insert (c->store, "brand", NULL, &error, "id", brand, "code", "NL", "name", "Northloom",
                                   NULL));
  g_assert_true (slv_store_insert (c->store, "season", &season, &error, "brand_id", brand, "code", "SS27",
                                   "name", "Spring 27", NULL));
  g_assert_true (slv_store_insert (c->store, "collection", &collection, &error, "brand_id", brand, "season_id",
                                   season, "name", "Coast", NULL));
  g_assert_true (slv_store_insert (c->store, "style", &style, &error, "brand_id", brand, "collection_id",
                                   collection, "code", "NL-001", "name", "Linen shirt", NULL));
  g_assert_no_error (error);
  return style;
}

static void
test_round_trip (void)
{
  g_autofree char *brand = NULL;
  g_autoptr(SyncUser) user = NULL;
  g_autoptr(SyncClient) a = NULL;
  g_autoptr(SyncClient) b = NULL;
  g_autofree char *style = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) error = NULL;
  SlvSyncSummary s = { 0 };

  REQUIRE ();
  user = sync_user_new ("admin", "brand:{}", &brand);
  a = sync_client_new (user);
  b = sync_client_new (user);
  style = seed_brand (a, brand);
  sync_client_sync (a, &s, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (s.pushed, >, 20);
  g_assert_cmpuint (s.refused, ==, 0);
  g_assert_cmpint (s.pending, ==, 0);
  g_assert_cmpint (slv_sync_engine_get_status (a->engine), ==, SLV_SYNC_STATUS_UP_TO_DATE);

  g_assert_true (sync_client_sync (b, &s, &error));
  g_assert_cmpuint (s.pulled, ==, s.pulled);
  name = field (b, "style", style, "name");
  g_assert_cmpstr (name, ==, "Linen shirt");
  sync_assert_converged (a, b, brand);

  /* an edit travels back, and nothing is sent twice */
  sync_client_edit (b, "style", style, "name", "Linen shirt SS27");
  g_assert_true (sync_client_sync (b, &s, &error));
  g_assert_cmpuint (s.pushed, ==, 1);
  g_assert_true (sync_client_sync (a, &s, &error));
  g_assert_cmpuint (s.pushed, ==, 0);
  g_free (name);
  name = field (a, "style", style, "name");
  g_assert_cmpstr (name, ==, "Linen shirt SS27");
  g_assert_cmpint (slv_store_count_outbox (a->store), ==, 0);
  sync_assert_converged (a, b, brand);
}

typedef struct
{
  const char *brand;
  GPtrArray  *ids;
  guint       first, n;
  gboolean    rename;
} Bulk;

static gboolean
bulk_tx (SlvStore  *store,
         gpointer   data,
         GError   **error)
{
  Bulk *b = data;

  for (guint i = b->first; i < b->first + b->n; i++)
    {
      g_autofree char *code = g_strdup_printf ("%08u", 4000 + i);
      g_autofree char *name = g_strdup_printf ("Jersey \"%u\" 100%% CO", i);
      g_autofree char *price = g_strdup_printf ("%u.%02u", i, i % 100);
      char *id = NULL;

      if (!slv_store_insert (store, "material", &id, error, "brand_id", b->brand, "code", code, "name", name,
                             "kind", "fabric", "unit", "KG", "price", price, "currency", "EUR", NULL))
        return FALSE;
      g_ptr_array_add (b->ids, id);
    }
  /* edited before it is sent: goes into its row op */
  return !b->rename || slv_store_update_field (store, "material", g_ptr_array_index (b->ids, 7), "name", "Renamed",
                                               error);
}

static void
insert_bulk (SyncClient *c,
             Bulk       *bulk)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (slv_store_transaction (c->store, bulk_tx, bulk, &error));
  g_assert_no_error (error);
}

/* One round that sends everything, none of it refused. */
static void
push_all (SyncClient     *c,
          SlvSyncSummary *s)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sync_client_sync (c, s, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (s->refused, ==, 0);
  g_assert_cmpint (s->pending, ==, 0);
}

/* An import captures each new row as one op and one clock; the push
 * expands them into field ops, the server takes every field, the other
 * workspace gets the same rows, and an edit after the push travels as a
 * field op based on the row's clock, without a conflict. */
static void
test_row_ops (void)
{
  g_autofree char *brand = NULL;
  g_autoptr(SyncUser) user = NULL;
  g_autoptr(SyncClient) a = NULL;
  g_autoptr(SyncClient) b = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *price = NULL;
  SlvSyncSummary s = { 0 };
  Bulk bulk;

  REQUIRE ();
  user = sync_user_new ("admin", "brand:{}", &brand);
  a = sync_client_new (user);
  b = sync_client_new (user);
  g_free (seed_brand (a, brand));
  bulk = (Bulk) { brand, ids, 0, 300, TRUE };
  slv_store_set_capture_row_ops (a->store, TRUE);
  insert_bulk (a, &bulk);
  slv_store_set_capture_row_ops (a->store, FALSE);
  g_assert_cmpint (sync_client_count (a, "SELECT count(*) FROM sync_outbox WHERE tbl = 'material'"), ==, 300);
  g_assert_cmpint (sync_client_count (a, "SELECT count(*) FROM sync_outbox WHERE field = '*'"), ==, 300);
  g_assert_cmpint (sync_client_count (a, "SELECT count(*) FROM sync_clock WHERE tbl = 'material'"), ==, 300);

  push_all (a, &s);
  g_assert_cmpint (slv_store_count_outbox (a->store), ==, 0);
  g_assert_true (sync_client_sync (b, &s, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sync_client_count (b, "SELECT count(*) FROM material"), ==, 300);
  name = field (b, "material", g_ptr_array_index (ids, 7), "name");
  g_assert_cmpstr (name, ==, "Renamed");
  price = field (b, "material", g_ptr_array_index (ids, 123), "price");
  g_assert_cmpstr (price, ==, "123.23");
  sync_assert_converged (a, b, brand);

  /* an edit after the push is a field op on the row's clock */
  sync_client_edit (a, "material", g_ptr_array_index (ids, 9), "name", "Edited after");
  g_assert_cmpint (sync_client_count (a, "SELECT count(*) FROM sync_outbox WHERE field = 'name' "
                                         "AND base_hlc = (SELECT hlc FROM sync_clock WHERE field = '*' "
                                         "AND row_id = sync_outbox.row_id)"), ==, 1);
  g_assert_true (sync_client_sync (a, &s, &error));
  g_assert_cmpuint (s.pushed, ==, 1);
  g_assert_cmpuint (s.acked, ==, 1);
  g_assert_true (sync_client_sync (b, &s, &error));
  g_assert_true (sync_client_sync (a, &s, &error));
  sync_assert_converged (a, b, brand);
  /* the server saw no concurrent writes */
  g_assert_cmpint (sync_client_count (a, "SELECT count(*) FROM conflict"), ==, 0);
  g_assert_cmpint (sync_client_count (b, "SELECT count(*) FROM conflict"), ==, 0);
}

/* More field ops than the push reads at once (it chooses each batch from
 * the first 8,000): several transactions, then one larger than that; every
 * op goes, no row is split, and the other workspace gets every row. */
static void
test_large_outbox (void)
{
  g_autofree char *brand = NULL;
  g_autoptr(SyncUser) user = NULL;
  g_autoptr(SyncClient) a = NULL;
  g_autoptr(SyncClient) b = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  SlvSyncSummary s = { 0 };

  REQUIRE ();
  user = sync_user_new ("admin", "brand:{}", &brand);
  a = sync_client_new (user);
  b = sync_client_new (user);
  g_free (seed_brand (a, brand));
  for (guint t = 0; t < 4; t++)
    {
      Bulk bulk = { brand, ids, 100 * t, 100, FALSE };

      insert_bulk (a, &bulk);
    }
  g_assert_cmpint (slv_store_count_outbox (a->store), >, 8000);
  push_all (a, &s);
  g_assert_cmpuint (s.batches, >=, 9);
  {
    Bulk bulk = { brand, ids, 400, 400, FALSE };

    insert_bulk (a, &bulk);
  }
  g_assert_cmpint (slv_store_count_outbox (a->store), >, 8000);
  push_all (a, &s);
  g_assert_true (sync_client_sync (b, &s, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sync_client_count (b, "SELECT count(*) FROM material"), ==, 800);
  sync_assert_converged (a, b, brand);
}

typedef struct
{
  const char *id, *status, *by, *at;
} Status;

static gboolean
status_tx (SlvStore  *store,
           gpointer   data,
           GError   **error)
{
  Status *st = data;

  return slv_store_update_field (store, "annotation", st->id, "status", st->status, error) &&
         slv_store_update_field (store, "annotation", st->id, "status_by", st->by, error) &&
         slv_store_update_field (store, "annotation", st->id, "status_at", st->at, error);
}

/* A status, who set it and when, in one transaction (as SlvReview does). */
static void
set_status (SyncClient *c,
            const char *id,
            const char *status,
            const char *by,
            const char *at)
{
  Status st = { id, status, by, at };
  g_autoptr(GError) error = NULL;

  g_assert_true (slv_store_transaction (c->store, status_tx, &st, &error));
  g_assert_no_error (error);
}

/* Review threads sync: an annotation and its comments reach the other
 * workspace; two reviewers setting a status at once end with one whole
 * status (who and when included), the other kept as conflicts. */
static void
test_review_threads (void)
{
  g_autofree char *brand = NULL;
  g_autoptr(SyncUser) user = NULL;
  g_autoptr(SyncClient) a = NULL;
  g_autoptr(SyncClient) b = NULL;
  g_autofree char *style = NULL;
  g_autofree char *board = NULL;
  g_autofree char *pin = NULL;
  g_autofree char *comment = NULL;
  g_autofree char *body = NULL;
  g_autofree char *status = NULL;
  g_autofree char *by = NULL;
  g_autoptr(GError) error = NULL;
  SlvSyncSummary s = { 0 };

  REQUIRE ();
  user = sync_user_new ("admin", "brand:{}", &brand);
  a = sync_client_new (user);
  b = sync_client_new (user);
  style = seed_brand (a, brand);
  g_assert_true (slv_store_insert (a->store, "board", &board, &error, "brand_id", brand, "name", "Mood", NULL));
  g_assert_true (slv_store_insert (a->store, "annotation", &pin, &error, "brand_id", brand, "board_id", board,
                                   "kind", "pin", "geometry", "{\"x\":120.5,\"y\":80}", "color", "red",
                                   "number", "1", "author", "Ana", NULL));
  g_assert_true (slv_store_insert (a->store, "comment", &comment, &error, "brand_id", brand, "annotation_id", pin,
                                   "author", "Ana", "body", "Softer blue here, @Ben?", "mentions", "[\"Ben\"]", NULL));
  g_assert_no_error (error);
  g_assert_true (sync_client_sync (a, &s, &error));
  g_assert_cmpuint (s.refused, ==, 0);
  g_assert_true (sync_client_sync (b, &s, &error));
  g_assert_no_error (error);
  body = field (b, "comment", comment, "body");
  g_assert_cmpstr (body, ==, "Softer blue here, @Ben?");
  sync_assert_converged (a, b, brand);

  /* both set a status, offline from each other */
  set_status (a, pin, "approved", "Ana", "2026-11-29T10:00:00.000Z");
  set_status (b, pin, "rejected", "Ben", "2026-11-29T10:00:01.000Z");
  g_assert_true (sync_client_sync (a, &s, &error));
  g_assert_true (sync_client_sync (b, &s, &error));
  g_assert_true (sync_client_sync (a, &s, &error));
  g_assert_no_error (error);
  status = field (a, "annotation", pin, "status");
  by = field (a, "annotation", pin, "status_by");
  g_assert_true ((g_strcmp0 (status, "approved") == 0 && g_strcmp0 (by, "Ana") == 0) ||
                 (g_strcmp0 (status, "rejected") == 0 && g_strcmp0 (by, "Ben") == 0));
  sync_assert_converged (a, b, brand);
}

/* Concurrent writes of one field: last writer by clock wins everywhere,
 * the loser is kept in the conflict log of both. */
static void
test_conflict (void)
{
  g_autofree char *brand = NULL;
  g_autoptr(SyncUser) user = NULL;
  g_autoptr(SyncClient) a = NULL;
  g_autoptr(SyncClient) b = NULL;
  g_autofree char *style = NULL;
  g_autofree char *va = NULL;
  g_autofree char *vb = NULL;
  g_autofree char *loser = NULL;
  g_autoptr(GError) error = NULL;

  REQUIRE ();
  user = sync_user_new ("admin", "brand:{}", &brand);
  a = sync_client_new (user);
  b = sync_client_new (user);
  style = seed_brand (a, brand);
  sync_client_quiesce (a);
  sync_client_quiesce (b);

  sync_client_edit (a, "style", style, "description", "from A");
  g_usleep (2000);
  sync_client_edit (b, "style", style, "description", "from B");   /* later: wins */
  sync_client_quiesce (a);
  sync_client_quiesce (b);
  sync_client_quiesce (a);
  va = field (a, "style", style, "description");
  vb = field (b, "style", style, "description");
  g_assert_cmpstr (va, ==, "from B");
  g_assert_cmpstr (vb, ==, "from B");
  g_assert_cmpint (sync_client_count (a, "SELECT count(*) FROM conflict"), ==, 1);
  g_assert_cmpint (sync_client_count (b, "SELECT count(*) FROM conflict WHERE kind = 'concurrent_write' "
                                         "AND field = 'description' AND status = 'open'"), ==, 1);
  loser = sync_client_query (b, "SELECT loser_value FROM conflict");
  g_assert_cmpstr (loser, ==, "\"from A\"");
  sync_assert_converged (a, b, brand);
  g_assert_no_error (error);
}

/* Deletes win over concurrent edits; a restore brings the row back. */
static void
test_delete_restore (void)
{
  g_autofree char *brand = NULL;
  g_autoptr(SyncUser) user = NULL;
  g_autoptr(SyncClient) a = NULL;
  g_autoptr(SyncClient) b = NULL;
  g_autofree char *style = NULL;
  g_autofree char *deleted = NULL;
  g_autoptr(GError) error = NULL;

  REQUIRE ();
  user = sync_user_new ("admin", "brand:{}", &brand);
  a = sync_client_new (user);
  b = sync_client_new (user);
  style = seed_brand (a, brand);
  sync_client_quiesce (a);
  sync_client_quiesce (b);

  g_assert_true (slv_store_set_deleted (a->store, "style", style, TRUE, &error));
  sync_client_edit (b, "style", style, "name", "Edited while deleted");
  sync_client_quiesce (a);
  sync_client_quiesce (b);
  sync_client_quiesce (a);
  deleted = field (b, "style", style, "deleted");
  g_assert_cmpstr (deleted, ==, "1");
  g_assert_cmpint (sync_client_count (a, "SELECT count(*) FROM conflict WHERE kind = 'edit_on_deleted'"), ==, 1);
  sync_assert_converged (a, b, brand);

  g_assert_true (slv_store_set_deleted (b->store, "style", style, FALSE, &error));
  sync_client_quiesce (b);
  sync_client_quiesce (a);
  g_free (deleted);
  deleted = field (a, "style", style, "deleted");
  g_assert_cmpstr (deleted, ==, "0");
  sync_assert_converged (a, b, brand);
}

/* A stale sync_client_edit (its base is not the current value) of a deleted row:
 * both the overwrite and the edit on the deleted row are logged, and every
 * client agrees. (This also reproduces a server leak that shows under
 * -Db_sanitize=address: the op's conflict id is set twice in
 * slv-server-push-apply.c, conflict_loser_current then conflict_loser_op.) */
static void
test_stale_edit_on_deleted (void)
{
  g_autofree char *brand = NULL;
  g_autoptr(SyncUser) user = NULL;
  g_autoptr(SyncClient) a = NULL;
  g_autoptr(SyncClient) b = NULL;
  g_autoptr(SyncClient) c = NULL;
  g_autofree char *style = NULL;
  g_autofree char *deleted = NULL;
  g_autoptr(GError) error = NULL;

  REQUIRE ();
  user = sync_user_new ("admin", "brand:{}", &brand);
  a = sync_client_new (user);
  b = sync_client_new (user);
  c = sync_client_new (user);
  style = seed_brand (a, brand);
  sync_client_quiesce (a);
  sync_client_quiesce (b);
  sync_client_quiesce (c);
  sync_client_edit (a, "style", style, "name", "A renames it");
  sync_client_quiesce (a);
  g_assert_true (slv_store_set_deleted (c->store, "style", style, TRUE, &error));
  sync_client_quiesce (c);
  sync_client_edit (b, "style", style, "name", "B, not knowing either");
  sync_client_quiesce (b);
  sync_client_quiesce (a);
  sync_client_quiesce (c);
  deleted = field (b, "style", style, "deleted");
  g_assert_cmpstr (deleted, ==, "1");
  g_assert_cmpint (sync_client_count (a, "SELECT count(*) FROM conflict WHERE kind = 'edit_on_deleted'"), ==, 1);
  sync_assert_converged (a, b, brand);
  sync_assert_converged (a, c, brand);
}

/* Without a sign-in the engine says so and keeps the changes. */
static void
test_signed_out (void)
{
  g_autofree char *dir = slv_test_make_tmpdir ("slv-sync-out");
  g_autofree char *path = g_build_filename (dir, "W.selvedge", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvStore) store = slv_store_open (path, SLV_STORE_OPEN_CREATE, &error);
  g_autofree char *tokens = g_build_filename (dir, "tokens", NULL);
  g_autoptr(SlvTokenStore) ts = slv_token_store_new_file (tokens);
  g_autoptr(SlvSyncEngine) engine = slv_sync_engine_new (store, ts, &error);
  SyncClient fake = { dir, path, store, engine, NULL, 0 };

  g_assert_no_error (error);
  g_assert_true (slv_store_insert (store, "brand", NULL, &error, "code", "X", "name", "X", NULL));
  g_assert_cmpint (slv_sync_engine_get_status (engine), ==, SLV_SYNC_STATUS_SIGNED_OUT);
  g_assert_false (sync_client_sync (&fake, NULL, &error));
  g_assert_error (error, SLV_SYNC_ENGINE_ERROR, SLV_SYNC_ENGINE_ERROR_SIGNED_OUT);
  g_assert_cmpint (slv_store_count_outbox (store), >, 0);
  g_clear_object (&engine);
  g_clear_object (&store);
  slv_test_rm_rf (dir);
}

typedef struct
{
  gboolean      done;
  GAsyncResult *result;
} Wait;

static void
done_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Wait *w = user_data;

  w->result = g_object_ref (result);
  w->done = TRUE;
}

static void
wait_for (Wait *w)
{
  while (!w->done)
    g_main_context_iteration (NULL, TRUE);
}

/* A real sign-in keeps the refresh token in the token store; sign-out
 * revokes it and keeps every local change. */
static void
test_sign_in_out (void)
{
  g_autofree char *brand = NULL;
  g_autoptr(SyncUser) user = NULL;
  g_autofree char *dir = slv_test_make_tmpdir ("slv-sync-signin");
  g_autofree char *path = g_build_filename (dir, "W.selvedge", NULL);
  g_autofree char *tokens = g_build_filename (dir, "tokens", NULL);
  g_autoptr(SlvTokenStore) ts = slv_token_store_new_file (tokens);
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvStore) store = NULL;
  g_autoptr(SlvSyncEngine) engine = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *text = NULL;
  g_autofree char *server = NULL;
  SyncClient me = { dir, path, NULL, NULL, NULL, 0, NULL };
  Wait w = { FALSE, NULL };
  gint64 pending;

  REQUIRE ();
  user = sync_user_new ("admin", "brand:{}", &brand);
  store = slv_store_open (path, SLV_STORE_OPEN_CREATE, &error);
  engine = slv_sync_engine_new (store, ts, &error);
  g_assert_no_error (error);
  slv_sync_engine_sign_in_async (engine, slv_env.url, user->email, "wrong password", NULL, done_cb, &w);
  wait_for (&w);
  g_assert_false (slv_sync_engine_sign_in_finish (engine, w.result, &error));
  g_assert_error (error, SLV_SYNC_HTTP_ERROR, SLV_SYNC_HTTP_ERROR_SIGN_IN);
  g_clear_error (&error);
  g_clear_object (&w.result);
  w.done = FALSE;
  slv_sync_engine_sign_in_async (engine, slv_env.url, user->email, SLV_PASSWORD, NULL, done_cb, &w);
  wait_for (&w);
  g_assert_true (slv_sync_engine_sign_in_finish (engine, w.result, &error));
  g_assert_no_error (error);
  g_clear_object (&w.result);
  g_assert_cmpstr (slv_sync_engine_get_email (engine), ==, user->email);
  saved = slv_token_store_load (ts, slv_sync_engine_get_server_url (engine), slv_store_get_path (store), &error);
  g_assert_nonnull (saved);
  server = g_strdup (slv_sync_engine_get_server_url (engine));

  g_assert_true (slv_store_insert (store, "brand", NULL, &error, "id", brand, "code", "S", "name", "Signed", NULL));
  me.store = store;
  me.engine = engine;
  g_assert_true (sync_client_sync (&me, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (slv_store_update_field (store, "brand", brand, "name", "Kept while signed out", &error));
  pending = slv_store_count_outbox (store);
  g_assert_cmpint (pending, >, 0);

  w.done = FALSE;
  slv_sync_engine_sign_out_async (engine, NULL, done_cb, &w);
  wait_for (&w);
  g_assert_true (slv_sync_engine_sign_out_finish (engine, w.result, &error));
  g_clear_object (&w.result);
  g_assert_cmpint (slv_sync_engine_get_status (engine), ==, SLV_SYNC_STATUS_SIGNED_OUT);
  g_assert_cmpint (slv_store_count_outbox (store), ==, pending);
  text = slv_store_dup_field (store, "brand", brand, "name", &error);
  g_assert_cmpstr (text, ==, "Kept while signed out");
  g_free (saved);
  saved = slv_token_store_load (ts, server, slv_store_get_path (store), NULL);
  g_assert_null (saved);
  g_assert_false (sync_client_sync (&me, NULL, &error));
  g_assert_error (error, SLV_SYNC_ENGINE_ERROR, SLV_SYNC_ENGINE_ERROR_SIGNED_OUT);
  g_clear_pointer (&me.read_db, sqlite3_close);
  g_clear_object (&engine);
  g_clear_object (&store);
  slv_test_rm_rf (dir);
}

int
main (int argc, char *argv[])
{
  int rc;

  sync_test_prepare ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  sync_env_setup ();
  g_test_add_func ("/sync/client/round-trip", test_round_trip);
  g_test_add_func ("/sync/client/conflict", test_conflict);
  g_test_add_func ("/sync/client/row-ops", test_row_ops);
  g_test_add_func ("/sync/client/large-outbox", test_large_outbox);
  g_test_add_func ("/sync/client/review-threads", test_review_threads);
  g_test_add_func ("/sync/client/delete-restore", test_delete_restore);
  g_test_add_func ("/sync/client/stale-edit-on-deleted", test_stale_edit_on_deleted);
  g_test_add_func ("/sync/client/signed-out", test_signed_out);
  g_test_add_func ("/sync/client/sign-in-out", test_sign_in_out);
  rc = g_test_run ();
  sync_env_teardown ();
  return rc;
}
