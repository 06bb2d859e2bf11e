/* test-capture.c: change capture for sync (SYNC-PROTOCOL.md §14).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "slv-test-util.h"
#include "store/slv-capture.h"
#include "store/slv-store.h"
#include "sync/slv-sync-policy.h"

typedef struct
{
  char     *dir;
  char     *path;
  SlvStore *store;
  sqlite3  *db;       /* a second connection, for reading */
  gint64    wall_ms;  /* the injected wall clock */
} Fixture;

static gint64
wall_cb (gpointer user_data)
{
  return ((Fixture *) user_data)->wall_ms;
}

static void
open_store (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  f->store = slv_store_open (f->path, SLV_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  slv_store_set_wall_clock (f->store, wall_cb, f);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *db_path = NULL;

  f->dir = slv_test_make_tmpdir ("slv-capture");
  f->path = g_build_filename (f->dir, "Test.selvedge", NULL);
  f->wall_ms = G_GINT64_CONSTANT (1767225600000);   /* 2026-01-01 */
  open_store (f);
  db_path = g_build_filename (f->path, "workspace.db", NULL);
  g_assert_cmpint (sqlite3_open (db_path, &f->db), ==, SQLITE_OK);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  sqlite3_close (f->db);
  g_clear_object (&f->store);
  slv_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static char *
scalar (Fixture    *f,
        const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (f->db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

static gint64
count (Fixture    *f,
       const char *sql)
{
  g_autofree char *v = scalar (f, sql);

  return v ? g_ascii_strtoll (v, NULL, 10) : -1;
}

static char *
make_brand (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  char *id = NULL;

  g_assert_true (slv_store_insert (f->store, "brand", &id, &error, "code", "NL", "name", "Northloom", NULL));
  g_assert_no_error (error);
  return id;
}

static char *
make_item (Fixture    *f,
           const char *brand)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *board = NULL;
  char *item = NULL;

  g_assert_true (slv_store_insert (f->store, "board", &board, &error, "brand_id", brand, "name", "SS27", NULL));
  g_assert_true (slv_store_insert (f->store, "board_item", &item, &error, "brand_id", brand, "board_id", board,
                                   "kind", "note", "z", "a0", "text", "hello", NULL));
  g_assert_no_error (error);
  return item;
}

/* An insert writes one op per synced column, all with one stamp, plus the
 * field clocks and the row's bucket. */
static void
test_insert (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *brand = make_brand (f);
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM sync_outbox WHERE row_id = '%s'", brand);
  g_autofree char *bucket = NULL;
  g_autofree char *name = NULL;
  const SlvSyncTablePolicy *policy = slv_sync_policy_lookup_table ("brand");
  g_autofree char *expected = g_strdup_printf ("brand:%s", brand);

  g_assert_cmpint (count (f, sql), ==, policy->n_fields);
  g_assert_cmpint (count (f, "SELECT count(DISTINCT hlc) FROM sync_outbox"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM sync_outbox WHERE hlc <> tx_hlc OR base_hlc IS NOT NULL"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM sync_clock c JOIN sync_outbox o USING (tbl, row_id, field) "
                             "WHERE c.hlc = o.hlc"), ==, policy->n_fields);
  bucket = scalar (f, "SELECT bucket FROM sync_row WHERE tbl = 'brand'");
  g_assert_cmpstr (bucket, ==, expected);
  name = scalar (f, "SELECT value FROM sync_outbox WHERE field = 'name'");
  g_assert_cmpstr (name, ==, "\"Northloom\"");
  /* the persisted clock is the transaction's stamp */
  g_assert_cmpint (count (f, "SELECT count(*) FROM sync_state s JOIN sync_outbox o ON o.hlc = s.hlc"), ==,
                   policy->n_fields);
}

/* Wire forms: booleans, reals, blob references. */
static void
test_values (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *brand = make_brand (f);
  g_autofree char *item = make_item (f, brand);
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = g_strnfill (64, 'a');
  g_autofree char *v = NULL;
  g_autofree char *ref = g_strdup_printf ("\"sha256:%s\"", hash);

  g_assert_true (slv_store_update_field (f->store, "board_item", item, "locked", "1", &error));
  g_assert_true (slv_store_update_field (f->store, "board_item", item, "opacity", "0.5", &error));
  g_assert_true (slv_store_update_field (f->store, "board_item", item, "blob", hash, &error));
  g_assert_no_error (error);
  v = scalar (f, "SELECT value FROM sync_outbox WHERE field = 'locked'");
  g_assert_cmpstr (v, ==, "true");
  g_free (v);
  v = scalar (f, "SELECT value FROM sync_outbox WHERE field = 'opacity'");
  g_assert_cmpstr (v, ==, "0.5");
  g_free (v);
  v = scalar (f, "SELECT value FROM sync_outbox WHERE field = 'blob'");
  g_assert_cmpstr (v, ==, ref);
  g_free (v);
  v = scalar (f, "SELECT value FROM sync_outbox WHERE field = 'group_id'");
  g_assert_cmpstr (v, ==, "null");
}

/* A field edited again before it is sent keeps one op: the first base,
 * the newest value and stamp. */
static void
test_coalesce (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *brand = make_brand (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *hlc = NULL;
  g_autofree char *value = NULL;

  first = scalar (f, "SELECT hlc FROM sync_outbox WHERE field = 'name'");
  f->wall_ms += 1000;
  g_assert_true (slv_store_update_field (f->store, "brand", brand, "name", "Northloom Ltd", &error));
  f->wall_ms += 1000;
  g_assert_true (slv_store_update_field (f->store, "brand", brand, "name", "Northloom Group", &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM sync_outbox WHERE field = 'name'"), ==, 1);
  value = scalar (f, "SELECT value FROM sync_outbox WHERE field = 'name'");
  g_assert_cmpstr (value, ==, "\"Northloom Group\"");
  hlc = scalar (f, "SELECT hlc FROM sync_outbox WHERE field = 'name'");
  g_assert_cmpstr (hlc, >, first);
  g_assert_cmpint (count (f, "SELECT count(*) FROM sync_outbox WHERE field = 'name' AND base_hlc IS NULL "
                             "AND tx_hlc < hlc"), ==, 1);
  /* the same value again is no change */
  g_assert_true (slv_store_update_field (f->store, "brand", brand, "name", "Northloom Group", &error));
  g_assert_cmpint (count (f, "SELECT count(*) FROM sync_outbox"), ==,
                   slv_sync_policy_lookup_table ("brand")->n_fields);
  /* once in a batch, an op is never changed: the next edit is a new op
   * whose base is the batched stamp */
  g_assert_cmpint (sqlite3_exec (f->db, "INSERT INTO sync_batch (batch_id, created_at) VALUES ('b', 0);"
                                 "UPDATE sync_outbox SET batch_id = 'b'", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (slv_store_update_field (f->store, "brand", brand, "name", "Northloom", &error));
  g_assert_cmpint (count (f, "SELECT count(*) FROM sync_outbox WHERE field = 'name'"), ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM sync_outbox n JOIN sync_outbox b ON b.field = n.field "
                             "AND b.batch_id = 'b' AND n.batch_id IS NULL AND n.base_hlc = b.hlc"), ==, 1);
}

static gboolean
two_edits_cb (SlvStore  *store,
              gpointer   user_data,
              GError   **error)
{
  const char *brand = user_data;

  return slv_store_update_field (store, "brand", brand, "name", "One", error) &&
         slv_store_update_field (store, "brand", brand, "code", "ONE", error);
}

static gboolean
fail_cb (SlvStore  *store,
         gpointer   user_data,
         GError   **error)
{
  slv_store_update_field (store, "brand", user_data, "name", "Never", NULL);
  g_set_error (error, SLV_STORE_ERROR, SLV_STORE_ERROR_FAILED, "stop");
  return FALSE;
}

/* One stamp per transaction; a rolled-back transaction leaves nothing. */
static void
test_transactions (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *brand = make_brand (f);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (sqlite3_exec (f->db, "DELETE FROM sync_outbox", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (slv_store_transaction (f->store, two_edits_cb, brand, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM sync_outbox"), ==, 2);
  g_assert_cmpint (count (f, "SELECT count(DISTINCT hlc) FROM sync_outbox"), ==, 1);
  g_assert_false (slv_store_transaction (f->store, fail_cb, brand, &error));
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM sync_outbox"), ==, 2);
  /* the wall clock does not move: the counter does */
  g_assert_true (slv_store_update_field (f->store, "brand", brand, "name", "Two", &error));
  g_assert_cmpint (count (f, "SELECT count(DISTINCT hlc) FROM sync_outbox"), ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM sync_outbox a, sync_outbox b "
                             "WHERE a.field = 'code' AND b.field = 'name' AND b.hlc > a.hlc "
                             "AND substr (b.hlc, 1, 24) = substr (a.hlc, 1, 24)"), ==, 1);
}

/* Field groups travel whole: moving an item writes its whole geometry. */
static void
test_groups (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *brand = make_brand (f);
  g_autofree char *item = make_item (f, brand);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (sqlite3_exec (f->db, "DELETE FROM sync_outbox", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (slv_store_update_field (f->store, "board_item", item, "x", "42", &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM sync_outbox WHERE field IN ('x', 'y', 'w', 'h', 'rotation')"),
                   ==, 5);
  g_assert_cmpint (count (f, "SELECT count(*) FROM sync_outbox"), ==, 5);
  g_assert_cmpint (count (f, "SELECT count(DISTINCT hlc) FROM sync_outbox"), ==, 1);
}

/* Off while applying pulls: nothing is captured. */
static void
test_capture_off (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *brand = make_brand (f);
  g_autoptr(GError) error = NULL;
  gint64 before = slv_store_count_outbox (f->store);

  slv_store_set_capturing (f->store, FALSE);
  g_assert_true (slv_store_update_field (f->store, "brand", brand, "name", "Quiet", &error));
  g_assert_cmpint (slv_store_count_outbox (f->store), ==, before);
  slv_store_set_capturing (f->store, TRUE);
  g_assert_true (slv_store_update_field (f->store, "brand", brand, "name", "Loud", &error));
  g_assert_cmpint (slv_store_count_outbox (f->store), ==, before);   /* coalesced */
  g_assert_cmpint (count (f, "SELECT count(*) FROM sync_outbox WHERE value = '\"Loud\"'"), ==, 1);
}

/* Stamps increase across restarts and backward jumps of the wall clock. */
static void
test_monotonic (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *brand = make_brand (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *last = NULL;

  for (int i = 0; i < 40; i++)
    {
      g_autofree char *name = g_strdup_printf ("name %d", i);
      g_autofree char *hlc = NULL;

      if (i % 10 == 5)
        {
          g_clear_object (&f->store);
          open_store (f);
        }
      f->wall_ms += (i % 3 == 0) ? -3600 * 1000 : 7;
      g_assert_true (slv_store_update_field (f->store, "brand", brand, "name", name, &error));
      g_assert_no_error (error);
      hlc = scalar (f, "SELECT hlc FROM sync_state");
      if (last != NULL)
        g_assert_cmpstr (hlc, >, last);
      g_free (last);
      last = g_steal_pointer (&hlc);
    }
}

/* Every synced field of every released table has its trigger. */
static void
test_registry_covered (Fixture       *f,
                       gconstpointer  data)
{
  for (guint i = 0; i < slv_sync_policy_get_n_tables (); i++)
    {
      const SlvSyncTablePolicy *t = slv_sync_policy_get_table (i);
      g_autofree char *sql = NULL;

      if (t->introduced_in > slv_store_get_schema_level (f->store))
        continue;
      for (guint j = 0; j < t->n_fields; j++)
        {
          g_autofree char *has = g_strdup_printf ("SELECT count(*) FROM pragma_table_info ('%s') WHERE name = '%s'",
                                                  t->name, t->fields[j].name);

          if (count (f, has) != 1)
            g_error ("%s.%s is synced but not in the workspace", t->name, t->fields[j].name);
        }
      sql = g_strdup_printf ("SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = '%s' "
                             "AND name LIKE 'slv_cap_%%'", t->name);
      g_assert_cmpint (count (f, sql), >, 1);
    }
  /* reopening keeps the triggers without rebuilding them */
  g_clear_object (&f->store);
  open_store (f);
  g_assert_cmpint (count (f, "SELECT count(*) FROM sqlite_schema WHERE name LIKE 'slv_cap_%'"), >, 100);
}

/* Bulk writes: a new row is one op (field "*") holding all its fields in
 * order, at the end of a gap of one seq per field, with one clock; an edit
 * before it is sent goes into it; tables with picture references keep
 * field ops; with row ops off, inserts are field ops again. */
static void
test_row_ops (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *brand = make_brand (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *material = NULL;
  g_autofree char *value = NULL;
  g_autofree char *first = NULL;
  g_autofree char *hlc = NULL;
  g_autofree char *clock = NULL;
  g_autofree char *item = NULL;
  g_autofree char *other = NULL;
  gint64 n_fields = slv_sync_policy_lookup_table ("material")->n_fields;
  gint64 before = count (f, "SELECT max (seq) FROM sync_outbox");

  slv_store_set_capture_row_ops (f->store, TRUE);
  g_assert_true (slv_store_insert (f->store, "material", &material, &error, "brand_id", brand, "code", "000123",
                                   "name", "Jersey", "kind", "fabric", "unit", "KG", "price", "3.50", NULL));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM sync_outbox WHERE tbl = 'material'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT seq FROM sync_outbox WHERE field = '*'"), ==, before + n_fields);
  g_assert_cmpint (count (f, "SELECT count(*) FROM json_each ((SELECT value FROM sync_outbox WHERE field = '*'))"),
                   ==, n_fields);
  value = scalar (f, "SELECT value ->> 'code' || '|' || (value -> 'price') || '|' || (value -> 'moq') "
                     "FROM sync_outbox WHERE field = '*'");
  g_assert_cmpstr (value, ==, "000123|\"3.50\"|null");
  first = scalar (f, "SELECT hlc FROM sync_outbox WHERE field = '*'");
  g_assert_cmpint (count (f, "SELECT count(*) FROM sync_clock WHERE tbl = 'material'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM sync_row WHERE tbl = 'material'"), ==, 1);

  /* an edit before it is sent: into the row op, the row's clock moves */
  f->wall_ms += 1000;
  g_assert_true (slv_store_update_field (f->store, "material", material, "name", "Jersey 180", &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM sync_outbox WHERE tbl = 'material'"), ==, 1);
  g_free (value);
  value = scalar (f, "SELECT value ->> 'name' FROM sync_outbox WHERE field = '*'");
  g_assert_cmpstr (value, ==, "Jersey 180");
  hlc = scalar (f, "SELECT hlc FROM sync_outbox WHERE field = '*'");
  g_assert_cmpstr (hlc, >, first);
  clock = scalar (f, "SELECT hlc FROM sync_clock WHERE tbl = 'material' AND field = '*'");
  g_assert_cmpstr (clock, ==, hlc);
  g_assert_cmpint (count (f, "SELECT count(*) FROM sync_clock WHERE tbl = 'material'"), ==, 1);

  /* once in a batch, an edit is a field op based on the row's clock */
  g_assert_cmpint (sqlite3_exec (f->db, "INSERT INTO sync_batch (batch_id, created_at) VALUES ('b', 0); "
                                 "UPDATE sync_outbox SET batch_id = 'b'", NULL, NULL, NULL), ==, SQLITE_OK);
  f->wall_ms += 1000;
  g_assert_true (slv_store_update_field (f->store, "material", material, "moq", "500", &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM sync_outbox WHERE field = 'moq' AND batch_id IS NULL "
                             "AND base_hlc = (SELECT hlc FROM sync_clock WHERE field = '*')"), ==, 1);

  /* picture references keep field ops (the item's board is a row op) */
  item = make_item (f, brand);
  g_assert_cmpint (count (f, "SELECT count(*) FROM sync_outbox WHERE tbl = 'board' AND field = '*'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM sync_outbox WHERE tbl = 'board_item' AND field <> '*'"), ==,
                   slv_sync_policy_lookup_table ("board_item")->n_fields);
  /* off again: field ops */
  slv_store_set_capture_row_ops (f->store, FALSE);
  g_assert_true (slv_store_insert (f->store, "material", &other, &error, "brand_id", brand, "code", "000124",
                                   "name", "Rib", "kind", "fabric", "unit", "KG", NULL));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM sync_outbox WHERE tbl = 'material' AND field = '*'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM sync_outbox WHERE tbl = 'material' AND field <> '*' "
                             "AND batch_id IS NULL"), ==, n_fields + 1);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/store/capture/insert", test_insert);
  ADD ("/store/capture/values", test_values);
  ADD ("/store/capture/coalesce", test_coalesce);
  ADD ("/store/capture/transactions", test_transactions);
  ADD ("/store/capture/groups", test_groups);
  ADD ("/store/capture/off", test_capture_off);
  ADD ("/store/capture/monotonic", test_monotonic);
  ADD ("/store/capture/registry", test_registry_covered);
  ADD ("/store/capture/row-ops", test_row_ops);
#undef ADD

  return g_test_run ();
}
