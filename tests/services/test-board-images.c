/* test-board-images.c: importing images, the mip cache and palettes, on
 * every image of the shared corpus.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>

#include "slv-test-util.h"
#include "formats/slv-gpl.h"
#include "services/slv-board-import.h"
#include "services/slv-image.h"
#include "services/slv-image-palette.h"
#include "services/slv-mip-cache.h"
#include "store/slv-blobs.h"

/* Two frames, red then blue, 4 × 3 (made with ImageMagick for this test). */
static const guint8 two_frame_gif[] = {
  0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x04, 0x00, 0x03, 0x00, 0xf0, 0x00,
  0x00, 0xc8, 0x1e, 0x2d, 0x00, 0x00, 0x00, 0x21, 0xf9, 0x04, 0x00, 0x00,
  0x00, 0x00, 0x00, 0x21, 0xff, 0x0b, 0x4e, 0x45, 0x54, 0x53, 0x43, 0x41,
  0x50, 0x45, 0x32, 0x2e, 0x30, 0x03, 0x01, 0x00, 0x00, 0x00, 0x2c, 0x00,
  0x00, 0x00, 0x00, 0x04, 0x00, 0x03, 0x00, 0x00, 0x02, 0x03, 0x84, 0x8f,
  0x56, 0x00, 0x21, 0xf9, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0x2c, 0x00,
  0x00, 0x00, 0x00, 0x04, 0x00, 0x03, 0x00, 0x80, 0x1e, 0x50, 0xc8, 0x00,
  0x00, 0x00, 0x02, 0x03, 0x84, 0x8f, 0x56, 0x00, 0x3b
};

typedef struct
{
  char     *dir;
  SlvStore *store;
  JsonObject *truth;   /* images.groundtruth.json */
  char     *images;    /* the corpus folder */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *truth_path = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  f->images = slv_test_corpus_path ("images");
  f->dir = slv_test_make_tmpdir ("slv-images");
  path = g_build_filename (f->dir, "I.selvedge", NULL);
  f->store = slv_store_open (path, SLV_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  if (f->images == NULL)
    return;
  truth_path = g_build_filename (f->images, "images.groundtruth.json", NULL);
  g_assert_true (json_parser_load_from_file (parser, truth_path, &error));
  g_assert_no_error (error);
  f->truth = json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  g_clear_pointer (&f->truth, json_object_unref);
  slv_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->images);
}

static GList *
corpus_names (Fixture *f)
{
  GList *names = json_object_get_members (f->truth);

  return g_list_sort (names, (GCompareFunc) g_strcmp0);
}

static char *
corpus_file (Fixture    *f,
             const char *name)
{
  return g_build_filename (f->images, name, NULL);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &data, &len, &error));
  return g_bytes_new_take (data, len);
}

static guint
count_blobs (SlvStore *store)
{
  g_autoptr(GHashTable) counts = slv_store_count_rows (store, NULL);

  return GPOINTER_TO_UINT (g_hash_table_lookup (counts, "blob"));
}

static void
test_import_corpus (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GList) names = NULL;
  guint n = 0;

  if (f->images == NULL)
    return;
  names = corpus_names (f);
  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonObject *t = json_object_get_object_member (f->truth, l->data);
      g_autofree char *path = corpus_file (f, l->data);
      g_autoptr(GError) error = NULL;
      g_autoptr(SlvImageInfo) info = slv_image_import_file (f->store, path, &error);
      g_autoptr(SlvImageInfo) again = NULL;
      const char *format = json_object_get_string_member (t, "format");

      g_assert_no_error (error);
      /* the blob is the file itself, named by the hash the corpus gives */
      g_assert_cmpstr (info->sha256, ==, json_object_get_string_member (t, "sha256"));
      g_assert_cmpint (info->width, ==, json_object_get_int_member (t, "width"));
      g_assert_cmpint (info->height, ==, json_object_get_int_member (t, "height"));
      g_assert_cmpstr (info->mime, ==, g_str_equal (format, "PNG") ? "image/png" : "image/jpeg");
      g_assert_true (slv_blobs_has (f->store, info->sha256));
      n++;
      /* the same file again is stored once */
      again = slv_image_import_file (f->store, path, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (again->sha256, ==, info->sha256);
      g_assert_cmpuint (count_blobs (f->store), ==, n);
    }
  g_assert_cmpuint (n, ==, 18);
}

static void
import_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GPtrArray **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = slv_image_import_finish (SLV_STORE (object), result, &error);
  g_assert_no_error (error);
}

