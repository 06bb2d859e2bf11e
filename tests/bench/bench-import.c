/* bench-import.c: a 1,000,000-row material master, imported beside sqlite3 .import.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Generates an SAP-style material CSV (semicolons, decimal commas, leading
 * zeros), imports it into an empty workspace through the job queue
 * (reading, converting, validating, upserting by MATNR, recording the
 * batch and its before-images, full-text indexing), and times
 * `sqlite3 .import` of the same file into a plain table in the same run.
 * Usage: bench-import [ROWS]
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <sys/resource.h>

#include "slv-test-util.h"
#include "services/slv-import-job.h"
#include "services/slv-job-queue.h"

/* CPU seconds (user + system) of this process or of its children. */
static double
cpu_seconds (int who)
{
  struct rusage u;

  getrusage (who, &u);
  return u.ru_utime.tv_sec + u.ru_stime.tv_sec + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

static void
generate (const char *path,
          guint       rows)
{
  static const char *names[] = { "Single jersey", "Interlock", "Piqué", "Rib 1x1", "Fleece", "Poplin",
                                 "Twill", "Button 18L", "Zip 20 cm", "Yarn 30/1 Ne" };
  static const char *units[] = { "KG", "KG", "KG", "KG", "KG", "M", "M", "ST", "ST", "KG" };
  FILE *f = g_fopen (path, "wb");
  g_autoptr(GString) line = g_string_sized_new (256);

  g_assert_nonnull (f);
  fputs ("MATNR;MAKTX;MTART;MATKL;MEINS;BRGEW;NTGEW;GEWEI;STPRS;PEINH;WAERS\n", f);
  for (guint i = 0; i < rows; i++)
    {
      guint k = i % G_N_ELEMENTS (names);

      g_string_printf (line, "%012u;%s %u;%s;MG%02u;%s;%u,%03u;%u,%03u;KG;%u,%02u;%u;EUR\n",
                       100000000 + i, names[k], i, k < 7 ? "ROH" : "VERP", k, units[k],
                       i % 3, i % 1000, i % 2, (i * 7) % 1000, 1 + i % 40, i % 100, k == 7 ? 100 : 1);
      fwrite (line->str, 1, line->len, f);
    }
  fclose (f);
}

static double
time_sqlite_import (const char *dir,
                    const char *csv)
{
  g_autofree char *db = g_build_filename (dir, "plain.db", NULL);
  g_autofree char *commands = g_strdup_printf (".mode csv\n.separator ;\n.import '%s' t\n"
                                               "SELECT count(*) FROM t;\n", csv);
  const char *argv[] = { "sqlite3", db, NULL };
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  gint64 start = g_get_monotonic_time ();

  proc = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (proc, commands, NULL, &out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (proc));
  g_print ("sqlite3 .import: %s", out);
  return (g_get_monotonic_time () - start) / 1e6;
}

/* The floor the workspace schema sets: sqlite3 alone, loading the same
 * file into the material table (its indexes, and its full-text index
 * filled in bulk as an import does) with no checking, no before-images and
 * no batch. The sqlite3 shell lacks the store's slv_fts_deferred(), so the
 * insert trigger is dropped in this throwaway copy instead. */
static double
time_sqlite_into_workspace (const char *dir,
                            const char *csv)
{
  g_autofree char *path = g_build_filename (dir, "Floor.selvedge", NULL);
  g_autofree char *db = g_build_filename (path, "workspace.db", NULL);
  g_autofree char *commands = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autofree char *out = NULL;
  const char *argv[] = { "sqlite3", db, NULL };
  gint64 start;

  {
    g_autoptr(SlvStore) store = slv_store_open (path, SLV_STORE_OPEN_CREATE, &error);

    g_assert_no_error (error);
    g_assert_true (slv_store_insert (store, "brand", NULL, &error, "id", "b", "code", "BN", "name", "Bench",
                                     "base_currency", "EUR", NULL));
  }
  commands = g_strdup_printf ("PRAGMA journal_mode = WAL;\nPRAGMA synchronous = FULL;\nPRAGMA foreign_keys = ON;\n"
                              ".mode csv\n.separator ;\n.import --schema temp '%s' stage\n"
                              "BEGIN;\nDROP TRIGGER material_fts_ai;\nDROP TRIGGER slv_cap_material_ins;\n"
                              "INSERT INTO material (id, created_at, updated_at, brand_id, code, name, kind, sap_type, "
                              "material_group, unit, gross_weight, net_weight, weight_unit, price, price_unit, currency) "
                              "SELECT printf ('%%036d', rowid), '2025', '2025', 'b', MATNR, MAKTX, 'fabric', MTART, "
                              "MATKL, MEINS, replace (BRGEW, ',', '.'), replace (NTGEW, ',', '.'), GEWEI, "
                              "replace (STPRS, ',', '.'), PEINH, WAERS FROM temp.stage;\n"
                              "INSERT INTO material_fts (rowid, row_id, code, name, composition, construction, kind, "
                              "supplier) SELECT rowid, id, code, name, composition, construction, kind, NULL "
                              "FROM material;\nCOMMIT;\n"
                              "SELECT count(*) FROM material;\n", csv);
  start = g_get_monotonic_time ();
  proc = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (proc, commands, NULL, &out, NULL, &error));
  g_assert_true (g_subprocess_get_successful (proc));
  g_print ("sqlite3 into the workspace schema: %s", out);
  return (g_get_monotonic_time () - start) / 1e6;
}

