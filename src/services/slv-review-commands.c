/* slv-review-commands.c: what people do in a review, and undo/redo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An undoable command keeps the annotation's mutable fields before and
 * after it (SlvAnnotationState); undo writes "before" back if the fields it
 * changed still hold "after", redo the reverse (slv_review_repo_apply_state,
 * one transaction each). See slv-review.h for what is and is not undoable.
 */
#define G_LOG_DOMAIN "slv-review"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "slv-review-private.h"
#include "store/slv-review-repo.h"

void
slv_review_command_free (SlvReviewCommand *command)
{
  if (command == NULL)
    return;
  g_free (command->label);
  g_free (command->annotation_id);
  slv_annotation_state_free (command->before);
  slv_annotation_state_free (command->after);
  g_free (command);
}

/* Records a done command; takes @before and @after. */
static void
push_command (SlvReview          *self,
              const char         *label,
              const char         *annotation_id,
              SlvAnnotationState *before,
              SlvAnnotationState *after)
{
  SlvReviewCommand *command;

  if (slv_annotation_state_diff (before, after) == 0)
    {
      slv_annotation_state_free (before);
      slv_annotation_state_free (after);
      return;
    }
  command = g_new0 (SlvReviewCommand, 1);
  command->label = g_strdup (label);
  command->annotation_id = g_strdup (annotation_id);
  command->before = before;
  command->after = after;
  g_ptr_array_add (slv_review_get_undo_stack (self), command);
  g_ptr_array_set_size (slv_review_get_redo_stack (self), 0);
  slv_review_history_changed (self);
}

static const char *
add_label (SlvAnnotationKind kind)
{
  switch (kind)
    {
    case SLV_ANNOTATION_PIN:
      return _("Add pin");
    case SLV_ANNOTATION_INK:
      return _("Add ink");
    case SLV_ANNOTATION_ARROW:
      return _("Add arrow");
    case SLV_ANNOTATION_RECT:
      return _("Add rectangle");
    case SLV_ANNOTATION_ELLIPSE:
      return _("Add ellipse");
    case SLV_ANNOTATION_HIGHLIGHT:
    default:
      return _("Add highlight");
    }
}

static char *
status_label (SlvReviewStatus  status,
              const char      *thread_label)
{
  switch (status)
    {
    case SLV_REVIEW_STATUS_OPEN:
      return g_strdup_printf (_("Reopen thread %s"), thread_label);
    case SLV_REVIEW_STATUS_APPROVED:
      return g_strdup_printf (_("Approve thread %s"), thread_label);
    case SLV_REVIEW_STATUS_REJECTED:
      return g_strdup_printf (_("Reject thread %s"), thread_label);
    case SLV_REVIEW_STATUS_ON_HOLD:
      return g_strdup_printf (_("Put thread %s on hold"), thread_label);
    case SLV_REVIEW_STATUS_RESOLVED:
    default:
      return g_strdup_printf (_("Resolve thread %s"), thread_label);
    }
}

char *
slv_review_add_annotation (SlvReview                    *self,
                           const char                   *item_id,
                           const SlvAnnotationGeometry  *geometry,
                           const char                   *color,
                           GError                      **error)
{
  g_autoptr(SlvAnnotationRecord) r = slv_annotation_record_new ();
  SlvAnnotationState *after, *before;

  g_return_val_if_fail (SLV_IS_REVIEW (self), NULL);
  g_return_val_if_fail (geometry != NULL, NULL);

  r->board_id = g_strdup (slv_review_get_board_id (self));
  r->item_id = g_strdup (item_id);
  r->geometry = slv_annotation_geometry_copy (geometry);
  r->color = g_strdup (color);
  r->author = g_strdup (slv_review_get_user_name (self));
  if (!slv_review_repo_add_annotation (slv_review_get_store (self), r, error))
    return NULL;
  after = slv_annotation_state_new_from_record (r, FALSE);
  before = slv_annotation_state_new_from_record (r, TRUE);
  push_command (self, add_label (geometry->kind), r->id, before, after);
  if (!slv_review_refresh (self, error) || !slv_review_select (self, r->id, error))
    return NULL;
  return g_steal_pointer (&r->id);
}

typedef gboolean (*EditFunc) (SlvStore    *store,
                              const char  *annotation_id,
                              gconstpointer data,
                              GError     **error);

