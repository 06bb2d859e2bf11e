/* slv-cli-price.c: price and export.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "slv-cli.h"
#include "formats/slv-costing-csv.h"
#include "formats/slv-costing-pdf.h"
#include "formats/slv-costing-xlsx.h"
#include "services/slv-pricing.h"
#include "store/slv-costing-repo.h"

static gboolean opt_all;
static gboolean opt_explain;
static gboolean opt_json;
static gboolean opt_cost_master;
static char *opt_scenario;
static char *opt_format;
static char *opt_output;

static GOptionEntry price_entries[] = {
  { "scenario", 's', 0, G_OPTION_ARG_STRING, &opt_scenario, N_("The scenario to price (default: Base)"), N_("NAME") },
  { "all", 'a', 0, G_OPTION_ARG_NONE, &opt_all, N_("Price every costing of the workspace"), NULL },
  { "explain", 'e', 0, G_OPTION_ARG_NONE, &opt_explain, N_("Show where every figure comes from"), NULL },
  { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Print JSON"), NULL },
  { NULL }
};

static GOptionEntry export_entries[] = {
  { "format", 'f', 0, G_OPTION_ARG_STRING, &opt_format, N_("xlsx, pdf or csv"), N_("FORMAT") },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_output, N_("The file to write"), N_("FILE") },
  { "scenario", 's', 0, G_OPTION_ARG_STRING, &opt_scenario, N_("The scenario to export (default: Base)"), N_("NAME") },
  { "cost-master", 0, 0, G_OPTION_ARG_NONE, &opt_cost_master, N_("Export the cost master (CSV) instead of a costing"), NULL },
  { NULL }
};

static void
reset_options (void)
{
  opt_all = opt_explain = opt_json = opt_cost_master = FALSE;
  g_clear_pointer (&opt_scenario, g_free);
  g_clear_pointer (&opt_format, g_free);
  g_clear_pointer (&opt_output, g_free);
}

static char *
total_text (SlvCostSheet *sheet,
            SlvTotal      total)
{
  int index = slv_cost_sheet_get_total_index (sheet, total);

  if (index < 0)
    return g_strdup ("—");
  return slv_decimal_format (slv_cost_sheet_get_figure (sheet, index)->value, 2, SLV_ROUND_HALF_UP);
}

static const char *
total_unit (SlvCostSheet *sheet,
            SlvTotal      total)
{
  int index = slv_cost_sheet_get_total_index (sheet, total);

  return index < 0 ? "" : slv_cost_sheet_get_figure (sheet, index)->unit;
}

static void
print_sheet (SlvCostSheet *sheet)
{
  SlvCostingInput *in = slv_cost_sheet_get_input (sheet);
  static const struct { SlvTotal total; const char *label; } rows[] = {
    { SLV_TOTAL_PRODUCTION, N_("Production") }, { SLV_TOTAL_FOB_ROUNDED, N_("FOB") },
    { SLV_TOTAL_LANDED, N_("Landed") }, { SLV_TOTAL_LANDED_PRICE_CCY, N_("Landed (price)") },
    { SLV_TOTAL_WHOLESALE, N_("Wholesale") }, { SLV_TOTAL_RETAIL, N_("Retail") },
    { SLV_TOTAL_MARGIN_PCT, N_("Margin") }, { SLV_TOTAL_MARKUP_PCT, N_("Markup") },
  };

  printf ("%s  %s — %s “%s” (%s), %" G_GINT64_FORMAT " %s, %s, %s\n", in->style_code,
          in->style_name ? in->style_name : "", _("scenario"), in->scenario, in->status, in->order_qty,
          _("pieces"), in->destination ? in->destination : "", in->date);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *value = total_text (sheet, rows[i].total);

      printf ("  %-16s %12s %s\n", _(rows[i].label), value, total_unit (sheet, rows[i].total));
    }
  if (slv_cost_sheet_get_price_problem (sheet) != NULL)
    printf ("  %s %s\n", _("Not priced:"), slv_cost_sheet_get_price_problem (sheet));
}

static void
print_explanation (SlvCostSheet *sheet)
{
  int index = slv_cost_sheet_get_total_index (sheet, SLV_TOTAL_RETAIL);
  g_autofree char *text = NULL;

  if (index < 0)
    index = slv_cost_sheet_get_total_index (sheet, SLV_TOTAL_FOB_ROUNDED);
  text = slv_cost_sheet_dup_explanation (sheet, index, -1);
  printf ("\n%s", text);
}

static int
price_one (SlvPricing *pricing,
           const char *code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvCostSheet) sheet = slv_pricing_price_style (pricing, code, opt_scenario, &error);

  if (sheet == NULL)
    return slv_cli_fail_error (g_steal_pointer (&error));
  if (opt_json)
    {
      g_autoptr(JsonNode) node = slv_cost_sheet_to_json (sheet, opt_explain);

      slv_cli_print_json (node);
    }
  else
    {
      print_sheet (sheet);
      if (opt_explain)
        print_explanation (sheet);
    }
  return slv_cost_sheet_get_price_problem (sheet) ? SLV_CLI_PARTIAL : SLV_CLI_OK;
}

typedef struct
{
  JsonBuilder *json;
  guint        partial;
} AllData;

static void
each_cb (SlvCostingInput *input,
         SlvCostSheet    *sheet,
         const GError    *error,
         gpointer         user_data)
{
  AllData *all = user_data;

  if (sheet != NULL && slv_cost_sheet_get_price_problem (sheet) != NULL)
    all->partial++;
  if (all->json != NULL)
    {
      g_autoptr(JsonNode) node = sheet ? slv_cost_sheet_to_json (sheet, opt_explain) : NULL;

      if (node != NULL)
        json_builder_add_value (all->json, g_steal_pointer (&node));
      else
        {
          json_builder_begin_object (all->json);
          json_builder_set_member_name (all->json, "style");
          json_builder_add_string_value (all->json, input->style_code);
          json_builder_set_member_name (all->json, "scenario");
          json_builder_add_string_value (all->json, input->scenario);
          json_builder_set_member_name (all->json, "error");
          json_builder_add_string_value (all->json, error->message);
          json_builder_end_object (all->json);
        }
      return;
    }
  if (sheet == NULL)
    {
      fprintf (stderr, "%s “%s”: %s\n", input->style_code, input->scenario, error->message);
      return;
    }
  {
    g_autofree char *fob = total_text (sheet, SLV_TOTAL_FOB_ROUNDED);
    g_autofree char *landed = total_text (sheet, SLV_TOTAL_LANDED);
    g_autofree char *retail = total_text (sheet, SLV_TOTAL_RETAIL);

    printf ("%-14s %-18s %9s %s %9s %s %9s %s\n", input->style_code, input->scenario,
            fob, total_unit (sheet, SLV_TOTAL_FOB_ROUNDED), landed, total_unit (sheet, SLV_TOTAL_LANDED),
            retail, total_unit (sheet, SLV_TOTAL_RETAIL));
  }
}

static int
price_all (SlvPricing *pricing)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) json = opt_json ? json_builder_new () : NULL;
  AllData all = { json, 0 };
  guint priced = 0, failed = 0;

  if (json != NULL)
    json_builder_begin_array (json);
  else
    printf ("%-14s %-18s %13s %13s %13s\n", _("Style"), _("Scenario"), _("FOB"), _("Landed"), _("Retail"));
  if (!slv_pricing_price_all (pricing, each_cb, &all, &priced, &failed, &error))
    return slv_cli_fail_error (g_steal_pointer (&error));
  if (json != NULL)
    {
      g_autoptr(JsonNode) root = NULL;

      json_builder_end_array (json);
      root = json_builder_get_root (json);
      slv_cli_print_json (root);
    }
  fprintf (stderr, _("Priced %u costings; %u could not be priced, %u only in part.\n"), priced, failed, all.partial);
  return failed || all.partial ? SLV_CLI_PARTIAL : SLV_CLI_OK;
}

static int
run_price (int    argc,
           char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvStore) store = NULL;
  g_autoptr(SlvPricing) pricing = NULL;

  reset_options ();
  if (!slv_cli_parse ("price", "STYLE-CODE PATH | --all PATH", price_entries, &argc, &argv))
    return SLV_CLI_ERROR;
  if ((opt_all && argc != 2) || (!opt_all && argc != 3))
    return slv_cli_fail (_("price: give a style code and the workspace path, or --all and the workspace path."));
  store = slv_cli_open_store (argv[argc - 1], &error);
  if (store == NULL)
    return slv_cli_fail_error (g_steal_pointer (&error));
  pricing = slv_pricing_new (store);
  return opt_all ? price_all (pricing) : price_one (pricing, argv[1]);
}

static int
export_cost_master (SlvStore   *store,
                    const char *output)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvPricing) pricing = slv_pricing_new (store);
  g_autoptr(SlvCostMaster) master = NULL;
  g_autofree char *brand = slv_costing_repo_dup_first_brand (store, &error);
  g_autofree char *today = slv_pricing_today ();

  if (brand == NULL)
    return slv_cli_fail_error (g_steal_pointer (&error));
  master = slv_pricing_dup_master (pricing, brand, &error);
  if (master == NULL || !slv_cost_master_csv_write (master, today, output, &error))
    return slv_cli_fail_error (g_steal_pointer (&error));
  fprintf (stderr, _("Wrote the cost master (%u rates) to %s.\n"), slv_cost_master_get_rates (master)->len, output);
  return SLV_CLI_OK;
}

static int
run_export (int    argc,
            char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvStore) store = NULL;
  g_autoptr(SlvPricing) pricing = NULL;
  g_autoptr(SlvCostSheet) sheet = NULL;
  gboolean ok;

  reset_options ();
  if (!slv_cli_parse ("export", "STYLE-CODE --format xlsx|pdf|csv -o FILE PATH", export_entries, &argc, &argv))
    return SLV_CLI_ERROR;
  if (opt_output == NULL)
    return slv_cli_fail (_("export: name the file to write with -o FILE."));
  if (opt_format == NULL || (!g_str_equal (opt_format, "xlsx") && !g_str_equal (opt_format, "pdf") &&
                             !g_str_equal (opt_format, "csv")))
    return slv_cli_fail (_("export: choose --format xlsx, pdf or csv."));
  if ((opt_cost_master && argc != 2) || (!opt_cost_master && argc != 3))
    return slv_cli_fail (_("export: give a style code and the workspace path (or --cost-master and the path)."));
  if (opt_cost_master && !g_str_equal (opt_format, "csv"))
    return slv_cli_fail (_("export: the cost master is exported as CSV (--format csv)."));
  store = slv_cli_open_store (argv[argc - 1], &error);
  if (store == NULL)
    return slv_cli_fail_error (g_steal_pointer (&error));
  if (opt_cost_master)
    return export_cost_master (store, opt_output);

  pricing = slv_pricing_new (store);
  sheet = slv_pricing_price_style (pricing, argv[1], opt_scenario, &error);
  if (sheet == NULL)
    return slv_cli_fail_error (g_steal_pointer (&error));
  if (g_str_equal (opt_format, "xlsx"))
    ok = slv_costing_xlsx_write (sheet, opt_output, &error);
  else if (g_str_equal (opt_format, "pdf"))
    ok = slv_costing_pdf_write (sheet, opt_output, &error);
  else
    ok = slv_cost_sheet_csv_write (sheet, opt_output, &error);
  if (!ok)
    return slv_cli_fail_error (g_steal_pointer (&error));
  fprintf (stderr, _("Wrote %s of %s to %s.\n"), opt_format, argv[1], opt_output);
  return slv_cost_sheet_get_price_problem (sheet) ? SLV_CLI_PARTIAL : SLV_CLI_OK;
}

const SlvCliCommand slv_cli_price_commands[] = {
  { "price", "STYLE-CODE|--all [--scenario NAME] [--explain] [--json] PATH",
    N_("Price a costing (FOB, landed cost, retail) or every costing"), run_price },
  { "export", "STYLE-CODE --format xlsx|pdf|csv -o FILE PATH",
    N_("Export a cost sheet (XLSX with formulas, PDF, CSV) or, with --cost-master, the cost master"), run_export },
  { NULL }
};
