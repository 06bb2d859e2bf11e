/* slv-import-writer.c: upserts of imported rows by natural key, staged and
 * written in bulk, with before-images for undo. Keys and value comparison
 * are in slv-import-writer-keys.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-import-writer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "slv-import-writer-private.h"
#include "core/slv-uuid.h"

#define MAX_COLUMNS 60


/* -- helpers -- */

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

static void
append_json_string (GString    *out,
                    const char *value)
{
  if (value == NULL)
    {
      g_string_append (out, "null");
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = value; *p; p++)
    {
      guchar c = *p;

      if (c == '"' || c == '\\')
        g_string_append_printf (out, "\\%c", c);
      else if (c < 0x20)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, c);
    }
  g_string_append_c (out, '"');
}

/* -- construction -- */

static gboolean
load_bloom (SlvImportWriter  *self,
            GError          **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT ");
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = slv_store_get_db (self->store);
  gint64 count = 0;
  guint64 bits = G_GUINT64_CONSTANT (1) << 20;
  int rc;

  for (guint i = 0; i < self->table->n_keys; i++)
    g_string_append_printf (sql, "%s%s", i ? ", " : "", self->table->columns[i]);
  g_string_append_printf (sql, " FROM %s%s", self->table->table,
                          self->has_brand ? " WHERE brand_id = ?1" : "");

  {
    g_autofree char *count_sql = g_strdup_printf ("SELECT count(*) FROM %s", self->table->table);

    if (sqlite3_prepare_v2 (db, count_sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
      count = sqlite3_column_int64 (stmt, 0);
    sqlite3_finalize (stmt);
  }
  /* About 16 bits per key, for the rows there are and a large file more. */
  while (bits < (guint64) (count + 1000000) * 16 && bits < (G_GUINT64_CONSTANT (1) << 30))
    bits <<= 1;
  self->bloom = g_new0 (guint64, bits / 64);
  self->bloom_mask = bits - 1;

  if (sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL) != SQLITE_OK)
    {
      slv_store_set_error (self->store, error, _("Could not read the existing records"));
      return FALSE;
    }
  if (self->has_brand)
    bind_text (stmt, 1, self->brand_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *values[MAX_COLUMNS];

      for (guint i = 0; i < self->table->n_keys; i++)
        values[i] = (const char *) sqlite3_column_text (stmt, i);
      import_writer_build_key (self, values);
      import_writer_bloom_add (self);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      slv_store_set_error (self->store, error, _("Could not read the existing records"));
      return FALSE;
    }
  return TRUE;
}

void
slv_import_writer_free (SlvImportWriter *self)
{
  if (self == NULL)
    return;
  if (self->staging)
    {
      slv_store_lock (self->store);
      slv_store_exec (self->store, "DELETE FROM temp.slv_stage_ins; DELETE FROM temp.slv_stage_upd", NULL);
      slv_store_unlock (self->store);
    }
  g_clear_object (&self->store);
  g_free (self->brand_id);
  g_free (self->batch_id);
  g_free (self->now);
  g_free (self->since);
  g_free (self->lookup_sql);
  g_hash_table_unref (self->insert_sql);
  g_hash_table_unref (self->flush_ins_sql);
  g_hash_table_unref (self->flush_upd_sql);
  g_hash_table_unref (self->staged_keys);
  g_string_free (self->pending, TRUE);
  g_string_free (self->key, TRUE);
  g_free (self->bloom);
  g_free (self);
}

SlvImportWriter *
slv_import_writer_new (SlvStore              *store,
                       const SlvImportTable  *table,
                       const char            *brand_id,
                       const char            *batch_id,
                       gint64                 next_seq,
                       GError               **error)
{
  g_autoptr(SlvImportWriter) self = g_new0 (SlvImportWriter, 1);
  g_autoptr(GString) sql = g_string_new ("SELECT id, deleted, updated_at");
  gboolean ok;

  g_return_val_if_fail (SLV_IS_STORE (store), NULL);
  g_return_val_if_fail (table->n_columns <= MAX_COLUMNS && table->n_keys > 0, NULL);

  self->store = g_object_ref (store);
  self->table = table;
  self->brand_id = g_strdup (brand_id);
  self->batch_id = g_strdup (batch_id);
  self->next_seq = next_seq;
  self->now = slv_timestamp_now ();
  self->insert_sql = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->flush_ins_sql = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->flush_upd_sql = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->staged_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->pending = g_string_new (NULL);
  self->key = g_string_new (NULL);

  slv_store_lock (store);
  for (guint i = 0; i < table->n_columns; i++)
    if (!slv_store_has_column (store, table->table, table->columns[i]))
      {
        g_set_error (error, SLV_STORE_ERROR, SLV_STORE_ERROR_INVALID,
                     _("The workspace has no field “%s” in “%s”."), table->columns[i], table->table);
        slv_store_unlock (store);
        return NULL;
      }
  self->has_brand = brand_id != NULL && slv_store_has_column (store, table->table, "brand_id");
  for (guint i = table->n_keys; i < table->n_columns; i++)
    g_string_append_printf (sql, ", %s", table->columns[i]);
  g_string_append_printf (sql, " FROM %s WHERE %s", table->table, self->has_brand ? "brand_id = ?1" : "1");
  for (guint i = 0; i < table->n_keys; i++)
    g_string_append_printf (sql, " AND %s IS ?%u", table->columns[i], i + 2);
  g_string_append (sql, " ORDER BY deleted LIMIT 1");
  self->lookup_sql = g_string_free (g_steal_pointer (&sql), FALSE);
  self->fts_bulk = slv_store_fts_can_defer (store, table->table);
  ok = load_bloom (self, error);
  slv_store_unlock (store);
  return ok ? g_steal_pointer (&self) : NULL;
}

/* -- lookup -- */

typedef struct
{
  gboolean  found;
  gboolean  deleted;
  gboolean  repeat;
  char     *id;
  char     *current[MAX_COLUMNS];
  guint64   changed;   /* bit per column */
} Lookup;

static void
lookup_clear (Lookup *l)
{
  g_free (l->id);
  for (guint i = 0; i < MAX_COLUMNS; i++)
    g_free (l->current[i]);
}

static gboolean
lookup (SlvImportWriter    *self,
        const char * const *values,
        Lookup             *l,
        GError            **error)
{
  const SlvImportTable *t = self->table;
  sqlite3_stmt *stmt;
  int rc;

  memset (l, 0, sizeof *l);
  import_writer_build_key (self, values);
  if (!import_writer_bloom_may_contain (self))
    return TRUE;

  stmt = slv_store_prepare (self->store, self->lookup_sql, error);
  if (stmt == NULL)
    return FALSE;
  if (self->has_brand)
    bind_text (stmt, 1, self->brand_id);
  for (guint i = 0; i < t->n_keys; i++)
    bind_text (stmt, i + 2, values[i]);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      l->found = TRUE;
      l->id = slv_store_column_dup_text (stmt, 0);
      l->deleted = sqlite3_column_int (stmt, 1) != 0;
      l->repeat = self->since != NULL && sqlite3_column_text (stmt, 2) != NULL &&
                  strcmp ((const char *) sqlite3_column_text (stmt, 2), self->since) >= 0;
      for (guint i = t->n_keys; i < t->n_columns; i++)
        l->current[i] = slv_store_column_dup_text (stmt, 3 + i - t->n_keys);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      slv_store_set_error (self->store, error, _("Could not look up a record"));
      return FALSE;
    }
  if (l->found)
    for (guint i = t->n_keys; i < t->n_columns; i++)
      if (values[i] != NULL && !import_writer_same_value (self, i, l->current[i], values[i]))
        l->changed |= G_GUINT64_CONSTANT (1) << i;
  return TRUE;
}

