/* slv-board-painter.c: frames, pictures, the mip plan and the paint loop.
 * Notes, swatches, style cards and shapes are in slv-board-painter-items.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-board-painter"

#include "config.h"

#include <math.h>
#include <string.h>

#include "slv-board-painter-private.h"
#include "core/slv-colour.h"

G_DEFINE_FINAL_TYPE (SlvBoardPainter, slv_board_painter, G_TYPE_OBJECT)

#define PLACEHOLDER_RGB 0xd4d4d0
#define BROKEN_RGB      0xe8d6d2

void
painter_rgba_from_rgb (guint32  rgb,
                       double   alpha,
                       GdkRGBA *out)
{
  out->red = SLV_RGB_R (rgb) / 255.f;
  out->green = SLV_RGB_G (rgb) / 255.f;
  out->blue = SLV_RGB_B (rgb) / 255.f;
  out->alpha = alpha;
}

void
painter_rgba_from_hex (const char *hex,
                       guint32     fallback,
                       GdkRGBA    *out)
{
  guint32 rgb;

  if (hex == NULL || !slv_colour_parse_hex (hex, &rgb))
    rgb = fallback;
  painter_rgba_from_rgb (rgb, 1, out);
}

GskTransform *
painter_item_transform (const SlvItemGeom      *g,
                        const SlvBoardViewport *view,
                        gboolean                content)
{
  SlvPoint c = slv_item_geom_get_center (g);
  double sx = content && g->flip_h ? -1 : 1, sy = content && g->flip_v ? -1 : 1;
  GskTransform *t;

  /* as slv_item_geom_get_content_transform(), then onto the snapshot;
   * built from 2-D steps so every renderer can draw it */
  t = gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT ((c.x - view->x) * view->zoom,
                                                           (c.y - view->y) * view->zoom));
  t = gsk_transform_rotate (t, g->rotation);
  t = gsk_transform_scale (t, sx * view->zoom, sy * view->zoom);
  return gsk_transform_translate (t, &GRAPHENE_POINT_INIT (-g->w / 2, -g->h / 2));
}

void
painter_frame_begin (PainterFrame           *frame,
                     GtkSnapshot            *snapshot,
                     SlvBoardItem           *item,
                     const SlvBoardViewport *view,
                     gboolean                content)
{
  const SlvBoardItemState *s = slv_board_item_get_state (item);
  GskTransform *t;
  SlvItemGeom g;
  double z = view->zoom;

  frame->zoom = z;
  frame->w = s->w;
  frame->h = s->h;
  if (fabs (s->rotation) < 1e-9 && (!content || (!s->flip_h && !s->flip_v)))
    {
      frame->simple = TRUE;
      frame->ox = (s->x - view->x) * z;
      frame->oy = (s->y - view->y) * z;
      return;
    }
  frame->simple = FALSE;
  slv_board_item_state_get_geom (s, &g);
  t = painter_item_transform (&g, view, content);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_transform (snapshot, t);
  gsk_transform_unref (t);
}

void
painter_frame_end (PainterFrame *frame,
                   GtkSnapshot  *snapshot)
{
  if (!frame->simple)
    gtk_snapshot_restore (snapshot);
}

void
painter_frame_rect (const PainterFrame *frame,
                    double              x,
                    double              y,
                    double              w,
                    double              h,
                    graphene_rect_t    *out)
{
  if (frame->simple)
    graphene_rect_init (out, frame->ox + x * frame->zoom, frame->oy + y * frame->zoom,
                        w * frame->zoom, h * frame->zoom);
  else
    graphene_rect_init (out, x, y, w, h);
}

void
painter_frame_layout (const PainterFrame *frame,
                      GtkSnapshot        *snapshot,
                      PangoLayout        *layout,
                      double              x,
                      double              y,
                      const GdkRGBA      *color)
{
  gtk_snapshot_save (snapshot);
  if (frame->simple)
    {
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (frame->ox + x * frame->zoom,
                                                              frame->oy + y * frame->zoom));
      gtk_snapshot_scale (snapshot, frame->zoom, frame->zoom);
    }
  else
    gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
