/* slv-window.h: a window on one workspace.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "slv-import-assistant.h"
#include "services/slv-job-queue.h"
#include "store/slv-store.h"

G_BEGIN_DECLS

#define SLV_TYPE_WINDOW (slv_window_get_type ())
G_DECLARE_FINAL_TYPE (SlvWindow, slv_window, SLV, WINDOW, AdwApplicationWindow)

SlvWindow  *slv_window_new             (AdwApplication *application,
                                        SlvStore       *store);
SlvStore   *slv_window_get_store       (SlvWindow      *self);
const char *slv_window_get_page        (SlvWindow      *self);
/* The page widget named @name (boards, styles, materials, cost-master…). */
GtkWidget  *slv_window_get_page_widget (SlvWindow      *self,
                                        const char     *name);
/* TRUE when the window is narrow and shows the sidebar or the page alone. */
gboolean    slv_window_get_folded      (SlvWindow      *self);
/* TRUE when the sidebar is what is shown (always TRUE when unfolded). */
gboolean    slv_window_get_sidebar_shown (SlvWindow    *self);
void        slv_window_add_toast       (SlvWindow      *self,
                                        const char     *message);
/* A toast with a button that activates @action_name (e.g. Undo); @target
 * may be NULL and is sunk. */
void        slv_window_add_toast_with_action (SlvWindow  *self,
                                              const char *message,
                                              const char *button_label,
                                              const char *action_name,
                                              GVariant   *target);
/* The queue of this window's long work (imports and their undo). */
SlvJobQueue *slv_window_get_job_queue  (SlvWindow      *self);
/* The open Import Data… window, or NULL. */
SlvImportAssistant *slv_window_get_import_assistant (SlvWindow *self);

G_END_DECLS
