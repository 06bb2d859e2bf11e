/* slv-costing-editor-private.h: shared by the editor's files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "slv-costing-editor.h"
#include "slv-cost-chart.h"
#include "slv-qty-curve.h"

G_BEGIN_DECLS

struct _SlvCostingEditor
{
  GtkWidget          parent_instance;

  GtkWidget         *box;
  GtkRevealer       *frozen_revealer;
  GtkLabel          *frozen_label;
  GtkRevealer       *problem_revealer;
  GtkLabel          *problem_label;
  GtkColumnView     *bom_view;
  GtkColumnView     *process_view;
  GtkMenuButton     *add_material_button;
  GtkMenuButton     *add_process_button;
  GtkLabel          *status_label;
  GtkWidget         *submit_button;
  GtkWidget         *approve_button;
  GtkWidget         *freeze_button;
  GtkWidget         *draft_button;
  GtkDropDown       *fx_drop;
  GtkDropDown       *destination_drop;
  GtkSpinButton     *qty_spin;
  GtkGrid           *totals_grid;
  SlvCostChart      *chart;
  SlvQtyCurve       *curve;

  SlvCostingSession *session;
  GCancellable      *cancellable;
  GHashTable        *figures;      /* total key → value GtkLabel */
  GHashTable        *buttons;      /* total key → GtkMenuButton */
  GWeakRef           why;          /* the last SlvWhyPopover */
  char              *message;
  gboolean           editable;
  gboolean           syncing;      /* setting switchers from the session */
};

/* slv-costing-editor.c */
void slv_costing_editor_set_message (SlvCostingEditor *self,
                                     const char       *message);

/* slv-costing-editor-actions.c */
void slv_costing_editor_class_add_actions (GtkWidgetClass *widget_class);

/* slv-costing-editor-columns.c */
void slv_costing_editor_add_columns (SlvCostingEditor *self);
/* Runs an edit of line @index of kind @kind (bom, process)
 * (slv-costing-editor-actions.c). */
void slv_costing_editor_edit_line   (SlvCostingEditor *self,
                                     const char       *kind,
                                     guint             index,
                                     const char       *field,
                                     const char       *value);
/* Reports a refused or failed edit (a toast and the message property). */
void slv_costing_editor_report      (SlvCostingEditor *self,
                                     const GError     *error);
/* The callback of every session edit started by the editor. */
void slv_costing_editor_edit_done_cb (GObject      *source,
                                      GAsyncResult *result,
                                      gpointer      user_data);
/* A popover explaining figure @key, set on @button. */
void slv_costing_editor_set_why     (SlvCostingEditor *self,
                                     GtkMenuButton    *button,
                                     const char       *key);

G_END_DECLS
