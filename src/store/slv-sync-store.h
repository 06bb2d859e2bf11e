/* slv-sync-store.h: the sync client's side of the workspace.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SlvSyncStore owns a second connection to a workspace, with capture off,
 * on which the sync engine does its SQLite work (SYNC-PROTOCOL.md §5, §6,
 * §9, §14): the account and cursor in sync_state, batching the outbox,
 * applying push responses (server corrections, refusals), re-stamping after
 * clock_skew, applying pull pages (one transaction per page, with the
 * cursor), evictions and resyncs, and the blobs to move. Calls block: the
 * engine makes them from a worker thread. Every call is thread-safe.
 */
#pragma once

#include "slv-store.h"
#include "sync/slv-sync-pull.h"
#include "sync/slv-sync-push.h"
#include "sync/slv-hlc.h"

G_BEGIN_DECLS

#define SLV_TYPE_SYNC_STORE (slv_sync_store_get_type ())
G_DECLARE_FINAL_TYPE (SlvSyncStore, slv_sync_store, SLV, SYNC_STORE, GObject)

typedef struct
{
  char   *node;
  char   *client_id;
  char   *hlc;
  char   *cursor;
  char   *server_url;
  char   *user_id;
  char   *email;
  char   *grants;          /* JSON [{"role","scope"}…] from the last sign-in */
  char   *last_error;
  gint64  clock_offset_ms;
  gint64  last_push_ok;    /* Unix ms, 0 = never */
  gint64  last_pull_ok;
} SlvSyncState;

void          slv_sync_state_free (SlvSyncState *state);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlvSyncState, slv_sync_state_free)

typedef struct
{
  guint applied;       /* fields written */
  guint skipped;       /* older than what the workspace holds */
  guint unknown;       /* kept in sync_unknown */
  guint evicted;       /* rows removed */
  guint acked;         /* ops acknowledged */
  guint refused;       /* ops refused for good (sync_rejection) */
  guint corrected;     /* fields set to the server's value */
  guint retry;         /* ops waiting for a blob */
} SlvSyncCounts;

SlvSyncStore  *slv_sync_store_new              (SlvStore            *store,
                                                GError             **error) G_GNUC_WARN_UNUSED_RESULT;
SlvStore      *slv_sync_store_get_store        (SlvSyncStore        *self);
/* The level the client claims (Selvedge-Schema) and knows fields by;
 * tests lower it to play an older app. */
int            slv_sync_store_get_schema_level (SlvSyncStore        *self);
void           slv_sync_store_set_schema_level (SlvSyncStore        *self,
                                                int                  level);
void           slv_sync_store_set_wall_clock   (SlvSyncStore        *self,
                                                SlvWallClockFunc     func,
                                                gpointer             user_data);
/* Wall time of the sync clock (injected clock and learnt offset applied). */
gint64         slv_sync_store_wall_ms          (SlvSyncStore        *self);

/* State and account */
SlvSyncState  *slv_sync_store_load_state       (SlvSyncStore        *self,
                                                GError             **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean       slv_sync_store_set_account      (SlvSyncStore        *self,
                                                const char          *server_url,
                                                const char          *user_id,
                                                const char          *email,
                                                const char          *grants_json,
                                                GError             **error);
/* Sign-out: forgets the account, keeps data, outbox and cursor. */
gboolean       slv_sync_store_clear_account    (SlvSyncStore        *self,
                                                GError             **error);
/* The device id, made on first use. */
char          *slv_sync_store_dup_client_id    (SlvSyncStore        *self,
                                                GError             **error) G_GNUC_WARN_UNUSED_RESULT;
/* A new clock node (node_conflict, or a clock the server refused). */
gboolean       slv_sync_store_new_node         (SlvSyncStore        *self,
                                                GError             **error);
gboolean       slv_sync_store_set_last_error   (SlvSyncStore        *self,
                                                const char          *message,
                                                GError             **error);
/* Follows a server stamp (every server_hlc). */
gboolean       slv_sync_store_recv             (SlvSyncStore        *self,
                                                const char          *server_hlc,
                                                GError             **error);

/* Outbox */
gint64         slv_sync_store_count_outbox     (SlvSyncStore        *self);
/* The batch to push: the oldest unacknowledged one unchanged, else a new
 * one from the oldest unsent ops (whole transactions, ≤ 1,000 ops). NULL
 * without error when there is nothing to send. */
SlvSyncPushRequest *slv_sync_store_next_batch  (SlvSyncStore        *self,
                                                GError             **error) G_GNUC_WARN_UNUSED_RESULT;
/* Records a failed attempt; the batch is resent unchanged. */
gboolean       slv_sync_store_batch_failed     (SlvSyncStore        *self,
                                                const char          *batch_id,
                                                const char          *message,
                                                gint64               next_attempt_ms,
                                                GError             **error);
/* A batch the server refused as a whole (400): its ops go to
 * sync_rejection so the queue moves on. */
gboolean       slv_sync_store_reject_batch     (SlvSyncStore        *self,
                                                const char          *batch_id,
                                                const char          *code,
                                                const char          *detail,
                                                GError             **error);
/* One transaction: acknowledged ops leave, the server's values replace
 * superseded and refused ones, refusals go to sync_rejection, blob-waiting
 * ops return to the queue, the clock follows server_hlc. */
gboolean       slv_sync_store_apply_push       (SlvSyncStore        *self,
                                                SlvSyncPushRequest  *request,
                                                SlvSyncPushResponse *response,
                                                SlvSyncCounts       *counts,
                                                GError             **error);
/* After clock_skew: a new node whose clock starts at the server's, the
 * batch dissolved, every op stamped ahead of @server_time_ms stamped again
 * (one stamp per original transaction, in outbox order). */
gboolean       slv_sync_store_restamp          (SlvSyncStore        *self,
                                                gint64               server_time_ms,
                                                GError             **error);

/* Pull. Applies a page with its cursor in one transaction. A page that
 * asks for a resync while ops wait in the outbox is not applied: push them
 * first (@needs_drain TRUE), then pull the same cursor again. */
gboolean       slv_sync_store_apply_page       (SlvSyncStore        *self,
                                                SlvSyncPullPage     *page,
                                                SlvSyncCounts       *counts,
                                                gboolean            *needs_drain,
                                                GError             **error);
/* Moves fields kept in sync_unknown into tables that now know them. */
gboolean       slv_sync_store_adopt_unknown    (SlvSyncStore        *self,
                                                guint               *adopted,
                                                GError             **error);

/* Blobs */
/* Hashes referenced by the outbox whose upload is not confirmed. */
char         **slv_sync_store_blobs_to_upload  (SlvSyncStore        *self,
                                                GError             **error) G_GNUC_WARN_UNUSED_RESULT;
typedef struct
{
  char   *sha256;
  gint64  size;
  char   *mime;
  char   *upload_id;
  gint64  sent_bytes;
  char   *state;        /* NULL, "uploading", "done" */
} SlvBlobUpload;

void           slv_blob_upload_free            (SlvBlobUpload       *upload);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlvBlobUpload, slv_blob_upload_free)
/* The upload record of @sha256 (made from the blob row and file if new). */
SlvBlobUpload *slv_sync_store_get_upload       (SlvSyncStore        *self,
                                                const char          *sha256,
                                                GError             **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean       slv_sync_store_save_upload      (SlvSyncStore        *self,
                                                const SlvBlobUpload *upload,
                                                GError             **error);
/* Hashes referenced by rows of the workspace whose file is missing. */
char         **slv_sync_store_blobs_to_download (SlvSyncStore       *self,
                                                 GError            **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
