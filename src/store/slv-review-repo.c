/* slv-review-repo.c: annotations and their threads.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-review-repo"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "slv-review-repo-private.h"
#include "core/slv-mention.h"
#include "core/slv-uuid.h"

#define THREAD_SELECT \
  "SELECT " REVIEW_ANNOTATION_COLUMNS ", " \
  "(SELECT count(*) FROM comment c WHERE c.annotation_id = a.id AND c.deleted = 0), " \
  "(SELECT c.body FROM comment c WHERE c.annotation_id = a.id AND c.deleted = 0 " \
  "   ORDER BY c.created_at, c.id LIMIT 1), " \
  "(SELECT max(c.created_at) FROM comment c WHERE c.annotation_id = a.id AND c.deleted = 0) " \
  "FROM review_thread a "

/* -- shared helpers -- */

void
review_bind_text (sqlite3_stmt *stmt,
                  int           index,
                  const char   *value)
{
  if (value == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT);
}

void
review_set_read_error (SlvStore  *store,
                       GError   **error)
{
  slv_store_set_error (store, error, _("Could not read the review threads"));
}

SlvAnnotationRecord *
review_read_annotation (sqlite3_stmt *stmt)
{
  SlvAnnotationRecord *r = slv_annotation_record_new ();
  g_autoptr(GError) local_error = NULL;
  const char *geometry;

  r->id = slv_store_column_dup_text (stmt, 0);
  r->created_at = slv_store_column_dup_text (stmt, 1);
  r->updated_at = slv_store_column_dup_text (stmt, 2);
  r->board_id = slv_store_column_dup_text (stmt, 3);
  r->item_id = slv_store_column_dup_text (stmt, 4);
  /* The schema's CHECKs hold kind and status to known values. */
  slv_annotation_kind_from_string ((const char *) sqlite3_column_text (stmt, 5), &r->kind);
  geometry = (const char *) sqlite3_column_text (stmt, 6);
  r->geometry = slv_annotation_geometry_from_json (r->kind, geometry, &local_error);
  if (r->geometry == NULL)
    g_debug ("Annotation %s: %s", r->id, local_error->message);
  r->color = slv_store_column_dup_text (stmt, 7);
  slv_review_status_from_string ((const char *) sqlite3_column_text (stmt, 8), &r->status);
  r->status_by = slv_store_column_dup_text (stmt, 9);
  r->status_at = slv_store_column_dup_text (stmt, 10);
  r->number = sqlite3_column_int64 (stmt, 11);
  r->author = slv_store_column_dup_text (stmt, 12);
  return r;
}

char *
review_check_body (const char  *body,
                   GError     **error)
{
  g_autofree char *copy = NULL;

  if (body == NULL || !g_utf8_validate (body, -1, NULL))
    {
      g_set_error (error, SLV_REVIEW_ERROR, SLV_REVIEW_ERROR_INVALID,
                   _("The comment is not valid text."));
      return NULL;
    }
  copy = g_strstrip (g_strdup (body));
  if (*copy == '\0')
    {
      g_set_error (error, SLV_REVIEW_ERROR, SLV_REVIEW_ERROR_INVALID,
                   _("The comment is empty; write something first."));
      return NULL;
    }
  if (g_utf8_strlen (copy, -1) > SLV_REVIEW_MAX_BODY_CHARS)
    {
      g_set_error (error, SLV_REVIEW_ERROR, SLV_REVIEW_ERROR_INVALID,
                   _("The comment is longer than %d characters; shorten it or split it "
                     "into several comments."), SLV_REVIEW_MAX_BODY_CHARS);
      return NULL;
    }
  return g_steal_pointer (&copy);
}

gboolean
review_check_author (const char  *author,
                     GError     **error)
{
  g_autofree char *trimmed = author ? g_strstrip (g_strdup (author)) : NULL;

  if (trimmed == NULL || *trimmed == '\0' || !g_utf8_validate (author, -1, NULL))
    {
      g_set_error (error, SLV_REVIEW_ERROR, SLV_REVIEW_ERROR_NO_AUTHOR,
                   _("Set your name in Preferences first, so others know who wrote it."));
      return FALSE;
    }
  return TRUE;
}

