/* slv-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-window"

#include "config.h"

#include <glib/gi18n.h>

#include "slv-window.h"
#include "slv-board-page.h"
#include "slv-boards-page.h"
#include "slv-clo-import-dialog.h"
#include "slv-cost-master-page.h"
#include "slv-import-assistant.h"
#include "slv-imports-page.h"
#include "slv-list-page.h"
#include "slv-margin-rules-page.h"
#include "slv-materials-page.h"
#include "slv-style-page.h"
#include "slv-styles-page.h"
#include "core/slv-style.h"
#include "services/slv-pricing.h"
#include "services/slv-import-job.h"
#include "slv-sync-button.h"
#include "slv-window-sync.h"
#include "services/slv-workspace.h"
#include "services/slv-mip-cache.h"

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

G_DEFINE_FINAL_TYPE (SlvWindow, slv_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_PAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkListBoxRow *
find_row (SlvWindow  *self,
          const char *name)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (gtk_widget_get_name (row), name) == 0)
      return GTK_LIST_BOX_ROW (row);
  return NULL;
}

static void row_selected_cb (SlvWindow     *self,
                             GtkListBoxRow *row,
                             GtkListBox    *list);

static gboolean
show_page (SlvWindow  *self,
           const char *name)
{
  GtkWidget *child = gtk_stack_get_child_by_name (self->stack, name);
  GtkStackPage *page;
  GtkListBoxRow *row;

  if (child == NULL)
    return FALSE;
  page = gtk_stack_get_page (self->stack, child);
  gtk_stack_set_visible_child (self->stack, child);
  adw_window_title_set_title (self->page_title, gtk_stack_page_get_title (page));
  row = find_row (self, name);
  if (row != NULL && gtk_list_box_get_selected_row (self->sidebar_list) != row)
    gtk_list_box_select_row (self->sidebar_list, row);
  if (row == NULL && g_str_equal (name, "style"))
    {
      /* a style's page shows under Styles, without leaving it */
      g_signal_handlers_block_by_func (self->sidebar_list, row_selected_cb, self);
      gtk_list_box_select_row (self->sidebar_list, find_row (self, "styles"));
      g_signal_handlers_unblock_by_func (self->sidebar_list, row_selected_cb, self);
    }
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  /* a style's page opens from the Styles page, not at start-up */
  if (row != NULL)
    g_settings_set_string (self->settings, "last-page", name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
  return TRUE;
}

static void
row_selected_cb (SlvWindow     *self,
                 GtkListBoxRow *row,
                 GtkListBox    *list)
{
  if (row != NULL)
    show_page (self, gtk_widget_get_name (GTK_WIDGET (row)));
}

static void
row_activated_cb (SlvWindow     *self,
                  GtkListBoxRow *row,
                  GtkListBox    *list)
{
  /* Activating the selected row again still leaves the sidebar when folded,
   * goes back from a style to the list of styles, and from a board to the
   * Boards page. */
  show_page (self, gtk_widget_get_name (GTK_WIDGET (row)));
}

static void
build_sidebar (SlvWindow *self)
{
  g_autoptr(GtkSelectionModel) pages = gtk_stack_get_pages (self->stack);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (pages));

  for (guint i = 0; i < n; i++)
    {
      GtkStackPage *page = g_list_model_get_item (G_LIST_MODEL (pages), i);
      GtkWidget *row, *box, *icon, *label;

      /* pages without an icon (a style's page) open from other pages */
      if (gtk_stack_page_get_icon_name (page) == NULL)
        {
          g_object_unref (page);
          continue;
        }
      row = gtk_list_box_row_new ();
      box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      icon = gtk_image_new_from_icon_name (gtk_stack_page_get_icon_name (page));
      label = gtk_label_new (gtk_stack_page_get_title (page));

      gtk_widget_set_name (row, gtk_stack_page_get_name (page));
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_box_append (GTK_BOX (box), icon);
      gtk_box_append (GTK_BOX (box), label);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      gtk_list_box_append (self->sidebar_list, row);
      g_object_unref (page);
    }
  g_signal_connect_object (self->sidebar_list, "row-selected", G_CALLBACK (row_selected_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sidebar_list, "row-activated", G_CALLBACK (row_activated_cb),
                           self, G_CONNECT_SWAPPED);
}

