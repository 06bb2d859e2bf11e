/* slv-costing-editor-columns.c: the BOM and process line columns.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-costing-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "slv-cell-factory.h"
#include "slv-costing-editor-private.h"
#include "slv-picker-popover.h"
#include "core/slv-cost-rate.h"
#include "core/slv-material.h"
#include "services/slv-bom-line-item.h"
#include "services/slv-process-line-item.h"

/* Cell property → line field of slv_costing_session_edit_line(). */
static const char *
field_for (const char *property)
{
  static const char * const map[][2] = {
    { "consumption", "consumption" }, { "wastage-pct", "wastage_pct" }, { "placement", "placement" },
    { "quantity", "quantity" }, { "loss-pct", "loss_pct" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    if (g_str_equal (map[i][0], property))
      return map[i][1];
  return property;
}

static guint
item_index (GObject *item)
{
  return SLV_IS_BOM_LINE_ITEM (item) ? slv_bom_line_item_get_index (SLV_BOM_LINE_ITEM (item))
                                     : slv_process_line_item_get_index (SLV_PROCESS_LINE_ITEM (item));
}

static void
commit_cb (GObject    *item,
           const char *property,
           const char *text,
           gpointer    user_data)
{
  slv_costing_editor_edit_line (user_data, SLV_IS_BOM_LINE_ITEM (item) ? "bom" : "process",
                                item_index (item), field_for (property), text);
}

/* -- display formats -- */

/* "0.23716800" → "0.237168": the places that carry information. */
static char *
trim_zeros (const char *text)
{
  char *t = g_strdup (text ? text : "");
  char *dot = strchr (t, '.');
  size_t n = strlen (t);

  if (dot == NULL)
    return t;
  while (n > 0 && t[n - 1] == '0' && t + n - 1 > dot + 1)
    t[--n] = '\0';
  return t;
}

static char *
format_trimmed_cb (GObject    *item,
                   const char *property,
                   GtkWidget  *cell,
                   gpointer    user_data)
{
  g_autofree char *value = slv_cell_dup_property_text (item, property);

  return trim_zeros (value);
}

static char *
format_consumption_cb (GObject    *item,
                       const char *property,
                       GtkWidget  *cell,
                       gpointer    user_data)
{
  const char *method = slv_bom_line_item_get_text (SLV_BOM_LINE_ITEM (item), "calc-method");
  const char *net = slv_bom_line_item_get_text (SLV_BOM_LINE_ITEM (item), "net");
  const char *unit = slv_bom_line_item_get_text (SLV_BOM_LINE_ITEM (item), "unit");
  g_autofree char *value = trim_zeros (net);
  g_autofree char *tip = NULL;

  if (g_strcmp0 (method, "manual") == 0 || method == NULL || *method == '\0')
    {
      gtk_widget_remove_css_class (cell, "computed");
      gtk_widget_set_tooltip_text (cell, NULL);
    }
  else
    {
      /* computed values are in italics */
      gtk_widget_add_css_class (cell, "computed");
      /* TRANSLATORS: %s is how a consumption is computed: knit, woven, per_dozen */
      tip = g_strdup_printf (_("Computed (%s) from the measurements; typing a value makes it a manual consumption."),
                             method);
      gtk_widget_set_tooltip_text (cell, tip);
    }
  return g_strdup_printf ("%s %s", value, unit ? unit : "");
}

static char *
format_money_cb (GObject    *item,
                 const char *property,
                 GtkWidget  *cell,
                 gpointer    user_data)
{
  const char *currency_property = user_data;
  g_autofree char *raw = slv_cell_dup_property_text (item, property);
  g_autofree char *value = trim_zeros (raw);
  g_autofree char *currency = slv_cell_dup_property_text (item, currency_property);

  if (*value == '\0')
    return g_strdup ("—");
  return g_strdup_printf ("%s %s", value, currency);
}

static char *
format_rate_cb (GObject    *item,
                const char *property,
                GtkWidget  *cell,
                gpointer    user_data)
{
  SlvProcessLineItem *line = SLV_PROCESS_LINE_ITEM (item);
  const char *rate = slv_process_line_item_get_text (line, "unit-rate");
  const char *tier = slv_process_line_item_get_text (line, "tier");

  if (rate == NULL || *rate == '\0')
    return g_strdup ("—");
  gtk_widget_set_tooltip_text (cell, tier && *tier && !g_str_equal (tier, "0")
                                     ? _("The quantity tier of this rate applies") : NULL);
  return g_strdup_printf ("%s %s/%s%s", rate, slv_process_line_item_get_text (line, "rate-currency"),
                          slv_process_line_item_get_text (line, "rate-unit"),
                          tier && *tier && !g_str_equal (tier, "0") ? " ▴" : "");
}

/* -- cost cells: a "Why?" menu button -- */

static void
why_popup_cb (GtkMenuButton *button,
              gpointer       user_data)
{
  SlvCostingEditor *self = user_data;
  GtkListItem *list_item = g_object_get_data (G_OBJECT (button), "slv-list-item");
  GObject *item = gtk_list_item_get_item (list_item);
  g_autofree char *key = NULL;

  if (item == NULL)
    return;
  key = g_strdup_printf ("%s.%u.cost", SLV_IS_BOM_LINE_ITEM (item) ? "bom" : "process", item_index (item));
  slv_costing_editor_set_why (self, button, key);
}

static void
setup_cost_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               SlvCostingEditor         *self)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, "figure");
  gtk_menu_button_set_child (GTK_MENU_BUTTON (button), label);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "why-button");
  gtk_widget_set_tooltip_text (button, _("Why this cost?"));
  g_object_set_data (G_OBJECT (button), "slv-list-item", list_item);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (button), why_popup_cb, self, NULL);
  gtk_list_item_set_child (list_item, button);
}

