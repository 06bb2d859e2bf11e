/* test-cli-price.c: selvedge-cli price and export on the demo workspace.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "slv-test-util.h"
#include "services/slv-demo.h"

typedef struct
{
  char *dir;
  char *workspace;
  char *cli;
} Fixture;

static void
set_up (Fixture       *f,
        gconstpointer  data)
{
  g_autoptr(SlvStore) store = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = slv_test_make_tmpdir ("slv-cli-price");
  f->workspace = g_build_filename (f->dir, "Demo.selvedge", NULL);
  store = slv_demo_create (f->workspace, &error);
  g_assert_no_error (error);
  f->cli = slv_test_build_path ("src/cli/selvedge-cli");
}

static void
tear_down (Fixture       *f,
           gconstpointer  data)
{
  slv_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->workspace);
  g_free (f->cli);
}

/* Runs the CLI; returns its exit status and stdout. */
static int
run (Fixture     *f,
     char       **out,
     const char  *first,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = 0;
  va_list args;

  g_ptr_array_add (argv, f->cli);
  va_start (args, first);
  for (const char *a = first; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               out, NULL, &status, &error));
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static void
assert_money (JsonObject *root,
              const char *name,
              const char *value,
              const char *currency)
{
  JsonObject *o = json_object_get_object_member (root, name);

  g_assert_cmpstr (json_object_get_string_member (o, "value"), ==, value);
  g_assert_cmpstr (json_object_get_string_member (o, "currency"), ==, currency);
}

static void
test_price_json (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;

  g_assert_cmpint (run (f, &out, "price", "NL27S-TS001", "--json", f->workspace, NULL), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "style"), ==, "NL27S-TS001");
  assert_money (root, "fob", "3.54", "USD");
  assert_money (root, "landed", "4.169696", "USD");
  assert_money (root, "landed_price_currency", "3.836120", "EUR");
  assert_money (root, "retail", "11.99", "EUR");
  g_assert_false (json_object_has_member (root, "figures"));
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run (f, &out, "price", "NL27S-PO002", "--scenario", "Base", "--json", "--explain", f->workspace, NULL), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  assert_money (root, "fob", "4.35", "USD");
  assert_money (root, "retail", "10.99", "USD");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "figures")), >, 50);
}

static void
test_price_text (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *out = NULL;

  g_assert_cmpint (run (f, &out, "price", "NL27S-TS001", "--explain", f->workspace, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "FOB"));
  g_assert_nonnull (strstr (out, "3.54 USD"));
  g_assert_nonnull (strstr (out, "11.99 EUR"));
  g_assert_nonnull (strstr (out, "(76 + 5 + 23 + 4) × (58 + 3) × 2 × 180 g/m²"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run (f, &out, "price", "--all", f->workspace, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "NL27S-PO002"));
  g_assert_nonnull (strstr (out, "10.99 USD"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run (f, &out, "price", "--all", "--json", f->workspace, NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "["));
  g_clear_pointer (&out, g_free);
  /* errors: exit status 2 */
  g_assert_cmpint (run (f, &out, "price", "NO-SUCH", f->workspace, NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run (f, &out, "price", f->workspace, NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run (f, &out, "price", "NL27S-TS001", "/nonexistent/path", NULL), ==, 2);
}

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  static const char * const formats[] = { "xlsx", "pdf", "csv" };
  static const char * const magic[] = { "PK", "%PDF", "key,label,value" };
  g_autofree char *cm = g_build_filename (f->dir, "cost-master.csv", NULL);
  g_autofree char *text = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *name = g_strdup_printf ("tee.%s", formats[i]);
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_autofree char *out = NULL;
      g_autofree char *content = NULL;

      g_assert_cmpint (run (f, &out, "export", "NL27S-TS001", "--format", formats[i], "-o", path, f->workspace, NULL), ==, 0);
      g_assert_true (g_file_get_contents (path, &content, NULL, NULL));
      g_assert_true (g_str_has_prefix (content, magic[i]));
    }
  {
    g_autofree char *out = NULL;

    g_assert_cmpint (run (f, &out, "export", "--cost-master", "--format", "csv", "-o", cm, f->workspace, NULL), ==, 0);
  }
  g_assert_true (g_file_get_contents (cm, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, ",making,knit-line,"));
  {
    g_autofree char *out = NULL;

    g_assert_cmpint (run (f, &out, "export", "NL27S-TS001", "--format", "docx", "-o", cm, f->workspace, NULL), ==, 2);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add ("/services/cli/price-json", Fixture, NULL, set_up, test_price_json, tear_down);
  g_test_add ("/services/cli/price-text", Fixture, NULL, set_up, test_price_text, tear_down);
  g_test_add ("/services/cli/export", Fixture, NULL, set_up, test_export, tear_down);
  return g_test_run ();
}
