/* test-review.c: the review service of one board.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "slv-test-util.h"
#include "services/slv-review.h"
#include "store/slv-review-repo.h"

typedef struct
{
  char      *dir;
  SlvStore  *store;
  char      *brand;
  char      *board;
  char      *image;
  SlvReview *review;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = slv_test_make_tmpdir ("slv-review");
  path = g_build_filename (f->dir, "Review.selvedge", NULL);
  f->store = slv_store_open (path, SLV_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (slv_store_insert (f->store, "brand", &f->brand, &error, "code", "NL", "name", "Northloom", NULL));
  g_assert_true (slv_store_insert (f->store, "board", &f->board, &error, "brand_id", f->brand,
                                   "name", "SS26 knitwear", NULL));
  g_assert_true (slv_store_insert (f->store, "board_item", &f->image, &error, "brand_id", f->brand,
                                   "board_id", f->board, "kind", "image", "x", "0", "y", "0",
                                   "w", "200", "h", "100", "z", "a0", NULL));
  g_assert_no_error (error);
  f->review = slv_review_new (f->store, f->board, "Ana Lima", &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_finalize_object (f->review);
  g_clear_object (&f->store);
  slv_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->brand);
  g_free (f->board);
  g_free (f->image);
}

static SlvAnnotationGeometry *
pin_at (gboolean in_item,
        double   x,
        double   y)
{
  SlvAnnotationGeometry *g = slv_annotation_geometry_new (SLV_ANNOTATION_PIN, in_item);

  slv_annotation_geometry_add_point (g, x, y, 1);
  return g;
}

static char *
add_pin (Fixture    *f,
         const char *item,
         double      x,
         double      y)
{
  g_autoptr(SlvAnnotationGeometry) g = pin_at (item != NULL, x, y);
  g_autoptr(GError) error = NULL;
  char *id = slv_review_add_annotation (f->review, item, g, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (id);
  return id;
}

static SlvReviewThread *
nth (GListModel *model,
     guint       i)
{
  g_autoptr(SlvReviewThread) t = g_list_model_get_item (model, i);

  return t;   /* the model keeps it alive */
}

static void
test_new_and_missing_board (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvReview) none = slv_review_new (f->store, "0190f3c2-0000-7000-8000-000000000000", "Ana", &error);

  g_assert_null (none);
  g_assert_error (error, SLV_STORE_ERROR, SLV_STORE_ERROR_NOT_FOUND);
  g_assert_cmpuint (g_list_model_get_n_items (slv_review_get_threads (f->review)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (slv_review_get_visible (f->review)), ==, 0);
  g_assert_null (slv_review_get_selected (f->review));
  g_assert_false (slv_review_get_can_undo (f->review));
  g_assert_null (slv_review_get_undo_label (f->review));
}

