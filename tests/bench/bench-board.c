/* bench-board.c: a board of 5,000 images, below the canvas.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints: the time to open the board with a warm mip cache (items loaded,
 * spatial index built, sizes known, and the first viewport's images
 * decoded); the time of the spatial query (plus the mip plan) per viewport
 * while panning at three zoom levels, p50 and p95; and resident memory
 * against the mip cache budget. The frame time itself (snapshot + render)
 * needs the canvas widget and is measured there.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <time.h>

#include "slv-test-util.h"
#include "core/slv-mip.h"
#include "services/slv-board-doc.h"
#include "services/slv-image.h"
#include "services/slv-mip-cache.h"

#define N_ITEMS      5000
#define N_PICTURES   n_pictures
#define PIC_W        640
#define PIC_H        480
#define COLUMNS      100
#define CELL_W       320.0
#define CELL_H       260.0
#define VIEW_W       1920.0
#define VIEW_H       1080.0
#define N_VIEWPORTS  400
#define BUDGET       ((gsize) 256 * 1024 * 1024)

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

static void
memory (gsize *rss_kb,
        gsize *hwm_kb)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  *rss_kb = *hwm_kb = 0;
  if (!g_file_get_contents ("/proc/self/status", &text, NULL, NULL))
    return;
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "VmRSS:"))
        *rss_kb = g_ascii_strtoull (lines[i] + 6, NULL, 10);
      else if (g_str_has_prefix (lines[i], "VmHWM:"))
        *hwm_kb = g_ascii_strtoull (lines[i] + 6, NULL, 10);
    }
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
  double cols[PIC_W], rows[PIC_H];
  g_autofree char *buf = NULL;
  g_autoptr(GError) error = NULL;
  gsize len = 0;

  for (int x = 0; x < PIC_W; x++)
    cols[x] = 40 * sin (x / (20.0 + index % 23));
  for (int y = 0; y < PIC_H; y++)
    rows[y] = cos (y / (30.0 + index % 11));
  for (int y = 0; y < PIC_H; y++)
    for (int x = 0; x < PIC_W; x++)
      for (int c = 0; c < 3; c++)
        {
          double v = base[c] * 200 + cols[x] * rows[y] + ((x * 7 + y * 13 + c * 5) % 17);

          px[y * stride + x * 3 + c] = (guint8) CLAMP (v, 0, 255);
        }
  if (!gdk_pixbuf_save_to_buffer (p, &buf, &len, "jpeg", &error, "quality", "85", NULL))
    check (error);
  return g_bytes_new_take (g_steal_pointer (&buf), len);
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

/* The rect of the board a VIEW_W × VIEW_H window shows at @zoom, centred
 * on (cx, cy). */
static SlvRect
viewport (double cx,
          double cy,
          double zoom)
{
  double w = VIEW_W / zoom, h = VIEW_H / zoom;

  return slv_rect_make (cx - w / 2, cy - h / 2, w, h);
}

/* What a frame needs: the visible items and the level for each. */
static guint
plan_frame (SlvBoardDoc *doc,
            SlvMipCache *cache,
            SlvRect      view,
            double       zoom,
            GPtrArray   *visible,
            SlvMipLevel *levels)
{
  g_autofree SlvMipRequest *req = NULL;

  g_ptr_array_set_size (visible, 0);
  slv_board_doc_query_rect (doc, &view, visible);
  req = g_new (SlvMipRequest, MAX (visible->len, 1));
  for (guint i = 0; i < visible->len; i++)
    {
      SlvBoardItem *item = g_ptr_array_index (visible, i);
      const SlvBoardItemState *s = slv_board_item_get_state (item);
      int w = 0, h = 0;

      slv_mip_cache_get_info (cache, s->blob, &w, &h, NULL);
      req[i] = (SlvMipRequest) { w, h, MAX (s->w, s->h) * zoom };
    }
  slv_mip_plan (req, visible->len, slv_mip_cache_get_budget (cache), levels);
  return visible->len;
}

