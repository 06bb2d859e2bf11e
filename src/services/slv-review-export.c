/* slv-review-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-review-export"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "slv-review-export.h"
#include "core/slv-board.h"
#include "core/slv-uuid.h"
#include "store/slv-blobs.h"
#include "store/slv-repo.h"
#include "store/slv-review-repo.h"

char *
slv_review_export_find_board (SlvStore    *store,
                              const char  *name_or_id,
                              GError     **error)
{
  g_autoptr(SlvEntity) board = NULL;

  g_return_val_if_fail (SLV_IS_STORE (store), NULL);
  g_return_val_if_fail (name_or_id != NULL, NULL);

  if (slv_uuid_is_valid (name_or_id))
    board = slv_repo_get (store, SLV_TYPE_BOARD, name_or_id, NULL);
  if (board == NULL)
    board = slv_repo_find_by_code (store, SLV_TYPE_BOARD, name_or_id, error);
  return board ? g_strdup (slv_entity_get_id (board)) : NULL;
}

static void
add_item_outline (SlvFrameRect        *bounds,
                  const SlvReviewItem *item)
{
  SlvItemFrame outline = item->frame;
  const double corners[4][2] = { { 0, 0 }, { 1, 0 }, { 1, 1 }, { 0, 1 } };

  outline.crop_x = outline.crop_y = 0;
  outline.crop_w = outline.crop_h = 1;
  for (guint k = 0; k < 4; k++)
    {
      double x, y;

      slv_item_frame_to_board (&outline, corners[k][0], corners[k][1], &x, &y);
      slv_frame_rect_add_point (bounds, x, y);
    }
}

/* Everything on the board, with a margin so markers at the edge show. */
static void
whole_board (GPtrArray          *items,
             GPtrArray          *records,
             GHashTable         *frames,
             SlvFrameRect       *area)
{
  double pad;

  slv_frame_rect_init_empty (area);
  for (guint i = 0; i < items->len; i++)
    add_item_outline (area, items->pdata[i]);
  for (guint i = 0; i < records->len; i++)
    {
      SlvAnnotationRecord *r = records->pdata[i];
      const SlvItemFrame *frame = r->item_id ? g_hash_table_lookup (frames, r->item_id) : NULL;
      SlvFrameRect b;

      if (r->geometry == NULL || (r->item_id != NULL && frame == NULL))
        continue;
      slv_annotation_geometry_get_bounds (r->geometry, frame, &b);
      slv_frame_rect_add_point (area, b.x, b.y);
      slv_frame_rect_add_point (area, b.x + b.w, b.y + b.h);
    }
  if (slv_frame_rect_is_empty (area))
    return;
  pad = MAX (20, 0.04 * MAX (area->w, area->h));
  area->x -= pad;
  area->y -= pad;
  area->w += 2 * pad;
  area->h += 2 * pad;
}

static char *
make_subtitle (SlvStore  *store,
               GPtrArray *records)
{
  guint counts[SLV_REVIEW_N_STATUSES] = { 0 };
  g_autoptr(GString) s = g_string_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d %H:%M UTC");
  gboolean first = TRUE;

  for (guint i = 0; i < records->len; i++)
    counts[((SlvAnnotationRecord *) records->pdata[i])->status]++;
  g_string_append_printf (s, _("Workspace %s"), slv_store_get_name (store));
  g_string_append (s, " · ");
  g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, "%u thread", "%u threads", records->len),
                          records->len);
  for (int st = 0; st < SLV_REVIEW_N_STATUSES; st++)
    if (counts[st] > 0)
      {
        g_string_append (s, first ? ": " : ", ");
        g_string_append_printf (s, "%s %u", slv_review_status_get_label (st), counts[st]);
        first = FALSE;
      }
  g_string_append (s, " · ");
  g_string_append_printf (s, _("made %s"), date);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static gboolean
anchor_in (const SlvAnnotationRecord *r,
           const SlvItemFrame        *frame,
           const SlvFrameRect        *area)
{
  double x, y;

  if (r->geometry == NULL || (r->item_id != NULL && frame == NULL))
    return FALSE;
  slv_annotation_geometry_get_anchor (r->geometry, frame, &x, &y);
  return x >= area->x && x <= area->x + area->w && y >= area->y && y <= area->y + area->h;
}

