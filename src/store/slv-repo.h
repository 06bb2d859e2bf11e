/* slv-repo.h: typed records out of the workspace.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Lists of SlvEntity subclasses (materials, styles, cost rates, suppliers,
 * boards) for list views, filtered through the full-text index.
 */
#pragma once

#include "slv-store.h"
#include "core/slv-entity.h"

G_BEGIN_DECLS

/* The live records of @type (SLV_TYPE_MATERIAL, …), ordered by code or
 * name, matching @search (words, each a prefix; NULL or "" for all). */
GListStore *slv_repo_list              (SlvStore             *store,
                                        GType                 type,
                                        const char           *search,
                                        GError              **error) G_GNUC_WARN_UNUSED_RESULT;
void        slv_repo_list_async        (SlvStore             *store,
                                        GType                 type,
                                        const char           *search,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
GListStore *slv_repo_list_finish       (SlvStore             *store,
                                        GAsyncResult         *result,
                                        GError              **error) G_GNUC_WARN_UNUSED_RESULT;

/* One record by id, or by its natural key (code; name for boards). */
SlvEntity  *slv_repo_get               (SlvStore             *store,
                                        GType                 type,
                                        const char           *id,
                                        GError              **error) G_GNUC_WARN_UNUSED_RESULT;
SlvEntity  *slv_repo_find_by_code      (SlvStore             *store,
                                        GType                 type,
                                        const char           *code,
                                        GError              **error) G_GNUC_WARN_UNUSED_RESULT;

/* An FTS5 query matching every word of @text as a prefix; NULL if empty. */
char       *slv_repo_fts_query         (const char           *text) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
