/* slv-costing-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-costing-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "slv-costing-editor-private.h"
#include "slv-picker-popover.h"
#include "slv-rights.h"
#include "core/slv-cost-rate.h"
#include "core/slv-material.h"
#include "services/slv-bom-line-item.h"
#include "services/slv-process-line-item.h"

G_DEFINE_FINAL_TYPE (SlvCostingEditor, slv_costing_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_EDITABLE,
  PROP_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef enum { IN_COSTING, IN_PRICE, IN_PERCENT } Unit;

static const struct {
  SlvTotal    total;
  const char *title;
  Unit        unit;
  gboolean    strong;
} total_rows[] = {
  { SLV_TOTAL_MATERIALS, N_("Materials"), IN_COSTING, FALSE },
  { SLV_TOTAL_PROCESSES, N_("Processes"), IN_COSTING, FALSE },
  { SLV_TOTAL_OVERHEAD, N_("Overhead"), IN_COSTING, FALSE },
  { SLV_TOTAL_PRODUCTION, N_("Production cost"), IN_COSTING, FALSE },
  { SLV_TOTAL_COMMERCIAL, N_("Commercial cost"), IN_COSTING, FALSE },
  { SLV_TOTAL_PROFIT, N_("Factory profit"), IN_COSTING, FALSE },
  { SLV_TOTAL_FOB_ROUNDED, N_("FOB"), IN_COSTING, TRUE },
  { SLV_TOTAL_FREIGHT, N_("Freight"), IN_COSTING, FALSE },
  { SLV_TOTAL_DUTY, N_("Duty"), IN_COSTING, FALSE },
  { SLV_TOTAL_LANDED, N_("Landed cost"), IN_COSTING, TRUE },
  { SLV_TOTAL_LANDED_PRICE_CCY, N_("Landed cost"), IN_PRICE, FALSE },
  { SLV_TOTAL_WHOLESALE, N_("Wholesale"), IN_PRICE, FALSE },
  { SLV_TOTAL_RETAIL, N_("Retail"), IN_PRICE, TRUE },
  { SLV_TOTAL_MARGIN_PCT, N_("Margin"), IN_PERCENT, FALSE },
  { SLV_TOTAL_MARKUP_PCT, N_("Markup"), IN_PERCENT, FALSE },
};

static const char *
status_title (const char *status)
{
  if (g_strcmp0 (status, "submitted") == 0)
    return _("Submitted");
  if (g_strcmp0 (status, "approved") == 0)
    return _("Approved");
  if (g_strcmp0 (status, "frozen") == 0)
    return _("Frozen");
  return _("Draft");
}

void
slv_costing_editor_set_message (SlvCostingEditor *self,
                                const char       *message)
{
  if (g_strcmp0 (self->message, message) == 0)
    return;
  g_free (self->message);
  self->message = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
}

void
slv_costing_editor_report (SlvCostingEditor *self,
                           const GError     *error)
{
  slv_costing_editor_set_message (self, error->message);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", error->message);
}

void
slv_costing_editor_edit_done_cb (GObject      *source,
                                 GAsyncResult *result,
                                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  SlvCostingEditor *self = user_data;

  if (slv_costing_session_edit_finish (SLV_COSTING_SESSION (source), result, &error))
    {
      slv_costing_editor_set_message (self, "");
      return;
    }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  slv_costing_editor_report (self, error);
}

/* -- totals -- */

static void
why_popup_cb (GtkMenuButton *button,
              gpointer       user_data)
{
  const char *key = g_object_get_data (G_OBJECT (button), "slv-why-override");

  if (key == NULL)
    key = g_object_get_data (G_OBJECT (button), "slv-why-key");
  slv_costing_editor_set_why (user_data, button, key);
  g_object_set_data (G_OBJECT (button), "slv-why-override", NULL);
}

void
slv_costing_editor_set_why (SlvCostingEditor *self,
                            GtkMenuButton    *button,
                            const char       *key)
{
  SlvCostSheet *sheet = self->session ? slv_costing_session_get_sheet (self->session) : NULL;
  GtkWidget *popover = sheet ? slv_why_popover_new (sheet, key) : NULL;

  if (popover == NULL)
    {
      const char *problem = self->session ? slv_costing_session_get_problem (self->session) : NULL;
      g_autofree char *text = g_strdup_printf (_("This figure could not be priced: %s"),
                                               problem ? problem : _("the costing is not priced."));
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 50);
      popover = gtk_popover_new ();
      gtk_popover_set_child (GTK_POPOVER (popover), label);
    }
  else
    g_weak_ref_set (&self->why, popover);
  gtk_menu_button_set_popover (button, popover);
}

