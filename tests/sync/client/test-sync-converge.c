/* test-sync-converge.c: invariant 1 (convergence) with an oracle.
 *
 * Seeded random scenarios: 2–6 client workspaces edit offline (field
 * edits, transactions, field groups, creates, deletes, restores) and sync
 * in random order, some rounds running concurrently; then every client
 * syncs until quiet. All clients' synced tables and field clocks must be
 * identical, equal to the server's state, and equal to the oracle: per
 * field, the value with the greatest clock among the ops the server
 * accepted. The seed of a failing scenario is printed; rerun it with
 * SELVEDGE_SYNC_SEED=<seed> SELVEDGE_SYNC_SCENARIOS=1.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "core/slv-uuid.h"
#include "sync-test-util.h"

/* A sanitised run is ten times slower: the test users' access tokens (15
 * minutes) would expire before 1,000 scenarios are through. */
#if defined(__SANITIZE_ADDRESS__)
#define DEFAULT_SCENARIOS 100
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define DEFAULT_SCENARIOS 100
#endif
#endif
#ifndef DEFAULT_SCENARIOS
#define DEFAULT_SCENARIOS 1000
#endif

#define MAX_CLIENTS 6

typedef struct _Worker Worker;

typedef struct
{
  Worker      *worker;
  guint64      seed;
  GRand       *rand;
  char        *brand;
  SyncClient  *clients[MAX_CLIENTS];
  guint        n;
  GHashTable  *oracle;     /* "table/row/field" → "hlc value" */
  guint        step;
} Scenario;

/* A worker runs scenarios one after another with its own user and client
 * workspaces, on its own main context; workers run side by side. Client
 * workspaces live across scenarios: each scenario works in a new brand and
 * the user's grant moves there, so the first pull of a scenario also
 * removes the previous brand's bucket from every workspace. */
struct _Worker
{
  SyncUser   *user;
  SyncClient *slots[MAX_CLIENTS];
  Scenario   *current;
  guint64     first_seed;
  guint       count;
  guint       stride;
};

/* The oracle: the greatest-clock accepted op of every field. */
static void
pushed_cb (SlvSyncEngine       *engine,
           SlvSyncPushRequest  *request,
           SlvSyncPushResponse *response,
           gpointer             user_data)
{
  Worker *worker = user_data;
  Scenario *sc = worker->current;

  for (guint i = 0; i < request->ops->len; i++)
    {
      SlvSyncOp *op = g_ptr_array_index (request->ops, i);
      SlvSyncOpResult *r = slv_sync_push_response_find (response, op->op_id);
      g_autofree char *key = NULL;
      g_autofree char *value = NULL;
      const char *old;

      g_assert_nonnull (r);
      if (r->status != SLV_SYNC_OP_APPLIED && r->status != SLV_SYNC_OP_APPLIED_ON_DELETED &&
          r->status != SLV_SYNC_OP_DUPLICATE)
        {
          if (r->status != SLV_SYNC_OP_SUPERSEDED)
            g_error ("seed %" G_GUINT64_FORMAT ": op %s.%s refused: %s %s", sc->seed, op->table, op->field,
                     slv_sync_op_status_to_string (r->status), r->detail ? r->detail : "");
          continue;
        }
      key = g_strdup_printf ("%s/%s/%s", op->table, op->row, op->field);
      value = sync_canonical_json (op->value);
      old = g_hash_table_lookup (sc->oracle, key);
      if (old == NULL || strncmp (op->hlc, old, SLV_HLC_TEXT_LEN) > 0)
        g_hash_table_insert (sc->oracle, g_steal_pointer (&key), g_strdup_printf ("%s %s", op->hlc, value));
    }
}

static SyncClient *
add_client (Scenario *sc)
{
  Worker *w = sc->worker;
  guint i = sc->n++;

  if (w->slots[i] == NULL)
    {
      w->slots[i] = sync_client_new (w->user);
      g_signal_connect (w->slots[i]->engine, "pushed", G_CALLBACK (pushed_cb), w);
    }
  sc->clients[i] = w->slots[i];
  return w->slots[i];
}

static void
check (Scenario   *sc,
       gboolean    ok,
       GError    **error,
       const char *what)
{
  /* @error is read only after @ok was computed: the callee fills it. */
  if (!ok)
    g_error ("seed %" G_GUINT64_FORMAT ", step %u: %s: %s", sc->seed, sc->step, what,
             *error ? (*error)->message : "failed");
}

typedef struct
{
  guint    left;
  Scenario *sc;
} Together;

