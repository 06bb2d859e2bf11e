/* slv-margin-rules-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-margin-rules-page"

#include "config.h"

#include <glib/gi18n.h>

#include "slv-margin-rules-page.h"
#include "slv-rights.h"
#include "core/slv-brand.h"
#include "store/slv-repo.h"

struct _SlvMarginRulesPage
{
  GtkWidget      parent_instance;

  GtkWidget     *box;
  GtkLabel      *brand_label;
  GtkListBox    *rules_list;
  GtkLabel      *rule_title;
  GtkLabel      *rule_subtitle;
  GtkLabel      *help_label;
  GtkTextView   *text_view;
  GtkImage      *status_icon;
  GtkLabel      *error_label;
  AdwEntryRow   *ending_row;

  SlvPricing    *pricing;
  SlvCostMaster *master;
  char          *rule_id;        /* the rule shown */
  GCancellable  *cancellable;
  GCancellable  *load_cancellable;
  char          *message;        /* the check's message, or "" */
  gboolean      valid;
  gboolean      loading;
  gboolean      syncing;
  guint         busy;
};

G_DEFINE_FINAL_TYPE (SlvMarginRulesPage, slv_margin_rules_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PRICING,
  PROP_LOADING,
  PROP_BUSY,
  PROP_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const SlvMarginRule *
current_rule (SlvMarginRulesPage *self)
{
  GPtrArray *rules = self->master ? slv_cost_master_get_margin_rules (self->master) : NULL;

  for (guint i = 0; rules != NULL && i < rules->len; i++)
    {
      const SlvMarginRule *r = g_ptr_array_index (rules, i);

      if (g_strcmp0 (r->id, self->rule_id) == 0)
        return r;
    }
  return NULL;
}

static char *
dup_text (SlvMarginRulesPage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
set_message (SlvMarginRulesPage *self,
             const char         *message)
{
  if (g_strcmp0 (self->message, message) == 0)
    return;
  g_free (self->message);
  self->message = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
}

static gboolean
changed_from_saved (SlvMarginRulesPage *self)
{
  const SlvMarginRule *rule = current_rule (self);
  g_autofree char *text = dup_text (self);
  const char *ending = gtk_editable_get_text (GTK_EDITABLE (self->ending_row));

  return rule != NULL && (g_strcmp0 (text, rule->expression) != 0 ||
                          g_strcmp0 (ending, rule->ending_text ? rule->ending_text : "") != 0);
}

/* RBAC mirrored: whether the user's roles may change the shown rule. */
static gboolean
may_edit (SlvMarginRulesPage *self)
{
  const SlvMarginRule *rule = current_rule (self);

  return rule == NULL || slv_widget_can_write (GTK_WIDGET (self), "margin_rule", rule->id, "expression");
}

static void
update_actions (SlvMarginRulesPage *self)
{
  gboolean allowed = may_edit (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "margin-rules.save",
                                 allowed && self->valid && self->busy == 0 && changed_from_saved (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "margin-rules.revert", changed_from_saved (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "margin-rules.set-expression", allowed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "margin-rules.set-ending", allowed);
  gtk_text_view_set_editable (self->text_view, allowed);
  gtk_editable_set_editable (GTK_EDITABLE (self->ending_row), allowed);
}

static void
rights_changed (GtkWidget *widget)
{
  update_actions (SLV_MARGIN_RULES_PAGE (widget));
}

/* Parses and checks the text; underlines where it goes wrong. */
static void
check (SlvMarginRulesPage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  g_autofree char *text = dup_text (self);
  const char *ending = gtk_editable_get_text (GTK_EDITABLE (self->ending_row));
  g_autoptr(GError) error = NULL;
  SlvExprLocation where = { 0, 0, 0 };
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag_by_name (buffer, "error", &start, &end);
  gtk_widget_remove_css_class (GTK_WIDGET (self->ending_row), "error");
  self->valid = slv_pricing_check_margin_rule (text, ending, &where, &error);
  if (self->valid)
    {
      gtk_image_set_from_icon_name (self->status_icon, "emblem-ok-symbolic");
      gtk_label_set_text (self->error_label, _("The rule is valid."));
      gtk_widget_remove_css_class (GTK_WIDGET (self->error_label), "error");
      set_message (self, "");
    }
  else
    {
      gtk_image_set_from_icon_name (self->status_icon, "dialog-error-symbolic");
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
      set_message (self, error->message);
      if (error->domain == SLV_EXPR_ERROR && where.line > 0)
        {
          gtk_text_buffer_get_iter_at_line_offset (buffer, &start, where.line - 1, MAX (0, where.column - 1));
          end = start;
          gtk_text_iter_forward_chars (&end, MAX (1, where.length));
          if (gtk_text_iter_equal (&start, &end))
            gtk_text_iter_backward_char (&start);
          gtk_text_buffer_apply_tag_by_name (buffer, "error", &start, &end);
        }
      else
        gtk_widget_add_css_class (GTK_WIDGET (self->ending_row), "error");
    }
  update_actions (self);
}

static void
show_rule (SlvMarginRulesPage *self)
{
  const SlvMarginRule *rule = current_rule (self);
  g_autofree char *subtitle = NULL;

  self->syncing = TRUE;
  if (rule == NULL)
    {
      gtk_label_set_text (self->rule_title, _("No margin rule chosen"));
      gtk_label_set_text (self->rule_subtitle, "");
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), "", -1);
      gtk_editable_set_text (GTK_EDITABLE (self->ending_row), "");
    }
  else
    {
      /* TRANSLATORS: a sales channel and a rule's priority */
      subtitle = g_strdup_printf (_("Channel “%s” · priority %d (the highest of a channel prices it)"),
                                  rule->channel, rule->priority);
      gtk_label_set_text (self->rule_title, rule->name);
      gtk_label_set_text (self->rule_subtitle, subtitle);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), rule->expression, -1);
      gtk_editable_set_text (GTK_EDITABLE (self->ending_row), rule->ending_text ? rule->ending_text : "");
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->text_view), rule != NULL);
  self->syncing = FALSE;
  check (self);
}

