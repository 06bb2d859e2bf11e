/* slv-import-mapping-page.h: the mapping step of the import assistant.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row per column of the file, choosing the field it fills (proposed
 * from the header), the way the file is read (decimal comma, delimiter,
 * encoding, date order, sheet, header row), constant values and saving
 * the mapping by name. The page edits nothing itself: every change is
 * an action of the window it is in (win.set-column, win.set-delimiter, …),
 * and the page follows the mapping it shows.
 */
#pragma once

#include <adwaita.h>

#include "services/slv-import.h"

G_BEGIN_DECLS

#define SLV_TYPE_IMPORT_MAPPING_PAGE (slv_import_mapping_page_get_type ())
G_DECLARE_FINAL_TYPE (SlvImportMappingPage, slv_import_mapping_page, SLV, IMPORT_MAPPING_PAGE, GtkWidget)

/* Shows the mapping of @import (rebuilding the rows for its headers and
 * target); call again when the mapping or the headers changed. */
void slv_import_mapping_page_set_import (SlvImportMappingPage *self,
                                         SlvImport            *import);

/* Names the window actions understand for the encodings (SlvEncoding order). */
const char *slv_import_mapping_page_encoding_name (guint index);

G_END_DECLS
