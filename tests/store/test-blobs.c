/* test-blobs.c: the content-addressed blob store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "slv-test-util.h"
#include "store/slv-blobs.h"

static void
test_put_dedupe_load (void)
{
  g_autofree char *dir = slv_test_make_tmpdir ("slv-blobs");
  g_autofree char *path = g_build_filename (dir, "B.selvedge", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvStore) store = slv_store_open (path, SLV_STORE_OPEN_CREATE, &error);
  g_autoptr(GBytes) bytes = g_bytes_new_static ("abc", 3);
  g_autofree char *sha = NULL;
  g_autofree char *again = NULL;
  g_autofree char *file = NULL;
  g_autoptr(GBytes) loaded = NULL;
  g_autoptr(GHashTable) counts = NULL;
  g_autoptr(GDir) d = NULL;
  g_autofree char *blobdir = NULL;
  const char *name;
  guint entries = 0;

  g_assert_no_error (error);
  sha = slv_blobs_put (store, bytes, "text/plain", "abc.txt", 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sha, ==, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  again = slv_blobs_put (store, bytes, "text/plain", "copy.txt", 0, 0, &error);
  g_assert_cmpstr (again, ==, sha);
  g_assert_true (slv_blobs_has (store, sha));

  file = slv_blobs_dup_path (store, sha);
  g_assert_true (g_str_has_suffix (file, "/blobs/ba/ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
  loaded = slv_blobs_load (store, sha, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (loaded, bytes));

  counts = slv_store_count_rows (store, &error);
  g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (counts, "blob")), ==, 1);

  /* no temporary files are left behind */
  blobdir = slv_store_dup_blob_dir (store);
  d = g_dir_open (blobdir, 0, NULL);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_assert_false (g_str_has_prefix (name, ".incoming"));
      entries++;
    }
  g_assert_cmpuint (entries, ==, 1);

  /* damage is detected on load */
  g_assert_cmpint (g_chmod (file, 0600), ==, 0);
  g_assert_true (g_file_set_contents (file, "abd", 3, NULL));
  g_clear_pointer (&loaded, g_bytes_unref);
  loaded = slv_blobs_load (store, sha, &error);
  g_assert_null (loaded);
  g_assert_error (error, SLV_STORE_ERROR, SLV_STORE_ERROR_CORRUPT);
  g_clear_error (&error);

  loaded = slv_blobs_load (store, "../../etc/passwd", &error);
  g_assert_null (loaded);
  g_assert_error (error, SLV_STORE_ERROR, SLV_STORE_ERROR_INVALID);

  g_clear_object (&store);
  slv_test_rm_rf (dir);
}

static void
test_put_file_streams (void)
{
  g_autofree char *dir = slv_test_make_tmpdir ("slv-blobs");
  g_autofree char *path = g_build_filename (dir, "B.selvedge", NULL);
  g_autofree char *src = g_build_filename (dir, "big.bin", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvStore) store = slv_store_open (path, SLV_STORE_OPEN_CREATE, &error);
  gsize len = 3 * 65536 + 17;
  g_autofree guint8 *data = g_malloc (len);
  g_autofree char *expect = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *missing = NULL;

  for (gsize i = 0; i < len; i++)
    data[i] = (guint8) (i * 31 + 7);
  g_assert_true (g_file_set_contents (src, (char *) data, len, NULL));
  expect = g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, len);
  sha = slv_blobs_put_file (store, src, "application/octet-stream", 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sha, ==, expect);

  missing = slv_blobs_put_file (store, "/nonexistent/file.png", "image/png", 0, 0, &error);
  g_assert_null (missing);
  g_assert_nonnull (error);

  g_clear_object (&store);
  slv_test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/store/blobs/put-dedupe-load", test_put_dedupe_load);
  g_test_add_func ("/store/blobs/put-file-streams", test_put_file_streams);
  return g_test_run ();
}
