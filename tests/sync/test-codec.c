/* test-codec.c: push requests and responses, pull pages, problems.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "sync/slv-sync.h"

#define CLIENT "0190f3c2-7a4e-7b1c-9d2e-3f4a5b6c7d8e"
#define BATCH  "0190f3c2-8000-7000-8000-000000000001"
#define ROW    "0190f3c2-8000-7000-8000-0000000000aa"
#define OP1    "0190f3c2-8000-7000-8000-000000000011"
#define OP2    "0190f3c2-8000-7000-8000-000000000012"
#define HLC1   "2025-03-14T09:20:01.000Z-0000-5d41402abc4b2a76"
#define HLC2   "2025-03-14T09:21:40.120Z-0000-5d41402abc4b2a76"
#define BASE   "2025-03-10T16:02:11.310Z-0000-9a0b1c2d3e4f5a6b"

static JsonNode *
string_node (const char *s)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_string (node, s);
  return node;
}

static SlvSyncPushRequest *
sample_request (void)
{
  SlvSyncPushRequest *request = slv_sync_push_request_new (CLIENT, "5d41402abc4b2a76", BATCH, HLC2);
  g_autoptr(JsonNode) name = string_node ("Linen \"shirt\"\n\\ SS25 ü 🧵");
  g_autoptr(JsonNode) number = json_node_new (JSON_NODE_VALUE);
  g_autoptr(JsonNode) flag = json_node_new (JSON_NODE_VALUE);
  g_autoptr(JsonNode) real = json_node_new (JSON_NODE_VALUE);
  g_autoptr(JsonNode) null = json_node_new (JSON_NODE_NULL);

  json_node_set_int (number, 12);
  json_node_set_boolean (flag, TRUE);
  json_node_set_double (real, 0.1);
  slv_sync_push_request_add_op (request, slv_sync_op_new (OP1, "style", ROW, "name", name, HLC1, BASE));
  slv_sync_push_request_add_op (request, slv_sync_op_new (OP2, "style", ROW, "lead", number, HLC2, NULL));
  slv_sync_push_request_add_op (request, slv_sync_op_new (OP1, "style", ROW, "deleted", flag, HLC2, NULL));
  slv_sync_push_request_add_op (request, slv_sync_op_new (OP2, "board_item", ROW, "x", real, HLC2, NULL));
  slv_sync_push_request_add_op (request, slv_sync_op_new (OP2, "style", ROW, "theme", null, HLC2, NULL));
  return request;
}

static void
test_push_roundtrip (void)
{
  g_autoptr(SlvSyncPushRequest) request = sample_request ();
  g_autofree char *json = slv_sync_push_request_to_json (request);
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvSyncPushRequest) back = slv_sync_push_request_from_json (json, strlen (json), &error);
  g_autofree char *again = NULL;
  SlvSyncOp *op;

  g_assert_no_error (error);
  g_assert_nonnull (back);
  g_assert_cmpstr (back->client_id, ==, CLIENT);
  g_assert_cmpstr (back->node, ==, "5d41402abc4b2a76");
  g_assert_cmpstr (back->batch_id, ==, BATCH);
  g_assert_cmpstr (back->clock, ==, HLC2);
  g_assert_cmpuint (back->ops->len, ==, 5);
  op = g_ptr_array_index (back->ops, 0);
  g_assert_cmpstr (json_node_get_string (op->value), ==, "Linen \"shirt\"\n\\ SS25 ü 🧵");
  g_assert_cmpstr (op->base_hlc, ==, BASE);
  op = g_ptr_array_index (back->ops, 1);
  g_assert_cmpint (json_node_get_int (op->value), ==, 12);
  g_assert_null (op->base_hlc);
  op = g_ptr_array_index (back->ops, 2);
  g_assert_true (json_node_get_boolean (op->value));
  op = g_ptr_array_index (back->ops, 3);
  g_assert_cmpfloat (json_node_get_double (op->value), ==, 0.1);
  op = g_ptr_array_index (back->ops, 4);
  g_assert_true (JSON_NODE_HOLDS_NULL (op->value));

  again = slv_sync_push_request_to_json (back);
  g_assert_cmpstr (again, ==, json);
}

static void
expect_push_error (const char *json,
                   int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvSyncPushRequest) request = slv_sync_push_request_from_json (json, strlen (json), &error);

  g_assert_null (request);
  g_assert_error (error, SLV_SYNC_ERROR, code);
  g_assert_nonnull (error->message);
}

static char *
request_with_op (const char *op_json)
{
  return g_strdup_printf ("{\"client_id\":\"%s\",\"node\":\"5d41402abc4b2a76\",\"batch_id\":\"%s\","
                          "\"clock\":\"%s\",\"ops\":[%s]}", CLIENT, BATCH, HLC1, op_json);
}

static void
test_push_reject (void)
{
  const char *bad_ops[] = {
    "1",
    "{}",
    "{\"op_id\":\"" OP1 "\",\"table\":\"style\",\"row\":\"" ROW "\",\"field\":\"name\",\"value\":{\"a\":1},\"hlc\":\"" HLC1 "\"}",
    "{\"op_id\":\"" OP1 "\",\"table\":\"style\",\"row\":\"" ROW "\",\"field\":\"name\",\"value\":[1],\"hlc\":\"" HLC1 "\"}",
    "{\"op_id\":\"not-a-uuid\",\"table\":\"style\",\"row\":\"" ROW "\",\"field\":\"name\",\"value\":1,\"hlc\":\"" HLC1 "\"}",
    "{\"op_id\":\"" OP1 "\",\"table\":\"style\",\"row\":\"0190F3C2-8000-7000-8000-0000000000AA\",\"field\":\"name\",\"value\":1,\"hlc\":\"" HLC1 "\"}",
    "{\"op_id\":\"" OP1 "\",\"table\":\"style\",\"row\":\"" ROW "\",\"field\":\"name\",\"value\":1,\"hlc\":\"yesterday\"}",
    "{\"op_id\":\"" OP1 "\",\"table\":\"style\",\"row\":\"" ROW "\",\"field\":\"name\",\"value\":1,\"hlc\":\"" HLC1 "\",\"base_hlc\":5}",
    "{\"op_id\":\"" OP1 "\",\"table\":\"\",\"row\":\"" ROW "\",\"field\":\"name\",\"value\":1,\"hlc\":\"" HLC1 "\"}",
    "{\"op_id\":\"" OP1 "\",\"table\":7,\"row\":\"" ROW "\",\"field\":\"name\",\"value\":1,\"hlc\":\"" HLC1 "\"}",
    "{\"op_id\":\"" OP1 "\",\"table\":\"style\",\"row\":\"" ROW "\",\"field\":\"name\",\"hlc\":\"" HLC1 "\"}",
  };
  const char *bad_docs[] = {
    "", "nul", "[]", "\"text\"", "{", "{\"ops\":[]}",
    "{\"client_id\":\"" CLIENT "\",\"node\":\"XYZ\",\"batch_id\":\"" BATCH "\",\"clock\":\"" HLC1 "\",\"ops\":[]}",
    "{\"client_id\":\"" CLIENT "\",\"node\":\"5d41402abc4b2a76\",\"batch_id\":\"" BATCH "\",\"clock\":\"" HLC1 "\",\"ops\":{}}",
    "{\"client_id\":\"" CLIENT "\",\"node\":\"5d41402abc4b2a76\",\"batch_id\":\"" BATCH "\",\"clock\":\"" HLC1 "\"}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad_ops); i++)
    {
      g_autofree char *json = request_with_op (bad_ops[i]);

      expect_push_error (json, SLV_SYNC_ERROR_INVALID);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad_docs); i++)
    expect_push_error (bad_docs[i], SLV_SYNC_ERROR_INVALID);

  /* Invalid UTF-8 and embedded NUL bytes */
  {
    const char bytes[] = "{\"client_id\":\"\xff\xfe\"}";
    const char nul[] = "{\"a\":\"x\0y\"}";
    g_autoptr(GError) error = NULL;

    g_assert_null (slv_sync_push_request_from_json (bytes, sizeof bytes - 1, &error));
    g_assert_error (error, SLV_SYNC_ERROR, SLV_SYNC_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_null (slv_sync_push_request_from_json (nul, sizeof nul - 1, &error));
    g_assert_error (error, SLV_SYNC_ERROR, SLV_SYNC_ERROR_INVALID);
  }
}

