/* sync-test-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "core/slv-uuid.h"
#include "slv-test-util.h"
#include "sync-test-util.h"
#include "sync/slv-sync.h"

static char *template_dir;
static GMutex pg_lock;     /* slv_env.db is one connection: one user at a time */
static char *template_db;

static gint64
client_wall_cb (gpointer user_data)
{
  SyncClient *client = user_data;

  return g_get_real_time () / 1000 + client->offset_ms;
}

void
sync_test_prepare (void)
{
  /* loopback only: no desktop proxy settings to look up */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  /* workspaces and the cluster on tmpfs when there is one: the tests make
   * many small synchronous commits */
  if (g_getenv ("TMPDIR") == NULL && g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR) && access ("/dev/shm", W_OK) == 0)
    g_setenv ("TMPDIR", "/dev/shm", TRUE);
}

gboolean
sync_env_setup (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvStore) store = NULL;
  g_autofree char *path = NULL;

  if (!slv_server_test_env_setup (NULL, NULL))
    return FALSE;
  template_dir = slv_test_make_tmpdir ("slv-sync-template");
  path = g_build_filename (template_dir, "Template.selvedge", NULL);
  store = slv_store_open (path, SLV_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  template_db = g_build_filename (path, "workspace.db", NULL);
  return TRUE;
}

void
sync_env_teardown (void)
{
  if (template_dir != NULL)
    slv_test_rm_rf (template_dir);
  g_clear_pointer (&template_dir, g_free);
  g_clear_pointer (&template_db, g_free);
  if (slv_env.server != NULL)
    slv_server_test_env_teardown ();
}

SyncUser *
sync_user_new (const char  *role,
               const char  *scope,
               char       **brand)
{
  SyncUser *user = g_new0 (SyncUser, 1);
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&pg_lock);
  g_autofree char *brand_id = slv_uuid_v7_new ();
  g_auto(GStrv) parts = scope ? g_strsplit (scope, "{}", -1) : NULL;
  g_autofree char *real_scope = parts ? g_strjoinv (brand_id, parts) : NULL;
  g_autoptr(SlvTestClient) tc = NULL;
  g_autoptr(GString) grants = g_string_new ("[");

  user->email = slv_env_user (role, real_scope);
  tc = slv_env_client (user->email);
  user->user_id = g_strdup (tc->user_id);
  user->access_token = g_strdup (tc->access_token);
  user->refresh_token = g_strdup (tc->refresh_token);
  if (role != NULL)
    g_string_append_printf (grants, "{\"role\":\"%s\",\"scope\":\"%s\"}", role, real_scope);
  g_string_append_c (grants, ']');
  user->grants = g_string_free (g_steal_pointer (&grants), FALSE);
  if (brand != NULL)
    *brand = g_steal_pointer (&brand_id);
  return user;
}

void
sync_user_free (SyncUser *user)
{
  if (user == NULL)
    return;
  g_free (user->email);
  g_free (user->user_id);
  g_free (user->access_token);
  g_free (user->refresh_token);
  g_free (user->grants);
  g_free (user);
}

void
sync_user_regrant (SyncUser   *user,
                   const char *role,
                   const char *scope)
{
  g_autoptr(GString) grants = g_string_new ("[");
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&pg_lock);

  g_assert_cmpint (slv_test_db_count (slv_env.db, "WITH d AS (DELETE FROM auth_grant WHERE user_id = $1 RETURNING 1) "
                                                  "SELECT count(*) FROM d", user->user_id, NULL), >=, 0);
  if (role != NULL)
    {
      g_assert_cmpint (slv_test_db_count (slv_env.db, "WITH i AS (INSERT INTO auth_grant (user_id, role, scope) "
                                                      "VALUES ($1, $2, $3) RETURNING 1) SELECT count(*) FROM i",
                                          user->user_id, role, scope, NULL), ==, 1);
      g_string_append_printf (grants, "{\"role\":\"%s\",\"scope\":\"%s\"}", role, scope);
    }
  g_string_append_c (grants, ']');
  g_free (user->grants);
  user->grants = g_string_free (g_steal_pointer (&grants), FALSE);
}

