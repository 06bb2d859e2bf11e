/* slv-capture-triggers.c: capture triggers generated from the policy
 * registry (SYNC-PROTOCOL.md §14).
 *
 * For every synced table the workspace has: one AFTER INSERT trigger that
 * writes an op for every synced column, and AFTER UPDATE triggers, one per
 * column (WHEN OLD.col IS NOT NEW.col) or one per field group (which emits
 * every member, so a group always travels whole). Each trigger first makes
 * sure the transaction has its clock stamp (persisted in sync_state), then
 * upserts the ops into sync_outbox on its partial unique index, so a field
 * edited again before it is sent keeps one op (its first base_hlc and
 * transaction, the newest value, stamp and op id), then stamps sync_clock.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-store"

#include "config.h"

#include <string.h>

#include "slv-capture-private.h"
#include "sync/slv-sync-policy.h"

#define TICK \
  "  UPDATE sync_state SET hlc = slv_sync_tick (hlc, node, clock_offset_ms) " \
  "WHERE id = 1 AND hlc IS NOT slv_sync_tx_hlc ();\n"

#define COALESCE_OUTBOX \
  "    ON CONFLICT (tbl, row_id, field) WHERE batch_id IS NULL DO UPDATE SET " \
  "op_id = excluded.op_id, value = excluded.value, hlc = excluded.hlc;\n"

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

/* The wire JSON of column @col of row @rec (NEW or OLD), as SQL. */
static void
append_value (GString                  *sql,
              const SlvSyncFieldPolicy *field,
              const char               *rec)
{
  const char *c = field->name;

  switch (field->type)
    {
    case SLV_SYNC_TYPE_BOOLEAN:
      g_string_append_printf (sql, "CASE WHEN %s.%s IS NULL THEN 'null' WHEN %s.%s THEN 'true' ELSE 'false' END",
                              rec, c, rec, c);
      break;
    case SLV_SYNC_TYPE_BLOB_REF:
      g_string_append_printf (sql, "CASE WHEN %s.%s IS NULL THEN 'null' ELSE json_quote ('sha256:' || %s.%s) END",
                              rec, c, rec, c);
      break;
    case SLV_SYNC_TYPE_ANY:
      g_string_append_printf (sql, "coalesce (%s.%s, 'null')", rec, c);
      break;
    case SLV_SYNC_TYPE_TEXT:
    case SLV_SYNC_TYPE_UUID:
    case SLV_SYNC_TYPE_DECIMAL:
    case SLV_SYNC_TYPE_INTEGER:
    case SLV_SYNC_TYPE_REAL:
    case SLV_SYNC_TYPE_TIMESTAMP:
    case SLV_SYNC_TYPE_DATE:
    case SLV_SYNC_TYPE_ENUM:
    case SLV_SYNC_TYPE_JSON:
    default:
      g_string_append_printf (sql, "json_quote (%s.%s)", rec, c);
      break;
    }
}

static void
append_bucket (GString                  *sql,
               const SlvSyncTablePolicy *table)
{
  const char *b = table->brand_key;

  switch (table->bucket)
    {
    case SLV_SYNC_BUCKET_BRAND:
      g_string_append_printf (sql, "coalesce ('brand:' || NEW.%s, '')", b);
      break;
    case SLV_SYNC_BUCKET_BRAND_COSTING:
      g_string_append_printf (sql, "coalesce ('brand:' || NEW.%s || ':costing', '')", b);
      break;
    case SLV_SYNC_BUCKET_SUPPLIER:
      g_string_append_printf (sql, "coalesce ('supplier:' || NEW.%s || ':' || NEW.%s, '')", b, table->supplier_key);
      break;
    case SLV_SYNC_BUCKET_INHERITED:
    default:
      g_string_append (sql, "''");
      break;
    }
}