static void
together_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Together *t = user_data;
  g_autoptr(GError) error = NULL;

  if (!slv_sync_engine_sync_finish (SLV_SYNC_ENGINE (source), result, NULL, &error))
    g_error ("seed %" G_GUINT64_FORMAT ": a concurrent round failed: %s", t->sc->seed, error->message);
  t->left--;
}

/* Runs rounds of several clients at once on the main loop. */
static void
sync_together (Scenario *sc,
               guint     count)
{
  Together t = { 0, sc };
  gboolean chosen[MAX_CLIENTS] = { FALSE };

  for (guint i = 0; i < count; i++)
    {
      guint k = g_rand_int_range (sc->rand, 0, sc->n);

      if (chosen[k])
        continue;
      chosen[k] = TRUE;
      t.left++;
      slv_sync_engine_sync_async (sc->clients[k]->engine, NULL, together_cb, &t);
    }
  while (t.left > 0)
    g_main_context_iteration (g_main_context_get_thread_default (), TRUE);
}

/* Ids of a client's rows of @table (any state), or NULL. */
static char *
pick_row (Scenario   *sc,
          SyncClient *c,
          const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s ORDER BY id LIMIT 1 OFFSET "
                                          "(abs (%d) %% max (1, (SELECT count(*) FROM %s)))",
                                          table, g_rand_int_range (sc->rand, 0, 1 << 20), table);

  return sync_client_query (c, sql);
}

static void
insert (Scenario    *sc,
        SyncClient  *c,
        const char  *table,
        char       **out_id,
        ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cols = g_ptr_array_new ();
  g_autoptr(GPtrArray) vals = g_ptr_array_new ();
  va_list ap;

  va_start (ap, out_id);
  for (const char *col = va_arg (ap, const char *); col != NULL; col = va_arg (ap, const char *))
    {
      g_ptr_array_add (cols, (gpointer) col);
      g_ptr_array_add (vals, va_arg (ap, char *));
    }
  va_end (ap);
  g_ptr_array_add (cols, NULL);
  g_ptr_array_add (vals, NULL);
  check (sc, slv_store_insertv (c->store, table, (const char * const *) cols->pdata,
                                (const char * const *) vals->pdata, out_id, &error), &error, table);
}

static void
seed_data (Scenario *sc)
{
  SyncClient *c = sc->clients[0];
  g_autofree char *season = NULL;
  g_autofree char *collection = NULL;
  g_autofree char *board = NULL;

  insert (sc, c, "brand", NULL, "id", sc->brand, "code", "NL", "name", "Northloom", NULL);
  insert (sc, c, "season", &season, "brand_id", sc->brand, "code", "SS27", "name", "Spring", NULL);
  insert (sc, c, "collection", &collection, "brand_id", sc->brand, "season_id", season, "name", "Coast", NULL);
  insert (sc, c, "style", NULL, "brand_id", sc->brand, "collection_id", collection, "code", "S1", "name", "Tee", NULL);
  insert (sc, c, "style", NULL, "brand_id", sc->brand, "collection_id", collection, "code", "S2", "name", "Polo", NULL);
  insert (sc, c, "material", NULL, "brand_id", sc->brand, "code", "M1", "name", "Jersey", "kind", "fabric",
          "unit", "KG", "price", "4.20", NULL);
  insert (sc, c, "board", &board, "brand_id", sc->brand, "name", "Mood", NULL);
  insert (sc, c, "board_item", NULL, "brand_id", sc->brand, "board_id", board, "kind", "note", "z", "a0",
          "text", "hello", NULL);
}

typedef struct
{
  Scenario   *sc;
  SyncClient *c;
  guint       edits;
} TxData;

