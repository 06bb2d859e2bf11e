/* test-import-search.c: imported records are found by search, at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Imports index the rows of each chunk in bulk (the full-text triggers are
 * deferred while they write). Search must find new and changed records
 * exactly as if every row had gone through the triggers, in every chunk
 * and across a key seen twice in one chunk; undo and later edits keep the
 * index current; the index stays consistent with its table.
 */
#include "config.h"

#include <sqlite3.h>

#include "import-test-util.h"
#include "slv-test-util.h"
#include "core/slv-material.h"
#include "store/slv-repo.h"

static guint
found (ImportFixture *f,
       const char    *words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) list = slv_repo_list (f->store, SLV_TYPE_MATERIAL, words, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (G_LIST_MODEL (list));
}

/* FTS5's own check of the index against its stored rows. */
static void
assert_index_consistent (ImportFixture *f)
{
  g_autofree char *db_path = g_build_filename (f->path, "workspace.db", NULL);
  sqlite3 *db = NULL;
  char *message = NULL;
  int rc;

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  rc = sqlite3_exec (db, "INSERT INTO material_fts (material_fts) VALUES ('integrity-check');"
                         "INSERT INTO cost_rate_fts (cost_rate_fts) VALUES ('integrity-check');",
                     NULL, NULL, &message);
  g_assert_cmpstr (message, ==, NULL);
  g_assert_cmpint (rc, ==, SQLITE_OK);
  sqlite3_close (db);
  /* One index row per record, none left over. */
  g_assert_cmpint (import_query_int (f, "SELECT count(*) FROM material_fts"), ==,
                   import_query_int (f, "SELECT count(*) FROM material"));
}

static void
test_triggers_deferrable (ImportFixture *f,
                          gconstpointer  data)
{
  g_assert_cmpint (import_query_int (f, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND "
                                        "name GLOB '*_fts_a[iu]' AND sql LIKE '%slv_fts_deferred%'"), ==, 4);
}

static void
test_search_after_import (ImportFixture *f,
                          gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (f->dir, "m.csv", NULL);
  g_autofree char *renamed = g_build_filename (f->dir, "renamed.csv", NULL);
  g_autoptr(SlvImportMapping) m = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvEntity) edited = NULL;
  g_autofree char *first = NULL, *second = NULL;
  SlvImportCounts c;

  /* Five rows, chunks of two, and a key seen twice in the second chunk. */
  import_write_file (csv, "MATNR;MAKTX;MEINS;STPRS\n"
                          "FTS-001;Quillon fleece navy;KG;12,50\n"
                          "FTS-002;Quillon fleece grey;KG;12,50\n"
                          "FTS-003;Zorvane knit;KG;9,80\n"
                          "FTS-003;Zorvane knit organic;KG;9,90\n"
                          "FTS-004;Café crêpelle;M;4,10\n");
  m = import_propose (f, csv, "materials");
  slv_import_mapping_set_decimal_comma (m, TRUE);
  g_assert_cmpint (import_run (f, csv, m, 2, &c, &first, NULL), ==, SLV_JOB_DONE);
  g_assert_cmpuint (c.inserted, ==, 4);
  g_assert_cmpuint (found (f, "quillon fleece"), ==, 2);
  g_assert_cmpuint (found (f, "zorvane organic"), ==, 1);
  g_assert_cmpuint (found (f, "crepelle"), ==, 1);
  g_assert_cmpuint (found (f, "FTS"), ==, 4);
  assert_index_consistent (f);

  /* Changed names are found by the new words only. */
  import_write_file (renamed, "MATNR;MAKTX\nFTS-001;Vellomire loopback\n");
  g_clear_object (&m);
  m = import_propose (f, renamed, "materials");
  g_assert_cmpint (import_run (f, renamed, m, 0, &c, &second, NULL), ==, SLV_JOB_DONE);
  g_assert_cmpuint (c.updated, ==, 1);
  g_assert_cmpuint (found (f, "vellomire"), ==, 1);
  g_assert_cmpuint (found (f, "quillon"), ==, 1);
  assert_index_consistent (f);

  /* An edit outside an import goes through the triggers again. */
  edited = slv_repo_find_by_code (f->store, SLV_TYPE_MATERIAL, "FTS-004", &error);
  g_assert_no_error (error);
  g_assert_true (slv_store_update_field (f->store, "material", slv_entity_get_id (edited), "name",
                                         "Seersuckerine stripe", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (found (f, "seersuckerine"), ==, 1);
  g_assert_cmpuint (found (f, "crepelle"), ==, 0);

  /* Undoing the rename brings the old words back; undoing the first
   * import leaves nothing of it to find. */
  g_assert_cmpint (import_undo (f, second, NULL), ==, SLV_JOB_DONE);
  g_assert_cmpuint (found (f, "quillon"), ==, 2);
  g_assert_cmpuint (found (f, "vellomire"), ==, 0);
  g_assert_cmpint (import_undo (f, first, NULL), ==, SLV_JOB_DONE);
  g_assert_cmpuint (found (f, "FTS"), ==, 0);
  assert_index_consistent (f);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
#define ADD(path, func) \
  g_test_add (path, ImportFixture, NULL, import_fixture_setup, func, import_fixture_teardown)
  ADD ("/services/import/search/triggers", test_triggers_deferrable);
  ADD ("/services/import/search/after-import", test_search_after_import);
#undef ADD
  return g_test_run ();
}
