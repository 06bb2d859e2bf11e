/* slv-board-painter-items.c: notes, swatches, style cards and shapes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-board-painter"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "slv-board-painter-private.h"
#include "core/slv-colour.h"

/* Text smaller than this on screen is left out (it cannot be read). */
#define MIN_TEXT_PX   2.5
/* Paints a laid-out text may go unused before it is dropped. */
#define TEXT_MAX_AGE  240

typedef enum
{
  SHAPE_RECTANGLE,
  SHAPE_ELLIPSE,
  SHAPE_LINE,
} ShapeKind;

typedef struct
{
  char        *key;        /* what it was made from */
  PangoLayout *layout;     /* NULL for shapes */
  guint64      used;       /* the paint that last used it */
  double       font_size;  /* board units */
  GdkRGBA      color;      /* text colour, or a shape's stroke */
  GdkRGBA      fill;       /* shapes */
  gboolean     has_fill;
  ShapeKind    shape;
  double       stroke;     /* board units */
} PainterText;

void
painter_text_free (gpointer data)
{
  PainterText *text = data;

  g_free (text->key);
  g_clear_object (&text->layout);
  g_free (text);
}

void
painter_age_texts (SlvBoardPainter *self)
{
  GHashTableIter iter;
  PainterText *text;

  if (self->paints % 60 != 0)
    return;
  g_hash_table_iter_init (&iter, self->texts);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &text))
    if (self->paints - text->used > TEXT_MAX_AGE)
      g_hash_table_iter_remove (&iter);
}

/* The cached entry of @item for @role if it was made from @key; else a
 * fresh one (to fill) that replaces it. *@fresh tells which. */
static PainterText *
text_entry (SlvBoardPainter *self,
            SlvBoardItem    *item,
            const char      *role,
            const char      *key,
            gboolean        *fresh)
{
  g_autofree char *id = g_strconcat (slv_entity_get_id (SLV_ENTITY (item)), "#", role, NULL);
  PainterText *text = g_hash_table_lookup (self->texts, id);

  *fresh = text == NULL || strcmp (text->key, key) != 0;
  if (*fresh)
    {
      text = g_new0 (PainterText, 1);
      text->key = g_strdup (key);
      g_hash_table_replace (self->texts, g_steal_pointer (&id), text);
    }
  text->used = self->paints;
  return text;
}

