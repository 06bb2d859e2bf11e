/* test-cli-import.c: selvedge-cli import, imports, import-undo, mappings, jobs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Exit status 0 when every row is in, 1 when some were rejected, 2 when
 * nothing was imported; the report on stdout (JSON with --json), progress
 * on stderr.
 */
#include "config.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "slv-test-util.h"
#include "services/slv-demo.h"

typedef struct
{
  char *dir;
  char *ws;
  char *cli;
} Fixture;

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvStore) store = NULL;

  f->dir = slv_test_make_tmpdir ("slv-cli-import");
  f->ws = g_build_filename (f->dir, "Demo.selvedge", NULL);
  f->cli = slv_test_build_path ("src/cli/selvedge-cli");
  store = slv_demo_create (f->ws, &error);
  g_assert_no_error (error);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  slv_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->ws);
  g_free (f->cli);
}

/* Runs the CLI; returns its exit status, with stdout and stderr. */
static int
cli (Fixture     *f,
     char       **out,
     char       **err,
     const char  *first,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  va_list args;

  g_ptr_array_add (argv, f->cli);
  va_start (args, first);
  for (const char *a = first; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  proc = g_subprocess_newv ((const char * const *) argv->pdata,
                            G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (proc, NULL, NULL, out, err, &error));
  g_assert_no_error (error);
  return g_subprocess_get_exit_status (proc);
}

static char *
write_file (Fixture    *f,
            const char *name,
            const char *text)
{
  char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

static JsonObject *
parse (JsonParser *parser,
       const char *text)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

static void
test_exit_status (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *good = write_file (f, "good.csv", "MATNR;MAKTX;MEINS;STPRS\n0008000001;Jersey;KG;1,50\n0008000002;Rib;KG;2,75\n");
  g_autofree char *some = write_file (f, "some.csv", "MATNR;MAKTX;MEINS;STPRS\n0008000003;Waffle;KG;1,50\n0008000004;Bad;KG;zwei\n");
  g_autofree char *none = write_file (f, "none.csv", "MATNR;MAKTX;MEINS;STPRS\n0008000005;A;XX;1\n0008000006;B;YY;2\n");
  g_autofree char *nul = g_build_filename (f->dir, "nul.csv", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  char *out = NULL, *err = NULL;
  JsonObject *report, *counts;
  JsonArray *issues;

  g_assert_true (g_file_set_contents (nul, "MATNR;MEINS\nA\0B;KG\n", 18, NULL));
  g_assert_cmpint (cli (f, &out, &err, "import", good, "--target", "materials", "--decimal-comma", f->ws, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "2 new"));
  g_assert_nonnull (strstr (err, "100%"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (cli (f, &out, &err, "import", some, "--target", "materials", "--decimal-comma", "--json", "-q",
                        f->ws, NULL), ==, 1);
  report = parse (parser, out);
  g_assert_false (json_object_get_boolean_member (report, "dry_run"));
  counts = json_object_get_object_member (report, "counts");
  g_assert_cmpint (json_object_get_int_member (counts, "inserted"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (counts, "rejected"), ==, 1);
  issues = json_object_get_array_member (report, "issues");
  g_assert_cmpuint (json_array_get_length (issues), ==, 1);
  {
    JsonObject *issue = json_array_get_object_element (issues, 0);

    g_assert_cmpint (json_object_get_int_member (issue, "row"), ==, 3);
    g_assert_cmpstr (json_object_get_string_member (issue, "column"), ==, "STPRS");
    g_assert_cmpstr (json_object_get_string_member (issue, "value"), ==, "zwei");
    g_assert_cmpstr (json_object_get_string_member (issue, "reason"), ==, "‘zwei’ is not a number.");
  }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Every row rejected, and a file that is not text: nothing imported. */
  g_assert_cmpint (cli (f, &out, &err, "import", none, "--target", "materials", "-q", f->ws, NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli (f, &out, &err, "import", nul, "--target", "materials", "-q", f->ws, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "NUL byte"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  /* Bad arguments. */
  g_assert_cmpint (cli (f, &out, &err, "import", good, "--target", "planets", f->ws, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "no import target ‘planets’"));
  g_free (out);
  g_free (err);
}

static void
test_dry_run_profiles_undo (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *file = write_file (f, "vendors.csv", "Kreditor\tName 1\tTyp\n0000200001\tGazipur Knit\tknitter\n");
  g_autofree char *reordered = write_file (f, "vendors2.csv", "Typ\tKreditor\tName 1\nmill\t0000200002\tIzmir Weave\n");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonParser) list = json_parser_new ();
  g_autofree char *batch = NULL;
  char *out = NULL, *err = NULL;
  JsonArray *batches;

  /* A dry run changes nothing. */
  g_assert_cmpint (cli (f, &out, &err, "import", file, "--target", "suppliers", "--map", "Kreditor=code",
                        "--map", "Typ=kind", "--dry-run", "--json", f->ws, NULL), ==, 0);
  g_assert_true (json_object_get_boolean_member (parse (parser, out), "dry_run"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli (f, &out, &err, "imports", "--json", f->ws, NULL), ==, 0);
  g_assert_true (json_parser_load_from_data (list, out, -1, NULL));
  g_assert_cmpuint (json_array_get_length (json_node_get_array (json_parser_get_root (list))), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Import, saving the mapping; the saved mapping reads a reordered file. */
  g_assert_cmpint (cli (f, &out, &err, "import", file, "--target", "suppliers", "--map", "Kreditor=code",
                        "--map", "Typ=kind", "--save-mapping", "SAP vendors", "-q", f->ws, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli (f, &out, &err, "import", reordered, "--mapping", "SAP vendors", "-q", f->ws, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "1 new"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli (f, &out, &err, "mappings", f->ws, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "SAP vendors"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* List the batches, undo the newest. */
  g_assert_cmpint (cli (f, &out, &err, "imports", "--json", f->ws, NULL), ==, 0);
  g_assert_true (json_parser_load_from_data (list, out, -1, NULL));
  batches = json_node_get_array (json_parser_get_root (list));
  g_assert_cmpuint (json_array_get_length (batches), ==, 2);
  batch = g_strdup (json_object_get_string_member (json_array_get_object_element (batches, 0), "id"));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (batches, 0), "file"), ==,
                   "vendors2.csv");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (batches, 0), "inserted"), ==, 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli (f, &out, &err, "import-undo", batch, "-q", f->ws, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Undone: 1 records restored."));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli (f, &out, &err, "imports", f->ws, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "undone"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  /* Nothing was interrupted. */
  g_assert_cmpint (cli (f, &out, &err, "jobs", f->ws, NULL), ==, 0);
  g_assert_null (strstr (out, "interrupted"));
  g_free (out);
  g_free (err);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/services/cli/import/exit-status", Fixture, NULL, setup, test_exit_status, teardown);
  g_test_add ("/services/cli/import/dry-run-profiles-undo", Fixture, NULL, setup, test_dry_run_profiles_undo, teardown);

  return g_test_run ();
}
