/* slv-why-popover.h: where a figure comes from.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A popover showing a cost-sheet figure as a tree: the figure with its
 * formula and source (the rate with its id, tier and validity, the
 * exchange rate, the duty rate or the margin rule), and under it the
 * figures it was made of, expandable down to what was entered. Figures
 * are GtkMenuButtons that make their popover when clicked.
 */
#pragma once

#include <gtk/gtk.h>

#include "core/slv-cost-sheet.h"

G_BEGIN_DECLS

#define SLV_TYPE_WHY_POPOVER (slv_why_popover_get_type ())
G_DECLARE_FINAL_TYPE (SlvWhyPopover, slv_why_popover, SLV, WHY_POPOVER, GtkPopover)

/* NULL when @sheet has no figure @key. */
GtkWidget  *slv_why_popover_new             (SlvCostSheet  *sheet,
                                             const char    *key);
const char *slv_why_popover_get_key         (SlvWhyPopover *self);
/* The whole tree as text (what the CLI's --explain prints). */
const char *slv_why_popover_get_explanation (SlvWhyPopover *self);

G_END_DECLS
