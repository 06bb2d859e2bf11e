/* slv-text-decode.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-text-decode"

#include "config.h"

#include <string.h>

#include "slv-text-decode.h"

/* Length of the UTF-8 sequence that starts with @b, or 0 if @b cannot start one. */
static int
sequence_length (guint8 b)
{
  if (b < 0x80)
    return 1;
  if (b >= 0xc2 && b <= 0xdf)
    return 2;
  if (b >= 0xe0 && b <= 0xef)
    return 3;
  if (b >= 0xf0 && b <= 0xf4)
    return 4;
  return 0;
}

/* TRUE if the @n bytes at @p could begin a valid sequence (checked byte by byte). */
static gboolean
could_start (const guint8 *p,
             gsize         n)
{
  int want = sequence_length (p[0]);

  if (want == 0 || (gsize) want <= n)
    return FALSE;
  for (gsize i = 1; i < n; i++)
    if ((p[i] & 0xc0) != 0x80)
      return FALSE;
  if (n >= 2)
    {
      if (p[0] == 0xe0 && p[1] < 0xa0)
        return FALSE;
      if (p[0] == 0xed && p[1] > 0x9f)
        return FALSE;
      if (p[0] == 0xf0 && p[1] < 0x90)
        return FALSE;
      if (p[0] == 0xf4 && p[1] > 0x8f)
        return FALSE;
    }
  return TRUE;
}

gsize
slv_utf8_valid_prefix (const guint8 *in,
                       gsize         len,
                       gboolean      last,
                       gboolean     *invalid)
{
  gsize pos = 0;

  *invalid = FALSE;
  while (pos < len)
    {
      const char *end = NULL;
      gsize rest = len - pos;

      /* Plain ASCII runs are the common case: skip them quickly. */
      while (pos < len && in[pos] < 0x80 && in[pos] != 0)
        pos++;
      if (pos == len)
        break;
      if (in[pos] == 0)
        {
          pos++;
          continue;
        }
      rest = len - pos;
      if (g_utf8_validate_len ((const char *) in + pos, rest, &end))
        return len;
      pos = (const guint8 *) end - in;
      if (pos < len && in[pos] == 0)
        {
          pos++;
          continue;
        }
      if (!last && len - pos < 4 && could_start (in + pos, len - pos))
        return pos;
      *invalid = TRUE;
      return pos;
    }
  return pos;
}

static void
append_utf8 (GByteArray *out,
             gunichar    c)
{
  guint8 buf[6];
  int n = g_unichar_to_utf8 (c, (char *) buf);

  g_byte_array_append (out, buf, n);
}

gsize
slv_utf16_to_utf8 (const guint8 *in,
                   gsize         len,
                   gboolean      big_endian,
                   gboolean      last,
                   GByteArray   *out,
                   gboolean     *invalid)
{
  gsize pos = 0;

  *invalid = FALSE;
  while (pos + 2 <= len)
    {
      guint16 u = big_endian ? (in[pos] << 8 | in[pos + 1]) : (in[pos + 1] << 8 | in[pos]);

      if (u < 0x80)
        {
          guint8 b = (guint8) u;

          g_byte_array_append (out, &b, 1);
          pos += 2;
        }
      else if (u >= 0xd800 && u <= 0xdbff)
        {
          guint16 v;

          if (pos + 4 > len)
            {
              if (!last)
                return pos;
              *invalid = TRUE;
              return pos;
            }
          v = big_endian ? (in[pos + 2] << 8 | in[pos + 3]) : (in[pos + 3] << 8 | in[pos + 2]);
          if (v < 0xdc00 || v > 0xdfff)
            {
              *invalid = TRUE;
              return pos;
            }
          append_utf8 (out, 0x10000 + (((gunichar) u - 0xd800) << 10) + (v - 0xdc00));
          pos += 4;
        }
      else if (u >= 0xdc00 && u <= 0xdfff)
        {
          *invalid = TRUE;
          return pos;
        }
      else
        {
          append_utf8 (out, u);
          pos += 2;
        }
    }
  if (last && pos < len)
    *invalid = TRUE;
  return pos;
}

/* Windows-1252 0x80–0x9F; 0 marks the five bytes it leaves undefined. */
static const guint16 cp1252_high[32] = {
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
  0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
  0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
};

gsize
slv_cp1252_to_utf8 (const guint8 *in,
                    gsize         len,
                    GByteArray   *out,
                    gboolean     *invalid)
{
  gsize pos = 0;

  *invalid = FALSE;
  while (pos < len)
    {
      gsize run = pos;

      while (run < len && in[run] < 0x80)
        run++;
      if (run > pos)
        g_byte_array_append (out, in + pos, run - pos);
      pos = run;
      if (pos == len)
        break;
      if (in[pos] < 0xa0)
        {
          guint16 c = cp1252_high[in[pos] - 0x80];

          if (c == 0)
            {
              *invalid = TRUE;
              return pos;
            }
          append_utf8 (out, c);
        }
      else
        append_utf8 (out, in[pos]);
      pos++;
    }
  return pos;
}