static JsonObject *
parse_props (const char *props)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (props == NULL || !json_parser_load_from_data (parser, props, -1, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  return json_object_ref (json_node_get_object (root));
}

static double
props_double (JsonObject *props,
              const char *key,
              double      fallback,
              double      lo,
              double      hi)
{
  JsonNode *node = props ? json_object_get_member (props, key) : NULL;
  double v;

  if (node == NULL || json_node_get_value_type (node) == G_TYPE_STRING ||
      !JSON_NODE_HOLDS_VALUE (node))
    return fallback;
  v = json_node_get_double (node);
  return isfinite (v) ? CLAMP (v, lo, hi) : fallback;
}

static const char *
props_string (JsonObject *props,
              const char *key)
{
  JsonNode *node = props ? json_object_get_member (props, key) : NULL;

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static PangoLayout *
new_layout (SlvBoardPainter *self,
            double           font_size,
            gboolean         bold,
            double           width,
            double           height)
{
  PangoLayout *layout = pango_layout_new (self->pango);
  PangoFontDescription *font = pango_font_description_from_string ("Sans");

  pango_font_description_set_absolute_size (font, MAX (font_size, 0.5) * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_width (layout, (int) (MAX (width, 1) * PANGO_SCALE));
  pango_layout_set_height (layout, (int) (MAX (height, 1) * PANGO_SCALE));
  return layout;
}

static gboolean
readable (const SlvBoardViewport *view,
          double                  font_size)
{
  return font_size * view->zoom >= MIN_TEXT_PX;
}

static void
card_background (GtkSnapshot        *snapshot,
                 const PainterFrame *frame,
                 const GdkRGBA      *fill)
{
  GdkRGBA edge = { 0, 0, 0, 0.14f };
  graphene_rect_t r;
  GskRoundedRect outline;
  float width;

  painter_frame_rect (frame, 0, 0, frame->w, frame->h, &r);
  gtk_snapshot_append_color (snapshot, fill, &r);
  /* a hairline edge, one screen pixel whatever the zoom */
  width = frame->simple ? 1.f : (float) (1 / frame->zoom);
  if (MIN (r.size.width, r.size.height) < 4 * width)
    return;
  gsk_rounded_rect_init_from_rect (&outline, &r, 0);
  gtk_snapshot_append_border (snapshot, &outline, (float[4]) { width, width, width, width },
                              (GdkRGBA[4]) { edge, edge, edge, edge });
}

/* -- notes -- */

void
painter_draw_note (SlvBoardPainter        *self,
                   GtkSnapshot            *snapshot,
                   SlvBoardItem           *item,
                   const SlvBoardViewport *view)
{
  const SlvBoardItemState *s = slv_board_item_get_state (item);
  double pad = MIN (12, MIN (s->w, s->h) / 6);
  g_autofree char *key = NULL;
  PainterFrame frame;
  PainterText *text;
  GdkRGBA fill;
  gboolean fresh;

  key = g_strdup_printf ("%s\x1f%s\x1f%.3f\x1f%.3f", s->text ? s->text : "", s->props ? s->props : "",
                         s->w, s->h);
  text = text_entry (self, item, "note", key, &fresh);
  if (fresh)
    {
      g_autoptr(JsonObject) props = parse_props (s->props);

      text->font_size = props_double (props, "font-size", 16, 1, 400);
      painter_rgba_from_hex (props_string (props, "text-color"), 0x2b2b2b, &text->color);
      text->layout = new_layout (self, text->font_size, FALSE, s->w - 2 * pad, s->h - 2 * pad);
      pango_layout_set_text (text->layout, s->text ? s->text : "", -1);
    }

  painter_rgba_from_hex (s->color, 0xfff4b8, &fill);
  if (s->opacity < 0.999)
    gtk_snapshot_push_opacity (snapshot, CLAMP (s->opacity, 0, 1));
  painter_frame_begin (&frame, snapshot, item, view, FALSE);
  card_background (snapshot, &frame, &fill);
  if (readable (view, text->font_size))
    painter_frame_layout (&frame, snapshot, text->layout, pad, pad, &text->color);
  painter_frame_end (&frame, snapshot);
  if (s->opacity < 0.999)
    gtk_snapshot_pop (snapshot);
}

/* -- swatches -- */

void
painter_draw_swatch (SlvBoardPainter        *self,
                     GtkSnapshot            *snapshot,
                     SlvBoardItem           *item,
                     const SlvBoardViewport *view)
{
  const SlvBoardItemState *s = slv_board_item_get_state (item);
  GdkRGBA white = { 1, 1, 1, 1 }, ink = { 0.17f, 0.17f, 0.17f, 1 }, colour;
  double block = s->h * 0.56, pad = s->w * 0.06, font = s->h * 0.075;
  g_autofree char *key = NULL;
  PainterFrame frame;
  PainterText *text;
  graphene_rect_t r;
  gboolean fresh;
  guint32 rgb;

  if (s->color == NULL || !slv_colour_parse_hex (s->color, &rgb))
    rgb = 0x808080;
  painter_rgba_from_rgb (rgb, 1, &colour);
  painter_frame_begin (&frame, snapshot, item, view, FALSE);
  /* a small swatch (a palette's) is its colour alone */
  if (MIN (s->w, s->h) < 60)
    {
      painter_frame_rect (&frame, 0, 0, s->w, s->h, &r);
      gtk_snapshot_append_color (snapshot, &colour, &r);
      painter_frame_end (&frame, snapshot);
      return;
    }
  card_background (snapshot, &frame, &white);
  painter_frame_rect (&frame, 0, 0, s->w, block, &r);
  gtk_snapshot_append_color (snapshot, &colour, &r);
  if (readable (view, font))
    {
      key = g_strdup_printf ("%06x\x1f%s\x1f%.3f\x1f%.3f", rgb, s->text ? s->text : "", s->w, s->h);
      text = text_entry (self, item, "swatch", key, &fresh);
      if (fresh)
        {
          g_autofree char *hex = slv_colour_format_hex (rgb);
          g_autofree char *hex_up = g_ascii_strup (hex, -1);
          g_autofree char *markup = NULL;
          g_autofree char *lab_text = NULL;
          const char *name = s->text && *s->text ? s->text : slv_colour_nearest_name (rgb, NULL);
          SlvLab lab;

          slv_rgb_to_lab (rgb, &lab);
          lab_text = slv_colour_format_lab (&lab);
          markup = g_markup_printf_escaped ("<b>%s</b>\n%s\nRGB %u %u %u\n%s", name, hex_up,
                                            SLV_RGB_R (rgb), SLV_RGB_G (rgb), SLV_RGB_B (rgb), lab_text);
          text->font_size = font;
          text->layout = new_layout (self, font, FALSE, s->w - 2 * pad, s->h - block - pad);
          pango_layout_set_ellipsize (text->layout, PANGO_ELLIPSIZE_END);
          pango_layout_set_wrap (text->layout, PANGO_WRAP_CHAR);
          pango_layout_set_markup (text->layout, markup, -1);
        }
      painter_frame_layout (&frame, snapshot, text->layout, pad, block + pad * 0.8, &ink);
    }
  painter_frame_end (&frame, snapshot);
}

/* -- style cards -- */

const char *
painter_style_cover (SlvBoardPainter *self,
                     SlvBoardItem    *item)
{
  const SlvStyleCardInfo *info;

  if (self->cards == NULL)
    return NULL;
  info = slv_style_cards_lookup (self->cards, slv_board_item_get_style_id (item));
  return info ? info->cover_blob : NULL;
}

static char *
style_markup (const SlvStyleCardInfo *info)
{
  GString *out = g_string_new (NULL);

  if (info == NULL)
    return g_markup_printf_escaped ("<span alpha='60%%'>%s</span>", _("Loading…"));
  g_string_append_printf (out, "<span size='80%%' alpha='65%%' letter_spacing='600'>%s</span>\n<b>%s</b>\n",
                          info->code ? info->code : "", info->name ? info->name : "");
  if (info->fob != NULL)
    g_string_append_printf (out, "%s <b>%s</b>\n", _("FOB"), info->fob);
  if (info->retail != NULL)
    g_string_append_printf (out, "%s <b>%s</b>", _("Retail"), info->retail);
  if (info->problem != NULL && (info->fob == NULL || info->retail == NULL))
    g_string_append_printf (out, "<span size='80%%' alpha='65%%'>%s</span>", info->problem);
  return g_string_free (out, FALSE);
}

static void
draw_cover_placeholder (SlvBoardPainter        *self,
                        GtkSnapshot            *snapshot,
                        const PainterFrame     *frame,
                        SlvBoardItem           *item,
                        const SlvStyleCardInfo *info,
                        const SlvBoardViewport *view,
                        double                  height)
{
  GdkRGBA tint = { 0.925f, 0.91f, 0.88f, 1 }, ink = { 0.45f, 0.42f, 0.38f, 1 };
  g_autofree char *key = NULL;
  PainterText *text;
  graphene_rect_t r;
  gboolean fresh;
  double font;

  painter_frame_rect (frame, 0, 0, frame->w, height, &r);
  gtk_snapshot_append_color (snapshot, &tint, &r);
  if (info == NULL || info->code == NULL)
    return;
  /* the code, as large as fits across the card */
  font = MIN (height * 0.16, frame->w * 0.84 / MAX (g_utf8_strlen (info->code, -1), 1) / 0.62);
  if (!readable (view, font))
    return;
  key = g_strdup_printf ("%s\x1f%.3f", info->code, frame->w);
  text = text_entry (self, item, "cover", key, &fresh);
  if (fresh)
    {
      text->layout = new_layout (self, font, TRUE, frame->w, font * 1.6);
      pango_layout_set_alignment (text->layout, PANGO_ALIGN_CENTER);
      pango_layout_set_text (text->layout, info->code, -1);
    }
  painter_frame_layout (frame, snapshot, text->layout, 0, (height - font * 1.3) / 2, &ink);
}

void
painter_draw_style (SlvBoardPainter        *self,
                    GtkSnapshot            *snapshot,
                    SlvBoardItem           *item,
                    const SlvBoardViewport *view,
                    SlvMipLevel             cover_level)
{
  const SlvBoardItemState *s = slv_board_item_get_state (item);
  const SlvStyleCardInfo *info = self->cards ? slv_style_cards_lookup (self->cards, s->style_id) : NULL;
  GdkRGBA white = { 1, 1, 1, 1 }, ink = { 0.13f, 0.13f, 0.13f, 1 };
  double cover = MIN (s->w * 0.8, s->h * 0.6), pad = s->w * 0.06, font = s->w * 0.06;
  g_autofree char *markup = NULL;
  g_autofree char *key = NULL;
  PainterFrame frame;
  PainterText *text;
  gboolean fresh;

  painter_frame_begin (&frame, snapshot, item, view, FALSE);
  card_background (snapshot, &frame, &white);
  if (info != NULL && info->cover_blob != NULL)
    painter_draw_picture (self, snapshot, &frame, info->cover_blob, cover_level, -1, NULL, 0, 0,
                          s->w, cover);
  else
    draw_cover_placeholder (self, snapshot, &frame, item, info, view, cover);
  if (readable (view, font))
    {
      markup = style_markup (info);
      key = g_strdup_printf ("%s\x1f%.3f\x1f%.3f", markup, s->w, s->h);
      text = text_entry (self, item, "style", key, &fresh);
      if (fresh)
        {
          text->layout = new_layout (self, font, FALSE, s->w - 2 * pad, s->h - cover - 2 * pad);
          pango_layout_set_spacing (text->layout, (int) (font * 0.25 * PANGO_SCALE));
          pango_layout_set_markup (text->layout, markup, -1);
        }
      painter_frame_layout (&frame, snapshot, text->layout, pad, cover + pad, &ink);
    }
  painter_frame_end (&frame, snapshot);
}

/* -- shapes -- */

static PainterText *
shape_entry (SlvBoardPainter *self,
             SlvBoardItem    *item)
{
  const SlvBoardItemState *s = slv_board_item_get_state (item);
  g_autofree char *key = g_strdup_printf ("%s\x1f%s", s->props ? s->props : "", s->color ? s->color : "");
  PainterText *shape;
  gboolean fresh;

  shape = text_entry (self, item, "shape", key, &fresh);
  if (fresh)
    {
      g_autoptr(JsonObject) props = parse_props (s->props);
      const char *kind = props_string (props, "shape");
      const char *fill = props_string (props, "fill");

      shape->shape = g_strcmp0 (kind, "ellipse") == 0 ? SHAPE_ELLIPSE
                   : g_strcmp0 (kind, "line") == 0 ? SHAPE_LINE : SHAPE_RECTANGLE;
      shape->stroke = props_double (props, "stroke-width", 2, 0, 1000);
      painter_rgba_from_hex (s->color, 0x2b2b2b, &shape->color);
      shape->has_fill = fill != NULL;
      if (fill != NULL)
        painter_rgba_from_hex (fill, 0xffffff, &shape->fill);
    }
  return shape;
}

static void
draw_line (GtkSnapshot        *snapshot,
           const PainterFrame *frame,
           const PainterText  *shape)
{
  double k = frame->simple ? frame->zoom : 1;
  double length = hypot (frame->w, frame->h) * k;
  double width = MAX (shape->stroke * k, frame->simple ? 1 : 1 / frame->zoom);

  gtk_snapshot_save (snapshot);
  if (frame->simple)
    gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (frame->ox, frame->oy));
  gtk_snapshot_rotate (snapshot, atan2 (frame->h, frame->w) * 180 / G_PI);
  gtk_snapshot_append_color (snapshot, &shape->color,
                             &GRAPHENE_RECT_INIT (0, -width / 2, length, width));
  gtk_snapshot_restore (snapshot);
}

void
painter_draw_shape (SlvBoardPainter        *self,
                    GtkSnapshot            *snapshot,
                    SlvBoardItem           *item,
                    const SlvBoardViewport *view)
{
  const SlvBoardItemState *s = slv_board_item_get_state (item);
  PainterText *shape = shape_entry (self, item);
  PainterFrame frame;
  GskRoundedRect outline;
  graphene_rect_t r;
  float width;

  if (s->opacity < 0.999)
    gtk_snapshot_push_opacity (snapshot, CLAMP (s->opacity, 0, 1));
  painter_frame_begin (&frame, snapshot, item, view, TRUE);
  if (shape->shape == SHAPE_LINE)
    draw_line (snapshot, &frame, shape);
  else
    {
      painter_frame_rect (&frame, 0, 0, s->w, s->h, &r);
      width = (float) (shape->stroke * (frame.simple ? view->zoom : 1));
      width = MIN (width, MIN (r.size.width, r.size.height) / 2);
      if (shape->shape == SHAPE_ELLIPSE)
        {
          graphene_size_t radius = GRAPHENE_SIZE_INIT (r.size.width / 2, r.size.height / 2);

          gsk_rounded_rect_init (&outline, &r, &radius, &radius, &radius, &radius);
        }
      else
        gsk_rounded_rect_init_from_rect (&outline, &r, 0);
      if (shape->has_fill)
        {
          gtk_snapshot_push_rounded_clip (snapshot, &outline);
          gtk_snapshot_append_color (snapshot, &shape->fill, &r);
          gtk_snapshot_pop (snapshot);
        }
      if (width > 0)
        gtk_snapshot_append_border (snapshot, &outline, (float[4]) { width, width, width, width },
                                    (GdkRGBA[4]) { shape->color, shape->color, shape->color, shape->color });
    }
  painter_frame_end (&frame, snapshot);
  if (s->opacity < 0.999)
    gtk_snapshot_pop (snapshot);
}