static void
test_import_folder_async (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *skimage = NULL;
  g_autofree char *broken = NULL;
  g_autoptr(GPtrArray) results = NULL;
  const char *paths[3];
  guint ok = 0, failed = 0;

  if (f->images == NULL)
    return;
  skimage = g_build_filename (f->images, "skimage", NULL);
  broken = g_build_filename (f->dir, "notes.png", NULL);
  g_assert_true (g_file_set_contents (broken, "not a picture", -1, NULL));
  paths[0] = skimage, paths[1] = broken, paths[2] = NULL;
  slv_image_import_async (f->store, paths, NULL, import_done_cb, &results);
  while (results == NULL)
    g_main_context_iteration (NULL, TRUE);

  /* ten images from the folder (LICENSE.txt is not one), then the fake */
  g_assert_cmpuint (results->len, ==, 11);
  for (guint i = 0; i < results->len; i++)
    {
      SlvImageImport *r = g_ptr_array_index (results, i);

      if (r->info != NULL)
        ok++;
      else
        failed++;
    }
  g_assert_cmpuint (ok, ==, 10);
  g_assert_cmpuint (failed, ==, 1);
  g_assert_error (((SlvImageImport *) g_ptr_array_index (results, 10))->error,
                  SLV_IMAGE_ERROR, SLV_IMAGE_ERROR_UNSUPPORTED);
  /* sorted by name: brick first */
  g_assert_true (g_str_has_suffix (((SlvImageImport *) g_ptr_array_index (results, 0))->path, "brick.png"));
}

static void
test_gif_webp (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GBytes) gif = g_bytes_new_static (two_frame_gif, sizeof two_frame_gif);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) first = slv_image_decode (gif, "anim.gif", 0, &error);
  g_autoptr(SlvImageInfo) info = NULL;
  g_autoptr(GdkPixbuf) src = NULL;
  g_autofree char *webp = NULL;
  gsize webp_len = 0;
  const guint8 *px;

  g_assert_no_error (error);
  /* the first frame, red */
  px = gdk_pixbuf_read_pixels (first);
  g_assert_cmpint (gdk_pixbuf_get_width (first), ==, 4);
  g_assert_cmpint (px[0], ==, 0xc8);
  g_assert_cmpint (px[2], ==, 0x2d);
  info = slv_image_import_bytes (f->store, gif, "anim.gif", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (info->mime, ==, "image/gif");
  g_clear_pointer (&info, slv_image_info_free);

  /* WebP through its gdk-pixbuf loader (webp-pixbuf-loader) */
  src = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 40, 30);
  gdk_pixbuf_fill (src, 0x3a9a4aff);
  if (!gdk_pixbuf_save_to_buffer (src, &webp, &webp_len, "webp", &error, NULL))
    {
      g_test_skip ("No WebP loader is installed (Debian: webp-pixbuf-loader).");
      return;
    }
  {
    g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&webp), webp_len);
    g_autoptr(GBytes) cut = g_bytes_new_from_bytes (bytes, 0, webp_len - 10);

    info = slv_image_import_bytes (f->store, bytes, "green.webp", &error);
    g_assert_no_error (error);
    g_assert_cmpstr (info->mime, ==, "image/webp");
    g_assert_cmpint (info->width, ==, 40);
    g_assert_null (slv_image_import_bytes (f->store, cut, "cut.webp", &error));
    g_assert_error (error, SLV_IMAGE_ERROR, SLV_IMAGE_ERROR_CORRUPT);
  }
}

