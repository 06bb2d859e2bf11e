/* slv-store-write.c: generic row writes, workspace meta, maintenance.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "slv-store-private.h"
#include "core/slv-uuid.h"

static const char * const main_tables[] = {
  "brand", "season", "collection", "supplier", "material", "cost_rate", "style",
  "costing", "bom_line", "process_line", "margin_rule", "fx_rate", "board",
  "board_item", "blob", "annotation", "comment", "pattern_piece", "destination",
  "duty_rate", "factory", "production_order", "order_line", NULL
};

const char * const *
slv_store_list_tables (void)
{
  return main_tables;
}

static gboolean
check_column (SlvStore    *self,
              const char  *table,
              const char  *column,
              GError     **error)
{
  if (!slv_store_has_column (self, table, column))
    {
      g_set_error (error, SLV_STORE_ERROR, SLV_STORE_ERROR_INVALID,
                   _("The workspace has no field “%s” in “%s”."), column, table);
      return FALSE;
    }
  return TRUE;
}

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
array_has (GPtrArray  *columns,
           const char *name)
{
  for (guint i = 0; i < columns->len; i++)
    if (g_str_equal (g_ptr_array_index (columns, i), name))
      return TRUE;
  return FALSE;
}

gboolean
slv_store_insertv (SlvStore            *self,
                   const char          *table,
                   const char * const  *columns,
                   const char * const  *values,
                   char               **out_id,
                   GError             **error)
{
  g_autoptr(GPtrArray) cols = g_ptr_array_new ();
  g_autoptr(GPtrArray) vals = g_ptr_array_new ();
  g_autofree char *id = NULL;
  g_autofree char *now = slv_timestamp_now ();
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;

  g_return_val_if_fail (SLV_IS_STORE (self), FALSE);
  g_return_val_if_fail (table != NULL && columns != NULL && values != NULL, FALSE);

  slv_store_lock (self);
  for (guint i = 0; columns[i] != NULL; i++)
    {
      if (!check_column (self, table, columns[i], error))
        goto out;
      g_ptr_array_add (cols, (gpointer) columns[i]);
      g_ptr_array_add (vals, (gpointer) values[i]);
      if (g_str_equal (columns[i], "id"))
        id = g_strdup (values[i]);
    }
  if (id == NULL && slv_store_has_column (self, table, "id"))
    {
      id = slv_uuid_v7_new ();
      g_ptr_array_add (cols, (gpointer) "id");
      g_ptr_array_add (vals, id);
    }
  if (slv_store_has_column (self, table, "created_at") && !array_has (cols, "created_at"))
    {
      g_ptr_array_add (cols, (gpointer) "created_at");
      g_ptr_array_add (vals, now);
    }
  if (slv_store_has_column (self, table, "updated_at") && !array_has (cols, "updated_at"))
    {
      g_ptr_array_add (cols, (gpointer) "updated_at");
      g_ptr_array_add (vals, now);
    }

  g_string_append_printf (sql, "INSERT INTO %s (", table);
  for (guint i = 0; i < cols->len; i++)
    g_string_append_printf (sql, "%s%s", i ? ", " : "", (char *) g_ptr_array_index (cols, i));
  g_string_append (sql, ") VALUES (");
  for (guint i = 0; i < cols->len; i++)
    g_string_append_printf (sql, "%s?%u", i ? ", " : "", i + 1);
  g_string_append (sql, ")");

  stmt = slv_store_prepare (self, sql->str, error);
  if (stmt == NULL)
    goto out;
  for (guint i = 0; i < vals->len; i++)
    bind_text (stmt, i + 1, g_ptr_array_index (vals, i));
  if (!slv_store_step_done (self, stmt, error))
    {
      g_prefix_error (error, _("Could not add a record to “%s”: "), table);
      goto out;
    }
  ok = TRUE;
  if (out_id != NULL)
    *out_id = g_steal_pointer (&id);

out:
  slv_store_unlock (self);
  return ok;
}

gboolean
slv_store_insert (SlvStore    *self,
                  const char  *table,
                  char       **out_id,
                  GError     **error,
                  const char  *first_column,
                  ...)
{
  g_autoptr(GPtrArray) cols = g_ptr_array_new ();
  g_autoptr(GPtrArray) vals = g_ptr_array_new ();
  va_list args;

  va_start (args, first_column);
  for (const char *col = first_column; col != NULL; col = va_arg (args, const char *))
    {
      g_ptr_array_add (cols, (gpointer) col);
      g_ptr_array_add (vals, va_arg (args, char *));
    }
  va_end (args);
  g_ptr_array_add (cols, NULL);
  g_ptr_array_add (vals, NULL);

  return slv_store_insertv (self, table,
                            (const char * const *) cols->pdata,
                            (const char * const *) vals->pdata,
                            out_id, error);
}

gboolean
slv_store_update_field (SlvStore    *self,
                        const char  *table,
                        const char  *id,
                        const char  *column,
                        const char  *value,
                        GError     **error)
{
  g_autofree char *sql = NULL;
  g_autofree char *now = slv_timestamp_now ();
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;

  g_return_val_if_fail (SLV_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  slv_store_lock (self);
  if (!check_column (self, table, column, error))
    goto out;
  if (g_str_equal (column, "id"))
    {
      g_set_error (error, SLV_STORE_ERROR, SLV_STORE_ERROR_INVALID,
                   _("A record’s id cannot be changed."));
      goto out;
    }
  sql = g_strdup_printf ("UPDATE %s SET %s = ?1, updated_at = ?2 WHERE id = ?3", table, column);
  stmt = slv_store_prepare (self, sql, error);
  if (stmt == NULL)
    goto out;
  bind_text (stmt, 1, value);
  bind_text (stmt, 2, now);
  bind_text (stmt, 3, id);
  if (!slv_store_step_done (self, stmt, error))
    goto out;
  if (sqlite3_changes (slv_store_get_db (self)) == 0)
    {
      g_set_error (error, SLV_STORE_ERROR, SLV_STORE_ERROR_NOT_FOUND,
                   _("The record %s in “%s” no longer exists."), id, table);
      goto out;
    }
  ok = TRUE;
out:
  slv_store_unlock (self);
  return ok;
}

gboolean
slv_store_set_deleted (SlvStore    *self,
                       const char  *table,
                       const char  *id,
                       gboolean     deleted,
                       GError     **error)
{
  return slv_store_update_field (self, table, id, "deleted", deleted ? "1" : "0", error);
}

char *
slv_store_dup_field (SlvStore    *self,
                     const char  *table,
                     const char  *id,
                     const char  *column,
                     GError     **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  char *value = NULL;

  g_return_val_if_fail (SLV_IS_STORE (self), NULL);

  slv_store_lock (self);
  if (!check_column (self, table, column, error))
    goto out;
  sql = g_strdup_printf ("SELECT %s FROM %s WHERE id = ?1", column, table);
  stmt = slv_store_prepare (self, sql, error);
  if (stmt == NULL)
    goto out;
  bind_text (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = slv_store_column_dup_text (stmt, 0);
  else
    g_set_error (error, SLV_STORE_ERROR, SLV_STORE_ERROR_NOT_FOUND,
                 _("The record %s in “%s” does not exist."), id, table);
  sqlite3_reset (stmt);
  if (value == NULL && error != NULL && *error == NULL)
    value = NULL; /* a NULL column is a valid answer */
