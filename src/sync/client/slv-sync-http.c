/* slv-sync-http.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-sync-http"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "slv-sync-http.h"
#include "sync/slv-sync-fault.h"
#include "sync/slv-sync-json.h"

struct _SlvSyncHttp
{
  GObject      parent_instance;

  SoupSession *session;
  char        *base_url;
  int          schema_level;
  char        *access_token;
  gint64       access_expires_us;
  char        *refresh_token;
  gboolean     refreshing;
  GPtrArray   *waiters;        /* GTask waiting for a token */
  guint        refresh_count;
};

G_DEFINE_FINAL_TYPE (SlvSyncHttp, slv_sync_http, G_TYPE_OBJECT)
G_DEFINE_QUARK (slv-sync-http-error-quark, slv_sync_http_error)

enum { TOKENS_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* Refresh this long before the access token expires. */
#define EXPIRY_MARGIN_US (30 * G_USEC_PER_SEC)

typedef struct
{
  char           *method;
  char           *path;
  char           *content_type;
  GBytes         *body;
  char          **headers;
  char           *fault;
  gboolean        auth;
  gboolean        retried;
  GOutputStream  *stream;      /* downloads */
  SoupMessage    *msg;
} Request;

static void
request_free (gpointer data)
{
  Request *r = data;

  g_free (r->method);
  g_free (r->path);
  g_free (r->content_type);
  g_clear_pointer (&r->body, g_bytes_unref);
  g_strfreev (r->headers);
  g_free (r->fault);
  g_clear_object (&r->stream);
  g_clear_object (&r->msg);
  g_free (r);
}

void
slv_sync_reply_free (SlvSyncReply *reply)
{
  if (reply == NULL)
    return;
  g_clear_pointer (&reply->body, g_bytes_unref);
  g_clear_pointer (&reply->headers, soup_message_headers_unref);
  g_clear_pointer (&reply->problem, slv_sync_problem_free);
  g_free (reply);
}

const char *
slv_sync_reply_code (SlvSyncReply *reply)
{
  return reply->problem && reply->problem->code ? reply->problem->code : "";
}

static void
slv_sync_http_finalize (GObject *object)
{
  SlvSyncHttp *self = SLV_SYNC_HTTP (object);

  g_clear_object (&self->session);
  g_free (self->base_url);
  g_free (self->access_token);
  g_free (self->refresh_token);
  g_ptr_array_unref (self->waiters);
  G_OBJECT_CLASS (slv_sync_http_parent_class)->finalize (object);
}

static void
slv_sync_http_class_init (SlvSyncHttpClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = slv_sync_http_finalize;
  signals[TOKENS_CHANGED] = g_signal_new ("tokens-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
slv_sync_http_init (SlvSyncHttp *self)
{
  self->waiters = g_ptr_array_new_with_free_func (g_object_unref);
}

SlvSyncHttp *
slv_sync_http_new (const char *base_url,
                   int         schema_level)
{
  SlvSyncHttp *self = g_object_new (SLV_TYPE_SYNC_HTTP, NULL);
  g_autofree char *ua = g_strdup_printf ("Selvedge/%s", PACKAGE_VERSION);

  self->base_url = g_strdup (base_url);
  while (g_str_has_suffix (self->base_url, "/"))
    self->base_url[strlen (self->base_url) - 1] = '\0';
  self->schema_level = schema_level;
  self->session = soup_session_new_with_options ("user-agent", ua, "timeout", 60, "idle-timeout", 60, NULL);
  if (soup_session_get_feature (self->session, SOUP_TYPE_CONTENT_DECODER) == NULL)
    soup_session_add_feature_by_type (self->session, SOUP_TYPE_CONTENT_DECODER);
  return self;
}

const char *
slv_sync_http_get_base_url (SlvSyncHttp *self)
{
  return self->base_url;
}

void
slv_sync_http_set_schema_level (SlvSyncHttp *self,
                                int          level)
{
  self->schema_level = level;
}

void
slv_sync_http_set_timeout (SlvSyncHttp *self,
                           guint        seconds)
{
  soup_session_set_timeout (self->session, seconds);
}

void
slv_sync_http_set_tokens (SlvSyncHttp *self,
                          const char  *access_token,
                          gint64       expires_in_s,
                          const char  *refresh_token)
{
  g_free (self->access_token);
  self->access_token = g_strdup (access_token);
  self->access_expires_us = g_get_real_time () + expires_in_s * G_USEC_PER_SEC;
  if (refresh_token != NULL || access_token == NULL)
    {
      g_free (self->refresh_token);
      self->refresh_token = g_strdup (refresh_token);
    }
}

const char *
slv_sync_http_get_refresh_token (SlvSyncHttp *self)
{
  return self->refresh_token;
}

gboolean
slv_sync_http_has_sign_in (SlvSyncHttp *self)
{
  return self->refresh_token != NULL || self->access_token != NULL;
}

guint
slv_sync_http_get_refresh_count (SlvSyncHttp *self)
{
  return self->refresh_count;
}

static char *
make_url (SlvSyncHttp *self,
          const char  *path)
{
  return g_strconcat (self->base_url, path, NULL);
}

static SlvSyncReply *
reply_new (SoupMessage *msg,
           GBytes      *body)
{
  SlvSyncReply *reply = g_new0 (SlvSyncReply, 1);

  reply->status = soup_message_get_status (msg);
  reply->body = body ? g_bytes_ref (body) : g_bytes_new (NULL, 0);
  reply->headers = soup_message_headers_ref (soup_message_get_response_headers (msg));
  if (!SOUP_STATUS_IS_SUCCESSFUL (reply->status) && g_bytes_get_size (reply->body) > 0)
    {
      gsize len = 0;
      const char *data = g_bytes_get_data (reply->body, &len);

      reply->problem = slv_sync_problem_from_json (data, len, NULL);
    }
  if (!SOUP_STATUS_IS_SUCCESSFUL (reply->status) && reply->problem == NULL)
    reply->problem = slv_sync_problem_new (reply->status, reply->status >= 500 ? "unavailable" : "bad_request",
                                           soup_message_get_reason_phrase (msg));
  return reply;
}

static void
network_error (GTask  *task,
               GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_task_return_error (task, error);
  else
    {
      g_task_return_new_error (task, SLV_SYNC_HTTP_ERROR, SLV_SYNC_HTTP_ERROR_NETWORK,
                               _("Could not reach the server: %s"), error->message);
      g_error_free (error);
    }
}

/* Token refresh (single-flight) */

static void start_message (GTask *task);

static void
wake_waiters (SlvSyncHttp  *self,
              const GError *error)
{
  g_autoptr(GPtrArray) waiters = g_steal_pointer (&self->waiters);

  self->waiters = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < waiters->len; i++)
    {
      GTask *task = g_ptr_array_index (waiters, i);

      if (error != NULL)
        g_task_return_error (task, g_error_copy (error));
      else
        start_message (g_object_ref (task));
    }
}

static gboolean
read_tokens (SlvSyncHttp  *self,
             JsonNode     *root,
             GError      **error)
{
  JsonObject *o = root && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  const char *access, *refresh;
  gint64 expires = 900;

  if (o == NULL || (access = slv_json_get_string (o, "access_token", "Sign-in", error)) == NULL ||
      (refresh = slv_json_get_string (o, "refresh_token", "Sign-in", error)) == NULL)
    return FALSE;
  if (json_object_has_member (o, "expires_in"))
    slv_json_get_int (o, "expires_in", "Sign-in", &expires, NULL);
  slv_sync_http_set_tokens (self, access, expires, refresh);
  return TRUE;
}

static void
refresh_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(SlvSyncHttp) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  SoupMessage *msg = soup_session_get_async_result_message (SOUP_SESSION (source), result);
  guint status = msg ? soup_message_get_status (msg) : 0;

  self->refreshing = FALSE;
  if (body == NULL)
    {
      g_autoptr(GError) net = g_error_new (SLV_SYNC_HTTP_ERROR, SLV_SYNC_HTTP_ERROR_NETWORK,
                                           _("Could not reach the server: %s"), error->message);
      wake_waiters (self, net);
      return;
    }
  if (status == SOUP_STATUS_OK)
    {
      gsize len = 0;
      const char *data = g_bytes_get_data (body, &len);
      g_autoptr(JsonNode) root = slv_json_parse (data, len, &error);

      if (root != NULL && read_tokens (self, root, &error))
        {
          self->refresh_count++;
          g_signal_emit (self, signals[TOKENS_CHANGED], 0);
          wake_waiters (self, NULL);
          return;
        }
      g_clear_error (&error);
      error = g_error_new (SLV_SYNC_HTTP_ERROR, SLV_SYNC_HTTP_ERROR_PROTOCOL,
                           _("The server’s answer to a token refresh is not readable."));
    }
  else if (status == SOUP_STATUS_UNAUTHORIZED)
    {
      slv_sync_http_set_tokens (self, NULL, 0, NULL);
      g_signal_emit (self, signals[TOKENS_CHANGED], 0);
      error = g_error_new (SLV_SYNC_HTTP_ERROR, SLV_SYNC_HTTP_ERROR_SIGN_IN,
                           _("Your sign-in has expired; sign in again. Your changes are kept."));
    }
  else
    error = g_error_new (SLV_SYNC_HTTP_ERROR, status >= 500 ? SLV_SYNC_HTTP_ERROR_NETWORK : SLV_SYNC_HTTP_ERROR_PROTOCOL,
                         _("The server could not renew the sign-in (HTTP %u)."), status);
  wake_waiters (self, error);
}

static void
start_refresh (SlvSyncHttp *self)
{
  g_autofree char *url = make_url (self, "/v1/auth/refresh");
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", url);
  GString *json = g_string_new ("{\"refresh_token\":");
  g_autoptr(GBytes) body = NULL;
  g_autofree char *level = g_strdup_printf ("%d", self->schema_level);

  slv_json_append_string (json, self->refresh_token);
  g_string_append_c (json, '}');
  body = g_string_free_to_bytes (json);
  soup_message_set_request_body_from_bytes (msg, "application/json", body);
  soup_message_headers_append (soup_message_get_request_headers (msg), "Selvedge-Schema", level);
  self->refreshing = TRUE;
  soup_session_send_and_read_async (self->session, msg, G_PRIORITY_DEFAULT, NULL, refresh_cb, g_object_ref (self));
}

/* Starts @task's message once a fresh access token is there. */
static void
with_token (SlvSyncHttp *self,
            GTask       *task)
{
  if (self->access_token != NULL && g_get_real_time () + EXPIRY_MARGIN_US < self->access_expires_us)
    {
      start_message (task);
      return;
    }
  if (self->refresh_token == NULL)
    {
      g_task_return_new_error (task, SLV_SYNC_HTTP_ERROR, SLV_SYNC_HTTP_ERROR_SIGN_IN,
                               _("Sign in to sync this workspace."));
      g_object_unref (task);
      return;
    }
  g_ptr_array_add (self->waiters, task);
  if (!self->refreshing)
    start_refresh (self);
}

/* Requests */

static void
wrote_body_cb (SoupMessage *msg,
               Request     *r)
{
  slv_sync_fault_point (r->fault);
}

static gboolean
wants_retry (SlvSyncHttp  *self,
             Request      *r,
             SlvSyncReply *reply)
{
  if (reply->status != SOUP_STATUS_UNAUTHORIZED || !r->auth || r->retried || self->refresh_token == NULL)
    return FALSE;
  r->retried = TRUE;
  g_clear_pointer (&self->access_token, g_free);
  return TRUE;
}

static void
send_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GTask *task = user_data;
  SlvSyncHttp *self = g_task_get_source_object (task);
  Request *r = g_task_get_task_data (task);
  GError *error = NULL;
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  SlvSyncReply *reply;

