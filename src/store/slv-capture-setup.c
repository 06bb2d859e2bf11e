/* slv-capture-setup.c: capture when a workspace opens — the sync tables,
 * the workspace's clock identity, the generated triggers — and the store's
 * capture API (slv-capture.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "slv-capture-private.h"
#include "slv-sql-resources.h"

#define CAPTURE_META_KEY "sync.capture"
#define SYNC_MIGRATION   "/org/selvedge/Selvedge/sql/0050-sync.sql"

static gboolean
has_table (SlvStore   *self,
           const char *name)
{
  sqlite3_stmt *stmt = slv_store_prepare (self, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1",
                                          NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

/* A workspace whose level passed 50 before the sync migration existed
 * skipped it: make its tables now. */
static gboolean
ensure_sync_tables (SlvStore  *self,
                    GError   **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *sql = NULL;

  if (has_table (self, "sync_state"))
    return TRUE;
  bytes = g_resource_lookup_data (slv_sql_get_resource (), SYNC_MIGRATION, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;
  sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  if (!slv_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!slv_store_exec (self, sql, error) || !slv_store_exec (self, "COMMIT", error))
    {
      slv_store_exec (self, "ROLLBACK", NULL);
      return FALSE;
    }
  slv_store_forget_schema (self);
  return TRUE;
}

static char *
machine_hash (void)
{
  const char *files[] = { "/etc/machine-id", "/var/lib/dbus/machine-id" };
  const char *env = g_getenv ("SELVEDGE_MACHINE_ID");

  if (env != NULL)
    return g_compute_checksum_for_string (G_CHECKSUM_SHA256, env, -1);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *text = NULL;

      if (g_file_get_contents (files[i], &text, NULL, NULL) && *g_strstrip (text) != '\0')
        return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
    }
  return NULL;
}

/* A workspace copied to another machine is another device: new node, and
 * it registers again. */
