/* slv-rights.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-rights"

#include "config.h"

#include "slv-rights.h"
#include "slv-window-sync.h"

#define FUNC_KEY   "slv-rights-func"
#define ENGINE_KEY "slv-rights-engine"

gboolean
slv_widget_can_write (GtkWidget  *widget,
                      const char *table,
                      const char *row_id,
                      const char *field)
{
  GtkRoot *root;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), TRUE);

  root = gtk_widget_get_root (widget);
  return !SLV_IS_WINDOW (root) || slv_window_can_write (SLV_WINDOW (root), table, row_id, field);
}

static void
rights_changed_cb (GtkWidget *widget)
{
  SlvRightsFunc func = g_object_get_data (G_OBJECT (widget), FUNC_KEY);

  if (func != NULL && gtk_widget_get_mapped (widget))
    func (widget);
}

static void
mapped_cb (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  SlvSyncEngine *engine = SLV_IS_WINDOW (root) ? slv_window_get_sync_engine (SLV_WINDOW (root)) : NULL;

  if (engine != NULL && g_object_get_data (G_OBJECT (widget), ENGINE_KEY) != engine)
    {
      /* the engine lives as long as its window, which outlives the widget
       * in it; the connection goes with the widget */
      g_object_set_data (G_OBJECT (widget), ENGINE_KEY, engine);
      g_signal_connect_object (engine, "notify::email", G_CALLBACK (rights_changed_cb), widget, G_CONNECT_SWAPPED);
    }
  rights_changed_cb (widget);
}

void
slv_widget_track_rights (GtkWidget     *widget,
                         SlvRightsFunc  func)
{
  g_return_if_fail (GTK_IS_WIDGET (widget) && func != NULL);

  g_object_set_data (G_OBJECT (widget), FUNC_KEY, func);
  g_signal_connect (widget, "map", G_CALLBACK (mapped_cb), NULL);
}