static void
edit_one (Scenario   *sc,
          SyncClient *c,
          GError    **error,
          gboolean   *ok)
{
  static const char * const statuses[] = { "concept", "design", "sampling", "costing", "approved" };
  g_autofree char *value = NULL;
  g_autofree char *id = NULL;
  const char *table, *column;

  switch (g_rand_int_range (sc->rand, 0, 7))
    {
    case 0:
      table = "style", column = "name";
      value = g_strdup_printf ("name %u", g_rand_int_range (sc->rand, 0, 1000));
      break;
    case 1:
      table = "style", column = "status";
      value = g_strdup (statuses[g_rand_int_range (sc->rand, 0, G_N_ELEMENTS (statuses))]);
      break;
    case 2:
      table = "board_item", column = "x";   /* a field group: the whole geometry travels */
      value = g_strdup_printf ("%d.5", g_rand_int_range (sc->rand, -500, 500));
      break;
    case 3:
      table = "board_item", column = "text";
      value = g_strdup_printf ("note %u", g_rand_int_range (sc->rand, 0, 1000));
      break;
    case 4:
      table = "material", column = "price";  /* group with price_unit and currency */
      value = g_strdup_printf ("%d.%02d", g_rand_int_range (sc->rand, 1, 20), g_rand_int_range (sc->rand, 0, 99));
      break;
    case 5:
      table = "collection", column = "theme";
      value = g_rand_boolean (sc->rand) ? g_strdup_printf ("theme %u", g_rand_int (sc->rand)) : NULL;
      break;
    default:
      table = "board_item", column = "locked";
      value = g_strdup (g_rand_boolean (sc->rand) ? "1" : "0");
      break;
    }
  id = pick_row (sc, c, table);
  if (id != NULL && *ok)
    *ok = slv_store_update_field (c->store, table, id, column, value, error);
}

static gboolean
edits_tx (SlvStore  *store,
          gpointer   data,
          GError   **error)
{
  TxData *tx = data;
  gboolean ok = TRUE;

  for (guint i = 0; i < tx->edits; i++)
    edit_one (tx->sc, tx->c, error, &ok);
  return ok;
}

static void
create_row (Scenario   *sc,
            SyncClient *c)
{
  g_autofree char *collection = pick_row (sc, c, "collection");
  g_autofree char *board = pick_row (sc, c, "board");
  g_autofree char *code = g_strdup_printf ("C%u", g_rand_int (sc->rand));

  if (g_rand_boolean (sc->rand) && collection != NULL)
    insert (sc, c, "style", NULL, "brand_id", sc->brand, "collection_id", collection, "code", code,
            "name", "New style", NULL);
  else if (board != NULL)
    insert (sc, c, "board_item", NULL, "brand_id", sc->brand, "board_id", board, "kind", "shape", "z", "a1",
            "x", "10", "w", "20", NULL);
}

static void
set_deleted (Scenario   *sc,
             SyncClient *c,
             gboolean    deleted)
{
  static const char * const tables[] = { "style", "board_item", "material" };
  const char *table = tables[g_rand_int_range (sc->rand, 0, G_N_ELEMENTS (tables))];
  g_autofree char *id = pick_row (sc, c, table);
  g_autoptr(GError) error = NULL;

  if (id != NULL)
    check (sc, slv_store_set_deleted (c->store, table, id, deleted, &error), &error, "delete");
}

static void
random_step (Scenario *sc)
{
  SyncClient *c = sc->clients[g_rand_int_range (sc->rand, 0, sc->n)];
  guint roll = g_rand_int_range (sc->rand, 0, 100);
  g_autoptr(GError) error = NULL;

  sc->step++;
  if (roll < 55)
    {
      TxData tx = { sc, c, g_rand_int_range (sc->rand, 1, 4) };

      check (sc, slv_store_transaction (c->store, edits_tx, &tx, &error), &error, "edit");
    }
  else if (roll < 65)
    create_row (sc, c);
  else if (roll < 73)
    set_deleted (sc, c, TRUE);
  else if (roll < 80)
    set_deleted (sc, c, FALSE);
  else
    sync_together (sc, g_rand_int_range (sc->rand, 1, 4));
}

static void
quiesce_all (Scenario *sc)
{
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < sc->n; i++)
      {
        g_autoptr(GError) error = NULL;
        SlvSyncSummary s = { 0 };

        check (sc, sync_client_sync (sc->clients[i], &s, &error), &error, "quiesce");
        if (pass == 1 && (s.pushed > 0 || s.pending > 0))
          g_error ("seed %" G_GUINT64_FORMAT ": client %u still had %u changes to send", sc->seed, i, s.pushed);
      }
}

/* Server fields of tables the clients write (the conflict log is the
 * server's own) against the oracle. */
static void
check_oracle (Scenario   *sc,
              GHashTable *server)
{
  g_autoptr(GHashTable) written = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, server);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_str_has_prefix (key, "conflict/"))
      g_hash_table_insert (written, key, value);
  sync_assert_same_dump (written, "server", sc->oracle, "oracle", sc->seed);
}