static GtkWidget *
rule_row (const SlvMarginRule *rule)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (rule->name);
  g_autofree char *text = g_strdup_printf (_("%s · priority %d · ending %s"), rule->channel, rule->priority,
                                           rule->ending_text ? rule->ending_text : _("none"));
  GtkWidget *subtitle = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  if (rule->problem != NULL)
    {
      GtkWidget *problem = gtk_label_new (rule->problem);

      gtk_label_set_xalign (GTK_LABEL (problem), 0);
      gtk_label_set_wrap (GTK_LABEL (problem), TRUE);
      gtk_widget_add_css_class (problem, "error");
      gtk_widget_add_css_class (problem, "caption");
      gtk_box_append (GTK_BOX (box), problem);
    }
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, rule->id);
  return row;
}

static void
fill_list (SlvMarginRulesPage *self)
{
  GPtrArray *rules = self->master ? slv_cost_master_get_margin_rules (self->master) : NULL;
  GtkWidget *child;
  GtkListBoxRow *selected = NULL;

  self->syncing = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->rules_list))) != NULL)
    gtk_list_box_remove (self->rules_list, child);
  for (guint i = 0; rules != NULL && i < rules->len; i++)
    {
      const SlvMarginRule *rule = g_ptr_array_index (rules, i);
      GtkWidget *row = rule_row (rule);

      gtk_list_box_append (self->rules_list, row);
      if (g_strcmp0 (rule->id, self->rule_id) == 0 || (self->rule_id == NULL && selected == NULL))
        selected = GTK_LIST_BOX_ROW (row);
    }
  if (selected != NULL)
    {
      g_free (self->rule_id);
      self->rule_id = g_strdup (gtk_widget_get_name (GTK_WIDGET (selected)));
      gtk_list_box_select_row (self->rules_list, selected);
    }
  self->syncing = FALSE;
  show_rule (self);
}

