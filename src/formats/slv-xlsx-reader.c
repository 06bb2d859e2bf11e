/* slv-xlsx-reader.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-xlsx"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "slv-values.h"
#include "slv-xlsx-private.h"

#define MAX_COLUMNS 16384
#define MAX_MERGED 100000
#define NO_TEXT G_MAXSIZE

struct _SlvXlsxReader
{
  GObject           parent_instance;

  SlvZip           *zip;
  SlvXlsxBook       book;
  gboolean          fill_merged;
  guint             sheet;
  char             *description;
  xmlTextReaderPtr  xml;
  gboolean          in_data;
  gboolean          done;
  gboolean          failed;

  GArray           *merged;      /* SlvCellRange, sorted by first row */
  GPtrArray        *anchors;     /* SlvCell* copies of each range's first cell, or NULL */
  guint             next_range;
  GArray           *active;      /* guint indexes into merged */

  guint             last_row;
  GArray           *cells;       /* SlvCell */
  GArray           *offsets;     /* gsize: text of each cell in rowtext, or NO_TEXT */
  GString          *rowtext;
  GString          *value;
  GString          *inline_text;
  GString          *scratch;
  SlvRow            row;
};

static void slv_xlsx_reader_row_reader_init (SlvRowReaderInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SlvXlsxReader, slv_xlsx_reader, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (SLV_TYPE_ROW_READER,
                                                      slv_xlsx_reader_row_reader_init))

void
slv_column_name (guint  col,
                 char  *out)
{
  char tmp[8];
  int n = 0;

  col++;
  while (col > 0 && n < 7)
    {
      tmp[n++] = 'A' + (col - 1) % 26;
      col = (col - 1) / 26;
    }
  for (int i = 0; i < n; i++)
    out[i] = tmp[n - 1 - i];
  out[n] = '\0';
}

void
slv_cell_range_to_string (const SlvCellRange *range,
                          char               *out)
{
  char a[8], b[8];

  slv_column_name (range->first_col, a);
  slv_column_name (range->last_col, b);
  if (range->first_row == range->last_row && range->first_col == range->last_col)
    g_snprintf (out, 32, "%s%u", a, range->first_row);
  else
    g_snprintf (out, 32, "%s%u:%s%u", a, range->first_row, b, range->last_row);
}

static gboolean
is_main_element (xmlTextReaderPtr  reader,
                 int               type,
                 const char       *local)
{
  const xmlChar *name;

  if (xmlTextReaderNodeType (reader) != type)
    return FALSE;
  name = xmlTextReaderConstLocalName (reader);
  return name != NULL && strcmp ((const char *) name, local) == 0 &&
         slv_xlsx_is_main_ns (xmlTextReaderConstNamespaceUri (reader));
}

#define IS_START(r, n) is_main_element ((r), XML_READER_TYPE_ELEMENT, (n))
#define IS_END(r, n) is_main_element ((r), XML_READER_TYPE_END_ELEMENT, (n))

static char *
attr (xmlTextReaderPtr  reader,
      const char       *name)
{
  xmlChar *value = xmlTextReaderGetAttribute (reader, (const xmlChar *) name);
  char *copy = value ? g_strdup ((const char *) value) : NULL;

  xmlFree (value);
  return copy;
}

static void
clear_sheet_state (SlvXlsxReader *self)
{
  g_clear_pointer (&self->xml, xmlFreeTextReader);
  g_array_set_size (self->merged, 0);
  g_ptr_array_set_size (self->anchors, 0);
  g_array_set_size (self->active, 0);
  self->next_range = 0;
  self->last_row = 0;
  self->in_data = FALSE;
  self->done = FALSE;
  self->failed = FALSE;
  g_clear_pointer (&self->description, g_free);
}

/* -- merged areas -- */

static gboolean
parse_range (const char   *ref,
             SlvCellRange *range)
{
  g_auto(GStrv) ends = g_strsplit (ref, ":", 3);

  if (ends[0] == NULL || !slv_xlsx_parse_ref (ends[0], &range->first_col, &range->first_row))
    return FALSE;
  if (ends[1] == NULL)
    {
      range->last_col = range->first_col;
      range->last_row = range->first_row;
      return TRUE;
    }
  if (ends[2] != NULL || !slv_xlsx_parse_ref (ends[1], &range->last_col, &range->last_row))
    return FALSE;
  if (range->last_col < range->first_col || range->last_row < range->first_row)
    return FALSE;
  return TRUE;
}