static void
show_page_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  SlvWindow *self = SLV_WINDOW (user_data);
  const char *name = g_variant_get_string (parameter, NULL);

  if (!show_page (self, name))
    {
      g_autofree char *msg = g_strdup_printf (_("There is no page “%s”."), name);

      slv_window_add_toast (self, msg);
    }
}

static void
show_sidebar_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  adw_leaflet_navigate (SLV_WINDOW (user_data)->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
toast_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  slv_window_add_toast (SLV_WINDOW (user_data), g_variant_get_string (parameter, NULL));
}

static void
board_title_cb (SlvWindow *self)
{
  const char *title = slv_board_page_get_title (self->board_page);

  if (gtk_stack_get_visible_child (self->stack) == GTK_WIDGET (self->board_page))
    adw_window_title_set_title (self->page_title, title ? title : _("Board"));
}

static void
open_board_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  SlvWindow *self = SLV_WINDOW (user_data);

  GtkListBoxRow *row = find_row (self, "boards");

  slv_board_page_open (self->board_page, g_variant_get_string (parameter, NULL));
  gtk_stack_set_visible_child (self->stack, GTK_WIDGET (self->board_page));
  /* a board belongs under Boards in the sidebar (without going there) */
  g_signal_handlers_block_by_func (self->sidebar_list, row_selected_cb, self);
  gtk_list_box_select_row (self->sidebar_list, row);
  g_signal_handlers_unblock_by_func (self->sidebar_list, row_selected_cb, self);
  board_title_cb (self);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

/* ('name', <parameter>): a canvas command of the open board, for D-Bus
 * (the parameter is ignored by commands that take none). */
static void
canvas_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  SlvWindow *self = SLV_WINDOW (user_data);
  g_autoptr(GVariant) value = NULL;
  const char *name;

  g_variant_get (parameter, "(&sv)", &name, &value);
  if (!slv_board_page_activate (self->board_page, name, g_steal_pointer (&value)))
    {
      g_autofree char *msg = g_strdup_printf (_("The board command “%s” cannot be used now."), name);

      slv_window_add_toast (self, msg);
    }
}

static void
open_style_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  SlvWindow *self = SLV_WINDOW (user_data);

  slv_style_page_open (self->style_page, g_variant_get_string (parameter, NULL));
  show_page (self, "style");
}

static void
compare_scenarios_action (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  SlvWindow *self = SLV_WINDOW (user_data);

  slv_style_page_compare (self->style_page, g_variant_get_string (parameter, NULL));
  show_page (self, "style");
}

/* The widget whose class installs @name (its prefix names the page). */
static GtkWidget *
action_target (SlvWindow  *self,
               const char *name)
{
  if (g_str_has_prefix (name, "costing."))
    return GTK_WIDGET (slv_style_page_get_editor (self->style_page));
  if (g_str_has_prefix (name, "style."))
    return GTK_WIDGET (self->style_page);
  if (g_str_has_prefix (name, "cost-master."))
    return GTK_WIDGET (self->cost_master_page);
  if (g_str_has_prefix (name, "margin-rules."))
    return GTK_WIDGET (self->margin_rules_page);
  return gtk_stack_get_visible_child (self->stack);
}

static gboolean
find_widget_action (GtkWidget           *widget,
                    const char          *name,
                    const GVariantType **type)
{
  GtkWidgetClass *klass = GTK_WIDGET_GET_CLASS (widget);
  const char *action_name, *property_name;
  const GVariantType *parameter_type;
  GType owner;

  for (guint i = 0; gtk_widget_class_query_action (klass, i, &owner, &action_name, &parameter_type, &property_name); i++)
    if (g_str_equal (action_name, name))
      {
        *type = parameter_type;
        return TRUE;
      }
  return FALSE;
}

