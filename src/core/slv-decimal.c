/* slv-decimal.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-decimal"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "slv-decimal.h"

__extension__ typedef unsigned __int128 U128;

typedef struct
{
  guint64 w[4];   /* little-endian 64-bit limbs */
} U256;

#define SCALE_U64 G_GUINT64_CONSTANT (1000000000000)
#define RAW_MAX   ((SlvDecimalRaw) (((U128) 1 << 127) - 1))
#define MAG_MAX   ((U128) RAW_MAX)

G_DEFINE_QUARK (slv-decimal-error-quark, slv_decimal_error)

static const guint64 pow10_u64[20] = {
  G_GUINT64_CONSTANT (1), G_GUINT64_CONSTANT (10), G_GUINT64_CONSTANT (100),
  G_GUINT64_CONSTANT (1000), G_GUINT64_CONSTANT (10000), G_GUINT64_CONSTANT (100000),
  G_GUINT64_CONSTANT (1000000), G_GUINT64_CONSTANT (10000000),
  G_GUINT64_CONSTANT (100000000), G_GUINT64_CONSTANT (1000000000),
  G_GUINT64_CONSTANT (10000000000), G_GUINT64_CONSTANT (100000000000),
  G_GUINT64_CONSTANT (1000000000000), G_GUINT64_CONSTANT (10000000000000),
  G_GUINT64_CONSTANT (100000000000000), G_GUINT64_CONSTANT (1000000000000000),
  G_GUINT64_CONSTANT (10000000000000000), G_GUINT64_CONSTANT (100000000000000000),
  G_GUINT64_CONSTANT (1000000000000000000), G_GUINT64_CONSTANT (10000000000000000000),
};

/* -- helpers on magnitudes -- */

/* @n ÷ @d with the remainder; one DIV instruction on x86-64 when the
 * quotient fits in 64 bits (the common case for money), else libgcc. */
static inline U128
div_128_64 (U128     n,
            guint64  d,
            guint64 *rem)
{
#if defined(__x86_64__) && defined(__GNUC__)
  guint64 hi = (guint64) (n >> 64), lo = (guint64) n;

  if (hi < d)
    {
      guint64 q, r;

      __asm__ ("divq %4" : "=a" (q), "=d" (r) : "a" (lo), "d" (hi), "rm" (d));
      *rem = r;
      return q;
    }
#endif
  *rem = (guint64) (n % d);
  return n / d;
}

static U128
magnitude (SlvDecimalRaw v)
{
  return v < 0 ? (U128) 0 - (U128) v : (U128) v;
}

/* Whether a quotient @q with remainder @r of a division by @d steps one unit
 * away from zero under @mode; @negative is the sign of the exact result. */
static gboolean
round_away (SlvRounding mode,
            gboolean    negative,
            U128        q,
            U128        r,
            U128        d)
{
  U128 half_gap;

  if (r == 0)
    return FALSE;
  switch (mode)
    {
    case SLV_ROUND_DOWN:
      return FALSE;
    case SLV_ROUND_UP:
      return TRUE;
    case SLV_ROUND_CEILING:
      return !negative;
    case SLV_ROUND_FLOOR:
      return negative;
    case SLV_ROUND_HALF_UP:
      return r >= d - r;
    case SLV_ROUND_HALF_EVEN:
      half_gap = d - r;
      return r > half_gap || (r == half_gap && (q & 1) != 0);
    default:
      return FALSE;
    }
}

/* Applies the sign and checks the range. */
static gboolean
finish (U128        mag,
        gboolean    negative,
        SlvDecimal *out)
{
  if (mag > MAG_MAX)
    return FALSE;
  out->raw = negative ? -(SlvDecimalRaw) mag : (SlvDecimalRaw) mag;
  return TRUE;
}