static int
compare_ranges (gconstpointer a,
                gconstpointer b)
{
  const SlvCellRange *x = a, *y = b;

  if (x->first_row != y->first_row)
    return x->first_row < y->first_row ? -1 : 1;
  return x->first_col < y->first_col ? -1 : x->first_col > y->first_col;
}

/* Reads the sheet once for its <mergeCells>, which come after the data. */
static gboolean
scan_merged (SlvXlsxReader  *self,
             const char     *part,
             GError        **error)
{
  xmlTextReaderPtr reader = slv_zip_open_xml (self->zip, part, error);
  int rc;

  if (reader == NULL)
    return FALSE;
  while ((rc = slv_zip_xml_read (self->zip, reader, error)) == 1)
    {
      if (IS_START (reader, "sheetData") && !xmlTextReaderIsEmptyElement (reader))
        {
          /* Skip the rows: only the areas are wanted now. */
          rc = xmlTextReaderNext (reader);
          if (rc != 1)
            {
              rc = slv_zip_xml_read (self->zip, reader, error);
              if (rc != 1)
                break;
            }
        }
      if (IS_START (reader, "mergeCell") && self->merged->len < MAX_MERGED)
        {
          g_autofree char *ref = attr (reader, "ref");
          SlvCellRange range;

          if (ref != NULL && parse_range (ref, &range))
            g_array_append_val (self->merged, range);
        }
    }
  xmlFreeTextReader (reader);
  if (rc != 0)
    return FALSE;
  g_array_sort (self->merged, compare_ranges);
  g_ptr_array_set_size (self->anchors, self->merged->len);
  return TRUE;
}

static void
free_anchor (gpointer data)
{
  SlvCell *cell = data;

  if (cell != NULL)
    g_free ((char *) cell->text);
  g_free (cell);
}

/* Gives the cells of a merged area the value of its first cell. */
static void
fill_merged (SlvXlsxReader *self,
             guint          row)
{
  guint kept = 0;

  while (self->next_range < self->merged->len &&
         g_array_index (self->merged, SlvCellRange, self->next_range).first_row <= row)
    {
      g_array_append_val (self->active, self->next_range);
      self->next_range++;
    }
  for (guint a = 0; a < self->active->len; a++)
    {
      guint index = g_array_index (self->active, guint, a);
      const SlvCellRange *range = &g_array_index (self->merged, SlvCellRange, index);
      SlvCell *anchor;

      if (range->last_row < row)
        continue;
      g_array_index (self->active, guint, kept++) = index;
      if (row == range->first_row && range->first_col < self->cells->len &&
          g_array_index (self->cells, SlvCell, range->first_col).type != SLV_CELL_EMPTY &&
          g_ptr_array_index (self->anchors, index) == NULL)
        {
          SlvCell *copy = g_new0 (SlvCell, 1);

          *copy = g_array_index (self->cells, SlvCell, range->first_col);
          copy->text = g_strndup (copy->text, copy->len);
          g_ptr_array_index (self->anchors, index) = copy;
        }
      anchor = g_ptr_array_index (self->anchors, index);
      if (anchor == NULL)
        continue;
      if (self->cells->len <= range->last_col)
        {
          guint old = self->cells->len;

          g_array_set_size (self->cells, range->last_col + 1);
          for (guint i = old; i <= range->last_col; i++)
            g_array_index (self->cells, SlvCell, i).text = "";
        }
      for (guint col = range->first_col; col <= range->last_col; col++)
        {
          SlvCell *cell = &g_array_index (self->cells, SlvCell, col);

          if (row == range->first_row && col == range->first_col)
            continue;
          if (cell->type == SLV_CELL_EMPTY)
            {
              *cell = *anchor;
              cell->merged = TRUE;
            }
        }
    }
  g_array_set_size (self->active, kept);
}

