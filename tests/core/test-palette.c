/* test-palette.c: k-means palettes on synthetic pixel buffers (the corpus
 * images are decoded in tests/services/test-board-images.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "core/slv-palette.h"

static guint8 *
make_image (int            width,
            int            height,
            int            stride,
            int            channels,
            const guint32 *colours,
            const double  *shares,
            guint          n,
            int            noise,
            GRand         *rand)
{
  guint8 *px = g_malloc0 ((gsize) stride * height);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        double t = (double) (y * width + x) / (width * height), acc = 0;
        guint8 *p = px + (gsize) y * stride + (gsize) x * channels;
        guint c = 0;

        for (c = 0; c < n - 1; c++)
          if (t < (acc += shares[c]))
            break;
        for (int k = 0; k < 3; k++)
          {
            int v = (colours[c] >> (16 - 8 * k)) & 0xff;

            if (noise > 0)
              v += g_rand_int_range (rand, -noise, noise + 1);
            p[k] = CLAMP (v, 0, 255);
          }
        if (channels == 4)
          p[3] = 255;
      }
  return px;
}

static void
test_flat_colours (void)
{
  static const guint32 colours[] = { 0x1b2a49, 0xd8cbb3, 0xb8433a };
  static const double shares[] = { 0.6, 0.3, 0.1 };
  g_autofree guint8 *px = make_image (100, 100, 300, 3, colours, shares, 3, 0, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) pal = slv_palette_extract (px, 300 * 100, 100, 100, 300, 3, 5, 8, &error);

  g_assert_no_error (error);
  /* only three colours exist, so only three come back, heaviest first */
  g_assert_cmpuint (pal->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      SlvPaletteColour *c = &g_array_index (pal, SlvPaletteColour, i);

      g_assert_cmphex (c->rgb, ==, colours[i]);
      g_assert_cmpfloat_with_epsilon (c->weight, shares[i], 1e-9);
    }
}

static void
test_noisy_colours (void)
{
  static const guint32 colours[] = { 0x1b2a49, 0xf3efe4, 0xb8433a, 0x8a9a8c, 0xd2a32a, 0x3a9a4a };
  static const double shares[] = { 0.3, 0.25, 0.15, 0.12, 0.1, 0.08 };
  g_autoptr(GRand) rand = g_rand_new_with_seed (9);
  /* RGBA with padded rows */
  g_autofree guint8 *px = make_image (160, 120, 160 * 4 + 12, 4, colours, shares, 6, 6, rand);
  gsize n_bytes = (gsize) (160 * 4 + 12) * 120;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) pal = slv_palette_extract (px, n_bytes, 160, 120, 160 * 4 + 12, 4, 5, 8, &error);
  g_autoptr(GArray) again = slv_palette_extract (px, n_bytes, 160, 120, 160 * 4 + 12, 4, 5, 8, &error);
  double total = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (pal->len, >=, 5);
  g_assert_cmpuint (pal->len, <=, 8);
  /* every source colour is found within a small ΔE */
  for (guint i = 0; i < G_N_ELEMENTS (colours); i++)
    {
      SlvLab want;
      double best = G_MAXDOUBLE;

      slv_rgb_to_lab (colours[i], &want);
      for (guint j = 0; j < pal->len; j++)
        best = MIN (best, slv_delta_e2000 (&want, &g_array_index (pal, SlvPaletteColour, j).lab));
      g_assert_cmpfloat (best, <, 3);
    }
  for (guint j = 0; j < pal->len; j++)
    {
      total += g_array_index (pal, SlvPaletteColour, j).weight;
      if (j > 0)
        g_assert_cmpfloat (g_array_index (pal, SlvPaletteColour, j - 1).weight, >=,
                           g_array_index (pal, SlvPaletteColour, j).weight);
    }
  g_assert_cmpfloat_with_epsilon (total, 1, 1e-9);

  /* the same pixels give the same palette */
  g_assert_cmpuint (again->len, ==, pal->len);
  for (guint j = 0; j < pal->len; j++)
    g_assert_cmphex (g_array_index (again, SlvPaletteColour, j).rgb, ==,
                     g_array_index (pal, SlvPaletteColour, j).rgb);
}

static void
test_transparency (void)
{
  guint8 px[4 * 4 * 4];
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) pal = NULL;

  /* fully transparent: a clear error */
  memset (px, 0, sizeof px);
  pal = slv_palette_extract (px, sizeof px, 4, 4, 16, 4, 5, 8, &error);
  g_assert_null (pal);
  g_assert_error (error, SLV_PALETTE_ERROR, SLV_PALETTE_ERROR_EMPTY);
  g_clear_error (&error);

  /* one opaque red pixel among transparent white ones */
  for (guint i = 0; i < 16; i++)
    {
      px[i * 4] = px[i * 4 + 1] = px[i * 4 + 2] = 255;
      px[i * 4 + 3] = 10;
    }
  px[0 + 1] = px[0 + 2] = 0;
  px[3] = 255;
  pal = slv_palette_extract (px, sizeof px, 4, 4, 16, 4, 5, 8, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pal->len, ==, 1);
  g_assert_cmphex (g_array_index (pal, SlvPaletteColour, 0).rgb, ==, 0xff0000);
}

static void
test_bad_buffers (void)
{
  guint8 px[30] = { 0 };
  g_autoptr(GError) error = NULL;
  GArray *pal;

  pal = slv_palette_extract (px, sizeof px, 4, 4, 12, 3, 5, 8, &error);
  g_assert_null (pal);
  g_assert_error (error, SLV_PALETTE_ERROR, SLV_PALETTE_ERROR_INVALID);
  g_clear_error (&error);
  pal = slv_palette_extract (px, sizeof px, 2, 2, 5, 3, 5, 8, &error);
  g_assert_null (pal);
  g_assert_error (error, SLV_PALETTE_ERROR, SLV_PALETTE_ERROR_INVALID);
  g_clear_error (&error);
  pal = slv_palette_extract (px, sizeof px, 0, 2, 6, 3, 5, 8, &error);
  g_assert_null (pal);
  g_assert_error (error, SLV_PALETTE_ERROR, SLV_PALETTE_ERROR_INVALID);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/core/palette/flat-colours", test_flat_colours);
  g_test_add_func ("/core/palette/noisy-colours", test_noisy_colours);
  g_test_add_func ("/core/palette/transparency", test_transparency);
  g_test_add_func ("/core/palette/bad-buffers", test_bad_buffers);
  return g_test_run ();
}
