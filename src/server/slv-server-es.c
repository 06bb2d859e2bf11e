/* slv-server-es.c: `selvedge-server index`, the Elasticsearch indexer. It
 * reads changed rows from search_outbox, sends them to the _bulk endpoint
 * (one index per table, documents keyed by row id, deletes for tombstones)
 * and removes the entries Elasticsearch accepted. PostgreSQL full text
 * stays the default search; this keeps an external index current.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-server"

#include "config.h"

#include <libsoup/soup.h>
#include <stdio.h>
#include <string.h>

#include "slv-server-cli.h"
#include "slv-server-config.h"
#include "slv-server-db.h"
#include "slv-server-migrate.h"
#include "sync/slv-sync.h"

#define BATCH 500

typedef struct
{
  char *url;
  char *prefix;
  gint  interval;
  gboolean once;
} IndexOptions;

/* The document of one row: its search fields, bucket and table. */
static char *
document_sql (const SlvSyncTablePolicy *table)
{
  GString *cols = g_string_new (NULL);

  for (guint i = 0; i < table->n_fields; i++)
    if (table->fields[i].flags & SLV_SYNC_FIELD_SEARCH)
      g_string_append_printf (cols, ", '%s', t.\"%s\"", table->fields[i].name, table->fields[i].name);
  return g_strdup_printf ("SELECT t.id::text, coalesce (t.deleted, false), jsonb_build_object ('table', '%s', "
                          "'bucket', s.bucket%s)::text FROM \"%s\" t JOIN sync_row s ON s.tbl = '%s' AND s.row_id = t.id "
                          "WHERE t.id = ANY ($1::uuid[])", table->name, cols->str, table->name, table->name);
}

static void
append_action (GString    *body,
               const char *action,
               const char *index,
               const char *id)
{
  g_string_append_printf (body, "{\"%s\":{\"_index\":", action);
  slv_json_append_string (body, index);
  g_string_append (body, ",\"_id\":");
  slv_json_append_string (body, id);
  g_string_append (body, "}}\n");
}

/* NDJSON for the rows of one table listed in @ids (a uuid[] literal). */
static gboolean
append_table (PGconn                    *conn,
              IndexOptions              *o,
              const SlvSyncTablePolicy  *table,
              const char                *ids,
              GString                   *body,
              GError                   **error)
{
  g_autofree char *sql = document_sql (table);
  g_autofree char *index = g_strconcat (o->prefix, table->name, NULL);
  const char *params[] = { ids };
  g_autoptr(PGresult) res = slv_db_query (conn, sql, 1, params, error);

  if (res == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (res); i++)
    {
      if (slv_db_bool (res, i, 1))
        {
          append_action (body, "delete", index, slv_db_value (res, i, 0));
          continue;
        }
      append_action (body, "index", index, slv_db_value (res, i, 0));
      g_string_append (body, slv_db_value (res, i, 2));
      g_string_append_c (body, '\n');
    }
  return TRUE;
}

/* One bulk request for up to BATCH outbox entries; returns the highest
 * entry id covered, 0 when the outbox is empty, -1 on failure. */
static gint64
build_bulk (PGconn        *conn,
            IndexOptions  *o,
            GString       *body,
            GError       **error)
{
  g_autoptr(PGresult) res = slv_db_query (conn, "SELECT tbl, '{' || string_agg (DISTINCT row_id::text, ',') || '}', "
                                          "max (id) FROM (SELECT id, tbl, row_id FROM search_outbox ORDER BY id "
                                          "LIMIT " G_STRINGIFY (BATCH) ") o GROUP BY tbl", 0, NULL, error);
  gint64 last = 0;

  if (res == NULL)
    return -1;
  for (int i = 0; i < PQntuples (res); i++)
    {
      const SlvSyncTablePolicy *table = slv_sync_policy_lookup_table (slv_db_value (res, i, 0));

      last = MAX (last, slv_db_int (res, i, 2));
      if (table != NULL && slv_server_table_searchable (table) &&
          !append_table (conn, o, table, slv_db_value (res, i, 1), body, error))
        return -1;
    }
  return last;
}

