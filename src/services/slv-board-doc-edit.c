/* slv-board-doc-edit.c: commands that add, change and remove items.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-board-doc"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "slv-board-doc-private.h"
#include "core/slv-colour.h"
#include "core/slv-fract-index.h"
#include "core/slv-uuid.h"

#define IMAGE_MAX_SIDE 800.0
#define SWATCH_SIDE    120.0

typedef void (*EditFunc) (SlvBoardItemState *s,
                          gpointer           data);

static gboolean
check_idle (SlvBoardDoc  *self,
            GError      **error)
{
  if (self->gesture == NULL)
    return TRUE;
  g_set_error (error, SLV_BOARD_DOC_ERROR, SLV_BOARD_DOC_ERROR_BUSY,
               _("Finish the current drag first."));
  return FALSE;
}

/* One command that passes every item of @items through @func. */
static gboolean
edit_each (SlvBoardDoc  *self,
           const char   *label,
           GPtrArray    *items,
           EditFunc      func,
           gpointer      data,
           GError      **error)
{
  SlvBoardCommand *cmd;

  if (!check_idle (self, error))
    return FALSE;
  cmd = slv_board_command_new (label);
  for (guint i = 0; i < items->len; i++)
    {
      g_autoptr(SlvBoardItemState) before = slv_board_item_dup_state (g_ptr_array_index (items, i));
      g_autoptr(SlvBoardItemState) after = slv_board_item_state_copy (before);

      func (after, data);
      slv_board_command_record (cmd, before, after);
    }
  return slv_board_doc_execute (self, cmd, NULL, error);
}

/* @ids resolved (locked ones out) and expanded to every member. */
static GPtrArray *
targets (SlvBoardDoc        *self,
         const char * const *ids,
         gboolean            skip_locked)
{
  g_auto(GStrv) top = slv_board_doc_resolve (self, ids, skip_locked);

  return slv_board_doc_expand (self, (const char * const *) top);
}

/* -- adding -- */

static gboolean
valid_new_state (const SlvBoardItemState *s,
                 GError                 **error)
{
  SlvBoardItemKind kind;

  if (!slv_board_item_kind_from_string (s->kind, &kind) ||
      !isfinite (s->x) || !isfinite (s->y) || !isfinite (s->w) || !isfinite (s->h) ||
      s->w <= 0 || s->h <= 0)
    {
      g_set_error (error, SLV_BOARD_DOC_ERROR, SLV_BOARD_DOC_ERROR_INVALID,
                   _("A new board item needs a kind and a size above zero."));
      return FALSE;
    }
  return TRUE;
}

gboolean
slv_board_doc_add_states (SlvBoardDoc  *self,
                          const char   *label,
                          GPtrArray    *states,
                          GError      **error)
{
  g_autoptr(SlvBoardCommand) cmd = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_auto(GStrv) keys = NULL;

  g_return_val_if_fail (SLV_IS_BOARD_DOC (self), FALSE);
  g_return_val_if_fail (states != NULL, FALSE);

  if (!check_idle (self, error))
    return FALSE;
  keys = slv_board_doc_top_keys (self, states->len);
  cmd = slv_board_command_new (label);
  for (guint i = 0; i < states->len; i++)
    {
      SlvBoardItemState *s = g_ptr_array_index (states, i);

      if (!valid_new_state (s, error))
        return FALSE;
      if (s->z == NULL)
        s->z = g_strdup (keys[i]);
      slv_board_doc_prepare_new (self, s);
      slv_board_command_record (cmd, NULL, s);
      if (s->group_id == NULL)
        g_ptr_array_add (ids, s->id);
    }
  g_ptr_array_add (ids, NULL);
  return slv_board_doc_execute (self, g_steal_pointer (&cmd), (const char * const *) ids->pdata, error);
}

