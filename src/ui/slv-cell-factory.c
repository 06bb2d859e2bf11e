/* slv-cell-factory.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-cell-factory"

#include "config.h"

#include "slv-cell-factory.h"

typedef struct
{
  char              *property;
  char              *detailed;     /* "notify::property" */
  SlvCellFlags       flags;
  SlvCellFormatFunc  format;
  SlvCellCommitFunc  commit;
  gpointer           user_data;
  GWeakRef           editable_source;
  char              *editable_property;
} Config;

static void
config_free (gpointer data)
{
  Config *c = data;

  g_free (c->property);
  g_free (c->detailed);
  g_weak_ref_clear (&c->editable_source);
  g_free (c->editable_property);
  g_free (c);
}

char *
slv_cell_dup_property_text (GObject    *item,
                            const char *property)
{
  GParamSpec *pspec;
  g_auto(GValue) value = G_VALUE_INIT;
  g_auto(GValue) text = G_VALUE_INIT;

  if (item == NULL || (pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (item), property)) == NULL)
    return g_strdup ("");
  g_value_init (&value, pspec->value_type);
  g_object_get_property (item, property, &value);
  g_value_init (&text, G_TYPE_STRING);
  if (!g_value_transform (&value, &text) || g_value_get_string (&text) == NULL)
    return g_strdup ("");
  return g_value_dup_string (&text);
}

static void
show_item (GtkWidget *cell,
           GObject   *item)
{
  Config *c = g_object_get_data (G_OBJECT (cell), "slv-cell-config");
  g_autofree char *text = NULL;

  if (GTK_IS_EDITABLE_LABEL (cell) && gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (cell)))
    return;
  if (item != NULL && c->format != NULL)
    text = c->format (item, c->property, cell, c->user_data);
  if (text == NULL)
    text = slv_cell_dup_property_text (item, c->property);
  if (GTK_IS_LABEL (cell))
    gtk_label_set_text (GTK_LABEL (cell), text);
  else
    gtk_editable_set_text (GTK_EDITABLE (cell), text);
}

static void
item_notify_cb (GObject    *item,
                GParamSpec *pspec,
                GtkWidget  *cell)
{
  show_item (cell, item);
}

static void
editing_cb (GtkEditableLabel *label,
            GParamSpec       *pspec,
            GtkListItem      *list_item)
{
  Config *c = g_object_get_data (G_OBJECT (label), "slv-cell-config");
  GObject *item = gtk_list_item_get_item (list_item);
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;

  if (item == NULL)
    return;
  raw = slv_cell_dup_property_text (item, c->property);
  if (gtk_editable_label_get_editing (label))
    {
      /* edit the value, not its display ("Expired 2025-12-31") */
      gtk_editable_set_text (GTK_EDITABLE (label), raw);
      return;
    }
  text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (label)));
  show_item (GTK_WIDGET (label), item);
  if (g_strcmp0 (raw, text) != 0 && c->commit != NULL)
    c->commit (item, c->property, text, c->user_data);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          Config                   *c)
{
  gboolean number = (c->flags & SLV_CELL_NUMBER) != 0;
  GtkWidget *cell;

  if (c->flags & SLV_CELL_EDIT)
    {
      g_autoptr(GObject) source = g_weak_ref_get (&c->editable_source);

      GtkWidget *stack;

      cell = gtk_editable_label_new ("");
      gtk_editable_set_alignment (GTK_EDITABLE (cell), number ? 1.0f : 0.0f);
      /* Long texts (descriptions) must not widen their column: the label
       * shown while not editing ellipsizes, and the entry asks for little. */
      gtk_editable_set_width_chars (GTK_EDITABLE (cell), 1);
      stack = gtk_widget_get_first_child (cell);
      if (GTK_IS_STACK (stack))
        {
          GtkWidget *label = gtk_stack_get_child_by_name (GTK_STACK (stack), "label");

          if (GTK_IS_LABEL (label))
            gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
        }
      g_signal_connect (cell, "notify::editing", G_CALLBACK (editing_cb), list_item);
      if (source != NULL)
        g_object_bind_property (source, c->editable_property, cell, "editable", G_BINDING_SYNC_CREATE);
      gtk_widget_add_css_class (cell, "editable-cell");
    }
  else
    {
      cell = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (cell), number ? 1.0f : 0.0f);
      gtk_label_set_ellipsize (GTK_LABEL (cell), PANGO_ELLIPSIZE_END);
    }
  if (number)
    gtk_widget_add_css_class (cell, "figure");
  if (c->flags & SLV_CELL_DIM)
    gtk_widget_add_css_class (cell, "dim-label");
  g_object_set_data (G_OBJECT (cell), "slv-cell-config", c);
  gtk_list_item_set_child (list_item, cell);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         Config                   *c)
{
  GtkWidget *cell = gtk_list_item_get_child (list_item);
  GObject *item = gtk_list_item_get_item (list_item);
  gulong id;

  id = g_signal_connect_object (item, c->detailed, G_CALLBACK (item_notify_cb), cell, 0);
  g_object_set_data (G_OBJECT (cell), "slv-cell-handler", GSIZE_TO_POINTER ((gsize) id));
  show_item (cell, item);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           Config                   *c)
{
  GtkWidget *cell = gtk_list_item_get_child (list_item);
  GObject *item = gtk_list_item_get_item (list_item);
  gulong id = (gulong) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (cell), "slv-cell-handler"));

  if (GTK_IS_EDITABLE_LABEL (cell) && gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (cell)))
    gtk_editable_label_stop_editing (GTK_EDITABLE_LABEL (cell), FALSE);
  if (item != NULL && id != 0)
    g_signal_handler_disconnect (item, id);
  g_object_set_data (G_OBJECT (cell), "slv-cell-handler", NULL);
}

GtkListItemFactory *
slv_cell_factory_new (const char        *property,
                      SlvCellFlags       flags,
                      SlvCellFormatFunc  format,
                      SlvCellCommitFunc  commit,
                      gpointer           user_data)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  Config *c = g_new0 (Config, 1);

  g_return_val_if_fail (property != NULL, NULL);

  c->property = g_strdup (property);
  c->detailed = g_strconcat ("notify::", property, NULL);
  c->flags = flags;
  c->format = format;
  c->commit = commit;
  c->user_data = user_data;
  g_weak_ref_init (&c->editable_source, NULL);
  g_object_set_data_full (G_OBJECT (factory), "slv-cell-config", c, config_free);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), c);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), c);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), c);
  return factory;
}

void
slv_cell_factory_bind_editable (GtkListItemFactory *factory,
                                GObject            *source,
                                const char         *property)
{
  Config *c;

  g_return_if_fail (GTK_IS_SIGNAL_LIST_ITEM_FACTORY (factory));
  c = g_object_get_data (G_OBJECT (factory), "slv-cell-config");
  g_return_if_fail (c != NULL);
  g_weak_ref_set (&c->editable_source, source);
  g_free (c->editable_property);
  c->editable_property = g_strdup (property);
}
