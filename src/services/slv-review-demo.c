/* slv-review-demo.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-review-demo"

#include "config.h"

#include "slv-review-demo.h"
#include "slv-review-export.h"
#include "store/slv-review-repo.h"

#define DEMO_BOARD "Coastline — mood"

typedef struct
{
  int               item;          /* index among the board's images, -1: the board */
  SlvAnnotationKind kind;
  double            xy[4];
  const char       *color;
  const char       *author;
  SlvReviewStatus   status;
  const char       *status_by;
  const char       *comments[4];   /* "Author|body" */
} DemoThread;

static const DemoThread threads[] = {
  { 0, SLV_ANNOTATION_PIN, { 0.42, 0.35 }, NULL, "Ana Lima", SLV_REVIEW_STATUS_APPROVED, "Rosa Martín",
    { "Ana Lima|The red stripe is too heavy next to the navy; can it go to 3 mm? @\"Mei Chen\"",
      "Mei Chen|Mill confirms 3 mm at no extra cost. Strike-off on Friday.",
      "Rosa Martín|Approved for the SS27 range." } },
  { 3, SLV_ANNOTATION_RECT, { 0.15, 0.2, 0.7, 0.75 }, "orange", "Mei Chen", SLV_REVIEW_STATUS_ON_HOLD, "Rosa Martín",
    { "Mei Chen|This print reads too sweet for Coastline. Smaller scale, fewer colours?",
      "Ana Lima|Trying a two-colour version; on hold until the new strike-off." } },
  { -1, SLV_ANNOTATION_ARROW, { 1120, 640, 1255, 480 }, "blue", "Rosa Martín", SLV_REVIEW_STATUS_OPEN, NULL,
    { "Rosa Martín|@ana can we price the sand jersey in the cheaper slub? Target FOB 6.20." } },
  { 5, SLV_ANNOTATION_PIN, { 0.6, 0.55 }, "green", "Ana Lima", SLV_REVIEW_STATUS_OPEN, NULL,
    { "Ana Lima|Is this knit heavy enough for a sweatshirt weight? @mei" } },
};

static gboolean
add_thread (SlvStore          *store,
            const char        *board,
            GPtrArray         *images,
            const DemoThread  *d,
            GError           **error)
{
  g_autoptr(SlvAnnotationRecord) r = slv_annotation_record_new ();
  guint n = d->kind == SLV_ANNOTATION_PIN ? 1 : 2;

  if (d->item >= (int) images->len)
    return TRUE;
  r->board_id = g_strdup (board);
  r->item_id = d->item >= 0 ? g_strdup (((SlvReviewItem *) images->pdata[d->item])->id) : NULL;
  r->geometry = slv_annotation_geometry_new (d->kind, d->item >= 0);
  r->geometry->width = 4;
  for (guint i = 0; i < n; i++)
    slv_annotation_geometry_add_point (r->geometry, d->xy[2 * i], d->xy[2 * i + 1], 1);
  r->color = g_strdup (d->color);
  r->author = g_strdup (d->author);
  if (!slv_review_repo_add_annotation (store, r, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (d->comments) && d->comments[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (d->comments[i], "|", 2);
      g_autoptr(SlvCommentRecord) c = slv_review_repo_add_comment (store, r->id, parts[0], parts[1], error);

      if (c == NULL)
        return FALSE;
    }
  if (d->status_by != NULL && !slv_review_repo_set_status (store, r->id, d->status, d->status_by, error))
    return FALSE;
  return TRUE;
}

static gboolean
populate_tx (SlvStore  *store,
             gpointer   user_data,
             GError   **error)
{
  g_autofree char *board = slv_review_export_find_board (store, DEMO_BOARD, error);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) images = g_ptr_array_new ();

  if (board == NULL || (items = slv_review_repo_list_items (store, board, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < items->len; i++)
    if (g_strcmp0 (((SlvReviewItem *) items->pdata[i])->kind, "image") == 0)
      g_ptr_array_add (images, items->pdata[i]);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    if (!add_thread (store, board, images, &threads[i], error))
      return FALSE;
  return TRUE;
}

gboolean
slv_review_demo_populate (SlvStore  *store,
                          GError   **error)
{
  g_return_val_if_fail (SLV_IS_STORE (store), FALSE);
  return slv_store_transaction (store, populate_tx, NULL, error);
}
