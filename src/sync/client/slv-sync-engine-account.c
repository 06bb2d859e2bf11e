/* slv-sync-engine-account.c: the engine's account — sign-in, sign-out, the
 * refresh tokens it keeps, and the account's rights mirrored for widgets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-sync-engine"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "slv-sync-engine-private.h"
#include "store/slv-capture.h"

gboolean
slv_sync_engine_set_sign_in (SlvSyncEngine  *self,
                             const char     *server_url,
                             const char     *access_token,
                             const char     *refresh_token,
                             const char     *user_id,
                             const char     *email,
                             const char     *grants_json,
                             GError        **error)
{
  g_autoptr(SlvSyncState) state = NULL;
  g_autofree char *url = g_strdup (server_url);

  while (g_str_has_suffix (url, "/"))
    url[strlen (url) - 1] = '\0';
  server_url = url;
  if (!slv_sync_store_set_account (self->sync, server_url, user_id, email, grants_json, error) ||
      (state = slv_sync_store_load_state (self->sync, error)) == NULL)
    return FALSE;
  slv_sync_engine_take_state (self, state);
  {
    g_autoptr(SlvSyncHttp) http = slv_sync_http_new (server_url, slv_sync_store_get_schema_level (self->sync));

    slv_sync_http_set_tokens (http, access_token, 900, refresh_token);
    self->transient_tokens = TRUE;
    slv_sync_engine_take_http (self, http);
  }
  self->tokens_loaded = TRUE;
  g_clear_pointer (&self->registered_node, g_free);
  slv_sync_engine_set_status (self, SLV_SYNC_STATUS_PENDING, NULL);
  return TRUE;
}

/* A refresh rotates the refresh token: keep the new one. A kill before it
 * is saved is covered by the server's grace period, which answers the old
 * token with the same new pair. */
