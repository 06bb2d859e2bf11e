/* slv-dxf-lexer.c: DXF group-code/value pairs out of a byte buffer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Lines end in LF, CRLF or a lone CR. Codes may be padded with spaces
 * (AccuMark right-aligns them). Values that are not UTF-8 are read as
 * Latin-1, as 7-bit DXF writers intend. A damaged pair is an error that
 * names its line; nothing after the EOF marker is looked at.
 */
#define G_LOG_DOMAIN "slv-dxf"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "slv-dxf-private.h"

#define MAX_LINE 65536

G_DEFINE_QUARK (slv-dxf-error-quark, slv_dxf_error)

void
slv_dxf_lexer_init (SlvDxfLexer *lex,
                    const char  *data,
                    gsize        len)
{
  memset (lex, 0, sizeof *lex);
  lex->data = data;
  lex->len = len;
  lex->next_line = 1;
  lex->value = g_string_sized_new (64);
  /* A UTF-8 byte-order mark is not part of the first code. */
  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    lex->pos = 3;
}

void
slv_dxf_lexer_clear (SlvDxfLexer *lex)
{
  if (lex->value != NULL)
    g_string_free (lex->value, TRUE);
  lex->value = NULL;
}

/* The next line, without its terminator; FALSE at the end of the data. */
static gboolean
read_line (SlvDxfLexer  *lex,
           const char  **start,
           gsize        *length,
           GError      **error)
{
  const char *p = lex->data + lex->pos;
  gsize rest = lex->len - lex->pos, n = 0;

  if (lex->pos >= lex->len)
    return FALSE;
  while (n < rest && p[n] != '\n' && p[n] != '\r')
    {
      if (p[n] == '\0')
        {
          g_set_error (error, SLV_DXF_ERROR, SLV_DXF_ERROR_BINARY,
                       _("Line %u holds binary data; this is not a text DXF file."), lex->next_line);
          return FALSE;
        }
      if (++n > MAX_LINE)
        {
          g_set_error (error, SLV_DXF_ERROR, SLV_DXF_ERROR_SYNTAX,
                       _("Line %u is longer than %d characters; the file is damaged or not a DXF file."),
                       lex->next_line, MAX_LINE);
          return FALSE;
        }
    }
  *start = p;
  *length = n;
  if (n < rest && p[n] == '\r')
    n++;
  if (n < rest && p[n] == '\n')
    n++;
  lex->pos += n;
  lex->next_line++;
  return TRUE;
}

static void
set_value (GString    *value,
           const char *start,
           gsize       length)
{
  g_string_truncate (value, 0);
  while (length > 0 && g_ascii_isspace (start[length - 1]))
    length--;
  while (length > 0 && g_ascii_isspace (*start))
    start++, length--;
  if (g_utf8_validate (start, length, NULL))
    {
      g_string_append_len (value, start, length);
      return;
    }
  for (gsize i = 0; i < length; i++)
    g_string_append_unichar (value, (guchar) start[i]);
}

static gboolean
only_blank_left (SlvDxfLexer *lex)
{
  for (gsize i = lex->pos; i < lex->len; i++)
    if (!g_ascii_isspace (lex->data[i]) && lex->data[i] != '\x1a')
      return FALSE;
  return TRUE;
}

