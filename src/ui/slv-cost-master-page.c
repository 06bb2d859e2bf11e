/* slv-cost-master-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rates of the cost master, edited in place: a value typed into a cell
 * is validated as part of its whole rate and written in a worker thread
 * (one transaction); a refused value stays unwritten and its message is
 * shown in a toast. Filters by process and supplier narrow the list.
 */
#define G_LOG_DOMAIN "slv-cost-master-page"

#include "config.h"

#include <glib/gi18n.h>

#include "slv-cost-master-page.h"
#include "slv-rights.h"
#include "slv-save-dialog.h"
#include "core/slv-cost-rate.h"

struct _SlvCostMasterPage
{
  SlvListPage    parent_instance;

  GtkDropDown   *process_filter;
  GtkDropDown   *supplier_filter;
  GtkStringList *processes;        /* "All processes" first */
  GtkStringList *suppliers;        /* "All suppliers" first */
  GtkCustomFilter *filter;
  char          *process;          /* NULL: any */
  char          *supplier;
  gboolean      updating_suppliers;

  SlvPricing    *pricing;
  GCancellable  *cancellable;
  char          *message;          /* the last edit's refusal, or "" */
  guint          busy;             /* edits and exports running */
};

G_DEFINE_FINAL_TYPE (SlvCostMasterPage, slv_cost_master_page, SLV_TYPE_LIST_PAGE)

