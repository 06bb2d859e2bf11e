/* test-review.c: annotation and review on the real window's board page,
 * driven through the page's "review." actions and the window's
 * canvas-action, checked in the review's models, the sidebar's list, the
 * canvas's view and the workspace.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "slv-test-util.h"
#include "slv-ui-test-util.h"
#include "slv-board-canvas.h"
#include "slv-board-page-private.h"
#include "slv-boards-page-private.h"
#include "slv-window.h"
#include "core/slv-board.h"
#include "services/slv-demo.h"
#include "store/slv-repo.h"

#define USER "Test Reviewer"

typedef struct
{
  char           *dir;
  SlvStore       *store;
  SlvWindow      *window;
  SlvBoardPage   *page;
  SlvBoardCanvas *canvas;
  char           *board_id;
} Fixture;

static gboolean
board_open (gpointer data)
{
  Fixture *f = data;

  return !slv_board_page_get_loading (f->page) && slv_board_canvas_get_doc (f->canvas) != NULL &&
         f->page->review != NULL && gtk_widget_get_width (GTK_WIDGET (f->canvas)) > 200;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvEntity) board = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *path = NULL;

  g_settings_set_string (settings, "user-name", USER);
  f->dir = slv_test_make_tmpdir ("slv-ui-review");
  path = g_build_filename (f->dir, "Demo.selvedge", NULL);
  f->store = slv_demo_create (path, &error);
  g_assert_no_error (error);
  board = slv_repo_find_by_code (f->store, SLV_TYPE_BOARD, "Coastline — mood", &error);
  g_assert_no_error (error);
  f->board_id = g_strdup (slv_entity_get_id (board));
  f->window = g_object_ref_sink (slv_window_new (NULL, f->store));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 760);
  gtk_window_present (GTK_WINDOW (f->window));
  g_action_group_activate_action (G_ACTION_GROUP (f->window), "open-board", g_variant_new_string (f->board_id));
  f->page = SLV_BOARD_PAGE (slv_window_get_page_widget (f->window, "board"));
  f->canvas = slv_board_page_get_canvas (f->page);
  slv_ui_test_wait_until (board_open, f, 30);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_assert_finalize_object (f->window);
  g_clear_object (&f->store);
  slv_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->board_id);
}

static SlvReview *
review_of (Fixture *f)
{
  return f->page->review;
}

/* Activates review.@name as a button, menu or shortcut would. */
static void
act (Fixture    *f,
     const char *name,
     GVariant   *parameter)
{
  g_autofree char *full = g_strconcat ("review.", name, NULL);
  g_autoptr(GVariant) sunk = parameter ? g_variant_ref_sink (parameter) : NULL;

  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (f->page), full, sunk));
}

static guint
n_threads (Fixture *f)
{
  return g_list_model_get_n_items (slv_review_get_threads (review_of (f)));
}

static guint
n_rows (Fixture *f)
{
  return slv_review_sidebar_get_n_rows (f->page->sidebar);
}

static SlvBoardItem *
first_image (Fixture *f)
{
  GListModel *items = slv_board_doc_get_items (slv_board_canvas_get_doc (f->canvas));

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(SlvBoardItem) item = g_list_model_get_item (items, i);

      if (slv_board_item_get_kind (item) == SLV_BOARD_ITEM_IMAGE)
        return item;
    }
  g_assert_not_reached ();
  return NULL;
}

static gboolean
action_state (Fixture    *f,
              const char *name)
{
  g_autoptr(GVariant) state = g_action_group_get_action_state (G_ACTION_GROUP (f->page->review_actions), name);

  return g_variant_get_boolean (state);
}

