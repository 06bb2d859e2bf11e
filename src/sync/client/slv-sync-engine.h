/* slv-sync-engine.h: the sync engine of a workspace (SYNC-PROTOCOL.md).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SlvSyncEngine runs sync rounds for one open workspace: blobs, then push
 * until the outbox is empty, then pull until the server has nothing more,
 * then lazy blob downloads. Network I/O is asynchronous on the thread
 * default main context; SQLite work runs in worker threads on the sync
 * connection (SlvSyncStore), so the caller's main loop never waits.
 * Failures schedule the next attempt with exponential backoff and jitter;
 * in automatic mode rounds also run after edits (debounced), on a timer,
 * when the network comes back and at start.
 */
#pragma once

#include <gio/gio.h>

#include "slv-sync-http.h"
#include "slv-sync-tokens.h"
#include "store/slv-sync-store.h"

G_BEGIN_DECLS

typedef enum
{
  SLV_SYNC_STATUS_SIGNED_OUT,   /* signing in needed */
  SLV_SYNC_STATUS_UP_TO_DATE,
  SLV_SYNC_STATUS_PENDING,      /* changes waiting to be sent */
  SLV_SYNC_STATUS_SYNCING,
  SLV_SYNC_STATUS_OFFLINE,      /* the server cannot be reached; retrying */
  SLV_SYNC_STATUS_ERROR,        /* see the message */
  SLV_SYNC_STATUS_UPGRADE,      /* the server needs a newer Selvedge */
} SlvSyncStatus;

#define SLV_TYPE_SYNC_STATUS (slv_sync_status_get_type ())
GType slv_sync_status_get_type (void);

#define SLV_SYNC_ENGINE_ERROR (slv_sync_engine_error_quark ())

typedef enum
{
  SLV_SYNC_ENGINE_ERROR_SIGNED_OUT,
  SLV_SYNC_ENGINE_ERROR_OFFLINE,
  SLV_SYNC_ENGINE_ERROR_SERVER,
  SLV_SYNC_ENGINE_ERROR_UPGRADE,
  SLV_SYNC_ENGINE_ERROR_BUSY,      /* a round is already running */
  SLV_SYNC_ENGINE_ERROR_FAILED,
} SlvSyncEngineError;

GQuark slv_sync_engine_error_quark (void);

typedef struct
{
  guint  batches;       /* push requests answered */
  guint  pushed;        /* ops sent */
  guint  acked;
  guint  refused;
  guint  corrected;
  guint  waiting_blob;
  guint  pages;
  guint  pulled;        /* fields written from pulls */
  guint  skipped;
  guint  unknown;
  guint  evicted;
  guint  uploads;
  guint  downloads;
  guint  restamps;
  gint64 pending;       /* ops left in the outbox */
} SlvSyncSummary;

#define SLV_TYPE_SYNC_ENGINE (slv_sync_engine_get_type ())
G_DECLARE_FINAL_TYPE (SlvSyncEngine, slv_sync_engine, SLV, SYNC_ENGINE, GObject)

/* @tokens NULL uses slv_token_store_new_default(). */
SlvSyncEngine *slv_sync_engine_new               (SlvStore             *store,
                                                  SlvTokenStore        *tokens,
                                                  GError              **error) G_GNUC_WARN_UNUSED_RESULT;
SlvSyncStore  *slv_sync_engine_get_sync_store    (SlvSyncEngine        *self);
SlvStore      *slv_sync_engine_get_store         (SlvSyncEngine        *self);
SlvSyncStatus  slv_sync_engine_get_status        (SlvSyncEngine        *self);
const char    *slv_sync_engine_get_message       (SlvSyncEngine        *self);
gint64         slv_sync_engine_get_pending       (SlvSyncEngine        *self);
const char    *slv_sync_engine_get_email         (SlvSyncEngine        *self);
const char    *slv_sync_engine_get_server_url    (SlvSyncEngine        *self);
const char    *slv_sync_engine_get_user_id       (SlvSyncEngine        *self);
gboolean       slv_sync_engine_is_running        (SlvSyncEngine        *self);

/* One round. Fails with SLV_SYNC_ENGINE_ERROR_BUSY while one runs. */
void           slv_sync_engine_sync_async        (SlvSyncEngine        *self,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gboolean       slv_sync_engine_sync_finish       (SlvSyncEngine        *self,
                                                  GAsyncResult         *result,
                                                  SlvSyncSummary       *summary,
                                                  GError              **error);

/* Sign-in: the refresh token goes to the token store, the account into
 * the workspace. Sign-out revokes the sign-in and keeps every local change. */
void           slv_sync_engine_sign_in_async     (SlvSyncEngine        *self,
                                                  const char           *server_url,
                                                  const char           *email,
                                                  const char           *password,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gboolean       slv_sync_engine_sign_in_finish    (SlvSyncEngine        *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);
void           slv_sync_engine_sign_out_async    (SlvSyncEngine        *self,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gboolean       slv_sync_engine_sign_out_finish   (SlvSyncEngine        *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);

/* Automatic rounds: after edits (debounced), every @interval, when the
 * network comes back, and now. */
void           slv_sync_engine_set_automatic     (SlvSyncEngine        *self,
                                                  gboolean              automatic);
/* Runs a round as soon as possible, skipping any backoff (Sync Now). */
void           slv_sync_engine_sync_now          (SlvSyncEngine        *self);

/* Whether the signed-in user may write @field of the row @row_id of
 * @table (the write matrix for the user's roles in the row's bucket).
 * Everything is writable in a workspace that is not signed in. */
gboolean       slv_sync_engine_can_write         (SlvSyncEngine        *self,
                                                  const char           *table,
                                                  const char           *row_id,
                                                  const char           *field);

/* Tests and tools */
/* Takes tokens without signing in (a sign-in made elsewhere). */
gboolean       slv_sync_engine_set_sign_in       (SlvSyncEngine        *self,
                                                  const char           *server_url,
                                                  const char           *access_token,
                                                  const char           *refresh_token,
                                                  const char           *user_id,
                                                  const char           *email,
                                                  const char           *grants_json,
                                                  GError              **error);
SlvSyncHttp   *slv_sync_engine_get_http          (SlvSyncEngine        *self);
/* Backoff: first delay and cap (defaults 1 s and 5 min). */
void           slv_sync_engine_set_backoff       (SlvSyncEngine        *self,
                                                  guint                 first_ms,
                                                  guint                 max_ms);
/* Monotonic ms of the next attempt after a failure (0 when none). */
gint64         slv_sync_engine_get_retry_at      (SlvSyncEngine        *self);
void           slv_sync_engine_set_page_limit    (SlvSyncEngine        *self,
                                                  guint                 limit);
void           slv_sync_engine_set_intervals     (SlvSyncEngine        *self,
                                                  guint                 debounce_ms,
                                                  guint                 periodic_ms);

G_END_DECLS
