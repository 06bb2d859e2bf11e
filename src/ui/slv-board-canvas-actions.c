/* slv-board-canvas-actions.c: the canvas commands as actions of the
 * "canvas" group — view, history and selection, structure, adding, files —
 * when each is enabled, and their shortcuts. The commands that transform
 * the selection (geometry, look, crop, arrange) are in
 * slv-board-canvas-transform.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Commands act on the selection. Item ids in parameters are top-level ids
 * as slv_board_doc_get_selection() gives them; board positions are in
 * board units; "nudge" and "pan" are in screen pixels.
 */
#define G_LOG_DOMAIN "slv-board-canvas"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "slv-board-canvas-private.h"
#include "core/slv-colour.h"
#include "core/slv-style.h"
#include "store/slv-repo.h"

#define ZOOM_STEP   1.25
#define DUPLICATE_OFFSET 24.0

typedef SlvBoardCanvas Canvas;

Canvas *
canvas_of (gpointer user_data)
{
  return SLV_BOARD_CANVAS (user_data);
}

static guint
n_selected (Canvas *self)
{
  return self->doc ? g_strv_length ((GStrv) slv_board_doc_get_selection (self->doc)) : 0;
}

/* The one selected item if it is of @kind, else NULL. */
SlvBoardItem *
canvas_single_of_kind (Canvas           *self,
                       SlvBoardItemKind  kind)
{
  const char * const *sel;
  SlvBoardItem *item;

  if (self->doc == NULL)
    return NULL;
  sel = slv_board_doc_get_selection (self->doc);
  if (sel[0] == NULL || sel[1] != NULL)
    return NULL;
  item = slv_board_doc_lookup (self->doc, sel[0]);
  return item && slv_board_item_get_kind (item) == kind ? item : NULL;
}

/* Reports a failed command; @undo_message, if any, becomes an undo toast. */
void
canvas_done (Canvas     *self,
             gboolean    ok,
             GError     *error,
             const char *undo_message)
{
  if (!ok)
    slv_board_canvas_report (self, error);
  else if (undo_message != NULL)
    slv_board_canvas_toast (self, undo_message, TRUE);
  g_clear_error (&error);
}

/* The view's middle, where new things go. */
static SlvPoint
drop_point (Canvas *self)
{
  SlvPoint p = { self->cx, self->cy };

  return p;
}

/* -- view -- */

static void
zoom_in_action (GSimpleAction *a, GVariant *p, gpointer data)
{
  Canvas *self = canvas_of (data);

  slv_board_canvas_zoom_at (self, self->zoom * ZOOM_STEP, slv_board_canvas_width (self) / 2,
                            slv_board_canvas_height (self) / 2);
}

static void
zoom_out_action (GSimpleAction *a, GVariant *p, gpointer data)
{
  Canvas *self = canvas_of (data);

  slv_board_canvas_zoom_at (self, self->zoom / ZOOM_STEP, slv_board_canvas_width (self) / 2,
                            slv_board_canvas_height (self) / 2);
}

static void
zoom_to_action (GSimpleAction *a, GVariant *p, gpointer data)
{
  Canvas *self = canvas_of (data);

  slv_board_canvas_zoom_at (self, g_variant_get_double (p), slv_board_canvas_width (self) / 2,
                            slv_board_canvas_height (self) / 2);
}

static void
zoom_100_action (GSimpleAction *a, GVariant *p, gpointer data)
{
  Canvas *self = canvas_of (data);

  slv_board_canvas_zoom_at (self, 1, slv_board_canvas_width (self) / 2, slv_board_canvas_height (self) / 2);
}

static void
fit_all_action (GSimpleAction *a, GVariant *p, gpointer data)
{
  Canvas *self = canvas_of (data);
  SlvRect r;

  if (self->doc != NULL && slv_board_doc_get_extents (self->doc, &r))
    slv_board_canvas_zoom_to_rect (self, &r, 0);
}

static void
fit_selection_action (GSimpleAction *a, GVariant *p, gpointer data)
{
  Canvas *self = canvas_of (data);
  SlvRect r;

  if (self->doc != NULL && slv_board_doc_get_bounds (self->doc, NULL, &r))
    slv_board_canvas_zoom_to_rect (self, &r, 0);
}

