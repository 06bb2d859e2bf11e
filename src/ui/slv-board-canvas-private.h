/* slv-board-canvas-private.h: shared by the slv-board-canvas*.c files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "slv-board-canvas.h"
#include "slv-board-painter.h"

G_BEGIN_DECLS

typedef enum
{
  DRAG_NONE,
  DRAG_PAN,
  DRAG_PRESS,      /* on an item: becomes a move once the pointer travels */
  DRAG_MOVE,
  DRAG_RESIZE,
  DRAG_ROTATE,
  DRAG_BAND,
  DRAG_HANDLER,    /* given to the input handler */
  DRAG_CROP,
} DragKind;

typedef struct
{
  guint                  id;
  SlvBoardCanvasDrawFunc func;
  gpointer               data;
  GDestroyNotify         destroy;
} CanvasOverlay;

struct _SlvBoardCanvas
{
  GtkWidget           parent_instance;

  SlvBoardDoc        *doc;
  SlvMipCache        *cache;
  SlvStyleCards      *cards;
  SlvBoardPainter    *painter;
  GSimpleActionGroup *actions;
  GCancellable       *cancellable;   /* of work for the current doc */

  /* the view: the board point at the middle, and the zoom */
  double              cx, cy, zoom;
  gboolean            fit_pending;   /* fit the board once the size is known */
  guint               save_view_id;
  gboolean            read_only;

  /* the pointer, in widget coordinates */
  double              pointer_x, pointer_y;
  gboolean            space_down;
  double              pinch_zoom;    /* the zoom when a pinch began */

  /* the drag under way */
  DragKind            drag;
  double              drag_x, drag_y;        /* where it began (widget) */
  double              drag_cx, drag_cy;      /* the view's middle then */
  double              drag_dx, drag_dy;      /* the offset now */
  GdkModifierType     drag_mods;
  SlvHandle           drag_handle;
  SlvPoint            drag_pivot;            /* rotation centre (board) */
  double              drag_angle;            /* pointer angle at start */
  SlvRect             drag_crop;             /* crop at the start of a crop drag */
  gboolean            drag_inside_crop;      /* moving the crop, not a side */
  char               *press_id;              /* the item pressed, if any */
  GArray             *guides;                /* SlvGuide of the last step */
  SlvRect             band;                  /* rubber band (board) */

  /* crop mode: the image and the part of it kept so far */
  char               *crop_id;
  SlvRect             crop;

  /* note text editing */
  GtkWidget          *editor;                /* a GtkPopover, or NULL */
  char               *editor_id;

  GArray             *overlays;              /* CanvasOverlay */
  guint               next_overlay;
  SlvBoardCanvasInputFunc input_func;
  gpointer            input_data;
  GDestroyNotify      input_destroy;

  guint               frames;
};

/* slv-board-canvas.c */
void     slv_board_canvas_notify_view     (SlvBoardCanvas   *self);
void     slv_board_canvas_toast           (SlvBoardCanvas   *self,
                                           const char       *message,
                                           gboolean          undo);
/* Reports @error (a failed command) to the user; TRUE if there was one. */
gboolean slv_board_canvas_report          (SlvBoardCanvas   *self,
                                           GError           *error);
double   slv_board_canvas_width           (SlvBoardCanvas   *self);
double   slv_board_canvas_height          (SlvBoardCanvas   *self);
void     slv_board_canvas_get_viewport    (SlvBoardCanvas   *self,
                                           double            width,
                                           double            height,
                                           SlvBoardViewport *out);

/* slv-board-canvas-chrome.c: selection, handles, guides, band, crop */
void     canvas_draw_chrome               (SlvBoardCanvas   *self,
                                           GtkSnapshot      *snapshot,
                                           const SlvBoardViewport *view);
/* The frame handles work on: one item's own (turned) geometry, or the
 * bounds of several. FALSE when nothing can be resized. */
gboolean canvas_selection_frame           (SlvBoardCanvas   *self,
                                           SlvItemGeom      *out);
/* The handle under widget point (wx, wy); *rotate when it is the turning
 * handle. */
gboolean canvas_handle_at                 (SlvBoardCanvas   *self,
                                           double            wx,
                                           double            wy,
                                           SlvHandle        *handle,
                                           gboolean         *rotate);