enum {
  PROP_0,
  PROP_PRICING,
  PROP_MESSAGE,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const SlvListColumn columns[] = {
  { N_("Process"), "process", SLV_COLUMN_TEXT, FALSE, NULL, 88, TRUE },
  { N_("Key"), "key", SLV_COLUMN_TEXT, FALSE, NULL, 140, TRUE },
  { N_("Description"), "description", SLV_COLUMN_TEXT, TRUE, NULL, 0, TRUE },
  { N_("Supplier"), "supplier-name", SLV_COLUMN_TEXT, TRUE, NULL, 0, TRUE },
  { N_("Unit"), "unit", SLV_COLUMN_TEXT, FALSE, NULL, 72, TRUE },
  { N_("Rate"), "rate", SLV_COLUMN_MONEY, FALSE, "currency", 88, TRUE },
  { N_("Currency"), "currency", SLV_COLUMN_TEXT, FALSE, NULL, 56, TRUE },
  { N_("From qty"), "tier-min-qty", SLV_COLUMN_NUMBER, FALSE, NULL, 64, TRUE },
  { N_("Minimum"), "min-charge", SLV_COLUMN_NUMBER, FALSE, NULL, 72, TRUE },
  { N_("Valid from"), "valid-from", SLV_COLUMN_TEXT, FALSE, NULL, 90, TRUE },
  { N_("Valid to"), "valid-to", SLV_COLUMN_VALID_TO, FALSE, NULL, 128, TRUE },
};

/* Column property → rate field of slv_pricing_set_rate_field(). */
static const char *
field_for_property (const char *property)
{
  static const char * const map[][2] = {
    { "process", "process" }, { "key", "key" }, { "description", "description" },
    { "supplier-name", "supplier" }, { "unit", "unit" }, { "rate", "rate" },
    { "currency", "currency" }, { "tier-min-qty", "tier_min_qty" }, { "min-charge", "min_charge" },
    { "valid-from", "valid_from" }, { "valid-to", "valid_to" }, { "price-unit", "price_unit" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    if (g_str_equal (map[i][0], property) || g_str_equal (map[i][1], property))
      return map[i][1];
  return NULL;
}

static const char *
property_for_field (const char *field)
{
  static const char * const map[][2] = {
    { "tier_min_qty", "tier-min-qty" }, { "min_charge", "min-charge" }, { "valid_from", "valid-from" },
    { "valid_to", "valid-to" }, { "price_unit", "price-unit" }, { "supplier", "supplier-name" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    if (g_str_equal (map[i][0], field))
      return map[i][1];
  return field;
}

static char *
format_count (guint n)
{
  return g_strdup_printf (ngettext ("%u rate", "%u rates", n), n);
}

static void
set_message (SlvCostMasterPage *self,
             const char        *message)
{
  if (g_strcmp0 (self->message, message) == 0)
    return;
  g_free (self->message);
  self->message = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
}

static void
change_busy (SlvCostMasterPage *self,
             int                delta)
{
  self->busy += delta;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* -- filters -- */

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  SlvCostMasterPage *self = user_data;
  SlvCostRate *rate = item;

  if (self->process != NULL && g_strcmp0 (slv_cost_rate_get_process (rate), self->process) != 0)
    return FALSE;
  if (self->supplier != NULL && g_strcmp0 (slv_cost_rate_get_supplier_name (rate), self->supplier) != 0)
    return FALSE;
  return TRUE;
}

static void
apply_filters (SlvCostMasterPage *self)
{
  gboolean any = self->process != NULL || self->supplier != NULL;

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  slv_list_page_set_filter (SLV_LIST_PAGE (self), any ? GTK_FILTER (self->filter) : NULL);
}

static guint
find_string (GtkStringList *list,
             const char    *text)
{
  for (guint i = 1; text != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    if (g_str_equal (gtk_string_list_get_string (list, i), text))
      return i;
  return 0;
}

static gboolean
set_choice (char       **slot,
            const char  *value)
{
  const char *v = value != NULL && *value != '\0' ? value : NULL;

  if (g_strcmp0 (*slot, v) == 0)
    return FALSE;
  g_free (*slot);
  *slot = g_strdup (v);
  return TRUE;
}

static void
filter_selected_cb (SlvCostMasterPage *self,
                    GParamSpec        *pspec,
                    GtkDropDown       *drop_down)
{
  guint i = gtk_drop_down_get_selected (drop_down);
  GtkStringList *list = drop_down == self->process_filter ? self->processes : self->suppliers;
  char **slot = drop_down == self->process_filter ? &self->process : &self->supplier;
  const char *value = i > 0 && i != GTK_INVALID_LIST_POSITION ? gtk_string_list_get_string (list, i) : NULL;

  if (self->updating_suppliers)
    return;
  if (set_choice (slot, value))
    apply_filters (self);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

/* The supplier filter lists the suppliers the rates name. */
static void
records_changed_cb (SlvCostMasterPage *self)
{
  GListModel *records = slv_list_page_get_records (SLV_LIST_PAGE (self));
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GPtrArray) rates = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (records); i++)
    {
      SlvCostRate *rate = g_list_model_get_item (records, i);
      const char *name = slv_cost_rate_get_supplier_name (rate);

      g_ptr_array_add (rates, rate);
      if (name != NULL && *name != '\0' && g_hash_table_add (seen, (gpointer) name))
        g_ptr_array_add (names, (gpointer) name);
    }
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  self->updating_suppliers = TRUE;
  gtk_string_list_splice (self->suppliers, 1, g_list_model_get_n_items (G_LIST_MODEL (self->suppliers)) - 1,
                          (const char * const *) names->pdata);
  gtk_drop_down_set_selected (self->supplier_filter, find_string (self->suppliers, self->supplier));
  self->updating_suppliers = FALSE;
}

/* -- edits -- */

typedef struct
{
  SlvCostMasterPage *self;
  SlvCostRate       *rate;
  char              *field;
  char              *value;
} EditData;

static void
edit_data_free (EditData *d)
{
  g_object_unref (d->rate);
  g_free (d->field);
  g_free (d->value);
  g_free (d);
}

static void
show_written (SlvCostMasterPage *self,
              SlvCostRate       *rate,
              const char        *field,
              const char        *value)
{
  const char *property = property_for_field (field);
  g_autofree char *v = g_strstrip (g_strdup (value ? value : ""));

  if (g_str_equal (field, "supplier"))
    {
      /* the name comes from the supplier record */
      slv_list_page_reload (SLV_LIST_PAGE (self));
      return;
    }
  if (g_str_equal (field, "currency"))
    {
      g_autofree char *up = g_ascii_strup (v, -1);

      g_object_set (rate, property, up, NULL);
    }
  else if (g_str_equal (field, "tier_min_qty"))
    g_object_set (rate, property, g_ascii_strtoll (v, NULL, 10), NULL);
  else
    g_object_set (rate, property, *v ? v : NULL, NULL);
  if (g_str_equal (field, "process"))
    apply_filters (self);
}

static void
edited_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  EditData *d = user_data;
  SlvCostMasterPage *self = d->self;
  g_autoptr(GError) error = NULL;

  if (!slv_pricing_set_rate_field_finish (SLV_PRICING (source), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* the page went away; the edit itself was written or refused */
      edit_data_free (d);
      return;
    }
  if (error != NULL)
    {
      set_message (self, error->message);
      gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", error->message);
    }
  else
    {
      set_message (self, "");
      show_written (self, d->rate, d->field, d->value);
    }
  change_busy (self, -1);
  edit_data_free (d);
}

#define NO_RIGHTS_MESSAGE N_("Your role lets you read the cost master, not change it.")

/* RBAC mirrored: the rates are editable when the user's roles may write
 * them (all rates of a brand share its bucket; the first one stands in). */
static void
rights_changed (GtkWidget *widget)
{
  GListModel *records = slv_list_page_get_records (SLV_LIST_PAGE (widget));
  g_autoptr(SlvCostRate) first = g_list_model_get_n_items (records) ? g_list_model_get_item (records, 0) : NULL;

  slv_list_page_set_editable (SLV_LIST_PAGE (widget),
                              first == NULL || slv_widget_can_write (widget, "cost_rate",
                                                                     slv_entity_get_id (SLV_ENTITY (first)),
                                                                     "rate"));
}

static gboolean
edit_rate (SlvCostMasterPage *self,
           SlvCostRate       *rate,
           const char        *field,
           const char        *value)
{
  EditData *d;

  if (self->pricing == NULL || field == NULL)
    return FALSE;
  if (!slv_widget_can_write (GTK_WIDGET (self), "cost_rate", slv_entity_get_id (SLV_ENTITY (rate)), field))
    {
      set_message (self, _(NO_RIGHTS_MESSAGE));
      gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", _(NO_RIGHTS_MESSAGE));
      return FALSE;
    }
  d = g_new0 (EditData, 1);
  d->self = self;
  d->rate = g_object_ref (rate);
  d->field = g_strdup (field);
  d->value = g_strdup (value);
  change_busy (self, 1);
  slv_pricing_set_rate_field_async (self->pricing, slv_entity_get_id (SLV_ENTITY (rate)), field, value,
                                    self->cancellable, edited_cb, d);
  return TRUE;
}

static void
commit_edit (SlvListPage         *page,
             GObject             *item,
             const SlvListColumn *column,
             const char          *text)
{
  edit_rate (SLV_COST_MASTER_PAGE (page), SLV_COST_RATE (item), field_for_property (column->property), text);
}

static SlvCostRate *
find_rate (SlvCostMasterPage *self,
           const char        *id)
{
  GListModel *records = slv_list_page_get_records (SLV_LIST_PAGE (self));

  for (guint i = 0; i < g_list_model_get_n_items (records); i++)
    {
      g_autoptr(SlvCostRate) rate = g_list_model_get_item (records, i);

      if (g_strcmp0 (slv_entity_get_id (SLV_ENTITY (rate)), id) == 0)
        return rate;  /* the list holds it */
    }
  return NULL;
}

/* -- export -- */

typedef struct
{
  SlvCostMasterPage *self;
  char              *path;
} ExportData;

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  ExportData *d = user_data;
  g_autofree char *path = d->path;
  SlvCostMasterPage *self = d->self;

  g_free (d);
  if (!slv_pricing_export_finish (SLV_PRICING (source), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (error != NULL)
    {
      set_message (self, error->message);
      gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", error->message);
    }
  else
    {
      g_autofree char *base = g_path_get_basename (path);
      g_autofree char *msg = g_strdup_printf (_("Exported the cost master to %s."), base);

      gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", msg);
    }
  change_busy (self, -1);
}

static void
export_to (SlvCostMasterPage *self,
           const char        *path)
{
  ExportData *d;

  if (self->pricing == NULL)
    return;
  d = g_new0 (ExportData, 1);
  d->self = self;
  d->path = g_strdup (path);
  change_busy (self, 1);
  slv_pricing_export_master_async (self->pricing, path, self->cancellable, exported_cb, d);
}

static void
chosen_cb (GtkWidget  *widget,
           const char *path,
           gpointer    user_data)
{
  export_to (SLV_COST_MASTER_PAGE (widget), path);
}

/* -- actions -- */

static void
filter_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SlvCostMasterPage *self = SLV_COST_MASTER_PAGE (widget);
  const char *value = g_variant_get_string (parameter, NULL);
  gboolean process = g_str_equal (action_name, "cost-master.filter-process");

  gtk_drop_down_set_selected (process ? self->process_filter : self->supplier_filter,
                              find_string (process ? self->processes : self->suppliers, value));
  /* a value not in the list still filters (nothing matches it) */
  if (set_choice (process ? &self->process : &self->supplier, value))
    apply_filters (self);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SlvCostMasterPage *self = SLV_COST_MASTER_PAGE (widget);
  const char *id, *field, *value;
  SlvCostRate *rate;

  g_variant_get (parameter, "(&s&s&s)", &id, &field, &value);
  rate = find_rate (self, id);
  if (rate == NULL || !edit_rate (self, rate, field_for_property (field), value))
    {
      g_autofree char *msg = g_strdup_printf (_("There is no rate %s with a field “%s”."), id, field);

      set_message (self, msg);
      gtk_widget_activate_action (widget, "win.toast", "s", msg);
    }
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  const char *patterns[] = { _("CSV files"), "*.csv", NULL };
  g_autofree char *today = slv_pricing_today ();
  g_autofree char *name = g_strdup_printf (_("Cost master %s.csv"), today);

  if (parameter != NULL)
    {
      export_to (SLV_COST_MASTER_PAGE (widget), g_variant_get_string (parameter, NULL));
      return;
    }
  slv_save_dialog_run (widget, _("Export the Cost Master"), name, patterns, chosen_cb, NULL);
}

/* -- GObject -- */

static void
slv_cost_master_page_constructed (GObject *object)
{
  SlvCostMasterPage *self = SLV_COST_MASTER_PAGE (object);

  G_OBJECT_CLASS (slv_cost_master_page_parent_class)->constructed (object);
  /* the base class makes its record list in constructed */
  g_signal_connect_object (slv_list_page_get_records (SLV_LIST_PAGE (self)), "items-changed",
                           G_CALLBACK (records_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (slv_list_page_get_records (SLV_LIST_PAGE (self)), "items-changed",
                           G_CALLBACK (rights_changed), self, G_CONNECT_SWAPPED);
}

static void
slv_cost_master_page_dispose (GObject *object)
{
  SlvCostMasterPage *self = SLV_COST_MASTER_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->pricing);
  G_OBJECT_CLASS (slv_cost_master_page_parent_class)->dispose (object);
}

static void
slv_cost_master_page_finalize (GObject *object)
{
  SlvCostMasterPage *self = SLV_COST_MASTER_PAGE (object);

  g_clear_object (&self->processes);
  g_clear_object (&self->suppliers);
  g_clear_object (&self->filter);
  g_free (self->process);
  g_free (self->supplier);
  g_free (self->message);
  G_OBJECT_CLASS (slv_cost_master_page_parent_class)->finalize (object);
}

static void
slv_cost_master_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  SlvCostMasterPage *self = SLV_COST_MASTER_PAGE (object);

  switch (prop_id)
    {
    case PROP_PRICING:
      g_value_set_object (value, self->pricing);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy > 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
slv_cost_master_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_PRICING:
      slv_cost_master_page_set_pricing (SLV_COST_MASTER_PAGE (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
slv_cost_master_page_class_init (SlvCostMasterPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SlvListPageClass *page_class = SLV_LIST_PAGE_CLASS (klass);

  object_class->constructed = slv_cost_master_page_constructed;
  object_class->dispose = slv_cost_master_page_dispose;
  object_class->finalize = slv_cost_master_page_finalize;
  object_class->get_property = slv_cost_master_page_get_property;
  object_class->set_property = slv_cost_master_page_set_property;

  page_class->item_type = SLV_TYPE_COST_RATE;
  page_class->columns = columns;
  page_class->n_columns = G_N_ELEMENTS (columns);
  page_class->icon_name = "accessories-calculator-symbolic";
  page_class->empty_title = N_("The Cost Master Is Empty");
  page_class->empty_description = N_("Knitting, dyeing, printing, making and other rates from your suppliers appear here once imported.");
  page_class->no_match_title = N_("No Rates Match");
  page_class->search_placeholder = N_("Search rates by process, key, description or supplier");
  page_class->format_count = format_count;
  page_class->commit_edit = commit_edit;

  properties[PROP_PRICING] =
    g_param_spec_object ("pricing", NULL, NULL, SLV_TYPE_PRICING,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, "", G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "cost-master.filter-process", "s", filter_action);
  gtk_widget_class_install_action (widget_class, "cost-master.filter-supplier", "s", filter_action);
  gtk_widget_class_install_action (widget_class, "cost-master.edit", "(sss)", edit_action);
  gtk_widget_class_install_action (widget_class, "cost-master.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "cost-master.export-to", "s", export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "cost-master.export", NULL);
}

static GtkWidget *
make_drop_down (SlvCostMasterPage  *self,
                GtkStringList      *list,
                const char         *tooltip)
{
  GtkWidget *drop_down = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (list)), NULL);

  gtk_widget_set_tooltip_text (drop_down, tooltip);
  g_signal_connect_object (drop_down, "notify::selected", G_CALLBACK (filter_selected_cb),
                           self, G_CONNECT_SWAPPED);
  return drop_down;
}

static void
slv_cost_master_page_init (SlvCostMasterPage *self)
{
  const char * const *processes = slv_pricing_rate_processes ();
  GtkWidget *export;

  self->cancellable = g_cancellable_new ();
  self->message = g_strdup ("");
  slv_widget_track_rights (GTK_WIDGET (self), rights_changed);
  self->processes = gtk_string_list_new (NULL);
  gtk_string_list_append (self->processes, _("All processes"));
  for (guint i = 0; processes[i] != NULL; i++)
    gtk_string_list_append (self->processes, processes[i]);
  self->suppliers = gtk_string_list_new (NULL);
  gtk_string_list_append (self->suppliers, _("All suppliers"));
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);

  self->process_filter = GTK_DROP_DOWN (make_drop_down (self, self->processes, _("Show the rates of one process")));
  self->supplier_filter = GTK_DROP_DOWN (make_drop_down (self, self->suppliers, _("Show the rates of one supplier")));
  export = gtk_button_new_from_icon_name ("document-save-as-symbolic");
  gtk_widget_set_tooltip_text (export, _("Export the cost master as CSV (Shift+Ctrl+E)"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (export), "cost-master.export");
  slv_list_page_add_toolbar_widget (SLV_LIST_PAGE (self), GTK_WIDGET (self->process_filter));
  slv_list_page_add_toolbar_widget (SLV_LIST_PAGE (self), GTK_WIDGET (self->supplier_filter));
  slv_list_page_add_toolbar_widget (SLV_LIST_PAGE (self), export);
}

/* -- public API -- */

void
slv_cost_master_page_set_pricing (SlvCostMasterPage *self,
                                  SlvPricing        *pricing)
{
  g_return_if_fail (SLV_IS_COST_MASTER_PAGE (self));
  g_return_if_fail (pricing == NULL || SLV_IS_PRICING (pricing));

  if (g_set_object (&self->pricing, pricing))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRICING]);
}

const char *
slv_cost_master_page_get_message (SlvCostMasterPage *self)
{
  g_return_val_if_fail (SLV_IS_COST_MASTER_PAGE (self), NULL);
  return self->message;
}

gboolean
slv_cost_master_page_get_busy (SlvCostMasterPage *self)
{
  g_return_val_if_fail (SLV_IS_COST_MASTER_PAGE (self), FALSE);
  return self->busy > 0;
}
