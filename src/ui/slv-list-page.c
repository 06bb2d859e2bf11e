/* slv-list-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-list-page"

#include "config.h"

#include <glib/gi18n.h>

#include "slv-cell-factory.h"
#include "slv-list-page.h"
#include "store/slv-repo.h"

typedef struct
{
  GtkWidget          *box;
  GtkWidget          *toolbar;
  GtkWidget          *last_tool;   /* the widget added last to the toolbar */
  GtkSearchEntry     *search_entry;
  GtkLabel           *count_label;
  GtkStack           *stack;
  GtkSpinner         *spinner;
  GtkColumnView      *column_view;
  AdwStatusPage      *empty_page;

  SlvStore           *store;
  GListStore         *records;     /* as read from the store */
  GtkFilterListModel *filtered;    /* by the subclass's filter */
  GtkSortListModel   *sorted;
  GCancellable       *cancellable; /* of the query in flight */
  char               *search_text;
  gboolean            loading;
  gboolean            syncing_entry; /* setting the entry's text from code */
  gboolean            editable;      /* editable columns take edits */
} SlvListPagePrivate;

G_DEFINE_TYPE_WITH_PRIVATE (SlvListPage, slv_list_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SEARCH_TEXT,
  PROP_LOADING,
  PROP_EDITABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  SlvListPage         *page;
  const SlvListColumn *column;
} ColumnRef;

static gboolean
date_is_past (const char *date)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  return date != NULL && *date != '\0' && strcmp (date, today) < 0;
}

static char *
format_cell_cb (GObject    *item,
                const char *property,
                GtkWidget  *cell,
                gpointer    user_data)
{
  const SlvListColumn *column = ((ColumnRef *) user_data)->column;
  g_autofree char *text = slv_cell_dup_property_text (item, property);

  /* So a point on the list finds its record (slv_list_page_get_item_at). */
  g_object_set_data_full (G_OBJECT (cell), "slv-list-item", g_object_ref (item), g_object_unref);

  gtk_widget_remove_css_class (cell, "expired");
  gtk_widget_set_tooltip_text (cell, NULL);
  switch (column->kind)
    {
    case SLV_COLUMN_MONEY:
      if (*text != '\0' && column->currency != NULL)
        {
          g_autofree char *currency = slv_cell_dup_property_text (item, column->currency);
          g_autofree char *unit = slv_cell_dup_property_text (item, "unit");

          /* Percentage rates (overhead, commercial cost) carry no currency. */
          if (g_strcmp0 (unit, "percent") == 0)
            return g_strdup_printf ("%s %%", text);
          return g_strdup_printf ("%s %s", text, currency);
        }
      break;
    case SLV_COLUMN_VALID_TO:
      if (date_is_past (text))
        {
          gtk_widget_add_css_class (cell, "expired");
          gtk_widget_set_tooltip_text (cell, _("This rate is no longer valid; new costings do not use it."));
          /* TRANSLATORS: %s is a date, e.g. 2025-12-31 */
          return g_strdup_printf (_("Expired %s"), text);
        }
      break;
    case SLV_COLUMN_TEXT:
    case SLV_COLUMN_NUMBER:
    default:
      break;
    }
  return g_steal_pointer (&text);
}

static void
commit_cell_cb (GObject    *item,
                const char *property,
                const char *text,
                gpointer    user_data)
{
  ColumnRef *ref = user_data;
  SlvListPageClass *klass = SLV_LIST_PAGE_GET_CLASS (ref->page);

  if (klass->commit_edit != NULL)
    klass->commit_edit (ref->page, item, ref->column, text);
}

static int
compare_numeric_cb (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  const char *property = user_data;
  g_autofree char *ta = slv_cell_dup_property_text ((GObject *) a, property);
  g_autofree char *tb = slv_cell_dup_property_text ((GObject *) b, property);
  gboolean has_a = ta != NULL && *ta != '\0';
  gboolean has_b = tb != NULL && *tb != '\0';
  double da, db;

  /* Empty cells sort last either way round. */
  if (!has_a || !has_b)
    return has_a ? -1 : (has_b ? 1 : 0);
  da = g_ascii_strtod (ta, NULL);
  db = g_ascii_strtod (tb, NULL);
  return (da > db) - (da < db);
}

static GtkSorter *
make_sorter (GType                item_type,
             const SlvListColumn *column)
{
  if (column->kind == SLV_COLUMN_NUMBER || column->kind == SLV_COLUMN_MONEY)
    return GTK_SORTER (gtk_custom_sorter_new (compare_numeric_cb, (gpointer) column->property, NULL));
  return GTK_SORTER (gtk_string_sorter_new (gtk_property_expression_new (item_type, NULL, column->property)));
}

