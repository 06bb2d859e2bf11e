/* slv-sync-outbox.c: batching the outbox and applying push responses
 * (SYNC-PROTOCOL.md §5, §14).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-sync-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "core/slv-uuid.h"
#include "slv-sync-store-private.h"
#include "sync/slv-sync-fault.h"
#include "sync/slv-sync-json.h"

/* Room for the envelope and per-op members within the 4 MiB limit. */
#define BATCH_BYTES_BUDGET (SLV_SYNC_MAX_BATCH_BYTES - 64 * 1024)
#define OP_OVERHEAD        240

typedef struct
{
  gint64  seq;
  char   *tx_hlc;
  char   *tbl;
  char   *row_id;
  gsize   bytes;
  gboolean row_op;   /* field "*": a new row's fields, expanded before it goes */
} Unsent;

static void
unsent_free (gpointer data)
{
  Unsent *u = data;

  g_free (u->tx_hlc);
  g_free (u->tbl);
  g_free (u->row_id);
  g_free (u);
}

static int
compare_by_row (gconstpointer a,
                gconstpointer b)
{
  const Unsent *x = *(Unsent * const *) a, *y = *(Unsent * const *) b;
  int c = strcmp (x->tbl, y->tbl);

  if (c == 0)
    c = strcmp (x->row_id, y->row_id);
  return c != 0 ? c : (x->seq < y->seq ? -1 : x->seq > y->seq);
}

/* A transaction too big for one batch splits between rows, never inside
 * one: a new row travels whole (the server wants its required fields). */
static gboolean
same_row (Unsent *a,
          Unsent *b)
{
  return strcmp (a->tbl, b->tbl) == 0 && strcmp (a->row_id, b->row_id) == 0;
}

/* A transaction's ops lie together in seq (written under one write lock;
 * an op edited again keeps its place and transaction), so a batch is
 * chosen from the first ops only: reading a whole outbox of millions of
 * ops for every batch made pushing an import quadratic. */
#define UNSENT_WINDOW (8 * SLV_SYNC_MAX_BATCH_OPS)

/* Drops what the window may have cut: the last transaction if there are
 * others, else (one transaction larger than the window) its last row. */
static void
trim_window (GPtrArray *groups)
{
  GPtrArray *last = g_ptr_array_index (groups, groups->len - 1);
  Unsent *tail;
  g_autofree char *tbl = NULL;
  g_autofree char *row_id = NULL;

  if (groups->len > 1)
    {
      g_ptr_array_set_size (groups, groups->len - 1);
      return;
    }
  /* the tail's names outlive its removal */
  tail = g_ptr_array_index (last, last->len - 1);
  tbl = g_strdup (tail->tbl);
  row_id = g_strdup (tail->row_id);
  for (guint i = last->len; i > 0 && last->len > 1; i--)
    {
      Unsent *u = g_ptr_array_index (last, i - 1);

      if (strcmp (u->tbl, tbl) == 0 && strcmp (u->row_id, row_id) == 0)
        g_ptr_array_remove_index (last, i - 1);
    }
}

/* The first unsent ops, grouped by transaction in outbox order. */
static GPtrArray *
load_unsent_groups (SlvSyncStore  *self,
                    GError       **error)
{
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);
  sqlite3_stmt *stmt = ss_prepare (self, "SELECT seq, tx_hlc, tbl, row_id, coalesce (length (value), 4), field = '*' "
                                         "FROM sync_outbox WHERE batch_id IS NULL ORDER BY seq LIMIT ?1", error);
  guint n = 0;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, UNSENT_WINDOW);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Unsent *u = g_new0 (Unsent, 1);
      GPtrArray *group;

      u->seq = sqlite3_column_int64 (stmt, 0);
      u->tx_hlc = ss_dup_text (stmt, 1);
      u->tbl = ss_dup_text (stmt, 2);
      u->row_id = ss_dup_text (stmt, 3);
      u->bytes = sqlite3_column_int64 (stmt, 4) + OP_OVERHEAD + strlen (u->tbl) + strlen (u->row_id);
      u->row_op = sqlite3_column_int (stmt, 5) != 0;
      group = g_hash_table_lookup (index, u->tx_hlc);
      if (group == NULL)
        {
          group = g_ptr_array_new_with_free_func (unsent_free);
          g_hash_table_insert (index, u->tx_hlc, group);
          g_ptr_array_add (groups, group);
        }
      g_ptr_array_add (group, u);
      n++;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      ss_set_error (self, error, _("Could not read the outbox"));
      return NULL;
    }
  if (n == UNSENT_WINDOW)
    trim_window (groups);
  return g_steal_pointer (&groups);
}

