/* slv-import-mapping.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "slv-import-mapping.h"
#include "slv-import-target.h"
#include "formats/slv-csv-reader.h"
#include "store/slv-import-store.h"

typedef struct
{
  char *header;
  char *field;
} Column;

struct _SlvImportMapping
{
  GObject       parent_instance;

  char         *target;
  char          delimiter;
  SlvEncoding   encoding;
  gboolean      decimal_comma;
  SlvDateOrder  date_order;
  char         *sheet;
  guint         header_row;
  GArray       *columns;     /* Column */
  GHashTable   *constants;   /* field → value */
};

G_DEFINE_FINAL_TYPE (SlvImportMapping, slv_import_mapping, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TARGET,
  PROP_DECIMAL_COMMA,
  PROP_SHEET,
  PROP_HEADER_ROW,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
clear_column (gpointer data)
{
  Column *c = data;

  g_free (c->header);
  g_free (c->field);
}

static void
changed (SlvImportMapping *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

/* -- header matching -- */

/* Lower-case letters and digits only: "Material No." → "materialno". */
static char *
normalize (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  GString *out = g_string_new (NULL);

  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* 3: a synonym equals the header (or the part in parentheses);
 * 1: one contains the other; 0: no match. */
static int
match_score (const SlvImportField *field,
             const char           *header)
{
  g_auto(GStrv) names = g_strsplit (field->synonyms, "|", -1);
  g_autofree char *h = normalize (header);
  g_autofree char *inner = NULL;
  const char *open = strchr (header, '(');
  int best = 0;

  if (*h == '\0')
    return 0;
  if (open != NULL && strchr (open, ')') != NULL)
    {
      g_autofree char *part = g_strndup (open + 1, strchr (open, ')') - open - 1);

      inner = normalize (part);
    }
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *n = normalize (names[i]);

      if (*n == '\0')
        continue;
      if (g_str_equal (n, h) || (inner != NULL && g_str_equal (n, inner)))
        return 3;
      if (strlen (n) >= 5 && strlen (h) >= 5 && (strstr (h, n) != NULL || strstr (n, h) != NULL))
        best = 1;
    }
  return best;
}

static int
best_field (const SlvImportTarget *target,
            const char            *header,
            const gboolean        *taken,
            int                    min_score)
{
  int best = -1, best_score = 0;

  for (guint f = 0; f < target->n_fields; f++)
    {
      int score;

      if (taken != NULL && taken[f])
        continue;
      score = match_score (&target->fields[f], header);
      if (score >= min_score && score > best_score)
        best = f, best_score = score;
    }
  return best;
}

const char *
slv_import_mapping_guess_field (const char *target_name,
                                const char *header)
{
  const SlvImportTarget *target = slv_import_target_find (target_name);
  int f;

  if (target == NULL || header == NULL)
    return NULL;
  f = best_field (target, header, NULL, 1);
  return f >= 0 ? target->fields[f].name : NULL;
}

void
slv_import_mapping_propose (SlvImportMapping   *self,
                            const char * const *headers)
{
  const SlvImportTarget *target;
  g_autofree gboolean *taken = NULL;
  guint n = headers ? g_strv_length ((GStrv) headers) : 0;
  g_autofree int *chosen = g_new (int, n + 1);

  g_return_if_fail (SLV_IS_IMPORT_MAPPING (self));

  target = slv_import_target_find (self->target);
  if (target == NULL)
    return;
  taken = g_new0 (gboolean, target->n_fields);
  g_array_set_size (self->columns, 0);
  /* Exact names first, so "Material" does not take the place of "MATNR". */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < n; i++)
      {
        int f;

        if (pass == 0)
          chosen[i] = -1;
        else if (chosen[i] >= 0)
          continue;
        f = best_field (target, headers[i], taken, pass == 0 ? 3 : 1);
        if (f >= 0)
          {
            chosen[i] = f;
            taken[f] = TRUE;
          }
      }
  for (guint i = 0; i < n; i++)
    if (chosen[i] >= 0)
      {
        Column c = { g_strdup (headers[i]), g_strdup (target->fields[chosen[i]].name) };

        g_array_append_val (self->columns, c);
      }
  changed (self);
}

/* -- object -- */

static void
slv_import_mapping_finalize (GObject *object)
{
  SlvImportMapping *self = SLV_IMPORT_MAPPING (object);

  g_free (self->target);
  g_free (self->sheet);
  g_array_unref (self->columns);
  g_hash_table_unref (self->constants);

  G_OBJECT_CLASS (slv_import_mapping_parent_class)->finalize (object);
}

static void
slv_import_mapping_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SlvImportMapping *self = SLV_IMPORT_MAPPING (object);

  switch (prop_id)
    {
    case PROP_TARGET:
      g_value_set_string (value, self->target);
      break;
    case PROP_DECIMAL_COMMA:
      g_value_set_boolean (value, self->decimal_comma);
      break;
    case PROP_SHEET:
      g_value_set_string (value, self->sheet);
      break;
    case PROP_HEADER_ROW:
      g_value_set_uint (value, self->header_row);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
slv_import_mapping_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SlvImportMapping *self = SLV_IMPORT_MAPPING (object);

  switch (prop_id)
    {
    case PROP_TARGET:
      self->target = g_value_dup_string (value);
      break;
    case PROP_DECIMAL_COMMA:
      slv_import_mapping_set_decimal_comma (self, g_value_get_boolean (value));
      break;
    case PROP_SHEET:
      slv_import_mapping_set_sheet (self, g_value_get_string (value));
      break;
    case PROP_HEADER_ROW:
      slv_import_mapping_set_header_row (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
slv_import_mapping_class_init (SlvImportMappingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = slv_import_mapping_finalize;
  object_class->get_property = slv_import_mapping_get_property;
  object_class->set_property = slv_import_mapping_set_property;

  properties[PROP_TARGET] =
    g_param_spec_string ("target", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DECIMAL_COMMA] =
    g_param_spec_boolean ("decimal-comma", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHEET] =
    g_param_spec_string ("sheet", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HEADER_ROW] =
    g_param_spec_uint ("header-row", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted when columns or constants change (properties notify on their own). */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
slv_import_mapping_init (SlvImportMapping *self)
{
  self->columns = g_array_new (FALSE, TRUE, sizeof (Column));
  g_array_set_clear_func (self->columns, clear_column);
  self->constants = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->date_order = SLV_DATE_DMY;
}

SlvImportMapping *
slv_import_mapping_new (const char *target)
{
  return g_object_new (SLV_TYPE_IMPORT_MAPPING, "target", target, NULL);
}

const char *
slv_import_mapping_get_target (SlvImportMapping *self)
{
  g_return_val_if_fail (SLV_IS_IMPORT_MAPPING (self), NULL);
  return self->target;
}

char
slv_import_mapping_get_delimiter (SlvImportMapping *self)
{
  g_return_val_if_fail (SLV_IS_IMPORT_MAPPING (self), 0);
  return self->delimiter;
}

void
slv_import_mapping_set_delimiter (SlvImportMapping *self,
                                  char              delimiter)
{
  g_return_if_fail (SLV_IS_IMPORT_MAPPING (self));
  self->delimiter = delimiter;
}

SlvEncoding
slv_import_mapping_get_encoding (SlvImportMapping *self)
{
  g_return_val_if_fail (SLV_IS_IMPORT_MAPPING (self), SLV_ENCODING_AUTO);
  return self->encoding;
}

void
slv_import_mapping_set_encoding (SlvImportMapping *self,
                                 SlvEncoding       encoding)
{
  g_return_if_fail (SLV_IS_IMPORT_MAPPING (self));
  self->encoding = encoding;
}

gboolean
slv_import_mapping_get_decimal_comma (SlvImportMapping *self)
{
  g_return_val_if_fail (SLV_IS_IMPORT_MAPPING (self), FALSE);
  return self->decimal_comma;
}

void
slv_import_mapping_set_decimal_comma (SlvImportMapping *self,
                                      gboolean          decimal_comma)
{
  g_return_if_fail (SLV_IS_IMPORT_MAPPING (self));
  decimal_comma = !!decimal_comma;
  if (self->decimal_comma == decimal_comma)
    return;
  self->decimal_comma = decimal_comma;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DECIMAL_COMMA]);
}

SlvDateOrder
slv_import_mapping_get_date_order (SlvImportMapping *self)
{
  g_return_val_if_fail (SLV_IS_IMPORT_MAPPING (self), SLV_DATE_DMY);
  return self->date_order;
}

void
slv_import_mapping_set_date_order (SlvImportMapping *self,
                                   SlvDateOrder      order)
{
  g_return_if_fail (SLV_IS_IMPORT_MAPPING (self));
  self->date_order = order;
}

const char *
slv_import_mapping_get_sheet (SlvImportMapping *self)
{
  g_return_val_if_fail (SLV_IS_IMPORT_MAPPING (self), NULL);
  return self->sheet;
}

void
slv_import_mapping_set_sheet (SlvImportMapping *self,
                              const char       *sheet)
{
  g_return_if_fail (SLV_IS_IMPORT_MAPPING (self));
  if (g_strcmp0 (self->sheet, sheet) == 0)
    return;
  g_free (self->sheet);
  self->sheet = g_strdup (sheet);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHEET]);
}

guint
slv_import_mapping_get_header_row (SlvImportMapping *self)
{
  g_return_val_if_fail (SLV_IS_IMPORT_MAPPING (self), 0);
  return self->header_row;
}

void
slv_import_mapping_set_header_row (SlvImportMapping *self,
                                   guint             row)
{
  g_return_if_fail (SLV_IS_IMPORT_MAPPING (self));
  if (self->header_row == row)
    return;
  self->header_row = row;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEADER_ROW]);
}

