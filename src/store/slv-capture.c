/* slv-capture.c: the capture functions and the clock of a connection.
 * The set-up of capture when a workspace opens is in slv-capture-setup.c.
 *
 * The clock state is persisted in sync_state.hlc by the same transaction
 * that uses it, and every tick first merges the persisted state, so two
 * connections (or two processes) on one workspace never go backwards.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "core/slv-uuid.h"
#include "slv-capture-private.h"
#include "sync/slv-sync-json.h"
#include "sync/slv-sync-policy.h"

#define MAX_ROW_FIELDS 64

enum
{
  STMT_STATE,
  STMT_SET_STATE,
  STMT_BASE,
  STMT_OUTBOX,
  STMT_CLOCK,
  STMT_ROW,
  STMT_ROW_OP,
  STMT_FOLD,
  N_STMTS
};

static const char * const stmt_sql[N_STMTS] = {
  "SELECT hlc, node, clock_offset_ms FROM sync_state WHERE id = 1",
  "UPDATE sync_state SET hlc = ?1 WHERE id = 1",
  /* a field without a clock of its own has its row's, if the row was
   * captured as one op (field "*") */
  "SELECT max (hlc) FROM sync_clock WHERE tbl = ?1 AND row_id = ?2 AND field IN (?3, '*')",
  /* coalesce an unsent op of the field: first base and transaction kept */
  "INSERT INTO sync_outbox (op_id, tx_hlc, tbl, row_id, field, value, hlc, base_hlc) "
  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?2, ?7) "
  "ON CONFLICT (tbl, row_id, field) WHERE batch_id IS NULL DO UPDATE SET "
  "op_id = excluded.op_id, value = excluded.value, hlc = excluded.hlc",
  "INSERT INTO sync_clock (tbl, row_id, field, hlc) VALUES (?1, ?2, ?3, ?4) "
  "ON CONFLICT DO UPDATE SET hlc = excluded.hlc",
  "INSERT INTO sync_row (tbl, row_id, bucket) VALUES (?1, ?2, ?3) "
  "ON CONFLICT DO UPDATE SET bucket = excluded.bucket",
  /* a new row as one op: its fields as a JSON object, at the end of a gap
   * in seq of one per field, where the push expands it into field ops in
   * the order they would have been captured one by one */
  "INSERT INTO sync_outbox (seq, op_id, tx_hlc, tbl, row_id, field, value, hlc, base_hlc) "
  "VALUES (coalesce ((SELECT seq FROM sqlite_sequence WHERE name = 'sync_outbox'), 0) + ?6, "
  "?1, ?2, ?3, ?4, '*', ?5, ?2, NULL) "
  "ON CONFLICT (tbl, row_id, field) WHERE batch_id IS NULL DO UPDATE SET "
  "op_id = excluded.op_id, value = excluded.value, hlc = excluded.hlc",
  /* an edit of a row whose row op is not sent yet goes into that op */
  "UPDATE sync_outbox SET value = json_replace (value, '$.' || ?3, json (?4)), hlc = ?5 "
  "WHERE tbl = ?1 AND row_id = ?2 AND field = '*' AND batch_id IS NULL "
  "AND json_type (value, '$.' || ?3) IS NOT NULL",
};

struct _SlvCapture
{
  sqlite3          *db;
  gint              capturing;     /* atomic */
  gint              row_ops;       /* atomic: new rows as one op each */
  gboolean          has_tick;
  char              tick[SLV_HLC_TEXT_LEN + 1];
  SlvHlcClock      *clock;
  guint64           node;
  SlvWallClockFunc  wall_func;
  gpointer          wall_data;
  gint64            env_offset_ms;
  gint64            call_offset_ms;
  gint              serial;        /* atomic: commits that captured changes */
  sqlite3_stmt     *stmts[N_STMTS];
  /* inserts: one multi-row statement per field count, for ops and clocks */
  sqlite3_stmt     *insert_ops[MAX_ROW_FIELDS + 1];
  sqlite3_stmt     *insert_clocks[MAX_ROW_FIELDS + 1];
};


