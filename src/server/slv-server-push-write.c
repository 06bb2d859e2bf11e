/* slv-server-push-write.c: the SQL of a push batch. Rows and fields go to
 * PostgreSQL as one JSON parameter per statement (jsonb_to_recordset), so a
 * batch of 1,000 ops costs a handful of round trips.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-server"

#include "config.h"

#include <string.h>

#include "slv-server-migrate.h"
#include "slv-server-push.h"

/* JSON record helpers: {"k":"v","k2":raw} */
void
rec_key (GString    *out,
         const char *key)
{
  if (out->len > 0 && out->str[out->len - 1] != '{')
    g_string_append_c (out, ',');
  slv_json_append_string (out, key);
  g_string_append_c (out, ':');
}

void
rec_str (GString    *out,
         const char *key,
         const char *value)
{
  rec_key (out, key);
  slv_json_append_string (out, value);
}

void
rec_raw (GString    *out,
         const char *key,
         const char *json)
{
  rec_key (out, key);
  g_string_append (out, json ? json : "null");
}

void
rec_begin (GString *out)
{
  g_string_append (out, out->len > 1 ? ",{" : "{");
}

gboolean
run_json (PushBatch   *batch,
          const char  *sql,
          GString     *json,
          const char  *extra,
          PGresult   **result,
          GError     **error)
{
  const char *params[] = { json->str, extra };
  PGresult *res = slv_db_query_prepared (batch->req->db, sql, extra ? 2 : 1, params, error);

  if (res == NULL)
    return FALSE;
  if (result != NULL)
    *result = res;
  else
    PQclear (res);
  return TRUE;
}

static PushRow *
lookup_row (PushBatch  *batch,
            const char *table,
            const char *row_id)
{
  g_autofree char *key = g_strconcat (table, "/", row_id, NULL);

  return g_hash_table_lookup (batch->row_index, key);
}

static gboolean
lock_rows (PushBatch  *batch,
           GError    **error)
{
  g_autoptr(GString) keys = g_string_new ("[");
  g_autoptr(PGresult) res = NULL;

  for (guint i = 0; i < batch->rows->len; i++)
    {
      PushRow *row = g_ptr_array_index (batch->rows, i);

      rec_begin (keys);
      rec_str (keys, "tbl", row->table->name);
      rec_str (keys, "row_id", row->row_id);
      g_string_append_c (keys, '}');
    }
  g_string_append_c (keys, ']');
  if (!run_json (batch, "SELECT r.tbl, r.row_id::text, r.bucket, r.deleted, r.deleted_hlc, r.purged "
                 "FROM sync_row r JOIN jsonb_to_recordset ($1::jsonb) AS k (tbl text, row_id uuid) "
                 "ON r.tbl = k.tbl AND r.row_id = k.row_id ORDER BY r.tbl, r.row_id FOR UPDATE OF r",
                 keys, NULL, &res, error))
    return FALSE;
  for (int i = 0; i < PQntuples (res); i++)
    {
      PushRow *row = lookup_row (batch, slv_db_value (res, i, 0), slv_db_value (res, i, 1));

      if (row == NULL)
        continue;
      row->exists = TRUE;
      row->bucket = g_strdup (slv_db_value (res, i, 2));
      row->deleted = slv_db_bool (res, i, 3);
      row->deleted_hlc = g_strdup (slv_db_value (res, i, 4));
      row->purged = slv_db_bool (res, i, 5);
      if (!slv_sync_bucket_parse (row->bucket, &row->kind, NULL, NULL))
        row->kind = SLV_SYNC_BUCKET_BRAND;
      row->roles = slv_principal_roles_in (batch->req->principal, row->bucket);
    }
  return TRUE;
}

static void
add_needed (GString    *keys,
            GHashTable *seen,
            PushRow    *row,
            const char *field)
{
  g_autofree char *key = NULL;

  if (field == NULL || strcmp (field, "id") == 0)
    return;
  key = g_strconcat (row->table->name, "/", row->row_id, "/", field, NULL);
  if (!g_hash_table_add (seen, g_steal_pointer (&key)))
    return;
  rec_begin (keys);
  rec_str (keys, "tbl", row->table->name);
  rec_str (keys, "row_id", row->row_id);
  rec_str (keys, "field", field);
  g_string_append_c (keys, '}');
}

/* The fields a decision needs: the ops', their groups, the bucket keys and
 * the costing a line belongs to. */