static void
master_loaded_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvCostMaster) master = slv_pricing_load_master_finish (SLV_PRICING (source), result, &error);
  SlvMarginRulesPage *self;

  if (master == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = SLV_MARGIN_RULES_PAGE (user_data);
  self->loading = FALSE;
  if (master == NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", error->message);
  g_set_object (&self->master, master);
  fill_list (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
brands_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) brands = slv_repo_list_finish (SLV_STORE (source), result, &error);
  g_autoptr(SlvBrand) brand = NULL;
  g_autofree char *text = NULL;

  if (brands == NULL || g_list_model_get_n_items (G_LIST_MODEL (brands)) == 0)
    return;
  brand = g_list_model_get_item (G_LIST_MODEL (brands), 0);
  /* TRANSLATORS: %s is a brand's name */
  text = g_strdup_printf (_("How %s prices each sales channel from landed cost"), slv_brand_get_name (brand));
  gtk_label_set_text (SLV_MARGIN_RULES_PAGE (user_data)->brand_label, text);
}

static void
row_selected_cb (SlvMarginRulesPage *self,
                 GtkListBoxRow      *row)
{
  if (self->syncing || row == NULL)
    return;
  g_free (self->rule_id);
  self->rule_id = g_strdup (gtk_widget_get_name (GTK_WIDGET (row)));
  show_rule (self);
}

static void
text_changed_cb (SlvMarginRulesPage *self)
{
  if (!self->syncing)
    check (self);
}

static void
master_changed_cb (SlvMarginRulesPage *self)
{
  slv_margin_rules_page_reload (self);
}

/* -- actions -- */

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  SlvMarginRulesPage *self;

  if (!slv_pricing_set_margin_rule_finish (SLV_PRICING (source), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = SLV_MARGIN_RULES_PAGE (user_data);
  self->busy--;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
  if (error != NULL)
    {
      set_message (self, error->message);
      gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", error->message);
      update_actions (self);
      return;
    }
  /* "changed" made the page read the rules again */
  gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", _("Saved the margin rule; open costings are priced with it."));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SlvMarginRulesPage *self = SLV_MARGIN_RULES_PAGE (widget);
  g_autofree char *text = dup_text (self);

  if (self->rule_id == NULL || self->pricing == NULL || !self->valid)
    return;
  self->busy++;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
  update_actions (self);
  slv_pricing_set_margin_rule_async (self->pricing, self->rule_id, text,
                                     gtk_editable_get_text (GTK_EDITABLE (self->ending_row)),
                                     self->cancellable, saved_cb, self);
}

static void
revert_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  show_rule (SLV_MARGIN_RULES_PAGE (widget));
}

static void
select_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SlvMarginRulesPage *self = SLV_MARGIN_RULES_PAGE (widget);
  const char *wanted = g_variant_get_string (parameter, NULL);
  GPtrArray *rules = self->master ? slv_cost_master_get_margin_rules (self->master) : NULL;

  for (guint i = 0; rules != NULL && i < rules->len; i++)
    {
      const SlvMarginRule *r = g_ptr_array_index (rules, i);

      if (g_strcmp0 (r->id, wanted) == 0 || g_strcmp0 (r->channel, wanted) == 0)
        {
          g_free (self->rule_id);
          self->rule_id = g_strdup (r->id);
          fill_list (self);
          return;
        }
    }
}

static void
set_text_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SlvMarginRulesPage *self = SLV_MARGIN_RULES_PAGE (widget);
  const char *text = g_variant_get_string (parameter, NULL);

  if (g_str_equal (action_name, "margin-rules.set-ending"))
    gtk_editable_set_text (GTK_EDITABLE (self->ending_row), text);
  else
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text, -1);
}

/* -- GObject -- */