static void
add_total_row (SlvCostingEditor *self,
               guint             i)
{
  const char *key = slv_total_to_key (total_rows[i].total);
  GtkWidget *title = gtk_label_new (_(total_rows[i].title));
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *value = gtk_label_new ("—");
  GtkWidget *unit = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_label_set_xalign (GTK_LABEL (value), 1);
  gtk_widget_set_hexpand (value, TRUE);
  gtk_widget_add_css_class (value, "figure");
  gtk_widget_add_css_class (unit, "dim-label");
  gtk_label_set_width_chars (GTK_LABEL (unit), 3);
  gtk_label_set_xalign (GTK_LABEL (unit), 0);
  gtk_box_append (GTK_BOX (box), value);
  gtk_box_append (GTK_BOX (box), unit);
  gtk_menu_button_set_child (GTK_MENU_BUTTON (button), box);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "why-button");
  gtk_widget_set_tooltip_text (button, _("Why this figure?"));
  gtk_widget_set_size_request (button, 118, -1);
  g_object_set_data_full (G_OBJECT (button), "slv-why-key", g_strdup (key), g_free);
  g_object_set_data (G_OBJECT (button), "slv-unit-label", unit);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (button), why_popup_cb, self, NULL);
  if (total_rows[i].strong)
    {
      gtk_widget_add_css_class (title, "total-strong");
      gtk_widget_add_css_class (value, "total-strong");
    }
  gtk_grid_attach (self->totals_grid, title, 0, (int) i, 1, 1);
  gtk_grid_attach (self->totals_grid, button, 1, (int) i, 1, 1);
  g_hash_table_insert (self->figures, (gpointer) key, value);
  g_hash_table_insert (self->buttons, (gpointer) key, button);
}

static void
sync_totals (SlvCostingEditor *self)
{
  SlvCostSheet *sheet = self->session ? slv_costing_session_get_sheet (self->session) : NULL;

  for (guint i = 0; i < G_N_ELEMENTS (total_rows); i++)
    {
      const char *key = slv_total_to_key (total_rows[i].total);
      GtkLabel *value = g_hash_table_lookup (self->figures, key);
      GtkLabel *unit = g_object_get_data (g_hash_table_lookup (self->buttons, key), "slv-unit-label");
      g_autofree char *text = NULL;
      SlvDecimal v;

      if (sheet != NULL && slv_cost_sheet_get_total (sheet, total_rows[i].total, &v))
        text = slv_decimal_format (v, 2, SLV_ROUND_HALF_UP);
      gtk_label_set_text (value, text ? text : "—");
      switch (total_rows[i].unit)
        {
        case IN_PERCENT:
          gtk_label_set_text (unit, "%");
          break;
        case IN_PRICE:
          gtk_label_set_text (unit, sheet ? slv_cost_sheet_get_price_currency (sheet) : "");
          break;
        case IN_COSTING:
        default:
          gtk_label_set_text (unit, sheet ? slv_cost_sheet_get_currency (sheet) : "");
          break;
        }
    }
}

/* -- header: status, switchers, banner -- */

static void
select_string (GtkDropDown *drop,
               GStrv        strings,
               const char  *current)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new ((const char * const *) strings);
  guint selected = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; strings != NULL && strings[i] != NULL; i++)
    if (g_strcmp0 (strings[i], current) == 0)
      selected = i;
  gtk_drop_down_set_model (drop, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (drop, selected);
}

static void
sync_status (SlvCostingEditor *self)
{
  const char *status = self->session ? slv_costing_session_get_status (self->session) : "draft";
  static const char * const classes[] = { "draft", "submitted", "approved", "frozen" };

  gtk_label_set_text (self->status_label, status_title (status));
  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    if (g_strcmp0 (status, classes[i]) == 0)
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), classes[i]);
    else
      gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), classes[i]);
  gtk_widget_set_visible (self->submit_button, g_strcmp0 (status, "draft") == 0);
  gtk_widget_set_visible (self->approve_button, g_strcmp0 (status, "submitted") == 0);
  gtk_widget_set_visible (self->freeze_button, g_strcmp0 (status, "approved") == 0);
  gtk_widget_set_visible (self->draft_button, g_strcmp0 (status, "submitted") == 0 ||
                                              g_strcmp0 (status, "approved") == 0);
}

