/* slv-board-sketch.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-board-sketch"

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <stdio.h>

#include "slv-board-sketch.h"

typedef struct
{
  SlvReviewItem   *item;
  cairo_surface_t *image;   /* NULL for non-images and undecodable ones */
  int              width;
  int              height;
} SketchItem;

struct _SlvBoardSketch
{
  GPtrArray *items;   /* SketchItem, bottom first */
};

static void
sketch_item_free (gpointer data)
{
  SketchItem *si = data;

  g_clear_pointer (&si->image, cairo_surface_destroy);
  slv_review_item_free (si->item);
  g_free (si);
}

SlvBoardSketch *
slv_board_sketch_new (void)
{
  SlvBoardSketch *sketch = g_new0 (SlvBoardSketch, 1);

  sketch->items = g_ptr_array_new_with_free_func (sketch_item_free);
  return sketch;
}

void
slv_board_sketch_free (SlvBoardSketch *sketch)
{
  if (sketch == NULL)
    return;
  g_ptr_array_unref (sketch->items);
  g_free (sketch);
}

static SlvReviewItem *
copy_item (const SlvReviewItem *item)
{
  SlvReviewItem *c = g_new0 (SlvReviewItem, 1);

  *c = *item;
  c->id = g_strdup (item->id);
  c->kind = g_strdup (item->kind);
  c->blob = g_strdup (item->blob);
  c->color = g_strdup (item->color);
  c->text = g_strdup (item->text);
  return c;
}

/* Big images are decoded at most SLV_BOARD_SKETCH_MAX_PIXELS on a side:
 * a report page shows them far smaller. */
static void
size_prepared_cb (GdkPixbufLoader *loader,
                  int              width,
                  int              height,
                  gpointer         user_data)
{
  double scale = (double) SLV_BOARD_SKETCH_MAX_PIXELS / MAX (width, height);

  if (scale < 1)
    gdk_pixbuf_loader_set_size (loader, MAX (1, (int) (width * scale)), MAX (1, (int) (height * scale)));
}

/* The loader for the bytes' format, told by their first bytes: sniffing
 * through the MIME database would fail where XDG_DATA_DIRS has none. */
static GdkPixbufLoader *
loader_for (GBytes *bytes)
{
  static const struct { const char *magic; gsize offset, len; const char *type; } formats[] = {
    { "\x89PNG\r\n\x1a\n", 0, 8, "png" },
    { "\xff\xd8\xff", 0, 3, "jpeg" },
    { "GIF8", 0, 4, "gif" },
    { "WEBP", 8, 4, "webp" },
  };
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (size >= formats[i].offset + formats[i].len &&
        memcmp (data + formats[i].offset, formats[i].magic, formats[i].len) == 0)
      {
        GdkPixbufLoader *loader = gdk_pixbuf_loader_new_with_type (formats[i].type, NULL);

        if (loader != NULL)
          return loader;
      }
  return gdk_pixbuf_loader_new ();
}

static GdkPixbuf *
decode (GBytes *bytes)
{
  g_autoptr(GdkPixbufLoader) loader = loader_for (bytes);
  g_autoptr(GError) error = NULL;
  GdkPixbuf *pixbuf;

  g_signal_connect (loader, "size-prepared", G_CALLBACK (size_prepared_cb), NULL);
  if (!gdk_pixbuf_loader_write_bytes (loader, bytes, &error) || !gdk_pixbuf_loader_close (loader, &error))
    {
      g_debug ("Image not drawn: %s", error->message);
      gdk_pixbuf_loader_close (loader, NULL);
      return NULL;
    }
  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  return pixbuf ? gdk_pixbuf_apply_embedded_orientation (pixbuf) : NULL;
}

