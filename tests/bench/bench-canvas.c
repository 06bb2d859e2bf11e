/* bench-canvas.c: frames of the board canvas on a board of 5,000 images.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints: the time to open the board with a warm mip cache up to a first
 * complete frame (items read in a worker, picture sizes preloaded, the
 * view's pictures decoded at their level); then, panning across the board
 * at three zoom levels, the time to produce one frame — the canvas's
 * snapshot and its rendering onto a 1920 × 1080 window — p50 and p95,
 * with pictures arriving from the workers as they would on screen; and
 * resident memory against the mip cache's budget.
 *
 * Frames are rendered by the renderers of SELVEDGE_BENCH_RENDERERS (by
 * default "gl,cairo"): GskGLRenderer is what GTK draws windows with
 * (here on Mesa's software rasteriser under Xvfb: no GPU); GskCairoRenderer
 * is its fallback without OpenGL, and converts every picture again each
 * frame, so it is timed over fewer frames. Needs a display (Xvfb): run it
 * with `meson test --benchmark` under build-aux/test, or xvfb-run.
 */
#include "config.h"

#include <gtk/gtk.h>
#include <gsk/gl/gskglrenderer.h>
#include <math.h>
#include <stdio.h>
#include <time.h>

#include "slv-test-util.h"
#include "slv-board-canvas.h"
#include "slv-board-export.h"
#include "slv-memory.h"
#include "services/slv-board-doc.h"
#include "services/slv-image.h"
#include "services/slv-mip-cache.h"

#define N_ITEMS      5000
#define PIC_W        640
#define PIC_H        480
#define COLUMNS      100
#define CELL_W       320.0
#define CELL_H       260.0
#define VIEW_W       1920
#define VIEW_H       1080
#define N_FRAMES     300
#define N_FRAMES_CAIRO 40
#define BUDGET       SLV_MIP_CACHE_DEFAULT_BUDGET

/* SELVEDGE_BENCH_PICTURES sets how many distinct pictures (default 1000). */
static guint n_pictures = 1000;

static void
check (GError *error)
{
  if (error != NULL)
    g_error ("%s", error->message);
}

static gint64
now_us (void)
{
  return g_get_monotonic_time ();
}

/* CPU time of this thread: unlike wall time, untouched by other
 * programs sharing the machine. */
static double
cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static gsize
rss_kb (void)
{
  g_autofree char *text = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &text, NULL, NULL) || (line = strstr (text, "VmRSS:")) == NULL)
    return 0;
  return g_ascii_strtoull (line + 6, NULL, 10);
}

/* A photo-like picture: waves and noise in its own colours. */
static GBytes *
make_picture (guint index)
{
  g_autoptr(GdkPixbuf) p = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, PIC_W, PIC_H);
  g_autoptr(GRand) rand = g_rand_new_with_seed (index + 1);
  int stride = gdk_pixbuf_get_rowstride (p);
  guint8 *px = gdk_pixbuf_get_pixels (p);
  double base[3] = { g_rand_double (rand), g_rand_double (rand), g_rand_double (rand) };
  g_autofree char *buf = NULL;
  g_autoptr(GError) error = NULL;
  gsize len = 0;

  for (int y = 0; y < PIC_H; y++)
    for (int x = 0; x < PIC_W; x++)
      for (int c = 0; c < 3; c++)
        {
          double v = base[c] * 200 + 40 * sin (x / (20.0 + index % 23)) * cos (y / (30.0 + index % 11)) +
                     ((x * 7 + y * 13 + c * 5) % 17);

          px[y * stride + x * 3 + c] = (guint8) CLAMP (v, 0, 255);
        }
  if (!gdk_pixbuf_save_to_buffer (p, &buf, &len, "jpeg", &error, "quality", "85", NULL))
    check (error);
  return g_bytes_new_take (g_steal_pointer (&buf), len);
}

