/* slv-board-painter.h: a board's items as GTK render nodes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SlvBoardPainter draws the items of an SlvBoardDoc into a GtkSnapshot:
 * images as GdkTextures of the mip level the zoom needs (their mean colour
 * while a level loads), notes and labels with Pango, swatches, style cards
 * and shapes. It finds what to draw through the doc's spatial index. The
 * canvas paints with it every frame; export and thumbnails paint with it
 * offscreen, with their pictures pinned beforehand so that nothing is
 * missing from the file.
 */
#pragma once

#include <gtk/gtk.h>

#include "services/slv-board-doc.h"
#include "services/slv-mip-cache.h"
#include "services/slv-style-cards.h"

G_BEGIN_DECLS

#define SLV_TYPE_BOARD_PAINTER (slv_board_painter_get_type ())
G_DECLARE_FINAL_TYPE (SlvBoardPainter, slv_board_painter, SLV, BOARD_PAINTER, GObject)

typedef struct
{
  double x, y;     /* the board point at the top-left of the snapshot */
  double zoom;     /* snapshot units per board unit */
  double width;    /* the snapshot area, in its units */
  double height;
  double scale;    /* device pixels per snapshot unit (HiDPI, export scale) */
} SlvBoardViewport;

/* @pango: the context text is laid out with (the canvas's own, or one
 * from the default font map for offscreen work). @cards may be NULL. */
SlvBoardPainter *slv_board_painter_new        (SlvBoardDoc      *doc,
                                               SlvMipCache      *cache,
                                               SlvStyleCards    *cards,
                                               PangoContext     *pango) G_GNUC_WARN_UNUSED_RESULT;
SlvBoardDoc     *slv_board_painter_get_doc    (SlvBoardPainter  *self);
SlvMipCache     *slv_board_painter_get_cache  (SlvBoardPainter  *self);
SlvStyleCards   *slv_board_painter_get_cards  (SlvBoardPainter  *self);
/* Offscreen: draw @image for its picture whatever the zoom asks, and do
 * not ask the cache for anything. */
void             slv_board_painter_pin        (SlvBoardPainter  *self,
                                               SlvMipImage      *image);
void             slv_board_painter_set_offscreen (SlvBoardPainter *self,
                                               gboolean          offscreen);
/* Only items whose top-level id is in @ids (NULL: all). */
void             slv_board_painter_set_only   (SlvBoardPainter  *self,
                                               const char * const *ids);
/* A light board background under everything (export without alpha). */
void             slv_board_painter_set_background (SlvBoardPainter *self,
                                               const GdkRGBA    *rgba);
void             slv_board_painter_paint      (SlvBoardPainter  *self,
                                               GtkSnapshot      *snapshot,
                                               const SlvBoardViewport *view);
/* Items drawn by the last paint (for tests and the benchmark). */
guint            slv_board_painter_get_n_drawn (SlvBoardPainter *self);
/* Pictures the last paint drew below the level it wanted (their level
 * still loading): 0 when the frame is as sharp as it will get. */
guint            slv_board_painter_get_n_pending (SlvBoardPainter *self);
/* Pixels held by the painter's textures of pictures (see
 * slv-board-painter-textures.c). */
gsize            slv_board_painter_get_texture_bytes (SlvBoardPainter *self);
/* The level each picture of @view needs (for export and thumbnails to
 * load beforehand): sha256 → GINT_TO_POINTER (level). */
GHashTable      *slv_board_painter_plan       (SlvBoardPainter  *self,
                                               const SlvBoardViewport *view) G_GNUC_WARN_UNUSED_RESULT;
/* A Pango context for offscreen text, hinting off so text scales evenly. */
PangoContext    *slv_board_painter_create_pango_context (void) G_GNUC_WARN_UNUSED_RESULT;
void             slv_board_painter_tune_pango_context   (PangoContext *context);

G_END_DECLS
