/* slv-sync-round-push.c: the push half of a sync round — upload the blobs
 * the outbox refers to, then send batches until the outbox is empty (a batch
 * is resent unchanged until answered), restamping after clock skew and
 * rejecting batches the server will never take.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-sync-engine"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "slv-sync-round-private.h"
#include "sync/slv-sync-fault.h"

#define MAX_RESTAMPS 2

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
          slv_sync_round_fail (round, g_steal_pointer (&error));
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
  slv_sync_round_push_next (round);
}

static void
presence_marked (Round  *round,
                 GError *error)
{
  if (error != NULL)
    {
      slv_sync_round_fail (round, g_error_copy (error));
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
      slv_sync_round_fail (round, slv_sync_round_error_from_http (error));
      g_error_free (error);
      return;
    }
  if (reply->status != 200)
    {
      slv_sync_round_fail (round, slv_sync_round_error_from_reply (reply));
      return;
    }
  data = g_bytes_get_data (reply->body, &len);
  root = slv_json_parse (data, len, &error);
  g_strfreev (round->missing);
  round->missing = root && JSON_NODE_HOLDS_OBJECT (root)
                   ? slv_json_get_strv (json_node_get_object (root), "missing", "Blob check", &error) : NULL;
  if (round->missing == NULL)
    {
      slv_sync_round_fail (round, g_error_new (SLV_SYNC_ENGINE_ERROR, SLV_SYNC_ENGINE_ERROR_FAILED,
                                               _("The server’s blob check is not readable: %s"), error ? error->message : "?"));
      g_clear_error (&error);
      return;
    }
  slv_sync_round_db_run (round, mark_present_db, presence_marked);
}

static void
uploads_listed (Round  *round,
                GError *error)
{
  GString *json;
  g_autoptr(GBytes) body = NULL;

  if (error != NULL)
    {
      slv_sync_round_fail (round, g_error_copy (error));
      return;
    }
  if (round->blobs[0] == NULL)
    {
      slv_sync_round_push_next (round);
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

void
slv_sync_round_blobs_begin (Round *round)
{
  slv_sync_round_db_run (round, list_uploads_db, uploads_listed);
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
         slv_sync_round_reload_state_db (round, error);
}

static void
push_applied (Round  *round,
              GError *error)
{
  SlvSyncCounts *c = &round->counts;

  if (error != NULL)
    {
      slv_sync_round_fail (round, g_error_copy (error));
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
        slv_sync_round_blobs_begin (round);
      else
        slv_sync_round_pull_next (round);
      return;
    }
  slv_sync_round_push_next (round);
}

static void
after_restamp (Round  *round,
               GError *error)
{
  if (error != NULL)
    {
      slv_sync_round_fail (round, g_error_copy (error));
      return;
    }
  round->summary.restamps++;
  slv_sync_round_register_device (round);
}

static void
after_reject (Round  *round,
              GError *error)
{
  if (error != NULL)
    slv_sync_round_fail (round, g_error_copy (error));
  else
    slv_sync_round_push_next (round);
}

static guint
retry_after (SlvSyncReply *reply)
{
  const char *h = soup_message_headers_get_one (reply->headers, "Retry-After");

  return h ? (guint) g_ascii_strtoull (h, NULL, 10) : 0;
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
      slv_sync_round_db_run (round, restamp_db, after_restamp);
      return;
    }
  if (strcmp (code, "node_conflict") == 0 && ++round->registers < SLV_SYNC_ROUND_MAX_REGISTERS)
    {
      slv_sync_round_db_run (round, slv_sync_round_new_node_db, slv_sync_round_node_renewed);
      return;
    }
  if (reply->status == 400 || reply->status == 413 || reply->status == 422)
    {
      /* a batch the server will never take: its ops become rejections */
      g_free (round->batch_error);
      round->batch_error = g_strdup_printf ("%s: %s", code, reply->problem && reply->problem->detail
                                                            ? reply->problem->detail : "");
      slv_sync_round_db_run (round, reject_batch_db, after_reject);
      return;
    }
  if (reply->status == 429 || reply->status >= 500)
    {
      g_autoptr(GError) error = slv_sync_round_error_from_reply (reply);

      round->retry_ms = retry_after (reply) * 1000;
      slv_sync_round_push_failed (round, g_steal_pointer (&error));
      return;
    }
  slv_sync_round_fail (round, slv_sync_round_error_from_reply (reply));
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
      GError *e = slv_sync_round_error_from_http (error);

      g_error_free (error);
      if (e->code == SLV_SYNC_ENGINE_ERROR_OFFLINE)
        slv_sync_round_push_failed (round, e);
      else
        slv_sync_round_fail (round, e);
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
      slv_sync_round_push_failed (round, g_error_new (SLV_SYNC_ENGINE_ERROR, SLV_SYNC_ENGINE_ERROR_SERVER,
                                                      _("The server’s push answer is not readable: %s"), error->message));
      g_error_free (error);
      return;
    }
  slv_sync_round_db_run (round, apply_push_db, push_applied);
}

static void
batch_ready (Round  *round,
             GError *error)
{
  g_autofree char *json = NULL;
  g_autoptr(GBytes) body = NULL;

  if (error != NULL)
    {
      slv_sync_round_fail (round, g_error_copy (error));
      return;
    }
  if (round->request == NULL)
    {
      slv_sync_round_pull_next (round);
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

void
slv_sync_round_push_next (Round *round)
{
  slv_sync_round_db_run (round, next_batch_db, batch_ready);
}