  if (body == NULL)
    {
      network_error (task, error);
      g_object_unref (task);
      return;
    }
  reply = reply_new (r->msg, body);
  if (wants_retry (self, r, reply))
    {
      slv_sync_reply_free (reply);
      with_token (self, task);
      return;
    }
  g_task_return_pointer (task, reply, (GDestroyNotify) slv_sync_reply_free);
  g_object_unref (task);
}

static void
splice_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GTask *task = user_data;
  Request *r = g_task_get_task_data (task);
  GError *error = NULL;

  if (g_output_stream_splice_finish (G_OUTPUT_STREAM (source), result, &error) < 0)
    network_error (task, error);
  else
    g_task_return_pointer (task, reply_new (r->msg, NULL), (GDestroyNotify) slv_sync_reply_free);
  g_object_unref (task);
}

static void
error_body_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GTask *task = user_data;
  SlvSyncHttp *self = g_task_get_source_object (task);
  Request *r = g_task_get_task_data (task);
  GError *error = NULL;
  g_autoptr(GBytes) body = NULL;
  SlvSyncReply *reply;

  if (g_output_stream_splice_finish (G_OUTPUT_STREAM (source), result, &error) < 0)
    {
      network_error (task, error);
      g_object_unref (task);
      return;
    }
  body = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (source));
  reply = reply_new (r->msg, body);
  if (wants_retry (self, r, reply))
    {
      slv_sync_reply_free (reply);
      with_token (self, task);
      return;
    }
  g_task_return_pointer (task, reply, (GDestroyNotify) slv_sync_reply_free);
  g_object_unref (task);
}

