/* slv-server-search.c: online search (PostgreSQL full text over the
 * projection tables, limited to the user's buckets) and the health check.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-server"

#include "config.h"

#include <string.h>

#include "slv-server-migrate.h"
#include "slv-server-private.h"

#define MAX_QUERY_CHARS 200
#define DEFAULT_RESULTS 20
#define MAX_RESULTS     100

static char *
title_expression (const SlvSyncTablePolicy *table)
{
  GString *expr = g_string_new ("concat_ws (' '");
  guint n = 0;

  for (guint i = 0; i < table->n_fields && n < 2; i++)
    if (table->fields[i].flags & SLV_SYNC_FIELD_SEARCH)
      {
        g_string_append_printf (expr, ", t.\"%s\"", table->fields[i].name);
        n++;
      }
  g_string_append_c (expr, ')');
  return g_string_free (expr, FALSE);
}

static gboolean
table_wanted (const char *filter,
              const char *table)
{
  g_auto(GStrv) names = NULL;

  if (filter == NULL || *filter == '\0')
    return TRUE;
  names = g_strsplit (filter, ",", -1);
  return g_strv_contains ((const char * const *) names, table);
}

/* One branch per searchable table; identifiers come from the registry. */
static char *
search_sql (const char *filter)
{
  GString *sql = g_string_new (NULL);

  for (guint i = 0; i < slv_sync_policy_get_n_tables (); i++)
    {
      const SlvSyncTablePolicy *t = slv_sync_policy_get_table (i);
      g_autofree char *title = NULL;

      if (!slv_server_table_searchable (t) || !table_wanted (filter, t->name))
        continue;
      title = title_expression (t);
      g_string_append_printf (sql,
                              "%s(SELECT '%s' AS tbl, t.id::text AS id, s.bucket, %s AS title, "
                              "ts_rank (t.search, q) AS rank FROM \"%s\" t "
                              "JOIN sync_row s ON s.tbl = '%s' AND s.row_id = t.id, "
                              "websearch_to_tsquery ('simple', $1) q "
                              "WHERE t.search @@ q AND s.bucket = ANY ($2::text[]) AND NOT s.deleted "
                              "ORDER BY rank DESC LIMIT $3::int)",
                              sql->len ? " UNION ALL " : "", t->name, title, t->name, t->name);
    }
  if (sql->len == 0)
    return g_string_free (sql, TRUE);
  g_string_append (sql, " ORDER BY rank DESC, tbl, id LIMIT $3::int");
  return g_string_free (sql, FALSE);
}

static char *
array_literal (char **items)
{
  GString *out = g_string_new ("{");

  for (guint i = 0; items[i] != NULL; i++)
    {
      g_string_append (out, i ? ",\"" : "\"");
      g_string_append (out, items[i]);   /* bucket names: [a-z0-9:-] only */
      g_string_append_c (out, '"');
    }
  g_string_append_c (out, '}');
  return g_string_free (out, FALSE);
}

static void
reply_results (SlvRequest *req,
               const char *q,
               PGresult   *res)
{
  g_autofree char *now = slv_server_now_iso ();
  GString *out = g_string_new ("{\"query\":");

  slv_json_append_string (out, q);
  g_string_append (out, ",\"results\":[");
  for (int i = 0; res != NULL && i < PQntuples (res); i++)
    {
      g_string_append (out, i ? ",{\"table\":" : "{\"table\":");
      slv_json_append_string (out, slv_db_value (res, i, 0));
      g_string_append (out, ",\"row\":");
      slv_json_append_string (out, slv_db_value (res, i, 1));
      g_string_append (out, ",\"bucket\":");
      slv_json_append_string (out, slv_db_value (res, i, 2));
      g_string_append (out, ",\"title\":");
      slv_json_append_string (out, slv_db_value (res, i, 3));
      g_string_append_printf (out, ",\"rank\":%s}", slv_db_value (res, i, 4) ? slv_db_value (res, i, 4) : "0");
    }
  g_string_append (out, "],\"server_time\":");
  slv_json_append_string (out, now);
  g_string_append_c (out, '}');
  slv_request_reply_json (req, 200, g_string_free (out, FALSE));
}

void
slv_handle_search (SlvRequest *req)
{
  const char *q = slv_request_query (req, "q");
  const char *limit_text = slv_request_query (req, "limit");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) buckets = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *bucket_list = NULL;
  g_autofree char *limit = NULL;
  g_autoptr(PGresult) res = NULL;
  gint64 n = limit_text ? g_ascii_strtoll (limit_text, NULL, 10) : DEFAULT_RESULTS;

  if (q == NULL || *g_strstrip ((char *) q) == '\0' || g_utf8_strlen (q, -1) > MAX_QUERY_CHARS ||
      !g_utf8_validate (q, -1, NULL))
    {
      slv_request_fail (req, "bad_request", "Give the words to search for in “q” (1 to %d characters).",
                        MAX_QUERY_CHARS);
      return;
    }
  limit = g_strdup_printf ("%d", (int) CLAMP (n, 1, MAX_RESULTS));
  buckets = slv_principal_readable_buckets (req, &error);
  if (buckets == NULL)
    {
      slv_request_fail_internal (req, error);
      return;
    }
  sql = search_sql (slv_request_query (req, "table"));
  if (sql != NULL && buckets[0] != NULL)
    {
      const char *params[3];

      bucket_list = array_literal (buckets);
      params[0] = q;
      params[1] = bucket_list;
      params[2] = limit;
      res = slv_db_query (req->db, sql, 3, params, &error);
      if (res == NULL)
        {
          slv_request_fail_internal (req, error);
          return;
        }
    }
  reply_results (req, q, res);
}

void
slv_handle_health (SlvRequest *req)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) res = slv_db_query (req->db, "SELECT (SELECT max (level) FROM slv_migration), "
                                          "(SELECT seq FROM sync_counter WHERE id = 1)", 0, NULL, &error);
  g_autofree char *now = slv_server_now_iso ();

  if (res == NULL)
    {
      slv_log_event ("error", "health check failed", "error", error->message, NULL);
      slv_request_add_header (req, "Retry-After", "5");
      slv_request_fail (req, "unavailable", "The database is not ready; run selvedge-server migrate.");
      return;
    }
  slv_request_reply_json (req, 200,
                          g_strdup_printf ("{\"status\":\"ok\",\"version\":\"%s\",\"min_schema\":%d,"
                                           "\"max_schema\":%d,\"database_level\":%s,\"server_time\":\"%s\"}",
                                           PACKAGE_VERSION, SLV_SYNC_SCHEMA_MIN, SLV_SYNC_SCHEMA_MAX,
                                           slv_db_value (res, 0, 0) ? slv_db_value (res, 0, 0) : "0", now));
}