/* The open threads the Boards page shows for the board. */
static guint
board_open_threads (Fixture *f)
{
  SlvBoardsPage *boards = SLV_BOARDS_PAGE (slv_window_get_page_widget (f->window, "boards"));
  GListModel *model = G_LIST_MODEL (boards->boards);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SlvBoard) board = g_list_model_get_item (model, i);

      if (g_strcmp0 (slv_entity_get_id (SLV_ENTITY (board)), f->board_id) == 0)
        return (guint) slv_board_get_open_threads (board);
    }
  g_assert_not_reached ();
  return 0;
}

static void
test_pin_comment_resolve (Fixture       *f,
                          gconstpointer  data)
{
  SlvReview *review = review_of (f);
  SlvBoardItem *image = first_image (f);
  const SlvBoardItemState *s = slv_board_item_get_state (image);
  guint n0 = n_threads (f), open0 = slv_review_get_n_open (review);
  guint resolved0 = slv_review_count_status (review, SLV_REVIEW_STATUS_RESOLVED);
  SlvReviewThread *thread;
  g_autofree char *id = NULL;

  g_assert_cmpuint (n0, >, 0);
  g_assert_cmpuint (n_rows (f), ==, n0);
  g_assert_false (action_state (f, "sidebar"));

  /* a pin in the middle of a picture is attached to it */
  act (f, "add-pin", g_variant_new ("(dd)", s->x + s->w / 2, s->y + s->h / 2));
  g_assert_cmpuint (n_threads (f), ==, n0 + 1);
  g_assert_cmpuint (n_rows (f), ==, n0 + 1);
  thread = slv_review_get_selected (review);
  g_assert_nonnull (thread);
  id = g_strdup (slv_review_thread_get_id (thread));
  g_assert_cmpint (slv_review_thread_get_kind (thread), ==, SLV_ANNOTATION_PIN);
  g_assert_cmpstr (slv_review_thread_get_item_id (thread), ==, slv_entity_get_id (SLV_ENTITY (image)));
  g_assert_cmpstr (slv_review_thread_get_author (thread), ==, USER);
  g_assert_true (slv_review_thread_get_mine (thread));
  g_assert_cmpuint (slv_review_get_n_open (review), ==, open0 + 1);
  g_assert_true (action_state (f, "sidebar"));

  /* a comment and a reply */
  act (f, "comment", g_variant_new_string ("Can the hem be 2 cm shorter? @\"Mei Chen\""));
  act (f, "comment", g_variant_new_string ("Reply: checking with the pattern room."));
  g_assert_cmpuint (g_list_model_get_n_items (slv_review_get_comments (review)), ==, 2);
  g_assert_cmpuint (slv_review_thread_get_n_comments (slv_review_find_thread (review, id)), ==, 2);
  g_assert_cmpstr (slv_review_thread_get_first_line (slv_review_find_thread (review, id)), ==,
                   "Can the hem be 2 cm shorter? @\"Mei Chen\"");

  /* resolved, then the sidebar's filters */
  act (f, "set-status", g_variant_new_string ("resolved"));
  g_assert_cmpint (slv_review_thread_get_status (slv_review_find_thread (review, id)), ==,
                   SLV_REVIEW_STATUS_RESOLVED);
  g_assert_cmpuint (slv_review_get_n_open (review), ==, open0);
  act (f, "filter", g_variant_new_string ("resolved"));
  g_assert_cmpuint (n_rows (f), ==, resolved0 + 1);
  act (f, "filter", g_variant_new_string ("mine"));
  g_assert_cmpuint (n_rows (f), ==, 1);
  act (f, "filter", g_variant_new_string ("open"));
  g_assert_cmpuint (n_rows (f), ==, open0);
  act (f, "filter", g_variant_new_string ("approved"));
  g_assert_cmpuint (n_rows (f), ==, slv_review_count_status (review, SLV_REVIEW_STATUS_APPROVED));
  act (f, "filter", g_variant_new_string ("all"));
  g_assert_cmpuint (n_rows (f), ==, n0 + 1);

  /* the status change is undoable; the comments stay */
  act (f, "undo", NULL);
  g_assert_cmpint (slv_review_thread_get_status (slv_review_find_thread (review, id)), ==, SLV_REVIEW_STATUS_OPEN);
  g_assert_cmpuint (slv_review_thread_get_n_comments (slv_review_find_thread (review, id)), ==, 2);

  /* the Boards list counts the board's open threads */
  g_action_group_activate_action (G_ACTION_GROUP (f->window), "show-page", g_variant_new_string ("boards"));
  g_assert_cmpuint (board_open_threads (f), ==, slv_review_get_n_open (review));
  g_assert_cmpuint (board_open_threads (f), ==, open0 + 1);
}

