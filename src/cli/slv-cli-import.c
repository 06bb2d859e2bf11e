/* slv-cli-import.c: import, imports, import-undo, jobs, job-resume, job-rollback.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-cli"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "slv-cli.h"
#include "formats/slv-csv-reader.h"
#include "services/slv-import.h"
#include "services/slv-import-batch.h"
#include "services/slv-import-job.h"
#include "services/slv-job-queue.h"
#include "store/slv-import-store.h"
#include "store/slv-job-store.h"

static char *opt_target;
static char *opt_mapping;
static char *opt_save_mapping;
static char *opt_delimiter;
static char *opt_encoding;
static char *opt_sheet;
static char *opt_brand;
static char *opt_date_order;
static char **opt_map;
static char **opt_set;
static gboolean opt_decimal_comma;
static gboolean opt_decimal_point;
static gboolean opt_dry_run;
static gboolean opt_json;
static gboolean opt_quiet;
static int opt_header_row;
static int opt_chunk_rows;

static GOptionEntry import_entries[] = {
  { "target", 't', 0, G_OPTION_ARG_STRING, &opt_target,
    N_("What the file holds: materials, rates, suppliers, fx, orders, order-history, capacity"), N_("TARGET") },
  { "mapping", 'm', 0, G_OPTION_ARG_STRING, &opt_mapping, N_("Use a saved mapping"), N_("NAME") },
  { "save-mapping", 0, 0, G_OPTION_ARG_STRING, &opt_save_mapping, N_("Save the mapping used under NAME"), N_("NAME") },
  { "map", 0, 0, G_OPTION_ARG_STRING_ARRAY, &opt_map, N_("Map a column to a field (empty field: ignore it)"),
    N_("HEADER=FIELD") },
  { "set", 0, 0, G_OPTION_ARG_STRING_ARRAY, &opt_set, N_("A value for a field the file lacks"), N_("FIELD=VALUE") },
  { "delimiter", 'd', 0, G_OPTION_ARG_STRING, &opt_delimiter, N_("CSV delimiter (default: sniffed); ‘tab’ for tabs"),
    N_("CHAR") },
  { "decimal-comma", 0, 0, G_OPTION_ARG_NONE, &opt_decimal_comma, N_("Numbers are written 1.234,56"), NULL },
  { "decimal-point", 0, 0, G_OPTION_ARG_NONE, &opt_decimal_point, N_("Numbers are written 1,234.56"), NULL },
  { "date-order", 0, 0, G_OPTION_ARG_STRING, &opt_date_order, N_("dmy (default) or mdy, for 03/04/2025"), N_("ORDER") },
  { "encoding", 0, 0, G_OPTION_ARG_STRING, &opt_encoding,
    N_("auto, utf-8, utf-16le, utf-16be or windows-1252"), N_("ENCODING") },
  { "sheet", 0, 0, G_OPTION_ARG_STRING, &opt_sheet, N_("Worksheet of a workbook"), N_("NAME") },
  { "header-row", 0, 0, G_OPTION_ARG_INT, &opt_header_row, N_("Row of the column names (default: found)"), N_("N") },
  { "brand", 0, 0, G_OPTION_ARG_STRING, &opt_brand, N_("Brand to import into (default: the only one)"), N_("CODE") },
  { "chunk-rows", 0, 0, G_OPTION_ARG_INT, &opt_chunk_rows, N_("Rows per transaction"), N_("N") },
  { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &opt_dry_run, N_("Check and preview; change nothing"), NULL },
  { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Print the report as JSON"), NULL },
  { "quiet", 'q', 0, G_OPTION_ARG_NONE, &opt_quiet, N_("No progress on stderr"), NULL },
  { NULL }
};

static GOptionEntry json_entries[] = {
  { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Print JSON"), NULL },
  { "quiet", 'q', 0, G_OPTION_ARG_NONE, &opt_quiet, N_("No progress on stderr"), NULL },
  { NULL }
};

static void
reset_options (void)
{
  g_clear_pointer (&opt_target, g_free);
  g_clear_pointer (&opt_mapping, g_free);
  g_clear_pointer (&opt_save_mapping, g_free);
  g_clear_pointer (&opt_delimiter, g_free);
  g_clear_pointer (&opt_encoding, g_free);
  g_clear_pointer (&opt_sheet, g_free);
  g_clear_pointer (&opt_brand, g_free);
  g_clear_pointer (&opt_date_order, g_free);
  g_clear_pointer (&opt_map, g_strfreev);
  g_clear_pointer (&opt_set, g_strfreev);
  opt_decimal_comma = opt_decimal_point = opt_dry_run = opt_json = opt_quiet = FALSE;
  opt_header_row = opt_chunk_rows = 0;
}

/* -- progress on stderr -- */

