/* slv-import-engine.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "slv-import-convert.h"
#include "slv-import-engine.h"
#include "formats/slv-csv-reader.h"
#include "formats/slv-xlsx-reader.h"
#include "store/slv-import-store.h"
#include "store/slv-import-writer.h"

#define HEADER_SEARCH_ROWS 50

struct _SlvImportEngine
{
  SlvStore              *store;
  const SlvImportTarget *target;
  const SlvImportTable  *table;
  const guint           *column_fields;   /* writer column → field */
  SlvRowReader          *reader;
  gboolean               is_csv;
  SlvConvertOptions      convert;
  char                  *brand_id;
  char                  *base_currency;
  GPtrArray             *headers;         /* NULL-terminated */
  guint                  width;
  int                   *source;          /* field → file column, or -1 */
  char                 **constants;       /* field → converted constant */
  char                 **fvalues;         /* field → value of the current row */
  const char           **values;          /* writer column → value */
  const char           **insert_values;
  GString               *missing;
  GHashTable            *refs;            /* "table\x1fcode" → id, "" when missing */
  SlvImportIssueFunc     issue_func;
  gpointer               issue_data;
  guint64                data_rows;
  SlvImportRow           row;
  char                  *first_reason;    /* of the current row, for previews */
  GString               *key_text;        /* the natural key as written in the file */
  guint64                warnings;
};

static void
report (SlvImportEngine   *self,
        const char        *column,
        const char        *value,
        const char        *reason,
        SlvImportSeverity  severity)
{
  if (severity == SLV_IMPORT_SEVERITY_WARNING)
    self->warnings++;
  if (severity == SLV_IMPORT_SEVERITY_ERROR)
    {
      self->row.rejected = TRUE;
      if (self->first_reason == NULL)
        self->first_reason = g_strdup (reason);
    }
  if (self->issue_func != NULL)
    self->issue_func (self->row.number, column, value, reason, severity, self->issue_data);
}

void
slv_import_engine_free (SlvImportEngine *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->store);
  g_clear_object (&self->reader);
  g_free (self->brand_id);
  g_free (self->base_currency);
  g_clear_pointer (&self->headers, g_ptr_array_unref);
  g_free (self->source);
  if (self->target != NULL)
    for (guint f = 0; f < self->target->n_fields; f++)
      {
        g_free (self->constants[f]);
        g_free (self->fvalues[f]);
      }
  g_free (self->constants);
  g_free (self->fvalues);
  g_free (self->values);
  g_free (self->insert_values);
  if (self->missing != NULL)
    g_string_free (self->missing, TRUE);
  g_clear_pointer (&self->refs, g_hash_table_unref);
  g_free (self->first_reason);
  if (self->key_text != NULL)
    g_string_free (self->key_text, TRUE);
  g_free (self);
}

/* -- the header -- */

static gboolean
looks_like_header (const SlvRow *row)
{
  guint text = 0;

  for (guint i = 0; i < row->n_cells; i++)
    {
      if (row->cells[i].len == 0)
        continue;
      if (row->cells[i].type != SLV_CELL_TEXT)
        return FALSE;
      text++;
    }
  return text >= 2;
}

static void
take_header (SlvImportEngine *self,
             const SlvRow    *row)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  self->headers = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < row->n_cells; i++)
    {
      g_autofree char *name = g_strstrip (g_strdup (row->cells[i].text));

      if (*name == '\0')
        {
          char col[8];

          slv_column_name (i, col);
          g_free (name);
          name = g_strdup_printf (_("Column %s"), col);
        }
      for (guint n = 2; g_hash_table_contains (seen, name); n++)
        {
          g_autofree char *base = g_strdup (name);

          g_free (name);
          name = g_strdup_printf ("%s (%u)", base, n);
        }
      g_ptr_array_add (self->headers, g_strdup (name));
      g_hash_table_add (seen, g_ptr_array_index (self->headers, self->headers->len - 1));
    }
  self->width = self->headers->len;
  g_ptr_array_add (self->headers, NULL);
}