static void
set_view_action (GSimpleAction *a, GVariant *p, gpointer data)
{
  double x, y, zoom;

  g_variant_get (p, "(ddd)", &x, &y, &zoom);
  slv_board_canvas_set_view (canvas_of (data), x, y, zoom);
}

static void
pan_action (GSimpleAction *a, GVariant *p, gpointer data)
{
  Canvas *self = canvas_of (data);
  double dx, dy;

  g_variant_get (p, "(dd)", &dx, &dy);
  slv_board_canvas_set_view (self, self->cx + dx / self->zoom, self->cy + dy / self->zoom, self->zoom);
}

/* -- history and selection -- */

static void
undo_action (GSimpleAction *a, GVariant *p, gpointer data)
{
  Canvas *self = canvas_of (data);
  GError *error = NULL;

  canvas_end_crop (self, FALSE);
  canvas_done (self, slv_board_doc_undo (self->doc, &error), error, NULL);
}

static void
redo_action (GSimpleAction *a, GVariant *p, gpointer data)
{
  Canvas *self = canvas_of (data);
  GError *error = NULL;

  canvas_end_crop (self, FALSE);
  canvas_done (self, slv_board_doc_redo (self->doc, &error), error, NULL);
}

static void
select_all_action (GSimpleAction *a, GVariant *p, gpointer data)
{
  slv_board_doc_select_all (canvas_of (data)->doc);
}

static void
select_none_action (GSimpleAction *a, GVariant *p, gpointer data)
{
  slv_board_doc_select (canvas_of (data)->doc, NULL, SLV_SELECT_REPLACE);
}

/* Selects what is at board point (x, y), as a click there would. */
static void
select_at_action (GSimpleAction *a, GVariant *p, gpointer data)
{
  Canvas *self = canvas_of (data);
  SlvBoardItem *item;
  double x, y;

  g_variant_get (p, "(dd)", &x, &y);
  item = slv_board_doc_pick (self->doc, x, y, 0);
  if (item == NULL)
    slv_board_doc_select (self->doc, NULL, SLV_SELECT_REPLACE);
  else
    slv_board_doc_select (self->doc, (const char *[]) { slv_entity_get_id (SLV_ENTITY (item)), NULL },
                          SLV_SELECT_REPLACE);
}

static void
select_action (GSimpleAction *a, GVariant *p, gpointer data)
{
  g_autofree const char **ids = g_variant_get_strv (p, NULL);

  slv_board_doc_select (canvas_of (data)->doc, ids, SLV_SELECT_REPLACE);
}

/* -- structure -- */

static void
delete_action (GSimpleAction *a, GVariant *p, gpointer data)
{
  Canvas *self = canvas_of (data);
  guint n = n_selected (self);
  g_autofree char *message = g_strdup_printf (ngettext ("Deleted %u item", "Deleted %u items", n), n);
  GError *error = NULL;

  if (n == 0)
    return;
  canvas_end_crop (self, FALSE);
  canvas_done (self, slv_board_doc_delete (self->doc, NULL, &error), error, message);
}

static void
duplicate_action (GSimpleAction *a, GVariant *p, gpointer data)
{
  Canvas *self = canvas_of (data);
  GError *error = NULL;

  canvas_done (self, slv_board_doc_duplicate (self->doc, NULL, DUPLICATE_OFFSET, DUPLICATE_OFFSET, &error),
               error, NULL);
}

static void
group_action (GSimpleAction *a, GVariant *p, gpointer data)
{
  Canvas *self = canvas_of (data);
  GError *error = NULL;

  canvas_done (self, slv_board_doc_group (self->doc, NULL, NULL, &error), error, NULL);
}

static void
ungroup_action (GSimpleAction *a, GVariant *p, gpointer data)
{
  Canvas *self = canvas_of (data);
  GError *error = NULL;

  canvas_done (self, slv_board_doc_ungroup (self->doc, NULL, &error), error, NULL);
}

static void
lock_action (GSimpleAction *a, GVariant *p, gpointer data)
{
  Canvas *self = canvas_of (data);
  GError *error = NULL;

  canvas_done (self, slv_board_doc_set_locked (self->doc, NULL, TRUE, &error), error, NULL);
}

