/* slv-mip.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-mip"

#include "config.h"

#include <math.h>

#include "slv-mip.h"

int
slv_mip_level_side (SlvMipLevel level)
{
  static const int sides[SLV_MIP_N_LEVELS] = { 0, 64, 256, 1024, SLV_MIP_FULL_MAX };

  g_return_val_if_fail (level < SLV_MIP_N_LEVELS, 0);
  return sides[level];
}

void
slv_mip_level_size (int          src_w,
                    int          src_h,
                    SlvMipLevel  level,
                    int         *w,
                    int         *h)
{
  int side = slv_mip_level_side (level);
  int longest = MAX (src_w, src_h);

  if (side == 0 || src_w <= 0 || src_h <= 0)
    {
      *w = *h = 0;
      return;
    }
  if (longest <= side)
    {
      *w = src_w;
      *h = src_h;
      return;
    }
  *w = MAX (1, (int) floor ((double) src_w * side / longest + 0.5));
  *h = MAX (1, (int) floor ((double) src_h * side / longest + 0.5));
}

gsize
slv_mip_level_bytes (int         src_w,
                     int         src_h,
                     SlvMipLevel level)
{
  int w, h;

  slv_mip_level_size (src_w, src_h, level, &w, &h);
  return (gsize) w * h * 4;
}

SlvMipLevel
slv_mip_level_for (int    src_w,
                   int    src_h,
                   double screen_px)
{
  int longest = MAX (src_w, src_h);

  if (!(screen_px >= SLV_MIP_MIN_SCREEN) || longest <= 0)
    return SLV_MIP_NONE;
  for (SlvMipLevel l = SLV_MIP_64; l < SLV_MIP_FULL; l++)
    if (slv_mip_level_side (l) >= screen_px || slv_mip_level_side (l) >= longest)
      return l;
  return SLV_MIP_FULL;
}

typedef struct
{
  guint  index;
  double screen_px;
} Ranked;

static int
cmp_smallest_first (gconstpointer a,
                    gconstpointer b)
{
  const Ranked *x = a, *y = b;

  if (x->screen_px != y->screen_px)
    return x->screen_px < y->screen_px ? -1 : 1;
  return (int) x->index - (int) y->index;
}

gsize
slv_mip_plan (const SlvMipRequest *requests,
              guint                n,
              gsize                budget,
              SlvMipLevel         *levels)
{
  g_autofree Ranked *ranked = g_new (Ranked, MAX (n, 1));
  gsize total = 0;

  for (guint i = 0; i < n; i++)
    {
      levels[i] = slv_mip_level_for (requests[i].src_w, requests[i].src_h, requests[i].screen_px);
      total += slv_mip_level_bytes (requests[i].src_w, requests[i].src_h, levels[i]);
      ranked[i] = (Ranked) { i, requests[i].screen_px };
    }
  qsort (ranked, n, sizeof (Ranked), cmp_smallest_first);

  /* Step the highest level in use down, smallest on screen first, until
   * the frame fits; 64 is the floor (a thumbnail beats a flat colour). */
  for (SlvMipLevel top = SLV_MIP_FULL; total > budget && top > SLV_MIP_64; top--)
    for (guint k = 0; k < n && total > budget; k++)
      {
        guint i = ranked[k].index;

        if (levels[i] != top)
          continue;
        total -= slv_mip_level_bytes (requests[i].src_w, requests[i].src_h, levels[i]);
        levels[i] = top - 1;
        total += slv_mip_level_bytes (requests[i].src_w, requests[i].src_h, levels[i]);
      }
  return total;
}

const char *
slv_mip_level_to_string (SlvMipLevel level)
{
  static const char *names[SLV_MIP_N_LEVELS] = { "none", "64", "256", "1024", "full" };

  g_return_val_if_fail (level < SLV_MIP_N_LEVELS, NULL);
  return names[level];
}