draw_placeholder (GtkSnapshot           *snapshot,
                  const graphene_rect_t *r,
                  gboolean               broken)
{
  GdkRGBA fill, line;
  GskRoundedRect outline;
  float width = MIN (2.f, MIN (r->size.width, r->size.height) / 8.f);

  painter_rgba_from_rgb (broken ? BROKEN_RGB : PLACEHOLDER_RGB, 1, &fill);
  gtk_snapshot_append_color (snapshot, &fill, r);
  if (!broken || width < 0.5f)
    return;
  /* a damaged picture: a red-grey frame and a bar across */
  painter_rgba_from_rgb (0xa05a50, 1, &line);
  gsk_rounded_rect_init_from_rect (&outline, r, 0);
  gtk_snapshot_append_border (snapshot, &outline,
                              (float[4]) { width, width, width, width },
                              (GdkRGBA[4]) { line, line, line, line });
  gtk_snapshot_append_color (snapshot, &line,
                             &GRAPHENE_RECT_INIT (r->origin.x + r->size.width * 0.25f,
                                                  r->origin.y + r->size.height * 0.5f - width / 2,
                                                  r->size.width * 0.5f, width));
}

static SlvMipImage *
find_image (SlvBoardPainter *self,
            const char      *sha256,
            SlvMipLevel      level)
{
  SlvMipImage *image;

  if (self->offscreen)
    {
      image = g_hash_table_lookup (self->pinned, sha256);
      return image ? g_object_ref (image) : NULL;
    }
  if (level == SLV_MIP_NONE)
    return NULL;
  return slv_mip_cache_lookup_best (self->cache, sha256, level);
}

void
painter_draw_picture (SlvBoardPainter    *self,
                      GtkSnapshot        *snapshot,
                      const PainterFrame *frame,
                      const char         *sha256,
                      SlvMipLevel         level,
                      gint64              mean,
                      const SlvRect      *crop,
                      double              x,
                      double              y,
                      double              w,
                      double              h)
{
  g_autoptr(SlvMipImage) image = NULL;
  graphene_rect_t r, t;
  GdkRGBA colour;
  guint32 rgb;
  int iw, ih;

  painter_frame_rect (frame, x, y, w, h, &r);
  image = sha256 ? find_image (self, sha256, level) : NULL;
  if (!self->offscreen && sha256 != NULL && level != SLV_MIP_NONE &&
      (image == NULL || slv_mip_image_get_level (image) < level))
    self->n_pending++;
  if (image == NULL)
    {
      if (mean < 0 && sha256 != NULL && slv_mip_cache_get_info (self->cache, sha256, &iw, &ih, &rgb))
        mean = rgb;
      if (sha256 != NULL && level != SLV_MIP_NONE && slv_mip_cache_has_failed (self->cache, sha256))
        {
          self->n_pending--;
          draw_placeholder (snapshot, &r, TRUE);
        }
      else if (mean >= 0)
        {
          painter_rgba_from_rgb ((guint32) mean, 1, &colour);
          gtk_snapshot_append_color (snapshot, &colour, &r);
        }
      else
        draw_placeholder (snapshot, &r, sha256 != NULL && slv_mip_cache_has_failed (self->cache, sha256));
      return;
    }
  if (crop == NULL || (crop->x <= 0 && crop->y <= 0 && crop->w >= 1 && crop->h >= 1))
    {
      gtk_snapshot_append_texture (snapshot, painter_texture_for (self, image), &r);
      return;
    }
  graphene_rect_init (&t, r.origin.x - crop->x * r.size.width / crop->w,
                      r.origin.y - crop->y * r.size.height / crop->h,
                      r.size.width / crop->w, r.size.height / crop->h);
  gtk_snapshot_push_clip (snapshot, &r);
  gtk_snapshot_append_texture (snapshot, painter_texture_for (self, image), &t);
  gtk_snapshot_pop (snapshot);
}