static void
unlock_action (GSimpleAction *a, GVariant *p, gpointer data)
{
  Canvas *self = canvas_of (data);
  GError *error = NULL;

  canvas_done (self, slv_board_doc_set_locked (self->doc, NULL, FALSE, &error), error, NULL);
}

static void
order_action (GSimpleAction *a, GVariant *p, gpointer data)
{
  static const char *names[] = { "raise", "lower", "front", "back" };
  Canvas *self = canvas_of (data);
  const char *name = g_variant_get_string (p, NULL);
  GError *error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (strcmp (name, names[i]) == 0)
      {
        canvas_done (self, slv_board_doc_reorder (self->doc, NULL, (SlvZOrder) i, &error), error, NULL);
        return;
      }
}

/* -- adding -- */

static void
add_note_action (GSimpleAction *a, GVariant *p, gpointer data)
{
  Canvas *self = canvas_of (data);
  g_autofree char *id = NULL;
  SlvPoint at = drop_point (self);
  GError *error = NULL;
  gboolean ok;

  ok = slv_board_doc_add_note (self->doc, g_variant_get_string (p, NULL), at.x, at.y, &id, &error);
  canvas_done (self, ok, error, NULL);
  if (ok && *g_variant_get_string (p, NULL) == '\0')
    canvas_edit_text (self, id);
}

static void
add_swatch_action (GSimpleAction *a, GVariant *p, gpointer data)
{
  Canvas *self = canvas_of (data);
  SlvPoint at = drop_point (self);
  GError *error = NULL;
  guint32 rgb;

  if (!slv_colour_parse_hex (g_variant_get_string (p, NULL), &rgb))
    {
      slv_board_canvas_toast (self, _("That is not a colour: use #rrggbb."), FALSE);
      return;
    }
  canvas_done (self, slv_board_doc_add_swatch (self->doc, rgb, at.x, at.y, NULL, &error), error, NULL);
}

static void
add_shape_action (GSimpleAction *a, GVariant *p, gpointer data)
{
  Canvas *self = canvas_of (data);
  const char *name = g_variant_get_string (p, NULL);
  SlvShapeKind kind = strcmp (name, "ellipse") == 0 ? SLV_SHAPE_ELLIPSE
                    : strcmp (name, "line") == 0 ? SLV_SHAPE_LINE : SLV_SHAPE_RECTANGLE;
  SlvPoint at = drop_point (self);
  SlvRect r = slv_rect_make (at.x - 120, at.y - 80, 240, 160);
  GError *error = NULL;

  canvas_done (self, slv_board_doc_add_shape (self->doc, kind, &r, 0x2b2b2b, NULL, &error), error, NULL);
}

/* @p: a style's id or (from scripts and D-Bus) its code. */
static void
add_style_card_action (GSimpleAction *a, GVariant *p, gpointer data)
{
  Canvas *self = canvas_of (data);
  const char *key = g_variant_get_string (p, NULL);
  g_autoptr(SlvEntity) style = NULL;
  SlvPoint at = drop_point (self);
  GError *error = NULL;
  gboolean ok;

  ok = slv_board_doc_add_style_card (self->doc, key, at.x, at.y, NULL, &error);
  if (!ok && g_error_matches (error, SLV_BOARD_DOC_ERROR, SLV_BOARD_DOC_ERROR_NOT_FOUND) &&
      (style = slv_repo_find_by_code (slv_board_doc_get_store (self->doc), SLV_TYPE_STYLE, key, NULL)) != NULL)
    {
      g_clear_error (&error);
      ok = slv_board_doc_add_style_card (self->doc, slv_entity_get_id (style), at.x, at.y, NULL, &error);
    }
  canvas_done (self, ok, error, NULL);
}

static void
set_text_action (GSimpleAction *a, GVariant *p, gpointer data)
{
  Canvas *self = canvas_of (data);
  const char *id, *text;
  GError *error = NULL;

  g_variant_get (p, "(&s&s)", &id, &text);
  canvas_done (self, slv_board_doc_set_text (self->doc, id, text, &error), error, NULL);
}

