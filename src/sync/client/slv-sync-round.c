/* slv-sync-round.c: one sync round (SYNC-PROTOCOL.md §5, §6, §9).
 *
 * register the device → upload the blobs the outbox needs → push batches
 * until the outbox is empty (a batch is resent unchanged until answered)
 * → pull pages until has_more is false → download missing blobs. Each
 * step that touches SQLite runs in a worker thread on the sync connection;
 * the network steps are libsoup callbacks on the caller's main context.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-sync-engine"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "slv-sync-engine-private.h"
#include "sync/slv-sync-fault.h"

#define MAX_REGISTERS 3
#define MAX_RESTAMPS  2
#define MAX_DRAINS    2

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

static void
round_free (Round *round)
{
  g_clear_object (&round->engine);
  g_clear_object (&round->cancellable);
  g_clear_pointer (&round->state, slv_sync_state_free);
  g_free (round->refresh_token);
  g_clear_pointer (&round->request, slv_sync_push_request_free);
  g_clear_pointer (&round->response, slv_sync_push_response_free);
  g_clear_pointer (&round->page, slv_sync_pull_page_free);
  g_strfreev (round->blobs);
  g_strfreev (round->missing);
  g_free (round->batch_error);
  g_clear_error (&round->error);
  g_free (round);
}

/* Worker-thread steps */

typedef struct
{
  Round    *round;
  DbFunc    func;
  StepFunc  next;
} DbCall;

