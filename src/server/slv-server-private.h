/* slv-server-private.h: what the server's files share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

#include "slv-server-db.h"
#include "slv-server-jwt.h"
#include "slv-server.h"
#include "sync/slv-sync.h"

G_BEGIN_DECLS

typedef struct _SlvRateLimiter SlvRateLimiter;

struct _SlvServer
{
  GObject           parent_instance;

  SlvServerConfig  *config;
  SoupServer       *soup;
  GMainContext     *context;
  GThreadPool      *pool;
  SlvDb            *db;
  SlvHlcClock      *clock;
  SlvJwtKeys       *jwt;
  SlvRateLimiter   *limiter;
  GAsyncQueue      *pwhash_slots;    /* bounds concurrent Argon2id work */
  char             *url;
  char             *blobs_dir;
  char             *uploads_dir;
  guint8            cursor_key[32];
  guint8            refresh_key[32];
  guint             commit_delay_ms; /* test hook: SELVEDGE_TEST_COMMIT_DELAY_MS */
};

/* The signed-in user of a request, with grants read from the database. */
typedef struct
{
  char         *user_id;
  char         *client_id;   /* sid claim */
  char         *family;
  SlvSyncGrant *grants;
  guint         n_grants;
} SlvPrincipal;

void slv_principal_free (SlvPrincipal *principal);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlvPrincipal, slv_principal_free)

/* One request, handled on a worker thread. Handlers read the request fields
 * and call one of the slv_request_reply functions. */
typedef struct
{
  SlvServer      *server;
  SoupServerMessage *msg;        /* main thread only */
  char           *method;
  char           *path;
  GHashTable     *query;         /* name → value */
  GHashTable     *headers;       /* lower-case name → value */
  GBytes         *body;
  char           *remote;
  gint64          started_us;
  PGconn         *db;            /* the worker's connection */
  SlvPrincipal   *principal;     /* after slv_request_authenticate */
  /* response */
  guint           status;
  char           *content_type;
  GBytes         *response;
  GPtrArray      *response_headers;   /* name, value, name, value… */
  gboolean        disconnected;
  gulong          disconnect_id;
} SlvRequest;

/* slv-server-http.c */
const char *slv_request_header        (SlvRequest      *req,
                                       const char      *name);
const char *slv_request_query         (SlvRequest      *req,
                                       const char      *name);
void        slv_request_add_header    (SlvRequest      *req,
                                       const char      *name,
                                       const char      *value);
void        slv_request_reply         (SlvRequest      *req,
                                       guint            status,
                                       const char      *content_type,
                                       GBytes          *body);
/* Takes @json (may be NULL for no body). */
void        slv_request_reply_json    (SlvRequest      *req,
                                       guint            status,
                                       char            *json);
void        slv_request_reply_problem (SlvRequest      *req,
                                       SlvSyncProblem  *problem);
void        slv_request_fail          (SlvRequest      *req,
                                       const char      *code,
                                       const char      *format,
                                       ...) G_GNUC_PRINTF (3, 4);
/* 500 for database trouble, logged with the cause. */
void        slv_request_fail_internal (SlvRequest      *req,
                                       GError          *error);
/* Parses the body as a JSON object, or replies 400 and returns NULL. */
JsonObject *slv_request_json_object   (SlvRequest      *req,
                                       JsonNode       **holder);
/* Current time as ISO-8601 with milliseconds. */
char       *slv_server_now_iso        (void) G_GNUC_WARN_UNUSED_RESULT;
gint64      slv_server_now_ms         (void);
void        slv_request_finish_response (SlvRequest    *req);

SlvRateLimiter *slv_rate_limiter_new  (guint            per_second,
                                       guint            burst);
void        slv_rate_limiter_free     (SlvRateLimiter  *limiter);
/* 0 if allowed, else the seconds to wait. */
guint       slv_rate_limiter_check    (SlvRateLimiter  *limiter,
                                       const char      *key);

/* slv-server-log.c */
void        slv_log_init              (void);
void        slv_log_request           (SlvRequest      *req);
/* Key, value pairs of strings, then NULL. */
void        slv_log_event             (const char      *level,
                                       const char      *message,
                                       ...) G_GNUC_NULL_TERMINATED;

/* slv-server-auth.c */
gboolean    slv_request_authenticate  (SlvRequest      *req);
guint       slv_principal_roles_in    (SlvPrincipal    *principal,
                                       const char      *bucket);
void        slv_handle_login          (SlvRequest      *req);
void        slv_handle_refresh        (SlvRequest      *req);
void        slv_handle_logout         (SlvRequest      *req);
void        slv_handle_devices        (SlvRequest      *req);
/* Registers or checks @client_id / @node for the principal; replies with a
 * problem and returns FALSE on refusal. */
gboolean    slv_device_check          (SlvRequest      *req,
                                       const char      *client_id,
                                       const char      *node,
                                       const char      *name);

/* slv-server-push.c, slv-server-pull.c, slv-server-blobs.c, slv-server-search.c */
void        slv_handle_push           (SlvRequest      *req);
void        slv_handle_pull           (SlvRequest      *req);
void        slv_handle_blobs_check    (SlvRequest      *req);
void        slv_handle_upload_create  (SlvRequest      *req);
void        slv_handle_upload_head    (SlvRequest      *req,
                                       const char      *id);
void        slv_handle_upload_patch   (SlvRequest      *req,
                                       const char      *id);
void        slv_handle_blob_get       (SlvRequest      *req,
                                       const char      *sha256);
void        slv_handle_search         (SlvRequest      *req);
void        slv_handle_health         (SlvRequest      *req);
/* The buckets the principal may read, sorted; includes existing supplier
 * buckets of brands where the user is admin or merchandiser. */
char      **slv_principal_readable_buckets (SlvRequest *req,
                                            GError    **error) G_GNUC_WARN_UNUSED_RESULT;
/* Whether the verified blob file exists; its path. */
char       *slv_blob_path             (SlvServer       *server,
                                       const char      *sha256) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
