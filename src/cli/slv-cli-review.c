/* slv-cli-review.c: review-report.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "slv-cli.h"
#include "services/slv-review-export.h"

static char *opt_output;
static char *opt_format;

static GOptionEntry report_entries[] = {
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_output, N_("Write the report to FILE (.pdf or .csv)"), N_("FILE") },
  { "format", 0, 0, G_OPTION_ARG_STRING, &opt_format, N_("pdf or csv, when the file name does not say"), N_("FORMAT") },
  { NULL }
};

static gboolean
pick_format (SlvReviewReportFormat *format)
{
  if (opt_format == NULL)
    return slv_review_report_format_from_path (opt_output, format);
  if (g_ascii_strcasecmp (opt_format, "pdf") == 0)
    *format = SLV_REVIEW_REPORT_PDF;
  else if (g_ascii_strcasecmp (opt_format, "csv") == 0)
    *format = SLV_REVIEW_REPORT_CSV;
  else
    return FALSE;
  return TRUE;
}

static int
run_review_report (int    argc,
                   char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvStore) store = NULL;
  g_autofree char *board_id = NULL;
  SlvReviewReportFormat format;

  g_clear_pointer (&opt_output, g_free);
  g_clear_pointer (&opt_format, g_free);
  if (!slv_cli_parse ("review-report", "BOARD-NAME -o FILE.pdf|FILE.csv PATH", report_entries, &argc, &argv))
    return SLV_CLI_ERROR;
  if (argc != 3)
    return slv_cli_fail (_("review-report: give the board’s name and the workspace path."));
  if (opt_output == NULL)
    return slv_cli_fail (_("review-report: say where to write the report with -o FILE.pdf or -o FILE.csv."));
  if (!pick_format (&format))
    return slv_cli_fail (_("review-report: “%s” is not a PDF or CSV file name; end it in .pdf or .csv, "
                           "or add --format pdf|csv."), opt_format ? opt_format : opt_output);

  store = slv_cli_open_store (argv[2], &error);
  if (store == NULL || (board_id = slv_review_export_find_board (store, argv[1], &error)) == NULL ||
      !slv_review_export (store, board_id, opt_output, format, NULL, NULL, NULL, &error))
    return slv_cli_fail_error (g_steal_pointer (&error));
  fprintf (stderr, _("Wrote the review report of “%s” to %s.\n"), argv[1], opt_output);
  return SLV_CLI_OK;
}

const SlvCliCommand slv_cli_review_commands[] = {
  { "review-report", "BOARD-NAME -o FILE.pdf|FILE.csv PATH",
    N_("Export a board’s annotations and comments as a PDF report or CSV"), run_review_report },
  { NULL }
};