/* -- cells -- */

static SlvCell *
cell_at (SlvXlsxReader *self,
         guint          col)
{
  if (col >= self->cells->len)
    {
      guint old = self->cells->len;

      g_array_set_size (self->cells, col + 1);
      g_array_set_size (self->offsets, col + 1);
      for (guint i = old; i <= col; i++)
        g_array_index (self->offsets, gsize, i) = NO_TEXT;
    }
  return &g_array_index (self->cells, SlvCell, col);
}

static void
set_text (SlvXlsxReader *self,
          guint          col,
          SlvCellType    type,
          const char    *text,
          gsize          len,
          double         number)
{
  SlvCell *cell = cell_at (self, col);

  cell->type = type;
  cell->number = number;
  cell->len = len;
  cell->merged = FALSE;
  g_array_index (self->offsets, gsize, col) = self->rowtext->len;
  g_string_append_len (self->rowtext, text, len);
  g_string_append_c (self->rowtext, '\0');
}

static void
set_number (SlvXlsxReader *self,
            guint          col,
            double         number,
            guint          style)
{
  SlvXlsxFormatClass klass = SLV_XLSX_FORMAT_PLAIN;
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (style < self->book.xf_classes->len)
    klass = g_array_index (self->book.xf_classes, guint8, style);
  switch (klass)
    {
    case SLV_XLSX_FORMAT_DATE:
    case SLV_XLSX_FORMAT_DATETIME:
      if (slv_excel_serial_to_iso (number, self->book.date1904, klass == SLV_XLSX_FORMAT_DATETIME, buf))
        {
          set_text (self, col, SLV_CELL_DATE, buf, strlen (buf), number);
          return;
        }
      break;
    case SLV_XLSX_FORMAT_TIME:
    case SLV_XLSX_FORMAT_ELAPSED:
      slv_excel_serial_to_time (number, klass == SLV_XLSX_FORMAT_ELAPSED, buf);
      set_text (self, col, SLV_CELL_TIME, buf, strlen (buf), number);
      return;
    case SLV_XLSX_FORMAT_PLAIN:
    default:
      break;
    }
  g_ascii_formatd (buf, sizeof buf, "%.15g", number);
  if (strchr (buf, 'e') != NULL && number > -1e30 && number < 1e30 && (number >= 1e15 || number <= -1e15))
    g_ascii_formatd (buf, sizeof buf, "%.0f", number);
  set_text (self, col, SLV_CELL_NUMBER, buf, strlen (buf), number);
}

static gboolean
damaged_cell (SlvXlsxReader  *self,
              guint           col,
              const char     *what,
              GError        **error)
{
  char name[8];
  const SlvXlsxSheetInfo *info = g_ptr_array_index (self->book.sheets, self->sheet);

  slv_column_name (col, name);
  g_set_error (error, SLV_READ_ERROR, SLV_READ_ERROR_DAMAGED,
               _("Sheet ‘%s’, cell %s%u: %s; the workbook is damaged."),
               info->name, name, self->last_row, what);
  return FALSE;
}