/* Premultiplied ARGB32, greyed (Rec. 709 luma) if asked. */
static cairo_surface_t *
surface_from_pixbuf (GdkPixbuf *pixbuf,
                     gboolean   grayscale)
{
  int w = gdk_pixbuf_get_width (pixbuf), h = gdk_pixbuf_get_height (pixbuf);
  int n = gdk_pixbuf_get_n_channels (pixbuf), stride = gdk_pixbuf_get_rowstride (pixbuf);
  gboolean alpha = gdk_pixbuf_get_has_alpha (pixbuf);
  const guint8 *src = gdk_pixbuf_read_pixels (pixbuf);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  guint8 *dst;
  int dstride;

  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS || n < 3)
    {
      cairo_surface_destroy (surface);
      return NULL;
    }
  cairo_surface_flush (surface);
  dst = cairo_image_surface_get_data (surface);
  dstride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < h; y++)
    {
      const guint8 *s = src + (gsize) y * stride;
      guint32 *d = (guint32 *) (dst + (gsize) y * dstride);

      for (int x = 0; x < w; x++, s += n)
        {
          guint r = s[0], g = s[1], b = s[2], a = alpha ? s[3] : 255;

          if (grayscale)
            r = g = b = (54 * r + 183 * g + 19 * b) >> 8;
          r = (r * a + 127) / 255;
          g = (g * a + 127) / 255;
          b = (b * a + 127) / 255;
          d[x] = (a << 24) | (r << 16) | (g << 8) | b;
        }
    }
  cairo_surface_mark_dirty (surface);
  return surface;
}

void
slv_board_sketch_add_item (SlvBoardSketch      *sketch,
                           const SlvReviewItem *item,
                           GBytes              *image)
{
  SketchItem *si;

  g_return_if_fail (sketch != NULL && item != NULL);

  si = g_new0 (SketchItem, 1);
  si->item = copy_item (item);
  if (image != NULL)
    {
      g_autoptr(GdkPixbuf) pixbuf = decode (image);

      if (pixbuf != NULL && (si->image = surface_from_pixbuf (pixbuf, item->grayscale)) != NULL)
        {
          si->width = gdk_pixbuf_get_width (pixbuf);
          si->height = gdk_pixbuf_get_height (pixbuf);
        }
    }
  g_ptr_array_add (sketch->items, si);
}

void
slv_board_sketch_get_bounds (SlvBoardSketch *sketch,
                             SlvFrameRect   *bounds)
{
  g_return_if_fail (sketch != NULL && bounds != NULL);

  slv_frame_rect_init_empty (bounds);
  for (guint i = 0; i < sketch->items->len; i++)
    {
      const SketchItem *si = sketch->items->pdata[i];
      const SlvItemFrame *f = &si->item->frame;
      SlvItemFrame outline = *f;
      const double corners[4][2] = { { 0, 0 }, { 1, 0 }, { 1, 1 }, { 0, 1 } };

      /* The item's outline is the frame's shown part: map its corners. */
      outline.crop_x = outline.crop_y = 0;
      outline.crop_w = outline.crop_h = 1;
      for (guint k = 0; k < 4; k++)
        {
          double x, y;

          slv_item_frame_to_board (&outline, corners[k][0], corners[k][1], &x, &y);
          slv_frame_rect_add_point (bounds, x, y);
        }
    }
}

static gboolean
parse_colour (const char *hex,
              double      rgb[3])
{
  guint v;

  if (hex == NULL || hex[0] != '#' || strlen (hex) != 7 || sscanf (hex + 1, "%6x", &v) != 1)
    return FALSE;
  rgb[0] = ((v >> 16) & 0xff) / 255.0;
  rgb[1] = ((v >> 8) & 0xff) / 255.0;
  rgb[2] = (v & 0xff) / 255.0;
  return TRUE;
}

/* Item-local units: (0, 0)–(w, h) of the unturned item. */
static void
enter_local (cairo_t            *cr,
             const SlvItemFrame *f)
{
  cairo_translate (cr, f->x + f->w / 2, f->y + f->h / 2);
  cairo_rotate (cr, f->rotation * G_PI / 180.0);
  cairo_translate (cr, -f->w / 2, -f->h / 2);
}

