/* slv-server-pull.c: GET /v1/sync/pull (SYNC-PROTOCOL.md §6).
 *
 * One REPEATABLE READ snapshot per page. Sequence numbers are taken in
 * commit order, so the snapshot holds every seq up to sync_counter and none
 * after: a page that ends on a whole seq never skips or splits a batch.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-server"

#include "config.h"

#include <string.h>

#include "slv-server-private.h"

typedef struct
{
  char          **buckets;    /* readable now, sorted */
  GPtrArray      *removed;    /* in the cursor, readable no more */
  GPtrArray      *resync;     /* cursor below the bucket's GC floor */
  GPtrArray      *params;     /* bucket, position, bucket, position, … */
  SlvSyncCursor  *cursor;     /* positions in, then out */
  gint64          counter;    /* highest committed seq in the snapshot */
  gint64          end;        /* last seq of this page */
  gboolean        has_more;
} PullPage;

static void
pull_page_clear (PullPage *page)
{
  g_strfreev (page->buckets);
  g_clear_pointer (&page->removed, g_ptr_array_unref);
  g_clear_pointer (&page->resync, g_ptr_array_unref);
  g_clear_pointer (&page->params, g_ptr_array_unref);
  g_clear_pointer (&page->cursor, slv_sync_cursor_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PullPage, pull_page_clear)

static gboolean
read_cursor (SlvRequest *req,
             PullPage   *page)
{
  const char *text = slv_request_query (req, "cursor");
  g_autoptr(GError) error = NULL;

  if (text == NULL || *text == '\0')
    {
      page->cursor = slv_sync_cursor_new ();
      return TRUE;
    }
  page->cursor = slv_sync_cursor_decode (text, req->server->cursor_key, sizeof req->server->cursor_key, &error);
  if (page->cursor == NULL)
    slv_request_fail (req, "bad_request", "%s", error->message);
  return page->cursor != NULL;
}

static gboolean
load_floors (SlvRequest  *req,
             PullPage    *page,
             GHashTable  *floors,
             GError     **error)
{
  g_autoptr(GString) list = g_string_new ("{");
  g_autoptr(PGresult) res = NULL;
  const char *params[1];

  for (guint i = 0; page->buckets[i] != NULL; i++)
    g_string_append_printf (list, "%s\"%s\"", i ? "," : "", page->buckets[i]);
  g_string_append_c (list, '}');
  params[0] = list->str;
  res = slv_db_query (req->db, "SELECT bucket, gc_floor FROM sync_bucket_gc WHERE bucket = ANY ($1::text[]) "
                      "AND gc_floor > 0", 1, params, error);
  for (int i = 0; res != NULL && i < PQntuples (res); i++)
    g_hash_table_insert (floors, g_strdup (slv_db_value (res, i, 0)),
                         g_memdup2 (&(gint64) { slv_db_int (res, i, 1) }, sizeof (gint64)));
  return res != NULL;
}

/* Buckets gained start at 0, lost ones are reported, stale ones resync. */
static gboolean
plan_buckets (SlvRequest  *req,
              PullPage    *page,
              GError     **error)
{
  g_autoptr(GHashTable) floors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_auto(GStrv) before = slv_sync_cursor_dup_buckets (page->cursor);

  page->removed = g_ptr_array_new_with_free_func (g_free);
  page->resync = g_ptr_array_new_with_free_func (g_free);
  page->params = g_ptr_array_new_with_free_func (g_free);
  if ((page->buckets = slv_principal_readable_buckets (req, error)) == NULL ||
      !load_floors (req, page, floors, error))
    return FALSE;
  for (guint i = 0; before[i] != NULL; i++)
    if (!g_strv_contains ((const char * const *) page->buckets, before[i]))
      {
        g_ptr_array_add (page->removed, g_strdup (before[i]));
        slv_sync_cursor_remove (page->cursor, before[i]);
      }
  for (guint i = 0; page->buckets[i] != NULL; i++)
    {
      const char *b = page->buckets[i];
      gint64 pos = 0, *floor = g_hash_table_lookup (floors, b);

      slv_sync_cursor_lookup (page->cursor, b, &pos);
      if (floor != NULL && pos > 0 && pos < *floor)
        {
          g_ptr_array_add (page->resync, g_strdup (b));
          slv_sync_cursor_set (page->cursor, b, 0);
          continue;
        }
      slv_sync_cursor_set (page->cursor, b, pos);
      g_ptr_array_add (page->params, g_strdup (b));
      g_ptr_array_add (page->params, g_strdup_printf ("%" G_GINT64_FORMAT, pos));
    }
  return TRUE;
}

/* One index range per bucket, with the values inlined as parameters so the
 * planner walks (bucket, seq) instead of scanning. @tail follows. */
static char *
per_bucket_sql (PullPage   *page,
                const char *branch,
                const char *tail)
{
  GString *sql = g_string_new (NULL);
  guint n = page->params->len / 2;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *b = g_strdup_printf ("$%u", 2 * i + 1);
      g_autofree char *a = g_strdup_printf ("$%u", 2 * i + 2);
      g_auto(GStrv) parts = g_strsplit (branch, "@", -1);

      /* the branch uses @B for the bucket, @A for the position */
      g_string_append (sql, i ? " UNION ALL (" : "(");
      for (guint j = 0; parts[j] != NULL; j++)
        {
          if (j > 0)
            {
              g_string_append (sql, parts[j][0] == 'B' ? b : a);
              g_string_append (sql, parts[j] + 1);
            }
          else
            g_string_append (sql, parts[j]);
        }
      g_string_append_c (sql, ')');
    }
  g_string_append (sql, tail);
  return g_string_free (sql, FALSE);
}

