/* slv-material.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "slv-entity.h"

G_BEGIN_DECLS

#define SLV_TYPE_MATERIAL (slv_material_get_type ())
G_DECLARE_FINAL_TYPE (SlvMaterial, slv_material, SLV, MATERIAL, SlvEntity)

const char * slv_material_get_code (SlvMaterial *self);
const char * slv_material_get_name (SlvMaterial *self);
const char * slv_material_get_kind (SlvMaterial *self);
const char * slv_material_get_sap_type (SlvMaterial *self);
const char * slv_material_get_material_group (SlvMaterial *self);
const char * slv_material_get_composition (SlvMaterial *self);
const char * slv_material_get_construction (SlvMaterial *self);
const char * slv_material_get_gsm (SlvMaterial *self);
const char * slv_material_get_width_cm (SlvMaterial *self);
const char * slv_material_get_yarn_count (SlvMaterial *self);
const char * slv_material_get_unit (SlvMaterial *self);
const char * slv_material_get_price (SlvMaterial *self);
const char * slv_material_get_price_unit (SlvMaterial *self);
const char * slv_material_get_currency (SlvMaterial *self);
const char * slv_material_get_moq (SlvMaterial *self);
gint64       slv_material_get_lead_time_days (SlvMaterial *self);
const char * slv_material_get_supplier_id (SlvMaterial *self);
const char * slv_material_get_supplier_name (SlvMaterial *self);
const char * slv_material_get_color (SlvMaterial *self);

G_END_DECLS
