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
  char *conninfo;
};

/* The calling thread's pooled connection (static: a GPrivate is never freed). */
typedef struct
{
  SlvDb  *db;
  PGconn *conn;
} ThreadConn;

static void
thread_conn_free (gpointer data)
{
  ThreadConn *tc = data;

  if (tc == NULL)
    return;
  if (tc->conn != NULL)
    PQfinish (tc->conn);
  g_free (tc);
}

static GPrivate conn_key = G_PRIVATE_INIT (thread_conn_free);



#define MAX_PREPARED 256

/* Statements prepared on the calling thread's pooled connection. */
typedef struct
{
  PGconn     *conn;
  GHashTable *names;   /* SQL text → statement name */
} Prepared;

static void
prepared_free (gpointer data)
{
  Prepared *p = data;

  if (p == NULL)
    return;
  g_hash_table_unref (p->names);
  g_free (p);
}

static GPrivate prepared_key = G_PRIVATE_INIT (prepared_free);

static void
forget_prepared (void)
{
  g_private_replace (&prepared_key, NULL);
}

G_DEFINE_QUARK (slv-db-error-quark, slv_db_error)

SlvDb *
slv_db_new (const char *conninfo)
{
  SlvDb *db = g_new0 (SlvDb, 1);

  db->conninfo = g_strdup (conninfo ? conninfo : "");
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
  ThreadConn *tc = g_private_get (&conn_key);

  if (tc != NULL && tc->db == db && tc->conn != NULL && PQstatus (tc->conn) == CONNECTION_OK)
    return tc->conn;
  forget_prepared ();
  if (tc != NULL && tc->db == db && tc->conn != NULL)
    {
      PQreset (tc->conn);
      if (PQstatus (tc->conn) == CONNECTION_OK)
        {
          PQclear (PQexec (tc->conn, "SET TIME ZONE 'UTC'; SET client_min_messages = warning"));
          return tc->conn;
        }
    }
  g_private_replace (&conn_key, NULL);
  tc = g_new0 (ThreadConn, 1);
  tc->db = db;
  tc->conn = slv_db_connect (db->conninfo, error);
  if (tc->conn == NULL)
    {
      g_free (tc);
      return NULL;
    }
  g_private_set (&conn_key, tc);
  return tc->conn;
}

void
slv_db_drop_conn (SlvDb *db)
{
  forget_prepared ();
  g_private_replace (&conn_key, NULL);
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

/* The statement name for @sql on @conn, preparing it on first use; NULL
 * to run it unprepared (cache full, or not a pooled connection). */
static const char *
prepared_name (PGconn      *conn,
               const char  *sql,
               int          n_params,
               GError     **error,
               gboolean    *failed)
{
  Prepared *p = g_private_get (&prepared_key);
  char *name;
  PGresult *res;

  *failed = FALSE;
  if (p == NULL || p->conn != conn)
    {
      p = g_new0 (Prepared, 1);
      p->conn = conn;
      p->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_private_replace (&prepared_key, p);
    }
  if ((name = g_hash_table_lookup (p->names, sql)) != NULL)
    return name;
  if (g_hash_table_size (p->names) >= MAX_PREPARED)
    return NULL;
  name = g_strdup_printf ("slv%u", g_hash_table_size (p->names));
  res = PQprepare (conn, name, sql, n_params, NULL);
  if (res == NULL || PQresultStatus (res) != PGRES_COMMAND_OK)
    {
      set_result_error (conn, res, error);
      if (res != NULL)
        PQclear (res);
      g_free (name);
      *failed = TRUE;
      return NULL;
    }
  PQclear (res);
  g_hash_table_insert (p->names, g_strdup (sql), name);
  return name;
}

PGresult *
slv_db_query_prepared (PGconn             *conn,
                       const char         *sql,
                       int                 n_params,
                       const char * const *params,
                       GError            **error)
{
  gboolean failed;
  const char *name = prepared_name (conn, sql, n_params, error, &failed);
  PGresult *res;
  ExecStatusType status;

  if (failed)
    return NULL;
  if (name == NULL)
    return slv_db_query (conn, sql, n_params, params, error);
  res = PQexecPrepared (conn, name, n_params, params, NULL, NULL, 0);
  status = res ? PQresultStatus (res) : PGRES_FATAL_ERROR;
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