/* Damaged files give a clear error and store nothing. */
static void
test_corrupt (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GList) names = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (17);
  static const double cuts[] = { 0.02, 0.5, 0.9, 0.999 };

  if (f->images == NULL)
    return;
  names = corpus_names (f);
  for (GList *l = names; l != NULL; l = l->next)
    {
      g_autofree char *path = corpus_file (f, l->data);
      g_autoptr(GBytes) bytes = read_bytes (path);
      gsize n = g_bytes_get_size (bytes);

      for (guint c = 0; c < G_N_ELEMENTS (cuts); c++)
        {
          g_autoptr(GBytes) cut = g_bytes_new_from_bytes (bytes, 0, (gsize) (n * cuts[c]));
          g_autoptr(GError) error = NULL;
          g_autoptr(SlvImageInfo) info = slv_image_import_bytes (f->store, cut, l->data, &error);

          g_assert_null (info);
          g_assert_error (error, SLV_IMAGE_ERROR, SLV_IMAGE_ERROR_CORRUPT);
          g_assert_nonnull (strstr (error->message, l->data));
        }
      /* flipped bytes: refused or decoded, never a crash */
      for (guint k = 0; k < 4; k++)
        {
          g_autofree guint8 *copy = g_memdup2 (g_bytes_get_data (bytes, NULL), n);
          g_autoptr(GBytes) bad = NULL;
          g_autoptr(GError) error = NULL;
          g_autoptr(GdkPixbuf) pixbuf = NULL;

          for (guint j = 0; j < 32; j++)
            copy[g_rand_int_range (rand, 0, n)] ^= 1 << g_rand_int_range (rand, 0, 8);
          bad = g_bytes_new_take (g_steal_pointer (&copy), n);
          pixbuf = slv_image_decode (bad, l->data, 256, &error);
          g_assert_true ((pixbuf == NULL) == (error != NULL));
        }
    }
  {
    g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
    g_autoptr(GBytes) text = g_bytes_new_static ("GIMP Palette\nName: x\n", 21);
    g_autoptr(GError) error = NULL;

    g_assert_null (slv_image_import_bytes (f->store, empty, "empty.png", &error));
    g_assert_error (error, SLV_IMAGE_ERROR, SLV_IMAGE_ERROR_CORRUPT);
    g_clear_error (&error);
    g_assert_null (slv_image_import_bytes (f->store, text, "palette.gpl", &error));
    g_assert_error (error, SLV_IMAGE_ERROR, SLV_IMAGE_ERROR_UNSUPPORTED);
    g_clear_error (&error);
    g_assert_null (slv_image_import_file (f->store, "/nonexistent/x.png", &error));
    g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  }
  g_assert_cmpuint (count_blobs (f->store), ==, 0);
}

static void
test_mip_levels (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GList) names = NULL;
  g_autoptr(SlvMipCache) cache = slv_mip_cache_new (f->store, SLV_MIP_CACHE_DEFAULT_BUDGET);
  g_autoptr(SlvMipCache) fresh = slv_mip_cache_new (f->store, SLV_MIP_CACHE_DEFAULT_BUDGET);

  if (f->images == NULL)
    return;
  names = corpus_names (f);
  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonObject *t = json_object_get_object_member (f->truth, l->data);
      g_autofree char *path = corpus_file (f, l->data);
      g_autoptr(GError) error = NULL;
      g_autoptr(SlvImageInfo) info = slv_image_import_file (f->store, path, &error);
      int sw = json_object_get_int_member (t, "width"), sh = json_object_get_int_member (t, "height");
      int w = 0, h = 0;
      guint32 mean = 0, mean2 = 1;

      g_assert_no_error (error);
      for (SlvMipLevel level = SLV_MIP_64; level <= SLV_MIP_FULL; level++)
        {
          g_autoptr(SlvMipImage) img = slv_mip_cache_load (cache, info->sha256, level, NULL, &error);
          g_autoptr(SlvMipImage) disk = NULL;
          int ew, eh;

          g_assert_no_error (error);
          slv_mip_level_size (sw, sh, level, &ew, &eh);
          g_assert_cmpint (slv_mip_image_get_width (img), ==, ew);
          g_assert_cmpint (slv_mip_image_get_height (img), ==, eh);
          g_assert_cmpuint (g_bytes_get_size (slv_mip_image_get_bytes (img)), >=,
                            (gsize) slv_mip_image_get_stride (img) * (eh - 1) + ew * 3);
          /* a second cache finds the level in the folder */
          disk = slv_mip_cache_load (fresh, info->sha256, level, NULL, &error);
          g_assert_no_error (error);
          g_assert_cmpint (slv_mip_image_get_width (disk), ==, ew);
        }
      g_assert_true (slv_mip_cache_load_info (cache, info->sha256, &w, &h, &mean, &error));
      g_assert_cmpint (w, ==, sw);
      g_assert_cmpint (h, ==, sh);
      g_assert_true (slv_mip_cache_load_info (fresh, info->sha256, NULL, NULL, &mean2, &error));
      g_assert_cmphex (mean, ==, mean2);
    }
}

static void
ready_cb (SlvMipCache *cache,
          const char  *sha256,
          int          level,
          gpointer     user_data)
{
  (*(guint *) user_data)++;
}

