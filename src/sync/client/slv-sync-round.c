/* slv-sync-round.c: one sync round (SYNC-PROTOCOL.md §5, §6, §9) — its
 * frame: the worker-thread steps, how a round ends or fails, its start
 * (state and sign-in) and device registration. Pushing (with the blobs the
 * outbox needs) is in slv-sync-round-push.c, pulling (with downloads) in
 * slv-sync-round-pull.c.
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

#include "slv-sync-round-private.h"

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

void
slv_sync_round_db_run (Round    *round,
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

void
slv_sync_round_succeed (Round *round)
{
  slv_sync_round_db_run (round, count_db, counted);
}

/* Fails the round with @error (taken), once the outbox is counted. */
void
slv_sync_round_fail (Round  *round,
                     GError *error)
{
  g_clear_error (&round->error);
  round->error = error;
  slv_sync_round_db_run (round, count_db, counted);
}

GError *
slv_sync_round_error_from_http (const GError *error)
{
  if (g_error_matches (error, SLV_SYNC_HTTP_ERROR, SLV_SYNC_HTTP_ERROR_SIGN_IN))
    return g_error_new_literal (SLV_SYNC_ENGINE_ERROR, SLV_SYNC_ENGINE_ERROR_SIGNED_OUT, error->message);
  if (g_error_matches (error, SLV_SYNC_HTTP_ERROR, SLV_SYNC_HTTP_ERROR_NETWORK))
    return g_error_new_literal (SLV_SYNC_ENGINE_ERROR, SLV_SYNC_ENGINE_ERROR_OFFLINE, error->message);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (error);
  return g_error_new_literal (SLV_SYNC_ENGINE_ERROR, SLV_SYNC_ENGINE_ERROR_FAILED, error->message);
}

GError *
slv_sync_round_error_from_reply (SlvSyncReply *reply)
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
  slv_sync_round_db_run (round, count_db, counted);
}

void
slv_sync_round_push_failed (Round  *round,
                            GError *error)
{
  g_free (round->batch_error);
  round->batch_error = g_strdup (error->message);
  g_clear_error (&round->error);
  round->error = error;
  slv_sync_round_db_run (round, batch_failed_db, after_batch_failed);
}

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
      slv_sync_round_fail (round, g_error_copy (error));
      return;
    }
  if (state->server_url == NULL || state->user_id == NULL)
    {
      slv_sync_round_fail (round, g_error_new_literal (SLV_SYNC_ENGINE_ERROR, SLV_SYNC_ENGINE_ERROR_SIGNED_OUT,
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
      slv_sync_round_fail (round, g_error_new_literal (SLV_SYNC_ENGINE_ERROR, SLV_SYNC_ENGINE_ERROR_SIGNED_OUT,
                                                       _("Sign in to sync this workspace.")));
      return;
    }
  slv_sync_engine_set_status (self, SLV_SYNC_STATUS_SYNCING, NULL);
  slv_sync_round_register_device (round);
}

/* 2. Device registration (node → client id) */

gboolean
slv_sync_round_new_node_db (Round   *round,
                            GError **error)
{
  g_clear_pointer (&round->state, slv_sync_state_free);
  return slv_sync_store_new_node (round->engine->sync, error) &&
         (round->state = slv_sync_store_load_state (round->engine->sync, error)) != NULL;
}

gboolean
slv_sync_round_reload_state_db (Round   *round,
                                GError **error)
{
  g_clear_pointer (&round->state, slv_sync_state_free);
  return (round->state = slv_sync_store_load_state (round->engine->sync, error)) != NULL;
}

void
slv_sync_round_node_renewed (Round  *round,
                             GError *error)
{
  if (error != NULL)
    slv_sync_round_fail (round, g_error_copy (error));
  else
    slv_sync_round_register_device (round);
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
      slv_sync_round_fail (round, slv_sync_round_error_from_http (error));
      g_error_free (error);
      return;
    }
  if (reply->status == 200)
    {
      g_free (round->engine->registered_node);
      round->engine->registered_node = g_strdup (round->state->node);
      slv_sync_round_blobs_begin (round);
      return;
    }
  if (strcmp (slv_sync_reply_code (reply), "node_conflict") == 0 && ++round->registers < SLV_SYNC_ROUND_MAX_REGISTERS)
    {
      slv_sync_round_db_run (round, slv_sync_round_new_node_db, slv_sync_round_node_renewed);
      return;
    }
  slv_sync_round_fail (round, slv_sync_round_error_from_reply (reply));
}

void
slv_sync_round_register_device (Round *round)
{
  SlvSyncEngine *self = round->engine;
  GString *json;
  g_autoptr(GBytes) body = NULL;

  if (g_strcmp0 (self->registered_node, round->state->node) == 0)
    {
      slv_sync_round_blobs_begin (round);
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
  slv_sync_round_db_run (round, begin_db, began);
}