void
slv_import_mapping_get_read_options (SlvImportMapping *self,
                                     SlvReadOptions   *options)
{
  g_return_if_fail (SLV_IS_IMPORT_MAPPING (self));
  memset (options, 0, sizeof *options);
  options->delimiter = self->delimiter;
  options->encoding = self->encoding;
  options->sheet = self->sheet;
}

void
slv_import_mapping_set_column (SlvImportMapping *self,
                               const char       *header,
                               const char       *field)
{
  g_return_if_fail (SLV_IS_IMPORT_MAPPING (self));
  g_return_if_fail (header != NULL);

  for (guint i = 0; i < self->columns->len; i++)
    {
      Column *c = &g_array_index (self->columns, Column, i);

      if (g_str_equal (c->header, header))
        {
          if (field == NULL)
            g_array_remove_index (self->columns, i);
          else
            {
              g_free (c->field);
              c->field = g_strdup (field);
            }
          changed (self);
          return;
        }
    }
  if (field != NULL)
    {
      Column c = { g_strdup (header), g_strdup (field) };

      g_array_append_val (self->columns, c);
      changed (self);
    }
}

const char *
slv_import_mapping_get_column (SlvImportMapping *self,
                               const char       *header)
{
  g_return_val_if_fail (SLV_IS_IMPORT_MAPPING (self), NULL);
  for (guint i = 0; i < self->columns->len; i++)
    if (g_str_equal (g_array_index (self->columns, Column, i).header, header))
      return g_array_index (self->columns, Column, i).field;
  return NULL;
}

