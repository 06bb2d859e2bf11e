/* test-review-export.c: the review report of the demo board, as PDF and CSV,
 * from the service and from selvedge-cli.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The PDF is checked with Debian's poppler-utils: pdftotext must find every
 * comment's text and every status, pdftoppm must render the board page to a
 * picture with the board and its markers on it.
 */
#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <sys/wait.h>

#include "slv-test-util.h"
#include "services/slv-demo.h"
#include "services/slv-review.h"
#include "services/slv-review-demo.h"
#include "services/slv-review-export.h"
#include "store/slv-review-repo.h"

#define BOARD_NAME "Coastline — mood"

typedef struct
{
  char      *dir;
  char      *path;
  SlvStore  *store;
  char      *board;
  GPtrArray *bodies;   /* every comment written, as written */
} Fixture;

static char *
long_comment (void)
{
  static const char *words[] = { "stripe", "marine", "slub", "jersey", "garment-washed", "linen",
                                 "breton", "placement", "shrinkage", "hand-feel", "colourway" };
  GString *s = g_string_new ("Long review note:");

  for (guint i = 0; i < 1400; i++)
    g_string_append_printf (s, " %s%u", words[i % G_N_ELEMENTS (words)], i);
  return g_string_free (s, FALSE);
}

static const char *
first_image (Fixture *f)
{
  g_autoptr(GPtrArray) items = slv_review_repo_list_items (f->store, f->board, NULL);
  static char id[64];

  for (guint i = 0; i < items->len; i++)
    {
      SlvReviewItem *item = items->pdata[i];

      if (g_str_equal (item->kind, "image"))
        {
          g_strlcpy (id, item->id, sizeof id);
          return id;
        }
    }
  g_assert_not_reached ();
}

static char *
annotate (Fixture           *f,
          SlvReview         *review,
          SlvAnnotationKind  kind,
          const char        *item,
          const double      *xy,
          guint              n)
{
  g_autoptr(SlvAnnotationGeometry) g = slv_annotation_geometry_new (kind, item != NULL);
  g_autoptr(GError) error = NULL;
  char *id;

  for (guint i = 0; i < n; i++)
    slv_annotation_geometry_add_point (g, xy[2 * i], xy[2 * i + 1], kind == SLV_ANNOTATION_INK ? 0.3 + 0.1 * (i % 7) : 1);
  g->width = kind == SLV_ANNOTATION_INK ? 6 : 3;
  id = slv_review_add_annotation (review, item, g, kind == SLV_ANNOTATION_ARROW ? "blue" : NULL, &error);
  g_assert_no_error (error);
  return id;
}

