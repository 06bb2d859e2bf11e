/* slv-materials-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "slv-list-page.h"

G_BEGIN_DECLS

#define SLV_TYPE_MATERIALS_PAGE (slv_materials_page_get_type ())
G_DECLARE_FINAL_TYPE (SlvMaterialsPage, slv_materials_page, SLV, MATERIALS_PAGE, SlvListPage)

G_END_DECLS
