/* test-jobs.c: bad files leave nothing behind; cancel, stop, resume, roll back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <string.h>

#include "import-test-util.h"
#include "slv-test-util.h"
#include "services/slv-import-batch.h"
#include "store/slv-job-store.h"

#define LIVE_MATERIALS "SELECT count(*) FROM material WHERE deleted = 0"
/* Large enough that a stop after 2,000 rows lands mid-import (80 chunks of
 * 500), small enough for sanitised runs: every field is captured for sync. */
#define BIG_ROWS 40000

/* A material master of @rows rows; @extra (or NULL) replaces row @bad_row. */
static char *
write_materials (const char *dir,
                 const char *name,
                 guint       rows,
                 guint       bad_row,
                 const char *bad)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GString) text = g_string_new ("MATNR;MAKTX;MEINS;STPRS;WAERS\n");

  for (guint i = 0; i < rows; i++)
    {
      if (bad != NULL && i == bad_row)
        g_string_append (text, bad);
      else
        g_string_append_printf (text, "%010u;Material %u;KG;%u,%02u;EUR\n", 500000000 + i, i, i % 50, i % 100);
    }
  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));
  return g_steal_pointer (&path);
}

static SlvImportMapping *
materials_mapping (void)
{
  static const char * const headers[] = { "MATNR", "MAKTX", "MEINS", "STPRS", "WAERS", NULL };
  SlvImportMapping *m = slv_import_mapping_new ("materials");

  slv_import_mapping_propose (m, headers);
  slv_import_mapping_set_delimiter (m, ';');
  slv_import_mapping_set_decimal_comma (m, TRUE);
  slv_import_mapping_set_encoding (m, SLV_ENCODING_UTF8);
  return m;
}

/* -- hostile files -- */

static char *
write_zip (const char  *dir,
           const char  *name,
           const char  *sheet,
           guint        bomb_rows)
{
  static const char *parts[][2] = {
    { "[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>" },
    { "_rels/.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                     "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>" },
    { "xl/workbook.xml", "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                         "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
                         "<sheet name=\"Data\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>" },
    { "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                                    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>" },
  };
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GString) body = g_string_new ("<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                                          "<row><c t=\"inlineStr\"><is><t>MATNR</t></is></c><c t=\"inlineStr\"><is><t>MAKTX</t></is></c>"
                                          "<c t=\"inlineStr\"><is><t>MEINS</t></is></c></row>");
  struct archive *a = archive_write_new ();
  struct archive_entry *e;

  for (guint i = 0; i < bomb_rows; i++)
    g_string_append_printf (body, "<row><c t=\"inlineStr\"><is><t>%010u</t></is></c><c t=\"inlineStr\"><is><t>Bomb</t>"
                                  "</is></c><c t=\"inlineStr\"><is><t>KG</t></is></c></row>", 700000000 + i % 10);
  g_string_append (body, sheet ? sheet : "</sheetData></worksheet>");
  archive_write_set_format_zip (a);
  archive_write_open_filename (a, path);
  for (guint i = 0; i < G_N_ELEMENTS (parts) + 1; i++)
    {
      const char *entry = i < G_N_ELEMENTS (parts) ? parts[i][0] : "xl/worksheets/sheet1.xml";
      const char *data = i < G_N_ELEMENTS (parts) ? parts[i][1] : body->str;

      e = archive_entry_new ();
      archive_entry_set_pathname (e, entry);
      archive_entry_set_filetype (e, AE_IFREG);
      archive_entry_set_perm (e, 0644);
      archive_entry_set_size (e, strlen (data));
      archive_write_header (a, e);
      archive_write_data (a, data, strlen (data));
      archive_entry_free (e);
    }
  archive_write_close (a);
  archive_write_free (a);
  return g_steal_pointer (&path);
}

static void
expect_failure (ImportFixture    *f,
                const char       *file,
                SlvImportMapping *mapping,
                const char       *message_part)
{
  gint64 live = import_query_int (f, LIVE_MATERIALS);
  g_autofree char *message = NULL;
  g_autofree char *state = NULL;

  g_assert_cmpint (import_run (f, file, mapping, 500, NULL, NULL, &message), ==, SLV_JOB_FAILED);
  g_test_message ("%s", message);
  g_assert_nonnull (strstr (message, message_part));
  /* Nothing of it is left, even the chunks that had committed. */
  g_assert_cmpint (import_query_int (f, LIVE_MATERIALS), ==, live);
  g_assert_cmpint (import_query_int (f, "SELECT count(*) FROM import_change"), ==, 0);
  state = import_query_text (f, "SELECT state FROM import_batch ORDER BY created_at DESC LIMIT 1");
  g_assert_cmpstr (state, ==, "rolled_back");
}

