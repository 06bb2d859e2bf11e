/* slv-row-reader.h: one way to read rows of a table, whatever the file format.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A SlvRowReader hands out rows one at a time (CSV records, worksheet rows)
 * in constant memory. The row and its cells belong to the reader and stay
 * valid until the next call. Blank rows are skipped; the row number says
 * where a row is in the file (the line a CSV record starts on, the
 * worksheet row number).
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SLV_READ_ERROR (slv_read_error_quark ())

typedef enum
{
  SLV_READ_ERROR_IO,             /* the file could not be read */
  SLV_READ_ERROR_ENCODING,       /* bytes that are not text in the chosen encoding */
  SLV_READ_ERROR_BINARY,         /* NUL bytes: not a text table */
  SLV_READ_ERROR_TOO_LONG,       /* a line or field beyond the limit */
  SLV_READ_ERROR_SYNTAX,         /* a quote never closed, XML that is not well-formed */
  SLV_READ_ERROR_NOT_SUPPORTED,  /* .xls, ODS, other formats */
  SLV_READ_ERROR_DAMAGED,        /* truncated or broken ZIP, missing parts */
  SLV_READ_ERROR_TOO_LARGE,      /* size or compression-ratio limits (ZIP bombs) */
  SLV_READ_ERROR_NO_SHEET,       /* no such worksheet */
} SlvReadError;

typedef enum
{
  SLV_CELL_EMPTY,
  SLV_CELL_TEXT,
  SLV_CELL_NUMBER,     /* text is the number as Excel shows it (15 digits), "." decimal */
  SLV_CELL_BOOLEAN,    /* text "TRUE" or "FALSE", number 1 or 0 */
  SLV_CELL_ERROR,      /* text "#DIV/0!", "#N/A", … */
  SLV_CELL_DATE,       /* text "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SS"; number is the serial */
  SLV_CELL_TIME,       /* text "H:MM:SS"; number is the serial (days) */
} SlvCellType;

typedef struct
{
  SlvCellType  type;
  const char  *text;     /* UTF-8, NUL-terminated, never NULL ("" when empty) */
  gsize        len;
  double       number;   /* NUMBER, BOOLEAN, DATE, TIME */
  gboolean     merged;   /* copied from the first cell of a merged area */
} SlvCell;

typedef struct
{
  guint64  number;       /* 1-based line (CSV) or row (worksheet) */
  guint    n_cells;
  SlvCell *cells;
} SlvRow;

typedef enum
{
  SLV_ENCODING_AUTO,      /* byte-order mark, else UTF-8 if valid, else Windows-1252 */
  SLV_ENCODING_UTF8,
  SLV_ENCODING_UTF16LE,
  SLV_ENCODING_UTF16BE,
  SLV_ENCODING_WINDOWS_1252,
} SlvEncoding;

/* How to read a file; zero-initialised means "work it out". */
typedef struct
{
  /* CSV */
  char         delimiter;           /* 0: sniff */
  SlvEncoding  encoding;
  gsize        max_record_bytes;    /* 0: SLV_READ_DEFAULT_MAX_RECORD */
  /* XLSX */
  const char  *sheet;               /* name; NULL: the first visible worksheet */
  gboolean     no_merged_fill;      /* keep merged areas empty beyond their first cell */
  guint64      max_unpacked_bytes;  /* 0: SLV_READ_DEFAULT_MAX_UNPACKED */
  guint        max_ratio;           /* 0: SLV_READ_DEFAULT_MAX_RATIO */
} SlvReadOptions;

#define SLV_READ_DEFAULT_MAX_RECORD    (1024 * 1024)
#define SLV_READ_DEFAULT_MAX_UNPACKED  (G_GUINT64_CONSTANT (2) << 30)
#define SLV_READ_DEFAULT_MAX_RATIO     200

#define SLV_TYPE_ROW_READER (slv_row_reader_get_type ())
G_DECLARE_INTERFACE (SlvRowReader, slv_row_reader, SLV, ROW_READER, GObject)

struct _SlvRowReaderInterface
{
  GTypeInterface parent_iface;

  const SlvRow *(*next_row)      (SlvRowReader  *self,
                                  GError       **error);
  double        (*get_fraction)  (SlvRowReader  *self);
  const char   *(*describe)      (SlvRowReader  *self);
};

GQuark        slv_read_error_quark         (void);

/* The next non-blank row; NULL at the end (error unset) or on error. */
const SlvRow *slv_row_reader_next_row      (SlvRowReader          *self,
                                            GError               **error);
/* How far through the file reading is, 0.0–1.0. */
double        slv_row_reader_get_fraction  (SlvRowReader          *self);
/* What is being read, for messages: "CSV, UTF-8, ‘;’", "XLSX, sheet ‘Data’". */
const char   *slv_row_reader_describe      (SlvRowReader          *self);

/* Opens @path as CSV or XLSX, by content (a ZIP archive is read as XLSX). */
SlvRowReader *slv_row_reader_open          (const char            *path,
                                            const SlvReadOptions  *options,
                                            GError               **error) G_GNUC_WARN_UNUSED_RESULT;
/* TRUE if @path starts like a ZIP archive (XLSX). */
gboolean      slv_row_reader_is_zip        (const char            *path);

/* The text of cell @i of @row, or "" beyond its end. */
const char   *slv_row_get_text             (const SlvRow          *row,
                                            guint                  i);
/* TRUE if every cell of @row is empty. */
gboolean      slv_row_is_blank             (const SlvRow          *row);

G_END_DECLS
