/* test-store.c: opening, migrations, transactions, refusal of newer files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "slv-test-util.h"
#include "store/slv-store.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = slv_test_make_tmpdir ("slv-store");
  f->path = g_build_filename (f->dir, "Test.selvedge", NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  slv_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static void
test_create_and_reopen (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvStore) store = slv_store_open (f->path, SLV_STORE_OPEN_CREATE, &error);
  g_autofree char *blobs = g_build_filename (f->path, "blobs", NULL);
  g_autofree char *cache = g_build_filename (f->path, "cache", NULL);

  g_assert_no_error (error);
  g_assert_cmpint (slv_store_get_schema_level (store), ==, slv_store_get_latest_schema_level ());
  g_assert_cmpint (slv_store_get_schema_level (store), >=, 1);
  g_assert_cmpstr (slv_store_get_name (store), ==, "Test");
  g_assert_true (g_file_test (blobs, G_FILE_TEST_IS_DIR));
  g_assert_true (g_file_test (cache, G_FILE_TEST_IS_DIR));
  g_assert_true (slv_store_path_is_workspace (f->path));
  g_assert_true (slv_store_set_meta (store, "user", "Ayesha", &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  store = slv_store_open (f->path, SLV_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  {
    g_autofree char *user = slv_store_dup_meta (store, "user");

    g_assert_cmpstr (user, ==, "Ayesha");
  }
  g_assert_true (slv_store_check_integrity (store, &error));
  g_assert_no_error (error);
}

static void
test_open_missing_creates_nothing (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvStore) store = slv_store_open (f->path, SLV_STORE_OPEN_DEFAULT, &error);

  g_assert_null (store);
  g_assert_error (error, SLV_STORE_ERROR, SLV_STORE_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* An existing folder without a database is not a workspace, and stays as it was. */
  g_assert_cmpint (g_mkdir (f->path, 0700), ==, 0);
  store = slv_store_open (f->path, SLV_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, SLV_STORE_ERROR, SLV_STORE_ERROR_NOT_A_WORKSPACE);
  g_assert_false (slv_store_path_is_workspace (f->path));
}

static void
test_not_a_database (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = g_build_filename (f->path, "workspace.db", NULL);
  g_autoptr(SlvStore) store = NULL;

  g_assert_cmpint (g_mkdir (f->path, 0700), ==, 0);
  g_assert_true (g_file_set_contents (db, "this is not sqlite, just text that is long enough "
                                          "to fill a header and more bytes here", -1, NULL));
  store = slv_store_open (f->path, SLV_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, SLV_STORE_ERROR, SLV_STORE_ERROR_NOT_A_WORKSPACE);
}

static void
test_refuses_newer (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvStore) store = slv_store_open (f->path, SLV_STORE_OPEN_CREATE, &error);
  g_autofree char *db_path = g_build_filename (f->path, "workspace.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;
  sqlite3 *db = NULL;
  int future = slv_store_get_latest_schema_level () + 1;
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", future);

  g_assert_no_error (error);
  g_clear_object (&store);

  /* Another (newer) Selvedge raised the level; fold the WAL into the file. */
  g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  g_assert_true (g_file_get_contents (db_path, &before, &before_len, NULL));
  store = slv_store_open (f->path, SLV_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, SLV_STORE_ERROR, SLV_STORE_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "newer version"));
  g_assert_true (g_file_get_contents (db_path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
}

static gboolean
insert_two_then_fail (SlvStore  *store,
                      gpointer   user_data,
                      GError   **error)
{
  if (!slv_store_insert (store, "brand", NULL, error, "code", "A", "name", "Alpha", NULL) ||
      !slv_store_insert (store, "brand", NULL, error, "code", "B", "name", "Beta", NULL))
    return FALSE;
  g_set_error (error, SLV_STORE_ERROR, SLV_STORE_ERROR_INVALID, "deliberate failure");
  return FALSE;
}

static gboolean
insert_one (SlvStore  *store,
            gpointer   user_data,
            GError   **error)
{
  return slv_store_insert (store, "brand", NULL, error, "code", "C", "name", "Gamma", NULL);
}

static void
test_transaction_rollback (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvStore) store = slv_store_open (f->path, SLV_STORE_OPEN_CREATE, &error);
  g_autoptr(GHashTable) counts = NULL;

  g_assert_no_error (error);
  g_assert_false (slv_store_transaction (store, insert_two_then_fail, NULL, &error));
  g_assert_error (error, SLV_STORE_ERROR, SLV_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (slv_store_transaction (store, insert_one, NULL, &error));
  g_assert_no_error (error);

  counts = slv_store_count_rows (store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (counts, "brand")), ==, 1);
}

static void
test_constraints (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvStore) store = slv_store_open (f->path, SLV_STORE_OPEN_CREATE, &error);
  g_autofree char *brand = NULL;
  g_autofree char *season = NULL;
  g_autofree char *name = NULL;

  g_assert_no_error (error);
  /* foreign keys are enforced */
  g_assert_false (slv_store_insert (store, "season", NULL, &error, "brand_id", "nope",
                                    "code", "SS27", "name", "Spring", NULL));
  g_assert_error (error, SLV_STORE_ERROR, SLV_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  /* unknown columns are refused before any SQL is built */
  g_assert_false (slv_store_insert (store, "brand", NULL, &error, "code; DROP TABLE brand", "x", NULL));
  g_assert_error (error, SLV_STORE_ERROR, SLV_STORE_ERROR_INVALID);
  g_clear_error (&error);
  /* STRICT tables refuse text in integer columns */
  g_assert_true (slv_store_insert (store, "brand", &brand, &error, "code", "NL", "name", "Northloom", NULL));
  g_assert_false (slv_store_insert (store, "supplier", NULL, &error, "brand_id", brand, "code", "S",
                                    "name", "S", "kind", "mill", "lead_time_days", "soon", NULL));
  g_assert_error (error, SLV_STORE_ERROR, SLV_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  g_assert_true (slv_store_insert (store, "season", &season, &error, "brand_id", brand,
                                   "code", "SS27", "name", "Spring", NULL));
  g_assert_true (slv_store_update_field (store, "season", season, "name", "Spring/Summer 2027", &error));
  g_assert_no_error (error);
  name = slv_store_dup_field (store, "season", season, "name", &error);
  g_assert_cmpstr (name, ==, "Spring/Summer 2027");
  g_assert_false (slv_store_update_field (store, "season", season, "id", "x", &error));
  g_assert_error (error, SLV_STORE_ERROR, SLV_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (slv_store_update_field (store, "season", "missing", "name", "x", &error));
  g_assert_error (error, SLV_STORE_ERROR, SLV_STORE_ERROR_NOT_FOUND);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/store/open/create-and-reopen", test_create_and_reopen);
  ADD ("/store/open/missing-creates-nothing", test_open_missing_creates_nothing);
  ADD ("/store/open/not-a-database", test_not_a_database);
  ADD ("/store/open/refuses-newer", test_refuses_newer);
  ADD ("/store/transaction/rollback", test_transaction_rollback);
  ADD ("/store/write/constraints", test_constraints);
#undef ADD
  return g_test_run ();
}
