/* slv-values.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-values"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "slv-values.h"

G_DEFINE_QUARK (slv-value-error-quark, slv_value_error)

#define MAX_SHOWN 40

/* Width in bytes of a space at @p (ASCII space or tab, no-break space,
 * narrow no-break space, thin space), or 0. */
static int
space_width (const char *p,
             const char *end)
{
  const guchar *u = (const guchar *) p;

  if (p >= end)
    return 0;
  if (*u == ' ' || *u == '\t')
    return 1;
  if (end - p >= 2 && u[0] == 0xc2 && u[1] == 0xa0)
    return 2;
  if (end - p >= 3 && u[0] == 0xe2 && u[1] == 0x80 && (u[2] == 0xaf || u[2] == 0x89))
    return 3;
  return 0;
}

static void
trim (const char **start,
      const char **end)
{
  int w;

  while ((w = space_width (*start, *end)) > 0)
    *start += w;
  for (;;)
    {
      const char *e = *end;

      if (e > *start && (e[-1] == ' ' || e[-1] == '\t'))
        *end = e - 1;
      else if (e - *start >= 2 && space_width (e - 2, e) == 2)
        *end = e - 2;
      else if (e - *start >= 3 && space_width (e - 3, e) == 3)
        *end = e - 3;
      else
        break;
    }
}

/* The value as shown in a message: valid UTF-8, at most MAX_SHOWN characters. */
static char *
shown (const char *text,
       gsize       len)
{
  g_autofree char *valid = g_utf8_make_valid (text, len);

  if (g_utf8_strlen (valid, -1) > MAX_SHOWN)
    {
      g_autofree char *head = g_utf8_substring (valid, 0, MAX_SHOWN);

      return g_strconcat (head, "…", NULL);
    }
  return g_steal_pointer (&valid);
}

static gboolean
not_a_number (const char     *text,
              gsize           len,
              SlvDecimalSep   sep,
              GError        **error)
{
  g_autofree char *value = shown (text, len);
  char other = sep == SLV_DECIMAL_POINT ? ',' : '.';

  if (memchr (text, other, len) != NULL)
    g_set_error (error, SLV_VALUE_ERROR, SLV_VALUE_ERROR_INVALID,
                 sep == SLV_DECIMAL_POINT
                   ? _("‘%s’ is not a number with a decimal point (1,234.56); if the file writes decimal commas (1.234,56), choose that setting.")
                   : _("‘%s’ is not a number with a decimal comma (1.234,56); if the file writes decimal points (1,234.56), choose that setting."),
                 value);
  else
    g_set_error (error, SLV_VALUE_ERROR, SLV_VALUE_ERROR_INVALID,
                 _("‘%s’ is not a number."), value);
  return FALSE;
}

typedef struct
{
  char     digits[SLV_DECIMAL_MAX_DIGITS + 1];
  int      n_digits;
  int      n_int;        /* digits before the decimal mark */
  int      exponent;
  gboolean negative;
} Number;

/* TRUE if @p starts a grouping mark for @sep; sets its width and class. */
static int
group_mark (const char    *p,
            const char    *end,
            SlvDecimalSep  sep,
            char          *klass)
{
  int w = space_width (p, end);

  if (w > 0)
    {
      *klass = ' ';
      return w;
    }
  if (*p == '\'' || (sep == SLV_DECIMAL_POINT && *p == ',') || (sep == SLV_DECIMAL_COMMA && *p == '.'))
    {
      *klass = *p;
      return 1;
    }
  if (end - p >= 3 && (guchar) p[0] == 0xe2 && (guchar) p[1] == 0x80 && (guchar) p[2] == 0x99)
    {
      *klass = '\'';   /* right single quotation mark, Swiss style */
      return 3;
    }
  return 0;
}

static gboolean
read_exponent (const char *p,
               const char *end,
               int        *exponent)
{
  gboolean neg = FALSE;
  int value = 0, n = 0;

  if (p < end && (*p == '+' || *p == '-'))
    neg = *p++ == '-';
  for (; p < end && g_ascii_isdigit (*p) && n < 4; p++, n++)
    value = value * 10 + (*p - '0');
  if (n == 0 || p != end)
    return FALSE;
  *exponent = neg ? -value : value;
  return TRUE;
}