/* What a role that may not change costings cannot do (a frozen costing
 * keeps them, to say why an edit is refused). */
static const char * const edit_actions[] = {
  "costing.edit-line", "costing.set-field", "costing.set-fx-set", "costing.set-destination",
  "costing.set-status", "costing.add-material", "costing.add-process", "costing.set-material",
  "costing.set-rate", "costing.remove-line",
};

/* RBAC mirrored: a role that cannot change this costing sees it read-only
 * (designers and viewers, for instance). */
static gboolean
role_may_edit (SlvCostingEditor *self)
{
  return self->session == NULL ||
         slv_widget_can_write (GTK_WIDGET (self), "costing", slv_costing_session_get_costing_id (self->session),
                               "order_qty");
}

static void
sync_header (SlvCostingEditor *self)
{
  gboolean frozen = self->session != NULL && !slv_costing_session_get_editable (self->session);
  gboolean allowed = role_may_edit (self);
  gboolean editable = self->session != NULL && !frozen && allowed;
  const char *problem = self->session ? slv_costing_session_get_problem (self->session) : NULL;

  if (self->editable != editable)
    {
      self->editable = editable;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITABLE]);
    }
  gtk_label_set_text (self->frozen_label,
                      frozen ? _("This costing is frozen: its figures are the agreed ones and cannot change. "
                                 "Copy it as a new scenario to try other figures.")
                             : _("Your role lets you read this costing, not change it. Ask the brand’s owner "
                                 "for the merchandiser role to edit costings."));
  gtk_revealer_set_reveal_child (self->frozen_revealer, self->session != NULL && !editable);
  for (guint i = 0; i < G_N_ELEMENTS (edit_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), edit_actions[i], allowed);
  gtk_revealer_set_reveal_child (self->problem_revealer, problem != NULL);
  gtk_label_set_text (self->problem_label, problem ? problem : "");
  sync_status (self);
  self->syncing = TRUE;
  if (self->session != NULL)
    {
      g_auto(GStrv) sets = slv_costing_session_list_fx_sets (self->session);
      g_auto(GStrv) destinations = slv_costing_session_list_destinations (self->session);
      gint64 qty = 0;

      select_string (self->fx_drop, sets, slv_costing_session_get_text (self->session, "fx-set"));
      select_string (self->destination_drop, destinations,
                     slv_costing_session_get_text (self->session, "destination"));
      g_object_get (self->session, "order-qty", &qty, NULL);
      if ((gint64) gtk_spin_button_get_value (self->qty_spin) != qty)
        gtk_spin_button_set_value (self->qty_spin, (double) qty);
    }
  self->syncing = FALSE;
}

static void
rights_changed (GtkWidget *widget)
{
  sync_header (SLV_COSTING_EDITOR (widget));
}

static void
recomputed_cb (SlvCostingEditor *self)
{
  sync_header (self);
  sync_totals (self);
  slv_cost_chart_set_sheet (self->chart, slv_costing_session_get_sheet (self->session));
}

static void
drop_selected_cb (SlvCostingEditor *self,
                  GParamSpec       *pspec,
                  GtkDropDown      *drop)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (drop);

  if (self->syncing || self->session == NULL || item == NULL)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), drop == self->fx_drop ? "costing.set-fx-set"
                                                                        : "costing.set-destination",
                              "s", gtk_string_object_get_string (item));
}

static void
qty_changed_cb (SlvCostingEditor *self,
                GtkSpinButton    *spin)
{
  g_autofree char *text = NULL;
  gint64 qty = 0;

  if (self->syncing || self->session == NULL)
    return;
  g_object_get (self->session, "order-qty", &qty, NULL);
  if ((gint64) gtk_spin_button_get_value (spin) == qty)
    return;
  text = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) gtk_spin_button_get_value (spin));
  gtk_widget_activate_action (GTK_WIDGET (self), "costing.set-field", "(ss)", "order_qty", text);
}

/* -- adding lines -- */

