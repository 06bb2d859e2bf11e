/* slv-scenario-compare.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-scenario-compare"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "slv-cost-chart.h"
#include "slv-scenario-compare.h"
#include "services/slv-bom-line-item.h"
#include "services/slv-process-line-item.h"

#define MAX_COLUMNS 4

typedef enum { ROW_TEXT, ROW_TOTAL, ROW_GROUP } RowKind;

typedef struct
{
  const char *key;
  const char *title;
  RowKind     kind;
  int         which;    /* SlvTotal or SlvCostGroup */
  int         better;   /* -1: lower is better, +1: higher is, 0: neither */
} Row;

static const Row rows[] = {
  { "qty", N_("Order quantity"), ROW_TEXT, 0, 0 },
  { "fx-set", N_("Exchange rates"), ROW_TEXT, 0, 0 },
  { "destination", N_("Destination"), ROW_TEXT, 0, 0 },
  { "main-fabric", N_("Main fabric"), ROW_TEXT, 0, 0 },
  { "factory", N_("Factory"), ROW_TEXT, 0, 0 },
  { "materials", N_("Materials"), ROW_TOTAL, SLV_TOTAL_MATERIALS, -1 },
  { "processes", N_("Processes"), ROW_TOTAL, SLV_TOTAL_PROCESSES, -1 },
  { "production", N_("Production cost"), ROW_TOTAL, SLV_TOTAL_PRODUCTION, -1 },
  { "fob", N_("FOB"), ROW_TOTAL, SLV_TOTAL_FOB_ROUNDED, -1 },
  { "landed", N_("Landed cost"), ROW_TOTAL, SLV_TOTAL_LANDED, -1 },
  { "landed_price", N_("Landed, price currency"), ROW_TOTAL, SLV_TOTAL_LANDED_PRICE_CCY, -1 },
  { "wholesale", N_("Wholesale"), ROW_TOTAL, SLV_TOTAL_WHOLESALE, 0 },
  { "retail", N_("Retail"), ROW_TOTAL, SLV_TOTAL_RETAIL, 0 },
  { "margin", N_("Margin"), ROW_TOTAL, SLV_TOTAL_MARGIN_PCT, 1 },
  { "markup", N_("Markup"), ROW_TOTAL, SLV_TOTAL_MARKUP_PCT, 1 },
  { "fabric", NULL, ROW_GROUP, SLV_COST_GROUP_FABRIC, -1 },
  { "trims", NULL, ROW_GROUP, SLV_COST_GROUP_TRIMS, -1 },
  { "processing", NULL, ROW_GROUP, SLV_COST_GROUP_PROCESSING, -1 },
  { "decoration", NULL, ROW_GROUP, SLV_COST_GROUP_DECORATION, -1 },
  { "making", NULL, ROW_GROUP, SLV_COST_GROUP_MAKING, -1 },
  { "other", NULL, ROW_GROUP, SLV_COST_GROUP_OTHER, -1 },
  { "overhead", NULL, ROW_GROUP, SLV_COST_GROUP_OVERHEAD, -1 },
  { "commercial", NULL, ROW_GROUP, SLV_COST_GROUP_COMMERCIAL, -1 },
  { "profit", NULL, ROW_GROUP, SLV_COST_GROUP_PROFIT, -1 },
};
#define N_ROWS G_N_ELEMENTS (rows)

struct _SlvScenarioCompare
{
  GtkWidget  parent_instance;
  GtkWidget *scrolled;
  GtkGrid   *grid;
  guint      n_columns;
  char      *texts[N_ROWS][MAX_COLUMNS];
  gboolean   different[N_ROWS][MAX_COLUMNS];
};

G_DEFINE_FINAL_TYPE (SlvScenarioCompare, slv_scenario_compare, GTK_TYPE_WIDGET)

static int
find_row (const char *key)
{
  for (guint r = 0; r < N_ROWS; r++)
    if (g_strcmp0 (rows[r].key, key) == 0)
      return (int) r;
  return -1;
}

static char *
text_value (SlvCostingSession *session,
            const char        *key)
{
  if (g_str_equal (key, "qty"))
    {
      gint64 qty = 0;

      g_object_get (session, "order-qty", &qty, NULL);
      return g_strdup_printf ("%" G_GINT64_FORMAT, qty);
    }
  if (g_str_equal (key, "main-fabric"))
    {
      g_autoptr(SlvBomLineItem) line = g_list_model_get_item (slv_costing_session_get_bom_lines (session), 0);

      return line ? g_strdup_printf ("%s %s", slv_bom_line_item_get_text (line, "material-code"),
                                     slv_bom_line_item_get_text (line, "material-name"))
                  : g_strdup ("—");
    }
  if (g_str_equal (key, "factory"))
    {
      GListModel *lines = slv_costing_session_get_process_lines (session);

      for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
        {
          g_autoptr(SlvProcessLineItem) line = g_list_model_get_item (lines, i);

          if (g_strcmp0 (slv_process_line_item_get_text (line, "process"), "making") == 0)
            return g_strdup (slv_process_line_item_get_text (line, "supplier"));
        }
      return g_strdup ("—");
    }
  return g_strdup (slv_costing_session_get_text (session, key));
}

