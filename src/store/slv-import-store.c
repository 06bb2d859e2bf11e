/* slv-import-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-import-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "slv-import-store.h"
#include "slv-store-private.h"
#include "core/slv-uuid.h"

#define BATCH_COLUMNS \
  "id, created_at, finished_at, user_name, target, file_name, file_path, file_size, " \
  "file_mtime, file_sha256, mapping, state, next_row, next_seq, rows_total, inserted, " \
  "updated, unchanged, rejected, warnings, job_id, message"

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

void
slv_batch_record_free (SlvBatchRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->id);
  g_free (record->created_at);
  g_free (record->finished_at);
  g_free (record->user_name);
  g_free (record->target);
  g_free (record->file_name);
  g_free (record->file_path);
  g_free (record->file_sha256);
  g_free (record->mapping);
  g_free (record->state);
  g_free (record->job_id);
  g_free (record->message);
  g_free (record);
}

void
slv_issue_record_free (SlvIssueRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->column);
  g_free (record->value);
  g_free (record->reason);
  g_free (record);
}

void
slv_mapping_record_free (SlvMappingRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->name);
  g_free (record->target);
  g_free (record->mapping);
  g_free (record->updated_at);
  g_free (record);
}

gboolean
slv_import_store_find_brand (SlvStore    *store,
                             const char  *code,
                             char       **brand_id,
                             char       **base_currency,
                             GError     **error)
{
  sqlite3_stmt *stmt;
  int found = 0;

  g_return_val_if_fail (SLV_IS_STORE (store), FALSE);

  slv_store_lock (store);
  stmt = slv_store_prepare (store,
                            "SELECT id, base_currency FROM brand WHERE deleted = 0 "
                            "AND (?1 IS NULL OR code = ?1) ORDER BY code LIMIT 2", error);
  if (stmt == NULL)
    {
      slv_store_unlock (store);
      return FALSE;
    }
  bind_text (stmt, 1, code);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (found++ == 0)
        {
          *brand_id = slv_store_column_dup_text (stmt, 0);
          *base_currency = slv_store_column_dup_text (stmt, 1);
        }
    }
  sqlite3_reset (stmt);
  slv_store_unlock (store);

  if (found == 1)
    return TRUE;
  g_clear_pointer (brand_id, g_free);
  g_clear_pointer (base_currency, g_free);
  if (found == 0 && code != NULL)
    g_set_error (error, SLV_STORE_ERROR, SLV_STORE_ERROR_NOT_FOUND,
                 _("The workspace has no brand “%s”."), code);
  else if (found == 0)
    g_set_error (error, SLV_STORE_ERROR, SLV_STORE_ERROR_NOT_FOUND,
                 _("The workspace has no brand yet; create one before importing."));
  else
    g_set_error (error, SLV_STORE_ERROR, SLV_STORE_ERROR_INVALID,
                 _("The workspace holds several brands; choose the one to import into."));
  return FALSE;
}

char *
slv_import_store_find_id (SlvStore    *store,
                          const char  *table,
                          const char  *column,
                          const char  *value,
                          const char  *brand_id,
                          GError     **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  char *id = NULL;

  g_return_val_if_fail (SLV_IS_STORE (store), NULL);

  slv_store_lock (store);
  if (!slv_store_has_column (store, table, column))
    {
      g_set_error (error, SLV_STORE_ERROR, SLV_STORE_ERROR_INVALID,
                   _("The workspace has no field “%s” in “%s”."), column, table);
      slv_store_unlock (store);
      return NULL;
    }
  sql = g_strdup_printf ("SELECT id FROM %s WHERE %s = ?1 AND deleted = 0 "
                         "AND (?2 IS NULL OR brand_id = ?2) LIMIT 1", table, column);
  stmt = slv_store_prepare (store, sql, error);
  if (stmt != NULL)
    {
      bind_text (stmt, 1, value);
      bind_text (stmt, 2, brand_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        id = slv_store_column_dup_text (stmt, 0);
      sqlite3_reset (stmt);
    }
  slv_store_unlock (store);
  return id;
}

/* -- batches -- */

