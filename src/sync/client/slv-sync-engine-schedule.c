/* slv-sync-engine-schedule.c: when the engine runs a round by itself —
 * after edits (debounced), periodically, when the network returns, and after
 * failures with exponential backoff.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-sync-engine"

#include "config.h"

#include "slv-sync-engine-private.h"
#include "store/slv-capture.h"

#define POLL_MS 500

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

static void schedule_retry (SlvSyncEngine *self);

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

void
slv_sync_engine_request_round (SlvSyncEngine *self)
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
  slv_sync_engine_request_round (self);
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

/* One more failure: the next attempt waits longer. */
void
slv_sync_engine_back_off (SlvSyncEngine *self)
{
  self->failures++;
  self->retry_at_ms = now_ms () + backoff_delay (self);
  schedule_retry (self);
}

static gboolean
soon_cb (gpointer user_data)
{
  SlvSyncEngine *self = user_data;

  self->soon_id = 0;
  /* the round asked for now covers a pending debounce: remove it, or it
   * would outlive stop_timers() and fire on a finalised engine */
  g_clear_handle_id (&self->debounce_id, g_source_remove);
  slv_sync_engine_request_round (self);
  return G_SOURCE_REMOVE;
}

void
slv_sync_engine_schedule_soon (SlvSyncEngine *self,
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
  slv_sync_engine_request_round (self);
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
      slv_sync_engine_set_pending (self, slv_store_count_outbox (self->store));
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
  slv_sync_engine_request_round (user_data);
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
      slv_sync_engine_schedule_soon (self, 500);
    }
}

void
slv_sync_engine_stop_timers (SlvSyncEngine *self)
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
  slv_sync_engine_stop_timers (self);
  if (!automatic)
    return;
  self->poll_id = g_timeout_add (POLL_MS, poll_cb, self);
  if (self->periodic_ms > 0)
    self->periodic_id = g_timeout_add (self->periodic_ms, periodic_cb, self);
  self->monitor = g_network_monitor_get_default ();
  self->monitor_id = g_signal_connect (self->monitor, "network-changed", G_CALLBACK (network_changed_cb), self);
  slv_sync_engine_schedule_soon (self, 100);
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