static void
test_pin_comment_reply_resolve (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *a = add_pin (f, f->image, 0.4, 0.6);
  g_autofree char *c1 = NULL;
  g_autofree char *c2 = NULL;
  g_autoptr(GError) error = NULL;
  SlvReviewThread *t;
  SlvReviewComment *c;

  t = slv_review_get_selected (f->review);
  g_assert_nonnull (t);
  g_assert_cmpstr (slv_review_thread_get_id (t), ==, a);
  g_assert_cmpstr (slv_review_thread_get_label (t), ==, "1");
  g_assert_cmpstr (slv_review_thread_get_author (t), ==, "Ana Lima");
  g_assert_true (slv_review_thread_get_mine (t));
  g_assert_cmpuint (slv_review_get_n_open (f->review), ==, 1);
  g_assert_cmpstr (slv_review_get_undo_label (f->review), ==, "Add pin");

  c1 = slv_review_add_comment (f->review, a, "Is the rib 2×2? @mei please check", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (slv_review_thread_get_n_comments (t), ==, 1);
  g_assert_cmpstr (slv_review_thread_get_first_line (t), ==, "Is the rib 2×2? @mei please check");
  g_assert_false (slv_review_thread_get_mentions_me (t));

  /* Mei opens the same board: the thread mentions her. */
  slv_review_set_user_name (f->review, "Mei Chen");
  g_assert_true (slv_review_thread_get_mentions_me (t));
  g_assert_false (slv_review_thread_get_mine (t));
  c2 = slv_review_add_comment (f->review, a, "Yes, 2×2 — @\"Ana Lima\" see the swatch", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (slv_review_get_comments (f->review)), ==, 2);
  c = g_list_model_get_item (slv_review_get_comments (f->review), 1);
  g_assert_cmpstr (slv_review_comment_get_id (c), ==, c2);
  g_assert_true (slv_review_comment_get_mine (c));
  g_assert_false (slv_review_comment_get_mentions_me (c));
  g_object_unref (c);

  g_assert_true (slv_review_set_status (f->review, a, SLV_REVIEW_STATUS_RESOLVED, &error));
  g_assert_no_error (error);
  g_assert_cmpint (slv_review_thread_get_status (t), ==, SLV_REVIEW_STATUS_RESOLVED);
  g_assert_cmpstr (slv_review_thread_get_status_by (t), ==, "Mei Chen");
  g_assert_nonnull (slv_review_thread_get_status_at (t));
  g_assert_cmpuint (slv_review_get_n_open (f->review), ==, 0);
  g_assert_cmpstr (slv_review_get_undo_label (f->review), ==, "Resolve thread 1");

  /* Mei may not edit Ana's comment, but her own. */
  g_assert_false (slv_review_edit_comment (f->review, c1, "changed", &error));
  g_assert_error (error, SLV_REVIEW_ERROR, SLV_REVIEW_ERROR_NOT_AUTHOR);
  g_clear_error (&error);
  g_assert_true (slv_review_edit_comment (f->review, c2, "Yes, 2×2 rib.", &error));
  c = g_list_model_get_item (slv_review_get_comments (f->review), 1);
  g_assert_cmpstr (slv_review_comment_get_body (c), ==, "Yes, 2×2 rib.");
  g_assert_nonnull (slv_review_comment_get_edited_at (c));
  g_object_unref (c);
  g_assert_true (slv_review_delete_comment (f->review, c2, &error));
  g_assert_cmpuint (g_list_model_get_n_items (slv_review_get_comments (f->review)), ==, 1);
  g_assert_cmpuint (slv_review_thread_get_n_comments (t), ==, 1);
}

static void
no_changes (GListModel *model,
            guint       position,
            guint       removed,
            guint       added,
            gpointer    data)
{
  g_assert_not_reached ();
}

static void
count_changes (GListModel *model,
               guint       position,
               guint       removed,
               guint       added,
               guint      *changes)
{
  g_assert_cmpuint (removed, ==, 1);
  g_assert_cmpuint (added, ==, 0);
  (*changes)++;
}

static void
count_signal (guint     *count,
              SlvReview *review)
{
  (*count)++;
}

static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *a = add_pin (f, NULL, 10, 10);
  g_autofree char *b = add_pin (f, NULL, 20, 10);
  g_autofree char *c = NULL;
  g_autofree char *d = NULL;
  g_autofree char *cm = NULL;
  GListModel *visible = slv_review_get_visible (f->review);
  g_autoptr(GError) error = NULL;
  guint changes = 0, signalled = 0;

  slv_review_set_user_name (f->review, "Rosa Martín");
  c = add_pin (f, f->image, 0.5, 0.5);
  d = add_pin (f, NULL, 30, 10);
  cm = slv_review_add_comment (f->review, d, "@ana what do you think?", &error);
  g_assert_true (slv_review_set_status (f->review, b, SLV_REVIEW_STATUS_RESOLVED, &error));
  g_assert_true (slv_review_set_status (f->review, c, SLV_REVIEW_STATUS_ON_HOLD, &error));
  g_assert_no_error (error);
  slv_review_set_user_name (f->review, "Ana Lima");

  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, 4);
  g_assert_cmpuint (slv_review_count_status (f->review, SLV_REVIEW_STATUS_OPEN), ==, 2);
  g_assert_cmpuint (slv_review_count_status (f->review, SLV_REVIEW_STATUS_ON_HOLD), ==, 1);
  g_assert_cmpuint (slv_review_count_status (f->review, SLV_REVIEW_STATUS_APPROVED), ==, 0);
  slv_review_set_filter (f->review, SLV_REVIEW_FILTER_OPEN);
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, 2);
  g_assert_cmpstr (slv_review_thread_get_id (nth (visible, 0)), ==, a);
  g_assert_cmpstr (slv_review_thread_get_id (nth (visible, 1)), ==, d);
  slv_review_set_filter (f->review, SLV_REVIEW_FILTER_RESOLVED);
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, 1);
  g_assert_cmpstr (slv_review_thread_get_id (nth (visible, 0)), ==, b);
  slv_review_set_filter (f->review, SLV_REVIEW_FILTER_MINE);
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, 2);
  slv_review_set_filter (f->review, SLV_REVIEW_FILTER_MENTIONS_ME);
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, 1);
  g_assert_cmpstr (slv_review_thread_get_id (nth (visible, 0)), ==, d);
  slv_review_set_status_filter (f->review, SLV_REVIEW_STATUS_ON_HOLD);
  slv_review_set_filter (f->review, SLV_REVIEW_FILTER_STATUS);
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, 1);
  g_assert_cmpstr (slv_review_thread_get_id (nth (visible, 0)), ==, c);

  /* Filtered by "open", resolving a thread takes it out with one change,
   * and the full list keeps its rows (the object is updated in place). */
  slv_review_set_filter (f->review, SLV_REVIEW_FILTER_OPEN);
  g_signal_connect (slv_review_get_threads (f->review), "items-changed",
                    G_CALLBACK (no_changes), NULL);
  g_signal_connect (visible, "items-changed", G_CALLBACK (count_changes), &changes);
  g_signal_connect_swapped (f->review, "changed", G_CALLBACK (count_signal), &signalled);
  g_assert_true (slv_review_set_status (f->review, a, SLV_REVIEW_STATUS_APPROVED, &error));
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpuint (signalled, ==, 1);
  g_signal_handlers_disconnect_by_func (f->review, count_signal, &signalled);
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, 1);
  g_signal_handlers_disconnect_by_func (slv_review_get_threads (f->review), no_changes, NULL);
  g_signal_handlers_disconnect_by_func (visible, count_changes, &changes);
}