/* Runs a page's own action (costing.edit-line, style.compare…) so that
 * D-Bus clients can drive it too; "()" stands for no parameter. */
static void
page_action_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  SlvWindow *self = SLV_WINDOW (user_data);
  g_autoptr(GVariant) value = NULL;
  const GVariantType *type = NULL;
  const char *name;
  GtkWidget *target;

  g_variant_get (parameter, "(&sv)", &name, &value);
  target = action_target (self, name);
  if (target == NULL || !find_widget_action (target, name, &type) ||
      !(type == NULL ? g_variant_is_of_type (value, G_VARIANT_TYPE_UNIT) : g_variant_is_of_type (value, type)))
    {
      g_autofree char *msg = g_strdup_printf (_("There is no command “%s” taking that value."), name);

      slv_window_add_toast (self, msg);
      return;
    }
  gtk_widget_activate_action_variant (target, name, type ? value : NULL);
}

static void
reload_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  SlvWindow *self = SLV_WINDOW (user_data);

  slv_boards_page_reload (self->boards_page);
  slv_list_page_reload (SLV_LIST_PAGE (self->styles_page));
  slv_list_page_reload (SLV_LIST_PAGE (self->materials_page));
  slv_list_page_reload (SLV_LIST_PAGE (self->cost_master_page));
  slv_margin_rules_page_reload (self->margin_rules_page);
  slv_imports_page_reload (self->imports_page);
}

static void
search_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  SlvWindow *self = SLV_WINDOW (user_data);
  GtkWidget *page = gtk_stack_get_visible_child (self->stack);

  if (SLV_IS_LIST_PAGE (page))
    slv_list_page_set_search_text (SLV_LIST_PAGE (page), g_variant_get_string (parameter, NULL));
}

static void
new_board_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  SlvWindow *self = SLV_WINDOW (user_data);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = slv_boards_page_create_board (self->boards_page, g_variant_get_string (parameter, NULL),
                                                      NULL, &error);

  if (id == NULL)
    slv_window_add_toast (self, error->message);
  else
    show_page (self, "boards");
}

/* -- CLO 3D import: the dialog, and undo from its toast -- */

static void
open_clo_import (SlvWindow  *self,
                 const char *style_code,
                 const char *path)
{
  g_autoptr(GObject) selected = NULL;
  SlvCloImportDialog *dialog;

  if (*style_code == '\0')
    selected = slv_list_page_get_selected_item (SLV_LIST_PAGE (self->styles_page));
  if (selected != NULL)
    style_code = slv_style_get_code (SLV_STYLE (selected));
  dialog = slv_clo_import_dialog_new (GTK_WINDOW (self), self->store, style_code);
  if (path != NULL && *path != '\0')
    slv_clo_import_dialog_load (dialog, path);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_clo_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  open_clo_import (SLV_WINDOW (user_data), g_variant_get_string (parameter, NULL), NULL);
}

static void
import_clo_file_action (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  const char *style_code, *path;

  g_variant_get (parameter, "(&s&s)", &style_code, &path);
  open_clo_import (SLV_WINDOW (user_data), style_code, path);
}

static void
clo_undone_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = slv_clo_undo_finish (SLV_STORE (source), result, &error);
  SlvWindow *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = SLV_WINDOW (user_data);
  slv_window_add_toast (self, ok ? _("The CLO 3D import was undone.") : error->message);
  reload_action (NULL, NULL, self);
}

static void
undo_clo_import_action (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  SlvWindow *self = SLV_WINDOW (user_data);

  slv_clo_undo_async (self->store, g_variant_get_string (parameter, NULL), self->cancellable,
                      clo_undone_cb, self);
}

/* -- imports and the job queue -- */

static void
assistant_destroy_cb (SlvWindow *self)
{
  self->assistant = NULL;
}

static SlvImportAssistant *
open_assistant (SlvWindow *self)
{
  if (self->assistant == NULL)
    {
      self->assistant = slv_import_assistant_new (GTK_WINDOW (self), self->store, self->jobs);
      gtk_window_set_destroy_with_parent (GTK_WINDOW (self->assistant), TRUE);
      g_signal_connect_object (self->assistant, "destroy", G_CALLBACK (assistant_destroy_cb), self,
                               G_CONNECT_SWAPPED);
    }
  gtk_window_present (GTK_WINDOW (self->assistant));
  return self->assistant;
}