/* -- reading threads -- */

static void
add_mentions (SlvAnnotationRecord *r,
              const char          *json)
{
  g_auto(GStrv) found = slv_mentions_from_json (json);
  g_autoptr(GPtrArray) all = g_ptr_array_new ();

  for (guint i = 0; r->mentions != NULL && r->mentions[i] != NULL; i++)
    g_ptr_array_add (all, r->mentions[i]);
  for (guint i = 0; found[i] != NULL; i++)
    if (r->mentions == NULL || !g_strv_contains ((const char * const *) r->mentions, found[i]))
      g_ptr_array_add (all, found[i]);
  if (all->len == (r->mentions ? g_strv_length (r->mentions) : 0))
    return;
  g_ptr_array_add (all, NULL);
  {
    char **merged = g_strdupv ((char **) all->pdata);

    g_strfreev (r->mentions);
    r->mentions = merged;
  }
}

static GPtrArray *
read_threads (SlvStore    *store,
              const char  *where,
              const char  *value,
              GError     **error)
{
  g_autofree char *sql = g_strdup_printf (THREAD_SELECT "WHERE %s = ?1 "
                                          "ORDER BY a.number, a.created_at, a.id", where);
  g_autofree char *msql = g_strdup_printf ("SELECT c.annotation_id, c.mentions FROM comment c "
                                           "JOIN review_thread a ON a.id = c.annotation_id "
                                           "WHERE %s = ?1 AND c.deleted = 0 AND c.mentions != '[]' "
                                           "ORDER BY c.created_at, c.id", where);
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) slv_annotation_record_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  sqlite3_stmt *stmt;
  int rc;

  slv_store_lock (store);
  if ((stmt = slv_store_prepare (store, sql, error)) == NULL)
    goto fail;
  review_bind_text (stmt, 1, value);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SlvAnnotationRecord *r = review_read_annotation (stmt);
      const char *body = (const char *) sqlite3_column_text (stmt, REVIEW_ANNOTATION_N_COLUMNS + 1);

      r->n_comments = sqlite3_column_int (stmt, REVIEW_ANNOTATION_N_COLUMNS);
      r->first_line = body ? slv_review_first_line (body, SLV_REVIEW_FIRST_LINE_CHARS) : NULL;
      r->last_activity = slv_store_column_dup_text (stmt, REVIEW_ANNOTATION_N_COLUMNS + 2);
      g_ptr_array_add (list, r);
      g_hash_table_insert (by_id, r->id, r);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    goto read_error;

  if ((stmt = slv_store_prepare (store, msql, error)) == NULL)
    goto fail;
  review_bind_text (stmt, 1, value);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SlvAnnotationRecord *r = g_hash_table_lookup (by_id, sqlite3_column_text (stmt, 0));

      if (r != NULL)
        add_mentions (r, (const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    goto read_error;
  slv_store_unlock (store);
  return g_steal_pointer (&list);

read_error:
  review_set_read_error (store, error);
fail:
  slv_store_unlock (store);
  return NULL;
}

GPtrArray *
slv_review_repo_list_threads (SlvStore    *store,
                              const char  *board_id,
                              GError     **error)
{
  g_return_val_if_fail (SLV_IS_STORE (store), NULL);
  g_return_val_if_fail (board_id != NULL, NULL);

  return read_threads (store, "a.board_id", board_id, error);
}

SlvAnnotationRecord *
slv_review_repo_get_thread (SlvStore    *store,
                            const char  *annotation_id,
                            GError     **error)
{
  g_autoptr(GPtrArray) list = NULL;

  g_return_val_if_fail (SLV_IS_STORE (store), NULL);
  g_return_val_if_fail (annotation_id != NULL, NULL);

  list = read_threads (store, "a.id", annotation_id, error);
  if (list == NULL)
    return NULL;
  if (list->len == 0)
    {
      g_set_error (error, SLV_REVIEW_ERROR, SLV_REVIEW_ERROR_NOT_FOUND,
                   _("The annotation no longer exists; it may have been deleted."));
      return NULL;
    }
  return g_ptr_array_steal_index (list, 0);
}

/* -- checks inside write transactions -- */

/* The brand of a live board, or NULL with an error. */
static char *
live_board_brand (SlvStore    *store,
                  const char  *board_id,
                  GError     **error)
{
  sqlite3_stmt *stmt = slv_store_prepare (store, "SELECT brand_id FROM board WHERE id = ?1 AND deleted = 0", error);
  char *brand = NULL;

  if (stmt == NULL)
    return NULL;
  review_bind_text (stmt, 1, board_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    brand = slv_store_column_dup_text (stmt, 0);
  else
    g_set_error (error, SLV_REVIEW_ERROR, SLV_REVIEW_ERROR_NOT_FOUND,
                 _("The board no longer exists; it may have been deleted."));
  sqlite3_reset (stmt);
  return brand;
}

/* The item is live and on @board_id. */
static gboolean
check_item (SlvStore    *store,
            const char  *board_id,
            const char  *item_id,
            GError     **error)
{
  sqlite3_stmt *stmt = slv_store_prepare (store, "SELECT board_id FROM board_item WHERE id = ?1 AND deleted = 0", error);
  gboolean ok;

  if (stmt == NULL)
    return FALSE;
  review_bind_text (stmt, 1, item_id);
  ok = sqlite3_step (stmt) == SQLITE_ROW &&
       g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), board_id) == 0;
  sqlite3_reset (stmt);
  if (!ok)
    g_set_error (error, SLV_REVIEW_ERROR, SLV_REVIEW_ERROR_NOT_FOUND,
                 _("The item to annotate is not on this board any more."));
  return ok;
}