gboolean
slv_import_store_add_batch (SlvStore              *store,
                            const SlvBatchRecord  *r,
                            GError               **error)
{
  g_autofree char *now = slv_timestamp_now ();
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;

  g_return_val_if_fail (SLV_IS_STORE (store), FALSE);
  g_return_val_if_fail (r->id != NULL, FALSE);

  slv_store_lock (store);
  stmt = slv_store_prepare (store,
                            "INSERT INTO import_batch (" BATCH_COLUMNS ") VALUES "
                            "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, "
                            "?16, ?17, ?18, ?19, ?20, ?21, ?22)", error);
  if (stmt != NULL)
    {
      bind_text (stmt, 1, r->id);
      bind_text (stmt, 2, r->created_at ? r->created_at : now);
      bind_text (stmt, 3, r->finished_at);
      bind_text (stmt, 4, r->user_name ? r->user_name : g_get_user_name ());
      bind_text (stmt, 5, r->target);
      bind_text (stmt, 6, r->file_name);
      bind_text (stmt, 7, r->file_path);
      sqlite3_bind_int64 (stmt, 8, r->file_size);
      sqlite3_bind_int64 (stmt, 9, r->file_mtime);
      bind_text (stmt, 10, r->file_sha256);
      bind_text (stmt, 11, r->mapping ? r->mapping : "{}");
      bind_text (stmt, 12, r->state ? r->state : "running");
      sqlite3_bind_int64 (stmt, 13, r->next_row);
      sqlite3_bind_int64 (stmt, 14, r->next_seq);
      sqlite3_bind_int64 (stmt, 15, r->rows_total);
      sqlite3_bind_int64 (stmt, 16, r->inserted);
      sqlite3_bind_int64 (stmt, 17, r->updated);
      sqlite3_bind_int64 (stmt, 18, r->unchanged);
      sqlite3_bind_int64 (stmt, 19, r->rejected);
      sqlite3_bind_int64 (stmt, 20, r->warnings);
      bind_text (stmt, 21, r->job_id);
      bind_text (stmt, 22, r->message);
      ok = slv_store_step_done (store, stmt, error);
    }
  slv_store_unlock (store);
  return ok;
}

static SlvBatchRecord *
batch_from_row (sqlite3_stmt *stmt)
{
  SlvBatchRecord *r = g_new0 (SlvBatchRecord, 1);

  r->id = slv_store_column_dup_text (stmt, 0);
  r->created_at = slv_store_column_dup_text (stmt, 1);
  r->finished_at = slv_store_column_dup_text (stmt, 2);
  r->user_name = slv_store_column_dup_text (stmt, 3);
  r->target = slv_store_column_dup_text (stmt, 4);
  r->file_name = slv_store_column_dup_text (stmt, 5);
  r->file_path = slv_store_column_dup_text (stmt, 6);
  r->file_size = sqlite3_column_int64 (stmt, 7);
  r->file_mtime = sqlite3_column_int64 (stmt, 8);
  r->file_sha256 = slv_store_column_dup_text (stmt, 9);
  r->mapping = slv_store_column_dup_text (stmt, 10);
  r->state = slv_store_column_dup_text (stmt, 11);
  r->next_row = sqlite3_column_int64 (stmt, 12);
  r->next_seq = sqlite3_column_int64 (stmt, 13);
  r->rows_total = sqlite3_column_int64 (stmt, 14);
  r->inserted = sqlite3_column_int64 (stmt, 15);
  r->updated = sqlite3_column_int64 (stmt, 16);
  r->unchanged = sqlite3_column_int64 (stmt, 17);
  r->rejected = sqlite3_column_int64 (stmt, 18);
  r->warnings = sqlite3_column_int64 (stmt, 19);
  r->job_id = slv_store_column_dup_text (stmt, 20);
  r->message = slv_store_column_dup_text (stmt, 21);
  return r;
}

SlvBatchRecord *
slv_import_store_get_batch (SlvStore    *store,
                            const char  *id,
                            GError     **error)
{
  SlvBatchRecord *record = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SLV_IS_STORE (store), NULL);

  slv_store_lock (store);
  stmt = slv_store_prepare (store, "SELECT " BATCH_COLUMNS " FROM import_batch WHERE id = ?1", error);
  if (stmt != NULL)
    {
      bind_text (stmt, 1, id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        record = batch_from_row (stmt);
      else
        g_set_error (error, SLV_STORE_ERROR, SLV_STORE_ERROR_NOT_FOUND,
                     _("There is no import %s in this workspace."), id);
      sqlite3_reset (stmt);
    }
  slv_store_unlock (store);
  return record;
}

GPtrArray *
slv_import_store_list_batches (SlvStore  *store,
                               GError   **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) slv_batch_record_free);
  sqlite3_stmt *stmt;
  int rc = SQLITE_ERROR;

  g_return_val_if_fail (SLV_IS_STORE (store), NULL);

  slv_store_lock (store);
  stmt = slv_store_prepare (store, "SELECT " BATCH_COLUMNS " FROM import_batch ORDER BY created_at DESC, id DESC",
                            error);
  if (stmt != NULL)
    {
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        g_ptr_array_add (list, batch_from_row (stmt));
      if (rc != SQLITE_DONE)
        slv_store_set_error (store, error, _("Could not read the list of imports"));
      sqlite3_reset (stmt);
    }
  slv_store_unlock (store);
  return rc == SQLITE_DONE ? g_steal_pointer (&list) : NULL;
}

