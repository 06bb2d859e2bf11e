/* slv-costing-xlsx.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-costing-xlsx"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <xlsxwriter.h>

#include "slv-atomic-file.h"
#include "slv-costing-xlsx.h"

#define FIRST_ROW  8     /* 0-based row of figure 0 */
#define ARG_COLUMN 4     /* E */

typedef struct
{
  SlvCostSheet  *sheet;
  lxw_worksheet *ws;
  lxw_format    *bold;
  lxw_format    *money;
  lxw_format    *input;
  lxw_format    *wrap;
} Xlsx;

/* Which arguments of each kind are inputs (written as numbers); the others
 * are the values of child figures, referenced by formula. */
static guint
input_mask (const SlvFigure *f)
{
  switch ((int) f->kind)
    {
    case SLV_FIG_CONSUMPTION_ENTERED: case SLV_FIG_CONSUMPTION_DOZEN: case SLV_FIG_AMOUNT:
    case SLV_FIG_CONSUMPTION_PATTERN:
      return 0x1;
    case SLV_FIG_CONSUMPTION_KNIT:
      return 0xff;
    case SLV_FIG_CONSUMPTION_WOVEN:
      return 0x1f;
    case SLV_FIG_GROSS: case SLV_FIG_BOM_COST: case SLV_FIG_DUTY: case SLV_FIG_NET_PRICE:
      return 0x2;
    case SLV_FIG_PCT_MARKUP: case SLV_FIG_PCT_MARGIN:
      return f->n_children ? 0x2 : 0x3;
    case SLV_FIG_MATERIAL_PRICE: case SLV_FIG_RATE:
      return 0x3;
    case SLV_FIG_PRICE_CHAIN:
      return 0x2a;
    case SLV_FIG_PROCESS_SIMPLE: case SLV_FIG_MAKING:
      return 0x5;
    case SLV_FIG_PRINT:
      return 0x2c;
    case SLV_FIG_EMBROIDERY:
      return 0x9;
    case SLV_FIG_PROCESS_COST:
      return 0xe;
    case SLV_FIG_INSURANCE: case SLV_FIG_IMPORT_VAT:
      return 0x4;
    default:
      return 0;
    }
}

/* "C12": the value cell of figure @index. */
static char *
value_cell (guint index)
{
  return g_strdup_printf ("C%u", FIRST_ROW + index + 1);
}

static char *
kid (Xlsx  *x,
     guint  index,
     guint  k)
{
  guint n;
  const guint *kids = slv_cost_sheet_get_children (x->sheet, index, &n);

  return k < n ? value_cell (kids[k]) : g_strdup ("0");
}

static char *
arg (guint index,
     guint k)
{
  return g_strdup_printf ("%c%u", 'E' + k, FIRST_ROW + index + 1);
}

static char *
fx_factor (Xlsx            *x,
           const SlvFigure *f)
{
  const SlvFxQuote *q = slv_cost_sheet_get_quote (x->sheet, f->fx);
  GString *s = g_string_new (NULL);

  for (guint i = 0; q != NULL && i < q->n_legs; i++)
    {
      char buf[SLV_DECIMAL_BUF_SIZE];

      g_string_append_printf (s, "%c%s", q->legs[i].inverse ? '/' : '*',
                              slv_decimal_to_buf (q->legs[i].rate->rate, buf));
    }
  return g_string_free (s, FALSE);
}

static char *
sum_formula (Xlsx  *x,
             guint  index)
{
  guint n;
  const guint *kids = slv_cost_sheet_get_children (x->sheet, index, &n);
  GString *s = g_string_new (n ? "" : "0");

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *c = value_cell (kids[i]);

      g_string_append_printf (s, "%s%s", i ? "+" : "", c);
    }
  return g_string_free (s, FALSE);
}

/* -- the margin rule as a formula -- */

typedef struct
{
  Xlsx  *x;
  guint  index;
} RuleRefs;

static char *
quoted (const char *text)
{
  GString *s = g_string_new ("\"");

  for (const char *p = text ? text : ""; *p; p++)
    g_string_append (s, *p == '"' ? "\"\"" : (char[]) { *p, 0 });
  g_string_append_c (s, '"');
  return g_string_free (s, FALSE);
}

static char *
decimal_text (SlvDecimal v)
{
  return slv_decimal_to_string (v);
}

