/* slv-picker-popover.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-picker-popover"

#include "config.h"

#include <glib/gi18n.h>

#include "slv-picker-popover.h"
#include "core/slv-cost-rate.h"
#include "core/slv-material.h"
#include "store/slv-repo.h"

struct _SlvPickerPopover
{
  GtkPopover          parent_instance;
  SlvStore           *store;
  GType               item_type;
  char               *process;
  GListStore         *records;
  GtkFilterListModel *filtered;
  GtkSearchEntry     *entry;
  GtkListView        *view;
  GtkLabel           *empty;
  GCancellable       *cancellable;
  gboolean            loading;
};

G_DEFINE_FINAL_TYPE (SlvPickerPopover, slv_picker_popover, GTK_TYPE_POPOVER)

enum { PICKED, N_SIGNALS };
static guint signals[N_SIGNALS];

static char *
item_title (GObject *item)
{
  if (SLV_IS_MATERIAL (item))
    return g_strdup_printf ("%s  %s", slv_material_get_code (SLV_MATERIAL (item)),
                            slv_material_get_name (SLV_MATERIAL (item)));
  return g_strdup_printf ("%s · %s", slv_cost_rate_get_key (SLV_COST_RATE (item)),
                          slv_cost_rate_get_supplier_name (SLV_COST_RATE (item))
                            ? slv_cost_rate_get_supplier_name (SLV_COST_RATE (item)) : _("any supplier"));
}

static char *
item_subtitle (GObject *item)
{
  if (SLV_IS_MATERIAL (item))
    {
      SlvMaterial *m = SLV_MATERIAL (item);

      /* TRANSLATORS: kind · price currency per unit · supplier */
      return g_strdup_printf (_("%s · %s %s per %s · %s"), slv_material_get_kind (m),
                              slv_material_get_price (m) ? slv_material_get_price (m) : "?",
                              slv_material_get_currency (m) ? slv_material_get_currency (m) : "",
                              slv_material_get_unit (m) ? slv_material_get_unit (m) : "",
                              slv_material_get_supplier_name (m) ? slv_material_get_supplier_name (m) : "");
    }
  else
    {
      SlvCostRate *r = SLV_COST_RATE (item);
      g_autofree char *tier = g_strdup_printf ("%" G_GINT64_FORMAT, slv_cost_rate_get_tier_min_qty (r));

      /* TRANSLATORS: process · rate currency per unit · from N pieces · valid to date */
      return g_strdup_printf (_("%s · %s %s per %s · from %s pcs · to %s"),
                              slv_cost_rate_get_process (r), slv_cost_rate_get_rate (r),
                              slv_cost_rate_get_currency (r), slv_cost_rate_get_unit (r), tier,
                              slv_cost_rate_get_valid_to (r) ? slv_cost_rate_get_valid_to (r) : "—");
    }
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GObject *item = gtk_list_item_get_item (list_item);
  g_autofree char *title = item_title (item);
  g_autofree char *subtitle = item_subtitle (item);

  gtk_label_set_text (GTK_LABEL (gtk_widget_get_first_child (box)), title);
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_last_child (box)), subtitle);
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  SlvPickerPopover *self = user_data;

  return self->process == NULL || !SLV_IS_COST_RATE (item) ||
         g_strcmp0 (slv_cost_rate_get_process (item), self->process) == 0;
}

static void
update_empty (SlvPickerPopover *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->empty),
                          !self->loading && g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0);
}

static void
list_ready_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) list = slv_repo_list_finish (SLV_STORE (source), result, &error);
  SlvPickerPopover *self;
  g_autoptr(GPtrArray) items = NULL;
  guint n;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = SLV_PICKER_POPOVER (user_data);
  self->loading = FALSE;
  if (list == NULL)
    {
      gtk_label_set_text (self->empty, error->message);
      update_empty (self);
      return;
    }
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  items = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (list), i));
  g_list_store_splice (self->records, 0, g_list_model_get_n_items (G_LIST_MODEL (self->records)),
                       items->pdata, items->len);
  gtk_label_set_text (self->empty, _("Nothing matches. Try fewer or shorter words."));
  update_empty (self);
}

static void
reload (SlvPickerPopover *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->loading = TRUE;
  slv_repo_list_async (self->store, self->item_type, *text ? text : NULL, self->cancellable,
                       list_ready_cb, self);
}

