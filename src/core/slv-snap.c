/* slv-snap.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-snap"

#include "config.h"

#include <math.h>

#include "slv-snap.h"

#define SAME(a, b) (fabs ((a) - (b)) < 1e-6)

/* The three lines of @r on one axis: left/top, centre, right/bottom. */
static void
axis_lines (const SlvRect *r,
            gboolean       vertical,
            double         out[3])
{
  double start = vertical ? r->x : r->y;
  double len = vertical ? r->w : r->h;

  out[0] = start;
  out[1] = start + len / 2;
  out[2] = start + len;
}

/* The best shift on one axis, or G_MAXDOUBLE. */
static double
best_shift (const SlvRect *moving,
            guint          mask,
            const SlvRect *targets,
            guint          n_targets,
            gboolean       vertical,
            double         tolerance)
{
  double m[3], best = G_MAXDOUBLE;

  axis_lines (moving, vertical, m);
  for (guint t = 0; t < n_targets; t++)
    {
      double tl[3];

      axis_lines (&targets[t], vertical, tl);
      for (guint i = 0; i < 3; i++)
        {
          if (!(mask & (1u << i)))
            continue;
          for (guint j = 0; j < 3; j++)
            {
              double d = tl[j] - m[i];

              if (fabs (d) <= tolerance && fabs (d) < fabs (best))
                best = d;
            }
        }
    }
  return best;
}

static void
add_guide (GArray              *guides,
           SlvGuideOrientation  orientation,
           double               position,
           double               start,
           double               end)
{
  for (guint i = 0; i < guides->len; i++)
    {
      SlvGuide *g = &g_array_index (guides, SlvGuide, i);

      if (g->orientation == orientation && SAME (g->position, position))
        {
          g->start = MIN (g->start, start);
          g->end = MAX (g->end, end);
          return;
        }
    }
  g_array_append_val (guides, ((SlvGuide) { orientation, position, start, end }));
}

/* Guides where the (already shifted) @moving meets targets on one axis. */
static void
collect_guides (const SlvRect *moving,
                guint          mask,
                const SlvRect *targets,
                guint          n_targets,
                gboolean       vertical,
                GArray        *guides)
{
  SlvGuideOrientation o = vertical ? SLV_GUIDE_VERTICAL : SLV_GUIDE_HORIZONTAL;
  double m[3];

  axis_lines (moving, vertical, m);
  for (guint t = 0; t < n_targets; t++)
    {
      const SlvRect *r = &targets[t];
      double tl[3];

      axis_lines (r, vertical, tl);
      for (guint i = 0; i < 3; i++)
        for (guint j = 0; j < 3; j++)
          if ((mask & (1u << i)) && SAME (m[i], tl[j]))
            {
              double s = vertical ? MIN (moving->y, r->y) : MIN (moving->x, r->x);
              double e = vertical ? MAX (moving->y + moving->h, r->y + r->h)
                                  : MAX (moving->x + moving->w, r->x + r->w);

              add_guide (guides, o, m[i], s, e);
            }
    }
}

gboolean
slv_snap_rect (const SlvRect *moving,
               SlvSnapLines   lines,
               const SlvRect *targets,
               guint          n_targets,
               double         tolerance,
               SlvPoint      *correction,
               GArray        *guides)
{
  guint xmask = lines & 7, ymask = (lines >> 3) & 7;
  double dx, dy;
  SlvRect moved;

  g_return_val_if_fail (moving != NULL && correction != NULL, FALSE);

  dx = best_shift (moving, xmask, targets, n_targets, TRUE, tolerance);
  dy = best_shift (moving, ymask, targets, n_targets, FALSE, tolerance);
  correction->x = dx == G_MAXDOUBLE ? 0 : dx;
  correction->y = dy == G_MAXDOUBLE ? 0 : dy;

  moved = *moving;
  moved.x += correction->x;
  moved.y += correction->y;
  if (guides != NULL)
    {
      if (dx != G_MAXDOUBLE)
        collect_guides (&moved, xmask, targets, n_targets, TRUE, guides);
      if (dy != G_MAXDOUBLE)
        collect_guides (&moved, ymask, targets, n_targets, FALSE, guides);
    }
  return dx != G_MAXDOUBLE || dy != G_MAXDOUBLE;
}

SlvSnapLines
slv_snap_lines_for_handle (SlvHandle handle)
{
  switch (handle)
    {
    case SLV_HANDLE_N:
      return SLV_SNAP_TOP;
    case SLV_HANDLE_NE:
      return SLV_SNAP_TOP | SLV_SNAP_RIGHT;
    case SLV_HANDLE_E:
      return SLV_SNAP_RIGHT;
    case SLV_HANDLE_SE:
      return SLV_SNAP_BOTTOM | SLV_SNAP_RIGHT;
    case SLV_HANDLE_S:
      return SLV_SNAP_BOTTOM;
    case SLV_HANDLE_SW:
      return SLV_SNAP_BOTTOM | SLV_SNAP_LEFT;
    case SLV_HANDLE_W:
      return SLV_SNAP_LEFT;
    case SLV_HANDLE_NW:
      return SLV_SNAP_TOP | SLV_SNAP_LEFT;
    default:
      return SLV_SNAP_ALL;
    }
}
