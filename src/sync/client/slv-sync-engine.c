/* slv-sync-engine.c: the engine object: its properties, its status and the
 * outcome of a round. Sign-in lives in slv-sync-engine-account.c, timers in
 * slv-sync-engine-schedule.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-sync-engine"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "slv-sync-engine-private.h"
#include "store/slv-capture.h"

G_DEFINE_FINAL_TYPE (SlvSyncEngine, slv_sync_engine, G_TYPE_OBJECT)
G_DEFINE_QUARK (slv-sync-engine-error-quark, slv_sync_engine_error)

enum { PROP_0, PROP_STATUS, PROP_MESSAGE, PROP_PENDING, PROP_EMAIL, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { PUSHED, ROUND_FINISHED, PROGRESS, N_SIGNALS };
static guint signals[N_SIGNALS];

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

static void
slv_sync_engine_dispose (GObject *object)
{
  SlvSyncEngine *self = SLV_SYNC_ENGINE (object);

  slv_sync_engine_stop_timers (self);
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

void
slv_sync_engine_take_state (SlvSyncEngine *self,
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
  slv_sync_engine_notify_email (self);
}

/* "email" stands for the account: widgets that mirror its rights listen */
void
slv_sync_engine_notify_email (SlvSyncEngine *self)
{
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
  slv_sync_engine_take_state (self, state);
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

void
slv_sync_engine_set_pending (SlvSyncEngine *self,
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

void
slv_sync_engine_round_done (SlvSyncEngine        *self,
                            const SlvSyncSummary *summary,
                            const GError         *error)
{
  self->running = FALSE;
  slv_sync_engine_set_pending (self, summary->pending);
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
          slv_sync_engine_back_off (self);
        }
    }
  g_signal_emit (self, signals[ROUND_FINISHED], 0);
  if (self->again && self->automatic)
    {
      self->again = FALSE;
      slv_sync_engine_schedule_soon (self, 10);
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
