/* test-review-repo.c: annotations and comment threads in the workspace.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "slv-test-util.h"
#include "store/slv-review-repo.h"

typedef struct
{
  char     *dir;
  char     *path;
  SlvStore *store;
  char     *brand;
  char     *board;
  char     *other_board;
  char     *image;     /* an image item on board */
  char     *note;      /* a note item on board */
  char     *elsewhere; /* an item on other_board */
} Fixture;

static char *
add_item (Fixture    *f,
          const char *board,
          const char *kind,
          const char *crop)
{
  g_autoptr(GError) error = NULL;
  char *id = NULL;

  g_assert_true (slv_store_insert (f->store, "board_item", &id, &error, "brand_id", f->brand,
                                   "board_id", board, "kind", kind, "x", "100", "y", "50",
                                   "w", "400", "h", "300", "rotation", "30", "z", "a1",
                                   "crop", crop, "flip_h", "1", NULL));
  g_assert_no_error (error);
  return id;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = slv_test_make_tmpdir ("slv-review-repo");
  f->path = g_build_filename (f->dir, "Review.selvedge", NULL);
  f->store = slv_store_open (f->path, SLV_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (slv_store_insert (f->store, "brand", &f->brand, &error, "code", "NL", "name", "Northloom", NULL));
  g_assert_true (slv_store_insert (f->store, "board", &f->board, &error, "brand_id", f->brand,
                                   "name", "SS26 knitwear", NULL));
  g_assert_true (slv_store_insert (f->store, "board", &f->other_board, &error, "brand_id", f->brand,
                                   "name", "SS26 denim", NULL));
  g_assert_no_error (error);
  f->image = add_item (f, f->board, "image", "0.1 0.2 0.5 0.6");
  f->note = add_item (f, f->board, "note", NULL);
  f->elsewhere = add_item (f, f->other_board, "image", NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->store);
  slv_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_free (f->brand);
  g_free (f->board);
  g_free (f->other_board);
  g_free (f->image);
  g_free (f->note);
  g_free (f->elsewhere);
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

/* Adds an annotation and returns its id. */
static char *
annotate (Fixture               *f,
          const char            *item,
          SlvAnnotationGeometry *geometry,
          const char            *color,
          const char            *author)
{
  g_autoptr(SlvAnnotationRecord) r = slv_annotation_record_new ();
  g_autoptr(GError) error = NULL;

  r->board_id = g_strdup (f->board);
  r->item_id = g_strdup (item);
  r->geometry = geometry;
  r->color = g_strdup (color);
  r->author = g_strdup (author);
  g_assert_true (slv_review_repo_add_annotation (f->store, r, &error));
  g_assert_no_error (error);
  g_assert_nonnull (r->id);
  return g_strdup (r->id);
}

static GPtrArray *
threads (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *list = slv_review_repo_list_threads (f->store, f->board, &error);

  g_assert_no_error (error);
  return list;
}

static void
test_add_and_list (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(SlvAnnotationGeometry) ink = slv_annotation_geometry_new (SLV_ANNOTATION_INK, TRUE);
  g_autofree char *a = annotate (f, NULL, pin_at (FALSE, 40, -20), NULL, "Ana Lima");
  g_autofree char *b = NULL;
  g_autoptr(GPtrArray) list = NULL;
  SlvAnnotationRecord *r;

  ink->width = 4;
  for (guint i = 0; i < 20; i++)
    slv_annotation_geometry_add_point (ink, 0.2 + i * 0.01, 0.4, 0.5 + i * 0.02);
  b = annotate (f, f->image, slv_annotation_geometry_copy (ink), "blue", "Mei Chen");

  list = threads (f);
  g_assert_cmpuint (list->len, ==, 2);
  r = list->pdata[0];
  g_assert_cmpstr (r->id, ==, a);
  g_assert_cmpint (r->number, ==, 1);
  g_assert_cmpint (r->kind, ==, SLV_ANNOTATION_PIN);
  g_assert_cmpstr (r->color, ==, "red");            /* the kind's default */
  g_assert_cmpint (r->status, ==, SLV_REVIEW_STATUS_OPEN);
  g_assert_null (r->status_by);
  g_assert_null (r->item_id);
  g_assert_cmpstr (r->author, ==, "Ana Lima");
  g_assert_cmpuint (r->n_comments, ==, 0);
  g_assert_null (r->first_line);
  g_assert_nonnull (r->created_at);

  r = list->pdata[1];
  g_assert_cmpstr (r->id, ==, b);
  g_assert_cmpint (r->number, ==, 2);
  g_assert_cmpstr (r->item_id, ==, f->image);
  g_assert_cmpstr (r->board_id, ==, f->board);
  g_assert_true (r->geometry->in_item);
  g_assert_cmpuint (r->geometry->points->len, ==, 20);
  g_assert_cmpfloat_with_epsilon (slv_annotation_geometry_get_point (r->geometry, 19)->pressure, 0.88, 1e-9);
  g_assert_cmpfloat (r->geometry->width, ==, 4);

  /* The other board has none. */
  {
    g_autoptr(GPtrArray) other = slv_review_repo_list_threads (f->store, f->other_board, NULL);

    g_assert_cmpuint (other->len, ==, 0);
  }
}

static void
test_add_refused (Fixture       *f,
                  gconstpointer  data)
{
  static const struct { int item; gboolean in_item; const char *color, *author; int code; } bad[] = {
    { 0, FALSE, "magenta", "Ana", SLV_REVIEW_ERROR_INVALID },
    { 0, TRUE, "red", "Ana", SLV_REVIEW_ERROR_INVALID },      /* item space, no item */
    { 1, FALSE, "red", "Ana", SLV_REVIEW_ERROR_INVALID },     /* board space on an item */
    { 2, TRUE, "red", "Ana", SLV_REVIEW_ERROR_NOT_FOUND },    /* item of another board */
    { 0, FALSE, "red", "  ", SLV_REVIEW_ERROR_NO_AUTHOR },
    { 0, FALSE, "red", NULL, SLV_REVIEW_ERROR_NO_AUTHOR },
  };
  const char *items[] = { NULL, f->image, f->elsewhere };
  g_autoptr(GPtrArray) list = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(SlvAnnotationRecord) r = slv_annotation_record_new ();
      g_autoptr(GError) error = NULL;

      r->board_id = g_strdup (f->board);
      r->item_id = g_strdup (items[bad[i].item]);
      r->geometry = pin_at (bad[i].in_item, 0.5, 0.5);
      r->color = g_strdup (bad[i].color);
      r->author = g_strdup (bad[i].author);
      g_assert_false (slv_review_repo_add_annotation (f->store, r, &error));
      g_assert_error (error, SLV_REVIEW_ERROR, bad[i].code);
      g_assert_null (r->id);
    }

  /* A deleted board takes no annotations. */
  {
    g_autoptr(SlvAnnotationRecord) r = slv_annotation_record_new ();
    g_autoptr(GError) error = NULL;

    g_assert_true (slv_store_set_deleted (f->store, "board", f->other_board, TRUE, NULL));
    r->board_id = g_strdup (f->other_board);
    r->geometry = pin_at (FALSE, 1, 1);
    r->author = g_strdup ("Ana");
    g_assert_false (slv_review_repo_add_annotation (f->store, r, &error));
    g_assert_error (error, SLV_REVIEW_ERROR, SLV_REVIEW_ERROR_NOT_FOUND);
  }
  list = threads (f);
  g_assert_cmpuint (list->len, ==, 0);
}

static void
test_comments_thread (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *a = annotate (f, f->image, pin_at (TRUE, 0.3, 0.3), "green", "Ana Lima");
  g_autoptr(SlvCommentRecord) c1 = NULL;
  g_autoptr(SlvCommentRecord) c2 = NULL;
  g_autoptr(SlvCommentRecord) c3 = NULL;
  g_autoptr(GPtrArray) comments = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  SlvAnnotationRecord *r;

  c1 = slv_review_repo_add_comment (f->store, a, "Ana Lima", "\n  Rib is too tight at the cuff.\nCan @mei check?  \n", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (c1->body, ==, "Rib is too tight at the cuff.\nCan @mei check?");
  g_assert_cmpuint (g_strv_length (c1->mentions), ==, 1);
  g_assert_cmpstr (c1->mentions[0], ==, "mei");
  g_assert_null (c1->edited_at);
  c2 = slv_review_repo_add_comment (f->store, a, "Mei Chen", "Checked — 2×2 rib, ask @\"Rosa Martín\" for yarn", &error);
  g_assert_no_error (error);
  c3 = slv_review_repo_add_comment (f->store, a, "Rosa Martín", "Ok", &error);
  g_assert_no_error (error);

  comments = slv_review_repo_list_comments (f->store, a, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (comments->len, ==, 3);
  g_assert_cmpstr (((SlvCommentRecord *) comments->pdata[0])->id, ==, c1->id);
  g_assert_cmpstr (((SlvCommentRecord *) comments->pdata[2])->author, ==, "Rosa Martín");

  list = threads (f);
  r = list->pdata[0];
  g_assert_cmpuint (r->n_comments, ==, 3);
  g_assert_cmpstr (r->first_line, ==, "Rib is too tight at the cuff.");
  g_assert_cmpstr (r->last_activity, ==, c3->created_at);
  g_assert_cmpuint (g_strv_length (r->mentions), ==, 2);
  g_assert_true (g_strv_contains ((const char * const *) r->mentions, "mei"));
  g_assert_true (g_strv_contains ((const char * const *) r->mentions, "Rosa Martín"));
}

static void
test_comment_edit_delete (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *a = annotate (f, NULL, pin_at (FALSE, 0, 0), NULL, "Ana Lima");
  g_autoptr(SlvCommentRecord) c = slv_review_repo_add_comment (f->store, a, "Ana Lima", "Lower the neck", NULL);
  g_autoptr(SlvCommentRecord) reply = slv_review_repo_add_comment (f->store, a, "Mei Chen", "Why?", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) comments = NULL;
  g_autofree char *deleted = NULL;
  g_autofree char *long_body = g_strnfill (SLV_REVIEW_MAX_BODY_CHARS + 1, 'x');
  SlvCommentRecord *edited;

  /* Someone else's comment: refused, unchanged. */
  g_assert_false (slv_review_repo_edit_comment (f->store, c->id, "Mei Chen", "Raise the neck", &error));
  g_assert_error (error, SLV_REVIEW_ERROR, SLV_REVIEW_ERROR_NOT_AUTHOR);
  g_assert_nonnull (strstr (error->message, "Ana Lima"));
  g_clear_error (&error);
  g_assert_false (slv_review_repo_delete_comment (f->store, c->id, "Mei Chen", &error));
  g_assert_error (error, SLV_REVIEW_ERROR, SLV_REVIEW_ERROR_NOT_AUTHOR);
  g_clear_error (&error);

  /* Bad bodies are refused before anything is written. */
  g_assert_false (slv_review_repo_edit_comment (f->store, c->id, "Ana Lima", " \n ", &error));
  g_assert_error (error, SLV_REVIEW_ERROR, SLV_REVIEW_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (slv_review_repo_edit_comment (f->store, c->id, "Ana Lima", long_body, &error));
  g_assert_error (error, SLV_REVIEW_ERROR, SLV_REVIEW_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (slv_review_repo_add_comment (f->store, a, "Ana Lima", "bad \xff utf-8", &error));
  g_assert_error (error, SLV_REVIEW_ERROR, SLV_REVIEW_ERROR_INVALID);
  g_clear_error (&error);

  /* The author edits: body, mentions and edited_at change. */
  g_assert_true (slv_review_repo_edit_comment (f->store, c->id, "Ana Lima", "Lower the neck by 1 cm, @mei", &error));
  g_assert_no_error (error);
  comments = slv_review_repo_list_comments (f->store, a, &error);
  edited = comments->pdata[0];
  g_assert_cmpstr (edited->body, ==, "Lower the neck by 1 cm, @mei");
  g_assert_nonnull (edited->edited_at);
  g_assert_cmpstr (edited->created_at, ==, c->created_at);
  g_assert_cmpstr (edited->mentions[0], ==, "mei");

  /* The author deletes: a tombstone remains, the thread shows one. */
  g_assert_true (slv_review_repo_delete_comment (f->store, reply->id, "Mei Chen", &error));
  g_assert_no_error (error);
  deleted = slv_store_dup_field (f->store, "comment", reply->id, "deleted", &error);
  g_assert_cmpstr (deleted, ==, "1");
  g_clear_pointer (&comments, g_ptr_array_unref);
  comments = slv_review_repo_list_comments (f->store, a, &error);
  g_assert_cmpuint (comments->len, ==, 1);
  g_assert_false (slv_review_repo_edit_comment (f->store, reply->id, "Mei Chen", "again", &error));
  g_assert_error (error, SLV_REVIEW_ERROR, SLV_REVIEW_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A deleted annotation takes no comments. */
  g_assert_true (slv_review_repo_set_deleted (f->store, a, TRUE, &error));
  g_assert_null (slv_review_repo_add_comment (f->store, a, "Ana Lima", "hello?", &error));
  g_assert_error (error, SLV_REVIEW_ERROR, SLV_REVIEW_ERROR_NOT_FOUND);
}

static void
test_status (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *a = annotate (f, NULL, pin_at (FALSE, 0, 0), NULL, "Ana Lima");
  g_autofree char *b = annotate (f, f->image, pin_at (TRUE, 0.5, 0.5), NULL, "Ana Lima");
  g_autofree char *c = annotate (f, f->note, pin_at (TRUE, 0.5, 0.5), NULL, "Ana Lima");
  g_autoptr(SlvAnnotationRecord) r = NULL;
  g_autoptr(GHashTable) open = NULL;
  g_autoptr(GError) error = NULL;
  guint counts[SLV_REVIEW_N_STATUSES];

  g_assert_true (slv_review_repo_set_status (f->store, a, SLV_REVIEW_STATUS_APPROVED, "Rosa Martín", &error));
  g_assert_no_error (error);
  r = slv_review_repo_get_thread (f->store, a, &error);
  g_assert_cmpint (r->status, ==, SLV_REVIEW_STATUS_APPROVED);
  g_assert_cmpstr (r->status_by, ==, "Rosa Martín");
  g_assert_nonnull (r->status_at);

  /* approved → rejected is not a move; nothing changes. */
  g_assert_false (slv_review_repo_set_status (f->store, a, SLV_REVIEW_STATUS_REJECTED, "Mei", &error));
  g_assert_error (error, SLV_REVIEW_ERROR, SLV_REVIEW_ERROR_TRANSITION);
  g_clear_error (&error);
  g_clear_pointer (&r, slv_annotation_record_free);
  r = slv_review_repo_get_thread (f->store, a, &error);
  g_assert_cmpint (r->status, ==, SLV_REVIEW_STATUS_APPROVED);
  g_assert_cmpstr (r->status_by, ==, "Rosa Martín");

  g_assert_true (slv_review_repo_set_status (f->store, b, SLV_REVIEW_STATUS_ON_HOLD, "Mei", &error));
  g_assert_true (slv_review_repo_count_by_status (f->store, f->board, counts, &error));
  g_assert_cmpuint (counts[SLV_REVIEW_STATUS_OPEN], ==, 1);
  g_assert_cmpuint (counts[SLV_REVIEW_STATUS_APPROVED], ==, 1);
  g_assert_cmpuint (counts[SLV_REVIEW_STATUS_ON_HOLD], ==, 1);
  g_assert_cmpuint (counts[SLV_REVIEW_STATUS_RESOLVED], ==, 0);

  open = slv_review_repo_count_open_threads (f->store, &error);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (open, f->board)), ==, 1);
  g_assert_false (g_hash_table_contains (open, f->other_board));
  g_clear_pointer (&open, g_hash_table_unref);

  /* Deleting the note hides its thread from lists and counts. */
  g_assert_true (slv_store_set_deleted (f->store, "board_item", f->note, TRUE, &error));
  open = slv_review_repo_count_open_threads (f->store, &error);
  g_assert_false (g_hash_table_contains (open, f->board));
  g_assert_null (slv_review_repo_get_thread (f->store, c, &error));
  g_assert_error (error, SLV_REVIEW_ERROR, SLV_REVIEW_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (slv_review_repo_set_status (f->store, c, SLV_REVIEW_STATUS_RESOLVED, "Mei", &error));
  g_assert_error (error, SLV_REVIEW_ERROR, SLV_REVIEW_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* …and restoring it brings the thread back. */
  g_assert_true (slv_store_set_deleted (f->store, "board_item", f->note, FALSE, &error));
  g_clear_pointer (&r, slv_annotation_record_free);
  r = slv_review_repo_get_thread (f->store, c, &error);
  g_assert_no_error (error);
}

static void
test_numbers_not_reused (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *a = annotate (f, NULL, pin_at (FALSE, 0, 0), NULL, "Ana");
  g_autofree char *b = annotate (f, NULL, pin_at (FALSE, 1, 0), NULL, "Ana");
  g_autofree char *c = NULL;
  g_autoptr(SlvAnnotationRecord) r = NULL;

  g_assert_true (slv_review_repo_set_deleted (f->store, b, TRUE, NULL));
  c = annotate (f, NULL, pin_at (FALSE, 2, 0), NULL, "Ana");
  r = slv_review_repo_get_thread (f->store, c, NULL);
  g_assert_cmpint (r->number, ==, 3);
}

static void
test_anchor_color_state (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *a = annotate (f, f->image, pin_at (TRUE, 0.25, 0.75), NULL, "Ana");
  g_autoptr(SlvAnnotationState) before = slv_review_repo_get_state (f->store, a, NULL);
  g_autoptr(SlvAnnotationState) after = NULL;
  g_autoptr(SlvAnnotationState) now = NULL;
  g_autoptr(SlvAnnotationGeometry) moved = pin_at (FALSE, 600, 20);
  g_autoptr(SlvAnnotationGeometry) arrow = slv_annotation_geometry_new (SLV_ANNOTATION_ARROW, FALSE);
  g_autoptr(SlvAnnotationRecord) r = NULL;
  g_autoptr(GError) error = NULL;

  /* Re-attach from the image to the board, change colour and status. */
  g_assert_true (slv_review_repo_set_anchor (f->store, a, NULL, moved, &error));
  g_assert_no_error (error);
  g_assert_true (slv_review_repo_set_color (f->store, a, "purple", &error));
  g_assert_true (slv_review_repo_set_status (f->store, a, SLV_REVIEW_STATUS_RESOLVED, "Mei", &error));
  g_assert_no_error (error);
  g_assert_false (slv_review_repo_set_color (f->store, a, "#123456", &error));
  g_assert_error (error, SLV_REVIEW_ERROR, SLV_REVIEW_ERROR_INVALID);
  g_clear_error (&error);
  slv_annotation_geometry_add_point (arrow, 0, 0, 1);
  slv_annotation_geometry_add_point (arrow, 5, 5, 1);
  g_assert_false (slv_review_repo_set_anchor (f->store, a, NULL, arrow, &error));
  g_assert_error (error, SLV_REVIEW_ERROR, SLV_REVIEW_ERROR_INVALID);
  g_clear_error (&error);

  after = slv_review_repo_get_state (f->store, a, NULL);
  g_assert_null (after->item_id);
  g_assert_cmpint (slv_annotation_state_diff (before, after), ==,
                   SLV_ANNOTATION_FIELD_ANCHOR | SLV_ANNOTATION_FIELD_COLOR | SLV_ANNOTATION_FIELD_STATUS);

  /* Undo everything at once: back exactly as it was, status included (a
   * resolved → open-by-nobody return the move rules would not allow). */
  g_assert_true (slv_review_repo_apply_state (f->store, a, after, before, &error));
  g_assert_no_error (error);
  now = slv_review_repo_get_state (f->store, a, NULL);
  g_assert_cmpint (slv_annotation_state_diff (now, before), ==, 0);
  r = slv_review_repo_get_thread (f->store, a, NULL);
  g_assert_cmpstr (r->item_id, ==, f->image);
  g_assert_cmpfloat (slv_annotation_geometry_get_point (r->geometry, 0)->y, ==, 0.75);
  g_assert_null (r->status_by);

  /* Redo, but someone changed the colour meanwhile: refused whole. */
  g_assert_true (slv_review_repo_set_color (f->store, a, "black", &error));
  g_assert_false (slv_review_repo_apply_state (f->store, a, before, after, &error));
  g_assert_error (error, SLV_REVIEW_ERROR, SLV_REVIEW_ERROR_CHANGED);
  g_clear_pointer (&now, slv_annotation_state_free);
  now = slv_review_repo_get_state (f->store, a, NULL);
  g_assert_cmpstr (now->color, ==, "black");
  g_assert_cmpstr (now->item_id, ==, f->image);
}

static void
test_board_comments_and_items (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *a = annotate (f, NULL, pin_at (FALSE, 0, 0), NULL, "Ana");
  g_autofree char *b = annotate (f, f->image, pin_at (TRUE, 0.5, 0.5), NULL, "Ana");
  g_autoptr(SlvCommentRecord) c1 = slv_review_repo_add_comment (f->store, b, "Ana", "on b first", NULL);
  g_autoptr(SlvCommentRecord) c2 = slv_review_repo_add_comment (f->store, a, "Ana", "on a", NULL);
  g_autoptr(SlvCommentRecord) c3 = slv_review_repo_add_comment (f->store, b, "Mei", "on b second", NULL);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *bad = NULL;
  SlvItemFrame frame;
  SlvReviewItem *item;

  all = slv_review_repo_list_board_comments (f->store, f->board, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 3);
  g_assert_cmpstr (((SlvCommentRecord *) all->pdata[0])->body, ==, "on a");       /* thread 1 */
  g_assert_cmpstr (((SlvCommentRecord *) all->pdata[1])->body, ==, "on b first"); /* thread 2 */
  g_assert_cmpstr (((SlvCommentRecord *) all->pdata[2])->body, ==, "on b second");

  items = slv_review_repo_list_items (f->store, f->board, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 2);
  item = items->pdata[0];
  g_assert_true (g_str_equal (item->id, f->image) || g_str_equal (item->id, f->note));
  g_assert_true (slv_review_repo_get_item_frame (f->store, f->image, &frame, &error));
  g_assert_cmpfloat (frame.x, ==, 100);
  g_assert_cmpfloat (frame.w, ==, 400);
  g_assert_cmpfloat (frame.rotation, ==, 30);
  g_assert_true (frame.flip_h);
  g_assert_false (frame.flip_v);
  g_assert_cmpfloat (frame.crop_x, ==, 0.1);
  g_assert_cmpfloat (frame.crop_h, ==, 0.6);

  /* An item whose crop is damaged is left out, with a clear error. */
  bad = add_item (f, f->board, "image", "0.5 0.5 0.9 0.9");
  g_assert_false (slv_review_repo_get_item_frame (f->store, bad, &frame, &error));
  g_assert_error (error, SLV_REVIEW_ERROR, SLV_REVIEW_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_pointer (&items, g_ptr_array_unref);
  items = slv_review_repo_list_items (f->store, f->board, &error);
  g_assert_cmpuint (items->len, ==, 2);
}

static void
test_persists (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *a = annotate (f, f->image, pin_at (TRUE, 0.125, 0.5), "orange", "Ana");
  g_autoptr(SlvCommentRecord) c = slv_review_repo_add_comment (f->store, a, "Ana", "Keep this", NULL);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  SlvAnnotationRecord *r;

  g_clear_object (&f->store);
  f->store = slv_store_open (f->path, SLV_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (slv_store_get_schema_level (f->store), >=, 60);
  g_assert_true (slv_store_check_integrity (f->store, &error));
  list = threads (f);
  g_assert_cmpuint (list->len, ==, 1);
  r = list->pdata[0];
  g_assert_cmpstr (r->color, ==, "orange");
  g_assert_cmpfloat (slv_annotation_geometry_get_point (r->geometry, 0)->x, ==, 0.125);
  g_assert_cmpstr (r->first_line, ==, "Keep this");
}

/* A thread whose stored geometry cannot be read still lists (without a
 * shape), so its comments are never lost from view. */
static void
test_damaged_geometry (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *a = annotate (f, NULL, pin_at (FALSE, 0, 0), NULL, "Ana");
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (slv_store_update_field (f->store, "annotation", a, "geometry",
                                         "{\"v\":7,\"space\":\"board\",\"points\":[]}", &error));
  list = threads (f);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_null (((SlvAnnotationRecord *) list->pdata[0])->geometry);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/store/review/add-list", test_add_and_list);
  ADD ("/store/review/add-refused", test_add_refused);
  ADD ("/store/review/comments", test_comments_thread);
  ADD ("/store/review/comment-edit-delete", test_comment_edit_delete);
  ADD ("/store/review/status", test_status);
  ADD ("/store/review/numbers", test_numbers_not_reused);
  ADD ("/store/review/anchor-color-state", test_anchor_color_state);
  ADD ("/store/review/board-comments-items", test_board_comments_and_items);
  ADD ("/store/review/persists", test_persists);
  ADD ("/store/review/damaged-geometry", test_damaged_geometry);
#undef ADD

  return g_test_run ();
}
