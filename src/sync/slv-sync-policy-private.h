/* slv-sync-policy-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "slv-sync-policy.h"

G_BEGIN_DECLS

extern const SlvSyncTablePolicy slv_sync_policy_tables[];
extern const guint              slv_sync_policy_n_tables;

G_END_DECLS
