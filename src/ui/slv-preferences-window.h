/* slv-preferences-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SLV_TYPE_PREFERENCES_WINDOW (slv_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (SlvPreferencesWindow, slv_preferences_window, SLV, PREFERENCES_WINDOW, AdwPreferencesWindow)

SlvPreferencesWindow *slv_preferences_window_new (GSettings *settings);

G_END_DECLS
