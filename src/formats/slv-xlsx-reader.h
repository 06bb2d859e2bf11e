/* slv-xlsx-reader.h: streaming XLSX worksheets (libarchive + xmlTextReader).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads one worksheet at a time row by row, without building a document:
 * shared and inline strings, numbers, booleans, cached formula results and
 * errors, dates and times by number format in the 1900 and 1904 date
 * systems, _xHHHH_ escapes, transitional and strict (ISO) namespaces under
 * any prefix. Cells inside a merged area take the value of its first cell
 * unless SlvReadOptions.no_merged_fill. Unpacked size and compression ratio
 * are limited, so a ZIP bomb stops with an error instead of filling memory.
 */
#pragma once

#include "slv-row-reader.h"

G_BEGIN_DECLS

typedef struct
{
  char     *name;
  char     *part;       /* ZIP entry of the sheet, e.g. "xl/worksheets/sheet1.xml" */
  char     *state;      /* "visible", "hidden" or "veryHidden" */
  gboolean  chart;      /* a chart sheet: no cells */
} SlvXlsxSheetInfo;

typedef struct
{
  guint first_row, first_col, last_row, last_col;   /* rows 1-based, columns 0-based */
} SlvCellRange;

#define SLV_TYPE_XLSX_READER (slv_xlsx_reader_get_type ())
G_DECLARE_FINAL_TYPE (SlvXlsxReader, slv_xlsx_reader, SLV, XLSX_READER, GObject)

SlvXlsxReader          *slv_xlsx_reader_new_for_path     (const char            *path,
                                                          const SlvReadOptions  *options,
                                                          GError               **error) G_GNUC_WARN_UNUSED_RESULT;
SlvXlsxReader          *slv_xlsx_reader_new_for_bytes    (GBytes                *bytes,
                                                          const SlvReadOptions  *options,
                                                          GError               **error) G_GNUC_WARN_UNUSED_RESULT;

gboolean                slv_xlsx_reader_get_date1904     (SlvXlsxReader         *self);
guint                   slv_xlsx_reader_get_n_sheets     (SlvXlsxReader         *self);
const SlvXlsxSheetInfo *slv_xlsx_reader_get_sheet_info   (SlvXlsxReader         *self,
                                                          guint                  index);
/* The sheet being read. */
const char             *slv_xlsx_reader_get_sheet_name   (SlvXlsxReader         *self);
/* Starts reading sheet @name from its first row. */
gboolean                slv_xlsx_reader_select_sheet     (SlvXlsxReader         *self,
                                                          const char            *name,
                                                          GError               **error);
/* The merged areas of the sheet being read. */
const SlvCellRange     *slv_xlsx_reader_get_merged       (SlvXlsxReader         *self,
                                                          guint                 *n_ranges);

/* "A1:C3" (or "B2" for one cell); @out holds at least 32 bytes. */
void                    slv_cell_range_to_string         (const SlvCellRange    *range,
                                                          char                  *out);
/* "A", "Z", "AA", … for a 0-based column; @out holds at least 8 bytes. */
void                    slv_column_name                  (guint                  col,
                                                          char                  *out);

G_END_DECLS