static gboolean
check_anchor (const char                   *item_id,
              const SlvAnnotationGeometry  *geometry,
              GError                      **error)
{
  if (geometry == NULL)
    {
      g_set_error (error, SLV_REVIEW_ERROR, SLV_REVIEW_ERROR_INVALID,
                   _("The annotation has no shape."));
      return FALSE;
    }
  if (!slv_annotation_geometry_validate (geometry, error))
    return FALSE;
  if ((item_id != NULL) != geometry->in_item)
    {
      g_set_error (error, SLV_REVIEW_ERROR, SLV_REVIEW_ERROR_INVALID,
                   item_id ? _("An annotation attached to an item needs its points in the item’s coordinates.")
                           : _("An annotation on the board needs its points in board coordinates."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_color (const char  *color,
             GError     **error)
{
  if (slv_annotation_colour_lookup (color, NULL))
    return TRUE;
  g_set_error (error, SLV_REVIEW_ERROR, SLV_REVIEW_ERROR_INVALID,
               _("“%s” is not one of the annotation colours."), color ? color : "");
  return FALSE;
}

/* The board and kind of a live annotation. */
static gboolean
live_annotation (SlvStore           *store,
                 const char         *id,
                 char              **board_id,
                 SlvAnnotationKind  *kind,
                 SlvReviewStatus    *status,
                 GError            **error)
{
  sqlite3_stmt *stmt = slv_store_prepare (store, "SELECT board_id, kind, status FROM review_thread "
                                                 "WHERE id = ?1", error);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  review_bind_text (stmt, 1, id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  if (found)
    {
      if (board_id != NULL)
        *board_id = slv_store_column_dup_text (stmt, 0);
      if (kind != NULL)
        slv_annotation_kind_from_string ((const char *) sqlite3_column_text (stmt, 1), kind);
      if (status != NULL)
        slv_review_status_from_string ((const char *) sqlite3_column_text (stmt, 2), status);
    }
  sqlite3_reset (stmt);
  if (!found)
    g_set_error (error, SLV_REVIEW_ERROR, SLV_REVIEW_ERROR_NOT_FOUND,
                 _("The annotation no longer exists; it may have been deleted."));
  return found;
}

/* -- adding -- */

static gboolean
next_number (SlvStore    *store,
             const char  *board_id,
             gint64      *number,
             GError     **error)
{
  sqlite3_stmt *stmt = slv_store_prepare (store, "SELECT coalesce(max(number), 0) + 1 FROM annotation "
                                                 "WHERE board_id = ?1", error);
  gboolean ok;

  if (stmt == NULL)
    return FALSE;
  review_bind_text (stmt, 1, board_id);
  ok = sqlite3_step (stmt) == SQLITE_ROW;
  if (ok)
    *number = sqlite3_column_int64 (stmt, 0);
  else
    review_set_read_error (store, error);
  sqlite3_reset (stmt);
  return ok;
}

static gboolean
add_annotation_tx (SlvStore  *store,
                   gpointer   data,
                   GError   **error)
{
  SlvAnnotationRecord *r = data;
  g_autofree char *brand = NULL;
  g_autofree char *geometry = NULL;
  g_autofree char *number = NULL;
  g_autofree char *id = NULL;
  g_autofree char *now = slv_timestamp_now ();

  if ((brand = live_board_brand (store, r->board_id, error)) == NULL)
    return FALSE;
  if (r->item_id != NULL && !check_item (store, r->board_id, r->item_id, error))
    return FALSE;
  if (!next_number (store, r->board_id, &r->number, error))
    return FALSE;
  geometry = slv_annotation_geometry_to_json (r->geometry);
  number = g_strdup_printf ("%" G_GINT64_FORMAT, r->number);
  if (!slv_store_insert (store, "annotation", &id, error,
                         "brand_id", brand, "board_id", r->board_id, "item_id", r->item_id,
                         "kind", slv_annotation_kind_to_string (r->geometry->kind),
                         "geometry", geometry, "color", r->color, "status", "open",
                         "number", number, "author", r->author,
                         "created_at", now, "updated_at", now, NULL))
    return FALSE;
  g_free (r->id);
  r->id = g_steal_pointer (&id);
  g_free (r->created_at);
  r->created_at = g_strdup (now);
  g_free (r->updated_at);
  r->updated_at = g_strdup (now);
  return TRUE;
}

gboolean
slv_review_repo_add_annotation (SlvStore             *store,
                                SlvAnnotationRecord  *record,
                                GError              **error)
{
  g_return_val_if_fail (SLV_IS_STORE (store), FALSE);
  g_return_val_if_fail (record != NULL && record->board_id != NULL, FALSE);

  if (record->color == NULL && record->geometry != NULL)
    record->color = g_strdup (slv_annotation_kind_default_colour (record->geometry->kind));
  if (!check_anchor (record->item_id, record->geometry, error) ||
      !check_color (record->color, error) || !review_check_author (record->author, error))
    return FALSE;
  record->kind = record->geometry->kind;
  record->status = SLV_REVIEW_STATUS_OPEN;
  g_clear_pointer (&record->status_by, g_free);
  g_clear_pointer (&record->status_at, g_free);
  return slv_store_transaction (store, add_annotation_tx, record, error);
}

/* -- field groups -- */

static gboolean
write_group (SlvStore                  *store,
             const char                *id,
             SlvAnnotationFields        group,
             const SlvAnnotationState  *s,
             GError                   **error)
{
  g_autofree char *now = slv_timestamp_now ();
  sqlite3_stmt *stmt;
  const char *sql;

  switch (group)
    {
    case SLV_ANNOTATION_FIELD_DELETED:
      sql = "UPDATE annotation SET deleted = ?2, updated_at = ?3 WHERE id = ?1";
      break;
    case SLV_ANNOTATION_FIELD_ANCHOR:
      sql = "UPDATE annotation SET item_id = ?2, geometry = ?3, updated_at = ?4 WHERE id = ?1";
      break;
    case SLV_ANNOTATION_FIELD_COLOR:
      sql = "UPDATE annotation SET color = ?2, updated_at = ?3 WHERE id = ?1";
      break;
    case SLV_ANNOTATION_FIELD_STATUS:
      sql = "UPDATE annotation SET status = ?2, status_by = ?3, status_at = ?4, updated_at = ?5 WHERE id = ?1";
      break;
    default:
      g_return_val_if_reached (FALSE);
    }
  if ((stmt = slv_store_prepare (store, sql, error)) == NULL)
    return FALSE;
  review_bind_text (stmt, 1, id);
  switch (group)
    {
    case SLV_ANNOTATION_FIELD_DELETED:
      sqlite3_bind_int (stmt, 2, s->deleted ? 1 : 0);
      review_bind_text (stmt, 3, now);
      break;
    case SLV_ANNOTATION_FIELD_ANCHOR:
      review_bind_text (stmt, 2, s->item_id);
      review_bind_text (stmt, 3, s->geometry);
      review_bind_text (stmt, 4, now);
      break;
    case SLV_ANNOTATION_FIELD_COLOR:
      review_bind_text (stmt, 2, s->color);
      review_bind_text (stmt, 3, now);
      break;
    case SLV_ANNOTATION_FIELD_STATUS:
    default:
      review_bind_text (stmt, 2, slv_review_status_to_string (s->status));
      review_bind_text (stmt, 3, s->status_by);
      review_bind_text (stmt, 4, s->status_at);
      review_bind_text (stmt, 5, now);
      break;
    }
  return slv_store_step_done (store, stmt, error);
}

static SlvAnnotationState *
read_state (SlvStore    *store,
            const char  *id,
            GError     **error)
{
  sqlite3_stmt *stmt = slv_store_prepare (store, "SELECT deleted, item_id, geometry, color, status, "
                                                 "status_by, status_at FROM annotation WHERE id = ?1", error);
  SlvAnnotationState *s = NULL;

  if (stmt == NULL)
    return NULL;
  review_bind_text (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      s = g_new0 (SlvAnnotationState, 1);
      s->deleted = sqlite3_column_int (stmt, 0) != 0;
      s->item_id = slv_store_column_dup_text (stmt, 1);
      s->geometry = slv_store_column_dup_text (stmt, 2);
      s->color = slv_store_column_dup_text (stmt, 3);
      slv_review_status_from_string ((const char *) sqlite3_column_text (stmt, 4), &s->status);
      s->status_by = slv_store_column_dup_text (stmt, 5);
      s->status_at = slv_store_column_dup_text (stmt, 6);
    }
  else
    g_set_error (error, SLV_REVIEW_ERROR, SLV_REVIEW_ERROR_NOT_FOUND,
                 _("The annotation no longer exists in this workspace."));
  sqlite3_reset (stmt);
  return s;
}

SlvAnnotationState *
slv_review_repo_get_state (SlvStore    *store,
                           const char  *annotation_id,
                           GError     **error)
{
  SlvAnnotationState *s;

  g_return_val_if_fail (SLV_IS_STORE (store), NULL);
  g_return_val_if_fail (annotation_id != NULL, NULL);

  slv_store_lock (store);
  s = read_state (store, annotation_id, error);
  slv_store_unlock (store);
  return s;
}

typedef struct
{
  const char               *id;
  const SlvAnnotationState *from;
  const SlvAnnotationState *to;
} ApplyData;

static gboolean
apply_state_tx (SlvStore  *store,
                gpointer   data,
                GError   **error)
{
  ApplyData *ad = data;
  g_autoptr(SlvAnnotationState) current = read_state (store, ad->id, error);
  SlvAnnotationFields fields = slv_annotation_state_diff (ad->from, ad->to);
  static const SlvAnnotationFields groups[] = {
    SLV_ANNOTATION_FIELD_DELETED, SLV_ANNOTATION_FIELD_ANCHOR,
    SLV_ANNOTATION_FIELD_COLOR, SLV_ANNOTATION_FIELD_STATUS,
  };

  if (current == NULL)
    return FALSE;
  if (slv_annotation_state_diff (current, ad->from) & fields)
    {
      g_set_error (error, SLV_REVIEW_ERROR, SLV_REVIEW_ERROR_CHANGED,
                   _("The annotation was changed since, perhaps by someone else; "
                     "it was left as it is."));
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    if ((fields & groups[i]) && !write_group (store, ad->id, groups[i], ad->to, error))
      return FALSE;
  return TRUE;
}

gboolean
slv_review_repo_apply_state (SlvStore                  *store,
                             const char                *annotation_id,
                             const SlvAnnotationState  *from,
                             const SlvAnnotationState  *to,
                             GError                   **error)
{
  ApplyData ad = { annotation_id, from, to };

  g_return_val_if_fail (SLV_IS_STORE (store), FALSE);
  g_return_val_if_fail (annotation_id != NULL && from != NULL && to != NULL, FALSE);

  return slv_store_transaction (store, apply_state_tx, &ad, error);
}

/* -- single edits -- */

typedef struct
{
  const char                  *id;
  SlvAnnotationFields          group;
  const char                  *item_id;
  const SlvAnnotationGeometry *geometry;
  const char                  *color;
  SlvReviewStatus              status;
  const char                  *by;
  gboolean                     deleted;
} EditData;

static gboolean
edit_tx (SlvStore  *store,
         gpointer   data,
         GError   **error)
{
  EditData *ed = data;
  g_autofree char *board_id = NULL;
  g_autofree char *now = slv_timestamp_now ();
  g_autofree char *geometry = NULL;
  SlvAnnotationState s = { .deleted = ed->deleted, .item_id = (char *) ed->item_id,
                           .color = (char *) ed->color, .status = ed->status,
                           .status_by = (char *) ed->by, .status_at = now };
  SlvAnnotationKind kind;
  SlvReviewStatus status;

  if (ed->group == SLV_ANNOTATION_FIELD_DELETED)
    {
      g_autoptr(SlvAnnotationState) current = read_state (store, ed->id, error);

      return current != NULL && write_group (store, ed->id, ed->group, &s, error);
    }
  if (!live_annotation (store, ed->id, &board_id, &kind, &status, error))
    return FALSE;
  if (ed->group == SLV_ANNOTATION_FIELD_ANCHOR)
    {
      if (ed->geometry->kind != kind)
        {
          g_set_error (error, SLV_REVIEW_ERROR, SLV_REVIEW_ERROR_INVALID,
                       _("An annotation cannot change its kind; draw a new one."));
          return FALSE;
        }
      if (ed->item_id != NULL && !check_item (store, board_id, ed->item_id, error))
        return FALSE;
      s.geometry = geometry = slv_annotation_geometry_to_json (ed->geometry);
    }
  if (ed->group == SLV_ANNOTATION_FIELD_STATUS && !slv_review_status_check_move (status, ed->status, error))
    return FALSE;
  return write_group (store, ed->id, ed->group, &s, error);
}

gboolean
slv_review_repo_set_anchor (SlvStore                     *store,
                            const char                   *annotation_id,
                            const char                   *item_id,
                            const SlvAnnotationGeometry  *geometry,
                            GError                      **error)
{
  EditData ed = { annotation_id, SLV_ANNOTATION_FIELD_ANCHOR, .item_id = item_id, .geometry = geometry };

  g_return_val_if_fail (SLV_IS_STORE (store), FALSE);
  g_return_val_if_fail (annotation_id != NULL, FALSE);

  if (!check_anchor (item_id, geometry, error))
    return FALSE;
  return slv_store_transaction (store, edit_tx, &ed, error);
}

gboolean
slv_review_repo_set_color (SlvStore    *store,
                           const char  *annotation_id,
                           const char  *color,
                           GError     **error)
{
  EditData ed = { annotation_id, SLV_ANNOTATION_FIELD_COLOR, .color = color };

  g_return_val_if_fail (SLV_IS_STORE (store), FALSE);
  g_return_val_if_fail (annotation_id != NULL, FALSE);

  if (!check_color (color, error))
    return FALSE;
  return slv_store_transaction (store, edit_tx, &ed, error);
}

gboolean
slv_review_repo_set_status (SlvStore         *store,
                            const char       *annotation_id,
                            SlvReviewStatus   status,
                            const char       *by,
                            GError          **error)
{
  EditData ed = { annotation_id, SLV_ANNOTATION_FIELD_STATUS, .status = status, .by = by };

  g_return_val_if_fail (SLV_IS_STORE (store), FALSE);
  g_return_val_if_fail (annotation_id != NULL, FALSE);

  if (!review_check_author (by, error))
    return FALSE;
  return slv_store_transaction (store, edit_tx, &ed, error);
}

gboolean
slv_review_repo_set_deleted (SlvStore    *store,
                             const char  *annotation_id,
                             gboolean     deleted,
                             GError     **error)
{
  EditData ed = { annotation_id, SLV_ANNOTATION_FIELD_DELETED, .deleted = deleted };

  g_return_val_if_fail (SLV_IS_STORE (store), FALSE);
  g_return_val_if_fail (annotation_id != NULL, FALSE);

  return slv_store_transaction (store, edit_tx, &ed, error);
}
