/* slv-sync-http.h: the sync client's HTTP side (libsoup3, async).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SlvSyncHttp sends requests to one server with the protocol's headers
 * (Authorization, Selvedge-Schema, gzip), decodes problem+json answers and
 * keeps the access token fresh: a 401 token_expired (or a token about to
 * expire) triggers one refresh however many requests wait for it
 * (single-flight), then the requests are sent again. A refresh the server
 * refuses ends in SLV_SYNC_HTTP_ERROR_SIGN_IN.
 */
#pragma once

#include <libsoup/soup.h>

#include "sync/slv-sync-problem.h"

G_BEGIN_DECLS

#define SLV_SYNC_HTTP_ERROR (slv_sync_http_error_quark ())

typedef enum
{
  SLV_SYNC_HTTP_ERROR_SIGN_IN,    /* no valid sign-in: sign in again */
  SLV_SYNC_HTTP_ERROR_NETWORK,    /* the server could not be reached */
  SLV_SYNC_HTTP_ERROR_PROTOCOL,   /* an answer that is not the protocol's */
} SlvSyncHttpError;

GQuark slv_sync_http_error_quark (void);

typedef struct
{
  guint               status;
  GBytes             *body;
  SoupMessageHeaders *headers;
  SlvSyncProblem     *problem;   /* non-2xx answers with a problem body */
} SlvSyncReply;

void slv_sync_reply_free (SlvSyncReply *reply);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlvSyncReply, slv_sync_reply_free)

/* The problem code, or "" */
const char *slv_sync_reply_code (SlvSyncReply *reply);

#define SLV_TYPE_SYNC_HTTP (slv_sync_http_get_type ())
G_DECLARE_FINAL_TYPE (SlvSyncHttp, slv_sync_http, SLV, SYNC_HTTP, GObject)

SlvSyncHttp  *slv_sync_http_new                (const char           *base_url,
                                                int                   schema_level);
const char   *slv_sync_http_get_base_url       (SlvSyncHttp          *self);
void          slv_sync_http_set_schema_level   (SlvSyncHttp          *self,
                                                int                   level);
/* Tokens; "tokens-changed" is emitted when a refresh rotates them. */
void          slv_sync_http_set_tokens         (SlvSyncHttp          *self,
                                                const char           *access_token,
                                                gint64                expires_in_s,
                                                const char           *refresh_token);
const char   *slv_sync_http_get_refresh_token  (SlvSyncHttp          *self);
gboolean      slv_sync_http_has_sign_in        (SlvSyncHttp          *self);
/* Refreshes done (tests: single-flight). */
guint         slv_sync_http_get_refresh_count  (SlvSyncHttp          *self);
void          slv_sync_http_set_timeout        (SlvSyncHttp          *self,
                                                guint                 seconds);

/* Sends @body (may be NULL) with @content_type; @auth adds the bearer
 * token (refreshing it when needed). @fault names the fault point hit once
 * the request body is written (NULL for none). Transport failures end in
 * SLV_SYNC_HTTP_ERROR_NETWORK; every HTTP answer is a reply. */
void          slv_sync_http_send_async         (SlvSyncHttp          *self,
                                                const char           *method,
                                                const char           *path,
                                                const char           *content_type,
                                                GBytes               *body,
                                                const char * const   *headers,
                                                gboolean              auth,
                                                const char           *fault,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
SlvSyncReply *slv_sync_http_send_finish        (SlvSyncHttp          *self,
                                                GAsyncResult         *result,
                                                GError              **error) G_GNUC_WARN_UNUSED_RESULT;
/* Like send, streaming the 200 body into @stream (downloads). */
void          slv_sync_http_download_async     (SlvSyncHttp          *self,
                                                const char           *path,
                                                GOutputStream        *stream,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
SlvSyncReply *slv_sync_http_download_finish    (SlvSyncHttp          *self,
                                                GAsyncResult         *result,
                                                GError              **error) G_GNUC_WARN_UNUSED_RESULT;

/* Sign-in: POST /v1/auth/login; the reply's JSON is returned. */
void          slv_sync_http_login_async        (SlvSyncHttp          *self,
                                                const char           *email,
                                                const char           *password,
                                                const char           *client_id,
                                                const char           *device_name,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
JsonNode     *slv_sync_http_login_finish       (SlvSyncHttp          *self,
                                                GAsyncResult         *result,
                                                GError              **error) G_GNUC_WARN_UNUSED_RESULT;
/* Revokes the refresh token's family (best effort) and forgets the tokens. */
void          slv_sync_http_logout_async       (SlvSyncHttp          *self,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
gboolean      slv_sync_http_logout_finish      (SlvSyncHttp          *self,
                                                GAsyncResult         *result,
                                                GError              **error);

G_END_DECLS
