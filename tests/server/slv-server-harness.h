/* slv-server-harness.h: a throwaway PostgreSQL cluster and the real
 * selvedge-server on loopback, for the server tests and benchmarks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <libpq-fe.h>

G_BEGIN_DECLS

typedef struct _SlvPgCluster SlvPgCluster;
typedef struct _SlvTestServer SlvTestServer;

/* initdb in a temporary folder, postgres on a unix socket there (as the
 * postgres user when running as root). NULL when the PostgreSQL binaries
 * are missing: callers skip with slv_pg_cluster_skip_message(). */
SlvPgCluster  *slv_pg_cluster_start        (void);
void           slv_pg_cluster_stop         (SlvPgCluster  *cluster);
const char    *slv_pg_cluster_skip_message (void);
/* A new database; returns its libpq connection string. */
char          *slv_pg_cluster_create_db    (SlvPgCluster  *cluster,
                                            const char    *name) G_GNUC_WARN_UNUSED_RESULT;
const char    *slv_pg_cluster_get_dir      (SlvPgCluster  *cluster);
/* The secret the test servers share, so tests can sign tokens. */
const char    *slv_pg_cluster_secret_file  (SlvPgCluster  *cluster);

/* Migrates @conninfo, then runs `selvedge-server serve` with @extra_args
 * (NULL-terminated, may be NULL) and @env (NAME=VALUE, may be NULL). */
SlvTestServer *slv_test_server_start       (SlvPgCluster  *cluster,
                                            const char    *conninfo,
                                            const char * const *extra_args,
                                            const char * const *env);
void           slv_test_server_stop        (SlvTestServer *server);
const char    *slv_test_server_get_url     (SlvTestServer *server);
const char    *slv_test_server_get_blob_dir (SlvTestServer *server);
/* Runs `selvedge-server COMMAND --pg … ARGS…`; stdin gets @input. Returns
 * stdout; asserts the exit status is @expect_ok. */
char          *slv_test_server_admin       (SlvTestServer *server,
                                            const char    *input,
                                            gboolean       expect_ok,
                                            const char    *command,
                                            ...) G_GNUC_NULL_TERMINATED G_GNUC_WARN_UNUSED_RESULT;
/* A user with @password and one grant (role may be NULL); returns its id. */
char          *slv_test_server_add_user    (SlvTestServer *server,
                                            const char    *email,
                                            const char    *password,
                                            const char    *role,
                                            const char    *scope) G_GNUC_WARN_UNUSED_RESULT;
/* A direct database connection for assertions. */
PGconn        *slv_test_server_db          (SlvTestServer *server);
/* First column of the first row of @sql, as a string (NULL for SQL NULL). */
char          *slv_test_db_scalar          (PGconn        *conn,
                                            const char    *sql,
                                            ...) G_GNUC_NULL_TERMINATED G_GNUC_WARN_UNUSED_RESULT;
gint64         slv_test_db_count           (PGconn        *conn,
                                            const char    *sql,
                                            ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
