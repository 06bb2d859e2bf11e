/* slv-board-doc-private.h: shared by the slv-board-doc*.c files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "slv-board-command.h"
#include "slv-board-doc.h"
#include "core/slv-rtree.h"

G_BEGIN_DECLS

typedef struct
{
  SlvGestureKind   kind;
  SlvBoardCommand *cmd;
  GStrv            ids;          /* the top-level items dragged */
  GPtrArray       *start;        /* SlvBoardItemState: every item moved, at the start */
  SlvRect          start_bounds;
  GArray          *targets;      /* SlvRect: what snapping may line up with */
  gboolean         single;       /* one item that is not a group */
} SlvBoardGesture;

struct _SlvBoardDoc
{
  GObject          parent_instance;

  SlvStore        *store;
  char            *board_id;
  GListStore      *items;        /* SlvBoardItem, by (z, id) */
  GHashTable      *by_id;        /* id → SlvBoardItem (the list holds the ref) */
  SlvRTree        *index;        /* drawable items by bounds */
  GHashTable      *rank;         /* SlvBoardItem → position + 1 in items */
  gboolean         rank_dirty;
  GPtrArray       *history;      /* SlvBoardCommand */
  guint            history_pos;  /* commands applied */
  GPtrArray       *selection;    /* ids, NULL-terminated */
  GHashTable      *selected;     /* the same ids, borrowed, for lookups */
  double           view_x, view_y, view_zoom;
  SlvBoardGesture *gesture;
  GPtrArray       *bulk;         /* during a large change: new items held here,
                                  * the list rebuilt once at the end */
};

/* The live top-level items among @ids (NULL: the selection), each once,
 * members replaced by their outermost group; locked ones left out if
 * @skip_locked. Never NULL. */
GStrv     slv_board_doc_resolve       (SlvBoardDoc             *self,
                                       const char * const      *ids,
                                       gboolean                 skip_locked);
/* @ids and every member of the groups among them, as SlvBoardItem. */
GPtrArray *slv_board_doc_expand       (SlvBoardDoc             *self,
                                       const char * const      *ids);
/* Direct members of @group_id (borrowed SlvBoardItem). */
GPtrArray *slv_board_doc_children     (SlvBoardDoc             *self,
                                       const char              *group_id);
/* Writes @cmd (taken) in one transaction, applies it, adds it to the
 * history; @select_after becomes the selection (NULL: unchanged). An
 * empty command is dropped and counts as success. */
gboolean  slv_board_doc_execute       (SlvBoardDoc             *self,
                                       SlvBoardCommand         *cmd,
                                       const char * const      *select_after,
                                       GError                 **error);
/* Records in @cmd the new bounds of every group whose members @cmd moves,
 * innermost first; groups left empty are deleted. */
void      slv_board_doc_fit_groups    (SlvBoardDoc             *self,
                                       SlvBoardCommand         *cmd);
/* Puts @state (or, if NULL, removes item @id) in the model only. */
void      slv_board_doc_apply_state   (SlvBoardDoc             *self,
                                       const char              *id,
                                       const SlvBoardItemState *state);
void      slv_board_doc_emit_changed  (SlvBoardDoc             *self);
/* Position of @item bottom to top, from 1 (0: not on the board). */
guint     slv_board_doc_rank          (SlvBoardDoc             *self,
                                       SlvBoardItem            *item);
/* Rebuilds @selected after @selection changed. */
void      slv_board_doc_sync_selected (SlvBoardDoc             *self);
/* @count keys above every item on the board, ascending. */
GStrv     slv_board_doc_top_keys      (SlvBoardDoc             *self,
                                       guint                    count);
/* Fills id, board id and (if missing) z of a new item's state. */
void      slv_board_doc_prepare_new   (SlvBoardDoc             *self,
                                       SlvBoardItemState       *state);
void      slv_board_gesture_free      (SlvBoardGesture         *gesture);

G_END_DECLS