static void
test_mip_requests_and_budget (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GList) names = NULL;
  g_autoptr(SlvMipCache) cache = slv_mip_cache_new (f->store, 600 * 1024);
  g_autoptr(GPtrArray) shas = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  guint ready = 0, wanted = 0;

  if (f->images == NULL)
    return;
  names = corpus_names (f);
  for (GList *l = names; l != NULL; l = l->next)
    {
      g_autofree char *path = corpus_file (f, l->data);
      g_autoptr(SlvImageInfo) info = slv_image_import_file (f->store, path, &error);

      g_assert_no_error (error);
      g_ptr_array_add (shas, g_strdup (info->sha256));
    }
  g_signal_connect (cache, "image-ready", G_CALLBACK (ready_cb), &ready);

  /* frame 1 asks for every 256 level: nothing is ready, all are queued */
  slv_mip_cache_begin_frame (cache);
  for (guint i = 0; i < shas->len; i++)
    {
      g_autoptr(SlvMipImage) img = slv_mip_cache_lookup_best (cache, shas->pdata[i], SLV_MIP_256);

      g_assert_null (img);
      wanted++;
    }
  /* asking twice queues once */
  slv_mip_cache_request (cache, shas->pdata[0], SLV_MIP_256);
  while (ready < wanted)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (ready, ==, wanted);

  /* everything asked for this frame stays, even over the budget… */
  g_assert_cmpuint (slv_mip_cache_get_used (cache), >, 600 * 1024);
  /* …and goes down to the budget once the next frame begins */
  slv_mip_cache_begin_frame (cache);
  g_assert_cmpuint (slv_mip_cache_get_used (cache), <=, 600 * 1024);
  {
    g_autoptr(SlvMipImage) img = slv_mip_cache_load (cache, shas->pdata[3], SLV_MIP_256, NULL, &error);
    g_autoptr(SlvMipImage) best = slv_mip_cache_lookup_best (cache, shas->pdata[3], SLV_MIP_1024);

    /* the 256 stands in while the 1024 is made */
    g_assert_nonnull (img);
    g_assert_nonnull (best);
    g_assert_cmpint (slv_mip_image_get_level (best), ==, SLV_MIP_256);
  }
  while (g_main_context_iteration (NULL, FALSE))
    ;

  /* an unknown blob fails once, then is not asked for again */
  ready = 0;
  slv_mip_cache_request (cache, "0000000000000000000000000000000000000000000000000000000000000000", SLV_MIP_64);
  while (ready == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (slv_mip_cache_has_failed (cache, "0000000000000000000000000000000000000000000000000000000000000000"));
  g_assert_false (slv_mip_cache_has_failed (cache, shas->pdata[0]));
  slv_mip_cache_request (cache, "0000000000000000000000000000000000000000000000000000000000000000", SLV_MIP_64);
  g_assert_false (g_main_context_pending (NULL));
}

static gboolean
is_grey_truth (JsonObject *t)
{
  return json_object_has_member (t, "color_type") &&
         g_str_equal (json_object_get_string_member (t, "color_type"), "gray");
}

/* Palettes recorded from a run of this test: later runs must match them
 * exactly (PNG decoding involves no lossy step that could drift). */
static const struct { const char *name, *palette; } pinned[] = {
  { "skimage/chelsea.png", " #aa856e #936b4d #b49c94 #7e6154 #784a29 #a67344 #3e281a #866c36" },
  { "skimage/coffee.png", " #aa5b31 #ab3011 #d29a6d #cc7437 #1f0e07 #72200f #3b0f09 #f4e2d0" },
  { "skimage/brick.png", " #636363 #adadad #919191 #777777 #535353" },
};

static void
test_palettes (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GList) names = NULL;

  if (f->images == NULL)
    return;
  names = corpus_names (f);
  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonObject *t = json_object_get_object_member (f->truth, l->data);
      g_autofree char *path = corpus_file (f, l->data);
      g_autoptr(GError) error = NULL;
      g_autoptr(SlvImageInfo) info = slv_image_import_file (f->store, path, &error);
      g_autoptr(GArray) pal = slv_image_palette (f->store, info->sha256, 5, 8, &error);
      g_autoptr(GArray) again = slv_image_palette (f->store, info->sha256, 5, 8, &error);
      g_autoptr(GString) line = g_string_new (NULL);
      double total = 0;

      g_assert_no_error (error);
      g_assert_cmpuint (pal->len, >=, 5);
      g_assert_cmpuint (pal->len, <=, 8);
      g_assert_cmpuint (again->len, ==, pal->len);
      for (guint i = 0; i < pal->len; i++)
        {
          SlvPaletteColour *c = &g_array_index (pal, SlvPaletteColour, i);

          /* stable: the same colours every time */
          g_assert_cmphex (c->rgb, ==, g_array_index (again, SlvPaletteColour, i).rgb);
          total += c->weight;
          g_string_append_printf (line, " #%06x", c->rgb);
          /* grey pictures give grey palettes */
          if (is_grey_truth (t))
            g_assert_cmpfloat (slv_lab_chroma (&c->lab), <, 1.5);
        }
      g_assert_cmpfloat_with_epsilon (total, 1, 1e-9);
      g_test_message ("%s:%s", (char *) l->data, line->str);
      for (guint i = 0; i < G_N_ELEMENTS (pinned); i++)
        if (g_str_equal (pinned[i].name, l->data))
          g_assert_cmpstr (line->str, ==, pinned[i].palette);
    }
}