static void
set_color_action (GSimpleAction *a, GVariant *p, gpointer data)
{
  Canvas *self = canvas_of (data);
  const char *id, *hex;
  GError *error = NULL;
  guint32 rgb;

  g_variant_get (p, "(&s&s)", &id, &hex);
  if (!slv_colour_parse_hex (hex, &rgb))
    {
      slv_board_canvas_toast (self, _("That is not a colour: use #rrggbb."), FALSE);
      return;
    }
  canvas_done (self, slv_board_doc_set_color (self->doc, id, rgb, &error), error, NULL);
}

static void
edit_text_action (GSimpleAction *a, GVariant *p, gpointer data)
{
  Canvas *self = canvas_of (data);
  SlvBoardItem *item = canvas_single_of_kind (self, SLV_BOARD_ITEM_NOTE);

  if (item != NULL)
    canvas_edit_text (self, slv_entity_get_id (SLV_ENTITY (item)));
}

/* -- files, clipboard, palettes, export (slv-board-canvas-io.c) -- */

static void
import_action (GSimpleAction *a, GVariant *p, gpointer data)
{
  Canvas *self = canvas_of (data);
  g_autofree const char **paths = g_variant_get_strv (p, NULL);
  SlvPoint at = drop_point (self);

  canvas_import_paths (self, paths, at.x, at.y);
}

static void
import_dialog_action (GSimpleAction *a, GVariant *p, gpointer data)
{
  canvas_import_dialog (canvas_of (data), FALSE);
}

static void
import_folder_action (GSimpleAction *a, GVariant *p, gpointer data)
{
  canvas_import_dialog (canvas_of (data), TRUE);
}

static void
paste_action (GSimpleAction *a, GVariant *p, gpointer data)
{
  canvas_paste (canvas_of (data));
}

static void
extract_palette_action (GSimpleAction *a, GVariant *p, gpointer data)
{
  canvas_extract_palette (canvas_of (data));
}

static void
export_palette_action (GSimpleAction *a, GVariant *p, gpointer data)
{
  canvas_export_palette (canvas_of (data), g_variant_get_string (p, NULL));
}

static void
export_action (GSimpleAction *a, GVariant *p, gpointer data)
{
  const char *path, *format;
  double scale;
  gboolean selection;

  g_variant_get (p, "(&s&sdb)", &path, &format, &scale, &selection);
  canvas_export (canvas_of (data), path, format, scale, selection);
}

static void
export_dialog_action (GSimpleAction *a, GVariant *p, gpointer data)
{
  const char *format;
  gboolean selection;

  g_variant_get (p, "(&sb)", &format, &selection);
  canvas_export_dialog (canvas_of (data), format, selection);
}

static void
refresh_prices_action (GSimpleAction *a, GVariant *p, gpointer data)
{
  Canvas *self = canvas_of (data);

  if (self->cards != NULL)
    slv_style_cards_refresh (self->cards);
}

