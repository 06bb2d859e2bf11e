/* slv-server-push-commit.c: writing a decided push batch: the commit
 * sequence, fields, tombstones, moves, conflicts, blob references, the
 * projection tables, the search outbox and the stored response.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-server"

#include "config.h"

#include <string.h>

#include "slv-server-migrate.h"
#include "slv-server-push.h"

static const char *
row_bucket (PushRow *row)
{
  return row->new_bucket ? row->new_bucket : row->bucket;
}

static gboolean
has_work (PushBatch *batch)
{
  if (batch->conflicts->len > 0)
    return TRUE;
  for (guint i = 0; i < batch->rows->len; i++)
    {
      PushRow *row = g_ptr_array_index (batch->rows, i);

      if (row->created || row->deleted_changed)
        return TRUE;
    }
  for (guint i = 0; i < batch->ops->len; i++)
    if (((PushOp *) g_ptr_array_index (batch->ops, i))->write)
      return TRUE;
  return FALSE;
}

/* Last step before the writes that need it: the counter row lock is held to
 * commit, so sequence order is commit order. */
static gboolean
take_seq (PushBatch  *batch,
          GError    **error)
{
  g_autoptr(PGresult) res = slv_db_query_prepared (batch->req->db, "UPDATE sync_counter SET seq = seq + 1 "
                                          "WHERE id = 1 RETURNING seq", 0, NULL, error);
  guint delay = batch->req->server->commit_delay_ms;

  if (res == NULL)
    return FALSE;
  batch->seq = slv_db_int (res, 0, 0);
  if (delay > 0)
    g_usleep (g_random_int_range (0, (gint32) delay + 1) * 1000);
  return TRUE;
}

static void
field_record (GString    *json,
              const char *table,
              const char *row_id,
              const char *field,
              const char *value,
              const char *hlc,
              const char *user_id,
              const char *op_id,
              const char *bucket)
{
  rec_begin (json);
  rec_str (json, "tbl", table);
  rec_str (json, "row_id", row_id);
  rec_str (json, "field", field);
  rec_raw (json, "value", value);
  rec_str (json, "hlc", hlc);
  rec_str (json, "node", hlc + 30);
  rec_str (json, "user_id", user_id);
  rec_str (json, "op_id", op_id);
  rec_str (json, "bucket", bucket);
  g_string_append_c (json, '}');
}

static char *
json_string (const char *text)
{
  GString *out = g_string_new (NULL);

  slv_json_append_string (out, text);
  return g_string_free (out, FALSE);
}

/* The fields of a conflict row as (name, JSON text) pairs. */
static GPtrArray *
conflict_fields (PushBatch    *batch,
                 PushConflict *c)
{
  GPtrArray *f = g_ptr_array_new_with_free_func (g_free);

#define PAIR(name, json) G_STMT_START { g_ptr_array_add (f, g_strdup (name)); g_ptr_array_add (f, (json)); } G_STMT_END
  PAIR ("created_at", json_string (batch->server_time));
  PAIR ("deleted", g_strdup ("false"));
  PAIR ("tbl", json_string (c->row->table->name));
  PAIR ("row_id", json_string (c->row->row_id));
  PAIR ("field", json_string (c->field));
  PAIR ("kind", json_string (c->kind));
  PAIR ("winner_value", g_strdup (c->winner_value ? c->winner_value : "null"));
  PAIR ("winner_hlc", json_string (c->winner_hlc));
  PAIR ("winner_user", json_string (c->winner_user));
  PAIR ("loser_value", g_strdup (c->loser_value ? c->loser_value : "null"));
  PAIR ("loser_hlc", json_string (c->loser_hlc));
  PAIR ("loser_user", json_string (c->loser_user));
  PAIR ("created_seq", g_strdup_printf ("%" G_GINT64_FORMAT, batch->seq));
  PAIR ("status", json_string ("open"));
  PAIR ("resolved_by", g_strdup ("null"));
#undef PAIR
  return f;
}

/* Conflict rows are new rows of the synced conflict table; their ids are
 * deterministic, so a replay inserts nothing. Returns the new ones. */