static void
test_hostile_files (ImportFixture *f,
                    gconstpointer  data)
{
  g_autoptr(SlvImportMapping) m = materials_mapping ();
  g_autoptr(SlvImportMapping) x = slv_import_mapping_new ("materials");
  static const char * const xheaders[] = { "MATNR", "MAKTX", "MEINS", NULL };
  g_autofree char *bad_utf8 = write_materials (f->dir, "1252.csv", 3000, 2500, "0000000001;Caf\xe9;KG;1,00;EUR\n");
  g_autofree char *nul = write_materials (f->dir, "nul.csv", 3000, 2200, "0000000002;A@B;KG;1,00;EUR\n");
  g_autofree char *long_line = NULL;
  g_autofree char *truncated = NULL;
  g_autofree char *bomb = write_zip (f->dir, "bomb.xlsx", NULL, 400000);
  g_autofree char *bad_xml = write_zip (f->dir, "bad.xlsx", "<row><c><v>1</row></sheetData></worksheet>", 2000);

  slv_import_mapping_propose (x, xheaders);

  /* A NUL byte in the middle of row 2202. */
  {
    g_autofree char *contents = NULL;
    gsize len;

    g_assert_true (g_file_get_contents (nul, &contents, &len, NULL));
    *strchr (contents, '@') = '\0';
    g_assert_true (g_file_set_contents (nul, contents, len, NULL));
  }
  {
    g_autofree char *big = g_malloc (10 * 1024 * 1024 + 64);

    memset (big, 'x', 10 * 1024 * 1024);
    strcpy (big + 10 * 1024 * 1024, ";KG;1,00;EUR\n");
    long_line = write_materials (f->dir, "long.csv", 3000, 2000, big);
  }
  {
    g_autofree char *contents = NULL;
    gsize len;

    truncated = g_build_filename (f->dir, "truncated.xlsx", NULL);
    g_assert_true (g_file_get_contents (bad_xml, &contents, &len, NULL));
    g_assert_true (g_file_set_contents (truncated, contents, len * 2 / 3, NULL));
  }

  expect_failure (f, bad_utf8, m, "Line 2502 is not valid UTF-8");
  expect_failure (f, nul, m, "NUL byte");
  expect_failure (f, long_line, m, "longer than 1024 KB");
  expect_failure (f, truncated, x, "damaged");
  expect_failure (f, bomb, x, "ZIP bomb");
  expect_failure (f, bad_xml, x, "not well-formed XML");
  g_assert_cmpint (import_query_int (f, "SELECT count(*) FROM import_batch"), ==, 6);
}

/* -- stopping jobs -- */

typedef struct
{
  SlvJobQueue *queue;
  guint64      after;
  gboolean     shutdown;
} Stopper;

static void
stop_cb (SlvJob     *job,
         GParamSpec *pspec,
         gpointer    user_data)
{
  Stopper *s = user_data;

  if (s->after == 0 || (guint64) slv_job_get_done (job) < s->after)
    return;
  s->after = 0;
  if (s->shutdown)
    slv_job_queue_shutdown (s->queue);
  else
    slv_job_cancel (job);
}

static SlvJob *
start_and_stop (ImportFixture *f,
                const char    *file,
                gboolean       shutdown)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvJobQueue) queue = slv_job_queue_new (f->store, 1);
  g_autoptr(SlvImportMapping) m = materials_mapping ();
  SlvJob *job;
  Stopper s = { queue, 2000, shutdown };

  slv_import_jobs_register (queue);
  job = slv_import_job_submit (queue, file, m, NULL, 500, &error);
  g_assert_no_error (error);
  g_signal_connect (job, "notify::done", G_CALLBACK (stop_cb), &s);
  slv_job_queue_wait (queue, job);
  g_signal_handlers_disconnect_by_func (job, stop_cb, &s);
  g_assert_cmpuint (s.after, ==, 0);
  return job;
}

static void
test_cancel (ImportFixture *f,
             gconstpointer  data)
{
  g_autofree char *file = write_materials (f->dir, "big.csv", BIG_ROWS, 0, NULL);
  gint64 live = import_query_int (f, LIVE_MATERIALS);
  g_autoptr(SlvJob) job = start_and_stop (f, file, FALSE);

  g_assert_cmpint (slv_job_get_state (job), ==, SLV_JOB_CANCELLED);
  g_assert_cmpint (import_query_int (f, LIVE_MATERIALS), ==, live);
}