static void
test_push_limits (void)
{
  GString *ops = g_string_new (NULL);
  g_autofree char *json = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvSyncPushRequest) ok = NULL;

  for (guint i = 0; i < SLV_SYNC_MAX_BATCH_OPS + 1; i++)
    g_string_append_printf (ops, "%s{\"op_id\":\"" OP1 "\",\"table\":\"style\",\"row\":\"" ROW
                            "\",\"field\":\"name\",\"value\":%u,\"hlc\":\"" HLC1 "\",\"base_hlc\":null}",
                            i ? "," : "", i);
  json = request_with_op (ops->str);
  expect_push_error (json, SLV_SYNC_ERROR_TOO_LARGE);

  /* exactly the limit is fine */
  g_string_truncate (ops, strrchr (ops->str, '{') - ops->str - 1);
  g_free (json);
  json = request_with_op (ops->str);
  ok = slv_sync_push_request_from_json (json, strlen (json), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ok->ops->len, ==, SLV_SYNC_MAX_BATCH_OPS);
  g_string_free (ops, TRUE);
}

static void
test_push_response (void)
{
  g_autoptr(SlvSyncPushResponse) response = slv_sync_push_response_new (BATCH);
  g_autoptr(SlvSyncPushResponse) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  SlvSyncOpResult *r;

  response->commit_seq = 184467;
  response->server_hlc = g_strdup ("2025-03-14T09:27:01.002Z-0000-00000000000000a1");
  response->server_time = g_strdup ("2025-03-14T09:27:01.002Z");
  r = slv_sync_op_result_new (OP1, SLV_SYNC_OP_SUPERSEDED);
  r->winner_value = string_node ("Linen shirt");
  r->winner_hlc = g_strdup (BASE);
  r->winner_user = g_strdup ("u-42");
  r->conflict_id = g_strdup ("5f0e0000-0000-5000-8000-000000000000");
  g_ptr_array_add (response->results, r);
  r = slv_sync_op_result_new (OP2, SLV_SYNC_OP_FORBIDDEN);
  slv_sync_op_result_set_refusal (r, "forbidden", "Designers cannot change rates.");
  r->has_current = TRUE;
  r->current_value = string_node ("1.85");
  r->current_hlc = g_strdup (HLC1);
  g_ptr_array_add (response->results, r);

  json = slv_sync_push_response_to_json (response);
  back = slv_sync_push_response_from_json (json, strlen (json), &error);
  g_assert_no_error (error);
  g_assert_cmpint (back->commit_seq, ==, 184467);
  g_assert_cmpstr (back->server_hlc, ==, response->server_hlc);
  g_assert_cmpuint (back->results->len, ==, 2);
  r = slv_sync_push_response_find (back, OP1);
  g_assert_cmpint (r->status, ==, SLV_SYNC_OP_SUPERSEDED);
  g_assert_cmpstr (json_node_get_string (r->winner_value), ==, "Linen shirt");
  g_assert_cmpstr (r->winner_user, ==, "u-42");
  g_assert_cmpstr (r->conflict_id, ==, "5f0e0000-0000-5000-8000-000000000000");
  r = slv_sync_push_response_find (back, OP2);
  g_assert_cmpint (r->status, ==, SLV_SYNC_OP_FORBIDDEN);
  g_assert_true (slv_sync_op_status_is_final_refusal (r->status));
  g_assert_true (r->has_current);
  g_assert_cmpstr (json_node_get_string (r->current_value), ==, "1.85");
  g_assert_cmpstr (r->code, ==, "forbidden");
  g_assert_null (slv_sync_push_response_find (back, ROW));

  {
    g_autoptr(GError) e = NULL;
    const char *bad = "{\"batch_id\":\"x\",\"commit_seq\":1,\"results\":[{\"op_id\":\"a\",\"status\":\"weird\"}]}";

    g_assert_null (slv_sync_push_response_from_json (bad, strlen (bad), &e));
    g_assert_error (e, SLV_SYNC_ERROR, SLV_SYNC_ERROR_INVALID);
  }
}