static gint64
capture_wall_cb (gpointer user_data)
{
  SlvCapture *capture = user_data;

  return slv_capture_wall_ms (capture, capture->call_offset_ms);
}

gint64
slv_capture_wall_ms (SlvCapture *capture,
                     gint64      offset_ms)
{
  gint64 wall = capture->wall_func ? capture->wall_func (capture->wall_data) : slv_hlc_real_wall_ms (NULL);

  return wall + capture->env_offset_ms + offset_ms;
}

void
slv_capture_finalize_statements (SlvCapture *capture)
{
  for (guint i = 0; capture != NULL && i < N_STMTS; i++)
    g_clear_pointer (&capture->stmts[i], sqlite3_finalize);
  for (guint i = 0; capture != NULL && i <= MAX_ROW_FIELDS; i++)
    {
      g_clear_pointer (&capture->insert_ops[i], sqlite3_finalize);
      g_clear_pointer (&capture->insert_clocks[i], sqlite3_finalize);
    }
}

static void
capture_free (gpointer data)
{
  SlvCapture *capture = data;

  slv_capture_finalize_statements (capture);
  g_clear_pointer (&capture->clock, slv_hlc_clock_free);
  g_free (capture);
}

/* The clock for @node_text, with the persisted state @hlc_text merged in. */
static gboolean
prepare_clock (SlvCapture *capture,
               const char *hlc_text,
               const char *node_text,
               gint64      offset_ms)
{
  guint64 node;
  SlvHlc persisted, state;

  if (!slv_hlc_parse_node (node_text, &node))
    return FALSE;
  if (capture->clock == NULL || node != capture->node)
    {
      g_clear_pointer (&capture->clock, slv_hlc_clock_free);
      capture->clock = slv_hlc_clock_new (node, capture_wall_cb, capture);
      capture->node = node;
    }
  capture->call_offset_ms = offset_ms;
  if (hlc_text != NULL && slv_hlc_parse (hlc_text, &persisted, NULL))
    {
      slv_hlc_clock_get_state (capture->clock, &state);
      persisted.node = state.node;
      if (slv_hlc_compare (&persisted, &state) > 0)
        slv_hlc_clock_set_state (capture->clock, &persisted);
    }
  return TRUE;
}

static void
result_state (sqlite3_context *ctx,
              SlvCapture      *capture)
{
  SlvHlc state;
  char text[SLV_HLC_TEXT_LEN + 1];

  slv_hlc_clock_get_state (capture->clock, &state);
  slv_hlc_format (&state, text);
  sqlite3_result_text (ctx, text, -1, SQLITE_TRANSIENT);
}

static gboolean
prepare_from_args (sqlite3_context  *ctx,
                   SlvCapture       *capture,
                   sqlite3_value   **argv)
{
  const char *hlc = (const char *) sqlite3_value_text (argv[0]);
  const char *node = (const char *) sqlite3_value_text (argv[1]);

  if (!prepare_clock (capture, hlc, node, sqlite3_value_int64 (argv[2])))
    {
      sqlite3_result_error (ctx, "sync_state.node is not a clock node", -1);
      return FALSE;
    }
  return TRUE;
}

static void
fn_capturing (sqlite3_context  *ctx,
              int               argc,
              sqlite3_value   **argv)
{
  SlvCapture *capture = sqlite3_user_data (ctx);

  sqlite3_result_int (ctx, g_atomic_int_get (&capture->capturing));
}

static void
fn_tx_hlc (sqlite3_context  *ctx,
           int               argc,
           sqlite3_value   **argv)
{
  SlvCapture *capture = sqlite3_user_data (ctx);

  if (capture->has_tick)
    sqlite3_result_text (ctx, capture->tick, SLV_HLC_TEXT_LEN, SQLITE_TRANSIENT);
  else
    sqlite3_result_null (ctx);
}

static void
take_tick (SlvCapture *capture)
{
  SlvHlc hlc;

  slv_hlc_clock_tick (capture->clock, &hlc);
  slv_hlc_format (&hlc, capture->tick);
  capture->has_tick = TRUE;
}

