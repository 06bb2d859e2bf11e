/* slv-board-canvas-transform.c: the canvas commands that transform the
 * selected items — move, nudge, resize, rotate, flip; their look (note
 * text, fill, opacity, grayscale); crop; and arranging several (align,
 * distribute, pack, grid, by colour, equal size). Registered with the
 * others by slv-board-canvas-actions.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-board-canvas"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "slv-board-canvas-private.h"
#include "core/slv-colour.h"

#define NUDGE_PX 1.0

typedef SlvBoardCanvas Canvas;

/* -- geometry -- */

static void
move_action (GSimpleAction *a, GVariant *p, gpointer data)
{
  Canvas *self = canvas_of (data);
  GError *error = NULL;
  double dx, dy;

  g_variant_get (p, "(dd)", &dx, &dy);
  canvas_done (self, slv_board_doc_move (self->doc, NULL, dx, dy, &error), error, NULL);
}

static void
nudge_action (GSimpleAction *a, GVariant *p, gpointer data)
{
  Canvas *self = canvas_of (data);
  GError *error = NULL;
  double dx, dy;

  g_variant_get (p, "(dd)", &dx, &dy);
  canvas_done (self, slv_board_doc_move (self->doc, NULL, dx * NUDGE_PX / self->zoom,
                                         dy * NUDGE_PX / self->zoom, &error), error, NULL);
}

static gboolean
parse_handle (const char *name,
              SlvHandle  *out)
{
  static const char *names[] = { "n", "ne", "e", "se", "s", "sw", "w", "nw" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (name, names[i]) == 0)
      {
        *out = (SlvHandle) i;
        return TRUE;
      }
  return FALSE;
}

static void
resize_action (GSimpleAction *a, GVariant *p, gpointer data)
{
  Canvas *self = canvas_of (data);
  GError *error = NULL;
  const char *name;
  SlvHandle handle;
  SlvPoint pointer;
  gboolean aspect, centre;

  g_variant_get (p, "(&sddbb)", &name, &pointer.x, &pointer.y, &aspect, &centre);
  if (!parse_handle (name, &handle))
    return;
  canvas_done (self, slv_board_doc_resize (self->doc, NULL, handle, pointer,
                                           (aspect ? SLV_RESIZE_ASPECT : 0) | (centre ? SLV_RESIZE_FROM_CENTER : 0),
                                           &error), error, NULL);
}

static void
rotate_action (GSimpleAction *a, GVariant *p, gpointer data)
{
  Canvas *self = canvas_of (data);
  GError *error = NULL;

  canvas_done (self, slv_board_doc_rotate (self->doc, NULL, g_variant_get_double (p), &error), error, NULL);
}

static void
flip_action (GSimpleAction *a, GVariant *p, gpointer data)
{
  Canvas *self = canvas_of (data);
  GError *error = NULL;
  gboolean horizontal = g_strcmp0 (g_variant_get_string (p, NULL), "vertical") != 0;

  canvas_done (self, slv_board_doc_flip (self->doc, NULL, horizontal, &error), error, NULL);
}

static void
note_text_size_action (GSimpleAction *a, GVariant *p, gpointer data)
{
  Canvas *self = canvas_of (data);
  GError *error = NULL;

  canvas_done (self, slv_board_doc_set_note_style (self->doc, NULL, g_variant_get_double (p), NULL, &error), error, NULL);
}

static void
note_text_colour_action (GSimpleAction *a, GVariant *p, gpointer data)
{
  Canvas *self = canvas_of (data);
  GError *error = NULL;

  canvas_done (self, slv_board_doc_set_note_style (self->doc, NULL, 0, g_variant_get_string (p, NULL), &error), error,
               NULL);
}

/* The fill of the selected notes, swatches and shapes; one undo step. */
static void
fill_colour_action (GSimpleAction *a, GVariant *p, gpointer data)
{
  Canvas *self = canvas_of (data);
  GError *error = NULL;
  guint32 rgb;

  if (!slv_colour_parse_hex (g_variant_get_string (p, NULL), &rgb))
    {
      slv_board_canvas_toast (self, _("That is not a colour: use #rrggbb."), FALSE);
      return;
    }
  canvas_done (self, slv_board_doc_set_fill (self->doc, NULL, rgb, &error), error, NULL);
}