static void
add_columns (SlvListPage *self)
{
  SlvListPagePrivate *priv = slv_list_page_get_instance_private (self);
  SlvListPageClass *klass = SLV_LIST_PAGE_GET_CLASS (self);

  for (guint i = 0; i < klass->n_columns; i++)
    {
      const SlvListColumn *col = &klass->columns[i];
      ColumnRef *ref = g_new0 (ColumnRef, 1);
      SlvCellFlags flags = SLV_CELL_TEXT;
      GtkListItemFactory *factory;
      g_autoptr(GtkColumnViewColumn) column = NULL;
      g_autoptr(GtkSorter) sorter = make_sorter (klass->item_type, col);

      if (col->kind == SLV_COLUMN_NUMBER || col->kind == SLV_COLUMN_MONEY)
        flags |= SLV_CELL_NUMBER;
      if (col->editable && klass->commit_edit != NULL)
        flags |= SLV_CELL_EDIT;
      ref->page = self;
      ref->column = col;
      factory = slv_cell_factory_new (col->property, flags, format_cell_cb, commit_cell_cb, ref);
      if (flags & SLV_CELL_EDIT)
        slv_cell_factory_bind_editable (factory, G_OBJECT (self), "editable");
      g_object_set_data_full (G_OBJECT (factory), "slv-column-ref", ref, g_free);
      column = gtk_column_view_column_new (_(col->title), factory);
      gtk_column_view_column_set_expand (column, col->expand);
      if (col->width > 0)
        gtk_column_view_column_set_fixed_width (column, col->width);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_sorter (column, sorter);
      gtk_column_view_append_column (priv->column_view, column);
    }
}

static void
update_state (SlvListPage *self)
{
  SlvListPagePrivate *priv = slv_list_page_get_instance_private (self);
  SlvListPageClass *klass = SLV_LIST_PAGE_GET_CLASS (self);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (priv->filtered));
  gboolean searching = priv->search_text != NULL && *priv->search_text != '\0';
  gboolean filtering = gtk_filter_list_model_get_filter (priv->filtered) != NULL &&
                       g_list_model_get_n_items (G_LIST_MODEL (priv->records)) > 0;
  g_autofree char *count = NULL;

  gtk_spinner_set_spinning (priv->spinner, priv->loading);
  if (priv->loading && n == 0)
    {
      gtk_stack_set_visible_child_name (priv->stack, "loading");
      return;
    }
  count = klass->format_count (n);
  gtk_label_set_text (priv->count_label, count);
  if (n > 0)
    {
      gtk_stack_set_visible_child_name (priv->stack, "list");
      return;
    }
  if (filtering && !searching)
    {
      adw_status_page_set_icon_name (priv->empty_page, "edit-find-symbolic");
      adw_status_page_set_title (priv->empty_page, _(klass->no_match_title));
      adw_status_page_set_description (priv->empty_page, _("Nothing matches the chosen filters."));
    }
  else if (searching)
    {
      g_autofree char *desc = g_strdup_printf (_("Nothing matches “%s”. Try fewer or shorter words."),
                                               priv->search_text);

      adw_status_page_set_icon_name (priv->empty_page, "edit-find-symbolic");
      adw_status_page_set_title (priv->empty_page, _(klass->no_match_title));
      adw_status_page_set_description (priv->empty_page, desc);
    }
  else
    {
      adw_status_page_set_icon_name (priv->empty_page, klass->icon_name);
      adw_status_page_set_title (priv->empty_page, _(klass->empty_title));
      adw_status_page_set_description (priv->empty_page, _(klass->empty_description));
    }
  gtk_stack_set_visible_child_name (priv->stack, "empty");
}

