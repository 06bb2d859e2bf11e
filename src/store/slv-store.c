/* slv-store.c: opening a workspace, the connection, transactions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "slv-capture-private.h"
#include "slv-store-private.h"
#include "slv-store-migrate.h"

struct _SlvStore
{
  GObject     parent_instance;

  char       *path;        /* the NAME.selvedge folder */
  char       *name;        /* NAME */
  sqlite3    *db;
  GRecMutex   lock;
  GHashTable *statements;  /* SQL text → sqlite3_stmt* */
  GHashTable *columns;     /* "table.column" → present (set) */
  int         schema_level;
  gint        fts_deferred; /* read by slv_fts_deferred() in the FTS triggers */
};

G_DEFINE_FINAL_TYPE (SlvStore, slv_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (slv-store-error-quark, slv_store_error)

static int
error_code_for_sqlite (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_CONSTRAINT:
      return SLV_STORE_ERROR_CONSTRAINT;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return SLV_STORE_ERROR_BUSY;
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM:
      return SLV_STORE_ERROR_IO;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return SLV_STORE_ERROR_CORRUPT;
    case SQLITE_MISMATCH:
    case SQLITE_RANGE:
      return SLV_STORE_ERROR_INVALID;
    default:
      return SLV_STORE_ERROR_FAILED;
    }
}

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