static U256
mul_128 (U128 a,
         U128 b)
{
  guint64 a0 = (guint64) a, a1 = (guint64) (a >> 64);
  guint64 b0 = (guint64) b, b1 = (guint64) (b >> 64);
  U128 p00 = (U128) a0 * b0, p01 = (U128) a0 * b1;
  U128 p10 = (U128) a1 * b0, p11 = (U128) a1 * b1;
  U128 mid = (p00 >> 64) + (guint64) p01 + (guint64) p10;
  U256 r;

  r.w[0] = (guint64) p00;
  r.w[1] = (guint64) mid;
  mid = (mid >> 64) + (p01 >> 64) + (p10 >> 64) + (guint64) p11;
  r.w[2] = (guint64) mid;
  r.w[3] = (guint64) ((mid >> 64) + (p11 >> 64));
  return r;
}

/* @n ÷ @d for a 64-bit @d; FALSE if the quotient needs more than 128 bits. */
static gboolean
div_256_64 (U256     n,
            guint64  d,
            U128    *q,
            U128    *r)
{
  guint64 qw[4];
  U128 rem = 0;

  for (int i = 3; i >= 0; i--)
    {
      U128 cur = (rem << 64) | n.w[i];

      qw[i] = (guint64) (cur / d);
      rem = cur % d;
    }
  if (qw[3] != 0 || qw[2] != 0)
    return FALSE;
  *q = ((U128) qw[1] << 64) | qw[0];
  *r = rem;
  return TRUE;
}

/* @n ÷ @d for @d < 2¹²⁷ by shift and subtract; the rare wide path. */
static gboolean
div_256_128 (U256  n,
             U128  d,
             U128 *q,
             U128 *r)
{
  U128 quo = 0, rem = 0;

  for (int bit = 255; bit >= 0; bit--)
    {
      rem = (rem << 1) | ((n.w[bit / 64] >> (bit % 64)) & 1);
      if (rem >= d)
        {
          rem -= d;
          if (bit >= 128)
            return FALSE;
          quo |= (U128) 1 << bit;
        }
    }
  *q = quo;
  *r = rem;
  return TRUE;
}

/* -- construction and parsing -- */

SlvDecimal
slv_decimal_from_int (gint64 value)
{
  return (SlvDecimal) { (SlvDecimalRaw) value * (SlvDecimalRaw) SCALE_U64 };
}

SlvDecimal
slv_decimal_from_parts (gint64 mantissa,
                        guint  places)
{
  g_return_val_if_fail (places <= SLV_DECIMAL_PLACES, SLV_DECIMAL_ZERO);
  return (SlvDecimal) { (SlvDecimalRaw) mantissa * (SlvDecimalRaw) pow10_u64[SLV_DECIMAL_PLACES - places] };
}