/* Snapshot, write, snapshot, record: the shape of every undoable edit. */
static gboolean
undoable_edit (SlvReview      *self,
               const char     *annotation_id,
               const char     *label,
               EditFunc        edit,
               gconstpointer   data,
               GError        **error)
{
  SlvStore *store = slv_review_get_store (self);
  g_autoptr(SlvAnnotationState) before = NULL;
  SlvAnnotationState *after;
  g_autofree char *id = g_strdup (annotation_id);

  g_return_val_if_fail (SLV_IS_REVIEW (self), FALSE);
  g_return_val_if_fail (annotation_id != NULL, FALSE);

  if (slv_review_find_thread (self, id) == NULL)
    {
      g_set_error (error, SLV_REVIEW_ERROR, SLV_REVIEW_ERROR_NOT_FOUND,
                   _("The annotation is not on this board any more."));
      return FALSE;
    }
  if ((before = slv_review_repo_get_state (store, id, error)) == NULL ||
      !edit (store, id, data, error) ||
      (after = slv_review_repo_get_state (store, id, error)) == NULL)
    {
      /* The write failed or was refused; the models may still be stale
       * after a concurrent change, so re-read them anyway. */
      slv_review_refresh (self, NULL);
      return FALSE;
    }
  push_command (self, label, id, g_steal_pointer (&before), after);
  return slv_review_refresh (self, error);
}

typedef struct
{
  const char                  *item_id;
  const SlvAnnotationGeometry *geometry;
} AnchorData;

static gboolean
edit_anchor (SlvStore      *store,
             const char    *id,
             gconstpointer  data,
             GError       **error)
{
  const AnchorData *ad = data;

  return slv_review_repo_set_anchor (store, id, ad->item_id, ad->geometry, error);
}

static gboolean
edit_color (SlvStore      *store,
            const char    *id,
            gconstpointer  data,
            GError       **error)
{
  return slv_review_repo_set_color (store, id, data, error);
}

static gboolean
edit_delete (SlvStore      *store,
             const char    *id,
             gconstpointer  data,
             GError       **error)
{
  return slv_review_repo_set_deleted (store, id, TRUE, error);
}

typedef struct
{
  SlvReviewStatus  status;
  const char      *by;
} StatusData;

static gboolean
edit_status (SlvStore      *store,
             const char    *id,
             gconstpointer  data,
             GError       **error)
{
  const StatusData *sd = data;

  return slv_review_repo_set_status (store, id, sd->status, sd->by, error);
}

gboolean
slv_review_move_annotation (SlvReview                    *self,
                            const char                   *annotation_id,
                            const char                   *item_id,
                            const SlvAnnotationGeometry  *geometry,
                            GError                      **error)
{
  AnchorData ad = { item_id, geometry };

  return undoable_edit (self, annotation_id, _("Move annotation"), edit_anchor, &ad, error);
}

gboolean
slv_review_set_color (SlvReview   *self,
                      const char  *annotation_id,
                      const char  *color,
                      GError     **error)
{
  return undoable_edit (self, annotation_id, _("Change annotation colour"), edit_color, color, error);
}

gboolean
slv_review_delete_annotation (SlvReview   *self,
                              const char  *annotation_id,
                              GError     **error)
{
  return undoable_edit (self, annotation_id, _("Delete annotation"), edit_delete, NULL, error);
}

gboolean
slv_review_set_status (SlvReview        *self,
                       const char       *annotation_id,
                       SlvReviewStatus   status,
                       GError          **error)
{
  StatusData sd = { status, NULL };
  SlvReviewThread *thread;
  g_autofree char *label = NULL;

  g_return_val_if_fail (SLV_IS_REVIEW (self), FALSE);
  g_return_val_if_fail (annotation_id != NULL, FALSE);

  sd.by = slv_review_get_user_name (self);
  thread = slv_review_find_thread (self, annotation_id);
  label = status_label (status, thread ? slv_review_thread_get_label (thread) : "");
  return undoable_edit (self, annotation_id, label, edit_status, &sd, error);
}

/* -- undo and redo -- */

gboolean
slv_review_get_can_undo (SlvReview *self)
{
  g_return_val_if_fail (SLV_IS_REVIEW (self), FALSE);
  return slv_review_get_undo_stack (self)->len > 0;
}

gboolean
slv_review_get_can_redo (SlvReview *self)
{
  g_return_val_if_fail (SLV_IS_REVIEW (self), FALSE);
  return slv_review_get_redo_stack (self)->len > 0;
}

static const char *
top_label (GPtrArray *stack)
{
  return stack->len ? ((SlvReviewCommand *) stack->pdata[stack->len - 1])->label : NULL;
}