static void
import_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  open_assistant (SLV_WINDOW (user_data));
}

static void
import_file_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  SlvImportAssistant *assistant = open_assistant (SLV_WINDOW (user_data));

  g_action_group_activate_action (G_ACTION_GROUP (assistant), "open-file", parameter);
}

static gboolean
drop_cb (SlvWindow     *self,
         const GValue  *value,
         double         x,
         double         y,
         GtkDropTarget *target)
{
  GSList *files = g_value_get_boxed (value);
  g_autofree char *path = files ? g_file_get_path (files->data) : NULL;
  g_autofree char *lower = path ? g_ascii_strdown (path, -1) : NULL;

  if (lower == NULL || !(g_str_has_suffix (lower, ".csv") || g_str_has_suffix (lower, ".txt") ||
                         g_str_has_suffix (lower, ".tsv") || g_str_has_suffix (lower, ".xlsx")))
    {
      slv_window_add_toast (self, _("Drop a CSV file or an Excel workbook (.xlsx) to import it."));
      return FALSE;
    }
  g_action_group_activate_action (G_ACTION_GROUP (self), "import-file", g_variant_new_string (path));
  return TRUE;
}

static void
reload_after_job (SlvWindow *self)
{
  slv_list_page_reload (SLV_LIST_PAGE (self->materials_page));
  slv_list_page_reload (SLV_LIST_PAGE (self->cost_master_page));
  slv_list_page_reload (SLV_LIST_PAGE (self->styles_page));
  slv_imports_page_reload (self->imports_page);
}

static void
job_state_cb (SlvWindow  *self,
              GParamSpec *pspec,
              SlvJob     *job)
{
  SlvJobState state = slv_job_get_state (job);

  if (state == SLV_JOB_QUEUED || state == SLV_JOB_RUNNING)
    return;
  reload_after_job (self);
  /* The assistant reports its own import; everything else gets a toast. */
  if (self->assistant != NULL && slv_import_assistant_get_job (self->assistant) == job)
    return;
  if (slv_job_get_message (job) != NULL)
    {
      g_autofree char *text = g_strdup_printf ("%s: %s", slv_job_get_title (job), slv_job_get_message (job));

      slv_window_add_toast (self, text);
    }
}

static void
jobs_changed_cb (SlvWindow  *self,
                 guint       position,
                 guint       removed,
                 guint       added,
                 GListModel *jobs)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(SlvJob) job = g_list_model_get_item (jobs, i);

      g_signal_connect_object (job, "notify::state", G_CALLBACK (job_state_cb), self, G_CONNECT_SWAPPED);
    }
}

static void
recover_response_cb (SlvWindow        *self,
                     const char       *response,
                     AdwMessageDialog *dialog)
{
  gboolean resume = g_strcmp0 (response, "resume") == 0;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->jobs));

  if (!resume && g_strcmp0 (response, "rollback") != 0)
    return;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SlvJob) job = g_list_model_get_item (G_LIST_MODEL (self->jobs), i);

      if (slv_job_get_state (job) == SLV_JOB_INTERRUPTED)
        g_action_group_activate_action (G_ACTION_GROUP (self), resume ? "resume-job" : "rollback-job",
                                        g_variant_new_string (slv_job_get_id (job)));
    }
}

