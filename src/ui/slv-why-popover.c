/* slv-why-popover.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-why-popover"

#include "config.h"

#include <glib/gi18n.h>

#include "slv-why-popover.h"

struct _SlvWhyPopover
{
  GtkPopover    parent_instance;
  SlvCostSheet *sheet;
  char         *key;
  char         *explanation;
};

G_DEFINE_FINAL_TYPE (SlvWhyPopover, slv_why_popover, GTK_TYPE_POPOVER)

static GListModel *
child_keys (SlvCostSheet *sheet,
            int           index)
{
  GListStore *store = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  guint n = 0;
  const guint *children = slv_cost_sheet_get_children (sheet, (guint) index, &n);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *key = slv_cost_sheet_dup_key (sheet, children[i]);
      g_autoptr(GtkStringObject) item = gtk_string_object_new (key);

      g_list_store_append (store, item);
    }
  return G_LIST_MODEL (store);
}

static GListModel *
create_children_cb (gpointer item,
                    gpointer user_data)
{
  SlvCostSheet *sheet = user_data;
  int index = slv_cost_sheet_find (sheet, gtk_string_object_get_string (item));
  guint n = 0;

  if (index < 0)
    return NULL;
  slv_cost_sheet_get_children (sheet, (guint) index, &n);
  return n > 0 ? child_keys (sheet, index) : NULL;
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *formula = gtk_label_new (NULL);
  GtkWidget *source = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (formula), 0);
  gtk_label_set_wrap (GTK_LABEL (formula), TRUE);
  gtk_label_set_selectable (GTK_LABEL (formula), TRUE);
  gtk_widget_add_css_class (formula, "figure");
  gtk_label_set_xalign (GTK_LABEL (source), 0);
  gtk_label_set_wrap (GTK_LABEL (source), TRUE);
  gtk_widget_add_css_class (source, "dim-label");
  gtk_widget_add_css_class (source, "caption");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), formula);
  gtk_box_append (GTK_BOX (box), source);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), box);
  gtk_list_item_set_child (list_item, expander);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             SlvCostSheet             *sheet)
{
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *expander = gtk_list_item_get_child (list_item);
  GtkWidget *box = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander));
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *formula = gtk_widget_get_next_sibling (title);
  GtkWidget *source = gtk_widget_get_next_sibling (formula);
  g_autoptr(GtkStringObject) item = gtk_tree_list_row_get_item (row);
  int index = slv_cost_sheet_find (sheet, gtk_string_object_get_string (item));
  g_autofree char *label = NULL;
  g_autofree char *text = NULL;
  g_autofree char *from = NULL;

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), row);
  if (index < 0)
    return;
  label = slv_cost_sheet_dup_label (sheet, index);
  text = slv_cost_sheet_dup_formula (sheet, index);
  from = slv_cost_sheet_dup_source (sheet, index);
  gtk_label_set_text (GTK_LABEL (title), label);
  gtk_label_set_text (GTK_LABEL (formula), text);
  gtk_label_set_text (GTK_LABEL (source), from ? from : "");
  gtk_widget_set_visible (source, from != NULL);
}

static void
slv_why_popover_finalize (GObject *object)
{
  SlvWhyPopover *self = SLV_WHY_POPOVER (object);

  g_clear_object (&self->sheet);
  g_free (self->key);
  g_free (self->explanation);
  G_OBJECT_CLASS (slv_why_popover_parent_class)->finalize (object);
}

static void
slv_why_popover_class_init (SlvWhyPopoverClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = slv_why_popover_finalize;
}

static void
slv_why_popover_init (SlvWhyPopover *self)
{
  gtk_widget_add_css_class (GTK_WIDGET (self), "why-popover");
}

static GtkWidget *
build_content (SlvWhyPopover *self,
               int            index)
{
  GListStore *roots = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  g_autoptr(GtkStringObject) root = gtk_string_object_new (self->key);
  GtkTreeListModel *tree;
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (_("Where this figure comes from"));
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *view;
  g_autoptr(GtkTreeListRow) first = NULL;

  g_list_store_append (roots, root);
  tree = gtk_tree_list_model_new (G_LIST_MODEL (roots), FALSE, FALSE, create_children_cb,
                                  g_object_ref (self->sheet), g_object_unref);
  first = gtk_tree_list_model_get_row (tree, 0);
  gtk_tree_list_row_set_expanded (first, TRUE);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect_data (factory, "bind", G_CALLBACK (bind_row_cb), g_object_ref (self->sheet),
                         (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  view = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (tree))), factory);
  gtk_widget_add_css_class (view, "why-tree");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "title-4");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 420);
  gtk_widget_set_size_request (scrolled, 520, -1);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), scrolled);
  return box;
}

GtkWidget *
slv_why_popover_new (SlvCostSheet *sheet,
                     const char   *key)
{
  SlvWhyPopover *self;
  int index;

  g_return_val_if_fail (SLV_IS_COST_SHEET (sheet) && key != NULL, NULL);

  index = slv_cost_sheet_find (sheet, key);
  if (index < 0)
    return NULL;
  self = g_object_new (SLV_TYPE_WHY_POPOVER, NULL);
  self->sheet = g_object_ref (sheet);
  self->key = g_strdup (key);
  self->explanation = slv_cost_sheet_dup_explanation (sheet, index, -1);
  gtk_popover_set_child (GTK_POPOVER (self), build_content (self, index));
  return GTK_WIDGET (self);
}

const char *
slv_why_popover_get_key (SlvWhyPopover *self)
{
  g_return_val_if_fail (SLV_IS_WHY_POPOVER (self), NULL);
  return self->key;
}

const char *
slv_why_popover_get_explanation (SlvWhyPopover *self)
{
  g_return_val_if_fail (SLV_IS_WHY_POPOVER (self), NULL);
  return self->explanation;
}