static void
needed_fields (PushRow    *row,
               GString    *keys,
               GHashTable *seen)
{
  add_needed (keys, seen, row, "deleted");
  add_needed (keys, seen, row, row->table->brand_key);
  add_needed (keys, seen, row, row->table->supplier_key);
  if (strcmp (row->table->name, "costing") == 0)
    add_needed (keys, seen, row, "status");
  if (slv_sync_policy_lookup_field (row->table, "costing_id") != NULL)
    add_needed (keys, seen, row, "costing_id");
  for (guint j = 0; j < row->ops->len; j++)
    {
      PushOp *pop = g_ptr_array_index (row->ops, j);
      g_autofree const char **members = NULL;

      if (pop->field == NULL)
        continue;
      add_needed (keys, seen, row, pop->field->name);
      members = slv_sync_policy_group_members (row->table, pop->field);
      for (guint k = 0; members != NULL && members[k] != NULL; k++)
        add_needed (keys, seen, row, members[k]);
    }
}

static gboolean
load_current (PushBatch  *batch,
              GError    **error)
{
  g_autoptr(GString) keys = g_string_new ("[");
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(PGresult) res = NULL;

  for (guint i = 0; i < batch->rows->len; i++)
    {
      PushRow *row = g_ptr_array_index (batch->rows, i);

      if (row->exists)
        needed_fields (row, keys, seen);
    }
  g_string_append_c (keys, ']');
  if (keys->len == 2)
    return TRUE;
  if (!run_json (batch, "SELECT f.tbl, f.row_id::text, f.field, coalesce (f.value::text, 'null'), f.hlc, "
                 "f.user_id::text FROM sync_field f JOIN jsonb_to_recordset ($1::jsonb) AS k "
                 "(tbl text, row_id uuid, field text) ON f.tbl = k.tbl AND f.row_id = k.row_id "
                 "AND f.field = k.field", keys, NULL, &res, error))
    return FALSE;
  for (int i = 0; i < PQntuples (res); i++)
    {
      PushRow *row = lookup_row (batch, slv_db_value (res, i, 0), slv_db_value (res, i, 1));
      CurField *cur = g_new0 (CurField, 1);

      cur->value = g_strdup (slv_db_value (res, i, 3));
      cur->hlc = g_strdup (slv_db_value (res, i, 4));
      cur->user_id = g_strdup (slv_db_value (res, i, 5));
      g_hash_table_replace (row->current, g_strdup (slv_db_value (res, i, 2)), cur);
    }
  return TRUE;
}

static gboolean
load_blobs (PushBatch  *batch,
            GError    **error)
{
  g_autoptr(GString) list = g_string_new ("{");
  g_autoptr(PGresult) res = NULL;
  const char *params[1];

  for (guint i = 0; i < batch->ops->len; i++)
    {
      PushOp *pop = g_ptr_array_index (batch->ops, i);
      JsonNode *v = pop->op->value;

      if (pop->field != NULL && pop->field->type == SLV_SYNC_TYPE_BLOB_REF && JSON_NODE_HOLDS_VALUE (v) &&
          json_node_get_value_type (v) == G_TYPE_STRING && g_str_has_prefix (json_node_get_string (v), "sha256:") &&
          strspn (json_node_get_string (v) + 7, "0123456789abcdef") == 64)
        g_string_append_printf (list, "%s%s", list->len > 1 ? "," : "", json_node_get_string (v) + 7);
    }
  g_string_append_c (list, '}');
  if (list->len == 2)
    return TRUE;
  params[0] = list->str;
  res = slv_db_query (batch->req->db, "SELECT sha256 FROM blob_file WHERE sha256 = ANY ($1::text[])",
                      1, params, error);
  for (int i = 0; res != NULL && i < PQntuples (res); i++)
    g_hash_table_add (batch->blobs, g_strdup (slv_db_value (res, i, 0)));
  return res != NULL;
}

