/* slv-price-ending.h: psychological price points.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A price ending is written ".99", ".95", "x9.00" (or "9.00"), "x99.00" or
 * "whole". It names every price of the form offset + n × period, n ≥ 0:
 * ".99" is 0.99, 1.99, 2.99…; "x9.00" is 9.00, 19.00, 29.00…; "whole" is
 * 0, 1, 2…. Applying an ending rounds a price UP to the nearest such
 * point (a price already on one stays), so a margin is never given away.
 */
#pragma once

#include "slv-decimal.h"

G_BEGIN_DECLS

typedef struct
{
  SlvDecimal period;   /* 1, 10, 100… */
  SlvDecimal offset;   /* 0 ≤ offset < period */
} SlvPriceEnding;

gboolean slv_price_ending_parse (const char            *text,
                                 SlvPriceEnding        *out,
                                 GError               **error);
/* The smallest price point ≥ @price; FALSE on overflow. */
gboolean slv_price_ending_apply (const SlvPriceEnding  *ending,
                                 SlvDecimal             price,
                                 SlvDecimal            *out) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
