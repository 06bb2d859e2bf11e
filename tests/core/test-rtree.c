/* test-rtree.c: the spatial index against a brute-force scan.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "core/slv-rtree.h"

#define N_KEYS 3000

static SlvRect
random_rect (GRand *rand)
{
  return slv_rect_make (g_rand_double_range (rand, -5000, 5000), g_rand_double_range (rand, -5000, 5000),
                        g_rand_double_range (rand, 1, 400), g_rand_double_range (rand, 1, 400));
}

static int
cmp_ptr (gconstpointer a,
         gconstpointer b)
{
  gsize x = GPOINTER_TO_SIZE (*(gconstpointer *) a), y = GPOINTER_TO_SIZE (*(gconstpointer *) b);

  return x < y ? -1 : x > y;
}

/* The tree's answer for @q equals a scan of the live rects. */
static void
assert_query (SlvRTree      *tree,
              const SlvRect *rects,
              const gboolean *live,
              const SlvRect *q)
{
  g_autoptr(GPtrArray) got = g_ptr_array_new ();
  g_autoptr(GPtrArray) want = g_ptr_array_new ();

  slv_rtree_query_rect (tree, q, got);
  for (guint i = 0; i < N_KEYS; i++)
    if (live[i] && slv_rect_intersects (&rects[i], q))
      g_ptr_array_add (want, GUINT_TO_POINTER (i + 1));
  g_ptr_array_sort (got, cmp_ptr);
  g_ptr_array_sort (want, cmp_ptr);
  g_assert_cmpuint (got->len, ==, want->len);
  for (guint i = 0; i < got->len; i++)
    g_assert_true (got->pdata[i] == want->pdata[i]);
}

static void
run_random (gboolean bulk)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (bulk ? 11 : 12);
  g_autoptr(SlvRTree) tree = slv_rtree_new ();
  g_autofree SlvRect *rects = g_new (SlvRect, N_KEYS);
  g_autofree gboolean *live = g_new0 (gboolean, N_KEYS);
  g_autofree gpointer *keys = g_new (gpointer, N_KEYS);
  guint n_live = 0;

  for (guint i = 0; i < N_KEYS; i++)
    {
      rects[i] = random_rect (rand);
      keys[i] = GUINT_TO_POINTER (i + 1);
      live[i] = TRUE;
    }
  if (bulk)
    slv_rtree_load (tree, keys, rects, N_KEYS);
  else
    for (guint i = 0; i < N_KEYS; i++)
      slv_rtree_insert (tree, keys[i], &rects[i]);
  n_live = N_KEYS;
  g_assert_cmpuint (slv_rtree_get_size (tree), ==, N_KEYS);
  g_assert_true (slv_rtree_check (tree));
  g_assert_cmpuint (slv_rtree_get_height (tree), <=, 4);

  /* Mixed removes, moves (small and far) and re-inserts. */
  for (guint step = 0; step < 6000; step++)
    {
      guint i = g_rand_int_range (rand, 0, N_KEYS);
      int op = g_rand_int_range (rand, 0, 4);

      if (op == 0 && live[i])
        {
          g_assert_true (slv_rtree_remove (tree, keys[i]));
          live[i] = FALSE;
          n_live--;
        }
      else if (op == 1)
        {
          rects[i].x += g_rand_double_range (rand, -3, 3);
          rects[i].y += g_rand_double_range (rand, -3, 3);
          n_live += !live[i];
          live[i] = TRUE;
          slv_rtree_insert (tree, keys[i], &rects[i]);
        }
      else
        {
          rects[i] = random_rect (rand);
          n_live += !live[i];
          live[i] = TRUE;
          slv_rtree_insert (tree, keys[i], &rects[i]);
        }
      if (step % 500 == 0)
        {
          SlvRect q = random_rect (rand);

          g_assert_true (slv_rtree_check (tree));
          q.w *= 5, q.h *= 5;
          assert_query (tree, rects, live, &q);
        }
    }
  g_assert_cmpuint (slv_rtree_get_size (tree), ==, n_live);
  g_assert_true (slv_rtree_check (tree));
  for (guint q = 0; q < 50; q++)
    {
      SlvRect r = random_rect (rand);

      assert_query (tree, rects, live, &r);
    }
  /* a lookup gives back the rect last stored */
  for (guint i = 0; i < N_KEYS; i++)
    {
      SlvRect r;

      g_assert_cmpint (slv_rtree_lookup (tree, keys[i], &r), ==, live[i]);
      if (live[i])
        g_assert_true (slv_rect_equal (&r, &rects[i], 0));
    }
  /* remove everything: the tree collapses to an empty leaf */
  for (guint i = 0; i < N_KEYS; i++)
    g_assert_cmpint (slv_rtree_remove (tree, keys[i]), ==, live[i]);
  g_assert_cmpuint (slv_rtree_get_size (tree), ==, 0);
  g_assert_cmpuint (slv_rtree_get_height (tree), ==, 1);
  g_assert_true (slv_rtree_check (tree));
}

static void
test_random_inserts (void)
{
  run_random (FALSE);
}

static void
test_bulk_load (void)
{
  run_random (TRUE);
}

static void
test_points_and_extents (void)
{
  g_autoptr(SlvRTree) tree = slv_rtree_new ();
  g_autoptr(GPtrArray) hits = g_ptr_array_new ();
  SlvRect a = { 0, 0, 10, 10 }, b = { 5, 5, 10, 10 }, e;

  g_assert_false (slv_rtree_get_extents (tree, &e));
  slv_rtree_insert (tree, GINT_TO_POINTER (1), &a);
  slv_rtree_insert (tree, GINT_TO_POINTER (2), &b);
  slv_rtree_query_point (tree, 7, 7, hits);
  g_assert_cmpuint (hits->len, ==, 2);
  g_ptr_array_set_size (hits, 0);
  /* edges count */
  slv_rtree_query_point (tree, 15, 15, hits);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_true (slv_rtree_get_extents (tree, &e));
  g_assert_true (slv_rect_equal (&e, &(SlvRect) { 0, 0, 15, 15 }, 0));
  g_assert_false (slv_rtree_remove (tree, GINT_TO_POINTER (3)));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/core/rtree/random-inserts", test_random_inserts);
  g_test_add_func ("/core/rtree/bulk-load", test_bulk_load);
  g_test_add_func ("/core/rtree/points-and-extents", test_points_and_extents);
  return g_test_run ();
}
