/* slv-sync.h: the sync protocol codec shared by the app and the server.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "slv-hlc.h"
#include "slv-sync-cursor.h"
#include "slv-sync-error.h"
#include "slv-sync-json.h"
#include "slv-sync-policy.h"
#include "slv-sync-problem.h"
#include "slv-sync-pull.h"
#include "slv-sync-push.h"
