/* slv-sync-round-pull.c: the pull half of a sync round — fetch pages until
 * has_more is false (draining the outbox first when the server asks), then
 * download the blobs that are missing here (lazily: failures wait for the
 * next round).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-sync-engine"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "slv-sync-round-private.h"
#include "sync/slv-sync-fault.h"

#define MAX_DRAINS 2

static void downloads_begin (Round *round);

/* 5. Pull */

static gboolean
apply_page_db (Round   *round,
               GError **error)
{
  memset (&round->counts, 0, sizeof round->counts);
  return slv_sync_store_apply_page (round->engine->sync, round->page, &round->counts, &round->needs_drain, error) &&
         slv_sync_round_reload_state_db (round, error);
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
  return slv_sync_round_reload_state_db (round, error);
}

static void
page_applied (Round  *round,
              GError *error)
{
  SlvSyncCounts *c = &round->counts;
  gboolean more;

  if (error != NULL)
    {
      slv_sync_round_fail (round, g_error_copy (error));
      return;
    }
  if (round->needs_drain)
    {
      if (round->drains++ < MAX_DRAINS)
        slv_sync_round_push_next (round);
      else
        slv_sync_round_fail (round, g_error_new_literal (SLV_SYNC_ENGINE_ERROR, SLV_SYNC_ENGINE_ERROR_FAILED,
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
    slv_sync_round_pull_next (round);
  else
    downloads_begin (round);
}

static void
cursor_reset (Round  *round,
              GError *error)
{
  if (error != NULL)
    slv_sync_round_fail (round, g_error_copy (error));
  else
    slv_sync_round_pull_next (round);
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
      slv_sync_round_fail (round, slv_sync_round_error_from_http (error));
      g_error_free (error);
      return;
    }
  if (reply->status == 400 && round->cursor_resets++ == 0 && round->state->cursor != NULL)
    {
      /* a cursor the server no longer reads (its key changed): start over */
      g_warning ("The server refused this workspace’s sync position (%s); fetching everything again.",
                 reply->problem && reply->problem->detail ? reply->problem->detail : "");
      slv_sync_round_db_run (round, reset_cursor_db, cursor_reset);
      return;
    }
  if (reply->status != 200)
    {
      slv_sync_round_fail (round, slv_sync_round_error_from_reply (reply));
      return;
    }
  slv_sync_fault_point ("pull");
  data = g_bytes_get_data (reply->body, &len);
  round->page = slv_sync_pull_page_from_json (data, len, &error);
  if (round->page == NULL)
    {
      slv_sync_round_fail (round, g_error_new (SLV_SYNC_ENGINE_ERROR, SLV_SYNC_ENGINE_ERROR_SERVER,
                                               _("The server’s pull answer is not readable: %s"), error->message));
      g_error_free (error);
      return;
    }
  slv_sync_round_db_run (round, apply_page_db, page_applied);
}

void
slv_sync_round_pull_next (Round *round)
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
      slv_sync_round_succeed (round);
      return;
    }
  slv_sync_download_async (round->engine, round->missing[round->index], round->cancellable, downloaded_cb, round);
}

static void
downloads_listed (Round  *round,
                  GError *error)
{
  if (error != NULL)
    slv_sync_round_fail (round, g_error_copy (error));
  else
    download_next (round);
}

static void
downloads_begin (Round *round)
{
  slv_sync_round_db_run (round, list_downloads_db, downloads_listed);
}
