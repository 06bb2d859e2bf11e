/* slv-row-reader.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-row-reader"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "slv-row-reader.h"
#include "slv-csv-reader.h"
#include "slv-xlsx-reader.h"

G_DEFINE_INTERFACE (SlvRowReader, slv_row_reader, G_TYPE_OBJECT)
G_DEFINE_QUARK (slv-read-error-quark, slv_read_error)

static void
slv_row_reader_default_init (SlvRowReaderInterface *iface)
{
}

const SlvRow *
slv_row_reader_next_row (SlvRowReader  *self,
                         GError       **error)
{
  g_return_val_if_fail (SLV_IS_ROW_READER (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  return SLV_ROW_READER_GET_IFACE (self)->next_row (self, error);
}

double
slv_row_reader_get_fraction (SlvRowReader *self)
{
  g_return_val_if_fail (SLV_IS_ROW_READER (self), 0.0);
  return SLV_ROW_READER_GET_IFACE (self)->get_fraction (self);
}

const char *
slv_row_reader_describe (SlvRowReader *self)
{
  g_return_val_if_fail (SLV_IS_ROW_READER (self), "");
  return SLV_ROW_READER_GET_IFACE (self)->describe (self);
}

/* The first bytes of @path, or FALSE with an error. */
static gboolean
read_magic (const char  *path,
            guint8       magic[8],
            gsize       *n,
            GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;

  *n = 0;
  stream = g_file_read (file, NULL, &local_error);
  if (stream == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (stream), magic, 8, n, NULL, &local_error))
    {
      g_set_error (error, SLV_READ_ERROR, SLV_READ_ERROR_IO, _("Could not open “%s”: %s"),
                   path, local_error->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
slv_row_reader_is_zip (const char *path)
{
  guint8 magic[8];
  gsize n;

  return read_magic (path, magic, &n, NULL) && n >= 4 && memcmp (magic, "PK\003\004", 4) == 0;
}

SlvRowReader *
slv_row_reader_open (const char            *path,
                     const SlvReadOptions  *options,
                     GError               **error)
{
  static const guint8 ole[8] = { 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1 };
  guint8 magic[8] = { 0 };
  gsize n;

  g_return_val_if_fail (path != NULL, NULL);

  if (!read_magic (path, magic, &n, error))
    return NULL;
  if (n == 8 && memcmp (magic, ole, 8) == 0)
    {
      g_set_error (error, SLV_READ_ERROR, SLV_READ_ERROR_NOT_SUPPORTED,
                   _("“%s” is an old Excel workbook (.xls). Save it as .xlsx or CSV and import that."),
                   path);
      return NULL;
    }
  if (n >= 4 && memcmp (magic, "PK", 2) == 0 &&
      (memcmp (magic, "PK\003\004", 4) == 0 || memcmp (magic, "PK\005\006", 4) == 0))
    return SLV_ROW_READER (slv_xlsx_reader_new_for_path (path, options, error));
  return SLV_ROW_READER (slv_csv_reader_new_for_path (path, options, error));
}

const char *
slv_row_get_text (const SlvRow *row,
                  guint         i)
{
  return i < row->n_cells ? row->cells[i].text : "";
}

gboolean
slv_row_is_blank (const SlvRow *row)
{
  for (guint i = 0; i < row->n_cells; i++)
    if (row->cells[i].type != SLV_CELL_EMPTY)
      return FALSE;
  return TRUE;
}
