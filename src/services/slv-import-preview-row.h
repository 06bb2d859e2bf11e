/* slv-import-preview-row.h: what a dry run would do with one row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  SLV_IMPORT_ACTION_INSERT,
  SLV_IMPORT_ACTION_UPDATE,
  SLV_IMPORT_ACTION_UNCHANGED,
  SLV_IMPORT_ACTION_REJECTED,
} SlvImportAction;

#define SLV_TYPE_IMPORT_ACTION (slv_import_action_get_type ())
GType slv_import_action_get_type (void);

#define SLV_TYPE_IMPORT_PREVIEW_ROW (slv_import_preview_row_get_type ())
G_DECLARE_FINAL_TYPE (SlvImportPreviewRow, slv_import_preview_row, SLV, IMPORT_PREVIEW_ROW, GObject)

/* @summary: for updates "price 12.50 → 13.00; name …", for inserts the
 * values, for rejections the first reason. */
SlvImportPreviewRow *slv_import_preview_row_new         (guint64               row,
                                                         SlvImportAction       action,
                                                         const char           *key,
                                                         const char           *summary);
guint64              slv_import_preview_row_get_row     (SlvImportPreviewRow  *self);
SlvImportAction      slv_import_preview_row_get_action  (SlvImportPreviewRow  *self);
const char          *slv_import_preview_row_get_key     (SlvImportPreviewRow  *self);
const char          *slv_import_preview_row_get_summary (SlvImportPreviewRow  *self);
const char          *slv_import_action_to_string        (SlvImportAction       action);

G_END_DECLS
