/* slv-imports-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-imports-page"

#include "config.h"

#include <glib/gi18n.h>

#include "slv-imports-page.h"
#include "slv-import-issues-view.h"
#include "services/slv-import-batch.h"
#include "services/slv-import-job.h"
#include "services/slv-import-target.h"

struct _SlvImportsPage
{
  GtkWidget            parent_instance;

  GtkWidget           *box;
  GtkLabel            *count_label;
  GtkStack            *stack;
  GtkSpinner          *spinner;
  GtkColumnView       *column_view;
  GtkLabel            *report_title;
  SlvImportIssuesView *report_view;

  SlvStore            *store;
  SlvJobQueue         *queue;
  GListStore          *batches;      /* SlvImportBatch */
  GtkSingleSelection  *selection;
  GListStore          *report;       /* SlvImportIssue of the selected batch */
  GCancellable        *cancellable;  /* of the load in flight */
  GCancellable        *report_load;  /* of the report load in flight */
  char                *selected_id;  /* kept across reloads */
  gboolean             loading;
};

G_DEFINE_FINAL_TYPE (SlvImportsPage, slv_imports_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef enum
{
  COL_WHEN,
  COL_FILE,
  COL_TARGET,
  COL_USER,
  COL_NEW,
  COL_CHANGED,
  COL_UNCHANGED,
  COL_REJECTED,
  COL_STATE,
  COL_UNDO,
} Column;

static const struct
{
  const char *title;
  gboolean    expand;
  int         width;
  gboolean    figure;
} columns[] = {
  [COL_WHEN] = { N_("When"), FALSE, 140, FALSE },
  [COL_FILE] = { N_("File"), TRUE, 0, FALSE },
  [COL_TARGET] = { N_("Into"), TRUE, 0, FALSE },
  [COL_USER] = { N_("By"), FALSE, 90, FALSE },
  [COL_NEW] = { N_("New"), FALSE, 80, TRUE },
  [COL_CHANGED] = { N_("Changed"), FALSE, 80, TRUE },
  [COL_UNCHANGED] = { N_("Unchanged"), FALSE, 90, TRUE },
  [COL_REJECTED] = { N_("Rejected"), FALSE, 80, TRUE },
  [COL_STATE] = { N_("State"), FALSE, 100, FALSE },
  [COL_UNDO] = { "", FALSE, 90, FALSE },
};

/* -- cells -- */

static char *
format_when (const char *timestamp)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) utc_time = timestamp ? g_date_time_new_from_iso8601 (timestamp, utc) : NULL;
  g_autoptr(GDateTime) local = utc_time ? g_date_time_to_local (utc_time) : NULL;

  if (local == NULL)
    return g_strdup (timestamp ? timestamp : "");
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static const char *
state_label (const char *state)
{
  if (g_strcmp0 (state, "running") == 0)
    return _("Running");
  if (g_strcmp0 (state, "done") == 0)
    return _("Imported");
  if (g_strcmp0 (state, "failed") == 0)
    return _("Failed");
  if (g_strcmp0 (state, "rolled_back") == 0)
    return _("Rolled back");
  if (g_strcmp0 (state, "undone") == 0)
    return _("Undone");
  return state;
}

static char *
cell_text (SlvImportBatch *batch,
           Column          column)
{
  const SlvImportTarget *target;

  switch (column)
    {
    case COL_WHEN:
      return format_when (slv_import_batch_get_created_at (batch));
    case COL_FILE:
      return g_strdup (slv_import_batch_get_file_name (batch));
    case COL_TARGET:
      target = slv_import_target_find (slv_import_batch_get_target (batch));
      return g_strdup (target ? _(target->label) : slv_import_batch_get_target (batch));
    case COL_USER:
      return g_strdup (slv_import_batch_get_user (batch));
    case COL_NEW:
      return g_strdup_printf ("%'" G_GINT64_FORMAT, slv_import_batch_get_inserted (batch));
    case COL_CHANGED:
      return g_strdup_printf ("%'" G_GINT64_FORMAT, slv_import_batch_get_updated (batch));
    case COL_UNCHANGED:
      return g_strdup_printf ("%'" G_GINT64_FORMAT, slv_import_batch_get_unchanged (batch));
    case COL_REJECTED:
      return g_strdup_printf ("%'" G_GINT64_FORMAT, slv_import_batch_get_rejected (batch));
    case COL_STATE:
      return g_strdup (state_label (slv_import_batch_get_state (batch)));
    case COL_UNDO:
    default:
      return NULL;
    }
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  GtkWidget *child;

  if (column == COL_UNDO)
    {
      child = gtk_button_new_with_mnemonic (_("_Undo"));
      gtk_widget_set_halign (child, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (child, _("Take this import back: new records are removed, changed ones get their earlier values"));
    }
  else
    {
      child = gtk_label_new (NULL);
      gtk_label_set_ellipsize (GTK_LABEL (child), PANGO_ELLIPSIZE_END);
      gtk_label_set_xalign (GTK_LABEL (child), columns[column].figure ? 1 : 0);
      if (columns[column].figure)
        gtk_widget_add_css_class (child, "figure");
    }
  gtk_list_item_set_child (list_item, child);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  GtkWidget *child = gtk_list_item_get_child (list_item);
  SlvImportBatch *batch = gtk_list_item_get_item (list_item);
  g_autofree char *text = NULL;

  if (column == COL_UNDO)
    {
      /* The target first: a name without it would not match the action's parameter. */
      gtk_actionable_set_action_target (GTK_ACTIONABLE (child), "s", slv_import_batch_get_id (batch));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (child), "imports.undo");
      gtk_widget_set_visible (child, slv_import_batch_get_can_undo (batch));
      return;
    }
  text = cell_text (batch, column);
  gtk_label_set_text (GTK_LABEL (child), text ? text : "");
  if (column == COL_FILE || column == COL_STATE)
    gtk_widget_set_tooltip_text (child, column == COL_STATE ? slv_import_batch_get_message (batch) : text);
}

