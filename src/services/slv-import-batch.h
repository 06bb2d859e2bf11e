/* slv-import-batch.h: a recorded import, for the Imports page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "slv-import-issue.h"
#include "store/slv-store.h"

G_BEGIN_DECLS

#define SLV_TYPE_IMPORT_BATCH (slv_import_batch_get_type ())
G_DECLARE_FINAL_TYPE (SlvImportBatch, slv_import_batch, SLV, IMPORT_BATCH, GObject)

/* All imports of the workspace, newest first (SlvImportBatch items). */
GListStore  *slv_import_list_batches          (SlvStore        *store,
                                               GError         **error) G_GNUC_WARN_UNUSED_RESULT;
SlvImportBatch *slv_import_batch_load         (SlvStore        *store,
                                               const char      *id,
                                               GError         **error) G_GNUC_WARN_UNUSED_RESULT;
/* The stored report of a batch (SlvImportIssue items). */
GListStore  *slv_import_batch_list_issues     (SlvImportBatch  *self,
                                               SlvStore        *store,
                                               GError         **error) G_GNUC_WARN_UNUSED_RESULT;

const char  *slv_import_batch_get_id          (SlvImportBatch  *self);
const char  *slv_import_batch_get_created_at  (SlvImportBatch  *self);
const char  *slv_import_batch_get_finished_at (SlvImportBatch  *self);
const char  *slv_import_batch_get_user        (SlvImportBatch  *self);
const char  *slv_import_batch_get_target      (SlvImportBatch  *self);
const char  *slv_import_batch_get_file_name   (SlvImportBatch  *self);
const char  *slv_import_batch_get_file_sha256 (SlvImportBatch  *self);
/* The mapping used, as JSON. */
const char  *slv_import_batch_get_mapping     (SlvImportBatch  *self);
/* running, done, rolled_back, undone */
const char  *slv_import_batch_get_state       (SlvImportBatch  *self);
const char  *slv_import_batch_get_message     (SlvImportBatch  *self);
gint64       slv_import_batch_get_rows        (SlvImportBatch  *self);
gint64       slv_import_batch_get_inserted    (SlvImportBatch  *self);
gint64       slv_import_batch_get_updated     (SlvImportBatch  *self);
gint64       slv_import_batch_get_unchanged   (SlvImportBatch  *self);
gint64       slv_import_batch_get_rejected    (SlvImportBatch  *self);
gint64       slv_import_batch_get_warnings    (SlvImportBatch  *self);
/* TRUE for a finished import that can still be undone. */
gboolean     slv_import_batch_get_can_undo    (SlvImportBatch  *self);

G_END_DECLS
