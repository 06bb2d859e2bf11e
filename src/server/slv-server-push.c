/* slv-server-push.c: POST /v1/sync/push (SYNC-PROTOCOL.md §5).
 *
 * One PostgreSQL transaction per batch: idempotency record, row locks in
 * (table, row) order, per-op decisions, then the commit sequence, the field
 * writes, conflicts, projection and the stored response.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-server"

#include "config.h"

#include <string.h>

#include "slv-server-push.h"

#define MAX_ATTEMPTS 4

static void
cur_field_free (CurField *cur)
{
  g_free (cur->value);
  g_free (cur->hlc);
  g_free (cur->user_id);
  g_free (cur);
}

static void
push_op_free (PushOp *pop)
{
  g_free (pop->value);
  g_free (pop);
}

static void
push_row_free (PushRow *row)
{
  g_free (row->row_id);
  g_free (row->bucket);
  g_free (row->new_bucket);
  g_free (row->deleted_hlc);
  g_hash_table_unref (row->current);
  g_hash_table_unref (row->columns);
  g_ptr_array_unref (row->ops);
  g_free (row);
}

static void
push_conflict_free (PushConflict *c)
{
  g_free (c->id);
  g_free (c->winner_value);
  g_free (c->winner_hlc);
  g_free (c->winner_user);
  g_free (c->loser_value);
  g_free (c->loser_hlc);
  g_free (c->loser_user);
  g_free (c);
}

static void
push_batch_free (PushBatch *batch)
{
  g_ptr_array_unref (batch->ops);
  g_ptr_array_unref (batch->rows);
  g_hash_table_unref (batch->row_index);
  g_ptr_array_unref (batch->conflicts);
  g_hash_table_unref (batch->blobs);
  g_hash_table_unref (batch->costing_status);
  slv_sync_push_response_free (batch->response);
  g_free (batch->server_hlc);
  g_free (batch->server_time);
  g_free (batch);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PushBatch, push_batch_free)

CurField *
push_row_current (PushRow    *row,
                  const char *field)
{
  return g_hash_table_lookup (row->current, field);
}

const char *
push_row_column (PushRow    *row,
                 const char *field)
{
  CurField *cur;
  char *cached;

  for (guint i = 0; i < row->ops->len; i++)
    {
      PushOp *pop = g_ptr_array_index (row->ops, i);

      if (strcmp (pop->op->field, field) == 0 && JSON_NODE_HOLDS_VALUE (pop->op->value) &&
          json_node_get_value_type (pop->op->value) == G_TYPE_STRING)
        return json_node_get_string (pop->op->value);
    }
  if ((cached = g_hash_table_lookup (row->columns, field)) != NULL)
    return cached;
  cur = push_row_current (row, field);
  if (cur != NULL && cur->value != NULL)
    {
      g_autoptr(JsonNode) node = slv_json_parse (cur->value, strlen (cur->value), NULL);

      if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        {
          cached = g_strdup (json_node_get_string (node));
          g_hash_table_insert (row->columns, g_strdup (field), cached);
          return cached;
        }
    }
  return NULL;
}

void
push_refuse (PushOp          *pop,
             SlvSyncOpStatus  status,
             const char      *code,
             const char      *detail,
             gboolean         with_current)
{
  CurField *cur = pop->row && pop->field ? push_row_current (pop->row, pop->op->field) : NULL;

  pop->decided = TRUE;
  pop->write = FALSE;
  pop->result->status = status;
  slv_sync_op_result_set_refusal (pop->result, code, detail);
  if (with_current && cur != NULL && cur->hlc != NULL)
    {
      pop->result->has_current = TRUE;
      pop->result->current_value = slv_json_parse (cur->value, strlen (cur->value), NULL);
      pop->result->current_hlc = g_strdup (cur->hlc);
    }
}

static PushRow *
row_for (PushBatch                *batch,
         const SlvSyncTablePolicy *table,
         const char               *row_id)
{
  g_autofree char *key = g_strconcat (table->name, "/", row_id, NULL);
  PushRow *row = g_hash_table_lookup (batch->row_index, key);

  if (row != NULL)
    return row;
  row = g_new0 (PushRow, 1);
  row->table = table;
  row->row_id = g_strdup (row_id);
  row->current = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) cur_field_free);
  row->columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  row->ops = g_ptr_array_new ();
  g_hash_table_insert (batch->row_index, g_steal_pointer (&key), row);
  g_ptr_array_add (batch->rows, row);
  return row;
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const PushRow *ra = *(PushRow * const *) a;
  const PushRow *rb = *(PushRow * const *) b;
  int c = strcmp (ra->table->name, rb->table->name);

  return c != 0 ? c : strcmp (ra->row_id, rb->row_id);
}

/* Results in op order; unknown tables and fields are answered at once. */
static PushBatch *
batch_new (SlvRequest         *req,
           SlvSyncPushRequest *request)
{
  PushBatch *batch = g_new0 (PushBatch, 1);

  batch->req = req;
  batch->request = request;
  batch->response = slv_sync_push_response_new (request->batch_id);
  batch->ops = g_ptr_array_new_with_free_func ((GDestroyNotify) push_op_free);
  batch->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) push_row_free);
  batch->row_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  batch->conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) push_conflict_free);
  batch->blobs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  batch->costing_status = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < request->ops->len; i++)
    {
      PushOp *pop = g_new0 (PushOp, 1);
      const SlvSyncTablePolicy *table;

      pop->op = g_ptr_array_index (request->ops, i);
      pop->result = slv_sync_op_result_new (pop->op->op_id, SLV_SYNC_OP_APPLIED);
      pop->value = slv_json_node_to_text (pop->op->value);
      g_ptr_array_add (batch->response->results, pop->result);
      g_ptr_array_add (batch->ops, pop);
      table = slv_sync_policy_lookup_table (pop->op->table);
      if (table == NULL)
        {
          push_refuse (pop, SLV_SYNC_OP_UNKNOWN_FIELD, "unknown_table", "This server does not sync that table.", FALSE);
          continue;
        }
      pop->field = slv_sync_policy_lookup_field (table, pop->op->field);
      if (pop->field == NULL)
        push_refuse (pop, SLV_SYNC_OP_UNKNOWN_FIELD, "unknown_field", "This server does not sync that field.", FALSE);
      pop->row = row_for (batch, table, pop->op->row);
      g_ptr_array_add (pop->row->ops, pop);
    }
  g_ptr_array_sort (batch->rows, compare_rows);
  return batch;
}

