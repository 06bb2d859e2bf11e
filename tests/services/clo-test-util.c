/* clo-test-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "clo-test-util.h"
#include "slv-test-util.h"

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
