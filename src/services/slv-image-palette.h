/* slv-image-palette.h: palettes of board images.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The image blob is decoded at 256 pixels on its longer side and its
 * dominant colours found by k-means in CIELAB (core/slv-palette.h). The
 * result depends only on the image's bytes.
 */
#pragma once

#include <gio/gio.h>

#include "core/slv-palette.h"
#include "store/slv-store.h"

G_BEGIN_DECLS

#define SLV_IMAGE_PALETTE_SIDE 256

/* The palette of encoded image @bytes (a file not in the workspace). */
GArray   *slv_image_palette_from_bytes  (GBytes               *bytes,
                                         const char           *name,
                                         guint                 min_colours,
                                         guint                 max_colours,
                                         GError              **error) G_GNUC_WARN_UNUSED_RESULT;
/* GArray of SlvPaletteColour, heaviest first. Blocking. */
GArray   *slv_image_palette             (SlvStore             *store,
                                         const char           *sha256,
                                         guint                 min_colours,
                                         guint                 max_colours,
                                         GError              **error) G_GNUC_WARN_UNUSED_RESULT;
void      slv_image_palette_async       (SlvStore             *store,
                                         const char           *sha256,
                                         guint                 min_colours,
                                         guint                 max_colours,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
GArray   *slv_image_palette_finish      (SlvStore             *store,
                                         GAsyncResult         *result,
                                         GError              **error) G_GNUC_WARN_UNUSED_RESULT;
/* The heaviest colour of the palette. */
gboolean  slv_image_dominant_colour     (SlvStore             *store,
                                         const char           *sha256,
                                         guint32              *rgb,
                                         GError              **error);
/* The 0xRRGGBB values of @palette, in order (for slv_board_doc_add_palette). */
guint32  *slv_image_palette_rgbs        (GArray               *palette) G_GNUC_WARN_UNUSED_RESULT;
/* Writes @palette as a GIMP palette named @name, each colour named by its
 * nearest colour name. */
gboolean  slv_image_palette_save_gpl    (GArray               *palette,
                                         const char           *name,
                                         const char           *path,
                                         GError              **error);

G_END_DECLS