static void
run_scenario (Worker  *worker,
              guint64  seed)
{
  Scenario sc = { worker, seed, g_rand_new_with_seed ((guint32) (seed ^ (seed >> 32))) };
  g_autofree char *scope = NULL;
  guint roll = g_rand_int_range (sc.rand, 0, 100);
  guint n = roll < 55 ? 2 : roll < 80 ? 3 : roll < 92 ? 4 : g_rand_int_range (sc.rand, 5, MAX_CLIENTS + 1);
  guint steps = g_rand_int_range (sc.rand, 3, 9);
  g_autoptr(GHashTable) first = NULL;
  g_autoptr(GHashTable) server = NULL;

  worker->current = &sc;
  sc.brand = slv_uuid_v7_new ();
  sc.oracle = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  scope = g_strdup_printf ("brand:%s", sc.brand);
  sync_user_regrant (worker->user, "admin", scope);
  for (guint i = 0; i < n; i++)
    add_client (&sc);
  seed_data (&sc);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;

      check (&sc, sync_client_sync (sc.clients[i], NULL, &error), &error, "first sync");
    }
  for (guint i = 0; i < steps; i++)
    random_step (&sc);
  quiesce_all (&sc);

  first = sync_client_dump (sc.clients[0]);
  for (guint i = 1; i < sc.n; i++)
    {
      g_autoptr(GHashTable) other = sync_client_dump (sc.clients[i]);
      g_autofree char *name = g_strdup_printf ("client %u", i);

      sync_assert_same_dump (first, "client 0", other, name, seed);
    }
  server = sync_server_dump (sc.brand);
  sync_assert_same_dump (first, "client 0", server, "server", seed);
  check_oracle (&sc, server);

  worker->current = NULL;
  g_hash_table_unref (sc.oracle);
  g_rand_free (sc.rand);
  g_free (sc.brand);
}

static gpointer
worker_thread (gpointer data)
{
  Worker *w = data;
  g_autoptr(GMainContext) context = g_main_context_new ();

  g_main_context_push_thread_default (context);
  for (guint i = 0; i < w->count; i++)
    run_scenario (w, w->first_seed + (guint64) i * w->stride);
  for (guint i = 0; i < MAX_CLIENTS; i++)
    g_clear_pointer (&w->slots[i], sync_client_free);
  while (g_main_context_iteration (context, FALSE))
    ;
  g_main_context_pop_thread_default (context);
  return NULL;
}

static void
test_converge (void)
{
  const char *env_n = g_getenv ("SELVEDGE_SYNC_SCENARIOS");
  const char *env_seed = g_getenv ("SELVEDGE_SYNC_SEED");
  const char *env_workers = g_getenv ("SELVEDGE_SYNC_WORKERS");
  guint n = env_n ? (guint) g_ascii_strtoull (env_n, NULL, 10) : DEFAULT_SCENARIOS;
  guint n_workers = env_workers ? (guint) g_ascii_strtoull (env_workers, NULL, 10) : 3;
  guint64 base = env_seed ? g_ascii_strtoull (env_seed, NULL, 10)
                          : ((guint64) g_test_rand_int () << 20) ^ (guint64) g_get_real_time ();
  gint64 start = g_get_monotonic_time ();
  g_autofree Worker *workers = NULL;
  g_autofree GThread **threads = NULL;

  SLV_REQUIRE_SERVER ();
  n_workers = CLAMP (n_workers, 1, MAX (n, 1));
  workers = g_new0 (Worker, n_workers);
  threads = g_new0 (GThread *, n_workers);
  g_test_message ("%u scenarios from seed %" G_GUINT64_FORMAT " on %u workers", n, base, n_workers);
  for (guint i = 0; i < n_workers; i++)
    {
      workers[i].user = sync_user_new ("admin", "brand:{}", NULL);
      workers[i].first_seed = base + i;
      workers[i].stride = n_workers;
      workers[i].count = n / n_workers + (i < n % n_workers ? 1 : 0);
    }
  for (guint i = 0; i < n_workers; i++)
    threads[i] = g_thread_new ("scenarios", worker_thread, &workers[i]);
  for (guint i = 0; i < n_workers; i++)
    {
      g_thread_join (threads[i]);
      sync_user_free (workers[i].user);
    }
  g_test_message ("%u scenarios from seed %" G_GUINT64_FORMAT " in %.1f s", n, base,
                  (g_get_monotonic_time () - start) / 1e6);
}

int
main (int argc, char *argv[])
{
  int rc;

  sync_test_prepare ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  sync_env_setup ();
  g_test_add_func ("/sync/client/converge", test_converge);
  rc = g_test_run ();
  sync_env_teardown ();
  return rc;
}