GStrv
slv_import_mapping_dup_headers (SlvImportMapping *self)
{
  GStrvBuilder *b = g_strv_builder_new ();
  GStrv out;

  for (guint i = 0; i < self->columns->len; i++)
    g_strv_builder_add (b, g_array_index (self->columns, Column, i).header);
  out = g_strv_builder_end (b);
  g_strv_builder_unref (b);
  return out;
}

void
slv_import_mapping_clear_columns (SlvImportMapping *self)
{
  g_return_if_fail (SLV_IS_IMPORT_MAPPING (self));
  g_array_set_size (self->columns, 0);
  changed (self);
}

void
slv_import_mapping_set_constant (SlvImportMapping *self,
                                 const char       *field,
                                 const char       *value)
{
  g_return_if_fail (SLV_IS_IMPORT_MAPPING (self));
  if (value == NULL)
    g_hash_table_remove (self->constants, field);
  else
    g_hash_table_replace (self->constants, g_strdup (field), g_strdup (value));
  changed (self);
}

const char *
slv_import_mapping_get_constant (SlvImportMapping *self,
                                 const char       *field)
{
  g_return_val_if_fail (SLV_IS_IMPORT_MAPPING (self), NULL);
  return g_hash_table_lookup (self->constants, field);
}

GStrv
slv_import_mapping_dup_constant_fields (SlvImportMapping *self)
{
  g_autofree gpointer *keys = g_hash_table_get_keys_as_array (self->constants, NULL);
  GStrv out = g_strdupv ((GStrv) keys);

  g_qsort_with_data (out, g_strv_length (out), sizeof (char *), (GCompareDataFunc) g_strcmp0, NULL);
  return out;
}

/* -- JSON -- */

char *
slv_import_mapping_to_json (SlvImportMapping *self)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_auto(GStrv) constant_fields = slv_import_mapping_dup_constant_fields (self);
  char delimiter[2] = { self->delimiter, 0 };

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "target");
  json_builder_add_string_value (b, self->target);
  json_builder_set_member_name (b, "columns");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->columns->len; i++)
    {
      Column *c = &g_array_index (self->columns, Column, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "header");
      json_builder_add_string_value (b, c->header);
      json_builder_set_member_name (b, "field");
      json_builder_add_string_value (b, c->field);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "constants");
  json_builder_begin_object (b);
  for (guint i = 0; constant_fields[i] != NULL; i++)
    {
      json_builder_set_member_name (b, constant_fields[i]);
      json_builder_add_string_value (b, g_hash_table_lookup (self->constants, constant_fields[i]));
    }
  json_builder_end_object (b);
  json_builder_set_member_name (b, "options");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "delimiter");
  json_builder_add_string_value (b, delimiter);
  json_builder_set_member_name (b, "encoding");
  json_builder_add_string_value (b, slv_encoding_to_string (self->encoding));
  json_builder_set_member_name (b, "decimal");
  json_builder_add_string_value (b, self->decimal_comma ? "comma" : "point");
  json_builder_set_member_name (b, "date_order");
  json_builder_add_string_value (b, self->date_order == SLV_DATE_MDY ? "mdy" : "dmy");
  json_builder_set_member_name (b, "sheet");
  if (self->sheet)
    json_builder_add_string_value (b, self->sheet);
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "header_row");
  json_builder_add_int_value (b, self->header_row);
  json_builder_end_object (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  return json_generator_to_data (gen, NULL);
}

