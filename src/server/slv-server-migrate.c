/* slv-server-migrate.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-server"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "slv-server-db.h"
#include "slv-server-migrate.h"
#include "slv-server-sql-resources.h"

#define SQL_PATH "/org/selvedge/Server/sql"
#define MIGRATE_LOCK "7273100"

static int
compare_names (const void *a,
               const void *b)
{
  return atoi (*(char * const *) a) - atoi (*(char * const *) b);
}

static char **
list_files (void)
{
  char **names = g_resource_enumerate_children (slv_server_sql_get_resource (), SQL_PATH,
                                                G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

  if (names != NULL)
    qsort (names, g_strv_length (names), sizeof (char *), compare_names);
  return names;
}

int
slv_server_schema_level (void)
{
  g_auto(GStrv) names = list_files ();
  guint n = names ? g_strv_length (names) : 0;

  return n ? atoi (names[n - 1]) : 0;
}

const char *
slv_server_column_type (SlvSyncFieldType type)
{
  switch (type)
    {
    case SLV_SYNC_TYPE_UUID: return "uuid";
    case SLV_SYNC_TYPE_DECIMAL: return "numeric";
    case SLV_SYNC_TYPE_INTEGER: return "bigint";
    case SLV_SYNC_TYPE_REAL: return "double precision";
    case SLV_SYNC_TYPE_BOOLEAN: return "boolean";
    case SLV_SYNC_TYPE_TIMESTAMP: return "timestamptz";
    case SLV_SYNC_TYPE_DATE: return "date";
    case SLV_SYNC_TYPE_ANY: return "jsonb";
    case SLV_SYNC_TYPE_TEXT:
    case SLV_SYNC_TYPE_ENUM:
    case SLV_SYNC_TYPE_BLOB_REF:
    case SLV_SYNC_TYPE_JSON:
    default:
      return "text";
    }
}

gboolean
slv_server_table_searchable (const SlvSyncTablePolicy *table)
{
  for (guint i = 0; i < table->n_fields; i++)
    if (table->fields[i].flags & SLV_SYNC_FIELD_SEARCH)
      return TRUE;
  return FALSE;
}

static gboolean
apply_file (PGconn      *conn,
            const char  *name,
            GError     **error)
{
  g_autofree char *path = g_strconcat (SQL_PATH "/", name, NULL);
  g_autoptr(GBytes) bytes = g_resource_lookup_data (slv_server_sql_get_resource (), path, 0, error);
  g_autofree char *sql = NULL;
  g_autofree char *level = g_strdup_printf ("%d", atoi (name));
  const char *params[] = { level, name };
  g_autoptr(GError) local_error = NULL;

  if (bytes == NULL)
    return FALSE;
  sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  if (!slv_db_run (conn, "BEGIN", error))
    return FALSE;
  if (!slv_db_run (conn, sql, &local_error) ||
      !slv_db_exec (conn, "INSERT INTO slv_migration (level, name) VALUES ($1, $2)", 2, params, &local_error) ||
      !slv_db_run (conn, "COMMIT", &local_error))
    {
      slv_db_rollback (conn);
      g_set_error (error, SLV_DB_ERROR, SLV_DB_ERROR_FAILED, "Migration %s failed: %s", name, local_error->message);
      return FALSE;
    }
  return TRUE;
}

static char *
quote_ident (const char *name)
{
  return g_strdup_printf ("\"%s\"", name);
}

/* to_tsvector over the table's search fields. */
static char *
search_expression (const SlvSyncTablePolicy *table)
{
  GString *expr = g_string_new ("to_tsvector ('simple'::regconfig, ");
  gboolean first = TRUE;

  for (guint i = 0; i < table->n_fields; i++)
    if (table->fields[i].flags & SLV_SYNC_FIELD_SEARCH)
      {
        g_string_append_printf (expr, "%scoalesce (\"%s\", '')", first ? "" : " || ' ' || ",
                                table->fields[i].name);
        first = FALSE;
      }
  g_string_append_c (expr, ')');
  return g_string_free (expr, FALSE);
}

