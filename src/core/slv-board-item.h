/* slv-board-item.h: one thing on a mood board.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An SlvBoardItem is a row of board_item as an object with a property per
 * column (board-id, kind, x, y, w, h, rotation, z, opacity, locked, group-id,
 * blob, crop, flip-h, flip-v, grayscale, text, color, style-id, props), so a
 * canvas can watch it. Its values are an SlvBoardItemState: a plain copyable
 * struct that commands keep as before/after snapshots for undo.
 */
#pragma once

#include "slv-entity.h"
#include "slv-item-geom.h"

G_BEGIN_DECLS

typedef enum
{
  SLV_BOARD_ITEM_IMAGE,
  SLV_BOARD_ITEM_NOTE,
  SLV_BOARD_ITEM_SWATCH,
  SLV_BOARD_ITEM_STYLE,
  SLV_BOARD_ITEM_SHAPE,
  SLV_BOARD_ITEM_GROUP,
} SlvBoardItemKind;

typedef struct
{
  char     *id;
  char     *board_id;
  char     *kind;
  double    x, y, w, h;
  double    rotation;    /* degrees, about the centre */
  char     *z;           /* fractional index */
  double    opacity;
  gboolean  locked;
  char     *group_id;
  char     *blob;        /* sha256 of the image */
  char     *crop;        /* "x y w h", normalised to the image; NULL: whole */
  gboolean  flip_h;
  gboolean  flip_v;
  gboolean  grayscale;
  char     *text;
  char     *color;       /* #rrggbb */
  char     *style_id;
  char     *props;       /* JSON object: font-size, shape, stroke… */
} SlvBoardItemState;

/* The columns of board_item an SlvBoardItemState carries, id first. */
const char * const *slv_board_item_state_columns (guint *n_columns);

SlvBoardItemState *slv_board_item_state_new      (void) G_GNUC_WARN_UNUSED_RESULT;
SlvBoardItemState *slv_board_item_state_copy     (const SlvBoardItemState *s) G_GNUC_WARN_UNUSED_RESULT;
void               slv_board_item_state_free     (SlvBoardItemState       *s);
void               slv_board_item_state_clear    (SlvBoardItemState       *s);
gboolean           slv_board_item_state_equal    (const SlvBoardItemState *a,
                                                  const SlvBoardItemState *b);
/* The type of column @index and where its value lives in @s (a char **,
 * double * or gboolean *), for code that binds values by type. */
SlvFieldType       slv_board_item_state_column_type (guint                  index);
gpointer           slv_board_item_state_column_ptr  (SlvBoardItemState     *s,
                                                     guint                  index);
/* Column @index (per slv_board_item_state_columns) as the text the store
 * writes; NULL for SQL NULL. Doubles print with "%.17g" and round-trip. */
char              *slv_board_item_state_dup_column (const SlvBoardItemState *s,
                                                    guint                    index) G_GNUC_WARN_UNUSED_RESULT;
/* Sets column @index from stored text. FALSE if @value is not a valid
 * value for the column. */
gboolean           slv_board_item_state_set_column (SlvBoardItemState       *s,
                                                    guint                    index,
                                                    const char              *value);
void               slv_board_item_state_get_geom (const SlvBoardItemState *s,
                                                  SlvItemGeom             *out);
void               slv_board_item_state_set_geom (SlvBoardItemState       *s,
                                                  const SlvItemGeom       *g);

const char        *slv_board_item_kind_to_string (SlvBoardItemKind         kind);
gboolean           slv_board_item_kind_from_string (const char            *text,
                                                    SlvBoardItemKind       *kind);

/* "x y w h" ↔ a normalised rect; NULL or bad text is the whole image. */
void               slv_board_item_parse_crop     (const char              *text,
                                                  SlvRect                 *out);
char              *slv_board_item_format_crop    (const SlvRect           *crop) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlvBoardItemState, slv_board_item_state_free)

#define SLV_TYPE_BOARD_ITEM (slv_board_item_get_type ())
G_DECLARE_FINAL_TYPE (SlvBoardItem, slv_board_item, SLV, BOARD_ITEM, SlvEntity)

SlvBoardItem            *slv_board_item_new_from_state (const SlvBoardItemState *state) G_GNUC_WARN_UNUSED_RESULT;
/* The current values; the item's own, do not change them. */
const SlvBoardItemState *slv_board_item_get_state      (SlvBoardItem            *self);
SlvBoardItemState       *slv_board_item_dup_state      (SlvBoardItem            *self) G_GNUC_WARN_UNUSED_RESULT;
/* Takes the values of @state (not its id), notifying each property that
 * changed. Returns TRUE if anything changed. */
gboolean                 slv_board_item_apply_state    (SlvBoardItem            *self,
                                                        const SlvBoardItemState *state);

SlvBoardItemKind         slv_board_item_get_kind       (SlvBoardItem            *self);
void                     slv_board_item_get_geom       (SlvBoardItem            *self,
                                                        SlvItemGeom             *out);
/* Bounds of the turned outline on the board. */
void                     slv_board_item_get_bounds     (SlvBoardItem            *self,
                                                        SlvRect                 *out);
const char              *slv_board_item_get_z          (SlvBoardItem            *self);
const char              *slv_board_item_get_group_id   (SlvBoardItem            *self);
const char              *slv_board_item_get_blob       (SlvBoardItem            *self);
const char              *slv_board_item_get_text       (SlvBoardItem            *self);
const char              *slv_board_item_get_color      (SlvBoardItem            *self);
const char              *slv_board_item_get_style_id   (SlvBoardItem            *self);
const char              *slv_board_item_get_props      (SlvBoardItem            *self);
double                   slv_board_item_get_opacity    (SlvBoardItem            *self);
gboolean                 slv_board_item_get_locked     (SlvBoardItem            *self);
gboolean                 slv_board_item_get_grayscale  (SlvBoardItem            *self);
void                     slv_board_item_get_crop       (SlvBoardItem            *self,
                                                        SlvRect                 *out);

G_END_DECLS
