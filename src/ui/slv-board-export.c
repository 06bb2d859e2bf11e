/* slv-board-export.c: PNG and PDF export (thumbnails are in
 * slv-board-thumbnail.c, on the same path).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-board-export"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <math.h>

#include "slv-board-export.h"
#include "slv-board-painter.h"
#include "formats/slv-atomic-file.h"

typedef struct
{
  SlvBoardDoc          *doc;
  SlvMipCache          *cache;
  SlvStyleCards        *cards;      /* may be NULL */
  GStrv                 ids;        /* NULL: all */
  SlvBoardExportFormat  format;
  char                 *path;
  SlvBoardViewport      view;       /* in output units (px or pt) */
  GHashTable           *plan;       /* sha256 → level */
  GStrv                 style_ids;  /* style cards to read first */
  GPtrArray            *images;     /* SlvMipImage read by the worker */
  GPtrArray            *infos;      /* SlvStyleCardInfo read by the worker */
  GskRenderNode        *node;
} Job;

static void
job_free (Job *job)
{
  g_clear_object (&job->doc);
  g_clear_object (&job->cache);
  g_clear_object (&job->cards);
  g_strfreev (job->ids);
  g_strfreev (job->style_ids);
  g_free (job->path);
  g_clear_pointer (&job->plan, g_hash_table_unref);
  g_clear_pointer (&job->images, g_ptr_array_unref);
  g_clear_pointer (&job->infos, g_ptr_array_unref);
  g_clear_pointer (&job->node, gsk_render_node_unref);
  g_free (job);
}

gboolean
slv_board_export_format_from_string (const char           *text,
                                     SlvBoardExportFormat *out)
{
  if (g_strcmp0 (text, "png") == 0)
    *out = SLV_BOARD_EXPORT_PNG;
  else if (g_strcmp0 (text, "pdf") == 0)
    *out = SLV_BOARD_EXPORT_PDF;
  else
    return FALSE;
  return TRUE;
}

gboolean
slv_board_export_bounds (SlvBoardDoc        *doc,
                         const char * const *ids,
                         SlvRect            *out)
{
  gboolean any;

  g_return_val_if_fail (SLV_IS_BOARD_DOC (doc), FALSE);

  any = ids ? slv_board_doc_get_bounds (doc, ids, out) : slv_board_doc_get_extents (doc, out);
  if (any)
    slv_rect_inflate (out, SLV_BOARD_EXPORT_MARGIN, SLV_BOARD_EXPORT_MARGIN);
  return any;
}

/* Sets the job's view: the bounds at @scale, within the format's limits. */
static gboolean
plan_view (Job      *job,
           double    scale,
           double    max_side,
           GError  **error)
{
  SlvRect bounds;
  double longest;

  if (!slv_board_export_bounds (job->doc, (const char * const *) job->ids, &bounds))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   job->ids ? _("Select something to export first.") : _("The board is empty: there is nothing to export."));
      return FALSE;
    }
  longest = MAX (bounds.w, bounds.h);
  if (max_side > 0)
    scale = MIN (scale, max_side / longest);
  if (job->format == SLV_BOARD_EXPORT_PDF)
    scale = MIN (scale, SLV_BOARD_EXPORT_MAX_PT / longest);
  else if (ceil (longest * scale) > SLV_BOARD_EXPORT_MAX_PX)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("At this scale the picture would be %.0f pixels wide; choose a scale of %.0f %% or less."),
                   ceil (longest * scale), floor (SLV_BOARD_EXPORT_MAX_PX / longest * 100));
      return FALSE;
    }
  job->view.x = bounds.x;
  job->view.y = bounds.y;
  job->view.zoom = scale;
  job->view.width = MAX (1, ceil (bounds.w * scale));
  job->view.height = MAX (1, ceil (bounds.h * scale));
  /* PDF pictures at twice the page's resolution, as for print */
  job->view.scale = job->format == SLV_BOARD_EXPORT_PDF ? 2 : 1;
  return TRUE;
}

static GStrv
style_ids_in (SlvBoardDoc        *doc,
              const SlvRect      *rect)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();

  slv_board_doc_query_rect (doc, rect, found);
  for (guint i = 0; i < found->len; i++)
    if (slv_board_item_get_kind (g_ptr_array_index (found, i)) == SLV_BOARD_ITEM_STYLE &&
        slv_board_item_get_style_id (g_ptr_array_index (found, i)) != NULL)
      g_strv_builder_add (ids, slv_board_item_get_style_id (g_ptr_array_index (found, i)));
  return g_strv_builder_end (ids);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Job *job = task_data;
  GHashTableIter iter;
  gpointer sha, level;

  g_hash_table_iter_init (&iter, job->plan);
  while (g_hash_table_iter_next (&iter, &sha, &level) && !g_cancellable_is_cancelled (cancellable))
    {
      /* a picture that cannot be read is drawn as a placeholder */
      SlvMipImage *image = slv_mip_cache_load (job->cache, sha, GPOINTER_TO_INT (level), cancellable, NULL);

      if (image != NULL)
        g_ptr_array_add (job->images, image);
    }
  for (guint i = 0; job->cards && job->style_ids[i] != NULL; i++)
    {
      SlvStyleCardInfo *info = slv_style_cards_load (slv_style_cards_get_pricing (job->cards), job->style_ids[i]);
      SlvMipImage *cover = info->cover_blob ? slv_mip_cache_load (job->cache, info->cover_blob, SLV_MIP_1024,
                                                                  cancellable, NULL) : NULL;

      g_ptr_array_add (job->infos, info);
      if (cover != NULL)
        g_ptr_array_add (job->images, cover);
    }
  if (!g_task_return_error_if_cancelled (task))
    g_task_return_boolean (task, TRUE);
}