static void
slv_store_finalize (GObject *object)
{
  SlvStore *self = SLV_STORE (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->columns, g_hash_table_unref);
  slv_capture_finalize_statements (slv_store_get_capture (self));
  if (self->db != NULL)
    {
      /* Fold the WAL back into the database so the folder is one file at rest. */
      sqlite3_wal_checkpoint_v2 (self->db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
      sqlite3_close_v2 (self->db);
    }
  g_rec_mutex_clear (&self->lock);
  g_free (self->path);
  g_free (self->name);

  G_OBJECT_CLASS (slv_store_parent_class)->finalize (object);
}

static void
slv_store_class_init (SlvStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = slv_store_finalize;
}

static void
slv_store_init (SlvStore *self)
{
  g_rec_mutex_init (&self->lock);
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  self->columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static char *
workspace_name_from_path (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);

  if (g_str_has_suffix (base, ".selvedge"))
    base[strlen (base) - strlen (".selvedge")] = '\0';
  return g_steal_pointer (&base);
}

static gboolean
make_folder (const char  *path,
             GError     **error)
{
  if (g_mkdir_with_parents (path, 0750) != 0)
    {
      int saved = errno;

      g_set_error (error, SLV_STORE_ERROR, SLV_STORE_ERROR_IO,
                   _("Could not create the folder “%s”: %s."), path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/* slv_fts_deferred(): 1 while an import writes a chunk and indexes it
 * itself (see slv_store_set_fts_deferred); the full-text triggers of the
 * tables it fills skip rows then. Innocuous: it reads a flag, nothing more. */
static void
fts_deferred_func (sqlite3_context  *context,
                   int               argc,
                   sqlite3_value   **argv)
{
  gint *flag = sqlite3_user_data (context);

  sqlite3_result_int (context, flag != NULL && g_atomic_int_get (flag));
}

int
slv_store_register_fts_deferred (sqlite3 *db,
                                 gint    *flag)
{
  return sqlite3_create_function_v2 (db, "slv_fts_deferred", 0, SQLITE_UTF8 | SQLITE_INNOCUOUS, flag,
                                     fts_deferred_func, NULL, NULL, NULL);
}

gboolean
slv_store_retry_busy (int  rc,
                      int *waited_ms)
{
  if ((rc & 0xff) != SQLITE_BUSY || *waited_ms >= SLV_STORE_BUSY_TIMEOUT_MS)
    return FALSE;
  g_usleep (10 * 1000);
  *waited_ms += 10;
  return TRUE;
}

static gboolean
configure_connection (SlvStore  *self,
                      GError   **error)
{
  /* WAL: readers do not block the writer; a killed process leaves the WAL to
   * be replayed on next open. synchronous=FULL: a commit is on disk when it
   * returns, so nothing committed is lost even on power failure. */
  static const char *pragmas =
    "PRAGMA journal_mode = WAL;"
    "PRAGMA synchronous = FULL;"
    "PRAGMA foreign_keys = ON;"
    "PRAGMA temp_store = MEMORY;"
    "PRAGMA cache_size = -16000;";
  char *msg = NULL;
  int rc;

  sqlite3_busy_timeout (self->db, SLV_STORE_BUSY_TIMEOUT_MS);
  sqlite3_extended_result_codes (self->db, 1);
  /* Before the migrations: their triggers call it. */
  if (slv_store_register_fts_deferred (self->db, &self->fts_deferred) != SQLITE_OK)
    {
      g_set_error (error, SLV_STORE_ERROR, SLV_STORE_ERROR_FAILED,
                   _("Could not prepare the workspace “%s”: %s."), self->path, sqlite3_errmsg (self->db));
      return FALSE;
    }
  for (int waited_ms = 0;;)
    {
      rc = sqlite3_exec (self->db, pragmas, NULL, NULL, &msg);
      if (!slv_store_retry_busy (rc, &waited_ms))
        break;
      g_clear_pointer (&msg, sqlite3_free);
    }
  if (rc != SQLITE_OK)
    {
      g_set_error (error, SLV_STORE_ERROR, SLV_STORE_ERROR_NOT_A_WORKSPACE,
                   _("“%s” is not a Selvedge workspace database: %s."),
                   self->path, msg ? msg : "?");
      sqlite3_free (msg);
      return FALSE;
    }
  return TRUE;
}

SlvStore *
slv_store_open (const char         *path,
                SlvStoreOpenFlags   flags,
                GError            **error)
{
  g_autoptr(SlvStore) self = NULL;
  g_autofree char *db_path = NULL;
  gboolean exists;
  int open_flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (SLV_TYPE_STORE, NULL);
  self->path = g_canonicalize_filename (path, NULL);
  self->name = workspace_name_from_path (self->path);
  db_path = g_build_filename (self->path, "workspace.db", NULL);
  exists = g_file_test (db_path, G_FILE_TEST_IS_REGULAR);

  if (!exists)
    {
      if (!(flags & SLV_STORE_OPEN_CREATE))
        {
          if (g_file_test (self->path, G_FILE_TEST_IS_DIR))
            g_set_error (error, SLV_STORE_ERROR, SLV_STORE_ERROR_NOT_A_WORKSPACE,
                         _("The folder “%s” is not a Selvedge workspace (it has no workspace.db)."),
                         self->path);
          else
            g_set_error (error, SLV_STORE_ERROR, SLV_STORE_ERROR_NOT_FOUND,
                         _("There is no workspace at “%s”."), self->path);
          return NULL;
        }
      if (!make_folder (self->path, error))
        return NULL;
      open_flags |= SQLITE_OPEN_CREATE;
    }

  rc = sqlite3_open_v2 (db_path, &self->db, open_flags, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, SLV_STORE_ERROR, error_code_for_sqlite (rc),
                   _("Could not open the workspace “%s”: %s."), self->path,
                   self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return NULL;
    }
  if (!slv_store_check_level (self, &self->schema_level, error))
    return NULL;
  if (!configure_connection (self, error))
    return NULL;
  if (!slv_store_migrate (self, &self->schema_level, error))
    return NULL;
  if (!slv_store_capture_setup (self, error))
    return NULL;

  {
    g_autofree char *blobs = g_build_filename (self->path, "blobs", NULL);
    g_autofree char *cache = g_build_filename (self->path, "cache", NULL);

    if (!make_folder (blobs, error) || !make_folder (cache, error))
      return NULL;
  }

  return g_steal_pointer (&self);
}

typedef struct
{
  char              *path;
  SlvStoreOpenFlags  flags;
} OpenData;

static void
open_data_free (gpointer data)
{
  OpenData *od = data;

  g_free (od->path);
  g_free (od);
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OpenData *od = task_data;
  GError *error = NULL;
  SlvStore *store = slv_store_open (od->path, od->flags, &error);

  if (store == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, store, g_object_unref);
}

void
slv_store_open_async (const char          *path,
                      SlvStoreOpenFlags    flags,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  OpenData *od = g_new0 (OpenData, 1);

  od->path = g_strdup (path);
  od->flags = flags;
  g_task_set_source_tag (task, slv_store_open_async);
  g_task_set_task_data (task, od, open_data_free);
  g_task_run_in_thread (task, open_thread);
}

SlvStore *
slv_store_open_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

gboolean
slv_store_path_is_workspace (const char *path)
{
  g_autofree char *db_path = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  db_path = g_build_filename (path, "workspace.db", NULL);
  return g_file_test (db_path, G_FILE_TEST_IS_REGULAR);
}

char *
slv_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "selvedge", "Default.selvedge", NULL);
}

const char *
slv_store_get_path (SlvStore *self)
{
  g_return_val_if_fail (SLV_IS_STORE (self), NULL);
  return self->path;
}

const char *
slv_store_get_name (SlvStore *self)
{
  g_return_val_if_fail (SLV_IS_STORE (self), NULL);
  return self->name;
}

char *
slv_store_dup_blob_dir (SlvStore *self)
{
  g_return_val_if_fail (SLV_IS_STORE (self), NULL);
  return g_build_filename (self->path, "blobs", NULL);
}

char *
slv_store_dup_cache_dir (SlvStore *self)
{
  g_return_val_if_fail (SLV_IS_STORE (self), NULL);
  return g_build_filename (self->path, "cache", NULL);
}

int
slv_store_get_schema_level (SlvStore *self)
{
  g_return_val_if_fail (SLV_IS_STORE (self), 0);
  return self->schema_level;
}

void
slv_store_lock (SlvStore *self)
{
  g_rec_mutex_lock (&self->lock);
}

void
slv_store_unlock (SlvStore *self)
{
  g_rec_mutex_unlock (&self->lock);
}

sqlite3 *
slv_store_get_db (SlvStore *self)
{
  return self->db;
}

void
slv_sql_set_error (sqlite3     *db,
                   GError     **error,
                   const char  *what)
{
  g_set_error (error, SLV_STORE_ERROR, error_code_for_sqlite (sqlite3_extended_errcode (db)),
               "%s: %s", what, sqlite3_errmsg (db));
}

sqlite3_stmt *
slv_sql_prepare_cached (sqlite3     *db,
                        GHashTable  *cache,
                        const char  *sql,
                        const char  *what,
                        GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (cache, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  if (sqlite3_prepare_v3 (db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      slv_sql_set_error (db, error, what);
      return NULL;
    }
  g_hash_table_insert (cache, g_strdup (sql), stmt);
  return stmt;
}

void
slv_store_set_error (SlvStore    *self,
                     GError     **error,
                     const char  *what)
{
  slv_sql_set_error (self->db, error, what);
}

sqlite3_stmt *
slv_store_prepare (SlvStore    *self,
                   const char  *sql,
                   GError     **error)
{
  return slv_sql_prepare_cached (self->db, self->statements, sql, _("Could not prepare a workspace query"), error);
}

gboolean
slv_store_exec (SlvStore    *self,
                const char  *sql,
                GError     **error)
{
  char *msg = NULL;

  if (sqlite3_exec (self->db, sql, NULL, NULL, &msg) != SQLITE_OK)
    {
      int rc = sqlite3_extended_errcode (self->db);

      g_set_error (error, SLV_STORE_ERROR, error_code_for_sqlite (rc), "%s", msg ? msg : sqlite3_errstr (rc));
      sqlite3_free (msg);
      return FALSE;
    }
  return TRUE;
}

gboolean
slv_store_step_done (SlvStore      *self,
                     sqlite3_stmt  *stmt,
                     GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      slv_store_set_error (self, error, _("Could not write to the workspace"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
slv_store_transaction (SlvStore        *self,
                       SlvStoreTxFunc   func,
                       gpointer         user_data,
                       GError         **error)
{
  gboolean ok;

  g_return_val_if_fail (SLV_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  slv_store_lock (self);
  if (!sqlite3_get_autocommit (self->db))
    {
      /* Nested: join the enclosing transaction through a savepoint. */
      ok = slv_store_exec (self, "SAVEPOINT slv_nested", error);
      if (ok && !func (self, user_data, error))
        {
          slv_store_exec (self, "ROLLBACK TO slv_nested; RELEASE slv_nested", NULL);
          ok = FALSE;
        }
      else if (ok)
        ok = slv_store_exec (self, "RELEASE slv_nested", error);
      slv_store_unlock (self);
      return ok;
    }

  ok = slv_store_exec (self, "BEGIN IMMEDIATE", error);
  if (ok && !func (self, user_data, error))
    {
      slv_store_exec (self, "ROLLBACK", NULL);
      ok = FALSE;
    }
  else if (ok && !slv_store_exec (self, "COMMIT", error))
    {
      slv_store_exec (self, "ROLLBACK", NULL);
      ok = FALSE;
    }
  slv_store_unlock (self);
  return ok;
}

gboolean
slv_store_is_identifier (const char *name)
{
  if (name == NULL || *name == '\0' || g_ascii_isdigit (*name))
    return FALSE;
  for (const char *p = name; *p; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '_'))
      return FALSE;
  return TRUE;
}

gboolean
slv_store_has_column (SlvStore   *self,
                      const char *table,
                      const char *column)
{
  g_autofree char *key = NULL;

  if (!slv_store_is_identifier (table) || !slv_store_is_identifier (column))
    return FALSE;
  key = g_strdup_printf ("%s.%s", table, column);
  if (g_hash_table_size (self->columns) == 0)
    {
      sqlite3_stmt *stmt = NULL;
      const char *sql =
        "SELECT m.name, p.name FROM sqlite_schema m, pragma_table_info (m.name) p "
        "WHERE m.type = 'table'";

      if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) == SQLITE_OK)
        {
          while (sqlite3_step (stmt) == SQLITE_ROW)
            g_hash_table_add (self->columns,
                              g_strdup_printf ("%s.%s", sqlite3_column_text (stmt, 0),
                                               sqlite3_column_text (stmt, 1)));
        }
      sqlite3_finalize (stmt);
    }
  return g_hash_table_contains (self->columns, key);
}

void
slv_store_forget_schema (SlvStore *self)
{
  g_hash_table_remove_all (self->columns);
  g_hash_table_remove_all (self->statements);
}

char *
slv_store_column_dup_text (sqlite3_stmt *stmt,
                           int           column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);

  return text ? g_strdup ((const char *) text) : NULL;
}

void
slv_store_set_fts_deferred (SlvStore *self,
                            gboolean  deferred)
{
  g_return_if_fail (SLV_IS_STORE (self));
  g_atomic_int_set (&self->fts_deferred, deferred ? 1 : 0);
}
