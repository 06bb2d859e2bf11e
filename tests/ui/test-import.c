/* test-import.c: Import Data… and the Imports page, driven by their actions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The real window on a demo workspace: a corpus file goes through the
 * assistant's steps (file, target, mapping, preview, run, report) as a
 * user takes them, the rows are checked on disk, and the Imports page
 * undoes the import.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "slv-test-util.h"
#include "slv-ui-test-util.h"
#include "slv-imports-page.h"
#include "slv-list-page.h"
#include "slv-window.h"
#include "../services/import-test-util.h"
#include "services/slv-import-batch.h"

#define CORPUS_CSV "spreadsheets/csv-sap-datasphere/"

typedef struct
{
  ImportFixture  imp;       /* the demo workspace and SQL on it */
  SlvWindow     *window;
} Fixture;

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @done returns TRUE (or fails after 60 s). */
static void
wait_until (gboolean (*done) (gpointer),
            gpointer   data)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (60, timeout_cb, &timed_out);

  while (!done (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  import_fixture_setup (&f->imp, data);
  f->window = g_object_ref_sink (slv_window_new (NULL, f->imp.store));
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_assert_finalize_object (f->window);
  import_fixture_teardown (&f->imp, data);
}

static JsonObject *
truth_for (JsonParser *parser,
           const char *file)
{
  g_autofree char *path = slv_test_corpus_path (CORPUS_CSV "csv.groundtruth.json");
  g_autoptr(GError) error = NULL;

  if (path == NULL)
    return NULL;
  g_assert_true (json_parser_load_from_file (parser, path, &error));
  return json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), file);
}

/* -- driving the assistant -- */

static SlvImportAssistant *
assistant_of (Fixture *f)
{
  SlvImportAssistant *assistant = slv_window_get_import_assistant (f->window);

  g_assert_nonnull (assistant);
  return assistant;
}

static void
act (SlvImportAssistant *assistant,
     const char         *action,
     GVariant           *parameter)
{
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (assistant), action));
  g_action_group_activate_action (G_ACTION_GROUP (assistant), action, parameter);
}

static gboolean
assistant_idle (gpointer data)
{
  return !slv_import_assistant_get_busy (data);
}

static void
assert_step (SlvImportAssistant *assistant,
             const char         *step)
{
  wait_until (assistant_idle, assistant);
  g_assert_cmpstr (slv_import_assistant_get_error (assistant), ==, NULL);
  g_assert_cmpstr (slv_import_assistant_get_step (assistant), ==, step);
}

static gboolean
at_report (gpointer data)
{
  return g_str_equal (slv_import_assistant_get_step (data), "report") && !slv_import_assistant_get_busy (data);
}

static gboolean
assistant_closed (gpointer data)
{
  return slv_window_get_import_assistant (data) == NULL;
}

/* Opens @file in a new assistant (as dropping it on the window does) and
 * chooses @target. */
static SlvImportAssistant *
open_file (Fixture    *f,
           const char *file,
           const char *target)
{
  SlvImportAssistant *assistant;

  g_action_group_activate_action (G_ACTION_GROUP (f->window), "import-file", g_variant_new_string (file));
  assistant = assistant_of (f);
  assert_step (assistant, "target");
  g_assert_nonnull (slv_import_get_headers (slv_import_assistant_get_import (assistant)));
  /* No target yet: Next waits for one. */
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (assistant), "next"));
  act (assistant, "set-target", g_variant_new_string (target));
  act (assistant, "next", NULL);
  assert_step (assistant, "mapping");
  return assistant;
}

static SlvImportMapping *
mapping_of (SlvImportAssistant *assistant)
{
  return slv_import_get_mapping (slv_import_assistant_get_import (assistant));
}

static void
preview (SlvImportAssistant *assistant,
         SlvImportCounts    *counts)
{
  act (assistant, "next", NULL);
  assert_step (assistant, "preview");
  slv_import_get_counts (slv_import_assistant_get_import (assistant), counts);
}