const char *
slv_review_get_undo_label (SlvReview *self)
{
  g_return_val_if_fail (SLV_IS_REVIEW (self), NULL);
  return top_label (slv_review_get_undo_stack (self));
}

const char *
slv_review_get_redo_label (SlvReview *self)
{
  g_return_val_if_fail (SLV_IS_REVIEW (self), NULL);
  return top_label (slv_review_get_redo_stack (self));
}

/* Moves the top command of @from to @to, applying it backwards (undo) or
 * forwards (redo). A command that no longer fits — sync changed the same
 * fields — is dropped, so it never overwrites a colleague's edit. */
static gboolean
replay (SlvReview  *self,
        GPtrArray  *from,
        GPtrArray  *to,
        gboolean    forward,
        GError    **error)
{
  SlvReviewCommand *command;
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  if (from->len == 0)
    {
      g_set_error (error, SLV_REVIEW_ERROR, SLV_REVIEW_ERROR_NOTHING,
                   forward ? _("There is nothing to redo.") : _("There is nothing to undo."));
      return FALSE;
    }
  command = g_ptr_array_steal_index (from, from->len - 1);
  ok = slv_review_repo_apply_state (slv_review_get_store (self), command->annotation_id,
                                    forward ? command->before : command->after,
                                    forward ? command->after : command->before, &local_error);
  if (ok)
    g_ptr_array_add (to, command);
  else if (g_error_matches (local_error, SLV_REVIEW_ERROR, SLV_REVIEW_ERROR_CHANGED) ||
           g_error_matches (local_error, SLV_REVIEW_ERROR, SLV_REVIEW_ERROR_NOT_FOUND))
    slv_review_command_free (command);
  else
    g_ptr_array_add (from, command);   /* e.g. disk full: it can be retried */
  slv_review_history_changed (self);
  if (!slv_review_refresh (self, ok ? error : NULL) || !ok)
    {
      if (!ok)
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

gboolean
slv_review_undo (SlvReview  *self,
                 GError    **error)
{
  g_return_val_if_fail (SLV_IS_REVIEW (self), FALSE);
  return replay (self, slv_review_get_undo_stack (self), slv_review_get_redo_stack (self), FALSE, error);
}

gboolean
slv_review_redo (SlvReview  *self,
                 GError    **error)
{
  g_return_val_if_fail (SLV_IS_REVIEW (self), FALSE);
  return replay (self, slv_review_get_redo_stack (self), slv_review_get_undo_stack (self), TRUE, error);
}

/* -- comments -- */

char *
slv_review_add_comment (SlvReview   *self,
                        const char  *annotation_id,
                        const char  *body,
                        GError     **error)
{
  g_autoptr(SlvCommentRecord) c = NULL;
  g_autofree char *id = g_strdup (annotation_id);

  g_return_val_if_fail (SLV_IS_REVIEW (self), NULL);
  g_return_val_if_fail (annotation_id != NULL, NULL);

  if (slv_review_find_thread (self, id) == NULL)
    {
      g_set_error (error, SLV_REVIEW_ERROR, SLV_REVIEW_ERROR_NOT_FOUND,
                   _("The annotation is not on this board any more."));
      return NULL;
    }
  c = slv_review_repo_add_comment (slv_review_get_store (self), id,
                                   slv_review_get_user_name (self), body, error);
  if (c == NULL)
    return NULL;
  if (!slv_review_refresh (self, error) || !slv_review_select (self, id, error))
    return NULL;
  return g_steal_pointer (&c->id);
}

gboolean
slv_review_edit_comment (SlvReview   *self,
                         const char  *comment_id,
                         const char  *body,
                         GError     **error)
{
  g_return_val_if_fail (SLV_IS_REVIEW (self), FALSE);
  g_return_val_if_fail (comment_id != NULL, FALSE);

  if (!slv_review_repo_edit_comment (slv_review_get_store (self), comment_id,
                                     slv_review_get_user_name (self), body, error))
    return FALSE;
  return slv_review_refresh (self, error);
}

gboolean
slv_review_delete_comment (SlvReview   *self,
                           const char  *comment_id,
                           GError     **error)
{
  g_return_val_if_fail (SLV_IS_REVIEW (self), FALSE);
  g_return_val_if_fail (comment_id != NULL, FALSE);

  if (!slv_review_repo_delete_comment (slv_review_get_store (self), comment_id,
                                       slv_review_get_user_name (self), error))
    return FALSE;
  return slv_review_refresh (self, error);
}