static void
print_progress (SlvJob   *job,
                gboolean  last)
{
  gboolean tty = isatty (STDERR_FILENO);

  if (opt_quiet)
    return;
  fprintf (stderr, tty ? "\r%s: %3.0f%% %" G_GINT64_FORMAT " rows   %s" : "%s: %.0f%% %" G_GINT64_FORMAT " rows\n%s",
           slv_job_get_title (job), slv_job_get_fraction (job) * 100.0, slv_job_get_done (job),
           tty && last ? "\n" : "");
}

static void
progress_cb (SlvJob     *job,
             GParamSpec *pspec,
             gpointer    user_data)
{
  static gint64 last;
  gint64 now = g_get_monotonic_time ();

  if (slv_job_is_finished (job) || now - last < (isatty (STDERR_FILENO) ? 200000 : 1000000))
    return;
  last = now;
  print_progress (job, FALSE);
}

static SlvJobQueue *
new_queue (SlvStore *store)
{
  SlvJobQueue *queue = slv_job_queue_new (store, 2);

  slv_import_jobs_register (queue);
  return queue;
}

/* Runs @job to its end, showing progress; the exit status of a job. */
static int
wait_job (SlvJobQueue *queue,
          SlvJob      *job)
{
  g_signal_connect (job, "notify::fraction", G_CALLBACK (progress_cb), NULL);
  slv_job_queue_wait (queue, job);
  print_progress (job, TRUE);
  switch (slv_job_get_state (job))
    {
    case SLV_JOB_DONE:
    case SLV_JOB_ROLLED_BACK:
      return SLV_CLI_OK;
    case SLV_JOB_QUEUED:
    case SLV_JOB_RUNNING:
    case SLV_JOB_FAILED:
    case SLV_JOB_CANCELLED:
    case SLV_JOB_INTERRUPTED:
    default:
      return slv_cli_fail ("%s", slv_job_get_message (job) ? slv_job_get_message (job) : _("the job failed."));
    }
}

/* -- the mapping from the options -- */

static gboolean
apply_pairs (SlvImportMapping  *mapping,
             char             **pairs,
             gboolean           constants,
             GError           **error)
{
  for (guint i = 0; pairs != NULL && pairs[i] != NULL; i++)
    {
      const char *eq = strchr (pairs[i], '=');
      g_autofree char *left = NULL;

      if (eq == NULL || eq == pairs[i])
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       constants ? _("--set wants FIELD=VALUE, not “%s”.") : _("--map wants HEADER=FIELD, not “%s”."),
                       pairs[i]);
          return FALSE;
        }
      left = g_strndup (pairs[i], eq - pairs[i]);
      if (constants)
        slv_import_mapping_set_constant (mapping, left, *(eq + 1) ? eq + 1 : NULL);
      else
        slv_import_mapping_set_column (mapping, left, *(eq + 1) ? eq + 1 : NULL);
    }
  return TRUE;
}

