/* slv-import-writer-keys.c: the import writer's natural keys — the key of a
 * row, a Bloom filter of the keys that may exist (a miss skips the lookup)
 * — and the comparison of a stored value with an imported one (decimals by
 * value: 1.50 is 1.5).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-import-writer"

#include "config.h"

#include <string.h>

#include "slv-import-writer-private.h"

#define BLOOM_HASHES 7

static void
key_hashes (const GString *key,
            guint64       *h1,
            guint64       *h2)
{
  guint64 h = G_GUINT64_CONSTANT (0xcbf29ce484222325);

  for (gsize i = 0; i < key->len; i++)
    h = (h ^ (guint8) key->str[i]) * G_GUINT64_CONSTANT (0x100000001b3);
  *h1 = h;
  h ^= h >> 33;
  h *= G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
  h ^= h >> 33;
  *h2 = h | 1;
}

void
import_writer_bloom_add (SlvImportWriter *self)
{
  guint64 h1, h2;

  key_hashes (self->key, &h1, &h2);
  for (int k = 0; k < BLOOM_HASHES; k++)
    {
      guint64 bit = (h1 + k * h2) & self->bloom_mask;

      self->bloom[bit >> 6] |= G_GUINT64_CONSTANT (1) << (bit & 63);
    }
}

gboolean
import_writer_bloom_may_contain (SlvImportWriter *self)
{
  guint64 h1, h2;

  key_hashes (self->key, &h1, &h2);
  for (int k = 0; k < BLOOM_HASHES; k++)
    {
      guint64 bit = (h1 + k * h2) & self->bloom_mask;

      if (!(self->bloom[bit >> 6] & (G_GUINT64_CONSTANT (1) << (bit & 63))))
        return FALSE;
    }
  return TRUE;
}

void
import_writer_build_key (SlvImportWriter    *self,
           const char * const *values)
{
  g_string_truncate (self->key, 0);
  for (guint i = 0; i < self->table->n_keys; i++)
    {
      if (i > 0)
        g_string_append_c (self->key, '\x1f');
      if (values[i] != NULL)
        g_string_append (self->key, values[i]);
      else
        g_string_append_c (self->key, '\x1e');
    }
}

/* Splits a decimal into sign, integer digits (no leading zeros) and
 * fraction digits (no trailing zeros); FALSE if it is not a plain decimal. */
static gboolean
decimal_parts (const char  *s,
               gboolean    *negative,
               const char **int_part,
               gsize       *int_len,
               const char **frac,
               gsize       *frac_len)
{
  const char *p;

  *negative = *s == '-';
  if (*s == '-' || *s == '+')
    s++;
  while (*s == '0')
    s++;
  *int_part = s;
  for (p = s; g_ascii_isdigit (*p); p++)
    ;
  *int_len = p - s;
  *frac = "";
  *frac_len = 0;
  if (*p == '.')
    {
      *frac = ++p;
      for (; g_ascii_isdigit (*p); p++)
        ;
      *frac_len = p - *frac;
      while (*frac_len > 0 && (*frac)[*frac_len - 1] == '0')
        (*frac_len)--;
    }
  if (*int_len == 0 && *frac_len == 0)
    *negative = FALSE;
  return *p == '\0';
}

static gboolean
decimal_equal (const char *a,
               const char *b)
{
  gboolean na, nb;
  const char *ia, *ib, *fa, *fb;
  gsize la, lb, lfa, lfb;

  if (!decimal_parts (a, &na, &ia, &la, &fa, &lfa) || !decimal_parts (b, &nb, &ib, &lb, &fb, &lfb))
    return strcmp (a, b) == 0;
  return na == nb && la == lb && lfa == lfb &&
         memcmp (ia, ib, la) == 0 && memcmp (fa, fb, lfa) == 0;
}

gboolean
import_writer_same_value (SlvImportWriter *self,
            guint            column,
            const char      *current,
            const char      *value)
{
  if (current == NULL || value == NULL)
    return current == value;
  if (self->table->kinds != NULL && self->table->kinds[column] == SLV_IMPORT_COLUMN_DECIMAL)
    return decimal_equal (current, value);
  return strcmp (current, value) == 0;
}
