/* slv-sync-engine.c: the engine object, sign-in and scheduling.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-sync-engine"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "slv-sync-engine-private.h"
#include "store/slv-capture.h"

G_DEFINE_FINAL_TYPE (SlvSyncEngine, slv_sync_engine, G_TYPE_OBJECT)
G_DEFINE_QUARK (slv-sync-engine-error-quark, slv_sync_engine_error)

enum { PROP_0, PROP_STATUS, PROP_MESSAGE, PROP_PENDING, PROP_EMAIL, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { PUSHED, ROUND_FINISHED, PROGRESS, N_SIGNALS };
static guint signals[N_SIGNALS];

#define POLL_MS          500
#define DEFAULT_DEBOUNCE 2000
#define DEFAULT_PERIODIC 60000
#define DEFAULT_LIMIT    2000

GType
slv_sync_status_get_type (void)
{
  static gsize type;

  if (g_once_init_enter (&type))
    {
      static const GEnumValue values[] = {
        { SLV_SYNC_STATUS_SIGNED_OUT, "SLV_SYNC_STATUS_SIGNED_OUT", "signed-out" },
        { SLV_SYNC_STATUS_UP_TO_DATE, "SLV_SYNC_STATUS_UP_TO_DATE", "up-to-date" },
        { SLV_SYNC_STATUS_PENDING, "SLV_SYNC_STATUS_PENDING", "pending" },
        { SLV_SYNC_STATUS_SYNCING, "SLV_SYNC_STATUS_SYNCING", "syncing" },
        { SLV_SYNC_STATUS_OFFLINE, "SLV_SYNC_STATUS_OFFLINE", "offline" },
        { SLV_SYNC_STATUS_ERROR, "SLV_SYNC_STATUS_ERROR", "error" },
        { SLV_SYNC_STATUS_UPGRADE, "SLV_SYNC_STATUS_UPGRADE", "upgrade" },
        { 0, NULL, NULL },
      };

      g_once_init_leave (&type, g_enum_register_static ("SlvSyncStatus", values));
    }
  return type;
}

static void stop_timers (SlvSyncEngine *self);
static void request_round (SlvSyncEngine *self);

static void
slv_sync_engine_dispose (GObject *object)
{
  SlvSyncEngine *self = SLV_SYNC_ENGINE (object);

  stop_timers (self);
  g_cancellable_cancel (self->cancellable);
  G_OBJECT_CLASS (slv_sync_engine_parent_class)->dispose (object);
}

static void
slv_sync_engine_finalize (GObject *object)
{
  SlvSyncEngine *self = SLV_SYNC_ENGINE (object);

  g_clear_object (&self->cancellable);
  slv_sync_engine_take_http (self, NULL);
  g_clear_object (&self->sync);
  g_clear_object (&self->store);
  g_clear_pointer (&self->tokens, slv_token_store_unref);
  g_free (self->server_url);
  g_free (self->email);
  g_free (self->user_id);
  g_free (self->grants);
  g_free (self->registered_node);
  g_free (self->message);
  G_OBJECT_CLASS (slv_sync_engine_parent_class)->finalize (object);
}

static void
slv_sync_engine_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SlvSyncEngine *self = SLV_SYNC_ENGINE (object);

  switch (prop_id)
    {
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    case PROP_PENDING:
      g_value_set_int64 (value, self->pending);
      break;
    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
slv_sync_engine_class_init (SlvSyncEngineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = slv_sync_engine_dispose;
  object_class->finalize = slv_sync_engine_finalize;
  object_class->get_property = slv_sync_engine_get_property;

  properties[PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL, SLV_TYPE_SYNC_STATUS,
                                               SLV_SYNC_STATUS_SIGNED_OUT,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MESSAGE] = g_param_spec_string ("message", NULL, NULL, NULL,
                                                  G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PENDING] = g_param_spec_int64 ("pending", NULL, NULL, 0, G_MAXINT64, 0,
                                                 G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_EMAIL] = g_param_spec_string ("email", NULL, NULL, NULL,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* (request, response) of every answered push, for tests and logs */
  signals[PUSHED] = g_signal_new ("pushed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 2, G_TYPE_POINTER, G_TYPE_POINTER);
  signals[ROUND_FINISHED] = g_signal_new ("round-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                          NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* a sentence about what the round is doing */
  signals[PROGRESS] = g_signal_new ("progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
slv_sync_engine_init (SlvSyncEngine *self)
{
  self->cancellable = g_cancellable_new ();
  self->backoff_first_ms = 1000;
  self->backoff_max_ms = 5 * 60 * 1000;
  self->page_limit = DEFAULT_LIMIT;
  self->debounce_ms = DEFAULT_DEBOUNCE;
  self->periodic_ms = DEFAULT_PERIODIC;
}

static void
take_state (SlvSyncEngine *self,
            SlvSyncState  *state)
{
  g_free (self->server_url);
  self->server_url = g_strdup (state->server_url);
  g_free (self->user_id);
  self->user_id = g_strdup (state->user_id);
  g_free (self->email);
  self->email = g_strdup (state->email);
  g_free (self->grants);
  self->grants = g_strdup (state->grants);
  /* "email" stands for the account: widgets that mirror its rights listen */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMAIL]);
}

SlvSyncEngine *
slv_sync_engine_new (SlvStore       *store,
                     SlvTokenStore  *tokens,
                     GError        **error)
{
  g_autoptr(SlvSyncEngine) self = g_object_new (SLV_TYPE_SYNC_ENGINE, NULL);
  g_autoptr(SlvSyncState) state = NULL;

  g_return_val_if_fail (SLV_IS_STORE (store), NULL);
  self->store = g_object_ref (store);
  self->tokens = tokens ? slv_token_store_ref (tokens) : slv_token_store_new_default ();
  self->sync = slv_sync_store_new (store, error);
  if (self->sync == NULL || (state = slv_sync_store_load_state (self->sync, error)) == NULL)
    return NULL;
  take_state (self, state);
  self->pending = slv_sync_store_count_outbox (self->sync);
  self->seen_serial = slv_store_get_change_serial (store);
  self->status = state->user_id == NULL ? SLV_SYNC_STATUS_SIGNED_OUT
                 : self->pending > 0 ? SLV_SYNC_STATUS_PENDING : SLV_SYNC_STATUS_UP_TO_DATE;
  return g_steal_pointer (&self);
}

SlvSyncStore *
slv_sync_engine_get_sync_store (SlvSyncEngine *self)
{
  return self->sync;
}

SlvStore *
slv_sync_engine_get_store (SlvSyncEngine *self)
{
  return self->store;
}

SlvSyncHttp *
slv_sync_engine_get_http (SlvSyncEngine *self)
{
  return self->http;
}

SlvSyncStatus
slv_sync_engine_get_status (SlvSyncEngine *self)
{
  return self->status;
}

const char *
slv_sync_engine_get_message (SlvSyncEngine *self)
{
  return self->message;
}

gint64
slv_sync_engine_get_pending (SlvSyncEngine *self)
{
  return self->pending;
}

const char *
slv_sync_engine_get_email (SlvSyncEngine *self)
{
  return self->email;
}

const char *
slv_sync_engine_get_server_url (SlvSyncEngine *self)
{
  return self->server_url;
}

const char *
slv_sync_engine_get_user_id (SlvSyncEngine *self)
{
  return self->user_id;
}

gboolean
slv_sync_engine_is_running (SlvSyncEngine *self)
{
  return self->running;
}

gint64
slv_sync_engine_get_retry_at (SlvSyncEngine *self)
{
  return self->retry_at_ms;
}

void
slv_sync_engine_set_backoff (SlvSyncEngine *self,
                             guint          first_ms,
                             guint          max_ms)
{
  self->backoff_first_ms = MAX (first_ms, 1);
  self->backoff_max_ms = MAX (max_ms, first_ms);
}

void
slv_sync_engine_set_page_limit (SlvSyncEngine *self,
                                guint          limit)
{
  self->page_limit = CLAMP (limit, 1, SLV_SYNC_PULL_MAX_LIMIT);
}

void
slv_sync_engine_set_intervals (SlvSyncEngine *self,
                               guint          debounce_ms,
                               guint          periodic_ms)
{
  self->debounce_ms = debounce_ms;
  self->periodic_ms = periodic_ms;
}

void
slv_sync_engine_set_status (SlvSyncEngine *self,
                            SlvSyncStatus  status,
                            const char    *message)
{
  if (self->status != status)
    {
      self->status = status;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
    }
  if (g_strcmp0 (self->message, message) != 0)
    {
      g_free (self->message);
      self->message = g_strdup (message);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
    }
}

static void
set_pending (SlvSyncEngine *self,
             gint64         pending)
{
  if (self->pending == pending)
    return;
  self->pending = pending;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
}

void
slv_sync_engine_emit_pushed (SlvSyncEngine       *self,
                             SlvSyncPushRequest  *request,
                             SlvSyncPushResponse *response)
{
  g_signal_emit (self, signals[PUSHED], 0, request, response);
}

void
slv_sync_engine_progress (SlvSyncEngine *self,
                          const char    *format,
                          ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  g_signal_emit (self, signals[PROGRESS], 0, text);
}

static gint64
now_ms (void)
{
  return g_get_monotonic_time () / 1000;
}

static guint
backoff_delay (SlvSyncEngine *self)
{
  double delay = self->backoff_first_ms;

  for (guint i = 1; i < self->failures && delay < self->backoff_max_ms; i++)
    delay *= 2;
  delay = MIN (delay, self->backoff_max_ms);
  return (guint) (delay * g_random_double_range (0.8, 1.2));
}

static SlvSyncStatus
status_for_error (const GError *error)
{
  if (error->domain != SLV_SYNC_ENGINE_ERROR)
    return SLV_SYNC_STATUS_ERROR;
  switch ((SlvSyncEngineError) error->code)
    {
    case SLV_SYNC_ENGINE_ERROR_SIGNED_OUT:
      return SLV_SYNC_STATUS_SIGNED_OUT;
    case SLV_SYNC_ENGINE_ERROR_OFFLINE:
      return SLV_SYNC_STATUS_OFFLINE;
    case SLV_SYNC_ENGINE_ERROR_UPGRADE:
      return SLV_SYNC_STATUS_UPGRADE;
    case SLV_SYNC_ENGINE_ERROR_SERVER:
    case SLV_SYNC_ENGINE_ERROR_BUSY:
    case SLV_SYNC_ENGINE_ERROR_FAILED:
    default:
      return SLV_SYNC_STATUS_ERROR;
    }
}

static void schedule_retry (SlvSyncEngine *self);
static void schedule_soon (SlvSyncEngine *self, guint delay_ms);

void
slv_sync_engine_round_done (SlvSyncEngine        *self,
                            const SlvSyncSummary *summary,
                            const GError         *error)
{
  self->running = FALSE;
  set_pending (self, summary->pending);
  if (error == NULL)
    {
      self->failures = 0;
      self->retry_at_ms = 0;
      slv_sync_engine_set_status (self, summary->pending > 0 ? SLV_SYNC_STATUS_PENDING : SLV_SYNC_STATUS_UP_TO_DATE,
                                  NULL);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      SlvSyncStatus status = status_for_error (error);

      slv_sync_engine_set_status (self, status, error->message);
      /* every failure schedules the next attempt, except those a person
       * must act on (sign in, update the app) */
      if (status != SLV_SYNC_STATUS_SIGNED_OUT && status != SLV_SYNC_STATUS_UPGRADE)
        {
          self->failures++;
          self->retry_at_ms = now_ms () + backoff_delay (self);
          schedule_retry (self);
        }
    }
  g_signal_emit (self, signals[ROUND_FINISHED], 0);
  if (self->again && self->automatic)
    {
      self->again = FALSE;
      schedule_soon (self, 10);
    }
}

void
slv_sync_engine_sync_async (SlvSyncEngine       *self,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable ? cancellable : self->cancellable, callback, user_data);

  g_task_set_source_tag (task, slv_sync_engine_sync_async);
  if (self->running)
    {
      g_task_return_new_error (task, SLV_SYNC_ENGINE_ERROR, SLV_SYNC_ENGINE_ERROR_BUSY, _("Sync is already running."));
      g_object_unref (task);
      return;
    }
  self->running = TRUE;
  slv_sync_round_start (self, task);
}

