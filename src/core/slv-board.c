/* slv-board.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-board"

#include "config.h"

#include "slv-board.h"

struct _SlvBoard
{
  SlvEntity  parent_instance;
  char     *name;
  char     *collection_id;
  char     *collection_name;
  char     *position;
  char     *background;
  gint64    item_count;
  gint64    open_threads;
  char     *cover_blob;
};

G_DEFINE_FINAL_TYPE (SlvBoard, slv_board, SLV_TYPE_ENTITY)

static const SlvFieldSpec fields[] = {
  { "name", SLV_FIELD_STRING, G_STRUCT_OFFSET (SlvBoard, name) },
  { "collection-id", SLV_FIELD_STRING, G_STRUCT_OFFSET (SlvBoard, collection_id) },
  { "collection-name", SLV_FIELD_STRING, G_STRUCT_OFFSET (SlvBoard, collection_name) },
  { "position", SLV_FIELD_STRING, G_STRUCT_OFFSET (SlvBoard, position) },
  { "background", SLV_FIELD_STRING, G_STRUCT_OFFSET (SlvBoard, background) },
  { "item-count", SLV_FIELD_INT, G_STRUCT_OFFSET (SlvBoard, item_count) },
  { "cover-blob", SLV_FIELD_STRING, G_STRUCT_OFFSET (SlvBoard, cover_blob) },
  { "open-threads", SLV_FIELD_INT, G_STRUCT_OFFSET (SlvBoard, open_threads) },
};

static void
slv_board_class_init (SlvBoardClass *klass)
{
  slv_entity_class_install_fields (SLV_ENTITY_CLASS (klass), "board", fields, G_N_ELEMENTS (fields));
}

static void
slv_board_init (SlvBoard *self)
{
}

const char *
slv_board_get_name (SlvBoard *self)
{
  g_return_val_if_fail (SLV_IS_BOARD (self), NULL);
  return self->name;
}

const char *
slv_board_get_collection_id (SlvBoard *self)
{
  g_return_val_if_fail (SLV_IS_BOARD (self), NULL);
  return self->collection_id;
}

const char *
slv_board_get_collection_name (SlvBoard *self)
{
  g_return_val_if_fail (SLV_IS_BOARD (self), NULL);
  return self->collection_name;
}

const char *
slv_board_get_position (SlvBoard *self)
{
  g_return_val_if_fail (SLV_IS_BOARD (self), NULL);
  return self->position;
}

const char *
slv_board_get_background (SlvBoard *self)
{
  g_return_val_if_fail (SLV_IS_BOARD (self), NULL);
  return self->background;
}

gint64
slv_board_get_item_count (SlvBoard *self)
{
  g_return_val_if_fail (SLV_IS_BOARD (self), 0);
  return self->item_count;
}

const char *
slv_board_get_cover_blob (SlvBoard *self)
{
  g_return_val_if_fail (SLV_IS_BOARD (self), NULL);
  return self->cover_blob;
}

gint64
slv_board_get_open_threads (SlvBoard *self)
{
  g_return_val_if_fail (SLV_IS_BOARD (self), 0);
  return self->open_threads;
}
