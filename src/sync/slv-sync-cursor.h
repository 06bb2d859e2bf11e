/* slv-sync-cursor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pull cursor (SYNC-PROTOCOL.md §6): a position (last seq) per bucket,
 * sent as base64url(JSON {"v":1,"b":{bucket: seq}}) "." base64url(HMAC-SHA256
 * tag). Only the server holds the key; clients treat the text as opaque.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SLV_SYNC_CURSOR_MAX_LEN (256 * 1024)

typedef struct _SlvSyncCursor SlvSyncCursor;

SlvSyncCursor *slv_sync_cursor_new          (void) G_GNUC_WARN_UNUSED_RESULT;
void           slv_sync_cursor_free         (SlvSyncCursor *cursor);
void           slv_sync_cursor_set          (SlvSyncCursor *cursor,
                                             const char    *bucket,
                                             gint64         seq);
void           slv_sync_cursor_remove       (SlvSyncCursor *cursor,
                                             const char    *bucket);
gboolean       slv_sync_cursor_lookup       (SlvSyncCursor *cursor,
                                             const char    *bucket,
                                             gint64        *seq);
/* Buckets in byte order, NULL-terminated. */
char         **slv_sync_cursor_dup_buckets  (SlvSyncCursor *cursor) G_GNUC_WARN_UNUSED_RESULT;
guint          slv_sync_cursor_get_size     (SlvSyncCursor *cursor);
char          *slv_sync_cursor_encode       (SlvSyncCursor *cursor,
                                             const guint8  *key,
                                             gsize          key_len) G_GNUC_WARN_UNUSED_RESULT;
/* Fails with SLV_SYNC_ERROR_SIGNATURE when the tag does not verify and with
 * SLV_SYNC_ERROR_INVALID when the text is not a cursor at all. */
SlvSyncCursor *slv_sync_cursor_decode       (const char    *text,
                                             const guint8  *key,
                                             gsize          key_len,
                                             GError       **error) G_GNUC_WARN_UNUSED_RESULT;

/* Helpers shared with the server. */
char          *slv_base64url_encode         (const guint8  *data,
                                             gsize          len) G_GNUC_WARN_UNUSED_RESULT;
/* NULL unless @text is unpadded base64url. */
guint8        *slv_base64url_decode         (const char    *text,
                                             gsize          text_len,
                                             gsize         *out_len) G_GNUC_WARN_UNUSED_RESULT;
/* Compares in time that depends only on the lengths. */
gboolean       slv_constant_time_equal      (const guint8  *a,
                                             gsize          a_len,
                                             const guint8  *b,
                                             gsize          b_len);
/* HMAC-SHA256 of @data into @tag (32 bytes). */
void           slv_hmac_sha256              (const guint8  *key,
                                             gsize          key_len,
                                             const guint8  *data,
                                             gsize          len,
                                             guint8         tag[32]);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlvSyncCursor, slv_sync_cursor_free)

G_END_DECLS
