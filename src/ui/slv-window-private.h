/* slv-window-private.h: shared by the window's files (slv-window.c,
 * slv-window-jobs.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "slv-window.h"
#include "slv-board-page.h"
#include "slv-boards-page.h"
#include "slv-cost-master-page.h"
#include "slv-import-assistant.h"
#include "slv-imports-page.h"
#include "slv-margin-rules-page.h"
#include "slv-materials-page.h"
#include "slv-style-page.h"
#include "slv-styles-page.h"
#include "slv-sync-button.h"
#include "services/slv-import-job.h"
#include "services/slv-mip-cache.h"
#include "services/slv-pricing.h"

G_BEGIN_DECLS

struct _SlvWindow
{
  AdwApplicationWindow  parent_instance;

  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar;
  GtkListBox           *sidebar_list;
  AdwWindowTitle       *sidebar_title;
  AdwWindowTitle       *page_title;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  SlvBoardsPage        *boards_page;
  SlvStylesPage        *styles_page;
  SlvMaterialsPage     *materials_page;
  SlvCostMasterPage    *cost_master_page;
  SlvStylePage         *style_page;
  SlvBoardPage         *board_page;    /* not in the sidebar: opened from Boards */
  SlvMarginRulesPage   *margin_rules_page;
  SlvImportsPage       *imports_page;
  SlvSyncButton        *sync_button;

  GSettings            *settings;
  SlvStore             *store;
  SlvPricing           *pricing;      /* the cost masters of the workspace */
  guint                 close_source; /* waiting for writes before closing */
  SlvMipCache          *mip_cache;     /* board pictures, for the board and Boards pages */
  GCancellable         *cancellable;  /* of work started by this window */
  SlvJobQueue          *jobs;         /* imports and their undo */
  SlvImportAssistant   *assistant;    /* weak: the open Import Data… window */
};

/* slv-window.c */
/* Reloads every page from the workspace (win.reload). */
void slv_window_reload      (SlvWindow *self);

/* slv-window-jobs.c */
/* Adds the import and job actions (win.import, win.import-clo,
 * win.recover-jobs…) and the drop target for files to import. */
void slv_window_jobs_init   (SlvWindow *self);
void slv_window_start_jobs  (SlvWindow *self);
void slv_window_stop_jobs   (SlvWindow *self);

G_END_DECLS