static PGresult *
run_per_bucket (SlvRequest  *req,
                PullPage    *page,
                const char  *sql,
                const char  *extra,
                GError     **error)
{
  g_autoptr(GPtrArray) params = g_ptr_array_new ();

  for (guint i = 0; i < page->params->len; i++)
    g_ptr_array_add (params, page->params->pdata[i]);
  g_ptr_array_add (params, (gpointer) extra);
  return slv_db_query (req->db, sql, params->len, (const char * const *) params->pdata, error);
}

/* Where this page ends: at the seq of its limit-th entry, taken whole. */
static gboolean
find_end (SlvRequest  *req,
          PullPage    *page,
          int          limit,
          GError     **error)
{
  g_autofree char *limit_text = g_strdup_printf ("%d", limit);
  g_autofree char *tail = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(PGresult) counter = slv_db_query (req->db, "SELECT seq FROM sync_counter WHERE id = 1", 0, NULL, error);
  g_autoptr(PGresult) res = NULL;
  guint k = page->params->len + 1;

  if (counter == NULL)
    return FALSE;
  page->counter = slv_db_int (counter, 0, 0);
  page->end = page->counter;
  if (page->params->len == 0)
    return TRUE;
  tail = g_strdup_printf (" ORDER BY 1 OFFSET $%u::int - 1 LIMIT 2", k);
  {
    g_autofree char *branch = g_strdup_printf ("SELECT seq FROM sync_field WHERE bucket = @B AND seq > @A::bigint "
                                               "ORDER BY seq LIMIT $%u::int + 1) UNION ALL "
                                               "(SELECT seq FROM sync_removal WHERE bucket = @B AND seq > @A::bigint "
                                               "ORDER BY seq LIMIT $%u::int + 1", k, k);

    sql = per_bucket_sql (page, branch, tail);
  }
  res = run_per_bucket (req, page, sql, limit_text, error);
  if (res == NULL)
    return FALSE;
  if (PQntuples (res) == 2)
    {
      page->end = slv_db_int (res, 0, 0);
      page->has_more = TRUE;
    }
  return TRUE;
}

static int
compare_fields (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  PGresult *res = user_data;
  int ra = *(const int *) a, rb = *(const int *) b;
  gint64 sa = g_ascii_strtoll (PQgetvalue (res, ra, 0), NULL, 10);
  gint64 sb = g_ascii_strtoll (PQgetvalue (res, rb, 0), NULL, 10);
  int c;

  if (sa != sb)
    return sa < sb ? -1 : 1;
  for (int col = 2; col <= 4; col++)
    if ((c = strcmp (PQgetvalue (res, ra, col), PQgetvalue (res, rb, col))) != 0)
      return c;
  return 0;
}