static void
build_workspace (const char *path,
                 char      **board_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvStore) store = slv_store_open (path, SLV_STORE_OPEN_CREATE, &error);
  g_autoptr(SlvMipCache) cache = NULL;
  g_autoptr(SlvBoardDoc) doc = NULL;
  g_autoptr(GPtrArray) states = g_ptr_array_new_with_free_func ((GDestroyNotify) slv_board_item_state_free);
  g_autofree char *brand = NULL;
  g_auto(GStrv) shas = g_new0 (char *, n_pictures + 1);
  gint64 t0 = now_us ();

  check (error);
  if (!slv_store_insert (store, "brand", &brand, &error, "code", "BENCH", "name", "Bench", NULL) ||
      !slv_store_insert (store, "board", board_id, &error, "brand_id", brand, "name", "5,000 images", NULL))
    check (error);
  cache = slv_mip_cache_new (store, BUDGET);
  for (guint i = 0; i < n_pictures; i++)
    {
      g_autoptr(GBytes) jpeg = make_picture (i);
      g_autofree char *name = g_strdup_printf ("picture-%02u.jpg", i);
      g_autoptr(SlvImageInfo) info = slv_image_import_bytes (store, jpeg, name, &error);

      check (error);
      shas[i] = g_strdup (info->sha256);
      if (!slv_mip_cache_prepare (cache, info->sha256, &error))
        check (error);
    }
  doc = slv_board_doc_load (store, *board_id, &error);
  check (error);
  for (guint i = 0; i < N_ITEMS; i++)
    {
      SlvBoardItemState *s = slv_board_item_state_new ();

      s->kind = g_strdup ("image");
      s->blob = g_strdup (shas[i % n_pictures]);
      s->x = (i % COLUMNS) * CELL_W;
      s->y = (i / COLUMNS) * CELL_H;
      s->w = 300;
      s->h = 225;
      s->rotation = i % 17 == 0 ? 8 : 0;
      g_ptr_array_add (states, s);
    }
  if (!slv_board_doc_add_states (doc, "Add images", states, &error) ||
      !slv_board_doc_set_view (doc, COLUMNS * CELL_W / 2, (N_ITEMS / COLUMNS) * CELL_H / 2, 0.5, &error))
    check (error);
  printf ("setup: %u pictures of %d × %d, %u items, mip levels cached, in %.1f s\n",
          n_pictures, PIC_W, PIC_H, N_ITEMS, (now_us () - t0) / 1e6);
}

typedef struct
{
  SlvBoardDoc *doc;
  GError      *error;
  gboolean     infos;
} Opening;

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Opening *o = user_data;

  o->doc = slv_board_doc_load_finish (result, &o->error);
}

static void
infos_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  Opening *o = user_data;

  slv_mip_cache_preload_info_finish (SLV_MIP_CACHE (source), result, NULL);
  o->infos = TRUE;
}

static GskRenderNode *
frame_node (SlvBoardCanvas *canvas)
{
  return slv_board_canvas_render_node (canvas, VIEW_W, VIEW_H);
}

/* A frame as GTK draws one: the node onto the window's surface (and, for
 * OpenGL, the buffer swap). Renderer NULL: snapshots only (profiling). */
static double
render_us (GskRenderer   *renderer,
           GskRenderNode *node)
{
  gint64 t0 = now_us ();

  if (renderer != NULL)
    gsk_renderer_render (renderer, node, NULL);
  return now_us () - t0;
}

/* As the app opens a board: the doc and the pictures' sizes read in
 * workers, then frames until one is complete. Returns seconds. */