static void
activate_cb (SlvPickerPopover *self,
             guint             position)
{
  slv_picker_popover_pick (self, position);
}

static void
entry_activate_cb (SlvPickerPopover *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0)
    slv_picker_popover_pick (self, 0);
}

static void
slv_picker_popover_dispose (GObject *object)
{
  SlvPickerPopover *self = SLV_PICKER_POPOVER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (slv_picker_popover_parent_class)->dispose (object);
}

static void
slv_picker_popover_finalize (GObject *object)
{
  SlvPickerPopover *self = SLV_PICKER_POPOVER (object);

  g_clear_object (&self->filtered);
  g_clear_object (&self->records);
  g_free (self->process);
  G_OBJECT_CLASS (slv_picker_popover_parent_class)->finalize (object);
}

static void
slv_picker_popover_class_init (SlvPickerPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = slv_picker_popover_dispose;
  object_class->finalize = slv_picker_popover_finalize;

  signals[PICKED] = g_signal_new ("picked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                  NULL, G_TYPE_NONE, 1, G_TYPE_OBJECT);
}

static void
slv_picker_popover_init (SlvPickerPopover *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  self->entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  self->empty = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->empty), "dim-label");
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  self->view = GTK_LIST_VIEW (gtk_list_view_new (NULL, factory));
  gtk_list_view_set_single_click_activate (self->view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->view), "navigation-sidebar");
  g_signal_connect_swapped (self->view, "activate", G_CALLBACK (activate_cb), self);
  g_signal_connect_swapped (self->entry, "search-changed", G_CALLBACK (reload), self);
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (entry_activate_cb), self);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->view));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_size_request (scrolled, 420, 300);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->entry));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->empty));
  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_popover_set_child (GTK_POPOVER (self), box);
  gtk_popover_set_default_widget (GTK_POPOVER (self), NULL);
}

GtkWidget *
slv_picker_popover_new (SlvStore *store,
                        GType     item_type)
{
  SlvPickerPopover *self;

  g_return_val_if_fail (SLV_IS_STORE (store), NULL);
  g_return_val_if_fail (item_type == SLV_TYPE_MATERIAL || item_type == SLV_TYPE_COST_RATE, NULL);

  self = g_object_new (SLV_TYPE_PICKER_POPOVER, NULL);
  self->store = g_object_ref (store);
  self->item_type = item_type;
  self->records = g_list_store_new (item_type);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->records)),
                                              GTK_FILTER (gtk_custom_filter_new (filter_func, self, NULL)));
  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (update_empty), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->view, GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->filtered)))));
  g_object_set (self->entry, "placeholder-text",
                item_type == SLV_TYPE_MATERIAL ? _("Search materials by code, name or composition")
                                               : _("Search rates by key, description or supplier"), NULL);
  reload (self);
  return GTK_WIDGET (self);
}

void
slv_picker_popover_set_process (SlvPickerPopover *self,
                                const char       *process)
{
  g_return_if_fail (SLV_IS_PICKER_POPOVER (self));

  if (g_strcmp0 (self->process, process) == 0)
    return;
  g_free (self->process);
  self->process = g_strdup (process);
  gtk_filter_changed (gtk_filter_list_model_get_filter (self->filtered), GTK_FILTER_CHANGE_DIFFERENT);
}

void
slv_picker_popover_set_search (SlvPickerPopover *self,
                               const char       *text)
{
  g_return_if_fail (SLV_IS_PICKER_POPOVER (self));
  gtk_editable_set_text (GTK_EDITABLE (self->entry), text ? text : "");
  reload (self);
}

GListModel *
slv_picker_popover_get_model (SlvPickerPopover *self)
{
  g_return_val_if_fail (SLV_IS_PICKER_POPOVER (self), NULL);
  return G_LIST_MODEL (self->filtered);
}

gboolean
slv_picker_popover_get_loading (SlvPickerPopover *self)
{
  g_return_val_if_fail (SLV_IS_PICKER_POPOVER (self), FALSE);
  return self->loading;
}

void
slv_picker_popover_pick (SlvPickerPopover *self,
                         guint             position)
{
  g_autoptr(GObject) item = NULL;

  g_return_if_fail (SLV_IS_PICKER_POPOVER (self));

  item = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);
  if (item == NULL)
    return;
  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[PICKED], 0, item);
}