static void
push_grayscale (GtkSnapshot *snapshot)
{
  /* Rec. 709 luma in every channel; alpha kept */
  static const float luma[16] = {
    0.2126f, 0.2126f, 0.2126f, 0,
    0.7152f, 0.7152f, 0.7152f, 0,
    0.0722f, 0.0722f, 0.0722f, 0,
    0, 0, 0, 1,
  };
  graphene_matrix_t matrix;

  graphene_matrix_init_from_float (&matrix, luma);
  gtk_snapshot_push_color_matrix (snapshot, &matrix, graphene_vec4_zero ());
}

static void
draw_image (SlvBoardPainter        *self,
            GtkSnapshot            *snapshot,
            SlvBoardItem           *item,
            const SlvBoardViewport *view,
            SlvMipLevel             level,
            gint64                  mean)
{
  const SlvBoardItemState *s = slv_board_item_get_state (item);
  gboolean fade = s->opacity < 0.999;
  PainterFrame frame;
  SlvRect crop;

  slv_board_item_parse_crop (s->crop, &crop);
  if (fade)
    gtk_snapshot_push_opacity (snapshot, CLAMP (s->opacity, 0, 1));
  if (s->grayscale)
    push_grayscale (snapshot);
  painter_frame_begin (&frame, snapshot, item, view, TRUE);
  painter_draw_picture (self, snapshot, &frame, s->blob, level, mean, &crop, 0, 0, s->w, s->h);
  painter_frame_end (&frame, snapshot);
  if (s->grayscale)
    gtk_snapshot_pop (snapshot);
  if (fade)
    gtk_snapshot_pop (snapshot);
}

static gboolean
wanted (SlvBoardPainter *self,
        SlvBoardItem    *item)
{
  SlvBoardItem *top = item;
  const char *group;

  if (self->only == NULL)
    return TRUE;
  /* groups nest a few levels at most; the bound guards against a cycle */
  for (guint depth = 0; depth < 64 && (group = slv_board_item_get_group_id (top)) != NULL; depth++)
    {
      SlvBoardItem *parent = slv_board_doc_lookup (self->doc, group);

      if (parent == NULL)
        break;
      top = parent;
    }
  return g_hash_table_contains (self->only, slv_entity_get_id (SLV_ENTITY (top)));
}

static const char *
picture_of (SlvBoardPainter *self,
            SlvBoardItem    *item,
            SlvRect         *crop)
{
  switch (slv_board_item_get_kind (item))
    {
    case SLV_BOARD_ITEM_IMAGE:
      slv_board_item_get_crop (item, crop);
      return slv_board_item_get_blob (item);
    case SLV_BOARD_ITEM_STYLE:
      *crop = slv_rect_make (0, 0, 1, 1);
      return painter_style_cover (self, item);
    case SLV_BOARD_ITEM_NOTE:
    case SLV_BOARD_ITEM_SWATCH:
    case SLV_BOARD_ITEM_SHAPE:
    case SLV_BOARD_ITEM_GROUP:
    default:
      return NULL;
    }
}

typedef struct
{
  const char *sha256;   /* the string it was read for (the item's own) */
  int         width, height;
  guint32     mean;
} PainterInfo;

/* The picture's size and mean colour, remembered per item so a frame of
 * thousands of pictures asks the cache only for what it has not seen. */