gboolean
slv_sync_engine_sync_finish (SlvSyncEngine   *self,
                             GAsyncResult    *result,
                             SlvSyncSummary  *summary,
                             GError         **error)
{
  g_autofree SlvSyncSummary *s = NULL;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  s = g_task_propagate_pointer (G_TASK (result), error);
  if (s != NULL && summary != NULL)
    *summary = *s;
  return s != NULL;
}

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
  take_state (self, state);
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
    take_state (self, state);
  self->transient_tokens = FALSE;
  slv_sync_engine_take_http (self, s->http);
  self->tokens_loaded = TRUE;
  g_clear_pointer (&self->registered_node, g_free);
  self->failures = 0;
  self->retry_at_ms = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMAIL]);
  slv_sync_engine_set_status (self, self->pending > 0 ? SLV_SYNC_STATUS_PENDING : SLV_SYNC_STATUS_UP_TO_DATE, NULL);
  g_task_return_boolean (task, TRUE);
  if (self->automatic)
    request_round (self);
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
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMAIL]);
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

/* Scheduling */

static void
round_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!slv_sync_engine_sync_finish (SLV_SYNC_ENGINE (source), result, NULL, &error) &&
      !g_error_matches (error, SLV_SYNC_ENGINE_ERROR, SLV_SYNC_ENGINE_ERROR_BUSY))
    g_debug ("Sync round: %s", error->message);
}