static gboolean
store_cell (SlvXlsxReader  *self,
            guint           col,
            const char     *t,
            guint           style,
            gboolean        has_value,
            GError        **error)
{
  const char *v = self->value->str;

  if (g_strcmp0 (t, "inlineStr") == 0)
    {
      slv_xlsx_decode_escapes (self->inline_text);
      set_text (self, col, SLV_CELL_TEXT, self->inline_text->str, self->inline_text->len, 0);
    }
  else if (!has_value)
    return TRUE;
  else if (g_strcmp0 (t, "s") == 0)
    {
      char *end = NULL;
      guint64 index = g_ascii_strtoull (v, &end, 10);
      const char *s;

      if (end == v || index >= self->book.strings->len)
        return damaged_cell (self, col, _("it refers to a shared string that does not exist"), error);
      s = g_ptr_array_index (self->book.strings, index);
      set_text (self, col, SLV_CELL_TEXT, s, strlen (s), 0);
    }
  else if (g_strcmp0 (t, "str") == 0)
    {
      slv_xlsx_decode_escapes (self->value);
      set_text (self, col, SLV_CELL_TEXT, self->value->str, self->value->len, 0);
    }
  else if (g_strcmp0 (t, "b") == 0)
    {
      gboolean b = g_str_equal (v, "1") || g_ascii_strcasecmp (v, "true") == 0;

      set_text (self, col, SLV_CELL_BOOLEAN, b ? "TRUE" : "FALSE", b ? 4 : 5, b);
    }
  else if (g_strcmp0 (t, "e") == 0)
    set_text (self, col, SLV_CELL_ERROR, v, self->value->len, 0);
  else if (g_strcmp0 (t, "d") == 0)
    {
      char date[SLV_DATE_BUF];

      if (!slv_parse_date (v, MIN (self->value->len, 10), SLV_DATE_DMY, date, NULL) || date[0] == '\0')
        return damaged_cell (self, col, _("it holds a date that cannot be read"), error);
      if (self->value->len >= 19 && v[10] == 'T')
        {
          g_autofree char *full = g_strdup_printf ("%sT%.8s", date, v + 11);

          set_text (self, col, SLV_CELL_DATE, full, strlen (full), 0);
        }
      else
        set_text (self, col, SLV_CELL_DATE, date, strlen (date), 0);
    }
  else if (t == NULL || g_str_equal (t, "n"))
    {
      char *end = NULL;
      double number;

      g_strstrip (self->value->str);
      self->value->len = strlen (self->value->str);
      if (self->value->len == 0)
        return TRUE;
      number = g_ascii_strtod (self->value->str, &end);
      if (end == NULL || *end != '\0')
        return damaged_cell (self, col, _("it holds a number that cannot be read"), error);
      set_number (self, col, number, style);
    }
  else
    set_text (self, col, SLV_CELL_TEXT, v, self->value->len, 0);
  return TRUE;
}

/* Reads the children of a <c> element. */
static gboolean
read_cell_content (SlvXlsxReader  *self,
                   gboolean       *has_value,
                   GError        **error)
{
  int depth = xmlTextReaderDepth (self->xml);
  int phonetic_depth = -1;
  gboolean in_inline = FALSE;
  int rc;

  while ((rc = slv_zip_xml_read (self->zip, self->xml, error)) == 1)
    {
      int node_depth = xmlTextReaderDepth (self->xml);

      if (node_depth == depth && IS_END (self->xml, "c"))
        return TRUE;
      if (IS_START (self->xml, "v"))
        {
          *has_value = TRUE;
          if (slv_xlsx_read_text (self->zip, self->xml, self->value, error) < 0)
            return FALSE;
        }
      else if (IS_START (self->xml, "f"))
        {
          g_string_truncate (self->scratch, 0);
          if (slv_xlsx_read_text (self->zip, self->xml, self->scratch, error) < 0)
            return FALSE;
        }
      else if (IS_START (self->xml, "is"))
        in_inline = !xmlTextReaderIsEmptyElement (self->xml);
      else if (IS_END (self->xml, "is"))
        in_inline = FALSE;
      else if (IS_START (self->xml, "rPh") && !xmlTextReaderIsEmptyElement (self->xml))
        phonetic_depth = node_depth;
      else if (IS_END (self->xml, "rPh") && node_depth == phonetic_depth)
        phonetic_depth = -1;
      else if (in_inline && phonetic_depth < 0 && IS_START (self->xml, "t"))
        {
          if (slv_xlsx_read_text (self->zip, self->xml, self->inline_text, error) < 0)
            return FALSE;
        }
    }
  if (rc == 0)
    g_set_error (error, SLV_READ_ERROR, SLV_READ_ERROR_SYNTAX,
                 _("The worksheet ends in the middle of a cell."));
  return FALSE;
}

