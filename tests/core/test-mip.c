/* test-mip.c: choosing mipmap levels and keeping a frame in budget.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "core/slv-mip.h"

static void
test_sizes (void)
{
  int w, h;

  slv_mip_level_size (4000, 3000, SLV_MIP_1024, &w, &h);
  g_assert_cmpint (w, ==, 1024);
  g_assert_cmpint (h, ==, 768);
  slv_mip_level_size (4000, 3000, SLV_MIP_64, &w, &h);
  g_assert_cmpint (w, ==, 64);
  g_assert_cmpint (h, ==, 48);
  /* never enlarged */
  slv_mip_level_size (200, 100, SLV_MIP_1024, &w, &h);
  g_assert_cmpint (w, ==, 200);
  slv_mip_level_size (9000, 100, SLV_MIP_FULL, &w, &h);
  g_assert_cmpint (w, ==, 4096);
  g_assert_cmpint (h, ==, 46);
  g_assert_cmpuint (slv_mip_level_bytes (4000, 3000, SLV_MIP_256), ==, 256 * 192 * 4);
  g_assert_cmpuint (slv_mip_level_bytes (4000, 3000, SLV_MIP_NONE), ==, 0);
}

static void
test_level_for (void)
{
  static const struct { int w, h; double px; SlvMipLevel want; } cases[] = {
    { 4000, 3000, 5, SLV_MIP_NONE },
    { 4000, 3000, 12, SLV_MIP_64 },
    { 4000, 3000, 64, SLV_MIP_64 },
    { 4000, 3000, 65, SLV_MIP_256 },
    { 4000, 3000, 900, SLV_MIP_1024 },
    { 4000, 3000, 1500, SLV_MIP_FULL },
    /* a small picture needs nothing above its own size */
    { 200, 150, 900, SLV_MIP_256 },
    { 50, 50, 900, SLV_MIP_64 },
    { 0, 0, 900, SLV_MIP_NONE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (slv_mip_level_for (cases[i].w, cases[i].h, cases[i].px), ==, cases[i].want);
}

static void
test_plan (void)
{
  SlvMipRequest req[100];
  SlvMipLevel levels[100];
  gsize wanted = 0, planned;

  for (guint i = 0; i < 100; i++)
    req[i] = (SlvMipRequest) { 3000, 3000, 100 + i * 9 };
  for (guint i = 0; i < 100; i++)
    wanted += slv_mip_level_bytes (3000, 3000, slv_mip_level_for (3000, 3000, req[i].screen_px));

  /* within budget: every item gets what it wants */
  planned = slv_mip_plan (req, 100, wanted, levels);
  g_assert_cmpuint (planned, ==, wanted);
  g_assert_cmpint (levels[99], ==, SLV_MIP_1024);

  /* tight: the result fits, and larger items never get less than smaller */
  planned = slv_mip_plan (req, 100, wanted / 3, levels);
  g_assert_cmpuint (planned, <=, wanted / 3);
  for (guint i = 1; i < 100; i++)
    g_assert_cmpint (levels[i - 1], <=, levels[i]);

  /* impossible: everything drops to 64, which is the floor */
  planned = slv_mip_plan (req, 100, 1000, levels);
  for (guint i = 0; i < 100; i++)
    g_assert_cmpint (levels[i], ==, SLV_MIP_64);
  g_assert_cmpuint (planned, ==, 100 * 64 * 64 * 4);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/core/mip/sizes", test_sizes);
  g_test_add_func ("/core/mip/level-for", test_level_for);
  g_test_add_func ("/core/mip/plan", test_plan);
  return g_test_run ();
}