static double
time_selvedge_import (const char *dir,
                      const char *csv,
                      guint       rows)
{
  g_autofree char *path = g_build_filename (dir, "Bench.selvedge", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvStore) store = slv_store_open (path, SLV_STORE_OPEN_CREATE, &error);
  g_autoptr(SlvJobQueue) queue = NULL;
  g_autoptr(SlvJob) job = NULL;
  g_autoptr(SlvImportMapping) mapping = slv_import_mapping_new ("materials");
  static const char * const headers[] = { "MATNR", "MAKTX", "MTART", "MATKL", "MEINS", "BRGEW", "NTGEW",
                                          "GEWEI", "STPRS", "PEINH", "WAERS", NULL };
  SlvImportCounts counts;
  gint64 start;
  double seconds;

  g_assert_no_error (error);
  g_assert_true (slv_store_insert (store, "brand", NULL, &error, "code", "BN", "name", "Bench",
                                   "base_currency", "EUR", NULL));
  slv_import_mapping_propose (mapping, headers);
  slv_import_mapping_set_delimiter (mapping, ';');
  slv_import_mapping_set_decimal_comma (mapping, TRUE);
  queue = slv_job_queue_new (store, 1);
  slv_import_jobs_register (queue);

  start = g_get_monotonic_time ();
  job = slv_import_job_submit (queue, csv, mapping, NULL, 0, &error);
  g_assert_no_error (error);
  slv_job_queue_wait (queue, job);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  g_assert_cmpint (slv_job_get_state (job), ==, SLV_JOB_DONE);
  slv_import_result_parse (slv_job_get_result (job), NULL, &counts);
  g_assert_cmpuint (counts.inserted, ==, rows);
  g_print ("selvedge import: %" G_GUINT64_FORMAT " rows inserted, %" G_GUINT64_FORMAT " rejected\n",
           counts.inserted, counts.rejected);
  return seconds;
}

int
main (int    argc,
      char **argv)
{
  guint rows = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 1000000;
  g_autofree char *dir = slv_test_make_tmpdir ("slv-bench");
  g_autofree char *csv = g_build_filename (dir, "materials.csv", NULL);
  double plain, floor, ours, cpu_plain, cpu_floor, cpu_ours, c0;
  GStatBuf st;

  generate (csv, rows);
  g_stat (csv, &st);
  g_print ("file: %u rows, %.1f MB\n", rows, st.st_size / 1e6);
  c0 = cpu_seconds (RUSAGE_CHILDREN);
  plain = time_sqlite_import (dir, csv);
  cpu_plain = cpu_seconds (RUSAGE_CHILDREN) - c0;
  c0 = cpu_seconds (RUSAGE_CHILDREN);
  floor = time_sqlite_into_workspace (dir, csv);
  cpu_floor = cpu_seconds (RUSAGE_CHILDREN) - c0;
  c0 = cpu_seconds (RUSAGE_SELF);
  ours = time_selvedge_import (dir, csv, rows);
  cpu_ours = cpu_seconds (RUSAGE_SELF) - c0;
  g_print ("                                          wall            rows/s    CPU\n");
  g_print ("sqlite3 .import into a plain table:                 %6.2f s  %9.0f  %6.2f s\n", plain, rows / plain, cpu_plain);
  g_print ("sqlite3 into the workspace's material:    %6.2f s  %9.0f  %6.2f s  (its indexes and FTS; no checks, no sync capture)\n",
           floor, rows / floor, cpu_floor);
  g_print ("Selvedge import (materials job, captured for sync): %6.2f s  %9.0f  %6.2f s\n", ours, rows / ours, cpu_ours);
  g_print ("ratio to sqlite3 .import: %.2fx wall, %.2fx CPU (target: at most 1.5x)\n",
           ours / plain, cpu_ours / cpu_plain);
  g_print ("ratio to sqlite3 into the same schema: %.2fx wall, %.2fx CPU\n", ours / floor, cpu_ours / cpu_floor);
  slv_test_rm_rf (dir);
  return 0;
}
