/* slv-store-fts.c: full-text indexing of many rows at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The full-text triggers index a row per statement, and FTS5 flushes its
 * pending index at every statement savepoint; a bulk writer (an import)
 * defers them and indexes a chunk's rows with one INSERT … SELECT, in the
 * transaction that writes them. The SELECTs here make the same index rows
 * as the triggers and slv_store_vacuum().
 */
#define G_LOG_DOMAIN "slv-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "slv-store-private.h"

typedef struct
{
  const char *table;
  const char *fts;
  const char *trigger;   /* its AFTER INSERT trigger */
  const char *insert;    /* followed by a condition on t */
} FtsIndex;

static const FtsIndex indexes[] = {
  { "material", "material_fts", "material_fts_ai",
    "INSERT INTO material_fts (rowid, row_id, code, name, composition, construction, kind, supplier)"
    " SELECT t.rowid, t.id, t.code, t.name, t.composition, t.construction, t.kind, s.name"
    " FROM material t LEFT JOIN supplier s ON s.id = t.supplier_id WHERE " },
  { "cost_rate", "cost_rate_fts", "cost_rate_fts_ai",
    "INSERT INTO cost_rate_fts (rowid, row_id, process, key, description, supplier)"
    " SELECT t.rowid, t.id, t.process, t.key, t.description, s.name"
    " FROM cost_rate t LEFT JOIN supplier s ON s.id = t.supplier_id WHERE " },
};

static const FtsIndex *
find_index (const char *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (indexes); i++)
    if (g_strcmp0 (indexes[i].table, table) == 0)
      return &indexes[i];
  return NULL;
}

gboolean
slv_store_fts_can_defer (SlvStore   *self,
                         const char *table)
{
  const FtsIndex *index = find_index (table);
  sqlite3_stmt *stmt;
  gboolean deferrable = FALSE;

  g_return_val_if_fail (SLV_IS_STORE (self), FALSE);

  if (index == NULL)
    return FALSE;
  /* Workspaces whose triggers predate the switch index row by row. */
  slv_store_lock (self);
  stmt = slv_store_prepare (self, "SELECT sql LIKE '%slv_fts_deferred%' FROM sqlite_master "
                                  "WHERE type = 'trigger' AND name = ?1", NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, index->trigger, -1, SQLITE_STATIC);
      deferrable = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) == 1;
      sqlite3_reset (stmt);
    }
  slv_store_unlock (self);
  return deferrable;
}

gboolean
slv_store_fts_index (SlvStore    *self,
                     const char  *table,
                     const char  *where,
                     gboolean     replace,
                     GError     **error)
{
  const FtsIndex *index = find_index (table);
  g_autofree char *sql = NULL;
  gboolean ok;

  g_return_val_if_fail (SLV_IS_STORE (self), FALSE);
  g_return_val_if_fail (index != NULL, FALSE);

  if (replace)
    sql = g_strdup_printf ("DELETE FROM %s WHERE rowid IN (SELECT t.rowid FROM %s t WHERE %s); %s%s",
                           index->fts, index->table, where, index->insert, where);
  else
    sql = g_strconcat (index->insert, where, NULL);
  slv_store_lock (self);
  ok = slv_store_exec (self, sql, error);
  slv_store_unlock (self);
  if (!ok)
    g_prefix_error (error, _("Could not update the search index of “%s”: "), table);
  return ok;
}