out:
  slv_store_unlock (self);
  return value;
}

char *
slv_store_dup_meta (SlvStore   *self,
                    const char *key)
{
  sqlite3_stmt *stmt;
  char *value = NULL;

  g_return_val_if_fail (SLV_IS_STORE (self), NULL);

  slv_store_lock (self);
  stmt = slv_store_prepare (self, "SELECT value FROM workspace_meta WHERE key = ?1", NULL);
  if (stmt != NULL)
    {
      bind_text (stmt, 1, key);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        value = slv_store_column_dup_text (stmt, 0);
      sqlite3_reset (stmt);
    }
  slv_store_unlock (self);
  return value;
}

gboolean
slv_store_set_meta (SlvStore    *self,
                    const char  *key,
                    const char  *value,
                    GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;

  g_return_val_if_fail (SLV_IS_STORE (self), FALSE);

  slv_store_lock (self);
  stmt = slv_store_prepare (self,
                            "INSERT INTO workspace_meta (key, value) VALUES (?1, ?2) "
                            "ON CONFLICT (key) DO UPDATE SET value = excluded.value", error);
  if (stmt != NULL)
    {
      bind_text (stmt, 1, key);
      bind_text (stmt, 2, value);
      ok = slv_store_step_done (self, stmt, error);
    }
  slv_store_unlock (self);
  return ok;
}

