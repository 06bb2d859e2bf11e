/* slv-board-canvas.h: the mood-board canvas.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SlvBoardCanvas shows an SlvBoardDoc: it pans and zooms (1 %–6,400 %),
 * selects, drags, resizes and turns items through the doc's gestures, and
 * carries every command as an action of its "canvas" action group (see
 * slv_board_canvas_get_actions()), so that menus, shortcuts, tests and
 * D-Bus all use the same path.
 *
 * Hooks for tools that draw or click on top of the board (review):
 * - slv_board_canvas_add_overlay(): a draw function called in the same
 *   snapshot, above the items and below the selection, with the snapshot
 *   in board units;
 * - slv_board_canvas_set_input_handler(): the first say on primary-button
 *   presses, drags and releases, in board units;
 * - slv_board_canvas_zoom_to_rect(): jump to a part of the board;
 * - the "read-only" property: look, select and export, but no edits.
 */
#pragma once

#include <gtk/gtk.h>

#include "services/slv-board-doc.h"
#include "services/slv-mip-cache.h"
#include "services/slv-style-cards.h"

G_BEGIN_DECLS

#define SLV_TYPE_BOARD_CANVAS (slv_board_canvas_get_type ())
G_DECLARE_FINAL_TYPE (SlvBoardCanvas, slv_board_canvas, SLV, BOARD_CANVAS, GtkWidget)

/* Draws above the items; @snapshot is in board units (one unit is @zoom
 * pixels on screen); @visible is the part of the board on screen. */
typedef void     (*SlvBoardCanvasDrawFunc)  (SlvBoardCanvas   *canvas,
                                             GtkSnapshot      *snapshot,
                                             const SlvRect    *visible,
                                             double            zoom,
                                             gpointer          user_data);

typedef enum
{
  SLV_CANVAS_INPUT_PRESS,
  SLV_CANVAS_INPUT_DRAG,
  SLV_CANVAS_INPUT_RELEASE,
  SLV_CANVAS_INPUT_CANCEL,    /* Escape, or the drag was taken away */
} SlvCanvasInputKind;

typedef struct
{
  SlvCanvasInputKind kind;
  double             x, y;          /* board units */
  double             start_x, start_y;
  GdkModifierType    modifiers;
  int                n_press;       /* 2 for a double click */
} SlvCanvasInput;

/* Return TRUE to take the press (and the drag and release that follow)
 * away from selection and moving. */
typedef gboolean (*SlvBoardCanvasInputFunc) (SlvBoardCanvas       *canvas,
                                             const SlvCanvasInput *input,
                                             gpointer              user_data);

GtkWidget     *slv_board_canvas_new            (void);

SlvBoardDoc   *slv_board_canvas_get_doc        (SlvBoardCanvas   *self);
/* @cache: the workspace's mip cache; @cards may be NULL (style cards then
 * show their place only). */
void           slv_board_canvas_set_doc        (SlvBoardCanvas   *self,
                                                SlvBoardDoc      *doc,
                                                SlvMipCache      *cache,
                                                SlvStyleCards    *cards);
SlvMipCache   *slv_board_canvas_get_cache      (SlvBoardCanvas   *self);
SlvStyleCards *slv_board_canvas_get_cards      (SlvBoardCanvas   *self);
/* The "canvas" action group (also inserted on the canvas itself): a page
 * inserts it too so its tool bar and toasts reach the commands. */
GActionGroup  *slv_board_canvas_get_actions    (SlvBoardCanvas   *self);

/* -- the view -- */
double         slv_board_canvas_get_zoom       (SlvBoardCanvas   *self);
/* The board point at the middle of the canvas. */
void           slv_board_canvas_get_center     (SlvBoardCanvas   *self,
                                                double           *x,
                                                double           *y);
/* Sets the middle and the zoom (clamped); saved to the board a moment
 * after the view stops moving. */
void           slv_board_canvas_set_view       (SlvBoardCanvas   *self,
                                                double            x,
                                                double            y,
                                                double            zoom);
/* Zooms to @zoom keeping the board point under widget point (wx, wy). */
void           slv_board_canvas_zoom_at        (SlvBoardCanvas   *self,
                                                double            zoom,
                                                double            wx,
                                                double            wy);
/* Shows all of @rect with a margin, zoomed to fit (never past @max_zoom;
 * 0 for no limit other than the canvas's). */
void           slv_board_canvas_zoom_to_rect   (SlvBoardCanvas   *self,
                                                const SlvRect    *rect,
                                                double            max_zoom);
void           slv_board_canvas_get_visible_rect (SlvBoardCanvas *self,
                                                SlvRect          *out);
SlvPoint       slv_board_canvas_widget_to_board (SlvBoardCanvas  *self,
                                                double            wx,
                                                double            wy);
SlvPoint       slv_board_canvas_board_to_widget (SlvBoardCanvas  *self,
                                                double            bx,
                                                double            by);
/* Writes the view now if a write is pending. */
void           slv_board_canvas_flush_view     (SlvBoardCanvas   *self);

/* -- modes and hooks -- */
gboolean       slv_board_canvas_get_read_only  (SlvBoardCanvas   *self);
void           slv_board_canvas_set_read_only  (SlvBoardCanvas   *self,
                                                gboolean          read_only);
/* Returns an id for slv_board_canvas_remove_overlay(). */
guint          slv_board_canvas_add_overlay    (SlvBoardCanvas   *self,
                                                SlvBoardCanvasDrawFunc func,
                                                gpointer          user_data,
                                                GDestroyNotify    destroy);
void           slv_board_canvas_remove_overlay (SlvBoardCanvas   *self,
                                                guint             id);
/* NULL func removes the handler. */
void           slv_board_canvas_set_input_handler (SlvBoardCanvas *self,
                                                SlvBoardCanvasInputFunc func,
                                                gpointer          user_data,
                                                GDestroyNotify    destroy);

/* -- offscreen -- */
/* The canvas as it would draw at @width × @height (for tests and the
 * benchmark: the same code path as a frame). */
GskRenderNode *slv_board_canvas_render_node    (SlvBoardCanvas   *self,
                                                int               width,
                                                int               height) G_GNUC_WARN_UNUSED_RESULT;
/* Frames drawn since the doc was set. */
guint          slv_board_canvas_get_n_frames   (SlvBoardCanvas   *self);
/* Images, notes… drawn by the last frame. */
guint          slv_board_canvas_get_n_drawn    (SlvBoardCanvas   *self);
/* Pictures the last frame drew blurred or as a colour while their mip
 * level loads (0: complete). */
guint          slv_board_canvas_get_n_pending  (SlvBoardCanvas   *self);
/* Pixels held by the textures of the pictures drawn lately: kept within
 * a quarter of the mip cache's budget beyond what one frame needs. */
gsize          slv_board_canvas_get_texture_bytes (SlvBoardCanvas *self);

G_END_DECLS