static void
set_loading (SlvListPage *self,
             gboolean     loading)
{
  SlvListPagePrivate *priv = slv_list_page_get_instance_private (self);

  if (priv->loading == loading)
    return;
  priv->loading = loading;
  update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
list_ready_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) list = slv_repo_list_finish (SLV_STORE (source), result, &error);
  g_autoptr(GPtrArray) items = NULL;
  SlvListPage *self;
  SlvListPagePrivate *priv;
  guint n;

  /* A cancelled query belongs to a page that moved on or went away: the
   * page may be gone, so it is not touched. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = SLV_LIST_PAGE (user_data);
  priv = slv_list_page_get_instance_private (self);
  if (list == NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", error->message);
      set_loading (self, FALSE);
      return;
    }
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  items = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (list), i));
  g_list_store_splice (priv->records, 0, g_list_model_get_n_items (G_LIST_MODEL (priv->records)),
                       items->pdata, items->len);
  priv->loading = FALSE;
  update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

void
slv_list_page_reload (SlvListPage *self)
{
  SlvListPagePrivate *priv;

  g_return_if_fail (SLV_IS_LIST_PAGE (self));
  priv = slv_list_page_get_instance_private (self);

  g_cancellable_cancel (priv->cancellable);
  g_clear_object (&priv->cancellable);
  if (priv->store == NULL)
    {
      g_list_store_remove_all (priv->records);
      update_state (self);
      return;
    }
  priv->cancellable = g_cancellable_new ();
  set_loading (self, TRUE);
  slv_repo_list_async (priv->store, SLV_LIST_PAGE_GET_CLASS (self)->item_type, priv->search_text,
                       priv->cancellable, list_ready_cb, self);
}

static void
search_changed_cb (SlvListPage    *self,
                   GtkSearchEntry *entry)
{
  SlvListPagePrivate *priv = slv_list_page_get_instance_private (self);

  /* Replacing the text from code first clears it, and a search entry
   * reports a cleared text at once: that is not the user's search. */
  if (priv->syncing_entry)
    return;
  slv_list_page_set_search_text (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
stop_search_cb (SlvListPage    *self,
                GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SlvListPagePrivate *priv = slv_list_page_get_instance_private (SLV_LIST_PAGE (widget));

  gtk_widget_grab_focus (GTK_WIDGET (priv->search_entry));
}

static void
sort_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  const char *property = NULL;
  gboolean descending = FALSE;

  g_variant_get (parameter, "(&sb)", &property, &descending);
  slv_list_page_sort_by (SLV_LIST_PAGE (widget), property,
                         descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  slv_list_page_reload (SLV_LIST_PAGE (widget));
}

static void
activate_cb (SlvListPage   *self,
             guint          position,
             GtkColumnView *view)
{
  SlvListPageClass *klass = SLV_LIST_PAGE_GET_CLASS (self);
  SlvListPagePrivate *priv = slv_list_page_get_instance_private (self);
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (priv->sorted), position);

  if (item != NULL && klass->activate_item != NULL)
    klass->activate_item (self, item);
}

static void
filtered_changed_cb (SlvListPage *self,
                     guint        position,
                     guint        removed,
                     guint        added)
{
  SlvListPagePrivate *priv = slv_list_page_get_instance_private (self);

  if (!priv->loading)
    update_state (self);
}

static void
slv_list_page_constructed (GObject *object)
{
  SlvListPage *self = SLV_LIST_PAGE (object);
  SlvListPagePrivate *priv = slv_list_page_get_instance_private (self);
  SlvListPageClass *klass = SLV_LIST_PAGE_GET_CLASS (self);
  GtkSorter *sorter;

  G_OBJECT_CLASS (slv_list_page_parent_class)->constructed (object);

  priv->records = g_list_store_new (klass->item_type);
  priv->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (priv->records)), NULL);
  g_signal_connect_object (priv->filtered, "items-changed", G_CALLBACK (filtered_changed_cb),
                           self, G_CONNECT_SWAPPED);
  add_columns (self);
  sorter = gtk_column_view_get_sorter (priv->column_view);
  priv->sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (priv->filtered)),
                                          sorter ? g_object_ref (sorter) : NULL);
  g_signal_connect_object (priv->column_view, "activate", G_CALLBACK (activate_cb), self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (priv->column_view,
                             GTK_SELECTION_MODEL (gtk_single_selection_new (G_LIST_MODEL (g_object_ref (priv->sorted)))));
  if (klass->search_placeholder != NULL)
    g_object_set (priv->search_entry, "placeholder-text", _(klass->search_placeholder), NULL);
  update_state (self);
}

static void
slv_list_page_dispose (GObject *object)
{
  SlvListPage *self = SLV_LIST_PAGE (object);
  SlvListPagePrivate *priv = slv_list_page_get_instance_private (self);

  g_cancellable_cancel (priv->cancellable);
  g_clear_object (&priv->cancellable);
  g_clear_pointer (&priv->box, gtk_widget_unparent);
  g_clear_object (&priv->sorted);
  g_clear_object (&priv->filtered);
  g_clear_object (&priv->records);
  g_clear_object (&priv->store);

  G_OBJECT_CLASS (slv_list_page_parent_class)->dispose (object);
}