static void
stream_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GTask *task = user_data;
  Request *r = g_task_get_task_data (task);
  GError *error = NULL;
  g_autoptr(GInputStream) input = soup_session_send_finish (SOUP_SESSION (source), result, &error);
  GOutputStream *target;

  if (input == NULL)
    {
      network_error (task, error);
      g_object_unref (task);
      return;
    }
  if (soup_message_get_status (r->msg) == SOUP_STATUS_OK)
    {
      g_output_stream_splice_async (r->stream, input,
                                    G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                                    G_PRIORITY_DEFAULT, g_task_get_cancellable (task), splice_cb, task);
      return;
    }
  target = g_memory_output_stream_new_resizable ();
  g_output_stream_splice_async (target, input,
                                G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                                G_PRIORITY_DEFAULT, g_task_get_cancellable (task), error_body_cb, task);
  g_object_unref (target);
}

static void
start_message (GTask *task)
{
  SlvSyncHttp *self = g_task_get_source_object (task);
  Request *r = g_task_get_task_data (task);
  g_autofree char *url = make_url (self, r->path);
  g_autofree char *level = g_strdup_printf ("%d", self->schema_level);
  SoupMessageHeaders *headers;

  g_clear_object (&r->msg);
  r->msg = soup_message_new (r->method, url);
  if (r->msg == NULL)
    {
      g_task_return_new_error (task, SLV_SYNC_HTTP_ERROR, SLV_SYNC_HTTP_ERROR_NETWORK,
                               _("“%s” is not a server address."), url);
      g_object_unref (task);
      return;
    }
  headers = soup_message_get_request_headers (r->msg);
  soup_message_headers_append (headers, "Selvedge-Schema", level);
  if (r->auth && self->access_token != NULL)
    {
      g_autofree char *bearer = g_strconcat ("Bearer ", self->access_token, NULL);

      soup_message_headers_append (headers, "Authorization", bearer);
    }
  for (guint i = 0; r->headers != NULL && r->headers[i] != NULL && r->headers[i + 1] != NULL; i += 2)
    soup_message_headers_replace (headers, r->headers[i], r->headers[i + 1]);
  if (r->body != NULL)
    soup_message_set_request_body_from_bytes (r->msg, r->content_type, r->body);
  if (r->fault != NULL)
    g_signal_connect (r->msg, "wrote-body", G_CALLBACK (wrote_body_cb), r);
  if (r->stream != NULL)
    soup_session_send_async (self->session, r->msg, G_PRIORITY_DEFAULT, g_task_get_cancellable (task),
                             stream_cb, task);
  else
    soup_session_send_and_read_async (self->session, r->msg, G_PRIORITY_DEFAULT, g_task_get_cancellable (task),
                                      send_cb, task);
}

