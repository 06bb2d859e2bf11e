/* slv-server-gc.c: `selvedge-server gc` (SYNC-PROTOCOL.md §8): purge field
 * values of rows deleted longer than the tombstone TTL and referenced by no
 * live row (raising the bucket's gc_floor so stale cursors resync), expire
 * idempotency records, orphan uploads, unreferenced blobs and old outbox
 * entries. Safe to run from cron on one machine at a time (advisory lock).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-server"

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "slv-server-cli.h"
#include "slv-server-config.h"
#include "slv-server-db.h"
#include "sync/slv-sync.h"

#define GC_LOCK "7273101"

typedef struct
{
  gint64 ttl_s;
  gint64 batch_days;
  gint64 upload_days;
  gint64 blob_days;
  gint64 outbox_days;
  char  *blob_dir;
} GcOptions;

/* (table, field) pairs that point at rows of other tables. */
static char *
reference_pairs (void)
{
  GString *json = g_string_new ("[");

  for (guint i = 0; i < slv_sync_policy_get_n_tables (); i++)
    {
      const SlvSyncTablePolicy *t = slv_sync_policy_get_table (i);

      for (guint j = 0; j < t->n_fields; j++)
        if (t->fields[j].ref_table != NULL)
          g_string_append_printf (json, "%s{\"tbl\":\"%s\",\"field\":\"%s\",\"target\":\"%s\"}",
                                  json->len > 1 ? "," : "", t->name, t->fields[j].name, t->fields[j].ref_table);
    }
  g_string_append_c (json, ']');
  return g_string_free (json, FALSE);
}

static const char *purge_sql =
  "WITH cand AS (SELECT tbl, row_id FROM sync_row WHERE deleted AND NOT purged "
  "              AND deleted_at < now () - make_interval (secs => $1::bigint)), "
  "refs AS (SELECT k.target, (f.value #>> '{}')::uuid AS row_id FROM jsonb_to_recordset ($2::jsonb) "
  "         AS k (tbl text, field text, target text) JOIN sync_field f ON f.tbl = k.tbl AND f.field = k.field "
  "         JOIN sync_row r ON r.tbl = f.tbl AND r.row_id = f.row_id AND NOT r.deleted "
  "         WHERE f.value #>> '{}' ~ '^[0-9a-f-]{36}$'), "
  "gone AS (SELECT c.tbl, c.row_id FROM cand c WHERE NOT EXISTS "
  "         (SELECT 1 FROM refs WHERE refs.target = c.tbl AND refs.row_id = c.row_id)), "
  "marked AS (UPDATE sync_row r SET purged = true FROM gone g WHERE r.tbl = g.tbl AND r.row_id = g.row_id "
  "           RETURNING r.tbl, r.row_id), "
  "dropped AS (DELETE FROM sync_field f USING marked m WHERE f.tbl = m.tbl AND f.row_id = m.row_id "
  "            RETURNING f.bucket, f.seq, f.tbl, f.row_id) "
  "SELECT bucket, max (seq), count (DISTINCT (tbl, row_id)), json_agg (DISTINCT jsonb_build_object "
  "  ('tbl', tbl, 'row_id', row_id)) FROM dropped GROUP BY bucket";

