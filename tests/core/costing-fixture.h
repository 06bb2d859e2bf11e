/* costing-fixture.h: DOMAIN.md §1's worked examples as engine inputs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/slv-costing.h"

G_BEGIN_DECLS

/* A cost master with the rates, materials, destinations, duty, FX and
 * rules of examples A and B (their [assumption] figures included). */
SlvCostMaster   *fixture_master      (void);
SlvCostingInput *fixture_example_a   (void);   /* knit tee BD → EU */
SlvCostingInput *fixture_example_b   (void);   /* pique polo BD → US */
SlvDecimal       fixture_dec         (const char *text);
/* The figure @key of @sheet printed with @places, half-up. */
char            *fixture_value       (SlvCostSheet *sheet,
                                      const char   *key,
                                      guint         places);
#define assert_figure(sheet, key, places, text) G_STMT_START { \
  g_autofree char *v_ = fixture_value ((sheet), (key), (places)); \
  g_assert_cmpstr (v_, ==, (text)); \
} G_STMT_END

G_END_DECLS
