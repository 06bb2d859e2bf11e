/* slv-csv-reader.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-csv-reader"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <string.h>

#include "slv-csv-reader.h"
#include "slv-text-decode.h"

#define BLOCK_SIZE (256 * 1024)
#define SNIFF_BYTES (64 * 1024)

typedef enum
{
  FIELD_START,
  UNQUOTED,
  QUOTED,
  QUOTE_IN_QUOTED,
} ParseState;

struct _SlvCsvReader
{
  GObject       parent_instance;

  GInputStream *stream;
  gint64        size;           /* -1 when unknown */
  guint64       bytes_read;
  SlvEncoding   encoding;
  gboolean      bom;
  char          delimiter;
  gsize         max_record;
  char         *description;

  /* Raw bytes: [carry][new block]. */
  guint8       *raw;
  gsize         raw_len;
  gsize         carry_start;    /* raw[carry_start..raw_len) waits for more bytes */
  gboolean      eof;
  GByteArray   *converted;      /* UTF-8 out of UTF-16 / Windows-1252 */
  const char   *text;           /* the decoded block being parsed */
  gsize         text_len;
  gsize         pos;
  gboolean      bad;            /* invalid bytes follow the decoded block */
  guint8        bad_bytes[4];
  gsize         bad_len;
  gboolean      failed;

  /* Parser */
  ParseState    state;
  gboolean      after_cr;
  guint8        special[256];   /* bytes that end an unquoted run */
  char         *field;          /* fields of the current record, NUL-separated */
  gsize         field_len;
  gsize         field_cap;
  GArray       *starts;         /* gsize offsets of the fields in @field */
  gboolean      record_quoted;  /* some field of the record was quoted */
  guint64       line;           /* line being read, 1-based */
  guint64       record_line;

  SlvRow        row;
  GArray       *cells;
};

static void slv_csv_reader_row_reader_init (SlvRowReaderInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SlvCsvReader, slv_csv_reader, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (SLV_TYPE_ROW_READER,
                                                      slv_csv_reader_row_reader_init))

static const struct { SlvEncoding encoding; const char *name; } encoding_names[] = {
  { SLV_ENCODING_AUTO, "auto" },
  { SLV_ENCODING_UTF8, "utf-8" },
  { SLV_ENCODING_UTF8, "utf8" },
  { SLV_ENCODING_UTF16LE, "utf-16le" },
  { SLV_ENCODING_UTF16LE, "utf16le" },
  { SLV_ENCODING_UTF16BE, "utf-16be" },
  { SLV_ENCODING_UTF16BE, "utf16be" },
  { SLV_ENCODING_WINDOWS_1252, "windows-1252" },
  { SLV_ENCODING_WINDOWS_1252, "cp1252" },
  { SLV_ENCODING_WINDOWS_1252, "latin1" },
  { SLV_ENCODING_WINDOWS_1252, "iso-8859-1" },
  { SLV_ENCODING_WINDOWS_1252, "ansi" },
};

const char *
slv_encoding_to_string (SlvEncoding encoding)
{
  for (guint i = 0; i < G_N_ELEMENTS (encoding_names); i++)
    if (encoding_names[i].encoding == encoding)
      return encoding_names[i].name;
  return "auto";
}

gboolean
slv_encoding_from_string (const char  *name,
                          SlvEncoding *encoding)
{
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (encoding_names); i++)
    if (g_ascii_strcasecmp (encoding_names[i].name, name) == 0)
      {
        *encoding = encoding_names[i].encoding;
        return TRUE;
      }
  return FALSE;
}

/* -- delimiter sniffing -- */

static const char candidates[] = { ';', ',', '\t', '|' };

/* Counts each candidate outside quotes on every complete line of @text
 * (at most 50 lines) and picks the one whose count is the same on the most
 * lines, then the higher count. */
