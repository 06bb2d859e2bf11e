/* slv-costing-input-private.h: JSON fields of a costing, parsed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "slv-costing-input.h"

G_BEGIN_DECLS

/* Each parser fills @out from scratch (NULL or "" give the defaults) and
 * leaves it cleared on failure. */
gboolean slv_costing_params_parse      (const char        *json,
                                        SlvCostingParams  *out,
                                        GError           **error);
void     slv_costing_params_clear      (SlvCostingParams  *params);
void     slv_costing_params_copy       (SlvCostingParams  *dst,
                                        const SlvCostingParams *src);

gboolean slv_bom_calc_parse            (const char        *json,
                                        SlvBomCalc        *out,
                                        GError           **error);
void     slv_bom_calc_clear            (SlvBomCalc        *calc);
void     slv_bom_calc_copy             (SlvBomCalc        *dst,
                                        const SlvBomCalc  *src);

/* Fills the params part of @line (the fields after params_json). */
gboolean slv_process_params_parse      (const char        *json,
                                        SlvProcessInput   *line,
                                        GError           **error);
void     slv_process_params_clear      (SlvProcessInput   *line);
void     slv_process_params_copy       (SlvProcessInput   *dst,
                                        const SlvProcessInput *src);

void     slv_rate_ref_clear            (SlvRateRef        *ref);
void     slv_rate_ref_copy             (SlvRateRef        *dst,
                                        const SlvRateRef  *src);

G_END_DECLS
