/* slv-ui-test-util.h: starting UI tests and waiting for the main loop.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
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

static inline void
slv_ui_test_no_display (void)
{
  g_test_skip ("No display: run the UI tests through build-aux/test (Xvfb and a session bus).");
}

/* In main(): with a display, initialises GTK and libadwaita for tests and
 * returns TRUE. Without one, registers @skip_path as a test that skips
 * with a message and returns FALSE: main() then returns g_test_run ().
 * Not G_TEST_OPTION_ISOLATE_DIRS: GTK needs the system MIME database and
 * icon themes (XDG_DATA_DIRS); meson points XDG_*_HOME at the build tree. */
static inline gboolean
slv_ui_test_init (int        *argc,
                  char     ***argv,
                  const char *skip_path)
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_test_init (argc, argv, NULL);
      g_test_add_func (skip_path, slv_ui_test_no_display);
      return FALSE;
    }
  gtk_test_init (argc, argv, NULL);
  adw_init ();
  return TRUE;
}

G_END_DECLS
