/* test-board-render.c: the canvas rendered offscreen by GskCairoRenderer,
 * checked pixel by pixel on a board whose every item is known.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "slv-test-util.h"
#include "slv-ui-test-util.h"
#include "slv-board-canvas.h"
#include "slv-board-export.h"
#include "services/slv-board-shelf.h"
#include "services/slv-image.h"
#include "services/slv-workspace.h"

#define VIEW_W 520
#define VIEW_H 320

typedef struct
{
  char           *dir;
  SlvStore       *store;
  SlvBoardDoc    *doc;
  SlvMipCache    *cache;
  SlvBoardCanvas *canvas;
  char           *sha;
  GdkTexture     *texture;
  guchar         *pixels;
  gsize           stride;
} Fixture;

typedef struct
{
  guint8 r, g, b, a;
} Pixel;

/* A 64 × 64 picture in four quadrants: red, green / blue, white. */
static GBytes *
quadrant_png (void)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 64, 64);
  guchar *p = gdk_pixbuf_get_pixels (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  static const guint8 colours[4][3] = { { 230, 20, 20 }, { 20, 200, 40 }, { 30, 40, 220 }, { 255, 255, 255 } };
  g_autoptr(GError) error = NULL;
  gchar *buffer = NULL;
  gsize size = 0;

  for (int y = 0; y < 64; y++)
    for (int x = 0; x < 64; x++)
      memcpy (p + y * stride + x * 3, colours[(y >= 32) * 2 + (x >= 32)], 3);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "png", &error, NULL));
  g_assert_no_error (error);
  return g_bytes_new_take (buffer, size);
}

static SlvBoardItemState *
image_state (const char *sha,
             double      x,
             double      y,
             double      w,
             double      h)
{
  SlvBoardItemState *s = slv_board_item_state_new ();

  s->kind = g_strdup ("image");
  s->blob = g_strdup (sha);
  s->x = x, s->y = y, s->w = w, s->h = h;
  return s;
}

static void
build_board (Fixture *f)
{
  g_autoptr(GPtrArray) states = g_ptr_array_new_with_free_func ((GDestroyNotify) slv_board_item_state_free);
  g_autoptr(GError) error = NULL;
  SlvBoardItemState *s;

  /* A: as it is */
  g_ptr_array_add (states, image_state (f->sha, 20, 20, 160, 160));
  /* B: turned a quarter clockwise */
  s = image_state (f->sha, 220, 20, 160, 160);
  s->rotation = 90;
  g_ptr_array_add (states, s);
  /* C: cropped to its red quarter */
  s = image_state (f->sha, 220, 200, 80, 80);
  s->crop = g_strdup ("0 0 0.5 0.5");
  g_ptr_array_add (states, s);
  /* D: mirrored left to right, in grey */
  s = image_state (f->sha, 400, 20, 100, 100);
  s->flip_h = TRUE;
  s->grayscale = TRUE;
  g_ptr_array_add (states, s);
  /* E: half transparent */
  s = image_state (f->sha, 400, 200, 100, 100);
  s->opacity = 0.5;
  g_ptr_array_add (states, s);
  /* a note */
  s = slv_board_item_state_new ();
  s->kind = g_strdup ("note");
  s->x = 20, s->y = 200, s->w = 160, s->h = 100;
  s->color = g_strdup ("#fff4b8");
  s->text = g_strdup ("Hi");
  s->props = g_strdup ("{\"font-size\":14}");
  g_ptr_array_add (states, s);
  /* a swatch */
  s = slv_board_item_state_new ();
  s->kind = g_strdup ("swatch");
  s->x = 310, s->y = 200, s->w = 80, s->h = 100;
  s->color = g_strdup ("#1b2a49");
  g_ptr_array_add (states, s);
  g_assert_true (slv_board_doc_add_states (f->doc, "Set up", states, &error));
  g_assert_no_error (error);
  /* no selection outline over the pixels checked */
  slv_board_doc_select (f->doc, NULL, SLV_SELECT_REPLACE);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(SlvBoardShelf) shelf = NULL;
  g_autoptr(SlvImageInfo) info = NULL;
  g_autoptr(GBytes) png = quadrant_png ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *board = NULL;

  f->dir = slv_test_make_tmpdir ("slv-render");
  path = g_build_filename (f->dir, "Render.selvedge", NULL);
  f->store = slv_workspace_create_empty (path, "Render Brand", &error);
  g_assert_no_error (error);
  shelf = slv_board_shelf_new (f->store);
  g_assert_true (slv_board_shelf_create (shelf, "Known board", NULL, &board, &error));
  g_assert_no_error (error);
  f->doc = slv_board_doc_load (f->store, board, &error);
  g_assert_no_error (error);
  info = slv_image_import_bytes (f->store, png, "quadrants.png", &error);
  g_assert_no_error (error);
  f->sha = g_strdup (info->sha256);
  build_board (f);
  f->cache = slv_mip_cache_new (f->store, SLV_MIP_CACHE_DEFAULT_BUDGET);
  f->canvas = g_object_ref_sink (SLV_BOARD_CANVAS (slv_board_canvas_new ()));
  slv_board_canvas_set_doc (f->canvas, f->doc, f->cache, NULL);
  /* the board's point (VIEW_W / 2, VIEW_H / 2) in the middle, at 100 %:
   * board and pixel coordinates are the same */
  slv_board_canvas_set_view (f->canvas, VIEW_W / 2.0, VIEW_H / 2.0, 1);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->texture);
  g_free (f->pixels);
  g_assert_finalize_object (f->canvas);
  g_assert_finalize_object (f->doc);
  g_clear_object (&f->cache);
  g_clear_object (&f->store);
  slv_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->sha);
}