/* slv_sync_tick (hlc, node, offset): the transaction's stamp. */
static void
fn_tick (sqlite3_context  *ctx,
         int               argc,
         sqlite3_value   **argv)
{
  SlvCapture *capture = sqlite3_user_data (ctx);

  if (!capture->has_tick)
    {
      if (!prepare_from_args (ctx, capture, argv))
        return;
      take_tick (capture);
    }
  sqlite3_result_text (ctx, capture->tick, SLV_HLC_TEXT_LEN, SQLITE_TRANSIENT);
}

/* slv_sync_fresh_tick (hlc, node, offset): a new stamp in any case. */
static void
fn_fresh_tick (sqlite3_context  *ctx,
               int               argc,
               sqlite3_value   **argv)
{
  SlvCapture *capture = sqlite3_user_data (ctx);

  if (!prepare_from_args (ctx, capture, argv))
    return;
  take_tick (capture);
  sqlite3_result_text (ctx, capture->tick, SLV_HLC_TEXT_LEN, SQLITE_TRANSIENT);
}

/* slv_sync_recv (hlc, node, offset, remote): the state after receiving. */
static void
fn_recv (sqlite3_context  *ctx,
         int               argc,
         sqlite3_value   **argv)
{
  SlvCapture *capture = sqlite3_user_data (ctx);
  SlvHlc remote;

  if (!prepare_from_args (ctx, capture, argv))
    return;
  if (slv_hlc_parse ((const char *) sqlite3_value_text (argv[3]), &remote, NULL) &&
      !slv_hlc_clock_recv (capture->clock, &remote))
    g_info ("A clock stamp more than %d minutes ahead of this computer was not followed.",
            SLV_HLC_MAX_SKEW_MS / 60000);
  result_state (ctx, capture);
}

static void
fn_op_id (sqlite3_context  *ctx,
          int               argc,
          sqlite3_value   **argv)
{
  char *id = slv_uuid_v7_new ();

  sqlite3_result_text (ctx, id, -1, g_free);
}

/* slv_sync_capture (mode, table, id, field, value, …) */

static sqlite3_stmt *
stmt (SlvCapture *capture,
      guint       which)
{
  if (capture->stmts[which] == NULL &&
      sqlite3_prepare_v3 (capture->db, stmt_sql[which], -1, SQLITE_PREPARE_PERSISTENT, &capture->stmts[which],
                          NULL) != SQLITE_OK)
    return NULL;
  sqlite3_reset (capture->stmts[which]);
  sqlite3_clear_bindings (capture->stmts[which]);
  return capture->stmts[which];
}

static gboolean
step_done (sqlite3_stmt *s)
{
  int rc = sqlite3_step (s);

  sqlite3_reset (s);
  return rc == SQLITE_DONE || rc == SQLITE_ROW;
}

/* The transaction's stamp, taken and persisted on its first change (and
 * persisted again if a rolled-back savepoint took the write away). */
static gboolean
ensure_tick (SlvCapture *capture)
{
  sqlite3_stmt *s = stmt (capture, STMT_STATE);
  g_autofree char *hlc = NULL;
  g_autofree char *node = NULL;
  gint64 offset = 0;

  if (s == NULL || sqlite3_step (s) != SQLITE_ROW)
    {
      if (s != NULL)
        sqlite3_reset (s);
      return FALSE;
    }
  hlc = g_strdup ((const char *) sqlite3_column_text (s, 0));
  node = g_strdup ((const char *) sqlite3_column_text (s, 1));
  offset = sqlite3_column_int64 (s, 2);
  sqlite3_reset (s);
  if (capture->has_tick && g_strcmp0 (hlc, capture->tick) == 0)
    return TRUE;
  if (!capture->has_tick)
    {
      if (!prepare_clock (capture, hlc, node, offset))
        return FALSE;
      take_tick (capture);
    }
  s = stmt (capture, STMT_SET_STATE);
  if (s == NULL)
    return FALSE;
  sqlite3_bind_text (s, 1, capture->tick, SLV_HLC_TEXT_LEN, SQLITE_STATIC);
  return step_done (s);
}

