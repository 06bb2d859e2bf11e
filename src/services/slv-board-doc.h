/* slv-board-doc.h: an open mood board, its undo history and its commands.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SlvBoardDoc holds one board's items as a GListModel of SlvBoardItem
 * (bottom to top), a spatial index of them for drawing and hit testing, the
 * selection, the view, and an unbounded undo history. Every user action is a
 * command: it is written to the workspace in one transaction before the
 * model changes, so a crash never loses an acknowledged edit. Drags are
 * gestures: they move the model live and become one command when they end.
 *
 * Commands that take @ids act on those items (top-level ids; a group brings
 * its members along); NULL means the selection. Locked items are left alone
 * by commands that move, change or delete. A command with nothing to do
 * succeeds without adding a step.
 */
#pragma once

#include <gio/gio.h>

#include "core/slv-arrange.h"
#include "core/slv-board-item.h"
#include "core/slv-snap.h"
#include "store/slv-store.h"

G_BEGIN_DECLS

#define SLV_BOARD_DOC_ERROR (slv_board_doc_error_quark ())

typedef enum
{
  SLV_BOARD_DOC_ERROR_NOT_FOUND,   /* no such board or item */
  SLV_BOARD_DOC_ERROR_INVALID,     /* a value the board cannot take */
  SLV_BOARD_DOC_ERROR_BUSY,        /* a gesture is under way */
} SlvBoardDocError;

typedef enum
{
  SLV_SELECT_REPLACE,
  SLV_SELECT_ADD,
  SLV_SELECT_TOGGLE,
  SLV_SELECT_REMOVE,
} SlvSelectMode;

typedef enum
{
  SLV_Z_RAISE,       /* one step up, above the next item it overlaps */
  SLV_Z_LOWER,
  SLV_Z_TO_FRONT,
  SLV_Z_TO_BACK,
} SlvZOrder;

typedef enum
{
  SLV_SHAPE_RECTANGLE,
  SLV_SHAPE_ELLIPSE,
  SLV_SHAPE_LINE,
} SlvShapeKind;

typedef enum
{
  SLV_GESTURE_MOVE,
  SLV_GESTURE_RESIZE,
  SLV_GESTURE_ROTATE,
  SLV_GESTURE_OPACITY,
} SlvGestureKind;

#define SLV_BOARD_ZOOM_MIN 0.01
#define SLV_BOARD_ZOOM_MAX 64.0

#define SLV_TYPE_BOARD_DOC (slv_board_doc_get_type ())
G_DECLARE_FINAL_TYPE (SlvBoardDoc, slv_board_doc, SLV, BOARD_DOC, GObject)

GQuark        slv_board_doc_error_quark   (void);

SlvBoardDoc  *slv_board_doc_load          (SlvStore             *store,
                                           const char           *board_id,
                                           GError              **error) G_GNUC_WARN_UNUSED_RESULT;