static gboolean
find_header (SlvImportEngine  *self,
             guint             header_row,
             GError          **error)
{
  const SlvRow *row;
  guint seen = 0;

  while ((row = slv_row_reader_next_row (self->reader, error)) != NULL)
    {
      if (slv_row_is_blank (row))
        continue;
      seen++;
      if (header_row > 0 ? row->number >= header_row
                         : (self->is_csv || looks_like_header (row) || seen > HEADER_SEARCH_ROWS))
        {
          take_header (self, row);
          return TRUE;
        }
    }
  if (error != NULL && *error == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                 _("The file has no header row with column names."));
  return FALSE;
}

static int
header_index (SlvImportEngine *self,
              const char      *name)
{
  for (guint i = 0; i < self->width; i++)
    if (g_str_equal (g_ptr_array_index (self->headers, i), name))
      return i;
  for (guint i = 0; i < self->width; i++)
    if (g_utf8_collate (g_ptr_array_index (self->headers, i), name) == 0 ||
        g_ascii_strcasecmp (g_ptr_array_index (self->headers, i), name) == 0)
      return i;
  return -1;
}

/* -- the mapping -- */

static gboolean
resolve_columns (SlvImportEngine   *self,
                 SlvImportMapping  *mapping,
                 GError           **error)
{
  g_auto(GStrv) headers = slv_import_mapping_dup_headers (mapping);

  for (guint i = 0; headers[i] != NULL; i++)
    {
      const char *field = slv_import_mapping_get_column (mapping, headers[i]);
      int f = slv_import_target_find_field (self->target, field);
      int c = header_index (self, headers[i]);

      if (f < 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("The mapping sends column ‘%s’ to ‘%s’, which %s records do not have."),
                       headers[i], field, self->target->name);
          return FALSE;
        }
      if (c < 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("The file has no column ‘%s’, which the mapping uses for ‘%s’."), headers[i], field);
          return FALSE;
        }
      if (self->source[f] >= 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("Both ‘%s’ and ‘%s’ are mapped to ‘%s’; keep one."),
                       (char *) g_ptr_array_index (self->headers, self->source[f]), headers[i], field);
          return FALSE;
        }
      self->source[f] = c;
    }
  return TRUE;
}

static gboolean
resolve_constants (SlvImportEngine   *self,
                   SlvImportMapping  *mapping,
                   GError           **error)
{
  g_auto(GStrv) fields = slv_import_mapping_dup_constant_fields (mapping);

  for (guint i = 0; fields[i] != NULL; i++)
    {
      int f = slv_import_target_find_field (self->target, fields[i]);
      g_autoptr(GError) local_error = NULL;

      if (f < 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("%s records have no field ‘%s’."), self->target->name, fields[i]);
          return FALSE;
        }
      self->constants[f] = slv_import_convert_text (&self->target->fields[f],
                                                    slv_import_mapping_get_constant (mapping, fields[i]),
                                                    &self->convert, &local_error);
      if (local_error != NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("The value set for ‘%s’: %s"), fields[i], local_error->message);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
key_required (const SlvImportTarget *target,
              guint                  f)
{
  return (target->fields[f].flags & SLV_IMPORT_FIELD_KEY) &&
         ((target->fields[f].flags & SLV_IMPORT_FIELD_REQUIRED) || f == 0);
}

static gboolean
check_keys (SlvImportEngine  *self,
            GError          **error)
{
  for (guint f = 0; f < self->target->n_fields; f++)
    if (key_required (self->target, f) && self->source[f] < 0 && self->constants[f] == NULL &&
        self->target->fields[f].fallback == NULL)
      {
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                     _("Map a column to ‘%s’ (%s): it identifies each %s."),
                     self->target->fields[f].name, _(self->target->fields[f].label), _(self->target->noun));
        return FALSE;
      }
  return TRUE;
}

