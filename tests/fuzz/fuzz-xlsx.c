/* fuzz-xlsx.c: libFuzzer target for the XLSX reader.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads the input as a workbook (with small size limits, so bombs stop
 * fast), every worksheet, every row, with and without merged-cell filling.
 */
#include "config.h"

#include <string.h>

#include "formats/slv-xlsx-reader.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static void
read_all (GBytes   *bytes,
          gboolean  fill)
{
  SlvReadOptions options = { .no_merged_fill = !fill, .max_unpacked_bytes = 8 * 1024 * 1024, .max_ratio = 100 };
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvXlsxReader) reader = slv_xlsx_reader_new_for_bytes (bytes, &options, &error);
  guint n;

  if (reader == NULL)
    return;
  n = slv_xlsx_reader_get_n_sheets (reader);
  for (guint s = 0; s < n && s < 8; s++)
    {
      const SlvXlsxSheetInfo *info = slv_xlsx_reader_get_sheet_info (reader, s);
      const SlvRow *row;
      guint rows = 0;

      g_clear_error (&error);
      if (!slv_xlsx_reader_select_sheet (reader, info->name, &error))
        continue;
      while ((row = slv_row_reader_next_row (SLV_ROW_READER (reader), &error)) != NULL && rows++ < 100000)
        for (guint i = 0; i < row->n_cells; i++)
          {
            g_assert (row->cells[i].text != NULL);
            g_assert (strlen (row->cells[i].text) == row->cells[i].len);
            g_assert (g_utf8_validate (row->cells[i].text, row->cells[i].len, NULL));
          }
    }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);

  read_all (bytes, TRUE);
  read_all (bytes, FALSE);
  return 0;
}
