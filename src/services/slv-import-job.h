/* slv-import-job.h: imports and their undo, as jobs of the queue.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An import job reads the file once, writing chunks of rows in their own
 * transactions; each transaction also records the before-images, the
 * report lines, the batch's counters and the job's checkpoint. A failed
 * or cancelled import is rolled back at once; an interrupted one (the app
 * was killed) resumes from the last committed chunk or rolls back.
 */
#pragma once

#include "slv-import-engine.h"
#include "slv-import-mapping.h"
#include "slv-job-queue.h"

G_BEGIN_DECLS

#define SLV_IMPORT_DEFAULT_CHUNK_ROWS 10000
/* Report lines kept per batch; the counts are always complete. */
#define SLV_IMPORT_MAX_STORED_ISSUES 10000

/* Adds the "import" and "import-undo" kinds to @queue. */
void      slv_import_jobs_register   (SlvJobQueue       *queue);

/* Queues an import of @path with @mapping into the brand @brand_code (NULL:
 * the workspace's only brand). @chunk_rows 0 takes the default. */
SlvJob   *slv_import_job_submit      (SlvJobQueue       *queue,
                                      const char        *path,
                                      SlvImportMapping  *mapping,
                                      const char        *brand_code,
                                      guint              chunk_rows,
                                      GError           **error) G_GNUC_WARN_UNUSED_RESULT;
/* Queues the undo of a finished import. */
SlvJob   *slv_import_undo_submit     (SlvJobQueue       *queue,
                                      const char        *batch_id,
                                      GError           **error) G_GNUC_WARN_UNUSED_RESULT;

/* Reads an import job's result. */
gboolean  slv_import_result_parse    (const char        *json,
                                      char             **batch_id,
                                      SlvImportCounts   *counts);

G_END_DECLS
