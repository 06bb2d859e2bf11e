/* slv-sync-row-ops.c: expanding row ops before a push.
 *
 * Bulk writes capture a new row as one outbox op (field "*") whose value
 * is a JSON object of all its fields, at the end of a gap in seq left for
 * them (slv-capture.c). Before a batch is chosen, the row ops it would
 * take are expanded into field ops in that gap, so batches, per-op
 * results, rejections and retries work on field ops as always, and the
 * ops keep the order they would have had if captured one by one. Values
 * are copied as JSON text (`->`), numbers digit for digit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-sync-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/slv-uuid.h"
#include "slv-sync-store-private.h"

typedef struct
{
  gint64  seq;
  char   *tx_hlc;
  char   *tbl;
  char   *row_id;
  char   *value;
  char   *hlc;
} RowOp;

static void
row_op_free (gpointer data)
{
  RowOp *r = data;

  g_free (r->tx_hlc);
  g_free (r->tbl);
  g_free (r->row_id);
  g_free (r->value);
  g_free (r->hlc);
  g_free (r);
}

static GPtrArray *
load_row_ops (SlvSyncStore  *self,
              GArray        *seqs,
              GError       **error)
{
  g_autoptr(GPtrArray) ops = g_ptr_array_new_with_free_func (row_op_free);

  for (guint i = 0; i < seqs->len; i++)
    {
      sqlite3_stmt *stmt = ss_prepare (self, "SELECT tx_hlc, tbl, row_id, value, hlc FROM sync_outbox "
                                             "WHERE seq = ?1 AND field = '*' AND batch_id IS NULL", error);
      RowOp *r;

      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, g_array_index (seqs, gint64, i));
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          r = g_new0 (RowOp, 1);
          r->seq = g_array_index (seqs, gint64, i);
          r->tx_hlc = ss_dup_text (stmt, 0);
          r->tbl = ss_dup_text (stmt, 1);
          r->row_id = ss_dup_text (stmt, 2);
          r->value = ss_dup_text (stmt, 3);
          r->hlc = ss_dup_text (stmt, 4);
          g_ptr_array_add (ops, r);
        }
      sqlite3_reset (stmt);
    }
  return g_steal_pointer (&ops);
}

/* The fields of a row op, name then JSON text, in capture order. */
static GPtrArray *
row_fields (SlvSyncStore  *self,
            const char    *object,
            GError       **error)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = ss_prepare (self, "SELECT key, ?1 -> key FROM json_each (?1)", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, object, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (fields, ss_dup_text (stmt, 0));
      g_ptr_array_add (fields, ss_dup_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      ss_set_error (self, error, _("Could not read a new row waiting to be sent"));
      return NULL;
    }
  return g_steal_pointer (&fields);
}

/* Whether seqs (@from, @to) are free: the gap the capture left. */
static gboolean
gap_is_free (SlvSyncStore *self,
             gint64        from,
             gint64        to)
{
  sqlite3_stmt *stmt = ss_prepare (self, "SELECT count(*) FROM sync_outbox WHERE seq > ?1 AND seq < ?2", NULL);
  gboolean free_gap;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, to);
  free_gap = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int64 (stmt, 0) == 0;
  sqlite3_reset (stmt);
  return free_gap;
}

static gboolean
expand_one (SlvSyncStore  *self,
            RowOp         *r,
            GError       **error)
{
  g_autoptr(GPtrArray) fields = row_fields (self, r->value, error);
  sqlite3_stmt *stmt;
  gint64 n, first;
  gboolean in_place;

  if (fields == NULL)
    return FALSE;
  n = fields->len / 2;
  first = r->seq - n + 1;
  in_place = n > 0 && gap_is_free (self, first - 1, r->seq);
  if ((stmt = ss_prepare (self, "DELETE FROM sync_outbox WHERE seq = ?1", error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, r->seq);
  if (!ss_done (self, stmt, error))
    return FALSE;
  for (gint64 i = 0; i < n; i++)
    {
      g_autofree char *op_id = slv_uuid_v7_new ();

      /* an unsent op of the field is a later edit of it: it stays */
      stmt = ss_prepare (self, "INSERT INTO sync_outbox (seq, op_id, tx_hlc, tbl, row_id, field, value, hlc, "
                               "base_hlc) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, NULL) "
                               "ON CONFLICT (tbl, row_id, field) WHERE batch_id IS NULL DO NOTHING", error);
      if (stmt == NULL)
        return FALSE;
      if (in_place)
        sqlite3_bind_int64 (stmt, 1, first + i);
      sqlite3_bind_text (stmt, 2, op_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, r->tx_hlc, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, r->tbl, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, r->row_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, g_ptr_array_index (fields, 2 * i), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 7, g_ptr_array_index (fields, 2 * i + 1), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 8, r->hlc, -1, SQLITE_STATIC);
      if (!ss_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
ss_expand_row_ops (SlvSyncStore  *self,
                   GArray        *seqs,
                   GError       **error)
{
  g_autoptr(GPtrArray) ops = load_row_ops (self, seqs, error);

  if (ops == NULL)
    return FALSE;
  for (guint i = 0; i < ops->len; i++)
    if (!expand_one (self, g_ptr_array_index (ops, i), error))
      return FALSE;
  return TRUE;
}
