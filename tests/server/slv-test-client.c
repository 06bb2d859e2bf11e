/* slv-test-client.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "core/slv-uuid.h"
#include "slv-test-client.h"

SlvTestClient *
slv_test_client_new (const char *url)
{
  SlvTestClient *client = g_new0 (SlvTestClient, 1);
  guint64 node = ((guint64) g_random_int () << 32) | g_random_int ();

  client->session = soup_session_new_with_options ("timeout", 60, "max-conns", 64, "max-conns-per-host", 64,
                                                   "proxy-resolver", NULL, NULL);
  client->url = g_strdup (url);
  client->client_id = slv_uuid_v7_new ();
  slv_hlc_format_node (node, client->node);
  client->clock = slv_hlc_clock_new (node, NULL, NULL);
  return client;
}

void
slv_test_client_free (SlvTestClient *client)
{
  if (client == NULL)
    return;
  g_object_unref (client->session);
  g_free (client->url);
  g_free (client->email);
  g_free (client->access_token);
  g_free (client->refresh_token);
  g_free (client->user_id);
  g_free (client->client_id);
  slv_hlc_clock_free (client->clock);
  g_free (client->cursor);
  g_clear_pointer (&client->body, g_bytes_unref);
  g_clear_pointer (&client->headers, soup_message_headers_unref);
  g_free (client);
}

guint
slv_test_client_send (SlvTestClient      *client,
                      const char         *method,
                      const char         *path,
                      const char         *content_type,
                      GBytes             *body,
                      const char         *token,
                      const char * const *headers)
{
  g_autofree char *uri = g_strconcat (client->url, path[0] == '/' ? path + 1 : path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, uri);
  g_autoptr(GError) error = NULL;
  SoupMessageHeaders *req;
  const char *bearer = token ? token : client->access_token;

  g_assert_nonnull (msg);
  req = soup_message_get_request_headers (msg);
  soup_message_headers_replace (req, "Selvedge-Schema", "1");
  if (bearer != NULL && *bearer != '\0')
    {
      g_autofree char *auth = g_strconcat ("Bearer ", bearer, NULL);

      soup_message_headers_replace (req, "Authorization", auth);
    }
  for (guint i = 0; headers != NULL && headers[i] != NULL && headers[i + 1] != NULL; i += 2)
    soup_message_headers_replace (req, headers[i], headers[i + 1]);
  if (body != NULL)
    soup_message_set_request_body_from_bytes (msg, content_type ? content_type : "application/json", body);
  g_clear_pointer (&client->body, g_bytes_unref);
  g_clear_pointer (&client->headers, soup_message_headers_unref);
  client->body = soup_session_send_and_read (client->session, msg, NULL, &error);
  g_assert_no_error (error);
  client->status = soup_message_get_status (msg);
  client->headers = soup_message_headers_ref (soup_message_get_response_headers (msg));
  return client->status;
}

const char *
slv_test_client_text (SlvTestClient *client)
{
  return client->body ? g_bytes_get_data (client->body, NULL) : "";
}

JsonNode *
slv_test_client_call (SlvTestClient *client,
                      const char    *method,
                      const char    *path,
                      const char    *json)
{
  g_autoptr(GBytes) body = json ? g_bytes_new (json, strlen (json)) : NULL;
  gsize len = 0;
  const char *data;

  slv_test_client_send (client, method, path, NULL, body, NULL, NULL);
  data = g_bytes_get_data (client->body, &len);
  return slv_json_parse (data, len, NULL);
}

char *
slv_test_client_problem (SlvTestClient *client)
{
  gsize len = 0;
  const char *data = g_bytes_get_data (client->body, &len);
  g_autoptr(SlvSyncProblem) problem = NULL;
  const char *type = soup_message_headers_get_content_type (client->headers, NULL);

  if (g_strcmp0 (type, SLV_SYNC_PROBLEM_CONTENT_TYPE) != 0)
    return NULL;
  problem = slv_sync_problem_from_json (data, len, NULL);
  g_assert_nonnull (problem);
  g_assert_cmpuint (problem->status, ==, client->status);
  return g_strdup (problem->code);
}

static void
take_tokens (SlvTestClient *client,
             JsonNode      *root)
{
  JsonObject *o = json_node_get_object (root);

  g_free (client->access_token);
  g_free (client->refresh_token);
  g_free (client->user_id);
  client->access_token = g_strdup (json_object_get_string_member (o, "access_token"));
  client->refresh_token = g_strdup (json_object_get_string_member (o, "refresh_token"));
  client->user_id = g_strdup (json_object_get_string_member (json_object_get_object_member (o, "user"), "id"));
}

void
slv_test_client_login (SlvTestClient *client,
                       const char    *email,
                       const char    *password)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) request = NULL;
  g_autoptr(JsonNode) response = NULL;
  g_autofree char *json = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "email");
  json_builder_add_string_value (b, email);
  json_builder_set_member_name (b, "password");
  json_builder_add_string_value (b, password);
  json_builder_set_member_name (b, "device");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "client_id");
  json_builder_add_string_value (b, client->client_id);
  json_builder_set_member_name (b, "name");
  json_builder_add_string_value (b, "test device");
  json_builder_end_object (b);
  json_builder_end_object (b);
  request = json_builder_get_root (b);
  json = json_to_string (request, FALSE);
  response = slv_test_client_call (client, "POST", "/v1/auth/login", json);
  if (client->status != 200)
    g_error ("login %s: %u %s", email, client->status, slv_test_client_text (client));
  take_tokens (client, response);
  g_free (client->email);
  client->email = g_strdup (email);
}

guint
slv_test_client_refresh (SlvTestClient *client)
{
  g_autofree char *json = g_strdup_printf ("{\"refresh_token\":\"%s\"}", client->refresh_token);
  g_autoptr(JsonNode) response = slv_test_client_call (client, "POST", "/v1/auth/refresh", json);

  if (client->status == 200)
    take_tokens (client, response);
  return client->status;
}

char *
slv_test_client_tick (SlvTestClient *client)
{
  SlvHlc hlc;

  slv_hlc_clock_tick (client->clock, &hlc);
  return slv_hlc_to_string (&hlc);
}

SlvSyncPushRequest *
slv_test_client_batch (SlvTestClient *client)
{
  g_autofree char *batch_id = slv_uuid_v7_new ();
  g_autofree char *clock = slv_test_client_tick (client);

  return slv_sync_push_request_new (client->client_id, client->node, batch_id, clock);
}

void
slv_test_batch_op (SlvSyncPushRequest *batch,
                   const char         *table,
                   const char         *row,
                   const char         *field,
                   const char         *value_json,
                   const char         *hlc,
                   const char         *base_hlc)
{
  g_autofree char *op_id = slv_uuid_v7_new ();
  g_autoptr(JsonNode) value = slv_json_parse (value_json, strlen (value_json), NULL);

  g_assert_nonnull (value);
  g_assert_nonnull (hlc);
  slv_sync_push_request_add_op (batch, slv_sync_op_new (op_id, table, row, field, value, hlc, base_hlc));
}

void
slv_test_batch_row (SlvSyncPushRequest *batch,
                    const char         *hlc,
                    const char         *table,
                    const char         *row,
                    ...)
{
  va_list ap;

  va_start (ap, row);
  for (const char *field = va_arg (ap, const char *); field != NULL; field = va_arg (ap, const char *))
    {
      const char *value = va_arg (ap, const char *);

      slv_test_batch_op (batch, table, row, field, value, hlc, NULL);
    }
  va_end (ap);
}

SlvSyncPushResponse *
slv_test_client_push (SlvTestClient      *client,
                      SlvSyncPushRequest *batch)
{
  g_autofree char *json = slv_sync_push_request_to_json (batch);
  g_autoptr(GBytes) body = g_bytes_new (json, strlen (json));
  g_autoptr(GError) error = NULL;
  SlvSyncPushResponse *response;
  gsize len = 0;
  const char *data;

  if (slv_test_client_send (client, "POST", "/v1/sync/push", NULL, body, NULL, NULL) != 200)
    return NULL;
  data = g_bytes_get_data (client->body, &len);
  response = slv_sync_push_response_from_json (data, len, &error);
  g_assert_no_error (error);
  return response;
}

SlvSyncPullPage *
slv_test_client_pull (SlvTestClient *client,
                      int            limit)
{
  g_autofree char *path = NULL;
  g_autofree char *escaped = client->cursor ? g_uri_escape_string (client->cursor, NULL, FALSE) : NULL;
  g_autoptr(GError) error = NULL;
  SlvSyncPullPage *page;
  gsize len = 0;
  const char *data;

  path = g_strdup_printf ("/v1/sync/pull?limit=%d%s%s", limit, escaped ? "&cursor=" : "", escaped ? escaped : "");
  if (slv_test_client_send (client, "GET", path, NULL, NULL, NULL, NULL) != 200)
    return NULL;
  data = g_bytes_get_data (client->body, &len);
  page = slv_sync_pull_page_from_json (data, len, &error);
  g_assert_no_error (error);
  g_free (client->cursor);
  client->cursor = g_strdup (page->cursor);
  return page;
}

SlvSyncOpStatus
slv_test_result_status (SlvSyncPushResponse *response,
                        guint                i)
{
  g_assert_cmpuint (i, <, response->results->len);
  return ((SlvSyncOpResult *) g_ptr_array_index (response->results, i))->status;
}