static gboolean
add_one (SlvBoardDoc        *self,
         const char         *label,
         SlvBoardItemState  *state,
         char              **out_id,
         GError            **error)
{
  g_autoptr(GPtrArray) states = g_ptr_array_new_with_free_func ((GDestroyNotify) slv_board_item_state_free);

  g_ptr_array_add (states, state);   /* taken */
  if (!slv_board_doc_add_states (self, label, states, error))
    return FALSE;
  if (out_id != NULL)
    *out_id = g_strdup (state->id);
  return TRUE;
}

/* A new state of @kind, @w × @h, centred on (x, y). */
static SlvBoardItemState *
centred_state (const char *kind,
               double      x,
               double      y,
               double      w,
               double      h)
{
  SlvBoardItemState *s = slv_board_item_state_new ();

  s->kind = g_strdup (kind);
  s->w = w;
  s->h = h;
  s->x = x - w / 2;
  s->y = y - h / 2;
  return s;
}

gboolean
slv_board_doc_add_image (SlvBoardDoc  *self,
                         const char   *sha256,
                         int           width_px,
                         int           height_px,
                         double        x,
                         double        y,
                         char        **out_id,
                         GError      **error)
{
  double w = MAX (width_px, 1), h = MAX (height_px, 1);
  double scale = MIN (1.0, IMAGE_MAX_SIDE / MAX (w, h));
  SlvBoardItemState *s;

  g_return_val_if_fail (SLV_IS_BOARD_DOC (self), FALSE);
  g_return_val_if_fail (sha256 != NULL, FALSE);

  s = centred_state ("image", x, y, w * scale, h * scale);
  s->blob = g_strdup (sha256);
  return add_one (self, _("Add image"), s, out_id, error);
}

gboolean
slv_board_doc_add_note (SlvBoardDoc  *self,
                        const char   *text,
                        double        x,
                        double        y,
                        char        **out_id,
                        GError      **error)
{
  SlvBoardItemState *s;

  g_return_val_if_fail (SLV_IS_BOARD_DOC (self), FALSE);

  s = centred_state ("note", x, y, 240, 160);
  s->text = g_strdup (text ? text : "");
  s->color = g_strdup ("#fff4b8");
  s->props = g_strdup ("{\"font-size\":16,\"text-color\":\"#2b2b2b\"}");
  return add_one (self, _("Add note"), s, out_id, error);
}

gboolean
slv_board_doc_add_swatch (SlvBoardDoc  *self,
                          guint32       rgb,
                          double        x,
                          double        y,
                          char        **out_id,
                          GError      **error)
{
  SlvBoardItemState *s;

  g_return_val_if_fail (SLV_IS_BOARD_DOC (self), FALSE);

  s = centred_state ("swatch", x, y, SWATCH_SIDE, SWATCH_SIDE);
  s->color = slv_colour_format_hex (rgb);
  s->text = g_strdup (slv_colour_nearest_name (rgb, NULL));
  return add_one (self, _("Add swatch"), s, out_id, error);
}

gboolean
slv_board_doc_add_style_card (SlvBoardDoc  *self,
                              const char   *style_id,
                              double        x,
                              double        y,
                              char        **out_id,
                              GError      **error)
{
  g_autofree char *deleted = NULL;
  GError *local = NULL;
  SlvBoardItemState *s;

  g_return_val_if_fail (SLV_IS_BOARD_DOC (self), FALSE);
  g_return_val_if_fail (style_id != NULL, FALSE);

  deleted = slv_store_dup_field (self->store, "style", style_id, "deleted", &local);
  if (local != NULL || g_strcmp0 (deleted, "1") == 0)
    {
      g_clear_error (&local);
      g_set_error (error, SLV_BOARD_DOC_ERROR, SLV_BOARD_DOC_ERROR_NOT_FOUND,
                   _("The style %s is not in this workspace."), style_id);
      return FALSE;
    }
  s = centred_state ("style", x, y, 240, 320);
  s->style_id = g_strdup (style_id);
  return add_one (self, _("Add style card"), s, out_id, error);
}

