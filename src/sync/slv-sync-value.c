/* slv-sync-value.c: wire-type checks of field values.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-sync"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/slv-uuid.h"
#include "slv-sync-error.h"
#include "slv-sync-json.h"
#include "slv-sync-policy.h"

#define MAX_TEXT_BYTES    (256 * 1024)
#define MAX_DECIMAL_CHARS 40

static gboolean
digits (const char *p,
        int         n)
{
  for (int i = 0; i < n; i++)
    if (!g_ascii_isdigit (p[i]))
      return FALSE;
  return TRUE;
}

static gboolean
is_decimal (const char *s)
{
  gsize len = strlen (s);
  const char *p = s;
  gboolean seen_digit = FALSE;

  if (len == 0 || len > MAX_DECIMAL_CHARS)
    return FALSE;
  if (*p == '-')
    p++;
  for (; g_ascii_isdigit (*p); p++)
    seen_digit = TRUE;
  if (*p == '.')
    {
      gboolean fraction = FALSE;

      for (p++; g_ascii_isdigit (*p); p++)
        fraction = TRUE;
      if (!fraction)
        return FALSE;
    }
  return seen_digit && *p == '\0';
}

static gboolean
is_date (const char *s)
{
  int m, d;

  if (strlen (s) != 10 || !digits (s, 4) || s[4] != '-' || !digits (s + 5, 2) || s[7] != '-' ||
      !digits (s + 8, 2))
    return FALSE;
  m = (s[5] - '0') * 10 + (s[6] - '0');
  d = (s[8] - '0') * 10 + (s[9] - '0');
  return m >= 1 && m <= 12 && d >= 1 && d <= 31 &&
         g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) atoi (s));
}

/* 2025-03-14T09:26:53Z or with .mmm milliseconds, UTC only. */
static gboolean
is_timestamp (const char *s)
{
  gsize len = strlen (s);
  g_autofree char *date = NULL;

  if ((len != 20 && len != 24) || s[10] != 'T' || s[len - 1] != 'Z')
    return FALSE;
  date = g_strndup (s, 10);
  if (!is_date (date) || !digits (s + 11, 2) || s[13] != ':' || !digits (s + 14, 2) ||
      s[16] != ':' || !digits (s + 17, 2))
    return FALSE;
  if (atoi (s + 11) > 23 || atoi (s + 14) > 59 || atoi (s + 17) > 60)
    return FALSE;
  return len == 20 || (s[19] == '.' && digits (s + 20, 3));
}

static gboolean
is_blob_ref (const char *s)
{
  if (strlen (s) != 7 + 64 || strncmp (s, "sha256:", 7) != 0)
    return FALSE;
  for (int i = 7; i < 71; i++)
    if (!g_ascii_isxdigit (s[i]) || g_ascii_isupper (s[i]))
      return FALSE;
  return TRUE;
}

static gboolean
is_json_text (const char *s)
{
  g_autoptr(JsonNode) node = slv_json_parse (s, strlen (s), NULL);

  return node != NULL;
}

static gboolean
check_string (const SlvSyncFieldPolicy *field,
              const char               *s)
{
  switch (field->type)
    {
    case SLV_SYNC_TYPE_TEXT:
    case SLV_SYNC_TYPE_ANY:
      return TRUE;
    case SLV_SYNC_TYPE_UUID:
      return slv_uuid_is_valid (s);
    case SLV_SYNC_TYPE_DECIMAL:
      return is_decimal (s);
    case SLV_SYNC_TYPE_TIMESTAMP:
      return is_timestamp (s);
    case SLV_SYNC_TYPE_DATE:
      return is_date (s);
    case SLV_SYNC_TYPE_ENUM:
      return slv_sync_policy_enum_rank (field, s) >= 0;
    case SLV_SYNC_TYPE_BLOB_REF:
      return is_blob_ref (s);
    case SLV_SYNC_TYPE_JSON:
      return is_json_text (s);
    case SLV_SYNC_TYPE_INTEGER:
    case SLV_SYNC_TYPE_REAL:
    case SLV_SYNC_TYPE_BOOLEAN:
    default:
      return FALSE;
    }
}

