/* slv-text-decode.h: bytes to UTF-8 for the text readers (private to src/formats).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each function converts as much of @in as it can and returns the number
 * of bytes consumed. Bytes left over at the end are an incomplete sequence
 * to be passed again with more input (unless @last). *@invalid is set when
 * conversion stopped at bytes that are not valid in the encoding.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Length of the valid UTF-8 prefix of @in (NUL bytes count as valid). */
gsize  slv_utf8_valid_prefix   (const guint8  *in,
                                gsize          len,
                                gboolean       last,
                                gboolean      *invalid);
gsize  slv_utf16_to_utf8       (const guint8  *in,
                                gsize          len,
                                gboolean       big_endian,
                                gboolean       last,
                                GByteArray    *out,
                                gboolean      *invalid);
gsize  slv_cp1252_to_utf8      (const guint8  *in,
                                gsize          len,
                                GByteArray    *out,
                                gboolean      *invalid);

G_END_DECLS
