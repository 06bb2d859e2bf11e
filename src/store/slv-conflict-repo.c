/* slv-conflict-repo.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "core/slv-uuid.h"
#include "slv-conflict-repo.h"
#include "slv-sync-store-private.h"
#include "sync/slv-sync-json.h"

void
slv_conflict_record_free (SlvConflictRecord *r)
{
  if (r == NULL)
    return;
  g_free (r->id);
  g_free (r->table);
  g_free (r->row_id);
  g_free (r->field);
  g_free (r->kind);
  g_free (r->document);
  g_free (r->winner_value);
  g_free (r->winner_user);
  g_free (r->loser_value);
  g_free (r->loser_user);
  g_free (r);
}

void
slv_rejection_record_free (SlvRejectionRecord *r)
{
  if (r == NULL)
    return;
  g_free (r->op_id);
  g_free (r->table);
  g_free (r->row_id);
  g_free (r->field);
  g_free (r->document);
  g_free (r->value);
  g_free (r->status);
  g_free (r->code);
  g_free (r->detail);
  g_free (r);
}

/* What a row is called: its code and name where it has them. */
static char *
document_name (SlvStore   *store,
               const char *table,
               const char *row_id)
{
  gboolean has_code, has_name;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  char *name = NULL;

  if (slv_sync_policy_lookup_table (table) == NULL || !slv_store_is_identifier (table))
    return g_strdup (table);
  has_code = slv_store_has_column (store, table, "code");
  has_name = slv_store_has_column (store, table, "name");
  if (!has_code && !has_name)
    return g_strdup_printf ("%s %.8s", table, row_id);
  sql = g_strdup_printf ("SELECT %s FROM %s WHERE id = ?1",
                         has_code && has_name ? "code || ' ' || name" : has_name ? "name" : "code", table);
  stmt = slv_store_prepare (store, sql, NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, row_id, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        name = slv_store_column_dup_text (stmt, 0);
      sqlite3_reset (stmt);
    }
  return name ? name : g_strdup_printf ("%s %.8s", table, row_id);
}

GPtrArray *
slv_conflicts_list_open (SlvStore  *store,
                         GError   **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) slv_conflict_record_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SLV_IS_STORE (store), NULL);
  slv_store_lock (store);
  stmt = slv_store_prepare (store, "SELECT id, tbl, row_id, field, kind, winner_value, winner_user, winner_hlc, "
                                   "loser_value, loser_user, loser_hlc FROM conflict "
                                   "WHERE status = 'open' AND deleted = 0 ORDER BY tbl, row_id, created_seq DESC, field",
                            error);
  while (stmt != NULL && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SlvConflictRecord *r = g_new0 (SlvConflictRecord, 1);

      r->id = slv_store_column_dup_text (stmt, 0);
      r->table = slv_store_column_dup_text (stmt, 1);
      r->row_id = slv_store_column_dup_text (stmt, 2);
      r->field = slv_store_column_dup_text (stmt, 3);
      r->kind = slv_store_column_dup_text (stmt, 4);
      r->winner_value = slv_store_column_dup_text (stmt, 5);
      r->winner_user = slv_store_column_dup_text (stmt, 6);
      r->winner_ms = slv_hlc_text_wall_ms ((const char *) sqlite3_column_text (stmt, 7));
      r->loser_value = slv_store_column_dup_text (stmt, 8);
      r->loser_user = slv_store_column_dup_text (stmt, 9);
      r->loser_ms = slv_hlc_text_wall_ms ((const char *) sqlite3_column_text (stmt, 10));
      g_ptr_array_add (out, r);
    }
  if (stmt != NULL)
    sqlite3_reset (stmt);
  for (guint i = 0; stmt != NULL && i < out->len; i++)
    {
      SlvConflictRecord *r = g_ptr_array_index (out, i);

      r->document = document_name (store, r->table, r->row_id);
    }
  slv_store_unlock (store);
  return stmt != NULL ? g_steal_pointer (&out) : NULL;
}

typedef struct
{
  const char *id;
  const char *user_id;
  gboolean    restore;
} Resolve;

/* Writes @json into the field as a new (captured) edit. */
static gboolean
write_value (SlvStore    *store,
             const char  *table,
             const char  *row_id,
             const char  *field,
             const char  *json,
             GError     **error)
{
  const SlvSyncTablePolicy *tp = slv_sync_policy_lookup_table (table);
  const SlvSyncFieldPolicy *fp = tp ? slv_sync_policy_lookup_field (tp, field) : NULL;
  g_autoptr(JsonNode) node = json ? slv_json_parse (json, strlen (json), NULL) : NULL;
  g_autofree char *now = slv_timestamp_now ();
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  if (fp == NULL || !slv_store_is_identifier (table) || !slv_store_has_column (store, table, field))
    {
      g_set_error (error, SLV_STORE_ERROR, SLV_STORE_ERROR_INVALID,
                   _("This workspace has no field “%s” in “%s” to restore."), field, table);
      return FALSE;
    }
  sql = g_strdup_printf ("UPDATE %s SET %s = ?1, updated_at = ?2 WHERE id = ?3", table, field);
  stmt = slv_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;
  ss_bind_wire (stmt, 1, fp, node);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, row_id, -1, SQLITE_TRANSIENT);
  return slv_store_step_done (store, stmt, error);
}