static void
show_cost (GtkWidget *button,
           GObject   *item)
{
  GtkWidget *label = gtk_menu_button_get_child (GTK_MENU_BUTTON (button));
  g_autofree char *cost = slv_cell_dup_property_text (item, "cost");
  gboolean minimum = FALSE;

  if (SLV_IS_PROCESS_LINE_ITEM (item))
    minimum = slv_process_line_item_get_minimum_applied (SLV_PROCESS_LINE_ITEM (item));
  if (minimum)
    {
      g_autofree char *text = g_strdup_printf ("%s min", cost);

      gtk_label_set_text (GTK_LABEL (label), text);
    }
  else
    gtk_label_set_text (GTK_LABEL (label), *cost ? cost : "—");
}

static void
cost_notify_cb (GObject    *item,
                GParamSpec *pspec,
                GtkWidget  *button)
{
  show_cost (button, item);
}

static void
bind_cost_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              SlvCostingEditor         *self)
{
  GtkWidget *button = gtk_list_item_get_child (list_item);
  GObject *item = gtk_list_item_get_item (list_item);
  gulong id = g_signal_connect_object (item, "notify::cost", G_CALLBACK (cost_notify_cb), button, 0);

  g_object_set_data (G_OBJECT (button), "slv-handler", GSIZE_TO_POINTER ((gsize) id));
  show_cost (button, item);
}

static void
unbind_cost_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                SlvCostingEditor         *self)
{
  GtkWidget *button = gtk_list_item_get_child (list_item);
  gulong id = (gulong) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "slv-handler"));

  if (id != 0 && gtk_list_item_get_item (list_item) != NULL)
    g_signal_handler_disconnect (gtk_list_item_get_item (list_item), id);
  g_object_set_data (G_OBJECT (button), "slv-handler", NULL);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), NULL);
}

static GtkListItemFactory *
cost_factory (SlvCostingEditor *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cost_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cost_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cost_cb), self);
  return factory;
}

/* -- material and rate cells: a menu button with the master's picker -- */

static void
picked_cb (SlvPickerPopover *picker,
           GObject          *record,
           GtkMenuButton    *button)
{
  SlvCostingEditor *self = g_object_get_data (G_OBJECT (button), "slv-editor");
  GtkListItem *list_item = g_object_get_data (G_OBJECT (button), "slv-list-item");
  GObject *item = gtk_list_item_get_item (list_item);

  if (item == NULL)
    return;
  if (SLV_IS_MATERIAL (record))
    gtk_widget_activate_action (GTK_WIDGET (self), "costing.set-material", "(us)", item_index (item),
                                slv_entity_get_id (SLV_ENTITY (record)));
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "costing.set-rate", "(us)", item_index (item),
                                slv_entity_get_id (SLV_ENTITY (record)));
}