static gboolean
check_identity (SlvStore  *self,
                GError   **error)
{
  g_autofree char *hash = machine_hash ();
  g_autofree char *stored = NULL;
  sqlite3_stmt *stmt;
  gboolean known;

  if (hash == NULL)
    return TRUE;
  stmt = slv_store_prepare (self, "SELECT machine_hash FROM sync_state WHERE id = 1", error);
  if (stmt == NULL)
    return FALSE;
  known = sqlite3_step (stmt) == SQLITE_ROW;
  stored = known ? slv_store_column_dup_text (stmt, 0) : NULL;
  sqlite3_reset (stmt);
  if (!known || g_strcmp0 (stored, hash) == 0)
    return TRUE;
  stmt = slv_store_prepare (self,
                            stored == NULL
                            ? "UPDATE sync_state SET machine_hash = ?1 WHERE id = 1"
                            : "UPDATE sync_state SET machine_hash = ?1, node = n, client_id = NULL, "
                              "hlc = substr (hlc, 1, 30) || n "
                              "FROM (SELECT lower (hex (randomblob (8))) AS n) WHERE id = 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, hash, -1, SQLITE_TRANSIENT);
  if (stored != NULL)
    g_message ("This workspace was copied from another computer; it syncs as a new device.");
  return slv_store_step_done (self, stmt, error);
}

static gboolean
install_triggers (SlvStore  *self,
                  GError   **error)
{
  g_autofree char *sql = slv_capture_triggers_sql (slv_store_get_db (self), slv_store_get_schema_level (self));
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, sql, -1);
  g_autofree char *stored = slv_store_dup_meta (self, CAPTURE_META_KEY);
  g_autoptr(GPtrArray) old = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  gboolean ok;

  if (g_strcmp0 (stored, hash) == 0)
    return TRUE;
  stmt = slv_store_prepare (self, "SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'slv_cap_%'",
                            error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (old, slv_store_column_dup_text (stmt, 0));
  sqlite3_reset (stmt);
  if (!slv_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  ok = TRUE;
  for (guint i = 0; ok && i < old->len; i++)
    {
      g_autofree char *drop = g_strdup_printf ("DROP TRIGGER \"%s\"", (char *) g_ptr_array_index (old, i));

      ok = slv_store_exec (self, drop, error);
    }
  ok = ok && slv_store_exec (self, sql, error) && slv_store_set_meta (self, CAPTURE_META_KEY, hash, error) &&
       slv_store_exec (self, "COMMIT", error);
  if (!ok)
    {
      slv_store_exec (self, "ROLLBACK", NULL);
      g_prefix_error (error, _("Could not set up change tracking for sync: "));
    }
  slv_store_forget_schema (self);
  return ok;
}

gboolean
slv_store_capture_setup (SlvStore  *self,
                         GError   **error)
{
  SlvCapture *capture;
  gboolean ok;

  slv_store_lock (self);
  capture = slv_capture_attach (slv_store_get_db (self), TRUE, error);
  if (capture != NULL)
    g_object_set_data (G_OBJECT (self), "slv-capture", capture);
  ok = capture != NULL && ensure_sync_tables (self, error) && check_identity (self, error) &&
       install_triggers (self, error);
  slv_store_unlock (self);
  return ok;
}

SlvCapture *
slv_store_get_capture (SlvStore *self)
{
  return g_object_get_data (G_OBJECT (self), "slv-capture");
}

void
slv_store_set_capturing (SlvStore *self,
                         gboolean  capturing)
{
  g_return_if_fail (SLV_IS_STORE (self));
  slv_capture_set_capturing (slv_store_get_capture (self), capturing);
}

void
slv_store_set_capture_row_ops (SlvStore *self,
                               gboolean  row_ops)
{
  SlvCapture *capture;

  g_return_if_fail (SLV_IS_STORE (self));
  if ((capture = slv_store_get_capture (self)) != NULL)
    slv_capture_set_row_ops (capture, row_ops);
}

gboolean
slv_store_get_capturing (SlvStore *self)
{
  g_return_val_if_fail (SLV_IS_STORE (self), FALSE);
  return slv_capture_get_capturing (slv_store_get_capture (self));
}

void
slv_store_set_wall_clock (SlvStore         *self,
                          SlvWallClockFunc  func,
                          gpointer          user_data)
{
  g_return_if_fail (SLV_IS_STORE (self));
  slv_store_lock (self);
  slv_capture_set_wall_clock (slv_store_get_capture (self), func, user_data);
  slv_store_unlock (self);
}

static char *
query_text (SlvStore   *self,
            const char *sql)
{
  sqlite3_stmt *stmt;
  char *text = NULL;

  slv_store_lock (self);
  stmt = slv_store_prepare (self, sql, NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    text = slv_store_column_dup_text (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  slv_store_unlock (self);
  return text;
}

char *
slv_store_dup_sync_node (SlvStore *self)
{
  g_return_val_if_fail (SLV_IS_STORE (self), NULL);
  return query_text (self, "SELECT node FROM sync_state WHERE id = 1");
}

guint
slv_store_get_change_serial (SlvStore *self)
{
  g_return_val_if_fail (SLV_IS_STORE (self), 0);
  return slv_capture_get_serial (slv_store_get_capture (self));
}

char *
slv_store_dup_row_bucket (SlvStore   *self,
                          const char *table,
                          const char *row_id)
{
  sqlite3_stmt *stmt;
  char *bucket = NULL;

  g_return_val_if_fail (SLV_IS_STORE (self), NULL);
  slv_store_lock (self);
  stmt = slv_store_prepare (self, "SELECT bucket FROM sync_row WHERE tbl = ?1 AND row_id = ?2", NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, table, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, row_id, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        bucket = slv_store_column_dup_text (stmt, 0);
      sqlite3_reset (stmt);
    }
  slv_store_unlock (self);
  return bucket;
}

gint64
slv_store_count_outbox (SlvStore *self)
{
  g_autofree char *n = NULL;

  g_return_val_if_fail (SLV_IS_STORE (self), 0);
  n = query_text (self, "SELECT count(*) FROM sync_outbox");
  return n ? g_ascii_strtoll (n, NULL, 10) : 0;
}
