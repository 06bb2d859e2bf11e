/* slv-review-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-review"

#include "config.h"

#include "slv-review-error.h"

G_DEFINE_QUARK (slv-review-error-quark, slv_review_error)
