/* slv-import-convert.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "slv-import-convert.h"

#define MAX_TEXT_CHARS 2000
#define MAX_CODE_CHARS 64

static const char * const known_units[] = {
  "KG", "G", "MG", "LB", "OZ", "T", "TO", "M", "CM", "MM", "KM", "YD", "IN", "FT", "M2", "M3",
  "CM2", "YD2", "L", "ML", "ST", "PC", "PCE", "PCS", "EA", "PR", "PAA", "DZ", "DZN", "CT", "CAR",
  "BOX", "ROL", "RL", "CON", "SET", "PAK", "PAC", "BAG", "GRO", "H", "MIN", "KAR", "BT", "KI",
  NULL,
};

static gboolean
invalid (GError     **error,
         const char  *format,
         ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError     **error,
         const char  *format,
         ...)
{
  va_list args;

  if (error == NULL)
    return FALSE;
  va_start (args, format);
  *error = g_error_new_valist (G_IO_ERROR, G_IO_ERROR_INVALID_DATA, format, args);
  va_end (args);
  return FALSE;
}

static gboolean
check_range (const SlvImportField  *field,
             const char            *canonical,
             GError               **error)
{
  if (field->min != NULL && slv_decimal_text_compare (canonical, field->min) < 0)
    return invalid (error, _("The value must be at least %s."), field->min);
  if (field->max != NULL && slv_decimal_text_compare (canonical, field->max) > 0)
    return invalid (error, _("The value must be at most %s."), field->max);
  return TRUE;
}

static char *
convert_choice (const SlvImportField  *field,
                const char            *text,
                GError               **error)
{
  g_auto(GStrv) choices = g_strsplit (field->choices, "|", -1);
  g_autoptr(GString) allowed = g_string_new (NULL);

  for (guint i = 0; choices[i] != NULL; i++)
    {
      const char *eq = strchr (choices[i], '=');

      if (eq == NULL)
        {
          if (g_ascii_strcasecmp (choices[i], text) == 0 || g_utf8_collate (choices[i], text) == 0)
            return g_strdup (choices[i]);
          g_string_append_printf (allowed, "%s%s", allowed->len ? ", " : "", choices[i]);
        }
      else if ((gsize) (eq - choices[i]) == strlen (text) &&
               g_ascii_strncasecmp (choices[i], text, eq - choices[i]) == 0)
        return g_strdup (eq + 1);
    }
  invalid (error, _("‘%s’ is not one of: %s."), text, allowed->str);
  return NULL;
}

static char *
convert_unit (const char  *text,
              GError     **error)
{
  g_autofree char *upper = g_ascii_strup (text, -1);

  for (guint i = 0; known_units[i] != NULL; i++)
    if (g_str_equal (known_units[i], upper))
      return g_steal_pointer (&upper);
  invalid (error, _("‘%s’ is not a known unit of measure (for example KG, M, YD, PC, ST, EA, DZ)."), text);
  return NULL;
}

static char *
convert_currency (const char  *text,
                  GError     **error)
{
  g_autofree char *upper = g_ascii_strup (text, -1);

  if (strlen (upper) != 3 || !g_ascii_isalpha (upper[0]) || !g_ascii_isalpha (upper[1]) ||
      !g_ascii_isalpha (upper[2]))
    {
      invalid (error, _("‘%s’ is not a currency code (three letters, such as EUR or USD)."), text);
      return NULL;
    }
  return g_steal_pointer (&upper);
}

static char *
convert_decimal (const SlvImportField     *field,
                 const char               *text,
                 SlvDecimalSep             sep,
                 GError                  **error)
{
  char out[SLV_DECIMAL_BUF];

  if (!slv_parse_decimal (text, -1, sep, out, error) || (out[0] && !check_range (field, out, error)))
    return NULL;
  return out[0] ? g_strdup (out) : NULL;
}

static char *
convert_integer (const SlvImportField  *field,
                 const char            *text,
                 SlvDecimalSep          sep,
                 GError               **error)
{
  gint64 value;
  gboolean empty;
  char out[32];

  if (!slv_parse_integer (text, -1, sep, &empty, &value, error))
    return NULL;
  if (empty)
    return NULL;
  g_snprintf (out, sizeof out, "%" G_GINT64_FORMAT, value);
  if (!check_range (field, out, error))
    return NULL;
  return g_strdup (out);
}

static char *
convert_percent (const SlvImportField  *field,
                 const char            *text,
                 SlvDecimalSep          sep,
                 GError               **error)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  gsize len = strlen (copy);
  gboolean sign = len > 0 && copy[len - 1] == '%';
  char out[SLV_DECIMAL_BUF];

  if (sign)
    copy[len - 1] = '\0';
  if (!slv_parse_decimal (copy, -1, sep, out, error) || out[0] == '\0')
    return NULL;
  if (!sign && slv_decimal_text_sign (out) > 0 && slv_decimal_text_compare (out, "1") <= 0)
    {
      invalid (error, _("‘%s’ looks like a fraction; write the percentage (for example 62 for 62 %%)."), text);
      return NULL;
    }
  if (!check_range (field, out, error))
    return NULL;
  return g_strdup (out);
}

static char *
convert_date (const SlvCell            *cell,
              const char               *text,
              const SlvConvertOptions  *options,
              GError                  **error)
{
  char out[SLV_DATE_BUF];

  if (cell != NULL && cell->type == SLV_CELL_DATE)
    return g_strndup (text, 10);
  if (cell != NULL && cell->type == SLV_CELL_NUMBER && strlen (text) != 8)
    {
      invalid (error, _("%s is a number, not a date: format the column as a date or write dd.mm.yyyy."), text);
      return NULL;
    }
  if (!slv_parse_date (text, -1, options->date_order, out, error))
    return NULL;
  return out[0] ? g_strdup (out) : NULL;
}

static char *
convert (const SlvImportField     *field,
         const SlvCell            *cell,
         const char               *text,
         const SlvConvertOptions  *options,
         char                    **warning,
         GError                  **error)
{
  /* Spreadsheet numbers are already written with a decimal point. */
  SlvDecimalSep sep = cell != NULL && cell->type != SLV_CELL_TEXT ? SLV_DECIMAL_POINT : options->decimal;
  g_autofree char *trimmed = g_strstrip (g_strdup (text));

  if (*trimmed == '\0')
    return NULL;
  if (cell != NULL && cell->type == SLV_CELL_ERROR)
    {
      invalid (error, _("The cell holds the spreadsheet error %s."), trimmed);
      return NULL;
    }
  switch (field->type)
    {
    case SLV_IMPORT_FIELD_TEXT:
      if (g_utf8_strlen (trimmed, -1) > MAX_TEXT_CHARS)
        {
          invalid (error, _("The text is longer than %d characters."), MAX_TEXT_CHARS);
          return NULL;
        }
      return g_steal_pointer (&trimmed);
    case SLV_IMPORT_FIELD_CODE:
    case SLV_IMPORT_FIELD_REFERENCE:
      if (g_utf8_strlen (trimmed, -1) > MAX_CODE_CHARS || strpbrk (trimmed, "\r\n\t") != NULL)
        {
          invalid (error, _("A code has at most %d characters and no line breaks."), MAX_CODE_CHARS);
          return NULL;
        }
      if (cell != NULL && cell->type == SLV_CELL_NUMBER && warning != NULL)
        *warning = g_strdup (_("The spreadsheet stores this code as a number, so leading zeros may be "
                               "lost; format the column as text."));
      return g_steal_pointer (&trimmed);
    case SLV_IMPORT_FIELD_DECIMAL:
      return convert_decimal (field, trimmed, sep, error);
    case SLV_IMPORT_FIELD_INTEGER:
      return convert_integer (field, trimmed, sep, error);
    case SLV_IMPORT_FIELD_PERCENT:
      return convert_percent (field, trimmed, sep, error);
    case SLV_IMPORT_FIELD_DATE:
      return convert_date (cell, trimmed, options, error);
    case SLV_IMPORT_FIELD_CURRENCY:
      return convert_currency (trimmed, error);
    case SLV_IMPORT_FIELD_UNIT:
      return convert_unit (trimmed, error);
    case SLV_IMPORT_FIELD_CHOICE:
      return convert_choice (field, trimmed, error);
    default:
      g_assert_not_reached ();
    }
  return NULL;
}

char *
slv_import_convert (const SlvImportField     *field,
                    const SlvCell            *cell,
                    const SlvConvertOptions  *options,
                    char                    **warning,
                    GError                  **error)
{
  return convert (field, cell, cell->text, options, warning, error);
}

char *
slv_import_convert_text (const SlvImportField     *field,
                         const char               *text,
                         const SlvConvertOptions  *options,
                         GError                  **error)
{
  return convert (field, NULL, text, options, NULL, error);
}