static void
db_thread (GTask        *task,
           gpointer      source,
           gpointer      data,
           GCancellable *cancellable)
{
  DbCall *call = data;
  GError *error = NULL;

  if (call->func (call->round, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
db_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  DbCall *call = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  g_task_propagate_boolean (G_TASK (result), &error);
  call->next (call->round, error);
  g_clear_error (&error);
}

static void
db_run (Round    *round,
        DbFunc    func,
        StepFunc  next)
{
  g_autoptr(GTask) task = g_task_new (round->engine, NULL, db_done, NULL);
  DbCall *call = g_new0 (DbCall, 1);

  call->round = round;
  call->func = func;
  call->next = next;
  g_task_set_task_data (task, call, g_free);
  g_task_run_in_thread (task, db_thread);
}

/* Ending */

static void
finish (Round  *round,
        GError *error)
{
  GTask *task = round->task;

  slv_sync_engine_round_done (round->engine, &round->summary, error);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_memdup2 (&round->summary, sizeof round->summary), g_free);
  g_object_unref (task);
}

static gboolean
count_db (Round   *round,
          GError **error)
{
  round->summary.pending = slv_sync_store_count_outbox (round->engine->sync);
  return TRUE;
}

static void
counted (Round  *round,
         GError *error)
{
  finish (round, g_steal_pointer (&round->error));
}

static void
succeed (Round *round)
{
  db_run (round, count_db, counted);
}

/* Fails the round with @error (taken), once the outbox is counted. */
static void
fail (Round  *round,
      GError *error)
{
  g_clear_error (&round->error);
  round->error = error;
  db_run (round, count_db, counted);
}

static GError *
error_from_http (const GError *error)
{
  if (g_error_matches (error, SLV_SYNC_HTTP_ERROR, SLV_SYNC_HTTP_ERROR_SIGN_IN))
    return g_error_new_literal (SLV_SYNC_ENGINE_ERROR, SLV_SYNC_ENGINE_ERROR_SIGNED_OUT, error->message);
  if (g_error_matches (error, SLV_SYNC_HTTP_ERROR, SLV_SYNC_HTTP_ERROR_NETWORK))
    return g_error_new_literal (SLV_SYNC_ENGINE_ERROR, SLV_SYNC_ENGINE_ERROR_OFFLINE, error->message);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (error);
  return g_error_new_literal (SLV_SYNC_ENGINE_ERROR, SLV_SYNC_ENGINE_ERROR_FAILED, error->message);
}

static GError *
error_from_reply (SlvSyncReply *reply)
{
  const char *code = slv_sync_reply_code (reply);
  const char *detail = reply->problem && reply->problem->detail ? reply->problem->detail : code;

  if (reply->status == 426 || strcmp (code, "upgrade_required") == 0)
    return g_error_new (SLV_SYNC_ENGINE_ERROR, SLV_SYNC_ENGINE_ERROR_UPGRADE,
                        _("The server needs a newer Selvedge: %s Your work is kept here."), detail);
  if (reply->status == 401)
    return g_error_new (SLV_SYNC_ENGINE_ERROR, SLV_SYNC_ENGINE_ERROR_SIGNED_OUT,
                        _("Sign in again to sync: %s"), detail);
  if (reply->status >= 500 || reply->status == 429 || reply->status == 408)
    return g_error_new (SLV_SYNC_ENGINE_ERROR, SLV_SYNC_ENGINE_ERROR_SERVER,
                        _("The server is unavailable (%s); retrying later."), detail);
  return g_error_new (SLV_SYNC_ENGINE_ERROR, SLV_SYNC_ENGINE_ERROR_FAILED,
                      _("The server refused the request (%u %s): %s"), reply->status, code, detail);
}

static guint
retry_after (SlvSyncReply *reply)
{
  const char *h = soup_message_headers_get_one (reply->headers, "Retry-After");

  return h ? (guint) g_ascii_strtoull (h, NULL, 10) : 0;
}

/* Push failures: the batch stays, its attempt is recorded. */
static gboolean
batch_failed_db (Round   *round,
                 GError **error)
{
  return round->request == NULL ||
         slv_sync_store_batch_failed (round->engine->sync, round->request->batch_id, round->batch_error,
                                      g_get_real_time () / 1000 + round->retry_ms, error);
}

static void
after_batch_failed (Round  *round,
                    GError *db_error)
{
  if (db_error != NULL)
    g_warning ("Could not record a failed push: %s", db_error->message);
  db_run (round, count_db, counted);
}

static void
push_failed (Round  *round,
             GError *error)
{
  g_free (round->batch_error);
  round->batch_error = g_strdup (error->message);
  g_clear_error (&round->error);
  round->error = error;
  db_run (round, batch_failed_db, after_batch_failed);
}

/* Forward declarations of the steps */
static void register_device (Round *round);
static void blobs_begin (Round *round);
static void push_next (Round *round);
static void pull_next (Round *round);
static void downloads_begin (Round *round);

/* 1. State and sign-in */

static gboolean
begin_db (Round   *round,
          GError **error)
{
  SlvSyncEngine *self = round->engine;
  g_autofree char *client_id = slv_sync_store_dup_client_id (self->sync, error);

  if (client_id == NULL || !slv_sync_store_adopt_unknown (self->sync, NULL, error))
    return FALSE;
  round->state = slv_sync_store_load_state (self->sync, error);
  if (round->state == NULL)
    return FALSE;
  if (!self->tokens_loaded && round->state->server_url != NULL && round->state->user_id != NULL)
    {
      g_autoptr(GError) local = NULL;

      round->refresh_token = slv_token_store_load (self->tokens, round->state->server_url,
                                                   slv_store_get_path (self->store), &local);
      if (local != NULL)
        g_set_error_literal (error, SLV_SYNC_ENGINE_ERROR, SLV_SYNC_ENGINE_ERROR_SIGNED_OUT, local->message);
      return local == NULL;
    }
  return TRUE;
}

static void
began (Round  *round,
       GError *error)
{
  SlvSyncEngine *self = round->engine;
  SlvSyncState *state = round->state;

  if (error != NULL)
    {
      fail (round, g_error_copy (error));
      return;
    }
  if (state->server_url == NULL || state->user_id == NULL)
    {
      fail (round, g_error_new_literal (SLV_SYNC_ENGINE_ERROR, SLV_SYNC_ENGINE_ERROR_SIGNED_OUT,
                                        _("Sign in to sync this workspace.")));
      return;
    }
  if (self->http == NULL || strcmp (slv_sync_http_get_base_url (self->http), state->server_url) != 0)
    {
      g_autoptr(SlvSyncHttp) http = slv_sync_http_new (state->server_url, slv_sync_store_get_schema_level (self->sync));

      self->transient_tokens = FALSE;
      slv_sync_engine_take_http (self, http);
    }
  slv_sync_http_set_schema_level (self->http, slv_sync_store_get_schema_level (self->sync));
  if (round->refresh_token != NULL && !slv_sync_http_has_sign_in (self->http))
    slv_sync_http_set_tokens (self->http, NULL, 0, round->refresh_token);
  self->tokens_loaded = TRUE;
  if (!slv_sync_http_has_sign_in (self->http))
    {
      fail (round, g_error_new_literal (SLV_SYNC_ENGINE_ERROR, SLV_SYNC_ENGINE_ERROR_SIGNED_OUT,
                                        _("Sign in to sync this workspace.")));
      return;
    }
  slv_sync_engine_set_status (self, SLV_SYNC_STATUS_SYNCING, NULL);
  register_device (round);
}

/* 2. Device registration (node → client id) */

static gboolean
new_node_db (Round   *round,
             GError **error)
{
  g_clear_pointer (&round->state, slv_sync_state_free);
  return slv_sync_store_new_node (round->engine->sync, error) &&
         (round->state = slv_sync_store_load_state (round->engine->sync, error)) != NULL;
}

static gboolean
reload_state_db (Round   *round,
                 GError **error)
{
  g_clear_pointer (&round->state, slv_sync_state_free);
  return (round->state = slv_sync_store_load_state (round->engine->sync, error)) != NULL;
}

static void
node_renewed (Round  *round,
              GError *error)
{
  if (error != NULL)
    fail (round, g_error_copy (error));
  else
    register_device (round);
}

static void
registered_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  Round *round = user_data;
  GError *error = NULL;
  g_autoptr(SlvSyncReply) reply = slv_sync_http_send_finish (SLV_SYNC_HTTP (source), result, &error);

  if (reply == NULL)
    {
      fail (round, error_from_http (error));
      g_error_free (error);
      return;
    }
  if (reply->status == 200)
    {
      g_free (round->engine->registered_node);
      round->engine->registered_node = g_strdup (round->state->node);
      blobs_begin (round);
      return;
    }
  if (strcmp (slv_sync_reply_code (reply), "node_conflict") == 0 && ++round->registers < MAX_REGISTERS)
    {
      db_run (round, new_node_db, node_renewed);
      return;
    }
  fail (round, error_from_reply (reply));
}