SlvImportEngine *
slv_import_engine_new (SlvStore          *store,
                       const char        *path,
                       SlvImportMapping  *mapping,
                       const char        *brand_code,
                       GError           **error)
{
  SlvImportEngine *self = g_new0 (SlvImportEngine, 1);
  SlvReadOptions options;

  self->store = g_object_ref (store);
  self->target = slv_import_target_find (slv_import_mapping_get_target (mapping));
  if (self->target == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("Unknown import target ‘%s’."),
                   slv_import_mapping_get_target (mapping));
      slv_import_engine_free (self);
      return NULL;
    }
  self->table = slv_import_target_get_table (self->target);
  self->column_fields = slv_import_target_get_column_fields (self->target);
  self->source = g_new (int, self->target->n_fields);
  for (guint f = 0; f < self->target->n_fields; f++)
    self->source[f] = -1;
  self->constants = g_new0 (char *, self->target->n_fields);
  self->fvalues = g_new0 (char *, self->target->n_fields);
  self->values = g_new0 (const char *, self->table->n_columns);
  self->insert_values = g_new0 (const char *, self->table->n_columns);
  self->missing = g_string_new (NULL);
  self->key_text = g_string_new (NULL);
  self->refs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->convert.decimal = slv_import_mapping_get_decimal_comma (mapping) ? SLV_DECIMAL_COMMA : SLV_DECIMAL_POINT;
  self->convert.date_order = slv_import_mapping_get_date_order (mapping);

  slv_import_mapping_get_read_options (mapping, &options);
  if (!slv_import_store_find_brand (store, brand_code, &self->brand_id, &self->base_currency, error))
    {
      slv_import_engine_free (self);
      return NULL;
    }
  self->reader = slv_row_reader_open (path, &options, error);
  if (self->reader == NULL)
    {
      slv_import_engine_free (self);
      return NULL;
    }
  self->is_csv = SLV_IS_CSV_READER (self->reader);
  if (!find_header (self, slv_import_mapping_get_header_row (mapping), error) ||
      !resolve_columns (self, mapping, error) || !resolve_constants (self, mapping, error) ||
      !check_keys (self, error))
    {
      slv_import_engine_free (self);
      return NULL;
    }
  return self;
}

void
slv_import_engine_set_issue_func (SlvImportEngine    *self,
                                  SlvImportIssueFunc  func,
                                  gpointer            user_data)
{
  self->issue_func = func;
  self->issue_data = user_data;
}

const SlvImportTarget *
slv_import_engine_get_target (SlvImportEngine *self)
{
  return self->target;
}

const char *
slv_import_engine_get_brand (SlvImportEngine *self)
{
  return self->brand_id;
}

const char * const *
slv_import_engine_get_headers (SlvImportEngine *self)
{
  return (const char * const *) self->headers->pdata;
}

double
slv_import_engine_get_fraction (SlvImportEngine *self)
{
  return slv_row_reader_get_fraction (self->reader);
}

const char *
slv_import_engine_describe (SlvImportEngine *self)
{
  return slv_row_reader_describe (self->reader);
}

guint64
slv_import_engine_get_data_rows (SlvImportEngine *self)
{
  return self->data_rows;
}

/* -- rows -- */

static const char *
header_name (SlvImportEngine *self,
             int              column)
{
  return column >= 0 && (guint) column < self->width ? g_ptr_array_index (self->headers, column) : NULL;
}

static void
check_width (SlvImportEngine *self,
             const SlvRow    *row)
{
  if (row->n_cells > self->width)
    {
      for (guint i = self->width; i < row->n_cells; i++)
        if (row->cells[i].len > 0)
          {
            g_autofree char *reason = g_strdup_printf (_("The row has %u fields but the header has %u: a value "
                                                         "probably holds the delimiter; check the delimiter."),
                                                       row->n_cells, self->width);

            report (self, NULL, row->cells[i].text, reason, SLV_IMPORT_SEVERITY_ERROR);
            return;
          }
    }
  else if (row->n_cells < self->width && self->is_csv)
    {
      g_autofree char *reason = g_strdup_printf (_("The row has %u fields but the header has %u; the missing "
                                                   "ones are read as empty."), row->n_cells, self->width);

      report (self, NULL, NULL, reason, SLV_IMPORT_SEVERITY_WARNING);
    }
}

static void
convert_cells (SlvImportEngine *self,
               const SlvRow    *row)
{
  static const SlvCell empty = { SLV_CELL_EMPTY, "", 0, 0, FALSE };

  for (guint f = 0; f < self->target->n_fields; f++)
    {
      int c = self->source[f];
      const SlvCell *cell = c >= 0 && (guint) c < row->n_cells ? &row->cells[c] : &empty;
      g_autoptr(GError) error = NULL;
      g_autofree char *warning = NULL;

      g_clear_pointer (&self->fvalues[f], g_free);
      if (c < 0 || cell->len == 0)
        continue;
      self->fvalues[f] = slv_import_convert (&self->target->fields[f], cell, &self->convert, &warning, &error);
      if (error != NULL)
        report (self, header_name (self, c), cell->text, error->message, SLV_IMPORT_SEVERITY_ERROR);
      else if (warning != NULL)
        report (self, header_name (self, c), cell->text, warning, SLV_IMPORT_SEVERITY_WARNING);
    }
}