char
slv_csv_sniff_delimiter (const char *text,
                         gsize       len)
{
  guint counts[50][G_N_ELEMENTS (candidates)] = { { 0 } };
  guint n_lines = 0;
  gboolean quoted = FALSE;
  char best = ',';
  guint best_agree = 0, best_mode = 0;

  for (gsize i = 0; i < len && n_lines < G_N_ELEMENTS (counts); i++)
    {
      if (text[i] == '"')
        quoted = !quoted;
      else if (!quoted && text[i] == '\n')
        n_lines++;
      else if (!quoted)
        for (guint c = 0; c < G_N_ELEMENTS (candidates); c++)
          if (text[i] == candidates[c])
            counts[n_lines][c]++;
    }
  if (n_lines == 0)
    n_lines = 1;   /* one line without its end: use it */

  for (guint c = 0; c < G_N_ELEMENTS (candidates); c++)
    {
      /* The most common non-zero count on a line, and how many lines have it. */
      guint mode = 0, agree = 0;

      for (guint l = 0; l < n_lines; l++)
        {
          guint same = 0;

          if (counts[l][c] == 0)
            continue;
          for (guint k = 0; k < n_lines; k++)
            same += counts[k][c] == counts[l][c];
          if (same > agree || (same == agree && counts[l][c] > mode))
            agree = same, mode = counts[l][c];
        }
      if (agree > best_agree || (agree == best_agree && agree > 0 && mode > best_mode))
        {
          best = candidates[c];
          best_agree = agree;
          best_mode = mode;
        }
    }
  return best;
}

/* -- reading and decoding -- */

static gboolean
fail (SlvCsvReader  *self,
      GError       **error,
      GError        *reason)
{
  self->failed = TRUE;
  g_propagate_error (error, reason);
  return FALSE;
}

static GError *
encoding_error (SlvCsvReader *self,
                const guint8 *bad,
                gsize         n)
{
  g_autoptr(GString) bytes = g_string_new (NULL);

  for (gsize i = 0; i < MIN (n, 4); i++)
    g_string_append_printf (bytes, "%s0x%02X", i ? " " : "", bad[i]);
  switch (self->encoding)
    {
    case SLV_ENCODING_UTF16LE:
    case SLV_ENCODING_UTF16BE:
      return g_error_new (SLV_READ_ERROR, SLV_READ_ERROR_ENCODING,
                          _("Line %" PRIu64 " is not valid %s text (bytes %s)."),
                          self->line, self->encoding == SLV_ENCODING_UTF16LE ? "UTF-16LE" : "UTF-16BE",
                          bytes->str);
    case SLV_ENCODING_WINDOWS_1252:
      return g_error_new (SLV_READ_ERROR, SLV_READ_ERROR_ENCODING,
                          _("Line %" PRIu64 " holds the byte %s, which is not a Windows-1252 "
                            "character; choose the file’s real encoding."),
                          self->line, bytes->str);
    case SLV_ENCODING_AUTO:
    case SLV_ENCODING_UTF8:
    default:
      return g_error_new (SLV_READ_ERROR, SLV_READ_ERROR_ENCODING,
                          _("Line %" PRIu64 " is not valid UTF-8 (bytes %s). The file is "
                            "probably in another encoding: choose Windows-1252 (or the one it was "
                            "saved in)."),
                          self->line, bytes->str);
    }
}

/* Picks the encoding from the byte-order mark or the first block, and
 * steps over the mark. */