static void
register_device (Round *round)
{
  SlvSyncEngine *self = round->engine;
  GString *json;
  g_autoptr(GBytes) body = NULL;

  if (g_strcmp0 (self->registered_node, round->state->node) == 0)
    {
      blobs_begin (round);
      return;
    }
  json = g_string_new ("{\"client_id\":");
  slv_json_append_string (json, round->state->client_id);
  g_string_append (json, ",\"node\":");
  slv_json_append_string (json, round->state->node);
  g_string_append (json, ",\"name\":");
  slv_json_append_string (json, g_get_host_name ());
  g_string_append_c (json, '}');
  body = g_string_free_to_bytes (json);
  slv_sync_http_send_async (self->http, "POST", "/v1/devices", "application/json", body, NULL, TRUE, NULL,
                            round->cancellable, registered_cb, round);
}

/* 3. Blobs the outbox refers to */

static gboolean
list_uploads_db (Round   *round,
                 GError **error)
{
  g_strfreev (round->blobs);
  round->blobs = slv_sync_store_blobs_to_upload (round->engine->sync, error);
  return round->blobs != NULL;
}

static gboolean
mark_present_db (Round   *round,
                 GError **error)
{
  for (guint i = 0; round->blobs[i] != NULL; i++)
    {
      g_autoptr(SlvBlobUpload) up = NULL;

      if (g_strv_contains ((const char * const *) round->missing, round->blobs[i]))
        continue;
      up = slv_sync_store_get_upload (round->engine->sync, round->blobs[i], error);
      if (up == NULL)
        return FALSE;
      g_free (up->state);
      up->state = g_strdup ("done");
      if (!slv_sync_store_save_upload (round->engine->sync, up, error))
        return FALSE;
    }
  return TRUE;
}