static gboolean
load_costing_status (PushBatch  *batch,
                     GError    **error)
{
  g_autoptr(GString) list = g_string_new ("{");
  g_autoptr(PGresult) res = NULL;
  const char *params[1];

  for (guint i = 0; i < batch->rows->len; i++)
    {
      PushRow *row = g_ptr_array_index (batch->rows, i);
      const char *costing = slv_sync_policy_lookup_field (row->table, "costing_id")
                            ? push_row_column (row, "costing_id") : NULL;

      if (costing != NULL && strspn (costing, "0123456789abcdef-") == 36 && strlen (costing) == 36)
        g_string_append_printf (list, "%s%s", list->len > 1 ? "," : "", costing);
    }
  g_string_append_c (list, '}');
  if (list->len == 2)
    return TRUE;
  params[0] = list->str;
  res = slv_db_query (batch->req->db, "SELECT row_id::text, value #>> '{}' FROM sync_field "
                      "WHERE tbl = 'costing' AND field = 'status' AND row_id = ANY ($1::uuid[])",
                      1, params, error);
  for (int i = 0; res != NULL && i < PQntuples (res); i++)
    g_hash_table_replace (batch->costing_status, g_strdup (slv_db_value (res, i, 0)),
                          g_strdup (slv_db_value (res, i, 1)));
  return res != NULL;
}

static const char *
bucket_kind_name (SlvSyncBucketKind kind)
{
  return kind == SLV_SYNC_BUCKET_SUPPLIER ? "supplier"
       : kind == SLV_SYNC_BUCKET_BRAND_COSTING ? "costing" : "brand";
}

void
add_bucket_record (GString    *json,
                   const char *bucket)
{
  g_autofree char *brand = NULL;
  SlvSyncBucketKind kind;

  if (!slv_sync_bucket_parse (bucket, &kind, &brand, NULL))
    return;
  rec_begin (json);
  rec_str (json, "bucket", bucket);
  rec_str (json, "brand_id", brand);
  rec_str (json, "kind", bucket_kind_name (kind));
  g_string_append_c (json, '}');
}

gboolean
register_buckets (PushBatch  *batch,
                  GString    *json,
                  GError    **error)
{
  g_string_append_c (json, ']');
  if (json->len == 2)
    return TRUE;
  return run_json (batch, "INSERT INTO sync_bucket_gc (bucket, brand_id, kind) "
                   "SELECT DISTINCT k.bucket, k.brand_id, k.kind FROM jsonb_to_recordset ($1::jsonb) "
                   "AS k (bucket text, brand_id uuid, kind text) ON CONFLICT DO NOTHING", json, NULL, NULL, error);
}

/* New rows, in (table, row) order. A row created meanwhile by another batch
 * makes this one retry, so it sees the row as existing. */
gboolean
push_insert_rows (PushBatch  *batch,
                  GPtrArray  *rows,
                  GError    **error)
{
  g_autoptr(GString) json = g_string_new ("[");
  g_autoptr(GString) buckets = g_string_new ("[");
  g_autoptr(PGresult) res = NULL;

  if (rows->len == 0)
    return TRUE;
  for (guint i = 0; i < rows->len; i++)
    {
      PushRow *row = g_ptr_array_index (rows, i);

      rec_begin (json);
      rec_str (json, "tbl", row->table->name);
      rec_str (json, "row_id", row->row_id);
      rec_str (json, "bucket", row->bucket);
      g_string_append_c (json, '}');
      add_bucket_record (buckets, row->bucket);
    }
  g_string_append_c (json, ']');
  if (!run_json (batch, "INSERT INTO sync_row (tbl, row_id, bucket) SELECT k.tbl, k.row_id, k.bucket "
                 "FROM jsonb_to_recordset ($1::jsonb) AS k (tbl text, row_id uuid, bucket text) "
                 "ORDER BY k.tbl, k.row_id ON CONFLICT DO NOTHING RETURNING tbl, row_id::text",
                 json, NULL, &res, error))
    return FALSE;
  if ((guint) PQntuples (res) != rows->len)
    {
      g_set_error_literal (error, SLV_DB_ERROR, SLV_DB_ERROR_RETRY, "A row was created concurrently.");
      return FALSE;
    }
  for (guint i = 0; i < rows->len; i++)
    ((PushRow *) g_ptr_array_index (rows, i))->created = TRUE;
  return register_buckets (batch, buckets, error);
}

gboolean
push_load (PushBatch  *batch,
           GError    **error)
{
  g_autoptr(GPtrArray) new_rows = NULL;

  if (batch->rows->len == 0)
    return TRUE;
  if (!lock_rows (batch, error) || !load_current (batch, error))
    return FALSE;
  new_rows = push_plan_new_rows (batch);
  return push_insert_rows (batch, new_rows, error) && load_blobs (batch, error) &&
         load_costing_status (batch, error);
}