static void
add_columns (SlvImportsPage *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), GINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), GINT_TO_POINTER (i));
      column = gtk_column_view_column_new (*columns[i].title ? _(columns[i].title) : "", factory);
      gtk_column_view_column_set_expand (column, columns[i].expand);
      gtk_column_view_column_set_resizable (column, i != COL_UNDO);
      if (columns[i].width > 0)
        gtk_column_view_column_set_fixed_width (column, columns[i].width);
      gtk_column_view_append_column (self->column_view, column);
      g_object_unref (column);
    }
}

/* -- the report of the selected batch -- */

static void
report_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;
  GListStore *issues = slv_import_batch_list_issues (task_data, SLV_STORE (source_object), &error);

  if (issues == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, issues, g_object_unref);
}

static void
report_ready_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) issues = g_task_propagate_pointer (G_TASK (result), &error);
  SlvImportsPage *self;
  g_autofree gpointer *items = NULL;
  guint n;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = SLV_IMPORTS_PAGE (user_data);
  if (issues == NULL)
    {
      gtk_label_set_text (self->report_title, error->message);
      return;
    }
  n = g_list_model_get_n_items (G_LIST_MODEL (issues));
  items = g_new (gpointer, n + 1);
  for (guint i = 0; i < n; i++)
    items[i] = g_list_model_get_item (G_LIST_MODEL (issues), i);
  g_list_store_splice (self->report, 0, g_list_model_get_n_items (G_LIST_MODEL (self->report)), items, n);
  for (guint i = 0; i < n; i++)
    g_object_unref (items[i]);
}

static void
selection_changed_cb (SlvImportsPage *self)
{
  SlvImportBatch *batch = gtk_single_selection_get_selected_item (self->selection);
  g_autoptr(GTask) task = NULL;
  g_autofree char *title = NULL;

  g_cancellable_cancel (self->report_load);
  g_clear_object (&self->report_load);
  g_list_store_remove_all (self->report);
  if (batch == NULL || self->store == NULL)
    {
      gtk_label_set_text (self->report_title, "");
      return;
    }
  g_free (self->selected_id);
  self->selected_id = g_strdup (slv_import_batch_get_id (batch));
  /* TRANSLATORS: heading over the report of one import; %s is a file name */
  title = g_strdup_printf (_("Report of %s"), slv_import_batch_get_file_name (batch));
  gtk_label_set_text (self->report_title, title);
  self->report_load = g_cancellable_new ();
  task = g_task_new (self->store, self->report_load, report_ready_cb, self);
  g_task_set_source_tag (task, selection_changed_cb);
  g_task_set_task_data (task, g_object_ref (batch), g_object_unref);
  g_task_run_in_thread (task, report_thread);
}

/* -- loading -- */

static void
set_loading (SlvImportsPage *self,
             gboolean        loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  gtk_spinner_set_spinning (self->spinner, loading);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
show_batches (SlvImportsPage *self,
              GListModel     *batches)
{
  guint n = g_list_model_get_n_items (batches);
  g_autofree gpointer *items = g_new (gpointer, n + 1);
  g_autofree char *count = NULL;
  guint selected = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < n; i++)
    {
      items[i] = g_list_model_get_item (batches, i);
      if (g_strcmp0 (slv_import_batch_get_id (items[i]), self->selected_id) == 0)
        selected = i;
    }
  g_list_store_splice (self->batches, 0, g_list_model_get_n_items (G_LIST_MODEL (self->batches)), items, n);
  for (guint i = 0; i < n; i++)
    g_object_unref (items[i]);
  gtk_single_selection_set_selected (self->selection, selected != GTK_INVALID_LIST_POSITION ? selected : 0);
  /* The same batch stays selected: its report may have changed (an undo). */
  selection_changed_cb (self);
  count = g_strdup_printf (ngettext ("%u import", "%u imports", n), n);
  gtk_label_set_text (self->count_label, count);
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
}

static void
list_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  GListStore *batches = slv_import_list_batches (SLV_STORE (source_object), &error);

  if (batches == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, batches, g_object_unref);
}

