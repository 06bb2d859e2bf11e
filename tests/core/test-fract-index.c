/* test-fract-index.c: order keys for z-order.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "core/slv-fract-index.h"

static void
test_basics (void)
{
  static const struct { const char *a, *b, *want; } cases[] = {
    { NULL, NULL, "a0" },
    { "a0", NULL, "a1" },
    { "az", NULL, "b00" },
    { "bzz", NULL, "c000" },
    { NULL, "a0", "Zz" },
    { NULL, "b00", "az" },
    { "a0", "a1", "a0V" },
    { "a0", "a0V", "a0G" },
    { "a0V", "a1", "a0l" },
    { "a1", "a3", "a2" },
    { "Zz", "a0", "ZzV" },
    /* keys written before this module (the demo board's a000, a001, …) */
    { "a000", "a001", "a000V" },
    { "a013", NULL, "a1" },
    /* the smallest integer is kept free: a fraction above it instead */
    { NULL, "A00000000000000000000000001", "A00000000000000000000000000V" },
    { NULL, "A0000000000000000000000000001", "A0000000000000000000000000000V" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *k = slv_fract_index_between (cases[i].a, cases[i].b);

      g_assert_cmpstr (k, ==, cases[i].want);
    }
}

static void
test_no_room (void)
{
  g_autofree char *same = slv_fract_index_between ("a1", "a1");
  g_autofree char *reversed = slv_fract_index_between ("a2", "a1");
  /* equal as numbers, different as text: nothing fits between */
  g_autofree char *equal = slv_fract_index_between ("a1", "a10");
  g_autofree char *junk = slv_fract_index_between ("!!", "~~");

  g_assert_null (same);
  g_assert_null (reversed);
  g_assert_null (equal);
  g_assert_null (junk);
}

static void
test_valid (void)
{
  g_assert_true (slv_fract_index_is_valid ("a0"));
  g_assert_true (slv_fract_index_is_valid ("Zz"));
  g_assert_true (slv_fract_index_is_valid ("b12V"));
  g_assert_false (slv_fract_index_is_valid ("a00"));
  g_assert_false (slv_fract_index_is_valid ("b0"));
  g_assert_false (slv_fract_index_is_valid (""));
  g_assert_false (slv_fract_index_is_valid (NULL));
  g_assert_false (slv_fract_index_is_valid ("a0-"));
  g_assert_false (slv_fract_index_is_valid ("A00000000000000000000000000"));
}

static void
test_appending_stays_short (void)
{
  g_auto(GStrv) keys = slv_fract_index_n_between (NULL, NULL, 5000);

  g_assert_nonnull (keys);
  for (guint i = 0; i < 5000; i++)
    {
      g_assert_true (slv_fract_index_is_valid (keys[i]));
      g_assert_cmpuint (strlen (keys[i]), <=, 4);
      if (i > 0)
        g_assert_cmpint (strcmp (keys[i - 1], keys[i]), <, 0);
    }
}

static void
test_random_inserts (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_free);
  gsize longest = 0;

  for (guint step = 0; step < 4000; step++)
    {
      guint at = g_rand_int_range (rand, 0, list->len + 1);
      const char *a = at > 0 ? list->pdata[at - 1] : NULL;
      const char *b = at < list->len ? list->pdata[at] : NULL;
      char *k = slv_fract_index_between (a, b);

      g_assert_nonnull (k);
      g_assert_true (slv_fract_index_is_valid (k));
      if (a != NULL)
        g_assert_cmpint (strcmp (a, k), <, 0);
      if (b != NULL)
        g_assert_cmpint (strcmp (k, b), <, 0);
      longest = MAX (longest, strlen (k));
      g_ptr_array_insert (list, at, k);
    }
  /* Random inserts grow keys by about a digit per six halvings. */
  g_assert_cmpuint (longest, <, 24);
}

static void
test_worst_case_front (void)
{
  g_autofree char *k = g_strdup ("a1");

  /* Always inserting just above the same key lengthens keys slowly; they
   * stay ordered and valid. */
  for (guint i = 0; i < 1000; i++)
    {
      char *next = slv_fract_index_between ("a0", k);

      g_assert_nonnull (next);
      g_assert_cmpint (strcmp ("a0", next), <, 0);
      g_assert_cmpint (strcmp (next, k), <, 0);
      g_free (k);
      k = next;
    }
}

static void
test_n_between (void)
{
  g_auto(GStrv) keys = slv_fract_index_n_between ("a1", "a2", 100);
  g_auto(GStrv) below = slv_fract_index_n_between (NULL, "a0", 10);
  g_auto(GStrv) none = slv_fract_index_n_between ("a1", "a10", 3);

  g_assert_nonnull (keys);
  g_assert_cmpuint (g_strv_length (keys), ==, 100);
  for (guint i = 0; i < 100; i++)
    {
      g_assert_cmpint (strcmp (i ? keys[i - 1] : "a1", keys[i]), <, 0);
      g_assert_cmpint (strcmp (keys[i], "a2"), <, 0);
      /* halving gives logarithmic length */
      g_assert_cmpuint (strlen (keys[i]), <=, 6);
    }
  g_assert_cmpstr (below[9], ==, "Zz");
  g_assert_cmpint (strcmp (below[0], below[1]), <, 0);
  g_assert_null (none);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/core/fract-index/basics", test_basics);
  g_test_add_func ("/core/fract-index/no-room", test_no_room);
  g_test_add_func ("/core/fract-index/valid", test_valid);
  g_test_add_func ("/core/fract-index/appending-stays-short", test_appending_stays_short);
  g_test_add_func ("/core/fract-index/random-inserts", test_random_inserts);
  g_test_add_func ("/core/fract-index/worst-case-front", test_worst_case_front);
  g_test_add_func ("/core/fract-index/n-between", test_n_between);
  return g_test_run ();
}
