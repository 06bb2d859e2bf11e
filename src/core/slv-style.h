/* slv-style.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "slv-entity.h"

G_BEGIN_DECLS

#define SLV_TYPE_STYLE (slv_style_get_type ())
G_DECLARE_FINAL_TYPE (SlvStyle, slv_style, SLV, STYLE, SlvEntity)

const char * slv_style_get_code (SlvStyle *self);
const char * slv_style_get_name (SlvStyle *self);
const char * slv_style_get_category (SlvStyle *self);
const char * slv_style_get_gender (SlvStyle *self);
const char * slv_style_get_status (SlvStyle *self);
const char * slv_style_get_size_range (SlvStyle *self);
const char * slv_style_get_base_size (SlvStyle *self);
const char * slv_style_get_hs_code (SlvStyle *self);
const char * slv_style_get_target_fob (SlvStyle *self);
const char * slv_style_get_target_retail (SlvStyle *self);
const char * slv_style_get_currency (SlvStyle *self);
const char * slv_style_get_cover_blob (SlvStyle *self);
const char * slv_style_get_description (SlvStyle *self);
const char * slv_style_get_collection_id (SlvStyle *self);
const char * slv_style_get_collection_name (SlvStyle *self);
const char * slv_style_get_season_name (SlvStyle *self);

G_END_DECLS
