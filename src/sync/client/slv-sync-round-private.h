/* slv-sync-round-private.h: shared by the files of one sync round
 * (slv-sync-round.c, slv-sync-round-push.c, slv-sync-round-pull.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "slv-sync-engine-private.h"

G_BEGIN_DECLS

#define SLV_SYNC_ROUND_MAX_REGISTERS 3

typedef struct _Round Round;
typedef gboolean (*DbFunc)   (Round *round, GError **error);
typedef void     (*StepFunc) (Round *round, GError *error);

struct _Round
{
  SlvSyncEngine       *engine;
  GTask               *task;
  GCancellable        *cancellable;
  SlvSyncSummary       summary;
  SlvSyncCounts        counts;
  SlvSyncState        *state;
  char                *refresh_token;
  SlvSyncPushRequest  *request;
  SlvSyncPushResponse *response;
  SlvSyncPullPage     *page;
  char               **blobs;
  char               **missing;
  guint                index;
  guint                registers;
  guint                restamps;
  guint                drains;
  guint                blob_passes;
  guint                cursor_resets;
  gboolean             needs_drain;
  gint64               server_time_ms;
  char                *batch_error;
  gint64               retry_ms;
  GError              *error;       /* the failure being recorded */
};

/* slv-sync-round.c */
/* Runs @func in a worker thread on the sync connection, then @next with
 * its error (or NULL) on the caller's main context. */
void     slv_sync_round_db_run           (Round         *round,
                                          DbFunc         func,
                                          StepFunc       next);
/* Ends the round once the outbox is counted. */
void     slv_sync_round_succeed          (Round         *round);
/* Fails the round with @error (taken), once the outbox is counted. */
void     slv_sync_round_fail             (Round         *round,
                                          GError        *error);
/* A push that may be retried: the batch stays, its attempt is recorded. */
void     slv_sync_round_push_failed      (Round         *round,
                                          GError        *error);
GError  *slv_sync_round_error_from_http  (const GError  *error);
GError  *slv_sync_round_error_from_reply (SlvSyncReply  *reply);
gboolean slv_sync_round_new_node_db      (Round         *round,
                                          GError       **error);
gboolean slv_sync_round_reload_state_db  (Round         *round,
                                          GError       **error);
void     slv_sync_round_node_renewed     (Round         *round,
                                          GError        *error);
void     slv_sync_round_register_device  (Round         *round);

/* slv-sync-round-push.c */
void     slv_sync_round_blobs_begin      (Round         *round);
void     slv_sync_round_push_next        (Round         *round);

/* slv-sync-round-pull.c */
void     slv_sync_round_pull_next        (Round         *round);

G_END_DECLS
