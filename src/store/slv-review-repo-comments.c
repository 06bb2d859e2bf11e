/* slv-review-repo-comments.c: comments, counts and the items review needs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-review-repo"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "slv-review-repo-private.h"
#include "core/slv-mention.h"
#include "core/slv-uuid.h"

#define COMMENT_COLUMNS \
  "c.id, c.created_at, c.updated_at, c.annotation_id, c.author, c.body, c.mentions, c.edited_at"

static SlvCommentRecord *
read_comment (sqlite3_stmt *stmt)
{
  SlvCommentRecord *r = slv_comment_record_new ();

  r->id = slv_store_column_dup_text (stmt, 0);
  r->created_at = slv_store_column_dup_text (stmt, 1);
  r->updated_at = slv_store_column_dup_text (stmt, 2);
  r->annotation_id = slv_store_column_dup_text (stmt, 3);
  r->author = slv_store_column_dup_text (stmt, 4);
  r->body = slv_store_column_dup_text (stmt, 5);
  r->mentions = slv_mentions_from_json ((const char *) sqlite3_column_text (stmt, 6));
  r->edited_at = slv_store_column_dup_text (stmt, 7);
  return r;
}

static GPtrArray *
read_comments (SlvStore    *store,
               const char  *sql,
               const char  *value,
               GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) slv_comment_record_free);
  sqlite3_stmt *stmt;
  int rc;

  slv_store_lock (store);
  stmt = slv_store_prepare (store, sql, error);
  if (stmt == NULL)
    {
      slv_store_unlock (store);
      return NULL;
    }
  review_bind_text (stmt, 1, value);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, read_comment (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      review_set_read_error (store, error);
      g_clear_pointer (&list, g_ptr_array_unref);
    }
  slv_store_unlock (store);
  return g_steal_pointer (&list);
}

GPtrArray *
slv_review_repo_list_comments (SlvStore    *store,
                               const char  *annotation_id,
                               GError     **error)
{
  g_return_val_if_fail (SLV_IS_STORE (store), NULL);
  g_return_val_if_fail (annotation_id != NULL, NULL);

  return read_comments (store,
                        "SELECT " COMMENT_COLUMNS " FROM comment c "
                        "WHERE c.annotation_id = ?1 AND c.deleted = 0 ORDER BY c.created_at, c.id",
                        annotation_id, error);
}

GPtrArray *
slv_review_repo_list_board_comments (SlvStore    *store,
                                     const char  *board_id,
                                     GError     **error)
{
  g_return_val_if_fail (SLV_IS_STORE (store), NULL);
  g_return_val_if_fail (board_id != NULL, NULL);

  return read_comments (store,
                        "SELECT " COMMENT_COLUMNS " FROM comment c "
                        "JOIN review_thread a ON a.id = c.annotation_id "
                        "WHERE a.board_id = ?1 AND c.deleted = 0 "
                        "ORDER BY a.number, a.created_at, a.id, c.created_at, c.id",
                        board_id, error);
}

static SlvCommentRecord *
read_one_comment (SlvStore    *store,
                  const char  *id,
                  GError     **error)
{
  sqlite3_stmt *stmt = slv_store_prepare (store, "SELECT " COMMENT_COLUMNS ", c.deleted FROM comment c "
                                                 "WHERE c.id = ?1", error);
  SlvCommentRecord *r = NULL;

  if (stmt == NULL)
    return NULL;
  review_bind_text (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 8) == 0)
    r = read_comment (stmt);
  else
    g_set_error (error, SLV_REVIEW_ERROR, SLV_REVIEW_ERROR_NOT_FOUND,
                 _("The comment no longer exists; it may have been deleted."));
  sqlite3_reset (stmt);
  return r;
}

typedef struct
{
  const char       *id;           /* annotation (add) or comment (edit, delete) */
  const char       *author;
  char             *body;         /* checked and trimmed; NULL to delete */
  SlvCommentRecord *result;
} CommentData;