static char *
rule_ref (guint       slot,
          const char *name,
          gpointer    user_data)
{
  RuleRefs *r = user_data;
  SlvCostSheet *sheet = r->x->sheet;
  SlvCostingInput *in = slv_cost_sheet_get_input (sheet);
  SlvCostMaster *m = slv_cost_sheet_get_master (sheet);
  const SlvDestination *dest = slv_cost_master_get_destination (m, in->destination);
  guint n;
  const guint *kids = slv_cost_sheet_get_children (sheet, r->index, &n);
  int duty = slv_cost_sheet_get_total_index (sheet, SLV_TOTAL_DUTY);
  SlvDecimal v;

  for (guint i = 0; i < n; i++)
    {
      guint role = slv_cost_sheet_get_figure (sheet, kids[i])->role;

      if (role == SLV_ROLE_VARIABLE + slot || (slot == SLV_RULE_VAR_LANDED && role == SLV_TOTAL_LANDED_PRICE_CCY))
        return value_cell (kids[i]);
    }
  switch (slot)
    {
    case SLV_RULE_VAR_VAT:
      return dest && slv_decimal_div (dest->vat_pct, slv_decimal_from_int (100), SLV_ROUND_HALF_EVEN, &v)
             ? decimal_text (v) : NULL;
    case SLV_RULE_VAR_DUTY_RATE:
      {
        const SlvDutyRate *d = duty >= 0 ? slv_cost_sheet_get_figure (sheet, duty)->source : NULL;

        return d && slv_decimal_div (d->duty_pct, slv_decimal_from_int (100), SLV_ROUND_HALF_EVEN, &v)
               ? decimal_text (v) : NULL;
      }
    case SLV_RULE_VAR_ORDER_QTY:
      return g_strdup_printf ("%" G_GINT64_FORMAT, in->order_qty);
    case SLV_RULE_VAR_CATEGORY:
      return quoted (in->category);
    case SLV_RULE_VAR_CHANNEL:
      return quoted (in->channel);
    case SLV_RULE_VAR_DESTINATION:
      return quoted (in->destination);
    case SLV_RULE_VAR_CURRENCY:
      return quoted (slv_cost_sheet_get_price_currency (sheet));
    case SLV_RULE_VAR_STYLE:
      return quoted (in->style_code);
    case SLV_RULE_VAR_SCENARIO:
      return quoted (in->scenario);
    default:
      return NULL;
    }
}

static char *
rule_formula (Xlsx  *x,
              guint  index)
{
  const SlvFigure *f = slv_cost_sheet_get_figure (x->sheet, index);
  const SlvMarginRule *rule = f->source;
  RuleRefs refs = { x, index };
  g_autofree char *expr = NULL;
  char period[SLV_DECIMAL_BUF_SIZE], offset[SLV_DECIMAL_BUF_SIZE];

  if (rule == NULL || rule->expr == NULL ||
      (expr = slv_expr_to_formula (rule->expr, rule_ref, &refs)) == NULL)
    return NULL;
  if (!rule->has_ending)
    return g_steal_pointer (&expr);
  slv_decimal_to_buf (rule->ending.period, period);
  slv_decimal_to_buf (rule->ending.offset, offset);
  return g_strdup_printf ("CEILING(MAX(ROUND((%s)-%s,9),0),%s)+%s", expr, offset, period, offset);
}

/* -- one formula per kind -- */