/* Reads the digits of an unsigned mantissa with grouping and exponent. */
static gboolean
read_mantissa (const char    *p,
               const char    *end,
               SlvDecimalSep  sep,
               Number        *num)
{
  char dec = sep == SLV_DECIMAL_POINT ? '.' : ',';
  char klass = 0, seen_class = 0;
  gboolean in_fraction = FALSE, grouped = FALSE;
  int group_len = 0, n_groups = 0;

  while (p < end)
    {
      int w;

      if (g_ascii_isdigit (*p))
        {
          if (num->n_digits >= SLV_DECIMAL_MAX_DIGITS)
            return FALSE;
          num->digits[num->n_digits++] = *p++;
          if (!in_fraction)
            num->n_int++, group_len++;
          continue;
        }
      if (*p == dec && !in_fraction)
        {
          in_fraction = TRUE;
          p++;
          continue;
        }
      if ((*p == 'e' || *p == 'E') && !grouped && num->n_digits > 0)
        {
          if (!read_exponent (p + 1, end, &num->exponent))
            return FALSE;
          break;
        }
      if (!in_fraction && (w = group_mark (p, end, sep, &klass)) > 0)
        {
          /* First group 1–3 digits, the others exactly 3, one kind of mark. */
          if ((n_groups == 0 && (group_len < 1 || group_len > 3)) ||
              (n_groups > 0 && group_len != 3) ||
              (seen_class != 0 && klass != seen_class))
            return FALSE;
          seen_class = klass;
          grouped = TRUE;
          n_groups++;
          group_len = 0;
          p += w;
          continue;
        }
      return FALSE;
    }
  if (grouped && group_len != 3)
    return FALSE;
  num->digits[num->n_digits] = '\0';
  return num->n_digits > 0;
}

static void
write_canonical (const Number *num,
                 char          out[SLV_DECIMAL_BUF])
{
  int point = num->n_int + num->exponent;   /* digits before the point */
  int first = 0;
  char *o = out;
  gboolean zero = TRUE;

  for (int i = 0; i < num->n_digits; i++)
    if (num->digits[i] != '0')
      zero = FALSE;
  /* Skip leading zeros of the integer part. */
  while (first < point - 1 && first < num->n_digits - 1 && num->digits[first] == '0')
    first++;
  if (num->negative && !zero)
    *o++ = '-';
  if (point <= first)
    {
      *o++ = '0';
      *o++ = '.';
      for (int i = point; i < 0; i++)
        *o++ = '0';
      for (int i = MAX (first, 0); i < num->n_digits; i++)
        *o++ = num->digits[i];
    }
  else
    {
      for (int i = first; i < point; i++)
        *o++ = i < num->n_digits ? num->digits[i] : '0';
      if (point < num->n_digits)
        {
          *o++ = '.';
          for (int i = point; i < num->n_digits; i++)
            *o++ = num->digits[i];
        }
    }
  *o = '\0';
}

gboolean
slv_parse_decimal (const char     *text,
                   gssize          len,
                   SlvDecimalSep   sep,
                   char            out[SLV_DECIMAL_BUF],
                   GError        **error)
{
  const char *start, *end;
  Number num = { { 0 } };

  g_return_val_if_fail (text != NULL, FALSE);

  if (len < 0)
    len = strlen (text);
  start = text;
  end = text + len;
  trim (&start, &end);
  out[0] = '\0';
  if (start == end)
    return TRUE;

  if (*start == '(' && end[-1] == ')' && end - start > 2)
    {
      num.negative = TRUE;
      start++, end--;
      trim (&start, &end);
    }
  if (start < end && (*start == '-' || *start == '+') && !num.negative)
    num.negative = *start++ == '-';
  else if (start < end && end[-1] == '-' && !num.negative)
    {
      num.negative = TRUE;
      end--;
      trim (&start, &end);
    }
  if (start == end || !read_mantissa (start, end, sep, &num) ||
      num.n_int + num.exponent > SLV_DECIMAL_MAX_DIGITS ||
      num.n_int + num.exponent < -SLV_DECIMAL_MAX_DIGITS)
    return not_a_number (text, len, sep, error);

  write_canonical (&num, out);
  return TRUE;
}