static Pixel
pixel_at (Fixture *f,
          int      x,
          int      y)
{
  const guchar *p = f->pixels + y * f->stride + x * 4;
  Pixel px;

  /* GDK_MEMORY_DEFAULT: premultiplied B, G, R, A in memory */
  px.a = p[3];
  px.r = px.a ? MIN (255, p[2] * 255 / px.a) : 0;
  px.g = px.a ? MIN (255, p[1] * 255 / px.a) : 0;
  px.b = px.a ? MIN (255, p[0] * 255 / px.a) : 0;
  return px;
}

static void
render (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  GskRenderNode *node = slv_board_canvas_render_node (f->canvas, VIEW_W, VIEW_H);

  g_clear_object (&f->texture);
  f->texture = slv_board_export_render_texture (node, VIEW_W, VIEW_H, &error);
  g_assert_no_error (error);
  gsk_render_node_unref (node);
  g_assert_cmpint (gdk_texture_get_width (f->texture), ==, VIEW_W);
  f->stride = VIEW_W * 4;
  g_free (f->pixels);
  f->pixels = g_malloc (f->stride * VIEW_H);
  gdk_texture_download (f->texture, f->pixels, f->stride);
}

static gboolean
close_to (Pixel  px,
          guint8 r,
          guint8 g,
          guint8 b)
{
  return abs (px.r - r) <= 10 && abs (px.g - g) <= 10 && abs (px.b - b) <= 10;
}

/* The first frames show mean colours while the mip levels load in
 * workers: draw again until the picture is there. */
static gboolean
pictures_loaded (gpointer data)
{
  Fixture *f = data;

  render (f);
  return close_to (pixel_at (f, 60, 60), 230, 20, 20) && close_to (pixel_at (f, 140, 140), 255, 255, 255);
}

#define assert_pixel(f, x, y, R, G, B) \
  G_STMT_START { \
    Pixel _p = pixel_at ((f), (x), (y)); \
    if (!close_to (_p, (R), (G), (B)) || _p.a < 245) \
      g_error ("pixel (%d, %d) is %u,%u,%u,%u, not %u,%u,%u", (x), (y), _p.r, _p.g, _p.b, _p.a, (R), (G), (B)); \
  } G_STMT_END

