/* clo-test-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "clo-test-util.h"
#include "slv-test-util.h"
#include "services/slv-demo.h"
#include "store/slv-clo-store.h"

SlvCloImport *
clo_test_load (const char *path)
{
  g_autoptr(SlvCloImport) import = slv_clo_import_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (slv_clo_import_load (import, path, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&import);
}

JsonObject *
clo_test_load_truth (JsonParser *parser,
                     const char *rel)
{
  g_autofree char *path = slv_test_corpus_path (rel);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (path);
  g_assert_true (json_parser_load_from_file (parser, path, &error));
  return json_node_get_object (json_parser_get_root (parser));
}

GHashTable *
clo_test_bom_line (SlvStore   *store,
                   const char *costing,
                   const char *placement)
{
  g_autoptr(GPtrArray) lines = slv_clo_store_list_bom_lines (store, costing, NULL);

  for (guint i = 0; i < lines->len; i++)
    if (g_strcmp0 (g_hash_table_lookup (g_ptr_array_index (lines, i), "placement"), placement) == 0)
      return g_hash_table_ref (g_ptr_array_index (lines, i));
  return NULL;
}

SlvStore *
clo_test_demo_store (char **dir)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  SlvStore *store;

  *dir = slv_test_make_tmpdir ("slv-clo");
  path = g_build_filename (*dir, "Demo.selvedge", NULL);
  store = slv_demo_create (path, &error);
  g_assert_no_error (error);
  return store;
}

char *
clo_test_copy_into (const char *dir,
                    const char *corpus_rel,
                    const char *name)
{
  g_autofree char *src = slv_test_corpus_path (corpus_rel);
  g_autofree char *data = NULL;
  char *dest = g_build_filename (dir, name, NULL);
  gsize len;

  g_assert_nonnull (src);
  g_assert_true (g_file_get_contents (src, &data, &len, NULL));
  g_assert_true (g_file_set_contents (dest, data, len, NULL));
  return dest;
}