/* INSERT INTO sync_outbox … for @fields (a GPtrArray of policies). */
static void
append_ops (GString                  *sql,
            const SlvSyncTablePolicy *table,
            GPtrArray                *fields)
{
  if (fields->len == 1)
    {
      const SlvSyncFieldPolicy *f = g_ptr_array_index (fields, 0);

      g_string_append_printf (sql,
                              "  INSERT INTO sync_outbox (op_id, tx_hlc, tbl, row_id, field, value, hlc, base_hlc)\n"
                              "    VALUES (slv_sync_op_id (), slv_sync_tx_hlc (), '%s', NEW.id, '%s', ",
                              table->name, f->name);
      append_value (sql, f, "NEW");
      g_string_append_printf (sql, ", slv_sync_tx_hlc (), (SELECT hlc FROM sync_clock WHERE tbl = '%s' "
                              "AND row_id = NEW.id AND field = '%s'))\n" COALESCE_OUTBOX
                              "  INSERT INTO sync_clock (tbl, row_id, field, hlc) "
                              "VALUES ('%s', NEW.id, '%s', slv_sync_tx_hlc ())\n"
                              "    ON CONFLICT DO UPDATE SET hlc = excluded.hlc;\n",
                              table->name, f->name, table->name, f->name);
      return;
    }
  g_string_append (sql,
                   "  INSERT INTO sync_outbox (op_id, tx_hlc, tbl, row_id, field, value, hlc, base_hlc)\n"
                   "    SELECT slv_sync_op_id (), slv_sync_tx_hlc (), v.t, NEW.id, v.f, v.j, slv_sync_tx_hlc (), "
                   "(SELECT c.hlc FROM sync_clock c WHERE c.tbl = v.t AND c.row_id = NEW.id AND c.field = v.f)\n"
                   "    FROM (SELECT column1 AS t, column2 AS f, column3 AS j FROM (VALUES ");
  for (guint i = 0; i < fields->len; i++)
    {
      const SlvSyncFieldPolicy *f = g_ptr_array_index (fields, i);

      g_string_append_printf (sql, "%s('%s', '%s', ", i ? ", " : "", table->name, f->name);
      append_value (sql, f, "NEW");
      g_string_append_c (sql, ')');
    }
  g_string_append (sql, ")) AS v WHERE true\n" COALESCE_OUTBOX);
  g_string_append (sql, "  INSERT INTO sync_clock (tbl, row_id, field, hlc)\n"
                        "    SELECT column1, NEW.id, column2, slv_sync_tx_hlc () FROM (VALUES ");
  for (guint i = 0; i < fields->len; i++)
    g_string_append_printf (sql, "%s('%s', '%s')", i ? ", " : "", table->name,
                            ((const SlvSyncFieldPolicy *) g_ptr_array_index (fields, i))->name);
  g_string_append (sql, ") WHERE true\n    ON CONFLICT DO UPDATE SET hlc = excluded.hlc;\n");
}

static void
append_row_bucket (GString                  *sql,
                   const SlvSyncTablePolicy *table,
                   gboolean                  insert)
{
  if (table->bucket == SLV_SYNC_BUCKET_INHERITED)
    return;
  if (insert)
    {
      g_string_append_printf (sql, "  INSERT INTO sync_row (tbl, row_id, bucket) VALUES ('%s', NEW.id, ", table->name);
      append_bucket (sql, table);
      g_string_append (sql, ") ON CONFLICT DO UPDATE SET bucket = excluded.bucket;\n");
      return;
    }
  g_string_append (sql, "  UPDATE sync_row SET bucket = ");
  append_bucket (sql, table);
  g_string_append_printf (sql, " WHERE tbl = '%s' AND row_id = NEW.id;\n", table->name);
}

static void
append_insert_trigger (GString                  *sql,
                       const SlvSyncTablePolicy *table,
                       GPtrArray                *fields)
{
  g_string_append_printf (sql, "CREATE TRIGGER slv_cap_%s_ins AFTER INSERT ON %s WHEN slv_sync_capturing () BEGIN\n",
                          table->name, table->name);
  g_string_append (sql, TICK);
  append_ops (sql, table, fields);
  append_row_bucket (sql, table, TRUE);
  g_string_append (sql, "END;\n");
}

/* One UPDATE trigger for @members (one field, or a whole field group). */
static void
append_update_trigger (GString                  *sql,
                       const SlvSyncTablePolicy *table,
                       const char               *name,
                       GPtrArray                *members)
{
  gboolean moves = FALSE;

  g_string_append_printf (sql, "CREATE TRIGGER slv_cap_%s_%s AFTER UPDATE OF ", table->name, name);
  for (guint i = 0; i < members->len; i++)
    g_string_append_printf (sql, "%s%s", i ? ", " : "",
                            ((const SlvSyncFieldPolicy *) g_ptr_array_index (members, i))->name);
  g_string_append_printf (sql, " ON %s WHEN slv_sync_capturing () AND (", table->name);
  for (guint i = 0; i < members->len; i++)
    {
      const SlvSyncFieldPolicy *f = g_ptr_array_index (members, i);

      g_string_append_printf (sql, "%sOLD.%s IS NOT NEW.%s", i ? " OR " : "", f->name, f->name);
      moves |= slv_sync_policy_is_bucket_key (table, f->name);
    }
  g_string_append (sql, ") BEGIN\n" TICK);
  append_ops (sql, table, members);
  if (moves)
    append_row_bucket (sql, table, FALSE);
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