static void
test_next_previous_open (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *a = add_pin (f, NULL, 10, 10);
  g_autofree char *b = add_pin (f, NULL, 20, 10);
  g_autofree char *c = add_pin (f, NULL, 30, 10);
  g_autofree char *d = add_pin (f, NULL, 40, 10);
  g_autoptr(GError) error = NULL;
  SlvReviewThread *t;

  g_assert_true (slv_review_set_status (f->review, b, SLV_REVIEW_STATUS_RESOLVED, &error));
  g_assert_true (slv_review_select (f->review, NULL, &error));
  t = slv_review_select_next_open (f->review, &error);
  g_assert_cmpstr (slv_review_thread_get_id (t), ==, a);
  t = slv_review_select_next_open (f->review, &error);
  g_assert_cmpstr (slv_review_thread_get_id (t), ==, c);        /* b is resolved */
  t = slv_review_select_next_open (f->review, &error);
  g_assert_cmpstr (slv_review_thread_get_id (t), ==, d);
  t = slv_review_select_next_open (f->review, &error);
  g_assert_cmpstr (slv_review_thread_get_id (t), ==, a);        /* wraps */
  t = slv_review_select_previous_open (f->review, &error);
  g_assert_cmpstr (slv_review_thread_get_id (t), ==, d);
  g_assert_true (slv_review_select (f->review, b, &error));
  t = slv_review_select_previous_open (f->review, &error);
  g_assert_cmpstr (slv_review_thread_get_id (t), ==, a);
  g_assert_true (slv_review_select (f->review, NULL, &error));
  t = slv_review_select_previous_open (f->review, &error);
  g_assert_cmpstr (slv_review_thread_get_id (t), ==, d);        /* from the end */
  g_assert_no_error (error);

  for (const char *id = a; id != NULL; id = id == a ? c : id == c ? d : NULL)
    g_assert_true (slv_review_set_status (f->review, id, SLV_REVIEW_STATUS_APPROVED, &error));
  g_assert_null (slv_review_select_next_open (f->review, &error));
  g_assert_no_error (error);
  g_assert_false (slv_review_select (f->review, "no-such-id", &error));
  g_assert_error (error, SLV_REVIEW_ERROR, SLV_REVIEW_ERROR_NOT_FOUND);
}

