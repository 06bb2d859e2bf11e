/* slv-test-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "slv-test-util.h"

static char *
corpus_root (void)
{
  const char *env = g_getenv ("SELVEDGE_CORPUS");
  const char *src = g_getenv ("SELVEDGE_SOURCE_ROOT");

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  if (src != NULL)
    return g_build_filename (src, "..", "shared", "corpus", NULL);
  return g_build_filename ("..", "shared", "corpus", NULL);
}

char *
slv_test_corpus_path (const char *relative)
{
  g_autofree char *root = corpus_root ();
  g_autofree char *path = g_build_filename (root, relative, NULL);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *msg = g_strdup_printf ("corpus file %s not found (set SELVEDGE_CORPUS to the "
                                              "shared corpus folder to run this test)", path);
      g_test_skip (msg);
      return NULL;
    }
  return g_steal_pointer (&path);
}

char *
slv_test_make_tmpdir (const char *prefix)
{
  g_autofree char *tmpl = g_strdup_printf ("%s-XXXXXX", prefix ? prefix : "slv-test");
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp (tmpl, &error);

  g_assert_no_error (error);
  return dir;
}

static void
rm_rf_file (GFile *file)
{
  g_autoptr(GFileEnumerator) e = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                                            G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);

  if (e != NULL)
    {
      GFileInfo *info;

      while ((info = g_file_enumerator_next_file (e, NULL, NULL)) != NULL)
        {
          g_autoptr(GFile) child = g_file_get_child (file, g_file_info_get_name (info));

          if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
            rm_rf_file (child);
          else
            g_file_delete (child, NULL, NULL);
          g_object_unref (info);
        }
    }
  g_file_delete (file, NULL, NULL);
}

void
slv_test_rm_rf (const char *path)
{
  g_autoptr(GFile) file = NULL;

  if (path == NULL)
    return;
  file = g_file_new_for_path (path);
  rm_rf_file (file);
}

char *
slv_test_build_path (const char *relative)
{
  const char *root = g_getenv ("SELVEDGE_BUILD_ROOT");

  g_assert_nonnull (root);
  return g_build_filename (root, relative, NULL);
}

char *
slv_test_source_path (const char *relative)
{
  const char *root = g_getenv ("SELVEDGE_SOURCE_ROOT");

  g_assert_nonnull (root);
  return g_build_filename (root, relative, NULL);
}
