/* slv-uuid.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A time-ordered UUIDv7 (RFC 9562) in lowercase canonical form. */
char     *slv_uuid_v7_new            (void) G_GNUC_WARN_UNUSED_RESULT;
/* As above, for a given Unix time in milliseconds (tests, imports). */
char     *slv_uuid_v7_new_for_time   (gint64       unix_ms) G_GNUC_WARN_UNUSED_RESULT;
/* A name-based UUIDv5 (SHA-1) in the Selvedge namespace. */
char     *slv_uuid_v5_new            (const char  *name) G_GNUC_WARN_UNUSED_RESULT;
gboolean  slv_uuid_is_valid          (const char  *text);
/* The millisecond timestamp of a UUIDv7, or -1 if @text is not one. */
gint64    slv_uuid_v7_get_time       (const char  *text);

/* Current UTC time as ISO-8601 with milliseconds: 2025-03-14T09:26:53.589Z */
char     *slv_timestamp_now          (void) G_GNUC_WARN_UNUSED_RESULT;
char     *slv_timestamp_from_unix_ms (gint64       unix_ms) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