SlvReviewReport *
slv_review_export_collect (SlvStore            *store,
                           const char          *board_id,
                           const SlvFrameRect  *area,
                           GError             **error)
{
  g_autoptr(SlvEntity) board = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) comments = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) labels = NULL;
  g_autoptr(GHashTable) frames = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) threads = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(SlvReviewReport) report = NULL;

  g_return_val_if_fail (SLV_IS_STORE (store), NULL);
  g_return_val_if_fail (board_id != NULL, NULL);

  if ((board = slv_repo_get (store, SLV_TYPE_BOARD, board_id, error)) == NULL ||
      (records = slv_review_repo_list_threads (store, board_id, error)) == NULL ||
      (comments = slv_review_repo_list_board_comments (store, board_id, error)) == NULL ||
      (items = slv_review_repo_list_items (store, board_id, error)) == NULL)
    return NULL;
  for (guint i = 0; i < items->len; i++)
    {
      SlvReviewItem *item = items->pdata[i];

      g_hash_table_insert (frames, item->id, &item->frame);
    }

  report = slv_review_report_new (slv_board_get_name (SLV_BOARD (board)));
  report->subtitle = make_subtitle (store, records);
  if (area != NULL)
    report->area = *area;
  else
    whole_board (items, records, frames, &report->area);

  labels = slv_annotation_records_make_labels (records);
  for (guint i = 0; i < records->len; i++)
    {
      SlvAnnotationRecord *r = records->pdata[i];
      const SlvItemFrame *frame = r->item_id ? g_hash_table_lookup (frames, r->item_id) : NULL;
      SlvReviewReportThread *t;

      if (area != NULL && !anchor_in (r, frame, area))
        continue;
      t = slv_review_report_add_thread (report, r, labels->pdata[i], frame);
      if (r->item_id != NULL && frame == NULL)
        g_clear_pointer (&t->annotation->geometry, slv_annotation_geometry_free);   /* cannot be placed */
      g_hash_table_insert (threads, t->annotation->id, t);
    }
  for (guint i = 0; i < comments->len; i++)
    {
      SlvCommentRecord *c = comments->pdata[i];
      SlvReviewReportThread *t = g_hash_table_lookup (threads, c->annotation_id);

      if (t != NULL)
        slv_review_report_thread_add_comment (t, c);
    }
  return g_steal_pointer (&report);
}

SlvBoardSketch *
slv_review_export_sketch (SlvStore    *store,
                          const char  *board_id,
                          GError     **error)
{
  g_autoptr(GPtrArray) items = NULL;
  SlvBoardSketch *sketch;

  g_return_val_if_fail (SLV_IS_STORE (store), NULL);
  g_return_val_if_fail (board_id != NULL, NULL);

  if ((items = slv_review_repo_list_items (store, board_id, error)) == NULL)
    return NULL;
  sketch = slv_board_sketch_new ();
  for (guint i = 0; i < items->len; i++)
    {
      SlvReviewItem *item = items->pdata[i];
      g_autoptr(GBytes) image = NULL;

      /* A missing or damaged blob draws as a placeholder, never fails. */
      if (item->blob != NULL && slv_blobs_is_valid_hash (item->blob))
        image = slv_blobs_load (store, item->blob, NULL);
      slv_board_sketch_add_item (sketch, item, image);
    }
  return sketch;
}

gboolean
slv_review_export (SlvStore               *store,
                   const char             *board_id,
                   const char             *path,
                   SlvReviewReportFormat   format,
                   const SlvFrameRect     *area,
                   SlvReviewDrawFunc       draw,
                   gpointer                user_data,
                   GError                **error)
{
  g_autoptr(SlvReviewReport) report = NULL;
  g_autoptr(SlvBoardSketch) sketch = NULL;

  g_return_val_if_fail (SLV_IS_STORE (store), FALSE);
  g_return_val_if_fail (board_id != NULL && path != NULL, FALSE);

  if ((report = slv_review_export_collect (store, board_id, area, error)) == NULL)
    return FALSE;
  if (format == SLV_REVIEW_REPORT_PDF && draw == NULL)
    {
      if ((sketch = slv_review_export_sketch (store, board_id, error)) == NULL)
        return FALSE;
      draw = slv_board_sketch_draw;
      user_data = sketch;
    }
  return slv_review_report_write (report, path, format, draw, user_data, error);
}

typedef struct
{
  char                  *board_id;
  char                  *path;
  SlvReviewReportFormat  format;
  gboolean               has_area;
  SlvFrameRect           area;
} ExportData;

static void
export_data_free (gpointer data)
{
  ExportData *ed = data;

  g_free (ed->board_id);
  g_free (ed->path);
  g_free (ed);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *ed = task_data;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  if (slv_review_export (source_object, ed->board_id, ed->path, ed->format,
                         ed->has_area ? &ed->area : NULL, NULL, NULL, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
slv_review_export_async (SlvStore              *store,
                         const char            *board_id,
                         const char            *path,
                         SlvReviewReportFormat  format,
                         const SlvFrameRect    *area,
                         GCancellable          *cancellable,
                         GAsyncReadyCallback    callback,
                         gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportData *ed;

  g_return_if_fail (SLV_IS_STORE (store));
  g_return_if_fail (board_id != NULL && path != NULL);

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, slv_review_export_async);
  ed = g_new0 (ExportData, 1);
  ed->board_id = g_strdup (board_id);
  ed->path = g_strdup (path);
  ed->format = format;
  ed->has_area = area != NULL;
  if (area != NULL)
    ed->area = *area;
  g_task_set_task_data (task, ed, export_data_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
slv_review_export_finish (SlvStore      *store,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