static void
open_client (SyncClient *client)
{
  g_autoptr(GError) error = NULL;

  client->store = slv_store_open (client->path, SLV_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  slv_store_set_wall_clock (client->store, client_wall_cb, client);
  client->engine = slv_sync_engine_new (client->store, NULL, &error);
  g_assert_no_error (error);
  slv_sync_store_set_wall_clock (slv_sync_engine_get_sync_store (client->engine), client_wall_cb, client);
  slv_sync_engine_set_backoff (client->engine, 10, 200);
  g_assert_true (slv_sync_engine_set_sign_in (client->engine, slv_env.url, client->user->access_token, NULL,
                                              client->user->user_id, client->user->email, client->user->grants,
                                              &error));
  g_assert_no_error (error);
}

SyncClient *
sync_client_new (SyncUser *user)
{
  SyncClient *client = g_new0 (SyncClient, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *db = NULL;
  g_autofree char *bytes = NULL;
  gsize len = 0;

  client->user = user;
  client->dir = slv_test_make_tmpdir ("slv-sync-client");
  client->path = g_build_filename (client->dir, "Client.selvedge", NULL);
  g_assert_cmpint (g_mkdir_with_parents (client->path, 0750), ==, 0);
  db = g_build_filename (client->path, "workspace.db", NULL);
  g_assert_true (g_file_get_contents (template_db, &bytes, &len, NULL));
  g_assert_true (g_file_set_contents (db, bytes, len, NULL));
  open_client (client);
  g_assert_true (slv_sync_store_new_node (slv_sync_engine_get_sync_store (client->engine), &error));
  g_assert_no_error (error);
  return client;
}

void
sync_client_reopen (SyncClient *client)
{
  g_clear_pointer (&client->read_db, sqlite3_close);
  g_clear_object (&client->engine);
  g_clear_object (&client->store);
  open_client (client);
}

void
sync_client_free (SyncClient *client)
{
  if (client == NULL)
    return;
  g_clear_pointer (&client->read_db, sqlite3_close);
  g_clear_object (&client->engine);
  g_clear_object (&client->store);
  if (g_getenv ("SELVEDGE_KEEP_TMP") == NULL)
    slv_test_rm_rf (client->dir);
  g_free (client->dir);
  g_free (client->path);
  g_free (client);
}

typedef struct
{
  gboolean        done;
  gboolean        ok;
  SlvSyncSummary  summary;
  GError         *error;
} RoundWait;

static void
round_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  RoundWait *w = user_data;

  w->ok = slv_sync_engine_sync_finish (SLV_SYNC_ENGINE (source), result, &w->summary, &w->error);
  w->done = TRUE;
}

gboolean
sync_client_sync (SyncClient      *client,
                  SlvSyncSummary  *summary,
                  GError         **error)
{
  RoundWait w = { 0 };
  gint64 start = g_get_monotonic_time ();

  slv_sync_engine_sync_async (client->engine, NULL, round_cb, &w);
  while (!w.done)
    g_main_context_iteration (g_main_context_get_thread_default (), TRUE);
  if (g_getenv ("SELVEDGE_SYNC_TIMING") != NULL)
    g_printerr ("round: %.1f ms (pushed %u, pulled %u, pages %u)\n", (g_get_monotonic_time () - start) / 1e3,
                w.summary.pushed, w.summary.pulled, w.summary.pages);
  if (summary != NULL)
    *summary = w.summary;
  if (!w.ok)
    g_propagate_error (error, w.error);
  return w.ok;
}

void
sync_client_quiesce (SyncClient *client)
{
  for (int i = 0; i < 20; i++)
    {
      g_autoptr(GError) error = NULL;
      SlvSyncSummary s = { 0 };

      if (!sync_client_sync (client, &s, &error))
        g_error ("sync of %s failed: %s", client->path, error->message);
      if (s.pending == 0 && s.pushed == 0)
        return;
    }
  g_error ("%s did not quiesce", client->path);
}

/* Dumps */

char *
sync_canonical_json (JsonNode *node)
{
  GType type;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("null");
  if (!JSON_NODE_HOLDS_VALUE (node))
    return slv_json_node_to_text (node);
  type = json_node_get_value_type (node);
  if (type == G_TYPE_DOUBLE || type == G_TYPE_INT64)
    {
      double v = type == G_TYPE_DOUBLE ? json_node_get_double (node) : (double) json_node_get_int (node);
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.12g", v));
    }
  return slv_json_node_to_text (node);
}

static char *
canonical_text (const char *json)
{
  g_autoptr(JsonNode) node = slv_json_parse (json, strlen (json), NULL);

  g_assert_nonnull (node);
  return sync_canonical_json (node);
}

static char *
wire_value (const SlvSyncFieldPolicy *field,
            sqlite3_stmt             *stmt,
            int                       col)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_VALUE);
  const char *text;

  switch (sqlite3_column_type (stmt, col))
    {
    case SQLITE_NULL:
      return g_strdup ("null");
    case SQLITE_INTEGER:
      if (field->type == SLV_SYNC_TYPE_BOOLEAN)
        return g_strdup (sqlite3_column_int (stmt, col) ? "true" : "false");
      json_node_set_int (node, sqlite3_column_int64 (stmt, col));
      return sync_canonical_json (node);
    case SQLITE_FLOAT:
      json_node_set_double (node, sqlite3_column_double (stmt, col));
      return sync_canonical_json (node);
    default:
      text = (const char *) sqlite3_column_text (stmt, col);
      if (field->type == SLV_SYNC_TYPE_ANY)
        return canonical_text (text);
      if (field->type == SLV_SYNC_TYPE_BLOB_REF)
        {
          g_autofree char *ref = g_strconcat ("sha256:", text, NULL);

          json_node_set_string (node, ref);
        }
      else
        json_node_set_string (node, text);
      return sync_canonical_json (node);
    }
}

