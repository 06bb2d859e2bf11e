/* slv-bom-csv.c: BOM lines out of a CSV file with a column mapping.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-bom-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "slv-bom-csv.h"
#include "core/slv-warning.h"

#define MAX_BYTES (32 * 1024 * 1024)
#define MAX_ROWS  100000

G_DEFINE_QUARK (slv-bom-error-quark, slv_bom_error)

static const char * const keys[SLV_BOM_N_FIELDS] = {
  "code", "name", "placement", "consumption", "unit", "wastage", "supplier", "colour",
};

/* Header names seen in PLM and costing-sheet BOM exports, lower case. */
static const char * const synonyms[SLV_BOM_N_FIELDS][10] = {
  { "material id", "material code", "material no", "material number", "matnr", "code",
    "item code", "article", "material", NULL },
  { "description", "material description", "material name", "name", "item", "component",
    "maktx", NULL },
  { "placement", "location", "position", "usage area", "part", NULL },
  { "consumption", "quantity", "qty", "yield", "usage", "gross yield", "net yield", "qty/garment", NULL },
  { "uom", "unit", "unit of measure", "meins", NULL },
  { "wastage", "wastage %", "wastage (%)", "waste", "waste %", NULL },
  { "supplier", "vendor", "mill", NULL },
  { "colour", "color", "colorway", "colourway", NULL },
};

const char *
slv_bom_field_key (SlvBomField field)
{
  g_return_val_if_fail (field < SLV_BOM_N_FIELDS, NULL);
  return keys[field];
}

SlvBomMapping *
slv_bom_mapping_new (void)
{
  return g_new0 (SlvBomMapping, 1);
}

SlvBomMapping *
slv_bom_mapping_copy (const SlvBomMapping *self)
{
  SlvBomMapping *copy = slv_bom_mapping_new ();

  for (int i = 0; self != NULL && i < SLV_BOM_N_FIELDS; i++)
    copy->headers[i] = g_strdup (self->headers[i]);
  return copy;
}

void
slv_bom_mapping_free (SlvBomMapping *self)
{
  if (self == NULL)
    return;
  for (int i = 0; i < SLV_BOM_N_FIELDS; i++)
    g_free (self->headers[i]);
  g_free (self);
}

void
slv_bom_mapping_set (SlvBomMapping *self,
                     SlvBomField    field,
                     const char    *header)
{
  g_return_if_fail (self != NULL && field < SLV_BOM_N_FIELDS);
  g_free (self->headers[field]);
  self->headers[field] = g_strdup (header);
}

char *
slv_bom_mapping_to_json (const SlvBomMapping *self)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (b);
  for (int i = 0; i < SLV_BOM_N_FIELDS; i++)
    if (self->headers[i] != NULL)
      {
        json_builder_set_member_name (b, keys[i]);
        json_builder_add_string_value (b, self->headers[i]);
      }
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  return json_generator_to_data (gen, NULL);
}

SlvBomMapping *
slv_bom_mapping_new_from_json (const char  *json,
                               GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(SlvBomMapping) self = slv_bom_mapping_new ();
  JsonObject *obj;

  if (!json_parser_load_from_data (parser, json, -1, error))
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, SLV_BOM_ERROR, SLV_BOM_ERROR_MAPPING,
                   _("A BOM column mapping is a JSON object such as {\"code\": \"Material ID\"}."));
      return NULL;
    }
  obj = json_node_get_object (json_parser_get_root (parser));
  for (int i = 0; i < SLV_BOM_N_FIELDS; i++)
    {
      JsonNode *n = json_object_get_member (obj, keys[i]);

      if (n != NULL && JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_STRING)
        self->headers[i] = g_strdup (json_node_get_string (n));
    }
  return g_steal_pointer (&self);
}

void
slv_bom_line_free (SlvBomLine *line)
{
  if (line == NULL)
    return;
  for (int i = 0; i < SLV_BOM_N_FIELDS; i++)
    g_free (line->values[i]);
  g_free (line);
}

/* -- a minimal CSV splitter -- */

