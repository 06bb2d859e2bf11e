/* slv-sync-store.c: the sync connection, its helpers, state and account.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-sync-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "core/slv-uuid.h"
#include "slv-blobs.h"
#include "sync/slv-sync-json.h"
#include "slv-store-private.h"
#include "slv-sync-store-private.h"

G_DEFINE_FINAL_TYPE (SlvSyncStore, slv_sync_store, G_TYPE_OBJECT)

#define BUSY_TIMEOUT_MS 10000

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

static void
slv_sync_store_finalize (GObject *object)
{
  SlvSyncStore *self = SLV_SYNC_STORE (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->columns, g_hash_table_unref);
  slv_capture_finalize_statements (self->capture);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_clear_object (&self->store);
  g_rec_mutex_clear (&self->lock);
  G_OBJECT_CLASS (slv_sync_store_parent_class)->finalize (object);
}

static void
slv_sync_store_class_init (SlvSyncStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = slv_sync_store_finalize;
}

static void
slv_sync_store_init (SlvSyncStore *self)
{
  g_rec_mutex_init (&self->lock);
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  self->columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_hash_table_unref);
  self->pending_rows = -1;
}

/* Helpers */

void
ss_set_error (SlvSyncStore  *self,
              GError       **error,
              const char    *what)
{
  slv_sql_set_error (self->db, error, what);
}

sqlite3_stmt *
ss_prepare (SlvSyncStore  *self,
            const char    *sql,
            GError       **error)
{
  return slv_sql_prepare_cached (self->db, self->statements, sql, _("Could not prepare a sync query"), error);
}

gboolean
ss_exec (SlvSyncStore  *self,
         const char    *sql,
         GError       **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      ss_set_error (self, error, _("Could not update the workspace’s sync state"));
      return FALSE;
    }
  return TRUE;
}

