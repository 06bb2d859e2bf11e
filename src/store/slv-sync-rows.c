/* slv-sync-rows.c: writing synced rows from the server's values, with
 * their field clocks, and removing them (evictions, lost buckets).
 *
 * The sync connection has capture off, so nothing written here goes back
 * to the outbox. A value the local schema refuses (a CHECK the workspace
 * is too old for) is kept in sync_unknown rather than lost.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-sync-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "slv-sync-rows.h"
#include "sync/slv-sync-json.h"

gboolean
ss_set_clock (SlvSyncStore  *self,
              const char    *table,
              const char    *row_id,
              const char    *field,
              const char    *hlc,
              GError       **error)
{
  sqlite3_stmt *stmt = ss_prepare (self, "INSERT INTO sync_clock (tbl, row_id, field, hlc) VALUES (?1, ?2, ?3, ?4) "
                                         "ON CONFLICT DO UPDATE SET hlc = excluded.hlc", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, row_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, field, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, hlc, -1, SQLITE_STATIC);
  return ss_done (self, stmt, error);
}

/* The field's clock (or its row's, for a row captured as one op), or NULL. */
char *
ss_get_clock (SlvSyncStore *self,
              const char   *table,
              const char   *row_id,
              const char   *field)
{
  sqlite3_stmt *stmt = ss_prepare (self, "SELECT max (hlc) FROM sync_clock WHERE tbl = ?1 AND row_id = ?2 "
                                         "AND field IN (?3, '*')", NULL);
  char *hlc = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, row_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, field, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    hlc = ss_dup_text (stmt, 0);
  sqlite3_reset (stmt);
  return hlc;
}

