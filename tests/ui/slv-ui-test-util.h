/* slv-ui-test-util.h: waiting for the main loop in UI tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

static inline gboolean
slv_ui_test_timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @done returns TRUE; fails after @seconds. */
static inline void
slv_ui_test_wait_until (gboolean (*done) (gpointer),
                        gpointer   data,
                        guint      seconds)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (seconds, slv_ui_test_timeout_cb, &timed_out);

  while (!done (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
}

/* Runs the main loop for @ms milliseconds. */
static inline void
slv_ui_test_spin (guint ms)
{
  gboolean over = FALSE;

  g_timeout_add (ms, slv_ui_test_timeout_cb, &over);
  while (!over)
    g_main_context_iteration (NULL, TRUE);
}

G_END_DECLS