static void
recover_jobs_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  SlvWindow *self = SLV_WINDOW (user_data);
  g_autoptr(GString) body = g_string_new (_("Selvedge stopped while this work was under way:"));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->jobs));
  GtkWidget *dialog;

  g_string_append_c (body, '\n');
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SlvJob) job = g_list_model_get_item (G_LIST_MODEL (self->jobs), i);

      if (slv_job_get_state (job) == SLV_JOB_INTERRUPTED)
        g_string_append_printf (body, "\n• %s", slv_job_get_title (job));
    }
  g_string_append_printf (body, "\n\n%s", _("Resume it from the last saved step, or roll back what it wrote."));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Interrupted Work"), body->str);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "later", _("_Later"),
                                    "rollback", _("_Roll Back"),
                                    "resume", _("_Resume"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "rollback", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "resume", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "resume");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");
  g_signal_connect_object (dialog, "response", G_CALLBACK (recover_response_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
job_command (SlvWindow  *self,
             GVariant   *parameter,
             gboolean    resume)
{
  const char *id = g_variant_get_string (parameter, NULL);
  g_autoptr(GError) error = NULL;
  gboolean ok = resume ? slv_job_queue_resume (self->jobs, id, &error) : slv_job_queue_rollback (self->jobs, id, &error);

  if (!ok)
    slv_window_add_toast (self, error->message);
}

static void
resume_job_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  job_command (SLV_WINDOW (user_data), parameter, TRUE);
}

static void
rollback_job_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  job_command (SLV_WINDOW (user_data), parameter, FALSE);
}