static char *
build_workspace (const char *path,
                 char      **board_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvStore) store = slv_store_open (path, SLV_STORE_OPEN_CREATE, &error);
  g_autoptr(SlvMipCache) cache = NULL;
  g_autoptr(SlvBoardDoc) doc = NULL;
  g_autoptr(GPtrArray) states = g_ptr_array_new_with_free_func ((GDestroyNotify) slv_board_item_state_free);
  g_autofree char *brand = NULL;
  g_auto(GStrv) shas = g_new0 (char *, N_PICTURES + 1);
  gint64 t0;

  check (error);
  if (!slv_store_insert (store, "brand", &brand, &error, "code", "BENCH", "name", "Bench", NULL) ||
      !slv_store_insert (store, "board", board_id, &error, "brand_id", brand, "name", "5,000 images", NULL))
    check (error);

  t0 = now_us ();
  cache = slv_mip_cache_new (store, BUDGET);
  for (guint i = 0; i < N_PICTURES; i++)
    {
      g_autoptr(GBytes) jpeg = make_picture (i);
      g_autofree char *name = g_strdup_printf ("picture-%02u.jpg", i);
      g_autoptr(SlvImageInfo) info = slv_image_import_bytes (store, jpeg, name, &error);

      check (error);
      shas[i] = g_strdup (info->sha256);
      /* warm the cache folder, as import does */
      if (!slv_mip_cache_prepare (cache, info->sha256, &error))
        check (error);
    }
  printf ("setup: %u pictures of %d × %d imported and cached in %.2f s\n",
          N_PICTURES, PIC_W, PIC_H, (now_us () - t0) / 1e6);

  doc = slv_board_doc_load (store, *board_id, &error);
  check (error);
  for (guint i = 0; i < N_ITEMS; i++)
    {
      SlvBoardItemState *s = slv_board_item_state_new ();

      s->kind = g_strdup ("image");
      s->blob = g_strdup (shas[i % N_PICTURES]);
      s->x = (i % COLUMNS) * CELL_W;
      s->y = (i / COLUMNS) * CELL_H;
      s->w = 300;
      s->h = 225;
      s->rotation = i % 17 == 0 ? 8 : 0;
      g_ptr_array_add (states, s);
    }
  t0 = now_us ();
  if (!slv_board_doc_add_states (doc, "Add images", states, &error))
    check (error);
  printf ("setup: %u items added in one step in %.2f s\n", N_ITEMS, (now_us () - t0) / 1e6);
  /* the view a designer left: the middle of the board at 50 % */
  if (!slv_board_doc_set_view (doc, COLUMNS * CELL_W / 2, (N_ITEMS / COLUMNS) * CELL_H / 2, 0.5, &error))
    check (error);
  return g_strdup (path);
}

/* Opening: items, index, sizes of every picture, and the first frame's
 * images decoded. Returns seconds. */
static double
open_board (const char  *path,
            const char  *board_id,
            guint       *n_visible)
{
  g_autoptr(GError) error = NULL;
  gint64 t0 = now_us ();
  g_autoptr(SlvStore) store = slv_store_open (path, SLV_STORE_OPEN_DEFAULT, &error);
  g_autoptr(SlvBoardDoc) doc = NULL;
  g_autoptr(SlvMipCache) cache = NULL;
  g_autoptr(GHashTable) shas = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) visible = g_ptr_array_new ();
  GListModel *items;
  SlvMipLevel *levels;
  double x, y, zoom;

  check (error);
  doc = slv_board_doc_load (store, board_id, &error);
  check (error);
  cache = slv_mip_cache_new (store, BUDGET);
  items = slv_board_doc_get_items (doc);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(SlvBoardItem) item = g_list_model_get_item (items, i);
      const char *sha = slv_board_item_get_blob (item);

      if (sha != NULL && g_hash_table_add (shas, (gpointer) sha))
        if (!slv_mip_cache_load_info (cache, sha, NULL, NULL, NULL, &error))
          check (error);
    }
  slv_board_doc_get_view (doc, &x, &y, &zoom);
  levels = g_new (SlvMipLevel, N_ITEMS);
  *n_visible = plan_frame (doc, cache, viewport (x, y, zoom), zoom, visible, levels);
  for (guint i = 0; i < visible->len; i++)
    if (levels[i] != SLV_MIP_NONE)
      {
        SlvMipImage *img = slv_mip_cache_load (cache, slv_board_item_get_blob (g_ptr_array_index (visible, i)),
                                               levels[i], NULL, &error);

        check (error);
        g_object_unref (img);
      }
  g_free (levels);
  return (now_us () - t0) / 1e6;
}