static void
resolve_encoding (SlvCsvReader *self,
                  gsize        *skip)
{
  const guint8 *r = self->raw;
  gsize n = self->raw_len;
  SlvEncoding by_bom = SLV_ENCODING_AUTO;
  gsize bom_len = 0;

  if (n >= 3 && r[0] == 0xef && r[1] == 0xbb && r[2] == 0xbf)
    by_bom = SLV_ENCODING_UTF8, bom_len = 3;
  else if (n >= 2 && r[0] == 0xff && r[1] == 0xfe)
    by_bom = SLV_ENCODING_UTF16LE, bom_len = 2;
  else if (n >= 2 && r[0] == 0xfe && r[1] == 0xff)
    by_bom = SLV_ENCODING_UTF16BE, bom_len = 2;

  *skip = 0;
  if (self->encoding == SLV_ENCODING_AUTO)
    {
      if (by_bom != SLV_ENCODING_AUTO)
        self->encoding = by_bom;
      else
        {
          gboolean invalid;

          slv_utf8_valid_prefix (r, n, self->eof, &invalid);
          self->encoding = invalid ? SLV_ENCODING_WINDOWS_1252 : SLV_ENCODING_UTF8;
        }
    }
  /* A mark that matches the chosen encoding is not part of the text. */
  if (by_bom == self->encoding)
    {
      self->bom = TRUE;
      *skip = bom_len;
    }
}

/* Decodes raw[0..raw_len) into text; keeps an incomplete tail as carry. */
static void
decode (SlvCsvReader *self,
        gsize         skip)
{
  const guint8 *in = self->raw + skip;
  gsize len = self->raw_len - skip;
  gsize used = 0;
  gboolean invalid = FALSE;

  g_byte_array_set_size (self->converted, 0);
  switch (self->encoding)
    {
    case SLV_ENCODING_UTF16LE:
    case SLV_ENCODING_UTF16BE:
      used = slv_utf16_to_utf8 (in, len, self->encoding == SLV_ENCODING_UTF16BE, self->eof,
                                self->converted, &invalid);
      self->text = (const char *) self->converted->data;
      self->text_len = self->converted->len;
      break;
    case SLV_ENCODING_WINDOWS_1252:
      used = slv_cp1252_to_utf8 (in, len, self->converted, &invalid);
      self->text = (const char *) self->converted->data;
      self->text_len = self->converted->len;
      break;
    case SLV_ENCODING_AUTO:
    case SLV_ENCODING_UTF8:
    default:
      used = slv_utf8_valid_prefix (in, len, self->eof, &invalid);
      self->text = (const char *) in;
      self->text_len = used;
      break;
    }
  self->pos = 0;
  if (invalid)
    {
      self->bad = TRUE;
      self->bad_len = MIN (len - used, sizeof self->bad_bytes);
      memcpy (self->bad_bytes, in + used, self->bad_len);
    }
  /* The bytes not used wait for the next block (the text may point into raw). */
  self->carry_start = skip + used;
}

static gboolean
read_block (SlvCsvReader  *self,
            GError       **error)
{
  gsize got = 0;
  GError *local_error = NULL;

  memmove (self->raw, self->raw + self->carry_start, self->raw_len - self->carry_start);
  self->raw_len -= self->carry_start;
  self->carry_start = 0;
  if (!g_input_stream_read_all (self->stream, self->raw + self->raw_len, BLOCK_SIZE,
                                &got, NULL, &local_error))
    {
      GError *e = g_error_new (SLV_READ_ERROR, SLV_READ_ERROR_IO, _("The file could not be read: %s"),
                               local_error->message);

      g_error_free (local_error);
      return fail (self, error, e);
    }
  self->bytes_read += got;
  self->raw_len += got;
  self->eof = got < BLOCK_SIZE;
  return TRUE;
}

/* -- the parser -- */

static void
field_reserve (SlvCsvReader *self,
               gsize         more)
{
  if (self->field_len + more + 1 > self->field_cap)
    {
      self->field_cap = MAX (self->field_cap * 2, self->field_len + more + 1);
      self->field = g_realloc (self->field, self->field_cap);
    }
}

static gboolean
check_length (SlvCsvReader  *self,
              GError       **error)
{
  if (self->field_len <= self->max_record)
    return TRUE;
  if (self->state == QUOTED)
    return fail (self, error,
                 g_error_new (SLV_READ_ERROR, SLV_READ_ERROR_TOO_LONG,
                              _("The quoted field that starts on line %" PRIu64 " runs on for "
                                "more than %u KB: a quote (\") is probably never closed."),
                              self->record_line, (guint) (self->max_record / 1024)));
  return fail (self, error,
               g_error_new (SLV_READ_ERROR, SLV_READ_ERROR_TOO_LONG,
                            _("Line %" PRIu64 " is longer than %u KB; this "
                              "is not a table of text (or the wrong delimiter is set)."),
                            self->record_line, (guint) (self->max_record / 1024)));
}

