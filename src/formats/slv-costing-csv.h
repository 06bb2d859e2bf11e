/* slv-costing-csv.h: CSV exports of the cost master and of a cost sheet.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * RFC 4180 text (UTF-8, comma, CRLF, quotes doubled), written atomically.
 * Text cells starting with = + - @ are prefixed with ' so a spreadsheet
 * never runs them as formulas; numbers are written as exact decimals.
 */
#pragma once

#include "core/slv-cost-sheet.h"

G_BEGIN_DECLS

/* The rates of the cost master with their status on @date (current,
 * expired or future). */
char     *slv_cost_master_to_csv      (SlvCostMaster  *master,
                                       const char     *date) G_GNUC_WARN_UNUSED_RESULT;
gboolean  slv_cost_master_csv_write   (SlvCostMaster  *master,
                                       const char     *date,
                                       const char     *path,
                                       GError        **error);
/* Every figure: key, label, value, unit, formula, source. */
char     *slv_cost_sheet_to_csv       (SlvCostSheet   *sheet) G_GNUC_WARN_UNUSED_RESULT;
gboolean  slv_cost_sheet_csv_write    (SlvCostSheet   *sheet,
                                       const char     *path,
                                       GError        **error);

G_END_DECLS