/* Row numbers of @fields in (seq, table, row, field) order. */
static int *
sorted_rows (PGresult *fields)
{
  int n = PQntuples (fields);
  int *order = g_new (int, MAX (n, 1));

  for (int i = 0; i < n; i++)
    order[i] = i;
  g_qsort_with_data (order, n, sizeof (int), compare_fields, fields);
  return order;
}

static void
write_changes (GString  *out,
               PGresult *fields)
{
  g_autofree int *order = sorted_rows (fields);
  const char *seq = NULL, *tbl = NULL, *row = NULL;
  gboolean first_change = TRUE;

  g_string_append (out, ",\"changes\":[");
  for (int k = 0; k < PQntuples (fields); k++)
    {
      int i = order[k];
      const char *s = PQgetvalue (fields, i, 0), *t = PQgetvalue (fields, i, 2), *r = PQgetvalue (fields, i, 3);
      gboolean same = seq && strcmp (seq, s) == 0 && strcmp (tbl, t) == 0 && strcmp (row, r) == 0;

      if (!same)
        {
          if (!first_change)
            slv_sync_pull_write_change_end (out);
          slv_sync_pull_write_change_begin (out, first_change, g_ascii_strtoll (s, NULL, 10),
                                            PQgetvalue (fields, i, 1), t, r);
          first_change = FALSE;
          seq = s, tbl = t, row = r;
        }
      slv_sync_pull_write_field (out, !same, PQgetvalue (fields, i, 4), PQgetvalue (fields, i, 5),
                                 PQgetvalue (fields, i, 6));
    }
  if (!first_change)
    slv_sync_pull_write_change_end (out);
  g_string_append_c (out, ']');
}

/* Evictions, except for rows this page brings back later. */
static void
write_evictions (GString  *out,
                 PGresult *removals,
                 PGresult *fields)
{
  g_autoptr(GHashTable) latest = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  gboolean first = TRUE;

  for (int i = 0; i < PQntuples (fields); i++)
    g_hash_table_replace (latest, g_strconcat (PQgetvalue (fields, i, 1), "/", PQgetvalue (fields, i, 2), "/",
                                               PQgetvalue (fields, i, 3), NULL),
                          g_memdup2 (&(gint64) { g_ascii_strtoll (PQgetvalue (fields, i, 0), NULL, 10) },
                                     sizeof (gint64)));
  g_string_append (out, ",\"evict\":[");
  for (int i = 0; i < PQntuples (removals); i++)
    {
      g_autofree char *key = g_strconcat (PQgetvalue (removals, i, 1), "/", PQgetvalue (removals, i, 2), "/",
                                          PQgetvalue (removals, i, 3), NULL);
      gint64 seq = g_ascii_strtoll (PQgetvalue (removals, i, 0), NULL, 10);
      gint64 *back = g_hash_table_lookup (latest, key);

      if (back != NULL && *back > seq)
        continue;
      slv_sync_pull_write_eviction (out, first, seq, PQgetvalue (removals, i, 1),
                                    PQgetvalue (removals, i, 2), PQgetvalue (removals, i, 3));
      first = FALSE;
    }
  g_string_append_c (out, ']');
}