gboolean
ss_row_exists (SlvSyncStore *self,
               const char   *table,
               const char   *row_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM %s WHERE id = ?1", table);
  sqlite3_stmt *stmt = ss_prepare (self, sql, NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, row_id, -1, SQLITE_STATIC);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

gboolean
ss_set_row_bucket (SlvSyncStore  *self,
                   const char    *table,
                   const char    *row_id,
                   const char    *bucket,
                   GError       **error)
{
  sqlite3_stmt *stmt;

  if (bucket == NULL)
    return TRUE;
  stmt = ss_prepare (self, "INSERT INTO sync_row (tbl, row_id, bucket) VALUES (?1, ?2, ?3) "
                           "ON CONFLICT DO UPDATE SET bucket = excluded.bucket WHERE bucket IS NOT excluded.bucket",
                     error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, row_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, bucket, -1, SQLITE_STATIC);
  return ss_done (self, stmt, error);
}

gboolean
ss_keep_unknown (SlvSyncStore  *self,
                 const char    *table,
                 const char    *row_id,
                 const char    *field,
                 JsonNode      *value,
                 const char    *hlc,
                 const char    *bucket,
                 GError       **error)
{
  g_autofree char *text = slv_json_node_to_text (value);
  sqlite3_stmt *stmt = ss_prepare (self, "INSERT INTO sync_unknown (tbl, row_id, field, value, hlc, bucket) "
                                         "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO UPDATE SET "
                                         "value = excluded.value, hlc = excluded.hlc, bucket = excluded.bucket "
                                         "WHERE excluded.hlc > sync_unknown.hlc", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, row_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, field, -1, SQLITE_STATIC);
  ss_bind_text (stmt, 4, text);
  sqlite3_bind_text (stmt, 5, hlc, -1, SQLITE_STATIC);
  ss_bind_text (stmt, 6, bucket);
  return ss_done (self, stmt, error);
}

static gboolean
is_constraint (SlvSyncStore *self)
{
  return (sqlite3_extended_errcode (self->db) & 0xff) == SQLITE_CONSTRAINT;
}

/* UPDATE table SET f = ?, … WHERE id = ?; statements cached per field set. */
static gboolean
update_fields (SlvSyncStore  *self,
               SsFields      *w,
               guint          from,
               guint          to,
               gboolean      *constraint,
               GError       **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  const char *newest = NULL;
  sqlite3_stmt *stmt;
  guint n = 0;

  g_string_append_printf (sql, "UPDATE %s SET ", w->table->name);
  for (guint i = from; i < to; i++)
    {
      g_string_append_printf (sql, "%s = ?%u, ", w->fields[i]->name, ++n);
      if (newest == NULL || strcmp (w->hlcs[i], newest) > 0)
        newest = w->hlcs[i];
    }
  g_string_append_printf (sql, "updated_at = max (updated_at, substr (?%u, 1, 24)) WHERE id = ?%u", n + 1, n + 2);
  stmt = ss_prepare (self, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  n = 0;
  for (guint i = from; i < to; i++)
    ss_bind_wire (stmt, ++n, w->fields[i], w->values[i]);
  sqlite3_bind_text (stmt, n + 1, newest, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, n + 2, w->row_id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      *constraint = is_constraint (self);
      if (!*constraint)
        ss_set_error (self, error, _("Could not apply a synced change"));
      sqlite3_reset (stmt);
      return *constraint;
    }
  sqlite3_reset (stmt);
  *constraint = FALSE;
  return TRUE;
}

static gboolean
set_clocks (SlvSyncStore  *self,
            SsFields      *w,
            guint          i,
            guint          to,
            GError       **error)
{
  for (; i < to; i++)
    if (!ss_set_clock (self, w->table->name, w->row_id, w->fields[i]->name, w->hlcs[i], error))
      return FALSE;
  return TRUE;
}

gboolean
ss_update_row (SlvSyncStore  *self,
               SsFields      *w,
               GError       **error)
{
  gboolean constraint = FALSE;

  if (w->n == 0)
    return TRUE;
  if (!update_fields (self, w, 0, w->n, &constraint, error))
    return FALSE;
  if (!constraint)
    return set_clocks (self, w, 0, w->n, error);
  /* one field the local schema refuses: write the others one by one */
  for (guint i = 0; i < w->n; i++)
    {
      if (!update_fields (self, w, i, i + 1, &constraint, error))
        return FALSE;
      if (constraint)
        {
          g_message ("%s.%s: the workspace refuses the synced value; kept aside until an update.",
                     w->table->name, w->fields[i]->name);
          if (!ss_keep_unknown (self, w->table->name, w->row_id, w->fields[i]->name, w->values[i], w->hlcs[i],
                                w->bucket, error))
            return FALSE;
        }
      else if (!set_clocks (self, w, i, i + 1, error))
        return FALSE;
    }
  return TRUE;
}

/* TRUE if @w holds every column the row needs to exist locally. */
gboolean
ss_fields_complete (SlvSyncStore *self,
                    SsFields     *w)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, ss_columns (self, w->table->name));
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gboolean found = FALSE;

      if (strcmp (value, "1,0") != 0 || strcmp (key, "id") == 0 || strcmp (key, "updated_at") == 0)
        continue;
      for (guint i = 0; !found && i < w->n; i++)
        found = strcmp (w->fields[i]->name, key) == 0 && !JSON_NODE_HOLDS_NULL (w->values[i]);
      if (!found)
        return FALSE;
    }
  return TRUE;
}

