/* slv-style.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-style"

#include "config.h"

#include "slv-style.h"

struct _SlvStyle
{
  SlvEntity  parent_instance;
  char     *code;
  char     *name;
  char     *category;
  char     *gender;
  char     *status;
  char     *size_range;
  char     *base_size;
  char     *hs_code;
  char     *target_fob;
  char     *target_retail;
  char     *currency;
  char     *cover_blob;
  char     *description;
  char     *collection_id;
  char     *collection_name;
  char     *season_name;
};

G_DEFINE_FINAL_TYPE (SlvStyle, slv_style, SLV_TYPE_ENTITY)

static const SlvFieldSpec fields[] = {
  { "code", SLV_FIELD_STRING, G_STRUCT_OFFSET (SlvStyle, code) },
  { "name", SLV_FIELD_STRING, G_STRUCT_OFFSET (SlvStyle, name) },
  { "category", SLV_FIELD_STRING, G_STRUCT_OFFSET (SlvStyle, category) },
  { "gender", SLV_FIELD_STRING, G_STRUCT_OFFSET (SlvStyle, gender) },
  { "status", SLV_FIELD_STRING, G_STRUCT_OFFSET (SlvStyle, status) },
  { "size-range", SLV_FIELD_STRING, G_STRUCT_OFFSET (SlvStyle, size_range) },
  { "base-size", SLV_FIELD_STRING, G_STRUCT_OFFSET (SlvStyle, base_size) },
  { "hs-code", SLV_FIELD_STRING, G_STRUCT_OFFSET (SlvStyle, hs_code) },
  { "target-fob", SLV_FIELD_STRING, G_STRUCT_OFFSET (SlvStyle, target_fob) },
  { "target-retail", SLV_FIELD_STRING, G_STRUCT_OFFSET (SlvStyle, target_retail) },
  { "currency", SLV_FIELD_STRING, G_STRUCT_OFFSET (SlvStyle, currency) },
  { "cover-blob", SLV_FIELD_STRING, G_STRUCT_OFFSET (SlvStyle, cover_blob) },
  { "description", SLV_FIELD_STRING, G_STRUCT_OFFSET (SlvStyle, description) },
  { "collection-id", SLV_FIELD_STRING, G_STRUCT_OFFSET (SlvStyle, collection_id) },
  { "collection-name", SLV_FIELD_STRING, G_STRUCT_OFFSET (SlvStyle, collection_name) },
  { "season-name", SLV_FIELD_STRING, G_STRUCT_OFFSET (SlvStyle, season_name) },
};

static void
slv_style_class_init (SlvStyleClass *klass)
{
  slv_entity_class_install_fields (SLV_ENTITY_CLASS (klass), "style", fields, G_N_ELEMENTS (fields));
}

static void
slv_style_init (SlvStyle *self)
{
}

const char *
slv_style_get_code (SlvStyle *self)
{
  g_return_val_if_fail (SLV_IS_STYLE (self), NULL);
  return self->code;
}

const char *
slv_style_get_name (SlvStyle *self)
{
  g_return_val_if_fail (SLV_IS_STYLE (self), NULL);
  return self->name;
}

const char *
slv_style_get_category (SlvStyle *self)
{
  g_return_val_if_fail (SLV_IS_STYLE (self), NULL);
  return self->category;
}

const char *
slv_style_get_gender (SlvStyle *self)
{
  g_return_val_if_fail (SLV_IS_STYLE (self), NULL);
  return self->gender;
}

const char *
slv_style_get_status (SlvStyle *self)
{
  g_return_val_if_fail (SLV_IS_STYLE (self), NULL);
  return self->status;
}

const char *
slv_style_get_size_range (SlvStyle *self)
{
  g_return_val_if_fail (SLV_IS_STYLE (self), NULL);
  return self->size_range;
}

const char *
slv_style_get_base_size (SlvStyle *self)
{
  g_return_val_if_fail (SLV_IS_STYLE (self), NULL);
  return self->base_size;
}

const char *
slv_style_get_hs_code (SlvStyle *self)
{
  g_return_val_if_fail (SLV_IS_STYLE (self), NULL);
  return self->hs_code;
}

const char *
slv_style_get_target_fob (SlvStyle *self)
{
  g_return_val_if_fail (SLV_IS_STYLE (self), NULL);
  return self->target_fob;
}

const char *
slv_style_get_target_retail (SlvStyle *self)
{
  g_return_val_if_fail (SLV_IS_STYLE (self), NULL);
  return self->target_retail;
}

const char *
slv_style_get_currency (SlvStyle *self)
{
  g_return_val_if_fail (SLV_IS_STYLE (self), NULL);
  return self->currency;
}

const char *
slv_style_get_cover_blob (SlvStyle *self)
{
  g_return_val_if_fail (SLV_IS_STYLE (self), NULL);
  return self->cover_blob;
}

const char *
slv_style_get_description (SlvStyle *self)
{
  g_return_val_if_fail (SLV_IS_STYLE (self), NULL);
  return self->description;
}

const char *
slv_style_get_collection_id (SlvStyle *self)
{
  g_return_val_if_fail (SLV_IS_STYLE (self), NULL);
  return self->collection_id;
}

const char *
slv_style_get_collection_name (SlvStyle *self)
{
  g_return_val_if_fail (SLV_IS_STYLE (self), NULL);
  return self->collection_name;
}

const char *
slv_style_get_season_name (SlvStyle *self)
{
  g_return_val_if_fail (SLV_IS_STYLE (self), NULL);
  return self->season_name;
}