static gboolean
apply_read_options (SlvImportMapping  *mapping,
                    GError           **error)
{
  SlvEncoding encoding;

  if (opt_delimiter != NULL)
    {
      if (g_ascii_strcasecmp (opt_delimiter, "tab") == 0 || g_str_equal (opt_delimiter, "\\t"))
        slv_import_mapping_set_delimiter (mapping, '\t');
      else if (strlen (opt_delimiter) == 1)
        slv_import_mapping_set_delimiter (mapping, opt_delimiter[0]);
      else
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("The delimiter must be one character (or ‘tab’), not “%s”."), opt_delimiter);
          return FALSE;
        }
    }
  if (opt_encoding != NULL)
    {
      if (!slv_encoding_from_string (opt_encoding, &encoding))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("Unknown encoding “%s” (use utf-8, utf-16le, utf-16be or windows-1252)."), opt_encoding);
          return FALSE;
        }
      slv_import_mapping_set_encoding (mapping, encoding);
    }
  if (opt_decimal_comma || opt_decimal_point)
    slv_import_mapping_set_decimal_comma (mapping, opt_decimal_comma);
  if (opt_date_order != NULL)
    slv_import_mapping_set_date_order (mapping, g_ascii_strcasecmp (opt_date_order, "mdy") == 0
                                                ? SLV_DATE_MDY : SLV_DATE_DMY);
  if (opt_sheet != NULL)
    slv_import_mapping_set_sheet (mapping, opt_sheet);
  if (opt_header_row > 0)
    slv_import_mapping_set_header_row (mapping, opt_header_row);
  return TRUE;
}

/* Builds the mapping: a saved profile or a proposal, then the options. */
static gboolean
prepare_import (SlvImport  *import,
                GError    **error)
{
  SlvImportMapping *mapping;

  if (opt_mapping != NULL && !slv_import_use_profile (import, opt_mapping, error))
    return FALSE;
  if (opt_mapping == NULL && (!slv_import_inspect (import, error) ||
                              !slv_import_set_target (import, opt_target, error)))
    return FALSE;
  mapping = slv_import_get_mapping (import);
  if (opt_target != NULL && !g_str_equal (opt_target, slv_import_mapping_get_target (mapping)))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("The mapping “%s” is for %s, not %s."), opt_mapping, slv_import_mapping_get_target (mapping),
                   opt_target);
      return FALSE;
    }
  if (!apply_read_options (mapping, error) || !apply_pairs (mapping, opt_map, FALSE, error) ||
      !apply_pairs (mapping, opt_set, TRUE, error))
    return FALSE;
  /* Reading options may move the header (another delimiter, sheet, row). */
  if ((opt_delimiter || opt_sheet || opt_header_row || opt_encoding) && opt_mapping == NULL)
    {
      if (!slv_import_inspect (import, error))
        return FALSE;
      if (!slv_import_set_target (import, opt_target, error))
        return FALSE;
      mapping = slv_import_get_mapping (import);
      if (!apply_read_options (mapping, error) || !apply_pairs (mapping, opt_map, FALSE, error) ||
          !apply_pairs (mapping, opt_set, TRUE, error))
        return FALSE;
    }
  return TRUE;
}

/* -- output -- */

static void
add_counts (JsonBuilder           *b,
            const SlvImportCounts *c)
{
  json_builder_set_member_name (b, "counts");
  json_builder_begin_object (b);
#define COUNT(name) json_builder_set_member_name (b, #name); json_builder_add_int_value (b, c->name)
  COUNT (rows);
  COUNT (inserted);
  COUNT (updated);
  COUNT (unchanged);
  COUNT (rejected);
  COUNT (warnings);
#undef COUNT
  json_builder_end_object (b);
}