static void
choose_popup_cb (GtkMenuButton *button,
                 gpointer       user_data)
{
  SlvCostingEditor *self = user_data;
  GtkListItem *list_item = g_object_get_data (G_OBJECT (button), "slv-list-item");
  GObject *item = gtk_list_item_get_item (list_item);
  SlvPricing *pricing;
  GtkWidget *picker;

  if (item == NULL || self->session == NULL)
    return;
  g_object_get (self->session, "pricing", &pricing, NULL);
  picker = slv_picker_popover_new (slv_pricing_get_store (pricing),
                                   SLV_IS_BOM_LINE_ITEM (item) ? SLV_TYPE_MATERIAL : SLV_TYPE_COST_RATE);
  g_object_unref (pricing);
  if (SLV_IS_PROCESS_LINE_ITEM (item))
    slv_picker_popover_set_process (SLV_PICKER_POPOVER (picker),
                                    slv_process_line_item_get_text (SLV_PROCESS_LINE_ITEM (item), "process"));
  g_signal_connect_object (picker, "picked", G_CALLBACK (picked_cb), button, 0);
  gtk_menu_button_set_popover (button, picker);
}

static void
setup_choice_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 SlvCostingEditor         *self)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_menu_button_set_child (GTK_MENU_BUTTON (button), label);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "choice-button");
  g_object_set_data (G_OBJECT (button), "slv-list-item", list_item);
  g_object_set_data (G_OBJECT (button), "slv-editor", self);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (button), choose_popup_cb, self, NULL);
  g_object_bind_property (self, "editable", button, "sensitive", G_BINDING_SYNC_CREATE);
  gtk_list_item_set_child (list_item, button);
}

static void
show_choice (GtkWidget *button,
             GObject   *item)
{
  GtkWidget *label = gtk_menu_button_get_child (GTK_MENU_BUTTON (button));
  g_autofree char *text = NULL;

  if (SLV_IS_BOM_LINE_ITEM (item))
    {
      SlvBomLineItem *line = SLV_BOM_LINE_ITEM (item);

      g_autofree char *tip = NULL;

      text = g_strdup_printf ("%s · %s", slv_bom_line_item_get_text (line, "material-name"),
                              slv_bom_line_item_get_text (line, "material-code"));
      /* TRANSLATORS: a material's name and code, then what clicking does */
      tip = g_strdup_printf (_("%s\nClick to choose another material"), text);
      gtk_widget_set_tooltip_text (button, tip);
    }
  else
    {
      SlvProcessLineItem *line = SLV_PROCESS_LINE_ITEM (item);

      text = g_strdup_printf ("%s · %s", slv_process_line_item_get_text (line, "rate-key"),
                              slv_process_line_item_get_text (line, "supplier"));
      gtk_widget_set_tooltip_text (button, _("Choose another rate or supplier"));
    }
  if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), text) != 0)
    gtk_label_set_text (GTK_LABEL (label), text);
}

static void
choice_notify_cb (GObject    *item,
                  GParamSpec *pspec,
                  GtkWidget  *button)
{
  show_choice (button, item);
}

static void
bind_choice_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                SlvCostingEditor         *self)
{
  GtkWidget *button = gtk_list_item_get_child (list_item);
  GObject *item = gtk_list_item_get_item (list_item);
  gulong id = g_signal_connect_object (item, "notify", G_CALLBACK (choice_notify_cb), button, 0);

  g_object_set_data (G_OBJECT (button), "slv-handler", GSIZE_TO_POINTER ((gsize) id));
  show_choice (button, item);
}

static void
unbind_choice_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  SlvCostingEditor         *self)
{
  GtkWidget *button = gtk_list_item_get_child (list_item);
  gulong id = (gulong) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "slv-handler"));

  if (id != 0 && gtk_list_item_get_item (list_item) != NULL)
    g_signal_handler_disconnect (gtk_list_item_get_item (list_item), id);
  g_object_set_data (G_OBJECT (button), "slv-handler", NULL);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), NULL);
}

