/* slv-review.h: annotating and reviewing one board.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SlvReview is what the board's overlay and review sidebar bind to. It
 * holds the board's threads as SlvReviewThread objects in two GListModels:
 * "threads" (every live thread, by number) and "visible" (those passing the
 * current filter), the selected thread and its comments ("comments", a
 * GListModel of SlvReviewComment), and the commands people use.
 *
 * Author: the user's name (from Preferences until sign-in exists), given as
 * "user-name". Writing with no name fails with SLV_REVIEW_ERROR_NO_AUTHOR.
 *
 * Undo and redo (an unbounded stack, per review):
 *   - adding, moving/re-attaching, recolouring and deleting an annotation,
 *     and status changes, are undoable. Undo restores the earlier values
 *     exactly (a status undo is not a status move). If sync changed the same
 *     fields since, the undo is refused with SLV_REVIEW_ERROR_CHANGED and
 *     dropped from the stack, so it never overwrites a colleague's edit.
 *   - comments are not undoable. A comment is a message to people: once
 *     written it may already be synced and read, and the thread is
 *     append-only. Its author edits or deletes it explicitly instead. Undoing
 *     an annotation's creation hides its thread, comments included, and redo
 *     brings them back: nothing is lost.
 *
 * Review mode ("review-mode"): the canvas turns read-only except for
 * annotations and comments. Item edits must call
 * slv_review_check_item_edit() first; it fails with SLV_REVIEW_ERROR_READ_ONLY
 * and a message to show. Annotation and comment commands keep working.
 *
 * Every write is one store transaction; models update synchronously after
 * it, then "changed" is emitted (recount filter chips there). Call
 * slv_review_reload() after the board changed elsewhere (sync, an item
 * deleted or restored).
 */
#pragma once

#include <glib-object.h>

#include "store/slv-store.h"
#include "core/slv-review-error.h"
#include "core/slv-review-record.h"
#include "slv-review-comment.h"
#include "slv-review-thread.h"

G_BEGIN_DECLS

typedef enum
{
  SLV_REVIEW_FILTER_ALL,
  SLV_REVIEW_FILTER_OPEN,          /* status open */
  SLV_REVIEW_FILTER_RESOLVED,      /* status resolved */
  SLV_REVIEW_FILTER_MINE,          /* the user made the annotation */
  SLV_REVIEW_FILTER_MENTIONS_ME,   /* someone @mentioned the user in it */
  SLV_REVIEW_FILTER_STATUS,        /* status equals "status-filter" */
} SlvReviewFilter;

#define SLV_TYPE_REVIEW_FILTER (slv_review_filter_get_type ())
GType slv_review_filter_get_type (void) G_GNUC_CONST;

/* Where an item's content lies now, for annotations attached to it. The
 * canvas can supply live frames; by default they are read from the store. */
typedef gboolean (*SlvReviewFrameFunc) (const char   *item_id,
                                        SlvItemFrame *frame,
                                        gpointer      user_data);

#define SLV_TYPE_REVIEW (slv_review_get_type ())
G_DECLARE_FINAL_TYPE (SlvReview, slv_review, SLV, REVIEW, GObject)