static void
test_known_board (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *png = NULL;
  Pixel px;

  slv_ui_test_wait_until (pictures_loaded, f, 20);
  png = g_build_filename (f->dir, "render.png", NULL);
  g_assert_true (gdk_texture_save_to_png (f->texture, png));
  if (g_getenv ("SELVEDGE_RENDER_PNG") != NULL)
    g_assert_true (gdk_texture_save_to_png (f->texture, g_getenv ("SELVEDGE_RENDER_PNG")));

  /* A: the quadrants where they were drawn */
  assert_pixel (f, 60, 60, 230, 20, 20);
  assert_pixel (f, 140, 60, 20, 200, 40);
  assert_pixel (f, 60, 140, 30, 40, 220);
  assert_pixel (f, 140, 140, 255, 255, 255);
  /* B: a quarter turn clockwise brings red to the top right */
  assert_pixel (f, 340, 60, 230, 20, 20);
  assert_pixel (f, 340, 140, 20, 200, 40);
  assert_pixel (f, 260, 60, 30, 40, 220);
  assert_pixel (f, 260, 140, 255, 255, 255);
  /* C: the red quarter fills the cropped item */
  assert_pixel (f, 230, 210, 230, 20, 20);
  assert_pixel (f, 290, 270, 230, 20, 20);
  /* D: mirrored, so green is top left, and grey */
  px = pixel_at (f, 420, 40);
  g_assert_cmpint (abs (px.r - px.g), <=, 3);
  g_assert_cmpint (abs (px.g - px.b), <=, 3);
  g_assert_cmpint (px.r, >, 100);    /* green's luma is light… */
  px = pixel_at (f, 480, 40);
  g_assert_cmpint (px.r, <, 90);     /* …red's is dark */
  /* E: half of it shows through */
  px = pixel_at (f, 420, 220);
  g_assert_cmpint (px.a, >=, 120);
  g_assert_cmpint (px.a, <=, 136);
  /* the note's paper, away from its text */
  assert_pixel (f, 170, 290, 255, 244, 184);
  /* the swatch's colour block */
  assert_pixel (f, 350, 220, 0x1b, 0x2a, 0x49);
  /* nothing where there is no item */
  g_assert_cmpint (pixel_at (f, 200, 10).a, ==, 0);
  g_assert_cmpint (pixel_at (f, 510, 310).a, ==, 0);
}

static gboolean
allocated (gpointer data)
{
  return gtk_widget_get_width (data) == VIEW_W && gtk_widget_get_height (data) == VIEW_H;
}

static void
test_zoom_and_pan (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();

  /* zooming about a point needs the canvas's real size */
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (f->canvas));
  gtk_window_set_default_size (GTK_WINDOW (window), VIEW_W, VIEW_H);
  gtk_window_present (GTK_WINDOW (window));
  slv_ui_test_wait_until (allocated, f->canvas, 10);
  slv_board_canvas_set_view (f->canvas, VIEW_W / 2.0, VIEW_H / 2.0, 1);
  slv_ui_test_wait_until (pictures_loaded, f, 20);
  /* at 200 % about the middle (board and widget point (260, 160)) */
  slv_board_canvas_zoom_at (f->canvas, 2, VIEW_W / 2.0, VIEW_H / 2.0);
  g_assert_cmpfloat_with_epsilon (slv_board_canvas_get_zoom (f->canvas), 2, 1e-9);
  render (f);
  /* board (170, 90), A's green quarter, lands at (260 + (170 - 260) · 2,
   * 160 + (90 - 160) · 2); board (170, 170), its white one, at (80, 180) */
  assert_pixel (f, 80, 20, 20, 200, 40);
  assert_pixel (f, 80, 180, 255, 255, 255);
  /* the zoom stays within 1 %–6,400 % */
  slv_board_canvas_zoom_at (f->canvas, 1000, 0, 0);
  g_assert_cmpfloat_with_epsilon (slv_board_canvas_get_zoom (f->canvas), 64, 1e-9);
  slv_board_canvas_zoom_at (f->canvas, 1e-6, 0, 0);
  g_assert_cmpfloat_with_epsilon (slv_board_canvas_get_zoom (f->canvas), 0.01, 1e-9);
  /* at 1 % everything is a few pixels: drawn as colours, still drawn */
  render (f);
  g_assert_cmpuint (slv_board_canvas_get_n_drawn (f->canvas), ==, 7);
  /* panned away: nothing is drawn */
  slv_board_canvas_set_view (f->canvas, 1e6, 1e6, 1);
  render (f);
  g_assert_cmpuint (slv_board_canvas_get_n_drawn (f->canvas), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A 64 × 64 picture of one colour. */
static GBytes *
solid_png (guint32 rgb)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 64, 64);
  g_autoptr(GError) error = NULL;
  gchar *buffer = NULL;
  gsize size = 0;

  gdk_pixbuf_fill (pixbuf, rgb << 8 | 0xff);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "png", &error, NULL));
  g_assert_no_error (error);
  return g_bytes_new_take (buffer, size);
}