static GtkListItemFactory *
choice_factory (SlvCostingEditor *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_choice_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_choice_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_choice_cb), self);
  return factory;
}

/* -- remove -- */

static void
remove_clicked_cb (GtkButton   *button,
                   GtkListItem *list_item)
{
  GObject *item = gtk_list_item_get_item (list_item);
  GtkWidget *editor = gtk_widget_get_ancestor (GTK_WIDGET (button), SLV_TYPE_COSTING_EDITOR);

  if (item != NULL && editor != NULL)
    gtk_widget_activate_action (editor, "costing.remove-line", "(su)",
                                SLV_IS_BOM_LINE_ITEM (item) ? "bom" : "process", item_index (item));
}

static void
setup_remove_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 SlvCostingEditor         *self)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Remove this line"));
  g_object_bind_property (self, "editable", button, "sensitive", G_BINDING_SYNC_CREATE);
  g_signal_connect (button, "clicked", G_CALLBACK (remove_clicked_cb), list_item);
  gtk_list_item_set_child (list_item, button);
}

static GtkListItemFactory *
remove_factory (SlvCostingEditor *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_remove_cb), self);
  return factory;
}

/* -- putting it together -- */

static void
append (GtkColumnView      *view,
        const char         *title,
        GtkListItemFactory *factory,
        int                 width)
{
  g_autoptr(GtkColumnViewColumn) column = gtk_column_view_column_new (title, factory);

  if (width > 0)
    gtk_column_view_column_set_fixed_width (column, width);
  else
    gtk_column_view_column_set_expand (column, TRUE);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (view, column);
}

static GtkListItemFactory *
cell (SlvCostingEditor  *self,
      const char        *property,
      SlvCellFlags       flags,
      SlvCellFormatFunc  format,
      gpointer           format_data)
{
  GtkListItemFactory *factory;

  factory = slv_cell_factory_new (property, flags, format, (flags & SLV_CELL_EDIT) ? commit_cb : NULL,
                                  format_data ? format_data : self);
  if (flags & SLV_CELL_EDIT)
    slv_cell_factory_bind_editable (factory, G_OBJECT (self), "editable");
  return factory;
}

void
slv_costing_editor_add_columns (SlvCostingEditor *self)
{
  GtkColumnView *bom = self->bom_view;
  GtkColumnView *proc = self->process_view;
  SlvCellFlags num = SLV_CELL_NUMBER;
  SlvCellFlags edit_num = SLV_CELL_NUMBER | SLV_CELL_EDIT;

  append (bom, _("Material"), choice_factory (self), 0);
  append (bom, _("Placement"), cell (self, "placement", SLV_CELL_EDIT, NULL, NULL), 76);
  append (bom, _("Consumption"), cell (self, "consumption", edit_num, format_consumption_cb, NULL), 104);
  append (bom, _("Waste %"), cell (self, "wastage-pct", edit_num, NULL, NULL), 58);
  append (bom, _("Gross"), cell (self, "gross", num | SLV_CELL_DIM, format_trimmed_cb, NULL), 76);
  append (bom, _("Price"), cell (self, "unit-price", num, format_money_cb, (gpointer) "price-currency"), 92);
  append (bom, _("Cost"), cost_factory (self), 90);
  append (bom, NULL, remove_factory (self), 34);

  append (proc, _("Process"), cell (self, "process", SLV_CELL_TEXT, NULL, NULL), 80);
  append (proc, _("Rate"), choice_factory (self), 0);
  append (proc, _("Quantity"), cell (self, "quantity", edit_num, NULL, NULL), 64);
  append (proc, _("Loss %"), cell (self, "loss-pct", edit_num, NULL, NULL), 54);
  append (proc, _("Unit rate"), cell (self, "unit-rate", num, format_rate_cb, NULL), 126);
  append (proc, _("Cost"), cost_factory (self), 90);
  append (proc, NULL, remove_factory (self), 34);
}