static void
append_list (GString    *out,
             const char *name,
             char      **items,
             guint       n)
{
  g_string_append_printf (out, "\"%s\":[", name);
  for (guint i = 0; i < n && items[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      slv_json_append_string (out, items[i]);
    }
  g_string_append_c (out, ']');
}

static char *
page_json (SlvRequest *req,
           PullPage   *page,
           PGresult   *fields,
           PGresult   *removals)
{
  g_autofree char *cursor = NULL;
  g_autofree char *now = slv_server_now_iso ();
  GString *out = g_string_sized_new (256 + PQntuples (fields) * 120);
  SlvHlc hlc;
  char hlc_text[SLV_HLC_TEXT_LEN + 1];

  for (guint i = 0; page->buckets[i] != NULL; i++)
    {
      gint64 pos = 0;

      if (g_ptr_array_find_with_equal_func (page->resync, page->buckets[i], g_str_equal, NULL))
        continue;
      slv_sync_cursor_lookup (page->cursor, page->buckets[i], &pos);
      slv_sync_cursor_set (page->cursor, page->buckets[i], MAX (pos, page->end));
    }
  cursor = slv_sync_cursor_encode (page->cursor, req->server->cursor_key, sizeof req->server->cursor_key);
  slv_hlc_clock_tick (req->server->clock, &hlc);
  slv_hlc_format (&hlc, hlc_text);
  g_string_append (out, "{\"cursor\":");
  slv_json_append_string (out, cursor);
  g_string_append_printf (out, ",\"checkpoint\":%" G_GINT64_FORMAT ",\"has_more\":%s,\"server_hlc\":\"%s\","
                          "\"server_time\":\"%s\",\"buckets\":{", page->end, page->has_more ? "true" : "false",
                          hlc_text, now);
  append_list (out, "current", page->buckets, G_MAXUINT);
  g_string_append_c (out, ',');
  append_list (out, "removed", (char **) page->removed->pdata, page->removed->len);
  g_string_append_c (out, '}');
  write_changes (out, fields);
  write_evictions (out, removals, fields);
  g_string_append_c (out, ',');
  append_list (out, "resync", (char **) page->resync->pdata, page->resync->len);
  g_string_append_c (out, '}');
  return g_string_free (out, FALSE);
}

static gboolean
fetch (SlvRequest  *req,
       PullPage    *page,
       PGresult   **fields,
       PGresult   **removals,
       GError     **error)
{
  g_autofree char *end = g_strdup_printf ("%" G_GINT64_FORMAT, page->end);
  guint k = page->params->len + 1;
  g_autofree char *fields_branch = g_strdup_printf (
    "SELECT seq, bucket, tbl, row_id::text, field, coalesce (value::text, 'null'), hlc FROM sync_field "
    "WHERE bucket = @B AND seq > @A::bigint AND seq <= $%u::bigint", k);
  g_autofree char *removals_branch = g_strdup_printf (
    "SELECT seq, bucket, tbl, row_id::text FROM sync_removal "
    "WHERE bucket = @B AND seq > @A::bigint AND seq <= $%u::bigint", k);
  g_autofree char *fields_sql = NULL;
  g_autofree char *removals_sql = NULL;

  if (page->params->len == 0)
    {
      *fields = slv_db_query (req->db, "SELECT 1 WHERE false", 0, NULL, error);
      *removals = *fields ? slv_db_query (req->db, "SELECT 1 WHERE false", 0, NULL, error) : NULL;
      return *removals != NULL;
    }
  /* sorted in C: PostgreSQL sorting wide rows costs more than the scan */
  fields_sql = per_bucket_sql (page, fields_branch, "");
  removals_sql = per_bucket_sql (page, removals_branch, " ORDER BY 1, 3, 4");
  *fields = run_per_bucket (req, page, fields_sql, end, error);
  if (*fields == NULL)
    return FALSE;
  *removals = run_per_bucket (req, page, removals_sql, end, error);
  return *removals != NULL;
}

static int
read_limit (SlvRequest *req)
{
  const char *text = slv_request_query (req, "limit");
  gint64 limit = text ? g_ascii_strtoll (text, NULL, 10) : SLV_SYNC_PULL_DEFAULT_LIMIT;

  return (int) CLAMP (limit, 1, SLV_SYNC_PULL_MAX_LIMIT);
}

void
slv_handle_pull (SlvRequest *req)
{
  g_auto(PullPage) page = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) fields = NULL;
  g_autoptr(PGresult) removals = NULL;

  if (!read_cursor (req, &page))
    return;
  if (!slv_db_run (req->db, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", &error) ||
      !plan_buckets (req, &page, &error) ||
      !find_end (req, &page, read_limit (req), &error) ||
      !fetch (req, &page, &fields, &removals, &error) ||
      !slv_db_run (req->db, "COMMIT", &error))
    {
      slv_request_fail_internal (req, error);
      return;
    }
  slv_request_reply_json (req, 200, page_json (req, &page, fields, removals));
}
