/* slv-review-csv.c: the review report as CSV, and reading it back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-review-report"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "slv-review-report.h"
#include "core/slv-review-error.h"

static const char * const columns[] = {
  "board", "thread", "number", "status", "status_by", "status_at", "annotation_kind",
  "item_id", "annotation_author", "comment_id", "comment_author", "created_at",
  "edited_at", "body", "mentions", NULL
};

const char * const *
slv_review_csv_columns (void)
{
  return columns;
}

/* Spreadsheets run a cell starting with these as a formula (OWASP "CSV
 * injection"); a comment from anyone must never do that. */
static gboolean
is_formula_start (char c)
{
  return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

/* TRUE if @cell is zero or more "'" then a formula start. Writing adds one
 * "'" to such a cell, reading takes one off: a one-to-one mapping, so every
 * text round-trips (also one that starts with "'" itself). */
static gboolean
needs_guard (const char *cell)
{
  while (*cell == '\'')
    cell++;
  return is_formula_start (*cell);
}

static void
append_cell (GString    *out,
             const char *cell,
             gboolean    last)
{
  gboolean guard;

  if (cell == NULL)
    cell = "";
  guard = needs_guard (cell);
  if (guard || strpbrk (cell, ",\"\r\n") != NULL)
    {
      g_string_append_c (out, '"');
      if (guard)
        g_string_append_c (out, '\'');
      for (const char *p = cell; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    g_string_append (out, cell);
  g_string_append (out, last ? "\r\n" : ",");
}

static void
append_row (GString            *out,
            const char * const *cells)
{
  for (guint i = 0; columns[i] != NULL; i++)
    append_cell (out, cells[i], columns[i + 1] == NULL);
}

static void
append_thread (GString                     *out,
               const char                  *board,
               const SlvReviewReportThread *t)
{
  const SlvAnnotationRecord *a = t->annotation;
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, a->number);
  guint n = MAX (t->comments->len, 1);

  for (guint i = 0; i < n; i++)
    {
      const SlvCommentRecord *c = i < t->comments->len ? t->comments->pdata[i] : NULL;
      g_autofree char *mentions = c && c->mentions ? g_strjoinv ("; ", c->mentions) : NULL;
      const char *cells[] = {
        board, t->label, number, slv_review_status_to_string (a->status), a->status_by,
        a->status_at, slv_annotation_kind_to_string (a->kind), a->item_id, a->author,
        c ? c->id : NULL, c ? c->author : NULL, c ? c->created_at : NULL,
        c ? c->edited_at : NULL, c ? c->body : NULL, mentions,
      };

      G_STATIC_ASSERT (G_N_ELEMENTS (cells) == G_N_ELEMENTS (columns) - 1);
      append_row (out, cells);
    }
}

GBytes *
slv_review_report_to_csv (const SlvReviewReport *report)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (report != NULL, NULL);

  append_row (out, columns);
  for (guint i = 0; i < report->threads->len; i++)
    append_thread (out, report->title, report->threads->pdata[i]);
  return g_string_free_to_bytes (out);
}

/* -- reading -- */

static char *
unguard (GString *cell,
         gboolean quoted)
{
  if (quoted && cell->str[0] == '\'' && needs_guard (cell->str + 1))
    g_string_erase (cell, 0, 1);
  return g_strdup (cell->str);
}

static void
end_row (GPtrArray *rows,
         GPtrArray *row)
{
  g_ptr_array_add (row, NULL);
  g_ptr_array_add (rows, g_ptr_array_free (row, FALSE));
}

GPtrArray *
slv_review_csv_parse (const char  *text,
                      gssize       length,
                      GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GString) cell = g_string_new (NULL);
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  const char *p, *end;
  gboolean quoted = FALSE, in_quotes = FALSE, any = FALSE;
  guint line = 1;

  g_return_val_if_fail (text != NULL, NULL);

  end = text + (length < 0 ? (gssize) strlen (text) : length);
  p = text;
  if (end - p >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3;
  if (!g_utf8_validate (p, end - p, NULL))
    {
      g_ptr_array_free (row, TRUE);
      g_set_error (error, SLV_REVIEW_ERROR, SLV_REVIEW_ERROR_INVALID, _("The CSV file is not UTF-8 text."));
      return NULL;
    }
  for (; p < end; p++)
    {
      char ch = *p;

      any = TRUE;
      if (in_quotes)
        {
          if (ch == '"' && p + 1 < end && p[1] == '"')
            {
              g_string_append_c (cell, '"');
              p++;
            }
          else if (ch == '"')
            in_quotes = FALSE;
          else
            {
              line += ch == '\n';
              g_string_append_c (cell, ch);
            }
          continue;
        }
      if (ch == '"' && cell->len == 0 && !quoted)
        in_quotes = quoted = TRUE;
      else if (ch == ',' || ch == '\n' || (ch == '\r' && p + 1 < end && p[1] == '\n'))
        {
          g_ptr_array_add (row, unguard (cell, quoted));
          g_string_truncate (cell, 0);
          quoted = FALSE;
          if (ch == '\r')
            p++;
          if (ch != ',')
            {
              end_row (rows, row);
              row = g_ptr_array_new_with_free_func (g_free);
              any = FALSE;
              line++;
            }
        }
      else if (quoted)
        {
          g_ptr_array_free (row, TRUE);
          g_set_error (error, SLV_REVIEW_ERROR, SLV_REVIEW_ERROR_INVALID,
                       _("Line %u of the CSV file has text after a closing quote."), line);
          return NULL;
        }
      else
        g_string_append_c (cell, ch);
    }
  if (in_quotes)
    {
      g_ptr_array_free (row, TRUE);
      g_set_error (error, SLV_REVIEW_ERROR, SLV_REVIEW_ERROR_INVALID,
                   _("The CSV file ends inside a quoted cell (line %u)."), line);
      return NULL;
    }
  if (any)
    {
      g_ptr_array_add (row, unguard (cell, quoted));
      end_row (rows, row);
    }
  else
    g_ptr_array_free (row, TRUE);
  return g_steal_pointer (&rows);
}

gboolean
slv_review_report_format_from_path (const char            *path,
                                    SlvReviewReportFormat *format)
{
  g_autofree char *lower = path ? g_ascii_strdown (path, -1) : NULL;

  if (lower == NULL)
    return FALSE;
  if (g_str_has_suffix (lower, ".pdf"))
    *format = SLV_REVIEW_REPORT_PDF;
  else if (g_str_has_suffix (lower, ".csv"))
    *format = SLV_REVIEW_REPORT_CSV;
  else
    return FALSE;
  return TRUE;
}
