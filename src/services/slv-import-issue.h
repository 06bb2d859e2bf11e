/* slv-import-issue.h: one line of an import report.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Row, column, value and a reason a user can act on: "Row 14, column
 * ‘GSM’: ‘abc’ is not a number." Warnings leave the row in; errors reject it.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  SLV_IMPORT_SEVERITY_WARNING = 1,
  SLV_IMPORT_SEVERITY_ERROR   = 2,
} SlvImportSeverity;

#define SLV_TYPE_IMPORT_SEVERITY (slv_import_severity_get_type ())
GType slv_import_severity_get_type (void);

#define SLV_TYPE_IMPORT_ISSUE (slv_import_issue_get_type ())
G_DECLARE_FINAL_TYPE (SlvImportIssue, slv_import_issue, SLV, IMPORT_ISSUE, GObject)

SlvImportIssue    *slv_import_issue_new          (guint64            row,
                                                  const char        *column,
                                                  const char        *value,
                                                  const char        *reason,
                                                  SlvImportSeverity  severity);
guint64            slv_import_issue_get_row      (SlvImportIssue    *self);
const char        *slv_import_issue_get_column   (SlvImportIssue    *self);
const char        *slv_import_issue_get_value    (SlvImportIssue    *self);
const char        *slv_import_issue_get_reason   (SlvImportIssue    *self);
SlvImportSeverity  slv_import_issue_get_severity (SlvImportIssue    *self);
/* "Row 14, column ‘GSM’: ‘abc’ is not a number." */
char              *slv_import_issue_to_string    (SlvImportIssue    *self) G_GNUC_WARN_UNUSED_RESULT;

/* Writes @issues (a list of SlvImportIssue) as CSV (row, column, value,
 * severity, reason), atomically. */
gboolean           slv_import_issues_write_csv   (GListModel        *issues,
                                                  const char        *path,
                                                  GError           **error);

G_END_DECLS
