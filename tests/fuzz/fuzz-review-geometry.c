/* fuzz-review-geometry.c: annotation geometry JSON from anywhere (sync, old
 * or damaged workspaces) never crashes, and what parses is stable: written
 * out and read again it is the same, and it can be placed on any valid item.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include "core/slv-annotation.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
check_placed (const SlvAnnotationGeometry *g)
{
  SlvItemFrame frame;
  SlvFrameRect bounds;
  g_autoptr(GArray) outline = NULL;
  double x, y;

  slv_item_frame_init (&frame, -120, 40, 300, 200);
  frame.rotation = 33;
  frame.flip_h = TRUE;
  frame.crop_x = 0.1;
  frame.crop_w = 0.7;
  outline = slv_annotation_geometry_outline (g, &frame);
  slv_annotation_geometry_get_bounds (g, &frame, &bounds);
  slv_annotation_geometry_get_anchor (g, &frame, &x, &y);
  if (!isfinite (x) || !isfinite (y) || !isfinite (bounds.w) || bounds.w < 0)
    abort ();
  for (guint i = 0; i < outline->len; i++)
    if (!isfinite (g_array_index (outline, SlvInkPoint, i).x))
      abort ();
  (void) slv_annotation_geometry_hit (g, &frame, x, y, 1);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *json = g_strndup ((const char *) data, size);

  for (int kind = 0; kind < SLV_ANNOTATION_N_KINDS; kind++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SlvAnnotationGeometry) g = slv_annotation_geometry_from_json (kind, json, &error);
      g_autoptr(SlvAnnotationGeometry) again = NULL;
      g_autofree char *out = NULL;
      g_autofree char *out2 = NULL;

      if (g == NULL)
        {
          if (error == NULL || error->message == NULL)
            abort ();
          continue;
        }
      out = slv_annotation_geometry_to_json (g);
      again = slv_annotation_geometry_from_json (kind, out, NULL);
      if (again == NULL)
        abort ();
      out2 = slv_annotation_geometry_to_json (again);
      if (g_strcmp0 (out, out2) != 0)
        abort ();
      check_placed (g);
    }
  return 0;
}