SlvPoint canvas_rotate_handle             (SlvBoardCanvas   *self,
                                           const SlvItemGeom *frame);
/* Crop mode: the crop's outline (local content units of the image) and
 * its handle under a widget point. */
gboolean canvas_crop_handle_at            (SlvBoardCanvas   *self,
                                           double            wx,
                                           double            wy,
                                           SlvHandle        *handle,
                                           gboolean         *inside);
/* Widget point → the crop image's normalised picture coordinates. */
SlvPoint canvas_crop_point                (SlvBoardCanvas   *self,
                                           double            wx,
                                           double            wy);

/* slv-board-canvas-input.c */
void     canvas_input_init                (SlvBoardCanvas   *self);
void     canvas_cancel_drag               (SlvBoardCanvas   *self);
void     canvas_update_cursor             (SlvBoardCanvas   *self,
                                           double            wx,
                                           double            wy);

/* slv-board-canvas-actions.c */
typedef enum
{
  NEED_DOC,        /* a board is open */
  NEED_EDIT,       /* and it may be changed */
  NEED_SELECTION,  /* and something is selected */
  NEED_TWO,        /* two or more selected */
  NEED_IMAGE,      /* one image selected */
  NEED_UNDO,
  NEED_REDO,
} CanvasNeed;

typedef struct
{
  GActionEntry entry;
  CanvasNeed   need;
} CanvasAction;

/* An action's user data as the canvas. */
SlvBoardCanvas *canvas_of                 (gpointer          user_data);
/* The one selected item if it is of @kind, else NULL. */
SlvBoardItem *canvas_single_of_kind       (SlvBoardCanvas   *self,
                                           SlvBoardItemKind  kind);
/* Reports a failed command; @undo_message, if any, becomes an undo toast. */
void     canvas_done                      (SlvBoardCanvas   *self,
                                           gboolean          ok,
                                           GError           *error,
                                           const char       *undo_message);
void     canvas_actions_init              (SlvBoardCanvas   *self);
void     canvas_actions_update            (SlvBoardCanvas   *self);
void     canvas_class_add_shortcuts       (GtkWidgetClass   *widget_class);

/* slv-board-canvas-transform.c: geometry, look, crop, arrange */
extern const CanvasAction canvas_transform_actions[];
extern const guint        canvas_n_transform_actions;
void     canvas_begin_crop                (SlvBoardCanvas   *self,
                                           const char       *id);
void     canvas_end_crop                  (SlvBoardCanvas   *self,
                                           gboolean          apply);

/* slv-board-canvas-io.c: import, paste, drop, export */
/* Work under way for the canvas: the canvas (a reference), a board point
 * and a name (a file's, a path, or an item id). */
typedef struct
{
  SlvBoardCanvas *canvas;
  double          x, y;
  char           *name;
} CanvasDrop;

CanvasDrop *canvas_drop_new               (SlvBoardCanvas   *self,
                                           double            x,
                                           double            y,
                                           const char       *name);
void     canvas_drop_free                 (CanvasDrop       *drop);
GtkWindow *canvas_parent_window           (SlvBoardCanvas   *self);
void     canvas_io_init                   (SlvBoardCanvas   *self);
void     canvas_import_paths              (SlvBoardCanvas   *self,
                                           const char * const *paths,
                                           double            x,
                                           double            y);
void     canvas_import_dialog             (SlvBoardCanvas   *self,
                                           gboolean          folder);
void     canvas_paste                     (SlvBoardCanvas   *self);
void     canvas_export                    (SlvBoardCanvas   *self,
                                           const char       *path,
                                           const char       *format,
                                           double            scale,
                                           gboolean          selection);
void     canvas_export_dialog             (SlvBoardCanvas   *self,
                                           const char       *format,
                                           gboolean          selection);

/* slv-board-canvas-colour.c: palettes, arrange by colour */
void     canvas_extract_palette           (SlvBoardCanvas   *self);
void     canvas_export_palette            (SlvBoardCanvas   *self,
                                           const char       *path);
void     canvas_arrange_by_colour         (SlvBoardCanvas   *self);

/* slv-board-canvas-editor.c: the note editor */
void     canvas_edit_text                 (SlvBoardCanvas   *self,
                                           const char       *id);

G_END_DECLS