/* The wire JSON of a column value (SQLite → SYNC-PROTOCOL.md §2). */
static char *
wire_json (const SlvSyncFieldPolicy *field,
           sqlite3_value            *value)
{
  GString *out;
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  const char *text;

  switch (sqlite3_value_type (value))
    {
    case SQLITE_NULL:
      return g_strdup ("null");
    case SQLITE_INTEGER:
      if (field != NULL && field->type == SLV_SYNC_TYPE_BOOLEAN)
        return g_strdup (sqlite3_value_int64 (value) ? "true" : "false");
      return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) sqlite3_value_int64 (value));
    case SQLITE_FLOAT:
      return g_strdup (g_ascii_dtostr (buf, sizeof buf, sqlite3_value_double (value)));
    default:
      text = (const char *) sqlite3_value_text (value);
      if (field != NULL && field->type == SLV_SYNC_TYPE_ANY)
        return g_strdup (text);
      out = g_string_new (NULL);
      if (field != NULL && field->type == SLV_SYNC_TYPE_BLOB_REF)
        {
          g_autofree char *ref = g_strconcat ("sha256:", text, NULL);

          slv_json_append_string (out, ref);
        }
      else
        slv_json_append_string (out, text);
      return g_string_free (out, FALSE);
    }
}

/* Stamps the clock of @field ("*": the row's) with the transaction's tick. */
static gboolean
stamp_clock (SlvCapture *capture,
             const char *table,
             const char *row_id,
             const char *field)
{
  sqlite3_stmt *s = stmt (capture, STMT_CLOCK);

  if (s == NULL)
    return FALSE;
  sqlite3_bind_text (s, 1, table, -1, SQLITE_STATIC);
  sqlite3_bind_text (s, 2, row_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (s, 3, field, -1, SQLITE_STATIC);
  sqlite3_bind_text (s, 4, capture->tick, SLV_HLC_TEXT_LEN, SQLITE_STATIC);
  return step_done (s);
}

/* @insert: a new row has no field clocks yet, so no base to look up. */
static gboolean
write_op (SlvCapture    *capture,
          const char    *table,
          const char    *row_id,
          const char    *field,
          const char    *json,
          gboolean       insert)
{
  sqlite3_stmt *s = insert ? NULL : stmt (capture, STMT_BASE);
  g_autofree char *base = NULL;
  g_autofree char *op_id = slv_uuid_v7_new ();

  if (s == NULL && !insert)
    return FALSE;
  if (s != NULL)
    {
      sqlite3_bind_text (s, 1, table, -1, SQLITE_STATIC);
      sqlite3_bind_text (s, 2, row_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (s, 3, field, -1, SQLITE_STATIC);
      if (sqlite3_step (s) == SQLITE_ROW)
        base = g_strdup ((const char *) sqlite3_column_text (s, 0));
      sqlite3_reset (s);
    }
  if ((s = stmt (capture, STMT_OUTBOX)) == NULL)
    return FALSE;
  sqlite3_bind_text (s, 1, op_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (s, 2, capture->tick, SLV_HLC_TEXT_LEN, SQLITE_STATIC);
  sqlite3_bind_text (s, 3, table, -1, SQLITE_STATIC);
  sqlite3_bind_text (s, 4, row_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (s, 5, field, -1, SQLITE_STATIC);
  sqlite3_bind_text (s, 6, json, -1, SQLITE_STATIC);
  if (base != NULL)
    sqlite3_bind_text (s, 7, base, -1, SQLITE_STATIC);
  return step_done (s) && stamp_clock (capture, table, row_id, field);
}

typedef struct
{
  int             argc;
  sqlite3_value **argv;
} Args;

/* The ops and clocks of a new row in two statements (many fewer steps
 * than one per field): parameters ?1 stamp, ?2 table, ?3 row, then per
 * field op id, name, value. */
static sqlite3_stmt *
insert_stmt (SlvCapture  *capture,
             guint        n,
             gboolean     clocks)
{
  sqlite3_stmt **slot = clocks ? &capture->insert_clocks[n] : &capture->insert_ops[n];
  g_autoptr(GString) sql = NULL;

  if (*slot == NULL)
    {
      sql = g_string_new (clocks ? "INSERT INTO sync_clock (tbl, row_id, field, hlc) VALUES "
                                 : "INSERT INTO sync_outbox (op_id, tx_hlc, tbl, row_id, field, value, hlc, base_hlc) "
                                   "VALUES ");
      for (guint i = 0; i < n; i++)
        {
          if (clocks)
            g_string_append_printf (sql, "%s(?2, ?3, ?%u, ?1)", i ? ", " : "", 5 + 3 * i);
          else
            g_string_append_printf (sql, "%s(?%u, ?1, ?2, ?3, ?%u, ?%u, ?1, NULL)", i ? ", " : "", 4 + 3 * i,
                                    5 + 3 * i, 6 + 3 * i);
        }
      g_string_append (sql, clocks ? " ON CONFLICT DO UPDATE SET hlc = excluded.hlc"
                                   : " ON CONFLICT (tbl, row_id, field) WHERE batch_id IS NULL DO UPDATE SET "
                                     "op_id = excluded.op_id, value = excluded.value, hlc = excluded.hlc");
      if (sqlite3_prepare_v3 (capture->db, sql->str, -1, SQLITE_PREPARE_PERSISTENT, slot, NULL) != SQLITE_OK)
        return NULL;
    }
  sqlite3_reset (*slot);
  sqlite3_clear_bindings (*slot);
  return *slot;
}

static gboolean
write_row_ops (SlvCapture               *capture,
               const SlvSyncTablePolicy *table,
               const char               *row_id,
               int                       argc,
               sqlite3_value           **argv)
{
  guint n = (argc - 3) / 2;
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *ops = insert_stmt (capture, n, FALSE);
  sqlite3_stmt *clocks = insert_stmt (capture, n, TRUE);

  if (ops == NULL || clocks == NULL)
    return FALSE;
  for (sqlite3_stmt **s = (sqlite3_stmt *[]) { ops, clocks, NULL }; *s != NULL; s++)
    {
      sqlite3_bind_text (*s, 1, capture->tick, SLV_HLC_TEXT_LEN, SQLITE_STATIC);
      sqlite3_bind_text (*s, 2, table->name, -1, SQLITE_STATIC);
      sqlite3_bind_text (*s, 3, row_id, -1, SQLITE_STATIC);
    }
  for (guint i = 0; i < n; i++)
    {
      const char *field = (const char *) sqlite3_value_text (argv[3 + 2 * i]);
      char *op_id = slv_uuid_v7_new ();
      char *json = wire_json (slv_sync_policy_lookup_field (table, field), argv[4 + 2 * i]);

      g_ptr_array_add (strings, op_id);
      g_ptr_array_add (strings, json);
      sqlite3_bind_text (ops, 4 + 3 * i, op_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (ops, 5 + 3 * i, field, -1, SQLITE_STATIC);
      sqlite3_bind_text (ops, 6 + 3 * i, json, -1, SQLITE_STATIC);
      sqlite3_bind_text (clocks, 5 + 3 * i, field, -1, SQLITE_STATIC);
    }
  return step_done (ops) && step_done (clocks);
}

static gboolean
has_blob_refs (const SlvSyncTablePolicy *table)
{
  for (guint i = 0; i < table->n_fields; i++)
    if (table->fields[i].type == SLV_SYNC_TYPE_BLOB_REF)
      return TRUE;
  return FALSE;
}

/* A new row as one op and one clock (field "*"), for bulk writes: a
 * twentieth of the rows the field ops take. Not for tables with picture
 * references, whose blobs the push finds in the field ops. */
static gboolean
write_row_op (SlvCapture               *capture,
              const SlvSyncTablePolicy *table,
              const char               *row_id,
              int                       argc,
              sqlite3_value           **argv)
{
  g_autoptr(GString) object = g_string_new ("{");
  g_autofree char *op_id = slv_uuid_v7_new ();
  sqlite3_stmt *s = stmt (capture, STMT_ROW_OP);
  int n = (argc - 3) / 2;

  if (s == NULL)
    return FALSE;
  for (int i = 3; i + 1 < argc; i += 2)
    {
      const char *field = (const char *) sqlite3_value_text (argv[i]);
      g_autofree char *json = wire_json (slv_sync_policy_lookup_field (table, field), argv[i + 1]);

      if (i > 3)
        g_string_append_c (object, ',');
      slv_json_append_string (object, field);
      g_string_append_c (object, ':');
      g_string_append (object, json);
    }
  g_string_append_c (object, '}');
  sqlite3_bind_text (s, 1, op_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (s, 2, capture->tick, SLV_HLC_TEXT_LEN, SQLITE_STATIC);
  sqlite3_bind_text (s, 3, table->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (s, 4, row_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (s, 5, object->str, (int) object->len, SQLITE_STATIC);
  sqlite3_bind_int (s, 6, n);
  return step_done (s) && stamp_clock (capture, table->name, row_id, "*");
}

/* Puts an edit into the row's unsent row op; *folded says whether there
 * was one. The row's clock moves with it. */
static gboolean
fold_into_row_op (SlvCapture  *capture,
                  const char  *table,
                  const char  *row_id,
                  const char  *field,
                  const char  *json,
                  gboolean    *folded)
{
  sqlite3_stmt *s = stmt (capture, STMT_FOLD);

  *folded = FALSE;
  if (s == NULL)
    return FALSE;
  sqlite3_bind_text (s, 1, table, -1, SQLITE_STATIC);
  sqlite3_bind_text (s, 2, row_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (s, 3, field, -1, SQLITE_STATIC);
  sqlite3_bind_text (s, 4, json, -1, SQLITE_STATIC);
  sqlite3_bind_text (s, 5, capture->tick, SLV_HLC_TEXT_LEN, SQLITE_STATIC);
  if (!step_done (s))
    return FALSE;
  if (sqlite3_changes (capture->db) == 0)
    return TRUE;
  *folded = TRUE;
  return stamp_clock (capture, table, row_id, "*");
}

static const char *
arg_column_cb (const char *field,
               gpointer    user_data)
{
  Args *a = user_data;

  for (int i = 3; i + 1 < a->argc; i += 2)
    if (g_strcmp0 ((const char *) sqlite3_value_text (a->argv[i]), field) == 0)
      return (const char *) sqlite3_value_text (a->argv[i + 1]);
  return NULL;
}

static gboolean
write_bucket (SlvCapture               *capture,
              const SlvSyncTablePolicy *table,
              const char               *row_id,
              Args                     *args)
{
  g_autofree char *bucket = NULL;
  sqlite3_stmt *s;

  if (table->bucket == SLV_SYNC_BUCKET_INHERITED)
    return TRUE;
  /* an invalid key syncs nowhere: the server refuses the ops (rejection) */
  bucket = slv_sync_policy_row_bucket (table, row_id, arg_column_cb, args, NULL);
  if ((s = stmt (capture, STMT_ROW)) == NULL)
    return FALSE;
  sqlite3_bind_text (s, 1, table->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (s, 2, row_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (s, 3, bucket ? bucket : "", -1, SQLITE_STATIC);
  return step_done (s);
}

static void
fn_capture (sqlite3_context  *ctx,
            int               argc,
            sqlite3_value   **argv)
{
  SlvCapture *capture = sqlite3_user_data (ctx);
  const SlvSyncTablePolicy *table = argc >= 3 ? slv_sync_policy_lookup_table ((const char *) sqlite3_value_text (argv[1]))
                                              : NULL;
  const char *row_id = argc >= 3 ? (const char *) sqlite3_value_text (argv[2]) : NULL;
  Args args = { argc, argv };
  gboolean insert, moves = FALSE;

  if (table == NULL || row_id == NULL || argc % 2 == 0)
    {
      sqlite3_result_error (ctx, "slv_sync_capture: a synced table, a row id, then field and value pairs", -1);
      return;
    }
  insert = sqlite3_value_int (argv[0]) != 0;
  if (!ensure_tick (capture))
    goto failed;
  if (insert && g_atomic_int_get (&capture->row_ops) && !has_blob_refs (table))
    {
      if (!write_row_op (capture, table, row_id, argc, argv) || !write_bucket (capture, table, row_id, &args))
        goto failed;
      sqlite3_result_null (ctx);
      return;
    }
  if (insert && (argc - 3) / 2 <= MAX_ROW_FIELDS)
    {
      if (!write_row_ops (capture, table, row_id, argc, argv) || !write_bucket (capture, table, row_id, &args))
        goto failed;
      sqlite3_result_null (ctx);
      return;
    }
  for (int i = 3; i + 1 < argc; i += 2)
    {
      const char *field = (const char *) sqlite3_value_text (argv[i]);
      g_autofree char *json = wire_json (slv_sync_policy_lookup_field (table, field), argv[i + 1]);
      gboolean folded = FALSE;

      if (!insert && !fold_into_row_op (capture, table->name, row_id, field, json, &folded))
        goto failed;
      if (!folded && !write_op (capture, table->name, row_id, field, json, insert))
        goto failed;
      moves |= slv_sync_policy_is_bucket_key (table, field);
    }
  if ((insert || moves) && !write_bucket (capture, table, row_id, &args))
    goto failed;
  sqlite3_result_null (ctx);
  return;
failed:
  sqlite3_result_error (ctx, sqlite3_errmsg (capture->db), -1);
}

static int
commit_hook_cb (void *data)
{
  SlvCapture *capture = data;

  if (capture->has_tick && g_atomic_int_get (&capture->capturing))
    g_atomic_int_inc (&capture->serial);
  capture->has_tick = FALSE;
  return 0;
}

static void
rollback_hook_cb (void *data)
{
  ((SlvCapture *) data)->has_tick = FALSE;
}

SlvCapture *
slv_capture_attach (sqlite3   *db,
                    gboolean   capturing,
                    GError   **error)
{
  SlvCapture *capture = g_new0 (SlvCapture, 1);
  const char *env = g_getenv ("SELVEDGE_CLOCK_OFFSET_MS");
  int rc;

  capture->db = db;
  capture->capturing = capturing;
  capture->env_offset_ms = env ? g_ascii_strtoll (env, NULL, 10) : 0;
  /* The first registration owns the state and frees it with the connection. */
  rc = sqlite3_create_function_v2 (db, "slv_sync_capturing", 0, SQLITE_UTF8, capture, fn_capturing,
                                   NULL, NULL, capture_free);
  if (rc == SQLITE_OK)
    rc = sqlite3_create_function_v2 (db, "slv_sync_tx_hlc", 0, SQLITE_UTF8, capture, fn_tx_hlc, NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_create_function_v2 (db, "slv_sync_tick", 3, SQLITE_UTF8, capture, fn_tick, NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_create_function_v2 (db, "slv_sync_fresh_tick", 3, SQLITE_UTF8, capture, fn_fresh_tick,
                                     NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_create_function_v2 (db, "slv_sync_recv", 4, SQLITE_UTF8, capture, fn_recv, NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_create_function_v2 (db, "slv_sync_op_id", 0, SQLITE_UTF8, capture, fn_op_id, NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_create_function_v2 (db, "slv_sync_capture", -1, SQLITE_UTF8, capture,
                                     fn_capture, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, SLV_STORE_ERROR, SLV_STORE_ERROR_FAILED,
                   _("Could not set up change tracking for sync: %s."), sqlite3_errstr (rc));
      return NULL;
    }
  sqlite3_commit_hook (db, commit_hook_cb, capture);
  sqlite3_rollback_hook (db, rollback_hook_cb, capture);
  return capture;
}

void
slv_capture_set_capturing (SlvCapture *capture,
                           gboolean    capturing)
{
  g_atomic_int_set (&capture->capturing, capturing ? 1 : 0);
}

gboolean
slv_capture_get_capturing (SlvCapture *capture)
{
  return g_atomic_int_get (&capture->capturing) != 0;
}

guint
slv_capture_get_serial (SlvCapture *capture)
{
  return (guint) g_atomic_int_get (&capture->serial);
}

void
slv_capture_set_row_ops (SlvCapture *capture,
                         gboolean    row_ops)
{
  g_atomic_int_set (&capture->row_ops, row_ops ? 1 : 0);
}

void
slv_capture_set_wall_clock (SlvCapture       *capture,
                            SlvWallClockFunc  func,
                            gpointer          user_data)
{
  capture->wall_func = func;
  capture->wall_data = user_data;
}