gboolean
slv_dxf_lexer_next (SlvDxfLexer  *lex,
                    GError      **error)
{
  const char *start;
  gsize length;
  gint64 code;
  g_autofree char *text = NULL;

  if (lex->pushed_back)
    {
      lex->pushed_back = FALSE;
      return TRUE;
    }
  if (lex->pos == 0 && lex->len >= 18 && memcmp (lex->data, "AutoCAD Binary DXF", 18) == 0)
    {
      g_set_error (error, SLV_DXF_ERROR, SLV_DXF_ERROR_BINARY,
                   _("This is a binary DXF file. Export the pattern as ASCII DXF (AAMA or ASTM)."));
      return FALSE;
    }
  if (only_blank_left (lex))
    return FALSE;
  lex->line = lex->next_line;
  if (!read_line (lex, &start, &length, error))
    return FALSE;
  text = g_strstrip (g_strndup (start, length));
  if (!g_ascii_string_to_signed (text, 10, -32768, 32767, &code, NULL))
    {
      g_autofree char *shown = g_utf8_make_valid (text, MIN (strlen (text), 40));

      g_set_error (error, SLV_DXF_ERROR, SLV_DXF_ERROR_SYNTAX,
                   _("Line %u: “%s” is not a DXF group code; the file is damaged or not a DXF file."),
                   lex->line, shown);
      return FALSE;
    }
  lex->code = (int) code;
  if (!read_line (lex, &start, &length, error))
    {
      if (error == NULL || *error == NULL)
        g_set_error (error, SLV_DXF_ERROR, SLV_DXF_ERROR_TRUNCATED,
                     _("The file ends after the group code on line %u; it is truncated."), lex->line);
      return FALSE;
    }
  set_value (lex->value, start, length);
  return TRUE;
}

/* The first 40 characters of a (valid UTF-8) value, for messages. */
static char *
shown_value (const char *value)
{
  return g_utf8_substring (value, 0, MIN (g_utf8_strlen (value, -1), 40));
}

void
slv_dxf_lexer_push_back (SlvDxfLexer *lex)
{
  lex->pushed_back = TRUE;
}

gboolean
slv_dxf_lexer_is (SlvDxfLexer *lex,
                  int          code,
                  const char  *value)
{
  return lex->code == code && g_ascii_strcasecmp (lex->value->str, value) == 0;
}

gboolean
slv_dxf_lexer_double (SlvDxfLexer  *lex,
                      double       *out,
                      GError      **error)
{
  const char *s = lex->value->str;
  char *end = NULL;
  double v;

  v = g_ascii_strtod (s, &end);
  if (end == s || *end != '\0')
    {
      g_autofree char *shown = shown_value (s);

      g_set_error (error, SLV_DXF_ERROR, SLV_DXF_ERROR_SYNTAX,
                   _("Line %u: “%s” is not a number (group code %d)."), lex->line + 1, shown, lex->code);
      return FALSE;
    }
  if (!isfinite (v) || fabs (v) > SLV_DXF_MAX_COORDINATE)
    {
      g_autofree char *shown = shown_value (s);

      g_set_error (error, SLV_DXF_ERROR, SLV_DXF_ERROR_RANGE,
                   _("Line %u: the value “%s” is not a usable coordinate (it must be a finite "
                     "number below %.0e); the file is damaged."), lex->line + 1, shown,
                   SLV_DXF_MAX_COORDINATE);
      return FALSE;
    }
  *out = v;
  return TRUE;
}

gboolean
slv_dxf_lexer_int (SlvDxfLexer  *lex,
                   int          *out,
                   GError      **error)
{
  gint64 v;
  char *end = NULL;
  double d;

  if (g_ascii_string_to_signed (lex->value->str, 10, G_MININT32, G_MAXINT32, &v, NULL))
    {
      *out = (int) v;
      return TRUE;
    }
  /* Some writers print integer codes as 0.000000. */
  d = g_ascii_strtod (lex->value->str, &end);
  if (end != lex->value->str && *end == '\0' && isfinite (d) && d == floor (d) &&
      fabs (d) <= G_MAXINT32)
    v = (gint64) d;
  else
    {
      g_autofree char *shown = shown_value (lex->value->str);

      g_set_error (error, SLV_DXF_ERROR, SLV_DXF_ERROR_SYNTAX,
                   _("Line %u: “%s” is not a whole number (group code %d)."), lex->line + 1, shown,
                   lex->code);
      return FALSE;
    }
  *out = (int) v;
  return TRUE;
}
