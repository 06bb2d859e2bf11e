/* slv-import-issues-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-import-issues-view"

#include "config.h"

#include <glib/gi18n.h>

#include "slv-import-issues-view.h"
#include "services/slv-import-issue.h"

struct _SlvImportIssuesView
{
  GtkWidget       parent_instance;

  GtkStack       *stack;
  GtkColumnView  *column_view;
  AdwStatusPage  *empty_page;

  GtkNoSelection *selection;
};

G_DEFINE_FINAL_TYPE (SlvImportIssuesView, slv_import_issues_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MODEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef enum
{
  COLUMN_ROW,
  COLUMN_SEVERITY,
  COLUMN_COLUMN,
  COLUMN_VALUE,
  COLUMN_REASON,
} Column;

static const struct
{
  const char *title;
  gboolean    expand;
  int         width;
} columns[] = {
  [COLUMN_ROW] = { N_("Row"), FALSE, 64 },
  [COLUMN_SEVERITY] = { N_("Outcome"), FALSE, 96 },
  [COLUMN_COLUMN] = { N_("Column"), FALSE, 140 },
  [COLUMN_VALUE] = { N_("Value"), FALSE, 140 },
  [COLUMN_REASON] = { N_("Reason"), TRUE, 0 },
};

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), column == COLUMN_ROW ? 1 : 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (column == COLUMN_ROW)
    gtk_widget_add_css_class (label, "figure");
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (list_item));
  SlvImportIssue *issue = gtk_list_item_get_item (list_item);
  g_autofree char *text = NULL;
  gboolean error = slv_import_issue_get_severity (issue) == SLV_IMPORT_SEVERITY_ERROR;

  switch (column)
    {
    case COLUMN_ROW:
      text = slv_import_issue_get_row (issue) > 0
             ? g_strdup_printf ("%" G_GUINT64_FORMAT, slv_import_issue_get_row (issue)) : g_strdup ("");
      break;
    case COLUMN_SEVERITY:
      text = g_strdup (error ? _("Rejected") : _("Warning"));
      gtk_widget_remove_css_class (GTK_WIDGET (label), error ? "warning" : "error");
      gtk_widget_add_css_class (GTK_WIDGET (label), error ? "error" : "warning");
      break;
    case COLUMN_COLUMN:
      text = g_strdup (slv_import_issue_get_column (issue));
      break;
    case COLUMN_VALUE:
      text = g_strdup (slv_import_issue_get_value (issue));
      break;
    case COLUMN_REASON:
    default:
      text = g_strdup (slv_import_issue_get_reason (issue));
      break;
    }
  gtk_label_set_text (label, text ? text : "");
  /* Long reasons and values stay readable in the tooltip. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), column == COLUMN_REASON || column == COLUMN_VALUE ? text : NULL);
}

static void
add_columns (SlvImportIssuesView *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), GINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), GINT_TO_POINTER (i));
      column = gtk_column_view_column_new (_(columns[i].title), factory);
      gtk_column_view_column_set_expand (column, columns[i].expand);
      gtk_column_view_column_set_resizable (column, TRUE);
      if (columns[i].width > 0)
        gtk_column_view_column_set_fixed_width (column, columns[i].width);
      gtk_column_view_append_column (self->column_view, column);
      g_object_unref (column);
    }
}

static void
update_view (SlvImportIssuesView *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->selection)) == 0;

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "list");
}

static void
slv_import_issues_view_dispose (GObject *object)
{
  SlvImportIssuesView *self = SLV_IMPORT_ISSUES_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SLV_TYPE_IMPORT_ISSUES_VIEW);
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (slv_import_issues_view_parent_class)->dispose (object);
}

static void
slv_import_issues_view_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  SlvImportIssuesView *self = SLV_IMPORT_ISSUES_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, slv_import_issues_view_get_model (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
slv_import_issues_view_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  SlvImportIssuesView *self = SLV_IMPORT_ISSUES_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      slv_import_issues_view_set_model (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
slv_import_issues_view_class_init (SlvImportIssuesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = slv_import_issues_view_dispose;
  object_class->get_property = slv_import_issues_view_get_property;
  object_class->set_property = slv_import_issues_view_set_property;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/selvedge/Selvedge/ui/slv-import-issues-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SlvImportIssuesView, stack);
  gtk_widget_class_bind_template_child (widget_class, SlvImportIssuesView, column_view);
  gtk_widget_class_bind_template_child (widget_class, SlvImportIssuesView, empty_page);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
slv_import_issues_view_init (SlvImportIssuesView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->selection = gtk_no_selection_new (NULL);
  g_signal_connect_object (self->selection, "items-changed", G_CALLBACK (update_view), self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  add_columns (self);
  update_view (self);
}

GtkWidget *
slv_import_issues_view_new (void)
{
  return g_object_new (SLV_TYPE_IMPORT_ISSUES_VIEW, NULL);
}

GListModel *
slv_import_issues_view_get_model (SlvImportIssuesView *self)
{
  g_return_val_if_fail (SLV_IS_IMPORT_ISSUES_VIEW (self), NULL);
  return gtk_no_selection_get_model (self->selection);
}

void
slv_import_issues_view_set_model (SlvImportIssuesView *self,
                                  GListModel          *model)
{
  g_return_if_fail (SLV_IS_IMPORT_ISSUES_VIEW (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (gtk_no_selection_get_model (self->selection) == model)
    return;
  gtk_no_selection_set_model (self->selection, model);
  update_view (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

void
slv_import_issues_view_set_empty_title (SlvImportIssuesView *self,
                                        const char          *title)
{
  g_return_if_fail (SLV_IS_IMPORT_ISSUES_VIEW (self));
  adw_status_page_set_title (self->empty_page, title);
}