gboolean
slv_board_doc_add_shape (SlvBoardDoc    *self,
                         SlvShapeKind    shape,
                         const SlvRect  *rect,
                         guint32         rgb,
                         char          **out_id,
                         GError        **error)
{
  static const char *names[] = { "rectangle", "ellipse", "line" };
  SlvBoardItemState *s;

  g_return_val_if_fail (SLV_IS_BOARD_DOC (self), FALSE);
  g_return_val_if_fail (rect != NULL && shape <= SLV_SHAPE_LINE, FALSE);

  s = slv_board_item_state_new ();
  s->kind = g_strdup ("shape");
  s->x = rect->x, s->y = rect->y, s->w = rect->w, s->h = rect->h;
  s->color = slv_colour_format_hex (rgb);
  s->props = g_strdup_printf ("{\"shape\":\"%s\",\"stroke-width\":2}", names[shape]);
  return add_one (self, _("Add shape"), s, out_id, error);
}

gboolean
slv_board_doc_add_palette (SlvBoardDoc    *self,
                           const char     *id,
                           const guint32  *colours,
                           guint           n_colours,
                           GError        **error)
{
  g_autoptr(GPtrArray) states = g_ptr_array_new_with_free_func ((GDestroyNotify) slv_board_item_state_free);
  SlvBoardItem *image;
  SlvRect b;
  double side, gap = 8;

  g_return_val_if_fail (SLV_IS_BOARD_DOC (self), FALSE);

  image = slv_board_doc_lookup (self, id);
  if (image == NULL || n_colours == 0)
    {
      g_set_error (error, SLV_BOARD_DOC_ERROR, SLV_BOARD_DOC_ERROR_NOT_FOUND,
                   _("There is no image to take a palette from."));
      return FALSE;
    }
  slv_board_item_get_bounds (image, &b);
  side = CLAMP ((b.w - gap * (n_colours - 1)) / n_colours, 24, SWATCH_SIDE);
  for (guint i = 0; i < n_colours; i++)
    {
      SlvBoardItemState *s = slv_board_item_state_new ();

      s->kind = g_strdup ("swatch");
      s->x = b.x + i * (side + gap);
      s->y = b.y + b.h + gap;
      s->w = s->h = side;
      s->color = slv_colour_format_hex (colours[i]);
      s->text = g_strdup (slv_colour_nearest_name (colours[i], NULL));
      g_ptr_array_add (states, s);
    }
  return slv_board_doc_add_states (self, _("Extract palette"), states, error);
}

/* -- simple property edits -- */

typedef struct
{
  double dx, dy;
} Offset;

static void
offset_func (SlvBoardItemState *s,
             gpointer           data)
{
  const Offset *o = data;

  s->x += o->dx;
  s->y += o->dy;
}

gboolean
slv_board_doc_move (SlvBoardDoc        *self,
                    const char * const *ids,
                    double              dx,
                    double              dy,
                    GError            **error)
{
  g_autoptr(GPtrArray) items = NULL;
  Offset o = { dx, dy };

  g_return_val_if_fail (SLV_IS_BOARD_DOC (self), FALSE);

  if (!isfinite (dx) || !isfinite (dy))
    {
      g_set_error (error, SLV_BOARD_DOC_ERROR, SLV_BOARD_DOC_ERROR_INVALID,
                   _("The distance to move is not a number."));
      return FALSE;
    }
  items = targets (self, ids, TRUE);
  return edit_each (self, _("Move"), items, offset_func, &o, error);
}

static void
opacity_func (SlvBoardItemState *s,
              gpointer           data)
{
  s->opacity = *(double *) data;
}