static void
draw_text (cairo_t    *cr,
           const char *text,
           double      x,
           double      y,
           double      width,
           double      size)
{
  g_autoptr(PangoLayout) layout = NULL;
  PangoFontDescription *font;

  if (text == NULL || *text == '\0' || width <= 0 || !g_utf8_validate (text, -1, NULL))
    return;
  layout = pango_cairo_create_layout (cr);
  font = pango_font_description_from_string ("Sans");
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_image (cairo_t          *cr,
            const SketchItem *si)
{
  const SlvItemFrame *f = &si->item->frame;
  SlvFrameMatrix m;
  cairo_matrix_t cm;

  slv_item_frame_get_matrix (f, &m);
  cairo_matrix_init (&cm, m.xx, m.yx, m.xy, m.yy, m.x0, m.y0);
  cairo_transform (cr, &cm);
  cairo_rectangle (cr, f->crop_x, f->crop_y, f->crop_w, f->crop_h);
  cairo_clip (cr);
  cairo_scale (cr, 1.0 / si->width, 1.0 / si->height);
  cairo_set_source_surface (cr, si->image, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
  cairo_paint_with_alpha (cr, CLAMP (si->item->opacity, 0, 1));
}

static void
draw_other (cairo_t          *cr,
            const SketchItem *si)
{
  const SlvReviewItem *item = si->item;
  const SlvItemFrame *f = &item->frame;
  double alpha = CLAMP (item->opacity, 0, 1);
  double rgb[3] = { 0.6, 0.6, 0.6 };
  gboolean has_colour = parse_colour (item->color, rgb);

  enter_local (cr, f);
  cairo_rectangle (cr, 0, 0, f->w, f->h);
  if (g_strcmp0 (item->kind, "swatch") == 0)
    {
      cairo_set_source_rgba (cr, rgb[0], rgb[1], rgb[2], alpha);
      cairo_fill (cr);
    }
  else if (g_strcmp0 (item->kind, "note") == 0)
    {
      cairo_set_source_rgba (cr, 1.0, 0.97, 0.75, alpha);
      cairo_fill (cr);
      cairo_set_source_rgba (cr, 0.2, 0.2, 0.2, alpha);
      cairo_rectangle (cr, 0, 0, f->w, f->h);
      cairo_clip (cr);
      draw_text (cr, item->text, 8, 8, f->w - 16, MAX (8, MIN (f->h / 3, 16)));
    }
  else if (g_strcmp0 (item->kind, "image") == 0)
    {
      /* The picture is missing or unreadable: a placeholder. */
      cairo_set_source_rgba (cr, 0.85, 0.85, 0.85, alpha);
      cairo_fill (cr);
      cairo_move_to (cr, 0, 0);
      cairo_line_to (cr, f->w, f->h);
      cairo_move_to (cr, f->w, 0);
      cairo_line_to (cr, 0, f->h);
      cairo_set_source_rgba (cr, 0.6, 0.6, 0.6, alpha);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
    }
  else
    {
      /* Style cards, shapes: an outline, text if any. */
      cairo_set_source_rgba (cr, 1, 1, 1, alpha);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, has_colour ? rgb[0] : 0.4, has_colour ? rgb[1] : 0.4,
                             has_colour ? rgb[2] : 0.4, alpha);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
      draw_text (cr, item->text, 8, 8, f->w - 16, 12);
    }
}

void
slv_board_sketch_draw (cairo_t            *cr,
                       const SlvFrameRect *area,
                       gpointer            user_data)
{
  SlvBoardSketch *sketch = user_data;

  g_return_if_fail (cr != NULL && sketch != NULL);

  for (guint i = 0; i < sketch->items->len; i++)
    {
      const SketchItem *si = sketch->items->pdata[i];

      cairo_save (cr);
      if (si->image != NULL)
        draw_image (cr, si);
      else
        draw_other (cr, si);
      cairo_restore (cr);
    }
}