static char
sniff_delimiter (const char *text)
{
  static const char candidates[] = { ',', ';', '\t' };
  guint counts[3] = { 0, 0, 0 };
  gboolean quoted = FALSE;

  for (const char *p = text; *p && (quoted || (*p != '\n' && *p != '\r')); p++)
    {
      if (*p == '"')
        quoted = !quoted;
      for (guint i = 0; i < 3 && !quoted; i++)
        counts[i] += *p == candidates[i];
    }
  if (counts[1] > counts[0] && counts[1] >= counts[2])
    return ';';
  if (counts[2] > counts[0] && counts[2] > counts[1])
    return '\t';
  return ',';
}

/* Splits @text into rows (GPtrArray of GPtrArray of char *). */
static GPtrArray *
split_rows (const char *text,
            char        delim)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  gboolean quoted = FALSE, any = FALSE;
  const char *p = text;

  for (; *p && rows->len < MAX_ROWS; p++)
    {
      if (quoted)
        {
          if (*p == '"' && p[1] == '"')
            g_string_append_c (field, '"'), p++;
          else if (*p == '"')
            quoted = FALSE;
          else
            g_string_append_c (field, *p);
          continue;
        }
      if (*p == '"' && field->len == 0)
        quoted = any = TRUE;
      else if (*p == delim)
        {
          g_ptr_array_add (row, g_strdup (field->str));
          g_string_truncate (field, 0);
          any = TRUE;
        }
      else if (*p == '\n' || *p == '\r')
        {
          if (*p == '\r' && p[1] == '\n')
            p++;
          if (any || field->len > 0)
            g_ptr_array_add (row, g_strdup (field->str)), g_ptr_array_add (rows, row);
          else
            g_ptr_array_unref (row);
          row = g_ptr_array_new_with_free_func (g_free);
          g_string_truncate (field, 0);
          any = FALSE;
        }
      else
        g_string_append_c (field, *p), any = TRUE;
    }
  if (any || field->len > 0)
    g_ptr_array_add (row, g_strdup (field->str)), g_ptr_array_add (rows, row);
  else
    g_ptr_array_unref (row);
  return rows;
}

/* -- mapping the columns -- */

static int
find_header (GPtrArray  *headers,
             const char *name)
{
  for (guint i = 0; name != NULL && i < headers->len; i++)
    {
      g_autofree char *h = g_strstrip (g_strdup (g_ptr_array_index (headers, i)));

      if (g_ascii_strcasecmp (h, name) == 0)
        return (int) i;
    }
  return -1;
}

static void
guess_mapping (SlvBomMapping *mapping,
               GPtrArray     *headers)
{
  g_autoptr(GHashTable) used = g_hash_table_new (NULL, NULL);

  for (int f = 0; f < SLV_BOM_N_FIELDS; f++)
    if (mapping->headers[f] != NULL)
      g_hash_table_add (used, GINT_TO_POINTER (find_header (headers, mapping->headers[f]) + 1));
  for (int f = 0; f < SLV_BOM_N_FIELDS; f++)
    for (guint s = 0; mapping->headers[f] == NULL && synonyms[f][s] != NULL; s++)
      {
        int col = find_header (headers, synonyms[f][s]);

        if (col >= 0 && !g_hash_table_contains (used, GINT_TO_POINTER (col + 1)))
          {
            g_autofree char *h = g_strstrip (g_strdup (g_ptr_array_index (headers, col)));

            mapping->headers[f] = g_strdup (h);
            g_hash_table_add (used, GINT_TO_POINTER (col + 1));
          }
      }
}