static void
save_token_thread (GTask        *task,
                   gpointer      source,
                   gpointer      data,
                   GCancellable *cancellable)
{
  SlvSyncEngine *self = source;
  char **args = data;   /* server, token */
  GError *error = NULL;

  if (slv_token_store_save (self->tokens, args[0], slv_store_get_path (self->store), args[1], &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
token_saved_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_warning ("The renewed sign-in could not be kept: %s", error->message);
}

static void
tokens_changed_cb (SlvSyncHttp   *http,
                   SlvSyncEngine *self)
{
  g_autoptr(GTask) task = NULL;
  const char *token = slv_sync_http_get_refresh_token (http);
  char **args;

  if (token == NULL || self->server_url == NULL || self->transient_tokens)
    return;
  task = g_task_new (self, NULL, token_saved_cb, NULL);
  args = g_new0 (char *, 3);
  args[0] = g_strdup (self->server_url);
  args[1] = g_strdup (token);
  g_task_set_task_data (task, args, (GDestroyNotify) g_strfreev);
  g_task_run_in_thread_sync (task, save_token_thread);
}

void
slv_sync_engine_take_http (SlvSyncEngine *self,
                           SlvSyncHttp   *http)
{
  if (self->http == http)
    return;
  if (self->http != NULL)
    g_signal_handlers_disconnect_by_data (self->http, self);
  g_clear_object (&self->http);
  if (http == NULL)
    return;
  self->http = g_object_ref (http);
  g_signal_connect_object (http, "tokens-changed", G_CALLBACK (tokens_changed_cb), self, 0);
}

/* Sign-in */

typedef struct
{
  char        *server_url;
  char        *email;
  char        *password;
  char        *client_id;
  SlvSyncHttp *http;
  JsonNode    *reply;
  char        *user_id;
  char        *grants;
} SignIn;

static void
sign_in_free (SignIn *s)
{
  g_free (s->server_url);
  g_free (s->email);
  if (s->password != NULL)
    memset (s->password, 0, strlen (s->password));
  g_free (s->password);
  g_free (s->client_id);
  g_clear_object (&s->http);
  g_clear_pointer (&s->reply, json_node_unref);
  g_free (s->user_id);
  g_free (s->grants);
  g_free (s);
}

static void
save_sign_in_thread (GTask        *task,
                     gpointer      source,
                     gpointer      data,
                     GCancellable *cancellable)
{
  SlvSyncEngine *self = source;
  SignIn *s = data;
  GError *error = NULL;
  JsonObject *o = json_node_get_object (s->reply);
  JsonObject *user = json_object_has_member (o, "user") ? json_object_get_object_member (o, "user") : NULL;
  JsonNode *grants = json_object_get_member (o, "grants");
  const char *email = user && json_object_has_member (user, "email") ? json_object_get_string_member (user, "email")
                                                                    : s->email;

  s->user_id = g_strdup (user && json_object_has_member (user, "id") ? json_object_get_string_member (user, "id")
                                                                     : NULL);
  s->grants = grants ? slv_json_node_to_text (grants) : g_strdup ("[]");
  if (s->user_id == NULL)
    g_set_error (&error, SLV_SYNC_ENGINE_ERROR, SLV_SYNC_ENGINE_ERROR_FAILED,
                 _("The server’s sign-in answer has no user."));
  if (error == NULL &&
      slv_token_store_save (self->tokens, s->server_url, slv_store_get_path (self->store),
                            slv_sync_http_get_refresh_token (s->http), &error) &&
      slv_sync_store_set_account (self->sync, s->server_url, s->user_id, email, s->grants, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
sign_in_saved_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SlvSyncEngine *self = SLV_SYNC_ENGINE (source);
  SignIn *s = g_task_get_task_data (task);
  GError *error = NULL;
  g_autoptr(SlvSyncState) state = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, error);
      return;
    }
  state = slv_sync_store_load_state (self->sync, NULL);
  if (state != NULL)
    slv_sync_engine_take_state (self, state);
  self->transient_tokens = FALSE;
  slv_sync_engine_take_http (self, s->http);
  self->tokens_loaded = TRUE;
  g_clear_pointer (&self->registered_node, g_free);
  self->failures = 0;
  self->retry_at_ms = 0;
  slv_sync_engine_notify_email (self);
  slv_sync_engine_set_status (self, self->pending > 0 ? SLV_SYNC_STATUS_PENDING : SLV_SYNC_STATUS_UP_TO_DATE, NULL);
  g_task_return_boolean (task, TRUE);
  if (self->automatic)
    slv_sync_engine_request_round (self);
}

static void
logged_in_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GTask *task = user_data;
  SignIn *s = g_task_get_task_data (task);
  GError *error = NULL;
  g_autoptr(GTask) save = NULL;

  s->reply = slv_sync_http_login_finish (SLV_SYNC_HTTP (source), result, &error);
  if (s->reply == NULL || !JSON_NODE_HOLDS_OBJECT (s->reply))
    {
      g_task_return_error (task, error ? error : g_error_new_literal (SLV_SYNC_ENGINE_ERROR,
                                                                      SLV_SYNC_ENGINE_ERROR_FAILED,
                                                                      _("The server’s sign-in answer is not readable.")));
      g_object_unref (task);
      return;
    }
  save = g_task_new (g_task_get_source_object (task), NULL, sign_in_saved_cb, task);
  g_task_set_task_data (save, s, NULL);
  g_task_run_in_thread (save, save_sign_in_thread);
}

static void
client_id_thread (GTask        *task,
                  gpointer      source,
                  gpointer      data,
                  GCancellable *cancellable)
{
  SlvSyncEngine *self = source;
  SignIn *s = data;
  GError *error = NULL;

  s->client_id = slv_sync_store_dup_client_id (self->sync, &error);
  if (s->client_id == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
client_id_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GTask *task = user_data;
  SignIn *s = g_task_get_task_data (task);
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  slv_sync_http_login_async (s->http, s->email, s->password, s->client_id, g_get_host_name (),
                             g_task_get_cancellable (task), logged_in_cb, task);
}

void
slv_sync_engine_sign_in_async (SlvSyncEngine       *self,
                               const char          *server_url,
                               const char          *email,
                               const char          *password,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(GTask) id_task = NULL;
  SignIn *s = g_new0 (SignIn, 1);

  g_task_set_source_tag (task, slv_sync_engine_sign_in_async);
  s->server_url = g_strdup (server_url);
  while (g_str_has_suffix (s->server_url, "/"))
    s->server_url[strlen (s->server_url) - 1] = '\0';
  s->email = g_strdup (email);
  s->password = g_strdup (password);
  s->http = slv_sync_http_new (s->server_url, slv_sync_store_get_schema_level (self->sync));
  g_task_set_task_data (task, s, (GDestroyNotify) sign_in_free);
  if (!g_str_has_prefix (s->server_url, "http://") && !g_str_has_prefix (s->server_url, "https://"))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _("“%s” is not a server address; it starts with https:// (or http://)."),
                               server_url);
      g_object_unref (task);
      return;
    }
  id_task = g_task_new (self, NULL, client_id_cb, task);
  g_task_set_task_data (id_task, s, NULL);
  g_task_run_in_thread (id_task, client_id_thread);
}

