/* slv-styles-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-styles-page"

#include "config.h"

#include <glib/gi18n.h>

#include "slv-styles-page.h"
#include "core/slv-style.h"

struct _SlvStylesPage
{
  SlvListPage parent_instance;
};

G_DEFINE_FINAL_TYPE (SlvStylesPage, slv_styles_page, SLV_TYPE_LIST_PAGE)

static const SlvListColumn columns[] = {
  { N_("Code"), "code", SLV_COLUMN_TEXT, FALSE, NULL, 120 },
  { N_("Name"), "name", SLV_COLUMN_TEXT, TRUE, NULL },
  { N_("Category"), "category", SLV_COLUMN_TEXT, FALSE, NULL, 90 },
  { N_("Collection"), "collection-name", SLV_COLUMN_TEXT, FALSE, NULL, 120 },
  { N_("Season"), "season-name", SLV_COLUMN_TEXT, FALSE, NULL, 160 },
  { N_("Status"), "status", SLV_COLUMN_TEXT, FALSE, NULL, 90 },
  { N_("Sizes"), "size-range", SLV_COLUMN_TEXT, FALSE, NULL, 80 },
  { N_("Target FOB"), "target-fob", SLV_COLUMN_MONEY, FALSE, "currency", 110 },
  { N_("Target retail"), "target-retail", SLV_COLUMN_NUMBER, FALSE, NULL, 110 },
};

static char *
format_count (guint n)
{
  return g_strdup_printf (ngettext ("%u style", "%u styles", n), n);
}

/* A style opens on its own page with its costings. */
static void
activate_item (SlvListPage *page,
               GObject     *item)
{
  gtk_widget_activate_action (GTK_WIDGET (page), "win.open-style", "s", slv_style_get_code (SLV_STYLE (item)));
}

static void
slv_styles_page_class_init (SlvStylesPageClass *klass)
{
  SlvListPageClass *page_class = SLV_LIST_PAGE_CLASS (klass);

  page_class->item_type = SLV_TYPE_STYLE;
  page_class->columns = columns;
  page_class->n_columns = G_N_ELEMENTS (columns);
  page_class->icon_name = "slv-style-symbolic";
  page_class->empty_title = N_("No Styles Yet");
  page_class->empty_description = N_("Styles you create or import appear here, with their costings.");
  page_class->no_match_title = N_("No Styles Match");
  page_class->search_placeholder = N_("Search styles by code, name, category or collection");
  page_class->format_count = format_count;
  page_class->activate_item = activate_item;
}

/* A CLO 3D export (file, folder or ZIP) dropped on a style's row opens
 * the import dialog for that style. */
static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         SlvStylesPage *self)
{
  g_autoptr(GObject) item = slv_list_page_get_item_at (SLV_LIST_PAGE (self), x, y);
  GSList *files = g_value_get_boxed (value);
  g_autofree char *path = files ? g_file_get_path (files->data) : NULL;

  if (path == NULL)
    return FALSE;
  gtk_widget_activate_action (GTK_WIDGET (self), "win.import-clo-file", "(ss)",
                              SLV_IS_STYLE (item) ? slv_style_get_code (SLV_STYLE (item)) : "", path);
  return TRUE;
}

static void
slv_styles_page_init (SlvStylesPage *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}