static void
test_pull_page (void)
{
  g_autoptr(SlvSyncPullPage) page = slv_sync_pull_page_new ();
  g_autoptr(SlvSyncPullPage) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) name = string_node ("Linen shirt");
  g_autoptr(JsonNode) flag = json_node_new (JSON_NODE_VALUE);
  g_autofree char *json = NULL;
  g_autofree char *again = NULL;
  SlvSyncChange *change;
  SlvSyncEviction *eviction;

  json_node_set_boolean (flag, FALSE);
  page->cursor = g_strdup ("abc.def");
  page->checkpoint = 184467;
  page->has_more = TRUE;
  page->server_hlc = g_strdup (HLC2);
  page->server_time = g_strdup ("2025-03-14T09:27:05.310Z");
  g_strfreev (page->buckets_current);
  page->buckets_current = g_strsplit ("brand:a,brand:a:costing", ",", -1);
  g_strfreev (page->resync);
  page->resync = g_strsplit ("brand:b", ",", -1);
  change = slv_sync_change_new (184401, "brand:a", "style", ROW);
  slv_sync_change_add_field (change, "name", name, HLC1);
  slv_sync_change_add_field (change, "deleted", flag, BASE);
  g_ptr_array_add (page->changes, change);
  eviction = g_new0 (SlvSyncEviction, 1);
  eviction->table = g_strdup ("quote");
  eviction->row = g_strdup (ROW);
  g_ptr_array_add (page->evict, eviction);

  json = slv_sync_pull_page_to_json (page);
  back = slv_sync_pull_page_from_json (json, strlen (json), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->cursor, ==, "abc.def");
  g_assert_cmpint (back->checkpoint, ==, 184467);
  g_assert_true (back->has_more);
  g_assert_cmpuint (g_strv_length (back->buckets_current), ==, 2);
  g_assert_cmpuint (g_strv_length (back->buckets_removed), ==, 0);
  g_assert_cmpstr (back->resync[0], ==, "brand:b");
  g_assert_cmpuint (back->changes->len, ==, 1);
  change = g_ptr_array_index (back->changes, 0);
  g_assert_cmpint (change->seq, ==, 184401);
  g_assert_cmpstr (json_node_get_string (slv_sync_change_find_field (change, "name")->value), ==, "Linen shirt");
  g_assert_cmpstr (slv_sync_change_find_field (change, "deleted")->hlc, ==, BASE);
  g_assert_false (json_node_get_boolean (slv_sync_change_find_field (change, "deleted")->value));
  g_assert_cmpuint (back->evict->len, ==, 1);
  again = slv_sync_pull_page_to_json (back);
  g_assert_cmpstr (again, ==, json);
}

