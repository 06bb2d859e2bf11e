/* slv-server-db.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PostgreSQL access for selvedge-server: one connection per worker thread,
 * parameterised statements only, errors as GError carrying the SQLSTATE.
 */
#pragma once

#include <glib.h>
#include <libpq-fe.h>

G_BEGIN_DECLS

#define SLV_DB_ERROR (slv_db_error_quark ())

typedef enum
{
  SLV_DB_ERROR_CONNECT,        /* cannot reach the database */
  SLV_DB_ERROR_UNIQUE,         /* 23505 */
  SLV_DB_ERROR_RETRY,          /* 40001 serialization failure, 40P01 deadlock */
  SLV_DB_ERROR_FAILED,
} SlvDbError;

GQuark       slv_db_error_quark        (void);

typedef struct _SlvDb SlvDb;

SlvDb       *slv_db_new                (const char        *conninfo) G_GNUC_WARN_UNUSED_RESULT;
void         slv_db_free               (SlvDb             *db);
const char  *slv_db_get_conninfo       (SlvDb             *db);
/* The calling thread's connection, opened (or reset) on demand. */
PGconn      *slv_db_get_conn           (SlvDb             *db,
                                        GError           **error);
/* Drops the calling thread's connection (after a broken one). */
void         slv_db_drop_conn          (SlvDb             *db);
/* A stand-alone connection (command-line tools). */
PGconn      *slv_db_connect            (const char        *conninfo,
                                        GError           **error);

/* Runs @sql with text parameters (NULL = SQL NULL). Returns the result of a
 * command or query, or NULL with @error set. */
PGresult    *slv_db_query              (PGconn            *conn,
                                        const char        *sql,
                                        int                n_params,
                                        const char *const *params,
                                        GError           **error) G_GNUC_WARN_UNUSED_RESULT;
/* As slv_db_query, prepared once per connection and thread (hot statements
 * whose plan does not depend on the parameter values). */
PGresult    *slv_db_query_prepared     (PGconn            *conn,
                                        const char        *sql,
                                        int                n_params,
                                        const char *const *params,
                                        GError           **error) G_GNUC_WARN_UNUSED_RESULT;
/* As above for statements whose result is not needed. */
gboolean     slv_db_exec               (PGconn            *conn,
                                        const char        *sql,
                                        int                n_params,
                                        const char *const *params,
                                        GError           **error);
/* Plain statement without parameters (BEGIN, COMMIT, DDL). */
gboolean     slv_db_run                (PGconn            *conn,
                                        const char        *sql,
                                        GError           **error);
/* Rolls back, ignoring errors (cleanup paths). */
void         slv_db_rollback           (PGconn            *conn);
/* Value of row @row, column @col, or NULL for SQL NULL. */
const char  *slv_db_value              (PGresult          *res,
                                        int                row,
                                        int                col);
gboolean     slv_db_bool               (PGresult          *res,
                                        int                row,
                                        int                col);
gint64       slv_db_int                (PGresult          *res,
                                        int                row,
                                        int                col);
/* PostgreSQL's timestamptz text as Unix milliseconds, or -1. */
gint64       slv_db_time_ms            (PGresult          *res,
                                        int                row,
                                        int                col);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlvDb, slv_db_free)

G_END_DECLS
