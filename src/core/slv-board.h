/* slv-board.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "slv-entity.h"

G_BEGIN_DECLS

#define SLV_TYPE_BOARD (slv_board_get_type ())
G_DECLARE_FINAL_TYPE (SlvBoard, slv_board, SLV, BOARD, SlvEntity)

const char * slv_board_get_name (SlvBoard *self);
const char * slv_board_get_collection_id (SlvBoard *self);
const char * slv_board_get_collection_name (SlvBoard *self);
const char * slv_board_get_position (SlvBoard *self);
const char * slv_board_get_background (SlvBoard *self);
gint64       slv_board_get_item_count (SlvBoard *self);
/* Review threads still open on the board. */
gint64       slv_board_get_open_threads (SlvBoard *self);
const char * slv_board_get_cover_blob (SlvBoard *self);

G_END_DECLS
