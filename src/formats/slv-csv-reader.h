/* slv-csv-reader.h: streaming CSV (RFC 4180 and what real exports do).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads records in constant memory from UTF-8 (with or without BOM),
 * UTF-16LE/BE (with BOM) or Windows-1252 text. Quoted fields may hold
 * delimiters, doubled quotes and line breaks; CRLF, LF and CR end lines.
 * A record longer than the limit, a NUL byte, bytes that are not text in
 * the encoding, or a quote never closed stop reading with an error that
 * names the line.
 */
#pragma once

#include "slv-row-reader.h"

G_BEGIN_DECLS

#define SLV_TYPE_CSV_READER (slv_csv_reader_get_type ())
G_DECLARE_FINAL_TYPE (SlvCsvReader, slv_csv_reader, SLV, CSV_READER, GObject)

/* Reads @stream (@size bytes if known, for progress; else -1). A zero
 * delimiter in @options is sniffed from the first lines. */
SlvCsvReader *slv_csv_reader_new            (GInputStream          *stream,
                                             gint64                 size,
                                             const SlvReadOptions  *options,
                                             GError               **error) G_GNUC_WARN_UNUSED_RESULT;
SlvCsvReader *slv_csv_reader_new_for_path   (const char            *path,
                                             const SlvReadOptions  *options,
                                             GError               **error) G_GNUC_WARN_UNUSED_RESULT;

char          slv_csv_reader_get_delimiter  (SlvCsvReader          *self);
/* The encoding in use (never AUTO once the reader exists). */
SlvEncoding   slv_csv_reader_get_encoding   (SlvCsvReader          *self);
gboolean      slv_csv_reader_get_has_bom    (SlvCsvReader          *self);
/* Bytes of the file read so far. */
guint64       slv_csv_reader_get_bytes_read (SlvCsvReader          *self);

/* The delimiter most lines of @text agree on (',', ';', TAB or '|'). */
char          slv_csv_sniff_delimiter       (const char            *text,
                                             gsize                  len);
const char   *slv_encoding_to_string        (SlvEncoding            encoding);
/* "utf-8", "utf-16le", "utf-16be", "windows-1252", "auto" (case-insensitive;
 * also "cp1252", "latin1"…); FALSE if unknown. */
gboolean      slv_encoding_from_string      (const char            *name,
                                             SlvEncoding           *encoding);

G_END_DECLS