static gboolean
check_skew (SlvRequest         *req,
            SlvSyncPushRequest *request)
{
  gint64 now = slv_server_now_ms ();
  gint64 ahead = slv_hlc_text_wall_ms (request->clock) - now;
  g_autoptr(SlvSyncProblem) problem = NULL;
  g_autofree char *detail = NULL;

  for (guint i = 0; i < request->ops->len; i++)
    ahead = MAX (ahead, slv_hlc_text_wall_ms (((SlvSyncOp *) g_ptr_array_index (request->ops, i))->hlc) - now);
  if (ahead <= SLV_HLC_MAX_SKEW_MS)
    return TRUE;
  detail = g_strdup_printf ("Your computer clock is %" G_GINT64_FORMAT " min ahead of the server; "
                            "nothing was applied.", (ahead + 59999) / 60000);
  problem = slv_sync_problem_new (409, "clock_skew", detail);
  slv_sync_problem_set_int (problem, "ahead_ms", ahead);
  slv_request_reply_problem (req, problem);
  return FALSE;
}

/* Follows the clients' clocks, then stamps this batch's server writes. */
static void
stamp_server_clock (PushBatch *batch)
{
  SlvHlcClock *clock = batch->req->server->clock;
  SlvHlc hlc;

  for (guint i = 0; i < batch->request->ops->len; i++)
    if (slv_hlc_parse (((SlvSyncOp *) g_ptr_array_index (batch->request->ops, i))->hlc, &hlc, NULL))
      slv_hlc_clock_recv (clock, &hlc);
  slv_hlc_clock_tick (clock, &hlc);
  batch->server_hlc = slv_hlc_to_string (&hlc);
  batch->server_time = slv_server_now_iso ();
  batch->response->server_hlc = g_strdup (batch->server_hlc);
  batch->response->server_time = g_strdup (batch->server_time);
}

