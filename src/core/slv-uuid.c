/* slv-uuid.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-uuid"

#include "config.h"

#include <string.h>

#include "slv-uuid.h"

/* Namespace for name-based ids: UUIDv5 of "org.selvedge.Selvedge" in the URL namespace. */
static const guint8 selvedge_namespace[16] = {
  0x4e, 0x1b, 0x7c, 0x52, 0x3a, 0x0d, 0x5f, 0x61,
  0x9c, 0x2e, 0x6b, 0x11, 0x80, 0x4d, 0xa7, 0x33,
};

static char *
format_uuid (const guint8 b[16])
{
  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                          b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7],
                          b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
}

/* Keeps ids made within one millisecond in creation order: the 12-bit rand_a
 * field carries a counter seeded randomly each new millisecond (RFC 9562 §6.2,
 * method 1). */
static G_LOCK_DEFINE (v7_lock);
static gint64 v7_last_ms = -1;
static guint v7_counter;

char *
slv_uuid_v7_new_for_time (gint64 unix_ms)
{
  guint8 b[16];
  guint counter;

  G_LOCK (v7_lock);
  if (unix_ms <= v7_last_ms)
    {
      unix_ms = v7_last_ms;
      v7_counter++;
      if (v7_counter > 0xfff)
        {
          unix_ms = ++v7_last_ms;
          v7_counter = g_random_int_range (0, 0x400);
        }
    }
  else
    {
      v7_last_ms = unix_ms;
      v7_counter = g_random_int_range (0, 0x400);
    }
  counter = v7_counter;
  G_UNLOCK (v7_lock);

  for (int i = 0; i < 6; i++)
    b[i] = (guint8) (unix_ms >> (8 * (5 - i)));
  b[6] = 0x70 | ((counter >> 8) & 0x0f);
  b[7] = counter & 0xff;
  for (int i = 8; i < 16; i += 4)
    {
      guint32 r = g_random_int ();
      memcpy (b + i, &r, 4);
    }
  b[8] = 0x80 | (b[8] & 0x3f);

  return format_uuid (b);
}

char *
slv_uuid_v7_new (void)
{
  return slv_uuid_v7_new_for_time (g_get_real_time () / 1000);
}

char *
slv_uuid_v5_new (const char *name)
{
  g_autoptr(GChecksum) sha1 = g_checksum_new (G_CHECKSUM_SHA1);
  guint8 digest[20];
  gsize len = sizeof digest;

  g_return_val_if_fail (name != NULL, NULL);

  g_checksum_update (sha1, selvedge_namespace, sizeof selvedge_namespace);
  g_checksum_update (sha1, (const guchar *) name, strlen (name));
  g_checksum_get_digest (sha1, digest, &len);
  digest[6] = 0x50 | (digest[6] & 0x0f);
  digest[8] = 0x80 | (digest[8] & 0x3f);

  return format_uuid (digest);
}

gboolean
slv_uuid_is_valid (const char *text)
{
  if (text == NULL || strlen (text) != 36)
    return FALSE;
  for (int i = 0; i < 36; i++)
    {
      if (i == 8 || i == 13 || i == 18 || i == 23)
        {
          if (text[i] != '-')
            return FALSE;
        }
      else if (!g_ascii_isxdigit (text[i]) || g_ascii_isupper (text[i]))
        return FALSE;
    }
  return TRUE;
}

gint64
slv_uuid_v7_get_time (const char *text)
{
  gint64 ms = 0;
  int digits = 0;

  if (!slv_uuid_is_valid (text) || text[14] != '7')
    return -1;
  for (int i = 0; digits < 12; i++)
    {
      if (text[i] == '-')
        continue;
      ms = (ms << 4) | g_ascii_xdigit_value (text[i]);
      digits++;
    }
  return ms;
}

char *
slv_timestamp_from_unix_ms (gint64 unix_ms)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (unix_ms / 1000);
  g_autofree char *base = NULL;

  if (dt == NULL)
    return g_strdup ("1970-01-01T00:00:00.000Z");
  base = g_date_time_format (dt, "%Y-%m-%dT%H:%M:%S");
  return g_strdup_printf ("%s.%03dZ", base, (int) (unix_ms % 1000));
}

char *
slv_timestamp_now (void)
{
  return slv_timestamp_from_unix_ms (g_get_real_time () / 1000);
}
