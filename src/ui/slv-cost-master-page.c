/* slv-cost-master-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-cost-master-page"

#include "config.h"

#include <glib/gi18n.h>

#include "slv-cost-master-page.h"
#include "core/slv-cost-rate.h"

struct _SlvCostMasterPage
{
  SlvListPage parent_instance;
};

G_DEFINE_FINAL_TYPE (SlvCostMasterPage, slv_cost_master_page, SLV_TYPE_LIST_PAGE)

static const SlvListColumn columns[] = {
  { N_("Process"), "process", SLV_COLUMN_TEXT, FALSE, NULL, 100 },
  { N_("Key"), "key", SLV_COLUMN_TEXT, FALSE, NULL, 170 },
  { N_("Description"), "description", SLV_COLUMN_TEXT, TRUE, NULL },
  { N_("Supplier"), "supplier-name", SLV_COLUMN_TEXT, TRUE, NULL },
  { N_("Unit"), "unit", SLV_COLUMN_TEXT, FALSE, NULL, 110 },
  { N_("Rate"), "rate", SLV_COLUMN_MONEY, FALSE, "currency", 100 },
  { N_("From qty"), "tier-min-qty", SLV_COLUMN_NUMBER, FALSE, NULL, 80 },
  { N_("Minimum"), "min-charge", SLV_COLUMN_NUMBER, FALSE, NULL, 90 },
  { N_("Valid to"), "valid-to", SLV_COLUMN_VALID_TO, FALSE, NULL, 140 },
};

static char *
format_count (guint n)
{
  return g_strdup_printf (ngettext ("%u rate", "%u rates", n), n);
}

static void
slv_cost_master_page_class_init (SlvCostMasterPageClass *klass)
{
  SlvListPageClass *page_class = SLV_LIST_PAGE_CLASS (klass);

  page_class->item_type = SLV_TYPE_COST_RATE;
  page_class->columns = columns;
  page_class->n_columns = G_N_ELEMENTS (columns);
  page_class->icon_name = "accessories-calculator-symbolic";
  page_class->empty_title = N_("The Cost Master Is Empty");
  page_class->empty_description = N_("Knitting, dyeing, printing, making and other rates from your suppliers appear here once imported.");
  page_class->no_match_title = N_("No Rates Match");
  page_class->search_placeholder = N_("Search rates by process, key, description or supplier");
  page_class->format_count = format_count;
}

static void
slv_cost_master_page_init (SlvCostMasterPage *self)
{
}