gboolean
slv_import_store_save_progress (SlvStore              *store,
                                const SlvBatchRecord  *r,
                                GError               **error)
{
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;

  slv_store_lock (store);
  stmt = slv_store_prepare (store,
                            "UPDATE import_batch SET next_row = ?2, next_seq = ?3, rows_total = ?4, "
                            "inserted = ?5, updated = ?6, unchanged = ?7, rejected = ?8, warnings = ?9 "
                            "WHERE id = ?1", error);
  if (stmt != NULL)
    {
      bind_text (stmt, 1, r->id);
      sqlite3_bind_int64 (stmt, 2, r->next_row);
      sqlite3_bind_int64 (stmt, 3, r->next_seq);
      sqlite3_bind_int64 (stmt, 4, r->rows_total);
      sqlite3_bind_int64 (stmt, 5, r->inserted);
      sqlite3_bind_int64 (stmt, 6, r->updated);
      sqlite3_bind_int64 (stmt, 7, r->unchanged);
      sqlite3_bind_int64 (stmt, 8, r->rejected);
      sqlite3_bind_int64 (stmt, 9, r->warnings);
      ok = slv_store_step_done (store, stmt, error);
    }
  slv_store_unlock (store);
  return ok;
}

gboolean
slv_import_store_set_batch_state (SlvStore    *store,
                                  const char  *id,
                                  const char  *state,
                                  const char  *message,
                                  const char  *sha256,
                                  GError     **error)
{
  g_autofree char *now = slv_timestamp_now ();
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;

  slv_store_lock (store);
  stmt = slv_store_prepare (store,
                            "UPDATE import_batch SET state = ?2, "
                            "finished_at = CASE WHEN ?2 = 'running' THEN NULL ELSE ?3 END, "
                            "message = coalesce (?4, message), file_sha256 = coalesce (?5, file_sha256) "
                            "WHERE id = ?1", error);
  if (stmt != NULL)
    {
      bind_text (stmt, 1, id);
      bind_text (stmt, 2, state);
      bind_text (stmt, 3, now);
      bind_text (stmt, 4, message);
      bind_text (stmt, 5, sha256);
      ok = slv_store_step_done (store, stmt, error);
    }
  slv_store_unlock (store);
  return ok;
}

/* -- the report -- */

gboolean
slv_import_store_add_issue (SlvStore              *store,
                            const char            *batch_id,
                            gint64                 seq,
                            const SlvIssueRecord  *issue,
                            GError               **error)
{
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;

  slv_store_lock (store);
  stmt = slv_store_prepare (store,
                            "INSERT OR REPLACE INTO import_issue (batch_id, seq, row_no, col_name, value, "
                            "reason, severity) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
  if (stmt != NULL)
    {
      bind_text (stmt, 1, batch_id);
      sqlite3_bind_int64 (stmt, 2, seq);
      sqlite3_bind_int64 (stmt, 3, issue->row_no);
      bind_text (stmt, 4, issue->column);
      bind_text (stmt, 5, issue->value);
      bind_text (stmt, 6, issue->reason);
      sqlite3_bind_int (stmt, 7, issue->severity);
      ok = slv_store_step_done (store, stmt, error);
    }
  slv_store_unlock (store);
  return ok;
}

GPtrArray *
slv_import_store_list_issues (SlvStore    *store,
                              const char  *batch_id,
                              guint        limit,
                              GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) slv_issue_record_free);
  sqlite3_stmt *stmt;
  int rc = SQLITE_ERROR;

  slv_store_lock (store);
  stmt = slv_store_prepare (store,
                            "SELECT row_no, col_name, value, reason, severity FROM import_issue "
                            "WHERE batch_id = ?1 ORDER BY seq LIMIT ?2", error);
  if (stmt != NULL)
    {
      bind_text (stmt, 1, batch_id);
      sqlite3_bind_int64 (stmt, 2, limit ? (gint64) limit : -1);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          SlvIssueRecord *issue = g_new0 (SlvIssueRecord, 1);

          issue->row_no = sqlite3_column_int64 (stmt, 0);
          issue->column = slv_store_column_dup_text (stmt, 1);
          issue->value = slv_store_column_dup_text (stmt, 2);
          issue->reason = slv_store_column_dup_text (stmt, 3);
          issue->severity = sqlite3_column_int (stmt, 4);
          g_ptr_array_add (list, issue);
        }
      if (rc != SQLITE_DONE)
        slv_store_set_error (store, error, _("Could not read the import report"));
      sqlite3_reset (stmt);
    }
  slv_store_unlock (store);
  return rc == SQLITE_DONE ? g_steal_pointer (&list) : NULL;
}