#define N_SOLID 8
static const guint32 solid_rgb[N_SOLID] = { 0xc01010, 0x10a020, 0x1020c0, 0xe0c010,
                                            0x10c0c0, 0xa010a0, 0x604020, 0x808080 };

typedef struct
{
  Fixture *f;
  guint    i;
} Visit;

static gboolean
solid_shown (gpointer data)
{
  Visit *v = data;
  guint32 rgb = solid_rgb[v->i];
  Pixel px;

  render (v->f);
  px = pixel_at (v->f, VIEW_W / 2, VIEW_H / 2);
  /* a picture of one colour looks the same as its mean colour, drawn
   * while it loads: wait for the picture itself */
  return slv_board_canvas_get_n_pending (v->f->canvas) == 0 && close_to (px, rgb >> 16, (rgb >> 8) & 0xff, rgb & 0xff) && px.a == 255;
}

/* The painter keeps textures for the pictures drawn lately within a
 * quarter of the mip cache's budget, lets the least recently drawn go,
 * and draws a picture whose texture it let go again when it comes back. */
static void
test_texture_budget (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) states = g_ptr_array_new_with_free_func ((GDestroyNotify) slv_board_item_state_free);
  g_autoptr(GError) error = NULL;
  gsize budget = 4 * 30000, most = 0;

  for (guint i = 0; i < N_SOLID; i++)
    {
      g_autoptr(GBytes) png = solid_png (solid_rgb[i]);
      g_autoptr(SlvImageInfo) info = slv_image_import_bytes (f->store, png, "solid.png", &error);

      g_assert_no_error (error);
      g_ptr_array_add (states, image_state (info->sha256, 2000.0 * (i + 1), 0, 100, 100));
    }
  g_assert_true (slv_board_doc_add_states (f->doc, "Solids", states, &error));
  g_assert_no_error (error);
  slv_board_doc_select (f->doc, NULL, SLV_SELECT_REPLACE);
  g_clear_object (&f->cache);
  f->cache = slv_mip_cache_new (f->store, budget);
  slv_board_canvas_set_doc (f->canvas, f->doc, f->cache, NULL);

  for (guint round = 0; round < 2; round++)
    for (guint i = 0; i < N_SOLID; i++)
      {
        Visit v = { f, i };

        /* one picture in view at a time, 100 % */
        slv_board_canvas_set_view (f->canvas, 2000.0 * (i + 1) + 50, 50, 1);
        slv_ui_test_wait_until (solid_shown, &v, 20);
        g_assert_cmpuint (slv_board_canvas_get_n_drawn (f->canvas), ==, 1);
        g_assert_cmpuint (slv_board_canvas_get_texture_bytes (f->canvas), >, 0);
        g_assert_cmpuint (slv_board_canvas_get_texture_bytes (f->canvas), <=, budget / 4);
        most = MAX (most, slv_board_canvas_get_texture_bytes (f->canvas));
      }
  /* two or more pictures' textures were kept at once, never all eight;
   * the second round drew again the pictures whose textures were let go */
  g_assert_cmpuint (most, >=, 2 * 64 * 64 * 3);
  g_assert_cmpuint (most, <, N_SOLID * 64 * 64 * 3);
}

int
main (int argc, char **argv)
{
  if (!slv_ui_test_init (&argc, &argv, "/ui/board-render/no-display"))
    return g_test_run ();
  g_test_add ("/ui/board-render/known-board", Fixture, NULL, fixture_setup, test_known_board, fixture_teardown);
  g_test_add ("/ui/board-render/zoom-and-pan", Fixture, NULL, fixture_setup, test_zoom_and_pan, fixture_teardown);
  g_test_add ("/ui/board-render/texture-budget", Fixture, NULL, fixture_setup, test_texture_budget, fixture_teardown);
  return g_test_run ();
}