gboolean
ss_done (SlvSyncStore  *self,
         sqlite3_stmt  *stmt,
         GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      ss_set_error (self, error, _("Could not update the workspace’s sync state"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
ss_begin (SlvSyncStore  *self,
          GError       **error)
{
  return ss_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
ss_commit (SlvSyncStore  *self,
           GError       **error)
{
  if (ss_exec (self, "COMMIT", error))
    return TRUE;
  ss_rollback (self);
  return FALSE;
}

void
ss_rollback (SlvSyncStore *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  self->pending_rows = -1;
}

void
ss_bind_text (sqlite3_stmt *stmt,
              int           index,
              const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

char *
ss_dup_text (sqlite3_stmt *stmt,
             int           column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);

  return text ? g_strdup ((const char *) text) : NULL;
}

GHashTable *
ss_columns (SlvSyncStore *self,
            const char   *table)
{
  GHashTable *columns = g_hash_table_lookup (self->columns, table);

  if (columns == NULL)
    {
      columns = slv_capture_table_columns (self->db, table);
      g_hash_table_insert (self->columns, g_strdup (table), columns);
    }
  return columns;
}

const SlvSyncTablePolicy *
ss_known_table (SlvSyncStore *self,
                const char   *table)
{
  const SlvSyncTablePolicy *policy = slv_sync_policy_lookup_table (table);

  if (policy == NULL || policy->introduced_in > self->level ||
      !g_hash_table_contains (ss_columns (self, table), "id"))
    return NULL;
  return policy;
}

const SlvSyncFieldPolicy *
ss_known_field (SlvSyncStore             *self,
                const SlvSyncTablePolicy *table,
                const char               *field)
{
  const SlvSyncFieldPolicy *policy = slv_sync_policy_lookup_field (table, field);

  if (policy == NULL || slv_sync_field_get_level (table, policy) > self->level ||
      !g_hash_table_contains (ss_columns (self, table->name), field))
    return NULL;
  return policy;
}

void
ss_bind_wire (sqlite3_stmt             *stmt,
              int                       index,
              const SlvSyncFieldPolicy *field,
              JsonNode                 *value)
{
  GType type;

  if (value == NULL || JSON_NODE_HOLDS_NULL (value))
    {
      sqlite3_bind_null (stmt, index);
      return;
    }
  if (field->type == SLV_SYNC_TYPE_ANY || !JSON_NODE_HOLDS_VALUE (value))
    {
      g_autofree char *text = slv_json_node_to_text (value);

      sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
      return;
    }
  type = json_node_get_value_type (value);
  if (type == G_TYPE_BOOLEAN)
    sqlite3_bind_int (stmt, index, json_node_get_boolean (value) ? 1 : 0);
  else if (type == G_TYPE_INT64)
    sqlite3_bind_int64 (stmt, index, json_node_get_int (value));
  else if (type == G_TYPE_DOUBLE)
    sqlite3_bind_double (stmt, index, json_node_get_double (value));
  else if (field->type == SLV_SYNC_TYPE_BLOB_REF && g_str_has_prefix (json_node_get_string (value), "sha256:"))
    sqlite3_bind_text (stmt, index, json_node_get_string (value) + 7, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_text (stmt, index, json_node_get_string (value), -1, SQLITE_TRANSIENT);
}

gboolean
ss_recv (SlvSyncStore  *self,
         const char    *hlc,
         GError       **error)
{
  sqlite3_stmt *stmt;

  if (hlc == NULL)
    return TRUE;
  stmt = ss_prepare (self, "UPDATE sync_state SET hlc = slv_sync_recv (hlc, node, clock_offset_ms, ?1) "
                           "WHERE id = 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, hlc, -1, SQLITE_TRANSIENT);
  return ss_done (self, stmt, error);
}

/* Public API */

SlvSyncStore *
slv_sync_store_new (SlvStore  *store,
                    GError   **error)
{
  g_autoptr(SlvSyncStore) self = g_object_new (SLV_TYPE_SYNC_STORE, NULL);
  g_autofree char *path = g_build_filename (slv_store_get_path (store), "workspace.db", NULL);
  int rc;

  g_return_val_if_fail (SLV_IS_STORE (store), NULL);

  self->store = g_object_ref (store);
  self->level = slv_store_get_schema_level (store);
  rc = sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, SLV_STORE_ERROR, SLV_STORE_ERROR_IO, _("Could not open the workspace for sync: %s."),
                   self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return NULL;
    }
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  sqlite3_extended_result_codes (self->db, 1);
  /* Foreign keys off: pulls bring rows in commit order, not reference
   * order, and a role may see a row without the rows it points at. */
  if (!ss_exec (self, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = OFF; "
                      "PRAGMA temp_store = MEMORY; PRAGMA cache_size = -32000", error))
    return NULL;
  /* The full-text triggers ask it; pulls always index as they write. */
  if (slv_store_register_fts_deferred (self->db, NULL) != SQLITE_OK)
    {
      g_set_error (error, SLV_STORE_ERROR, SLV_STORE_ERROR_IO, _("Could not open the workspace for sync: %s."),
                   sqlite3_errmsg (self->db));
      return NULL;
    }
  self->capture = slv_capture_attach (self->db, FALSE, error);
  if (self->capture == NULL)
    return NULL;
  return g_steal_pointer (&self);
}

SlvStore *
slv_sync_store_get_store (SlvSyncStore *self)
{
  g_return_val_if_fail (SLV_IS_SYNC_STORE (self), NULL);
  return self->store;
}

int
slv_sync_store_get_schema_level (SlvSyncStore *self)
{
  g_return_val_if_fail (SLV_IS_SYNC_STORE (self), 0);
  return self->level;
}

void
slv_sync_store_set_schema_level (SlvSyncStore *self,
                                 int           level)
{
  g_return_if_fail (SLV_IS_SYNC_STORE (self));
  g_rec_mutex_lock (&self->lock);
  self->level = level;
  g_rec_mutex_unlock (&self->lock);
}

void
slv_sync_store_set_wall_clock (SlvSyncStore     *self,
                               SlvWallClockFunc  func,
                               gpointer          user_data)
{
  g_return_if_fail (SLV_IS_SYNC_STORE (self));
  g_rec_mutex_lock (&self->lock);
  slv_capture_set_wall_clock (self->capture, func, user_data);
  g_rec_mutex_unlock (&self->lock);
}

void
slv_sync_state_free (SlvSyncState *state)
{
  if (state == NULL)
    return;
  g_free (state->node);
  g_free (state->client_id);
  g_free (state->hlc);
  g_free (state->cursor);
  g_free (state->server_url);
  g_free (state->user_id);
  g_free (state->email);
  g_free (state->grants);
  g_free (state->last_error);
  g_free (state);
}

SlvSyncState *
slv_sync_store_load_state (SlvSyncStore  *self,
                           GError       **error)
{
  SlvSyncState *state = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SLV_IS_SYNC_STORE (self), NULL);
  g_rec_mutex_lock (&self->lock);
  stmt = ss_prepare (self, "SELECT node, client_id, hlc, cursor, server_url, user_id, email, grants, last_error, "
                           "clock_offset_ms, coalesce (last_push_ok, 0), coalesce (last_pull_ok, 0) "
                           "FROM sync_state WHERE id = 1", error);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      state = g_new0 (SlvSyncState, 1);
      state->node = ss_dup_text (stmt, 0);
      state->client_id = ss_dup_text (stmt, 1);
      state->hlc = ss_dup_text (stmt, 2);
      state->cursor = ss_dup_text (stmt, 3);
      state->server_url = ss_dup_text (stmt, 4);
      state->user_id = ss_dup_text (stmt, 5);
      state->email = ss_dup_text (stmt, 6);
      state->grants = ss_dup_text (stmt, 7);
      state->last_error = ss_dup_text (stmt, 8);
      state->clock_offset_ms = sqlite3_column_int64 (stmt, 9);
      state->last_push_ok = sqlite3_column_int64 (stmt, 10);
      state->last_pull_ok = sqlite3_column_int64 (stmt, 11);
    }
  else if (stmt != NULL)
    ss_set_error (self, error, _("Could not read the workspace’s sync state"));
  if (stmt != NULL)
    sqlite3_reset (stmt);
  g_rec_mutex_unlock (&self->lock);
  return state;
}

gint64
slv_sync_store_wall_ms (SlvSyncStore *self)
{
  g_autoptr(SlvSyncState) state = slv_sync_store_load_state (self, NULL);

  return slv_capture_wall_ms (self->capture, state ? state->clock_offset_ms : 0);
}

static gboolean
run_update (SlvSyncStore  *self,
            const char    *sql,
            const char    *a,
            const char    *b,
            const char    *c,
            const char    *d,
            GError       **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_rec_mutex_lock (&self->lock);
  stmt = ss_prepare (self, sql, error);
  if (stmt != NULL)
    {
      ss_bind_text (stmt, 1, a);
      ss_bind_text (stmt, 2, b);
      ss_bind_text (stmt, 3, c);
      ss_bind_text (stmt, 4, d);
    }
  ok = stmt != NULL && ss_done (self, stmt, error);
  g_rec_mutex_unlock (&self->lock);
  return ok;
}

gboolean
slv_sync_store_set_account (SlvSyncStore  *self,
                            const char    *server_url,
                            const char    *user_id,
                            const char    *email,
                            const char    *grants_json,
                            GError       **error)
{
  g_return_val_if_fail (SLV_IS_SYNC_STORE (self), FALSE);
  return run_update (self, "UPDATE sync_state SET server_url = ?1, user_id = ?2, email = ?3, grants = ?4, "
                           "last_error = NULL WHERE id = 1", server_url, user_id, email, grants_json, error);
}

gboolean
slv_sync_store_clear_account (SlvSyncStore  *self,
                              GError       **error)
{
  g_return_val_if_fail (SLV_IS_SYNC_STORE (self), FALSE);
  return run_update (self, "UPDATE sync_state SET user_id = NULL, grants = NULL, last_error = NULL WHERE id = 1",
                     NULL, NULL, NULL, NULL, error);
}

gboolean
slv_sync_store_set_last_error (SlvSyncStore  *self,
                               const char    *message,
                               GError       **error)
{
  g_return_val_if_fail (SLV_IS_SYNC_STORE (self), FALSE);
  return run_update (self, "UPDATE sync_state SET last_error = ?1 WHERE id = 1", message, NULL, NULL, NULL, error);
}

char *
slv_sync_store_dup_client_id (SlvSyncStore  *self,
                              GError       **error)
{
  g_autoptr(SlvSyncState) state = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (SLV_IS_SYNC_STORE (self), NULL);
  g_rec_mutex_lock (&self->lock);
  state = slv_sync_store_load_state (self, error);
  if (state != NULL && state->client_id == NULL)
    {
      id = slv_uuid_v7_new ();
      if (!run_update (self, "UPDATE sync_state SET client_id = ?1 WHERE id = 1", id, NULL, NULL, NULL, error))
        g_clear_pointer (&id, g_free);
    }
  else if (state != NULL)
    id = g_strdup (state->client_id);
  g_rec_mutex_unlock (&self->lock);
  return g_steal_pointer (&id);
}

gboolean
slv_sync_store_new_node (SlvSyncStore  *self,
                         GError       **error)
{
  g_return_val_if_fail (SLV_IS_SYNC_STORE (self), FALSE);
  /* the clock state (wall, counter) carries over to the new node */
  return run_update (self, "UPDATE sync_state SET node = n, hlc = substr (hlc, 1, 30) || n "
                           "FROM (SELECT lower (hex (randomblob (8))) AS n) WHERE id = 1",
                     NULL, NULL, NULL, NULL, error);
}

gboolean
slv_sync_store_recv (SlvSyncStore  *self,
                     const char    *server_hlc,
                     GError       **error)
{
  gboolean ok;

  g_return_val_if_fail (SLV_IS_SYNC_STORE (self), FALSE);
  g_rec_mutex_lock (&self->lock);
  ok = ss_recv (self, server_hlc, error);
  g_rec_mutex_unlock (&self->lock);
  return ok;
}

/* Blobs */

void
slv_blob_upload_free (SlvBlobUpload *upload)
{
  if (upload == NULL)
    return;
  g_free (upload->sha256);
  g_free (upload->mime);
  g_free (upload->upload_id);
  g_free (upload->state);
  g_free (upload);
}

static char **
collect_strings (SlvSyncStore  *self,
                 const char    *sql,
                 GError       **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc = SQLITE_DONE;

  g_rec_mutex_lock (&self->lock);
  stmt = ss_prepare (self, sql, error);
  while (stmt != NULL && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (out, ss_dup_text (stmt, 0));
  if (stmt != NULL && rc != SQLITE_DONE)
    ss_set_error (self, error, _("Could not list blobs"));
  if (stmt != NULL)
    sqlite3_reset (stmt);
  g_rec_mutex_unlock (&self->lock);
  if (stmt == NULL || rc != SQLITE_DONE)
    return NULL;
  g_ptr_array_add (out, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&out), FALSE);
}

char **
slv_sync_store_blobs_to_upload (SlvSyncStore  *self,
                                GError       **error)
{
  g_return_val_if_fail (SLV_IS_SYNC_STORE (self), NULL);
  return collect_strings (self,
                          "SELECT DISTINCT substr (json_extract (o.value, '$'), 8) FROM sync_outbox o "
                          "WHERE o.value LIKE '\"sha256:%' "
                          "AND NOT EXISTS (SELECT 1 FROM blob_upload u "
                          "  WHERE u.sha256 = substr (json_extract (o.value, '$'), 8) AND u.state = 'done')",
                          error);
}

char **
slv_sync_store_blobs_to_download (SlvSyncStore  *self,
                                  GError       **error)
{
  g_auto(GStrv) all = NULL;
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();

  g_return_val_if_fail (SLV_IS_SYNC_STORE (self), NULL);
  all = collect_strings (self,
                         "SELECT sha256 FROM blob WHERE deleted = 0 UNION "
                         "SELECT blob FROM board_item WHERE deleted = 0 AND blob IS NOT NULL UNION "
                         "SELECT cover_blob FROM style WHERE deleted = 0 AND cover_blob IS NOT NULL", error);
  if (all == NULL)
    return NULL;
  for (guint i = 0; all[i] != NULL; i++)
    if (slv_blobs_is_valid_hash (all[i]) && !slv_blobs_has (self->store, all[i]))
      g_ptr_array_add (missing, g_strdup (all[i]));
  g_ptr_array_add (missing, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&missing), FALSE);
}

SlvBlobUpload *
slv_sync_store_get_upload (SlvSyncStore  *self,
                           const char    *sha256,
                           GError       **error)
{
  SlvBlobUpload *upload = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SLV_IS_SYNC_STORE (self), NULL);
  g_rec_mutex_lock (&self->lock);
  stmt = ss_prepare (self, "SELECT u.size, coalesce (u.mime, b.mime), u.upload_id, coalesce (u.sent_bytes, 0), "
                           "u.state, b.size FROM (SELECT ?1 AS sha256) k "
                           "LEFT JOIN blob_upload u ON u.sha256 = k.sha256 "
                           "LEFT JOIN blob b ON b.sha256 = k.sha256", error);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          upload = g_new0 (SlvBlobUpload, 1);
          upload->sha256 = g_strdup (sha256);
          upload->size = sqlite3_column_type (stmt, 0) != SQLITE_NULL ? sqlite3_column_int64 (stmt, 0)
                                                                       : sqlite3_column_int64 (stmt, 5);
          upload->mime = ss_dup_text (stmt, 1);
          upload->upload_id = ss_dup_text (stmt, 2);
          upload->sent_bytes = sqlite3_column_int64 (stmt, 3);
          upload->state = ss_dup_text (stmt, 4);
          if (upload->mime == NULL)
            upload->mime = g_strdup ("application/octet-stream");
        }
      sqlite3_reset (stmt);
    }
  g_rec_mutex_unlock (&self->lock);
  return upload;
}

gboolean
slv_sync_store_save_upload (SlvSyncStore         *self,
                            const SlvBlobUpload  *upload,
                            GError              **error)
{
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;

  g_return_val_if_fail (SLV_IS_SYNC_STORE (self), FALSE);
  g_rec_mutex_lock (&self->lock);
  stmt = ss_prepare (self, "INSERT INTO blob_upload (sha256, size, mime, upload_id, sent_bytes, state, attempts) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1) ON CONFLICT (sha256) DO UPDATE SET "
                           "size = excluded.size, mime = excluded.mime, upload_id = excluded.upload_id, "
                           "sent_bytes = excluded.sent_bytes, state = excluded.state, attempts = attempts + 1",
                     error);
  if (stmt != NULL)
    {
      ss_bind_text (stmt, 1, upload->sha256);
      sqlite3_bind_int64 (stmt, 2, upload->size);
      ss_bind_text (stmt, 3, upload->mime);
      ss_bind_text (stmt, 4, upload->upload_id);
      sqlite3_bind_int64 (stmt, 5, upload->sent_bytes);
      ss_bind_text (stmt, 6, upload->state);
      ok = ss_done (self, stmt, error);
    }
  g_rec_mutex_unlock (&self->lock);
  return ok;
}