static SlvUpsertAction
action_of (const Lookup *l)
{
  if (!l->found)
    return SLV_UPSERT_INSERT;
  return (l->changed != 0 || l->deleted) ? SLV_UPSERT_UPDATE : SLV_UPSERT_UNCHANGED;
}

gboolean
slv_import_writer_classify (SlvImportWriter     *self,
                            const char * const  *values,
                            SlvUpsertAction     *action,
                            char               **before,
                            GError             **error)
{
  Lookup l;
  gboolean ok;

  slv_store_lock (self->store);
  ok = lookup (self, values, &l, error);
  slv_store_unlock (self->store);
  if (ok)
    {
      *action = action_of (&l);
      for (guint i = 0; before != NULL && i < self->table->n_columns; i++)
        {
          if (l.changed & (G_GUINT64_CONSTANT (1) << i))
            before[i] = l.current[i] ? g_steal_pointer (&l.current[i]) : g_strdup ("");
          else
            before[i] = NULL;
        }
    }
  lookup_clear (&l);
  return ok;
}

/* -- writing --
 *
 * Rows are not written one statement at a time: a statement on a table with
 * a full-text trigger opens a savepoint, and FTS5 flushes its index on
 * every savepoint. New and changed rows are staged in two TEMP tables and
 * written with one INSERT … SELECT and one UPDATE … FROM per chunk (per set
 * of columns). A key seen again before that flushes the stage first, so
 * lookups always see every earlier row. */

