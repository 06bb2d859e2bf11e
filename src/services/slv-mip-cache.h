/* slv-mip-cache.h: decoded board images at the sizes the canvas needs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For each image blob the cache makes 64, 256 and 1024-pixel copies once,
 * in a worker, and keeps them in the workspace's cache/mips/ folder, keyed
 * by content hash and level (plus a .info file: size and mean colour). In
 * memory it holds decoded levels up to a byte budget, least recently used
 * first out, except what the current frame uses.
 *
 * A canvas frame: slv_mip_cache_begin_frame(); for each visible image,
 * slv_mip_level_for() (or slv_mip_plan() for the whole frame) then
 * slv_mip_cache_lookup_best(), which answers at once with the best level in
 * memory and queues the wanted one; "image-ready" (sha256, level) tells
 * when to draw again. Nothing here blocks the main thread except the _load
 * functions, meant for workers, tests and export.
 */
#pragma once

#include <gio/gio.h>

#include "slv-mip-image.h"
#include "store/slv-store.h"

G_BEGIN_DECLS

#define SLV_TYPE_MIP_CACHE (slv_mip_cache_get_type ())
G_DECLARE_FINAL_TYPE (SlvMipCache, slv_mip_cache, SLV, MIP_CACHE, GObject)

/* 256 MiB: a full screen of 1024 copies with room to pan. */
#define SLV_MIP_CACHE_DEFAULT_BUDGET ((gsize) 256 * 1024 * 1024)

SlvMipCache *slv_mip_cache_new          (SlvStore      *store,
                                         gsize          budget) G_GNUC_WARN_UNUSED_RESULT;
gsize        slv_mip_cache_get_budget   (SlvMipCache   *self);
void         slv_mip_cache_set_budget   (SlvMipCache   *self,
                                         gsize          budget);
/* Bytes of decoded images held now. */
gsize        slv_mip_cache_get_used     (SlvMipCache   *self);

/* Starts a frame: what the previous frames used may now be evicted. */
void         slv_mip_cache_begin_frame  (SlvMipCache   *self);
/* The level if it is in memory (a new reference), else NULL; marks it
 * used by this frame. Never blocks. */
SlvMipImage *slv_mip_cache_lookup       (SlvMipCache   *self,
                                         const char    *sha256,
                                         SlvMipLevel    level) G_GNUC_WARN_UNUSED_RESULT;
/* Queues @level to be loaded (or made) in a worker, unless it is in
 * memory or already queued; "image-ready" follows. */
void         slv_mip_cache_request      (SlvMipCache   *self,
                                         const char    *sha256,
                                         SlvMipLevel    level);
/* The wanted level if in memory; else requests it and returns the nearest
 * level in memory (lower first), or NULL. */
SlvMipImage *slv_mip_cache_lookup_best  (SlvMipCache   *self,
                                         const char    *sha256,
                                         SlvMipLevel    level) G_GNUC_WARN_UNUSED_RESULT;
/* The picture's size and mean colour if known in memory; if not, FALSE
 * and the worker is asked for it ("image-ready" with level NONE). */
gboolean     slv_mip_cache_get_info     (SlvMipCache   *self,
                                         const char    *sha256,
                                         int           *width,
                                         int           *height,
                                         guint32       *mean_rgb);

/* TRUE once the picture could not be read (missing or damaged blob):
 * draw a placeholder; it is not asked for again. */
gboolean     slv_mip_cache_has_failed   (SlvMipCache   *self,
                                         const char    *sha256);

/* Blocking: from memory, the cache folder, or made from the blob. */
SlvMipImage *slv_mip_cache_load         (SlvMipCache   *self,
                                         const char    *sha256,
                                         SlvMipLevel    level,
                                         GCancellable  *cancellable,
                                         GError       **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean     slv_mip_cache_load_info    (SlvMipCache   *self,
                                         const char    *sha256,
                                         int           *width,
                                         int           *height,
                                         guint32       *mean_rgb,
                                         GError       **error);
/* Makes the cached levels of @sha256 now (import calls this in its
 * worker so a new image opens fast). */
gboolean     slv_mip_cache_prepare      (SlvMipCache   *self,
                                         const char    *sha256,
                                         GError       **error);
/* Reads the .info of many images in a worker (as a board opens). */
void         slv_mip_cache_preload_info_async  (SlvMipCache          *self,
                                                const char * const   *sha256s,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
gboolean     slv_mip_cache_preload_info_finish (SlvMipCache          *self,
                                                GAsyncResult         *result,
                                                GError              **error);

G_END_DECLS