static gboolean
is_blank (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static gboolean
invalid (GError     **error,
         const char  *text,
         gsize        length)
{
  g_autofree char *shown = g_utf8_make_valid (text, MIN (length, 40));

  g_set_error (error, SLV_DECIMAL_ERROR, SLV_DECIMAL_ERROR_INVALID,
               _("“%s” is not a number."), shown);
  return FALSE;
}

gboolean
slv_decimal_parse (const char  *text,
                   gssize       length,
                   SlvDecimal  *out,
                   GError     **error)
{
  const char *p, *end;
  gboolean negative = FALSE, seen_digit = FALSE;
  U128 mag = 0, tail = 0;
  guint places = 0, tail_len = 0;

  g_return_val_if_fail (text != NULL && out != NULL, FALSE);

  p = text;
  end = text + (length < 0 ? strlen (text) : (gsize) length);
  while (p < end && is_blank (*p))
    p++;
  while (end > p && is_blank (end[-1]))
    end--;
  if (p < end && (*p == '-' || *p == '+'))
    negative = *p++ == '-';

  for (; p < end && g_ascii_isdigit (*p); p++)
    {
      guint digit = *p - '0';

      seen_digit = TRUE;
      if (mag > (MAG_MAX / SCALE_U64 - digit) / 10)
        {
          g_set_error (error, SLV_DECIMAL_ERROR, SLV_DECIMAL_ERROR_OVERFLOW,
                       _("“%.*s” is too large a number."), (int) MIN (end - text, 40), text);
          return FALSE;
        }
      mag = mag * 10 + digit;
    }
  mag *= SCALE_U64;
  if (p < end && *p == '.')
    {
      for (p++; p < end && g_ascii_isdigit (*p); p++)
        {
          seen_digit = TRUE;
          if (places < SLV_DECIMAL_PLACES)
            mag += (U128) (*p - '0') * pow10_u64[SLV_DECIMAL_PLACES - 1 - places++];
          else if (tail_len < 19)
            tail = tail * 10 + (*p - '0'), tail_len++;
          else if (*p != '0')
            tail |= 1;   /* sticky: keeps a tie from looking exact */
        }
    }
  if (p != end || !seen_digit)
    return invalid (error, text, end - text);

  /* Digits past the twelfth place: round half-even on the first 19. */
  if (tail_len > 0 && round_away (SLV_ROUND_HALF_EVEN, negative, mag, tail, pow10_u64[tail_len]))
    mag++;
  if (!finish (mag, negative, out))
    {
      g_set_error (error, SLV_DECIMAL_ERROR, SLV_DECIMAL_ERROR_OVERFLOW,
                   _("“%.*s” is too large a number."), (int) MIN (end - text, 40), text);
      return FALSE;
    }
  return TRUE;
}

gboolean
slv_decimal_parse_or (const char  *text,
                      SlvDecimal   fallback,
                      SlvDecimal  *out,
                      GError     **error)
{
  if (text == NULL || *text == '\0')
    {
      *out = fallback;
      return TRUE;
    }
  return slv_decimal_parse (text, -1, out, error);
}

/* -- printing -- */

/* Writes the digits of @v (no sign) right-aligned ending at @end; returns
 * the first character. */
static char *
put_digits (U128  v,
            char *end)
{
  char *p = end;
  guint64 top;

  *p = '\0';
  while (v >= pow10_u64[18])
    {
      guint64 chunk = (guint64) (v % pow10_u64[18]);

      v /= pow10_u64[18];
      for (int i = 0; i < 18; i++, chunk /= 10)
        *--p = '0' + chunk % 10;
    }
  top = (guint64) v;
  do
    *--p = '0' + top % 10;
  while ((top /= 10) != 0);
  return p;
}

static char *
format_places (SlvDecimalRaw raw,
               guint         places,
               char          buf[SLV_DECIMAL_BUF_SIZE])
{
  U128 mag = magnitude (raw);
  U128 int_part = mag / SCALE_U64;
  guint64 frac = (guint64) (mag % SCALE_U64);
  char digits[SLV_DECIMAL_BUF_SIZE];
  char *ip = put_digits (int_part, digits + sizeof digits - 1);
  char *o = buf;

  if (raw < 0)
    *o++ = '-';
  o = g_stpcpy (o, ip);
  if (places > 0)
    {
      *o++ = '.';
      for (guint i = 0; i < places; i++)
        *o++ = '0' + (frac / pow10_u64[SLV_DECIMAL_PLACES - 1 - i]) % 10;
    }
  *o = '\0';
  return buf;
}

char *
slv_decimal_to_buf (SlvDecimal value,
                    char       buf[SLV_DECIMAL_BUF_SIZE])
{
  guint64 frac = (guint64) (magnitude (value.raw) % SCALE_U64);
  guint places = SLV_DECIMAL_PLACES;

  if (frac == 0)
    places = 0;
  else
    while (frac % 10 == 0)
      frac /= 10, places--;
  return format_places (value.raw, places, buf);
}

char *
slv_decimal_to_string (SlvDecimal value)
{
  char buf[SLV_DECIMAL_BUF_SIZE];

  return g_strdup (slv_decimal_to_buf (value, buf));
}

char *
slv_decimal_format_buf (SlvDecimal  value,
                        guint       places,
                        SlvRounding mode,
                        char        buf[SLV_DECIMAL_BUF_SIZE])
{
  SlvDecimal r;

  places = MIN (places, SLV_DECIMAL_PLACES);
  if (!slv_decimal_round (value, places, mode, &r))
    r = value;   /* only at the very edge of the range: print unrounded */
  return format_places (r.raw, places, buf);
}

char *
slv_decimal_format (SlvDecimal  value,
                    guint       places,
                    SlvRounding mode)
{
  char buf[SLV_DECIMAL_BUF_SIZE];

  return g_strdup (slv_decimal_format_buf (value, places, mode, buf));
}

/* -- arithmetic -- */

gboolean
slv_decimal_add (SlvDecimal  a,
                 SlvDecimal  b,
                 SlvDecimal *out)
{
  SlvDecimalRaw r;

  if (__builtin_add_overflow (a.raw, b.raw, &r) || r < -RAW_MAX)
    return FALSE;
  out->raw = r;
  return TRUE;
}

gboolean
slv_decimal_sub (SlvDecimal  a,
                 SlvDecimal  b,
                 SlvDecimal *out)
{
  SlvDecimalRaw r;

  if (__builtin_sub_overflow (a.raw, b.raw, &r) || r < -RAW_MAX)
    return FALSE;
  out->raw = r;
  return TRUE;
}

/* a × b ÷ @divisor (a power of ten from 10¹²), rounded with @mode. */
static gboolean
mul_scaled (SlvDecimal   a,
            SlvDecimal   b,
            guint64      divisor,
            SlvRounding  mode,
            SlvDecimal  *out)
{
  gboolean negative = (a.raw < 0) != (b.raw < 0);
  U128 ma = magnitude (a.raw), mb = magnitude (b.raw);
  U128 q, r;

  if ((ma >> 64) == 0 && (mb >> 64) == 0)
    {
      guint64 rem;

      q = div_128_64 (ma * mb, divisor, &rem);
      r = rem;
    }
  else if (!div_256_64 (mul_128 (ma, mb), divisor, &q, &r))
    return FALSE;
  if (round_away (mode, negative, q, r, divisor))
    q++;
  return finish (q, negative && q != 0, out);
}

gboolean
slv_decimal_mul_round (SlvDecimal   a,
                       SlvDecimal   b,
                       SlvRounding  mode,
                       SlvDecimal  *out)
{
  return mul_scaled (a, b, SCALE_U64, mode, out);
}

gboolean
slv_decimal_mul (SlvDecimal  a,
                 SlvDecimal  b,
                 SlvDecimal *out)
{
  return slv_decimal_mul_round (a, b, SLV_ROUND_HALF_EVEN, out);
}

gboolean
slv_decimal_div (SlvDecimal   a,
                 SlvDecimal   b,
                 SlvRounding  mode,
                 SlvDecimal  *out)
{
  gboolean negative = (a.raw < 0) != (b.raw < 0);
  U128 ma = magnitude (a.raw), mb = magnitude (b.raw);
  U128 q, r;

  if (mb == 0)
    return FALSE;
  if (ma <= ~(U128) 0 / SCALE_U64 && (mb >> 64) == 0)
    {
      guint64 rem;

      q = div_128_64 (ma * SCALE_U64, (guint64) mb, &rem);
      r = rem;
    }
  else if (ma <= ~(U128) 0 / SCALE_U64)
    {
      U128 n = ma * SCALE_U64;

      q = n / mb;
      r = n % mb;
    }
  else if (!div_256_128 (mul_128 (ma, SCALE_U64), mb, &q, &r))
    return FALSE;
  if (round_away (mode, negative, q, r, mb))
    q++;
  return finish (q, negative && q != 0, out);
}

gboolean
slv_decimal_round (SlvDecimal   value,
                   guint        places,
                   SlvRounding  mode,
                   SlvDecimal  *out)
{
  gboolean negative = value.raw < 0;
  U128 unit, q, r;

  g_return_val_if_fail (places <= SLV_DECIMAL_PLACES, FALSE);

  unit = pow10_u64[SLV_DECIMAL_PLACES - places];
  q = magnitude (value.raw) / unit;
  r = magnitude (value.raw) % unit;
  if (round_away (mode, negative, q, r, unit))
    q++;
  if (q > MAG_MAX / unit)
    return FALSE;
  return finish (q * unit, negative && q != 0, out);
}

gboolean
slv_decimal_round_to (SlvDecimal   value,
                      SlvDecimal   step,
                      SlvRounding  mode,
                      SlvDecimal  *out)
{
  gboolean negative = value.raw < 0;
  U128 unit = magnitude (step.raw), q, r;

  if (step.raw <= 0)
    return FALSE;
  q = magnitude (value.raw) / unit;
  r = magnitude (value.raw) % unit;
  if (round_away (mode, negative, q, r, unit))
    q++;
  if (q != 0 && q > MAG_MAX / unit)
    return FALSE;
  return finish (q * unit, negative && q != 0, out);
}

gboolean
slv_decimal_percent_of (SlvDecimal  a,
                        SlvDecimal  pct,
                        SlvDecimal *out)
{
  /* a × pct ÷ 100, rounded once */
  return mul_scaled (a, pct, SCALE_U64 * 100, SLV_ROUND_HALF_EVEN, out);
}

gboolean
slv_decimal_add_percent (SlvDecimal  a,
                         SlvDecimal  pct,
                         SlvDecimal *out)
{
  SlvDecimal share;

  return slv_decimal_percent_of (a, pct, &share) && slv_decimal_add (a, share, out);
}

/* -- comparison and conversion -- */

int
slv_decimal_cmp (SlvDecimal a,
                 SlvDecimal b)
{
  return a.raw < b.raw ? -1 : a.raw > b.raw;
}

gboolean
slv_decimal_equal (SlvDecimal a,
                   SlvDecimal b)
{
  return a.raw == b.raw;
}

gboolean
slv_decimal_is_zero (SlvDecimal value)
{
  return value.raw == 0;
}

int
slv_decimal_sign (SlvDecimal value)
{
  return value.raw < 0 ? -1 : value.raw > 0;
}

SlvDecimal
slv_decimal_neg (SlvDecimal value)
{
  return (SlvDecimal) { -value.raw };
}

SlvDecimal
slv_decimal_abs (SlvDecimal value)
{
  return (SlvDecimal) { value.raw < 0 ? -value.raw : value.raw };
}

SlvDecimal
slv_decimal_min (SlvDecimal a,
                 SlvDecimal b)
{
  return a.raw <= b.raw ? a : b;
}

SlvDecimal
slv_decimal_max (SlvDecimal a,
                 SlvDecimal b)
{
  return a.raw >= b.raw ? a : b;
}

gboolean
slv_decimal_is_integer (SlvDecimal value)
{
  return value.raw % (SlvDecimalRaw) SCALE_U64 == 0;
}

gboolean
slv_decimal_to_int (SlvDecimal  value,
                    gint64     *out)
{
  SlvDecimalRaw i = value.raw / (SlvDecimalRaw) SCALE_U64;

  if (i > G_MAXINT64 || i < G_MININT64)
    return FALSE;
  *out = (gint64) i;
  return TRUE;
}

double
slv_decimal_to_double (SlvDecimal value)
{
  SlvDecimalRaw i = value.raw / (SlvDecimalRaw) SCALE_U64;
  SlvDecimalRaw f = value.raw % (SlvDecimalRaw) SCALE_U64;

  return (double) i + (double) f / (double) SCALE_U64;
}