static void
opacity_action (GSimpleAction *a, GVariant *p, gpointer data)
{
  Canvas *self = canvas_of (data);
  GError *error = NULL;

  canvas_done (self, slv_board_doc_set_opacity (self->doc, NULL, g_variant_get_double (p), &error), error, NULL);
}

static void
grayscale_action (GSimpleAction *a, GVariant *p, gpointer data)
{
  Canvas *self = canvas_of (data);
  GError *error = NULL;

  canvas_done (self, slv_board_doc_set_grayscale (self->doc, NULL, g_variant_get_boolean (p), &error), error, NULL);
}

/* -- crop -- */

void
canvas_begin_crop (Canvas     *self,
                   const char *id)
{
  SlvBoardItem *item = self->doc ? slv_board_doc_lookup (self->doc, id) : NULL;
  const char *one[] = { id, NULL };

  if (item == NULL || slv_board_item_get_kind (item) != SLV_BOARD_ITEM_IMAGE ||
      slv_board_item_get_locked (item) || self->read_only)
    return;
  g_free (self->crop_id);
  self->crop_id = g_strdup (id);
  slv_board_item_get_crop (item, &self->crop);
  slv_board_doc_select (self->doc, one, SLV_SELECT_REPLACE);
  slv_board_canvas_toast (self, _("Drag the sides to crop. Enter keeps the crop; Esc leaves the picture as it was."),
                          FALSE);
  canvas_actions_update (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
canvas_end_crop (Canvas   *self,
                 gboolean  apply)
{
  g_autofree char *id = g_steal_pointer (&self->crop_id);
  GError *error = NULL;
  SlvRect before;

  if (id == NULL)
    return;
  if (apply && self->doc != NULL && slv_board_doc_lookup (self->doc, id) != NULL)
    {
      slv_board_item_get_crop (slv_board_doc_lookup (self->doc, id), &before);
      if (!slv_rect_equal (&before, &self->crop, 1e-9))
        canvas_done (self, slv_board_doc_crop (self->doc, id, &self->crop, &error), error, NULL);
    }
  if (self->drag == DRAG_CROP)
    self->drag = DRAG_NONE;
  canvas_actions_update (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
crop_action (GSimpleAction *a, GVariant *p, gpointer data)
{
  Canvas *self = canvas_of (data);
  GError *error = NULL;
  const char *id;
  SlvRect crop;

  g_variant_get (p, "(&sdddd)", &id, &crop.x, &crop.y, &crop.w, &crop.h);
  canvas_end_crop (self, FALSE);
  canvas_done (self, slv_board_doc_crop (self->doc, id, &crop, &error), error, NULL);
}

static void
crop_mode_action (GSimpleAction *a, GVariant *p, gpointer data)
{
  Canvas *self = canvas_of (data);
  SlvBoardItem *item = canvas_single_of_kind (self, SLV_BOARD_ITEM_IMAGE);

  if (self->crop_id != NULL)
    canvas_end_crop (self, TRUE);
  else if (item != NULL)
    canvas_begin_crop (self, slv_entity_get_id (SLV_ENTITY (item)));
}

static void
crop_cancel_action (GSimpleAction *a, GVariant *p, gpointer data)
{
  canvas_end_crop (canvas_of (data), FALSE);
}

static void
crop_reset_action (GSimpleAction *a, GVariant *p, gpointer data)
{
  Canvas *self = canvas_of (data);
  SlvBoardItem *item = canvas_single_of_kind (self, SLV_BOARD_ITEM_IMAGE);
  SlvRect all = { 0, 0, 1, 1 };
  GError *error = NULL;

  canvas_end_crop (self, FALSE);
  if (item != NULL)
    canvas_done (self, slv_board_doc_crop (self->doc, slv_entity_get_id (SLV_ENTITY (item)), &all, &error),
                 error, NULL);
}

/* -- arrange -- */

static gboolean
parse_align (const char *name,
             SlvAlign   *out)
{
  static const char *names[] = { "left", "hcenter", "right", "top", "vcenter", "bottom" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (strcmp (name, names[i]) == 0)
      {
        *out = (SlvAlign) i;
        return TRUE;
      }
  return FALSE;
}

static void
align_action (GSimpleAction *a, GVariant *p, gpointer data)
{
  Canvas *self = canvas_of (data);
  GError *error = NULL;
  SlvAlign align;

  if (parse_align (g_variant_get_string (p, NULL), &align))
    canvas_done (self, slv_board_doc_align (self->doc, NULL, align, &error), error, NULL);
}

static void
distribute_action (GSimpleAction *a, GVariant *p, gpointer data)
{
  Canvas *self = canvas_of (data);
  gboolean vertical = g_strcmp0 (g_variant_get_string (p, NULL), "vertical") == 0;
  GError *error = NULL;

  canvas_done (self, slv_board_doc_distribute (self->doc, NULL, vertical ? SLV_AXIS_VERTICAL : SLV_AXIS_HORIZONTAL,
                                               &error), error, NULL);
}

static void
pack_action (GSimpleAction *a, GVariant *p, gpointer data)
{
  Canvas *self = canvas_of (data);
  GError *error = NULL;

  canvas_done (self, slv_board_doc_pack (self->doc, NULL, 8, &error), error, NULL);
}

static void
grid_action (GSimpleAction *a, GVariant *p, gpointer data)
{
  Canvas *self = canvas_of (data);
  GError *error = NULL;

  canvas_done (self, slv_board_doc_arrange_grid (self->doc, NULL, g_variant_get_uint32 (p), 16, &error), error, NULL);
}

static void
by_colour_action (GSimpleAction *a, GVariant *p, gpointer data)
{
  canvas_arrange_by_colour (canvas_of (data));
}

static void
equal_size_action (GSimpleAction *a, GVariant *p, gpointer data)
{
  Canvas *self = canvas_of (data);
  const char *name = g_variant_get_string (p, NULL);
  SlvEqualSize mode = strcmp (name, "width") == 0 ? SLV_EQUAL_WIDTH
                    : strcmp (name, "area") == 0 ? SLV_EQUAL_AREA : SLV_EQUAL_HEIGHT;
  GError *error = NULL;

  canvas_done (self, slv_board_doc_equal_size (self->doc, NULL, mode, &error), error, NULL);
}

const CanvasAction canvas_transform_actions[] = {
  { { "move", move_action, "(dd)" }, NEED_SELECTION },
  { { "nudge", nudge_action, "(dd)" }, NEED_SELECTION },
  { { "resize", resize_action, "(sddbb)" }, NEED_SELECTION },
  { { "rotate", rotate_action, "d" }, NEED_SELECTION },
  { { "flip", flip_action, "s" }, NEED_SELECTION },
  { { "opacity", opacity_action, "d" }, NEED_SELECTION },
  { { "grayscale", grayscale_action, "b" }, NEED_SELECTION },
  { { "crop", crop_action, "(sdddd)" }, NEED_EDIT },
  { { "crop-mode", crop_mode_action }, NEED_IMAGE },
  { { "crop-cancel", crop_cancel_action }, NEED_EDIT },
  { { "crop-reset", crop_reset_action }, NEED_IMAGE },
  { { "align", align_action, "s" }, NEED_TWO },
  { { "distribute", distribute_action, "s" }, NEED_TWO },
  { { "pack", pack_action }, NEED_TWO },
  { { "arrange-grid", grid_action, "u" }, NEED_TWO },
  { { "arrange-by-colour", by_colour_action }, NEED_TWO },
  { { "equal-size", equal_size_action, "s" }, NEED_TWO },
  { { "note-text-size", note_text_size_action, "d" }, NEED_SELECTION },
  { { "note-text-colour", note_text_colour_action, "s" }, NEED_SELECTION },
  { { "fill-colour", fill_colour_action, "s" }, NEED_SELECTION },
};
const guint canvas_n_transform_actions = G_N_ELEMENTS (canvas_transform_actions);
