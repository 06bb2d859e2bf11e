/* slv-costing-pdf.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-costing-pdf"

#include "config.h"

#include <inttypes.h>

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "slv-atomic-file.h"
#include "slv-costing-pdf.h"

#define PAGE_W  595.0
#define PAGE_H  842.0
#define MARGIN  42.0
#define LINE    13.0

typedef struct
{
  cairo_t      *cr;
  SlvCostSheet *sheet;
  double        y;
  guint         page;
} Pdf;

static const double group_colours[SLV_COST_N_GROUPS][3] = {
  { 0.6, 0.6, 0.6 }, { 0.12, 0.23, 0.37 }, { 0.72, 0.26, 0.23 }, { 0.54, 0.60, 0.55 },
  { 0.79, 0.44, 0.29 }, { 0.36, 0.40, 0.44 }, { 0.85, 0.80, 0.70 }, { 0.50, 0.42, 0.63 },
  { 0.95, 0.75, 0.30 }, { 0.30, 0.55, 0.35 },
};

static void
font (Pdf      *p,
      double    size,
      gboolean  bold)
{
  cairo_select_font_face (p->cr, "Sans", CAIRO_FONT_SLANT_NORMAL,
                          bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (p->cr, size);
}

static void
footer (Pdf *p)
{
  g_autofree char *text = g_strdup_printf (_("Selvedge cost sheet — page %u"), p->page);

  font (p, 7, FALSE);
  cairo_set_source_rgb (p->cr, 0.4, 0.4, 0.4);
  cairo_move_to (p->cr, MARGIN, PAGE_H - MARGIN / 2);
  cairo_show_text (p->cr, text);
  cairo_set_source_rgb (p->cr, 0, 0, 0);
}

static void
need (Pdf    *p,
      double  height)
{
  if (p->y + height <= PAGE_H - MARGIN)
    return;
  footer (p);
  cairo_show_page (p->cr);
  p->page++;
  p->y = MARGIN;
}

/* Text cut to @width points, ending in "…" when cut. */
static void
show_clipped (Pdf        *p,
              double      x,
              double      width,
              const char *text)
{
  g_autofree char *copy = g_strdup (text ? text : "");
  cairo_text_extents_t ext;
  glong len = g_utf8_strlen (copy, -1);

  cairo_text_extents (p->cr, copy, &ext);
  while (ext.x_advance > width && len > 1)
    {
      g_autofree char *cut = g_utf8_substring (copy, 0, --len);

      g_free (copy);
      copy = g_strconcat (cut, "…", NULL);
      cairo_text_extents (p->cr, copy, &ext);
    }
  cairo_move_to (p->cr, x, p->y);
  cairo_show_text (p->cr, copy);
}

static void
show_right (Pdf        *p,
            double      right,
            const char *text)
{
  cairo_text_extents_t ext;

  cairo_text_extents (p->cr, text, &ext);
  cairo_move_to (p->cr, right - ext.x_advance, p->y);
  cairo_show_text (p->cr, text);
}

static void
heading (Pdf        *p,
         const char *text)
{
  need (p, LINE * 3);
  p->y += LINE * 0.8;
  font (p, 10, TRUE);
  cairo_move_to (p->cr, MARGIN, p->y);
  cairo_show_text (p->cr, text);
  p->y += 4;
  cairo_set_line_width (p->cr, 0.5);
  cairo_move_to (p->cr, MARGIN, p->y);
  cairo_line_to (p->cr, PAGE_W - MARGIN, p->y);
  cairo_stroke (p->cr);
  p->y += LINE;
  font (p, 8, FALSE);
}

/* A row: label, detail, value and unit. */
static void
row (Pdf        *p,
     const char *label,
     const char *detail,
     const char *value,
     const char *unit,
     gboolean    bold)
{
  need (p, LINE);
  font (p, 8, bold);
  show_clipped (p, MARGIN, 190, label);
  font (p, 8, FALSE);
  show_clipped (p, MARGIN + 195, 200, detail);
  font (p, 8, bold);
  show_right (p, PAGE_W - MARGIN - 30, value ? value : "—");
  font (p, 8, FALSE);
  show_clipped (p, PAGE_W - MARGIN - 26, 26, unit);
  p->y += LINE;
}

static void
figure_row (Pdf        *p,
            int         index,
            const char *detail,
            gboolean    bold)
{
  g_autofree char *label = NULL;
  g_autofree char *value = NULL;

  if (index < 0)
    return;
  label = slv_cost_sheet_dup_label (p->sheet, index);
  value = slv_cost_sheet_dup_value_text (p->sheet, index);
  row (p, label, detail, value, slv_cost_sheet_get_figure (p->sheet, index)->unit, bold);
}