static gboolean
read_cell (SlvXlsxReader  *self,
           guint          *next_col,
           GError        **error)
{
  g_autofree char *ref = attr (self->xml, "r");
  g_autofree char *t = attr (self->xml, "t");
  g_autofree char *s = attr (self->xml, "s");
  guint col = *next_col, row;
  gboolean has_value = FALSE;

  if (ref != NULL && !slv_xlsx_parse_ref (ref, &col, &row))
    return damaged_cell (self, *next_col, _("its reference is not a cell of a worksheet"), error);
  if (col >= MAX_COLUMNS)
    return damaged_cell (self, col, _("it lies beyond the last column"), error);
  *next_col = col + 1;
  g_string_truncate (self->value, 0);
  g_string_truncate (self->inline_text, 0);
  if (!xmlTextReaderIsEmptyElement (self->xml) && !read_cell_content (self, &has_value, error))
    return FALSE;
  return store_cell (self, col, t, s ? (guint) g_ascii_strtoull (s, NULL, 10) : 0, has_value, error);
}

/* Points the cells at their text once the row's text no longer moves. */
static gboolean
finish_row (SlvXlsxReader *self)
{
  gboolean blank = TRUE;

  for (guint i = 0; i < self->cells->len; i++)
    {
      SlvCell *cell = &g_array_index (self->cells, SlvCell, i);
      gsize offset = g_array_index (self->offsets, gsize, i);

      if (offset == NO_TEXT)
        {
          cell->type = SLV_CELL_EMPTY;
          cell->text = "";
          cell->len = 0;
          cell->number = 0;
          cell->merged = FALSE;
        }
      else
        {
          cell->text = self->rowtext->str + offset;
          blank = FALSE;
        }
    }
  if (self->fill_merged && self->merged->len > 0)
    {
      fill_merged (self, self->last_row);
      for (guint i = 0; i < self->cells->len && blank; i++)
        if (g_array_index (self->cells, SlvCell, i).type != SLV_CELL_EMPTY)
          blank = FALSE;
    }
  self->row.number = self->last_row;
  self->row.n_cells = self->cells->len;
  self->row.cells = (SlvCell *) (void *) self->cells->data;
  return !blank;
}

/* Reads one <row>; TRUE with *has_cells when it holds a value. */
static gboolean
read_row (SlvXlsxReader  *self,
          gboolean       *has_cells,
          GError        **error)
{
  g_autofree char *r = attr (self->xml, "r");
  int depth = xmlTextReaderDepth (self->xml);
  guint next_col = 0;
  int rc;

  *has_cells = FALSE;
  self->last_row = r ? (guint) g_ascii_strtoull (r, NULL, 10) : self->last_row + 1;
  if (self->last_row < 1 || self->last_row > 1048576)
    return damaged_cell (self, 0, _("its row number is outside a worksheet"), error);
  g_array_set_size (self->cells, 0);
  g_array_set_size (self->offsets, 0);
  g_string_truncate (self->rowtext, 0);
  if (xmlTextReaderIsEmptyElement (self->xml))
    return TRUE;
  while ((rc = slv_zip_xml_read (self->zip, self->xml, error)) == 1)
    {
      if (xmlTextReaderDepth (self->xml) == depth && IS_END (self->xml, "row"))
        {
          *has_cells = finish_row (self);
          return TRUE;
        }
      if (IS_START (self->xml, "c") && !read_cell (self, &next_col, error))
        return FALSE;
    }
  if (rc == 0)
    g_set_error (error, SLV_READ_ERROR, SLV_READ_ERROR_SYNTAX,
                 _("The worksheet ends in the middle of a row."));
  return FALSE;
}

static const SlvRow *
slv_xlsx_reader_next_row (SlvRowReader  *reader,
                          GError       **error)
{
  SlvXlsxReader *self = SLV_XLSX_READER (reader);
  int rc;

  if (self->failed || self->done || self->xml == NULL)
    return NULL;
  while ((rc = slv_zip_xml_read (self->zip, self->xml, error)) == 1)
    {
      gboolean has_cells;

      if (IS_START (self->xml, "sheetData"))
        {
          self->in_data = !xmlTextReaderIsEmptyElement (self->xml);
          if (!self->in_data)
            break;
        }
      else if (IS_END (self->xml, "sheetData"))
        break;
      else if (self->in_data && IS_START (self->xml, "row"))
        {
          if (!read_row (self, &has_cells, error))
            {
              self->failed = TRUE;
              return NULL;
            }
          if (has_cells)
            return &self->row;
        }
    }
  if (rc < 0)
    self->failed = TRUE;
  self->done = TRUE;
  return NULL;
}

