/* slv-review-repo.h: annotations and comment threads in the workspace.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every write is one transaction and checks what the schema cannot: the
 * board and item are live, the geometry parses and matches the item (or
 * not), the colour is in the palette, the status move is allowed, only a
 * comment's author edits or deletes it. Errors are SLV_REVIEW_ERROR for
 * refused input and SLV_STORE_ERROR for the database.
 *
 * A thread is live while its annotation, its board and the item it is
 * attached to are not deleted.
 */
#pragma once

#include "slv-store.h"
#include "core/slv-review-error.h"
#include "core/slv-review-record.h"

G_BEGIN_DECLS

#define SLV_REVIEW_MAX_BODY_CHARS 20000
#define SLV_REVIEW_FIRST_LINE_CHARS 120

/* -- threads -- */

/* The live threads of @board_id, by number, with their summaries
 * (n_comments, first_line, last_activity, mentions). An array of
 * SlvAnnotationRecord. A record whose stored geometry cannot be read (made
 * by a newer Selvedge, damaged) has geometry NULL. */
GPtrArray           *slv_review_repo_list_threads      (SlvStore                  *store,
                                                        const char                *board_id,
                                                        GError                   **error) G_GNUC_WARN_UNUSED_RESULT;
/* One live thread, with its summary. */
SlvAnnotationRecord *slv_review_repo_get_thread        (SlvStore                  *store,
                                                        const char                *annotation_id,
                                                        GError                   **error) G_GNUC_WARN_UNUSED_RESULT;
/* Adds @record (board_id, item_id, geometry, color, author are read; kind
 * comes from the geometry) and fills in id, number, status, created_at and
 * updated_at. */
gboolean             slv_review_repo_add_annotation    (SlvStore                  *store,
                                                        SlvAnnotationRecord       *record,
                                                        GError                   **error);
/* Moves or re-attaches an annotation: item_id and geometry in one write. */
gboolean             slv_review_repo_set_anchor        (SlvStore                  *store,
                                                        const char                *annotation_id,
                                                        const char                *item_id,
                                                        const SlvAnnotationGeometry *geometry,
                                                        GError                   **error);
gboolean             slv_review_repo_set_color         (SlvStore                  *store,
                                                        const char                *annotation_id,
                                                        const char                *color,
                                                        GError                   **error);
/* A status move by @by, stamped now; refused unless the rules allow it
 * (slv-review-status.h). */
gboolean             slv_review_repo_set_status        (SlvStore                  *store,
                                                        const char                *annotation_id,
                                                        SlvReviewStatus            status,
                                                        const char                *by,
                                                        GError                   **error);
gboolean             slv_review_repo_set_deleted       (SlvStore                  *store,
                                                        const char                *annotation_id,
                                                        gboolean                   deleted,
                                                        GError                   **error);

/* The mutable fields of an annotation, deleted or not (for undo). */
SlvAnnotationState  *slv_review_repo_get_state         (SlvStore                  *store,
                                                        const char                *annotation_id,
                                                        GError                   **error) G_GNUC_WARN_UNUSED_RESULT;
/* Undo and redo: for each field group in which @from and @to differ, if
 * the stored value still equals @from, writes @to; otherwise changes
 * nothing and fails with SLV_REVIEW_ERROR_CHANGED (someone else — sync —
 * changed it since). Statuses are restored as they were, without the move
 * rules. */
gboolean             slv_review_repo_apply_state       (SlvStore                  *store,
                                                        const char                *annotation_id,
                                                        const SlvAnnotationState  *from,
                                                        const SlvAnnotationState  *to,
                                                        GError                   **error);

/* -- comments -- */

/* The live comments of a thread, oldest first; SlvCommentRecord. */
GPtrArray           *slv_review_repo_list_comments     (SlvStore                  *store,
                                                        const char                *annotation_id,
                                                        GError                   **error) G_GNUC_WARN_UNUSED_RESULT;
/* Every live comment of the live threads of a board, by thread number,
 * then time. */
GPtrArray           *slv_review_repo_list_board_comments (SlvStore                *store,
                                                        const char                *board_id,
                                                        GError                   **error) G_GNUC_WARN_UNUSED_RESULT;
/* Appends a comment by @author; the body is trimmed, must not be empty and
 * is at most SLV_REVIEW_MAX_BODY_CHARS characters; its @mentions are
 * stored with it. */
SlvCommentRecord    *slv_review_repo_add_comment       (SlvStore                  *store,
                                                        const char                *annotation_id,
                                                        const char                *author,
                                                        const char                *body,
                                                        GError                   **error) G_GNUC_WARN_UNUSED_RESULT;
/* Only the comment's author may edit or delete it. */
gboolean             slv_review_repo_edit_comment      (SlvStore                  *store,
                                                        const char                *comment_id,
                                                        const char                *author,
                                                        const char                *body,
                                                        GError                   **error);
gboolean             slv_review_repo_delete_comment    (SlvStore                  *store,
                                                        const char                *comment_id,
                                                        const char                *author,
                                                        GError                   **error);

/* -- counts -- */

/* Live threads of a board per status, indexed by SlvReviewStatus. */
gboolean             slv_review_repo_count_by_status   (SlvStore                  *store,
                                                        const char                *board_id,
                                                        guint                      counts[SLV_REVIEW_N_STATUSES],
                                                        GError                   **error);
/* Board id → number of open threads (GUINT_TO_POINTER), for every board
 * that has any. For the Boards page. */
GHashTable          *slv_review_repo_count_open_threads (SlvStore                 *store,
                                                        GError                   **error) G_GNUC_WARN_UNUSED_RESULT;

/* -- items, to anchor annotations and draw reports -- */

/* The live items of a board (groups left out), bottom first;
 * SlvReviewItem. Items whose stored geometry is not valid are left out. */
GPtrArray           *slv_review_repo_list_items        (SlvStore                  *store,
                                                        const char                *board_id,
                                                        GError                   **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean             slv_review_repo_get_item_frame    (SlvStore                  *store,
                                                        const char                *item_id,
                                                        SlvItemFrame              *frame,
                                                        GError                   **error);

G_END_DECLS
