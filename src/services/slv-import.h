/* slv-import.h: one import as the assistant walks through it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * File → target → mapping → dry run (preview and report) → start (a job
 * in the queue). Every step is a call here; the assistant's pages bind to
 * the properties and list models.
 */
#pragma once

#include "slv-import-engine.h"
#include "slv-import-mapping.h"
#include "slv-job-queue.h"

G_BEGIN_DECLS

#define SLV_TYPE_IMPORT (slv_import_get_type ())
G_DECLARE_FINAL_TYPE (SlvImport, slv_import, SLV, IMPORT, GObject)

SlvImport        *slv_import_new                  (SlvStore          *store,
                                                   const char        *path);
const char       *slv_import_get_path             (SlvImport         *self);

/* Reads the header and the first rows: sniffs encoding, delimiter and the
 * decimal separator, lists the sheets of a workbook. Call again after
 * changing how the file is read (delimiter, sheet, header row). */
gboolean          slv_import_inspect              (SlvImport         *self,
                                                   GError           **error);
const char * const *slv_import_get_headers        (SlvImport         *self);
/* The first rows after the header (GStrv each). */
GPtrArray        *slv_import_get_sample           (SlvImport         *self);
/* Worksheets of a workbook, or NULL for CSV. */
const char * const *slv_import_get_sheets         (SlvImport         *self);
/* "CSV, utf-8, ‘;’" or "XLSX, sheet ‘Data’". */
const char       *slv_import_get_format           (SlvImport         *self);
/* TRUE if the sample's numbers look like 1.234,56. A suggestion only: the
 * mapping's decimal-comma setting decides. */
gboolean          slv_import_get_suggests_decimal_comma (SlvImport   *self);

/* Chooses the target and proposes a mapping from the headers. */
gboolean          slv_import_set_target           (SlvImport         *self,
                                                   const char        *target,
                                                   GError           **error);
const char       *slv_import_get_target           (SlvImport         *self);
/* The mapping to edit (NULL before a target is chosen). */
SlvImportMapping *slv_import_get_mapping          (SlvImport         *self);
/* Uses a saved mapping profile (which sets the target). */
gboolean          slv_import_use_profile          (SlvImport         *self,
                                                   const char        *name,
                                                   GError           **error);

/* What the import would do; fills the preview and report models. */
gboolean          slv_import_dry_run              (SlvImport         *self,
                                                   GCancellable      *cancellable,
                                                   GError           **error);
void              slv_import_dry_run_async        (SlvImport         *self,
                                                   GCancellable      *cancellable,
                                                   GAsyncReadyCallback callback,
                                                   gpointer           user_data);
gboolean          slv_import_dry_run_finish       (SlvImport         *self,
                                                   GAsyncResult      *result,
                                                   GError           **error);
/* SlvImportPreviewRow items (the first rows of each kind). */
GListModel       *slv_import_get_preview          (SlvImport         *self);
/* SlvImportIssue items. */
GListModel       *slv_import_get_issues           (SlvImport         *self);
void              slv_import_get_counts           (SlvImport         *self,
                                                   SlvImportCounts   *counts);

/* Starts the import as a job of @queue (which has the import kinds). */
SlvJob           *slv_import_start                (SlvImport         *self,
                                                   SlvJobQueue       *queue,
                                                   GError           **error) G_GNUC_WARN_UNUSED_RESULT;

#define SLV_IMPORT_PREVIEW_ROWS 200
#define SLV_IMPORT_REPORT_ROWS 10000

G_END_DECLS