static double
open_board (SlvStore       *store,
            const char     *board_id,
            SlvBoardCanvas *canvas,
            GskRenderer    *renderer,
            SlvMipCache   **cache_out,
            guint          *n_visible)
{
  g_autoptr(SlvMipCache) cache = slv_mip_cache_new (store, BUDGET);
  g_autoptr(GPtrArray) shas = g_ptr_array_new ();
  Opening o = { NULL, NULL, FALSE };
  gint64 t0 = now_us ();
  GListModel *items;

  slv_board_doc_load_async (store, board_id, NULL, loaded_cb, &o);
  while (o.doc == NULL && o.error == NULL)
    g_main_context_iteration (NULL, TRUE);
  check (o.error);
  items = slv_board_doc_get_items (o.doc);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(SlvBoardItem) item = g_list_model_get_item (items, i);

      g_ptr_array_add (shas, (gpointer) slv_board_item_get_blob (item));
    }
  g_ptr_array_add (shas, NULL);
  slv_mip_cache_preload_info_async (cache, (const char * const *) shas->pdata, NULL, infos_cb, &o);
  slv_board_canvas_set_doc (canvas, o.doc, cache, NULL);
  {
    double x, y, zoom;

    slv_board_doc_get_view (o.doc, &x, &y, &zoom);
    slv_board_canvas_set_view (canvas, x, y, zoom);
  }
  for (;;)
    {
      g_autoptr(GskRenderNode) node = frame_node (canvas);

      render_us (renderer, node);
      if (o.infos && slv_board_canvas_get_n_pending (canvas) == 0)
        break;
      g_main_context_iteration (NULL, TRUE);
    }
  *n_visible = slv_board_canvas_get_n_drawn (canvas);
  g_object_unref (o.doc);
  *cache_out = g_steal_pointer (&cache);
  return (now_us () - t0) / 1e6;
}

static int
cmp_double (gconstpointer a,
            gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
percentile (GArray *values,
            double  p)
{
  g_array_sort (values, cmp_double);
  return g_array_index (values, double, (guint) MIN (values->len - 1, floor (p * values->len)));
}

/* Pans across the board at @zoom, a frame per step, the workers' pictures
 * arriving between frames as they would. */
static void
pan (SlvBoardCanvas *canvas,
     GskRenderer    *renderer,
     SlvMipCache    *cache,
     double          zoom,
     guint           n_frames)
{
  g_autoptr(GArray) snap = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) draw = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) total = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) snap_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  double board_w = COLUMNS * CELL_W, board_h = (N_ITEMS / COLUMNS) * CELL_H;
  guint drawn = 0, pending = 0;
  gint64 next_frame = 0;

  for (guint v = 0; v < n_frames; v++)
    {
      double t = (double) v / n_frames;
      double cx = board_w * (0.1 + 0.8 * t), cy = board_h * (0.5 + 0.35 * sin (t * 6 * G_PI));
      g_autoptr(GskRenderNode) node = NULL;
      gint64 t0;
      double s_us, r_us, c0, c_us;

      /* a frame every 1/60 s: until then the main loop takes in what the
       * workers finished, as it would between frames on screen */
      while (now_us () < next_frame)
        if (!g_main_context_iteration (NULL, FALSE))
          g_usleep (200);
      next_frame = now_us () + 16667;
      slv_board_canvas_set_view (canvas, cx, cy, zoom);
      t0 = now_us ();
      c0 = cpu_us ();
      node = frame_node (canvas);
      s_us = now_us () - t0;
      c_us = cpu_us () - c0;
      g_array_append_val (snap_cpu, c_us);
      r_us = render_us (renderer, node);
      g_array_append_val (snap, s_us);
      g_array_append_val (draw, r_us);
      s_us += r_us;
      g_array_append_val (total, s_us);
      drawn += slv_board_canvas_get_n_drawn (canvas);
      pending += slv_board_canvas_get_n_pending (canvas);
    }
  printf ("    zoom %6.1f %%: %5.0f items a frame (%4.1f %% still loading); frame p50 %5.1f ms, p95 %5.1f ms "
          "(snapshot p50 %4.1f / p95 %4.1f, cpu %4.1f / %4.1f; render p50 %5.1f / p95 %5.1f); "
          "cache %3.0f of %3.0f MiB, textures %3.0f MiB, RSS %4.0f MiB\n",
          zoom * 100, (double) drawn / n_frames, drawn ? 100.0 * pending / drawn : 0,
          percentile (total, 0.5) / 1000, percentile (total, 0.95) / 1000,
          percentile (snap, 0.5) / 1000, percentile (snap, 0.95) / 1000,
          percentile (snap_cpu, 0.5) / 1000, percentile (snap_cpu, 0.95) / 1000,
          percentile (draw, 0.5) / 1000, percentile (draw, 0.95) / 1000,
          slv_mip_cache_get_used (cache) / 1048576.0, slv_mip_cache_get_budget (cache) / 1048576.0,
          slv_board_canvas_get_texture_bytes (canvas) / 1048576.0, rss_kb () / 1024.0);
}

