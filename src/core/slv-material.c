/* slv-material.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-material"

#include "config.h"

#include "slv-material.h"

struct _SlvMaterial
{
  SlvEntity  parent_instance;
  char     *code;
  char     *name;
  char     *kind;
  char     *sap_type;
  char     *material_group;
  char     *composition;
  char     *construction;
  char     *gsm;
  char     *width_cm;
  char     *yarn_count;
  char     *unit;
  char     *price;
  char     *price_unit;
  char     *currency;
  char     *moq;
  gint64    lead_time_days;
  char     *supplier_id;
  char     *supplier_name;
  char     *color;
};

G_DEFINE_FINAL_TYPE (SlvMaterial, slv_material, SLV_TYPE_ENTITY)

static const SlvFieldSpec fields[] = {
  { "code", SLV_FIELD_STRING, G_STRUCT_OFFSET (SlvMaterial, code) },
  { "name", SLV_FIELD_STRING, G_STRUCT_OFFSET (SlvMaterial, name) },
  { "kind", SLV_FIELD_STRING, G_STRUCT_OFFSET (SlvMaterial, kind) },
  { "sap-type", SLV_FIELD_STRING, G_STRUCT_OFFSET (SlvMaterial, sap_type) },
  { "material-group", SLV_FIELD_STRING, G_STRUCT_OFFSET (SlvMaterial, material_group) },
  { "composition", SLV_FIELD_STRING, G_STRUCT_OFFSET (SlvMaterial, composition) },
  { "construction", SLV_FIELD_STRING, G_STRUCT_OFFSET (SlvMaterial, construction) },
  { "gsm", SLV_FIELD_STRING, G_STRUCT_OFFSET (SlvMaterial, gsm) },
  { "width-cm", SLV_FIELD_STRING, G_STRUCT_OFFSET (SlvMaterial, width_cm) },
  { "yarn-count", SLV_FIELD_STRING, G_STRUCT_OFFSET (SlvMaterial, yarn_count) },
  { "unit", SLV_FIELD_STRING, G_STRUCT_OFFSET (SlvMaterial, unit) },
  { "price", SLV_FIELD_STRING, G_STRUCT_OFFSET (SlvMaterial, price) },
  { "price-unit", SLV_FIELD_STRING, G_STRUCT_OFFSET (SlvMaterial, price_unit) },
  { "currency", SLV_FIELD_STRING, G_STRUCT_OFFSET (SlvMaterial, currency) },
  { "moq", SLV_FIELD_STRING, G_STRUCT_OFFSET (SlvMaterial, moq) },
  { "lead-time-days", SLV_FIELD_INT, G_STRUCT_OFFSET (SlvMaterial, lead_time_days) },
  { "supplier-id", SLV_FIELD_STRING, G_STRUCT_OFFSET (SlvMaterial, supplier_id) },
  { "supplier-name", SLV_FIELD_STRING, G_STRUCT_OFFSET (SlvMaterial, supplier_name) },
  { "color", SLV_FIELD_STRING, G_STRUCT_OFFSET (SlvMaterial, color) },
};

static void
slv_material_class_init (SlvMaterialClass *klass)
{
  slv_entity_class_install_fields (SLV_ENTITY_CLASS (klass), "material", fields, G_N_ELEMENTS (fields));
}

static void
slv_material_init (SlvMaterial *self)
{
}

const char *
slv_material_get_code (SlvMaterial *self)
{
  g_return_val_if_fail (SLV_IS_MATERIAL (self), NULL);
  return self->code;
}

const char *
slv_material_get_name (SlvMaterial *self)
{
  g_return_val_if_fail (SLV_IS_MATERIAL (self), NULL);
  return self->name;
}

const char *
slv_material_get_kind (SlvMaterial *self)
{
  g_return_val_if_fail (SLV_IS_MATERIAL (self), NULL);
  return self->kind;
}

const char *
slv_material_get_sap_type (SlvMaterial *self)
{
  g_return_val_if_fail (SLV_IS_MATERIAL (self), NULL);
  return self->sap_type;
}

const char *
slv_material_get_material_group (SlvMaterial *self)
{
  g_return_val_if_fail (SLV_IS_MATERIAL (self), NULL);
  return self->material_group;
}

const char *
slv_material_get_composition (SlvMaterial *self)
{
  g_return_val_if_fail (SLV_IS_MATERIAL (self), NULL);
  return self->composition;
}

const char *
slv_material_get_construction (SlvMaterial *self)
{
  g_return_val_if_fail (SLV_IS_MATERIAL (self), NULL);
  return self->construction;
}

const char *
slv_material_get_gsm (SlvMaterial *self)
{
  g_return_val_if_fail (SLV_IS_MATERIAL (self), NULL);
  return self->gsm;
}

const char *
slv_material_get_width_cm (SlvMaterial *self)
{
  g_return_val_if_fail (SLV_IS_MATERIAL (self), NULL);
  return self->width_cm;
}

const char *
slv_material_get_yarn_count (SlvMaterial *self)
{
  g_return_val_if_fail (SLV_IS_MATERIAL (self), NULL);
  return self->yarn_count;
}

const char *
slv_material_get_unit (SlvMaterial *self)
{
  g_return_val_if_fail (SLV_IS_MATERIAL (self), NULL);
  return self->unit;
}

const char *
slv_material_get_price (SlvMaterial *self)
{
  g_return_val_if_fail (SLV_IS_MATERIAL (self), NULL);
  return self->price;
}

const char *
slv_material_get_price_unit (SlvMaterial *self)
{
  g_return_val_if_fail (SLV_IS_MATERIAL (self), NULL);
  return self->price_unit;
}

const char *
slv_material_get_currency (SlvMaterial *self)
{
  g_return_val_if_fail (SLV_IS_MATERIAL (self), NULL);
  return self->currency;
}

const char *
slv_material_get_moq (SlvMaterial *self)
{
  g_return_val_if_fail (SLV_IS_MATERIAL (self), NULL);
  return self->moq;
}

gint64
slv_material_get_lead_time_days (SlvMaterial *self)
{
  g_return_val_if_fail (SLV_IS_MATERIAL (self), 0);
  return self->lead_time_days;
}

const char *
slv_material_get_supplier_id (SlvMaterial *self)
{
  g_return_val_if_fail (SLV_IS_MATERIAL (self), NULL);
  return self->supplier_id;
}

const char *
slv_material_get_supplier_name (SlvMaterial *self)
{
  g_return_val_if_fail (SLV_IS_MATERIAL (self), NULL);
  return self->supplier_name;
}

const char *
slv_material_get_color (SlvMaterial *self)
{
  g_return_val_if_fail (SLV_IS_MATERIAL (self), NULL);
  return self->color;
}