GHashTable *
slv_store_count_rows (SlvStore  *self,
                      GError   **error)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gboolean ok = TRUE;

  g_return_val_if_fail (SLV_IS_STORE (self), NULL);

  slv_store_lock (self);
  for (guint i = 0; ok && main_tables[i] != NULL; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE deleted = 0", main_tables[i]);
      sqlite3_stmt *stmt = slv_store_prepare (self, sql, error);

      ok = stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW;
      if (ok)
        g_hash_table_insert (counts, g_strdup (main_tables[i]),
                             GINT_TO_POINTER (sqlite3_column_int (stmt, 0)));
      else if (stmt != NULL)
        slv_store_set_error (self, error, _("Could not count records"));
      if (stmt != NULL)
        sqlite3_reset (stmt);
    }
  slv_store_unlock (self);
  return ok ? g_steal_pointer (&counts) : NULL;
}

gboolean
slv_store_check_integrity (SlvStore  *self,
                           GError   **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GString) problems = g_string_new (NULL);
  gboolean ok;

  g_return_val_if_fail (SLV_IS_STORE (self), FALSE);

  slv_store_lock (self);
  ok = sqlite3_prepare_v2 (slv_store_get_db (self), "PRAGMA integrity_check", -1, &stmt, NULL) == SQLITE_OK;
  while (ok && sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *row = (const char *) sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (row, "ok") != 0)
        g_string_append_printf (problems, "%s%s", problems->len ? "; " : "", row);
    }
  sqlite3_finalize (stmt);
  if (ok && problems->len == 0)
    {
      ok = sqlite3_prepare_v2 (slv_store_get_db (self), "PRAGMA foreign_key_check", -1, &stmt, NULL) == SQLITE_OK;
      while (ok && sqlite3_step (stmt) == SQLITE_ROW)
        g_string_append_printf (problems, "%sbroken reference in %s", problems->len ? "; " : "",
                                sqlite3_column_text (stmt, 0));
      sqlite3_finalize (stmt);
    }
  slv_store_unlock (self);

  if (!ok)
    {
      g_set_error (error, SLV_STORE_ERROR, SLV_STORE_ERROR_CORRUPT,
                   _("The workspace could not be checked."));
      return FALSE;
    }
  if (problems->len > 0)
    {
      g_set_error (error, SLV_STORE_ERROR, SLV_STORE_ERROR_CORRUPT,
                   _("The workspace is damaged: %s."), problems->str);
      return FALSE;
    }
  return TRUE;
}

gboolean
slv_store_vacuum (SlvStore  *self,
                  GError   **error)
{
  static const char *rebuild =
    "BEGIN IMMEDIATE;"
    "DELETE FROM material_fts;"
    "INSERT INTO material_fts (rowid, row_id, code, name, composition, construction, kind, supplier)"
    "  SELECT m.rowid, m.id, m.code, m.name, m.composition, m.construction, m.kind, s.name"
    "  FROM material m LEFT JOIN supplier s ON s.id = m.supplier_id;"
    "DELETE FROM style_fts;"
    "INSERT INTO style_fts (rowid, row_id, code, name, category, description, collection)"
    "  SELECT s.rowid, s.id, s.code, s.name, s.category, s.description, c.name"
    "  FROM style s LEFT JOIN collection c ON c.id = s.collection_id;"
    "DELETE FROM cost_rate_fts;"
    "INSERT INTO cost_rate_fts (rowid, row_id, process, key, description, supplier)"
    "  SELECT r.rowid, r.id, r.process, r.key, r.description, s.name"
    "  FROM cost_rate r LEFT JOIN supplier s ON s.id = r.supplier_id;"
    "DELETE FROM board_fts;"
    "INSERT INTO board_fts (rowid, row_id, name) SELECT rowid, id, name FROM board;"
    "COMMIT;";
  gboolean ok;

  g_return_val_if_fail (SLV_IS_STORE (self), FALSE);

  slv_store_lock (self);
  slv_store_forget_schema (self);
  ok = slv_store_exec (self, "VACUUM", error) && slv_store_exec (self, rebuild, error);
  if (!ok)
    slv_store_exec (self, "ROLLBACK", NULL);
  slv_store_unlock (self);
  return ok;
}