static void upload_next (Round *round);

static void
uploaded_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Round *round = user_data;
  g_autoptr(GError) error = NULL;

  if (!slv_sync_upload_finish (round->engine, result, &error))
    {
      if (error->domain == SLV_SYNC_ENGINE_ERROR)
        {
          fail (round, g_steal_pointer (&error));
          return;
        }
      /* a blob that cannot be read here: its ops wait, the rest goes on */
      g_warning ("Blob %s was not uploaded: %s", round->missing[round->index], error->message);
    }
  else
    round->summary.uploads++;
  round->index++;
  upload_next (round);
}

static void
upload_next (Round *round)
{
  if (round->missing[round->index] != NULL)
    {
      slv_sync_engine_progress (round->engine, _("Uploading image %u of %u…"), round->index + 1,
                                g_strv_length (round->missing));
      slv_sync_upload_async (round->engine, round->missing[round->index], round->cancellable, uploaded_cb, round);
      return;
    }
  if (round->summary.uploads > 0)
    slv_sync_fault_point ("uploaded");
  push_next (round);
}

static void
presence_marked (Round  *round,
                 GError *error)
{
  if (error != NULL)
    {
      fail (round, g_error_copy (error));
      return;
    }
  round->index = 0;
  upload_next (round);
}

static void
checked_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Round *round = user_data;
  GError *error = NULL;
  g_autoptr(SlvSyncReply) reply = slv_sync_http_send_finish (SLV_SYNC_HTTP (source), result, &error);
  g_autoptr(JsonNode) root = NULL;
  gsize len = 0;
  const char *data;

  if (reply == NULL)
    {
      fail (round, error_from_http (error));
      g_error_free (error);
      return;
    }
  if (reply->status != 200)
    {
      fail (round, error_from_reply (reply));
      return;
    }
  data = g_bytes_get_data (reply->body, &len);
  root = slv_json_parse (data, len, &error);
  g_strfreev (round->missing);
  round->missing = root && JSON_NODE_HOLDS_OBJECT (root)
                   ? slv_json_get_strv (json_node_get_object (root), "missing", "Blob check", &error) : NULL;
  if (round->missing == NULL)
    {
      fail (round, g_error_new (SLV_SYNC_ENGINE_ERROR, SLV_SYNC_ENGINE_ERROR_FAILED,
                                _("The server’s blob check is not readable: %s"), error ? error->message : "?"));
      g_clear_error (&error);
      return;
    }
  db_run (round, mark_present_db, presence_marked);
}

