/* fuzz-rul.c: libFuzzer target for the ASTM/AAMA grade-rule reader.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads the input as a .RUL file; when it reads, every rule's delta for
 * every size must be finite, and grading a point must agree with it.
 */
#include "config.h"

#include <math.h>

#include "formats/slv-rul.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvGradeRules) rules = slv_rul_read_bytes (bytes, "fuzz.rul", &error);
  GPtrArray *sizes;

  if (rules == NULL)
    {
      g_assert (error != NULL && g_utf8_validate (error->message, -1, NULL));
      return 0;
    }
  sizes = slv_grade_rules_get_sizes (rules);
  g_assert (sizes->len > 0);
  for (int rule = 0; rule <= 16; rule++)
    for (guint i = 0; i < sizes->len; i++)
      {
        SlvPoint d, moved, base = { 100, -50 };

        if (!slv_grade_rules_get_delta (rules, rule, g_ptr_array_index (sizes, i), &d))
          continue;
        g_assert (isfinite (d.x) && isfinite (d.y));
        g_assert (slv_grade_rules_grade_point (rules, rule, g_ptr_array_index (sizes, i), base, &moved));
        g_assert (isfinite (moved.x) && isfinite (moved.y));
      }
  g_assert (!slv_grade_rules_get_delta (rules, 1, "no such size \x7f", &(SlvPoint) { 0 }));
  return 0;
}
