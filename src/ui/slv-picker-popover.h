/* slv-picker-popover.h: choosing a material or a rate from the master.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A popover with a search entry over the workspace's materials or cost
 * rates (searched through the full-text index, in a worker thread); rates
 * can be kept to one process. Choosing a row emits "picked" with the
 * record (SlvMaterial or SlvCostRate) and closes the popover.
 */
#pragma once

#include <gtk/gtk.h>

#include "store/slv-store.h"

G_BEGIN_DECLS

#define SLV_TYPE_PICKER_POPOVER (slv_picker_popover_get_type ())
G_DECLARE_FINAL_TYPE (SlvPickerPopover, slv_picker_popover, SLV, PICKER_POPOVER, GtkPopover)

/* @item_type: SLV_TYPE_MATERIAL or SLV_TYPE_COST_RATE. */
GtkWidget  *slv_picker_popover_new         (SlvStore         *store,
                                            GType             item_type);
/* Rates of @process only (NULL: all). */
void        slv_picker_popover_set_process (SlvPickerPopover *self,
                                            const char       *process);
void        slv_picker_popover_set_search  (SlvPickerPopover *self,
                                            const char       *text);
/* The records shown (after search and process). */
GListModel *slv_picker_popover_get_model   (SlvPickerPopover *self);
gboolean    slv_picker_popover_get_loading (SlvPickerPopover *self);
/* Chooses row @position, as a click does. */
void        slv_picker_popover_pick        (SlvPickerPopover *self,
                                            guint             position);

G_END_DECLS
