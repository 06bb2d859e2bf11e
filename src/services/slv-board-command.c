/* slv-board-command.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-board-command"

#include "config.h"

#include "slv-board-command.h"

struct _SlvBoardCommand
{
  char       *label;
  GPtrArray  *changes;    /* SlvItemChange *, in the order first recorded */
  GHashTable *by_id;      /* id → SlvItemChange * */
  GStrv       selection_before;
  GStrv       selection_after;
};

static void
change_free (gpointer data)
{
  SlvItemChange *c = data;

  g_free (c->id);
  slv_board_item_state_free (c->before);
  slv_board_item_state_free (c->after);
  g_free (c);
}

SlvBoardCommand *
slv_board_command_new (const char *label)
{
  SlvBoardCommand *self = g_new0 (SlvBoardCommand, 1);

  self->label = g_strdup (label);
  self->changes = g_ptr_array_new_with_free_func (change_free);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  return self;
}

void
slv_board_command_free (SlvBoardCommand *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->by_id);
  g_ptr_array_unref (self->changes);
  g_strfreev (self->selection_before);
  g_strfreev (self->selection_after);
  g_free (self->label);
  g_free (self);
}

const char *
slv_board_command_get_label (SlvBoardCommand *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->label;
}

static SlvBoardItemState *
copy_or_null (const SlvBoardItemState *s)
{
  return s ? slv_board_item_state_copy (s) : NULL;
}

void
slv_board_command_record (SlvBoardCommand         *self,
                          const SlvBoardItemState *before,
                          const SlvBoardItemState *after)
{
  const char *id = before ? before->id : after ? after->id : NULL;
  SlvItemChange *c;

  g_return_if_fail (self != NULL);
  g_return_if_fail (id != NULL);

  c = g_hash_table_lookup (self->by_id, id);
  if (c != NULL)
    {
      slv_board_item_state_free (c->after);
      c->after = copy_or_null (after);
      return;
    }
  c = g_new0 (SlvItemChange, 1);
  c->id = g_strdup (id);
  c->before = copy_or_null (before);
  c->after = copy_or_null (after);
  g_ptr_array_add (self->changes, c);
  g_hash_table_insert (self->by_id, c->id, c);
}

guint
slv_board_command_get_n_changes (SlvBoardCommand *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->changes->len;
}

const SlvItemChange *
slv_board_command_get_change (SlvBoardCommand *self,
                              guint            index)
{
  g_return_val_if_fail (self != NULL && index < self->changes->len, NULL);
  return g_ptr_array_index (self->changes, index);
}

const SlvItemChange *
slv_board_command_lookup (SlvBoardCommand *self,
                          const char      *id)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_hash_table_lookup (self->by_id, id);
}

gboolean
slv_board_command_is_empty (SlvBoardCommand *self)
{
  g_return_val_if_fail (self != NULL, TRUE);
  for (guint i = 0; i < self->changes->len; i++)
    {
      const SlvItemChange *c = g_ptr_array_index (self->changes, i);

      if ((c->before == NULL) != (c->after == NULL))
        return FALSE;
      if (c->before != NULL && !slv_board_item_state_equal (c->before, c->after))
        return FALSE;
    }
  return TRUE;
}

void
slv_board_command_set_selection (SlvBoardCommand    *self,
                                 const char * const *before,
                                 const char * const *after)
{
  g_return_if_fail (self != NULL);
  g_strfreev (self->selection_before);
  g_strfreev (self->selection_after);
  self->selection_before = g_strdupv ((GStrv) before);
  self->selection_after = g_strdupv ((GStrv) after);
}

const char * const *
slv_board_command_get_selection (SlvBoardCommand *self,
                                 gboolean         after)
{
  g_return_val_if_fail (self != NULL, NULL);
  return (const char * const *) (after ? self->selection_after : self->selection_before);
}