static void
test_pull_reject (void)
{
  const char *bad[] = {
    "{}",
    "{\"cursor\":\"c\",\"checkpoint\":1,\"has_more\":false,\"buckets\":{},\"changes\":[{\"seq\":1,\"bucket\":\"b\",\"table\":\"t\",\"row\":\"" ROW "\",\"fields\":{\"name\":[\"x\"]}}]}",
    "{\"cursor\":\"c\",\"checkpoint\":1,\"has_more\":false,\"buckets\":{},\"changes\":[{\"seq\":1,\"bucket\":\"b\",\"table\":\"t\",\"row\":\"" ROW "\",\"fields\":{\"name\":[\"x\",\"nope\"]}}]}",
    "{\"cursor\":\"c\",\"checkpoint\":1,\"has_more\":false,\"buckets\":{},\"changes\":[{\"seq\":\"1\",\"bucket\":\"b\",\"table\":\"t\",\"row\":\"" ROW "\",\"fields\":{}}]}",
    "{\"cursor\":\"c\",\"checkpoint\":1,\"has_more\":false,\"buckets\":{\"current\":[1]},\"changes\":[]}",
    "{\"cursor\":\"c\",\"checkpoint\":1,\"has_more\":\"no\",\"buckets\":{},\"changes\":[]}",
    "{\"cursor\":\"c\",\"checkpoint\":1,\"has_more\":false,\"buckets\":{},\"changes\":[],\"evict\":[{\"table\":\"t\"}]}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_null (slv_sync_pull_page_from_json (bad[i], strlen (bad[i]), &error));
      g_assert_error (error, SLV_SYNC_ERROR, SLV_SYNC_ERROR_INVALID);
    }
}

static void
test_problem (void)
{
  g_autoptr(SlvSyncProblem) problem = slv_sync_problem_new (0, "clock_skew", "Client clock is 11 min ahead");
  g_autoptr(SlvSyncProblem) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;

  problem->server_time = g_strdup ("2025-03-14T09:27:01.002Z");
  slv_sync_problem_set_int (problem, "offset", 4096);
  json = slv_sync_problem_to_json (problem);
  g_assert_nonnull (strstr (json, "\"type\":\"https://selvedge.org/problems/clock_skew\""));
  back = slv_sync_problem_from_json (json, strlen (json), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (back->status, ==, 409);
  g_assert_cmpstr (back->code, ==, "clock_skew");
  g_assert_true (back->retryable);
  g_assert_cmpstr (back->title, ==, "Clock too far ahead");
  g_assert_cmpstr (back->detail, ==, "Client clock is 11 min ahead");
  g_assert_cmpstr (back->server_time, ==, "2025-03-14T09:27:01.002Z");
  g_assert_cmpint (json_object_get_int_member (back->extra, "offset"), ==, 4096);

  g_assert_cmpuint (slv_sync_problem_code_status ("rate_limited"), ==, 429);
  g_assert_true (slv_sync_problem_code_retryable ("unavailable"));
  g_assert_false (slv_sync_problem_code_retryable ("forbidden"));
  g_assert_cmpuint (slv_sync_problem_code_status ("something_new"), ==, 500);

  {
    const char *bad = "{\"code\":\"x\",\"status\":99,\"retryable\":true}";

    g_assert_null (slv_sync_problem_from_json (bad, strlen (bad), &error));
    g_assert_error (error, SLV_SYNC_ERROR, SLV_SYNC_ERROR_INVALID);
  }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/sync/codec/push/roundtrip", test_push_roundtrip);
  g_test_add_func ("/sync/codec/push/reject", test_push_reject);
  g_test_add_func ("/sync/codec/push/limits", test_push_limits);
  g_test_add_func ("/sync/codec/push/response", test_push_response);
  g_test_add_func ("/sync/codec/pull/page", test_pull_page);
  g_test_add_func ("/sync/codec/pull/reject", test_pull_reject);
  g_test_add_func ("/sync/codec/problem", test_problem);
  return g_test_run ();
}
