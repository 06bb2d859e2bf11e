/* slv-sync-cursor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-sync"

#include "config.h"

#include <string.h>

#include "slv-sync-cursor.h"
#include "slv-sync-error.h"
#include "slv-sync-json.h"

#define MAX_BUCKET_LEN 256

struct _SlvSyncCursor
{
  GHashTable *positions;   /* bucket → gint64* */
};

SlvSyncCursor *
slv_sync_cursor_new (void)
{
  SlvSyncCursor *cursor = g_new0 (SlvSyncCursor, 1);

  cursor->positions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return cursor;
}

void
slv_sync_cursor_free (SlvSyncCursor *cursor)
{
  if (cursor == NULL)
    return;
  g_hash_table_unref (cursor->positions);
  g_free (cursor);
}

void
slv_sync_cursor_set (SlvSyncCursor *cursor,
                     const char    *bucket,
                     gint64         seq)
{
  g_hash_table_replace (cursor->positions, g_strdup (bucket), g_memdup2 (&seq, sizeof seq));
}

void
slv_sync_cursor_remove (SlvSyncCursor *cursor,
                        const char    *bucket)
{
  g_hash_table_remove (cursor->positions, bucket);
}

gboolean
slv_sync_cursor_lookup (SlvSyncCursor *cursor,
                        const char    *bucket,
                        gint64        *seq)
{
  gint64 *value = g_hash_table_lookup (cursor->positions, bucket);

  if (value == NULL)
    return FALSE;
  *seq = *value;
  return TRUE;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

char **
slv_sync_cursor_dup_buckets (SlvSyncCursor *cursor)
{
  guint n = 0;
  char **buckets = (char **) g_hash_table_get_keys_as_array (cursor->positions, &n);
  char **copy = g_new0 (char *, n + 1);

  qsort (buckets, n, sizeof (char *), compare_strings);
  for (guint i = 0; i < n; i++)
    copy[i] = g_strdup (buckets[i]);
  g_free (buckets);
  return copy;
}

guint
slv_sync_cursor_get_size (SlvSyncCursor *cursor)
{
  return g_hash_table_size (cursor->positions);
}

char *
slv_base64url_encode (const guint8 *data,
                      gsize         len)
{
  char *text = g_base64_encode (data, len);
  char *w = text;

  for (char *p = text; *p != '\0'; p++)
    {
      if (*p == '=')
        continue;
      *w++ = *p == '+' ? '-' : *p == '/' ? '_' : *p;
    }
  *w = '\0';
  return text;
}

guint8 *
slv_base64url_decode (const char *text,
                      gsize       text_len,
                      gsize      *out_len)
{
  g_autofree char *std = NULL;
  gsize padded;

  if (text_len % 4 == 1)
    return NULL;
  padded = text_len + (4 - text_len % 4) % 4;
  std = g_malloc (padded + 1);
  for (gsize i = 0; i < text_len; i++)
    {
      char ch = text[i];

      if (g_ascii_isalnum (ch))
        std[i] = ch;
      else if (ch == '-')
        std[i] = '+';
      else if (ch == '_')
        std[i] = '/';
      else
        return NULL;
    }
  for (gsize i = text_len; i < padded; i++)
    std[i] = '=';
  std[padded] = '\0';
  if (padded == 0)
    {
      *out_len = 0;
      return g_malloc0 (1);
    }
  return g_base64_decode (std, out_len);
}

gboolean
slv_constant_time_equal (const guint8 *a,
                         gsize         a_len,
                         const guint8 *b,
                         gsize         b_len)
{
  volatile guint8 diff = 0;

  if (a_len != b_len)
    return FALSE;
  for (gsize i = 0; i < a_len; i++)
    diff |= a[i] ^ b[i];
  return diff == 0;
}

void
slv_hmac_sha256 (const guint8 *key,
                 gsize         key_len,
                 const guint8 *data,
                 gsize         len,
                 guint8        tag[32])
{
  g_autoptr(GHmac) hmac = g_hmac_new (G_CHECKSUM_SHA256, key, key_len);
  gsize tag_len = 32;

  g_hmac_update (hmac, data, len);
  g_hmac_get_digest (hmac, tag, &tag_len);
}

char *
slv_sync_cursor_encode (SlvSyncCursor *cursor,
                        const guint8  *key,
                        gsize          key_len)
{
  g_auto(GStrv) buckets = slv_sync_cursor_dup_buckets (cursor);
  g_autoptr(GString) json = g_string_new ("{\"v\":1,\"b\":{");
  g_autofree char *payload = NULL;
  g_autofree char *tag_text = NULL;
  guint8 tag[32];

  for (guint i = 0; buckets[i] != NULL; i++)
    {
      gint64 seq = 0;

      slv_sync_cursor_lookup (cursor, buckets[i], &seq);
      if (i > 0)
        g_string_append_c (json, ',');
      slv_json_append_string (json, buckets[i]);
      g_string_append_printf (json, ":%" G_GINT64_FORMAT, seq);
    }
  g_string_append (json, "}}");
  payload = slv_base64url_encode ((const guint8 *) json->str, json->len);
  slv_hmac_sha256 (key, key_len, (const guint8 *) payload, strlen (payload), tag);
  tag_text = slv_base64url_encode (tag, sizeof tag);
  return g_strconcat (payload, ".", tag_text, NULL);
}

static gboolean
read_positions (SlvSyncCursor  *cursor,
                JsonNode       *root,
                GError        **error)
{
  JsonObject *object, *b;
  JsonObjectIter iter;
  const char *bucket;
  JsonNode *node;
  gint64 v;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    goto invalid;
  object = json_node_get_object (root);
  if (!slv_json_get_int (object, "v", "Cursor", &v, NULL) || v != 1 ||
      (b = slv_json_get_object (object, "b", "Cursor", NULL)) == NULL)
    goto invalid;
  json_object_iter_init (&iter, b);
  while (json_object_iter_next (&iter, &bucket, &node))
    {
      gsize len = strlen (bucket);

      if (len == 0 || len > MAX_BUCKET_LEN || !JSON_NODE_HOLDS_VALUE (node) ||
          json_node_get_value_type (node) != G_TYPE_INT64 || json_node_get_int (node) < 0)
        goto invalid;
      slv_sync_cursor_set (cursor, bucket, json_node_get_int (node));
    }
  return TRUE;

invalid:
  g_set_error_literal (error, SLV_SYNC_ERROR, SLV_SYNC_ERROR_INVALID,
                       "The sync cursor is not one this server wrote; pull without a cursor to start over.");
  return FALSE;
}

SlvSyncCursor *
slv_sync_cursor_decode (const char    *text,
                        const guint8  *key,
                        gsize          key_len,
                        GError       **error)
{
  g_autoptr(SlvSyncCursor) cursor = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree guint8 *tag = NULL;
  g_autofree guint8 *json = NULL;
  const char *dot;
  guint8 expected[32];
  gsize tag_len = 0, json_len = 0, len;

  len = text ? strlen (text) : 0;
  dot = text ? strchr (text, '.') : NULL;
  if (len == 0 || len > SLV_SYNC_CURSOR_MAX_LEN || dot == NULL ||
      (tag = slv_base64url_decode (dot + 1, len - (dot + 1 - text), &tag_len)) == NULL)
    {
      g_set_error_literal (error, SLV_SYNC_ERROR, SLV_SYNC_ERROR_INVALID,
                           "The sync cursor is malformed; pull without a cursor to start over.");
      return NULL;
    }
  slv_hmac_sha256 (key, key_len, (const guint8 *) text, dot - text, expected);
  if (!slv_constant_time_equal (tag, tag_len, expected, sizeof expected))
    {
      g_set_error_literal (error, SLV_SYNC_ERROR, SLV_SYNC_ERROR_SIGNATURE,
                           "The sync cursor was altered or signed with another key; "
                           "pull without a cursor to start over.");
      return NULL;
    }
  json = slv_base64url_decode (text, dot - text, &json_len);
  cursor = slv_sync_cursor_new ();
  if (json == NULL || (root = slv_json_parse ((const char *) json, json_len, NULL)) == NULL ||
      !read_positions (cursor, root, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, SLV_SYNC_ERROR, SLV_SYNC_ERROR_INVALID,
                             "The sync cursor is malformed; pull without a cursor to start over.");
      return NULL;
    }
  return g_steal_pointer (&cursor);
}