gboolean
slv_parse_integer (const char     *text,
                   gssize          len,
                   SlvDecimalSep   sep,
                   gboolean       *empty,
                   gint64         *out,
                   GError        **error)
{
  char buf[SLV_DECIMAL_BUF];
  const char *dot;
  guint64 value = 0;
  const char *p;

  if (!slv_parse_decimal (text, len, sep, buf, error))
    return FALSE;
  *empty = buf[0] == '\0';
  *out = 0;
  if (*empty)
    return TRUE;
  dot = strchr (buf, '.');
  if (dot != NULL)
    for (const char *q = dot + 1; *q; q++)
      if (*q != '0')
        {
          g_autofree char *value_shown = shown (text, len < 0 ? strlen (text) : (gsize) len);

          g_set_error (error, SLV_VALUE_ERROR, SLV_VALUE_ERROR_INVALID,
                       _("‘%s’ is not a whole number."), value_shown);
          return FALSE;
        }
  for (p = buf[0] == '-' ? buf + 1 : buf; *p && *p != '.'; p++)
    {
      if (value > (G_MAXINT64 - 9) / 10)
        {
          g_autofree char *value_shown = shown (text, len < 0 ? strlen (text) : (gsize) len);

          g_set_error (error, SLV_VALUE_ERROR, SLV_VALUE_ERROR_RANGE,
                       _("‘%s’ is too large."), value_shown);
          return FALSE;
        }
      value = value * 10 + (*p - '0');
    }
  *out = buf[0] == '-' ? -(gint64) value : (gint64) value;
  return TRUE;
}

/* -- dates -- */

static int
read_digits (const char **p,
             const char  *end,
             int          max,
             int         *value)
{
  int n = 0;

  *value = 0;
  while (*p < end && n < max && g_ascii_isdigit (**p))
    {
      *value = *value * 10 + (**p - '0');
      (*p)++, n++;
    }
  return n;
}

static gboolean
not_a_date (const char  *text,
            gsize        len,
            gboolean     impossible,
            GError     **error)
{
  g_autofree char *value = shown (text, len);

  if (impossible)
    g_set_error (error, SLV_VALUE_ERROR, SLV_VALUE_ERROR_RANGE,
                 _("‘%s’ is not a date that exists."), value);
  else
    g_set_error (error, SLV_VALUE_ERROR, SLV_VALUE_ERROR_INVALID,
                 _("‘%s’ is not a date (write dd.mm.yyyy, YYYYMMDD or yyyy-mm-dd)."), value);
  return FALSE;
}

static gboolean
write_date (int   y,
            int   m,
            int   d,
            char  out[SLV_DATE_BUF])
{
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 ||
      !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return FALSE;
  g_snprintf (out, SLV_DATE_BUF, "%04d-%02d-%02d", y, m, d);
  return TRUE;
}

gboolean
slv_parse_date (const char     *text,
                gssize          len,
                SlvDateOrder    order,
                char            out[SLV_DATE_BUF],
                GError        **error)
{
  const char *start, *end, *p;
  int a, b, c, na, nb, nc;
  char sep;

  g_return_val_if_fail (text != NULL, FALSE);
  if (len < 0)
    len = strlen (text);
  start = text;
  end = text + len;
  trim (&start, &end);
  out[0] = '\0';
  if (start == end || (end - start == 8 && memcmp (start, "00000000", 8) == 0))
    return TRUE;

  p = start;
  na = read_digits (&p, end, 8, &a);
  if (na == 8 && p == end)
    {
      if (!write_date (a / 10000, (a / 100) % 100, a % 100, out))
        return not_a_date (text, len, TRUE, error);
      return TRUE;
    }
  if (na == 0 || p >= end || (*p != '.' && *p != '-' && *p != '/'))
    return not_a_date (text, len, FALSE, error);
  sep = *p++;
  nb = read_digits (&p, end, 2, &b);
  if (nb == 0 || p >= end || *p != sep)
    return not_a_date (text, len, FALSE, error);
  p++;
  nc = read_digits (&p, end, 4, &c);
  /* A time may follow: "2025-03-14T09:26:53", "14.03.2025 00:00:00". */
  if (p < end && *p != 'T' && *p != ' ')
    return not_a_date (text, len, FALSE, error);

  if (na == 4 && nc >= 1 && nc <= 2)
    {
      if (!write_date (a, b, c, out))
        return not_a_date (text, len, TRUE, error);
      return TRUE;
    }
  if (na <= 2 && nc == 4)
    {
      gboolean month_first = sep != '.' && order == SLV_DATE_MDY;

      if (!write_date (c, month_first ? a : b, month_first ? b : a, out))
        return not_a_date (text, len, TRUE, error);
      return TRUE;
    }
  return not_a_date (text, len, FALSE, error);
}

