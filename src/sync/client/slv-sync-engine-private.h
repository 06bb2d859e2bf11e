/* slv-sync-engine-private.h: shared by the engine's files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "slv-sync-engine.h"
#include "sync/slv-sync.h"

G_BEGIN_DECLS

struct _SlvSyncEngine
{
  GObject          parent_instance;

  SlvStore        *store;
  SlvSyncStore    *sync;
  SlvTokenStore   *tokens;
  SlvSyncHttp     *http;
  char            *server_url;
  char            *email;
  char            *user_id;
  char            *grants;
  char            *registered_node;   /* node the server knows for this device */
  gboolean         tokens_loaded;
  gboolean         transient_tokens;  /* given by slv_sync_engine_set_sign_in: not kept */

  SlvSyncStatus    status;
  char            *message;
  gint64           pending;
  gboolean         running;
  gboolean         again;             /* a round was asked for while one ran */
  GCancellable    *cancellable;

  guint            failures;
  gint64           retry_at_ms;       /* monotonic */
  guint            backoff_first_ms;
  guint            backoff_max_ms;
  guint            page_limit;

  gboolean         automatic;
  guint            debounce_ms;
  guint            periodic_ms;
  guint            periodic_id;
  guint            debounce_id;
  guint            poll_id;
  guint            retry_id;
  guint            soon_id;
  gint64           seen_serial;
  GNetworkMonitor *monitor;
  gulong           monitor_id;
};

/* slv-sync-engine.c */
void     slv_sync_engine_take_state  (SlvSyncEngine        *self,
                                      SlvSyncState         *state);
void     slv_sync_engine_notify_email (SlvSyncEngine       *self);
void     slv_sync_engine_set_pending (SlvSyncEngine        *self,
                                      gint64                pending);

/* slv-sync-engine-account.c */
/* Uses @http (may be NULL), keeping rotated refresh tokens. */
void     slv_sync_engine_take_http   (SlvSyncEngine        *self,
                                      SlvSyncHttp          *http);

/* slv-sync-engine-schedule.c */
/* A round now, later (backoff) or after the one that runs. */
void     slv_sync_engine_request_round (SlvSyncEngine      *self);
void     slv_sync_engine_schedule_soon (SlvSyncEngine      *self,
                                        guint               delay_ms);
/* Counts a failure and schedules the next attempt after the backoff. */
void     slv_sync_engine_back_off    (SlvSyncEngine        *self);
void     slv_sync_engine_stop_timers (SlvSyncEngine        *self);

/* slv-sync-round.c */
void     slv_sync_round_start        (SlvSyncEngine        *self,
                                      GTask                *task);
void     slv_sync_engine_set_status  (SlvSyncEngine        *self,
                                      SlvSyncStatus         status,
                                      const char           *message);
/* Called when a round ends (ok or not): status, backoff, next round. */
void     slv_sync_engine_round_done  (SlvSyncEngine        *self,
                                      const SlvSyncSummary *summary,
                                      const GError         *error);
void     slv_sync_engine_emit_pushed (SlvSyncEngine        *self,
                                      SlvSyncPushRequest   *request,
                                      SlvSyncPushResponse  *response);
void     slv_sync_engine_progress    (SlvSyncEngine        *self,
                                      const char           *format,
                                      ...) G_GNUC_PRINTF (2, 3);

/* slv-sync-transfer.c: one blob up or down. */
void     slv_sync_upload_async       (SlvSyncEngine        *self,
                                      const char           *sha256,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data);
gboolean slv_sync_upload_finish      (SlvSyncEngine        *self,
                                      GAsyncResult         *result,
                                      GError              **error);
void     slv_sync_download_async     (SlvSyncEngine        *self,
                                      const char           *sha256,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data);
gboolean slv_sync_download_finish    (SlvSyncEngine        *self,
                                      GAsyncResult         *result,
                                      GError              **error);

G_END_DECLS
