/* test-cursor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "sync/slv-sync.h"

static const guint8 key[] = "0123456789abcdef0123456789abcdef";
static const guint8 other_key[] = "fedcba9876543210fedcba9876543210";

#define B1 "brand:0190f3c2-7a4e-7b1c-9d2e-3f4a5b6c7d8e"
#define B2 "brand:0190f3c2-7a4e-7b1c-9d2e-3f4a5b6c7d8e:costing"

static char *
sample (void)
{
  g_autoptr(SlvSyncCursor) cursor = slv_sync_cursor_new ();

  slv_sync_cursor_set (cursor, B1, 184467);
  slv_sync_cursor_set (cursor, B2, 0);
  return slv_sync_cursor_encode (cursor, key, 32);
}

static void
test_roundtrip (void)
{
  g_autofree char *text = sample ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvSyncCursor) back = slv_sync_cursor_decode (text, key, 32, &error);
  g_auto(GStrv) buckets = NULL;
  gint64 seq = -1;

  g_assert_no_error (error);
  g_assert_cmpuint (slv_sync_cursor_get_size (back), ==, 2);
  g_assert_true (slv_sync_cursor_lookup (back, B1, &seq));
  g_assert_cmpint (seq, ==, 184467);
  g_assert_true (slv_sync_cursor_lookup (back, B2, &seq));
  g_assert_cmpint (seq, ==, 0);
  g_assert_false (slv_sync_cursor_lookup (back, "brand:x", &seq));
  buckets = slv_sync_cursor_dup_buckets (back);
  g_assert_cmpstr (buckets[0], ==, B1);
  g_assert_cmpstr (buckets[1], ==, B2);
  g_assert_null (buckets[2]);

  /* URL-safe: no characters that need escaping in a query string */
  for (const char *p = text; *p; p++)
    g_assert_true (g_ascii_isalnum (*p) || *p == '-' || *p == '_' || *p == '.');

  /* deterministic */
  {
    g_autofree char *again = sample ();

    g_assert_cmpstr (again, ==, text);
  }
}

static void
test_tampered (void)
{
  g_autofree char *text = sample ();
  g_autoptr(GError) error = NULL;
  char *dot = strchr (text, '.');

  /* flip one payload character */
  text[3] = text[3] == 'A' ? 'B' : 'A';
  g_assert_null (slv_sync_cursor_decode (text, key, 32, &error));
  g_assert_error (error, SLV_SYNC_ERROR, SLV_SYNC_ERROR_SIGNATURE);
  g_clear_error (&error);
  text[3] = text[3] == 'A' ? 'B' : 'A';

  /* a forged position with the right structure but no key */
  {
    g_autoptr(SlvSyncCursor) forged = slv_sync_cursor_new ();
    g_autofree char *forged_text = NULL;

    slv_sync_cursor_set (forged, B1, 999999999);
    forged_text = slv_sync_cursor_encode (forged, other_key, 32);
    g_assert_null (slv_sync_cursor_decode (forged_text, key, 32, &error));
    g_assert_error (error, SLV_SYNC_ERROR, SLV_SYNC_ERROR_SIGNATURE);
    g_clear_error (&error);
  }

  /* truncated tag */
  dot[5] = '\0';
  g_assert_null (slv_sync_cursor_decode (text, key, 32, &error));
  g_assert_error (error, SLV_SYNC_ERROR, SLV_SYNC_ERROR_SIGNATURE);
}

static void
test_garbage (void)
{
  const char *bad[] = { "", ".", "abc", "abc.", "a*b.c", "abc.d!e", "....", "eyJ2IjoxfQ.x" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_null (slv_sync_cursor_decode (bad[i], key, 32, &error));
      g_assert_nonnull (error);
      g_assert_true (error->code == SLV_SYNC_ERROR_INVALID || error->code == SLV_SYNC_ERROR_SIGNATURE);
    }
  g_assert_null (slv_sync_cursor_decode (NULL, key, 32, NULL));
}

/* A correctly signed payload that is not a valid cursor is still refused. */
static void
test_signed_nonsense (void)
{
  const char *payloads[] = { "{\"v\":2,\"b\":{}}", "{\"v\":1,\"b\":{\"x\":-1}}", "{\"v\":1,\"b\":{\"x\":\"1\"}}",
                             "[1]", "{\"v\":1,\"b\":{\"\":1}}", "not json" };

  for (guint i = 0; i < G_N_ELEMENTS (payloads); i++)
    {
      g_autofree char *p64 = slv_base64url_encode ((const guint8 *) payloads[i], strlen (payloads[i]));
      g_autofree char *t64 = NULL;
      g_autofree char *text = NULL;
      g_autoptr(GError) error = NULL;
      guint8 tag[32];

      slv_hmac_sha256 (key, 32, (const guint8 *) p64, strlen (p64), tag);
      t64 = slv_base64url_encode (tag, 32);
      text = g_strconcat (p64, ".", t64, NULL);
      g_assert_null (slv_sync_cursor_decode (text, key, 32, &error));
      g_assert_error (error, SLV_SYNC_ERROR, SLV_SYNC_ERROR_INVALID);
    }
}

static void
test_helpers (void)
{
  const guint8 data[] = { 0xfb, 0xff, 0x00, 0x7e };
  g_autofree char *text = slv_base64url_encode (data, sizeof data);
  g_autofree guint8 *back = NULL;
  gsize len = 0;

  g_assert_cmpstr (text, ==, "-_8Afg");
  back = slv_base64url_decode (text, strlen (text), &len);
  g_assert_cmpmem (back, len, data, sizeof data);
  g_assert_null (slv_base64url_decode ("ab+c", 4, &len));
  g_assert_null (slv_base64url_decode ("a", 1, &len));
  g_assert_true (slv_constant_time_equal (data, 4, data, 4));
  g_assert_false (slv_constant_time_equal (data, 4, data, 3));
  g_assert_false (slv_constant_time_equal (data, 4, (const guint8 *) "abcd", 4));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/sync/cursor/roundtrip", test_roundtrip);
  g_test_add_func ("/sync/cursor/tampered", test_tampered);
  g_test_add_func ("/sync/cursor/garbage", test_garbage);
  g_test_add_func ("/sync/cursor/signed-nonsense", test_signed_nonsense);
  g_test_add_func ("/sync/cursor/helpers", test_helpers);
  return g_test_run ();
}
