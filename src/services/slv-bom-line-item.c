/* slv-bom-line-item.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-bom-line-item"

#include "config.h"

#include "slv-bom-line-item.h"

enum
{
  PROP_0,
  PROP_ID, PROP_MATERIAL_ID, PROP_MATERIAL_CODE, PROP_MATERIAL_NAME, PROP_PLACEMENT,
  PROP_CONSUMPTION, PROP_CALC_METHOD, PROP_UNIT, PROP_WASTAGE_PCT, PROP_NET, PROP_GROSS,
  PROP_UNIT_PRICE, PROP_PRICE_CURRENCY, PROP_COST, PROP_GROUP,
  N_TEXT_PROPS,
  PROP_INDEX = N_TEXT_PROPS,
  N_PROPS
};

struct _SlvBomLineItem
{
  GObject  parent_instance;
  char    *text[N_TEXT_PROPS];
  guint    index;
};

G_DEFINE_FINAL_TYPE (SlvBomLineItem, slv_bom_line_item, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];
static const char * const names[N_TEXT_PROPS] = {
  NULL, "id", "material-id", "material-code", "material-name", "placement", "consumption", "calc-method",
  "unit", "wastage-pct", "net", "gross", "unit-price", "price-currency", "cost", "group",
};
static const char * const methods[] = { "manual", "knit", "woven", "per_dozen", "clo-pattern" };

static void
set_text (SlvBomLineItem *self,
          guint           prop,
          const char     *value)
{
  if (g_strcmp0 (self->text[prop], value ? value : "") == 0)
    return;
  g_free (self->text[prop]);
  self->text[prop] = g_strdup (value ? value : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
take_text (SlvBomLineItem *self,
           guint           prop,
           char           *value)
{
  set_text (self, prop, value);
  g_free (value);
}

static char *
figure_text (SlvCostSheet *sheet,
             const int    *figures,
             guint         role,
             guint         places)
{
  int i = sheet && figures ? figures[role - SLV_ROLE_FIRST] : -1;

  if (i < 0)
    return NULL;
  return slv_decimal_format (slv_cost_sheet_get_figure (sheet, i)->value, places, SLV_ROUND_HALF_UP);
}

static void
slv_bom_line_item_finalize (GObject *object)
{
  SlvBomLineItem *self = SLV_BOM_LINE_ITEM (object);

  for (guint i = 0; i < N_TEXT_PROPS; i++)
    g_free (self->text[i]);
  G_OBJECT_CLASS (slv_bom_line_item_parent_class)->finalize (object);
}

static void
slv_bom_line_item_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SlvBomLineItem *self = SLV_BOM_LINE_ITEM (object);

  if (prop_id == PROP_INDEX)
    g_value_set_uint (value, self->index);
  else if (prop_id > PROP_0 && prop_id < N_TEXT_PROPS)
    g_value_set_string (value, self->text[prop_id] ? self->text[prop_id] : "");
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
slv_bom_line_item_class_init (SlvBomLineItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = slv_bom_line_item_finalize;
  object_class->get_property = slv_bom_line_item_get_property;
  for (guint i = 1; i < N_TEXT_PROPS; i++)
    properties[i] = g_param_spec_string (names[i], NULL, NULL, "", G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_INDEX] = g_param_spec_uint ("index", NULL, NULL, 0, G_MAXUINT, 0,
                                              G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
slv_bom_line_item_init (SlvBomLineItem *self)
{
}

SlvBomLineItem *
slv_bom_line_item_new (const char *id)
{
  SlvBomLineItem *self = g_object_new (SLV_TYPE_BOM_LINE_ITEM, NULL);

  self->text[PROP_ID] = g_strdup (id);
  return self;
}

const char *
slv_bom_line_item_get_id (SlvBomLineItem *self)
{
  g_return_val_if_fail (SLV_IS_BOM_LINE_ITEM (self), NULL);
  return self->text[PROP_ID];
}

guint
slv_bom_line_item_get_index (SlvBomLineItem *self)
{
  g_return_val_if_fail (SLV_IS_BOM_LINE_ITEM (self), 0);
  return self->index;
}

const char *
slv_bom_line_item_get_text (SlvBomLineItem *self,
                            const char     *property)
{
  g_return_val_if_fail (SLV_IS_BOM_LINE_ITEM (self), NULL);
  for (guint i = 1; i < N_TEXT_PROPS; i++)
    if (g_strcmp0 (names[i], property) == 0)
      return self->text[i] ? self->text[i] : "";
  return NULL;
}

void
slv_bom_line_item_sync (SlvBomLineItem  *self,
                        SlvCostingInput *input,
                        SlvCostMaster   *master,
                        SlvCostSheet    *sheet,
                        guint            index,
                        const int       *figures)
{
  const SlvBomInput *b;
  const SlvMaterialRec *m;
  int cost;

  g_return_if_fail (SLV_IS_BOM_LINE_ITEM (self) && index < input->bom->len);

  b = &g_array_index (input->bom, SlvBomInput, index);
  m = master ? slv_cost_master_get_material (master, b->material_id) : NULL;
  g_object_freeze_notify (G_OBJECT (self));
  if (self->index != index)
    {
      self->index = index;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INDEX]);
    }
  set_text (self, PROP_MATERIAL_ID, b->material_id);
  set_text (self, PROP_MATERIAL_CODE, m ? m->code : NULL);
  set_text (self, PROP_MATERIAL_NAME, m ? m->name : NULL);
  set_text (self, PROP_PLACEMENT, b->placement);
  take_text (self, PROP_CONSUMPTION, slv_decimal_to_string (b->consumption));
  set_text (self, PROP_CALC_METHOD, methods[b->calc.method]);
  set_text (self, PROP_UNIT, b->unit);
  take_text (self, PROP_WASTAGE_PCT, slv_decimal_to_string (b->wastage_pct));
  take_text (self, PROP_NET, figure_text (sheet, figures, SLV_ROLE_CONSUMPTION, 8));
  take_text (self, PROP_GROSS, figure_text (sheet, figures, SLV_ROLE_GROSS, 8));
  take_text (self, PROP_UNIT_PRICE, figure_text (sheet, figures, SLV_ROLE_PRICE, 6));
  set_text (self, PROP_PRICE_CURRENCY, m ? m->currency : NULL);
  take_text (self, PROP_COST, figure_text (sheet, figures, SLV_ROLE_COST, 6));
  cost = sheet && figures ? figures[SLV_ROLE_COST - SLV_ROLE_FIRST] : -1;
  set_text (self, PROP_GROUP, cost >= 0 ? slv_cost_group_to_string (slv_cost_sheet_get_figure (sheet, cost)->group) : NULL);
  g_object_thaw_notify (G_OBJECT (self));
}