static void
test_undo_redo (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *a = add_pin (f, f->image, 0.25, 0.25);
  g_autoptr(SlvAnnotationGeometry) moved = pin_at (FALSE, 500, 400);
  g_autoptr(GError) error = NULL;
  GListModel *threads = slv_review_get_threads (f->review);
  const char *labels[] = { "Delete annotation", "Change annotation colour", "Approve thread 1",
                           "Move annotation", "Add pin" };
  SlvReviewThread *t = nth (threads, 0);

  g_assert_true (slv_review_move_annotation (f->review, a, NULL, moved, &error));
  g_assert_true (slv_review_set_status (f->review, a, SLV_REVIEW_STATUS_APPROVED, &error));
  g_assert_true (slv_review_set_color (f->review, a, "blue", &error));
  g_assert_true (slv_review_delete_annotation (f->review, a, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (threads), ==, 0);
  g_assert_null (slv_review_get_selected (f->review));

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      g_assert_cmpstr (slv_review_get_undo_label (f->review), ==, labels[i]);
      g_assert_true (slv_review_undo (f->review, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (slv_review_get_redo_label (f->review), ==, labels[i]);
      if (i == 0)
        {
          /* Restored: the same kind of object in the list, all fields back. */
          g_assert_cmpuint (g_list_model_get_n_items (threads), ==, 1);
          t = nth (threads, 0);
          g_assert_cmpstr (slv_review_thread_get_color (t), ==, "blue");
        }
    }
  g_assert_cmpuint (g_list_model_get_n_items (threads), ==, 0);
  g_assert_false (slv_review_get_can_undo (f->review));
  g_assert_false (slv_review_undo (f->review, &error));
  g_assert_error (error, SLV_REVIEW_ERROR, SLV_REVIEW_ERROR_NOTHING);
  g_clear_error (&error);

  /* Redo the add, the move and the approval. */
  for (guint i = 0; i < 3; i++)
    g_assert_true (slv_review_redo (f->review, &error));
  g_assert_no_error (error);
  t = nth (threads, 0);
  g_assert_null (slv_review_thread_get_item_id (t));
  g_assert_cmpfloat (slv_annotation_geometry_get_point (slv_review_thread_get_geometry (t), 0)->x, ==, 500);
  g_assert_cmpint (slv_review_thread_get_status (t), ==, SLV_REVIEW_STATUS_APPROVED);
  g_assert_cmpstr (slv_review_thread_get_status_by (t), ==, "Ana Lima");
  g_assert_cmpstr (slv_review_thread_get_color (t), ==, "red");

  /* A new command clears what could be redone. */
  g_assert_true (slv_review_get_can_redo (f->review));
  g_assert_true (slv_review_set_color (f->review, a, "green", &error));
  g_assert_false (slv_review_get_can_redo (f->review));
  g_assert_cmpstr (slv_review_get_undo_label (f->review), ==, "Change annotation colour");
}

/* Sync changed the annotation after our edit: undo must not overwrite it. */
static void
test_undo_after_sync_change (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *a = add_pin (f, NULL, 10, 10);
  g_autoptr(GError) error = NULL;
  SlvReviewThread *t;

  g_assert_true (slv_review_set_status (f->review, a, SLV_REVIEW_STATUS_ON_HOLD, &error));
  /* Someone else (applied by sync) resolves it. */
  g_assert_true (slv_review_repo_set_status (f->store, a, SLV_REVIEW_STATUS_RESOLVED, "Rosa Martín", &error));
  g_assert_false (slv_review_undo (f->review, &error));
  g_assert_error (error, SLV_REVIEW_ERROR, SLV_REVIEW_ERROR_CHANGED);
  g_clear_error (&error);
  /* The colleague's status stands, the models show it, the stale step is
   * gone and the one below it (Add pin) is next. */
  t = slv_review_find_thread (f->review, a);
  g_assert_cmpint (slv_review_thread_get_status (t), ==, SLV_REVIEW_STATUS_RESOLVED);
  g_assert_cmpstr (slv_review_thread_get_status_by (t), ==, "Rosa Martín");
  g_assert_cmpstr (slv_review_get_undo_label (f->review), ==, "Add pin");
  g_assert_false (slv_review_get_can_redo (f->review));
}

static void
test_review_mode (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL;
  g_autofree char *c = NULL;

  g_assert_true (slv_review_check_item_edit (f->review, &error));
  g_object_set (f->review, "review-mode", TRUE, NULL);
  g_assert_true (slv_review_get_review_mode (f->review));
  g_assert_false (slv_review_check_item_edit (f->review, &error));
  g_assert_error (error, SLV_REVIEW_ERROR, SLV_REVIEW_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "review mode"));
  g_clear_error (&error);
  /* Annotations and comments are still welcome. */
  a = add_pin (f, f->image, 0.5, 0.5);
  c = slv_review_add_comment (f->review, a, "Looks right", &error);
  g_assert_no_error (error);
  g_assert_true (slv_review_set_status (f->review, a, SLV_REVIEW_STATUS_APPROVED, &error));
  g_assert_true (slv_review_undo (f->review, &error));
  g_assert_no_error (error);
}

static void
test_needs_author (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(SlvAnnotationGeometry) g = pin_at (FALSE, 1, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *a = add_pin (f, NULL, 0, 0);
  char *id;

  slv_review_set_user_name (f->review, "");
  id = slv_review_add_annotation (f->review, NULL, g, NULL, &error);
  g_assert_null (id);
  g_assert_error (error, SLV_REVIEW_ERROR, SLV_REVIEW_ERROR_NO_AUTHOR);
  g_clear_error (&error);
  g_assert_null (slv_review_add_comment (f->review, a, "hello", &error));
  g_assert_error (error, SLV_REVIEW_ERROR, SLV_REVIEW_ERROR_NO_AUTHOR);
  g_clear_error (&error);
  g_assert_false (slv_review_set_status (f->review, a, SLV_REVIEW_STATUS_RESOLVED, &error));
  g_assert_error (error, SLV_REVIEW_ERROR, SLV_REVIEW_ERROR_NO_AUTHOR);
  g_assert_cmpstr (slv_review_get_undo_label (f->review), ==, "Add pin");
}

static gboolean
live_frame (const char   *item_id,
            SlvItemFrame *frame,
            gpointer      user_data)
{
  *frame = *(SlvItemFrame *) user_data;
  return TRUE;
}

static void
test_bounds_follow_item (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *a = add_pin (f, f->image, 0.25, 0.5);
  SlvReviewThread *t = slv_review_find_thread (f->review, a);
  SlvItemFrame dragged;
  SlvFrameRect r;
  double x, y;

  /* From the store: the image is 200×100 at the origin. */
  g_assert_true (slv_review_get_thread_anchor (f->review, t, &x, &y));
  g_assert_cmpfloat (x, ==, 50);
  g_assert_cmpfloat (y, ==, 50);
  g_assert_true (slv_review_get_thread_bounds (f->review, t, &r));
  g_assert_cmpfloat (r.x, ==, 50);
  g_assert_cmpfloat (r.w, ==, 0);

  /* The item moved and grew in the store: the pin follows. */
  g_assert_true (slv_store_update_field (f->store, "board_item", f->image, "x", "1000", NULL));
  g_assert_true (slv_store_update_field (f->store, "board_item", f->image, "w", "400", NULL));
  g_assert_true (slv_review_get_thread_anchor (f->review, t, &x, &y));
  g_assert_cmpfloat (x, ==, 1100);

  /* A click near the pin finds its thread; elsewhere nothing. */
  g_assert_true (slv_review_thread_at (f->review, 1101, 51, 3) == t);
  g_assert_null (slv_review_thread_at (f->review, 1200, 51, 3));

  /* The canvas supplies the frame of an item being dragged. */
  slv_item_frame_init (&dragged, -300, -300, 100, 100);
  dragged.rotation = 180;
  slv_review_set_frame_func (f->review, live_frame, &dragged, NULL);
  g_assert_true (slv_review_get_thread_anchor (f->review, t, &x, &y));
  g_assert_cmpfloat (x, ==, -225);
  g_assert_cmpfloat (y, ==, -250);
}

/* Two people offline both made annotation 1: labels tell them apart. */
static void
test_duplicate_numbers (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *a = add_pin (f, NULL, 0, 0);
  g_autofree char *b = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *threads = slv_review_get_threads (f->review);

  g_assert_true (slv_store_insert (f->store, "annotation", &b, &error, "brand_id", f->brand,
                                   "board_id", f->board, "kind", "pin",
                                   "geometry", "{\"v\":1,\"space\":\"board\",\"points\":[[5,5]]}",
                                   "number", "1", "author", "Mei Chen", NULL));
  g_assert_no_error (error);
  g_assert_true (slv_review_reload (f->review, &error));
  g_assert_cmpuint (g_list_model_get_n_items (threads), ==, 2);
  g_assert_cmpstr (slv_review_thread_get_label (nth (threads, 0)), ==, "1a");
  g_assert_cmpstr (slv_review_thread_get_label (nth (threads, 1)), ==, "1b");
  g_assert_cmpstr (slv_review_thread_get_id (nth (threads, 1)), ==, b);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/services/review/new", test_new_and_missing_board);
  ADD ("/services/review/pin-comment-reply-resolve", test_pin_comment_reply_resolve);
  ADD ("/services/review/filters", test_filters);
  ADD ("/services/review/next-previous-open", test_next_previous_open);
  ADD ("/services/review/undo-redo", test_undo_redo);
  ADD ("/services/review/undo-after-sync-change", test_undo_after_sync_change);
  ADD ("/services/review/review-mode", test_review_mode);
  ADD ("/services/review/needs-author", test_needs_author);
  ADD ("/services/review/bounds-follow-item", test_bounds_follow_item);
  ADD ("/services/review/duplicate-numbers", test_duplicate_numbers);
#undef ADD

  return g_test_run ();
}