static void
add_issues (JsonBuilder *b,
            GListModel  *issues)
{
  json_builder_set_member_name (b, "issues");
  json_builder_begin_array (b);
  for (guint i = 0; i < g_list_model_get_n_items (issues); i++)
    {
      g_autoptr(SlvImportIssue) issue = g_list_model_get_item (issues, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "row");
      json_builder_add_int_value (b, slv_import_issue_get_row (issue));
      json_builder_set_member_name (b, "column");
      json_builder_add_string_value (b, slv_import_issue_get_column (issue));
      json_builder_set_member_name (b, "value");
      json_builder_add_string_value (b, slv_import_issue_get_value (issue));
      json_builder_set_member_name (b, "reason");
      json_builder_add_string_value (b, slv_import_issue_get_reason (issue));
      json_builder_set_member_name (b, "severity");
      json_builder_add_string_value (b, slv_import_issue_get_severity (issue) == SLV_IMPORT_SEVERITY_WARNING
                                        ? "warning" : "error");
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
print_report (const char            *file,
              const char            *target,
              const char            *batch_id,
              const char            *format,
              const SlvImportCounts *c,
              GListModel            *issues,
              GListModel            *preview)
{
  if (opt_json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "file");
      json_builder_add_string_value (b, file);
      json_builder_set_member_name (b, "target");
      json_builder_add_string_value (b, target);
      json_builder_set_member_name (b, "format");
      json_builder_add_string_value (b, format);
      json_builder_set_member_name (b, "dry_run");
      json_builder_add_boolean_value (b, batch_id == NULL);
      json_builder_set_member_name (b, "batch_id");
      if (batch_id)
        json_builder_add_string_value (b, batch_id);
      else
        json_builder_add_null_value (b);
      add_counts (b, c);
      add_issues (b, issues);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      slv_cli_print_json (root);
      return;
    }
  printf (batch_id ? _("Imported %s into %s (%s), batch %s\n") : _("Dry run of %s into %s (%s)%s\n"),
          file, target, format ? format : "", batch_id ? batch_id : "");
  printf (_("  rows %" PRIu64 ": %" PRIu64 " new, %" PRIu64 " changed, %"
            PRIu64 " unchanged, %" PRIu64 " rejected, %" PRIu64 " warnings\n"),
          c->rows, c->inserted, c->updated, c->unchanged, c->rejected, c->warnings);
  for (guint i = 0; preview != NULL && i < MIN (g_list_model_get_n_items (preview), 20); i++)
    {
      g_autoptr(SlvImportPreviewRow) row = g_list_model_get_item (preview, i);

      printf ("  %-9s row %-7" G_GUINT64_FORMAT " %s  %s\n",
              slv_import_action_to_string (slv_import_preview_row_get_action (row)),
              slv_import_preview_row_get_row (row), slv_import_preview_row_get_key (row),
              slv_import_preview_row_get_summary (row) ? slv_import_preview_row_get_summary (row) : "");
    }
  for (guint i = 0; i < g_list_model_get_n_items (issues); i++)
    {
      g_autoptr(SlvImportIssue) issue = g_list_model_get_item (issues, i);
      g_autofree char *line = slv_import_issue_to_string (issue);
      const char *value = slv_import_issue_get_value (issue);

      if (value != NULL && slv_import_issue_get_column (issue) != NULL)
        printf ("  %s (value ‘%s’)\n", line, value);
      else
        printf ("  %s\n", line);
    }
}

static int
exit_status (const SlvImportCounts *c)
{
  if (c->rows == 0 || c->rejected == c->rows)
    return SLV_CLI_ERROR;
  return c->rejected > 0 ? SLV_CLI_PARTIAL : SLV_CLI_OK;
}

/* -- commands -- */

static int
run_dry (SlvImport  *import,
         const char *file)
{
  g_autoptr(GError) error = NULL;
  SlvImportCounts counts;

  if (!slv_import_dry_run (import, NULL, &error))
    return slv_cli_fail_error (g_steal_pointer (&error));
  slv_import_get_counts (import, &counts);
  print_report (file, slv_import_get_target (import), NULL, slv_import_get_format (import), &counts,
                slv_import_get_issues (import), opt_json ? NULL : slv_import_get_preview (import));
  return exit_status (&counts);
}

static int
run_real (SlvStore   *store,
          SlvImport  *import,
          const char *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvJobQueue) queue = new_queue (store);
  g_autoptr(SlvJob) job = NULL;
  g_autoptr(SlvImportBatch) batch = NULL;
  g_autoptr(GListStore) issues = NULL;
  g_autofree char *batch_id = NULL;
  SlvImportCounts counts;
  int rc;

  job = slv_import_job_submit (queue, slv_import_get_path (import), slv_import_get_mapping (import), opt_brand,
                               opt_chunk_rows > 0 ? opt_chunk_rows : 0, &error);
  if (job == NULL)
    return slv_cli_fail_error (g_steal_pointer (&error));
  rc = wait_job (queue, job);
  if (rc != SLV_CLI_OK)
    return rc;
  slv_import_result_parse (slv_job_get_result (job), &batch_id, &counts);
  batch = slv_import_batch_load (store, batch_id, &error);
  issues = batch ? slv_import_batch_list_issues (batch, store, &error) : NULL;
  if (issues == NULL)
    return slv_cli_fail_error (g_steal_pointer (&error));
  print_report (file, slv_import_get_target (import), batch_id, slv_import_get_format (import), &counts,
                G_LIST_MODEL (issues), NULL);
  return exit_status (&counts);
}

