/* slv-supplier.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "slv-entity.h"

G_BEGIN_DECLS

#define SLV_TYPE_SUPPLIER (slv_supplier_get_type ())
G_DECLARE_FINAL_TYPE (SlvSupplier, slv_supplier, SLV, SUPPLIER, SlvEntity)

const char * slv_supplier_get_code (SlvSupplier *self);
const char * slv_supplier_get_name (SlvSupplier *self);
const char * slv_supplier_get_kind (SlvSupplier *self);
const char * slv_supplier_get_country (SlvSupplier *self);
const char * slv_supplier_get_city (SlvSupplier *self);
const char * slv_supplier_get_currency (SlvSupplier *self);
gint64       slv_supplier_get_lead_time_days (SlvSupplier *self);

G_END_DECLS
