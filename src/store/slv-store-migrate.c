/* slv-store-migrate.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "slv-store-migrate.h"
#include "slv-sql-resources.h"

#define SQL_PATH "/org/selvedge/Selvedge/sql"

typedef struct
{
  int   level;
  char *name;
} Migration;

static int
compare_migrations (gconstpointer a,
                    gconstpointer b)
{
  return ((const Migration *) a)->level - ((const Migration *) b)->level;
}

static void
clear_migration (gpointer data)
{
  g_free (((Migration *) data)->name);
}

/* Migrations are files NNNN-what.sql; the number is the level they bring. */
static GArray *
list_migrations (void)
{
  GArray *list = g_array_new (FALSE, TRUE, sizeof (Migration));
  g_auto(GStrv) names = g_resource_enumerate_children (slv_sql_get_resource (), SQL_PATH,
                                                       G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

  g_array_set_clear_func (list, clear_migration);
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      Migration m = { atoi (names[i]), g_strdup (names[i]) };

      if (m.level > 0 && g_str_has_suffix (names[i], ".sql"))
        g_array_append_val (list, m);
      else
        g_free (m.name);
    }
  g_array_sort (list, compare_migrations);
  return list;
}

int
slv_store_get_latest_schema_level (void)
{
  g_autoptr(GArray) list = list_migrations ();

  return list->len ? g_array_index (list, Migration, list->len - 1).level : 0;
}

gboolean
slv_store_check_level (SlvStore  *self,
                       int       *level,
                       GError   **error)
{
  sqlite3 *db = slv_store_get_db (self);
  sqlite3_stmt *stmt = NULL;
  int latest = slv_store_get_latest_schema_level ();
  int rc;

  rc = sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
  for (int waited_ms = 0; rc == SQLITE_OK;)
    {
      rc = sqlite3_step (stmt);
      if (!slv_store_retry_busy (rc, &waited_ms))
        break;
      sqlite3_reset (stmt);
      rc = SQLITE_OK;
    }
  if (rc != SQLITE_ROW)
    {
      g_set_error (error, SLV_STORE_ERROR, SLV_STORE_ERROR_NOT_A_WORKSPACE,
                   _("“%s” does not hold a readable workspace database: %s."),
                   slv_store_get_path (self), sqlite3_errmsg (db));
      sqlite3_finalize (stmt);
      return FALSE;
    }
  *level = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  if (*level > latest)
    {
      g_set_error (error, SLV_STORE_ERROR, SLV_STORE_ERROR_TOO_NEW,
                   _("The workspace “%s” was saved by a newer version of Selvedge "
                     "(schema level %d; this version reads up to %d). Update Selvedge "
                     "to open it; the workspace was not changed."),
                   slv_store_get_path (self), *level, latest);
      return FALSE;
    }
  return TRUE;
}

static gboolean
apply_migration (SlvStore         *self,
                 const Migration  *m,
                 GError          **error)
{
  g_autofree char *path = g_strconcat (SQL_PATH "/", m->name, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *set_level = NULL;
  g_autoptr(GError) local_error = NULL;

  bytes = g_resource_lookup_data (slv_sql_get_resource (), path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;
  sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  set_level = g_strdup_printf ("PRAGMA user_version = %d", m->level);

  if (!slv_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!slv_store_exec (self, sql, &local_error) ||
      !slv_store_exec (self, set_level, &local_error) ||
      !slv_store_exec (self, "COMMIT", &local_error))
    {
      slv_store_exec (self, "ROLLBACK", NULL);
      g_set_error (error, SLV_STORE_ERROR, SLV_STORE_ERROR_FAILED,
                   _("Could not upgrade the workspace to schema level %d (%s): %s"),
                   m->level, m->name, local_error->message);
      return FALSE;
    }
  slv_store_forget_schema (self);
  return TRUE;
}

gboolean
slv_store_migrate (SlvStore  *self,
                   int       *level,
                   GError   **error)
{
  g_autoptr(GArray) list = list_migrations ();
  gboolean ok = TRUE;

  slv_store_lock (self);
  if (!slv_store_check_level (self, level, error))
    ok = FALSE;
  for (guint i = 0; ok && i < list->len; i++)
    {
      const Migration *m = &g_array_index (list, Migration, i);

      if (m->level <= *level)
        continue;
      ok = apply_migration (self, m, error);
      if (ok)
        *level = m->level;
    }
  slv_store_unlock (self);
  return ok;
}