/* The plaid shirt is black, white and red (SOURCES.md). */
static void
test_plaid_palette (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvImageInfo) info = NULL;
  g_autoptr(GArray) pal = NULL;
  gboolean red = FALSE, dark = FALSE, light = FALSE;
  g_autofree char *gpl = NULL;
  g_autofree char *text = NULL;
  gsize len = 0;

  if (f->images == NULL)
    return;
  path = corpus_file (f, "sketchfab-garment-textures/mens-casual-shirt_fabric_baseColor.jpeg");
  info = slv_image_import_file (f->store, path, &error);
  g_assert_no_error (error);
  pal = slv_image_palette (f->store, info->sha256, 5, 8, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < pal->len; i++)
    {
      SlvPaletteColour *c = &g_array_index (pal, SlvPaletteColour, i);
      double hue = slv_lab_hue (&c->lab);

      red |= slv_lab_chroma (&c->lab) > 25 && (hue < 50 || hue > 340);
      dark |= c->lab.L < 30;
      light |= c->lab.L > 70;
    }
  g_assert_true (red);
  g_assert_true (dark);
  g_assert_true (light);

  /* exported as a GIMP palette and read back */
  gpl = g_build_filename (f->dir, "plaid.gpl", NULL);
  g_assert_true (slv_image_palette_save_gpl (pal, "Plaid shirt", gpl, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (gpl, &text, &len, &error));
  {
    g_autoptr(GBytes) bytes = g_bytes_new_static (text, len);
    g_autofree char *name = NULL;
    g_autoptr(GArray) back = slv_gpl_parse (bytes, &name, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (name, ==, "Plaid shirt");
    g_assert_cmpuint (back->len, ==, pal->len);
    for (guint i = 0; i < back->len; i++)
      {
        SlvGplEntry *e = &g_array_index (back, SlvGplEntry, i);
        guint32 rgb = g_array_index (pal, SlvPaletteColour, i).rgb;

        g_assert_cmphex (e->rgb, ==, rgb);
        g_assert_cmpstr (e->name, ==, slv_colour_nearest_name (rgb, NULL));
      }
  }
}

static void
test_gpl_errors (void)
{
  static const char *bad[] = {
    "", "Not a palette\n", "GIMP Palette\n300 0 0 too red\n", "GIMP Palette\n1 2\n",
    "GIMP Palette\n1 2 3x name\n",
  };
  g_autoptr(GArray) entries = slv_gpl_entries_new ();
  g_autoptr(GBytes) written = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (bad[i], strlen (bad[i]));
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) out = slv_gpl_parse (bytes, NULL, &error);

      g_assert_null (out);
      g_assert_error (error, SLV_GPL_ERROR, (i < 2 ? SLV_GPL_ERROR_NOT_A_PALETTE : SLV_GPL_ERROR_BAD_LINE));
    }
  /* names never break the line format */
  slv_gpl_entries_add (entries, 0x1b2a49, "Navy\nName: injected");
  written = slv_gpl_write ("Two\nlines", entries);
  g_assert_cmpstr (g_bytes_get_data (written, NULL), ==,
                   "GIMP Palette\nName: Two lines\nColumns: 1\n#\n 27  42  73\tNavy Name: injected\n");
}

static void
board_import_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GPtrArray **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = slv_board_import_finish (SLV_BOARD_DOC (object), result, &error);
  g_assert_no_error (error);
}