/* -- the Imports page -- */

static SlvImportsPage *
imports_page (Fixture *f)
{
  return SLV_IMPORTS_PAGE (slv_window_get_page_widget (f->window, "imports"));
}

static gboolean
first_batch_undone (gpointer data)
{
  GListModel *batches = slv_imports_page_get_model (data);
  g_autoptr(SlvImportBatch) batch = g_list_model_get_n_items (batches) ? g_list_model_get_item (batches, 0) : NULL;

  return batch != NULL && !slv_imports_page_get_loading (data) &&
         g_strcmp0 (slv_import_batch_get_state (batch), "undone") == 0;
}

static gboolean
imports_listed (gpointer data)
{
  return !slv_imports_page_get_loading (data) && g_list_model_get_n_items (slv_imports_page_get_model (data)) > 0;
}

static gboolean
page_loaded (gpointer data)
{
  return !slv_list_page_get_loading (data) && g_strcmp0 (slv_list_page_get_view (data), "loading") != 0;
}

static char *
clipboard_text (GtkWidget *widget)
{
  GdkContentProvider *content = gdk_clipboard_get_content (gtk_widget_get_clipboard (widget));
  g_auto(GValue) value = G_VALUE_INIT;

  g_assert_nonnull (content);
  g_value_init (&value, G_TYPE_STRING);
  g_assert_true (gdk_content_provider_get_value (content, &value, NULL));
  return g_value_dup_string (&value);
}

/* -- tests -- */

/* SAP's Products export (comma-separated, decimal points) into materials:
 * the suppliers it names are not in the workspace, so that column is
 * left out; every row is new. Then the import is undone. */
