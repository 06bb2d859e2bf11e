/* slv-costing-xlsx.h: a cost sheet as an Excel workbook with live formulas.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every figure of the sheet is one row: key, label, value, unit, its inputs
 * (columns E–L) and, in the value column, a formula over those inputs and
 * the rows of the figures it is made from — so editing a consumption, a
 * rate or a percentage in the workbook recomputes FOB, landed cost and the
 * prices the way Selvedge does (the margin rule becomes an IF/CEILING
 * formula, exchange rates are factors in the formulas). Formulas are
 * written without cached results, so a spreadsheet shows what it computes.
 * The summary at the top points at the FOB, landed and retail rows.
 */
#pragma once

#include "core/slv-cost-sheet.h"

G_BEGIN_DECLS

/* Column letters of the layout (row 1 is the title). */
#define SLV_XLSX_KEY_COLUMN   "A"
#define SLV_XLSX_VALUE_COLUMN "C"

gboolean slv_costing_xlsx_write (SlvCostSheet  *sheet,
                                 const char    *path,
                                 GError       **error);

G_END_DECLS
