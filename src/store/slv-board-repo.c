/* slv-board-repo.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-board-repo"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "slv-board-repo.h"
#include "slv-store-private.h"
#include "core/slv-uuid.h"

/* "id, board_id, kind, …" in state column order. */
static char *
column_list (const char *prefix)
{
  guint n = 0;
  const char * const *cols = slv_board_item_state_columns (&n);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "%s%s%s", i ? ", " : "", prefix, cols[i]);
  return g_string_free (s, FALSE);
}

static void
read_column (sqlite3_stmt      *stmt,
             int                col,
             SlvBoardItemState *s,
             guint              index)
{
  gpointer p = slv_board_item_state_column_ptr (s, index);

  switch (slv_board_item_state_column_type (index))
    {
    case SLV_FIELD_STRING:
      g_free (*(char **) p);
      *(char **) p = slv_store_column_dup_text (stmt, col);
      break;
    case SLV_FIELD_DOUBLE:
      *(double *) p = sqlite3_column_double (stmt, col);
      break;
    case SLV_FIELD_BOOLEAN:
      *(gboolean *) p = sqlite3_column_int (stmt, col) != 0;
      break;
    case SLV_FIELD_INT:
    default:
      g_assert_not_reached ();
    }
}

static double
finite_or (double v,
           double fallback)
{
  return isfinite (v) ? v : fallback;
}

/* Rows from another device or an old version may hold values the canvas
 * cannot draw; bring them into range. */
static void
sanitize (SlvBoardItemState *s)
{
  s->x = finite_or (s->x, 0);
  s->y = finite_or (s->y, 0);
  s->w = MAX (finite_or (s->w, 100), 1);
  s->h = MAX (finite_or (s->h, 100), 1);
  s->rotation = finite_or (s->rotation, 0);
  s->opacity = CLAMP (finite_or (s->opacity, 1), 0, 1);
  if (s->z == NULL)
    s->z = g_strdup ("a0");
}

GPtrArray *
slv_board_repo_load_items (SlvStore    *store,
                           const char  *board_id,
                           GError     **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) slv_board_item_state_free);
  g_autofree char *cols = column_list ("");
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM board_item WHERE board_id = ?1 AND deleted = 0 "
                                          "ORDER BY z, id", cols);
  guint n = 0;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SLV_IS_STORE (store), NULL);
  g_return_val_if_fail (board_id != NULL, NULL);

  slv_board_item_state_columns (&n);
  slv_store_lock (store);
  stmt = slv_store_prepare (store, sql, error);
  if (stmt == NULL)
    {
      slv_store_unlock (store);
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, board_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SlvBoardItemState *s = slv_board_item_state_new ();

      for (guint i = 0; i < n; i++)
        read_column (stmt, i, s, i);
      sanitize (s);
      g_ptr_array_add (items, s);
    }
  if (rc != SQLITE_DONE)
    slv_store_set_error (store, error, _("Could not read the board"));
  sqlite3_reset (stmt);
  slv_store_unlock (store);
  return rc == SQLITE_DONE ? g_steal_pointer (&items) : NULL;
}

static void
bind_column (sqlite3_stmt            *stmt,
             int                      param,
             const SlvBoardItemState *s,
             guint                    index)
{
  gpointer p = slv_board_item_state_column_ptr ((SlvBoardItemState *) s, index);

  switch (slv_board_item_state_column_type (index))
    {
    case SLV_FIELD_STRING:
      if (*(char **) p == NULL)
        sqlite3_bind_null (stmt, param);
      else
        sqlite3_bind_text (stmt, param, *(char **) p, -1, SQLITE_TRANSIENT);
      break;
    case SLV_FIELD_DOUBLE:
      sqlite3_bind_double (stmt, param, *(double *) p);
      break;
    case SLV_FIELD_BOOLEAN:
      sqlite3_bind_int (stmt, param, *(gboolean *) p ? 1 : 0);
      break;
    case SLV_FIELD_INT:
    default:
      g_assert_not_reached ();
    }
}