static gboolean
add_comment_tx (SlvStore  *store,
                gpointer   data,
                GError   **error)
{
  CommentData *cd = data;
  sqlite3_stmt *stmt = slv_store_prepare (store, "SELECT brand_id FROM review_thread WHERE id = ?1", error);
  g_autofree char *brand = NULL;
  g_autofree char *id = NULL;
  g_autofree char *mentions_json = NULL;
  g_auto(GStrv) mentions = NULL;

  if (stmt == NULL)
    return FALSE;
  review_bind_text (stmt, 1, cd->id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    brand = slv_store_column_dup_text (stmt, 0);
  sqlite3_reset (stmt);
  if (brand == NULL)
    {
      g_set_error (error, SLV_REVIEW_ERROR, SLV_REVIEW_ERROR_NOT_FOUND,
                   _("The annotation no longer exists; the comment was not added."));
      return FALSE;
    }
  mentions = slv_mentions_dup_names (cd->body);
  mentions_json = slv_mentions_to_json ((const char * const *) mentions);
  if (!slv_store_insert (store, "comment", &id, error, "brand_id", brand, "annotation_id", cd->id,
                         "author", cd->author, "body", cd->body, "mentions", mentions_json, NULL))
    return FALSE;
  cd->result = read_one_comment (store, id, error);
  return cd->result != NULL;
}

SlvCommentRecord *
slv_review_repo_add_comment (SlvStore    *store,
                             const char  *annotation_id,
                             const char  *author,
                             const char  *body,
                             GError     **error)
{
  CommentData cd = { annotation_id, author, NULL, NULL };

  g_return_val_if_fail (SLV_IS_STORE (store), NULL);
  g_return_val_if_fail (annotation_id != NULL, NULL);

  if (!review_check_author (author, error) || (cd.body = review_check_body (body, error)) == NULL)
    return NULL;
  if (!slv_store_transaction (store, add_comment_tx, &cd, error))
    g_clear_pointer (&cd.result, slv_comment_record_free);
  g_free (cd.body);
  return cd.result;
}

static gboolean
change_comment_tx (SlvStore  *store,
                   gpointer   data,
                   GError   **error)
{
  CommentData *cd = data;
  g_autoptr(SlvCommentRecord) current = read_one_comment (store, cd->id, error);
  g_autofree char *now = slv_timestamp_now ();
  g_autofree char *mentions_json = NULL;
  g_auto(GStrv) mentions = NULL;
  sqlite3_stmt *stmt;

  if (current == NULL)
    return FALSE;
  if (g_strcmp0 (current->author, cd->author) != 0)
    {
      g_set_error (error, SLV_REVIEW_ERROR, SLV_REVIEW_ERROR_NOT_AUTHOR,
                   cd->body ? _("Only %s can edit this comment; reply instead.")
                            : _("Only %s can delete this comment."), current->author);
      return FALSE;
    }
  if (cd->body == NULL)
    stmt = slv_store_prepare (store, "UPDATE comment SET deleted = 1, updated_at = ?2 WHERE id = ?1", error);
  else if (g_str_equal (cd->body, current->body))
    return TRUE;
  else
    stmt = slv_store_prepare (store, "UPDATE comment SET body = ?3, mentions = ?4, edited_at = ?2, "
                                     "updated_at = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  review_bind_text (stmt, 1, cd->id);
  review_bind_text (stmt, 2, now);
  if (cd->body != NULL)
    {
      mentions = slv_mentions_dup_names (cd->body);
      mentions_json = slv_mentions_to_json ((const char * const *) mentions);
      review_bind_text (stmt, 3, cd->body);
      review_bind_text (stmt, 4, mentions_json);
    }
  return slv_store_step_done (store, stmt, error);
}

gboolean
slv_review_repo_edit_comment (SlvStore    *store,
                              const char  *comment_id,
                              const char  *author,
                              const char  *body,
                              GError     **error)
{
  CommentData cd = { comment_id, author, NULL, NULL };
  gboolean ok;

  g_return_val_if_fail (SLV_IS_STORE (store), FALSE);
  g_return_val_if_fail (comment_id != NULL, FALSE);

  if (!review_check_author (author, error) || (cd.body = review_check_body (body, error)) == NULL)
    return FALSE;
  ok = slv_store_transaction (store, change_comment_tx, &cd, error);
  g_free (cd.body);
  return ok;
}

gboolean
slv_review_repo_delete_comment (SlvStore    *store,
                                const char  *comment_id,
                                const char  *author,
                                GError     **error)
{
  CommentData cd = { comment_id, author, NULL, NULL };

  g_return_val_if_fail (SLV_IS_STORE (store), FALSE);
  g_return_val_if_fail (comment_id != NULL, FALSE);

  if (!review_check_author (author, error))
    return FALSE;
  return slv_store_transaction (store, change_comment_tx, &cd, error);
}

/* -- counts -- */

gboolean
slv_review_repo_count_by_status (SlvStore    *store,
                                 const char  *board_id,
                                 guint        counts[SLV_REVIEW_N_STATUSES],
                                 GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SLV_IS_STORE (store), FALSE);
  g_return_val_if_fail (board_id != NULL && counts != NULL, FALSE);

  memset (counts, 0, sizeof (guint) * SLV_REVIEW_N_STATUSES);
  slv_store_lock (store);
  stmt = slv_store_prepare (store, "SELECT status, count(*) FROM review_thread WHERE board_id = ?1 "
                                   "GROUP BY status", error);
  if (stmt == NULL)
    {
      slv_store_unlock (store);
      return FALSE;
    }
  review_bind_text (stmt, 1, board_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SlvReviewStatus s;

      if (slv_review_status_from_string ((const char *) sqlite3_column_text (stmt, 0), &s))
        counts[s] = sqlite3_column_int (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    review_set_read_error (store, error);
  slv_store_unlock (store);
  return rc == SQLITE_DONE;
}

GHashTable *
slv_review_repo_count_open_threads (SlvStore  *store,
                                    GError   **error)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SLV_IS_STORE (store), NULL);

  slv_store_lock (store);
  stmt = slv_store_prepare (store, "SELECT board_id, open_threads FROM board_open_threads", error);
  if (stmt == NULL)
    {
      slv_store_unlock (store);
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (counts, slv_store_column_dup_text (stmt, 0),
                         GUINT_TO_POINTER (sqlite3_column_int (stmt, 1)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      review_set_read_error (store, error);
      g_clear_pointer (&counts, g_hash_table_unref);
    }
  slv_store_unlock (store);
  return g_steal_pointer (&counts);
}

/* -- items -- */

#define ITEM_SELECT \
  "SELECT id, kind, x, y, w, h, rotation, flip_h, flip_v, crop, blob, color, text, " \
  "opacity, grayscale FROM board_item "

static SlvReviewItem *
read_item (sqlite3_stmt *stmt)
{
  g_autoptr(SlvReviewItem) item = g_new0 (SlvReviewItem, 1);
  SlvItemFrame *f = &item->frame;

  item->id = slv_store_column_dup_text (stmt, 0);
  item->kind = slv_store_column_dup_text (stmt, 1);
  slv_item_frame_init (f, sqlite3_column_double (stmt, 2), sqlite3_column_double (stmt, 3),
                       sqlite3_column_double (stmt, 4), sqlite3_column_double (stmt, 5));
  f->rotation = sqlite3_column_double (stmt, 6);
  f->flip_h = sqlite3_column_int (stmt, 7) != 0;
  f->flip_v = sqlite3_column_int (stmt, 8) != 0;
  if (!slv_item_frame_set_crop_text (f, (const char *) sqlite3_column_text (stmt, 9), NULL) ||
      !slv_item_frame_is_valid (f))
    return NULL;
  item->blob = slv_store_column_dup_text (stmt, 10);
  item->color = slv_store_column_dup_text (stmt, 11);
  item->text = slv_store_column_dup_text (stmt, 12);
  item->opacity = sqlite3_column_double (stmt, 13);
  item->grayscale = sqlite3_column_int (stmt, 14) != 0;
  return g_steal_pointer (&item);
}

GPtrArray *
slv_review_repo_list_items (SlvStore    *store,
                            const char  *board_id,
                            GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) slv_review_item_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SLV_IS_STORE (store), NULL);
  g_return_val_if_fail (board_id != NULL, NULL);

  slv_store_lock (store);
  stmt = slv_store_prepare (store, ITEM_SELECT "WHERE board_id = ?1 AND deleted = 0 AND kind != 'group' "
                                   "ORDER BY z, id", error);
  if (stmt == NULL)
    {
      slv_store_unlock (store);
      return NULL;
    }
  review_bind_text (stmt, 1, board_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SlvReviewItem *item = read_item (stmt);

      if (item != NULL)
        g_ptr_array_add (list, item);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      review_set_read_error (store, error);
      g_clear_pointer (&list, g_ptr_array_unref);
    }
  slv_store_unlock (store);
  return g_steal_pointer (&list);
}

gboolean
slv_review_repo_get_item_frame (SlvStore      *store,
                                const char    *item_id,
                                SlvItemFrame  *frame,
                                GError       **error)
{
  g_autoptr(SlvReviewItem) item = NULL;
  sqlite3_stmt *stmt;
  gboolean found;

  g_return_val_if_fail (SLV_IS_STORE (store), FALSE);
  g_return_val_if_fail (item_id != NULL && frame != NULL, FALSE);

  slv_store_lock (store);
  stmt = slv_store_prepare (store, ITEM_SELECT "WHERE id = ?1 AND deleted = 0", error);
  if (stmt == NULL)
    {
      slv_store_unlock (store);
      return FALSE;
    }
  review_bind_text (stmt, 1, item_id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  if (found)
    item = read_item (stmt);
  sqlite3_reset (stmt);
  slv_store_unlock (store);
  if (item == NULL)
    {
      g_set_error (error, SLV_REVIEW_ERROR, SLV_REVIEW_ERROR_NOT_FOUND,
                   found ? _("The item’s place on the board is damaged; move it to repair it.")
                         : _("The item is not on the board any more."));
      return FALSE;
    }
  *frame = item->frame;
  return TRUE;
}