static gboolean
figure_value (SlvCostingSession *session,
              const Row         *row,
              SlvDecimal        *out)
{
  SlvCostSheet *sheet = slv_costing_session_get_sheet (session);
  SlvDecimal groups[SLV_COST_N_GROUPS];

  if (sheet == NULL)
    return FALSE;
  if (row->kind == ROW_TOTAL)
    return slv_cost_sheet_get_total (sheet, row->which, out);
  slv_cost_sheet_get_groups (sheet, groups);
  *out = groups[row->which];
  return TRUE;
}

static const char *
figure_unit (SlvCostingSession *session,
             const Row         *row)
{
  SlvCostSheet *sheet = slv_costing_session_get_sheet (session);

  if (row->which == SLV_TOTAL_MARGIN_PCT || row->which == SLV_TOTAL_MARKUP_PCT)
    return row->kind == ROW_TOTAL ? "%" : slv_cost_sheet_get_currency (sheet);
  if (row->kind == ROW_TOTAL && (row->which == SLV_TOTAL_LANDED_PRICE_CCY || row->which == SLV_TOTAL_WHOLESALE ||
                                 row->which == SLV_TOTAL_RETAIL))
    return slv_cost_sheet_get_price_currency (sheet);
  return slv_cost_sheet_get_currency (sheet);
}

/* Fills texts and differences of row @r from the sessions. */
static void
fill_row (SlvScenarioCompare *self,
          guint               r,
          GPtrArray          *sessions)
{
  const Row *row = &rows[r];
  SlvDecimal base = { 0 };
  const char *base_unit = NULL;
  gboolean has_base = FALSE;

  for (guint c = 0; c < self->n_columns; c++)
    {
      SlvCostingSession *session = g_ptr_array_index (sessions, c);
      SlvDecimal v, delta;

      if (row->kind == ROW_TEXT)
        {
          self->texts[r][c] = text_value (session, row->key);
          self->different[r][c] = c > 0 && g_strcmp0 (self->texts[r][c], self->texts[r][0]) != 0;
          continue;
        }
      if (!figure_value (session, row, &v))
        {
          self->texts[r][c] = g_strdup ("—");
          continue;
        }
      {
        g_autofree char *value = slv_decimal_format (v, 2, SLV_ROUND_HALF_UP);
        const char *unit = figure_unit (session, row);

        if (c == 0)
          {
            base = v;
            base_unit = unit;
            has_base = TRUE;
          }
        if (c > 0 && has_base && g_strcmp0 (unit, base_unit) != 0)
          {
            /* other currencies: different, but no difference to show */
            self->different[r][c] = TRUE;
            self->texts[r][c] = g_strdup_printf ("%s %s", value, unit);
          }
        else if (c > 0 && has_base && slv_decimal_sub (v, base, &delta) &&
                 slv_decimal_round (delta, 2, SLV_ROUND_HALF_UP, &delta) && !slv_decimal_is_zero (delta))
          {
            g_autofree char *d = slv_decimal_format (delta, 2, SLV_ROUND_HALF_UP);

            self->different[r][c] = TRUE;
            self->texts[r][c] = g_strdup_printf ("%s %s  (%s%s)", value, unit,
                                                 slv_decimal_sign (delta) > 0 ? "+" : "", d);
          }
        else
          self->texts[r][c] = g_strdup_printf ("%s %s", value, unit);
      }
    }
}

static GtkWidget *
cell_label (const char *text,
            gboolean    title)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), title ? 0.0f : 1.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "compare-cell");
  if (!title)
    gtk_widget_add_css_class (label, "figure");
  return label;
}

static void
style_difference (GtkWidget *label,
                  const Row *row,
                  const char *text,
                  const char *base)
{
  gboolean up;

  gtk_widget_add_css_class (label, "diff");
  if (row->kind == ROW_TEXT || row->better == 0 || strchr (text, '(') == NULL)
    return;
  /* "(+" marks a higher figure than the base */
  up = strstr (text, "(+") != NULL;
  gtk_widget_add_css_class (label, (up ? row->better > 0 : row->better < 0) ? "diff-better" : "diff-worse");
}

static void
clear (SlvScenarioCompare *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
  for (guint r = 0; r < N_ROWS; r++)
    for (guint c = 0; c < MAX_COLUMNS; c++)
      {
        g_clear_pointer (&self->texts[r][c], g_free);
        self->different[r][c] = FALSE;
      }
  self->n_columns = 0;
}

