/* slv-server-db.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-server"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "slv-server-db.h"

struct _SlvDb
{
  char    *conninfo;
  GPrivate conn_key;
};

G_DEFINE_QUARK (slv-db-error-quark, slv_db_error)

static void
finish_conn (gpointer data)
{
  if (data != NULL)
    PQfinish (data);
}

SlvDb *
slv_db_new (const char *conninfo)
{
  SlvDb *db = g_new0 (SlvDb, 1);
  GPrivate key = G_PRIVATE_INIT (finish_conn);

  db->conninfo = g_strdup (conninfo ? conninfo : "");
  db->conn_key = key;
  return db;
}

void
slv_db_free (SlvDb *db)
{
  if (db == NULL)
    return;
  g_free (db->conninfo);
  g_free (db);
}

const char *
slv_db_get_conninfo (SlvDb *db)
{
  return db->conninfo;
}

PGconn *
slv_db_connect (const char  *conninfo,
                GError     **error)
{
  PGconn *conn = PQconnectdb (conninfo ? conninfo : "");

  if (PQstatus (conn) != CONNECTION_OK)
    {
      g_autofree char *msg = g_strstrip (g_strdup (PQerrorMessage (conn)));

      g_set_error (error, SLV_DB_ERROR, SLV_DB_ERROR_CONNECT,
                   "Cannot connect to PostgreSQL: %s", msg);
      PQfinish (conn);
      return NULL;
    }
  /* Times are UTC; idempotent DDL notices are not news. */
  PQclear (PQexec (conn, "SET TIME ZONE 'UTC'; SET client_min_messages = warning"));
  return conn;
}

PGconn *
slv_db_get_conn (SlvDb   *db,
                 GError **error)
{
  PGconn *conn = g_private_get (&db->conn_key);

  if (conn != NULL && PQstatus (conn) == CONNECTION_OK)
    return conn;
  if (conn != NULL)
    {
      PQreset (conn);
      if (PQstatus (conn) == CONNECTION_OK)
        {
          PQclear (PQexec (conn, "SET TIME ZONE 'UTC'"));
          return conn;
        }
      g_private_replace (&db->conn_key, NULL);
    }
  conn = slv_db_connect (db->conninfo, error);
  if (conn != NULL)
    g_private_set (&db->conn_key, conn);
  return conn;
}

void
slv_db_drop_conn (SlvDb *db)
{
  g_private_replace (&db->conn_key, NULL);
}

static void
set_result_error (PGconn    *conn,
                  PGresult  *res,
                  GError   **error)
{
  const char *state = res ? PQresultErrorField (res, PG_DIAG_SQLSTATE) : NULL;
  g_autofree char *msg = g_strstrip (g_strdup (res ? PQresultErrorMessage (res) : PQerrorMessage (conn)));
  int code = SLV_DB_ERROR_FAILED;

  if (PQstatus (conn) != CONNECTION_OK)
    code = SLV_DB_ERROR_CONNECT;
  else if (g_strcmp0 (state, "23505") == 0)
    code = SLV_DB_ERROR_UNIQUE;
  else if (g_strcmp0 (state, "40001") == 0 || g_strcmp0 (state, "40P01") == 0)
    code = SLV_DB_ERROR_RETRY;
  g_set_error (error, SLV_DB_ERROR, code, "Database error%s%s: %s",
               state ? " " : "", state ? state : "", msg);
}

PGresult *
slv_db_query (PGconn             *conn,
              const char         *sql,
              int                 n_params,
              const char * const *params,
              GError            **error)
{
  PGresult *res = PQexecParams (conn, sql, n_params, NULL, params, NULL, NULL, 0);
  ExecStatusType status = res ? PQresultStatus (res) : PGRES_FATAL_ERROR;

  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
    return res;
  set_result_error (conn, res, error);
  if (res != NULL)
    PQclear (res);
  return NULL;
}

gboolean
slv_db_exec (PGconn             *conn,
             const char         *sql,
             int                 n_params,
             const char * const *params,
             GError            **error)
{
  PGresult *res = slv_db_query (conn, sql, n_params, params, error);

  if (res == NULL)
    return FALSE;
  PQclear (res);
  return TRUE;
}

gboolean
slv_db_run (PGconn      *conn,
            const char  *sql,
            GError     **error)
{
  PGresult *res = PQexec (conn, sql);
  ExecStatusType status = res ? PQresultStatus (res) : PGRES_FATAL_ERROR;

  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
    {
      PQclear (res);
      return TRUE;
    }
  set_result_error (conn, res, error);
  if (res != NULL)
    PQclear (res);
  return FALSE;
}

void
slv_db_rollback (PGconn *conn)
{
  if (conn != NULL && PQtransactionStatus (conn) != PQTRANS_IDLE)
    PQclear (PQexec (conn, "ROLLBACK"));
}

const char *
slv_db_value (PGresult *res,
              int       row,
              int       col)
{
  if (row >= PQntuples (res) || PQgetisnull (res, row, col))
    return NULL;
  return PQgetvalue (res, row, col);
}

gboolean
slv_db_bool (PGresult *res,
             int       row,
             int       col)
{
  const char *v = slv_db_value (res, row, col);

  return v != NULL && v[0] == 't';
}

gint64
slv_db_int (PGresult *res,
            int       row,
            int       col)
{
  const char *v = slv_db_value (res, row, col);

  return v ? g_ascii_strtoll (v, NULL, 10) : 0;
}

gint64
slv_db_time_ms (PGresult *res,
                int       row,
                int       col)
{
  const char *v = slv_db_value (res, row, col);
  g_autofree char *iso = NULL;
  g_autoptr(GDateTime) dt = NULL;

  if (v == NULL)
    return -1;
  /* "2025-03-14 09:26:53.589+00" → ISO 8601 */
  iso = g_strdup (v);
  if (strlen (iso) > 10 && iso[10] == ' ')
    iso[10] = 'T';
  if (g_str_has_suffix (iso, "+00"))
    {
      char *tmp = g_strconcat (iso, ":00", NULL);

      g_free (iso);
      iso = tmp;
    }
  dt = g_date_time_new_from_iso8601 (iso, NULL);
  return dt ? g_date_time_to_unix (dt) * 1000 + g_date_time_get_microsecond (dt) / 1000 : -1;
}
