/* slv-sign-in-dialog.h: sign a workspace in to a sync server.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sync/client/slv-sync-engine.h"

G_BEGIN_DECLS

#define SLV_TYPE_SIGN_IN_DIALOG (slv_sign_in_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SlvSignInDialog, slv_sign_in_dialog, SLV, SIGN_IN_DIALOG, AdwWindow)

SlvSignInDialog *slv_sign_in_dialog_new      (GtkWindow       *parent,
                                              SlvSyncEngine   *engine);
/* Fills the fields (tests and links with a server address). */
void             slv_sign_in_dialog_fill     (SlvSignInDialog *self,
                                              const char      *server_url,
                                              const char      *email,
                                              const char      *password);
/* The last error shown, or NULL. */
const char      *slv_sign_in_dialog_get_error (SlvSignInDialog *self);

G_END_DECLS
