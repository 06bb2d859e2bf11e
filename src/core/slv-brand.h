/* slv-brand.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "slv-entity.h"

G_BEGIN_DECLS

#define SLV_TYPE_BRAND (slv_brand_get_type ())
G_DECLARE_FINAL_TYPE (SlvBrand, slv_brand, SLV, BRAND, SlvEntity)

const char  *slv_brand_get_code (SlvBrand *self);
const char  *slv_brand_get_name (SlvBrand *self);
const char  *slv_brand_get_base_currency (SlvBrand *self);

G_END_DECLS