static gsize
group_bytes (GPtrArray *group)
{
  gsize n = 0;

  for (guint i = 0; i < group->len; i++)
    n += ((Unsent *) g_ptr_array_index (group, i))->bytes;
  return n;
}


/* Takes @u into the batch; a row op also into @row_ops, to be expanded. */
static void
take_op (Unsent *u,
         GArray *seqs,
         GArray *row_ops)
{
  g_array_append_val (seqs, u->seq);
  if (u->row_op)
    g_array_append_val (row_ops, u->seq);
}

static void
take_partial (GPtrArray *group,
              GArray    *seqs,
              GArray    *row_ops)
{
  guint n = 0;
  gsize bytes = 0;

  g_ptr_array_sort (group, compare_by_row);
  for (guint i = 0; i < group->len;)
    {
      Unsent *first = g_ptr_array_index (group, i);
      guint j = i;
      gsize row_bytes = 0;

      while (j < group->len && same_row (first, g_ptr_array_index (group, j)))
        row_bytes += ((Unsent *) g_ptr_array_index (group, j++))->bytes;
      if (n > 0 && (n + (j - i) > SLV_SYNC_MAX_BATCH_OPS || bytes + row_bytes > BATCH_BYTES_BUDGET))
        break;
      for (guint k = i; k < j; k++)
        take_op (g_ptr_array_index (group, k), seqs, row_ops);
      n += j - i;
      bytes += row_bytes;
      i = j;
    }
}

/* The seqs of the next batch; the row ops among them in @row_ops. */
static GArray *
choose_ops (GPtrArray *groups,
            GArray    *row_ops)
{
  GArray *seqs = g_array_new (FALSE, FALSE, sizeof (gint64));
  gsize bytes = 0;

  for (guint g = 0; g < groups->len; g++)
    {
      GPtrArray *group = g_ptr_array_index (groups, g);
      gsize gb = group_bytes (group);

      if (seqs->len + group->len > SLV_SYNC_MAX_BATCH_OPS || bytes + gb > BATCH_BYTES_BUDGET)
        {
          if (seqs->len == 0)
            take_partial (group, seqs, row_ops);
          break;
        }
      for (guint i = 0; i < group->len; i++)
        take_op (g_ptr_array_index (group, i), seqs, row_ops);
      bytes += gb;
    }
  return seqs;
}