static void
test_products_then_undo (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *t = truth_for (parser, "Products.csv");
  g_autofree char *file = t ? slv_test_corpus_path (CORPUS_CSV "Products.csv") : NULL;
  g_autofree char *report_path = NULL, *report = NULL, *copied = NULL, *sum = NULL, *batch_id = NULL;
  gint64 rows, before = import_query_int (&f->imp, "SELECT count(*) FROM material WHERE deleted = 0");
  SlvImportAssistant *assistant;
  SlvListPage *materials = SLV_LIST_PAGE (slv_window_get_page_widget (f->window, "materials"));
  SlvImportsPage *page = imports_page (f);
  g_autoptr(SlvImportBatch) batch = NULL;
  g_auto(GStrv) saved = NULL;
  SlvImportCounts c;
  GListModel *preview_rows;

  if (file == NULL)
    return;
  rows = json_object_get_int_member (t, "data_rows");
  g_assert_cmpint (import_query_int (&f->imp, "SELECT count(*) FROM material WHERE sap_type = 'PR'"), ==, 0);

  assistant = open_file (f, file, "materials");
  /* Proposed from the headers; read with decimal points. */
  g_assert_cmpstr (slv_import_mapping_get_column (mapping_of (assistant), "PRODUCTID"), ==, "code");
  g_assert_cmpstr (slv_import_mapping_get_column (mapping_of (assistant), "PRICE"), ==, "price");
  g_assert_cmpstr (slv_import_mapping_get_column (mapping_of (assistant), "SUPPLIER_PARTNERID"), ==, "supplier");
  g_assert_false (slv_import_mapping_get_decimal_comma (mapping_of (assistant)));

  /* As proposed, every row names a supplier the workspace lacks. */
  preview (assistant, &c);
  g_assert_cmpuint (c.rows, ==, rows);
  g_assert_cmpuint (c.rejected, ==, rows);
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (assistant), "next"));
  {
    g_autoptr(SlvImportIssue) issue = g_list_model_get_item (slv_import_get_issues (slv_import_assistant_get_import (assistant)), 0);

    g_assert_cmpstr (slv_import_issue_get_column (issue), ==, "SUPPLIER_PARTNERID");
    g_assert_cmpuint (slv_import_issue_get_row (issue), ==, 2);
    g_assert_cmpstr (slv_import_issue_get_value (issue), ==, "100000028");
  }

  /* Leave the supplier out, save the mapping, look again. */
  act (assistant, "back", NULL);
  assert_step (assistant, "mapping");
  act (assistant, "set-column", g_variant_new ("(ss)", "SUPPLIER_PARTNERID", ""));
  g_assert_null (slv_import_mapping_get_column (mapping_of (assistant), "SUPPLIER_PARTNERID"));
  act (assistant, "save-profile", g_variant_new_string ("SAP products"));
  saved = slv_import_mapping_list_saved (f->imp.store, "materials", NULL);
  g_assert_true (g_strv_contains ((const char * const *) saved, "SAP products"));
  preview (assistant, &c);
  g_assert_cmpuint (c.rows, ==, rows);
  g_assert_cmpuint (c.inserted, ==, rows);
  g_assert_cmpuint (c.updated + c.unchanged + c.rejected, ==, 0);
  preview_rows = slv_import_get_preview (slv_import_assistant_get_import (assistant));
  g_assert_cmpuint (g_list_model_get_n_items (preview_rows), >, 0);
  {
    g_autoptr(SlvImportPreviewRow) first = g_list_model_get_item (preview_rows, 0);

    g_assert_cmpint (slv_import_preview_row_get_action (first), ==, SLV_IMPORT_ACTION_INSERT);
    g_assert_cmpstr (slv_import_preview_row_get_key (first), ==, "#");
  }
  /* The preview wrote nothing. */
  g_assert_cmpint (import_query_int (&f->imp, "SELECT count(*) FROM material WHERE deleted = 0"), ==, before);

  /* Run it; the report follows. */
  act (assistant, "next", NULL);
  g_assert_nonnull (slv_import_assistant_get_job (assistant));
  wait_until (at_report, assistant);
  g_assert_cmpint (slv_job_get_state (slv_import_assistant_get_job (assistant)), ==, SLV_JOB_DONE);
  batch_id = g_strdup (slv_import_assistant_get_batch_id (assistant));
  g_assert_nonnull (batch_id);
  g_assert_cmpint (import_query_int (&f->imp, "SELECT count(*) FROM material WHERE deleted = 0"), ==,
                   before + json_object_get_int_member (t, "distinct_PRODUCTID"));
  sum = import_query_sum (&f->imp, "SELECT price FROM material WHERE sap_type = 'PR' AND deleted = 0");
  g_assert_true (slv_decimal_text_equal (sum, json_object_get_string_member (t, "sum_PRICE")));

  /* The materials page shows them; search finds a new one. */
  wait_until (page_loaded, materials);
  g_assert_cmpuint (g_list_model_get_n_items (slv_list_page_get_model (materials)), ==,
                    before + json_object_get_int_member (t, "distinct_PRODUCTID"));
  slv_list_page_set_search_text (materials, "CM-FL-V00");
  wait_until (page_loaded, materials);
  g_assert_cmpuint (g_list_model_get_n_items (slv_list_page_get_model (materials)), ==, 1);

  /* Copy and save the report. */
  act (assistant, "copy-report", NULL);
  copied = clipboard_text (GTK_WIDGET (assistant));
  g_assert_nonnull (strstr (copied, "Products.csv"));
  g_assert_nonnull (strstr (copied, " new,"));
  report_path = g_build_filename (f->imp.dir, "report.csv", NULL);
  act (assistant, "save-report-to", g_variant_new_string (report_path));
  wait_until (assistant_idle, assistant);
  g_assert_true (g_file_get_contents (report_path, &report, NULL, NULL));
  g_assert_true (g_str_has_prefix (report, "row,"));

  /* Done; the Imports page lists the batch. */
  act (assistant, "show-imports", NULL);
  wait_until (assistant_closed, f->window);
  g_assert_cmpstr (slv_window_get_page (f->window), ==, "imports");
  wait_until (imports_listed, page);
  batch = g_list_model_get_item (slv_imports_page_get_model (page), 0);
  g_assert_cmpstr (slv_import_batch_get_id (batch), ==, batch_id);
  g_assert_cmpstr (slv_import_batch_get_state (batch), ==, "done");
  g_assert_cmpint (slv_import_batch_get_inserted (batch), ==, rows);
  g_assert_true (slv_import_batch_get_can_undo (batch));

  /* Undo: the rows are gone, the batch says so, search no longer finds them. */
  gtk_widget_activate_action (GTK_WIDGET (page), "imports.undo", "s", batch_id);
  wait_until (first_batch_undone, page);
  g_assert_cmpint (import_query_int (&f->imp, "SELECT count(*) FROM material WHERE deleted = 0"), ==, before);
  g_assert_cmpint (import_query_int (&f->imp, "SELECT count(*) FROM material WHERE sap_type = 'PR' AND deleted = 0"),
                   ==, 0);
  wait_until (page_loaded, materials);
  g_assert_cmpuint (g_list_model_get_n_items (slv_list_page_get_model (materials)), ==, 0);
}

