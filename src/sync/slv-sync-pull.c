/* slv-sync-pull.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-sync"

#include "config.h"

#include <string.h>

#include "slv-sync-error.h"
#include "slv-sync-json.h"
#include "slv-sync-pull.h"
#include "slv-sync-push.h"

static void
field_value_free (SlvSyncFieldValue *fv)
{
  g_free (fv->field);
  g_clear_pointer (&fv->value, json_node_unref);
  g_free (fv->hlc);
  g_free (fv);
}

static void
eviction_free (SlvSyncEviction *e)
{
  g_free (e->table);
  g_free (e->row);
  g_free (e->bucket);
  g_free (e);
}

SlvSyncChange *
slv_sync_change_new (gint64      seq,
                     const char *bucket,
                     const char *table,
                     const char *row)
{
  SlvSyncChange *change = g_new0 (SlvSyncChange, 1);

  change->seq = seq;
  change->bucket = g_strdup (bucket);
  change->table = g_strdup (table);
  change->row = g_strdup (row);
  change->fields = g_ptr_array_new_with_free_func ((GDestroyNotify) field_value_free);
  return change;
}

void
slv_sync_change_free (SlvSyncChange *change)
{
  if (change == NULL)
    return;
  g_free (change->bucket);
  g_free (change->table);
  g_free (change->row);
  g_ptr_array_unref (change->fields);
  g_free (change);
}

void
slv_sync_change_add_field (SlvSyncChange *change,
                           const char    *field,
                           JsonNode      *value,
                           const char    *hlc)
{
  SlvSyncFieldValue *fv = g_new0 (SlvSyncFieldValue, 1);

  fv->field = g_strdup (field);
  fv->value = value ? json_node_ref (value) : json_node_new (JSON_NODE_NULL);
  fv->hlc = g_strdup (hlc);
  g_ptr_array_add (change->fields, fv);
}

SlvSyncFieldValue *
slv_sync_change_find_field (SlvSyncChange *change,
                            const char    *field)
{
  for (guint i = 0; i < change->fields->len; i++)
    {
      SlvSyncFieldValue *fv = g_ptr_array_index (change->fields, i);

      if (strcmp (fv->field, field) == 0)
        return fv;
    }
  return NULL;
}

SlvSyncPullPage *
slv_sync_pull_page_new (void)
{
  SlvSyncPullPage *page = g_new0 (SlvSyncPullPage, 1);

  page->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) slv_sync_change_free);
  page->evict = g_ptr_array_new_with_free_func ((GDestroyNotify) eviction_free);
  page->buckets_current = g_new0 (char *, 1);
  page->buckets_removed = g_new0 (char *, 1);
  page->resync = g_new0 (char *, 1);
  return page;
}

void
slv_sync_pull_page_free (SlvSyncPullPage *page)
{
  if (page == NULL)
    return;
  g_free (page->cursor);
  g_free (page->server_hlc);
  g_free (page->server_time);
  g_strfreev (page->buckets_current);
  g_strfreev (page->buckets_removed);
  g_ptr_array_unref (page->changes);
  g_ptr_array_unref (page->evict);
  g_strfreev (page->resync);
  g_free (page);
}

void
slv_sync_pull_write_change_begin (GString    *out,
                                  gboolean    first,
                                  gint64      seq,
                                  const char *bucket,
                                  const char *table,
                                  const char *row)
{
  g_string_append_printf (out, "%s{\"seq\":%" G_GINT64_FORMAT ",\"bucket\":", first ? "" : ",", seq);
  slv_json_append_string (out, bucket);
  g_string_append (out, ",\"table\":");
  slv_json_append_string (out, table);
  g_string_append (out, ",\"row\":");
  slv_json_append_string (out, row);
  g_string_append (out, ",\"fields\":{");
}

void
slv_sync_pull_write_field (GString    *out,
                           gboolean    first,
                           const char *field,
                           const char *value_json,
                           const char *hlc)
{
  if (!first)
    g_string_append_c (out, ',');
  slv_json_append_string (out, field);
  g_string_append (out, ":[");
  g_string_append (out, value_json ? value_json : "null");
  g_string_append_c (out, ',');
  slv_json_append_string (out, hlc);
  g_string_append_c (out, ']');
}

void
slv_sync_pull_write_change_end (GString *out)
{
  g_string_append (out, "}}");
}

void
slv_sync_pull_write_eviction (GString    *out,
                              gboolean    first,
                              gint64      seq,
                              const char *bucket,
                              const char *table,
                              const char *row)
{
  g_string_append_printf (out, "%s{\"seq\":%" G_GINT64_FORMAT ",\"table\":", first ? "" : ",", seq);
  slv_json_append_string (out, table);
  g_string_append (out, ",\"row\":");
  slv_json_append_string (out, row);
  if (bucket != NULL)
    {
      g_string_append (out, ",\"bucket\":");
      slv_json_append_string (out, bucket);
    }
  g_string_append_c (out, '}');
}

static void
append_strv (GString    *out,
             const char *name,
             char      **strv)
{
  slv_json_append_string (out, name);
  g_string_append (out, ":[");
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      slv_json_append_string (out, strv[i]);
    }
  g_string_append_c (out, ']');
}

char *
slv_sync_pull_page_to_json (SlvSyncPullPage *page)
{
  GString *out = g_string_new ("{\"cursor\":");

  slv_json_append_string (out, page->cursor);
  g_string_append_printf (out, ",\"checkpoint\":%" G_GINT64_FORMAT ",\"has_more\":%s,\"server_hlc\":",
                          page->checkpoint, page->has_more ? "true" : "false");
  slv_json_append_string (out, page->server_hlc);
  g_string_append (out, ",\"server_time\":");
  slv_json_append_string (out, page->server_time);
  g_string_append (out, ",\"buckets\":{");
  append_strv (out, "current", page->buckets_current);
  g_string_append_c (out, ',');
  append_strv (out, "removed", page->buckets_removed);
  g_string_append (out, "},\"changes\":[");
  for (guint i = 0; i < page->changes->len; i++)
    {
      SlvSyncChange *c = g_ptr_array_index (page->changes, i);

      slv_sync_pull_write_change_begin (out, i == 0, c->seq, c->bucket, c->table, c->row);
      for (guint j = 0; j < c->fields->len; j++)
        {
          SlvSyncFieldValue *fv = g_ptr_array_index (c->fields, j);
          g_autofree char *value = slv_json_node_to_text (fv->value);

          slv_sync_pull_write_field (out, j == 0, fv->field, value, fv->hlc);
        }
      slv_sync_pull_write_change_end (out);
    }
  g_string_append (out, "],\"evict\":[");
  for (guint i = 0; i < page->evict->len; i++)
    {
      SlvSyncEviction *e = g_ptr_array_index (page->evict, i);

      slv_sync_pull_write_eviction (out, i == 0, e->seq, e->bucket, e->table, e->row);
    }
  g_string_append (out, "],");
  append_strv (out, "resync", page->resync);
  g_string_append_c (out, '}');
  return g_string_free (out, FALSE);
}

static gboolean
read_fields (SlvSyncChange  *change,
             JsonObject     *fields,
             const char     *what,
             GError        **error)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  json_object_iter_init (&iter, fields);
  while (json_object_iter_next (&iter, &name, &node))
    {
      JsonArray *pair;
      JsonNode *hlc;

      if (!JSON_NODE_HOLDS_ARRAY (node) ||
          json_array_get_length (pair = json_node_get_array (node)) != 2 ||
          !slv_json_node_is_scalar (json_array_get_element (pair, 0)) ||
          !JSON_NODE_HOLDS_VALUE (hlc = json_array_get_element (pair, 1)) ||
          json_node_get_value_type (hlc) != G_TYPE_STRING)
        {
          g_set_error (error, SLV_SYNC_ERROR, SLV_SYNC_ERROR_INVALID,
                       "%s: field “%s” must be a [value, clock stamp] pair.", what, name);
          return FALSE;
        }
      if (!slv_sync_check_hlc (json_node_get_string (hlc), what, name, error))
        return FALSE;
      slv_sync_change_add_field (change, name, json_array_get_element (pair, 0),
                                 json_node_get_string (hlc));
    }
  return TRUE;
}

static SlvSyncChange *
change_from_object (JsonObject  *object,
                    guint        index,
                    GError     **error)
{
  g_autofree char *what = g_strdup_printf ("Change %u", index + 1);
  g_autoptr(SlvSyncChange) change = NULL;
  const char *bucket, *table, *row;
  JsonObject *fields;
  gint64 seq;

  if (!slv_json_get_int (object, "seq", what, &seq, error) ||
      (bucket = slv_json_get_string (object, "bucket", what, error)) == NULL ||
      (table = slv_json_get_string (object, "table", what, error)) == NULL ||
      (row = slv_json_get_string (object, "row", what, error)) == NULL ||
      !slv_sync_check_uuid (row, what, "row", error) ||
      (fields = slv_json_get_object (object, "fields", what, error)) == NULL)
    return NULL;
  change = slv_sync_change_new (seq, bucket, table, row);
  if (!read_fields (change, fields, what, error))
    return NULL;
  return g_steal_pointer (&change);
}

static gboolean
read_changes (SlvSyncPullPage  *page,
              JsonObject       *object,
              GError          **error)
{
  JsonArray *changes = slv_json_get_array (object, "changes", "Pull page", error);

  if (changes == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (changes); i++)
    {
      JsonObject *o = slv_json_array_get_object (changes, i, "Change", error);
      SlvSyncChange *c;

      if (o == NULL || (c = change_from_object (o, i, error)) == NULL)
        return FALSE;
      g_ptr_array_add (page->changes, c);
    }
  return TRUE;
}

static gboolean
read_evictions (SlvSyncPullPage  *page,
                JsonObject       *object,
                GError          **error)
{
  JsonArray *evict;

  if (!json_object_has_member (object, "evict"))
    return TRUE;
  if ((evict = slv_json_get_array (object, "evict", "Pull page", error)) == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (evict); i++)
    {
      JsonObject *o = slv_json_array_get_object (evict, i, "Eviction", error);
      const char *table, *row, *bucket;
      SlvSyncEviction *e;
      gint64 seq = 0;

      if (o == NULL ||
          (table = slv_json_get_string (o, "table", "Eviction", error)) == NULL ||
          (row = slv_json_get_string (o, "row", "Eviction", error)) == NULL ||
          !slv_sync_check_uuid (row, "Eviction", "row", error) ||
          !slv_json_get_string_opt (o, "bucket", "Eviction", &bucket, error) ||
          (json_object_has_member (o, "seq") && !slv_json_get_int (o, "seq", "Eviction", &seq, error)))
        return FALSE;
      e = g_new0 (SlvSyncEviction, 1);
      e->seq = seq;
      e->table = g_strdup (table);
      e->row = g_strdup (row);
      e->bucket = g_strdup (bucket);
      g_ptr_array_add (page->evict, e);
    }
  return TRUE;
}

static gboolean
read_buckets (SlvSyncPullPage  *page,
              JsonObject       *object,
              GError          **error)
{
  JsonObject *buckets = slv_json_get_object (object, "buckets", "Pull page", error);

  if (buckets == NULL)
    return FALSE;
  g_strfreev (page->buckets_current);
  g_strfreev (page->buckets_removed);
  g_strfreev (page->resync);
  page->buckets_current = slv_json_get_strv (buckets, "current", "Pull page buckets", error);
  page->buckets_removed = page->buckets_current
    ? slv_json_get_strv (buckets, "removed", "Pull page buckets", error) : NULL;
  page->resync = page->buckets_removed
    ? slv_json_get_strv (object, "resync", "Pull page", error) : NULL;
  return page->resync != NULL;
}

SlvSyncPullPage *
slv_sync_pull_page_from_json (const char  *data,
                              gsize        length,
                              GError     **error)
{
  const char *what = "Pull page";
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(SlvSyncPullPage) page = NULL;
  JsonObject *object;
  const char *cursor, *opt;

  if ((root = slv_json_parse (data, length, error)) == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, SLV_SYNC_ERROR, SLV_SYNC_ERROR_INVALID,
                           "A pull page must be a JSON object.");
      return NULL;
    }
  object = json_node_get_object (root);
  page = slv_sync_pull_page_new ();
  if ((cursor = slv_json_get_string (object, "cursor", what, error)) == NULL ||
      !slv_json_get_int (object, "checkpoint", what, &page->checkpoint, error) ||
      !slv_json_get_bool (object, "has_more", what, &page->has_more, error) ||
      !slv_json_get_string_opt (object, "server_hlc", what, &opt, error) ||
      (opt != NULL && !slv_sync_check_hlc (opt, what, "server_hlc", error)))
    return NULL;
  page->cursor = g_strdup (cursor);
  page->server_hlc = g_strdup (opt);
  if (!slv_json_get_string_opt (object, "server_time", what, &opt, error))
    return NULL;
  page->server_time = g_strdup (opt);
  if (!read_buckets (page, object, error) || !read_changes (page, object, error) ||
      !read_evictions (page, object, error))
    return NULL;
  return g_steal_pointer (&page);
}