static void
uploads_listed (Round  *round,
                GError *error)
{
  GString *json;
  g_autoptr(GBytes) body = NULL;

  if (error != NULL)
    {
      fail (round, g_error_copy (error));
      return;
    }
  if (round->blobs[0] == NULL)
    {
      push_next (round);
      return;
    }
  json = g_string_new ("{\"sha256\":[");
  for (guint i = 0; round->blobs[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (json, ',');
      slv_json_append_string (json, round->blobs[i]);
    }
  g_string_append (json, "]}");
  body = g_string_free_to_bytes (json);
  slv_sync_http_send_async (round->engine->http, "POST", "/v1/blobs/check", "application/json", body, NULL,
                            TRUE, NULL, round->cancellable, checked_cb, round);
}

static void
blobs_begin (Round *round)
{
  db_run (round, list_uploads_db, uploads_listed);
}

/* 4. Push */

static gboolean
next_batch_db (Round   *round,
               GError **error)
{
  SlvSyncStore *sync = round->engine->sync;

  g_clear_pointer (&round->request, slv_sync_push_request_free);
  g_clear_pointer (&round->response, slv_sync_push_response_free);
  if (slv_sync_store_count_outbox (sync) > 0)
    slv_sync_fault_point ("commit");
  round->request = slv_sync_store_next_batch (sync, error);
  return round->request != NULL || error == NULL || *error == NULL;
}

static gboolean
apply_push_db (Round   *round,
               GError **error)
{
  memset (&round->counts, 0, sizeof round->counts);
  return slv_sync_store_apply_push (round->engine->sync, round->request, round->response, &round->counts, error);
}

static gboolean
reject_batch_db (Round   *round,
                 GError **error)
{
  return slv_sync_store_reject_batch (round->engine->sync, round->request->batch_id, round->batch_error,
                                      round->batch_error, error);
}

static gboolean
restamp_db (Round   *round,
            GError **error)
{
  return slv_sync_store_restamp (round->engine->sync, round->server_time_ms, error) &&
         reload_state_db (round, error);
}

static void
push_applied (Round  *round,
              GError *error)
{
  SlvSyncCounts *c = &round->counts;

  if (error != NULL)
    {
      fail (round, g_error_copy (error));
      return;
    }
  slv_sync_engine_emit_pushed (round->engine, round->request, round->response);
  round->summary.batches++;
  round->summary.pushed += round->request->ops->len;
  round->summary.acked += c->acked;
  round->summary.refused += c->refused;
  round->summary.corrected += c->corrected;
  round->summary.waiting_blob += c->retry;
  if (c->retry > 0 && c->retry == round->request->ops->len)
    {
      /* only blob-waiting ops: upload once more, else leave them waiting */
      if (round->blob_passes++ == 0)
        blobs_begin (round);
      else
        pull_next (round);
      return;
    }
  push_next (round);
}

static void
after_restamp (Round  *round,
               GError *error)
{
  if (error != NULL)
    {
      fail (round, g_error_copy (error));
      return;
    }
  round->summary.restamps++;
  register_device (round);
}

static void
after_reject (Round  *round,
              GError *error)
{
  if (error != NULL)
    fail (round, g_error_copy (error));
  else
    push_next (round);
}

static gint64
problem_server_time (SlvSyncReply *reply)
{
  g_autoptr(GDateTime) dt = NULL;

  if (reply->problem == NULL || reply->problem->server_time == NULL ||
      (dt = g_date_time_new_from_iso8601 (reply->problem->server_time, NULL)) == NULL)
    return g_get_real_time () / 1000;
  return g_date_time_to_unix (dt) * 1000 + g_date_time_get_microsecond (dt) / 1000;
}

static void
push_refused (Round        *round,
              SlvSyncReply *reply)
{
  const char *code = slv_sync_reply_code (reply);

  if (strcmp (code, "clock_skew") == 0 && round->restamps < MAX_RESTAMPS)
    {
      round->restamps++;
      round->server_time_ms = problem_server_time (reply);
      g_message ("%s", reply->problem->detail ? reply->problem->detail : "clock_skew");
      db_run (round, restamp_db, after_restamp);
      return;
    }
  if (strcmp (code, "node_conflict") == 0 && ++round->registers < MAX_REGISTERS)
    {
      db_run (round, new_node_db, node_renewed);
      return;
    }
  if (reply->status == 400 || reply->status == 413 || reply->status == 422)
    {
      /* a batch the server will never take: its ops become rejections */
      g_free (round->batch_error);
      round->batch_error = g_strdup_printf ("%s: %s", code, reply->problem && reply->problem->detail
                                                            ? reply->problem->detail : "");
      db_run (round, reject_batch_db, after_reject);
      return;
    }
  if (reply->status == 429 || reply->status >= 500)
    {
      g_autoptr(GError) error = error_from_reply (reply);

      round->retry_ms = retry_after (reply) * 1000;
      push_failed (round, g_steal_pointer (&error));
      return;
    }
  fail (round, error_from_reply (reply));
}

static void
pushed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Round *round = user_data;
  GError *error = NULL;
  g_autoptr(SlvSyncReply) reply = slv_sync_http_send_finish (SLV_SYNC_HTTP (source), result, &error);
  gsize len = 0;
  const char *data;

  if (reply == NULL)
    {
      GError *e = error_from_http (error);

      g_error_free (error);
      if (e->code == SLV_SYNC_ENGINE_ERROR_OFFLINE)
        push_failed (round, e);
      else
        fail (round, e);
      return;
    }
  if (reply->status != 200)
    {
      push_refused (round, reply);
      return;
    }
  slv_sync_fault_point ("response");
  data = g_bytes_get_data (reply->body, &len);
  round->response = slv_sync_push_response_from_json (data, len, &error);
  if (round->response == NULL)
    {
      push_failed (round, g_error_new (SLV_SYNC_ENGINE_ERROR, SLV_SYNC_ENGINE_ERROR_SERVER,
                                       _("The server’s push answer is not readable: %s"), error->message));
      g_error_free (error);
      return;
    }
  db_run (round, apply_push_db, push_applied);
}