/* Step 2: a batch seen before answers with its stored response. */
static gboolean
claim_batch (PushBatch  *batch,
             char      **stored,
             GError    **error)
{
  SlvRequest *req = batch->req;
  const char *params[] = { batch->request->client_id, batch->request->batch_id, req->principal->user_id };
  g_autoptr(PGresult) res = NULL;

  res = slv_db_query_prepared (req->db, "INSERT INTO sync_push (client_id, batch_id, user_id) VALUES ($1, $2, $3) "
                      "ON CONFLICT DO NOTHING RETURNING 1", 3, params, error);
  if (res == NULL)
    return FALSE;
  if (PQntuples (res) == 1)
    return TRUE;
  g_clear_pointer (&res, PQclear);
  res = slv_db_query_prepared (req->db, "SELECT response, user_id = $3::uuid FROM sync_push "
                      "WHERE client_id = $1 AND batch_id = $2", 3, params, error);
  if (res == NULL)
    return FALSE;
  *stored = g_strdup (slv_db_bool (res, 0, 1) ? slv_db_value (res, 0, 0) : "");
  return TRUE;
}

static gboolean
run_batch (SlvRequest          *req,
           SlvSyncPushRequest  *request,
           char               **json,
           GError             **error)
{
  g_autoptr(PushBatch) batch = batch_new (req, request);
  g_autofree char *stored = NULL;

  if (!slv_db_run (req->db, "BEGIN", error) || !claim_batch (batch, &stored, error))
    return FALSE;
  if (stored != NULL)
    {
      *json = g_steal_pointer (&stored);
      return slv_db_run (req->db, "COMMIT", error);
    }
  stamp_server_clock (batch);
  if (!push_load (batch, error))
    return FALSE;
  push_apply_rows (batch);
  if (!push_write (batch, error) || !slv_db_run (req->db, "COMMIT", error))
    return FALSE;
  batch->response->commit_seq = batch->seq;
  *json = slv_sync_push_response_to_json (batch->response);
  return TRUE;
}

static SlvSyncPushRequest *
parse_request (SlvRequest *req)
{
  g_autoptr(GError) error = NULL;
  gsize len = 0;
  const char *data = req->body ? g_bytes_get_data (req->body, &len) : NULL;
  SlvSyncPushRequest *request = slv_sync_push_request_from_json (data, len, &error);

  if (request == NULL)
    slv_request_fail (req, g_error_matches (error, SLV_SYNC_ERROR, SLV_SYNC_ERROR_TOO_LARGE)
                      ? "payload_too_large" : "bad_request", "%s", error->message);
  return request;
}

void
slv_handle_push (SlvRequest *req)
{
  g_autoptr(SlvSyncPushRequest) request = parse_request (req);
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;

  if (request == NULL || !check_skew (req, request) ||
      !slv_device_check (req, request->client_id, request->node, NULL))
    return;
  for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++)
    {
      g_clear_error (&error);
      if (run_batch (req, request, &json, &error))
        break;
      slv_db_rollback (req->db);
      if (!g_error_matches (error, SLV_DB_ERROR, SLV_DB_ERROR_RETRY))
        break;
      g_usleep ((attempt + 1) * 2000 + g_random_int_range (0, 5000));
    }
  if (json == NULL)
    {
      slv_request_fail_internal (req, error);
      return;
    }
  if (*json == '\0')
    {
      slv_request_fail (req, "forbidden", "This batch id was already used by another user.");
      return;
    }
  slv_request_reply_json (req, 200, g_steal_pointer (&json));
}