static gboolean
set_status (SlvStore    *store,
            const char  *id,
            const char  *status,
            const char  *user_id,
            GError     **error)
{
  sqlite3_stmt *stmt = slv_store_prepare (store, "UPDATE conflict SET status = ?2, resolved_by = ?3 WHERE id = ?1",
                                          error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, status, -1, SQLITE_STATIC);
  if (user_id != NULL && slv_uuid_is_valid (user_id))
    sqlite3_bind_text (stmt, 3, user_id, -1, SQLITE_TRANSIENT);
  return slv_store_step_done (store, stmt, error);
}

/* Restoring a value of a field group restores the group: every open
 * conflict of the same row and losing write. */
static gboolean
resolve_tx (SlvStore  *store,
            gpointer   user_data,
            GError   **error)
{
  Resolve *r = user_data;
  g_autoptr(GPtrArray) group = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  sqlite3_stmt *stmt;

  if (!r->restore)
    return set_status (store, r->id, "dismissed", r->user_id, error);
  stmt = slv_store_prepare (store, "SELECT o.id, o.tbl, o.row_id, o.field, o.loser_value FROM conflict c "
                                   "JOIN conflict o ON o.tbl = c.tbl AND o.row_id = c.row_id "
                                   "AND o.loser_hlc IS c.loser_hlc AND (o.status = 'open' OR o.id = c.id) "
                                   "WHERE c.id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, r->id, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      char **row = g_new0 (char *, 6);

      for (int i = 0; i < 5; i++)
        row[i] = slv_store_column_dup_text (stmt, i);
      g_ptr_array_add (group, row);
    }
  sqlite3_reset (stmt);
  if (group->len == 0)
    {
      g_set_error (error, SLV_STORE_ERROR, SLV_STORE_ERROR_NOT_FOUND, _("This conflict no longer exists."));
      return FALSE;
    }
  for (guint i = 0; i < group->len; i++)
    {
      char **row = g_ptr_array_index (group, i);

      if (!write_value (store, row[1], row[2], row[3], row[4], error) ||
          !set_status (store, row[0], "restored", r->user_id, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
slv_conflict_restore (SlvStore    *store,
                      const char  *id,
                      const char  *user_id,
                      GError     **error)
{
  Resolve r = { id, user_id, TRUE };

  g_return_val_if_fail (SLV_IS_STORE (store), FALSE);
  return slv_store_transaction (store, resolve_tx, &r, error);
}

gboolean
slv_conflict_dismiss (SlvStore    *store,
                      const char  *id,
                      const char  *user_id,
                      GError     **error)
{
  Resolve r = { id, user_id, FALSE };

  g_return_val_if_fail (SLV_IS_STORE (store), FALSE);
  return slv_store_transaction (store, resolve_tx, &r, error);
}

GPtrArray *
slv_rejections_list (SlvStore  *store,
                     GError   **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) slv_rejection_record_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SLV_IS_STORE (store), NULL);
  slv_store_lock (store);
  stmt = slv_store_prepare (store, "SELECT op_id, tbl, row_id, field, value, status, code, detail, at "
                                   "FROM sync_rejection WHERE dismissed = 0 ORDER BY at DESC, op_id", error);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      SlvRejectionRecord *r = g_new0 (SlvRejectionRecord, 1);

      r->op_id = slv_store_column_dup_text (stmt, 0);
      r->table = slv_store_column_dup_text (stmt, 1);
      r->row_id = slv_store_column_dup_text (stmt, 2);
      r->field = slv_store_column_dup_text (stmt, 3);
      r->value = slv_store_column_dup_text (stmt, 4);
      r->status = slv_store_column_dup_text (stmt, 5);
      r->code = slv_store_column_dup_text (stmt, 6);
      r->detail = slv_store_column_dup_text (stmt, 7);
      r->at_ms = sqlite3_column_int64 (stmt, 8);
      g_ptr_array_add (out, r);
    }
  if (stmt != NULL)
    sqlite3_reset (stmt);
  for (guint i = 0; stmt != NULL && i < out->len; i++)
    {
      SlvRejectionRecord *r = g_ptr_array_index (out, i);

      r->document = document_name (store, r->table, r->row_id);
    }
  slv_store_unlock (store);
  return stmt != NULL ? g_steal_pointer (&out) : NULL;
}

gboolean
slv_rejection_dismiss (SlvStore    *store,
                       const char  *op_id,
                       GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;

  g_return_val_if_fail (SLV_IS_STORE (store), FALSE);
  slv_store_lock (store);
  stmt = slv_store_prepare (store, "UPDATE sync_rejection SET dismissed = 1 WHERE op_id = ?1", error);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, op_id, -1, SQLITE_TRANSIENT);
      ok = slv_store_step_done (store, stmt, error);
    }
  slv_store_unlock (store);
  return ok;
}