static gboolean
purge_tombstones (PGconn     *conn,
                  GcOptions  *o,
                  gint64     *rows,
                  GError    **error)
{
  g_autofree char *ttl = g_strdup_printf ("%" G_GINT64_FORMAT, o->ttl_s);
  g_autofree char *pairs = reference_pairs ();
  const char *params[] = { ttl, pairs };
  g_autoptr(PGresult) res = slv_db_query (conn, purge_sql, 2, params, error);

  if (res == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (res); i++)
    {
      const char *floor[] = { slv_db_value (res, i, 0), slv_db_value (res, i, 1), slv_db_value (res, i, 3) };

      *rows += slv_db_int (res, i, 2);
      if (!slv_db_exec (conn, "UPDATE sync_bucket_gc SET gc_floor = greatest (gc_floor, $2::bigint) WHERE bucket = $1",
                        2, floor, error) ||
          !slv_db_exec (conn, "DELETE FROM sync_removal WHERE bucket = $1 AND seq <= $2::bigint", 2, floor, error) ||
          !slv_db_exec (conn, "DELETE FROM blob_ref b USING jsonb_to_recordset ($1::jsonb) AS k (tbl text, row_id uuid) "
                        "WHERE b.tbl = k.tbl AND b.row_id = k.row_id", 1, floor + 2, error))
        return FALSE;
      for (guint t = 0; t < slv_sync_policy_get_n_tables (); t++)
        {
          const char *name = slv_sync_policy_get_table (t)->name;
          g_autofree char *sql = g_strdup_printf ("DELETE FROM \"%s\" p USING jsonb_to_recordset ($1::jsonb) "
                                                  "AS k (tbl text, row_id uuid) WHERE k.tbl = '%s' AND p.id = k.row_id",
                                                  name, name);
          const char *list[] = { floor[2] };

          if (!slv_db_exec (conn, sql, 1, list, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gint64
run_count (PGconn      *conn,
           const char  *sql,
           gint64       days,
           GError     **error)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, days);
  const char *params[] = { text };
  g_autoptr(PGresult) res = slv_db_query (conn, sql, 1, params, error);

  return res ? PQntuples (res) : -1;
}

/* Removes the files of rows the statement returned (column 0 = path part). */
static gint64
expire_files (PGconn      *conn,
              const char  *sql,
              gint64       days,
              const char  *dir,
              gboolean     blobs,
              GError     **error)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, days);
  const char *params[] = { text };
  g_autoptr(PGresult) res = slv_db_query (conn, sql, 1, params, error);

  if (res == NULL)
    return -1;
  for (int i = 0; i < PQntuples (res); i++)
    {
      const char *name = slv_db_value (res, i, 0);
      char prefix[3] = { name[0], name[1], '\0' };
      g_autofree char *path = blobs ? g_build_filename (dir, "blobs", prefix, name, NULL)
                                    : g_build_filename (dir, "uploads", name, NULL);

      g_unlink (path);
    }
  return PQntuples (res);
}

static gboolean
collect (PGconn     *conn,
         GcOptions  *o,
         GError    **error)
{
  gint64 rows = 0, batches, uploads, blobs, outbox;

  if (!slv_db_run (conn, "BEGIN", error) || !purge_tombstones (conn, o, &rows, error) ||
      !slv_db_run (conn, "COMMIT", error))
    return FALSE;
  batches = run_count (conn, "DELETE FROM sync_push WHERE created_at < now () - make_interval (days => $1::int) "
                       "RETURNING 1", o->batch_days, error);
  outbox = batches < 0 ? -1 : run_count (conn, "DELETE FROM search_outbox WHERE created_at < now () - "
                                         "make_interval (days => $1::int) RETURNING 1", o->outbox_days, error);
  uploads = outbox < 0 ? -1 : expire_files (conn, "DELETE FROM upload WHERE updated_at < now () - "
                                            "make_interval (days => $1::int) RETURNING id::text",
                                            o->upload_days, o->blob_dir, FALSE, error);
  blobs = uploads < 0 ? -1 : expire_files (conn, "DELETE FROM blob_file f WHERE created_at < now () - "
                                           "make_interval (days => $1::int) AND NOT EXISTS (SELECT 1 FROM blob_ref b "
                                           "WHERE b.sha256 = f.sha256) RETURNING sha256",
                                           o->blob_days, o->blob_dir, TRUE, error);
  if (blobs < 0)
    return FALSE;
  printf ("{\"purged_rows\":%" G_GINT64_FORMAT ",\"expired_batches\":%" G_GINT64_FORMAT
          ",\"expired_uploads\":%" G_GINT64_FORMAT ",\"deleted_blobs\":%" G_GINT64_FORMAT
          ",\"outbox_entries\":%" G_GINT64_FORMAT "}\n", rows, batches, uploads, blobs, outbox);
  return TRUE;
}

int
slv_server_cmd_gc (int    argc,
                   char **argv)
{
  g_autoptr(SlvServerConfig) config = slv_server_config_new ();
  g_autofree char *secret_file = NULL;
  g_autofree GOptionEntry *pg = slv_server_config_pg_entries (config, &secret_file);
  g_autoptr(GOptionContext) ctx = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  gint64 ttl_days = 180, ttl_seconds = -1;
  GcOptions o = { 0, 30, 7, 30, 7, NULL };
  GOptionEntry entries[] = {
    { "ttl-days", 0, 0, G_OPTION_ARG_INT64, &ttl_days, "Purge rows deleted longer ago than this (default 180)", "DAYS" },
    { "ttl-seconds", 0, 0, G_OPTION_ARG_INT64, &ttl_seconds, "The same in seconds (overrides --ttl-days)", "S" },
    { "batch-days", 0, 0, G_OPTION_ARG_INT64, &o.batch_days, "Keep batch responses this long (default 30)", "DAYS" },
    { "upload-days", 0, 0, G_OPTION_ARG_INT64, &o.upload_days, "Drop unfinished uploads after (default 7)", "DAYS" },
    { "blob-days", 0, 0, G_OPTION_ARG_INT64, &o.blob_days, "Delete blobs no row references after (default 30)", "DAYS" },
    { "outbox-days", 0, 0, G_OPTION_ARG_INT64, &o.outbox_days, "Drop search outbox entries after (default 7)", "DAYS" },
    { NULL }
  };
  PGconn *conn;
  gboolean ok;

  g_option_context_set_summary (ctx, "- purge old tombstones, batches, uploads and blobs");
  g_option_context_add_main_entries (ctx, pg, NULL);
  g_option_context_add_main_entries (ctx, entries, NULL);
  if (!g_option_context_parse (ctx, &argc, &argv, &error) ||
      !slv_server_config_finish (config, secret_file, NULL, NULL, FALSE, &error))
    return slv_server_fail ("gc: %s", error->message);
  o.ttl_s = ttl_seconds >= 0 ? ttl_seconds : ttl_days * 86400;
  o.blob_dir = config->blob_dir;
  if ((conn = slv_db_connect (config->pg, &error)) == NULL)
    return slv_server_fail ("gc: %s", error->message);
  ok = slv_db_run (conn, "SELECT pg_advisory_lock (" GC_LOCK ")", &error) && collect (conn, &o, &error);
  PQfinish (conn);
  return ok ? 0 : slv_server_fail ("gc: %s", error->message);
}
