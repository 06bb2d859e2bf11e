/* slv-xlsx-merged.c: merged areas of a worksheet, and filling them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-xlsx"

#include "config.h"

#include <string.h>

#include "slv-xlsx-private.h"

#define MAX_MERGED 100000
#define IS_START(r, n) slv_xlsx_is_main_element ((r), XML_READER_TYPE_ELEMENT, (n))

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
gboolean
slv_merged_scan (SlvMerged   *m,
                 SlvZip      *zip,
                 const char  *part,
                 GError     **error)
{
  xmlTextReaderPtr reader = slv_zip_open_xml (zip, part, error);
  int rc;

  if (reader == NULL)
    return FALSE;
  while ((rc = slv_zip_xml_read (zip, reader, error)) == 1)
    {
      if (IS_START (reader, "sheetData") && !xmlTextReaderIsEmptyElement (reader))
        {
          /* Skip the rows: only the areas are wanted now. */
          rc = xmlTextReaderNext (reader);
          if (rc != 1)
            {
              rc = slv_zip_xml_read (zip, reader, error);
              if (rc != 1)
                break;
            }
        }
      if (IS_START (reader, "mergeCell") && m->ranges->len < MAX_MERGED)
        {
          g_autofree char *ref = slv_xlsx_attr (reader, "ref");
          SlvCellRange range;

          if (ref != NULL && parse_range (ref, &range))
            g_array_append_val (m->ranges, range);
        }
    }
  xmlFreeTextReader (reader);
  if (rc != 0)
    return FALSE;
  g_array_sort (m->ranges, compare_ranges);
  g_ptr_array_set_size (m->anchors, m->ranges->len);
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
void
slv_merged_fill (SlvMerged *m,
                 GArray    *cells,
                 guint      row)
{
  guint kept = 0;

  while (m->next < m->ranges->len &&
         g_array_index (m->ranges, SlvCellRange, m->next).first_row <= row)
    {
      g_array_append_val (m->active, m->next);
      m->next++;
    }
  for (guint a = 0; a < m->active->len; a++)
    {
      guint index = g_array_index (m->active, guint, a);
      const SlvCellRange *range = &g_array_index (m->ranges, SlvCellRange, index);
      SlvCell *anchor;

      if (range->last_row < row)
        continue;
      g_array_index (m->active, guint, kept++) = index;
      if (row == range->first_row && range->first_col < cells->len &&
          g_array_index (cells, SlvCell, range->first_col).type != SLV_CELL_EMPTY &&
          g_ptr_array_index (m->anchors, index) == NULL)
        {
          SlvCell *copy = g_new0 (SlvCell, 1);

          *copy = g_array_index (cells, SlvCell, range->first_col);
          copy->text = g_strndup (copy->text, copy->len);
          g_ptr_array_index (m->anchors, index) = copy;
        }
      anchor = g_ptr_array_index (m->anchors, index);
      if (anchor == NULL)
        continue;
      if (cells->len <= range->last_col)
        {
          guint old = cells->len;

          g_array_set_size (cells, range->last_col + 1);
          for (guint i = old; i <= range->last_col; i++)
            g_array_index (cells, SlvCell, i).text = "";
        }
      for (guint col = range->first_col; col <= range->last_col; col++)
        {
          SlvCell *cell = &g_array_index (cells, SlvCell, col);

          if (row == range->first_row && col == range->first_col)
            continue;
          if (cell->type == SLV_CELL_EMPTY)
            {
              *cell = *anchor;
              cell->merged = TRUE;
            }
        }
    }
  g_array_set_size (m->active, kept);
}


void
slv_merged_init (SlvMerged *m)
{
  m->ranges = g_array_new (FALSE, FALSE, sizeof (SlvCellRange));
  m->anchors = g_ptr_array_new_with_free_func (free_anchor);
  m->active = g_array_new (FALSE, FALSE, sizeof (guint));
  m->next = 0;
}

void
slv_merged_reset (SlvMerged *m)
{
  g_array_set_size (m->ranges, 0);
  g_ptr_array_set_size (m->anchors, 0);
  g_array_set_size (m->active, 0);
  m->next = 0;
}

void
slv_merged_clear (SlvMerged *m)
{
  g_clear_pointer (&m->ranges, g_array_unref);
  g_clear_pointer (&m->anchors, g_ptr_array_unref);
  g_clear_pointer (&m->active, g_array_unref);
}
