/* slv-blobs.h: the workspace's content-addressed blob store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Files live in blobs/ab/abcdef… named by their SHA-256. A file is written to
 * a temporary name, flushed to disk and renamed, so a blob is either whole or
 * absent. Equal content is stored once.
 */
#pragma once

#include "slv-store.h"

G_BEGIN_DECLS

/* Stores @bytes and records its metadata row; returns the SHA-256 (hex).
 * @width and @height may be 0 when unknown. */
char     *slv_blobs_put           (SlvStore     *store,
                                   GBytes       *bytes,
                                   const char   *mime,
                                   const char   *name,
                                   int           width,
                                   int           height,
                                   GError      **error) G_GNUC_WARN_UNUSED_RESULT;
/* Stores the file at @path the same way, streaming it. */
char     *slv_blobs_put_file      (SlvStore     *store,
                                   const char   *path,
                                   const char   *mime,
                                   int           width,
                                   int           height,
                                   GError      **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean  slv_blobs_has           (SlvStore     *store,
                                   const char   *sha256);
char     *slv_blobs_dup_path      (SlvStore     *store,
                                   const char   *sha256) G_GNUC_WARN_UNUSED_RESULT;
/* The content, verified against its hash. */
GBytes   *slv_blobs_load          (SlvStore     *store,
                                   const char   *sha256,
                                   GError      **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean  slv_blobs_is_valid_hash (const char   *sha256);

G_END_DECLS
