/* slv-sync-fault.h: injected faults for the kill tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SLV_SYNC_FAULT=<point>:<n> makes the n-th arrival (1-based) at <point>
 * call abort(), as if the process were killed there. The points are the
 * protocol's (SYNC-PROTOCOL.md, invariants):
 *   commit    after a local commit, before batching
 *   batch     after a batch is assigned (committed)
 *   sent      after a push request is sent, before its response is read
 *   response  after the server committed, before the response is applied
 *   pull      after a pull response arrives, before it is applied
 *   apply     in the middle of applying a page (inside its transaction)
 *   upload    in the middle of uploading a blob (between chunks)
 *   uploaded  after an upload completed, before the push that needs it
 * Without the variable every point is a no-op.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void slv_sync_fault_point (const char *point);
/* Re-reads SLV_SYNC_FAULT and forgets the counts (tests). */
void slv_sync_fault_reset (void);

G_END_DECLS
