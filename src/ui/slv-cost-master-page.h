/* slv-cost-master-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "slv-list-page.h"

G_BEGIN_DECLS

#define SLV_TYPE_COST_MASTER_PAGE (slv_cost_master_page_get_type ())
G_DECLARE_FINAL_TYPE (SlvCostMasterPage, slv_cost_master_page, SLV, COST_MASTER_PAGE, SlvListPage)

G_END_DECLS