static const CanvasAction canvas_actions[] = {
  { { "zoom-in", zoom_in_action }, NEED_DOC },
  { { "zoom-out", zoom_out_action }, NEED_DOC },
  { { "zoom-to", zoom_to_action, "d" }, NEED_DOC },
  { { "zoom-100", zoom_100_action }, NEED_DOC },
  { { "fit-all", fit_all_action }, NEED_DOC },
  { { "fit-selection", fit_selection_action }, NEED_SELECTION },
  { { "set-view", set_view_action, "(ddd)" }, NEED_DOC },
  { { "pan", pan_action, "(dd)" }, NEED_DOC },
  { { "undo", undo_action }, NEED_UNDO },
  { { "redo", redo_action }, NEED_REDO },
  { { "select-all", select_all_action }, NEED_DOC },
  { { "select-none", select_none_action }, NEED_DOC },
  { { "select", select_action, "as" }, NEED_DOC },
  { { "select-at", select_at_action, "(dd)" }, NEED_DOC },
  { { "delete", delete_action }, NEED_SELECTION },
  { { "duplicate", duplicate_action }, NEED_SELECTION },
  { { "group", group_action }, NEED_TWO },
  { { "ungroup", ungroup_action }, NEED_SELECTION },
  { { "lock", lock_action }, NEED_SELECTION },
  { { "unlock", unlock_action }, NEED_SELECTION },
  { { "order", order_action, "s" }, NEED_SELECTION },
  { { "add-note", add_note_action, "s" }, NEED_EDIT },
  { { "add-swatch", add_swatch_action, "s" }, NEED_EDIT },
  { { "add-shape", add_shape_action, "s" }, NEED_EDIT },
  { { "add-style-card", add_style_card_action, "s" }, NEED_EDIT },
  { { "set-text", set_text_action, "(ss)" }, NEED_EDIT },
  { { "set-color", set_color_action, "(ss)" }, NEED_EDIT },
  { { "edit-text", edit_text_action }, NEED_EDIT },
  { { "import", import_action, "as" }, NEED_EDIT },
  { { "import-dialog", import_dialog_action }, NEED_EDIT },
  { { "import-folder-dialog", import_folder_action }, NEED_EDIT },
  { { "paste", paste_action }, NEED_EDIT },
  { { "extract-palette", extract_palette_action }, NEED_IMAGE },
  { { "export-palette", export_palette_action, "s" }, NEED_SELECTION },
  { { "export", export_action, "(ssdb)" }, NEED_DOC },
  { { "export-dialog", export_dialog_action, "(sb)" }, NEED_DOC },
  { { "refresh-prices", refresh_prices_action }, NEED_DOC },
};

static gboolean
need_met (Canvas     *self,
          CanvasNeed  need)
{
  guint n;

  if (self->doc == NULL)
    return FALSE;
  n = n_selected (self);
  switch (need)
    {
    case NEED_DOC:
      return TRUE;
    case NEED_EDIT:
      return !self->read_only;
    case NEED_SELECTION:
      return !self->read_only && n > 0;
    case NEED_TWO:
      return !self->read_only && n > 1;
    case NEED_IMAGE:
      return !self->read_only && canvas_single_of_kind (self, SLV_BOARD_ITEM_IMAGE) != NULL;
    case NEED_UNDO:
      return !self->read_only && slv_board_doc_can_undo (self->doc);
    case NEED_REDO:
      return !self->read_only && slv_board_doc_can_redo (self->doc);
    default:
      return FALSE;
    }
}

static void
update_table (Canvas             *self,
              const CanvasAction *table,
              guint               n)
{
  for (guint i = 0; i < n; i++)
    {
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), table[i].entry.name);
      gboolean on = need_met (self, table[i].need);

      /* export of the selection also wants one */
      g_simple_action_set_enabled (G_SIMPLE_ACTION (action), on);
    }
}

void
canvas_actions_update (Canvas *self)
{
  if (self->actions == NULL)
    return;
  update_table (self, canvas_actions, G_N_ELEMENTS (canvas_actions));
  update_table (self, canvas_transform_actions, canvas_n_transform_actions);
  /* looking and exporting stay possible in read-only mode */
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self->actions),
                                                                          "export-palette")),
                               self->doc != NULL && n_selected (self) > 0);
}

void
canvas_actions_init (Canvas *self)
{
  self->actions = g_simple_action_group_new ();
  for (guint i = 0; i < G_N_ELEMENTS (canvas_actions); i++)
    g_action_map_add_action_entries (G_ACTION_MAP (self->actions), &canvas_actions[i].entry, 1, self);
  for (guint i = 0; i < canvas_n_transform_actions; i++)
    g_action_map_add_action_entries (G_ACTION_MAP (self->actions), &canvas_transform_actions[i].entry, 1, self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "canvas", G_ACTION_GROUP (self->actions));
  canvas_actions_update (self);
}

