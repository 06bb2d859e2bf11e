/* slv-import-issues-view.h: the lines of an import report as a table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Row, column, value and reason of each problem an import found (a list of
 * SlvImportIssue), with an empty state when there are none. Used by the
 * import assistant's preview and report and by the Imports page.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SLV_TYPE_IMPORT_ISSUES_VIEW (slv_import_issues_view_get_type ())
G_DECLARE_FINAL_TYPE (SlvImportIssuesView, slv_import_issues_view, SLV, IMPORT_ISSUES_VIEW, GtkWidget)

GtkWidget  *slv_import_issues_view_new             (void);
GListModel *slv_import_issues_view_get_model       (SlvImportIssuesView *self);
void        slv_import_issues_view_set_model       (SlvImportIssuesView *self,
                                                    GListModel          *model);
/* Shown when the model is empty. */
void        slv_import_issues_view_set_empty_title (SlvImportIssuesView *self,
                                                    const char          *title);

G_END_DECLS