static void
slv_list_page_finalize (GObject *object)
{
  SlvListPagePrivate *priv = slv_list_page_get_instance_private (SLV_LIST_PAGE (object));

  g_free (priv->search_text);

  G_OBJECT_CLASS (slv_list_page_parent_class)->finalize (object);
}

static void
slv_list_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SlvListPage *self = SLV_LIST_PAGE (object);
  SlvListPagePrivate *priv = slv_list_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, priv->store);
      break;
    case PROP_SEARCH_TEXT:
      g_value_set_string (value, priv->search_text);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, priv->loading);
      break;
    case PROP_EDITABLE:
      g_value_set_boolean (value, priv->editable);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
slv_list_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  SlvListPage *self = SLV_LIST_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      slv_list_page_set_store (self, g_value_get_object (value));
      break;
    case PROP_SEARCH_TEXT:
      slv_list_page_set_search_text (self, g_value_get_string (value));
      break;
    case PROP_EDITABLE:
      slv_list_page_set_editable (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
slv_list_page_class_init (SlvListPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = slv_list_page_constructed;
  object_class->dispose = slv_list_page_dispose;
  object_class->finalize = slv_list_page_finalize;
  object_class->get_property = slv_list_page_get_property;
  object_class->set_property = slv_list_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SLV_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEARCH_TEXT] =
    g_param_spec_string ("search-text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* FALSE: the editable columns show their values only (RBAC) */
  properties[PROP_EDITABLE] =
    g_param_spec_boolean ("editable", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/selvedge/Selvedge/ui/slv-list-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child_private (widget_class, SlvListPage, box);
  gtk_widget_class_bind_template_child_private (widget_class, SlvListPage, toolbar);
  gtk_widget_class_bind_template_child_private (widget_class, SlvListPage, search_entry);
  gtk_widget_class_bind_template_child_private (widget_class, SlvListPage, count_label);
  gtk_widget_class_bind_template_child_private (widget_class, SlvListPage, stack);
  gtk_widget_class_bind_template_child_private (widget_class, SlvListPage, spinner);
  gtk_widget_class_bind_template_child_private (widget_class, SlvListPage, column_view);
  gtk_widget_class_bind_template_child_private (widget_class, SlvListPage, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);

  gtk_widget_class_install_action (widget_class, "list-page.focus-search", NULL, focus_search_action);
  gtk_widget_class_install_action (widget_class, "list-page.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "list-page.sort", "(sb)", sort_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "list-page.focus-search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "list-page.reload", NULL);
}

static void
slv_list_page_init (SlvListPage *self)
{
  SlvListPagePrivate *priv = slv_list_page_get_instance_private (self);

  priv->editable = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
}

SlvStore *
slv_list_page_get_store (SlvListPage *self)
{
  SlvListPagePrivate *priv = slv_list_page_get_instance_private (self);

  g_return_val_if_fail (SLV_IS_LIST_PAGE (self), NULL);
  return priv->store;
}

void
slv_list_page_set_store (SlvListPage *self,
                         SlvStore    *store)
{
  SlvListPagePrivate *priv = slv_list_page_get_instance_private (self);

  g_return_if_fail (SLV_IS_LIST_PAGE (self));
  g_return_if_fail (store == NULL || SLV_IS_STORE (store));

  if (!g_set_object (&priv->store, store))
    return;
  g_list_store_remove_all (priv->records);
  slv_list_page_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

const char *
slv_list_page_get_search_text (SlvListPage *self)
{
  SlvListPagePrivate *priv = slv_list_page_get_instance_private (self);

  g_return_val_if_fail (SLV_IS_LIST_PAGE (self), NULL);
  return priv->search_text;
}

void
slv_list_page_set_search_text (SlvListPage *self,
                               const char  *text)
{
  SlvListPagePrivate *priv = slv_list_page_get_instance_private (self);

  g_return_if_fail (SLV_IS_LIST_PAGE (self));

  if (g_strcmp0 (priv->search_text, text) == 0)
    return;
  g_free (priv->search_text);
  priv->search_text = g_strdup (text);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (priv->search_entry)), text ? text : "") != 0)
    {
      priv->syncing_entry = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (priv->search_entry), text ? text : "");
      priv->syncing_entry = FALSE;
    }
  slv_list_page_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_TEXT]);
}

GListModel *
slv_list_page_get_model (SlvListPage *self)
{
  SlvListPagePrivate *priv = slv_list_page_get_instance_private (self);

  g_return_val_if_fail (SLV_IS_LIST_PAGE (self), NULL);
  return G_LIST_MODEL (priv->sorted);
}

