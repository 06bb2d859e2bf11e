/* test-colour.c: sRGB ↔ CIELAB, ΔE, names and formatting.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "core/slv-colour.h"

static void
assert_lab (guint32 rgb,
            double  L,
            double  a,
            double  b)
{
  SlvLab lab;

  slv_rgb_to_lab (rgb, &lab);
  g_assert_cmpfloat_with_epsilon (lab.L, L, 0.01);
  g_assert_cmpfloat_with_epsilon (lab.a, a, 0.01);
  g_assert_cmpfloat_with_epsilon (lab.b, b, 0.01);
}

static void
test_to_lab (void)
{
  /* Reference values for sRGB under D65 */
  assert_lab (0xffffff, 100, 0, 0);
  assert_lab (0x000000, 0, 0, 0);
  assert_lab (0xff0000, 53.24, 80.09, 67.20);
  assert_lab (0x00ff00, 87.73, -86.18, 83.18);
  assert_lab (0x0000ff, 32.30, 79.19, -107.86);
  assert_lab (0x808080, 53.59, 0, 0);
}

static void
test_round_trip (void)
{
  /* Every grey and a lattice of colours survive sRGB → Lab → sRGB. */
  for (guint r = 0; r < 256; r += 5)
    for (guint g = 0; g < 256; g += 5)
      for (guint b = 0; b < 256; b += 5)
        {
          guint32 rgb = SLV_RGB (r, g, b), back;
          SlvLab lab;

          slv_rgb_to_lab (rgb, &lab);
          g_assert_true (slv_lab_to_rgb (&lab, &back));
          g_assert_cmphex (back, ==, rgb);
        }
}

static void
test_out_of_gamut (void)
{
  SlvLab lab = { 50, 120, -120 };
  guint32 rgb;

  g_assert_false (slv_lab_to_rgb (&lab, &rgb));
}

static void
test_delta_e2000 (void)
{
  /* Pairs from Sharma, Wu and Dalal (2005), table 1 */
  static const double pairs[][7] = {
    { 50.0000, 2.6772, -79.7751, 50.0000, 0.0000, -82.7485, 2.0425 },
    { 50.0000, 3.1571, -77.2803, 50.0000, 0.0000, -82.7485, 2.8615 },
    { 50.0000, 2.8361, -74.0200, 50.0000, 0.0000, -82.7485, 3.4412 },
    { 50.0000, -1.3802, -84.2814, 50.0000, 0.0000, -82.7485, 1.0000 },
    { 50.0000, 0.0000, 0.0000, 50.0000, -1.0000, 2.0000, 2.3669 },
    /* hue differences across ±180°: 7.1792 and 7.2195 on either side */
    { 50.0000, 2.4900, -0.0010, 50.0000, -2.4900, 0.0009, 7.1792 },
    { 50.0000, 2.4900, -0.0010, 50.0000, -2.4900, 0.0012, 7.2195 },
    { 50.0000, -0.0010, 2.4900, 50.0000, 0.0009, -2.4900, 4.8045 },
    { 50.0000, 2.5000, 0.0000, 50.0000, 0.0000, -2.5000, 4.3065 },
    { 50.0000, 2.5000, 0.0000, 73.0000, 25.0000, -18.0000, 27.1492 },
    { 60.2574, -34.0099, 36.2677, 60.4626, -34.1751, 39.4387, 1.2644 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      SlvLab x = { pairs[i][0], pairs[i][1], pairs[i][2] };
      SlvLab y = { pairs[i][3], pairs[i][4], pairs[i][5] };

      g_assert_cmpfloat_with_epsilon (slv_delta_e2000 (&x, &y), pairs[i][6], 1e-4);
      /* symmetric */
      g_assert_cmpfloat_with_epsilon (slv_delta_e2000 (&y, &x), pairs[i][6], 1e-4);
    }
  {
    SlvLab x = { 50, 10, 10 }, y = { 53, 14, 10 };

    g_assert_cmpfloat_with_epsilon (slv_delta_e76 (&x, &y), 5, 1e-12);
    g_assert_cmpfloat (slv_delta_e2000 (&x, &x), ==, 0);
  }
}

static void
test_format_parse (void)
{
  g_autofree char *hex = slv_colour_format_hex (0x1b2a49);
  g_autofree char *rgb = slv_colour_format_rgb (0x1b2a49);
  g_autofree char *lab = NULL;
  SlvLab l = { 17.44, -0.04, -22.05 };
  guint32 v = 0;

  g_assert_cmpstr (hex, ==, "#1b2a49");
  g_assert_cmpstr (rgb, ==, "27, 42, 73");
  lab = slv_colour_format_lab (&l);
  g_assert_cmpstr (lab, ==, "L 17.4  a 0.0  b −22.1");

  g_assert_true (slv_colour_parse_hex ("#1B2A49", &v));
  g_assert_cmphex (v, ==, 0x1b2a49);
  g_assert_true (slv_colour_parse_hex (" abc ", &v));
  g_assert_cmphex (v, ==, 0xaabbcc);
  g_assert_false (slv_colour_parse_hex ("#12345", &v));
  g_assert_false (slv_colour_parse_hex ("#12345g", &v));
  g_assert_false (slv_colour_parse_hex (NULL, &v));
}

static void
test_names (void)
{
  guint n = 0;
  const SlvNamedColour *names = slv_colour_get_names (&n);
  double de = -1;

  /* Every entry names itself, and no two entries are the same colour. */
  g_assert_cmpuint (n, >=, 80);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpstr (slv_colour_nearest_name (names[i].rgb, &de), ==, names[i].name);
      g_assert_cmpfloat (de, ==, 0);
      for (guint j = i + 1; j < n; j++)
        {
          SlvLab a, b;

          slv_rgb_to_lab (names[i].rgb, &a);
          slv_rgb_to_lab (names[j].rgb, &b);
          g_assert_cmpfloat (slv_delta_e2000 (&a, &b), >, 2);
        }
    }
  g_assert_cmpstr (slv_colour_nearest_name (0x1c2b4a, &de), ==, "Navy");
  g_assert_cmpfloat (de, <, 1);
  g_assert_cmpstr (slv_colour_nearest_name (0xfe0000, NULL), ==, "Scarlet");
  g_assert_cmpstr (slv_colour_nearest_name (0x000000, NULL), ==, "Black");
  g_assert_cmpstr (slv_colour_nearest_name (0xffffff, NULL), ==, "White");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/core/colour/to-lab", test_to_lab);
  g_test_add_func ("/core/colour/round-trip", test_round_trip);
  g_test_add_func ("/core/colour/out-of-gamut", test_out_of_gamut);
  g_test_add_func ("/core/colour/delta-e2000", test_delta_e2000);
  g_test_add_func ("/core/colour/format-parse", test_format_parse);
  g_test_add_func ("/core/colour/names", test_names);
  return g_test_run ();
}
