/* slv-board-export.h: a board, or part of it, rendered offscreen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One path for PNG, PDF and the Boards page's thumbnails: the pictures are
 * read in a worker at the mip level the scale needs, the items are painted
 * into render nodes on the main thread by SlvBoardPainter (as the canvas
 * paints a frame), and cairo draws the nodes into the file in a worker,
 * written atomically.
 */
#pragma once

#include <gtk/gtk.h>

#include "services/slv-board-doc.h"
#include "services/slv-mip-cache.h"
#include "services/slv-style-cards.h"

G_BEGIN_DECLS

typedef enum
{
  SLV_BOARD_EXPORT_PNG,
  SLV_BOARD_EXPORT_PDF,
} SlvBoardExportFormat;

/* The largest PNG side, in pixels; larger exports are refused. */
#define SLV_BOARD_EXPORT_MAX_PX   16384
/* The largest PDF page side, in points (5 m); larger boards are scaled to fit. */
#define SLV_BOARD_EXPORT_MAX_PT   14400.0
/* Board units of empty space around what is exported. */
#define SLV_BOARD_EXPORT_MARGIN   24.0

gboolean    slv_board_export_format_from_string (const char           *text,
                                                 SlvBoardExportFormat *out);
/* What is exported: the bounds of @ids (NULL: every item) with the
 * margin; FALSE when there is nothing. */
gboolean    slv_board_export_bounds  (SlvBoardDoc          *doc,
                                      const char * const   *ids,
                                      SlvRect              *out);
/* @scale: pixels (PNG) or points (PDF) per board unit; @max_side, if not
 * 0, lowers the scale so the longer side fits (thumbnails). */
void        slv_board_export_async   (SlvBoardDoc          *doc,
                                      SlvMipCache          *cache,
                                      SlvStyleCards        *cards,
                                      const char * const   *ids,
                                      SlvBoardExportFormat  format,
                                      double                scale,
                                      double                max_side,
                                      const char           *path,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data);
gboolean    slv_board_export_finish  (GAsyncResult         *result,
                                      GError              **error);

/* Renders @node (@width × @height from the origin) with GskCairoRenderer,
 * as a display would, into a texture. */
GdkTexture *slv_board_export_render_texture (GskRenderNode *node,
                                             int            width,
                                             int            height,
                                             GError       **error) G_GNUC_WARN_UNUSED_RESULT;

/* A PNG of the whole board at most @side pixels a side, kept in the
 * workspace's cache/thumbnails/ and made again only when the board
 * changed; the result is its path. */
void        slv_board_thumbnail_async  (SlvStore            *store,
                                        SlvMipCache         *cache,
                                        const char          *board_id,
                                        int                  side,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
char       *slv_board_thumbnail_finish (GAsyncResult        *result,
                                        GError             **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