/* One queue per window; work a killed app left behind is offered back. */
static void
start_jobs (SlvWindow *self)
{
  g_autoptr(GError) error = NULL;
  guint interrupted;

  self->jobs = slv_job_queue_new (self->store, 0);
  slv_import_jobs_register (self->jobs);
  g_signal_connect_object (self->jobs, "items-changed", G_CALLBACK (jobs_changed_cb), self, G_CONNECT_SWAPPED);
  slv_imports_page_set_queue (self->imports_page, self->jobs);
  interrupted = slv_job_queue_recover (self->jobs, &error);
  if (error != NULL)
    slv_window_add_toast (self, error->message);
  if (interrupted > 0)
    {
      AdwToast *toast = adw_toast_new (ngettext ("An import was interrupted when Selvedge stopped.",
                                                 "Some imports were interrupted when Selvedge stopped.",
                                                 interrupted));

      adw_toast_set_button_label (toast, _("_Resume or Roll Back…"));
      adw_toast_set_action_name (toast, "win.recover-jobs");
      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
}

static void
stop_jobs (SlvWindow *self)
{
  if (self->assistant != NULL)
    gtk_window_destroy (GTK_WINDOW (self->assistant));
  if (self->jobs != NULL)
    slv_job_queue_shutdown (self->jobs);
}

static const GActionEntry win_actions[] = {
  { "show-page", show_page_action, "s" },
  { "show-sidebar", show_sidebar_action },
  { "toast", toast_action, "s" },
  { "open-board", open_board_action, "s" },
  { "reload", reload_action },
  { "search", search_action, "s" },
  { "new-board", new_board_action, "s" },
  { "import-clo", import_clo_action, "s" },
  { "import-clo-file", import_clo_file_action, "(ss)" },
  { "undo-clo-import", undo_clo_import_action, "s" },
  { "open-style", open_style_action, "s" },
  { "compare-scenarios", compare_scenarios_action, "s" },
  { "page-action", page_action_action, "(sv)" },
  { "canvas-action", canvas_action, "(sv)" },
  { "import", import_action },
  { "import-file", import_file_action, "s" },
  { "recover-jobs", recover_jobs_action },
  { "resume-job", resume_job_action, "s" },
  { "rollback-job", rollback_job_action, "s" },
};

static void
save_window_state (SlvWindow *self)
{
  int width = 0, height = 0;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
}

/* Edits shown but not yet written (costings, rates, margin rules). */
static gboolean
writes_pending (SlvWindow *self)
{
  return slv_style_page_get_busy (self->style_page) ||
         slv_cost_master_page_get_busy (self->cost_master_page) ||
         slv_margin_rules_page_get_busy (self->margin_rules_page);
}

static gboolean
close_when_written_cb (gpointer user_data)
{
  SlvWindow *self = SLV_WINDOW (user_data);

  if (writes_pending (self))
    return G_SOURCE_CONTINUE;
  self->close_source = 0;
  gtk_window_close (GTK_WINDOW (self));
  return G_SOURCE_REMOVE;
}

static gboolean
slv_window_close_request (GtkWindow *window)
{
  SlvWindow *self = SLV_WINDOW (window);

  /* The window stays until every edit it shows is in the workspace. */
  if (writes_pending (self))
    {
      if (self->close_source == 0)
        self->close_source = g_timeout_add (20, close_when_written_cb, self);
      return TRUE;
    }
  save_window_state (self);
  /* Running jobs stop at their next checkpoint, to be resumed next time. */
  stop_jobs (self);
  return GTK_WINDOW_CLASS (slv_window_parent_class)->close_request (window);
}

static void
slv_window_dispose (GObject *object)
{
  SlvWindow *self = SLV_WINDOW (object);

  g_clear_handle_id (&self->close_source, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  stop_jobs (self);
  slv_window_sync_detach (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SLV_TYPE_WINDOW);
  g_clear_object (&self->jobs);
  g_clear_object (&self->store);
  g_clear_object (&self->pricing);
  g_clear_object (&self->mip_cache);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (slv_window_parent_class)->dispose (object);
}

static void
slv_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SlvWindow *self = SLV_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_PAGE:
      g_value_set_string (value, slv_window_get_page (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
slv_window_set_store (SlvWindow *self,
                      SlvStore  *store)
{
  if (!g_set_object (&self->store, store))
    return;
  g_clear_object (&self->mip_cache);
  if (store != NULL)
    self->mip_cache = slv_mip_cache_new (store, SLV_MIP_CACHE_DEFAULT_BUDGET);
  slv_board_page_set_store (self->board_page, store, self->mip_cache);
  slv_boards_page_set_mip_cache (self->boards_page, self->mip_cache);
  slv_boards_page_set_store (self->boards_page, store);
  slv_list_page_set_store (SLV_LIST_PAGE (self->styles_page), store);
  slv_list_page_set_store (SLV_LIST_PAGE (self->materials_page), store);
  slv_list_page_set_store (SLV_LIST_PAGE (self->cost_master_page), store);
  g_clear_object (&self->pricing);
  self->pricing = store ? slv_pricing_new (store) : NULL;
  slv_cost_master_page_set_pricing (self->cost_master_page, self->pricing);
  slv_style_page_set_pricing (self->style_page, self->pricing);
  slv_margin_rules_page_set_pricing (self->margin_rules_page, self->pricing);
  slv_imports_page_set_store (self->imports_page, store);
  slv_window_sync_attach (self, self->sync_button, store);
  if (store != NULL)
    {
      start_jobs (self);
      gtk_window_set_title (GTK_WINDOW (self), slv_store_get_name (store));
      adw_window_title_set_subtitle (self->sidebar_title, slv_store_get_name (store));
    }
}

static void
slv_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  SlvWindow *self = SLV_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      slv_window_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
slv_window_class_init (SlvWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = slv_window_dispose;
  object_class->get_property = slv_window_get_property;
  object_class->set_property = slv_window_set_property;
  window_class->close_request = slv_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SLV_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAGE] =
    g_param_spec_string ("page", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SLV_TYPE_BOARDS_PAGE);
  g_type_ensure (SLV_TYPE_STYLES_PAGE);
  g_type_ensure (SLV_TYPE_MATERIALS_PAGE);
  g_type_ensure (SLV_TYPE_COST_MASTER_PAGE);
  g_type_ensure (SLV_TYPE_STYLE_PAGE);
  g_type_ensure (SLV_TYPE_MARGIN_RULES_PAGE);
  g_type_ensure (SLV_TYPE_IMPORTS_PAGE);
  g_type_ensure (SLV_TYPE_SYNC_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/selvedge/Selvedge/ui/slv-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SlvWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, SlvWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, SlvWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, SlvWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, SlvWindow, page_title);
  gtk_widget_class_bind_template_child (widget_class, SlvWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SlvWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, SlvWindow, boards_page);
  gtk_widget_class_bind_template_child (widget_class, SlvWindow, styles_page);
  gtk_widget_class_bind_template_child (widget_class, SlvWindow, materials_page);
  gtk_widget_class_bind_template_child (widget_class, SlvWindow, cost_master_page);
  gtk_widget_class_bind_template_child (widget_class, SlvWindow, style_page);
  gtk_widget_class_bind_template_child (widget_class, SlvWindow, margin_rules_page);
  gtk_widget_class_bind_template_child (widget_class, SlvWindow, imports_page);
  gtk_widget_class_bind_template_child (widget_class, SlvWindow, sync_button);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.show-page", "s", "boards");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.show-page", "s", "styles");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "win.show-page", "s", "materials");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_ALT_MASK, "win.show-page", "s", "cost-master");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_5, GDK_ALT_MASK, "win.show-page", "s", "production");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_6, GDK_ALT_MASK, "win.show-page", "s", "insights");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_7, GDK_ALT_MASK, "win.show-page", "s", "margin-rules");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import", NULL);
}

