/* slv-fract-index.h: order keys for z-order and list positions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A fractional index is a text key that sorts by plain byte comparison (what
 * SQLite's ORDER BY does), and between any two keys another can be made, so
 * moving one item in a stack rewrites one row and two devices that insert at
 * once do not renumber each other. A key is an integer part — a head letter
 * giving its length (a–z: 1–26 digits, A–Z: negative numbers) and base-62
 * digits 0-9A-Za-z — then optional fraction digits. Appending gives short
 * keys (a0, a1, … az, b00, …); inserting between two neighbours adds
 * fraction digits.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A key strictly between @before and @after (either may be NULL for an open
 * end), or NULL when none exists: @before is not below @after, or a key is
 * not in the format and leaves no room (the caller renumbers). */
char     *slv_fract_index_between    (const char *before,
                                      const char *after) G_GNUC_WARN_UNUSED_RESULT;
/* @n ascending keys strictly between @before and @after, as short as it can
 * make them; NULL when there is no room. */
GStrv     slv_fract_index_n_between  (const char *before,
                                      const char *after,
                                      guint       n) G_GNUC_WARN_UNUSED_RESULT;
/* TRUE for a key this module would make. */
gboolean  slv_fract_index_is_valid   (const char *key);

G_END_DECLS
