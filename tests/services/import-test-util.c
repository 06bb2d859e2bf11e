/* import-test-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "import-test-util.h"
#include "slv-test-util.h"
#include "services/slv-demo.h"

void
import_fixture_setup (ImportFixture *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = slv_test_make_tmpdir ("slv-import");
  f->path = g_build_filename (f->dir, "Test.selvedge", NULL);
  f->store = slv_demo_create (f->path, &error);
  g_assert_no_error (error);
}

void
import_fixture_teardown (ImportFixture *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (slv_store_check_integrity (f->store, &error));
  g_assert_no_error (error);
  g_clear_object (&f->store);
  slv_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

SlvImportMapping *
import_propose (ImportFixture *f,
                const char    *file,
                const char    *target)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvImport) import = slv_import_new (f->store, file);

  g_assert_true (slv_import_inspect (import, &error));
  g_assert_no_error (error);
  g_assert_true (slv_import_set_target (import, target, &error));
  g_assert_no_error (error);
  return slv_import_mapping_copy (slv_import_get_mapping (import));
}

SlvJobState
import_run (ImportFixture    *f,
            const char       *file,
            SlvImportMapping *mapping,
            guint             chunk_rows,
            SlvImportCounts  *counts,
            char            **batch_id,
            char            **message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvJobQueue) queue = slv_job_queue_new (f->store, 2);
  g_autoptr(SlvJob) job = NULL;

  slv_import_jobs_register (queue);
  job = slv_import_job_submit (queue, file, mapping, NULL, chunk_rows, &error);
  g_assert_no_error (error);
  slv_job_queue_wait (queue, job);
  if (counts != NULL)
    slv_import_result_parse (slv_job_get_result (job), batch_id, counts);
  if (message != NULL)
    *message = g_strdup (slv_job_get_message (job));
  return slv_job_get_state (job);
}

SlvJobState
import_undo (ImportFixture  *f,
             const char     *batch_id,
             char          **message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvJobQueue) queue = slv_job_queue_new (f->store, 1);
  g_autoptr(SlvJob) job = NULL;

  slv_import_jobs_register (queue);
  job = slv_import_undo_submit (queue, batch_id, &error);
  g_assert_no_error (error);
  slv_job_queue_wait (queue, job);
  if (message != NULL)
    *message = g_strdup (slv_job_get_message (job));
  return slv_job_get_state (job);
}

static sqlite3 *
open_db (ImportFixture *f)
{
  g_autofree char *db_path = g_build_filename (f->path, "workspace.db", NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  return db;
}

gint64
import_query_int (ImportFixture *f,
                  const char    *sql)
{
  sqlite3 *db = open_db (f);
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

char *
import_query_text (ImportFixture *f,
                   const char    *sql)
{
  sqlite3 *db = open_db (f);
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

char *
import_query_sum (ImportFixture *f,
                  const char    *sql)
{
  sqlite3 *db = open_db (f);
  sqlite3_stmt *stmt = NULL;
  gint64 units = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, 0);
      const char *dot;
      gint64 frac = 0;
      int digits = 0;

      if (text == NULL)
        continue;
      dot = strchr (text, '.');
      if (dot != NULL)
        for (const char *p = dot + 1; *p && digits < 6; p++, digits++)
          frac = frac * 10 + (*p - '0');
      for (; digits < 6; digits++)
        frac *= 10;
      units += g_ascii_strtoll (text, NULL, 10) * 1000000 + (*text == '-' ? -frac : frac);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_strdup_printf ("%s%" G_GINT64_FORMAT ".%06" G_GINT64_FORMAT, units < 0 ? "-" : "",
                          ABS (units) / 1000000, ABS (units) % 1000000);
}

void
import_write_file (const char *path,
                   const char *text)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_no_error (error);
}
