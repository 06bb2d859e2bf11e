/* slv-imports-page.h: every import of the workspace, with Undo and its report.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Lists the recorded import batches (who, when, which file, into what,
 * the counts and the state), shows the stored report of the one selected,
 * and undoes an import as a job of the window's queue ("imports.undo").
 */
#pragma once

#include <adwaita.h>

#include "services/slv-job-queue.h"
#include "store/slv-store.h"

G_BEGIN_DECLS

#define SLV_TYPE_IMPORTS_PAGE (slv_imports_page_get_type ())
G_DECLARE_FINAL_TYPE (SlvImportsPage, slv_imports_page, SLV, IMPORTS_PAGE, GtkWidget)

void        slv_imports_page_set_store   (SlvImportsPage *self,
                                          SlvStore       *store);
void        slv_imports_page_set_queue   (SlvImportsPage *self,
                                          SlvJobQueue    *queue);
/* SlvImportBatch items, newest first. */
GListModel *slv_imports_page_get_model   (SlvImportsPage *self);
/* The report of the selected batch (SlvImportIssue items). */
GListModel *slv_imports_page_get_report  (SlvImportsPage *self);
gboolean    slv_imports_page_get_loading (SlvImportsPage *self);
void        slv_imports_page_reload      (SlvImportsPage *self);

G_END_DECLS