#define STAGE_COLUMNS \
  "mask INTEGER, id TEXT, c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14, c15, c16, " \
  "c17, c18, c19, c20, c21, c22, c23, c24, c25, c26, c27, c28, c29, c30, c31, c32, c33, c34, c35, c36, " \
  "c37, c38, c39, c40, c41, c42, c43, c44, c45, c46, c47, c48, c49, c50, c51, c52, c53, c54, c55, c56, " \
  "c57, c58, c59"

static gboolean
create_stage (SlvImportWriter  *self,
              GError          **error)
{
  return slv_store_exec (self->store,
                         "CREATE TEMP TABLE IF NOT EXISTS slv_stage_ins (" STAGE_COLUMNS ");"
                         "CREATE TEMP TABLE IF NOT EXISTS slv_stage_upd (" STAGE_COLUMNS ");"
                         "DELETE FROM temp.slv_stage_ins; DELETE FROM temp.slv_stage_upd;", error);
}

static const char *
stage_sql (SlvImportWriter *self,
           const char      *stage)
{
  GString *s;
  const char *sql = g_hash_table_lookup (self->insert_sql, stage);

  if (sql != NULL)
    return sql;
  s = g_string_new (NULL);
  g_string_append_printf (s, "INSERT INTO temp.%s (mask, id", stage);
  for (guint i = 0; i < self->table->n_columns; i++)
    g_string_append_printf (s, ", c%u", i);
  g_string_append (s, ") VALUES (?1, ?2");
  for (guint i = 0; i < self->table->n_columns; i++)
    g_string_append_printf (s, ", ?%u", i + 3);
  g_string_append (s, ")");
  g_hash_table_insert (self->insert_sql, g_strdup (stage), s->str);
  return g_string_free (s, FALSE);
}

static gboolean
stage_row (SlvImportWriter     *self,
           const char          *stage,
           guint64              mask,
           const char          *id,
           const char * const  *values,
           GError             **error)
{
  sqlite3_stmt *stmt = slv_store_prepare (self->store, stage_sql (self, stage), error);

  if (stmt == NULL)
    return FALSE;
  /* The values outlive the step: bind them without copies. */
  sqlite3_bind_int64 (stmt, 1, (sqlite3_int64) mask);
  sqlite3_bind_text (stmt, 2, id, -1, SQLITE_STATIC);
  for (guint i = 0; i < self->table->n_columns; i++)
    if (values[i] != NULL && (mask & (G_GUINT64_CONSTANT (1) << i)))
      sqlite3_bind_text (stmt, i + 3, values[i], -1, SQLITE_STATIC);
  if (!slv_store_step_done (self->store, stmt, error))
    return FALSE;
  g_hash_table_add (self->staged_keys, g_strdup (self->key->str));
  self->n_staged++;
  return TRUE;
}