/* What a frame costs this renderer with nothing of Selvedge in it: one
 * colour filling the window; then the window filled with nine pictures
 * drawn at their own size, the least a board that fills the screen with
 * pictures can cost. No canvas goes below these on this machine. */
static void
renderer_floor (GskRenderer *renderer,
                guint        n_frames)
{
  g_autoptr(GArray) empty = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) full = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GPtrArray) textures = g_ptr_array_new_with_free_func (g_object_unref);
  GdkRGBA paper = { 0.96, 0.95, 0.93, 1 };

  for (guint t = 0; t < 9; t++)
    {
      guchar *data = g_malloc (PIC_W * PIC_H * 3);
      g_autoptr(GBytes) pixels = NULL;

      for (guint i = 0; i < PIC_W * PIC_H * 3; i++)
        data[i] = (guchar) (i * 7 + t * 31);
      pixels = g_bytes_new_take (data, PIC_W * PIC_H * 3);
      g_ptr_array_add (textures, gdk_memory_texture_new (PIC_W, PIC_H, GDK_MEMORY_R8G8B8, pixels, PIC_W * 3));
    }
  for (guint v = 0; v < n_frames; v++)
    {
      g_autoptr(GskRenderNode) fill = gsk_color_node_new (&paper, &GRAPHENE_RECT_INIT (0, 0, VIEW_W, VIEW_H));
      GskRenderNode *tiles[9];
      g_autoptr(GskRenderNode) all = NULL;
      double us;

      for (guint t = 0; t < 9; t++)
        tiles[t] = gsk_texture_node_new (textures->pdata[t],
                                         &GRAPHENE_RECT_INIT ((t % 3) * PIC_W - (double) (v % 64),
                                                              (t / 3) * PIC_H - (double) (v % 32), PIC_W, PIC_H));
      all = gsk_container_node_new (tiles, 9);
      for (guint t = 0; t < 9; t++)
        gsk_render_node_unref (tiles[t]);
      us = render_us (renderer, fill);
      g_array_append_val (empty, us);
      us = render_us (renderer, all);
      g_array_append_val (full, us);
    }
  printf ("  this renderer's floor on a %d × %d window: an empty frame p50 %5.1f ms, p95 %5.1f ms; "
          "filled with pictures at their size p50 %5.1f ms, p95 %5.1f ms\n", VIEW_W, VIEW_H,
          percentile (empty, 0.5) / 1000, percentile (empty, 0.95) / 1000,
          percentile (full, 0.5) / 1000, percentile (full, 0.95) / 1000);
}

static GskRenderer *
make_renderer (const char *name,
               GdkSurface *surface)
{
  g_autoptr(GError) error = NULL;
  GskRenderer *renderer = g_str_equal (name, "gl") ? gsk_gl_renderer_new () : gsk_cairo_renderer_new ();

  if (g_str_equal (name, "none"))
    {
      g_object_unref (renderer);
      return NULL;
    }
  if (!gsk_renderer_realize (renderer, surface, &error))
    {
      printf ("  (no %s renderer here: %s)\n", name, error->message);
      g_object_unref (renderer);
      return NULL;
    }
  return renderer;
}

static void
compute_size_cb (GdkToplevel     *toplevel,
                 GdkToplevelSize *size,
                 gpointer         user_data)
{
  gdk_toplevel_size_set_size (size, VIEW_W, VIEW_H);
}

/* A bare 1920 × 1080 window for the renderers to draw frames onto. */
static GdkSurface *
make_surface (void)
{
  GdkSurface *surface = gdk_surface_new_toplevel (gdk_display_get_default ());
  GdkToplevelLayout *layout = gdk_toplevel_layout_new ();

  g_signal_connect (surface, "compute-size", G_CALLBACK (compute_size_cb), NULL);
  gdk_toplevel_present (GDK_TOPLEVEL (surface), layout);
  gdk_toplevel_layout_unref (layout);
  while (!gdk_surface_get_mapped (surface) || gdk_surface_get_width (surface) != VIEW_W)
    g_main_context_iteration (NULL, TRUE);
  return surface;
}

