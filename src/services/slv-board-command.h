/* slv-board-command.h: one undoable step on a board.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A command is the list of items it touched, each with its state before and
 * after (NULL when the item did not exist, or was deleted). Undo writes the
 * befores back in reverse order, redo the afters in order; both are one
 * transaction. Recording the same item twice keeps the first before and the
 * last after, which is how a drag of many motion events becomes one step.
 */
#pragma once

#include "core/slv-board-item.h"

G_BEGIN_DECLS

typedef struct
{
  char              *id;
  SlvBoardItemState *before;
  SlvBoardItemState *after;
} SlvItemChange;

typedef struct _SlvBoardCommand SlvBoardCommand;

SlvBoardCommand   *slv_board_command_new          (const char              *label) G_GNUC_WARN_UNUSED_RESULT;
void               slv_board_command_free         (SlvBoardCommand         *self);
const char        *slv_board_command_get_label    (SlvBoardCommand         *self);
/* Copies both states. */
void               slv_board_command_record       (SlvBoardCommand         *self,
                                                   const SlvBoardItemState *before,
                                                   const SlvBoardItemState *after);
guint              slv_board_command_get_n_changes (SlvBoardCommand        *self);
const SlvItemChange *slv_board_command_get_change (SlvBoardCommand         *self,
                                                   guint                    index);
const SlvItemChange *slv_board_command_lookup     (SlvBoardCommand         *self,
                                                   const char              *id);
/* TRUE if no change alters anything (before equals after everywhere). */
gboolean           slv_board_command_is_empty     (SlvBoardCommand         *self);
/* The selection to restore on undo and on redo (NULL-terminated ids). */
void               slv_board_command_set_selection (SlvBoardCommand        *self,
                                                   const char * const      *before,
                                                   const char * const      *after);
const char * const *slv_board_command_get_selection (SlvBoardCommand       *self,
                                                    gboolean                after);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlvBoardCommand, slv_board_command_free)

G_END_DECLS
