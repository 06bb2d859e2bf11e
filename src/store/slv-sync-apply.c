/* slv-sync-apply.c: applying pull pages (SYNC-PROTOCOL.md §6).
 *
 * One transaction per page, capture off: per field, the remote value is
 * written when its stamp is newer than the field's clock; tables and
 * fields this workspace does not know (yet) go to sync_unknown; rows whose
 * fields arrive over several pages wait in sync_pending until they can be
 * inserted; lost buckets and evicted rows are removed; the clock follows
 * the page; the cursor is stored last, in the same transaction, so a kill
 * repeats the page harmlessly.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-sync-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "slv-sync-rows.h"
#include "sync/slv-sync-fault.h"
#include "sync/slv-sync-json.h"

typedef struct
{
  SlvSyncCounts *counts;
  gboolean       pending_any;   /* sync_pending may hold rows */
  GHashTable    *staged;        /* "table\nrow" of rows staged by this page */
  char          *max_hlc;
} ApplyCtx;

static void
apply_ctx_clear (ApplyCtx *ctx)
{
  g_clear_pointer (&ctx->staged, g_hash_table_unref);
  g_clear_pointer (&ctx->max_hlc, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ApplyCtx, apply_ctx_clear)

static gboolean
has_pending (SlvSyncStore *self,
             const char   *table,
             const char   *row_id)
{
  sqlite3_stmt *stmt = ss_prepare (self, "SELECT 1 FROM sync_pending WHERE tbl = ?1 AND row_id = ?2 LIMIT 1", NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, row_id, -1, SQLITE_STATIC);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

static gboolean
stage (SlvSyncStore  *self,
       ApplyCtx      *ctx,
       SsFields      *w,
       GError       **error)
{
  for (guint i = 0; i < w->n; i++)
    {
      g_autofree char *text = slv_json_node_to_text (w->values[i]);
      sqlite3_stmt *stmt = ss_prepare (self, "INSERT INTO sync_pending (tbl, row_id, field, value, hlc, bucket) "
                                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO UPDATE SET "
                                             "value = excluded.value, hlc = excluded.hlc, "
                                             "bucket = coalesce (excluded.bucket, bucket) "
                                             "WHERE excluded.hlc > sync_pending.hlc", error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, w->table->name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, w->row_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, w->fields[i]->name, -1, SQLITE_STATIC);
      ss_bind_text (stmt, 4, text);
      sqlite3_bind_text (stmt, 5, w->hlcs[i], -1, SQLITE_STATIC);
      ss_bind_text (stmt, 6, w->bucket);
      if (!ss_done (self, stmt, error))
        return FALSE;
    }
  ctx->pending_any = TRUE;
  g_hash_table_add (ctx->staged, g_strconcat (w->table->name, "\n", w->row_id, NULL));
  return TRUE;
}

static void
note_hlc (ApplyCtx   *ctx,
          const char *hlc)
{
  if (ctx->max_hlc == NULL || strcmp (hlc, ctx->max_hlc) > 0)
    {
      g_free (ctx->max_hlc);
      ctx->max_hlc = g_strdup (hlc);
    }
}

static gboolean
apply_fields (SlvSyncStore  *self,
              ApplyCtx      *ctx,
              SsFields      *w,
              gboolean       exists,
              GError       **error)
{
  gboolean inserted = FALSE;

  if (exists)
    return ss_update_row (self, w, error) &&
           ss_set_row_bucket (self, w->table->name, w->row_id, w->bucket, error);
  if (w->n == 0)
    return TRUE;
  if ((!ctx->pending_any || !has_pending (self, w->table->name, w->row_id)) && ss_fields_complete (self, w))
    {
      if (!ss_insert_row (self, w, &inserted, error))
        return FALSE;
      if (inserted)
        return TRUE;
    }
  return stage (self, ctx, w, error);
}

static gboolean
apply_change (SlvSyncStore   *self,
              ApplyCtx       *ctx,
              SlvSyncChange  *change,
              GError        **error)
{
  const SlvSyncTablePolicy *table = ss_known_table (self, change->table);
  guint n = change->fields->len;
  g_autofree const SlvSyncFieldPolicy **fields = g_new0 (const SlvSyncFieldPolicy *, n + 1);
  g_autofree JsonNode **values = g_new0 (JsonNode *, n + 1);
  g_autofree const char **hlcs = g_new0 (const char *, n + 1);
  SsFields w = { table, change->row, change->bucket, 0, fields, values, hlcs };
  gboolean exists = table != NULL && ss_row_exists (self, table->name, change->row);

  for (guint i = 0; i < n; i++)
    {
      SlvSyncFieldValue *fv = g_ptr_array_index (change->fields, i);
      const SlvSyncFieldPolicy *field = table ? ss_known_field (self, table, fv->field) : NULL;

      note_hlc (ctx, fv->hlc);
      if (field == NULL)
        {
          ctx->counts->unknown++;
          if (!ss_keep_unknown (self, change->table, change->row, fv->field, fv->value, fv->hlc, change->bucket,
                                error))
            return FALSE;
          continue;
        }
      if (exists)
        {
          g_autofree char *clock = ss_get_clock (self, table->name, change->row, field->name);

          if (clock != NULL && strcmp (fv->hlc, clock) <= 0)
            {
              ctx->counts->skipped++;
              continue;
            }
        }
      fields[w.n] = field;
      values[w.n] = fv->value;
      hlcs[w.n++] = fv->hlc;
    }
  ctx->counts->applied += w.n;
  return table == NULL || apply_fields (self, ctx, &w, exists, error);
}

/* Rows completed by this page leave sync_pending for their table. */
static gboolean
flush_row (SlvSyncStore  *self,
           const char    *table_name,
           const char    *row_id,
           GError       **error)
{
  const SlvSyncTablePolicy *table = ss_known_table (self, table_name);
  g_autoptr(GPtrArray) nodes = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();
  g_autoptr(GPtrArray) hlcs = g_ptr_array_new ();
  g_autofree char *bucket = NULL;
  sqlite3_stmt *stmt;
  SsFields w = { table, row_id, NULL, 0, NULL, NULL, NULL };
  gboolean inserted = FALSE;

  if (table == NULL || ss_row_exists (self, table_name, row_id))
    return TRUE;
  stmt = ss_prepare (self, "SELECT field, value, hlc, bucket FROM sync_pending WHERE tbl = ?1 AND row_id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, table_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, row_id, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const SlvSyncFieldPolicy *field = ss_known_field (self, table, (const char *) sqlite3_column_text (stmt, 0));
      const char *text = (const char *) sqlite3_column_text (stmt, 1);
      JsonNode *node = text ? slv_json_parse (text, strlen (text), NULL) : NULL;

      if (field == NULL || node == NULL)
        {
          g_clear_pointer (&node, json_node_unref);
          continue;
        }
      g_ptr_array_add (nodes, node);
      g_ptr_array_add (fields, (gpointer) field);
      g_ptr_array_add (strings, ss_dup_text (stmt, 2));
      g_ptr_array_add (hlcs, g_ptr_array_index (strings, strings->len - 1));
      if (bucket == NULL)
        bucket = ss_dup_text (stmt, 3);
    }
  sqlite3_reset (stmt);
  w.bucket = bucket;
  w.n = fields->len;
  w.fields = (const SlvSyncFieldPolicy **) fields->pdata;
  w.values = (JsonNode **) nodes->pdata;
  w.hlcs = (const char **) hlcs->pdata;
  if (w.n == 0 || !ss_fields_complete (self, &w))
    return TRUE;
  if (!ss_insert_row (self, &w, &inserted, error))
    return FALSE;
  if (!inserted)
    return TRUE;
  stmt = ss_prepare (self, "DELETE FROM sync_pending WHERE tbl = ?1 AND row_id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, table_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, row_id, -1, SQLITE_STATIC);
  return ss_done (self, stmt, error);
}

static gboolean
flush_pending (SlvSyncStore  *self,
               ApplyCtx      *ctx,
               GError       **error)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, ctx->staged);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_auto(GStrv) parts = g_strsplit (key, "\n", 2);

      if (!flush_row (self, parts[0], parts[1], error))
        return FALSE;
    }
  return TRUE;
}