static gboolean
assign_batch (SlvSyncStore  *self,
              char         **batch_id,
              GError       **error)
{
  g_autoptr(GArray) seqs = NULL;
  g_autoptr(GArray) row_ops = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *id = NULL;
  sqlite3_stmt *stmt;

  /* row ops chosen are expanded into field ops, then the batch chosen
   * again: it takes fewer rows once their fields count one by one */
  do
    {
      g_autoptr(GPtrArray) groups = load_unsent_groups (self, error);

      if (groups == NULL)
        return FALSE;
      g_clear_pointer (&seqs, g_array_unref);
      g_array_set_size (row_ops, 0);
      seqs = choose_ops (groups, row_ops);
      if (row_ops->len > 0 && !ss_expand_row_ops (self, row_ops, error))
        return FALSE;
    }
  while (row_ops->len > 0);
  if (seqs->len == 0)
    return TRUE;
  id = slv_uuid_v7_new ();
  stmt = ss_prepare (self, "INSERT INTO sync_batch (batch_id, created_at) VALUES (?1, ?2)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, g_get_real_time () / 1000);
  if (!ss_done (self, stmt, error))
    return FALSE;
  for (guint i = 0; i < seqs->len; i++)
    {
      stmt = ss_prepare (self, "UPDATE sync_outbox SET batch_id = ?1 WHERE seq = ?2", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, g_array_index (seqs, gint64, i));
      if (!ss_done (self, stmt, error))
        return FALSE;
    }
  *batch_id = g_steal_pointer (&id);
  return TRUE;
}

static char *
oldest_batch (SlvSyncStore  *self,
              GError       **error)
{
  sqlite3_stmt *stmt = ss_prepare (self, "SELECT batch_id FROM sync_batch ORDER BY created_at, batch_id LIMIT 1",
                                   error);
  char *id = NULL;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    id = ss_dup_text (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return id;
}

static SlvSyncPushRequest *
load_batch (SlvSyncStore  *self,
            const char    *batch_id,
            GError       **error)
{
  g_autoptr(SlvSyncState) state = slv_sync_store_load_state (self, error);
  g_autoptr(SlvSyncPushRequest) request = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (state == NULL)
    return NULL;
  request = slv_sync_push_request_new (state->client_id, state->node, batch_id, state->hlc);
  stmt = ss_prepare (self, "SELECT op_id, tbl, row_id, field, value, hlc, base_hlc FROM sync_outbox "
                           "WHERE batch_id = ?1 ORDER BY seq", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, batch_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, 4);
      g_autoptr(JsonNode) value = text ? slv_json_parse (text, strlen (text), NULL) : NULL;

      if (value == NULL)
        value = json_node_new (JSON_NODE_NULL);
      slv_sync_push_request_add_op (request,
                                    slv_sync_op_new ((const char *) sqlite3_column_text (stmt, 0),
                                                     (const char *) sqlite3_column_text (stmt, 1),
                                                     (const char *) sqlite3_column_text (stmt, 2),
                                                     (const char *) sqlite3_column_text (stmt, 3), value,
                                                     (const char *) sqlite3_column_text (stmt, 5),
                                                     (const char *) sqlite3_column_text (stmt, 6)));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      ss_set_error (self, error, _("Could not read the outbox"));
      return NULL;
    }
  return g_steal_pointer (&request);
}

gint64
slv_sync_store_count_outbox (SlvSyncStore *self)
{
  sqlite3_stmt *stmt;
  gint64 n = 0;

  g_return_val_if_fail (SLV_IS_SYNC_STORE (self), 0);
  g_rec_mutex_lock (&self->lock);
  stmt = ss_prepare (self, "SELECT count(*) FROM sync_outbox", NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  g_rec_mutex_unlock (&self->lock);
  return n;
}

SlvSyncPushRequest *
slv_sync_store_next_batch (SlvSyncStore  *self,
                           GError       **error)
{
  g_autofree char *batch_id = NULL;
  SlvSyncPushRequest *request = NULL;
  gboolean fresh = FALSE;

  g_return_val_if_fail (SLV_IS_SYNC_STORE (self), NULL);
  g_rec_mutex_lock (&self->lock);
  if (!ss_begin (self, error))
    goto out;
  batch_id = oldest_batch (self, error);
  if (batch_id == NULL && (error == NULL || *error == NULL))
    {
      if (!assign_batch (self, &batch_id, error))
        {
          ss_rollback (self);
          goto out;
        }
      fresh = batch_id != NULL;
    }
  if (!ss_commit (self, error))
    goto out;
  if (fresh)
    slv_sync_fault_point ("batch");
  if (batch_id != NULL)
    request = load_batch (self, batch_id, error);
out:
  g_rec_mutex_unlock (&self->lock);
  return request;
}

gboolean
slv_sync_store_batch_failed (SlvSyncStore  *self,
                             const char    *batch_id,
                             const char    *message,
                             gint64         next_attempt_ms,
                             GError       **error)
{
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;

  g_return_val_if_fail (SLV_IS_SYNC_STORE (self), FALSE);
  g_rec_mutex_lock (&self->lock);
  stmt = ss_prepare (self, "UPDATE sync_batch SET attempts = attempts + 1, next_attempt_at = ?2, "
                           "last_error = ?3 WHERE batch_id = ?1", error);
  if (stmt != NULL)
    {
      ss_bind_text (stmt, 1, batch_id);
      sqlite3_bind_int64 (stmt, 2, next_attempt_ms);
      ss_bind_text (stmt, 3, message);
      ok = ss_done (self, stmt, error);
    }
  g_rec_mutex_unlock (&self->lock);
  return ok;
}

/* Ops of a batch return to the queue; a newer unsent edit of the same
 * field replaces its batched predecessor, taking over its base. */
static gboolean
requeue_op (SlvSyncStore  *self,
            SlvSyncOp     *op,
            GError       **error)
{
  sqlite3_stmt *stmt = ss_prepare (self,
                                   "UPDATE sync_outbox SET base_hlc = (SELECT base_hlc FROM sync_outbox WHERE op_id = ?4) "
                                   "WHERE batch_id IS NULL AND tbl = ?1 AND row_id = ?2 AND field = ?3", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, op->table, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, op->row, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, op->field, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, op->op_id, -1, SQLITE_TRANSIENT);
  if (!ss_done (self, stmt, error))
    return FALSE;
  stmt = ss_prepare (self, sqlite3_changes (self->db) > 0
                           ? "DELETE FROM sync_outbox WHERE op_id = ?1"
                           : "UPDATE sync_outbox SET batch_id = NULL WHERE op_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, op->op_id, -1, SQLITE_TRANSIENT);
  return ss_done (self, stmt, error);
}

static gboolean
delete_op (SlvSyncStore  *self,
           const char    *op_id,
           GError       **error)
{
  sqlite3_stmt *stmt = ss_prepare (self, "DELETE FROM sync_outbox WHERE op_id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, op_id, -1, SQLITE_TRANSIENT);
  return ss_done (self, stmt, error);
}

static gboolean
reject_op (SlvSyncStore  *self,
           SlvSyncOp     *op,
           const char    *status,
           const char    *code,
           const char    *detail,
           GError       **error)
{
  g_autofree char *value = slv_json_node_to_text (op->value);
  sqlite3_stmt *stmt = ss_prepare (self, "INSERT OR REPLACE INTO sync_rejection (op_id, tbl, row_id, field, value, "
                                         "hlc, status, code, detail, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                                   error);

  if (stmt == NULL)
    return FALSE;
  ss_bind_text (stmt, 1, op->op_id);
  ss_bind_text (stmt, 2, op->table);
  ss_bind_text (stmt, 3, op->row);
  ss_bind_text (stmt, 4, op->field);
  ss_bind_text (stmt, 5, value);
  ss_bind_text (stmt, 6, op->hlc);
  ss_bind_text (stmt, 7, status);
  ss_bind_text (stmt, 8, code);
  ss_bind_text (stmt, 9, detail);
  sqlite3_bind_int64 (stmt, 10, g_get_real_time () / 1000);
  return ss_done (self, stmt, error) && delete_op (self, op->op_id, error);
}

/* The server's value of a field, written when it is newer than the local
 * one — or, for a refusal, when the refused op is what the field holds. */
static gboolean
correct_field (SlvSyncStore     *self,
               SlvSyncOp        *op,
               JsonNode         *value,
               const char       *hlc,
               gboolean          revert,
               SlvSyncCounts    *counts,
               GError          **error)
{
  const SlvSyncTablePolicy *table = ss_known_table (self, op->table);
  const SlvSyncFieldPolicy *field = table ? ss_known_field (self, table, op->field) : NULL;
  gboolean written = FALSE;

  if (field == NULL || value == NULL || hlc == NULL || !slv_hlc_is_valid (hlc))
    return TRUE;
  if (revert)
    {
      sqlite3_stmt *stmt = ss_prepare (self, "SELECT 1 FROM sync_clock WHERE tbl = ?1 AND row_id = ?2 "
                                             "AND field IN (?3, '*') GROUP BY tbl HAVING max (hlc) = ?4", error);
      gboolean ours;

      if (stmt == NULL)
        return FALSE;
      ss_bind_text (stmt, 1, op->table);
      ss_bind_text (stmt, 2, op->row);
      ss_bind_text (stmt, 3, op->field);
      ss_bind_text (stmt, 4, op->hlc);
      ours = sqlite3_step (stmt) == SQLITE_ROW;
      sqlite3_reset (stmt);
      if (!ours)
        return TRUE;
    }
  if (!ss_write_field (self, table, field, op->row, value, hlc, revert, &written, error))
    return FALSE;
  counts->corrected += written;
  return TRUE;
}

static gboolean
apply_result (SlvSyncStore     *self,
              SlvSyncOp        *op,
              SlvSyncOpResult  *result,
              SlvSyncCounts    *counts,
              GError          **error)
{
  if (result == NULL)
    return requeue_op (self, op, error);
  switch (result->status)
    {
    case SLV_SYNC_OP_APPLIED:
    case SLV_SYNC_OP_DUPLICATE:
    case SLV_SYNC_OP_APPLIED_ON_DELETED:
      counts->acked++;
      return delete_op (self, op->op_id, error);
    case SLV_SYNC_OP_SUPERSEDED:
      counts->acked++;
      return correct_field (self, op, result->winner_value, result->winner_hlc, FALSE, counts, error) &&
             delete_op (self, op->op_id, error);
    case SLV_SYNC_OP_FORBIDDEN:
    case SLV_SYNC_OP_INVALID:
    case SLV_SYNC_OP_UNKNOWN_FIELD:
      counts->refused++;
      return (!result->has_current ||
              correct_field (self, op, result->current_value, result->current_hlc, TRUE, counts, error)) &&
             reject_op (self, op, slv_sync_op_status_to_string (result->status), result->code, result->detail, error);
    case SLV_SYNC_OP_BLOB_MISSING:
    default:
      counts->retry++;
      return requeue_op (self, op, error);
    }
}

gboolean
slv_sync_store_apply_push (SlvSyncStore         *self,
                           SlvSyncPushRequest   *request,
                           SlvSyncPushResponse  *response,
                           SlvSyncCounts        *counts,
                           GError              **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (SLV_IS_SYNC_STORE (self), FALSE);
  g_rec_mutex_lock (&self->lock);
  ok = ss_begin (self, error);
  for (guint i = 0; ok && i < request->ops->len; i++)
    {
      SlvSyncOp *op = g_ptr_array_index (request->ops, i);

      ok = apply_result (self, op, slv_sync_push_response_find (response, op->op_id), counts, error);
    }
  stmt = ok ? ss_prepare (self, "DELETE FROM sync_batch WHERE batch_id = ?1 "
                                "AND NOT EXISTS (SELECT 1 FROM sync_outbox WHERE batch_id = ?1)", error) : NULL;
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, request->batch_id, -1, SQLITE_TRANSIENT);
      ok = ss_done (self, stmt, error);
    }
  else
    ok = FALSE;
  ok = ok && ss_recv (self, response->server_hlc, error);
  stmt = ok ? ss_prepare (self, "UPDATE sync_state SET last_push_ok = ?1, last_error = NULL WHERE id = 1", error) : NULL;
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, g_get_real_time () / 1000);
      ok = ss_done (self, stmt, error);
    }
  else
    ok = FALSE;
  ok = ok ? ss_commit (self, error) : (ss_rollback (self), FALSE);
  g_rec_mutex_unlock (&self->lock);
  return ok;
}

gboolean
slv_sync_store_reject_batch (SlvSyncStore  *self,
                             const char    *batch_id,
                             const char    *code,
                             const char    *detail,
                             GError       **error)
{
  g_autoptr(SlvSyncPushRequest) request = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (SLV_IS_SYNC_STORE (self), FALSE);
  g_rec_mutex_lock (&self->lock);
  ok = ss_begin (self, error) && (request = load_batch (self, batch_id, error)) != NULL;
  for (guint i = 0; ok && i < request->ops->len; i++)
    ok = reject_op (self, g_ptr_array_index (request->ops, i), "invalid", code, detail, error);
  stmt = ok ? ss_prepare (self, "DELETE FROM sync_batch WHERE batch_id = ?1", error) : NULL;
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, batch_id, -1, SQLITE_TRANSIENT);
      ok = ss_done (self, stmt, error);
    }
  ok = ok && stmt != NULL ? ss_commit (self, error) : (ss_rollback (self), FALSE);
  g_rec_mutex_unlock (&self->lock);
  return ok;
}

