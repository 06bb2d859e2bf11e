/* slv-mip-files.h: the cache/mips folder (internal to SlvMipCache).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * cache/mips/ab/<sha256>-<side>.jpg (or .png with transparency) per level,
 * and <sha256>.info: "width height #rrggbb" (the picture's size and mean
 * colour). Files are written whole or not at all; any missing or unreadable
 * one is simply made again.
 */
#pragma once

#include "slv-mip-image.h"
#include "store/slv-store.h"

G_BEGIN_DECLS

typedef struct
{
  int     width, height;
  guint32 rgb;
} SlvMipInfo;

SlvMipImage *slv_mip_files_read_level (const char   *dir,
                                       const char   *sha256,
                                       SlvMipLevel   level) G_GNUC_WARN_UNUSED_RESULT;
gboolean     slv_mip_files_read_info  (const char   *dir,
                                       const char   *sha256,
                                       SlvMipInfo   *out);
/* Decodes the blob once and writes every level and the info. @levels
 * (indexed by SlvMipLevel) receives the pixbufs made: 64, 256 and 1024,
 * and FULL only when the picture is larger than SLV_MIP_FULL_MAX. */
gboolean     slv_mip_files_generate   (const char   *dir,
                                       SlvStore     *store,
                                       const char   *sha256,
                                       GdkPixbuf   **levels,
                                       SlvMipInfo   *info,
                                       GError      **error);

G_END_DECLS
