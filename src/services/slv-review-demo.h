/* slv-review-demo.h: review threads for the demo workspace.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "store/slv-store.h"

G_BEGIN_DECLS

/* Annotates the demo brand's mood board ("Coastline — mood") with a few
 * threads — pins, a rectangle and an arrow, comments with @mentions, one
 * approved and one on hold — so review has something to show at once.
 * One transaction (joins an enclosing one). */
gboolean slv_review_demo_populate (SlvStore  *store,
                                   GError   **error);

G_END_DECLS