static int
run_import (int    argc,
            char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvStore) store = NULL;
  g_autoptr(SlvImport) import = NULL;
  int rc;

  reset_options ();
  if (!slv_cli_parse ("import", "FILE PATH", import_entries, &argc, &argv))
    return SLV_CLI_ERROR;
  if (argc != 3)
    return slv_cli_fail (_("import: give the file to import and the workspace folder."));
  if (opt_target == NULL && opt_mapping == NULL)
    return slv_cli_fail (_("import: say what the file holds with --target (or use --mapping)."));
  store = slv_cli_open_store (argv[2], &error);
  if (store == NULL)
    return slv_cli_fail_error (g_steal_pointer (&error));
  if (!g_file_test (argv[1], G_FILE_TEST_IS_REGULAR))
    return slv_cli_fail (_("import: there is no file “%s”."), argv[1]);
  import = slv_import_new (store, argv[1]);
  if (!prepare_import (import, &error))
    return slv_cli_fail_error (g_steal_pointer (&error));
  if (opt_save_mapping != NULL &&
      !slv_import_mapping_save (slv_import_get_mapping (import), store, opt_save_mapping, &error))
    return slv_cli_fail_error (g_steal_pointer (&error));
  rc = opt_dry_run ? run_dry (import, argv[1]) : run_real (store, import, argv[1]);
  reset_options ();
  return rc;
}

static int
run_imports (int    argc,
             char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvStore) store = NULL;
  g_autoptr(GListStore) batches = NULL;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  guint n;

  reset_options ();
  if (!slv_cli_parse ("imports", "PATH", json_entries, &argc, &argv))
    return SLV_CLI_ERROR;
  if (argc != 2)
    return slv_cli_fail (_("imports: give the workspace folder."));
  store = slv_cli_open_store (argv[1], &error);
  if (store == NULL || (batches = slv_import_list_batches (store, &error)) == NULL)
    return slv_cli_fail_error (g_steal_pointer (&error));
  n = g_list_model_get_n_items (G_LIST_MODEL (batches));
  json_builder_begin_array (b);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SlvImportBatch) batch = g_list_model_get_item (G_LIST_MODEL (batches), i);

      if (!opt_json)
        {
          printf ("%s  %s  %-11s %-13s %-10s %6" G_GINT64_FORMAT " rows %6" G_GINT64_FORMAT " new %6"
                  G_GINT64_FORMAT " changed %5" G_GINT64_FORMAT " rejected  %s\n",
                  slv_import_batch_get_id (batch), slv_import_batch_get_created_at (batch),
                  slv_import_batch_get_state (batch), slv_import_batch_get_target (batch),
                  slv_import_batch_get_user (batch), slv_import_batch_get_rows (batch),
                  slv_import_batch_get_inserted (batch), slv_import_batch_get_updated (batch),
                  slv_import_batch_get_rejected (batch), slv_import_batch_get_file_name (batch));
          continue;
        }
      json_builder_begin_object (b);