static char *
formula (Xlsx  *x,
         guint  i)
{
  const SlvFigure *f = slv_cost_sheet_get_figure (x->sheet, i);
  g_autofree char *fx = fx_factor (x, f);
  g_autofree char *e = arg (i, 0), *F = arg (i, 1), *g = arg (i, 2), *h = arg (i, 3);
  g_autofree char *I = arg (i, 4), *j = arg (i, 5), *k = arg (i, 6), *l = arg (i, 7);
  g_autofree char *c0 = kid (x, i, 0), *c1 = kid (x, i, 1), *c2 = kid (x, i, 2);

  switch ((int) f->kind)
    {
    case SLV_FIG_CONSUMPTION_ENTERED:
    case SLV_FIG_CONSUMPTION_PATTERN:
    case SLV_FIG_AMOUNT:
      return g_strdup_printf ("%s%s", e, fx);
    case SLV_FIG_CONSUMPTION_KNIT:
      return g_strdup_printf ("(%s+%s+%s+%s)*(%s+%s)*2*%s*%s/10000000", e, F, g, h, I, j, k, l);
    case SLV_FIG_CONSUMPTION_WOVEN:
      return g_strdup_printf ("%s/(%s*%s)*100/%s", e, F, g, h);
    case SLV_FIG_CONSUMPTION_DOZEN:
      return g_strdup_printf ("%s/12/1000", e);
    case SLV_FIG_GROSS:
      return g_strdup_printf ("%s*(1+%s/100)", c0, F);
    case SLV_FIG_MATERIAL_PRICE:
    case SLV_FIG_RATE:
      return g_strdup_printf ("%s/%s%s", e, F, fx);
    case SLV_FIG_PRICE_CHAIN:
      return g_strdup_printf ("(1+%s/100)*((1+%s/100)*%s+%s)+%s+%s", h, F, c0, c1, c2, j);
    case SLV_FIG_BOM_COST:
      return g_strdup_printf ("%s*%s*%s%s", c1, F, c2, fx);
    case SLV_FIG_PROCESS_SIMPLE:
    case SLV_FIG_MAKING:
      return g_strdup_printf ("%s*%s/%s", e, c0, g);
    case SLV_FIG_PRINT:
      return g_strdup_printf ("%s+(%s-1)*%s+%s*%s*%s/%s", c0, g, c1, g, h, c2, j);
    case SLV_FIG_EMBROIDERY:
      return g_strdup_printf ("%s/1000*%s+%s/%s", e, c0, f->n_children > 1 ? c1 : "0", h);
    case SLV_FIG_PROCESS_COST:
      return g_strdup_printf ("MAX(%s*(1+%s/100),%s/%s)%s", c0, F, g, h, fx);
    case SLV_FIG_PCT_MARKUP:
      return g_strdup_printf ("%s*%s/100", f->n_children ? c0 : e, F);
    case SLV_FIG_PCT_MARGIN:
      return g_strdup_printf ("%s*%s/(100-%s)", f->n_children ? c0 : e, F, F);
    case SLV_FIG_SUM:
      return sum_formula (x, i);
    case SLV_FIG_ROUND_CENTS:
      return g_strdup_printf ("ROUND(%s,2)", c0);
    case SLV_FIG_INSURANCE:
      return g_strdup_printf ("(%s+%s)*%s/100", c0, c1, g);
    case SLV_FIG_CUSTOMS_VALUE:
      return g_strdup (c0);
    case SLV_FIG_DUTY:
      return g_strdup_printf ("%s*%s/100", c0, F);
    case SLV_FIG_IMPORT_VAT:
      return g_strdup_printf ("(%s+%s)*%s/100", c0, c1, g);
    case SLV_FIG_CONVERT:
      return g_strdup_printf ("%s%s", c0, fx);
    case SLV_FIG_RULE:
      return rule_formula (x, i);
    case SLV_FIG_NET_PRICE:
      return g_strdup_printf ("%s/(1+%s/100)", c0, F);
    case SLV_FIG_MARGIN_ACHIEVED:
      return g_strdup_printf ("(%s-%s)/%s*100", c0, c1, c0);
    case SLV_FIG_MARKUP_ACHIEVED:
      return g_strdup_printf ("(%s/%s-1)*100", c0, c1);
    default:
      return NULL;
    }
}

/* -- writing -- */

static void
write_figure (Xlsx  *x,
              guint  i)
{
  const SlvFigure *f = slv_cost_sheet_get_figure (x->sheet, i);
  lxw_row_t row = FIRST_ROW + i;
  g_autofree char *key = slv_cost_sheet_dup_key (x->sheet, i);
  g_autofree char *label = slv_cost_sheet_dup_label (x->sheet, i);
  g_autofree char *text = slv_cost_sheet_dup_formula (x->sheet, i);
  g_autofree char *source = slv_cost_sheet_dup_source (x->sheet, i);
  g_autofree char *body = formula (x, i);
  guint mask = input_mask (f), n_args;
  const SlvDecimal *args = slv_cost_sheet_get_args (x->sheet, i, &n_args);

  worksheet_write_string (x->ws, row, 0, key, NULL);
  worksheet_write_string (x->ws, row, 1, label, NULL);
  if (body != NULL)
    {
      g_autofree char *cell = g_strconcat ("=", body, NULL);

      worksheet_write_formula (x->ws, row, 2, cell, x->money);
    }
  else   /* cannot be expressed: the engine's value, marked in the notes */
    worksheet_write_number (x->ws, row, 2, slv_decimal_to_double (f->value), x->money);
  worksheet_write_string (x->ws, row, 3, f->unit ? f->unit : "", NULL);
  for (guint a = 0; a < n_args; a++)
    if (mask & (1u << a))
      worksheet_write_number (x->ws, row, ARG_COLUMN + a, slv_decimal_to_double (args[a]), x->input);
  worksheet_write_string (x->ws, row, ARG_COLUMN + 8, text, NULL);
  if (source != NULL || body == NULL)
    worksheet_write_string (x->ws, row, ARG_COLUMN + 9,
                            body == NULL ? _("value from Selvedge (no spreadsheet formula)") : source, NULL);
}

