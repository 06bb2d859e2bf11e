/* test-uuid.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "core/slv-uuid.h"

static void
test_v7_format (void)
{
  g_autofree char *id = slv_uuid_v7_new_for_time (G_GINT64_CONSTANT (1741944413589));

  g_assert_true (slv_uuid_is_valid (id));
  g_assert_cmpint (id[14], ==, '7');
  g_assert_true (id[19] == '8' || id[19] == '9' || id[19] == 'a' || id[19] == 'b');
  g_assert_cmpint (slv_uuid_v7_get_time (id), ==, G_GINT64_CONSTANT (1741944413589));
  g_assert_true (g_str_has_prefix (id, "019593fa-5d95-7"));
}

static void
test_v7_monotonic (void)
{
  g_autofree char *prev = slv_uuid_v7_new ();

  /* Many ids in the same millisecond still sort in creation order. */
  for (int i = 0; i < 20000; i++)
    {
      g_autofree char *next = slv_uuid_v7_new ();

      g_assert_cmpstr (prev, <, next);
      g_free (prev);
      prev = g_steal_pointer (&next);
    }
}

static void
test_v5_deterministic (void)
{
  g_autofree char *a = slv_uuid_v5_new ("blob:abc");
  g_autofree char *b = slv_uuid_v5_new ("blob:abc");
  g_autofree char *c = slv_uuid_v5_new ("blob:abd");

  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (a, !=, c);
  g_assert_true (slv_uuid_is_valid (a));
  g_assert_cmpint (a[14], ==, '5');
  g_assert_cmpint (slv_uuid_v7_get_time (a), ==, -1);
}

static void
test_invalid (void)
{
  const char *bad[] = { "", "0190f3c2-7a4e-7b1c-9d2e-3f4a5b6c7d8", "0190F3C2-7A4E-7B1C-9D2E-3F4A5B6C7D8E",
                        "0190f3c2x7a4e-7b1c-9d2e-3f4a5b6c7d8e", "zz90f3c2-7a4e-7b1c-9d2e-3f4a5b6c7d8e" };

  g_assert_false (slv_uuid_is_valid (NULL));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_false (slv_uuid_is_valid (bad[i]));
  g_assert_true (slv_uuid_is_valid ("0190f3c2-7a4e-7b1c-9d2e-3f4a5b6c7d8e"));
}

static void
test_timestamp (void)
{
  g_autofree char *ts = slv_timestamp_from_unix_ms (G_GINT64_CONSTANT (1741944413589));
  g_autofree char *now = slv_timestamp_now ();

  g_assert_cmpstr (ts, ==, "2025-03-14T09:26:53.589Z");
  g_assert_cmpuint (strlen (now), ==, 24);
  g_assert_true (g_str_has_suffix (now, "Z"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/core/uuid/v7-format", test_v7_format);
  g_test_add_func ("/core/uuid/v7-monotonic", test_v7_monotonic);
  g_test_add_func ("/core/uuid/v5-deterministic", test_v5_deterministic);
  g_test_add_func ("/core/uuid/invalid", test_invalid);
  g_test_add_func ("/core/uuid/timestamp", test_timestamp);
  return g_test_run ();
}