#define STR(name, value) json_builder_set_member_name (b, name); json_builder_add_string_value (b, value)
#define INT(name, value) json_builder_set_member_name (b, name); json_builder_add_int_value (b, value)
      STR ("id", slv_import_batch_get_id (batch));
      STR ("created_at", slv_import_batch_get_created_at (batch));
      STR ("finished_at", slv_import_batch_get_finished_at (batch));
      STR ("user", slv_import_batch_get_user (batch));
      STR ("target", slv_import_batch_get_target (batch));
      STR ("file", slv_import_batch_get_file_name (batch));
      STR ("sha256", slv_import_batch_get_file_sha256 (batch));
      STR ("state", slv_import_batch_get_state (batch));
      STR ("message", slv_import_batch_get_message (batch));
      INT ("rows", slv_import_batch_get_rows (batch));
      INT ("inserted", slv_import_batch_get_inserted (batch));
      INT ("updated", slv_import_batch_get_updated (batch));
      INT ("unchanged", slv_import_batch_get_unchanged (batch));
      INT ("rejected", slv_import_batch_get_rejected (batch));
      INT ("warnings", slv_import_batch_get_warnings (batch));
#undef STR
#undef INT
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  if (opt_json)
    {
      g_autoptr(JsonNode) root = json_builder_get_root (b);

      slv_cli_print_json (root);
    }
  return SLV_CLI_OK;
}

static int
run_import_undo (int    argc,
                 char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvStore) store = NULL;
  g_autoptr(SlvJobQueue) queue = NULL;
  g_autoptr(SlvJob) job = NULL;
  int rc;

  reset_options ();
  if (!slv_cli_parse ("import-undo", "BATCH PATH", json_entries, &argc, &argv))
    return SLV_CLI_ERROR;
  if (argc != 3)
    return slv_cli_fail (_("import-undo: give the import’s id (see “imports”) and the workspace folder."));
  store = slv_cli_open_store (argv[2], &error);
  if (store == NULL)
    return slv_cli_fail_error (g_steal_pointer (&error));
  queue = new_queue (store);
  job = slv_import_undo_submit (queue, argv[1], &error);
  if (job == NULL)
    return slv_cli_fail_error (g_steal_pointer (&error));
  rc = wait_job (queue, job);
  if (rc == SLV_CLI_OK)
    printf ("%s\n", slv_job_get_message (job));
  return rc;
}

static int
run_jobs (int    argc,
          char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvStore) store = NULL;
  g_autoptr(SlvJobQueue) queue = NULL;
  g_autoptr(GPtrArray) records = NULL;

  reset_options ();
  if (!slv_cli_parse ("jobs", "PATH", json_entries, &argc, &argv))
    return SLV_CLI_ERROR;
  if (argc != 2)
    return slv_cli_fail (_("jobs: give the workspace folder."));
  store = slv_cli_open_store (argv[1], &error);
  if (store == NULL)
    return slv_cli_fail_error (g_steal_pointer (&error));
  queue = new_queue (store);
  slv_job_queue_recover (queue, &error);
  records = slv_job_store_list (store, NULL, &error);
  if (records == NULL)
    return slv_cli_fail_error (g_steal_pointer (&error));
  for (guint i = 0; i < records->len; i++)
    {
      SlvJobRecord *r = g_ptr_array_index (records, i);

      printf ("%s  %-12s %-12s %8" G_GINT64_FORMAT "  %s%s%s\n", r->id, r->kind, r->state, r->done, r->title,
              r->message ? " — " : "", r->message ? r->message : "");
    }
  return SLV_CLI_OK;
}