/* INSERT … ON CONFLICT of every column, made once. */
static const char *
upsert_sql (void)
{
  static gsize once = 0;
  static char *sql;

  if (g_once_init_enter (&once))
    {
      g_autofree char *list = column_list ("");
      GString *q = g_string_new (NULL);
      guint n = 0;
      const char * const *cols = slv_board_item_state_columns (&n);

      g_string_append_printf (q, "INSERT INTO board_item (created_at, updated_at, deleted, brand_id, %s) "
                                 "VALUES (?1, ?1, 0, (SELECT brand_id FROM board WHERE id = ?3)", list);
      for (guint i = 0; i < n; i++)
        g_string_append_printf (q, ", ?%u", i + 2);
      g_string_append (q, ") ON CONFLICT (id) DO UPDATE SET deleted = 0, updated_at = ?1");
      for (guint i = 1; i < n; i++)
        g_string_append_printf (q, ", %s = excluded.%s", cols[i], cols[i]);
      sql = g_string_free (q, FALSE);
      g_once_init_leave (&once, 1);
    }
  return sql;
}

/* Inserts @s, or revives and overwrites its tombstone (redo of an add). */
static gboolean
upsert (SlvStore                *store,
        const SlvBoardItemState *s,
        GError                 **error)
{
  g_autofree char *now = slv_timestamp_now ();
  guint n = 0;
  sqlite3_stmt *stmt;

  slv_board_item_state_columns (&n);
  stmt = slv_store_prepare (store, upsert_sql (), error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
  for (guint i = 0; i < n; i++)
    bind_column (stmt, i + 2, s, i);
  return slv_store_step_done (store, stmt, error);
}

static gboolean
column_equal (const SlvBoardItemState *a,
              const SlvBoardItemState *b,
              guint                    index)
{
  gpointer pa = slv_board_item_state_column_ptr ((SlvBoardItemState *) a, index);
  gpointer pb = slv_board_item_state_column_ptr ((SlvBoardItemState *) b, index);

  switch (slv_board_item_state_column_type (index))
    {
    case SLV_FIELD_STRING:
      return g_strcmp0 (*(char **) pa, *(char **) pb) == 0;
    case SLV_FIELD_DOUBLE:
      return *(double *) pa == *(double *) pb;
    case SLV_FIELD_BOOLEAN:
      return !*(gboolean *) pa == !*(gboolean *) pb;
    case SLV_FIELD_INT:
    default:
      g_assert_not_reached ();
    }
  return FALSE;
}

/* UPDATE of the columns that differ only. */
static gboolean
update_changed (SlvStore                *store,
                const SlvBoardItemState *before,
                const SlvBoardItemState *after,
                GError                 **error)
{
  g_autofree char *now = slv_timestamp_now ();
  g_autoptr(GString) sql = g_string_new ("UPDATE board_item SET updated_at = ?1");
  g_autoptr(GArray) changed = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n = 0;
  const char * const *cols = slv_board_item_state_columns (&n);
  sqlite3_stmt *stmt;

  for (guint i = 1; i < n; i++)
    if (!column_equal (before, after, i))
      {
        g_array_append_val (changed, i);
        g_string_append_printf (sql, ", %s = ?%u", cols[i], changed->len + 2);
      }
  if (changed->len == 0)
    return TRUE;
  g_string_append (sql, " WHERE id = ?2 AND deleted = 0");
  stmt = slv_store_prepare (store, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, after->id, -1, SQLITE_TRANSIENT);
  for (guint k = 0; k < changed->len; k++)
    bind_column (stmt, k + 3, after, g_array_index (changed, guint, k));
  if (!slv_store_step_done (store, stmt, error))
    return FALSE;
  if (sqlite3_changes (slv_store_get_db (store)) == 0)
    {
      g_set_error (error, SLV_STORE_ERROR, SLV_STORE_ERROR_NOT_FOUND,
                   _("The board item %s no longer exists; it may have been deleted on another device."),
                   after->id);
      return FALSE;
    }
  return TRUE;
}

gboolean
slv_board_repo_write_item (SlvStore                *store,
                           const SlvBoardItemState *before,
                           const SlvBoardItemState *after,
                           GError                 **error)
{
  gboolean ok;

  g_return_val_if_fail (SLV_IS_STORE (store), FALSE);
  g_return_val_if_fail (before != NULL || after != NULL, FALSE);
  g_return_val_if_fail (before == NULL || after == NULL || g_strcmp0 (before->id, after->id) == 0, FALSE);

  slv_store_lock (store);
  if (before == NULL)
    ok = upsert (store, after, error);
  else if (after == NULL)
    ok = slv_store_set_deleted (store, "board_item", before->id, TRUE, error);
  else
    ok = update_changed (store, before, after, error);
  slv_store_unlock (store);
  return ok;
}

gboolean
slv_board_repo_get_view (SlvStore    *store,
                         const char  *board_id,
                         double      *x,
                         double      *y,
                         double      *zoom,
                         GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean found = FALSE;
  int rc;

  g_return_val_if_fail (SLV_IS_STORE (store), FALSE);

  slv_store_lock (store);
  stmt = slv_store_prepare (store, "SELECT x, y, zoom FROM board_view WHERE board_id = ?1", error);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, board_id, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *x = finite_or (sqlite3_column_double (stmt, 0), 0);
          *y = finite_or (sqlite3_column_double (stmt, 1), 0);
          *zoom = finite_or (sqlite3_column_double (stmt, 2), 1);
          found = TRUE;
        }
      else if (rc != SQLITE_DONE)
        slv_store_set_error (store, error, _("Could not read the board’s view"));
      sqlite3_reset (stmt);
    }
  slv_store_unlock (store);
  return found;
}