static gint64
count_of (SlvSyncStore *self,
          const char   *sql)
{
  sqlite3_stmt *stmt = ss_prepare (self, sql, NULL);
  gint64 n = -1;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return n;
}

static gboolean
drop_buckets (SlvSyncStore  *self,
              char         **buckets,
              ApplyCtx      *ctx,
              GError       **error)
{
  for (guint i = 0; buckets != NULL && buckets[i] != NULL; i++)
    if (!ss_delete_bucket (self, buckets[i], &ctx->counts->evicted, error))
      return FALSE;
  return TRUE;
}

static gboolean
apply_body (SlvSyncStore     *self,
            SlvSyncPullPage  *page,
            ApplyCtx         *ctx,
            GError          **error)
{
  sqlite3_stmt *stmt;

  if (!drop_buckets (self, page->resync, ctx, error) || !drop_buckets (self, page->buckets_removed, ctx, error))
    return FALSE;
  ctx->pending_any = count_of (self, "SELECT count(*) FROM (SELECT 1 FROM sync_pending LIMIT 1)") != 0;
  for (guint i = 0; i < page->changes->len; i++)
    {
      if (i == page->changes->len / 2)
        slv_sync_fault_point ("apply");
      if (!apply_change (self, ctx, g_ptr_array_index (page->changes, i), error))
        return FALSE;
    }
  if (!flush_pending (self, ctx, error))
    return FALSE;
  for (guint i = 0; i < page->evict->len; i++)
    {
      SlvSyncEviction *e = g_ptr_array_index (page->evict, i);

      ctx->counts->evicted++;
      if (!ss_delete_row (self, e->table, e->row, error))
        return FALSE;
    }
  if (!ss_recv (self, ctx->max_hlc, error) || !ss_recv (self, page->server_hlc, error))
    return FALSE;
  stmt = ss_prepare (self, "UPDATE sync_state SET cursor = ?1, last_pull_ok = ?2, last_error = NULL WHERE id = 1",
                     error);
  if (stmt == NULL)
    return FALSE;
  ss_bind_text (stmt, 1, page->cursor);
  sqlite3_bind_int64 (stmt, 2, g_get_real_time () / 1000);
  return ss_done (self, stmt, error);
}