static void
request_round (SlvSyncEngine *self)
{
  if (self->running)
    {
      self->again = TRUE;
      return;
    }
  if (self->user_id == NULL)
    return;
  if (self->retry_at_ms > now_ms ())
    {
      schedule_retry (self);
      return;
    }
  slv_sync_engine_sync_async (self, NULL, round_cb, NULL);
}

static gboolean
retry_cb (gpointer user_data)
{
  SlvSyncEngine *self = user_data;

  self->retry_id = 0;
  self->retry_at_ms = 0;
  request_round (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_retry (SlvSyncEngine *self)
{
  gint64 wait = MAX (self->retry_at_ms - now_ms (), 1);

  if (!self->automatic)
    return;
  g_clear_handle_id (&self->retry_id, g_source_remove);
  self->retry_id = g_timeout_add ((guint) wait, retry_cb, self);
}

static gboolean
soon_cb (gpointer user_data)
{
  SlvSyncEngine *self = user_data;

  self->soon_id = 0;
  self->debounce_id = 0;
  request_round (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_soon (SlvSyncEngine *self,
               guint          delay_ms)
{
  if (self->soon_id == 0)
    self->soon_id = g_timeout_add (delay_ms, soon_cb, self);
}

static gboolean
debounce_cb (gpointer user_data)
{
  SlvSyncEngine *self = user_data;

  self->debounce_id = 0;
  request_round (self);
  return G_SOURCE_REMOVE;
}

/* Edits: the store's change serial moved. */
static gboolean
poll_cb (gpointer user_data)
{
  SlvSyncEngine *self = user_data;
  guint serial = slv_store_get_change_serial (self->store);

  if (serial != self->seen_serial)
    {
      self->seen_serial = serial;
      set_pending (self, slv_store_count_outbox (self->store));
      if (self->status == SLV_SYNC_STATUS_UP_TO_DATE && self->pending > 0)
        slv_sync_engine_set_status (self, SLV_SYNC_STATUS_PENDING, NULL);
      g_clear_handle_id (&self->debounce_id, g_source_remove);
      self->debounce_id = g_timeout_add (self->debounce_ms, debounce_cb, self);
    }
  return G_SOURCE_CONTINUE;
}

static gboolean
periodic_cb (gpointer user_data)
{
  request_round (user_data);
  return G_SOURCE_CONTINUE;
}

static void
network_changed_cb (GNetworkMonitor *monitor,
                    gboolean         available,
                    SlvSyncEngine   *self)
{
  if (available && self->status == SLV_SYNC_STATUS_OFFLINE)
    {
      self->retry_at_ms = 0;
      schedule_soon (self, 500);
    }
}

static void
stop_timers (SlvSyncEngine *self)
{
  g_clear_handle_id (&self->periodic_id, g_source_remove);
  g_clear_handle_id (&self->debounce_id, g_source_remove);
  g_clear_handle_id (&self->poll_id, g_source_remove);
  g_clear_handle_id (&self->retry_id, g_source_remove);
  g_clear_handle_id (&self->soon_id, g_source_remove);
  if (self->monitor != NULL)
    g_clear_signal_handler (&self->monitor_id, self->monitor);
  self->monitor = NULL;
}

void
slv_sync_engine_set_automatic (SlvSyncEngine *self,
                               gboolean       automatic)
{
  if (self->automatic == automatic)
    return;
  self->automatic = automatic;
  stop_timers (self);
  if (!automatic)
    return;
  self->poll_id = g_timeout_add (POLL_MS, poll_cb, self);
  if (self->periodic_ms > 0)
    self->periodic_id = g_timeout_add (self->periodic_ms, periodic_cb, self);
  self->monitor = g_network_monitor_get_default ();
  self->monitor_id = g_signal_connect (self->monitor, "network-changed", G_CALLBACK (network_changed_cb), self);
  schedule_soon (self, 100);
}

void
slv_sync_engine_sync_now (SlvSyncEngine *self)
{
  self->retry_at_ms = 0;
  g_clear_handle_id (&self->retry_id, g_source_remove);
  if (self->running)
    self->again = TRUE;
  else if (self->user_id != NULL)
    slv_sync_engine_sync_async (self, NULL, round_cb, NULL);
}