gboolean
slv_board_doc_set_opacity (SlvBoardDoc        *self,
                           const char * const *ids,
                           double              opacity,
                           GError            **error)
{
  g_autoptr(GPtrArray) items = NULL;

  g_return_val_if_fail (SLV_IS_BOARD_DOC (self), FALSE);

  if (!isfinite (opacity))
    {
      g_set_error (error, SLV_BOARD_DOC_ERROR, SLV_BOARD_DOC_ERROR_INVALID,
                   _("The opacity is not a number."));
      return FALSE;
    }
  opacity = CLAMP (opacity, 0, 1);
  items = targets (self, ids, TRUE);
  return edit_each (self, _("Change opacity"), items, opacity_func, &opacity, error);
}

static void
grayscale_func (SlvBoardItemState *s,
                gpointer           data)
{
  s->grayscale = *(gboolean *) data;
}

gboolean
slv_board_doc_set_grayscale (SlvBoardDoc        *self,
                             const char * const *ids,
                             gboolean            grayscale,
                             GError            **error)
{
  g_autoptr(GPtrArray) items = NULL;

  g_return_val_if_fail (SLV_IS_BOARD_DOC (self), FALSE);

  grayscale = !!grayscale;
  items = targets (self, ids, TRUE);
  return edit_each (self, grayscale ? _("Make grey") : _("Restore colour"), items,
                    grayscale_func, &grayscale, error);
}

static void
locked_func (SlvBoardItemState *s,
             gpointer           data)
{
  s->locked = *(gboolean *) data;
}

gboolean
slv_board_doc_set_locked (SlvBoardDoc        *self,
                          const char * const *ids,
                          gboolean            locked,
                          GError            **error)
{
  g_auto(GStrv) top = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new ();

  g_return_val_if_fail (SLV_IS_BOARD_DOC (self), FALSE);

  /* Only the top-level items carry the lock. */
  locked = !!locked;
  top = slv_board_doc_resolve (self, ids, FALSE);
  for (guint i = 0; top[i] != NULL; i++)
    g_ptr_array_add (items, slv_board_doc_lookup (self, top[i]));
  return edit_each (self, locked ? _("Lock") : _("Unlock"), items, locked_func, &locked, error);
}

static void
text_func (SlvBoardItemState *s,
           gpointer           data)
{
  g_free (s->text);
  s->text = g_strdup (data);
}

gboolean
slv_board_doc_set_text (SlvBoardDoc  *self,
                        const char   *id,
                        const char   *text,
                        GError      **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_autofree char *valid = NULL;
  SlvBoardItem *item;

  g_return_val_if_fail (SLV_IS_BOARD_DOC (self), FALSE);

  item = slv_board_doc_lookup (self, id);
  if (item == NULL)
    {
      g_set_error (error, SLV_BOARD_DOC_ERROR, SLV_BOARD_DOC_ERROR_NOT_FOUND,
                   _("The item to edit is no longer on the board."));
      return FALSE;
    }
  valid = g_utf8_make_valid (text ? text : "", -1);
  g_ptr_array_add (items, item);
  return edit_each (self, _("Edit text"), items, text_func, valid, error);
}

static void
color_func (SlvBoardItemState *s,
            gpointer           data)
{
  g_free (s->color);
  s->color = slv_colour_format_hex (*(guint32 *) data);
  if (g_strcmp0 (s->kind, "swatch") == 0)
    {
      g_free (s->text);
      s->text = g_strdup (slv_colour_nearest_name (*(guint32 *) data, NULL));
    }
}

gboolean
slv_board_doc_set_color (SlvBoardDoc  *self,
                         const char   *id,
                         guint32       rgb,
                         GError      **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  SlvBoardItem *item;

  g_return_val_if_fail (SLV_IS_BOARD_DOC (self), FALSE);

  item = slv_board_doc_lookup (self, id);
  if (item == NULL)
    {
      g_set_error (error, SLV_BOARD_DOC_ERROR, SLV_BOARD_DOC_ERROR_NOT_FOUND,
                   _("The item to edit is no longer on the board."));
      return FALSE;
    }
  rgb &= 0xffffff;
  g_ptr_array_add (items, item);
  return edit_each (self, _("Change colour"), items, color_func, &rgb, error);
}

