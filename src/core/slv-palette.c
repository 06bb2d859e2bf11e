/* slv-palette.c: weighted k-means over a colour histogram.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pixels are first counted into a 15-bit RGB histogram (each bin keeps the
 * mean of its pixels), so the clustering runs over at most 32,768 weighted
 * points whatever the image size.
 */
#define G_LOG_DOMAIN "slv-palette"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "slv-palette.h"

#define QBITS        5
#define N_BINS       (1 << (3 * QBITS))
#define MAX_SAMPLES  (512 * 512)
#define MAX_ROUNDS   60
#define MERGE_DE     6.0     /* CIEDE2000: colours this close read as one */
#define SEED         0x5e1ed6eu

G_DEFINE_QUARK (slv-palette-error-quark, slv_palette_error)

typedef struct
{
  SlvLab lab;
  double w;
} Point;

typedef struct
{
  guint32 count;
  guint64 r, g, b;
} Bin;

static double
dist2 (const SlvLab *x,
       const SlvLab *y)
{
  double dl = x->L - y->L, da = x->a - y->a, db = x->b - y->b;

  return dl * dl + da * da + db * db;
}

static void
count_pixel (Bin          *bins,
             const guint8 *p)
{
  guint idx = ((p[0] >> (8 - QBITS)) << (2 * QBITS)) | ((p[1] >> (8 - QBITS)) << QBITS) |
              (p[2] >> (8 - QBITS));

  bins[idx].count++;
  bins[idx].r += p[0];
  bins[idx].g += p[1];
  bins[idx].b += p[2];
}

/* The histogram's non-empty bins as weighted Lab points. */
static GArray *
histogram_points (const guint8 *pixels,
                  int           width,
                  int           height,
                  int           stride,
                  int           n_channels)
{
  g_autofree Bin *bins = g_new0 (Bin, N_BINS);
  GArray *points = g_array_new (FALSE, FALSE, sizeof (Point));
  double area = (double) width * height;
  int step = area > MAX_SAMPLES ? (int) ceil (sqrt (area / MAX_SAMPLES)) : 1;

  for (int y = 0; y < height; y += step)
    for (int x = 0; x < width; x += step)
      {
        const guint8 *p = pixels + (gsize) y * stride + (gsize) x * n_channels;

        if (n_channels == 4 && p[3] < 128)
          continue;
        count_pixel (bins, p);
      }
  for (guint i = 0; i < N_BINS; i++)
    if (bins[i].count > 0)
      {
        Bin *b = &bins[i];
        Point pt;

        slv_rgb_to_lab (SLV_RGB ((b->r + b->count / 2) / b->count, (b->g + b->count / 2) / b->count,
                                 (b->b + b->count / 2) / b->count), &pt.lab);
        pt.w = b->count;
        g_array_append_val (points, pt);
      }
  return points;
}

/* k-means++: the heaviest point, then points drawn with probability
 * proportional to weight × squared distance to the nearest centre. */
static guint
seed_centres (const Point *pts,
              guint        n,
              guint        k,
              SlvLab      *centres)
{
  g_autofree double *d = g_new (double, n);
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  guint heaviest = 0, made = 1;

  for (guint i = 1; i < n; i++)
    if (pts[i].w > pts[heaviest].w)
      heaviest = i;
  centres[0] = pts[heaviest].lab;
  for (guint i = 0; i < n; i++)
    d[i] = dist2 (&pts[i].lab, &centres[0]);

  while (made < k)
    {
      double total = 0, r, acc = 0;
      guint pick = n - 1;

      for (guint i = 0; i < n; i++)
        total += pts[i].w * d[i];
      if (total <= 0)
        break;
      r = g_rand_double (rand) * total;
      for (guint i = 0; i < n; i++)
        {
          acc += pts[i].w * d[i];
          if (acc > r)
            {
              pick = i;
              break;
            }
        }
      centres[made] = pts[pick].lab;
      for (guint i = 0; i < n; i++)
        d[i] = MIN (d[i], dist2 (&pts[i].lab, &centres[made]));
      made++;
    }
  return made;
}

static guint
nearest (const SlvLab *lab,
         const SlvLab *centres,
         guint         k)
{
  guint best = 0;
  double bd = dist2 (lab, &centres[0]);

  for (guint j = 1; j < k; j++)
    {
      double dj = dist2 (lab, &centres[j]);

      if (dj < bd)
        {
          bd = dj;
          best = j;
        }
    }
  return best;
}

/* Lloyd's rounds until no point changes cluster; fills @weights. */
static void
lloyd (const Point *pts,
       guint        n,
       SlvLab      *centres,
       double      *weights,
       guint        k)
{
  g_autofree guint *assign = g_new (guint, n);
  g_autofree SlvLab *sum = g_new (SlvLab, k);

  for (guint i = 0; i < n; i++)
    assign[i] = G_MAXUINT;
  for (guint round = 0; round < MAX_ROUNDS; round++)
    {
      gboolean moved = FALSE;

      memset (sum, 0, sizeof (SlvLab) * k);
      memset (weights, 0, sizeof (double) * k);
      for (guint i = 0; i < n; i++)
        {
          guint c = nearest (&pts[i].lab, centres, k);

          moved |= c != assign[i];
          assign[i] = c;
          sum[c].L += pts[i].w * pts[i].lab.L;
          sum[c].a += pts[i].w * pts[i].lab.a;
          sum[c].b += pts[i].w * pts[i].lab.b;
          weights[c] += pts[i].w;
        }
      for (guint j = 0; j < k; j++)
        if (weights[j] > 0)
          centres[j] = (SlvLab) { sum[j].L / weights[j], sum[j].a / weights[j], sum[j].b / weights[j] };
      if (!moved)
        break;
    }
}