static void
test_stop_and_resume (ImportFixture *f,
                      gconstpointer  data)
{
  g_autofree char *file = write_materials (f->dir, "big.csv", BIG_ROWS, 0, NULL);
  gint64 live = import_query_int (f, LIVE_MATERIALS);
  g_autoptr(SlvJob) job = start_and_stop (f, file, TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvJobQueue) queue = NULL;
  g_autofree char *id = g_strdup (slv_job_get_id (job));
  gint64 partial;
  SlvJob *again;
  SlvImportCounts c;

  /* Stopped at a chunk boundary: whole chunks only, resumable. */
  g_assert_cmpint (slv_job_get_state (job), ==, SLV_JOB_INTERRUPTED);
  partial = import_query_int (f, LIVE_MATERIALS) - live;
  g_assert_cmpint (partial, >, 0);
  g_assert_cmpint (partial % 500, ==, 0);
  g_assert_cmpint (partial, <, BIG_ROWS);

  queue = slv_job_queue_new (f->store, 1);
  slv_import_jobs_register (queue);
  g_assert_cmpuint (slv_job_queue_recover (queue, &error), ==, 1);
  g_assert_no_error (error);
  g_assert_true (slv_job_queue_resume (queue, id, &error));
  g_assert_no_error (error);
  again = slv_job_queue_find (queue, id);
  slv_job_queue_wait (queue, again);
  g_assert_cmpint (slv_job_get_state (again), ==, SLV_JOB_DONE);
  slv_import_result_parse (slv_job_get_result (again), NULL, &c);
  g_assert_cmpuint (c.rows, ==, BIG_ROWS);
  g_assert_cmpuint (c.inserted, ==, BIG_ROWS);
  g_assert_cmpint (import_query_int (f, LIVE_MATERIALS), ==, live + BIG_ROWS);
  /* Nothing is left to recover. */
  g_assert_cmpuint (slv_job_queue_recover (queue, &error), ==, 0);
}

static void
test_stop_and_roll_back (ImportFixture *f,
                         gconstpointer  data)
{
  g_autofree char *file = write_materials (f->dir, "big.csv", BIG_ROWS, 0, NULL);
  gint64 live = import_query_int (f, LIVE_MATERIALS);
  g_autoptr(SlvJob) job = start_and_stop (f, file, TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvJobQueue) queue = slv_job_queue_new (f->store, 1);
  SlvJob *again;

  slv_import_jobs_register (queue);
  g_assert_cmpint (slv_job_get_state (job), ==, SLV_JOB_INTERRUPTED);
  g_assert_cmpint (import_query_int (f, LIVE_MATERIALS), >, live);
  /* Roll back through the queue's recovery (the job is not in its model yet). */
  g_assert_true (slv_job_queue_rollback (queue, slv_job_get_id (job), &error));
  g_assert_no_error (error);
  again = slv_job_queue_find (queue, slv_job_get_id (job));
  slv_job_queue_wait (queue, again);
  g_assert_cmpint (slv_job_get_state (again), ==, SLV_JOB_ROLLED_BACK);
  g_assert_cmpint (import_query_int (f, LIVE_MATERIALS), ==, live);
  /* A rolled-back job cannot be resumed. */
  g_assert_false (slv_job_queue_resume (queue, slv_job_get_id (job), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
}

static void
test_changed_file (ImportFixture *f,
                   gconstpointer  data)
{
  g_autofree char *file = write_materials (f->dir, "big.csv", BIG_ROWS, 0, NULL);
  gint64 live = import_query_int (f, LIVE_MATERIALS);
  g_autoptr(SlvJob) job = start_and_stop (f, file, TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvJobQueue) queue = slv_job_queue_new (f->store, 1);
  g_autofree char *changed = write_materials (f->dir, "big.csv", BIG_ROWS - 1000, 0, NULL);
  SlvJob *again;

  /* The file changed under an interrupted import: resuming refuses and undoes. */
  slv_import_jobs_register (queue);
  g_assert_true (slv_job_queue_resume (queue, slv_job_get_id (job), &error));
  again = slv_job_queue_find (queue, slv_job_get_id (job));
  slv_job_queue_wait (queue, again);
  g_assert_cmpint (slv_job_get_state (again), ==, SLV_JOB_FAILED);
  g_assert_nonnull (strstr (slv_job_get_message (again), "changed since the import started"));
  g_assert_cmpint (import_query_int (f, LIVE_MATERIALS), ==, live);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, ImportFixture, NULL, import_fixture_setup, func, import_fixture_teardown)
  ADD ("/services/jobs/hostile-files", test_hostile_files);
  ADD ("/services/jobs/cancel", test_cancel);
  ADD ("/services/jobs/stop-and-resume", test_stop_and_resume);
  ADD ("/services/jobs/stop-and-roll-back", test_stop_and_roll_back);
  ADD ("/services/jobs/changed-file", test_changed_file);
#undef ADD

  return g_test_run ();
}
