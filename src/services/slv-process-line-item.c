/* slv-process-line-item.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-process-line-item"

#include "config.h"

#include "slv-process-line-item.h"

enum
{
  PROP_0,
  PROP_ID, PROP_PROCESS, PROP_RATE_ID, PROP_RATE_KEY, PROP_SUPPLIER, PROP_QUANTITY, PROP_LOSS_PCT,
  PROP_PARAMS, PROP_UNIT_RATE, PROP_RATE_CURRENCY, PROP_RATE_UNIT, PROP_TIER, PROP_APPLIED_RATE_ID,
  PROP_COST,
  N_TEXT_PROPS,
  PROP_INDEX = N_TEXT_PROPS,
  PROP_MINIMUM_APPLIED,
  N_PROPS
};

struct _SlvProcessLineItem
{
  GObject   parent_instance;
  char     *text[N_TEXT_PROPS];
  guint     index;
  gboolean  minimum_applied;
};

G_DEFINE_FINAL_TYPE (SlvProcessLineItem, slv_process_line_item, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];
static const char * const names[N_TEXT_PROPS] = {
  NULL, "id", "process", "rate-id", "rate-key", "supplier", "quantity", "loss-pct", "params", "unit-rate",
  "rate-currency", "rate-unit", "tier", "applied-rate-id", "cost",
};

static void
set_text (SlvProcessLineItem *self,
          guint               prop,
          const char         *value)
{
  if (g_strcmp0 (self->text[prop], value ? value : "") == 0)
    return;
  g_free (self->text[prop]);
  self->text[prop] = g_strdup (value ? value : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
take_text (SlvProcessLineItem *self,
           guint               prop,
           char               *value)
{
  set_text (self, prop, value);
  g_free (value);
}

static void
slv_process_line_item_finalize (GObject *object)
{
  SlvProcessLineItem *self = SLV_PROCESS_LINE_ITEM (object);

  for (guint i = 0; i < N_TEXT_PROPS; i++)
    g_free (self->text[i]);
  G_OBJECT_CLASS (slv_process_line_item_parent_class)->finalize (object);
}

static void
slv_process_line_item_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  SlvProcessLineItem *self = SLV_PROCESS_LINE_ITEM (object);

  if (prop_id == PROP_INDEX)
    g_value_set_uint (value, self->index);
  else if (prop_id == PROP_MINIMUM_APPLIED)
    g_value_set_boolean (value, self->minimum_applied);
  else if (prop_id > PROP_0 && prop_id < N_TEXT_PROPS)
    g_value_set_string (value, self->text[prop_id] ? self->text[prop_id] : "");
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
slv_process_line_item_class_init (SlvProcessLineItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = slv_process_line_item_finalize;
  object_class->get_property = slv_process_line_item_get_property;
  for (guint i = 1; i < N_TEXT_PROPS; i++)
    properties[i] = g_param_spec_string (names[i], NULL, NULL, "", G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_INDEX] = g_param_spec_uint ("index", NULL, NULL, 0, G_MAXUINT, 0,
                                              G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MINIMUM_APPLIED] = g_param_spec_boolean ("minimum-applied", NULL, NULL, FALSE,
                                                           G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
slv_process_line_item_init (SlvProcessLineItem *self)
{
}

SlvProcessLineItem *
slv_process_line_item_new (const char *id)
{
  SlvProcessLineItem *self = g_object_new (SLV_TYPE_PROCESS_LINE_ITEM, NULL);

  self->text[PROP_ID] = g_strdup (id);
  return self;
}

const char *
slv_process_line_item_get_id (SlvProcessLineItem *self)
{
  g_return_val_if_fail (SLV_IS_PROCESS_LINE_ITEM (self), NULL);
  return self->text[PROP_ID];
}

guint
slv_process_line_item_get_index (SlvProcessLineItem *self)
{
  g_return_val_if_fail (SLV_IS_PROCESS_LINE_ITEM (self), 0);
  return self->index;
}

gboolean
slv_process_line_item_get_minimum_applied (SlvProcessLineItem *self)
{
  g_return_val_if_fail (SLV_IS_PROCESS_LINE_ITEM (self), FALSE);
  return self->minimum_applied;
}

const char *
slv_process_line_item_get_text (SlvProcessLineItem *self,
                                const char         *property)
{
  g_return_val_if_fail (SLV_IS_PROCESS_LINE_ITEM (self), NULL);
  for (guint i = 1; i < N_TEXT_PROPS; i++)
    if (g_strcmp0 (names[i], property) == 0)
      return self->text[i] ? self->text[i] : "";
  return NULL;
}

void
slv_process_line_item_sync (SlvProcessLineItem *self,
                            SlvCostingInput    *input,
                            SlvCostMaster      *master,
                            SlvCostSheet       *sheet,
                            guint               index,
                            const int          *figures)
{
  const SlvProcessInput *p;
  const SlvRate *chosen, *applied = NULL;
  int rate = -1, cost = -1;
  gboolean minimum = FALSE;

  g_return_if_fail (SLV_IS_PROCESS_LINE_ITEM (self) && index < input->processes->len);

  p = &g_array_index (input->processes, SlvProcessInput, index);
  chosen = master ? slv_cost_master_get_rate (master, p->rate_id) : NULL;
  if (sheet != NULL && figures != NULL)
    {
      rate = figures[SLV_ROLE_RATE - SLV_ROLE_FIRST];
      cost = figures[SLV_ROLE_COST - SLV_ROLE_FIRST];
    }
  if (rate >= 0)
    applied = slv_cost_sheet_get_figure (sheet, rate)->rate;
  if (cost >= 0)
    minimum = !slv_decimal_is_zero (slv_cost_sheet_get_arg (sheet, cost, 4));

  g_object_freeze_notify (G_OBJECT (self));
  if (self->index != index)
    {
      self->index = index;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INDEX]);
    }
  if (self->minimum_applied != minimum)
    {
      self->minimum_applied = minimum;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MINIMUM_APPLIED]);
    }
  set_text (self, PROP_PROCESS, p->process);
  set_text (self, PROP_RATE_ID, p->rate_id);
  set_text (self, PROP_RATE_KEY, chosen ? chosen->key : NULL);
  set_text (self, PROP_SUPPLIER, chosen ? chosen->supplier_name : NULL);
  take_text (self, PROP_QUANTITY, slv_decimal_to_string (p->quantity));
  take_text (self, PROP_LOSS_PCT, slv_decimal_to_string (p->loss_pct));
  set_text (self, PROP_PARAMS, p->params_json);
  take_text (self, PROP_UNIT_RATE, applied ? slv_decimal_to_string (applied->unit_rate) : NULL);
  set_text (self, PROP_RATE_CURRENCY, applied ? applied->currency : NULL);
  set_text (self, PROP_RATE_UNIT, applied ? slv_rate_unit_to_string (applied->unit) : NULL);
  take_text (self, PROP_TIER, applied ? g_strdup_printf ("%" G_GINT64_FORMAT, applied->tier_min_qty) : NULL);
  set_text (self, PROP_APPLIED_RATE_ID, applied ? applied->id : NULL);
  take_text (self, PROP_COST, cost >= 0 ? slv_decimal_format (slv_cost_sheet_get_figure (sheet, cost)->value, 6,
                                                              SLV_ROUND_HALF_UP) : NULL);
  g_object_thaw_notify (G_OBJECT (self));
}