static void
write_header (Xlsx *x)
{
  SlvCostingInput *in = slv_cost_sheet_get_input (x->sheet);
  static const struct { SlvTotal total; const char *label; } summary[] = {
    { SLV_TOTAL_FOB_ROUNDED, N_("FOB") }, { SLV_TOTAL_LANDED, N_("Landed cost") },
    { SLV_TOTAL_RETAIL, N_("Retail price") },
  };
  static const char * const heads[] = {
    N_("Key"), N_("Figure"), N_("Value"), N_("Unit"), N_("Input 1"), N_("Input 2"), N_("Input 3"),
    N_("Input 4"), N_("Input 5"), N_("Input 6"), N_("Input 7"), N_("Input 8"), N_("Formula"), N_("Source"),
  };
  g_autofree char *title = g_strdup_printf (_("Cost sheet %s %s, scenario “%s” (%s)"),
                                            in->style_code ? in->style_code : "", in->style_name ? in->style_name : "",
                                            in->scenario ? in->scenario : "", in->status ? in->status : "");
  g_autofree char *info = g_strdup_printf (_("%" PRId64 " pieces, priced on %s to %s, %s channel, "
                                             "exchange rates “%s”, costing currency %s"),
                                           in->order_qty, in->date, in->destination ? in->destination : "",
                                           in->channel ? in->channel : "", in->fx_set ? in->fx_set : "", in->currency);

  worksheet_write_string (x->ws, 0, 0, title, x->bold);
  worksheet_write_string (x->ws, 1, 0, info, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (summary); i++)
    {
      int index = slv_cost_sheet_get_total_index (x->sheet, summary[i].total);
      g_autofree char *ref = index >= 0 ? g_strdup_printf ("=C%u", FIRST_ROW + index + 1) : NULL;

      g_autofree char *key = g_strconcat ("summary.", slv_total_to_key (summary[i].total), NULL);

      worksheet_write_string (x->ws, 2 + i, 0, key, NULL);
      worksheet_write_string (x->ws, 2 + i, 1, _(summary[i].label), x->bold);
      if (ref != NULL)
        {
          worksheet_write_formula (x->ws, 2 + i, 2, ref, x->money);
          worksheet_write_string (x->ws, 2 + i, 3, slv_cost_sheet_get_figure (x->sheet, index)->unit, NULL);
        }
      else
        worksheet_write_string (x->ws, 2 + i, 2, slv_cost_sheet_get_price_problem (x->sheet), NULL);
    }
  for (guint i = 0; i < G_N_ELEMENTS (heads); i++)
    worksheet_write_string (x->ws, FIRST_ROW - 1, i, _(heads[i]), x->bold);
}

gboolean
slv_costing_xlsx_write (SlvCostSheet  *sheet,
                        const char    *path,
                        GError       **error)
{
  g_autofree char *tmp = NULL;
  lxw_workbook *wb;
  lxw_error rc;
  Xlsx x = { sheet };

  g_return_val_if_fail (SLV_IS_COST_SHEET (sheet) && path != NULL, FALSE);

  if ((tmp = slv_atomic_file_begin (path, error)) == NULL)
    return FALSE;
  wb = workbook_new (tmp);
  if (wb == NULL)
    {
      slv_atomic_file_abort (tmp);
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, _("Could not start the workbook “%s”."), path);
      return FALSE;
    }
  x.ws = workbook_add_worksheet (wb, _("Cost sheet"));
  x.bold = workbook_add_format (wb);
  format_set_bold (x.bold);
  x.money = workbook_add_format (wb);
  format_set_num_format (x.money, "0.000000");
  x.input = workbook_add_format (wb);
  format_set_bg_color (x.input, 0xFFF4CC);
  worksheet_set_column (x.ws, 0, 0, 24, NULL);
  worksheet_set_column (x.ws, 1, 1, 48, NULL);
  worksheet_set_column (x.ws, 2, 2, 14, NULL);
  worksheet_set_column (x.ws, ARG_COLUMN + 8, ARG_COLUMN + 9, 60, NULL);
  write_header (&x);
  for (guint i = 0; i < slv_cost_sheet_get_n_figures (sheet); i++)
    write_figure (&x, i);
  worksheet_freeze_panes (x.ws, FIRST_ROW, 2);

  rc = workbook_close (wb);
  if (rc != LXW_NO_ERROR)
    {
      slv_atomic_file_abort (tmp);
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, _("Could not write the workbook “%s”: %s."),
                   path, lxw_strerror (rc));
      return FALSE;
    }
  return slv_atomic_file_commit (tmp, path, error);
}
