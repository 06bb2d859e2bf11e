/* slv-import-dry-run.c: what an import would do, and a first look at a file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-import"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <string.h>

#include "slv-import-engine-private.h"
#include "formats/slv-csv-reader.h"
#include "formats/slv-xlsx-reader.h"

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
          g_autofree char *reason = g_strdup_printf (_("The row repeats the key of row %" PRIu64
                                                       "; the later row wins."), GPOINTER_TO_SIZE (first));

          slv_import_engine_report (self, NULL, key, reason, SLV_IMPORT_SEVERITY_WARNING);
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
  if (!slv_import_engine_find_header (self, header_row, error))
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