static gboolean
picture_info (SlvBoardPainter *self,
              SlvBoardItem    *item,
              const char      *sha256,
              int             *width,
              int             *height,
              guint32         *mean)
{
  PainterInfo *info = g_hash_table_lookup (self->infos, item);

  if (info == NULL || info->sha256 != sha256 || strcmp (info->sha256, sha256) != 0)
    {
      int w, h;
      guint32 rgb;

      if (!slv_mip_cache_get_info (self->cache, sha256, &w, &h, &rgb))
        return FALSE;
      /* items come and go: start afresh rather than grow without end */
      if (g_hash_table_size (self->infos) > 2 * g_list_model_get_n_items (slv_board_doc_get_items (self->doc)) + 64)
        g_hash_table_remove_all (self->infos);
      info = g_new (PainterInfo, 1);
      *info = (PainterInfo) { sha256, w, h, rgb };
      g_hash_table_replace (self->infos, item, info);
    }
  *width = info->width;
  *height = info->height;
  *mean = info->mean;
  return TRUE;
}

/* Fills self->levels and self->means (one per found item): the level each
 * picture needs, stepped down together to stay within the cache's budget. */
static void
plan_levels (SlvBoardPainter        *self,
             const SlvBoardViewport *view,
             gboolean                budgeted)
{
  g_autoptr(GArray) owners = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree SlvMipLevel *planned = NULL;

  g_array_set_size (self->levels, self->found->len);
  g_array_set_size (self->means, self->found->len);
  g_array_set_size (self->requests, 0);
  for (guint i = 0; i < self->found->len; i++)
    {
      SlvBoardItem *item = g_ptr_array_index (self->found, i);
      const SlvBoardItemState *s = slv_board_item_get_state (item);
      SlvMipRequest request;
      const char *sha;
      SlvRect crop;
      guint32 rgb;

      g_array_index (self->levels, SlvMipLevel, i) = SLV_MIP_NONE;
      g_array_index (self->means, gint64, i) = -1;
      sha = picture_of (self, item, &crop);
      if (sha == NULL || !picture_info (self, item, sha, &request.src_w, &request.src_h, &rgb))
        continue;
      g_array_index (self->means, gint64, i) = rgb;
      request.screen_px = MAX (s->w / MAX (crop.w, 1e-6), s->h / MAX (crop.h, 1e-6)) * view->zoom * view->scale;
      g_array_append_val (self->requests, request);
      g_array_append_val (owners, i);
    }
  planned = g_new (SlvMipLevel, MAX (self->requests->len, 1));
  if (budgeted)
    slv_mip_plan ((SlvMipRequest *) (gpointer) self->requests->data, self->requests->len,
                  slv_mip_cache_get_budget (self->cache), planned);
  else
    for (guint k = 0; k < self->requests->len; k++)
      {
        SlvMipRequest *r = &g_array_index (self->requests, SlvMipRequest, k);

        planned[k] = slv_mip_level_for (r->src_w, r->src_h, r->screen_px);
      }
  for (guint k = 0; k < owners->len; k++)
    g_array_index (self->levels, SlvMipLevel, g_array_index (owners, guint, k)) = planned[k];
}

static void
find_items (SlvBoardPainter        *self,
            const SlvBoardViewport *view)
{
  SlvRect visible = slv_rect_make (view->x, view->y, view->width / view->zoom, view->height / view->zoom);

  g_ptr_array_set_size (self->found, 0);
  slv_board_doc_query_rect (self->doc, &visible, self->found);
}

static void
draw_item (SlvBoardPainter        *self,
           GtkSnapshot            *snapshot,
           SlvBoardItem           *item,
           const SlvBoardViewport *view,
           SlvMipLevel             level,
           gint64                  mean)
{
  switch (slv_board_item_get_kind (item))
    {
    case SLV_BOARD_ITEM_IMAGE:
      draw_image (self, snapshot, item, view, level, mean);
      break;
    case SLV_BOARD_ITEM_NOTE:
      painter_draw_note (self, snapshot, item, view);
      break;
    case SLV_BOARD_ITEM_SWATCH:
      painter_draw_swatch (self, snapshot, item, view);
      break;
    case SLV_BOARD_ITEM_STYLE:
      painter_draw_style (self, snapshot, item, view, level);
      break;
    case SLV_BOARD_ITEM_SHAPE:
      painter_draw_shape (self, snapshot, item, view);
      break;
    case SLV_BOARD_ITEM_GROUP:
    default:
      return;
    }
  self->n_drawn++;
}