/* Inserts the row; FALSE in *inserted when the schema refuses it. */
gboolean
ss_insert_row (SlvSyncStore  *self,
               SsFields      *w,
               gboolean      *inserted,
               GError       **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  const char *newest = NULL;
  sqlite3_stmt *stmt;

  g_string_append_printf (sql, "INSERT INTO %s (id, updated_at", w->table->name);
  for (guint i = 0; i < w->n; i++)
    {
      g_string_append_printf (sql, ", %s", w->fields[i]->name);
      if (newest == NULL || strcmp (w->hlcs[i], newest) > 0)
        newest = w->hlcs[i];
    }
  g_string_append (sql, ") VALUES (?1, substr (?2, 1, 24)");
  for (guint i = 0; i < w->n; i++)
    g_string_append_printf (sql, ", ?%u", i + 3);
  g_string_append_c (sql, ')');
  stmt = ss_prepare (self, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, w->row_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, newest, -1, SQLITE_STATIC);
  for (guint i = 0; i < w->n; i++)
    ss_bind_wire (stmt, i + 3, w->fields[i], w->values[i]);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      gboolean constraint = is_constraint (self);

      if (!constraint)
        ss_set_error (self, error, _("Could not apply a synced row"));
      else
        g_message ("%s %s: the workspace refuses the synced row (%s); kept until an update.",
                   w->table->name, w->row_id, sqlite3_errmsg (self->db));
      sqlite3_reset (stmt);
      *inserted = FALSE;
      return constraint;
    }
  sqlite3_reset (stmt);
  *inserted = TRUE;
  return set_clocks (self, w, 0, w->n, error) &&
         ss_set_row_bucket (self, w->table->name, w->row_id, w->bucket, error);
}

gboolean
ss_write_field (SlvSyncStore             *self,
                const SlvSyncTablePolicy *table,
                const SlvSyncFieldPolicy *field,
                const char               *row_id,
                JsonNode                 *value,
                const char               *hlc,
                gboolean                  force,
                gboolean                 *written,
                GError                  **error)
{
  g_autofree char *clock = force ? NULL : ss_get_clock (self, table->name, row_id, field->name);
  SsFields w = { table, row_id, NULL, 1, &field, &value, &hlc };

  *written = FALSE;
  if (clock != NULL && strcmp (hlc, clock) <= 0)
    return TRUE;
  if (!ss_row_exists (self, table->name, row_id))
    return TRUE;
  *written = TRUE;
  return ss_update_row (self, &w, error);
}

static gboolean
delete_with (SlvSyncStore  *self,
             const char    *sql,
             const char    *table,
             const char    *row_id,
             GError       **error)
{
  sqlite3_stmt *stmt = ss_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, row_id, -1, SQLITE_STATIC);
  return ss_done (self, stmt, error);
}

gboolean
ss_delete_row (SlvSyncStore  *self,
               const char    *table,
               const char    *row_id,
               GError       **error)
{
  if (ss_known_table (self, table) != NULL)
    {
      g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?2 AND ?1 IS NOT NULL", table);

      if (!delete_with (self, sql, table, row_id, error))
        return FALSE;
    }
  return delete_with (self, "DELETE FROM sync_clock WHERE tbl = ?1 AND row_id = ?2", table, row_id, error) &&
         delete_with (self, "DELETE FROM sync_row WHERE tbl = ?1 AND row_id = ?2", table, row_id, error) &&
         delete_with (self, "DELETE FROM sync_pending WHERE tbl = ?1 AND row_id = ?2", table, row_id, error) &&
         delete_with (self, "DELETE FROM sync_unknown WHERE tbl = ?1 AND row_id = ?2", table, row_id, error);
}

/* Every row of a bucket the user lost (or that resyncs). */
gboolean
ss_delete_bucket (SlvSyncStore  *self,
                  const char    *bucket,
                  guint         *evicted,
                  GError       **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = ss_prepare (self, "SELECT tbl, row_id FROM sync_row WHERE bucket = ?1", error);
  gboolean ok = TRUE;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, bucket, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_ptr_array_add (rows, ss_dup_text (stmt, 0));
      g_ptr_array_add (rows, ss_dup_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  for (guint i = 0; ok && i + 1 < rows->len; i += 2)
    ok = ss_delete_row (self, g_ptr_array_index (rows, i), g_ptr_array_index (rows, i + 1), error);
  *evicted += rows->len / 2;
  if (!ok)
    return FALSE;
  stmt = ss_prepare (self, "DELETE FROM sync_unknown WHERE bucket = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, bucket, -1, SQLITE_STATIC);
  if (!ss_done (self, stmt, error))
    return FALSE;
  stmt = ss_prepare (self, "DELETE FROM sync_pending WHERE bucket = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, bucket, -1, SQLITE_STATIC);
  return ss_done (self, stmt, error);
}
