/* slv-supplier.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-supplier"

#include "config.h"

#include "slv-supplier.h"

struct _SlvSupplier
{
  SlvEntity  parent_instance;
  char     *code;
  char     *name;
  char     *kind;
  char     *country;
  char     *city;
  char     *currency;
  gint64    lead_time_days;
};

G_DEFINE_FINAL_TYPE (SlvSupplier, slv_supplier, SLV_TYPE_ENTITY)

static const SlvFieldSpec fields[] = {
  { "code", SLV_FIELD_STRING, G_STRUCT_OFFSET (SlvSupplier, code) },
  { "name", SLV_FIELD_STRING, G_STRUCT_OFFSET (SlvSupplier, name) },
  { "kind", SLV_FIELD_STRING, G_STRUCT_OFFSET (SlvSupplier, kind) },
  { "country", SLV_FIELD_STRING, G_STRUCT_OFFSET (SlvSupplier, country) },
  { "city", SLV_FIELD_STRING, G_STRUCT_OFFSET (SlvSupplier, city) },
  { "currency", SLV_FIELD_STRING, G_STRUCT_OFFSET (SlvSupplier, currency) },
  { "lead-time-days", SLV_FIELD_INT, G_STRUCT_OFFSET (SlvSupplier, lead_time_days) },
};

static void
slv_supplier_class_init (SlvSupplierClass *klass)
{
  slv_entity_class_install_fields (SLV_ENTITY_CLASS (klass), "supplier", fields, G_N_ELEMENTS (fields));
}

static void
slv_supplier_init (SlvSupplier *self)
{
}

const char *
slv_supplier_get_code (SlvSupplier *self)
{
  g_return_val_if_fail (SLV_IS_SUPPLIER (self), NULL);
  return self->code;
}

const char *
slv_supplier_get_name (SlvSupplier *self)
{
  g_return_val_if_fail (SLV_IS_SUPPLIER (self), NULL);
  return self->name;
}

const char *
slv_supplier_get_kind (SlvSupplier *self)
{
  g_return_val_if_fail (SLV_IS_SUPPLIER (self), NULL);
  return self->kind;
}

const char *
slv_supplier_get_country (SlvSupplier *self)
{
  g_return_val_if_fail (SLV_IS_SUPPLIER (self), NULL);
  return self->country;
}

const char *
slv_supplier_get_city (SlvSupplier *self)
{
  g_return_val_if_fail (SLV_IS_SUPPLIER (self), NULL);
  return self->city;
}

const char *
slv_supplier_get_currency (SlvSupplier *self)
{
  g_return_val_if_fail (SLV_IS_SUPPLIER (self), NULL);
  return self->currency;
}

gint64
slv_supplier_get_lead_time_days (SlvSupplier *self)
{
  g_return_val_if_fail (SLV_IS_SUPPLIER (self), 0);
  return self->lead_time_days;
}