static void
say (Fixture    *f,
     SlvReview  *review,
     const char *who,
     const char *annotation,
     const char *body)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  slv_review_set_user_name (review, who);
  id = slv_review_add_comment (review, annotation, body, &error);
  g_assert_no_error (error);
  g_ptr_array_add (f->bodies, g_strdup (body));
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvReview) review = NULL;
  g_autofree char *pin = NULL, *ink = NULL, *arrow = NULL, *rect = NULL, *ellipse = NULL, *hl = NULL;
  g_autofree char *longer = long_comment ();
  double ink_xy[40];
  const char *image;

  f->dir = slv_test_make_tmpdir ("slv-review-export");
  f->path = g_build_filename (f->dir, "Demo.selvedge", NULL);
  f->store = slv_demo_create (f->path, &error);
  g_assert_no_error (error);
  f->board = slv_review_export_find_board (f->store, BOARD_NAME, &error);
  g_assert_no_error (error);
  f->bodies = g_ptr_array_new_with_free_func (g_free);

  /* Start from a board without the demo's own threads (see test_demo_threads). */
  {
    g_autoptr(GPtrArray) demo = slv_review_repo_list_threads (f->store, f->board, &error);

    g_assert_no_error (error);
    for (guint i = 0; i < demo->len; i++)
      g_assert_true (slv_review_repo_set_deleted (f->store, ((SlvAnnotationRecord *) demo->pdata[i])->id,
                                                  TRUE, &error));
  }

  /* Turn and crop the first image, so the report draws a real frame. */
  image = first_image (f);
  g_assert_true (slv_store_update_field (f->store, "board_item", image, "rotation", "-12", &error));
  g_assert_true (slv_store_update_field (f->store, "board_item", image, "crop", "0.1 0.1 0.8 0.8", &error));

  review = slv_review_new (f->store, f->board, "Ana Lima", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 20; i++)
    {
      ink_xy[2 * i] = 700 + i * 12;
      ink_xy[2 * i + 1] = 500 + 30 * ((i % 4) - 1.5);
    }
  pin = annotate (f, review, SLV_ANNOTATION_PIN, image, (double[]) { 0.45, 0.55 }, 1);
  ink = annotate (f, review, SLV_ANNOTATION_INK, NULL, ink_xy, 20);
  arrow = annotate (f, review, SLV_ANNOTATION_ARROW, NULL, (double[]) { 1000, 700, 1250, 180 }, 2);
  rect = annotate (f, review, SLV_ANNOTATION_RECT, NULL, (double[]) { 30, 10, 610, 110 }, 2);
  ellipse = annotate (f, review, SLV_ANNOTATION_ELLIPSE, NULL, (double[]) { 360, 440, 640, 700 }, 2);
  hl = annotate (f, review, SLV_ANNOTATION_HIGHLIGHT, NULL, (double[]) { 1250, 110, 1370, 560 }, 2);

  say (f, review, "Ana Lima", pin, "Stripe repeat too wide — @\"Mei Chen\" can you check the 2×2 rib?");
  say (f, review, "Mei Chen", pin, "Größe passt; rib is 2×2 ✓");
  say (f, review, "Rosa Martín", ink, "Drop this curve,\nkeep the hem straight.");
  say (f, review, "Ana Lima", arrow, "Move the \"Sand\" swatch next to the navy");
  say (f, review, "Mei Chen", rect, "Brief text approved by merch");
  say (f, review, "Ana Lima", ellipse, longer);
  say (f, review, "Rosa Martín", hl, "=SUM(A1:A9) is not a price, @ana");
  say (f, review, "Rosa Martín", hl, "-5 % on sand, +3 on navy");
  say (f, review, "Mei Chen", hl, "''@not a formula either, 'x");

  slv_review_set_user_name (review, "Rosa Martín");
  g_assert_true (slv_review_set_status (review, pin, SLV_REVIEW_STATUS_APPROVED, &error));
  g_assert_true (slv_review_set_status (review, ink, SLV_REVIEW_STATUS_REJECTED, &error));
  g_assert_true (slv_review_set_status (review, arrow, SLV_REVIEW_STATUS_ON_HOLD, &error));
  g_assert_true (slv_review_set_status (review, rect, SLV_REVIEW_STATUS_RESOLVED, &error));
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->store);
  slv_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_free (f->board);
  g_ptr_array_unref (f->bodies);
}

/* The text a reader sees, for comparing: page footers taken out, then
 * hyphens and white space dropped. Pango may break a line after "hand-" or
 * move on to the next page mid-comment, and pdftotext then joins "hand-"
 * with whatever follows (even the footer); words still follow each other in
 * the same order, which is what this compares. */
static char *
flatten (const char *text)
{
  g_autoptr(GRegex) footer = g_regex_new ("Page [0-9]+[ \\t]*$", G_REGEX_MULTILINE, 0, NULL);
  g_autoptr(GRegex) blank = g_regex_new ("[-\\s]+", 0, 0, NULL);
  g_autofree char *no_footer = g_regex_replace_literal (footer, text, -1, 0, "", 0, NULL);

  return g_regex_replace_literal (blank, no_footer, -1, 0, "", 0, NULL);
}

