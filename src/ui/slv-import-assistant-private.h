/* slv-import-assistant-private.h: shared by the assistant's source files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "slv-import-assistant.h"
#include "slv-import-issues-view.h"
#include "slv-import-mapping-page.h"

G_BEGIN_DECLS

struct _SlvImportAssistant
{
  AdwApplicationWindow  parent_instance;

  /* template */
  AdwWindowTitle       *window_title;
  GtkButton            *next_button;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  GtkSpinner           *file_spinner;
  GtkLabel             *file_error;
  AdwActionRow         *file_row;
  AdwPreferencesGroup  *targets_group;
  AdwPreferencesGroup  *profiles_group;
  SlvImportMappingPage *mapping_page;
  GtkStack             *preview_stack;
  GtkLabel             *preview_caption;
  AdwViewStackPage     *issues_tab;
  AdwStatusPage        *preview_error;
  GtkLabel             *insert_label;
  GtkLabel             *update_label;
  GtkLabel             *unchanged_label;
  GtkLabel             *rejected_label;
  GtkLabel             *warnings_label;
  GtkColumnView        *preview_view;
  SlvImportIssuesView  *preview_issues;
  AdwViewStack         *preview_views;
  AdwStatusPage        *run_status;
  GtkProgressBar       *progress;
  GtkLabel             *run_message;
  GtkLabel             *report_title;
  GtkLabel             *report_summary;
  SlvImportIssuesView  *report_issues;

  /* state */
  SlvStore             *store;
  SlvJobQueue          *queue;
  SlvImport            *import;
  SlvJob               *job;
  GCancellable         *cancellable;    /* background work of this window */
  GCancellable         *dry_run;        /* the dry run in flight */
  GtkFileChooserNative *chooser;
  GPtrArray            *profile_rows;
  GListStore           *report;         /* SlvImportIssue: the stored report */
  SlvImportCounts       counts;         /* of the dry run, then of the job */
  char                 *batch_id;
  char                 *error;
  guint                 busy;           /* background tasks in flight */
  gboolean              previewed;      /* the dry run finished */
};

/* slv-import-assistant.c */
void     slv_import_assistant_set_step      (SlvImportAssistant *self,
                                             const char         *step);
void     slv_import_assistant_update        (SlvImportAssistant *self);
void     slv_import_assistant_hold          (SlvImportAssistant *self);
void     slv_import_assistant_release       (SlvImportAssistant *self);
void     slv_import_assistant_show_error    (SlvImportAssistant *self,
                                             const char         *message);
void     slv_import_assistant_toast         (SlvImportAssistant *self,
                                             const char         *message);
char    *slv_import_assistant_format_counts (const SlvImportCounts *counts) G_GNUC_WARN_UNUSED_RESULT;

/* slv-import-assistant-file.c: file, target, profiles and mapping edits */
void     slv_import_assistant_add_file_actions   (SlvImportAssistant *self);
void     slv_import_assistant_open_path          (SlvImportAssistant *self,
                                                  const char         *path);
void     slv_import_assistant_load_profiles      (SlvImportAssistant *self);
void     slv_import_assistant_clear_file         (SlvImportAssistant *self);

/* slv-import-assistant-run.c: preview, run and report */
void     slv_import_assistant_add_run_actions    (SlvImportAssistant *self);
void     slv_import_assistant_start_dry_run      (SlvImportAssistant *self);
void     slv_import_assistant_stop_dry_run       (SlvImportAssistant *self);
void     slv_import_assistant_start_import       (SlvImportAssistant *self);
void     slv_import_assistant_setup_preview      (SlvImportAssistant *self);

G_END_DECLS