gint64
slv_import_store_count_issues (SlvStore   *store,
                               const char *batch_id)
{
  sqlite3_stmt *stmt;
  gint64 n = 0;

  slv_store_lock (store);
  stmt = slv_store_prepare (store, "SELECT count(*) FROM import_issue WHERE batch_id = ?1", NULL);
  if (stmt != NULL)
    {
      bind_text (stmt, 1, batch_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        n = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
    }
  slv_store_unlock (store);
  return n;
}

/* -- mapping profiles -- */

gboolean
slv_import_store_save_mapping (SlvStore    *store,
                               const char  *name,
                               const char  *target,
                               const char  *mapping,
                               GError     **error)
{
  g_autofree char *now = slv_timestamp_now ();
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;

  g_return_val_if_fail (name != NULL && *name != '\0', FALSE);

  slv_store_lock (store);
  stmt = slv_store_prepare (store,
                            "INSERT INTO import_mapping (name, target, mapping, created_at, updated_at) "
                            "VALUES (?1, ?2, ?3, ?4, ?4) ON CONFLICT (name) DO UPDATE SET "
                            "target = excluded.target, mapping = excluded.mapping, updated_at = excluded.updated_at",
                            error);
  if (stmt != NULL)
    {
      bind_text (stmt, 1, name);
      bind_text (stmt, 2, target);
      bind_text (stmt, 3, mapping);
      bind_text (stmt, 4, now);
      ok = slv_store_step_done (store, stmt, error);
    }
  slv_store_unlock (store);
  return ok;
}

static SlvMappingRecord *
mapping_from_row (sqlite3_stmt *stmt)
{
  SlvMappingRecord *m = g_new0 (SlvMappingRecord, 1);

  m->name = slv_store_column_dup_text (stmt, 0);
  m->target = slv_store_column_dup_text (stmt, 1);
  m->mapping = slv_store_column_dup_text (stmt, 2);
  m->updated_at = slv_store_column_dup_text (stmt, 3);
  return m;
}

SlvMappingRecord *
slv_import_store_get_mapping (SlvStore    *store,
                              const char  *name,
                              GError     **error)
{
  SlvMappingRecord *record = NULL;
  sqlite3_stmt *stmt;

  slv_store_lock (store);
  stmt = slv_store_prepare (store,
                            "SELECT name, target, mapping, updated_at FROM import_mapping WHERE name = ?1",
                            error);
  if (stmt != NULL)
    {
      bind_text (stmt, 1, name);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        record = mapping_from_row (stmt);
      else
        g_set_error (error, SLV_STORE_ERROR, SLV_STORE_ERROR_NOT_FOUND,
                     _("There is no saved mapping “%s”."), name);
      sqlite3_reset (stmt);
    }
  slv_store_unlock (store);
  return record;
}

GPtrArray *
slv_import_store_list_mappings (SlvStore    *store,
                                const char  *target,
                                GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) slv_mapping_record_free);
  sqlite3_stmt *stmt;
  int rc = SQLITE_ERROR;

  slv_store_lock (store);
  stmt = slv_store_prepare (store,
                            "SELECT name, target, mapping, updated_at FROM import_mapping "
                            "WHERE ?1 IS NULL OR target = ?1 ORDER BY name", error);
  if (stmt != NULL)
    {
      bind_text (stmt, 1, target);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        g_ptr_array_add (list, mapping_from_row (stmt));
      if (rc != SQLITE_DONE)
        slv_store_set_error (store, error, _("Could not read the saved mappings"));
      sqlite3_reset (stmt);
    }
  slv_store_unlock (store);
  return rc == SQLITE_DONE ? g_steal_pointer (&list) : NULL;
}

gboolean
slv_import_store_delete_mapping (SlvStore    *store,
                                 const char  *name,
                                 GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;

  slv_store_lock (store);
  stmt = slv_store_prepare (store, "DELETE FROM import_mapping WHERE name = ?1", error);
  if (stmt != NULL)
    {
      bind_text (stmt, 1, name);
      ok = slv_store_step_done (store, stmt, error);
      if (ok && sqlite3_changes (slv_store_get_db (store)) == 0)
        {
          g_set_error (error, SLV_STORE_ERROR, SLV_STORE_ERROR_NOT_FOUND,
                       _("There is no saved mapping “%s”."), name);
          ok = FALSE;
        }
    }
  slv_store_unlock (store);
  return ok;
}