static double
slv_xlsx_reader_get_fraction (SlvRowReader *reader)
{
  SlvXlsxReader *self = SLV_XLSX_READER (reader);

  return self->done ? 1.0 : slv_zip_get_fraction (self->zip);
}

static const char *
slv_xlsx_reader_describe (SlvRowReader *reader)
{
  SlvXlsxReader *self = SLV_XLSX_READER (reader);

  if (self->description == NULL)
    self->description = g_strdup_printf (_("XLSX, sheet ‘%s’"), slv_xlsx_reader_get_sheet_name (self));
  return self->description;
}

static void
slv_xlsx_reader_row_reader_init (SlvRowReaderInterface *iface)
{
  iface->next_row = slv_xlsx_reader_next_row;
  iface->get_fraction = slv_xlsx_reader_get_fraction;
  iface->describe = slv_xlsx_reader_describe;
}

static void
slv_xlsx_reader_finalize (GObject *object)
{
  SlvXlsxReader *self = SLV_XLSX_READER (object);

  clear_sheet_state (self);
  slv_zip_free (self->zip);
  slv_xlsx_book_clear (&self->book);
  g_array_unref (self->merged);
  g_ptr_array_unref (self->anchors);
  g_array_unref (self->active);
  g_array_unref (self->cells);
  g_array_unref (self->offsets);
  g_string_free (self->rowtext, TRUE);
  g_string_free (self->value, TRUE);
  g_string_free (self->inline_text, TRUE);
  g_string_free (self->scratch, TRUE);

  G_OBJECT_CLASS (slv_xlsx_reader_parent_class)->finalize (object);
}

static void
slv_xlsx_reader_class_init (SlvXlsxReaderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = slv_xlsx_reader_finalize;
}

static void
slv_xlsx_reader_init (SlvXlsxReader *self)
{
  self->merged = g_array_new (FALSE, FALSE, sizeof (SlvCellRange));
  self->anchors = g_ptr_array_new_with_free_func (free_anchor);
  self->active = g_array_new (FALSE, FALSE, sizeof (guint));
  self->cells = g_array_new (FALSE, TRUE, sizeof (SlvCell));
  self->offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  self->rowtext = g_string_sized_new (1024);
  self->value = g_string_new (NULL);
  self->inline_text = g_string_new (NULL);
  self->scratch = g_string_new (NULL);
}

static gint
find_sheet (SlvXlsxReader *self,
            const char    *name)
{
  for (guint i = 0; i < self->book.sheets->len; i++)
    if (g_str_equal (((SlvXlsxSheetInfo *) g_ptr_array_index (self->book.sheets, i))->name, name))
      return i;
  for (guint i = 0; i < self->book.sheets->len; i++)
    if (g_utf8_collate (((SlvXlsxSheetInfo *) g_ptr_array_index (self->book.sheets, i))->name, name) == 0)
      return i;
  return -1;
}

static gint
default_sheet (SlvXlsxReader *self)
{
  for (guint i = 0; i < self->book.sheets->len; i++)
    {
      SlvXlsxSheetInfo *info = g_ptr_array_index (self->book.sheets, i);

      if (!info->chart && g_str_equal (info->state, "visible"))
        return i;
    }
  for (guint i = 0; i < self->book.sheets->len; i++)
    if (!((SlvXlsxSheetInfo *) g_ptr_array_index (self->book.sheets, i))->chart)
      return i;
  return -1;
}

static gboolean
start_sheet (SlvXlsxReader  *self,
             guint           index,
             GError        **error)
{
  SlvXlsxSheetInfo *info = g_ptr_array_index (self->book.sheets, index);

  clear_sheet_state (self);
  self->sheet = index;
  if (info->chart)
    {
      g_set_error (error, SLV_READ_ERROR, SLV_READ_ERROR_NO_SHEET,
                   _("‘%s’ is a chart sheet, which has no cells to import."), info->name);
      return FALSE;
    }
  if (slv_zip_find (self->zip, info->part) == NULL)
    {
      /* A sheet whose part is missing is empty. */
      self->done = TRUE;
      return TRUE;
    }
  if (!scan_merged (self, info->part, error))
    return FALSE;
  self->xml = slv_zip_open_xml (self->zip, info->part, error);
  return self->xml != NULL;
}

