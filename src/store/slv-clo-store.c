/* slv-clo-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-clo-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "slv-clo-store.h"
#include "slv-store-private.h"
#include "core/slv-uuid.h"

static GHashTable *
row_from (sqlite3_stmt *stmt)
{
  GHashTable *row = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (int c = 0; c < sqlite3_column_count (stmt); c++)
    if (sqlite3_column_type (stmt, c) != SQLITE_NULL)
      g_hash_table_insert (row, g_strdup (sqlite3_column_name (stmt, c)),
                           slv_store_column_dup_text (stmt, c));
  return row;
}

/* Runs @sql with text parameters ?1… and collects the rows. */
static GPtrArray *
query (SlvStore            *store,
       const char          *sql,
       const char * const  *params,
       GError             **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  sqlite3_stmt *stmt;
  int rc;

  slv_store_lock (store);
  stmt = slv_store_prepare (store, sql, error);
  if (stmt == NULL)
    {
      slv_store_unlock (store);
      return NULL;
    }
  for (guint i = 0; params != NULL && params[i] != NULL; i++)
    sqlite3_bind_text (stmt, i + 1, params[i], -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, row_from (stmt));
  if (rc != SQLITE_DONE)
    {
      slv_store_set_error (store, error, _("Could not read the workspace"));
      g_clear_pointer (&rows, g_ptr_array_unref);
    }
  sqlite3_reset (stmt);
  slv_store_unlock (store);
  return g_steal_pointer (&rows);
}

static gboolean
execute (SlvStore            *store,
         const char          *sql,
         const char * const  *params,
         GError             **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  slv_store_lock (store);
  stmt = slv_store_prepare (store, sql, error);
  if (stmt == NULL)
    {
      slv_store_unlock (store);
      return FALSE;
    }
  for (guint i = 0; params[i] != NULL; i++)
    sqlite3_bind_text (stmt, i + 1, params[i], -1, SQLITE_TRANSIENT);
  ok = slv_store_step_done (store, stmt, error);
  slv_store_unlock (store);
  return ok;
}

char *
slv_clo_store_dup_base_costing (SlvStore    *store,
                                const char  *style_id,
                                GError     **error)
{
  const char *params[] = { style_id, NULL };
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (SLV_IS_STORE (store) && style_id != NULL, NULL);

  rows = query (store, "SELECT id FROM costing WHERE style_id = ?1 AND deleted = 0 "
                "ORDER BY scenario <> 'Base', created_at, id LIMIT 1", params, error);
  if (rows == NULL)
    return NULL;
  if (rows->len == 0)
    {
      g_set_error (error, SLV_STORE_ERROR, SLV_STORE_ERROR_NOT_FOUND,
                   _("The style has no costing to hold its bill of materials; add one first."));
      return NULL;
    }
  return g_strdup (g_hash_table_lookup (g_ptr_array_index (rows, 0), "id"));
}

GPtrArray *
slv_clo_store_list_bom_lines (SlvStore    *store,
                              const char  *costing_id,
                              GError     **error)
{
  const char *params[] = { costing_id, NULL };

  g_return_val_if_fail (SLV_IS_STORE (store) && costing_id != NULL, NULL);
  return query (store,
                "SELECT b.id, b.costing_id, b.style_id, b.brand_id, b.position, b.material_id, "
                "b.placement, b.consumption, b.unit, b.wastage_pct, b.calc, b.note, "
                "m.code AS material_code, m.name AS material_name, m.kind AS material_kind, "
                "m.construction, m.gsm, m.width_cm, m.unit AS material_unit "
                "FROM bom_line b LEFT JOIN material m ON m.id = b.material_id "
                "WHERE b.costing_id = ?1 AND b.deleted = 0 ORDER BY b.position, b.id",
                params, error);
}

GPtrArray *
slv_clo_store_list_pieces (SlvStore    *store,
                           const char  *style_id,
                           GError     **error)
{
  const char *params[] = { style_id, NULL };

  g_return_val_if_fail (SLV_IS_STORE (store) && style_id != NULL, NULL);
  return query (store, "SELECT * FROM pattern_piece WHERE style_id = ?1 AND deleted = 0 "
                "ORDER BY name, size, id", params, error);
}