static void
batch_ready (Round  *round,
             GError *error)
{
  g_autofree char *json = NULL;
  g_autoptr(GBytes) body = NULL;

  if (error != NULL)
    {
      fail (round, g_error_copy (error));
      return;
    }
  if (round->request == NULL)
    {
      pull_next (round);
      return;
    }
  json = slv_sync_push_request_to_json (round->request);
  body = g_bytes_new_take (json, strlen (json));
  json = NULL;
  slv_sync_engine_progress (round->engine, g_dngettext (GETTEXT_PACKAGE, "Sending %u change…", "Sending %u changes…",
                                                        round->request->ops->len),
                            round->request->ops->len);
  slv_sync_http_send_async (round->engine->http, "POST", "/v1/sync/push", "application/json", body, NULL, TRUE,
                            "sent", round->cancellable, pushed_cb, round);
}

static void
push_next (Round *round)
{
  db_run (round, next_batch_db, batch_ready);
}

/* 5. Pull */

static gboolean
apply_page_db (Round   *round,
               GError **error)
{
  memset (&round->counts, 0, sizeof round->counts);
  return slv_sync_store_apply_page (round->engine->sync, round->page, &round->counts, &round->needs_drain, error) &&
         reload_state_db (round, error);
}

static gboolean
reset_cursor_db (Round   *round,
                 GError **error)
{
  SlvSyncPullPage page = { 0 };
  SlvSyncCounts counts = { 0 };
  gboolean drain = FALSE;

  /* an empty page without cursor stores "no cursor": a full pull */
  page.changes = g_ptr_array_new ();
  page.evict = g_ptr_array_new ();
  if (!slv_sync_store_apply_page (round->engine->sync, &page, &counts, &drain, error))
    {
      g_ptr_array_unref (page.changes);
      g_ptr_array_unref (page.evict);
      return FALSE;
    }
  g_ptr_array_unref (page.changes);
  g_ptr_array_unref (page.evict);
  return reload_state_db (round, error);
}

static void
page_applied (Round  *round,
              GError *error)
{
  SlvSyncCounts *c = &round->counts;
  gboolean more;

  if (error != NULL)
    {
      fail (round, g_error_copy (error));
      return;
    }
  if (round->needs_drain)
    {
      if (round->drains++ < MAX_DRAINS)
        push_next (round);
      else
        fail (round, g_error_new_literal (SLV_SYNC_ENGINE_ERROR, SLV_SYNC_ENGINE_ERROR_FAILED,
                                          _("Part of this workspace must be fetched again, once every local "
                                            "change is sent; some changes are still waiting.")));
      return;
    }
  round->summary.pages++;
  slv_sync_engine_progress (round->engine, _("Received %u changes (page %u)."), c->applied + c->skipped,
                            round->summary.pages);
  round->summary.pulled += c->applied;
  round->summary.skipped += c->skipped;
  round->summary.unknown += c->unknown;
  round->summary.evicted += c->evicted;
  more = round->page->has_more;
  g_clear_pointer (&round->page, slv_sync_pull_page_free);
  if (more)
    pull_next (round);
  else
    downloads_begin (round);
}