gboolean
slv_xlsx_reader_select_sheet (SlvXlsxReader  *self,
                              const char     *name,
                              GError        **error)
{
  gint index;

  g_return_val_if_fail (SLV_IS_XLSX_READER (self), FALSE);

  index = name ? find_sheet (self, name) : default_sheet (self);
  if (index < 0)
    {
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint i = 0; i < self->book.sheets->len; i++)
        g_string_append_printf (names, "%s‘%s’", i ? ", " : "",
                                ((SlvXlsxSheetInfo *) g_ptr_array_index (self->book.sheets, i))->name);
      if (name != NULL)
        g_set_error (error, SLV_READ_ERROR, SLV_READ_ERROR_NO_SHEET,
                     _("The workbook has no sheet ‘%s’ (its sheets: %s)."), name, names->str);
      else
        g_set_error (error, SLV_READ_ERROR, SLV_READ_ERROR_NO_SHEET,
                     _("The workbook has no worksheet to import."));
      return FALSE;
    }
  return start_sheet (self, index, error);
}

static SlvXlsxReader *
new_reader (const char            *path,
            GBytes                *bytes,
            const SlvReadOptions  *options,
            GError               **error)
{
  g_autoptr(SlvXlsxReader) self = g_object_new (SLV_TYPE_XLSX_READER, NULL);
  SlvReadOptions defaults = { 0 };

  if (options == NULL)
    options = &defaults;
  self->fill_merged = !options->no_merged_fill;
  self->zip = slv_zip_open (path, bytes,
                            options->max_unpacked_bytes ? options->max_unpacked_bytes : SLV_READ_DEFAULT_MAX_UNPACKED,
                            options->max_ratio ? options->max_ratio : SLV_READ_DEFAULT_MAX_RATIO,
                            error);
  if (self->zip == NULL || !slv_xlsx_book_load (&self->book, self->zip, error) ||
      !slv_xlsx_reader_select_sheet (self, options->sheet, error))
    return NULL;
  return g_steal_pointer (&self);
}

SlvXlsxReader *
slv_xlsx_reader_new_for_path (const char            *path,
                              const SlvReadOptions  *options,
                              GError               **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  return new_reader (path, NULL, options, error);
}

SlvXlsxReader *
slv_xlsx_reader_new_for_bytes (GBytes                *bytes,
                               const SlvReadOptions  *options,
                               GError               **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  return new_reader (NULL, bytes, options, error);
}

gboolean
slv_xlsx_reader_get_date1904 (SlvXlsxReader *self)
{
  g_return_val_if_fail (SLV_IS_XLSX_READER (self), FALSE);
  return self->book.date1904;
}

guint
slv_xlsx_reader_get_n_sheets (SlvXlsxReader *self)
{
  g_return_val_if_fail (SLV_IS_XLSX_READER (self), 0);
  return self->book.sheets->len;
}

const SlvXlsxSheetInfo *
slv_xlsx_reader_get_sheet_info (SlvXlsxReader *self,
                                guint          index)
{
  g_return_val_if_fail (SLV_IS_XLSX_READER (self), NULL);
  g_return_val_if_fail (index < self->book.sheets->len, NULL);
  return g_ptr_array_index (self->book.sheets, index);
}

const char *
slv_xlsx_reader_get_sheet_name (SlvXlsxReader *self)
{
  g_return_val_if_fail (SLV_IS_XLSX_READER (self), NULL);
  if (self->sheet >= self->book.sheets->len)
    return "";
  return ((SlvXlsxSheetInfo *) g_ptr_array_index (self->book.sheets, self->sheet))->name;
}

const SlvCellRange *
slv_xlsx_reader_get_merged (SlvXlsxReader *self,
                            guint         *n_ranges)
{
  g_return_val_if_fail (SLV_IS_XLSX_READER (self), NULL);
  *n_ranges = self->merged->len;
  return (const SlvCellRange *) (void *) self->merged->data;
}