GHashTable *
slv_clo_store_get_row (SlvStore    *store,
                       const char  *table,
                       const char  *id,
                       GError     **error)
{
  const char *params[] = { id, NULL };
  g_autofree char *sql = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (SLV_IS_STORE (store) && table != NULL && id != NULL, NULL);

  if (!slv_store_is_identifier (table))
    {
      g_set_error (error, SLV_STORE_ERROR, SLV_STORE_ERROR_INVALID, _("“%s” is not a table."), table);
      return NULL;
    }
  sql = g_strdup_printf ("SELECT * FROM %s WHERE id = ?1", table);
  rows = query (store, sql, params, error);
  if (rows == NULL)
    return NULL;
  if (rows->len == 0)
    {
      g_set_error (error, SLV_STORE_ERROR, SLV_STORE_ERROR_NOT_FOUND,
                   _("No record %s in “%s”."), id, table);
      return NULL;
    }
  return g_hash_table_ref (g_ptr_array_index (rows, 0));
}

GHashTable *
slv_clo_store_find_style_board (SlvStore    *store,
                                const char  *style_id,
                                GError     **error)
{
  static const char *sql =
    "SELECT b.id AS board_id,"
    " (SELECT max (x + w) FROM board_item WHERE board_id = b.id AND deleted = 0) AS right,"
    " (SELECT min (y) FROM board_item WHERE board_id = b.id AND deleted = 0) AS top,"
    " (SELECT max (z) FROM board_item WHERE board_id = b.id) AS top_z "
    "FROM board b WHERE b.deleted = 0 AND (b.id IN (SELECT board_id FROM board_item"
    "   WHERE style_id = ?1 AND kind = 'style' AND deleted = 0)"
    " OR b.collection_id = (SELECT collection_id FROM style WHERE id = ?1)) "
    "ORDER BY b.id IN (SELECT board_id FROM board_item WHERE style_id = ?1 AND kind = 'style' AND deleted = 0) DESC,"
    " b.position, b.id LIMIT 1";
  const char *params[] = { style_id, NULL };
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (SLV_IS_STORE (store) && style_id != NULL, NULL);

  rows = query (store, sql, params, error);
  if (rows == NULL || rows->len == 0)
    return NULL;
  return g_hash_table_ref (g_ptr_array_index (rows, 0));
}

gboolean
slv_clo_store_record_import (SlvStore    *store,
                             const char  *id_in,
                             const char  *style_id,
                             const char  *source,
                             const char  *summary_json,
                             const char  *changes_json,
                             char       **out_id,
                             GError     **error)
{
  g_autofree char *id = id_in ? g_strdup (id_in) : slv_uuid_v7_new ();
  g_autofree char *now = slv_timestamp_now ();
  const char *params[] = { id, now, style_id, source, summary_json, changes_json, NULL };

  g_return_val_if_fail (SLV_IS_STORE (store), FALSE);

  if (!execute (store, "INSERT INTO clo_import (id, created_at, style_id, source, summary, changes) "
                "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", params, error))
    return FALSE;
  if (out_id != NULL)
    *out_id = g_steal_pointer (&id);
  return TRUE;
}

char *
slv_clo_store_dup_last_import (SlvStore    *store,
                               const char  *style_id,
                               GError     **error)
{
  const char *params[] = { style_id, NULL };
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (SLV_IS_STORE (store) && style_id != NULL, NULL);

  rows = query (store, "SELECT id FROM clo_import WHERE style_id = ?1 AND undone_at IS NULL "
                "ORDER BY created_at DESC, id DESC LIMIT 1", params, error);
  if (rows == NULL || rows->len == 0)
    return NULL;
  return g_strdup (g_hash_table_lookup (g_ptr_array_index (rows, 0), "id"));
}

gboolean
slv_clo_store_mark_undone (SlvStore    *store,
                           const char  *import_id,
                           GError     **error)
{
  g_autofree char *now = slv_timestamp_now ();
  const char *params[] = { now, import_id, NULL };

  g_return_val_if_fail (SLV_IS_STORE (store) && import_id != NULL, FALSE);
  return execute (store, "UPDATE clo_import SET undone_at = ?1 WHERE id = ?2 AND undone_at IS NULL",
                  params, error);
}
