/* slv-materials-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-materials-page"

#include "config.h"

#include <glib/gi18n.h>

#include "slv-materials-page.h"
#include "core/slv-material.h"

struct _SlvMaterialsPage
{
  SlvListPage parent_instance;
};

G_DEFINE_FINAL_TYPE (SlvMaterialsPage, slv_materials_page, SLV_TYPE_LIST_PAGE)

static const SlvListColumn columns[] = {
  { N_("Code"), "code", SLV_COLUMN_TEXT, FALSE, NULL, 110 },
  { N_("Name"), "name", SLV_COLUMN_TEXT, TRUE, NULL },
  { N_("Kind"), "kind", SLV_COLUMN_TEXT, FALSE, NULL, 70 },
  { N_("Composition"), "composition", SLV_COLUMN_TEXT, TRUE, NULL },
  { N_("GSM"), "gsm", SLV_COLUMN_NUMBER, FALSE, NULL, 60 },
  { N_("Width (cm)"), "width-cm", SLV_COLUMN_NUMBER, FALSE, NULL, 90 },
  { N_("Unit"), "unit", SLV_COLUMN_TEXT, FALSE, NULL, 55 },
  { N_("Price"), "price", SLV_COLUMN_MONEY, FALSE, "currency", 110 },
  { N_("Supplier"), "supplier-name", SLV_COLUMN_TEXT, TRUE, NULL },
};

static char *
format_count (guint n)
{
  return g_strdup_printf (ngettext ("%u material", "%u materials", n), n);
}

static void
slv_materials_page_class_init (SlvMaterialsPageClass *klass)
{
  SlvListPageClass *page_class = SLV_LIST_PAGE_CLASS (klass);

  page_class->item_type = SLV_TYPE_MATERIAL;
  page_class->columns = columns;
  page_class->n_columns = G_N_ELEMENTS (columns);
  page_class->icon_name = "slv-material-symbolic";
  page_class->empty_title = N_("No Materials Yet");
  page_class->empty_description = N_("Import a SAP material master or a spreadsheet to fill the material library.");
  page_class->no_match_title = N_("No Materials Match");
  page_class->search_placeholder = N_("Search materials by code, name, composition or supplier");
  page_class->format_count = format_count;
}

static void
slv_materials_page_init (SlvMaterialsPage *self)
{
}