static gboolean
send_bulk (SoupSession  *session,
           IndexOptions *o,
           GString      *body,
           GError      **error)
{
  g_autofree char *url = g_strconcat (o->url, g_str_has_suffix (o->url, "/") ? "" : "/", "_bulk", NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", url);
  g_autoptr(GBytes) request = g_bytes_new (body->str, body->len);
  g_autoptr(GBytes) reply = NULL;
  g_autoptr(JsonNode) root = NULL;
  gsize len = 0;
  const char *data;

  if (msg == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "“%s” is not a URL.", o->url);
      return FALSE;
    }
  soup_message_set_request_body_from_bytes (msg, "application/x-ndjson", request);
  reply = soup_session_send_and_read (session, msg, NULL, error);
  if (reply == NULL)
    return FALSE;
  data = g_bytes_get_data (reply, &len);
  root = slv_json_parse (data, len, NULL);
  if (soup_message_get_status (msg) != 200 || root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      json_object_get_boolean_member_with_default (json_node_get_object (root), "errors", TRUE))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Elasticsearch refused the bulk request (HTTP %u).",
                   soup_message_get_status (msg));
      return FALSE;
    }
  return TRUE;
}

/* Sends everything queued; FALSE (entries kept for the next run) on error. */
static gboolean
index_pending (PGconn       *conn,
               SoupSession  *session,
               IndexOptions *o,
               guint        *sent,
               GError      **error)
{
  for (;;)
    {
      g_autoptr(GString) body = g_string_new (NULL);
      g_autofree char *last_text = NULL;
      gint64 last = build_bulk (conn, o, body, error);
      const char *params[1];

      if (last < 0)
        return FALSE;
      if (last == 0)
        return TRUE;
      if (body->len > 0 && !send_bulk (session, o, body, error))
        return FALSE;
      last_text = g_strdup_printf ("%" G_GINT64_FORMAT, last);
      params[0] = last_text;
      if (!slv_db_exec (conn, "DELETE FROM search_outbox WHERE id <= $1::bigint", 1, params, error))
        return FALSE;
      (*sent)++;
    }
}

int
slv_server_cmd_index (int    argc,
                      char **argv)
{
  g_autoptr(SlvServerConfig) config = slv_server_config_new ();
  g_autofree char *secret_file = NULL;
  g_autofree GOptionEntry *pg = slv_server_config_pg_entries (config, &secret_file);
  g_autoptr(GOptionContext) ctx = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SoupSession) session = NULL;
  IndexOptions o = { NULL, NULL, 10, FALSE };
  GOptionEntry entries[] = {
    { "elasticsearch", 0, 0, G_OPTION_ARG_STRING, &o.url, "Elasticsearch base URL (else $SELVEDGE_ELASTICSEARCH)", "URL" },
    { "index-prefix", 0, 0, G_OPTION_ARG_STRING, &o.prefix, "Prefix of the index names (default selvedge-)", "TEXT" },
    { "interval", 0, 0, G_OPTION_ARG_INT, &o.interval, "Seconds between runs (default 10)", "S" },
    { "once", 0, 0, G_OPTION_ARG_NONE, &o.once, "Send what is queued, then exit", NULL },
    { NULL }
  };
  PGconn *conn;
  int rc = 0;

  g_option_context_set_summary (ctx, "- send changed rows to Elasticsearch");
  g_option_context_add_main_entries (ctx, pg, NULL);
  g_option_context_add_main_entries (ctx, entries, NULL);
  if (!g_option_context_parse (ctx, &argc, &argv, &error) ||
      !slv_server_config_finish (config, secret_file, NULL, NULL, FALSE, &error))
    return slv_server_fail ("index: %s", error->message);
  if (o.url == NULL)
    o.url = g_strdup (config->elasticsearch);
  if (o.prefix == NULL)
    o.prefix = g_strdup ("selvedge-");
  if (o.url == NULL)
    return slv_server_fail ("index: give --elasticsearch URL or set SELVEDGE_ELASTICSEARCH.");
  if ((conn = slv_db_connect (config->pg, &error)) == NULL)
    return slv_server_fail ("index: %s", error->message);
  session = soup_session_new_with_options ("timeout", 60, "proxy-resolver", NULL, NULL);
  do
    {
      guint sent = 0;

      g_clear_error (&error);
      if (!index_pending (conn, session, &o, &sent, &error))
        {
          rc = slv_server_fail ("index: %s", error->message);
          if (!o.once)
            rc = 0;
        }
      else
        printf ("{\"bulk_requests\":%u}\n", sent);
      fflush (stdout);
      if (!o.once)
        g_usleep ((gulong) MAX (o.interval, 1) * G_USEC_PER_SEC);
    }
  while (!o.once);
  PQfinish (conn);
  g_free (o.url);
  g_free (o.prefix);
  return rc;
}
