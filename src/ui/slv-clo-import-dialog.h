/* slv-clo-import-dialog.h: import a CLO 3D export into a style.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A window that reads a CLO 3D hand-off (a DXF pattern, meshes, a BOM CSV
 * and renders, alone or in a folder or ZIP) in a worker thread and
 * previews it: the pieces of a size drawn with their names, grain lines
 * and notches, the marker the nesting estimate laid, the fabric
 * consumption each BOM line would get, the mesh statistics, what needs a
 * decision (unmatched fabrics and BOM rows, with choosers), the FOB before
 * and after, and the warnings. Import applies it all in one transaction;
 * the window's toast offers Undo.
 *
 * Actions ("clo-import." prefix): choose-file, choose-folder, load (s: a
 * path), set-style (s: a style code), set-size (s), set-efficiency (d:
 * 0–1, 0 for the nesting estimate), set-wastage ((sd): fabric, percent),
 * match-fabric ((ss): fabric, BOM line id or ""), match-material ((us):
 * CSV row, material id or ""), rescale (d), apply.
 */
#pragma once

#include <adwaita.h>

#include "services/slv-clo-plan.h"
#include "store/slv-store.h"

G_BEGIN_DECLS

#define SLV_TYPE_CLO_IMPORT_DIALOG (slv_clo_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SlvCloImportDialog, slv_clo_import_dialog, SLV, CLO_IMPORT_DIALOG, AdwWindow)

/* @style_code may be NULL (the user chooses one). */
SlvCloImportDialog *slv_clo_import_dialog_new        (GtkWindow          *parent,
                                                      SlvStore           *store,
                                                      const char         *style_code);
/* Reads @path (file, folder or ZIP) in a worker, then plans. */
void                slv_clo_import_dialog_load       (SlvCloImportDialog *self,
                                                      const char         *path);

/* What the dialog shows: "choose", "loading", "preview", "applying",
 * "done" or "error". */
const char         *slv_clo_import_dialog_get_state  (SlvCloImportDialog *self);
/* TRUE while a worker runs (loading, planning, pricing, applying). */
gboolean            slv_clo_import_dialog_get_busy   (SlvCloImportDialog *self);
const char         *slv_clo_import_dialog_get_style_code (SlvCloImportDialog *self);
SlvCloImport       *slv_clo_import_dialog_get_import (SlvCloImportDialog *self);
/* The plan shown (NULL before a style is chosen and planned). */
SlvCloPlan         *slv_clo_import_dialog_get_plan   (SlvCloImportDialog *self);
/* What the preview drew: pieces of the size, rows of the consumption
 * table, placements of the marker shown. */
guint               slv_clo_import_dialog_get_n_drawn_pieces     (SlvCloImportDialog *self);
guint               slv_clo_import_dialog_get_n_consumption_rows (SlvCloImportDialog *self);
guint               slv_clo_import_dialog_get_n_marker_placements (SlvCloImportDialog *self);
/* "3.540495 → 3.227564 USD", or NULL before it is known. */
const char         *slv_clo_import_dialog_get_cost_text (SlvCloImportDialog *self);
/* After Import: the journal id that undoes it. */
const char         *slv_clo_import_dialog_get_import_id (SlvCloImportDialog *self);
const char         *slv_clo_import_dialog_get_error  (SlvCloImportDialog *self);

G_END_DECLS
