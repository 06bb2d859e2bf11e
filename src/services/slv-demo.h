/* slv-demo.h: the demo workspace.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Northloom, a knitwear and cut-and-sew brand: suppliers, a material master
 * with SAP-style codes, a cost master, two seasons of styles with costings,
 * margin rules, FX rates and a mood board whose swatches are drawn here.
 */
#pragma once

#include "store/slv-store.h"

G_BEGIN_DECLS

/* Fills an empty workspace, all in one transaction. */
gboolean  slv_demo_populate (SlvStore    *store,
                             GError     **error);
/* Creates the workspace folder at @path and fills it; fails if one exists. */
SlvStore *slv_demo_create   (const char  *path,
                             GError     **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
