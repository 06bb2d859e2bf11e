/* slv-test-client.h: a small protocol client for the server tests, over
 * libsoup's synchronous API (one client per thread).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

#include "sync/slv-sync.h"

G_BEGIN_DECLS

typedef struct
{
  SoupSession  *session;
  char         *url;
  char         *email;
  char         *access_token;
  char         *refresh_token;
  char         *user_id;
  char         *client_id;
  char          node[SLV_HLC_NODE_LEN + 1];
  SlvHlcClock  *clock;
  char         *cursor;
  /* the last response */
  guint         status;
  GBytes       *body;
  SoupMessageHeaders *headers;
} SlvTestClient;

SlvTestClient       *slv_test_client_new        (const char          *url);
void                 slv_test_client_free       (SlvTestClient       *client);
/* Sends a request; the response is in client->status/body/headers.
 * @token NULL uses the client's access token ("" sends none). */
guint                slv_test_client_send       (SlvTestClient       *client,
                                                 const char          *method,
                                                 const char          *path,
                                                 const char          *content_type,
                                                 GBytes              *body,
                                                 const char          *token,
                                                 const char * const  *headers);
/* JSON in, JSON out; NULL if the response is not JSON. */
JsonNode            *slv_test_client_call       (SlvTestClient       *client,
                                                 const char          *method,
                                                 const char          *path,
                                                 const char          *json);
const char          *slv_test_client_text       (SlvTestClient       *client);
/* The problem code of the last response, or NULL. */
char                *slv_test_client_problem    (SlvTestClient       *client);
void                 slv_test_client_login      (SlvTestClient       *client,
                                                 const char          *email,
                                                 const char          *password);
guint                slv_test_client_refresh    (SlvTestClient       *client);
/* A stamp from the client's clock. */
char                *slv_test_client_tick       (SlvTestClient       *client);
SlvSyncPushRequest  *slv_test_client_batch      (SlvTestClient       *client);
/* Adds one op; @value_json is JSON text; @hlc NULL ticks. */
void                 slv_test_batch_op          (SlvSyncPushRequest  *batch,
                                                 const char          *table,
                                                 const char          *row,
                                                 const char          *field,
                                                 const char          *value_json,
                                                 const char          *hlc,
                                                 const char          *base_hlc);
/* Ops for several fields of one row with one stamp: field, JSON, …, NULL. */
void                 slv_test_batch_row         (SlvSyncPushRequest  *batch,
                                                 const char          *hlc,
                                                 const char          *table,
                                                 const char          *row,
                                                 ...) G_GNUC_NULL_TERMINATED;
/* Pushes; returns the decoded 200 response or NULL (status in client). */
SlvSyncPushResponse *slv_test_client_push       (SlvTestClient       *client,
                                                 SlvSyncPushRequest  *batch);
/* One page after client->cursor (which advances); NULL unless 200. */
SlvSyncPullPage     *slv_test_client_pull       (SlvTestClient       *client,
                                                 int                  limit);
/* Status of op @i of a response. */
SlvSyncOpStatus      slv_test_result_status     (SlvSyncPushResponse *response,
                                                 guint                i);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlvTestClient, slv_test_client_free)

G_END_DECLS