static gboolean
write_conflict_rows (PushBatch   *batch,
                     GHashTable **fresh,
                     GError     **error)
{
  g_autoptr(GString) json = g_string_new ("[");
  g_autoptr(PGresult) res = NULL;

  *fresh = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (batch->conflicts->len == 0)
    return TRUE;
  for (guint i = 0; i < batch->conflicts->len; i++)
    {
      PushConflict *c = g_ptr_array_index (batch->conflicts, i);

      rec_begin (json);
      rec_str (json, "id", c->id);
      rec_str (json, "bucket", row_bucket (c->row));
      g_string_append_c (json, '}');
    }
  g_string_append_c (json, ']');
  if (!run_json (batch, "INSERT INTO sync_row (tbl, row_id, bucket) SELECT DISTINCT 'conflict', k.id, k.bucket "
                 "FROM jsonb_to_recordset ($1::jsonb) AS k (id uuid, bucket text) "
                 "ON CONFLICT DO NOTHING RETURNING row_id::text", json, NULL, &res, error))
    return FALSE;
  for (int i = 0; i < PQntuples (res); i++)
    g_hash_table_add (*fresh, g_strdup (slv_db_value (res, i, 0)));
  return TRUE;
}

static void
add_conflict_fields (PushBatch  *batch,
                     GHashTable *fresh,
                     GString    *json)
{
  for (guint i = 0; i < batch->conflicts->len; i++)
    {
      PushConflict *c = g_ptr_array_index (batch->conflicts, i);
      g_autoptr(GPtrArray) fields = NULL;

      if (!g_hash_table_remove (fresh, c->id))
        continue;
      g_hash_table_add (fresh, g_strconcat ("written:", c->id, NULL));
      fields = conflict_fields (batch, c);
      for (guint j = 0; j + 1 < fields->len; j += 2)
        field_record (json, "conflict", c->id, g_ptr_array_index (fields, j),
                      g_ptr_array_index (fields, j + 1), batch->server_hlc, NULL, NULL, row_bucket (c->row));
    }
}

static gboolean
write_fields (PushBatch  *batch,
              GHashTable *fresh,
              GError    **error)
{
  g_autoptr(GString) json = g_string_new ("[");
  g_autofree char *seq = g_strdup_printf ("%" G_GINT64_FORMAT, batch->seq);

  for (guint i = 0; i < batch->ops->len; i++)
    {
      PushOp *pop = g_ptr_array_index (batch->ops, i);

      if (pop->write)
        field_record (json, pop->row->table->name, pop->row->row_id, pop->op->field, pop->value,
                      pop->op->hlc, batch->req->principal->user_id, pop->op->op_id, row_bucket (pop->row));
    }
  add_conflict_fields (batch, fresh, json);
  g_string_append_c (json, ']');
  if (json->len == 2)
    return TRUE;
  return run_json (batch,
                   "INSERT INTO sync_field (tbl, row_id, field, value, hlc, node, user_id, op_id, bucket, seq) "
                   "SELECT k.tbl, k.row_id, k.field, k.value, k.hlc, k.node, k.user_id, k.op_id, k.bucket, $2::bigint "
                   "FROM jsonb_to_recordset ($1::jsonb) AS k (tbl text, row_id uuid, field text, value jsonb, "
                   "hlc text, node text, user_id uuid, op_id uuid, bucket text) "
                   "ON CONFLICT (tbl, row_id, field) DO UPDATE SET value = EXCLUDED.value, hlc = EXCLUDED.hlc, "
                   "node = EXCLUDED.node, user_id = EXCLUDED.user_id, op_id = EXCLUDED.op_id, "
                   "bucket = EXCLUDED.bucket, seq = EXCLUDED.seq", json, seq, NULL, error);
}