static void
end_field (SlvCsvReader *self)
{
  gsize start;

  field_reserve (self, 0);
  self->field[self->field_len++] = '\0';
  start = self->field_len;
  g_array_append_val (self->starts, start);
}

static void
reset_record (SlvCsvReader *self)
{
  gsize zero = 0;

  self->field_len = 0;
  g_array_set_size (self->starts, 0);
  g_array_append_val (self->starts, zero);
  self->record_quoted = FALSE;
  self->state = FIELD_START;
}

static gboolean
nul_error (SlvCsvReader  *self,
           GError       **error)
{
  return fail (self, error,
               g_error_new (SLV_READ_ERROR, SLV_READ_ERROR_BINARY,
                            _("Line %" PRIu64 " contains a NUL byte, so this is not a text "
                              "table. If the file is UTF-16 without a byte-order mark, choose that "
                              "encoding."),
                            self->line));
}

/* Parses from text[pos]; TRUE with *complete when a record ended. */
static gboolean
parse (SlvCsvReader  *self,
       gboolean      *complete,
       GError       **error)
{
  const char *t = self->text;
  gsize n = self->text_len;
  gsize i = self->pos;
  char d = self->delimiter;

  *complete = FALSE;
  while (i < n)
    {
      char c = t[i];

      if (self->after_cr)
        {
          self->after_cr = FALSE;
          if (c == '\n')
            {
              i++;
              continue;
            }
        }
      switch (self->state)
        {
        case FIELD_START:
          if (c == '"')
            {
              self->state = QUOTED;
              self->record_quoted = TRUE;
              i++;
              continue;
            }
          self->state = UNQUOTED;
          G_GNUC_FALLTHROUGH;
        case UNQUOTED:
          {
            gsize run = i;

            while (run < n && !self->special[(guint8) t[run]])
              run++;
            if (run > i)
              {
                field_reserve (self, run - i);
                memcpy (self->field + self->field_len, t + i, run - i);
                self->field_len += run - i;
                i = run;
                if (!check_length (self, error))
                  return FALSE;
                continue;
              }
            i++;
            if (c == d)
              {
                end_field (self);
                self->state = FIELD_START;
              }
            else if (c == '\n' || c == '\r')
              {
                self->after_cr = c == '\r';
                self->line++;
                self->pos = i;
                *complete = TRUE;
                return TRUE;
              }
            else if (c == '\0')
              return nul_error (self, error);
            else
              {
                /* A quote inside an unquoted field is an ordinary character. */
                field_reserve (self, 1);
                self->field[self->field_len++] = c;
                if (!check_length (self, error))
                  return FALSE;
              }
          }
          break;
        case QUOTED:
          {
            gsize run = i;

            while (run < n && t[run] != '"' && t[run] != '\n' && t[run] != '\0')
              run++;
            if (run > i)
              {
                field_reserve (self, run - i);
                memcpy (self->field + self->field_len, t + i, run - i);
                self->field_len += run - i;
                i = run;
                if (!check_length (self, error))
                  return FALSE;
                continue;
              }
            i++;
            if (c == '"')
              self->state = QUOTE_IN_QUOTED;
            else if (c == '\0')
              return nul_error (self, error);
            else
              {
                self->line++;
                field_reserve (self, 1);
                self->field[self->field_len++] = c;
                if (!check_length (self, error))
                  return FALSE;
              }
          }
          break;
        case QUOTE_IN_QUOTED:
          if (c == '"')
            {
              field_reserve (self, 1);
              self->field[self->field_len++] = '"';
              self->state = QUOTED;
              i++;
              if (!check_length (self, error))
                return FALSE;
            }
          else
            /* The field ended; anything but a delimiter or line end after the
             * closing quote is kept as text, as spreadsheet programs do. */
            self->state = UNQUOTED;
          break;
        default:
          g_assert_not_reached ();
        }
    }
  self->pos = i;
  return TRUE;
}