gboolean
slv_list_page_get_loading (SlvListPage *self)
{
  SlvListPagePrivate *priv = slv_list_page_get_instance_private (self);

  g_return_val_if_fail (SLV_IS_LIST_PAGE (self), FALSE);
  return priv->loading;
}

const char *
slv_list_page_get_view (SlvListPage *self)
{
  SlvListPagePrivate *priv = slv_list_page_get_instance_private (self);

  g_return_val_if_fail (SLV_IS_LIST_PAGE (self), NULL);
  return gtk_stack_get_visible_child_name (priv->stack);
}

gboolean
slv_list_page_sort_by (SlvListPage *self,
                       const char  *property,
                       GtkSortType  order)
{
  SlvListPagePrivate *priv = slv_list_page_get_instance_private (self);
  SlvListPageClass *klass = SLV_LIST_PAGE_GET_CLASS (self);
  GListModel *columns;

  g_return_val_if_fail (SLV_IS_LIST_PAGE (self), FALSE);
  g_return_val_if_fail (property != NULL, FALSE);

  columns = gtk_column_view_get_columns (priv->column_view);
  for (guint i = 0; i < klass->n_columns; i++)
    if (g_str_equal (klass->columns[i].property, property))
      {
        g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

        gtk_column_view_sort_by_column (priv->column_view, column, order);
        return TRUE;
      }
  return FALSE;
}

GObject *
slv_list_page_get_selected_item (SlvListPage *self)
{
  SlvListPagePrivate *priv = slv_list_page_get_instance_private (self);
  GtkSelectionModel *model;
  GObject *item;

  g_return_val_if_fail (SLV_IS_LIST_PAGE (self), NULL);
  model = gtk_column_view_get_model (priv->column_view);
  item = gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (model));
  return item ? g_object_ref (item) : NULL;
}

GObject *
slv_list_page_get_item_at (SlvListPage *self,
                           double       x,
                           double       y)
{
  GtkWidget *w;

  g_return_val_if_fail (SLV_IS_LIST_PAGE (self), NULL);
  for (w = gtk_widget_pick (GTK_WIDGET (self), x, y, GTK_PICK_DEFAULT); w != NULL && w != GTK_WIDGET (self);
       w = gtk_widget_get_parent (w))
    {
      GtkWidget *child = gtk_widget_get_first_child (w);
      GObject *item = g_object_get_data (G_OBJECT (w), "slv-list-item");

      /* A point on a cell's padding picks the cell, whose child is ours. */
      if (item == NULL && child != NULL)
        item = g_object_get_data (G_OBJECT (child), "slv-list-item");
      if (item != NULL)
        return g_object_ref (item);
    }
  return NULL;
}

void
slv_list_page_set_filter (SlvListPage *self,
                          GtkFilter   *filter)
{
  SlvListPagePrivate *priv = slv_list_page_get_instance_private (self);

  g_return_if_fail (SLV_IS_LIST_PAGE (self));
  gtk_filter_list_model_set_filter (priv->filtered, filter);
  update_state (self);
}

GListModel *
slv_list_page_get_records (SlvListPage *self)
{
  SlvListPagePrivate *priv = slv_list_page_get_instance_private (self);

  g_return_val_if_fail (SLV_IS_LIST_PAGE (self), NULL);
  return G_LIST_MODEL (priv->records);
}

void
slv_list_page_add_toolbar_widget (SlvListPage *self,
                                  GtkWidget   *widget)
{
  SlvListPagePrivate *priv = slv_list_page_get_instance_private (self);

  g_return_if_fail (SLV_IS_LIST_PAGE (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));
  gtk_box_insert_child_after (GTK_BOX (priv->toolbar), widget,
                              priv->last_tool ? priv->last_tool : GTK_WIDGET (priv->search_entry));
  priv->last_tool = widget;
}

gboolean
slv_list_page_get_editable (SlvListPage *self)
{
  SlvListPagePrivate *priv = slv_list_page_get_instance_private (self);

  g_return_val_if_fail (SLV_IS_LIST_PAGE (self), FALSE);
  return priv->editable;
}

void
slv_list_page_set_editable (SlvListPage *self,
                            gboolean     editable)
{
  SlvListPagePrivate *priv = slv_list_page_get_instance_private (self);

  g_return_if_fail (SLV_IS_LIST_PAGE (self));
  editable = !!editable;
  if (priv->editable == editable)
    return;
  priv->editable = editable;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITABLE]);
}