static const char *
resolve_reference (SlvImportEngine      *self,
                   const SlvImportField *field,
                   const char           *code)
{
  g_autofree char *key = g_strdup_printf ("%s\x1f%s", field->ref_table, code);
  const char *id = g_hash_table_lookup (self->refs, key);

  if (id == NULL)
    {
      char *found = slv_import_store_find_id (self->store, field->ref_table, "code", code, self->brand_id, NULL);

      id = found ? found : g_strdup ("");
      g_hash_table_insert (self->refs, g_steal_pointer (&key), (char *) id);
    }
  return *id ? id : NULL;
}

static void
complete_fields (SlvImportEngine *self)
{
  const SlvImportTarget *t = self->target;

  g_string_truncate (self->key_text, 0);
  for (guint f = 0; f < t->n_fields; f++)
    {
      const SlvImportField *field = &t->fields[f];

      if (self->fvalues[f] == NULL && self->constants[f] != NULL)
        self->fvalues[f] = g_strdup (self->constants[f]);
      if (self->fvalues[f] == NULL && (field->flags & SLV_IMPORT_FIELD_KEY) && field->fallback != NULL)
        self->fvalues[f] = g_strdup (field->fallback);
      if (self->fvalues[f] == NULL && key_required (t, f))
        {
          g_autofree char *reason = g_strdup_printf (_("The %s has no %s."), _(t->noun), _(field->label));

          report (self, header_name (self, self->source[f]), NULL, reason, SLV_IMPORT_SEVERITY_ERROR);
        }
      if ((field->flags & SLV_IMPORT_FIELD_KEY) && (self->fvalues[f] != NULL || self->source[f] >= 0))
        g_string_append_printf (self->key_text, "%s%s", self->key_text->len ? " / " : "",
                                self->fvalues[f] ? self->fvalues[f] : "—");
    }
  for (guint f = 0; f < t->n_fields; f++)
    {
      const SlvImportField *field = &t->fields[f];

      if (self->fvalues[f] != NULL && field->type == SLV_IMPORT_FIELD_REFERENCE)
        {
          const char *id = resolve_reference (self, field, self->fvalues[f]);

          if (id == NULL)
            {
              g_autofree char *reason = g_strdup_printf (_("There is no %s ‘%s’ in the workspace; import it "
                                                           "first or correct the code."),
                                                         field->ref_table, self->fvalues[f]);

              report (self, header_name (self, self->source[f]), self->fvalues[f], reason,
                      SLV_IMPORT_SEVERITY_ERROR);
            }
          g_free (self->fvalues[f]);
          self->fvalues[f] = g_strdup (id);
        }
    }
}

static const char *
fallback_for (SlvImportEngine      *self,
              const SlvImportField *field)
{
  if (field->fallback == NULL)
    return NULL;
  if (g_str_equal (field->fallback, "@currency"))
    return self->base_currency;
  if (field->fallback[0] == '@')
    {
      int from = slv_import_target_find_field (self->target, field->fallback + 1);

      return from >= 0 ? self->fvalues[from] : NULL;
    }
  return field->fallback;
}

static void
build_values (SlvImportEngine *self)
{
  const SlvImportTarget *t = self->target;

  g_string_truncate (self->missing, 0);
  for (guint c = 0; c < self->table->n_columns; c++)
    {
      guint f = self->column_fields[c];

      self->values[c] = self->fvalues[f];
      self->insert_values[c] = self->fvalues[f] ? self->fvalues[f] : fallback_for (self, &t->fields[f]);
      if (self->insert_values[c] == NULL && (t->fields[f].flags & SLV_IMPORT_FIELD_REQUIRED))
        g_string_append_printf (self->missing, "%s%s", self->missing->len ? ", " : "", _(t->fields[f].label));
    }
  self->row.values = self->values;
  self->row.insert_values = self->missing->len ? NULL : self->insert_values;
  self->row.missing = self->missing->len ? self->missing->str : NULL;
}

