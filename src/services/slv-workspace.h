/* slv-workspace.h: creating and locating workspaces.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "store/slv-store.h"

G_BEGIN_DECLS

/* Creates an empty workspace at @path with one brand named @brand_name (so
 * records have an owner); fails if a workspace is already there. */
SlvStore *slv_workspace_create_empty (const char  *path,
                                      const char  *brand_name,
                                      GError     **error) G_GNUC_WARN_UNUSED_RESULT;
/* "X" → "X.selvedge"; leaves a name that already ends so alone. */
char     *slv_workspace_normalize_path (const char *path) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

G_BEGIN_DECLS

/* The id of the workspace's first brand (records need an owner). */
char     *slv_workspace_dup_brand_id  (SlvStore    *store,
                                       GError     **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