/* A read-only connection of the test's own, kept open (schema parsed once). */
static sqlite3 *
open_db (SyncClient *client)
{
  g_autofree char *path = g_build_filename (client->path, "workspace.db", NULL);

  if (client->read_db == NULL)
    {
      g_assert_cmpint (sqlite3_open_v2 (path, &client->read_db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
      sqlite3_busy_timeout (client->read_db, 10000);
    }
  return client->read_db;
}

static void
dump_table (sqlite3                  *db,
            const SlvSyncTablePolicy *table,
            GHashTable               *out)
{
  g_autoptr(GString) sql = g_string_new ("SELECT t.id");
  sqlite3_stmt *stmt = NULL;

  for (guint i = 0; i < table->n_fields; i++)
    /* the field's clock, or its row's for a row captured as one op */
    g_string_append_printf (sql, ", t.%s, (SELECT max (hlc) FROM sync_clock c WHERE c.tbl = '%s' AND c.row_id = t.id "
                            "AND c.field IN ('%s', '*'))", table->fields[i].name, table->name, table->fields[i].name);
  g_string_append_printf (sql, " FROM %s t", table->name);
  if (sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL) != SQLITE_OK)
    return;   /* a table (or field) this workspace does not have */
  while (sqlite3_step (stmt) == SQLITE_ROW)
    for (guint i = 0; i < table->n_fields; i++)
      {
        const char *hlc = (const char *) sqlite3_column_text (stmt, 2 + 2 * i);
        g_autofree char *value = wire_value (&table->fields[i], stmt, 1 + 2 * i);

        g_hash_table_insert (out, g_strdup_printf ("%s/%s/%s", table->name, sqlite3_column_text (stmt, 0),
                                                   table->fields[i].name),
                             g_strdup_printf ("%s %s", hlc ? hlc : "-", value));
      }
  sqlite3_finalize (stmt);
}

GHashTable *
sync_client_dump (SyncClient *client)
{
  GHashTable *out = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3 *db = open_db (client);
  int level = slv_store_get_schema_level (client->store);

  for (guint i = 0; i < slv_sync_policy_get_n_tables (); i++)
    if (slv_sync_policy_get_table (i)->introduced_in <= level)
      dump_table (db, slv_sync_policy_get_table (i), out);
  return out;
}

GHashTable *
sync_server_dump (const char *brand)
{
  GHashTable *out = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *b1 = g_strdup_printf ("brand:%s", brand);
  g_autofree char *b2 = g_strdup_printf ("brand:%s:costing", brand);
  g_autofree char *b3 = g_strdup_printf ("supplier:%s:%%", brand);
  const char *params[] = { b1, b2, b3 };
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&pg_lock);
  PGresult *res = PQexecParams (slv_env.db,
                                "SELECT tbl, row_id::text, field, coalesce (value::text, 'null'), hlc FROM sync_field "
                                "WHERE bucket = $1 OR bucket = $2 OR bucket LIKE $3", 3, NULL, params, NULL, NULL, 0);

  g_assert_cmpint (PQresultStatus (res), ==, PGRES_TUPLES_OK);
  for (int i = 0; i < PQntuples (res); i++)
    {
      g_autofree char *value = canonical_text (PQgetvalue (res, i, 3));

      g_hash_table_insert (out, g_strdup_printf ("%s/%s/%s", PQgetvalue (res, i, 0), PQgetvalue (res, i, 1),
                                                 PQgetvalue (res, i, 2)),
                           g_strdup_printf ("%s %s", PQgetvalue (res, i, 4), value));
    }
  PQclear (res);
  return out;
}