static gboolean
sync_search_column (PGconn                    *conn,
                    const SlvSyncTablePolicy  *table,
                    GError                   **error)
{
  g_autofree char *expr = search_expression (table);
  g_autofree char *key = g_strconcat ("search:", table->name, NULL);
  g_autofree char *ddl = NULL;
  const char *params[] = { key, expr };
  g_autoptr(PGresult) res = slv_db_query (conn, "SELECT value FROM slv_schema_meta WHERE key = $1",
                                          1, params, error);

  if (res == NULL)
    return FALSE;
  if (g_strcmp0 (slv_db_value (res, 0, 0), expr) == 0)
    return TRUE;
  ddl = g_strdup_printf ("ALTER TABLE \"%s\" DROP COLUMN IF EXISTS search; "
                         "ALTER TABLE \"%s\" ADD COLUMN search tsvector GENERATED ALWAYS AS (%s) STORED; "
                         "CREATE INDEX IF NOT EXISTS \"%s_search\" ON \"%s\" USING gin (search)",
                         table->name, table->name, expr, table->name, table->name);
  return slv_db_run (conn, ddl, error) &&
         slv_db_exec (conn, "INSERT INTO slv_schema_meta (key, value) VALUES ($1, $2) "
                      "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value", 2, params, error);
}

/* One projection table per synced table: id plus every field, all nullable
 * (the sync log is the truth; the projection serves SQL and search). */
static gboolean
sync_projection (PGconn                    *conn,
                 const SlvSyncTablePolicy  *table,
                 GError                   **error)
{
  g_autofree char *name = quote_ident (table->name);
  g_autoptr(GString) ddl = g_string_new (NULL);

  g_string_append_printf (ddl, "CREATE TABLE IF NOT EXISTS %s (id uuid PRIMARY KEY)", name);
  for (guint i = 0; i < table->n_fields; i++)
    g_string_append_printf (ddl, "; ALTER TABLE %s ADD COLUMN IF NOT EXISTS \"%s\" %s", name,
                            table->fields[i].name, slv_server_column_type (table->fields[i].type));
  if (!slv_db_run (conn, ddl->str, error))
    return FALSE;
  return !slv_server_table_searchable (table) || sync_search_column (conn, table, error);
}

static gboolean
sync_projections (PGconn  *conn,
                  GError **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!slv_db_run (conn, "BEGIN", error))
    return FALSE;
  for (guint i = 0; i < slv_sync_policy_get_n_tables (); i++)
    if (!sync_projection (conn, slv_sync_policy_get_table (i), &local_error))
      {
        slv_db_rollback (conn);
        g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                    "Projection of %s: ", slv_sync_policy_get_table (i)->name);
        return FALSE;
      }
  return slv_db_run (conn, "COMMIT", error);
}

static gboolean
migrate_locked (PGconn  *conn,
                int     *level,
                GError **error)
{
  g_auto(GStrv) names = list_files ();
  g_autoptr(PGresult) applied = NULL;
  g_autoptr(GHashTable) done = g_hash_table_new (g_direct_hash, g_direct_equal);

  if (!slv_db_run (conn, "CREATE TABLE IF NOT EXISTS slv_migration (level int PRIMARY KEY, "
                   "name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now ())", error) ||
      (applied = slv_db_query (conn, "SELECT level FROM slv_migration", 0, NULL, error)) == NULL)
    return FALSE;
  *level = 0;
  for (int i = 0; i < PQntuples (applied); i++)
    {
      int l = (int) slv_db_int (applied, i, 0);

      g_hash_table_add (done, GINT_TO_POINTER (l));
      *level = MAX (*level, l);
    }
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      int l = atoi (names[i]);

      if (l <= 0 || !g_str_has_suffix (names[i], ".sql") || g_hash_table_contains (done, GINT_TO_POINTER (l)))
        continue;
      if (!apply_file (conn, names[i], error))
        return FALSE;
      *level = MAX (*level, l);
    }
  return sync_projections (conn, error);
}

gboolean
slv_server_migrate (PGconn  *conn,
                    int     *level,
                    GError **error)
{
  gboolean ok;

  if (!slv_db_run (conn, "SELECT pg_advisory_lock (" MIGRATE_LOCK ")", error))
    return FALSE;
  ok = migrate_locked (conn, level, error);
  slv_db_run (conn, "SELECT pg_advisory_unlock (" MIGRATE_LOCK ")", NULL);
  return ok;
}
