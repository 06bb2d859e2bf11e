/* slv-import-undo.c: taking a batch back, from its before-images.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-import-writer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "slv-import-writer.h"
#include "slv-store-private.h"
#include "core/slv-uuid.h"

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *value)
{
  if (value == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT);
}

static gboolean
undo_inserts (SlvStore    *store,
              const char  *table,
              const char  *ids,
              guint64     *rows,
              GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE %s SET deleted = 1, updated_at = ?2 WHERE deleted = 0 "
                                          "AND id IN (SELECT value FROM json_each (?1))", table);
  g_autofree char *now = slv_timestamp_now ();
  sqlite3_stmt *stmt = slv_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, ids);
  bind_text (stmt, 2, now);
  if (!slv_store_step_done (store, stmt, error))
    return FALSE;
  *rows += sqlite3_changes (slv_store_get_db (store));
  return TRUE;
}

/* Restores the fields in @before whose value is still the one in @after. */
static gboolean
undo_update (SlvStore    *store,
             const char  *table,
             const char  *id,
             const char  *before_json,
             const char  *after_json,
             guint64     *rows,
             guint64     *conflicts,
             GError     **error)
{
  g_autoptr(JsonNode) before = json_from_string (before_json, NULL);
  g_autoptr(JsonNode) after = json_from_string (after_json, NULL);
  g_autoptr(GList) columns = NULL;
  g_autofree char *now = slv_timestamp_now ();
  guint restored = 0;

  if (before == NULL || after == NULL || !JSON_NODE_HOLDS_OBJECT (before) || !JSON_NODE_HOLDS_OBJECT (after))
    return TRUE;
  columns = json_object_get_members (json_node_get_object (after));
  for (GList *c = columns; c != NULL; c = c->next)
    {
      const char *column = c->data;
      g_autofree char *update = NULL;
      JsonNode *old_node = json_object_get_member (json_node_get_object (before), column);
      JsonNode *new_node = json_object_get_member (json_node_get_object (after), column);
      const char *old_value = old_node && !JSON_NODE_HOLDS_NULL (old_node) ? json_node_get_string (old_node) : NULL;
      const char *new_value = new_node && !JSON_NODE_HOLDS_NULL (new_node) ? json_node_get_string (new_node) : NULL;
      sqlite3_stmt *stmt;

      if (!slv_store_has_column (store, table, column))
        continue;
      update = g_strdup_printf ("UPDATE %s SET %s = ?1, updated_at = ?3 WHERE id = ?2 AND %s IS ?4",
                                table, column, column);
      stmt = slv_store_prepare (store, update, error);
      if (stmt == NULL)
        return FALSE;
      bind_text (stmt, 1, old_value);
      bind_text (stmt, 2, id);
      bind_text (stmt, 3, now);
      bind_text (stmt, 4, new_value);
      if (!slv_store_step_done (store, stmt, error))
        return FALSE;
      if (sqlite3_changes (slv_store_get_db (store)) > 0)
        restored++;
      else
        (*conflicts)++;
    }
  if (restored > 0)
    (*rows)++;
  return TRUE;
}

gboolean
slv_import_store_undo_step (SlvStore    *store,
                            const char  *batch_id,
                            guint        max_changes,
                            guint64     *rows,
                            guint64     *conflicts,
                            gboolean    *finished,
                            GError     **error)
{
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  gint64 lowest = G_MAXINT64;
  guint n = 0;
  int rc;
  gboolean ok = TRUE;

  slv_store_lock (store);
  stmt = slv_store_prepare (store,
                            "SELECT seq, tbl, row_id, action, before, after FROM import_change "
                            "WHERE batch_id = ?1 ORDER BY seq DESC LIMIT ?2", error);
  if (stmt == NULL)
    {
      slv_store_unlock (store);
      return FALSE;
    }
  bind_text (stmt, 1, batch_id);
  sqlite3_bind_int (stmt, 2, max_changes);
  /* Copy the rows out first: the undo statements reuse the connection. */
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (int c = 1; c < 6; c++)
        g_ptr_array_add (changes, slv_store_column_dup_text (stmt, c));
      lowest = MIN (lowest, sqlite3_column_int64 (stmt, 0));
      n++;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      slv_store_set_error (store, error, _("Could not read the changes of an import"));
      slv_store_unlock (store);
      return FALSE;
    }

  for (guint i = 0; ok && i < n; i++)
    {
      char **c = (char **) changes->pdata + 5 * i;   /* tbl, row_id, action, before, after */

      if (!slv_store_is_identifier (c[0]) || !slv_store_has_column (store, c[0], "deleted"))
        continue;
      if (g_strcmp0 (c[2], "0") == 0)
        ok = undo_inserts (store, c[0], c[4], rows, error);
      else
        ok = undo_update (store, c[0], c[1], c[3], c[4], rows, conflicts, error);
    }
  if (ok && n > 0)
    {
      stmt = slv_store_prepare (store, "DELETE FROM import_change WHERE batch_id = ?1 AND seq >= ?2", error);
      ok = stmt != NULL;
      if (ok)
        {
          bind_text (stmt, 1, batch_id);
          sqlite3_bind_int64 (stmt, 2, lowest);
          ok = slv_store_step_done (store, stmt, error);
        }
    }
  slv_store_unlock (store);
  *finished = ok && n < max_changes;
  return ok;
}
