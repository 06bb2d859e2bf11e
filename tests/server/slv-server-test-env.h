/* slv-server-test-env.h: what every server test program shares: one
 * cluster, one database and one server, started once in main().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "server/slv-server-jwt.h"
#include "slv-server-harness.h"
#include "slv-test-client.h"

G_BEGIN_DECLS

typedef struct
{
  SlvPgCluster  *cluster;
  SlvTestServer *server;
  char          *conninfo;
  const char    *url;
  PGconn        *db;
} SlvServerTestEnv;

extern SlvServerTestEnv slv_env;

#define SLV_PASSWORD "correct horse battery"

/* Skips the current test when PostgreSQL is missing. */
#define SLV_REQUIRE_SERVER() \
  G_STMT_START { if (slv_env.server == NULL) { g_test_skip (slv_pg_cluster_skip_message ()); return; } } G_STMT_END

/* Starts the cluster and a server with @extra_args; FALSE if skipped. */
gboolean       slv_server_test_env_setup    (const char * const *extra_args,
                                             const char * const *env);
void           slv_server_test_env_teardown (void);
/* A fresh brand id, and a user with @role on @scope (scope may use "%s" for
 * the brand id). */
char          *slv_env_user                 (const char    *role,
                                             const char    *scope) G_GNUC_WARN_UNUSED_RESULT;
SlvTestClient *slv_env_client               (const char    *email);
/* Keys that sign like the server (same secret). */
SlvJwtKeys    *slv_env_jwt_keys             (SlvJwtAlg      alg,
                                             gboolean       right_secret);
/* Ops creating a row with the fields every table needs plus @first…NULL. */
void           slv_env_create_row           (SlvSyncPushRequest *batch,
                                             const char    *hlc,
                                             const char    *table,
                                             const char    *row,
                                             const char    *brand,
                                             ...) G_GNUC_NULL_TERMINATED;
/* JSON text of a string. */
char          *slv_json_quote               (const char    *text) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