static void
header (Pdf *p)
{
  SlvCostingInput *in = slv_cost_sheet_get_input (p->sheet);
  g_autofree char *title = g_strdup_printf ("%s  %s", in->style_code ? in->style_code : "",
                                            in->style_name ? in->style_name : "");
  g_autofree char *sub = g_strdup_printf (_("Scenario “%s” · %s · %" PRId64 " pieces · priced on %s"),
                                          in->scenario, in->status, in->order_qty, in->date);
  g_autofree char *sub2 = g_strdup_printf (_("Destination %s · channel %s · exchange rates “%s” · HS %s · "
                                             "costing currency %s"),
                                           in->destination ? in->destination : "—", in->channel ? in->channel : "—",
                                           in->fx_set ? in->fx_set : "—", in->hs_code ? in->hs_code : "—",
                                           in->currency);

  p->y = MARGIN + 10;
  font (p, 16, TRUE);
  cairo_move_to (p->cr, MARGIN, p->y);
  cairo_show_text (p->cr, title);
  p->y += LINE * 1.4;
  font (p, 8.5, FALSE);
  cairo_move_to (p->cr, MARGIN, p->y);
  cairo_show_text (p->cr, sub);
  p->y += LINE;
  cairo_move_to (p->cr, MARGIN, p->y);
  cairo_show_text (p->cr, sub2);
  p->y += LINE;
}

static void
lines (Pdf *p)
{
  SlvCostingInput *in = slv_cost_sheet_get_input (p->sheet);

  heading (p, _("Materials"));
  for (guint i = 0; i < in->bom->len; i++)
    {
      int gross = slv_cost_sheet_find_role (p->sheet, i, FALSE, SLV_ROLE_GROSS);
      int price = slv_cost_sheet_find_role (p->sheet, i, FALSE, SLV_ROLE_PRICE);
      g_autofree char *g = gross >= 0 ? slv_cost_sheet_dup_value_text (p->sheet, gross) : NULL;
      g_autofree char *pr = price >= 0 ? slv_cost_sheet_dup_value_text (p->sheet, price) : NULL;
      g_autofree char *detail = g_strdup_printf ("%s %s × %s %s", g ? g : "—",
                                                 gross >= 0 ? slv_cost_sheet_get_figure (p->sheet, gross)->unit : "",
                                                 pr ? pr : "—",
                                                 price >= 0 ? slv_cost_sheet_get_figure (p->sheet, price)->unit : "");

      figure_row (p, slv_cost_sheet_get_line_cost (p->sheet, FALSE, i), detail, FALSE);
    }
  heading (p, _("Processes"));
  for (guint i = 0; i < in->processes->len; i++)
    {
      int cost = slv_cost_sheet_get_line_cost (p->sheet, TRUE, i);
      int base = slv_cost_sheet_find_role (p->sheet, i, TRUE, SLV_ROLE_BASE);
      g_autofree char *formula = NULL;

      if (base < 0)
        base = slv_cost_sheet_find_role (p->sheet, i, TRUE, SLV_ROLE_LABOUR);
      formula = base >= 0 ? slv_cost_sheet_dup_formula (p->sheet, base) : NULL;
      figure_row (p, cost, formula, FALSE);
    }
}

static void
totals (Pdf *p)
{
  static const SlvTotal order[] = {
    SLV_TOTAL_MATERIALS, SLV_TOTAL_PROCESSES, SLV_TOTAL_OVERHEAD, SLV_TOTAL_PRODUCTION, SLV_TOTAL_COMMERCIAL,
    SLV_TOTAL_PROFIT, SLV_TOTAL_FOB, SLV_TOTAL_FOB_ROUNDED, SLV_TOTAL_FREIGHT, SLV_TOTAL_INSURANCE,
    SLV_TOTAL_CIF, SLV_TOTAL_DUTY, SLV_TOTAL_CLEARANCE, SLV_TOTAL_LANDED, SLV_TOTAL_IMPORT_VAT,
    SLV_TOTAL_LANDED_PRICE_CCY, SLV_TOTAL_WHOLESALE, SLV_TOTAL_RETAIL, SLV_TOTAL_RETAIL_NET,
    SLV_TOTAL_MARGIN_PCT, SLV_TOTAL_MARKUP_PCT,
  };

  heading (p, _("From production cost to the price"));
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      int index = slv_cost_sheet_get_total_index (p->sheet, order[i]);
      g_autofree char *formula = NULL;
      gboolean key = order[i] == SLV_TOTAL_FOB_ROUNDED || order[i] == SLV_TOTAL_LANDED ||
                     order[i] == SLV_TOTAL_RETAIL;

      if (index < 0)
        continue;
      formula = slv_cost_sheet_dup_formula (p->sheet, index);
      figure_row (p, index, strchr (formula, '=') ? formula : NULL, key);
    }
  if (slv_cost_sheet_get_price_problem (p->sheet) != NULL)
    row (p, _("Not priced"), slv_cost_sheet_get_price_problem (p->sheet), NULL, NULL, TRUE);
}

