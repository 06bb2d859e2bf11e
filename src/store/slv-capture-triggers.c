/* slv-capture-triggers.c: capture triggers generated from the policy
 * registry (SYNC-PROTOCOL.md §14).
 *
 * For every synced table the workspace has: one AFTER INSERT trigger that
 * writes an op for every synced column, and AFTER UPDATE triggers, one per
 * column (WHEN OLD.col IS NOT NEW.col) or one per field group (which emits
 * every member, so a group always travels whole). Each trigger hands the
 * row's values to slv_sync_capture(), which takes the transaction's clock
 * stamp (persisted in sync_state), upserts the ops into sync_outbox on its
 * partial unique index — a field edited again before it is sent keeps one
 * op: its first base_hlc and transaction, the newest value, stamp and op
 * id — and stamps sync_clock.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-store"

#include "config.h"

#include <string.h>

#include "slv-capture-private.h"
#include "sync/slv-sync-policy.h"


GHashTable *
slv_capture_table_columns (sqlite3    *db,
                           const char *table)
{
  GHashTable *columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *sql = g_strdup_printf ("SELECT name, \"notnull\", dflt_value IS NOT NULL "
                                          "FROM pragma_table_info ('%s')", table);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK)
    while (sqlite3_step (stmt) == SQLITE_ROW)
      g_hash_table_insert (columns, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                           g_strdup_printf ("%d,%d", sqlite3_column_int (stmt, 1), sqlite3_column_int (stmt, 2)));
  sqlite3_finalize (stmt);
  return columns;
}

/* SELECT slv_sync_capture (mode, table, id, field, value, …): the C side
 * writes the ops, the field clocks and, for inserts and moves, the row's
 * bucket (slv-capture.c). Triggers stay small, so opening a workspace
 * (which parses them all) stays fast. */
static void
append_call (GString                  *sql,
             const SlvSyncTablePolicy *table,
             GPtrArray                *fields,
             gboolean                  insert)
{
  g_string_append_printf (sql, "  SELECT slv_sync_capture (%d, '%s', NEW.id", insert ? 1 : 0, table->name);
  for (guint i = 0; i < fields->len; i++)
    {
      const char *name = ((const SlvSyncFieldPolicy *) g_ptr_array_index (fields, i))->name;

      g_string_append_printf (sql, ", '%s', NEW.%s", name, name);
    }
  g_string_append (sql, ");\n");
}

static void
append_insert_trigger (GString                  *sql,
                       const SlvSyncTablePolicy *table,
                       GPtrArray                *fields)
{
  g_string_append_printf (sql, "CREATE TRIGGER slv_cap_%s_ins AFTER INSERT ON %s WHEN slv_sync_capturing () BEGIN\n",
                          table->name, table->name);
  append_call (sql, table, fields, TRUE);
  g_string_append (sql, "END;\n");
}

/* One UPDATE trigger for @members (one field, or a whole field group). */
static void
append_update_trigger (GString                  *sql,
                       const SlvSyncTablePolicy *table,
                       const char               *name,
                       GPtrArray                *members)
{
  g_string_append_printf (sql, "CREATE TRIGGER slv_cap_%s_%s AFTER UPDATE OF ", table->name, name);
  for (guint i = 0; i < members->len; i++)
    g_string_append_printf (sql, "%s%s", i ? ", " : "",
                            ((const SlvSyncFieldPolicy *) g_ptr_array_index (members, i))->name);
  g_string_append_printf (sql, " ON %s WHEN slv_sync_capturing () AND (", table->name);
  for (guint i = 0; i < members->len; i++)
    {
      const SlvSyncFieldPolicy *f = g_ptr_array_index (members, i);

      g_string_append_printf (sql, "%sOLD.%s IS NOT NEW.%s", i ? " OR " : "", f->name, f->name);
    }
  g_string_append (sql, ") BEGIN\n");
  append_call (sql, table, members, FALSE);
  g_string_append (sql, "END;\n");
}

static void
append_table (GString                  *sql,
              sqlite3                  *db,
              const SlvSyncTablePolicy *table,
              int                       level)
{
  g_autoptr(GHashTable) columns = slv_capture_table_columns (db, table->name);
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();
  g_autoptr(GHashTable) done = g_hash_table_new (g_str_hash, g_str_equal);

  if (table->introduced_in > level || !g_hash_table_contains (columns, "id"))
    return;
  for (guint i = 0; i < table->n_fields; i++)
    {
      const SlvSyncFieldPolicy *f = &table->fields[i];

      if (slv_sync_field_get_level (table, f) <= level && g_hash_table_contains (columns, f->name))
        g_ptr_array_add (fields, (gpointer) f);
    }
  if (fields->len == 0)
    return;
  g_string_append_printf (sql, "-- %s\n", table->name);
  if (table->bucket != SLV_SYNC_BUCKET_INHERITED)
    append_insert_trigger (sql, table, fields);
  for (guint i = 0; i < fields->len; i++)
    {
      const SlvSyncFieldPolicy *f = g_ptr_array_index (fields, i);
      g_autoptr(GPtrArray) members = g_ptr_array_new ();
      g_autofree char *name = NULL;

      /* server-written fields get no update trigger: a local edit of them
       * would only be refused */
      if (f->write_roles == 0 || g_hash_table_contains (done, f->group ? f->group : f->name))
        continue;
      if (f->group == NULL)
        g_ptr_array_add (members, (gpointer) f);
      else
        for (guint j = 0; j < fields->len; j++)
          if (g_strcmp0 (((const SlvSyncFieldPolicy *) g_ptr_array_index (fields, j))->group, f->group) == 0)
            g_ptr_array_add (members, g_ptr_array_index (fields, j));
      g_hash_table_add (done, (gpointer) (f->group ? f->group : f->name));
      name = f->group ? g_strconcat ("g_", f->group, NULL) : g_strdup (f->name);
      append_update_trigger (sql, table, name, members);
    }
}

char *
slv_capture_triggers_sql (sqlite3 *db,
                          int      level)
{
  GString *sql = g_string_new (NULL);

  for (guint i = 0; i < slv_sync_policy_get_n_tables (); i++)
    append_table (sql, db, slv_sync_policy_get_table (i), level);
  return g_string_free (sql, FALSE);
}