gboolean
slv_board_doc_set_fill (SlvBoardDoc        *self,
                        const char * const *ids,
                        guint32             rgb,
                        GError            **error)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) filled = g_ptr_array_new ();

  g_return_val_if_fail (SLV_IS_BOARD_DOC (self), FALSE);

  items = targets (self, ids, TRUE);
  for (guint i = 0; i < items->len; i++)
    {
      const char *kind = slv_board_item_get_state (g_ptr_array_index (items, i))->kind;

      if (g_strcmp0 (kind, "note") == 0 || g_strcmp0 (kind, "swatch") == 0 || g_strcmp0 (kind, "shape") == 0)
        g_ptr_array_add (filled, g_ptr_array_index (items, i));
    }
  if (filled->len == 0)
    {
      g_set_error (error, SLV_BOARD_DOC_ERROR, SLV_BOARD_DOC_ERROR_INVALID,
                   _("Select a note, swatch or shape to colour it."));
      return FALSE;
    }
  rgb &= 0xffffff;
  return edit_each (self, _("Change colour"), filled, color_func, &rgb, error);
}

/* -- the text of notes -- */

typedef struct
{
  double      font_size;   /* 0: keep */
  const char *text_color;  /* NULL: keep */
} NoteStyle;

static void
note_style_func (SlvBoardItemState *s,
                 gpointer           data)
{
  const NoteStyle *style = data;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  JsonObject *props;

  if (s->props != NULL && json_parser_load_from_data (parser, s->props, -1, NULL) &&
      JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    root = json_node_copy (json_parser_get_root (parser));
  else
    root = json_node_init_object (json_node_alloc (), json_object_new ());
  props = json_node_get_object (root);
  if (style->font_size > 0)
    json_object_set_double_member (props, "font-size", style->font_size);
  if (style->text_color != NULL)
    json_object_set_string_member (props, "text-color", style->text_color);
  json_generator_set_root (gen, root);
  g_free (s->props);
  s->props = json_generator_to_data (gen, NULL);
}

gboolean
slv_board_doc_set_note_style (SlvBoardDoc        *self,
                              const char * const *ids,
                              double              font_size,
                              const char         *text_color,
                              GError            **error)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) notes = g_ptr_array_new ();
  g_autofree char *hex = NULL;
  NoteStyle style = { 0, NULL };
  guint32 rgb;

  g_return_val_if_fail (SLV_IS_BOARD_DOC (self), FALSE);

  if (font_size != 0 && (!isfinite (font_size) || font_size < 4 || font_size > 400))
    {
      g_set_error (error, SLV_BOARD_DOC_ERROR, SLV_BOARD_DOC_ERROR_INVALID,
                   _("A note’s text size goes from 4 to 400 points."));
      return FALSE;
    }
  if (text_color != NULL && !slv_colour_parse_hex (text_color, &rgb))
    {
      g_set_error (error, SLV_BOARD_DOC_ERROR, SLV_BOARD_DOC_ERROR_INVALID,
                   _("“%s” is not a colour: use #rrggbb."), text_color);
      return FALSE;
    }
  if (text_color != NULL)
    hex = slv_colour_format_hex (rgb);
  style.font_size = font_size;
  style.text_color = hex;
  items = targets (self, ids, TRUE);
  for (guint i = 0; i < items->len; i++)
    if (g_strcmp0 (slv_board_item_get_state (g_ptr_array_index (items, i))->kind, "note") == 0)
      g_ptr_array_add (notes, g_ptr_array_index (items, i));
  if (notes->len == 0)
    {
      g_set_error (error, SLV_BOARD_DOC_ERROR, SLV_BOARD_DOC_ERROR_INVALID,
                   _("Select a note to change its text."));
      return FALSE;
    }
  return edit_each (self, _("Change note text"), notes, note_style_func, &style, error);
}