/* Dropped files: stored, laid out round the drop point, one step. */
static void
test_board_import (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *brand = NULL;
  g_autofree char *board = NULL;
  g_autoptr(SlvBoardDoc) doc = NULL;
  g_autoptr(SlvMipCache) cache = slv_mip_cache_new (f->store, SLV_MIP_CACHE_DEFAULT_BUDGET);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) pasted = NULL;
  g_autofree char *coffee = NULL;
  g_autofree char *rocket = NULL;
  g_autofree char *bad = NULL;
  g_autofree char *png = NULL;
  gsize png_len = 0;
  const char *paths[5];
  SlvRect b;

  if (f->images == NULL)
    return;
  g_assert_true (slv_store_insert (f->store, "brand", &brand, &error, "code", "T", "name", "Test", NULL));
  g_assert_true (slv_store_insert (f->store, "board", &board, &error, "brand_id", brand, "name", "Drops", NULL));
  doc = slv_board_doc_load (f->store, board, &error);
  g_assert_no_error (error);

  coffee = corpus_file (f, "skimage/coffee.png");
  rocket = corpus_file (f, "skimage/rocket.jpg");
  bad = g_build_filename (f->dir, "broken.jpg", NULL);
  g_assert_true (g_file_set_contents (bad, "\xff\xd8\xff\xe0 cut", 9, NULL));
  paths[0] = coffee, paths[1] = bad, paths[2] = rocket, paths[3] = coffee, paths[4] = NULL;
  slv_board_import_files_async (doc, cache, paths, 1000, 500, NULL, board_import_cb, &results);
  while (results == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (results->len, ==, 4);
  g_assert_error (((SlvImageImport *) g_ptr_array_index (results, 1))->error,
                  SLV_IMAGE_ERROR, SLV_IMAGE_ERROR_CORRUPT);
  /* three items (the coffee twice), two blobs, one step, all selected */
  g_assert_cmpuint (g_list_model_get_n_items (slv_board_doc_get_items (doc)), ==, 3);
  g_assert_cmpuint (count_blobs (f->store), ==, 2);
  g_assert_cmpuint (slv_board_doc_get_history_length (doc), ==, 1);
  g_assert_cmpuint (g_strv_length ((GStrv) slv_board_doc_get_selection (doc)), ==, 3);
  g_assert_true (slv_board_doc_get_bounds (doc, NULL, &b));
  g_assert_cmpfloat_with_epsilon (b.x + b.w / 2, 1000, 1e-6);
  g_assert_cmpfloat_with_epsilon (b.y + b.h / 2, 500, 1e-6);
  /* the mip levels were made in the worker */
  g_assert_true (slv_mip_cache_get_info (cache, ((SlvImageImport *) g_ptr_array_index (results, 0))->info->sha256,
                                         NULL, NULL, NULL));

  /* a pasted PNG */
  {
    g_autoptr(GdkPixbuf) p = gdk_pixbuf_new (GDK_COLORSPACE_RGB, TRUE, 8, 30, 20);

    gdk_pixbuf_fill (p, 0xb8433aff);
    g_assert_true (gdk_pixbuf_save_to_buffer (p, &png, &png_len, "png", &error, NULL));
  }
  {
    g_autoptr(GBytes) bytes = g_bytes_new_static (png, png_len);

    slv_board_import_bytes_async (doc, NULL, bytes, NULL, 0, 0, NULL, board_import_cb, &pasted);
    while (pasted == NULL)
      g_main_context_iteration (NULL, TRUE);
  }
  g_assert_cmpuint (g_list_model_get_n_items (slv_board_doc_get_items (doc)), ==, 4);
  g_assert_cmpstr (slv_board_doc_get_undo_label (doc), ==, "Add image");
  g_assert_true (slv_board_doc_undo (doc, &error));
  g_assert_true (slv_board_doc_undo (doc, &error));
  g_assert_cmpuint (g_list_model_get_n_items (slv_board_doc_get_items (doc)), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
#define ADD(path, func) \
  g_test_add ("/services/board-images/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("import-corpus", test_import_corpus);
  ADD ("import-folder-async", test_import_folder_async);
  ADD ("gif-webp", test_gif_webp);
  ADD ("corrupt", test_corrupt);
  ADD ("mip-levels", test_mip_levels);
  ADD ("mip-requests-and-budget", test_mip_requests_and_budget);
  ADD ("palettes", test_palettes);
  ADD ("plaid-palette", test_plaid_palette);
  ADD ("board-import", test_board_import);
#undef ADD
  g_test_add_func ("/services/board-images/gpl-errors", test_gpl_errors);
  return g_test_run ();
}
