/* slv-price-ending.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-price-ending"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "slv-price-ending.h"

static gboolean
bad_ending (const char  *text,
            GError     **error)
{
  g_autofree char *shown = g_utf8_make_valid (text, MIN (strlen (text), 20));

  g_set_error (error, SLV_DECIMAL_ERROR, SLV_DECIMAL_ERROR_INVALID,
               _("“%s” is not a price ending; write .99, .95, x9.00 or whole."), shown);
  return FALSE;
}

gboolean
slv_price_ending_parse (const char      *text,
                        SlvPriceEnding  *out,
                        GError         **error)
{
  const char *p = text, *dot;
  guint int_digits = 0;
  gboolean all_zero = TRUE;

  g_return_val_if_fail (text != NULL && out != NULL, FALSE);

  if (g_ascii_strcasecmp (text, "whole") == 0 || *text == '\0')
    {
      out->period = slv_decimal_from_int (1);
      out->offset = SLV_DECIMAL_ZERO;
      return TRUE;
    }
  if (*p == 'x' || *p == 'X')
    p++;
  dot = strchr (p, '.');
  for (const char *q = p; *q != '\0' && q != dot; q++)
    {
      if (!g_ascii_isdigit (*q))
        return bad_ending (text, error);
      int_digits++;
      all_zero &= *q == '0';
    }
  if (dot != NULL)
    for (const char *q = dot + 1; *q != '\0'; q++)
      if (!g_ascii_isdigit (*q))
        return bad_ending (text, error);
  if ((dot == NULL && int_digits == 0) || (dot != NULL && dot[1] == '\0') || int_digits > 6 ||
      (dot != NULL && strlen (dot + 1) > 4) ||
      !slv_decimal_parse (p, -1, &out->offset, NULL))
    return bad_ending (text, error);
  if (all_zero)
    int_digits = 0;
  out->period = slv_decimal_from_int (1);
  for (guint i = 0; i < int_digits; i++)
    out->period.raw *= 10;
  return TRUE;
}

gboolean
slv_price_ending_apply (const SlvPriceEnding *ending,
                        SlvDecimal            price,
                        SlvDecimal           *out)
{
  SlvDecimal above, steps, lifted;

  g_return_val_if_fail (ending != NULL && out != NULL, FALSE);

  if (!slv_decimal_sub (price, ending->offset, &above))
    return FALSE;
  if (slv_decimal_sign (above) <= 0)
    {
      *out = ending->offset;
      return TRUE;
    }
  /* ceil (above / period) × period + offset */
  return slv_decimal_div (above, ending->period, SLV_ROUND_CEILING, &steps) &&
         slv_decimal_round (steps, 0, SLV_ROUND_CEILING, &steps) &&
         slv_decimal_mul (steps, ending->period, &lifted) &&
         slv_decimal_add (lifted, ending->offset, out);
}