/* "1,25" / "1.25" / " 8 % " → "1.25" / "8"; NULL if not a number. */
static char *
normalise_number (const char *text,
                  char        delim)
{
  g_autoptr(GString) s = g_string_new (NULL);
  char *end = NULL;
  double v;

  for (const char *p = text; *p; p++)
    if (*p != ' ' && *p != '%' && *p != '\xc2' && *p != '\xa0')
      g_string_append_c (s, *p);
  if (delim == ';' || (strchr (s->str, ',') && !strchr (s->str, '.')))
    g_string_replace (s, ",", ".", 0);
  v = g_ascii_strtod (s->str, &end);
  if (s->len == 0 || end == s->str || *end != '\0' || !isfinite (v) || v < 0)
    return NULL;
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static SlvBomLine *
read_line (GPtrArray  *row,
           guint       number,
           const int   columns[SLV_BOM_N_FIELDS],
           GPtrArray  *headers,
           char        delim,
           GPtrArray  *warnings,
           const char *source)
{
  g_autoptr(SlvBomLine) line = g_new0 (SlvBomLine, 1);

  line->row = number;
  for (int f = 0; f < SLV_BOM_N_FIELDS; f++)
    {
      const char *raw = columns[f] >= 0 && columns[f] < (int) row->len ? g_ptr_array_index (row, columns[f]) : NULL;
      g_autofree char *value = raw ? g_strstrip (g_utf8_make_valid (raw, -1)) : NULL;

      if (value == NULL || *value == '\0')
        continue;
      if (f == SLV_BOM_FIELD_CONSUMPTION || f == SLV_BOM_FIELD_WASTAGE)
        {
          char *n = normalise_number (value, delim);

          if (n == NULL)
            {
              slv_warnings_add (warnings, "bom-row-skipped", source,
                                _("Row %u, column ‘%s’: ‘%s’ is not a number; the row was left out."),
                                number, (char *) g_ptr_array_index (headers, columns[f]), value);
              return NULL;
            }
          line->values[f] = n;
        }
      else
        line->values[f] = g_steal_pointer (&value);
    }
  if (line->values[SLV_BOM_FIELD_CODE] == NULL && line->values[SLV_BOM_FIELD_NAME] == NULL)
    return NULL;   /* a blank or subtotal row */
  return g_steal_pointer (&line);
}

GPtrArray *
slv_bom_csv_read (GBytes         *data,
                  const char     *source,
                  SlvBomMapping  *mapping,
                  GPtrArray      *warnings,
                  GError        **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) slv_bom_line_free);
  g_autofree char *text = NULL;
  GPtrArray *headers;
  int columns[SLV_BOM_N_FIELDS];
  gsize len = 0;
  const char *bytes = g_bytes_get_data (data, &len);
  const char *start;
  char delim;

  g_return_val_if_fail (mapping != NULL && warnings != NULL, NULL);

  if (len > MAX_BYTES)
    {
      g_set_error (error, SLV_BOM_ERROR, SLV_BOM_ERROR_TOO_LARGE,
                   _("“%s” is larger than %d MB; a BOM is far smaller."), source, MAX_BYTES / (1024 * 1024));
      return NULL;
    }
  text = g_utf8_make_valid (bytes ? bytes : "", len);
  start = g_str_has_prefix (text, "\xEF\xBB\xBF") ? text + 3 : text;
  delim = sniff_delimiter (start);
  rows = split_rows (start, delim);
  if (rows->len == 0)
    {
      g_set_error (error, SLV_BOM_ERROR, SLV_BOM_ERROR_EMPTY, _("“%s” has no header row."), source);
      return NULL;
    }
  headers = g_ptr_array_index (rows, 0);
  guess_mapping (mapping, headers);
  for (int f = 0; f < SLV_BOM_N_FIELDS; f++)
    {
      columns[f] = find_header (headers, mapping->headers[f]);
      if (mapping->headers[f] != NULL && columns[f] < 0)
        {
          g_set_error (error, SLV_BOM_ERROR, SLV_BOM_ERROR_MAPPING,
                       _("The mapping puts %s in column ‘%s’, which “%s” does not have."),
                       keys[f], mapping->headers[f], source);
          return NULL;
        }
    }
  if (columns[SLV_BOM_FIELD_CODE] < 0 && columns[SLV_BOM_FIELD_NAME] < 0)
    {
      g_set_error (error, SLV_BOM_ERROR, SLV_BOM_ERROR_NO_KEY,
                   _("“%s” has no material code or description column that Selvedge recognises; "
                     "map one of its columns to “code” or “name”."), source);
      return NULL;
    }
  for (guint r = 1; r < rows->len; r++)
    {
      SlvBomLine *line = read_line (g_ptr_array_index (rows, r), r + 1, columns, headers, delim,
                                    warnings, source);

      if (line != NULL)
        g_ptr_array_add (lines, line);
    }
  return g_steal_pointer (&lines);
}
