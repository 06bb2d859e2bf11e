/* slv-import-assistant.h: Import Data…, step by step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A window that walks an import through its steps — file, target,
 * mapping, preview (a dry run with its counts, rows and problems), run (a
 * job of the workspace window's queue, with progress and Cancel) and the
 * report (copy or save as CSV). Every command is an action of the window
 * ("win.open-file", "win.set-target", "win.set-column", "win.next", …), so
 * tests and D-Bus drive it as a user does.
 */
#pragma once

#include <adwaita.h>

#include "services/slv-import.h"
#include "services/slv-job-queue.h"

G_BEGIN_DECLS

#define SLV_TYPE_IMPORT_ASSISTANT (slv_import_assistant_get_type ())
G_DECLARE_FINAL_TYPE (SlvImportAssistant, slv_import_assistant, SLV, IMPORT_ASSISTANT, AdwApplicationWindow)

/* An assistant over @parent's workspace, running imports in @queue. */
SlvImportAssistant *slv_import_assistant_new         (GtkWindow          *parent,
                                                      SlvStore           *store,
                                                      SlvJobQueue        *queue);
/* "file", "target", "mapping", "preview", "run" or "report". */
const char         *slv_import_assistant_get_step    (SlvImportAssistant *self);
/* TRUE while the file is read or checked in the background. */
gboolean            slv_import_assistant_get_busy    (SlvImportAssistant *self);
/* The import being prepared, or NULL before a file is chosen. */
SlvImport          *slv_import_assistant_get_import  (SlvImportAssistant *self);
/* The running or finished import job, or NULL. */
SlvJob             *slv_import_assistant_get_job     (SlvImportAssistant *self);
/* The batch the finished import recorded, or NULL. */
const char         *slv_import_assistant_get_batch_id (SlvImportAssistant *self);
/* The last error shown (reading the file, the dry run, the job), or NULL. */
const char         *slv_import_assistant_get_error   (SlvImportAssistant *self);
/* The report's text, as "win.copy-report" puts it on the clipboard. */
char               *slv_import_assistant_dup_report_text (SlvImportAssistant *self) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
