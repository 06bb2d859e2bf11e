/* slv-costing-pdf.h: a cost sheet as a printable PDF (cairo).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A4 pages: the style and costing header, the BOM and process lines with
 * their costs, the roll-up from production cost to FOB, landed cost and the
 * prices, a stacked bar of the FOB by cost group, then the explanation of
 * the retail price (or of FOB when it is not priced) figure by figure.
 */
#pragma once

#include "core/slv-cost-sheet.h"

G_BEGIN_DECLS

gboolean slv_costing_pdf_write (SlvCostSheet  *sheet,
                                const char    *path,
                                GError       **error);

G_END_DECLS
