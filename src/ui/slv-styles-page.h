/* slv-styles-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "slv-list-page.h"

G_BEGIN_DECLS

#define SLV_TYPE_STYLES_PAGE (slv_styles_page_get_type ())
G_DECLARE_FINAL_TYPE (SlvStylesPage, slv_styles_page, SLV, STYLES_PAGE, SlvListPage)

G_END_DECLS