static char *
flush_insert_sql (SlvImportWriter *self,
                  guint64          mask)
{
  GString *s = g_string_new (NULL);

  g_string_append_printf (s, "INSERT INTO %s (id, created_at, updated_at", self->table->table);
  if (self->has_brand)
    g_string_append (s, ", brand_id");
  for (guint i = 0; i < self->table->n_columns; i++)
    if (mask & (G_GUINT64_CONSTANT (1) << i))
      g_string_append_printf (s, ", %s", self->table->columns[i]);
  g_string_append (s, ") SELECT id, ?1, ?1");
  if (self->has_brand)
    g_string_append (s, ", ?2");
  for (guint i = 0; i < self->table->n_columns; i++)
    if (mask & (G_GUINT64_CONSTANT (1) << i))
      g_string_append_printf (s, ", c%u", i);
  g_string_append (s, " FROM temp.slv_stage_ins WHERE mask = ?3 ORDER BY rowid");
  return g_string_free (s, FALSE);
}

static char *
flush_update_sql (SlvImportWriter *self,
                  guint64          mask)
{
  GString *s = g_string_new (NULL);

  g_string_append_printf (s, "UPDATE %s SET updated_at = ?1%s", self->table->table,
                          (mask >> 63) ? ", deleted = 0" : "");
  for (guint i = 0; i < self->table->n_columns; i++)
    if (mask & (G_GUINT64_CONSTANT (1) << i))
      g_string_append_printf (s, ", %s = s.c%u", self->table->columns[i], i);
  g_string_append_printf (s, " FROM temp.slv_stage_upd AS s WHERE %s.id = s.id AND s.mask = ?3",
                          self->table->table);
  return g_string_free (s, FALSE);
}

/* Writes the staged rows of one stage, one statement per column set. */
static gboolean
flush_one (SlvImportWriter  *self,
           const char       *stage,
           gboolean          insert,
           GError          **error)
{
  g_autofree char *masks_sql = g_strdup_printf ("SELECT DISTINCT mask FROM temp.%s", stage);
  g_autoptr(GArray) masks = g_array_new (FALSE, FALSE, sizeof (guint64));
  sqlite3_stmt *stmt = slv_store_prepare (self->store, masks_sql, error);

  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      guint64 mask = (guint64) sqlite3_column_int64 (stmt, 0);

      g_array_append_val (masks, mask);
    }
  sqlite3_reset (stmt);
  for (guint m = 0; m < masks->len; m++)
    {
      guint64 mask = g_array_index (masks, guint64, m);
      GHashTable *cache = insert ? self->flush_ins_sql : self->flush_upd_sql;
      const char *sql = g_hash_table_lookup (cache, &mask);

      if (sql == NULL)
        {
          char *built = insert ? flush_insert_sql (self, mask) : flush_update_sql (self, mask);

          g_hash_table_insert (cache, g_memdup2 (&mask, sizeof mask), built);
          sql = built;
        }
      stmt = slv_store_prepare (self->store, sql, error);
      if (stmt == NULL)
        return FALSE;
      bind_text (stmt, 1, self->now);
      if (self->has_brand)
        bind_text (stmt, 2, self->brand_id);
      sqlite3_bind_int64 (stmt, 3, (sqlite3_int64) mask);
      if (!slv_store_step_done (self->store, stmt, error))
        {
          g_prefix_error (error, insert ? _("Could not add records to “%s”: ") : _("Could not change records in “%s”: "),
                          self->table->table);
          return FALSE;
        }
    }
  return TRUE;
}

