/* slv-clo-store.h: the workspace side of CLO/DXF ingestion.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads what an import needs (a style's base costing and BOM lines with
 * their materials, its current pattern pieces) and keeps the journal of
 * applied imports (clo_import: summary and before-images for undo). Rows
 * come back as GHashTables of column name → text, NULL columns absent.
 * Writes of pieces and BOM lines go through slv_store_insert() and
 * friends inside the caller's transaction.
 */
#pragma once

#include "slv-store.h"

G_BEGIN_DECLS

/* The style's costing used for its BOM: scenario "Base", else the oldest. */
char       *slv_clo_store_dup_base_costing (SlvStore    *store,
                                            const char  *style_id,
                                            GError     **error) G_GNUC_WARN_UNUSED_RESULT;
/* Live BOM lines of @costing_id in position order, each with its
 * material's code, name, kind, construction, gsm, width_cm and unit as
 * material_code, material_name, material_kind, construction, gsm,
 * width_cm, material_unit. */
GPtrArray  *slv_clo_store_list_bom_lines   (SlvStore    *store,
                                            const char  *costing_id,
                                            GError     **error) G_GNUC_WARN_UNUSED_RESULT;
/* Live pattern pieces of the style. */
GPtrArray  *slv_clo_store_list_pieces      (SlvStore    *store,
                                            const char  *style_id,
                                            GError     **error) G_GNUC_WARN_UNUSED_RESULT;
/* All columns of one row (deleted or not), or NULL with an error. */
GHashTable *slv_clo_store_get_row          (SlvStore    *store,
                                            const char  *table,
                                            const char  *id,
                                            GError     **error) G_GNUC_WARN_UNUSED_RESULT;

/* Where a style's renders go: the board that holds the style's card, else
 * the first board of its collection. A row with "board_id", and where its
 * live items end: "right" (largest x + w), "top" (smallest y), "top_z"
 * (largest z) — absent on an empty board; NULL with no error when the
 * style has no board. */
GHashTable *slv_clo_store_find_style_board (SlvStore    *store,
                                            const char  *style_id,
                                            GError     **error) G_GNUC_WARN_UNUSED_RESULT;

/* @id may be NULL for a new one. */
gboolean    slv_clo_store_record_import    (SlvStore    *store,
                                            const char  *id,
                                            const char  *style_id,
                                            const char  *source,
                                            const char  *summary_json,
                                            const char  *changes_json,
                                            char       **out_id,
                                            GError     **error);
/* The newest import of the style that is not undone, or NULL. */
char       *slv_clo_store_dup_last_import  (SlvStore    *store,
                                            const char  *style_id,
                                            GError     **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean    slv_clo_store_mark_undone      (SlvStore    *store,
                                            const char  *import_id,
                                            GError     **error);

G_END_DECLS