gboolean
slv_sync_engine_sign_in_finish (SlvSyncEngine  *self,
                                GAsyncResult   *result,
                                GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Sign-out keeps the workspace, its outbox and its cursor. */

static void
sign_out_thread (GTask        *task,
                 gpointer      source,
                 gpointer      data,
                 GCancellable *cancellable)
{
  SlvSyncEngine *self = source;
  const char *server_url = data;
  GError *error = NULL;
  g_autoptr(GError) keyring = NULL;

  if (server_url != NULL)
    slv_token_store_clear (self->tokens, server_url, slv_store_get_path (self->store), &keyring);
  if (keyring != NULL)
    g_message ("%s", keyring->message);
  if (slv_sync_store_clear_account (self->sync, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
cleared_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SlvSyncEngine *self = SLV_SYNC_ENGINE (source);
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, error);
      return;
    }
  slv_sync_engine_take_http (self, NULL);
  g_clear_pointer (&self->user_id, g_free);
  g_clear_pointer (&self->grants, g_free);
  g_clear_pointer (&self->registered_node, g_free);
  slv_sync_engine_notify_email (self);
  slv_sync_engine_set_status (self, SLV_SYNC_STATUS_SIGNED_OUT, NULL);
  g_task_return_boolean (task, TRUE);
}

static void
signed_out_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GTask *task = user_data;
  SlvSyncEngine *self = g_task_get_source_object (task);
  g_autoptr(GTask) clear = g_task_new (self, NULL, cleared_cb, task);

  if (source != NULL)
    slv_sync_http_logout_finish (SLV_SYNC_HTTP (source), result, NULL);
  g_task_set_task_data (clear, g_strdup (self->server_url), g_free);
  g_task_run_in_thread (clear, sign_out_thread);
}

void
slv_sync_engine_sign_out_async (SlvSyncEngine       *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, slv_sync_engine_sign_out_async);
  if (self->http != NULL)
    slv_sync_http_logout_async (self->http, cancellable, signed_out_cb, task);
  else
    signed_out_cb (NULL, NULL, task);
}

gboolean
slv_sync_engine_sign_out_finish (SlvSyncEngine  *self,
                                 GAsyncResult   *result,
                                 GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* RBAC mirrored for widgets */

gboolean
slv_sync_engine_can_write (SlvSyncEngine *self,
                           const char    *table,
                           const char    *row_id,
                           const char    *field)
{
  const SlvSyncTablePolicy *policy = slv_sync_policy_lookup_table (table);
  const SlvSyncFieldPolicy *fp = policy ? slv_sync_policy_lookup_field (policy, field) : NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GArray) grants = NULL;
  g_autofree char *bucket = NULL;
  SlvSyncBucketKind kind;
  guint roles;

  if (self->user_id == NULL || self->grants == NULL || fp == NULL)
    return TRUE;
  bucket = row_id ? slv_store_dup_row_bucket (self->store, table, row_id) : NULL;
  if (bucket == NULL || !slv_sync_bucket_parse (bucket, &kind, NULL, NULL))
    return TRUE;
  root = slv_json_parse (self->grants, strlen (self->grants), NULL);
  grants = g_array_new (FALSE, TRUE, sizeof (SlvSyncGrant));
  for (guint i = 0; root && JSON_NODE_HOLDS_ARRAY (root) && i < json_array_get_length (json_node_get_array (root)); i++)
    {
      JsonObject *g = slv_json_array_get_object (json_node_get_array (root), i, "Grant", NULL);
      const char *role = g ? slv_json_get_string (g, "role", "Grant", NULL) : NULL;
      const char *scope = g ? slv_json_get_string (g, "scope", "Grant", NULL) : NULL;
      SlvSyncGrant grant = { 0, (char *) scope };

      if (scope != NULL && slv_sync_role_from_string (role, &grant.role))
        g_array_append_val (grants, grant);
    }
  roles = slv_sync_grants_roles_in_bucket ((SlvSyncGrant *) (void *) grants->data, grants->len, bucket);
  return slv_sync_policy_can_write (fp, kind, roles);
}