static gint64
max_rowid (SlvImportWriter *self)
{
  g_autofree char *sql = g_strdup_printf ("SELECT max(rowid) FROM %s", self->table->table);
  sqlite3_stmt *stmt = slv_store_prepare (self->store, sql, NULL);
  gint64 max = 0;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    max = sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return max;
}

/* With the full-text triggers deferred: the staged rows, then their index
 * rows in two statements (new rows have rowids above the old maximum). */
static gboolean
flush_bulk (SlvImportWriter  *self,
            GError          **error)
{
  gint64 last = max_rowid (self);
  g_autofree char *new_rows = g_strdup_printf ("t.rowid > %" G_GINT64_FORMAT, last);
  gboolean ok;

  slv_store_set_fts_deferred (self->store, TRUE);
  ok = flush_one (self, "slv_stage_ins", TRUE, error) && flush_one (self, "slv_stage_upd", FALSE, error);
  slv_store_set_fts_deferred (self->store, FALSE);
  return ok &&
         slv_store_fts_index (self->store, self->table->table, new_rows, FALSE, error) &&
         slv_store_fts_index (self->store, self->table->table, "t.id IN (SELECT id FROM temp.slv_stage_upd)",
                              TRUE, error);
}

static gboolean
flush_stage (SlvImportWriter  *self,
             GError          **error)
{
  gboolean ok;

  if (self->n_staged == 0)
    return TRUE;
  if (self->fts_bulk)
    ok = flush_bulk (self, error);
  else
    ok = flush_one (self, "slv_stage_ins", TRUE, error) && flush_one (self, "slv_stage_upd", FALSE, error);
  if (!ok || !slv_store_exec (self->store, "DELETE FROM temp.slv_stage_ins; DELETE FROM temp.slv_stage_upd", error))
    return FALSE;
  g_hash_table_remove_all (self->staged_keys);
  self->n_staged = 0;
  return TRUE;
}

static gboolean
insert_row (SlvImportWriter     *self,
            const char * const  *values,
            GError             **error)
{
  g_autofree char *id = slv_uuid_v7_new ();
  guint64 mask = 0;

  for (guint i = 0; i < self->table->n_columns; i++)
    if (values[i] != NULL)
      mask |= G_GUINT64_CONSTANT (1) << i;
  if (!stage_row (self, "slv_stage_ins", mask, id, values, error))
    return FALSE;
  g_string_append (self->pending, self->n_pending++ ? ",\"" : "[\"");
  g_string_append (self->pending, id);
  g_string_append_c (self->pending, '"');
  import_writer_bloom_add (self);
  return TRUE;
}

static gboolean
record_update (SlvImportWriter     *self,
               const Lookup        *l,
               const char * const  *values,
               GError             **error)
{
  g_autoptr(GString) before = g_string_new ("{");
  g_autoptr(GString) after = g_string_new ("{");
  sqlite3_stmt *stmt;

  if (l->deleted)
    {
      g_string_append (before, "\"deleted\":\"1\"");
      g_string_append (after, "\"deleted\":\"0\"");
    }
  for (guint i = 0; i < self->table->n_columns; i++)
    if (l->changed & (G_GUINT64_CONSTANT (1) << i))
      {
        const char *sep = before->len > 1 ? "," : "";

        g_string_append_printf (before, "%s\"%s\":", sep, self->table->columns[i]);
        append_json_string (before, l->current[i]);
        g_string_append_printf (after, "%s\"%s\":", sep, self->table->columns[i]);
        append_json_string (after, values[i]);
      }
  g_string_append_c (before, '}');
  g_string_append_c (after, '}');

  stmt = slv_store_prepare (self->store,
                            "INSERT INTO import_change (batch_id, seq, tbl, row_id, action, before, after) "
                            "VALUES (?1, ?2, ?3, ?4, 1, ?5, ?6)", error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, self->batch_id);
  sqlite3_bind_int64 (stmt, 2, self->next_seq++);
  bind_text (stmt, 3, self->table->table);
  bind_text (stmt, 4, l->id);
  bind_text (stmt, 5, before->str);
  bind_text (stmt, 6, after->str);
  return slv_store_step_done (self->store, stmt, error);
}