static gboolean
write_row_states (PushBatch  *batch,
                  GError    **error)
{
  g_autoptr(GString) json = g_string_new ("[");
  g_autoptr(GString) drop = g_string_new ("[");

  for (guint i = 0; i < batch->rows->len; i++)
    {
      PushRow *row = g_ptr_array_index (batch->rows, i);
      gboolean wrote = FALSE;

      for (guint j = 0; j < row->ops->len && !wrote; j++)
        wrote = ((PushOp *) g_ptr_array_index (row->ops, j))->write;
      if (row->created && !wrote)
        {
          rec_begin (drop);
          rec_str (drop, "tbl", row->table->name);
          rec_str (drop, "row_id", row->row_id);
          g_string_append_c (drop, '}');
        }
      else if (row->deleted_changed)
        {
          rec_begin (json);
          rec_str (json, "tbl", row->table->name);
          rec_str (json, "row_id", row->row_id);
          rec_raw (json, "deleted", row->deleted ? "true" : "false");
          rec_str (json, "hlc", row->deleted_hlc);
          g_string_append_c (json, '}');
        }
    }
  g_string_append_c (json, ']');
  g_string_append_c (drop, ']');
  return (json->len == 2 ||
          run_json (batch, "UPDATE sync_row r SET deleted = k.deleted, deleted_hlc = k.hlc, "
                    "deleted_at = CASE WHEN k.deleted THEN now () END "
                    "FROM jsonb_to_recordset ($1::jsonb) AS k (tbl text, row_id uuid, deleted boolean, hlc text) "
                    "WHERE r.tbl = k.tbl AND r.row_id = k.row_id", json, NULL, NULL, error)) &&
         (drop->len == 2 ||
          run_json (batch, "DELETE FROM sync_row r USING jsonb_to_recordset ($1::jsonb) AS k (tbl text, row_id uuid) "
                    "WHERE r.tbl = k.tbl AND r.row_id = k.row_id", drop, NULL, NULL, error));
}

/* A row whose bucket key changed: the new bucket receives all its fields
 * (re-stamped), the old one a removal marker. */
static gboolean
write_moves (PushBatch  *batch,
             GError    **error)
{
  g_autofree char *seq = g_strdup_printf ("%" G_GINT64_FORMAT, batch->seq);
  g_autoptr(GString) buckets = g_string_new ("[");

  for (guint i = 0; i < batch->rows->len; i++)
    {
      PushRow *row = g_ptr_array_index (batch->rows, i);
      const char *params[] = { row->table->name, row->row_id, row->new_bucket, seq };
      const char *removal[] = { row->table->name, row->row_id, row->bucket, seq };

      if (row->new_bucket == NULL || g_strcmp0 (row->new_bucket, row->bucket) == 0)
        continue;
      add_bucket_record (buckets, row->new_bucket);
      if (!slv_db_exec (batch->req->db, "UPDATE sync_row SET bucket = $3 WHERE tbl = $1 AND row_id = $2",
                        3, params, error) ||
          !slv_db_exec (batch->req->db, "UPDATE sync_field SET bucket = $3, seq = $4::bigint "
                        "WHERE tbl = $1 AND row_id = $2", 4, params, error) ||
          !slv_db_exec (batch->req->db, "INSERT INTO sync_removal (bucket, seq, tbl, row_id) "
                        "VALUES ($3, $4::bigint, $1, $2)", 4, removal, error))
        return FALSE;
    }
  return register_buckets (batch, buckets, error);
}

static gboolean
write_blob_refs (PushBatch  *batch,
                 GError    **error)
{
  g_autoptr(GString) json = g_string_new ("[");

  for (guint i = 0; i < batch->ops->len; i++)
    {
      PushOp *pop = g_ptr_array_index (batch->ops, i);
      JsonNode *v = pop->op->value;

      if (!pop->write || pop->field->type != SLV_SYNC_TYPE_BLOB_REF)
        continue;
      rec_begin (json);
      rec_str (json, "tbl", pop->row->table->name);
      rec_str (json, "row_id", pop->row->row_id);
      rec_str (json, "field", pop->op->field);
      rec_str (json, "sha256", JSON_NODE_HOLDS_VALUE (v) ? json_node_get_string (v) + 7 : NULL);
      g_string_append_c (json, '}');
    }
  g_string_append_c (json, ']');
  if (json->len == 2)
    return TRUE;
  return run_json (batch, "DELETE FROM blob_ref b USING jsonb_to_recordset ($1::jsonb) "
                   "AS k (tbl text, row_id uuid, field text, sha256 text) "
                   "WHERE b.tbl = k.tbl AND b.row_id = k.row_id AND b.field = k.field", json, NULL, NULL, error) &&
         run_json (batch, "INSERT INTO blob_ref (tbl, row_id, field, sha256) SELECT k.tbl, k.row_id, k.field, k.sha256 "
                   "FROM jsonb_to_recordset ($1::jsonb) AS k (tbl text, row_id uuid, field text, sha256 text) "
                   "WHERE k.sha256 IS NOT NULL ON CONFLICT DO NOTHING", json, NULL, NULL, error);
}