static void
test_edit_delete_comment (Fixture       *f,
                          gconstpointer  data)
{
  SlvReview *review = review_of (f);
  g_autoptr(SlvReviewComment) comment = NULL;
  g_autofree char *comment_id = NULL;
  g_autofree char *thread_id = NULL;
  guint n;

  act (f, "add-annotation", g_variant_new ("(sdddd)", "rect", -400.0, -400.0, -200.0, -300.0));
  g_assert_null (slv_review_thread_get_item_id (slv_review_get_selected (review)));
  act (f, "comment", g_variant_new_string ("First thought"));
  comment = g_list_model_get_item (slv_review_get_comments (review), 0);
  comment_id = g_strdup (slv_review_comment_get_id (comment));
  g_assert_true (slv_review_comment_get_mine (comment));

  act (f, "start-edit", g_variant_new_string (comment_id));
  g_assert_cmpstr (slv_review_sidebar_get_editing (f->page->sidebar), ==, comment_id);
  act (f, "edit-comment", g_variant_new ("(ss)", comment_id, "Second thought"));
  g_assert_cmpstr (slv_review_comment_get_body (comment), ==, "Second thought");
  /* marked edited at once (the sidebar's row follows "edited-at") */
  g_assert_nonnull (slv_review_comment_get_edited_at (comment));
  g_assert_null (slv_review_sidebar_get_editing (f->page->sidebar));

  act (f, "delete-comment", g_variant_new_string (comment_id));
  g_assert_cmpuint (g_list_model_get_n_items (slv_review_get_comments (review)), ==, 0);

  /* the annotation itself goes, and comes back with undo */
  n = n_threads (f);
  thread_id = g_strdup (slv_review_thread_get_id (slv_review_get_selected (review)));
  act (f, "delete", NULL);
  g_assert_cmpuint (n_threads (f), ==, n - 1);
  g_assert_null (slv_review_find_thread (review, thread_id));
  act (f, "undo", NULL);
  g_assert_cmpuint (n_threads (f), ==, n);
  g_assert_nonnull (slv_review_find_thread (review, thread_id));
}

static double
view_distance (Fixture         *f,
               SlvReviewThread *thread)
{
  SlvFrameRect b;
  double cx, cy;

  g_assert_true (slv_review_get_thread_bounds (review_of (f), thread, &b));
  slv_board_canvas_get_center (f->canvas, &cx, &cy);
  return hypot (cx - (b.x + b.w / 2), cy - (b.y + b.h / 2));
}