static gboolean
update_row (SlvImportWriter     *self,
            const Lookup        *l,
            const char * const  *values,
            GError             **error)
{
  guint64 mask = l->changed | (l->deleted ? G_GUINT64_CONSTANT (1) << 63 : 0);

  return stage_row (self, "slv_stage_upd", mask, l->id, values, error) &&
         record_update (self, l, values, error);
}

gboolean
slv_import_writer_apply (SlvImportWriter     *self,
                         const char * const  *values,
                         const char * const  *insert_values,
                         SlvUpsertAction     *action,
                         GError             **error)
{
  Lookup l = { 0 };
  gboolean ok = TRUE;

  slv_store_lock (self->store);
  if (!self->staging)
    ok = create_stage (self, error);
  self->staging = TRUE;
  import_writer_build_key (self, values);
  /* The same key again: write what is staged, so the lookup sees it. */
  if (ok && g_hash_table_contains (self->staged_keys, self->key->str))
    ok = flush_stage (self, error);
  ok = ok && lookup (self, values, &l, error);
  self->last_repeat = ok && l.repeat;
  if (ok)
    {
      *action = action_of (&l);
      if (*action == SLV_UPSERT_INSERT && insert_values != NULL)
        ok = insert_row (self, insert_values, error);
      else if (*action == SLV_UPSERT_UPDATE)
        ok = update_row (self, &l, values, error);
    }
  slv_store_unlock (self->store);
  lookup_clear (&l);
  return ok;
}

gboolean
slv_import_writer_flush (SlvImportWriter  *self,
                         GError          **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  slv_store_lock (self->store);
  ok = flush_stage (self, error);
  if (ok && self->n_pending > 0)
    {
      g_string_append_c (self->pending, ']');
      stmt = slv_store_prepare (self->store,
                                "INSERT INTO import_change (batch_id, seq, tbl, row_id, action, before, after) "
                                "VALUES (?1, ?2, ?3, '*', 0, NULL, ?4)", error);
      ok = stmt != NULL;
      if (ok)
        {
          bind_text (stmt, 1, self->batch_id);
          sqlite3_bind_int64 (stmt, 2, self->next_seq++);
          bind_text (stmt, 3, self->table->table);
          sqlite3_bind_text (stmt, 4, self->pending->str, self->pending->len, SQLITE_STATIC);
          ok = slv_store_step_done (self->store, stmt, error);
        }
    }
  slv_store_unlock (self->store);
  if (ok)
    {
      g_string_truncate (self->pending, 0);
      self->n_pending = 0;
      g_free (self->now);
      self->now = slv_timestamp_now ();
    }
  return ok;
}

void
slv_import_writer_set_since (SlvImportWriter *self,
                             const char      *timestamp)
{
  g_free (self->since);
  self->since = g_strdup (timestamp);
}

gboolean
slv_import_writer_last_was_repeat (SlvImportWriter *self)
{
  return self->last_repeat;
}

gint64
slv_import_writer_get_next_seq (SlvImportWriter *self)
{
  return self->next_seq;
}

void
slv_import_writer_rewind (SlvImportWriter *self,
                          gint64           next_seq)
{
  g_string_truncate (self->pending, 0);
  self->n_pending = 0;
  self->next_seq = next_seq;
  /* Drop whatever the failed chunk left staged. */
  if (self->staging)
    {
      slv_store_lock (self->store);
      slv_store_exec (self->store, "DELETE FROM temp.slv_stage_ins; DELETE FROM temp.slv_stage_upd", NULL);
      slv_store_unlock (self->store);
    }
  g_hash_table_remove_all (self->staged_keys);
  self->n_staged = 0;
}
