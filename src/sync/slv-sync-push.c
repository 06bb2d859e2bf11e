/* slv-sync-push.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-sync"

#include "config.h"

#include <string.h>

#include "core/slv-uuid.h"
#include "slv-hlc.h"
#include "slv-sync-error.h"
#include "slv-sync-json.h"
#include "slv-sync-push.h"

#define MAX_NAME_LEN 64

static const char *status_names[] = {
  [SLV_SYNC_OP_APPLIED] = "applied",
  [SLV_SYNC_OP_DUPLICATE] = "duplicate",
  [SLV_SYNC_OP_SUPERSEDED] = "superseded",
  [SLV_SYNC_OP_APPLIED_ON_DELETED] = "applied_on_deleted",
  [SLV_SYNC_OP_FORBIDDEN] = "forbidden",
  [SLV_SYNC_OP_INVALID] = "invalid",
  [SLV_SYNC_OP_UNKNOWN_FIELD] = "unknown_field",
  [SLV_SYNC_OP_BLOB_MISSING] = "blob_missing",
};

gboolean
slv_sync_check_uuid (const char  *text,
                     const char  *what,
                     const char  *name,
                     GError     **error)
{
  if (slv_uuid_is_valid (text))
    return TRUE;
  g_set_error (error, SLV_SYNC_ERROR, SLV_SYNC_ERROR_INVALID,
               "%s: “%s” must be a lower-case UUID.", what, name);
  return FALSE;
}

gboolean
slv_sync_check_hlc (const char  *text,
                    const char  *what,
                    const char  *name,
                    GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  SlvHlc hlc;

  if (slv_hlc_parse (text, &hlc, &local_error))
    return TRUE;
  g_set_error (error, SLV_SYNC_ERROR, SLV_SYNC_ERROR_INVALID,
               "%s: “%s”: %s", what, name, local_error->message);
  return FALSE;
}

static gboolean
check_name (const char  *text,
            const char  *what,
            const char  *name,
            GError     **error)
{
  gsize len = strlen (text);

  if (len > 0 && len <= MAX_NAME_LEN)
    return TRUE;
  g_set_error (error, SLV_SYNC_ERROR, SLV_SYNC_ERROR_INVALID,
               "%s: “%s” must be a name of 1 to %d bytes.", what, name, MAX_NAME_LEN);
  return FALSE;
}

const char *
slv_sync_op_status_to_string (SlvSyncOpStatus status)
{
  if ((guint) status >= G_N_ELEMENTS (status_names))
    return "invalid";
  return status_names[status];
}

gboolean
slv_sync_op_status_from_string (const char      *text,
                                SlvSyncOpStatus *status)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (status_names); i++)
    if (strcmp (text, status_names[i]) == 0)
      {
        *status = (SlvSyncOpStatus) i;
        return TRUE;
      }
  return FALSE;
}

gboolean
slv_sync_op_status_is_final_refusal (SlvSyncOpStatus status)
{
  return status == SLV_SYNC_OP_FORBIDDEN || status == SLV_SYNC_OP_INVALID ||
         status == SLV_SYNC_OP_UNKNOWN_FIELD;
}

SlvSyncOp *
slv_sync_op_new (const char *op_id,
                 const char *table,
                 const char *row,
                 const char *field,
                 JsonNode   *value,
                 const char *hlc,
                 const char *base_hlc)
{
  SlvSyncOp *op = g_new0 (SlvSyncOp, 1);

  op->op_id = g_strdup (op_id);
  op->table = g_strdup (table);
  op->row = g_strdup (row);
  op->field = g_strdup (field);
  op->value = value ? json_node_ref (value) : json_node_new (JSON_NODE_NULL);
  op->hlc = g_strdup (hlc);
  op->base_hlc = g_strdup (base_hlc);
  return op;
}

void
slv_sync_op_free (SlvSyncOp *op)
{
  if (op == NULL)
    return;
  g_free (op->op_id);
  g_free (op->table);
  g_free (op->row);
  g_free (op->field);
  g_clear_pointer (&op->value, json_node_unref);
  g_free (op->hlc);
  g_free (op->base_hlc);
  g_free (op);
}

SlvSyncPushRequest *
slv_sync_push_request_new (const char *client_id,
                           const char *node,
                           const char *batch_id,
                           const char *clock)
{
  SlvSyncPushRequest *request = g_new0 (SlvSyncPushRequest, 1);

  request->client_id = g_strdup (client_id);
  request->node = g_strdup (node);
  request->batch_id = g_strdup (batch_id);
  request->clock = g_strdup (clock);
  request->ops = g_ptr_array_new_with_free_func ((GDestroyNotify) slv_sync_op_free);
  return request;
}

void
slv_sync_push_request_free (SlvSyncPushRequest *request)
{
  if (request == NULL)
    return;
  g_free (request->client_id);
  g_free (request->node);
  g_free (request->batch_id);
  g_free (request->clock);
  g_ptr_array_unref (request->ops);
  g_free (request);
}

void
slv_sync_push_request_add_op (SlvSyncPushRequest *request,
                              SlvSyncOp          *op)
{
  g_ptr_array_add (request->ops, op);
}

static void
append_member (GString    *out,
               const char *name,
               const char *value,
               gboolean    comma)
{
  if (comma)
    g_string_append_c (out, ',');
  slv_json_append_string (out, name);
  g_string_append_c (out, ':');
  slv_json_append_string (out, value);
}

char *
slv_sync_push_request_to_json (SlvSyncPushRequest *request)
{
  GString *out = g_string_new ("{");

  append_member (out, "client_id", request->client_id, FALSE);
  append_member (out, "node", request->node, TRUE);
  append_member (out, "batch_id", request->batch_id, TRUE);
  append_member (out, "clock", request->clock, TRUE);
  g_string_append (out, ",\"ops\":[");
  for (guint i = 0; i < request->ops->len; i++)
    {
      SlvSyncOp *op = g_ptr_array_index (request->ops, i);

      g_string_append (out, i ? ",{" : "{");
      append_member (out, "op_id", op->op_id, FALSE);
      append_member (out, "table", op->table, TRUE);
      append_member (out, "row", op->row, TRUE);
      append_member (out, "field", op->field, TRUE);
      g_string_append (out, ",\"value\":");
      slv_json_append_node (out, op->value);
      append_member (out, "hlc", op->hlc, TRUE);
      append_member (out, "base_hlc", op->base_hlc, TRUE);
      g_string_append_c (out, '}');
    }
  g_string_append (out, "]}");
  return g_string_free (out, FALSE);
}

static SlvSyncOp *
op_from_object (JsonObject  *object,
                guint        index,
                GError     **error)
{
  g_autofree char *what = g_strdup_printf ("Op %u", index + 1);
  const char *op_id, *table, *row, *field, *hlc, *base_hlc;
  JsonNode *value;

  if ((op_id = slv_json_get_string (object, "op_id", what, error)) == NULL ||
      !slv_sync_check_uuid (op_id, what, "op_id", error) ||
      (table = slv_json_get_string (object, "table", what, error)) == NULL ||
      !check_name (table, what, "table", error) ||
      (row = slv_json_get_string (object, "row", what, error)) == NULL ||
      !slv_sync_check_uuid (row, what, "row", error) ||
      (field = slv_json_get_string (object, "field", what, error)) == NULL ||
      !check_name (field, what, "field", error) ||
      (hlc = slv_json_get_string (object, "hlc", what, error)) == NULL ||
      !slv_sync_check_hlc (hlc, what, "hlc", error) ||
      !slv_json_get_string_opt (object, "base_hlc", what, &base_hlc, error) ||
      (base_hlc != NULL && !slv_sync_check_hlc (base_hlc, what, "base_hlc", error)))
    return NULL;

  value = json_object_get_member (object, "value");
  if (!slv_json_node_is_scalar (value))
    {
      g_set_error (error, SLV_SYNC_ERROR, SLV_SYNC_ERROR_INVALID,
                   "%s: “value” must be a string, number, boolean or null.", what);
      return NULL;
    }
  return slv_sync_op_new (op_id, table, row, field, value, hlc, base_hlc);
}

static gboolean
read_header (JsonObject          *root,
             SlvSyncPushRequest  *request,
             GError             **error)
{
  const char *what = "Push request";
  const char *client_id, *node, *batch_id, *clock;
  guint64 node_value;

  if ((client_id = slv_json_get_string (root, "client_id", what, error)) == NULL ||
      !slv_sync_check_uuid (client_id, what, "client_id", error) ||
      (node = slv_json_get_string (root, "node", what, error)) == NULL ||
      (batch_id = slv_json_get_string (root, "batch_id", what, error)) == NULL ||
      !slv_sync_check_uuid (batch_id, what, "batch_id", error) ||
      (clock = slv_json_get_string (root, "clock", what, error)) == NULL ||
      !slv_sync_check_hlc (clock, what, "clock", error))
    return FALSE;
  if (!slv_hlc_parse_node (node, &node_value))
    {
      g_set_error_literal (error, SLV_SYNC_ERROR, SLV_SYNC_ERROR_INVALID,
                           "Push request: “node” must be 16 lower-case hex digits.");
      return FALSE;
    }
  request->client_id = g_strdup (client_id);
  request->node = g_strdup (node);
  request->batch_id = g_strdup (batch_id);
  request->clock = g_strdup (clock);
  return TRUE;
}

SlvSyncPushRequest *
slv_sync_push_request_from_json (const char  *data,
                                 gsize        length,
                                 GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(SlvSyncPushRequest) request = NULL;
  JsonObject *object;
  JsonArray *ops;
  guint n;

  if (length > SLV_SYNC_MAX_BATCH_BYTES)
    {
      g_set_error (error, SLV_SYNC_ERROR, SLV_SYNC_ERROR_TOO_LARGE,
                   "A push batch may carry at most %d bytes; split it.", SLV_SYNC_MAX_BATCH_BYTES);
      return NULL;
    }
  if ((root = slv_json_parse (data, length, error)) == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, SLV_SYNC_ERROR, SLV_SYNC_ERROR_INVALID,
                           "A push request must be a JSON object.");
      return NULL;
    }
  object = json_node_get_object (root);
  request = g_new0 (SlvSyncPushRequest, 1);
  request->ops = g_ptr_array_new_with_free_func ((GDestroyNotify) slv_sync_op_free);
  if (!read_header (object, request, error))
    return NULL;
  if ((ops = slv_json_get_array (object, "ops", "Push request", error)) == NULL)
    return NULL;
  n = json_array_get_length (ops);
  if (n > SLV_SYNC_MAX_BATCH_OPS)
    {
      g_set_error (error, SLV_SYNC_ERROR, SLV_SYNC_ERROR_TOO_LARGE,
                   "A push batch may carry at most %d ops, not %u; split it.",
                   SLV_SYNC_MAX_BATCH_OPS, n);
      return NULL;
    }
  for (guint i = 0; i < n; i++)
    {
      JsonObject *op_object = slv_json_array_get_object (ops, i, "Op", error);
      SlvSyncOp *op;

      if (op_object == NULL || (op = op_from_object (op_object, i, error)) == NULL)
        return NULL;
      g_ptr_array_add (request->ops, op);
    }
  return g_steal_pointer (&request);
}

SlvSyncOpResult *
slv_sync_op_result_new (const char      *op_id,
                        SlvSyncOpStatus  status)
{
  SlvSyncOpResult *result = g_new0 (SlvSyncOpResult, 1);

  result->op_id = g_strdup (op_id);
  result->status = status;
  return result;
}

void
slv_sync_op_result_free (SlvSyncOpResult *result)
{
  if (result == NULL)
    return;
  g_free (result->op_id);
  g_clear_pointer (&result->winner_value, json_node_unref);
  g_free (result->winner_hlc);
  g_free (result->winner_user);
  g_free (result->conflict_id);
  g_free (result->code);
  g_free (result->detail);
  g_clear_pointer (&result->current_value, json_node_unref);
  g_free (result->current_hlc);
  g_free (result);
}

void
slv_sync_op_result_set_refusal (SlvSyncOpResult *result,
                                const char      *code,
                                const char      *detail)
{
  g_free (result->code);
  g_free (result->detail);
  result->code = g_strdup (code);
  result->detail = g_strdup (detail);
}

SlvSyncPushResponse *
slv_sync_push_response_new (const char *batch_id)
{
  SlvSyncPushResponse *response = g_new0 (SlvSyncPushResponse, 1);

  response->batch_id = g_strdup (batch_id);
  response->results = g_ptr_array_new_with_free_func ((GDestroyNotify) slv_sync_op_result_free);
  return response;
}

void
slv_sync_push_response_free (SlvSyncPushResponse *response)
{
  if (response == NULL)
    return;
  g_free (response->batch_id);
  g_free (response->server_hlc);
  g_free (response->server_time);
  g_ptr_array_unref (response->results);
  g_free (response);
}

SlvSyncOpResult *
slv_sync_push_response_find (SlvSyncPushResponse *response,
                             const char          *op_id)
{
  for (guint i = 0; i < response->results->len; i++)
    {
      SlvSyncOpResult *r = g_ptr_array_index (response->results, i);

      if (g_strcmp0 (r->op_id, op_id) == 0)
        return r;
    }
  return NULL;
}

static void
append_result (GString         *out,
               SlvSyncOpResult *r)
{
  g_string_append_c (out, '{');
  append_member (out, "op_id", r->op_id, FALSE);
  append_member (out, "status", slv_sync_op_status_to_string (r->status), TRUE);
  if (r->winner_hlc != NULL)
    {
      g_string_append (out, ",\"winner\":{\"value\":");
      slv_json_append_node (out, r->winner_value);
      append_member (out, "hlc", r->winner_hlc, TRUE);
      append_member (out, "user", r->winner_user, TRUE);
      g_string_append_c (out, '}');
    }
  if (r->conflict_id != NULL)
    append_member (out, "conflict_id", r->conflict_id, TRUE);
  if (r->code != NULL)
    append_member (out, "code", r->code, TRUE);
  if (r->detail != NULL)
    append_member (out, "detail", r->detail, TRUE);
  if (r->has_current)
    {
      g_string_append (out, ",\"current\":{\"value\":");
      slv_json_append_node (out, r->current_value);
      append_member (out, "hlc", r->current_hlc, TRUE);
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, '}');
}

char *
slv_sync_push_response_to_json (SlvSyncPushResponse *response)
{
  GString *out = g_string_new ("{");

  append_member (out, "batch_id", response->batch_id, FALSE);
  g_string_append_printf (out, ",\"commit_seq\":%" G_GINT64_FORMAT, response->commit_seq);
  append_member (out, "server_hlc", response->server_hlc, TRUE);
  append_member (out, "server_time", response->server_time, TRUE);
  g_string_append (out, ",\"results\":[");
  for (guint i = 0; i < response->results->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      append_result (out, g_ptr_array_index (response->results, i));
    }
  g_string_append (out, "]}");
  return g_string_free (out, FALSE);
}

static gboolean
read_value_pair (JsonObject  *object,
                 const char  *member,
                 const char  *what,
                 JsonNode   **value,
                 char       **hlc,
                 GError     **error)
{
  JsonObject *pair = slv_json_get_object (object, member, what, error);
  const char *text;
  JsonNode *v;

  if (pair == NULL)
    return FALSE;
  v = json_object_get_member (pair, "value");
  if (!slv_json_node_is_scalar (v))
    {
      g_set_error (error, SLV_SYNC_ERROR, SLV_SYNC_ERROR_INVALID,
                   "%s: “%s.value” must be a JSON scalar.", what, member);
      return FALSE;
    }
  if ((text = slv_json_get_string (pair, "hlc", what, error)) == NULL ||
      !slv_sync_check_hlc (text, what, "hlc", error))
    return FALSE;
  *value = json_node_ref (v);
  *hlc = g_strdup (text);
  return TRUE;
}

static SlvSyncOpResult *
result_from_object (JsonObject  *object,
                    guint        index,
                    GError     **error)
{
  g_autofree char *what = g_strdup_printf ("Result %u", index + 1);
  g_autoptr(SlvSyncOpResult) r = g_new0 (SlvSyncOpResult, 1);
  const char *op_id, *status, *opt;

  if ((op_id = slv_json_get_string (object, "op_id", what, error)) == NULL ||
      (status = slv_json_get_string (object, "status", what, error)) == NULL)
    return NULL;
  r->op_id = g_strdup (op_id);
  if (!slv_sync_op_status_from_string (status, &r->status))
    {
      g_set_error (error, SLV_SYNC_ERROR, SLV_SYNC_ERROR_INVALID,
                   "%s: “%s” is not an op status.", what, status);
      return NULL;
    }
  if (json_object_has_member (object, "winner"))
    {
      JsonObject *winner;
      const char *user = NULL;

      if (!read_value_pair (object, "winner", what, &r->winner_value, &r->winner_hlc, error))
        return NULL;
      winner = json_object_get_object_member (object, "winner");
      if (!slv_json_get_string_opt (winner, "user", what, &user, error))
        return NULL;
      r->winner_user = g_strdup (user);
    }
  if (json_object_has_member (object, "current"))
    {
      if (!read_value_pair (object, "current", what, &r->current_value, &r->current_hlc, error))
        return NULL;
      r->has_current = TRUE;
    }
  if (!slv_json_get_string_opt (object, "conflict_id", what, &opt, error))
    return NULL;
  r->conflict_id = g_strdup (opt);
  if (!slv_json_get_string_opt (object, "code", what, &opt, error))
    return NULL;
  r->code = g_strdup (opt);
  if (!slv_json_get_string_opt (object, "detail", what, &opt, error))
    return NULL;
  r->detail = g_strdup (opt);
  return g_steal_pointer (&r);
}

SlvSyncPushResponse *
slv_sync_push_response_from_json (const char  *data,
                                  gsize        length,
                                  GError     **error)
{
  const char *what = "Push response";
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(SlvSyncPushResponse) response = NULL;
  JsonObject *object;
  JsonArray *results;
  const char *batch_id, *opt;

  if ((root = slv_json_parse (data, length, error)) == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, SLV_SYNC_ERROR, SLV_SYNC_ERROR_INVALID,
                           "A push response must be a JSON object.");
      return NULL;
    }
  object = json_node_get_object (root);
  if ((batch_id = slv_json_get_string (object, "batch_id", what, error)) == NULL)
    return NULL;
  response = slv_sync_push_response_new (batch_id);
  if (!slv_json_get_int (object, "commit_seq", what, &response->commit_seq, error) ||
      !slv_json_get_string_opt (object, "server_hlc", what, &opt, error) ||
      (opt != NULL && !slv_sync_check_hlc (opt, what, "server_hlc", error)))
    return NULL;
  response->server_hlc = g_strdup (opt);
  if (!slv_json_get_string_opt (object, "server_time", what, &opt, error))
    return NULL;
  response->server_time = g_strdup (opt);
  if ((results = slv_json_get_array (object, "results", what, error)) == NULL)
    return NULL;
  for (guint i = 0; i < json_array_get_length (results); i++)
    {
      JsonObject *o = slv_json_array_get_object (results, i, "Result", error);
      SlvSyncOpResult *r;

      if (o == NULL || (r = result_from_object (o, i, error)) == NULL)
        return NULL;
      g_ptr_array_add (response->results, r);
    }
  return g_steal_pointer (&response);
}