static char *
run_tool (const char *program,
          const char *first_arg,
          ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *path = g_find_program_in_path (program);
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;
  va_list args;

  if (path == NULL)
    return NULL;
  g_ptr_array_add (argv, path);
  va_start (args, first_arg);
  for (const char *a = first_arg; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static void
assert_pdf_text (Fixture    *f,
                 const char *pdf)
{
  g_autofree char *raw = run_tool ("pdftotext", "-enc", "UTF-8", pdf, "-", NULL);
  g_autofree char *text = NULL;
  const char *statuses[] = { "Open", "Approved", "Rejected", "On hold", "Resolved" };

  if (raw == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  text = flatten (raw);
  g_assert_nonnull (strstr (text, "Coastline—mood"));
  for (guint i = 0; i < f->bodies->len; i++)
    {
      g_autofree char *want = flatten (f->bodies->pdata[i]);

      if (strstr (text, want) == NULL)
        g_error ("The PDF does not show the comment “%.80s…”", want);
    }
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      g_autofree char *want = flatten (statuses[i]);

      g_assert_nonnull (strstr (text, want));
    }
  g_assert_nonnull (strstr (text, "Approved—byRosaMartín"));
  g_assert_nonnull (strstr (text, "MeiChen"));
}

/* The board page renders to a picture with the images and red markers. */
static void
assert_pdf_renders (Fixture    *f,
                    const char *pdf)
{
  g_autofree char *prefix = g_build_filename (f->dir, "page", NULL);
  g_autofree char *png = g_strconcat (prefix, ".png", NULL);
  g_autofree char *out = run_tool ("pdftoppm", "-r", "40", "-f", "1", "-l", "1", "-png", "-singlefile",
                                   pdf, prefix, NULL);
  cairo_surface_t *page;
  guint inked = 0, red = 0, total;
  g_autoptr(GHashTable) colours = g_hash_table_new (NULL, NULL);
  int w, h, stride;
  const guint8 *data;

  if (out == NULL)
    {
      g_test_skip ("pdftoppm (poppler-utils) is not installed");
      return;
    }
  page = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (page), ==, CAIRO_STATUS_SUCCESS);
  w = cairo_image_surface_get_width (page);
  h = cairo_image_surface_get_height (page);
  g_assert_cmpint (w, >, h);   /* the board page is landscape */
  stride = cairo_image_surface_get_stride (page);
  data = cairo_image_surface_get_data (page);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint32 px = ((const guint32 *) (data + y * stride))[x];
        int r = (px >> 16) & 0xff, g = (px >> 8) & 0xff, b = px & 0xff;

        inked += (r < 235 || g < 235 || b < 235);
        red += (r > 190 && g < 70 && b < 80);
        g_hash_table_add (colours, GUINT_TO_POINTER (((r >> 3) << 10) | ((g >> 3) << 5) | (b >> 3)));
      }
  total = (guint) (w * h);
  cairo_surface_destroy (page);
  g_test_message ("board page %d×%d: %u inked, %u marker-red pixels, %u colours", w, h, inked, red,
                  g_hash_table_size (colours));
  /* The eight demo images and the swatches cover a good part of the page;
   * the markers and shapes in the default red are there. */
  g_assert_cmpuint (inked, >, total / 5);
  g_assert_cmpuint (red, >, 20);
  /* The fabric pictures themselves, not grey placeholders: many colours. */
  g_assert_cmpuint (g_hash_table_size (colours), >, 500);
}

static void
test_pdf (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "review.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (slv_review_export (f->store, f->board, pdf, SLV_REVIEW_REPORT_PDF, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf, &contents, &len, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  assert_pdf_text (f, pdf);
  assert_pdf_renders (f, pdf);
}