/* Main thread: the items as render nodes, with every picture in place. */
static void
paint_job (Job *job)
{
  PangoContext *pango = slv_board_painter_create_pango_context ();
  g_autoptr(SlvBoardPainter) painter = NULL;
  GdkRGBA white = { 1, 1, 1, 1 };
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  for (guint i = 0; job->cards && i < job->infos->len; i++)
    slv_style_cards_insert (job->cards, g_steal_pointer (&g_ptr_array_index (job->infos, i)));
  painter = slv_board_painter_new (job->doc, job->cache, job->cards, pango);
  g_object_unref (pango);
  slv_board_painter_set_offscreen (painter, TRUE);
  slv_board_painter_set_only (painter, (const char * const *) job->ids);
  slv_board_painter_set_background (painter, &white);
  for (guint i = 0; i < job->images->len; i++)
    slv_board_painter_pin (painter, g_ptr_array_index (job->images, i));
  slv_board_painter_paint (painter, snapshot, &job->view);
  job->node = gtk_snapshot_free_to_node (snapshot);
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
draw_node (GskRenderNode *node,
           cairo_t       *cr,
           GError       **error)
{
  if (node != NULL)
    gsk_render_node_draw (node, cr);
  if (cairo_status (cr) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The board could not be drawn: %s."),
                   cairo_status_to_string (cairo_status (cr)));
      return FALSE;
    }
  return TRUE;
}

static GByteArray *
render_file (Job     *job,
             GError **error)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  int w = (int) job->view.width, h = (int) job->view.height;
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean ok;

  if (job->format == SLV_BOARD_EXPORT_PDF)
    surface = cairo_pdf_surface_create_for_stream (append_bytes, out, job->view.width, job->view.height);
  else
    surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cr = cairo_create (surface);
  ok = draw_node (job->node, cr, error);
  cairo_destroy (cr);
  if (ok && job->format == SLV_BOARD_EXPORT_PNG)
    ok = cairo_surface_write_to_png_stream (surface, append_bytes, out) == CAIRO_STATUS_SUCCESS;
  cairo_surface_finish (surface);
  if (ok && cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    ok = FALSE;
  if (!ok && (error == NULL || *error == NULL))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The file could not be made: %s."),
                 cairo_status_to_string (cairo_surface_status (surface)));
  cairo_surface_destroy (surface);
  return ok ? g_steal_pointer (&out) : NULL;
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GByteArray) bytes = NULL;
  GError *error = NULL;

  bytes = render_file (job, &error);
  if (bytes == NULL || !slv_atomic_file_write (job->path, (const char *) bytes->data, bytes->len, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Job *job = g_task_get_task_data (task);
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, error);
      return;
    }
  paint_job (job);
  g_task_run_in_thread (task, write_thread);
}

void
slv_board_export_async (SlvBoardDoc          *doc,
                        SlvMipCache          *cache,
                        SlvStyleCards        *cards,
                        const char * const   *ids,
                        SlvBoardExportFormat  format,
                        double                scale,
                        double                max_side,
                        const char           *path,
                        GCancellable         *cancellable,
                        GAsyncReadyCallback   callback,
                        gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) load = NULL;
  g_autoptr(SlvBoardPainter) painter = NULL;
  PangoContext *pango;
  GError *error = NULL;
  Job *job;

  g_return_if_fail (SLV_IS_BOARD_DOC (doc));
  g_return_if_fail (SLV_IS_MIP_CACHE (cache));
  g_return_if_fail (path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, slv_board_export_async);
  job = g_new0 (Job, 1);
  job->doc = g_object_ref (doc);
  job->cache = g_object_ref (cache);
  job->cards = cards ? g_object_ref (cards) : NULL;
  job->ids = ids ? g_strdupv ((GStrv) ids) : NULL;
  job->format = format;
  job->path = g_strdup (path);
  job->images = g_ptr_array_new_with_free_func (g_object_unref);
  job->infos = g_ptr_array_new_with_free_func ((GDestroyNotify) slv_style_card_info_free);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  if (!(scale > 0 && isfinite (scale)))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _("The export scale must be a positive number."));
      return;
    }
  if (!plan_view (job, scale, max_side, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  pango = slv_board_painter_create_pango_context ();
  painter = slv_board_painter_new (doc, cache, NULL, pango);
  g_object_unref (pango);
  slv_board_painter_set_only (painter, (const char * const *) job->ids);
  job->plan = slv_board_painter_plan (painter, &job->view);
  job->style_ids = style_ids_in (doc, &(SlvRect) { job->view.x, job->view.y,
                                                   job->view.width / job->view.zoom,
                                                   job->view.height / job->view.zoom });

  load = g_task_new (NULL, cancellable, loaded_cb, g_steal_pointer (&task));
  g_task_set_source_tag (load, slv_board_export_async);
  g_task_set_task_data (load, job, NULL);
  g_task_run_in_thread (load, load_thread);
}

gboolean
slv_board_export_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

GdkTexture *
slv_board_export_render_texture (GskRenderNode  *node,
                                 int             width,
                                 int             height,
                                 GError        **error)
{
  g_autoptr(GskRenderer) renderer = gsk_cairo_renderer_new ();
  GdkTexture *texture;

  g_return_val_if_fail (node != NULL, NULL);

  if (!gsk_renderer_realize (renderer, NULL, error))
    return NULL;
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gsk_renderer_unrealize (renderer);
  return texture;
}