static void
build_row (SlvCsvReader *self)
{
  guint n = self->starts->len;

  end_field (self);
  g_array_set_size (self->cells, n);
  for (guint i = 0; i < n; i++)
    {
      SlvCell *cell = &g_array_index (self->cells, SlvCell, i);
      gsize start = g_array_index (self->starts, gsize, i);
      gsize end = g_array_index (self->starts, gsize, i + 1) - 1;

      cell->text = self->field + start;
      cell->len = end - start;
      cell->type = cell->len ? SLV_CELL_TEXT : SLV_CELL_EMPTY;
      cell->number = 0;
      cell->merged = FALSE;
    }
  self->row.number = self->record_line;
  self->row.n_cells = n;
  self->row.cells = (SlvCell *) (void *) self->cells->data;
}

static gboolean
refill (SlvCsvReader  *self,
        GError       **error)
{
  if (!read_block (self, error))
    return FALSE;
  decode (self, 0);
  return TRUE;
}

static const SlvRow *
slv_csv_reader_next_row (SlvRowReader  *reader,
                         GError       **error)
{
  SlvCsvReader *self = SLV_CSV_READER (reader);

  if (self->failed)
    return NULL;
  for (;;)
    {
      gboolean complete = FALSE;

      reset_record (self);
      self->record_line = self->line;
      while (!complete)
        {
          if (self->pos >= self->text_len)
            {
              /* Invalid bytes are reported once the text before them is parsed,
               * so the message names their line. */
              if (self->bad)
                return fail (self, error, encoding_error (self, self->bad_bytes, self->bad_len)), NULL;
              if (self->eof)
                {
                  gsize left = self->raw_len - self->carry_start;

                  if (left == 0)
                    break;
                  /* Bytes left at the very end are an incomplete sequence. */
                  return fail (self, error,
                               encoding_error (self, self->raw + self->carry_start, left)), NULL;
                }
              if (!refill (self, error))
                return NULL;
              continue;
            }
          if (!parse (self, &complete, error))
            return NULL;
        }
      if (!complete)
        {
          /* End of file. */
          if (self->state == QUOTED)
            return fail (self, error,
                         g_error_new (SLV_READ_ERROR, SLV_READ_ERROR_SYNTAX,
                                      _("The quote (\") that opens a field on line %" PRIu64
                                        " is never closed."), self->record_line)), NULL;
          if (self->field_len == 0 && self->starts->len == 1 && !self->record_quoted)
            return NULL;
        }
      /* Blank lines are not records. */
      if (self->field_len == 0 && self->starts->len == 1 && !self->record_quoted)
        continue;
      build_row (self);
      return &self->row;
    }
}

static double
slv_csv_reader_get_fraction (SlvRowReader *reader)
{
  SlvCsvReader *self = SLV_CSV_READER (reader);

  if (self->size <= 0)
    return 0.0;
  return MIN (1.0, (double) self->bytes_read / (double) self->size);
}

static const char *
slv_csv_reader_describe (SlvRowReader *reader)
{
  SlvCsvReader *self = SLV_CSV_READER (reader);

  if (self->description == NULL)
    self->description = g_strdup_printf ("CSV, %s%s, ‘%s’", slv_encoding_to_string (self->encoding),
                                         self->bom ? " BOM" : "",
                                         self->delimiter == '\t' ? "TAB" : (char[]) { self->delimiter, 0 });
  return self->description;
}

static void
slv_csv_reader_row_reader_init (SlvRowReaderInterface *iface)
{
  iface->next_row = slv_csv_reader_next_row;
  iface->get_fraction = slv_csv_reader_get_fraction;
  iface->describe = slv_csv_reader_describe;
}