/* Pans across the board at @zoom; per viewport, times the spatial query
 * and mip plan, and (if @decode) loads the planned levels as a canvas
 * would, keeping the cache within its budget. */
static void
pan (SlvBoardDoc *doc,
     SlvMipCache *cache,
     double       zoom,
     gboolean     decode)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GPtrArray) visible = g_ptr_array_new ();
  g_autofree SlvMipLevel *levels = g_new (SlvMipLevel, N_ITEMS);
  double board_w = COLUMNS * CELL_W, board_h = (N_ITEMS / COLUMNS) * CELL_H;
  guint total_visible = 0;
  gsize rss, hwm;

  for (guint v = 0; v < N_VIEWPORTS; v++)
    {
      double t = (double) v / N_VIEWPORTS;
      /* a slow diagonal sweep with a wobble, like a hand on a trackpad */
      double cx = board_w * (0.1 + 0.8 * t), cy = board_h * (0.5 + 0.35 * sin (t * 6 * G_PI));
      gint64 t0 = now_us ();
      double c0 = cpu_us ();
      double us, cus;

      total_visible += plan_frame (doc, cache, viewport (cx, cy, zoom), zoom, visible, levels);
      us = now_us () - t0;
      cus = cpu_us () - c0;
      g_array_append_val (times, us);
      g_array_append_val (cpu, cus);
      if (g_getenv ("BENCH_TRACE"))
        g_printerr ("%u %.0f\n", visible->len, us);
      if (!decode)
        continue;
      slv_mip_cache_begin_frame (cache);
      for (guint i = 0; i < visible->len; i++)
        if (levels[i] != SLV_MIP_NONE)
          {
            g_autoptr(GError) error = NULL;
            SlvMipImage *img = slv_mip_cache_load (cache, slv_board_item_get_blob (g_ptr_array_index (visible, i)),
                                                   levels[i], NULL, &error);

            check (error);
            g_object_unref (img);
          }
    }
  memory (&rss, &hwm);
  printf ("  zoom %6.1f %%: %5.0f items per viewport; query + plan wall p50 %6.0f µs, p95 %6.0f µs; "
          "cpu p50 %6.0f µs, p95 %6.0f µs",
          zoom * 100, (double) total_visible / N_VIEWPORTS, percentile (times, 0.5), percentile (times, 0.95),
          percentile (cpu, 0.5), percentile (cpu, 0.95));
  if (decode)
    printf ("; cache %.0f MiB of %.0f MiB, RSS %.0f MiB", slv_mip_cache_get_used (cache) / 1048576.0,
            slv_mip_cache_get_budget (cache) / 1048576.0, rss / 1024.0);
  printf ("\n");
}

static void
time_command (const char  *what,
              SlvBoardDoc *doc,
              gboolean   (*run) (SlvBoardDoc *, const char * const *, GError **),
              guint        n)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GListModel *items = slv_board_doc_get_items (doc);
  gint64 t0;
  double run_ms, undo_ms;

  for (guint i = 0; i < MIN (n, g_list_model_get_n_items (items)); i++)
    {
      g_autoptr(SlvBoardItem) item = g_list_model_get_item (items, i);

      g_ptr_array_add (ids, (gpointer) slv_entity_get_id (SLV_ENTITY (item)));
    }
  g_ptr_array_add (ids, NULL);
  t0 = now_us ();
  if (!run (doc, (const char * const *) ids->pdata, &error))
    check (error);
  run_ms = (now_us () - t0) / 1000.0;
  t0 = now_us ();
  if (!slv_board_doc_undo (doc, &error))
    check (error);
  undo_ms = (now_us () - t0) / 1000.0;
  printf ("  %-28s on %4u items: %7.1f ms, undo %7.1f ms\n", what, ids->len - 1, run_ms, undo_ms);
}

static gboolean
run_move (SlvBoardDoc *doc, const char * const *ids, GError **error)
{
  return slv_board_doc_move (doc, ids, 10, 10, error);
}

static gboolean
run_pack (SlvBoardDoc *doc, const char * const *ids, GError **error)
{
  return slv_board_doc_pack (doc, ids, 8, error);
}

static gboolean
run_front (SlvBoardDoc *doc, const char * const *ids, GError **error)
{
  return slv_board_doc_reorder (doc, ids, SLV_Z_TO_FRONT, error);
}

