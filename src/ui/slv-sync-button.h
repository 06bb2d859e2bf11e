/* slv-sync-button.h: the header bar's sync state and its actions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sync/client/slv-sync-engine.h"

G_BEGIN_DECLS

#define SLV_TYPE_SYNC_BUTTON (slv_sync_button_get_type ())
G_DECLARE_FINAL_TYPE (SlvSyncButton, slv_sync_button, SLV, SYNC_BUTTON, AdwBin)

void           slv_sync_button_set_engine (SlvSyncButton *self,
                                           SlvSyncEngine *engine);
SlvSyncEngine *slv_sync_button_get_engine (SlvSyncButton *self);
/* The state as shown: "Up to date", "3 changes waiting", "Offline", … */
const char    *slv_sync_button_get_text   (SlvSyncButton *self);

G_END_DECLS