static void
slv_csv_reader_finalize (GObject *object)
{
  SlvCsvReader *self = SLV_CSV_READER (object);

  g_clear_object (&self->stream);
  g_free (self->raw);
  g_byte_array_unref (self->converted);
  g_free (self->field);
  g_array_unref (self->starts);
  g_array_unref (self->cells);
  g_free (self->description);

  G_OBJECT_CLASS (slv_csv_reader_parent_class)->finalize (object);
}

static void
slv_csv_reader_class_init (SlvCsvReaderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = slv_csv_reader_finalize;
}

static void
slv_csv_reader_init (SlvCsvReader *self)
{
  self->raw = g_malloc (BLOCK_SIZE + 8);
  self->converted = g_byte_array_sized_new (BLOCK_SIZE * 2);
  self->starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  self->cells = g_array_new (FALSE, TRUE, sizeof (SlvCell));
  self->field_cap = 4096;
  self->field = g_malloc (self->field_cap);
  self->line = 1;
}

SlvCsvReader *
slv_csv_reader_new (GInputStream          *stream,
                    gint64                 size,
                    const SlvReadOptions  *options,
                    GError               **error)
{
  g_autoptr(SlvCsvReader) self = NULL;
  SlvReadOptions defaults = { 0 };
  gsize skip = 0;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  if (options == NULL)
    options = &defaults;
  self = g_object_new (SLV_TYPE_CSV_READER, NULL);
  self->stream = g_object_ref (stream);
  self->size = size;
  self->encoding = options->encoding;
  self->delimiter = options->delimiter;
  self->max_record = options->max_record_bytes ? options->max_record_bytes : SLV_READ_DEFAULT_MAX_RECORD;

  if (!read_block (self, error))
    return NULL;
  resolve_encoding (self, &skip);
  decode (self, skip);
  if (self->delimiter == 0)
    self->delimiter = slv_csv_sniff_delimiter (self->text, MIN (self->text_len, SNIFF_BYTES));
  if (self->delimiter == '"' || self->delimiter == '\n' || self->delimiter == '\r' || self->delimiter == '\0')
    {
      g_set_error (error, SLV_READ_ERROR, SLV_READ_ERROR_NOT_SUPPORTED,
                   _("A quote or a line break cannot be the delimiter."));
      return NULL;
    }
  self->special[(guint8) self->delimiter] = 1;
  self->special['"'] = 1;
  self->special['\r'] = 1;
  self->special['\n'] = 1;
  self->special[0] = 1;
  return g_steal_pointer (&self);
}

SlvCsvReader *
slv_csv_reader_new_for_path (const char            *path,
                             const SlvReadOptions  *options,
                             GError               **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;

  stream = g_file_read (file, NULL, &local_error);
  if (stream == NULL)
    {
      g_set_error (error, SLV_READ_ERROR, SLV_READ_ERROR_IO, _("Could not open “%s”: %s"),
                   path, local_error->message);
      return NULL;
    }
  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, NULL, NULL);
  return slv_csv_reader_new (G_INPUT_STREAM (stream), info ? g_file_info_get_size (info) : -1,
                             options, error);
}

char
slv_csv_reader_get_delimiter (SlvCsvReader *self)
{
  g_return_val_if_fail (SLV_IS_CSV_READER (self), ',');
  return self->delimiter;
}

SlvEncoding
slv_csv_reader_get_encoding (SlvCsvReader *self)
{
  g_return_val_if_fail (SLV_IS_CSV_READER (self), SLV_ENCODING_UTF8);
  return self->encoding;
}

gboolean
slv_csv_reader_get_has_bom (SlvCsvReader *self)
{
  g_return_val_if_fail (SLV_IS_CSV_READER (self), FALSE);
  return self->bom;
}

guint64
slv_csv_reader_get_bytes_read (SlvCsvReader *self)
{
  g_return_val_if_fail (SLV_IS_CSV_READER (self), 0);
  return self->bytes_read;
}