static void
test_csv_round_trip (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (f->dir, "review.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) comments = NULL;
  g_autoptr(GPtrArray) threads = NULL;
  g_autofree char *text = NULL;
  const char * const *columns = slv_review_csv_columns ();
  guint n_columns = g_strv_length ((char **) columns);
  gsize len;

  g_assert_true (slv_review_export (f->store, f->board, csv, SLV_REVIEW_REPORT_CSV, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv, &text, &len, NULL));
  /* A formula never reaches a spreadsheet as one. */
  g_assert_null (strstr (text, ",=SUM"));
  g_assert_nonnull (strstr (text, "\"'=SUM(A1:A9)"));

  rows = slv_review_csv_parse (text, len, &error);
  g_assert_no_error (error);
  comments = slv_review_repo_list_board_comments (f->store, f->board, &error);
  threads = slv_review_repo_list_threads (f->store, f->board, &error);
  g_assert_cmpuint (rows->len, ==, comments->len + 1);   /* every thread has comments */
  g_assert_true (g_strv_equal ((const char * const *) rows->pdata[0], columns));
  for (guint i = 0; i < comments->len; i++)
    {
      char **row = rows->pdata[i + 1];
      SlvCommentRecord *c = comments->pdata[i];
      SlvAnnotationRecord *t = NULL;
      g_autofree char *mentions = g_strjoinv ("; ", c->mentions);

      for (guint k = 0; k < threads->len; k++)
        if (g_str_equal (((SlvAnnotationRecord *) threads->pdata[k])->id, c->annotation_id))
          t = threads->pdata[k];
      g_assert_cmpuint (g_strv_length (row), ==, n_columns);
      g_assert_cmpstr (row[0], ==, BOARD_NAME);
      g_assert_cmpstr (row[3], ==, slv_review_status_to_string (t->status));
      g_assert_cmpstr (row[4], ==, t->status_by ? t->status_by : "");
      g_assert_cmpstr (row[6], ==, slv_annotation_kind_to_string (t->kind));
      g_assert_cmpstr (row[9], ==, c->id);
      g_assert_cmpstr (row[10], ==, c->author);
      g_assert_cmpstr (row[11], ==, c->created_at);
      g_assert_cmpstr (row[13], ==, c->body);
      g_assert_cmpstr (row[14], ==, mentions);
    }
}

static void
test_csv_parse_refuses (void)
{
  const char *bad[] = { "a,\"b", "a,\"b\"c\r\n", "\xff,a" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) rows = slv_review_csv_parse (bad[i], -1, &error);

      g_assert_null (rows);
      g_assert_error (error, SLV_REVIEW_ERROR, SLV_REVIEW_ERROR_INVALID);
    }
}

/* A selection: only the threads whose markers are in it. */
static void
test_area (Fixture       *f,
           gconstpointer  data)
{
  SlvFrameRect top_left = { 0, 0, 700, 300 };
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvReviewReport) all = slv_review_export_collect (f->store, f->board, NULL, &error);
  g_autoptr(SlvReviewReport) part = slv_review_export_collect (f->store, f->board, &top_left, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (all->threads->len, ==, 6);
  g_assert_cmpfloat (all->area.w, >, 1300);
  /* The pin on the first image (40…320 × 120…400, turned a little) and
   * the rectangle on the note start there. */
  g_assert_cmpuint (part->threads->len, ==, 2);
  g_assert_cmpint (((SlvReviewReportThread *) part->threads->pdata[0])->annotation->kind, ==, SLV_ANNOTATION_PIN);
  g_assert_true (((SlvReviewReportThread *) part->threads->pdata[0])->has_frame);
  g_assert_cmpuint (((SlvReviewReportThread *) part->threads->pdata[0])->comments->len, ==, 2);
}