static void
test_jump (Fixture       *f,
           gconstpointer  data)
{
  SlvReview *review = review_of (f);
  SlvReviewThread *thread;
  double zoom;

  g_assert_cmpuint (slv_review_get_n_open (review), >=, 2);
  g_assert_true (slv_board_page_activate (f->page, "set-view", g_variant_new ("(ddd)", -8000.0, -8000.0, 0.05)));
  g_assert_cmpfloat (slv_board_canvas_get_zoom (f->canvas), <, 0.06);

  /* through the window, as D-Bus and the screenshot script do */
  g_action_group_activate_action (G_ACTION_GROUP (f->window), "canvas-action",
                                  g_variant_new ("(sv)", "review.next-open", g_variant_new_string ("")));
  thread = slv_review_get_selected (review);
  g_assert_nonnull (thread);
  g_assert_cmpint (slv_review_thread_get_status (thread), ==, SLV_REVIEW_STATUS_OPEN);
  g_assert_cmpfloat (view_distance (f, thread), <, 1.0);
  zoom = slv_board_canvas_get_zoom (f->canvas);
  g_assert_cmpfloat (zoom, >, 0.2);

  /* previous from the first open one wraps round to another */
  act (f, "previous-open", NULL);
  g_assert_true (slv_review_get_selected (review) != thread);
  thread = slv_review_get_selected (review);
  g_assert_cmpint (slv_review_thread_get_status (thread), ==, SLV_REVIEW_STATUS_OPEN);
  g_assert_cmpfloat (view_distance (f, thread), <, 1.0);

  /* by number, as a click in the list does */
  act (f, "select", g_variant_new_string ("1"));
  g_assert_cmpstr (slv_review_thread_get_label (slv_review_get_selected (review)), ==, "1");
  g_assert_cmpfloat (view_distance (f, slv_review_get_selected (review)), <, 1.0);
  act (f, "select", g_variant_new_string (""));
  g_assert_null (slv_review_get_selected (review));
}

static void
test_review_mode (Fixture       *f,
                  gconstpointer  data)
{
  SlvReview *review = review_of (f);
  SlvBoardItem *image = first_image (f);
  const char *image_id = slv_entity_get_id (SLV_ENTITY (image));
  const char *one[] = { image_id, NULL };
  double x0 = slv_board_item_get_state (image)->x;
  guint n0 = n_threads (f);

  act (f, "review-mode", NULL);
  g_assert_true (slv_review_get_review_mode (review));
  g_assert_true (slv_board_canvas_get_read_only (f->canvas));
  g_assert_true (action_state (f, "review-mode"));

  /* an item move is refused; the item stays where it was */
  slv_board_doc_select (slv_board_canvas_get_doc (f->canvas), one, SLV_SELECT_REPLACE);
  g_assert_false (slv_board_page_activate (f->page, "move", g_variant_new ("(dd)", 50.0, 0.0)));
  g_assert_cmpfloat (slv_board_item_get_state (image)->x, ==, x0);

  /* annotations and comments still go in */
  act (f, "add-pin", g_variant_new ("(dd)", -500.0, -500.0));
  g_assert_cmpuint (n_threads (f), ==, n0 + 1);
  act (f, "comment", g_variant_new_string ("Reviewed on the road."));
  g_assert_cmpuint (g_list_model_get_n_items (slv_review_get_comments (review)), ==, 1);

  /* out of review mode the move goes through */
  act (f, "review-mode", NULL);
  g_assert_false (slv_board_canvas_get_read_only (f->canvas));
  g_assert_true (slv_board_page_activate (f->page, "move", g_variant_new ("(dd)", 50.0, 0.0)));
  g_assert_cmpfloat (fabs (slv_board_item_get_state (image)->x - (x0 + 50)), <, 1e-6);
}

static guint
n_on_item (Fixture    *f,
           const char *item_id)
{
  GListModel *threads = slv_review_get_threads (review_of (f));
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (threads); i++)
    {
      g_autoptr(SlvReviewThread) thread = g_list_model_get_item (threads, i);

      n += g_strcmp0 (slv_review_thread_get_item_id (thread), item_id) == 0;
    }
  return n;
}

/* An item's annotations go with it and come back with it. */
static void
test_item_deleted (Fixture       *f,
                   gconstpointer  data)
{
  SlvBoardItem *image = first_image (f);
  const SlvBoardItemState *s = slv_board_item_get_state (image);
  g_autofree char *image_id = g_strdup (slv_entity_get_id (SLV_ENTITY (image)));
  const char *one[] = { image_id, NULL };
  guint n0;

  act (f, "add-pin", g_variant_new ("(dd)", s->x + s->w / 3, s->y + s->h / 3));
  n0 = n_threads (f);
  g_assert_cmpuint (n_on_item (f, image_id), >=, 1);
  slv_board_doc_select (slv_board_canvas_get_doc (f->canvas), one, SLV_SELECT_REPLACE);
  g_assert_true (slv_board_page_activate (f->page, "delete", NULL));
  g_assert_cmpuint (n_on_item (f, image_id), ==, 0);
  g_assert_cmpuint (n_threads (f), <, n0);
  g_assert_true (slv_board_page_activate (f->page, "undo", NULL));
  g_assert_cmpuint (n_threads (f), ==, n0);
}