static void
add_picked_cb (SlvPickerPopover *picker,
               GObject          *record,
               SlvCostingEditor *self)
{
  if (SLV_IS_MATERIAL (record))
    gtk_widget_activate_action (GTK_WIDGET (self), "costing.add-material", "s",
                                slv_entity_get_id (SLV_ENTITY (record)));
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "costing.add-process", "(ss)",
                                slv_cost_rate_get_process (SLV_COST_RATE (record)),
                                slv_entity_get_id (SLV_ENTITY (record)));
}

static void
add_popup_cb (GtkMenuButton *button,
              gpointer       user_data)
{
  SlvCostingEditor *self = user_data;
  g_autoptr(SlvPricing) pricing = NULL;
  GtkWidget *picker;

  if (self->session == NULL)
    return;
  g_object_get (self->session, "pricing", &pricing, NULL);
  picker = slv_picker_popover_new (slv_pricing_get_store (pricing),
                                   button == self->add_material_button ? SLV_TYPE_MATERIAL : SLV_TYPE_COST_RATE);
  g_signal_connect_object (picker, "picked", G_CALLBACK (add_picked_cb), self, 0);
  gtk_menu_button_set_popover (button, picker);
}

/* -- GObject -- */

static void
slv_costing_editor_dispose (GObject *object)
{
  SlvCostingEditor *self = SLV_COSTING_EDITOR (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  slv_costing_editor_set_session (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SLV_TYPE_COSTING_EDITOR);
  G_OBJECT_CLASS (slv_costing_editor_parent_class)->dispose (object);
}

static void
slv_costing_editor_finalize (GObject *object)
{
  SlvCostingEditor *self = SLV_COSTING_EDITOR (object);

  g_hash_table_unref (self->figures);
  g_hash_table_unref (self->buttons);
  g_weak_ref_clear (&self->why);
  g_free (self->message);
  G_OBJECT_CLASS (slv_costing_editor_parent_class)->finalize (object);
}

static void
slv_costing_editor_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SlvCostingEditor *self = SLV_COSTING_EDITOR (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_EDITABLE:
      g_value_set_boolean (value, self->editable);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
slv_costing_editor_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_SESSION:
      slv_costing_editor_set_session (SLV_COSTING_EDITOR (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
slv_costing_editor_class_init (SlvCostingEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = slv_costing_editor_dispose;
  object_class->finalize = slv_costing_editor_finalize;
  object_class->get_property = slv_costing_editor_get_property;
  object_class->set_property = slv_costing_editor_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, SLV_TYPE_COSTING_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EDITABLE] =
    g_param_spec_boolean ("editable", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, "", G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SLV_TYPE_COST_CHART);
  g_type_ensure (SLV_TYPE_QTY_CURVE);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/selvedge/Selvedge/ui/slv-costing-editor.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, SlvCostingEditor, box);
  gtk_widget_class_bind_template_child (widget_class, SlvCostingEditor, frozen_revealer);
  gtk_widget_class_bind_template_child (widget_class, SlvCostingEditor, frozen_label);
  gtk_widget_class_bind_template_child (widget_class, SlvCostingEditor, problem_revealer);
  gtk_widget_class_bind_template_child (widget_class, SlvCostingEditor, problem_label);
  gtk_widget_class_bind_template_child (widget_class, SlvCostingEditor, bom_view);
  gtk_widget_class_bind_template_child (widget_class, SlvCostingEditor, process_view);
  gtk_widget_class_bind_template_child (widget_class, SlvCostingEditor, add_material_button);
  gtk_widget_class_bind_template_child (widget_class, SlvCostingEditor, add_process_button);
  gtk_widget_class_bind_template_child (widget_class, SlvCostingEditor, status_label);
  gtk_widget_class_bind_template_child (widget_class, SlvCostingEditor, submit_button);
  gtk_widget_class_bind_template_child (widget_class, SlvCostingEditor, approve_button);
  gtk_widget_class_bind_template_child (widget_class, SlvCostingEditor, freeze_button);
  gtk_widget_class_bind_template_child (widget_class, SlvCostingEditor, draft_button);
  gtk_widget_class_bind_template_child (widget_class, SlvCostingEditor, fx_drop);
  gtk_widget_class_bind_template_child (widget_class, SlvCostingEditor, destination_drop);
  gtk_widget_class_bind_template_child (widget_class, SlvCostingEditor, qty_spin);
  gtk_widget_class_bind_template_child (widget_class, SlvCostingEditor, totals_grid);
  gtk_widget_class_bind_template_child (widget_class, SlvCostingEditor, chart);
  gtk_widget_class_bind_template_child (widget_class, SlvCostingEditor, curve);

  slv_costing_editor_class_add_actions (widget_class);
}

static void
slv_costing_editor_init (SlvCostingEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->message = g_strdup ("");
  self->figures = g_hash_table_new (g_str_hash, g_str_equal);
  self->buttons = g_hash_table_new (g_str_hash, g_str_equal);
  g_weak_ref_init (&self->why, NULL);
  slv_widget_track_rights (GTK_WIDGET (self), rights_changed);
  for (guint i = 0; i < G_N_ELEMENTS (total_rows); i++)
    add_total_row (self, i);
  slv_costing_editor_add_columns (self);
  gtk_menu_button_set_create_popup_func (self->add_material_button, add_popup_cb, self, NULL);
  gtk_menu_button_set_create_popup_func (self->add_process_button, add_popup_cb, self, NULL);
  g_object_bind_property (self, "editable", self->add_material_button, "sensitive", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "editable", self->add_process_button, "sensitive", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "editable", self->fx_drop, "sensitive", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "editable", self->destination_drop, "sensitive", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "editable", self->qty_spin, "sensitive", G_BINDING_SYNC_CREATE);
  g_signal_connect_swapped (self->fx_drop, "notify::selected", G_CALLBACK (drop_selected_cb), self);
  g_signal_connect_swapped (self->destination_drop, "notify::selected", G_CALLBACK (drop_selected_cb), self);
  g_signal_connect_swapped (self->qty_spin, "value-changed", G_CALLBACK (qty_changed_cb), self);
  sync_header (self);
  sync_totals (self);
}

/* -- public API -- */

GtkWidget *
slv_costing_editor_new (void)
{
  return g_object_new (SLV_TYPE_COSTING_EDITOR, NULL);
}

SlvCostingSession *
slv_costing_editor_get_session (SlvCostingEditor *self)
{
  g_return_val_if_fail (SLV_IS_COSTING_EDITOR (self), NULL);
  return self->session;
}

void
slv_costing_editor_set_session (SlvCostingEditor  *self,
                                SlvCostingSession *session)
{
  g_return_if_fail (SLV_IS_COSTING_EDITOR (self));
  g_return_if_fail (session == NULL || SLV_IS_COSTING_SESSION (session));

  if (self->session == session)
    return;
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  gtk_column_view_set_model (self->bom_view, session == NULL ? NULL :
    GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (slv_costing_session_get_bom_lines (session)))));
  gtk_column_view_set_model (self->process_view, session == NULL ? NULL :
    GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (slv_costing_session_get_process_lines (session)))));
  slv_qty_curve_set_session (self->curve, session);
  slv_cost_chart_set_sheet (self->chart, session ? slv_costing_session_get_sheet (session) : NULL);
  if (session != NULL)
    g_signal_connect_object (session, "recomputed", G_CALLBACK (recomputed_cb), self, G_CONNECT_SWAPPED);
  slv_costing_editor_set_message (self, "");
  sync_header (self);
  sync_totals (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

const char *
slv_costing_editor_get_figure_text (SlvCostingEditor *self,
                                    const char       *key)
{
  GtkLabel *label;

  g_return_val_if_fail (SLV_IS_COSTING_EDITOR (self), NULL);
  label = g_hash_table_lookup (self->figures, g_strcmp0 (key, "fob") == 0 ? "fob_rounded" : key);
  return label ? gtk_label_get_text (label) : NULL;
}

const char *
slv_costing_editor_get_message (SlvCostingEditor *self)
{
  g_return_val_if_fail (SLV_IS_COSTING_EDITOR (self), NULL);
  return self->message;
}

const char *
slv_costing_editor_get_banner (SlvCostingEditor *self)
{
  g_return_val_if_fail (SLV_IS_COSTING_EDITOR (self), NULL);
  return gtk_revealer_get_reveal_child (self->frozen_revealer) ? gtk_label_get_text (self->frozen_label) : NULL;
}

SlvWhyPopover *
slv_costing_editor_get_why (SlvCostingEditor *self)
{
  SlvWhyPopover *why;

  g_return_val_if_fail (SLV_IS_COSTING_EDITOR (self), NULL);
  why = g_weak_ref_get (&self->why);
  if (why != NULL)
    g_object_unref (why);  /* the menu button holds it */
  return why;
}