static void
test_atomic_write (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (f->dir, "no-such-folder", "r.pdf", NULL);
  g_autofree char *csv = g_build_filename (f->dir, "out", "r.csv", NULL);
  g_autofree char *folder = g_path_get_dirname (csv);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint n = 0;

  g_assert_false (slv_review_export (f->store, f->board, missing, SLV_REVIEW_REPORT_PDF, NULL, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "Could not save the report"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* Over an old file: replaced whole, no temporary file left behind. */
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (csv, "old contents that are longer than nothing", -1, NULL));
  g_assert_true (slv_review_export (f->store, f->board, csv, SLV_REVIEW_REPORT_CSV, NULL, NULL, NULL, &error));
  g_assert_true (g_file_get_contents (csv, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "board,thread,number,"));
  dir = g_dir_open (folder, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    n++;
  g_assert_cmpuint (n, ==, 1);
}

static int
run_cli (Fixture     *f,
         char       **out_err,
         const char  *first,
         ...)
{
  g_autofree char *cli = slv_test_build_path ("src/cli/selvedge-cli");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = 0;
  va_list args;

  g_ptr_array_add (argv, cli);
  va_start (args, first);
  for (const char *a = first; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               NULL, out_err, &status, &error));
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "cli report.pdf", NULL);
  g_autofree char *csv = g_build_filename (f->dir, "cli.csv", NULL);
  g_autofree char *txt = g_build_filename (f->dir, "cli.txt", NULL);
  g_autofree char *err = NULL;
  g_autofree char *err2 = NULL;
  g_autofree char *err3 = NULL;
  g_autofree char *err4 = NULL;

  g_clear_object (&f->store);   /* the command opens the workspace itself */
  g_assert_cmpint (run_cli (f, &err, "review-report", BOARD_NAME, "-o", pdf, f->path, NULL), ==, 0);
  g_assert_nonnull (strstr (err, "Wrote the review report"));
  f->store = slv_store_open (f->path, SLV_STORE_OPEN_DEFAULT, NULL);
  assert_pdf_text (f, pdf);

  g_assert_cmpint (run_cli (f, NULL, "review-report", BOARD_NAME, "-o", csv, f->path, NULL), ==, 0);
  g_assert_true (g_file_test (csv, G_FILE_TEST_IS_REGULAR));

  g_assert_cmpint (run_cli (f, &err2, "review-report", "No such board", "-o", pdf, f->path, NULL), ==, 2);
  g_assert_nonnull (strstr (err2, "No such board"));
  g_assert_cmpint (run_cli (f, &err3, "review-report", BOARD_NAME, "-o", txt, f->path, NULL), ==, 2);
  g_assert_nonnull (strstr (err3, ".pdf or .csv"));
  g_assert_false (g_file_test (txt, G_FILE_TEST_EXISTS));
  g_assert_cmpint (run_cli (f, &err4, "review-report", BOARD_NAME, f->path, NULL), ==, 2);
  g_assert_nonnull (strstr (err4, "-o FILE.pdf"));
}

/* The demo's own threads: something to review at once. */
static void
test_demo_threads (void)
{
  g_autofree char *dir = slv_test_make_tmpdir ("slv-review-demo");
  g_autofree char *path = g_build_filename (dir, "Demo.selvedge", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvStore) store = slv_demo_create (path, &error);
  g_autofree char *board = NULL;
  g_autoptr(GPtrArray) threads = NULL;
  guint counts[SLV_REVIEW_N_STATUSES];
  guint attached = 0;

  /* slv_demo_create adds the review threads (slv_review_demo_populate). */
  g_assert_no_error (error);
  board = slv_review_export_find_board (store, BOARD_NAME, &error);
  threads = slv_review_repo_list_threads (store, board, &error);
  g_assert_cmpuint (threads->len, ==, 4);
  for (guint i = 0; i < threads->len; i++)
    {
      SlvAnnotationRecord *r = threads->pdata[i];

      g_assert_cmpuint (r->n_comments, >=, 1);
      g_assert_nonnull (r->geometry);
      attached += r->item_id != NULL;
    }
  g_assert_cmpuint (attached, ==, 3);
  g_assert_true (slv_review_repo_count_by_status (store, board, counts, &error));
  g_assert_cmpuint (counts[SLV_REVIEW_STATUS_APPROVED], ==, 1);
  g_assert_cmpuint (counts[SLV_REVIEW_STATUS_ON_HOLD], ==, 1);
  g_assert_cmpuint (counts[SLV_REVIEW_STATUS_OPEN], ==, 2);
  g_clear_object (&store);
  slv_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/services/review-export/pdf", test_pdf);
  ADD ("/services/review-export/csv-round-trip", test_csv_round_trip);
  ADD ("/services/review-export/area", test_area);
  ADD ("/services/review-export/atomic-write", test_atomic_write);
  ADD ("/services/review-export/cli", test_cli);
#undef ADD
  g_test_add_func ("/services/review-export/csv-parse-refuses", test_csv_parse_refuses);
  g_test_add_func ("/services/review-export/demo-threads", test_demo_threads);

  return g_test_run ();
}