/* SAP's order items (semicolons, decimal commas) into order history: the
 * decimal comma is suggested; read with decimal points the amounts are
 * refused row by row, with the row, column, value and reason. */
static void
test_decimal_comma (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *name = "SalesOrderItems_semicolon_decimal-comma.csv";
  JsonObject *t = truth_for (parser, name);
  g_autofree char *file = NULL;
  SlvImportAssistant *assistant;
  SlvImportCounts c;
  GListModel *issues;
  gint64 rows;

  if (t == NULL)
    return;
  file = slv_test_corpus_path (CORPUS_CSV "SalesOrderItems_semicolon_decimal-comma.csv");
  rows = json_object_get_int_member (t, "data_rows");
  assistant = open_file (f, file, "order-history");
  g_assert_cmpint (slv_import_mapping_get_delimiter (mapping_of (assistant)), ==, ';');
  g_assert_true (slv_import_mapping_get_decimal_comma (mapping_of (assistant)));

  act (assistant, "set-decimal-comma", g_variant_new_boolean (FALSE));
  preview (assistant, &c);
  g_assert_cmpuint (c.rows, ==, rows);
  g_assert_cmpuint (c.rejected, >, 0);
  issues = slv_import_get_issues (slv_import_assistant_get_import (assistant));
  g_assert_cmpuint (g_list_model_get_n_items (issues), >, 0);
  {
    g_autoptr(SlvImportIssue) issue = g_list_model_get_item (issues, 0);
    g_autofree char *line = slv_import_issue_to_string (issue);

    g_test_message ("%s", line);
    g_assert_cmpuint (slv_import_issue_get_row (issue), >=, 2);
    g_assert_nonnull (slv_import_issue_get_column (issue));
    g_assert_nonnull (strchr (slv_import_issue_get_value (issue), ','));
    g_assert_cmpstr (slv_import_issue_get_reason (issue), !=, "");
  }

  act (assistant, "back", NULL);
  act (assistant, "set-decimal-comma", g_variant_new_boolean (TRUE));
  preview (assistant, &c);
  g_assert_cmpuint (c.inserted, ==, rows);
  g_assert_cmpuint (c.rejected, ==, 0);
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (assistant), "next"));
  gtk_window_close (GTK_WINDOW (assistant));
  wait_until (assistant_closed, f->window);
  g_assert_cmpint (import_query_int (&f->imp, "SELECT count(*) FROM order_line"), ==, 0);
}

/* A file the readers refuse stays on the first step with the reason. */
static void
test_unreadable_file (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->imp.dir, "broken.xlsx", NULL);
  SlvImportAssistant *assistant;

  import_write_file (path, "PK\003\004 this is not a workbook");
  g_action_group_activate_action (G_ACTION_GROUP (f->window), "import-file", g_variant_new_string (path));
  assistant = assistant_of (f);
  wait_until (assistant_idle, assistant);
  g_assert_cmpstr (slv_import_assistant_get_step (assistant), ==, "file");
  g_assert_nonnull (slv_import_assistant_get_error (assistant));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (assistant), "next"));
}