static GString *
table_json (GHashTable *tables,
            const char *name)
{
  GString *json = g_hash_table_lookup (tables, name);

  if (json == NULL)
    {
      json = g_string_new ("[");
      g_hash_table_insert (tables, (gpointer) name, json);
    }
  return json;
}

static void
project_rows (PushBatch  *batch,
              GHashTable *tables)
{
  for (guint i = 0; i < batch->rows->len; i++)
    {
      PushRow *row = g_ptr_array_index (batch->rows, i);
      GString *json = NULL;

      for (guint j = 0; j < row->ops->len; j++)
        {
          PushOp *pop = g_ptr_array_index (row->ops, j);
          CurField *cur;

          if (!pop->write || (cur = push_row_current (row, pop->op->field)) == NULL)
            continue;
          if (json == NULL)
            {
              json = table_json (tables, row->table->name);
              rec_begin (json);
              rec_str (json, "id", row->row_id);
            }
          rec_raw (json, pop->op->field, cur->value);
        }
      if (json != NULL)
        g_string_append_c (json, '}');
    }
}

static void
project_conflicts (PushBatch  *batch,
                   GHashTable *fresh,
                   GHashTable *tables)
{
  for (guint i = 0; i < batch->conflicts->len; i++)
    {
      PushConflict *c = g_ptr_array_index (batch->conflicts, i);
      g_autofree char *key = g_strconcat ("written:", c->id, NULL);
      g_autoptr(GPtrArray) fields = NULL;
      GString *json;

      if (!g_hash_table_contains (fresh, key))
        continue;
      json = table_json (tables, "conflict");
      fields = conflict_fields (batch, c);
      rec_begin (json);
      rec_str (json, "id", c->id);
      for (guint j = 0; j + 1 < fields->len; j += 2)
        rec_raw (json, g_ptr_array_index (fields, j), g_ptr_array_index (fields, j + 1));
      g_string_append_c (json, '}');
    }
}

static char *
projection_sql (const SlvSyncTablePolicy *table)
{
  GString *cols = g_string_new (NULL);
  GString *vals = g_string_new (NULL);
  char *sql;

  for (guint i = 0; i < table->n_fields; i++)
    {
      g_string_append_printf (cols, "%s\"%s\"", i ? ", " : "", table->fields[i].name);
      g_string_append_printf (vals, "%sr.\"%s\"", i ? ", " : "", table->fields[i].name);
    }
  sql = g_strdup_printf ("UPDATE \"%s\" t SET (%s) = (SELECT %s FROM jsonb_populate_record (t, p.x) r) "
                         "FROM jsonb_array_elements ($1::jsonb) p (x) WHERE t.id = (p.x->>'id')::uuid",
                         table->name, cols->str, vals->str);
  g_string_free (cols, TRUE);
  g_string_free (vals, TRUE);
  return sql;
}

static void
free_gstring (gpointer data)
{
  g_string_free (data, TRUE);
}

static gboolean
project_table (PushBatch  *batch,
               const char *name,
               GString    *json,
               GError    **error)
{
  const SlvSyncTablePolicy *table = slv_sync_policy_lookup_table (name);
  g_autofree char *insert = g_strdup_printf ("INSERT INTO \"%s\" (id) SELECT (x->>'id')::uuid "
                                             "FROM jsonb_array_elements ($1::jsonb) x ON CONFLICT DO NOTHING", name);
  g_autofree char *update = projection_sql (table);

  g_string_append_c (json, ']');
  return run_json (batch, insert, json, NULL, NULL, error) &&
         run_json (batch, update, json, NULL, NULL, error);
}

