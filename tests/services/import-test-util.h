/* import-test-util.h: shared by the import tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "services/slv-import.h"
#include "services/slv-import-job.h"

G_BEGIN_DECLS

typedef struct
{
  char     *dir;
  char     *path;
  SlvStore *store;
} ImportFixture;

void              import_fixture_setup     (ImportFixture     *f,
                                            gconstpointer      data);
void              import_fixture_teardown  (ImportFixture     *f,
                                            gconstpointer      data);
/* The proposed mapping for @file and @target. */
SlvImportMapping *import_propose           (ImportFixture     *f,
                                            const char        *file,
                                            const char        *target);
/* Runs an import through a job queue; returns the job's final state. */
SlvJobState       import_run               (ImportFixture     *f,
                                            const char        *file,
                                            SlvImportMapping  *mapping,
                                            guint              chunk_rows,
                                            SlvImportCounts   *counts,
                                            char             **batch_id,
                                            char             **message);
SlvJobState       import_undo              (ImportFixture     *f,
                                            const char        *batch_id,
                                            char             **message);
/* One number from SQL on the workspace (its own connection). */
gint64            import_query_int         (ImportFixture     *f,
                                            const char        *sql);
char             *import_query_text        (ImportFixture     *f,
                                            const char        *sql) G_GNUC_WARN_UNUSED_RESULT;
/* The exact sum of the decimal column the query returns, as "123.450000". */
char             *import_query_sum         (ImportFixture     *f,
                                            const char        *sql) G_GNUC_WARN_UNUSED_RESULT;
void              import_write_file        (const char        *path,
                                            const char        *text);

G_END_DECLS