void
sync_assert_same_dump (GHashTable *a,
                       const char *a_name,
                       GHashTable *b,
                       const char *b_name,
                       guint64     seed)
{
  GHashTableIter iter;
  gpointer key, value;
  guint diffs = 0;

  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *other = g_hash_table_lookup (b, key);

      if (g_strcmp0 (value, other) != 0 && diffs++ < 10)
        g_printerr ("  %s: %s has “%s”, %s has “%s”\n", (char *) key, a_name, (char *) value, b_name,
                    other ? other : "(nothing)");
    }
  g_hash_table_iter_init (&iter, b);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (a, key) && diffs++ < 10)
      g_printerr ("  %s: %s has nothing, %s has “%s”\n", (char *) key, a_name, b_name, (char *) value);
  if (diffs > 0)
    g_error ("%s and %s differ in %u fields (seed %" G_GUINT64_FORMAT ")", a_name, b_name, diffs, seed);
}

char *
sync_client_query (SyncClient *client,
                   const char *sql)
{
  sqlite3 *db = open_db (client);
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

gint64
sync_client_count (SyncClient *client,
                   const char *sql)
{
  g_autofree char *v = sync_client_query (client, sql);

  return v ? g_ascii_strtoll (v, NULL, 10) : -1;
}

void
sync_assert_converged (SyncClient *a,
                       SyncClient *b,
                       const char *brand)
{
  g_autoptr(GHashTable) da = sync_client_dump (a);
  g_autoptr(GHashTable) db = sync_client_dump (b);
  g_autoptr(GHashTable) ds = sync_server_dump (brand);

  sync_assert_same_dump (da, "A", db, "B", 0);
  sync_assert_same_dump (da, "A", ds, "server", 0);
}

void
sync_client_edit (SyncClient *c,
                  const char *table,
                  const char *id,
                  const char *column,
                  const char *value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (slv_store_update_field (c->store, table, id, column, value, &error));
  g_assert_no_error (error);
}