const SlvImportRow *
slv_import_engine_next (SlvImportEngine  *self,
                        GError          **error)
{
  const SlvRow *row;

  do
    row = slv_row_reader_next_row (self->reader, error);
  while (row != NULL && slv_row_is_blank (row));
  if (row == NULL)
    return NULL;

  self->data_rows++;
  self->row.number = row->number;
  self->row.rejected = FALSE;
  g_clear_pointer (&self->first_reason, g_free);
  check_width (self, row);
  convert_cells (self, row);
  complete_fields (self);
  if (!self->row.rejected && self->target->finish != NULL)
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *warning = self->target->finish (self->target, self->fvalues, &local_error);

      if (local_error != NULL)
        report (self, NULL, NULL, local_error->message, SLV_IMPORT_SEVERITY_ERROR);
      else if (warning != NULL)
        report (self, NULL, NULL, warning, SLV_IMPORT_SEVERITY_WARNING);
    }
  build_values (self);
  return &self->row;
}

gboolean
slv_import_engine_skip (SlvImportEngine  *self,
                        guint64           n,
                        GError          **error)
{
  while (self->data_rows < n)
    {
      const SlvRow *row = slv_row_reader_next_row (self->reader, error);

      if (row == NULL)
        {
          if (error != NULL && *error == NULL)
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                         _("The file has fewer rows than were already imported; it changed since."));
          return FALSE;
        }
      if (!slv_row_is_blank (row))
        self->data_rows++;
    }
  return TRUE;
}

void
slv_import_engine_reject (SlvImportEngine    *self,
                          const SlvImportRow *row,
                          const char         *reason)
{
  report (self, NULL, NULL, reason, SLV_IMPORT_SEVERITY_ERROR);
}

void
slv_import_engine_warn (SlvImportEngine    *self,
                        const SlvImportRow *row,
                        const char         *reason)
{
  report (self, NULL, self->key_text->str, reason, SLV_IMPORT_SEVERITY_WARNING);
}

char *
slv_import_engine_key_text (SlvImportEngine    *self,
                            const SlvImportRow *row)
{
  return g_strdup (self->key_text->str);
}

/* -- dry run -- */

static char *
summarize (SlvImportEngine    *self,
           const SlvImportRow *row,
           SlvUpsertAction     action,
           char              **before)
{
  GString *s = g_string_new (NULL);

  for (guint c = self->table->n_keys; c < self->table->n_columns; c++)
    {
      const char *name = self->table->columns[c];

      if (action == SLV_UPSERT_INSERT && row->insert_values != NULL && row->insert_values[c] != NULL)
        g_string_append_printf (s, "%s%s=%s", s->len ? ", " : "", name, row->insert_values[c]);
      else if (action == SLV_UPSERT_UPDATE && before != NULL && before[c] != NULL)
        g_string_append_printf (s, "%s%s: %s → %s", s->len ? "; " : "", name,
                                *before[c] ? before[c] : "—", row->values[c]);
    }
  return g_string_free (s, FALSE);
}

static void
add_preview (GListStore      *preview,
             guint           *shown,
             guint            max_preview,
             guint64          row,
             SlvImportAction  action,
             const char      *key,
             const char      *summary)
{
  g_autoptr(SlvImportPreviewRow) item = NULL;

  if (preview == NULL || shown[action] >= max_preview)
    return;
  shown[action]++;
  item = slv_import_preview_row_new (row, action, key, summary);
  g_list_store_append (preview, item);
}