/* The projection serves SQL and search; the sync log stays the truth, so a
 * projection failure is logged and never fails the batch. */
static gboolean
write_projection (PushBatch  *batch,
                  GHashTable *fresh,
                  GError    **error)
{
  g_autoptr(GHashTable) tables = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, free_gstring);
  g_autoptr(GError) local_error = NULL;
  GHashTableIter iter;
  gpointer name, json;

  if (fresh == NULL)
    project_rows (batch, tables);
  else
    project_conflicts (batch, fresh, tables);
  if (g_hash_table_size (tables) == 0)
    return TRUE;
  if (!slv_db_run (batch->req->db, "SAVEPOINT projection", error))
    return FALSE;
  g_hash_table_iter_init (&iter, tables);
  while (g_hash_table_iter_next (&iter, &name, &json))
    if (!project_table (batch, name, json, &local_error))
      break;
  if (local_error == NULL)
    return slv_db_run (batch->req->db, "RELEASE SAVEPOINT projection", error);
  slv_log_event ("error", "projection failed", "error", local_error->message, NULL);
  return slv_db_run (batch->req->db, "ROLLBACK TO SAVEPOINT projection", error);
}

static gboolean
write_outbox (PushBatch  *batch,
              GError    **error)
{
  g_autoptr(GString) json = g_string_new ("[");
  g_autofree char *seq = g_strdup_printf ("%" G_GINT64_FORMAT, batch->seq);

  for (guint i = 0; i < batch->rows->len; i++)
    {
      PushRow *row = g_ptr_array_index (batch->rows, i);
      gboolean wrote = FALSE;

      if (!slv_server_table_searchable (row->table))
        continue;
      for (guint j = 0; j < row->ops->len && !wrote; j++)
        wrote = ((PushOp *) g_ptr_array_index (row->ops, j))->write;
      if (!wrote)
        continue;
      rec_begin (json);
      rec_str (json, "tbl", row->table->name);
      rec_str (json, "row_id", row->row_id);
      g_string_append_c (json, '}');
    }
  g_string_append_c (json, ']');
  return json->len == 2 ||
         run_json (batch, "INSERT INTO search_outbox (tbl, row_id, seq) SELECT k.tbl, k.row_id, $2::bigint "
                   "FROM jsonb_to_recordset ($1::jsonb) AS k (tbl text, row_id uuid)", json, seq, NULL, error);
}

static gboolean
store_response (PushBatch  *batch,
                GError    **error)
{
  g_autofree char *json = NULL;
  const char *params[3];
  g_autoptr(PGresult) res = NULL;

  batch->response->commit_seq = batch->seq;
  json = slv_sync_push_response_to_json (batch->response);
  params[0] = batch->request->client_id;
  params[1] = batch->request->batch_id;
  params[2] = json;
  res = slv_db_query_prepared (batch->req->db, "UPDATE sync_push SET response = $3 "
                               "WHERE client_id = $1 AND batch_id = $2", 3, params, error);
  return res != NULL;
}

/* What does not need the sequence number is written before taking it, so
 * the counter row stays locked only for the fields, conflicts and response. */
gboolean
push_write (PushBatch  *batch,
            GError    **error)
{
  g_autoptr(GHashTable) fresh = NULL;

  if (!has_work (batch))
    return store_response (batch, error);
  return write_row_states (batch, error) &&
         write_blob_refs (batch, error) &&
         write_projection (batch, NULL, error) &&
         take_seq (batch, error) &&
         write_conflict_rows (batch, &fresh, error) &&
         write_fields (batch, fresh, error) &&
         write_moves (batch, error) &&
         write_outbox (batch, error) &&
         (g_hash_table_size (fresh) == 0 || write_projection (batch, fresh, error)) &&
         store_response (batch, error);
}