/* -- decimal arithmetic on canonical text -- */

typedef struct
{
  gboolean    negative;
  const char *int_part;
  int         int_len;
  const char *frac;
  int         frac_len;   /* without trailing zeros */
} Parts;

static void
split (const char *s,
       Parts      *parts)
{
  const char *dot;

  parts->negative = *s == '-';
  if (parts->negative)
    s++;
  while (*s == '0' && s[1] != '\0' && s[1] != '.')
    s++;
  dot = strchr (s, '.');
  parts->int_part = s;
  parts->int_len = dot ? dot - s : (int) strlen (s);
  parts->frac = dot ? dot + 1 : "";
  parts->frac_len = strlen (parts->frac);
  while (parts->frac_len > 0 && parts->frac[parts->frac_len - 1] == '0')
    parts->frac_len--;
  if (parts->int_len == 1 && parts->int_part[0] == '0' && parts->frac_len == 0)
    parts->negative = FALSE;
}

static int
compare_magnitude (const Parts *a,
                   const Parts *b)
{
  int n;

  if (a->int_len != b->int_len)
    return a->int_len < b->int_len ? -1 : 1;
  n = memcmp (a->int_part, b->int_part, a->int_len);
  if (n != 0)
    return n < 0 ? -1 : 1;
  for (int i = 0; i < MAX (a->frac_len, b->frac_len); i++)
    {
      char x = i < a->frac_len ? a->frac[i] : '0';
      char y = i < b->frac_len ? b->frac[i] : '0';

      if (x != y)
        return x < y ? -1 : 1;
    }
  return 0;
}

int
slv_decimal_text_compare (const char *a,
                     const char *b)
{
  Parts pa, pb;
  int m;

  split (a, &pa);
  split (b, &pb);
  if (pa.negative != pb.negative)
    return pa.negative ? -1 : 1;
  m = compare_magnitude (&pa, &pb);
  return pa.negative ? -m : m;
}

gboolean
slv_decimal_text_equal (const char *a,
                   const char *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return slv_decimal_text_compare (a, b) == 0;
}

int
slv_decimal_text_sign (const char *canonical)
{
  Parts p;

  split (canonical, &p);
  if (p.negative)
    return -1;
  return (p.int_len == 1 && p.int_part[0] == '0' && p.frac_len == 0) ? 0 : 1;
}

/* Digits of @s without sign and point, and its scale (fraction digits). */
static GString *
digits_of (const char *s,
           int        *scale)
{
  GString *d = g_string_new (NULL);
  const char *dot = strchr (s, '.');

  *scale = dot ? (int) strlen (dot + 1) : 0;
  for (; *s; s++)
    if (g_ascii_isdigit (*s))
      g_string_append_c (d, *s);
  return d;
}