static gboolean
bad_mapping (GError     **error,
             const char  *what)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("The saved mapping is not valid: %s."), what);
  return FALSE;
}

static gboolean
read_options (SlvImportMapping  *self,
              JsonObject        *options,
              GError           **error)
{
  const char *delimiter = json_object_get_string_member_with_default (options, "delimiter", "");
  const char *encoding = json_object_get_string_member_with_default (options, "encoding", "auto");
  JsonNode *sheet = json_object_get_member (options, "sheet");

  if (strlen (delimiter) > 1)
    return bad_mapping (error, _("the delimiter must be one character"));
  self->delimiter = delimiter[0];
  if (!slv_encoding_from_string (encoding, &self->encoding))
    return bad_mapping (error, _("unknown encoding"));
  self->decimal_comma = g_strcmp0 (json_object_get_string_member_with_default (options, "decimal", "point"),
                                   "comma") == 0;
  self->date_order = g_strcmp0 (json_object_get_string_member_with_default (options, "date_order", "dmy"),
                                "mdy") == 0 ? SLV_DATE_MDY : SLV_DATE_DMY;
  if (sheet != NULL && JSON_NODE_HOLDS_VALUE (sheet))
    self->sheet = g_strdup (json_node_get_string (sheet));
  self->header_row = CLAMP (json_object_get_int_member_with_default (options, "header_row", 0), 0, 1048576);
  return TRUE;
}

SlvImportMapping *
slv_import_mapping_new_from_json (const char  *json,
                                  GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(SlvImportMapping) self = NULL;
  JsonObject *root, *constants, *options;
  JsonArray *columns;
  const char *target;

  if (!json_parser_load_from_data (parser, json, -1, error))
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return bad_mapping (error, _("not a JSON object")), NULL;
  root = json_node_get_object (json_parser_get_root (parser));
  target = json_object_get_string_member_with_default (root, "target", NULL);
  if (target == NULL || slv_import_target_find (target) == NULL)
    return bad_mapping (error, _("unknown target")), NULL;
  self = slv_import_mapping_new (target);

  columns = json_object_get_array_member (root, "columns");
  for (guint i = 0; columns != NULL && i < json_array_get_length (columns); i++)
    {
      JsonObject *c = json_array_get_object_element (columns, i);
      const char *header = c ? json_object_get_string_member_with_default (c, "header", NULL) : NULL;
      const char *field = c ? json_object_get_string_member_with_default (c, "field", NULL) : NULL;

      if (header == NULL || field == NULL)
        return bad_mapping (error, _("a column without header or field")), NULL;
      slv_import_mapping_set_column (self, header, field);
    }
  constants = json_object_get_object_member (root, "constants");
  if (constants != NULL)
    {
      g_autoptr(GList) names = json_object_get_members (constants);

      for (GList *l = names; l != NULL; l = l->next)
        slv_import_mapping_set_constant (self, l->data,
                                         json_object_get_string_member_with_default (constants, l->data, ""));
    }
  options = json_object_get_object_member (root, "options");
  if (options != NULL && !read_options (self, options, error))
    return NULL;
  return g_steal_pointer (&self);
}

SlvImportMapping *
slv_import_mapping_copy (SlvImportMapping *self)
{
  g_autofree char *json = slv_import_mapping_to_json (self);

  return slv_import_mapping_new_from_json (json, NULL);
}

gboolean
slv_import_mapping_save (SlvImportMapping  *self,
                         SlvStore          *store,
                         const char        *name,
                         GError           **error)
{
  g_autofree char *json = slv_import_mapping_to_json (self);

  g_return_val_if_fail (SLV_IS_IMPORT_MAPPING (self), FALSE);
  if (name == NULL || *name == '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("Give the mapping a name."));
      return FALSE;
    }
  return slv_import_store_save_mapping (store, name, self->target, json, error);
}

SlvImportMapping *
slv_import_mapping_load (SlvStore    *store,
                         const char  *name,
                         GError     **error)
{
  g_autoptr(SlvMappingRecord) record = slv_import_store_get_mapping (store, name, error);

  if (record == NULL)
    return NULL;
  return slv_import_mapping_new_from_json (record->mapping, error);
}