static gboolean
run_duplicate (SlvBoardDoc *doc, const char * const *ids, GError **error)
{
  return slv_board_doc_duplicate (doc, ids, 20, 20, error);
}

static gboolean
run_delete (SlvBoardDoc *doc, const char * const *ids, GError **error)
{
  return slv_board_doc_delete (doc, ids, error);
}

static gboolean
run_group (SlvBoardDoc *doc, const char * const *ids, GError **error)
{
  return slv_board_doc_group (doc, ids, NULL, error);
}

static gboolean
run_select_all (SlvBoardDoc *doc, const char * const *ids, GError **error)
{
  slv_board_doc_select_all (doc);
  /* selecting is not a step; make one to keep the undo below honest */
  return slv_board_doc_move (doc, (const char * const *) &ids[0], 0, 1, error);
}

int
main (int argc, char **argv)
{
  g_autofree char *dir = slv_test_make_tmpdir ("slv-bench-board");
  g_autofree char *path = g_build_filename (dir, "Bench.selvedge", NULL);
  g_autofree char *board_id = NULL;
  g_autofree char *built = NULL;
  g_autoptr(GArray) opens = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  static const double zooms[] = { 0.05, 0.25, 1.0 };
  guint n_visible = 0;
  gsize rss, hwm;

  if (g_getenv ("SELVEDGE_BENCH_PICTURES") != NULL)
    n_pictures = CLAMP (g_ascii_strtoull (g_getenv ("SELVEDGE_BENCH_PICTURES"), NULL, 10), 1, N_ITEMS);
  built = build_workspace (path, &board_id);
  memory (&rss, &hwm);
  printf ("after setup: RSS %.0f MiB\n\n", rss / 1024.0);

  for (int i = 0; i < 5; i++)
    {
      double s = open_board (path, board_id, &n_visible);

      g_array_append_val (opens, s);
    }
  printf ("open with a warm mip cache (%u items, %u in the first view): median %.0f ms, worst %.0f ms\n",
          N_ITEMS, n_visible, percentile (opens, 0.5) * 1000, percentile (opens, 0.99) * 1000);

  {
    g_autoptr(SlvStore) store = slv_store_open (path, SLV_STORE_OPEN_DEFAULT, &error);
    g_autoptr(SlvBoardDoc) doc = NULL;
    g_autoptr(SlvMipCache) cache = NULL;
    GListModel *items;

    check (error);
    doc = slv_board_doc_load (store, board_id, &error);
    check (error);
    cache = slv_mip_cache_new (store, BUDGET);
    items = slv_board_doc_get_items (doc);
    for (guint i = 0; i < g_list_model_get_n_items (items); i++)
      {
        g_autoptr(SlvBoardItem) item = g_list_model_get_item (items, i);

        slv_mip_cache_load_info (cache, slv_board_item_get_blob (item), NULL, NULL, NULL, NULL);
      }
    /* SELVEDGE_BENCH_SKIP_PAN=1 times the commands only (profiling). */
    if (g_getenv ("SELVEDGE_BENCH_SKIP_PAN") == NULL)
      {
        printf ("\npanning %u viewports of %.0f × %.0f (spatial query and mip plan only):\n",
                N_VIEWPORTS, VIEW_W, VIEW_H);
        for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
          pan (doc, cache, zooms[z], FALSE);
        printf ("\npanning again, decoding what each viewport needs (memory):\n");
        for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
          pan (doc, cache, zooms[z], TRUE);
      }
    memory (&rss, &hwm);
    printf ("\nresident memory now %.0f MiB, peak %.0f MiB; mip cache budget %.0f MiB\n",
            rss / 1024.0, hwm / 1024.0, BUDGET / 1048576.0);

    printf ("\ncommands (one transaction each) on the 5,000-item board:\n");
    time_command ("move", doc, run_move, N_ITEMS);
    time_command ("pack", doc, run_pack, 1000);
    time_command ("bring to front", doc, run_front, 500);
    time_command ("duplicate", doc, run_duplicate, 500);
    time_command ("delete", doc, run_delete, N_ITEMS);
    time_command ("group", doc, run_group, 200);
    time_command ("select all, nudge one", doc, run_select_all, 1);
  }
  slv_test_rm_rf (dir);
  return 0;
}