static void
slv_board_painter_dispose (GObject *object)
{
  SlvBoardPainter *self = SLV_BOARD_PAINTER (object);

  g_clear_object (&self->doc);
  g_clear_object (&self->cache);
  g_clear_object (&self->cards);
  g_clear_object (&self->pango);
  g_clear_pointer (&self->pinned, g_hash_table_unref);
  g_clear_pointer (&self->only, g_hash_table_unref);
  g_clear_pointer (&self->texts, g_hash_table_unref);
  g_clear_pointer (&self->infos, g_hash_table_unref);
  painter_textures_clear (self);

  G_OBJECT_CLASS (slv_board_painter_parent_class)->dispose (object);
}

static void
slv_board_painter_finalize (GObject *object)
{
  SlvBoardPainter *self = SLV_BOARD_PAINTER (object);

  g_ptr_array_unref (self->found);
  g_array_unref (self->requests);
  g_array_unref (self->levels);
  g_array_unref (self->means);

  G_OBJECT_CLASS (slv_board_painter_parent_class)->finalize (object);
}

static void
slv_board_painter_class_init (SlvBoardPainterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = slv_board_painter_dispose;
  object_class->finalize = slv_board_painter_finalize;
}

static void
slv_board_painter_init (SlvBoardPainter *self)
{
  self->pinned = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, painter_text_free);
  self->found = g_ptr_array_new ();
  self->requests = g_array_new (FALSE, FALSE, sizeof (SlvMipRequest));
  self->levels = g_array_new (FALSE, FALSE, sizeof (SlvMipLevel));
  self->means = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->infos = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  painter_textures_init (self);
}

void
slv_board_painter_tune_pango_context (PangoContext *context)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Board text is drawn at every zoom: glyph positions and metrics must
   * scale evenly, so no hinting and no rounding to whole pixels. */
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (context, options);
  pango_context_set_round_glyph_positions (context, FALSE);
  cairo_font_options_destroy (options);
}

PangoContext *
slv_board_painter_create_pango_context (void)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());

  slv_board_painter_tune_pango_context (context);
  return context;
}

SlvBoardPainter *
slv_board_painter_new (SlvBoardDoc   *doc,
                       SlvMipCache   *cache,
                       SlvStyleCards *cards,
                       PangoContext  *pango)
{
  SlvBoardPainter *self;

  g_return_val_if_fail (SLV_IS_BOARD_DOC (doc), NULL);
  g_return_val_if_fail (SLV_IS_MIP_CACHE (cache), NULL);
  g_return_val_if_fail (cards == NULL || SLV_IS_STYLE_CARDS (cards), NULL);
  g_return_val_if_fail (PANGO_IS_CONTEXT (pango), NULL);

  self = g_object_new (SLV_TYPE_BOARD_PAINTER, NULL);
  self->doc = g_object_ref (doc);
  self->cache = g_object_ref (cache);
  self->cards = cards ? g_object_ref (cards) : NULL;
  self->pango = g_object_ref (pango);
  return self;
}

SlvBoardDoc *
slv_board_painter_get_doc (SlvBoardPainter *self)
{
  g_return_val_if_fail (SLV_IS_BOARD_PAINTER (self), NULL);
  return self->doc;
}

SlvMipCache *
slv_board_painter_get_cache (SlvBoardPainter *self)
{
  g_return_val_if_fail (SLV_IS_BOARD_PAINTER (self), NULL);
  return self->cache;
}

SlvStyleCards *
slv_board_painter_get_cards (SlvBoardPainter *self)
{
  g_return_val_if_fail (SLV_IS_BOARD_PAINTER (self), NULL);
  return self->cards;
}

void
slv_board_painter_pin (SlvBoardPainter *self,
                       SlvMipImage     *image)
{
  g_return_if_fail (SLV_IS_BOARD_PAINTER (self));
  g_return_if_fail (SLV_IS_MIP_IMAGE (image));

  g_hash_table_replace (self->pinned, g_strdup (slv_mip_image_get_sha256 (image)), g_object_ref (image));
}