static void
write_materials (const char *path,
                 guint       rows)
{
  g_autoptr(GString) text = g_string_new ("MATNR;MAKTX;MEINS;STPRS;WAERS\n");

  for (guint i = 0; i < rows; i++)
    g_string_append_printf (text, "%012u;Test fabric %u;KG;%u,%02u;EUR\n", 500000000 + i, i, 1 + i % 30, i % 100);
  import_write_file (path, text->str);
}

static gboolean
job_stopped (gpointer data)
{
  SlvJobState state = slv_job_get_state (data);

  return state != SLV_JOB_QUEUED && state != SLV_JOB_RUNNING;
}

typedef struct
{
  Fixture *f;
  SlvJob  *job;
  gint64   before;
} Progress;

/* A first chunk is committed (or the job ended early). */
static gboolean
job_committed (gpointer data)
{
  Progress *p = data;

  return job_stopped (p->job) ||
         import_query_int (&p->f->imp, "SELECT count(*) FROM material WHERE deleted = 0") > p->before;
}

/* An import stopped half-way (the app closed) is offered back when the
 * workspace opens again; rolling it back leaves none of it. */
static void
test_recover_interrupted (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (f->imp.dir, "materials.csv", NULL);
  g_autoptr(SlvImportMapping) mapping = NULL;
  g_autoptr(SlvJobQueue) queue = NULL;
  g_autoptr(SlvJob) job = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvWindow) window = NULL;
  gint64 before = import_query_int (&f->imp, "SELECT count(*) FROM material WHERE deleted = 0");
  SlvJobQueue *jobs;
  SlvJob *found;

  /* The fixture's window closes first: this test opens its own. */
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->window);

  write_materials (csv, 60000);
  mapping = import_propose (&f->imp, csv, "materials");
  queue = slv_job_queue_new (f->imp.store, 1);
  slv_import_jobs_register (queue);
  job = slv_import_job_submit (queue, csv, mapping, NULL, 2000, &error);
  g_assert_no_error (error);
  {
    Progress p = { f, job, before };

    wait_until (job_committed, &p);
  }
  slv_job_queue_shutdown (queue);
  g_assert_cmpint (slv_job_get_state (job), ==, SLV_JOB_INTERRUPTED);
  g_assert_cmpint (import_query_int (&f->imp, "SELECT count(*) FROM material WHERE deleted = 0"), >, before);

  window = g_object_ref_sink (slv_window_new (NULL, f->imp.store));
  gtk_window_present (GTK_WINDOW (window));
  jobs = slv_window_get_job_queue (window);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (jobs)), ==, 1);
  found = slv_job_queue_find (jobs, slv_job_get_id (job));
  g_assert_nonnull (found);
  g_assert_cmpint (slv_job_get_state (found), ==, SLV_JOB_INTERRUPTED);

  g_action_group_activate_action (G_ACTION_GROUP (window), "rollback-job", g_variant_new_string (slv_job_get_id (job)));
  wait_until (job_stopped, found);
  g_assert_cmpint (slv_job_get_state (found), ==, SLV_JOB_ROLLED_BACK);
  g_assert_cmpint (import_query_int (&f->imp, "SELECT count(*) FROM material WHERE deleted = 0"), ==, before);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (g_steal_pointer (&window));
  f->window = g_object_ref_sink (slv_window_new (NULL, f->imp.store));
}

int
main (int argc, char **argv)
{
  if (!slv_ui_test_init (&argc, &argv, "/ui/import/no-display"))
    return g_test_run ();
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/ui/import/products-then-undo", test_products_then_undo);
  ADD ("/ui/import/decimal-comma", test_decimal_comma);
  ADD ("/ui/import/unreadable-file", test_unreadable_file);
  ADD ("/ui/import/recover-interrupted", test_recover_interrupted);
#undef ADD
  return g_test_run ();
}
