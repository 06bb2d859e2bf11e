/* fuzz-csv.c: libFuzzer target for the CSV reader and the value parsers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first byte picks the reading options (delimiter, encoding, a small
 * record limit); the rest is the file. Every cell also goes through the
 * number and date parsers in both decimal conventions.
 */
#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "formats/slv-csv-reader.h"
#include "formats/slv-values.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static const char delimiters[] = { 0, ',', ';', '\t' };
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(SlvCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  SlvReadOptions options = { 0 };
  const SlvRow *row;
  guint rows = 0;

  if (size < 1)
    return 0;
  options.delimiter = delimiters[data[0] & 3];
  options.encoding = (data[0] >> 2) % 5;
  options.max_record_bytes = (data[0] & 0x80) ? 64 : 4096;
  stream = g_memory_input_stream_new_from_data (data + 1, size - 1, NULL);
  reader = slv_csv_reader_new (stream, size - 1, &options, &error);
  if (reader == NULL)
    return 0;
  while ((row = slv_row_reader_next_row (SLV_ROW_READER (reader), &error)) != NULL && rows++ < 10000)
    for (guint i = 0; i < row->n_cells; i++)
      {
        char dec[SLV_DECIMAL_BUF], date[SLV_DATE_BUF];
        gint64 n;
        gboolean empty;

        g_assert (g_utf8_validate (row->cells[i].text, row->cells[i].len, NULL));
        g_assert (strlen (row->cells[i].text) == row->cells[i].len);
        slv_parse_decimal (row->cells[i].text, row->cells[i].len, SLV_DECIMAL_POINT, dec, NULL);
        if (slv_parse_decimal (row->cells[i].text, row->cells[i].len, SLV_DECIMAL_COMMA, dec, NULL) && dec[0])
          {
            gboolean rounded;
            char q[SLV_DECIMAL_BUF];

            g_assert (slv_decimal_text_equal (dec, dec));
            slv_decimal_text_divide (dec, "3", 6, q, &rounded);
          }
        slv_parse_integer (row->cells[i].text, row->cells[i].len, SLV_DECIMAL_POINT, &empty, &n, NULL);
        slv_parse_date (row->cells[i].text, row->cells[i].len, SLV_DATE_DMY, date, NULL);
        slv_parse_date (row->cells[i].text, row->cells[i].len, SLV_DATE_MDY, date, NULL);
      }
  return 0;
}