/* Merges the closest pair of clusters while they look alike. */
static guint
merge_close (SlvLab *centres,
             double *weights,
             guint   k,
             guint   min_colours)
{
  while (k > min_colours)
    {
      double best = G_MAXDOUBLE;
      guint bi = 0, bj = 0;
      double w;

      for (guint i = 0; i < k; i++)
        for (guint j = i + 1; j < k; j++)
          {
            double d = slv_delta_e2000 (&centres[i], &centres[j]);

            if (d < best)
              best = d, bi = i, bj = j;
          }
      if (best >= MERGE_DE)
        break;
      w = weights[bi] + weights[bj];
      centres[bi].L = (centres[bi].L * weights[bi] + centres[bj].L * weights[bj]) / w;
      centres[bi].a = (centres[bi].a * weights[bi] + centres[bj].a * weights[bj]) / w;
      centres[bi].b = (centres[bi].b * weights[bi] + centres[bj].b * weights[bj]) / w;
      weights[bi] = w;
      k--;
      centres[bj] = centres[k];
      weights[bj] = weights[k];
    }
  return k;
}

static int
cmp_weight (gconstpointer a,
            gconstpointer b)
{
  const SlvPaletteColour *x = a, *y = b;

  if (x->weight != y->weight)
    return x->weight > y->weight ? -1 : 1;
  return x->lab.L > y->lab.L ? -1 : x->lab.L < y->lab.L ? 1 : 0;
}

static gboolean
check_buffer (gsize    n_bytes,
              int      width,
              int      height,
              int      stride,
              int      n_channels,
              GError **error)
{
  if (width <= 0 || height <= 0 || (n_channels != 3 && n_channels != 4) ||
      stride < width * n_channels ||
      (guint64) stride * (height - 1) + (guint64) width * n_channels > n_bytes)
    {
      g_set_error (error, SLV_PALETTE_ERROR, SLV_PALETTE_ERROR_INVALID,
                   _("The image data does not match its size (%d × %d)."), width, height);
      return FALSE;
    }
  return TRUE;
}

GArray *
slv_palette_extract (const guint8  *pixels,
                     gsize          n_bytes,
                     int            width,
                     int            height,
                     int            stride,
                     int            n_channels,
                     guint          min_colours,
                     guint          max_colours,
                     GError       **error)
{
  g_autoptr(GArray) points = NULL;
  g_autoptr(GArray) out = NULL;
  SlvLab centres[32];
  double weights[32], total = 0;
  guint k;

  g_return_val_if_fail (pixels != NULL, NULL);
  g_return_val_if_fail (min_colours >= 1 && min_colours <= max_colours && max_colours <= 32, NULL);

  if (!check_buffer (n_bytes, width, height, stride, n_channels, error))
    return NULL;
  points = histogram_points (pixels, width, height, stride, n_channels);
  if (points->len == 0)
    {
      g_set_error (error, SLV_PALETTE_ERROR, SLV_PALETTE_ERROR_EMPTY,
                   _("The image is fully transparent: it has no colours to pick."));
      return NULL;
    }

  k = seed_centres ((Point *) points->data, points->len, MIN (max_colours, points->len), centres);
  lloyd ((Point *) points->data, points->len, centres, weights, k);
  /* Drop clusters that ended empty. */
  for (guint j = 0; j < k;)
    if (weights[j] <= 0)
      {
        k--;
        centres[j] = centres[k];
        weights[j] = weights[k];
      }
    else
      j++;
  k = merge_close (centres, weights, k, min_colours);

  out = g_array_sized_new (FALSE, FALSE, sizeof (SlvPaletteColour), k);
  for (guint j = 0; j < k; j++)
    total += weights[j];
  for (guint j = 0; j < k; j++)
    {
      SlvPaletteColour c;

      c.lab = centres[j];
      slv_lab_to_rgb (&c.lab, &c.rgb);
      c.weight = weights[j] / total;
      g_array_append_val (out, c);
    }
  g_array_sort (out, cmp_weight);
  return g_steal_pointer (&out);
}

static int
cmp_hue (gconstpointer a,
         gconstpointer b)
{
  const SlvPaletteColour *x = a, *y = b;
  gboolean gx = slv_lab_chroma (&x->lab) < 8, gy = slv_lab_chroma (&y->lab) < 8;
  double kx, ky;

  if (gx != gy)
    return gx ? -1 : 1;
  kx = gx ? x->lab.L : slv_lab_hue (&x->lab);
  ky = gy ? y->lab.L : slv_lab_hue (&y->lab);
  return kx < ky ? -1 : kx > ky ? 1 : 0;
}

void
slv_palette_sort_by_hue (GArray *colours)
{
  g_return_if_fail (colours != NULL);
  g_array_sort (colours, cmp_hue);
}