static void
slv_margin_rules_page_dispose (GObject *object)
{
  SlvMarginRulesPage *self = SLV_MARGIN_RULES_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  if (self->pricing != NULL)
    g_signal_handlers_disconnect_by_data (self->pricing, self);
  g_clear_object (&self->pricing);
  g_clear_object (&self->master);
  gtk_widget_dispose_template (GTK_WIDGET (self), SLV_TYPE_MARGIN_RULES_PAGE);
  G_OBJECT_CLASS (slv_margin_rules_page_parent_class)->dispose (object);
}

static void
slv_margin_rules_page_finalize (GObject *object)
{
  SlvMarginRulesPage *self = SLV_MARGIN_RULES_PAGE (object);

  g_free (self->rule_id);
  g_free (self->message);
  G_OBJECT_CLASS (slv_margin_rules_page_parent_class)->finalize (object);
}

static void
slv_margin_rules_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  SlvMarginRulesPage *self = SLV_MARGIN_RULES_PAGE (object);

  switch (prop_id)
    {
    case PROP_PRICING:
      g_value_set_object (value, self->pricing);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy > 0);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
slv_margin_rules_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_PRICING:
      slv_margin_rules_page_set_pricing (SLV_MARGIN_RULES_PAGE (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
slv_margin_rules_page_class_init (SlvMarginRulesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = slv_margin_rules_page_dispose;
  object_class->finalize = slv_margin_rules_page_finalize;
  object_class->get_property = slv_margin_rules_page_get_property;
  object_class->set_property = slv_margin_rules_page_set_property;

  properties[PROP_PRICING] =
    g_param_spec_object ("pricing", NULL, NULL, SLV_TYPE_PRICING,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, "", G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/selvedge/Selvedge/ui/slv-margin-rules-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, SlvMarginRulesPage, box);
  gtk_widget_class_bind_template_child (widget_class, SlvMarginRulesPage, brand_label);
  gtk_widget_class_bind_template_child (widget_class, SlvMarginRulesPage, rules_list);
  gtk_widget_class_bind_template_child (widget_class, SlvMarginRulesPage, rule_title);
  gtk_widget_class_bind_template_child (widget_class, SlvMarginRulesPage, rule_subtitle);
  gtk_widget_class_bind_template_child (widget_class, SlvMarginRulesPage, help_label);
  gtk_widget_class_bind_template_child (widget_class, SlvMarginRulesPage, text_view);
  gtk_widget_class_bind_template_child (widget_class, SlvMarginRulesPage, status_icon);
  gtk_widget_class_bind_template_child (widget_class, SlvMarginRulesPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, SlvMarginRulesPage, ending_row);

  gtk_widget_class_install_action (widget_class, "margin-rules.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "margin-rules.revert", NULL, revert_action);
  gtk_widget_class_install_action (widget_class, "margin-rules.select", "s", select_action);
  gtk_widget_class_install_action (widget_class, "margin-rules.set-expression", "s", set_text_action);
  gtk_widget_class_install_action (widget_class, "margin-rules.set-ending", "s", set_text_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "margin-rules.save", NULL);
}

static char *
variables_help (void)
{
  guint n = 0;
  const SlvExprVar *vars = slv_margin_rule_variables (&n);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (names, "%s%s", i ? ", " : "", vars[i].name);
  /* TRANSLATORS: %s is a list of variable names */
  return g_strdup_printf (_("Numbers, + − × ÷, comparisons, if … then … else, min, max, round, round_to, "
                            "price_ending and abs over %s. Money is in the destination’s currency; vat "
                            "and duty_rate are fractions."), names->str);
}

static void
slv_margin_rules_page_init (SlvMarginRulesPage *self)
{
  GtkTextBuffer *buffer;
  g_autofree char *help = variables_help ();
  GdkRGBA red;

  gtk_widget_init_template (GTK_WIDGET (self));
  slv_widget_track_rights (GTK_WIDGET (self), rights_changed);
  self->cancellable = g_cancellable_new ();
  self->message = g_strdup ("");
  gtk_label_set_text (self->help_label, help);
  buffer = gtk_text_view_get_buffer (self->text_view);
  gdk_rgba_parse (&red, "#e01b24");
  gtk_text_buffer_create_tag (buffer, "error", "underline", PANGO_UNDERLINE_ERROR,
                              "underline-rgba", &red, NULL);
  g_signal_connect_swapped (buffer, "changed", G_CALLBACK (text_changed_cb), self);
  g_signal_connect_swapped (self->ending_row, "changed", G_CALLBACK (text_changed_cb), self);
  g_signal_connect_swapped (self->rules_list, "row-selected", G_CALLBACK (row_selected_cb), self);
  show_rule (self);
}

/* -- public API -- */

void
slv_margin_rules_page_set_pricing (SlvMarginRulesPage *self,
                                   SlvPricing         *pricing)
{
  g_return_if_fail (SLV_IS_MARGIN_RULES_PAGE (self));
  g_return_if_fail (pricing == NULL || SLV_IS_PRICING (pricing));

  if (self->pricing == pricing)
    return;
  if (self->pricing != NULL)
    g_signal_handlers_disconnect_by_data (self->pricing, self);
  g_set_object (&self->pricing, pricing);
  if (pricing != NULL)
    {
      g_signal_connect_object (pricing, "changed", G_CALLBACK (master_changed_cb), self, G_CONNECT_SWAPPED);
      slv_repo_list_async (slv_pricing_get_store (pricing), SLV_TYPE_BRAND, NULL, self->cancellable,
                           brands_cb, self);
    }
  slv_margin_rules_page_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRICING]);
}

void
slv_margin_rules_page_reload (SlvMarginRulesPage *self)
{
  g_return_if_fail (SLV_IS_MARGIN_RULES_PAGE (self));

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  if (self->pricing == NULL)
    return;
  self->load_cancellable = g_cancellable_new ();
  self->loading = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
  slv_pricing_load_master_async (self->pricing, self->load_cancellable, master_loaded_cb, self);
}

gboolean
slv_margin_rules_page_get_loading (SlvMarginRulesPage *self)
{
  g_return_val_if_fail (SLV_IS_MARGIN_RULES_PAGE (self), FALSE);
  return self->loading;
}

gboolean
slv_margin_rules_page_get_busy (SlvMarginRulesPage *self)
{
  g_return_val_if_fail (SLV_IS_MARGIN_RULES_PAGE (self), FALSE);
  return self->busy > 0;
}

const char *
slv_margin_rules_page_get_message (SlvMarginRulesPage *self)
{
  g_return_val_if_fail (SLV_IS_MARGIN_RULES_PAGE (self), NULL);
  return self->message;
}

const char *
slv_margin_rules_page_get_rule_id (SlvMarginRulesPage *self)
{
  g_return_val_if_fail (SLV_IS_MARGIN_RULES_PAGE (self), NULL);
  return self->rule_id;
}

char *
slv_margin_rules_page_dup_expression (SlvMarginRulesPage *self)
{
  g_return_val_if_fail (SLV_IS_MARGIN_RULES_PAGE (self), NULL);
  return dup_text (self);
}

char *
slv_margin_rules_page_dup_underlined (SlvMarginRulesPage *self)
{
  GtkTextBuffer *buffer;
  GtkTextTag *tag;
  GtkTextIter start, end;

  g_return_val_if_fail (SLV_IS_MARGIN_RULES_PAGE (self), NULL);
  buffer = gtk_text_view_get_buffer (self->text_view);
  tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "error");
  gtk_text_buffer_get_start_iter (buffer, &start);
  if (!gtk_text_iter_starts_tag (&start, tag) && !gtk_text_iter_forward_to_tag_toggle (&start, tag))
    return NULL;
  end = start;
  gtk_text_iter_forward_to_tag_toggle (&end, tag);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}
