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
#include "slv-csv-reader.h"
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

/* The cells of a row, copied out of the reader. */
static GPtrArray *
copy_cells (const SlvRow *row)
{
  GPtrArray *cells = g_ptr_array_new_full (row->n_cells, g_free);

  for (guint i = 0; i < row->n_cells; i++)
    g_ptr_array_add (cells, g_strdup (slv_row_get_text (row, i)));
  return cells;
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
read_line (const SlvRow *row,
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
      const char *raw = columns[f] >= 0 ? slv_row_get_text (row, columns[f]) : NULL;
      g_autofree char *value = raw ? g_strstrip (g_strdup (raw)) : NULL;

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

/* The header row: columns of @mapping's fields (guessing the unset ones). */
static gboolean
map_columns (GPtrArray      *headers,
             SlvBomMapping  *mapping,
             const char     *source,
             int             columns[SLV_BOM_N_FIELDS],
             GError        **error)
{
  guess_mapping (mapping, headers);
  for (int f = 0; f < SLV_BOM_N_FIELDS; f++)
    {
      columns[f] = find_header (headers, mapping->headers[f]);
      if (mapping->headers[f] != NULL && columns[f] < 0)
        {
          g_set_error (error, SLV_BOM_ERROR, SLV_BOM_ERROR_MAPPING,
                       _("The mapping puts %s in column ‘%s’, which “%s” does not have."),
                       keys[f], mapping->headers[f], source);
          return FALSE;
        }
    }
  if (columns[SLV_BOM_FIELD_CODE] < 0 && columns[SLV_BOM_FIELD_NAME] < 0)
    {
      g_set_error (error, SLV_BOM_ERROR, SLV_BOM_ERROR_NO_KEY,
                   _("“%s” has no material code or description column that Selvedge recognises; "
                     "map one of its columns to “code” or “name”."), source);
      return FALSE;
    }
  return TRUE;
}

static SlvCsvReader *
open_reader (GBytes      *data,
             const char  *source,
             GError     **error)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (data);
  g_autoptr(GError) local = NULL;
  SlvReadOptions options = { 0 };
  SlvCsvReader *reader;

  /* A BOM row is short: a smaller record limit than a data import's. */
  options.max_record_bytes = 64 * 1024;
  reader = slv_csv_reader_new (stream, g_bytes_get_size (data), &options, &local);
  if (reader == NULL)
    g_set_error (error, SLV_BOM_ERROR, SLV_BOM_ERROR_UNREADABLE, "“%s”: %s", source, local->message);
  return reader;
}

GStrv
slv_bom_csv_read_headers (GBytes      *data,
                          const char  *source,
                          GError     **error)
{
  g_autoptr(SlvCsvReader) reader = NULL;
  g_autoptr(GPtrArray) headers = NULL;
  g_autoptr(GError) local = NULL;
  const SlvRow *row;

  g_return_val_if_fail (data != NULL, NULL);

  if (g_bytes_get_size (data) > MAX_BYTES)
    {
      g_set_error (error, SLV_BOM_ERROR, SLV_BOM_ERROR_TOO_LARGE,
                   _("“%s” is larger than %d MB; a BOM is far smaller."), source, MAX_BYTES / (1024 * 1024));
      return NULL;
    }
  if ((reader = open_reader (data, source, error)) == NULL)
    return NULL;
  row = slv_row_reader_next_row (SLV_ROW_READER (reader), &local);
  if (row == NULL)
    {
      if (local != NULL)
        g_set_error (error, SLV_BOM_ERROR, SLV_BOM_ERROR_UNREADABLE, "“%s”: %s", source, local->message);
      else
        g_set_error (error, SLV_BOM_ERROR, SLV_BOM_ERROR_EMPTY, _("“%s” has no header row."), source);
      return NULL;
    }
  headers = copy_cells (row);
  g_ptr_array_add (headers, NULL);
  return (GStrv) g_ptr_array_steal (headers, NULL);
}

GPtrArray *
slv_bom_csv_read (GBytes         *data,
                  const char     *source,
                  SlvBomMapping  *mapping,
                  GPtrArray      *warnings,
                  GError        **error)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) slv_bom_line_free);
  g_autoptr(GPtrArray) headers = NULL;
  g_autoptr(SlvCsvReader) reader = NULL;
  g_autoptr(GError) local = NULL;
  int columns[SLV_BOM_N_FIELDS];
  const SlvRow *row;
  guint n = 0;
  char delim;

  g_return_val_if_fail (data != NULL && mapping != NULL && warnings != NULL, NULL);

  if (g_bytes_get_size (data) > MAX_BYTES)
    {
      g_set_error (error, SLV_BOM_ERROR, SLV_BOM_ERROR_TOO_LARGE,
                   _("“%s” is larger than %d MB; a BOM is far smaller."), source, MAX_BYTES / (1024 * 1024));
      return NULL;
    }
  if ((reader = open_reader (data, source, error)) == NULL)
    return NULL;
  delim = slv_csv_reader_get_delimiter (reader);
  row = slv_row_reader_next_row (SLV_ROW_READER (reader), &local);
  if (row == NULL && local == NULL)
    {
      g_set_error (error, SLV_BOM_ERROR, SLV_BOM_ERROR_EMPTY, _("“%s” has no header row."), source);
      return NULL;
    }
  if (row != NULL)
    {
      headers = copy_cells (row);
      if (!map_columns (headers, mapping, source, columns, error))
        return NULL;
    }
  while (local == NULL && (row = slv_row_reader_next_row (SLV_ROW_READER (reader), &local)) != NULL)
    {
      SlvBomLine *line;

      if (++n > MAX_ROWS)
        {
          g_set_error (error, SLV_BOM_ERROR, SLV_BOM_ERROR_TOO_LARGE,
                       _("“%s” has more than %d rows; a BOM is far smaller."), source, MAX_ROWS);
          return NULL;
        }
      line = read_line (row, (guint) MIN (row->number, G_MAXUINT), columns, headers, delim, warnings, source);
      if (line != NULL)
        g_ptr_array_add (lines, line);
    }
  if (local != NULL)
    {
      g_set_error (error, SLV_BOM_ERROR, SLV_BOM_ERROR_UNREADABLE, "“%s”: %s", source, local->message);
      return NULL;
    }
  return g_steal_pointer (&lines);
}