gboolean
slv_import_engine_dry_run (SlvImportEngine  *self,
                           SlvImportCounts  *counts,
                           GListStore       *preview,
                           guint             max_preview,
                           GCancellable     *cancellable,
                           GError          **error)
{
  g_autoptr(SlvImportWriter) writer = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint shown[4] = { 0 };
  const SlvImportRow *row;
  GError *local_error = NULL;

  memset (counts, 0, sizeof *counts);
  writer = slv_import_writer_new (self->store, self->table, self->brand_id, NULL, 0, error);
  if (writer == NULL)
    return FALSE;
  while ((row = slv_import_engine_next (self, &local_error)) != NULL)
    {
      g_autofree char *key = slv_import_engine_key_text (self, row);
      g_autofree char **before = g_new0 (char *, self->table->n_columns);
      g_autofree char *summary = NULL;
      SlvUpsertAction action;
      gpointer first = NULL;

      counts->rows++;
      if (counts->rows % 256 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (!row->rejected && !slv_import_writer_classify (writer, row->values, &action, before, error))
        return FALSE;
      if (!row->rejected && g_hash_table_lookup_extended (seen, key, NULL, &first))
        {
          g_autofree char *reason = g_strdup_printf (_("The row repeats the key of row %" G_GUINT64_FORMAT
                                                       "; the later row wins."), GPOINTER_TO_SIZE (first));

          report (self, NULL, key, reason, SLV_IMPORT_SEVERITY_WARNING);
          action = SLV_UPSERT_UPDATE;
        }
      else if (!row->rejected && action == SLV_UPSERT_INSERT && row->insert_values == NULL)
        {
          g_autofree char *reason = g_strdup_printf (_("A new %s needs: %s."), _(self->target->noun), row->missing);

          slv_import_engine_reject (self, row, reason);
        }
      if (row->rejected)
        {
          counts->rejected++;
          add_preview (preview, shown, max_preview, row->number, SLV_IMPORT_ACTION_REJECTED, key,
                       self->first_reason);
        }
      else
        {
          if (action == SLV_UPSERT_INSERT)
            g_hash_table_insert (seen, g_strdup (key), GSIZE_TO_POINTER ((gsize) row->number));
          summary = summarize (self, row, action, before);
          counts->inserted += action == SLV_UPSERT_INSERT;
          counts->updated += action == SLV_UPSERT_UPDATE;
          counts->unchanged += action == SLV_UPSERT_UNCHANGED;
          add_preview (preview, shown, max_preview, row->number, (SlvImportAction) action, key, summary);
        }
      for (guint c = 0; c < self->table->n_columns; c++)
        g_free (before[c]);
    }
  counts->warnings = self->warnings;
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

guint64
slv_import_engine_get_warnings (SlvImportEngine *self)
{
  return self->warnings;
}

/* -- a first look -- */

void
slv_import_peek_clear (SlvImportPeek *peek)
{
  g_clear_pointer (&peek->headers, g_strfreev);
  g_clear_pointer (&peek->rows, g_ptr_array_unref);
  g_clear_pointer (&peek->description, g_free);
  g_clear_pointer (&peek->sheets, g_strfreev);
}

static GStrv
row_texts (const SlvRow *row)
{
  GStrv out = g_new0 (char *, row->n_cells + 1);

  for (guint i = 0; i < row->n_cells; i++)
    out[i] = g_strdup (row->cells[i].text);
  return out;
}

gboolean
slv_import_peek (const char            *path,
                 const SlvReadOptions  *options,
                 guint                  header_row,
                 guint                  max_rows,
                 SlvImportPeek         *peek,
                 GError               **error)
{
  SlvImportEngine *self = g_new0 (SlvImportEngine, 1);
  const SlvRow *row;
  gboolean ok = FALSE;

  memset (peek, 0, sizeof *peek);
  self->reader = slv_row_reader_open (path, options, error);
  if (self->reader == NULL)
    goto out;
  self->is_csv = SLV_IS_CSV_READER (self->reader);
  if (!find_header (self, header_row, error))
    goto out;
  peek->headers = g_strdupv ((GStrv) self->headers->pdata);
  peek->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  while (peek->rows->len < max_rows && (row = slv_row_reader_next_row (self->reader, error)) != NULL)
    if (!slv_row_is_blank (row))
      g_ptr_array_add (peek->rows, row_texts (row));
  if (error != NULL && *error != NULL)
    goto out;
  peek->description = g_strdup (slv_row_reader_describe (self->reader));
  if (self->is_csv)
    {
      peek->delimiter = slv_csv_reader_get_delimiter (SLV_CSV_READER (self->reader));
      peek->encoding = slv_csv_reader_get_encoding (SLV_CSV_READER (self->reader));
    }
  else
    {
      SlvXlsxReader *x = SLV_XLSX_READER (self->reader);
      GStrvBuilder *b = g_strv_builder_new ();

      for (guint i = 0; i < slv_xlsx_reader_get_n_sheets (x); i++)
        if (!slv_xlsx_reader_get_sheet_info (x, i)->chart)
          g_strv_builder_add (b, slv_xlsx_reader_get_sheet_info (x, i)->name);
      peek->sheets = g_strv_builder_end (b);
      g_strv_builder_unref (b);
    }
  ok = TRUE;
out:
  if (!ok)
    slv_import_peek_clear (peek);
  slv_import_engine_free (self);
  return ok;
}
