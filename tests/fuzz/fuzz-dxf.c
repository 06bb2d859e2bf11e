/* fuzz-dxf.c: libFuzzer target for the DXF pattern reader.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Any input must give a pattern set or an error, never a crash, a leak or
 * undefined behaviour; the derived measures are computed too, since they
 * run over whatever geometry the reader let through.
 */
#include "config.h"

#include <glib.h>

#include "core/slv-warning.h"
#include "formats/slv-dxf.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvPatternSet) set = slv_dxf_read_bytes (bytes, "fuzz.dxf", &error);
  g_autoptr(GPtrArray) warnings = NULL;
  GPtrArray *pieces;
  double sum = 0;

  if (set == NULL)
    {
      g_assert (error != NULL && g_utf8_validate (error->message, -1, NULL));
      return 0;
    }
  pieces = slv_pattern_set_get_pieces (set);
  for (guint i = 0; i < pieces->len; i++)
    {
      SlvPatternPiece *p = g_ptr_array_index (pieces, i);
      SlvBBox b = slv_pattern_piece_get_bbox (p);

      sum += slv_pattern_piece_get_area (p) + slv_pattern_piece_get_cut_area (p) +
             slv_pattern_piece_get_perimeter (p) + slv_pattern_piece_get_grain_angle (p) +
             b.x1 - b.x0 + slv_pattern_piece_get_quantity (p);
    }
  warnings = slv_pattern_set_dup_all_warnings (set);
  for (guint i = 0; i < warnings->len; i++)
    g_assert (g_utf8_validate (((SlvWarning *) g_ptr_array_index (warnings, i))->message, -1, NULL));
  (void) sum;
  return 0;
}