void
canvas_class_add_shortcuts (GtkWidgetClass *wc)
{
  static const struct { guint key; GdkModifierType mods; const char *action; const char *format; const char *arg; } keys[] = {
    { GDK_KEY_z, GDK_CONTROL_MASK, "canvas.undo", NULL, NULL },
    { GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "canvas.redo", NULL, NULL },
    { GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "canvas.redo", NULL, NULL },
    { GDK_KEY_y, GDK_CONTROL_MASK, "canvas.redo", NULL, NULL },
    { GDK_KEY_a, GDK_CONTROL_MASK, "canvas.select-all", NULL, NULL },
    { GDK_KEY_Delete, 0, "canvas.delete", NULL, NULL },
    { GDK_KEY_BackSpace, 0, "canvas.delete", NULL, NULL },
    { GDK_KEY_d, GDK_CONTROL_MASK, "canvas.duplicate", NULL, NULL },
    { GDK_KEY_g, GDK_CONTROL_MASK, "canvas.group", NULL, NULL },
    { GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "canvas.ungroup", NULL, NULL },
    { GDK_KEY_G, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "canvas.ungroup", NULL, NULL },
    { GDK_KEY_l, GDK_CONTROL_MASK, "canvas.lock", NULL, NULL },
    { GDK_KEY_l, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "canvas.unlock", NULL, NULL },
    { GDK_KEY_L, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "canvas.unlock", NULL, NULL },
    { GDK_KEY_Page_Up, 0, "canvas.order", "s", "raise" },
    { GDK_KEY_Page_Down, 0, "canvas.order", "s", "lower" },
    { GDK_KEY_Home, 0, "canvas.order", "s", "front" },
    { GDK_KEY_End, 0, "canvas.order", "s", "back" },
    { GDK_KEY_h, GDK_SHIFT_MASK, "canvas.flip", "s", "horizontal" },
    { GDK_KEY_H, GDK_SHIFT_MASK, "canvas.flip", "s", "horizontal" },
    { GDK_KEY_v, GDK_SHIFT_MASK, "canvas.flip", "s", "vertical" },
    { GDK_KEY_V, GDK_SHIFT_MASK, "canvas.flip", "s", "vertical" },
    { GDK_KEY_c, 0, "canvas.crop-mode", NULL, NULL },
    { GDK_KEY_v, GDK_CONTROL_MASK, "canvas.paste", NULL, NULL },
    { GDK_KEY_i, GDK_CONTROL_MASK, "canvas.import-dialog", NULL, NULL },
    { GDK_KEY_plus, GDK_CONTROL_MASK, "canvas.zoom-in", NULL, NULL },
    { GDK_KEY_equal, GDK_CONTROL_MASK, "canvas.zoom-in", NULL, NULL },
    { GDK_KEY_KP_Add, GDK_CONTROL_MASK, "canvas.zoom-in", NULL, NULL },
    { GDK_KEY_minus, GDK_CONTROL_MASK, "canvas.zoom-out", NULL, NULL },
    { GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "canvas.zoom-out", NULL, NULL },
    { GDK_KEY_0, GDK_CONTROL_MASK, "canvas.fit-all", NULL, NULL },
    { GDK_KEY_1, GDK_CONTROL_MASK, "canvas.zoom-100", NULL, NULL },
    { GDK_KEY_2, GDK_CONTROL_MASK, "canvas.fit-selection", NULL, NULL },
  };
  static const struct { guint key; double dx, dy; } arrows[] = {
    { GDK_KEY_Left, -1, 0 }, { GDK_KEY_Right, 1, 0 }, { GDK_KEY_Up, 0, -1 }, { GDK_KEY_Down, 0, 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      if (keys[i].format != NULL)
        gtk_widget_class_add_binding_action (wc, keys[i].key, keys[i].mods, keys[i].action,
                                             keys[i].format, keys[i].arg);
      else
        gtk_widget_class_add_binding_action (wc, keys[i].key, keys[i].mods, keys[i].action, NULL);
    }
  for (guint i = 0; i < G_N_ELEMENTS (arrows); i++)
    {
      gtk_widget_class_add_binding_action (wc, arrows[i].key, 0, "canvas.nudge", "(dd)",
                                           arrows[i].dx, arrows[i].dy);
      gtk_widget_class_add_binding_action (wc, arrows[i].key, GDK_SHIFT_MASK, "canvas.nudge", "(dd)",
                                           arrows[i].dx * 10, arrows[i].dy * 10);
    }
  gtk_widget_class_add_binding_action (wc, GDK_KEY_e, GDK_CONTROL_MASK, "canvas.export-dialog", "(sb)",
                                       "png", FALSE);
  gtk_widget_class_add_binding_action (wc, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "canvas.export-dialog", "(sb)", "pdf", FALSE);
}
