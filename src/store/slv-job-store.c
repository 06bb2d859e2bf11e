/* slv-job-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-job-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "slv-job-store.h"
#include "slv-store-private.h"
#include "core/slv-uuid.h"

#define JOB_COLUMNS \
  "id, kind, title, state, params, checkpoint, result, done, total, message, created_at, " \
  "started_at, finished_at"

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
slv_job_record_free (SlvJobRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->id);
  g_free (record->kind);
  g_free (record->title);
  g_free (record->state);
  g_free (record->params);
  g_free (record->checkpoint);
  g_free (record->result);
  g_free (record->message);
  g_free (record->created_at);
  g_free (record->started_at);
  g_free (record->finished_at);
  g_free (record);
}

gboolean
slv_job_store_add (SlvStore            *store,
                   const SlvJobRecord  *r,
                   GError             **error)
{
  g_autofree char *now = slv_timestamp_now ();
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;

  g_return_val_if_fail (SLV_IS_STORE (store), FALSE);
  g_return_val_if_fail (r->id != NULL && r->kind != NULL, FALSE);

  slv_store_lock (store);
  stmt = slv_store_prepare (store,
                            "INSERT INTO job (" JOB_COLUMNS ") VALUES "
                            "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, NULL, NULL)", error);
  if (stmt != NULL)
    {
      bind_text (stmt, 1, r->id);
      bind_text (stmt, 2, r->kind);
      bind_text (stmt, 3, r->title ? r->title : r->kind);
      bind_text (stmt, 4, r->state ? r->state : "queued");
      bind_text (stmt, 5, r->params ? r->params : "{}");
      bind_text (stmt, 6, r->checkpoint);
      bind_text (stmt, 7, r->result);
      sqlite3_bind_int64 (stmt, 8, r->done);
      sqlite3_bind_int64 (stmt, 9, r->total);
      bind_text (stmt, 10, r->message);
      bind_text (stmt, 11, r->created_at ? r->created_at : now);
      ok = slv_store_step_done (store, stmt, error);
    }
  slv_store_unlock (store);
  return ok;
}

static SlvJobRecord *
job_from_row (sqlite3_stmt *stmt)
{
  SlvJobRecord *r = g_new0 (SlvJobRecord, 1);

  r->id = slv_store_column_dup_text (stmt, 0);
  r->kind = slv_store_column_dup_text (stmt, 1);
  r->title = slv_store_column_dup_text (stmt, 2);
  r->state = slv_store_column_dup_text (stmt, 3);
  r->params = slv_store_column_dup_text (stmt, 4);
  r->checkpoint = slv_store_column_dup_text (stmt, 5);
  r->result = slv_store_column_dup_text (stmt, 6);
  r->done = sqlite3_column_int64 (stmt, 7);
  r->total = sqlite3_column_int64 (stmt, 8);
  r->message = slv_store_column_dup_text (stmt, 9);
  r->created_at = slv_store_column_dup_text (stmt, 10);
  r->started_at = slv_store_column_dup_text (stmt, 11);
  r->finished_at = slv_store_column_dup_text (stmt, 12);
  return r;
}

SlvJobRecord *
slv_job_store_get (SlvStore    *store,
                   const char  *id,
                   GError     **error)
{
  SlvJobRecord *record = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SLV_IS_STORE (store), NULL);

  slv_store_lock (store);
  stmt = slv_store_prepare (store, "SELECT " JOB_COLUMNS " FROM job WHERE id = ?1", error);
  if (stmt != NULL)
    {
      bind_text (stmt, 1, id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        record = job_from_row (stmt);
      else
        g_set_error (error, SLV_STORE_ERROR, SLV_STORE_ERROR_NOT_FOUND,
                     _("There is no job %s in this workspace."), id);
      sqlite3_reset (stmt);
    }
  slv_store_unlock (store);
  return record;
}

GPtrArray *
slv_job_store_list (SlvStore    *store,
                    const char  *state,
                    GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) slv_job_record_free);
  sqlite3_stmt *stmt;
  int rc = SQLITE_ERROR;

  g_return_val_if_fail (SLV_IS_STORE (store), NULL);

  slv_store_lock (store);
  stmt = slv_store_prepare (store,
                            "SELECT " JOB_COLUMNS " FROM job WHERE ?1 IS NULL OR state = ?1 "
                            "ORDER BY created_at, id", error);
  if (stmt != NULL)
    {
      bind_text (stmt, 1, state);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        g_ptr_array_add (list, job_from_row (stmt));
      if (rc != SQLITE_DONE)
        slv_store_set_error (store, error, _("Could not read the job list"));
      sqlite3_reset (stmt);
    }
  slv_store_unlock (store);
  return rc == SQLITE_DONE ? g_steal_pointer (&list) : NULL;
}

gboolean
slv_job_store_set_state (SlvStore    *store,
                         const char  *id,
                         const char  *state,
                         const char  *message,
                         const char  *result,
                         GError     **error)
{
  g_autofree char *now = slv_timestamp_now ();
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;

  slv_store_lock (store);
  stmt = slv_store_prepare (store,
                            "UPDATE job SET state = ?2, "
                            "started_at = CASE WHEN ?2 = 'running' THEN coalesce (started_at, ?3) ELSE started_at END, "
                            "finished_at = CASE WHEN ?2 IN ('queued', 'running', 'interrupted') THEN NULL ELSE ?3 END, "
                            "message = coalesce (?4, message), result = coalesce (?5, result) WHERE id = ?1",
                            error);
  if (stmt != NULL)
    {
      bind_text (stmt, 1, id);
      bind_text (stmt, 2, state);
      bind_text (stmt, 3, now);
      bind_text (stmt, 4, message);
      bind_text (stmt, 5, result);
      ok = slv_store_step_done (store, stmt, error);
      if (ok && sqlite3_changes (slv_store_get_db (store)) == 0)
        {
          g_set_error (error, SLV_STORE_ERROR, SLV_STORE_ERROR_NOT_FOUND,
                       _("There is no job %s in this workspace."), id);
          ok = FALSE;
        }
    }
  slv_store_unlock (store);
  return ok;
}

gboolean
slv_job_store_save (SlvStore    *store,
                    const char  *id,
                    gint64       done,
                    gint64       total,
                    const char  *checkpoint,
                    GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;

  slv_store_lock (store);
  stmt = slv_store_prepare (store,
                            "UPDATE job SET done = ?2, total = ?3, checkpoint = coalesce (?4, checkpoint) "
                            "WHERE id = ?1", error);
  if (stmt != NULL)
    {
      bind_text (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, done);
      sqlite3_bind_int64 (stmt, 3, total);
      bind_text (stmt, 4, checkpoint);
      ok = slv_store_step_done (store, stmt, error);
    }
  slv_store_unlock (store);
  return ok;
}
