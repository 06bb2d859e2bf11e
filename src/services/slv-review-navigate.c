/* slv-review-navigate.c: moving between threads, and where they are.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-review"

#include "config.h"

#include "slv-review-private.h"

static SlvReviewThread *
select_open (SlvReview  *self,
             int         step,
             GError    **error)
{
  guint n = g_list_model_get_n_items (slv_review_get_threads (self));
  guint start = n - 1;   /* from "before the first" going forward */

  if (n == 0)
    return NULL;
  if (step < 0)
    start = 0;           /* from "after the last" going back */
  if (slv_review_get_selected (self) != NULL)
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(SlvReviewThread) t = g_list_model_get_item (slv_review_get_threads (self), i);

        if (t == slv_review_get_selected (self))
          start = i;
      }
  for (guint k = 1; k <= n; k++)
    {
      int i = ((int) start + step * (int) k) % (int) n;
      g_autoptr(SlvReviewThread) t = g_list_model_get_item (slv_review_get_threads (self),
                                                            i < 0 ? i + (int) n : i);

      if (slv_review_thread_get_status (t) == SLV_REVIEW_STATUS_OPEN)
        {
          if (!slv_review_select (self, slv_review_thread_get_id (t), error))
            return NULL;
          return slv_review_get_selected (self);
        }
    }
  return NULL;
}

SlvReviewThread *
slv_review_select_next_open (SlvReview  *self,
                             GError    **error)
{
  g_return_val_if_fail (SLV_IS_REVIEW (self), NULL);
  return select_open (self, 1, error);
}

SlvReviewThread *
slv_review_select_previous_open (SlvReview  *self,
                                 GError    **error)
{
  g_return_val_if_fail (SLV_IS_REVIEW (self), NULL);
  return select_open (self, -1, error);
}

gboolean
slv_review_get_thread_frame (SlvReview       *self,
                             SlvReviewThread *thread,
                             SlvItemFrame    *frame)
{
  const char *item_id;

  g_return_val_if_fail (SLV_IS_REVIEW (self), FALSE);
  g_return_val_if_fail (SLV_IS_REVIEW_THREAD (thread), FALSE);
  g_return_val_if_fail (frame != NULL, FALSE);

  item_id = slv_review_thread_get_item_id (thread);
  if (item_id == NULL)
    return TRUE;
  return slv_review_lookup_frame (self, item_id, frame);
}

gboolean
slv_review_get_thread_bounds (SlvReview       *self,
                              SlvReviewThread *thread,
                              SlvFrameRect    *bounds)
{
  const SlvAnnotationGeometry *g;
  SlvItemFrame frame;

  g_return_val_if_fail (SLV_IS_REVIEW (self), FALSE);
  g_return_val_if_fail (SLV_IS_REVIEW_THREAD (thread), FALSE);
  g_return_val_if_fail (bounds != NULL, FALSE);

  g = slv_review_thread_get_geometry (thread);
  if (g == NULL || !slv_review_get_thread_frame (self, thread, &frame))
    return FALSE;
  slv_annotation_geometry_get_bounds (g, &frame, bounds);
  return TRUE;
}

gboolean
slv_review_get_thread_anchor (SlvReview       *self,
                              SlvReviewThread *thread,
                              double          *x,
                              double          *y)
{
  const SlvAnnotationGeometry *g;
  SlvItemFrame frame;

  g_return_val_if_fail (SLV_IS_REVIEW (self), FALSE);
  g_return_val_if_fail (SLV_IS_REVIEW_THREAD (thread), FALSE);
  g_return_val_if_fail (x != NULL && y != NULL, FALSE);

  g = slv_review_thread_get_geometry (thread);
  if (g == NULL || !slv_review_get_thread_frame (self, thread, &frame))
    return FALSE;
  slv_annotation_geometry_get_anchor (g, &frame, x, y);
  return TRUE;
}

SlvReviewThread *
slv_review_thread_at (SlvReview *self,
                      double     x,
                      double     y,
                      double     tolerance)
{
  GListModel *threads;
  guint n;

  g_return_val_if_fail (SLV_IS_REVIEW (self), NULL);

  threads = slv_review_get_threads (self);
  n = g_list_model_get_n_items (threads);
  /* Later threads are drawn on top: look at them first. */
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(SlvReviewThread) t = g_list_model_get_item (threads, i - 1);
      const SlvAnnotationGeometry *g = slv_review_thread_get_geometry (t);
      SlvItemFrame frame;

      if (g == NULL || !slv_review_get_thread_frame (self, t, &frame))
        continue;
      if (slv_annotation_geometry_hit (g, &frame, x, y, tolerance))
        return t;
    }
  return NULL;
}
