/* slv-consumption.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-consumption"

#include "config.h"

#include <math.h>

#include "slv-consumption.h"

#define METRES_PER_YARD 0.9144

static gboolean
positive (double v)
{
  return isfinite (v) && v > 0;
}

gboolean
slv_consumption_compute (double          net_m2,
                         double          efficiency,
                         double          width_m,
                         double          gsm,
                         SlvConsumption *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  if (!positive (net_m2) || !positive (efficiency) || efficiency > 1 || !positive (width_m) ||
      !isfinite (gsm) || gsm < 0)
    return FALSE;
  out->net_m2 = net_m2;
  out->efficiency = efficiency;
  out->gross_m2 = net_m2 / efficiency;
  out->width_m = width_m;
  out->metres = out->gross_m2 / width_m;
  out->yards = out->metres / METRES_PER_YARD;
  out->gsm = gsm;
  out->kg = out->gross_m2 * gsm / 1000;
  return TRUE;
}

double
slv_consumption_in_unit (const SlvConsumption *c,
                         const char           *unit)
{
  g_return_val_if_fail (c != NULL, -1);

  if (unit == NULL)
    return -1;
  if (g_ascii_strcasecmp (unit, "KG") == 0)
    return c->gsm > 0 ? c->kg : -1;
  if (g_ascii_strcasecmp (unit, "G") == 0)
    return c->gsm > 0 ? c->kg * 1000 : -1;
  if (g_ascii_strcasecmp (unit, "M") == 0 || g_ascii_strcasecmp (unit, "MTR") == 0)
    return c->metres;
  if (g_ascii_strcasecmp (unit, "YD") == 0 || g_ascii_strcasecmp (unit, "YRD") == 0)
    return c->yards;
  if (g_ascii_strcasecmp (unit, "M2") == 0 || g_ascii_strcasecmp (unit, "M²") == 0)
    return c->gross_m2;
  return -1;
}

char *
slv_consumption_explain (const SlvConsumption *c)
{
  GString *s = g_string_new (NULL);

  g_return_val_if_fail (c != NULL, g_string_free (s, FALSE));

  g_string_append_printf (s, "%.4f m² ÷ %.3f = %.4f m²; ÷ %.3f m = %.4f m (%.4f yd)",
                          c->net_m2, c->efficiency, c->gross_m2, c->width_m, c->metres, c->yards);
  if (c->gsm > 0)
    g_string_append_printf (s, "; × %.0f g/m² = %.4f kg", c->gsm, c->kg);
  return g_string_free (s, FALSE);
}
