/* slv-memory.h: how the app asks the C library for memory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void slv_memory_tune_for_pictures (void);

G_END_DECLS