int
main (int argc, char **argv)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *board_id = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvStore) store = NULL;
  g_autoptr(GArray) opens = g_array_new (FALSE, FALSE, sizeof (double));
  g_auto(GStrv) renderers = NULL;
  g_autoptr(GArray) zooms = g_array_new (FALSE, FALSE, sizeof (double));
  g_auto(GStrv) zoom_list = NULL;
  SlvBoardCanvas *canvas;
  GdkSurface *surface;
  guint n_visible = 0;

  slv_memory_tune_for_pictures ();   /* as the app does */
  if (!gtk_init_check ())
    {
      printf ("bench-canvas: no display; run it under Xvfb (build-aux/test) to time frames.\n");
      return 0;
    }
  if (g_getenv ("SELVEDGE_BENCH_PICTURES") != NULL)
    n_pictures = CLAMP (g_ascii_strtoull (g_getenv ("SELVEDGE_BENCH_PICTURES"), NULL, 10), 1, N_ITEMS);
  renderers = g_strsplit (g_getenv ("SELVEDGE_BENCH_RENDERERS") ? g_getenv ("SELVEDGE_BENCH_RENDERERS") : "gl,cairo",
                          ",", -1);
  /* SELVEDGE_BENCH_ZOOMS: percentages, by default 5,25,100 */
  zoom_list = g_strsplit (g_getenv ("SELVEDGE_BENCH_ZOOMS") ? g_getenv ("SELVEDGE_BENCH_ZOOMS") : "5,25,100", ",", -1);
  for (guint i = 0; zoom_list[i] != NULL; i++)
    {
      double z = g_ascii_strtod (zoom_list[i], NULL) / 100;

      g_array_append_val (zooms, z);
    }
  dir = slv_test_make_tmpdir ("slv-bench-canvas");
  path = g_build_filename (dir, "Bench.selvedge", NULL);
  build_workspace (path, &board_id);
  store = slv_store_open (path, SLV_STORE_OPEN_DEFAULT, &error);
  check (error);

  surface = make_surface ();
  canvas = g_object_ref_sink (SLV_BOARD_CANVAS (slv_board_canvas_new ()));

  for (guint r = 0; renderers[r] != NULL; r++)
    {
      g_autoptr(GskRenderer) renderer = make_renderer (renderers[r], surface);
      g_autoptr(SlvMipCache) cache = NULL;
      guint n_frames = g_str_equal (renderers[r], "cairo") ? N_FRAMES_CAIRO : N_FRAMES;

      if (renderer == NULL && !g_str_equal (renderers[r], "none"))
        continue;
      printf ("\n%s renderer:\n", renderers[r]);
      if (renderer != NULL)
        renderer_floor (renderer, n_frames);
      printf ("  RSS before the board opens (window, renderer, workspace): %4.0f MiB\n", rss_kb () / 1024.0);
      g_array_set_size (opens, 0);
      for (int i = 0; i < 5; i++)
        {
          g_autoptr(SlvMipCache) c = NULL;
          double sec = open_board (store, board_id, canvas, renderer, &c, &n_visible);

          slv_board_canvas_set_doc (canvas, NULL, NULL, NULL);
          g_array_append_val (opens, sec);
        }
      printf ("  open with a warm mip cache, to a complete first frame (%u items in view at 50 %%): "
              "median %.0f ms, worst %.0f ms\n", n_visible, percentile (opens, 0.5) * 1000,
              percentile (opens, 0.99) * 1000);
      open_board (store, board_id, canvas, renderer, &cache, &n_visible);
      printf ("  panning, %u frames of %d × %d a zoom:\n", n_frames, VIEW_W, VIEW_H);
      for (guint z = 0; z < zooms->len; z++)
        pan (canvas, renderer, cache, g_array_index (zooms, double, z), n_frames);
      slv_board_canvas_set_doc (canvas, NULL, NULL, NULL);
      gsk_renderer_unrealize (renderer);
    }
  g_object_unref (canvas);
  gdk_surface_destroy (surface);
  g_object_unref (surface);
  slv_test_rm_rf (dir);
  return 0;
}
