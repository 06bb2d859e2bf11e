/* slv-conflicts-dialog.h: review the conflict log and refused changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "store/slv-store.h"

G_BEGIN_DECLS

#define SLV_TYPE_CONFLICTS_DIALOG (slv_conflicts_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SlvConflictsDialog, slv_conflicts_dialog, SLV, CONFLICTS_DIALOG, AdwWindow)

/* @user_id (may be NULL) is the signed-in user: their writes show as
 * “you”, and resolutions are recorded under it. */
SlvConflictsDialog *slv_conflicts_dialog_new            (GtkWindow          *parent,
                                                         SlvStore           *store,
                                                         const char         *user_id);
/* Reads the log again. */
void                slv_conflicts_dialog_reload         (SlvConflictsDialog *self);
guint               slv_conflicts_dialog_get_n_conflicts (SlvConflictsDialog *self);
guint               slv_conflicts_dialog_get_n_refused   (SlvConflictsDialog *self);

G_END_DECLS