/* A stacked bar of FOB by cost group, with a legend. */
static void
chart (Pdf *p)
{
  SlvDecimal groups[SLV_COST_N_GROUPS], total = SLV_DECIMAL_ZERO;
  double x = MARGIN, width = PAGE_W - 2 * MARGIN, lx = MARGIN;

  slv_cost_sheet_get_groups (p->sheet, groups);
  for (guint g = 1; g < SLV_COST_N_GROUPS; g++)
    if (!slv_decimal_add (total, groups[g], &total))
      return;
  if (slv_decimal_sign (total) <= 0)
    return;
  heading (p, _("FOB by cost group"));
  need (p, 60);
  for (guint g = 1; g < SLV_COST_N_GROUPS; g++)
    {
      double w = width * slv_decimal_to_double (groups[g]) / slv_decimal_to_double (total);

      if (w <= 0)
        continue;
      cairo_set_source_rgb (p->cr, group_colours[g][0], group_colours[g][1], group_colours[g][2]);
      cairo_rectangle (p->cr, x, p->y, w, 18);
      cairo_fill (p->cr);
      x += w;
    }
  p->y += 30;
  font (p, 7.5, FALSE);
  for (guint g = 1; g < SLV_COST_N_GROUPS; g++)
    {
      g_autofree char *amount = NULL;
      g_autofree char *text = NULL;

      if (slv_decimal_sign (groups[g]) <= 0)
        continue;
      amount = slv_decimal_format (groups[g], 2, SLV_ROUND_HALF_UP);
      text = g_strdup_printf ("%s %s", slv_cost_group_to_string (g), amount);
      if (lx + 100 > PAGE_W - MARGIN)
        lx = MARGIN, p->y += LINE;
      cairo_set_source_rgb (p->cr, group_colours[g][0], group_colours[g][1], group_colours[g][2]);
      cairo_rectangle (p->cr, lx, p->y - 7, 8, 8);
      cairo_fill (p->cr);
      cairo_set_source_rgb (p->cr, 0, 0, 0);
      cairo_move_to (p->cr, lx + 11, p->y);
      cairo_show_text (p->cr, text);
      lx += 100;
    }
  p->y += LINE;
}

static void
explanation (Pdf *p)
{
  int index = slv_cost_sheet_get_total_index (p->sheet, SLV_TOTAL_RETAIL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  if (index < 0)
    index = slv_cost_sheet_get_total_index (p->sheet, SLV_TOTAL_FOB_ROUNDED);
  text = slv_cost_sheet_dup_explanation (p->sheet, index, -1);
  lines = g_strsplit (text, "\n", -1);
  heading (p, _("Where the figures come from"));
  font (p, 6.5, FALSE);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      guint indent = 0;

      while (*line == ' ')
        line++, indent++;
      if (*line == '\0')
        continue;
      need (p, 9);
      show_clipped (p, MARGIN + indent * 3, PAGE_W - 2 * MARGIN - indent * 3, line);
      p->y += 8.5;
    }
}

gboolean
slv_costing_pdf_write (SlvCostSheet  *sheet,
                       const char    *path,
                       GError       **error)
{
  g_autofree char *tmp = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  Pdf p = { NULL, sheet, MARGIN, 1 };

  g_return_val_if_fail (SLV_IS_COST_SHEET (sheet) && path != NULL, FALSE);

  if ((tmp = slv_atomic_file_begin (path, error)) == NULL)
    return FALSE;
  surface = cairo_pdf_surface_create (tmp, PAGE_W, PAGE_H);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, _("Cost sheet"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Selvedge");
  p.cr = cairo_create (surface);
  header (&p);
  lines (&p);
  totals (&p);
  chart (&p);
  explanation (&p);
  footer (&p);
  cairo_show_page (p.cr);
  status = cairo_status (p.cr);
  cairo_destroy (p.cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      slv_atomic_file_abort (tmp);
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, _("Could not draw the cost sheet “%s”: %s."),
                   path, cairo_status_to_string (status));
      return FALSE;
    }
  return slv_atomic_file_commit (tmp, path, error);
}