static void
build_headers (SlvScenarioCompare *self,
               GPtrArray          *sessions)
{
  for (guint c = 0; c < self->n_columns; c++)
    {
      SlvCostingSession *session = g_ptr_array_index (sessions, c);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *name = gtk_label_new (slv_costing_session_get_text (session, "scenario"));
      GtkWidget *status = gtk_label_new (c == 0 ? _("base") : slv_costing_session_get_text (session, "status"));

      gtk_label_set_xalign (GTK_LABEL (name), 1);
      gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (name, "heading");
      gtk_label_set_xalign (GTK_LABEL (status), 1);
      gtk_widget_add_css_class (status, "dim-label");
      gtk_widget_add_css_class (status, "caption");
      gtk_box_append (GTK_BOX (box), name);
      gtk_box_append (GTK_BOX (box), status);
      gtk_widget_set_hexpand (box, TRUE);
      gtk_grid_attach (self->grid, box, (int) c + 1, 0, 1, 1);
    }
}

static void
rebuild (SlvScenarioCompare *self,
         GPtrArray          *sessions)
{
  clear (self);
  self->n_columns = sessions ? MIN (sessions->len, MAX_COLUMNS) : 0;
  if (self->n_columns == 0)
    return;
  build_headers (self, sessions);
  for (guint r = 0; r < N_ROWS; r++)
    {
      const char *title = rows[r].title ? _(rows[r].title) : slv_cost_group_title (rows[r].which);
      GtkWidget *label = cell_label (title, TRUE);

      fill_row (self, r, sessions);
      gtk_widget_add_css_class (label, rows[r].kind == ROW_GROUP ? "dim-label" : "compare-title");
      if (g_str_equal (rows[r].key, "fob") || g_str_equal (rows[r].key, "retail"))
        gtk_widget_add_css_class (label, "total-strong");
      gtk_grid_attach (self->grid, label, 0, (int) r + 1, 1, 1);
      for (guint c = 0; c < self->n_columns; c++)
        {
          GtkWidget *cell = cell_label (self->texts[r][c], FALSE);

          if (self->different[r][c])
            style_difference (cell, &rows[r], self->texts[r][c], self->texts[r][0]);
          gtk_grid_attach (self->grid, cell, (int) c + 1, (int) r + 1, 1, 1);
        }
    }
}

static void
slv_scenario_compare_dispose (GObject *object)
{
  SlvScenarioCompare *self = SLV_SCENARIO_COMPARE (object);

  clear (self);
  g_clear_pointer (&self->scrolled, gtk_widget_unparent);
  G_OBJECT_CLASS (slv_scenario_compare_parent_class)->dispose (object);
}

static void
slv_scenario_compare_class_init (SlvScenarioCompareClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = slv_scenario_compare_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "scenariocompare");
}

static void
slv_scenario_compare_init (SlvScenarioCompare *self)
{
  self->scrolled = gtk_scrolled_window_new ();
  self->grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_column_spacing (self->grid, 18);
  gtk_grid_set_row_spacing (self->grid, 2);
  gtk_widget_set_margin_start (GTK_WIDGET (self->grid), 18);
  gtk_widget_set_margin_end (GTK_WIDGET (self->grid), 18);
  gtk_widget_set_margin_top (GTK_WIDGET (self->grid), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->grid), 12);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), GTK_WIDGET (self->grid));
  gtk_widget_set_parent (self->scrolled, GTK_WIDGET (self));
}

GtkWidget *
slv_scenario_compare_new (void)
{
  return g_object_new (SLV_TYPE_SCENARIO_COMPARE, NULL);
}

void
slv_scenario_compare_set_sessions (SlvScenarioCompare *self,
                                   GPtrArray          *sessions)
{
  g_return_if_fail (SLV_IS_SCENARIO_COMPARE (self));
  rebuild (self, sessions);
}

guint
slv_scenario_compare_get_n_columns (SlvScenarioCompare *self)
{
  g_return_val_if_fail (SLV_IS_SCENARIO_COMPARE (self), 0);
  return self->n_columns;
}

const char *
slv_scenario_compare_get_text (SlvScenarioCompare *self,
                               const char         *key,
                               guint               column)
{
  int r = find_row (key);

  g_return_val_if_fail (SLV_IS_SCENARIO_COMPARE (self), NULL);
  return r >= 0 && column < self->n_columns ? self->texts[r][column] : NULL;
}

gboolean
slv_scenario_compare_is_different (SlvScenarioCompare *self,
                                   const char         *key,
                                   guint               column)
{
  int r = find_row (key);

  g_return_val_if_fail (SLV_IS_SCENARIO_COMPARE (self), FALSE);
  return r >= 0 && column < self->n_columns && self->different[r][column];
}