static void
submit (SlvSyncHttp *self,
        GTask       *task)
{
  Request *r = g_task_get_task_data (task);

  if (r->auth)
    with_token (self, task);
  else
    start_message (task);
}

void
slv_sync_http_send_async (SlvSyncHttp         *self,
                          const char          *method,
                          const char          *path,
                          const char          *content_type,
                          GBytes              *body,
                          const char * const  *headers,
                          gboolean             auth,
                          const char          *fault,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Request *r = g_new0 (Request, 1);

  g_task_set_source_tag (task, slv_sync_http_send_async);
  r->method = g_strdup (method);
  r->path = g_strdup (path);
  r->content_type = g_strdup (content_type ? content_type : "application/json");
  r->body = body ? g_bytes_ref (body) : NULL;
  r->headers = g_strdupv ((char **) headers);
  r->auth = auth;
  r->fault = g_strdup (fault);
  g_task_set_task_data (task, r, request_free);
  submit (self, task);
}

SlvSyncReply *
slv_sync_http_send_finish (SlvSyncHttp   *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
slv_sync_http_download_async (SlvSyncHttp         *self,
                              const char          *path,
                              GOutputStream       *stream,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Request *r = g_new0 (Request, 1);

  g_task_set_source_tag (task, slv_sync_http_download_async);
  r->method = g_strdup ("GET");
  r->path = g_strdup (path);
  r->auth = TRUE;
  r->stream = g_object_ref (stream);
  g_task_set_task_data (task, r, request_free);
  submit (self, task);
}

SlvSyncReply *
slv_sync_http_download_finish (SlvSyncHttp   *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Sign-in and sign-out */

static void
login_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SlvSyncHttp *self = g_task_get_source_object (task);
  GError *error = NULL;
  g_autoptr(SlvSyncReply) reply = slv_sync_http_send_finish (self, result, &error);
  g_autoptr(JsonNode) root = NULL;
  gsize len = 0;
  const char *data;

  if (reply == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (reply->status != SOUP_STATUS_OK)
    {
      g_task_return_new_error (task, SLV_SYNC_HTTP_ERROR,
                               reply->status == SOUP_STATUS_UNAUTHORIZED ? SLV_SYNC_HTTP_ERROR_SIGN_IN
                                                                         : SLV_SYNC_HTTP_ERROR_PROTOCOL,
                               "%s", reply->problem && reply->problem->detail ? reply->problem->detail
                                                                             : _("The server refused the sign-in."));
      return;
    }
  data = g_bytes_get_data (reply->body, &len);
  root = slv_json_parse (data, len, &error);
  if (root == NULL || !read_tokens (self, root, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, g_steal_pointer (&root), (GDestroyNotify) json_node_unref);
}

void
slv_sync_http_login_async (SlvSyncHttp         *self,
                           const char          *email,
                           const char          *password,
                           const char          *client_id,
                           const char          *device_name,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  GString *json = g_string_new ("{\"email\":");
  g_autoptr(GBytes) body = NULL;

  g_task_set_source_tag (task, slv_sync_http_login_async);
  slv_json_append_string (json, email);
  g_string_append (json, ",\"password\":");
  slv_json_append_string (json, password);
  g_string_append (json, ",\"device\":{\"client_id\":");
  slv_json_append_string (json, client_id);
  g_string_append (json, ",\"name\":");
  slv_json_append_string (json, device_name);
  g_string_append (json, "}}");
  body = g_string_free_to_bytes (json);
  slv_sync_http_send_async (self, "POST", "/v1/auth/login", "application/json", body, NULL, FALSE, NULL,
                            cancellable, login_cb, task);
}

JsonNode *
slv_sync_http_login_finish (SlvSyncHttp   *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
logout_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(SlvSyncReply) reply = slv_sync_http_send_finish (SLV_SYNC_HTTP (source), result, NULL);

  /* best effort: the tokens are forgotten whatever the server says */
  g_task_return_boolean (task, reply != NULL && reply->status == SOUP_STATUS_OK);
}

void
slv_sync_http_logout_async (SlvSyncHttp         *self,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  GString *json = g_string_new ("{\"refresh_token\":");
  g_autoptr(GBytes) body = NULL;

  g_task_set_source_tag (task, slv_sync_http_logout_async);
  if (self->refresh_token == NULL)
    {
      g_string_free (json, TRUE);
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }
  slv_json_append_string (json, self->refresh_token);
  g_string_append_c (json, '}');
  body = g_string_free_to_bytes (json);
  slv_sync_http_set_tokens (self, NULL, 0, NULL);
  slv_sync_http_send_async (self, "POST", "/v1/auth/logout", "application/json", body, NULL, FALSE, NULL,
                            cancellable, logout_cb, task);
}

gboolean
slv_sync_http_logout_finish (SlvSyncHttp   *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