static int
run_job_action (int        argc,
                char     **argv,
                gboolean   resume)
{
  const char *name = resume ? "job-resume" : "job-rollback";
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvStore) store = NULL;
  g_autoptr(SlvJobQueue) queue = NULL;
  SlvJob *job;
  int rc;

  reset_options ();
  if (!slv_cli_parse (name, "JOB PATH", json_entries, &argc, &argv))
    return SLV_CLI_ERROR;
  if (argc != 3)
    return slv_cli_fail (_("%s: give the job’s id (see “jobs”) and the workspace folder."), name);
  store = slv_cli_open_store (argv[2], &error);
  if (store == NULL)
    return slv_cli_fail_error (g_steal_pointer (&error));
  queue = new_queue (store);
  if (!(resume ? slv_job_queue_resume : slv_job_queue_rollback) (queue, argv[1], &error))
    return slv_cli_fail_error (g_steal_pointer (&error));
  job = slv_job_queue_find (queue, argv[1]);
  rc = wait_job (queue, job);
  if (rc == SLV_CLI_OK)
    printf ("%s\n", slv_job_get_message (job) ? slv_job_get_message (job) : slv_job_state_to_string (slv_job_get_state (job)));
  return rc;
}

static int
run_job_resume (int    argc,
                char **argv)
{
  return run_job_action (argc, argv, TRUE);
}

static int
run_job_rollback (int    argc,
                  char **argv)
{
  return run_job_action (argc, argv, FALSE);
}

static int
run_mappings (int    argc,
              char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvStore) store = NULL;
  g_autoptr(GPtrArray) list = NULL;

  reset_options ();
  if (!slv_cli_parse ("mappings", "PATH", json_entries, &argc, &argv))
    return SLV_CLI_ERROR;
  if (argc != 2)
    return slv_cli_fail (_("mappings: give the workspace folder."));
  store = slv_cli_open_store (argv[1], &error);
  if (store == NULL || (list = slv_import_store_list_mappings (store, NULL, &error)) == NULL)
    return slv_cli_fail_error (g_steal_pointer (&error));
  for (guint i = 0; i < list->len; i++)
    {
      SlvMappingRecord *m = g_ptr_array_index (list, i);

      printf (opt_json ? "%s\t%s\t%s\n" : "%-24s %-14s %s\n", m->name, m->target, opt_json ? m->mapping : m->updated_at);
    }
  return SLV_CLI_OK;
}

static int
run_import_fields (int    argc,
                   char **argv)
{
  reset_options ();
  if (!slv_cli_parse ("import-fields", "[TARGET]", NULL, &argc, &argv))
    return SLV_CLI_ERROR;
  for (const SlvImportTarget * const *t = slv_import_target_list (); *t; t++)
    {
      if (argc > 1 && !g_str_equal (argv[1], (*t)->name))
        continue;
      printf ("%s — %s\n", (*t)->name, _((*t)->label));
      for (guint i = 0; i < (*t)->n_fields; i++)
        {
          const SlvImportField *f = &(*t)->fields[i];
          g_auto(GStrv) names = g_strsplit (f->synonyms, "|", 4);

          printf ("  %-16s %-34s %s%s%s  (%s%s)\n", f->name, _(f->label),
                  (f->flags & SLV_IMPORT_FIELD_KEY) ? "key " : "",
                  (f->flags & SLV_IMPORT_FIELD_REQUIRED) ? "required " : "",
                  f->fallback ? "has default " : "",
                  names[0], names[1] ? ", …" : "");
        }
    }
  return SLV_CLI_OK;
}

const SlvCliCommand slv_cli_import_commands[] = {
  { "import", "FILE --target T PATH", N_("Import a CSV or XLSX file (see --help)"), run_import },
  { "imports", "PATH", N_("List the imports of a workspace"), run_imports },
  { "import-undo", "BATCH PATH", N_("Undo an import"), run_import_undo },
  { "import-fields", "[TARGET]", N_("The fields each import target has"), run_import_fields },
  { "mappings", "PATH", N_("List saved import mappings"), run_mappings },
  { "jobs", "PATH", N_("List jobs; finds the ones a crash interrupted"), run_jobs },
  { "job-resume", "JOB PATH", N_("Resume an interrupted job"), run_job_resume },
  { "job-rollback", "JOB PATH", N_("Roll back an interrupted job"), run_job_rollback },
  { NULL }
};