gboolean
slv_board_repo_set_view (SlvStore    *store,
                         const char  *board_id,
                         double       x,
                         double       y,
                         double       zoom,
                         GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;

  g_return_val_if_fail (SLV_IS_STORE (store), FALSE);

  slv_store_lock (store);
  stmt = slv_store_prepare (store,
                            "INSERT INTO board_view (board_id, x, y, zoom) VALUES (?1, ?2, ?3, ?4) "
                            "ON CONFLICT (board_id) DO UPDATE SET x = excluded.x, y = excluded.y, "
                            "zoom = excluded.zoom", error);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, board_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_double (stmt, 2, x);
      sqlite3_bind_double (stmt, 3, y);
      sqlite3_bind_double (stmt, 4, zoom);
      ok = slv_store_step_done (store, stmt, error);
    }
  slv_store_unlock (store);
  return ok;
}

static char *
query_text (SlvStore    *store,
            const char  *sql,
            GError     **error)
{
  sqlite3_stmt *stmt;
  char *value = NULL;
  int rc;

  slv_store_lock (store);
  stmt = slv_store_prepare (store, sql, error);
  if (stmt != NULL)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        value = slv_store_column_dup_text (stmt, 0);
      else if (rc != SQLITE_DONE)
        slv_store_set_error (store, error, _("Could not read the workspace"));
      sqlite3_reset (stmt);
    }
  slv_store_unlock (store);
  return value;
}

char *
slv_board_repo_dup_brand_id (SlvStore  *store,
                             GError   **error)
{
  GError *local = NULL;
  char *id;

  g_return_val_if_fail (SLV_IS_STORE (store), NULL);
  id = query_text (store, "SELECT id FROM brand WHERE deleted = 0 ORDER BY created_at, id LIMIT 1", &local);
  if (id == NULL && local == NULL)
    g_set_error (&local, SLV_STORE_ERROR, SLV_STORE_ERROR_NOT_FOUND,
                 _("This workspace has no brand yet; create one before adding boards."));
  if (local != NULL)
    g_propagate_error (error, local);
  return id;
}

char *
slv_board_repo_dup_last_position (SlvStore  *store,
                                  GError   **error)
{
  g_return_val_if_fail (SLV_IS_STORE (store), NULL);
  return query_text (store, "SELECT max (position) FROM board WHERE deleted = 0", error);
}
