/* sync-test-util.h: client workspaces with their sync engines against the
 * real selvedge-server (tests/server harness), and state dumps to compare
 * clients, the server and an oracle.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "slv-server-test-env.h"
#include "slv-test-util.h"
#include "store/slv-capture.h"
#include "store/slv-store.h"
#include "sync/client/slv-sync-engine.h"

G_BEGIN_DECLS

typedef struct
{
  char *email;
  char *user_id;
  char *access_token;
  char *refresh_token;
  char *grants;        /* JSON */
} SyncUser;

typedef struct
{
  char          *dir;
  char          *path;
  SlvStore      *store;
  SlvSyncEngine *engine;
  SyncUser      *user;
  gint64         offset_ms;   /* added to the real wall clock */
  struct sqlite3 *read_db;    /* the test's own read connection */
} SyncClient;

/* Call first in main(): environment for loopback tests. */
void         sync_test_prepare       (void);
/* Starts the cluster and server once; FALSE (test skipped) without
 * PostgreSQL. */
gboolean     sync_env_setup          (void);
void         sync_env_teardown       (void);

/* A user with @role on @scope (every "{}" in @scope becomes a fresh brand
 * id, returned in @brand when not NULL), signed in once. */
SyncUser    *sync_user_new           (const char    *role,
                                      const char    *scope,
                                      char         **brand);
void         sync_user_free          (SyncUser      *user);
/* Replaces the user's grants with @role on @scope (SQL, immediate). */
void         sync_user_regrant       (SyncUser      *user,
                                      const char    *role,
                                      const char    *scope);

/* A fresh empty workspace (copied from a template, with its own node)
 * whose engine is signed in as @user. */
SyncClient  *sync_client_new         (SyncUser      *user);
/* The same workspace opened again (a restart). */
void         sync_client_reopen      (SyncClient    *client);
void         sync_client_free        (SyncClient    *client);
/* One round, run to its end on the default main context. */
gboolean     sync_client_sync        (SyncClient    *client,
                                      SlvSyncSummary *summary,
                                      GError       **error);
/* Rounds until nothing is left to send and the server has nothing more. */
void         sync_client_quiesce     (SyncClient    *client);

/* State dumps: "table/row/field" → "hlc value" (value as canonical JSON). */
GHashTable  *sync_client_dump        (SyncClient    *client);
GHashTable  *sync_server_dump        (const char    *brand);
/* Asserts two dumps are equal; names them and @seed in the failure. */
/* Writes one field through the store (captured), asserting it worked. */
void         sync_client_edit        (SyncClient    *c,
                                      const char    *table,
                                      const char    *id,
                                      const char    *column,
                                      const char    *value);
/* @a, @b and the server hold the same rows and fields of @brand. */
void         sync_assert_converged   (SyncClient    *a,
                                      SyncClient    *b,
                                      const char    *brand);
void         sync_assert_same_dump   (GHashTable    *a,
                                      const char    *a_name,
                                      GHashTable    *b,
                                      const char    *b_name,
                                      guint64        seed);
/* Canonical JSON of a value (numbers as %.12g). */
char        *sync_canonical_json     (JsonNode      *node) G_GNUC_WARN_UNUSED_RESULT;

/* A scalar from the client's workspace (raw SQL, a separate connection). */
char        *sync_client_query       (SyncClient    *client,
                                      const char    *sql) G_GNUC_WARN_UNUSED_RESULT;
gint64       sync_client_count       (SyncClient    *client,
                                      const char    *sql);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SyncClient, sync_client_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SyncUser, sync_user_free)

G_END_DECLS