static void
list_ready_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) batches = g_task_propagate_pointer (G_TASK (result), &error);
  SlvImportsPage *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = SLV_IMPORTS_PAGE (user_data);
  g_clear_object (&self->cancellable);
  set_loading (self, FALSE);
  if (batches == NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", error->message);
      return;
    }
  show_batches (self, G_LIST_MODEL (batches));
}

/* -- actions -- */

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SlvImportsPage *self = SLV_IMPORTS_PAGE (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvJob) job = NULL;

  if (self->queue == NULL)
    return;
  job = slv_import_undo_submit (self->queue, id, &error);
  if (job == NULL)
    {
      gtk_widget_activate_action (widget, "win.toast", "s", error->message);
      return;
    }
  gtk_widget_activate_action (widget, "win.toast", "s", _("Undoing the import…"));
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  slv_imports_page_reload (SLV_IMPORTS_PAGE (widget));
}

static void
copy_report_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SlvImportsPage *self = SLV_IMPORTS_PAGE (widget);
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->report));

  g_string_append_printf (text, "%s\n", gtk_label_get_text (self->report_title));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SlvImportIssue) issue = g_list_model_get_item (G_LIST_MODEL (self->report), i);
      g_autofree char *line = slv_import_issue_to_string (issue);

      g_string_append_printf (text, "%s\n", line);
    }
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text->str);
  gtk_widget_activate_action (widget, "win.toast", "s", _("Report copied."));
}

/* -- object -- */

static void
slv_imports_page_dispose (GObject *object)
{
  SlvImportsPage *self = SLV_IMPORTS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->report_load);
  g_clear_object (&self->report_load);
  gtk_widget_dispose_template (GTK_WIDGET (self), SLV_TYPE_IMPORTS_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->batches);
  g_clear_object (&self->report);
  g_clear_object (&self->queue);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (slv_imports_page_parent_class)->dispose (object);
}

static void
slv_imports_page_finalize (GObject *object)
{
  g_free (SLV_IMPORTS_PAGE (object)->selected_id);

  G_OBJECT_CLASS (slv_imports_page_parent_class)->finalize (object);
}

static void
slv_imports_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, SLV_IMPORTS_PAGE (object)->loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
slv_imports_page_class_init (SlvImportsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = slv_imports_page_dispose;
  object_class->finalize = slv_imports_page_finalize;
  object_class->get_property = slv_imports_page_get_property;

  properties[PROP_LOADING] = g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                                                   G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SLV_TYPE_IMPORT_ISSUES_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/selvedge/Selvedge/ui/slv-imports-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SlvImportsPage, box);
  gtk_widget_class_bind_template_child (widget_class, SlvImportsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, SlvImportsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SlvImportsPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, SlvImportsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, SlvImportsPage, report_title);
  gtk_widget_class_bind_template_child (widget_class, SlvImportsPage, report_view);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_install_action (widget_class, "imports.undo", "s", undo_action);
  gtk_widget_class_install_action (widget_class, "imports.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "imports.copy-report", NULL, copy_report_action);
}

static void
slv_imports_page_init (SlvImportsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->batches = g_list_store_new (SLV_TYPE_IMPORT_BATCH);
  self->report = g_list_store_new (SLV_TYPE_IMPORT_ISSUE);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->batches)));
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item", G_CALLBACK (selection_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  add_columns (self);
  slv_import_issues_view_set_model (self->report_view, G_LIST_MODEL (self->report));
  slv_import_issues_view_set_empty_title (self->report_view, _("Every Row Went In"));
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

void
slv_imports_page_set_store (SlvImportsPage *self,
                            SlvStore       *store)
{
  g_return_if_fail (SLV_IS_IMPORTS_PAGE (self));
  g_return_if_fail (store == NULL || SLV_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;
  slv_imports_page_reload (self);
}

void
slv_imports_page_set_queue (SlvImportsPage *self,
                            SlvJobQueue    *queue)
{
  g_return_if_fail (SLV_IS_IMPORTS_PAGE (self));
  g_set_object (&self->queue, queue);
}

GListModel *
slv_imports_page_get_model (SlvImportsPage *self)
{
  g_return_val_if_fail (SLV_IS_IMPORTS_PAGE (self), NULL);
  return G_LIST_MODEL (self->batches);
}

GListModel *
slv_imports_page_get_report (SlvImportsPage *self)
{
  g_return_val_if_fail (SLV_IS_IMPORTS_PAGE (self), NULL);
  return G_LIST_MODEL (self->report);
}

gboolean
slv_imports_page_get_loading (SlvImportsPage *self)
{
  g_return_val_if_fail (SLV_IS_IMPORTS_PAGE (self), FALSE);
  return self->loading;
}

void
slv_imports_page_reload (SlvImportsPage *self)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SLV_IS_IMPORTS_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->store == NULL)
    return;
  if (g_list_model_get_n_items (G_LIST_MODEL (self->batches)) == 0)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  set_loading (self, TRUE);
  self->cancellable = g_cancellable_new ();
  task = g_task_new (self->store, self->cancellable, list_ready_cb, self);
  g_task_set_source_tag (task, slv_imports_page_reload);
  g_task_run_in_thread (task, list_thread);
}