SlvReview       *slv_review_new                (SlvStore                    *store,
                                                const char                  *board_id,
                                                const char                  *user_name,
                                                GError                     **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean         slv_review_reload             (SlvReview                   *self,
                                                GError                     **error);

SlvStore        *slv_review_get_store          (SlvReview                   *self);
const char      *slv_review_get_board_id       (SlvReview                   *self);
const char      *slv_review_get_user_name      (SlvReview                   *self);
void             slv_review_set_user_name      (SlvReview                   *self,
                                                const char                  *user_name);
gboolean         slv_review_get_review_mode    (SlvReview                   *self);
void             slv_review_set_review_mode    (SlvReview                   *self,
                                                gboolean                     review_mode);
SlvReviewFilter  slv_review_get_filter         (SlvReview                   *self);
void             slv_review_set_filter         (SlvReview                   *self,
                                                SlvReviewFilter              filter);
SlvReviewStatus  slv_review_get_status_filter  (SlvReview                   *self);
void             slv_review_set_status_filter  (SlvReview                   *self,
                                                SlvReviewStatus              status);
/* Every live thread (SlvReviewThread), by number. */
GListModel      *slv_review_get_threads        (SlvReview                   *self);
/* The threads the filter lets through, by number. */
GListModel      *slv_review_get_visible        (SlvReview                   *self);
/* The selected thread's comments (SlvReviewComment), oldest first. */
GListModel      *slv_review_get_comments       (SlvReview                   *self);
guint            slv_review_get_n_open         (SlvReview                   *self);
/* Live threads with @status, e.g. for "Approved (3)". */
guint            slv_review_count_status       (SlvReview                   *self,
                                                SlvReviewStatus              status);
void             slv_review_set_frame_func     (SlvReview                   *self,
                                                SlvReviewFrameFunc           func,
                                                gpointer                     user_data,
                                                GDestroyNotify               destroy);

/* -- selection and navigation -- */

SlvReviewThread *slv_review_get_selected       (SlvReview                   *self);
SlvReviewThread *slv_review_find_thread        (SlvReview                   *self,
                                                const char                  *annotation_id);
/* Selects a thread (NULL: none) and loads its comments. */
gboolean         slv_review_select             (SlvReview                   *self,
                                                const char                  *annotation_id,
                                                GError                     **error);
/* Selects the next (or previous) open thread after the selected one, by
 * number, wrapping around; returns it, or NULL when no thread is open. */
SlvReviewThread *slv_review_select_next_open   (SlvReview                   *self,
                                                GError                     **error);
SlvReviewThread *slv_review_select_previous_open (SlvReview                 *self,
                                                GError                     **error);
/* Where a thread is on the board (what to zoom to) and where its numbered
 * marker goes. FALSE when its item or shape cannot be placed. */
gboolean         slv_review_get_thread_bounds  (SlvReview                   *self,
                                                SlvReviewThread             *thread,
                                                SlvFrameRect                *bounds);
gboolean         slv_review_get_thread_anchor  (SlvReview                   *self,
                                                SlvReviewThread             *thread,
                                                double                      *x,
                                                double                      *y);
/* The item frame an attached annotation is drawn through (TRUE for a
 * board annotation, with @frame untouched). */
gboolean         slv_review_get_thread_frame   (SlvReview                   *self,
                                                SlvReviewThread             *thread,
                                                SlvItemFrame                *frame);

/* The topmost thread whose annotation is within @tolerance board units of
 * board point (x, y) (see slv_annotation_geometry_hit()), or NULL. For
 * clicks on the overlay; pass a few screen pixels divided by the zoom. */
SlvReviewThread *slv_review_thread_at          (SlvReview                   *self,
                                                double                       x,
                                                double                       y,
                                                double                       tolerance);

/* -- review mode -- */

/* FALSE with SLV_REVIEW_ERROR_READ_ONLY while in review mode. */
gboolean         slv_review_check_item_edit    (SlvReview                   *self,
                                                GError                     **error);

/* -- undoable annotation commands -- */

/* Adds an annotation (geometry in board units, or in @item_id's content
 * coordinates when attached); NULL @color takes the kind's default.
 * Selects it and returns its id. */
char            *slv_review_add_annotation     (SlvReview                   *self,
                                                const char                  *item_id,
                                                const SlvAnnotationGeometry *geometry,
                                                const char                  *color,
                                                GError                     **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean         slv_review_move_annotation    (SlvReview                   *self,
                                                const char                  *annotation_id,
                                                const char                  *item_id,
                                                const SlvAnnotationGeometry *geometry,
                                                GError                     **error);
gboolean         slv_review_set_color          (SlvReview                   *self,
                                                const char                  *annotation_id,
                                                const char                  *color,
                                                GError                     **error);
gboolean         slv_review_delete_annotation  (SlvReview                   *self,
                                                const char                  *annotation_id,
                                                GError                     **error);
gboolean         slv_review_set_status         (SlvReview                   *self,
                                                const char                  *annotation_id,
                                                SlvReviewStatus              status,
                                                GError                     **error);
gboolean         slv_review_get_can_undo       (SlvReview                   *self);
gboolean         slv_review_get_can_redo       (SlvReview                   *self);
/* "Undo Add pin" style labels for menus and toasts; NULL if none. */
const char      *slv_review_get_undo_label     (SlvReview                   *self);
const char      *slv_review_get_redo_label     (SlvReview                   *self);
gboolean         slv_review_undo               (SlvReview                   *self,
                                                GError                     **error);
gboolean         slv_review_redo               (SlvReview                   *self,
                                                GError                     **error);

/* -- comments (not undoable, see above) -- */

/* Appends a comment to a thread and selects the thread; returns the new
 * comment's id. */
char            *slv_review_add_comment        (SlvReview                   *self,
                                                const char                  *annotation_id,
                                                const char                  *body,
                                                GError                     **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean         slv_review_edit_comment       (SlvReview                   *self,
                                                const char                  *comment_id,
                                                const char                  *body,
                                                GError                     **error);
gboolean         slv_review_delete_comment     (SlvReview                   *self,
                                                const char                  *comment_id,
                                                GError                     **error);

G_END_DECLS
