/* slv-brand.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-brand"

#include "config.h"

#include "slv-brand.h"

struct _SlvBrand
{
  SlvEntity  parent_instance;
  char     *code;
  char     *name;
  char     *base_currency;
};

G_DEFINE_FINAL_TYPE (SlvBrand, slv_brand, SLV_TYPE_ENTITY)

static const SlvFieldSpec fields[] = {
  { "code", SLV_FIELD_STRING, G_STRUCT_OFFSET (SlvBrand, code) },
  { "name", SLV_FIELD_STRING, G_STRUCT_OFFSET (SlvBrand, name) },
  { "base-currency", SLV_FIELD_STRING, G_STRUCT_OFFSET (SlvBrand, base_currency) },
};

static void
slv_brand_class_init (SlvBrandClass *klass)
{
  slv_entity_class_install_fields (SLV_ENTITY_CLASS (klass), "brand", fields, G_N_ELEMENTS (fields));
}

static void
slv_brand_init (SlvBrand *self)
{
}

const char *
slv_brand_get_code (SlvBrand *self)
{
  g_return_val_if_fail (SLV_IS_BRAND (self), NULL);
  return self->code;
}

const char *
slv_brand_get_name (SlvBrand *self)
{
  g_return_val_if_fail (SLV_IS_BRAND (self), NULL);
  return self->name;
}

const char *
slv_brand_get_base_currency (SlvBrand *self)
{
  g_return_val_if_fail (SLV_IS_BRAND (self), NULL);
  return self->base_currency;
}