/* Reads the board in a worker thread. */
void          slv_board_doc_load_async    (SlvStore             *store,
                                           const char           *board_id,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
SlvBoardDoc  *slv_board_doc_load_finish   (GAsyncResult         *result,
                                           GError              **error) G_GNUC_WARN_UNUSED_RESULT;

SlvStore     *slv_board_doc_get_store     (SlvBoardDoc          *self);
const char   *slv_board_doc_get_board_id  (SlvBoardDoc          *self);
/* SlvBoardItem, bottom to top. Groups are in it too (kind "group"); they
 * are not drawn. */
GListModel   *slv_board_doc_get_items     (SlvBoardDoc          *self);
SlvBoardItem *slv_board_doc_lookup        (SlvBoardDoc          *self,
                                           const char           *id);

/* -- space -- */
/* The drawable items (all but groups) whose turned outline meets @rect,
 * appended to @out bottom to top (borrowed SlvBoardItem). */
void          slv_board_doc_query_rect    (SlvBoardDoc          *self,
                                           const SlvRect        *rect,
                                           GPtrArray            *out);
/* The topmost item under (x, y), widened by @tolerance board units, as
 * the user selects it: its outermost group if it has one. */
SlvBoardItem *slv_board_doc_pick          (SlvBoardDoc          *self,
                                           double                x,
                                           double                y,
                                           double                tolerance);
/* The bounds of @ids (NULL: the selection); FALSE if there are none. */
gboolean      slv_board_doc_get_bounds    (SlvBoardDoc          *self,
                                           const char * const   *ids,
                                           SlvRect              *out);
gboolean      slv_board_doc_get_extents   (SlvBoardDoc          *self,
                                           SlvRect              *out);

/* -- selection (top-level ids, in the order selected) -- */
const char * const *slv_board_doc_get_selection (SlvBoardDoc    *self);
gboolean      slv_board_doc_is_selected   (SlvBoardDoc          *self,
                                           const char           *id);
void          slv_board_doc_select        (SlvBoardDoc          *self,
                                           const char * const   *ids,
                                           SlvSelectMode         mode);
void          slv_board_doc_select_all    (SlvBoardDoc          *self);
/* Rubber band: items inside @rect, or touching it if @touching. */
void          slv_board_doc_select_rect   (SlvBoardDoc          *self,
                                           const SlvRect        *rect,
                                           gboolean              touching,
                                           SlvSelectMode         mode);

/* -- view (saved per board on this device, at once): the board point at
 * the middle of the canvas and the zoom -- */
void          slv_board_doc_get_view      (SlvBoardDoc          *self,
                                           double               *x,
                                           double               *y,
                                           double               *zoom);
gboolean      slv_board_doc_set_view      (SlvBoardDoc          *self,
                                           double                x,
                                           double                y,
                                           double                zoom,
                                           GError              **error);

/* FALSE until a view was saved for the board (a canvas then fits it). */
gboolean      slv_board_doc_has_view      (SlvBoardDoc          *self);

/* -- history -- */
gboolean      slv_board_doc_can_undo      (SlvBoardDoc          *self);
gboolean      slv_board_doc_can_redo      (SlvBoardDoc          *self);
/* "Move", "Delete", … for the Undo and Redo menu items; NULL if none. */
const char   *slv_board_doc_get_undo_label (SlvBoardDoc         *self);
const char   *slv_board_doc_get_redo_label (SlvBoardDoc         *self);
gboolean      slv_board_doc_undo          (SlvBoardDoc          *self,
                                           GError              **error);
gboolean      slv_board_doc_redo          (SlvBoardDoc          *self,
                                           GError              **error);
guint         slv_board_doc_get_history_length (SlvBoardDoc     *self);

/* -- adding (new items go on top; their ids become the selection) -- */
gboolean      slv_board_doc_add_image     (SlvBoardDoc          *self,
                                           const char           *sha256,
                                           int                   width_px,
                                           int                   height_px,
                                           double                x,
                                           double                y,
                                           char                **out_id,
                                           GError              **error);
gboolean      slv_board_doc_add_note      (SlvBoardDoc          *self,
                                           const char           *text,
                                           double                x,
                                           double                y,
                                           char                **out_id,
                                           GError              **error);
gboolean      slv_board_doc_add_swatch    (SlvBoardDoc          *self,
                                           guint32               rgb,
                                           double                x,
                                           double                y,
                                           char                **out_id,
                                           GError              **error);
gboolean      slv_board_doc_add_style_card (SlvBoardDoc         *self,
                                           const char           *style_id,
                                           double                x,
                                           double                y,
                                           char                **out_id,
                                           GError              **error);
gboolean      slv_board_doc_add_shape     (SlvBoardDoc          *self,
                                           SlvShapeKind          shape,
                                           const SlvRect        *rect,
                                           guint32               rgb,
                                           char                **out_id,
                                           GError              **error);
/* Adds prepared states in one step (ids, board and z are filled in). */
gboolean      slv_board_doc_add_states    (SlvBoardDoc          *self,
                                           const char           *label,
                                           GPtrArray            *states,
                                           GError              **error);

/* -- editing -- */
gboolean      slv_board_doc_move          (SlvBoardDoc          *self,
                                           const char * const   *ids,
                                           double                dx,
                                           double                dy,
                                           GError              **error);
/* Resizes as if @handle of the selection's outline (a single item's own
 * turned outline) were dragged to @pointer. */
gboolean      slv_board_doc_resize        (SlvBoardDoc          *self,
                                           const char * const   *ids,
                                           SlvHandle             handle,
                                           SlvPoint              pointer,
                                           SlvResizeFlags        flags,
                                           GError              **error);
gboolean      slv_board_doc_rotate        (SlvBoardDoc          *self,
                                           const char * const   *ids,
                                           double                degrees,
                                           GError              **error);
/* @crop: the part of the image to show, normalised (0,0,1,1 = all). The
 * kept part stays where it was on the board. */
gboolean      slv_board_doc_crop          (SlvBoardDoc          *self,
                                           const char           *id,
                                           const SlvRect        *crop,
                                           GError              **error);
gboolean      slv_board_doc_flip          (SlvBoardDoc          *self,
                                           const char * const   *ids,
                                           gboolean              horizontal,
                                           GError              **error);
gboolean      slv_board_doc_set_opacity   (SlvBoardDoc          *self,
                                           const char * const   *ids,
                                           double                opacity,
                                           GError              **error);
gboolean      slv_board_doc_set_grayscale (SlvBoardDoc          *self,
                                           const char * const   *ids,
                                           gboolean              grayscale,
                                           GError              **error);
/* Locking works on locked items, of course. */
gboolean      slv_board_doc_set_locked    (SlvBoardDoc          *self,
                                           const char * const   *ids,
                                           gboolean              locked,
                                           GError              **error);
gboolean      slv_board_doc_set_text      (SlvBoardDoc          *self,
                                           const char           *id,
                                           const char           *text,
                                           GError              **error);
gboolean      slv_board_doc_set_color     (SlvBoardDoc          *self,
                                           const char           *id,
                                           guint32               rgb,
                                           GError              **error);
/* The colour of the notes, swatches and shapes among @ids (NULL: the
 * selection); one undo step. */
gboolean      slv_board_doc_set_fill      (SlvBoardDoc          *self,
                                           const char * const   *ids,
                                           guint32               rgb,
                                           GError              **error);
/* The text size (points at 100 %; 0 keeps it) and colour (#rrggbb; NULL
 * keeps it) of the notes among @ids (NULL: the selection); one undo step. */
gboolean      slv_board_doc_set_note_style (SlvBoardDoc         *self,
                                            const char * const  *ids,
                                            double               font_size,
                                            const char          *text_color,
                                            GError             **error);
gboolean      slv_board_doc_group         (SlvBoardDoc          *self,
                                           const char * const   *ids,
                                           char                **out_id,
                                           GError              **error);
gboolean      slv_board_doc_ungroup       (SlvBoardDoc          *self,
                                           const char * const   *ids,
                                           GError              **error);
/* Copies (with their members) offset by (dx, dy), on top; selects them. */
gboolean      slv_board_doc_duplicate     (SlvBoardDoc          *self,
                                           const char * const   *ids,
                                           double                dx,
                                           double                dy,
                                           GError              **error);
gboolean      slv_board_doc_delete        (SlvBoardDoc          *self,
                                           const char * const   *ids,
                                           GError              **error);
gboolean      slv_board_doc_reorder       (SlvBoardDoc          *self,
                                           const char * const   *ids,
                                           SlvZOrder             order,
                                           GError              **error);

/* -- arranging -- */
gboolean      slv_board_doc_align         (SlvBoardDoc          *self,
                                           const char * const   *ids,
                                           SlvAlign              align,
                                           GError              **error);
gboolean      slv_board_doc_distribute    (SlvBoardDoc          *self,
                                           const char * const   *ids,
                                           SlvAxis               axis,
                                           GError              **error);
/* Packs tightly from the selection's top-left, reading order kept for
 * equal sizes. */
gboolean      slv_board_doc_pack          (SlvBoardDoc          *self,
                                           const char * const   *ids,
                                           double                gap,
                                           GError              **error);
gboolean      slv_board_doc_arrange_grid  (SlvBoardDoc          *self,
                                           const char * const   *ids,
                                           guint                 columns,
                                           double                gap,
                                           GError              **error);
/* Lays the items out in a grid ordered by @colours (one 0xRRGGBB per id,
 * in @ids order; @ids may not be NULL here). */
gboolean      slv_board_doc_arrange_by_colour (SlvBoardDoc      *self,
                                           const char * const   *ids,
                                           const guint32        *colours,
                                           double                gap,
                                           GError              **error);
gboolean      slv_board_doc_equal_size    (SlvBoardDoc          *self,
                                           const char * const   *ids,
                                           SlvEqualSize          mode,
                                           GError              **error);
/* Adds one swatch per colour in a row under the image @id (0xRRGGBB
 * each), named with the nearest colour name. */
gboolean      slv_board_doc_add_palette   (SlvBoardDoc          *self,
                                           const char           *id,
                                           const guint32        *colours,
                                           guint                 n_colours,
                                           GError              **error);

/* -- gestures: live changes that end as one step -- */
/* Starts a drag of @ids. Snapping looks at items meeting @snap_area
 * (NULL: the whole board). */
gboolean      slv_board_doc_begin_gesture (SlvBoardDoc          *self,
                                           SlvGestureKind        kind,
                                           const char * const   *ids,
                                           const SlvRect        *snap_area,
                                           GError              **error);
gboolean      slv_board_doc_in_gesture    (SlvBoardDoc          *self);
/* Offset from where the drag began; snaps within @tolerance (0: off) and
 * appends the guides met to @guides (may be NULL). */
void          slv_board_doc_gesture_move  (SlvBoardDoc          *self,
                                           double                dx,
                                           double                dy,
                                           double                tolerance,
                                           GArray               *guides);
void          slv_board_doc_gesture_resize (SlvBoardDoc         *self,
                                           SlvHandle             handle,
                                           SlvPoint              pointer,
                                           SlvResizeFlags        flags,
                                           double                tolerance,
                                           GArray               *guides);
/* Turn from the start, rounded to multiples of @step degrees (0: free). */
void          slv_board_doc_gesture_rotate (SlvBoardDoc         *self,
                                           double                degrees,
                                           double                step);
void          slv_board_doc_gesture_opacity (SlvBoardDoc        *self,
                                           double                opacity);
/* Writes the whole gesture as one step. */
gboolean      slv_board_doc_end_gesture   (SlvBoardDoc          *self,
                                           GError              **error);
void          slv_board_doc_cancel_gesture (SlvBoardDoc         *self);

G_END_DECLS