gboolean
slv_decimal_text_divide (const char *a,
                    const char *divisor,
                    guint       max_scale,
                    char        out[SLV_DECIMAL_BUF],
                    gboolean   *rounded)
{
  g_autoptr(GString) n = NULL;
  g_autoptr(GString) d = NULL;
  g_autoptr(GString) q = g_string_new (NULL);
  int sa, sd, s_work, shift, drop;
  guint64 dv = 0, rem = 0;
  gboolean negative = (*a == '-') != (*divisor == '-');
  gboolean exact, up;
  Number num = { { 0 } };

  *rounded = FALSE;
  n = digits_of (a, &sa);
  d = digits_of (divisor, &sd);
  while (d->len > 1 && d->str[0] == '0')
    g_string_erase (d, 0, 1);
  if (d->len > 18 || max_scale > 12)
    return FALSE;
  for (gsize i = 0; i < d->len; i++)
    dv = dv * 10 + (d->str[i] - '0');
  if (dv == 0)
    return FALSE;

  s_work = MAX ((int) max_scale, sa - sd) + 1;
  shift = sd - sa + s_work;
  for (int i = 0; i < shift; i++)
    g_string_append_c (n, '0');
  for (gsize i = 0; i < n->len; i++)
    {
      rem = rem * 10 + (n->str[i] - '0');
      g_string_append_c (q, '0' + (char) (rem / dv));
      rem %= dv;
    }
  /* q carries s_work fraction digits; keep max_scale of them. */
  drop = s_work - (int) max_scale;
  exact = rem == 0;
  for (int i = 0; i < drop; i++)
    if (q->str[q->len - drop + i] != '0')
      exact = FALSE;
  up = q->str[q->len - drop] >= '5';
  g_string_truncate (q, q->len - drop);
  if (up)
    {
      int i = q->len - 1;

      while (i >= 0 && q->str[i] == '9')
        q->str[i--] = '0';
      if (i >= 0)
        q->str[i]++;
      else
        g_string_prepend_c (q, '1');
    }
  *rounded = !exact;
  /* Trim trailing zeros of the fraction, but not below the dividend's scale. */
  {
    int scale = max_scale;
    int keep = MIN (sa, (int) max_scale);

    while (scale > keep && q->str[q->len - 1] == '0')
      {
        g_string_truncate (q, q->len - 1);
        scale--;
      }
    while (q->len > (gsize) scale + 1 && q->str[0] == '0')
      g_string_erase (q, 0, 1);
    if (q->len > SLV_DECIMAL_MAX_DIGITS)
      return FALSE;
    memcpy (num.digits, q->str, q->len);
    num.n_digits = q->len;
    num.n_int = q->len - scale;
    num.negative = negative;
  }
  write_canonical (&num, out);
  return TRUE;
}

/* -- Excel serial dates -- */

gboolean
slv_excel_serial_to_iso (double    serial,
                         gboolean  date1904,
                         gboolean  with_time,
                         char      out[SLV_DATE_BUF])
{
  g_autoptr(GDate) date = NULL;
  double days_f;
  gint64 days, seconds;

  if (!isfinite (serial) || serial < 0 || serial > 2958466.0)
    return FALSE;
  days_f = floor (serial);
  days = (gint64) days_f;
  seconds = (gint64) llround ((serial - days_f) * 86400.0);
  if (seconds >= 86400)
    {
      days++;
      seconds -= 86400;
    }
  if (date1904)
    date = g_date_new_dmy (1, G_DATE_JANUARY, 1904);
  else if (days >= 61)
    date = g_date_new_dmy (30, G_DATE_DECEMBER, 1899);
  else
    {
      date = g_date_new_dmy (31, G_DATE_DECEMBER, 1899);
      if (days == 60)
        days = 59;
    }
  g_date_add_days (date, (guint) days);
  if (!g_date_valid (date) || g_date_get_year (date) > 9999)
    return FALSE;
  if (with_time)
    g_snprintf (out, SLV_DATE_BUF, "%04d-%02d-%02dT%02d:%02d:%02d",
                g_date_get_year (date), g_date_get_month (date), g_date_get_day (date),
                (int) (seconds / 3600), (int) (seconds / 60 % 60), (int) (seconds % 60));
  else
    g_snprintf (out, SLV_DATE_BUF, "%04d-%02d-%02d",
                g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
  return TRUE;
}

void
slv_excel_serial_to_time (double    serial,
                          gboolean  elapsed,
                          char      out[SLV_DATE_BUF])
{
  gint64 seconds;
  gint64 hours;

  if (!isfinite (serial) || fabs (serial) > 1e9)
    serial = 0;
  seconds = (gint64) llround (fabs (serial) * 86400.0);
  hours = seconds / 3600;
  if (!elapsed)
    hours %= 24;
  g_snprintf (out, SLV_DATE_BUF, "%s%" G_GINT64_FORMAT ":%02d:%02d", serial < 0 ? "-" : "",
              hours, (int) (seconds / 60 % 60), (int) (seconds % 60));
}