/* Re-stamping after clock_skew */

static gboolean
dissolve_batches (SlvSyncStore  *self,
                  GError       **error)
{
  return ss_exec (self,
                  "UPDATE sync_outbox AS u SET base_hlc = b.base_hlc FROM sync_outbox b "
                  "WHERE u.batch_id IS NULL AND b.batch_id IS NOT NULL AND b.tbl = u.tbl "
                  "AND b.row_id = u.row_id AND b.field = u.field; "
                  "DELETE FROM sync_outbox AS b WHERE b.batch_id IS NOT NULL AND EXISTS (SELECT 1 FROM sync_outbox u "
                  "WHERE u.batch_id IS NULL AND u.tbl = b.tbl AND u.row_id = b.row_id AND u.field = b.field); "
                  "UPDATE sync_outbox SET batch_id = NULL WHERE batch_id IS NOT NULL; "
                  "DELETE FROM sync_batch;", error);
}

static gboolean
restamp_group (SlvSyncStore  *self,
               const char    *old,
               GError       **error)
{
  g_autofree char *fresh = NULL;
  sqlite3_stmt *stmt = ss_prepare (self, "UPDATE sync_state SET hlc = slv_sync_fresh_tick (hlc, node, clock_offset_ms) "
                                         "WHERE id = 1 RETURNING hlc", error);

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    fresh = ss_dup_text (stmt, 0);
  sqlite3_reset (stmt);
  if (fresh == NULL)
    {
      ss_set_error (self, error, _("Could not stamp the outbox again"));
      return FALSE;
    }
  /* the field's clock, or the row's for a row op or its expanded ops */
  for (guint i = 0; i < 2; i++)
    {
      stmt = ss_prepare (self, i == 0 ? "UPDATE sync_clock SET hlc = ?2 FROM sync_outbox o WHERE o.tx_hlc = ?1 "
                                        "AND sync_clock.tbl = o.tbl AND sync_clock.row_id = o.row_id "
                                        "AND sync_clock.field = o.field AND sync_clock.hlc = o.hlc"
                                      : "UPDATE sync_clock SET hlc = ?2 FROM sync_outbox o WHERE o.tx_hlc = ?1 "
                                        "AND sync_clock.tbl = o.tbl AND sync_clock.row_id = o.row_id "
                                        "AND sync_clock.field = '*' AND sync_clock.hlc = o.hlc", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, old, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, fresh, -1, SQLITE_TRANSIENT);
      if (!ss_done (self, stmt, error))
        return FALSE;
    }
  stmt = ss_prepare (self, "UPDATE sync_outbox SET hlc = ?2, tx_hlc = ?2 WHERE tx_hlc = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, old, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, fresh, -1, SQLITE_TRANSIENT);
  return ss_done (self, stmt, error);
}

static gboolean
restamp_all (SlvSyncStore  *self,
             const char    *bound,
             GError       **error)
{
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = ss_prepare (self, "SELECT tx_hlc FROM sync_outbox GROUP BY tx_hlc "
                                         "HAVING max (hlc) > ?1 ORDER BY min (seq)", error);
  gboolean ok = TRUE;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, bound, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (groups, ss_dup_text (stmt, 0));
  sqlite3_reset (stmt);
  for (guint i = 0; ok && i < groups->len; i++)
    ok = restamp_group (self, g_ptr_array_index (groups, i), error);
  return ok;
}

gboolean
slv_sync_store_restamp (SlvSyncStore  *self,
                        gint64         server_time_ms,
                        GError       **error)
{
  SlvHlc server = { server_time_ms, 0, 0 };
  char bound[SLV_HLC_TEXT_LEN + 1];
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (SLV_IS_SYNC_STORE (self), FALSE);
  slv_hlc_format (&server, bound);
  g_rec_mutex_lock (&self->lock);
  ok = ss_begin (self, error);
  /* A new node whose clock starts at the server's time, and a wall clock
   * corrected by the offset the server showed. */
  stmt = ok ? ss_prepare (self, "UPDATE sync_state SET node = n, hlc = '1970-01-01T00:00:00.000Z-0000-' || n, "
                                "clock_offset_ms = ?1 FROM (SELECT lower (hex (randomblob (8))) AS n) WHERE id = 1",
                          error) : NULL;
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, server_time_ms - slv_capture_wall_ms (self->capture, 0));
      ok = ss_done (self, stmt, error);
    }
  else
    ok = FALSE;
  ok = ok && ss_recv (self, bound, error) && dissolve_batches (self, error) && restamp_all (self, bound, error);
  ok = ok ? ss_commit (self, error) : (ss_rollback (self), FALSE);
  g_rec_mutex_unlock (&self->lock);
  return ok;
}