static const char *
expectation (const SlvSyncFieldPolicy *field)
{
  switch (field->type)
    {
    case SLV_SYNC_TYPE_TEXT: return "text";
    case SLV_SYNC_TYPE_UUID: return "a lower-case UUID";
    case SLV_SYNC_TYPE_DECIMAL: return "a decimal number written as a string, such as \"12.3400\"";
    case SLV_SYNC_TYPE_INTEGER: return "a whole number";
    case SLV_SYNC_TYPE_REAL: return "a number";
    case SLV_SYNC_TYPE_BOOLEAN: return "true or false";
    case SLV_SYNC_TYPE_TIMESTAMP: return "a UTC time such as \"2025-03-14T09:26:53.589Z\"";
    case SLV_SYNC_TYPE_DATE: return "a date such as \"2025-03-14\"";
    case SLV_SYNC_TYPE_ENUM: return "one of the listed values";
    case SLV_SYNC_TYPE_BLOB_REF: return "a blob reference \"sha256:<64 hex digits>\"";
    case SLV_SYNC_TYPE_JSON: return "a JSON document written as a string";
    case SLV_SYNC_TYPE_ANY: return "a JSON scalar";
    default: return "a valid value";
    }
}

static gboolean
value_matches (const SlvSyncFieldPolicy *field,
               JsonNode                 *value)
{
  GType type;

  if (!slv_json_node_is_scalar (value))
    return FALSE;
  if (JSON_NODE_HOLDS_NULL (value) || field->type == SLV_SYNC_TYPE_ANY)
    return TRUE;
  type = json_node_get_value_type (value);
  switch (field->type)
    {
    case SLV_SYNC_TYPE_INTEGER:
      return type == G_TYPE_INT64;
    case SLV_SYNC_TYPE_REAL:
      return type == G_TYPE_INT64 || (type == G_TYPE_DOUBLE && isfinite (json_node_get_double (value)));
    case SLV_SYNC_TYPE_BOOLEAN:
      return type == G_TYPE_BOOLEAN;
    case SLV_SYNC_TYPE_TEXT:
    case SLV_SYNC_TYPE_UUID:
    case SLV_SYNC_TYPE_DECIMAL:
    case SLV_SYNC_TYPE_TIMESTAMP:
    case SLV_SYNC_TYPE_DATE:
    case SLV_SYNC_TYPE_ENUM:
    case SLV_SYNC_TYPE_BLOB_REF:
    case SLV_SYNC_TYPE_JSON:
    case SLV_SYNC_TYPE_ANY:
    default:
      return type == G_TYPE_STRING && check_string (field, json_node_get_string (value));
    }
}

gboolean
slv_sync_policy_check_value (const SlvSyncFieldPolicy  *field,
                             JsonNode                  *value,
                             GError                   **error)
{
  if (value != NULL && JSON_NODE_HOLDS_VALUE (value) &&
      json_node_get_value_type (value) == G_TYPE_STRING &&
      strlen (json_node_get_string (value)) > MAX_TEXT_BYTES)
    {
      g_set_error (error, SLV_SYNC_ERROR, SLV_SYNC_ERROR_INVALID,
                   "“%s” holds more than %d KiB of text.", field->name, MAX_TEXT_BYTES / 1024);
      return FALSE;
    }
  if (value_matches (field, value))
    {
      if (value != NULL && JSON_NODE_HOLDS_NULL (value) &&
          (field->flags & (SLV_SYNC_FIELD_REQUIRED | SLV_SYNC_FIELD_NOT_NULL)) != 0)
        {
          g_set_error (error, SLV_SYNC_ERROR, SLV_SYNC_ERROR_INVALID,
                       "“%s” cannot be empty.", field->name);
          return FALSE;
        }
      return TRUE;
    }
  if (field->type == SLV_SYNC_TYPE_ENUM && field->enum_values != NULL)
    {
      g_autofree char *list = g_strjoinv (", ", (char **) field->enum_values);

      g_set_error (error, SLV_SYNC_ERROR, SLV_SYNC_ERROR_INVALID,
                   "“%s” must be one of: %s.", field->name, list);
      return FALSE;
    }
  g_set_error (error, SLV_SYNC_ERROR, SLV_SYNC_ERROR_INVALID,
               "“%s” must be %s.", field->name, expectation (field));
  return FALSE;
}