/* A press, a drag through @n points and a release, as the canvas hands
 * them to the overlay; TRUE if the overlay took the press. */
static gboolean
stroke (Fixture      *f,
        const double *xy,
        guint         n)
{
  SlvCanvasInput input = { SLV_CANVAS_INPUT_PRESS, xy[0], xy[1], xy[0], xy[1], 0, 1 };
  gboolean taken = slv_review_overlay_input (f->page->overlay, &input);

  for (guint i = 1; taken && i < n; i++)
    {
      input.kind = SLV_CANVAS_INPUT_DRAG;
      input.x = xy[2 * i], input.y = xy[2 * i + 1];
      slv_review_overlay_input (f->page->overlay, &input);
    }
  input.kind = SLV_CANVAS_INPUT_RELEASE;
  if (taken)
    slv_review_overlay_input (f->page->overlay, &input);
  return taken;
}

static void
test_tools (Fixture       *f,
            gconstpointer  data)
{
  SlvReview *review = review_of (f);
  SlvBoardItem *image = first_image (f);
  const SlvBoardItemState *s = slv_board_item_get_state (image);
  double wave[2 * 60], box[] = { -600, -300, -520, -260, -450, -200 }, tiny[] = { -100, -100, -99.5, -100 };
  double move[] = { -600, -300, -550, -275, -500, -250 };
  double item_drag[] = { s->x + s->w / 2, s->y + s->h / 2, s->x + s->w / 2 + 80, s->y + s->h / 2 };
  const SlvAnnotationGeometry *g;
  double x0 = s->x;
  guint n0 = n_threads (f);

  g_assert_true (slv_board_page_activate (f->page, "set-view", g_variant_new ("(ddd)", -500.0, -300.0, 1.0)));
  /* ink: smoothed and simplified before it is stored */
  for (guint i = 0; i < 60; i++)
    wave[2 * i] = -700 + 4.0 * i, wave[2 * i + 1] = -600 + 20 * sin (i / 6.0);
  act (f, "tool", g_variant_new_string ("ink"));
  g_assert_true (stroke (f, wave, 60));
  g_assert_cmpuint (n_threads (f), ==, n0 + 1);
  g = slv_review_thread_get_geometry (slv_review_get_selected (review));
  g_assert_cmpint (g->kind, ==, SLV_ANNOTATION_INK);
  g_assert_cmpuint (slv_annotation_geometry_get_n_points (g), >=, 3);
  g_assert_cmpuint (slv_annotation_geometry_get_n_points (g), <, 60);
  g_assert_cmpfloat (slv_annotation_geometry_get_point (g, 0)->pressure, ==, 1.0);

  /* a rectangle by dragging; a slip of the hand adds nothing */
  act (f, "tool", g_variant_new_string ("rect"));
  g_assert_true (stroke (f, box, 3));
  g = slv_review_thread_get_geometry (slv_review_get_selected (review));
  g_assert_cmpint (g->kind, ==, SLV_ANNOTATION_RECT);
  g_assert_cmpfloat (slv_annotation_geometry_get_point (g, 1)->x, ==, -450);
  g_assert_true (stroke (f, tiny, 2));
  g_assert_cmpuint (n_threads (f), ==, n0 + 2);

  /* the select tool drags an annotation, one undo step */
  act (f, "tool", g_variant_new_string ("select"));
  g_assert_true (stroke (f, move, 3));
  g = slv_review_thread_get_geometry (slv_review_get_selected (review));
  g_assert_cmpfloat (fabs (slv_annotation_geometry_get_point (g, 0)->x - (-500)), <, 1e-9);
  g_assert_cmpfloat (fabs (slv_annotation_geometry_get_point (g, 0)->y - (-250)), <, 1e-9);
  act (f, "undo", NULL);
  g = slv_review_thread_get_geometry (slv_review_get_selected (review));
  g_assert_cmpfloat (slv_annotation_geometry_get_point (g, 0)->x, ==, -600);

  /* out of review mode the canvas moves items; in it the overlay holds
   * the press and refuses the drag */
  g_assert_false (stroke (f, item_drag, 2));
  act (f, "review-mode", NULL);
  g_assert_true (stroke (f, item_drag, 2));
  g_assert_cmpfloat (slv_board_item_get_state (image)->x, ==, x0);

  /* a pin is a click */
  act (f, "tool", g_variant_new_string ("pin"));
  g_assert_true (stroke (f, tiny, 1));
  g_assert_cmpint (slv_review_thread_get_kind (slv_review_get_selected (review)), ==, SLV_ANNOTATION_PIN);
  g_assert_cmpuint (n_threads (f), ==, n0 + 3);

  /* hiding the tools goes back to selecting */
  act (f, "sidebar", NULL);
  g_assert_cmpstr (slv_review_overlay_get_tool (f->page->overlay), ==, "select");
}

