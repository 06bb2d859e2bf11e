/* slv-window-sync.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-window"

#include "config.h"

#include <glib/gi18n.h>

#include "slv-conflicts-dialog.h"
#include "slv-sign-in-dialog.h"
#include "slv-window-sync.h"

#define ENGINE_KEY "slv-sync-engine"

SlvSyncEngine *
slv_window_get_sync_engine (SlvWindow *window)
{
  g_return_val_if_fail (SLV_IS_WINDOW (window), NULL);
  return g_object_get_data (G_OBJECT (window), ENGINE_KEY);
}

static void
sync_now_action (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  SlvSyncEngine *engine = slv_window_get_sync_engine (user_data);

  if (engine != NULL)
    slv_sync_engine_sync_now (engine);
}

static void
sign_in_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  SlvSyncEngine *engine = slv_window_get_sync_engine (user_data);

  if (engine != NULL)
    gtk_window_present (GTK_WINDOW (slv_sign_in_dialog_new (GTK_WINDOW (user_data), engine)));
}

static void
signed_out_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(SlvWindow) window = user_data;
  g_autoptr(GError) error = NULL;

  if (!slv_sync_engine_sign_out_finish (SLV_SYNC_ENGINE (source), result, &error))
    slv_window_add_toast (window, error->message);
  else
    slv_window_add_toast (window, _("Signed out. Your work stays in this workspace."));
}

static void
sign_out_action (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  SlvSyncEngine *engine = slv_window_get_sync_engine (user_data);

  if (engine != NULL)
    slv_sync_engine_sign_out_async (engine, NULL, signed_out_cb, g_object_ref (user_data));
}

static void
show_conflicts_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  SlvWindow *window = user_data;
  SlvSyncEngine *engine = slv_window_get_sync_engine (window);
  SlvConflictsDialog *dialog;

  if (slv_window_get_store (window) == NULL)
    return;
  dialog = slv_conflicts_dialog_new (GTK_WINDOW (window), slv_window_get_store (window),
                                     engine ? slv_sync_engine_get_user_id (engine) : NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static const GActionEntry sync_actions[] = {
  { "sync-now", sync_now_action },
  { "sign-in", sign_in_action },
  { "sign-out", sign_out_action },
  { "show-conflicts", show_conflicts_action },
};

void
slv_window_sync_attach (SlvWindow     *window,
                        SlvSyncButton *button,
                        SlvStore      *store)
{
  g_autoptr(GError) error = NULL;
  SlvSyncEngine *engine;

  g_return_if_fail (SLV_IS_WINDOW (window));
  slv_window_sync_detach (window);
  if (store == NULL)
    return;
  engine = slv_sync_engine_new (store, NULL, &error);
  if (engine == NULL)
    {
      slv_window_add_toast (window, error->message);
      return;
    }
  g_object_set_data_full (G_OBJECT (window), ENGINE_KEY, engine, g_object_unref);
  g_action_map_add_action_entries (G_ACTION_MAP (window), sync_actions, G_N_ELEMENTS (sync_actions), window);
  if (button != NULL)
    slv_sync_button_set_engine (button, engine);
  if (g_strcmp0 (g_getenv ("SELVEDGE_SYNC"), "off") != 0)
    slv_sync_engine_set_automatic (engine, TRUE);
}

void
slv_window_sync_detach (SlvWindow *window)
{
  SlvSyncEngine *engine = slv_window_get_sync_engine (window);

  if (engine == NULL)
    return;
  slv_sync_engine_set_automatic (engine, FALSE);
  g_object_set_data (G_OBJECT (window), ENGINE_KEY, NULL);
}

gboolean
slv_window_can_write (SlvWindow  *window,
                      const char *table,
                      const char *row_id,
                      const char *field)
{
  SlvSyncEngine *engine = slv_window_get_sync_engine (window);

  return engine == NULL || slv_sync_engine_can_write (engine, table, row_id, field);
}