static void
slv_window_init (SlvWindow *self)
{
  g_autofree char *last_page = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions, G_N_ELEMENTS (win_actions), self);
  {
    GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

    g_signal_connect_object (drop, "drop", G_CALLBACK (drop_cb), self, G_CONNECT_SWAPPED);
    gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
  }
  self->settings = g_settings_new (APP_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  build_sidebar (self);
  self->board_page = SLV_BOARD_PAGE (slv_board_page_new ());
  gtk_stack_add_titled (self->stack, GTK_WIDGET (self->board_page), "board", _("Board"));
  g_signal_connect_object (self->board_page, "notify::title", G_CALLBACK (board_title_cb), self,
                           G_CONNECT_SWAPPED);
  last_page = g_settings_get_string (self->settings, "last-page");
  if (!show_page (self, last_page))
    show_page (self, "styles");
}

SlvWindow *
slv_window_new (AdwApplication *application,
                SlvStore       *store)
{
  return g_object_new (SLV_TYPE_WINDOW, "application", application, "store", store, NULL);
}

SlvStore *
slv_window_get_store (SlvWindow *self)
{
  g_return_val_if_fail (SLV_IS_WINDOW (self), NULL);
  return self->store;
}

const char *
slv_window_get_page (SlvWindow *self)
{
  g_return_val_if_fail (SLV_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

GtkWidget *
slv_window_get_page_widget (SlvWindow  *self,
                            const char *name)
{
  g_return_val_if_fail (SLV_IS_WINDOW (self), NULL);
  return gtk_stack_get_child_by_name (self->stack, name);
}

void
slv_window_add_toast (SlvWindow  *self,
                      const char *message)
{
  AdwToast *toast;

  g_return_if_fail (SLV_IS_WINDOW (self));
  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
slv_window_add_toast_with_action (SlvWindow  *self,
                                  const char *message,
                                  const char *button_label,
                                  const char *action_name,
                                  GVariant   *target)
{
  AdwToast *toast;

  g_return_if_fail (SLV_IS_WINDOW (self));
  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 10);
  adw_toast_set_button_label (toast, button_label);
  adw_toast_set_action_name (toast, action_name);
  if (target != NULL)
    adw_toast_set_action_target_value (toast, target);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

gboolean
slv_window_get_folded (SlvWindow *self)
{
  g_return_val_if_fail (SLV_IS_WINDOW (self), FALSE);
  return adw_leaflet_get_folded (self->leaflet);
}

gboolean
slv_window_get_sidebar_shown (SlvWindow *self)
{
  g_return_val_if_fail (SLV_IS_WINDOW (self), FALSE);
  return !adw_leaflet_get_folded (self->leaflet) ||
         adw_leaflet_get_visible_child (self->leaflet) == self->sidebar;
}

SlvJobQueue *
slv_window_get_job_queue (SlvWindow *self)
{
  g_return_val_if_fail (SLV_IS_WINDOW (self), NULL);
  return self->jobs;
}

SlvImportAssistant *
slv_window_get_import_assistant (SlvWindow *self)
{
  g_return_val_if_fail (SLV_IS_WINDOW (self), NULL);
  return self->assistant;
}