static gboolean
file_written (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

static void
test_export_csv (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "review.csv", NULL);
  g_autofree char *text = NULL;

  act (f, "add-pin", g_variant_new ("(dd)", -300.0, -300.0));
  act (f, "comment", g_variant_new_string ("Exported comment"));
  act (f, "export-to", g_variant_new ("(ss)", "csv", path));
  slv_ui_test_wait_until (file_written, path, 10);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "Exported comment"));
  g_assert_nonnull (strstr (text, USER));
}

/* A report of the selection: the threads on the selected image, not the
 * one far away (pdftotext reads the PDF back). */
static void
test_export_selection (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "selection.pdf", NULL);
  SlvBoardItem *image = first_image (f);
  const SlvBoardItemState *s = slv_board_item_get_state (image);
  const char *ids[] = { slv_entity_get_id (SLV_ENTITY (image)), NULL };
  g_autoptr(GVariant) sel = g_variant_ref_sink (g_variant_new_strv (ids, -1));
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  int status = -1;

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  act (f, "add-pin", g_variant_new ("(dd)", s->x + s->w / 2, s->y + s->h / 2));
  act (f, "comment", g_variant_new_string ("On the selected swatch"));
  act (f, "add-pin", g_variant_new ("(dd)", s->x - 5000.0, s->y - 5000.0));
  act (f, "comment", g_variant_new_string ("Far away from it"));
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (f->canvas), "canvas.select", sel));
  act (f, "export-to", g_variant_new ("(ss)", "pdf-selection", path));
  slv_ui_test_wait_until (file_written, path, 20);
  {
    const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                                 NULL, NULL, &text, NULL, &status, &error));
  }
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "On the selected swatch"));
  g_assert_null (strstr (text, "Far away from it"));
}

int
main (int argc, char **argv)
{
  if (!slv_ui_test_init (&argc, &argv, "/ui/review/no-display"))
    return g_test_run ();
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/ui/review/pin-comment-resolve", test_pin_comment_resolve);
  ADD ("/ui/review/edit-delete-comment", test_edit_delete_comment);
  ADD ("/ui/review/jump", test_jump);
  ADD ("/ui/review/review-mode", test_review_mode);
  ADD ("/ui/review/item-deleted", test_item_deleted);
  ADD ("/ui/review/tools", test_tools);
  ADD ("/ui/review/export-csv", test_export_csv);
  ADD ("/ui/review/export-selection", test_export_selection);
#undef ADD
  return g_test_run ();
}
