/* slv-store-migrate.h: numbered SQL migrations from the GResource.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "slv-store-private.h"

G_BEGIN_DECLS

/* Reads PRAGMA user_version; fails (touching nothing) if the workspace was
 * made by a newer Selvedge or is not a database. */
gboolean slv_store_check_level (SlvStore  *self,
                                int       *level,
                                GError   **error);
/* Applies every migration above the current level, one transaction each. */
gboolean slv_store_migrate     (SlvStore  *self,
                                int       *level,
                                GError   **error);

G_END_DECLS