static void
cursor_reset (Round  *round,
              GError *error)
{
  if (error != NULL)
    fail (round, g_error_copy (error));
  else
    pull_next (round);
}

static void
pulled_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Round *round = user_data;
  GError *error = NULL;
  g_autoptr(SlvSyncReply) reply = slv_sync_http_send_finish (SLV_SYNC_HTTP (source), result, &error);
  gsize len = 0;
  const char *data;

  if (reply == NULL)
    {
      fail (round, error_from_http (error));
      g_error_free (error);
      return;
    }
  if (reply->status == 400 && round->cursor_resets++ == 0 && round->state->cursor != NULL)
    {
      /* a cursor the server no longer reads (its key changed): start over */
      g_warning ("The server refused this workspace’s sync position (%s); fetching everything again.",
                 reply->problem && reply->problem->detail ? reply->problem->detail : "");
      db_run (round, reset_cursor_db, cursor_reset);
      return;
    }
  if (reply->status != 200)
    {
      fail (round, error_from_reply (reply));
      return;
    }
  slv_sync_fault_point ("pull");
  data = g_bytes_get_data (reply->body, &len);
  round->page = slv_sync_pull_page_from_json (data, len, &error);
  if (round->page == NULL)
    {
      fail (round, g_error_new (SLV_SYNC_ENGINE_ERROR, SLV_SYNC_ENGINE_ERROR_SERVER,
                                _("The server’s pull answer is not readable: %s"), error->message));
      g_error_free (error);
      return;
    }
  db_run (round, apply_page_db, page_applied);
}

static void
pull_next (Round *round)
{
  g_autofree char *escaped = round->state->cursor ? g_uri_escape_string (round->state->cursor, NULL, FALSE)
                                                  : g_strdup ("");
  g_autofree char *path = g_strdup_printf ("/v1/sync/pull?cursor=%s&limit=%u", escaped, round->engine->page_limit);

  slv_sync_http_send_async (round->engine->http, "GET", path, NULL, NULL, NULL, TRUE, NULL, round->cancellable,
                            pulled_cb, round);
}

/* 6. Downloads (lazy: failures wait for the next round) */

static void download_next (Round *round);

static gboolean
list_downloads_db (Round   *round,
                   GError **error)
{
  g_strfreev (round->missing);
  round->missing = slv_sync_store_blobs_to_download (round->engine->sync, error);
  round->index = 0;
  return round->missing != NULL;
}

static void
downloaded_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  Round *round = user_data;
  g_autoptr(GError) error = NULL;

  if (slv_sync_download_finish (round->engine, result, &error))
    round->summary.downloads++;
  else
    g_message ("Blob %s is not here yet: %s", round->missing[round->index], error->message);
  round->index++;
  download_next (round);
}

static void
download_next (Round *round)
{
  if (round->missing[round->index] == NULL)
    {
      succeed (round);
      return;
    }
  slv_sync_download_async (round->engine, round->missing[round->index], round->cancellable, downloaded_cb, round);
}

static void
downloads_listed (Round  *round,
                  GError *error)
{
  if (error != NULL)
    fail (round, g_error_copy (error));
  else
    download_next (round);
}

static void
downloads_begin (Round *round)
{
  db_run (round, list_downloads_db, downloads_listed);
}

/* Entry */

void
slv_sync_round_start (SlvSyncEngine *self,
                      GTask         *task)
{
  Round *round = g_new0 (Round, 1);

  round->engine = g_object_ref (self);
  round->task = task;
  round->cancellable = g_task_get_cancellable (task) ? g_object_ref (g_task_get_cancellable (task)) : NULL;
  g_task_set_task_data (task, round, (GDestroyNotify) round_free);
  db_run (round, begin_db, began);
}