gboolean
slv_sync_store_apply_page (SlvSyncStore     *self,
                           SlvSyncPullPage  *page,
                           SlvSyncCounts    *counts,
                           gboolean         *needs_drain,
                           GError          **error)
{
  g_auto(ApplyCtx) ctx = { counts, FALSE, g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL), NULL };
  gboolean ok;

  g_return_val_if_fail (SLV_IS_SYNC_STORE (self), FALSE);
  *needs_drain = FALSE;
  g_rec_mutex_lock (&self->lock);
  ok = ss_begin (self, error);
  /* A resync deletes the bucket's rows: only with nothing left to push. */
  if (ok && page->resync != NULL && page->resync[0] != NULL &&
      count_of (self, "SELECT count(*) FROM sync_outbox") != 0)
    {
      ss_rollback (self);
      g_rec_mutex_unlock (&self->lock);
      *needs_drain = TRUE;
      return TRUE;
    }
  ok = ok && apply_body (self, page, &ctx, error);
  if (ok)
    ok = ss_commit (self, error);
  else
    ss_rollback (self);
  g_rec_mutex_unlock (&self->lock);
  return ok;
}

/* Adoption of fields kept in sync_unknown */

static gboolean
adopt_rows (SlvSyncStore  *self,
            ApplyCtx      *ctx,
            GPtrArray     *changes,
            GError       **error)
{
  for (guint i = 0; i < changes->len; i++)
    {
      SlvSyncChange *change = g_ptr_array_index (changes, i);

      if (!apply_change (self, ctx, change, error))
        return FALSE;
      for (guint j = 0; j < change->fields->len; j++)
        {
          SlvSyncFieldValue *fv = g_ptr_array_index (change->fields, j);
          sqlite3_stmt *stmt = ss_prepare (self, "DELETE FROM sync_unknown WHERE tbl = ?1 AND row_id = ?2 "
                                                 "AND field = ?3 AND hlc = ?4", error);

          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_text (stmt, 1, change->table, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 2, change->row, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 3, fv->field, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 4, fv->hlc, -1, SQLITE_STATIC);
          if (!ss_done (self, stmt, error))
            return FALSE;
        }
    }
  return flush_pending (self, ctx, error);
}

static GPtrArray *
load_adoptable (SlvSyncStore *self)
{
  GPtrArray *changes = g_ptr_array_new_with_free_func ((GDestroyNotify) slv_sync_change_free);
  sqlite3_stmt *stmt = ss_prepare (self, "SELECT tbl, row_id, field, value, hlc, bucket FROM sync_unknown "
                                         "ORDER BY tbl, row_id", NULL);
  SlvSyncChange *change = NULL;

  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *tbl = (const char *) sqlite3_column_text (stmt, 0);
      const char *row = (const char *) sqlite3_column_text (stmt, 1);
      const char *text = (const char *) sqlite3_column_text (stmt, 3);
      const SlvSyncTablePolicy *table = ss_known_table (self, tbl);
      g_autoptr(JsonNode) value = text ? slv_json_parse (text, strlen (text), NULL) : NULL;

      if (table == NULL || value == NULL || ss_known_field (self, table, (const char *) sqlite3_column_text (stmt, 2)) == NULL)
        continue;
      if (change == NULL || strcmp (change->table, tbl) != 0 || strcmp (change->row, row) != 0)
        {
          change = slv_sync_change_new (0, (const char *) sqlite3_column_text (stmt, 5), tbl, row);
          g_ptr_array_add (changes, change);
        }
      slv_sync_change_add_field (change, (const char *) sqlite3_column_text (stmt, 2), value,
                                 (const char *) sqlite3_column_text (stmt, 4));
    }
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return changes;
}

gboolean
slv_sync_store_adopt_unknown (SlvSyncStore  *self,
                              guint         *adopted,
                              GError       **error)
{
  SlvSyncCounts counts = { 0 };
  g_auto(ApplyCtx) ctx = { &counts, TRUE, g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL), NULL };
  g_autoptr(GPtrArray) changes = NULL;
  gboolean ok;

  g_return_val_if_fail (SLV_IS_SYNC_STORE (self), FALSE);
  g_rec_mutex_lock (&self->lock);
  ok = ss_begin (self, error);
  if (ok)
    {
      changes = load_adoptable (self);
      ok = adopt_rows (self, &ctx, changes, error) && ss_recv (self, ctx.max_hlc, error);
    }
  ok = ok ? ss_commit (self, error) : (ss_rollback (self), FALSE);
  g_rec_mutex_unlock (&self->lock);
  if (adopted != NULL)
    *adopted = ok ? counts.applied + counts.skipped : 0;
  return ok;
}
