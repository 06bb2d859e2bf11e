/* slv-sync-json.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-sync"

#include "config.h"

#include <math.h>
#include <string.h>

#include "slv-sync-error.h"
#include "slv-sync-json.h"

void
slv_json_append_string (GString    *out,
                        const char *text)
{
  static const char hex[] = "0123456789abcdef";
  const char *run;

  if (text == NULL)
    {
      g_string_append (out, "null");
      return;
    }
  g_string_append_c (out, '"');
  run = text;
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar ch = (guchar) *p;

      if (ch >= 0x20 && ch != '"' && ch != '\\')
        continue;
      g_string_append_len (out, run, p - run);
      run = p + 1;
      switch (ch)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          g_string_append (out, "\\u00");
          g_string_append_c (out, hex[ch >> 4]);
          g_string_append_c (out, hex[ch & 0xf]);
          break;
        }
    }
  g_string_append (out, run);
  g_string_append_c (out, '"');
}

static void
append_double (GString *out,
               double   v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (v))
    {
      g_string_append (out, "null");
      return;
    }
  g_ascii_formatd (buf, sizeof buf, "%.17g", v);
  /* Keep it a JSON number that reads back as a double. */
  g_string_append (out, buf);
  if (strpbrk (buf, ".eE") == NULL)
    g_string_append (out, ".0");
}

void
slv_json_append_node (GString  *out,
                      JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      g_string_append (out, "null");
      return;
    }
  if (JSON_NODE_HOLDS_VALUE (node))
    {
      GType type = json_node_get_value_type (node);

      if (type == G_TYPE_STRING)
        slv_json_append_string (out, json_node_get_string (node));
      else if (type == G_TYPE_INT64)
        g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
      else if (type == G_TYPE_DOUBLE)
        append_double (out, json_node_get_double (node));
      else if (type == G_TYPE_BOOLEAN)
        g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
      else
        g_string_append (out, "null");
      return;
    }
  {
    g_autofree char *text = json_to_string (node, FALSE);

    g_string_append (out, text);
  }
}

char *
slv_json_node_to_text (JsonNode *node)
{
  GString *out = g_string_new (NULL);

  slv_json_append_node (out, node);
  return g_string_free (out, FALSE);
}

JsonNode *
slv_json_parse (const char  *data,
                gsize        length,
                GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  if (data == NULL || length == 0)
    {
      g_set_error_literal (error, SLV_SYNC_ERROR, SLV_SYNC_ERROR_INVALID,
                           "The request body is empty; expected a JSON document.");
      return NULL;
    }
  if (memchr (data, '\0', length) != NULL || !g_utf8_validate_len (data, length, NULL))
    {
      g_set_error_literal (error, SLV_SYNC_ERROR, SLV_SYNC_ERROR_INVALID,
                           "The body is not valid UTF-8 JSON text.");
      return NULL;
    }
  if (!json_parser_load_from_data (parser, data, (gssize) length, &local_error))
    {
      g_set_error (error, SLV_SYNC_ERROR, SLV_SYNC_ERROR_INVALID,
                   "The body is not valid JSON: %s", local_error->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_set_error_literal (error, SLV_SYNC_ERROR, SLV_SYNC_ERROR_INVALID,
                           "The body holds no JSON value.");
      return NULL;
    }
  return json_node_ref (root);
}

static JsonNode *
member (JsonObject *object,
        const char *name)
{
  return object != NULL ? json_object_get_member (object, name) : NULL;
}

static void
set_type_error (GError     **error,
                const char  *what,
                const char  *name,
                const char  *expected)
{
  g_set_error (error, SLV_SYNC_ERROR, SLV_SYNC_ERROR_INVALID,
               "%s: “%s” must be %s.", what, name, expected);
}

const char *
slv_json_get_string (JsonObject  *object,
                     const char  *name,
                     const char  *what,
                     GError     **error)
{
  JsonNode *node = member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    {
      set_type_error (error, what, name, "a string");
      return NULL;
    }
  return json_node_get_string (node);
}

gboolean
slv_json_get_string_opt (JsonObject  *object,
                         const char  *name,
                         const char  *what,
                         const char **out,
                         GError     **error)
{
  JsonNode *node = member (object, name);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      set_type_error (error, what, name, "a string or null");
      return FALSE;
    }
  *out = json_node_get_string (node);
  return TRUE;
}

gboolean
slv_json_get_int (JsonObject  *object,
                  const char  *name,
                  const char  *what,
                  gint64      *out,
                  GError     **error)
{
  JsonNode *node = member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64)
    {
      set_type_error (error, what, name, "an integer");
      return FALSE;
    }
  *out = json_node_get_int (node);
  return TRUE;
}

gboolean
slv_json_get_bool (JsonObject  *object,
                   const char  *name,
                   const char  *what,
                   gboolean    *out,
                   GError     **error)
{
  JsonNode *node = member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      set_type_error (error, what, name, "true or false");
      return FALSE;
    }
  *out = json_node_get_boolean (node);
  return TRUE;
}

JsonArray *
slv_json_get_array (JsonObject  *object,
                    const char  *name,
                    const char  *what,
                    GError     **error)
{
  JsonNode *node = member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      set_type_error (error, what, name, "an array");
      return NULL;
    }
  return json_node_get_array (node);
}

JsonObject *
slv_json_get_object (JsonObject  *object,
                     const char  *name,
                     const char  *what,
                     GError     **error)
{
  JsonNode *node = member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      set_type_error (error, what, name, "an object");
      return NULL;
    }
  return json_node_get_object (node);
}

JsonObject *
slv_json_array_get_object (JsonArray   *array,
                           guint        i,
                           const char  *what,
                           GError     **error)
{
  JsonNode *node = json_array_get_element (array, i);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, SLV_SYNC_ERROR, SLV_SYNC_ERROR_INVALID,
                   "%s %u is not a JSON object.", what, i + 1);
      return NULL;
    }
  return json_node_get_object (node);
}

char **
slv_json_get_strv (JsonObject  *object,
                   const char  *name,
                   const char  *what,
                   GError     **error)
{
  JsonNode *node = member (object, name);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_strv_builder_end (builder);
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      set_type_error (error, what, name, "an array of strings");
      return NULL;
    }
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *e = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (e) || json_node_get_value_type (e) != G_TYPE_STRING)
        {
          set_type_error (error, what, name, "an array of strings");
          return NULL;
        }
      g_strv_builder_add (builder, json_node_get_string (e));
    }
  return g_strv_builder_end (builder);
}

gboolean
slv_json_node_is_scalar (JsonNode *node)
{
  return node != NULL && (JSON_NODE_HOLDS_NULL (node) || JSON_NODE_HOLDS_VALUE (node));
}
