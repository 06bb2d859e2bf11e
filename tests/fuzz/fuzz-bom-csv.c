/* fuzz-bom-csv.c: libFuzzer target for the BOM CSV reader (column
 * mapping, number normalising) on top of the shared CSV reader.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first byte picks a column mapping (none, guessed only, or one that
 * names columns the seeds use); the rest is the file. Every line read must
 * have a code or a name, and numbers that are decimal strings with a point.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "core/slv-warning.h"
#include "formats/slv-bom-csv.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static void
check_number (const char *text)
{
  char *end = NULL;
  double v;

  if (text == NULL)
    return;
  v = g_ascii_strtod (text, &end);
  g_assert (end != text && *end == '\0' && isfinite (v) && v >= 0);
  g_assert (strchr (text, ',') == NULL);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SlvBomMapping) mapping = NULL;
  g_autoptr(GPtrArray) warnings = slv_warnings_new ();
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GError) error = NULL;

  if (size < 1)
    return 0;
  mapping = slv_bom_mapping_new ();
  if (data[0] & 1)
    slv_bom_mapping_set (mapping, SLV_BOM_FIELD_CODE, "Article");
  if (data[0] & 2)
    slv_bom_mapping_set (mapping, SLV_BOM_FIELD_CONSUMPTION, "Qty");
  bytes = g_bytes_new (data + 1, size - 1);
  lines = slv_bom_csv_read (bytes, "fuzz.csv", mapping, warnings, &error);
  g_assert ((lines == NULL) == (error != NULL));
  if (lines == NULL)
    {
      g_assert (error->domain == SLV_BOM_ERROR && g_utf8_validate (error->message, -1, NULL));
      return 0;
    }
  for (guint i = 0; i < lines->len; i++)
    {
      SlvBomLine *l = g_ptr_array_index (lines, i);

      g_assert (l->values[SLV_BOM_FIELD_CODE] != NULL || l->values[SLV_BOM_FIELD_NAME] != NULL);
      for (int f = 0; f < SLV_BOM_N_FIELDS; f++)
        g_assert (l->values[f] == NULL || g_utf8_validate (l->values[f], -1, NULL));
      check_number (l->values[SLV_BOM_FIELD_CONSUMPTION]);
      check_number (l->values[SLV_BOM_FIELD_WASTAGE]);
    }
  {
    /* The mapping the read settled on survives its JSON. */
    g_autofree char *json = slv_bom_mapping_to_json (mapping);
    g_autoptr(SlvBomMapping) back = slv_bom_mapping_new_from_json (json, NULL);

    g_assert (back != NULL);
    for (int f = 0; f < SLV_BOM_N_FIELDS; f++)
      g_assert (g_strcmp0 (back->headers[f], mapping->headers[f]) == 0);
  }
  return 0;
}
