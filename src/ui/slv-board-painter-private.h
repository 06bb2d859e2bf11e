/* slv-board-painter-private.h: shared by the slv-board-painter*.c files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "slv-board-painter.h"

G_BEGIN_DECLS

struct _SlvBoardPainter
{
  GObject          parent_instance;

  SlvBoardDoc     *doc;
  SlvMipCache     *cache;
  SlvStyleCards   *cards;      /* may be NULL */
  PangoContext    *pango;
  GHashTable      *pinned;     /* sha256 → SlvMipImage (offscreen) */
  gboolean         offscreen;
  GHashTable      *only;       /* top-level ids to draw, or NULL for all */
  GdkRGBA          background;
  gboolean         has_background;

  GHashTable      *texts;      /* item id → PainterText: laid-out text */
  guint64          paints;     /* paints so far, to age the texts out */

  GPtrArray       *found;      /* scratch: items of this paint */
  GArray          *requests;   /* scratch: SlvMipRequest per picture */
  GArray          *levels;     /* scratch: SlvMipLevel per found item */
  GArray          *means;      /* scratch: mean colour per found item, or -1 (gint64) */
  GHashTable      *infos;      /* SlvBoardItem → PainterInfo: picture sizes seen */
  guint            n_drawn;
  guint            n_pending;  /* pictures drawn below the level wanted */

  GHashTable      *textures;   /* GBytes (pixels) → PainterTexture */
  GQueue           textures_lru;
  gsize            texture_bytes;
};

/* Where an item's local coordinates (0,0)–(w,h) land in the snapshot:
 * either a plain offset and scale (not turned, not mirrored) or a
 * transform pushed on the snapshot. */
typedef struct
{
  gboolean simple;
  double   zoom;
  double   ox, oy;    /* simple: snapshot position of local (0, 0) */
  double   w, h;      /* the item's local size */
} PainterFrame;

/* Local (content, if @content: mirrored as flipped) → snapshot. */
GskTransform *painter_item_transform (const SlvItemGeom      *g,
                                      const SlvBoardViewport *view,
                                      gboolean                content);
void     painter_frame_begin   (PainterFrame            *frame,
                                GtkSnapshot             *snapshot,
                                SlvBoardItem            *item,
                                const SlvBoardViewport  *view,
                                gboolean                 content);
void     painter_frame_end     (PainterFrame            *frame,
                                GtkSnapshot             *snapshot);
/* Local rect → the snapshot's coordinates under the frame. */
void     painter_frame_rect    (const PainterFrame      *frame,
                                double                   x,
                                double                   y,
                                double                   w,
                                double                   h,
                                graphene_rect_t         *out);
/* Draws @layout with its top-left at local (x, y), laid out in board
 * units (scaled by the zoom). */
void     painter_frame_layout  (const PainterFrame      *frame,
                                GtkSnapshot             *snapshot,
                                PangoLayout             *layout,
                                double                   x,
                                double                   y,
                                const GdkRGBA           *color);
void     painter_rgba_from_hex (const char              *hex,
                                guint32                  fallback,
                                GdkRGBA                 *out);
void     painter_rgba_from_rgb (guint32                  rgb,
                                double                   alpha,
                                GdkRGBA                 *out);
/* slv-board-painter-textures.c: the texture of a mip level, made once and
 * kept while it is drawn lately; trim lets go of the least recently drawn
 * beyond the budget after a paint. */
GdkTexture *painter_texture_for (SlvBoardPainter        *self,
                                SlvMipImage            *image);
void     painter_textures_init (SlvBoardPainter         *self);
void     painter_textures_clear (SlvBoardPainter        *self);
void     painter_textures_trim (SlvBoardPainter         *self);
/* Draws picture @sha256 over local (x, y, w, h) at @level (or its mean
 * colour @mean, -1 if not known yet, or a placeholder), showing part
 * @crop of it (NULL: all). */
void     painter_draw_picture  (SlvBoardPainter         *self,
                                GtkSnapshot             *snapshot,
                                const PainterFrame      *frame,
                                const char              *sha256,
                                SlvMipLevel              level,
                                gint64                   mean,
                                const SlvRect           *crop,
                                double                   x,
                                double                   y,
                                double                   w,
                                double                   h);

/* slv-board-painter-items.c */
void     painter_draw_note     (SlvBoardPainter         *self,
                                GtkSnapshot             *snapshot,
                                SlvBoardItem            *item,
                                const SlvBoardViewport  *view);
void     painter_draw_swatch   (SlvBoardPainter         *self,
                                GtkSnapshot             *snapshot,
                                SlvBoardItem            *item,
                                const SlvBoardViewport  *view);
void     painter_draw_style    (SlvBoardPainter         *self,
                                GtkSnapshot             *snapshot,
                                SlvBoardItem            *item,
                                const SlvBoardViewport  *view,
                                SlvMipLevel              cover_level);
void     painter_draw_shape    (SlvBoardPainter         *self,
                                GtkSnapshot             *snapshot,
                                SlvBoardItem            *item,
                                const SlvBoardViewport  *view);
/* The cover picture of a style card, or NULL (asks for the card). */
const char *painter_style_cover (SlvBoardPainter        *self,
                                SlvBoardItem            *item);
void     painter_text_free     (gpointer                 data);
/* Drops laid-out texts not used for a while. */
void     painter_age_texts     (SlvBoardPainter         *self);

G_END_DECLS
