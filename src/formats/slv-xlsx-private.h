/* slv-xlsx-private.h: the parts of the XLSX reader (private to src/formats).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libxml/xmlreader.h>

#include "slv-xlsx-reader.h"

G_BEGIN_DECLS

/* -- slv-xlsx-zip.c: ZIP entries as XML streams, with limits -- */

typedef struct _SlvZip SlvZip;

/* Opens the archive at @path or in @bytes and lists its entries. */
SlvZip           *slv_zip_open               (const char   *path,
                                              GBytes       *bytes,
                                              guint64       max_unpacked,
                                              guint         max_ratio,
                                              GError      **error);
void              slv_zip_free               (SlvZip       *zip);
/* The stored name of part @name (case-insensitive, no leading '/'), or NULL. */
const char       *slv_zip_find               (SlvZip       *zip,
                                              const char   *name);
/* An XML reader over the entry @name. Only one entry is open at a time:
 * opening another one ends the previous reader's input. */
xmlTextReaderPtr  slv_zip_open_xml           (SlvZip       *zip,
                                              const char   *name,
                                              GError      **error);
/* Reads the next XML node; 1 a node, 0 the end, -1 with @error set (the
 * archive's limits and damage take precedence over XML errors). */
int               slv_zip_xml_read           (SlvZip           *zip,
                                              xmlTextReaderPtr  reader,
                                              GError          **error);
/* How much of the open entry has been unpacked, 0.0–1.0. */
double            slv_zip_get_fraction       (SlvZip       *zip);

/* -- slv-xlsx-book.c: workbook, relationships, styles, shared strings -- */

typedef enum
{
  SLV_XLSX_FORMAT_PLAIN,
  SLV_XLSX_FORMAT_DATE,
  SLV_XLSX_FORMAT_DATETIME,
  SLV_XLSX_FORMAT_TIME,
  SLV_XLSX_FORMAT_ELAPSED,
} SlvXlsxFormatClass;

typedef struct
{
  GPtrArray    *sheets;         /* SlvXlsxSheetInfo, owned */
  gboolean      date1904;
  GArray       *xf_classes;     /* guint8 SlvXlsxFormatClass per cellXfs index */
  GStringChunk *chunk;
  GPtrArray    *strings;        /* shared strings, in @chunk */
} SlvXlsxBook;

gboolean            slv_xlsx_book_load          (SlvXlsxBook  *book,
                                                 SlvZip       *zip,
                                                 GError      **error);
void                slv_xlsx_book_clear         (SlvXlsxBook  *book);
SlvXlsxFormatClass  slv_xlsx_classify_format    (guint         id,
                                                 const char   *code);
/* Replaces _xHHHH_ escapes (ECMA-376 Part 1, 22.9.2.19) in @s. */
void                slv_xlsx_decode_escapes     (GString      *s);
/* TRUE if @uri is SpreadsheetML's main namespace (transitional or strict)
 * or absent. */
gboolean            slv_xlsx_is_main_ns         (const xmlChar *uri);
/* Appends the text of the current element (a <t>, <v>) to @out, leaving
 * the reader on its end. */
int                 slv_xlsx_read_text          (SlvZip           *zip,
                                                 xmlTextReaderPtr  reader,
                                                 GString          *out,
                                                 GError          **error);
/* Reads "B12" into a 0-based column and 1-based row; FALSE if it is not a
 * cell reference inside a worksheet. */
gboolean            slv_xlsx_parse_ref          (const char   *ref,
                                                 guint        *col,
                                                 guint        *row);

G_END_DECLS
