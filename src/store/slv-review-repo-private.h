/* slv-review-repo-private.h: shared by the review repository's files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "slv-review-repo.h"
#include "slv-store-private.h"

G_BEGIN_DECLS

/* The columns read_annotation() expects, first in a SELECT over alias a. */
#define REVIEW_ANNOTATION_COLUMNS \
  "a.id, a.created_at, a.updated_at, a.board_id, a.item_id, a.kind, a.geometry, " \
  "a.color, a.status, a.status_by, a.status_at, a.number, a.author"
#define REVIEW_ANNOTATION_N_COLUMNS 13

void                 review_bind_text        (sqlite3_stmt  *stmt,
                                              int            index,
                                              const char    *value);
/* The record in the current row of @stmt (columns as above). */
SlvAnnotationRecord *review_read_annotation  (sqlite3_stmt  *stmt);
/* Sets @error for a step that did not end in SQLITE_DONE/SQLITE_ROW. */
void                 review_set_read_error   (SlvStore      *store,
                                              GError       **error);
/* A trimmed copy of @body, or NULL with an error if it is not acceptable. */
char                *review_check_body       (const char    *body,
                                              GError       **error);
gboolean             review_check_author     (const char    *author,
                                              GError       **error);

G_END_DECLS