void
slv_board_painter_set_offscreen (SlvBoardPainter *self,
                                 gboolean         offscreen)
{
  g_return_if_fail (SLV_IS_BOARD_PAINTER (self));
  self->offscreen = !!offscreen;
}

void
slv_board_painter_set_only (SlvBoardPainter    *self,
                            const char * const *ids)
{
  g_return_if_fail (SLV_IS_BOARD_PAINTER (self));

  g_clear_pointer (&self->only, g_hash_table_unref);
  if (ids == NULL)
    return;
  self->only = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; ids[i] != NULL; i++)
    g_hash_table_add (self->only, g_strdup (ids[i]));
}

void
slv_board_painter_set_background (SlvBoardPainter *self,
                                  const GdkRGBA   *rgba)
{
  g_return_if_fail (SLV_IS_BOARD_PAINTER (self));

  self->has_background = rgba != NULL;
  if (rgba != NULL)
    self->background = *rgba;
}

void
slv_board_painter_paint (SlvBoardPainter        *self,
                         GtkSnapshot            *snapshot,
                         const SlvBoardViewport *view)
{
  g_return_if_fail (SLV_IS_BOARD_PAINTER (self));
  g_return_if_fail (view != NULL && view->zoom > 0);

  self->paints++;
  self->n_drawn = 0;
  self->n_pending = 0;
  if (self->has_background)
    gtk_snapshot_append_color (snapshot, &self->background,
                               &GRAPHENE_RECT_INIT (0, 0, view->width, view->height));
  find_items (self, view);
  if (!self->offscreen)
    slv_mip_cache_begin_frame (self->cache);
  plan_levels (self, view, !self->offscreen);
  for (guint i = 0; i < self->found->len; i++)
    {
      SlvBoardItem *item = g_ptr_array_index (self->found, i);

      if (wanted (self, item))
        draw_item (self, snapshot, item, view, g_array_index (self->levels, SlvMipLevel, i),
                   g_array_index (self->means, gint64, i));
    }
  painter_age_texts (self);
  painter_textures_trim (self);
}

guint
slv_board_painter_get_n_drawn (SlvBoardPainter *self)
{
  g_return_val_if_fail (SLV_IS_BOARD_PAINTER (self), 0);
  return self->n_drawn;
}

guint
slv_board_painter_get_n_pending (SlvBoardPainter *self)
{
  g_return_val_if_fail (SLV_IS_BOARD_PAINTER (self), 0);
  return self->n_pending;
}

GHashTable *
slv_board_painter_plan (SlvBoardPainter        *self,
                        const SlvBoardViewport *view)
{
  GHashTable *plan = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_return_val_if_fail (SLV_IS_BOARD_PAINTER (self), plan);

  find_items (self, view);
  for (guint i = 0; i < self->found->len; i++)
    {
      SlvBoardItem *item = g_ptr_array_index (self->found, i);
      const SlvBoardItemState *s = slv_board_item_get_state (item);
      const char *sha;
      SlvRect crop;
      double side;
      SlvMipLevel level;

      if (!wanted (self, item) || (sha = picture_of (self, item, &crop)) == NULL)
        continue;
      /* the size is not known yet: the longer side at 1024 is a safe guess */
      side = MAX (s->w / MAX (crop.w, 1e-6), s->h / MAX (crop.h, 1e-6)) * view->zoom * view->scale;
      level = slv_mip_level_for (SLV_MIP_FULL_MAX, SLV_MIP_FULL_MAX, side);
      level = MAX (level, SLV_MIP_64);
      if (GPOINTER_TO_INT (g_hash_table_lookup (plan, sha)) < (int) level)
        g_hash_table_replace (plan, g_strdup (sha), GINT_TO_POINTER (level));
    }
  return plan;
}
